"""`clusterctl export ics`: the calendar parsed back with icalendar and with vobject."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest
import vobject
from typer.testing import CliRunner

from clusterctl.cli import app
from clusterctl.export.ics import calendar, event_uid
from clusterctl.queries import Filters
from tests.conftest import TODAY
from tests.queries.test_queries import fixtures, seeds

D = datetime.date
PLANS = "tests/data/queries/plans"


def events(data: bytes) -> dict[str, Any]:
    cal = icalendar.Calendar.from_ical(data)
    found: dict[str, Any] = {}
    for component in cal.walk("VEVENT"):
        uid = str(component["UID"])
        assert uid not in found, f"duplicate UID {uid}"
        found[uid] = component
    return found


def text(event: Any, name: str) -> str:
    return str(event[name])


def day(event: Any, name: str) -> datetime.date:
    value = event[name].dt
    assert type(value) is datetime.date, f"{name} must be an all-day date"
    return value


@pytest.fixture(scope="module")
def district_ics() -> bytes:
    return calendar(fixtures(), TODAY)


def test_calendar_properties(district_ics: bytes) -> None:
    cal = icalendar.Calendar.from_ical(district_ics)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == "-//clusterctl//clusterctl 0.1.0//RU"
    assert str(cal["CALSCALE"]) == "GREGORIAN"
    assert str(cal["METHOD"]) == "PUBLISH"
    assert str(cal["X-WR-CALNAME"]) == "clusterctl: city-network, district-upbringing"
    assert str(cal["NAME"]) == "clusterctl: city-network, district-upbringing"


def test_every_field_of_an_event_task(district_ics: bytes) -> None:
    found = events(district_ics)
    fest = found["district-upbringing/I/2@clusterctl"]
    assert text(fest, "SUMMARY") == (
        "[district-upbringing] 2: Районный фестиваль «Мы — граждане России»"
    )
    assert (day(fest, "DTSTART"), day(fest, "DTEND")) == (D(2022, 10, 20), D(2022, 10, 21))
    assert fest["DTSTAMP"].dt == datetime.datetime(2022, 10, 16, tzinfo=datetime.UTC)
    assert text(fest, "DESCRIPTION").split("\n") == [
        "Мероприятие: Районный фестиваль «Мы — граждане России»",
        "Результат: Фестиваль проведён, пресс-релиз размещён",
        "Ответственные: Витовтова М.С.",
        "Срок: 20.10.2022",
        "Статус: в работе",
        "Переносов срока: 1",
        "Этап: I — Осенний этап",
        "Кластер: civic — Гражданско-патриотическое воспитание",
        "Место: ГБОУ СОШ № 252",
        "Время: 15:00",
        "https://example.org/fest",
        "Проект: Районная программа воспитания (пример для тестов)",
        "В плане: stages[0].tasks[1]",
    ]
    assert text(fest, "LOCATION") == "ГБОУ СОШ № 252"
    assert text(fest, "URL") == "https://example.org/fest"
    assert list(fest["CATEGORIES"].cats) == ["district-upbringing", "мероприятие"]
    assert text(fest, "STATUS") == "CONFIRMED"
    assert text(fest, "TRANSP") == "TRANSPARENT"
    assert int(fest["SEQUENCE"]) == 1
    assert "RELATED-TO" not in fest


def test_dates_statuses_and_what_is_left_out(district_ics: bytes) -> None:
    found = events(district_ics)
    before = found["district-upbringing/I/10@clusterctl"]  # «до 30.11.2022»: its last day
    assert (day(before, "DTSTART"), day(before, "DTEND")) == (D(2022, 11, 30), D(2022, 12, 1))
    assert text(before, "DESCRIPTION").split("\n")[2] == "Срок: до 30.11.2022 (30.11.2022)"
    span = found["district-upbringing/I/6.3@clusterctl"]  # a range spans its days
    assert (day(span, "DTSTART"), day(span, "DTEND")) == (D(2022, 10, 24), D(2022, 10, 29))
    assert list(span["CATEGORIES"].cats) == ["district-upbringing", "подпункт"]
    month = found["district-upbringing/II/2@clusterctl"]
    assert text(month, "DESCRIPTION").count("Неизвестная Н.Н.") == 1
    cancelled = found["district-upbringing/I/5@clusterctl"]
    assert text(cancelled, "STATUS") == "CANCELLED"
    done = found["district-upbringing/I/1@clusterctl"]
    assert text(done, "SUMMARY").startswith("✓ [district-upbringing] 1: ")
    # ongoing, on a separate schedule, and a task judged by its steps have no event
    for missing in ("I/7", "I/8", "I/6"):
        assert f"district-upbringing/{missing}@clusterctl" not in found
    city_done_later = found["city-network/-/4@clusterctl"]
    assert "Статус: запланировано" in text(city_done_later, "DESCRIPTION")


def test_reminders_are_events_related_to_their_task(district_ics: bytes) -> None:
    found = events(district_ics)
    announce = found["district-upbringing/I/2/announcement-14@clusterctl"]
    assert text(announce, "SUMMARY") == (
        "[district-upbringing] Анонс за 14 дней: Районный фестиваль «Мы — граждане России» (2)"
    )
    assert (day(announce, "DTSTART"), day(announce, "DTEND")) == (D(2022, 10, 6), D(2022, 10, 7))
    assert text(announce, "RELATED-TO") == "district-upbringing/I/2@clusterctl"
    assert list(announce["CATEGORIES"].cats) == ["district-upbringing", "анонс"]
    assert text(announce, "DESCRIPTION").split("\n")[:3] == [
        "Анонс за 14 дней.",
        "Мероприятие: Районный фестиваль «Мы — граждане России»",
        "Срок: 20.10.2022",
    ]
    press = found["district-upbringing/I/2/press_release@clusterctl"]
    assert (day(press, "DTSTART"), day(press, "DTEND")) == (D(2022, 10, 21), D(2022, 10, 23))
    report = found["district-upbringing/cluster/civic/report/2022-12-25@clusterctl"]
    assert text(report, "SUMMARY") == (
        "[district-upbringing] Отчёт о работе кластера: Гражданско-патриотическое воспитание"
    )
    assert "RELATED-TO" not in report
    assert "district-upbringing/cluster/spiritual/meeting/2022-11-01@clusterctl" in found
    assert "city-network/cluster/city-network/meeting/2023-01-09@clusterctl" in found
    # the cancelled seminar gets no reminders; the held action only its (past) press release
    assert not [u for u in found if u.startswith("district-upbringing/I/5/")]
    assert [u for u in found if u.startswith("district-upbringing/I/4/")] == [
        "district-upbringing/I/4/press_release@clusterctl"
    ]
    # 16 dated tasks and steps; 17 event reminders (4 per event: 2, 3, 9, II/1; the held
    # action's press release), 4 cluster reports, 8 cluster and 2 plan meetings
    assert len(found) == 16 + 17 + 4 + 8 + 2


def test_uids_are_stable_between_exports() -> None:
    first = events(calendar(fixtures(), TODAY))
    later = events(calendar(fixtures(), D(2022, 11, 20)))
    assert set(first) == set(later)
    fest = later["district-upbringing/I/2@clusterctl"]
    assert fest["DTSTAMP"].dt.date() == D(2022, 11, 20)
    assert "Статус: запланировано" in text(fest, "DESCRIPTION") or "в работе" in text(
        fest, "DESCRIPTION"
    )
    assert event_uid("p", "Этап 1", "Задача №2") == (
        "p/%D0%AD%D1%82%D0%B0%D0%BF%201/%D0%97%D0%B0%D0%B4%D0%B0%D1%87%D0%B0%20%E2%84%962"
        "@clusterctl"
    )


def test_rfc5545_lines_are_crlf_and_folded(district_ics: bytes) -> None:
    assert district_ics.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert district_ics.endswith(b"END:VCALENDAR\r\n")
    lines = district_ics.split(b"\r\n")
    assert all(b"\n" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75


def test_a_second_independent_parser_reads_the_same_calendar(district_ics: bytes) -> None:
    parsed = vobject.readOne(district_ics.decode("utf-8"))
    ours = events(district_ics)
    theirs = {str(e.uid.value): e for e in parsed.vevent_list}
    assert set(theirs) == set(ours)
    for uid, event in theirs.items():
        mine = ours[uid]
        assert event.dtstart.value == mine["DTSTART"].dt
        assert event.dtend.value == mine["DTEND"].dt
        assert event.summary.value == str(mine["SUMMARY"])
        assert event.description.value == str(mine["DESCRIPTION"])
        assert event.status.value == str(mine["STATUS"])
    fest = theirs["district-upbringing/I/2@clusterctl"]
    assert fest.location.value == "ГБОУ СОШ № 252"
    assert fest.categories.value == ["district-upbringing", "мероприятие"]
    assert parsed.prodid.value == "-//clusterctl//clusterctl 0.1.0//RU"


def test_one_persons_calendar_and_options() -> None:
    mine = events(calendar(fixtures(), TODAY, Filters(responsible=("Витовтова",)), lang="en",
                           name="Витовтова М.С."))
    tasks = sorted(u for u in mine if u.count("/") == 2 and "/cluster/" not in u)
    assert tasks == [
        "city-network/-/3@clusterctl", "district-upbringing/I/2@clusterctl",
        "district-upbringing/I/9@clusterctl", "district-upbringing/II/1@clusterctl",
    ]
    meetings = sorted(u for u in mine if "/meeting/" in u)
    assert meetings[0] == "district-upbringing/cluster/civic/meeting/2022-09-01@clusterctl"
    assert not [u for u in mine if "spiritual" in u]
    fest = mine["district-upbringing/I/2@clusterctl"]
    assert text(fest, "DESCRIPTION").split("\n")[4] == "Status: in progress"
    assert list(fest["CATEGORIES"].cats) == ["district-upbringing", "task"]
    cal = icalendar.Calendar.from_ical(
        calendar(fixtures(), TODAY, Filters(responsible=("Витовтова",)), name="Витовтова М.С.")
    )
    assert str(cal["X-WR-CALNAME"]) == "Витовтова М.С."
    bare = events(calendar(fixtures(), TODAY, reminders=False))
    assert len(bare) == 16 and all(u.count("/") == 2 for u in bare)


def test_seed_projects_export() -> None:
    found = events(calendar(seeds(), TODAY, reminders=False))
    item1 = found["primorye-roadmap-2022/-/1@clusterctl"]
    assert (day(item1, "DTSTART"), day(item1, "DTEND")) == (D(2022, 9, 26), D(2022, 9, 27))
    assert "primorye-roadmap-2022/-/6.2@clusterctl" not in found  # «Постоянно в течение года»
    assert "primorye-roadmap-2022/-/15@clusterctl" not in found  # «По отдельному графику»
    conference = found["moscow-uao-tech-cluster/I/1.1@clusterctl"]
    assert (day(conference, "DTSTART"), day(conference, "DTEND")) == (
        D(2014, 1, 1), D(2014, 3, 1),
    )
    assert "moscow-uao-tech-cluster/II/1.1@clusterctl" in found  # same id, another stage
    # Primorye: 11 tasks and 19 steps; Moscow: 11 steps, 3 tasks, and the starts of the
    # eight that span more than a quarter (one all-day event over ten months is noise)
    starts = sorted(uid for uid in found if uid.endswith("/start@clusterctl"))
    assert len(starts) == 8 and len(found) == 30 + 14 + 8
    long_one = found["moscow-uao-tech-cluster/III/1@clusterctl"]
    begins = found["moscow-uao-tech-cluster/III/1/start@clusterctl"]
    assert day(begins, "DTEND") - day(begins, "DTSTART") == datetime.timedelta(days=1)
    assert day(long_one, "DTEND") - day(long_one, "DTSTART") == datetime.timedelta(days=1)
    assert day(begins, "DTSTART") < day(long_one, "DTSTART")
    assert "начало" in str(begins["SUMMARY"])


def test_cli_writes_the_same_bytes_to_a_file(runner: CliRunner, in_root: Path,
                                             tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    args = ["export", "ics", PLANS, "--as-of", "2022-10-16"]
    to_stdout = runner.invoke(app, args)
    to_file = runner.invoke(app, [*args, "-o", str(out)])
    assert (to_stdout.exit_code, to_file.exit_code) == (0, 0)
    assert to_file.stdout == "" and to_file.stderr == ""
    assert out.read_bytes() == to_stdout.stdout_bytes == calendar(fixtures(), TODAY)


def test_cli_skips_broken_files_and_checks_filters(runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(app, ["export", "ics", "tests/data/queries", "--as-of", "2022-10-16",
                                 "--no-reminders"])
    assert result.exit_code == 1
    assert "Пропущены файлы с ошибками: tests/data/queries/broken/broken.yaml" in result.stderr
    assert len(events(result.stdout_bytes)) == 16
    unknown = runner.invoke(app, ["export", "ics", PLANS, "-r", "Витовтава"])
    assert unknown.exit_code == 2 and unknown.stdout == ""
    assert unknown.stderr == (
        "clusterctl: --responsible: ответственного «Витовтава» нет в планах. "
        "Возможно, имелось в виду «Витовтова Мария Сергеевна».\n"
    )
