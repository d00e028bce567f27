#!/usr/bin/env python3
"""A foreign client of pressclip's C API in Python, with nothing but the standard library's
ctypes: it loads the shared library, indexes the sample corpus, searches it, prints the hits
and checks what include/pressclip/pressclip.h promises.

Usage: python3 ctypes_client.py LIBRARY_PATH CORPUS_DIR WORK_DIR

  LIBRARY_PATH  the shared library (build/libpressclip.so)
  CORPUS_DIR    the sample corpus (corpus/: five articles and the manifest seeds.tsv)
  WORK_DIR      a scratch directory; the index is created in WORK_DIR/index, which must not
                exist yet

Exits with 0 if every check passed, 1 at the first failed check, 2 on a usage error.

The file has two parts. The first, "pressclip: a small Python binding", is a self-contained
Pythonic layer over the C API (ctypes declarations, PressclipError, Library, Indexer,
Searcher) that can be copied as the start of a real binding. The second, "The client", uses
it.
"""

import ctypes
import os
import sys

# =================================================================================================
# pressclip: a small Python binding over the C API (include/pressclip/pressclip.h)
# =================================================================================================
#
# Conventions of the C API that matter here:
# - Handles are opaque pointers, declared as c_void_p; functions that create one take a
#   `T **` out parameter, declared as POINTER(c_void_p) and passed with byref().
# - Functions that can fail return a pressclip_status (an enum, so a C int); PRESSCLIP_OK is 0.
#   The binding turns every other status into a PressclipError carrying the status's name
#   (pressclip_status_name) and the message of the failure (pressclip_last_error_message,
#   per thread: read it right after the failing call, as the errcheck hook below does).
# - Strings cross as NUL-terminated UTF-8 (c_char_p, i.e. Python bytes). Strings read from a
#   handle are copied into Python objects before the handle is freed.
# - Offsets (passage ranges, highlights) are BYTE offsets into UTF-8 text: slice the bytes,
#   then decode. The binding does so, and also gives each range in characters
#   ("char_start", "char_end") so that Python str slicing works.

RESULT_FORMAT_VERSION = 1  # PRESSCLIP_RESULT_FORMAT_VERSION of the header this binding follows

# pressclip_status
OK = 0
BAD_QUERY = 1
BAD_ARGUMENT = 2
INDEX_MISSING = 3
INDEX_LOCKED = 4
INDEX_CORRUPT = 5
INDEX_VERSION = 6
IO = 7
NOT_FOUND = 8
INTERNAL = 9
TIMEOUT = 10

# pressclip_sort
SORT_RELEVANCE = 0
SORT_DATE_ASCENDING = 1
SORT_DATE_DESCENDING = 2

# pressclip_scope
SCOPE_ARTICLE = 0
SCOPE_PASSAGE = 1

# pressclip_facet
FACET_SOURCE = 0
FACET_AGENCY = 1
FACET_MONTH = 2
_FACETS = (("sources", FACET_SOURCE), ("agencies", FACET_AGENCY), ("months", FACET_MONTH))

# pressclip_field
FIELD_TITLE = 0
FIELD_SOURCE = 1
FIELD_DATE = 2
FIELD_URL = 3
FIELD_LANGUAGE = 4
_FIELDS = (("title", FIELD_TITLE), ("source", FIELD_SOURCE), ("date", FIELD_DATE),
           ("url", FIELD_URL), ("language", FIELD_LANGUAGE))


class IndexReport(ctypes.Structure):
    """struct pressclip_index_report."""
    _fields_ = [
        ("articles_added", ctypes.c_size_t),
        ("articles_updated", ctypes.c_size_t),
        ("articles_removed", ctypes.c_size_t),
        ("files_moved", ctypes.c_size_t),
        ("files_unchanged", ctypes.c_size_t),
        ("files_skipped", ctypes.c_size_t),
    ]


class ArticleFields(ctypes.Structure):
    """struct pressclip_article_fields: every member but `text` may be NULL (None)."""
    _fields_ = [
        ("id", ctypes.c_char_p),
        ("title", ctypes.c_char_p),
        ("source", ctypes.c_char_p),
        ("date", ctypes.c_char_p),
        ("url", ctypes.c_char_p),
        ("language", ctypes.c_char_p),
        ("agencies", ctypes.c_char_p),
        ("text", ctypes.c_char_p),
    ]


