"""hearsay from Python: passages reused between news articles.

    import hearsay
    passages = hearsay.reuse(["examples/corpus"])
    df = passages.to_pandas()          # a_doc, a_start, ..., a_text, b_doc, ...

The work is done by the C library libhearsay (through cffi, see _ffi.py);
this module turns its results into Python values: lists of named tuples
whose `.to_pandas()` gives flat DataFrames.  Offsets are given twice: in
bytes of the UTF-8 text (`a_start`, `a_end`, as in hearsay's JSON Lines)
and in Python characters (`a_start_char`, `a_end_char`, so that
`text[a_start_char:a_end_char] == a_text`).  Failures raise HearsayError
(or a subclass) carrying hearsay's one-line message.  See docs/python.md.
"""

import json
import os
import tempfile
import warnings
from typing import NamedTuple, Optional

from ._ffi import ffi, lib, libc, library_path

__version__ = "0.1.0"

__all__ = [
    "reuse", "read", "Store", "families", "library_version", "library_path",
    "HearsayError", "UsageError", "InputError", "DatabaseError",
    "HearsayWarning", "IndexStats", "Passage", "Document", "FamilyMember",
    "Hit", "Story", "StoryClaim",
]


# ------------------------------------------------------------------ errors

class HearsayError(Exception):
    """A hearsay call failed; str(e) is hearsay's message, e.code its status
    (the command's exit code: 1 usage, 2 input, 3 I/O, 4 database, 5 out of
    memory, 6 interrupted)."""

    def __init__(self, message, code=2):
        super().__init__(message)
        self.code = code
        self.status = ffi.string(lib.hs_status_name(code)).decode()


class UsageError(HearsayError, ValueError):
    """Bad option or argument."""


class InputError(HearsayError):
    """Unreadable or malformed input."""


class DatabaseError(HearsayError):
    """The store is missing, locked, corrupt or of another schema."""


class HearsayWarning(UserWarning):
    """A problem that did not stop the job (a skipped file or line)."""


_ERRORS = {1: UsageError, 2: InputError, 4: DatabaseError}


def _fail(err):
    code = err.code or 2
    msg = ffi.string(err.msg).decode("utf-8", "replace")
    raise _ERRORS.get(code, HearsayError)(
        msg or ffi.string(lib.hs_status_name(code)).decode(), code)


def _check(rc, err):
    if rc:
        _fail(err)


def _str(p):
    return None if p == ffi.NULL else ffi.string(p).decode("utf-8", "replace")


def library_version():
    """Version of the loaded libhearsay ("0.1.0")."""
    return ffi.string(lib.hs_version()).decode()


# ---------------------------------------------------------------- records

class Document(NamedTuple):
    id: str
    text: Optional[str]
    series: Optional[str]
    date: Optional[str]
    title: Optional[str]
    url: Optional[str]


class Passage(NamedTuple):
    """One reused passage: copy a in document a_doc, copy b in b_doc."""
    a_doc: str
    a_start: int            # bytes of the UTF-8 text, end exclusive
    a_end: int
    a_start_char: Optional[int]  # Python characters (None: text not kept)
    a_end_char: Optional[int]
    a_words: int
    a_series: Optional[str]
    a_date: Optional[str]
    a_text: Optional[str]
    b_doc: str
    b_start: int
    b_end: int
    b_start_char: Optional[int]
    b_end_char: Optional[int]
    b_words: int
    b_series: Optional[str]
    b_date: Optional[str]
    b_text: Optional[str]
    words: int
    similarity: float
    kind: str               # "cross" or "internal"
    family: int
    method: str             # "verbatim", "edited", "rewritten" or "summary"


class IndexStats(NamedTuple):
    """What Store.index did."""
    added: int              # documents stored by this call
    skipped: int            # already stored with the same text
    changed: int            # already stored with another text: not stored
    passages: int           # passages stored by this call
    total: int              # documents in the store afterwards


class FamilyMember(NamedTuple):
    """One copy in a family of reprints, as passim's records name it."""
    cluster: int
    size: int               # copies in the family
    id: str
    series: Optional[str]
    date: Optional[str]
    begin: int              # bytes
    end: int
    begin_char: Optional[int]
    end_char: Optional[int]
    text: Optional[str]


