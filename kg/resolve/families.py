"""Relation families: verb phrases that state the same fact become one ontology property.

"Meta hired LeCun", "LeCun joined Meta" and "LeCun, an engineer of Meta" all say that LeCun works for
Meta: each becomes (LeCun, schema:worksFor, Meta), the verb phrase kept as the statement's label, read
in the triple's direction ("hired by"). A family applies only between entities of fitting types ("joined
a protest" stays rel:join); everything else keeps its own rel: property, one per lemmatised phrase.
Where schema.org has the relation, the family is schema.org's property (declared in ontologies/kg.ttl).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from kg.records import Node, Predicate

__all__ = ["normalise", "contradicts", "phrase_of", "FAMILIES", "FAMILY_OF", "ORGANISATION_ROLES"]

ORGANISATION = frozenset({"Organization"})
AGENT = frozenset({"Organization", "Person"})
MADE = frozenset({"Product", "CreativeWork"})


@dataclass(frozen=True)
class Family:
    """An ontology property, the types its subject and object may have, and the phrases that state it
    (phrase -> None when said in the property's direction, or the label read the other way round)."""

    local_name: str
    subjects: frozenset[str]
    objects: frozenset[str]
    phrases: dict[str, str | None]


# "an engineer at Initech", "Initech's CFO": roles held in an organisation
_STAFF = [
    "engineer",
    "employee",
    "executive",
    "researcher",
    "scientist",
    "professor",
    "director",
    "manager",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "analyst",
    "economist",
    "official",
    "officer",
    "chairman",
    "chairwoman",
    "president",
    "vice president",
    "chief executive",
    "CEO",
    "CFO",
    "CTO",
    "COO",
    "CPO",
]

# "a co-founder of DeepMind", "an engineer at Initech": the object is an organisation, whatever the NER
# said ("president of" is left out: countries have presidents too)
# "the founder of X", its spellings, and the founded read the other way round
_FOUNDER_ROLES = {
    "founder of": "founded by",
    "co-founder of": "co-founded by",
    "co founder of": "co-founded by",
    "cofounder of": "co-founded by",
}
ORGANISATION_ROLES = {
    f"{role} {prep}" for role in _STAFF if "president" not in role for prep in ("of", "at", "for")
} | set(_FOUNDER_ROLES)

FAMILIES = [
    Family(
        "schema:worksFor",
        frozenset({"Person"}),
        ORGANISATION,
        {
            **{f"{role} {prep}": None for role in _STAFF for prep in ("of", "at", "for")},
            "work for": None,
            "work at": None,
            "join": None,
            "rejoin": None,
            "hire": "hired by",
            "employ": "employed by",
            "recruit": "recruited by",
            "appoint": "appointed by",
            "rehire": "rehired by",
            "poach": "poached by",
        },
    ),
    Family(
        "schema:founder",
        ORGANISATION,
        frozenset({"Person"}),
        {
            "found": "founded by",
            "co-found": "co-founded by",
            "establish": "established by",
            "set up": "set up by",
            **_FOUNDER_ROLES,
        },
    ),
    Family(
        "schema:owns",
        AGENT,
        MADE | ORGANISATION,
        {
            "own": None,
            "have": None,
            "operate": None,
            "control": None,
            "acquire": None,
            "buy": None,
            "purchase": None,
            "take over": None,
        },
    ),
    Family(
        "schema:manufacturer",
        MADE,
        AGENT,
        {
            "make": "made by",
            "build": "built by",
            "develop": "developed by",
            "create": "created by",
            "release": "released by",
            "launch": "launched by",
            "unveil": "unveiled by",
            "introduce": "introduced by",
            "come up with": "created by",
            "design": "designed by",
            "produce": "produced by",
            "ship": "shipped by",
            "maker of": "made by",
            "manufacturer of": "made by",
            "developer of": "developed by",
            "creator of": "created by",
            "publisher of": "published by",
        },
    ),
    Family(
        "schema:parentOrganization",
        ORGANISATION,
        ORGANISATION,
        {
            "division of": None,
            "subsidiary of": None,
            "unit of": None,
            "arm of": None,
            "part of": None,
            "branch of": None,
        },
    ),
    Family(
        "schema:location",
        ORGANISATION | {"Place", "Event"},
        frozenset({"Place"}),
        {
            "base in": None,
            "headquarter in": None,
            "be based in": None,
            "be headquartered in": None,
            "be located in": None,
        },
    ),
]


# Properties the relation classifier states directly, with the types their arguments must not contradict:
# "Intel works for Mellanox" is a misreading.
PLACE, PERSON = frozenset({"Place"}), frozenset({"Person"})
SIGNATURES = {
    "schema:worksFor": (PERSON, ORGANISATION | {"Group"}),
    "schema:location": (ORGANISATION | {"Group"}, PLACE),
    "schema:homeLocation": (PERSON, PLACE),
    "schema:containedInPlace": (PLACE, PLACE),
    "killed": (PERSON, PERSON),
}


def contradicts(predicate: Predicate, subject_type: str, object_type: str) -> bool:
    """Whether a typed property joins arguments of other types (Thing, a type not settled, never does)."""
    signature = SIGNATURES.get(predicate.local_name)
    return signature is not None and any(
        type_ != "Thing" and type_ not in types
        for type_, types in zip((subject_type, object_type), signature, strict=True)
    )


FAMILY_OF = {phrase: family for family in FAMILIES for phrase in family.phrases}  # each phrase is in one family


@cache
def phrase_of(label: str) -> str:
    """The family phrase a relation's label is a kind of: "home affairs spokesman of" is a "spokesman of" (a
    role's last words with their preposition); the label itself where none is."""
    words = label.split()
    for start in range(len(words) - 1):
        tail = " ".join(words[start:])
        if tail in FAMILY_OF:
            return tail
    return label


def _fits(node: Node, types: frozenset[str]) -> bool:
    return node.kind == "entity" and node.type in types


def normalise(subject: Node, predicate: Predicate, obj: Node, negated: bool = False) -> tuple[Node, Predicate, Node]:
    """The statement in its family's property and direction, or unchanged when no family fits. Negated
    statements keep their own verb: "did not release X" does not deny that X is the company's product."""
    phrase = phrase_of(predicate.label)
    family = None if negated else FAMILY_OF.get(phrase)
    if family is None:
        return subject, predicate, obj
    inverse = family.phrases[phrase]
    if inverse is None and _fits(subject, family.subjects) and _fits(obj, family.objects):
        return subject, replace(predicate, local_name=family.local_name), obj
    if inverse is not None and _fits(obj, family.subjects) and _fits(subject, family.objects):
        return (
            obj,
            replace(
                predicate,
                label=inverse,
                local_name=family.local_name,
                said=predicate.said_inverse,
                said_inverse=predicate.said,
            ),
            subject,
        )
    return subject, predicate, obj
