"""Portuguese: the pack's constructions on sentences written for the tests, read with kg's Portuguese pipeline."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from test_extract import triples

from kg.config import Settings
from kg.extract import Extractor
from kg.extract import lang as languages
from kg.extract.values import value_of
from kg.ingest import to_document
from kg.ingest.readers import RawText
from kg.resolve import Resolver

PORTUGUESE = languages.get("pt")


def _pipeline() -> str | None:
    configured = os.environ.get("KG_MODEL_PT") or Settings().models.get("pt")
    if configured:
        return configured
    from kg.extract.lang.pt import PIPELINE

    return str(PIPELINE) if (PIPELINE / "config.cfg").is_file() else None


needs_pipeline = pytest.mark.skipif(_pipeline() is None, reason="kg's Portuguese pipeline is not built")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor({**Settings().models, "pt": _pipeline()})


def read(extractor: Extractor, text: str):
    document = to_document(RawText("teste.txt", text))
    assert document.lang == "pt", document.lang
    return Resolver().resolve(extractor.extract(document))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("US$ 13,7 bilhões", "13700000000", "USD"),
        ("R$ 2,5 milhões", "2500000", "BRL"),
        ("80 mil", "80000", None),
        ("41%", "41", "percent"),
    ],
)
def test_values_read_a_decimal_comma_and_portuguese_scale_words(text, value, unit):
    label = "MONEY" if "$" in text else "PERCENT" if "%" in text else "CARDINAL"
    literal = value_of(label, text, PORTUGUESE.value_words)
    assert (literal.value, literal.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value", "datatype"),
    [
        ("16 de novembro de 2021", "2021-11-16", "date"),
        ("março de 2014", "2014-03", "gYearMonth"),
        ("em 2013", "2013", "gYear"),
    ],
)
def test_dates_read_portuguese_month_names(text, value, datatype):
    literal = value_of("DATE", text, PORTUGUESE.value_words)
    assert (literal.value, literal.datatype) == (value, datatype)


@needs_pipeline
@pytest.mark.parametrize(
    ("text", "expected"),
    [  # labels are the relations' English, in the triple's direction
        ("A Globex contratou a engenheira Ana Costa em 2019.", ("Ana Costa", "hired by", "Globex", False)),
        ("Ana Costa foi contratada pela Globex em 2019.", ("Ana Costa", "hired by", "Globex", False)),
        ("A Globex não contratou Pedro Lund.", ("Globex", "hire", "Pedro Lund", True)),
        ("O Nimbus é um serviço de armazenamento.", ("Nimbus", "is a", "serviço de armazenamento", False)),
        (
            "Pedro Lund, o diretor-executivo da Initech, falou ontem com os acionistas.",
            ("Pedro Lund", "chief executive of", "Initech", False),
        ),
        ("A Globex investiu em Lisboa no ano passado.", ("Globex", "invest in", "Lisboa", False)),
        (
            "A receita da Globex caiu 12% em 2022 e seu lucro líquido caiu 41%.",
            ("Globex", "lucro líquido cair", "41", False),
        ),  # whose the measure is, through "seu"
        (
            "A Globex possui hoje várias plataformas de pagamento, como Nimbus e Zentrix.",
            ("Globex", "own", "Zentrix", False),
        ),  # examples
        ("A Initech, que fundou o Nimbus em 2015, contratou Ana Costa.", ("Initech", "found", "Nimbus", False)),
        (
            "A Initech anunciou lucros recordes. O grupo também comprou a Nimbus.",  # "o grupo" points back
            ("Initech", "buy", "Nimbus", False),
        ),
        (
            "O valor de mercado da Initech subiu para US$ 2,5 bilhões.",
            ("Initech", "valor de mercado subir para", "2500000000", False),
        ),
        # the currency after "de", with its qualifier, is part of the value, not what is counted
        (
            "Vendo que a Globex cresce, e o valor de mercado da Initech subiu para 2,5 trilhões de dólares "
            "americanos, a Nimbus mudou de rumo.",
            ("Initech", "valor de mercado subir para", "2500000000000", False),
        ),
        ("A Globex pagou 300 milhões de libras esterlinas pela Initech.", ("Globex", "pay", "300000000", False)),
        # the subject left out of what someone says is the speaker
        ("A Globex disse que comprou a Nimbus em 2020.", ("Globex", "buy", "Nimbus", False)),
        # a passive's agent after "por", marked or not by the parser
        (
            "Na cimeira de IA realizada pela Casa Branca em maio, a Globex não foi convidada.",
            ("Casa Branca", "hold", "cimeira de IA", False),
        ),
        (
            "A equipe de robótica da Globex se reporta diretamente ao diretor Pedro Lund desde o ano passado.",
            ("equipe de robótica da Globex", "report to", "Pedro Lund", False),
        ),
        ("Ana Costa é uma das engenheiras da Globex.", ("Ana Costa", "engineer of", "Globex", False)),
        # a noun with a name set off by commas is that name, not a measure of the owner; "sua" is the whole's
        (
            "No ano passado, sua divisão, Nimbus Labs, perdeu R$ 300 milhões.",
            ("Nimbus Labs", "lose", "300000000", False),
        ),
        (
            "A Initech é uma empresa de software. Sua divisão, Nimbus Labs, perdeu R$ 300 milhões.",
            ("Nimbus Labs", "division of", "Initech", False),
        ),
        # an infinitive after "a" that the parser hung as an oblique is still what the verb controls
        (
            "Ana Costa se recusou a investir na nova divisão.",
            ("Ana Costa", "refuse to invest in", "nova divisão", False),
        ),
        # a people's adjective on a class noun or role: an office of its country, where a firm is based, or
        # whose nationality a person has (the adjective read by its lemma: "romena" is "romeno")
        ("A Globex comprou a empresa romena Vexor Software em 2019.", ("Vexor Software", "base in", "Romênia", False)),
        (
            "O presidente queniano, Daniel Otieno, inaugurou ontem o novo porto da cidade.",
            ("Daniel Otieno", "president of", "Quênia", False),
        ),
        ("Ana Lima é uma economista canadense.", ("Ana Lima", "nationality", "Canadá", False)),
        # scare quotes the parser hangs elsewhere: no label with half a pair
        (
            'A Globex formou uma equipe de IA de "alto nível" em 2020.',
            ("Globex", "form", "equipe de IA de alto nível", False),
        ),
    ],
)
def test_constructions(extractor, text, expected):
    found = triples(read(extractor, text))
    assert expected in found, found


@needs_pipeline
def test_a_subject_left_unsaid_is_the_last_sentences_subject(extractor):
    found = triples(
        read(
            extractor,
            "A Globex abriu um novo escritório em Lisboa no ano passado. Em 2019, contratou "
            "a engenheira Ana Costa para dirigir a equipe. Há muitas dúvidas sobre o plano.",
        )
    )
    assert found & {("Ana Costa", "hired by", "Globex", False), ("Globex", "hire", "Ana Costa", False)}, found
    assert not any(p.startswith("haver") for _, p, _, _ in found)  # "há": no one is said to have doubts


@needs_pipeline
def test_a_pronoun_agrees_in_gender_with_what_it_points_at(extractor):
    """'ela' is the feminine 'a Globex' of its own sentence, not the man who is the previous sentence's subject."""
    found = triples(
        read(
            extractor,
            "A Globex contratou o engenheiro Pedro Lund em 2019. Pedro Lund dirige a "
            "equipe de robótica. A força técnica da Globex é grande e ela criou o Nimbus.",
        )
    )
    assert ("Nimbus", "created by", "Globex", False) in found, found
    assert not any(o == "Pedro Lund" for s, _, o, _ in found if s == "Nimbus"), found


