"""Reference entities (`--entities FILE`): mentions of known names resolve to the known entity, carry its
IRIs as owl:sameAs and keep its type; former names join it; a file kg cannot read is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run

from kg.store import KGStore

REFERENCE = """\
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix schema: <http://schema.org/> .
@prefix kg: <https://kg.example.org/ontology#> .
@prefix wd: <http://www.wikidata.org/entity/> .

wd:Q1001 a schema:Corporation ; rdfs:label "Quillon Systems"@en , "Sistemas Quillon"@pt ;
    skos:altLabel "QSys" ; kg:formerName "Brightwater Labs" .
wd:Q1002 a schema:Person ; rdfs:label "Odile Marchetti" ; owl:sameAs <https://example.org/people/om> .
wd:Q1003 a schema:Place ; rdfs:label "Port Ellery" .
"""


HIRE = "Brightwater Labs hired Odile Marchetti in 2011 to run its robotics group."


@pytest.fixture()
def reference(tmp_path: Path) -> Path:
    (tmp_path / "reference").mkdir()
    path = tmp_path / "reference" / "known.ttl"
    path.write_text(REFERENCE, encoding="utf-8")
    return path


def _statements(*args: object) -> list[dict]:
    result = run("extract", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def _article(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(f"News in brief\n{text}\n", encoding="utf-8")  # the first line is the title
    return path


def test_a_former_name_joins_the_entity_it_became(tmp_path: Path, reference: Path) -> None:
    article = _article(tmp_path, "hire.txt", HIRE)
    hired = [s for s in _statements(article, "--entities", reference) if s["predicate"]["label"] == "hired by"]
    assert hired, "the hire is read, as the employment it is once both ends are typed"
    person, employer = hired[0]["subject"], hired[0]["object"]
    assert employer["label"] == "Quillon Systems" and employer["type"] == "Organization"
    assert "http://www.wikidata.org/entity/Q1001" in employer["sameAs"]
    assert person["label"] == "Odile Marchetti" and person["type"] == "Person"
    assert set(person["sameAs"]) == {"http://www.wikidata.org/entity/Q1002", "https://example.org/people/om"}


def test_without_the_file_names_stay_as_the_article_gives_them(tmp_path: Path) -> None:
    article = _article(tmp_path, "hire.txt", HIRE)
    hired = [s for s in _statements(article) if s["predicate"]["label"] == "hire"]
    assert hired[0]["subject"]["label"] == "Brightwater Labs" and "sameAs" not in hired[0]["subject"]


def test_alternative_names_in_two_articles_are_one_entity(tmp_path: Path, reference: Path) -> None:
    (tmp_path / "news").mkdir()
    _article(tmp_path / "news", "a.txt", "QSys opened a factory in Port Ellery last year.")
    _article(tmp_path / "news", "b.txt", "Quillon Systems sold its printer business to a rival in March.")
    subjects = {
        s["subject"]["id"]
        for s in _statements(tmp_path / "news", "--entities", reference)
        if s["subject"]["label"] == "Quillon Systems"
    }
    assert len(subjects) == 1


def test_the_reference_type_wins_over_a_tagger_guess(tmp_path: Path, reference: Path) -> None:
    article = _article(
        tmp_path, "port.txt", "Port Ellery said it would expand its harbour. Port Ellery has 40,000 residents."
    )
    nodes = [
        n
        for s in _statements(article, "--entities", reference)
        for n in (s["subject"], s["object"])
        if n.get("label") == "Port Ellery"
    ]
    assert nodes and all(n["type"] == "Place" for n in nodes)


def test_a_store_keeps_the_links_for_later_builds(tmp_path: Path, reference: Path) -> None:
    store = tmp_path / "store"
    (tmp_path / "in1").mkdir()
    first = _article(tmp_path / "in1", "one.txt", "Brightwater Labs hired Odile Marchetti in 2011.")
    assert run("build", first, "--store", store, "-q", "--entities", reference).exit_code == 0
    (tmp_path / "in2").mkdir()
    second = _article(tmp_path / "in2", "two.txt", "QSys cut 300 jobs at its plant in Port Ellery.")
    assert run("build", second, "--store", store, "-q").exit_code == 0
    with KGStore(store, read_only=True) as kg:
        rows = list(
            kg.query(
                "SELECT DISTINCT ?e WHERE { ?e owl:sameAs <http://www.wikidata.org/entity/Q1001> ; kg:mentionedIn ?d }"
            )
        )
        assert len(rows) == 1
        docs = list(kg.query(f"SELECT DISTINCT ?d WHERE {{ <{rows[0]['e'].value}> kg:mentionedIn ?d }}"))
        assert len(docs) == 2, "QSys in the second build joins the entity the first build linked"


@pytest.mark.parametrize(
    "content, problem",
    [
        ("this is not turtle {", "not RDF kg can read"),
        ("@prefix ex: <https://example.org/> . ex:a ex:b ex:c .", "no labelled entity"),
    ],
)
def test_a_file_kg_cannot_use_is_refused_in_one_line(tmp_path: Path, content: str, problem: str) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(content, encoding="utf-8")
    article = _article(tmp_path, "a.txt", "QSys opened a factory in Port Ellery.")
    for command in (["extract", article], ["build", article, "--store", tmp_path / "store", "-q"]):
        result = run(*command, "--entities", bad)
        assert result.exit_code == 1
        assert result.stderr.strip().count("\n") == 0 and str(bad) in result.stderr and problem in result.stderr
    assert not (tmp_path / "store").exists() or not KGStore(tmp_path / "store", read_only=True).documents()


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    article = _article(tmp_path, "a.txt", "QSys opened a factory in Port Ellery.")
    result = run("extract", article, "--entities", tmp_path / "nowhere.ttl")
    assert result.exit_code == 1 and "nowhere.ttl: no such file" in result.stderr
