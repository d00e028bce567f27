#!/usr/bin/env bash
# Installs pressclip from BUILD_DIR into a temporary prefix and embeds it from outside the
# tree, each route as a user would: the installed command, a C++ program through
# find_package(pressclip), a C program through pkg-config, and Python through ctypes.
#
# Usage: tests/install/run.sh BUILD_DIR
# Against a sanitized build (cmake -DPRESSCLIP_SANITIZE=ON), the suite sets
# PRESSCLIP_SANITIZER_FLAGS (the examples are built with them, so that they load the ASan
# runtime first, as a program linked to an instrumented library must) and
# PRESSCLIP_SANITIZER_PRELOAD (preloaded into the uninstrumented Python interpreter).
set -euo pipefail

build_dir="$(cd "$1" && pwd)"
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus="$source_dir/corpus"
work="$(mktemp -d /tmp/pressclip-install-XXXXXX)"
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
failures=0

check() {  # check DESCRIPTION COMMAND...: runs the command, prints ok / not ok.
  local description="$1"
  shift
  if "$@" > "$work/check.log" 2>&1; then
    echo "ok - $description"
  else
    echo "not ok - $description"
    sed 's/^/    /' "$work/check.log"
    failures=$((failures + 1))
  fi
}

# The installed programs must find only what was installed: no build tree on any path.
unset LD_LIBRARY_PATH PKG_CONFIG_PATH CMAKE_PREFIX_PATH
sanitizer_flags="${PRESSCLIP_SANITIZER_FLAGS:-}"
python=(python3)
if [ -n "${PRESSCLIP_SANITIZER_PRELOAD:-}" ]; then
  # Python's own allocations would read as leaks; tests/foreign/README.md explains the preload.
  python=(env "LD_PRELOAD=$PRESSCLIP_SANITIZER_PRELOAD"
    "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" python3)
fi

cmake --install "$build_dir" --prefix "$prefix" > "$work/install.log"
libdir="$(dirname "$(find "$prefix" -name 'libpressclip.so' | head -n 1)")"
export PKG_CONFIG_PATH="$libdir/pkgconfig"

for file in bin/pressclip include/pressclip/pressclip.h include/pressclip/indexer.h \
    include/pressclip/searcher.h include/pressclip/version.h share/man/man1/pressclip.1 \
    share/man/man7/pressclip-query.7; do
  check "installs $file" test -f "$prefix/$file"
done
check "installs the CMake package" test -f "$libdir/cmake/pressclip/pressclipConfig.cmake"
check "the installed headers include neither Xapian nor ICU" \
  bash -c "! grep -l -E '#include <(xapian|unicode/)' '$prefix'/include/pressclip/*.h"

soname="$(readelf -d "$libdir/libpressclip.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')"
check "the library's SONAME is libpressclip.so.MAJOR.MINOR ($soname)" \
  test "$soname" = "libpressclip.so.$(pkg-config --modversion pressclip | cut -d. -f1,2)"
# Exported: the C API (pressclip_*), the C++ API (pressclip::) and its type information.
nm -D --defined-only "$libdir/libpressclip.so" | awk '{print $3}' | c++filt |
  grep -v -E '^(pressclip_|pressclip::|(typeinfo|typeinfo name|vtable) for pressclip::|PRESSCLIP_0$)' \
    > "$work/foreign-symbols" || true
check "the library exports only the pressclip API" test ! -s "$work/foreign-symbols"
head -n 5 "$work/foreign-symbols"

check "the installed command runs from its prefix" "$prefix/bin/pressclip" --version
check "the installed command loads the installed library" \
  bash -c "test \"\$(realpath \"\$(ldd '$prefix/bin/pressclip' | awk '/libpressclip/ {print \$3}')\")\" = \
    \"\$(realpath '$libdir/libpressclip.so')\""
check "the installed command indexes the sample corpus" \
  "$prefix/bin/pressclip" index --db "$work/cli-index" "$corpus"
check "the installed command finds 'Wagner AND Niger'" \
  "$prefix/bin/pressclip" search --db "$work/cli-index" 'Wagner AND Niger'
check "the installed man page renders" bash -c "man -l '$prefix/share/man/man1/pressclip.1' \
  > /dev/null 2>&1 || ! command -v man"

# C++ through find_package(pressclip).
check "examples/cpp configures with find_package(pressclip)" \
  cmake -S "$source_dir/examples/cpp" -B "$work/cpp" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_CXX_FLAGS="$sanitizer_flags" -DCMAKE_EXE_LINKER_FLAGS="$sanitizer_flags"
check "examples/cpp builds" cmake --build "$work/cpp"
check "examples/cpp indexes and searches the corpus" \
  bash -c "'$work/cpp/search_news' '$work/cpp-index' '$corpus' 'Wagner AND Niger' > '$work/cpp.out'"
check "examples/cpp marks matches in its passages" grep -q -i '\[wagner\]' "$work/cpp.out"
check "examples/cpp found the article it added from memory" \
  bash -c "'$work/cpp/search_news' '$work/cpp-index' '$corpus' 'standby force' | grep -q 'Reuters'"

# C through pkg-config.
mkdir -p "$work/c"
check "examples/c builds with pkg-config" env CFLAGS="$sanitizer_flags" LDFLAGS="$sanitizer_flags" \
  make -s -C "$work/c" -f "$source_dir/examples/c/Makefile"
check "examples/c indexes and searches the corpus" \
  bash -c "'$work/c/search_news' '$work/c-index' '$corpus' 'Wagner AND Niger' > '$work/c.out'"
check "examples/c marks matches in its passages" grep -q -i '\[wagner\]' "$work/c.out"
check "the C API header compiles as C99 and as C++" bash -c "
  echo '#include <pressclip/pressclip.h>' > '$work/header.c' &&
  cc -std=c99 -pedantic -Wall -Wextra -Werror \$(pkg-config --cflags pressclip) -c '$work/header.c' -o /dev/null &&
  c++ -std=c++20 -Wall -Wextra -Werror \$(pkg-config --cflags pressclip) -x c++ -c '$work/header.c' -o /dev/null"

# Python through ctypes, against the installed library.
check "the Python ctypes client works against the installed library" \
  "${python[@]}" "$source_dir/tests/foreign/ctypes_client.py" "$libdir/libpressclip.so" "$corpus" \
  "$work/python"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all checks passed"
