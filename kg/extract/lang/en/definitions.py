"""English definitional constructions: what a sentence says a name is, rather than what it does.

"LLaMA is an open source model", "Peter Lund, the founder of Quarry Labs", "CPO Chris Cox", "Meta's
Reality Labs", "platforms such as Instagram": copular and appositive definitions (with the roles and
affiliations they carry), titles and class nouns before a name, possessives between names, and examples
of a class noun. Each is a function of the paragraph's `Reader` and a token.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.lang.en import words
from kg.extract.origins import BASED_IN, state_origin
from kg.extract.reader import HAS, IS_A, JOB_TITLE, Reader, relation
from kg.extract.spans import common_word, hyphen_piece, hyphen_start, is_title
from kg.records import NAMED_BY, Argument, Literal, Mention, Predicate

__all__ = [
    "examples",
    "definition",
    "role_name",
    "appositive",
    "title_before_name",
    "possessive",
    "based_in",
    "kind_before_name",
]


def _hyphenated(tok: Token) -> str:
    """'hand' in 'right-hand': the word with the words hyphenated onto it."""
    return tok.doc[hyphen_start(tok) : tok.i + 1].text.lower()


def examples(r: Reader, noun: Token) -> list[Token]:
    """'platforms such as Instagram and WhatsApp', 'firms including Initech': the names given as
    instances of a common noun; each is stated to be one."""
    if noun.pos_ != "NOUN" or noun.i in r.span_of:
        return []
    out = []
    for prep in noun.children:
        if prep.dep_ != r.syntax.preposition or not (
            prep.lower_ in words.EXAMPLE_PREPOSITIONS
            or (prep.lower_ == words.AS and prep.i > 0 and prep.nbor(-1).lower_ == words.SUCH)
        ):
            continue
        listed = [t for g in prep.children if g.dep_ == r.syntax.preposition_object for t in (g, *g.conjuncts)]
        for pobj in listed or _names_after(r, prep):
            if r.is_name(pobj):
                out.append(pobj)
                r.add(r.entity(pobj), IS_A, r.concept(noun), [noun, prep, pobj], "example", False)
    return out


def _names_after(r: Reader, prep: Token) -> list[Token]:
    """The heads of the names listed just after `prep` ("such as Google, Orbis and Apple all of whom ...",
    where the parser hung the list elsewhere): names joined by commas and "and"/"or", up to another word."""
    out: list[Token] = []
    i = prep.i + 1
    while i < len(r.doc) and r.is_name(r.doc[i]):
        span = r.span_of[i][0]
        out.append(span.root)
        i = span.end
        if i < len(r.doc) and r.doc[i].text == ",":
            i += 1
        if i < len(r.doc) and r.doc[i].lower_ in words.LIST_JOINERS:
            i += 1
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
    nominal_adjective = role.pos_ == "ADJ" and any(
        c.dep_ == syntax.determiner and c.lower_ in words.INDEFINITE for c in role.children
    )  # "is an academic"
    if role.pos_ not in ("NOUN", "PROPN") and not nominal_adjective and not is_title(role):
        return
    named = [
        t.i for c in role.lefts if c.dep_ == syntax.compound for t in c.subtree if t.pos_ == "PROPN" or r.is_name(t)
    ]
    # "a Globex executive", "Tory leader X", "Initech chairman X" (the name parsed as an adjective)
    holders = named + [
        c.i for c in role.lefts if c.dep_ in syntax.name_modifiers and r.is_name(c) and not _nationality(r, c)
    ]
    held_in = r.doc[max(holders)] if holders and role.lemma_.lower() in words.ROLES_HELD_IN else None
    affiliations = list(_affiliations(r, role))
    if held_in is not None and r.is_place(held_in) and affiliations:
        held_in = None  # "chief UK economist at Capital Economics": the place is what the role covers
    if (
        pattern == "appositive"
        and named
        and held_in is None
        and isinstance(subject, Mention)
        and subject.kind == "entity"
    ):
        # "Reality Labs, its Metaverse division": a descriptor with a name in it is another name of X,
        # and X is an instance of the class noun after that name
        r.add(subject, NAMED_BY, r.concept(role), [subj, anchor, role], "appositive-name", False)
        r.add(
            subject,
            IS_A,
            r.mention(r.doc[max(named) + 1 : role.i + 1], "concept", "Concept", role),
            [subj, anchor, role],
            pattern,
            negated,
        )
    elif held_in is not None and r.is_name(held_in):  # "Globex chief executive": the role, where it is held
        words_of_role = r.doc[held_in.i + 1 : role.i + 1]
        if is_title(role):  # a capitalised title is said whole ("Shadow Home Secretary")
            r.add(subject, JOB_TITLE, r.concept(role), [subj, anchor, role], pattern, negated)
        else:
            r.add(
                subject,
                IS_A,
                r.mention(words_of_role, "concept", "Concept", role),
                [subj, anchor, role],
                pattern,
                negated,
            )
        r.add(
            subject,
            relation(f"{_title_of(words_of_role)} of"),
            r.entity(held_in),
            [subj, anchor, held_in, role],
            pattern + "-affiliation",
            negated,
        )
    else:
        r.add(subject, JOB_TITLE if is_title(role) else IS_A, r.concept(role), [subj, anchor, role], pattern, negated)
        named_holder = affiliations[0][1] if affiliations else None
        state_origin(r, subject, role, [subj, anchor], _office, pattern, negated, named_holder)
    owner = next((c for c in role.children if c.dep_ == syntax.possessive), None)
    acts = words.NOMINAL_RELATIONS.keys() | words.PRICED_NOUNS  # "the block is Globex's control over X": no role
    if owner is not None and role.lemma_.lower() not in acts:
        r.add(
            subject,
            relation(f"{role_name(role)} of"),
            _role_owner(r, owner, role),
            [subj, anchor, role, owner],
            pattern + "-possessive",
            negated,
        )
    for prep, target in affiliations:
        governor = target.head
        text = (
            f"{role_name(role)} {prep.lower_}" if governor.i == prep.i and prep.lower_ != "from" else governor.lower_
        )  # "engineer at X", "founder of X"; "(a pioneer) from X"
        r.add(
            subject,
            relation(text),
            r.entity(target),
            [subj, anchor, governor, target],
            pattern + "-affiliation",
            negated,
        )


def _affiliations(r: Reader, role: Token) -> Iterator[tuple[Token, Token]]:
    """(preposition, name) of each name a role is said to be held at or of ("economist at Capital Economics"),
    or, for a person's role, for ("a senior analyst for Gartner")."""
    lemma = role.lemma_.lower()
    held: tuple[str, ...] = words.AFFILIATIONS
    if words.NOUN_CLASS.get(lemma) == "Person" or lemma in words.ROLES_HELD_IN:
        held = (*held, words.FOR)
    for prep in (c for c in role.children if c.dep_ == r.syntax.preposition and c.lower_ in held):
        target = next((t for t in prep.subtree if t.dep_ == r.syntax.preposition_object and r.is_name(t)), None)
        if target is not None:
            yield prep, target


