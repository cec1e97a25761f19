"""What the entity graph shows: neighbourhoods, paths, centrality, communities and components."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import networkx as nx

from kg.views.filters import GraphFilter
from kg.views.projection import EntityGraph

__all__ = [
    "Centrality",
    "neighbourhood",
    "paths",
    "pagerank",
    "centrality",
    "communities",
    "components",
    "most_central",
]

BETWEENNESS_SAMPLES = 200  # betweenness from at most this many sources: exact on small graphs, estimated on large ones
BETWEENNESS_BUDGET = 5_000_000  # ... and from fewer on large graphs, so sources x links stays near this (min. 10)


@dataclass(frozen=True)
class Centrality:
    pagerank: float
    degree: float  # share of the other entities it is linked to
    betweenness: float


def _kept(view: EntityGraph, keep: GraphFilter | None) -> tuple[nx.MultiDiGraph, nx.Graph]:
    """The statement graph as the filter keeps it, and the same without directions to walk on."""
    if keep is None or not keep.active:
        return view.graph, view.undirected
    graph = keep.apply(view.graph)
    return graph, graph.to_undirected(as_view=True)


def neighbourhood(
    view: EntityGraph, node: str, depth: int = 1, comentions: bool = False, keep: GraphFilter | None = None
) -> nx.Graph:
    """The entities within `depth` steps of `node` (either direction) and the edges between them: statements
    (those `keep` keeps, if given), or with `comentions` the co-mention graph. A read-only view."""
    graph, steps = (view.comentions, view.comentions) if comentions else _kept(view, keep)
    if node not in steps:
        return graph.subgraph([node] if node in view.graph else [])
    return graph.subgraph(nx.single_source_shortest_path_length(steps, node, cutoff=depth))


def paths(
    view: EntityGraph, source: str, target: str, limit: int = 5, keep: GraphFilter | None = None
) -> list[list[str]]:
    """Up to `limit` shortest paths between two entities over statements (those `keep` keeps) in either
    direction; [] if none."""
    _, steps = _kept(view, keep)
    try:
        return list(islice(nx.all_shortest_paths(steps, source, target), limit))
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return []


def most_central(
    view: EntityGraph, ranks: dict[str, float], limit: int, keep: GraphFilter | None = None
) -> nx.MultiDiGraph:
    """The `limit` entities of highest rank (among those `keep` keeps, and linked by a kept statement when
    it filters statements) and the statements between them."""
    graph, steps = _kept(view, keep)
    candidates = (n for n in graph if steps.degree(n)) if keep and keep.filters_edges else iter(graph)
    chosen = sorted(candidates, key=lambda n: (-ranks.get(n, 0.0), n))[:limit]
    return graph.subgraph(chosen)


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
    n, links = view.undirected.number_of_nodes(), view.undirected.number_of_edges()
    sources = min(samples, n, max(10, BETWEENNESS_BUDGET // max(links, 1)))
    betweenness = nx.betweenness_centrality(view.undirected, k=sources, seed=7)
    return {node: Centrality(ranks[node], degree[node], betweenness[node]) for node in view.graph}


def communities(view: EntityGraph, seed: int = 7) -> list[set[str]]:
    """Louvain communities of the entity graph, largest first; entities linked to nothing are left out."""
    linked = view.undirected.subgraph(n for n in view.undirected if view.undirected.degree(n))
    found = nx.community.louvain_communities(linked, weight="weight", seed=seed) if linked else []
    return sorted(found, key=lambda c: (-len(c), min(c)))


def components(view: EntityGraph) -> list[set[str]]:
    """Connected components, largest first."""
    return sorted(nx.connected_components(view.undirected), key=lambda c: (-len(c), min(c)))
