"""The `kg` command: build, extract, query, export, stats and demo."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

import click
import pyoxigraph as ox

from kg import __version__
from kg.config import Settings
from kg.records import IngestError

_RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
                   "tsv": ox.QueryResultsFormat.TSV, "xml": ox.QueryResultsFormat.XML}
_EXPORT_CHOICES = ["ttl", "nt", "nq", "trig", "jsonld", "xml"]

store_option = click.option(
    "--store", "store_path", type=click.Path(file_okay=False, path_type=Path), envvar="KG_STORE",
    default="kg-data", show_default=True, help="Folder of the graph store (env KG_STORE).")
base_option = click.option("--base-iri", envvar="KG_BASE_IRI", default=None,
                           help="Base under which entity and document IRIs are minted (env KG_BASE_IRI).")
model_option = click.option(
    "--model", "models", multiple=True, metavar="LANG=PIPELINE",
    help="spaCy pipeline for a language, e.g. en=en_core_web_md (env KG_MODEL_EN). Repeatable.")
jobs_option = click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=None,
    help="Processes reading articles (env KG_JOBS; default: one per core). Under 16 articles are read "
         "in-process.")
confidence_option = click.option(
    "--min-confidence", type=click.FloatRange(0, 1), default=None,
    help="Leave out statements whose confidence is below this (env KG_MIN_CONFIDENCE; default 0: keep all).")


def _settings(store_path: Path | None = None, base_iri: str | None = None,
              models: tuple[str, ...] = (), jobs: int | None = None, min_confidence: float | None = None) -> Settings:
    defaults = Settings()
    chosen = dict(defaults.models)
    for item in models:
        lang, sep, name = item.partition("=")
        if not sep or not lang or not name:
            raise click.BadParameter(f"'{item}' is not LANG=PIPELINE", param_hint="--model")
        chosen[lang] = name
    return Settings(store=store_path or defaults.store, base_iri=base_iri or defaults.base_iri,
                    models=chosen, max_bytes=defaults.max_bytes, jobs=jobs or defaults.jobs,
                    min_confidence=defaults.min_confidence if min_confidence is None else min_confidence)


def _warn(error: IngestError | str) -> None:
    click.echo(f"kg: {error}", err=True)


def _count(n: int, noun: str) -> str:
    """'1 row', '3 rows'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _fail(message: str) -> None:
    click.echo(f"kg: {message}", err=True)
    sys.exit(1)


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
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@base_option
@model_option
@jobs_option
@confidence_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def build(paths: tuple[Path, ...], store_path: Path, base_iri: str | None, models: tuple[str, ...],
          jobs: int | None, min_confidence: float | None, quiet: bool) -> None:
    """Add the articles in PATHS (files or folders) to the store.

    Unchanged articles are skipped, changed ones replace their earlier version, and the whole build is
    one transaction: if it fails, the store is left as it was. Bad files are reported on stderr and
    skipped; the exit status is then 1.
    """
    from tqdm import tqdm

    from kg.extract import PipelineError
    from kg.pipeline import build as run_build
    from kg.store import KGStore, StoreError

    settings = _settings(store_path, base_iri, models, jobs, min_confidence)
    bar = tqdm(desc="reading", unit=" doc", disable=quiet, file=sys.stderr, leave=False)

    def on_error(error: IngestError) -> None:
        bar.clear()
        _warn(error)

    try:
        with KGStore(settings.store) as store:
            report = run_build(paths, settings, store, on_error, progress=lambda doc: bar.update())
            stats = store.stats()
    except (StoreError, PipelineError) as err:
        bar.close()
        _fail(str(err))
    bar.close()
    for note in report.notes:
        _warn(note)
    click.echo(f"{report.added} documents added, {report.replaced} replaced, {report.unchanged} unchanged, "
               f"{len(report.errors)} skipped; {report.statements} statements and {report.new_entities} new "
               f"entities; store {settings.store} now holds {stats['documents']} documents, "
               f"{stats['entities']} entities, {stats['facts']} facts ({stats['quads']} quads).")
    sys.exit(1 if report.errors else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "ttl", "nq", "trig", "jsonld"]), default="jsonl",
              show_default=True, help="jsonl: one statement a line; the others: RDF as `kg build` would store it.")
