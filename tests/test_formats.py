"""The one table of formats (kg.rdf.formats) and the one content negotiation (kg.web.protocol.negotiate)."""

from __future__ import annotations

import pytest

from kg.rdf.formats import DATASETS, PAGE_TYPES, QUERY_TRIPLES, SOLUTIONS, TRIPLES, UnknownFormat, named
from kg.web.protocol import ProtocolError, negotiate, negotiate_query


@pytest.mark.parametrize("offered", [TRIPLES, DATASETS, SOLUTIONS, PAGE_TYPES, QUERY_TRIPLES])
def test_every_name_and_media_type_picks_one_format_of_those_offered(offered) -> None:
    for fmt in offered:
        for key in (*fmt.names, fmt.media_type, fmt.media_type.upper(), f" {fmt.name} "):
            assert named(key, offered) is fmt
    with pytest.raises(UnknownFormat, match="unknown format 'docx'; use one of"):
        named("docx", offered)


def test_negotiation_answers_what_clients_ask_for() -> None:
    assert negotiate(None, None, TRIPLES).media_type == "text/turtle"  # no preference: the first offered
    assert negotiate("*/*", None, PAGE_TYPES).name == "html"
    assert negotiate("application/*", None, PAGE_TYPES).name == "jsonld"
    assert negotiate("text/n3", None, PAGE_TYPES).name == "turtle"  # Turtle is a subset of N3
    assert negotiate("application/rdf+xml;q=0.5, text/turtle", None, TRIPLES).name == "turtle"
    assert negotiate("text/csv", None, TRIPLES) is None
    assert negotiate("text/html", "ttl", PAGE_TYPES).name == "turtle"  # ?format= wins over Accept
    assert negotiate("text/html", "text/turtle", PAGE_TYPES).name == "turtle"
    assert negotiate(None, "csv", PAGE_TYPES) is None


def test_a_query_is_answered_by_kind() -> None:
    solutions, triples = negotiate_query("application/json", None)
    assert (solutions.media_type, triples.media_type) == ("application/sparql-results+json", "application/ld+json")
    solutions, triples = negotiate_query(None, "xml")
    assert (solutions.media_type, triples.media_type) == ("application/sparql-results+xml", "application/rdf+xml")
    assert negotiate_query(None, "csv")[1] is None
    with pytest.raises(ProtocolError, match="unknown format 'docx'"):
        negotiate_query(None, "docx")


def test_the_table_agrees_with_the_rdf_library() -> None:
    from kg.rdf.formats import FORMATS

    for fmt in FORMATS:
        if fmt.carries in ("graph", "dataset"):
            assert (fmt.rdf.media_type, fmt.rdf.file_extension) == (fmt.media_type, fmt.extension), fmt.name
        elif fmt.carries == "solutions":
            assert fmt.results.media_type.split(";")[0] == fmt.media_type, fmt.name
