"""Settings of the web app, from `kg serve`'s options or the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from kg.config import Settings, default_jobs

__all__ = ["ServeSettings"]


def _env_float(name: str, default: float) -> float:
    return float(os.environ.get(name) or default)


@dataclass(frozen=True)
class ServeSettings:
    """What the server serves and the limits it keeps."""

    store: Path = field(default_factory=lambda: Settings().store)
    base_iri: str = field(default_factory=lambda: Settings().base_iri)
    query_timeout: float = field(default_factory=lambda: _env_float("KG_QUERY_TIMEOUT", 30.0))
    max_result_bytes: int = field(default_factory=lambda: int(_env_float("KG_MAX_RESULT_MB", 100) * 1_000_000))
    update_token: str | None = field(default_factory=lambda: os.environ.get("KG_UPDATE_TOKEN") or None)
    query_workers: int = field(default_factory=lambda: int(os.environ.get("KG_QUERY_WORKERS") or 2 * default_jobs()))
    max_request_bytes: int = field(default_factory=lambda: int(_env_float("KG_MAX_REQUEST_MB", 10) * 1_000_000))
    # address prefixes SERVICE and LOAD may fetch (env KG_ALLOW_SERVICE, space-separated); none by default
    allowed_services: tuple[str, ...] = field(
        default_factory=lambda: tuple(os.environ.get("KG_ALLOW_SERVICE", "").split())
    )
