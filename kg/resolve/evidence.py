"""Evidence for an entity's type beyond the NER label of each mention.

The small English model often mistypes names it has not seen ("Music Gen" a person, "Reality Labs" a
person, "Instagram" an organisation). What the article says of a name is better evidence: a class noun
it is called ("Music Gen, its AI music model", "platforms such as Instagram", "LLaMA is a model"), a job
title it holds (a person), a role held in it ("co-founder of DeepMind": an organisation), a verb that
takes only one class there ("founded Nvidia", "works for Initech", "Initech, based in Austin": an
organisation; "launched Threads": a product; "was born in Lagos": a person), or the head word of the
name itself ("... University", "... Labs").
Each piece of evidence counts as several NER mentions (a verb as fewer than a noun), and the NER labels of
one name in one article count together for less than a class noun (the resolver's RECOGNISER_WEIGHT: a
model repeating its label is one opinion); the resolver adds the votes up across the corpus.
"""

from __future__ import annotations

from collections import Counter

from kg.records import Extraction, Mention, Statement
from kg.resolve.families import FAMILY_OF, MADE, ORGANISATION, ORGANISATION_ROLES, phrase_of

__all__ = ["type_votes", "CLASS_NOUN_WEIGHT"]

CLASS_NOUN_WEIGHT = 3  # votes for a class noun said of a name, against one per NER mention
FIXED_WEIGHT = 10  # votes for the class a mention's own words fix ("Iranian" names Iran, a place): it outweighs all
VERB_WEIGHT = 2  # votes for a verb phrase that takes only one class there ("founded X": an organisation)
_DEFINING = {"kg:isA": None, "schema:jobTitle": "Person"}  # predicate -> the type it implies (None: the noun's)

# A family's side that only these take gives the name that class: "founded Nvidia", "launched Threads"
_SIDE_CLASS = {ORGANISATION: "Organization", MADE: "Product"}
# Verb phrases only a person is the subject of (with any preposition after them): "was born in Lagos"
_PERSON_VERBS = ("be born", "grow up", "be raised")
# Phrases of the located family that only an organisation is the subject of ("Paris-based Euronext"; a place
# or an event is located, not based)
_BASED = frozenset({"base in", "be based in", "headquarter in", "be headquartered in"})


def _person_verb(label: str) -> bool:
    return any(label == verb or label.startswith(f"{verb} ") for verb in _PERSON_VERBS)


def _typed_sides(st: Statement) -> list[tuple[Mention, str]]:
    """The names a relation family's phrase says are of one class: the founded ("Huang founded Nvidia"),
    the employer ("hired by Initech"), what is based somewhere ("Initech is based in Austin"), what is
    made ("Initech launched Zorbo"); and who was born or grew up somewhere (a person)."""
    if st.negated or st.pattern == "classifier":  # the classifier's reading is not evidence of its own types
        return []
    if _person_verb(st.predicate.label):
        return [(st.subject, "Person")] if isinstance(st.subject, Mention) and st.subject.kind == "entity" else []
    phrase = phrase_of(st.predicate.label)
    if phrase in _BASED:
        return [(st.subject, "Organization")] if isinstance(st.subject, Mention) and st.subject.kind == "entity" else []
    family = FAMILY_OF.get(phrase)
    if family is None:
        return []
    inverse = family.phrases[phrase] is not None
    sides = [
        ((st.subject, st.object)[inverse], _SIDE_CLASS.get(family.subjects)),
        ((st.object, st.subject)[inverse], _SIDE_CLASS.get(family.objects)),
    ]
    return [(m, cls) for m, cls in sides if cls and isinstance(m, Mention) and m.kind == "entity"]


def type_votes(extraction: Extraction, name_of) -> dict[str, Counter]:
    """Type votes per name (as `name_of` normalises a mention's text) from what the article says of it."""
    votes: dict[str, Counter] = {}
    counted: set[int] = set()  # where a role's organisation starts: counted once, stated or not
    for st in extraction.statements:
        subject, obj = st.subject, st.object
        role = phrase_of(st.predicate.label)
        if (
            role in ORGANISATION_ROLES
            and not st.negated
            and isinstance(obj, Mention)
            and obj.kind == "entity"
            and not (obj.label == "Place" and role.endswith(" for"))  # "sales director for Europe" covers a place
            and obj.start not in counted
        ):
            counted.add(obj.start)
            votes.setdefault(name_of(obj.text), Counter())["Organization"] += CLASS_NOUN_WEIGHT
        if (
            st.negated
            or st.predicate.local_name not in _DEFINING
            or not isinstance(subject, Mention)
            or subject.kind != "entity"
            or not isinstance(obj, Mention)
        ):
            continue
        cls = _DEFINING[st.predicate.local_name] or obj.head_class
        if cls:
            votes.setdefault(name_of(subject.text), Counter())[cls] += CLASS_NOUN_WEIGHT
    for st in extraction.statements:
        for name, cls in _typed_sides(st):
            if name.start not in counted:
                counted.add(name.start)
                votes.setdefault(name_of(name.text), Counter())[cls] += VERB_WEIGHT
    for role, held_in, start in extraction.roles:  # "the CEO of OpenAI", its holder named or not
        if phrase_of(role) in ORGANISATION_ROLES and start not in counted:
            counted.add(start)
            votes.setdefault(name_of(held_in), Counter())["Organization"] += CLASS_NOUN_WEIGHT
    for mention in extraction.mentions:
        if mention.fixed:
            votes.setdefault(name_of(mention.text), Counter())[mention.label] += FIXED_WEIGHT
    heads, head_first = extraction.name_words.heads, extraction.name_words.head_first
    for name in {name_of(m.text) for m in extraction.mentions if m.kind == "entity"}:
        words = name.split()
        head = words[0 if head_first else -1].lower() if len(words) > 1 else ""
        if head in heads:  # "... University", "... Labs": a head word that makes a name an organisation or a place
            votes.setdefault(name, Counter())[heads[head]] += CLASS_NOUN_WEIGHT
    return votes
