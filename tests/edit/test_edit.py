"""`done`, `reschedule`, `cancel`, `start`: edits of a plan file that keep everything else.

Every test works on a copy of a real plan in tmp_path with pinned dates, through the CLI
runner, and checks the bytes: outside the edited task nothing moves, comments stay, the file
still validates, and a refused edit leaves the file byte-identical.
"""

from __future__ import annotations

import datetime
import difflib
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clusterctl import edit
from clusterctl.check import CheckOptions, check_file
from clusterctl.cli import app
from clusterctl.edit import commands, splice
from clusterctl.errors import PlanWriteError
from clusterctl.model.plan import Plan, Status
from tests.conftest import PROJECTS

PRIMORYE_TODAY = "2022-10-16"
MOSCOW_TODAY = "2014-11-01"
AS_OF = ["--as-of", PRIMORYE_TODAY]
MOSCOW_AS_OF = ["--as-of", MOSCOW_TODAY]


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def primorye(tmp_path: Path) -> Path:
    path = tmp_path / "primorye.yaml"
    shutil.copyfile(PROJECTS / "primorye-roadmap-2022.yaml", path)
    return path


@pytest.fixture
def moscow(tmp_path: Path) -> Path:
    path = tmp_path / "moscow.yaml"
    shutil.copyfile(PROJECTS / "moscow-uao-tech-cluster.yaml", path)
    return path


def validates(runner: CliRunner, path: Path, as_of: str) -> None:
    code, _, err = run(runner, "validate", str(path), "--as-of", as_of, "--no-cache")
    assert code == 0, err
    assert "ошибок: 0" in err


def plan_of(path: Path, as_of: str) -> Plan:
    result = check_file(path, str(path), CheckOptions(today=datetime.date.fromisoformat(as_of)))
    assert result.plan is not None and result.errors == 0, result.diagnostics
    return result.plan


def lines_of(data: bytes) -> list[str]:
    return data.decode("utf-8").splitlines(keepends=True)


def region(lines: list[str], first: str, after: str) -> tuple[int, int]:
    """0-based [start, end) of the lines from the one containing `first` up to (not
    including) the first later line containing `after`."""
    start = next(i for i, line in enumerate(lines) if first in line)
    end = next(i for i in range(start + 1, len(lines)) if after in lines[i])
    return start, end


def changed_only_inside(old: bytes, new: bytes, start: int, end: int) -> None:
    """Every line outside old[start:end] is byte-identical and in place."""
    a, b = lines_of(old), lines_of(new)
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "equal":
            assert start <= i1 and i2 <= end, (tag, i1, i2, start, end)
    assert a[:start] == b[:start]
    tail = len(a) - end
    assert a[end:] == b[len(b) - tail:]


# ---------------------------------------------------------------------------- done


def test_done_marks_a_step_and_adds_only_two_lines(runner: CliRunner, primorye: Path) -> None:
    before = primorye.read_bytes()
    code, out, err = run(runner, "done", str(primorye), "8.2", *AS_OF)
    assert (code, err) == (0, "")
    assert out == f"{primorye}: подпункт 8.2 — выполнено 16.10.2022\n"
    after = primorye.read_bytes()
    old = lines_of(before)
    # step 8.2 ends right before step 8.3 starts: the two new lines go there, nothing else
    at = next(i for i, line in enumerate(old) if "Подготовлен и размещен на сайте МО ПК отчет" in line)
    assert old[at - 1] == "          - Руководители ОО\n"
    expected = [*old[:at], "        status: done\n", "        done_on: 2022-10-16\n", *old[at:]]
    assert lines_of(after) == expected
    step = plan_of(primorye, PRIMORYE_TODAY).tasks[7].steps[1]
    assert (step.status, step.done_on) == (Status.done, datetime.date(2022, 10, 16))
    validates(runner, primorye, PRIMORYE_TODAY)


