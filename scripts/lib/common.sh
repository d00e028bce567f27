# Shared by scripts/quickstart.sh and scripts/test.sh: named steps, Debian packages, build.
# Sourced, not run. Every failure names the step it happened in and exits non-zero.

set -Eeuo pipefail

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD_DIR="$PROJECT_ROOT/build"
# PRESSCLIP_SANITIZE for configure_and_build: scripts/test.sh --sanitize sets ON, with
# BUILD_DIR build-sanitize/, so that build/ is never a sanitized build.
SANITIZE=OFF
CURRENT_STEP="starting"

# Packages needed to configure and build pressclip (doctest is header-only and small: with
# it both scripts configure build/ the same way, so neither undoes the other's set-up).
BUILD_PACKAGES=(gcc g++ cmake make pkg-config libxapian-dev libicu-dev libyaml-cpp-dev libxxhash-dev
                libgumbo-dev libgmime-3.0-dev nlohmann-json3-dev libcli11-dev doctest-dev)
# Packages needed in addition to run the test suite (its smoke run of bench/ uses
# xapian-compact, python3 and /usr/bin/time; the man page check uses groff; the Python
# ctypes client uses python3).
TEST_PACKAGES=(clang-format xapian-tools python3 time groff-base)

on_failure() {
  local status=$?
  echo "" >&2
  echo "FAILED (exit $status) during step: $CURRENT_STEP" >&2
  exit "$status"
}
trap on_failure ERR

step() {
  CURRENT_STEP="$1"
  echo "==> $1"
}

# Installs, with apt-get, those of the given Debian packages that are missing.
ensure_packages() {
  local missing=()
  local package
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "    all ${#@} packages present"
    return 0
  fi
  echo "    installing: ${missing[*]}"
  local run_as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      run_as_root=(sudo)
    else
      echo "missing packages (${missing[*]}) and not root: install them, then run again" >&2
      return 1
    fi
  fi
  "${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends "${missing[@]}"
}

# Configures BUILD_DIR (warnings are errors; sanitizers as SANITIZE says) and builds the
# given targets (default: all).
configure_and_build() {
  cmake -S "$PROJECT_ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPRESSCLIP_WERROR=ON -DPRESSCLIP_BUILD_TESTS=ON -DPRESSCLIP_SANITIZE="$SANITIZE" >/dev/null
  local targets=()
  local target
  for target in "$@"; do targets+=(--target "$target"); done
  cmake --build "$BUILD_DIR" --parallel "$(nproc)" "${targets[@]}"
}
