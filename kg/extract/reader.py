"""The language-neutral reader core: one parsed paragraph in, mentions and statements out.

The core knows no language. It finds the names of a paragraph, says what a token stands for (a name, a
value, a pronoun, a description that points back, a common-noun phrase), records statements with their
offsets and calibrated confidence, and runs the constructions its language pack registered on every
token (kg/extract/lang/). What a label or a word means comes from the pack: its syntax profile
(kg/extract/syntax.py) and its `Lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from kg.extract.calibration import Calibration
from kg.extract.modality import denied, negated, read_modality, statement_cues
from kg.extract.names import trim
from kg.extract.quotes import quotations, speaker
from kg.extract.relations import RESIDENCE
from kg.extract.spans import hyphen_start, is_title, name_spans
from kg.extract.values import date as parse_date
from kg.extract.values import value_of
from kg.records import SPEAKER, SPEAKERS, Argument, Literal, Mention, MentionKind, Predicate, Statement

if TYPE_CHECKING:
    from kg.extract.lang import LanguagePack

__all__ = ["Reader", "relation", "camel", "IS_A", "JOB_TITLE", "HAS"]

# the ontology's own predicates, which every language's definitions state
IS_A = Predicate("is a", "kg:isA")
JOB_TITLE = Predicate("job title", "schema:jobTitle")
HAS = Predicate("has", "kg:has")


def camel(label: str) -> str:
    """'report to' -> 'reportTo': the local name of a relation."""
    words = re.findall(r"[^\W_]+", label.lower())
    return words[0] + "".join(w.capitalize() for w in words[1:]) if words else "relatedTo"


def relation(label: str) -> Predicate:
    return Predicate(label, camel(label))


EVIDENCE_PATH = 4  # most dependency edges between two names for the classifier's relation to stand


def tree_distance(a: Token, b: Token) -> int:
    """Dependency edges between two tokens of a sentence (through their lowest common head)."""
    up_a = [a, *a.ancestors]
    depth_b = {t.i: k for k, t in enumerate([b, *b.ancestors])}
    return next((k + depth_b[t.i] for k, t in enumerate(up_a) if t.i in depth_b), len(a.doc))


def _gender(head: Token) -> str | None:
    """The grammatical gender the pipeline marks on a name or a pronoun standing alone (not on a possessive:
    Portuguese "sua" agrees with what is owned, not with the owner), if any."""
    return next((g for g in head.morph.get("Gender", []) if g in ("Masc", "Fem")), None)


Construction = Callable[["Reader", Token], None]


class Reader:
    """Reads the statements of one parsed paragraph; offsets are shifted into document coordinates."""

    def __init__(
        self, doc: Doc, offset: int, sentence_of: dict[int, int], calibration: Calibration, pack: LanguagePack
    ) -> None:
        self.doc = doc
        self.calibration = calibration
        self.pack = pack
        self.syntax = pack.syntax
        self.lexicon = pack.lexicon
        self.offset = offset
        self.sentence_of = sentence_of  # token index -> document sentence index
        self._before_name = self.lexicon.leading_function_words | self.lexicon.honorifics
        self.span_of: dict[int, tuple[Span, str]] = {}
        spans = name_spans(doc, pack)
        for span, label in spans:
            for tok in span:
                self.span_of[tok.i] = (span, label)
        self.mentions: dict[tuple[int, int], Mention] = {}
        self.statements: list[Statement] = []
        self.roles: list[tuple[str, str, int]] = []  # (role phrase, name, its start): "the CEO of OpenAI"
        self.speakers: list[tuple[Mention, Mention]] = []  # (pronoun in a quotation, the quotation's speaker)
        self._quotes: list[tuple[int, int]] | None = None  # the paragraph's quotations, found when first asked
        longer = (
            (self.trim(span, name=True), label)
            for span, label in spans
            if pack.entity_classes.get(label) in ("Person", "Organization")
        )
        self.names = [(name.text, pack.entity_classes[label]) for name, label in longer if len(name) > 1]
        self._seen: set[tuple] = set()

    # ---- arguments -------------------------------------------------------------------------------
    def trim(self, span: Span, name: bool = False) -> Span:
        """The span without leading function words (and honorifics, for a `name`: "Mr Sullivan" is
        Sullivan) and trailing possessives or punctuation."""
        leading = self._before_name if name else self.lexicon.leading_function_words
        return trim(span, leading, possessive_tags=self.syntax.possessive_marker_tags)

    def mention(self, span: Span, kind: MentionKind, label: str, head: Token) -> Mention | None:
        if kind != "pronoun":  # "its" is a function word before a name, and a pronoun on its own
            trimmed = self.trim(span, name=kind == "entity")
            if kind == "entity" and any(
                t.lower_ in self.lexicon.honorifics for t in span[: trimmed.start - span.start]
            ):
                label = "Person"  # "Mr Varga", "Prof Moritz": whatever the NER said
            span = trimmed
        if not any(c.isalnum() for c in span.text):  # "<" or "=" left by markup is nothing
            return None
        start, end = self.offset + span.start_char, self.offset + span.end_char
        key = (start, end)
        if key not in self.mentions:
            lemma = head.lemma_.lower()
            possessive = kind == "pronoun" and span.text.lower() in self.lexicon.possessive_pronouns
            self.mentions[key] = Mention(
                start,
                end,
                span.text,
                kind,
                label,
                self.sentence_of[span.start],
                lemma,
                self._subject(head, kind),
                self.lexicon.noun_class.get(lemma),
                lemma in self.lexicon.generic,
                possessive,
                kind == "concept" and any(t.i in self.span_of for t in span if t.i != head.i),
                kind == "concept"
                and self.syntax.singular(head)
                and not any(c.dep_ == self.syntax.apposition and self.is_name(c) for c in head.children),
                _gender(head) if kind == "entity" or (kind == "pronoun" and not possessive) else None,
            )
        return self.mentions[key]

    def _subject(self, head: Token, kind: MentionKind) -> bool:
        """Whether a mention is its clause's subject, or a name or description that possesses it ("Orbis's
        tools came from acquisitions. In 2003 it bought ...": Orbis goes on as the topic; a possessive
        pronoun has a rule of its own)."""
        syntax = self.syntax
        return head.dep_ in syntax.nominal_subject or (
            kind != "pronoun" and head.dep_ == syntax.possessive and head.head.dep_ in syntax.nominal_subject
        )

    def named_mention(self, span: Span, name: str, label: str) -> Mention | None:
        """An entity the text names by another word ('Iranian' in 'Iranian President' names Iran): the mention
        keeps the word's place in the text and carries the name (None where the word is already a mention of
        something else)."""
        start, end = self.offset + span.start_char, self.offset + span.end_char
        known = self.mentions.get((start, end))
        if known is None:
            known = self.mentions[(start, end)] = Mention(
                start, end, name, "entity", label, self.sentence_of[span.start], name.lower(), fixed=True
            )
        return known if known.text == name else None

    def part_mention(self, tok: Token, start: int, end: int, kind: MentionKind, label: str) -> Mention:
        """A mention of characters `start:end` of one token ("-o" in "contratou-o" is a pronoun)."""
        first, last = self.offset + tok.idx + start, self.offset + tok.idx + end
        if (first, last) not in self.mentions:
            text = tok.text[start:end]
            self.mentions[(first, last)] = Mention(
                first,
                last,
                text,
                kind,
                label,
                self.sentence_of[tok.i],
                text.lower(),
                possessive=text.lower() in self.lexicon.possessive_pronouns,
            )
        return self.mentions[(first, last)]

    def null_subject(self, verb: Token) -> Mention:
        """The subject a pro-drop language leaves unsaid ("Contratou LeCun em 2013"): a pronoun at its verb,
        which points back like a subject pronoun."""
        start, end = self.offset + verb.idx, self.offset + verb.idx + len(verb.text)
        if (start, end) not in self.mentions:
            self.mentions[(start, end)] = Mention(
                start, end, verb.text, "pronoun", "Any", self.sentence_of[verb.i], subject=True
            )
        return self.mentions[(start, end)]

    def quotes(self) -> list[tuple[int, int]]:
        """The paragraph's quotations (character offsets in the paragraph), found when first asked for."""
        if self._quotes is None:
            self._quotes = quotations(self.doc.text)
        return self._quotes

    def _quoted_pronoun(self, tok: Token, cls: str) -> Mention | None:
        """A pronoun, noted with the speaker of the quotation it is in: "I" and "we" (of class Speaker or
        Speakers) stand for the speaker's side and are None where no speaker is named; "he" or "she" there is
        someone other than the speaker."""
        said_by = speaker(self.doc, self.quotes(), tok, self.lexicon.speech_verbs, self.syntax.nominal_subject)
        who = self.argument(said_by) if said_by is not None else None
        first_person = cls in (SPEAKER, SPEAKERS)
        if first_person and (not isinstance(who, Mention) or who.kind == "concept"):
            return None
        mention = self.mention(self.doc[tok.i : tok.i + 1], "pronoun", cls, tok)
        if mention is not None and isinstance(who, Mention):
            self.speakers.append((mention, who))
        return mention

    def appositions(self, tok: Token) -> Iterator[tuple[Token, Token]]:
        """(name, noun) of the apposition `tok` makes with its head, either way round: "Peter Lund, the founder
        of Quarry Labs", "the founder, Peter Lund"."""
        for name, noun in ((tok.head, tok), (tok, tok.head)):
            if name.i in self.span_of and noun.i not in self.span_of and (noun.pos_ == "NOUN" or is_title(noun)):
                yield name, noun

    def is_name(self, tok: Token) -> bool:
        """Whether the token is part of a name (an entity span that is not a value)."""
        return tok.i in self.span_of and self.span_of[tok.i][1] not in self.pack.value_labels

    def name_on(self, noun: Token) -> Token | None:
        """The name written just before a noun and hung on it ("its Nimbus unit", "Halton prison"), if any."""
        return next(
            (
                c
                for c in noun.lefts
                if c.dep_ in self.syntax.name_modifiers and self.is_name(c) and self.span_of[c.i][0].end == noun.i
            ),
            None,
        )

    def is_place(self, tok: Token) -> bool:
        """Whether the token is part of a place's name."""
        return tok.i in self.span_of and self.span_of[tok.i][1] in self.pack.place_labels

    def entity(self, tok: Token) -> Mention | None:
        span, label = self.span_of[tok.i]
        return self.mention(span, "entity", self.pack.entity_classes.get(label, "Thing"), span.root)

    def concept(self, tok: Token) -> Mention | None:
        """A common-noun phrase: the head with its modifiers and an 'of' complement."""
        syntax = self.syntax
        tokens = [tok]
        for child in tok.lefts:
            if child.dep_ in syntax.concept_modifiers or (child.dep_ == syntax.possessive and self.is_name(child)):
                tokens.extend(child.subtree)  # "Japan's economy": whose it is stays with it
        for child in tok.rights:
            if child.dep_ in syntax.trailing_modifiers:
                tokens.extend(child.subtree)
                continue
            prep = syntax.preposition_of(child)
            if prep is not None and prep.lower_ in self.lexicon.complement_prepositions:
                clauses = [
                    t
                    for t in child.subtree
                    if t.dep_ in (syntax.relative_clause, syntax.clausal_modifier, syntax.apposition)
                ]
                left_out = {t.i for c in clauses for t in c.subtree}
                tokens.extend(t for t in child.subtree if t.i not in left_out)
        start, end = min(hyphen_start(tok), *(t.i for t in tokens)), max(t.i for t in tokens) + 1
        if (
            self.doc.text.count('"', self.doc[start].idx, self.doc[end - 1].idx) % 2
            and end < len(self.doc)
            and self.doc[end].text == '"'
        ):
            end += 1  # 'uma equipe de "alto nível"': the quote the parser hung elsewhere closes the phrase
        span = self.doc[start:end]
        if span.text.count('"') % 2 or any(
            t.dep_ in (syntax.relative_clause, syntax.apposition) for t in span if t.i != tok.i
        ):
            span = self.doc[start : tok.i + 1]
        mention = self.mention(span, "concept", "Concept", tok)
        return None if mention is None or mention.text.lower() in self.lexicon.pronoun_classes else mention

    def argument(self, tok: Token) -> Argument | None:
        """What a subject or object token stands for: a name, a value, a pronoun or a phrase."""
        syntax, lexicon = self.syntax, self.lexicon
        if tok.lower_ in lexicon.relative_pronouns and syntax.relative_pronoun(tok):
            clause = next(
                (a for a in tok.ancestors if a.dep_ in (syntax.relative_clause, syntax.clausal_modifier)), None
            )
            return self.argument(clause.head) if clause is not None else None
        if tok.i in self.span_of:
            span, label = self.span_of[tok.i]
            if label in self.pack.value_labels:
                of = next(
                    (
                        c
                        for t in span
                        for c in t.children
                        if (p := syntax.preposition_of(c)) is not None
                        and p.lower_ in lexicon.complement_prepositions
                        and not span.start <= c.i < span.end
                    ),
                    None,
                )
                if label != "DATE" and of is not None:  # "one-third of its researchers": what is counted (not the
                    # currency of "2,5 trilhões de dólares", which is part of the value)
                    counted = next(iter(syntax.governed(of)), of)
                    return self.mention(self.doc[span.start : of.right_edge.i + 1], "concept", "Concept", counted)
                return value_of(label, self.trim(span).text or span.text, self.pack.value_words)
            return self.entity(tok)
        if tok.pos_ == "PRON":
            cls = lexicon.pronoun_classes.get(tok.lower_)
            if cls is None and tok.lower_ in lexicon.speaker_pronouns:
                return self._quoted_pronoun(tok, lexicon.speaker_pronouns[tok.lower_])
            return self._quoted_pronoun(tok, cls) if cls else None
        if tok.pos_ not in ("NOUN", "PROPN", "NUM", "X"):
            return None
        if tok.dep_ == syntax.apposition and self.is_name(tok.head):
            return self.entity(tok.head)  # "Castellan Group, a developer based in Lisbon": the developer is it
        named = [c for c in tok.children if c.dep_ == syntax.apposition and self.is_name(c)]
        if named:  # a name set off by commas names it; one right after it may be a modifier ("sua divisão
            # Metaverse, Reality Labs" is Reality Labs)
            return self.entity(next((c for c in named if self.set_off(c)), named[0]))
        if self.describes(tok):  # "the company", "the social network", "the Stockholm-based company"
            first = min([tok.i, *(c.left_edge.i for c in tok.children if c.dep_ in syntax.kind_modifiers)])
            return self.mention(self.doc[first : tok.i + 1], "description", lexicon.noun_class[tok.lemma_.lower()], tok)
        return self.concept(tok)

    def describes(self, tok: Token) -> bool:
        """Whether a noun phrase can point back at something named before: "the" (or "this", "that") and a
        class noun, with modifiers that describe its kind ("the social network", "the streaming company").
        Not with a clause or preposition that picks it out (one set off by a comma only adds to it: "the firm,
        which floated in 2003, ..." is the firm named before), a modifier that makes it another ("the rival
        company") or one that tells where it is from ("the Israeli firm", "the Stockholm-based company"):
        those pick one of several, which the nearest fitting name often is not."""
        syntax, lexicon = self.syntax, self.lexicon
        modifiers = [t for c in tok.children if c.dep_ in syntax.kind_modifiers for t in c.subtree]
        return (
            tok.lemma_.lower() in lexicon.noun_class
            and syntax.singular(tok)
            and any(c.dep_ == syntax.determiner and c.lower_ in lexicon.definite for c in tok.children)
            and not any(c.dep_ in syntax.picking_out and not self.set_off(c) for c in tok.children)
            and not any(
                t.lower_ in lexicon.other_referent
                or t.tag_ in syntax.degree_tags
                or t.pos_ == "PROPN"
                or t.ent_type_
                or t.lower_.endswith(lexicon.origin_suffix)
                for t in modifiers
            )
        )

    def set_off(self, dependent: Token) -> bool:
        """Whether a dependent after its head is set off from it by a comma ("the firm, which ...")."""
        first = dependent.left_edge.i
        while first < dependent.i and self.doc[first].is_punct:  # the comma the parser hung from the dependent
            first += 1
        return first - 1 > dependent.head.i and self.doc[first - 1].text == ","

    # ---- statements ------------------------------------------------------------------------------
    def add(
        self,
        subject: Argument | None,
        predicate: Predicate,
        obj: Argument | None,
        tokens: list[Token],
        pattern: str,
        negated: bool = False,
        when: Literal | None = None,
        probability: float | None = None,
    ) -> None:
        """Record a statement; its confidence is calibrated from the pattern and the kinds of its ends
        (or, for the classifier, from its `probability`)."""
        if subject is None or obj is None or subject == obj or isinstance(subject, Literal):
            return
        key = (subject, predicate.local_name, obj)
        if key in self._seen:
            return
        self._seen.add(key)
        first = min(t.idx for t in tokens)
        last = max(tokens, key=lambda t: t.idx)
        end = last.idx + len(last)
        text = self.doc.text[first:end]
        modality = read_modality(tokens, self.syntax, self.lexicon)
        if denied(tokens, self.syntax, self.lexicon):
            negated = not negated  # "Globex denied that it bought X": that it did not is what is said
        cues = statement_cues(tokens, text, self.lexicon, self.quotes())
        confidence = (
            self.calibration.classifier(probability)
            if probability is not None
            else self.calibration.statement(pattern, subject, obj, len(text), cues, modality)
        )
        self.statements.append(
            Statement(
                subject,
                predicate,
                obj,
                self.sentence_of[tokens[0].i],
                self.offset + first,
                self.offset + end,
                negated,
                confidence,
                when,
                pattern,
                cues,
                probability,
                modality,
            )
        )

    def expand(self, tokens: list[Token]) -> list[Token]:
        """The argument tokens with their conjuncts and the names given as their examples."""
        out: list[Token] = []
        for tok in tokens:
            for member in (tok, *tok.conjuncts):
                if member not in out:
                    out.append(member)
                    out.extend(t for t in self.pack.examples(self, member) if t not in out)
        return out

    def negated(self, tok: Token) -> bool:
        return negated(tok, self.syntax, self.lexicon)

    def topic_pattern(self, verb: Token) -> str:
        """The construction a speaker's topic is read by: "comment-topic" after a verb that itself means
        commenting ("LeCun commented: ..."), a fact; "speech-topic" after the others ("said"), a clause."""
        return "comment-topic" if verb.lemma_.lower() in self.lexicon.commenting else "speech-topic"

    def particles(self, verb: Token) -> list[str]:
        """'set up', and 'stepped down' where the parser calls the particle an adverb."""
        syntax = self.syntax
        return [
            c.lower_
            for c in verb.children
            if c.dep_ == syntax.particle
            or (c.dep_ == syntax.adverb and c.i == verb.i + 1 and c.lower_ in self.lexicon.adverb_particles)
        ]

    def verb_label(self, verb: Token) -> str:
        return " ".join([verb.lemma_.lower(), *self.particles(verb)])

    def date_of(self, verb: Token) -> Literal | None:
        syntax = self.syntax
        for child in verb.children:
            candidates = [child] if child.dep_ in syntax.temporal else syntax.governed(child, syntax.verb_prepositions)
            for tok in candidates:
                if tok.i in self.span_of and self.span_of[tok.i][1] == "DATE":
                    return parse_date(self.trim(self.span_of[tok.i][0]).text, self.pack.value_words)
        return None

    def is_date(self, tok: Token) -> bool:
        return tok.i in self.span_of and self.span_of[tok.i][1] in ("DATE", "TIME")

    def subjects(self, verb: Token) -> tuple[list[Token], bool]:
        """Subject tokens of a clause and whether the clause is passive."""
        syntax = self.syntax
        passive = any(c.dep_ in syntax.passive for c in verb.children)
        subs = [c for c in verb.children if c.dep_ in syntax.subject]
        if not subs:
            if verb.dep_ == syntax.conjunct and verb.head.pos_ in ("VERB", "AUX"):
                subs, head_passive = self.subjects(verb.head)  # "was born in X and grew up in Y":
                passive = passive or (head_passive and syntax.participle(verb))  # only a participle shares "was"
            elif verb.dep_ == syntax.adverbial_clause and syntax.gerund(verb):
                subs, _ = self.subjects(verb.head)
            elif (
                verb.dep_ == syntax.prepositional_complement
                and syntax.gerund(verb)
                and verb.head.head.pos_ in ("VERB", "AUX")
            ):
                subs, _ = self.subjects(verb.head.head)  # "Before joining Airbus, he ran ...": he joined
            elif verb.dep_ == syntax.clausal_modifier and syntax.participle(verb):
                subs, passive = [verb.head], True
            elif verb.dep_ == syntax.clausal_modifier and syntax.gerund(verb):
                subs = [verb.head]
        return self.expand(subs), passive

    def preposition_objects(self, head: Token, preposition: str) -> list[Token]:
        """The objects of the head's preposition ("as" in "served as CFO", "to" in "sold X to Y")."""
        return [
            obj
            for prep, obj in self.syntax.objects_of(head, self.syntax.verb_prepositions)
            if prep.lower_ == preposition
        ]

    def classified(self, statements: Iterator[tuple[Span, Span, Predicate, float]]) -> None:
        """Statements a relation classifier found between two names of a sentence (each labelled with the
        class the relation takes it as), where the sentence's structure links them closely enough to say
        something of both (not "X attended a ceremony in the town of Y") and the pipeline's names are of
        those classes (no one lives in a firm the recogniser named an organisation). A place that is only the
        possessor of a name's role ("Norway's peace negotiator X") says whom X acts for, not where X lives."""
        for a, b, predicate, p in statements:
            if (
                any(
                    s.root.i not in self.span_of or self.pack.entity_classes.get(self.span_of[s.root.i][1]) != s.label_
                    for s in (a, b)
                )
                or tree_distance(a.root, b.root) > EVIDENCE_PATH
                or (predicate.local_name == RESIDENCE and b.root.dep_ == self.syntax.possessive)
            ):
                continue
            tokens = list(self.doc[min(a.start, b.start) : max(a.end, b.end)])
            negated = any(t.lower_ in self.lexicon.negators for t in tokens)
            self.add(self.entity(a.root), predicate, self.entity(b.root), tokens, "classifier", negated, probability=p)

    def run(self, classified: Iterator[tuple[Span, Span, Predicate, float]] | None = None) -> None:
        """Read every construction of the language on every token; a classifier's statements first."""
        if classified is not None:
            self.classified(classified)
        constructions = self.pack.constructions
        for tok in self.doc:
            for construction in constructions:
                construction(self, tok)
        for span, label in self.span_of.values():  # whose a thing is, for what points back at it: "Globex's
            # plant ... it"
            if span.root.dep_ == self.syntax.possessive and self.pack.entity_classes.get(label) in (
                "Person",
                "Organization",
            ):
                self.entity(span.root)