def test_done_on_a_date_keeps_the_end_of_line_comment(runner: CliRunner, primorye: Path) -> None:
    before = primorye.read_bytes()
    code, out, _ = run(runner, "done", str(primorye), "10", "--on", "14.10.2022", *AS_OF)
    assert code == 0
    assert "мероприятие 10 — выполнено 14.10.2022" in out
    after = primorye.read_bytes()
    start, end = region(lines_of(before), '  - id: "10"', '  - id: "11"')
    changed_only_inside(before, after, start, end)
    assert "      - Шкурятская М.В.  # так в источнике (опечатка, ср. «Шкуратская М.В.»)\n" \
        "    status: done\n    done_on: 2022-10-14\n" in after.decode()
    validates(runner, primorye, PRIMORYE_TODAY)


def test_done_in_the_future_is_refused(runner: CliRunner, primorye: Path) -> None:
    before = primorye.read_bytes()
    code, out, err = run(runner, "done", str(primorye), "8.2", "--on", "2022-10-20", *AS_OF)
    assert (code, out) == (1, "")
    assert "позже сегодняшней" in err
    assert primorye.read_bytes() == before


def test_done_twice_changes_nothing(runner: CliRunner, primorye: Path) -> None:
    assert run(runner, "done", str(primorye), "1", *AS_OF)[0] == 0
    once = primorye.read_bytes()
    code, out, _ = run(runner, "done", str(primorye), "1", *AS_OF)
    assert code == 0
    assert "уже выполнено 16.10.2022, файл не изменён" in out
    assert primorye.read_bytes() == once


def test_a_task_with_steps_is_done_above_its_steps(runner: CliRunner, primorye: Path) -> None:
    before = primorye.read_bytes()
    assert run(runner, "done", str(primorye), "8", *AS_OF)[0] == 0
    after = primorye.read_bytes().decode()
    assert "информированности о реализации проекта.\n    status: done\n" \
        "    done_on: 2022-10-16\n    steps:\n" in after
    start, end = region(lines_of(before), '  - id: "8"', '  - id: "9"')
    changed_only_inside(before, primorye.read_bytes(), start, end)
    validates(runner, primorye, PRIMORYE_TODAY)


def test_bad_on_date_is_a_usage_error(runner: CliRunner, primorye: Path) -> None:
    before = primorye.read_bytes()
    code, _, err = run(runner, "done", str(primorye), "1", "--on", "31.02.2022", *AS_OF)
    assert code == 2 and "--on" in err
    assert primorye.read_bytes() == before


def test_no_such_file_or_no_ref_is_a_usage_error(runner: CliRunner, primorye: Path) -> None:
    code, _, err = run(runner, "done", str(primorye.parent / "nope.yaml"), "1")
    assert code == 2 and "нет такого файла" in err
    code, _, err = run(runner, "done", str(primorye.parent), "1")
    assert code == 2 and "папка" in err
    code, _, err = run(runner, "start", str(primorye), " ")
    assert code == 2 and "REF: пустое значение" in err


# ---------------------------------------------------------------------------- reschedule


def test_reschedule_moves_due_and_appends_history(runner: CliRunner, primorye: Path) -> None:
    before = primorye.read_bytes()
    code, out, err = run(runner, "reschedule", str(primorye), "9.3", "--to", "До 15.11.2022",
                         "--reason", "перенос сроков мониторинга", *AS_OF)
    assert (code, err) == (0, "")
    assert out == (f"{primorye}: подпункт 9.3 — срок перенесён: «До 30.10.2022» → "
                   "«До 15.11.2022» (причина: перенос сроков мониторинга)\n")
    once = primorye.read_bytes()
    start, end = region(lines_of(before), "        due: До 30.10.2022\n", '  - id: "10"')
    changed_only_inside(before, once, start - 1, end)
    assert ("        due: До 15.11.2022\n"
            "        reschedules:\n"
            "          - from: До 30.10.2022\n"
            "            to: До 15.11.2022\n"
            "            reason: перенос сроков мониторинга\n"
            "            on: 2022-10-16\n"
            "        responsible:\n") in once.decode()

    code, _, _ = run(runner, "reschedule", str(primorye), "9.3", "--to", "30.11.2022",
                     "--reason", "болезнь", "--as-of", "2022-10-20")
    assert code == 0
    step = plan_of(primorye, "2022-10-20").tasks[8].steps[2]
    assert step.due == "30.11.2022"
    assert [(m.from_, m.to, m.reason, m.on) for m in step.reschedules] == [
        ("До 30.10.2022", "До 15.11.2022", "перенос сроков мониторинга",
         datetime.date(2022, 10, 16)),
        ("До 15.11.2022", "30.11.2022", "болезнь", datetime.date(2022, 10, 20)),
    ]
    validates(runner, primorye, "2022-10-20")


