"""The benchmark data generator (benchmarks/generate.py): deterministic, realistic, valid.

No timings are asserted here: the benchmarks themselves live in benchmarks/run.py.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from clusterctl.check import CheckOptions, check_file
from clusterctl.model.deadlines import DeadlineKind, Period
from clusterctl.model.grammar import parse_deadline, parse_period
from tests.conftest import load_benchmark

AS_OF = datetime.date(2026, 11, 22)
FILES = 20


generate = load_benchmark("generate")


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*.yaml"))
    }


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("plans")
    generate.main([str(folder / "set"), "--files", str(FILES), "--seed", "1"])
    return folder / "set"


def _files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.yaml"))


# ------------------------------------------------------------------------------ determinism


def test_same_seed_gives_the_same_bytes(plans: Path, tmp_path: Path) -> None:
    generate.main([str(tmp_path / "again"), "--files", str(FILES), "--seed", "1"])
    first, second = _digest(plans), _digest(tmp_path / "again")
    assert len(first) == FILES
    assert first == second


def test_another_seed_gives_other_plans(plans: Path, tmp_path: Path) -> None:
    generate.main([str(tmp_path / "other"), "--files", "3", "--seed", "2"])
    other = _digest(tmp_path / "other")
    assert len(other) == 3
    assert not set(other.values()) & set(_digest(plans).values())


def test_a_small_set_is_the_start_of_a_large_one(plans: Path, tmp_path: Path) -> None:
    generate.main([str(tmp_path / "small"), "--files", "3"])
    small = _digest(tmp_path / "small")
    assert small.items() <= _digest(plans).items()


def test_refuses_to_overwrite_a_folder_it_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SystemExit):
        generate.main([str(tmp_path), "--files", "1", "--force"])
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_summary_and_marker(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    generate.main([str(tmp_path / "one"), "--files", "2", "--seed", "5"])
    out = capsys.readouterr().out
    assert "2 files" in out and "tasks" in out and "bytes" in out
    marker = generate.read_marker(tmp_path / "one")
    assert marker["files"] == "2" and marker["seed"] == "5"
    assert int(marker["bytes"]) == sum(p.stat().st_size for p in _files(tmp_path / "one"))
    generate.main([str(tmp_path / "one"), "--files", "1", "--force"])  # its own folder: replaced
    assert len(_files(tmp_path / "one")) == 1


# ------------------------------------------------------------------------------ realism


def test_files_look_like_real_plans(plans: Path) -> None:
    files = _files(plans)
    # region/municipality/project.yaml
    assert all(len(p.relative_to(plans).parts) == 3 for p in files)
    ids = set()
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert re.search(r"[а-яА-ЯёЁ]{4,}", text), path
        assert "\n# " in text or text.startswith("# "), "comments"
        data = yaml.load(text, Loader=yaml.CSafeLoader)
        assert data["version"] == 1
        project = data["project"]
        ids.add(project["id"])
        assert project["title"] and project["period"] and project["objectives"]
        assert 10 <= len(data["people"]) <= 40
        assert any(o.get("number") for o in data["organisations"])
        assert 2 <= len(data["stages"]) <= 4
        for stage in data["stages"]:
            assert stage["period"] and stage["tasks"]
    assert len(ids) == len(files), "project ids are unique"
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in files)
    for feature in (": >-", ": |-", ": [", '"', "steps:", "event:", "outcome:", "reschedules:",
                    "status: done", "status: cancelled", "cancel_reason:", "full_name:",
                    "aliases:", "clusters:", "members: ["):
        assert feature in corpus, feature
    # "Фамилия И.О." names
    assert re.search(r"name: [А-ЯЁ][а-яё]+ [А-ЯЁ]\.[А-ЯЁ]\.", corpus)


def test_sizes_vary(tmp_path: Path) -> None:
    generate.main([str(tmp_path / "sizes"), "--files", "60"])
    sizes = sorted(p.stat().st_size for p in _files(tmp_path / "sizes"))
    mean = sum(sizes) / len(sizes)
    assert 20_000 < mean < 60_000  # about 37 KB on average (75 MB for 2,000 files)
    assert sizes[0] < 15_000 and sizes[-1] > 70_000


def test_every_deadline_kind_occurs_inside_its_stage(plans: Path) -> None:
    kinds: Counter[DeadlineKind] = Counter()
    yearless = 0
    for path in _files(plans):
        data = yaml.load(path.read_bytes(), Loader=yaml.CBaseLoader)  # every value as text
        project_period = parse_period(data["project"]["period"])
        for stage in data["stages"]:
            period = parse_period(stage["period"], project_period)
            assert project_period.start <= period.start <= period.end <= project_period.end
            for task in stage["tasks"]:
                for work in [task, *task.get("steps", [])]:
                    deadline = parse_deadline(work["due"], period)
                    kinds[deadline.kind] += 1
                    dated = deadline.kind in (DeadlineKind.DATE, DeadlineKind.RANGE,
                                              DeadlineKind.BEFORE)
                    if dated and not re.search(r"\d{4}|\d\.\d\d?\.\d\d", work["due"]):
                        yearless += 1
                    if deadline.kind in (DeadlineKind.DATE, DeadlineKind.RANGE):
                        assert deadline.start is not None and deadline.end is not None
                        assert period.start <= deadline.start <= deadline.end <= period.end
                    if deadline.kind is DeadlineKind.BEFORE:
                        assert deadline.end is not None
                        assert period.start <= deadline.end <= period.end
    assert set(kinds) == set(DeadlineKind), kinds
    assert yearless > 0, "months and days without a year, resolved from the stage period"


def test_deadline_phrases_cover_the_grammar() -> None:
    """Over many stages the generator uses each family of phrases the grammar documents."""
    rng = generate.random.Random(7)
    phrases = []
    for first in range(2023 * 12, 2025 * 12):
        for length in (3, 5, 12):
            span = generate.Span(first, first + length - 1)
            period = Period(span.start, span.end)
            for _ in range(30):
                due = generate.due_phrase(rng, span)
                deadline = parse_deadline(due.phrase, period)
                assert deadline.kind.value == due.kind, due
                assert deadline.end == due.end or due.end is None, due
                phrases.append(due.phrase)
    text = "\n".join(phrases).lower()
    for needle in ("квартал", "кв.", "полугодие", "учебного года", "учебный год", "уч. год",
                   "до конца", "не позднее", "с ", " по ", "постоянно", "по отдельному графику",
                   "ежемесячно", "раз в", "года", "включительно"):
        assert needle in text, needle


# ------------------------------------------------------------------------------ validity


def test_generated_files_validate_clean(plans: Path) -> None:
    options = CheckOptions(today=AS_OF)
    for path in _files(plans):
        result = check_file(path, path.name, options)
        assert result.plan is not None, [d.message for d in result.diagnostics]
        problems = [f"{d.code}: {d.message}" for d in result.diagnostics]
        assert result.errors == 0 and result.warnings == 0, (path, problems)


def test_past_dates_are_not_after_the_benchmark_date(plans: Path) -> None:
    for path in _files(plans):
        for day in re.findall(r"(?:done_on|cancelled_on|held_on|on): (\d{4}-\d\d-\d\d)",
                              path.read_text(encoding="utf-8")):
            assert datetime.date.fromisoformat(day) <= AS_OF, (path, day)


def test_the_office_benchmark_plan_is_valid(tmp_path: Path) -> None:
    """benchmarks/office_bench.py times documents of a plan it writes: that plan must be a
    valid plan of the size asked for (no timing is asserted)."""
    module = load_benchmark("office_bench")
    plan = tmp_path / "big.yaml"
    module.write_plan(plan, 40)
    result = check_file(plan, str(plan), CheckOptions(today=AS_OF))
    assert result.index is not None and not result.blocking()
    data = yaml.safe_load(plan.read_text("utf-8"))
    assert sum(len(stage["tasks"]) for stage in data["stages"]) == 40
