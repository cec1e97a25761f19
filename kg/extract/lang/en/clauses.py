"""English clause constructions: subject-predicate-object statements read off a verb.

Active and passive verbs with their subjects and objects (and conjuncts and examples "such as" them; a
gerund after a preposition shares its verb's subject: "before joining X, she ..."), control verbs
("refused to invest in") and nouns of intention ("a deal to buy X"), prepositional objects, roles given
or held ("named her CFO", "hired her as its CFO", "served as CFO of X"), sales ("sold X to Y": Y buys
X), possessed attributes measured by a value ("Microsoft's market value soared to $2.5 trillion"), the
names a speaker talked about ("LeCun said ChatGPT is ..."), and roles held in a name ("the CEO of
OpenAI"). Dates attached to a clause qualify its statements; negation is flagged.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lang.en import words
from kg.extract.lang.en.definitions import definition, role_name
from kg.extract.reader import Reader, relation
from kg.extract.spans import is_title
from kg.records import Argument, Literal

__all__ = ["clause", "intended", "role_held_in", "competition_from"]


def clause(r: Reader, verb: Token) -> None:
    """The statements of the clause a verb heads (auxiliaries and open complements are read with theirs)."""
    syntax = r.syntax
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in syntax.auxiliary or verb.dep_ == syntax.open_complement:
        return
    subjects, passive = r.subjects(verb)
    if not subjects:
        return
    negated = r.negated(verb)
    when = r.date_of(verb)
    label = r.verb_label(verb)
    if verb.lemma_ == words.COPULA and not passive:
        if verb.morph.get("VerbForm", []) == ["Inf"] and not any(c.dep_ in syntax.auxiliary for c in verb.children):
            return  # "be it a document or e-mail": a subjunctive says what may be, of nothing named
        for attr in r.expand([c for c in verb.children if c.dep_ in syntax.attribute]):
            for subj in subjects:
                if subj.lower_ in words.EVENT_PRONOUNS and attr.lemma_.lower() in words.EVENT_NOUNS:
                    continue  # "It is the first time ...", "It was a way to cut costs": what happened, not a thing
                definition(r, subj, attr, verb, negated or r.negated(attr), "copula")
        return
    objects = r.expand([c for c in verb.children if c.dep_ in syntax.object])
    if passive:
        agents = r.expand(
            [
                g
                for c in verb.children
                if c.dep_ == syntax.agent
                for g in c.children
                if g.dep_ == syntax.preposition_object
            ]
        )
        for agent in agents:
            for patient in subjects:
                r.add(
                    r.argument(agent),
                    relation(label),
                    r.argument(patient),
                    [agent, verb, patient],
                    "passive",
                    negated,
                    when,
                )
        label = " ".join([words.COPULA, verb.lower_, *r.particles(verb)])  # "was brought up in", "was
        # awarded (two contracts)": the subject is the one acted on or given to
    _appointed(r, subjects if passive else objects, verb, negated, passive)
    if not passive and not objects:
        _served_as(r, subjects, verb, negated)
    _sold(r, verb, subjects if passive else objects, "", negated, when)
    if verb.lemma_ in words.SPEECH:
        _speech_topics(r, subjects, verb, negated)
    for obj in objects:
        _price(r, verb, obj, negated, when)
    for subj in subjects:
        subject = r.argument(subj)
        for obj in objects:
            obj_negated = negated or r.negated(obj)
            r.add(subject, relation(label), r.argument(obj), [subj, verb, obj], "verb-object", obj_negated, when)
            _stake(r, subject, subj, verb, obj, obj_negated, when)
            _object_figure(r, subject, subj, verb, obj, label, obj_negated, when)
        if _measured_attribute(r, subj, verb, label, negated, when):
            continue
        if not objects:
            _prepositional(r, subject, subj, verb, label, negated, when, "verb-preposition")
        if objects and verb.lemma_ in words.OBJECT_CONTROL:
            continue  # "chose Leeds to host", "asked her to run": the object does what the infinitive says
        for comp in (c for c in verb.children if c.dep_ == syntax.open_complement and c.pos_ in ("VERB", "AUX")):
            prefix = "" if verb.lemma_ in words.ASPECTUAL else f"{label} {words.TO} "
            _to_do(r, subject, subj, verb, comp, prefix, negated or r.negated(comp), r.date_of(comp) or when)


def _to_do(
    r: Reader,
    subject: Argument | None,
    subj: Token,
    via: Token,
    act: Token,
    prefix: str,
    negated: bool,
    when: Literal | None,
) -> None:
    """What a subject goes on, means or agrees to do, `act` (a control verb's complement, a noun of
    intention's infinitive, reached through `via`): its objects, a sale it makes, else its prepositional
    objects, each under `prefix` and the act's verb ("refuse to invest in", "deal to buy")."""
    label = prefix + r.verb_label(act)
    objects = r.expand([c for c in act.children if c.dep_ in r.syntax.object])
    for obj in objects:
        r.add(subject, relation(label), r.argument(obj), [subj, via, act, obj], "control", negated, when)
    _sold(r, act, objects, prefix, negated, when)
    if not objects:
        _prepositional(r, subject, subj, act, label, negated, when, "control")


def intended(r: Reader, verb: Token) -> None:
    """'Globex announced a deal to buy Initech', 'Globex's bid to buy Initech': the to-infinitive of a noun
    of intention says what the one who has it (the subject of the verb it is the object of, or its
    possessor) means to do -> (Globex, deal to buy, Initech)."""
    syntax, noun = r.syntax, verb.head
    if (
        verb.dep_ not in (syntax.clausal_modifier, syntax.relative_clause)
        or not syntax.infinitive(verb)
        or noun.lemma_.lower() not in words.INTENTION_NOUNS
    ):
        return
    holders = [c for c in noun.children if c.dep_ == syntax.possessive]
    if not holders and noun.dep_ in syntax.object:
        holders, passive = r.subjects(noun.head)
        if passive:
            return
    prefix = f"{noun.lemma_.lower()} {words.TO} "
    negated, when = r.negated(noun.head) or r.negated(verb), r.date_of(verb) or r.date_of(noun.head)
    holders = r.expand(holders)
    for holder in holders:
        _to_do(r, r.argument(holder), holder, noun, verb, prefix, negated, when)
    if not holders:  # "a deal to sell X to Y": the buyer is named though the seller is not
        _sold(r, verb, r.expand([c for c in verb.children if c.dep_ in syntax.object]), prefix, negated, when)


def _stake(
    r: Reader, subject: Argument | None, subj: Token, verb: Token, obj: Token, negated: bool, when: Literal | None
) -> None:
    """'Siemens, which owns 8% of Vantage', 'bought a 10% stake in Vantage' -> (Siemens, own stake in,
    Vantage): a share of a named company held or taken (the share itself stays in the verb's object)."""
    if verb.lemma_.lower() not in words.STAKE_VERBS:
        return
    share = obj.i in r.span_of and r.span_of[obj.i][1] == "PERCENT"
    if not share and obj.lemma_.lower() not in words.STAKE_NOUNS:
        return
    for prep in (c for c in obj.children if c.dep_ == r.syntax.preposition and c.lower_ in words.STAKE_PREPOSITIONS):
        for held in (g for g in prep.children if g.dep_ == r.syntax.preposition_object and r.is_name(g)):
            r.add(
                subject,
                relation(f"{r.verb_label(verb)} stake in"),
                r.entity(held),
                [subj, verb, obj, held],
                "verb-object",
                negated,
                when,
            )


def _price(r: Reader, verb: Token, item: Token, negated: bool, when: Literal | None) -> None:
    """'Globex bought Initech for £20m' -> (Initech, be bought for, £20m)."""
    label = words.PRICED.get(verb.lemma_.lower())
    if label is None:
        return
    for prep in (
        c for t in (verb, item) for c in t.children if c.dep_ == r.syntax.preposition and c.lower_ == words.FOR
    ):
        for amount in (g for g in prep.children if g.dep_ == r.syntax.preposition_object):
            price = r.argument(amount)
            if isinstance(price, Literal) and price.kind == "Money":
                r.add(
                    r.argument(item), relation(label), price, [verb, item, prep, amount], "verb-object", negated, when
                )


def _served_as(r: Reader, subjects: list[Token], verb: Token, negated: bool) -> None:
    """'served as chief executive of Globex', 'stepped down as CEO', 'worked as an engineer at Initech':
    the subject held the role (the verb says when or how, not whether)."""
    roles = [
        g
        for g in r.preposition_objects(verb, words.AS)
        if is_title(g) or r.lexicon.noun_class.get(g.lemma_.lower()) == "Person"
    ]
    for role in roles:
        for subj in subjects:
            definition(r, subj, role, verb, negated, "role-as")


def _sold(r: Reader, verb: Token, goods: list[Token], prefix: str, negated: bool, when: Literal | None) -> None:
    """'sold Ekaterra to CVC', 'Ekaterra was sold to CVC' -> (CVC, buy, Ekaterra); 'agreed to sell X to Y'
    -> (Y, agree to buy, X): the one sold to is the buyer."""
    if verb.lemma_ != words.SELL:
        return
    buyers = r.expand(r.preposition_objects(verb, words.TO))
    for buyer in buyers:
        for item in goods:
            r.add(
                r.argument(buyer),
                relation(f"{prefix}{words.BUY}"),
                r.argument(item),
                [verb, buyer, item],
                "sale",
                negated,
                when,
            )


def _appointed(r: Reader, holders: list[Token], verb: Token, negated: bool, passive: bool) -> None:
    """'named Ana Costa its new CFO', 'hired Ana Costa as its CFO', 'Ana Costa was appointed (as) CFO':
    the complement is the role its holder (the object, or the passive subject) takes."""
    roles = [c for c in verb.children if c.dep_ == r.syntax.object_predicate]
    if verb.lemma_ in words.APPOINTING:
        roles += [g for g in r.preposition_objects(verb, words.AS) if g.pos_ == "NOUN"]
    if passive:  # "a unit called Google DeepMind" gives the unit a name, not a role
        roles = [role for role in roles if not r.is_name(role)]
    for role in roles:
        for holder in holders:
            definition(r, holder, role, verb, negated, "object-complement")


def _speech_topics(r: Reader, speakers: list[Token], verb: Token, negated: bool) -> None:
    """'LeCun commented: "ChatGPT is nothing innovative"' -> (LeCun, comment on, ChatGPT)."""
    syntax = r.syntax
    for said in (c for c in verb.children if c.dep_ in syntax.reported and c.pos_ in ("VERB", "AUX")):
        for topic in r.expand([c for c in said.children if c.dep_ in syntax.nominal_subject]):
            if r.is_name(topic):
                for speaker in speakers:
                    r.add(
                        r.argument(speaker),
                        relation("comment on"),
                        r.entity(topic),
                        [speaker, verb, topic],
                        r.topic_pattern(verb),
                        negated,
                    )


def _prepositional(
    r: Reader,
    subject: Argument | None,
    subj: Token,
    verb: Token,
    label: str,
    negated: bool,
    when: Literal | None,
    pattern: str,
) -> None:
    syntax = r.syntax
    dates = []
    for prep in (c for c in verb.children if c.dep_ in syntax.verb_prepositions):
        for pobj in r.expand([g for g in prep.children if g.dep_ == syntax.preposition_object]):
            if r.is_date(pobj):
                dates.append((prep, pobj))
                continue
            if prep.lower_ in words.CIRCUMSTANCES:
                continue
            r.add(
                subject,
                relation(f"{label} {prep.lower_}"),
                r.argument(pobj),
                [subj, verb, prep, pobj],
                pattern,
                negated,
                when,
            )
    if (
        dates
        and len(dates) == len([c for c in verb.children if c.dep_ in syntax.verb_prepositions])
        and verb.lemma_ not in words.PRO_VERBS
        and not any(c.dep_ in syntax.reported or c.dep_ == syntax.open_complement for c in verb.children)
        and (verb.dep_ != syntax.relative_clause or subj.lower_ in r.lexicon.relative_pronouns)
    ):  # "Globex floated in 2003", "was jailed for 14 years": all the clause says is when, or how long (not
        # "the deals it made over two years", whose object is the noun it describes; not "did so in 2002")
        for prep, date in dates:
            r.add(
                subject,
                relation(f"{label} {prep.lower_}"),
                r.argument(date),
                [subj, verb, prep, date],
                "verb-date",
                negated,
            )


def _object_figure(
    r: Reader,
    subject: Argument | None,
    subj: Token,
    verb: Token,
    obj: Token,
    label: str,
    negated: bool,
    when: Literal | None,
) -> None:
    """'Globex overstated its profits by $11bn', 'raised its prices by 5%': a figure by which or to which
    the verb changed its object is the subject's, said with the object's head noun."""
    syntax = r.syntax
    if obj.pos_ != "NOUN" or r.is_name(obj) or obj.i in r.span_of:
        return
    head = words.PLURAL_FIGURES.get(obj.lemma_.lower(), obj.lemma_.lower())
    for prep, target in syntax.objects_of(verb):
        if prep.lower_ not in words.FIGURE_CHANGE_PREPOSITIONS:
            continue
        value = r.argument(target)
        if isinstance(value, Literal) and value.kind != "Date":
            r.add(
                subject,
                relation(f"{label} {head} {prep.lower_}"),
                value,
                [subj, verb, obj, prep, target],
                "object-figure",
                negated,
                when,
            )


def _measured_attribute(r: Reader, subj: Token, verb: Token, label: str, negated: bool, when: Literal | None) -> bool:
    """'Microsoft's market value soared to $2.5 trillion' -> (Microsoft, market value soar to, ...); the
    owner may follow ('profits at Globex jumped 76%', 'shares in Initech fell 3%')."""
    syntax = r.syntax
    owner = next((c for c in subj.children if c.dep_ == syntax.possessive), None) or next(
        (
            g
            for prep in subj.children
            if prep.dep_ == syntax.preposition and prep.lower_ in words.FIGURE_OWNER_PREPOSITIONS
            for g in prep.children
            if g.dep_ == syntax.preposition_object and r.is_name(g)
        ),
        None,
    )
    if owner is None or subj.i in r.span_of or subj.pos_ != "NOUN":
        return False
    found = False
    head = words.PLURAL_FIGURES.get(subj.lemma_.lower(), subj.lemma_.lower())  # "sales", not "sale"
    attribute = " ".join([*(t.lower_ for t in subj.lefts if t.dep_ in syntax.kind_modifiers), head])
    targets = [(c, None) for c in verb.children if c.dep_ in syntax.object | syntax.temporal] + [  # "rose 5%"
        (obj, prep) for prep, obj in syntax.objects_of(verb)
    ]
    for target, prep in targets:
        value = r.argument(target)
        if isinstance(value, Literal) and value.kind != "Date":
            text = f"{attribute} {label}" + (f" {prep.lower_}" if prep is not None else "")
            r.add(
                r.argument(owner),
                relation(text),
                value,
                [owner, subj, verb, target],
                "measured-attribute",
                negated,
                when,
            )
            found = True
    return found


def competition_from(r: Reader, noun: Token) -> None:
    """'Zentrix faces competition from firms such as Google and Apple': the subject competes with each name
    the competition comes from."""
    syntax = r.syntax
    if noun.lemma_.lower() not in words.COMPETITION or noun.dep_ not in syntax.object:
        return
    verb = noun.head
    subjects, passive = r.subjects(verb)
    if passive:
        return
    rivals = [obj for prep, obj in (*syntax.objects_of(noun), *syntax.objects_of(verb)) if prep.lower_ == words.SOURCE]
    negated = r.negated(verb)
    for subj in subjects:
        for rival in (t for t in r.expand(rivals) if r.is_name(t)):
            r.add(
                r.argument(subj),
                relation("compete with"),
                r.entity(rival),
                [subj, verb, noun, rival],
                "competition",
                negated,
                r.date_of(verb),
            )


def role_held_in(r: Reader, tok: Token) -> None:
    """'the CEO of OpenAI', 'an engineer at Initech': a role held in a name, noted whether or not its
    holder is named (the resolver decides which roles say what type the name is)."""
    syntax = r.syntax
    prep = tok.head
    if (
        tok.dep_ != syntax.preposition_object
        or prep.lower_ not in words.ROLE_PREPOSITIONS
        or prep.dep_ != syntax.preposition
        or not r.is_name(tok)
    ):
        return
    span = r.span_of[tok.i][0]
    if tok.i == span.root.i and (prep.head.pos_ == "NOUN" or is_title(prep.head)):
        name = r.trim(span, name=True)
        r.roles.append((f"{role_name(prep.head)} {prep.lower_}", name.text, r.offset + name.start_char))
