"""Resolve: one node per real entity, merges recorded with their reason."""

from __future__ import annotations

import pytest
from test_extract import facts, triples

from kg.records import Predicate, Veto
from kg.resolve import Resolver
from kg.resolve.families import FAMILIES, FAMILY_OF, contradicts


def test_short_name_possessive_and_pronoun_join_the_full_name(extractor):
    resolution = facts(
        extractor, "Maria Santos joined Acme Corp in 2019. Santos hired Peter Lund in 2020. She promoted Lund in 2022."
    )
    keys = {rs.subject.key for rs in resolution.statements if rs.subject.label == "Maria Santos"}
    assert keys == {"Maria_Santos"}
    assert ("Maria Santos", "hire", "Peter Lund", False) in triples(resolution)
    assert ("Maria Santos", "promote", "Peter Lund", False) in triples(resolution)
    reasons = {(m.label, m.reason) for m in resolution.merges}
    assert ("Santos", "short name") in reasons and ("She", "pronoun") in reasons


def test_a_surname_taken_for_a_noun_joins_a_full_name_that_is_in_no_statement(extractor):
    # the tagger reads "Tavares" as a plural noun; "Rui Tavares" is only inside "the cabinet of Rui Tavares"
    resolution = facts(
        extractor,
        "Ana Lopes served in the cabinet of Rui Tavares until 2009. Tavares was detained at the airport in 2014.",
    )
    assert ("Rui Tavares", "be detained at", "airport", False) in triples(resolution)
    assert ("Tavares", "Rui_Tavares", "short name") in {(m.label, m.entity, m.reason) for m in resolution.merges}
    assert resolution.entities["Rui_Tavares"].type == "Person"


def test_definite_description_takes_the_last_organisation(extractor):
    resolution = facts(extractor, "Acme Corp reported a loss. The company hired Maria Santos in May.")
    assert ("Maria Santos", "hired by", "Acme Corp", False) in triples(resolution)
    assert any(m.reason == "definite description" and m.label == "company" for m in resolution.merges)


def test_a_description_of_a_kind_points_back_but_one_of_origin_or_another_does_not(extractor):
    resolution = facts(extractor, "Chirp hired Ana Costa in May. The social network also hired Peter Lund.")
    assert ("Peter Lund", "hired by", "Chirp", False) in triples(resolution)
    assert ("social network", "Chirp") in {(m.label, m.entity) for m in resolution.merges}
    for other in ("rival", "Israeli", "Lisbon-based"):  # another company, or one of several
        resolution = facts(extractor, f"Globex hired Ana Costa in May. The {other} company hired Peter Lund.")
        assert not any(m.reason == "definite description" for m in resolution.merges), other


def test_a_subject_description_prefers_a_name_of_its_own_sentence_to_an_older_subject(extractor):
    resolution = facts(
        extractor,
        "Globex sold Nimbus to Initech in May. Nimbus, which makes routers, employs 900 "
        "people. The unit will be run from Oslo. Ana Costa, the chief executive of Globex, "
        "said the sale would let the company focus on chips.",
    )
    assert ("Globex", "focus on", "chips", False) in triples(resolution)


def test_its_chief_executive_is_an_organisations_not_a_nearer_places(extractor):
    resolution = facts(extractor, "Globex sold Nimbus, which is based in Oslo. Its chief executive, Ana Costa, stayed.")
    assert ("Ana Costa", "executive of", "Nimbus", False) in triples(resolution)


def test_a_possessive_takes_the_subject_of_its_own_sentence_before_a_nearer_name(extractor):
    resolution = facts(extractor, "Globex hired Ana Costa, a former Initech engineer, as its chief scientist.")
    assert {("Ana Costa", "engineer of", "Initech", False), ("Ana Costa", "scientist of", "Globex", False)} <= triples(
        resolution
    )


def test_the_company_that_said_something_of_a_name_can_be_that_name(extractor):
    resolution = facts(extractor, "Initech Corporation will close two plants, the company said on Monday.")
    assert ("company", "Initech_Corporation") in {(m.label, m.entity) for m in resolution.merges}
    assert triples(resolution) == {("Initech Corporation", "close", "two plants", False)}


