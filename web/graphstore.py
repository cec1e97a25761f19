"""The SPARQL 1.1 Graph Store HTTP Protocol at /store: a whole graph named by `?graph=IRI` (or the store's
default graph, `?default`) read with GET or HEAD, replaced with PUT, added to with POST and removed with
DELETE. Writes need the update token and run as one SPARQL update each, all or nothing; reads go through
the query workers like any query."""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, request

from kg.rdf.formats import NTRIPLES, TRIPLES, find
from kg.web.protocol import ProtocolError, error_response, negotiate
from kg.web.sparql import authorised, pool, settings, updater
from kg.web.worker import Job

__all__ = ["blueprint"]

blueprint = Blueprint("graphstore", __name__)


def _target() -> str | None:
    """The graph asked for: its IRI, or None for the default graph."""
    graphs, default = request.args.getlist("graph"), "default" in request.args
    if len(graphs) + default != 1:
        raise ProtocolError(400, "name one graph: ?graph=IRI or ?default")
    if default:
        return None
    try:
        return ox.NamedNode(graphs[0]).value
    except ValueError:
        raise ProtocolError(400, f"'{graphs[0]}' is not an absolute IRI") from None


def _in(graph: str | None) -> str:
    return "{ ?s ?p ?o }" if graph is None else f"{{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"


def _body_as_ntriples() -> str:
    """The request's graph, parsed in the format its Content-Type names, as N-Triples."""
    fmt = find(request.mimetype, TRIPLES)
    if fmt is None:
        raise ProtocolError(415, "send the graph as " + ", ".join(f.media_type for f in TRIPLES))
    try:
        triples = list(ox.parse(request.get_data(), format=fmt.rdf, base_iri=request.base_url))
    except (SyntaxError, ValueError) as err:
        raise ProtocolError(400, f"the graph could not be read as {fmt.media_type}: {err}") from None
    data = ox.serialize([ox.Triple(t.subject, t.predicate, t.object) for t in triples], format=NTRIPLES.rdf)
    return data.decode() if data else ""


def _exists(graph: str | None) -> bool:
    job = Job(f"ASK {_in(graph)}", store_default=graph is None)
    answer = pool().run(job)
    return answer.status == 200 and b"true" in answer.body


@blueprint.route("/store", methods=["GET", "HEAD", "PUT", "POST", "DELETE"])
def graph_store() -> Response:
    """Read, replace, add to or remove one graph."""
    try:
        graph = _target()
        if request.method in ("GET", "HEAD"):
            return _read(graph)
        refusal = authorised(settings())
        if refusal is not None:
            return refusal
        return _write(graph)
    except ProtocolError as err:
        return error_response(err.status, str(err))


def _read(graph: str | None) -> Response:
    fmt = negotiate(request.headers.get("Accept"), request.args.get("format"), TRIPLES)
    if fmt is None:
        return error_response(406, "a graph is served as " + ", ".join(f.media_type for f in TRIPLES))
    if graph is not None and not _exists(graph):
        return error_response(404, f"no graph <{graph}> in this store")
    job = Job(
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {_in(graph)}",
        triples=fmt,
        max_bytes=settings().max_result_bytes,
        store_default=graph is None,
    )
    answer = pool().run(job)
    response = Response(answer.body, status=answer.status, content_type=answer.media_type)
    response.vary.add("Accept")
    return response


def _write(graph: str | None) -> Response:
    existed = graph is None or _exists(graph)
    where = "DEFAULT" if graph is None else f"GRAPH <{graph}>"
    if request.method == "DELETE":
        if not existed:
            return error_response(404, f"no graph <{graph}> in this store")
        update = f"DROP {where}"
    else:
        data = _body_as_ntriples()
        inserted = f"INSERT DATA {{ {data} }}" if graph is None else f"INSERT DATA {{ GRAPH <{graph}> {{ {data} }} }}"
        update = f"CLEAR SILENT {where} ; {inserted}" if request.method == "PUT" else inserted
    answer = updater().run(update, request.base_url)
    if answer.status == 204 and not existed:
        return Response(status=201)
    return Response(answer.body, status=answer.status, content_type=answer.media_type)
