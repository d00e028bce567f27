"""Known-item test: does the passage at rank 1 contain the sentence the query came from?

For each case of cases.py (a sentence and a query of its 2-4 rarest words), runs the query
in pressclip (`search --json -n 10`, one passage per article, the defaults) and in the
raw-Xapian baseline (BM25 on whole articles, top 10, MSet::snippet of about 200 bytes as
the passage), finds the first rank whose passage contains the sentence (cases.containment),
and reports per system: success@1, success@10, MRR@10, article@1 (the sentence's article at
rank 1, whatever the passage), and the queries that found nothing. pressclip's failures
(rank 1 not containing the sentence) are diagnosed by failures.py.

Usage (bench/relevance/run.sh runs it; paths are what run.sh builds):
    python3 bench/relevance/known_item.py --corpus DIR --pressclip BIN --db DB
        --raw-query BIN --raw-db DB --out DIR [--sentences N] [--seed S]
Writes OUT/known_item.json (the summary, and every case with both systems' outcomes and,
for pressclip's failures, the diagnosis of failures.py) and OUT/failures.txt, and prints
the summary table.
"""

import argparse
import json
import pathlib
import sys

import cases as cases_module
import failures
import systems

TOP_K = 10


def outcome(case, hits):
    """Where a system's hits put the case: rank of the first passage containing the sentence
    (None if not in the top 10), how (whole/majority), and the rank of its article."""
    result = {"hits": len(hits), "rank": None, "how": None, "article_rank": None}
    for rank, hit in enumerate(hits[:TOP_K], 1):
        if result["article_rank"] is None and pathlib.Path(hit["path"]).stem == case["article"]:
            result["article_rank"] = rank
        how = cases_module.containment(hit["text"], case["sentence"])
        if how and result["rank"] is None:
            result["rank"], result["how"] = rank, how
    if hits:
        result["top"] = hits[0]
    return result


def summary(outcomes):
    """The metrics over a list of outcomes (see the module docstring)."""
    n = len(outcomes)
    ranks = [o["rank"] for o in outcomes]
    return {
        "queries": n,
        "success_at_1": sum(r == 1 for r in ranks) / n,
        "success_at_10": sum(r is not None for r in ranks) / n,
        "mrr_at_10": sum(1 / r for r in ranks if r) / n,
        "article_at_1": sum(o["article_rank"] == 1 for o in outcomes) / n,
        "found_nothing": sum(o["hits"] == 0 for o in outcomes),
        "majority_matches": sum(o["how"] == "majority" for o in outcomes),
    }


def print_table(report):
    """The summary as a text table: one row per system, then per query size."""
    columns = ("success_at_1", "success_at_10", "mrr_at_10", "article_at_1")
    print(f"{'system':<24}{'queries':>8}{'succ@1':>9}{'succ@10':>9}{'MRR@10':>9}"
          f"{'art@1':>9}{'nothing':>9}")
    for name, rows in report["systems"].items():
        for label, row in [("", rows["all"])] + [(f" {k} words", v)
                                                 for k, v in rows["by_query_size"].items()]:
            values = "".join(f"{row[c]:>9.3f}" for c in columns)
            print(f"{name + label:<24}{row['queries']:>8}{values}{row['found_nothing']:>9}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--pressclip", required=True, help="the pressclip binary")
    parser.add_argument("--db", required=True, help="pressclip index of the corpus")
    parser.add_argument("--raw-query", required=True, help="the raw_xapian_query binary")
    parser.add_argument("--raw-db", required=True, help="raw_xapian_index index of the corpus")
    parser.add_argument("--out", required=True, help="directory for the result files")
    parser.add_argument("--sentences", type=int, default=300)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--label", default="", help="recorded as is (commit, date)")
    args = parser.parse_args()

    corpus = pathlib.Path(args.corpus).resolve()
    articles = cases_module.read_corpus(corpus)
    cases = cases_module.make_cases(articles, args.sentences, args.seed)
    runners = {
        "pressclip": lambda q: systems.pressclip(args.pressclip, args.db, q),
        "raw-xapian+snippet": lambda q: systems.raw_xapian(args.raw_query, args.raw_db,
                                                           corpus, q),
    }
    for case in cases:
        case["outcomes"] = {name: outcome(case, run(case["query"]))
                            for name, run in runners.items()}

    report = {"label": args.label, "corpus": str(corpus), "articles": len(articles),
              "seed": args.seed, "systems": {}}
    for name in runners:
        sizes = sorted({len(c["query"].split()) for c in cases})
        report["systems"][name] = {
            "all": summary([c["outcomes"][name] for c in cases]),
            "by_query_size": {k: summary([c["outcomes"][name] for c in cases
                                          if len(c["query"].split()) == k]) for k in sizes},
        }
    diagnosed = failures.diagnose(cases, lambda q, **kw: systems.pressclip(
        args.pressclip, args.db, q, **kw))
    report["pressclip_failure_kinds"] = failures.count_kinds(diagnosed)
    for case, found in diagnosed:
        case["pressclip_failure"] = found

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    failures.write_text(out / "failures.txt", diagnosed, report["label"])
    (out / "known_item.json").write_text(
        json.dumps({"summary": report, "cases": cases}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")
    print_table(report)
    print("pressclip failures by kind: " + ", ".join(
        f"{kind} {count}" for kind, count in report["pressclip_failure_kinds"].items()))
    print(f"written: {out / 'known_item.json'}, {out / 'failures.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
