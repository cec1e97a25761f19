"""The graph browser and entity pages in a real browser (Debian's Chromium driven by Playwright), and
articles with markup in them shown as text everywhere.

Screenshots go to tests/output/: browser.png (the one README shows), entity-page.png, document-page.png.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from html import unescape

import pytest
from conftest import OUTPUT, fetch, kg_server, needs_chromium, run, watched_page

HOSTILE = """Title: Acme Robotics <script>alert('title')</script> hires a chief scientist

Acme Robotics hired Dana Whitfield as its chief scientist on Monday. <script>alert('kg')</script>
Whitfield said the new lab <img src=x onerror=alert(1)> would open in Boston next year.
Whitfield</script><script>alert('kg') joined Acme Robotics in 2024.
"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory) -> Iterator[str]:
    """`kg serve` on a store built from an article full of markup."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "markup.txt").write_text(HOSTILE, encoding="utf-8")
    result = run("build", folder / "markup.txt", "--store", folder / "store", "--quiet")
    assert result.exit_code == 0, result.output
    with kg_server(folder / "store", "--query-workers", 1) as base:
        yield base


def _click_element(page, selector: str) -> None:
    """Click a node or edge of the Cytoscape graph where it is drawn on the screen, as a user would."""
    box = page.locator("#graph").bounding_box()
    point = page.evaluate(f"""(() => {{ const e = cy.$({selector!r});
        return e.isNode() ? e.renderedPosition() : e.renderedMidpoint(); }})()""")
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def _set_range(page, label: str, value: float) -> None:
    """Move a slider and let it go (range inputs cannot be typed into)."""
    page.get_by_label(label).evaluate(
        """(input, value) => { input.value = value;
        input.dispatchEvent(new Event("input")); input.dispatchEvent(new Event("change")); }""",
        value,
    )


def test_markup_in_articles_is_served_as_text(hostile_server: str) -> None:
    html = fetch(hostile_server + "/entity/Dana_Whitfield").text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html  # the article's title, a source
    found = fetch(hostile_server + "/api/search?q=script").body.decode()
    key = re.search(r'"page":"/entity/([^"]+)"', found).group(1)
    for path in ["/entity/Dana_Whitfield", "/entity/" + key, re.search(r'href="(/doc/[0-9a-f]+)"', html).group(1)]:
        page = fetch(hostile_server + path).text
        assert "<script>alert" not in page and "<img" not in page, path
        assert "&lt;script&gt;" in page or "&lt;/script" in page, path
    doc = fetch(hostile_server + re.search(r'href="(/doc/[0-9a-f]+)"', html).group(1)).text
    article = doc[doc.index('<article class="text">') : doc.index("</article>")]
    assert "<img src=x onerror=alert(1)>" in unescape(re.sub(r"<[^>]+>", "", article))  # shown, as text


@needs_chromium
def test_markup_never_runs_in_the_browser(hostile_server: str, browser) -> None:
    problems: list[str] = []
    page = watched_page(browser, problems)
    page.goto(hostile_server + "/entity/Dana_Whitfield")
    page.get_by_role("link", name="Acme Robotics", exact=True).first.wait_for()
    assert "<script>alert('title')</script>" in page.inner_text("main")
    page.locator("figcaption a").first.click()
    page.wait_for_url(re.compile(r"/doc/"))
    assert "<img src=x onerror=alert(1)>" in page.inner_text("article")
    page.goto(hostile_server + "/")
    page.wait_for_selector("body[data-ready=true]")
    page.fill("#search", "script")
    page.locator("#search-results li").first.click()
    page.wait_for_function("() => cy.nodes().some(n => n.data('label').includes('</script'))")
    assert "</script" in page.inner_text("#details h2")
    page.close()
    assert problems == []


@needs_chromium
def test_search_expand_and_read_the_sources_in_the_browser(server: str, browser) -> None:
    OUTPUT.mkdir(exist_ok=True)
    problems: list[str] = []
    page = watched_page(browser, problems)
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready=true]")
    assert page.evaluate("cy.nodes().length") > 10  # the most central entities to start with
    page.get_by_label("Find an entity").fill("lecun")
    suggestion = page.locator("#search-results").get_by_role("option").first
    assert "Yann LeCun" in suggestion.inner_text() and "LeCun" in suggestion.inner_text()
    suggestion.click()
    page.wait_for_function("() => cy.nodes().length === 4 && cy.$('node.centre').data('label') === 'Yann LeCun'")
    _click_element(page, "node[label = 'Meta']")  # expand Meta's neighbours
    page.wait_for_function("() => cy.nodes().length > 4 && cy.$(\"node[label = 'Instagram']\").nonempty()")
    assert page.inner_text("#details h2") == "Meta"
    _click_element(page, "edge[label = 'hired by']")
    sentence = page.locator("#details blockquote.sentence").first
    sentence.wait_for()
    assert sentence.inner_text().startswith("Meta hired Yann LeCun in 2013")
    assert page.locator("#details mark.subject").first.inner_text() == "Yann LeCun"
    page.screenshot(path=str(OUTPUT / "browser.png"))

    levels = page.evaluate("cy.edges().map(e => e.data('confidence'))")
    cut = math.floor(max(levels) * 100) / 100  # keeps the surest edges shown, hides the others
    assert min(levels) < cut
    _set_range(page, "Minimum confidence", cut)
    page.wait_for_function(f"() => cy.edges().length > 0 && cy.edges().every(e => e.data('confidence') >= {cut})")
    assert page.evaluate("cy.edges().length") < len(levels)
    page.get_by_label("Community").select_option(index=1)
    page.wait_for_function(
        "() => cy.nodes().length > 0 && new Set(cy.nodes().map(n => n.data('community'))).size === 1"
    )

    page.get_by_label("From", exact=True).fill("Mark Zuckerberg")
    page.locator("#path-from-results li").first.click()
    page.get_by_label("To", exact=True).fill("New York")
    page.locator("#path-to-results li").first.click()
    _set_range(page, "Minimum confidence", 0)
    page.get_by_role("button", name="Find path").click()
    result = page.locator("#path-result")
    result.filter(has_text="→").wait_for()
    assert result.inner_text() == "Mark Zuckerberg → Yann LeCun → New York University"

    page.goto(server + "/")
    page.wait_for_selector("body[data-ready=true]")
    _click_element(page, "node[label = 'Yann LeCun']")
    page.locator("#details a.entity-link").click()
    page.wait_for_url(re.compile(r"/entity/Yann_LeCun$"))
    source = page.locator("#facts blockquote.sentence").filter(has_text="hired")
    assert source.inner_text().startswith("Meta hired Yann LeCun")
    page.screenshot(path=str(OUTPUT / "entity-page.png"), full_page=True)
    page.locator("#facts figcaption a").first.click()
    page.wait_for_url(re.compile(r"/doc/[0-9a-f]+\?start=\d+&end=\d+#source$"))
    assert page.locator("article mark.source").first.is_visible()  # the sentence, highlighted
    assert page.locator("article a.mention", has_text="Yann LeCun").count() >= 1
    page.screenshot(path=str(OUTPUT / "document-page.png"), full_page=True)
    page.close()
    assert problems == []