@needs_pipeline
def test_an_object_clitic_is_a_pronoun_that_points_back(extractor):
    found = triples(read(extractor, "Ana Costa criou o Nimbus em 2015. A Globex comprou-o em 2020."))
    assert any(s == "Globex" and o == "Nimbus" for s, _, o, _ in found), found


@pytest.mark.parametrize(
    ("said", "meaning"),
    [
        ("contratar", "hire"),
        ("trabalhar para", "work for"),
        ("diretor-executivo de", "chief executive of"),
        ("comentar sobre", "comment on"),
        ("diretor financeiro de", "chief financial officer of"),
        ("querer competir com", "want to compete with"),
        ("ser contratada em", None),
    ],
)
def test_a_portuguese_phrase_means_its_english_when_every_word_is_known(said, meaning):
    from kg.extract.lang.pt.clauses import english, relation

    assert english(said) == meaning
    predicate = relation(said)
    assert (predicate.said, predicate.lang) == ((said, "pt") if meaning else (None, None))


@needs_pipeline
def test_one_graph_across_languages(tmp_path):
    """'contratou' and 'hired' are one property between the same two entities; the Portuguese statement keeps
    its own phrase (read in the triple's direction, as "hired by" is), tagged @pt, and its Portuguese sentence."""
    from conftest import run

    (tmp_path / "en.txt").write_text("Globex hired Ana Costa in 2019. Ana Costa is a robotics engineer.\n")
    (tmp_path / "pt.txt").write_text(
        "A Globex contratou Ana Costa em 2019. Ana Costa é engenheira de robótica e trabalha em Lisboa há cinco anos.\n"
    )
    store = tmp_path / "store"
    assert (
        run(
            "build",
            tmp_path / "en.txt",
            tmp_path / "pt.txt",
            "--store",
            store,
            "--model",
            f"pt={_pipeline()}",
            "--quiet",
        ).exit_code
        == 0
    )
    result = run(
        "query",
        "--store",
        store,
        "--format",
        "json",
        """
        SELECT DISTINCT ?said ?sentence WHERE {
          ?st rdf:subject ?s ; rdf:predicate schema:worksFor ; rdf:object ?o ; kg:predicateLabel ?said ;
              kg:sentence/kg:text ?sentence .
          ?s rdfs:label "Ana Costa" . ?o rdfs:label "Globex" }""",
    )
    rows = {
        (row["said"]["value"], row["said"].get("xml:lang"), row["sentence"]["value"])
        for row in json.loads(result.output)["results"]["bindings"]
    }
    assert rows == {
        ("hired by", None, "Globex hired Ana Costa in 2019."),
        ("contratado por", "pt", "A Globex contratou Ana Costa em 2019."),
    }, rows


