"""What the graph browser reads, made once per store generation: the networkx projection (kg.views), the
stored analytics (PageRank, communities) and a name index for autocomplete.

The projection comes from `ProjectionCache`, so a server started on a large store reuses the cache file
a build or `kg views` left, and every build or update is picked up as a new generation.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kg.rdf import value
from kg.store import LatestStore, generations
from kg.views import EntityGraph, ProjectionCache, pagerank
from kg.views.analytics import StoredAnalytics, stored_analytics

__all__ = ["BrowserGraph", "BrowserGraphs", "Match", "Facets", "Fact"]

_ARTICLES = "SELECT ?e (COUNT(DISTINCT ?d) AS ?n) WHERE { ?e kg:mentionedIn ?d } GROUP BY ?e"
_TITLES = "SELECT ?g ?title WHERE { GRAPH ?g { ?g a kg:Article ; schema:headline ?title } }"


@dataclass(frozen=True)
class Match:
    """An entity found by name; `alias` is the alias that matched when the label did not."""

    node: str
    label: str
    type: str
    alias: str | None


@dataclass(frozen=True)
class Fact:
    """A fact between two entities as the browser shows it: the ends' labels, the phrase, how many say it."""

    subject: str
    label: str
    object: str
    statements: int


@dataclass(frozen=True)
class Facets:
    """What the browser's filters can choose from, with how many entities or edges each has."""

    types: Counter[str]
    predicates: dict[str, tuple[str, int]]  # IRI -> (most used phrase, edges)
    documents: Counter[str]


@dataclass
class BrowserGraph:
    """One generation's entity graph with its measures."""

    view: EntityGraph
    analytics: StoredAnalytics
    titles: dict[str, str] = field(default_factory=dict)  # document IRI -> headline
    articles: Counter[str] = field(default_factory=Counter)  # entity IRI -> articles that mention it

    def __post_init__(self) -> None:
        if not self.analytics.ranks and self.view.graph:  # a store analysed before kg stored analytics
            self.analytics = StoredAnalytics(pagerank(self.view), {}, [])
        self.top_rank = max(self.analytics.ranks.values(), default=0.0) or 1.0
        self.names = [
            (name.casefold(), node, name if i else None)
            for node, data in self.view.graph.nodes(data=True)
            for i, name in enumerate((data["label"], *data["aliases"]))
        ]

    @cached_property
    def facets(self) -> Facets:
        types = Counter(data["type"] for _, data in self.view.graph.nodes(data=True))
        phrases: dict[str, Counter[str]] = {}
        documents: Counter[str] = Counter()
        for _, _, key, data in self.view.graph.edges(keys=True, data=True):
            phrases.setdefault(key, Counter())[data["label"]] += 1
            documents.update(data["documents"])
        predicates = {key: (counts.most_common(1)[0][0], counts.total()) for key, counts in phrases.items()}
        return Facets(types, predicates, documents)

    def rank(self, node: str) -> float:
        return self.analytics.ranks.get(node, 0.0)

    def top_facts(self, node: str, count: int = 3) -> list[Fact]:
        """The `count` facts between `node` and another entity that most statements state, either way."""
        graph = self.view.graph
        edges = [*graph.out_edges(node, keys=True, data=True), *graph.in_edges(node, keys=True, data=True)]
        edges.sort(key=lambda e: (-e[3]["statements"], -e[3]["confidence"], e[3]["label"], e[0], e[1]))
        return [
            Fact(graph.nodes[a]["label"], data["label"], graph.nodes[b]["label"], data["statements"])
            for a, b, _, data in edges[:count]
        ]

    def search(self, text: str, limit: int) -> list[Match]:
        """Entities whose label or an alias matches `text` (any case): whole name first, then names that
        start with it, then names with a word that starts with it, then names containing it; more central
        entities first within each."""
        wanted = " ".join(text.split()).casefold()
        best: dict[str, tuple[int, str | None]] = {}
        for folded, node, alias in self.names:
            if wanted not in folded:
                continue
            tier = 0 if folded == wanted else 1 if folded.startswith(wanted) else 2 if f" {wanted}" in folded else 3
            if node not in best or tier < best[node][0]:
                best[node] = (tier, alias)
        ordered = sorted(best, key=lambda n: (best[n][0], -self.rank(n), self.view.graph.nodes[n]["label"]))[:limit]
        graph = self.view.graph
        return [Match(n, graph.nodes[n]["label"], graph.nodes[n]["type"], best[n][1]) for n in ordered]


class BrowserGraphs:
    """The BrowserGraph of a store's current generation, made again when the generation changes."""

    def __init__(self, store: LatestStore, base: str) -> None:
        self.store = store
        self.base = base
        self._projections = ProjectionCache()
        self._made: tuple[Path | None, BrowserGraph] | None = None
        self._lock = threading.Lock()

    def get(self) -> BrowserGraph:
        """The graph as the store is now (raises kg.store.StoreError when there is no store)."""
        generation = generations.current(self.store.path)
        with self._lock:
            if self._made is None or self._made[0] != generation:
                view = self._projections.get(self.store.path, self.base)
                store = self.store.get()
                rows = store.select(_TITLES, use_default_graph_as_union=False)
                titles = {value(r["g"]): value(r["title"]) for r in rows}
                articles = Counter({value(r["e"]): int(value(r["n"])) for r in store.select(_ARTICLES)})
                self._made = (generation, BrowserGraph(view, stored_analytics(store, self.base), titles, articles))
            return self._made[1]
