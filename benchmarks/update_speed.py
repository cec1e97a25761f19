"""Small SPARQL updates per second through `kg serve`, with 0 and with 4 concurrent readers, against the same
update applied directly to the store as one kg transaction (open, new generation, update, publish), in one run.

    .venv/bin/python benchmarks/update_speed.py [--store DIR] [--updates 100] [--readers 4]

Each update is a one-triple `INSERT DATA`, POSTed as application/sparql-update with the update token over
a keep-alive connection; a reader repeats a small SELECT on its own connection while the updates run.
Printed: updates per second and the median and p99 milliseconds of each way, the served rates' ratio to
the direct one, and the readers' queries per second. Without `--store` the bundled sample articles are
built first (into a temporary folder; the store given is copied, never changed).
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_scale import KG, start_server  # noqa: E402

from kg.store import KGStore  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "bench-token"
READ = "SELECT ?s WHERE { ?s a ?t } LIMIT 20"


def _update(n: int) -> str:
    return f'INSERT DATA {{ GRAPH <urn:bench> {{ <urn:bench:{n}> <urn:bench:value> "{n}" }} }}'


def post(connection: http.client.HTTPConnection, body: str, headers: dict[str, str]) -> int:
    connection.request("POST", "/sparql", body.encode(), headers)
    response = connection.getresponse()
    response.read()
    return response.status


def direct(store_path: Path, count: int) -> list[float]:
    """Milliseconds of each update applied as `kg serve`'s updater does, without HTTP or a process."""
    times = []
    for n in range(count):
        start = time.perf_counter()
        with KGStore(store_path) as store, store.transaction():
            store.store.update(_update(n))
        times.append((time.perf_counter() - start) * 1000)
    return times


def served(port: int, count: int, readers: int) -> tuple[list[float], float]:
    """Milliseconds of each update through the server while `readers` threads query it; the readers' rate."""
    stop, reads = threading.Event(), [0] * readers

    def read(k: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        while not stop.is_set():
            if post(connection, urllib.parse.urlencode({"query": READ}), form) == 200:
                reads[k] += 1

    threads = [threading.Thread(target=read, args=(k,), daemon=True) for k in range(readers)]
    for thread in threads:
        thread.start()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"}
    times, began = [], time.perf_counter()
    for n in range(count):
        start = time.perf_counter()
        status = post(connection, _update(100_000 + n), headers)
        if status != 204:
            raise RuntimeError(f"update answered {status}")
        times.append((time.perf_counter() - start) * 1000)
    elapsed = time.perf_counter() - began
    stop.set()
    for thread in threads:
        thread.join()
    return times, sum(reads) / elapsed


def summary(name: str, times: list[float]) -> float:
    rate = 1000 * len(times) / sum(times)
    p99 = sorted(times)[max(0, int(len(times) * 0.99) - 1)]
    print(f"{name:34} {rate:>8.1f} updates/s   median {statistics.median(times):>7.1f} ms   p99 {p99:>7.1f} ms")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, help="An existing kg store to copy (default: build the samples).")
    parser.add_argument("--updates", type=int, default=100)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8782)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        store_path = Path(tmp) / "store"
        if args.store is not None:
            with KGStore(args.store, read_only=True) as source:
                source.backup(store_path)
        else:
            samples = ROOT / "kg" / "samples" / "articles"
            subprocess.run([*KG, "build", str(samples), "--store", str(store_path), "-q"], check=True)
        reference = summary("direct kg transaction (reference)", direct(store_path, args.updates))
        server = start_server(store_path, args.port, "--update-token", TOKEN)
        try:
            post(  # the first update starts the server's updater process
                http.client.HTTPConnection("127.0.0.1", args.port, timeout=60),
                _update(-1),
                {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"},
            )
            alone, _ = served(args.port, args.updates, 0)
            rate_alone = summary("kg serve, no readers", alone)
            busy, read_rate = served(args.port, args.updates, args.readers)
            rate_busy = summary(f"kg serve, {args.readers} readers", busy)
        finally:
            server.terminate()
            server.wait()
        print(
            f"served/direct: {rate_alone / reference:.2f} with no readers, {rate_busy / reference:.2f} with "
            f"{args.readers} readers (who ran {read_rate:.0f} queries/s meanwhile)"
        )


if __name__ == "__main__":
    main()