@base_option
@model_option
@jobs_option
@confidence_option
def extract(paths: tuple[Path, ...], fmt: str, base_iri: str | None, models: tuple[str, ...],
            jobs: int | None, min_confidence: float | None) -> None:
    """Print the statements found in PATHS without touching a store.

    \b
    jsonl lines look like:
      {"subject": {"id", "label", "type", "aliases"}, "predicate": {"id", "label"},
       "object": {"id" or null, "label", "type", "value"?, "datatype"?},
       "negated": bool, "confidence": float, "source": {"document", "sentence", "start", "end"}}
    """
    from kg.extract import PipelineError
    from kg.pipeline import extract as run_extract
    from kg.rdf import Minter, document_quads
    from kg.rdf.jsonl import statement_records
    from kg.store import KGStore

    settings = _settings(None, base_iri, models, jobs, min_confidence)
    minter = Minter(settings.base_iri)
    errors: list[IngestError] = []

    def on_error(error: IngestError) -> None:
        errors.append(error)
        _warn(error)

    memory = KGStore(None)
    quads = []
    try:
        for resolution in run_extract(paths, settings, on_error):
            if resolution.extraction.skipped:
                _warn(f"{resolution.extraction.document.source}: {resolution.extraction.skipped}")
            if fmt == "jsonl":
                for record in statement_records(resolution, minter):
                    click.echo(json.dumps(record, ensure_ascii=False))
            else:
                quads.extend(document_quads(resolution, minter, resolution.extraction.document.source)[1])
    except PipelineError as err:
        _fail(str(err))
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
    click.echo(f"({_count(len(rows), 'row')})", err=True)


@main.command()
@click.argument("sparql")
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv", "xml", "ttl", "nt"]),
              default="table", show_default=True,
              help="SELECT/ASK: table, json, csv, tsv, xml. CONSTRUCT/DESCRIBE: ttl or nt (default ttl).")
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
        _fail(str(err))
    except SyntaxError as err:
        _fail(f"malformed query: {err}")
    except OSError as err:
        _fail(f"query failed: {err}")
    out = sys.stdout.buffer
    if isinstance(result, ox.QueryTriples):
        rdf_format = ox.RdfFormat.N_TRIPLES if fmt == "nt" else ox.RdfFormat.TURTLE
        from kg.rdf import PREFIXES
        ox.serialize(result, out, rdf_format, prefixes=PREFIXES if rdf_format == ox.RdfFormat.TURTLE else None)
    elif isinstance(result, ox.QueryBoolean):
        if fmt in _RESULT_FORMATS:
            result.serialize(out, _RESULT_FORMATS[fmt])
        else:
            click.echo("true" if bool(result) else "false")
    elif fmt == "table" or fmt not in _RESULT_FORMATS:
        _print_table(result)
    else:
        result.serialize(out, _RESULT_FORMATS[fmt])


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(_EXPORT_CHOICES), default="trig", show_default=True,
              help="nq, trig and jsonld keep each document's named graph; ttl, nt and xml merge them.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: standard output).")
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
        _fail(str(err))
    except OSError as err:
        _fail(f"{output}: cannot write ({err.strerror or err})")


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(store_path: Path, fmt: str) -> None:
    """Count documents, entities, statements and quads in the store."""
    from kg.store import KGStore, StoreError

    try:
        numbers = KGStore(store_path, read_only=True).stats()
    except StoreError as err:
        _fail(str(err))
    if fmt == "json":
        click.echo(json.dumps(numbers))
        return
    for name, value in numbers.items():
        click.echo(f"{name:<20} {value:>10,}")


def _entity_iris(store, name: str, base: str) -> list[str]:
    iris = store.find_entities(name, base)
    if not iris:
        _fail(f"no entity called '{name}' in {store.path}")
    return iris


@main.command()
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

    settings = _settings(store_path, base_iri)
    try:
        store = KGStore(store_path, read_only=True)
        iris = _entity_iris(store, entity, settings.base_iri) if entity else [None]
        found = [m for iri in iris for m in store.merges(entity=iri)]
    except StoreError as err:
        _fail(str(err))
    if fmt == "json":
        for m in found:
            click.echo(json.dumps(m.__dict__, ensure_ascii=False))
        return
    for m in found:
        click.echo(f"{m.label!r} -> {m.entity_label} ({m.reason}, {m.confidence:.2f}) in "
                   f"{m.title or m.document} at {m.start}\n    {m.iri}")
    click.echo(f"({_count(len(found), 'merge')})", err=True)


@main.command()
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

    settings = _settings(store_path, base_iri, models)
    try:
        with KGStore(settings.store) as store:
            chosen = []
            for iri in merge_iris:
                found = store.merges(merge=iri)
                if not found:
                    _fail(f"no merge {iri} in {settings.store} (see kg merges)")
                chosen.extend(found)
            redone = run_unmerge(chosen, settings, store)
    except (StoreError, PipelineError) as err:
        _fail(str(err))
    for m in chosen:
        click.echo(f"{m.label!r} is no longer taken to mean {m.entity_label}")
    click.echo(f"{_count(len(redone), 'document')} resolved again", err=True)


@main.group()
def train() -> None:
    """Train kg's models (needs the training extra: pip install -e '.[train]')."""


