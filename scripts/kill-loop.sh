#!/usr/bin/env bash
# Crash-safety soak test: kills `pressclip index` with SIGKILL at random points, many times,
# while the corpus changes between runs, and checks the index after every kill.
#
# Usage: scripts/kill-loop.sh [--kills N] [--articles N] [--corpus DIR] [--seed S]
#                             [--fraction F] [--no-copies] [--no-build] [--keep]
#   --kills N      rounds, each ending in one kill -9 (default 30)
#   --articles N   generate N articles (scripts/lib/generate_articles.py) instead of copying
#                  bench/.cache/corpus-10M-seed42 (the default when it exists; else 3000
#                  generated articles)
#   --corpus DIR   copy the articles of DIR instead (it is not changed)
#   --seed S       seed of every random choice (default: random; printed, for a rerun)
#   --fraction F   share of the articles changed by each kind of change per round (default 0.04)
#   --no-copies    make no copies of articles (no texts under several paths)
#   --no-build     use build/pressclip as it is
#   --keep         keep the work directory (printed) instead of deleting it
#
# Each round: change the corpus (revise, delete, move, copy, touch, add articles); time an
# uninterrupted run of the round's work on a copy of the index; start the same run on the
# index (with random --jobs and --batch-size, sometimes --rebuild, sometimes from no index so
# that a parallel build is killed) and kill -9 it after a random part of that time; then
# check the killed index (xapian-check, stats) and complete a copy of it (the run must succeed, xapian-check must pass, and it must hold one article per
# distinct text, with `show` finding sample files). At the end the index is completed for
# real and must equal a fresh index of the final corpus (stats and search results), every file
# must be found by `show`, and nothing may be left beside the index.
# Exit status: 0 every check passed, 1 some failed (listed in the summary), 2 usage.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

kills=30
articles=""
corpus_source=""
seed=""
fraction=0.04
copies=()
build=1
keep=0
usage() {
  sed -n '5,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --kills) kills=${2:?}; shift 2 ;;
    --articles) articles=${2:?}; shift 2 ;;
    --corpus) corpus_source=${2:?}; shift 2 ;;
    --seed) seed=${2:?}; shift 2 ;;
    --fraction) fraction=${2:?}; shift 2 ;;
    --no-copies) copies=(--no-copies); shift ;;
    --no-build) build=0; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) usage ;;
    *) echo "kill-loop.sh: unknown argument '$1'" >&2; usage ;;
  esac
done
[[ $kills =~ ^[0-9]+$ ]] || usage
[ -z "$articles" ] || [[ $articles =~ ^[0-9]+$ ]] || usage
[ -n "$seed" ] || seed=$(( (RANDOM << 15) | RANDOM ))
RANDOM=$seed

HELPER="$PROJECT_ROOT/scripts/lib/kill_loop.py"
GENERATE="$PROJECT_ROOT/scripts/lib/generate_articles.py"
WORK=$(mktemp -d /tmp/pressclip-kill-loop-XXXXXX)
# A copy of the binary, so that a rebuild of build/ during the loop does not change it.
PRESSCLIP="$WORK/bin/pressclip"
CORPUS="$WORK/corpus"
INDEX_PARENT="$WORK/index"   # Holds only the index, so that leftovers beside it show.
DB="$INDEX_PARENT/db"
mkdir -p "$INDEX_PARENT"
cleanup() {
  if [ "$keep" -eq 1 ]; then echo "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

failures=()
fail() {
  failures+=("$1")
  echo "    FAIL: $1"
}

# Seconds since the epoch, with nanoseconds.
now() { date +%s.%N; }
# $1 - $2, in seconds with 3 decimals.
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }

step "install missing Debian packages"
ensure_packages xapian-tools python3

if [ "$build" -eq 1 ]; then
  step "build pressclip"
  configure_and_build pressclip_cli
fi
[ -x "$BUILD_DIR/pressclip" ] || { echo "no $BUILD_DIR/pressclip: build it first" >&2; exit 1; }
mkdir -p "$WORK/bin"
cp "$BUILD_DIR/pressclip" "$PRESSCLIP"

