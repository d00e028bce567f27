#!/usr/bin/env bash
# Builds pressclip with warnings as errors and runs the whole test suite (unit tests,
# end-to-end tests of the real binary, formatting check). Idempotent; takes no arguments.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

if [ $# -ne 0 ]; then
  echo "usage: scripts/test.sh (no arguments)" >&2
  exit 2
fi

step "install missing Debian packages"
ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"

step "build pressclip and its tests"
configure_and_build

step "run the test suite"
cd "$BUILD_DIR"
ctest --output-on-failure --parallel "$(nproc)" --timeout 300
