#!/usr/bin/env python3
"""Records system measurements and prints the benchmark table (bench/run.sh).

record: wraps the JSON object a system script printed (stdin) with its system, step and
        query class, as one line of the results file (stdout).
table:  reads the results file, derives the figures (MB/s, articles/s, size / text, ...),
        prints one table with each figure per system and the ratio pressclip/system, and
        writes the same as JSON.
"""
import argparse
import json
import sys

MIB = 1024 * 1024
SYSTEM_ORDER = ["pressclip", "raw-xapian", "sqlite-fts5", "ripgrep", "omega"]


def record(args):
    figures = json.loads(sys.stdin.read())
    print(json.dumps({"system": args.system, "step": args.step, "class": args.query_class or None,
                      "figures": figures}))


def rows_from(records, corpus_bytes, articles):
    """Returns [(figure name, unit, {system: value})] in table order."""
    by_step = {}
    classes = []
    for item in records:
        by_step.setdefault((item["step"], item["class"]), {})[item["system"]] = item["figures"]
        if item["step"] == "query" and item["class"] not in classes:
            classes.append(item["class"])

    def pick(step, query_class, key, convert=lambda value: value):
        values = {}
        for system, figures in by_step.get((step, query_class), {}).items():
            value = figures.get(key)
            values[system] = None if value is None else convert(value)
        return values

    def per_second(amount):
        return lambda seconds: amount / seconds if seconds else None

    rows = [
        ("index: wall time", "s", pick("index", None, "seconds")),
        ("index: throughput", "MB/s", pick("index", None, "seconds", per_second(corpus_bytes / 1e6))),
        ("index: articles", "/s", pick("index", None, "seconds", per_second(articles))),
        ("index: peak RSS", "MiB", pick("index", None, "peak_rss_kib", lambda kib: kib / 1024)),
        ("index: size, fresh", "x text", pick("index", None, "db_bytes",
                                              lambda size: size / corpus_bytes if size else None)),
        ("index: size, compacted", "x text", pick("index", None, "db_compacted_bytes",
                                                  lambda size: size / corpus_bytes if size else None)),
    ]
    for query_class in classes:
        rows.append((f"query {query_class}: whole process", "ms", pick("query", query_class, "whole_ms")))
    for query_class in classes:
        rows.append((f"query {query_class}: in-process p50", "ms", pick("query", query_class, "p50_ms")))
        rows.append((f"query {query_class}: in-process p99", "ms", pick("query", query_class, "p99_ms")))
    for query_class in classes:
        rows.append((f"query {query_class}: hits", "", pick("query", query_class, "hits")))
    rows.append(("reindex: one new article", "ms", pick("reindex_one", None, "whole_ms")))
    rows.append(("reindex: nothing changed", "ms", pick("reindex_nothing", None, "whole_ms")))
    return rows


def cell(value):
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:.0f}"
    return str(value)


def table(args):
    with open(args.results) as results:
        records = [json.loads(line) for line in results if line.strip()]
    systems = [s for s in SYSTEM_ORDER if any(r["system"] == s for r in records)]
    rows = rows_from(records, args.corpus_bytes, args.articles)
    baselines = [s for s in systems if s != "pressclip"]
    header = ["figure", "unit", "pressclip"] + [f"{s} (ratio)" for s in baselines]
    lines = []
    output_rows = []
    for name, unit, values in rows:
        ours = values.get("pressclip")
        ratios = {}
        cells = [name, unit, cell(ours)]
        for system in baselines:
            theirs = values.get(system)
            ratio = ours / theirs if ours is not None and theirs else None
            ratios[system] = ratio
            cells.append(cell(theirs) + (f" ({ratio:.2f}x)" if ratio is not None else ""))
        lines.append(cells)
        output_rows.append({"figure": name, "unit": unit, "values": values, "ratio_pressclip_to": ratios})
    widths = [max(len(str(row[i])) for row in [header] + lines) for i in range(len(header))]
    print(f"corpus: {args.corpus_bytes / 1e6:.1f} MB, {args.articles} articles")
    for row in [header, ["-" * w for w in widths]] + lines:
        print("  ".join(str(text).ljust(width) for text, width in zip(row, widths)).rstrip())
    with open(args.json, "w") as out:
        json.dump({"corpus": {"bytes": args.corpus_bytes, "articles": args.articles},
                   "systems": systems, "rows": output_rows}, out, indent=1)
    print(f"written: {args.json}")


def filters(args):
    """Prints the date filter comparison written by pressclip_filter_bench."""
    rows = [json.loads(line) for line in open(args.results) if line.strip()]
    header = ["filter", "kind", "with word", "terms", "term ms", "value-range ms",
              "x faster", "no filter ms", "matches"]
    lines = []
    for row in rows:
        lines.append([row["filter"], row["kind"], "yes" if row["with_word"] else "no",
                      row["term_count"], f'{row["terms_ms"]:.3f}', f'{row["value_range_ms"]:.3f}',
                      f'{row["value_range_ms"] / max(row["terms_ms"], 1e-6):.1f}',
                      f'{row["no_filter_ms"]:.3f}' if "no_filter_ms" in row else "",
                      row["matches"] if "value_range_matches" not in row
                      else f'{row["matches"]} != {row["value_range_matches"]}'])
    widths = [max(len(str(r[i])) for r in [header] + lines) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths]] + lines:
        print("  ".join(str(text).ljust(width) for text, width in zip(row, widths)).rstrip())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    record_parser = commands.add_parser("record")
    record_parser.add_argument("--system", required=True)
    record_parser.add_argument("--step", required=True)
    record_parser.add_argument("--class", dest="query_class", default="")
    table_parser = commands.add_parser("table")
    table_parser.add_argument("--results", required=True)
    table_parser.add_argument("--corpus-bytes", type=int, required=True)
    table_parser.add_argument("--articles", type=int, required=True)
    table_parser.add_argument("--json", required=True)
    filters_parser = commands.add_parser("filters")
    filters_parser.add_argument("--results", required=True)
    args = parser.parse_args()
    {"record": record, "table": table, "filters": filters}[args.command](args)


if __name__ == "__main__":
    main()
