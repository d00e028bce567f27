#!/usr/bin/env python3
"""Scales a small base of articles up to a benchmark corpus of a given size, deterministically.

Usage:
    scale_corpus.py --base DIR --out DIR --size 10M|100M|1G|<bytes> [--seed 42]
                    [--queries bench/queries.tsv]

Sizes are decimal (10M = 10,000,000 bytes of article files; the result is within 2%).
The base is a directory of articles as brown_to_articles.py writes them: YAML front matter,
paragraphs separated by blank lines, one sentence per line. Output: OUT/YYYY/MM/<serial>.txt
(OUT/undated/<serial>.txt without a date), plus OUT/.complete holding the parameters and
totals. A run whose OUT/.complete has the same parameters does nothing; otherwise the
corpus is generated in OUT.tmp and renamed to OUT only once complete.

The model, all from one random.Random(seed):
- Article: round(triangular(4, 40, mode 34)) sentences, taken as runs of 1-6 consecutive
  sentences from randomly chosen base articles, grouped into paragraphs of 1-5 sentences
  (weights 30/30/20/12/8). With the Brown press base that makes articles of about 3.6 KB.
- Front matter: title = first sentence, shortened to about 120 characters; source drawn
  from SOURCES by weight (it includes "Daily Ledger"), date uniform over 2015-2024;
  2% of articles have no source and, independently, 2% no date; language: en.
- Vocabulary: the number of distinct words V is kept on the Heaps' law curve
  V = K * n^HEAPS_BETA (beta 0.55, n = words written so far, K such that the curve passes
  through the base itself). Whenever V falls below it, words are coined in the next
  sentences (at most 30% of a sentence's eligible words): capitalised words first, each
  replaced by a new proper name built from syllables (most new words in a real archive are
  names), then lowercase words, replaced by a misspelling (80%: two letters swapped, a
  letter doubled or dropped) or, for words of 6+ letters, by a hyphenated compound.
  Independently, 2% of eligible words are replaced by an already coined word picked
  Zipf-like (log-uniform rank): any coined name, or a variant coined for that same word.
  Eligible words have 4+ letters, are not sentence-initial and do not start with a word
  of the pressclip column of the queries file, so every benchmark query keeps all its base
  occurrences. Nothing is coined below the size of the base (about 1 MB); above, the share
  of replaced words falls slowly with size, as Heaps' law's rate of new words does.
- Sentences inside one quotation, and lines of one sentence split at ; or :, are kept
  together, so no quote is left open and no paragraph starts mid-sentence.

Measured with seed 42 on the Brown press base (88 texts, 1.08 MB, 175k words, 19.3k
distinct), by vocabulary_stats.py (words: lowercased letter runs joined across ' and -):
    size  files    mean size  words   distinct  replaced  generation
    10M     2,741  3.65 KB    1.55M    64.2k    3.6%       2 s
    100M   27,729  3.61 KB    15.6M     229k    2.3%       8 s
    1G    277,838  3.60 KB     156M     817k    1.5%      60 s (peak RSS 180 MB)
    beta = log(V2/V1) / log(n2/n1): 0.552 from 10M to 100M, 0.552 from 100M to 1G
    (0.553 and 0.548 counting letter runs only, as an index splitting at hyphens would).
"""

import argparse
import datetime
import hashlib
import json
import math
import pathlib
import random
import re
import shutil
import sys
import time

sys.dont_write_bytecode = True  # importing the sibling script leaves no __pycache__ here
from brown_to_articles import shorten_title, yaml_quoted  # noqa: E402

