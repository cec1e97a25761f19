"""Evidence for an entity's type beyond the NER label of each mention.

The small English model often mistypes names it has not seen ("Music Gen" a person, "Reality Labs" a
person, "Instagram" an organisation). What the article says of a name is better evidence: a class noun
it is called ("Music Gen, its AI music model", "platforms such as Instagram", "LLaMA is a model"), a job
title it holds (a person), a role held in it ("co-founder of DeepMind": an organisation), or the head
word of the name itself ("... University", "... Labs").
Each piece of evidence counts as several NER mentions; the resolver adds the votes up across the corpus.
"""

from __future__ import annotations

from collections import Counter

from kg.extract.lexicon import NOUN_CLASS
from kg.records import Extraction, Mention
from kg.resolve.families import ORGANISATION_ROLES

__all__ = ["type_votes", "CLASS_NOUN_WEIGHT"]

CLASS_NOUN_WEIGHT = 3  # votes for a class noun said of a name, against one per NER mention
_DEFINING = {"kg:isA": None, "schema:jobTitle": "Person"}  # predicate -> the type it implies (None: the noun's)
# Head words that make a multi-word name an organisation or a place whatever the NER said.
_NAME_HEADS = {
    "Organization": {"university", "institute", "college", "lab", "labs", "laboratory", "laboratories", "bank",
                     "agency", "ministry", "foundation", "association", "corporation", "inc", "inc.", "corp",
                     "corp.", "ltd", "llc", "plc", "council", "committee", "commission", "federation",
                     "airlines", "airways", "motors", "technologies", "holdings", "studios", "party"},
    "Place": {"city", "county", "province", "river", "valley", "island", "islands", "mountains", "street",
              "avenue", "bay", "lake", "peninsula", "desert", "strait"},
}
_NAME_HEAD = {word: cls for cls, words in _NAME_HEADS.items() for word in words}


def type_votes(extraction: Extraction, name_of) -> dict[str, Counter]:
    """Type votes per name (as `name_of` normalises a mention's text) from what the article says of it."""
    votes: dict[str, Counter] = {}
    counted: set[int] = set()  # where a role's organisation starts: counted once, stated or not
    for st in extraction.statements:
        subject, obj = st.subject, st.object
        if st.predicate.label in ORGANISATION_ROLES and not st.negated and isinstance(obj, Mention) and \
                obj.kind == "entity" and obj.start not in counted:
            counted.add(obj.start)
            votes.setdefault(name_of(obj.text), Counter())["Organization"] += CLASS_NOUN_WEIGHT
        if st.negated or st.predicate.local_name not in _DEFINING or not isinstance(subject, Mention) or \
                subject.kind != "entity" or not isinstance(obj, Mention):
            continue
        cls = _DEFINING[st.predicate.local_name] or NOUN_CLASS.get(obj.head_lemma)
        if cls:
            votes.setdefault(name_of(subject.text), Counter())[cls] += CLASS_NOUN_WEIGHT
    for role, name, start in extraction.roles:  # "the CEO of OpenAI", its holder named or not
        if role in ORGANISATION_ROLES and start not in counted:
            counted.add(start)
            votes.setdefault(name_of(name), Counter())["Organization"] += CLASS_NOUN_WEIGHT
    for name in {name_of(m.text) for m in extraction.mentions if m.kind == "entity"}:
        words = name.split()
        if len(words) > 1 and words[-1].lower() in _NAME_HEAD:
            votes.setdefault(name, Counter())[_NAME_HEAD[words[-1].lower()]] += CLASS_NOUN_WEIGHT
    return votes
