"""The JSON Lines view of statements: one statement a line, with the same IRIs as the RDF."""

from __future__ import annotations

from collections.abc import Iterator

from kg.rdf.namespaces import Minter, expand
from kg.records import Entity, Node, Resolution


def _node(node: Node, minter: Minter, doc_iri: str, entities: dict[str, Entity]) -> dict:
    out: dict[str, object]
    if node.kind == "literal" and node.literal is not None:
        lit = node.literal
        out = {"id": None, "label": lit.text, "type": lit.kind, "value": lit.value, "datatype": f"xsd:{lit.datatype}"}
        if lit.unit:
            out["unit"] = lit.unit
        return out
    iri = {"entity": minter.entity, "concept": minter.concept}.get(node.kind, lambda _: doc_iri)(node.key)
    out = {"id": iri, "label": node.label, "type": node.type}
    if node.kind == "entity":
        entity = entities.get(node.key)
        out["aliases"] = sorted(entity.aliases - {node.label}) if entity else []
        if entity and entity.same_as:
            out["sameAs"] = sorted(entity.same_as)
    return out


def statement_records(resolution: Resolution, minter: Minter) -> Iterator[dict]:
    """Dicts in the shape `kg extract --format jsonl` writes (see README)."""
    doc = resolution.extraction.document
    doc_iri = minter.document(doc.content_hash)
    sentences = resolution.extraction.sentences
    for rs in resolution.statements:
        st = rs.statement
        record = {
            "subject": _node(rs.subject, minter, doc_iri, resolution.entities),
            "predicate": {
                "id": expand(rs.predicate.local_name),
                "label": rs.predicate.label,
                **({"said": rs.predicate.said, "lang": rs.predicate.lang} if rs.predicate.said else {}),
            },
            "object": _node(rs.object, minter, doc_iri, resolution.entities),
            "negated": bool(st and st.negated),
            "tier": "clause" if rs.clause else "fact",
            "confidence": st.confidence if st else 1.0,
            "pattern": st.pattern if st else "metadata",
            "source": {
                "document": doc.id,
                "iri": doc_iri,
                "sentence": sentences[st.sentence].text if st else None,
                "start": st.start if st else None,
                "end": st.end if st else None,
            },
        }
        if st and st.date is not None:
            record["date"] = st.date.value
        if st and st.modality is not None:
            record["modality"] = st.modality
        yield record