def _office(word: Token, role: Token) -> Predicate:
    """A role held in a country as a relation: "British Prime Minister" is prime minister of the UK."""
    between = word.doc[word.i + 1 : role.i + 1]
    if all(t.head.i == role.i or t.i == role.i for t in between):
        return relation(f"{_title_of(between)} of")
    return relation(f"{role_name(role)} of")


def _role_owner(r: Reader, owner: Token, role: Token) -> Argument | None:
    """Whose the role is: "its chief executive" points back at what can employ (an organisation, or a
    name typed a product or nothing yet), not at a place."""
    if owner.lower_ == words.ITS and role.lemma_.lower() in words.STAFF_ROLES:
        return r.mention(r.doc[owner.i : owner.i + 1], "pronoun", "Employer", owner)
    return r.argument(owner)


def role_name(noun: Token) -> str:
    """'most trusted right-hand man' -> 'right-hand man': common-noun compounds and hyphenated modifiers
    kept, names dropped ('its Metaverse division' -> 'division')."""
    kept = [
        c
        for c in noun.lefts
        if (c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_lower) or (c.dep_ == "amod" and "-" in c.text)
    ]
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
        if _class_noun_before(r, name) not in (None, noun):
            continue  # "research by technology firms Earthlink and Webroot": the firms, not the research
        start = r.span_of[name.i][0].start
        if noun.i < start and any(r.is_name(t) and r.span_of[t.i][0].start != start for t in r.doc[noun.i + 1 : start]):
            continue  # "the union Unison Dave Prentis": the union is the nearer name
        if noun.i < name.i and _collective(r, noun, name):
            continue
        named = _own_name(r, noun)
        if named is not None and r.is_place(name) and name.i > noun.i:
            r.add(r.entity(named), relation(words.LOCATED_IN), r.entity(name), [named, noun, name], "appositive-place")
            continue  # "held in Halton prison, north London": the place is where the named thing is, not what it is
        definition(r, name, noun, tok, False, "appositive")
    role = _role_across(r, tok)
    if role is not None:
        definition(r, tok, role, tok, False, "appositive")


