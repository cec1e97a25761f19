"""Extract + resolve on sentences written for the tests: each construction a user relies on."""

from __future__ import annotations

import pytest

from kg.ingest import to_document
from kg.ingest.readers import RawText
from kg.records import Resolution
from kg.resolve import Resolver


def facts(extractor, text: str, resolver: Resolver | None = None) -> Resolution:
    doc = to_document(RawText("test.txt", text))
    return (resolver or Resolver()).resolve(extractor.extract(doc))


def triples(resolution: Resolution) -> set[tuple[str, str, str, bool]]:
    out = set()
    for rs in resolution.statements:
        obj = rs.object.literal.value if rs.object.literal else rs.object.label
        out.add((rs.subject.label, rs.predicate.label, obj, bool(rs.statement and rs.statement.negated)))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Globex hired Maria Santos in 2019.", ("Maria Santos", "hired by", "Globex", False)),
        ("Maria Santos was hired by Globex in 2019.", ("Maria Santos", "hired by", "Globex", False)),
        ("The Orion rover was built by Helios Dynamics.", ("Helios Dynamics", "build", "Orion rover", False)),
        ("Nimbus is a cloud storage service.", ("Nimbus", "is a", "cloud storage service", False)),
        (
            "Analysts praised Vantage, a payments company based in Lisbon.",
            ("Vantage", "is a", "payments company", False),
        ),
        ("Peter Lund, the founder of Quarry Labs, resigned.", ("Quarry Labs", "founded by", "Peter Lund", False)),
        ("The research team reports to Anna Berg.", ("research team", "report to", "Anna Berg", False)),
        ("Tarek Haddad began to study marine robotics in 2001.", ("Tarek Haddad", "study", "marine robotics", False)),
        ("Globex did not acquire Initech.", ("Globex", "acquire", "Initech", True)),
        ("Globex rejected Initech's offer.", ("Globex", "reject", "Initech's offer", False)),  # whose, kept
        ("Kaito Mori refused to sell his shares.", ("Kaito Mori", "refuse to sell", "shares", False)),
        ("The lab later showed its open source model Falcon.", ("Falcon", "is a", "open source model", False)),
        (
            "Lena Park is the mayor's most trusted right-hand woman.",
            ("Lena Park", "right-hand woman of", "mayor", False),
        ),
        (
            "Globex sold more chips in 2021, but its net profit fell by 12%.",
            ("Globex", "net profit fall by", "12", False),
        ),
        (
            "Globex said that Nova Robotics, its drone division, lost $2 billion.",
            ("Nova Robotics", "drone division of", "Globex", False),
        ),
        ("Globex owns popular social networks such as Chirp, Natter and Hoot.", ("Globex", "own", "Natter", False)),
        (
            "Globex owns popular social networks such as Chirp, Natter and Hoot.",
            ("Hoot", "is a", "popular social network", False),
        ),
        ("Rivals like Umbrella and Cyberdyne cut prices.", ("Cyberdyne", "cut", "prices", False)),
        (
            "Last year Globex lost nearly half of its engineers.",
            ("Globex", "lose", "nearly half of its engineers", False),
        ),
        ("In the end, Tarek Haddad is an academic and not a trader.", ("Tarek Haddad", "is a", "academic", False)),
        ("In the end, Tarek Haddad is an academic and not a trader.", ("Tarek Haddad", "is a", "trader", True)),
        (
            "The research team reports directly to CTO (Chief Technology Officer) Lena Park.",
            ("research team", "report to", "Lena Park", False),
        ),
        (
            "The research team reports directly to CTO (Chief Technology Officer) Lena Park.",
            ("Lena Park", "job title", "CTO", False),
        ),
        ("Globex named Ana Costa its new CFO.", ("Ana Costa", "CFO of", "Globex", False)),
        # a lower-case role before a name is not part of it, and a name before the role says where it is held
        ("The cuts were proposed by shadow chancellor Piet Haver.", ("Piet Haver", "propose", "cuts", False)),
        (
            "Shadow chancellor Piet Haver said the figures were wrong.",
            ("Piet Haver", "job title", "Shadow chancellor", False),
        ),
        ("Tory leader Marcus Hale said the party would cut taxes.", ("Marcus Hale", "leader of", "Tory", False)),
        ("Globex board member Ines Vidal resigned on Monday.", ("Ines Vidal", "board member of", "Globex", False)),
        # a role of several words before a name is one role, whether parsed nested or flat
        (
            "Volkswagen chief executive Tomas Lindqvist declined to comment.",
            ("Tomas Lindqvist", "chief executive of", "Volkswagen", False),
        ),
        (
            "Volkswagen chief executive Tomas Lindqvist declined to comment.",
            ("Tomas Lindqvist", "is a", "chief executive", False),
        ),
        ("Siemens chairman Anneke Vos visited the plant on Monday.", ("Anneke Vos", "chairman of", "Siemens", False)),
        # a place hyphened onto "based" says where a name is based
        ("Lisbon-based Vantage opened an office in Madrid.", ("Vantage", "base in", "Lisbon", False)),
        ("The offer came from Oslo-based Nordlys Energy in March.", ("Nordlys Energy", "base in", "Oslo", False)),
        # the tagger marks "Brightwater Labs hired Odile Marchetti" as one name: a name has no lower-case verb
        (
            "Brightwater Labs hired Odile Marchetti in 2011 to run its robotics group.",
            ("Brightwater Labs", "hire", "Odile Marchetti", False),
        ),
        ("Chancellor Mira Holt visited the Globex plant.", ("Mira Holt", "job title", "Chancellor", False)),
        # a stake in a named company, and what a thing bought or sold for an amount went for
        ("Siemens, which owns 8% of Vantage, declined to comment.", ("Siemens", "own stake in", "Vantage", False)),
        ("Siemens acquired a 10% stake in Vantage last year.", ("Siemens", "acquire stake in", "Vantage", False)),
        ("Globex bought Initech for £20m in 2019.", ("Initech", "be bought for", "20000000", False)),
        ("Initech sold Halcyon Bank to Vantage for $2bn.", ("Halcyon Bank", "be sold for", "2000000000", False)),
        # what a place has is in it
        ("Ana Costa visited Japan's Sony in May.", ("Sony", "be located in", "Japan", False)),
        # a government post is a title, with its department and a qualifier, not a name
        (
            "Shadow Home Secretary Tomas Varga visited Leeds.",
            ("Tomas Varga", "job title", "Shadow Home Secretary", False),
        ),
        ("Deputy Prime Minister Ana Costa spoke in Hull.", ("Ana Costa", "job title", "Deputy Prime Minister", False)),
        (
            "Demis Hassabis, the co-founder of DeepMind, leads the new group.",
            ("DeepMind", "co-founded by", "Demis Hassabis", False),
        ),
        # a class noun just before a name the parser did not hang on it ("the" between, after a bare noun phrase)
        (
            "Rising energy costs are hurting confidence among small shops despite higher sales, retail lobby group the "
            "Shop Forum says.",
            ("Shop Forum", "is a", "retail lobby group", False),
        ),
        (
            "Research by technology firms Zentrix and Corvid found that 80% of laptops carry malicious software.",
            ("Zentrix", "is a", "technology firm", False),
        ),
        (
            "The plan was attacked by the transport union Railcore Mary Ellen Sharp.",
            ("Railcore", "is a", "transport union", False),
        ),  # one span for two names, the union's first
        # a product's name on a class noun of products a firm possesses is its make (a firm's name there is a brand)
        ("One gadget that may help is Halcyon's tiny handheld QX5 camcorder.", ("QX5", "made by", "Halcyon", False)),
        (
            "Globex Corp is targeting gamers with its Rover Pro gaming console.",
            ("Rover Pro", "made by", "Globex Corp", False),
        ),
        # whom competition comes from
        (
            "Since Globex Corp launched, it has faced stiff competition from Initech.",
            ("Globex Corp", "compete with", "Initech", False),
        ),
        # scare quotes closing a phrase
        ('Globex formed a team of "top people" last year.', ("Globex", "form", "team of top people", False)),
        # "co founder" and "cofounder" are spellings of "co-founder"
        (
            '"The market has changed," said Raj Patel, co founder of Zentrix.',
            ("Zentrix", "co-founded by", "Raj Patel", False),
        ),
        # a people's adjective on a class noun or role: an office of its country, where a firm is based, or whose
        # nationality a person has; a place's name hung on a firm's name by "in", or written before "based"
        ("Kenyan President Daniel Otieno opened the new port.", ("Daniel Otieno", "president of", "Kenya", False)),
        (
            "Norwegian Foreign Minister Ingrid Dahl met the envoys.",
            ("Ingrid Dahl", "foreign minister of", "Norway", False),
        ),
        ("In 2019 Globex bought Romanian firm Vexor Software.", ("Vexor Software", "base in", "Romania", False)),
        (
            "The report was written by Canadian economist Marie Tremblay.",
            ("Marie Tremblay", "nationality", "Canada", False),
        ),
        (
            "Helios sold its stake to Chicago based investment firm Corvid Capital.",
            ("Corvid Capital", "base in", "Chicago", False),
        ),
        ("Rivals such as Zentrix Corp in Brazil have grown fast.", ("Zentrix Corp", "be located in", "Brazil", False)),
        (
            "Raj Patel, cofounder of Zentrix, said the market had changed.",
            ("Zentrix", "co-founded by", "Raj Patel", False),
        ),
        ("Ana Costa said Initech would cut 200 jobs.", ("Ana Costa", "comment on", "Initech", False)),
        ("Globex did not say that Initech was for sale.", ("Globex", "comment on", "Initech", True)),
        # a verb joined to a passive one is passive only if it is a participle too
        ("Amara Okafor was born in Lagos and grew up in Accra.", ("Amara Okafor", "grow up in", "Accra", False)),
        (
            "Chioma Eze was hired by Globex in 2010 and promoted by Initech in 2015.",
            ("Initech", "promote", "Chioma Eze", False),
        ),
        # the role an appointment gives, with "as" or without, active or passive
        (
            "Globex hired Ana Costa as its chief financial officer in 2019.",
            ("Ana Costa", "officer of", "Globex", False),
        ),
        ("Ana Costa was appointed as chief executive of Globex.", ("Ana Costa", "executive of", "Globex", False)),
        ("Ana Costa was named chief executive of Globex.", ("Ana Costa", "executive of", "Globex", False)),
        # a gerund after a preposition shares the subject of the verb it modifies
        (
            "Lena Marsh leads Zentrix. Before joining Zentrix in 2013, she ran Globex.",
            ("Lena Marsh", "join", "Zentrix", False),
        ),
        ("After leaving Globex, Peter Lund founded Zentrix in 2015.", ("Peter Lund", "leave", "Globex", False)),
        # a role held "as": the subject held it, whatever the verb says of when
        (
            "Ana Costa served as chief financial officer of Globex until 2019.",
            ("Ana Costa", "officer of", "Globex", False),
        ),
        ("Ana Costa stepped down as chief executive of Globex in May.", ("Ana Costa", "executive of", "Globex", False)),
        (
            "Ana Costa stepped down as chief executive of Globex in May.",
            ("Ana Costa", "step down as", "chief executive of Globex", False),
        ),
        ("Peter Lund did not serve as chairman of Initech.", ("Peter Lund", "chairman of", "Initech", True)),
        # a name compounded onto a role held in an organisation is where it is held
        ("Peter Lund, an Initech engineer, joined Globex.", ("Peter Lund", "engineer of", "Initech", False)),
        # who a thing is sold to buys it
        ("Globex sold Nimbus to Initech in 2019.", ("Initech", "buy", "Nimbus", False)),
        ("Nimbus was sold to Initech Corporation in 2019.", ("Initech Corporation", "buy", "Nimbus", False)),
        ("Globex agreed to sell Nimbus to Initech.", ("Initech", "agree to buy", "Nimbus", False)),
        ("Globex did not sell Nimbus to Initech.", ("Initech", "buy", "Nimbus", True)),
        # a passive verb's object is what its subject was given
        ("Siemens was awarded two rail contracts in May.", ("Siemens", "be awarded", "two rail contracts", False)),
        ("Initech was sold to Globex.", ("Globex", "buy", "Initech", False)),
    ],
)
def test_constructions(extractor, text, expected):
    assert expected in triples(facts(extractor, text))


