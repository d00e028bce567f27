"""The known-item test cases: sentences drawn from the corpus, their queries, and the rule
that says whether a returned passage contains a sentence. Imported by known_item.py.

A corpus is a directory of articles as bench/corpus/brown_to_articles.py writes them: YAML
front matter, then one sentence per line. A case is one sentence and a query made of its
rarest words (docs/relevance.md gives the rules; they are the constants below):

- a query word is a whitespace-separated token of the sentence that, once the punctuation
  around it is stripped, is plain ASCII letters, at least MIN_WORD_LETTERS long, and not a
  stopword; it is lowercased;
- its document frequency is the number of articles that contain it as a word (a maximal
  run of letters, case-folded: "Kennedy's" counts for "kennedy");
- a sentence is eligible if it has at least MIN_SENTENCE_WORDS tokens and two distinct
  query words; a query takes K of them, K drawn from 2-4 (at most the number available),
  the K with the lowest document frequency (ties: the earlier in the sentence), written in
  sentence order and joined by spaces (an AND query in pressclip and in raw Xapian).

Run alone, it prints the cases as JSON lines, for a look at them:
    python3 bench/relevance/cases.py CORPUS_DIR [--sentences N] [--seed S]
"""

import argparse
import html
import json
import pathlib
import random
import re
import sys

MIN_WORD_LETTERS = 3
MIN_SENTENCE_WORDS = 8
QUERY_SIZES = (2, 3, 4)
OUTER_PUNCTUATION = ".,;:!?\"'()[]{}\u201c\u201d\u2018\u2019-"
# Function words and the commonest verbs: rarity would rarely pick them, but a short
# sentence could otherwise get "would" as a query word.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how if in into is it
its itself just me more most my myself no nor not now of off on once only or other ought
our ours ourselves out over own same shall she should so some such than that the their
theirs them themselves then there these they this those through to too under until up upon
very was we were what when where which while who whom why will with would you your yours
yourself yourselves said says say one two three mr mrs
""".split())


def read_article(path):
    """The sentences (non-empty lines) of an article file's body, front matter dropped."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[0].rstrip() == "---":
        close = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
        lines = lines[close + 1:]
    return [line.strip() for line in lines if line.strip()]


def read_corpus(corpus_dir):
    """{article name (file stem): [sentences]} for every *.txt file of corpus_dir."""
    return {p.stem: read_article(p) for p in sorted(pathlib.Path(corpus_dir).glob("*.txt"))}


def document_frequencies(articles):
    """{word: number of articles containing it}, words being case-folded runs of letters."""
    df = {}
    for sentences in articles.values():
        for word in set(re.findall(r"[a-z]+", " ".join(sentences).casefold())):
            df[word] = df.get(word, 0) + 1
    return df


def query_words(sentence):
    """The distinct candidate query words of a sentence, lowercased, in sentence order."""
    words = []
    for token in sentence.split():
        word = token.strip(OUTER_PUNCTUATION)
        if (re.fullmatch(r"[A-Za-z]+", word) and len(word) >= MIN_WORD_LETTERS
                and word.lower() not in STOPWORDS and word.lower() not in words):
            words.append(word.lower())
    return words


def make_cases(articles, count, seed):
    """count cases drawn with random.Random(seed): dicts with the sentence and its query."""
    df = document_frequencies(articles)
    pool = [(name, line, sentence) for name, sentences in articles.items()
            for line, sentence in enumerate(sentences)
            if len(sentence.split()) >= MIN_SENTENCE_WORDS and len(query_words(sentence)) >= 2]
    rng = random.Random(seed)
    cases = []
    for name, line, sentence in rng.sample(pool, min(count, len(pool))):
        candidates = query_words(sentence)
        size = min(rng.choice(QUERY_SIZES), len(candidates))
        rarest = sorted(candidates, key=lambda w: (df[w], candidates.index(w)))[:size]
        words = [w for w in candidates if w in rarest]
        cases.append({"article": name, "line": line, "sentence": sentence,
                      "query": " ".join(words), "df": [df[w] for w in words]})
    return cases


def words_of(text):
    """The words of text for comparison: case-folded runs of letters and digits."""
    text = html.unescape(text).casefold().replace("\u2019", "'").replace("\u2018", "'")
    return re.findall(r"[a-z0-9]+", text)


def longest_common_run(a, b):
    """The length of the longest run of consecutive words that a and b share."""
    best = 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def containment(passage, sentence):
    """How passage contains sentence: "whole", "majority" or None.

    "whole": the sentence's words occur in the passage consecutively, in order (case,
    punctuation, quotes and white space aside). "majority": they do not, but more than half
    of them do (the longest shared run of consecutive words), as in a snippet that cut a
    long sentence, or a sentence that the search engine split across two passages.
    """
    s, p = words_of(sentence), words_of(passage)
    run = longest_common_run(s, p)
    if run == len(s):
        return "whole"
    return "majority" if 2 * run > len(s) else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", help="directory of articles (one sentence per line)")
    parser.add_argument("--sentences", type=int, default=300)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    for case in make_cases(read_corpus(args.corpus), args.sentences, args.seed):
        print(json.dumps(case, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
