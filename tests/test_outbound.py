"""SERVICE and LOAD make the server fetch addresses a client names: refused unless the operator allow-lists them
(kg serve --allow-service PREFIX). Only local servers are used: Oxigraph's own server (the `oxigraph` binary)
as a real SPARQL endpoint, and a local HTTP server that answers garbage."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import fetch, free_port, kg_server

OXIGRAPH = Path(sys.executable).with_name("oxigraph")
needs_oxigraph = pytest.mark.skipif(not OXIGRAPH.exists(), reason="the oxigraph server (pip install oxigraph)")


def ask(server: str, query: str) -> tuple[int, str]:
    reply = fetch(
        server + "/sparql?" + urllib.parse.urlencode({"query": query}),
        headers={"Accept": "application/sparql-results+json"},
    )
    return reply.status, reply.text


@pytest.fixture(scope="module")
def remote(tmp_path_factory) -> Iterator[str]:
    """Oxigraph server on a free local port, holding one triple."""
    port = free_port()
    folder = tmp_path_factory.mktemp("remote")
    process = subprocess.Popen(
        [str(OXIGRAPH), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if (
                    fetch(
                        base + "/update",
                        b"INSERT DATA { <urn:remote:a> <urn:remote:says> 'hello from afar' }",
                        {"Content-Type": "application/sparql-update"},
                        timeout=5,
                    ).status
                    == 204
                ):
                    break
            except OSError:  # not listening yet
                time.sleep(0.1)
        else:
            raise RuntimeError("the oxigraph server did not start")
        yield base
    finally:
        process.terminate()
        process.wait()


class _Garbage(BaseHTTPRequestHandler):
    """Answers /slow after a minute, anything else at once with what is not SPARQL results."""

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        self._answer()

    def do_POST(self) -> None:  # noqa: N802
        self._answer()

    def _answer(self) -> None:
        if self.path.startswith("/slow"):
            time.sleep(60)
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(b"{this is not json")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def garbage() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Garbage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_service_and_load_are_refused_by_default(server: str) -> None:
    status, text = ask(server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 400 and "SERVICE <http://127.0.0.1:9/sparql> would make the server fetch" in text
    status, text = ask(server, "PREFIX in: <http://10.1.2.3/> SELECT * { SERVICE SILENT in:q { ?s ?p ?o } }")
    assert status == 400 and "<http://10.1.2.3/q>" in text
    status, text = ask(server, "select * { service ?where { ?s ?p ?o } }")
    assert status == 400 and "a variable" in text
    reply = fetch(server + "/sparql", {"update": "LOAD <http://169.254.169.254/latest/meta-data>"})
    assert reply.status == 400 and "LOAD <http://169.254.169.254/latest/meta-data>" in reply.text
    status, _ = ask(server, 'SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1:9/>" } LIMIT 1')  # only words
    assert status == 200


@needs_oxigraph
def test_an_allow_listed_endpoint_is_queried_and_no_other(sample_store: Path, remote: str, garbage: str) -> None:
    with kg_server(
        sample_store,
        "--query-workers",
        1,
        "--allow-service",
        remote + "/",
        "--allow-service",
        garbage + "/",
        env={"KG_QUERY_TIMEOUT": "3"},
    ) as base:
        status, text = ask(base, f"SELECT ?o WHERE {{ SERVICE <{remote}/query> {{ ?s ?p ?o }} }}")
        assert status == 200 and "hello from afar" in text
        status, text = ask(base, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
        assert status == 400 and "allows only" in text
        status, text = ask(base, f"SELECT * WHERE {{ SERVICE <{garbage}/sparql> {{ ?s ?p ?o }} }}")
        assert status == 502 and "remote endpoint" in text, text  # an answer that is not SPARQL results: an error
        started = time.monotonic()
        status, text = ask(base, f"SELECT * WHERE {{ SERVICE <{garbage}/slow> {{ ?s ?p ?o }} }}")
        assert status == 503 and time.monotonic() - started < 30  # the query's time limit applies
        status, text = ask(base, "ASK { ?s ?p ?o }")
        assert status == 200 and "true" in text  # and the server answers the next query
