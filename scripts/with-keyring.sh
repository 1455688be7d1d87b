#!/usr/bin/env bash
# Runs a command with a real Secret Service: a private D-Bus session and a gnome-keyring-daemon
# whose login keyring is unlocked with a throwaway password. Nothing touches the user's keyring
# or files: HOME, the XDG folders and TMPDIR all point into one throwaway root
# ($AUTHKIT_TEST_ROOT), which the secret scan (authkit-secret-scan --suite) looks through
# afterwards and which is deleted at the end.
# Usage: scripts/with-keyring.sh COMMAND [ARGS...]
set -euo pipefail

if [[ -z "${AUTHKIT_KEYRING_SESSION:-}" ]]; then
  root=$(mktemp -d -t authkit-test-XXXXXX)
  trap 'rm -rf "$root"' EXIT
  home="$root/home"
  mkdir -p "$home/.config" "$home/.cache" "$home/.local/share" "$home/.local/state" \
    "$root/tmp" "$root/run"
  chmod 700 "$root/run"
  status=0
  AUTHKIT_KEYRING_SESSION=1 AUTHKIT_TEST_ROOT="$root" HOME="$home" \
    XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" \
    XDG_DATA_HOME="$home/.local/share" XDG_STATE_HOME="$home/.local/state" \
    XDG_RUNTIME_DIR="$root/run" TMPDIR="$root/tmp" \
    dbus-run-session -- "$0" "$@" || status=$?
  exit $status
fi

eval "$(printf 'authkit-throwaway' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
status=0
"$@" || status=$?
kill "${GNOME_KEYRING_PID:-}" 2>/dev/null || true
exit $status
