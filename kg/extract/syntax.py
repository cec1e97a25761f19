"""Syntax profiles: which dependency labels and tags of a parser's scheme mark each grammatical role.

The reader core and the constructions ask a profile ("is this token a subject?", "the objects of this
preposition") instead of naming a scheme's labels, so one construction can serve every language whose
parser marks the role, whatever it calls it. ClearNLP (spaCy's English pipelines) and Universal
Dependencies (kg's Portuguese pipeline) differ most in prepositions: ClearNLP hangs the noun under its
preposition (prep -> pobj), UD hangs the preposition under its noun (obl/nmod -> case); `objects_of`
hides that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

__all__ = ["Syntax"]


def _never(_: Token) -> bool:
    return False


@dataclass(frozen=True)
class Syntax:
    """The labels (`dep_`) and fine tags (`tag_`) of one dependency scheme, by role."""

    name: str
    subject: frozenset[str]  # any subject of a clause: nominal, passive or clausal
    nominal_subject: frozenset[str]  # a noun phrase that is the subject ("nsubj", "nsubjpass")
    passive: frozenset[str]  # children that make their verb passive (passive subject, passive auxiliary)
    object: frozenset[str]  # direct object
    agent: str  # "by" phrase of a passive verb
    preposition: str  # a preposition attached to a verb or a noun
    verb_prepositions: frozenset[str]  # prepositions attached to a verb, indirect objects included ("to Y")
    preposition_object: str  # the noun a preposition governs
    attribute: frozenset[str]  # the complement of a copula ("is a model")
    apposition: str
    possessive: str  # "Meta's", "its"
    negation: str
    determiner: str
    adverb: str
    compound: str
    particle: str  # "set up"
    object_predicate: str  # "named her CFO"
    open_complement: str  # "refused to invest": the verb of the complement
    auxiliary: frozenset[str]  # auxiliaries: never clause heads of their own
    reported: frozenset[str]  # what a verb of saying introduces ("said that ...")
    relative_clause: str  # "the company which ..."
    conjunct: str
    adverbial_clause: str
    prepositional_complement: str  # a verb governed by a preposition ("before joining X")
    clausal_modifier: str  # "a unit called X", "a developer based in Lisbon"
    temporal: frozenset[str]  # bare noun phrases of time attached to a verb ("last year")
    concept_modifiers: frozenset[str]  # modifiers kept in a common-noun phrase
    kind_modifiers: frozenset[str]  # modifiers that say what kind a noun is ("social network")
    name_modifiers: frozenset[str]  # nouns before a name that define it ("CPO Chris Cox")
    picking_out: frozenset[str]  # dependents that pick one of several out ("the company that ...")
    singular_noun_tags: frozenset[str]
    degree_tags: frozenset[str]  # comparatives, superlatives, numbers: "the largest company"
    relative_pronoun_tags: frozenset[str]
    possessive_marker_tags: frozenset[str]  # "'s"
    participle: Callable[[Token], bool] = _never  # "hired" in "was hired"
    gerund: Callable[[Token], bool] = _never  # "joining"

    def objects_of(self, head: Token, labels: frozenset[str] | None = None) -> Iterator[tuple[Token, Token]]:
        """(preposition, its object) for each preposition attached to `head` whose label is among `labels`
        (by default the profile's `preposition`)."""
        for prep in head.children:
            if prep.dep_ in (labels or (self.preposition,)):
                for obj in prep.children:
                    if obj.dep_ == self.preposition_object:
                        yield prep, obj
