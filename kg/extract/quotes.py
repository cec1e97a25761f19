"""Quotations and who speaks them, in any language: the quotation marks of a paragraph, and the speaker
of a quotation, the subject of a verb of saying outside it in the sentence where it closes or opens
('"We will buy Initech," said Ann Lee'; 'Ann Lee said: "We will ..."'). A first-person pronoun inside
a quotation speaks from the speaker's side: "I" is the speaker, "we" the speaker's organisation."""

from __future__ import annotations

from spacy.tokens import Doc, Token

__all__ = ["quotations", "speaker"]

OPENING, CLOSING, EITHER = "“«", "”»", '"'


def quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each quotation of `text`, its marks included (a quotation left open
    runs to the end)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, ch in enumerate(text):
        if start is None and (ch in OPENING or ch in EITHER):
            start = i
        elif start is not None and (ch in CLOSING or ch in EITHER):
            spans.append((start, i + 1))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def _inside(quotes: list[tuple[int, int]], tok: Token) -> bool:
    return any(a < tok.idx < b for a, b in quotes)


def speaker(
    doc: Doc, quotes: list[tuple[int, int]], tok: Token, speech_verbs: frozenset[str], subjects: frozenset[str]
) -> Token | None:
    """The subject of the verb of saying (a lemma in `speech_verbs`, its subject by a label in `subjects`)
    that introduces the quotation `tok` is in, or None where `tok` is in none or no speaker is named."""
    quote = next((q for q in quotes if q[0] < tok.idx < q[1]), None)
    if quote is None:
        return None
    at = [t for t in doc if t.idx < quote[1]]
    sentences = [at[-1].sent] if at else []
    opening = next((t for t in doc if t.idx >= quote[0]), None)
    if opening is not None and opening.sent not in sentences:
        sentences.append(opening.sent)
    for sentence in sentences:
        for verb in sentence:
            if verb.lemma_.lower() not in speech_verbs or _inside(quotes, verb):
                continue
            said_by = next((c for c in verb.children if c.dep_ in subjects and not _inside(quotes, c)), None)
            if said_by is not None:
                return said_by
    return None
