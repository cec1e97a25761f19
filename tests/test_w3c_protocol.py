"""The W3C SPARQL 1.1 Protocol test suite (w3c/rdf-tests `sparql/sparql11/protocol/`), run against a real
`kg serve` with updates on: each test's requests are read from the suite's manifest, sent in order, and their
responses checked for the status class, the result format and the ASK answer the manifest expects. The data
graphs a test names (http://kasei.us/2009/09/sparql/data/dataN.rdf) are loaded from the suite's copies first.
"""

from __future__ import annotations

import http.client
import json
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import rdflib
from conftest import Reply, fetch, kg_server
from rdflib.collection import Collection

from kg.store import KGStore

SUITE = Path(__file__).with_name("data") / "w3c-sparql11-protocol"
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
TOKEN = "w3c-suite"
FORMATS = {  # the media types each expected result format may come as
    "boolean": ("application/sparql-results+xml", "application/sparql-results+json"),
    "tabular": (
        "application/sparql-results+xml",
        "application/sparql-results+json",
        "text/csv",
        "text/tab-separated-values",
    ),
    "RDF": ("application/rdf+xml", "text/turtle", "application/n-triples", "text/html"),
}


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: set[str]  # "2xx", "4xx", ...
    expected_format: str | None
    expected_boolean: bool | None


@dataclass
class ProtocolTest:
    name: str
    graphs: dict[str, Path]  # graph name -> N-Triples file
    requests: list[Request]


def _tests() -> list[ProtocolTest]:
    manifest = rdflib.Graph().parse(SUITE / "manifest.ttl", format="turtle", publicID=SUITE.as_uri() + "/")
    (root,) = manifest.subjects(rdflib.RDF.type, MF.Manifest)
    tests = []
    for entry in Collection(manifest, manifest.value(root, MF.entries)):
        graphs = {
            str(manifest.value(data, rdflib.RDFS.label)): Path(
                str(manifest.value(data, UT.graph)).removeprefix("file://")
            )
            for data in manifest.objects(entry, UT.graphData)
        }
        action = manifest.value(entry, MF.action)
        requests = [_request(manifest, r) for r in Collection(manifest, manifest.value(action, HT.requests))]
        tests.append(ProtocolTest(str(manifest.value(entry, MF.name)), graphs, requests))
    return tests


def _request(manifest: rdflib.Graph, node: rdflib.term.Node) -> Request:
    headers = {}
    listed = manifest.value(node, HT.headers)
    for header in Collection(manifest, listed) if listed is not None else []:
        headers[str(manifest.value(header, HT.fieldName))] = str(manifest.value(header, HT.fieldValue))
    body = manifest.value(node, HT.body)
    data = None
    if body is not None:
        encoding = str(manifest.value(body, CNT.characterEncoding) or "UTF-8")
        data = str(manifest.value(body, CNT.chars)).encode(encoding)
    response = manifest.value(node, HT.resp)
    statuses = {str(s).rsplit("StatusCode", 1)[-1] for s in manifest.objects(response, MF.expectedStatus)}
    expected_format = manifest.value(response, MF.expectedFormat)
    expected_boolean = manifest.value(response, MF.expectedBoolean)
    return Request(
        str(manifest.value(node, HT.methodName)),
        str(manifest.value(node, HT.absolutePath)).replace("/sparql/", "/sparql", 1),
        headers,
        data,
        statuses,
        str(expected_format) if expected_format is not None else None,
        expected_boolean.toPython() if expected_boolean is not None else None,
    )


TESTS = _tests()


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory) -> Iterator[str]:
    """`kg serve` on an empty store that takes updates with the suite's token."""
    path = tmp_path_factory.mktemp("w3c") / "store"
    KGStore(path).close()
    with kg_server(path, "--update-token", TOKEN, "--query-timeout", 10) as base:
        yield base


def _load(base: str, graphs: dict[str, Path]) -> None:
    """Replace the store's contents with the test's data graphs (through the endpoint, as a client would)."""
    inserts = " ".join(f"GRAPH <{name}> {{ {path.read_text(encoding='utf-8')} }}" for name, path in graphs.items())
    update = "CLEAR ALL" + (f" ; INSERT DATA {{ {inserts} }}" if inserts else "")
    reply = fetch(base + "/sparql", {"update": update}, {"Authorization": f"Bearer {TOKEN}"})
    assert reply.status == 204, reply.text


def _send(base: str, request: Request, headers: dict[str, str]) -> Reply:
    """The request exactly as the manifest gives it: no header added but the token and the length (a
    client library would add a content type the suite's tests leave out on purpose)."""
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port, timeout=60)
    try:
        connection.request(request.method, request.path, body=request.body, headers=headers)
        response = connection.getresponse()
        return Reply(response.status, response.headers, response.read())
    finally:
        connection.close()


def _boolean(media_type: str, body: bytes) -> bool:
    if "json" in media_type:
        return json.loads(body)["boolean"]
    found = ET.fromstring(body).find("{http://www.w3.org/2005/sparql-results#}boolean")
    assert found is not None and found.text is not None, body[:200]
    return found.text.strip() == "true"


@pytest.mark.parametrize("test", TESTS, ids=[t.name for t in TESTS])
def test_w3c_protocol(endpoint: str, test: ProtocolTest) -> None:
    if test.graphs:
        _load(endpoint, test.graphs)
    for request in test.requests:
        headers = {**request.headers, "Authorization": f"Bearer {TOKEN}"}
        reply = _send(endpoint, request, headers)
        assert f"{str(reply.status)[0]}xx" in request.statuses, (request.method, request.path, reply.status, reply.text)
        media_type = (reply.headers.get("Content-Type") or "").split(";")[0].strip()
        if request.expected_format is not None:
            assert media_type in FORMATS[request.expected_format], (request.expected_format, media_type)
        if request.expected_boolean is not None:
            assert _boolean(media_type, reply.body) is request.expected_boolean, reply.body[:300]
