"""English constructions that say a relation or a figure with a noun instead of a verb: "a £1.3bn offer from
Globex", "Globex's control over Nimbus", "Globex and rival Initech". Each is a function of the paragraph's
`Reader` and a token."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lang.en import words
from kg.extract.reader import Reader, relation
from kg.records import Literal

__all__ = ["figure_noun", "nominal_relation", "rival"]


def figure_noun(r: Reader, noun: Token) -> None:
    """'a £1.3bn offer from Globex', 'Globex's £1.3bn bid' -> (Globex, offer, £1.3bn): an amount written on
    a noun of a priced act is what its maker (the possessor, or the name after "from" or "by") offered,
    paid or was fined."""
    syntax = r.syntax
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in words.PRICED_NOUNS:
        return
    amounts = [
        value
        for c in noun.lefts
        if c.i in r.span_of and isinstance(value := r.argument(c), Literal) and value.kind == "Money"
    ]
    makers = [c for c in noun.children if c.dep_ == syntax.possessive and r.is_name(c)] or [
        obj for prep, obj in syntax.objects_of(noun) if prep.lower_ in words.MAKER_PREPOSITIONS and r.is_name(obj)
    ]
    for maker in makers:
        for amount in amounts:
            r.add(r.entity(maker), relation(noun.lemma_.lower()), amount, [maker, noun], "figure-noun")


def nominal_relation(r: Reader, noun: Token) -> None:
    """'Globex's control over its Nimbus unit' -> (Globex, control, Nimbus); 'the takeover of Initech by
    Globex' -> (Globex, take over, Initech): a noun of a relation between its possessor (or the name after
    "by") and the name after its preposition. Not when the noun is only possible or proposed."""
    syntax = r.syntax
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in words.NOMINAL_RELATIONS:
        return
    if any(c.lower_ in words.TENTATIVE for c in noun.children):
        return
    verb, prepositions = words.NOMINAL_RELATIONS[noun.lemma_.lower()]
    agents = [c for c in noun.children if c.dep_ == syntax.possessive and r.is_name(c)] or [
        obj for prep, obj in syntax.objects_of(noun) if prep.lower_ == words.BY and r.is_name(obj)
    ]
    targets = []
    for prep, obj in syntax.objects_of(noun):
        if prep.lower_ in prepositions:
            targets += [t if r.is_name(t) else r.name_on(t) for t in r.expand([obj])]
    for agent in agents:
        for target in (t for t in targets if t is not None and r.is_name(t)):
            r.add(r.entity(agent), relation(verb), r.entity(target), [agent, noun, target], "nominal")


def rival(r: Reader, tok: Token) -> None:
    """'Both Globex and rival Initech held talks' -> (Initech, compete with, Globex): a name called a rival
    beside the name it is joined to."""
    if not r.is_name(tok) or tok.dep_ != r.syntax.conjunct or not r.is_name(tok.head):
        return
    if any(c.lower_ == words.RIVAL for c in tok.children if c.i < tok.i):
        r.add(r.entity(tok), relation("compete with"), r.entity(tok.head), [tok.head, tok], "rival")
