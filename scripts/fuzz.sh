#!/usr/bin/env bash
# Fuzzes every target of tests/fuzz with libFuzzer (clang, ASan + UBSan) for SECONDS each (60 by
# default), each on a copy of its seed corpus, and prints per target: executions, corpus size
# before -> after, crashes. Exits non-zero when any target crashed or broke an invariant.
# Installs clang and its fuzzer runtime when missing. Builds in build-fuzz/.
#
# Usage: scripts/fuzz.sh [SECONDS] [--merge] [TARGET...]
#   TARGET    only these (jwt, redirect, ...; default: all)
#   --merge   afterwards, merge the inputs that found new coverage into tests/fuzz/corpus/<t>
#             (minimized with -merge=1); without it the repository's corpus is never written
# Crash, timeout and out-of-memory inputs go to build-fuzz/fuzz-run/crashes/ (the folder is
# printed). Replay one with build-fuzz/tests/fuzz/fuzz_<t> <file>; once fixed, add it to
# tests/fuzz/corpus/<t>/ so the replay test (ctest -L fuzz) keeps it fixed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

seconds=60
merge=0
targets=()
for arg in "$@"; do
  case "$arg" in
    --merge) merge=1 ;;
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    ''|*[!0-9]*) targets+=("$arg") ;;
    *) seconds=$arg ;;
  esac
done

# clang, and the libFuzzer runtime (libclang-rt-dev on Debian 12).
fuzzer_works() {
  command -v clang++ >/dev/null || return 1
  local probe
  probe=$(mktemp -d)
  printf '%s\n' '#include <cstdint>' '#include <cstddef>' \
    'extern "C" int LLVMFuzzerTestOneInput(const uint8_t *, size_t) { return 0; }' >"$probe/p.cpp"
  clang++ -fsanitize=fuzzer,address,undefined "$probe/p.cpp" -o "$probe/p" >/dev/null 2>&1
  local ok=$?
  rm -rf "$probe"
  return $ok
}
"$repo_root/scripts/install-deps.sh"
if ! fuzzer_works; then
  echo "Installing clang and libclang-rt-dev (libFuzzer)" >&2
  as_root=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "error: run as root or install sudo" >&2; exit 1; }
    as_root=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq >&2
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends clang libclang-rt-dev >&2
  fuzzer_works || { echo "error: clang cannot build a libFuzzer binary" >&2; exit 1; }
fi

build_dir="$repo_root/build-fuzz"
corpus_root="$repo_root/tests/fuzz/corpus"
if ((${#targets[@]} == 0)); then
  for dir in "$corpus_root"/*/; do targets+=("$(basename "$dir")"); done
fi
for t in "${targets[@]}"; do
  [[ -d "$corpus_root/$t" ]] || { echo "error: no target $t (no $corpus_root/$t)" >&2; exit 2; }
done

CC=clang CXX=clang++ cmake -S "$repo_root" -B "$build_dir" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON -DAUTHKIT_FUZZ=ON >&2
cmake --build "$build_dir" --parallel "$(nproc)" --target "${targets[@]/#/fuzz_}" >&2

run_dir="$build_dir/fuzz-run"
crash_dir="$run_dir/crashes"
mkdir -p "$crash_dir"
export LANG=C.UTF-8
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

failed=0
rows=()
for t in "${targets[@]}"; do
  work="$run_dir/$t"
  rm -rf "$work"
  mkdir -p "$work/corpus"
  cp -a "$corpus_root/$t/." "$work/corpus/"
  rm -f "$crash_dir/$t-"* # what an earlier run found
  before=$(find "$work/corpus" -type f | wc -l)
  echo "== fuzz_$t for ${seconds}s (log: $work/log)" >&2
  status=0
  "$build_dir/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$crash_dir/$t-" "$work/corpus" >"$work/log" 2>&1 \
    || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
  after=$(find "$work/corpus" -type f | wc -l)
  crashes=$(find "$crash_dir" -maxdepth 1 -type f -name "$t-*" | wc -l)
  if ((status != 0)); then
    failed=1
    ((crashes > 0)) || crashes="exit $status"
    grep -m 3 -E 'ERROR: |SUMMARY: |invariant broken' "$work/log" >&2 || true
  fi
  rows+=("$(printf '%-22s %10s %9s -> %-7s %s' "fuzz_$t" "${execs:-?}" "$before" "$after" "$crashes")")
  if ((merge)) && ((status == 0)); then
    "$build_dir/tests/fuzz/fuzz_$t" -merge=1 "$corpus_root/$t" "$work/corpus" >>"$work/log" 2>&1
  fi
done

printf '\n%-22s %10s %20s %s\n' target execs "corpus (files)" crashes
printf '%s\n' "${rows[@]}"
echo "crash inputs: $crash_dir"
exit $failed
