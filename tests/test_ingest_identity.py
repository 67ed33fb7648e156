"""Document identity comes from content, not position: feeds re-read day after day, stdin.

A feed entry's id comes from its guid, else its link, else its content; an article piped
into standard input gets an id from its content unless ``--doc`` names it.
"""
from __future__ import annotations

import io
import subprocess
import sys

import pytest

from autodossier.extract import extract
from autodossier.ingest import read_paths
from autodossier.ingest.document import Document
from autodossier.pipeline import ingest_paths
from autodossier.settings import Settings
from autodossier.store import KnowledgeBase

# The articles a small outlet publishes over three days; each names a different model.
ARTICLES = {
    "a": ("https://news.example/a", "Nissan Z", "The Nissan Z makes 400 hp, Nissan confirmed."),
    "b": ("https://news.example/b", "Toyota Supra", "The Toyota Supra makes 382 hp, Toyota said."),
    "c": ("https://news.example/c", "Mazda MX-5", "The Mazda MX-5 makes 181 hp, Mazda confirmed."),
    "d": ("https://news.example/d", "Honda Civic Type R", "The Honda Civic Type R makes 315 hp, Honda said."),
    "e": ("https://news.example/e", "Subaru BRZ", "The Subaru BRZ makes 228 hp, Subaru confirmed."),
}
# Newest first, as feeds list them; "b" is corrected on day 2; "c" drops out of the feed.
DAYS = [["c", "b", "a"], ["d", "b2", "a"], ["e", "d", "a"]]


def rss(keys: list[str], with_guid: bool = True) -> str:
    items = []
    for key in keys:
        link, model, text = ARTICLES[key[0]]
        if key.endswith("2"):
            text = text.replace("hp", "hp (corrected)")
        guid = f"<guid>{link}</guid>" if with_guid else ""
        items.append(f"<item><title>{model} news</title><link>{link}</link>{guid}"
                     f"<pubDate>0{'abcde'.index(key[0]) + 1} Jan 2024 10:00:00 GMT</pubDate>"
                     f"<description>{text}</description></item>")
    return ("<?xml version='1.0'?><rss version='2.0'><channel><title>Example News</title>"
            f"<link>https://news.example</link>{''.join(items)}</channel></rss>")


@pytest.mark.parametrize("with_guid", [True, False], ids=["guid", "link"])
def test_replaying_three_days_of_a_feed_adds_and_updates_never_deletes(tmp_path, with_guid):
    kb = KnowledgeBase(f"sqlite:///{tmp_path / 'kb.db'}")
    feed = tmp_path / "feed.xml"
    summaries = []
    for day in DAYS:
        feed.write_text(rss(day, with_guid))
        summaries.append(ingest_paths(kb, [str(feed)], Settings()))
    assert [(s.new, s.unchanged, s.replaced, s.failed) for s in summaries] == [
        (3, 0, 0, 0), (1, 1, 1, 0), (1, 2, 0, 0)]
    docs = {d["url"]: d for d in kb.documents()}
    assert sorted(docs) == sorted(link for link, _, _ in ARTICLES.values())
    # The model of the article that left the feed is still known.
    expected = {c.subject for _, _, text in ARTICLES.values() for c in extract(Document("x", text))}
    assert len(expected) == 5 and {m["subject"] for m in kb.models()} >= expected
    assert "corrected" in kb.document(docs["https://news.example/b"]["doc"])["text"]
    kb.close()


def test_the_same_entry_in_another_file_is_the_same_document(tmp_path):
    (tmp_path / "monday.xml").write_text(rss(["b", "a"]))
    (tmp_path / "tuesday.rss").write_text(rss(["c", "b"]))
    docs = [d for d in read_paths([str(tmp_path)], Settings()) if isinstance(d, Document)]
    ids = {d.url: d.doc for d in docs}
    assert len(docs) == 4 and len(ids) == 3  # "b" twice, under one id


def test_entries_without_guid_or_link_are_told_apart_by_content(tmp_path):
    feed = ("<rss version='2.0'><channel><title>Bare</title>"
            "<item><title>One</title><description>The Nissan Z makes 400 hp.</description></item>"
            "<item><title>Two</title><description>The Mazda MX-5 makes 181 hp.</description></item>"
            "</channel></rss>")
    (tmp_path / "bare.xml").write_text(feed)
    first = [d.doc for d in read_paths([str(tmp_path / "bare.xml")], Settings())]
    # A new entry on top moves the others down; their ids stay.
    (tmp_path / "bare.xml").write_text(feed.replace(
        "<item>", "<item><title>Zero</title><description>The Subaru BRZ makes 228 hp.</description></item><item>", 1))
    second = [d.doc for d in read_paths([str(tmp_path / "bare.xml")], Settings())]
    assert len(set(first)) == 2 and second[1:] == first


def test_numeric_guids_of_two_feeds_do_not_collide(tmp_path):
    for name, site in (("one.xml", "https://one.example"), ("two.xml", "https://two.example")):
        (tmp_path / name).write_text(
            f"<rss version='2.0'><channel><title>{name}</title><link>{site}</link>"
            "<item><guid isPermaLink='false'>1</guid><description>The Nissan Z makes 400 hp.</description></item>"
            "</channel></rss>")
    docs = [d.doc for d in read_paths([str(tmp_path)], Settings())]
    assert len(set(docs)) == 2


def test_two_articles_piped_in_are_two_documents(tmp_path, monkeypatch):
    kb = KnowledgeBase(f"sqlite:///{tmp_path / 'kb.db'}")
    for text in ("The Nissan Z makes 400 hp.\n", "The Mazda MX-5 makes 181 hp.\n", "The Nissan Z makes 400 hp.\n"):
        monkeypatch.setattr("sys.stdin", io.StringIO(text))
        ingest_paths(kb, ["-"], Settings())
    assert len(kb.documents()) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO("The Nissan Z makes 420 hp.\n"))
    ingest_paths(kb, ["-"], Settings(stdin_doc="z-story"))
    assert kb.document("z-story")["text"] == "The Nissan Z makes 420 hp.\n"
    kb.close()


def test_cli_doc_option(tmp_path):
    db = str(tmp_path / "kb.db")
    run = lambda *args, stdin="": subprocess.run(  # noqa: E731
        [sys.executable, "-m", "autodossier", "ingest", *args, "--db", db],
        input=stdin, capture_output=True, text=True, timeout=60)
    ok = run("-", "--doc", "my-story", stdin="The Nissan Z makes 400 hp.\n")
    assert ok.returncode == 0, ok.stderr
    with KnowledgeBase(f"sqlite:///{db}") as kb:
        assert [d["doc"] for d in kb.documents()] == ["my-story"]
    for args, message in ((("x.txt", "--doc", "a"), "give - as the only PATH"),
                          (("-", "--doc", "a/b"), "--doc: use 1-120")):
        bad = run(*args, stdin="text")
        assert bad.returncode == 1 and message in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
