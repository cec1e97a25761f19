"""An Entity's RDF, both ways: what each document graph that mentions it says of it (type, label, other
names, reference IRIs) and the entities read back from such quads, which the store gives the resolver so
new documents join the entities already stored.
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Quad

from kg.rdf.namespaces import KG, PREFIXES, Minter
from kg.records import Entity

__all__ = ["entity_quads", "entity_records", "PROPERTIES"]

_TYPE, _LABEL = PREFIXES["rdf"] + "type", PREFIXES["rdfs"] + "label"
_ALT_LABEL, _SAME_AS = PREFIXES["skos"] + "altLabel", PREFIXES["owl"] + "sameAs"
PROPERTIES = (_LABEL, _ALT_LABEL, _SAME_AS, _TYPE)  # what entity_records reads


def entity_quads(entity: Entity, minter: Minter, doc_iri: str) -> list[Quad]:
    """The entity as the graph of a document that mentions it says it."""
    g = d = NamedNode(doc_iri)
    e = NamedNode(minter.entity(entity.key))
    quads = [
        Quad(e, NamedNode(_TYPE), NamedNode(KG + entity.type), g),
        Quad(e, NamedNode(_LABEL), Literal(entity.label), g),
    ]
    quads += [Quad(e, NamedNode(_ALT_LABEL), Literal(alias), g) for alias in sorted(entity.aliases - {entity.label})]
    quads += [Quad(e, NamedNode(_SAME_AS), NamedNode(iri), g) for iri in sorted(entity.same_as)]
    quads.append(Quad(e, NamedNode(KG + "mentionedIn"), d, g))
    return quads


def entity_records(quads: Iterable[Quad], minter: Minter) -> list[Entity]:
    """The entities (IRIs minted by `minter`) these quads describe, in the order their labels come; where
    documents differ, the first label is kept and the last type other than Thing."""
    prefix = minter.entity("")
    said: dict[str, dict[str, list[str]]] = {}
    for quad in quads:
        subject, obj = quad.subject, quad.object
        if isinstance(subject, NamedNode) and subject.value.startswith(prefix) and isinstance(obj, Literal | NamedNode):
            said.setdefault(subject.value, {}).setdefault(quad.predicate.value, []).append(obj.value)
    out = []
    for iri, values in said.items():
        if _LABEL not in values:
            continue
        types = [t.removeprefix(KG) for t in values.get(_TYPE, []) if t.startswith(KG)]
        entity = Entity(
            iri.removeprefix(prefix), values[_LABEL][0], next((t for t in reversed(types) if t != "Thing"), "Thing")
        )
        entity.aliases.update(values.get(_ALT_LABEL, []))
        entity.same_as.update(values.get(_SAME_AS, []))
        out.append(entity)
    return out
