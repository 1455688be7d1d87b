#!/usr/bin/env bash
# Builds the project and starts it on its local default: the AuthKit emulator, no account needed.
# Usage: scripts/run.sh [emulator options, see authkit-emulator --help]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

"$repo_root/scripts/install-deps.sh"
configure_and_build "$repo_root/build" -DBUILD_TESTING=OFF

cat >&2 <<'TEXT'

The AuthKit emulator is starting. Open the sign-in page it prints in a browser, or point a WorkOS
SDK at it (client ID client_01J00000000000000000000DEV, API hostname 127.0.0.1, the printed port,
https off). Seeded users all have the password "password": ada@example.com, grace@example.com,
alan@example.com (TOTP secret JBSWY3DPEHPK3PXP), katherine@example.com. Ctrl+C stops it.

TEXT
exec "$repo_root/build/app/emulator/authkit-emulator" "$@"
