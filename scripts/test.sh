#!/usr/bin/env bash
# Builds pressclip with warnings as errors and runs the whole test suite (unit tests,
# end-to-end tests of the real binary, formatting check). Idempotent.
#
#   scripts/test.sh             in build/
#   scripts/test.sh --sanitize  in build-sanitize/, with AddressSanitizer (leaks included) and
#                               UndefinedBehaviorSanitizer: any finding fails its test
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

build_what="pressclip and its tests"
case "$*" in
  "") ;;
  --sanitize)
    SANITIZE=ON
    build_what="pressclip and its tests with sanitizers"
    BUILD_DIR="$PROJECT_ROOT/build-sanitize"
    # The sanitizer options are compiled into each program (cmake/sanitizer_options.c), so
    # nothing is set here; ASAN_OPTIONS and UBSAN_OPTIONS override them.
    ;;
  *)
    echo "usage: scripts/test.sh [--sanitize]" >&2
    exit 2
    ;;
esac

step "install missing Debian packages"
ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"

step "build $build_what"
configure_and_build

step "run the test suite"
cd "$BUILD_DIR"
ctest --output-on-failure --parallel "$(nproc)" --timeout 300
