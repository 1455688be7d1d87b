#!/usr/bin/env bash
# Soak: authkit-desktop (offscreen) signed in on 2-second access tokens, its live Convex
# subscription fed by a second client (a message every 2 s), and a fault injected every 20 s
# (sync sockets dropped, an AuthError, the refresh failing with 503, slow, or dropped).
# Prints refreshes, lost sessions, reconnects, the longest mutation -> update gap and the
# desktop's PSS at start and end. Fails on a lost session, a message that never arrived, or
# memory growth over 10 % (of the anonymous part of PSS, the heap: the rest is shared library
# pages, whose share moves whenever other programs on the machine map or unmap the same
# libraries; both are printed).
# Usage: scripts/soak.sh [minutes]   (default 10; decimals allowed)
# Environment: BUILD_DIR (default build/, as scripts/test.sh makes it), SOAK_NO_BUILD=1 to skip
# the build of the three programs, SOAK_LOG_DIR=dir to keep the logs there.
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# A real Secret Service: the desktop restores the session the CLI stored there.
if [[ -z "${AUTHKIT_KEYRING_SESSION:-}" ]]; then
  exec "$repo_root/scripts/with-keyring.sh" "$0" "$@"
fi

minutes=${1:-10}
seconds=$(awk -v m="$minutes" 'BEGIN { s = int(m * 60); if (s < 30) s = 30; print s }')
build_dir=${BUILD_DIR:-$repo_root/build}
client_id=client_01J00000000000000000000DEV
max_growth_percent=10

if [[ -z "${SOAK_NO_BUILD:-}" ]]; then
  cmake --build "$build_dir" --target authkit-emulator authkit-desktop authkit-soak-driver >&2
fi
emulator_bin="$build_dir/app/emulator/authkit-emulator"
desktop_bin="$build_dir/app/desktop/authkit-desktop"
driver_bin="$build_dir/tests/soak/authkit-soak-driver"
for bin in "$emulator_bin" "$desktop_bin" "$driver_bin"; do
  [[ -x "$bin" ]] || { echo "soak: $bin is missing (build it, or unset SOAK_NO_BUILD)" >&2; exit 2; }
done

work=$(mktemp -d -t authkit-soak-XXXXXX)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n "${SOAK_LOG_DIR:-}" ]]; then
    mkdir -p "$SOAK_LOG_DIR" && cp "$work"/*.out "$work"/*.log "$SOAK_LOG_DIR"/ 2>/dev/null || true
    echo "soak: logs in $SOAK_LOG_DIR" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT
# Our own settings only: no profiles.ini of the person running this.
export XDG_CONFIG_HOME="$work/config"
export QT_QPA_PLATFORM=offscreen
[[ $(id -u) -eq 0 ]] && export QTWEBENGINE_DISABLE_SANDBOX=1

wait_for() { # file pattern seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    grep -q -- "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "soak: timed out waiting for \"$2\" in $(basename "$1")" >&2
  return 1
}

# PSS, and its anonymous part (the heap: what a leak grows; the rest is shared libraries' pages,
# split among every process that maps them).
pss_kb() { awk '/^Pss:/ { print $2 }' "/proc/$1/smaps_rollup"; }
pss_anon_kb() { # Pss_Anon (Linux 5.4+), else Private_Dirty
  awk '/^Pss_Anon:/ { a = $2 } /^Private_Dirty:/ { p = $2 } END { print (a != "" ? a : p) }' \
    "/proc/$1/smaps_rollup"
}

# 1. The emulator, standalone, with 2-second tokens.
"$emulator_bin" --token-ttl 2 --auto-approve --memory >"$work/emulator.out" 2>"$work/emulator.log" &
pids+=($!)
wait_for "$work/emulator.out" "convex deployment on" 20
auth_url=$(sed -n 's/^authkit-emulator listening on \(http[^ ]*\).*/\1/p' "$work/emulator.out")
convex_url=$(sed -n 's/^convex deployment on \(http[^ ]*\).*/\1/p' "$work/emulator.out")
profile_args=(--profile development --client-id "$client_id" --api-base-url "$auth_url")

# 2. A stored session, where the desktop looks for it: Ada signed in through the emulator and
#    her session written to the desktop's keychain entry by the library's own SessionStore.
"$driver_bin" store-session --keychain-service authkit-desktop "${profile_args[@]}" \
  2>"$work/store-session.log" || { cat "$work/store-session.log" >&2; exit 1; }

# 3. The desktop on the same profile: it restores that session and subscribes to messages:list.
CONVEX_URL="$convex_url" \
  QT_LOGGING_RULES="authkit.*.debug=false;authkit.token.debug=true;authkit.convex.socket.debug=true;authkit.convex.model.debug=true" \
  QT_MESSAGE_PATTERN='%{time boot} %{category}: %{message}' \
  "$desktop_bin" "${profile_args[@]}" 2>"$work/desktop.log" &
desktop_pid=$!
pids+=($desktop_pid)
wait_for "$work/desktop.log" "convex accepted the token" 30

