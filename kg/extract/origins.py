"""Where a class noun or a role is from, and what that says of the thing it defines, in any language: a
people's adjective ("Iranian President X", "o presidente iraniano X") makes X the holder of an office of
that country; a firm of a people ("Romanian firm X", "a empresa romena X") is based there; a person of a people
("British author X") has that nationality. A place's name compounded onto the noun ("US think tank") says
the same of firms and of the roles a place holds. The words are the language's (Lexicon.demonyms,
offices_of_state, roles_held_in); the reader constructions call `state_origin` on the noun they define by.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract.reader import Reader, relation
from kg.records import Argument, Mention, Predicate

__all__ = ["state_origin", "NATIONALITY", "BASED_IN"]

NATIONALITY = Predicate("nationality", "schema:nationality")
BASED_IN = relation("base in")


def _origin(r: Reader, role: Token) -> tuple[Mention | None, Token, bool] | None:
    """Where the noun is from, the word that says so and whether it is a people's adjective (rather than a
    place's name)."""
    modifiers = r.syntax.name_modifiers | r.syntax.kind_modifiers
    for word in role.children:
        if word.dep_ not in modifiers:
            continue
        span, label = r.span_of.get(word.i, (r.doc[word.i : word.i + 1], None))
        if r.is_place(word):
            return r.entity(word), word, False
        if label is None or r.pack.entity_classes.get(label) == "Group":
            country = r.lexicon.demonyms.get(span.text) or r.lexicon.demonyms.get(word.lemma_.lower())
            if country:
                return r.named_mention(span, country, "Place"), word, True
    return None


def state_origin(
    r: Reader,
    subject: Argument,
    role: Token,
    tokens: list[Token],
    office: Callable[[Token, Token], Predicate],
    pattern: str,
    negated: bool,
    named_holder: Token | None = None,
) -> None:
    """State what the noun's origin says of `subject`; `office(word, role)` is the relation of a role held in
    the country the word says ("president of", "presidente de"). A place's name says nothing where a named
    organisation holds the role (`named_holder`: "chief UK economist at Capital Economics" covers the UK)."""
    found = _origin(r, role)
    if found is None:
        return
    place, word, people = found
    if not people and named_holder is not None:
        return
    lemma = role.lemma_.lower()
    tokens = [*tokens, word, role]
    if lemma in (r.lexicon.offices_of_state if people else r.lexicon.roles_held_in):
        r.add(subject, office(word, role), place, tokens, pattern + "-origin", negated)
    elif r.lexicon.noun_class.get(lemma) == "Organization":
        r.add(subject, BASED_IN, place, tokens, pattern + "-origin", negated)
    elif people and (r.lexicon.noun_class.get(lemma) == "Person" or lemma in r.lexicon.roles_held_in):
        r.add(subject, NATIONALITY, place, tokens, pattern + "-origin", negated)
