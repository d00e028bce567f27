"""In-process latency of one SQL query against SQLite FTS5, for the sqlite-fts5 baseline.

Usage: python3 sqlite_fts5_query.py DB REPS SQL
  Runs SQL once to warm up, then REPS times on one connection, fetching every row, and
  prints {"p50_ms": .., "p99_ms": .., "hits": N} (nearest-rank percentiles), the same
  object as bench/raw_xapian/raw_query.

The query, ranking and snippets all run inside SQLite's C code; the Python around it adds
a few microseconds per run (statement lookup in the cache, building 10 row tuples), so these
figures are comparable with the C++ in-process loops, slightly to SQLite's disadvantage.
"""

import json
import math
import pathlib
import sqlite3
import sys
import time


def percentile(sorted_ms, p):
    """Nearest-rank percentile p (0 < p <= 1) of a non-empty ascending list."""
    rank = min(max(math.ceil(p * len(sorted_ms)), 1), len(sorted_ms))
    return sorted_ms[rank - 1]


def main():
    if len(sys.argv) != 4:
        sys.exit(f"usage: {sys.argv[0]} DB REPS SQL")
    db_path, reps, sql = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if reps < 1:
        sys.exit(f"{sys.argv[0]}: REPS must be at least 1")
    # Read-only: a query loop must not write; as_uri() escapes any '?' or '#' in the path.
    con = sqlite3.connect(pathlib.Path(db_path).absolute().as_uri() + "?mode=ro", uri=True)
    hits = len(con.execute(sql).fetchall())
    times_ms = []
    for _ in range(reps):
        start = time.perf_counter()
        con.execute(sql).fetchall()
        times_ms.append((time.perf_counter() - start) * 1000)
    times_ms.sort()
    print(json.dumps({"p50_ms": round(percentile(times_ms, 0.50), 3),
                      "p99_ms": round(percentile(times_ms, 0.99), 3),
                      "hits": hits}))


if __name__ == "__main__":
    main()
