"""Which part of the entity graph a view shows: entity types, predicates, one document, a minimum confidence."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

__all__ = ["GraphFilter"]


@dataclass(frozen=True)
class GraphFilter:
    """Keep entities of these `types` (ontology local names) and statements with these `predicates` (IRIs),
    found in `document` (a graph IRI), at `min_confidence` or above. Empty or None keeps everything."""

    types: frozenset[str] = frozenset()
    predicates: frozenset[str] = frozenset()
    document: str | None = None
    min_confidence: float = 0.0

    @property
    def active(self) -> bool:
        return bool(self.types or self.predicates or self.document or self.min_confidence > 0)

    @property
    def filters_edges(self) -> bool:
        return bool(self.predicates or self.document or self.min_confidence > 0)

    def keeps_node(self, data: dict) -> bool:
        return not self.types or data["type"] in self.types

    def keeps_edge(self, predicate: str, data: dict) -> bool:
        return (
            (not self.predicates or predicate in self.predicates)
            and (self.document is None or self.document in data["documents"])
            and data["confidence"] >= self.min_confidence
        )

    def apply(self, graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
        """A read-only view of `graph` (the projection's multigraph) with only what this filter keeps."""
        if not self.active:
            return graph
        return nx.subgraph_view(
            graph,
            filter_node=lambda n: self.keeps_node(graph.nodes[n]),
            filter_edge=lambda a, b, key: self.keeps_edge(key, graph[a][b][key]),
        )
