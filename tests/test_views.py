"""Graph views: the entity graph projected with networkx, `kg views`, `kg analyze` and the analytics graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run
from test_cli import copy_store

from kg.config import DEFAULT_BASE_IRI
from kg.store import KGStore
from kg.views import ProjectionCache, centrality, communities, neighbourhood, paths, project

ENTITY = DEFAULT_BASE_IRI + "entity/"


@pytest.fixture(scope="module")
def view(sample_store: Path):
    with KGStore(sample_store, read_only=True) as store:
        return project(store, DEFAULT_BASE_IRI)


def _labels(view, nodes) -> set[str]:
    return {view.graph.nodes[n]["label"] for n in nodes}


def test_projection_has_every_entity_and_every_fact_between_entities(sample_store: Path, view) -> None:
    with KGStore(sample_store, read_only=True) as store:
        facts = store.count(f"""SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?st a kg:Statement ; rdf:subject ?s ;
            rdf:predicate ?p ; rdf:object ?o ; kg:negated false }}
            FILTER(STRSTARTS(STR(?s), "{ENTITY}") && STRSTARTS(STR(?o), "{ENTITY}")) }}""")
        assert view.graph.number_of_nodes() == store.stats()["entities"]
    assert view.graph.number_of_edges() == facts > 10
    lecun = view.find("yann lecun")[0]
    hired = view.graph.get_edge_data(lecun, ENTITY + "Meta")["https://schema.org/worksFor"]
    assert hired["label"] == "hired by" and hired["statements"] == 1 and 0 < hired["confidence"] <= 1
    assert len(hired["documents"]) == 1


def test_neighbours_paths_and_co_mentions(view) -> None:
    lecun = view.find("LeCun")[0]
    assert _labels(view, neighbourhood(view, lecun)) == {"Yann LeCun", "Meta", "New York University", "Mark Zuckerberg"}
    assert len(neighbourhood(view, lecun, depth=2)) > 4
    found = paths(view, view.find("Mark Zuckerberg")[0], view.find("New York University")[0])
    assert [[view.graph.nodes[n]["label"] for n in p] for p in found] == [
        ["Mark Zuckerberg", "Yann LeCun", "New York University"]
    ]
    assert paths(view, lecun, view.find("Lee Sedol")[0]) == []
    # "He was not asked to move to California": the pronoun is LeCun's mention, so they share a sentence
    assert "California" in _labels(view, neighbourhood(view, lecun, comentions=True))


def test_centrality_and_communities(view) -> None:
    scores = centrality(view)
    assert max(scores, key=lambda n: scores[n].pagerank) == ENTITY + "Meta"
    assert max(scores, key=lambda n: scores[n].degree) == ENTITY + "Meta"
    assert abs(sum(s.pagerank for s in scores.values()) - 1) < 1e-6
    groups = [_labels(view, c) for c in communities(view)]
    meta = next(g for g in groups if "Meta" in g)
    google = next(g for g in groups if "Google" in g)
    assert {"Instagram", "WhatsApp"} <= meta and "DeepMind" in google and meta != google


def test_kg_views_commands(sample_store: Path) -> None:
    central = run("views", "central", "--store", sample_store, "--limit", 3)
    assert central.exit_code == 0 and central.stdout.splitlines()[1].startswith("Meta ")
    rows = json.loads(run("views", "central", "--by", "degree", "--format", "json", "--store", sample_store).stdout)
    assert rows[0]["label"] == "Meta" and {"pagerank", "degree", "betweenness", "type", "iri"} <= set(rows[0])
    groups = json.loads(run("views", "communities", "--format", "json", "--store", sample_store).stdout)
    assert any({"Meta", "Instagram"} <= {d["label"] for d in g} for g in groups)
    around = run("views", "neighbours", "Yann LeCun", "--store", sample_store)
    assert "Yann LeCun --hired by--> Meta" in around.stdout
    chain = run("views", "path", "Mark Zuckerberg", "New York University", "--store", sample_store)
    assert chain.stdout.strip() == ("Mark Zuckerberg --call--> Yann LeCun --professor at--> New York University")
    by_iri = json.loads(
        run(
            "views", "neighbours", ENTITY + "Yann_LeCun", "--co-mentions", "--format", "json", "--store", sample_store
        ).stdout
    )
    assert "California" in {n["label"] for n in by_iri["nodes"]}


@pytest.mark.parametrize(
    "args, message",
    [
        (["neighbours", "Nobody Atall"], "kg: no entity called 'Nobody Atall' in the graph\n"),
        (["path", "Yann LeCun", "Lee Sedol"], "kg: no path between 'Yann LeCun' and 'Lee Sedol'\n"),
    ],
)
def test_kg_views_errors(sample_store: Path, args: list[str], message: str) -> None:
    result = run("views", *args, "--store", sample_store)
    assert result.exit_code == 1 and result.stderr == message


def test_views_of_an_empty_folder(tmp_path: Path) -> None:
    result = run("views", "central", "--store", tmp_path / "none")
    assert result.exit_code == 1 and "no store here yet" in result.stderr


def test_projection_is_cached_per_generation(sample_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    copy_store(sample_store, store)
    first = ProjectionCache().get(store, DEFAULT_BASE_IRI)
    cached = list((store / "cache").glob("views-*.pickle"))
    assert len(cached) == 1
    again = ProjectionCache().get(store, DEFAULT_BASE_IRI)  # another process would read the file
    assert again.graph.number_of_edges() == first.graph.number_of_edges()
    article = tmp_path / "port.txt"
    article.write_text("Harbour news\n\nThe port of Leixões hired Marta Reis, who had worked for Maersk.\n")
    assert run("build", article, "--store", store, "-q").exit_code == 0
    after = ProjectionCache().get(store, DEFAULT_BASE_IRI)
    assert after.find("Marta Reis") and not first.find("Marta Reis")
    assert list((store / "cache").glob("views-*.pickle")) != cached


def test_analytics_are_rdf_in_their_own_graph(sample_store: Path, tmp_path: Path) -> None:
    with KGStore(sample_store, read_only=True) as store:
        rows = list(
            store.query("""SELECT ?label ?rank ?community WHERE { GRAPH <https://kg.example.org/analytics> {
            ?e kg:pageRank ?rank ; kg:community/rdfs:label ?community } ?e rdfs:label ?label }
            ORDER BY DESC(?rank) LIMIT 1""")
        )
        assert rows[0]["label"].value == "Meta" and rows[0]["community"].value.startswith("Community 1: Meta")
        ranked = store.count(
            "GRAPH <https://kg.example.org/analytics> { ?e kg:pageRank ?r ; kg:degreeCentrality ?d ;"
            " kg:betweenness ?b }"
        )
        assert ranked == store.stats()["entities"]
        declared = store.count(
            "GRAPH ?o { ?p a owl:DatatypeProperty ; rdfs:domain kg:Entity "
            "VALUES ?p { kg:pageRank kg:degreeCentrality kg:betweenness } }"
        )
        assert declared == 3
    exported = tmp_path / "graph.trig"
    assert run("export", "--store", sample_store, "--format", "trig", "-o", exported).exit_code == 0
    assert "pageRank" in exported.read_text()


def test_analytics_follow_each_build(sample_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    copy_store(sample_store, store)
    article = tmp_path / "ferry.txt"
    article.write_text("Ferry news\n\nThe city of Porto hired Marta Reis to run its ferries.\n")
    assert run("build", article, "--store", store, "-q").exit_code == 0
    with KGStore(store, read_only=True) as kg:
        assert (
            kg.count("?e rdfs:label 'Marta Reis' . GRAPH <https://kg.example.org/analytics> { ?e kg:pageRank ?r }") >= 1
        )
    result = run("analyze", "--store", store)
    assert result.exit_code == 0 and "communities written to https://kg.example.org/analytics" in result.stdout


def test_mentions_are_stored_with_offsets(sample_store: Path) -> None:
    with KGStore(sample_store, read_only=True) as store:
        rows = store.query("""SELECT ?text ?start ?end ?label WHERE { GRAPH ?d {
            ?m kg:refersTo ?e ; kg:start ?start ; kg:end ?end ; kg:inSentence ?s . ?d schema:text ?text }
            ?e rdfs:label ?label FILTER(?label = "Yann LeCun") }""")
        said = {r["text"].value[int(r["start"].value) : int(r["end"].value)] for r in rows}
    assert {"Yann LeCun", "LeCun", "He"} <= said
