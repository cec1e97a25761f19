"""Training and evaluation of the name recogniser and the relation classifier on CoNLL04 (`kg train
relations`), and fitting of the statement confidences (`kg train calibration`).

The name recogniser learns from every candidate span of a sentence, labelled with the gold entity class
it matches exactly or "None". Relation training pairs are every ordered pair of entities in a sentence,
gold ones and those the recogniser finds (held out by cross-validation, so the classifier learns from
the spans it will meet), labelled with the gold relation between them or "None". Evaluation is end to
end: names found by the recogniser, relations by the classifier, a relation right when its type and
both entity boundaries match the gold. Needs scikit-learn (`pip install -e '.[train]'`), which the
shipped models do not.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.calibration import Calibration, logit
from kg.extract.names import NameModel, SentenceNames
from kg.extract.reader import EVIDENCE_PATH, tree_distance
from kg.extract.relations import NONE, STATE_FROM, Classifier, RelationModel, pair_features, pairs, related

__all__ = [
    "Sentence",
    "read_conll04",
    "train_names",
    "held_out_names",
    "train",
    "evaluate",
    "evaluate_names",
    "Scores",
    "classifier_examples",
    "fit_calibration",
    "reliability",
]


@dataclass
class Sentence:
    """A parsed CoNLL04 sentence with its gold entities and relations (token offsets)."""

    doc: Doc
    entities: list[Span]  # labelled with the CoNLL04 class
    relations: dict[tuple[int, int, int, int], str]  # (head start, end, tail start, end) -> type


def _one_sentence(length: int) -> list[bool | int | None]:
    """Sentence starts that make `length` tokens one sentence."""
    starts: list[bool | int | None] = [True]
    return starts + [False] * (length - 1)


def read_conll04(path: Path, nlp: Language) -> list[Sentence]:
    """Parse a CoNLL04 JSON file (as in ../shared/data/conll04) with the pipeline, keeping its tokens; each
    item is one sentence to the parser, as the annotators took it."""
    items = json.loads(Path(path).read_text())
    docs = nlp.pipe(
        Doc(nlp.vocab, words=item["tokens"], sent_starts=_one_sentence(len(item["tokens"]))) for item in items
    )
    out = []
    for item, doc in zip(items, docs, strict=True):
        ents = [Span(doc, e["start"], e["end"], label=e["type"]) for e in item["entities"]]
        rels = {}
        for r in item["relations"]:
            h, t = ents[r["head"]], ents[r["tail"]]
            rels[(h.start, h.end, t.start, t.end)] = r["type"]
        out.append(Sentence(doc, ents, rels))
    return out


def _fit(
    features: list[list[str]], labels: list[str], c: float, min_count: int = 1, min_weight: float = 0.0
) -> tuple[list[str], list[float], dict[str, list[float]]]:
    """Classes, intercepts and per-feature weights of a logistic regression; features seen fewer than
    `min_count` times are left out, and weights smaller than `min_weight` are dropped."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for fs in features:
        for f in set(fs):
            counts[f] = counts.get(f, 0) + 1
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{f: 1 for f in fs if counts[f] >= min_count} for fs in features])
    model = LogisticRegression(C=c, max_iter=3000).fit(x, labels)
    coef = model.coef_  # one row per class (both models have more than two)
    weights = {
        name: [float(w) for w in coef[:, i]]
        for name, i in vectorizer.vocabulary_.items()
        if abs(coef[:, i]).max() >= min_weight
    }
    return [str(k) for k in model.classes_], [float(v) for v in model.intercept_], weights


def train_names(sentences: list[Sentence], c: float = 1.0) -> NameModel:
    """Fit the name recogniser on every candidate span of the sentences."""
    features, labels = [], []
    for s in sentences:
        gold = {(e.start, e.end): e.label_ for e in s.entities}
        for sent in s.doc.sents:
            names = SentenceNames(sent)
            for start, end in sorted(names.candidates()):
                features.append(names.features(start, end))
                labels.append(gold.get((start, end), NONE))
    classes, intercept, weights = _fit(features, labels, c, min_weight=0.01)
    return NameModel(classes, intercept, weights, {"trained_on": "CoNLL04 train", "candidates": len(labels), "C": c})


