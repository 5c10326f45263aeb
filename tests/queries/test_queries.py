"""The query library (`clusterctl.queries`): overdue, upcoming, status, who, filters, people.

Everything is pinned to explicit dates; the fixture plans under tests/data/queries/plans/
are written for 2022-10-16 (see the comments in them).
"""

from __future__ import annotations

import datetime
from functools import cache
from typing import Any

import pytest

from clusterctl import queries
from clusterctl.check import CheckOptions, check_file
from clusterctl.errors import FilterError
from clusterctl.model.calendar import window_end
from clusterctl.model.index import PlanIndex, build_index
from clusterctl.model.plan import Plan
from clusterctl.queries import Filters, PlanDigest, build_digest
from clusterctl.queries.people import Directory
from clusterctl.queries.units import natural_key
from tests.conftest import DATA, PROJECTS, TODAY

D = datetime.date
PLANS = DATA / "queries" / "plans"


@cache
def index_of(path: str) -> PlanIndex:
    """The checked plan at `path` (relative to the repository)."""
    result = check_file(
        PROJECTS.parent / path, path,
        CheckOptions(today=D(2030, 1, 1), ignore=frozenset({"future-date"})),
    )
    assert result.ok and result.index is not None, result.diagnostics
    return result.index


@cache
def _digest(path: str) -> PlanDigest:
    return build_digest(index_of(path))


def seeds() -> list[PlanDigest]:
    return [_digest(f"projects/{p.name}") for p in sorted(PROJECTS.glob("*.yaml"))]


def seed(name: str) -> PlanDigest:
    return _digest(f"projects/{name}.yaml")


def fixtures() -> list[PlanDigest]:
    return [_digest(f"tests/data/queries/plans/{n}.yaml") for n in ("city", "district")]


def plan(data: dict[str, Any]) -> PlanDigest:
    return build_digest(build_index(Plan.model_validate(data)))


def ids(rows: list[Any]) -> list[tuple[str, str]]:
    return [(r.project, r.id) for r in rows]


# ---------------------------------------------------------------------------- acceptance


def test_seed_004_item_1_is_20_days_overdue_and_the_ongoing_row_is_not() -> None:
    rows = queries.overdue([seed("primorye-roadmap-2022")], D(2022, 10, 16))
    first = rows[0]
    assert (first.id, first.due, first.days_overdue) == ("1", D(2022, 9, 26), 20)
    assert first.due_phrase == "До 26.09.2022"
    assert first.responsible == ("Чечуркина К.К.",)
    # item 6 is judged step by step: 6.1 ("До 15.10.2022") is late, 6.2 is ongoing
    assert [r.id for r in rows if r.task_id == "6"] == ["6.1"]
    assert not [r for r in rows if r.due_phrase == "Постоянно в течение года"]
    assert [(r.id, r.days_overdue) for r in rows] == [
        ("1", 20), ("2", 16), ("4", 16), ("5", 15), ("8.1", 9), ("9.1", 6), ("8.2", 2),
        ("6.1", 1), ("9.2", 1),
    ]


def test_seed_000_as_of_2014_03_01_lists_1_1_overdue_by_one_day() -> None:
    rows = queries.overdue([seed("moscow-uao-tech-cluster")], D(2014, 3, 1))
    assert [(r.stage, r.id, r.due, r.days_overdue) for r in rows] == [
        ("I", "1.1", D(2014, 2, 28), 1)
    ]
    assert rows[0].due_phrase == "Январь-февраль 2014"
    assert rows[0].title.startswith("Проведение конференции")
    assert queries.overdue([seed("moscow-uao-tech-cluster")], D(2014, 2, 28)) == []


def test_seed_000_1_1_done_is_not_overdue_unless_done_later() -> None:
    data = index_of("projects/moscow-uao-tech-cluster.yaml").plan.model_dump(by_alias=True)
    step = data["stages"][0]["tasks"][0]["steps"][0]
    step["status"] = "done"
    assert queries.overdue([plan(data)], D(2014, 3, 1)) == []
    step["done_on"] = D(2014, 2, 20)
    assert queries.overdue([plan(data)], D(2014, 3, 1)) == []
    step["done_on"] = D(2014, 3, 5)  # done after the as-of date: still late on 01.03.2014
    assert [r.id for r in queries.overdue([plan(data)], D(2014, 3, 1))] == ["1.1"]