def test_money_is_a_typed_decimal_with_currency(extractor):
    resolution = facts(extractor, "Globex's market value rose to $3.2 billion in 2021.")
    (rs,) = [r for r in resolution.statements if r.object.literal is not None]
    assert rs.subject.label == "Globex" and rs.predicate.label == "market value rise to"
    assert (rs.object.literal.value, rs.object.literal.datatype, rs.object.literal.unit) == (
        "3200000000",
        "decimal",
        "USD",
    )
    assert rs.statement.date.value == "2021" and rs.statement.date.datatype == "gYear"


def test_a_figure_is_tied_to_the_name_it_belongs_to(extractor):
    """'profits at X', 'sales of X', 'X's division': the figure is X's, with its change and where it ended."""

    def values(text: str) -> set[tuple[str, str, str, str | None]]:
        return {
            (r.subject.label, r.predicate.label, r.object.literal.value, r.object.literal.unit)
            for r in facts(extractor, text).statements
            if r.object.literal and not r.clause
        }

    assert values("Profits at Volkswagen jumped 76% to $1.13bn.") >= {
        ("Volkswagen", "profit jump", "76", "percent"),
        ("Volkswagen", "profit jump to", "1130000000", "USD"),
    }
    assert ("Siemens", "sales rise to", "3000000000", "GBP") in values("Sales at Siemens rose 5% to £3bn last year.")
    assert ("Siemens", "film division lose", "20000000", "USD") in values("Siemens's film division lost $20m.")
    assert {r.object.label for r in facts(extractor, "Siemens's film division lost $20m.").statements} == {"$20m"}
    assert not values("Profits at the mill jumped 76% to $1.13bn.")  # a common noun owns no figure as a fact
    # a scale letter's full stop ends its sentence: the next sentence's figure stays its own
    assert values("Sales at Siemens rose to £300m. Initech's revenue fell 12%.") >= {
        ("Siemens", "sales rise to", "300000000", "GBP"),
        ("Initech", "revenue fall", "12", "percent"),
    }


