#!/usr/bin/env bash
# Runs a command with a real Secret Service: a private D-Bus session and a gnome-keyring-daemon
# whose login keyring is unlocked with a throwaway password. Nothing touches the user's keyring.
# Usage: scripts/with-keyring.sh COMMAND [ARGS...]
set -euo pipefail

if [[ -z "${AUTHKIT_KEYRING_SESSION:-}" ]]; then
  # A throwaway HOME keeps the test keyring out of the user's own files.
  keyring_home=$(mktemp -d -t authkit-keyring-XXXXXX)
  trap 'rm -rf "$keyring_home"' EXIT
  mkdir -p "$keyring_home/data" "$keyring_home/run" && chmod 700 "$keyring_home/run"
  status=0
  AUTHKIT_KEYRING_SESSION=1 XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home/run" \
    dbus-run-session -- "$0" "$@" || status=$?
  exit $status
fi

eval "$(printf 'authkit-throwaway' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
status=0
"$@" || status=$?
kill "${GNOME_KEYRING_PID:-}" 2>/dev/null || true
exit $status
