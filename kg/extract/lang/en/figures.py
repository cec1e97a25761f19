"""English constructions that tie a figure to the name it belongs to without a verb: "a £1.3bn offer from
Globex", "Globex's $5bn takeover of Initech". Each is a function of the paragraph's `Reader` and a token."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lang.en import words
from kg.extract.reader import Reader, relation
from kg.records import Literal

__all__ = ["figure_noun"]


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
