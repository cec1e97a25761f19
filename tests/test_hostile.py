"""Hostile input, generated (hypothesis): random and malformed bytes at ingest, and at every parameter of
the web app's routes. Ingest answers with a document or a one-line IngestError; the app never with a 500 or
a stack trace; nothing stored changes; a request body over the configured size gets 413."""

from __future__ import annotations

import gzip
import urllib.parse
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest import ingest
from kg.records import Document, IngestError
from kg.store import KGStore
from kg.web import create_app
from kg.web.config import ServeSettings

TOKEN = "hostile-token"
ROUTES = ["/sparql", "/store", "/export", "/api/search", "/api/facets", "/api/graph", "/api/path", "/api/statements"]
PARAMETERS = [
    "query", "update", "format", "default-graph-uri", "named-graph-uri", "using-graph-uri", "graph", "default",
    "q", "limit", "type", "predicate", "document", "entity", "community", "source", "target", "subject",
    "object", "min_confidence", "depth",
]  # fmt: skip
MEDIA_TYPES = [
    "application/x-www-form-urlencoded", "application/sparql-query", "application/sparql-update", "text/turtle",
    "application/n-triples", "application/ld+json", "text/plain", "multipart/form-data; boundary=x", "",
    "application/sparql-query; charset=utf-16",
]  # fmt: skip
hostile_text = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["", "{", "}}}", "<", "http://", "ASK {", "SELECT * WHERE { ?s ?p ?o", "%", "\x00", "é" * 50]),
    st.builds(lambda n: "(" * n + ")" * n, st.integers(0, 3000)),
)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def app(sample_store: Path, tmp_path_factory):
    copy = tmp_path_factory.mktemp("hostile") / "store"
    with KGStore(sample_store, read_only=True) as store:
        store.backup(copy)
    served = ServeSettings(store=copy, update_token=TOKEN, query_timeout=5, query_workers=1, max_request_bytes=200_000)
    application = create_app(served)
    application.config["TESTING"] = True
    with KGStore(copy, read_only=True) as store:
        before = len(store)
    yield application
    with KGStore(copy, read_only=True) as store:
        assert len(store) == before  # no hostile request wrote anything


def _check(response) -> None:
    body = response.get_data()
    assert response.status_code < 500, (response.status_code, body[:300])
    assert b"Traceback" not in body and b'File "' not in body


@FAST
@given(
    route=st.sampled_from(ROUTES),
    params=st.lists(st.tuples(st.sampled_from(PARAMETERS), hostile_text), max_size=4),
    accept=st.one_of(
        st.none(),
        st.text(st.characters(max_codepoint=255, exclude_characters="\r\n"), max_size=60),
        st.sampled_from(["text/turtle", "*/*;q=x", "application/json"]),
    ),
)
def test_random_parameters_never_break_a_route(app, route: str, params, accept) -> None:
    headers = {"Accept": accept} if accept is not None else {}
    query = urllib.parse.urlencode(params)
    _check(app.test_client().get(f"{route}?{query}", headers=headers))


@FAST
@given(
    route=st.sampled_from(["/sparql", "/store?graph=http://example.org/g", "/store?default"]),
    body=st.one_of(st.binary(max_size=2000), hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass"))),
    media_type=st.sampled_from(MEDIA_TYPES),
    method=st.sampled_from(["POST", "PUT", "DELETE"]),
    token=st.booleans(),
)
def test_random_bodies_never_break_a_route_or_change_the_store(
    app, route: str, body: bytes, media_type, method, token: bool
) -> None:
    """Without the token nothing may be written; with it, garbage is refused (a graph store write of a body
    that parses would write, so the token goes with SPARQL updates only)."""
    headers = {"Content-Type": media_type} if media_type else {}
    if token and route == "/sparql":
        headers["Authorization"] = f"Bearer {TOKEN}"
    _check(app.test_client().open(route, method=method, data=body, headers=headers))


@FAST
@given(key=hostile_text)
def test_random_entity_and_document_keys(app, key: str) -> None:
    quoted = urllib.parse.quote(key, safe="")
    for route in (f"/entity/{quoted}", f"/concept/{quoted}", f"/doc/{quoted}"):
        _check(app.test_client().get(route or "/entity/x"))


def test_a_body_over_the_limit_is_refused_and_a_gzip_bomb_is_not_opened(app) -> None:
    client = app.test_client()
    big = client.post("/sparql", data=b"q" * 300_000, headers={"Content-Type": "application/sparql-query"})
    assert big.status_code == 413
    bomb = gzip.compress(b"\0" * 50_000_000)  # 50 MB of zeros, 50 kB on the wire
    sent = client.post(
        "/sparql",
        data=bomb,
        headers={"Content-Type": "application/sparql-query", "Content-Encoding": "gzip"},
    )
    assert 400 <= sent.status_code < 500  # read as the bytes it is, not inflated
    _check(sent)


@settings(max_examples=150, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=5000),
        st.builds(lambda n: ("<div>" * n + "text" + "</div>" * n).encode(), st.integers(0, 5000)),
        st.builds(lambda n: b"<p>" + b"x" * n, st.integers(0, 300_000)),
        st.builds(lambda t: t.encode("utf-16"), st.text(max_size=200)),
    ),
    suffix=st.sampled_from([".txt", ".html", ".jsonl", ".md"]),
)
def test_random_files_are_read_or_refused_in_one_line(tmp_path_factory, data: bytes, suffix: str) -> None:
    path = tmp_path_factory.mktemp("hostile") / f"input{suffix}"
    path.write_bytes(data)
    for item in ingest([path]):
        assert isinstance(item, (Document, IngestError))
        if isinstance(item, IngestError):
            message = str(item)
            assert str(path) in message and "\n" not in message.strip(), message
