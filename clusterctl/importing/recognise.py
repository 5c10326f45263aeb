"""Finding the plan in a document's tables: which tables are plan tables, which column holds
what, where the header ends, and what each row is — a section, a stage, a task, or one of a
task's steps.

- A plan table has a header row naming at least two plan fields (`headers.SYNONYMS`) among
  its first rows; rows above it are title lines. A header may be two or three rows with
  merged cells («Сроки» over «Плановое начало» and «Плановое окончание»); a row of column
  numbers under it is skipped, and so is the header repeated after a page break. A table with
  no header right after a plan table of the same width continues it (Word splits long tables
  that way); other tables (approval blocks, signatures) are not plans.
- A row whose one filled cell spans the table is a section («1. Организационное
  обеспечение»); with the word «этап» it is a stage, with the period written in it. A
  paragraph with «этап» before a table starts a stage too (a «Срок реализации – …» line
  after it gives the period). A row with only a number and a title is a section when the
  number is Roman or a word («Раздел 2») or the numbering starts again after it; when the
  rows after it are numbered under it (1 → 1.1, 1.2) or unnumbered, it is a task and those
  rows are its steps (as the seeds' plans read them).
- A task whose number and title cells are merged over several rows has steps, one per row,
  each with its own cells; a cell merged over all the task's rows belongs to the task, and
  a cell merged over several tasks (one responsible for three rows) holds for each. Rows
  with an empty number and title after a task are its steps too (tables without merges, CSV).
- A number glued to the title («1.1. Создание…») is split off when the number column is
  empty or missing. Nothing is numbered that the source does not number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clusterctl.importing.headers import FIELDS, field_of, fold, is_number_row
from clusterctl.importing.responsible import Registries, latin_id, split_cell
from clusterctl.importing.tables import Cell, Document, Table

HEADER_SCAN_ROWS = 15
"""How far down a table its header may start (title rows above it)."""
_GLUED = re.compile(r"^\s*(?P<id>(?:\d{1,3}\.)*\d{1,3})\.?\s+(?P<title>\S.*)$", re.S)
_SECTION_NUMBER = re.compile(r"^\s*(?P<id>(?:[IVXLC]+|\d{1,3}(?:\.\d{1,3})*))[.)]?\s+"
                             r"(?P<title>\S.*)$", re.S)
_STAGE_WORD = re.compile(r"\bэтап", re.I)
_ROMAN = re.compile(r"[IVXLC]+")
_SECTION_WORD = re.compile(r"(?:раздел|блок|направление|модуль|часть)\b", re.I)
_APPROVAL = re.compile(
    r"^(?:утверждаю|утверждено|утверждена|утвержден|согласовано|приложение|к приказу|"
    r"приказ|директор|начальник|министр|ректор|заместитель|руководитель|председатель|м\.?\s?п\.?|"
    r"от\s+[«\"]?\d|№\s*\d|подпись|_{3,}|«_+»|\"_+\")", re.I)
_PERIOD_IN_TITLE = re.compile(
    r"\bна\s+(?P<period>(?:\d{4}\s*[-–—/]\s*\d{2,4}|\d{4})\s*(?:учебн\w*\s+год\w*|годы|года|"
    r"год|гг\.|гг|г\.)?)", re.I)
_PARENS = re.compile(r"\(([^()]+)\)")


@dataclass(slots=True)
class Source:
    """Where a value came from: a table (and sheet), a row and a column of the file."""

    table: int
    row: int
    col: int = 0
    header: str = ""
    sheet: str = ""


@dataclass(slots=True)
class Item:
    """A task or a step as read from the table."""

    where: Source
    id: str | None = None
    title: str | None = None
    values: dict[str, str] = field(default_factory=dict)
    """start, due, result, participants, comment: the cell's text."""
    responsible: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)
    cells: dict[str, Source] = field(default_factory=dict)
    """The source cell of each value (by field, `extra.<id>` for extra columns)."""
    steps: list[Item] = field(default_factory=list)


@dataclass(slots=True)
class Group:
    """A stage or a section of the plan (`kind` None: the tasks before any)."""

    kind: str | None
    where: Source | None = None
    id: str = ""
    title: str = ""
    period: str | None = None
    tasks: list[Item] = field(default_factory=list)
    table: int = 0
    """A section made for a plan table of its own with no caption: its number."""


