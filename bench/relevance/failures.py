"""Diagnoses pressclip's known-item failures and writes them for study. Imported by
known_item.py.

A failure is a case whose rank-1 passage does not contain the sentence. For each, two more
searches are run. The query with `-n 1000` (one passage per article) gives the rank of the
sentence's article among all matching articles; it can differ from the rank in the top 10,
since every matching article is then a candidate (docs/ranking.md). The query restricted
to that article (`id:ID`, every matching passage) gives the rank and score of the passage
holding the sentence within its article. The failure then gets one kind (the kind uses the
article's rank in the top 10 that the test saw):

    nothing found            the query matched no article
    article not matched      the query matched articles, but not the sentence's
    sentence split           no passage of the article holds the whole sentence: pressclip
                             cut it in two (ICU ends a sentence after "Mr." or an initial)
                             and the parts went to two passages; the one shown, if any,
                             is not the one with most of the sentence
    wrong passage            the article is at rank 1, with another of its passages
    other article first      the article is at rank 2-10 with the right passage
    other article first, wrong passage    the same, and a wrong passage of it is shown
    article below top 10     the article ranks below 10 (its best passage may be right)
"""

import pathlib
import textwrap

import cases as cases_module

KINDS = ("nothing found", "article not matched", "sentence split", "wrong passage",
         "other article first", "other article first, wrong passage", "article below top 10")
ALL = 1000  # the corpus has 500 articles of about 45 passages each


def holds_sentence(hit, sentence):
    """True if the passage of hit contains the sentence (cases.containment)."""
    return cases_module.containment(hit["text"], sentence) is not None


def diagnose_one(case, search):
    """The diagnosis dict of one failed case; search(query, limit=, per_article=)."""
    query, sentence = case["query"], case["sentence"]
    shown = case["outcomes"]["pressclip"]
    found = {"kind": None, "article_rank": shown["article_rank"], "article_rank_all": None,
             "matching_articles": 0, "top": shown.get("top"), "expected": None,
             "expected_rank_in_article": None, "article_passages": 0}
    everything = search(query, limit=ALL, per_article=1)
    found["matching_articles"] = len(everything)
    ranks = [r for r, h in enumerate(everything, 1)
             if pathlib.Path(h["path"]).stem == case["article"]]
    if not everything or not ranks:
        found["kind"] = "nothing found" if not everything else "article not matched"
        return found
    found["article_rank_all"] = ranks[0]
    article_id = everything[ranks[0] - 1]["id"]
    inside = search(f"{query} id:{article_id}", limit=ALL, per_article=ALL)
    found["article_passages"] = len(inside)
    for rank, hit in enumerate(inside, 1):
        if holds_sentence(hit, sentence):
            found["expected"], found["expected_rank_in_article"] = hit, rank
            break
    right_passage = found["expected_rank_in_article"] == 1
    split = found["expected"] is None or cases_module.containment(
        found["expected"]["text"], sentence) != "whole"
    if split:
        found["kind"] = "sentence split"
    elif found["article_rank"] == 1:
        found["kind"] = "wrong passage"
    elif found["article_rank"] is None:
        found["kind"] = "article below top 10"
    else:
        found["kind"] = "other article first" + ("" if right_passage else ", wrong passage")
    if found["expected"] is None:  # show the passage that holds the longest part of it
        words = cases_module.words_of(sentence)
        found["expected"] = max(inside, key=lambda h: cases_module.longest_common_run(
            words, cases_module.words_of(h["text"])), default=None)
    return found


def diagnose(cases, search):
    """Diagnoses every case whose pressclip outcome is not rank 1; returns (case, diagnosis)
    pairs in case order."""
    return [(case, diagnose_one(case, search)) for case in cases
            if case["outcomes"]["pressclip"]["rank"] != 1]


def count_kinds(diagnosed):
    """{kind: number of failures}, in the order of KINDS, kinds with none left out."""
    counts = {kind: 0 for kind in KINDS}
    for _, found in diagnosed:
        counts[found["kind"]] += 1
    return {kind: n for kind, n in counts.items() if n}


def describe_hit(label, hit):
    """Lines for one passage: where it is, its score, what matched, then its text."""
    name = pathlib.Path(hit["path"]).stem
    words = len(cases_module.words_of(hit["text"]))
    head = (f"{label}: {name} passage {hit['passage']}, score {hit['score']:.3f}, "
            f"{words} words, matched {hit['matched']}")
    body = textwrap.indent(textwrap.fill(" ".join(hit["text"].split()), 96), "    ")
    return [head, body]


def write_text(path, diagnosed, label):
    """Writes the failures, one block each, grouped by kind, to path."""
    lines = [f"pressclip known-item failures ({label}): {len(diagnosed)}",
             "Kinds: see bench/relevance/failures.py; scores are pressclip's passage scores.",
             ""]
    for kind in KINDS:
        group = [(c, f) for c, f in diagnosed if f["kind"] == kind]
        if not group:
            continue
        lines += [f"===== {kind}: {len(group)}", ""]
        for case, found in group:
            lines.append(f"query    {case['query']}   (document frequencies {case['df']})")
            lines.append(f"sentence {case['article']} line {case['line']}: {case['sentence']}")
            if found["article_rank_all"]:
                lines.append(
                    f"article  rank {found['article_rank'] or '>10'} in the top 10, "
                    f"{found['article_rank_all']} of all {found['matching_articles']} "
                    f"matching (-n {ALL}); passage with the sentence: "
                    f"{found['expected_rank_in_article'] or 'none'} of "
                    f"{found['article_passages']} matching passages in the article")
            if found["top"]:
                lines += describe_hit("rank 1  ", found["top"])
            if found["expected"]:
                lines += describe_hit("expected", found["expected"])
            lines.append("")
    pathlib.Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