# ---------------------------------------------------------------------------- overdue


def test_overdue_on_the_fixtures() -> None:
    rows = queries.overdue(fixtures(), TODAY)
    assert [(r.project, r.id, r.days_overdue, r.status) for r in rows] == [
        ("city-network", "4", 16, "planned"),  # done_on 2022-10-20 is after the as-of date
        ("city-network", "2", 15, "in_progress"),
        ("district-upbringing", "6.2", 2, "planned"),
    ]
    step = rows[2]
    assert (step.kind, step.task_id, step.stage, step.cluster) == ("step", "6", "I", "spiritual")
    assert step.responsible == ("Макарова Ирина Анатольевна",)  # the registry spelling
    assert step.path == "stages[0].tasks[5].steps[1]"
    # the same plan a week later: the done 4 and the cancelled 5 never show
    later = queries.overdue(fixtures(), D(2022, 10, 25))
    assert [(r.project, r.id) for r in later] == [
        ("city-network", "2"), ("district-upbringing", "6.2"), ("district-upbringing", "2"),
    ]


def test_closing_a_task_closes_its_open_steps() -> None:
    data = {
        "project": {"id": "p", "title": "P"},
        "tasks": [{"id": "1", "title": "T", "status": "done",
                   "steps": [{"title": "a", "due": "до 01.10.2022"},
                             {"title": "b", "due": "до 02.10.2022"}]},
                  {"id": "2", "title": "U", "status": "cancelled", "cancel_reason": "x",
                   "due": "до 01.10.2022"}],
    }
    assert queries.overdue([plan(data)], TODAY) == []
    data["tasks"][0]["status"] = "planned"
    assert [r.id for r in queries.overdue([plan(data)], TODAY)] == ["1.1", "1.2"]


def test_undated_deadlines_are_never_overdue() -> None:
    tasks = [
        {"id": str(k), "title": f"T{k}", "due": due}
        for k, due in enumerate([
            "постоянно", "по отдельному графику", "ежемесячно", "в течение года",
            "до 01.10.2022",
        ])
    ]
    undated = plan({"project": {"id": "p", "title": "P"}, "tasks": tasks})
    assert [r.id for r in queries.overdue([undated], D(2023, 12, 1))] == ["4"]
    # within a period, «ежемесячно» is dated: each month's occurrence, with its own day, in
    # one row that starts at the first missed one
    index = plan({"project": {"id": "p", "title": "P", "period": "2022-2023 учебный год"},
                  "tasks": tasks})
    found = queries.overdue([index], D(2023, 12, 1))
    monthly = [r for r in found if r.id == "2"]
    assert [(r.due, r.days_overdue) for r in monthly] == [(D(2022, 9, 30), 427)]
    assert monthly[0].missed[:2] == (D(2022, 9, 30), D(2022, 10, 31))
    assert len(monthly[0].missed) == 12 and len(found) == 2
    assert [r.missed for r in found if r.id == "4"] == [()]


def test_a_recurring_deadline_is_one_row_with_its_missed_occurrences() -> None:
    """Only the occurrences past and not done are listed; a done one is left out, and the
    row's days count from the earliest one left."""
    tasks = [{"id": "1", "title": "Справка", "due": "ежеквартально",
              "done_occurrences": ["2022-09-30"]}]
    index = plan({"project": {"id": "p", "title": "P", "period": "2022-2023 учебный год"},
                  "tasks": tasks})
    found = queries.overdue([index], D(2023, 4, 1))
    assert [(r.id, r.due, r.days_overdue, r.missed) for r in found] == [
        ("1", D(2022, 12, 31), 91, (D(2022, 12, 31), D(2023, 3, 31)))]
    assert queries.overdue([index], D(2022, 12, 31)) == []