@dataclass(slots=True)
class Column:
    """A column of a plan table and what it holds."""

    col: int
    header: str
    field: str
    """A plan field, `extra` or `skip`."""
    extra_id: str = ""


@dataclass(slots=True)
class TableSeen:
    """What the recogniser made of one table (the `--dry-run` report)."""

    number: int
    name: str
    rows: int
    width: int
    plan: bool
    header_rows: tuple[int, int] = (0, 0)
    columns: list[Column] = field(default_factory=list)
    data_rows: int = 0
    continues: bool = False
    first_texts: list[str] = field(default_factory=list)
    """A table that is not a plan: the texts of its first row (to say what it was)."""


@dataclass(slots=True)
class Recognised:
    document: Document
    title: str = ""
    period: str | None = None
    approval: dict[str, str] | None = None
    """The approval stamp above the table, when it names a date: document, by, date
    (ДД.ММ.ГГГГ), number (`project.approval`)."""
    groups: list[Group] = field(default_factory=list)
    columns: list[tuple[str, str]] = field(default_factory=list)
    """The extra columns: (id, header as written)."""
    registries: Registries = field(default_factory=Registries)
    tables: list[TableSeen] = field(default_factory=list)

    @property
    def tasks(self) -> int:
        return sum(len(g.tasks) for g in self.groups)

    @property
    def steps(self) -> int:
        return sum(len(t.steps) for g in self.groups for t in g.tasks)


def _filled(table: Table, r: int) -> list[Cell]:
    """The cells with text that start in row r (a merged one once)."""
    return [cell for c, cell in enumerate(table.grid[r])
            if cell is not None and cell.anchors(r + 1, c + 1) and cell.text]


def _spans_table(cell: Cell, table: Table) -> bool:
    """A cell merged across the table (all its columns, or all but one)."""
    return cell.colspan >= max(2, table.width - 1)


def _own(cell: Cell | None, r: int) -> bool:
    return cell is not None and cell.row == r + 1


def _row_texts(table: Table, r: int) -> list[str]:
    """The texts of the cells that start in row r (one per cell, merged ones once)."""
    seen: list[str] = []
    for c, cell in enumerate(table.grid[r]):
        if cell is not None and cell.anchors(r + 1, c + 1):
            seen.append(cell.text)
    return seen


def _names(texts: list[str], custom: dict[str, str]) -> list[str]:
    """What each filled header text names: a plan field, or by `--columns` also `extra` or
    `skip` (texts that name nothing are left out)."""
    names = (custom.get(fold(text)) or field_of(text) for text in texts if text)
    return [name for name in names if name is not None]


def _header_fields(table: Table, r: int, custom: dict[str, str]) -> set[str]:
    return {name for name in _names(_row_texts(table, r), custom) if name in FIELDS}


def find_header(table: Table, custom: dict[str, str]) -> tuple[int, int] | None:
    """The header block (first and last grid row, 0-based) of a plan table, or None."""
    for r in range(min(HEADER_SCAN_ROWS, len(table.grid))):
        fields = _header_fields(table, r, custom)
        if len(fields) >= 2 and fields & {"title", "due", "responsible", "result"}:
            last = r
            # merged header cells reaching down, and rows of sub-headers
            reach = max((cell.row + cell.rowspan - 2 for cell in table.grid[r]
                         if cell is not None and cell.row == r + 1), default=r)
            last = max(last, min(reach, len(table.grid) - 1, r + 2))
            while last + 1 < len(table.grid) and last < r + 2:
                nxt = last + 1
                texts = _row_texts(table, nxt)
                if texts and all(field_of(t) is not None or not t for t in texts) \
                        and any(texts) and not is_number_row(texts):
                    last = nxt
                else:
                    break
            return r, last
    return None


