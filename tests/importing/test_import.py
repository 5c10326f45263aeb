"""`clusterctl import`: office files built by code for each structure a real plan table has,
each with its expected plan (golden YAML); the example plans of projects/ written as Word and
Excel tables the way their source documents lay them out, imported back and compared; a
property test; the command line (exit statuses, --dry-run, never overwriting)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from clusterctl.check import CheckOptions, check_bytes
from clusterctl.cli import app
from clusterctl.errors import ImportRefused
from clusterctl.importing import ImportOptions, import_file
from tests.conftest import PROJECTS, assert_golden
from tests.importing import office, seeds
from tests.importing.office import T, p, tbl, tc, tr

HEADER = ["№ п/п", "Мероприятие", "Срок", "Ответственный", "Результат"]


def imported(path: Path, **options: Any) -> tuple[str, list[str]]:
    """The plan's text and the findings (as `code: message`) of importing `path`."""
    result = import_file(path, path.name, ImportOptions(**options), out_name="plan.yaml")
    check = check_bytes(result.text.encode(), "plan.yaml", CheckOptions())
    assert check.errors == 0, [d.message for d in check.diagnostics]
    return result.text, [f"{d.code}: {d.message}" for d in result.diagnostics]


def data(text: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


# ------------------------------------------------------------------ structures, golden plans


def test_word_table_with_merged_steps_sections_and_extra_column(tmp_path: Path) -> None:
    rows = [
        ["УТВЕРЖДАЮ", "", "", "", "", ""],
    ]
    approval = T(rows)
    plan = T(
        [
            [*HEADER, "Объём финансирования, тыс. руб."],
            ["1", "2", "3", "4", "5", "6"],
            ["1. Организационное обеспечение", "", "", "", "", ""],
            ["1.1.", "Утверждение списков ОО", "До 26.09.2022", "Чечуркина К.К.",
             "Издан приказ", "0"],
            ["1.2.", "Проведение опроса обучающихся", "До 07.10.2022", "Чечуркина К.К.",
             "Разработана анкета", ""],
            ["", "", "10.10.2022 - 14.10.2022", "Руководители ОО", "Информирование", ""],
            ["", "", "когда-нибудь осенью", "Главный специалист Чечуркина К. К.",
             "Отчёт\nпо итогам опроса", "15,5"],
            ["2. Методическое сопровождение", "", "", "", "", ""],
            ["2.1.", "Разработка методических писем", "Постоянно в течение года",
             "Шкуратская М.В.\nМельникова Т. В.", "Письма направлены", ""],
        ],
        merges=[(0 + 2, 0, 2, 5), (4, 0, 6, 0), (4, 1, 6, 1), (7, 0, 7, 5)],
    )
    path = office.write_docx(tmp_path / "plan.docx", [
        "УТВЕРЖДАЮ", "Министр образования", approval,
        "Дорожная карта по организации работы кластеров на 2022-2023 учебный год", plan,
        "Исполнитель: Иванова И.И."])
    text, findings = imported(path)
    assert_golden("import/word-merged.yaml", text)
    assert findings == [
        "deadline-not-understood: Срок «когда-нибудь осенью» не распознан: непонятный срок"
        "«когда-нибудь осенью». [источник: plan.docx, таблица 2, строка 7, графа 3 «Срок»]"
    ] or any("когда-нибудь осенью" in f and "таблица 2, строка 7, графа 3" in f
             for f in findings)
    plan_data = data(text)
    assert [s["title"] for s in plan_data["stages"]] == ["Организационное обеспечение",
                                                        "Методическое сопровождение"]
    task = plan_data["stages"][0]["tasks"][1]
    assert task["id"] == "1.2" and len(task["steps"]) == 3
    assert task["steps"][2]["responsible"] == ["Главный специалист Чечуркина К. К."]
    assert task["steps"][2]["extra"] == {"obem-finansirovaniya-tys": "15,5"}
    assert plan_data["project"]["period"] == "2022-2023 учебный год"


@pytest.mark.parametrize(("above", "approval"), [
    (["УТВЕРЖДЕНО приказом министерства образования Приморского края от 01.09.2022 № 123-а"],
     {"document": "приказом", "by": "министерства образования Приморского края",
      "date": "01.09.2022", "number": "123-а"}),
    (["УТВЕРЖДЕН", "приказом отдела образования", "администрации Красносельского района",
      "от 29.08.2024 г. № 412-р"],
     {"document": "приказом", "by": "отдела образования администрации Красносельского района",
      "date": "29.08.2024", "number": "412-р"}),
    (["Утверждено решением педагогического совета от 30.08.2023, протокол № 1"],
     {"document": "решением педагогического совета", "date": "30.08.2023", "number": "1"}),
    (["УТВЕРЖДАЮ", "Министр образования Приморского края", "«___» ____________ 2022 г."],
     None),  # a place for a signature: no approval yet
])
def test_the_approval_stamp_above_the_table(tmp_path: Path, above: list[str],
                                            approval: dict[str, str] | None) -> None:
    """The stamp becomes project.approval (format 1.1), and none of its lines the title."""
    table = T([HEADER, ["1.", "Совещание", "До 30.09.2022", "Петров П.П.", "Протокол"]])
    path = office.write_docx(tmp_path / "plan.docx", [
        *above, "Дорожная карта на 2022-2023 учебный год", table])
    text, _ = imported(path)
    project = data(text)["project"]
    assert project.get("approval") == approval
    assert project["title"] == "Дорожная карта на 2022-2023 учебный год"


def test_raw_word_structures(tmp_path: Path) -> None:
    """gridSpan, vMerge restart/continue, gridBefore, a content control around rows, a
    tracked insertion and deletion, a deleted row, a nested table, Word's list numbering in
    the number column."""
    sdt_rows = ("<w:sdt><w:sdtPr/><w:sdtContent>"
                + tr(tc(p("", num=(1, 0))),
                     tc("Подготовка положения о конкурсе"), tc("Октябрь 2022"),
                     tc("Иванова И.И."),
                     tc(p("Положение", raw='<w:ins w:id="1" w:author="a" w:date="2022-01-01T00:00:00Z">'
                          '<w:r><w:t> утверждено</w:t></w:r></w:ins>'
                          '<w:del w:id="2" w:author="a" w:date="2022-01-01T00:00:00Z">'
                          '<w:r><w:delText> отклонено</w:delText></w:r></w:del>')))
                + "</w:sdtContent></w:sdt>")
    nested = tbl(tr(tc("Этап"), tc("Дата")), tr(tc("Отбор"), tc("01.12.2022")))
    body = (
        p("План мероприятий сетевого проекта на 2022 год")
        + tbl(
            tr(tc("№"), tc("Наименование мероприятия"), tc("Сроки проведения"),
               tc("Ответственный"), tc("Результат")),
            tr(tc(p("", num=(1, 0))), tc("Совещание координаторов", vmerge="restart"),
               tc("Сентябрь 2022"), tc("Петров П.П.", vmerge="restart"), tc("Протокол")),
            tr(tc("", vmerge=None), tc("", vmerge="continue"), tc("Декабрь 2022"),
               tc("", vmerge="continue"), tc("Протокол")),
            sdt_rows,
            tr(tc(p("", num=(1, 0))), tc("Конкурс", span=1), tc("Ноябрь 2022"),
               tc("Иванова И.И."), tc("<w:p><w:r><w:t>Итоги:</w:t></w:r></w:p>" + nested)),
            tr(tc("лишняя"), tc("удалённая строка"), tc(""), tc(""), tc(""), deleted=True),
            tr(tc("Семинар для педагогов", span=1), tc("Май 2023"), tc("Петров П.П."),
               tc("Программа"), before=1),
        )
    )
    path = office.raw_docx(tmp_path / "raw.docx", body, numbering=office.numbering())
    text, findings = imported(path)
    assert_golden("import/word-raw.yaml", text)
    plan_data = data(text)
    tasks = plan_data["tasks"]
    assert [t.get("id") for t in tasks] == ["1", "2", "3"]
    assert tasks[0]["responsible"] == ["Петров П.П."] and len(tasks[0]["steps"]) == 2
    assert tasks[1]["result"] == "Положение утверждено"
    assert tasks[2]["result"] == "Итоги:\nЭтап; Дата\nОтбор; 01.12.2022"
    # the row that leaves out the number column (gridBefore): an unnumbered row under task 3
    assert tasks[2]["steps"] == [{"title": "Семинар для педагогов", "due": "Май 2023",
                                  "result": "Программа", "responsible": ["Петров П.П."]}]
    assert "удалённая" not in text
    assert any("исправления" in f for f in findings)


def test_word_numbering_without_definitions_is_counted_and_said(tmp_path: Path) -> None:
    body = tbl(
        tr(tc("№"), tc("Мероприятие"), tc("Срок")),
        tr(tc(p("", num=(7, 0))), tc("Первое"), tc("Сентябрь 2022")),
        tr(tc(p("", num=(7, 0))), tc("Второе"), tc("Октябрь 2022")),
    )
    text, findings = imported(office.raw_docx(tmp_path / "n.docx", body))
    assert [t["id"] for t in data(text)["tasks"]] == ["1", "2"]
    assert any("по порядку строк" in f for f in findings)


def test_two_row_header_with_start_and_due_and_repeated_header(tmp_path: Path) -> None:
    rows = [
        ["№", "Мероприятие", "Сроки", "", "Ответственный"],
        ["", "", "Плановое начало", "Плановое окончание", ""],
        ["1", "2", "3", "4", "5"],
        ["1", "Курсы повышения квалификации", "01.09.2022", "30.11.2022", "ПК ИРО"],
        ["№", "Мероприятие", "Сроки", "", "Ответственный"],
        ["", "", "Плановое начало", "Плановое окончание", ""],
        ["2", "Методический семинар", "01.10.2022", "14.10.2022", "РМЦ"],
    ]
    merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 1, 4), (4, 0, 5, 0),
              (4, 1, 5, 1), (4, 2, 4, 3), (4, 4, 5, 4)]
    text, findings = imported(office.write_docx(tmp_path / "h.docx", [T(rows, merges)]))
    tasks = data(text)["tasks"]
    assert [(t["id"], t["start"], t["due"]) for t in tasks] == [
        ("1", "01.09.2022", "30.11.2022"), ("2", "01.10.2022", "14.10.2022")]
    assert data(text)["organisations"] == [
        {"id": "pk-iro", "name": "ПК ИРО", "kind": "other"},
        {"id": "rmts", "name": "РМЦ", "kind": "other"}]
    # no «Результат» column: the new plan's check says so, at each task's number cell
    assert findings == [
        "no-result: У мероприятия 1 не указан результат. [источник: h.docx, таблица 1, строка 4, "
        "графа 1 «№»]",
        "no-result: У мероприятия 2 не указан результат. [источник: h.docx, таблица 1, строка 7, "
        "графа 1 «№»]"]


