"""The SPARQL 1.1 Protocol's update dataset: `using-graph-uri` and `using-named-graph-uri` act as `USING` and
`USING NAMED` on every operation of the update that has a WHERE clause (protocol §2.2.3), and an update that
also says USING or WITH itself is refused. The update is rewritten, since pyoxigraph takes no update dataset.
"""

from __future__ import annotations

import re

__all__ = ["with_using", "DatasetError"]

# what the scan steps over whole (comments, IRIs, strings) and what it looks at (braces, keywords)
_TOKENS = re.compile(
    r"""(?P<skip>\#[^\n]*|<[^<>"{}|^`\\\s]*>|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''"""
    r"""|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(?P<open>\{)|(?P<close>\})|(?P<word>[A-Za-z_][A-Za-z_0-9]*)"""
)


class DatasetError(ValueError):
    """The update names its own dataset (USING or WITH) beside the protocol's."""


def _closing(update: str, start: int) -> int:
    """The index just after the brace that closes the group opening at `start`."""
    depth = 0
    for match in _TOKENS.finditer(update, start):
        if match.lastgroup == "open":
            depth += 1
        elif match.lastgroup == "close":
            depth -= 1
            if depth == 0:
                return match.end()
    raise DatasetError("the update has an unclosed '{'")


def with_using(update: str, graphs: list[str], named: list[str]) -> str:
    """The update with `USING <g>` and `USING NAMED <g>` before the WHERE of each of its operations (a
    `DELETE WHERE { P }` becomes `DELETE { P } USING ... WHERE { P }`)."""
    if not graphs and not named:
        return update
    using = " ".join([*(f"USING <{g}>" for g in graphs), *(f"USING NAMED <{g}>" for g in named)]) + " "
    out, last, depth, previous = [], 0, 0, ""
    for match in _TOKENS.finditer(update):
        kind, text = match.lastgroup, match.group()
        if kind == "open":
            depth += 1
            previous = "{"  # "DELETE { ... } WHERE" is no DELETE WHERE
        elif kind == "close":
            depth -= 1
        elif kind == "word" and depth == 0:
            word = text.upper()
            if word in ("USING", "WITH"):
                raise DatasetError(
                    f"the update says {word} itself: give its dataset there or by using-graph-uri, not both"
                )
            if word == "WHERE" and previous == "DELETE":
                pattern = update[match.end() : _closing(update, match.end())].strip()
                out.append(update[last : match.start()] + f"{pattern} {using}")
                last = match.start()
            elif word == "WHERE":
                out.append(update[last : match.start()] + using)
                last = match.start()
            previous = word
    out.append(update[last:])
    return "".join(out)
