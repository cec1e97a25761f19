"""The graph browser's JSON API and the Linked Data pages of `kg serve`, on the sample store.

Each answer is checked against what the articles say (Meta hired Yann LeCun; LeCun is a professor at
New York University; Mark Zuckerberg called LeCun) and against the filters asked for.
"""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest
import rdflib
from conftest import fetch

from kg.config import DEFAULT_BASE_IRI

ENTITY = DEFAULT_BASE_IRI + "entity/"
WORKS_FOR = "https://schema.org/worksFor"


def api(server: str, path: str, **params) -> tuple[int, dict]:
    reply = fetch(f"{server}/api/{path}?{urllib.parse.urlencode(params, doseq=True)}")
    assert reply.headers.get_content_type() == "application/json", reply.text
    return reply.status, json.loads(reply.body)


def labels(answer: dict) -> set[str]:
    return {n["label"] for n in answer["nodes"]}


def test_search_matches_labels_and_aliases_in_any_case(server: str) -> None:
    status, found = api(server, "search", q="lecun")
    assert status == 200
    first = found["results"][0]
    assert (first["label"], first["type"], first["alias"]) == ("Yann LeCun", "Person", "LeCun")
    assert first["page"] == "/entity/Yann_LeCun"
    _, found = api(server, "search", q="YANN")
    assert found["results"][0]["label"] == "Yann LeCun" and found["results"][0]["alias"] is None
    _, found = api(server, "search", q="m")
    names = [r["label"] for r in found["results"]]
    assert names[0] == "Meta" and len(names) == 10  # the most central name starting with M first
    assert api(server, "search", q="zzzz-nothing")[1]["results"] == []


