"""Store stage: an embedded Oxigraph store on disk, written one transaction per build.

`KGStore.commit` drops replaced document graphs and inserts new ones in a single SPARQL Update,
which Oxigraph applies atomically: a build that fails or is interrupted leaves the store as it was.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.rdf import ONTOLOGY_FILE, ONTOLOGY_GRAPH
from kg.rdf.namespaces import KG, PREFIXES
from kg.records import Entity

__all__ = ["KGStore", "StoreError", "EXPORT_FORMATS", "StoredDocument"]

EXPORT_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE, "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES, "ntriples": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS, "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML, "rdfxml": ox.RdfFormat.RDF_XML,
}
_GRAPH_FORMATS = {ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG, ox.RdfFormat.JSON_LD}
_RDFS_LABEL = ox.NamedNode(PREFIXES["rdfs"] + "label")
_ALT_LABEL = ox.NamedNode(PREFIXES["skos"] + "altLabel")
_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")


class StoreError(RuntimeError):
    """The store could not be opened or written."""


@dataclass(frozen=True)
class StoredDocument:
    graph: str
    source: str
    content_hash: str


class KGStore:
    """The graph on disk: documents as named graphs, queried with the union as default graph."""

    def __init__(self, path: str | Path | None, read_only: bool = False) -> None:
        """Open (or create) the store at `path`; None gives a store in memory."""
        self.path = Path(path) if path is not None else Path(":memory:")
        try:
            if path is None:
                self.store = ox.Store()
            elif read_only:
                if not self.path.exists():
                    raise StoreError(f"{self.path}: no store here yet (run 'kg build' first)")
                self.store = ox.Store.read_only(str(self.path))
            else:
                self.store = ox.Store(str(self.path))
        except (OSError, RuntimeError) as err:
            raise StoreError(f"{self.path}: cannot open the store ({err}); is another kg process "
                             "writing it?") from err

    def __enter__(self) -> KGStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the store (and its lock on the folder)."""
        if hasattr(self, "store"):
            del self.store

    def backup(self, target: str | Path) -> None:
        """A consistent copy of the store in a new folder."""
        self.store.backup(str(target))

    # ---- reading ---------------------------------------------------------------------------------
    def query(self, sparql: str, **kwargs) -> ox.QuerySolutions | ox.QueryTriples | ox.QueryBoolean:
        """Run a SPARQL query; the default graph is the union of all document graphs."""
        kwargs.setdefault("use_default_graph_as_union", True)
        return self.store.query(sparql, prefixes=PREFIXES, **kwargs)

    def documents(self) -> dict[str, StoredDocument]:
        """Stored documents by source (file path, or path#id for jsonl lines)."""
        rows = self.store.query(
            "SELECT ?g ?source ?hash WHERE { GRAPH ?g { ?g kg:source ?source ; kg:contentHash ?hash } }",
            prefixes=PREFIXES)
        return {r["source"].value: StoredDocument(r["g"].value, r["source"].value, r["hash"].value)
                for r in rows}

    def entities(self, base: str) -> Iterator[Entity]:
        """Entities already in the store, for resolving new documents against them."""
        prefix = f"{base}entity/"
        found: dict[str, Entity] = {}
        for quad in self.store.quads_for_pattern(None, _RDFS_LABEL, None):
            iri = quad.subject.value if isinstance(quad.subject, ox.NamedNode) else ""
            if iri.startswith(prefix) and iri not in found:
                found[iri] = Entity(iri[len(prefix):], quad.object.value, "Thing")
        for quad in self.store.quads_for_pattern(None, _ALT_LABEL, None):
            if quad.subject.value in found:
                found[quad.subject.value].aliases.add(quad.object.value)
        for quad in self.store.quads_for_pattern(None, _TYPE, None):
            entity = found.get(quad.subject.value)
            if entity and quad.object.value.startswith(KG):
                local = quad.object.value[len(KG):]
                if entity.type == "Thing" or local != "Thing":
                    entity.type = local
        yield from found.values()

    def count(self, sparql_where: str) -> int:
        rows = list(self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {sparql_where} }}"))
        return int(rows[0]["n"].value)

    def stats(self) -> dict[str, int]:
        return {
            "documents": self.count("?d a kg:Article"),
            "entities": self.count("SELECT DISTINCT ?e WHERE { ?e kg:mentionedIn ?d }"),
            "statements": self.count("?s a kg:Statement"),
            "negated statements": self.count("?s a kg:Statement ; kg:negated true"),
            "facts": self.count("?s a kg:Statement ; rdf:subject ?a ; rdf:predicate ?p ; rdf:object ?b . "
                                "FILTER NOT EXISTS { ?s kg:negated true }"),
            "quads": len(self.store),
        }

    def __len__(self) -> int:
        return len(self.store)

    # ---- writing ---------------------------------------------------------------------------------
    def commit(self, drop: Iterable[str], add: Iterable[ox.Quad], with_ontology: bool = True) -> None:
        """Drop graphs and add quads in one atomic update; the ontology graph is refreshed too."""
        parts = [f"DROP SILENT GRAPH <{g}>" for g in drop]
        by_graph: dict[str, list[str]] = {}
        for quad in add:
            by_graph.setdefault(quad.graph_name.value, []).append(str(quad.triple))
        if with_ontology:
            parts.append(f"DROP SILENT GRAPH <{ONTOLOGY_GRAPH}>")
            by_graph[ONTOLOGY_GRAPH] = [str(t) for t in ox.parse(path=str(ONTOLOGY_FILE),
                                                                 format=ox.RdfFormat.TURTLE)]
        if by_graph:
            body = "\n".join(f"GRAPH <{g}> {{\n" + " .\n".join(triples) + " .\n}" for g, triples in
                             by_graph.items())
            parts.append(f"INSERT DATA {{\n{body}\n}}")
        if not parts:
            return
        try:
            self.store.update(" ;\n".join(parts))
            self.store.flush()
        except OSError as err:
            raise StoreError(f"{self.path}: write failed, nothing was changed ({err})") from err

    # ---- export ----------------------------------------------------------------------------------
    def export(self, fmt: str, output: IO[bytes]) -> None:
        """Write the whole graph; formats with named graphs keep one graph per document."""
        rdf_format = EXPORT_FORMATS[fmt]
        if rdf_format in _GRAPH_FORMATS:
            self.store.dump(output, rdf_format, prefixes=PREFIXES if rdf_format != ox.RdfFormat.N_QUADS
                            else None)
            return
        triples = {quad.triple for quad in self.store}
        ox.serialize(triples, output, rdf_format,
                     prefixes=PREFIXES if rdf_format != ox.RdfFormat.N_TRIPLES else None)

    def export_bytes(self, fmt: str) -> bytes:
        buffer = io.BytesIO()
        self.export(fmt, buffer)
        return buffer.getvalue()
