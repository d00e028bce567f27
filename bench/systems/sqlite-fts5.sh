#!/usr/bin/env bash
# Benchmark adapter for SQLite FTS5 (porter + unicode61), loaded by sqlite_fts5_load.py.
#
# Interface: bench/README.md. QUERY is the `fts5` column: an FTS5 MATCH expression.
set -Eeuo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/measure.sh
source "$here/../lib/measure.sh"

# The interpreter itself, resolved once: a version manager's shim (pyenv's is a shell
# script) would otherwise add its own start-up to every timed run.
python=$(python3 -c 'import sys; print(sys.executable)')
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
  rm -f "$work/articles.db" "$work/compacted.db"
  time_process "$work/index.time" \
    "$python" "$here/sqlite_fts5_load.py" "$work/articles.db" "$corpus"
  read -r seconds rss <"$work/index.time"
  # FTS5's own compaction (merge every b-tree segment into one), then VACUUM to give the
  # freed pages back; on a copy, so the measured index stays as loaded.
  cp -- "$work/articles.db" "$work/compacted.db"
  sqlite3 "$work/compacted.db" "INSERT INTO articles(articles) VALUES('optimize'); VACUUM;" 1>&2
  printf '{"seconds": %s, "peak_rss_kib": %s, "db_bytes": %s, "db_compacted_bytes": %s}\n' \
    "$seconds" "$rss" "$(bytes_of "$work/articles.db")" "$(bytes_of "$work/compacted.db")"
  rm -f "$work/compacted.db"
}

# sql_for CLASS QUERY: the SELECT a user of FTS5 would write, or nothing if there is none.
sql_for() {
  local class="$1" match="$2" filter=""
  # The fts5 cells of the filter classes are empty because MATCH cannot express them, but
  # the metadata sits in UNINDEXED columns that plain SQL can filter (by scanning the
  # matching rows), exactly what an FTS5 user would write.
  if [[ -z "$match" ]]; then
    case "$class" in
      source_filter) match=election filter=" AND source = 'Daily Ledger'" ;;
      date_range) match=election filter=" AND date BETWEEN '2018-01-01' AND '2019-06-30'" ;;
      *) return 0 ;;
    esac
  fi
  # A quote inside an SQL string literal is written twice.
  printf "SELECT path, snippet(articles, 3, '[', ']', '…', 12), bm25(articles) FROM articles"
  printf " WHERE articles MATCH '%s'%s ORDER BY bm25(articles) LIMIT 10;" \
    "${match//\'/\'\'}" "$filter"
}

cmd_query() {
  local work="$2" class="$3" query="$4" reps="$5" sql whole in_process
  sql=$(sql_for "$class" "$query")
  if [[ -z "$sql" ]]; then
    echo '{"whole_ms": null, "p50_ms": null, "p99_ms": null, "hits": null}'
    return
  fi
  # Whole process: the sqlite3 shell opening the database, running the query, printing.
  whole=$(median_ms "$reps" sqlite3 "$work/articles.db" "$sql")
  in_process=$("$python" "$here/sqlite_fts5_query.py" "$work/articles.db" "$in_process_reps" "$sql")
  # The query script prints {"p50_ms": .., "p99_ms": .., "hits": ..}: put whole_ms in front.
  printf '{"whole_ms": %s, %s\n' "$whole" "${in_process#\{}"
}

cmd_reindex_one() {
  local work="$2" new_file="$3"
  # A new process adding one row, as a user's loader would; includes Python's start-up.
  printf '{"whole_ms": %s}\n' \
    "$(once_ms "$python" "$here/sqlite_fts5_load.py" "$work/articles.db" "$new_file")"
}

cmd_reindex_nothing() {
  # FTS5 keeps no file list or timestamps: it cannot tell what changed.
  echo '{"whole_ms": null}'
}

run_system_command "$@"