def _columns(table: Table, block: tuple[int, int], custom: dict[str, str],
             used_ids: set[str], extras: list[tuple[str, str]]) -> list[Column]:
    first, last = block
    columns: list[Column] = []
    taken: set[str] = set()
    for c in range(table.width):
        parts: list[str] = []
        for r in range(first, last + 1):
            row = table.grid[r]
            cell = row[c] if c < len(row) else None
            if cell is not None and cell.text and cell.text not in parts:
                parts.append(cell.text)
        header = " / ".join(" ".join(p.split()) for p in parts)
        name = None
        for part in reversed(parts):  # the most specific words first
            name = custom.get(fold(part)) or field_of(part)
            if name is not None:
                break
        if name is None and header:
            name = custom.get(fold(header))
        if name in FIELDS and name in taken:
            name = None  # a second «Результат» column: an extra one
        if name is None:
            if not header and not _column_has_data(table, c, last + 1):
                continue
            name = "extra"
        if name in FIELDS:
            taken.add(name)
        column = Column(c, header or f"Графа {c + 1}", name)
        if name == "extra":
            title = column.header
            known = next((cid for cid, t in extras if t == title), None)
            if known is None:
                known = latin_id(title, 3)
                base, n = known, 2
                while known in used_ids:
                    known, n = f"{base}-{n}", n + 1
                used_ids.add(known)
                extras.append((known, title))
            column.extra_id = known
        columns.append(column)
    return columns


def _column_has_data(table: Table, c: int, start: int) -> bool:
    return any(c < len(row) and row[c] is not None and row[c].text  # type: ignore[union-attr]
               for row in table.grid[start:start + 200])


def _stage_period(text: str) -> str | None:
    """The period written in a stage heading: in parentheses, or after a colon or dash."""
    from clusterctl.errors import DeadlineError
    from clusterctl.model.grammar import parse_period

    candidates = [m.group(1) for m in _PARENS.finditer(text)]
    for sep in (":", " – ", " - ", " — "):
        if sep in text:
            candidates.append(text.rsplit(sep, 1)[1])
    for candidate in candidates:
        for form in dict.fromkeys((candidate.strip(), candidate.strip().rstrip("."))):
            try:
                parse_period(form)
            except (DeadlineError, ValueError):
                continue
            return form
    return None


_STAGE_NUMBER = re.compile(
    r"\b(?P<a>[IVXLC]+|\d{1,2})(?:-?(?:ого|го|ой|й))?\s+этап|этап\w*\s+(?P<b>[IVXLC]+|\d{1,2})\b",
    re.I)
_PERIOD_LINE = re.compile(r"^(?:срок\w*|период\w*)(?:\s+реализации)?\s*[-–—:]\s*(?P<p>.+?)[:;]?$",
                          re.I)


def _stage_id(text: str) -> str:
    """The stage's number as its heading writes it («I этап», «этап 2», «II-го этапа»)."""
    m = _STAGE_NUMBER.search(text)
    return (m["a"] or m["b"]) if m else ""


def _period_line(paragraphs: list[str], heading: str) -> str | None:
    """A «Срок реализации – сентябрь-декабрь 2014 г.» line right after a stage heading."""
    from clusterctl.errors import DeadlineError
    from clusterctl.model.grammar import parse_period

    if heading not in paragraphs:
        return None
    for line in paragraphs[paragraphs.index(heading) + 1:][:2]:
        m = _PERIOD_LINE.match(line.strip())
        if m:
            try:
                parse_period(m["p"].strip())
            except (DeadlineError, ValueError):
                return None
            return m["p"].strip()
    return None


def _section_id_title(id_text: str, title: str) -> tuple[str, str]:
    if id_text:
        return id_text.rstrip("."), title
    m = _SECTION_NUMBER.match(title)
    if m:
        return m["id"], m["title"].strip()
    short = re.split(r"[:.]", title, maxsplit=1)[0].strip()
    return (short if len(short) <= 40 else short[:40].rsplit(" ", 1)[0]) or "1", title


