"""Views stage: the graph in networkx, for neighbourhoods, paths, centrality and communities.

`projection` turns the store into an entity graph (cached per store generation), `measures` computes
on it, and `analytics` writes centrality and community membership back into the store as RDF.
"""

from kg.views.filters import GraphFilter
from kg.views.measures import (
    Centrality,
    centrality,
    communities,
    components,
    most_central,
    neighbourhood,
    pagerank,
    paths,
)
from kg.views.projection import EntityGraph, ProjectionCache, project

__all__ = [
    "EntityGraph",
    "ProjectionCache",
    "project",
    "Centrality",
    "centrality",
    "communities",
    "components",
    "neighbourhood",
    "pagerank",
    "paths",
    "most_central",
    "GraphFilter",
]