class Hit(NamedTuple):
    """A sentence that states a searched claim."""
    doc: str
    start: int
    end: int
    score: float
    text: str
    date: Optional[str]
    outlet: Optional[str]


class StoryClaim(NamedTuple):
    text: str
    doc: str
    start: int
    end: int
    docs: int


class Story(NamedTuple):
    docs: list
    outlets: list
    first_doc: Optional[str]
    first_date: Optional[str]
    first_outlet: Optional[str]
    claims: list


class _Records(list):
    """A list of named tuples; to_pandas() gives one row per record."""

    _type = None

    def to_pandas(self):
        import pandas as pd
        if self:
            return pd.DataFrame(self, columns=type(self[0])._fields)
        return pd.DataFrame(columns=self._type._fields)


class Documents(_Records):
    _type = Document


class Passages(_Records):
    _type = Passage

    def families(self):
        """The passages' families, one row per copy (see families())."""
        return families(self)


class Families(_Records):
    _type = FamilyMember


class Hits(_Records):
    _type = Hit


class Stories(_Records):
    _type = Story

    def to_pandas(self):
        import pandas as pd
        rows = [{"story": i, "size": len(s.docs), "docs": s.docs,
                 "outlets": s.outlets, "first_doc": s.first_doc,
                 "first_date": s.first_date, "first_outlet": s.first_outlet,
                 "claim": s.claims[0].text if s.claims else None}
                for i, s in enumerate(self)]
        return pd.DataFrame(rows, columns=[
            "story", "size", "docs", "outlets", "first_doc", "first_date",
            "first_outlet", "claim"])


# ------------------------------------------------------------------ input

_FIELDS = ("id", "text", "series", "date", "title", "url")


def _items(docs_or_paths):
    if isinstance(docs_or_paths, (str, bytes, os.PathLike, dict)):
        return [docs_or_paths]
    if hasattr(docs_or_paths, "to_dict"):  # a pandas DataFrame
        return docs_or_paths.to_dict("records")
    return docs_or_paths


def _opt_bytes(v):
    if v is None:
        return ffi.NULL
    try:
        import math
        if isinstance(v, float) and math.isnan(v):  # pandas' missing value
            return ffi.NULL
    except TypeError:
        pass
    return str(v).encode("utf-8")


class _Corpus:
    """An hs_corpus filled from paths and dicts; warnings become
    HearsayWarning."""

    def __init__(self, docs_or_paths=None, fields=None):
        self.fields = fields or {}
        c = lib.hs_corpus_new()
        if c == ffi.NULL:
            raise MemoryError("hearsay: out of memory")
        self.c = ffi.gc(c, lib.hs_corpus_free)
        self.err = ffi.new("hs_error *")
        self._keep = []
        if docs_or_paths is not None:
            self.add(docs_or_paths)

    def add(self, docs_or_paths):
        def warn(ud, where, what):
            warnings.warn("%s: %s" % (_str(where), _str(what)), HearsayWarning,
                          stacklevel=4)
        cb = ffi.callback("hs_warn_fn", warn)
        opts = ffi.new("hs_ingest_opts *")
        opts.warn = cb
        names = []
        for k, v in self.fields.items():
            names.append(ffi.new("char[]", str(v).encode("utf-8")))
            setattr(opts, k, names[-1])
        for i, item in enumerate(_items(docs_or_paths)):
            if isinstance(item, dict):
                self._add_doc(item, i)
            elif isinstance(item, (str, bytes, os.PathLike)):
                _check(lib.hs_ingest_path(self.c, os.fsencode(item), opts,
                                          self.err), self.err)
            else:
                raise UsageError("hearsay: document %d is a %s; give paths "
                                 "or dicts with a 'text'" %
                                 (i + 1, type(item).__name__), 1)

    def _add_doc(self, d, i):
        text = d.get("text")
        if text is None:
            raise InputError("hearsay: document %d (id %r) has no 'text'" %
                             (i + 1, d.get("id")), 2)
        if isinstance(text, str):
            text = text.encode("utf-8", "surrogatepass")
        ident = d.get("id")
        ident = str(i + 1) if ident is None else str(ident)
        extra = {k: v for k, v in d.items() if k not in _FIELDS}
        extra = json.dumps(extra, default=str) if extra else None
        _check(lib.hs_corpus_add(
            self.c, ident.encode("utf-8"), text, len(text),
            _opt_bytes(d.get("series")), _opt_bytes(d.get("date")),
            _opt_bytes(d.get("title")), _opt_bytes(d.get("url")),
            _opt_bytes(extra), b"<python>", i + 1, self.err), self.err)

    def __len__(self):
        return lib.hs_corpus_count(self.c)

    def doc(self, i):
        return lib.hs_corpus_doc(self.c, i)

    def text_bytes(self, i):
        d = self.doc(i)
        if d.text == ffi.NULL:
            return None
        return ffi.buffer(d.text, d.len)[:]

    def documents(self):
        out = Documents()
        for i in range(len(self)):
            d = self.doc(i)
            t = self.text_bytes(i)
            out.append(Document(_str(d.id), None if t is None else
                                t.decode("utf-8", "replace"), _str(d.series),
                                _str(d.date), _str(d.title), _str(d.url)))
        return out