@needs_pipeline
@pytest.mark.skipif(
    not (Path(__file__).resolve().parents[1].parent / "shared").is_dir(), reason="../shared is not beside the project"
)
def test_metas_entity_page_lists_statements_from_both_seed_articles(tmp_path):
    """`kg build ../shared/seeds` then `kg serve`: Meta's page shows what the English and the Portuguese
    article say of it, each with its own sentence."""
    import html

    from conftest import SEED_EN, SEED_PT, fetch, kg_server, run

    store = tmp_path / "store"
    built = run("build", SEED_EN, SEED_PT, "--store", store, "--model", f"pt={_pipeline()}", "--quiet")
    assert built.exit_code == 0, built.output
    result = run(
        "query",
        "--store",
        store,
        "--format",
        "json",
        """
        SELECT DISTINCT ?lang ?sentence WHERE {
          ?st rdf:subject ?meta ; kg:negated false ; kg:sentence/kg:text ?sentence ; prov:wasDerivedFrom ?doc .
          ?meta rdfs:label "Meta" . ?doc schema:inLanguage ?lang }""",
    )
    sentences: dict[str, set[str]] = {}
    for row in json.loads(result.output)["results"]["bindings"]:
        sentences.setdefault(row["lang"]["value"], set()).add(row["sentence"]["value"])
    assert set(sentences) == {"en", "pt"}, sentences.keys()
    with kg_server(store) as base:
        page = fetch(base + "/entity/Meta").text
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())  # sentences are marked up
    for lang in ("en", "pt"):
        assert any(" ".join(sentence.split()) in text for sentence in sentences[lang]), lang


def test_nos_in_a_quotation_is_the_organisation_that_speaks(extractor):
    """Numa citação, "nós" é quem fala: a empresa que o diz."""
    found = triples(read(extractor, 'A empresa Globex anunciou ontem: "Nós compramos a Initech em maio."'))
    assert ("Globex", "buy", "Initech", False) in found


@needs_pipeline
def test_a_name_portuguese_translates_is_one_node_with_its_english_name(extractor):
    """'a Casa Branca' and 'the White House', 'os Estados Unidos' and 'the United States': one entity, in
    whichever order the articles come."""
    portuguese = "A Casa Branca convidou a Globex. A Globex visitou os Estados Unidos em maio."
    english = "The White House invited Globex. Globex visited the United States in May."
    for texts in ((portuguese, english), (english, portuguese)):
        resolver = Resolver()
        named: dict[str, set[str]] = {}
        for i, text in enumerate(texts):
            for key, entity in resolver.resolve(
                extractor.extract(to_document(RawText(f"{i}.txt", text)))
            ).entities.items():
                for name in (entity.label, *entity.aliases):
                    named.setdefault(name, set()).add(key)
        assert named["Casa Branca"] == named["White House"] and len(named["White House"]) == 1, named
        assert named["Estados Unidos"] == named["United States"] and len(named["United States"]) == 1, named
