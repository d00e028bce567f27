#!/usr/bin/env bash
# The benchmark: builds the corpus (cached), measures pressclip and its alternatives on the
# same data in one run, and prints one table (also written as JSON). See bench/README.md.
#
#   bench/run.sh [--size 10M|100M|1G] [--corpus DIR] [--reps N] [--systems "A B ..."] [--no-build]
#                [--build-dir DIR]
# --corpus uses an existing directory of articles instead of building one; --no-build uses
# build/ (or --build-dir) as it is (the test suite's smoke run, which must not rebuild what it
# is testing, and passes its own build directory).
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"

BENCH_DIR="$PROJECT_ROOT/bench"
CACHE_DIR="${PRESSCLIP_BENCH_CACHE:-$BENCH_DIR/.cache}"
size=100M
corpus=""
reps=11
systems="pressclip raw-xapian sqlite-fts5 ripgrep omega"
build=yes

while [ $# -gt 0 ]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --corpus) corpus="$(cd "$2" && pwd)"; size="$(basename "$corpus")"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --systems) systems="$2"; shift 2 ;;
    --no-build) build=no; shift ;;
    --build-dir) BUILD_DIR="$(cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

if [ "$build" = yes ]; then
  step "install missing Debian packages"
  ensure_packages "${BUILD_PACKAGES[@]}" ripgrep sqlite3 xapian-omega xapian-tools time python3
  command -v npm >/dev/null 2>&1 || ensure_packages npm

  step "build pressclip and the benchmark programs"
  targets=(pressclip_cli pressclip_query_bench pressclip_filter_bench)
  [[ " $systems " == *" raw-xapian "* ]] && targets+=(raw_xapian_index raw_xapian_query)
  configure_and_build "${targets[@]}"
fi
export PRESSCLIP_BUILD_DIR="$BUILD_DIR"

if [ -z "$corpus" ]; then
  step "build the $size corpus (cached in $CACHE_DIR)"
  corpus="$("$BENCH_DIR/corpus/build.sh" "$size" "$CACHE_DIR")"
fi
corpus_bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
corpus_articles=$(find "$corpus" -name '*.txt' | wc -l)
echo "    corpus: $corpus ($corpus_articles articles, $corpus_bytes bytes)"

work_root="$CACHE_DIR/work-$size"
results="$CACHE_DIR/results-$size.jsonl"
rm -rf "$work_root"
mkdir -p "$work_root/new"
: >"$results"
# The article that reindex_one adds: new text, a word no other article has.
cat >"$work_root/new/new-article.txt" <<'ARTICLE'
---
title: "Benchmark arrival"
source: "Daily Ledger"
date: 2024-12-31
language: en
---
A new article arrives with the word zyxwvutsbenchmark, and the index must take it at once.
ARTICLE

record() {  # record SYSTEM STEP CLASS: wraps the JSON object on stdin into the results file
  python3 "$BENCH_DIR/report.py" record --system "$1" --step "$2" --class "$3" >>"$results"
}

column_of() {  # the queries.tsv column a system's queries are written in
  case "$1" in
    pressclip) echo 2 ;; raw-xapian|omega) echo 3 ;; sqlite-fts5) echo 4 ;; ripgrep) echo 5 ;;
  esac
}

for system in $systems; do
  script="$BENCH_DIR/systems/$system.sh"
  work="$work_root/$system"
  mkdir -p "$work"
  step "$system: index"
  "$script" index "$corpus" "$work" | record "$system" index ""
  column=$(column_of "$system")
  while IFS=$'\t' read -r class query; do
    step "$system: query $class"
    query="${query//CORPUS/$corpus}"
    "$script" query "$corpus" "$work" "$class" "$query" "$reps" | record "$system" query "$class"
  done < <(tail -n +2 "$BENCH_DIR/queries.tsv" | cut -f1,"$column")
  step "$system: reindex one new article"
  "$script" reindex_one "$corpus" "$work" "$work_root/new/new-article.txt" |
    record "$system" reindex_one ""
  step "$system: reindex with nothing changed"
  "$script" reindex_nothing "$corpus" "$work" | record "$system" reindex_nothing ""
done

step "report"
python3 "$BENCH_DIR/report.py" table --results "$results" --corpus-bytes "$corpus_bytes" \
  --articles "$corpus_articles" --json "$CACHE_DIR/results-$size.json"

if [[ " $systems " == *" pressclip "* ]]; then
  step "date filters: terms against value ranges, on pressclip's index"
  "$BUILD_DIR/bench/pressclip_filter_bench" "$work_root/pressclip/db" "${IN_PROCESS_REPS:-200}" \
    elect >"$CACHE_DIR/filters-$size.jsonl"
  python3 "$BENCH_DIR/report.py" filters --results "$CACHE_DIR/filters-$size.jsonl"
fi
