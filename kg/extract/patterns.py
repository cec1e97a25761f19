"""Dependency patterns that read subject-predicate-object statements off a spaCy parse.

Constructions: active and passive verbs with their subjects and objects (and conjuncts and examples
"such as" them; a gerund after a preposition shares its verb's subject: "before joining X, she ..."),
control verbs ("refused to invest in"), prepositional objects, roles given or held ("named her CFO",
"hired her as its CFO", "served as CFO of X"), sales ("sold X to Y": Y buys X), possessed attributes
measured by a value ("Microsoft's market value soared to $2.5 trillion") and the names a speaker talked
about ("LeCun said ChatGPT is ..."); the definitional ones (copula, apposition, titles, possessives) are
in definitions.py. Dates attached to a clause qualify its statements; negation is flagged. The
classifier's statements are added alongside.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.extract.calibration import Calibration
from kg.extract.definitions import Definitions, hyphen_start, is_title, relation
from kg.extract.lexicon import NOUN_CLASS, OTHER_REFERENT, VALUE_LABELS
from kg.extract.names import trim
from kg.extract.relations import PREDICATES, Classifier
from kg.extract.values import date as parse_date
from kg.extract.values import value_of
from kg.records import Argument, Literal, Mention, Predicate, Statement

ENTITY_CLASSES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place",
                  "FAC": "Place", "PRODUCT": "Product", "WORK_OF_ART": "CreativeWork", "EVENT": "Event",
                  "NORP": "Group", "LAW": "CreativeWork"}
PRONOUN_CLASSES = {"he": "Person", "him": "Person", "his": "Person", "she": "Person", "her": "Person",
                   "hers": "Person", "it": "Thing", "its": "Thing", "they": "Group", "them": "Group",
                   "their": "Group"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that", "whose"}
# control verbs whose complement carries the fact: "began to study X" states that S studied X
ASPECTUAL = {"begin", "start", "continue", "keep", "go", "manage", "use"}
# "appointed Ana Costa (as) its CFO", "was named chief executive": the one appointed holds the role
APPOINTING = {"appoint", "name", "elect", "hire", "choose", "select", "nominate", "promote", "install", "recruit",
              "reappoint", "re-elect", "tap", "make"}
# verbs of saying: a name that is the subject of what was said is what the speaker commented on
SPEECH = {"say", "comment", "tell", "state", "add", "note", "argue", "write", "claim", "warn", "insist", "explain",
          "remark", "declare", "announce", "complain", "admit", "acknowledge"}
ADVERB_PARTICLES = {"down", "up", "out", "off", "over", "back", "away"}
NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "nothing", "none", "nobody", "without"}
DATE_WORDS = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|today|yesterday|tomorrow|year|years|month|months|week|weeks|day|"
    r"days|decade|decades|century|quarter|spring|summer|autumn|fall|winter|ago|last|next|past|recent|"
    r"season)\b", re.IGNORECASE)
CONCEPT_MODIFIERS = {"amod", "compound", "nmod", "nummod", "quantmod", "advmod", "npadvmod", "det",
                     "predet"}
LEADING_FUNCTION_WORDS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
                          "our", "my", "your", "'s", "’s", "own", "such"}



def _keep_entity(ent: Span) -> bool:
    if ent.label_ in ("DATE", "TIME"):
        return bool(DATE_WORDS.search(ent.text))
    return ent.label_ in ENTITY_CLASSES or ent.label_ in VALUE_LABELS


def _with_compounds(ent: Span) -> Span:
    """'Tarek Haddad' where the NER only marked 'Haddad': proper-noun compounds join the name."""
    start = ent.start
    while start > 0 and ent.label_ in ENTITY_CLASSES and ent.doc[start - 1].pos_ == "PROPN" and \
            ent.doc[start - 1].dep_ == "compound" and ent.start <= ent.doc[start - 1].head.i < ent.end and \
            not ent.doc[start - 1].ent_type_:
        start -= 1
    return ent.doc[start:ent.end]


def name_spans(doc: Doc) -> list[tuple[Span, str]]:
    """Named entity spans with their spaCy label; proper-noun runs the NER missed count as names."""
    spans = [(_with_compounds(ent), ent.label_) for ent in doc.ents if _keep_entity(ent)]
    covered = {t.i for ent, _ in spans for t in ent} | {t.i for t in doc if is_title(t)}
    i = 0
    while i < len(doc):
        if doc[i].pos_ == "PROPN" and i not in covered:
            j = i
            while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and j + 1 not in covered:
                j += 1
            spans.append((doc[i:j + 1], "NAME"))
            i = j + 1
        else:
            i += 1
    return spans


class ParagraphReader(Definitions):
    """Reads the statements of one parsed paragraph; offsets are shifted into document coordinates."""

    def __init__(self, doc: Doc, offset: int, sentence_of: dict[int, int], calibration: Calibration) -> None:
        self.doc = doc
        self.calibration = calibration
        self.offset = offset
        self.sentence_of = sentence_of  # token index -> document sentence index
        self.span_of: dict[int, tuple[Span, str]] = {}
        spans = name_spans(doc)
        for span, label in spans:
            for tok in span:
                self.span_of[tok.i] = (span, label)
        self.mentions: dict[tuple[int, int], Mention] = {}
        self.statements: list[Statement] = []
        self.roles: list[tuple[str, str, int]] = []  # (role phrase, name, its start): "the CEO of OpenAI"
        longer = ((trim(span, LEADING_FUNCTION_WORDS), label) for span, label in spans if label in ("PERSON", "ORG"))
        self.names = [(name.text, ENTITY_CLASSES[label]) for name, label in longer if len(name) > 1]
        self._seen: set[tuple] = set()

    # ---- arguments -------------------------------------------------------------------------------
    def _mention(self, span: Span, kind: str, label: str, head: Token) -> Mention | None:
        if kind != "pronoun":  # "its" is a function word before a name, and a pronoun on its own
            span = trim(span, LEADING_FUNCTION_WORDS)
        if not any(c.isalnum() for c in span.text):  # "<" or "=" left by markup is nothing
            return None
        start, end = self.offset + span.start_char, self.offset + span.end_char
        key = (start, end)
        if key not in self.mentions:
            self.mentions[key] = Mention(start, end, span.text, kind, label, self.sentence_of[span.start],
                                         head.lemma_.lower(), head.dep_ in ("nsubj", "nsubjpass"))
        return self.mentions[key]

    def is_name(self, tok: Token) -> bool:
        """Whether the token is part of a name (an entity span that is not a value)."""
        return tok.i in self.span_of and self.span_of[tok.i][1] not in VALUE_LABELS

    def entity(self, tok: Token) -> Mention | None:
        span, label = self.span_of[tok.i]
        return self._mention(span, "entity", ENTITY_CLASSES.get(label, "Thing"), span.root)

    def concept(self, tok: Token) -> Mention | None:
        """A common-noun phrase: the head with its modifiers and an 'of' complement."""
        tokens = [tok]
        for child in tok.lefts:
            if child.dep_ in CONCEPT_MODIFIERS:
                tokens.extend(child.subtree)
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in ("of", "de", "do", "da"):
                tokens.extend(t for t in child.subtree if t.dep_ not in ("relcl", "acl", "appos"))
        start, end = min(hyphen_start(tok), *(t.i for t in tokens)), max(t.i for t in tokens) + 1
        span = self.doc[start:end]
        if span.text.count('"') % 2 or any(t.dep_ in ("relcl", "appos") for t in span if t.i != tok.i):
            span = self.doc[start:tok.i + 1]
        mention = self._mention(span, "concept", "Concept", tok)
        return None if mention is None or mention.text.lower() in PRONOUN_CLASSES else mention

    def argument(self, tok: Token) -> Argument | None:
        """What a subject or object token stands for: a name, a value, a pronoun or a phrase."""
        if tok.lower_ in RELATIVE_PRONOUNS and tok.tag_ in ("WDT", "WP", "WP$"):
            clause = next((a for a in tok.ancestors if a.dep_ in ("relcl", "acl")), None)
            return self.argument(clause.head) if clause is not None else None
        if tok.i in self.span_of:
            span, label = self.span_of[tok.i]
            if label in VALUE_LABELS:
                of = next((c for t in span for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                if label != "DATE" and of is not None:  # "one-third of its researchers": what is counted
                    counted = next((g for g in of.children if g.dep_ == "pobj"), of)
                    return self._mention(self.doc[span.start:of.right_edge.i + 1], "concept", "Concept", counted)
                return value_of(label, trim(span, LEADING_FUNCTION_WORDS).text or span.text)
            return self.entity(tok)
        if tok.pos_ == "PRON":
            cls = PRONOUN_CLASSES.get(tok.lower_)
            return self._mention(self.doc[tok.i:tok.i + 1], "pronoun", cls, tok) if cls else None
        if tok.pos_ not in ("NOUN", "PROPN", "NUM", "X"):
            return None
        if tok.dep_ == "appos" and self.is_name(tok.head):
            return self.entity(tok.head)  # "Castellan Group, a developer based in Lisbon": the developer is it
        for child in tok.children:
            if child.dep_ == "appos" and self.is_name(child):
                return self.entity(child)
        if self.describes(tok):  # "the company", "the social network", "the Stockholm-based company"
            first = min([tok.i, *(c.left_edge.i for c in tok.children if c.dep_ in ("amod", "compound"))])
            return self._mention(self.doc[first:tok.i + 1], "description", NOUN_CLASS[tok.lemma_.lower()], tok)
        return self.concept(tok)

    @staticmethod
    def describes(tok: Token) -> bool:
        """Whether a noun phrase can point back at something named before: "the" (or "this", "that") and a
        class noun, with modifiers that describe its kind ("the social network", "the streaming company").
        Not with a clause or preposition that picks it out, a modifier that makes it another ("the rival
        company") or one that tells where it is from ("the Israeli firm", "the Stockholm-based company"):
        those pick one of several, which the nearest fitting name often is not."""
        modifiers = [t for c in tok.children if c.dep_ in ("amod", "compound") for t in c.subtree]
        return tok.lemma_.lower() in NOUN_CLASS and tok.tag_ in ("NN", "NNP") and \
            any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children) and \
            not any(c.dep_ in ("prep", "relcl", "acl", "nummod", "poss") for c in tok.children) and \
            not any(t.lower_ in OTHER_REFERENT or t.tag_ in ("JJR", "JJS", "CD") or t.pos_ == "PROPN" or
                    t.ent_type_ or t.lower_.endswith("based") for t in modifiers)

    # ---- statements ------------------------------------------------------------------------------
    def add(self, subject: Argument | None, predicate: Predicate, obj: Argument | None,
            tokens: list[Token], pattern: str, negated: bool = False, when: Literal | None = None,
            probability: float | None = None) -> None:
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
        confidence = self.calibration.classifier(probability) if probability is not None else \
            self.calibration.statement(pattern, subject, obj, self.doc.text[first:end])
        self.statements.append(Statement(
            subject, predicate, obj, self.sentence_of[tokens[0].i], self.offset + first, self.offset + end, negated,
            confidence, when, pattern))

    def _expand(self, tokens: list[Token]) -> list[Token]:
        """The argument tokens with their conjuncts and the names given as their examples."""
        out: list[Token] = []
        for tok in tokens:
            for member in (tok, *tok.conjuncts):
                if member not in out:
                    out.append(member)
                    out.extend(t for t in self.examples(member) if t not in out)
        return out

    @staticmethod
    def negated(tok: Token) -> bool:
        return any(c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in NEGATORS)
                   for c in tok.children)

    @staticmethod
    def particles(verb: Token) -> list[str]:
        """'set up', and 'stepped down' where the parser calls the particle an adverb."""
        return [c.lower_ for c in verb.children if c.dep_ == "prt" or (
            c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in ADVERB_PARTICLES)]

    def verb_label(self, verb: Token) -> str:
        return " ".join([verb.lemma_.lower(), *self.particles(verb)])

    def date_of(self, verb: Token) -> Literal | None:
        for child in verb.children:
            candidates = [child] if child.dep_ in ("npadvmod", "tmod") else \
                [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
            for tok in candidates:
                if tok.i in self.span_of and self.span_of[tok.i][1] == "DATE":
                    return parse_date(trim(self.span_of[tok.i][0], LEADING_FUNCTION_WORDS).text)
        return None

    def _is_date(self, tok: Token) -> bool:
        return tok.i in self.span_of and self.span_of[tok.i][1] in ("DATE", "TIME")

    def subjects(self, verb: Token) -> tuple[list[Token], bool]:
        """Subject tokens of a clause and whether the clause is passive."""
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if not subs:
            if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
                subs, head_passive = self.subjects(verb.head)  # "was born in X and grew up in Y":
                passive = passive or (head_passive and verb.tag_ == "VBN")  # only a participle shares "was"
            elif verb.dep_ == "advcl" and verb.tag_ == "VBG":
                subs, _ = self.subjects(verb.head)
            elif verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ in ("VERB", "AUX"):
                subs, _ = self.subjects(verb.head.head)  # "Before joining Airbus, he ran ...": he joined
            elif verb.dep_ == "acl" and verb.tag_ == "VBN":
                subs, passive = [verb.head], True
            elif verb.dep_ == "acl" and verb.tag_ == "VBG":
                subs = [verb.head]
        return self._expand(subs), passive

    def clause(self, verb: Token) -> None:
        subjects, passive = self.subjects(verb)
        if not subjects:
            return
        negated = self.negated(verb)
        when = self.date_of(verb)
        label = self.verb_label(verb)
        if verb.lemma_ == "be" and not passive:
            for attr in self._expand([c for c in verb.children if c.dep_ in ("attr",)]):
                for subj in subjects:
                    self.definition(subj, attr, verb, negated or self.negated(attr), "copula")
            return
        objects = self._expand([c for c in verb.children if c.dep_ in ("dobj", "obj")])
        if passive:
            agents = self._expand([g for c in verb.children if c.dep_ == "agent"
                                   for g in c.children if g.dep_ == "pobj"])
            for agent in agents:
                for patient in subjects:
                    self.add(self.argument(agent), relation(label), self.argument(patient),
                             [agent, verb, patient], "passive", negated, when)
            objects = []
            label = " ".join(["be", verb.lower_, *self.particles(verb)])  # "was brought up in": the subject
            # is the one acted on
        self.appointed(subjects if passive else objects, verb, negated, passive)
        if not passive and not objects:
            self.served_as(subjects, verb, negated)
        self.sold(verb, subjects if passive else objects, "", negated, when)
        if verb.lemma_ in SPEECH:
            self.speech_topics(subjects, verb, negated)
        for subj in subjects:
            subject = self.argument(subj)
            for obj in objects:
                self.add(subject, relation(label), self.argument(obj), [subj, verb, obj], "verb-object",
                         negated or self.negated(obj), when)
            if self.measured_attribute(subj, verb, label, negated, when):
                continue
            if not objects:
                self.prepositional(subject, subj, verb, label, negated, when, "verb-preposition")
            for comp in (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")):
                comp_label = self.verb_label(comp)
                if verb.lemma_ not in ASPECTUAL:
                    comp_label = f"{label} to {comp_label}"
                comp_negated = negated or self.negated(comp)
                comp_when = self.date_of(comp) or when
                comp_objects = self._expand([c for c in comp.children if c.dep_ == "dobj"])
                for obj in comp_objects:
                    self.add(subject, relation(comp_label), self.argument(obj), [subj, verb, comp, obj],
                             "control", comp_negated, comp_when)
                self.sold(comp, comp_objects, "" if verb.lemma_ in ASPECTUAL else f"{label} to ", comp_negated,
                          comp_when)
                if not comp_objects:
                    self.prepositional(subject, subj, comp, comp_label, comp_negated, comp_when, "control")

    @staticmethod
    def preposition_objects(verb: Token, preposition: str) -> list[Token]:
        """The objects of the verb's preposition ("as" in "served as CFO", "to" in "sold X to Y")."""
        return [g for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == preposition
                for g in c.children if g.dep_ == "pobj"]

    def served_as(self, subjects: list[Token], verb: Token, negated: bool) -> None:
        """'served as chief executive of Globex', 'stepped down as CEO', 'worked as an engineer at Initech':
        the subject held the role (the verb says when or how, not whether)."""
        roles = [g for g in self.preposition_objects(verb, "as")
                 if is_title(g) or NOUN_CLASS.get(g.lemma_.lower()) == "Person"]
        for role in roles:
            for subj in subjects:
                self.definition(subj, role, verb, negated, "role-as")

    def sold(self, verb: Token, goods: list[Token], prefix: str, negated: bool, when: Literal | None) -> None:
        """'sold Ekaterra to CVC', 'Ekaterra was sold to CVC' -> (CVC, buy, Ekaterra); 'agreed to sell X to Y'
        -> (Y, agree to buy, X): the one sold to is the buyer."""
        if verb.lemma_ != "sell":
            return
        buyers = self._expand(self.preposition_objects(verb, "to"))
        for buyer in buyers:
            for item in goods:
                self.add(self.argument(buyer), relation(f"{prefix}buy"), self.argument(item), [verb, buyer, item],
                         "sale", negated, when)

    def appointed(self, holders: list[Token], verb: Token, negated: bool, passive: bool) -> None:
        """'named Ana Costa its new CFO', 'hired Ana Costa as its CFO', 'Ana Costa was appointed (as) CFO':
        the complement is the role its holder (the object, or the passive subject) takes."""
        roles = [c for c in verb.children if c.dep_ == "oprd"]
        if verb.lemma_ in APPOINTING:
            roles += [g for g in self.preposition_objects(verb, "as") if g.pos_ == "NOUN"]
        if passive:  # "a unit called Google DeepMind" gives the unit a name, not a role
            roles = [role for role in roles if not self.is_name(role)]
        for role in roles:
            for holder in holders:
                self.definition(holder, role, verb, negated, "object-complement")

    def speech_topics(self, speakers: list[Token], verb: Token, negated: bool) -> None:
        """'LeCun commented: "ChatGPT is nothing innovative"' -> (LeCun, comment on, ChatGPT)."""
        for said in (c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")):
            for topic in self._expand([c for c in said.children if c.dep_ in ("nsubj", "nsubjpass")]):
                if self.is_name(topic):
                    for speaker in speakers:
                        self.add(self.argument(speaker), relation("comment on"), self.entity(topic),
                                 [speaker, verb, topic], "speech-topic", negated)

    def prepositional(self, subject: Argument | None, subj: Token, verb: Token, label: str,
                      negated: bool, when: Literal | None, pattern: str) -> None:
        for prep in (c for c in verb.children if c.dep_ in ("prep", "dative")):
            for pobj in self._expand([g for g in prep.children if g.dep_ == "pobj"]):
                if self._is_date(pobj):
                    continue
                self.add(subject, relation(f"{label} {prep.lower_}"), self.argument(pobj),
                         [subj, verb, prep, pobj], pattern, negated, when)

    def measured_attribute(self, subj: Token, verb: Token, label: str, negated: bool,
                           when: Literal | None) -> bool:
        """'Microsoft's market value soared to $2.5 trillion' -> (Microsoft, market value soar to, ...)."""
        owner = next((c for c in subj.children if c.dep_ == "poss"), None)
        if owner is None or subj.i in self.span_of or subj.pos_ != "NOUN":
            return False
        found = False
        attribute = " ".join([*(t.lower_ for t in subj.lefts if t.dep_ in ("compound", "amod")), subj.lemma_])
        targets = [(c, None) for c in verb.children if c.dep_ == "dobj"] + [
            (g, c) for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for target, prep in targets:
            value = self.argument(target)
            if isinstance(value, Literal) and value.kind != "Date":
                text = f"{attribute} {label}" + (f" {prep.lower_}" if prep is not None else "")
                self.add(self.argument(owner), relation(text), value, [owner, subj, verb, target],
                         "measured-attribute", negated, when)
                found = True
        return found

    def role_held_in(self, tok: Token) -> None:
        """'the CEO of OpenAI', 'an engineer at Initech': a role held in a name, noted whether or not its
        holder is named (the resolver decides which roles say what type the name is)."""
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in ("of", "at") or prep.dep_ != "prep" or not self.is_name(tok):
            return
        span = self.span_of[tok.i][0]
        if tok.i == span.root.i and (prep.head.pos_ == "NOUN" or is_title(prep.head)):
            name = trim(span, LEADING_FUNCTION_WORDS)
            self.roles.append((f"{self.role_name(prep.head)} {prep.lower_}", name.text, self.offset + name.start_char))

    def classified(self, classifier: Classifier) -> None:
        """Statements the CoNLL04-trained classifier finds between two names of a sentence."""
        for a, b, label, p in classifier.read(self.doc):
            if a.root.i not in self.span_of or b.root.i not in self.span_of:
                continue
            name, local = PREDICATES[label]
            tokens = list(self.doc[min(a.start, b.start):max(a.end, b.end)])
            negated = any(t.lower_ in NEGATORS for t in tokens)
            self.add(self.entity(a.root), Predicate(name, local), self.entity(b.root), tokens,
                     "classifier", negated, probability=p)

    def run(self, classifier: Classifier | None = None) -> None:
        """Read every construction; with a relation classifier, its statements too."""
        if classifier is not None:
            self.classified(classifier)
        for tok in self.doc:
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("xcomp", "aux", "auxpass"):
                self.clause(tok)
            elif tok.dep_ == "appos":
                self.appositive(tok)
            if tok.dep_ == "poss":
                self.possessive(tok)
            elif tok.dep_ == "pobj":
                self.role_held_in(tok)
            if tok.pos_ == "PROPN":
                self.title_before_name(tok)