def test_percentage_is_a_typed_decimal(extractor):
    resolution = facts(extractor, "Initech's revenue fell by 12% in 2020.")
    values = {
        (r.subject.label, r.object.literal.value, r.object.literal.unit)
        for r in resolution.statements
        if r.object.literal
    }
    assert ("Initech", "12", "percent") in values


def test_possessive_between_names(extractor):
    assert ("Globex", "has", "Cyberdyne Systems", False) in triples(
        facts(extractor, "Globex's Cyberdyne Systems opened a new plant.")
    )


def test_negated_statement_is_flagged_not_dropped(extractor):
    resolution = facts(extractor, "Helios Dynamics was not invited to the summit by the European Commission.")
    negated = [r for r in resolution.statements if r.statement and r.statement.negated]
    assert negated, triples(resolution)
    assert all(not (r.predicate.label == "invite" and not r.statement.negated) for r in resolution.statements)


def test_statement_offsets_point_into_the_sentence(extractor):
    text = "Globex is based in Ohio.\nGlobex hired Maria Santos in 2019."
    resolution = facts(extractor, text)
    doc_text = resolution.extraction.document.text
    for rs in resolution.statements:
        sentence = resolution.extraction.sentences[rs.statement.sentence]
        assert doc_text[sentence.start : sentence.end] == sentence.text
        assert sentence.start <= rs.statement.start < rs.statement.end <= sentence.end


