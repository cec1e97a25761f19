"""Supervised relation classifier: which of five news relations holds between two names in a sentence.

Trained on CoNLL04 (Work_For, Kill, OrgBased_In, Live_In, Located_In) by `kg train relations`: a
logistic regression over sparse features of the pair (their types and order, the dependency path
between them and the words on it, the words between and around them), between the names the name
recogniser (names.py) finds. The weights ship as JSON in `kg/extract/models/`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from kg.extract.linear import LinearModel
from kg.extract.names import NameModel
from kg.records import Predicate

__all__ = [
    "RelationModel",
    "Classifier",
    "pair_features",
    "MODEL_FILE",
    "PREDICATES",
    "THRESHOLD",
    "STATE_FROM",
    "pairs",
    "RESIDENCE",
]

MODEL_FILE = Path(__file__).with_name("models") / "conll04_relations.json"
NONE = "None"
THRESHOLD = 0.3  # probability from which a relation counts in the CoNLL04 evaluation (best dev micro-F1)
DOUBT = 0.6  # a name is tried as each class at least this fraction as probable as its best (NameModel.readings)
STATE_FROM = 0.6  # probability from which kg states a relation (dev precision with the right entities: 0.8+)
SIGNATURES = {
    "Work_For": ("Peop", "Org"),
    "OrgBased_In": ("Org", "Loc"),
    "Live_In": ("Peop", "Loc"),
    "Located_In": ("Loc", "Loc"),
    "Kill": ("Peop", "Peop"),
}
# CoNLL04 name class -> kg's class, as a statement's ends are labelled for the reader
CLASSES = {"Peop": "Person", "Org": "Organization", "Loc": "Place"}
# CoNLL04 relation -> the ontology term kg writes (schema.org where it has one)
PREDICATES = {
    "Work_For": ("work for", "schema:worksFor"),
    "OrgBased_In": ("based in", "schema:location"),
    "Live_In": ("live in", "schema:homeLocation"),
    "Located_In": ("located in", "schema:containedInPlace"),
    "Kill": ("killed", "killed"),
}
RESIDENCE = PREDICATES["Live_In"][1]


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
    return up_a[: [t.i for t in up_a].index(lca.i) + 1], up_b[: [t.i for t in up_b].index(lca.i)]


def pair_features(a: Span, b: Span, class_a: str, class_b: str) -> list[str]:
    """Sparse features of the ordered pair (a: would-be subject, b: would-be object)."""
    doc = a.doc
    types = f"{class_a}>{class_b}|{'ab' if a.start < b.start else 'ba'}"
    left, right = (a, b) if a.start < b.start else (b, a)
    between = doc[left.end : right.start]
    up_a, up_b = _path(a.root, b.root)
    lca = up_a[-1]
    path_deps = "/".join([f"{t.dep_}^" for t in up_a[:-1]] + [f"v{t.dep_}" for t in reversed(up_b)])
    path_words = "/".join([t.lemma_.lower() for t in up_a[1:]] + [t.lemma_.lower() for t in reversed(up_b[1:])])
    feats = [
        "types",
        f"path={path_deps}",
        f"pathw={path_words}",
        f"pathlen={min(len(up_a) + len(up_b), 8)}",
        f"lca={lca.lemma_.lower()}|{lca.pos_}",
        f"lcapos={lca.pos_}",
        f"a_dep={a.root.dep_}",
        f"b_dep={b.root.dep_}",
        f"a_head={a.root.head.lemma_.lower()}",
        f"b_head={b.root.head.lemma_.lower()}",
        f"a_last={a[-1].lower_}",
        f"b_last={b[-1].lower_}",
        f"a_ner={a.root.ent_type_}",
        f"b_ner={b.root.ent_type_}",  # spaCy's own reading of the two names
        f"nbetween={min(len(between), 10)}",
        f"before={doc[left.start - 1].lower_ if left.start else '<s>'}",
        f"after={doc[right.end].lower_ if right.end < len(doc) else '</s>'}",
    ]
    feats += [f"bw={t.lemma_.lower()}" for t in between if not t.is_punct or t.text in (",", "(")]
    feats += [f"ebw={t.ent_type_}" for t in between if t.ent_iob_ == "B"]  # the kinds of names between them
    if len(between) <= 4:
        feats.append("between=" + "_".join(t.lower_ for t in between))
    feats += [f"onpath={t.lemma_.lower()}" for t in [*up_a[1:], *up_b[1:]]]
    return [types] + [f"{types}|{f}" for f in feats] + feats


class RelationModel(LinearModel):
    """The trained relation classifier."""

    FILE = MODEL_FILE

    def predict(self, a: Span, b: Span) -> tuple[str, float]:
        """The most probable relation from a to b whose signature fits their classes (CoNLL04 classes, as
        the name recogniser labels them) and its probability, or ("None", 0.0)."""
        fitting = [c for c in self.classes if SIGNATURES.get(c) == (a.label_, b.label_)]
        if not fitting:
            return NONE, 0.0
        probs = self.probabilities(pair_features(a, b, a.label_, b.label_))
        label = max(fitting, key=lambda c: probs.get(c, 0.0))
        return label, probs[label]


@dataclass
class Classifier:
    """The name recogniser and the relation classifier, as extraction uses them together."""

    names: NameModel
    relations: RelationModel

    @classmethod
    def load(cls) -> Classifier:
        return cls(NameModel.load(), RelationModel.load())

    def read(self, doc: Doc, threshold: float = STATE_FROM) -> Iterator[tuple[Span, Span, str, float]]:
        """(subject, object, relation, probability) of every pair of names in a sentence of the doc
        that the classifier gives a relation with at least `threshold`."""
        by_sentence: dict[int, list[Span]] = {}
        weights = {}
        for span, weight in self.names.readings(doc, DOUBT):
            if span.label_ != "Other":
                by_sentence.setdefault(span.sent.start, []).append(span)
                weights[(span.start, span.label_)] = weight
        for spans in by_sentence.values():
            yield from related(self.relations, spans, threshold, weights)

    def statements(self, doc: Doc) -> Iterator[tuple[Span, Span, Predicate, float]]:
        """(subject, object, the ontology term, probability) of the relations kg states (from STATE_FROM),
        each end labelled with the kg class the relation takes it as."""
        for a, b, label, p in self.read(doc):
            yield (
                Span(doc, a.start, a.end, CLASSES[a.label_]),
                Span(doc, b.start, b.end, CLASSES[b.label_]),
                Predicate(*PREDICATES[label]),
                p,
            )


def related(
    model: RelationModel, spans: list[Span], threshold: float, weights: dict[tuple[int, str], float] | None = None
) -> list[tuple[Span, Span, str, float]]:
    """Every ordered pair of the spans with the relation the model gives it at `threshold` or more, and
    what follows from a place being in a place: who lives or is based in "Miami" of "Miami, Fla." lives
    or is based in Florida too (with the lower of the two probabilities). Where a name is offered with
    more than one class, the most probable relations decide: once a relation takes it as a class, it
    is that class in every other relation. `weights` (by start and class) scale the probability of a
    relation that takes a name as a class other than its most probable one."""
    options = []
    for a, b in pairs(spans):
        label, p = model.predict(a, b)
        if weights:
            p *= weights.get((a.start, a.label_), 1.0) * weights.get((b.start, b.label_), 1.0)
        if p >= threshold:
            options.append((a, b, label, p))
    found: list = []
    paired: set[tuple[int, int]] = set()
    settled: dict[int, str] = {}
    for a, b, label, p in sorted(options, key=lambda o: -o[3]):
        if (a.start, b.start) in paired or any(settled.get(s.start, s.label_) != s.label_ for s in (a, b)):
            continue
        found.append((a, b, label, p))
        paired.add((a.start, b.start))
        settled.update({a.start: a.label_, b.start: b.label_})
    known = {(a.start, b.start, label) for a, b, label, _ in found}
    within = [(a, b, p) for a, b, label, p in found if label == "Located_In"]
    for a, place, label, p in list(found):
        if label in ("Live_In", "OrgBased_In"):
            for inner, outer, q in within:
                if inner == place and (a.start, outer.start, label) not in known and outer != a:
                    known.add((a.start, outer.start, label))
                    found.append((a, outer, label, min(p, q)))
    return found
