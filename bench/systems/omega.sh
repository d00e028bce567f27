#!/usr/bin/env bash
# Benchmark adapter for Xapian Omega: omindex to index, quest to search (xapian 1.4.22).
#
# Interface: bench/README.md. QUERY is the `xapian` column. omindex treats an article as a
# plain text file (see omindex_options): its front matter is indexed as text, like the body,
# and no source or date field exists, so the filter classes are null.
set -Eeuo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../lib/measure.sh
source "$here/../lib/measure.sh"

# quest parses like raw_query does (English stemming, STEM_SOME; it also applies a small
# stopword list), but defaults to OR and to flags without wildcards: ask for AND and add
# wildcards so every system answers the same query.
quest_options=(-m 10 --default-op=and '--flags=default,wildcard')

# omindex options, for the initial index and the no-change run alike (one command a user
# re-runs to keep the index current). Articles are the .txt files, indexed as plain text,
# and nothing else, like every other system (first matching pattern wins; "ignore" leaves
# no trace in the database). Otherwise omindex's defaults: English stemming, positions,
# unchanged files skipped by mtime, documents of vanished files deleted.
omindex_options=(--mime-type-match='*.txt:text/plain' --mime-type-match='*:ignore')

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
  # The base URL "/" is given only to avoid omindex's warning about assuming it.
  time_process "$work/index.time" \
    omindex --db "$work/db" "${omindex_options[@]}" --url / "$corpus"
  read -r seconds rss <"$work/index.time"
  # xapian-compact's default (full compaction), as a user would run it after a bulk load.
  xapian-compact "$work/db" "$work/compacted" 1>&2
  printf '{"seconds": %s, "peak_rss_kib": %s, "db_bytes": %s, "db_compacted_bytes": %s}\n' \
    "$seconds" "$rss" "$(bytes_of "$work/db")" "$(bytes_of "$work/compacted")"
  rm -rf "$work/compacted"
}

cmd_query() {
  local work="$2" query="$4" reps="$5" whole output hits
  if [[ -z "$query" ]]; then
    echo '{"whole_ms": null, "p50_ms": null, "p99_ms": null, "hits": null}'
    return
  fi
  local quest=(quest -d "$work/db" "${quest_options[@]}" "$query")
  whole=$(median_ms "$reps" "${quest[@]}")
  # quest prints each hit as a line "DOCID: [WEIGHT]" followed by the document data.
  output=$("${quest[@]}")
  hits=$(grep -c -E '^[0-9]+: \[[^]]*\]$' <<<"$output" || true)
  # No in-process figures: quest is a whole-process tool with no repeat loop.
  printf '{"whole_ms": %s, "p50_ms": null, "p99_ms": null, "hits": %d}\n' "$whole" "$hits"
}

cmd_reindex_one() {
  local work="$2" new_file="$3" new_dir="$2/reindex_one"
  # omindex indexes directories and the harness must not touch CORPUS: the new article is
  # indexed from a directory of its own, under its own URL prefix. --no-delete is
  # essential: without it omindex deletes every document it did not see in this run,
  # i.e. the whole corpus. A fresh copy has a new mtime, so it is always (re)indexed.
  rm -rf "$new_dir"
  mkdir -p "$new_dir"
  cp -- "$new_file" "$new_dir/"
  printf '{"whole_ms": %s}\n' "$(once_ms omindex --no-delete --db "$work/db" \
    "${omindex_options[@]}" --url /new/ "$new_dir")"
}

cmd_reindex_nothing() {
  local corpus="$1" work="$2"
  # The same command as the initial index: omindex stats every file and skips it when its
  # mtime is not newer than the indexed one. If reindex_one ran before, this run also
  # deletes that article's document, as its file is not under CORPUS.
  printf '{"whole_ms": %s}\n' \
    "$(once_ms omindex --db "$work/db" "${omindex_options[@]}" --url / "$corpus")"
}

run_system_command "$@"
