#!/usr/bin/env bash
# bench/desktop: authkit-desktop's warm start, memory and first sign-in (run.mjs). Called by
# scripts/bench.sh with the AUTHKIT_BENCH_* variables (bench/README.md); run it inside
# scripts/with-keyring.sh with QT_QPA_PLATFORM=offscreen.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
node=$("$here/../../scripts/ensure-node.sh")
exec "$node" "$here/run.mjs" "$@"
