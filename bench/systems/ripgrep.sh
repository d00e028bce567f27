#!/usr/bin/env bash
# Benchmark adapter for ripgrep: no index, every query scans the whole corpus.
#
# Interface: bench/README.md. QUERY is the `ripgrep` column: a shell command in which the
# word CORPUS stands for the corpus directory.
set -Eeuo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/measure.sh
source "$here/../lib/measure.sh"

usage() {
  echo "usage: $0 index CORPUS WORK | query CORPUS WORK CLASS QUERY REPS |" \
    "reindex_one CORPUS WORK NEW_FILE | reindex_nothing CORPUS WORK" >&2
  exit 2
}

cmd_index() {
  # Nothing to build or store: zero time and bytes; no process ran, so no memory figure;
  # nothing to compact.
  echo '{"seconds": 0, "peak_rss_kib": null, "db_bytes": 0, "db_compacted_bytes": null}'
}

cmd_query() {
  local corpus="$1" query="$4" reps="$5" shell_command whole hits
  if [[ -z "$query" ]]; then
    echo '{"whole_ms": null, "p50_ms": null, "p99_ms": null, "hits": null}'
    return
  fi
  # CORPUS becomes a reference to a variable set for the child shell, so any path works
  # without quoting it into the command text.
  shell_command=${query//CORPUS/\"\$BENCH_CORPUS\"}
  export BENCH_CORPUS="$corpus"
  whole=$(median_ms "$reps" bash -c "$shell_command")
  # Output lines are "PATH:LINE" (or a bare PATH for rg -l); "no match" exits non-zero.
  hits=$({ bash -c "$shell_command" 2>/dev/null || true; } | sed -E 's/(\.txt):.*/\1/' | sort -u |
    wc -l)
  ((hits <= 10)) || hits=10
  printf '{"whole_ms": %s, "p50_ms": null, "p99_ms": null, "hits": %d}\n' "$whole" "$hits"
}

cmd_reindex_one() {
  # No index, so nothing to update: a new file is simply scanned by the next query.
  echo '{"whole_ms": null}'
}

cmd_reindex_nothing() { cmd_reindex_one; }

run_system_command "$@"
