"""A query worker: a child process that holds the store open read-only and answers SPARQL jobs.

Neither pyoxigraph nor rdflib can cancel a query in-process, so queries run here, where the server
can kill the whole process when its time is up (see `kg.web.pool`). A worker reopens the store when a
build or update has published a new generation, and writes each result into a capped buffer, so a
result larger than the limit is refused rather than filling memory.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from kg.rdf.formats import RESULTS_JSON, SOLUTIONS, TRIPLES, TURTLE, Format, write
from kg.rdf.namespaces import PREFIXES
from kg.store import KGStore, LatestStore, StoreError

__all__ = ["Job", "Answer", "serve", "execute"]


@dataclass(frozen=True)
class Job:
    """One SPARQL query with its protocol dataset and the formats chosen for each result kind
    (None: the client accepts nothing kg can serve for that kind)."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    solutions: Format | None = RESULTS_JSON
    triples: Format | None = TURTLE
    max_bytes: int = 100_000_000
    base_iri: str | None = None  # relative IRIs in the query resolve against it (the endpoint's URL)
    store_default: bool = False  # the store's own default graph as default graph, not the union of all


@dataclass(frozen=True)
class Answer:
    """An HTTP answer: status, media type and body (the error message for statuses other than 200)."""

    status: int
    media_type: str
    body: bytes = field(repr=False)

    @classmethod
    def error(cls, status: int, message: str) -> Answer:
        return cls(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode())


class _ResultTooLarge(Exception):
    pass


class _Capped(io.BytesIO):
    """A buffer that refuses to grow past `limit` bytes."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.room = limit

    def write(self, data, /) -> int:
        self.room -= len(data)
        if self.room < 0:
            raise _ResultTooLarge
        return super().write(data)

    def flush(self) -> None:
        pass


def _options(job: Job) -> dict:
    """pyoxigraph query options: the union of all graphs as default graph unless the client names one."""
    options: dict = {"prefixes": PREFIXES, "base_iri": job.base_iri}
    if job.store_default:
        options["default_graph"] = ox.DefaultGraph()
    elif job.default_graphs:
        options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
    else:
        options["use_default_graph_as_union"] = True
    if job.named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    return options


def execute(store: KGStore, job: Job) -> Answer:
    """Run the job's query on the store and serialise the result as the client asked."""
    try:
        result = store.store.query(job.query, **_options(job))
    except SyntaxError as err:
        return Answer.error(400, f"malformed query: {err}")
    except (OSError, ValueError) as err:
        return Answer.error(400, f"query failed: {err}")
    out = _Capped(job.max_bytes)
    try:
        if isinstance(result, ox.QueryTriples):
            if job.triples is None:
                return Answer.error(
                    406, "a CONSTRUCT or DESCRIBE result can be served as " + ", ".join(f.media_type for f in TRIPLES)
                )
            write(result, out, job.triples, PREFIXES)
            media_type = job.triples.media_type
        else:
            if job.solutions is None:
                return Answer.error(
                    406, "a SELECT or ASK result can be served as " + ", ".join(f.media_type for f in SOLUTIONS)
                )
            result.serialize(out, job.solutions.results)
            media_type = job.solutions.results.media_type
    except _ResultTooLarge:
        return Answer.error(
            413, f"the result is larger than the server's limit of {job.max_bytes:,} bytes; add a LIMIT or ask for less"
        )
    except (OSError, ValueError) as err:
        return Answer.error(500, f"query failed while reading results: {err}")
    except RuntimeError as err:  # what a SERVICE endpoint answered is not SPARQL results
        return Answer.error(502, f"query failed: a remote endpoint's answer could not be read ({err})")
    return Answer(200, media_type, out.getvalue())


def serve(conn: Connection, store_path: str) -> None:
    """The worker's loop: receive a Job, send back an Answer, until the server closes the pipe."""
    opened = LatestStore(Path(store_path))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer = execute(opened.get(), job)
        except StoreError as err:
            answer = Answer.error(503, str(err))
        conn.send(answer)


def _update(store_path: str, sparql: str, base_iri: str | None) -> Answer:
    """Apply one SPARQL Update to the store as one transaction, opening it for the update only."""
    try:
        with KGStore(Path(store_path)) as store, store.transaction():
            store.store.update(sparql, prefixes=PREFIXES, base_iri=base_iri)
        return Answer(204, "text/plain", b"")
    except SyntaxError as err:
        return Answer.error(400, f"malformed update: {err}")
    except StoreError as err:
        return Answer.error(503, str(err))
    except (OSError, ValueError) as err:
        return Answer.error(400, f"update failed, nothing was changed: {err}")


def apply_updates(conn: Connection, store_path: str) -> None:
    """The updater's loop: receive (update, base IRI), send back an Answer, until the server closes the pipe."""
    while True:
        try:
            sparql, base_iri = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_update(store_path, sparql, base_iri))
