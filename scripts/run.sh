#!/usr/bin/env bash
# Builds the project and starts it on its local default: authkit-desktop, which starts the AuthKit
# emulator (authkit-emulator) as its child, no account needed (on a machine without a display: the
# emulator alone).
# Usage: scripts/run.sh [options of authkit-desktop --help (or authkit-emulator --help)]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

"$repo_root/scripts/install-deps.sh"
configure_and_build "$repo_root/build" -DBUILD_TESTING=OFF

# A display, or a Qt platform named outright (QT_QPA_PLATFORM=offscreen for a smoke run).
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" || -n "${QT_QPA_PLATFORM:-}" ]]; then
  # The desktop app on its local default: it starts authkit-emulator and stops it on exit.
  # Seeded users all have the password "password": ada@example.com, grace@example.com,
  # alan@example.com (TOTP secret JBSWY3DPEHPK3PXP), katherine@example.com.
  echo "Starting authkit-desktop on the local profile (it starts the AuthKit emulator)." >&2
  exec "$repo_root/build/app/desktop/authkit-desktop" "$@"
fi

cat >&2 <<'TEXT'

No display here, so instead of the desktop app the AuthKit emulator starts on its own. Open the
sign-in page it prints in a browser, or point a WorkOS SDK or authkit-cli at it (client ID
client_01J00000000000000000000DEV, API hostname 127.0.0.1, the printed port, https off).
Seeded users all have the password "password": ada@example.com, grace@example.com,
alan@example.com (TOTP secret JBSWY3DPEHPK3PXP), katherine@example.com. Ctrl+C stops it.

TEXT
exec "$repo_root/build/app/emulator/authkit-emulator" "$@"
