"""The pages that run in the browser: the graph browser (/) and the query page (/query).

The browser draws with Cytoscape.js and reads web.api; the query page is YASGUI on /sparql with the
graph's prefixes and example queries. Both libraries come from npm (`cytoscape`, `@zazuko/yasgui`,
installed into web/node_modules by .ci/setup) and are served from here, so the pages work offline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from flask import Blueprint, Response, render_template, send_from_directory, url_for

from kg.rdf.namespaces import PREFIXES
from web.protocol import error_response

__all__ = ["blueprint", "examples", "Example", "VENDOR"]

blueprint = Blueprint("ui", __name__)

QUERIES = Path(__file__).with_name("queries")
NODE_MODULES = Path(__file__).with_name("node_modules")
# Front-end files the pages may load: name -> (folder, file names)
VENDOR = {"yasgui": (NODE_MODULES / "@zazuko" / "yasgui" / "build",
                     {"yasgui.min.js", "yasgui.min.css", "yasgui.min.js.map"}),
          "cytoscape": (NODE_MODULES / "cytoscape" / "dist", {"cytoscape.min.js"})}


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
    config = {"endpoint": url_for("sparql.endpoint", _external=True), "prefixes": PREFIXES,
              "examples": [{"title": e.title, "query": e.query} for e in examples()]}
    return render_template("query.html", config=config, examples=examples())


@blueprint.route("/vendor/<library>/<path:name>")
def vendor(library: str, name: str) -> Response:
    """A front-end library's file from node_modules (only the files listed in VENDOR)."""
    folder, allowed = VENDOR.get(library, (None, set()))
    if folder is None or name not in allowed:
        return error_response(404, f"no front-end file {library}/{name}")
    if not (folder / name).is_file():
        return error_response(404, f"{folder / name} is missing: install the front-end libraries with "
                                   "'npm ci --prefix web' (bash .ci/setup does it)")
    return send_from_directory(folder, name, max_age=3600)
