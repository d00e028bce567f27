#!/usr/bin/env bash
# pressclip under the harness's system interface (bench/README.md): index, query, reindex.
source "$(dirname "${BASH_SOURCE[0]}")/../lib/measure.sh"

BUILD_DIR="${PRESSCLIP_BUILD_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/build}"
PRESSCLIP="$BUILD_DIR/pressclip"
QUERY_BENCH="$BUILD_DIR/bench/pressclip_query_bench"
# In-process repetitions for p50/p99.
IN_PROCESS_REPS="${IN_PROCESS_REPS:-200}"

usage() {
  echo "usage: pressclip.sh index|query|reindex_one|reindex_nothing ARGS... (bench/README.md)" >&2
  exit 2
}

cmd_index() {
  local corpus="$1" work="$2" seconds rss
  rm -rf "$work/db" "$work/db-compacted"
  mkdir -p "$work"
  time_process "$work/index.time" "$PRESSCLIP" index -q --db "$work/db" "$corpus"
  read -r seconds rss <"$work/index.time"
  xapian-compact "$work/db" "$work/db-compacted" >&2
  printf '{"seconds": %s, "peak_rss_kib": %s, "db_bytes": %s, "db_compacted_bytes": %s}\n' \
    "$seconds" "$rss" "$(bytes_of "$work/db")" "$(bytes_of "$work/db-compacted")"
  rm -rf "$work/db-compacted"
}

cmd_query() {
  local work="$2" query="$4" reps="$5" whole in_process
  whole=$(median_ms "$reps" "$PRESSCLIP" search --db "$work/db" -- "$query")
  in_process=$("$QUERY_BENCH" "$work/db" "$IN_PROCESS_REPS" "$query")
  python3 -c 'import json, sys
figures = json.loads(sys.argv[2])
print(json.dumps({"whole_ms": float(sys.argv[1]), "p50_ms": figures["p50_ms"],
                  "p99_ms": figures["p99_ms"], "hits": figures["hits"]}))' "$whole" "$in_process"
}

cmd_reindex_one() {
  local work="$2" new_file="$3"
  printf '{"whole_ms": %s}\n' "$(once_ms "$PRESSCLIP" index -q --db "$work/db" "$new_file")"
}

cmd_reindex_nothing() {
  # No change detection yet (a later issue): a rerun re-indexes every article.
  local corpus="$1" work="$2"
  printf '{"whole_ms": %s}\n' "$(once_ms "$PRESSCLIP" index -q --db "$work/db" "$corpus")"
}

run_system_command "$@"