def test_overdue_filters_combine() -> None:
    both = fixtures()
    assert ids(queries.overdue(both, TODAY, Filters(projects=("CITY-network",)))) == [
        ("city-network", "4"), ("city-network", "2"),
    ]
    assert ids(queries.overdue(both, TODAY, Filters(stages=("I",)))) == [
        ("district-upbringing", "6.2"),
    ]
    assert ids(queries.overdue(both, TODAY, Filters(clusters=("Духовно-нравственное воспитание",)))) == [
        ("district-upbringing", "6.2"),
    ]
    assert ids(queries.overdue(both, TODAY, Filters(statuses=("in-progress",)))) == [
        ("city-network", "2"),
    ]
    # Макарова is one person in both plans: by alias, by id, by surname, in any case
    for name in ("Макарова И.", "makarova", "МАКАРОВА", "макарова ирина анатольевна"):
        assert ids(queries.overdue(both, TODAY, Filters(responsible=(name,)))) == [
            ("city-network", "2"), ("district-upbringing", "6.2"),
        ], name
    assert ids(queries.overdue(
        both, TODAY, Filters(responsible=("Макарова",), projects=("district-upbringing",))
    )) == [("district-upbringing", "6.2")]


@pytest.mark.parametrize(
    ("filters", "option", "value", "closest"),
    [
        (Filters(responsible=("Макарава",)), "responsible", "Макарава",
         ["Макарова Ирина Анатольевна", "Комарова Е.В."]),
        (Filters(projects=("city-netwrk",)), "project", "city-netwrk", ["city-network"]),
        (Filters(stages=("III",)), "stage", "III", ["II", "I"]),
        (Filters(clusters=("civik",)), "cluster", "civik", ["civic"]),
        (Filters(statuses=("finished",)), "status", "finished", []),
        (Filters(statuses=("don",)), "status", "don", ["done", "open"]),
    ],
)
def test_unknown_filter_values_name_the_closest(
    filters: Filters, option: str, value: str, closest: list[str]
) -> None:
    with pytest.raises(FilterError) as info:
        queries.overdue(fixtures(), TODAY, filters)
    assert (info.value.option, info.value.value, info.value.closest) == (option, value, closest)


def test_window_end() -> None:
    monday = D(2022, 10, 17)
    assert window_end(monday, "14d") == D(2022, 10, 30)
    assert window_end(monday, 14) == D(2022, 10, 30)
    assert window_end(monday, "2w") == D(2022, 10, 30)
    assert window_end(monday, "1m") == D(2022, 11, 16)
    assert window_end(D(2023, 1, 31), "1m") == D(2023, 2, 27)
    assert window_end(monday, "14д") == window_end(monday, "2н")
    assert window_end(monday, " 1 м ") == D(2022, 11, 16)
    assert window_end(monday, "1") == monday
    for bad in ("0d", "two weeks", "14x", "", "-1d"):
        with pytest.raises(ValueError):
            window_end(monday, bad)


def test_natural_key_orders_ids_as_people_do() -> None:
    ids_ = ["10", "2", "1.10", "1.2", "Задача №10", "Задача №2", "1"]
    assert sorted(ids_, key=natural_key) == [
        "1", "1.2", "1.10", "2", "10", "Задача №2", "Задача №10",
    ]


# ---------------------------------------------------------------------------- upcoming


def test_upcoming_on_the_fixtures_with_reminders() -> None:
    result = queries.upcoming(fixtures(), TODAY)
    assert (result.as_of, result.until) == (TODAY, D(2022, 10, 29))
    assert [(e.due, e.kind, e.id, e.days_left) for e in result.entries] == [
        (D(2022, 10, 16), "announcement_repeat", "2", 0),
        (D(2022, 10, 19), "announcement_repeat", "2", 3),
        (D(2022, 10, 20), "task", "2", 4),
        (D(2022, 10, 22), "press_release", "2", 6),
        (D(2022, 10, 24), "start", "6.3", 8),  # «24.10.2022 - 28.10.2022» starts
        (D(2022, 10, 24), "announcement_repeat", "3", 8),
        (D(2022, 10, 25), "task", "1", 9),
        (D(2022, 10, 27), "announcement_repeat", "3", 11),
        (D(2022, 10, 28), "event", "3", 12),
        (D(2022, 10, 28), "step", "6.3", 12),
    ]
    weeks = result.weeks()
    assert [(w.start, w.end, len(w.entries)) for w in weeks] == [
        (D(2022, 10, 10), D(2022, 10, 16), 1),
        (D(2022, 10, 17), D(2022, 10, 23), 3),
        (D(2022, 10, 24), D(2022, 10, 30), 6),
    ]
    press = result.entries[3]
    assert (press.start, press.due, press.offset, press.event_start) == (
        D(2022, 10, 21), D(2022, 10, 22), 2, D(2022, 10, 20),
    )
    assert press.title == "Районный фестиваль «Мы — граждане России»"
    assert press.responsible == ("Витовтова М.С.",)
    event = result.entries[8]
    assert (event.due_phrase, event.place, event.start) == ("28.10.2022", "ДДТ", D(2022, 10, 28))


