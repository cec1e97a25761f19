"""Centrality and community membership written back into the store, as RDF in a graph of their own.

The graph `{base}analytics` gives each entity `kg:pageRank`, `kg:degreeCentrality`, `kg:betweenness`
and `kg:community` (a `kg:Community` named after its most central members), so SPARQL can order and
filter by them and they travel with exports. It is computed again after every build and unmerge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from pyoxigraph import Literal, NamedNode, Quad

from kg.rdf import value
from kg.rdf.namespaces import KG, PREFIXES
from kg.store import KGStore
from kg.views.measures import centrality, communities
from kg.views.projection import EntityGraph, project

__all__ = [
    "analytics_graph",
    "analytics_quads",
    "analyze",
    "Analysis",
    "StoredAnalytics",
    "StoredCommunity",
    "stored_analytics",
]

_DOUBLE = NamedNode(PREFIXES["xsd"] + "double")
_INTEGER = NamedNode(PREFIXES["xsd"] + "integer")
_TYPE = NamedNode(PREFIXES["rdf"] + "type")
_LABEL = NamedNode(PREFIXES["rdfs"] + "label")


@dataclass(frozen=True)
class Analysis:
    entities: int
    links: int
    communities: int


def analytics_graph(base: str) -> str:
    return f"{base}analytics"


def _number(value: float) -> Literal:
    return Literal(f"{value:.6g}", datatype=_DOUBLE)


def analytics_quads(view: EntityGraph, base: str) -> list[Quad]:
    """The analytics graph's quads for this projection."""
    graph = NamedNode(analytics_graph(base))
    scores = centrality(view)
    quads = [
        Quad(graph, _TYPE, NamedNode(KG + "Analysis"), graph),
        Quad(
            graph,
            NamedNode(PREFIXES["prov"] + "generatedAtTime"),
            Literal(
                datetime.now(UTC).replace(microsecond=0).isoformat(), datatype=NamedNode(PREFIXES["xsd"] + "dateTime")
            ),
            graph,
        ),
    ]
    for node, score in scores.items():
        entity = NamedNode(node)
        quads += [
            Quad(entity, NamedNode(KG + "pageRank"), _number(score.pagerank), graph),
            Quad(entity, NamedNode(KG + "degreeCentrality"), _number(score.degree), graph),
            Quad(entity, NamedNode(KG + "betweenness"), _number(score.betweenness), graph),
        ]
    for index, members in enumerate(communities(view), start=1):
        community = NamedNode(f"{base}community/{index}")
        central = sorted(members, key=lambda n: (-scores[n].pagerank, n))[:3]  # ties by IRI: the same every run
        name = ", ".join(view.graph.nodes[n]["label"] for n in central) + (", ..." if len(members) > 3 else "")
        quads += [
            Quad(community, _TYPE, NamedNode(KG + "Community"), graph),
            Quad(community, _LABEL, Literal(f"Community {index}: {name}"), graph),
            Quad(community, NamedNode(KG + "size"), Literal(str(len(members)), datatype=_INTEGER), graph),
        ]
        quads += [Quad(NamedNode(n), NamedNode(KG + "community"), community, graph) for n in members]
    return quads


def analyze(store: KGStore, base: str) -> Analysis:
    """Project the store, compute the measures and replace its analytics graph with them."""
    view = project(store, base)
    quads = analytics_quads(view, base)
    store.commit([analytics_graph(base)], quads, with_ontology=False)
    found = sum(1 for q in quads if value(q.predicate) == KG + "size")
    return Analysis(view.graph.number_of_nodes(), view.graph.number_of_edges(), found)


@dataclass(frozen=True)
class StoredCommunity:
    iri: str
    label: str
    size: int


@dataclass(frozen=True)
class StoredAnalytics:
    """The analytics graph as stored: PageRank and community of each entity, the communities largest first."""

    ranks: dict[str, float]
    community_of: dict[str, str]
    communities: list[StoredCommunity]


def stored_analytics(store: KGStore, base: str) -> StoredAnalytics:
    """Read the analytics graph back (empty if the store has none yet)."""
    graph = NamedNode(analytics_graph(base))

    def column(predicate: str) -> dict[str, str]:
        return {
            value(q.subject): value(q.object)
            for q in store.store.quads_for_pattern(None, NamedNode(predicate), None, graph)
        }

    labels, sizes = column(_LABEL.value), column(KG + "size")
    found = [StoredCommunity(iri, labels.get(iri, iri), int(size)) for iri, size in sizes.items()]
    found.sort(key=lambda c: (-c.size, c.iri))
    return StoredAnalytics({k: float(v) for k, v in column(KG + "pageRank").items()}, column(KG + "community"), found)