SOURCES = [  # (fictional outlet, relative weight)
    ("The Morning Courier", 14), ("Harbor City Gazette", 12), ("Daily Ledger", 11),
    ("Valley Sentinel", 9), ("Northgate Chronicle", 8), ("The Evening Beacon", 7),
    ("Lakeshore Herald", 6), ("Prairie Tribune", 6), ("Coastal Dispatch", 5),
    ("Capital Observer", 5), ("Riverside Journal", 4), ("Summit Post", 4),
    ("Ironwood Examiner", 3), ("The Weekly Meridian", 3), ("Bayside Press", 3),
    ("Eastbrook Times", 2), ("Westfield Register", 2), ("Pinecrest Star", 2),
    ("Union Wire Service", 2), ("Granite Falls Record", 1),
]
FIRST_DATE = datetime.date(2015, 1, 1)
DAYS = (datetime.date(2024, 12, 31) - FIRST_DATE).days + 1
MISSING_SOURCE_RATE = 0.02
MISSING_DATE_RATE = 0.02
SENTENCES_MIN, SENTENCES_MAX, SENTENCES_MODE = 4, 40, 34
RUN_MAX = 6  # consecutive sentences taken from one base article
PARAGRAPH_SIZES, PARAGRAPH_WEIGHTS = [1, 2, 3, 4, 5], [30, 30, 20, 12, 8]
HEAPS_BETA = 0.55  # exponent of the vocabulary growth V = K * n^beta
COIN_SHARE_MAX = 0.3  # of a sentence's eligible words that may be coined, so none is garbled
REUSE_RATE = 0.02  # of eligible words, replaced by an already coined word
MISSPELLING_SHARE = 0.8  # of words coined from lowercase words; the rest are compounds
COMPOUND_MIN_LETTERS = 6  # shorter words (whose, these) get misspelt, never compounded
DEFAULT_PROTECTED = ["president", "school", "sheriff", "jury", "kennedy", "khrushchev",
                     "white", "house", "tax", "income", "election", "elect"]
QUERY_OPERATORS = {"and", "or", "not", "near"}

WORD_RE = re.compile(r"[a-z]+(?:['\u2019-][a-z]+)*")  # what vocabulary_stats.py counts
TOKEN_RE = re.compile(r"^([\u201c\u2018(\[]*)([A-Za-z]{4,})((?:'s|')?[.,;:!?)\]\u201d\u2019]*)$")
ONSETS = "b br c ch cr d dr f g gr h j k l m n p pr r s sh st t tr v w z".split()
VOWELS = "a e i o u a e i o ai ea ou".split()
CODAS = ["", "n", "r", "l", "s", "k", "m", "nd", "rt", "st", "ck", "th"]
NAME_ENDINGS = ["", "", "", "", "", "son", "ski", "ez", "ini", "berg", "ton", "ov", "ley", "ford"]
PREFIXES = ["anti", "non", "post", "pre", "co", "mid", "pro", "ex", "over", "under"]
SUFFIXES = ["style", "led", "backed", "free", "related", "based", "wide", "bound"]


