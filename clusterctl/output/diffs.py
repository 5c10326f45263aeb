"""`clusterctl diff`'s answer in words: plain text (coloured on a terminal by the command
line), Markdown for a pull-request comment, JSON for tools, and counts only (`--stat`).

Each change becomes one line (`describe`): the item, then what happened to it — «срок
перенесён: «До 30.10.2022» → «До 15.11.2022» (на 16 дней позже; причина: …)», «выполнено
16.10.2022», «результат: … [-было-] {+стало+} …».
"""

from __future__ import annotations

import datetime
from typing import Any

from clusterctl.diff.compare import Change
from clusterctl.diff.plans import DiffReport, PlanDiff
from clusterctl.i18n import count, quote, t
from clusterctl.output.reporters import format_text

_CONTEXT = 6
"""Unchanged words kept on each side of a change in a word diff."""


def _day(value: datetime.date | None) -> str:
    return f"{value:%d.%m.%Y}" if value is not None else "—"


def _words(pieces: list[tuple[str, str]], markdown: bool) -> str:
    shown: list[str] = []
    for k, (op, words) in enumerate(pieces):
        if op == "=":
            parts = words.split()
            if len(parts) > 2 * _CONTEXT:
                head = parts[:_CONTEXT] if k > 0 else []
                tail = parts[-_CONTEXT:] if k < len(pieces) - 1 else []
                words = " ".join([*head, "…", *tail])
            shown.append(words)
        elif op == "-":
            shown.append(f"~~{words}~~" if markdown else f"[-{words}-]")
        else:
            shown.append(f"**{words}**" if markdown else f"{{+{words}+}}")
    return " ".join(shown)


def _item(change: Change, lang: str) -> str:
    title = change.detail.get("title") or ""
    short = title if len(title) <= 60 else title[:59].rstrip() + "…"
    return f"{change.ref} {quote(short, lang)}" if short else change.ref


def describe(change: Change, lang: str, markdown: bool = False) -> tuple[str, str]:
    """(style, line) of a change: style is added, removed or changed (for colour)."""
    kind, d = change.kind, change.detail

    def q(text: object) -> str:
        return quote(str(text or ""), lang)

    if kind in ("task-added", "step-added"):
        due = t("diff.due-was", lang, due=q(d["due"])) if d.get("due") else ""
        return "added", t("diff." + kind, lang, item=_item(change, lang), due=due)
    if kind in ("task-removed", "step-removed"):
        return "removed", t("diff." + kind, lang, item=_item(change, lang))
    if kind in ("task-moved", "step-moved"):
        return "changed", t("diff.moved", lang, old=change.old, new=change.new,
                            title=q(d.get("title")))
    item = _item(change, lang)
    if kind == "due":
        days = d.get("days")
        if days is None:
            shift = ""
        elif days == 0:
            shift = t("diff.same-day", lang)
        else:
            word = "diff.later" if days > 0 else "diff.earlier"
            shift = t(word, lang, days=count(abs(days), "word.day", lang))
        dates = t("diff.dates", lang, old=_day(d.get("old_date")), new=_day(d.get("new_date")),
                  shift=shift) if d.get("old_date") or d.get("new_date") else ""
        reason = t("diff.reason", lang, reason=d["reason"]) if d.get("reason") else ""
        return "changed", t("diff.due", lang, item=item, old=q(change.old), new=q(change.new),
                            dates=dates, reason=reason)
    if kind == "start":
        return "changed", t("diff.start", lang, item=item, old=q(change.old or "—"),
                            new=q(change.new or "—"))
    if kind == "status":
        state = str(change.new)
        on = t("diff.on", lang, day=_day(d["on"])) if d.get("on") else ""
        reason = t("diff.because", lang, reason=d["reason"]) if d.get("reason") else ""
        style = "added" if state == "done" else "removed" if state == "cancelled" else "changed"
        return style, t("diff.status." + state, lang, item=item, on=on, reason=reason,
                        old=t("status." + str(change.old), lang))
    if kind == "occurrence-done":
        days = ", ".join(_day(day) for day in change.new)
        return "added", t("diff.occurrence-done", lang, item=item, days=days)
    if kind == "responsible-added":
        return "added", t("diff.responsible-added", lang, item=item, name=change.new)
    if kind == "responsible-removed":
        return "removed", t("diff.responsible-removed", lang, item=item, name=change.old)
    if kind == "text":
        field = change.field
        label = (t("diff.field." + field, lang) if not field.startswith("extra.")
                 else t("diff.field.extra", lang, column=field[6:]))
        if not change.old or not change.new:
            return "changed", t("diff.text-set" if change.new else "diff.text-cleared", lang,
                                item=item, field=label, text=q(change.new or change.old))
        return "changed", t("diff.text", lang, item=item, field=label,
                            words=_words(d["words"], markdown))
    if kind in ("entry-added", "entry-removed", "entry-changed"):
        what = t("diff.what." + d["what"], lang)
        style = {"entry-added": "added", "entry-removed": "removed"}.get(kind, "changed")
        return style, t("diff." + kind, lang, what=what, id=change.ref, name=q(d["name"]),
                        field=change.field, old=q(change.old), new=q(change.new))
    if kind == "passport":
        return "changed", t("diff.passport", lang, field=change.field, old=q(change.old),
                            new=q(change.new))
    if kind.startswith("column-"):
        return "changed", t("diff." + kind, lang, id=change.ref, old=q(change.old),
                            new=q(change.new))
    return "changed", f"{kind} {change.ref}"


