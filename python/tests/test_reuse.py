# hearsay.reuse and its records: the planted reuse of the example corpus,
# offsets in bytes and characters, documents given as dicts or a
# DataFrame, options, errors.
import json
import os
import subprocess
import warnings

import pytest

import hearsay

WIRE = "lw-2024-0301-bridge"
HARBOR = "harbor-tribune/2024-03-02-bridge.txt"


@pytest.fixture(scope="module")
def passages(corpus):
    return hearsay.reuse(corpus)


@pytest.fixture(scope="module")
def docs(corpus):
    return {d.id: d for d in hearsay.read(corpus)}


def test_planted_wire_reprint(passages):
    pairs = {(p.a_doc, p.b_doc) for p in passages}
    assert (HARBOR, WIRE) in pairs
    p = next(p for p in passages if (p.a_doc, p.b_doc) == (HARBOR, WIRE))
    assert p.a_text.startswith("GREYMOOR, March 1 (Lakeland Wire)")
    assert p.a_text.rstrip(". \n").endswith("until seven in the evening on weekdays")
    assert p.kind == "cross" and p.similarity == 1.0
    assert p.method == "verbatim"
    assert p.b_series and p.b_date  # the wire's JSON Lines metadata


def _records(passages):
    return [(p.a_doc, p.a_start, p.a_end, p.b_doc, p.b_start, p.b_end,
             p.words, p.family, p.method) for p in passages]


def _command(hearsay_bin, *args):
    out = subprocess.run([hearsay_bin, "reuse", "--format", "jsonl"] +
                         list(args), check=True, stdout=subprocess.PIPE).stdout
    return [(r["a"]["doc"], r["a"]["start"], r["a"]["end"], r["b"]["doc"],
             r["b"]["start"], r["b"]["end"], r["words"], r["family"],
             r["method"])
            for r in map(json.loads, out.decode().splitlines())]


def test_same_passages_as_the_command(passages, corpus, hearsay_bin):
    assert _records(passages) == _command(hearsay_bin, corpus)


# An outlet whose pages end with the same footer, and a share prompt: the
# command masks both (its default), so the only passage left is the
# reprint of the wire story.
FOOTER = ("The Valley Gazette is published every weekday by the Valley "
          "Printing Company of Greymoor and delivered to all subscribers "
          "before seven in the morning")
SHARE = "Share this article on Facebook, Twitter and by email with your friends"
WIRE_TEXT = ("Engineers opened the rebuilt harbor bridge on Tuesday after two "
             "years of repairs, and the first lorries crossed it before noon "
             "while the mayor thanked the workers who finished the job early.")


@pytest.fixture(scope="module")
def furniture(tmp_path_factory):
    topics = ["the school board met to discuss the budget for next year",
              "a storm knocked down trees along the river road overnight",
              "the football club signed a young striker from the capital",
              "farmers reported an early harvest of apples in the hills"]
    path = tmp_path_factory.mktemp("furniture") / "pages.jsonl"
    with open(path, "w") as f:
        f.write(json.dumps({"id": "wire", "series": "Wire",
                            "text": WIRE_TEXT}) + "\n")
        for i, t in enumerate(topics):
            body = "Local news: %s, officials said on Monday. " % t
            if i == 0:
                body += WIRE_TEXT + " "
            f.write(json.dumps({"id": "gazette-%d" % i, "series": "Gazette",
                                "text": body + "\n\n" + SHARE + "\n\n" +
                                FOOTER + "\n"}) + "\n")
    return str(path)


def test_furniture_masked_as_the_command(furniture, hearsay_bin):
    masked = hearsay.reuse(furniture)
    kept = hearsay.reuse(furniture, keep_boilerplate=True)
    assert _records(masked) == _command(hearsay_bin, furniture)
    assert _records(kept) == _command(hearsay_bin, "--keep-boilerplate",
                                      furniture)
    # the footer links the Gazette's pages only when it is not masked
    assert {(p.a_doc, p.b_doc) for p in masked} == {("wire", "gazette-0")}
    assert any(p.a_doc.startswith("gazette") and p.b_doc.startswith("gazette")
               for p in kept)


def test_offsets_bytes_and_characters(passages, docs):
    arabic = 0
    for p in passages:
        for side in "ab":
            d = docs[getattr(p, side + "_doc")]
            start, end = getattr(p, side + "_start"), getattr(p, side + "_end")
            cs, ce = getattr(p, side + "_start_char"), getattr(p, side + "_end_char")
            text = getattr(p, side + "_text")
            assert d.text.encode()[start:end].decode() == text
            assert d.text[cs:ce] == text
            arabic += cs != start
    assert arabic  # the Arabic and Russian copies: characters != bytes


