#!/usr/bin/env bash
# The scaling benchmark: indexing with 1 and 2 writers (and the serial merge at its end), and
# search over one index, local shards and remote shards, in one run. See docs/scaling.md.
#
#   bench/scaling.sh [--size 10M|100M|1G] [--corpus DIR] [--reps N] [--classes "A B ..."]
#                    [--no-build] [--build-dir DIR]
# Reuses bench/run.sh's cached corpus (bench/.cache/corpus-SIZE-seed42, built if missing).
# --classes names rows of bench/queries.tsv ("all" for every one); --no-build and
# --build-dir as in bench/run.sh. Prints one table, also written as
# $PRESSCLIP_BENCH_CACHE/scaling-SIZE.json (default bench/.cache). Nothing is asserted.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
source "$PROJECT_ROOT/bench/lib/measure.sh"

BENCH_DIR="$PROJECT_ROOT/bench"
CACHE_DIR="${PRESSCLIP_BENCH_CACHE:-$BENCH_DIR/.cache}"
size=10M
corpus=""
reps=11
classes="two_term_and rare_term_and phrase date_range wildcard"
build=yes

while [ $# -gt 0 ]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --corpus) corpus="$(cd "$2" && pwd)"; size="$(basename "$corpus")"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --classes) classes="$2"; shift 2 ;;
    --no-build) build=no; shift ;;
    --build-dir) BUILD_DIR="$(cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "bench/scaling.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

if [ "$build" = yes ]; then
  step "install missing Debian packages"
  ensure_packages "${BUILD_PACKAGES[@]}" xapian-tools time python3
  step "build pressclip"
  configure_and_build pressclip_cli
fi
PRESSCLIP="$BUILD_DIR/pressclip"

if [ -z "$corpus" ]; then
  step "build the $size corpus (cached in $CACHE_DIR)"
  corpus="$("$BENCH_DIR/corpus/build.sh" "$size" "$CACHE_DIR")"
fi
corpus_bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
corpus_articles=$(find "$corpus" -name '*.txt' | wc -l)
echo "    corpus: $corpus ($corpus_articles articles, $corpus_bytes bytes)"

work="$CACHE_DIR/scaling-$size"
results="$work/results.jsonl"
rm -rf "$work"
mkdir -p "$work"
: >"$results"

# The xapian-tcpsrv processes this script started: always stopped, whatever the exit.
server_pids=()
stop_servers() {
  local pid
  for pid in "${server_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  server_pids=()
}
trap stop_servers EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# record KEY=VALUE...: one JSON object into the results; numbers and null stay unquoted.
record() {
  python3 -c 'import json, re, sys
row = {}
for pair in sys.argv[1:]:
    key, value = pair.split("=", 1)
    number = re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", value)
    row[key] = None if value == "null" else (float(value) if number else value)
print(json.dumps(row))' "$@" >>"$results"
}

# timed_index REPORT JOBS DB PATHS...: runs `pressclip index --jobs JOBS` under
# /usr/bin/time -v and prints "WALL_S CPU_S PEAK_RSS_KIB WRITTEN_BYTES SERIAL_S HEAD_S", the
# last two from polling the parallel build's staging directory every 20 ms. SERIAL_S is the
# time from the moment the merged index appears there (the compactor starts writing it once
# every shard is written) to the end of the process: the merge, the pass over duplicates, the
# flush and the swap, all on one core. HEAD_S is the time from the start to the first shard's
# appearance: start-up, the walk of the paths, the manifests (serial too). Both null when the
# run built no shards (--jobs 1, or too few articles).
timed_index() {
  local report="$1" jobs="$2" db="$3"
  shift 3
  local staging
  staging="$(dirname "$db")/.$(basename "$db").pressclip-build"
  local merged_ns="" first_ns="" start_ns end_ns pid status=0
  start_ns=$(date +%s%N)
  /usr/bin/time -v -o "$report" "$PRESSCLIP" index -q --jobs "$jobs" --db "$db" "$@" >&2 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    if [ -z "$first_ns" ] && [ -e "$staging/shards/shard-0" ]; then first_ns=$(date +%s%N); fi
    if [ -z "$merged_ns" ] && [ -e "$staging/merged" ]; then merged_ns=$(date +%s%N); fi
    sleep 0.02
  done
  wait "$pid" || status=$?
  end_ns=$(date +%s%N)
  # 1: done, but some files were skipped (each named in a warning on standard error).
  if ((status > 1)); then
    echo "pressclip index --jobs $jobs failed (exit $status)" >&2
    return 1
  fi
  local serial=null head=null
  [ -n "$merged_ns" ] && serial=$(awk -v ns="$((end_ns - merged_ns))" 'BEGIN { printf "%.3f", ns / 1e9 }')
  [ -n "$first_ns" ] && head=$(awk -v ns="$((first_ns - start_ns))" 'BEGIN { printf "%.3f", ns / 1e9 }')
  awk -F': ' -v serial="$serial" -v head="$head" '
    /Elapsed \(wall clock\) time/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 }
    /File system outputs/ { written = $2 * 512 }
    END { printf "%.3f %.3f %.0f %.0f %s %s\n", s, cpu, rss, written, serial, head }' "$report"
}

