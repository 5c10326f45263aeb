"""Derived reminders (seed 003's working rules) and the quarterly meeting agenda."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from clusterctl.model import calendar
from clusterctl.model.index import build_index
from clusterctl.model.plan import Plan
from clusterctl.queries import Filters, PlanDigest, agenda, build_digest, reminders
from tests.conftest import TODAY
from tests.queries.test_queries import fixtures, seed

D = datetime.date


def plan(data: dict[str, Any]) -> PlanDigest:
    return build_digest(build_index(Plan.model_validate(data)))


def working_rules(**values: Any) -> Any:
    """The working rules as a digest holds them."""
    return plan({"project": {"id": "p", "title": "P"}, "rules": values}).rules


def event_plan(**task: Any) -> PlanDigest:
    base = {"id": "1", "title": "Фестиваль", "due": "20.10.2022", "event": {"place": "ДДТ"}}
    base.update(task)
    return plan({"project": {"id": "p", "title": "P", "period": "2022-2023 учебный год"},
                 "tasks": [base]})


def kinds(found: list[reminders.Reminder]) -> list[tuple[str, datetime.date]]:
    return [(r.kind, r.due) for r in found]


# ---------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("per_year", "days"),
    [
        (4, [D(2022, 9, 1), D(2022, 11, 1), D(2023, 1, 9), D(2023, 4, 3)]),
        (2, [D(2022, 9, 1), D(2023, 1, 9)]),
        (3, [D(2022, 9, 1), D(2022, 12, 1), D(2023, 3, 1)]),
        (1, [D(2022, 9, 1)]),
        (0, []),
        (12, [D(2022, 9, 1), D(2022, 10, 3), D(2022, 11, 1), D(2022, 12, 1), D(2023, 1, 9),
              D(2023, 2, 1), D(2023, 3, 1), D(2023, 4, 3), D(2023, 5, 2)]),
    ],
)
def test_meeting_days_of_the_2022_2023_school_year(per_year: int, days: list[D]) -> None:
    rules = working_rules(meetings_per_year=per_year)
    assert reminders.meeting_days(rules, 2022, 2022) == days


def test_first_working_day_skips_weekends_and_fixed_holidays() -> None:
    assert calendar.first_working_day(2023, 1) == D(2023, 1, 9)  # New Year holidays 1–8
    assert calendar.first_working_day(2022, 10) == D(2022, 10, 3)  # 1–2 Oct: weekend
    assert calendar.first_working_day(2021, 11) == D(2021, 11, 1)
    assert calendar.first_working_day(2026, 5) == D(2026, 5, 4)  # 1 May Fri, 2–3 weekend


def test_report_days_ignore_what_is_not_a_day() -> None:
    rules = working_rules(report_due=["25.12", "25.05.", "31.02", "декабрь", "1.9"])
    assert reminders.report_days(rules, 2022, 2023) == [
        D(2022, 5, 25), D(2022, 9, 1), D(2022, 12, 25), D(2023, 5, 25), D(2023, 9, 1),
        D(2023, 12, 25),
    ]


# ---------------------------------------------------------------------------- event reminders


def test_announcements_and_press_release_of_an_event() -> None:
    found = reminders.derive_reminders(event_plan(), D(2022, 10, 1), D(2022, 10, 31))
    assert kinds(found) == [
        ("announcement", D(2022, 10, 6)),
        ("announcement_repeat", D(2022, 10, 16)),
        ("announcement_repeat", D(2022, 10, 19)),
        ("press_release", D(2022, 10, 22)),
    ]
    first, _, last, press = found
    assert (first.offset, last.offset, press.offset) == (14, 1, 2)
    assert (press.start, press.event_start, press.event_end) == (
        D(2022, 10, 21), D(2022, 10, 20), D(2022, 10, 20),
    )
    assert (first.id, first.title, first.place, first.event_phrase) == (
        "1", "Фестиваль", "ДДТ", "20.10.2022",
    )
    assert (first.path, first.status, first.stage, first.cluster) == (
        "tasks[0]", "planned", None, None,
    )


def test_a_multi_day_event_counts_from_its_first_and_last_day() -> None:
    found = reminders.derive_reminders(
        event_plan(due="10.10.2022 - 14.10.2022"), D(2022, 9, 1), D(2022, 10, 31)
    )
    assert kinds(found) == [
        ("announcement", D(2022, 9, 26)),
        ("announcement_repeat", D(2022, 10, 6)),
        ("announcement_repeat", D(2022, 10, 9)),
        ("press_release", D(2022, 10, 16)),
    ]


def test_event_date_overrides_due_and_rules_are_configurable() -> None:
    index = plan({
        "project": {"id": "p", "title": "P"},
        "rules": {"announcement_days_before": [7], "press_release_days_after": [3],
                  "meetings_per_year": 0},
        "tasks": [{"id": "1", "title": "Слёт", "due": "до 30.11.2022",
                   "event": {"date": "18.11.2022", "title": "Районный слёт"}}],
    })
    found = reminders.derive_reminders(index, D(2022, 11, 1), D(2022, 11, 30))
    assert kinds(found) == [
        ("announcement", D(2022, 11, 11)), ("press_release", D(2022, 11, 21)),
    ]
    assert found[0].title == "Районный слёт"
    assert found[1].start == found[1].due  # a one-day window


def test_no_reminders_for_cancelled_undated_or_published_events() -> None:
    window = (D(2022, 9, 1), D(2022, 12, 31))
    cancelled = event_plan(status="cancelled", cancel_reason="карантин")
    assert reminders.derive_reminders(cancelled, *window) == []
    assert reminders.derive_reminders(event_plan(due="по отдельному графику"), *window) == []
    assert reminders.derive_reminders(event_plan(due=None), *window) == []
    held = event_plan(status="done", outcome={"held_on": "2022-10-18"})
    assert kinds(reminders.derive_reminders(held, D(2022, 10, 19), D(2022, 12, 31))) == [
        ("press_release", D(2022, 10, 20)),  # from the day it was held, no announcements
    ]
    published = event_plan(status="done", outcome={"held_on": "2022-10-18",
                                                   "links": ["https://example.org/news"]})
    assert reminders.derive_reminders(published, D(2022, 10, 19), D(2022, 12, 31)) == []
    outcome_only = event_plan(event=None, outcome={"participants_count": 40})
    assert [r.kind for r in reminders.derive_reminders(outcome_only, *window)] == [
        "announcement", "announcement_repeat", "announcement_repeat", "press_release",
    ]


def test_plain_tasks_and_plans_without_clusters_get_no_rule_reminders() -> None:
    roadmap = seed("primorye-roadmap-2022")
    assert reminders.derive_reminders(roadmap, D(2022, 9, 1), D(2023, 8, 31)) == []
    assert not reminders.has_meetings(roadmap)


# ---------------------------------------------------------------------------- reports, meetings


def test_seed_003_reports_and_meetings_per_cluster() -> None:
    programme = seed("krasnoselsky-upbringing-programme")
    found = reminders.derive_reminders(programme, TODAY, D(2022, 12, 31))
    assert sorted({(r.kind, r.due) for r in found}) == [
        ("meeting", D(2022, 11, 1)), ("report", D(2022, 12, 25)),
    ]
    meetings = [r for r in found if r.kind == "meeting"]
    assert [r.id for r in meetings] == [
        "civic", "cognitive", "ecology", "healthy-lifestyle", "labour", "parents",
        "prevention", "spiritual",
    ]
    civic = meetings[0]
    assert civic.responsible == ("Сысоева Оксана Павловна", "Витовтова Мария Сергеевна")
    assert (civic.title, civic.cluster, civic.path) == (
        "Гражданско-патриотическое воспитание", "civic", "clusters[0]",
    )


def test_reports_and_meetings_stay_within_the_project_period() -> None:
    district = fixtures()[1]
    found = reminders.derive_reminders(district, D(2022, 1, 1), D(2023, 12, 31))
    days = sorted({(r.kind, r.due) for r in found if r.kind in ("report", "meeting")})
    assert days == [
        ("meeting", D(2022, 9, 1)), ("meeting", D(2022, 11, 1)), ("meeting", D(2023, 1, 9)),
        ("meeting", D(2023, 4, 3)), ("report", D(2022, 12, 25)), ("report", D(2023, 5, 25)),
    ]


def test_a_rules_block_without_clusters_gives_plan_meetings() -> None:
    city = fixtures()[0]
    found = reminders.derive_reminders(city, TODAY, D(2023, 8, 31))
    assert [(r.kind, r.due, r.id, r.cluster) for r in found] == [
        ("meeting", D(2023, 1, 9), "city-network", None),
    ]


@pytest.mark.parametrize(
    ("kind", "offset", "first", "ru", "en"),
    [
        ("announcement", 14, None, "Анонс за 14 дней", "Announcement 14 days before"),
        ("announcement_repeat", 4, None, "Повтор анонса за 4 дня",
         "Repeat the announcement 4 days before"),
        ("announcement_repeat", 1, None, "Повтор анонса накануне",
         "Repeat the announcement the day before"),
        ("announcement_repeat", 0, None, "Повтор анонса в день мероприятия",
         "Repeat the announcement on the day"),
        ("announcement", 21, None, "Анонс за 21 день", "Announcement 21 days before"),
        ("press_release", 2, 1, "Пресс-релиз через 1–2 дня после мероприятия",
         "Press release 1–2 days after the event"),
        ("press_release", 1, 1, "Пресс-релиз через 1 день после мероприятия",
         "Press release 1 day after the event"),
        ("report", None, None, "Отчёт о работе кластера", "Cluster report"),
        ("meeting", None, None, "Совещание с ОУ-участниками кластера",
         "Meeting with member schools"),
    ],
)
def test_reminder_labels(kind: str, offset: int | None, first: int | None, ru: str,
                         en: str) -> None:
    assert reminders.reminder_label(kind, offset, "ru", first) == ru
    assert reminders.reminder_label(kind, offset, "en", first) == en


# ---------------------------------------------------------------------------- meeting agenda


def test_meeting_agenda_of_the_fixtures() -> None:
    agendas = agenda.meeting_agenda(fixtures(), TODAY)
    assert [(a.project, a.cluster, a.date, a.until) for a in agendas] == [
        ("district-upbringing", "civic", D(2022, 11, 1), D(2022, 12, 31)),
        ("district-upbringing", "spiritual", D(2022, 11, 1), D(2022, 12, 31)),
        ("city-network", None, D(2023, 1, 9), D(2023, 3, 8)),
    ]
    civic, spiritual, city = agendas
    assert civic.responsible == ("Сысоева Оксана Павловна", "Витовтова М.С.")
    assert civic.members == ("ГБОУ СОШ № 7", "ГБОУ СОШ № 200", "ГБОУ школа № 203",
                             "ГБОУ СОШ № 208")
    assert [(e.kind, e.id, e.date, e.time, e.place, e.level) for e in civic.entries] == [
        ("task", "10", D(2022, 11, 30), None, None, None),  # the plan's, no cluster
        ("event", "9", D(2022, 12, 9), "12:00", "ГБОУ СОШ № 7", "район"),
    ]
    assert civic.entries[1].responsible == ("Витовтова М.С.",)
    assert [e.id for e in spiritual.entries] == ["10"]
    assert [(e.id, e.date) for e in city.entries] == [("3", D(2023, 2, 15))]


def test_meeting_agenda_filters() -> None:
    only = agenda.meeting_agenda(fixtures(), TODAY, Filters(clusters=("spiritual",)))
    assert [a.cluster for a in only] == ["spiritual"]
    runs = agenda.meeting_agenda(fixtures(), TODAY, Filters(responsible=("Комарова",)))
    assert [a.cluster for a in runs] == ["spiritual"]
    on_item = agenda.meeting_agenda(fixtures(), TODAY, Filters(responsible=("Орлова",)))
    assert [a.project for a in on_item] == ["city-network"]
    # on the meeting day itself that meeting is the next one; after the period, none
    assert agenda.meeting_agenda(fixtures(), D(2022, 11, 1))[0].date == D(2022, 11, 1)
    assert agenda.meeting_agenda(fixtures(), D(2023, 9, 1)) == []


def test_seed_003_agenda_is_per_cluster_and_announces_two_months() -> None:
    agendas = agenda.meeting_agenda([seed("krasnoselsky-upbringing-programme")], TODAY)
    assert len(agendas) == 8
    assert {(a.date, a.until) for a in agendas} == {(D(2022, 11, 1), D(2022, 12, 31))}
    assert all(a.entries == [] for a in agendas)  # the seed has no tasks yet
