"""Extract + resolve on sentences written for the tests: words that look like a relation but say none, and
the evidence that decides who does what."""

from __future__ import annotations

from test_extract import facts, triples


def test_the_object_of_a_verb_of_asking_or_choosing_does_what_the_infinitive_says(extractor):
    """'chose Leeds to host the event': Leeds hosts it, not the party; 'used its blog to criticise' (a
    purpose) is still the subject's act."""
    for text in ("The party has chosen Leeds to host the annual event.", "The board asked Ann Lee to run the unit."):
        found = triples(facts(extractor, text))
        assert not any(" to " in p for _, p, _, _ in found), (text, found)
    found = triples(facts(extractor, "Ivan Petrov was arrested after using his blog to criticise the ministry."))
    assert any(s == "Ivan Petrov" and p.endswith("criticise") for s, p, _, _ in found), found


def test_a_preposition_of_a_circumstance_relates_nothing(extractor):
    for text in (
        "Despite the slow launch, Ann Lee said that the tool had been downloaded 20,000 times.",
        "Like Globex, Initech sells phones in Brazil.",
        "Shares in Globex have fallen since the ruling.",
    ):
        found = triples(facts(extractor, text))
        assert not any(p.endswith((" despite", " like", " since")) for _, p, _, _ in found), (text, found)


def test_a_subjunctive_be_defines_nothing(extractor):
    found = triples(facts(extractor, "Orbis is desktop software that reads what you write, be it a letter or a note."))
    assert ("Orbis", "is a", "desktop software", False) in found
    assert not any(o in ("letter", "note") for _, _, o, _ in found), found


def test_a_name_based_somewhere_is_an_organisation_and_its_pronoun_points_at_it(extractor):
    """'Paris-based Marchetti': an organisation, though the recogniser calls the name a person, so the 'it'
    that Marchetti says will bid is Marchetti."""
    text = (
        "Globex and rival Marchetti held talks with the exchange. A £2bn offer from Globex was rejected, "
        "while Paris-based Marchetti has said it will make a cash bid."
    )
    resolution = facts(extractor, text)
    marchetti = next(rs.subject for rs in resolution.statements if rs.subject.label == "Marchetti")
    assert marchetti.type == "Organization"
    assert ("Marchetti", "make", "cash bid", False) in triples(resolution)


def test_what_a_name_is_said_to_be_among_several_is_one_of_its_class(extractor):
    """'regional airlines such as Globex': Globex is a regional airline, not 'a regional airlines'."""
    found = triples(facts(extractor, "Regional airlines such as Ryanjet, Globex and Initech cut their fares."))
    assert {("Globex", "is a", "Regional airline", False), ("Initech", "is a", "Regional airline", False)} <= found


def test_the_gadget_or_the_region_points_back_at_the_one_named(extractor):
    found = triples(facts(extractor, "Orbis makes the Zephyr, a phone. The gadget will cost $499."))
    assert ("Zephyr", "cost", "499", False) in found
    found = triples(facts(extractor, "Latin America traded more with Asia. The region grew by 5% in 2004."))
    assert ("Latin America", "grow by", "5", False) in found