def test_upcoming_window_reminders_and_status_filter() -> None:
    month = queries.upcoming(fixtures(), TODAY, window_end(TODAY, "1m"))
    later = [(e.due, e.kind, e.project, e.id) for e in month.entries if e.due > D(2022, 10, 29)]
    assert later == [
        (D(2022, 10, 30), "task", "district-upbringing", "3"),
        (D(2022, 10, 30), "press_release", "district-upbringing", "3"),
        (D(2022, 11, 1), "meeting", "district-upbringing", "civic"),
        (D(2022, 11, 1), "meeting", "district-upbringing", "spiritual"),
    ]
    bare = queries.upcoming(fixtures(), TODAY, reminders=False)
    assert [e.kind for e in bare.entries] == ["task", "start", "task", "event", "step"]
    started = queries.upcoming(fixtures(), TODAY, filters=Filters(statuses=("in_progress",)))
    assert [(e.kind, e.id) for e in started.entries] == [
        ("announcement_repeat", "2"), ("announcement_repeat", "2"), ("task", "2"),
        ("press_release", "2"),
    ]
    done = queries.upcoming(fixtures(), D(2022, 9, 15), D(2022, 9, 30),
                            Filters(statuses=("done",)))
    assert [(e.kind, e.id) for e in done.entries] == [("task", "1")]


def test_upcoming_stage_and_person_filters_apply_to_reminders() -> None:
    month = window_end(TODAY, "1m")
    civic = queries.upcoming(fixtures(), TODAY, month, Filters(clusters=("civic",)))
    assert {e.cluster for e in civic.entries} == {"civic"}
    assert ("meeting", "civic") in [(e.kind, e.id) for e in civic.entries]
    staged = queries.upcoming(fixtures(), TODAY, month, Filters(stages=("I",)))
    assert "meeting" not in {e.kind for e in staged.entries}  # meetings have no stage
    sysoeva = queries.upcoming(fixtures(), TODAY, month, Filters(responsible=("Сысоева",)))
    assert [(e.kind, e.project, e.id) for e in sysoeva.entries] == [
        ("task", "city-network", "1"),
        ("meeting", "district-upbringing", "civic"),  # she is the curator of civic
    ]


# ---------------------------------------------------------------------------- status


def test_status_counts_and_participation() -> None:
    report = queries.status(fixtures(), TODAY)
    city, district = report.projects
    assert report.as_of == TODAY
    c = city.project
    assert (c.total, c.done, c.in_progress, c.planned, c.overdue, c.cancelled) == (4, 0, 1, 3, 2, 0)
    p = district.project
    assert (p.total, p.done, p.in_progress, p.planned, p.overdue, p.cancelled, p.rescheduled) == (
        12, 2, 2, 7, 1, 1, 1,
    )
    assert p.share_done == round(2 / 11, 4)
    assert p.next_due is not None and (p.next_due.date, p.next_due.id) == (D(2022, 10, 20), "2")
    assert district.current_stage == "I"
    autumn, spring = district.stages
    assert (autumn.id, autumn.current, autumn.total, autumn.share_done) == ("I", True, 10, 0.2222)
    assert (autumn.period_start, autumn.period_end) == (D(2022, 9, 1), D(2022, 12, 31))
    assert (spring.id, spring.current, spring.total) == ("II", False, 2)
    civic, spiritual = district.clusters
    assert (civic.total, civic.done, civic.rescheduled) == (6, 2, 1)
    part = civic.participation
    assert part is not None
    assert (part.members, part.took_part, part.share, part.recorded) == (4, 3, 0.75, True)
    assert part.schools == ("ГБОУ СОШ № 7", "ГБОУ школа № 203", "ГБОУ СОШ № 208")
    assert part.absent == ("ГБОУ СОШ № 200",)
    sp = spiritual.participation
    assert sp is not None and (sp.members, sp.took_part, sp.share, sp.recorded) == (3, 0, None, False)
    assert (spiritual.overdue, spiritual.cancelled, spiritual.in_progress) == (1, 1, 1)
    assert district.district is not None
    assert (district.district.members, district.district.took_part, district.district.share) == (
        10, 3, 0.3,
    )
    assert city.district is None and city.clusters == [] and city.stages == []


