"""The /sparql endpoint: queries through the worker pool, updates behind a token, the service description."""

from __future__ import annotations

import hmac

from flask import Blueprint, Response, current_app, request

from kg.rdf.formats import TRIPLES
from kg.rdf.namespaces import PREFIXES
from kg.web.config import ServeSettings
from kg.web.description import service_description
from kg.web.outbound import refused
from kg.web.pool import QueryPool, Updater
from kg.web.protocol import ProtocolError, error_response, negotiate_query, parse_request
from kg.web.worker import Answer, Job

__all__ = ["blueprint", "settings", "pool", "updater", "authorised"]

blueprint = Blueprint("sparql", __name__)


def _answer(answer: Answer) -> Response:
    return Response(answer.body, status=answer.status, content_type=answer.media_type)


def settings() -> ServeSettings:
    return current_app.extensions["kg.settings"]


def pool() -> QueryPool:
    return current_app.extensions["kg.pool"]


def updater() -> Updater:
    return current_app.extensions["kg.updater"]


def authorised(settings: ServeSettings) -> Response | None:
    """None if the request may update the store, else the 401/403 to answer with."""
    if settings.update_token is None:
        return error_response(
            403,
            "updates are off: this server is read-only (start kg serve with --update-token "
            "or KG_UPDATE_TOKEN to allow them)",
        )
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), settings.update_token.encode()):
        response = error_response(401, "an update needs the header 'Authorization: Bearer <token>'")
        response.headers["WWW-Authenticate"] = 'Bearer realm="kg"'
        return response
    return None


@blueprint.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    """SPARQL 1.1 Protocol: query (GET or POST), update (POST, with a token), description (GET, no query)."""
    served = settings()
    try:
        asked = parse_request(request)
        solutions, triples = negotiate_query(request.headers.get("Accept"), request.values.get("format"))
    except ProtocolError as err:
        return error_response(err.status, str(err))
    problem = refused(asked.query or asked.update or "", PREFIXES, served.allowed_services)
    if problem is not None:
        return error_response(400, problem)
    if asked.update is not None:
        return authorised(served) or _answer(updater().run(asked.update, request.base_url))
    if asked.query is None:
        if triples is None:
            return error_response(
                406, "the service description is served as " + ", ".join(f.media_type for f in TRIPLES)
            )
        body = service_description(request.base_url, served.update_token is not None, served.query_timeout, triples)
        return Response(body, content_type=triples.media_type)
    job = Job(
        asked.query,
        asked.default_graphs,
        asked.named_graphs,
        solutions,
        triples,
        served.max_result_bytes,
        request.base_url,  # the service's base IRI (protocol §2.3): its endpoint
    )
    response = _answer(pool().run(job))
    response.vary.add("Accept")
    return response