def _own_name(r: Reader, noun: Token) -> Token | None:
    """The name just before a class noun that is its own ("Halton prison", not "Latin American economies" or
    "the capital")."""
    if words.NOUN_CLASS.get(noun.lemma_.lower()) == "Place":
        return None
    named = r.name_on(noun)
    if named is None or r.pack.entity_classes.get(r.span_of[named.i][1]) in ("Group", "Person"):
        return None
    return named


def _role_across(r: Reader, tok: Token) -> Token | None:
    """'The chief executive of Tesco, Terry Leahy, said': the parser hangs a person's name on the
    organisation just before it; the apposition is the role's, whose organisation that is."""
    if tok.i not in r.span_of or r.pack.entity_classes.get(r.span_of[tok.i][1]) != "Person":
        return None
    held_in = tok.head
    if held_in.i not in r.span_of or r.pack.entity_classes.get(r.span_of[held_in.i][1]) == "Person":
        return None
    prep = held_in.head
    role = prep.head
    if held_in.dep_ != r.syntax.preposition_object or prep.lower_ not in (*words.AFFILIATIONS, words.FOR):
        return None
    lemma = role.lemma_.lower()
    if role.pos_ == "NOUN" and (words.NOUN_CLASS.get(lemma) == "Person" or lemma in words.ROLES_HELD_IN):
        return role
    return None


def _class_noun_before(r: Reader, name: Token) -> Token | None:
    """A class noun written just before a name ("firms Earthlink"), where there is one."""
    start = r.span_of[name.i][0].start if name.i in r.span_of else name.i
    before = r.doc[start - 1] if start > 0 else None
    if before is not None and before.pos_ == "NOUN" and before.lemma_.lower() in r.lexicon.noun_class:
        return before
    return None


def _clause_head(r: Reader, tok: Token) -> bool:
    """A verb that heads a clause of its own (not an auxiliary or an open complement)."""
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ not in r.syntax.auxiliary and tok.dep_ != r.syntax.open_complement


def title_before_name(r: Reader, tok: Token) -> None:
    """'open source model LLaMA', 'CPO Chris Cox': common nouns compounded onto a name define it. Not
    before places ('downtown Dallas', 'southwest Louisiana') and not measures ('76-story')."""
    if (
        tok.pos_ != "PROPN"
        or tok.i not in r.span_of
        or r.span_of[tok.i][1] in r.pack.value_labels | r.pack.place_labels
    ):
        return
    span = r.span_of[tok.i][0]
    if tok.i != span.root.i:
        return
    nouns = [
        c
        for c in tok.lefts
        if c.dep_ in r.syntax.name_modifiers
        and c.i < span.start
        and (
            (c.pos_ == "NOUN" and c.text.replace("-", "").isalpha())
            or is_title(c)
            or (c.pos_ == "PROPN" and common_word(c))
        )
        and c.i not in r.span_of
    ]
    for run in _runs(nouns):
        if len(run) == 1 and _collective(r, run[0], tok):
            continue
        if len(run) == 1:  # "Unison general secretary Dave Prentis": the role, and where it is held
            definition(r, tok, run[0], tok, False, "title-before-name")
        else:
            _flat_title(r, tok, run)


