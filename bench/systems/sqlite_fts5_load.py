"""Loads article files into an SQLite FTS5 table: the indexer of the sqlite-fts5 baseline.

Usage: python3 sqlite_fts5_load.py DB PATH
  PATH is a corpus directory, walked recursively for *.txt files, or one .txt file. The
  table is created if DB does not have it yet, so a single file is added to an existing
  index. All rows go in one transaction, as anyone bulk-loading SQLite would do.

Only the standard library: its sqlite3 module wraps the same SQLite as the sqlite3 CLI.
"""

import os
import sqlite3
import sys

SCHEMA = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles USING fts5("
    "path UNINDEXED, source UNINDEXED, date UNINDEXED, body, tokenize='porter unicode61')"
)


def split_front_matter(text):
    """Returns ({key: value}, body) for text that opens with a '---' ... '---' block.

    Only flat `key: scalar` lines are read (enough for source and date; the standard
    library has no YAML parser); surrounding quotes are dropped. Text without a block, or
    with an unclosed one, is all body.
    """
    first_end = text.find("\n")
    if first_end < 0 or text[:first_end].rstrip("\r") != "---":
        return {}, text
    fields = {}
    at = first_end + 1
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        line = text[at:end].rstrip("\r")
        if line == "---":
            return fields, text[end + 1 :]
        key, colon, value = line.partition(":")
        if colon:
            fields[key.strip()] = value.strip().strip("\"'")
        at = end + 1
    return {}, text


def article_files(root):
    """The .txt files under root (or root itself if it is a file)."""
    if not os.path.isdir(root):
        yield root
        return
    for directory, _, names in os.walk(root):
        for name in names:
            if name.endswith(".txt"):
                yield os.path.join(directory, name)


def rows(root, skipped):
    """One (path, source, date, body) row per readable article; unreadable ones are counted."""
    for file in article_files(root):
        path = os.path.abspath(file)
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                fields, body = split_front_matter(f.read())
        except OSError as error:
            print(f"warning: skipped {path}: {error}", file=sys.stderr)
            skipped.append(path)
            continue
        yield path, fields.get("source"), fields.get("date"), body


def main():
    if len(sys.argv) != 3:
        sys.exit(f"usage: {sys.argv[0]} DB CORPUS_DIR|FILE.txt")
    db_path, root = sys.argv[1:]
    skipped = []
    con = sqlite3.connect(db_path)
    con.execute(SCHEMA)
    with con:  # one transaction, committed on success
        cursor = con.executemany(
            "INSERT INTO articles(path, source, date, body) VALUES (?, ?, ?, ?)",
            rows(root, skipped),
        )
    con.close()
    print(f"sqlite_fts5_load: {cursor.rowcount} articles loaded, {len(skipped)} skipped",
          file=sys.stderr)


if __name__ == "__main__":
    main()
