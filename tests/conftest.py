"""Shared fixtures: the kg command run in-process, a real `kg serve`, sample paths, the ../shared material and
Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "kg" / "samples" / "articles"
SHARED = ROOT.parent / "shared"
SEED_EN = SHARED / "seeds" / "000_3250910867b1d0c5.txt"
SEED_PT = SHARED / "seeds" / "001_d90cc84d2d4fb6d1.txt"
CHROMIUM = Path("/usr/bin/chromium")
OUTPUT = ROOT / "tests" / "output"  # screenshots

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the project")
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (bash .ci/setup installs it)"
)


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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def kg_server(
    store: Path,
    *options: object,
    command: str = "serve",
    env: dict | None = None,
    program: Sequence[str] = (sys.executable, "-m", "kg"),
    cwd: Path | None = None,
) -> Iterator[str]:
    """A real `kg serve` (gunicorn; or `kg demo`) on a free port; yields its base URL and stops it afterwards.
    `program` is how kg is started (default: this interpreter's kg) and `env` replaces variables of this one's
    environment (None removes one)."""
    port = free_port()
    environment = {name: value for name, value in {**os.environ, **(env or {})}.items() if value is not None}
    process = subprocess.Popen(
        [*program, command, "--store", str(store), "--port", str(port), *map(str, options)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=environment,
        cwd=cwd,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(1200):
            if process.poll() is not None:
                raise RuntimeError(f"kg {command} exited: {process.stdout.read().decode()}")
            try:
                with urllib.request.urlopen(base + "/sparql", timeout=5):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError(f"kg {command} did not answer within 2 minutes")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def server(sample_store: Path) -> Iterator[str]:
    """`kg serve` on the sample store, read-only, with a 3 s query timeout (set by the environment), 2 query
    workers and results up to 0.1 MB."""
    with kg_server(sample_store, "--query-workers", 2, "--max-result-mb", 0.1, env={"KG_QUERY_TIMEOUT": "3"}) as base:
        yield base


@dataclass
class Reply:
    status: int
    headers: Message
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(
    url: str,
    data: bytes | dict | None = None,
    headers: dict | None = None,
    method: str | None = None,
    timeout: float = 60,
) -> Reply:
    """An HTTP request with the standard library; HTTP errors are answers too. A dict is sent form-encoded."""
    if isinstance(data, dict):
        data = urllib.parse.urlencode(data, doseq=True).encode()
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Reply(response.status, response.headers, response.read())
    except urllib.error.HTTPError as err:
        return Reply(err.code, err.headers, err.read())


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (tests that use it are marked needs_chromium)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--headless",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield launched
        launched.close()


def watched_page(browser, problems: list[str], width: int = 1400, height: int = 900):
    """A page that records failed requests, HTTP errors, script errors, what the page's Content-Security-Policy
    refused and any dialog (alert) it opens."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.on("requestfailed", lambda r: problems.append(f"{r.url}: {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.url}: {r.status}"))
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog opened: {d.message}"), d.dismiss()))
    page.on("console", lambda m: "Content Security Policy" in m.text and problems.append(f"refused: {m.text}"))
    return page
