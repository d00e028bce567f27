"""Match-set check: do pressclip and SQLite FTS5 match the same articles?

Each query of match_queries.tsv is written twice, in pressclip's syntax and in FTS5's
(porter stemming, unicode61 with remove_diacritics 2: the `stem` table of fts5_model.py),
plus an optional model: the same query with pressclip's documented analysis rules applied
(phrase and NEAR parts on unstemmed tables; see fts5_model.evaluate_model). pressclip's
matches are every article of `search --json -n 1000 --per-article 1` (more than the corpus
holds, so every matching article is a candidate and prints one passage).

Each article that one side matches and the other does not is explained by the first rule
that removes the difference, in this order:

    phrase not stemmed       the model on `exact` agrees with pressclip
    sentence gap             ... on `lines` (phrases never cross a sentence; NEAR counts
                             the empty position between sentences)
    abbreviation ends sentence   ... on `icu` ("U.S. Senate" is two sentences to ICU)
    folding                  ... on `folded` (possessive 's, acronym dots)
    stemmer                  a bare word that Snowball english (pressclip, stems from
                             xapian's `quest`) and Porter (FTS5) treat differently here
    unexplained              none of these: a bug in one of the two, to be looked at

Usage (bench/relevance/run.sh runs it):
    python3 bench/relevance/match_set.py --corpus DIR --pressclip BIN --db DB --out DIR
Writes OUT/fts5.sqlite, OUT/match_set.json and OUT/match_set.txt (every difference with
its evidence), and prints one line per query.
"""

import argparse
import csv
import json
import pathlib
import re
import subprocess
import sys

import fts5_model
import systems

RULES = [("exact", "phrase not stemmed"), ("lines", "sentence gap"),
         ("icu", "abbreviation ends sentence"), ("folded", "folding")]


class Snowball:
    """Snowball english stems, from Xapian's `quest` (the stemmer pressclip's index uses)."""

    def __init__(self, db):
        self.db, self.cache = db, {}

    def stem(self, words):
        """{word: stem} for lowercase alphabetic words, asking quest for new ones."""
        new = sorted({w for w in words if w not in self.cache})
        for at in range(0, len(new), 400):
            chunk = new[at:at + 400]
            out = subprocess.run(["quest", "-d", self.db, "-s", "english", "-m", "0",
                                  " ".join(chunk)], check=True, stdout=subprocess.PIPE,
                                 text=True).stdout
            parsed = dict((int(p), s) for s, p in re.findall(r"Z(\w+)@(\d+)", out))
            self.cache.update((w, parsed.get(i, w)) for i, w in enumerate(chunk, 1))
        return {w: self.cache[w] for w in words}


def bare_words(fts5_query):
    """The lowercase words of an FTS5 expression outside phrases, NEAR groups and operators."""
    rest = re.sub(r'NEAR\([^)]*\)|"[^"]*"', " ", fts5_query)
    return [w.lower() for w in re.findall(r"[A-Za-z]+\*?", rest)
            if w not in ("AND", "OR", "NOT") and not w.endswith("*")]


def stemmer_reason(con, names, snowball, query, name, text):
    """Why the stemmers disagree on this article (its text given), or None: a bare word of
    the query that one of them matches in the article and the other does not."""
    article_words = set(re.findall(r"[a-z]+", text.casefold()))
    for word in bare_words(query["fts5"]):
        forms = {w for w in article_words if w[:3] == word[:3]}
        stems = snowball.stem(forms | {word})
        snow_forms = sorted(w for w in forms if stems[w] == stems[word])
        porter = name in fts5_model.match(con, names, "stem", word)
        if bool(snow_forms) != porter:
            _, porter_forms = fts5_model.highlighted(con, names, "stem", name, word)
            shown = snow_forms or sorted({f.lower() for f in porter_forms})
            who = "Snowball" if snow_forms else "Porter"
            return f"stemmer: {who} matches {word!r} to {', '.join(shown)}"
    return None


