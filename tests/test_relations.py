"""The CoNLL04-trained name recogniser and relation classifier: what they state in kg's graph, and their
training command."""

from __future__ import annotations

import re

import pytest
import rdflib
from conftest import SHARED, needs_shared, run
from test_extract import facts

from kg.extract.names import NameModel
from kg.extract.relations import THRESHOLD, RelationModel
from kg.rdf import ONTOLOGY_FILE
from kg.rdf.namespaces import expand
from kg.resolve.families import FAMILIES

SDO = "https://schema.org/"


def classified(extractor, text: str) -> set[tuple[str, str, str]]:
    return {
        (rs.subject.label, rs.predicate.local_name, rs.object.label)
        for rs in facts(extractor, text).statements
        if rs.statement and rs.statement.pattern == "classifier"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jorge Silva works for Microsoft in Seattle, Washington.", ("Jorge Silva", "schema:worksFor", "Microsoft")),
        (
            "Peter Lund, who lives in Boston, joined the board last year.",
            ("Peter Lund", "schema:homeLocation", "Boston"),
        ),
        ("Initech, a software maker based in Austin, reported higher sales.", ("Initech", "schema:location", "Austin")),
        (
            "Police said Carlos Mendes killed Rui Pinto during a robbery in Porto.",
            ("Carlos Mendes", "killed", "Rui Pinto"),
        ),
    ],
)
def test_classifier_states_news_relations(extractor, text, expected):
    assert expected in classified(extractor, text)


def test_a_construction_says_how_a_name_is_in_a_place(extractor):
    """The classifier reads 'lives in Canada' into a country's envoy; the possessive says envoy of Canada."""
    text = "Canada's trade envoy Marie Dubois arrived in Lima on Monday."
    assert ("Marie Dubois", "schema:homeLocation", "Canada") not in classified(extractor, text)
    assert ("Marie Dubois", "trade envoy of", "Canada") in {
        (rs.subject.label, rs.predicate.label, rs.object.label) for rs in facts(extractor, text).statements
    }


def test_who_lives_in_a_city_lives_in_the_place_the_city_is_in(extractor):
    text = "Tarek Haddad, a teacher from Beirut, Lebanon, won the prize."
    found = classified(extractor, text)
    assert ("Beirut", "schema:containedInPlace", "Lebanon") in found
    assert ("Tarek Haddad", "schema:homeLocation", "Beirut") in found
    assert ("Tarek Haddad", "schema:homeLocation", "Lebanon") in found


def test_name_recogniser_leaves_titles_out_and_types_names(extractor):
    doc = extractor.pipeline("en")("Gov. Harold Winter of Vermont signed the bill in Montpelier on Friday.")
    assert [(s.text, s.label_) for s in NameModel.load().find(doc)] == [
        ("Harold Winter", "Peop"),
        ("Vermont", "Loc"),
        ("Montpelier", "Loc"),
    ]


def test_classifier_ranks_a_place_in_a_place(extractor):
    doc = extractor.pipeline("en")("Tarek Haddad, a teacher from Beirut, Lebanon, won the prize.")
    spans = {s.text: s for s in NameModel.load().find(doc)}
    label, p = RelationModel.load().predict(spans["Beirut"], spans["Lebanon"])
    assert label == "Located_In" and p >= THRESHOLD
    assert RelationModel.load().predict(spans["Lebanon"], spans["Beirut"])[1] < p


def test_relations_respect_their_signature(extractor):
    doc = extractor.pipeline("en")("Maria Santos met Ana Costa in Porto.")
    spans = {s.text: s for s in NameModel.load().find(doc)}
    model = RelationModel.load()
    assert model.predict(spans["Porto"], spans["Maria Santos"]) == ("None", 0.0)
    assert model.predict(spans["Maria Santos"], spans["Ana Costa"])[0] == "Kill"  # the only Peop>Peop relation
    assert model.predict(spans["Maria Santos"], spans["Porto"])[0] == "Live_In"


def test_ontology_declares_the_five_relations_as_schema_org_clients_expect():
    g = rdflib.Graph().parse(ONTOLOGY_FILE)
    kg_related = rdflib.URIRef("https://kg.example.org/ontology#relatedTo")
    for iri in (
        SDO + "worksFor",
        SDO + "location",
        SDO + "homeLocation",
        SDO + "containedInPlace",
        "https://kg.example.org/relation/killed",
    ):
        term = rdflib.URIRef(iri)
        assert (term, rdflib.RDF.type, rdflib.OWL.ObjectProperty) in g
        assert (term, rdflib.RDFS.subPropertyOf, kg_related) in g
        assert g.value(term, rdflib.RDFS.label) and g.value(term, rdflib.RDFS.comment)


