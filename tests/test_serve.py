"""`kg serve` as clients meet it: the SPARQL 1.1 Protocol, content negotiation, limits, updates and export.

Every test talks HTTP to a real `kg serve` (gunicorn) on the sample store, with SPARQLWrapper, rdflib's
SPARQLStore or plain urllib, and checks the answers against the store read directly.
"""

from __future__ import annotations

import csv
import http.client
import io
import json
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import rdflib
import rdflib.util
from conftest import fetch, kg_server, run
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from kg.store import KGStore

KG = "https://kg.example.org/ontology#"
PEOPLE = "SELECT DISTINCT ?label WHERE { ?e a kg:Person ; rdfs:label ?label } ORDER BY ?label"
PEOPLE_GRAPH = "CONSTRUCT { ?e a kg:Person ; rdfs:label ?label } WHERE { ?e a kg:Person ; rdfs:label ?label }"
# A cross product of every triple with every other, twice: far longer than any timeout here
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def direct(sample_store: Path) -> KGStore:
    return KGStore(sample_store, read_only=True)


@pytest.fixture(scope="module")
def people(direct: KGStore) -> set[str]:
    found = {row["label"].value for row in direct.query(PEOPLE)}
    assert len(found) > 5
    return found


def _count(store: KGStore, where: str, **options) -> int:
    return int(next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}", **options)))["n"].value)


def _labels_from_json(body: bytes) -> set[str]:
    return {b["label"]["value"] for b in json.loads(body)["results"]["bindings"]}


def test_served_by_a_production_wsgi_server(server: str) -> None:
    reply = fetch(server + "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"))
    assert reply.status == 200
    assert reply.headers["Server"].startswith("gunicorn")


@pytest.mark.parametrize("how", ["GET", "POST form", "POST sparql-query"])
def test_a_query_by_get_and_both_posts(server: str, people: set[str], how: str) -> None:
    url = server + "/sparql"
    if how == "GET":
        reply = fetch(url + "?" + urllib.parse.urlencode({"query": PEOPLE}))
    elif how == "POST form":
        reply = fetch(url, {"query": PEOPLE})
    else:
        reply = fetch(url, PEOPLE.encode(), {"Content-Type": "application/sparql-query"})
    assert reply.status == 200, reply.body
    assert reply.headers.get_content_type() == "application/sparql-results+json"
    assert _labels_from_json(reply.body) == people


