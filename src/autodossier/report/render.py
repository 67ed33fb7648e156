"""Rendering a dossier as Markdown, JSON or HTML text.

``render_dossier(dossier, fmt)`` with ``fmt`` in ``md``, ``json``, ``html`` returns a string.
Every fact line is followed by its citations (quoted sentence, document id, outlet, date),
estimates are printed apart from claims and marked as estimates.
"""
from __future__ import annotations

import json
import re
import textwrap
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from autodossier.errors import AutodossierError
from autodossier.report.dossier import Dossier
from autodossier.report.labels import label
from autodossier.urls import public_url

FORMATS = ("md", "json", "html")
# A citation quote longer than this is cut in Markdown so that a line stays readable;
# the full sentence is in the JSON and HTML forms.
MAX_QUOTE_CHARS = 300

SECTIONS = (
    ("known", "Known (confirmed)"),
    ("expected", "Expected / reported"),
    ("rumored", "Rumored / speculative"),
)
# What an empty section says, in words a reader expects (shared by every renderer).
EMPTY_SECTION = {
    "known": "No confirmed facts yet.",
    "expected": "Nothing expected or reported yet.",
    "rumored": "No value rests on rumor or speculation alone.",
}
# Width of wrapped Markdown when the reader's width is unknown (piped output, files).
DEFAULT_WIDTH = 80


def _cite(c: dict[str, Any]) -> str:
    quote = (c.get("evidence") or "").strip()
    if len(quote) > MAX_QUOTE_CHARS:
        quote = quote[: MAX_QUOTE_CHARS - 3] + "..."
    where = ", ".join(x for x in (c.get("outlet"), c.get("date") or "undated") if x)
    link = f" <{public_url(c.get('url'))}>" if public_url(c.get("url")) else ""
    said_by = f" (per {c['source']})" if c.get("source") else ""
    # each sentence's own certainty: a confirmed value may also cite rumours that agree with it
    status = f" [{c['status']}]" if c.get("status") else ""
    return f'"{quote}"{said_by}{status} - {c.get("doc")}, {where}{link}'


def _fact_line(f: dict[str, Any]) -> list[str]:
    scope = f" [{f['scope']}]" if f.get("scope") else ""
    lines = [f"- **{f['label']}**{scope}: {f['value']} - {f['status']}, belief {f['belief']:.2f} ({f['reason']})"]
    lines += [f"  - {_cite(c)}" for c in f["citations"]]
    return lines


def _estimate_lines(estimates: dict[str, Any]) -> list[str]:
    lines = ["", "Estimates (computed by a calibrated model from related figures; not reported by any source):", ""]
    if not estimates.get("available", True):
        return lines + [f"- no estimate: {estimates.get('reason') or 'not enough data'}"]
    for name, q in (estimates.get("quantities") or {}).items():
        share = f"{round(100 * q['interval'])}% interval " if q.get("interval") else "interval "
        lines.append(f"- ESTIMATE {label(name)}: {q.get('point')} {q.get('unit') or ''} "
                     f"({share}{q.get('low')}-{q.get('high')})")
    return lines


def render_markdown(d: dict[str, Any]) -> str:
    """The dossier as a Markdown document."""
    h = d["headline"]
    out = [f"# {d['subject']}", ""]
    disputed = " (disputed)" if h.get("lifecycle_disputed") else ""
    out.append(f"Lifecycle: **{h.get('lifecycle_story') or _unstated(d)}**{disputed}")
    if h.get("mentioned_only"):
        out.append("Only mentioned in passing: no claims about it yet; the sentences naming it are below.")
    out.append(f"{h['claims']} claim{'s' if h['claims'] != 1 else ''} from {h['documents']} "
               f"document{'s' if h['documents'] != 1 else ''}"
               + (f", reported {h['first_reported']} to {h['last_reported']}" if h.get("first_reported") else ""))
    if h.get("variants"):
        out.append("Variants: " + ", ".join(h["variants"]))
    if d.get("as_of"):
        out.append(f"As of {d['as_of']}: only what had been published by then.")
    if d.get("mentions"):
        out += ["", "## Mentioned in", ""]
        out += [f"- {_cite(c)}" for c in d["mentions"]]
    for key, title in SECTIONS:
        out += ["", f"## {title}", ""]
        out += [line for f in d[key] for line in _fact_line(f)] or [EMPTY_SECTION[key]]
    if d.get("lifecycle"):
        out += ["", "## Lifecycle", ""]
        for e in d["lifecycle"]:
            how = "inferred from the end of production" if e.get("inferred") else e["status"]
            docs = ", ".join(dict.fromkeys(c["doc"] for c in e["citations"]))
            out.append(f"- {e['label']} - {how}; {docs}")
    out += ["", "## Conflicts", ""]
    if not d["conflicts"]:
        out.append("No conflicting reports.")
    for c in d["conflicts"]:
        scope = f" [{c['scope']}]" if c.get("scope") else ""
        out.append(f"- **{c['label']}**{scope}: " + " vs ".join(s["value"] for s in c["sides"]))
        for side in c["sides"]:
            out.append(f"  - {side['value']} - {side['status']}, belief {side['belief']:.2f} ({side['reason']})")
            out += [f"    - {_cite(x)}" for x in side["citations"]]
    if d.get("superseded"):
        out += ["", "## Superseded (history)", ""]
        out += [line for f in d["superseded"] for line in _fact_line(f)]
    out += ["", "## Unanswered questions", ""]
    out += [f"- {u['label']}" for u in d["unanswered"]] or ["Every standard question has an answer."]
    if d.get("estimates"):
        out += _estimate_lines(d["estimates"])
    out += ["", "## Related models", ""]
    for r in d["related"] or []:
        neg = "not " if not r["holds"] else ""
        out.append(f"- {r['relation']}: {neg}{r['model']} - {r['status']}, belief {r['belief']:.2f}")
        out += [f"  - {_cite(c)}" for c in r["citations"]]
    if not d["related"]:
        out.append("No related models named.")
    out += ["", "## Timeline", ""]
    for e in d["timeline"]:
        old = " (superseded)" if e["superseded"] else ""
        out.append(f"- {e['date']}: {e['event']} - {e['status']}{old}; "
                   + "; ".join(f"{c['doc']}" for c in e["citations"]))
    if not d["timeline"]:
        out.append("No dated events.")
    out += ["", "## Sources", ""]
    for s in d["sources"]:
        link = f" <{public_url(s.get('url'))}>" if public_url(s.get("url")) else ""
        out.append(f"- {s['doc']}: {s.get('title') or '(untitled)'} - {s.get('outlet') or 'unknown outlet'}, "
                   f"{s.get('date') or 'undated'}, {s['claims']} claims{link}")
    return "\n".join(out) + "\n"