step "prepare the corpus"
bench_corpus="$PROJECT_ROOT/bench/.cache/corpus-10M-seed42"
if [ -n "$corpus_source" ]; then
  cp -a "$corpus_source" "$CORPUS"
  corpus_name="copy of $corpus_source"
elif [ -z "$articles" ] && [ -d "$bench_corpus" ]; then
  cp -a "$bench_corpus" "$CORPUS"
  corpus_name="copy of bench/.cache/corpus-10M-seed42"
else
  articles=${articles:-3000}
  python3 "$GENERATE" "$CORPUS" "$articles" --seed "$seed"
  corpus_name="$articles generated articles"
fi
read -r texts files < <(python3 "$HELPER" texts "$CORPUS")
echo "    $corpus_name: $files files, $texts distinct texts; seed $seed; work in $WORK"

# The articles the index must hold once complete; sets $expected_texts.
count_texts() { read -r expected_texts _ < <(python3 "$HELPER" texts "$CORPUS"); }

# Articles in the index at $1 (stats), or "error" if stats fails.
articles_in() {
  "$PRESSCLIP" stats --db "$1" --json 2>/dev/null |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])' 2>/dev/null ||
    echo error
}

# `show` must find $2 sample files of the corpus in the index at $1.
check_show_sample() {
  local db=$1 sample=$2 path missing=0 shuffle_seed=$RANDOM
  while read -r path; do
    if ! "$PRESSCLIP" show --db "$db" --json "$path" >/dev/null 2>&1; then
      missing=$((missing + 1))
      [ "$missing" -le 3 ] && echo "    show cannot find $path"
    fi
  done < <(python3 "$HELPER" paths "$CORPUS" --sample "$sample" --seed "$shuffle_seed")
  [ "$missing" -eq 0 ]
}

