"""Store stage: an embedded Oxigraph store on disk, one named graph per document.

Every write on disk goes to a new generation of the store that is published at once at the end (see
`generations`): a build of any size runs inside `KGStore.transaction()` and writes its batches there,
and a `KGStore.commit` outside one is a transaction of its own. A write that fails or is interrupted
leaves the store as it was, and a reader sees a change as a new generation. In memory, a commit is one
SPARQL Update, which Oxigraph applies atomically.
"""

from __future__ import annotations

import io
import itertools
import shutil
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.rdf import ONTOLOGY_FILE, ONTOLOGY_GRAPH, value
from kg.rdf.documents import article_record
from kg.rdf.entities import PROPERTIES, entity_records
from kg.rdf.formats import DATASETS, TURTLE, named, write
from kg.rdf.merges import MERGES, VETOES, stored_merge, stored_veto
from kg.rdf.namespaces import PREFIXES, Minter
from kg.records import Document, Entity, StoredMerge, Veto
from kg.store import generations

__all__ = ["KGStore", "LatestStore", "StoreError", "StoredDocument"]


def _ontology_quads() -> list[ox.Quad]:
    """The ontology (ontologies/kg.ttl) as quads of its own graph."""
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    return [
        ox.Quad(t.subject, t.predicate, t.object, graph) for t in ox.parse(path=str(ONTOLOGY_FILE), format=TURTLE.rdf)
    ]


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
        self.generation: Path | None = None
        self._staging = False
        if path is None:
            self.store = ox.Store()
            return
        if not generations.is_store(self.path):
            raise StoreError(f"{self.path}: not a kg store (no 'current' link inside); give a new or empty folder")
        self.generation = generations.current(self.path)
        try:
            if read_only:
                if self.generation is None:
                    raise StoreError(f"{self.path}: no store here yet (run 'kg build' first)")
                self.store = ox.Store.read_only(str(self.generation))
            else:
                self.generation = self.generation or generations.first(self.path)
                self.store = ox.Store(str(self.generation))
                generations.prune(self.path)
        except (OSError, RuntimeError) as err:
            raise StoreError(f"{self.path}: cannot open the store ({err}); is another kg process writing it?") from err

    def __enter__(self) -> KGStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the store (and its lock on the folder)."""
        if hasattr(self, "store"):
            del self.store

    def backup(self, target: str | Path) -> None:
        """A consistent copy of the store in a new folder, itself a store."""
        target = Path(target)
        target.mkdir(parents=True)
        generation = generations.next_generation(target)
        self.store.backup(str(generation))
        generations.publish(target, generation)

    @contextmanager
    def transaction(self) -> Iterator[KGStore]:
        """Commits inside the block are published together when it ends, or not at all if it raises.
        On disk they go to a new generation (a cheap checkpoint of the current one); in memory each
        commit stands on its own."""
        if self.generation is None:
            yield self
            return
        previous = self.store
        target = generations.next_generation(self.path)
        previous.backup(str(target))
        self.store = ox.Store(str(target))
        self._staging = True
        try:
            yield self
            self.store.flush()
        except BaseException:
            self._staging = False
            del self.store
            shutil.rmtree(target, ignore_errors=True)
            self.store = previous
            raise
        self._staging = False
        generations.publish(self.path, target)
        self.generation = target
        del previous
        generations.prune(self.path)

    # ---- reading ---------------------------------------------------------------------------------
    def query(self, sparql: str, **kwargs) -> ox.QuerySolutions | ox.QueryTriples | ox.QueryBoolean:
        """Run a SPARQL query; the default graph is the union of all document graphs."""
        kwargs.setdefault("use_default_graph_as_union", True)
        return self.store.query(sparql, prefixes=PREFIXES, **kwargs)

    def select(self, sparql: str, **kwargs) -> ox.QuerySolutions:
        """Run a SELECT query (as `query`) and return its solutions."""
        result = self.query(sparql, **kwargs)
        if not isinstance(result, ox.QuerySolutions):
            raise TypeError("not a SELECT query")
        return result

    def construct(self, sparql: str, **kwargs) -> ox.QueryTriples:
        """Run a CONSTRUCT or DESCRIBE query (as `query`) and return its triples."""
        result = self.query(sparql, **kwargs)
        if not isinstance(result, ox.QueryTriples):
            raise TypeError("not a CONSTRUCT or DESCRIBE query")
        return result

    def documents(self) -> dict[str, StoredDocument]:
        """Stored documents by source (file path, or path#id for jsonl lines)."""
        rows = self.select("SELECT ?g ?source ?hash WHERE { GRAPH ?g { ?g kg:source ?source ; kg:contentHash ?hash } }")
        return {value(r["source"]): StoredDocument(value(r["g"]), value(r["source"]), value(r["hash"])) for r in rows}

    def entities(self, base: str) -> Iterator[Entity]:
        """Entities already in the store, for resolving new documents against them."""
        quads = (q for prop in PROPERTIES for q in self.store.quads_for_pattern(None, ox.NamedNode(prop), None))
        yield from entity_records(quads, Minter(base))

    def find_entities(self, name: str, base: str) -> list[str]:
        """IRIs of the entities called `name` (an IRI, a label or an alias, any case)."""
        if name.startswith(("http://", "https://")):
            return [name] if self.count(f"<{name}> kg:mentionedIn ?d") else []
        rows = self.select(
            "SELECT DISTINCT ?e WHERE { ?e kg:mentionedIn ?d ; rdfs:label|skos:altLabel ?l . "
            f"FILTER(LCASE(STR(?l)) = LCASE({ox.Literal(name)}) && "
            f"STRSTARTS(STR(?e), {ox.Literal(base + 'entity/')})) }} ORDER BY ?e"
        )
        return [value(r["e"]) for r in rows]

    def merges(self, entity: str | None = None, merge: str | None = None) -> list[StoredMerge]:
        """Recorded merges, all or those into one entity IRI or with one merge IRI."""
        values = (f"VALUES ?entity {{ <{entity}> }}" if entity else "") + (
            f"VALUES ?m {{ <{merge}> }}" if merge else ""
        )
        return [stored_merge(row) for row in self.select(MERGES % values)]

    def graphs_naming(self, entity: str, label: str) -> set[str]:
        """Document graphs that merged `label` into `entity` or list it among the entity's aliases."""
        e = ox.NamedNode(entity)
        rows = self.select(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {{ ?m kg:mergedInto {e} ; kg:mergedLabel ?l }} "
            f"UNION {{ {e} skos:altLabel ?l }} }} FILTER(LCASE(STR(?l)) = LCASE({ox.Literal(label)})) }}",
            use_default_graph_as_union=False,
        )
        return {value(r["g"]) for r in rows}

    def vetoes(self, minter: Minter) -> list[Veto]:
        """The unmerge decisions still in force (a mention's veto lapses when its document is replaced)."""
        vetoes = (stored_veto(row, minter) for row in self.select(VETOES % minter.decisions()))
        return [veto for veto in vetoes if veto is not None]

    def document_records(self, graphs: Iterable[str]) -> list[Document]:
        """The stored documents of these graphs as ingest records, to run them through the stages again."""
        records = (
            article_record(self.store.quads_for_pattern(None, None, None, ox.NamedNode(g)), g) for g in sorted(graphs)
        )
        return [record for record in records if record is not None]

    def count(self, sparql_where: str) -> int:
        rows = list(self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {sparql_where} }}"))
        return int(rows[0]["n"].value)

    def stats(self) -> dict[str, int]:
        return {
            "documents": self.count("?d a kg:Article"),
            "entities": self.count("SELECT DISTINCT ?e WHERE { ?e kg:mentionedIn ?d }"),
            "statements": self.count("?s a kg:Statement"),
            "negated statements": self.count("?s a kg:Statement ; kg:negated true"),
            "facts": self.count(
                "?s a kg:Statement ; rdf:subject ?a ; rdf:predicate ?p ; rdf:object ?b . "
                "FILTER NOT EXISTS { ?s kg:negated true }"
            ),
            "quads": len(self.store),
        }

    def __len__(self) -> int:
        return len(self.store)

    # ---- writing ---------------------------------------------------------------------------------
    def commit(self, drop: Iterable[str], add: Iterable[ox.Quad], with_ontology: bool = True) -> None:
        """Drop graphs and add quads atomically; the ontology graph is refreshed too. On disk every write
        goes to a new generation (a transaction of its own unless one is open, where quads go through the
        bulk loader), so readers holding the current generation, and caches keyed by it, see a change as a
        new generation; in memory it is one SPARQL update."""
        if self.generation is not None and not self._staging:
            with self.transaction():
                self.commit(drop, add, with_ontology)
            return
        drop = list(drop)
        if with_ontology:
            drop.append(ONTOLOGY_GRAPH)
            add = itertools.chain(add, _ontology_quads())
        try:
            if self._staging:
                if drop:
                    self.store.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in drop))
                self.store.bulk_extend(add)
            else:
                self._update(drop, add)
        except OSError as err:
            raise StoreError(f"{self.path}: write failed, nothing was changed ({err})") from err

    def _update(self, drop: list[str], add: Iterable[ox.Quad]) -> None:
        """One SPARQL Update: DROP the graphs, then INSERT DATA the quads."""
        parts = [f"DROP SILENT GRAPH <{g}>" for g in drop]
        by_graph: dict[str, list[str]] = {}
        for quad in add:
            by_graph.setdefault(value(quad.graph_name), []).append(str(quad.triple))
        if by_graph:
            body = "\n".join(f"GRAPH <{g}> {{\n" + " .\n".join(triples) + " .\n}" for g, triples in by_graph.items())
            parts.append(f"INSERT DATA {{\n{body}\n}}")
        if parts:
            self.store.update(" ;\n".join(parts))
            self.store.flush()

    # ---- export ----------------------------------------------------------------------------------
    def export(self, fmt: str, output: IO[bytes]) -> None:
        """Write the whole graph as the format `fmt` names (kg.rdf.formats.DATASETS); formats with named
        graphs keep one graph per document, the others merge them."""
        chosen = named(fmt, DATASETS)
        if chosen.carries == "dataset":
            self.store.dump(output, chosen.rdf, prefixes=PREFIXES if chosen.prefixes else None)
            return
        write({quad.triple for quad in self.store}, output, chosen, PREFIXES)

    def export_bytes(self, fmt: str) -> bytes:
        buffer = io.BytesIO()
        self.export(fmt, buffer)
        return buffer.getvalue()


class LatestStore:
    """A store opened read-only at its current generation and opened again when a write has published a
    newer one: for long-running readers (query workers, the web pages). Safe to share between threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._store: KGStore | None = None
        self._lock = threading.Lock()

    def get(self) -> KGStore:
        """The store as it is now (raises StoreError when there is none)."""
        with self._lock:
            if self._store is None or self._store.generation != generations.current(self.path):
                self._store = KGStore(self.path, read_only=True)
            return self._store
