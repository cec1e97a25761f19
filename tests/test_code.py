"""The code stays as CI checks it: ruff clean and formatted, and its type hints hold (mypy over kg/ and web/,
the web app checked as the kg.web package it installs as)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

SOURCES = ["kg", "web", "tests", "benchmarks"]


def _run(*command: str, cwd: Path = ROOT) -> str:
    done = subprocess.run([sys.executable, "-m", *command], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_ruff_finds_nothing_and_the_code_is_formatted() -> None:
    _run("ruff", "check", *SOURCES)
    _run("ruff", "format", "--check", *SOURCES)


def test_type_hints_hold(tmp_path: Path) -> None:
    # mypy knows no package-dir mapping: check a tree where web/ sits where it installs, at kg/web
    tree = tmp_path / "kg"
    tree.mkdir()
    for entry in (ROOT / "kg").iterdir():
        if entry.name != "__pycache__":
            (tree / entry.name).symlink_to(entry)
    (tree / "web").symlink_to(ROOT / "web")
    (tmp_path / "pyproject.toml").symlink_to(ROOT / "pyproject.toml")
    assert "Success" in _run("mypy", "-p", "kg", cwd=tmp_path)
