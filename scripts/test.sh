#!/usr/bin/env bash
# Builds everything and runs every test: unit, integration, conformance (official npm clients
# against our emulator), with a real Secret Service and a throwaway HOME. Installs what it needs.
# After ctest, the secret scan looks through everything the run left behind (SECURITY.md).
# Usage: scripts/test.sh [--sanitize] [ctest arguments, e.g. -L unit]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

build_dir="$repo_root/build"
cmake_args=(-DBUILD_TESTING=ON)
if [[ "${1:-}" == "--sanitize" ]]; then
  shift
  build_dir="$repo_root/build-sanitize"
  cmake_args+=(-DAUTHKIT_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
  # A finding stops the process with its report (and a stack for UBSan); the few exceptions and
  # their reasons: tests/sanitizers/README.md.
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1"
fi
started=$SECONDS

"$repo_root/scripts/install-deps.sh"
node=$("$repo_root/scripts/ensure-node.sh")
echo "Using Node $("$node" --version) at $node" >&2
if [[ -z "${npm_config_cafile:-}" && -r /etc/ssl/certs/ca-certificates.crt ]]; then
  export npm_config_cafile=/etc/ssl/certs/ca-certificates.crt # the system's CAs, as ensure-node.sh
fi
conformance="$repo_root/tests/conformance"
if [[ -f "$conformance/package-lock.json" ]]; then
  npm_cli=$(dirname "$node")/npm
  [[ -x "$npm_cli" ]] || npm_cli=npm
  (cd "$conformance" && PATH="$(dirname "$node"):$PATH" "$npm_cli" ci --no-audit --no-fund --loglevel=error >&2)
fi

configure_and_build "$build_dir" "${cmake_args[@]}" -DAUTHKIT_NODE="$node"
built=$SECONDS

export QT_QPA_PLATFORM=offscreen
[[ $(id -u) -eq 0 ]] && export QTWEBENGINE_DISABLE_SANDBOX=1
# ctest, then the secret scan, in the same throwaway root (HOME, XDG folders, TMPDIR) so that the
# scan sees what the tests left there, and ctest's log complete.
suite='
  set -o pipefail
  build_dir=$1
  shift
  status=0
  ctest --test-dir "$build_dir" --output-on-failure --timeout 600 "$@" || status=$?
  scan_status=0
  mkdir -p "$build_dir/Testing"
  "$build_dir/tests/hygiene/authkit-secret-scan" --suite "$build_dir" \
    | tee "$build_dir/Testing/secret-scan.txt" || scan_status=$?
  if ((scan_status == 0)); then
    echo "Secret hygiene after the run: Passed"
  else
    echo "Secret hygiene after the run: ***Failed (tokens, codes or verifiers in the files above)"
    status=1
  fi
  exit $status'
status=0
"$repo_root/scripts/with-keyring.sh" bash -c "$suite" suite "$build_dir" "$@" || status=$?
echo "scripts/test.sh: build $((built - started)) s, tests $((SECONDS - built)) s" >&2
exit $status