def _head(plan: PlanDiff, lang: str) -> str:
    sides = t("diff.sides", lang, old=plan.old_label, new=plan.new_label)
    if plan.state in ("added", "removed", "unchanged"):
        return t("diff.plan-" + plan.state, lang, path=plan.path, sides=sides)
    if plan.state == "invalid":
        return t("diff.plan-invalid", lang, path=plan.path, sides=sides)
    return t("diff.plan-changed", lang, path=plan.path, sides=sides,
             n=count(len(plan.changes), "word.change", lang))


def text_lines(report: DiffReport, lang: str) -> list[tuple[str, str]]:
    """(style, line) of the whole report: a heading per plan, a line per change."""
    lines: list[tuple[str, str]] = []
    for plan in report.plans:
        if plan.state == "unchanged":
            continue
        lines.append(("heading", _head(plan, lang)))
        if plan.state == "invalid":
            lines.extend(("removed", "  " + line) for line in
                         format_text(plan.diagnostics, lang).rstrip("\n").splitlines())
        for change in plan.changes:
            style, line = describe(change, lang)
            lines.append((style, "  " + line))
    if not lines:
        lines.append(("heading", t("diff.nothing", lang)))
    return lines


def render_markdown(report: DiffReport, lang: str) -> str:
    """A pull-request comment: a summary line, then a section per plan."""
    changed = [p for p in report.plans if p.state != "unchanged"]
    total = sum(len(p.changes) or 1 for p in changed)
    summary = t("diff.summary", lang, plans=count(len(changed), "word.plan", lang),
                changes=count(total, "word.change", lang))
    out = [f"**{summary}**"] if changed else [t("diff.nothing", lang)]
    for plan in changed:
        out += ["", f"### {_head(plan, lang)}", ""]
        if plan.state == "invalid":
            out += ["```", format_text(plan.diagnostics, lang).rstrip("\n"), "```"]
        out += [f"- {describe(change, lang, markdown=True)[1]}" for change in plan.changes]
    return "\n".join(out) + "\n"


def records(report: DiffReport) -> list[dict[str, Any]]:
    """One record per change (JSON): the plan, then the change's fields; a plan added,
    removed or invalid is one record of its own."""
    found: list[dict[str, Any]] = []
    for plan in report.plans:
        base = {"plan": plan.path, "project": plan.project, "old": plan.old_label,
                "new": plan.new_label}
        if plan.state in ("added", "removed", "invalid"):
            found.append({**base, "kind": "plan-" + plan.state, "diagnostics": [
                d.to_dict() for d in plan.diagnostics]})
        for change in plan.changes:
            found.append({"plan": plan.path, "project": plan.project, **change.record()})
    return found


def stat_lines(report: DiffReport, lang: str) -> list[str]:
    """Counts only: per plan, then in all."""
    lines = []
    for plan in report.plans:
        if plan.state == "unchanged":
            continue
        if plan.state == "changed":
            lines.append(f"{plan.path}: {count(len(plan.changes), 'word.change', lang)}")
        else:
            lines.append(f"{plan.path}: {t('diff.state.' + plan.state, lang)}")
    counts = report.counts()
    if counts:
        lines.append(t("diff.total", lang, kinds=", ".join(
            f"{t('diff.kind.' + kind, lang)} {n}" for kind, n in sorted(counts.items()))))
    else:
        lines.append(t("diff.nothing", lang))
    return lines