def test_status_as_of_an_earlier_date_and_with_filters() -> None:
    before = queries.status(fixtures(), D(2022, 10, 1))
    civic = before.projects[1].clusters[0]
    assert civic.done == 1 and civic.participation is not None
    assert civic.participation.took_part == 0 and civic.participation.recorded is False
    assert civic.rescheduled == 0  # the move was decided on 2022-10-03
    only = queries.status(fixtures(), TODAY, Filters(clusters=("civic",)))
    assert [p.project.project for p in only.projects] == ["city-network", "district-upbringing"]
    assert only.projects[0].project.total == 0
    assert [c.id for c in only.projects[1].clusters] == ["civic"]
    assert only.projects[1].project.total == 6
    done = queries.status(fixtures(), TODAY, Filters(statuses=("done",), projects=("district-upbringing",)))
    assert done.projects[0].project.total == 2


def test_status_on_the_seeds() -> None:
    report = queries.status(seeds(), TODAY)
    by_id = {p.project.project: p for p in report.projects}
    primorye = by_id["primorye-roadmap-2022"].project
    assert (primorye.total, primorye.overdue, primorye.share_done) == (20, 7, 0.0)
    assert primorye.next_due is not None and primorye.next_due.id == "8.3"
    krasnoselsky = by_id["krasnoselsky-upbringing-programme"]
    assert krasnoselsky.project.total == 0 and krasnoselsky.project.share_done is None
    assert [c.id for c in krasnoselsky.clusters] == [
        "civic", "spiritual", "prevention", "healthy-lifestyle", "ecology", "labour",
        "cognitive", "parents",
    ]
    assert [c.participation.members for c in krasnoselsky.clusters if c.participation] == [
        24, 15, 7, 9, 9, 9, 12, 11,
    ]


# ---------------------------------------------------------------------------- who


def test_who_merges_people_across_plans() -> None:
    result = queries.who(fixtures(), TODAY)
    rows = {p.name: (p.kind, p.projects, p.open, p.overdue, p.due_soon) for p in result.people}
    assert rows == {
        "Витовтова Мария Сергеевна": ("person", ("city-network", "district-upbringing"), 5, 0, 1),
        "Заместители директоров по ВР": ("role", ("district-upbringing",), 0, 0, 0),
        "Комарова Е.В.": ("person", ("district-upbringing",), 1, 0, 1),
        "Макарова Ирина Анатольевна": ("person", ("city-network", "district-upbringing"), 3, 2, 0),
        "Неизвестная Н.Н.": ("unknown", ("district-upbringing",), 1, 0, 0),
        "Орлова Анна Петровна": ("person", ("city-network",), 2, 1, 0),
        "Сысоева Оксана Павловна": ("person", ("city-network", "district-upbringing"), 4, 0, 1),
    }
    assert [p.name for p in result.people] == sorted(rows, key=str.casefold)
    sysoeva = next(p for p in result.people if p.name.startswith("Сысоева"))
    assert set(sysoeva.spellings) == {"Сысоева Оксана Павловна", "Сысоева О.П."}
    assert [(d.kind, d.project, d.cluster) for d in sysoeva.duties] == [
        ("curator", "district-upbringing", "civic"),
    ]
    assert sysoeva.position == "методист ЦГБЖ"
    assert result.soon_until == D(2022, 10, 29) and result.items == []


def test_who_name_lists_open_items_in_date_order() -> None:
    result = queries.who(fixtures(), TODAY, "vitovtova")
    assert [p.name for p in result.people] == ["Витовтова Мария Сергеевна"]
    assert [(i.project, i.id, i.due, i.days_left, i.overdue) for i in result.items] == [
        ("district-upbringing", "2", D(2022, 10, 20), 4, False),
        ("district-upbringing", "9", D(2022, 12, 9), 54, False),
        ("city-network", "3", D(2023, 2, 15), 122, False),
        ("district-upbringing", "1", D(2023, 3, 31), 166, False),
        ("district-upbringing", "8", None, None, False),
    ]
    late = queries.who(fixtures(), TODAY, "Макарова И.")
    assert [(i.id, i.days_left, i.overdue) for i in late.items] == [
        ("2", -15, True), ("6.2", -2, True), ("3", 14, False),
    ]
    done = queries.who(fixtures(), TODAY, "Сысоева", Filters(statuses=("done",)))
    assert [(i.project, i.id) for i in done.items] == [("district-upbringing", "1")]


