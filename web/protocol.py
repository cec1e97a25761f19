"""The SPARQL 1.1 Protocol's request side: where the query is, which dataset, which result format.

https://www.w3.org/TR/sparql11-protocol/ : a query comes by GET (`query=`), by POST form-encoded
(`query=` or `update=`) or by POST with the body as `application/sparql-query` (or
`application/sparql-update`), exactly one of them, in UTF-8; `default-graph-uri` and `named-graph-uri`
may be repeated, and `using-graph-uri` and `using-named-graph-uri` give an update its dataset. The result
format follows the Accept header, or a `format` parameter (a name such as `json` or a media type).
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass

from flask import Response
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header
from werkzeug.wrappers import Request

from kg.rdf.formats import SOLUTIONS, TRIPLES, Format, choices, find
from kg.web.dataset import DatasetError, with_using

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


def _body(request: Request) -> str:
    """The POST body as text: UTF-8, as the protocol requires (§2.1.3), whatever else the client declares."""
    charset = request.mimetype_params.get("charset", "utf-8")
    if charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise ProtocolError(415, f"the body must be UTF-8, not {charset}")
    try:
        return request.get_data().decode("utf-8")
    except UnicodeDecodeError as err:
        raise ProtocolError(400, f"the body is not valid UTF-8 (byte {err.start})") from None


def _one(name: str, values: list[str]) -> str | None:
    """The single value of a parameter the protocol allows once."""
    if len(values) > 1:
        raise ProtocolError(400, f"give one '{name}' parameter, not {len(values)}")
    return values[0] if values else None


def parse_request(request: Request) -> SparqlRequest:
    """Read a query or update and its dataset from a GET or POST request."""
    form: dict[str, list[str]] = {}
    queries, updates = request.args.getlist("query"), request.args.getlist("update")
    if request.method == "GET" and updates:
        raise ProtocolError(405, "an update must be sent by POST")
    if request.method == "POST":
        content_type = request.mimetype
        if content_type == "application/x-www-form-urlencoded":
            try:
                form = urllib.parse.parse_qs(_body(request), keep_blank_values=True, errors="strict")
            except UnicodeDecodeError:
                raise ProtocolError(400, "the form is not valid UTF-8") from None
            queries, updates = queries + form.get("query", []), form.get("update", [])
        elif content_type == "application/sparql-query":
            queries = queries + [_body(request)]
        elif content_type == "application/sparql-update":
            updates = [_body(request)]
        else:
            raise ProtocolError(
                415,
                f"POST a query as application/x-www-form-urlencoded, application/sparql-query "
                f"or application/sparql-update, not '{content_type or 'no content type'}'",
            )
        if not queries and not updates:
            raise ProtocolError(400, "the POST carries no 'query' and no 'update'")
    query, update = _one("query", queries), _one("update", updates)
    if query is not None and update is not None:
        raise ProtocolError(400, "give either 'query' or 'update', not both")
    if (query is not None and not query.strip()) or (update is not None and not update.strip()):
        raise ProtocolError(400, "the query is empty")

    def listed(name: str) -> list[str]:
        return request.args.getlist(name) + form.get(name, [])

    if update is not None:
        try:
            update = with_using(update, listed("using-graph-uri"), listed("using-named-graph-uri"))
        except DatasetError as err:
            raise ProtocolError(400, str(err)) from None
    return SparqlRequest(query, update, tuple(listed("default-graph-uri")), tuple(listed("named-graph-uri")))


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