class Stats(ctypes.Structure):
    """struct pressclip_stats."""
    _fields_ = [
        ("articles", ctypes.c_size_t),
        ("passages", ctypes.c_size_t),
        ("undated_articles", ctypes.c_size_t),
        ("earliest_date", ctypes.c_char * 11),
        ("latest_date", ctypes.c_char * 11),
        ("index_format_version", ctypes.c_int),
    ]


class PressclipError(Exception):
    """A call of the C API failed. `status` is the pressclip_status value, `name` its name
    ("bad query", "not found", ...) and `message` the library's one-line message."""

    def __init__(self, status, name, message):
        super().__init__("%s: %s" % (name, message))
        self.status = status
        self.name = name
        self.message = message


_size = ctypes.c_size_t
_handle = ctypes.c_void_p
_string = ctypes.c_char_p
_out_handle = ctypes.POINTER(ctypes.c_void_p)
_status = "status"  # a pressclip_status (a C enum, so a C int) checked by errcheck
_int = ctypes.c_int
_double = ctypes.c_double

# name: (restype, argtypes). A restype of _status is declared as a C int, with the errcheck
# that raises PressclipError.
_DECLARATIONS = {
    "pressclip_status_name": (_string, [_status]),
    "pressclip_last_error_message": (_string, []),
    "pressclip_version": (_string, []),
    "pressclip_result_format_version": (_int, []),
    "pressclip_free": (None, [ctypes.c_void_p]),
    # Writing an index
    "pressclip_indexer_open": (_status, [_string, _string, _out_handle]),
    "pressclip_indexer_close": (None, [_handle]),
    "pressclip_indexer_index_paths": (
        _status, [_handle, ctypes.POINTER(_string), _size, ctypes.POINTER(IndexReport)]),
    "pressclip_indexer_add_fields": (
        _status, [_handle, ctypes.POINTER(ArticleFields), _out_handle]),
    "pressclip_indexer_add_text": (_status, [_handle, _string, _string, _out_handle]),
    "pressclip_indexer_remove": (_status, [_handle, _string]),
    "pressclip_indexer_commit": (_status, [_handle]),
    # Searching
    "pressclip_searcher_open": (_status, [_string, _out_handle]),
    "pressclip_searcher_close": (None, [_handle]),
    "pressclip_searcher_reopen": (_status, [_handle]),
    "pressclip_search_options_new": (_handle, [_string]),
    "pressclip_search_options_free": (None, [_handle]),
    "pressclip_search_options_set_limit": (None, [_handle, _size]),
    "pressclip_search_options_set_offset": (None, [_handle, _size]),
    "pressclip_search_options_set_per_article": (None, [_handle, _size]),
    "pressclip_search_options_set_sort": (None, [_handle, _int]),
    "pressclip_search_options_set_scope": (None, [_handle, _int]),
    "pressclip_search_options_set_context_sentences": (None, [_handle, _size]),
    "pressclip_search_options_set_since": (None, [_handle, _string]),
    "pressclip_search_options_set_until": (None, [_handle, _string]),
    "pressclip_search_options_set_today": (None, [_handle, _string]),
    "pressclip_search_options_set_include_inferred_dates": (None, [_handle, _int]),
    "pressclip_search_options_set_recency_half_life": (None, [_handle, _double]),
    "pressclip_search_options_set_facets": (None, [_handle, _int]),
    "pressclip_search": (_status, [_handle, _handle, _out_handle]),
    "pressclip_results_free": (None, [_handle]),
    "pressclip_results_format_version": (_int, [_handle]),
    "pressclip_results_matching_articles": (_size, [_handle]),
    "pressclip_results_suggested_query": (_string, [_handle]),
    "pressclip_results_count": (_size, [_handle]),
    "pressclip_hit_rank": (_size, [_handle, _size]),
    "pressclip_hit_score": (_double, [_handle, _size]),
    "pressclip_hit_article_id": (_string, [_handle, _size]),
    "pressclip_hit_path": (_string, [_handle, _size]),
    "pressclip_hit_record": (_string, [_handle, _size]),
    "pressclip_hit_title": (_string, [_handle, _size]),
    "pressclip_hit_source": (_string, [_handle, _size]),
    "pressclip_hit_date": (_string, [_handle, _size]),
    "pressclip_hit_date_inferred": (_int, [_handle, _size]),
    "pressclip_hit_agency_count": (_size, [_handle, _size]),
    "pressclip_hit_agency": (_string, [_handle, _size, _size]),
    "pressclip_hit_passage_index": (_size, [_handle, _size]),
    "pressclip_hit_passage_start": (_size, [_handle, _size]),
    "pressclip_hit_passage_end": (_size, [_handle, _size]),
    "pressclip_hit_passage_text": (_string, [_handle, _size]),
    "pressclip_hit_cut_before": (_int, [_handle, _size]),
    "pressclip_hit_cut_after": (_int, [_handle, _size]),
    "pressclip_hit_highlight_count": (_size, [_handle, _size]),
    "pressclip_hit_highlight_start": (_size, [_handle, _size, _size]),
    "pressclip_hit_highlight_end": (_size, [_handle, _size, _size]),
    "pressclip_results_facet_count": (_size, [_handle, _int]),
    "pressclip_results_facet_value": (_string, [_handle, _int, _size]),
    "pressclip_results_facet_articles": (_size, [_handle, _int, _size]),
    # One article, and statistics
    "pressclip_searcher_find_article": (_status, [_handle, _string, _out_handle]),
    "pressclip_article_free": (None, [_handle]),
    "pressclip_article_id": (_string, [_handle]),
    "pressclip_article_path": (_string, [_handle]),
    "pressclip_article_record": (_string, [_handle]),
    "pressclip_article_field": (_string, [_handle, _int]),
    "pressclip_article_field_origin": (_string, [_handle, _int]),
    "pressclip_article_agency_count": (_size, [_handle]),
    "pressclip_article_agency": (_string, [_handle, _size]),
    "pressclip_article_text": (_string, [_handle]),
    "pressclip_article_passage_count": (_size, [_handle]),
    "pressclip_article_passage_start": (_size, [_handle, _size]),
    "pressclip_article_passage_end": (_size, [_handle, _size]),
    "pressclip_searcher_stats": (_status, [_handle, ctypes.POINTER(Stats)]),
}