def test_worker_processes_give_the_same_extractions_in_the_same_order(extractor):
    from kg.extract import PARALLEL_FROM, Extractor

    people = ["Maria Santos", "Peter Lund", "Ana Costa", "John Reyes", "Lena Berg"]
    docs = [
        to_document(RawText(f"{i}.txt", f"Globex hired {people[i % 5]} in {1990 + i}. {people[i % 5]} moved to Ohio."))
        for i in range(PARALLEL_FROM + 4)
    ]
    parallel = list(Extractor(extractor.models, jobs=2).extract_all(docs))
    serial = list(extractor.extract_all(docs))
    assert [x.document.id for x in parallel] == [d.id for d in docs]
    assert [x.statements for x in parallel] == [x.statements for x in serial]
    assert [x.mentions for x in parallel] == [x.mentions for x in serial]


def test_markup_left_in_plain_text_makes_no_wordless_things(extractor):
    text = "Whitfield said the new lab <img src=x onerror=alert(1)> would open in Boston next year."
    resolution = facts(extractor, text)
    ends = [rs.subject for rs in resolution.statements] + [rs.object for rs in resolution.statements]
    assert ends and all(any(c.isalnum() for c in (node.label or "")) for node in ends if not node.literal)


def test_a_dateline_is_not_the_subject_of_the_sentence_after_it(extractor):
    resolution = facts(
        extractor, "BERGEN, Norway — A senior engineer was injured on Friday at the Globex plant, police said."
    )
    assert ("senior engineer", "be injured at", "Globex plant", False) in triples(resolution)
    assert not any(
        rs.subject.label == "BERGEN" or rs.object.label == "BERGEN"
        for rs in resolution.statements
        if rs.predicate.local_name != "schema:containedInPlace"
    )
    assert resolution.extraction.sentences[0].text == "BERGEN, Norway"


