"""The RDF graph projected to networkx: entities as nodes, statements between them as edges.

`project` reads the store once. `EntityGraph` keeps the directed multigraph (one edge per subject,
predicate and object, with the best confidence, how many statements state it and in which
documents), the co-mention graph (entities mentioned in the same sentence) and an undirected simple
graph for the measures. `ProjectionCache` keeps a projection per store generation, so it is made
again only after the store has changed, on disk as well as in memory.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.rdf import value
from kg.rdf.namespaces import KG, PREFIXES
from kg.store import KGStore, generations

__all__ = ["EntityGraph", "project", "ProjectionCache"]

_RDF, _KG = PREFIXES["rdf"], KG
_FALSE = ox.Literal("false", datatype=ox.NamedNode(PREFIXES["xsd"] + "boolean"))
_CACHE_FORMAT = 2  # bumped when EntityGraph changes, so older cache files are not read
_MENTIONS = "SELECT ?sentence ?e WHERE { GRAPH ?doc { ?m kg:refersTo ?e ; kg:inSentence ?sentence } }"


@dataclass
class EntityGraph:
    """The projections of one store generation."""

    graph: nx.MultiDiGraph
    comentions: nx.Graph
    undirected: nx.Graph = field(init=False)

    def __post_init__(self) -> None:
        self.undirected = nx.Graph()
        self.undirected.add_nodes_from(self.graph.nodes(data=True))
        for a, b, data in self.graph.edges(data=True):
            if a == b:
                continue
            if self.undirected.has_edge(a, b):
                self.undirected[a][b]["weight"] += data["statements"]
            else:
                self.undirected.add_edge(a, b, weight=data["statements"])

    @cached_property
    def _by_name(self) -> dict[str, set[str]]:
        """Case-folded label or alias -> the nodes so called, made on the first `find`."""
        index: dict[str, set[str]] = {}
        for node, data in self.graph.nodes(data=True):
            for name in (data["label"], *data["aliases"]):
                index.setdefault(name.casefold(), set()).add(node)
        return index

    def find(self, name: str) -> list[str]:
        """Nodes called `name`: its IRI, or a label or alias in any case."""
        if name in self.graph:
            return [name]
        return sorted(self._by_name.get(name.casefold(), ()))


def project(store: KGStore, base: str) -> EntityGraph:
    """Project the store's entities and the statements between them."""
    graph = nx.MultiDiGraph()
    for entity in store.entities(base):
        graph.add_node(
            f"{base}entity/{entity.key}", label=entity.label, type=entity.type, aliases=tuple(sorted(entity.aliases))
        )
    for s, p, o, label, confidence, doc in _facts(store, set(graph)):
        if graph.has_edge(s, o, key=p):
            data = graph[s][o][p]
            if (-confidence, label) < (-data["confidence"], data["label"]):  # the surest statement's phrase
                data["confidence"], data["label"] = confidence, label
            data["statements"] += 1
            data["documents"].add(doc)
        else:
            graph.add_edge(s, o, key=p, label=label, confidence=confidence, statements=1, documents={doc})
    return EntityGraph(graph, _comentions(store, graph))


def _facts(store: KGStore, entities: set[str]):
    """(subject, predicate, object, phrase, confidence, document) of every statement between two of the
    `entities` that is not negated. Statements whose subject is an entity are read one by one from the
    store's subject index, so memory does not grow with the number of statements (a column join in Python
    held every statement at once; the same join in SPARQL is twice as slow)."""
    wanted = {
        ox.NamedNode(iri): name
        for iri, name in (
            (_RDF + "object", "object"),
            (_RDF + "predicate", "predicate"),
            (_KG + "predicateLabel", "label"),
            (_KG + "confidence", "confidence"),
            (_KG + "negated", "negated"),
        )
    }
    for quad in store.store.quads_for_pattern(None, ox.NamedNode(_RDF + "subject"), None):
        if value(quad.object) not in entities:
            continue
        row = {
            wanted[q.predicate]: q.object
            for q in store.store.quads_for_pattern(quad.subject, None, None, quad.graph_name)
            if q.predicate in wanted
        }
        if len(row) == len(wanted) and row["negated"] == _FALSE and value(row["object"]) in entities:
            yield (
                value(quad.object),
                value(row["predicate"]),
                value(row["object"]),
                value(row["label"]),
                float(value(row["confidence"])),
                value(quad.graph_name),
            )


def _comentions(store: KGStore, graph: nx.MultiDiGraph) -> nx.Graph:
    """Entities mentioned in the same sentence; the weight is how many sentences."""
    by_sentence: dict[str, set[str]] = defaultdict(set)
    for row in store.select(_MENTIONS, use_default_graph_as_union=False):
        if value(row["e"]) in graph:
            by_sentence[value(row["sentence"])].add(value(row["e"]))
    comentions = nx.Graph()
    comentions.add_nodes_from(graph.nodes(data=True))
    for entities in by_sentence.values():
        for a, b in combinations(sorted(entities), 2):
            weight = comentions[a][b]["weight"] + 1 if comentions.has_edge(a, b) else 1
            comentions.add_edge(a, b, weight=weight)
    return comentions


class ProjectionCache:
    """The projection of a store's current generation, made once per generation and kept in memory and
    in the store folder (`cache/views-vFORMAT-GENERATION-BASE.pickle`), so other processes reuse it too."""

    def __init__(self) -> None:
        self._made: dict[tuple[Path, str], EntityGraph] = {}
        self._lock = threading.Lock()

    def get(self, store_path: Path, base: str) -> EntityGraph:
        """The projection of the store at `store_path` as it is now."""
        generation = generations.current(store_path)
        if generation is None:
            return project(KGStore(None), base)
        key = (generation, base)
        with self._lock:
            if key not in self._made:
                self._made = {key: self._load_or_make(store_path, generation, base)}
            return self._made[key]

    @staticmethod
    def _load_or_make(store_path: Path, generation: Path, base: str) -> EntityGraph:
        folder = store_path / "cache"
        digest = hashlib.sha1(base.encode()).hexdigest()[:8]
        file = folder / f"views-v{_CACHE_FORMAT}-{generation.name}-{digest}.pickle"
        if file.exists():
            try:
                with file.open("rb") as fh:
                    return pickle.load(fh)
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
                pass
        with KGStore(store_path, read_only=True) as store:
            made = project(store, base)
        try:
            folder.mkdir(exist_ok=True)
            for old in folder.glob("views-*.pickle"):
                old.unlink(missing_ok=True)
            partial = file.with_suffix(f".{os.getpid()}.part")
            with partial.open("wb") as fh:
                pickle.dump(made, fh, protocol=pickle.HIGHEST_PROTOCOL)
            partial.replace(file)
        except OSError:
            pass  # a read-only store folder: the projection is kept in memory only
        return made