def _encode(text):
    """A str argument as NUL-terminated UTF-8 (None stays NULL)."""
    if text is None:
        return None
    if isinstance(text, bytes):
        return text
    return text.encode("utf-8")


def _path(path):
    """A file system path argument (str, bytes or os.PathLike) as bytes."""
    return os.fsencode(path)


def _decode(data):
    """A string read from the library as str (NULL as None)."""
    return None if data is None else data.decode("utf-8")


def _range(data, start, end):
    """Bytes [start, end) of the UTF-8 `data` as a dict with the text and the character
    offsets. Raises UnicodeDecodeError if a bound is not on a character boundary."""
    return {
        "start": start,
        "end": end,
        "char_start": len(data[:start].decode("utf-8")),
        "char_end": len(data[:end].decode("utf-8")),
        "text": data[start:end].decode("utf-8"),
    }


class Library:
    """The loaded shared library, with every function of the C API declared."""

    def __init__(self, path):
        self.c = ctypes.CDLL(os.fspath(path))
        for name, (restype, argtypes) in _DECLARATIONS.items():
            function = getattr(self.c, name)
            function.argtypes = [ctypes.c_int if argtype == _status else argtype
                                 for argtype in argtypes]
            if restype == _status:
                function.restype = ctypes.c_int
                function.errcheck = self._check_status
            else:
                function.restype = restype

    def _check_status(self, status, function, arguments):
        del function, arguments
        if status != OK:
            # Read the message at once: it is per thread, and the next failure replaces it.
            message = _decode(self.c.pressclip_last_error_message())
            raise PressclipError(status, self.status_name(status), message)
        return status

    def status_name(self, status):
        return _decode(self.c.pressclip_status_name(status))

    @property
    def version(self):
        """The version of the library loaded, "MAJOR.MINOR.PATCH"."""
        return _decode(self.c.pressclip_version())

    @property
    def result_format_version(self):
        return self.c.pressclip_result_format_version()

    def _take_string(self, pointer):
        """Decodes and frees a string the library returned through a `char **`."""
        if not pointer:
            return None
        try:
            return _decode(ctypes.string_at(pointer))
        finally:
            self.c.pressclip_free(pointer)


