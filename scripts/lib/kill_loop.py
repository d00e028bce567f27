#!/usr/bin/env python3
"""Helpers of scripts/kill-loop.sh: change a corpus, count its texts, digest an index.

  kill_loop.py mutate DIR --round R --seed S [--fraction F] [--no-copies]
      Changes about F of DIR's articles (default 0.04 for each kind of change): appends a
      sentence to some, deletes some, renames (moves) some, copies some (not with
      --no-copies), touches some (new modification time, same text), and adds new generated
      articles under DIR/added/. Prints one line: what it did.
  kill_loop.py texts DIR
      Prints the number of distinct article texts under DIR (the articles a complete index of
      DIR must hold: files with the same bytes are one article) and the number of files.
  kill_loop.py digest PRESSCLIP DB
      Prints a JSON digest of the index at DB that two indexes of the same texts share:
      stats without the directory name, and the hits of a few queries without ids, paths and
      ranks (a moved or copied file's article may keep another id or list another path),
      scores rounded, sorted.
  kill_loop.py paths DIR [--sample N --seed S]
      Prints the article files under DIR, one a line (or N of them drawn at random).
"""
import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate_articles  # noqa: E402

ARTICLE_EXTENSIONS = (".txt", ".text", ".md", ".markdown")
QUERIES = ["dispatch", "president", "court OR river", '"united states"',
           "government NEAR/5 state", "source:BBC", "token1*", "revised"]
WORDS = generate_articles.WORDS


def article_files(root):
    """The files an index run of ROOT reads: article extensions, hidden entries skipped."""
    found = []
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(ARTICLE_EXTENSIONS):
                found.append(os.path.join(directory, name))
    return found


def mutate(args):
    rng = random.Random(args.seed * 1000003 + args.round)
    files = article_files(args.directory)
    rng.shuffle(files)
    per_kind = max(1, int(len(files) * args.fraction))
    kinds = ["revised", "deleted", "moved", "copied", "touched"]
    if args.no_copies:
        kinds.remove("copied")
    done = {kind: 0 for kind in kinds}
    for kind in kinds:
        for _ in range(per_kind):
            if not files:
                break
            path = files.pop()
            if kind == "revised":
                with open(path, "a", encoding="utf-8") as out:
                    words = " ".join(rng.choice(WORDS) for _ in range(10))
                    out.write("\nRevised in round %d: %s.\n" % (args.round, words))
            elif kind == "deleted":
                os.remove(path)
            elif kind == "moved":
                target = os.path.join(args.directory, "moved", "r%d" % args.round)
                os.makedirs(target, exist_ok=True)
                os.rename(path, os.path.join(target, os.path.basename(path)))
            elif kind == "copied":
                target = os.path.join(args.directory, "copies", "r%d" % args.round)
                os.makedirs(target, exist_ok=True)
                with open(path, "rb") as source, \
                        open(os.path.join(target, os.path.basename(path)), "wb") as out:
                    out.write(source.read())
            elif kind == "touched":
                later = time.time() + 60 + args.round
                os.utime(path, (later, later))
            done[kind] += 1
    added_dir = os.path.join(args.directory, "added", "r%d" % args.round)
    os.makedirs(added_dir, exist_ok=True)
    first = 1000000 + args.round * 100000
    for number in range(first, first + per_kind):
        with open(os.path.join(added_dir, "%06d.txt" % number), "w", encoding="utf-8") as out:
            out.write(generate_articles.article(number, args.seed))
    done["added"] = per_kind
    print(", ".join("%d %s" % (count, kind) for kind, count in done.items()))


def texts(args):
    files = article_files(args.directory)
    hashes = set()
    for path in files:
        with open(path, "rb") as source:
            hashes.add(hashlib.sha256(source.read()).hexdigest())
    print(len(hashes), len(files))


def run_json(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode > 1:
        return {"error": result.stderr.strip(), "status": result.returncode}
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def digest(args):
    stats = run_json([args.pressclip, "stats", "--db", args.db, "--json"])
    if isinstance(stats, list):
        stats = stats[0]
        stats.pop("database", None)
    searches = {}
    for query in QUERIES:
        hits = run_json([args.pressclip, "search", "--db", args.db, "--json", "-n", "1000000",
                         "--", query])
        if isinstance(hits, list):
            rows = []
            for hit in hits:
                article = hit["article"]
                rows.append(["%.9g" % hit["score"], article["title"], article["source"],
                             article["date"], hit["passage"]["index"], hit["passage"]["text"]])
            hits = sorted(rows)
        searches[query] = hits
    print(json.dumps({"stats": stats, "searches": searches}, sort_keys=True, indent=1))


def paths(args):
    files = article_files(args.directory)
    if args.sample is not None and args.sample < len(files):
        files = random.Random(args.seed).sample(files, args.sample)
    for path in files:
        print(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("mutate")
    p.add_argument("directory")
    p.add_argument("--round", type=int, required=True)
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--fraction", type=float, default=0.04)
    p.add_argument("--no-copies", action="store_true")
    p.set_defaults(run=mutate)
    p = commands.add_parser("texts")
    p.add_argument("directory")
    p.set_defaults(run=texts)
    p = commands.add_parser("digest")
    p.add_argument("pressclip")
    p.add_argument("db")
    p.set_defaults(run=digest)
    p = commands.add_parser("paths")
    p.add_argument("directory")
    p.add_argument("--sample", type=int)
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(run=paths)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
