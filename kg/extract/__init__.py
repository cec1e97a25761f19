"""Extract stage: documents in, mentions and statements (an `Extraction` per document) out.

The spaCy pipeline for each language is loaded by name (Settings.models, `KG_MODEL_EN`, `--model`),
so a bigger pipeline can be swapped in without code changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language

from kg import __version__
from kg.extract.patterns import ParagraphReader
from kg.records import Document, Extraction, Sentence

__all__ = ["Extractor", "PipelineError", "load_pipeline"]

_PARAGRAPH = re.compile(r"[^\n]+")


class PipelineError(RuntimeError):
    """A spaCy pipeline could not be loaded."""


def load_pipeline(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or path, with a clear error when it is missing."""
    try:
        return spacy.load(name, exclude=["senter"])
    except OSError as err:
        raise PipelineError(
            f"spaCy pipeline '{name}' is not installed (pip install it, or name another with "
            f"KG_MODEL_EN / --model): {err}") from err


class Extractor:
    """Reads documents with the pipeline of their language; other languages are passed through."""

    def __init__(self, models: dict[str, str], batch_size: int = 64) -> None:
        self.models = models
        self.batch_size = batch_size
        self._loaded: dict[str, Language] = {}

    def pipeline(self, lang: str) -> Language | None:
        if lang not in self.models:
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
        """Extractions in input order; paragraphs of all documents go through nlp.pipe in batches."""
        for document in documents:
            nlp = self.pipeline(document.lang)
            if nlp is None:
                yield Extraction(document, extractor=self.version(document.lang),
                                 skipped=f"no pipeline for language '{document.lang}'")
                continue
            yield self._read(document, nlp)

    def _read(self, document: Document, nlp: Language) -> Extraction:
        extraction = Extraction(document, extractor=self.version(document.lang))
        paragraphs = [(m.start(), m.group()) for m in _PARAGRAPH.finditer(document.text)]
        docs = nlp.pipe((text for _, text in paragraphs), batch_size=self.batch_size)
        for (offset, _), doc in zip(paragraphs, docs, strict=True):
            sentence_of: dict[int, int] = {}
            for sent in doc.sents:
                index = len(extraction.sentences)
                extraction.sentences.append(Sentence(offset + sent.start_char, offset + sent.end_char,
                                                     sent.text))
                for tok in sent:
                    sentence_of[tok.i] = index
            reader = ParagraphReader(doc, offset, sentence_of)
            reader.run()
            extraction.mentions.extend(reader.mentions.values())
            extraction.statements.extend(reader.statements)
        return extraction
