"""Extract stage: documents in, mentions and statements (an `Extraction` per document) out.

Each paragraph is parsed by its language's spaCy pipeline and read by the language-neutral reader core
(reader.py) with that language's pack (lang/): its syntax profile, words and constructions. The spaCy
pipeline for each language is loaded by name (Settings.models, `KG_MODEL_EN`, `--model`), so a bigger
pipeline can be swapped in without code changes. With `jobs` > 1, documents are read by
that many worker processes (forked after the pipeline is loaded, so they share its memory) and come
back in input order; small batches stay in-process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import itertools
import multiprocessing
import re
from collections import deque
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg import __version__
from kg.extract import lang as languages
from kg.extract.calibration import CALIBRATION_FILE, Calibration
from kg.extract.lang import Classified, LanguagePack
from kg.extract.reader import Reader
from kg.ingest import PARAGRAPH
from kg.records import Document, Extraction, Sentence

__all__ = ["Extractor", "PipelineError", "load_pipeline"]

# "LIMA, Peru — ", "TOULOUSE, France (Reuters) - ", "LONDON, Nov 23 (Reuters) - " opening a paragraph
_DATELINE = re.compile(
    r"[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+)*"  # the place, in capitals
    r"(?:, [\w.'-]+(?: [\w.'-]+)*)?(?: \([A-Z][\w ]*\))?"  # its region or date, the agency
    r" +[—–-]{1,2} +(?=\S)"
)


def _pieces(text: str) -> Iterator[tuple[int, str, int]]:
    """The text's paragraphs with their offsets (and the paragraph's start); a dateline that opens one is a
    piece of its own (parsed with the sentence after it, the place becomes that sentence's subject)."""
    for paragraph in PARAGRAPH.finditer(text):
        dateline = _DATELINE.match(paragraph.group())
        start = paragraph.start()
        if dateline and dateline.end() <= 60:
            yield start, dateline.group().rstrip(" —–-"), start
            yield start + dateline.end(), paragraph.group()[dateline.end() :], start
        else:
            yield start, paragraph.group(), start


class PipelineError(RuntimeError):
    """A spaCy pipeline could not be loaded."""


def load_pipeline(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or path, with a clear error when it is missing,
    adapted as its language's pack says (English: a job-title entity ruler ahead of the NER)."""
    try:
        nlp = spacy.load(name, exclude=["senter"])
    except OSError as err:
        raise PipelineError(
            f"spaCy pipeline '{name}' is not installed (pip install it, or name another with "
            f"KG_MODEL_EN / --model): {err}"
        ) from err
    pack = languages.get(nlp.lang or "")
    if pack is not None and pack.adapt is not None:
        pack.adapt(nlp)
    return nlp


_worker: Extractor | None = None
PARALLEL_FROM = 16  # documents: fewer are read in-process
PARSED_TOGETHER = 16  # documents whose paragraphs are parsed as one stream in-process


def _start_worker(extractor: Extractor) -> None:
    global _worker
    _worker = extractor


def _work(document: Document) -> Extraction:
    if _worker is None:
        raise RuntimeError("the worker was started without an extractor")
    return next(_worker.extract_all([document]))


def _pack(lang: str) -> LanguagePack:
    """The pack of a language kg has a pipeline for (every such language has one)."""
    pack = languages.get(lang)
    if pack is None:
        raise PipelineError(f"kg cannot read language '{lang}'")
    return pack


class Extractor:
    """Reads documents with the pipeline of their language; other languages are passed through."""

    def __init__(self, models: dict[str, str], batch_size: int = 64, jobs: int = 1) -> None:
        self.models = models
        self.batch_size = batch_size
        self.jobs = max(1, jobs)
        self._loaded: dict[str, Language] = {}
        self._classifiers: dict[str, Classified | None] = {}
        self._calibration: Calibration | None = None

    @property
    def calibration(self) -> Calibration:
        """How statements' confidences are computed (kg/extract/models/confidence.json)."""
        if self._calibration is None:
            self._calibration = Calibration.load(CALIBRATION_FILE)
        return self._calibration

    def classifier(self, pack: LanguagePack) -> Classified | None:
        """The relation classifier a language's pack brings (English: the CoNLL04-trained one), if any."""
        if pack.code not in self._classifiers:
            self._classifiers[pack.code] = pack.classifier() if pack.classifier is not None else None
        return self._classifiers[pack.code]

    def pipeline(self, lang: str) -> Language | None:
        """The spaCy pipeline of a language kg has a pack for and a pipeline configured, loaded once."""
        if lang not in self.models or languages.get(lang) is None:
            return None
        if lang not in self._loaded:
            self._loaded[lang] = load_pipeline(self.models[lang])
        return self._loaded[lang]

    def version(self, lang: str) -> str:
        nlp = self.pipeline(lang)
        model = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}" if nlp else "none"
        return f"kg {__version__}; spaCy {spacy.__version__}; {model}"

    def extract(self, document: Document) -> Extraction:
        return next(iter(self.extract_all([document])))

    def extract_all(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Extractions in input order, read by `jobs` processes when there are enough documents."""
        documents = iter(documents)
        head = list(itertools.islice(documents, PARALLEL_FROM if self.jobs > 1 else 0))
        if len(head) < PARALLEL_FROM:
            yield from self._serial(itertools.chain(head, documents))
        else:
            yield from self._parallel(itertools.chain(head, documents))

    def _parallel(self, documents: Iterator[Document]) -> Iterator[Extraction]:
        """At most a few documents per worker are in flight, so reading keeps pace with writing."""
        for lang in self.models:  # load before forking: workers share the loaded pipelines' memory
            if self.pipeline(lang) is not None:
                self.classifier(_pack(lang))
        _ = self.calibration
        context = multiprocessing.get_context("fork")
        with context.Pool(self.jobs, initializer=_start_worker, initargs=(self,)) as pool:
            pending: deque = deque()
            for document in documents:
                pending.append(pool.apply_async(_work, (document,)))
                if len(pending) >= 4 * self.jobs:
                    yield pending.popleft().get()
            while pending:
                yield pending.popleft().get()

    def _serial(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        documents = iter(documents)
        while chunk := list(itertools.islice(documents, PARSED_TOGETHER)):
            yield from self._read(chunk)

    def _read(self, documents: list[Document]) -> list[Extraction]:
        """Extractions of the documents, whose paragraphs go through each language's pipeline as one
        stream (spaCy batches them), in input order. A paragraph ingest found to be in another language
        than its document's is read with that language's pipeline, or left out (with a note) where kg has
        none."""
        extractions = [Extraction(d, extractor=self.version(d.lang)) for d in documents]
        pieces: list[list[tuple[int, str, Doc | None]]] = []
        queues: dict[str, list[tuple[int, int, str]]] = {}  # lang -> (extraction, piece, text)
        for e, extraction in enumerate(extractions):
            document = extraction.document
            lang_of = dict(document.paragraph_langs)
            read: list[tuple[int, str, Doc | None]] = []
            missing: set[str] = set()
            for offset, text, paragraph in _pieces(document.text):
                lang = lang_of.get(paragraph, document.lang)
                if self.pipeline(lang) is None:
                    missing.add(lang)
                    continue
                queues.setdefault(lang, []).append((e, len(read), text))
                read.append((offset, lang, None))
            pieces.append(read)
            if not read:
                extraction.skipped = f"no pipeline for language '{document.lang}'"
                continue
            main = document.lang if self.pipeline(document.lang) is not None else read[0][1]
            extraction.name_words = _pack(main).name_words
            if missing:
                extraction.notes.append(
                    f"paragraphs in {', '.join(sorted(missing))} left out: no pipeline for "
                    f"{'that language' if len(missing) == 1 else 'those languages'}"
                )
        for lang, items in queues.items():
            nlp = self.pipeline(lang)
            if nlp is None:  # queued only with a pipeline
                continue
            docs = nlp.pipe((text for *_, text in items), batch_size=self.batch_size)
            for (e, k, _), doc in zip(items, docs, strict=True):
                offset, _, _ = pieces[e][k]
                pieces[e][k] = (offset, lang, doc)
        for extraction, read in zip(extractions, pieces, strict=True):
            for offset, lang, parsed in read:  # in text order, so sentences are numbered as they come
                if parsed is not None:
                    self._read_paragraph(extraction, parsed, offset, _pack(lang))
        return extractions

    def _read_paragraph(self, extraction: Extraction, doc: Doc, offset: int, pack: LanguagePack) -> None:
        sentence_of: dict[int, int] = {}
        for sent in doc.sents:
            index = len(extraction.sentences)
            extraction.sentences.append(Sentence(offset + sent.start_char, offset + sent.end_char, sent.text))
            for tok in sent:
                sentence_of[tok.i] = index
        reader = Reader(doc, offset, sentence_of, self.calibration, pack)
        classifier = self.classifier(pack)
        reader.run(classifier(doc) if classifier is not None else None)
        extraction.mentions.extend(reader.mentions.values())
        extraction.statements.extend(reader.statements)
        extraction.roles.extend(reader.roles)
        extraction.speakers.extend(reader.speakers)
        extraction.names.extend(reader.names)
