# Shared by run.sh and test.sh: where things are, and the configure + build step.
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

configure_and_build() { # build_dir [extra cmake args...]
  local build_dir=$1
  shift
  cmake -S "$repo_root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >&2
  cmake --build "$build_dir" --parallel "$(nproc)" >&2
}
