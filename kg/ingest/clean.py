"""Page boilerplate removal and metadata lines, by general rules over the lines of a scraped page.

What goes: promotional blocks (emoji, hashtags, calls to action and the list items around them),
disclaimers, image-credit and "see original" lines, and repeated copies of the same paragraphs.
What is lifted out as metadata: title, author and editor lines ("Author | Name", "By Name", "Autor | Nome").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

_META_LINE = re.compile(
    r"^(?P<key>authors?|written by|by|autor(?:a|es)?|escrito por|por|editors?|edited by|editora?|"
    r"editado por|published|publicado(?: em)?|date|data)\s*(?:[|:：]\s*|\s+)(?P<value>.+)$",
    re.IGNORECASE,
)
_KEY_KIND = {
    "by": "author",
    "written by": "author",
    "escrito por": "author",
    "por": "author",
    "edited by": "editor",
    "editado por": "editor",
    "published": "published",
    "publicado": "published",
    "publicado em": "published",
    "date": "published",
    "data": "published",
}
_NAME = re.compile(
    r"^[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:(?:de|da|do|dos|das|van|von|der|le|la|and|e|&)\s+)?"
    r"[A-ZÀ-Ý][\w'’.-]*){0,5}$"
)
_CREDIT = re.compile(
    r"^(?:(?:image|photo|picture|video|cover|header)\s+(?:source|credit|by)s?|fonte da imagem|"
    r"fonte|cr[eé]ditos?(?: da imagem| da foto)?|foto|imagem|source)\s*[:|：]",
    re.IGNORECASE,
)
_SEE_ORIGINAL = re.compile(
    r"^(?:see|view|read|ver|veja|leia|show)\s+(?:the\s+|o\s+)?(?:original|more|mais|full article|"
    r"artigo completo|also|tamb[eé]m)\b.{0,30}$",
    re.IGNORECASE,
)
_DISCLAIMER_CUES = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"third[- ]party content",
        r"information(?:al)? purposes",
        r"not (?:be )?(?:considered|construed)",
        r"(?:financial|investment|legal|professional|tax) advice",
        r"endorsement",
        r"disclaimer",
        r"all rights reserved",
        r"copyright",
        r"©",
        r"representations?(?: or |/)warrant",
        r"does not constitute",
        r"for reference only",
        r"conte[uú]do de terceiros",
        r"aviso legal",
        r"n[aã]o constitui",
        r"todos os direitos reservados",
        r"fins informativos",
        r"aconselhamento",
    )
]
_HASHTAG = re.compile(r"(?<![\w&])#[^\W\d_][\w-]*")
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*▪●◦])\s+")
_CALL_TO_ACTION = re.compile(
    r"^(?:join|follow|subscribe|sign up|register|download|click|tap|share|show|post|tag|participate|"
    r"don'?t miss|claim|win|enter|get|grab|buy|shop|sign|inscreva|siga|participe|baixe|clique|"
    r"compartilhe|cadastre)\b",
    re.IGNORECASE,
)
_MISSING_SPACE = re.compile(r"(?<=[a-zà-ÿ]{2}[.!?])(?=[A-ZÀ-Ý][a-zà-ÿ])")


@dataclass
class Cleaned:
    """Main text and the metadata lifted from the page."""

    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    published: str | None = None
    removed: Counter = field(default_factory=Counter)


def normalize(text: str) -> str:
    """Unicode NFC, unified newlines and spaces, and the space a scrape lost after a full stop."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    text = _MISSING_SPACE.sub(" ", text)
    return "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n"))


def _has_emoji(line: str) -> bool:
    return any(ord(ch) >= 0x2190 and unicodedata.category(ch) in ("So", "Sk") for ch in line)


def _promo_mark(line: str) -> bool:
    return _has_emoji(line) or bool(_HASHTAG.search(line)) or (line.endswith("!") and bool(_CALL_TO_ACTION.match(line)))


def _promo_weak(line: str) -> bool:
    """A line that belongs to a promotional block when it sits beside one: list item, slogan, date."""
    return bool(_LIST_ITEM.match(line)) or len(line.split()) <= 5 or line.endswith("!")


