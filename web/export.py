"""GET /export: the whole graph as an RDF file, streamed from a `kg export` process.

The export runs as a child process so the server's threads stay free and a client that goes away
stops it; its output is passed on as it is written.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request, stream_with_context
from kg.web.protocol import error_response

from kg.store import EXPORT_FORMATS

__all__ = ["blueprint"]

blueprint = Blueprint("export", __name__)

_CHUNK = 1 << 16
FORMAT_NAMES = ["turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml"]


def _stream(process: subprocess.Popen, first: bytes) -> Iterator[bytes]:
    try:
        yield first
        while chunk := process.stdout.read(_CHUNK):
            yield chunk
    finally:
        process.kill()
        process.wait()


@blueprint.route("/export")
def export() -> Response:
    """Stream the graph as ?format=turtle|ntriples|nquads|trig|jsonld|rdfxml (default trig)."""
    fmt = request.args.get("format", "trig").strip().lower()
    if fmt not in EXPORT_FORMATS:
        return error_response(400, f"unknown format '{fmt}'; use one of {', '.join(FORMAT_NAMES)}")
    settings = current_app.extensions["kg.settings"]
    process = subprocess.Popen([sys.executable, "-m", "kg", "export", "--store", str(settings.store), "--format", fmt],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = process.stdout.read(_CHUNK)
    if not first and process.wait() != 0:
        message = process.stderr.read().decode(errors="replace").strip().removeprefix("kg: ")
        return error_response(503, f"export failed: {message}")
    rdf_format: ox.RdfFormat = EXPORT_FORMATS[fmt]
    response = Response(stream_with_context(_stream(process, first)), content_type=rdf_format.media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="kg-graph.{rdf_format.file_extension}"'
    return response
