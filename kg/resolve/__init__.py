"""Resolve stage: mentions to canonical entities, inside a document and across a corpus.

Names are grouped when they are the same up to case, possessive and leading article, when one is a
short form of another (a person's surname or first name, an organisation's name without "Inc",
"Platforms" and the like, or its last words: "the Mariners" for "Harbor Mariners"), its acronym, or a
spelling variant of a name introduced earlier (spelling.py). The same name in another document is the
same entity; an entity's type is the majority of the types its mentions were given across the corpus,
where a class noun the article calls it or the head word of its name count for several mentions
(evidence.py). Pronouns and definite descriptions ("the company") take the nearest earlier entity of a
compatible type. Statements are put into their relation family's property (families.py). Every merge
is recorded with its reason so it can be inspected, and undone: a `Veto` keeps a name (or one mention)
apart from an entity in every later resolution.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kg.records import (
    NAMED_BY,
    Entity,
    Extraction,
    Literal,
    Mention,
    Merge,
    NameWords,
    Node,
    Predicate,
    Resolution,
    ResolvedMention,
    ResolvedStatement,
    Veto,
)
from kg.resolve.evidence import type_votes
from kg.resolve.families import contradicts, normalise
from kg.resolve.speakers import bind_speakers
from kg.resolve.spelling import variant_confidence

__all__ = ["Resolver", "normalize_name", "entity_key", "concept_key", "is_clause"]

# Most votes the recogniser's labels of one name in one document count for, shared in proportion: the same
# model's label repeated is one opinion, worth less than one class noun or role the article says of the name
RECOGNISER_WEIGHT = 2.5

AUTHOR = Predicate("author", "schema:author")
EDITOR = Predicate("editor", "schema:editor")
_PRONOUN_TYPES = {
    "Person": {"Person"},
    "Thing": {"Organization", "Product", "CreativeWork", "Place", "Event", "Thing"},
    "Group": {"Organization", "Group"},
    "Employer": {"Organization", "Group", "Product", "Thing"},  # "its chief executive"
    "Any": {"Person", "Organization", "Product", "CreativeWork", "Place", "Event", "Group", "Thing"},
}  # "-o" in "contratou-o": him or it


@lru_cache(maxsize=1 << 16)
def normalize_name(text: str) -> str:
    """Surface form of a name without quotes, possessive, leading article and extra spaces."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").strip(" \"'“”‘")
    if text.count('"') % 2:  # 'equipe de "alto nível"' stripped of its last quote: the other goes too
        text = text.replace('"', "").strip(" ,;:")
    text = re.sub(r"'s?$", "", text)
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).strip()


def _genders(mentions: list[Mention], nodes: dict[tuple[int, int], Node]) -> dict[str, str]:
    """The grammatical gender of each entity its name mentions mostly (two to one) carry: "ela" is not "o
    Facebook" nor "Chris Cox". Entities without one, or with mixed ones, agree with any pronoun."""
    counts: dict[str, Counter] = {}
    for m in mentions:
        if m.kind == "entity" and m.gender and (m.start, m.end) in nodes:
            counts.setdefault(nodes[(m.start, m.end)].key, Counter())[m.gender] += 1
    out = {}
    for key, votes in counts.items():
        (top, n), *rest = votes.most_common()
        if not rest or n >= 2 * rest[0][1]:
            out[key] = top
    return out


def _fold(text: str) -> str:
    return normalize_name(text).lower()


def entity_key(label: str) -> str:
    """Readable IRI local name: 'Yann LeCun' -> 'Yann_LeCun'."""
    return re.sub(r"[^\w.-]+", "_", normalize_name(label)).strip("_") or "unnamed"


def _head_as_lemma(words: list[str], head_lemma: str) -> list[str]:
    """The words of a phrase with a last word that inflects its head ("makers") as the head's lemma."""
    last = words[-1] if words else ""
    if head_lemma and last.lower() != head_lemma and last.lower().startswith(head_lemma[:3]):
        return [*words[:-1], head_lemma]
    return words


