"""Language packs: a language is data plus registered constructions, and only extract knows languages."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from kg.config import Settings
from kg.extract import Extractor
from kg.extract import lang as languages
from kg.extract.lang.en.clauses import clause
from kg.ingest import to_document
from kg.ingest.readers import RawText

ROOT = Path(__file__).resolve().parents[1]


def test_stages_after_extract_import_no_language():
    """resolve, rdf, store and views read records only: they never import extract's words or packs."""
    for stage in ("resolve", "rdf", "store", "views"):
        for path in (ROOT / "kg" / stage).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            imported = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module]
            imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
            assert not [m for m in imported if m.startswith("kg.extract")], path


def test_packs_are_looked_up_by_language_code():
    english = languages.get("en")
    assert english is not None and english.code == "en" and "en" in languages.codes()
    assert english.syntax.object == frozenset({"dobj"})  # ClearNLP's labels live in the profile
    assert languages.get("xx") is None


def _statements(monkeypatch, pack, text: str) -> set[tuple[str, str]]:
    monkeypatch.setitem(languages._loaded, "en", pack)
    extraction = Extractor(Settings().models).extract(to_document(RawText("test.txt", text)))
    return {(st.predicate.label, st.pattern) for st in extraction.statements}


def test_only_the_registered_constructions_run(monkeypatch):
    text = "Globex hired Ana Costa. Nimbus, a storage company, grew."
    english = languages.get("en")
    everything = _statements(monkeypatch, english, text)
    assert ("hire", "verb-object") in everything and ("is a", "appositive") in everything
    clauses_only = dataclasses.replace(english, constructions=[clause], classifier=None)
    assert _statements(monkeypatch, clauses_only, text) == {("hire", "verb-object")}
    assert _statements(monkeypatch, dataclasses.replace(english, constructions=[], classifier=None), text) == set()


@pytest.mark.parametrize("code", languages.codes())
def test_every_pack_names_its_classes_and_values(code):
    pack = languages.get(code)
    assert pack.constructions, code
    assert {"Person", "Organization", "Place"} <= set(pack.entity_classes.values())
    assert pack.value_words.scales and pack.lexicon.pronoun_classes


def test_a_paragraph_in_a_language_without_a_pipeline_is_left_out_with_a_note(tmp_path):
    from conftest import run

    article = tmp_path / "mixed.txt"
    article.write_text(
        "Globex hired Ana Costa in 2019 to run its new robotics laboratory in Lisbon.\n"
        '"La empresa ha contratado a muchos ingenieros este año y seguirá creciendo en Europa", dijo '
        "el portavoz de la compañía.\n"
        "Ana Costa later founded Nimbus, a cloud storage company based in Porto.\n",
        encoding="utf-8",
    )
    result = run("extract", article, "--format", "jsonl")
    assert result.exit_code == 0
    assert f"{article}: paragraphs in es left out: no pipeline for that language" in result.stderr
    sentences = {__import__("json").loads(line)["source"]["sentence"] for line in result.stdout.splitlines()}
    assert any("Globex hired" in s for s in sentences) and any("Nimbus" in s for s in sentences)
    assert not any("empresa" in s for s in sentences)
