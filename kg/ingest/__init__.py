"""Ingest stage: files and folders in, clean `Document`s (or `IngestError`s) out."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.config import Settings
from kg.ingest.clean import clean
from kg.ingest.readers import READERS, RawText, decode
from kg.records import Document, IngestError

__all__ = ["ingest", "find_files", "detect_language", "to_document", "PARAGRAPH"]

PARAGRAPH = re.compile(r"[^\n]+")  # a paragraph of a cleaned text: one line (extract reads the same ones)


def find_files(paths: Iterable[str | Path]) -> Iterator[Path | IngestError]:
    """Files named, and files below folders named (recursively, sorted, hidden ones left out)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if child.is_file() and not any(part.startswith(".") for part in rel):
                    yield child
        elif path.is_file():
            yield path
        elif path.exists():
            yield IngestError(str(path), "not a regular file or folder")
        else:
            yield IngestError(str(path), "no such file or folder")


def detect_language(text: str, default: str = "en") -> str:
    """ISO 639-1 code of the text's language (py3langid, 97 languages); `default` when it cannot tell
    (the best guess is not clearly ahead of the next, as with a short line full of names)."""
    import py3langid

    ranked = py3langid.rank(text[:5000])
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < 5.0:
        return default
    return ranked[0][0]


PARAGRAPH_WORDS = 8  # a shorter paragraph (a heading, a line of names) is taken to be in its document's language


def paragraph_languages(text: str, lang: str) -> tuple[tuple[int, str], ...]:
    """(start, language) of each paragraph of at least PARAGRAPH_WORDS words that is clearly in another
    language than the document's (an English disclaimer under a Portuguese article)."""
    found = []
    for paragraph in PARAGRAPH.finditer(text):
        if len(paragraph.group().split()) >= PARAGRAPH_WORDS:
            other = detect_language(paragraph.group(), default=lang)
            if other != lang:
                found.append((paragraph.start(), other))
    return tuple(found)


def to_document(raw: RawText) -> Document | IngestError:
    """Clean a raw text into a Document with a content hash and detected language."""
    cleaned = clean(raw.text, title=raw.meta.get("title"))
    if len(cleaned.text.split()) < 3:
        return IngestError(raw.source, "no article text left after removing page boilerplate")
    authors = tuple(cleaned.authors or ([raw.meta["author"]] if raw.meta.get("author") else []))
    published = raw.meta.get("published") or cleaned.published
    fingerprint = "\n".join(
        [cleaned.title or "", "|".join(authors), "|".join(cleaned.editors), published or "", cleaned.text]
    )
    content_hash = hashlib.sha256(fingerprint.encode("utf-8")).hexdigest()
    lang = raw.meta.get("lang") or detect_language(cleaned.text)
    return Document(
        id=raw.id or content_hash[:16],
        text=cleaned.text,
        content_hash=content_hash,
        source=raw.source,
        lang=lang,
        title=cleaned.title,
        authors=authors,
        editors=tuple(cleaned.editors),
        published=published,
        url=raw.meta.get("url"),
        removed=tuple(f"{n} {kind}" for kind, n in sorted(cleaned.removed.items()) if n),
        paragraph_langs=paragraph_languages(cleaned.text, lang),
    )


def read_file(path: Path, settings: Settings) -> Iterator[RawText | IngestError]:
    """Raw texts of one file, by the reader registered for its suffix."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        yield IngestError(str(path), f"unsupported file type '{path.suffix or path.name}' (kg reads {known})")
        return
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield IngestError(
                str(path),
                f"file is {size:,} bytes, over the limit of {settings.max_bytes:,} (set KG_MAX_BYTES to raise it)",
            )
            return
        data = path.read_bytes()
    except OSError as err:
        yield IngestError(str(path), f"cannot read: {err.strerror or err}")
        return
    text = decode(path, data)
    if isinstance(text, IngestError):
        yield text
        return
    yield from reader(path, text)


def ingest(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Document | IngestError]:
    """Every document in the given files and folders, in order; errors are yielded, not raised."""
    settings = settings or Settings()
    for found in find_files(paths):
        if isinstance(found, IngestError):
            yield found
            continue
        for raw in read_file(found, settings):
            yield raw if isinstance(raw, IngestError) else to_document(raw)
