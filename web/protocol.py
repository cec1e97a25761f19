"""The SPARQL 1.1 Protocol's request side: where the query is, which dataset, which result format.

https://www.w3.org/TR/sparql11-protocol/ : a query comes by GET (`query=`), by POST form-encoded
(`query=` or `update=`) or by POST with the body as `application/sparql-query` (or
`application/sparql-update`); `default-graph-uri` and `named-graph-uri` may be repeated. The result
format follows the Accept header, or a `format` parameter (a name such as `json` or a media type).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flask import Response
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header
from werkzeug.wrappers import Request

from kg.rdf.formats import SOLUTIONS, TRIPLES, Format, choices, find

__all__ = ["ProtocolError", "SparqlRequest", "parse_request", "negotiate", "negotiate_query", "error_response"]


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
            raise ProtocolError(
                415,
                f"POST a query as application/x-www-form-urlencoded, application/sparql-query "
                f"or application/sparql-update, not '{content_type or 'no content type'}'",
            )
        if query is None and update is None:
            raise ProtocolError(400, "the POST carries no 'query' and no 'update'")
    if query is not None and update is not None:
        raise ProtocolError(400, "give either 'query' or 'update', not both")
    if (query is not None and not query.strip()) or (update is not None and not update.strip()):
        raise ProtocolError(400, "the query is empty")
    defaults = tuple(request.args.getlist("default-graph-uri") + request.form.getlist("default-graph-uri"))
    named = tuple(request.args.getlist("named-graph-uri") + request.form.getlist("named-graph-uri"))
    if update is not None and (
        request.args.getlist("using-graph-uri")
        or request.form.getlist("using-graph-uri")
        or request.args.getlist("using-named-graph-uri")
        or request.form.getlist("using-named-graph-uri")
    ):
        raise ProtocolError(
            400, "using-graph-uri and using-named-graph-uri are not supported; write USING or GRAPH in the update"
        )
    return SparqlRequest(query, update, defaults, named)


def negotiate(accept_header: str | None, format_param: str | None, offered: Sequence[Format]) -> Format | None:
    """The offered format to answer with (kg.rdf.formats holds them all): the one a `format` parameter names
    (by name or media type; it wins over the Accept header), else the one the Accept header prefers, where a
    media type a client sends for one of them (`sent_as`) counts as that one; the first offered when neither
    says; None when nothing offered is acceptable."""
    if format_param and format_param.strip():
        name = format_param.strip().lower()
        if "/" not in name:
            return find(name, offered)
        accept_header = name
    accept = parse_accept_header(accept_header, MIMEAccept)
    if not accept:
        return offered[0]
    by_type = {fmt.media_type: fmt for fmt in offered}
    for fmt in offered:
        for media_type in fmt.sent_as:
            by_type.setdefault(media_type, fmt)
    chosen = accept.best_match(list(by_type))
    return by_type[chosen] if chosen else None


def negotiate_query(accept_header: str | None, format_param: str | None) -> tuple[Format | None, Format | None]:
    """The formats to answer a SELECT/ASK and a CONSTRUCT/DESCRIBE with (None: nothing acceptable)."""
    solutions = negotiate(accept_header, format_param, SOLUTIONS)
    triples = negotiate(accept_header, format_param, TRIPLES)
    if format_param and "/" not in format_param and solutions is None and triples is None:
        raise ProtocolError(
            406,
            f"unknown format '{format_param}'; use one of "
            + ", ".join(sorted(set(choices(SOLUTIONS + TRIPLES))))
            + " or a media type",
        )
    return solutions, triples
