#!/usr/bin/env python3
"""Screenshots of the main web pages into docs/screenshots/ (PNG), desktop and phone width.

Usage: .venv/bin/python scripts/screenshots.py [--db KB] [--model NAME] [--out DIR]

Without ``--db`` it ingests examples/articles into a temporary knowledge base (the README's
demo). Needs Debian's chromium (scripts/services/chromium.sh); never downloads a browser.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from autodossier.settings import Settings
from autodossier.store import KnowledgeBase
from autodossier.web import create_app
from autodossier.web.background import BackgroundServer

ROOT = Path(__file__).resolve().parent.parent
# Same flags as the browser tests (tests/test_web_browser.py): Debian chromium, closed network.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PHONE = {"width": 390, "height": 844}

DESKTOP = {"width": 1280, "height": 900}
# Pages and the file names they are saved as; {model} is filled in from --model.
PAGES = [
    ("home", "/"),
    ("model", "/models/{model}"),
    ("model-asof", "/models/{model}?as_of={as_of}"),
    ("timeline", "/timeline"),
    ("sales", "/sales"),
    ("conflicts", "/conflicts"),
    ("document", "/documents/{doc}"),
]
# The model page is also taken at phone width (the layout most likely to break).
PHONE_PAGES = ("home", "model", "document")


def demo_kb(folder: Path) -> KnowledgeBase:
    """A knowledge base with the example articles ingested, as the README's demo does."""
    from autodossier.pipeline import ingest_paths

    settings = Settings(db=str(folder / "demo.db"))
    kb = KnowledgeBase(settings.db_url)
    ingest_paths(kb, [str(ROOT / "examples" / "articles")], settings)
    return kb


def main() -> int:
    """Serve the app on a free port and save one PNG per page (full page height)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="knowledge base to show (default: demo ingest of examples/articles)")
    parser.add_argument("--model", default="Infiniti Q50", help="model for the dossier pages")
    parser.add_argument("--as-of", default="2023-01-01", help="date for the as-of screenshot")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"), help="output folder")
    args = parser.parse_args()
    chromium = os.environ.get("AUTODOSSIER_TEST_CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        print(f"screenshots: no chromium at {chromium}; run scripts/services/chromium.sh", file=sys.stderr)
        return 1

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase(Settings(db=args.db).db_url) if args.db else demo_kb(Path(tmp))
        docs = [d["doc"] for d in kb.documents()]
        model_docs = [r["doc"] for r in kb.claims(subject=kb.resolve_model(args.model), limit=1)]
        fill = {"model": kb.resolve_model(args.model), "as_of": args.as_of,
                "doc": (model_docs or docs or ["none"])[0]}
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        with BackgroundServer(create_app(Settings(db=args.db or "unused"), kb=kb)) as server, \
                sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
            for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                context = browser.new_context(viewport=viewport, is_mobile=width_name == "phone")
                page = context.new_page()
                for name, path in PAGES:
                    if width_name == "phone" and name not in PHONE_PAGES:
                        continue
                    page.goto(server.url + path.format(**fill))
                    target = out / f"{name}-{width_name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
                context.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
