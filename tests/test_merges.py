"""Merges can be listed and undone with `kg merges` / `kg unmerge`, and later builds respect that."""

from __future__ import annotations

import json

from conftest import SAMPLES, run
from test_cli import copy_store, quads

ENTITY_LABELS = (
    "SELECT DISTINCT ?e ?l WHERE { ?e kg:mentionedIn ?d ; rdfs:label|skos:altLabel ?l FILTER(CONTAINS(?l, %s)) }"
)


def merges(store, *args) -> list[dict]:
    result = run("merges", *args, "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def names(store, text: str) -> set[tuple[str, str]]:
    result = run("query", ENTITY_LABELS % json.dumps(text), "--store", store, "--format", "json")
    return {
        (r["e"]["value"].rsplit("/", 1)[1], r["l"]["value"]) for r in json.loads(result.stdout)["results"]["bindings"]
    }


def test_merges_of_an_entity_by_label_say_what_and_why(sample_store):
    found = merges(sample_store, "mark zuckerberg")
    assert {(m["label"], m["reason"]) for m in found} >= {("Zuckerberg", "short name"), ("he", "pronoun")}
    assert all(m["entity"].endswith("/entity/Mark_Zuckerberg") for m in found)
    assert run("merges", "Nobody Atall", "--store", sample_store).exit_code == 1


def test_unmerging_a_name_splits_it_everywhere_and_survives_rebuilds(sample_store, tmp_path):
    store = tmp_path / "store"
    copy_store(sample_store, store)
    assert ("Mark_Zuckerberg", "Zuckerberg") in names(store, "Zuckerberg")
    short = next(m for m in merges(store, "Mark Zuckerberg") if m["label"] == "Zuckerberg")

    result = run("unmerge", short["iri"], "--store", store)
    assert result.exit_code == 0, result.output
    assert "'Zuckerberg' is no longer taken to mean Mark Zuckerberg" in result.stdout
    assert names(store, "Zuckerberg") == {("Mark_Zuckerberg", "Mark Zuckerberg"), ("Zuckerberg", "Zuckerberg")}
    assert not any(m["label"] == "Zuckerberg" for m in merges(store, "Mark Zuckerberg"))
    decision = run("query", "ASK { GRAPH ?g { ?u a kg:Unmerge ; kg:mergedLabel 'Zuckerberg' } }", "--store", store)
    assert decision.stdout.strip() == "true"

    before = quads(store)
    assert "9 unchanged" in run("build", SAMPLES, "--store", store, "-q").stdout
    assert quads(store) == before
    article = tmp_path / "new.txt"
    article.write_text("Mark Zuckerberg spoke in Paris. Zuckerberg praised the engineers at Meta.\n")
    assert run("build", article, "--store", store, "-q").exit_code == 0
    assert ("Mark_Zuckerberg", "Zuckerberg") not in names(store, "Zuckerberg")


def test_unmerging_a_pronoun_concerns_that_mention_only(sample_store, tmp_path):
    store = tmp_path / "store"
    copy_store(sample_store, store)
    pronouns = [m for m in merges(store, "Ilya Sutskever") if m["reason"] == "pronoun"]
    assert len(pronouns) >= 2
    assert run("unmerge", pronouns[0]["iri"], "--store", store).exit_code == 0
    left = {(m["label"], m["start"]) for m in merges(store, "Ilya Sutskever") if m["reason"] == "pronoun"}
    assert left == {(m["label"], m["start"]) for m in pronouns[1:]}


def test_unmerge_of_an_unknown_merge_fails_and_changes_nothing(sample_store, tmp_path):
    store = tmp_path / "store"
    copy_store(sample_store, store)
    before = quads(store)
    result = run("unmerge", "https://kg.example.org/doc/0/merge/9", "--store", store)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"kg: no merge https://kg.example.org/doc/0/merge/9 in {store} (see kg merges)"
    ]
    assert quads(store) == before
