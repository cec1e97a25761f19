"""Portuguese constructions, read off a Universal Dependencies parse.

Clauses: subject, verb and object ("A Meta contratou Yann LeCun"), an object clitic ("contratou-o": the
"-o" is a pronoun), the passive with its agent ("foi contratado pela Meta": Meta contratar LeCun),
prepositional objects ("investiu em X"), open complements ("decidiu investir em X"), roles given
("contratou-a como diretora"), sales ("vendeu X à Y": Y comprar X) and the names a speaker talked about.
Definitions: the copula ("O LLaMA é um modelo de código aberto"), apposition ("Yann LeCun, o cientista-
chefe da Meta"), with the roles and affiliations they carry; possessives between names ("o Reality Labs
da Meta"); roles held in a name ("o diretor-executivo da Meta"). A contraction of preposition and article
is read as the preposition ("pela": por). Negation ("não", "nunca") is flagged.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from kg.extract.lang.pt import words
from kg.extract.origins import state_origin
from kg.extract.reader import HAS, IS_A, JOB_TITLE, Reader
from kg.extract.reader import relation as own_relation
from kg.extract.spans import is_title
from kg.records import Argument, Literal, Mention, Predicate

__all__ = ["clause", "copula", "appositive", "possessive", "role_held_in", "examples"]

_GLOSSARY = {**words.VERBS, **words.PREPOSITIONS, **words.ROLES}
_LONGEST = max(len(phrase.split()) for phrase in _GLOSSARY)


def english(label: str) -> str | None:
    """'trabalhar para' -> 'work for', 'diretor-executivo de' -> 'chief executive of': the English phrase
    when every word of the label is in the glossary, else None."""
    pieces, rest, verb_before = [], label.split(), False
    while rest:
        size = next((n for n in range(min(_LONGEST, len(rest)), 0, -1) if " ".join(rest[:n]) in _GLOSSARY), 0)
        if not size:
            return None
        phrase = " ".join(rest[:size])
        verb = phrase in words.VERBS
        if verb and verb_before:
            pieces.append("to")  # "querer competir": "want to compete", an infinitive after a verb
        pieces.append(_GLOSSARY[phrase])
        rest, verb_before = rest[size:], verb
    return " ".join(pieces)


def _inverse(label: str) -> str | None:
    """'contratar' -> 'contratado por', 'fundador de' -> 'fundado por': the phrase read the other way round."""
    if label in words.INVERSES:
        return words.INVERSES[label]
    if " " in label or label[-2:] not in ("ar", "er", "ir"):
        return None
    participle = words.PARTICIPLES.get(label) or label[:-2] + ("ado" if label.endswith("ar") else "ido")
    return f"{participle} por"


def relation(label: str) -> Predicate:
    """The relation a Portuguese phrase states: the English phrase's property where the glossary knows every
    word ("contratar" is rel:hire, in the hire family), the phrase itself kept as what was said (and, for when
    the statement is turned round, as it reads the other way: "contratado por")."""
    meaning = english(label)
    if meaning is None:
        return own_relation(label)
    return replace(own_relation(meaning), said=label, said_inverse=_inverse(label), lang="pt")


def _preposition(prep: Token) -> str:
    """'pela' -> 'por', 'da' -> 'de': the preposition of a contraction."""
    return words.CONTRACTIONS.get(prep.lower_, prep.lower_)


def _office(word: Token, role: Token) -> Predicate:
    """A role held in a country as a relation: "o presidente iraniano" is presidente do Irã."""
    return relation(f"{role.lemma_.lower()} de")


def _role_name(noun: Token) -> str:
    """'diretor financeiro' -> 'diretor financeiro': the role noun with the adjectives after it."""
    head = noun.text if noun.text.isupper() else noun.lemma_.lower()
    return " ".join([head, *(c.lower_ for c in noun.rights if c.dep_ == "amod")])


def _clitic(r: Reader, verb: Token) -> Mention | None:
    """'-o' in 'contratou-o': the object pronoun written onto its verb."""
    found = words.CLITICS.search(verb.text)
    if found is None:
        return None
    label = r.lexicon.pronoun_classes.get(found.group(1).lower())
    return r.part_mention(verb, found.start(1), found.end(1), "pronoun", label) if label else None


_PRETERITE = (("ou", "ar"), ("eu", "er"), ("iu", "ir"))  # "comprou" -> "comprar"


def _verb_label(r: Reader, verb: Token) -> str:
    """The verb's lemma; for a verb written with a clitic, which the lemmatiser reads poorly, the infinitive
    of its form without the clitic ("comprou-o" -> "comprar"), a reflexive kept ("voltou-se" -> "voltar-se")."""
    clitic = words.CLITICS.search(verb.text) or words.REFLEXIVE.search(verb.text)
    if clitic is None:
        return r.verb_label(verb)
    bare = verb.text[: clitic.start()].lower()
    infinitive = next(
        (bare[: -len(ending)] + ending_of for ending, ending_of in _PRETERITE if bare.endswith(ending)), bare
    )
    return infinitive + ("-se" if words.REFLEXIVE.search(verb.text) else "")


def clause(r: Reader, verb: Token) -> None:
    """The statements of the clause a (non-auxiliary) verb heads."""
    syntax = r.syntax
    if verb.pos_ != "VERB" or verb.dep_ in syntax.auxiliary or verb.dep_ == syntax.open_complement:
        return
    subjects, passive = r.subjects(verb)
    if not subjects and _unsaid_subject(verb):
        subjects = [verb]  # "Em 2013, contratou Yann LeCun": the subject of the last sentence, read at the verb
    elif not subjects and _reported_without_subject(r, verb):
        subjects = r.subjects(verb.head)[0]  # "Zuckerberg afirmou que formou uma equipe": he formed it
    if not subjects:
        return
    negated, when, label = r.negated(verb), r.date_of(verb), _verb_label(r, verb)
    objects: list[tuple[Token, Argument | None]] = [
        (o, r.argument(o)) for o in r.expand([c for c in verb.children if c.dep_ in syntax.object])
    ]
    clitic = _clitic(r, verb)
    if clitic is not None:
        objects.append((verb, clitic))
    agents = _agents(r, verb) if passive else []
    if passive:
        for agent in r.expand(agents):
            for patient in subjects:
                r.add(
                    r.argument(agent),
                    relation(label),
                    _subject(r, patient, verb),
                    [agent, verb, patient],
                    "passive",
                    negated,
                    when,
                )
        objects, label = [], f"ser {verb.lower_}"
    _appointed(r, subjects if passive else [], verb, negated)
    if verb.lemma_.lower() == words.SELL:
        goods = [_subject(r, s, verb) for s in subjects] if passive else [arg for _, arg in objects]
        _sold(r, verb, goods, negated, when)
    if verb.lemma_.lower() in words.SPEECH:
        _speech_topics(r, subjects, verb, negated)
    for subj in subjects:
        if _measured_attribute(r, subj, verb, label, negated, when):
            continue
        subject = _subject(r, subj, verb)
        for obj, arg in objects:
            r.add(subject, relation(label), arg, [subj, verb, obj], "verb-object", negated, when)
        if not objects:
            _prepositional(r, subject, subj, verb, label, negated, when, "verb-preposition", agents)
        for comp in _complements(r, verb):
            comp_label = (
                r.verb_label(comp) if verb.lemma_.lower() in words.ASPECTUAL else f"{label} {r.verb_label(comp)}"
            )
            comp_negated, comp_when = negated or r.negated(comp), r.date_of(comp) or when
            comp_objects = r.expand([c for c in comp.children if c.dep_ in syntax.object])
            for obj in comp_objects:
                r.add(
                    subject,
                    relation(comp_label),
                    r.argument(obj),
                    [subj, verb, comp, obj],
                    "control",
                    comp_negated,
                    comp_when,
                )
            if not comp_objects:
                _prepositional(r, subject, subj, comp, comp_label, comp_negated, comp_when, "control")


def _complements(r: Reader, verb: Token) -> list[Token]:
    """The infinitives a verb governs: its open complements, and an infinitive after "a" the parser hung as an
    oblique ("recusou-se a investir")."""
    return [
        c
        for c in verb.children
        if c.pos_ == "VERB"
        and (
            c.dep_ == r.syntax.open_complement
            or (
                c.dep_ in r.syntax.verb_prepositions
                and "Inf" in c.morph.get("VerbForm", [])
                and any(m.dep_ == "mark" and m.lower_ in words.INFINITIVE_MARKS for m in c.children)
            )
        )
    ]


def _personal(verb: Token) -> bool:
    """A finite verb that takes a subject: not "se" ("pode-se dizer" has no one to point at) nor one that
    takes none ("há", "é possível")."""
    finite = (
        "Fin" in verb.morph.get("VerbForm", [])
        if verb.morph.get("VerbForm", [])
        else verb.lemma_.lower() != verb.lower_
    )
    return (
        finite
        and verb.lemma_.lower() not in words.IMPERSONAL
        and not any(c.lower_ == "se" for c in verb.children)
        and not words.REFLEXIVE.search(verb.text)
    )


def _unsaid_subject(verb: Token) -> bool:
    """A finite verb of a main clause with no subject."""
    return verb.dep_ == "ROOT" and _personal(verb)


def _reported_without_subject(r: Reader, verb: Token) -> bool:
    """A finite verb with no subject in what a verb with one says or thinks ("Zuckerberg afirmou que formou
    uma equipe"): Portuguese leaves out a subject that is the speaker's."""
    return (
        verb.dep_ in r.syntax.reported
        and verb.head.pos_ == "VERB"
        and _personal(verb)
        and verb.head.lemma_.lower() in words.REPORTING
    )


def _subject(r: Reader, subj: Token, verb: Token) -> Argument | None:
    """What a subject token stands for; the verb itself stands for a subject left unsaid."""
    return r.null_subject(verb) if subj is verb else r.argument(subj)


def _agents(r: Reader, verb: Token) -> list[Token]:
    """Who did what a passive verb says: its agent, or a name after "por" the parser did not mark as one
    ("a cimeira realizada pela Casa Branca")."""
    syntax = r.syntax
    marked = [noun for _, noun in syntax.objects_of(verb, frozenset({syntax.agent}))]
    return marked or [
        noun
        for prep, noun in syntax.objects_of(verb, syntax.verb_prepositions)
        if _preposition(prep) == words.AGENT_PREPOSITION and r.is_name(noun)
    ]


def _prepositional(
    r: Reader,
    subject: Argument | None,
    subj: Token,
    verb: Token,
    label: str,
    negated: bool,
    when: Literal | None,
    pattern: str,
    agents: list[Token] | None = None,
) -> None:
    for prep, noun in r.syntax.objects_of(verb, r.syntax.verb_prepositions):
        if _preposition(prep) in words.AS or noun in (agents or ()) or _preposition(prep) in words.CIRCUMSTANCES:
            continue  # "como diretora": a role, read by _appointed; the agent, read as the subject
        for obj in r.expand([noun]):
            if not r.is_date(obj):
                r.add(
                    subject,
                    relation(f"{label} {_preposition(prep)}"),
                    r.argument(obj),
                    [subj, verb, prep, obj],
                    pattern,
                    negated,
                    when,
                )


def _owner(r: Reader, tok: Token) -> Argument | None:
    """Whose a thing is: a name, or a possessive determiner ("seu lucro") as a pronoun that points back."""
    if tok.lower_ in words.POSSESSIVE_PRONOUNS:
        return r.mention(r.doc[tok.i : tok.i + 1], "pronoun", r.lexicon.pronoun_classes.get(tok.lower_, "Any"), tok)
    return r.argument(tok)


def _measured_attribute(r: Reader, subj: Token, verb: Token, label: str, negated: bool, when: Literal | None) -> bool:
    """'o valor de mercado da Microsoft subiu para US$ 2,5 trilhões' -> (Microsoft, valor de mercado subir
    para, 2500000000000 USD); 'seu lucro líquido caiu 41%': whose the measure is, and the value."""
    if (
        subj.pos_ != "NOUN"
        or subj.i in r.span_of
        or any(c.dep_ == r.syntax.apposition and r.is_name(c) for c in subj.children)
    ):
        return False  # "sua divisão, Reality Labs, perderá ...": a thing with a name, not a measure
    syntax = r.syntax
    owners = [noun for prep, noun in syntax.objects_of(subj) if _preposition(prep) == "de" and r.is_name(noun)]
    owners += [c for c in subj.children if c.lower_ in words.POSSESSIVE_PRONOUNS]
    if not owners:
        return False
    described = [
        noun
        for prep, noun in syntax.objects_of(subj)
        if _preposition(prep) == "de" and noun not in owners and not r.is_name(noun)
    ]
    attribute = " ".join(
        [
            subj.lemma_.lower(),
            *(c.lower_ for c in subj.rights if c.dep_ == "amod"),
            *(f"de {noun.lemma_.lower()}" for noun in described),
        ]
    )
    bare = [
        c
        for c in verb.children
        if c.dep_ in syntax.object
        or (  # "caiu 41%": a measure with no preposition
            c.dep_ in syntax.verb_prepositions and syntax.preposition_of(c, syntax.verb_prepositions) is None
        )
    ]
    targets = [(c, None) for c in bare] + [
        (noun, prep) for prep, noun in syntax.objects_of(verb, syntax.verb_prepositions)
    ]
    found = False
    for target, prep in targets:
        value = r.argument(target)
        if isinstance(value, Literal) and value.kind != "Date":
            text = f"{attribute} {label}" + (f" {_preposition(prep)}" if prep is not None else "")
            r.add(
                _owner(r, owners[0]),
                relation(text),
                value,
                [owners[0], subj, verb, target],
                "measured-attribute",
                negated,
                when,
            )
            found = True
    return found


def _appointed(r: Reader, passive_holders: list[Token], verb: Token, negated: bool) -> None:
    """'contratou Ana Costa como diretora', 'Ana Costa foi nomeada diretora da Globex': the holder (the
    object, or the passive subject) takes the role."""
    if verb.lemma_.lower() not in words.APPOINTING:
        return
    syntax = r.syntax
    holders = passive_holders or [c for c in verb.children if c.dep_ in syntax.object]
    roles = [noun for prep, noun in syntax.objects_of(verb, syntax.verb_prepositions) if _preposition(prep) in words.AS]
    roles += [c for c in verb.children if c.dep_ == syntax.object_predicate and c.pos_ == "NOUN"]
    for role in roles:
        for holder in holders:
            definition(r, holder, role, verb, negated, "object-complement")


def _sold(r: Reader, verb: Token, goods: list[Argument | None], negated: bool, when: Literal | None) -> None:
    """'a Unilever vendeu a Ekaterra à CVC' -> (CVC, comprar, Ekaterra): the one sold to is the buyer."""
    buyers = [
        noun
        for prep, noun in r.syntax.objects_of(verb, r.syntax.verb_prepositions)
        if _preposition(prep) in ("a", "para")
    ]
    for buyer in r.expand(buyers):
        for item in goods:
            r.add(r.argument(buyer), relation(words.BUY), item, [verb, buyer], "sale", negated, when)


def _speech_topics(r: Reader, speakers: list[Token], verb: Token, negated: bool) -> None:
    """'LeCun disse que o ChatGPT não é inovador' -> (LeCun, comentar sobre, ChatGPT)."""
    syntax = r.syntax
    for said in (c for c in verb.children if c.dep_ in syntax.reported):
        topics = [c for c in said.children if c.dep_ in syntax.nominal_subject]
        for topic in r.expand(topics):
            if r.is_name(topic):
                for speaker in speakers:
                    r.add(
                        _subject(r, speaker, verb),
                        relation("comentar sobre"),
                        r.entity(topic),
                        [speaker, verb, topic],
                        r.topic_pattern(verb),
                        negated,
                    )


def definition(r: Reader, subj: Token, noun: Token, anchor: Token, negated: bool, pattern: str) -> None:
    """'X é um N', 'X, o N de Y', 'X é um dos N de Y': what X is, and where it holds a role."""
    syntax = r.syntax
    subject = r.argument(subj)
    if subject is None or isinstance(subject, Literal):
        return
    role = noun
    if noun.pos_ in ("NUM", "PRON") and (noun.i not in r.span_of or r.span_of[noun.i][1] == "CARDINAL"):
        # "um dos engenheiros da Globex" ("um" may be marked a number)
        role = next((n for prep, n in syntax.objects_of(noun) if _preposition(prep) == "de"), noun)
    if r.is_name(role):
        if role.pos_ == "PROPN":
            r.add(subject, relation("ser"), r.entity(role), [subj, anchor, role], pattern, negated)
        return
    if role.pos_ != "NOUN" and not is_title(role):
        return
    r.add(subject, JOB_TITLE if is_title(role) else IS_A, r.concept(role), [subj, anchor, role], pattern, negated)
    state_origin(r, subject, role, [subj, anchor], _office, pattern, negated)
    for prep, target in syntax.objects_of(role):
        if _preposition(prep) in words.ROLE_PREPOSITIONS and r.is_name(target):
            r.add(
                subject,
                relation(f"{_role_name(role)} {_preposition(prep)}"),
                r.entity(target),
                [subj, anchor, role, target],
                pattern + "-affiliation",
                negated,
            )
    owner = next((c for c in role.children if c.lower_ in words.POSSESSIVE_PRONOUNS), None)
    if owner is not None and role.lemma_.lower() in words.OWNED_ROLES:  # "a sua diretora", "sua divisão"
        r.add(
            subject,
            relation(f"{_role_name(role)} de"),
            r.mention(r.doc[owner.i : owner.i + 1], "pronoun", "Employer", owner),
            [subj, anchor, role, owner],
            pattern + "-possessive",
            negated,
        )


def examples(r: Reader, noun: Token) -> list[Token]:
    """'plataformas como Instagram e WhatsApp': the names given as instances of a common noun; each is stated
    to be one, and each is an argument where the noun is."""
    if noun.pos_ != "NOUN" or noun.i in r.span_of:
        return []
    out = []
    for prep, example in r.syntax.objects_of(noun):
        if prep.lower_ in words.EXAMPLE_PREPOSITIONS:
            for name in (example, *example.conjuncts):
                if r.is_name(name):
                    out.append(name)
                    r.add(r.entity(name), IS_A, r.concept(noun), [noun, prep, name], "example", False)
    return out


def copula(r: Reader, tok: Token) -> None:
    """'O LLaMA é um modelo de código aberto': the predicate noun heads the clause, with the copula under it."""
    cop = next((c for c in tok.children if c.dep_ == "cop"), None)
    if cop is None or tok.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
        return
    subjects, _ = r.subjects(tok)
    negated = r.negated(tok)
    for attr in r.expand([tok]):
        for subj in subjects:
            definition(r, subj, attr, cop, negated, "copula")


def appositive(r: Reader, tok: Token) -> None:
    """'Yann LeCun, o cientista-chefe da Meta': the apposition defines the name."""
    if tok.dep_ != r.syntax.apposition:
        return
    for name, noun in r.appositions(tok):
        definition(r, name, noun, tok, False, "appositive")


def possessive(r: Reader, tok: Token) -> None:
    """'o Reality Labs da Meta' -> (Meta, tem, Reality Labs) when both are names."""
    prep = r.syntax.preposition_of(tok)
    if (
        prep is None
        or _preposition(prep) != "de"
        or not r.is_name(tok)
        or not r.is_name(tok.head)
        or tok.i not in r.span_of
        or r.span_of[tok.i][0] is r.span_of[tok.head.i][0]
    ):
        return
    r.add(r.argument(tok), HAS, r.entity(tok.head), [tok.head, tok], "possessive", False)


def role_held_in(r: Reader, tok: Token) -> None:
    """'o diretor-executivo da Meta', 'uma engenheira na Globex': a role held in a name, noted for the
    resolver whether or not its holder is named."""
    prep = r.syntax.preposition_of(tok)
    if (
        prep is None
        or _preposition(prep) not in words.ROLE_PREPOSITIONS
        or not r.is_name(tok)
        or tok.head.pos_ != "NOUN"
    ):
        return
    span = r.span_of[tok.i][0]
    if tok.i == span.root.i:
        name = r.trim(span, name=True)
        role = f"{_role_name(tok.head)} {_preposition(prep)}"
        r.roles.append((english(role) or role, name.text, r.offset + name.start_char))
