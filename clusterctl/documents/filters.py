"""The filters templates use (`FILTERS`): dates in words, plurals, percentages, names, table
cells, links, reminders, the timeline's SVG. docs/templates.md lists them."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from typing import Any

from clusterctl.documents.context.values import DOCUMENT_LANG
from clusterctl.i18n import choose
from clusterctl.i18n import dates as datefmt


def _bounds(value: Any, end: Any = None) -> tuple[datetime.date | None, datetime.date | None]:
    """A date, or anything with `start` and `end` (a period, a deadline, a row)."""
    if value is None or isinstance(value, datetime.date):
        return value, end if end is not None else value
    start = getattr(value, "start", None)
    stop = getattr(value, "end", None)
    if getattr(value, "kind", None) == "before":
        start = None
    return start, stop


def f_day(value: Any, lang: str = "ru") -> str:
    """26.09.2022; a period gives «10.10.2022–14.10.2022»."""
    start, end = _bounds(value)
    if start is not None and start == end:
        return datefmt.day(start, lang)
    return datefmt.span(start, end, lang)


def f_day_long(value: Any, lang: str = "ru") -> str:
    """26 сентября 2022 г.; a period gives «январь–февраль 2014 г.»."""
    start, end = _bounds(value)
    if start is not None and start == end:
        return datefmt.day_long(start, lang)
    return datefmt.span_long(start, end, lang)


def f_span(value: Any, end: Any = None, lang: str = "ru") -> str:
    """`start|span(end)` or `period|span`: 10.10.2022–14.10.2022, «до 26.09.2022»."""
    start, stop = _bounds(value, end)
    return datefmt.span(start, stop, lang)


def f_span_long(value: Any, end: Any = None, lang: str = "ru") -> str:
    """`start|span_long(end)` or `period|span_long`: «январь–февраль 2014 г.»."""
    start, stop = _bounds(value, end)
    return datefmt.span_long(start, stop, lang)


def f_month_year(value: datetime.date | None, lang: str = "ru") -> str:
    """сентябрь 2022 г."""
    return datefmt.month_year(value, lang) if value is not None else ""


def f_weekday(value: datetime.date | None, lang: str = "ru") -> str:
    """понедельник"""
    return datefmt.weekday(value, lang) if value is not None else ""


def f_plural(n: int, one: str, few: str, many: str, with_number: bool = True) -> str:
    """{{ n|plural('день', 'дня', 'дней') }} -> «3 дня» (or the word alone)."""
    word = choose(n, (one, few, many), DOCUMENT_LANG)
    return f"{n} {word}" if with_number else word


def f_percent(value: float | None, digits: int = 0) -> str:
    """0.4567 -> «46 %» ("" for None)."""
    if value is None:
        return ""
    number = round(100 * float(value), digits)
    text = f"{number:.{digits}f}".replace(".", ",")
    return f"{text}\u00a0%"


def f_names(values: Iterable[Any] | None, sep: str = ", ") -> str:
    """People, roles or organisations joined: «Чечуркина К.К., Руководители ОО»."""
    if not values:
        return ""
    out = []
    for value in values:
        if isinstance(value, str):
            out.append(value)
        else:
            out.append(str(getattr(value, "label", None) or getattr(value, "name", value)))
    return sep.join(out)


def f_line(value: Any) -> str:
    """Text on one line: line breaks and runs of spaces folded (a deadline phrase as the
    author wrote it over two lines, shown in a sentence or a cell)."""
    return "" if value is None else " ".join(str(value).split())


def f_cell(value: Any) -> str:
    """Text for a Markdown table cell: `|` escaped, line breaks as <br>."""
    if value is None:
        return ""
    text = str(value).replace("\\", "\\\\").replace("|", "\\|")
    return "<br>".join(line.strip() for line in text.splitlines() if line.strip())


def _markup() -> Any:
    from markupsafe import Markup

    return Markup


def f_nl2br(value: Any) -> Any:
    """HTML: the text escaped, line breaks as <br>."""
    from markupsafe import escape

    if value is None:
        return _markup()("")
    lines = [escape(line.strip()) for line in str(value).splitlines() if line.strip()]
    return _markup()("<br>").join(lines)


_SAFE_URL = re.compile(r"(?i)(https?://|mailto:)[^\s]+")


def f_link(value: Any, text: Any = None) -> Any:
    """HTML: a link for an http(s) or mailto URL; anything else («javascript:…», a typo) is
    shown as escaped text, never as a link."""
    from markupsafe import escape

    url = "" if value is None else str(value).strip()
    label = escape(url if text is None else text)
    if _SAFE_URL.fullmatch(url):
        return _markup()(f'<a href="{escape(url)}">{label}</a>')
    return _markup()(label)


def f_reminder(entry: Any, lang: str = "ru") -> str:
    """What a reminder or an `upcoming` entry asks for: «Анонс за 14 дней», «Повтор анонса
    накануне», «Пресс-релиз через 1–2 дня после мероприятия» (`reminders.reminder_label`)."""
    from clusterctl.queries.reminders import reminder_label

    kind, offset = entry.kind, getattr(entry, "offset", None)
    first_after = None
    start = getattr(entry, "start", None)
    if kind == "press_release" and offset is not None and start is not None:
        first_after = offset - (entry.due - start).days
    return reminder_label(kind, offset, lang, first_after)


def f_gantt(timeline: Any, width: int = 1500) -> Any:
    """The timeline as inline SVG (one chart per stage); see clusterctl.gantt."""
    from clusterctl.documents.gantt import gantt_svg

    return _markup()(gantt_svg(timeline, width=width))


FILTERS: dict[str, Callable[..., Any]] = {
    "day": f_day,
    "day_long": f_day_long,
    "span": f_span,
    "span_long": f_span_long,
    "month_year": f_month_year,
    "weekday": f_weekday,
    "plural": f_plural,
    "percent": f_percent,
    "names": f_names,
    "cell": f_cell,
    "line": f_line,
    "nl2br": f_nl2br,
    "link": f_link,
    "reminder": f_reminder,
    "gantt": f_gantt,
}
