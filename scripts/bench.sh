#!/usr/bin/env bash
# The benchmark suite (issue 10, bench/README.md): AuthKitQt side by side with the seed's web stack
# on one standalone emulator and its Convex deployment; prints the table and writes
# bench/results.md and bench/results.svg.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<'EOF'
Usage: scripts/bench.sh [--quick] [--runs N] [--no-build] [--only PART]... [--help]

Runs the benchmark suite (bench/README.md) and prints AuthKitQt vs the web stack:
  1. installs what it needs: Debian packages, Debian's chromium among them
     (scripts/install-deps.sh), Node (scripts/ensure-node.sh) and `npm ci` in bench/web;
  2. configures and builds build-bench (Release, -DAUTHKIT_BUILD_BENCHMARKS=ON,
     -DBUILD_TESTING=OFF);
  3. starts one standalone build-bench/app/emulator/authkit-emulator (keys and sessions in the
     work folder, Convex tables in memory, --cors-origin for the web page's origin);
  4. runs, each inside scripts/with-keyring.sh with QT_QPA_PLATFORM=offscreen: the native
     benches build-bench/bench/native/authkitqt-bench-* (verify_rs256 first), the web peer
     (bench/web/run.mjs), and the desktop driver (bench/desktop/run.sh) when present;
  5. node bench/report.mjs: the table, bench/results.md, bench/results.svg.
Every part appends to $AUTHKIT_BENCH_WORK/results.jsonl (emptied at the start).

Options:
  --quick      3 runs per bench instead of 10
  --runs N     N runs per bench
  --no-build   use build-bench as it is (skips step 2 and the installs of step 1)
  --only PART  run only this part: native, web or desktop (repeatable); the report still runs
  --help       this text

Environment: AUTHKIT_BENCH_WORK (default build-bench/bench-work) is the work folder.
EOF
}

runs=10
build=1
only=()
while (($#)); do
  case "$1" in
    --quick) runs=3 ;;
    --runs) runs=${2:?--runs takes a number}; shift ;;
    --no-build) build=0 ;;
    --only)
      case "${2:-}" in native | web | desktop) only+=("$2") ;; *) echo "bench.sh: --only takes native, web or desktop" >&2; exit 2 ;; esac
      shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench.sh: unknown argument \"$1\" (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: --runs takes a positive number" >&2; exit 2; }
