"""Language packs: what kg needs to read one language, looked up by its ISO 639-1 code.

A pack is data plus registered constructions, as spaCy's `lang/<code>/` packages are: a syntax profile
(which labels of its parser's scheme mark subject, object, preposition object, apposition, ...), a
`Lexicon` the reader core looks words up in, the words its values and names are written with, how its NER
labels map onto kg's classes, and the constructions that read statements, in the order they run. A
pack may also adapt the spaCy pipeline it is read with (English adds a job-title ruler) and bring a
relation classifier.

Packs are listed here by module, like rdflib's plugins, and imported on first use; each module builds
its `LanguagePack` as `PACK`. Adding a language is adding a package under `kg/extract/lang/` and a line
to `MODULES`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import ModuleType

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import Lexicon
from kg.extract.reader import Construction, Reader
from kg.extract.syntax import Syntax
from kg.extract.values import ValueWords
from kg.records import NameWords, Predicate

__all__ = ["LanguagePack", "MODULES", "get", "codes"]

MODULES = {"en": "kg.extract.lang.en", "pt": "kg.extract.lang.pt"}

Classified = Callable[[Doc], Iterator[tuple[Span, Span, Predicate, float]]]


def _no_examples(reader: Reader, tok: Token) -> list[Token]:
    return []


@dataclass
class LanguagePack:
    """Everything language-specific about reading one language."""

    code: str
    syntax: Syntax
    lexicon: Lexicon
    value_words: ValueWords
    name_words: NameWords
    entity_classes: dict[str, str]  # NER label -> kg class ("PERSON" -> Person)
    value_labels: frozenset[str]  # NER labels of values, not names (MONEY, DATE, ...)
    place_labels: frozenset[str]
    constructions: list[Construction] = field(default_factory=list)  # run on every token, in this order
    examples: Callable[[Reader, Token], list[Token]] = _no_examples  # "platforms such as X": X is an argument too
    adapt: Callable[[Language], None] | None = None  # changes to a loaded spaCy pipeline (entity rulers)
    classifier: Callable[[], Classified] | None = None  # loads a relation classifier: doc -> statements

    @classmethod
    def of(cls, code: str, syntax: Syntax, words: ModuleType, **parts) -> LanguagePack:
        """A pack whose lexicon, value words and name words are read from a words module that defines
        them by the names the English and Portuguese ones use (NOUN_CLASS, NEGATORS, SCALES, ...)."""
        lexicon = Lexicon(
            noun_class=words.NOUN_CLASS,
            generic=frozenset(words.GENERIC_DESCRIPTIONS),
            other_referent=frozenset(words.OTHER_REFERENT),
            origin_suffix=words.ORIGIN_SUFFIX,
            pronoun_classes=words.PRONOUN_CLASSES,
            possessive_pronouns=frozenset(words.POSSESSIVE_PRONOUNS),
            relative_pronouns=frozenset(words.RELATIVE_PRONOUNS),
            definite=frozenset(words.DEFINITE),
            leading_function_words=frozenset(words.LEADING_FUNCTION_WORDS),
            honorifics=frozenset(words.HONORIFICS),
            complement_prepositions=frozenset(words.COMPLEMENT_PREPOSITIONS),
            negators=frozenset(words.NEGATORS),
            adverb_particles=frozenset(words.ADVERB_PARTICLES),
            date_words=words.DATE_WORDS,
            hedges=words.HEDGES,
            common_acronyms=frozenset(words.COMMON_ACRONYMS),
            modals=frozenset(words.MODALS),
            conditions=frozenset(words.CONDITIONS),
            claims=frozenset(words.CLAIMS),
            denials=frozenset(words.DENIALS),
            future=frozenset(words.FUTURE),
            intentions=frozenset(words.INTENTIONS),
            demonyms=words.DEMONYMS,
            offices_of_state=frozenset(words.OFFICES_OF_STATE),
            roles_held_in=frozenset(words.ROLES_HELD_IN),
            speaker_pronouns=words.SPEAKER_PRONOUNS,
            speech_verbs=frozenset(words.SPEECH),
            commenting=frozenset(words.COMMENTING),
        )
        values = ValueWords(
            words.SCALES, words.CURRENCIES, words.NUMBERS, words.DATE_PREFIX, words.DATE_FORMATS, words.MONTHS
        )
        names = NameWords(
            frozenset(words.NOUN_CLASS),
            frozenset(words.CORPORATE),
            {word: cls for cls, heads in words.NAME_HEADS.items() for word in heads},
            words.NAME_HEAD_FIRST,
            frozenset(words.ACRONYM_SKIPS),
            words.PLURAL_ENDINGS,
            {name.lower(): english for name, english in words.TRANSLATIONS.items()},
        )
        return cls(code, syntax, lexicon, values, names, **parts)

    def construction(self, function: Construction) -> Construction:
        """Register a construction (a decorator); constructions run in the order they were registered."""
        self.constructions.append(function)
        return function


_loaded: dict[str, LanguagePack] = {}


def get(code: str) -> LanguagePack | None:
    """The pack of a language, or None where kg has none."""
    if code not in _loaded and code in MODULES:
        _loaded[code] = importlib.import_module(MODULES[code]).PACK
    return _loaded.get(code)


def codes() -> list[str]:
    """The languages kg can read."""
    return sorted(MODULES)
