"""The timeline of a plan as inline SVG: a Gantt chart of stages, tasks and steps by month.

`gantt_svg(timeline)` takes the `timeline` of the document context (see
`clusterctl.doccontext.TimelineCtx`) and returns SVG markup, one chart per stage (a long stage
is cut into charts of at most `MAX_ROWS` rows, each with its own month axis, so that a printed
page never cuts a chart). All charts share one time axis. Shapes:

* a stage — a light band over its period;
* a range («10.10.2022 - 14.10.2022», «Январь-февраль 2014») — a bar;
* a date or a «до …» deadline — a diamond on its day;
* an ongoing or recurring item («Постоянно в течение года») — a hatched band;
* a task whose steps carry the dates — a thin bracket over its steps' span;
* an item with no dates («По отдельному графику») — its phrase, in grey.

Colours tell the state: planned blue, in progress dark blue, done green, cancelled grey,
overdue red. A dashed red line marks today. No scripts, no fonts, no network: the markup is
self-contained and prints as vectors.
"""

from __future__ import annotations

import datetime
import math
from html import escape
from itertools import groupby
from typing import Any

from clusterctl.documents.context.values import DOCUMENT_LANG
from clusterctl.i18n import t

MAX_ROWS = 28
ROW = 20
HEADER = 38
LABEL_WIDTH = 470
FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"

COLOURS = {
    "planned": "#4f7fd9",
    "in_progress": "#1b4fb0",
    "done": "#2d9d56",
    "cancelled": "#a9b1bb",
    "overdue": "#d1242f",
    "ongoing": "#6f9be6",
    "stage": "#dbe5f4",
}


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def _truncate(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: max(1, limit - 1)].rstrip() + "…"


class _Axis:
    def __init__(self, start: datetime.date, end: datetime.date, x0: float, x1: float) -> None:
        self.start = start
        self.days = (end - start).days + 1
        self.x0 = x0
        self.width = x1 - x0

    def x(self, day: datetime.date) -> float:
        return round(self.x0 + (day - self.start).days / self.days * self.width, 1)

    def x_end(self, day: datetime.date) -> float:
        return self.x(day + datetime.timedelta(days=1))


def gantt_svg(timeline: Any, width: int = 1500) -> str:
    """SVG charts for `timeline` (a TimelineCtx), joined; a note when nothing is dated."""
    if timeline.start is None or timeline.end is None:
        return f'<p class="gantt-empty">{_attr(t("doc.gantt.empty", DOCUMENT_LANG))}</p>'
    axis = _Axis(timeline.start, timeline.end, LABEL_WIDTH + 12, width - 14)
    charts: list[str] = []
    number = 0
    for _, group in groupby(timeline.rows, key=lambda r: r.stage_key):
        rows = list(group)
        pieces = math.ceil(len(rows) / MAX_ROWS)
        size = math.ceil(len(rows) / pieces)
        for first in range(0, len(rows), size):
            number += 1
            charts.append(_chart(timeline, axis, rows[first : first + size], width, number))
    return "\n".join(charts)


