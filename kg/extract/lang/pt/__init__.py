"""Portuguese: kg's own spaCy pipeline (Universal Dependencies, PER/ORG/LOC entities; trained by `kg train
portuguese` and shipped in `pipeline/`), Portuguese words, a ruler for values the NER does not mark
("US$ 13,7 bilhões", "41%", "16 de novembro de 2023") and the clause and definitional constructions."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any, cast

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Token

from kg.extract.lang import LanguagePack
from kg.extract.lang.pt import words
from kg.extract.lang.pt.clauses import appositive, clause, copula, examples, possessive, role_held_in
from kg.extract.syntax import UNIVERSAL
from kg.extract.values import YEAR

__all__ = ["PACK", "PIPELINE"]

PIPELINE = Path(__file__).with_name("pipeline")  # what `kg train portuguese` writes; KG_MODEL_PT names another

_PARTICIPLE = re.compile(r"(?:[aeií]d|ert|eit|ost|ox|it)[oa]s?$")  # contratado, vendida, aberto, feito, posto


def _participle(tok: Token) -> bool:
    """'contratado' in 'foi contratado': by the morphology where the pipeline gives it, else the ending."""
    forms = tok.morph.get("VerbForm", [])
    return "Part" in forms if forms else tok.pos_ == "VERB" and bool(_PARTICIPLE.search(tok.lower_))


def _gerund(tok: Token) -> bool:
    forms = tok.morph.get("VerbForm", [])
    return "Ger" in forms if forms else tok.pos_ == "VERB" and tok.lower_.endswith("ndo")


_NUMBER = {"LIKE_NUM": True}
_YEAR = {"TEXT": {"REGEX": rf"^{YEAR}$"}}
_SCALE = {"LOWER": {"IN": sorted(words.SCALES)}}
_MONTH = {"LOWER": {"IN": sorted(words.MONTHS)}}
VALUE_PATTERNS: list[dict[str, Any]] = [
    {
        "label": "MONEY",
        "pattern": [{"TEXT": {"IN": ["US$", "R$", "U$", "€", "£", "$"]}}, _NUMBER, {**_SCALE, "OP": "?"}],
    },
    {
        "label": "MONEY",
        "pattern": [
            _NUMBER,
            {**_SCALE, "OP": "?"},
            {"LOWER": "de", "OP": "?"},
            {"LOWER": {"IN": [w for w, _ in words.CURRENCIES]}},
            {"LOWER": {"IN": sorted(words.CURRENCY_QUALIFIERS)}, "OP": "?"},
        ],
    },
    {"label": "PERCENT", "pattern": [_NUMBER, {"TEXT": "%"}]},
    {"label": "PERCENT", "pattern": [_NUMBER, {"LOWER": "por"}, {"LOWER": "cento"}]},
    {"label": "DATE", "pattern": [_YEAR]},
    {
        "label": "DATE",
        "pattern": [
            {"TEXT": {"REGEX": r"^\d{1,2}º?$"}},
            {"LOWER": "de"},
            _MONTH,
            {"LOWER": "de", "OP": "?"},
            {**_YEAR, "OP": "?"},
        ],
    },
    {"label": "DATE", "pattern": [_MONTH, {"LOWER": "de"}, _YEAR]},
    {"label": "DATE", "pattern": [_MONTH]},
    {"label": "CARDINAL", "pattern": [{"LIKE_NUM": True, "TEXT": {"REGEX": rf"^(?!{YEAR}$)"}}, {**_SCALE, "OP": "?"}]},
]


def _add_rulers(nlp: Language) -> None:
    """Job titles ("CPO") are marked TITLE ahead of the NER, which takes them for names; values ("US$ 13,7
    bilhões", "41%", "em 2013") after it, since it knows only names."""
    if "ner" in nlp.pipe_names:
        titles = cast(EntityRuler, nlp.add_pipe("entity_ruler", name="kg_titles", before="ner"))
        titles.add_patterns(words.TITLE_PATTERNS)
        values = cast(EntityRuler, nlp.add_pipe("entity_ruler", name="kg_values", after="ner"))
        values.add_patterns(VALUE_PATTERNS)


PACK = LanguagePack.of(
    "pt",
    dataclasses.replace(UNIVERSAL, participle=_participle, gerund=_gerund),
    words,
    entity_classes={"PER": "Person", "ORG": "Organization", "LOC": "Place", "MISC": "Thing"},
    value_labels=frozenset({"MONEY", "PERCENT", "CARDINAL", "QUANTITY", "DATE", "TIME"}),
    place_labels=frozenset({"LOC"}),
    examples=examples,
    adapt=_add_rulers,
)
for _construction in (clause, copula, appositive, possessive, role_held_in):
    PACK.construction(_construction)