def test_reschedule_to_an_earlier_date_is_refused(runner: CliRunner, primorye: Path) -> None:
    before = primorye.read_bytes()
    code, out, err = run(runner, "reschedule", str(primorye), "8.2", "--to", "До 12.10.2022",
                         "--reason", "x", *AS_OF)
    assert (code, out) == (1, "")
    assert "не позже прежнего «10.10.2022 - 14.10.2022» (до 14.10.2022)" in err
    assert "только на более поздний срок" in err
    assert primorye.read_bytes() == before


def test_reschedule_to_a_phrase_not_understood_is_refused(
    runner: CliRunner, primorye: Path
) -> None:
    before = primorye.read_bytes()
    code, _, err = run(runner, "reschedule", str(primorye), "8.2", "--to", "когда-нибудь потом",
                       "--reason", "x", *AS_OF)
    assert code == 1
    assert "Новый срок «когда-нибудь потом» не понят" in err
    code, _, err = run(runner, "reschedule", str(primorye), "8.2", "--to", "постоянно",
                       "--reason", "x", *AS_OF, "--lang", "en")
    assert code == 1 and "has no end date" in err
    assert primorye.read_bytes() == before


def test_reschedule_reads_the_phrase_with_the_stage_period(
    runner: CliRunner, moscow: Path
) -> None:
    # stage II runs 2014-2015: «Ноябрь» alone names no year; «Ноябрь-декабрь 2014» does
    before = moscow.read_bytes()
    code, _, err = run(runner, "reschedule", str(moscow), "II/1.1", "--to", "Ноябрь",
                       "--reason", "лицензия", *MOSCOW_AS_OF)
    assert code == 1 and "не указан год" in err
    assert moscow.read_bytes() == before
    code, out, _ = run(runner, "reschedule", str(moscow), "II/1.1", "--to",
                       "Ноябрь-декабрь 2014", "--reason", "лицензия", *MOSCOW_AS_OF)
    assert code == 0
    assert "подпункт 1.1 (этап II) — срок перенесён" in out
    validates(runner, moscow, MOSCOW_TODAY)


def test_reschedule_a_task_whose_steps_have_the_deadlines(
    runner: CliRunner, primorye: Path
) -> None:
    code, _, err = run(runner, "reschedule", str(primorye), "8", "--to", "До 30.11.2022",
                       "--reason", "x", *AS_OF)
    assert code == 1
    assert "нет срока (due)" in err and "8.1, 8.2, 8.3" in err


def test_reschedule_keeps_the_comment_above_due(runner: CliRunner, moscow: Path) -> None:
    before = moscow.read_bytes()
    code, _, _ = run(runner, "reschedule", str(moscow), "II/1.3", "--to",
                     "Сентябрь 2014-июнь 2015", "--reason", "апробация", *MOSCOW_AS_OF)
    assert code == 0
    after = moscow.read_bytes()
    assert ("            # в источнике: «Сентябрь 2014-» / «май 2015» на двух строках\n"
            "            due: Сентябрь 2014-июнь 2015\n") in after.decode()
    comments = [line for line in lines_of(before) if line.lstrip().startswith("#")]
    assert comments == [line for line in lines_of(after) if line.lstrip().startswith("#")]
    old = lines_of(before)
    start = [i for i, line in enumerate(old) if 'id: "1.3"' in line][1]  # stage II's
    end = next(i for i in range(start, len(old)) if old[i] == '      - id: "2"\n')
    changed_only_inside(before, after, start, end)
    validates(runner, moscow, MOSCOW_TODAY)