def concept_key(text: str, head_lemma: str) -> str:
    return "_".join(_head_as_lemma(re.findall(r"[\w-]+", normalize_name(text).lower()), head_lemma)) or "thing"


def class_label(text: str, head_lemma: str) -> str:
    """What a class noun phrase says one thing is: "local PC makers" (listed "such as" X) -> "local PC maker"."""
    return " ".join(_head_as_lemma(normalize_name(text).split(), head_lemma))


TYPING = {"kg:isA", "schema:jobTitle"}  # "X is a N", "CPO X": a bare noun says what X is


DISCOURSE = {"speech-topic"}  # what a speaker "said" something of: about the article, not what is so (after a
# verb that means commenting, "comment-topic", it is what the verb says)


def is_clause(subject: Node, predicate: Predicate, obj: Node, pattern: str = "") -> bool:
    """Whether a statement is an open clause rather than a fact a reader could query: its object a bare
    common noun ("Globex announced plans", "move", "way"; not "X is a startup"), or a common-noun phrase said
    of another or of a value ("firms raise prices") unless both have a name or figure in them ("Globex's
    profit rose to $3bn"), or what a speaker talked about ('Ann Lee said Globex would grow': she commented
    on Globex), read by one of the `DISCOURSE` constructions."""
    if pattern in DISCOURSE:
        return True
    if obj.kind == "concept" and len(obj.label.split()) == 1 and predicate.local_name not in TYPING:
        return True
    if subject.kind != "concept" or obj.kind == "entity":
        return False
    return not (subject.named and (obj.kind == "literal" or obj.named))


def _acronym(name: str, skips: frozenset[str]) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in skips)


def _singular(name: str, words: NameWords) -> str:
    """The name with its last word in the singular ("Tories" -> "Tory", "Lib Dems" -> "Lib Dem")."""
    head, _, last = name.rpartition(" ")
    for plural, singular in words.plural_endings:
        if last.endswith(plural) and len(last) > len(plural) + 2:
            return f"{head} {last[: -len(plural)]}{singular}".strip()
    return name


def _one_reading(statements: list[ResolvedStatement]) -> list[ResolvedStatement]:
    """Statements without the classifier's where the article's own constructions say otherwise: its "works
    for" of a person to whom a construction gives another employer ("Deutsche Boerse chief executive Werner
    Seifert ... Mr Seifert was frustrated with the LSE's pace": he works for Deutsche Boerse, not the LSE)."""
    said: dict[tuple[str, str], set[str]] = {}
    for rs in statements:
        if rs.statement is not None and rs.statement.pattern != "classifier" and not rs.statement.negated:
            said.setdefault((rs.subject.key, rs.predicate.local_name), set()).add(rs.object.key)
    return [
        rs
        for rs in statements
        if rs.statement is None
        or rs.statement.pattern != "classifier"
        or rs.object.key in said.get((rs.subject.key, rs.predicate.local_name), {rs.object.key})
    ]


def _may_describe(m: Mention, node: Node, called: dict[str, set[str]]) -> bool:
    """Whether a description can point at the entity: "the company" at any organisation, "the alliance"
    only at one whose name ends in it or that the article called an alliance (pronouns: always)."""
    if m.kind != "description" or m.generic:
        return True
    last = node.label.lower().split()[-1] if node.label.strip() else ""
    return node.key in called.get(m.head_lemma, set()) or last.rstrip("s") == m.head_lemma.rstrip("s")


