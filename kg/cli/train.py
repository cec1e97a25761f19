"""`kg train`: fit the relation classifier and the statement confidences."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from kg.cli.common import fail, make_settings, model_option


@click.group()
def train() -> None:
    """Train kg's models (needs the training extra: pip install -e '.[train]')."""


@train.command("relations")
@click.option(
    "--train",
    "train_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default="../shared/data/conll04/conll04_train.json",
    show_default=True,
    help="CoNLL04 JSON to train on.",
)
@click.option(
    "--dev",
    "dev_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default="../shared/data/conll04/conll04_dev.json",
    show_default=True,
    help="CoNLL04 JSON to score on.",
)
@click.option(
    "--output-dir",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the two models (default: where kg reads them, kg/extract/models/).",
)
@click.option(
    "-C",
    "c",
    type=click.FloatRange(min=0, min_open=True),
    default=1.0,
    show_default=True,
    help="Inverse regularisation strength of the logistic regressions.",
)
@model_option
def train_relations(
    train_file: Path, dev_file: Path, output_dir: Path | None, c: float, models: tuple[str, ...]
) -> None:
    """Train the name recogniser and the relation classifier on CoNLL04 and print their dev scores.

    Names count when their boundaries and class (person, organisation, place) match the gold. Relations
    count when their type and both entity boundaries match: end to end (names found by the recogniser)
    and, for comparison, with the gold entities given. Writes conll04_names.json and
    conll04_relations.json.
    """
    from kg.extract import PipelineError, load_pipeline
    from kg.extract.relations import STATE_FROM, THRESHOLD, Classifier
    from kg.extract.training import evaluate, evaluate_names, held_out_names, read_conll04, train_names
    from kg.extract.training import train as fit

    settings = make_settings(models=models)
    try:
        nlp = load_pipeline(settings.models["en"])
    except PipelineError as err:
        fail(str(err))
    try:
        train_set, dev_set = read_conll04(train_file, nlp), read_conll04(dev_file, nlp)
    except (ValueError, KeyError, TypeError) as err:
        fail(f"{train_file} or {dev_file}: not CoNLL04 JSON ({err})")
    click.echo(f"training on {len(train_set)} sentences of {train_file} ...", err=True)
    classifier = Classifier(train_names(train_set, c), fit(train_set, held_out_names(train_set, c=c), c=c))
    names = evaluate_names(classifier.names, dev_set)
    end_to_end = evaluate(classifier, dev_set, threshold=THRESHOLD)
    given = evaluate(classifier, dev_set, gold_entities=True, threshold=THRESHOLD)
    info = {"pipeline": settings.models["en"], "dev_names_f1": round(names.f1, 3)}
    classifier.names.info.update(info)
    classifier.relations.info.update(
        {**info, "dev_f1": round(end_to_end.f1, 3), "dev_f1_gold_entities": round(given.f1, 3), "threshold": THRESHOLD}
    )
    for model in (classifier.names, classifier.relations):
        path = output_dir / model.FILE.name if output_dir else model.FILE
        model.save(path)
        click.echo(f"wrote {path} ({len(model.weights):,} features)", err=True)
    click.echo(f"dev names (people, organisations, places): {names}")
    click.echo(f"dev relations, names found by kg:          {end_to_end}")
    click.echo(f"dev relations, gold entities given:        {given}")
    for linked in (False, True):
        stated = evaluate(classifier, dev_set, threshold=STATE_FROM, linked=linked)
        click.echo(f"dev relations kg states (from {STATE_FROM}){', names linked' if linked else ''}: {stated}")