# ---------------------------------------------------------------------------- cancel, start


def test_cancel_requires_a_reason(runner: CliRunner, primorye: Path) -> None:
    before = primorye.read_bytes()
    code, _, err = run(runner, "cancel", str(primorye), "15", *AS_OF)
    assert code == 2 and "--reason" in err
    code, _, err = run(runner, "cancel", str(primorye), "15", "--reason", "   ", *AS_OF)
    assert code == 2 and "--reason" in err
    assert primorye.read_bytes() == before
    with pytest.raises(PlanWriteError, match="Нужна причина"):
        edit.cancel(primorye, "15", " ", datetime.date(2022, 10, 16))


def test_cancel_with_a_reason(runner: CliRunner, primorye: Path) -> None:
    before = primorye.read_bytes()
    code, out, _ = run(runner, "cancel", str(primorye), "15", "--reason",
                       "карантин: выезды отменены", *AS_OF)
    assert code == 0
    assert out == f"{primorye}: мероприятие 15 — отменено (причина: карантин: выезды отменены)\n"
    after = primorye.read_bytes()
    start, end = region(lines_of(before), '  - id: "15"', '  - id: "16"')
    changed_only_inside(before, after, start, end)
    task = plan_of(primorye, PRIMORYE_TODAY).tasks[14]
    assert (task.status, task.cancel_reason, task.cancelled_on) == (
        Status.cancelled, "карантин: выезды отменены", datetime.date(2022, 10, 16)
    )
    validates(runner, primorye, PRIMORYE_TODAY)
    # a cancelled task cannot be done or cancelled again; start reopens it
    code, _, err = run(runner, "done", str(primorye), "15", *AS_OF)
    assert code == 1 and "отменено" in err
    code, out, _ = run(runner, "start", str(primorye), "15", *AS_OF)
    assert code == 0 and "в работе (убрано: cancel_reason, cancelled_on)" in out
    task = plan_of(primorye, PRIMORYE_TODAY).tasks[14]
    assert (task.status, task.cancel_reason, task.cancelled_on) == (
        Status.in_progress, None, None
    )
    validates(runner, primorye, PRIMORYE_TODAY)


def test_cancel_and_reschedule_record_when_it_was_decided(runner: CliRunner,
                                                         primorye: Path) -> None:
    # an old decision, recorded later: --on in Russian or ISO form, checked as of today
    code, _, err = run(runner, "cancel", str(primorye), "15", "--reason", "карантин",
                       "--on", "01.09.2022", *AS_OF)
    assert code == 0, err
    code, _, err = run(runner, "reschedule", str(primorye), "9.3", "--to", "До 15.11.2022",
                       "--reason", "перенос", "--on", "2022-10-14", *AS_OF)
    assert code == 0, err
    plan = plan_of(primorye, PRIMORYE_TODAY)
    assert plan.tasks[14].cancelled_on == datetime.date(2022, 9, 1)
    assert plan.tasks[8].steps[2].reschedules[-1].on == datetime.date(2022, 10, 14)
    validates(runner, primorye, PRIMORYE_TODAY)
    before = primorye.read_bytes()
    code, out, err = run(runner, "cancel", str(primorye), "16", "--reason", "x",
                         "--on", "17.10.2022", *AS_OF)
    assert (code, out) == (1, "") and "позже сегодняшней" in err
    assert primorye.read_bytes() == before


def test_after_reschedule_outside_the_period_no_stale_advice(runner: CliRunner,
                                                             primorye: Path) -> None:
    code, _, err = run(runner, "reschedule", str(primorye), "9.3", "--to", "До 15.09.2023",
                         "--reason", "перенос на следующий год", *AS_OF)
    assert code == 0
    assert "outside-period" in err and "Срок уже перенесён" in err
    assert "запишите перенос" not in err
    result = runner.invoke(app, ["validate", str(primorye), *AS_OF])
    assert "расширьте период проекта" in result.stdout


