"""`kg serve` under load: concurrent clients for a while, with a mix of the query page's example queries,
entity lookups and a few heavy queries, on 127.0.0.1 only.

    .venv/bin/python benchmarks/load.py [--store DIR | --articles 300] [--clients 16] [--seconds 60]

Each client loops: mostly an example query (`web/queries/*.rq`) or a lookup (`/api/search`, an entity's
page), and one request in two hundred a heavy query (a cross product the server stops at its query
timeout, given as `--query-timeout`, 10 s here). Printed: requests per second and p50/p99 milliseconds by
kind, errors by kind (only the heavy queries may fail, with 503), the server's memory (all its processes,
pages shared between them counted once) every 10 s, and the reference the figures are read against,
measured in the same run: one client alone for a tenth of the time (the ratio is the throughput of all
clients over one's). Without
`--store`, `--articles` articles of CoNLL04 news sentences are built first (see build_scale.py).
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_scale import start_server, store_or_build, tree_rss  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ENTITIES = "SELECT DISTINCT ?e ?l WHERE { ?e kg:mentionedIn ?d ; rdfs:label ?l } LIMIT 50"
HEAVY_SHARE = 0.005  # one request in two hundred
FORM = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"}


def requests_mix(port: int) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(kind, method, path-or-query) requests to draw from, and entity keys for lookups."""
    examples = [p.read_text() for p in sorted((ROOT / "web" / "queries").glob("*.rq"))]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    body = urllib.parse.urlencode(
        {"query": "SELECT DISTINCT ?e ?l WHERE { ?e kg:mentionedIn ?d ; rdfs:label ?l } LIMIT 50"}
    )
    connection.request("POST", "/sparql", body, FORM)
    rows = json.loads(connection.getresponse().read())["results"]["bindings"]
    names = [row["l"]["value"] for row in rows]
    pages = [urllib.parse.quote(urllib.parse.urlsplit(row["e"]["value"]).path, safe="/%") for row in rows]
    mix = [("example query", "POST", q) for q in examples]
    mix += [("search", "GET", "/api/search?" + urllib.parse.urlencode({"q": n[:4]})) for n in names]
    mix += [("entity page", "GET", page) for page in pages]
    return mix, names


def one(connection: http.client.HTTPConnection, method: str, target: str) -> int:
    if method == "POST":
        connection.request("POST", "/sparql", urllib.parse.urlencode({"query": target}), FORM)
    else:
        connection.request("GET", target)
    response = connection.getresponse()
    response.read()
    return response.status


def drive(port: int, mix: list, clients: int, seconds: float, seed: int = 1) -> tuple[dict, dict, float]:
    """Latencies (ms) and errors by kind from `clients` threads for `seconds`; the elapsed time."""
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, Counter] = defaultdict(Counter)  # kind -> status -> how many (0: no answer)
    lock, deadline = threading.Lock(), time.perf_counter() + seconds

    def client(k: int) -> None:
        rng = random.Random(seed * 100 + k)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while time.perf_counter() < deadline:
            kind, method, target = ("heavy query", "POST", HEAVY) if rng.random() < HEAVY_SHARE else rng.choice(mix)
            start = time.perf_counter()
            try:
                status = one(connection, method, target)
            except (OSError, http.client.HTTPException):
                status = 0
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            with lock:
                latencies[kind].append((time.perf_counter() - start) * 1000)
                if status != 200:
                    errors[kind][status] += 1

    began = time.perf_counter()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - began


def report(latencies: dict, errors: dict, elapsed: float) -> float:
    total = sum(len(v) for v in latencies.values())
    for kind, times in sorted(latencies.items()):
        ordered = sorted(times)
        p99 = ordered[max(0, int(len(ordered) * 0.99) - 1)]
        print(
            f"  {kind:14} {len(times):>7} requests {len(times) / elapsed:>8.1f}/s   "
            f"p50 {statistics.median(times):>8.1f} ms   p99 {p99:>8.1f} ms   "
            f"errors {sum(errors[kind].values())} {dict(errors[kind]) if errors[kind] else ''}"
        )
    print(f"  all            {total:>7} requests {total / elapsed:>8.1f}/s")
    return total / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--query-timeout", type=float, default=10)
    parser.add_argument("--port", type=int, default=8783)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        store = store_or_build(args.store, args.articles, Path(tmp))
        server = start_server(store, args.port, "--query-timeout", args.query_timeout)
        try:
            mix, _ = requests_mix(args.port)
            print(f"one client for {args.seconds / 10:g} s (the reference):")
            alone = report(*drive(args.port, mix, 1, args.seconds / 10))
            memory: list[tuple[float, float]] = []
            sampling = threading.Event()

            def sample() -> None:
                began = time.perf_counter()
                while not sampling.is_set():
                    memory.append((time.perf_counter() - began, tree_rss(server.pid) / 2**20))
                    sampling.wait(1)

            sampler = threading.Thread(target=sample)
            sampler.start()
            print(f"{args.clients} clients for {args.seconds:g} s:")
            latencies, errors, elapsed = drive(args.port, mix, args.clients, args.seconds, seed=2)
            sampling.set()
            sampler.join()
            together = report(latencies, errors, elapsed)
        finally:
            server.terminate()
            server.wait()
    steps = [f"{t:>4.0f}s {mb:>6.0f}" for t, mb in memory if int(t) % 10 == 0 or (t, mb) == memory[-1]]
    print("server memory, MB: " + " | ".join(dict.fromkeys(steps)))
    light_errors = sum(sum(n.values()) for kind, n in errors.items() if kind != "heavy query")
    print(
        f"{args.clients} clients / 1 client throughput: {together / alone:.2f}; errors outside the heavy queries: "
        f"{light_errors}; memory first {memory[0][1]:.0f} MB, peak {max(mb for _, mb in memory):.0f} MB, "
        f"last {memory[-1][1]:.0f} MB"
    )


if __name__ == "__main__":
    main()