class _Builder:
    def __init__(self, document: Document, custom: dict[str, str], only: int | None) -> None:
        self.doc = document
        self.custom = custom
        self.only = only
        self.out = Recognised(document)
        self.group = Group(None)
        self.out.groups.append(self.group)
        self.used_ids: set[str] = set()
        self.preamble: list[str] | None = None
        """The paragraphs before the first plan table (title, approval block)."""
        self.skipped_before: list[str] = []

    def _new_group(self, kind: str, where: Source, id_text: str, title: str,
                   period: str | None) -> None:
        self.group = Group(kind, where, id_text, title, period)
        self.out.groups.append(self.group)

    def run(self) -> Recognised:
        previous: tuple[list[Column], int] | None = None
        for table in self.doc.tables:
            if self.only is not None and table.number != self.only:
                continue
            seen = TableSeen(table.number, table.name, len(table.grid), table.width, False)
            self.out.tables.append(seen)
            block = find_header(table, self.custom)
            if block is not None:  # title lines above the header (a sheet) precede the table
                for r in range(block[0]):
                    texts = [t for t in _row_texts(table, r) if t]
                    if len(texts) == 1:
                        table.before.append(texts[0])
            headings = [p for p in table.before if _STAGE_WORD.search(p) and len(p) < 300
                        and not _APPROVAL.match(p)]
            if block is not None:
                columns = _columns(table, block, self.custom, self.used_ids, self.out.columns)
                start = block[1] + 1
                seen.header_rows = (block[0] + 1, block[1] + 1)
                if self.preamble is None:  # the first plan table: what precedes it
                    self.preamble = list(self.skipped_before) + list(table.before)
            elif previous is not None and table.width == previous[1] and not headings:
                columns, start = previous[0], 0
                seen.continues = True
            else:
                seen.first_texts = [t for t in (_row_texts(table, 0) if table.grid else []) if t]
                self.skipped_before.extend(table.before)
                previous = None
                continue
            seen.plan = True
            seen.columns = columns
            same_header = previous is not None and [c.header for c in columns] == [
                c.header for c in previous[0]]
            previous = (columns, table.width)
            for heading in headings:
                self._new_group("stage", Source(table.number, 0), _stage_id(heading),
                                heading.rstrip(":").strip(),
                                _stage_period(heading) or _period_line(table.before, heading))
            if not headings and not seen.continues and self.group.tasks and not (
                    same_header and not table.before):
                # another plan table with a header of its own (not the same header repeated
                # after a page break): its tasks are a section, named by the paragraph
                # before it, so that its numbering may start again
                caption = next((p for p in reversed(table.before) if len(p) < 200
                                and not _APPROVAL.match(p)), "")
                sid, stitle = _section_id_title("", caption) if caption else ("", "")
                self._new_group("section", Source(table.number, 0), sid, stitle, None)
                self.group.table = table.number
            seen.data_rows = self._rows(table, columns, start)
        self._finish()
        return self.out

    # ---------------------------------------------------------------- rows

    def _rows(self, table: Table, columns: list[Column], start: int) -> int:
        by_field = {c.field: c for c in columns if c.field in FIELDS}
        header_texts = None
        if start:
            header_texts = [fold(t) for t in _row_texts(table, max(0, start - 1))]
        grid = table.grid
        r = start
        count = 0
        while r < len(grid):
            texts = _row_texts(table, r)
            if not any(texts) or is_number_row(texts) or (
                    header_texts is not None and [fold(t) for t in texts] == header_texts):
                r += 1
                continue
            if find_header_row(texts, self.custom):
                r += 1  # the header repeated after a page break or in a continuation table
                continue
            count += 1
            if self._section(table, columns, by_field, r):
                r += 1
                continue
            r = self._task(table, columns, by_field, r)
        return count

    def _cell(self, table: Table, column: Column | None, r: int) -> Cell | None:
        if column is None:
            return None
        row = table.grid[r]
        return row[column.col] if column.col < len(row) else None

    def _text(self, table: Table, column: Column | None, r: int) -> str:
        cell = self._cell(table, column, r)
        return cell.text if cell is not None and _own(cell, r) else ""

    def _source(self, table: Table, column: Column | None, r: int) -> Source:
        row, sheet = table.where(r + 1)
        if column is None:
            return Source(table.number, row, sheet=sheet)
        return Source(table.number, row, column.col + table.first_col, column.header, sheet)

    def _section(self, table: Table, columns: list[Column], by_field: dict[str, Column],
                 r: int) -> bool:
        distinct = _filled(table, r)
        text = ""
        id_text = ""
        if len(distinct) == 1 and (_spans_table(distinct[0], table) or len(columns) == 1
                                   or self._lone_heading(table, by_field, r, distinct[0])):
            text = distinct[0].text
        else:
            id_cell = self._cell(table, by_field.get("id"), r)
            title_cell = self._cell(table, by_field.get("title"), r)
            others = [cell for cell in distinct if cell is not id_cell and cell is not title_cell]
            if (others or title_cell is None or not _own(title_cell, r) or not title_cell.text
                    or title_cell.rowspan > 1):
                return False
            # number and title only: every other cell of the row is empty and its own
            for column in columns:
                if column.field in ("id", "title"):
                    continue
                cell = self._cell(table, column, r)
                if cell is not None and not _own(cell, r):
                    return False
            if id_cell is None or not id_cell.text or not _own(id_cell, r):
                return False
            if not self._heads_section(table, by_field, r, id_cell.text):
                return False
            text, id_text = title_cell.text, id_cell.text
        title = " ".join(text.split())
        where = self._source(table, None, r)
        if _STAGE_WORD.search(title) and not id_text:
            self._new_group("stage", where, _stage_id(title), title, _stage_period(title))
            return True
        sid, stitle = _section_id_title(id_text.strip(), title)
        self._new_group("section", where, sid, stitle, None)
        return True

    def _next_row(self, table: Table, r: int) -> int | None:
        """The next row after r with any text in it."""
        for row in range(r + 1, min(len(table.grid), r + 50)):
            if any(_row_texts(table, row)):
                return row
        return None

    def _lone_heading(self, table: Table, by_field: dict[str, Column], r: int,
                      cell: Cell) -> bool:
        """A row whose only text is in its title (or first) cell, not merged across — a
        rubric typed into an ordinary row: a stage when it says «этап», a section when the
        next row is numbered (not under a number of its own)."""
        title = by_field.get("title")
        if cell.rowspan > 1 or (title is not None and cell.col - 1 != title.col
                                and cell.col != 1):
            return False
        if _STAGE_WORD.search(cell.text) and len(cell.text) < 300:
            return True
        previous = self.group.tasks[-1] if self.group.tasks else None
        if previous is not None and previous.id and (previous.steps or not (
                previous.values or previous.responsible or previous.extra)):
            return False  # under a numbered task that heads unnumbered rows: a step
        following = self._next_row(table, r)
        if following is None or "id" not in by_field or _GLUED.match(cell.text):
            return False
        if any(c is not None and not _own(c, following) for c in table.grid[following]):
            return False  # a row merged with the ones above: part of a task
        return bool(self._text(table, by_field["id"], following).strip())

    def _heads_section(self, table: Table, by_field: dict[str, Column], r: int,
                       number: str) -> bool:
        """Row r has a number and a title only: is it a section («I. Организационное
        обеспечение», «Раздел 2», or a number after which the numbering starts again), or
        a task — with the rows numbered under it (1 → 1.1, 1.2) or unnumbered rows under it
        as its steps, or simply a task with nothing else written?"""
        number = number.strip().rstrip(".")
        if not by_field.keys() - {"id", "title"}:
            return False
        following = self._next_row(table, r)
        next_id = ""
        if following is not None:
            next_id = self._text(table, by_field.get("id"), following).strip().rstrip(".")
            if not next_id and self._text(table, by_field.get("title"), following):
                return False  # unnumbered rows under it: its steps
            if next_id.startswith(number + "."):
                return False  # numbered under it: its steps
        if _ROMAN.fullmatch(number) or _SECTION_WORD.match(number):
            return True
        return bool(next_id) and next_id in ("1", "1.1") and number not in ("1", "0")

    def _task(self, table: Table, columns: list[Column], by_field: dict[str, Column],
              r: int) -> int:
        grid = table.grid
        id_col, title_col = by_field.get("id"), by_field.get("title")
        span = 1
        for column in (id_col, title_col):
            cell = self._cell(table, column, r)
            if cell is not None and _own(cell, r):
                span = max(span, min(cell.rowspan, len(grid) - r))
        end = r + span
        has_key = bool(self._text(table, id_col, r) or self._text(table, title_col, r))
        previous = self.group.tasks[-1] if self.group.tasks else None
        if (id_col is not None and previous is not None and previous.id
                and not self._text(table, id_col, r) and self._text(table, title_col, r)
                and not _GLUED.match(self._text(table, title_col, r))):
            # an unnumbered row under a numbered task: one of its steps, with its title
            step = Item(self._source(table, None, r), title=self._text(table, title_col, r))
            step.cells["title"] = self._source(table, title_col, r)
            self._fill(step, table, columns, r)
            previous.steps.append(step)
            return r + span
        if not has_key and self.group.tasks:
            # a row with neither number nor title: another step of the task above
            task = self.group.tasks[-1]
            self._as_steps(task, table, columns, r, r + 1, add=True)
            return r + 1
        while end < len(grid):  # rows with an empty number and title: its steps
            texts = _row_texts(table, end)
            if (not any(texts) or self._text(table, id_col, end)
                    or self._text(table, title_col, end) or (id_col is None and title_col is None)):
                break
            if self._is_section_like(table, columns, end):
                break
            end += 1
        task = Item(self._source(table, None, r))
        id_text = self._text(table, id_col, r).strip()
        title = self._text(table, title_col, r).strip()
        if title and not id_text:
            m = _GLUED.match(title)
            if m:
                id_text, title = m["id"], m["title"].strip()
        task.id = id_text.rstrip(".").strip() or None
        task.title = title or None
        if id_col is not None and task.id:
            task.cells["id"] = self._source(table, id_col, r)
        if title_col is not None and task.title:
            task.cells["title"] = self._source(table, title_col, r)
        if end - r == 1:
            self._fill(task, table, columns, r)
        else:
            self._as_steps(task, table, columns, r, end, add=False)
        self.group.tasks.append(task)
        if task.id and not task.values and not task.steps and id_col is not None:
            end = self._numbered_steps(task, table, columns, id_col, title_col, end)
        return end

    def _numbered_steps(self, task: Item, table: Table, columns: list[Column],
                        id_col: Column, title_col: Column | None, r: int) -> int:
        """The rows numbered under `task` (1 → 1.1, 1.2) as its steps; the row after them."""
        prefix = (task.id or "") + "."
        while r < len(table.grid):
            texts = _row_texts(table, r)
            if not any(texts):
                r += 1
                continue
            number = self._text(table, id_col, r).strip()
            if not number.startswith(prefix):
                break
            step = Item(self._source(table, None, r), id=number.rstrip(".") or None,
                        title=self._text(table, title_col, r).strip() or None)
            step.cells["id"] = self._source(table, id_col, r)
            if step.title and title_col is not None:
                step.cells["title"] = self._source(table, title_col, r)
            self._fill(step, table, columns, r)
            task.steps.append(step)
            r += 1
        return r

    def _is_section_like(self, table: Table, columns: list[Column], r: int) -> bool:
        filled = _filled(table, r)
        return len(filled) == 1 and _spans_table(filled[0], table)

    def _fill(self, item: Item, table: Table, columns: list[Column], r: int) -> None:
        """Put the cells of row r into `item` (a cell merged over several tasks — one
        responsible for three rows — holds for each of them)."""
        for column in columns:
            if column.field in ("id", "title", "skip"):
                continue
            cell = self._cell(table, column, r)
            if cell is not None and cell.text:
                self._put(item, column, cell.text, self._source(table, column, cell.row - 1))

    def _put(self, item: Item, column: Column, text: str, where: Source) -> None:
        if column.field == "responsible":
            entries = split_cell(text)
            item.responsible.extend(e for e in entries if e not in item.responsible)
            for entry in entries:
                self.out.registries.add(entry)
            item.cells["responsible"] = where
        elif column.field == "extra":
            item.extra[column.extra_id] = text
            item.cells["extra." + column.extra_id] = where
        else:
            key = column.field
            item.values[key] = (item.values[key] + "\n" + text) if key in item.values else text
            item.cells[key] = where

    def _as_steps(self, task: Item, table: Table, columns: list[Column], r: int, end: int,
                  add: bool) -> None:
        """Rows r..end-1 as steps of `task`; cells merged over all of them (a task of its
        own rows) belong to the task."""
        shared: set[int] = set()
        if not add:
            for column in columns:
                if column.field in ("id", "title", "skip"):
                    continue
                cell = self._cell(table, column, r)
                if cell is not None and cell.row - 1 + cell.rowspan >= end and end - r > 1:
                    shared.add(column.col)
                    if cell.text:
                        self._put(task, column, cell.text,
                                  self._source(table, column, cell.row - 1))
        steps: list[Item] = []
        for row in range(r, end):
            step = Item(self._source(table, None, row))
            for column in columns:
                if column.field in ("id", "title", "skip") or column.col in shared:
                    continue
                cell = self._cell(table, column, row)
                if cell is None or not cell.text:
                    continue
                # a cell merged over some of the steps holds for each of them
                self._put(step, column, cell.text,
                          self._source(table, column, cell.row - 1))
            if step.values or step.responsible or step.extra:
                steps.append(step)
        if add:
            if not task.steps and (task.values or task.responsible or task.extra):
                first = Item(task.where, values=task.values, responsible=task.responsible,
                             extra=task.extra,
                             cells={k: v for k, v in task.cells.items()
                                    if k not in ("id", "title")})
                task.values, task.responsible, task.extra = {}, [], {}
                task.cells = {k: v for k, v in task.cells.items() if k in ("id", "title")}
                task.steps.append(first)
            task.steps.extend(steps)
        elif len(steps) == 1:
            only = steps[0]
            for key, value in only.values.items():
                task.values[key] = value
            task.responsible.extend(e for e in only.responsible if e not in task.responsible)
            task.extra.update(only.extra)
            task.cells.update(only.cells)
        else:
            task.steps = steps

    # ---------------------------------------------------------------- the passport

    def _finish(self) -> None:
        self.out.groups = [g for g in self.out.groups if g.kind is not None or g.tasks]
        preamble = self.preamble if self.preamble is not None else self.doc.paragraphs
        self.out.approval, stamp = approval_of(preamble)
        lines = [p for n, p in enumerate(preamble) if n not in stamp
                 and not _APPROVAL.match(p) and not _STAGE_WORD.search(p)
                 and not _PERIOD_LINE.match(p)]
        title_lines: list[str] = []
        for line in lines:
            if len(" ".join([*title_lines, line])) > 400:
                break
            title_lines.append(line)
            if len(title_lines) == 3 or line.endswith((".", "год", "годы", "гг.")):
                break
        title = " ".join(" ".join(title_lines).split())
        self.out.title = title
        if m := _PERIOD_IN_TITLE.search(title):
            from clusterctl.errors import DeadlineError
            from clusterctl.model.grammar import parse_period

            period = " ".join(m["period"].split())
            try:
                parse_period(period)
                self.out.period = period
            except (DeadlineError, ValueError):
                self.out.period = None


