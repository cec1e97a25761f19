"""Namespaces kg writes, and the IRIs it mints under the configurable base."""

from __future__ import annotations

import hashlib

from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

KG = "https://kg.example.org/ontology#"
REL = "https://kg.example.org/relation/"

PREFIXES = {
    "kg": KG,
    "rel": REL,
    "schema": str(SDO),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "skos": str(SKOS),
    "xsd": str(XSD),
}


def expand(name: str) -> str:
    """'kg:isA' -> full IRI; an unprefixed name is a relation under rel:."""
    prefix, sep, local = name.partition(":")
    if sep and prefix in PREFIXES:
        return PREFIXES[prefix] + local
    return REL + name


class Minter:
    """Readable, stable IRIs under a base: entity/Yann_LeCun, doc/<hash>, statement/<hash>."""

    def __init__(self, base: str) -> None:
        self.base = base

    def entity(self, key: str) -> str:
        return f"{self.base}entity/{key}"

    def concept(self, key: str) -> str:
        return f"{self.base}concept/{key}"

    def document(self, content_hash: str) -> str:
        return f"{self.base}doc/{content_hash[:16]}"

    def sentence(self, doc_iri: str, index: int) -> str:
        return f"{doc_iri}/sentence/{index}"

    def statement(self, doc_iri: str, *parts: object) -> str:
        digest = hashlib.sha1("\x1f".join(map(str, (doc_iri, *parts))).encode()).hexdigest()[:20]
        return f"{self.base}statement/{digest}"

    def mention(self, doc_iri: str, index: int) -> str:
        return f"{doc_iri}/mention/{index}"

    def merge(self, doc_iri: str, index: int) -> str:
        return f"{doc_iri}/merge/{index}"

    def decisions(self) -> str:
        """The named graph of users' decisions (unmerges), kept apart from document graphs."""
        return f"{self.base}decisions"

    def decision(self, *parts: object) -> str:
        digest = hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:20]
        return f"{self.base}decision/{digest}"

    def activity(self, extractor: str) -> str:
        digest = hashlib.sha1(extractor.encode()).hexdigest()[:12]
        return f"{self.base}activity/{digest}"
