"""Reference entities: known things read from an RDF file, that mentions of their names resolve to.

A reference file (`kg build --entities FILE`) describes each known thing with a label (rdfs:label,
skos:prefLabel or schema:name), other names (skos:altLabel, schema:alternateName, kg:formerName), a type
(schema:Person, schema:Organization, ... or kg's own classes; Wikidata's "human", "business" and a few
more are understood too) and the IRIs it is known by elsewhere (owl:sameAs). Each becomes an `Entity`
whose names all resolve to it, so "Facebook" in an article joins Meta when the file gives Facebook as a
former name of Meta, and the entity carries its reference IRIs into the graph as owl:sameAs. Any RDF
syntax rdflib reads is accepted; the syntax is guessed from the file's extension.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SDO, SKOS
from rdflib.util import guess_format

from kg.records import Entity

__all__ = ["ReferenceError", "load_reference", "REFERENCE_VOTES"]

KG = "https://kg.example.org/ontology#"
REFERENCE_VOTES = 5  # a reference type outweighs what a few mentions in one article suggest
_LABELS = (RDFS.label, SKOS.prefLabel, SDO.name)
_OTHER_NAMES = (SKOS.altLabel, SDO.alternateName, URIRef(KG + "formerName"))
_KINDS = ("Person", "Organization", "Group", "Place", "Product", "CreativeWork", "Event")
_SCHEMA_SUBTYPES = {
    "Corporation": "Organization",
    "GovernmentOrganization": "Organization",
    "NGO": "Organization",
    "EducationalOrganization": "Organization",
    "NewsMediaOrganization": "Organization",
    "PoliticalParty": "Organization",
    "SportsTeam": "Organization",
    "Country": "Place",
    "City": "Place",
    "State": "Place",
    "AdministrativeArea": "Place",
    "SoftwareApplication": "Product",
    "WebSite": "CreativeWork",
    "Legislation": "CreativeWork",
}
_WIKIDATA = {  # instance-of classes a Wikidata extract most often carries
    "Q5": "Person",
    "Q43229": "Organization",
    "Q4830453": "Organization",
    "Q783794": "Organization",
    "Q891723": "Organization",
    "Q7278": "Organization",
    "Q6256": "Place",
    "Q515": "Place",
    "Q1549591": "Place",
    "Q7397": "Product",
    "Q2424752": "Product",
}


class ReferenceError(ValueError):
    """The reference file is missing or is not RDF kg can read."""


def _kind(types: list[str]) -> str:
    for iri in types:
        local = iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        if iri.startswith((KG, str(SDO), "http://schema.org/")):
            kind = local if local in _KINDS else _SCHEMA_SUBTYPES.get(local)
        else:
            kind = _WIKIDATA.get(local) if "wikidata.org" in iri else None
        if kind:
            return kind
    return "Thing"


def _names(graph: Graph, subject: URIRef, predicates: tuple[URIRef, ...]) -> list[str]:
    """The names, English or untagged ones first (the first is the entity's label)."""
    names = {
        (getattr(o, "language", None) not in (None, "en"), str(o).strip())
        for p in predicates
        for o in graph.objects(subject, p)
    }
    return list(dict.fromkeys(name for _, name in sorted(names) if name))


def load_reference(path: Path, key_of) -> list[Entity]:
    """The entities described in the RDF file at `path`, keyed by `key_of(label)` (two things with the
    same label are told apart by their type). Raises ReferenceError naming the file and the problem."""
    if not path.is_file():
        raise ReferenceError(f"{path}: no such file")
    graph = Graph()
    try:
        graph.parse(path, format=guess_format(str(path)) or "turtle")
    except Exception as err:  # rdflib raises parser-specific errors; any of them means "not readable RDF"
        detail = " ".join(str(err).split())[:120]
        raise ReferenceError(f"{path}: not RDF kg can read ({type(err).__name__}: {detail})") from err
    entities: dict[str, Entity] = {}
    subjects = sorted({s for p in _LABELS for s in graph.subjects(p, None) if isinstance(s, URIRef)})
    for subject in subjects:
        labels = _names(graph, subject, _LABELS)
        kind = _kind(sorted(str(t) for t in graph.objects(subject, RDF.type)))
        key = key_of(labels[0])
        if key in entities:
            key = f"{key}_{kind}"
        entity = Entity(key, labels[0], kind, set(labels[1:]) | set(_names(graph, subject, _OTHER_NAMES)))
        entity.same_as = {str(subject)} | {str(o) for o in graph.objects(subject, OWL.sameAs) if isinstance(o, URIRef)}
        if kind != "Thing":
            entity.votes[kind] = REFERENCE_VOTES
        entities[key] = entity
    if not entities:
        raise ReferenceError(f"{path}: no labelled entity (rdfs:label, skos:prefLabel or schema:name)")
    return list(entities.values())
