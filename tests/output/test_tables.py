"""A `Table` as plain text, rich and Markdown."""

from __future__ import annotations

import io

from clusterctl.output.tables import (
    Bar,
    Column,
    Section,
    Table,
    render_markdown,
    render_plain,
    render_rich,
)


def _table() -> Table:
    long = "Проведение совещания с руководителями МОУО и ОО «Итоги входного мониторинга»"
    return Table(
        columns=[Column("id", "№"), Column("title", "Мероприятие", shorten=30),
                 Column("n", "Дней", "right"), Column("share", "Готово", "right")],
        sections=[Section("Неделя 1", [["10", long, "5", Bar(0.5)]]),
                  Section("Неделя 2", [], empty="Ничего нет.")],
        footer="Итого: 1.",
    )


def test_plain_text_is_aligned_and_cuts_titles() -> None:
    assert render_plain(_table()) == (
        "Неделя 1\n"
        "№   Мероприятие                     Дней  Готово\n"
        "10  Проведение совещания с руково…     5     50%\n"
        "\n"
        "Неделя 2\n"
        "Ничего нет.\n"
        "\n"
        "Итого: 1.\n"
    )


def test_rich_table_on_a_terminal_fits_the_width_and_draws_bars() -> None:
    stream = io.StringIO()
    render_rich(_table(), stream, width=60)
    text = stream.getvalue()
    assert "█████░░░░░ 50%" in text
    assert "Мероприятие" in text and "Ничего нет." in text and "Итого: 1." in text
    assert max(len(line) for line in text.splitlines()) <= 60
    assert "…" in text  # the long title is cut to fit


def test_markdown_escapes_pipes_and_keeps_whole_titles() -> None:
    table = Table([Column("a", "A|B"), Column("n", "N", "right")],
                  [Section(None, [["x | y", "1"]])], footer="Всего: 1.")
    assert render_markdown(table) == (
        "| A\\|B | N |\n|---|---:|\n| x \\| y | 1 |\n\nВсего: 1.\n")


def test_an_empty_table_says_so() -> None:
    table = Table([Column("a", "A")], [Section(None, [])], empty="Ничего нет.")
    assert render_plain(table) == "Ничего нет.\n"
    assert render_markdown(table) == "Ничего нет.\n"


def test_a_narrow_terminal_groups_rows_under_their_project() -> None:
    long = "Проведение совещания с руководителями МОУО и ОО «Итоги входного мониторинга»"
    columns = [Column("project", "Проект", keep=3), Column("id", "№"),
               Column("title", "Мероприятие", shorten=60), Column("due", "Срок")]
    rows = [["primorye-roadmap-2022", "1", long, "26.09.2022"],
            ["moscow-uao-tech-cluster", "1", long, "01.03.2014"],
            ["primorye-roadmap-2022", "2", long, "30.09.2022"]]
    table = Table(columns, [Section("Неделя 1", rows)])
    wide = io.StringIO()
    render_rich(table, wide, width=160)
    assert "Проект" in wide.getvalue() and "Неделя 1 — " not in wide.getvalue()
    narrow = io.StringIO()
    render_rich(table, narrow, width=60)
    text = narrow.getvalue()
    first = text.index("Неделя 1 — Проект: primorye-roadmap-2022")
    second = text.index("Неделя 1 — Проект: moscow-uao-tech-cluster")
    assert first < second and text.count("Проект:") == 2
    assert text[first:second].count("26.09.2022") == 1
    assert text[first:second].count("30.09.2022") == 1
