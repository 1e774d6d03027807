# Store.index through the library (hs_store_index): a second run stores
# only the new documents, the stored rows are those `hearsay index` stores,
# problems become HearsayWarning and errors the package's exceptions; no
# process is started.
import json
import subprocess
import warnings

import pytest

import hearsay


@pytest.fixture
def no_subprocess(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("Store.index started a process")
    monkeypatch.setattr(subprocess, "run", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)


def test_index_twice_adds_only_new_documents(tmp_path, corpus, no_subprocess):
    docs = [d._asdict() for d in hearsay.read(corpus)]
    assert len(docs) == 19
    store = hearsay.Store(tmp_path / "two.db")
    first = store.index(docs[:10])
    assert (first.added, first.skipped, first.changed, first.total) == \
        (10, 0, 0, 10)
    second = store.index(docs)
    assert (second.added, second.skipped, second.changed, second.total) == \
        (9, 10, 0, 19)
    again = store.index(docs)
    assert (again.added, again.skipped, again.passages, again.total) == \
        (0, 19, 0, 19)
    assert len(store.documents()) == 19
    assert first.passages + second.passages == len(store.passages()) > 0


def _stored(hearsay_bin, db):
    out = subprocess.run([hearsay_bin, "reuse", "--db", str(db), "--format",
                          "jsonl"], check=True, stdout=subprocess.PIPE).stdout
    return sorted(out.decode().splitlines())


def test_same_rows_as_the_command(tmp_path, corpus, hearsay_bin):
    store = hearsay.Store(tmp_path / "lib.db")
    stats = store.index([corpus], batch=5, min_words=10)
    store.close()
    subprocess.run([hearsay_bin, "index", "--quiet", "--db",
                    str(tmp_path / "cmd.db"), "--batch", "5", "--min-words",
                    "10", corpus], check=True)
    want = _stored(hearsay_bin, tmp_path / "cmd.db")
    assert _stored(hearsay_bin, tmp_path / "lib.db") == want
    assert stats.passages == len(want) and stats.added == 19


def test_changed_text_warns_and_keeps_the_stored(tmp_path, no_subprocess):
    text = ("The river authority said on Monday that the eastern embankment "
            "would be raised by two metres before the autumn storms arrive.")
    store = hearsay.Store(tmp_path / "w.db")
    store.index([{"id": "one", "text": text}])
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        stats = store.index([{"id": "one", "text": text + " Updated."}])
    assert (stats.added, stats.changed) == (0, 1)
    said = [str(x.message) for x in w if x.category is hearsay.HearsayWarning]
    assert any("already stored with a different text" in s for s in said)
    assert store.documents()[0].text == text


def test_errors_are_exceptions(tmp_path, no_subprocess):
    with pytest.raises(hearsay.InputError, match="nothing-here"):
        hearsay.Store(tmp_path / "e.db").index([str(tmp_path / "nothing-here")])
    store = hearsay.Store(tmp_path / "o.db")
    store.index([{"id": "a", "text": "one two three four five six"}])
    with pytest.raises(hearsay.UsageError):
        store.index([{"id": "b", "text": "x"}], ngram=7)
    with pytest.raises(hearsay.UsageError, match="unknown option"):
        store.index([{"id": "b", "text": "x"}], no_such_option=1)