def test_table_continued_after_a_page_break_and_stage_headings(tmp_path: Path) -> None:
    first = T([HEADER, ["1", "Анкетирование", "Сентябрь 2014", "Иванова И.И.", "Анкеты"]])
    continued = T([["2", "Семинар", "Октябрь 2014", "Петров П.П.", "Программа"]])
    second = T([HEADER, ["1", "Фестиваль", "Май 2015", "Иванова И.И.", "Итоги"]])
    path = office.write_docx(tmp_path / "s.docx", [
        "Календарный план реализации I этапа (2014)", first, continued,
        "II этап – основной", "Срок реализации – январь 2015 г. – май 2015 г.", second])
    text, findings = imported(path)
    stages = data(text)["stages"]
    assert [(s["id"], s.get("period"), [t["id"] for t in s["tasks"]]) for s in stages] == [
        ("I", "2014", ["1", "2"]), ("II", "январь 2015 г. – май 2015 г.", ["1"])]
    assert findings == []


def test_glued_numbers_unnumbered_steps_and_numbered_children(tmp_path: Path) -> None:
    rows = [
        ["Мероприятие", "Срок", "Ответственный"],
        ["1.1. Создание координационного совета", "Сентябрь 2014", "Иванова И.И."],
        ["1.2. Планирование работы совета", "Октябрь 2014", "Иванова И.И."],
    ]
    text, _ = imported(office.write_docx(tmp_path / "g.docx", [T(rows)]))
    assert [(t["id"], t["title"]) for t in data(text)["tasks"]] == [
        ("1.1", "Создание координационного совета"), ("1.2", "Планирование работы совета")]
    rows = [
        ["№", "Мероприятие", "Сроки", "Результат"],
        ["1.", "Информационное обеспечение", "", ""],
        ["1.1.", "Конференция", "Январь-февраль 2014", "Решение конференции"],
        ["1.2.", "Договоры", "Март 2014", "Договоры о сотрудничестве"],
        ["2.", "Планирование работы", "", ""],
        ["", "определение цели и задач", "Апрель 2014", ""],
        ["", "создание нормативной базы", "Май 2014", ""],
        ["I.", "Раздел без подпунктов", "", ""],
        ["1.", "Мероприятие раздела", "Июнь 2014", "Отчёт"],
    ]
    text, _ = imported(office.write_docx(tmp_path / "c.docx", [T(rows)]))
    stages = data(text)["stages"]
    assert stages[0]["kind"] == "section" and stages[0]["title"] == "Мероприятия"
    first, second = stages[0]["tasks"]
    assert [(s["id"], s["title"]) for s in first["steps"]] == [("1.1", "Конференция"),
                                                                ("1.2", "Договоры")]
    assert [s["title"] for s in second["steps"]] == ["определение цели и задач",
                                                    "создание нормативной базы"]
    assert "id" not in second["steps"][0]
    assert (stages[1]["id"], stages[1]["title"]) == ("I", "Раздел без подпунктов")


