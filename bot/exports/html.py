"""The plan as one self-contained web page a college can publish on its site: inline CSS, no
scripts, no external requests (the logo inlined as a data: URI), responsive and printable;
every piece of user text escaped."""

from __future__ import annotations

import base64
from html import escape

from bot.exports.model import (
    COLUMNS,
    PAGE_TITLE,
    REPORT_COLUMNS,
    REPORTS_TITLE,
    ExportItem,
    PlanExport,
    clean,
)

PLAN_WIDTHS = (5, 29, 15, 12, 14, 25)  # per cent of the page's width


def _e(text: str) -> str:
    return escape(clean(text), quote=True)


def _lines(lines: tuple[str, ...] | list[str], css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return "".join(f"<div{cls}>{_e(line)}</div>" for line in lines if line)


def _css(export: PlanExport) -> str:
    b = export.branding
    return f"""
:root {{ --primary: {b.primary}; --accent: {b.accent}; --text: {b.text};
  --bg: {b.background}; --muted: {b.muted}; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; padding: 1.5rem; background: var(--bg); color: var(--text);
  font: 16px/1.45 "Times New Roman", Georgia, serif; }}
header {{ display: flex; flex-wrap: wrap; align-items: flex-start; gap: 1rem;
  justify-content: space-between; }}
header img {{ max-height: 4.5rem; max-width: 12rem; }}
.approval {{ margin-left: auto; text-align: right; }}
.approval div:first-child {{ font-weight: bold; }}
h1 {{ color: var(--primary); text-align: center; font-size: 1.5rem; margin: 1rem 0 .25rem; }}
h2 {{ color: var(--primary); font-size: 1.25rem; margin-top: 2rem; }}
.kicker {{ text-align: center; font-size: .95rem; margin: 0; }}
.org {{ text-align: center; font-style: italic; margin: 0; }}
.asof {{ text-align: center; font-size: .9rem; margin: .25rem 0 1rem; }}
table {{ width: 100%; border-collapse: collapse; font-size: .95rem; }}
th, td {{ border: 1px solid #808080; padding: .35rem .5rem; vertical-align: top;
  text-align: left; overflow-wrap: break-word; hyphens: auto; }}
thead th {{ background: var(--primary); color: #FFFFFF; text-align: center; }}
tr.section td {{ background: var(--muted); color: var(--primary); font-weight: bold; }}
td.num {{ white-space: nowrap; }}
.late {{ color: var(--accent); font-weight: bold; }}
.mark div + div, .result div + div {{ margin-top: .25rem; }}
@media (max-width: 800px) {{
  body {{ padding: .75rem; font-size: 15px; }}
  table, thead, tbody, tr, th, td {{ display: block; width: 100%; }}
  thead {{ position: absolute; left: -10000px; }}
  tr {{ border: 1px solid #808080; margin-bottom: .75rem; }}
  td {{ border: none; border-bottom: 1px solid var(--muted); }}
  td[data-label]::before {{ content: attr(data-label); display: block; font-size: .8rem;
    font-weight: bold; color: var(--primary); }}
  .approval {{ margin-left: 0; text-align: left; }}
}}
@media print {{
  @page {{ size: A4 landscape; margin: 12mm; }}
  body {{ padding: 0; font-size: 11pt; }}
  thead {{ display: table-header-group; }}
  tr {{ page-break-inside: avoid; }}
  h2 {{ page-break-before: always; }}
  thead th, tr.section td {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
}}
"""


def _item_row(item: ExportItem) -> str:
    marks = "".join(
        f'<div class="late">{_e(m.text)}</div>' if m.late else f"<div>{_e(m.text)}</div>"
        for m in item.marks
    )
    cells = (
        ("num", _e(item.number)),
        ("text", _e(item.text)),
        ("executors", _e(item.executors)),
        ("deadline", _e(item.deadline_text)),
        ("result", _lines(item.result_lines)),
        ("mark", marks),
    )
    tds = "".join(
        f'<td data-label="{_e(label)}" class="{css}">{value}</td>'
        for label, (css, value) in zip(COLUMNS, cells, strict=True)
    )
    return f"<tr>{tds}</tr>"


def write_html(export: PlanExport) -> bytes:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="ru">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(PAGE_TITLE)} — {_e(export.cluster)}</title>",
        f"<style>{_css(export)}</style>",
        "</head>",
        "<body>",
        "<header>",
    ]
    if export.logo:
        kind = "png" if export.logo.startswith(b"\x89PNG") else "jpeg"
        data = base64.b64encode(export.logo).decode("ascii")
        parts.append(f'<img src="data:image/{kind};base64,{data}" alt="{_e(export.cluster)}">')
    if export.approval is not None:
        parts.append(f'<div class="approval">{_lines(export.approval.lines)}</div>')
    parts.append("</header>")
    parts.append(f'<p class="kicker">{_e(PAGE_TITLE)}</p>')
    parts.append(f"<h1>{_e(export.title)}</h1>")
    if export.branding.organization:
        parts.append(f'<p class="org">{_e(export.branding.organization)}</p>')
    parts.append(f'<p class="asof">{_e(export.as_of)}</p>')
    head = "".join(f'<th scope="col">{_e(c)}</th>' for c in COLUMNS)
    cols = "".join(f'<col style="width:{w}%">' for w in PLAN_WIDTHS)
    parts.append(
        f'<table class="plan"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>'
    )
    for section in export.sections:
        if section.title:
            parts.append(
                f'<tr class="section"><td colspan="{len(COLUMNS)}">{_e(section.title)}</td></tr>'
            )
        parts.extend(_item_row(item) for item in section.items)
    parts.append("</tbody></table>")
    parts.append(f"<h2>{_e(REPORTS_TITLE)}</h2>")
    if export.reports:
        head = "".join(f'<th scope="col">{_e(c)}</th>' for c in REPORT_COLUMNS)
        parts.append(f'<table class="reports"><thead><tr>{head}</tr></thead><tbody>')
        for report in export.reports:
            tds = "".join(
                f'<td data-label="{_e(label)}">{_lines(value.splitlines())}</td>'
                for label, value in zip(REPORT_COLUMNS, report.cells, strict=True)
            )
            parts.append(f"<tr>{tds}</tr>")
        parts.append("</tbody></table>")
    else:
        parts.append("<p>Отчётов пока нет.</p>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts).encode("utf-8")