def test_who_unknown_name_and_seed_typos() -> None:
    with pytest.raises(FilterError) as info:
        queries.who(seeds(), TODAY, "Шкуратскя М.")
    assert info.value.option == "name"
    assert info.value.closest[:2] == ["Шкуратская М.В.", "Шкурятская М.В."]
    # a surname with an initial is a word of the name: found
    found = queries.who(seeds(), TODAY, "Шкуратская М.")
    assert [p.name for p in found.people] == ["Шкуратская М.В."]
    result = queries.who(seeds(), TODAY)
    unknown = sorted(p.name for p in result.people if p.kind == "unknown")
    assert unknown == [
        "Татарина Валерия Сергеевна", "Трифорова О.А.", "Шкурятская М.В.",
    ]
    chechurkina = queries.who(seeds(), TODAY, "Чечуркина К. К.")
    assert (chechurkina.people[0].open, chechurkina.people[0].overdue) == (15, 4)
    assert chechurkina.items[0].id == "1" and chechurkina.items[-1].id == "6.2"


def _person_plan(pid: str, people: list[dict[str, Any]], responsible: list[str]) -> PlanDigest:
    return plan({
        "project": {"id": pid, "title": pid},
        "people": people,
        "tasks": [{"id": "1", "title": "T", "due": "до 01.11.2022", "responsible": responsible}],
    })


def _directory(digests: list[PlanDigest]) -> Directory:
    return Directory([d.registry for d in digests])


def test_directory_merges_initials_only_when_unambiguous() -> None:
    a = _person_plan("a", [{"id": "i1", "name": "Иванова Ирина Валерьевна"}],
                     ["Иванова Ирина Валерьевна"])
    b = _person_plan("b", [{"id": "i2", "name": "Иванова И.В."}], ["Иванова И.В."])
    merged = _directory([a, b])
    assert len(merged.entries) == 1
    assert next(iter(merged.entries.values())).name == "Иванова Ирина Валерьевна"
    c = _person_plan("c", [{"id": "i3", "name": "Иванова Инна Викторовна"}],
                     ["Иванова Инна Викторовна"])
    ambiguous = _directory([a, b, c])
    assert sorted(e.name for e in ambiguous.entries.values()) == [
        "Иванова И.В.", "Иванова Инна Викторовна", "Иванова Ирина Валерьевна",
    ]
    # asking for the initials finds all three; the full name only its owner
    assert len(ambiguous.find("иванова и.в.")) == 3
    assert len(ambiguous.find("Иванова Инна Викторовна")) == 1
    # a name written in no registry still meets the registry's person by initials
    d = _person_plan("d", [], ["Иванова И. В."])
    assert len(_directory([a, d]).entries) == 1
    roles = plan({"project": {"id": "r", "title": "r"},
                  "roles": [{"id": "heads", "name": "Иванова И.В."}]})
    assert len(_directory([b, roles]).entries) == 2  # a role never merges with a person


def test_status_counts_a_recurring_task_once_per_occurrence() -> None:
    """Each occurrence is counted: done when recorded, overdue when past and not done; the
    task is rescheduled once, and its next deadline is the first open one ahead."""
    recurring = plan({"project": {"id": "p", "title": "P", "period": "2022-2023 учебный год"},
                      "tasks": [{"id": "1", "title": "Справка", "due": "ежеквартально",
                                 "done_occurrences": ["2022-09-30"],
                                 "reschedules": [{"from": "ежемесячно", "to": "ежеквартально",
                                                  "reason": "реже", "on": "2022-09-01"}]},
                                {"id": "2", "title": "Семинар", "due": "до 01.05.2023"}]})
    p = queries.status([recurring], D(2023, 4, 1)).projects[0].project
    assert (p.total, p.done, p.planned, p.overdue, p.rescheduled) == (5, 1, 4, 2, 1)
    assert p.next_due is not None and (p.next_due.date, p.next_due.id) == (D(2023, 5, 1), "2")
    assert p.share_done == 0.2
