"""`kg serve`: the graph browser, entity pages, SPARQL endpoint and export; `kg demo`: the samples built and served."""

from __future__ import annotations

import socket
from importlib import resources
from pathlib import Path

import click

from kg.cli.common import base_option, fail, store_option, warn
from kg.cli.graph import build, query

_DEFAULT_PORT = 8000


def sample_folder() -> Path:
    """Folder of the sample articles shipped with kg."""
    return Path(str(resources.files("kg") / "samples" / "articles"))


def sample_entities() -> Path:
    """The reference entities shipped with the samples (`kg build --entities`)."""
    return Path(str(resources.files("kg") / "samples" / "entities.ttl"))


def _address_in_use(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port, or None if it can."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as err:
        return err.strerror or str(err)
    return None


def _serve(
    store_path: Path,
    base_iri: str | None,
    host: str,
    port: int,
    query_timeout: float | None,
    max_result_mb: float | None,
    max_request_mb: float | None,
    update_token: str | None,
    query_workers: int | None,
    access_log: bool,
    allow_service: tuple[str, ...],
) -> None:
    from kg.store import KGStore, StoreError, generations
    from kg.web.config import ServeSettings
    from kg.web.server import serve as run_server

    defaults = ServeSettings()
    settings = ServeSettings(
        store=store_path,
        base_iri=base_iri or defaults.base_iri,
        query_timeout=query_timeout or defaults.query_timeout,
        max_result_bytes=int(max_result_mb * 1_000_000) if max_result_mb else defaults.max_result_bytes,
        max_request_bytes=int(max_request_mb * 1_000_000) if max_request_mb else defaults.max_request_bytes,
        update_token=update_token or None,
        query_workers=query_workers or defaults.query_workers,
        allowed_services=allow_service or defaults.allowed_services,
    )
    try:
        if generations.current(store_path) is None:
            KGStore(store_path).close()
            warn(f"{store_path} is empty: add articles with kg build")
    except StoreError as err:
        fail(str(err))
    problem = _address_in_use(host, port)
    if problem:
        fail(f"cannot listen on {host}:{port} ({problem}); choose another --port")
    reach = "may reach " + " ".join(settings.allowed_services) if settings.allowed_services else "refused"
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    click.echo(
        f"Serving {store_path} on http://{shown}:{port}/ (graph browser at /, query page at /query, "
        "SPARQL at /sparql, export at /export; "
        f"queries stop after {settings.query_timeout:g} s; "
        f"{'updates need the token' if settings.update_token else 'read-only'}; "
        f"SERVICE and LOAD {reach}"
        "). Ctrl-C stops.",
        err=True,
    )
    run_server(settings, host, port, access_log=access_log)


def serve_options(function):
    """The options of `kg serve`, shared with `kg demo`."""
    options = [
        click.option(
            "--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface)."
        ),
        click.option("--port", type=click.IntRange(1, 65535), default=_DEFAULT_PORT, show_default=True),
        click.option(
            "--query-timeout",
            type=click.FloatRange(min=0, min_open=True),
            envvar="KG_QUERY_TIMEOUT",
            default=None,
            help="Seconds a query may run before it is stopped and answered with 503 "
            "(env KG_QUERY_TIMEOUT; default 30).",
        ),
        click.option(
            "--max-result-mb",
            type=click.FloatRange(min=0, min_open=True),
            envvar="KG_MAX_RESULT_MB",
            default=None,
            help="Largest query result served, in MB; larger ones get 413 (env KG_MAX_RESULT_MB; default 100).",
        ),
        click.option(
            "--max-request-mb",
            type=click.FloatRange(min=0, min_open=True),
            envvar="KG_MAX_REQUEST_MB",
            default=None,
            help="Largest request body taken, in MB; larger ones get 413 before they are read "
            "(env KG_MAX_REQUEST_MB; default 10).",
        ),
        click.option(
            "--update-token",
            envvar="KG_UPDATE_TOKEN",
            default=None,
            help="Allow SPARQL Update for requests with 'Authorization: Bearer TOKEN' (env KG_UPDATE_TOKEN; "
            "default: read-only).",
        ),
        click.option(
            "--query-workers",
            type=click.IntRange(min=1),
            envvar="KG_QUERY_WORKERS",
            default=None,
            help="Processes answering queries at once (env KG_QUERY_WORKERS; default two per core).",
        ),
        click.option(
            "--allow-service",
            multiple=True,
            metavar="PREFIX",
            help="Let SERVICE (federated queries) and LOAD fetch addresses starting with PREFIX (repeatable; env "
            "KG_ALLOW_SERVICE, space-separated). By default they are refused: they would make the server fetch "
            "whatever address a client names.",
        ),
        click.option("--access-log", is_flag=True, help="Log every request on stderr."),
        base_option,
        store_option,
    ]
    for option in reversed(options):
        function = option(function)
    return function


@click.command()
@serve_options
def serve(**options) -> None:
    """Serve the store over HTTP: a graph browser, entity pages, a SPARQL 1.1 endpoint and RDF export.

    \b
      /                 graph browser: search, expand, filter, communities, paths
      /entity/KEY       an entity's page (HTML, or Turtle/JSON-LD/N-Triples by Accept)
      /doc/ID           an article's text with its mentions highlighted
      /query            query page (YASGUI) with example queries
      /sparql           SPARQL 1.1 Protocol: GET or POST; results by Accept or ?format=
      /store?graph=IRI  Graph Store Protocol: GET/HEAD a graph, PUT/POST/DELETE with the token
      /export?format=F  the whole graph: turtle, ntriples, nquads, trig, jsonld, rdfxml
      /api/...          the browser's JSON: search, facets, graph, path, statements

    Served by gunicorn. Queries run in worker processes and are stopped at the timeout; the server is
    read-only unless started with --update-token.
    """
    _serve(**options)


@click.command()
@serve_options
@click.option(
    "--serve/--no-serve", "then_serve", default=True, show_default=True, help="Serve the graph once it is built."
)
@click.pass_context
def demo(ctx: click.Context, then_serve: bool, **options) -> None:
    """Build the bundled sample articles into the store, show what the graph holds and serve it."""
    store_path = options["store_path"]
    click.echo(
        f"Building {sample_folder()} into {store_path}, with the known entities of {sample_entities()} ...", err=True
    )
    try:
        ctx.invoke(
            build,
            paths=(sample_folder(),),
            store_path=store_path,
            base_iri=options["base_iri"],
            models=(),
            jobs=None,
            min_confidence=None,
            entities=sample_entities(),
            clauses=None,
            quiet=False,
        )
    except SystemExit as done:
        if done.code:
            raise
    click.echo("\nMost connected entities:")
    ctx.invoke(
        query,
        store_path=store_path,
        fmt="table",
        sparql=(
            "SELECT ?entity (COUNT(DISTINCT ?st) AS ?statements) WHERE { ?st a kg:Statement . "
            "{ ?st rdf:subject ?e } UNION { ?st rdf:object ?e } ?e rdfs:label ?entity "
            "FILTER EXISTS { ?e kg:mentionedIn ?d } } "
            "GROUP BY ?entity ORDER BY DESC(?statements) ?entity LIMIT 10"
        ),
    )
    if then_serve:
        _serve(**options)
