"""`kg train portuguese`: train kg_pt, kg's Portuguese spaCy pipeline, from the corpora in shared/data.

Two trainings on one CPU, then one pipeline:
- syntax (ud.cfg): tagger, morphologizer, attribute ruler, trainable lemmatizer and parser over one CNN tok2vec,
  trained on UD Portuguese GSD train (harmonised, see corpora.py), stopped early on Bosque dev;
- names (ner.cfg): PER/ORG/LOC over a tok2vec of its own, trained on Paramopama + second HAREM and the first HAREM
  collection less every sentence also in miniHAREM, stopped early on a held-out tenth of those (blocks of 50
  sentences);
- the names component is copied into the syntax pipeline with its own tok2vec (`replace_listeners`).
Bosque test and miniHAREM are never read except by `evaluate`.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import IO, cast

import spacy
from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.training.initialize import init_nlp
from spacy.training.loop import train as train_loop
from spacy.util import load_config

from kg.extract.lang.pt.corpora import (
    features_only,
    ner_doc,
    pos_patterns,
    read_columns,
    sentence_key,
    split_news,
    ud_docs,
)

HERE = Path(__file__).parent
UD = Path("data/ud-portuguese")
NER = Path("data/ner-portuguese")
UD_TRAIN, UD_DEV, UD_TEST = "pt_gsd-ud-train.conllu", "pt_bosque-ud-dev.conllu", "pt_bosque-ud-test.conllu"
NEWS = ("corpus_paramopama+second_harem.txt", "corpus_First_HAREM.txt")  # the first holds all of Paramopama
WIKIANN = "wikiann-pt-train.txt"
NER_TEST = "corpus_miniHAREM.txt"
META = {
    "name": "kg_pt",
    "version": "0.1.0",
    "spacy_version": ">=3.8.0,<3.9.0",
    "description": "kg's Portuguese pipeline, trained by `kg train portuguese`: tagger (UPOS of a token's words, "
    "mapped to POS), morphologizer, trainable lemmatizer and dependency parser (Universal Dependencies labels; "
    "contractions such as 'da' and 'contratou-o' are one token) trained on UD Portuguese GSD train; named "
    "entities (PER, ORG, LOC) trained on Paramopama, the second HAREM and the first HAREM collection. "
    "CNN tok2vec, no word vectors.",
    "author": "kg",
    "license": "CC BY-SA 4.0 (as UD Portuguese GSD); the NER data are research data",
    "sources": [
        {
            "name": "UD Portuguese GSD train (syntax, lemmas, features)",
            "url": "https://universaldependencies.org/treebanks/pt_gsd/",
            "license": "CC BY-SA 4.0",
        },
        {
            "name": "UD Portuguese Bosque (dev: early stopping, error analysis; test: evaluation only)",
            "url": "https://universaldependencies.org/treebanks/pt_bosque/",
            "license": "CC BY-SA 4.0",
        },
        {
            "name": "UD Portuguese Porttinari (dev, compared for annotation conventions only)",
            "url": "https://universaldependencies.org/treebanks/pt_porttinari/",
            "license": "CC BY 4.0",
        },
        {
            "name": "HAREM first collection, Paramopama and second HAREM (training; miniHAREM for evaluation), "
            "as converted by the Paramopama authors",
            "license": "research data",
        },
        {
            "name": "WikiANN Portuguese (tried; not in the shipped model, it lowered news dev F1)",
            "license": "research data",
        },
    ],
}


class _Lines:
    """A file-like object that hands each line spaCy's training logger prints to a log function."""

    def __init__(self, log: Callable[[str], None]) -> None:
        self.log, self.buffer = log, ""

    def write(self, text: str) -> None:
        self.buffer += text
        *lines, self.buffer = self.buffer.split("\n")
        for line in lines:
            if line.strip():
                self.log(line)

    def flush(self) -> None:
        """Nothing is held back but an unfinished line."""


def _save(docs: list[Doc], path: Path) -> Path:
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return path