wanted() { ((${#only[@]} == 0)) || [[ " ${only[*]} " == *" $1 "* ]]; }

log() { printf 'bench.sh: %s\n' "$*" >&2; }
build_dir="$repo_root/build-bench"
work=${AUTHKIT_BENCH_WORK:-$build_dir/bench-work}
started=$SECONDS

# 1. What the suite needs.
if ((build)); then
  "$repo_root/scripts/install-deps.sh" # chromium included
fi
node=$("$repo_root/scripts/ensure-node.sh")
log "Node $("$node" --version) at $node"
if ((build)) || [[ ! -d "$repo_root/bench/web/node_modules" ]]; then
  if [[ -z "${npm_config_cafile:-}" && -r /etc/ssl/certs/ca-certificates.crt ]]; then
    export npm_config_cafile=/etc/ssl/certs/ca-certificates.crt # the system's CAs, as ensure-node.sh
  fi
  npm_cli=$(dirname "$node")/npm
  [[ -x "$npm_cli" ]] || npm_cli=npm
  (cd "$repo_root/bench/web" && PATH="$(dirname "$node"):$PATH" "$npm_cli" ci --no-audit --no-fund --loglevel=error >&2)
fi

# 2. The Release build with the benchmarks.
if ((build)); then
  # Niced, so that a shared machine stays usable; the benches themselves run at normal priority.
  (
    renice -n 15 -p "$BASHPID" >/dev/null 2>&1 || true
    configure_and_build "$build_dir" -DCMAKE_BUILD_TYPE=Release -DAUTHKIT_BUILD_BENCHMARKS=ON \
      -DBUILD_TESTING=OFF -DAUTHKIT_NODE="$node"
  )
fi
emulator_bin="$build_dir/app/emulator/authkit-emulator"
[[ -x "$emulator_bin" ]] || { log "$emulator_bin is missing: run without --no-build"; exit 1; }
built=$SECONDS

# 3. One standalone emulator; the web page gets a free port of its own, allowed by CORS.
mkdir -p "$work"
work=$(cd "$work" && pwd)
rm -rf "$work/emulator"
: >"$work/results.jsonl"
page_port=$("$node" -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
# --memory: the Convex tables stay in memory (keys and sessions still go to the data folder), so
# the Convex benches measure the clients, not SQLite's disk writes.
"$emulator_bin" --port 0 --convex-port 0 --data-dir "$work/emulator" --memory \
  --cors-origin "http://127.0.0.1:$page_port" >"$work/emulator.out" 2>"$work/emulator.log" &
emulator_pid=$!
stop_emulator() {
  if kill -0 "$emulator_pid" 2>/dev/null; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
}
trap stop_emulator EXIT
ready=""
for _ in $(seq 1 300); do
  ready=$(sed -n 's/^authkit-emulator ready //p' "$work/emulator.out" 2>/dev/null || true)
  [[ -n "$ready" ]] && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.log" >&2; log "the emulator exited"; exit 1; }
  sleep 0.1
done
[[ -n "$ready" ]] || { log "the emulator printed no ready line in 30 s"; exit 1; }
field() { "$node" -e 'console.log(JSON.parse(process.argv[1])[process.argv[2]])' "$ready" "$1"; }

export AUTHKIT_BENCH_BASE_URL AUTHKIT_BENCH_CONVEX_URL
AUTHKIT_BENCH_BASE_URL=$(field baseUrl)
AUTHKIT_BENCH_CONVEX_URL=$(field convexUrl)
export AUTHKIT_BENCH_CLIENT_ID=client_01J00000000000000000000DEV
export AUTHKIT_BENCH_BUILD=$build_dir
export AUTHKIT_BENCH_WORK=$work
export AUTHKIT_BENCH_RUNS=$runs
export AUTHKIT_BENCH_PAGE_PORT=$page_port
export QT_QPA_PLATFORM=offscreen
[[ $(id -u) -eq 0 ]] && export QTWEBENGINE_DISABLE_SANDBOX=1
log "emulator $AUTHKIT_BENCH_BASE_URL, Convex $AUTHKIT_BENCH_CONVEX_URL, page origin http://127.0.0.1:$page_port, $runs runs, work $work"

# 4. The parts. A failing part is reported and the others still run.
failed=()
part() { # name command...
  local name=$1
  shift
  log "--- $name"
  "$repo_root/scripts/with-keyring.sh" "$@" || { log "$name FAILED"; failed+=("$name"); }
}

if wanted native; then
  shopt -s nullglob
  benches=("$build_dir"/bench/native/authkitqt-bench-*)
  shopt -u nullglob
  if ((${#benches[@]} == 0)); then
    log "no native benches in $build_dir/bench/native (skipped)"
  else
    # verify_rs256 first: it writes jwt-fixture.json, which the web side verifies too.
    ordered=()
    for bench in "${benches[@]}"; do [[ "$bench" == *verify_rs256* ]] && ordered+=("$bench"); done
    for bench in "${benches[@]}"; do [[ "$bench" != *verify_rs256* ]] && ordered+=("$bench"); done
    for bench in "${ordered[@]}"; do
      [[ -x "$bench" && ! -d "$bench" ]] && part "$(basename "$bench")" "$bench"
    done
  fi
fi
if wanted web; then
  part web "$node" "$repo_root/bench/web/run.mjs"
fi
if wanted desktop; then
  if [[ -f "$repo_root/bench/desktop/run.sh" ]]; then
    part desktop bash "$repo_root/bench/desktop/run.sh"
  else
    log "no bench/desktop/run.sh (skipped)"
  fi
fi
stop_emulator

# 5. The table.
log "--- report"
"$node" "$repo_root/bench/report.mjs" "$work/results.jsonl" --runs "$runs"
log "build $((built - started)) s, benches $((SECONDS - built)) s; results in $work/results.jsonl"
if ((${#failed[@]})); then
  log "failed parts: ${failed[*]}"
  exit 1
fi
