#!/usr/bin/env bash
# The trust figures in one Markdown table: fault scenarios passed and hostile inputs rejected
# (ctest -L faults / -L hostile, counted per Qt Test function and data row), fuzzing per target
# (scripts/fuzz.sh), a short soak (scripts/soak.sh), and the secret scan over everything these runs
# left behind (plus the one after the last scripts/test.sh). A piece that is missing says
# "not run". Prints the table and writes it to docs/trust-report.md; --readme also replaces the
# table between the trust-report markers of README.md.
# Usage: scripts/trust-report.sh [--fuzz-seconds N] [--soak-minutes M] [--out FILE] [--readme]
#   (defaults 30 s per fuzz target and 1 minute of soak; 0 leaves that piece out)
# Environment: BUILD_DIR (default build/, as scripts/test.sh makes it; built first unless
# TRUST_NO_BUILD=1).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

fuzz_seconds=30
soak_minutes=1
out="$repo_root/docs/trust-report.md"
update_readme=0
arguments=("$@")
while (($#)); do
  case "$1" in
    --fuzz-seconds) fuzz_seconds=$2; shift 2 ;;
    --soak-minutes) soak_minutes=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --readme) update_readme=1; shift ;;
    -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "trust-report: unknown argument $1" >&2; exit 2 ;;
  esac
done

# Everything below runs with a throwaway HOME, XDG folders and TMPDIR and a real Secret Service,
# so that the secret scan at the end sees all that these runs wrote.
if [[ -z "${AUTHKIT_KEYRING_SESSION:-}" ]]; then
  exec "$repo_root/scripts/with-keyring.sh" "$0" "${arguments[@]}"
fi

build_dir=${BUILD_DIR:-$repo_root/build}
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  echo "trust-report: $build_dir is not configured; run scripts/test.sh first" >&2
  exit 2
fi
if [[ -z "${TRUST_NO_BUILD:-}" ]]; then
  cmake --build "$build_dir" --parallel "$(nproc)" >&2
fi
export QT_QPA_PLATFORM=offscreen
[[ $(id -u) -eq 0 ]] && export QTWEBENGINE_DISABLE_SANDBOX=1
logs=$(mktemp -d) # under the throwaway TMPDIR: scanned at the end, removed with it
rows=()
row() { rows+=("| $1 | $2 | $3 |"); }

# Qt Test lines in a ctest -V log: functions and data rows (not initTestCase/cleanupTestCase).
qt_counts() { # log -> "passed failed skipped"
  awk '/(^|: )PASS   : / && !/::(initTestCase|cleanupTestCase)\(\)/ { p++ }
       /(^|: )FAIL!  : / { f++ }
       /(^|: )SKIP   : / { s++ }
       END { printf "%d %d %d\n", p, f, s }' "$1"
}
# "3 suites" from ctest's summary line.
ctest_suites() { # log
  sed -n 's/.*tests passed, \([0-9]*\) tests\{0,1\} failed out of \([0-9]*\).*/\2 suites, \1 failed/p' "$1" | tail -n 1
}

label_row() { # label title noun
  local label=$1 title=$2 noun=$3 log="$logs/$1.log" status=0
  echo "trust-report: ctest -L $label" >&2
  ctest --test-dir "$build_dir" -L "$label" -V --timeout 600 >"$log" 2>&1 || status=$?
  if grep -q "No tests were found" "$log"; then
    row "$title" "not run" "no test is labelled \`$label\`"
    return
  fi
  local passed failed skipped
  read -r passed failed skipped < <(qt_counts "$log")
  local total=$((passed + failed))
  local result=passed
  ((status == 0)) || result="**failed**"
  row "$title" "$result" "$passed of $total $noun ($(ctest_suites "$log")$( ((skipped)) && echo ", $skipped skipped"))"
}

label_row faults "Fault scenarios (\`ctest -L faults\`)" "scenarios passed"
label_row hostile "Hostile inputs (\`ctest -L hostile\`)" "hostile inputs rejected"

# Fuzzing: scripts/fuzz.sh ends with one line per target: "fuzz_<t> <execs> <before> -> <after>
# <crashes>", crashes being a count or "exit N".
if ((fuzz_seconds == 0)); then
  row "Fuzzing" "not run" "--fuzz-seconds 0"
elif [[ -x "$repo_root/scripts/fuzz.sh" ]]; then
  echo "trust-report: scripts/fuzz.sh $fuzz_seconds" >&2
  status=0
  "$repo_root/scripts/fuzz.sh" "$fuzz_seconds" >"$logs/fuzz.log" 2>&1 || status=$?
  found=0
  while read -r target execs before _ after crashes; do
    found=1
    result=passed
    [[ "$crashes" == 0 ]] || result="**failed**"
    [[ "$crashes" =~ ^[0-9]+$ ]] && crashes="$crashes crashes"
    row "Fuzz \`$target\` (${fuzz_seconds} s)" "$result" \
      "$execs execs, $crashes; corpus $before -> $after inputs"
  done < <(grep -E '^fuzz_[a-z_]+ +[0-9?]+ +[0-9]+ -> ' "$logs/fuzz.log" || true)
  if ((!found)); then
    row "Fuzzing (\`scripts/fuzz.sh $fuzz_seconds\`)" "**failed**" \
      "no per-target figures (exit $status): $(tail -n 1 "$logs/fuzz.log" | sed 's/|/\\|/g')"
  fi