def convert(
    shared: Path, work: Path, *, limit: int | None = None, wikiann: bool = False, log: Callable[[str], None] = print
) -> dict:
    """Write the training and dev corpora to work as .spacy files; return their paths, the POS patterns and counts.

    limit caps the sentences read from each corpus (for quick runs); wikiann adds WikiANN train to the names.
    """
    ud = shared / UD
    syntax = ud_docs(ud / UD_TRAIN, n_sents=10, training=True, limit=limit)
    patterns = pos_patterns(syntax)
    paths = {
        "ud_train": _save(features_only(syntax), work / "ud-train.spacy"),
        "ud_dev": _save(ud_docs(ud / UD_DEV, limit=limit), work / "ud-dev.spacy"),
    }
    held_out = {sentence_key(words) for words, _ in read_columns(shared / NER / NER_TEST)}
    vocab = spacy.blank("pt").vocab
    train: list = []
    dev: list = []
    dropped = 0
    for name in NEWS:
        part_train, part_dev, part_dropped = split_news(read_columns(shared / NER / name), held_out)
        part_train, part_dev = part_train[:limit], part_dev[:limit]
        train, dev, dropped = train + part_train, dev + part_dev, dropped + part_dropped
        log(f"{name}: {len(part_train)} train, {len(part_dev)} dev, {part_dropped} dropped (also in {NER_TEST})")
    if wikiann:
        train += read_columns(shared / NER / WIKIANN)[:limit]
    paths["ner_train"] = _save([ner_doc(vocab, *sentence) for sentence in train], work / "ner-train.spacy")
    paths["ner_dev"] = _save([ner_doc(vocab, *sentence) for sentence in dev], work / "ner-dev.spacy")
    log(f"syntax: {len(syntax)} docs of up to 10 GSD sentences; names: {len(train)} train, {len(dev)} dev sentences")
    return {"paths": paths, "pos_patterns": patterns, "ner_dropped": dropped}


def fit(
    config_name: str,
    train_path: Path,
    dev_path: Path,
    out: Path,
    *,
    max_epochs: int | None = None,
    pos_patterns: list[dict] | None = None,
    log: Callable[[str], None] = print,
) -> Path:
    """Train the pipeline of a .cfg file next to this module; return the folder of its best model on dev."""
    overrides: dict = {"paths.train": str(train_path), "paths.dev": str(dev_path)}
    if max_epochs is not None:
        overrides["training.max_epochs"] = max_epochs
    config = load_config(HERE / config_name, overrides=overrides)
    if pos_patterns is not None:
        config["initialize"]["components"]["attribute_ruler"]["patterns"] = pos_patterns
    nlp = init_nlp(config)
    out.mkdir(parents=True, exist_ok=True)
    lines = cast(IO, _Lines(log))  # spaCy's logger only writes lines to it
    train_loop(nlp, out, stdout=lines, stderr=lines)
    return out / "model-best" if (out / "model-best").exists() else out / "model-last"


def assemble(syntax_path: Path, names_path: Path) -> Language:
    """The syntax pipeline with the names component (and a copy of its tok2vec) added, under kg_pt's meta."""
    nlp = spacy.load(syntax_path)
    names = spacy.load(names_path)
    names.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.add_pipe("ner", source=names)
    nlp.meta.update(META)
    return nlp


