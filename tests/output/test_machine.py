"""The machine formats: JSON — where the optional plug-in (orjson, the `fast` extra) prints
exactly what the standard library's indenting writer prints, or leaves the answer to it —
and CSV."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from clusterctl.cli import app
from clusterctl.output import machine
from clusterctl.queries import NextDue
from tests.conftest import GOLDEN

assert machine._orjson() is not None, "the test extras install orjson (the fast extra)"


def _reference(data: object) -> str:
    return json.dumps(machine.jsonable(data), ensure_ascii=False, indent=2) + "\n"


_LEAF = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.text(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(0, 1).map(lambda x: round(x, 4)),  # the shares of our results
    st.dates(),
)
_DATA = st.recursive(
    _LEAF,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=8), inner, max_size=5),
    ),
    max_leaves=40,
)


@settings(max_examples=1500, deadline=None)
@given(_DATA)
def test_the_fast_writer_prints_the_reference_bytes(data: object) -> None:
    assert machine.render_json(data) == _reference(data).encode("utf-8")


@pytest.mark.parametrize("value", [1e-05, 2.5e-07, 1e16, 123456789012345678.0, 2**64, -(2**63) - 1])
def test_values_printed_differently_go_to_the_reference_writer(value: object) -> None:
    data = {"share": value, "rows": [1, "два"]}
    assert machine.render_json(data) == _reference(data).encode("utf-8")


def test_a_dataclass_answer() -> None:
    due = NextDue(date=datetime.date(2022, 10, 16), id="1.2", title="Семинар «Кластер»",
                  due_phrase=None)
    assert machine.render_json({"next": due, "share": 0.1235}).decode("utf-8") == (
        '{\n  "next": {\n    "date": "2022-10-16",\n    "id": "1.2",\n'
        '    "title": "Семинар «Кластер»",\n    "due_phrase": null\n  },\n'
        '  "share": 0.1235\n}\n'
    )


@pytest.mark.parametrize(
    ("golden", "args"),
    [
        ("queries/fixtures-who-makarova.json", ["who", "Макарова", "tests/data/queries/plans"]),
        ("queries/projects-status.json", ["status", "projects/"]),
        ("queries/projects-overdue.json", ["overdue", "projects/"]),
    ],
)
def test_both_writers_print_the_goldens(
    runner: CliRunner, in_root: Path, monkeypatch: pytest.MonkeyPatch, golden: str,
    args: list[str],
) -> None:
    """The goldens were written by the standard library; with orjson and without it the
    commands print them byte for byte."""
    expected = (GOLDEN / golden).read_text(encoding="utf-8")
    command = [*args, "--as-of", "2022-10-16", "-f", "json"]
    fast = runner.invoke(app, command)
    monkeypatch.setattr(machine, "_orjson", lambda: None)  # as without the extra
    plain = runner.invoke(app, command)
    assert (fast.exit_code, fast.stdout) == (plain.exit_code, plain.stdout) == (0, expected)


@settings(max_examples=3000, deadline=None)
@given(st.integers(-(10**15), 10**15), st.integers(-(10**15), 10**15).filter(bool))
def test_shares_are_floats_both_writers_print_alike(part: int, whole: int) -> None:
    """A share (a ratio of counts rounded to 4 places) is 0 or within the range where orjson
    prints a float as the standard library does: the fast writer takes it."""
    from clusterctl.queries.progress import share_of

    share = share_of(part, whole)
    written = machine._orjson().dumps([share], option=machine._orjson().OPT_INDENT_2)
    assert not machine._small_float(written)  # the fast writer's bytes are used
    assert machine.render_json([share]) == _reference([share]).encode("utf-8")


def test_answers_print_the_reference_bytes() -> None:
    """The query answers: the same bytes from both writers, also with text orjson refuses (a
    lone surrogate: the reference writer prints it) and integers beyond 64 bits."""
    from clusterctl.model.status import Status
    from clusterctl.queries import OverdueItem, PersonLoad, Who
    from clusterctl.queries.people import Duty

    fields = dict(
        project="p", project_title="П «1»", id="1.2", task_id="1", kind="step",
        title="Семинар\tи\n«кавычки» \\ / \u2028", result=None, due_phrase="До 26.09.2022",
        deadline_kind="before", start=None, due=datetime.date(2022, 9, 26),
        status=Status.planned, responsible=("Иванов И.И.", "роль"), stage="I",
        stage_title=None, cluster=None, cluster_title=None, rescheduled=0, is_event=False,
        place=None, path="stages[0].tasks[1].steps[0]", extra={"financing": "12,5"},
    )
    load = PersonLoad(key="person:иванов", name="Иванов", kind="person", spellings=("a",),
                      projects=("p", "q"), duties=(Duty("lead", "p", None),), position=None,
                      open=3, overdue=1, due_soon=0, next_due=datetime.date(2026, 1, 1))
    who = Who(as_of=datetime.date(2026, 11, 22), soon_until=datetime.date(2026, 12, 5),
              name=None, people=[load, load], items=[])
    from clusterctl.queries import Participation, Progress, ProjectStatus, StatusReport
    from clusterctl.queries.progress import share_of

    took = Participation(members=3, took_part=1, share=share_of(1, 3), recorded=True,
                         schools=("МБОУ СОШ № 1",), absent=("Лицей", "Гимназия «Вектор»"))
    progress = Progress(
        level="cluster", project="p", id="c", title="Кластер", period_start=None,
        period_end=datetime.date(2026, 5, 31), current=False, total=7, done=2,
        in_progress=1, planned=3, overdue=1, cancelled=1, rescheduled=0,
        share_done=share_of(2, 6),
        next_due=NextDue(date=datetime.date(2026, 12, 1), id="2.1", title="Семинар",
                         due_phrase="До 01.12.2026"),
        participation=took,
    )
    report = StatusReport(as_of=datetime.date(2026, 11, 22), projects=[ProjectStatus(
        project=progress, stages=[progress], clusters=[], current_stage=None, district=took,
    )])
    for data in (
        report,
        [OverdueItem(**fields, days_overdue=5)],
        {"rows": [OverdueItem(**fields, days_overdue=2**70)], "n": 1},
        who,
    ):
        assert machine.render_json(data) == _reference(data).encode("utf-8")
    lone = [OverdueItem(**{**fields, "title": "\ud800"}, days_overdue=1)]
    written = machine.render_json(lone)  # no UTF-8 for a lone surrogate: escaped
    assert json.loads(written.decode("utf-8")) == json.loads(_reference(lone))


@pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "cp1251", None])
def test_json_reaches_standard_output_as_text_whatever_it_encodes(
    monkeypatch: pytest.MonkeyPatch, encoding: str | None
) -> None:
    """The command line writes JSON's bytes to the stream's buffer only when the stream
    encodes UTF-8, after what was written to it as text; else as text."""
    import io

    from clusterctl.cli import query_cmds

    raw = io.BytesIO()
    stream: Any
    if encoding is None:  # a stream with no buffer
        stream = io.StringIO()
    else:
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="replace")
    monkeypatch.setattr("sys.stdout", stream)
    stream.write("заголовок\n")
    query_cmds._write_utf8('{"имя": "Иванова"}\n'.encode())
    stream.flush()
    text = "заголовок\n" + '{"имя": "Иванова"}\n'
    if encoding is None:
        assert stream.getvalue() == text
    else:
        assert raw.getvalue() == text.encode(encoding, errors="replace")


def test_csv_cells_and_records() -> None:
    from clusterctl.queries.progress import NextDue as Next

    due = Next(date=datetime.date(2022, 10, 16), id="1", title="T, «1»", due_phrase=None)
    text = machine.render_csv(["id", "title", "date", "due_phrase", "more"],
                              [machine.record(due, more=["a", "b"])])
    assert text == 'id,title,date,due_phrase,more\r\n1,"T, «1»",2022-10-16,,a; b\r\n'
    assert [machine.csv_value(v) for v in (True, False, None, ("x", 1))] == [
        "true", "false", "", "x; 1"]


@pytest.mark.parametrize(
    ("text", "small"),
    [(b"2.5e-7", True), (b"[0.00001]", True), (b"-0.00001", True), (b"10.00001", False),
     (b"3.00004", False), (b'"science-0796"', False), (b"1e+16", False), (b"0.0001", False),
     (b'"e-0"', False)],
)
def test_floats_below_1e_4_are_found(text: bytes, small: bool) -> None:
    assert machine._small_float(text) is small