_STAMP = re.compile(
    r"^утвержд\w*\s*:?\s*(?P<document>(?:приказом|распоряжением|постановлением|решением)"
    r"(?:\s+(?:педагогического|методического|управляющего)\s+совета)?)\s*(?P<by>.*?)\s*"
    r"от\s+(?P<date>\d{1,2}\.\d{1,2}\.\d{4})\s*(?:г\.?|года)?\s*,?\s*(?:протокол\s*)?"
    r"(?:№\s*(?P<number>[^\s,;]+))?", re.I)


def approval_of(lines: list[str]) -> tuple[dict[str, str] | None, set[int]]:
    """The approval stamp among the lines above a plan table — «УТВЕРЖДЕНО приказом
    министерства … от 01.09.2022 № 123-а», on one line or over the lines that follow it —
    when it names a date, and the numbers of the lines it takes; (None, {}) otherwise (a
    blank «УТВЕРЖДАЮ … «___» ______ 2022 г.» is a place for a signature, not an approval)."""
    for n, line in enumerate(lines):
        if not re.match(r"^\s*утвержд", line, re.I):
            continue
        for last in range(n, min(n + 5, len(lines))):  # the fewest lines that hold it all
            text = " ".join(" ".join(lines[n:last + 1]).split())
            m = _STAMP.match(text)
            if m is not None and (m["number"] or last == min(n + 5, len(lines)) - 1
                                  or "№" not in " ".join(lines[last + 1:last + 2])):
                found = {"document": m["document"].lower(), "date": m["date"]}
                if m["by"]:
                    found["by"] = m["by"].strip(" ,")
                if m["number"]:
                    found["number"] = m["number"]
                return found, set(range(n, last + 1))
    return None, set()


def find_header_row(texts: list[str], custom: dict[str, str]) -> bool:
    """Row texts that are a plan header (a header repeated after a page break)."""
    fields = set(_names(texts, custom))
    return len(fields) >= 2 and len(fields) >= len([t for t in texts if t]) - 1


def recognise(document: Document, custom: dict[str, str] | None = None,
              table: int | None = None) -> Recognised:
    """The plan in `document` (see the module doc). `custom`: `--columns` mappings;
    `table`: read only that table (`--table N`)."""
    return _Builder(document, custom or {}, table).run()
