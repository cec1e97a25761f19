"""Commands on the graph store: build, extract, query, export, stats, merges and unmerge."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
import pyoxigraph as ox

from kg.cli.common import (
    base_option,
    clauses_option,
    confidence_option,
    entities_option,
    fail,
    jobs_option,
    make_settings,
    model_option,
    plural,
    store_option,
    warn,
)
from kg.rdf.formats import DATASETS, QUERY_TRIPLES, SOLUTIONS, TURTLE, choices, find, write
from kg.records import IngestError


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@base_option
@model_option
@jobs_option
@confidence_option
@entities_option
@clauses_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def build(
    paths: tuple[Path, ...],
    store_path: Path,
    base_iri: str | None,
    models: tuple[str, ...],
    jobs: int | None,
    min_confidence: float | None,
    entities: Path | None,
    clauses: bool | None,
    quiet: bool,
) -> None:
    """Add the articles in PATHS (files or folders) to the store.

    Unchanged articles are skipped, changed ones replace their earlier version, and the whole build is
    one transaction: if it fails, the store is left as it was. Bad files are reported on stderr and
    skipped; the exit status is then 1.
    """
    from tqdm import tqdm

    from kg.extract import PipelineError
    from kg.pipeline import build as run_build
    from kg.resolve.reference import ReferenceError
    from kg.store import KGStore, StoreError

    settings = make_settings(store_path, base_iri, models, jobs, min_confidence, entities, clauses)
    bar = tqdm(desc="reading", unit=" doc", disable=quiet, file=sys.stderr, leave=False)

    def on_error(error: IngestError) -> None:
        bar.clear()
        warn(error)

    try:
        with KGStore(settings.store) as store:
            report = run_build(paths, settings, store, on_error, progress=lambda doc: bar.update())
            stats = store.stats()
    except (StoreError, PipelineError, ReferenceError) as err:
        bar.close()
        fail(str(err))
    bar.close()
    for note in report.notes:
        warn(note)
    click.echo(
        f"{report.added} documents added, {report.replaced} replaced, {report.unchanged} unchanged, "
        f"{len(report.errors)} skipped; {report.statements} statements and {report.new_entities} new "
        f"entities; store {settings.store} now holds {stats['documents']} documents, "
        f"{stats['entities']} entities, {stats['facts']} facts ({stats['quads']} quads)."
    )
    sys.exit(1 if report.errors else 0)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", *choices(DATASETS)]),
    default="jsonl",
    show_default=True,
    help="jsonl: one statement a line; the others: RDF as `kg build` would store it.",
)
@base_option
@model_option
@jobs_option
@confidence_option
@entities_option
@clauses_option
def extract(
    paths: tuple[Path, ...],
    fmt: str,
    base_iri: str | None,
    models: tuple[str, ...],
    jobs: int | None,
    min_confidence: float | None,
    entities: Path | None,
    clauses: bool | None,
) -> None:
    """Print the statements found in PATHS without touching a store.

    \b
    jsonl lines look like:
      {"subject": {"id", "label", "type", "aliases", "sameAs"?}, "predicate": {"id", "label"},
       "object": {"id" or null, "label", "type", "value"?, "datatype"?},
       "negated": bool, "confidence": float, "source": {"document", "sentence", "start", "end"}}
    """
    from kg.extract import PipelineError
    from kg.pipeline import extract as run_extract
    from kg.rdf import Minter, document_quads
    from kg.rdf.jsonl import statement_records
    from kg.resolve.reference import ReferenceError
    from kg.store import KGStore

    settings = make_settings(None, base_iri, models, jobs, min_confidence, entities, clauses)
    minter = Minter(settings.base_iri)
    errors: list[IngestError] = []

    def on_error(error: IngestError) -> None:
        errors.append(error)
        warn(error)

    memory = KGStore(None)
    quads = []
    try:
        for resolution in run_extract(paths, settings, on_error):
            extraction = resolution.extraction
            for note in filter(None, [extraction.skipped, *extraction.notes]):
                warn(f"{extraction.document.source}: {note}")
            if fmt == "jsonl":
                for record in statement_records(resolution, minter):
                    click.echo(json.dumps(record, ensure_ascii=False))
            else:
                quads.extend(document_quads(resolution, minter, resolution.extraction.document.source)[1])
    except (PipelineError, ReferenceError) as err:
        fail(str(err))
    if fmt != "jsonl":
        memory.commit([], quads, with_ontology=False)
        memory.export(fmt, sys.stdout.buffer)
    sys.exit(1 if errors else 0)


def _read_query(text: str) -> str:
    if text == "-":
        return sys.stdin.read()
    if text.startswith("@"):
        return Path(text[1:]).read_text(encoding="utf-8")
    return text


def _print_table(solutions: ox.QuerySolutions) -> None:
    names = [v.value for v in solutions.variables]
    rows = [["" if row[n] is None else row[n].value for n in names] for row in solutions]
    widths = [min(60, max([len(n), *(len(r[i]) for r in rows)])) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        return "  ".join(c[:w].ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    click.echo(line(names))
    click.echo(line(["-" * w for w in widths]))
    for row in rows:
        click.echo(line(row))
    click.echo(f"({plural(len(rows), 'row')})", err=True)


@click.command()
@click.argument("sparql")
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", *choices(SOLUTIONS), *choices(QUERY_TRIPLES)]),
    default="table",
    show_default=True,
    help="SELECT/ASK: table, json, csv, tsv, xml. CONSTRUCT/DESCRIBE: ttl or nt (default ttl).",
)
def query(sparql: str, store_path: Path, fmt: str) -> None:
    """Run a SPARQL query (text, @FILE or - for stdin) against the store.

    The default graph is the union of all documents; GRAPH ?g reaches each document's own graph.
    Prefixes kg:, rel:, schema:, prov:, rdf:, rdfs:, owl:, skos: and xsd: are predefined.
    """
    from kg.store import KGStore, StoreError

    try:
        store = KGStore(store_path, read_only=True)
        result = store.query(_read_query(sparql))
    except StoreError as err:
        fail(str(err))
    except SyntaxError as err:
        fail(f"malformed query: {err}")
    except OSError as err:
        fail(f"query failed: {err}")
    out = sys.stdout.buffer
    solutions = find(fmt, SOLUTIONS)
    if isinstance(result, ox.QueryTriples):
        from kg.rdf import PREFIXES

        write(result, out, find(fmt, QUERY_TRIPLES) or TURTLE, PREFIXES)
    elif solutions is not None:
        result.serialize(out, solutions.results)
    elif isinstance(result, ox.QueryBoolean):
        click.echo("true" if bool(result) else "false")
    else:
        _print_table(result)


@click.command()
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(choices(DATASETS)),
    default="trig",
    show_default=True,
    help="nq, trig and jsonld keep each document's named graph; ttl, nt and xml merge them.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: standard output)."
)
def export(store_path: Path, fmt: str, output: Path | None) -> None:
    """Write the whole graph as RDF for other tools."""
    from kg.store import KGStore, StoreError

    try:
        store = KGStore(store_path, read_only=True)
        if output is None:
            store.export(fmt, sys.stdout.buffer)
        else:
            tmp = output.with_name(output.name + ".part")
            with tmp.open("wb") as fh:
                store.export(fmt, fh)
            tmp.replace(output)
            click.echo(f"wrote {output} ({output.stat().st_size:,} bytes, {fmt})", err=True)
    except StoreError as err:
        fail(str(err))
    except OSError as err:
        fail(f"{output}: cannot write ({err.strerror or err})")


@click.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(store_path: Path, fmt: str) -> None:
    """Count documents, entities, statements and quads in the store."""
    from kg.store import KGStore, StoreError

    try:
        numbers = KGStore(store_path, read_only=True).stats()
    except StoreError as err:
        fail(str(err))
    if fmt == "json":
        click.echo(json.dumps(numbers))
        return
    for name, value in numbers.items():
        click.echo(f"{name:<20} {value:>10,}")


def _entity_iris(store, name: str, base: str) -> list[str]:
    iris = store.find_entities(name, base)
    if not iris:
        fail(f"no entity called '{name}' in {store.path}")
    return iris


@click.command()
@click.argument("entity", required=False)
@store_option
@base_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def merges(entity: str | None, store_path: Path, base_iri: str | None, fmt: str) -> None:
    """List the merges kg made (all, or those into ENTITY, given by label, alias or IRI).

    Each line says which name, pronoun or description was taken to mean which entity, in which
    document and why. Give a merge's IRI to `kg unmerge` to undo it.
    """
    from kg.store import KGStore, StoreError

    settings = make_settings(store_path, base_iri)
    try:
        store = KGStore(store_path, read_only=True)
        iris = _entity_iris(store, entity, settings.base_iri) if entity else [None]
        found = [m for iri in iris for m in store.merges(entity=iri)]
    except StoreError as err:
        fail(str(err))
    if fmt == "json":
        for m in found:
            click.echo(json.dumps(m.__dict__, ensure_ascii=False))
        return
    for m in found:
        click.echo(
            f"{m.label!r} -> {m.entity_label} ({m.reason}, {m.confidence:.2f}) in "
            f"{m.title or m.document} at {m.start}\n    {m.iri}"
        )
    click.echo(f"({plural(len(found), 'merge')})", err=True)


@click.command()
@click.argument("merge_iris", nargs=-1, required=True, metavar="MERGE...")
@store_option
@base_option
@model_option
def unmerge(merge_iris: tuple[str, ...], store_path: Path, base_iri: str | None, models: tuple[str, ...]) -> None:
    """Undo merges listed by `kg merges`, by their IRIs.

    A name's merge is undone everywhere (the name becomes an entity of its own); a pronoun's or a
    description's only at that mention. The decision is stored (as a kg:Unmerge in the decisions
    graph) so later builds keep them apart, and the documents concerned are resolved again, in one
    transaction.
    """
    from kg.extract import PipelineError
    from kg.pipeline import unmerge as run_unmerge
    from kg.store import KGStore, StoreError

    settings = make_settings(store_path, base_iri, models)
    try:
        with KGStore(settings.store) as store:
            chosen = []
            for iri in merge_iris:
                found = store.merges(merge=iri)
                if not found:
                    fail(f"no merge {iri} in {settings.store} (see kg merges)")
                chosen.extend(found)
            redone = run_unmerge(chosen, settings, store)
    except (StoreError, PipelineError) as err:
        fail(str(err))
    for m in chosen:
        click.echo(f"{m.label!r} is no longer taken to mean {m.entity_label}")
    click.echo(f"{plural(len(redone), 'document')} resolved again", err=True)