class Indexer:
    """An index opened for writing (pressclip_indexer): at most one per index at a time.
    Use it as a context manager; close() commits pending changes."""

    def __init__(self, library, database_path, stemmer_language=None):
        self._lib = library
        handle = ctypes.c_void_p()
        library.c.pressclip_indexer_open(_path(database_path), _encode(stemmer_language),
                                         ctypes.byref(handle))
        self._handle = handle.value

    def __enter__(self):
        return self

    def __exit__(self, *exception):
        self.close()

    def close(self):
        """Commits pending changes (ignoring a failure), releases the lock. Idempotent."""
        if self._handle:
            self._lib.c.pressclip_indexer_close(self._handle)
            self._handle = None

    def _live(self):
        if not self._handle:
            raise ValueError("the indexer is closed")
        return self._handle

    def index_paths(self, paths):
        """Brings the index up to date with the files at `paths`; returns the report as a
        dict."""
        if isinstance(paths, (str, bytes, os.PathLike)):
            paths = [paths]
        encoded = [_path(path) for path in paths]
        array = (ctypes.c_char_p * len(encoded))(*encoded)
        report = IndexReport()
        self._lib.c.pressclip_indexer_index_paths(self._live(), array, len(encoded),
                                                  ctypes.byref(report))
        return {name: getattr(report, name) for name, _ in IndexReport._fields_}

    def add_fields(self, text, id=None, title=None, source=None, date=None, url=None,
                   language=None, agencies=None):
        """Adds (or replaces) an article given as fields; returns its id. `agencies` is a
        list of names or one string ("AFP; Reuters"). Pending until commit()."""
        if agencies is not None and not isinstance(agencies, (str, bytes)):
            agencies = "; ".join(agencies)
        fields = ArticleFields(id=_encode(id), title=_encode(title), source=_encode(source),
                               date=_encode(date), url=_encode(url),
                               language=_encode(language), agencies=_encode(agencies),
                               text=_encode(text))
        article_id = ctypes.c_void_p()
        self._lib.c.pressclip_indexer_add_fields(self._live(), ctypes.byref(fields),
                                                 ctypes.byref(article_id))
        return self._lib._take_string(article_id.value)

    def add_text(self, text, article_id=None):
        """Adds an article from the content of an article file; returns its id."""
        new_id = ctypes.c_void_p()
        self._lib.c.pressclip_indexer_add_text(self._live(), _encode(text), _encode(article_id),
                                               ctypes.byref(new_id))
        return self._lib._take_string(new_id.value)

    def remove(self, id_or_path):
        """Removes an article by id or file path. Pending until commit()."""
        self._lib.c.pressclip_indexer_remove(self._live(), _encode(id_or_path))

    def commit(self):
        self._lib.c.pressclip_indexer_commit(self._live())


class SearchResults(list):
    """The hits of a search (a list of dicts, best first), with the rest of the outcome as
    attributes: format_version, matching_articles, suggested_query and facets (a dict of
    "sources", "agencies" and "months", each a list of (value, articles); empty lists unless
    facets were asked for)."""

    format_version = RESULT_FORMAT_VERSION
    matching_articles = 0
    suggested_query = ""
    facets = None


