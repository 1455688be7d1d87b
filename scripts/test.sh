#!/usr/bin/env bash
# Builds everything and runs every test: unit, integration, conformance (official npm clients
# against our emulator), with a real Secret Service. Installs what it needs.
# Usage: scripts/test.sh [--sanitize] [ctest arguments, e.g. -L unit]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

build_dir="$repo_root/build"
cmake_args=(-DBUILD_TESTING=ON)
if [[ "${1:-}" == "--sanitize" ]]; then
  shift
  build_dir="$repo_root/build-sanitize"
  cmake_args+=(-DAUTHKIT_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
fi

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

export QT_QPA_PLATFORM=offscreen
[[ $(id -u) -eq 0 ]] && export QTWEBENGINE_DISABLE_SANDBOX=1
"$repo_root/scripts/with-keyring.sh" \
  ctest --test-dir "$build_dir" --output-on-failure --timeout 600 "$@"
