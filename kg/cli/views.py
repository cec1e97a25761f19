"""`kg views` (central, communities, neighbours, path) and `kg analyze`: the graph seen through networkx."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli.common import base_option, fail, make_settings, plural, store_option

format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)


def _view(store_path: Path, base_iri: str | None):
    from kg.store import StoreError, generations
    from kg.views import ProjectionCache

    settings = make_settings(store_path, base_iri)
    if generations.current(store_path) is None:
        fail(f"{store_path}: no store here yet (run 'kg build' first)")
    try:
        return ProjectionCache().get(store_path, settings.base_iri)
    except StoreError as err:
        fail(str(err))


def _node(view, name: str) -> str:
    found = view.find(name)
    if not found:
        fail(f"no entity called '{name}' in the graph")
    if len(found) > 1:
        fail(f"'{name}' names {len(found)} entities: " + ", ".join(found) + "; give one IRI")
    return found[0]


def _describe(view, node: str) -> dict:
    data = view.graph.nodes[node]
    return {"iri": node, "label": data["label"], "type": data["type"]}


@click.group()
def views() -> None:
    """Look at the graph as a network: central entities, communities, neighbours, paths.

    Entities are given by label, alias or IRI. The entity graph is projected from the store once per
    build and cached in the store folder.
    """


@views.command()
@click.option("--by", type=click.Choice(["pagerank", "degree", "betweenness"]), default="pagerank", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@store_option
@base_option
@format_option
def central(by: str, limit: int, store_path: Path, base_iri: str | None, fmt: str) -> None:
    """The most central entities (PageRank, degree or betweenness centrality)."""
    from kg.views import centrality

    view = _view(store_path, base_iri)
    scores = centrality(view)
    ranked = sorted(scores, key=lambda n: (-getattr(scores[n], by), view.graph.nodes[n]["label"]))[:limit]
    rows = [{**_describe(view, n), **scores[n].__dict__} for n in ranked]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    click.echo(f"{'entity':32} {'type':14} {'pagerank':>9} {'degree':>7} {'betweenness':>11}")
    for row in rows:
        click.echo(
            f"{row['label'][:32]:32} {row['type']:14} {row['pagerank']:9.4f} {row['degree']:7.3f} "
            f"{row['betweenness']:11.4f}"
        )


@views.command()
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Communities shown.")
@store_option
@base_option
@format_option
def communities(limit: int, store_path: Path, base_iri: str | None, fmt: str) -> None:
    """Groups of entities more linked to each other than to the rest (Louvain), largest first."""
    from kg.views import communities as find_communities

    view = _view(store_path, base_iri)
    found = find_communities(view)[:limit]
    groups = [sorted((_describe(view, n) for n in group), key=lambda d: d["label"]) for group in found]
    if fmt == "json":
        click.echo(json.dumps(groups, ensure_ascii=False))
        return
    for index, group in enumerate(groups, start=1):
        click.echo(f"{index:3}. ({len(group)}) " + ", ".join(d["label"] for d in group))
    click.echo(f"({plural(len(groups), 'community', 'communities')})", err=True)


@views.command()
@click.argument("entity")
@click.option("--depth", type=click.IntRange(1, 5), default=1, show_default=True, help="Steps away from ENTITY.")
@click.option("--co-mentions", is_flag=True, help="Entities mentioned in the same sentences, not linked by statements.")
@store_option
@base_option
@format_option
def neighbours(entity: str, depth: int, co_mentions: bool, store_path: Path, base_iri: str | None, fmt: str) -> None:
    """The statements around ENTITY, up to --depth steps away in either direction."""
    from kg.views import neighbourhood

    view = _view(store_path, base_iri)
    node = _node(view, entity)
    ego = neighbourhood(view, node, depth, comentions=co_mentions)
    label = {n: view.graph.nodes[n]["label"] for n in ego}
    if co_mentions:
        edges = [{"a": a, "b": b, "sentences": w} for a, b, w in ego.edges(data="weight")]
        lines = [f"{label[e['a']]} -- {label[e['b']]} ({plural(e['sentences'], 'sentence')})" for e in edges]
    else:
        edges = [
            {
                "subject": a,
                "predicate": p,
                "label": d["label"],
                "object": b,
                "confidence": d["confidence"],
                "statements": d["statements"],
            }
            for a, b, p, d in ego.edges(keys=True, data=True)
        ]
        lines = [
            f"{label[e['subject']]} --{e['label']}--> {label[e['object']]} "
            f"({e['confidence']:.2f}, {plural(e['statements'], 'statement')})"
            for e in edges
        ]
    if fmt == "json":
        click.echo(json.dumps({"nodes": [_describe(view, n) for n in ego], "edges": edges}, ensure_ascii=False))
        return
    for line in sorted(lines):
        click.echo(line)
    click.echo(f"({plural(ego.number_of_nodes(), 'entity', 'entities')}, {plural(len(edges), 'link')})", err=True)


@views.command()
@click.argument("source")
@click.argument("target")
@click.option("--limit", type=click.IntRange(min=1), default=5, show_default=True, help="Paths shown.")
@store_option
@base_option
@format_option
def path(source: str, target: str, limit: int, store_path: Path, base_iri: str | None, fmt: str) -> None:
    """The shortest chains of statements linking SOURCE to TARGET (either direction)."""
    from kg.views import paths

    view = _view(store_path, base_iri)
    found = paths(view, _node(view, source), _node(view, target), limit)
    if fmt == "json":
        click.echo(json.dumps([[_describe(view, n) for n in p] for p in found], ensure_ascii=False))
        return
    for chain in found:
        steps = [view.graph.nodes[chain[0]]["label"]]
        for a, b in zip(chain, chain[1:], strict=False):
            forward = view.graph.get_edge_data(a, b)
            data = next(iter((forward or view.graph.get_edge_data(b, a)).values()))
            steps.append(f"--{data['label']}-->" if forward else f"<--{data['label']}--")
            steps.append(view.graph.nodes[b]["label"])
        click.echo(" ".join(steps))
    if not found:
        fail(f"no path between '{source}' and '{target}'")


@click.command()
@store_option
@base_option
def analyze(store_path: Path, base_iri: str | None) -> None:
    """Compute centrality and communities and store them as RDF (graph {base}analytics).

    Every entity gets kg:pageRank, kg:degreeCentrality, kg:betweenness and kg:community, so SPARQL can
    order and filter by them and exports carry them. kg build and kg unmerge do this by themselves.
    """
    from kg.store import KGStore, StoreError
    from kg.views.analytics import analyze as run_analysis

    settings = make_settings(store_path, base_iri)
    try:
        with KGStore(store_path) as store, store.transaction():
            done = run_analysis(store, settings.base_iri)
    except StoreError as err:
        fail(str(err))
    click.echo(
        f"{done.entities} entities, {done.links} links, {done.communities} communities written to "
        f"{settings.base_iri}analytics"
    )