def test_responsible_cells_split_into_people_roles_organisations(tmp_path: Path) -> None:
    rows = [HEADER,
            ["1", "Совещание", "Сентябрь 2022",
             "Кузягина Т.Н, Захарова С.М., Сысоева Оксана Павловна", "Протокол"],
            ["2", "Семинар", "Октябрь 2022",
             "Сысоева О.П.\nАдминистрация МОУ «Звениговский лицей», МОУ «ВГЛ»\nМО ПК",
             "Программа"],
            ["3", "Конкурс", "Ноябрь 2022", "Заместитель директора по УВР, Лобанова Н.Н.; "
             "Руководители ОО (по согласованию)", "Итоги"],
            ["4", "Выставка", "Декабрь 2022", "Кузягина Т.Н. Захарова С.М.", "Каталог"],
            ["5", "Форум", "Январь 2023", "Иванова И.И.,\nметодист ИМЦ\nРуководители ОО\n"
             "(по согласованию)", "Резолюция"]]
    text, findings = imported(office.write_docx(tmp_path / "r.docx", [T(rows)]))
    plan_data = data(text)
    assert [t["responsible"] for t in plan_data["tasks"]] == [
        ["Кузягина Т.Н", "Захарова С.М.", "Сысоева Оксана Павловна"],
        ["Сысоева О.П.", "Администрация МОУ «Звениговский лицей», МОУ «ВГЛ»", "МО ПК"],
        ["Заместитель директора по УВР, Лобанова Н.Н.", "Руководители ОО (по согласованию)"],
        ["Кузягина Т.Н.", "Захарова С.М."],
        ["Иванова И.И., методист ИМЦ", "Руководители ОО (по согласованию)"]]
    assert [p["id"] for p in plan_data["people"]] == ["kuzyagina", "zakharova", "sysoeva",
                                                      "lobanova", "ivanova"]
    assert [r["name"] for r in plan_data["roles"]] == [
        "Администрация МОУ «Звениговский лицей», МОУ «ВГЛ»", "Руководители ОО"]
    assert [o["name"] for o in plan_data["organisations"]] == ["МО ПК"]
    assert findings == []


