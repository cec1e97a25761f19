"""RDF terms from Python values and back, as every module of the rdf stage writes and reads them."""

from __future__ import annotations

from pyoxigraph import BlankNode, Literal, NamedNode

from kg.rdf.namespaces import KG, PREFIXES

__all__ = ["value", "literal", "kg_term"]

_XSD = PREFIXES["xsd"]


def value(term: object) -> str:
    """An RDF term's lexical value as pyoxigraph gives terms (an IRI, a blank node's id, a literal's text); a
    quoted triple, the default graph or nothing has none: ""."""
    return term.value if isinstance(term, (NamedNode, BlankNode, Literal)) else ""


def literal(python_value: object, datatype: str | None = None) -> Literal:
    """A typed literal of a Python value: bool, int and float as xsd:boolean, xsd:integer and xsd:decimal, else
    its text, typed `datatype` (an xsd local name) where given."""
    if isinstance(python_value, bool):
        return Literal("true" if python_value else "false", datatype=NamedNode(_XSD + "boolean"))
    if isinstance(python_value, int):
        return Literal(str(python_value), datatype=NamedNode(_XSD + "integer"))
    if isinstance(python_value, float):
        return Literal(repr(python_value), datatype=NamedNode(_XSD + "decimal"))
    if datatype:
        return Literal(str(python_value), datatype=NamedNode(_XSD + datatype))
    return Literal(str(python_value))


def kg_term(local: str) -> NamedNode:
    """A term of kg's ontology ("Merge", "mergedInto")."""
    return NamedNode(KG + local)
