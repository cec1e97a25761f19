"""GET /export: the whole graph as an RDF file, streamed from a `kg export` process.

The export runs as a child process so the server's threads stay free and a client that goes away
stops it; its output is passed on as it is written.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import IO

from flask import Blueprint, Response, current_app, request, stream_with_context

from kg.rdf.formats import DATASETS, UnknownFormat, named
from kg.web.protocol import error_response

__all__ = ["blueprint"]

blueprint = Blueprint("export", __name__)

_CHUNK = 1 << 16


def _stream(process: subprocess.Popen, output: IO[bytes], first: bytes) -> Iterator[bytes]:
    try:
        yield first
        while chunk := output.read(_CHUNK):
            yield chunk
    finally:
        process.kill()
        process.wait()


@blueprint.route("/export")
def export() -> Response:
    """Stream the graph as ?format=turtle|ntriples|nquads|trig|jsonld|rdfxml (any name or media type of
    kg.rdf.formats.DATASETS; default trig)."""
    try:
        fmt = named(request.args.get("format", "trig"), DATASETS)
    except UnknownFormat as err:
        return error_response(400, str(err))
    settings = current_app.extensions["kg.settings"]
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "export", "--store", str(settings.store), "--format", fmt.name],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    output, errors = process.stdout, process.stderr
    if output is None or errors is None:  # both are pipes
        raise RuntimeError("kg export was started without pipes")
    first = output.read(_CHUNK)
    if not first and process.wait() != 0:
        message = errors.read().decode(errors="replace").strip().removeprefix("kg: ")
        return error_response(503, f"export failed: {message}")
    response = Response(stream_with_context(_stream(process, output, first)), content_type=fmt.media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="kg-graph.{fmt.extension}"'
    return response