def test_a_subject_description_prefers_an_earlier_subject_to_a_nearer_object(extractor):
    resolution = facts(
        extractor,
        "Northwind Labs recruited Ana Ferreira last spring. Ferreira, a lecturer at "
        "Lakeside College, studies batteries. The company said it would fund her work.",
    )
    merged = {(m.label, m.entity) for m in resolution.merges if m.reason == "definite description"}
    assert merged == {("company", "Northwind_Labs")}


def test_corporate_designator_and_acronym(extractor):
    resolution = facts(
        extractor,
        "Initech Corporation hired Maria Santos. Initech also bought a plant in Ohio. "
        "International Business Machines hired Peter Lund. IBM sold a plant in Texas.",
    )
    labels = {rs.subject.key for rs in resolution.statements}
    assert "Initech_Corporation" in labels and "Initech" not in labels
    assert any(m.reason == "acronym" and m.label == "IBM" for m in resolution.merges)


def test_longer_names_are_not_swallowed_by_a_prefix(extractor):
    resolution = facts(extractor, "Google combined Google Brain and DeepMind in 2023.")
    keys = {rs.subject.key for rs in resolution.statements} | {rs.object.key for rs in resolution.statements}
    assert {"Google", "Google_Brain"} <= keys


def test_same_name_in_another_document_is_the_same_entity(extractor):
    resolver = Resolver()
    first = facts(extractor, "Maria Santos joined Globex in 2019.", resolver)
    second = facts(extractor, "Analysts praised Santos. Santos hired Peter Lund.", resolver)
    assert {e.key for e in first.entities.values()} >= {"Maria_Santos", "Globex"}
    assert ("Maria Santos", "hire", "Peter Lund", False) in triples(second)


def test_a_vetoed_name_stays_apart_in_the_document_and_later_ones(extractor):
    resolver = Resolver()
    resolver.keep_apart(Veto("Santos", "Maria_Santos"))
    first = facts(extractor, "Maria Santos joined Acme Corp in 2019. Santos hired Peter Lund in 2020.", resolver)
    second = facts(extractor, "Santos hired Ana Costa.", resolver)
    assert ("Santos", "hire", "Peter Lund", False) in triples(first)
    assert ("Santos", "hire", "Ana Costa", False) in triples(second)
    assert "Santos" not in resolver.entities["Maria_Santos"].aliases
    assert not any(m.label == "Santos" for m in first.merges + second.merges)


def test_a_vetoed_pronoun_looks_further_back_or_stays_unresolved(extractor):
    text = "Peter Lund met Maria Santos in May. He hired Ana Costa."
    start = text.index("He ")
    plain = facts(extractor, text)
    assert ("Peter Lund", "hire", "Ana Costa", False) in triples(plain)
    resolver = Resolver()
    resolver.keep_apart(Veto("He", "Peter_Lund", plain.extraction.document.content_hash, start))
    vetoed = facts(extractor, text, resolver)
    assert not any(rs.object.label == "Ana Costa" and rs.subject.label == "Peter Lund" for rs in vetoed.statements)


def test_a_transliterated_name_joins_the_name_introduced_earlier_with_a_confidence(extractor):
    resolution = facts(
        extractor, "Sergei Ivanov founded Borealis Labs in 2004. In 2019 Sergey Ivanoff left Borealis Labs."
    )
    assert ("Sergei Ivanov", "leave", "Borealis Labs", False) in triples(resolution)
    merge = next(m for m in resolution.merges if m.label == "Sergey Ivanoff")
    assert merge.reason == "spelling variant" and 0.5 < merge.confidence < 0.9
    assert "Sergey Ivanoff" in resolution.entities["Sergei_Ivanov"].aliases