@needs_shared
def test_training_on_conll04_prints_dev_scores_and_writes_working_models(tmp_path):
    conll = SHARED / "data" / "conll04"
    result = run(
        "train",
        "relations",
        "--train",
        conll / "conll04_train.json",
        "--dev",
        conll / "conll04_dev.json",
        "-o",
        tmp_path,
    )
    assert result.exit_code == 0, result.output
    scores = [float(f) for f in re.findall(r"F1 ([0-9.]+)", result.stdout)]
    assert len(scores) == 5  # names, relations end to end, with gold entities, stated, stated when linked
    names, end_to_end, gold_entities, stated, linked = scores
    assert names >= 0.8 and end_to_end >= 0.5 and gold_entities >= 0.7
    precision = [float(p) for p in re.findall(r"kg states.*?P ([0-9.]+)", result.stdout)]
    assert len(precision) == 2 and precision[1] >= precision[0]  # stating only linked names is more precise
    assert 0.3 <= linked <= stated
    model = RelationModel.load(tmp_path / "conll04_relations.json")
    assert model.info["dev_f1"] == pytest.approx(end_to_end, abs=1e-3)
    assert set(model.classes) == {"None", "Work_For", "Kill", "OrgBased_In", "Live_In", "Located_In"}
    recogniser = NameModel.load(tmp_path / "conll04_names.json")
    assert recogniser.info["dev_names_f1"] == pytest.approx(names, abs=1e-3)
    assert set(recogniser.classes) == {"None", "Peop", "Org", "Loc", "Other"}


def test_training_refuses_a_file_that_is_not_conll04(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('[{"words": []}]')
    result = run("train", "relations", "--train", bad, "--dev", bad, "-o", tmp_path / "models")
    assert result.exit_code == 1
    assert "not CoNLL04 JSON" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_ontology_declares_every_relation_family():
    g = rdflib.Graph().parse(ONTOLOGY_FILE)
    for family in FAMILIES:
        term = rdflib.URIRef(expand(family.local_name))
        assert (term, rdflib.RDFS.subPropertyOf, rdflib.URIRef("https://kg.example.org/ontology#relatedTo")) in g
        assert g.value(term, rdflib.RDFS.label) and g.value(term, rdflib.RDFS.comment)


def test_the_classifier_states_nothing_of_names_the_sentence_does_not_link(extractor):
    """Two names far apart in a sentence's structure: the classifier's guess (it lives in, it is based in)
    is not stated."""
    for text, pair in [
        ("Tomas Lindqvist was speaking after a meeting of the board in Stockholm.", ("Tomas Lindqvist", "Stockholm")),
        ("Ana Costa said the new plant that Globex built near the river would open in Lisbon.", ("Globex", "Lisbon")),
    ]:
        found = {
            (rs.subject.label, rs.object.label)
            for rs in facts(extractor, text).statements
            if rs.statement and rs.statement.pattern == "classifier"
        }
        assert pair not in found, text
    linked = facts(extractor, "Tomas Lindqvist, a banker from Stockholm, joined Volkswagen in 2019.")
    assert any(rs.statement and rs.statement.pattern == "classifier" for rs in linked.statements)


def test_the_classifier_states_nothing_of_a_name_the_pipeline_typed_otherwise():
    """The classifier's names have classes of their own: where it takes a name the pipeline recognised as an
    organisation for a person ("Zyqo lives in Leeds"), its relation is not stated; where both agree it is."""
    from spacy.tokens import Span

    from kg.config import Settings
    from kg.extract import Extractor
    from kg.records import Predicate

    text = "Ravi Perera praised Zyqo in Leeds."
    lives_in = Predicate("live in", "schema:homeLocation")

    def guesses(doc):
        return [
            (Span(doc, 0, 2, "Person"), Span(doc, 5, 6, "Place"), lives_in, 0.9),
            (Span(doc, 3, 4, "Person"), Span(doc, 5, 6, "Place"), lives_in, 0.9),
        ]

    extractor = Extractor(Settings().models)
    extractor._classifiers["en"] = guesses
    assert classified(extractor, text) == {("Ravi Perera", "schema:homeLocation", "Leeds")}
