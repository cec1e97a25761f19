"""Faults: the server killed (SIGKILL, every process of it) in the middle of an update, and a build killed
while it publishes a new generation. On restart the store opens and holds exactly the old or the new
state, and the next `kg build` and `kg serve` work."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import fetch, free_port, kg_server, run
from test_store import content

from kg.store import KGStore

TOKEN = "fault-token"
ENDLESS = "INSERT { ?a ?b ?c } WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f } GRAPH ?z { ?g ?h ?i } }"

KILLED_PUBLISH = """
import os, signal, sys
from kg.store import generations
real = generations.publish
def publish(folder, generation):
    if sys.argv[3] == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    real(folder, generation)
    os.kill(os.getpid(), signal.SIGKILL)
generations.publish = publish
from kg.cli import main
main(["build", sys.argv[2], "--store", sys.argv[1], "-q"])
"""


def _copy(sample_store: Path, target: Path) -> Path:
    with KGStore(sample_store, read_only=True) as store:
        store.backup(target)
    return target


def _state(path: Path) -> list[str]:
    """The store's quads, but for when its analytics were computed (a later build computes them again)."""
    return [q for q in content(path) if "prov#generatedAtTime" not in q]


def _generations(path: Path) -> set[str]:
    return {p.name for p in path.iterdir() if p.name.startswith("gen-")}


def test_a_server_killed_in_the_middle_of_an_update_keeps_the_old_state(sample_store: Path, tmp_path: Path) -> None:
    store = _copy(sample_store, tmp_path / "store")
    before, old_generations = content(store), _generations(store)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port)]
        + ["--update-token", TOKEN, "--query-timeout", "120"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the gunicorn workers and the updater die with it
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if fetch(base + "/sparql", {"query": "ASK {}"}, timeout=5).status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        update = threading.Thread(
            target=lambda: _ignore(
                lambda: fetch(base + "/sparql", {"update": ENDLESS}, {"Authorization": f"Bearer {TOKEN}"})
            )
        )
        update.start()
        for _ in range(600):  # the update's transaction has started writing its new generation
            if _generations(store) - old_generations:
                break
            time.sleep(0.05)
        assert _generations(store) - old_generations, "the update never started"
        time.sleep(0.5)
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    update.join(timeout=30)
    time.sleep(0.5)  # the killed processes' locks are released
    assert content(store) == before
    (tmp_path / "more.txt").write_text("Vantage hired Ana Costa in 2022. Costa moved to Leeds.\n")
    result = run("build", tmp_path / "more.txt", "--store", store, "-q")
    assert result.exit_code == 0 and "1 documents added" in result.stdout, result.output
    with kg_server(store, "--update-token", TOKEN) as restarted:
        assert "true" in fetch(restarted + "/sparql", {"query": "ASK { ?s ?p 'Ana Costa' }"}).text
        insert = {"update": "INSERT DATA { <urn:after> <urn:is> 'fine' }"}
        assert fetch(restarted + "/sparql", insert, {"Authorization": f"Bearer {TOKEN}"}).status == 204


def _ignore(request) -> None:
    with contextlib.suppress(OSError):  # the server died under it, as meant
        request()


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_build_killed_while_publishing_leaves_the_old_or_the_new_state(
    sample_store: Path, tmp_path: Path, when: str
) -> None:
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "one.txt").write_text("Globex bought Nimbus in 2020. Nimbus makes drones.\n")
    store = _copy(sample_store, tmp_path / "store")
    finished = _copy(sample_store, tmp_path / "finished")
    assert run("build", tmp_path / "new", "--store", finished, "-q").exit_code == 0
    before, after = _state(store), _state(finished)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_PUBLISH, str(store), str(tmp_path / "new"), when], capture_output=True, text=True
    )
    assert killed.returncode == -9, killed.stderr
    assert _state(store) == (before if when == "before" else after)
    result = run("build", tmp_path / "new", "--store", store, "-q")
    assert result.exit_code == 0, result.output
    assert ("1 documents added" if when == "before" else "0 documents added") in result.stdout, result.stdout
    assert _state(store) == after