def compare(con, names, texts, snowball, query, run_pressclip):
    """The comparison of one query: both match sets and every difference, explained."""
    pressclip = {pathlib.Path(h["path"]).stem: h for h in run_pressclip(query["pressclip"])}
    fts5 = fts5_model.match(con, names, "stem", query["fts5"])
    model = query["model"] or f"stem: {query['fts5']}"
    variants = [(rule, fts5_model.evaluate_model(con, names, model, table))
                for table, rule in RULES]
    differences = []
    for name in sorted(set(pressclip) ^ fts5):
        reason = next((rule for rule, found in variants
                       if (name in found) == (name in pressclip)), None)
        reason = reason or stemmer_reason(con, names, snowball, query, name, texts[name])
        if name in pressclip:
            hit = pressclip[name]
            evidence = f"pressclip passage {hit['passage']}: " + " ".join(hit["marked"].split())
        else:
            evidence = "fts5: " + fts5_model.highlighted(con, names, "stem", name,
                                                         query["fts5"])[0]
        differences.append({"article": name, "side": "pressclip" if name in pressclip
                            else "fts5", "reason": reason or "unexplained",
                            "evidence": evidence})
    # The model with every rule must not differ from pressclip where FTS5 agrees with it:
    # that would be a rule that hides a real difference.
    full_model = variants[-1][1]
    hidden = sorted(n for n in (set(pressclip) ^ full_model) - (set(pressclip) ^ fts5)
                    if query["model"])
    return {**query, "pressclip_count": len(pressclip), "fts5_count": len(fts5),
            "both": len(set(pressclip) & fts5), "differences": differences,
            "model_only_differences": hidden}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--pressclip", required=True, help="the pressclip binary")
    parser.add_argument("--db", required=True, help="pressclip index of the corpus")
    parser.add_argument("--queries", default=str(pathlib.Path(__file__).with_name(
        "match_queries.tsv")))
    parser.add_argument("--out", required=True, help="directory for the result files")
    args = parser.parse_args()

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    con, names = fts5_model.build(out / "fts5.sqlite", args.corpus)
    texts = {name: fts5_model.body_of(pathlib.Path(args.corpus, name + ".txt"))
             for name in names}
    snowball = Snowball(args.db)
    with open(args.queries, encoding="utf-8", newline="") as f:
        queries = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    run = lambda q: systems.pressclip(args.pressclip, args.db, q, limit=1000)  # noqa: E731
    results = [compare(con, names, texts, snowball, q, run) for q in queries]

    lines = []
    print(f"{'query':<22}{'pressclip':>10}{'fts5':>6}{'both':>6}  differences")
    for r in results:
        reasons = {}
        for d in r["differences"]:
            key = d["reason"].split(":")[0]
            reasons[key] = reasons.get(key, 0) + 1
        if r["model_only_differences"]:
            reasons["model differs where fts5 agrees"] = len(r["model_only_differences"])
        summary = ", ".join(f"{k} {n}" for k, n in reasons.items()) or "none"
        print(f"{r['name']:<22}{r['pressclip_count']:>10}{r['fts5_count']:>6}{r['both']:>6}"
              f"  {summary}")
        lines.append(f"== {r['name']}: pressclip {r['pressclip']!r} ({r['pressclip_count']}), "
                     f"fts5 {r['fts5']!r} ({r['fts5_count']}), model {r['model'] or '-'}")
        if r["model_only_differences"]:
            lines.append(f"  model differs where fts5 agrees: {r['model_only_differences']}")
        for d in r["differences"]:
            lines.append(f"  {d['article']} only in {d['side']}: {d['reason']}")
            lines.append(f"      {d['evidence'][:300]}")
    unexplained = sum(d["reason"] == "unexplained" for r in results for d in r["differences"])
    unexplained += sum(len(r["model_only_differences"]) for r in results)
    total = sum(len(r["differences"]) for r in results)
    print(f"{len(results)} queries, {total} differing articles, {unexplained} unexplained")
    (out / "match_set.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "match_set.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"written: {out / 'match_set.json'}, {out / 'match_set.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
