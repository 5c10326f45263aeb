"""Builds docs/examples/roadmap.docx: the first rows of the Primorye roadmap (seed 004) as
its Word document lays them out — an approval block, the title, a header row with a row of
column numbers under it, tasks whose number and title are merged over their steps, a
responsible merged over a whole task, a deadline the grammar does not understand.

    .venv/bin/python docs/examples/build_roadmap.py

The import of the result is docs/examples/roadmap.yaml, its --dry-run roadmap.dry-run.txt
(a test keeps all three in step).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
HEADER = ["№ п/п", "Мероприятие", "Характеристика результата", "Сроки проведения",
          "Ответственные исполнители"]
ROWS = [
    ["1.", "Утверждение списков общеобразовательных организаций - участников проекта (далее - "
     "ОО), регионального и муниципальных координаторов.",
     "Издан приказ министерства образования Приморского края.", "До 26.09.2022",
     "Чечуркина К.К."],
    ["2.", "Формирование перечней академических и индустриальных партнеров ОО.",
     "Закреплены за каждой ОО:\n- индустриальный(-ые) партнер(-ы);\n- академический(-ие) "
     "партнер(-ы).", "До 30.09.2022", "Шкуратская М.В."],
    ["3.", "Информационное сопровождение деятельности специализированных классов.",
     "На сайтах ОО, МО ПК, ПК ИРО, РМЦ созданы фирменные ссылки.", "До 15.10.2022",
     "Руководители ОО\nМоргунова И. Е.\nЧечуркина К. К."],
    ["", "", "На официальных сайтах размещены актуальные новости по теме проекта.",
     "Постоянно в течение года", ""],
    ["4.", "Проведение опроса обучающихся, их родителей (анонимно, онлайн).",
     "Разработана и направлена в ОО анкета для проведения опроса.", "До 07.10.2022",
     "Чечуркина К.К."],
    ["", "", "Информирование целевой аудитории о проведении опроса.",
     "10.10.2022 - 14.10.2022", "Руководители ОО"],
    ["", "", "Подготовлен и размещен на сайте МО ПК отчет по результатам опроса.",
     "До 21.10.2022", "Чечуркина К.К."],
    ["5.", "Реализация плана мероприятий ОО совместно с ПК ИРО, РМЦ.",
     "Отчеты о проведении мероприятий размещены на сайтах ПК ИРО и РМЦ.",
     "В течение учебного года (в соответствии с отдельными планами)",
     "Мельникова Т.В., Гумбатов С.А."],
    ["6.", "Проведение совещания с руководителями МОУО и ОО «Итоги входного мониторинга».",
     "Протокол совещания с выводами и рекомендациями.", "По согласованию с МОУО",
     "Шкуратская М.В."],
]
MERGES = [(4, 0, 5, 0), (4, 1, 5, 1), (4, 4, 5, 4), (6, 0, 8, 0), (6, 1, 8, 1)]
"""(first row, column, last row, column) of the table, header row 0, numbers row 1."""


def build(path: Path) -> None:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"  # type: ignore[attr-defined]
    style.font.size = Pt(12)  # type: ignore[attr-defined]
    for line in ("УТВЕРЖДАЮ", "Министр образования Приморского края",
                 "«___» ____________ 2022 г."):
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    title = document.add_paragraph("Региональная дорожная карта по организации работы "
                                   "образовательных кластеров на 2022-2023 учебный год")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.runs[0].bold = True
    table = document.add_table(rows=len(ROWS) + 2, cols=len(HEADER))
    table.style = "Table Grid"
    for r, row in enumerate([HEADER, [str(n) for n in range(1, 6)], *ROWS]):
        cells = table.rows[r].cells
        for c, text in enumerate(row):
            if text:
                lines = text.split("\n")
                cells[c].text = lines[0]
                for line in lines[1:]:
                    cells[c].add_paragraph(line)
    for r0, c0, r1, c1 in MERGES:
        table.cell(r0, c0).merge(table.cell(r1, c1))
    document.core_properties.created = datetime.datetime(2022, 9, 1)
    document.core_properties.modified = datetime.datetime(2022, 9, 1)
    document.core_properties.author = "clusterctl"
    document.core_properties.last_modified_by = "clusterctl"
    document.save(str(path))


if __name__ == "__main__":
    build(HERE / "roadmap.docx")
