"""Rendering a dossier as Markdown, JSON or HTML text.

``render_dossier(dossier, fmt)`` with ``fmt`` in ``md``, ``json``, ``html`` returns a string.
Every fact line is followed by its citations (quoted sentence, document id, outlet, date),
estimates are printed apart from claims and marked as estimates.
"""
from __future__ import annotations

import json
from typing import Any

from jinja2 import Environment

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


def _cite(c: dict[str, Any]) -> str:
    quote = (c.get("evidence") or "").strip()
    if len(quote) > MAX_QUOTE_CHARS:
        quote = quote[: MAX_QUOTE_CHARS - 3] + "..."
    where = ", ".join(x for x in (c.get("outlet"), c.get("date") or "undated") if x)
    link = f" <{public_url(c.get('url'))}>" if public_url(c.get("url")) else ""
    said_by = f" (per {c['source']})" if c.get("source") else ""
    return f'"{quote}"{said_by} - {c.get("doc")}, {where}{link}'


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
    state = h.get("lifecycle") or "unknown"
    disputed = " (disputed)" if h.get("lifecycle_disputed") else ""
    out.append(f"Lifecycle: **{state}**{disputed}" + (f" ({h['lifecycle_status']})" if h.get("lifecycle_status") else ""))
    out.append(f"{h['claims']} claims from {h['documents']} documents"
               + (f", reported {h['first_reported']} to {h['last_reported']}" if h.get("first_reported") else ""))
    if h.get("variants"):
        out.append("Variants: " + ", ".join(h["variants"]))
    if d.get("as_of"):
        out.append(f"As of {d['as_of']}: only what had been published by then.")
    for key, title in SECTIONS:
        out += ["", f"## {title}", ""]
        out += [line for f in d[key] for line in _fact_line(f)] or ["- (nothing)"]
    out += ["", "## Conflicts", ""]
    if not d["conflicts"]:
        out.append("- (none)")
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
    out += [f"- {u['label']}" for u in d["unanswered"]] or ["- (none)"]
    if d.get("estimates"):
        out += _estimate_lines(d["estimates"])
    out += ["", "## Related models", ""]
    for r in d["related"] or []:
        neg = "not " if not r["holds"] else ""
        out.append(f"- {r['relation']}: {neg}{r['model']} - {r['status']}, belief {r['belief']:.2f}")
        out += [f"  - {_cite(c)}" for c in r["citations"]]
    if not d["related"]:
        out.append("- (none)")
    out += ["", "## Timeline", ""]
    for e in d["timeline"]:
        old = " (superseded)" if e["superseded"] else ""
        out.append(f"- {e['date']}: {e['event']} - {e['status']}{old}; "
                   + "; ".join(f"{c['doc']}" for c in e["citations"]))
    if not d["timeline"]:
        out.append("- (no dated events)")
    out += ["", "## Sources", ""]
    for s in d["sources"]:
        link = f" <{public_url(s.get('url'))}>" if public_url(s.get("url")) else ""
        out.append(f"- {s['doc']}: {s.get('title') or '(untitled)'} - {s.get('outlet') or 'unknown outlet'}, "
                   f"{s.get('date') or 'undated'}, {s['claims']} claims{link}")
    return "\n".join(out) + "\n"


_ENV = Environment(autoescape=True)
_ENV.filters["safe_href"] = public_url  # only http(s) URLs become links (no javascript:)
_HTML = _ENV.from_string("""\
<article class="dossier">
<h1>{{ d.subject }}</h1>
<p class="headline">Lifecycle: <strong>{{ d.headline.lifecycle or "unknown" }}</strong>
{% if d.headline.lifecycle_disputed %}(disputed){% endif %}
{% if d.headline.lifecycle_status %}({{ d.headline.lifecycle_status }}){% endif %};
{{ d.headline.claims }} claims from {{ d.headline.documents }} documents.
{% if d.as_of %}As of {{ d.as_of }}.{% endif %}</p>
{% macro cites(list) %}<ul class="citations">{% for c in list %}<li><q>{{ c.evidence }}</q>
{% if c.source %}(per {{ c.source }}){% endif %} &mdash; {{ c.doc }}, {{ c.outlet or "" }} {{ c.date or "undated" }}
{% if c.url|safe_href %}<a href="{{ c.url|safe_href }}">link</a>{% endif %}</li>{% endfor %}</ul>{% endmacro %}
{% macro fact(f) %}<li class="status-{{ f.status }}"><strong>{{ f.label }}</strong>
{% if f.scope %}[{{ f.scope }}]{% endif %}: {{ f.value }} &mdash; {{ f.status }},
belief {{ "%.2f"|format(f.belief) }} <span class="reason">({{ f.reason }})</span>{{ cites(f.citations) }}</li>{% endmacro %}
{% for key, title in sections %}<section id="{{ key }}"><h2>{{ title }}</h2><ul>
{% for f in d[key] %}{{ fact(f) }}{% else %}<li>(nothing)</li>{% endfor %}</ul></section>
{% endfor %}
<section id="conflicts"><h2>Conflicts</h2>{% for c in d.conflicts %}
<h3>{{ c.label }}{% if c.scope %} [{{ c.scope }}]{% endif %}</h3><table class="conflict"><tr>
{% for s in c.sides %}<td><strong>{{ s.value }}</strong> &mdash; {{ s.status }}, belief {{ "%.2f"|format(s.belief) }}
{{ cites(s.citations) }}</td>{% endfor %}</tr></table>{% else %}<p>(none)</p>{% endfor %}</section>
{% if d.superseded %}<section id="superseded"><h2>Superseded (history)</h2><ul>
{% for f in d.superseded %}{{ fact(f) }}{% endfor %}</ul></section>{% endif %}
<section id="unanswered"><h2>Unanswered questions</h2><ul>
{% for u in d.unanswered %}<li>{{ u.label }}</li>{% else %}<li>(none)</li>{% endfor %}</ul>
{% if d.estimates %}<div class="estimates"><h3>Estimates (computed, not reported by any source)</h3>
<ul>{% for line in estimate_lines %}<li>{{ line }}</li>{% endfor %}</ul></div>{% endif %}</section>
<section id="related"><h2>Related models</h2><ul>{% for r in d.related %}
<li>{{ r.relation }}: {% if not r.holds %}not {% endif %}{{ r.model }} &mdash; {{ r.status }},
belief {{ "%.2f"|format(r.belief) }}{{ cites(r.citations) }}</li>{% else %}<li>(none)</li>{% endfor %}</ul></section>
<section id="timeline"><h2>Timeline</h2><ul>{% for e in d.timeline %}
<li>{{ e.date }}: {{ e.event }} &mdash; {{ e.status }}{% if e.superseded %} (superseded){% endif %}</li>
{% else %}<li>(no dated events)</li>{% endfor %}</ul></section>
<section id="sources"><h2>Sources</h2><ul>{% for s in d.sources %}
<li>{{ s.doc }}: {{ s.title or "(untitled)" }} &mdash; {{ s.outlet or "unknown outlet" }}, {{ s.date or "undated" }},
{{ s.claims }} claims{% if s.url|safe_href %} <a href="{{ s.url|safe_href }}">link</a>{% endif %}</li>{% endfor %}</ul></section>
</article>
""")


def render_html(d: dict[str, Any]) -> str:
    """The dossier as an HTML fragment (an ``<article>``; the web app wraps it in its page)."""
    lines = [x[2:] for x in _estimate_lines(d["estimates"]) if x.startswith("- ")] if d.get("estimates") else []
    return _HTML.render(d=d, sections=SECTIONS, estimate_lines=lines)


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