def parse_size(text):
    """Bytes for '10M', '1G', '500K' (decimal) or a plain number."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([KMG]?)B?", text.strip().upper())
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text}")
    return int(float(match.group(1)) * 1000 ** " KMG".index(match.group(2) or " "))


def protected_words(queries_path):
    """Lowercase words (used as prefixes) of the pressclip column of the queries file."""
    try:
        rows = pathlib.Path(queries_path).read_text(encoding="utf-8").splitlines()[1:]
    except OSError:
        return sorted(DEFAULT_PROTECTED)
    words = set()
    for row in rows:
        query = row.split("\t")[1] if "\t" in row else ""
        query = re.sub(r'\w+:("[^"]*"|\S+)', " ", query)  # source:"..." and date:... filters
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", query))
    return sorted(words - QUERY_OPERATORS)


class Sentence:
    """A base sentence (or quotation), split into tokens once, with the words it may replace."""

    __slots__ = ("text", "tokens", "eligible", "word_count")

    def __init__(self, text, protected):
        self.text = text
        self.tokens = text.split(" ")
        self.word_count = len(WORD_RE.findall(text.lower()))
        self.eligible = []
        for position, token in enumerate(self.tokens[1:], start=1):
            match = TOKEN_RE.match(token)
            if match and not match.group(2).lower().startswith(protected):
                core = match.group(2)
                if core.islower() or (core[0].isupper() and core[1:].islower()):
                    self.eligible.append(position)


class BaseText:
    """The base articles as lists of sentences, their vocabulary and checksum."""

    def __init__(self, base_dir, protected):
        paths = sorted(pathlib.Path(base_dir).rglob("*.txt"))
        if not paths:
            sys.exit(f"scale_corpus: no .txt articles in {base_dir}")
        digest = hashlib.sha256()
        self.articles = []
        vocabulary, self.word_count = set(), 0
        for path in paths:
            content = path.read_bytes()
            digest.update(path.relative_to(base_dir).as_posix().encode() + b"\0" + content)
            body = strip_front_matter(content.decode("utf-8"))
            sentences = [Sentence(unit, protected) for unit in sentence_units(body)]
            if sentences:
                self.articles.append(sentences)
            words = WORD_RE.findall(body.lower())
            vocabulary.update(words)
            self.word_count += len(words)
        self.vocabulary = vocabulary
        self.checksum = digest.hexdigest()
        self.compound_parts = sorted(w for w in vocabulary if w.isalpha() and len(w) >= 4)


def sentence_units(body):
    """The sentences (lines) of body, a quotation or a sentence split at ; or : kept whole.

    A quotation running over several lines stays one unit, so sampling never leaves an
    opening quote without its closing one; so does a sentence that Brown splits into lines
    at a semicolon or colon.
    """
    for paragraph in body.split("\n\n"):
        unit = []
        for line in paragraph.splitlines():
            if line.strip():
                unit.append(line.strip())
            text = "\n".join(unit)
            if unit and text.count("\u201c") <= text.count("\u201d") and text[-1] not in ",;:":
                yield text
                unit = []
        if unit:
            yield "\n".join(unit)


def strip_front_matter(text):
    """The article text after a leading '---' ... '---' block, if any."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end >= 0:
            return text[end + 5:]
    return text


def zipf_pick(rng, items):
    """An item chosen with probability falling as 1/rank (log-uniform rank)."""
    return items[int(len(items) ** rng.random()) - 1]