def _promo_lines(lines: list[str]) -> set[int]:
    """Indices of lines inside promotional blocks: runs that hold two or more marked lines."""
    drop: set[int] = set()
    i = 0
    while i < len(lines):
        if not _promo_mark(lines[i]):
            i += 1
            continue
        j, marks = i, 0
        while j < len(lines) and (_promo_mark(lines[j]) or _promo_weak(lines[j])):
            marks += _promo_mark(lines[j])
            j += 1
        strong = marks >= 2 or (_has_emoji(lines[i]) and _HASHTAG.search(lines[i]))
        if strong:
            drop.update(range(i, j))
        i = max(j, i + 1)
    return drop


def _is_disclaimer(line: str) -> bool:
    cues = sum(1 for cue in _DISCLAIMER_CUES if cue.search(line))
    return cues >= 2 or bool(re.match(r"^(?:disclaimer|aviso legal|©|copyright)\b", line, re.IGNORECASE))


def _split_names(value: str) -> list[str]:
    return [n.strip() for n in re.split(r",|\band\b|\be\b|&", value) if n.strip()]


def _meta(line: str) -> tuple[str, str] | None:
    match = _META_LINE.match(line)
    if not match:
        return None
    key = match.group("key").lower()
    kind = _KEY_KIND.get(key, "editor" if key.startswith("edit") else "author")
    value = match.group("value").strip().rstrip(".")
    if kind == "published":
        return (kind, value) if re.search(r"\d{4}", value) and len(value) < 40 else None
    bare = "|" not in line and ":" not in line and "：" not in line
    names = _split_names(value)
    if not names or not all(_NAME.match(n) for n in names) or (bare and key not in ("by", "por")):
        return None
    return kind, value


def _headline(line: str) -> bool:
    return 2 <= len(line.split()) <= 20 and not re.search(r"[.;:,]$", line)


def _key(line: str) -> str:
    return re.sub(r"\W+", " ", line.lower()).strip()


def _shingles(key: str, n: int = 4) -> set[tuple[str, ...]]:
    words = key.split()
    return {tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1))}


def clean(text: str, title: str | None = None) -> Cleaned:
    """Remove boilerplate from a page's text and lift out its title, author, editor and date lines."""
    lines = [line for line in normalize(text).split("\n") if line]
    out = Cleaned(text="", title=title)
    drop = _promo_lines(lines)
    out.removed["promotional"] += len(drop)
    title_index = None
    for i, line in enumerate(lines):
        if i in drop:
            continue
        if _is_disclaimer(line):
            drop.add(i)
            out.removed["disclaimer"] += 1
        elif _CREDIT.match(line) or _SEE_ORIGINAL.match(line):
            drop.add(i)
            out.removed["credit or link line"] += 1
        elif meta := _meta(line):
            drop.add(i)
            kind, value = meta
            if kind == "published":
                out.published = out.published or value
            else:
                target = out.authors if kind == "author" else out.editors
                target.extend(n for n in _split_names(value) if n not in target)
            previous = max((k for k in range(i) if k not in drop), default=None)
            if out.title is None and previous is not None and _headline(lines[previous]):
                title_index = previous
    if title_index is not None:
        out.title = lines[title_index]
    kept: list[str] = []
    seen_keys: set[str] = set()
    seen_shingles: set[tuple[str, ...]] = set()
    title_key = _key(out.title) if out.title else None
    for i, line in enumerate(lines):
        if i in drop:
            continue
        key = _key(line)
        if key == title_key:
            out.removed["title line"] += 1
            continue
        shingles = _shingles(key)
        repeated = key in seen_keys or (len(key.split()) >= 8 and len(shingles & seen_shingles) >= 0.8 * len(shingles))
        if repeated:
            out.removed["repeated copy"] += 1
            continue
        seen_keys.add(key)
        seen_shingles |= shingles
        kept.append(line)
    if out.title is None and len(kept) > 1 and _headline(kept[0]) and len(kept[0].split()) <= 15:
        out.title = kept.pop(0)
    out.text = "\n".join(kept)
    return out