def _collective(r: Reader, noun: Token, name: Token) -> bool:
    """'a report by analysts Forrester Research': people in the plural before one name are what the
    organisation does, not what the name is (before several names, "analysts Ann Lee and Bo Ek", each is one)."""
    return words.NOUN_CLASS.get(noun.lemma_.lower()) == "Person" and not r.syntax.singular(noun) and not name.conjuncts


def kind_before_name(r: Reader, tok: Token) -> None:
    """'admissions service Ucas', 'business lobby group the CBI says', 'technology firms Earthlink and
    Webroot': a class noun written just before a name (journalese apposition, "the" between them only after
    a bare noun phrase) says what the name is, where the parser did not hang the noun on the name."""
    if tok.i not in r.span_of or r.span_of[tok.i][1] in r.pack.value_labels:
        return
    span = r.span_of[tok.i][0]
    if tok.i != span.root.i:
        return
    if tok.dep_ == r.syntax.conjunct and r.is_name(tok.head) and tok.head.i < tok.i:
        if tok.head.i not in r.span_of:
            return
        span = r.span_of[tok.head.i][0]  # "firms Earthlink and Webroot": Webroot after the first name
    before = span.start - 1
    article_between = before >= 0 and r.doc[before].lower_ in words.DEFINITE_ARTICLES
    before -= 1 if article_between else 0
    if before < 0:
        return
    noun = r.doc[before]
    if (
        noun.pos_ != "NOUN"
        or noun.lemma_.lower() not in r.lexicon.noun_class
        or noun.i in r.span_of
        or span.start <= noun.head.i < span.end
        or (article_between and any(c.dep_ == r.syntax.determiner for c in noun.children))
    ):
        return
    if (
        r.pack.entity_classes.get(r.span_of[tok.i][1]) == "Person" != r.lexicon.noun_class[noun.lemma_.lower()]
        and len(span) > 1
    ):
        return  # a person's full name is not a firm's (the recogniser's guess on one new word is weaker)
    if not _collective(r, noun, tok):
        definition(r, tok, noun, noun, False, "kind-before-name")


def _title_of(words_of_role: Span) -> str:
    """A role's words as a relation's name, its head by its lemma: "co-chairman", "chief executive"."""
    return (words_of_role[:-1].text_with_ws + words_of_role[-1].lemma_).lower()


def _nationality(r: Reader, tok: Token) -> bool:
    """'Iranian' in 'Iranian President': an adjective of a people says where, not what body, a role is in."""
    return tok.pos_ == "ADJ" and r.pack.entity_classes.get(r.span_of[tok.i][1]) == "Group"


def _runs(tokens: list[Token]) -> list[list[Token]]:
    """Tokens grouped into runs of neighbours, a hyphen between them allowed ('chief', 'executive' |
    'co', 'chairman' | 'Mr')."""
    out: list[list[Token]] = []
    for tok in tokens:
        if out and (out[-1][-1].i == tok.i - 1 or (out[-1][-1].i == tok.i - 2 and tok.nbor(-1).text == "-")):
            out[-1].append(tok)
        else:
            out.append([tok])
    return out


def _flat_title(r: Reader, name: Token, run: list[Token]) -> None:
    """'Globex chief executive Ana Costa' parsed flat, each word on the name: the words together are the
    role, and a name just before them is where it is held."""
    role = run[-1]
    words_of_role = r.doc[run[0].i : role.i + 1]
    subject = r.argument(name)
    r.add(
        subject,
        JOB_TITLE if is_title(role) else IS_A,
        r.mention(words_of_role, "concept", "Concept", role),
        [*run, name],
        "title-before-name",
    )
    before = r.doc[run[0].i - 1] if run[0].i > 0 else None
    if (
        before is not None
        and r.is_name(before)
        and not _nationality(r, before)
        and role.lemma_.lower() in words.ROLES_HELD_IN
    ):
        r.add(
            subject,
            relation(f"{_title_of(words_of_role)} of"),
            r.entity(before),
            [before, *run, name],
            "title-before-name-affiliation",
        )


