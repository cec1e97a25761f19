"""Statement confidence: how likely a statement is strictly right, calibrated on judged statements.

A pattern statement's confidence comes from a logistic regression over what predicts its errors: the
construction it was read from, what kind and class of mention its subject and object are (a name, a
pronoun, a description, a common-noun phrase, a value), how long its object is and how far apart its
words lie. The classifier's probability is recalibrated by Platt scaling. An isotonic curve, fitted on
scores the models gave examples they had not seen, then maps both to how often such statements were
right. All of it is fitted by `kg train calibration`: on hand judgements of kg's statements on CoNLL04
dev sentences and on news articles (models/statement_judgements.jsonl), and on the CoNLL04 relation gold
for the classifier.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from kg.records import Argument, Mention

__all__ = ["Calibration", "CALIBRATION_FILE", "JUDGEMENTS_FILE", "statement_features", "logit"]

CALIBRATION_FILE = Path(__file__).with_name("models") / "confidence.json"
JUDGEMENTS_FILE = Path(__file__).with_name("models") / "statement_judgements.jsonl"


SPAN_BUCKETS = (25, 50, 80, 120)  # characters from the first to the last word of a statement


def statement_features(
    pattern: str, subject: Argument, obj: Argument, reach: int, cues: tuple[str, ...], modality: str | None
) -> list[str]:
    """The calibration features of a pattern statement: its construction, the Mention kinds of its ends
    ("literal" for a value; a common-noun phrase with a name or figure in it is "named-concept"), how many
    words its object has (a bare noun is seldom a fact), how far apart its words lie (`reach`, in characters
    from its first word to its last: long reaches are where parses go wrong), what the reader saw around it
    (`cues`: hedging words, a quotation, a place below the main clause) and its modality."""
    kinds = [_kind(arg) for arg in (subject, obj)]
    bucket = next((f"<{b}" for b in SPAN_BUCKETS if reach < b), f">={SPAN_BUCKETS[-1]}")
    words = min(len(obj.text.split()), 3)
    return [
        f"pattern={pattern}",
        f"subject={kinds[0]}",
        f"object={kinds[1]}",
        f"object_words={words}",
        f"ends={kinds[0]}-{kinds[1]}",
        f"types={_type(subject)}-{_type(obj)}",
        f"span{bucket}",
        f"modality={modality}",
        *(f"cue={cue}" for cue in cues),
    ]


def _type(arg: Argument) -> str:
    return arg.label if isinstance(arg, Mention) else arg.kind


def _kind(arg: Argument) -> str:
    if not isinstance(arg, Mention):
        return "literal"
    return "named-concept" if arg.kind == "concept" and arg.named else arg.kind


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


@dataclass
class Calibration:
    """Weights of the pattern model and the classifier's Platt scaling (confidence = s(a·logit(p) + b))."""

    intercept: float = 0.0
    weights: dict[str, float] = field(default_factory=dict)
    platt: tuple[float, float] = (1.0, 0.0)
    curve: list[tuple[float, float]] = field(default_factory=list)  # isotonic map of both scores; [] = none
    info: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = CALIBRATION_FILE) -> Calibration:
        data = json.loads(path.read_text())
        return cls(
            data["intercept"],
            data["weights"],
            tuple(data["platt"]),
            [tuple(point) for point in data.get("curve", [])],
            data.get("info", {}),
        )

    def save(self, path: Path = CALIBRATION_FILE) -> None:
        path.write_text(
            json.dumps(
                {
                    "intercept": round(self.intercept, 4),
                    "weights": {f: round(w, 4) for f, w in sorted(self.weights.items())},
                    "platt": [round(v, 4) for v in self.platt],
                    "curve": [[round(x, 4), round(y, 4)] for x, y in self.curve],
                    "info": self.info,
                },
                indent=1,
            )
        )

    def _mapped(self, score: float) -> float:
        """The isotonic curve at `score` (linear between its points, flat beyond them)."""
        if not self.curve:
            return score
        if score <= self.curve[0][0]:
            return self.curve[0][1]
        for (x0, y0), (x1, y1) in zip(self.curve, self.curve[1:], strict=False):
            if score <= x1:
                return y0 if x1 == x0 else y0 + (y1 - y0) * (score - x0) / (x1 - x0)
        return self.curve[-1][1]

    def statement(
        self, pattern: str, subject: Argument, obj: Argument, reach: int, cues: tuple[str, ...], modality: str | None
    ) -> float:
        """Confidence of a statement read by a pattern (`reach`: characters from its first word to its last)."""
        return self.statement_of(statement_features(pattern, subject, obj, reach, cues, modality))

    def statement_of(self, features: list[str]) -> float:
        """Confidence of a pattern statement with these calibration features."""
        return round(self._mapped(self.raw_statement(features)), 3)

    def raw_statement(self, features: list[str]) -> float:
        """The pattern model's probability before the isotonic curve."""
        return _sigmoid(self.intercept + sum(self.weights.get(f, 0.0) for f in features))

    def raw_classifier(self, probability: float) -> float:
        """The Platt-scaled classifier probability before the isotonic curve."""
        a, b = self.platt
        return _sigmoid(a * logit(probability) + b)

    def classifier(self, probability: float) -> float:
        """Confidence of a statement the relation classifier gave this probability."""
        return round(self._mapped(self.raw_classifier(probability)), 3)