# split_corpus N DIR: hard links (copies across file systems) of the corpus articles into
# DIR/shard-0 .. DIR/shard-(N-1), dealt in turn in sorted path order, keeping relative paths.
split_corpus() {
  python3 - "$corpus" "$1" "$2" <<'PY'
import os, shutil, sys
corpus, shards, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
paths = sorted(os.path.relpath(os.path.join(d, f), corpus)
               for d, _, files in os.walk(corpus) for f in files if f.endswith(".txt"))
for i, relative in enumerate(paths):
    target = os.path.join(out, f"shard-{i % shards}", relative)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        os.link(os.path.join(corpus, relative), target)
    except OSError:
        shutil.copy2(os.path.join(corpus, relative), target)
PY
}

# build_shards N: indexes split-N/shard-K into shards-N/shard-K, two processes at a time
# (--jobs 1 each: the single writer, committing batch by batch), and prints the figures of
# the whole set as timed_index does (wall time of the set; CPU, written bytes and peak RSS
# summed over its processes; SERIAL_S and HEAD_S null).
build_shards() {
  local n="$1" k pids=() start_ns end_ns
  split_corpus "$n" "$work/split-$n"
  mkdir -p "$work/shards-$n"
  start_ns=$(date +%s%N)
  for ((k = 0; k < n; k++)); do
    timed_index "$work/shards-$n/shard-$k.time" 1 "$work/shards-$n/shard-$k" \
      "$work/split-$n/shard-$k" >"$work/shards-$n/shard-$k.figures" &
    pids+=($!)
    if ((${#pids[@]} == 2)); then
      wait "${pids[0]}"
      pids=("${pids[@]:1}")
    fi
  done
  for k in "${pids[@]}"; do wait "$k"; done
  end_ns=$(date +%s%N)
  cat "$work/shards-$n"/shard-*.figures | awk -v ns="$((end_ns - start_ns))" '
    { cpu += $2; rss += $3; written += $4 }
    END { printf "%.3f %.3f %.0f %.0f null null\n", ns / 1e9, cpu, rss, written }'
}

# compact_in_place DB: replaces DB by its compacted copy, as a parallel build's index is.
compact_in_place() {
  xapian-compact "$1" "$1.compact" >/dev/null
  rm -rf "$1"
  mv "$1.compact" "$1"
}

# write_stub FILE LINE...: a Xapian stub database file, one database per line.
write_stub() {
  local file="$1"
  shift
  printf '%s\n' "$@" >"$file"
}

# start_server DB: starts xapian-tcpsrv on a free local port for DB and sets `port` to it, or
# fails with the server's output on standard error. Not in a subshell: server_pids must keep
# the server's process id.
start_server() {
  local db="$1" log
  log="$db.tcpsrv.log"
  for _ in 1 2 3; do  # a port taken between the probe and the server: try another
    port=$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])')
    # In a session of its own: on SIGTERM xapian-tcpsrv signals its whole process group.
    setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" "$db" >"$log" 2>&1 &
    server_pids+=($!)
    for _ in $(seq 50); do
      if grep -q '^Listening' "$log"; then return 0; fi
      kill -0 "${server_pids[-1]}" 2>/dev/null || break
      sleep 0.1
    done
    kill "${server_pids[-1]}" 2>/dev/null || true
  done
  cat "$log" >&2
  return 1
}

# article_files DB QUERY: the files of the articles found, in rank order, one a line, each
# relative to the corpus or shard directory it was indexed from (article ids differ between
# the index and the shards: they are made from the path).
article_files() {
  "$PRESSCLIP" search --json --db "$1" -- "$2" 2>/dev/null | python3 -c 'import json, os, re, sys
seen = []
for line in sys.stdin:
    path = json.loads(line)["article"]["path"]
    shard = re.search(r"/split-[0-9]+/shard-[0-9]+/(.*)$", path)
    path = shard.group(1) if shard else os.path.relpath(path, sys.argv[1])
    if path not in seen:
        seen.append(path)
if seen:
    print("\n".join(seen))' "$(realpath "$corpus")" || true
}

# measure_queries CONFIG DB: times every query class on DB (a directory or a stub file). A
# search that fails is recorded with its error, not timed.
measure_queries() {
  local config="$1" db="$2" class query status error whole hits overlap
  while IFS=$'\t' read -r class query; do
    [[ " $classes " == *" $class "* || "$classes" == all ]] || continue
    step "search $class: $config"
    status=0
    "$PRESSCLIP" search --db "$db" -- "$query" >/dev/null 2>"$work/search.err" || status=$?
    if ((status > 1)); then
      error=$(head -n 1 "$work/search.err" | sed 's/^pressclip: error: //')
      echo "    failed: $error"
      record kind=query config="$config" class="$class" whole_ms=null hits=null overlap=null \
        error="$error"
      continue
    fi
    whole=$(median_ms "$reps" "$PRESSCLIP" search --db "$db" -- "$query")
    article_files "$db" "$query" >"$work/files-$class-$config"
    hits=$(grep -c . "$work/files-$class-$config" || true)
    overlap=null
    if [ -s "$work/files-$class-single" ]; then
      overlap=$(grep -cxFf "$work/files-$class-single" "$work/files-$class-$config" || true)
    fi
    record kind=query config="$config" class="$class" whole_ms="$whole" hits="$hits" \
      overlap="$overlap" error=null
  done < <(tail -n +2 "$BENCH_DIR/queries.tsv" | cut -f1,2)
}

step "read the corpus once, so that no run pays for a cold page cache"
find "$corpus" -name '*.txt' -exec cat {} + >/dev/null

step "index with --jobs 1 (single writer, batch commits)"
figures=$(timed_index "$work/jobs-1.time" 1 "$work/jobs-1" "$corpus")
read -r wall cpu rss written serial head <<<"$figures"
record kind=index config=jobs-1 seconds="$wall" cpu_seconds="$cpu" peak_rss_kib="$rss" \
  written_bytes="$written" serial_seconds="$serial" head_seconds="$head" db_bytes="$(bytes_of "$work/jobs-1")"
rm -rf "$work/jobs-1"

step "index with --jobs 2 (two shards written in parallel, merged by the compactor)"
figures=$(timed_index "$work/jobs-2.time" 2 "$work/single" "$corpus")
read -r wall cpu rss written serial head <<<"$figures"
record kind=index config=jobs-2 seconds="$wall" cpu_seconds="$cpu" peak_rss_kib="$rss" \
  written_bytes="$written" serial_seconds="$serial" head_seconds="$head" db_bytes="$(bytes_of "$work/single")"

step "index 2 disjoint halves as 2 shards, one --jobs 1 process each, at the same time"
figures=$(build_shards 2)
read -r wall cpu rss written serial head <<<"$figures"
record kind=index config=2-shards seconds="$wall" cpu_seconds="$cpu" peak_rss_kib="$rss" \
  written_bytes="$written" serial_seconds="$serial" head_seconds="$head" db_bytes="$(bytes_of "$work/shards-2")"

step "merge the 2 shards with xapian-compact (the serial step, alone)"
/usr/bin/time -v -o "$work/merge.time" \
  xapian-compact "$work/shards-2/shard-0" "$work/shards-2/shard-1" "$work/merged-2" >&2
figures=$(awk -F': ' '
  /Elapsed \(wall clock\) time/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
  /User time/ { cpu += $2 } /System time/ { cpu += $2 }
  /Maximum resident set size/ { rss = $2 } /File system outputs/ { written = $2 * 512 }
  END { printf "%.3f %.3f %.0f %.0f\n", s, cpu, rss, written }' "$work/merge.time")
read -r wall cpu rss written <<<"$figures"
record kind=merge config=compact-2 seconds="$wall" cpu_seconds="$cpu" peak_rss_kib="$rss" \
  written_bytes="$written" db_bytes="$(bytes_of "$work/merged-2")"
rm -rf "$work/merged-2"

step "index 4 disjoint quarters as 4 shards (for search)"
build_shards 4 >/dev/null
for shard in "$work"/shards-2/shard-? "$work"/shards-4/shard-?; do compact_in_place "$shard"; done
write_stub "$work/shards-2.stub" "auto $work/shards-2/shard-0" "auto $work/shards-2/shard-1"
write_stub "$work/shards-4.stub" "auto $work/shards-4/shard-0" "auto $work/shards-4/shard-1" \
  "auto $work/shards-4/shard-2" "auto $work/shards-4/shard-3"

measure_queries single "$work/single"
measure_queries local-2 "$work/shards-2.stub"
measure_queries local-4 "$work/shards-4.stub"
for n in 2 4; do
  step "start xapian-tcpsrv for each of the $n shards"
  lines=()
  for ((k = 0; k < n; k++)); do
    start_server "$work/shards-$n/shard-$k" || break
    lines+=("remote 127.0.0.1:$port")
  done
  if ((${#lines[@]} == n)); then
    write_stub "$work/remote-$n.stub" "${lines[@]}"
    measure_queries "remote-$n" "$work/remote-$n.stub"
  else
    record kind=query config="remote-$n" class=all whole_ms=null hits=null overlap=null \
      error="xapian-tcpsrv did not start"
  fi
  stop_servers
done

step "report"
python3 - "$results" "$corpus_bytes" "$corpus_articles" "$CACHE_DIR/scaling-$size.json" <<'PY'
import json, sys

rows = [json.loads(line) for line in open(sys.argv[1])]
corpus_bytes, articles, json_path = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
mb = corpus_bytes / 1e6

def fmt(value, digits=3):
    if value is None:
        return "-"
    return f"{value:.{digits}g}" if abs(value) < 10 ** digits else f"{value:.0f}"

index = {r["config"]: r for r in rows if r["kind"] == "index"}
merge = next((r for r in rows if r["kind"] == "merge"), None)
base = index["jobs-1"]
configs = ["jobs-1", "jobs-2", "2-shards"]
names = {"jobs-1": "--jobs 1", "jobs-2": "--jobs 2",
         "2-shards": "2 procs, 2 shards kept"}
for r in index.values():
    r["mb_per_s"] = mb / r["seconds"] if r["seconds"] else None
    r["cores_used"] = r["cpu_seconds"] / r["seconds"] if r["seconds"] else None
    r["size_x_text"] = r["db_bytes"] / corpus_bytes
    r["speedup"] = base["seconds"] / r["seconds"] if r["seconds"] else None
    serial = (None if r.get("serial_seconds") is None
              else r["serial_seconds"] + (r.get("head_seconds") or 0))
    r["serial_fraction"] = serial / r["seconds"] if serial is not None and r["seconds"] else None
figures = [
    ("wall time", "s", "seconds"),
    ("throughput", "MB/s", "mb_per_s"),
    ("speed-up over --jobs 1", "x", "speedup"),
    ("CPU time (user+sys)", "s", "cpu_seconds"),
    ("cores busy (CPU / wall)", "", "cores_used"),
    ("peak RSS (sum over processes)", "MiB", "peak_rss_kib"),
    ("written to disk", "MB", "written_bytes"),
    ("index size (as left)", "x text", "size_x_text"),
    ("serial head: start to first shard", "s", "head_seconds"),
    ("serial tail: merge to exit", "s", "serial_seconds"),
    ("serial (head + tail) / wall", "", "serial_fraction"),
]
scale = {"peak_rss_kib": 1 / 1024, "written_bytes": 1e-6}
table = [["figure", "unit"] + [names[c] for c in configs]]
for label, unit, key in figures:
    cells = []
    for c in configs:
        value = index[c].get(key)
        cells.append(fmt(value * scale.get(key, 1) if value is not None else None))
    table.append([f"index: {label}", unit] + cells)
if merge:
    merge["size_x_text"] = merge["db_bytes"] / corpus_bytes
    table.append(["merge: xapian-compact of the 2 shards", "s", fmt(merge["seconds"]), "", ""])
    table.append(["merge: peak RSS", "MiB", fmt(merge["peak_rss_kib"] / 1024), "", ""])
    table.append(["merge: merged size", "x text", fmt(merge["size_x_text"]), "", ""])

queries = [r for r in rows if r["kind"] == "query"]
qconfigs = ["single", "local-2", "local-4", "remote-2", "remote-4"]
qnames = {"single": "1 index", "local-2": "2 local shards", "local-4": "4 local shards",
          "remote-2": "2 remote shards", "remote-4": "4 remote shards"}
classes = list(dict.fromkeys(r["class"] for r in queries if r["class"] != "all"))
cell = {(r["config"], r["class"]): r for r in queries}
qtable = [["query (whole process, median)", "unit"] + [qnames[c] for c in qconfigs]]
errors = {}
for cls in classes:
    base_ms = (cell.get(("single", cls)) or {}).get("whole_ms")
    cells = []
    for c in qconfigs:
        r = cell.get((c, cls)) or cell.get((c, "all"))
        if r is None:
            cells.append("-")
        elif r["whole_ms"] is None:
            errors[c] = r["error"]
            cells.append("n/a (error)")
        else:
            text = fmt(r["whole_ms"])
            if c != "single" and base_ms:
                text += f" ({r['whole_ms'] / base_ms:.2f}x)"
            if r["overlap"] is not None and r["hits"]:
                text += f" [{int(r['overlap'])}/{int(r['hits'])}]"
            cells.append(text)
    qtable.append([f"query {cls}", "ms"] + cells)

def show(rows_):
    widths = [max(len(r[i]) for r in rows_) for i in range(len(rows_[0]))]
    for n, r in enumerate(rows_):
        print("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))

print(f"corpus: {mb:.1f} MB, {articles} articles")
show(table)
print()
show(qtable)
print("(ratio) = over 1 index; [k/n] = of the n articles shown, k are among those the "
      "1 index shows")
for c, error in errors.items():
    print(f"{qnames[c]}: n/a (error: {error})")

def median_delta(a, b, per):  # median over the classes of (b - a) / per, in ms
    deltas = sorted((cell[(b, k)]["whole_ms"] - cell[(a, k)]["whole_ms"]) / per
                    for k in classes
                    if (cell.get((a, k)) or {}).get("whole_ms") is not None
                    and (cell.get((b, k)) or {}).get("whole_ms") is not None)
    if not deltas:
        return None
    n = len(deltas)
    return deltas[n // 2] if n % 2 else (deltas[n // 2 - 1] + deltas[n // 2]) / 2

shard_cost = {"local_ms_per_shard": median_delta("single", "local-4", 3),
              "remote_ms_per_shard": median_delta("remote-2", "remote-4", 2),
              "remote_over_local_2_ms": median_delta("local-2", "remote-2", 1)}
print("per shard, median over the classes: local "
      f"{fmt(shard_cost['local_ms_per_shard'])} ms (1 index -> 4 shards, / 3); remote "
      f"{fmt(shard_cost['remote_ms_per_shard'])} ms (2 -> 4 remote shards, / 2); "
      f"2 remote shards over the same 2 local: {fmt(shard_cost['remote_over_local_2_ms'])} ms")
json.dump({"corpus_bytes": corpus_bytes, "articles": articles,
           "index": index, "merge": merge, "queries": queries, "shard_cost": shard_cost},
          open(json_path, "w"), indent=1)
print(f"written: {json_path}")
PY
