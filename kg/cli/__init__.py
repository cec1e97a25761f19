"""The `kg` command: build, extract, query, export, stats, merges, train, info, serve and demo."""

from __future__ import annotations

import click

from kg import __version__
from kg.cli import graph, info, serve, train, views


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """kg: turn news articles into an RDF knowledge graph with provenance.

    Read articles (.txt, .md, .html, .jsonl), extract who did what to whom, keep the facts in an
    embedded Oxigraph store with the sentence each came from, query them with SPARQL and export RDF.

    \b
    Typical use:
      kg build articles/          # add articles to ./kg-data
      kg stats
      kg query "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10"
      kg export --format ttl -o graph.ttl
      kg views central            # the most central entities (also: communities, neighbours, path)
      kg serve                    # graph browser and SPARQL endpoint on http://localhost:8000/
    """


for command in (
    graph.build,
    graph.extract,
    graph.query,
    graph.export,
    graph.stats,
    graph.merges,
    graph.unmerge,
    views.views,
    views.analyze,
    train.train,
    info.info,
    serve.serve,
    serve.demo,
):
    main.add_command(command)
