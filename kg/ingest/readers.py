"""File readers, looked up by file suffix in a registry (as rdflib looks up parsers by format name).

A reader turns one file into raw texts (one per document it holds) or errors; cleaning comes after.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.records import IngestError


@dataclass(frozen=True)
class RawText:
    """A document's text as the file gave it, before boilerplate removal."""

    source: str
    text: str
    id: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # title, author, url, published, lang


Reader = Callable[[Path, str], Iterator["RawText | IngestError"]]
READERS: dict[str, Reader] = {}


def register(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a reader for file suffixes (lower case, with the dot)."""

    def wrap(reader: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix] = reader
        return reader

    return wrap


def decode(path: Path, data: bytes) -> str | IngestError:
    """UTF-8 text (a BOM allowed), or an error saying why the bytes are not text."""
    source = str(path)
    if not data.strip():
        return IngestError(source, "empty file")
    if b"\x00" in data[:8192]:
        return IngestError(source, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return IngestError(source, f"not UTF-8 text: byte 0x{data[err.start]:02x} at offset {err.start}")


_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)


@register(".txt", ".text")
def read_plain(path: Path, text: str) -> Iterator[RawText | IngestError]:
    """Plain text as it is; a saved web page with a .txt name is read as the HTML it is."""
    if _HTML_START.match(text[:4096]):
        yield from read_html(path, text)
    else:
        yield RawText(str(path), text)


_MD_RULES = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quotes
    (re.compile(r"^\s*[-*+]\s+", re.M), ""),  # bullets
    (re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # emphasis and code
    (re.compile(r"^\s*(-{3,}|\*{3,}|_{3,})\s*$", re.M), ""),  # rules
]
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$", re.M)


@register(".md", ".markdown")
def read_markdown(path: Path, text: str) -> Iterator[RawText | IngestError]:
    meta: dict[str, str] = {}
    first = _MD_HEADING.search(text)
    if first and first.group(1) == "#":
        meta["title"] = first.group(2)
        text = text[: first.start()] + text[first.end() :]
    text = _MD_HEADING.sub(r"\2", text)
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    yield RawText(str(path), text, meta=meta)


@register(".html", ".htm", ".xhtml")
def read_html(path: Path, text: str) -> Iterator[RawText | IngestError]:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        doc = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as err:  # trafilatura raises many kinds on malformed markup
        yield IngestError(str(path), f"HTML could not be parsed ({type(err).__name__}: {err})")
        return
    if doc is None or isinstance(doc, dict) or not (doc.text or "").strip():  # a dict only when asked for one
        yield IngestError(str(path), "no article text found in the HTML")
        return
    meta = {
        k: v for k, v in (("title", doc.title), ("author", doc.author), ("published", doc.date), ("url", doc.url)) if v
    }
    yield RawText(str(path), doc.text or "", meta=meta)


_OPTIONAL_FIELDS = ("title", "url", "published", "lang", "author")


@register(".jsonl", ".ndjson")
def read_jsonl(path: Path, text: str) -> Iterator[RawText | IngestError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield IngestError(str(path), f"not JSON ({err.msg} at column {err.colno})", line=number)
            continue
        if not isinstance(record, dict):
            yield IngestError(str(path), "a line must be a JSON object", line=number)
            continue
        missing = [k for k in ("id", "text") if not isinstance(record.get(k), (str, int))]
        if missing:
            yield IngestError(str(path), f"missing or non-string field(s): {', '.join(missing)}", line=number)
            continue
        meta = {k: str(record[k]) for k in _OPTIONAL_FIELDS if record.get(k)}
        yield RawText(f"{path}#{record['id']}", str(record["text"]), id=str(record["id"]), meta=meta)
