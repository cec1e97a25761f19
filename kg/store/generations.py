"""The store folder as generations: `current` is a symlink to the Oxigraph database in use.

A large build writes into a new generation (a RocksDB checkpoint of the current one: hard links, so
cheap) in as many batches as it likes, then publishes it by replacing the `current` link, which
rename(2) does atomically. A build that fails or is killed leaves `current` where it was; its
half-written generation is removed by the next writer. The generation before the current one is
kept, so a reader that opened it just before the switch can finish.

    kg-data/
      current -> gen-000007
      gen-000006/
      gen-000007/
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

__all__ = ["current", "first", "next_generation", "publish", "prune", "is_store"]

_GEN = re.compile(r"^gen-(\d{6})$")
LINK = "current"


def _number(path: Path) -> int:
    match = _GEN.match(path.name)
    return int(match.group(1)) if match else -1


def _generations(folder: Path) -> list[Path]:
    return sorted((p for p in folder.iterdir() if _GEN.match(p.name) and p.is_dir()), key=_number)


def is_store(folder: Path) -> bool:
    """Whether the folder holds a kg store (or could: it is missing or empty)."""
    return not folder.exists() or (folder.is_dir() and ((folder / LINK).is_symlink() or not any(folder.iterdir())))


def current(folder: Path) -> Path | None:
    """The generation in use, or None if the folder holds no store yet."""
    link = folder / LINK
    if not link.is_symlink():
        return None
    target = folder / os.readlink(link)
    return target if target.is_dir() else None


def first(folder: Path) -> Path:
    """Create the folder's first generation (empty) and point `current` at it."""
    folder.mkdir(parents=True, exist_ok=True)
    generation = folder / "gen-000001"
    generation.mkdir()
    publish(folder, generation)
    return generation


def next_generation(folder: Path) -> Path:
    """A path for the next generation (not created)."""
    numbers = [_number(p) for p in _generations(folder)]
    return folder / f"gen-{max(numbers, default=0) + 1:06d}"


def publish(folder: Path, generation: Path) -> None:
    """Make `generation` the current one, atomically."""
    tmp = folder / f".{LINK}.tmp"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(generation.name)
    os.replace(tmp, folder / LINK)


def prune(folder: Path) -> None:
    """Remove half-written generations (newer than the current one) and all but the last older one.
    Only a writer holding the current generation's lock may call this."""
    now = current(folder)
    if now is None:
        return
    every = _generations(folder)
    older = [p for p in every if _number(p) < _number(now)]
    newer = [p for p in every if _number(p) > _number(now)]
    for path in [*older[:-1], *newer]:
        shutil.rmtree(path, ignore_errors=True)
