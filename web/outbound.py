"""Which remote addresses a query or update would make the server fetch: `SERVICE` endpoints and `LOAD` sources.

The query engine fetches whatever a `SERVICE <url>` or `LOAD <url>` names, so an anonymous client could make
the server probe hosts only it can reach. The endpoint refuses both unless the operator allow-lists the
address (`kg serve --allow-service PREFIX`). The SPARQL text is read as tokens (strings and comments skipped,
prefixed names expanded with the query's PREFIX lines and kg's predefined prefixes), so a keyword inside a
literal or an IRI is not taken for one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

__all__ = ["remote_targets", "refused"]

_TOKEN = re.compile(
    r"""(?P<skip>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\""""
    r"""|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\#[^\n]*|\s+)"""
    r"""|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)"""
    r"""|(?P<var>[?$]\w+)"""
    r"""|(?P<pname>(?:[A-Za-z][\w.-]*)?:[\w.:%-]*)"""
    r"""|(?P<word>[A-Za-z_]\w*)"""
    r"""|(?P<other>.)""",
    re.DOTALL,
)
_FETCHING = {"SERVICE", "LOAD"}


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(m.lastgroup or "", m.group()) for m in _TOKEN.finditer(text) if m.lastgroup != "skip"]


def remote_targets(text: str, prefixes: Mapping[str, str]) -> list[tuple[str, str | None]]:
    """(keyword, address) of each SERVICE or LOAD in a query or update; the address is None where a
    variable names it (any address at all)."""
    tokens = _tokens(text)
    declared = dict(prefixes)
    out: list[tuple[str, str | None]] = []
    for i, (kind, value) in enumerate(tokens):
        if kind == "word" and value.upper() == "PREFIX" and i + 2 < len(tokens) and tokens[i + 1][0] == "pname":
            declared[tokens[i + 1][1].rstrip(":")] = tokens[i + 2][1].strip("<>")
        if kind != "word" or value.upper() not in _FETCHING:
            continue
        j = i + 1
        if j < len(tokens) and tokens[j][0] == "word" and tokens[j][1].upper() == "SILENT":
            j += 1
        target_kind, target = tokens[j] if j < len(tokens) else ("", "")
        if target_kind == "iri":
            out.append((value.upper(), target.strip("<>")))
        elif target_kind == "pname":
            prefix, _, local = target.partition(":")
            out.append((value.upper(), declared[prefix] + local if prefix in declared else target))
        else:
            out.append((value.upper(), None))
    return out


def refused(text: str, prefixes: Mapping[str, str], allowed: Iterable[str]) -> str | None:
    """Why the server will not run this query or update (a one-line message), or None where every address
    it would fetch starts with an allow-listed prefix."""
    allowed = tuple(allowed)
    for keyword, address in remote_targets(text, prefixes):
        if not allowed or address is None or not address.startswith(allowed):
            where = f"<{address}>" if address else "an address given by a variable"
            advice = (
                "this server allows none (kg serve --allow-service PREFIX)"
                if not allowed
                else "this server allows only " + ", ".join(allowed)
            )
            return f"{keyword} {where} would make the server fetch a remote address; {advice}"
    return None
