#!/usr/bin/env python3
"""Counts words and distinct words of article corpora, and the Heaps' law exponent between two.

Usage: vocabulary_stats.py DIR [DIR2]

Words are lowercased runs of letters, joined across ' and - (as scale_corpus.py counts
them); "letter words" split those at ' and - too, closer to what an index sees. Front
matter is skipped. With two corpora, beta = log(V2 / V1) / log(n2 / n1), from Heaps' law
V = K * n^beta.
"""

import math
import pathlib
import re
import sys

sys.dont_write_bytecode = True  # importing the sibling script leaves no __pycache__ here
from scale_corpus import WORD_RE, strip_front_matter  # noqa: E402

LETTERS_RE = re.compile(r"[a-z]+")


def count_corpus(corpus_dir):
    """(files, bytes, words, distinct words, distinct letter words) of a corpus directory."""
    files = size = words = 0
    distinct, distinct_letters = set(), set()
    for path in pathlib.Path(corpus_dir).rglob("*.txt"):
        content = path.read_bytes()
        files += 1
        size += len(content)
        found = WORD_RE.findall(strip_front_matter(content.decode("utf-8")).lower())
        words += len(found)
        distinct.update(found)
    for word in distinct:
        distinct_letters.update(LETTERS_RE.findall(word))
    return files, size, words, len(distinct), len(distinct_letters)


def main():
    if not 2 <= len(sys.argv) <= 3:
        sys.exit(__doc__.split("\n\n")[1])
    results = []
    for corpus_dir in sys.argv[1:]:
        files, size, words, distinct, letters = count_corpus(corpus_dir)
        results.append((words, distinct, letters))
        print(f"{corpus_dir}: {files} files, {size} bytes, mean {size / max(files, 1):.0f} bytes, "
              f"{words} words, {distinct} distinct words, {letters} distinct letter words")
    if len(results) == 2:
        (n1, v1, l1), (n2, v2, l2) = results
        ratio = math.log(n2 / n1)
        print(f"beta = {math.log(v2 / v1) / ratio:.3f} (words), "
              f"{math.log(l2 / l1) / ratio:.3f} (letter words)")


if __name__ == "__main__":
    main()