def test_what_is_possible_asked_or_claimed_is_marked_not_stated(extractor):
    """Conditions, possibilities, questions and claims keep their modality; what is said plainly has none,
    nor what is said beside them ('speaking in Madrid, X claimed ...': X spoke in Madrid)."""

    def modality(text: str) -> dict[tuple[str, str, str], str | None]:
        return {
            (rs.subject.label, rs.predicate.label, rs.object.label): rs.statement.modality
            for rs in facts(extractor, text).statements
            if rs.statement is not None
        }

    assert modality("Volkswagen could buy Siemens next year.")[("Volkswagen", "buy", "Siemens")] == "hypothetical"
    found = modality("If Siemens buys Vantage, Initech would sue Siemens.")
    assert found[("Siemens", "buy", "Vantage")] == found[("Initech", "sue", "Siemens")] == "hypothetical"
    assert modality("Is Siemens going to hire Ana Costa?")[("Siemens", "hire", "Ana Costa")] == "question"
    assert (
        modality("Initech alleged that Siemens bought Vantage in secret.")[("Siemens", "buy", "Vantage")] == "claimed"
    )
    found = modality("Speaking in Madrid, Marta Ruiz claimed that Initech had hired Ana Costa.")
    assert found[("Initech", "hire", "Ana Costa")] == "claimed" and found[("Marta Ruiz", "speak in", "Madrid")] is None
    found = modality("Ana Costa, who might leave Siemens, joined Initech in May. Siemens bought Halcyon Bank.")
    assert found[("Ana Costa", "leave", "Siemens")] == "hypothetical"
    assert found[("Ana Costa", "join", "Initech")] is None and found[("Siemens", "buy", "Halcyon Bank")] is None
    assert modality('Ana Costa asked Peter Lund: "Is the market weak?"')[("Ana Costa", "ask", "Peter Lund")] is None


def test_what_is_planned_or_forecast_is_marked_planned(extractor):
    """The future, a to-infinitive of a verb or noun of intention ('plans to', 'is expected to', 'a deal
    to buy'): planned, not done; the noun's holder is the subject of the verb it is the object of, or its
    possessor."""

    def modality(text: str) -> dict[tuple[str, str, str], str | None]:
        return {
            (rs.subject.label, rs.predicate.label, rs.object.label): rs.statement.modality
            for rs in facts(extractor, text).statements
            if rs.statement is not None
        }

    assert modality("Volkswagen will buy Siemens next year.")[("Volkswagen", "buy", "Siemens")] == "planned"
    assert (
        modality("Volkswagen is expected to buy Siemens.")[("Volkswagen", "be expected to buy", "Siemens")] == "planned"
    )
    assert (
        modality("Volkswagen announced a deal to buy Vantage.")[("Volkswagen", "deal to buy", "Vantage")] == "planned"
    )
    assert modality("Siemens's bid to buy Vantage failed in May.")[("Siemens", "bid to buy", "Vantage")] == "planned"
    found = modality("The plan that Siemens drew up in May was dropped. Siemens bought Vantage.")
    assert found[("Siemens", "buy", "Vantage")] is None
    assert all(m is None for m in found.values())