class Searcher:
    """An index opened for reading (pressclip_searcher). Use it as a context manager."""

    def __init__(self, library, database_path):
        self._lib = library
        handle = ctypes.c_void_p()
        library.c.pressclip_searcher_open(_path(database_path), ctypes.byref(handle))
        self._handle = handle.value

    def __enter__(self):
        return self

    def __exit__(self, *exception):
        self.close()

    def close(self):
        if self._handle:
            self._lib.c.pressclip_searcher_close(self._handle)
            self._handle = None

    def _live(self):
        if not self._handle:
            raise ValueError("the searcher is closed")
        return self._handle

    def reopen(self):
        """Makes commits made since the searcher was opened visible."""
        self._lib.c.pressclip_searcher_reopen(self._live())

    def search(self, query, limit=10, offset=0, per_article=1, sort=SORT_RELEVANCE,
               scope=SCOPE_ARTICLE, context_sentences=0, since=None, until=None, today=None,
               include_inferred_dates=True, recency_half_life=0.0, facets=False):
        """Runs a search; returns SearchResults. Raises PressclipError ("bad query", ...)."""
        c = self._lib.c
        options = c.pressclip_search_options_new(_encode(query))
        if not options:
            raise PressclipError(BAD_ARGUMENT, self._lib.status_name(BAD_ARGUMENT),
                                 "cannot create search options (query is None?)")
        results = ctypes.c_void_p()
        try:
            c.pressclip_search_options_set_limit(options, limit)
            c.pressclip_search_options_set_offset(options, offset)
            c.pressclip_search_options_set_per_article(options, per_article)
            c.pressclip_search_options_set_sort(options, sort)
            c.pressclip_search_options_set_scope(options, scope)
            c.pressclip_search_options_set_context_sentences(options, context_sentences)
            c.pressclip_search_options_set_since(options, _encode(since))
            c.pressclip_search_options_set_until(options, _encode(until))
            c.pressclip_search_options_set_today(options, _encode(today))
            c.pressclip_search_options_set_include_inferred_dates(
                options, 1 if include_inferred_dates else 0)
            c.pressclip_search_options_set_recency_half_life(options, recency_half_life)
            c.pressclip_search_options_set_facets(options, 1 if facets else 0)
            c.pressclip_search(self._live(), options, ctypes.byref(results))
            return self._read_results(results.value)
        finally:
            c.pressclip_results_free(results.value)
            c.pressclip_search_options_free(options)

    def _read_results(self, results):
        c = self._lib.c
        out = SearchResults()
        out.format_version = c.pressclip_results_format_version(results)
        out.matching_articles = c.pressclip_results_matching_articles(results)
        out.suggested_query = _decode(c.pressclip_results_suggested_query(results))
        for i in range(c.pressclip_results_count(results)):
            out.append(self._read_hit(results, i))
        out.facets = {}
        for name, facet in _FACETS:
            out.facets[name] = [
                (_decode(c.pressclip_results_facet_value(results, facet, j)),
                 c.pressclip_results_facet_articles(results, facet, j))
                for j in range(c.pressclip_results_facet_count(results, facet))]
        return out

    def _read_hit(self, results, i):
        c = self._lib.c
        text = c.pressclip_hit_passage_text(results, i)  # bytes, to slice by byte offsets
        start = c.pressclip_hit_passage_start(results, i)
        end = c.pressclip_hit_passage_end(results, i)
        highlights = [
            (c.pressclip_hit_highlight_start(results, i, h),
             c.pressclip_hit_highlight_end(results, i, h))
            for h in range(c.pressclip_hit_highlight_count(results, i))]
        return {
            "rank": c.pressclip_hit_rank(results, i),
            "score": c.pressclip_hit_score(results, i),
            "article_id": _decode(c.pressclip_hit_article_id(results, i)),
            "path": _decode(c.pressclip_hit_path(results, i)),
            "record": _decode(c.pressclip_hit_record(results, i)),
            "title": _decode(c.pressclip_hit_title(results, i)),
            "source": _decode(c.pressclip_hit_source(results, i)),
            "date": _decode(c.pressclip_hit_date(results, i)),
            "date_inferred": bool(c.pressclip_hit_date_inferred(results, i)),
            "agencies": [_decode(c.pressclip_hit_agency(results, i, a))
                         for a in range(c.pressclip_hit_agency_count(results, i))],
            "passage": {
                "index": c.pressclip_hit_passage_index(results, i),
                "start": start,  # bytes, in the article text
                "end": end,
                "text": _decode(text),
                "bytes": text,
                "cut_before": bool(c.pressclip_hit_cut_before(results, i)),
                "cut_after": bool(c.pressclip_hit_cut_after(results, i)),
                # Byte ranges of the passage text, with their characters and text.
                "highlights": [_range(text, h_start, h_end) for h_start, h_end in highlights],
            },
        }

    def find_article(self, id_or_path):
        """The article with this id or file path, as a dict. Raises PressclipError
        ("not found")."""
        c = self._lib.c
        article = ctypes.c_void_p()
        c.pressclip_searcher_find_article(self._live(), _encode(id_or_path),
                                          ctypes.byref(article))
        try:
            handle = article.value
            text = c.pressclip_article_text(handle)
            return {
                "id": _decode(c.pressclip_article_id(handle)),
                "path": _decode(c.pressclip_article_path(handle)),
                "record": _decode(c.pressclip_article_record(handle)),
                "fields": {name: {"value": _decode(c.pressclip_article_field(handle, field)),
                                  "origin": _decode(c.pressclip_article_field_origin(handle,
                                                                                     field))}
                           for name, field in _FIELDS},
                "agencies": [_decode(c.pressclip_article_agency(handle, a))
                             for a in range(c.pressclip_article_agency_count(handle))],
                "text": _decode(text),
                "bytes": text,
                "passages": [
                    dict(_range(text, c.pressclip_article_passage_start(handle, p),
                                c.pressclip_article_passage_end(handle, p)), index=p)
                    for p in range(c.pressclip_article_passage_count(handle))],
            }
        finally:
            c.pressclip_article_free(article.value)

    def stats(self):
        stats = Stats()
        self._lib.c.pressclip_searcher_stats(self._live(), ctypes.byref(stats))
        return {
            "articles": stats.articles,
            "passages": stats.passages,
            "undated_articles": stats.undated_articles,
            "earliest_date": _decode(stats.earliest_date),
            "latest_date": _decode(stats.latest_date),
            "index_format_version": stats.index_format_version,
        }


