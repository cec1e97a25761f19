"""Refresh the front-end files kg serves (web/vendor/) from npm, at the versions web/package-lock.json pins,
and the test-only ones (tests/vendor/: axe-core, which the browser tests inject into the pages they check).

The pages load Cytoscape.js and YASGUI from /vendor/; the files travel in the repository and in kg's wheel so
that neither a user nor CI needs npm. A maintainer who changes web/package.json runs `npm install --prefix web
--package-lock-only` and then this script (it needs npm and the registry): it installs the locked packages into
a temporary folder, copies the files listed in FILES with each package's licence, and writes manifest.json
(package, version and lock-file integrity of each library, and the SHA-256 of every file copied).
tests/test_vendor.py checks the files against the manifest and the manifest against the lock file.

    python3 web/vendor/refresh.py
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parent
WEB = VENDOR.parent
TEST_VENDOR = WEB.parent / "tests" / "vendor"
# library (the URL's /vendor/<library>/) -> (npm package, files the pages load, files that state its licence)
FILES = {
    "cytoscape": ("cytoscape", ["dist/cytoscape.min.js"], ["LICENSE"]),
    # fcose's browser build looks for its two layout libraries as globals: the pages load them first
    "layout-base": ("layout-base", ["layout-base.js"], ["LICENSE"]),
    "cose-base": ("cose-base", ["cose-base.js"], ["LICENSE"]),
    "cytoscape-fcose": ("cytoscape-fcose", ["cytoscape-fcose.js"], ["LICENSE"]),
    "chart.js": ("chart.js", ["dist/chart.umd.min.js"], ["LICENSE.md"]),
    # @zazuko/yasgui ships no licence file; its package.json states the licence (MIT) and the authors
    "yasgui": ("@zazuko/yasgui", ["build/yasgui.min.js", "build/yasgui.min.css"], ["package.json"]),
}
TEST_FILES = {"axe-core": ("axe-core", ["axe.min.js"], ["LICENSE", "LICENSE-3RD-PARTY.txt"])}


def sha256(path: Path) -> str:
    """The hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    """Install the locked packages into a temporary folder and copy their files here; write the manifest."""
    lock = json.loads((WEB / "package-lock.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("package.json", "package-lock.json"):
            shutil.copy(WEB / name, tmp)
        subprocess.run(
            ["npm", "ci", "--prefix", tmp, "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
            check=True,
        )
        for folder, files_of in ((VENDOR, FILES), (TEST_VENDOR, TEST_FILES)):
            _copy(Path(tmp) / "node_modules", folder, files_of, lock)
    versions = ", ".join(f"{library} {version}" for library, version in _versions(VENDOR, TEST_VENDOR))
    print(f"refreshed {versions}")
    return 0


def _versions(*folders: Path) -> list[tuple[str, str]]:
    manifests = [json.loads((f / "manifest.json").read_text(encoding="utf-8")) for f in folders]
    return [(m["package"], m["version"]) for manifest in manifests for m in manifest.values()]


def _copy(modules: Path, folder: Path, files_of: dict, lock: dict) -> None:
    """Copy each library's files from the installed `modules` into `folder`; write its manifest.json."""
    manifest = {}
    folder.mkdir(parents=True, exist_ok=True)
    for library, (package, served, licences) in files_of.items():
        source = modules / package
        target = folder / library
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir()
        files = {}
        for relative in served + licences:
            name = Path(relative).name
            shutil.copy(source / relative, target / name)
            files[name] = sha256(target / name)
        locked = lock["packages"][f"node_modules/{package}"]
        manifest[library] = {
            "package": package,
            "version": locked["version"],
            "integrity": locked["integrity"],
            "served": [Path(f).name for f in served],
            "files": files,
        }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
