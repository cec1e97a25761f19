"""kg_pt, the Portuguese pipeline kg trains (`kg train portuguese`) and ships in kg/extract/lang/pt/pipeline/."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

ROOT = Path(__file__).parents[1]
PIPELINE = ROOT / "kg" / "extract" / "lang" / "pt" / "pipeline"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    return spacy.load(PIPELINE)


def test_shipped_pipeline_loads_as_kg_pt(nlp: spacy.Language) -> None:
    assert nlp.lang == "pt"
    assert (nlp.meta["name"], nlp.meta["version"]) == ("kg_pt", "0.1.0")
    assert {"tagger", "morphologizer", "trainable_lemmatizer", "parser", "ner"} <= set(nlp.pipe_names)
    assert "CC BY-SA 4.0" in str(nlp.meta["sources"])


def test_hiring_sentence(nlp: spacy.Language) -> None:
    doc = nlp("A Globex contratou a engenheira Ana Costa em Lisboa.")
    pos = {token.text: token.pos_ for token in doc}
    assert (pos["Globex"], pos["contratou"], pos["engenheira"], pos["Lisboa"]) == ("PROPN", "VERB", "NOUN", "PROPN")
    root = next(token for token in doc if token.dep_ == "ROOT")
    assert root.text == "contratou"
    children = {(child.dep_, child.text) for child in root.children}
    assert ("nsubj", "Globex") in children
    assert ("obj", "engenheira") in children
    assert ("Ana Costa", "PER") in {(ent.text, ent.label_) for ent in doc.ents}
    assert ("Lisboa", "LOC") in {(ent.text, ent.label_) for ent in doc.ents}


def test_contraction_is_one_token_attached_as_case(nlp: spacy.Language) -> None:
    doc = nlp("A fábrica da Initech fechou em março.")
    contraction = doc[2]
    assert contraction.text == "da"
    assert (contraction.pos_, contraction.dep_, contraction.head.text) == ("ADP", "case", "Initech")
    assert contraction.lemma_ == "de o"
    assert [token.lemma_ for token in doc if token.text == "fechou"] == ["fechar"]


@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared (the training corpora)")
def test_train_end_to_end_on_a_slice(tmp_path: Path) -> None:
    from kg.extract.lang.pt.training import train

    lines: list[str] = []
    figures = train(SHARED, tmp_path / "out", lines.append, work=tmp_path / "work", limit=20, max_epochs=1)
    assert {"upos", "las", "uas", "lemma", "ner_p", "ner_r", "ner_f1"} <= figures.keys()
    assert all(0.0 <= figures[key] <= 1.0 for key in ("upos", "las", "ner_f1"))
    trained = spacy.load(tmp_path / "out")
    assert (trained.lang, trained.meta["name"]) == ("pt", "kg_pt")
    assert trained.pipe_names == spacy.load(PIPELINE).pipe_names
    assert len(trained("A Globex abriu um escritório no Porto.")) == 8
    assert any("dropped" in line for line in lines)