def test_excel_sheet_not_at_a1_with_dates_and_merges(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Дорожная карта проекта на 2022-2023 учебный год", "", "", "", ""],
        ["", "", "", "", ""],
        ["№ п/п", "Мероприятие", "Срок исполнения", "Ответственный", "Результат"],
        [1, "Анкетирование", datetime.date(2022, 9, 26), "Иванова И.И.", "Анкеты"],
        [2, "Семинар", "До 30.10.2022", "Петров П.П.", "Программа"],
        ["", "", datetime.date(2022, 11, 15), "", "Сертификаты"],
        [3, "Итоговая конференция", 44926, "Иванова И.И.", "Резолюция"],
    ]
    path = office.write_xlsx(tmp_path / "plan.xlsx", rows, [(4, 0, 5, 0), (4, 1, 5, 1),
                                                           (4, 3, 5, 3), (0, 0, 0, 4)],
                             top=3, left=2, others={"Титул": [["УТВЕРЖДАЮ"]]})
    text, findings = imported(path)
    assert_golden("import/excel.yaml", text)
    plan_data = data(text)
    tasks = plan_data["tasks"]
    assert tasks[0]["due"] == "26.09.2022"
    assert [s["due"] for s in tasks[1]["steps"]] == ["До 30.10.2022", "15.11.2022"]
    assert tasks[1]["responsible"] == ["Петров П.П."]
    assert tasks[2]["due"] == "44926"  # a number in a cell without a date format stays one
    assert "лист «План», строка 6" in text
    assert plan_data["project"]["title"] == "Дорожная карта проекта на 2022-2023 учебный год"
    assert any("44926" in f and "лист «План», строка 9" in f for f in findings)


