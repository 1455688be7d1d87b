#!/usr/bin/env bash
# Installs the Debian packages on a brand-new Debian 12 and uses them as a user and a developer
# would (docs/packaging.md): `apt-get install ./*.deb` in a minimal bookworm chroot must pull every
# dependency; then authkit-cli --version, authkit-desktop --version with no display,
# authkit-emulator on a free 127.0.0.1 port (its ready line and an HTTP answer), and
# examples/hello-authkit built against the installed libauthkitqt-dev, then signing in through
# the installed login window (offscreen) and reading a live Convex query.
#
# Usage: scripts/package-test.sh [DEB_DIR]   (default: build/packages, made by package-check.sh)
#        scripts/package-test.sh --help
# Needs root (debootstrap, chroot, mounts) and the network (the Debian mirror). Not part of
# .ci/run: it downloads a few hundred MB on its first run.
#
# The minimal base system is made once with debootstrap and kept in
# $AUTHKIT_PACKAGE_TEST_CACHE (default ~/.cache/authkitqt); every run works on a fresh copy of it.
# Downloaded .deb files are kept there too (apt's archive cache), so a second run needs no
# download; the system under test still resolves and installs every dependency itself.
set -euo pipefail
if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  sed -n '2,/^set -euo pipefail/{/^#/s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}"
  exit 0
fi
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
deb_dir=$(realpath "${1:-$repo_root/build/packages}")

if [[ $(id -u) -ne 0 ]]; then
  echo "package-test.sh needs root: it makes a Debian chroot (debootstrap, chroot, mount). Run it with sudo." >&2
  exit 2