_FIELD_OPTS = ("id_field", "text_field", "series_field", "date_field",
               "title_field", "url_field")


def _field_opts(options):
    """Take the *_field options (outlet_field = series_field) out of
    options."""
    if "outlet_field" in options:
        options["series_field"] = options.pop("outlet_field")
    return {k: options.pop(k) for k in _FIELD_OPTS if k in options}


def read(docs_or_paths, **fields):
    """The documents hearsay reads from paths (files, directories, JSON
    Lines, JSON arrays, CSV/TSV, HTML, WARC...) or dicts, as a list of
    Document.  fields: text_field="body" and the like (docs/input.md)."""
    f = _field_opts(fields)
    if fields:
        raise TypeError("hearsay: unknown option %r" % sorted(fields)[0])
    return _Corpus(docs_or_paths, f).documents()


# ----------------------------------------------------------------- output

def _char_offsets(data, offsets):
    """{byte offset: character offset} in data (UTF-8), decoded as
    data.decode('utf-8', 'replace') decodes it."""
    out, prev, chars = {}, 0, 0
    for off in sorted(offsets):
        chars += len(data[prev:off].decode("utf-8", "replace"))
        prev = off
        out[off] = chars
    return out


class _DocView:
    """Per-document values a passage list needs, computed once."""

    def __init__(self, corpus, spans, with_text):
        need = {}
        for doc, start, end in spans:
            need.setdefault(doc, set()).update((start, end))
        self.info = {}
        for doc, offs in need.items():
            d = corpus.doc(doc)
            data = corpus.text_bytes(doc)
            chars = _char_offsets(data, offs) if data is not None else None
            self.info[doc] = (_str(d.id), _str(d.series), _str(d.date),
                              data if with_text else None, chars)

    def span(self, doc, start, end):
        ident, series, date, data, chars = self.info[doc]
        text = None if data is None else \
            data[start:end].decode("utf-8", "replace")
        if chars is None:
            return ident, None, None, series, date, text
        return ident, chars[start], chars[end], series, date, text


def _passages(corpus, p, n, with_text):
    spans = []
    for i in range(n):
        spans.append((p[i].a.doc, p[i].a.start, p[i].a.end))
        spans.append((p[i].b.doc, p[i].b.start, p[i].b.end))
    view = _DocView(corpus, spans, with_text)
    out = Passages()
    for i in range(n):
        x = p[i]
        aid, asc, aec, aser, adate, atext = view.span(x.a.doc, x.a.start, x.a.end)
        bid, bsc, bec, bser, bdate, btext = view.span(x.b.doc, x.b.start, x.b.end)
        out.append(Passage(
            aid, x.a.start, x.a.end, asc, aec, x.a.words, aser, adate, atext,
            bid, x.b.start, x.b.end, bsc, bec, x.b.words, bser, bdate, btext,
            x.words, round(x.similarity, 3),
            "internal" if x.internal else "cross", x.family,
            ffi.string(lib.hs_passage_method(p + i)).decode()))
    return out


