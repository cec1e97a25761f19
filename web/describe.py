"""What the entity and document pages show, read from the store: an entity's types, labels, aliases and
the merges behind them, its statements in and out with their source sentences, and a document's text
with its mentions. Also the RDF that an entity or document IRI dereferences to.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import quote

import pyoxigraph as ox

from kg.rdf import value
from kg.rdf.namespaces import KG, PREFIXES
from kg.records import StoredMerge
from kg.store import KGStore
from kg.web.highlight import Segment, Span, segments

__all__ = [
    "Node",
    "Source",
    "Fact",
    "EntityPage",
    "DocumentPage",
    "describe_entity",
    "describe_document",
    "descriptions",
    "statements",
    "resource_triples",
    "local_path",
]

MAX_STATEMENTS = 500  # per direction on an entity page

_STATEMENTS = """
SELECT ?st ?s ?p ?o ?label ?confidence ?negated ?doc WHERE {
  %s
  GRAPH ?doc {
    ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:predicateLabel ?label ;
        kg:confidence ?confidence ; kg:negated ?negated .
  }
} ORDER BY ?p ?s ?o ?doc LIMIT %d
"""
# where each statement was read, asked apart for the statements found: Oxigraph evaluates an OPTIONAL over
# every statement of the store before the join, and with the statements given it looks each one up
_SOURCES = """
SELECT ?st ?sentence ?text ?at ?start ?end ?unit ?date WHERE {
  GRAPH ?doc {
    %s
    OPTIONAL { ?st kg:sentence ?sentence . ?sentence kg:text ?text ; kg:start ?at }
    OPTIONAL { ?st kg:start ?start ; kg:end ?end }
    OPTIONAL { ?st kg:unit ?unit }
    OPTIONAL { ?st kg:date ?date }
  }
}
"""
_TITLES = "SELECT ?doc ?title WHERE { %s GRAPH ?doc { ?doc schema:headline ?title } }"
_DESCRIPTIONS = """
SELECT ?s ?label (COUNT(?st) AS ?n) WHERE {
  %s VALUES ?p { schema:jobTitle kg:isA }
  GRAPH ?doc { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:negated false . ?o rdfs:label ?label }
} GROUP BY ?s ?label ORDER BY DESC(?n) ?label
"""


def local_path(iri: str, base: str) -> str | None:
    """The server's path for an IRI it serves (entities, concepts, documents), else None."""
    for kind in ("entity", "concept", "doc"):
        prefix = f"{base}{kind}/"
        if iri.startswith(prefix) and "/" not in iri[len(prefix) :]:
            return f"/{kind}/{quote(iri[len(prefix) :])}"
    return None


@dataclass(frozen=True)
class Node:
    """One end of a statement: an entity or concept (with its page), or a literal value."""

    value: str
    label: str
    href: str | None = None
    type: str | None = None


@dataclass(frozen=True)
class Source:
    """Where a statement was read: the sentence (highlighted) and its document."""

    document: str
    document_href: str | None
    title: str
    sentence: list[Segment]
    confidence: float
    unit: str = ""  # of a value: a currency code, "percent", a counted noun
    date: str = ""  # when the statement says it held


@dataclass
class Fact:
    """One predicate between two nodes, with every statement that says it."""

    subject: Node
    predicate: str
    label: str
    object: Node
    negated: bool
    confidence: float = 0.0
    sources: list[Source] = field(default_factory=list)


@dataclass
class EntityPage:
    iri: str
    label: str
    types: list[str]
    labels: list[str]
    aliases: list[str]
    merges: list[StoredMerge]
    documents: list[Node]
    facts_out: list[Fact]
    facts_in: list[Fact]
    truncated: bool
    pagerank: float | None = None
    community: Node | None = None


@dataclass
class DocumentPage:
    iri: str
    title: str
    fields: dict[str, str]
    authors: list[str]
    text: list[Segment]
    facts: list[Fact]


def _values(variable: str, iris: list[str]) -> str:
    return f"VALUES ?{variable} {{ {' '.join(str(ox.NamedNode(i)) for i in iris)} }}" if iris else ""


def _names(store: KGStore, iris: set[str]) -> dict[str, tuple[str, str | None]]:
    """Label and kg: type of each IRI, looked up in the indexes (an entity's label is in the graph of every
    article naming it: one is enough)."""
    label, kind, entity = (
        ox.NamedNode(PREFIXES["rdfs"] + "label"),
        ox.NamedNode(PREFIXES["rdf"] + "type"),
        KG + "Entity",
    )
    names = {}
    for iri in iris:
        node = ox.NamedNode(iri)
        found = next((value(q.object) for q in store.store.quads_for_pattern(node, label, None)), iri)
        types = sorted(
            {
                value(q.object)
                for q in store.store.quads_for_pattern(node, kind, None)
                if value(q.object).startswith(KG) and value(q.object) != entity
            }
        )
        names[iri] = (found, types[0].removeprefix(KG) if types else None)
    return names