def test_start_in_english(runner: CliRunner, primorye: Path) -> None:
    code, out, _ = run(runner, "start", str(primorye), "12", *AS_OF, "--lang", "en")
    assert code == 0
    assert out == f"{primorye}: task 12 — in progress\n"
    assert plan_of(primorye, PRIMORYE_TODAY).tasks[11].status is Status.in_progress


# ---------------------------------------------------------------------------- references


def test_stage_ref(runner: CliRunner, moscow: Path) -> None:
    before = moscow.read_bytes()
    code, out, _ = run(runner, "done", str(moscow), "II/1.1", *MOSCOW_AS_OF)
    assert code == 0
    assert "подпункт 1.1 (этап II) — выполнено 01.11.2014" in out
    plan = plan_of(moscow, MOSCOW_TODAY)
    assert plan.stages[1].tasks[0].steps[0].status is Status.done
    assert plan.stages[0].tasks[0].steps[0].status is Status.planned
    old = lines_of(before)
    start = next(i for i, line in enumerate(old) if "Нормативно-правовое обспечение" in line) - 1
    end = next(i for i in range(start, len(old)) if 'id: "1.2"' in old[i])
    changed_only_inside(before, moscow.read_bytes(), start, end)
    validates(runner, moscow, MOSCOW_TODAY)


def test_ambiguous_ref_lists_the_candidates(runner: CliRunner, moscow: Path) -> None:
    before = moscow.read_bytes()
    code, out, err = run(runner, "done", str(moscow), "1.1", *MOSCOW_AS_OF)
    assert (code, out) == (1, "")
    assert "Номер «1.1»" in err and "не однозначен" in err
    assert "I/1.1 («Проведение конференции" in err
    assert "II/1.1 («Нормативно-правовое обспечение образовательного процесса»)" in err
    assert "«II/1.1»" in err
    assert moscow.read_bytes() == before


def test_unknown_ref_suggests_the_closest(runner: CliRunner, primorye: Path,
                                          moscow: Path) -> None:
    code, _, err = run(runner, "done", str(primorye), "21", *AS_OF)
    assert code == 1
    assert "нет мероприятия или подпункта «21»" in err
    assert "Возможно, имелось в виду: «1», «2»." in err
    code, _, err = run(runner, "done", str(primorye), "8.7", *AS_OF, "--lang", "en")
    assert code == 1 and 'Did you mean: "8.1", "8.2", "8.3"?' in err
    code, _, err = run(runner, "done", str(moscow), "IV/1", *MOSCOW_AS_OF)
    assert code == 1 and "нет этапа «IV». Этапы: I, II, III." in err
    code, _, err = run(runner, "done", str(moscow), "III/9", *MOSCOW_AS_OF)
    assert code == 1 and "Номера в этапе III: 1, 2, 3." in err


# ---------------------------------------------------------------------------- safety


def test_a_file_with_errors_is_refused_untouched(runner: CliRunner, primorye: Path) -> None:
    text = primorye.read_text(encoding="utf-8").replace(
        "    due: По отдельному графику\n", "    due: По отдельному графику\n    status: cancelled\n"
    )
    primorye.write_text(text, encoding="utf-8")
    before = primorye.read_bytes()
    code, out, err = run(runner, "done", str(primorye), "8.2", *AS_OF)
    assert (code, out) == (1, "")
    assert "есть ошибки (1)" in err
    line = next(i for i, s in enumerate(text.splitlines(), 1) if s == "    status: cancelled")
    assert f"{primorye}:{line}:13: error cancelled-without-reason" in err
    assert primorye.read_bytes() == before