@train.command("calibration")
@click.option(
    "--dev",
    "dev_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default="../shared/data/conll04/conll04_dev.json",
    show_default=True,
    help="CoNLL04 JSON the CoNLL04 judgements were made on.",
)
@click.option(
    "--news",
    "news_folder",
    type=click.Path(file_okay=False, path_type=Path),
    default="../shared/eval/news",
    show_default=True,
    help="Folder of the news articles (NAME.txt) the news judgements were made on; if it is missing, "
    "only the CoNLL04 judgements are used.",
)
@click.option(
    "--judgements",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Judged statements (default: kg/extract/models/statement_judgements.jsonl).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the calibration (default: the one kg uses, kg/extract/models/confidence.json).",
)
@model_option
def train_calibration(
    dev_file: Path, news_folder: Path, judgements: Path | None, output: Path | None, models: tuple[str, ...]
) -> None:
    """Fit statement confidences on the judged statements and print how reliable they are.

    Pattern statements: a logistic regression over the judged statements' construction, mention kinds and
    object length (CoNLL04 dev and news articles, open clauses included). Classifier statements: Platt
    scaling of its probability against the CoNLL04 dev gold and the judged news statements it made. The
    printed reliability is 5-fold cross-validated: each statement's confidence comes from a fit that did
    not see it.
    """
    from kg.extract import PipelineError, load_pipeline
    from kg.extract.calibration import CALIBRATION_FILE, JUDGEMENTS_FILE
    from kg.extract.relations import Classifier
    from kg.extract.training import classifier_examples, fit_calibration, read_conll04, reliability
    from kg.pipeline import judged_statements

    settings = make_settings(models=models)
    try:
        dev_set = read_conll04(dev_file, load_pipeline(settings.models["en"]))
        judged = judged_statements(
            dev_file, news_folder if news_folder.is_dir() else None, judgements or JUDGEMENTS_FILE, settings
        )
    except PipelineError as err:
        fail(str(err))
    except (ValueError, KeyError, TypeError) as err:
        fail(f"{dev_file} or {judgements or JUDGEMENTS_FILE}: not CoNLL04 JSON / judgements ({err})")
    gold = classifier_examples(Classifier.load(), dev_set)
    click.echo(
        f"{len(judged.statements) + len(judged.classified)} judged statements ({judged.unmatched} "
        f"judgements matched nothing), {len(gold)} classifier statements on CoNLL04 gold",
        err=True,
    )
    classified = gold + judged.classified
    corpora = judged.statement_corpora + ["conll04 gold"] * len(gold) + ["news"] * len(judged.classified)
    scored = reliability(judged.statements, classified)
    for name, wanted in (
        ("news, facts (what kg outputs by default)", {"news"}),
        ("news, facts and open clauses", {"news", "news clauses"}),
        ("CoNLL04 dev", {"conll04", "conll04 clauses"}),
    ):
        _print_reliability(name, [(conf, right) for i, conf, right in scored if corpora[i] in wanted])
    calibration = fit_calibration(judged.statements, classified)
    given = [
        calibration.statement_of(f)
        for (f, _), c in zip(judged.statements, judged.statement_corpora, strict=True)
        if c == "news"
    ]
    given += [calibration.classifier(p) for p, _ in judged.classified]
    common = [v for v, n in Counter(given).items() if n >= 0.01 * len(given)]
    click.echo(f"news facts: confidence values the fitted calibration gives to 1% or more of them: {len(common)}")
    calibration.save(output or CALIBRATION_FILE)
    click.echo(f"wrote {output or CALIBRATION_FILE}", err=True)


def _print_reliability(corpus: str, scored: list[tuple[float, bool]]) -> None:
    """How often the judged statements of a corpus were right at each confidence (cross-validated), and the
    lowest --min-confidence that keeps 75% right."""
    from kg.extract.training import RELIABILITY_REPEATS

    click.echo(
        f"{corpus}: {len(scored)} judged statements (each counted in {RELIABILITY_REPEATS} fold splits), "
        f"{sum(r for _, r in scored) / max(1, len(scored)):.0%} right"
    )
    for low in (0.0, 0.5, 0.6, 0.7, 0.8, 0.9):
        high = 0.5 if low == 0.0 else low + 0.1
        inside = [right for conf, right in scored if low <= conf < high or (high == 1.0 and conf == 1.0)]
        if inside:
            click.echo(
                f"  confidence {low:.1f}-{high:.1f}: {len(inside):4} statements, {sum(inside) / len(inside):.0%} right"
            )
    top = [right for conf, right in scored if conf >= 0.8]
    click.echo(f"  confidence >= 0.8: {len(top)} statements, {sum(top) / max(1, len(top)):.0%} right")
    for cut in sorted({conf for conf, _ in scored}):
        kept = [right for conf, right in scored if conf >= cut]
        if kept and sum(kept) >= 0.75 * len(kept):
            click.echo(
                f"  from confidence {cut}: {len(kept)} statements ({len(kept) / len(scored):.0%}), "
                f"{sum(kept) / len(kept):.0%} right"
            )
            break


@train.command("portuguese")
@click.option(
    "--shared",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default="../shared",
    show_default=True,
    help="Folder holding data/ud-portuguese and data/ner-portuguese.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the pipeline (default: the one kg ships, kg/extract/lang/pt/pipeline).",
)
@click.option(
    "--work",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Keep the converted corpora and intermediate models here (default: a temporary folder).",
)
@click.option("--wikiann", is_flag=True, help="Add WikiANN to the names' training data.")
def train_portuguese(shared: Path, output: Path | None, work: Path | None, wikiann: bool) -> None:
    """Train kg's Portuguese spaCy pipeline from UD Portuguese and HAREM/Paramopama (on the CPU, under an
    hour on two cores) and print its scores on data it was not trained on.

    Tagger, morphology, lemmatiser and parser learn from UD Portuguese GSD train (Bosque dev for early
    stopping); the names (PER, ORG, LOC) from HAREM's first collection and Paramopama with the second
    HAREM, less every sentence that is also in miniHAREM. Reported: UPOS, UAS, LAS, lemma and feature
    accuracy on UD Bosque test; NER precision, recall and F1 (exact spans) on miniHAREM.
    """
    try:
        from kg.extract.lang.pt import PIPELINE
        from kg.extract.lang.pt.training import train as fit
    except ImportError as err:
        fail(f"training needs the training extra (pip install -e '.[train]'): {err}")
    target = output or PIPELINE
    figures = fit(shared, target, log=lambda line: click.echo(line, err=True), work=work, wikiann=wikiann)
    for name, value in figures.items():
        click.echo(f"{name:<28} {value}")
