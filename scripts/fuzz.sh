#!/usr/bin/env bash
# Runs every fuzz target with libFuzzer for SECONDS each (default 60), in a clang build with
# AddressSanitizer and UndefinedBehaviorSanitizer in build-fuzz/. New inputs that reach new
# code are kept in build-fuzz/corpus/TARGET/ (seeded from fuzz/corpus/TARGET/) so that
# later runs start from them; a crash is written to build-fuzz/findings/ and stops the run:
# fix it, then copy the input into fuzz/regressions/TARGET/. Each target's whole output (with
# the stack of a finding) is kept in build-fuzz/logs/TARGET.log; its last lines are printed.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

seconds="${1:-60}"
shift || true
fuzz_dir="$PROJECT_ROOT/build-fuzz"

step "installing clang and libFuzzer"
ensure_packages "${BUILD_PACKAGES[@]}" clang libclang-rt-14-dev

step "building the fuzz targets with clang (build-fuzz/)"
CC=clang CXX=clang++ cmake -S "$PROJECT_ROOT" -B "$fuzz_dir" -DPRESSCLIP_FUZZ=ON \
  -DPRESSCLIP_BUILD_TESTS=OFF -DPRESSCLIP_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(sed -n 's/^set(fuzz_targets \(.*\))$/\1/p' "$PROJECT_ROOT/fuzz/CMakeLists.txt" | tr ' ' '\n')
fi
cmake --build "$fuzz_dir" -j "$(nproc)" --target "${targets[@]/#/fuzz_}"

mkdir -p "$fuzz_dir/findings" "$fuzz_dir/logs"
for target in "${targets[@]}"; do
  step "fuzzing $target for $seconds s"
  corpus="$fuzz_dir/corpus/$target"
  mkdir -p "$corpus"
  ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    "$fuzz_dir/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
      -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$fuzz_dir/findings/$target-" \
      "$corpus" "$PROJECT_ROOT/fuzz/corpus/$target" > "$fuzz_dir/logs/$target.log" 2>&1 || {
    tail -n 60 "$fuzz_dir/logs/$target.log"
    echo "FAILED: fuzzing $target found a bug: see build-fuzz/logs/$target.log and build-fuzz/findings/" >&2
    exit 1
  }
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' \
    "$fuzz_dir/logs/$target.log"
done
echo "==> no finding in ${#targets[@]} target(s), $seconds s each"
