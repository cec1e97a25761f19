"""The front-end files kg serves (web/vendor/) are the npm packages web/package-lock.json pins, byte for byte as
web/vendor/refresh.py copied them, each with its licence."""

from __future__ import annotations

import hashlib
import json

import pytest
from conftest import ROOT, fetch

WEB = ROOT / "web"


@pytest.mark.parametrize(
    ("folder", "kind"), [(WEB / "vendor", "dependencies"), (ROOT / "tests" / "vendor", "devDependencies")]
)
def test_vendored_files_are_the_locked_versions_unchanged(folder, kind) -> None:
    """web/vendor holds what the pages load (package.json's dependencies), tests/vendor what only the tests
    inject (its devDependencies: axe-core)."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    lock = json.loads((WEB / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    wanted = json.loads((WEB / "package.json").read_text(encoding="utf-8"))[kind]
    assert {entry["package"] for entry in manifest.values()} == set(wanted)  # every dependency is vendored
    for library, entry in manifest.items():
        locked = lock[f"node_modules/{entry['package']}"]
        assert (entry["version"], entry["integrity"]) == (locked["version"], locked["integrity"]), (
            f"{library}: the lock file changed; run python3 web/vendor/refresh.py"
        )
        assert {p.name for p in (folder / library).iterdir()} == set(entry["files"]), library
        for name, digest in entry["files"].items():
            assert hashlib.sha256((folder / library / name).read_bytes()).hexdigest() == digest, f"{library}/{name}"
        assert set(entry["served"]) < set(entry["files"])  # a licence file travels with what is served
        assert any(name.startswith(("LICENSE", "package.json")) for name in entry["files"])


def test_every_vendored_file_a_page_loads_is_served(server: str) -> None:
    manifest = json.loads((WEB / "vendor" / "manifest.json").read_text(encoding="utf-8"))
    for library, entry in manifest.items():
        for name in entry["served"]:
            reply = fetch(f"{server}/vendor/{library}/{name}")
            assert reply.status == 200 and reply.body == (WEB / "vendor" / library / name).read_bytes()
