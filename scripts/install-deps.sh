#!/usr/bin/env bash
# Installs the Debian packages the build, the app and the tests need, when any is missing.
# Usage: scripts/install-deps.sh [--runtime-only]
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-httpserver-dev qt6-websockets-dev qt6-webengine-dev qt6-webengine-dev-tools
  qtkeychain-qt6-dev libqt6sql6-sqlite libssl-dev libgl-dev
  qt6-qpa-plugins libqt6svg6
  dbus dbus-x11 gnome-keyring libsecret-tools xvfb xauth
  x11-utils # xprop, xwininfo: tests/webengine/tst_login_window_transient under xvfb-run
  fonts-dejavu-core
  xdg-utils desktop-file-utils # the custom-scheme sign-in: tests/gui/tst_desktop_custom_scheme
  chromium # the web peers: tests/conformance/authkit-js.test.mjs, bench/web (through playwright-core)
  # the packages (packaging/, scripts/package-check.sh): icons, man pages, the checks
  librsvg2-bin help2man lintian desktop-file-utils appstream
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "Installing ${#missing[@]} Debian packages: ${missing[*]}" >&2
as_root=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "error: run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq >&2
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