def test_ods_and_odt(tmp_path: Path) -> None:
    rows = [HEADER,
            ["1", "Совещание", "Сентябрь 2022", "Иванова И.И.", "Протокол"],
            ["2", "Конкурс", "Октябрь 2022", "Петров П.П.", "Положение"],
            ["", "", "Ноябрь 2022", "", "Итоги"]]
    merges = [(2, 0, 3, 0), (2, 1, 3, 1), (2, 3, 3, 3)]
    for path in (office.write_ods(tmp_path / "p.ods", rows, merges),
                 office.write_odt(tmp_path / "p.odt", ["План работы кластера", T(rows, merges)])):
        text, findings = imported(path)
        tasks = data(text)["tasks"]
        assert [t["id"] for t in tasks] == ["1", "2"], path
        assert [s["due"] for s in tasks[1]["steps"]] == ["Октябрь 2022", "Ноябрь 2022"]
        assert tasks[1]["responsible"] == ["Петров П.П."]
        assert findings == []


@pytest.mark.parametrize(("encoding", "delimiter", "bom"), [
    ("utf-8", ";", True), ("utf-8", ",", False), ("cp1251", ";", False)])
def test_csv(tmp_path: Path, encoding: str, delimiter: str, bom: bool) -> None:
    rows = [HEADER,
            ["1", "Совещание, установочное", "Сентябрь 2022", "Иванова И.И.", "Протокол"],
            ["2", "Конкурс", "Октябрь 2022", "Петров П.П.", "Положение\nи итоги"],
            ["", "", "Ноябрь 2022", "Петров П.П.", "Итоги"]]
    path = office.write_csv(tmp_path / "p.csv", rows, encoding=encoding, delimiter=delimiter,
                            bom=bom)
    text, findings = imported(path)
    tasks = data(text)["tasks"]
    assert tasks[0]["title"] == "Совещание, установочное"
    assert [s["due"] for s in tasks[1]["steps"]] == ["Октябрь 2022", "Ноябрь 2022"]
    assert tasks[1]["steps"][0]["result"] == "Положение\nи итоги"
    assert findings == []


def test_columns_option_maps_unusual_headers(tmp_path: Path) -> None:
    rows = [["Что делаем", "Когда", "Кто"], ["Совещание", "Сентябрь 2022", "Иванова И.И."]]
    path = office.write_docx(tmp_path / "u.docx", [T(rows)])
    with pytest.raises(ImportRefused) as caught:
        imported(path)
    assert "таблица плана не найдена" in caught.value.describe("ru")
    text, _ = imported(path, columns=(("что делаем", "title"), ("когда", "due"),
                                      ("кто", "responsible")))
    assert data(text)["tasks"] == [{"title": "Совещание", "due": "Сентябрь 2022",
                                    "responsible": ["Иванова И.И."]}]


# ------------------------------------------------------------------ the example plans


ROUND_TRIP = sorted(p for p in PROJECTS.glob("*.yaml") if p.stem in seeds.HEADERS)


