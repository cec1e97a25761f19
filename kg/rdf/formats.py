"""The one table of formats kg reads and writes: RDF serialisations and SPARQL result formats.

Each format has the names a user may give it (`--format`, `?format=`), its media type, the media types
clients send that stand for it, its file extension and what it can carry: a graph (triples), a dataset
(quads: one named graph per document) or query solutions. rdflib's plugin registry, where "ttl", "turtle"
and "text/turtle" all name one serializer, is the model: every command and every web entry point looks a
format up here (kg.web.protocol.negotiate, the one content negotiation, chooses among these records).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import IO, Literal

import pyoxigraph as ox

__all__ = [
    "Format",
    "FORMATS",
    "TURTLE",
    "RESULTS_JSON",
    "HTML",
    "find",
    "named",
    "choices",
    "serialize",
    "UnknownFormat",
    "TRIPLES",
    "DATASETS",
    "SOLUTIONS",
    "PAGE_TYPES",
    "QUERY_TRIPLES",
]

Carries = Literal["graph", "dataset", "solutions", "page"]


@dataclass(frozen=True)
class Format:
    """A serialisation: `name` is how kg writes it, `names` what a user may call it."""

    name: str
    names: tuple[str, ...]
    media_type: str
    sent_as: tuple[str, ...]  # other media types clients send that stand for this one
    extension: str
    carries: Carries
    prefixes: bool = True  # the syntax can abbreviate IRIs with prefixes

    @property
    def rdf(self) -> ox.RdfFormat:
        """pyoxigraph's format (RDF formats only)."""
        found = ox.RdfFormat.from_media_type(self.media_type)
        if found is None:
            raise ValueError(f"{self.name} is not an RDF format")
        return found

    @property
    def results(self) -> ox.QueryResultsFormat:
        """pyoxigraph's query results format (solutions formats only)."""
        found = ox.QueryResultsFormat.from_media_type(self.media_type)
        if found is None:
            raise ValueError(f"{self.name} is not a query results format")
        return found


TURTLE = Format(
    "turtle",
    ("turtle", "ttl", "n3"),
    "text/turtle",
    ("application/x-turtle", "text/n3", "text/rdf+n3", "application/n3"),
    "ttl",
    "graph",
)
NTRIPLES = Format(
    "ntriples", ("ntriples", "nt", "n-triples"), "application/n-triples", ("text/plain",), "nt", "graph", prefixes=False
)
JSONLD = Format(
    "jsonld", ("jsonld", "json-ld", "json"), "application/ld+json", ("application/json",), "jsonld", "dataset"
)
RDFXML = Format(
    "rdfxml",
    ("rdfxml", "xml", "rdf+xml", "rdf"),
    "application/rdf+xml",
    ("application/xml", "text/xml"),
    "rdf",
    "graph",
)
NQUADS = Format("nquads", ("nquads", "nq", "n-quads"), "application/n-quads", (), "nq", "dataset", prefixes=False)
TRIG = Format("trig", ("trig",), "application/trig", (), "trig", "dataset")
RESULTS_JSON = Format("json", ("json",), "application/sparql-results+json", ("application/json",), "srj", "solutions")
RESULTS_XML = Format(
    "xml", ("xml",), "application/sparql-results+xml", ("application/xml", "text/xml"), "srx", "solutions"
)
CSV = Format("csv", ("csv",), "text/csv", (), "csv", "solutions")
TSV = Format("tsv", ("tsv",), "text/tab-separated-values", (), "tsv", "solutions")
HTML = Format("html", ("html",), "text/html", (), "html", "page")

FORMATS = (TURTLE, NTRIPLES, JSONLD, RDFXML, NQUADS, TRIG, RESULTS_JSON, RESULTS_XML, CSV, TSV, HTML)
# What each kind of answer may be served as, in the order negotiation prefers when a client does not mind
TRIPLES = (TURTLE, NTRIPLES, JSONLD, RDFXML)  # a graph: CONSTRUCT and DESCRIBE results, the service description
DATASETS = (TURTLE, NTRIPLES, NQUADS, TRIG, JSONLD, RDFXML)  # the whole store: `kg export`, /export
SOLUTIONS = (RESULTS_JSON, RESULTS_XML, CSV, TSV)  # SELECT and ASK results
PAGE_TYPES = (HTML, TURTLE, JSONLD, NTRIPLES, RDFXML)  # an entity's or a document's page
QUERY_TRIPLES = (TURTLE, NTRIPLES)  # a CONSTRUCT answered on the command line


class UnknownFormat(ValueError):
    """A format name or media type that none of the formats offered answers to."""


def named(name: str, offered: Sequence[Format]) -> Format:
    """The offered format called `name` (a name or media type, any case); UnknownFormat if none is."""
    key = name.strip().lower()
    for fmt in offered:
        if key in fmt.names or key == fmt.media_type or key in fmt.sent_as:
            return fmt
    raise UnknownFormat(f"unknown format '{name}'; use one of {', '.join(choices(offered))}")


def find(name: str, offered: Sequence[Format]) -> Format | None:
    """The offered format called `name`, or None."""
    try:
        return named(name, offered)
    except UnknownFormat:
        return None


def choices(offered: Sequence[Format]) -> list[str]:
    """Every name of the offered formats, for a command's choices."""
    return [name for fmt in offered for name in fmt.names]


def write(
    triples: Iterable[ox.Triple] | Iterable[ox.Quad], output: IO[bytes], fmt: Format, prefixes: dict[str, str]
) -> None:
    """Write triples (or quads, in a dataset format) as `fmt`, with the prefixes where its syntax has them."""
    ox.serialize(triples, output, fmt.rdf, prefixes=prefixes if fmt.prefixes else None)


def serialize(triples: Iterable[ox.Triple] | Iterable[ox.Quad], fmt: Format, prefixes: dict[str, str]) -> bytes:
    """Triples (or quads) as `fmt`, as `write` writes them."""
    buffer = io.BytesIO()
    write(triples, buffer, fmt, prefixes)
    return buffer.getvalue()