fi
shopt -s nullglob
debs=("$deb_dir"/*.deb)
if ((${#debs[@]} == 0)); then
  echo "package-test.sh: no .deb in $deb_dir (scripts/package-check.sh makes them)" >&2
  exit 2
fi
for tool in debootstrap chroot; do
  command -v "$tool" >/dev/null || {
    echo "package-test.sh: $tool missing (Debian: apt-get install debootstrap)" >&2
    exit 2
  }
done

started=$SECONDS
cache=${AUTHKIT_PACKAGE_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/authkitqt}
base=$cache/bookworm-minbase
archives=$cache/apt-archives
mkdir -p "$cache" "$archives/partial"

# The Debian archive this machine uses, so that the chroot sees the versions the packages were
# built against (bookworm, its updates and security).
sources=/etc/apt/sources.list.d/debian.sources
mirror=$(sed -n 's/^URIs: *//p' "$sources" 2>/dev/null | head -1)
[[ -n "$mirror" ]] || mirror=http://deb.debian.org/debian
if [[ ! -x "$base/bin/bash" ]]; then
  echo "Making the Debian 12 base system in $base (debootstrap --variant=minbase, once)" >&2
  rm -rf "$base.tmp"
  debootstrap --variant=minbase bookworm "$base.tmp" "$mirror" >"$cache/debootstrap.log" 2>&1 || {
    echo "package-test.sh: debootstrap failed, see $cache/debootstrap.log" >&2
    exit 1
  }
  mv "$base.tmp" "$base"
fi
base_ready=$SECONDS

work=$(mktemp -d "${TMPDIR:-/tmp}/authkit-package-test.XXXXXX")
root=$work/root
mounts=(proc sys dev var/cache/apt/archives)
cleanup() {
  local mount
  for mount in "${mounts[@]}"; do
    umount -l "$root/$mount" 2>/dev/null || true
  done
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM # the EXIT trap unmounts and removes the copy then too
cp -a "$base" "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
if [[ -f "$sources" ]]; then
  rm -f "$root/etc/apt/sources.list"
  cp "$sources" "$root/etc/apt/sources.list.d/debian.sources"
fi
# A snapshot mirror's Release files are older than their Valid-Until.
echo 'Acquire::Check-Valid-Until "false";' >"$root/etc/apt/apt.conf.d/99authkit-package-test"
mkdir -p "$root/debs" "$root/src"
cp "${debs[@]}" "$root/debs/"
cp -r "$repo_root/examples/hello-authkit" "$root/src/hello-authkit"
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind "$archives" "$root/var/cache/apt/archives"

# Inside: a clean environment, no display, nothing of this machine's.
in_chroot() {
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}
step() { echo "== $*" >&2; }

step "apt-get install ./debs/*.deb (dependencies from $mirror; no Recommends: Depends must suffice)"
in_chroot apt-get update -qq
in_chroot bash -c 'apt-get install -y -qq --no-install-recommends ./debs/*.deb >/tmp/apt.log 2>&1 \
  || { cat /tmp/apt.log; exit 1; }; grep -c "^Setting up" /tmp/apt.log | sed "s/^/packages set up: /"'
installed=$SECONDS

step "authkit-cli --version"
in_chroot authkit-cli --version
step "authkit-desktop --version (no display)"
in_chroot authkit-desktop --version
step "authkit-desktop --help (no display)"
in_chroot authkit-desktop --help >/dev/null

step "authkit-emulator on a free 127.0.0.1 port"
in_chroot bash -euo pipefail -c '
  authkit-emulator --port 0 --data-dir /tmp/emulator >/tmp/emulator.out 2>/tmp/emulator.err &
  emulator=$!
  trap "kill $emulator 2>/dev/null || true" EXIT
  # The ready line is the third; the first names the port.
  for _ in $(seq 100); do
    grep -q "^authkit-emulator ready " /tmp/emulator.out && break
    kill -0 $emulator 2>/dev/null || { cat /tmp/emulator.err; exit 1; }
    sleep 0.1
  done
  grep "^authkit-emulator ready " /tmp/emulator.out
  port=$(sed -n "s|^authkit-emulator listening on http://127.0.0.1:\([0-9]*\)$|\1|p" /tmp/emulator.out)
  [[ -n "$port" ]] || { echo "no listening line"; cat /tmp/emulator.out; exit 1; }
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf "GET /_emulator/health HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n" "$port" >&3
  answer=$(cat <&3)
  grep -q "^HTTP/1.1 200" <<<"$answer" && grep -q "\"status\":\"ok\"" <<<"$answer" || {
    echo "unexpected answer: $answer"; exit 1; }
  echo "GET /_emulator/health on port $port: 200 {\"status\":\"ok\"}"'

step "examples/hello-authkit against the installed libauthkitqt-dev"
in_chroot bash -c 'apt-get install -y -qq --no-install-recommends cmake g++ make >/tmp/apt-build.log 2>&1 \
  || { cat /tmp/apt-build.log; exit 1; }'
in_chroot bash -euo pipefail -c '
  cmake -S /src/hello-authkit -B /tmp/hello-build -DCMAKE_BUILD_TYPE=Release >/tmp/hello-configure.log 2>&1 \
    || { cat /tmp/hello-configure.log; exit 1; }
  cmake --build /tmp/hello-build -j"$(nproc)" >/tmp/hello-build.log 2>&1 || { cat /tmp/hello-build.log; exit 1; }
  QT_QPA_PLATFORM=offscreen /tmp/hello-build/hello-authkit --help | head -3
  ldd /tmp/hello-build/hello-authkit | grep -o "libauthkitqt[^ ]* => [^ ]*"'

# The example signs in for real: the installed library starts the installed login window process
# (<libexecdir>/authkitqt/authkit-login-window), whose window (offscreen; as root without
# Chromium's sandbox) gets the emulator's approval, then
# a live Convex query answers as Ada. No Secret Service here: the session stays in memory.
step "hello-authkit signs in through the installed login window process (offscreen)"
in_chroot bash -euo pipefail -c '
  authkit-emulator --port 0 --auto-approve >/tmp/approve.out 2>/tmp/approve.err &
  emulator=$!
  trap "kill \$emulator \$example 2>/dev/null || true" EXIT
  example=
  for _ in $(seq 100); do
    grep -q "^authkit-emulator ready " /tmp/approve.out && break
    sleep 0.1
  done
  base=$(sed -n "s|^authkit-emulator listening on \(http://127.0.0.1:[0-9]*\)$|\1|p" /tmp/approve.out)
  convex=$(sed -n "s|^convex deployment on \(http://127.0.0.1:[0-9]*\)$|\1|p" /tmp/approve.out)
  [[ -n "$base" && -n "$convex" ]] || { cat /tmp/approve.out /tmp/approve.err; exit 1; }
  QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 \
    QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu --no-sandbox" CONVEX_URL="$convex" \
    /tmp/hello-build/hello-authkit --client-id client_01J00000000000000000000DEV \
    --api-base-url "$base" >/tmp/hello.out 2>&1 &
  example=$!
  for _ in $(seq 1200); do
    grep -q "^Convex users:viewer: user_" /tmp/hello.out && break
    kill -0 $example 2>/dev/null || break
    sleep 0.1
  done
  grep -E "window process started from|^Logged in as|^Convex users:viewer" /tmp/hello.out \
    && grep -q "sign-in window process started from /usr/libexec/authkitqt/authkit-login-window" /tmp/hello.out \
    && grep -q "^Logged in as Ada" /tmp/hello.out \
    && grep -q "^Convex users:viewer: user_01J0000000000000000000ADA" /tmp/hello.out \
    || { echo "hello-authkit did not sign in:"; tail -40 /tmp/hello.out; exit 1; }'

echo "package-test.sh: passed on a fresh Debian 12 chroot (base $((base_ready - started)) s," \
  "install $((installed - base_ready)) s, checks $((SECONDS - installed)) s, total $((SECONDS - started)) s)" >&2