def test_to_pandas_flat_columns(passages):
    df = passages.to_pandas()
    assert len(df) == len(passages)
    for col in ("a_doc", "a_start", "a_end", "a_start_char", "a_end_char",
                "a_words", "a_text", "b_doc", "b_text", "words", "similarity",
                "kind", "family"):
        assert col in df.columns
    assert df["a_start"].dtype.kind == "i"
    assert not any(isinstance(v, dict) for v in df.iloc[0])


def test_families(passages):
    fam = passages.families()
    df = fam.to_pandas()
    assert list(df.columns[:8]) == ["cluster", "size", "id", "series", "date",
                                    "begin", "end", "begin_char"]
    wire = df[df["id"] == WIRE]
    assert len(wire) >= 1
    cluster = wire["cluster"].iloc[0]
    members = set(df[df["cluster"] == cluster]["id"])
    assert {WIRE, HARBOR, "riverside-gazette/2024-03-02-bridge.txt",
            "valley-courier/2024-03-03-bridge.txt"} <= members
    assert (df.groupby("cluster")["id"].count() == df.groupby("cluster")["size"].first()).all()


def test_documents_as_dicts_and_dataframe(docs):
    import pandas as pd
    rows = [{"id": d.id, "text": d.text, "series": d.series, "date": d.date,
             "topic": "x"} for d in docs.values()]
    from_dicts = hearsay.reuse(rows, with_text=False)
    assert any((p.a_doc, p.b_doc) == (HARBOR, WIRE) for p in from_dicts)
    assert all(p.a_text is None for p in from_dicts)
    from_df = hearsay.reuse(pd.DataFrame(rows), with_text=False)
    assert from_df == from_dicts


def test_options(corpus, passages):
    fewer = hearsay.reuse(corpus, min_words=100)
    assert 0 < len(fewer) < len(passages)
    assert all(min(p.a_words, p.b_words) >= 100 for p in fewer)
    assert all(p.kind == "cross" for p in hearsay.reuse(corpus, internal=False))
    with pytest.raises(TypeError, match="unknown option 'min_word'"):
        hearsay.reuse(corpus, min_word=3)


def test_errors_carry_hearsays_message(tmp_path):
    missing = str(tmp_path / "no-such-dir")
    with pytest.raises(hearsay.InputError) as e:
        hearsay.reuse(missing)
    assert missing in str(e.value) and e.value.code == 2
    with pytest.raises(hearsay.UsageError):
        hearsay.reuse([{"id": "a", "text": "x"}], ngram=0)
    with pytest.raises(hearsay.InputError, match="has no 'text'"):
        hearsay.reuse([{"id": "a"}])
    with pytest.raises(hearsay.InputError, match="no documents"):
        hearsay.reuse([])


def test_warnings_become_python_warnings(tmp_path):
    bad = tmp_path / "x.jsonl"
    bad.write_text('{"id":"a","text":"one two three"}\n{not json\n')
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        hearsay.read(str(bad))
    assert any(issubclass(x.category, hearsay.HearsayWarning) and "x.jsonl:2"
               in str(x.message) for x in w)


def test_version():
    assert hearsay.library_version() == hearsay.__version__
    assert os.path.exists(hearsay.library_path)


def test_csv_with_field_names(tmp_path, docs):
    import csv
    path = tmp_path / "export.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["doc", "outlet", "body"])
        for d in docs.values():
            w.writerow([d.id, d.series or "", d.text])
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        got = hearsay.reuse(str(path), id_field="doc", outlet_field="outlet",
                            text_field="body")
    assert not [x for x in w if issubclass(x.category, hearsay.HearsayWarning)]
    p = next(p for p in got if (p.a_doc, p.b_doc) == (HARBOR, WIRE))
    assert p.a_text.startswith("GREYMOOR, March 1 (Lakeland Wire)")
    assert p.b_series == docs[WIRE].series
    with pytest.warns(hearsay.HearsayWarning, match='"body" as the text'):
        assert len(hearsay.reuse(str(path), id_field="doc")) == len(got)
    bad = tmp_path / "notext.csv"
    bad.write_text("id,summary\n1,a b c\n")
    with pytest.raises(hearsay.InputError, match="no text column"):
        hearsay.reuse(str(bad))
