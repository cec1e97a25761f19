"""Merges and unmerges as RDF, both ways: the kg:Merge records a document's graph holds (which name was taken
to mean which entity, where and why) and the kg:Unmerge decisions of the decisions graph, with the queries and
row readers the store uses to read them back.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pyoxigraph import Literal, NamedNode, Quad, QuerySolution

from kg.rdf.namespaces import PREFIXES, Minter
from kg.rdf.terms import kg_term, literal, value
from kg.records import Merge, StoredMerge, Veto

__all__ = ["merge_quads", "stored_merge", "MERGES", "veto_quads", "stored_veto", "VETOES"]

_TYPE = NamedNode(PREFIXES["rdf"] + "type")


def merge_quads(merge: Merge, index: int, doc_iri: str, minter: Minter) -> list[Quad]:
    """The kg:Merge record of a document's `index`-th merge, in the document's graph."""
    g = d = NamedNode(doc_iri)
    m = NamedNode(minter.merge(doc_iri, index))
    triples: list[tuple[NamedNode, NamedNode | Literal]] = [
        (_TYPE, kg_term("Merge")),
        (kg_term("mergedInto"), NamedNode(minter.entity(merge.entity))),
        (kg_term("mergedLabel"), literal(merge.label)),
        (kg_term("reason"), literal(merge.reason)),
        (kg_term("start"), literal(merge.mention_start)),
        (kg_term("end"), literal(merge.mention_end)),
        (kg_term("confidence"), literal(merge.confidence)),
        (kg_term("inDocument"), d),
    ]
    return [Quad(m, p, o, g) for p, o in triples]


# The stored merges (a VALUES clause narrows them to an entity or a merge); entity label and article title
# come along for showing them
MERGES = """
SELECT ?m ?label ?entity (SAMPLE(?name) AS ?entityLabel) ?reason ?doc (SAMPLE(?t) AS ?title) ?start ?end ?confidence
WHERE {
  %s
  GRAPH ?doc { ?m a kg:Merge ; kg:mergedInto ?entity ; kg:mergedLabel ?label ; kg:reason ?reason ;
                  kg:start ?start ; kg:end ?end ; kg:confidence ?confidence .
               OPTIONAL { ?doc schema:headline ?t } }
  OPTIONAL { ?entity rdfs:label ?name }
} GROUP BY ?m ?label ?entity ?reason ?doc ?start ?end ?confidence ORDER BY ?entityLabel ?label ?doc ?start
"""


def stored_merge(row: QuerySolution) -> StoredMerge:
    """A row of MERGES as a record."""
    return StoredMerge(
        value(row["m"]),
        value(row["label"]),
        value(row["entity"]),
        value(row["entityLabel"]),
        value(row["reason"]),
        value(row["doc"]),
        value(row["title"]),
        int(value(row["start"])),
        int(value(row["end"])),
        float(value(row["confidence"])),
    )


def veto_quads(veto: Veto, minter: Minter) -> list[Quad]:
    """A kg:Unmerge record of the veto, in the decisions graph."""
    g = NamedNode(minter.decisions())
    u = NamedNode(minter.decision(veto.label.lower(), veto.entity, veto.document or "", veto.start or ""))
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    triples: list[tuple[NamedNode, NamedNode | Literal]] = [
        (_TYPE, kg_term("Unmerge")),
        (kg_term("keptApartFrom"), NamedNode(minter.entity(veto.entity))),
        (kg_term("mergedLabel"), literal(veto.label)),
        (NamedNode(PREFIXES["prov"] + "generatedAtTime"), literal(now, "dateTime")),
    ]
    if veto.document is not None and veto.start is not None:
        triples += [
            (kg_term("inDocument"), NamedNode(minter.document(veto.document))),
            (kg_term("start"), literal(veto.start)),
        ]
    return [Quad(u, p, o, g) for p, o in triples]


# The unmerge decisions of a decisions graph, with the content hash of the document one concerns if that
# document is still stored
VETOES = """
SELECT ?label ?entity ?d ?hash ?start WHERE {
  GRAPH <%s> { ?u a kg:Unmerge ; kg:mergedLabel ?label ; kg:keptApartFrom ?entity .
               OPTIONAL { ?u kg:inDocument ?d ; kg:start ?start . OPTIONAL { GRAPH ?d { ?d kg:contentHash ?hash } } } }
}
"""


def stored_veto(row: QuerySolution, minter: Minter) -> Veto | None:
    """A row of VETOES as a record; None for a decision on a mention of a document no longer stored (it
    lapsed when the document was replaced)."""
    if row["d"] is not None and row["hash"] is None:
        return None
    return Veto(
        value(row["label"]),
        value(row["entity"]).removeprefix(minter.entity("")),
        value(row["hash"]) or None,
        int(value(row["start"])) if row["start"] is not None else None,
    )
