"""`kg demo`: the sample articles built into a graph."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import click

from kg.cli.common import store_option
from kg.cli.graph import build, query


def sample_folder() -> Path:
    """Folder of the sample articles shipped with kg."""
    return Path(str(resources.files("kg") / "samples"))


@click.command()
@store_option
@click.pass_context
def demo(ctx: click.Context, store_path: Path) -> None:
    """Build the bundled sample articles into the store and show what the graph holds."""
    click.echo(f"Building {sample_folder()} into {store_path} ...", err=True)
    try:
        ctx.invoke(build, paths=(sample_folder(),), store_path=store_path, base_iri=None, models=(),
                   jobs=None, min_confidence=None, quiet=False)
    except SystemExit as done:
        if done.code:
            raise
    click.echo("\nMost connected entities:")
    ctx.invoke(query, store_path=store_path, fmt="table", sparql=(
        "SELECT ?entity (COUNT(DISTINCT ?st) AS ?statements) WHERE { ?st a kg:Statement . "
        "{ ?st rdf:subject ?e } UNION { ?st rdf:object ?e } ?e rdfs:label ?entity "
        "FILTER EXISTS { ?e kg:mentionedIn ?d } } "
        "GROUP BY ?entity ORDER BY DESC(?statements) ?entity LIMIT 10"))
