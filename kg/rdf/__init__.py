"""RDF stage: resolved statements to quads, one named graph per document, with provenance.

For each statement the document graph holds the fact itself (unless negated) and a reified
kg:Statement (rdf:subject/predicate/object) carrying the sentence, character offsets, confidence,
negation, modality, date qualifier and extractor version, so SPARQL can reach where every fact came from.
A negated statement, or one said as a possibility, a question or someone's claim (kg:modality), is
recorded as a statement only, never asserted as a fact. An open
clause (kept only on request) is a kg:Clause with the same provenance and no fact.
Each mention of an entity (name, pronoun or description) is kept with its offsets and sentence.
"""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from kg.rdf.documents import article_quads
from kg.rdf.entities import entity_quads
from kg.rdf.merges import merge_quads
from kg.rdf.namespaces import KG, PREFIXES, REL, Minter, expand
from kg.rdf.terms import kg_term, literal, value
from kg.records import Node, Resolution

__all__ = ["value", "document_quads", "node_iri", "ONTOLOGY_FILE", "ONTOLOGY_GRAPH", "Minter", "PREFIXES"]

ONTOLOGY_FILE = Path(__file__).with_name("kg.ttl")  # a link to ontologies/kg.ttl, copied into wheels
ONTOLOGY_GRAPH = KG.rstrip("#")

_RDF = PREFIXES["rdf"]
_RDFS = PREFIXES["rdfs"]
_SDO = PREFIXES["schema"]
_PROV = PREFIXES["prov"]
_SKOS = PREFIXES["skos"]
_OWL = PREFIXES["owl"]
TYPE = NamedNode(_RDF + "type")
LABEL = NamedNode(_RDFS + "label")


def _n(iri: str) -> NamedNode:
    return NamedNode(iri)


def node_iri(node: Node, minter: Minter, doc_iri: str) -> str | None:
    """The IRI a resolved node is written as (None for literals)."""
    if node.kind == "entity":
        return minter.entity(node.key)
    if node.kind == "concept":
        return minter.concept(node.key)
    if node.kind == "document":
        return doc_iri
    return None


def _term(node: Node, minter: Minter, doc_iri: str) -> NamedNode | Literal:
    iri = node_iri(node, minter, doc_iri)
    if iri is not None:
        return NamedNode(iri)
    lit = node.literal
    if lit is None:
        raise ValueError(f"{node.key} has no IRI and no value")
    return literal(lit.value, lit.datatype if lit.datatype != "string" else None)


def document_quads(resolution: Resolution, minter: Minter, source: str) -> tuple[str, list[Quad]]:
    """The document's graph IRI and every quad that goes in it."""
    extraction = resolution.extraction
    doc = extraction.document
    doc_iri = minter.document(doc.content_hash)
    g = NamedNode(doc_iri)
    quads: list[Quad] = []

    def add(s, p, o) -> None:
        quads.append(Quad(s, p, o, g))

    d = NamedNode(doc_iri)
    quads += article_quads(doc, doc_iri, source)
    activity = NamedNode(minter.activity(extraction.extractor))
    add(activity, TYPE, kg_term("Extraction"))
    add(activity, kg_term("extractorVersion"), literal(extraction.extractor))
    add(d, _n(_PROV + "wasGeneratedBy"), activity)

    for entity in resolution.entities.values():
        quads += entity_quads(entity, minter, doc_iri)

    sentence_iris: dict[int, NamedNode] = {}

    def sentence(index: int) -> NamedNode:
        if index not in sentence_iris:
            s = extraction.sentences[index]
            iri = NamedNode(minter.sentence(doc_iri, index))
            sentence_iris[index] = iri
            add(iri, TYPE, kg_term("Sentence"))
            add(iri, kg_term("text"), literal(s.text))
            add(iri, kg_term("start"), literal(s.start))
            add(iri, kg_term("end"), literal(s.end))
            add(iri, kg_term("inDocument"), d)
        return sentence_iris[index]

    declared: set[str] = set()
    for rs in resolution.statements:
        s_term = _term(rs.subject, minter, doc_iri)
        o_term = _term(rs.object, minter, doc_iri)
        p_iri = expand(rs.predicate.local_name)
        p = NamedNode(p_iri)
        for node, term in ((rs.subject, s_term), (rs.object, o_term)):
            if node.kind == "concept":
                add(term, TYPE, kg_term("Concept"))
                add(term, LABEL, literal(node.label))
        if p_iri.startswith(REL) and p_iri not in declared:
            declared.add(p_iri)
            kind = "DatatypeProperty" if rs.object.kind == "literal" else "ObjectProperty"
            add(p, TYPE, _n(_OWL + kind))
            add(p, LABEL, literal(rs.predicate.label))
            add(p, _n(_RDFS + "subPropertyOf"), kg_term("relatedTo"))
        st = rs.statement
        if st is None:  # document metadata: author, editor
            add(s_term, p, o_term)
            continue
        if not st.negated and not rs.clause and st.modality is None:
            add(s_term, p, o_term)
        r = NamedNode(minter.statement(doc_iri, st.start, st.end, s_term, p, o_term, rs.predicate.label, st.pattern))
        add(r, TYPE, kg_term("Clause" if rs.clause else "Statement"))
        add(r, _n(_RDF + "subject"), s_term)
        add(r, _n(_RDF + "predicate"), p)
        add(r, _n(_RDF + "object"), o_term)
        said = rs.predicate.said  # "contratar"@pt, where the label is its English
        add(
            r,
            kg_term("predicateLabel"),
            Literal(said, language=rs.predicate.lang) if said else literal(rs.predicate.label),
        )
        add(r, kg_term("negated"), literal(st.negated))
        add(r, kg_term("confidence"), literal(st.confidence, "decimal"))
        add(r, kg_term("sentence"), sentence(st.sentence))
        add(r, kg_term("start"), literal(st.start))
        add(r, kg_term("end"), literal(st.end))
        add(r, kg_term("pattern"), literal(st.pattern))
        add(r, _n(_PROV + "wasDerivedFrom"), d)
        add(r, _n(_PROV + "wasGeneratedBy"), activity)
        if rs.object.literal is not None:
            add(r, kg_term("objectText"), literal(rs.object.literal.text))
            if rs.object.literal.unit:
                add(r, kg_term("unit"), literal(rs.object.literal.unit))
        if st.modality is not None:
            add(r, kg_term("modality"), literal(st.modality))
        if st.date is not None:
            add(r, kg_term("date"), literal(st.date.value, st.date.datatype if st.date.datatype != "string" else None))

    for index, mention in enumerate(resolution.mentions):
        m = NamedNode(minter.mention(doc_iri, index))
        add(m, kg_term("refersTo"), NamedNode(minter.entity(mention.entity)))
        add(m, kg_term("start"), literal(mention.start))
        add(m, kg_term("end"), literal(mention.end))
        add(m, kg_term("inSentence"), sentence(mention.sentence))

    for index, merge in enumerate(resolution.merges):
        quads += merge_quads(merge, index, doc_iri, minter)
    return doc_iri, quads
