"""Claims whose evidence names a model: what was said around a model that has no claims.

A model only mentioned in passing ("leaving only the Q50 in Infiniti's lineup", "a
rebadging of the Nissan Skyline") has no claims of its own, yet the sentences that name it
are what a reader wants on its page, and what an as-of view of an earlier date can show.
The search is a scan of the evidence text, so it is only run for such models, never for
the dossier of a model with claims.
"""
from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import func

from autodossier.store import schema as s
from autodossier.store.entities import normalize
from autodossier.store.queries import _RECORD_COLUMNS

# Sentences listed at most for one model: enough to read, bounded for a popular name.
MAX_MENTIONS = 50
# Names shorter than this ("Z", "M3"?) match too much text to search by.
MIN_NAME_CHARS = 2

_C, _D = s.claims.c, s.documents.c


def search_terms(name: str, make: str | None = None) -> list[str]:
    """The names to look for: the full name and the bare model name ("Infiniti Q50" -> "Q50")."""
    terms = [name.strip()]
    words = name.split()
    if len(words) > 1 and (make is None or words[0].lower() == make.lower()):
        terms.append(" ".join(words[1:]))
    return [t for t in dict.fromkeys(terms) if len(t) >= MIN_NAME_CHARS]


def mentioning_claims(kb: Any, name: str, as_of: str | None = None, exclude_subject: str | None = None,
                      limit: int = MAX_MENTIONS) -> list[dict]:
    """Claim records (of other subjects) whose evidence names ``name`` as a word, newest first.

    One record per distinct sentence; ``as_of`` keeps what was published by then.
    """
    terms = search_terms(name)
    if not terms:
        return []
    words = re.compile("|".join(rf"(?<![\w-]){re.escape(t)}(?![\w-])" for t in terms), re.I)
    # LIKE on the shortest term finds every candidate; the word test then drops "Q500" for "Q50".
    pattern = "%" + min(terms, key=len).lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    q = kb._claim_select(_RECORD_COLUMNS, as_of=as_of).where(
        func.lower(_C.evidence).like(pattern, escape="\\"))
    q = q.order_by(_D.date.desc(), _C.id)
    seen: set[tuple] = set()
    out = []
    with kb._engine.connect() as conn:
        result = conn.execute(q)
        names = tuple(result.keys())
        for row in result:
            rec = dict(zip(names, row))
            if exclude_subject and normalize(rec["subject"]) == normalize(exclude_subject):
                continue
            key = (rec["doc"], rec["evidence"])
            if key in seen or not words.search(rec["evidence"] or ""):
                continue
            seen.add(key)
            rec["value"] = json.loads(rec["value"])
            rec["negated"] = bool(rec["negated"])
            out.append(rec)
            if len(out) >= limit:
                break
    return out