def test_a_price_is_an_amount_and_a_stake_is_in_a_name(extractor):
    """'for her mother' is no price; a stake in something unnamed is no stake in a company."""
    found = triples(
        facts(extractor, "Ana Costa bought a house for her mother. Siemens holds a large stake in the plant.")
    )
    assert not any(p.endswith(" for") or "stake in" in p for _, p, _, _ in found), found


def test_a_country_named_by_its_people_is_a_place_whatever_office_is_held_there(extractor):
    resolution = facts(extractor, "Kenyan President Daniel Otieno opened the new port. He praised the workers.")
    (kenya,) = [rs.object for rs in resolution.statements if rs.object.label == "Kenya"]
    assert kenya.type == "Place"
    assert [m for m in resolution.extraction.mentions if m.text == "Kenya"][0].start == 0  # the word "Kenyan"


def test_a_place_on_a_role_held_at_a_named_firm_is_what_the_role_covers(extractor):
    found = triples(facts(extractor, '"Margins are thin," said Jonathan Reed, chief UK economist at Halden Partners.'))
    assert ("Jonathan Reed", "economist at", "Halden Partners", False) in found
    assert not any(obj == "UK" for _, _, obj, _ in found)


def test_a_short_form_in_brackets_is_not_part_of_the_name(extractor):
    """Where the recogniser takes a bracketed short form into the name (it does on some sentences), the name
    and the short form are two names, which the resolver joins as an acronym."""
    from spacy.tokens import Span

    from kg.extract import lang
    from kg.extract.spans import name_spans

    nlp = extractor.pipeline("en")
    doc = nlp("The Centre for Tax Research (CTR) said prices rose.")
    doc.ents = [Span(doc, 1, 7, label="ORG")]  # "Centre for Tax Research (CTR"
    assert [(span.text, label) for span, label in name_spans(doc, lang.get("en"))] == [
        ("Centre for Tax Research", "ORG"),
        ("CTR", "ORG"),
    ]


def test_a_class_noun_defines_the_nearer_name_not_a_person_after_it(extractor):
    found = triples(facts(extractor, "The plan was attacked by the transport union Railcore Mary Ellen Sharp."))
    assert ("Railcore", "is a", "transport union", False) in found
    assert not any(s == "Mary Ellen Sharp" and p == "is a" for s, p, _, _ in found)


def test_a_persons_product_or_a_brand_on_a_product_noun_is_not_a_make(extractor):
    found = triples(facts(extractor, "Globex Corp sold its Sony camera. Ana Costa's Tesla car was stolen."))
    assert not any(p in ("make", "made by") for _, p, _, _ in found)


def test_it_said_to_be_a_time_or_a_way_is_what_happened_not_a_thing(extractor):
    found = triples(
        facts(
            extractor,
            "Globex launched the Q5 drive in May. It is the first time a drive has had a "
            "screen. Initech sold its plant. It was a way to cut costs.",
        )
    )
    assert not any(p == "is a" and o in ("first time", "way") for _, p, o, _ in found), found


def test_a_role_for_an_organisation_is_held_there(extractor):
    """'a senior analyst for X', 'a spokesman for X': a person's role held for an organisation; a sales
    director "for" a place covers it."""
    found = triples(facts(extractor, '"Prices will fall," Maria Lund, a senior analyst for Vantage, said.'))
    assert ("Maria Lund", "analyst for", "Vantage", False) in found
    found = triples(facts(extractor, "Sam Price, a spokesman for the Home Office, declined to comment."))
    assert ("Sam Price", "spokesman for", "Home Office", False) in found


def test_a_name_after_the_role_of_an_organisation_holds_that_role(extractor):
    """'The chief executive of Tesco, Terry Leahy, said': the name is the role's apposition, not the
    organisation's, and the role's words stop before the name."""
    found = triples(facts(extractor, "The chief executive of Globex, Peter Lund, said sales rose."))
    assert ("Peter Lund", "executive of", "Globex", False) in found
    assert ("Peter Lund", "is a", "chief executive of Globex", False) in found


