"""Linked Data pages: every entity, concept and document IRI under the base dereferences here.

`/entity/<key>`, `/concept/<key>` and `/doc/<id>` answer HTML to browsers and Turtle, JSON-LD,
N-Triples or RDF/XML by Accept (or `?format=`). The HTML shows an entity's types, labels, aliases with
the merges that made them, and every statement in and out with its source sentences; a document page
shows the cleaned text with its mentions highlighted. All article text goes through Jinja's escaping.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, request

from kg.rdf.formats import HTML, PAGE_TYPES, Format, serialize
from kg.rdf.namespaces import PREFIXES
from kg.store import KGStore, LatestStore, StoreError
from kg.web.describe import describe_document, describe_entity, resource_triples
from kg.web.entitypage import arrange
from kg.web.protocol import error_response, negotiate

__all__ = ["blueprint"]

blueprint = Blueprint("pages", __name__)


def _store() -> LatestStore:
    return current_app.extensions["kg.store"]


def _base() -> str:
    return current_app.extensions["kg.settings"].base_iri


def _rdf(triples: list[ox.Triple], fmt: Format) -> Response:
    return Response(serialize(triples, fmt, PREFIXES), content_type=fmt.media_type, headers={"Vary": "Accept"})


def _checked_iri(kind: str, key: str) -> str | None:
    iri = f"{_base()}{kind}/{key}"
    try:
        ox.NamedNode(iri)
    except ValueError:
        return None
    return iri if key and "/" not in key else None


def _serve(
    kind: str,
    key: str,
    page: Callable[[KGStore, str], object | None],
    template: str,
    arrange: Callable[[Any], object] | None = None,
) -> Response | str:
    """The resource `{base}{kind}/{key}` as HTML (`page` gives what the template shows) or as RDF."""
    fmt = negotiate(request.headers.get("Accept"), request.args.get("format"), PAGE_TYPES)
    if fmt is None:
        return error_response(406, f"a {kind} is served as " + ", ".join(f.media_type for f in PAGE_TYPES))
    iri = _checked_iri(kind, key)
    missing = error_response(404, f"no {kind} {key!r} in the graph")
    try:
        store = _store().get()
        if iri is None:
            return missing
        if fmt != HTML:
            triples = resource_triples(store, iri)
            return _rdf(triples, fmt) if triples else missing
        shown = page(store, iri)
    except StoreError as err:
        return error_response(503, str(err))
    if shown is None:
        return missing
    return render_template(template, page=shown, kind=kind, arranged=arrange(shown) if arrange else None)


@blueprint.route("/entity/<path:key>")
@blueprint.route("/concept/<path:key>", endpoint="concept")
def entity(key: str) -> Response | str:
    """An entity or concept: its page, or its RDF."""
    kind = request.path.split("/", 2)[1]
    return _serve(kind, key, lambda store, iri: describe_entity(store, iri, _base()), "entity.html", arrange)


def _marked() -> tuple[int, int] | None:
    start, end = request.args.get("start"), request.args.get("end")
    if start is None and end is None:
        return None
    if not (start and end and start.isdigit() and end.isdigit() and int(start) < int(end)):
        raise ValueError("start and end must be character offsets, start before end")
    return int(start), int(end)


@blueprint.route("/doc/<key>")
def document(key: str) -> Response | str:
    """A document: its text with mentions highlighted (and ?start=&end= marked), or its graph as RDF."""
    try:
        marked = _marked()
    except ValueError as err:
        return error_response(400, str(err))
    return _serve("doc", key, lambda store, iri: describe_document(store, iri, _base(), marked), "document.html")