def _line(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(_line(v) for v in value)
    return "\n".join(" ".join(line.split()) for line in str(value).strip().splitlines())


def _summary(item: dict[str, Any]) -> tuple[Any, ...]:
    return (_line(item.get("id")), _line(item.get("title") or item.get("description")),
            _line(item.get("due")), _line(item.get("result")),
            [_line(r) for r in item.get("responsible") or []],
            [_summary(step) for step in item.get("steps") or []])


def _groups(plan: dict[str, Any]) -> list[tuple[dict[str, Any] | None, list[dict[str, Any]]]]:
    if plan.get("stages"):
        return [(stage, stage.get("tasks") or []) for stage in plan["stages"]]
    return [(None, plan.get("tasks") or [])]


def assert_same_plan(original: dict[str, Any], back: dict[str, Any]) -> None:
    groups, back_groups = _groups(original), _groups(back)
    assert len(groups) == len(back_groups)
    for (stage, tasks), (back_stage, back_tasks) in zip(groups, back_groups, strict=True):
        if stage is not None:
            assert back_stage is not None
            assert _line(stage["title"]).casefold() in _line(back_stage["title"]).casefold()
            assert _line(stage.get("period")) == _line(back_stage.get("period"))
            assert _line(stage["id"]) == _line(back_stage["id"])
        assert [_summary(t) for t in tasks] == [_summary(t) for t in back_tasks]


@pytest.mark.parametrize("plan_path", ROUND_TRIP, ids=lambda p: p.stem)
def test_example_plans_round_trip_through_word(tmp_path: Path, plan_path: Path) -> None:
    original = yaml.safe_load(plan_path.read_text(encoding="utf-8"))
    path = office.write_docx(tmp_path / f"{plan_path.stem}.docx", seeds.blocks(original))
    text, _ = imported(path)
    assert_same_plan(original, data(text))


@pytest.mark.parametrize("plan_path", ROUND_TRIP, ids=lambda p: p.stem)
def test_example_plans_round_trip_through_excel(tmp_path: Path, plan_path: Path) -> None:
    original = yaml.safe_load(plan_path.read_text(encoding="utf-8"))
    headers = seeds.HEADERS[original["project"]["id"]]
    sheets: dict[str, list[list[object]]] = {}
    merges: list[tuple[int, int, int, int]] = []
    if original.get("tasks"):  # one sheet, the title above the table
        table = seeds.table_rows(headers, original["tasks"])
        sheets["План"] = [[str(original["project"]["title"])], [], *table.rows]
        merges = [(r0 + 2, c0, r1 + 2, c1) for r0, c0, r1, c1 in table.merges]
    for n, stage in enumerate(original.get("stages") or [], start=1):
        # a sheet per stage: its heading and period line above the table
        heading, *rest = seeds.stage_heading(stage)
        table = seeds.table_rows(headers, stage.get("tasks") or [])
        sheets[f"Этап {n}"] = [[heading], *([line] for line in rest), *table.rows]
        assert not table.merges or len(original.get("stages") or []) == 1
    last = list(sheets)[-1]
    path = office.write_xlsx(tmp_path / f"{plan_path.stem}.xlsx", sheets.pop(last), merges,
                             sheet=last, others=sheets)
    text, _ = imported(path)
    assert_same_plan(original, data(text))


_WORDS = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщыэюя ", min_size=3, max_size=30).map(
    lambda s: " ".join(s.split())).filter(lambda s: len(s) >= 3)
_DUES = st.sampled_from(["До 26.09.2022", "Январь-февраль 2014", "Постоянно в течение года",
                         "10.10.2022 - 14.10.2022", "IV квартал 2022 г.", "май 2023"])
_PEOPLE = st.sampled_from(["Иванова И.И.", "Петров П.П.", "Руководители ОО",
                           "Сидорова Анна Петровна", "МО ПК"])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_WORDS, _DUES, st.lists(_PEOPLE, min_size=1, max_size=3, unique=True),
                          st.lists(st.tuples(_DUES, _PEOPLE), max_size=3)),
                min_size=1, max_size=8))
def test_generated_plan_survives_a_word_table(tmp_path: Path, tasks: list[Any]) -> None:
    plan: dict[str, Any] = {"project": {"id": "x", "title": "План"}, "tasks": []}
    for n, (title, due, people, steps) in enumerate(tasks, start=1):
        task: dict[str, Any] = {"id": str(n), "title": title.capitalize()}
        if len(steps) > 1:
            task["steps"] = [{"due": d, "result": f"итог {k}", "responsible": [who]}
                             for k, (d, who) in enumerate(steps, start=1)]
        else:
            task.update(due=due, responsible=people, result=f"итог {n}")
        plan["tasks"].append(task)
    table = seeds.table_rows(HEADER, plan["tasks"])
    path = office.write_docx(tmp_path / f"gen{len(tasks)}.docx", ["План", table])
    text, _ = imported(path)
    assert_same_plan(plan, data(text))


# ------------------------------------------------------------------ the command line


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["import", *args], prog_name="clusterctl")
    return result.exit_code, result.stdout, result.stderr


def _simple_docx(tmp_path: Path, due: str = "До 26.09.2022") -> Path:
    return office.write_docx(tmp_path / "plan.docx", [
        "План мероприятий кластера на 2022-2023 учебный год",
        T([HEADER, ["1", "Совещание", due, "Иванова И.И.", "Протокол"]])])