def _unstated(d: dict[str, Any]) -> str:
    """The lifecycle line when no claim states one: say so, and point at what was said."""
    when = f" by {d['as_of']}" if d.get("as_of") else ""
    named = len(d.get("mentions") or [])
    return f"not stated{when}" + (f"; named in {named} sentence{'s' if named != 1 else ''} (see Mentioned in)"
                                  if named else "")


_LIST_ITEM = re.compile(r"^(\s*)(- )?")


def wrap_markdown(text: str, width: int = DEFAULT_WIDTH) -> str:
    """Markdown wrapped to ``width`` columns, list items with a hanging indent (still valid
    Markdown), so a dossier reads at 80 columns in a terminal, a pager or a file."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width or line.startswith("#"):
            out.append(line)
            continue
        m = _LIST_ITEM.match(line)
        lead = m.group(1) + (m.group(2) or "")
        out.extend(textwrap.wrap(line, width=width, initial_indent="", subsequent_indent=" " * len(lead),
                                 break_long_words=True, break_on_hyphens=False) or [line])
    return "\n".join(out)


_ENV = Environment(autoescape=True)
_ENV.filters["safe_href"] = public_url  # only http(s) URLs become links (no javascript:)
_HTML = _ENV.from_string("""\
<article class="dossier">
<h1>{{ d.subject }}</h1>
<p class="headline">Lifecycle: <strong>{{ d.headline.lifecycle_story or unstated }}</strong>
{% if d.headline.lifecycle_disputed %}(disputed){% endif %};
{{ d.headline.claims }} claim{{ "s" if d.headline.claims != 1 }} from {{ d.headline.documents }} document{{ "s" if d.headline.documents != 1 }}.
{% if d.as_of %}As of {{ d.as_of }}: only what had been published by then.{% endif %}</p>
{% macro cites(list) %}<ul class="citations">{% for c in list %}<li><q>{{ c.evidence }}</q>
{% if c.source %}(per {{ c.source }}){% endif %}{% if c.status %} [{{ c.status }}]{% endif %} &mdash; {{ c.doc }}, {{ c.outlet or "" }} {{ c.date or "undated" }}
{% if c.url|safe_href %}<a href="{{ c.url|safe_href }}">link</a>{% endif %}</li>{% endfor %}</ul>{% endmacro %}
{% macro fact(f) %}<li class="status-{{ f.status }}"><strong>{{ f.label }}</strong>
{% if f.scope %}[{{ f.scope }}]{% endif %}: {{ f.value }} &mdash; {{ f.status }},
belief {{ "%.2f"|format(f.belief) }} <span class="reason">({{ f.reason }})</span>{{ cites(f.citations) }}</li>{% endmacro %}
{% if d.mentions %}<section id="mentions"><h2>Mentioned in</h2>{{ cites(d.mentions) }}</section>{% endif %}
{% for key, title in sections %}<section id="{{ key }}"><h2>{{ title }}</h2>
{% if d[key] %}<ul>{% for f in d[key] %}{{ fact(f) }}{% endfor %}</ul>{% else %}<p class="empty">{{ empty[key] }}</p>{% endif %}</section>
{% endfor %}
{% if d.lifecycle %}<section id="lifecycle"><h2>Lifecycle</h2><ol>{% for e in d.lifecycle %}
<li>{{ e.label }} &mdash; {% if e.inferred %}inferred from the end of production{% else %}{{ e.status }}{% endif %}</li>{% endfor %}</ol></section>{% endif %}
<section id="conflicts"><h2>Conflicts</h2>{% for c in d.conflicts %}
<h3>{{ c.label }}{% if c.scope %} [{{ c.scope }}]{% endif %}</h3><table class="conflict"><tr>
{% for s in c.sides %}<td><strong>{{ s.value }}</strong> &mdash; {{ s.status }}, belief {{ "%.2f"|format(s.belief) }}
{{ cites(s.citations) }}</td>{% endfor %}</tr></table>{% else %}<p class="empty">No conflicting reports.</p>{% endfor %}</section>
{% if d.superseded %}<section id="superseded"><h2>Superseded (history)</h2><ul>
{% for f in d.superseded %}{{ fact(f) }}{% endfor %}</ul></section>{% endif %}
<section id="unanswered"><h2>Unanswered questions</h2><ul>
{% for u in d.unanswered %}<li>{{ u.label }}</li>{% else %}<li class="empty">Every standard question has an answer.</li>{% endfor %}</ul>
{% if d.estimates %}<div class="estimates"><h3>Estimates (computed, not reported by any source)</h3>
<ul>{% for line in estimate_lines %}<li>{{ line }}</li>{% endfor %}</ul></div>{% endif %}</section>
<section id="related"><h2>Related models</h2><ul>{% for r in d.related %}
<li>{{ r.relation }}: {% if not r.holds %}not {% endif %}{{ r.model }} &mdash; {{ r.status }},
belief {{ "%.2f"|format(r.belief) }}{{ cites(r.citations) }}</li>{% else %}<li class="empty">No related models named.</li>{% endfor %}</ul></section>
<section id="timeline"><h2>Timeline</h2><ul>{% for e in d.timeline %}
<li>{{ e.date }}: {{ e.event }} &mdash; {{ e.status }}{% if e.superseded %} (superseded){% endif %}</li>
{% else %}<li class="empty">No dated events.</li>{% endfor %}</ul></section>
<section id="sources"><h2>Sources</h2><ul>{% for s in d.sources %}
<li>{{ s.doc }}: {{ s.title or "(untitled)" }} &mdash; {{ s.outlet or "unknown outlet" }}, {{ s.date or "undated" }},
{{ s.claims }} claims{% if s.url|safe_href %} <a href="{{ s.url|safe_href }}">link</a>{% endif %}</li>{% endfor %}</ul></section>
</article>
""")


# The standalone page's style: readable on screen, and printed without links' clutter or
# page breaks inside a fact.
PAGE_CSS = """\
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:52rem;margin:2rem auto;
padding:0 1rem;color:#1a1a1a;background:#fff}
h1{margin-bottom:.2rem}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
.headline{color:#444}.reason,.empty{color:#666}
ul.citations{font-size:.9rem;color:#333;margin:.2rem 0 .6rem}q{font-style:italic}
li.status-confirmed>strong:first-child{color:#0a5c2b}li.status-rumored>strong:first-child,
li.status-speculative>strong:first-child{color:#8a4b00}
table.conflict td{vertical-align:top;padding:.4rem;border:1px solid #ddd}
@media print{body{margin:0;max-width:none;font-size:11pt}a{color:inherit;text-decoration:none}
li,table{break-inside:avoid}h2{break-after:avoid}}
"""


def render_html_fragment(d: dict[str, Any]) -> str:
    """The dossier as an HTML fragment (an ``<article>``), for embedding in another page."""
    lines = [x[2:] for x in _estimate_lines(d["estimates"]) if x.startswith("- ")] if d.get("estimates") else []
    return _HTML.render(d=d, sections=SECTIONS, estimate_lines=lines, empty=EMPTY_SECTION, unstated=_unstated(d))


_PAGE = Environment(autoescape=True).from_string("""\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title><style>{{ css }}</style></head>
<body>{{ body }}</body></html>
""")


def render_html(d: dict[str, Any]) -> str:
    """The dossier as a standalone, printable HTML page with its own CSS (no external files)."""
    title = f"{d['subject']} dossier" + (f" as of {d['as_of']}" if d.get("as_of") else "")
    return _PAGE.render(title=title, css=Markup(PAGE_CSS), body=Markup(render_html_fragment(d)))


def render_dossier(dossier: Dossier | dict[str, Any], fmt: str = "md") -> str:
    """The dossier as text in ``fmt``: ``md``, ``json`` or ``html``."""
    d = dossier.to_dict() if isinstance(dossier, Dossier) else dossier
    if fmt == "json":
        return json.dumps(d, indent=2, ensure_ascii=False, default=str)
    if fmt == "md":
        return render_markdown(d)
    if fmt == "html":
        return render_html(d)
    raise AutodossierError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
