"""The SPARQL 1.1 Protocol's request side: where the query is, which dataset, which result format.

https://www.w3.org/TR/sparql11-protocol/ : a query comes by GET (`query=`), by POST form-encoded
(`query=` or `update=`) or by POST with the body as `application/sparql-query` (or
`application/sparql-update`); `default-graph-uri` and `named-graph-uri` may be repeated. The result
format follows the Accept header, or a `format` parameter (a name such as `json` or a media type).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Response
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header
from werkzeug.wrappers import Request

__all__ = ["ProtocolError", "SparqlRequest", "parse_request", "negotiate", "error_response", "RESULT_TYPES",
           "TRIPLE_TYPES", "FORMAT_NAMES"]

RESULT_TYPES = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values"]
TRIPLE_TYPES = ["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"]
# Media types clients send that stand for one of the above (Turtle is a subset of N3)
_RESULT_ALIASES = {"application/json": RESULT_TYPES[0], "application/xml": RESULT_TYPES[1], "text/xml": RESULT_TYPES[1]}
_TRIPLE_ALIASES = {"application/x-turtle": TRIPLE_TYPES[0], "text/n3": TRIPLE_TYPES[0], "text/rdf+n3": TRIPLE_TYPES[0],
                   "application/n3": TRIPLE_TYPES[0], "text/plain": TRIPLE_TYPES[1],
                   "application/json": TRIPLE_TYPES[2], "application/xml": TRIPLE_TYPES[3], "text/xml": TRIPLE_TYPES[3]}
# `format=` names: (type for SELECT/ASK, type for CONSTRUCT/DESCRIBE)
FORMAT_NAMES: dict[str, tuple[str | None, str | None]] = {
    "json": (RESULT_TYPES[0], TRIPLE_TYPES[2]), "xml": (RESULT_TYPES[1], TRIPLE_TYPES[3]),
    "csv": (RESULT_TYPES[2], None), "tsv": (RESULT_TYPES[3], None),
    "turtle": (None, TRIPLE_TYPES[0]), "ttl": (None, TRIPLE_TYPES[0]), "n3": (None, TRIPLE_TYPES[0]),
    "ntriples": (None, TRIPLE_TYPES[1]), "nt": (None, TRIPLE_TYPES[1]), "n-triples": (None, TRIPLE_TYPES[1]),
    "jsonld": (None, TRIPLE_TYPES[2]), "json-ld": (None, TRIPLE_TYPES[2]),
    "rdfxml": (None, TRIPLE_TYPES[3]), "rdf+xml": (None, TRIPLE_TYPES[3]), "rdf": (None, TRIPLE_TYPES[3]),
}


def error_response(status: int, message: str) -> Response:
    """A one-line plain-text error, as every error of kg's web app is answered."""
    return Response(" ".join(message.split()) + "\n", status=status, mimetype="text/plain")


class ProtocolError(ValueError):
    """A request the protocol does not allow; `status` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class SparqlRequest:
    """What the client asked: a query or an update (or neither: the service description)."""

    query: str | None
    update: str | None
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]


def parse_request(request: Request) -> SparqlRequest:
    """Read a query or update and its dataset from a GET or POST request."""
    query = request.args.get("query")
    update = None
    if request.method == "GET" and "update" in request.args:
        raise ProtocolError(405, "an update must be sent by POST")
    if request.method == "POST":
        content_type = request.mimetype
        if content_type == "application/x-www-form-urlencoded":
            form = request.form
            query, update = form.get("query", query), form.get("update")
        elif content_type == "application/sparql-query":
            query = request.get_data(as_text=True)
        elif content_type == "application/sparql-update":
            update = request.get_data(as_text=True)
        else:
            raise ProtocolError(415, f"POST a query as application/x-www-form-urlencoded, application/sparql-query "
                                     f"or application/sparql-update, not '{content_type or 'no content type'}'")
        if query is None and update is None:
            raise ProtocolError(400, "the POST carries no 'query' and no 'update'")
    if query is not None and update is not None:
        raise ProtocolError(400, "give either 'query' or 'update', not both")
    if (query is not None and not query.strip()) or (update is not None and not update.strip()):
        raise ProtocolError(400, "the query is empty")
    defaults = tuple(request.args.getlist("default-graph-uri") + request.form.getlist("default-graph-uri"))
    named = tuple(request.args.getlist("named-graph-uri") + request.form.getlist("named-graph-uri"))
    if update is not None and (request.args.getlist("using-graph-uri") or request.form.getlist("using-graph-uri")
                               or request.args.getlist("using-named-graph-uri")
                               or request.form.getlist("using-named-graph-uri")):
        raise ProtocolError(400, "using-graph-uri and using-named-graph-uri are not supported; "
                                 "write USING or GRAPH in the update")
    return SparqlRequest(query, update, defaults, named)


def _best(accept: MIMEAccept, types: list[str], aliases: dict[str, str]) -> str | None:
    if not accept:
        return types[0]
    chosen = accept.best_match([*types, *aliases])
    return aliases.get(chosen, chosen) if chosen else None


def negotiate(accept_header: str | None, format_param: str | None) -> tuple[str | None, str | None]:
    """The media types to answer a SELECT/ASK and a CONSTRUCT/DESCRIBE with (None: nothing acceptable).
    A `format` parameter, by name or media type, wins over the Accept header."""
    if format_param:
        name = format_param.strip().lower()
        if name in FORMAT_NAMES:
            return FORMAT_NAMES[name]
        if "/" not in name:
            raise ProtocolError(406, f"unknown format '{format_param}'; use one of "
                                     + ", ".join(sorted(FORMAT_NAMES)) + " or a media type")
        accept_header = name
    accept = parse_accept_header(accept_header, MIMEAccept)
    return _best(accept, RESULT_TYPES, _RESULT_ALIASES), _best(accept, TRIPLE_TYPES, _TRIPLE_ALIASES)
