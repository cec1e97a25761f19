"""How an entity page orders what the store says of an entity: first what it is (its classes, the roles it
holds and where, what it owns, is part of or is based in), then its facts grouped by property with the
best-supported first, its figures as a table (and, where one measure has values at several dates, a series
to chart), and last the names merged into it, grouped by name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kg.rdf.namespaces import KG, PREFIXES
from kg.records import StoredMerge
from kg.web.describe import EntityPage, Fact

__all__ = ["Arranged", "FactGroup", "Figure", "MergeGroup", "arrange"]

_SCHEMA = PREFIXES["schema"]
# what an entity is: said of it (its class, its role, its employer, what it owns, its parent, where it is) ...
IDENTITY_OUT = {KG + "isA", _SCHEMA + "jobTitle", _SCHEMA + "worksFor", _SCHEMA + "owns"}
IDENTITY_OUT |= {_SCHEMA + "parentOrganization", _SCHEMA + "location", _SCHEMA + "founder"}
# ... or said of another with it at the other end (a maker of its products, the founder it was founded by)
IDENTITY_IN = {_SCHEMA + "founder", _SCHEMA + "manufacturer", _SCHEMA + "parentOrganization"}


@dataclass
class FactGroup:
    """The facts of one property in one direction ("work for", or "founded by" others)."""

    label: str
    incoming: bool
    facts: list[Fact]

    @property
    def support(self) -> int:
        return sum(len(f.sources) or 1 for f in self.facts)


@dataclass(frozen=True)
class Figure:
    """One figure stated of the entity: what is measured, the value and unit, when, and the article."""

    measure: str
    value: str
    unit: str
    when: str
    title: str
    href: str | None


@dataclass(frozen=True)
class MergeGroup:
    """The merges of one name into the entity ("it" ×12)."""

    label: str
    merges: list[StoredMerge]


def _support(fact: Fact) -> tuple[int, float]:
    return (-(len(fact.sources) or 1), -fact.confidence)


def identity(facts_out: list[Fact], facts_in: list[Fact]) -> list[tuple[Fact, bool]]:
    """The facts that say what the entity is, best-supported first, each with whether it points in."""
    chosen = [(f, False) for f in facts_out if f.predicate in IDENTITY_OUT and not f.negated and f.object.href]
    chosen += [(f, True) for f in facts_in if f.predicate in IDENTITY_IN and not f.negated]
    return sorted(chosen, key=lambda pair: _support(pair[0]))


def fact_groups(facts_out: list[Fact], facts_in: list[Fact]) -> list[FactGroup]:
    """Every fact but the figures, grouped by property and direction; the best-supported group first."""
    grouped: dict[tuple[str, bool], list[Fact]] = defaultdict(list)
    for incoming, facts in ((False, facts_out), (True, facts_in)):
        for fact in facts:
            if fact.object.href or incoming:
                grouped[(fact.predicate, incoming)].append(fact)
    groups = [
        FactGroup(_group_label(facts), incoming, sorted(facts, key=_support))
        for (_, incoming), facts in grouped.items()
    ]
    return sorted(groups, key=lambda g: (-g.support, g.incoming, g.label))


def _group_label(facts: list[Fact]) -> str:
    labels: dict[str, int] = defaultdict(int)
    for fact in facts:
        labels[fact.label] += len(fact.sources) or 1
    return max(sorted(labels), key=lambda label: labels[label])


def figures(facts_out: list[Fact]) -> list[Figure]:
    """The values stated of the entity (money, counts, shares), one row per source, largest support first."""
    rows = []
    for fact in sorted((f for f in facts_out if not f.object.href and not f.negated), key=_support):
        for source in fact.sources:
            rows.append(
                Figure(fact.label, fact.object.label, source.unit, source.date, source.title, source.document_href)
            )
    return rows


def series(rows: list[Figure]) -> list[dict]:
    """Measures with numeric values at two dates or more, as chart series: {label, unit, points: [[date, value]]}."""
    by_measure: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for row in rows:
        number = _number(row.value)
        if number is not None and row.when:
            by_measure[(row.measure, row.unit)].setdefault(row.when, number)
    return [
        {"label": measure, "unit": unit, "points": sorted(points.items())}
        for (measure, unit), points in sorted(by_measure.items())
        if len(points) >= 2
    ]


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def merge_groups(merges: list[StoredMerge]) -> list[MergeGroup]:
    """The merges grouped by name (any case), the most frequent name first."""
    grouped: dict[str, list[StoredMerge]] = defaultdict(list)
    for merge in merges:
        grouped[merge.label.casefold()].append(merge)
    groups = [MergeGroup(found[0].label, found) for found in grouped.values()]
    return sorted(groups, key=lambda g: (-len(g.merges), g.label.casefold()))


@dataclass(frozen=True)
class Arranged:
    """An entity page's parts in the order the page shows them."""

    identity: list[tuple[Fact, bool]]
    groups: list[FactGroup]
    figures: list[Figure]
    series: list[dict]
    merges: list[MergeGroup]


def arrange(page: EntityPage) -> Arranged:
    """What the entity is, its facts by property, its figures (and their series), its merges by name."""
    rows = figures(page.facts_out)
    return Arranged(
        identity(page.facts_out, page.facts_in),
        fact_groups(page.facts_out, page.facts_in),
        rows,
        series(rows),
        merge_groups(page.merges),
    )