# 4. The second client: a message every 2 s, a fault every 20 s.
"$driver_bin" drive --api-base-url "$auth_url" --convex-url "$convex_url" --client-id "$client_id" \
  --message-interval-ms 2000 --fault-interval-ms 20000 >"$work/driver.out" 2>"$work/driver.log" &
driver_pid=$!
pids+=($driver_pid)
wait_for "$work/driver.out" "^sent 1 " 30
first_id=$(awk '$1 == "sent" && $2 == 1 { print $3 }' "$work/driver.out")
wait_for "$work/desktop.log" "row added: $first_id" 30 || true # counted as missing below
# Memory at start is taken once the app has warmed up (first faults, caches, the message list
# filling), and at the end before anything is stopped: the same processes share the libraries
# then, so PSS compares like with like. Samples every 5 s go to pss.log.
warmup=30
( while kill -0 "$desktop_pid" 2>/dev/null; do
    echo "$(date +%s) $(pss_kb "$desktop_pid") $(pss_anon_kb "$desktop_pid")"; sleep 5
  done ) \
  >"$work/pss.log" 2>/dev/null &
pids+=($!)
echo "soak: warming up ${warmup}s, then running ${seconds}s (desktop pid $desktop_pid)" >&2
sleep "$warmup"
pss_start=$(pss_kb "$desktop_pid")
anon_start=$(pss_anon_kb "$desktop_pid")
sleep "$seconds"
kill -0 "$desktop_pid" 2>/dev/null || { echo "soak: authkit-desktop died" >&2; tail -n 20 "$work/desktop.log" >&2; exit 1; }
pss_end=$(pss_kb "$desktop_pid")
anon_end=$(pss_anon_kb "$desktop_pid")
kill "$driver_pid" 2>/dev/null || true
wait "$driver_pid" 2>/dev/null || true
sleep 3 # the last messages reach the desktop

# 5. The figures.
awk -v pss_start="$pss_start" -v pss_end="$pss_end" -v anon_start="${anon_start:-0}" \
  -v anon_end="${anon_end:-0}" -v max_growth="$max_growth_percent" '
  # desktop.log: "<boot seconds> <category>: <message>"
  FNR == NR {
    t = $1 * 1000
    if ($2 == "authkit.token:" && $3 == "refreshing") refreshes++
    if ($2 == "authkit.desktop:" && $3 == "state:" && $4 == "signed-in") signedIn = 1
    if ($2 == "authkit.desktop:" && $3 == "state:" && $4 == "signed-out" && signedIn) lost++
    if ($2 == "authkit.desktop:" && /convex did not accept the token/) convexLost++
    if ($2 == "authkit.convex.socket:" && $3 == "connecting") connects++
    if ($2 == "authkit.convex.socket:" && $3 == "reconnecting" && $5 + 0 > maxDelay) maxDelay = $5 + 0
    if ($2 == "authkit.convex.auth:" && /AuthError/) authErrors++
    if ($2 == "authkit.convex.model:" && $3 == "row" && !($5 in arrived)) arrived[$5] = t
    next
  }
  # driver.out: "sent <n> <id> <boot ms>", "send-failed <n> <error>", "fault <what> <status> <ms>"
  $1 == "sent" { sent++; sentAt[$3] = $4 }
  $1 == "send-failed" { sendFailed++ }
  $1 == "fault" { faults++ }
  END {
    for (id in sentAt) {
      if (!(id in arrived)) { missing++; continue }
      gap = arrived[id] - sentAt[id]
      if (gap > maxGap) maxGap = gap
    }
    growth = pss_start > 0 ? (pss_end - pss_start) * 100 / pss_start : 0
    printf "refreshes: %d\n", refreshes
    printf "lost sessions: %d\n", lost + convexLost
    printf "reconnects: %d (longest reconnect delay %d ms, AuthErrors %d)\n", connects - 1, maxDelay, authErrors
    printf "messages: %d sent, %d failed to send, %d never reached the desktop\n", sent, sendFailed, missing
    printf "longest mutation -> update gap: %d ms\n", maxGap
    printf "faults injected: %d\n", faults
    anonGrowth = anon_start > 0 ? (anon_end - anon_start) * 100 / anon_start : 0
    printf "PSS: %d kB at start, %d kB at end (%+.1f %%); anonymous part %d -> %d kB (%+.1f %%)\n",
           pss_start, pss_end, growth, anon_start, anon_end, anonGrowth
    bad = 0
    if (!signedIn) { print "FAIL: the desktop never signed in"; bad = 1 }
    if (lost + convexLost > 0) { print "FAIL: a session was lost"; bad = 1 }
    if (sent == 0 || missing > 0 || sendFailed > 0) { print "FAIL: the live subscription missed messages"; bad = 1 }
    if (anonGrowth > max_growth) { printf "FAIL: memory grew more than %d %%\n", max_growth; bad = 1 }
    if (!bad) print "soak: OK"
    exit bad
  }' "$work/desktop.log" "$work/driver.out"
