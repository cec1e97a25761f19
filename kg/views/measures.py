"""What the entity graph shows: neighbourhoods, paths, centrality, communities and components."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import networkx as nx

from kg.views.projection import EntityGraph

__all__ = ["Centrality", "neighbourhood", "paths", "pagerank", "centrality", "communities", "components"]

BETWEENNESS_SAMPLES = 200  # betweenness from this many sources: exact on small graphs, estimated on large ones


@dataclass(frozen=True)
class Centrality:
    pagerank: float
    degree: float  # share of the other entities it is linked to
    betweenness: float


def neighbourhood(view: EntityGraph, node: str, depth: int = 1, comentions: bool = False) -> nx.Graph:
    """The entities within `depth` steps of `node` (either direction) and the edges between them: statements,
    or with `comentions` the co-mention graph. A read-only view of the projection."""
    graph, steps = (view.comentions, view.comentions) if comentions else (view.graph, view.undirected)
    return graph.subgraph(nx.single_source_shortest_path_length(steps, node, cutoff=depth))


def paths(view: EntityGraph, source: str, target: str, limit: int = 5) -> list[list[str]]:
    """Up to `limit` shortest paths between two entities over statements in either direction; [] if none."""
    try:
        return list(islice(nx.all_shortest_paths(view.undirected, source, target), limit))
    except nx.NetworkXNoPath:
        return []


def pagerank(view: EntityGraph) -> dict[str, float]:
    """PageRank with statements as directed links, weighted by how many statements make each link."""
    directed = nx.DiGraph()
    directed.add_nodes_from(view.graph)
    for a, b, data in view.graph.edges(data=True):
        weight = directed[a][b]["weight"] + data["statements"] if directed.has_edge(a, b) else data["statements"]
        directed.add_edge(a, b, weight=weight)
    return nx.pagerank(directed, weight="weight")


def centrality(view: EntityGraph, samples: int = BETWEENNESS_SAMPLES) -> dict[str, Centrality]:
    """PageRank, degree and betweenness centrality of every entity."""
    if not view.graph:
        return {}
    ranks = pagerank(view)
    degree = nx.degree_centrality(view.undirected)
    n = view.undirected.number_of_nodes()
    betweenness = nx.betweenness_centrality(view.undirected, k=min(samples, n), seed=7)
    return {node: Centrality(ranks[node], degree[node], betweenness[node]) for node in view.graph}


def communities(view: EntityGraph, seed: int = 7) -> list[set[str]]:
    """Louvain communities of the entity graph, largest first; entities linked to nothing are left out."""
    linked = view.undirected.subgraph(n for n in view.undirected if view.undirected.degree(n))
    found = nx.community.louvain_communities(linked, weight="weight", seed=seed) if linked else []
    return sorted(found, key=lambda c: (-len(c), min(c)))


def components(view: EntityGraph) -> list[set[str]]:
    """Connected components, largest first."""
    return sorted(nx.connected_components(view.undirected), key=lambda c: (-len(c), min(c)))