def test_cli_writes_a_valid_plan_and_never_overwrites(runner: CliRunner, tmp_path: Path) -> None:
    source = _simple_docx(tmp_path)
    code, out, err = run(runner, str(source))
    target = tmp_path / "plan.yaml"
    assert (code, err) == (0, "")
    assert out == (f"{source} → {target}: мероприятий 1, подпунктов 0; ошибок 0, "
                   "предупреждений 0\n")
    assert target.read_text(encoding="utf-8").startswith(
        "# Импортировано командой clusterctl import из «plan.docx».\n")
    validate = runner.invoke(app, ["validate", str(target)])
    assert validate.exit_code == 0, validate.stdout
    before = target.read_bytes()
    code, out, err = run(runner, str(source))
    assert code == 1 and out == ""
    assert err == (f"clusterctl: {target}: план уже есть — не перезаписан. Укажите другой "
                   "файл (-o) или --force, чтобы заменить.\n")
    assert target.read_bytes() == before
    target.chmod(0o640)
    code, _, _ = run(runner, str(source), "--force", "--id", "kluster")
    assert code == 0 and "id: kluster" in target.read_text(encoding="utf-8")
    assert target.stat().st_mode & 0o777 == 0o640


def test_cli_warns_at_the_source_cell_and_the_plan_line(runner: CliRunner,
                                                         tmp_path: Path) -> None:
    source = _simple_docx(tmp_path, due="после дождичка в четверг")
    code, out, err = run(runner, str(source), "-o", str(tmp_path / "out.yaml"))
    assert code == 1 and err == ""
    first = out.splitlines()[0]
    assert first.startswith(f"{tmp_path / 'out.yaml'}:")
    assert "deadline-not-understood" in first
    assert f"[источник: {source}, таблица 1, строка 2, графа 3 «Срок»]" in first


def test_cli_dry_run_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    source = _simple_docx(tmp_path)
    code, out, err = run(runner, str(source), "--dry-run")
    assert (code, err) == (0, "")
    assert out == (
        f"{source}: формат docx\n"
        "  таблица 1: 2 строки × 5 граф — план, шапка в строке 1, строк данных 1\n"
        "    графа 1 «№ п/п» → id\n"
        "    графа 2 «Мероприятие» → title\n"
        "    графа 3 «Срок» → due\n"
        "    графа 4 «Ответственный» → responsible\n"
        "    графа 5 «Результат» → result\n"
        "  проект: «План мероприятий кластера на 2022-2023 учебный год», период "
        "«2022-2023 учебный год»\n"
        "  этапов 0, разделов 0; мероприятий 1, подпунктов 0\n"
        "  людей 1, ролей 0, организаций 0\n"
        f"{source} → —: мероприятий 1, подпунктов 0; ошибок 0, предупреждений 0\n"
        "(--dry-run: ничего не записано)\n")
    assert not (tmp_path / "plan.yaml").exists()


def test_cli_many_files_out_dir_and_a_refused_one(runner: CliRunner, tmp_path: Path) -> None:
    good = _simple_docx(tmp_path)
    pdf = tmp_path / "scan.docx"
    pdf.write_bytes(b"%PDF-1.4 not a word file")
    code, _out, err = run(runner, str(good), str(pdf), "--out-dir", str(tmp_path / "plans"))
    assert code == 1
    assert (tmp_path / "plans" / "plan.yaml").exists()
    assert not (tmp_path / "plans" / "scan.yaml").exists()
    assert err == (f"clusterctl: {pdf}: по содержимому это не документ Office, а PDF. Откройте "
                   "файл и сохраните его как .docx, .xlsx, .odt или .ods.\n"
                   f"clusterctl: {pdf}: не импортирован.\n")


@pytest.mark.parametrize(("args", "message"), [
    (["a.docx", "b.docx", "-o", "x.yaml"], "-o задаёт один файл плана"),
    (["a.docx", "--columns", "Сроки"], "--columns: не понял «Сроки»"),
    (["a.docx", "--columns", "Сроки=когда"], "--columns: не понял «Сроки=когда»"),
])
def test_cli_usage_errors(runner: CliRunner, args: list[str], message: str) -> None:
    code, _, err = run(runner, *args)
    assert code == 2 and message in err