def marked(passage, before="[[", after="]]"):
    """The passage text with each highlight wrapped in `before` and `after`."""
    text = passage["bytes"]
    parts = []
    position = 0
    for highlight in passage["highlights"]:
        parts += [text[position:highlight["start"]], _encode(before),
                  text[highlight["start"]:highlight["end"]], _encode(after)]
        position = highlight["end"]
    parts.append(text[position:])
    return b"".join(parts).decode("utf-8")


# =================================================================================================
# The client: index the corpus, search it, print and check
# =================================================================================================

ADDED_TEXT = ("Envoys of the regional bloc met the junta in Niamey on Thursday.\n"
              "Observers called the bloc’s talks with the junta’s envoys a flumadiddle.\n"
              "The envoys will report to the bloc’s summit next week.")


class CheckFailed(Exception):
    pass


_checks = 0


def check(condition, what):
    """An assertion that is kept under `python3 -O`: prints "ok N - what" or raises."""
    global _checks
    _checks += 1
    if not condition:
        raise CheckFailed("not ok %d - %s" % (_checks, what))
    print("ok %d - %s" % (_checks, what))


def expect_error(name, call, what):
    """Checks that `call()` raises PressclipError with status name `name` and a message."""
    try:
        call()
    except PressclipError as error:
        check(error.name == name and error.message,
              "%s raises PressclipError %r (%r: %s)" % (what, name, error.name, error.message))
        return error
    check(False, "%s raises PressclipError %r (it returned)" % (what, name))
    return None


def print_hits(query, hits):
    print("# search %r: %d hits of %d matching articles" % (query, len(hits),
                                                            hits.matching_articles))
    for hit in hits:
        print("# %d. %s | %s | %s" % (hit["rank"], hit["title"], hit["source"], hit["date"]))
        for line in marked(hit["passage"]).splitlines():
            print("#      %s" % line)