def _chart(timeline: Any, axis: _Axis, rows: list[Any], width: int, number: int) -> str:
    height = HEADER + ROW * len(rows) + 6
    hatch = f"gantt-hatch-{number}"
    clip = f"gantt-clip-{number}"
    out: list[str] = [
        f'<svg class="gantt" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-label="{_attr(t("doc.gantt.label", DOCUMENT_LANG, title=rows[0].label))}" '
        f'font-family="{FONT}" font-size="11">',
        "<defs>"
        f'<pattern id="{hatch}" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="#e4ecfa"/>'
        f'<rect width="3" height="6" fill="{COLOURS["ongoing"]}"/></pattern>'
        f'<clipPath id="{clip}"><rect x="0" y="0" width="{LABEL_WIDTH}" height="{height}"/>'
        "</clipPath></defs>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    # zebra rows
    for i in range(len(rows)):
        if i % 2:
            y = HEADER + i * ROW
            out.append(f'<rect x="0" y="{y}" width="{width}" height="{ROW}" fill="#f5f7fb"/>')
    out.extend(_months(timeline, axis, height))
    for i, row in enumerate(rows):
        out.extend(_row(row, axis, HEADER + i * ROW, hatch, clip))
    out.extend(_today(timeline, axis, height))
    out.append(
        f'<line x1="0" y1="{HEADER - 0.5}" x2="{width}" y2="{HEADER - 0.5}" stroke="#8c99aa"/>'
    )
    out.append("</svg>")
    return "".join(out)


def _months(timeline: Any, axis: _Axis, height: int) -> list[str]:
    out: list[str] = []
    months = timeline.months
    month_width = axis.width / max(1, len(months))
    step = 1 if month_width >= 34 else math.ceil(34 / month_width)
    for tick in months:
        x = axis.x(tick.start)
        new_year = tick.start.month == 1 or tick is months[0]
        colour = "#9aa7b8" if new_year else "#e1e6ee"
        out.append(f'<line x1="{x}" y1="{16 if new_year else 20}" x2="{x}" y2="{height}" '
                   f'stroke="{colour}" stroke-width="1"/>')
        if new_year:
            out.append(f'<text x="{x + 3}" y="12" font-weight="bold" fill="#3d4a5c">'
                       f"{tick.year}</text>")
        if (tick.start.month - 1) % step == 0:
            nxt = tick.start.replace(day=28) + datetime.timedelta(days=4)
            middle = (x + axis.x(nxt.replace(day=1))) / 2 if step == 1 else x + 3
            anchor = "middle" if step == 1 else "start"
            out.append(f'<text x="{round(middle, 1)}" y="31" text-anchor="{anchor}" '
                       f'font-size="10" fill="#55627a">{_attr(tick.label)}</text>')
    end_x = axis.x0 + axis.width
    out.append(f'<line x1="{end_x}" y1="16" x2="{end_x}" y2="{height}" stroke="#9aa7b8"/>')
    return out


def _today(timeline: Any, axis: _Axis, height: int) -> list[str]:
    today = timeline.today
    if not timeline.start <= today <= timeline.end:
        return []
    x = axis.x(today) + 0.5 * (axis.x_end(today) - axis.x(today))
    label = _attr(t("doc.gantt.today", DOCUMENT_LANG, date=f"{today:%d.%m.%Y}"))
    left = min(max(x - 56, axis.x0), axis.x0 + axis.width - 112)
    return [
        f'<line class="today" x1="{x}" y1="14" x2="{x}" y2="{height}" '
        'stroke="#d1242f" stroke-width="1.5" stroke-dasharray="4 3"/>',
        f'<rect x="{round(left, 1)}" y="1" width="112" height="14" rx="3" fill="#d1242f"/>',
        f'<text x="{round(left + 56, 1)}" y="11.5" text-anchor="middle" font-size="10" '
        f'fill="#ffffff">{label}</text>',
    ]


def _row(row: Any, axis: _Axis, y: int, hatch: str, clip: str) -> list[str]:
    out: list[str] = []
    mid = y + ROW / 2
    indent = {"stage": 6, "task": 10, "step": 30}[row.kind]
    weight = ' font-weight="bold"' if row.kind == "stage" else ""
    colour = "#1f2937" if row.kind != "step" else "#3d4a5c"
    ref = f"{row.ref} " if row.ref and row.kind != "stage" else ""
    chars = int((LABEL_WIDTH - indent - 6) / 6.6)
    label = _truncate(ref + row.label, chars)
    decoration = ' text-decoration="line-through"' if row.state == "cancelled" else ""
    tip = " ".join(f"{ref}{row.label}".split())
    if row.due_text:
        tip += f" — {' '.join(row.due_text.split())}"
    out.append(f"<g><title>{_attr(tip)}</title>")
    out.append(f'<text x="{indent}" y="{mid + 4}" fill="{colour}"{weight}{decoration} '
               f'clip-path="url(#{clip})">{_attr(label)}</text>')
    start, end = row.start, row.end
    if row.shape == "none" or start is None or end is None:
        if row.kind != "stage":
            text = (" ".join(row.due_text.split()) if row.due_text
                    else t("doc.gantt.no-due", DOCUMENT_LANG))
            out.append(f'<text x="{axis.x0 + 4}" y="{mid + 4}" fill="#7b8794" '
                       f'font-style="italic">{_attr(_truncate(text, 60))}</text>')
        out.append("</g>")
        return out
    x1, x2 = axis.x(start), axis.x_end(end)
    fill = COLOURS.get(row.state, COLOURS["planned"])
    if row.kind == "stage":
        out.append(f'<rect x="{x1}" y="{y + 3}" width="{max(x2 - x1, 2)}" height="{ROW - 6}" '
                   f'rx="3" fill="{COLOURS["stage"]}" stroke="#8fa6c8"/>')
    elif row.shape == "group":
        tip_y = mid + 3
        out.append(f'<path class="group" d="M{x1},{mid - 3} H{x2} V{tip_y + 3} L{x2 - 4},{tip_y} '
                   f'H{x1 + 4} L{x1},{tip_y + 3} Z" fill="#5f6b7a"/>')
    elif row.shape == "band":
        outline = COLOURS["overdue"] if row.state == "overdue" else "#4f7fd9"
        out.append(f'<rect class="band" x="{x1}" y="{y + 5}" width="{max(x2 - x1, 2)}" '
                   f'height="{ROW - 10}" fill="url(#{hatch})" stroke="{outline}" '
                   'stroke-width="0.8"/>')
        for day, state in row.marks:  # a recurring deadline's occurrences
            cx, r = axis.x_end(day) - 2, 4
            out.append(f'<polygon class="occurrence {state}" '
                       f'points="{cx},{mid - r} {cx + r},{mid} {cx},{mid + r} {cx - r},{mid}" '
                       f'fill="{COLOURS.get(state, COLOURS["planned"])}" stroke="#ffffff" '
                       'stroke-width="1"/>')
    elif row.shape == "milestone":
        cx = x2 - min(3.0, (x2 - x1) / 2)
        r = 6 if row.kind == "task" else 5
        out.append(f'<polygon class="milestone {row.state}" '
                   f'points="{cx},{mid - r} {cx + r},{mid} {cx},{mid + r} {cx - r},{mid}" '
                   f'fill="{fill}" stroke="#ffffff" stroke-width="1"/>')
    else:
        h = 10 if row.kind == "task" else 8
        out.append(f'<rect class="bar {row.state}" x="{x1}" y="{mid - h / 2}" '
                   f'width="{max(x2 - x1, 3)}" height="{h}" rx="2" fill="{fill}"/>')
    if row.state == "overdue":
        out.append(f'<text x="{x2 + 4}" y="{mid + 4}" fill="{COLOURS["overdue"]}" '
                   'font-weight="bold">!</text>')
    elif row.state == "done":
        out.append(f'<text x="{x2 + 4}" y="{mid + 4}" fill="{COLOURS["done"]}">✓</text>')
    out.append("</g>")
    return out