def train(
    shared: Path,
    out: Path,
    log: Callable[[str], None] = print,
    *,
    work: Path | None = None,
    limit: int | None = None,
    max_epochs: int | None = None,
    wikiann: bool = False,
) -> dict[str, float]:
    """Convert the corpora, train both parts, assemble kg_pt into out and return its evaluation (see evaluate).

    work keeps the converted corpora and intermediate models (default: a temporary folder, deleted after).
    limit (sentences per corpus, evaluation included) and max_epochs (each training; default: the .cfg's)
    are for quick runs; wikiann adds WikiANN train to the names' training data.
    """
    start = time.monotonic()
    with TemporaryDirectory(prefix="kg-pt-") as tmp:
        folder = Path(work or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        data = convert(shared, folder, limit=limit, wikiann=wikiann, log=log)
        paths = data["paths"]
        log(f"training syntax on {paths['ud_train']} ...")
        syntax = fit(
            "ud.cfg",
            paths["ud_train"],
            paths["ud_dev"],
            folder / "syntax",
            max_epochs=max_epochs,
            pos_patterns=data["pos_patterns"],
            log=log,
        )
        log(f"training names on {paths['ner_train']} ...")
        names = fit("ner.cfg", paths["ner_train"], paths["ner_dev"], folder / "names", max_epochs=max_epochs, log=log)
        nlp = assemble(syntax, names)
    figures = evaluate(nlp, shared, limit=limit)
    figures["ner_train_dropped_overlap"] = data["ner_dropped"]
    figures["train_minutes"] = round((time.monotonic() - start) / 60, 1)
    nlp.meta["performance"] = figures
    nlp.to_disk(out)
    log(f"wrote {out}: " + ", ".join(f"{key} {value}" for key, value in figures.items()))
    return figures


def syntax_scores(examples: list[Example]) -> dict[str, float]:
    """UPOS, UAS, LAS, lemma and features accuracy over all gold tokens, punctuation included (CoNLL 2018 style,
    on merged tokens); a gold token the tokenizer split or merged counts as wrong."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for eg in examples:
        y2x, x2y = eg.alignment.y2x, eg.alignment.x2y
        singles = {int(y2x[g][0]): g for g in range(len(eg.reference)) if y2x.lengths[g] == 1}
        gold_of = {x: g for x, g in singles.items() if x2y.lengths[x] == 1}  # one-to-one tokens only
        pred_of = {g: eg.predicted[x] for x, g in gold_of.items()}
        for gold in eg.reference:
            total.update(("upos", "uas", "las", "morph"))
            total["lemma"] += bool(gold.lemma_)
            pred = pred_of.get(gold.i)
            if pred is None:
                continue
            head = gold_of.get(pred.head.i) == gold.head.i
            right["upos"] += pred.pos_ == gold.pos_
            right["uas"] += head
            right["las"] += head and pred.dep_.lower() == gold.dep_.lower()
            right["lemma"] += bool(gold.lemma_) and pred.lemma_ == gold.lemma_
            right["morph"] += str(pred.morph) == str(gold.morph)
    return {key: round(right[key] / total[key], 4) for key in total}


def evaluate(nlp_or_path: Language | Path | str, shared: Path, *, limit: int | None = None) -> dict[str, float]:
    """Scores on the held-out sets: `upos`, `uas`, `las`, `lemma`, `morph` on UD Bosque test (raw sentence text
    tokenized by the pipeline, contractions merged as in training; see syntax_scores) and `ner_p`, `ner_r`,
    `ner_f1`, `ner_f1_PER`/`_ORG`/`_LOC` on miniHAREM (exact PER/ORG/LOC spans, micro, on its given tokens)."""
    nlp = nlp_or_path if isinstance(nlp_or_path, Language) else spacy.load(nlp_or_path)
    gold = ud_docs(shared / UD / UD_TEST, limit=limit)
    parsed = nlp.pipe(doc.text for doc in gold)
    figures = syntax_scores([Example(pred, ref) for pred, ref in zip(parsed, gold, strict=True)])
    names = [ner_doc(nlp.vocab, *sentence) for sentence in read_columns(shared / NER / NER_TEST)[:limit]]
    with nlp.select_pipes(enable=["ner"]):
        predicted = nlp.pipe(Doc(nlp.vocab, words=[token.text for token in doc]) for doc in names)
        scores = Scorer.score_spans([Example(pred, ref) for pred, ref in zip(predicted, names, strict=True)], "ents")
    figures.update({f"ner_{key}": round(scores[f"ents_{key[0]}"], 4) for key in ("p", "r", "f1")})
    for label, label_scores in sorted(scores["ents_per_type"].items()):
        figures[f"ner_f1_{label}"] = round(label_scores["f"], 4)
    return figures