def _mentions_in(store: KGStore, sentences: set[str]) -> dict[str, list[tuple[int, int, str]]]:
    """(start, end, entity) of the mentions in each sentence, in document offsets."""
    if not sentences:
        return {}
    rows = store.select(
        f"""SELECT ?sentence ?start ?end ?e WHERE {{ {_values("sentence", sorted(sentences))}
        GRAPH ?d {{ ?m kg:inSentence ?sentence ; kg:refersTo ?e ; kg:start ?start ; kg:end ?end }} }}""",
        use_default_graph_as_union=False,
    )
    found: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for r in rows:
        found[value(r["sentence"])].append((int(value(r["start"])), int(value(r["end"])), value(r["e"])))
    return found


def _rows(store: KGStore, sparql: str) -> list[dict]:
    """A SELECT's solutions as dicts (an unbound variable is None)."""
    solutions = store.select(sparql, use_default_graph_as_union=False)
    names = [v.value for v in solutions.variables]
    return [{name: solution[name] for name in names} for solution in solutions]


def statements(
    store: KGStore,
    base: str,
    subject: str | None = None,
    predicate: str | None = None,
    obj: str | None = None,
    document: str | None = None,
    limit: int = MAX_STATEMENTS,
) -> tuple[list[Fact], bool]:
    """Statements matching the given ends, predicate and document, grouped into facts, surest first; and
    whether `limit` statements were read (there may be more, left out)."""
    where = " ".join(
        _values(name, [iri]) for name, iri in (("s", subject), ("p", predicate), ("o", obj), ("doc", document)) if iri
    )
    rows = _rows(store, _STATEMENTS % (where, limit))
    found = sorted({value(r["st"]) for r in rows})
    sources = {value(r["st"]): r for r in _rows(store, _SOURCES % _values("st", found))} if found else {}
    docs = sorted({value(r["doc"]) for r in rows})
    titles = {value(r["doc"]): r["title"] for r in _rows(store, _TITLES % _values("doc", docs))} if docs else {}
    for r in rows:
        r.update(sources.get(value(r["st"]), {}))
        r["title"] = titles.get(value(r["doc"]))
    rows.sort(key=lambda r: int(value(r["start"])) if r.get("start") is not None else -1)
    rows.sort(key=lambda r: tuple(value(r[v]) for v in ("p", "s", "o", "doc")))
    ends = {r[v].value for r in rows for v in ("s", "o") if isinstance(r[v], ox.NamedNode)}
    names = _names(store, ends)
    mentions = _mentions_in(store, {value(r["sentence"]) for r in rows if r.get("sentence")})

    def node(term: ox.NamedNode | ox.Literal) -> Node:
        if isinstance(term, ox.Literal):
            return Node(term.value, term.value)
        label, kind = names.get(term.value, (term.value, None))
        return Node(term.value, label, local_path(term.value, base), kind)

    facts: dict[tuple[str, str, str, bool], Fact] = {}
    seen: set[tuple[tuple[str, str, str, bool], str]] = set()  # two readings of one sentence: shown once
    for r in rows:
        negated = value(r["negated"]) == "true"
        key = (value(r["s"]), value(r["p"]), value(r["o"]), negated)
        confidence = float(value(r["confidence"]))
        fact = facts.setdefault(key, Fact(node(r["s"]), value(r["p"]), value(r["label"]), node(r["o"]), negated))
        if confidence > fact.confidence:
            fact.confidence, fact.label = confidence, value(r["label"])
        if r.get("sentence") is None or (key, value(r["sentence"])) in seen:
            continue
        seen.add((key, value(r["sentence"])))
        at = int(value(r["at"]))
        spans = [
            Span(start - at, end - at, "subject" if e == key[0] else "object")
            for start, end, e in mentions.get(value(r["sentence"]), [])
            if e in (key[0], key[2])
        ]
        if r.get("start") is not None:
            spans.insert(0, Span(int(value(r["start"])) - at, int(value(r["end"])) - at, "fact"))
        doc, text = value(r["doc"]), value(r["text"])
        page = local_path(doc, base)
        fact.sources.append(
            Source(
                doc,
                page and f"{page}?start={at}&end={at + len(text)}#source",
                value(r["title"]) if r["title"] else doc,
                segments(text, spans),
                confidence,
                value(r.get("unit")),
                value(r.get("date")),
            )
        )
    ordered = sorted(facts.values(), key=lambda f: (f.negated, -f.confidence, f.label, f.object.label))
    return ordered, len(rows) == limit


