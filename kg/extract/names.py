"""Name recogniser for the relation classifier: the people, organisations and places of a sentence as
CoNLL04 marks them (Peop, Org, Loc, Other).

spaCy's small NER finds names with other boundaries than CoNLL04's ("Gov. James Thompson", "Lubbock",
"Texas" for "Lubbock , Texas") and misses capitalised datelines ("BANGKOK"). Candidate spans are runs of
capitalised or proper-noun tokens (joined by short function words and punctuation) and the NER's own
entities; a logistic regression over their words, shapes, context, dependency role and the NER's opinion
says which are names, of which class, and the best-scoring spans that do not overlap are kept. Trained by
`kg train relations`; the weights ship in `kg/extract/models/`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from kg.extract.linear import LinearModel

__all__ = ["NameModel", "SentenceNames", "NAMES_FILE", "trim", "HONORIFICS"]

NAMES_FILE = Path(__file__).with_name("models") / "conll04_names.json"
NONE = "None"
KEEP_BELOW = 0.7  # a candidate is a name when the model's "no name" probability is below this
MAX_LENGTH = 8  # tokens
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
# With doubt, a name spaCy's NER marks as an organisation is offered as one too: CoNLL04 is too small to
# teach the recogniser unfamiliar company names ("Initech, a software maker ..." reads as a person), which
# spaCy's NER, trained on far more news, knows. It costs 0.01-0.02 of CoNLL04 dev F1 (1990s wire text,
# where the NER often calls places organisations).
OFFERED = {"ORG": "Org"}
_JOINERS = {",", ".", "'s", "'", "(", ")", "-", "&", ":", "/"}
_ARTICLES = {"the", "a", "an"}
HONORIFICS = {
    "mr.",
    "mrs.",
    "ms.",
    "miss",
    "dr.",
    "gov.",
    "sen.",
    "rep.",
    "gen.",
    "col.",
    "lt.",
    "sgt.",
    "capt.",
    "prof.",
    "rev.",
    "sir",
    "lord",
    "lady",
    "prince",
    "princess",
    "king",
    "queen",
    "pope",
    "judge",
}


def trim(
    span: Span,
    leading: set[str] | frozenset[str],
    keep_period: bool = False,
    possessive_tags: frozenset[str] = frozenset({"POS"}),
) -> Span:
    """The span without leading `leading` words or punctuation and without trailing possessives (tagged
    one of `possessive_tags`) or punctuation (as tagged: "%" in "1%" is a noun) (a final "." kept with
    `keep_period`, as CoNLL04 keeps "Mich .")."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and (doc[start].lower_ in leading or doc[start].pos_ == "PUNCT"):
        start += 1
    while end > start and (
        doc[end - 1].tag_ in possessive_tags
        or (doc[end - 1].pos_ == "PUNCT" and not (keep_period and doc[end - 1].text == "."))
    ):
        end -= 1
    return doc[start:end]


def _is_core(tok: Token) -> bool:
    """A token a name can start or end with: a proper noun, a capitalised word other than a function word
    ("The", "He" at the start of a sentence), or a number in a name."""
    return (
        tok.pos_ == "PROPN"
        or (tok.text[:1].isupper() and not (tok.is_stop and tok.ent_iob_ == "O"))
        or (tok.ent_type_ in _NAME_LABELS and tok.text[:1].isdigit())
    )


def _is_joiner(tok: Token) -> bool:
    return tok.text in _JOINERS or (tok.is_lower and tok.is_alpha and len(tok) <= 3)


def _shape(tok: Token) -> str:
    shape = tok.shape_
    return shape if len(shape) <= 4 else shape[:2] + shape[-2:]


