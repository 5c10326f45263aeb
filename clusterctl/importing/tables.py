"""What a reader gives the recogniser: a document's tables as grids of cells, in document
order with the paragraphs between them, whatever the file format.

A merged cell is one `Cell` placed in every grid slot it covers (`Cell.row`/`Cell.col` name
its top-left slot), so the recogniser sees the merges a table has — the one thing a plan's
layout says with them: a task's number and title merged over its step rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_ROWS = 20_000
"""Rows read from one table (a 10,000-row plan is twice within it); the rest is refused with
a message rather than read into memory."""
MAX_COLUMNS = 64
"""Grid columns of one table: plan tables have 3–12; a sheet's used range beyond this is
layout (cells formatted far to the right) and is cut, with a note."""
MAX_CELL_CHARS = 20_000
"""Characters kept of one cell (a plan cell is a few sentences; more is cut, with a note)."""


@dataclass(slots=True, eq=False)
class Cell:
    """One cell of a table: its text as written (paragraphs joined by line breaks) and its
    top-left place (1-based row and grid column of the source table)."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1

    def anchors(self, row: int, col: int) -> bool:
        """The slot (row, col) is this cell's own, not one its merge covers."""
        return self.row == row and self.col == col


@dataclass(slots=True)
class Table:
    """A table of the document: `grid[r][c]` is the cell at row r+1, grid column c+1 (None
    where the table has no cell: a short row)."""

    number: int
    """1-based among the document's tables (a sheet's number in a workbook)."""
    grid: list[list[Cell | None]]
    name: str = ""
    """The sheet's name (spreadsheets)."""
    before: list[str] = field(default_factory=list)
    """The paragraphs between the previous table and this one (document order)."""
    first_row: int = 1
    """The source row number of grid row 1 (a sheet's table need not start at A1)."""
    first_col: int = 1

    @property
    def width(self) -> int:
        return max((len(row) for row in self.grid), default=0)

    def where(self, row: int) -> tuple[int, str]:
        """The source row number of grid row `row` (1-based), and the sheet's name."""
        return row + self.first_row - 1, self.name


@dataclass(slots=True)
class Document:
    """A document read by one of the readers."""

    path: str
    kind: str
    """docx, xlsx, xls, ods, odt, csv (of the file read; .doc becomes docx)."""
    tables: list[Table] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    """The document's paragraphs before its first table (title, approval block)."""
    after: list[str] = field(default_factory=list)
    """Paragraphs after the last table."""
    notes: list[tuple[str, dict[str, object]]] = field(default_factory=list)
    """What the reader noticed (message keys and parameters): tracked changes, macros
    ignored, numbering recomputed, cells cut."""

    def note(self, key: str, **params: object) -> None:
        if (key, params) not in self.notes:
            self.notes.append((key, params))


def build_grid(rows: list[list[tuple[str, int, int]]], *, width_limit: int = MAX_COLUMNS
               ) -> list[list[Cell | None]]:
    """A grid from rows of (text, rowspan, colspan) anchors as ODF and spreadsheets give
    them: each anchor is placed at the next free slot of its row (slots covered by a merge
    from above are skipped), and covers rowspan × colspan slots."""
    grid: list[list[Cell | None]] = []
    covered: dict[tuple[int, int], Cell] = {}
    for r, anchors in enumerate(rows):
        line: list[Cell | None] = []
        c = 0
        for text, rowspan, colspan in anchors:
            while (r, c) in covered:
                line.append(covered.pop((r, c)))
                c += 1
            if c >= width_limit:
                break
            colspan = max(1, min(colspan, width_limit - c))
            rowspan = max(1, rowspan)
            cell = Cell(text, r + 1, c + 1, rowspan, colspan)
            for dr in range(rowspan):
                for dc in range(colspan):
                    if dr or dc:
                        covered[(r + dr, c + dc)] = cell
            line.append(cell)
            line.extend([cell] * (colspan - 1))
            for dc in range(1, colspan):
                covered.pop((r, c + dc), None)
            c += colspan
        while (r, c) in covered:
            line.append(covered.pop((r, c)))
            c += 1
        grid.append(line)
    return grid