else
  row "Fuzzing" "not run" "scripts/fuzz.sh is missing"
fi

# Soak: its summary lines, as printed.
if [[ "$soak_minutes" == 0 ]]; then
  row "Soak" "not run" "--soak-minutes 0"
elif [[ -x "$repo_root/scripts/soak.sh" ]]; then
  echo "trust-report: scripts/soak.sh $soak_minutes" >&2
  status=0
  BUILD_DIR="$build_dir" SOAK_NO_BUILD=1 "$repo_root/scripts/soak.sh" "$soak_minutes" \
    >"$logs/soak.log" 2>"$logs/soak.err" || status=$?
  summary=$(grep -E '^(refreshes|lost sessions|reconnects|messages|longest|faults injected|PSS|FAIL)' \
    "$logs/soak.log" | sed 's/|/\\|/g' | paste -sd ';' - | sed 's/;/; /g')
  row "Soak (\`scripts/soak.sh $soak_minutes\`)" "$( ((status == 0)) && echo passed || echo '**failed**')" \
    "${summary:-no summary (see its output)}"
else
  row "Soak" "not run" "scripts/soak.sh is missing"
fi

# The secret scan: after the last full run (scripts/test.sh keeps its result), and over what the
# runs above left in this throwaway root and in ctest's logs.
scan_figure() { # scan output file -> "N secrets in F files (B bytes)"
  awk '/ files, .* bytes under / { files = $3; bytes = $5 }
       / secrets found$/ { found = $3 }
       END { if (found == "") exit 1; printf "%d secrets found in %d files (%d bytes)\n", found, files, bytes }' "$1"
}
last_scan="$build_dir/Testing/secret-scan.txt"
if [[ -f "$last_scan" ]] && figure=$(scan_figure "$last_scan"); then
  row "Secrets after the whole suite (\`scripts/test.sh\`, $(date -u -r "$last_scan" '+%Y-%m-%d'))" \
    "$([[ "$figure" == "0 secrets"* ]] && echo passed || echo '**failed**')" "$figure"
else
  row "Secrets after the whole suite (\`scripts/test.sh\`)" "not run" "no scan result in $build_dir/Testing"
fi
scanner="$build_dir/tests/hygiene/authkit-secret-scan"
if [[ -x "$scanner" ]]; then
  "$scanner" --suite "$build_dir" >"$logs/scan.txt" 2>&1 || true
  figure=$(scan_figure "$logs/scan.txt" || echo "the scan did not finish")
  row "Secrets after these runs" "$([[ "$figure" == "0 secrets"* ]] && echo passed || echo '**failed**')" "$figure"
  grep ' FOUND ' "$logs/scan.txt" >&2 || true
else
  row "Secrets after these runs" "not run" "authkit-secret-scan is not built"
fi

commit=$(git -C "$repo_root" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$repo_root" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo "+changes" || true)
table=$(
  echo "Trust report of $(date -u '+%Y-%m-%d %H:%M') UTC, commit $commit$dirty, $(nproc) cores,"
  echo "\`$(basename "$build_dir")/\`: \`scripts/trust-report.sh --fuzz-seconds $fuzz_seconds --soak-minutes $soak_minutes\`"
  echo
  echo "| Check | Result | Figures |"
  echo "| --- | --- | --- |"
  printf '%s\n' "${rows[@]}"
)
echo "$table"
mkdir -p "$(dirname "$out")"
{
  echo "<!-- Written by scripts/trust-report.sh; run it again rather than editing this file. -->"
  echo
  echo "$table"
} >"$out"
echo "trust-report: written to $out" >&2

if ((update_readme)); then
  readme="$repo_root/README.md"
  if grep -q '<!-- trust-report:begin -->' "$readme" && grep -q '<!-- trust-report:end -->' "$readme"; then
    TABLE="$table" awk '
      /<!-- trust-report:begin -->/ { print; print ENVIRON["TABLE"]; skip = 1; next }
      /<!-- trust-report:end -->/ { skip = 0 }
      !skip' "$readme" >"$readme.new" && mv "$readme.new" "$readme"
    echo "trust-report: README.md updated" >&2
  else
    echo "trust-report: README.md has no trust-report markers; not updated" >&2
  fi
fi

# The report says what failed; its own status says whether anything did.
! printf '%s\n' "${rows[@]}" | grep -q '\*\*failed\*\*'