def held_out_names(sentences: list[Sentence], folds: int = 4, c: float = 1.0) -> list[list[Span]]:
    """The names a recogniser finds in each sentence when trained on the other folds."""
    found: list[list[Span]] = [[] for _ in sentences]
    for k in range(folds):
        model = train_names([s for i, s in enumerate(sentences) if i % folds != k], c)
        for i in range(k, len(sentences), folds):
            found[i] = model.find(sentences[i].doc)
    return found


def train(
    sentences: list[Sentence], found: list[list[Span]], c: float = 1.0, min_count: int = 3, min_weight: float = 0.05
) -> RelationModel:
    """Fit the relation classifier on all pairs of gold entities and the names `found` in each sentence
    (as `held_out_names` gives them)."""
    features, labels = [], []
    for s, names in zip(sentences, found, strict=True):
        gold = {(e.start, e.end) for e in s.entities}
        spans = list(s.entities) + [n for n in names if (n.start, n.end) not in gold]
        for a, b in pairs(spans):
            features.append(pair_features(a, b, a.label_, b.label_))
            labels.append(s.relations.get((a.start, a.end, b.start, b.end), NONE))
    classes, intercept, weights = _fit(features, labels, c, min_count, min_weight)
    return RelationModel(
        classes,
        intercept,
        weights,
        {"trained_on": "CoNLL04 train", "pairs": len(labels), "C": c, "min_count": min_count, "min_weight": min_weight},
    )


@dataclass
class Scores:
    precision: float
    recall: float
    f1: float
    found: int
    gold: int

    def __str__(self) -> str:
        return f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f} ({self.found} found, {self.gold} gold)"


def _micro(compared: Iterable[tuple[set, set]]) -> Scores:
    """Micro-averaged scores over (predicted, gold) sets, one pair per sentence."""
    right = found = gold = 0
    for predicted, truth in compared:
        right += len(predicted & truth)
        found += len(predicted)
        gold += len(truth)
    p = right / found if found else 0.0
    r = right / gold if gold else 0.0
    return Scores(p, r, 2 * p * r / (p + r) if p + r else 0.0, found, gold)


def evaluate(
    classifier: Classifier,
    sentences: list[Sentence],
    gold_entities: bool = False,
    threshold: float = 0.5,
    linked: bool = False,
) -> Scores:
    """Micro-averaged relation scores: type and both entity boundaries must match the gold. `linked`:
    only relations between names the sentence links closely, as kg states them."""

    def compared(s: Sentence) -> tuple[set, set]:
        stated = (
            related(classifier.relations, s.entities, threshold) if gold_entities else classifier.read(s.doc, threshold)
        )
        return (
            {
                (a.start, a.end, b.start, b.end, label)
                for a, b, label, _ in stated
                if not linked or tree_distance(a.root, b.root) <= EVIDENCE_PATH
            },
            {(*k, v) for k, v in s.relations.items()},
        )

    return _micro(compared(s) for s in sentences)


def evaluate_names(model: NameModel, sentences: list[Sentence]) -> Scores:
    """Micro-averaged scores of the people, organisations and places found: boundaries and class."""
    return _micro(
        (
            {(n.start, n.end, n.label_) for n in model.find(s.doc) if n.label_ != "Other"},
            {(e.start, e.end, e.label_) for e in s.entities if e.label_ != "Other"},
        )
        for s in sentences
    )


def classifier_examples(classifier: Classifier, sentences: list[Sentence]) -> list[tuple[float, bool]]:
    """(probability, right) of every relation the classifier would state end to end on the sentences."""
    return [
        (p, s.relations.get((a.start, a.end, b.start, b.end)) == label)
        for s in sentences
        for a, b, label, p in classifier.read(s.doc, STATE_FROM)
    ]


REPEATS = 5  # fold splits the isotonic curve is fitted over
RELIABILITY_REPEATS = 10  # fold splits reliability is measured over: with three, one judgement more moved the
# figure at 0.8 or more by ten points