def check_hits(searcher, query, hits, words, all_words):
    """The invariants of every hit; `words` are lowercase: a highlight of each hit must
    contain one of them (every one of them if `all_words`)."""
    check(hits.format_version == RESULT_FORMAT_VERSION,
          "%r: results format version %d" % (query, hits.format_version))
    check(len(hits) > 0, "%r has hits (%d)" % (query, len(hits)))
    check(len(hits) <= hits.matching_articles,
          "%r: %d hits <= %d matching articles (one per article)" % (query, len(hits),
                                                                     hits.matching_articles))
    for i, hit in enumerate(hits):
        passage = hit["passage"]
        data = passage["bytes"]
        label = "%r hit %d" % (query, i)
        check(hit["rank"] == i + 1, "%s has rank %d (%d)" % (label, i + 1, hit["rank"]))
        check(hit["article_id"] and all(isinstance(hit[key], str)
                                        for key in ("title", "source", "date", "path")),
              "%s has an id, and title, source, date and path strings" % label)
        check(passage["start"] < passage["end"] and len(data) == passage["end"] - passage["start"],
              "%s: passage text is %d bytes == end %d - start %d"
              % (label, len(data), passage["end"], passage["start"]))
        article = searcher.find_article(hit["article_id"])
        check(article["bytes"][passage["start"]:passage["end"]] == data,
              "%s: passage text is bytes [%d, %d) of the article text"
              % (label, passage["start"], passage["end"]))
        previous_end = 0
        matched = False
        for highlight in passage["highlights"]:
            check(previous_end <= highlight["start"] < highlight["end"] <= len(data),
                  "%s: highlight [%d, %d) lies in the passage, after the previous one"
                  % (label, highlight["start"], highlight["end"]))
            previous_end = highlight["end"]
            # The str slice (in characters) is the byte slice, decoded.
            check(passage["text"][highlight["char_start"]:highlight["char_end"]]
                  == highlight["text"],
                  "%s: highlight bytes [%d, %d) are characters [%d, %d): %r"
                  % (label, highlight["start"], highlight["end"], highlight["char_start"],
                     highlight["char_end"], highlight["text"]))
            found = [word in highlight["text"].lower() for word in words]
            matched = matched or (all(found) if all_words else any(found))
        check(matched, "%s: a highlight shows %s of %s"
              % (label, "all" if all_words else "one", words))