def _wrapper(server: str, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    if method != "GET":
        client.setMethod(POST)
        if method == "POSTDIRECTLY":
            client.setRequestMethod(POSTDIRECTLY)
    return client


def test_sparqlwrapper_json(server: str, people: set[str]) -> None:
    result = _wrapper(server, PEOPLE, JSON).queryAndConvert()
    assert {b["label"]["value"] for b in result["results"]["bindings"]} == people


def test_sparqlwrapper_xml(server: str, people: set[str]) -> None:
    document = _wrapper(server, PEOPLE, XML, "POST").queryAndConvert()
    assert {node.firstChild.nodeValue for node in document.getElementsByTagName("literal")} == people


@pytest.mark.parametrize(
    "fmt, delimiter, media_type", [(CSV, ",", "text/csv"), (TSV, "\t", "text/tab-separated-values")]
)
def test_sparqlwrapper_csv_and_tsv(server: str, people: set[str], fmt: str, delimiter: str, media_type: str) -> None:
    response = _wrapper(server, PEOPLE, fmt).query()
    assert response.info()["content-type"].startswith(media_type)
    rows = list(csv.reader(io.StringIO(response.convert().decode()), delimiter=delimiter))
    assert rows[0] in (["label"], ["?label"])
    found = {cell.strip('"') for row in rows[1:] for cell in row}  # TSV writes literals in quotes
    assert found == people


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_sparqlwrapper_ask(server: str, fmt: str) -> None:
    yes = _wrapper(server, "ASK { ?e a kg:Person }", fmt, "POSTDIRECTLY").queryAndConvert()
    no = _wrapper(server, "ASK { ?e a kg:NoSuchClass }", fmt).queryAndConvert()
    if fmt == JSON:
        assert (yes["boolean"], no["boolean"]) == (True, False)
    else:
        assert [d.getElementsByTagName("boolean")[0].firstChild.nodeValue for d in (yes, no)] == ["true", "false"]


@pytest.mark.parametrize(
    "fmt, media_type", [(TURTLE, "text/turtle"), (RDFXML, "application/rdf+xml"), (JSONLD, "application/ld+json")]
)
def test_sparqlwrapper_construct(server: str, people: set[str], fmt: str, media_type: str) -> None:
    response = _wrapper(server, PEOPLE_GRAPH, fmt).query()
    assert response.info()["content-type"].startswith(media_type)
    converted = response.convert()
    graph = rdflib.Graph().parse(data=converted, format="turtle") if fmt == TURTLE else converted
    assert {str(o) for o in graph.objects(None, rdflib.RDFS.label)} == people


def test_construct_as_ntriples_by_accept(server: str, people: set[str]) -> None:
    reply = fetch(server + "/sparql", {"query": PEOPLE_GRAPH}, {"Accept": "application/n-triples"})
    assert reply.headers.get_content_type() == "application/n-triples"
    graph = rdflib.Graph().parse(data=reply.body, format="nt")
    assert {str(o) for o in graph.objects(None, rdflib.RDFS.label)} == people


def test_format_parameter_wins_over_accept(server: str) -> None:
    reply = fetch(server + "/sparql?format=tsv", {"query": PEOPLE}, {"Accept": "application/sparql-results+json"})
    assert reply.headers.get_content_type() == "text/tab-separated-values"
    assert reply.text.startswith("?label\n")


def test_rdflib_sparqlstore(server: str, direct: KGStore, people: set[str]) -> None:
    graph = rdflib.Graph(store=SPARQLStore(server + "/sparql"))
    rows = graph.query(f"PREFIX kg: <{KG}> PREFIX rdfs: <{rdflib.RDFS}> {PEOPLE}")
    assert {str(row[0]) for row in rows} == people
    typed = set(graph.triples((None, rdflib.RDF.type, rdflib.URIRef(KG + "Person"))))
    assert len(typed) == _count(direct, "SELECT DISTINCT ?e WHERE { ?e a kg:Person }")


def test_default_graph_is_the_union_and_graph_reaches_each_article(server: str, direct: KGStore) -> None:
    count = "SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st a kg:Statement }"
    per_graph = "SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE { GRAPH ?g { ?st a kg:Statement } }"
    union = json.loads(fetch(server + "/sparql", {"query": count}).body)["results"]["bindings"][0]["n"]["value"]
    graphs = json.loads(fetch(server + "/sparql", {"query": per_graph}).body)["results"]["bindings"][0]["n"]["value"]
    assert (
        int(union)
        == int(graphs)
        == _count(direct, "?st a kg:Statement", use_default_graph_as_union=False)
        + _count(direct, "SELECT DISTINCT ?st WHERE { GRAPH ?g { ?st a kg:Statement } }")
        > 0
    )


def test_default_graph_uri_and_named_graph_uri(server: str, direct: KGStore) -> None:
    graphs = sorted(d.graph for d in direct.documents().values())
    first, second = graphs[0], graphs[1]
    expected = _count(direct, f"GRAPH <{first}> {{ ?s ?p ?o }}")
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    reply = fetch(server + "/sparql", {"query": count, "default-graph-uri": first})
    assert int(json.loads(reply.body)["results"]["bindings"][0]["n"]["value"]) == expected
    named = fetch(
        server + "/sparql",
        {"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": [first, second]},
    )
    assert {b["g"]["value"] for b in json.loads(named.body)["results"]["bindings"]} == {first, second}


def test_service_description(server: str) -> None:
    reply = fetch(server + "/sparql", headers={"Accept": "text/turtle"})
    assert reply.status == 200 and reply.headers.get_content_type() == "text/turtle"
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    graph = rdflib.Graph().parse(data=reply.body, format="turtle")
    service = graph.value(None, rdflib.RDF.type, sd.Service, any=False)
    assert graph.value(service, sd.endpoint) == rdflib.URIRef(server + "/sparql")
    assert (service, sd.feature, sd.UnionDefaultGraph) in graph
    assert set(graph.objects(service, sd.supportedLanguage)) == {sd.SPARQL11Query}  # read-only
    as_jsonld = fetch(server + "/sparql", headers={"Accept": "application/ld+json"})
    assert len(rdflib.Graph().parse(data=as_jsonld.body, format="json-ld")) == len(graph)


def test_cors(server: str) -> None:
    reply = fetch(server + "/sparql?query=" + urllib.parse.quote("ASK {}"), headers={"Origin": "https://example.com"})
    assert reply.headers["Access-Control-Allow-Origin"] in ("*", "https://example.com")
    preflight = fetch(
        server + "/sparql",
        method="OPTIONS",
        headers={
            "Origin": "https://example.com",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert preflight.status == 200
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "authorization" in preflight.headers["Access-Control-Allow-Headers"].lower()


@pytest.mark.parametrize(
    "data, headers, status, message",
    [
        ({"query": "SELECT * WHERE { ?s ?p }"}, {}, 400, "malformed query: error at 1:"),
        ({"query": PEOPLE}, {"Accept": "image/png"}, 406, "can be served as application/sparql-results+json"),
        ({"query": PEOPLE}, {"Accept": "text/turtle"}, 406, "SELECT or ASK result"),
        ({"query": PEOPLE_GRAPH}, {"Accept": "text/csv"}, 406, "CONSTRUCT or DESCRIBE result"),
        ({"query": PEOPLE, "format": "yaml"}, {}, 406, "unknown format 'yaml'"),
        ({"query": PEOPLE, "update": "CLEAR ALL"}, {}, 400, "either 'query' or 'update'"),
        ({"query": "  "}, {}, 400, "the query is empty"),
        (b"SELECT * {}", {"Content-Type": "text/plain"}, 415, "not 'text/plain'"),
    ],
)
def test_bad_requests_get_a_4xx_and_one_line(server: str, data, headers: dict, status: int, message: str) -> None:
    reply = fetch(server + "/sparql", data, headers)
    assert reply.status == status
    assert message in reply.text and reply.text.count("\n") == 1


@pytest.mark.parametrize("method, path, data, status", [("GET", "/nowhere", None, 404), ("PUT", "/sparql", b"x", 405)])
def test_http_errors_are_one_line_too(server: str, method: str, path: str, data: bytes | None, status: int) -> None:
    reply = fetch(server + path, data, {"Content-Type": "application/sparql-query"}, method=method)
    assert reply.status == status
    assert reply.headers.get_content_type() == "text/plain" and reply.text.count("\n") == 1


def test_a_huge_request_is_refused_before_it_is_read(server: str) -> None:
    connection = http.client.HTTPConnection(urllib.parse.urlsplit(server).netloc, timeout=30)
    connection.putrequest("POST", "/sparql")
    connection.putheader("Content-Type", "application/sparql-query")
    connection.putheader("Content-Length", "10000001")
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 413
    assert response.read().decode().startswith("Request Entity Too Large")


def test_result_larger_than_the_limit_is_refused(server: str) -> None:
    reply = fetch(server + "/sparql", {"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert reply.status == 413
    assert "larger than the server's limit of 100,000 bytes" in reply.text


def test_long_query_is_stopped_while_others_are_answered(server: str) -> None:
    ask = server + "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }")
    with ThreadPoolExecutor(2) as pool:
        slow = pool.submit(fetch, server + "/sparql", {"query": ENDLESS})
        time.sleep(0.5)
        assert fetch(ask).status == 200
        assert not slow.done()
        reply = slow.result()
    assert reply.status == 503
    assert reply.text == "query timed out after 3 s and was stopped (the server's --query-timeout)\n"


def test_timed_out_queries_free_their_workers(server: str) -> None:
    """Both workers run an endless query; once stopped, the next query is answered at once rather than waiting
    for a worker (which would end in a 503 after the timeout)."""
    with ThreadPoolExecutor(2) as pool:
        replies = list(pool.map(lambda _: fetch(server + "/sparql", {"query": ENDLESS}), range(2)))
    assert [r.status for r in replies] == [503, 503]
    after = fetch(server + "/sparql", {"query": PEOPLE})
    assert after.status == 200


def test_updates_are_off_without_a_token(server: str) -> None:
    reply = fetch(server + "/sparql", {"update": "CLEAR ALL"})
    assert reply.status == 403 and "read-only" in reply.text
    assert fetch(server + "/sparql?update=CLEAR%20ALL").status == 405


@pytest.fixture(scope="module")
def writable(sample_store: Path, tmp_path_factory) -> tuple[str, Path]:
    copy = tmp_path_factory.mktemp("writable") / "store"
    with KGStore(sample_store, read_only=True) as store:
        store.backup(copy)
    with kg_server(copy, "--update-token", "s3cret", "--query-timeout", 3) as base:
        yield base, copy


def _quads(path: Path) -> int:
    with KGStore(path, read_only=True) as store:
        return len(store)


def test_update_needs_the_bearer_token(writable: tuple[str, Path]) -> None:
    base, path = writable
    before = _quads(path)
    insert = 'INSERT DATA { GRAPH <urn:notes> { <urn:a> <urn:says> "checked" } }'
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret"}):
        reply = fetch(base + "/sparql", {"update": insert}, headers)
        assert reply.status == 401 and reply.headers["WWW-Authenticate"].startswith("Bearer")
    assert _quads(path) == before
    ok = fetch(
        base + "/sparql",
        insert.encode(),
        {"Authorization": "Bearer s3cret", "Content-Type": "application/sparql-update"},
    )
    assert ok.status == 204
    assert fetch(base + "/sparql", {"query": "ASK { <urn:a> <urn:says> 'checked' }"}).text.find("true") > 0
    assert _quads(path) == before + 1
    description = rdflib.Graph().parse(data=fetch(base + "/sparql").body, format="turtle")
    assert rdflib.URIRef("http://www.w3.org/ns/sparql-service-description#SPARQL11Update") in set(description.objects())


def test_failed_and_stopped_updates_change_nothing(writable: tuple[str, Path]) -> None:
    base, path = writable
    token = {"Authorization": "Bearer s3cret"}
    before = _quads(path)
    malformed = fetch(base + "/sparql", {"update": "INSERT DATA { <urn:x> }"}, token)
    assert malformed.status == 400 and malformed.text.startswith("malformed update")
    endless = fetch(
        base + "/sparql",
        {"update": "INSERT { ?a ?b ?c } WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f } GRAPH ?z { ?g ?h ?i } }"},
        token,
    )
    assert endless.status == 503 and "nothing was changed" in endless.text
    assert _quads(path) == before
    assert fetch(base + "/sparql", {"update": "INSERT DATA { <urn:b> <urn:c> <urn:d> }"}, token).status == 204
    assert _quads(path) == before + 1


def test_a_build_while_serving_is_seen_once_published(writable: tuple[str, Path], tmp_path: Path) -> None:
    base, path = writable
    count = {"query": "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Article }"}
    before = int(json.loads(fetch(base + "/sparql", count).body)["results"]["bindings"][0]["n"]["value"])
    article = tmp_path / "harbour.txt"
    article.write_text("Harbour plans a new ferry\n\nThe city of Porto hired Marta Reis to run its ferry service.\n")
    assert run("build", article, "--store", path, "--quiet").exit_code == 0
    after = json.loads(fetch(base + "/sparql", count).body)["results"]["bindings"][0]["n"]["value"]
    assert int(after) == before + 1


@pytest.mark.parametrize(
    "fmt, parse_as, extension, named_graphs",
    [
        ("turtle", "turtle", "ttl", False),
        ("ntriples", "nt", "nt", False),
        ("rdfxml", "xml", "rdf", False),
        ("nquads", "nquads", "nq", True),
        ("trig", "trig", "trig", True),
        ("jsonld", "json-ld", "jsonld", True),
    ],
)
def test_export_round_trip(
    server: str, direct: KGStore, fmt: str, parse_as: str, extension: str, named_graphs: bool
) -> None:
    reply = fetch(server + f"/export?format={fmt}")
    assert reply.status == 200
    assert reply.headers["Content-Disposition"] == f'attachment; filename="kg-graph.{extension}"'
    if named_graphs:
        dataset = rdflib.Dataset()
        dataset.parse(data=reply.body, format=parse_as)
        assert sum(1 for _ in dataset.quads()) == len(direct)
        assert {str(g.identifier) for g in dataset.graphs()} >= {d.graph for d in direct.documents().values()}
    else:
        graph = rdflib.Graph().parse(data=reply.body, format=parse_as)
        assert len(graph) == _count(
            direct,
            "SELECT DISTINCT ?s ?p ?o WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }",
            use_default_graph_as_union=False,
        )


def test_export_of_an_unknown_format(server: str) -> None:
    reply = fetch(server + "/export?format=docx")
    assert reply.status == 400 and "unknown format 'docx'" in reply.text


def test_export_and_kg_export_know_the_same_formats(server: str, sample_store: Path, tmp_path: Path) -> None:
    from kg.rdf.formats import DATASETS

    for fmt in DATASETS:
        for name in (fmt.name, fmt.media_type):
            reply = fetch(server + "/export?" + urllib.parse.urlencode({"format": name}))
            assert reply.status == 200 and reply.headers.get_content_type() == fmt.media_type, name
            assert reply.headers["Content-Disposition"].endswith(f'.{fmt.extension}"')
        for name in fmt.names:
            path = tmp_path / f"graph-{name}.{fmt.extension}"
            result = run("export", "--store", sample_store, "--format", name, "-o", path)
            assert result.exit_code == 0, result.output
            parsed = rdflib.Dataset().parse(path, format=rdflib.util.guess_format(str(path)))
            objects = {quad[2] for quad in parsed.quads((None, None, None, None))}
            assert len(objects) > 100 and rdflib.Literal("Yann LeCun") in objects, name


def test_serve_says_when_its_port_is_taken(server: str, sample_store: Path) -> None:
    port = urllib.parse.urlsplit(server).port
    result = run("serve", "--store", sample_store, "--port", port)
    assert result.exit_code == 1
    assert result.stderr == f"kg: cannot listen on 127.0.0.1:{port} (Address already in use); choose another --port\n"


def test_serve_refuses_a_folder_that_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = run("serve", "--store", tmp_path)
    assert result.exit_code == 1
    assert result.stderr == f"kg: {tmp_path}: not a kg store (no 'current' link inside); give a new or empty folder\n"


def test_pages_allow_only_their_own_scripts_and_no_framing(server: str) -> None:
    for path in ["/", "/query", "/entity/Yann_LeCun"]:
        reply = fetch(server + path)
        policy = reply.headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy, path
        assert reply.headers["X-Content-Type-Options"] == "nosniff"
    reply = fetch(server + "/sparql?query=ASK%7B%7D")
    assert reply.headers["X-Content-Type-Options"] == "nosniff" and "Content-Security-Policy" not in reply.headers
