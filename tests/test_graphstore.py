"""The Graph Store HTTP Protocol at /store on a real `kg serve`: how other RDF tools push and pull whole
graphs. Reads are open; writes need the update token and change nothing when they fail."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from conftest import fetch, kg_server
from rdflib.compare import isomorphic

from kg.store import KGStore

TOKEN = {"Authorization": "Bearer gsp-token"}
NOTES = "http://example.org/notes"
TURTLE = b"""@prefix ex: <http://example.org/> .
ex:globex ex:bought ex:initech ; ex:name "Globex"@en .
ex:initech ex:founded 1998 .
"""
MORE = b'<http://example.org/vantage> <http://example.org/name> "Vantage" .\n'


@pytest.fixture(scope="module")
def base(sample_store: Path, tmp_path_factory) -> Iterator[str]:
    copy = tmp_path_factory.mktemp("gsp") / "store"
    with KGStore(sample_store, read_only=True) as store:
        store.backup(copy)
    with kg_server(copy, "--update-token", "gsp-token") as url:
        yield url


def _graph(body: bytes, fmt: str = "turtle") -> rdflib.Graph:
    return rdflib.Graph().parse(data=body, format=fmt)


def _url(base: str, graph: str = NOTES) -> str:
    return f"{base}/store?graph={graph}"


def test_put_get_post_head_delete_a_named_graph(base: str) -> None:
    created = fetch(_url(base), TURTLE, {**TOKEN, "Content-Type": "text/turtle"}, method="PUT")
    assert created.status == 201, created.text
    got = fetch(_url(base), headers={"Accept": "application/n-triples"})
    assert got.status == 200 and got.headers["Content-Type"].startswith("application/n-triples")
    assert isomorphic(_graph(got.body, "nt"), _graph(TURTLE))
    added = fetch(_url(base), MORE, {**TOKEN, "Content-Type": "application/n-triples"}, method="POST")
    assert added.status == 204, added.text
    both = _graph(fetch(_url(base)).body)
    assert len(both) == len(_graph(TURTLE)) + 1
    replaced = fetch(_url(base), MORE, {**TOKEN, "Content-Type": "application/n-triples"}, method="PUT")
    assert replaced.status == 204 and len(_graph(fetch(_url(base)).body)) == 1
    head = fetch(_url(base), method="HEAD")
    assert head.status == 200 and head.body == b"" and head.headers["Content-Type"].startswith("text/turtle")
    assert fetch(_url(base), headers=TOKEN, method="DELETE").status == 204
    assert fetch(_url(base)).status == 404
    assert fetch(_url(base), headers=TOKEN, method="DELETE").status == 404


def test_the_default_graph(base: str) -> None:
    assert fetch(f"{base}/store?default", TURTLE, {**TOKEN, "Content-Type": "text/turtle"}, method="PUT").status == 204
    assert isomorphic(_graph(fetch(f"{base}/store?default").body), _graph(TURTLE))
    ask = fetch(base + "/sparql", {"query": "ASK { <http://example.org/initech> <http://example.org/founded> 1998 }"})
    assert "true" in ask.text  # queries see it in the union default graph


def test_an_article_graph_is_read_whole(base: str, sample_store: Path) -> None:
    with KGStore(sample_store, read_only=True) as store:
        graph = next(iter(store.documents().values())).graph
        expected = len(list(store.store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")))
    got = fetch(_url(base, graph), headers={"Accept": "text/turtle"})
    assert got.status == 200 and len(_graph(got.body)) == expected > 0


@pytest.mark.parametrize(
    ("query", "body", "headers", "method", "status"),
    [
        ("graph=" + NOTES, TURTLE, {"Content-Type": "text/turtle"}, "PUT", 401),  # no token
        ("graph=" + NOTES, b"<a> <b> .", {**TOKEN, "Content-Type": "text/turtle"}, "PUT", 400),  # broken Turtle
        ("graph=" + NOTES, TURTLE, {**TOKEN, "Content-Type": "text/csv"}, "POST", 415),
        ("", TURTLE, {**TOKEN, "Content-Type": "text/turtle"}, "PUT", 400),  # no graph named
        ("default&graph=" + NOTES, None, {}, "GET", 400),  # two
        ("graph=not-an-iri", None, {}, "GET", 400),
        ("graph=" + NOTES, None, {"Accept": "text/csv"}, "GET", 406),
    ],
)
def test_bad_requests_change_nothing(base: str, sample_store: Path, query, body, headers, method, status) -> None:
    before = fetch(base + "/sparql", {"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"}).text
    reply = fetch(f"{base}/store?{query}", body, headers, method=method)
    assert reply.status == status, reply.text
    assert len(reply.text.strip().splitlines()) == 1
    assert fetch(base + "/sparql", {"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"}).text == before
