"""The independent implementation for the match-set check: the corpus in SQLite FTS5, as
it is (the comparison) and with pressclip's documented rules added one at a time (to
explain differences). Imported by match_set.py.

Five FTS5 tables hold every article body (front matter dropped), rowid = position of the
article in name order, all with the unicode61 tokenizer and remove_diacritics 2:

    stem        porter stemming, the text as it is: what an FTS5 user sets up
    exact       no stemming: pressclip matches phrase and NEAR words as written
    lines       as exact, plus a GAP word between lines: the corpus has one sentence per
                line, and pressclip leaves one empty position between sentences
    icu         as lines, plus a GAP where pressclip's sentence rules (ICU's UAX #29, root
                locale, then titles and initials) end a sentence inside a line: after .
                ? or ! (closing quotes and brackets allowed) and a space, unless, for a .,
                the next letter is lowercase, or the word before is a title ("Mr.",
                "Lt.", "St.") or an initial ("F.") and the next letter a capital ("U.S.
                Senate" is still two sentences)
    folded      as icu, plus pressclip's folding: a final 's and leading or trailing
                apostrophes dropped, dots dropped from acronyms (U.S. -> US)

GAP is a word no article contains, so no phrase spans it and a NEAR window counts it as
one position, as pressclip's empty position does.
"""

import pathlib
import re
import sqlite3

GAP = "zzsentencegapzz"
TOKENIZER = "unicode61 remove_diacritics 2"
# A sentence end inside a line as UAX #29 sees it: terminator, closing marks, spaces, and
# then (for ".") anything but a lowercase letter before the next letter.
ICU_BREAK = re.compile(r"(?:[?!]|\.(?![^A-Za-z]*[a-z]))[\"'\u201d\u2019)\]]*\s+(?=\S)")
ACRONYM = re.compile(r"(?<![A-Za-z.])(?:[A-Za-z]\.){2,}|(?<![A-Za-z.])[A-Za-z]\.[A-Za-z]\b")


def fold(text):
    """pressclip's folding of possessives and acronyms (docs/index-format.md), on text."""
    text = re.sub("[\u2019\u2018\u02bc]", "'", text)
    text = ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
    text = re.sub(r"(?<=[A-Za-z])'s\b", "", text)
    return re.sub(r"(?<=[A-Za-z])'(?![A-Za-z])|(?<![A-Za-z])'(?=[A-Za-z])", "", text)


# pressclip's titles (schema/sentence_splitter.cpp) that never end a sentence before a
# capital, nor does an initial (one capital letter): "Lt. Gov. Byrd", "John F. Kennedy".
TITLES = {"Adm", "Atty", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Dr", "Ft", "Gen", "Gov",
          "Hon", "Lt", "Maj", "Messrs", "Mlle", "Mme", "Mr", "Mrs", "Ms", "Msgr", "Mt",
          "Pres", "Prof", "Pvt", "Rep", "Rev", "Rt", "Sen", "Sgt", "Sr", "St", "Supt", "Jr"}


def icu_gaps(line):
    """line with GAP after each sentence end that pressclip's splitter finds inside it."""
    def gap(match):
        word = re.search(r"(\S*)$", line[:match.start()]).group(1)
        after = line[match.end():match.end() + 1]
        if (match.group(0).rstrip() == "." and after.isupper()
                and (word in TITLES or re.fullmatch("[A-Z]", word))):
            return match.group(0)
        return match.group(0) + GAP + " "
    return ICU_BREAK.sub(gap, line)


# name: (tokenizer, transform of each line of text, transform of a query expression)
TABLES = {
    "stem": ("porter " + TOKENIZER, None, None),
    "exact": (TOKENIZER, None, None),
    "lines": (TOKENIZER, lambda line: line, None),
    "icu": (TOKENIZER, icu_gaps, None),
    "folded": (TOKENIZER, lambda line: fold(icu_gaps(line)), fold),
}


def body_of(path):
    """The article text of a file: everything after the front matter block."""
    text = pathlib.Path(path).read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text[text.index("\n---\n", 3) + 5:]
    return text


def table_text(body, line_transform):
    """The text stored in a table: the body, or its lines transformed and joined by GAP."""
    if line_transform is None:
        return body
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    return f"\n{GAP}\n".join(line_transform(line) for line in lines)


def build(db_path, corpus_dir):
    """Creates db_path afresh with the tables; returns (connection, [article names])."""
    db_path = pathlib.Path(db_path)
    db_path.unlink(missing_ok=True)
    con = sqlite3.connect(db_path)
    files = sorted(pathlib.Path(corpus_dir).glob("*.txt"))
    bodies = [body_of(f) for f in files]
    with con:
        for table, (tokenizer, line_transform, _) in TABLES.items():
            con.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(body, tokenize='{tokenizer}')")
            con.executemany(f"INSERT INTO {table}(rowid, body) VALUES (?, ?)",
                            ((i, table_text(b, line_transform)) for i, b in enumerate(bodies)))
    return con, [f.stem for f in files]


def match(con, names, table, expression):
    """The set of article names whose row in table matches the FTS5 expression."""
    query_transform = TABLES[table][2]
    if query_transform:
        expression = query_transform(expression)
    rows = con.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (expression,))
    return {names[rowid] for (rowid,) in rows}


def evaluate_model(con, names, model, exact_table):
    """The articles a model matches.

    A model is `TABLE: EXPR` parts joined by ` && ` (and), ` || ` (or) or ` -- ` (and
    not), read from left to right. TABLE is stem or exact; exact stands for exact_table,
    so that one model can be evaluated with each of pressclip's rules added in turn.
    """
    result, operator = None, None
    for piece in re.split(r" (&&|\|\||--) ", model):
        if piece in ("&&", "||", "--"):
            operator = piece
            continue
        table, _, expression = piece.partition(":")
        table = exact_table if table.strip() == "exact" else table.strip()
        found = match(con, names, table, expression.strip())
        if result is None:
            result = found
        elif operator == "&&":
            result &= found
        elif operator == "||":
            result |= found
        else:
            result -= found
    return result


def highlighted(con, names, table, name, expression):
    """FTS5's snippet of one article for expression, matches in [brackets], and the list
    of the bracketed words of the whole article."""
    row = con.execute(
        f"SELECT snippet({table}, 0, '[', ']', '...', 24), highlight({table}, 0, '[', ']') "
        f"FROM {table} WHERE {table} MATCH ? AND rowid = ?",
        (expression, names.index(name))).fetchone()
    if not row:
        return "", []
    return " ".join(row[0].split()).replace(GAP, "|"), re.findall(r"\[([^\]]*)\]", row[1])
