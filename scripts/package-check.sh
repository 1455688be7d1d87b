#!/usr/bin/env bash
# Makes the packages (cpack: four .deb and four .tar.gz, docs/packaging.md) and checks them as a
# distribution would: every installed file in exactly one package, nothing static or for
# developers in the runtime packages, lintian with no error (the few overrides, each with its
# reason, are in packaging/debian/*.lintian-overrides), desktop-file-validate on the desktop
# entry and appstreamcli validate --no-net on the AppStream metadata.
#
# Usage: scripts/package-check.sh [--no-build] [BUILD_DIR]   (or --help)
#   BUILD_DIR defaults to build/ (the tree scripts/test.sh builds); the packages and lintian's
#   report go to BUILD_DIR/packages. --no-build packages the tree as it is (the ctest
#   package_check does that). scripts/package-test.sh then installs them on a fresh Debian 12.
set -euo pipefail
if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  sed -n '2,/^set -euo pipefail/{/^#/s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}"
  exit 0
fi
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

build=1
if [[ "${1:-}" == "--no-build" ]]; then
  build=0
  shift
fi
build_dir=$(realpath -m "${1:-$repo_root/build}")
out=$build_dir/packages
started=$SECONDS

if ((build)); then
  "$repo_root/scripts/install-deps.sh"
  if [[ -f "$build_dir/CMakeCache.txt" ]]; then
    cmake --build "$build_dir" --parallel "$(nproc)" >&2
  else
    configure_and_build "$build_dir"
  fi
fi
for tool in cpack dpkg-deb dpkg-shlibdeps lintian desktop-file-validate appstreamcli; do
  command -v "$tool" >/dev/null || {
    echo "package-check.sh: $tool missing (scripts/install-deps.sh installs it)" >&2
    exit 2
  }
done

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

rm -rf "$out"
mkdir -p "$out"
(cd "$out" && cpack --config "$build_dir/CPackConfig.cmake" -B "$out" -G "DEB;TGZ" >cpack.log 2>&1) || {
  cat "$out/cpack.log" >&2
  echo "package-check.sh: cpack failed" >&2
  exit 1
}
packaged=$SECONDS
rm -rf "$out/_CPack_Packages"

expected=(authkit-desktop authkit-tools libauthkitqt libauthkitqt-dev)
declare -A deb_of
for package in "${expected[@]}"; do
  files=("$out/${package}_"*.deb)
  if [[ ${#files[@]} -ne 1 || ! -f "${files[0]}" ]]; then
    fail "no single .deb for $package in $out"
    continue
  fi
  deb_of[$package]=${files[0]}
done
deb_count=$(find "$out" -maxdepth 1 -name '*.deb' | wc -l)
tgz_count=$(find "$out" -maxdepth 1 -name '*.tar.gz' | wc -l)
((deb_count == ${#expected[@]})) || fail "$deb_count .deb files, expected ${#expected[@]}"
((tgz_count == ${#expected[@]})) || fail "$tgz_count .tar.gz files, expected ${#expected[@]}"

# Every file `cmake --install` puts down is in one package, and in the right one.
everything=$out/install-all
cmake --install "$build_dir" --prefix "$everything/usr" >/dev/null
(cd "$everything" && find . ! -type d | sed 's|^\./||' | sort) >"$out/installed.txt"
: >"$out/packaged.txt"
for package in "${!deb_of[@]}"; do
  dpkg-deb -x "${deb_of[$package]}" "$out/root"
  dpkg-deb --fsys-tarfile "${deb_of[$package]}" | tar -t | grep -v '/$' | sed 's|^\./||' \
    | sed "s|\$|	$package|" >>"$out/packaged.txt"
done
rm -rf "$everything"
sort -o "$out/packaged.txt" "$out/packaged.txt"
missing=$(cut -f1 "$out/packaged.txt" | sort | comm -23 "$out/installed.txt" -)
[[ -z "$missing" ]] || fail "installed but in no package: $missing"
duplicated=$(cut -f1 "$out/packaged.txt" | sort | uniq -d)
[[ -z "$duplicated" ]] || fail "in more than one package: $duplicated"
in_package() { # regex package: every file matching regex must be in package
  local wrong
  wrong=$(awk -F'\t' -v re="$1" -v pkg="$2" '$1 ~ re && $2 != pkg' "$out/packaged.txt")
  [[ -z "$wrong" ]] || fail "belongs in $2: $wrong"
}
in_package '^usr/lib/.*\.so\.[0-9.]+$' libauthkitqt
in_package '^usr/lib(/[^/]+)?/authkitqt/' libauthkitqt
in_package '^usr/libexec/authkitqt/' libauthkitqt
in_package '^usr/include/' libauthkitqt-dev
in_package '^usr/lib/.*/cmake/|^usr/lib/cmake/' libauthkitqt-dev
in_package '^usr/lib/([^/]+/)?lib[^/]*\.so$' libauthkitqt-dev
in_package '^usr/bin/authkit-desktop$' authkit-desktop
in_package '^usr/bin/authkit-(cli|emulator)$' authkit-tools
static=$(awk -F'\t' '$1 ~ /\.a$/' "$out/packaged.txt")
[[ -z "$static" ]] || fail "static libraries packaged: $static"

echo "== Depends" >&2
for package in "${expected[@]}"; do
  [[ -n "${deb_of[$package]:-}" ]] || continue
  printf '%s: %s\n' "$package" "$(dpkg-deb -f "${deb_of[$package]}" Depends)" | tee -a "$out/depends.txt" >&2
done

echo "== desktop-file-validate, appstreamcli validate --no-net" >&2
desktop_file=$out/root/usr/share/applications/authkit-desktop.desktop
metainfo=$out/root/usr/share/metainfo/io.github.authkitqt.desktop.metainfo.xml
if [[ -f "$desktop_file" ]]; then
  desktop-file-validate "$desktop_file" || fail "desktop-file-validate"
else
  fail "no desktop entry in authkit-desktop"
fi
if [[ -f "$metainfo" ]]; then
  appstreamcli validate --no-net --no-color "$metainfo" || fail "appstreamcli validate"
else
  fail "no AppStream metadata in authkit-desktop"
fi

echo "== lintian" >&2
# Errors fail; warnings and the rest are reported (lintian.txt) and counted.
lintian_status=0
lintian --fail-on error --display-level '>=info' --show-overrides "${deb_of[@]}" >"$out/lintian.txt" 2>&1 \
  || lintian_status=$?
cat "$out/lintian.txt" >&2
((lintian_status == 0)) || fail "lintian reports errors (exit $lintian_status)"
count() { grep -c "^$1: " "$out/lintian.txt" || true; }
echo "lintian: $(count E) errors, $(count W) warnings, $(count I) infos, $(count O) overridden" >&2

echo "package-check.sh: cpack $((packaged - started)) s, checks $((SECONDS - packaged)) s;" \
  "$deb_count .deb and $tgz_count .tar.gz in $out" >&2
if ((failures)); then
  echo "package-check.sh: $failures check(s) failed" >&2
  exit 1
fi
echo "package-check.sh: passed" >&2
