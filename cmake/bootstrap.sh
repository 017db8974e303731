#!/usr/bin/env bash
# Installs what detente needs on Debian 12, configures, builds, and then runs
# the baseline scenario (`run`) or the whole test suite (`test`). Quick when
# nothing changed: installed packages are skipped, the build is incremental.
#
#   bash cmake/bootstrap.sh run  [extra `detente run` options]
#   bash cmake/bootstrap.sh test [extra ctest options]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake ninja-build git pkg-config ccache
  libboost-program-options-dev libboost-dev libeigen3-dev libtbb-dev libyaml-cpp-dev nlohmann-json3-dev
  pybind11-dev python3-pybind11 python3-dev
  catch2 librandom123-dev libsqlite3-dev libboost-mpi-dev libboost-serialization-dev openmpi-bin
  python3-numpy python3-pandas python3-matplotlib python3-yaml python3-pytest chromium)
# The workshop page's browser test runs on Node.js (18 or later) and npm;
# Debian's are taken only where no node is installed already.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)

install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  local preset=$1
  [ -f "build/$preset/CMakeCache.txt" ] || cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
}

# Puts the preset's Python module (build/<preset>/python/detente) on the path
# of /usr/bin/python3 with a .pth file in its site-packages, so that
# `/usr/bin/python3 -c "import detente"` works from anywhere. The last
# bootstrap run decides which build it is (run: release; test: dev).
link_python_module() {
  local preset=$1 dir site
  dir="$(pwd)/build/$preset/python"
  [ -d "$dir/detente" ] || { echo "no Python module in $dir (pybind11 missing?)" >&2; return 0; }
  site=$(/usr/bin/python3 -c 'import site; print(site.getsitepackages()[0])')
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo mkdir -p "$site"
  echo "$dir" | $sudo tee "$site/detente.pth" >/dev/null
}

mode=${1:-}
shift || true
case "$mode" in
  run)
    install_missing "${packages[@]}"
    build release
    link_python_module release
    ./build/release/detente run scenarios/baseline.yaml --out results/baseline "$@"
    ;;
  test)
    install_missing "${packages[@]}"
    build dev
    link_python_module dev
    ctest --preset dev "$@"
    ;;
  *)
    echo "usage: bash cmake/bootstrap.sh run|test [options]" >&2
    exit 2
    ;;
esac
