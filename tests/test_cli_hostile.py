"""Hostile text on the command line: Rich markup in user text is printed as it is (never a
MarkupError traceback, never a lost batch), and UTF-16/32 files with a byte-order mark are read.
"""
from __future__ import annotations

import codecs
import subprocess
import sys

import pytest

from autodossier.ingest import read_paths
from autodossier.ingest.document import Document
from autodossier.settings import Settings

ARTICLE = "title: Z news\n\nThe Nissan Z makes 400 hp, Nissan confirmed.\n"


def run(*args: str, cwd=None, stdin: str | None = None) -> subprocess.CompletedProcess:  # noqa: ANN001
    return subprocess.run([sys.executable, "-m", "autodossier", *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd, input=stdin)


def test_markup_in_file_names_and_text_is_printed_as_is(tmp_path):
    (tmp_path / "a [bold]odd[red] x.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "b.txt").write_text("title: [/red]\n\nThe Nissan Z [/x] makes 400 hp, Nissan [red]confirmed.\n")
    result = run("extract", str(tmp_path), "--format", "table")
    assert result.returncode == 1  # one input failed
    assert "Traceback" not in result.stderr and "MarkupError" not in result.stderr
    assert "a [bold]odd[red] x.txt" in result.stderr  # the name as it is
    assert "[/x]" in result.stdout and "[red]confirmed" in result.stdout  # the rest of the batch went on
    db = tmp_path / "kb.db"
    assert run("ingest", str(tmp_path / "b.txt"), "--db", str(db)).returncode == 0
    for args in (("claims",), ("models",), ("dossier", "Nissan Z"), ("sales",), ("stories", "--min-size", "1")):
        out = run(*args, "--db", str(db))
        assert "Traceback" not in out.stderr, (args, out.stderr)


@pytest.mark.parametrize("name", ["[/x]", "[bold]Q50[/bold]", "[link=javascript:alert(1)]x[/link]"])
def test_markup_in_an_error_message_is_one_plain_line(tmp_path, name):
    db = tmp_path / "kb.db"
    (tmp_path / "z.txt").write_text(ARTICLE)
    assert run("ingest", str(tmp_path / "z.txt"), "--db", str(db)).returncode == 0
    result = run("dossier", name, "--db", str(db))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and "Traceback" not in result.stderr


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_unicode_files_with_a_bom_are_read(tmp_path, codec):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[codec]
    (tmp_path / "wide.txt").write_bytes(bom + ARTICLE.replace("Z news", "Z news – Ünïcode").encode(codec))
    (doc,) = read_paths([str(tmp_path / "wide.txt")], Settings())
    assert isinstance(doc, Document), doc
    assert doc.title == "Z news – Ünïcode" and doc.text.startswith("The Nissan Z makes 400 hp")


def test_wide_unicode_feed_with_its_encoding_declared(tmp_path):
    feed = ("<?xml version='1.0' encoding='UTF-16'?><rss version='2.0'><channel><title>Wide</title>"
            "<item><link>https://wide.example/1</link><description>The Nissan Z makes 400 hp.</description></item>"
            "</channel></rss>")
    (tmp_path / "wide.xml").write_bytes(feed.encode("utf-16"))  # with a BOM
    (doc,) = read_paths([str(tmp_path / "wide.xml")], Settings())
    assert isinstance(doc, Document) and doc.text == "The Nissan Z makes 400 hp."


def test_broken_wide_text_is_a_clear_error(tmp_path):
    (tmp_path / "broken.txt").write_bytes(codecs.BOM_UTF16_LE + "The Z".encode("utf-16-le") + b"\x00\xd8")
    (error,) = read_paths([str(tmp_path / "broken.txt")], Settings())
    assert "not valid UTF-16 text" in str(error)
