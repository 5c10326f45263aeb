"""A plan as stable lines, one per item, for git's textconv (`clusterctl diff --textconv`):
`git diff`, `git log -p` and `git show` of a plan then read as tasks, not as YAML.

The passport, each registry entry, each stage and each task or step is one line that holds
everything said of it, in a fixed order; a change to an item changes its line only.
"""

from __future__ import annotations

from clusterctl.diff.snapshot import Row, Snapshot
from clusterctl.i18n import t


def _row(row: Row, lang: str) -> str:
    parts = [("  • " if row.is_step else "") + row.shown + " " + (row.label or "—")]

    def add(key: str, value: str) -> None:
        if value:
            parts.append(f"{t('listing.' + key, lang)}: {value}")

    if row.title:
        add("result", row.result)
    add("description", row.description)
    add("start", row.start)
    add("due", row.due)
    add("responsible", ", ".join(row.responsible))
    state = t("status." + row.status, lang)
    if row.done_on is not None and row.status == "done":
        state += f" {row.done_on:%d.%m.%Y}"
    if row.cancelled_on is not None and row.status == "cancelled":
        state += f" {row.cancelled_on:%d.%m.%Y}"
    if row.cancel_reason:
        state += f" ({row.cancel_reason})"
    add("status", state)
    add("done-occurrences", ", ".join(f"{d:%d.%m.%Y}" for d in row.done_occurrences))
    for old, new, why, on in row.reschedules:
        when = f" {on:%d.%m.%Y}" if on is not None else ""
        add("moved", f"«{old}» → «{new}» ({why}){when}")
    for key, value in row.extra:
        parts.append(f"{key}: {value}")
    add("comment", row.comment)
    return " | ".join(parts)


def listing(shot: Snapshot, lang: str = "ru") -> str:
    """The lines of a plan (see the module doc), ending with a line break."""
    lines = [f"{t('listing.project', lang)} {shot.project}"]
    lines += [f"{t('listing.passport', lang)} {name}: {value}"
              for name, value in shot.passport.items() if value]
    for entry in shot.entries:
        fields = " | ".join(f"{k}: {v}" for k, v in entry.fields)
        lines.append(f"{t('listing.' + entry.kind, lang)} {entry.id}: {fields}")
    lines += [f"{t('listing.column', lang)} {key}: {title}" for key, title in shot.columns.items()]
    stage: str | None = None
    for row in shot.rows:
        if row.stage != stage:
            stage = row.stage
            lines.append("")
            if stage is None:
                lines.append(t("listing.loose", lang))
            else:
                kind, title = shot.stages.get(stage, ("stage", ""))
                lines.append(f"{t('listing.' + kind, lang)} {stage} {title}".rstrip())
        lines.append(_row(row, lang))
    return "\n".join(lines) + "\n"
