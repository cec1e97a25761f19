"""Syntax profiles: which dependency labels and tags of a parser's scheme mark each grammatical role.

The reader core and the constructions ask a profile ("is this token a subject?", "the objects of this
preposition") instead of naming a scheme's labels, so one construction can serve every language whose
parser marks the role, whatever it calls it. ClearNLP (spaCy's English pipelines) and Universal
Dependencies (kg's Portuguese pipeline) differ most in prepositions: ClearNLP hangs the noun under its
preposition (prep -> pobj), UD hangs the preposition under its noun (obl/nmod -> case); `preposition_of`,
`governed` and `objects_of` hide that.
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
    degree_tags: frozenset[str]  # comparatives, superlatives, numbers: "the largest company"
    possessive_marker_tags: frozenset[str]  # "'s"
    participle: Callable[[Token], bool] = _never  # "hired" in "was hired"
    gerund: Callable[[Token], bool] = _never  # "joining"
    marker: str = "mark"  # the conjunction that opens a subordinate clause ("if", "that")
    relative_pronoun: Callable[[Token], bool] = _never  # "which" in "the company which ..."
    singular: Callable[[Token], bool] = _never  # a singular noun ("the company", not "the companies")
    future: Callable[[Token], bool] = _never  # a verb in a future tense ("comprará")
    infinitive: Callable[[Token], bool] = _never  # "buy" in "a deal to buy"
    trailing_modifiers: frozenset[str] = frozenset()  # modifiers after their noun ("inteligência artificial")

    def preposition_of(self, child: Token, labels: frozenset[str] | None = None) -> Token | None:
        """The preposition of a dependent whose label is among `labels` (by default the profile's
        `preposition`): the dependent itself where prepositions head their nouns (ClearNLP)."""
        return child if child.dep_ in (labels or (self.preposition,)) else None

    def governed(self, child: Token, labels: frozenset[str] | None = None) -> list[Token]:
        """The nouns a prepositional dependent (labelled among `labels`) brings: the preposition's objects."""
        if self.preposition_of(child, labels) is None:
            return []
        return [obj for obj in child.children if obj.dep_ == self.preposition_object]

    def objects_of(self, head: Token, labels: frozenset[str] | None = None) -> Iterator[tuple[Token, Token]]:
        """(preposition, its object) for each prepositional dependent of `head` labelled among `labels`."""
        for child in head.children:
            prep = self.preposition_of(child, labels)
            if prep is not None:
                for obj in self.governed(child, labels):
                    yield prep, obj


@dataclass(frozen=True)
class UniversalSyntax(Syntax):
    """Universal Dependencies: a preposition is a `case` dependent of its noun, which hangs from the verb
    or noun it completes by a relation (obl, nmod, obl:agent); `objects_of` takes the labels of those."""

    case: str = "case"

    def preposition_of(self, child: Token, labels: frozenset[str] | None = None) -> Token | None:
        if child.dep_ not in (labels or (self.preposition,)):
            return None
        return next((c for c in child.children if c.dep_ == self.case), None)

    def governed(self, child: Token, labels: frozenset[str] | None = None) -> list[Token]:
        return [child] if self.preposition_of(child, labels) is not None else []


def _has_feature(feature: str) -> Callable[[Token], bool]:
    return lambda tok: feature in tok.morph.get("VerbForm", [])


UNIVERSAL = UniversalSyntax(
    name="Universal Dependencies",
    subject=frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass"}),
    nominal_subject=frozenset({"nsubj", "nsubj:pass"}),
    passive=frozenset({"nsubj:pass", "aux:pass", "csubj:pass"}),
    object=frozenset({"obj"}),
    agent="obl:agent",
    preposition="nmod",
    verb_prepositions=frozenset({"obl"}),
    preposition_object="",  # the noun is the dependent itself: see objects_of
    attribute=frozenset(),  # the predicate noun heads a copular clause
    apposition="appos",
    possessive="nmod:poss",
    negation="neg",  # UD marks negation with advmod ("não") and a Polarity=Neg feature: see the negators
    determiner="det",
    adverb="advmod",
    compound="flat:name",
    particle="compound:prt",
    object_predicate="xcomp:pred",
    open_complement="xcomp",
    auxiliary=frozenset({"aux", "aux:pass", "cop"}),
    reported=frozenset({"ccomp", "parataxis"}),
    relative_clause="acl:relcl",
    conjunct="conj",
    adverbial_clause="advcl",
    prepositional_complement="",  # UD hangs "antes de entrar" from the verb as an advcl
    clausal_modifier="acl",
    temporal=frozenset({"obl:tmod", "nmod:tmod"}),
    concept_modifiers=frozenset({"amod", "compound", "nummod", "det"}),  # not advmod: "já não é uma empresa"
    kind_modifiers=frozenset({"amod"}),
    name_modifiers=frozenset(),
    picking_out=frozenset({"nmod", "acl", "acl:relcl", "nummod", "nmod:poss"}),
    degree_tags=frozenset(),
    possessive_marker_tags=frozenset(),
    participle=_has_feature("Part"),
    gerund=_has_feature("Ger"),
    relative_pronoun=lambda tok: "Rel" in tok.morph.get("PronType", []) or tok.head.dep_ == "acl:relcl",
    singular=lambda tok: tok.pos_ in ("NOUN", "PROPN") and "Plur" not in tok.morph.get("Number", []),
    future=lambda tok: "Fut" in tok.morph.get("Tense", []),
    infinitive=_has_feature("Inf"),
    trailing_modifiers=frozenset({"amod"}),
)
