"""Runs one query in pressclip or in the raw-Xapian baseline and returns its hits.
Imported by known_item.py and match_set.py.

A hit is a dict: "path" (absolute path of the article file), "text" (the passage, or for
the baseline the MSet::snippet with its [brackets] and HTML escapes removed), and for
pressclip also "id", "passage" (index in the article), "score", "matched" (the
highlighted words and phrases, as written in the passage) and "marked" (the text with the
highlights in [brackets]).
"""

import html
import json
import subprocess


class SearchError(RuntimeError):
    """A search program failed (exit status 2 or a crash), not merely found nothing."""


def bracketed(text, spans):
    """text with [brackets] around the byte ranges spans (sorted, disjoint)."""
    raw, out, at = text.encode(), [], 0
    for start, end in spans:
        out += [raw[at:start], b"[", raw[start:end], b"]"]
        at = end
    return b"".join(out + [raw[at:]]).decode()


def pressclip(binary, db, query, limit=10, per_article=1):
    """The hits of `pressclip search --json`, best first; [] when nothing is found."""
    command = [binary, "search", "--db", db, "--json", "-n", str(limit),
               "--per-article", str(per_article), "--", query]
    run = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if run.returncode == 1 and not run.stdout:
        return []
    if run.returncode != 0:
        raise SearchError(f"{' '.join(command)}: exit {run.returncode}: {run.stderr.strip()}")
    hits = []
    for line in run.stdout.splitlines():
        record = json.loads(line)
        text, spans = record["passage"]["text"], record["passage"]["highlights"]
        hits.append({"path": record["article"]["path"], "id": record["article"]["id"],
                     "passage": record["passage"]["index"], "score": record["score"],
                     "text": text, "matched": [text.encode()[a:b].decode() for a, b in spans],
                     "marked": bracketed(text, spans)})
    return hits


def raw_xapian(binary, db, corpus_dir, query):
    """The hits of `raw_xapian_query DB 0 QUERY` (top 10, one snippet each).

    Its output is each hit's path on a line, then the snippet indented by two spaces; the
    snippet keeps the line breaks of the text, so a hit starts at each line that begins
    with the corpus directory.
    """
    command = [binary, db, "0", query]
    run = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if run.returncode != 0:
        raise SearchError(f"{' '.join(command)}: exit {run.returncode}: {run.stderr.strip()}")
    hits = []
    prefix = str(corpus_dir).rstrip("/") + "/"
    for line in run.stdout.split("\n"):
        if line.startswith(prefix):
            hits.append({"path": line, "text": ""})
        elif hits:
            hits[-1]["text"] += line + "\n"
    for hit in hits:
        snippet = hit["text"].strip().replace("[", "").replace("]", "")
        hit["text"] = html.unescape(snippet)
    return hits