def name_in_place(r: Reader, tok: Token) -> None:
    """'makers like Lenovo in China and Aquarius in Russia' -> (Aquarius, be located in, Russia): a place hung
    by "in" on an organisation's or an event's name (not on a verb or a noun) says where it is ("the 2006
    Gadget Fair in Las Vegas")."""
    if (
        tok.lower_ != words.IN
        or tok.dep_ != r.syntax.preposition
        or not r.is_name(tok.head)
        or _name_class(r, tok.head) not in ("Organization", "Event")
    ):
        return
    place = next(
        (t for prep, t in r.syntax.objects_of(tok.head) if prep.i == tok.i and r.is_place(t)),
        None,
    )
    if place is not None:
        r.add(r.entity(tok.head), relation(words.LOCATED_IN), r.entity(place), [tok.head, tok, place], "name-in-place")


def _name_class(r: Reader, tok: Token) -> str | None:
    """The class a name's head word gives it ("... Show" is an event, "... University" an organisation),
    else the recogniser's."""
    span, label = r.span_of[tok.i]
    by_head = next((cls for cls, heads in words.NAME_HEADS.items() if span[-1].lower_ in heads), None)
    return by_head or r.pack.entity_classes.get(label)


def possessive(r: Reader, tok: Token) -> None:
    """'Meta's Reality Labs' -> (Meta, has, Reality Labs) when both are names; a place's is in it:
    'Leeds's Royal Armouries' -> (Royal Armouries, be located in, Leeds) (its people and peoples are not
    its belongings: 'Britain's Ana Costa' says nothing here)."""
    if tok.dep_ != r.syntax.possessive:
        return
    owner = tok
    owned = tok.head
    if not r.is_name(owned):
        _owners_product(r, owner, owned)
        return
    if owner.i not in r.span_of or r.span_of[owned.i][0] is r.span_of[owner.i][0]:
        return
    if r.span_of[owner.i][1] not in r.pack.place_labels:
        r.add(r.argument(owner), HAS, r.entity(owned), [owner, owned], "possessive", False)
    elif r.pack.entity_classes.get(r.span_of[owned.i][1]) not in ("Person", "Group"):
        r.add(r.entity(owned), relation(words.LOCATED_IN), r.argument(owner), [owner, owned], "possessive", False)


def _owners_product(r: Reader, owner: Token, noun: Token) -> None:
    """'Halcyon's tiny QX5 camcorder', 'its Rover Pro gaming console' -> (Halcyon, make, QX5): a product's name
    on a class noun of products that a firm possesses ("its", or a name the recogniser calls an organisation:
    a person's car is theirs, not their make), the name one the recogniser calls a product or none."""
    if noun.pos_ != "NOUN" or r.lexicon.noun_class.get(noun.lemma_.lower()) != "Product":
        return
    name = max(
        (c for c in noun.lefts if c.dep_ in r.syntax.name_modifiers and r.is_name(c) and c.i > owner.i),
        key=lambda c: c.i,
        default=None,
    )
    if name is not None and r.pack.entity_classes.get(r.span_of[name.i][1]) not in (None, "Product"):
        return  # "its Sony camera": a firm's name on the noun is the maker's, not the product's
    if name is not None and (
        owner.lower_ == words.ITS
        or (owner.i in r.span_of and r.pack.entity_classes.get(r.span_of[owner.i][1]) == "Organization")
    ):
        r.add(r.argument(owner), relation("make"), r.entity(name), [owner, name, noun], "possessive-product")


def based_in(r: Reader, tok: Token) -> None:
    """'Paris-based Euronext' -> (Euronext, based in, Paris): a place hyphened (or written) onto "based" before
    a name ("New York based firm Giant Software", the place's name just before "based")."""
    if tok.lower_ != words.ORIGIN_SUFFIX or tok.dep_ not in r.syntax.kind_modifiers or not r.is_name(tok.head):
        return
    place = next((c for c in tok.lefts if r.is_place(c)), None)
    before = r.doc[tok.i - 1] if tok.i > 0 else None
    if place is None and before is not None and r.is_place(before):
        place = before
    if place is not None:
        r.add(r.entity(tok.head), BASED_IN, r.entity(place), [place, tok, tok.head], "based-modifier")