@train.command("relations")
@click.option("--train", "train_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default="../shared/data/conll04/conll04_train.json", show_default=True, help="CoNLL04 JSON to train on.")
@click.option("--dev", "dev_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default="../shared/data/conll04/conll04_dev.json", show_default=True, help="CoNLL04 JSON to score on.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the model (default: the one kg uses, kg/extract/models/conll04_relations.json).")
@click.option("-C", "c", type=click.FloatRange(min=0, min_open=True), default=1.0, show_default=True,
              help="Inverse regularisation strength of the logistic regression.")
@model_option
def train_relations(train_file: Path, dev_file: Path, output: Path | None, c: float, models: tuple[str, ...]) -> None:
    """Train the relation classifier on CoNLL04 and print its dev micro-F1.

    Scores count a relation right when its type and both entity boundaries match the gold: end to end
    (entities found by the spaCy pipeline) and, for comparison, with the gold entities given.
    """
    from kg.extract import PipelineError, load_pipeline
    from kg.extract.relations import MODEL_FILE, THRESHOLD
    from kg.extract.training import evaluate, read_conll04
    from kg.extract.training import train as fit

    settings = _settings(models=models)
    try:
        nlp = load_pipeline(settings.models["en"])
    except PipelineError as err:
        _fail(str(err))
    try:
        train_set, dev_set = read_conll04(train_file, nlp), read_conll04(dev_file, nlp)
    except (ValueError, KeyError, TypeError) as err:
        _fail(f"{train_file} or {dev_file}: not CoNLL04 JSON ({err})")
    click.echo(f"training on {len(train_set)} sentences of {train_file} ...", err=True)
    model = fit(train_set, c=c)
    end_to_end = evaluate(model, dev_set, threshold=THRESHOLD)
    given = evaluate(model, dev_set, gold_entities=True, threshold=THRESHOLD)
    model.info.update({"dev_f1": round(end_to_end.f1, 3), "dev_f1_gold_entities": round(given.f1, 3),
                       "threshold": THRESHOLD, "pipeline": settings.models["en"]})
    model.save(output or MODEL_FILE)
    click.echo(f"dev, entities found by the pipeline: {end_to_end}")
    click.echo(f"dev, gold entities given:           {given}")
    click.echo(f"wrote {output or MODEL_FILE} ({len(model.weights):,} features)", err=True)


@train.command("calibration")
@click.option("--dev", "dev_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default="../shared/data/conll04/conll04_dev.json", show_default=True,
              help="CoNLL04 JSON the judgements were made on.")
@click.option("--judgements", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Judged statements (default: kg/extract/models/statement_judgements.jsonl).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the calibration (default: the one kg uses, kg/extract/models/confidence.json).")
@model_option
def train_calibration(dev_file: Path, judgements: Path | None, output: Path | None, models: tuple[str, ...]) -> None:
    """Fit statement confidences on CoNLL04 dev and print how reliable they are.

    Pattern statements: a logistic regression over the judged statements' construction and mention
    kinds. Classifier statements: Platt scaling of its probability against the CoNLL04 dev gold. The
    printed reliability is 5-fold cross-validated: each statement's confidence comes from a fit that did
    not see it.
    """
    from kg.extract import PipelineError, load_pipeline
    from kg.extract.calibration import CALIBRATION_FILE, JUDGEMENTS_FILE
    from kg.extract.relations import MODEL_FILE, RelationModel
    from kg.extract.training import classifier_examples, fit_calibration, read_conll04, reliability
    from kg.pipeline import judged_statements

    settings = _settings(models=models)
    try:
        dev_set = read_conll04(dev_file, load_pipeline(settings.models["en"]))
        statements, unmatched = judged_statements(dev_file, judgements or JUDGEMENTS_FILE, settings)
    except PipelineError as err:
        _fail(str(err))
    except (ValueError, KeyError, TypeError) as err:
        _fail(f"{dev_file} or {judgements or JUDGEMENTS_FILE}: not CoNLL04 JSON / judgements ({err})")
    classified = classifier_examples(RelationModel.load(MODEL_FILE), dev_set)
    click.echo(f"{len(statements)} judged statements ({unmatched} judgements matched nothing), "
               f"{len(classified)} classifier statements", err=True)
    scored = reliability(statements, classified)
    for low in (0.0, 0.5, 0.6, 0.7, 0.8, 0.9):
        high = 0.5 if low == 0.0 else low + 0.1
        inside = [right for conf, right in scored if low <= conf < high or (high == 1.0 and conf == 1.0)]
        if inside:
            click.echo(f"confidence {low:.1f}-{high:.1f}: {len(inside):4} statements, "
                       f"{sum(inside) / len(inside):.0%} right")
    top = [right for conf, right in scored if conf >= 0.8]
    click.echo(f"confidence >= 0.8: {len(top)} statements, {sum(top) / max(1, len(top)):.0%} right")
    calibration = fit_calibration(statements, classified)
    calibration.save(output or CALIBRATION_FILE)
    click.echo(f"wrote {output or CALIBRATION_FILE}", err=True)


def sample_folder() -> Path:
    """Folder of the sample articles shipped with kg."""
    return Path(str(resources.files("kg") / "samples"))


@main.command()
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
