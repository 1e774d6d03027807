# hearsay.Store: a database built with Store.index (hs_store_index)
# read back through the library: passages, families, search, stories, meta.
import json
import subprocess

import pytest

import hearsay


@pytest.fixture(scope="module")
def db(tmp_path_factory, corpus, hearsay_bin):
    path = tmp_path_factory.mktemp("store") / "news.db"
    store = hearsay.Store(path)
    store.index([corpus])
    yield store
    store.close()


def test_passages_match_the_command(db, hearsay_bin):
    out = subprocess.run([hearsay_bin, "reuse", "--db", db.path, "--format",
                          "jsonl"], check=True, stdout=subprocess.PIPE).stdout
    want = sorted((r["a"]["doc"], r["a"]["start"], r["b"]["doc"], r["b"]["start"])
                  for r in map(json.loads, out.decode().splitlines()))
    ps = db.passages()
    assert sorted((p.a_doc, p.a_start, p.b_doc, p.b_start) for p in ps) == want
    df = ps.to_pandas()
    assert df["a_text"].str.len().min() > 0


def test_documents_and_families(db):
    docs = db.documents().to_pandas()
    assert len(docs) == 19
    fam = db.families().to_pandas()
    assert "lw-2024-0301-bridge" in set(fam["id"])


def test_search_and_stories(db):
    hits = db.search("the bridge will close for repairs", limit=5)
    assert 0 < len(hits) <= 5
    assert hits.to_pandas()["score"].is_monotonic_decreasing
    stories = db.stories()
    assert stories and len(stories[0].docs) >= 2
    assert "docs" in stories.to_pandas().columns


def test_meta(db, hearsay_bin, monkeypatch):
    out = subprocess.run([hearsay_bin, "meta", "--db", db.path, "--format",
                          "jsonl"], check=True, stdout=subprocess.PIPE).stdout
    want = [json.loads(l) for l in out.decode().splitlines()]

    def refuse(*a, **k):
        raise AssertionError("Store.meta started a process")
    monkeypatch.setattr(subprocess, "run", refuse)
    meta = db.meta()
    assert len(meta) == 19
    assert list(meta) == want
    assert "id" in meta.to_pandas().columns or "doc" in meta.to_pandas().columns


def test_index_dicts_then_reuse(tmp_path, hearsay_bin):
    text = ("The river authority said on Monday that the eastern embankment "
            "would be raised by two metres before the autumn storms arrive, "
            "at a cost of four million pounds shared with the county.")
    store = hearsay.Store(tmp_path / "d.db")
    store.index([{"id": "one", "text": text, "series": "A"},
                 {"id": "two", "text": "Local news. " + text, "series": "B"}])
    ps = store.passages()
    assert [(p.a_doc, p.b_doc) for p in ps] == [("one", "two")]
    assert ps[0].b_series == "B"


def test_missing_database_is_an_error(tmp_path):
    with pytest.raises(hearsay.DatabaseError, match="no such database"):
        hearsay.Store(tmp_path / "typo.db").passages()
    assert not (tmp_path / "typo.db").exists()


def test_command_errors_raise(tmp_path, hearsay_bin):
    with pytest.raises(hearsay.HearsayError) as e:
        hearsay.Store(tmp_path / "e.db").index([str(tmp_path / "nothing-here")])
    assert "nothing-here" in str(e.value)
