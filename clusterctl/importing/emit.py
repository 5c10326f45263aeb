"""The recognised plan as a plan file: format 1.1 YAML with comments — a header naming the
source file and the tables read, and before every task and step the table and row it came
from («# таблица 1, строка 7»). Multi-line cells become literal blocks (`|-`), their lines as
written.

The YAML itself is written by libyaml's emitter (PyYAML's `CSafeDumper`: the quoting and
styles of every scalar), one piece per task and step, and the pieces are put together with
their comments and indentation here. ruamel.yaml would attach the comments itself, but its
pure-Python emitter took ≈ 1.7 s for a 1,000-row table (≈ 15× the reading of the document).

Sequences are written as libyaml writes them, their dashes under the key that holds them
(«tasks:» then «- id: …» at the same column).

`emit` also returns where each value came from, by its path in the plan's data, so that a
finding of the check run on the new plan can point at the source cell too.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from clusterctl.importing.recognise import Group, Item, Recognised, Source
from clusterctl.importing.responsible import latin_id

PathKey = tuple[str | int, ...]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\ufeff\ud800-\udfff]")
WIDTH = 88
"""libyaml folds a long text after this column (at the next space)."""


class _Dumper(yaml.CSafeDumper):
    """libyaml's emitter; a text with line breaks as a literal block."""


def _represent_str(dumper: _Dumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def _dump(data: Any) -> str:
    text: str = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                          width=WIDTH, default_flow_style=False, indent=2)
    return text


def _indent(text: str, spaces: int) -> str:
    """Every line of `text` indented — those inside a literal block included, which keep
    their place relative to the block's key."""
    pad = " " * spaces
    return "".join(pad + line if line.strip() else line
                   for line in text.splitlines(keepends=True))


def clean(text: str, phrase: bool = False) -> str:
    """A cell's text for the plan: control characters out, lines stripped at their ends,
    runs of layout spaces collapsed (never inside a deadline phrase)."""
    text = _CONTROL.sub("", text.replace("\t", " ").replace("\u00a0", " "))
    lines = [line.strip() if phrase else " ".join(line.split()) for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def where_text(source: Source, lang: str) -> str:
    """«таблица 1, строка 7» (or «лист «План», строка 7»)."""
    from clusterctl.i18n import t

    if source.row == 0:  # a heading or caption paragraph before the table
        return t("import.where-before", lang, table=source.table)
    if source.sheet:
        return t("import.where-sheet", lang, sheet=source.sheet, row=source.row)
    return t("import.where-table", lang, table=source.table, row=source.row)


class _Emitter:
    def __init__(self, plan: Recognised, lang: str) -> None:
        self.plan = plan
        self.lang = lang
        self.sources: dict[PathKey, Source] = {}

    def fields(self, item: Item, path: PathKey) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if item.id:
            out["id"] = clean(item.id)
        if item.title:
            out["title"] = clean(item.title)
        for key in ("start", "due", "result", "comment"):
            if key in item.values and clean(item.values[key], True):
                out[key] = clean(item.values[key], phrase=key in ("start", "due"))
        if item.responsible:
            out["responsible"] = [clean(e) for e in item.responsible]
        extra = {key: clean(value) for key, value in item.extra.items() if clean(value)}
        if extra:
            out["extra"] = extra
        for key, source in item.cells.items():
            if key.startswith("extra."):
                self.sources[(*path, "extra", key[6:])] = source
            elif key in out:
                self.sources[(*path, key)] = source
        self.sources[path] = item.where
        return out

    def comment(self, source: Source | None, indent: int) -> str:
        return " " * indent + "# " + where_text(source, self.lang) + "\n" if source else ""

    def task(self, item: Item, path: PathKey, indent: int) -> str:
        """One task (or step) as a sequence item at `indent`, with its source comment."""
        text = self.comment(item.where, indent)
        text += _indent(_dump([self.fields(item, path)]), indent)
        if item.steps:
            text += " " * (indent + 2) + "steps:\n"
            for k, step in enumerate(item.steps):
                text += self.task(step, (*path, "steps", k), indent + 2)
        return text

    def tasks(self, tasks: list[Item], path: PathKey, indent: int) -> str:
        return "".join(self.task(task, (*path, j), indent) for j, task in enumerate(tasks))

    def group(self, group: Group, i: int) -> str:
        head: dict[str, Any] = {"id": group.id or str(i + 1)}
        if group.kind == "section":
            head["kind"] = "section"
        head["title"] = clean(group.title or group.id)
        if group.period:
            head["period"] = group.period
        if group.where is not None:
            self.sources[("stages", i)] = group.where
        text = self.comment(group.where, 0) + _dump([head])
        if group.tasks:
            text += "  tasks:\n" + self.tasks(group.tasks, ("stages", i, "tasks"), 2)
        return text


def emit(plan: Recognised, *, file_name: str, project_id: str, lang: str
         ) -> tuple[str, dict[PathKey, Source]]:
    """The plan file's text, and the source of each value by its data path."""
    from clusterctl.i18n import t

    emitter = _Emitter(plan, lang)
    # no title written above the table: the file's name («Дорожная карта 2022»)
    title = plan.title or file_name.rsplit(".", 1)[0]
    project: dict[str, Any] = {"id": project_id, "title": clean(title),
                               "kind": "roadmap"}
    if plan.period:
        project["period"] = plan.period
    if plan.approval is not None:
        project["approval"] = dict(plan.approval)
    registries: dict[str, Any] = {}
    people = []
    for entry in plan.registries.of("person"):
        person = {"id": entry.id, "name": entry.name}
        if entry.full_name:
            person["full_name"] = entry.full_name
        people.append(person)
    if people:
        registries["people"] = people
    roles = [{"id": e.id, "name": e.name} for e in plan.registries.of("role")]
    if roles:
        registries["roles"] = roles
    organisations = [{"id": e.id, "name": e.name,
                      "kind": plan.registries.organisation_kind(e.name)}
                     for e in plan.registries.of("organisation")]
    if organisations:
        registries["organisations"] = organisations
    tables = ", ".join(
        t("import.header-sheet", lang, name=seen.name, rows=seen.rows) if seen.name
        else t("import.header-table", lang, table=seen.number, rows=seen.rows)
        for seen in plan.tables if seen.plan)
    header = [t("import.header", lang, file=file_name),
              t("import.header-tables", lang, tables=tables or "—")]
    header.extend(t(key, lang, **params) for key, params in plan.document.notes)
    parts = ["".join(f"# {line}\n" for line in header), "version: 1.1\n",
             _dump({"project": project})]
    if registries:
        parts += ["\n", _dump(registries)]
    if plan.columns:
        parts += ["\n", _dump({"columns": [
            {"id": cid, "title": clean(title).replace("\n", " ")} for cid, title in plan.columns]})]
    groups = plan.groups
    parts.append("\n")
    if len(groups) == 1 and groups[0].kind is None:
        parts += ["tasks:\n", emitter.tasks(groups[0].tasks, ("tasks",), 0)]
    else:
        parts.append("stages:\n")
        for i, group in enumerate(groups):
            if group.kind is None:  # tasks before the first section: a section of their own
                group.kind, group.title = "section", t("import.untitled-section", lang)
                group.id = group.title
            elif not group.title and group.table:  # a plan table with no caption
                group.title = group.id = t("import.table-section", lang, table=group.table)
            parts.append(emitter.group(group, i))
    return "".join(parts), emitter.sources


def project_id_for(name: str) -> str:
    """A project id from a file name: «Дорожная карта 2022.docx» → dorozhnaya-karta-2022."""
    return latin_id(name, words=6)