def _short_form(short: str, full: str, full_type: str, words: NameWords, short_type: str) -> str | None:
    """Why `short` names the same thing as `full` (surname, first words before a corporate designator,
    acronym), or None; `words` are those of the document's language. A place is not the short name of
    an organisation or work named after it ("Scotland" is not "Radio Scotland"); a surname the tagger took
    for a place still is a person's."""
    s, f = short.split(), full.split()
    if len(s) >= len(f):
        return None
    if full_type == "Person":
        return "short name" if s == f[-len(s) :] or s == f[: len(s)] else None
    if short_type == "Place" and (full_type not in ("Place", "Thing") or s != f[: len(s)]):
        return None
    if s == f[: len(s)] and all(w.lower() in words.designators for w in f[len(s) :]):
        return "short name"
    if s == f[-len(s) :] and not any(w.lower() in words.designators or w.lower() in words.class_nouns for w in s):
        return "short name"  # "the Mariners" for "Harbor Mariners"; not "Group" or "University"
    if len(s) == 1 and short.isupper() and len(short) >= 2 and _acronym(full, words.acronym_skips) == short:
        return "acronym"
    return None


@dataclass
class Resolver:
    """Keeps the corpus-wide name index; `resolve` is called once per document, in order."""

    entities: dict[str, Entity] = field(default_factory=dict)
    index: dict[str, str] = field(default_factory=dict)  # folded name -> entity key
    short: dict[str, set[str]] = field(default_factory=dict)  # folded short form -> entity keys
    apart: set[tuple[str, str]] = field(default_factory=set)  # (folded name, entity key) never merged
    apart_mentions: set[tuple[str, int, str]] = field(default_factory=set)  # (document hash, start, key)

    def keep_apart(self, veto: Veto) -> None:
        """Never again merge the vetoed name (or mention) into the entity; call before `know`."""
        if veto.document is None or veto.start is None:
            self.apart.add((_fold(veto.label), veto.entity))
        else:
            self.apart_mentions.add((veto.document, veto.start, veto.entity))

    def know(self, entity: Entity, reference: bool = False) -> None:
        """Add an entity seen earlier (in the store or in this batch) to the index; a `reference` entity
        (from a file of known entities) takes its names from whatever else they named."""
        known = self.entities.get(entity.key)
        if reference and known is not None and known is not entity:
            entity.aliases |= known.aliases
            entity.same_as |= known.same_as
        self.entities[entity.key] = entity
        if not entity.votes and entity.type != "Thing":
            entity.votes[entity.type] = 1
        entity.aliases = {a for a in entity.aliases if (_fold(a), entity.key) not in self.apart}
        for name in {entity.label, *entity.aliases}:
            if reference:
                self.index[_fold(name)] = entity.key
            else:
                self.index.setdefault(_fold(name), entity.key)
            words = name.split()
            if entity.type == "Person" and len(words) > 1:
                for short in (words[-1], words[0]):
                    self.short.setdefault(short.lower(), set()).add(entity.key)

    def _group_names(self, names: list[tuple[str, str]], words: NameWords) -> dict[str, tuple[str, str]]:
        """Map each (name, type) in a document to its group leader name and the reason it joined."""
        leaders: list[tuple[str, str]] = []
        singular_of: dict[str, str] = {}  # a leader's name with its last word in the singular, folded
        joined: dict[str, tuple[str, str]] = {}
        for name, type_ in sorted(names, key=lambda n: (-len(n[0].split()), -len(n[0]))):
            folded = name.lower()
            leader = next((lead for lead, _ in leaders if lead.lower() == folded), None)
            if leader is not None:
                joined[name] = (leader, "same name" if leader == name else "case variant")
                continue
            # a group's name in the plural and in the singular are one ("the Tories", "the Tory Party")
            plural_of = [(lead, lt) for lead, lt in leaders if "Group" in (type_, lt) and "Person" not in (type_, lt)]
            singular = _singular(name, words)
            leader = next((lead for lead, _ in plural_of if singular_of[lead] == singular.lower()), None)
            if leader is not None:
                joined[name] = (leader, "plural")
                continue
            short = next(
                (
                    (lead, why)
                    for lead, lt in leaders
                    if (why := _short_form(name, lead, lt if lt != "Thing" else type_, words, type_))
                    or (
                        singular != name
                        and (lead, lt) in plural_of
                        and (why := _short_form(singular, lead, lt, words, type_))
                    )
                ),
                None,
            )
            if short is not None:
                joined[name] = short
                continue
            leaders.append((name, type_))
            singular_of[name] = singular.lower()
            joined[name] = (name, "same name")
        return joined

    def _join_variants(
        self, groups: dict[str, tuple[str, str]], names: list[tuple[str, str]], mentions: list[Mention]
    ) -> dict[str, float]:
        """Join each group whose leader is a spelling variant of an earlier group's leader of the same
        type, never named in the same sentence (two people named together are two people); returns the
        joined names' confidences."""
        sentences: dict[str, set[int]] = {}
        for m in mentions:
            leader = groups.get(normalize_name(m.text), ("",))[0]
            sentences.setdefault(leader, set()).add(m.sentence)
        leaders = [(n, t) for n, t in names if groups[n][0] == n]  # in order of first mention
        confidences: dict[str, float] = {}
        for i, (name, type_) in enumerate(leaders):
            found = [
                (earlier, c)
                for earlier, earlier_type in leaders[:i]
                if earlier_type == type_
                and groups[earlier][0] == earlier
                and not sentences.get(earlier, set()) & sentences.get(name, set())
                and (c := variant_confidence(name, earlier)) is not None
            ]
            if len(found) != 1:
                continue
            ((earlier, confidence),) = found
            for member, (leader, _) in list(groups.items()):
                if leader == name:
                    groups[member] = (earlier, "spelling variant")
                    confidences[member] = confidence
        return confidences

    def _global(self, name: str) -> str | None:
        """The entity an earlier document gave this name (up to case), or the one person whose
        first or last name it is."""
        key = self.index.get(name.lower())
        if key is None and len(self.short.get(name.lower(), ())) == 1:
            (key,) = self.short[name.lower()]
        return None if (name.lower(), key) in self.apart else key

    def _group_key(self, members: list[str], leader: str, translations: dict[str, str]) -> str:
        """The entity a group of names resolves to: one an earlier document gave a member (or its English
        name, where the language translates it: "Casa Branca" is the White House), else the leader's, keyed
        by its English name so that an article in English later finds it."""
        names = [*members, *(translations[m.lower()] for m in members if m.lower() in translations)]
        english = translations.get(leader.lower(), leader)
        return next((k for k in map(self._global, names) if k), None) or entity_key(english)

    @staticmethod
    def _members(groups: dict[str, tuple[str, str]]) -> dict[str, list[str]]:
        """Each group leader's names (the leader's own included), in the groups' order."""
        members: dict[str, list[str]] = {}
        for name, (leader, _) in groups.items():
            members.setdefault(leader, []).append(name)
        return members

    def _detach(self, groups: dict[str, tuple[str, str]], translations: dict[str, str]) -> None:
        """Names kept apart from the entity their group resolves to become groups of their own."""
        if not self.apart:
            return
        for leader, members in self._members(groups).items():
            key = self._group_key(members, leader, translations)
            for name in members:
                if (name.lower(), key) in self.apart:
                    groups[name] = (name, "same name")

    def resolve(self, extraction: Extraction) -> Resolution:
        doc = extraction.document
        entity_mentions, unmentioned = self._names(extraction)
        entity_mentions.sort(key=lambda m: m.start)
        types: dict[str, Counter] = {name: Counter({cls: 1}) for name, cls in unmentioned.items()}
        for m in entity_mentions:
            types.setdefault(normalize_name(m.text), Counter())[m.label] += 1
        for votes in types.values():  # the recogniser's labels of one name are one opinion, not independent evidence
            total = sum(votes.values())
            if total > RECOGNISER_WEIGHT:
                for cls in votes:
                    votes[cls] = votes[cls] * RECOGNISER_WEIGHT / total  # type: ignore[assignment]  # fractional votes
        for name, votes in type_votes(extraction, normalize_name).items():
            if name in types:
                types[name].update(votes)
        for person in (*doc.authors, *doc.editors):
            types.setdefault(normalize_name(person), Counter())["Person"] += 3
        names = [(n, self._vote(c)) for n, c in types.items() if n]
        groups = self._group_names(names, extraction.name_words)
        variants = self._join_variants(groups, names, entity_mentions)
        self._detach(groups, extraction.name_words.translations)
        local: dict[str, str] = {}  # leader name -> entity key
        doc_entities: dict[str, Entity] = {}
        merges: list[Merge] = []
        for leader, members in self._members(groups).items():
            key = self._group_key(members, leader, extraction.name_words.translations)
            entity = self.entities.setdefault(key, Entity(key, normalize_name(leader), "Thing"))
            for name in members:
                entity.votes.update(types[name])
            entity.type = self._vote(entity.votes)
            local[leader] = key
            doc_entities[key] = entity
        mention_node: dict[tuple[int, int], Node] = {}
        for m in entity_mentions:
            name = normalize_name(m.text)
            leader, reason = groups[name]
            entity = self.entities[local[leader]]
            mention_node[(m.start, m.end)] = self._node(entity)
            if name != entity.label:
                entity.aliases.add(name)
                merges.append(
                    Merge(
                        entity.key,
                        name,
                        reason if name != leader else "same name in another document",
                        m.start,
                        m.end,
                        variants.get(name, 0.9),
                    )
                )
        self._named_descriptors(extraction, mention_node, merges)
        for entity in doc_entities.values():
            self.know(entity)
        self._anaphora(extraction, mention_node, merges)
        bind_speakers(extraction, mention_node, merges)
        statements = self._statements(extraction, mention_node)
        statements += self._metadata(doc.authors, AUTHOR, local, groups, doc)
        statements += self._metadata(doc.editors, EDITOR, local, groups, doc)
        return Resolution(extraction, statements, doc_entities, merges, self._mentions(extraction, mention_node))

    @staticmethod
    def _mentions(extraction: Extraction, mention_node: dict[tuple[int, int], Node]) -> list[ResolvedMention]:
        """Every mention taken to mean an entity, in text order."""
        sentence_of = {(m.start, m.end): m.sentence for m in extraction.mentions}
        return [
            ResolvedMention(start, end, node.key, sentence_of[(start, end)])
            for (start, end), node in sorted(mention_node.items())
            if node.kind == "entity" and (start, end) in sentence_of
        ]

    @staticmethod
    def _names(extraction: Extraction) -> tuple[list[Mention], dict[str, str]]:
        """Entity mentions, plus single capitalised words the tagger took for common nouns that are a word
        of a longer name in the same document ("Santos hired ..." after "Maria Santos"; "Sócrates was
        detained" after "the government of José Sócrates"); and the names in no statement that such
        words belong to, with their class, so the word can join its full name."""
        names = [m for m in extraction.mentions if m.kind == "entity"]
        longer = {normalize_name(m.text): "Thing" for m in names if len(m.text.split()) > 1}
        for text, cls in extraction.names:
            longer.setdefault(normalize_name(text), cls)
        word_of: dict[str, list[str]] = {}
        for name in longer:
            for word in name.split():
                word_of.setdefault(word, []).append(name)
        promoted = [
            replace(m, kind="entity", label="Thing")
            for m in extraction.mentions
            if m.kind == "concept" and m.text in word_of and m.text[:1].isupper()
        ]
        mentioned = {normalize_name(m.text) for m in names}
        unmentioned = {name: longer[name] for m in promoted for name in word_of[m.text] if name not in mentioned}
        return names + promoted, unmentioned

    @staticmethod
    def _vote(counts: Counter) -> str:
        typed = [(n, t) for t, n in counts.items() if t != "Thing"]
        return max(typed)[1] if typed else "Thing"

    @staticmethod
    def _node(entity: Entity) -> Node:
        return Node("entity", entity.key, entity.label, entity.type)

    def _named_descriptors(
        self, extraction: Extraction, nodes: dict[tuple[int, int], Node], merges: list[Merge]
    ) -> None:
        """'Reality Labs, its Metaverse division': each mention of the descriptor in the document is
        Reality Labs (and the descriptor becomes one of its names)."""
        named: dict[str, Node] = {}
        for st in extraction.statements:
            if (
                st.predicate == NAMED_BY
                and isinstance(st.object, Mention)
                and isinstance(st.subject, Mention)
                and (st.subject.start, st.subject.end) in nodes
            ):
                named.setdefault(_fold(st.object.text), nodes[(st.subject.start, st.subject.end)])
        for m in extraction.mentions:
            node = named.get(_fold(m.text)) if m.kind in ("concept", "description") else None
            if (
                node is None
                or (m.start, m.end) in nodes
                or (_fold(m.text), node.key) in self.apart
                or (extraction.document.content_hash, m.start, node.key) in self.apart_mentions
            ):
                continue
            nodes[(m.start, m.end)] = node
            self.entities[node.key].aliases.add(normalize_name(m.text))
            merges.append(Merge(node.key, normalize_name(m.text), "named in apposition", m.start, m.end, 0.8))

    def _anaphora(self, extraction: Extraction, nodes: dict[tuple[int, int], Node], merges: list[Merge]) -> None:
        """Pronouns and definite descriptions take the nearest earlier entity of a fitting type (for a
        subject, the last subject of its own or the previous sentence first, then a name of its own sentence,
        then an earlier subject before a nearer object), never the other side of a statement they are in
        ("Nova, its drone unit": "its" is not Nova; that takes "itself") unless the statement is what a
        speaker said of a name ("Chirp will cut jobs, the company said": the company is Chirp)."""
        ordered = sorted(extraction.mentions, key=lambda m: (m.start, m.end))  # a possessor before its phrase
        co_arguments: dict[tuple[int, int], set[tuple[int, int]]] = {}
        for st in (st for st in extraction.statements if st.pattern != "speech-topic"):
            for a, b in ((st.subject, st.object), (st.object, st.subject)):
                if isinstance(a, Mention) and isinstance(b, Mention) and a.kind in ("pronoun", "description"):
                    co_arguments.setdefault((a.start, a.end), set()).add((b.start, b.end))
        speaker_of: dict[tuple[int, int], list[tuple[int, int]]] = {}  # "he" in a quotation is not its speaker
        for pronoun, said_by in extraction.speakers:
            speaker_of.setdefault((pronoun.start, pronoun.end), []).append((said_by.start, said_by.end))
        called: dict[str, set[str]] = {}  # class noun -> entities the article called so ("X, an alliance of")
        for st in extraction.statements:
            if (
                st.predicate.local_name == "kg:isA"
                and isinstance(st.object, Mention)
                and isinstance(st.subject, Mention)
                and (st.subject.start, st.subject.end) in nodes
            ):
                called.setdefault(st.object.head_lemma, set()).add(nodes[(st.subject.start, st.subject.end)].key)
        gender_of = _genders(extraction.mentions, nodes)
        recent: list[tuple[Mention, Node]] = []
        last_subject: Mention | None = None
        for m in ordered:
            key = (m.start, m.end)
            topic, last_subject = last_subject, m if m.subject else last_subject
            if key in nodes:
                recent.append((m, nodes[key]))
                continue
            if m.kind not in ("pronoun", "description"):
                continue
            if (
                m.kind == "pronoun"
                and m.subject
                and topic is not None
                and topic.kind == "concept"
                and (topic.start, topic.end) not in nodes
                and m.sentence - topic.sentence <= 1
                and ((m.label == "Thing" and topic.singular) or (m.label == "Group" and not topic.singular))
            ):
                last_subject = topic  # "Globex's new plant opened in May. It employs 300": it is the plant, which
                continue  # has no node, and so is the next "it"; "Most users ... They": they are the users
            wanted = _PRONOUN_TYPES.get(m.label, {m.label})
            excluded = {nodes[k] for k in (*co_arguments.get(key, ()), *speaker_of.get(key, ())) if k in nodes}
            fitting = [
                (earlier, node)
                for earlier, node in reversed(recent)
                if m.sentence - earlier.sentence <= 2
                and node not in excluded
                and node.type in wanted
                and earlier.end <= m.start
                and _may_describe(m, node, called)
                and (m.gender is None or gender_of.get(node.key, m.gender) == m.gender)
                and (extraction.document.content_hash, m.start, node.key) not in self.apart_mentions
            ]
            if m.subject:  # a subject continues the topic: the last subject of this or the last sentence, then
                # a name of its own sentence, then an earlier subject, then the nearest mention (subjects are more
                # salient than objects)
                fitting.sort(
                    key=lambda pair: (
                        0
                        if pair[0].subject and m.sentence - pair[0].sentence <= 1
                        else 1
                        if pair[0].sentence == m.sentence
                        else 2
                        if pair[0].subject
                        else 3
                    )
                )
            elif m.possessive:  # "Initech named her as its CEO":
                # a possessive first takes the subject of its own sentence
                fitting.sort(key=lambda pair: 0 if pair[0].subject and pair[0].sentence == m.sentence else 1)
            if fitting:
                node = fitting[0][1]
                nodes[key] = node
                reason = "pronoun" if m.kind == "pronoun" else "definite description"
                merges.append(Merge(node.key, m.text, reason, m.start, m.end, 0.7 if m.kind == "pronoun" else 0.6))

    def _argument(self, arg: Mention | Literal, nodes: dict[tuple[int, int], Node]) -> Node | None:
        if isinstance(arg, Literal):
            return Node("literal", "", arg.text, arg.kind, arg)
        if (arg.start, arg.end) in nodes:
            return nodes[(arg.start, arg.end)]
        if arg.kind in ("concept", "description"):
            return Node(
                "concept", concept_key(arg.text, arg.head_lemma), normalize_name(arg.text), "Concept", named=arg.named
            )
        return None  # a pronoun with no antecedent

    def _statements(self, extraction: Extraction, nodes: dict[tuple[int, int], Node]) -> list[ResolvedStatement]:
        out = []
        for st in extraction.statements:
            subject, obj = self._argument(st.subject, nodes), self._argument(st.object, nodes)
            if (
                subject is None
                or obj is None
                or subject == obj
                or contradicts(st.predicate, self._settled_type(subject), self._settled_type(obj))
            ):
                continue
            if st.predicate.local_name in TYPING and obj.kind == "concept" and isinstance(st.object, Mention):
                obj = replace(obj, label=class_label(st.object.text, st.object.head_lemma))
            subject, predicate, obj = normalise(subject, st.predicate, obj, st.negated)
            out.append(ResolvedStatement(subject, predicate, obj, st, is_clause(subject, predicate, obj, st.pattern)))
        return _one_reading(out)

    def _settled_type(self, node: Node) -> str:
        """An entity's type where more than one mention or some evidence gave it that type, else Thing:
        one NER label is too weak to overrule the classifier ("KARBALA, Iraq" tagged an organisation)."""
        entity = self.entities.get(node.key) if node.kind == "entity" else None
        return node.type if entity is not None and entity.votes[node.type] >= 2 else "Thing"

    def _metadata(self, people, predicate, local, groups, doc) -> list[ResolvedStatement]:
        document = Node("document", "", doc.title or doc.id, "Article")
        out = []
        for person in people:
            leader, _ = groups[normalize_name(person)]
            entity = self.entities[local[leader]]
            out.append(ResolvedStatement(document, predicate, self._node(entity), None))
        return out
