"""Reports: dossiers, renderers and charts for every face (CLI, web, Python API).

- ``report.dossier.build_dossier(kb, subject, as_of=None) -> Dossier`` (``to_dict()``)
- ``report.render.render_dossier(dossier, fmt)`` -> str for ``md`` / ``json`` / ``html`` (a
  standalone printable page; ``render_html_fragment`` for embedding); ``wrap_markdown`` fits
  Markdown to a width
- ``report.charts``: ``timeline_data``, ``render_timeline``, ``sales_data``, ``render_sales``
  (PNG bytes / SVG string, or a file)
"""
