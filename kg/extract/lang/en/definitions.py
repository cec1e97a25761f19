"""English definitional constructions: what a sentence says a name is, rather than what it does.

"LLaMA is an open source model", "Peter Lund, the founder of Quarry Labs", "CPO Chris Cox", "Meta's
Reality Labs", "platforms such as Instagram": copular and appositive definitions (with the roles and
affiliations they carry), titles and class nouns before a name, possessives between names, and examples
of a class noun. Each is a function of the paragraph's `Reader` and a token.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lang.en import words
from kg.extract.reader import HAS, IS_A, JOB_TITLE, Reader, hyphen_piece, hyphen_start, is_title, relation
from kg.records import NAMED_BY, Argument, Literal, Mention

__all__ = ["examples", "definition", "role_name", "appositive", "title_before_name", "possessive"]


def _hyphenated(tok: Token) -> str:
    """'hand' in 'right-hand': the word with the words hyphenated onto it."""
    return tok.doc[hyphen_start(tok):tok.i + 1].text.lower()


def examples(r: Reader, noun: Token) -> list[Token]:
    """'platforms such as Instagram and WhatsApp', 'firms including Initech': the names given as
    instances of a common noun; each is stated to be one."""
    if noun.pos_ != "NOUN" or noun.i in r.span_of:
        return []
    out = []
    for prep in noun.children:
        if prep.dep_ != r.syntax.preposition or not (prep.lower_ in words.EXAMPLE_PREPOSITIONS or (
                prep.lower_ == words.AS and prep.i > 0 and prep.nbor(-1).lower_ == words.SUCH)):
            continue
        for pobj in (t for g in prep.children if g.dep_ == r.syntax.preposition_object for t in (g, *g.conjuncts)):
            if r.is_name(pobj):
                out.append(pobj)
                r.add(r.entity(pobj), IS_A, r.concept(noun), [noun, prep, pobj], "example", False)
    return out


def definition(r: Reader, subj: Token, noun: Token, anchor: Token, negated: bool, pattern: str) -> None:
    """'X is a N' / 'X, the N of Y' / 'X is Y's N' / 'X is one of Y's N'."""
    syntax = r.syntax
    subject = r.argument(subj)
    if isinstance(subject, Literal) or subject is None:
        return
    role = noun
    if noun.lower_ in words.QUANTIFIERS or (noun.pos_ == "NUM" and noun.i not in r.span_of):
        role = next((obj for prep, obj in syntax.objects_of(noun) if prep.lower_ == words.OF), noun)
    if r.is_name(role):
        if role.pos_ == "PROPN":
            r.add(subject, relation("be"), r.entity(role), [subj, anchor, role], pattern, negated)
        return
    nominal_adjective = role.pos_ == "ADJ" and any(c.dep_ == syntax.determiner and c.lower_ in words.INDEFINITE
                                                   for c in role.children)  # "is an academic"
    if role.pos_ not in ("NOUN", "PROPN") and not nominal_adjective and not is_title(role):
        return
    named = [t.i for c in role.lefts if c.dep_ == syntax.compound for t in c.subtree
             if t.pos_ == "PROPN" or r.is_name(t)]
    held_in = r.doc[max(named)] if named and role.lemma_.lower() in words.STAFF_ROLES else None  # "a Globex executive"
    if pattern == "appositive" and named and held_in is None and isinstance(subject, Mention) and \
            subject.kind == "entity":
        # "Reality Labs, its Metaverse division": a descriptor with a name in it is another name of X,
        # and X is an instance of the class noun after that name
        r.add(subject, NAMED_BY, r.concept(role), [subj, anchor, role], "appositive-name", False)
        r.add(subject, IS_A, r.mention(r.doc[max(named) + 1:role.i + 1], "concept", "Concept", role),
              [subj, anchor, role], pattern, negated)
    else:
        r.add(subject, JOB_TITLE if is_title(role) else IS_A, r.concept(role), [subj, anchor, role],
              pattern, negated)
    if held_in is not None and r.is_name(held_in):
        r.add(subject, relation(f"{role_name(role)} of"), r.entity(held_in),
              [subj, anchor, held_in, role], pattern + "-affiliation", negated)
    owner = next((c for c in role.children if c.dep_ == syntax.possessive), None)
    if owner is not None:
        r.add(subject, relation(f"{role_name(role)} of"), _role_owner(r, owner, role),
              [subj, anchor, role, owner], pattern + "-possessive", negated)
    for prep in (c for c in role.children if c.dep_ == syntax.preposition and c.lower_ in words.AFFILIATIONS):
        target = next((t for t in prep.subtree if t.dep_ == syntax.preposition_object and r.is_name(t)), None)
        if target is not None:
            governor = target.head
            text = f"{role_name(role)} {prep.lower_}" if governor.i == prep.i and prep.lower_ != "from" \
                else governor.lower_  # "engineer at X", "founder of X"; "(a pioneer) from X"
            r.add(subject, relation(text), r.entity(target),
                  [subj, anchor, governor, target], pattern + "-affiliation", negated)


def _role_owner(r: Reader, owner: Token, role: Token) -> Argument | None:
    """Whose the role is: "its chief executive" points back at what can employ (an organisation, or a
    name typed a product or nothing yet), not at a place."""
    if owner.lower_ == words.ITS and role.lemma_.lower() in words.STAFF_ROLES:
        return r.mention(r.doc[owner.i:owner.i + 1], "pronoun", "Employer", owner)
    return r.argument(owner)


def role_name(noun: Token) -> str:
    """'most trusted right-hand man' -> 'right-hand man': common-noun compounds and hyphenated modifiers
    kept, names dropped ('its Metaverse division' -> 'division')."""
    kept = [c for c in noun.lefts if (c.dep_ == "compound" and c.pos_ == "NOUN") or
            (c.dep_ == "amod" and "-" in c.text)]
    head = noun.text if noun.text.isupper() else noun.lemma_.lower()  # "CFO of", "founder of"
    if hyphen_start(noun) < noun.i:
        head = _hyphenated(noun)  # "co-founder of"
    return " ".join([*(_hyphenated(c) for c in kept), head])


def appositive(r: Reader, tok: Token) -> None:
    """'Peter Lund, the founder of Quarry Labs': the apposition defines the name (not on a verb, which is
    read as a clause)."""
    if tok.dep_ != r.syntax.apposition or _clause_head(r, tok) or hyphen_piece(tok):
        return
    for name, noun in r.appositions(tok):
        definition(r, name, noun, tok, False, "appositive")


def _clause_head(r: Reader, tok: Token) -> bool:
    """A verb that heads a clause of its own (not an auxiliary or an open complement)."""
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ not in r.syntax.auxiliary and \
        tok.dep_ != r.syntax.open_complement


def title_before_name(r: Reader, tok: Token) -> None:
    """'open source model LLaMA', 'CPO Chris Cox': common nouns compounded onto a name define it. Not
    before places ('downtown Dallas', 'southwest Louisiana') and not measures ('76-story')."""
    if tok.pos_ != "PROPN" or tok.i not in r.span_of or \
            r.span_of[tok.i][1] in r.pack.value_labels | r.pack.place_labels:
        return
    span = r.span_of[tok.i][0]
    if tok.i != span.root.i:
        return
    nouns = [c for c in tok.lefts if c.dep_ in r.syntax.name_modifiers and c.i < span.start
             and ((c.pos_ == "NOUN" and c.text.replace("-", "").isalpha()) or is_title(c))
             and c.i not in r.span_of]
    for noun in nouns:
        r.add(r.entity(tok), JOB_TITLE if is_title(noun) else IS_A, r.concept(noun), [noun, tok],
              "title-before-name", False)


def possessive(r: Reader, tok: Token) -> None:
    """'Meta's Reality Labs' -> (Meta, has, Reality Labs) when both are names."""
    if tok.dep_ != r.syntax.possessive:
        return
    owner = tok
    owned = tok.head
    if r.is_name(owned) and owner.i in r.span_of and r.span_of[owned.i][0] is not r.span_of[owner.i][0]:
        r.add(r.argument(owner), HAS, r.entity(owned), [owner, owned], "possessive", False)
