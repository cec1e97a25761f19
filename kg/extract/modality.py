"""Whether a statement is stated as a fact, and what else bears on whether it is right, read from the words
and the parse around it in any language (the language's syntax profile and lexicon say which words count)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.records import Modality

if TYPE_CHECKING:
    from kg.extract.lexicon import Lexicon
    from kg.extract.syntax import Syntax

__all__ = ["read_modality", "statement_cues", "denied", "negated"]

QUOTE_MARKS = ('"', "“", "”", "«", "»")


def statement_cues(tokens: list[Token], text: str, lexicon: Lexicon, quotes: list[tuple[int, int]]) -> tuple[str, ...]:
    """What bears on whether a statement read from `tokens` (its words `text`) is right: hedging words, a
    quotation around it (an opinion, with pronouns from the speaker's side), words below the sentence's main
    clause."""
    cues = []
    if lexicon.hedges.search(text):
        cues.append("hedged")
    first = min(t.idx for t in tokens)
    if any(a < first < b for a, b in quotes):
        cues.append("quoted")
    if min(sum(1 for _ in t.ancestors) for t in tokens) > 1:
        cues.append("embedded")
    return tuple(cues)


def read_modality(tokens: list[Token], syntax: Syntax, lexicon: Lexicon) -> Modality | None:
    """Whether a statement's words are not stated as a fact: asked ("Will Globex buy X?"), possible or
    conditional ("Globex could buy X", "if Globex buys X", "Globex would buy X if ..."), or the complement
    of a claim, belief or fear ("Initech claimed that Globex bought X"), or planned, wished or forecast
    ("Globex will buy X", "Globex is expected to buy X", "a deal to buy X"). Read up from its verbs through
    the clauses that govern them, not through the nouns they modify."""
    if _asked(tokens):
        return "question"
    for tok in tokens:
        verb = tok
        while verb.pos_ in ("VERB", "AUX"):
            for child in verb.children:
                if (
                    (child.dep_ in syntax.auxiliary and child.lower_ in lexicon.modals)
                    or (child.dep_ == syntax.marker and child.lower_ in lexicon.conditions)
                    or (
                        child.dep_ == syntax.adverbial_clause
                        and any(g.dep_ == syntax.marker and g.lower_ in lexicon.conditions for g in child.children)
                    )
                ):
                    return "hypothetical"
            if syntax.future(verb) or any(
                c.dep_ in syntax.auxiliary and c.lower_ in lexicon.future for c in verb.children
            ):
                return "planned"
            if verb.head.i == verb.i:
                break
            if _complement_of(verb, syntax, lexicon.claims | lexicon.denials):
                return "claimed"
            intended = verb.dep_ == syntax.open_complement or (
                syntax.infinitive(verb) and verb.dep_ in (syntax.clausal_modifier, syntax.relative_clause)
            )
            if intended and verb.head.lemma_.lower() in lexicon.intentions:
                return "planned"
            verb = verb.head
    return None


def _complement_of(verb: Token, syntax: Syntax, lemmas: frozenset[str]) -> bool:
    """Whether `verb` heads what a verb or noun of `lemmas` reports: "alleged that X ...", "claims that X ..."."""
    head = verb.head.lemma_.lower()
    return head in lemmas and (
        verb.dep_ in syntax.reported or (verb.dep_ == syntax.clausal_modifier and verb.head.pos_ == "NOUN")
    )


def denied(tokens: list[Token], syntax: Syntax, lexicon: Lexicon) -> bool:
    """Whether a statement's words are what a speaker denies: the complement of a verb of denial ("Globex
    denied that it bought X") or of a claim one rejects ("Globex rejected claims that it bought X")."""
    for tok in tokens:
        verb = tok
        while verb.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
            if _complement_of(verb, syntax, lexicon.denials):
                return not negated(verb.head, syntax, lexicon)  # "did not deny that ..." denies nothing
            noun = verb.head
            if _complement_of(verb, syntax, lexicon.claims) and noun.head.lemma_.lower() in lexicon.denials:
                return noun.dep_ in syntax.object and not negated(noun.head, syntax, lexicon)
            verb = verb.head
    return False


def negated(tok: Token, syntax: Syntax, lexicon: Lexicon) -> bool:
    """Whether a word is negated: a negation, or a negating determiner or adverb, hangs on it."""
    return any(
        c.dep_ == syntax.negation or (c.dep_ in (syntax.determiner, syntax.adverb) and c.lower_ in lexicon.negators)
        for c in tok.children
    )


def _asked(tokens: list[Token]) -> bool:
    """A statement in a question: its sentence ends with "?", and the statement is inside the last
    quotation of the sentence if it has one ('X asked Y: "Is it right?"' asks nothing of X and Y)."""
    sent = tokens[0].sent
    if not sent.text.rstrip(" \"'”’").endswith("?"):
        return False
    quotes = [t.i for t in sent if t.text in QUOTE_MARKS]
    if not quotes:
        return True
    opening = quotes[-1] if len(quotes) % 2 else quotes[-2]  # the last quotation's opening mark
    return min(t.i for t in tokens) > opening
