"""JSON output: the optional fast writer (orjson, the `fast` extra) prints exactly what the
standard library's indenting writer prints, or leaves the answer to it."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from clusterctl import tables
from clusterctl.cli import app
from clusterctl.queries import NextDue
from tests.conftest import GOLDEN

assert tables._fast_writer() is not None, "the test extras install orjson (the fast extra)"


def _reference(data: object) -> str:
    return json.dumps(tables.jsonable(data), ensure_ascii=False, indent=2) + "\n"


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
    assert tables.render_json(data) == _reference(data)


@pytest.mark.parametrize("value", [1e-05, 2.5e-07, 1e16, 123456789012345678.0, 2**64, -(2**63) - 1])
def test_values_printed_differently_go_to_the_reference_writer(value: object) -> None:
    data = {"share": value, "rows": [1, "два"]}
    assert tables.render_json(data) == _reference(data)
    odd: list[object] = []
    tables._jsonable(data, odd)
    assert odd == [value]


def test_a_dataclass_answer() -> None:
    due = NextDue(date=datetime.date(2022, 10, 16), id="1.2", title="Семинар «Кластер»",
                  due_phrase=None)
    assert tables.render_json({"next": due, "share": 0.1235}) == (
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
    monkeypatch.setattr(tables, "_orjson", None)  # as without the extra
    plain = runner.invoke(app, command)
    assert (fast.exit_code, fast.stdout) == (plain.exit_code, plain.stdout) == (0, expected)
