"""What `clusterctl import --dry-run` prints: the tables found, each column's mapping, the
sections, stages and counts of the recognised plan (plain text; nothing is written)."""

from __future__ import annotations

from clusterctl.i18n import count, t
from clusterctl.importing import Imported


def dry_run(imported: Imported, lang: str) -> str:
    plan = imported.recognised
    lines = [t("import.dry-file", lang, source=imported.source, kind=plan.document.kind)]
    for seen in plan.tables:
        name = f" «{seen.name}»" if seen.name else ""
        if not seen.plan:
            heads = ", ".join(f"«{' '.join(x.split())[:40]}»" for x in seen.first_texts[:5])
            what = t("import.dry-not-plan", lang, heads=heads or "—")
        elif seen.continues:
            what = t("import.dry-continues", lang, data=seen.data_rows)
        elif seen.header_rows[0] == seen.header_rows[1]:
            what = t("import.dry-plan-one", lang, first=seen.header_rows[0], data=seen.data_rows)
        else:
            what = t("import.dry-plan", lang, first=seen.header_rows[0],
                     last=seen.header_rows[1], data=seen.data_rows)
        lines.append(t("import.dry-table", lang, table=seen.number, name=name,
                       rows=count(seen.rows, "word.row", lang),
                       width=count(seen.width, "word.column", lang), what=what))
        if seen.plan and not seen.continues:
            for column in seen.columns:
                target = column.field
                if target == "extra":
                    target = t("import.dry-extra", lang, id=column.extra_id)
                elif target == "skip":
                    target = t("import.dry-skip", lang)
                lines.append(t("import.dry-column", lang, col=column.col + 1,
                               header=" ".join(column.header.split()), field=target))
    period = t("import.dry-period", lang, period=plan.period) if plan.period else ""
    lines.append(t("import.dry-title", lang, title=plan.title or "—", period=period))
    kinds = [g.kind for g in plan.groups]
    lines.append(t("import.dry-groups", lang, stages=kinds.count("stage"),
                   sections=kinds.count("section"), tasks=plan.tasks, steps=plan.steps))
    registries = plan.registries
    lines.append(t("import.dry-registries", lang, people=len(registries.of("person")),
                   roles=len(registries.of("role")),
                   organisations=len(registries.of("organisation"))))
    return "\n".join(lines) + "\n"