def test_relatives_and_people_named_together_stay_apart(extractor):
    relatives = facts(extractor, "Joan Smith founded Borealis Labs. Later John Smith joined Borealis Labs.")
    together = facts(extractor, "Anna Berg met Anne Borg in Oslo.")
    assert {"Joan_Smith", "John_Smith"} <= set(relatives.entities)
    assert {"Anna_Berg", "Anne_Borg"} <= set(together.entities)
    assert not any(m.reason == "spelling variant" for m in relatives.merges + together.merges)


def test_a_descriptor_with_a_name_in_apposition_names_the_entity(extractor):
    resolution = facts(
        extractor,
        "Globex said that Nova Robotics, its Skyline drone unit, grew fast. "
        "In 2023 the Skyline drone unit lost $2 billion.",
    )
    assert ("Nova Robotics", "lose", "2000000000", False) in triples(resolution)
    assert ("Nova Robotics", "is a", "drone unit", False) in triples(resolution)
    assert "Skyline drone unit" in resolution.entities["Nova_Robotics"].aliases
    assert any(m.reason == "named in apposition" for m in resolution.merges)
    assert not any(rs.object.label == "Skyline drone unit" for rs in resolution.statements)


def test_what_the_article_calls_a_name_outweighs_the_ner_label_across_the_corpus(extractor):
    resolver = Resolver()
    # the small model tags both names PERSON; the appositive noun and the name's head word say otherwise
    first = facts(extractor, "Globex released Kestrel Wave, its new speech model. Kestrel Wave can sing.", resolver)
    second = facts(extractor, "Dana Reyes joined Harlow Labs in 2020. Kestrel Wave praised Dana Reyes.", resolver)
    assert first.entities["Kestrel_Wave"].type == "Product"
    assert second.entities["Kestrel_Wave"].type == "Product"
    assert second.entities["Harlow_Labs"].type == "Organization"
    assert second.entities["Dana_Reyes"].type == "Person"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Velora shocked the industry in March. Critics of the CEO of Velora said the launch was rushed.", "Velora"),
        (
            "After Quintara stunned the market, Maria Santos stayed calm. Rebuked by the founder of Quintara, she "
            "spoke plainly.",
            "Quintara",
        ),
        ("Zorbex upended the search business. A spokesperson for the CEO of Zorbex declined to comment.", "Zorbex"),
        ("Lib Dem home affairs spokeswoman Clara Vidal said the bill was flawed.", "Lib_Dem"),  # a spokeswoman of
    ],
)
def test_a_role_held_in_a_name_types_it_an_organisation_with_no_holder_named(extractor, text, name):
    # the small model calls these a person or a group; "the CEO of X" says X is an organisation
    assert facts(extractor, text).entities[name].type == "Organization"


def test_a_role_held_in_a_name_outweighs_the_recogniser_however_often_it_names_it(extractor):
    """The small model calls Trevia a place in all five mentions; one 'co-founder of Trevia' says it is a firm."""
    text = (
        "Trevia faces growing competition. Users in Trevia liked the new search tool. Many people use Trevia "
        'every day. "We will grow," said Raj Patel, co-founder of Trevia. Trevia plans to expand to Asia.'
    )
    assert facts(extractor, text).entities["Trevia"].type == "Organization"


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Marta Kell, who founded Zenthia in 2003, said sales rose.", "Zenthia", "Organization"),
        ("Pellan Systems released Quorra last year.", "Quorra", "Product"),
        ("Amara Okafor was born in Lagos and grew up in Accra.", "Amara Okafor", "Person"),
    ],
)
def test_a_verb_that_takes_one_class_types_the_name(extractor, text, name, type_):
    # the small model calls these a place, an organisation and a place
    assert facts(extractor, text).entities[name.replace(" ", "_")].type == type_


def test_a_classifier_relation_between_names_typed_otherwise_is_dropped(extractor):
    resolution = facts(extractor, "Marta Kell, who founded Zenthia in 2003, said sales rose.")
    assert ("Zenthia", "schema:founder", "Marta_Kell") in {
        (rs.subject.key, rs.predicate.local_name, rs.object.key) for rs in resolution.statements
    }
    assert "schema:homeLocation" not in {rs.predicate.local_name for rs in resolution.statements}
    works_for = Predicate("work for", "schema:worksFor")
    assert contradicts(works_for, "Organization", "Organization")
    assert not contradicts(works_for, "Person", "Thing")  # a type not settled contradicts nothing


