"""Options and helpers shared by the `kg` commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.config import Settings
from kg.records import IngestError

store_option = click.option(
    "--store",
    "store_path",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="KG_STORE",
    default="kg-data",
    show_default=True,
    help="Folder of the graph store (env KG_STORE).",
)
base_option = click.option(
    "--base-iri",
    envvar="KG_BASE_IRI",
    default=None,
    help="Base under which entity and document IRIs are minted (env KG_BASE_IRI).",
)
model_option = click.option(
    "--model",
    "models",
    multiple=True,
    metavar="LANG=PIPELINE",
    help="spaCy pipeline for a language, e.g. en=en_core_web_md (env KG_MODEL_EN). Repeatable.",
)
jobs_option = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Processes reading articles (env KG_JOBS; default: one per core). Under 16 articles are read in-process.",
)
confidence_option = click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=None,
    help="Leave out statements whose confidence is below this (env KG_MIN_CONFIDENCE; default 0: keep all).",
)

entities_option = click.option(
    "--entities",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="KG_ENTITIES",
    default=None,
    help="RDF file of known entities (labels, skos:altLabel, former names, types, owl:sameAs; env "
    "KG_ENTITIES): mentions of their names resolve to them and link to their IRIs.",
)

clauses_option = click.option(
    "--clauses",
    is_flag=True,
    default=None,
    envvar="KG_CLAUSES",
    help="Keep open clauses too (env KG_CLAUSES): statements whose object is a bare noun ('announced plans') "
    "or that say a common noun of another ('firms raise prices'), and what a speaker talked about ('X said "
    "Y would grow': X comment on Y). They are kept as kg:Clause, never as facts; without this they are "
    "left out.",
)


def make_settings(
    store_path: Path | None = None,
    base_iri: str | None = None,
    models: tuple[str, ...] = (),
    jobs: int | None = None,
    min_confidence: float | None = None,
    entities: Path | None = None,
    clauses: bool | None = None,
) -> Settings:
    defaults = Settings()
    chosen = dict(defaults.models)
    for item in models:
        lang, sep, name = item.partition("=")
        if not sep or not lang or not name:
            raise click.BadParameter(f"'{item}' is not LANG=PIPELINE", param_hint="--model")
        chosen[lang] = name
    return Settings(
        store=store_path or defaults.store,
        base_iri=base_iri or defaults.base_iri,
        models=chosen,
        max_bytes=defaults.max_bytes,
        jobs=jobs or defaults.jobs,
        min_confidence=defaults.min_confidence if min_confidence is None else min_confidence,
        entities=entities or defaults.entities,
        clauses=defaults.clauses if clauses is None else clauses,
    )


def warn(error: IngestError | str) -> None:
    click.echo(f"kg: {error}", err=True)


def plural(n: int, noun: str, many: str | None = None) -> str:
    """'1 row', '3 rows'; '2 entities' with many='entities'."""
    return f"{n} {noun if n == 1 else many or noun + 's'}"


def fail(message: str) -> None:
    click.echo(f"kg: {message}", err=True)
    sys.exit(1)
