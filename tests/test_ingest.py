"""Ingest: readers, boilerplate removal, metadata lines, bad input."""

from __future__ import annotations

import json

import pytest
from conftest import SAMPLES, SEED_EN, SEED_PT, needs_shared

from kg.config import Settings
from kg.ingest import ingest
from kg.records import Document, IngestError


def read(*paths, **settings) -> list[Document | IngestError]:
    return list(ingest(paths, Settings(**settings)))


def only_doc(path) -> Document:
    (doc,) = read(path)
    assert isinstance(doc, Document), doc
    return doc


@needs_shared
def test_english_seed_loses_promotion_and_keeps_metadata():
    doc = only_doc(SEED_EN)
    assert doc.lang == "en"
    assert doc.title == "The exhausted AI engineer is fleeing from Meta"
    assert doc.authors == ("Yuan Silai",) and doc.editors == ("Su Jianxun",)
    assert "Gate" not in doc.text and "#" not in doc.text
    assert doc.text.startswith("Zuckerberg may not have thought")
    assert doc.text.rstrip().endswith("between AI and metaverse priorities.")


@needs_shared
def test_portuguese_seed_keeps_one_copy_without_disclaimer():
    doc = only_doc(SEED_PT)
    assert doc.lang == "pt"
    assert doc.title == "O exausto engenheiro de IA está fugindo de Meta"
    assert doc.authors == ("Yuan Silai",)
    assert doc.text.count("Zuckerberg pode não ter pensado") == 1
    assert doc.text.count("Em 2013, o Facebook contratou Yann LeCun") == 1
    for boilerplate in ("third-party content", "Ver original", "Fonte da imagem", "Unbounded AI"):
        assert boilerplate not in doc.text
    assert "acadêmicos. Estudiosos" in doc.text  # the space the scrape lost after a full stop


def test_promotional_block_and_disclaimer_removed_from_own_article():
    doc = only_doc(SAMPLES / "04-reality-labs-losses.txt")
    assert doc.authors == ("Jonas Weber",)
    assert "Sign up" not in doc.text and "#TechDaily" not in doc.text and "Delivered" not in doc.text
    assert "financial advice" not in doc.text
    assert "Reality Labs lost $13.7 billion" in doc.text


def test_repeated_paragraph_kept_once():
    doc = only_doc(SAMPLES / "06-voicebox-musicgen.txt")
    assert doc.text.count("Meta owns Instagram") == 1


def test_markdown_title_and_link_text(tmp_path):
    doc = only_doc(SAMPLES / "02-llama-release.md")
    assert doc.title == "Meta releases LLaMA to researchers"
    assert doc.authors == ("Tomás Reyes",)
    assert "**" not in doc.text and "](" not in doc.text


def test_html_main_text_without_navigation_or_footer():
    doc = only_doc(SAMPLES / "03-openai-microsoft.html")
    assert doc.title == "Microsoft deepens its bet on OpenAI"
    assert "Microsoft invested $10 billion in OpenAI" in doc.text
    assert "Markets" not in doc.text and "All rights reserved" not in doc.text


@pytest.mark.parametrize("start", ["<!DOCTYPE html>\n", "<!-- saved page -->\n<html lang='en'>", "  <html>"])
def test_a_web_page_saved_as_txt_is_read_as_html(tmp_path, start):
    page = (SAMPLES / "03-openai-microsoft.html").read_text(encoding="utf-8")
    body = page[page.lower().index("<head") :] if "<head" in page.lower() else page
    path = tmp_path / "saved.txt"
    path.write_text(start + body, encoding="utf-8")
    doc = only_doc(path)
    assert doc.title == "Microsoft deepens its bet on OpenAI"
    assert "Microsoft invested $10 billion in OpenAI" in doc.text
    assert "<" not in doc.text and "Markets" not in doc.text


def test_plain_text_that_mentions_html_stays_as_written(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("The <html> tag starts a page. Initech hired Maria Santos.", encoding="utf-8")
    assert only_doc(path).text.startswith("The <html> tag starts a page.")


def test_jsonl_records_keep_their_ids_and_metadata():
    docs = read(SAMPLES / "07-openai-leadership.jsonl")
    assert [d.id for d in docs] == ["openai-board-2023", "anthropic-amazon-2023"]
    assert docs[0].published == "2023-11-22" and docs[0].url == "https://example.com/openai-board"
    assert docs[0].source.endswith("07-openai-leadership.jsonl#openai-board-2023")


def test_same_content_same_identity(tmp_path):
    text = "Acme hired Jane Doe as chief executive.\nThe company is based in Ohio.\n"
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text)
    a, b = read(tmp_path / "a.txt", tmp_path / "b.txt")
    assert a.content_hash == b.content_hash and a.id == b.id
    (tmp_path / "b.txt").write_text(text.replace("Ohio", "Texas"))
    assert only_doc(tmp_path / "b.txt").content_hash != a.content_hash


def test_folders_are_read_recursively_in_order(tmp_path):
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "y" / "b.txt").write_text("Beta Corp sold its Ohio plant to Gamma Inc last year.")
    (tmp_path / "x" / "a.txt").write_text("Alpha Corp bought a factory in Texas from Delta LLC.")
    (tmp_path / "x" / ".hidden.txt").write_text("Hidden Corp should never be read by kg at all.")
    docs = read(tmp_path)
    assert [d.text[:4] for d in docs] == ["Alph", "Beta"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("blob.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("empty.txt", b"  \n\n", "empty file"),
        ("latin1.txt", "Ação da Petrobras subiu após o anúncio".encode("latin-1"), "not UTF-8 text"),
        ("broken.html", b"<html><body><div><<<>>>", "no article text"),
        ("picture.png", b"\x89PNG", "unsupported file type '.png'"),
    ],
)
def test_bad_files_give_one_error_naming_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    (error,) = read(path)
    assert isinstance(error, IngestError)
    assert message in error.message and str(path) in str(error)
    assert "\n" not in str(error)


def test_too_large_file_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Acme hired Jane Doe. " * 100)
    (error,) = read(path, max_bytes=500)
    assert isinstance(error, IngestError) and "over the limit" in error.message


def test_bad_jsonl_lines_are_named_and_the_rest_read(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "ok", "text": "Acme Corp hired Jane Doe as chief executive on Monday."}),
                "{not json",
                json.dumps({"id": "no-text"}),
                json.dumps(["a", "list"]),
            ]
        )
    )
    items = read(path)
    assert [d.id for d in items if isinstance(d, Document)] == ["ok"]
    errors = [e for e in items if isinstance(e, IngestError)]
    assert [e.line for e in errors] == [2, 3, 4]
    assert all(f"{path}:{e.line}:" in str(e) for e in errors)


def test_missing_path_is_an_error_not_an_exception(tmp_path):
    (error,) = read(tmp_path / "nope")
    assert isinstance(error, IngestError) and "no such file or folder" in error.message