@pytest.mark.parametrize(
    "text",
    [
        "Initech Corporation hired Maria Santos in 2019.",
        "Maria Santos was hired by Initech Corporation in 2019.",
        "Maria Santos joined Initech Corporation in 2019.",
        "Maria Santos, an engineer at Initech Corporation, spoke in 2019.",
        "Maria Santos is Initech Corporation's CFO.",
        "Initech Corporation senior data scientist Maria Santos spoke in 2019.",  # a kind of "scientist of"
    ],
)
def test_phrasings_of_the_same_fact_become_one_property_in_one_direction(extractor, text):
    resolution = facts(extractor, text)
    assert ("Maria_Santos", "schema:worksFor", "Initech_Corporation") in {
        (rs.subject.key, rs.predicate.local_name, rs.object.key) for rs in resolution.statements
    }


def test_each_phrase_states_one_family():
    assert len(FAMILY_OF) == sum(len(family.phrases) for family in FAMILIES)


def test_a_family_needs_fitting_types(extractor):
    resolution = facts(extractor, "Maria Santos joined the protest in Lisbon.")
    assert ("Maria Santos", "join", "protest", False) in triples(resolution)
    assert "schema:worksFor" not in {rs.predicate.local_name for rs in resolution.statements}


def test_a_subject_pronoun_continues_the_subject_before_it(extractor):
    resolution = facts(extractor, "Globex bought Initech in 2019. It also bought Umbrella in 2020.")
    assert ("Globex", "buy", "Umbrella", False) in triples(resolution)


def test_a_description_with_a_clause_set_off_by_commas_points_back(extractor):
    """'the firm, which ...' adds to the firm named before; 'the firm that ...' picks out another."""
    resolution = facts(
        extractor, "Vantage bought a plant in Leeds. The firm, which floated in 2003, later hired Maria Santos."
    )
    assert ("Maria Santos", "hired by", "Vantage", False) in triples(resolution)
    resolution = facts(extractor, "Vantage bought a plant in Leeds. The firm that floated in 2003 hired Maria Santos.")
    assert not any(rs.object.label == "Vantage" for rs in resolution.statements if rs.subject.label == "Maria Santos")


def test_it_after_a_thing_without_a_name_is_that_thing_not_an_earlier_name(extractor):
    """'Siemens's new plant opened in May. It employs 300 people.': it is the plant, which kg cannot name,
    so no statement of Siemens; the name a possessive gives is an antecedent when no subject is nearer."""
    resolution = facts(
        extractor,
        "Siemens bought Vantage in 2019. Siemens's new plant opened in Leeds in May. It employs 300 engineers.",
    )
    assert not any(rs.predicate.label == "employ" for rs in resolution.statements)
    resolution = facts(extractor, "Siemens's engineers built a new chip in Leeds. In 2003 it bought Vantage.")
    assert ("Siemens", "buy", "Vantage", False) in triples(resolution)


def test_an_organisation_is_named_by_its_last_words_and_a_described_name_by_itself(extractor):
    resolution = facts(
        extractor,
        "Castellan Group, a property developer based in Lisbon, bought the Harbor "
        "Mariners in 2019. The Mariners won the league in 2021.",
    )
    assert ("Harbor Mariners", "win", "league", False) in triples(resolution)
    assert ("Castellan Group", "be based in", "Lisbon", False) in triples(resolution)


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Varga founded Zentrix in 2011. Mr Varga sold Zentrix to Globex last year.",
        "Prof Helena Moritz leads the robotics lab at Quorra. Professor Moritz hired Ana Costa in May.",
        "Dr Ravi Anand runs Nimbus. Later that year Boss Ravi Anand bought Initech.",
    ],
)
def test_an_honorific_is_not_part_of_a_name_nor_a_reason_to_split_it(extractor, text):
    resolution = facts(extractor, text)
    people = {rs.subject.key for rs in resolution.statements if rs.subject.type == "Person"}
    assert len(people) == 1, people
    assert not any(
        label.split()[0].lower().rstrip(".") in ("mr", "prof", "professor", "dr", "boss")
        for label in (rs.subject.label for rs in resolution.statements)
    )