def test_people_in_the_plural_before_one_name_are_what_the_organisation_does(extractor):
    """'a report by analysts Vantage Research': the firm is not a person; before two names each is one."""
    res = facts(extractor, "The bank hired analysts Vantage Research in May.")
    assert not any(rs.subject.label.startswith("Vantage") and rs.predicate.label == "is a" for rs in res.statements)
    vantage = [e for e in res.entities.values() if e.label.startswith("Vantage")]
    assert vantage and all(e.type != "Person" for e in vantage)
    found = triples(facts(extractor, "The bank hired analysts Ann Lee and Bo Ek in May."))
    assert ("Ann Lee", "is a", "analyst", False) in found and ("Bo Ek", "is a", "analyst", False) in found


def test_names_listed_after_such_as_are_examples_wherever_the_parser_hung_them(extractor):
    """'firms such as Initech, Vantage and Apple all of whom ...': the parser hangs the list on the
    relative clause; the names are still the firms, and whom the competition comes from."""
    found = triples(
        facts(
            extractor,
            "Globex has faced increased competition from firms such as Initech, Vantage and Apple all of whom "
            "now sell similar phones.",
        )
    )
    for rival in ("Initech", "Vantage", "Apple"):
        assert (rival, "is a", "firm", False) in found
        assert ("Globex", "compete with", rival, False) in found


def test_a_place_after_a_named_thing_and_a_comma_is_where_it_is(extractor):
    """'held in Halton prison, north London': London is where the prison is, not a prison; a place after
    a class noun with no name of its own ("the capital, Paris") still defines it."""
    found = triples(facts(extractor, "Most of the men are held in Halton prison, north London."))
    assert ("Halton", "be located in", "London", False) in found
    assert not any(s == "London" and p == "is a" for s, p, _, _ in found)
    assert ("Paris", "is a", "capital", False) in triples(facts(extractor, "They met in the capital, Paris."))


def test_an_event_in_a_place_is_held_there(extractor):
    """'the 2005 Gadget Show in Las Vegas': "in" hung on an event's name (its head word says it is one)."""
    res = facts(extractor, "The 2005 Gadget Show in Las Vegas is a paradise for shoppers.")
    assert ("2005 Gadget Show", "be located in", "Las Vegas", False) in triples(res)
    assert any(e.type == "Event" for e in res.entities.values() if "Gadget Show" in e.label)


def test_i_and_we_in_a_quotation_speak_from_the_speakers_side(extractor):
    """Inside a quotation "I" is its speaker and "we" the speaker's organisation (the one a person speaking
    works for, or the organisation itself), whether the speaker comes before or after it."""
    found = triples(facts(extractor, '"We will buy Initech next year," said Ann Lee, chief executive of Globex.'))
    assert ("Globex", "buy", "Initech", False) in found
    found = triples(facts(extractor, 'Globex Corp said: "We bought Initech in May."'))
    assert ("Globex Corp", "buy", "Initech", False) in found
    found = triples(facts(extractor, 'Peter Lund met Ann Lee in May. "I joined Globex in 2019," he said.'))
    assert ("Peter Lund", "join", "Globex", False) in found
    assert not any(s == "Ann Lee" and p == "join" for s, p, _, _ in found)


def test_i_and_we_with_no_speaker_named_are_left_out(extractor):
    """Outside a quotation, or with no speaker, "we" is no one kg can name: no statement is made of it."""
    found = triples(facts(extractor, 'Globex Corp grew fast. "We bought Initech in May."'))
    assert not any(o == "Initech" for _, _, o, _ in found)
    found = triples(facts(extractor, "Ann Lee, who runs Globex, wrote that we should buy Initech."))
    assert not any(o == "Initech" for _, _, o, _ in found)


def test_he_or_she_in_a_quotation_is_not_its_speaker(extractor):
    """'"He joined Globex in 2019," said Ann Lee': he is someone Ann Lee speaks of, not Ann Lee."""
    found = triples(facts(extractor, 'Ann Lee met Peter Lund. "He joined Globex in 2019," said Ann Lee.'))
    assert ("Peter Lund", "join", "Globex", False) in found
    assert not any(s == "Ann Lee" and p == "join" for s, p, _, _ in found)


