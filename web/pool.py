"""Query workers as a pool of child processes, so a query past its time limit can really be stopped.

A request takes an idle worker, sends it the job and waits at most the query timeout. If the worker
has not answered by then, it is killed (SIGKILL: its work stops at once) and a fresh one takes its
place, so the pool keeps its size and other clients keep being answered. Workers are started with
`spawn`: a clean interpreter, safe beside the web server's threads; being daemons, they end with the
web server's process.

Updates run in one process of their own (`Updater`), each inside a store transaction: one killed for its
time leaves the store as it was.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from kg.web.worker import Answer, Job, apply_updates, serve

__all__ = ["QueryPool", "Updater"]

_SPAWN = multiprocessing.get_context("spawn")


class _Worker:
    """A child process running `loop` on the store, and the pipe to it."""

    def __init__(
        self, store_path: Path, loop: Callable[[Connection, str], None] = serve, name: str = "kg-query"
    ) -> None:
        self.conn, child_end = _SPAWN.Pipe()
        self.process: BaseProcess = _SPAWN.Process(
            target=loop, args=(child_end, str(store_path)), daemon=True, name=name
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


class Updater:
    """The one process that writes the store for the server: kept running between updates (starting a
    process costs more than a small update), it opens the store for each update only, so a `kg build` may
    write between them. An update past `timeout` seconds is stopped by killing the process: its
    transaction is never published and a fresh process takes the next update."""

    def __init__(self, store_path: Path, timeout: float) -> None:
        self.store_path = store_path
        self.timeout = timeout
        self._worker: _Worker | None = None
        self._lock = threading.Lock()

    def run(self, sparql: str, base_iri: str | None = None) -> Answer:
        """Apply a SPARQL Update as one transaction (relative IRIs against `base_iri`): 204, or the error."""
        with self._lock:
            if self._worker is None:
                self._worker = _Worker(self.store_path, apply_updates, "kg-update")
            try:
                self._worker.conn.send((sparql, base_iri))
                if self._worker.conn.poll(self.timeout):
                    return self._worker.conn.recv()
                self._stop()
                return Answer.error(
                    503, f"update timed out after {self.timeout:g} s and was stopped; nothing was changed"
                )
            except (EOFError, OSError):
                self._stop()
                return Answer.error(500, "the update process died; nothing was changed")

    def _stop(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None
