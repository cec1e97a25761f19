"""First-person pronouns inside quotations, resolved from the speaker's side: "I" is the speaker, "we" the
speaker when an organisation speaks ('"We will grow," Globex said') and the organisation a person speaking
works for, as the article says ('"We will grow," said Ann Lee, chief executive of Globex')."""

from __future__ import annotations

from kg.records import SPEAKER, SPEAKERS, Extraction, Mention, Merge, Node
from kg.resolve.families import normalise

__all__ = ["bind_speakers"]

SIDE_TYPES = {"Organization", "Group"}
WORKS_FOR = "schema:worksFor"


def _employers(extraction: Extraction, nodes: dict[tuple[int, int], Node]) -> dict[str, Node]:
    """Entity key of each person -> the organisation the article says they work for (the first said)."""
    employers: dict[str, Node] = {}
    for st in extraction.statements:
        if st.negated or not isinstance(st.subject, Mention) or not isinstance(st.object, Mention):
            continue
        subject, obj = nodes.get((st.subject.start, st.subject.end)), nodes.get((st.object.start, st.object.end))
        if subject is None or obj is None:
            continue
        person, predicate, organisation = normalise(subject, st.predicate, obj)
        if predicate.local_name == WORKS_FOR and person.type == "Person" and organisation.type in SIDE_TYPES:
            employers.setdefault(person.key, organisation)
    return employers


def bind_speakers(extraction: Extraction, nodes: dict[tuple[int, int], Node], merges: list[Merge]) -> None:
    """Give each quoted "I" and "we" whose speaker resolved the node of its side (after the speakers' own
    pronouns are resolved: '"We will grow," he said')."""
    employers: dict[str, Node] | None = None
    for pronoun, said_by in extraction.speakers:
        node = nodes.get((said_by.start, said_by.end))
        if node is None or pronoun.label not in (SPEAKER, SPEAKERS):
            continue
        if pronoun.label == SPEAKERS and node.type not in SIDE_TYPES:
            if employers is None:
                employers = _employers(extraction, nodes)
            node = employers.get(node.key) if node.type == "Person" else None
        elif pronoun.label == SPEAKER and node.type in SIDE_TYPES:
            node = None  # an organisation does not say "I"
        if node is not None:
            nodes[(pronoun.start, pronoun.end)] = node
            merges.append(Merge(node.key, pronoun.text, "speaker", pronoun.start, pronoun.end, 0.7))
