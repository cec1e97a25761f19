"""Definitional constructions: what a sentence says a name is, rather than what it does.

"LLaMA is an open source model", "Peter Lund, the founder of Quarry Labs", "CPO Chris Cox", "Meta's
Reality Labs", "platforms such as Instagram": copular and appositive definitions (with the roles and
affiliations they carry), titles and class nouns before a name, possessives between names, and examples
of a class noun. `Definitions` is mixed into `ParagraphReader`, whose mentions (`is_name`, `entity`, `concept`,
`argument`) and `add` it uses.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.lexicon import PLACE_LABELS, STAFF_ROLES, VALUE_LABELS
from kg.records import NAMED_BY, Argument, Literal, Mention, Predicate

__all__ = ["Definitions", "IS_A", "JOB_TITLE", "HAS", "relation", "is_title", "hyphen_start", "hyphen_piece"]

IS_A = Predicate("is a", "kg:isA")
JOB_TITLE = Predicate("job title", "schema:jobTitle")
HAS = Predicate("has", "kg:has")


def camel(label: str) -> str:
    """'report to' -> 'reportTo': the local name of a relation."""
    words = re.findall(r"[^\W_]+", label.lower())
    return words[0] + "".join(w.capitalize() for w in words[1:]) if words else "relatedTo"


def relation(label: str) -> Predicate:
    return Predicate(label, camel(label))


def is_title(tok: Token) -> bool:
    """A job title the entity ruler marked ("CPO", "Chief Product Officer"): a role, not a name."""
    return tok.ent_type_ == "TITLE"


def _hyphenated(tok: Token) -> str:
    """'hand' in 'right-hand': the word with the words hyphenated onto it."""
    return tok.doc[hyphen_start(tok):tok.i + 1].text.lower()


def hyphen_start(tok: Token) -> int:
    """Where the hyphenated word ending in `tok` starts ('co-founder': at 'co', however it was parsed)."""
    start = tok.i
    while start >= 2 and tok.doc[start - 1].text == "-" and not tok.doc[start - 1].whitespace_ and \
            not tok.doc[start - 2].whitespace_:
        start -= 2
    return start


def hyphen_piece(tok: Token) -> bool:
    """A piece of a hyphenated word that is not its last ('co' and '-' in 'co-founder')."""
    following = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return following is not None and not tok.whitespace_ and (tok.text == "-" or following.text == "-")


class Definitions:
    """The definitional constructions of a paragraph reader."""

    def examples(self, noun: Token) -> list[Token]:
        """'platforms such as Instagram and WhatsApp', 'firms including Initech': the names given as
        instances of a common noun; each is stated to be one."""
        if noun.pos_ != "NOUN" or noun.i in self.span_of:
            return []
        out = []
        for prep in noun.children:
            if prep.dep_ != "prep" or not (prep.lower_ in ("including", "like") or (
                    prep.lower_ == "as" and prep.i > 0 and prep.nbor(-1).lower_ == "such")):
                continue
            for pobj in (t for g in prep.children if g.dep_ == "pobj" for t in (g, *g.conjuncts)):
                if self.is_name(pobj):
                    out.append(pobj)
                    self.add(self.entity(pobj), IS_A, self.concept(noun), [noun, prep, pobj], "example", False)
        return out

    def definition(self, subj: Token, noun: Token, anchor: Token, negated: bool, pattern: str) -> None:
        """'X is a N' / 'X, the N of Y' / 'X is Y's N' / 'X is one of Y's N'."""
        subject = self.argument(subj)
        if isinstance(subject, Literal) or subject is None:
            return
        role = noun
        if noun.lower_ in ("one", "some", "many", "each", "all") or (
                noun.pos_ == "NUM" and noun.i not in self.span_of):
            role = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"), noun)
        if self.is_name(role):
            if role.pos_ == "PROPN":
                self.add(subject, relation("be"), self.entity(role), [subj, anchor, role], pattern,
                         negated)
            return
        nominal_adjective = role.pos_ == "ADJ" and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                       for c in role.children)  # "is an academic"
        if role.pos_ not in ("NOUN", "PROPN") and not nominal_adjective and not is_title(role):
            return
        named = [t.i for c in role.lefts if c.dep_ == "compound" for t in c.subtree
                 if t.pos_ == "PROPN" or self.is_name(t)]
        held_in = self.doc[max(named)] if named and role.lemma_.lower() in STAFF_ROLES else None  # "a Globex executive"
        if pattern == "appositive" and named and held_in is None and isinstance(subject, Mention) and \
                subject.kind == "entity":
            # "Reality Labs, its Metaverse division": a descriptor with a name in it is another name of X,
            # and X is an instance of the class noun after that name
            self.add(subject, NAMED_BY, self.concept(role), [subj, anchor, role], "appositive-name", False)
            self.add(subject, IS_A, self._mention(self.doc[max(named) + 1:role.i + 1], "concept", "Concept", role),
                     [subj, anchor, role], pattern, negated)
        else:
            self.add(subject, JOB_TITLE if is_title(role) else IS_A, self.concept(role), [subj, anchor, role],
                     pattern, negated)
        if held_in is not None and self.is_name(held_in):
            self.add(subject, relation(f"{self.role_name(role)} of"), self.entity(held_in),
                     [subj, anchor, held_in, role], pattern + "-affiliation", negated)
        owner = next((c for c in role.children if c.dep_ == "poss"), None)
        if owner is not None:
            self.add(subject, relation(f"{self.role_name(role)} of"), self.role_owner(owner, role),
                     [subj, anchor, role, owner], pattern + "-possessive", negated)
        for prep in (c for c in role.children if c.dep_ == "prep" and c.lower_ in ("from", "at", "of")):
            target = next((t for t in prep.subtree if t.dep_ == "pobj" and self.is_name(t)), None)
            if target is not None:
                governor = target.head
                text = f"{self.role_name(role)} {prep.lower_}" if governor.i == prep.i and prep.lower_ != "from" \
                    else governor.lower_  # "engineer at X", "founder of X"; "(a pioneer) from X"
                self.add(subject, relation(text), self.entity(target),
                         [subj, anchor, governor, target], pattern + "-affiliation", negated)

    def role_owner(self, owner: Token, role: Token) -> Argument | None:
        """Whose the role is: "its chief executive" points back at what can employ (an organisation, or a
        name typed a product or nothing yet), not at a place."""
        if owner.lower_ == "its" and role.lemma_.lower() in STAFF_ROLES:
            return self._mention(self.doc[owner.i:owner.i + 1], "pronoun", "Employer", owner)
        return self.argument(owner)

    @staticmethod
    def role_name(noun: Token) -> str:
        """'most trusted right-hand man' -> 'right-hand man': common-noun compounds and hyphenated modifiers
        kept, names dropped ('its Metaverse division' -> 'division')."""
        kept = [c for c in noun.lefts if (c.dep_ == "compound" and c.pos_ == "NOUN") or
                (c.dep_ == "amod" and "-" in c.text)]
        head = noun.text if noun.text.isupper() else noun.lemma_.lower()  # "CFO of", "founder of"
        if hyphen_start(noun) < noun.i:
            head = _hyphenated(noun)  # "co-founder of"
        return " ".join([*(_hyphenated(c) for c in kept), head])

    def appositive(self, tok: Token) -> None:
        if hyphen_piece(tok):
            return
        head = tok.head
        for name, noun in ((head, tok), (tok, head)):
            if name.i in self.span_of and noun.i not in self.span_of and (noun.pos_ == "NOUN" or is_title(noun)):
                self.definition(name, noun, tok, False, "appositive")

    def title_before_name(self, tok: Token) -> None:
        """'open source model LLaMA', 'CPO Chris Cox': common nouns compounded onto a name define it. Not
        before places ('downtown Dallas', 'southwest Louisiana') and not measures ('76-story')."""
        if tok.i not in self.span_of or self.span_of[tok.i][1] in VALUE_LABELS | PLACE_LABELS:
            return
        span = self.span_of[tok.i][0]
        if tok.i != span.root.i:
            return
        nouns = [c for c in tok.lefts if c.dep_ in ("compound", "nmod", "amod") and c.i < span.start
                 and ((c.pos_ == "NOUN" and c.text.replace("-", "").isalpha()) or is_title(c))
                 and c.i not in self.span_of]
        for noun in nouns:
            self.add(self.entity(tok), JOB_TITLE if is_title(noun) else IS_A, self.concept(noun), [noun, tok],
                     "title-before-name", False)

    def possessive(self, tok: Token) -> None:
        """'Meta's Reality Labs' -> (Meta, has, Reality Labs) when both are names."""
        owner = tok
        owned = tok.head
        if self.is_name(owned) and owner.i in self.span_of and \
                self.span_of[owned.i][0] is not self.span_of[owner.i][0]:
            self.add(self.argument(owner), HAS, self.entity(owned), [owner, owned], "possessive",
                     False)