class Perturber:
    """Coins new words as Heaps' law calls for, and reuses coined words at a fixed rate."""

    def __init__(self, base, rng):
        self.rng = rng
        self.known = set(base.vocabulary)
        self.base_vocabulary = len(base.vocabulary)
        self.heaps_k = len(base.vocabulary) / base.word_count ** HEAPS_BETA
        self.compound_parts = base.compound_parts
        self.names = []
        self.variants = {}  # lowercase word -> variants coined for it
        self.coined = self.reused = 0
        self.words_written = 0
        self.until_reuse = self.reuse_gap()

    def reuse_gap(self):
        """Eligible words to skip before the next reuse (geometric)."""
        return int(math.log(1.0 - self.rng.random()) / math.log(1.0 - REUSE_RATE))

    def words_due(self):
        """How many words must be coined to reach the Heaps' law curve V = K * n^beta."""
        target = self.heaps_k * self.words_written ** HEAPS_BETA
        return int(target) - self.base_vocabulary - self.coined

    def coin(self, make):
        """A word from make() that is not yet known (None after a few tries)."""
        for _ in range(8):
            word = make()
            if word and word.lower() not in self.known:
                self.known.add(word.lower())
                self.coined += 1
                return word
        return None

    def new_name(self):
        """A plausible proper name: 1-3 open syllables, a final consonant, maybe an ending."""
        syllables = self.rng.choice((1, 2, 2, 2, 3))
        name = "".join(self.rng.choice(ONSETS) + self.rng.choice(VOWELS) for _ in range(syllables))
        name += self.rng.choice(CODAS)
        if syllables < 3:
            name += self.rng.choice(NAME_ENDINGS)
        return name.capitalize()

    def misspelling(self, word):
        """word with two letters swapped, a letter doubled or a letter dropped."""
        at = self.rng.randrange(1, len(word) - 1)
        kind = self.rng.randrange(3)
        if kind == 0:
            return word[:at] + word[at + 1] + word[at] + word[at + 2:]
        if kind == 1:
            return word[:at] + word[at] + word[at:]
        return word[:at] + word[at + 1:]

    def compound(self, word):
        """A hyphenated compound of word with another word, a prefix or a suffix."""
        kind = self.rng.randrange(3)
        if kind == 0:
            return f"{word}-{self.rng.choice(self.compound_parts)}"
        if kind == 1:
            return f"{self.rng.choice(PREFIXES)}-{word}"
        return f"{word}-{self.rng.choice(SUFFIXES)}"

    def coined_for(self, core):
        """A new word in place of core: a name if core is capitalised, else a variant of it."""
        if core[0].isupper():
            name = self.coin(self.new_name)
            if name:
                self.names.append(name)
            return name or core
        if self.rng.random() < MISSPELLING_SHARE or len(core) < COMPOUND_MIN_LETTERS:
            variant = self.coin(lambda: self.misspelling(core))
        else:
            variant = self.coin(lambda: self.compound(core))
        if variant:
            self.variants.setdefault(core, []).append(variant)
        return variant or core

    def reused_for(self, core):
        """A coined word in place of core (any name, or a variant of that word), else core."""
        pool = self.names if core[0].isupper() else self.variants.get(core)
        if not pool:
            return core
        self.reused += 1
        return zipf_pick(self.rng, pool)

    def coin_positions(self, sentence, count):
        """count eligible positions, capitalised words first: most new words are names."""
        names = [p for p in sentence.eligible if sentence.tokens[p][0].isupper()]
        chosen = self.rng.sample(names, min(count, len(names)))
        if len(chosen) < count:
            others = [p for p in sentence.eligible if not sentence.tokens[p][0].isupper()]
            chosen += self.rng.sample(others, count - len(chosen))
        return chosen

    def sentence(self, sentence):
        """The text of a base sentence with its coined and reused words."""
        self.words_written += sentence.word_count
        eligible = sentence.eligible
        replace = {}
        due = self.words_due()
        if due > 0 and eligible:
            count = min(due, max(1, int(len(eligible) * COIN_SHARE_MAX)))
            replace = dict.fromkeys(self.coin_positions(sentence, count), self.coined_for)
        at = self.until_reuse
        while at < len(eligible):
            replace.setdefault(eligible[at], self.reused_for)
            at += 1 + self.reuse_gap()
        self.until_reuse = at - len(eligible)
        if not replace:
            return sentence.text
        tokens = list(sentence.tokens)
        for position in sorted(replace):
            prefix, core, suffix = TOKEN_RE.match(tokens[position]).groups()
            tokens[position] = prefix + replace[position](core) + suffix
        return " ".join(tokens)


class ArticleComposer:
    """Draws new articles (metadata and paragraphs of sentences) from the base."""

    def __init__(self, base, rng):
        self.base = base
        self.rng = rng
        self.perturber = Perturber(base, rng)
        self.source_names = [name for name, _ in SOURCES]
        self.source_weights = [weight for _, weight in SOURCES]

    def sentences(self):
        """The perturbed sentences of one article, as runs from several base articles."""
        count = round(self.rng.triangular(SENTENCES_MIN, SENTENCES_MAX, SENTENCES_MODE))
        chosen = []
        while len(chosen) < count:
            article = self.rng.choice(self.base.articles)
            start = self.rng.randrange(len(article))
            run = self.rng.randint(1, RUN_MAX)
            chosen.extend(article[start:start + min(run, count - len(chosen))])
        return [self.perturber.sentence(sentence) for sentence in chosen]

    def paragraphs(self, sentences):
        """sentences grouped into paragraphs of 1-5 sentences."""
        paragraphs, at = [], 0
        while at < len(sentences):
            size = self.rng.choices(PARAGRAPH_SIZES, PARAGRAPH_WEIGHTS)[0]
            paragraphs.append(sentences[at:at + size])
            at += size
        return paragraphs

    def metadata(self):
        """(source or None, date or None) of a new article."""
        source = self.rng.choices(self.source_names, self.source_weights)[0]
        date = FIRST_DATE + datetime.timedelta(days=self.rng.randrange(DAYS))
        if self.rng.random() < MISSING_SOURCE_RATE:
            source = None
        if self.rng.random() < MISSING_DATE_RATE:
            date = None
        return source, date