def fit_calibration(
    statements: list[tuple[list[str], bool]], classified: list[tuple[float, bool]], c: float = 0.03, folds: int = 5
) -> Calibration:
    """A logistic regression over the judged pattern statements' features and Platt scaling of the
    classifier's probabilities, then an isotonic curve over the scores both gave examples held out of
    their fit (`folds`-fold), so a confidence says how often such statements were right."""
    from sklearn.isotonic import IsotonicRegression

    models = _fit_models(statements, classified, c)
    held_out = []
    for repeat in range(REPEATS):  # several fold splits, so the curve does not follow one split's luck
        for train_s, train_c, test_s, test_c in _splits(statements, classified, folds, seed=repeat):
            fit = _fit_models(train_s, train_c, c)
            held_out += [(fit.raw_statement(fs), r) for fs, r in test_s]
            held_out += [(fit.raw_classifier(p), r) for p, r in test_c]
    isotonic = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(
        [x for x, _ in held_out], [float(r) for _, r in held_out]
    )
    models.curve = _lower_bound_curve(held_out, isotonic.predict([x for x, _ in held_out]))
    return models


def _lower_bound_curve(held_out: list[tuple[float, bool]], level: list[float], z: float = 1.0) -> list:
    """The isotonic steps, each at the Wilson lower bound (z standard errors) of how often its examples
    were right rather than at that rate itself, so a confidence is one the data supports on small groups
    too."""
    blocks: dict[float, list[tuple[float, bool]]] = {}
    for (x, right), y in zip(held_out, level, strict=True):
        blocks.setdefault(round(float(y), 9), []).append((x, right))
    curve, floor = [], 0.0
    for _, members in sorted(blocks.items()):
        n, k = len(members), sum(right for _, right in members)
        p = k / n
        centre, spread = p + z * z / (2 * n), z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
        floor = max(floor, (centre - spread) / (1 + z * z / n))
        xs = [x for x, _ in members]
        curve += [(min(xs), floor), (max(xs), floor)]
    return curve


def _fit_models(
    statements: list[tuple[list[str], bool]], classified: list[tuple[float, bool]], c: float
) -> Calibration:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{f: 1 for f in fs} for fs, _ in statements])
    patterns = LogisticRegression(C=c, max_iter=1000).fit(x, [right for _, right in statements])
    weights = {name: float(patterns.coef_[0, i]) for name, i in vectorizer.vocabulary_.items()}
    platt = LogisticRegression(C=c).fit([[logit(p)] for p, _ in classified], [right for _, right in classified])
    return Calibration(
        float(patterns.intercept_[0]),
        weights,
        (float(platt.coef_[0, 0]), float(platt.intercept_[0])),
        info={"statements": len(statements), "classified": len(classified), "C": c},
    )


def reliability(
    statements: list[tuple[list[str], bool]],
    classified: list[tuple[float, bool]],
    folds: int = 5,
    repeats: int = RELIABILITY_REPEATS,
) -> list[tuple[int, float, bool]]:
    """(example, confidence, right) for every example in each of `repeats` random fold splits, each
    confidence from a calibration fitted without the example's fold (so every example counts `repeats`
    times); `example` indexes the statements, then the classified ones after them."""
    out = []
    numbered_s = list(enumerate(statements))
    numbered_c = [(len(statements) + i, example) for i, example in enumerate(classified)]
    for repeat in range(repeats):
        for train_s, train_c, test_s, test_c in _splits(numbered_s, numbered_c, folds, seed=100 + repeat):
            fit = fit_calibration([e for _, e in train_s], [e for _, e in train_c])
            out += [(i, fit.statement_of(fs), r) for i, (fs, r) in test_s]
            out += [(i, fit.classifier(p), r) for i, (p, r) in test_c]
    return out


def _splits(statements: list, classified: list, folds: int, seed: int) -> Iterator[tuple[list, list, list, list]]:
    """(training statements, training classified, held-out statements, held-out classified) for each fold
    of a random split, reproducible from `seed`."""
    order = random.Random(seed)
    fold_s = [order.randrange(folds) for _ in statements]
    fold_c = [order.randrange(folds) for _ in classified]
    for k in range(folds):
        yield (
            [e for e, f in zip(statements, fold_s, strict=True) if f != k],
            [e for e, f in zip(classified, fold_c, strict=True) if f != k],
            [e for e, f in zip(statements, fold_s, strict=True) if f == k],
            [e for e, f in zip(classified, fold_c, strict=True) if f == k],
        )
