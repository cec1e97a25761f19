"""The graph browser's JSON API under /api: search, facets, graph pieces, paths and edge sources.

Entities are given by IRI or by label/alias. Every parameter is checked; a bad one is answered 400
with `{"error": message}`, an unknown entity 404 the same way. Graph answers are Cytoscape.js elements
data: nodes with label, type, PageRank (and `rank`, scaled to the graph's highest) and community; edges
with predicate, phrase, best confidence and how many statements and documents state them.
"""

from __future__ import annotations

import math
from dataclasses import asdict

import networkx as nx
from flask import Blueprint, Response, current_app, jsonify, request

from kg.store import LatestStore, StoreError
from kg.views import GraphFilter, most_central, neighbourhood, paths
from kg.web.describe import descriptions, local_path, statements
from kg.web.graphdata import BrowserGraph, BrowserGraphs, Fact

__all__ = ["blueprint", "BadParameter"]

blueprint = Blueprint("api", __name__, url_prefix="/api")

MAX_NODES = 500
MAX_EDGES_PER_NODE = 4  # beyond this a drawing is a hairball; the rest are in the entity pages


class BadParameter(ValueError):
    """A request parameter that cannot be used; `status` is 400, or 404 for an unknown entity."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def json_error(status: int, message: str) -> Response:
    response = jsonify(error=message)
    response.status_code = status
    return response


@blueprint.errorhandler(BadParameter)
def _bad_parameter(error: BadParameter) -> Response:
    return json_error(error.status, str(error))


@blueprint.errorhandler(StoreError)
def _no_store(error: StoreError) -> Response:
    return json_error(503, str(error))


def _graph() -> BrowserGraph:
    graphs: BrowserGraphs = current_app.extensions["kg.graphs"]
    return graphs.get()


def _base() -> str:
    return current_app.extensions["kg.settings"].base_iri


def _number(name: str, default: float, low: float, high: float, whole: bool = False) -> float:
    text = request.args.get(name)
    if text is None or text == "":
        return default
    try:
        value = int(text) if whole else float(text)
    except ValueError:
        raise BadParameter(f"{name} must be {'a whole number' if whole else 'a number'}, not {text!r}") from None
    if not (low <= value <= high) or math.isnan(value):
        raise BadParameter(f"{name} must be between {low:g} and {high:g}, not {text!r}")
    return value


def _entity(graph: BrowserGraph, name: str, text: str | None) -> str:
    if not text or not text.strip():
        raise BadParameter(f"give {name}: an entity's IRI, label or alias")
    found = graph.view.find(text.strip())
    if not found:
        raise BadParameter(f"no entity {text.strip()!r} in the graph", 404)
    return max(found, key=graph.rank)


def _filter(graph: BrowserGraph) -> GraphFilter:
    """The filters in the request: type (repeatable), predicate (IRIs, repeatable), document, min_confidence."""
    types = frozenset(request.args.getlist("type"))
    predicates = frozenset(request.args.getlist("predicate"))
    document = request.args.get("document") or None
    if types and (unknown := sorted(types - set(graph.facets.types))):
        raise BadParameter(
            f"no entity of type {unknown[0]!r} in the graph; types: " + ", ".join(sorted(graph.facets.types))
        )
    if predicates and (unknown := sorted(predicates - set(graph.facets.predicates))):
        raise BadParameter(f"no statement with predicate {unknown[0]!r} between entities in the graph")
    if document and document not in graph.facets.documents:
        raise BadParameter(f"no statement between entities comes from document {document!r}")
    return GraphFilter(types, predicates, document, _number("min_confidence", 0.0, 0.0, 1.0))


def _node(graph: BrowserGraph, node: str) -> dict:
    data = graph.view.graph.nodes[node]
    rank = graph.rank(node)
    return {
        "id": node,
        "label": data["label"],
        "type": data["type"],
        "pagerank": rank,
        "rank": rank / graph.top_rank,
        "community": graph.analytics.community_of.get(node),
        "page": local_path(node, _base()),
        "articles": graph.articles[node],
        "facts": [asdict(f) for f in graph.top_facts(node)],
    }


def _elements(
    graph: BrowserGraph, part: nx.MultiDiGraph, limit: int, keep: frozenset[str] | set[str] = frozenset()
) -> dict:
    """Nodes and edges of `part`, cut to the `limit` most central nodes (always keeping those in `keep`) and
    to MAX_EDGES_PER_NODE edges a node (those of the entities in `keep` first, then the most stated)."""
    nodes = list(part)
    truncated = len(nodes) > limit
    if truncated:
        nodes = sorted(nodes, key=lambda n: (n not in keep, -graph.rank(n), n))[:limit]
        part = part.subgraph(nodes)
    edges = list(part.edges(keys=True, data=True))
    if len(edges) > MAX_EDGES_PER_NODE * len(nodes):
        truncated = True
        edges.sort(key=lambda e: (e[0] not in keep and e[1] not in keep, -e[3]["statements"], -e[3]["confidence"]))
        edges = edges[: MAX_EDGES_PER_NODE * len(nodes)]
    return {
        "nodes": [_node(graph, n) for n in nodes],
        "truncated": truncated,
        "edges": [
            {
                "id": f"{a} {key} {b}",
                "source": a,
                "target": b,
                "predicate": key,
                "label": data["label"],
                "confidence": data["confidence"],
                "statements": data["statements"],
                "documents": len(data["documents"]),
            }
            for a, b, key, data in edges
        ],
    }


@blueprint.route("/search")
def search() -> Response:
    """?q=TEXT[&limit=10]: entities whose label or an alias matches, best first, each with the articles that
    mention it and what tells it apart (the role or class the articles most often give it, else its most
    stated fact)."""
    text = request.args.get("q", "")
    if not text.strip():
        raise BadParameter("give q: the start of a name")
    if len(text) > 200:
        raise BadParameter("q is longer than 200 characters")
    graph = _graph()
    found = graph.search(text, int(_number("limit", 10, 1, 100, whole=True)))
    store: LatestStore = current_app.extensions["kg.store"]
    about = descriptions(store.get(), [m.node for m in found])
    return jsonify(
        results=[
            {
                "id": m.node,
                "label": m.label,
                "type": m.type,
                "alias": m.alias,
                "page": local_path(m.node, _base()),
                "articles": graph.articles[m.node],
                "about": about.get(m.node) or _fact_text(graph.top_facts(m.node, 1)),
            }
            for m in found
        ]
    )


def _fact_text(facts: list[Fact]) -> str | None:
    return f"{facts[0].subject} {facts[0].label} {facts[0].object}" if facts else None


@blueprint.route("/facets")
def facets() -> Response:
    """What the filters can choose from: types, predicates, documents (the 300 with most statements) and
    communities, with counts."""
    graph = _graph()
    found = graph.facets
    return jsonify(
        types=[{"id": t, "count": n} for t, n in sorted(found.types.items(), key=lambda tn: (-tn[1], tn[0]))],
        predicates=[
            {"id": p, "label": label, "count": n}
            for p, (label, n) in sorted(found.predicates.items(), key=lambda item: (-item[1][1], item[0]))
        ],
        documents=[
            {"id": d, "label": graph.titles.get(d, d), "count": n, "page": local_path(d, _base())}
            for d, n in found.documents.most_common(300)
        ],
        documents_total=len(found.documents),
        communities=[asdict(c) for c in graph.analytics.communities],
    )


@blueprint.route("/graph")
def graph_part() -> Response:
    """The part of the graph to draw, within the filters:
    ?entity=A[&entity=B...][&depth=1]  the neighbourhoods of these entities;
    ?community=IRI                     a community's members;
    neither                            the most central entities."""
    graph = _graph()
    keep = _filter(graph)
    limit = int(_number("limit", 150, 1, MAX_NODES, whole=True))
    names, community = request.args.getlist("entity"), request.args.get("community")
    if names and community:
        raise BadParameter("give entity or community, not both")
    if names:
        depth = int(_number("depth", 1, 0, 3, whole=True))
        centres = {_entity(graph, "entity", name) for name in names}
        reached = set().union(*(neighbourhood(graph.view, c, depth, keep=keep) for c in centres))
        return jsonify(
            **_elements(graph, keep.apply(graph.view.graph).subgraph(reached), limit, centres), centres=sorted(centres)
        )
    if community:
        members = [n for n, c in graph.analytics.community_of.items() if c == community and n in graph.view.graph]
        if not members:
            raise BadParameter(f"no community {community!r} in the graph", 404)
        return jsonify(**_elements(graph, keep.apply(graph.view.graph).subgraph(members), limit))
    return jsonify(**_elements(graph, most_central(graph.view, graph.analytics.ranks, limit, keep), limit))


@blueprint.route("/path")
def path() -> Response:
    """?source=A&target=B[&limit=5]: the shortest paths between two entities (statements either way)."""
    graph = _graph()
    keep = _filter(graph)
    source = _entity(graph, "source", request.args.get("source"))
    target = _entity(graph, "target", request.args.get("target"))
    found = paths(graph.view, source, target, int(_number("limit", 5, 1, 20, whole=True)), keep)
    on_paths = {n for p in found for n in p}
    steps = {(a, b) for p in found for a, b in zip(p, p[1:], strict=False)}
    part = nx.subgraph_view(
        keep.apply(graph.view.graph).subgraph(on_paths or {source, target}),
        filter_edge=lambda a, b, key: (a, b) in steps or (b, a) in steps,
    )
    return jsonify(**_elements(graph, part, MAX_NODES), paths=found)


@blueprint.route("/statements")
def edge_statements() -> Response:
    """?subject=IRI&object=IRI[&predicate=IRI]: the statements that make an edge, with their sentences."""
    graph = _graph()
    subject = _entity(graph, "subject", request.args.get("subject"))
    obj = _entity(graph, "object", request.args.get("object"))
    predicate = request.args.get("predicate") or None
    if predicate and not graph.view.graph.has_edge(subject, obj, key=predicate):
        raise BadParameter("no such statement between these entities", 404)
    store: LatestStore = current_app.extensions["kg.store"]
    facts, _ = statements(store.get(), _base(), subject=subject, predicate=predicate, obj=obj, limit=100)
    return jsonify(
        statements=[
            {
                "predicate": f.predicate,
                "label": f.label,
                "confidence": f.confidence,
                "negated": f.negated,
                "subject": asdict(f.subject),
                "object": asdict(f.object),
                "sources": [
                    {
                        "document": s.document,
                        "page": s.document_href,
                        "title": s.title,
                        "confidence": s.confidence,
                        "sentence": [asdict(seg) for seg in s.sentence],
                    }
                    for s in f.sources
                ],
            }
            for f in facts
        ]
    )
