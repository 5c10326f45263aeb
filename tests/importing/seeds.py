"""The example plans of projects/ laid out as the tables their source documents have (the
seeds' layouts: tests/data/sources/), for the round-trip tests: a title paragraph, stage
headings with their period line, a header row, tasks whose steps are rows under them —
numbered (1 → 1.1), unnumbered titles, or untitled rows with the task's number and title
merged over them (responsible merged too where the whole task has one)."""

from __future__ import annotations

from typing import Any

from tests.importing.office import T

HEADERS = {
    "primorye-roadmap-2022": ["№ п/п", "Мероприятие", "Характеристика результата",
                              "Сроки проведения", "Ответственные исполнители"],
    "moscow-uao-tech-cluster": ["№", "Мероприятие", "Сроки", "Достигнутые результаты",
                                "Ответственный"],
    "mari-el-engineering-cluster": ["№", "Содержание работы", "Оформление результатов",
                                    "Срок", "Ответственные"],
    "yaroslavl-network-passport": ["№", "Мероприятие", "Сроки", "Результат",
                                   "Ответственный"],
}
FIELDS_OF = {"Мероприятие": "title", "Содержание работы": "title",
             "Характеристика результата": "result", "Достигнутые результаты": "result",
             "Оформление результатов": "result", "Результат": "result",
             "Сроки проведения": "due", "Сроки": "due", "Срок": "due",
             "Ответственные исполнители": "responsible", "Ответственный": "responsible",
             "Ответственные": "responsible", "№ п/п": "id", "№": "id"}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return str(value)


def _row(headers: list[str], item: dict[str, Any], **over: str) -> list[str]:
    values = {"id": _text(item.get("id")), "title": _text(item.get("title")
                                                         or item.get("description")),
              "due": _text(item.get("due")), "result": _text(item.get("result")),
              "responsible": _text(item.get("responsible"))}
    values.update(over)
    return [values[FIELDS_OF[h]] for h in headers]


def table_rows(headers: list[str], tasks: list[dict[str, Any]]) -> T:
    rows: list[list[str]] = [list(headers)]
    merges: list[tuple[int, int, int, int]] = []
    for task in tasks:
        steps = task.get("steps") or []
        if not steps:
            rows.append(_row(headers, task))
            continue
        if any(s.get("id") or s.get("title") for s in steps):
            rows.append(_row(headers, task))
            for step in steps:
                rows.append(_row(headers, step))
            continue
        first = len(rows)
        shared = bool(task.get("responsible")) and not any(s.get("responsible") for s in steps)
        for k, step in enumerate(steps):
            row = _row(headers, step)
            if k == 0:
                row = _row(headers, step, id=_text(task.get("id")), title=_text(task.get("title")),
                           **({"responsible": _text(task.get("responsible"))} if shared else {}))
            rows.append(row)
        last = len(rows) - 1
        for c, header in enumerate(headers):
            if FIELDS_OF[header] in ("id", "title") or (shared and FIELDS_OF[header]
                                                         == "responsible"):
                merges.append((first, c, last, c))
    return T(rows, merges)


def blocks(plan: dict[str, Any]) -> list[str | T]:
    """The plan's document: title, stage headings, tables."""
    headers = HEADERS[plan["project"]["id"]]
    out: list[str | T] = [" ".join(str(plan["project"]["title"]).split())]
    if plan.get("tasks"):
        out.append(table_rows(headers, plan["tasks"]))
    for stage in plan.get("stages") or []:
        out.extend(stage_heading(stage))
        out.append(table_rows(headers, stage.get("tasks") or []))
    return out


def stage_heading(stage: dict[str, Any]) -> list[str]:
    """A stage's heading paragraph, and its period line when it has a period."""
    title = " ".join(str(stage["title"]).split())
    heading = title if "этап" in title.casefold() else f"{stage['id']} этап – {title}"
    return [heading] + ([f"Срок реализации – {stage['period']}"] if stage.get("period") else [])
