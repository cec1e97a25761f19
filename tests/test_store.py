"""The store on disk: builds are all-or-nothing however many batches they write, even when killed."""

from __future__ import annotations

import subprocess
import sys

import pyoxigraph as ox
import pytest
from conftest import SAMPLES, run
from test_cli import copy_store

from kg.config import Settings
from kg.pipeline import build
from kg.rdf.namespaces import KG
from kg.store import KGStore, StoreError

KILLED_BUILD = """
import os, signal, sys
from kg.config import Settings
from kg.rdf.namespaces import KG
from kg.pipeline import build
from kg.store import KGStore
seen = []
def progress(doc):
    seen.append(doc)
    if len(seen) == 4:  # three documents' batches are already written
        os.kill(os.getpid(), signal.SIGKILL)
with KGStore(sys.argv[1]) as store:
    build([sys.argv[2]], Settings(), store, print, progress=progress, batch_quads=1)
"""


def content(path) -> list[str]:
    with KGStore(path, read_only=True) as store:
        return sorted(str(q) for q in store.store)


def generations(path) -> list[str]:
    return sorted(p.name for p in path.iterdir() if p.name.startswith("gen-"))


@pytest.fixture
def small_store(tmp_path):
    store = tmp_path / "store"
    (tmp_path / "one.txt").write_text("Initech hired Peter Lund in 2021. Lund moved to Ohio.\n")
    assert run("build", tmp_path / "one.txt", "--store", store, "-q").exit_code == 0
    return store


def test_failure_after_some_batches_leaves_the_store_as_it_was(small_store, monkeypatch):
    before, kept = content(small_store), generations(small_store)
    from kg import pipeline

    real, calls = pipeline.document_quads, []

    def fails_third_time(*args):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk on fire")
        return real(*args)

    monkeypatch.setattr(pipeline, "document_quads", fails_third_time)
    with KGStore(small_store) as store, pytest.raises(RuntimeError, match="disk on fire"):
        build([SAMPLES], Settings(), store, print, batch_quads=1)
    assert content(small_store) == before
    assert generations(small_store) == kept


def test_killed_build_leaves_the_store_as_it_was_and_the_next_build_cleans_up(small_store):
    before = content(small_store)
    assert generations(small_store) == ["gen-000001", "gen-000002"]
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_BUILD, str(small_store), str(SAMPLES)], capture_output=True, text=True
    )
    assert killed.returncode == -9, killed.stderr
    assert generations(small_store) == ["gen-000001", "gen-000002", "gen-000003"]  # 3: half-written
    assert content(small_store) == before

    result = run("build", SAMPLES, "--store", small_store, "-q")
    assert result.exit_code == 0 and "9 documents added" in result.stdout
    assert generations(small_store) == ["gen-000002", "gen-000003"]  # the previous is kept for readers
    assert len(content(small_store)) > len(before)


def test_a_reader_opened_before_a_build_keeps_its_view(small_store, tmp_path):
    reader = KGStore(small_store, read_only=True)
    seen = len(reader)
    assert run("build", SAMPLES, "--store", small_store, "-q").exit_code == 0
    assert len(reader) == seen
    assert len(KGStore(small_store, read_only=True)) > seen


def test_a_folder_that_is_not_a_store_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("my notes")
    with pytest.raises(StoreError, match="not a kg store"):
        KGStore(tmp_path)
    result = run("build", SAMPLES, "--store", tmp_path, "-q")
    assert result.exit_code == 1
    assert (
        result.stderr.strip() == f"kg: {tmp_path}: not a kg store (no 'current' link inside); "
        "give a new or empty folder"
    )
    assert (tmp_path / "notes.txt").read_text() == "my notes"


def test_copy_of_a_store_is_a_store(small_store, tmp_path):
    copy_store(small_store, tmp_path / "copy")
    assert content(tmp_path / "copy") == content(small_store)


def test_a_document_comes_back_from_its_graph_as_it_went_in(extractor, tmp_path):
    """record -> quads -> record: what a re-run of the stages reads (after an unmerge) is the document built."""
    from dataclasses import replace

    from kg.ingest import to_document
    from kg.ingest.readers import RawText
    from kg.rdf import Minter, document_quads
    from kg.resolve import Resolver

    text = (
        "Globex Corp hired Ana Costa as chief scientist in May.\n\nImage source: Globex Corp\n\n"
        "A Initech contratou Pedro Lund em 2019 para liderar a equipe de pesquisa.\n\n"
        "Ana Costa said the lab would open in Leeds next year."
    )
    raw = RawText(
        "news/globex.txt",
        text,
        meta={
            "author": "Jane Holt",
            "title": "Globex hires a scientist",
            "url": "https://example.org/globex",
            "published": "2024-05-02",
        },
    )
    doc = replace(to_document(raw), paragraph_langs=((108, "pt"),))
    assert doc.removed and doc.authors == ("Jane Holt",)
    minter = Minter(Settings().base_iri)
    graph, quads = document_quads(Resolver().resolve(extractor.extract(doc)), minter, doc.source)
    store = KGStore(tmp_path / "store")
    store.commit([], quads)
    assert store.document_records([graph]) == [doc]


def test_merges_and_unmerge_decisions_come_back_as_they_went_in(tmp_path):
    from kg.rdf import Minter
    from kg.rdf.merges import merge_quads, veto_quads
    from kg.records import Merge, Veto

    minter = Minter(Settings().base_iri)
    doc_iri = minter.document("c0ffee" * 6)
    merge = Merge("Globex_Corp", "the company", "definite description", 120, 131, 0.6)
    vetoes = [Veto("Globex", "Globex_Corp"), Veto("it", "Globex_Corp", "c0ffee" * 6, 200)]
    store = KGStore(tmp_path / "store")
    article = ox.Quad(
        ox.NamedNode(doc_iri), ox.NamedNode(KG + "contentHash"), ox.Literal("c0ffee" * 6), ox.NamedNode(doc_iri)
    )
    store.commit(
        [], [article, *merge_quads(merge, 0, doc_iri, minter), *(q for v in vetoes for q in veto_quads(v, minter))]
    )
    (stored,) = store.merges()
    assert (
        stored.label,
        stored.entity,
        stored.reason,
        stored.document,
        stored.start,
        stored.end,
        stored.confidence,
    ) == ("the company", minter.entity("Globex_Corp"), "definite description", doc_iri, 120, 131, 0.6)
    assert sorted(store.vetoes(minter), key=str) == sorted(vetoes, key=str)
    store.commit([doc_iri], [])  # the document replaced: its mention's decision lapses, the name's stays
    assert store.vetoes(minter) == [vetoes[0]]


def test_an_entity_comes_back_as_documents_named_it(tmp_path):
    from kg.rdf import Minter
    from kg.rdf.entities import entity_quads
    from kg.records import Entity

    minter = Minter(Settings().base_iri)
    meta = Entity("Meta", "Meta", "Organization", {"Meta Platforms", "Facebook"}, same_as={"http://wd/Q380"})
    lecun = Entity("Yann_LeCun", "Yann LeCun", "Person", {"LeCun"})
    store = KGStore(tmp_path / "store")
    store.commit([], [q for e in (meta, lecun) for q in entity_quads(e, minter, minter.document("ab" * 32))])
    assert list(store.entities(minter.base)) == [meta, lecun]
