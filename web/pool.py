"""Query workers as a pool of child processes, so a query past its time limit can really be stopped.

A request takes an idle worker, sends it the job and waits at most the query timeout. If the worker
has not answered by then, it is killed (SIGKILL: its work stops at once) and a fresh one takes its
place, so the pool keeps its size and other clients keep being answered. Workers are started with
`spawn`: a clean interpreter, safe beside the web server's threads; being daemons, they end with the
web server's process.

Updates run in a process of their own (`run_update`), inside a store transaction: one killed for its
time leaves the store as it was.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from kg.web.worker import Answer, Job, serve

__all__ = ["QueryPool", "run_update"]

_SPAWN = multiprocessing.get_context("spawn")


class _Worker:
    def __init__(self, store_path: Path) -> None:
        self.conn, child_end = _SPAWN.Pipe()
        self.process: BaseProcess = _SPAWN.Process(
            target=serve, args=(child_end, str(store_path)), daemon=True, name="kg-query"
        )
        self.process.start()
        child_end.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


class QueryPool:
    """`size` query processes on the store at `store_path`; `run` answers a Job within `timeout` seconds."""

    def __init__(self, store_path: Path, size: int, timeout: float) -> None:
        self.store_path = store_path
        self.size = size
        self.timeout = timeout
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._started = False
        self._lock = threading.Lock()

    def _start(self) -> None:
        if self._started:
            return
        with self._lock:
            if not self._started:
                for _ in range(self.size):
                    self._idle.put(_Worker(self.store_path))
                self._started = True

    def run(self, job: Job) -> Answer:
        """The worker's answer, or a 503 when no worker is free in time or the query runs out of time."""
        self._start()
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return Answer.error(
                503, f"all {self.size} query workers stayed busy for {self.timeout:g} s; try again later"
            )
        try:
            worker.conn.send(job)
            if worker.conn.poll(self.timeout):
                return worker.conn.recv()
            worker = self._replace(worker)
            return Answer.error(
                503, f"query timed out after {self.timeout:g} s and was stopped (the server's --query-timeout)"
            )
        except (EOFError, OSError):
            worker = self._replace(worker)
            return Answer.error(500, "the query worker died while running this query")
        finally:
            self._idle.put(worker)

    def _replace(self, worker: _Worker) -> _Worker:
        worker.stop()
        return _Worker(self.store_path)


def _update_in_child(conn: Connection, store_path: str, sparql: str, base_iri: str | None) -> None:
    from kg.rdf.namespaces import PREFIXES
    from kg.store import KGStore, StoreError

    try:
        with KGStore(Path(store_path)) as store, store.transaction():
            store.store.update(sparql, prefixes=PREFIXES, base_iri=base_iri)
        conn.send(Answer(204, "text/plain", b""))
    except SyntaxError as err:
        conn.send(Answer.error(400, f"malformed update: {err}"))
    except StoreError as err:
        conn.send(Answer.error(503, str(err)))
    except (OSError, ValueError) as err:
        conn.send(Answer.error(400, f"update failed, nothing was changed: {err}"))


_UPDATES = threading.Lock()


def run_update(store_path: Path, sparql: str, timeout: float, base_iri: str | None = None) -> Answer:
    """Apply a SPARQL Update in its own process, as one transaction; killed and undone after `timeout`;
    relative IRIs resolve against `base_iri`."""
    with _UPDATES:
        parent_end, child_end = _SPAWN.Pipe(duplex=False)
        process = _SPAWN.Process(
            target=_update_in_child, args=(child_end, str(store_path), sparql, base_iri), daemon=True, name="kg-update"
        )
        process.start()
        child_end.close()
        try:
            if parent_end.poll(timeout):
                return parent_end.recv()
            return Answer.error(503, f"update timed out after {timeout:g} s and was stopped; nothing was changed")
        except EOFError:
            return Answer.error(500, "the update process died; nothing was changed")
        finally:
            process.kill()
            process.join()
            parent_end.close()
