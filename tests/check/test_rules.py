"""The semantic rules, one small plan per rule: which codes, at which line and column.

Positions are written as the place of a piece of text in the plan (`at(plan, '"4"')`), so a
test reads like the mistake it checks. The last tests keep the registry honest: every rule is
tested here, documented, and has its messages in both languages.
"""

from __future__ import annotations

import datetime
import re

import pytest

from clusterctl.check import CheckOptions, check_bytes
from clusterctl.check.rules import RULES
from clusterctl.diagnostics import Diagnostic, Severity
from clusterctl.i18n import has, message
from clusterctl.model.plan import WorkingRules
from tests.conftest import TODAY

HEAD = """\
version: 1
project:
  id: pk-2022
  title: Дорожная карта
  period: 2022-2023 учебный год
people:
  - id: chechurkina
    name: Чечуркина К.К.
  - id: shkuratskaya
    name: Шкуратская М.В.
    full_name: Шкуратская Мария Викторовна
"""


def at(plan: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based (line, column) of the nth occurrence of `needle` in `plan`."""
    offset = -1
    for _ in range(nth):
        offset = plan.index(needle, offset + 1)
    line = plan.count("\n", 0, offset) + 1
    return line, offset - (plan.rfind("\n", 0, offset) + 1) + 1


def check(plan: str, lang: str = "ru", **options: object) -> list[Diagnostic]:
    settings: dict[str, object] = {"today": TODAY, **options}
    result = check_bytes(plan.encode("utf-8"), "plan.yaml",
                         CheckOptions(lang=lang, **settings))  # type: ignore[arg-type]
    assert result.plan is not None, result.diagnostics
    return result.diagnostics


def found(plan: str, **options: object) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in check(plan, "ru", **options)]


def task(ident: str, title: str = "Совещание", due: str = "До 26.09.2022",
         extra: str = "", indent: str = "  ") -> str:
    """One complete, clean task (as a list item) at the given indent."""
    body = (f'- id: "{ident}"\n  title: {title}\n  result: Протокол\n  due: {due}\n'
            f"  responsible: Чечуркина К.К.\n{extra}")
    return "".join(indent + line + "\n" for line in body.splitlines())


def test_the_helpers_build_a_clean_plan() -> None:
    assert found(HEAD + "tasks:\n" + task("1") + task("2")) == []


# ------------------------------------------------------------------ unique-ids


def test_unique_ids() -> None:
    plan = HEAD + """\
  - id: chechurkina
    name: Чеченева А.С.
roles:
  - id: heads
    name: Руководители ОО
  - id: heads
    name: Заместители руководителей ОО
stages:
  - id: I
    title: Первый
    tasks:
""" + task("1", indent="      ") + task("1", indent="      ") + """\
  - id: II
    title: Второй
    tasks:
""" + task("1", indent="      ") + """\
tasks:
  - id: "1"
    title: Семинар
    result: Программа
    due: До 26.09.2022
    responsible: Чечуркина К.К.
    steps:
      - id: "1.1"
        title: Подготовка
      - id: "1.1"
        title: Проведение
"""
    assert found(plan) == [
        ("duplicate-id", *at(plan, "chechurkina", 2)),
        ("duplicate-id", *at(plan, "heads", 2)),
        ("duplicate-id", *at(plan, '"1"', 2)),  # the same id in another stage is fine
        ("duplicate-id", *at(plan, '"1.1"', 2)),
    ]
    [first, *_] = check(plan)
    assert first.message == (
        f"Номер «chechurkina» у человека повторяется (первый раз — в строке "
        f"{at(plan, 'chechurkina')[0]})."
    )
    assert first.severity is Severity.ERROR


def test_unique_ids_fold_spelling() -> None:
    plan = HEAD + "tasks:\n" + task("1") + task("1.")
    assert found(plan) == [("duplicate-id", *at(plan, '"1."'))]


# ------------------------------------------------------------------ numbering


def test_numbering() -> None:
    plan = HEAD + "tasks:\n" + task("1") + task("2") + task("4") + task("5") + """\
  - id: "6"
    title: Семинар
    result: Программа
    due: До 26.09.2022
    responsible: Чечуркина К.К.
    steps:
      - id: "6.1"
      - id: "6.3"
"""
    assert found(plan) == [
        ("numbering", *at(plan, '"4"')),  # one finding per list: not again at 5
        ("numbering", *at(plan, '"6.3"')),
    ]
    assert check(plan)[0].message == "Нумерация сбилась: стоит 4, а по порядку ожидается 3."
    assert check(plan)[0].severity is Severity.WARNING


def test_numbering_leaves_words_and_repeats_alone() -> None:
    words = HEAD + "tasks:\n" + task("Задача №2") + task("Задача №5")
    assert found(words) == []
    repeated = HEAD + "tasks:\n" + task("1") + task("2") + task("2") + task("3")
    assert found(repeated) == [("duplicate-id", *at(repeated, '"2"', 2))]  # not numbering too
    steps = HEAD + "tasks:\n" + task("1", extra='  steps:\n    - id: "2.1"\n')
    assert found(steps) == [("numbering", *at(steps, '"2.1"'))]


def test_numbering_may_go_on_across_sections() -> None:
    """A document numbered across its rubrics: section 2 starts at 3 after 1, 2 — but a
    stage (not a section) starts again at 1, and a section may not skip (5 after 2)."""
    sections = HEAD + """stages:
  - id: "1"
    kind: section
    title: Организационное обеспечение
    tasks:
""" + task("1", indent="      ") + task("2", indent="      ") + """  - id: "2"
    kind: section
    title: Методическое сопровождение
    tasks:
""" + task("3", indent="      ") + task("4", indent="      ") + """  - id: "3"
    kind: section
    title: Мониторинг
    tasks:
""" + task("7", indent="      ")
    assert found(sections) == [("numbering", *at(sections, '"7"'))]
    stages = sections.replace("    kind: section\n", "")
    assert found(stages) == [("numbering", *at(stages, '"3"')),
                             ("numbering", *at(stages, '"7"'))]


# ------------------------------------------------------------------ deadlines


def test_deadlines() -> None:
    plan = HEAD.replace("2022-2023 учебный год", "когда-нибудь") + """\
stages:
  - id: I
    title: Первый
    period: с осени
tasks:
""" + task("1", due="скоро") + task("2", due="31.02.2023") + task("3", due="2023-13-01") + (
        task("4", due="14.10.2022 - 10.10.2022", extra="  steps:\n    - due: на днях\n"))
    assert found(plan) == [
        ("period-not-understood", *at(plan, "когда-нибудь")),
        ("period-not-understood", *at(plan, "с осени")),
        ("deadline-not-understood", *at(plan, "скоро")),
        ("impossible-date", *at(plan, "31.02.2023")),
        ("impossible-date", *at(plan, "2023-13-01")),
        ("reversed-range", *at(plan, "14.10.2022 - 10.10.2022")),
        ("deadline-not-understood", *at(plan, "на днях")),
    ]
    diagnostics = check(plan)
    assert [d.message for d in diagnostics][3:5] == [
        "Дата 31.02.2023 не существует: в феврале 2023 года 28 дней.",
        "Дата 2023-13-01 не существует: месяца с номером 13 нет.",
    ]
    assert [d.severity.value for d in diagnostics] == [
        "warning", "warning", "warning", "error", "error", "error", "warning"
    ]


def test_deadlines_understood_phrases() -> None:
    plan = HEAD + "tasks:\n" + "".join(
        task(str(k), due=due) for k, due in enumerate(
            ["Постоянно", "По отдельному графику", "10.10.2022 15.10.2022", "Октябрь 2022",
             "В течение года (в соответствии с отдельными планами)", "ежемесячно"], start=1)
    )
    assert found(plan) == []


# ------------------------------------------------------------------ periods


def test_periods() -> None:
    plan = HEAD + """\
stages:
  - id: I
    title: Первый
    period: Сентябрь-декабрь 2022
    tasks:
""" + task("1", due="Январь 2023", indent="      ") + task("2", due="Постоянно", indent="      ") + """\
  - id: II
    title: Второй
    period: Август 2022
  - id: III
    title: Третий
tasks:
""" + task("1", due="Сентябрь 2023")
    assert found(plan) == [
        ("outside-period", *at(plan, "Январь 2023")),  # "постоянно" has no dates to check
        ("stage-order", *at(plan, "Август 2022")),
        ("stage-outside-project", *at(plan, "Август 2022")),
        ("outside-period", *at(plan, "Сентябрь 2023")),
    ]
    messages = [d.message for d in check(plan)]
    assert messages[0] == ("Срок «Январь 2023» (01.01.2023–31.01.2023) выходит за период "
                           "этапа I (01.09.2022–31.12.2022).")
    assert messages[3] == ("Срок «Сентябрь 2023» (01.09.2023–30.09.2023) выходит за период "
                           "проекта (01.09.2022–31.08.2023).")


def test_periods_stage_without_its_own_period_uses_the_project() -> None:
    plan = HEAD + """\
stages:
  - id: III
    title: Третий
    tasks:
""" + task("1", due="Май 2024", indent="      ")
    [d] = check(plan)
    assert (d.code, d.line, d.column) == ("outside-period", *at(plan, "Май 2024"))
    # the stage is not named: its period is not the one exceeded
    assert d.message.endswith("выходит за период проекта (01.09.2022–31.08.2023).")
    assert "Исправьте срок или период проекта" in d.hint


# ------------------------------------------------------------------ known-people


def test_known_people() -> None:
    plan = HEAD.replace("  period:", "  leads: [Чечуркина К.К., Иванов И.И.]\n  period:") + """\
roles:
  - id: heads
    name: Руководители ОО
clusters:
  - id: agro
    title: Агрокластер
    curators: Шкуратская Мария Викторовна
tasks:
  - id: "1"
    title: Совещание
    result: Протокол
    due: До 26.09.2022
    responsible: [Шкурятская М.В., руководители оо, shkuratskaya, Шкуратская М. В.]
"""
    assert found(plan) == [
        ("unknown-person", *at(plan, "Иванов И.И.")),
        ("unknown-person", *at(plan, "Шкурятская М.В.")),
    ]
    typo = check(plan)[1]
    assert typo.severity is Severity.WARNING
    assert typo.message == (
        "«Шкурятская М.В.» нет в реестре людей, ролей и организаций (ответственные).")
    assert typo.hint.startswith("Возможно, имелось в виду «Шкуратская М.В.». ")
    assert check(plan, lang="en")[0].message == (
        '"Иванов И.И." is not in the people, roles or organisations registry (leads).'
    )


def test_known_people_organisations_and_qualified_names() -> None:
    plan = HEAD + """\
organisations:
  - id: minobr
    name: Министерство образования Республики Мордовия
    short_name: Минобр РМ
tasks:
  - id: "1"
    title: Совещание
    result: Протокол
    due: До 26.09.2022
    responsible:
      - Министерство образования Республики Мордовия (по согласованию)
      - Минобр РМ
      - Куратор Чечуркина К. К.
      - Заместитель директора по УВР М.В.Шкуратская
      - Департамент образования (по согласованию)
"""
    assert found(plan) == [("unknown-person", *at(plan, "Департамент образования"))]


# ------------------------------------------------------------------ starts


def test_starts() -> None:
    plan = HEAD + "tasks:\n" + task("1", due="До 26.09.2022", extra="  start: 01.10.2022\n") \
        + task("2", due="Сентябрь 2022", extra="  start: 01.09.2022\n") \
        + task("3", due="Постоянно", extra="  start: 01.12.2022\n") \
        + task("4", due="До 26.09.2022", extra="  start: когда-нибудь\n")
    assert found(plan) == [
        ("start-after-due", *at(plan, "01.10.2022")),
        ("deadline-not-understood", *at(plan, "когда-нибудь")),
    ]
    [first, _] = check(plan)
    assert first.message == "Плановое начало 01.10.2022 позже срока 26.09.2022 («До 26.09.2022»)."
    assert first.severity is Severity.ERROR


# ------------------------------------------------------------------ columns


def test_columns() -> None:
    plan = HEAD + """\
columns:
  - id: financing
    title: Объём финансирования, тыс. руб.
  - id: indicator
    title: Контрольный показатель
tasks:
""" + task("1", extra="  extra:\n    financing: '12,5'\n    indicatr: Приказ\n")
    assert found(plan) == [("unknown-column", *at(plan, "indicatr"))]
    [d] = check(plan)
    assert d.severity is Severity.ERROR
    assert d.message == "Графа «indicatr» не объявлена в columns."
    assert d.hint.startswith("Возможно, имелось в виду «indicator». ")
    assert found(HEAD + "tasks:\n" + task("1", extra="  extra: {note: x}\n")) == [
        ("unknown-column", *at(HEAD + "tasks:\n" + task("1", extra="  extra: {note: x}\n"),
                               "note"))]


# ------------------------------------------------------------------ occurrences


def test_occurrences() -> None:
    plan = HEAD + "tasks:\n" + task(
        "1", due="Ежеквартально", extra="  done_occurrences: [2022-09-30, 2022-10-15]\n") \
        + task("2", due="До 26.09.2022", extra="  done_occurrences: [2022-09-26]\n") \
        + task("3", due="Еженедельно")
    assert found(plan) == [
        ("not-an-occurrence", *at(plan, "2022-10-15")),
        ("not-an-occurrence", *at(plan, "2022-09-26")),
    ]
    message = check(plan)[0]
    assert message.message == "15.10.2022 в done_occurrences — не срок повторения «Ежеквартально»."
    assert "30.09.2022, 31.12.2022, 31.03.2023, 30.06.2023" in message.hint
    many = HEAD.replace("2022-2023 учебный год", "2000-2030") + "tasks:\n" + task(
        "1", due="Еженедельно")
    assert found(many) == [("too-many-occurrences", *at(many, "Еженедельно"))]


# ------------------------------------------------------------------ references


def test_references() -> None:
    plan = HEAD.replace("  period:", """\
  objectives:
    - id: "1"
      title: Создать сеть
  participants: [school-252, 253]
  period:""") + """\
organisations:
  - id: school-252
    name: ГБОУ СОШ № 252
    number: 252
clusters:
  - id: agro
    title: Агрокластер
    base_site: school-25
    members: [252]
tasks:
  - id: "1"
    title: Совещание
    result: Протокол
    due: До 26.09.2022
    responsible: Чечуркина К.К.
    objective: "2"
    cluster: argo
    participants: [ГБОУ СОШ № 252]
"""
    assert found(plan) == [
        ("unresolved-reference", *at(plan, "253")),
        ("unresolved-reference", *at(plan, "school-25\n")),
        ("unresolved-reference", *at(plan, '"2"')),
        ("unresolved-reference", *at(plan, "argo")),
    ]
    messages = [(d.message, d.hint) for d in check(plan)]
    assert messages[0] == ("В плане нет организации «253».",
                           "Проверьте написание или добавьте в план.")
    assert messages[1][1].startswith("Возможно, имелось в виду «school-252». ")
    assert messages[2][0] == "В плане нет задачи проекта «2»."
    assert messages[3] == ("В плане нет кластера «argo».",
                           "Возможно, имелось в виду «agro». Проверьте написание или добавьте "
                           "в план.")
    assert check(plan, lang="en")[3].message == "The plan has no cluster 'argo'."
    assert all(d.severity is Severity.ERROR for d in check(plan))


# ------------------------------------------------------------------ status


def test_status() -> None:
    plan = HEAD + "tasks:\n" + task("1", extra="  status: cancelled\n") + task(
        "2", extra="  status: done\n  done_on: 2022-10-17\n") + task(
        "3", extra="  status: in_progress\n  done_on: 2022-10-01\n") + task(
        "4", extra="  cancel_reason: карантин\n") + task(
        "5", extra=("  status: cancelled\n  cancel_reason: карантин\n"
                    "  cancelled_on: 2022-10-16\n  reschedules:\n    - to: До 20.12.2022\n"
                    "      reason: перенос\n      on: 2023-01-01\n")) + task(
        "6", extra="  steps:\n    - title: Подготовка\n      status: cancelled\n")
    assert found(plan) == [
        ("cancelled-without-reason", *at(plan, "cancelled")),
        ("future-date", *at(plan, "2022-10-17")),
        ("status-mismatch", *at(plan, "2022-10-01")),
        ("status-mismatch", *at(plan, "карантин")),
        ("future-date", *at(plan, "2023-01-01")),  # the day of the check is not the future
        ("cancelled-without-reason", *at(plan, "cancelled\n", 3)),
    ]
    diagnostics = check(plan)
    assert diagnostics[0].message == "Мероприятие 1 отменено без причины."
    assert diagnostics[1].message == "Дата 17.10.2022 ещё не наступила (сегодня 16.10.2022)."
    assert diagnostics[2].message == (
        "Поле done_on подходит к статусу done, а статус — in_progress."
    )
    assert diagnostics[5].message == "Мероприятие 6.1 отменено без причины."
    assert [d.severity.value for d in diagnostics] == [
        "error", "error", "warning", "warning", "error", "error"
    ]


def test_status_future_date_follows_the_date_of_the_check() -> None:
    plan = HEAD + "tasks:\n" + task("1", extra="  status: done\n  done_on: 2022-10-17\n")
    assert found(plan, today=datetime.date(2022, 10, 17)) == []


# ------------------------------------------------------------------ completeness


def test_completeness() -> None:
    plan = HEAD + """\
stages:
  - id: I
    title: Первый
    tasks:
      - id: "1"
        title: Совещание
        due: До 26.09.2022
tasks:
  - id: "1"
    title: Семинар
    steps:
      - title: Подготовка
        result: Программа
        responsible: Чечуркина К.К.
      - title: Проведение
        result: Протокол
  - id: "2"
    title: Отменённый семинар
    status: cancelled
    cancel_reason: карантин
"""
    assert found(plan) == [
        ("no-responsible", *at(plan, 'id: "1"')),
        ("no-result", *at(plan, 'id: "1"')),
        ("no-responsible", *at(plan, 'id: "1"', 2)),  # a step without one, none on the task
    ]
    assert [d.message for d in check(plan)][:2] == [
        "У мероприятия 1 (этап I) не указан ответственный.",
        "У мероприятия 1 (этап I) не указан результат.",
    ]
    assert all(d.severity is Severity.WARNING for d in check(plan))


# ------------------------------------------------------------------ comment-in-value


def test_comment_in_value() -> None:
    plan = HEAD.replace("  title: Дорожная карта\n", "  title: Дорожная карта # проект\n") + """\
tasks:
  - id: "1"  # номер как в приказе
    title: Совещание
    result: Распорядительный акт # 5
    description: "Акт # 5 в кавычках: текст целиком"
    due: До 26.09.2022 # срок из приказа
    status: planned  # ещё не начато
    responsible:
      - Чечуркина К.К.  # куратор
"""
    assert found(plan) == [
        ("comment-in-value", *at(plan, "Дорожная карта")),
        ("comment-in-value", *at(plan, "Распорядительный акт")),
    ]
    messages = check(plan)
    assert messages[1].message == (
        "Значение result обрезано знаком «#»: YAML прочитал «Распорядительный акт», а «#» и "
        "всё после него счёл комментарием."
    )
    assert all(d.severity is Severity.WARNING for d in messages)
    # a block text keeps its «#»; a comment on a line of its own is no finding
    quiet = HEAD + """\
tasks:
  - id: "1"
    title: >-
      Совещание # 5 на двух
      строках
    # комментарий на своей строке
    result: Протокол
    due: До 26.09.2022
    responsible: Чечуркина К.К.
"""
    assert found(quiet) == []


# ------------------------------------------------------------------ switching off


TESTED = {
    "unique-ids": test_unique_ids,
    "numbering": test_numbering,
    "deadlines": test_deadlines,
    "periods": test_periods,
    "known-people": test_known_people,
    "references": test_references,
    "status": test_status,
    "completeness": test_completeness,
    "comment-in-value": test_comment_in_value,
    "starts": test_starts,
    "columns": test_columns,
    "occurrences": test_occurrences,
}


def test_every_rule_has_its_own_test() -> None:
    assert set(TESTED) == {rule.name for rule in RULES}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_a_rule_can_be_switched_off_by_name_or_code(rule: object) -> None:
    plan = HEAD + "tasks:\n" + task("1", due="скоро", extra="  status: cancelled\n") + """\
  - id: "3"
    title: Семинар
    due: До 26.09.2022
    responsible: Иванов И.И.
    objective: x
"""
    name = rule.name  # type: ignore[attr-defined]
    codes = set(rule.codes)  # type: ignore[attr-defined]
    assert {c for c, *_ in found(plan, ignore=frozenset({name}))}.isdisjoint(codes)
    assert {c for c, *_ in found(plan, ignore=frozenset(codes))}.isdisjoint(codes)
    directive = f"# clusterctl: disable={name}\n"
    assert {c for c, *_ in found(directive + plan)}.isdisjoint(codes)


# ------------------------------------------------------------------ the registry


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_rule_is_documented_and_speaks_both_languages(rule: object) -> None:
    name, codes, doc = rule.name, rule.codes, rule.doc  # type: ignore[attr-defined]
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", name)
    assert doc and len(doc) > 40, f"{name} needs a doc string"
    assert codes, f"{name} declares no codes"
    for code, severity in codes.items():
        assert isinstance(severity, Severity)
        for lang in ("ru", "en"):
            assert has(code, lang), f"{code} has no {lang} message"
            said, hint = message(code, lang)
            assert said.strip(), f"{code}: no {lang} message"
            assert hint.strip(), f"{code}: no {lang} hint"


def test_codes_are_unique_across_rules() -> None:
    codes = [code for rule in RULES for code in rule.codes]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("25.12", None), ("25.05.", None), (" 1.9 ", None), ("29.02", None),
        ("31.02", "impossible-date"), ("00.05", "impossible-date"), ("25.13", "impossible-date"),
        ("декабрь", "deadline-not-understood"), ("25.12.2022", "deadline-not-understood"),
        ("25/12", "deadline-not-understood"), ("", "deadline-not-understood"),
    ],
)
def test_report_days_are_days_and_months(text: str, problem: str | None) -> None:
    """What `rules.report_due` may hold is what `reminders.report_days` reads: DD.MM, 29.02
    included (it falls in leap years); the rest is reported, never left out in silence."""
    from clusterctl.check.rules.deadlines import _finding, _report_day_error
    from clusterctl.queries.reminders import report_days

    error = _report_day_error(text)
    code = None if error is None else _finding(error, (), text, "ru", False).code
    assert code == problem
    read = report_days(WorkingRules(report_due=[text]), 2023, 2024)
    assert bool(read) == (problem is None)
    if text == "29.02":
        assert read == [datetime.date(2024, 2, 29)]
