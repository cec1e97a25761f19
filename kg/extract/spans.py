"""Where a paragraph's names are, and the word shapes the reader core and the constructions test: the
recogniser's entity spans, corrected (proper-noun compounds it left out, a role's lower-case words it took
in, a verb it swallowed, two names it took for one), and the proper-noun runs it missed; titles and
hyphenated words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

if TYPE_CHECKING:
    from kg.extract.lang import LanguagePack

__all__ = ["name_spans", "is_title", "common_word", "hyphen_start", "hyphen_piece"]


def is_title(tok: Token) -> bool:
    """A job title the entity ruler marked ("CPO", "Chief Product Officer"): a role, not a name."""
    return tok.ent_type_ == "TITLE"


def hyphen_start(tok: Token) -> int:
    """Where the hyphenated word ending in `tok` starts ('co-founder': at 'co', however it was parsed)."""
    start = tok.i
    while (
        start >= 2
        and tok.doc[start - 1].text == "-"
        and not tok.doc[start - 1].whitespace_
        and not tok.doc[start - 2].whitespace_
    ):
        start -= 2
    return start


def hyphen_piece(tok: Token) -> bool:
    """A piece of a hyphenated word that is not its last ('co' and '-' in 'co-founder')."""
    following = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return following is not None and not tok.whitespace_ and (tok.text == "-" or following.text == "-")


def _with_compounds(ent: Span, pack: LanguagePack) -> Span:
    """'Tarek Haddad' where the NER only marked 'Haddad': proper-noun compounds join the name."""
    start = ent.start
    while (
        start > 0
        and ent.label_ in pack.entity_classes
        and ent.doc[start - 1].pos_ == "PROPN"
        and ent.doc[start - 1].dep_ == pack.syntax.compound
        and ent.start <= ent.doc[start - 1].head.i < ent.end
        and not ent.doc[start - 1].ent_type_
        and not ent.doc[start - 1].is_lower
    ):
        start -= 1
    return ent.doc[start : ent.end]


def _keep_entity(ent: Span, pack: LanguagePack) -> bool:
    if ent.text in pack.lexicon.common_acronyms:
        return False
    if ent.label_ in ("DATE", "TIME"):
        return bool(pack.lexicon.date_words.search(ent.text))
    return ent.label_ in pack.entity_classes or ent.label_ in pack.value_labels


def common_word(tok: Token) -> bool:
    """A lower-case noun or adjective, even one the tagger took for a proper noun ("shadow chancellor"), and
    not a short particle of a name ("de", "van")."""
    return tok.is_lower and tok.pos_ in ("NOUN", "ADJ", "PROPN") and len(tok.text) > 3


def _name_pieces(ent: Span) -> list[tuple[Span, str]]:
    """An entity span as names: cut where it swallowed a lower-case verb ("Brightwater Labs hired Odile
    Marchetti" tagged one organisation), and without the lower-case nouns and adjectives it starts with
    ("shadow chancellor Piet Haver": a role before the name, not part of it). A name has no such words.
    Pieces cut at a verb are names whose class is left to other evidence."""
    cuts = [t.i for t in ent if t.pos_ in ("VERB", "AUX") and t.is_lower]
    label = "NAME" if cuts else ent.label_
    pieces = []
    for start, end in zip([ent.start, *(c + 1 for c in cuts)], [*cuts, ent.end], strict=True):
        while start < end and common_word(ent.doc[start]):
            start += 1
        words = [t.i for t in ent.doc[start:end] if t.pos_ == "PROPN"] if cuts else [start, end - 1]
        if words and start < end:
            pieces.append((Span(ent.doc, words[0], words[-1] + 1, label=label), label))
    return pieces


def _two_names(ent: Span, pack: LanguagePack) -> list[Span]:
    """An entity span that took in two names, as two: a short form in brackets ("Institute for Fiscal Studies
    (IFS": the resolver joins the acronym to the name it abbreviates), and an organisation's name before a
    person's just after a class noun of organisations ("the union Unison Dave Prentis" tagged one person: the
    first word is the union's, its class left to other evidence)."""
    doc, before = ent.doc, ent.doc[ent.start - 1] if ent.start > 0 else None
    opening = next((t.i for t in ent if t.text == "(" and t.i > ent.start), None)
    if opening is not None:
        inside = [t.i for t in doc[opening + 1 : ent.end] if t.is_alpha or t.is_digit]
        parts = [Span(doc, ent.start, opening, label=ent.label_)]
        return parts + [Span(doc, inside[0], inside[-1] + 1, label=ent.label_)] if inside else parts
    if (
        pack.entity_classes.get(ent.label_) == "Person"
        and len(ent) >= 3
        and before is not None
        and before.pos_ == "NOUN"
        and pack.lexicon.noun_class.get(before.lemma_.lower()) == "Organization"
    ):
        return [Span(doc, ent.start, ent.start + 1, label="NAME"), Span(doc, ent.start + 1, ent.end, label=ent.label_)]
    return [ent]


def _capital_of_sentence(tok: Token, pack: LanguagePack) -> bool:
    """A word capitalised only because it starts the sentence, before the common noun it modifies: "Shadow
    chancellor X" (not "MPIO's players" or "Labour's plans")."""
    return bool(tok.is_sent_start) and tok.is_title and tok.dep_ != pack.syntax.possessive and common_word(tok.head)


def name_spans(doc: Doc, pack: LanguagePack) -> list[tuple[Span, str]]:
    """Named entity spans with their NER label; proper-noun runs the NER missed count as names."""
    spans = [
        (_with_compounds(piece, pack) if label != "NAME" else piece, label)
        for whole in doc.ents
        if _keep_entity(whole, pack)
        for ent in _two_names(whole, pack)
        for piece, label in (_name_pieces(ent) if ent.label_ in pack.entity_classes else [(ent, ent.label_)])
    ]
    covered = {t.i for ent, _ in spans for t in ent} | {t.i for t in doc if is_title(t)}
    i = 0
    while i < len(doc):
        if (
            doc[i].pos_ == "PROPN"
            and i not in covered
            and doc[i].text not in pack.lexicon.common_acronyms
            and not common_word(doc[i])
            and not _capital_of_sentence(doc[i], pack)
        ):
            j = i
            while (
                j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and j + 1 not in covered and not common_word(doc[j + 1])
            ):
                j += 1
            spans.append((doc[i : j + 1], "NAME"))
            i = j + 1
        else:
            i += 1
    return spans