def test_overview_shows_the_most_central_entities_sized_by_pagerank(server: str) -> None:
    status, part = api(server, "graph", limit=5)
    assert status == 200 and len(part["nodes"]) == 5 and part["truncated"] is False
    top = max(part["nodes"], key=lambda n: n["pagerank"])
    assert top["label"] == "Meta" and top["rank"] == 1.0
    assert all(0 < n["rank"] <= 1 and n["community"] for n in part["nodes"])
    ids = {n["id"] for n in part["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in part["edges"])


def test_expanding_an_entity_gives_its_neighbours_and_their_statements(server: str) -> None:
    status, part = api(server, "graph", entity="Yann LeCun")
    assert status == 200 and part["centres"] == [ENTITY + "Yann_LeCun"]
    assert labels(part) == {"Yann LeCun", "Meta", "New York University", "Mark Zuckerberg"}
    hired = [e for e in part["edges"] if e["target"] == ENTITY + "Meta" and e["predicate"] == WORKS_FOR]
    assert len(hired) == 1 and hired[0]["label"] == "hired by" and 0 < hired[0]["confidence"] <= 1
    assert hired[0]["statements"] == hired[0]["documents"] == 1
    _, deeper = api(server, "graph", entity=ENTITY + "Yann_LeCun", depth=2)
    assert labels(part) < labels(deeper)
    _, two = api(server, "graph", entity=["LeCun", "Sam Altman"])
    assert {"Yann LeCun", "Sam Altman", "OpenAI"} <= labels(two) and len(two["centres"]) == 2


def test_filters_keep_only_what_was_asked(server: str) -> None:
    _, everything = api(server, "graph", limit=500)
    _, people = api(server, "graph", limit=500, type="Person")
    assert people["nodes"] and {n["type"] for n in people["nodes"]} == {"Person"}
    _, works = api(server, "graph", limit=500, predicate=WORKS_FOR)
    assert works["edges"] and {e["predicate"] for e in works["edges"]} == {WORKS_FOR}
    assert all(any(e["source"] == n["id"] or e["target"] == n["id"] for e in works["edges"]) for n in works["nodes"])
    _, sure = api(server, "graph", limit=500, min_confidence=0.79)
    assert sure["edges"] and all(e["confidence"] >= 0.79 for e in sure["edges"])
    assert len(sure["edges"]) < len(everything["edges"])
    _, facets = api(server, "facets")
    lecun_article = next(d for d in facets["documents"] if "deep learning pioneer" in d["label"])
    _, one = api(server, "graph", limit=500, document=lecun_article["id"])
    assert labels(one) == {"Meta", "Yann LeCun", "New York University", "Mark Zuckerberg"}
    _, ego = api(server, "graph", entity="Yann LeCun", predicate=WORKS_FOR)
    assert labels(ego) == {"Yann LeCun", "Meta", "New York University"}


def test_facets_and_communities(server: str) -> None:
    status, facets = api(server, "facets")
    assert status == 200
    types = {t["id"]: t["count"] for t in facets["types"]}
    assert types["Person"] >= 10 and types["Organization"] >= 10
    assert WORKS_FOR in {p["id"] for p in facets["predicates"]}
    assert facets["documents_total"] == len(facets["documents"]) >= 7
    community = next(c for c in facets["communities"] if "Yann LeCun" in c["label"])
    _, members = api(server, "graph", community=community["iri"])
    assert len(members["nodes"]) == community["size"]
    assert {n["community"] for n in members["nodes"]} == {community["iri"]}
    assert "Yann LeCun" in labels(members)


def test_path_finder(server: str) -> None:
    status, found = api(server, "path", source="Mark Zuckerberg", target="New York University")
    assert status == 200
    assert found["paths"] == [[ENTITY + "Mark_Zuckerberg", ENTITY + "Yann_LeCun", ENTITY + "New_York_University"]]
    assert labels(found) == {"Mark Zuckerberg", "Yann LeCun", "New York University"} and len(found["edges"]) == 2
    _, none = api(server, "path", source="Yann LeCun", target="Lee Sedol")
    assert none["paths"] == []
    _, filtered = api(server, "path", source="Mark Zuckerberg", target="New York University", predicate=WORKS_FOR)
    assert filtered["paths"] == []


def test_an_edge_shows_the_sentences_it_was_read_from(server: str) -> None:
    status, found = api(server, "statements", subject="Yann LeCun", object="Meta", predicate=WORKS_FOR)
    assert status == 200 and len(found["statements"]) == 1
    fact = found["statements"][0]
    assert fact["label"] == "hired by" and fact["negated"] is False
    (source,) = fact["sources"]
    text = "".join(s["text"] for s in source["sentence"])
    assert text.startswith("Meta hired Yann LeCun in 2013")
    marked = {s["text"]: s["classes"] for s in source["sentence"] if s["classes"]}
    assert "subject" in marked["Yann LeCun"] and "object" in marked["Meta"]
    assert source["title"] == "Meta recruits a deep learning pioneer to lead its research lab"
    assert fetch(server + source["page"]).status == 200


@pytest.mark.parametrize(
    ("path", "params", "status", "message"),
    [
        ("search", {}, 400, "give q"),
        ("search", {"q": "x", "limit": "0"}, 400, "limit must be between 1 and 100"),
        ("search", {"q": "x" * 201}, 400, "longer than 200"),
        ("graph", {"limit": "lots"}, 400, "limit must be a whole number"),
        ("graph", {"depth": "9", "entity": "Meta"}, 400, "depth must be between 0 and 3"),
        ("graph", {"min_confidence": "nan"}, 400, "min_confidence must be between 0 and 1"),
        ("graph", {"type": "Wizard"}, 400, "no entity of type 'Wizard'"),
        ("graph", {"predicate": "https://example.org/nothing"}, 400, "no statement with predicate"),
        ("graph", {"document": "https://example.org/doc/0"}, 400, "no statement between entities comes from document"),
        ("graph", {"entity": "Meta", "community": "x"}, 400, "not both"),
        ("graph", {"entity": "Nobody At All"}, 404, "no entity 'Nobody At All'"),
        ("graph", {"community": "https://example.org/c"}, 404, "no community"),
        ("path", {"source": "Meta"}, 400, "give target"),
        ("statements", {"subject": "Meta", "object": "Yann LeCun", "predicate": WORKS_FOR}, 404, "no such statement"),
        ("nothing-here", {}, 404, "Not Found"),
    ],
)
def test_bad_parameters_get_a_message_not_a_stack_trace(server: str, path, params, status, message) -> None:
    code, body = api(server, path, **params)
    assert code == status and message in body["error"], body
    assert "Traceback" not in body["error"] and "\n" not in body["error"]


def test_entity_page_shows_types_aliases_merges_statements_and_sources(server: str) -> None:
    reply = fetch(server + "/entity/Yann_LeCun", headers={"Accept": "text/html,*/*;q=0.8"})
    assert reply.status == 200 and reply.headers.get_content_type() == "text/html"
    page = reply.text
    assert "<h1>Yann LeCun</h1>" in page and 'class="type type-Person">Person<' in page
    assert "<dt>Aliases</dt><dd>LeCun</dd>" in page
    what = page[page.index('id="what"') : page.index('id="facts"')]  # first what he is: his roles, employer
    assert re.search(r'<span class="predicate"[^>]*>hired by</span> <a href="/entity/Meta"', what)
    out = page[page.index('id="facts"') : page.index('id="merges"')]  # then the facts, grouped by property
    assert re.search(r'<span class="predicate"[^>]*>hired by</span> <a href="/entity/Meta"', out)
    assert '<mark class="fact subject">Yann LeCun</mark>' in out and '<a href="/doc/' in out
    assert re.search(r'<a href="/entity/Mark_Zuckerberg"[^>]*>Mark Zuckerberg</a> <span[^>]*>call</span>', out)
    merges = page[page.index('id="merges"') :]  # the merges last, grouped by name
    assert "short name" in merges and "pronoun" in merges and "LeCun ×" in merges
    source = re.search(r'<a href="(/doc/[0-9a-f]+)\?start=0&amp;end=(\d+)#source">Meta recruits', out)
    page = fetch(f"{server}{source.group(1)}?start=0&end={source.group(2)}").text
    assert '<span id="source"></span><a class="source mention type-Organization" href="/entity/Meta"' in page


def test_document_page_highlights_mentions_and_the_source_sentence(server: str) -> None:
    html = fetch(server + "/entity/Yann_LeCun").text
    document = re.search(r'href="(/doc/[0-9a-f]+)\?start=81&amp;end=86#source"', html).group(1)
    page = fetch(f"{server}{document}?start=81&end=185").text
    text = page[page.index('<article class="text">') : page.index("</article>")]
    assert '<a class="mention type-Person" href="/entity/Yann_LeCun" title="Yann LeCun">Yann LeCun</a>' in text
    assert '<span id="source"></span>' in text and '<mark class="source">, a professor at </mark>' in text
    assert "Statements read from this article" in page
    assert fetch(f"{server}{document}?start=9&end=2").status == 400
    assert fetch(f"{server}/doc/0000000000000000").status == 404


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_entity_iris_dereference_to_rdf(server: str, accept: str, fmt: str) -> None:
    reply = fetch(server + "/entity/Yann_LeCun", headers={"Accept": accept})
    assert reply.status == 200 and reply.headers.get_content_type() == accept
    graph = rdflib.Graph().parse(data=reply.body, format=fmt)
    lecun = rdflib.URIRef(ENTITY + "Yann_LeCun")
    assert (lecun, rdflib.RDF.type, rdflib.URIRef(DEFAULT_BASE_IRI + "ontology#Person")) in graph
    assert (lecun, rdflib.URIRef(WORKS_FOR), rdflib.URIRef(ENTITY + "Meta")) in graph
    assert (lecun, rdflib.SKOS.altLabel, rdflib.Literal("LeCun")) in graph
    assert any(graph.triples((None, rdflib.RDF.subject, lecun)))  # the statements, with their provenance


def test_linked_data_negotiation_and_errors(server: str) -> None:
    assert fetch(server + "/entity/Yann_LeCun?format=ttl").headers.get_content_type() == "text/turtle"
    assert fetch(server + "/entity/Yann_LeCun", headers={"Accept": "image/png"}).status == 406
    assert fetch(server + "/entity/Nobody_Here", headers={"Accept": "text/turtle"}).status == 404
    assert fetch(server + "/entity/a%3Eb").status == 404
    concept = fetch(server + "/concept/professor")
    assert concept.status == 200 and "professor" in concept.text
    doc_iri = re.search(r'href="/doc/([0-9a-f]+)"', fetch(server + "/entity/Yann_LeCun").text).group(1)
    graph = rdflib.Graph().parse(
        data=fetch(f"{server}/doc/{doc_iri}", headers={"Accept": "text/turtle"}).body, format="turtle"
    )
    assert any(graph.triples((None, rdflib.URIRef("https://schema.org/text"), None)))


def test_a_dense_neighbourhood_is_cut_to_a_drawable_number_of_links(tmp_path) -> None:
    import networkx as nx

    from kg.views import EntityGraph
    from kg.views.analytics import StoredAnalytics
    from kg.web import ServeSettings, create_app
    from kg.web.api import MAX_EDGES_PER_NODE, _elements
    from kg.web.graphdata import BrowserGraph

    graph = nx.MultiDiGraph()
    nodes = [f"{ENTITY}E{i}" for i in range(12)]
    graph.add_nodes_from(nodes, label="E", type="Thing", aliases=())
    for i, a in enumerate(nodes):
        for b in nodes[i + 1 :]:
            graph.add_edge(
                a, b, key=WORKS_FOR, label="works for", confidence=0.5, statements=1 + (a == nodes[5]), documents={"d"}
            )
    view = BrowserGraph(EntityGraph(graph, nx.Graph()), StoredAnalytics({n: 1 / 12 for n in nodes}, {}, []))
    with create_app(ServeSettings(store=tmp_path)).test_request_context():
        drawn = _elements(view, graph, limit=500, keep={nodes[0]})
    assert len(drawn["nodes"]) == 12 and drawn["truncated"] is True
    assert len(drawn["edges"]) == MAX_EDGES_PER_NODE * 12 < graph.number_of_edges()
    kept = {(e["source"], e["target"]) for e in drawn["edges"]}
    assert all((nodes[0], b) in kept for b in nodes[1:])  # the expanded entity keeps all its links
    assert all((nodes[5], b) in kept for b in nodes[6:])  # then the links stated most often