_REUSE_OPTS = {
    "ngram": int, "min_words": int, "df_cap": int, "max_gap": int,
    "min_similarity": float, "threads": int, "internal": bool, "memory": int,
    "rewrite": bool,
}


def _reuse_opts(options):
    o = ffi.new("hs_reuse_opts *")
    lib.hs_reuse_opts_default(o)
    for k, v in options.items():
        if k not in _REUSE_OPTS:
            raise TypeError("hearsay: unknown option %r (known: %s)" %
                            (k, ", ".join(sorted(_REUSE_OPTS) +
                                          ["with_text", "keep_boilerplate"] +
                                          list(_FIELD_OPTS))))
        setattr(o, k, int(v) if _REUSE_OPTS[k] is bool else _REUSE_OPTS[k](v))
    return o


def reuse(docs_or_paths, with_text=True, keep_boilerplate=False, **options):
    """Passages reused between (and within) documents.

    docs_or_paths: a path, or a list of paths (files, directories, .jsonl,
    HTML, WARC...) and dicts with "text" and optionally "id", "series",
    "date", "title", "url"; or a pandas DataFrame with those columns.
    options: ngram, min_words, df_cap, max_gap, min_similarity, threads,
    internal (bool), memory (bytes), id_field, text_field, outlet_field
    (series_field), date_field, title_field, url_field -- as the command's
    options of the same names.  with_text=False leaves a_text/b_text None (less memory).

    Returns a Passages list (sorted by a document, a start, b document,
    b start, like `hearsay reuse`) with .to_pandas() and .families().
    Page furniture (share lines, comment forms, an outlet's repeated
    lines) is masked as `hearsay reuse` masks it, unless keep_boilerplate
    (as --keep-boilerplate).
    """
    fields = _field_opts(options)
    opts = _reuse_opts(options)
    corpus = _Corpus(docs_or_paths, fields)
    if not len(corpus):
        raise InputError("hearsay: no documents to compare (the paths hold "
                         "no readable text, or the list is empty)", 2)
    pp = ffi.new("hs_passage **")
    n = ffi.new("size_t *")
    find = lib.hs_reuse_find if keep_boilerplate else lib.hs_reuse_find_masked
    _check(find(corpus.c, opts, pp, n, corpus.err), corpus.err)
    try:
        return _passages(corpus, pp[0], n[0], with_text)
    finally:
        libc.free(pp[0])


def families(passages):
    """Families of reprints as passim gives them: one FamilyMember per copy
    (distinct document and span), cluster = the family number, size = its
    number of copies."""
    members = {}
    for p in passages:
        fam = members.setdefault(p.family, {})
        for side in ("a", "b"):
            key = (getattr(p, side + "_doc"), getattr(p, side + "_start"),
                   getattr(p, side + "_end"))
            if key not in fam:
                fam[key] = (getattr(p, side + "_series"),
                            getattr(p, side + "_date"),
                            getattr(p, side + "_start_char"),
                            getattr(p, side + "_end_char"),
                            getattr(p, side + "_text"))
    out = Families()
    for fam_id in sorted(members):
        fam = members[fam_id]
        for (doc, start, end), (series, date, sc, ec, text) in fam.items():
            out.append(FamilyMember(fam_id, len(fam), doc, series, date,
                                    start, end, sc, ec, text))
    return out


# ------------------------------------------------------------------ store