def test_what_is_denied_is_not_stated(extractor):
    """'denied that it bought X', 'rejected claims that it bought X': the purchase is denied (a negated
    claim), not stated; a denial that is itself negated denies nothing; "whether" leaves it open."""
    for text in ("Globex denied that it had bought Initech.", "Globex rejected claims that it bought Initech."):
        res = facts(extractor, text)
        assert ("Globex", "buy", "Initech", True) in triples(res), text
        assert ("Globex", "buy", "Initech", False) not in triples(res), text
    assert ("Globex", "buy", "Initech", False) in triples(
        facts(extractor, "Globex did not deny that it bought Initech.")
    )
    statement = next(
        rs.statement for rs in facts(extractor, "Globex has not decided whether to buy Initech.").statements
    )
    assert statement is not None and statement.modality == "hypothetical" and statement.negated


def test_what_a_speaker_talked_about_is_a_clause_not_a_fact(extractor):
    """'Ana Costa said Initech would cut jobs': that she commented on Initech is kept for search as a
    clause, not stated as a fact; what she said Initech would do is. After "commented" it is the fact."""
    res = facts(extractor, "Ana Costa said Initech would cut 200 jobs.")
    tiers = {(rs.predicate.label, rs.object.label): rs.clause for rs in res.statements}
    assert tiers[("comment on", "Initech")] is True
    assert tiers[("cut", "200 jobs")] is False
    res = facts(extractor, 'Ana Costa commented: "Initech is nothing new."')  # the verb says she commented
    assert [rs.clause for rs in res.statements if rs.predicate.label == "comment on"] == [False]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # all a clause says is when, or how long
        ("Orbis, which floated in 2003, grew fast.", ("Orbis", "float in", "2003", False)),
        ("Ann Lee was jailed for 14 years.", ("Ann Lee", "be jailed for", "14 years", False)),
        # a figure by which a verb changed its object is the subject's
        ("Globex overstated its profits by $11bn.", ("Globex", "overstate profit by", "11000000000", False)),
        ("Globex raised its prices by 5% in May.", ("Globex", "raise price by", "5", False)),
        # an amount on a noun of a priced act is what its maker offered or paid
        ("A £1.3bn offer from Globex has already been rejected.", ("Globex", "offer", "1300000000", False)),
        ("Globex's $5bn takeover of Initech was approved.", ("Globex", "takeover", "5000000000", False)),
    ],
)
def test_figures_and_dates_tied_to_a_name(extractor, text, expected):
    assert expected in triples(facts(extractor, text))


def test_a_date_is_not_what_a_verb_did_when_its_object_is_elsewhere(extractor):
    """'the deals Globex made over two years' (the object is the noun the clause describes), 'did so in
    2002' (a verb standing for another): no statement of the date alone."""
    for text in (
        "These are the deals Globex has made over the last two years.",
        "Globex said it would leave but did so in 2002.",
    ):
        assert not any(p.endswith((" over", " in")) for _, p, _, _ in triples(facts(extractor, text))), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun of a relation between its possessor (or the name after "by") and the name after it
        ("A further block is Globex's control over its Nimbus unit.", ("Globex", "control", "Nimbus", False)),
        ("The takeover of Initech by Globex was approved.", ("Globex", "take over", "Initech", False)),
        ("Globex's acquisition of Initech and Vantage closed in May.", ("Globex", "acquire", "Vantage", False)),
        # a name called a rival beside the name it is joined to
        ("Both Globex and rival Initech held talks with the exchange.", ("Initech", "compete with", "Globex", False)),
    ],
)
def test_relations_said_by_a_noun(extractor, text, expected):
    assert expected in triples(facts(extractor, text))


def test_a_relation_only_proposed_is_not_stated_and_is_no_role(extractor):
    found = triples(facts(extractor, "Globex's proposed takeover of Initech collapsed."))
    assert not any(p == "take over" for _, p, _, _ in found)
    found = triples(facts(extractor, "A further block is Globex's control over its Nimbus unit."))
    assert not any(p == "control of" for _, p, _, _ in found)  # control is no role held in Globex