def descriptions(store: KGStore, iris: list[str]) -> dict[str, str]:
    """What the articles most often say each entity is (a role it holds or a class it is called), if anything."""
    if not iris:
        return {}
    rows = store.select(_DESCRIPTIONS % _values("s", iris), use_default_graph_as_union=False)
    found: dict[str, str] = {}
    for r in rows:  # most said first
        found.setdefault(value(r["s"]), value(r["label"]))
    return found


def describe_entity(store: KGStore, iri: str, base: str) -> EntityPage | None:
    """Everything the entity page shows, or None when the store says nothing about `iri`."""
    own: dict[str, list[ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple]] = defaultdict(list)
    for quad in store.store.quads_for_pattern(ox.NamedNode(iri), None, None):
        if quad.object not in own[value(quad.predicate)]:
            own[value(quad.predicate)].append(quad.object)
    if not own:
        return None
    rdfs, skos = PREFIXES["rdfs"], PREFIXES["skos"]
    labels = sorted({value(o) for o in own[rdfs + "label"]})
    types = sorted({value(o).removeprefix(KG) for o in own[PREFIXES["rdf"] + "type"]})
    docs = sorted({value(o) for o in own[KG + "mentionedIn"]})
    community = value(own[KG + "community"][0]) if own[KG + "community"] else None
    names = _names(store, {*docs, *([community] if community else [])})
    facts_out, more_out = statements(store, base, subject=iri)
    facts_in, more_in = statements(store, base, obj=iri)
    rank = own[KG + "pageRank"]
    return EntityPage(
        iri,
        labels[0] if labels else iri,
        types,
        labels,
        sorted({value(o) for o in own[skos + "altLabel"]}),
        store.merges(entity=iri),
        [Node(d, names[d][0], local_path(d, base)) for d in docs],
        facts_out,
        facts_in,
        more_out or more_in,
        float(value(rank[0])) if rank else None,
        Node(community, names[community][0], f"/?community={quote(community)}") if community else None,
    )


def describe_document(
    store: KGStore, iri: str, base: str, marked: tuple[int, int] | None = None
) -> DocumentPage | None:
    """The document page: its fields, its text with mentions (and the `marked` span) highlighted, its facts."""
    graph = ox.NamedNode(iri)
    own = {
        value(q.predicate): value(q.object)
        for q in store.store.quads_for_pattern(graph, None, None, graph)
        if isinstance(q.object, ox.Literal)
    }
    schema = PREFIXES["schema"]
    if schema + "text" not in own:
        return None
    rows = store.select(
        f"""SELECT ?start ?end ?e WHERE {{ GRAPH {graph} {{
        ?m kg:refersTo ?e ; kg:start ?start ; kg:end ?end }} }}""",
        use_default_graph_as_union=False,
    )
    found = [(int(value(r["start"])), int(value(r["end"])), value(r["e"])) for r in rows]
    names = _names(store, {e for _, _, e in found})
    spans = [
        Span(start, end, f"mention type-{names[e][1] or 'Thing'}", local_path(e, base), names[e][0])
        for start, end, e in found
    ]
    if marked:
        spans.insert(0, Span(marked[0], marked[1], "source"))
    authors = store.select(
        f"""SELECT ?name WHERE {{ GRAPH {graph} {{ {graph} schema:author ?a . ?a rdfs:label ?name }}
        }} ORDER BY ?name""",
        use_default_graph_as_union=False,
    )
    fields = {
        name: own[schema + key]
        for key, name in (("datePublished", "Published"), ("url", "URL"), ("inLanguage", "Language"))
        if schema + key in own
    }
    fields["Source"] = own.get(KG + "source", "")
    return DocumentPage(
        iri,
        own.get(schema + "headline", iri),
        fields,
        [value(r["name"]) for r in authors],
        segments(own[schema + "text"], spans),
        statements(store, base, document=iri)[0],
    )


def resource_triples(store: KGStore, iri: str) -> list[ox.Triple]:
    """What an IRI dereferences to: for a document, its graph; otherwise the triples about it or pointing to
    it in any graph, and the statements (reified) it is the subject or object of."""
    node = ox.NamedNode(iri)
    if any(True for _ in store.store.quads_for_pattern(node, None, None, node)):
        return list(dict.fromkeys(q.triple for q in store.store.quads_for_pattern(None, None, None, node)))
    rows = store.construct(f"""CONSTRUCT {{ {node} ?p ?o . ?s ?q {node} . ?st ?sp ?so }} WHERE {{
        {{ {node} ?p ?o }} UNION {{ ?s ?q {node} }}
        UNION {{ ?st a kg:Statement ; rdf:subject|rdf:object {node} ; ?sp ?so }} }}""")
    return list(dict.fromkeys(rows))