class SentenceNames:
    """The candidates of one sentence and their features. What the features need of each token is read
    once per sentence, since a token is looked at by many overlapping candidates."""

    def __init__(self, sent: Span) -> None:
        self.offset = sent.start
        tokens = list(sent)
        self.tokens = tokens
        self.lower = [t.lower_ for t in tokens]
        self.shape = [_shape(t) for t in tokens]
        self.pos = [t.pos_ for t in tokens]
        self.ent_type = [t.ent_type_ for t in tokens]
        self.iob = [t.ent_iob_ for t in tokens]
        self.core = [_is_core(t) for t in tokens]
        self.upper = [t.is_upper or not t.is_alpha for t in tokens]
        self.punct = [t.text if t.is_punct else "" for t in tokens]
        self.heads = [t.head.i - self.offset for t in tokens]
        self.entities: list[tuple[int, int, str, tuple[int, int]]] = []  # start, end, label, trimmed bounds
        self.entity_at: dict[int, int] = {}
        for ent in sent.ents:
            trimmed = trim(ent, _ARTICLES, keep_period=True)
            for i in range(ent.start, ent.end):
                self.entity_at[i - self.offset] = len(self.entities)
            self.entities.append(
                (
                    ent.start - self.offset,
                    ent.end - self.offset,
                    ent.label_,
                    (trimmed.start - self.offset, trimmed.end - self.offset),
                )
            )

    def candidates(self) -> set[tuple[int, int]]:
        """(start, end) doc token offsets of the spans that could be names: runs of core tokens and joiners
        that start on a core token and end on one (or on "." as in "Mich ." or on a common noun right
        after one, as in "Phnom Penh government"), and the NER's entities without leading articles. A run
        is cut only where a name could begin or end: next to a joiner, an honorific or title, or where
        the NER starts or ends an entity (so "Peter" alone is not a candidate in "Peter Lund")."""
        out, n, core = set(), len(self.tokens), self.core
        cut = [True] + [self._cut(k) for k in range(1, n)] + [True]
        for i in range(n):
            if not core[i] or not cut[i]:
                continue
            for j in range(i + 1, min(n, i + MAX_LENGTH) + 1):
                last = self.tokens[j - 1]
                if (core[j - 1] or last.text == ".") and cut[j]:
                    out.add((i, j))
                elif not core[j - 1] and not _is_joiner(last) and last.text != ".":
                    if last.pos_ == "NOUN" and last.is_lower and core[j - 2]:
                        out.add((i, j))
                    break
        out.update(trimmed for *_, trimmed in self.entities if trimmed[1] > trimmed[0])
        return {(i + self.offset, j + self.offset) for i, j in out}

    def _cut(self, k: int) -> bool:
        """Whether a name can begin at token k (and the one before end at k - 1)."""
        core, iob = self.core, self.iob
        return (
            not core[k - 1]
            or not core[k]
            or iob[k] == "B"
            or (iob[k] == "O" and iob[k - 1] != "O")
            or self.lower[k - 1] in HONORIFICS
            or self.ent_type[k - 1] == "TITLE"
        )

    def _root(self, start: int, end: int) -> Token:
        for i in range(start, end):
            if not start <= self.heads[i] < end or self.heads[i] == i:
                return self.tokens[i]
        return self.tokens[start]

    def features(self, start: int, end: int) -> list[str]:
        """Sparse features of the candidate from doc token `start` to `end`."""
        start, end = start - self.offset, end - self.offset
        n, lower = len(self.tokens), self.lower
        prev = lower[start - 1] if start else "<s>"
        after = lower[end] if end < n else "</s>"
        before2 = lower[start - 2] if start >= 2 else "<s>"
        after2 = lower[end + 1] if end + 1 < n else "</s>"
        ner = "-"
        entities = sorted({self.entity_at[i] for i in range(start, end) if i in self.entity_at})
        feats = [] if entities else ["noner"]
        for k in entities:
            ent_start, ent_end, label, trimmed = self.entities[k]
            if trimmed == (start, end):
                ner = label
            inside = (
                "in"
                if ent_start <= start and end <= ent_end
                else "cover"
                if start <= ent_start and ent_end <= end
                else "cross"
            )
            feats.append(f"nerov={label}|{inside}")
            if ent_start == start:
                feats.append(f"nerstart={label}")
            if ent_end == end:
                feats.append(f"nerend={label}")
        root = self._root(start, end)
        head = root.head.lemma_.lower()
        keyed = [
            f"len={min(end - start, 6)}",
            f"first={lower[start]}",
            f"last={lower[end - 1]}",
            f"suf3={lower[end - 1][-3:]}",
            "shapes=" + " ".join(self.shape[start:end]),
            f"prev={prev}",
            f"next={after}",
            f"dep={root.dep_}",
        ]
        feats += [
            f"ner={ner}",
            *(f"w={w}" for w in lower[start:end]),
            "pos=" + " ".join(self.pos[start:end]),
            f"prev2={before2}_{prev}",
            f"next2={after}_{after2}",
            f"prevshape={self.shape[start - 1] if start else '<s>'}",
            f"nextshape={self.shape[end] if end < n else '</s>'}",
            f"prevcore={bool(start) and self.core[start - 1]}",
            f"nextcore={end < n and self.core[end]}",
            f"prevent={self.ent_type[start - 1] if start else '<s>'}",
            f"nextent={self.ent_type[end] if end < n else '</s>'}",
            f"head={head}",
            f"deph={root.dep_}|{head}",
            f"rootlemma={root.lemma_.lower()}",
            "punct=" + "".join(sorted(set(self.punct[start:end]) - {""})),
            f"allupper={all(self.upper[start:end])}",
            f"sentstart={start == 0}",
        ]
        if start and prev in HONORIFICS:
            feats.append("honorific_before")
        if lower[start] in HONORIFICS:
            feats.append("honorific_first")
        return feats + keyed + [f"ner={ner}|{f}" for f in keyed]