step "kill loop ($kills kills)"
mid_run=0
finished_first=0
loop_started=$(now)
for round in $(seq 1 "$kills"); do
  changes=$(python3 "$HELPER" mutate "$CORPUS" --round "$round" --seed "$seed" \
    --fraction "$fraction" "${copies[@]}")
  count_texts
  jobs_choices=(1 0)
  batch_choices=(10 50 200 1000)
  jobs=${jobs_choices[$((RANDOM % 2))]}
  batch=${batch_choices[$((RANDOM % 4))]}
  mode=()
  fresh_start=""
  case $((RANDOM % 8)) in
    0) mode=(--rebuild) ;;
    1) # Start over from no index, so that a parallel build (into an empty index) is killed.
       rm -rf "$DB"
       jobs=0
       fresh_start=" (from no index)" ;;
  esac
  run_args=(index -q --jobs "$jobs" --batch-size "$batch" "${mode[@]}" --db)
  before=$(articles_in "$DB")

  # How long the round's work takes uninterrupted, on a copy.
  rm -rf "$WORK/timing"
  [ -d "$DB" ] && cp -a "$DB" "$WORK/timing"
  started=$(now)
  "$PRESSCLIP" "${run_args[@]}" "$WORK/timing" "$CORPUS" >/dev/null 2>&1 || true
  duration=$(elapsed "$(now)" "$started")
  rm -rf "$WORK/timing"
  draw=$RANDOM
  delay=$(awk -v d="$duration" -v r="$draw" 'BEGIN { printf "%.3f", d * 1.1 * r / 32767 }')

  "$PRESSCLIP" "${run_args[@]}" "$DB" "$CORPUS" >/dev/null 2>"$WORK/killed.err" &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  status=0
  wait "$pid" 2>/dev/null || status=$?
  if [ "$status" -eq 137 ]; then
    mid_run=$((mid_run + 1))
    how="killed mid-run"
  else
    finished_first=$((finished_first + 1))
    how="finished first (exit $status)"
  fi
  echo "round $round/$kills: $changes; --jobs $jobs --batch-size $batch${mode[*]:+ ${mode[*]}}$fresh_start;" \
    "kill after $delay s of ${duration} s: $how"

  # The killed index: intact, and readable if it exists.
  after="no"
  if [ -e "$DB" ]; then
    if ! xapian-check "$DB" >"$WORK/check.out" 2>&1; then
      fail "round $round: xapian-check of the killed index failed: $(tail -1 "$WORK/check.out")"
    fi
    after=$(articles_in "$DB")
    [ "$after" != error ] || fail "round $round: stats fails on the killed index"
    if [ ${#mode[@]} -gt 0 ] && [ "$after" != "$before" ] && [ "$after" != "$expected_texts" ]; then
      fail "round $round: a killed --rebuild left $after articles (before $before, complete $expected_texts)"
    fi
  fi

  # Completed from there (on a copy, so that the next round resumes the killed state).
  rm -rf "$WORK/completed"
  [ -d "$DB" ] && cp -a "$DB" "$WORK/completed"
  if ! "$PRESSCLIP" index -q --db "$WORK/completed" "$CORPUS" 2>"$WORK/complete.err"; then
    fail "round $round: completing the killed index failed: $(head -1 "$WORK/complete.err")"
    echo "    killed index left: $(ls "$DB" 2>/dev/null | tr '\n' ' ')"
    echo "    starting again from no index"
    rm -rf "$DB"
    continue
  fi
  if ! xapian-check "$WORK/completed" >"$WORK/check.out" 2>&1; then
    fail "round $round: xapian-check of the completed index failed"
  fi
  completed=$(articles_in "$WORK/completed")
  if [ "$completed" != "$expected_texts" ]; then
    fail "round $round: completed index holds $completed articles, the corpus $expected_texts texts"
  fi
  check_show_sample "$WORK/completed" 20 || fail "round $round: show cannot find sample files"
  if [ "$after" = no ]; then
    killed_state="killed before it made an index"
  else
    killed_state="killed index: $after articles"
  fi
  echo "    $killed_state; completed: $completed articles for $expected_texts texts"
done
loop_seconds=$(elapsed "$(now)" "$loop_started")

step "final run and comparison with a fresh index"
count_texts
if ! "$PRESSCLIP" index -q --db "$DB" "$CORPUS" 2>"$WORK/final.err"; then
  fail "the final run failed: $(head -1 "$WORK/final.err")"
fi
xapian-check "$DB" >"$WORK/check.out" 2>&1 || fail "xapian-check of the final index failed"
final=$(articles_in "$DB")
[ "$final" = "$expected_texts" ] ||
  fail "the final index holds $final articles, the corpus $expected_texts texts"
"$PRESSCLIP" index -q --db "$WORK/fresh" "$CORPUS"
python3 "$HELPER" digest "$PRESSCLIP" "$DB" >"$WORK/final.digest"
python3 "$HELPER" digest "$PRESSCLIP" "$WORK/fresh" >"$WORK/fresh.digest"
if ! diff -u "$WORK/fresh.digest" "$WORK/final.digest" >"$WORK/digest.diff"; then
  fail "the final index differs from a fresh index of the same corpus ($(grep -c '^[-+] ' "$WORK/digest.diff") lines of digest differ)"
  head -40 "$WORK/digest.diff"
fi
all_files=$(python3 "$HELPER" paths "$CORPUS" | wc -l)
check_show_sample "$DB" "$all_files" || fail "show cannot find every file in the final index"
leftovers=$(ls -A "$INDEX_PARENT" | grep -vx db || true)
[ -z "$leftovers" ] || fail "left beside the index: $(echo "$leftovers" | tr '\n' ' ')"

step "summary"
echo "    corpus: $corpus_name; final: $all_files files, $expected_texts distinct texts"
echo "    seed $seed; $kills kills in $loop_seconds s: $mid_run mid-run, $finished_first after the run had finished"
echo "    final index: $final articles; equal to a fresh index: $([ -s "$WORK/digest.diff" ] && echo no || echo yes)"
if [ ${#failures[@]} -eq 0 ]; then
  echo "    every check passed"
  exit 0
fi
echo "    ${#failures[@]} checks failed:"
printf '      %s\n' "${failures[@]}"
exit 1
