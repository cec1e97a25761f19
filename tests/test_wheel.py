"""kg's wheel alone gives the whole product: built from a copy of the project, installed (not editable) into a
fresh virtual environment with no project folder on its path, `kg demo` builds the bundled samples and serves
pages whose every script and stylesheet, the SPARQL endpoint and the export answer.

The fresh environment takes kg's dependencies from this one's site-packages (linked, kg's own editable install
left out) so the test needs no network; pip still resolves the wheel's declared requirements against them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from conftest import OUTPUT, ROOT, fetch, kg_server, needs_chromium, watched_page

# what a copy of the project to build from leaves out
NOT_SOURCES = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "*.egg-info",
    "__pycache__",
    "node_modules",
    "kg-data",
    "output",
    ".pytest_cache",
    ".ruff_cache",
)
# this environment's entries that are kg itself or pip's own tools, not kg's dependencies
NOT_DEPENDENCIES = re.compile(
    r"kg-[\d.]+\.dist-info|__editable__.*|_?virtualenv.*|pip(-.*)?|setuptools.*|"
    r"pkg_resources|_distutils_hack|.*\.pth"
)


def _run(*command: object, cwd: Path) -> str:
    done = subprocess.run(
        [str(c) for c in command], cwd=cwd, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": ""}
    )
    assert done.returncode == 0, f"{command}: {done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin folder of a fresh virtual environment where kg's wheel is installed."""
    work = tmp_path_factory.mktemp("wheel")
    shutil.copytree(ROOT, work / "source", ignore=NOT_SOURCES)
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        work / "dist",
        work / "source",
        cwd=work,
    )
    wheel = next((work / "dist").glob("kg-*.whl"))
    _run(sys.executable, "-m", "venv", work / "venv", cwd=work)
    dependencies = work / "dependencies"
    dependencies.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if not NOT_DEPENDENCIES.fullmatch(entry.name):
            (dependencies / entry.name).symlink_to(entry)
    python = work / "venv" / "bin" / "python"
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=work).strip())
    (site / "dependencies.pth").write_text(f"{dependencies}\n", encoding="utf-8")
    _run(python, "-m", "pip", "install", "--quiet", "--no-index", wheel, cwd=work)
    located = _run(python, "-c", "import kg, kg.web; print(kg.__file__); print(kg.web.__file__)", cwd=work)
    assert all(Path(line).is_relative_to(site) for line in located.split()), located
    assert not (site / "web").exists()  # the web app installs as kg.web, nothing named `web`
    return work / "venv" / "bin"


@pytest.fixture(scope="module")
def demo(installed: Path, tmp_path_factory) -> Iterator[str]:
    """`kg demo` of the installed wheel, run from an empty folder: builds the samples and serves them."""
    folder = tmp_path_factory.mktemp("demo")
    with kg_server(
        folder / "store",
        "--query-workers",
        1,
        command="demo",
        program=[str(installed / "kg")],
        cwd=folder,
        env={"PYTHONPATH": None},
    ) as base:
        yield base


def _assets(html: str) -> list[tuple[str, str]]:
    """The scripts and stylesheets a page references, with the content type each must have."""
    scripts = [(src, "text/javascript") for src in re.findall(r'<script[^>]*\ssrc="([^"]+)"', html)]
    styles = [(href, "text/css") for href in re.findall(r'<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"', html)]
    return scripts + styles


def test_the_installed_wheel_serves_every_page_and_what_they_load(demo: str) -> None:
    loaded = []
    for path in ["/", "/query"]:
        page = fetch(demo + path)
        assert (page.status, page.headers.get_content_type()) == (200, "text/html"), path
        for asset, media_type in _assets(page.text):
            reply = fetch(urllib.parse.urljoin(demo + path, asset))
            assert (reply.status, reply.headers.get_content_type()) == (200, media_type), asset
            assert reply.body, asset
            loaded.append(asset)
    assert any("cytoscape" in a for a in loaded) and any("yasgui" in a and a.endswith(".css") for a in loaded)
    query = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ASK { ?meta rdfs:label 'Meta' . "
        "?person <https://schema.org/worksFor> ?meta ; rdfs:label 'Yann LeCun' }"
    )
    hired = fetch(
        demo + "/sparql?" + urllib.parse.urlencode({"query": query}),
        headers={"Accept": "application/sparql-results+json"},
    )
    assert hired.status == 200 and hired.headers.get_content_type() == "application/sparql-results+json"
    assert '"boolean":true' in hired.text.replace(" ", "")
    export = fetch(demo + "/export?format=turtle")
    assert (export.status, export.headers.get_content_type()) == (200, "text/turtle")
    graph = rdflib.Graph().parse(data=export.text, format="turtle")
    assert len(graph) > 100 and rdflib.Literal("Yann LeCun") in set(graph.objects())


@needs_chromium
def test_the_installed_wheel_draws_the_graph_in_a_browser(demo: str, browser) -> None:
    OUTPUT.mkdir(exist_ok=True)
    problems: list[str] = []
    page = watched_page(browser, problems)
    page.goto(demo + "/")
    page.wait_for_selector("body[data-ready=true]")
    assert page.evaluate("cy.nodes().length") > 10
    page.get_by_label("Find an entity").fill("meta")
    page.locator("#search-results").get_by_role("option").first.click()
    page.wait_for_function("() => cy.$('node.centre').data('label') === 'Meta'")
    page.screenshot(path=str(OUTPUT / "wheel-demo.png"))
    page.close()
    assert problems == []
