"""Text cut into segments at the edges of marked spans, for templates to render with escaping.

Spans may overlap or nest: each segment carries the classes of every span over it, so a fact's words
and the mentions inside them are both shown. Nothing here builds HTML; Jinja escapes each segment.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Span", "Segment", "segments"]


@dataclass(frozen=True)
class Span:
    """A marked stretch of a text: [start, end) in its characters, with classes, a link and a tooltip."""

    start: int
    end: int
    kind: str
    href: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Segment:
    text: str
    classes: tuple[str, ...] = ()
    href: str | None = None
    title: str | None = None


def segments(text: str, spans: list[Span]) -> list[Segment]:
    """`text` in pieces, each with the spans over it (spans outside the text are clipped or dropped)."""
    spans = [s for s in spans if 0 <= s.start < s.end and s.start < len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(min(s.end, len(text)) for s in spans)})
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        over = [s for s in spans if s.start <= start and end <= s.end]
        linked = [s for s in over if s.href]
        titled = [s.title for s in over if s.title]
        out.append(
            Segment(
                text[start:end],
                tuple(dict.fromkeys(s.kind for s in over)),
                linked[-1].href if linked else None,
                "; ".join(titled) or None,
            )
        )
    return out
