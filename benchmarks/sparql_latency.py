"""Latency of kg's SPARQL endpoint against pyoxigraph on the same store, in one run.

    .venv/bin/python benchmarks/sparql_latency.py [--store DIR | --articles 300] [--repeat 20]

A fixed mix of queries (each returning at most 1,000 rows) runs `--repeat` times two ways, taking
turns: directly on pyoxigraph (query the store opened read-only, serialise the result as SPARQL JSON)
and through `kg serve` over HTTP (POST, keep-alive connection, SPARQL JSON). Printed: each query's
median milliseconds both ways and their ratio, then the median ratio over the mix and the ratio of the
summed medians. Without `--store`, `--articles` articles of CoNLL04 news sentences are built first
(see build_scale.py).
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_scale import start_server, store_or_build  # noqa: E402

from kg.rdf.namespaces import PREFIXES  # noqa: E402
from kg.store import generations  # noqa: E402

MOST_CONNECTED = """SELECT ?e (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st a kg:Statement .
  { ?st rdf:subject ?e } UNION { ?st rdf:object ?e } ?e kg:mentionedIn ?d } GROUP BY ?e ORDER BY DESC(?n) LIMIT 20"""


def query_mix(entity: str) -> dict[str, str]:
    """The queries timed, by name; `entity` is the IRI of the most connected entity."""
    return {
        "ask": "ASK { ?s a kg:Statement }",
        "label lookup": 'SELECT DISTINCT ?e WHERE { ?e rdfs:label ?l FILTER(STRSTARTS(?l, "A")) } LIMIT 100',
        "facts about an entity": f"""SELECT DISTINCT ?p ?o ?sentence WHERE {{
            ?st rdf:subject <{entity}> ; kg:predicateLabel ?p ; rdf:object ?o ; kg:sentence/kg:text ?sentence }}
            LIMIT 1000""",
        "works for, 1000 rows": """SELECT DISTINCT ?who ?org WHERE { ?p schema:worksFor ?o .
            ?p rdfs:label ?who . ?o rdfs:label ?org } LIMIT 1000""",
        "statements with sentences, 1000 rows": """SELECT ?s ?p ?o ?text WHERE { ?st a kg:Statement ;
            rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:sentence/kg:text ?text } LIMIT 1000""",
        "most connected (aggregate)": MOST_CONNECTED,
        "describe an entity": f"CONSTRUCT {{ <{entity}> ?p ?o }} WHERE {{ <{entity}> ?p ?o }} LIMIT 1000",
    }


def direct(store: ox.Store, query: str) -> bytes:
    result = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryTriples):
        return ox.serialize(result, format=ox.RdfFormat.TURTLE)
    return result.serialize(format=ox.QueryResultsFormat.JSON)


def over_http(connection: http.client.HTTPConnection, query: str) -> bytes:
    body = urllib.parse.urlencode({"query": query})
    connection.request(
        "POST",
        "/sparql",
        body,
        {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json, text/turtle"},
    )
    response = connection.getresponse()
    data = response.read()
    if response.status != 200:
        raise RuntimeError(f"HTTP {response.status}: {data[:200]!r}")
    return data


def timed(function, *args) -> tuple[float, bytes]:
    start = time.perf_counter()
    out = function(*args)
    return (time.perf_counter() - start) * 1000, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, help="An existing kg store (default: build one).")
    parser.add_argument("--articles", type=int, default=300, help="Articles to build when no --store is given.")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--port", type=int, default=8781)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        store_path = store_or_build(args.store, args.articles, Path(tmp))
        store = ox.Store.read_only(str(generations.current(store_path)))
        top = next(iter(store.query(MOST_CONNECTED, prefixes=PREFIXES, use_default_graph_as_union=True)))["e"].value
        server = start_server(store_path, args.port)
        try:
            connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
            print(f"store: {len(store):,} quads; {args.repeat} runs of each query, medians in ms")
            print(f"{'query':40} {'bytes':>12} {'pyoxigraph':>11} {'HTTP':>8} {'ratio':>6}")
            ratios, direct_total, http_total = [], 0.0, 0.0
            for name, query in query_mix(top).items():
                direct(store, query), over_http(connection, query)  # warm both
                direct_ms, http_ms = [], []
                for _ in range(args.repeat):
                    ms, data = timed(direct, store, query)
                    direct_ms.append(ms)
                    ms, served = timed(over_http, connection, query)
                    http_ms.append(ms)
                a, b = statistics.median(direct_ms), statistics.median(http_ms)
                ratios.append(b / a)
                direct_total += a
                http_total += b
                print(f"{name:40} {len(served):>12,} {a:>11.2f} {b:>8.2f} {b / a:>6.2f}")
            print(
                f"median ratio over the mix: {statistics.median(ratios):.2f}; summed medians: "
                f"{direct_total:.1f} ms direct, {http_total:.1f} ms HTTP, ratio {http_total / direct_total:.2f} "
                "(target below 1.5)"
            )
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