def test_an_edit_that_would_make_an_error_is_refused(
    runner: CliRunner, primorye: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new bytes go through the checker before anything is written."""
    from clusterctl.diagnostics import Diagnostic, Severity, Span

    real = commands.check_bytes
    before = primorye.read_bytes()

    def strict(data: bytes, file: str, options: CheckOptions):  # type: ignore[no-untyped-def]
        result = real(data, file, options)
        if data != before:
            result.diagnostics.append(Diagnostic.at(
                file, Span.point(160, 9), Severity.ERROR, "future-date", "сломано"
            ))
        return result

    monkeypatch.setattr(commands, "check_bytes", strict)
    code, out, err = run(runner, "done", str(primorye), "8.2", *AS_OF)
    assert (code, out) == (1, "")
    assert "появились бы ошибки" in err and ":160:9: error future-date сломано" in err
    assert primorye.read_bytes() == before


def test_a_failed_write_leaves_the_file_and_no_temporary(
    runner: CliRunner, primorye: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = primorye.read_bytes()

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    code, out, err = run(runner, "done", str(primorye), "8.2", *AS_OF)
    assert (code, out) == (1, "")
    assert "Не удалось записать" in err and "на диске нет места" in err
    assert primorye.read_bytes() == before
    assert sorted(p.name for p in primorye.parent.iterdir()) == [primorye.name]


def test_dry_run_prints_a_diff_and_writes_nothing(
    runner: CliRunner, primorye: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(primorye.parent)
    before = primorye.read_bytes()
    code, out, err = run(runner, "done", primorye.name, "8.2", *AS_OF, "--dry-run")
    assert code == 0
    assert out.startswith("--- a/primorye.yaml\n+++ b/primorye.yaml\n@@ -161,6 +161,8 @@\n")
    assert "\n+        status: done\n+        done_on: 2022-10-16\n" in out
    assert not [line for line in out.splitlines() if line.startswith("-") and
                not line.startswith("---")]
    assert "пробный запуск" in err
    assert primorye.read_bytes() == before


def test_crlf_and_bom_are_kept(runner: CliRunner, primorye: Path, tmp_path: Path) -> None:
    lf = tmp_path / "lf.yaml"
    shutil.copyfile(primorye, lf)
    crlf = b"\xef\xbb\xbf" + primorye.read_bytes().replace(b"\n", b"\r\n")
    primorye.write_bytes(crlf)
    for path in (lf, primorye):
        assert run(runner, "reschedule", str(path), "8.3", "--to", "До 28.10.2022",
                   "--reason", "x", *AS_OF)[0] == 0
    after = primorye.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf")
    assert after.count(b"\n") == after.count(b"\r\n")
    assert after == b"\xef\xbb\xbf" + lf.read_bytes().replace(b"\n", b"\r\n")
    validates(runner, primorye, PRIMORYE_TODAY)


def test_mode_and_symlink_are_kept(runner: CliRunner, primorye: Path, tmp_path: Path) -> None:
    primorye.chmod(0o640)
    link = tmp_path / "link.yaml"
    link.symlink_to(primorye)
    assert run(runner, "done", str(link), "1", *AS_OF)[0] == 0
    assert link.is_symlink()
    assert primorye.stat().st_mode & 0o777 == 0o640
    assert "    status: done\n" in primorye.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------- library


@pytest.mark.parametrize(
    "name",
    ["primorye-roadmap-2022", "moscow-uao-tech-cluster", "mari-el-engineering-cluster",
     "yaroslavl-network-passport"],
)
def test_every_item_of_the_seed_plans_can_be_started(name: str, tmp_path: Path) -> None:
    """For every task and step: the edit only adds `status: in_progress` inside it."""
    path = tmp_path / f"{name}.yaml"
    shutil.copyfile(PROJECTS / f"{name}.yaml", path)
    result = check_file(path, name, CheckOptions(today=datetime.date(2030, 1, 1)))
    assert result.index is not None
    before = path.read_bytes()
    for item in result.index.items:
        ref = f"{item.stage_id}/{item.ref}" if item.stage_id else item.ref
        if item.work.status is not Status.planned:
            continue
        done = edit.set_status(path, ref, "in_progress", datetime.date(2030, 1, 1),
                               dry_run=True)
        old, new = lines_of(before), lines_of(done.after)
        first, last = done.lines
        changed_only_inside(before, done.after, first - 1, last)
        added = [line for line in difflib.ndiff(old, new) if line[:2] in ("+ ", "- ")]
        assert len(added) == 1 and added[0][2:].strip() == "status: in_progress", ref
    assert path.read_bytes() == before


def test_detect_indent() -> None:
    assert splice.detect_indent(
        (PROJECTS / "primorye-roadmap-2022.yaml").read_text(encoding="utf-8")
    ) == splice.Indent(2, 4, 2)
    assert splice.detect_indent("a:\n- b: 1\n  c:\n    d: |\n      x:\n      - y\n") == (
        splice.Indent(2, 2, 0)
    )
    assert splice.detect_indent("a:\n    -   b: 1\n        c:\n            d: 2\n") == (
        splice.Indent(4, 8, 4)
    )


def test_anchored_tasks_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    shutil.copyfile(PROJECTS.parent / "tests/data/valid/03-anchors-merge-keys.yaml", path)
    before = path.read_bytes()
    for ref in ("1", "2", "3"):
        with pytest.raises(PlanWriteError, match="anchors, aliases or merge keys"):
            edit.mark_done(path, ref, None, datetime.date(2022, 10, 16), lang="en")
    assert path.read_bytes() == before


def test_set_status_refuses_done_and_cancelled(primorye: Path) -> None:
    with pytest.raises(PlanWriteError, match="clusterctl done"):
        edit.set_status(primorye, "1", Status.done)


HEAD = "version: 1\nproject:\n  id: x\n  title: X\n  period: 2022-2023 учебный год\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(  # lists without an offset: the file's own style is kept
            'tasks:\n- id: "1"\n  title: A\n  due: До 01.10.2022\n- id: "2"\n  title: B\n',
            'tasks:\n- id: "1"\n  title: A\n  due: До 01.10.2022\n  status: done\n'
            '  done_on: 2022-10-16\n- id: "2"\n  title: B\n',
            id="offset-0",
        ),
        pytest.param(
            'tasks:\n    -   id: "1"\n        title: A\n        steps:\n'
            '            -   title: s\n',
            'tasks:\n    -   id: "1"\n        title: A\n        status: done\n'
            '        done_on: 2022-10-16\n        steps:\n            -   title: s\n',
            id="indent-4",
        ),
        pytest.param(  # the comment stays right above the key it speaks of
            'tasks:\n  - id: "1"\n    title: >-\n      A\n    # про подпункты\n    steps:\n'
            '      - title: s\n',
            'tasks:\n  - id: "1"\n    title: >-\n      A\n    # про подпункты\n    steps:\n'
            '      - title: s\n    status: done\n    done_on: 2022-10-16\n',
            id="comment-before-steps",
        ),
        pytest.param(
            'tasks:\n  - {id: "1", title: A}\n  - id: "2"\n    title: B\n',
            'tasks:\n  - {id: "1", title: A, status: done, done_on: 2022-10-16}\n'
            '  - id: "2"\n    title: B\n',
            id="flow-item",
        ),
        pytest.param(  # a block text that keeps its final line breaks
            'tasks:\n  - id: "1"\n    result: |+\n      r\n\n  - id: "2"\n    title: B\n',
            'tasks:\n  - id: "1"\n    result: |+\n      r\n\n    status: done\n'
            '    done_on: 2022-10-16\n  - id: "2"\n    title: B\n',
            id="keep-block",
        ),
        pytest.param(
            'tasks:\n  - id: "1"\n    status: planned  # пока\n    title: A',
            'tasks:\n  - id: "1"\n    status: done     # пока\n    done_on: 2022-10-16\n'
            '    title: A',
            id="status-in-place-no-final-newline",
        ),
    ],
)
def test_layouts(tmp_path: Path, body: str, expected: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    done = edit.mark_done(path, "1", None, datetime.date(2022, 10, 16))
    assert done.written
    assert path.read_text(encoding="utf-8") == HEAD + expected
