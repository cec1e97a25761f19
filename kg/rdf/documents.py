"""A Document's RDF, both ways: the article node in its own graph (`article_quads`) and the record read back
from that graph (`article_record`), so a field added to `Document` is mapped in this one place.

The article's authors and editors are people in the graph (schema:author / schema:editor to an entity with
its rdfs:label), which the resolve stage makes from the document's metadata; they are read back from there.
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from kg.rdf.namespaces import KG, PREFIXES
from kg.records import Document

__all__ = ["article_quads", "article_record", "FIELDS"]

_SDO, _RDFS = PREFIXES["schema"], PREFIXES["rdfs"]
# Document field -> the property that holds it on the article node (each at most once)
FIELDS = {
    "content_hash": KG + "contentHash",
    "source": KG + "source",
    "id": _SDO + "identifier",
    "lang": _SDO + "inLanguage",
    "text": _SDO + "text",
    "title": _SDO + "headline",
    "published": _SDO + "datePublished",
    "url": _SDO + "url",
}
_REMOVED = KG + "removedBoilerplate"  # one value per kind of boilerplate removed ("advertisement")
_PARAGRAPH_LANGUAGE = KG + "paragraphLanguage"  # "START LANG": a paragraph in another language than the article's
_PEOPLE = {"authors": _SDO + "author", "editors": _SDO + "editor"}
_TYPE = PREFIXES["rdf"] + "type"


def article_quads(doc: Document, doc_iri: str, source: str) -> list[Quad]:
    """The article node of `doc` in its graph `doc_iri` (`source`: where it was read from, as the store
    knows it); people are left to the statements that name them."""
    g = d = NamedNode(doc_iri)
    values = {**{name: getattr(doc, name) for name in FIELDS}, "source": source}
    quads = [Quad(d, NamedNode(_TYPE), NamedNode(KG + "Article"), g)]
    for name, prop in FIELDS.items():
        if values[name]:
            quads.append(Quad(d, NamedNode(prop), Literal(values[name]), g))
    if doc.title:
        quads.append(Quad(d, NamedNode(_RDFS + "label"), Literal(doc.title), g))
    quads += [Quad(d, NamedNode(_REMOVED), Literal(kind), g) for kind in doc.removed]
    quads += [
        Quad(d, NamedNode(_PARAGRAPH_LANGUAGE), Literal(f"{start} {lang}"), g) for start, lang in doc.paragraph_langs
    ]
    return quads


def article_record(quads: Iterable[Quad], doc_iri: str) -> Document | None:
    """The Document whose article node `doc_iri` these quads (its graph's) describe, or None if they hold no
    article text."""
    about: dict[str, list[str]] = {}
    labels: dict[NamedNode | BlankNode, str] = {}
    people: dict[str, list[NamedNode | BlankNode]] = {}
    for quad in quads:
        subject, prop, obj = quad.subject, quad.predicate.value, quad.object
        if prop == _RDFS + "label" and isinstance(obj, Literal) and isinstance(subject, NamedNode | BlankNode):
            labels[subject] = obj.value
        if not (isinstance(subject, NamedNode) and subject.value == doc_iri):
            continue
        if isinstance(obj, Literal):
            about.setdefault(prop, []).append(obj.value)
        elif isinstance(obj, NamedNode | BlankNode):
            people.setdefault(prop, []).append(obj)
    fields = {name: about[prop][0] for name, prop in FIELDS.items() if prop in about}
    if "text" not in fields:
        return None
    spans = (value.partition(" ") for value in about.get(_PARAGRAPH_LANGUAGE, []))
    return Document(
        **fields,
        authors=tuple(sorted(labels[p] for p in people.get(_PEOPLE["authors"], []) if p in labels)),
        editors=tuple(sorted(labels[p] for p in people.get(_PEOPLE["editors"], []) if p in labels)),
        removed=tuple(sorted(about.get(_REMOVED, []), key=lambda v: v.partition(" ")[2])),  # "N kind", by kind
        paragraph_langs=tuple(sorted((int(start), lang) for start, _, lang in spans)),
    )
