"""`kg info`: what this kg is made of: its version, the store in use, each language's spaCy pipeline and
the models kg ships, with what they were trained on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from kg import __version__
from kg.cli.common import make_settings, model_option, store_option


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def _pipeline(name: str) -> dict:
    """Name, version, path (which spacy.load(path) loads as is) and sources of an installed pipeline."""
    import spacy

    try:
        nlp = spacy.load(name, exclude=["senter"])
    except OSError as err:
        return {"pipeline": name, "error": f"not installed ({err})"}
    meta = nlp.meta
    return {
        "pipeline": name,
        "name": f"{meta.get('lang')}_{meta.get('name')}",
        "version": meta.get("version"),
        "path": str(nlp.path),
        "components": nlp.pipe_names,
        "trained_on": [source.get("name") for source in meta.get("sources", [])],
    }


def _models() -> list[dict]:
    """The models kg ships beside the spaCy pipelines."""
    from kg.extract.calibration import CALIBRATION_FILE, JUDGEMENTS_FILE
    from kg.extract.names import NAMES_FILE
    from kg.extract.relations import MODEL_FILE

    out = []
    for path, what in ((NAMES_FILE, "name recogniser (English)"), (MODEL_FILE, "relation classifier (English)")):
        info = json.loads(path.read_text()).get("info", {})
        out.append(
            {
                "model": what,
                "path": str(path),
                "trained_on": info.get("trained_on"),
                "pipeline": info.get("pipeline"),
                "dev_f1": info.get("dev_f1", info.get("dev_names_f1")),
            }
        )
    judged = sum(1 for line in JUDGEMENTS_FILE.read_text(encoding="utf-8").splitlines() if line.strip())
    out.append(
        {
            "model": "statement confidence calibration",
            "path": str(CALIBRATION_FILE),
            "trained_on": f"CoNLL04 dev: the classifier's statements against its gold, and {judged} judged "
            f"pattern statements ({JUDGEMENTS_FILE.name})",
        }
    )
    return out


@click.command()
@store_option
@model_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def info(store_path: Path, models: tuple[str, ...], fmt: str) -> None:
    """Print kg's version, the store in use and its size, each language's spaCy pipeline (name, version
    and the path `spacy.load` takes) and the models kg ships, with what they were trained on."""
    from kg.extract import lang as languages

    settings = make_settings(store_path, models=models)
    store: dict[str, Any] = {
        "path": str(settings.store.resolve()),
        "exists": settings.store.is_dir(),
        "bytes": _size(settings.store) if settings.store.is_dir() else 0,
    }
    report: dict[str, Any] = {
        "kg": __version__,
        "store": store,
        "languages": {
            code: _pipeline(settings.models[code])
            if code in settings.models
            else {"pipeline": None, "error": f"no pipeline configured (KG_MODEL_{code.upper()})"}
            for code in languages.codes()
        },
        "models": _models(),
    }
    if fmt == "json":
        click.echo(json.dumps(report, indent=1))
        return
    click.echo(f"kg {__version__}")
    click.echo(
        f"store     {store['path']} ({store['bytes'] / 1e6:,.1f} MB)"
        if store["exists"]
        else f"store     {store['path']} (not built yet)"
    )
    for code, pipeline in report["languages"].items():
        if "error" in pipeline:
            click.echo(f"{code:<9} {pipeline['pipeline'] or '-'}: {pipeline['error']}")
        else:
            click.echo(f"{code:<9} {pipeline['name']} {pipeline['version']} at {pipeline['path']}")
            click.echo(f"          trained on: {', '.join(filter(None, pipeline['trained_on'])) or 'not said'}")
    for model in report["models"]:
        click.echo(f"model     {model['model']}: {model['path']}")
        click.echo(f"          trained on: {model['trained_on']}")