class Store:
    """A hearsay database (the SQLite store of `hearsay index`).

        with hearsay.Store("news.db") as db:
            db.index(["articles/"])
            df = db.passages().to_pandas()
    """

    def __init__(self, path):
        self.path = os.fspath(path)
        self._s = None
        self._claims = None

    def _open(self):
        if self._s is None:
            if not os.path.exists(self.path):
                raise DatabaseError(
                    "hearsay: %s: no such database; create it with "
                    "Store(%r).index(paths)" % (self.path, self.path), 4)
            sp = ffi.new("hs_store **")
            err = ffi.new("hs_error *")
            _check(lib.hs_store_open(sp, os.fsencode(self.path), err), err)
            self._s = sp[0]
        return self._s

    def close(self):
        if self._claims is not None:
            lib.hs_claims_free(self._claims)
            self._claims = None
        if self._s is not None:
            lib.hs_store_close(self._s)
            self._s = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def index(self, docs_or_paths, **options):
        """Add documents (paths, or dicts as reuse() takes them) to the
        store, creating it if need be; only new ones are processed (the
        library's hs_store_index, as `hearsay index` runs it).  Options are
        the command's as keyword arguments: the reuse options (min_words=20,
        ngram, df_cap, max_gap, min_similarity, threads, memory,
        internal=False or no_internal=True), batch, keep_boilerplate,
        aliases (a file) and the *_field names.  Problems that do not stop
        the run (a malformed line, a document stored with another text)
        become HearsayWarning.  Returns an IndexStats (added, skipped,
        changed, passages, total)."""
        options = dict(options)
        fields = _field_opts(options)
        o = ffi.new("hs_store_index_opts *")
        lib.hs_store_index_opts_default(o)
        keep = []
        for k, v in list(options.items()):
            if v is None:
                continue
            if k == "no_internal":
                o.reuse.internal = 0 if v else 1
            elif k in _REUSE_OPTS:
                setattr(o.reuse, k, int(bool(v)) if _REUSE_OPTS[k] is bool
                        else _REUSE_OPTS[k](v))
            elif k == "batch":
                o.batch = int(v)
            elif k == "keep_boilerplate":
                o.keep_boilerplate = int(bool(v))
            elif k == "aliases":
                keep.append(ffi.new("char[]", os.fsencode(v)))
                o.aliases = keep[-1]
            else:
                raise UsageError(
                    "hearsay: index: unknown option %r (known: %s)" %
                    (k, ", ".join(sorted(_REUSE_OPTS) +
                                  ["aliases", "batch", "keep_boilerplate",
                                   "no_internal"] + list(_FIELD_OPTS))), 1)
        o.ingest.threads = o.reuse.threads
        for k, v in fields.items():
            keep.append(ffi.new("char[]", str(v).encode("utf-8")))
            setattr(o.ingest, k, keep[-1])
        said = []

        def warn(ud, where, what):
            said.append("%s: %s" % (_str(where), _str(what)) if where !=
                        ffi.NULL else _str(what))
        cb = ffi.callback("hs_warn_fn", warn)
        o.warn = cb
        paths, docs = [], []
        for item in _items(docs_or_paths):
            (docs if isinstance(item, dict) else paths).append(item)
        self.close()  # one connection writes; reopened when read
        with tempfile.TemporaryDirectory(prefix="hearsay-") as tmp:
            if docs:
                jl = os.path.join(tmp, "documents.jsonl")
                with open(jl, "w", encoding="utf-8") as f:
                    for i, d in enumerate(docs):
                        rec = {k: v for k, v in d.items() if v is not None}
                        rec.setdefault("id", str(i + 1))
                        f.write(json.dumps(rec, default=str) + "\n")
                paths.append(jl)
            cpaths = [ffi.new("char[]", os.fsencode(os.path.abspath(p)))
                      for p in paths]
            arr = ffi.new("const char *[]", cpaths + [ffi.NULL])
            sp = ffi.new("hs_store **")
            st = ffi.new("hs_store_index_stats *")
            err = ffi.new("hs_error *")
            _check(lib.hs_store_open(sp, os.fsencode(self.path), err), err)
            try:
                rc = lib.hs_store_index(sp[0], arr, len(cpaths), o, st, err)
            finally:
                lib.hs_store_close(sp[0])
            for line in said:
                warnings.warn(line, HearsayWarning, stacklevel=2)
            _check(rc, err)
        return IndexStats(st.added, st.skipped, st.changed, st.passages,
                          st.total)

    def _corpus(self):
        corpus = _Corpus()
        _check(lib.hs_store_load_docs(self._open(), corpus.c, corpus.err),
               corpus.err)
        return corpus

    def documents(self):
        """The stored documents."""
        return self._corpus().documents()

    def passages(self, with_text=True):
        """The stored passages, as reuse() returns them."""
        corpus = self._corpus()
        pp = ffi.new("hs_passage **")
        n = ffi.new("size_t *")
        _check(lib.hs_store_load_passages(self._open(), pp, n, corpus.err),
               corpus.err)
        try:
            return _passages(corpus, pp[0], n[0], with_text)
        finally:
            libc.free(pp[0])

    def families(self):
        """The stored families, one FamilyMember per copy."""
        return families(self.passages())

    def _claims_index(self):
        if self._claims is None:
            cp = ffi.new("hs_claims **")
            err = ffi.new("hs_error *")
            _check(lib.hs_claims_new(cp, ffi.NULL, err), err)
            self._claims = cp[0]
        return self._claims

    def search(self, query, limit=10, min_score=0.0):
        """Sentences that state the claim `query`, best first (as `hearsay
        search --db`)."""
        s = self._open()
        c = self._claims_index()
        hp = ffi.new("hs_claim_hit **")
        n = ffi.new("size_t *")
        err = ffi.new("hs_error *")
        _check(lib.hs_claims_search_store(c, s, str(query).encode("utf-8"),
                                          int(limit), float(min_score), hp, n,
                                          err), err)
        try:
            out = Hits()
            for i in range(n[0]):
                h = hp[0][i]
                out.append(Hit(_str(h.name), h.start, h.end,
                               round(h.score, 4), _str(h.text), _str(h.date),
                               _str(h.outlet)))
            return out
        finally:
            lib.hs_claim_hits_free(hp[0], n[0])

    def stories(self, max_claims=5):
        """Documents grouped into stories, largest first (as `hearsay
        stories`)."""
        s = self._open()
        c = self._claims_index()
        sp = ffi.new("hs_story **")
        n = ffi.new("size_t *")
        err = ffi.new("hs_error *")
        _check(lib.hs_claims_stories(c, s, int(max_claims), sp, n, err), err)
        try:
            out = Stories()
            for i in range(n[0]):
                st = sp[0][i]
                claims = [StoryClaim(_str(k.text), _str(k.name), k.start, k.end,
                                     k.docs)
                          for k in (st.claims[j] for j in range(st.nclaims))]
                out.append(Story(
                    [_str(st.names[j]) for j in range(st.ndocs)],
                    [_str(st.outlets[j]) for j in range(st.noutlets)],
                    _str(st.first_name), _str(st.first_date),
                    _str(st.first_outlet), claims))
            return out
        finally:
            lib.hs_stories_free(sp[0], n[0])

    def meta(self):
        """Date, outlet, title, byline, boilerplate and attributions of each
        stored document (the records of `hearsay meta --db`), as a list of
        dicts; meta().to_pandas() flattens them one level."""
        corpus = self._corpus()
        n = len(corpus)
        err = corpus.err
        lists = ffi.new("hs_range_list **")
        al = ffi.new("hs_aliases **")
        buf = ffi.new("char **")
        size = ffi.new("size_t *")
        m = ffi.new("hs_meta *")
        _check(lib.hs_boiler_corpus(corpus.c, lists, err), err)
        try:
            _check(lib.hs_aliases_new(al, err), err)
            f = libc.open_memstream(buf, size)
            if f == ffi.NULL:
                raise MemoryError("hearsay: out of memory")
            rc = 0
            try:
                for i in range(n):
                    rc = lib.hs_meta_extract(corpus.doc(i), al[0],
                                             lists[0] + i, m, err)
                    if not rc:
                        rc = lib.hs_meta_write_jsonl(f, corpus.doc(i), m, err)
                    lib.hs_meta_clear(m)
                    if rc:
                        break
            finally:
                libc.fclose(f)
                text = ffi.buffer(buf[0], size[0])[:] if buf[0] != ffi.NULL \
                    else b""
                libc.free(buf[0])
            _check(rc, err)
        finally:
            lib.hs_aliases_free(al[0])
            lib.hs_boiler_free(lists[0], n)
        out = _Meta()
        for line in text.decode("utf-8", "replace").splitlines():
            if line.strip():
                out.append(json.loads(line))
        return out


class _Meta(list):
    def to_pandas(self):
        import pandas as pd
        return pd.json_normalize(self, max_level=0) if self else pd.DataFrame()