class NameModel(LinearModel):
    """The trained name recogniser."""

    FILE = NAMES_FILE

    def scored(self, sent: Span) -> Iterator[tuple[float, int, int, dict[str, float], str]]:
        """(probability, start, end, class probabilities, spaCy's NER label of exactly this span or "")
        of each candidate of the sentence that is a name."""
        names = SentenceNames(sent)
        ner = {(s + names.offset, e + names.offset): label for *_, label, (s, e) in names.entities}
        for start, end in names.candidates():
            probs = self.probabilities(names.features(start, end))
            if probs[NONE] < KEEP_BELOW:
                yield max(p for c, p in probs.items() if c != NONE), start, end, probs, ner.get((start, end), "")

    def find(self, doc: Doc) -> list[Span]:
        """The names of the doc, labelled with their CoNLL04 class: in each sentence the most probable
        candidates that do not overlap a more probable one."""
        return [span for span, _ in self.readings(doc)]

    def readings(self, doc: Doc, doubt: float | None = None) -> list[tuple[Span, float]]:
        """The names of the doc as `find` gives them, each with weight 1. With `doubt`, a name is given
        once more with each other class whose probability is at least `doubt` times its best one's (its
        weight the ratio of the two), and as the class spaCy's NER gives it where that is in OFFERED
        (weight 1), so that a relation can settle what a name is: "Microsoft" in "works for Microsoft
        in Seattle"."""
        out = []
        for sent in doc.sents:
            taken: set[int] = set()
            for best, start, end, probs, ner in sorted(self.scored(sent), key=lambda x: x[:3], reverse=True):
                if not taken.isdisjoint(range(start, end)):
                    continue
                taken.update(range(start, end))
                classes = {
                    c: p / best
                    for c, p in probs.items()
                    if c != NONE and (p == best or (doubt is not None and p >= doubt * best))
                }
                if doubt is not None and ner in OFFERED:
                    classes[OFFERED[ner]] = 1.0
                out += [(Span(doc, start, end, label=c), w) for c, w in sorted(classes.items(), key=lambda x: -x[1])]
        return sorted(out, key=lambda x: x[0].start)
