# Shared by run.sh and test.sh: where things are, and the configure + build step.
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

configure_and_build() { # build_dir [extra cmake args...]
  local build_dir=$1
  shift
  local launcher=()
  if command -v ccache >/dev/null; then
    # Where ccache is installed, a rebuild (another clone, the sanitizer tree) reuses what was
    # compiled before: paths are taken relative to the clone, so clones share the cache.
    export CCACHE_BASEDIR="$repo_root" CCACHE_NOHASHDIR=true
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  fi
  cmake -S "$repo_root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "$@" >&2
  cmake --build "$build_dir" --parallel "$(nproc)" >&2
}
