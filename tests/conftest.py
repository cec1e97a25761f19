"""Shared fixtures: the kg command run in-process, sample paths and the ../shared material."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "kg" / "samples"
SHARED = ROOT.parent / "shared"
SEED_EN = SHARED / "seeds" / "000_3250910867b1d0c5.txt"
SEED_PT = SHARED / "seeds" / "001_d90cc84d2d4fb6d1.txt"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the project")


def run(*args: object) -> Result:
    """Run `kg ARGS...` in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="session")
def extractor():
    from kg.config import Settings
    from kg.extract import Extractor

    return Extractor(Settings().models)


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> Path:
    """A store built once from the bundled samples (tests must not write to it)."""
    path = tmp_path_factory.mktemp("samples") / "store"
    result = run("build", SAMPLES, "--store", path, "--quiet")
    assert result.exit_code == 0, result.output
    return path
