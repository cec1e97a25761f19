"""Linear classifiers over sparse binary features, as kg ships them: one weight per feature and class,
stored as JSON and applied in plain Python, so reading needs no training library."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, TypeVar

__all__ = ["LinearModel"]

Model = TypeVar("Model", bound="LinearModel")


@dataclass
class LinearModel:
    """A multinomial logistic regression: per feature, one weight per class. Each kind of model names
    the FILE it ships in."""

    FILE: ClassVar[Path]
    classes: list[str]
    intercept: list[float]
    weights: dict[str, list[float]]
    info: dict

    @classmethod
    def load(cls: type[Model], path: Path | None = None) -> Model:
        """The model in `path`, by default the one kg ships."""
        data = json.loads((path or cls.FILE).read_text())
        return cls(data["classes"], data["intercept"], data["weights"], data.get("info", {}))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        rounded = {f: [round(w, 4) for w in ws] for f, ws in sorted(self.weights.items())}
        path.write_text(
            json.dumps(
                {"classes": self.classes, "intercept": self.intercept, "info": self.info, "weights": rounded},
                separators=(",", ":"),
            )
        )

    def probabilities(self, features: list[str]) -> dict[str, float]:
        """The probability of each class given the features that are present."""
        weights = self.weights
        rows = [weights[f] for f in set(features) if f in weights]
        columns = zip(*rows, strict=True) if rows else ((),) * len(self.intercept)
        scores = [sum(column) + b for column, b in zip(columns, self.intercept, strict=True)]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}