def run(library_path, corpus_dir, work_dir):
    lib = Library(library_path)
    index_path = os.path.join(work_dir, "index")
    if os.path.exists(index_path):
        print("ctypes_client: %s exists; give a new WORK_DIR" % index_path, file=sys.stderr)
        return 2

    # Versions
    check(lib.version and lib.version.count(".") == 2, "library version %r" % lib.version)
    check(lib.result_format_version == RESULT_FORMAT_VERSION,
          "result format version %d == %d" % (lib.result_format_version, RESULT_FORMAT_VERSION))
    check(lib.status_name(BAD_QUERY) == "bad query", "status name of BAD_QUERY is 'bad query'")

    # Opening a searcher where there is no index
    expect_error("index missing", lambda: Searcher(lib, os.path.join(work_dir, "no-such-index")),
                 "Searcher on a directory without an index")

    # Indexing
    with Indexer(lib, index_path) as indexer:
        expect_error("index locked", lambda: Indexer(lib, index_path),
                     "a second Indexer on the index while the first is open")
        report = indexer.index_paths([corpus_dir])
        print("# index report: %s" % report)
        check(report["articles_added"] == 5, "5 articles added (%d)" % report["articles_added"])
        check(report["files_skipped"] == 0, "0 files skipped (%d)" % report["files_skipped"])
        expect_error("bad argument", lambda: indexer.add_fields("  "),
                     "add_fields with a text without sentences")
        added_id = indexer.add_fields(ADDED_TEXT, title="Envoys meet the junta in Niamey",
                                      source="BBC News", date="3 August 2023",
                                      agencies=["Reuters"], language="en")
        check(isinstance(added_id, str) and added_id, "add_fields returned the id %r" % added_id)
        indexer.commit()

    with Searcher(lib, index_path) as searcher:
        # The two searches, printed
        query = "Wagner AND Niger"
        hits = searcher.search(query)
        print_hits(query, hits)
        check_hits(searcher, query, hits, ["wagner", "niger"], all_words=False)
        check(hits.matching_articles == 3,
              "%r matches 3 articles (%d)" % (query, hits.matching_articles))
        check(all(not values for values in hits.facets.values()),
              "%r: no facets unless asked for" % query)

        query = '"military intervention"'
        hits = searcher.search(query, facets=True)
        print_hits(query, hits)
        check_hits(searcher, query, hits, ["military", "intervention"], all_words=True)
        print("# facets: %s" % hits.facets)
        sources = hits.facets["sources"]
        check(sources and all(value and 0 < count <= hits.matching_articles
                              for value, count in sources),
              "%r: every source facet counts 1..%d articles" % (query, hits.matching_articles))
        check(sum(count for _, count in sources) <= hits.matching_articles,
              "%r: source facet counts sum to %d <= %d matching articles"
              % (query, sum(count for _, count in sources), hits.matching_articles))
        months = [value for value, _ in hits.facets["months"]]
        check(months == sorted(months) and all(len(month) == 7 for month in months),
              "%r: month facet values are YYYY-MM in time order (%s)" % (query, months))

        # Byte and character offsets differ in a passage with non-ASCII text before the
        # highlight: the binding must slice bytes, then decode.
        query = "flumadiddle"
        hits = searcher.search(query)
        print_hits(query, hits)
        check(len(hits) == 1 and hits[0]["article_id"] == added_id,
              "%r finds the added article only" % query)
        highlight = hits[0]["passage"]["highlights"][0]
        check(highlight["text"] == "flumadiddle" and highlight["char_start"] < highlight["start"],
              "%r: highlight at bytes [%d, %d), characters [%d, %d): %r"
              % (query, highlight["start"], highlight["end"], highlight["char_start"],
                 highlight["char_end"], highlight["text"]))

        # The added article
        article = searcher.find_article(added_id)
        fields = article["fields"]
        print("# added article: %s" % {key: article[key] for key in ("id", "path", "fields",
                                                                      "agencies")})
        check(article["id"] == added_id and article["path"] == "" and article["record"] == "",
              "find_article(added id): id, empty path and record")
        check(fields["source"]["value"] == "BBC", "source 'BBC News' reads 'BBC' (%r)"
              % fields["source"]["value"])
        check(fields["date"]["value"] == "2023-08-03",
              "date '3 August 2023' reads '2023-08-03' (%r)" % fields["date"]["value"])
        check(fields["title"]["value"] == "Envoys meet the junta in Niamey", "title as given")
        check(all(fields[name]["origin"] == "given" for name in ("title", "source", "date",
                                                                 "language")),
              "title, source, date and language have origin 'given'")
        check(fields["url"]["value"] == "" and fields["url"]["origin"] != "given",
              "url, not given, is empty (origin %r)" % fields["url"]["origin"])
        check(article["agencies"] == ["Reuters"], "agencies %s" % article["agencies"])
        check(article["text"] == ADDED_TEXT, "text as given")
        check(article["passages"] and all(p["text"] for p in article["passages"]),
              "%d passages, each with text" % len(article["passages"]))

        check(searcher.stats()["articles"] == 6, "stats: 6 articles")

        # Errors
        error = expect_error("bad query", lambda: searcher.search("Niger AND ("),
                             "search 'Niger AND ('")
        check(error.status == BAD_QUERY, "its status is BAD_QUERY (%d)" % error.status)
        expect_error("not found", lambda: searcher.find_article("no-such-article"),
                     "find_article('no-such-article')")
        expect_error("bad argument", lambda: searcher.search("niger", limit=0),
                     "search with limit 0")
        # A NULL argument, through the raw declarations.
        out = ctypes.c_void_p()
        expect_error("bad argument",
                     lambda: lib.c.pressclip_searcher_find_article(searcher._live(), None,
                                                                   ctypes.byref(out)),
                     "pressclip_searcher_find_article(searcher, NULL, &article)")

        # Removing
        with Indexer(lib, index_path) as indexer:
            indexer.remove(added_id)
            indexer.commit()
        searcher.reopen()
        expect_error("not found", lambda: searcher.find_article(added_id),
                     "find_article(added id) after remove, commit and reopen")
        check(searcher.stats()["articles"] == 5, "stats: 5 articles after remove")

    print("1..%d" % _checks)
    return 0


def main(argv):
    if len(argv) != 4:
        print("usage: %s LIBRARY_PATH CORPUS_DIR WORK_DIR" % argv[0], file=sys.stderr)
        return 2
    try:
        return run(argv[1], argv[2], argv[3])
    except CheckFailed as failure:
        print(failure)
    except Exception as error:  # an unexpected PressclipError or a bug: a failure, shown
        import traceback
        traceback.print_exc()
        print("not ok %d - unexpected %s: %s" % (_checks + 1, type(error).__name__, error))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
