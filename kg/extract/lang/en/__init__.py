"""English: spaCy's English pipelines (ClearNLP dependencies, Penn Treebank tags, OntoNotes entities),
English words, the clause and definitional constructions, a job-title ruler and the CoNLL04-trained
relation classifier."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, cast

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

from kg.extract.lang import LanguagePack
from kg.extract.lang.en import words
from kg.extract.lang.en.clauses import clause, competition_from, intended, role_held_in
from kg.extract.lang.en.definitions import (
    appositive,
    based_in,
    examples,
    kind_before_name,
    name_in_place,
    possessive,
    title_before_name,
)
from kg.extract.lang.en.figures import figure_noun, nominal_relation, rival
from kg.extract.syntax import Syntax
from kg.records import Predicate

__all__ = ["PACK", "CLEARNLP"]

CLEARNLP = Syntax(
    name="ClearNLP",
    subject=frozenset({"nsubj", "nsubjpass", "csubj"}),
    nominal_subject=frozenset({"nsubj", "nsubjpass"}),
    passive=frozenset({"nsubjpass", "auxpass"}),
    object=frozenset({"dobj"}),
    agent="agent",
    preposition="prep",
    verb_prepositions=frozenset({"prep", "dative"}),
    preposition_object="pobj",
    attribute=frozenset({"attr"}),
    apposition="appos",
    possessive="poss",
    negation="neg",
    determiner="det",
    adverb="advmod",
    compound="compound",
    particle="prt",
    object_predicate="oprd",
    open_complement="xcomp",
    auxiliary=frozenset({"aux", "auxpass"}),
    reported=frozenset({"ccomp", "parataxis"}),
    relative_clause="relcl",
    conjunct="conj",
    adverbial_clause="advcl",
    prepositional_complement="pcomp",
    clausal_modifier="acl",
    temporal=frozenset({"npadvmod", "tmod"}),
    concept_modifiers=frozenset(
        {"amod", "compound", "nmod", "nummod", "quantmod", "advmod", "npadvmod", "det", "predet"}
    ),
    kind_modifiers=frozenset({"amod", "compound"}),
    name_modifiers=frozenset({"compound", "nmod", "amod"}),
    picking_out=frozenset({"prep", "relcl", "acl", "nummod", "poss"}),
    degree_tags=frozenset({"JJR", "JJS", "CD"}),
    possessive_marker_tags=frozenset({"POS"}),
    participle=lambda tok: tok.tag_ == "VBN",
    gerund=lambda tok: tok.tag_ == "VBG",
    infinitive=lambda tok: tok.tag_ == "VB",
    relative_pronoun=lambda tok: tok.tag_ in ("WDT", "WP", "WP$"),
    singular=lambda tok: tok.tag_ in ("NN", "NNP"),
)


def _adapt(nlp: Language) -> None:
    """Job titles ("CPO", "Chief Executive") are marked TITLE ahead of the NER, which takes them for names,
    and amounts after a currency sign MONEY, which it misses. A scale letter's full stop ends a sentence
    ("rose to £300m. Sales fell"): the tokenizer's "m." abbreviation would join the two."""
    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer (a compiled class without type information)
    tokenizer.rules = {text: rule for text, rule in tokenizer.rules.items() if text not in words.SCALE_ABBREVIATIONS}
    if "ner" in nlp.pipe_names:
        ruler = cast(EntityRuler, nlp.add_pipe("entity_ruler", name="kg_rulers", before="ner"))
        ruler.add_patterns(words.TITLE_PATTERNS + words.MONEY_PATTERNS)


def _classifier() -> Callable[[Doc], Iterator[tuple[Span, Span, Predicate, float]]]:
    """The CoNLL04-trained name recogniser and relation classifier, as a doc -> statements function."""
    from kg.extract.relations import Classifier

    return Classifier.load().statements


PACK = LanguagePack.of(
    "en",
    CLEARNLP,
    words,
    entity_classes={
        "PERSON": "Person",
        "ORG": "Organization",
        "GPE": "Place",
        "LOC": "Place",
        "FAC": "Place",
        "PRODUCT": "Product",
        "WORK_OF_ART": "CreativeWork",
        "EVENT": "Event",
        "NORP": "Group",
        "LAW": "CreativeWork",
    },
    value_labels=frozenset({"MONEY", "PERCENT", "CARDINAL", "QUANTITY", "DATE", "TIME"}),
    place_labels=frozenset({"GPE", "LOC", "FAC"}),
    examples=examples,
    adapt=_adapt,
    classifier=_classifier,
)
# the order they run in on each token: a verb's clause, what a noun of intention means to do, whom competition
# comes from, else an apposition; possessives, roles held in a name; titles and class nouns before a name;
# where a name is based; a figure on a noun of a priced act, a relation said by a noun, rivals
for _construction in (
    clause,
    intended,
    competition_from,
    appositive,
    possessive,
    role_held_in,
    title_before_name,
    kind_before_name,
    based_in,
    name_in_place,
    figure_noun,
    nominal_relation,
    rival,
):
    PACK.construction(_construction)
