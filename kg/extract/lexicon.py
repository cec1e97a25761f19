"""The words a language gives the reader core to look up: one record per language pack."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Lexicon"]


@dataclass(frozen=True)
class Lexicon:
    """The words the reader core looks up, for one language."""

    noun_class: dict[str, str]  # class nouns: "company" -> Organization
    generic: frozenset[str]  # class nouns that, with "the", point back at any thing of their class
    other_referent: frozenset[str]  # modifiers that make "the ... company" another one ("the rival company")
    origin_suffix: str  # "the Stockholm-based company" tells where it is from
    pronoun_classes: dict[str, str]  # "he" -> Person, "it" -> Thing
    possessive_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    definite: frozenset[str]  # determiners of a description that points back
    leading_function_words: frozenset[str]  # left off the start of a mention
    honorifics: frozenset[str]  # left off the start of a name: "Mr Sullivan" is Sullivan
    complement_prepositions: frozenset[str]  # "of" in "the division of X": kept in a concept
    negators: frozenset[str]
    adverb_particles: frozenset[str]  # "stepped down" where the parser calls "down" an adverb
    date_words: re.Pattern[str]  # a DATE entity is a date only with one of these
    hedges: re.Pattern[str]  # "might", "whether", "allegedly"
    common_acronyms: frozenset[str] = frozenset()  # capitals that are common nouns, not names ("IA": intelligence)
    modals: frozenset[str] = frozenset()  # auxiliaries of a possibility ("could", "might")
    conditions: frozenset[str] = frozenset()  # conjunctions of a condition ("if", "unless")
    claims: frozenset[str] = frozenset()  # lemmas of verbs and nouns whose complement is claimed, not stated
    # ("allege", "allegation")
    denials: frozenset[str] = frozenset()  # lemmas of verbs whose complement is denied ("deny")
    future: frozenset[str] = frozenset()  # auxiliaries of the future ("will")
    intentions: frozenset[str] = frozenset()  # lemmas whose to-infinitive is planned, not done ("plan", "deal")
    demonyms: dict[str, str] = field(default_factory=dict)  # a people's adjective (or its lemma) -> its country
    offices_of_state: frozenset[str] = frozenset()  # roles a people's adjective says are its country's
    roles_held_in: frozenset[str] = frozenset()  # roles a name compounded before them says where they are held
    speaker_pronouns: dict[str, str] = field(default_factory=dict)  # inside a quotation: "I" -> Speaker (the
    # speaker), "we" -> Speakers (the speaker's side)
    speech_verbs: frozenset[str] = frozenset()  # lemmas of verbs of saying ("say", "tell")
    commenting: frozenset[str] = frozenset()  # those that themselves mean commenting on a topic ("comment")
