"""The pages that run in the browser: the graph browser (/) and the query page (/query).

The browser draws with Cytoscape.js and reads kg.web.api; the query page is YASGUI on /sparql with the
graph's prefixes and example queries. Both libraries come from npm (`cytoscape`, `@zazuko/yasgui`, at the
versions web/package-lock.json pins); their files travel in web/vendor/ (refreshed by web/vendor/refresh.py,
listed in its manifest.json) and are served from here, so the pages work offline and from an installed wheel.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from flask import Blueprint, Response, render_template, send_from_directory, url_for

from kg.rdf.namespaces import PREFIXES
from kg.web.protocol import error_response

__all__ = ["blueprint", "examples", "Example", "vendored"]

blueprint = Blueprint("ui", __name__)

QUERIES = Path(__file__).with_name("queries")
VENDOR = Path(__file__).with_name("vendor")


@cache
def vendored() -> dict[str, frozenset[str]]:
    """The front-end files the pages may load: library -> file names (from web/vendor/manifest.json)."""
    manifest = json.loads((VENDOR / "manifest.json").read_text(encoding="utf-8"))
    return {library: frozenset(entry["served"]) for library, entry in manifest.items()}


@dataclass(frozen=True)
class Example:
    """An example query: title and description (the file's first line, '# Title: description') and its text
    with PREFIX lines."""

    title: str
    description: str
    query: str


def with_prefixes(query: str) -> str:
    """The query with a PREFIX line for each predefined prefix it uses, so editors can check it."""
    used = [name for name in PREFIXES if re.search(rf"(?<![\w:]){re.escape(name)}:", query)]
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in used) + "\n" + query


@cache
def examples() -> tuple[Example, ...]:
    """The example queries in web/queries, in file-name order."""
    out = []
    for path in sorted(QUERIES.glob("*.rq")):
        first, _, body = path.read_text(encoding="utf-8").partition("\n")
        title, _, description = first.lstrip("# ").partition(": ")
        out.append(Example(title.strip(), description.strip(), with_prefixes(body.strip() + "\n")))
    return tuple(out)


@blueprint.route("/")
def browse_page() -> str:
    """The graph browser."""
    return render_template("browse.html")


@blueprint.route("/query")
def query_page() -> str:
    """The SPARQL query page."""
    config = {
        "endpoint": url_for("sparql.endpoint", _external=True),
        "prefixes": PREFIXES,
        "examples": [{"title": e.title, "query": e.query} for e in examples()],
    }
    return render_template("query.html", config=config, examples=examples())


@blueprint.route("/vendor/<library>/<path:name>")
def vendor(library: str, name: str) -> Response:
    """A front-end library's file from web/vendor (only the files its manifest lists as served)."""
    if name not in vendored().get(library, frozenset()):
        return error_response(404, f"no front-end file {library}/{name}")
    return send_from_directory(VENDOR / library, name, max_age=3600)
