"""The SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/) of /sparql."""

from __future__ import annotations

import pyoxigraph as ox

from kg.rdf.formats import TURTLE, Format, serialize
from kg.rdf.namespaces import PREFIXES

__all__ = ["service_description"]

_TEMPLATE = """
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<{endpoint}> a sd:Service ;
  sd:endpoint <{endpoint}> ;
  dcterms:title "kg SPARQL endpoint" ;
  rdfs:comment {comment} ;
  sd:supportedLanguage sd:SPARQL11Query {update} ;
  sd:feature sd:UnionDefaultGraph ;
  sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML, formats:SPARQL_Results_CSV,
                  formats:SPARQL_Results_TSV, formats:Turtle, formats:N-Triples, formats:JSON-LD, formats:RDF_XML ;
  sd:defaultDataset [
    a sd:Dataset ;
    rdfs:comment "The default graph is the union of all graphs; GRAPH reaches each article's own graph." ;
    sd:defaultGraph [ a sd:Graph ]
  ] .
"""


def service_description(endpoint: str, updates: bool, timeout: float, fmt: Format) -> bytes:
    """The description of the endpoint at `endpoint`, serialised as `fmt`."""
    prefixes = ", ".join(f"{name}:" for name in PREFIXES)
    comment = ox.Literal(
        "Facts read from news articles by kg. Each article is a named graph <...doc/HASH>; the default graph is "
        "the union of all graphs, where a triple stated in several articles is matched once per article: use "
        f"DISTINCT. The prefixes {prefixes} are predefined. Queries stop after {timeout:g} s."
        + (" Updates need 'Authorization: Bearer <token>'." if updates else " Read-only.")
    )
    text = _TEMPLATE.format(endpoint=endpoint, comment=comment, update=", sd:SPARQL11Update" if updates else "")
    triples = ox.parse(text, TURTLE.rdf)
    return serialize(
        triples,
        fmt,
        {
            "sd": "http://www.w3.org/ns/sparql-service-description#",
            "formats": "http://www.w3.org/ns/formats/",
            "dcterms": "http://purl.org/dc/terms/",
            "rdfs": PREFIXES["rdfs"],
        },
    )