def test_a_party_is_the_party_without_its_designator(extractor):
    resolution = facts(
        extractor, "The Harbour Party won four seats in May. Harbour then chose Ana Costa as its leader."
    )
    keys = {rs.subject.key for rs in resolution.statements if "Harbour" in rs.subject.label}
    assert keys == {"Harbour_Party"}, keys


def test_a_place_is_not_the_short_name_of_what_is_named_after_it(extractor):
    resolution = facts(
        extractor,
        "Maria Santos joined Radio Scotland in 2019. Santos grew up in Scotland. Many students study in Scotland.",
    )
    places = {rs.object.key for rs in resolution.statements if rs.predicate.label in ("grow up in", "study in")}
    assert places == {"Scotland"}, places
    assert not any(m.label == "Scotland" and m.reason == "short name" for m in resolution.merges)


def test_a_groups_name_in_the_plural_is_the_same_body(extractor):
    resolution = facts(
        extractor,
        "The Tory Party lost the vote. The Tories blamed Labour. Tory co chairman Liam Fox said it was unfair.",
    )
    party = [e for e in resolution.entities.values() if e.label == "Tory Party"]
    assert party and {"Tories", "Tory"} <= party[0].aliases
    people = facts(extractor, "Jane Williams met Peter William in Leeds.")
    assert {"Jane_Williams", "Peter_William"} <= set(people.entities)  # people's names are not plurals


def test_they_after_a_plural_subject_without_a_name_is_that_subject(extractor):
    found = facts(
        extractor,
        "Globex Corp reported record sales in May. Most small shops cut their prices. They also sued Initech.",
    )
    assert not any(rs.subject.label == "Globex Corp" and rs.predicate.label == "sue" for rs in found.statements)


def test_the_classifiers_employer_gives_way_to_the_one_a_construction_states():
    """The classifier may read 'works for' between any person and organisation near each other; where the
    article's own construction ("Deutsche Boerse chief executive X") gives X another employer, it is dropped."""
    from kg.records import Mention, Node, ResolvedStatement, Statement
    from kg.resolve import _one_reading

    person, firm, rival = (
        Node("entity", key, key, type_)
        for key, type_ in (("Ana_Costa", "Person"), ("Globex", "Organization"), ("Initech", "Organization"))
    )
    works_for = Predicate("work for", "schema:worksFor")
    mention = Mention(0, 9, "Ana Costa", "entity", "Person", 0)

    def read(obj: Node, pattern: str, sentence: int) -> ResolvedStatement:
        return ResolvedStatement(
            person, works_for, obj, Statement(mention, works_for, mention, sentence, 0, 9, pattern=pattern)
        )

    stated, agreeing, other = (
        read(firm, "title-before-name-affiliation", 0),
        read(firm, "classifier", 0),
        read(rival, "classifier", 3),
    )
    assert _one_reading([stated, agreeing, other]) == [stated, agreeing]
    assert _one_reading([other]) == [other]  # nothing said otherwise: the classifier's reading stands


def test_the_possessor_of_a_subject_continues_the_topic(extractor):
    """'Orbis Corp's two tools came from acquisitions. In 2003 it bought X. In 2004 it bought Y': the
    possessor of the subject is the topic "it" goes on with, not the firm bought in between."""
    text = (
        "Orbis Corp's two security tools came from acquisitions. In 2003 it bought Romanian firm Initech "
        "Systems. In 2004 it bought Vantage Software."
    )
    found = {(rs.subject.label, rs.predicate.label, rs.object.label) for rs in facts(extractor, text).statements}
    assert ("Orbis Corp", "buy", "Vantage Software") in found
    assert ("Initech Systems", "buy", "Vantage Software") not in found