def render(paragraphs, source, date):
    """The article file content: front matter, then paragraphs of one sentence per line."""
    first_sentence = paragraphs[0][0].split("\n", 1)[0]
    lines = ["---", f"title: {yaml_quoted(shorten_title(first_sentence))}"]
    if source is not None:
        lines.append(f"source: {yaml_quoted(source)}")
    if date is not None:
        lines.append(f"date: {date.isoformat()}")
    lines += ["language: en", "---", "\n\n".join("\n".join(p) for p in paragraphs)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def shrink_to_fit(paragraphs, source, date, budget):
    """The rendered article, dropping final sentences (keeping one) until it fits budget."""
    content = render(paragraphs, source, date)
    while len(content) > budget and (len(paragraphs) > 1 or len(paragraphs[0]) > 1):
        paragraphs[-1] = paragraphs[-1][:-1]
        if not paragraphs[-1]:
            paragraphs.pop()
        content = render(paragraphs, source, date)
    return content


def generate(base, out_dir, size, seed):
    """Writes articles into out_dir until they total about size bytes; returns totals."""
    rng = random.Random(seed)
    composer = ArticleComposer(base, rng)
    started = time.monotonic()
    written = articles = 0
    next_report = size / 20
    made_dirs = set()
    while written < size:
        source, date = composer.metadata()
        paragraphs = composer.paragraphs(composer.sentences())
        content = shrink_to_fit(paragraphs, source, date, size - written)
        if written and len(content) > 2 * (size - written):
            break  # writing it would overshoot the size more than stopping falls short
        articles += 1
        directory = out_dir / (f"{date:%Y/%m}" if date else "undated")
        if directory not in made_dirs:
            directory.mkdir(parents=True, exist_ok=True)
            made_dirs.add(directory)
        (directory / f"{articles:06d}.txt").write_bytes(content)
        written += len(content)
        if written >= next_report:
            next_report += size / 20
            print(f"scale_corpus: {100 * written / size:3.0f}%  {written / 1e6:8.1f} MB  "
                  f"{articles} articles  {time.monotonic() - started:6.1f} s", file=sys.stderr)
    perturber = composer.perturber
    return {"articles": articles, "bytes": written, "words": perturber.words_written,
            "coined_words": perturber.coined, "reused_words": perturber.reused,
            "seconds": round(time.monotonic() - started, 1)}


def generator_checksum():
    """SHA-256 of this script and the helpers it imports: a new generator, a new corpus."""
    digest = hashlib.sha256()
    for script in ("scale_corpus.py", "brown_to_articles.py"):
        digest.update((pathlib.Path(__file__).parent / script).read_bytes())
    return digest.hexdigest()


def read_marker(out_dir):
    """The parameters recorded in out_dir/.complete, or None."""
    try:
        return json.loads((out_dir / ".complete").read_text(encoding="utf-8"))["parameters"]
    except (OSError, ValueError, KeyError):
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--base", required=True, help="directory of base articles")
    parser.add_argument("--out", required=True, help="corpus directory to create")
    parser.add_argument("--size", required=True, type=parse_size, help="10M, 100M, 1G or bytes")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--queries", default=pathlib.Path(__file__).parent.parent / "queries.tsv",
                        help="benchmark queries whose words are never perturbed")
    args = parser.parse_args()
    out_dir = pathlib.Path(args.out)
    protected = protected_words(args.queries)
    base = BaseText(pathlib.Path(args.base), tuple(protected))
    parameters = {"size": args.size, "seed": args.seed, "base_sha256": base.checksum,
                  "generator_sha256": generator_checksum(),
                  "protected": protected, "python": "%d.%d" % sys.version_info[:2]}
    if read_marker(out_dir) == parameters:
        print(f"scale_corpus: {out_dir} is already complete", file=sys.stderr)
        return
    staging = out_dir.with_name(out_dir.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    totals = generate(base, staging, args.size, args.seed)
    marker = {"parameters": parameters, "totals": totals}
    (staging / ".complete").write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(out_dir, ignore_errors=True)
    staging.rename(out_dir)
    print(f"scale_corpus: {totals['articles']} articles, {totals['bytes']} bytes, "
          f"{totals['coined_words']} coined words in {totals['seconds']} s -> {out_dir}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
