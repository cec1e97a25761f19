"""The query page of `kg serve`: YASGUI served locally, the graph's prefixes and example queries that answer.

The last test drives Debian's Chromium with Playwright: open the page, run an example, read the results.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import OUTPUT, fetch, kg_server, needs_chromium, watched_page


def _page_config(server: str) -> tuple[str, dict]:
    reply = fetch(server + "/query")
    assert reply.status == 200 and reply.headers.get_content_type() == "text/html"
    match = re.search(r'<script id="kg-config" type="application/json">(.*?)</script>', reply.text, re.S)
    return reply.text, json.loads(match.group(1))


def test_examples_use_the_graphs_prefixes_and_all_answer(server: str) -> None:
    _, config = _page_config(server)
    assert config["endpoint"] == server + "/sparql"
    assert {"kg", "rel", "schema", "prov", "rdfs", "skos"} <= set(config["prefixes"])
    examples = config["examples"]
    assert len(examples) >= 5
    titles = [e["title"] for e in examples]
    assert {"Who works for whom", "Facts about an entity", "Most connected entities"} <= set(titles)
    for example in examples:
        assert example["query"].startswith("PREFIX ")
        reply = fetch(server + "/sparql", {"query": example["query"]})
        assert reply.status == 200, (example["title"], reply.text)
        assert json.loads(reply.body)["results"]["bindings"], f"{example['title']} found nothing on the samples"


def test_demo_builds_the_samples_and_serves_them(tmp_path: Path, sample_store: Path) -> None:
    from kg.store import KGStore

    with kg_server(tmp_path / "store", command="demo") as base:
        count = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Article }"
        reply = fetch(base + "/sparql", {"query": count})
        served = int(json.loads(reply.body)["results"]["bindings"][0]["n"]["value"])
        assert served == len(KGStore(sample_store, read_only=True).documents()) > 0
        assert fetch(base + "/").status == 200
        linked = 'SELECT ?e WHERE { ?e rdfs:label "Meta" ; owl:sameAs <http://www.wikidata.org/entity/Q380> }'
        assert json.loads(fetch(base + "/sparql", {"query": linked}).body)["results"]["bindings"], (
            "the demo builds with the sample's known entities"
        )


def test_front_end_files_are_served_by_kg(server: str) -> None:
    html, _ = _page_config(server)
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html)
    assert any("yasgui.min.js" in a for a in assets) and any("yasgui.min.css" in a for a in assets)
    for asset in assets:
        assert asset.startswith("/"), f"{asset} would be fetched from elsewhere"
        reply = fetch(server + asset)
        assert reply.status == 200 and reply.body, asset
    assert fetch(server + "/vendor/yasgui/../../package.json").status == 404
    assert fetch(server + "/vendor/yasgui/yasgui.esm.js").status == 404


@needs_chromium
def test_running_an_example_in_the_browser(server: str, browser) -> None:
    from playwright.sync_api import expect

    OUTPUT.mkdir(exist_ok=True)
    problems: list[str] = []
    page = watched_page(browser, problems, width=1280)
    page.goto(server + "/query")
    page.get_by_role("button", name="Who works for whom").click()
    results = page.locator(".yasr table")
    expect(results).to_contain_text("Yann LeCun", timeout=15_000)
    expect(results).to_contain_text("Meta")
    page.screenshot(path=str(OUTPUT / "query-page.png"), full_page=True)
    page.close()
    assert problems == []
