"""Supervised relation classifier: which of five news relations holds between two names in a sentence.

Trained on CoNLL04 (Work_For, Kill, OrgBased_In, Live_In, Located_In) by `kg train relations`: a
logistic regression over sparse features of the pair (their types and order, the dependency path
between them and the words on it, the words between and around them). The weights ship as JSON in
`kg/extract/models/` and are applied here with plain Python, so reading needs no training library.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span, Token

__all__ = ["RelationModel", "pair_features", "entity_class", "MODEL_FILE", "PREDICATES", "THRESHOLD", "STATE_FROM",
           "candidate_spans", "pairs", "trim"]

MODEL_FILE = Path(__file__).with_name("models") / "conll04_relations.json"
NONE = "None"
THRESHOLD = 0.3  # probability from which a relation counts in the CoNLL04 evaluation (best dev micro-F1)
STATE_FROM = 0.6  # probability from which kg states a relation (dev precision with the right entities: 0.8+)
SIGNATURES = {"Work_For": ("Peop", "Org"), "OrgBased_In": ("Org", "Loc"), "Live_In": ("Peop", "Loc"),
              "Located_In": ("Loc", "Loc"), "Kill": ("Peop", "Peop")}
# CoNLL04 relation -> the ontology term kg writes (schema.org where it has one)
PREDICATES = {"Work_For": ("work for", "schema:worksFor"), "OrgBased_In": ("based in", "schema:location"),
              "Live_In": ("live in", "schema:homeLocation"), "Located_In": ("located in", "schema:containedInPlace"),
              "Kill": ("killed", "killed")}
_CLASS = {"PERSON": "Peop", "ORG": "Org", "GPE": "Loc", "LOC": "Loc", "FAC": "Loc", "NORP": "Other"}
_TRIM_START = {"the", "a", "an"}
_HONORIFICS = {"mr.", "mrs.", "ms.", "miss", "dr.", "gov.", "sen.", "rep.", "gen.", "col.", "lt.", "sgt.", "capt.",
               "prof.", "rev.", "sir", "lord", "lady", "prince", "princess", "king", "queen", "pope", "judge"}


def entity_class(label: str) -> str:
    """CoNLL04's entity class for a spaCy NER label (Peop, Org, Loc, or Other)."""
    return _CLASS.get(label, "Other")


def trim(span: Span, leading: set[str], keep_period: bool = False) -> Span:
    """The span without leading `leading` words or punctuation and without trailing possessives or
    punctuation (as tagged: "%" in "1%" is a noun) (a final "." kept with `keep_period`, as CoNLL04 keeps "Mich .")."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and (doc[start].lower_ in leading or doc[start].pos_ == "PUNCT"):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or
                           (doc[end - 1].pos_ == "PUNCT" and not (keep_period and doc[end - 1].text == "."))):
        end -= 1
    return doc[start:end]


def candidate_spans(doc: Doc) -> list[Span]:
    """The named entities of a parsed sentence as CoNLL04 marks them, labelled with its classes: trimmed
    of leading articles and trailing possessives and punctuation, a person with the title or honorific
    before the name ("President Lincoln", "Ms. Carpenter")."""
    out: list[Span] = []
    for ent in doc.ents:
        if ent.label_ == "TITLE":
            continue
        span = trim(ent, _TRIM_START, keep_period=True)
        if not len(span):
            continue
        start, end, label = span.start, span.end, entity_class(ent.label_)
        if label == "Peop":
            while start > 0 and (doc[start - 1].ent_type_ == "TITLE" or doc[start - 1].lower_ in _HONORIFICS):
                start -= 1
        out.append(Span(doc, start, end, label=label))
    return out


def pairs(spans: list[Span]) -> Iterator[tuple[Span, Span]]:
    """Every ordered pair of spans that do not overlap."""
    for a in spans:
        for b in spans:
            if a.end <= b.start or b.end <= a.start:
                yield a, b


def _path(a: Token, b: Token) -> tuple[list[Token], list[Token]]:
    """Tokens from a up to the lowest common ancestor, and from b up to it."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_b = {t.i for t in up_b}
    lca = next((t for t in up_a if t.i in ids_b), None)
    if lca is None:
        return up_a, up_b
    return up_a[:[t.i for t in up_a].index(lca.i) + 1], up_b[:[t.i for t in up_b].index(lca.i)]


def pair_features(a: Span, b: Span, class_a: str, class_b: str) -> list[str]:
    """Sparse features of the ordered pair (a: would-be subject, b: would-be object)."""
    doc = a.doc
    types = f"{class_a}>{class_b}|{'ab' if a.start < b.start else 'ba'}"
    left, right = (a, b) if a.start < b.start else (b, a)
    between = doc[left.end:right.start]
    up_a, up_b = _path(a.root, b.root)
    lca = up_a[-1]
    path_deps = "/".join([f"{t.dep_}^" for t in up_a[:-1]] + [f"v{t.dep_}" for t in reversed(up_b)])
    path_words = "/".join([t.lemma_.lower() for t in up_a[1:]] + [t.lemma_.lower() for t in reversed(up_b[1:])])
    feats = [
        "types", f"path={path_deps}", f"pathw={path_words}", f"pathlen={min(len(up_a) + len(up_b), 8)}",
        f"lca={lca.lemma_.lower()}|{lca.pos_}", f"lcapos={lca.pos_}",
        f"a_dep={a.root.dep_}", f"b_dep={b.root.dep_}",
        f"a_head={a.root.head.lemma_.lower()}", f"b_head={b.root.head.lemma_.lower()}",
        f"a_last={a[-1].lower_}", f"b_last={b[-1].lower_}",
        f"nbetween={min(len(between), 10)}",
        f"before={doc[left.start - 1].lower_ if left.start else '<s>'}",
        f"after={doc[right.end].lower_ if right.end < len(doc) else '</s>'}",
    ]
    feats += [f"bw={t.lemma_.lower()}" for t in between if not t.is_punct or t.text in (",", "(")]
    if len(between) <= 4:
        feats.append("between=" + "_".join(t.lower_ for t in between))
    feats += [f"onpath={t.lemma_.lower()}" for t in [*up_a[1:], *up_b[1:]]]
    return [types] + [f"{types}|{f}" for f in feats] + feats


@dataclass
class RelationModel:
    """Weights of a trained classifier: per feature, one weight per class."""

    classes: list[str]
    intercept: list[float]
    weights: dict[str, list[float]]
    info: dict

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> RelationModel:
        data = json.loads(path.read_text())
        return cls(data["classes"], data["intercept"], data["weights"], data.get("info", {}))

    def save(self, path: Path = MODEL_FILE) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        rounded = {f: [round(w, 4) for w in ws] for f, ws in sorted(self.weights.items())}
        path.write_text(json.dumps({"classes": self.classes, "intercept": self.intercept, "info": self.info,
                                    "weights": rounded}, separators=(",", ":")))

    def probabilities(self, features: list[str]) -> dict[str, float]:
        scores = list(self.intercept)
        for feature in set(features):
            for i, w in enumerate(self.weights.get(feature, ())):
                scores[i] += w
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}

    def predict(self, a: Span, b: Span) -> tuple[str, float]:
        """The most probable relation from a to b whose signature fits their classes (CoNLL04 classes, as
        `candidate_spans` labels them) and its probability, or ("None", 0.0)."""
        fitting = [c for c in self.classes if SIGNATURES.get(c) == (a.label_, b.label_)]
        if not fitting:
            return NONE, 0.0
        probs = self.probabilities(pair_features(a, b, a.label_, b.label_))
        label = max(fitting, key=probs.get)
        return label, probs[label]