def test_cli_missing_file_is_an_io_error(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, str(tmp_path / "нет.docx"))
    assert code == 2 and err == f"clusterctl: {tmp_path / 'нет.docx'}: нет такого файла.\n"


def test_validate_of_an_office_file_points_to_import(runner: CliRunner, tmp_path: Path) -> None:
    source = _simple_docx(tmp_path)
    result = runner.invoke(app, ["validate", str(source)])
    assert result.exit_code == 1
    assert "Это документ Word, Excel или LibreOffice, а не план в YAML." in result.stdout
    assert f"clusterctl import {source}" in result.stdout


def test_the_documented_example_is_what_import_gives(runner: CliRunner, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/examples/roadmap.docx, its plan and its --dry-run (docs/import.md, the Russian
    guide) are what the import makes of it today."""
    from tests.conftest import ROOT

    examples = ROOT / "docs" / "examples"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "roadmap.docx").write_bytes((examples / "roadmap.docx").read_bytes())
    code, out, _ = run(runner, "roadmap.docx", "--dry-run")
    assert code == 1 and out == (examples / "roadmap.dry-run.txt").read_text(encoding="utf-8")
    code, out, _ = run(runner, "roadmap.docx")
    assert code == 1 and out == (examples / "roadmap.import.txt").read_text(encoding="utf-8")
    assert (tmp_path / "roadmap.yaml").read_text(encoding="utf-8") == (
        examples / "roadmap.yaml").read_text(encoding="utf-8")


def test_a_second_plan_table_with_its_own_header_is_a_section(tmp_path: Path) -> None:
    """Two plan tables, each numbered from 1, with a caption between them: the second is a
    section named by its caption (numbers may repeat across sections); the same header
    repeated with nothing between (a page break) continues the first table."""
    path = office.write_docx(tmp_path / "two.docx", [
        "План работы на 2023 год",
        T([HEADER, ["1", "Совещание", "май 2023", "Иванова И.И.", "Протокол"]]),
        T([HEADER, ["2", "Семинар", "июнь 2023", "Иванова И.И.", "Программа"]]),
        "Мероприятия второго полугодия",
        T([HEADER, ["1", "Конкурс", "сентябрь 2023", "Иванова И.И.", "Итоги"]]),
    ])
    text, findings = imported(path)
    stages = data(text)["stages"]
    assert [(s["title"], [t["id"] for t in s["tasks"]]) for s in stages] == [
        ("Мероприятия", ["1", "2"]), ("Мероприятия второго полугодия", ["1"])]
    assert "# абзац перед таблицей 3\n- id: Мероприятия второго полугодия" in text
    assert findings == []


def test_rubrics_typed_into_ordinary_rows(tmp_path: Path) -> None:
    """A stage or a section written in the title cell of an ordinary row (not merged
    across): a stage when it says «этап», a section when numbered rows follow; an unnumbered
    title under a numbered task with unnumbered rows after it stays a step."""
    rows = [
        HEADER,
        ["", "I этап. Подготовительный (сентябрь-декабрь 2022 г.)", "", "", ""],
        ["1", "Совещание", "Сентябрь 2022", "Иванова И.И.", "Протокол"],
        ["", "Организационно-методическое обеспечение", "", "", ""],
        ["2", "Семинар", "Октябрь 2022", "Петров П.П.", "Программа"],
        ["3", "Планирование работы", "", "", ""],
        ["", "определение целей", "Ноябрь 2022", "Петров П.П.", "План"],
    ]
    text, findings = imported(office.write_docx(tmp_path / "r.docx", [T(rows)]))
    stages = data(text)["stages"]
    assert [(s.get("kind", "stage"), s["id"], s.get("period")) for s in stages] == [
        ("stage", "I", "сентябрь-декабрь 2022 г."),
        ("section", "Организационно-методическое обеспечение", None)]
    assert [t["id"] for t in stages[1]["tasks"]] == ["2", "3"]
    assert stages[1]["tasks"][1]["steps"][0]["title"] == "определение целей"
    # the document numbers on across its rubrics: a section may go on from the one before,
    # but here the first «section» is a stage, which starts again at 1
    assert findings == ["numbering: Нумерация сбилась: стоит 2, а по порядку ожидается 1. "
                        "[источник: r.docx, таблица 1, строка 5, графа 1 «№ п/п»]"]
