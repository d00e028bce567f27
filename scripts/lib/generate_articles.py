#!/usr/bin/env python3
"""Writes generated news articles, the same texts as tests/cli/index_fixtures.cpp makes.

Usage: generate_articles.py DIR COUNT [--seed S] [--first N]

Article N of corpus S is DIR/NNNNNN.txt: front matter (one of seven sources, a date in 2023),
then about ten sentences drawn from a news vocabulary. Every article holds the word
"dispatch" (so one search lists them all) and its own word "tokenN".
"""
import argparse
import os

WORDS = ["army", "border", "capital", "ceasefire", "coalition", "court", "drought", "economy",
         "election", "embassy", "envoy", "exports", "farmers", "flood", "governor", "harvest",
         "hospital", "inflation", "junta", "market", "minister", "monsoon", "navy", "oil",
         "parliament", "pipeline", "police", "port", "president", "prices", "protest", "railway",
         "rebels", "refugees", "reform", "river", "sanctions", "schools", "senate", "ship",
         "strike", "summit", "talks", "tariffs", "treaty", "union", "verdict", "wages"]
SOURCES = ["Reuters", "BBC", "RFI", "Al Jazeera", "The Telegraph", "Le Monde", "AP"]
MASK = (1 << 64) - 1


class Random:
    """splitmix64, as in index_fixtures.cpp."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, bound):
        return self.next() % bound


def sentence(random, words):
    text = " ".join(WORDS[random.below(len(WORDS))] for _ in range(words))
    return text[0].upper() + text[1:] + "."


def article(number, seed):
    random = Random((seed << 32) ^ (number & 0xFFFFFFFF))
    month = 1 + random.below(12)
    day = 1 + random.below(28)
    source = SOURCES[random.below(len(SOURCES))]
    text = "---\nsource: %s\ndate: 2023-%02d-%02d\n---\n" % (source, month, day)
    text += sentence(random, 8) + " This dispatch names token%d." % number
    sentences = 8 + random.below(5)
    for i in range(sentences):
        words = 8 + random.below(8)
        text += ("\n\n" if i % 4 == 3 else " ") + sentence(random, words)
    return text + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first", type=int, default=0)
    args = parser.parse_args()
    os.makedirs(args.directory, exist_ok=True)
    for number in range(args.first, args.first + args.count):
        with open(os.path.join(args.directory, "%06d.txt" % number), "w", encoding="utf-8") as out:
            out.write(article(number, args.seed))


if __name__ == "__main__":
    main()
