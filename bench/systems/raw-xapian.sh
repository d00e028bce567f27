#!/usr/bin/env bash
# Benchmark adapter for raw Xapian (bench/raw_xapian), the floor of a Xapian-based tool.
#
# Interface: bench/README.md. The programs come from the CMake build: PRESSCLIP_BUILD_DIR
# (default: <repo>/build), target dir bench/raw_xapian/. QUERY is the `xapian` column.
set -Eeuo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/measure.sh
source "$here/../lib/measure.sh"

build_dir=${PRESSCLIP_BUILD_DIR:-$here/../../build}
index_bin=$build_dir/bench/raw_xapian/raw_xapian_index
query_bin=$build_dir/bench/raw_xapian/raw_xapian_query
# In-process repetitions behind p50/p99: a 99th percentile needs well over 100 samples.
in_process_reps="${IN_PROCESS_REPS:-200}"

usage() {
  echo "usage: $0 index CORPUS WORK | query CORPUS WORK CLASS QUERY REPS |" \
    "reindex_one CORPUS WORK NEW_FILE | reindex_nothing CORPUS WORK" >&2
  exit 2
}

cmd_index() {
  local corpus="$1" work="$2" seconds rss
  mkdir -p "$work"
  # A fresh database: this measures a full build, not an update.
  rm -rf "$work/db" "$work/compacted"
  time_process "$work/index.time" "$index_bin" "$work/db" "$corpus"
  read -r seconds rss <"$work/index.time"
  # xapian-compact's default (full compaction), as a user would run it after a bulk load.
  xapian-compact "$work/db" "$work/compacted" 1>&2
  printf '{"seconds": %s, "peak_rss_kib": %s, "db_bytes": %s, "db_compacted_bytes": %s}\n' \
    "$seconds" "$rss" "$(bytes_of "$work/db")" "$(bytes_of "$work/compacted")"
  rm -rf "$work/compacted"
}

cmd_query() {
  local work="$2" query="$4" reps="$5" whole in_process
  if [[ -z "$query" ]]; then
    # Empty cell: plain Xapian has no field for source or date without a schema.
    echo '{"whole_ms": null, "p50_ms": null, "p99_ms": null, "hits": null}'
    return
  fi
  whole=$(median_ms "$reps" "$query_bin" "$work/db" 0 "$query")
  in_process=$("$query_bin" "$work/db" "$in_process_reps" "$query")
  # raw_query prints {"p50_ms": .., "p99_ms": .., "hits": ..}: put whole_ms in front.
  printf '{"whole_ms": %s, %s\n' "$whole" "${in_process#\{}"
}

cmd_reindex_one() {
  local work="$2" new_file="$3"
  printf '{"whole_ms": %s}\n' "$(once_ms "$index_bin" "$work/db" "$new_file")"
}

cmd_reindex_nothing() {
  local corpus="$1" work="$2"
  # raw_index has no change detection: over an unchanged corpus it indexes and replaces
  # every article again. That full cost is what a user of such a tool pays, so it is
  # reported as measured, not as null.
  printf '{"whole_ms": %s}\n' "$(once_ms "$index_bin" "$work/db" "$corpus")"
}

main() {
  [[ -x "$index_bin" && -x "$query_bin" ]] || {
    echo "$0: $index_bin or $query_bin missing: build the project (set PRESSCLIP_BUILD_DIR)" >&2
    exit 1
  }
  run_system_command "$@"
}

main "$@"
