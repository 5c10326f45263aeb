"""Bad input at the edges of every command: never a traceback, the documented exit status
(2 usage and I/O, 1 findings), no lost edit, no unbounded read, no silent drop.

Each case comes from a fault-and-fuzz run against the command line (docs/reliability.md);
every test goes through the CLI runner with a pinned date.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clusterctl.cli import app
from tests.conftest import PROJECTS, ROOT, TODAY

AS_OF = ["--as-of", TODAY.isoformat()]
PRIMORYE = PROJECTS / "primorye-roadmap-2022.yaml"


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    shutil.copyfile(PRIMORYE, path)
    return path


# ---------------------------------------------------------------------------- writing -o


@pytest.mark.parametrize(
    ("args", "target"),
    [
        (["render", "roadmap", str(PRIMORYE), *AS_OF, "-o"], "missing/roadmap.md"),
        (["export", "ics", str(PRIMORYE), *AS_OF, "-o"], "missing/plan.ics"),
        (["schema", "-o"], "missing/plan.schema.json"),
    ],
)
def test_output_into_a_folder_that_does_not_exist(
    runner: CliRunner, tmp_path: Path, args: list[str], target: str
) -> None:
    out = tmp_path / target
    code, stdout, stderr = run(runner, *args, str(out))
    assert (code, stdout) == (2, "")
    assert stderr.endswith(
        f"clusterctl: Не удалось записать {out}: папки, в которую нужно записать файл, нет; "
        "ничего не изменено.\n"
    )
    assert not out.parent.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["render", "roadmap", str(PRIMORYE), *AS_OF, "-f", "md", "-o"],
        ["export", "ics", str(PRIMORYE), *AS_OF, "-o"],
        ["schema", "-o"],
    ],
)
def test_output_onto_an_existing_folder(runner: CliRunner, tmp_path: Path, args: list[str]
                                        ) -> None:
    folder = tmp_path / "existing"
    folder.mkdir()
    (folder / "keep.txt").write_text("x", encoding="utf-8")
    code, stdout, stderr = run(runner, *args, str(folder))
    if args[0] == "render":  # a folder after -o means: write PROJECT.KIND.FORMAT into it
        assert code == 0, stderr
        assert (folder / "primorye-roadmap-2022.roadmap.md").is_file()
        return
    assert (code, stdout) == (2, "")
    assert stderr == f"clusterctl: Не удалось записать {folder}: это папка; ничего не изменено.\n"
    assert sorted(p.name for p in folder.iterdir()) == ["keep.txt"]


def test_templates_copy_into_an_unwritable_place(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    code, stdout, stderr = run(runner, "templates", "copy", "roadmap", str(blocker / "sub"))
    assert (code, stdout) == (2, "")
    assert stderr == (f"clusterctl: Не удалось записать {blocker / 'sub'}: часть пути — не папка; "
                      "ничего не изменено.\n")


def test_render_into_a_folder_under_a_file(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    code, _, stderr = run(runner, "render", "roadmap", str(PRIMORYE), *AS_OF,
                          "-o", str(blocker / "docs") + "/")
    assert code == 2
    assert stderr.endswith("часть пути — не папка; ничего не изменено.\n")


# ---------------------------------------------------------------------------- extreme dates


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-02", "31.12.9999"])
@pytest.mark.parametrize(
    "command",
    [["upcoming"], ["who"], ["overdue"], ["status"], ["render", "report"], ["export", "ics"],
     ["done", "__PLAN__", "1"], ["validate"]],
)
def test_as_of_at_the_ends_of_the_calendar(runner: CliRunner, plan: Path, command: list[str],
                                           day: str) -> None:
    args = [str(plan) if part == "__PLAN__" else part for part in command]
    if "__PLAN__" not in command:
        args.append(str(plan))
    before = plan.read_bytes()
    code, stdout, stderr = run(runner, *args, "--as-of", day)
    assert (code, stdout) == (2, "")
    assert stderr == (f"clusterctl: неверная дата --as-of '{day}': нужна ГГГГ-ММ-ДД или "
                      "ДД.ММ.ГГГГ (годы 1900–2199)\n")
    assert plan.read_bytes() == before


def test_the_last_and_first_days_plans_may_use_are_answered(runner: CliRunner, plan: Path
                                                           ) -> None:
    for day in ("2199-12-31", "1900-01-01"):
        for args in (["upcoming", "--within", "9999m"], ["who", "--within", "9999w"],
                     ["render", "report"], ["export", "ics"], ["status"]):
            code, _, stderr = run(runner, *args, str(plan), "--as-of", day)
            assert code in (0, 1), (args, day, stderr)


@pytest.mark.parametrize(
    ("insert", "message"),
    [
        ("rules:\n  meeting_horizon_months: 1000000000\n",
         "rules → meeting_horizon_months: ожидается число не больше 36"),
        ("rules:\n  announcement_days_before: [99999999]\n",
         "rules → announcement_days_before → №1: ожидается число не больше 366"),
        ("rules:\n  district_schools: 1000000000000\n",
         "rules → district_schools: ожидается число не больше 1000000"),
    ],
)
def test_numbers_that_would_overflow_later_are_located_errors(
    runner: CliRunner, plan: Path, insert: str, message: str
) -> None:
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("people:\n", insert + "people:\n", 1), encoding="utf-8")
    line = plan.read_text(encoding="utf-8").splitlines().index(insert.splitlines()[1]) + 1
    code, stdout, _ = run(runner, "validate", str(plan), *AS_OF, "--no-cache")
    assert code == 1
    assert f"{plan}:{line}:" in stdout and message in stdout
    for command in (["upcoming"], ["who"], ["export", "ics"], ["render", "agenda"]):
        code, _, stderr = run(runner, *command, str(plan), *AS_OF)
        assert code == 1 and message in stderr, command


@pytest.mark.parametrize("field", ["done_on", "cancelled_on"])
def test_dates_far_in_the_future_are_located_errors(runner: CliRunner, plan: Path, field: str
                                                    ) -> None:
    text = plan.read_text(encoding="utf-8")
    status = "done" if field == "done_on" else "cancelled\n    cancel_reason: нет"
    plan.write_text(text.replace("    due: До 26.09.2022\n",
                                 f"    due: До 26.09.2022\n    status: {status}\n"
                                 f"    {field}: 9999-12-31\n", 1), encoding="utf-8")
    code, stdout, _ = run(runner, "validate", str(plan), *AS_OF, "--no-cache")
    assert code == 1
    assert f"{field}: дата «9999-12-31» вне допустимых лет (1900–2199)." in stdout


def test_held_on_far_in_the_future_is_a_located_error(runner: CliRunner, tmp_path: Path
                                                      ) -> None:
    source = (ROOT / "tests" / "data" / "render" / "green-district.yaml").read_text("utf-8")
    assert "held_on:" in source
    path = tmp_path / "green.yaml"
    path.write_text(source.replace("held_on: ", "held_on: 9999-12-31 #", 1), encoding="utf-8")
    code, stdout, _ = run(runner, "validate", str(path), *AS_OF, "--no-cache")
    assert code == 1 and "held_on: дата «9999-12-31» вне допустимых лет" in stdout
    code, _, stderr = run(runner, "render", "press-release", "2", str(path), *AS_OF)
    assert code == 1 and "вне допустимых лет" in stderr


def test_a_plan_path_that_cannot_be_statted(runner: CliRunner, plan: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    original = Path.stat

    def denied(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        if self == plan:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "stat", denied)
    for args in (["done", str(plan), "8.2"], ["reschedule", str(plan), "8.2", "--to",
                                              "До 30.10.2022", "--reason", "x"],
                 ["cancel", str(plan), "8.2", "--reason", "x"], ["start", str(plan), "8.2"]):
        code, stdout, stderr = run(runner, *args, *AS_OF)
        assert (code, stdout) == (2, ""), args
        assert stderr == (f"clusterctl: не удалось прочитать или записать {plan}: нет прав "
                          "доступа.\n")


def test_a_folder_or_plan_that_cannot_be_read_is_named(runner: CliRunner, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Permission denied on a folder below the one given, or on the plan given, is an I/O
    error that names it (exit 2) — never "no plan files" or "path not found"."""
    shut = tmp_path / "plans" / "shut"
    shut.mkdir(parents=True)
    (tmp_path / "plans" / "a.yaml").write_bytes(PRIMORYE.read_bytes())
    scandir, lstat = os.scandir, os.lstat

    def denied_scandir(path: object = ".") -> object:
        if Path(str(path)) == shut:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)  # type: ignore[arg-type]

    def denied_lstat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if Path(str(path)) == shut / "x.yaml":
            raise PermissionError(13, "Permission denied", str(path))
        return lstat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", denied_scandir)
    monkeypatch.setattr(os, "lstat", denied_lstat)
    for command in (["validate", "--no-cache"], ["overdue", *AS_OF], ["status", *AS_OF]):
        code, stdout, stderr = run(runner, command[0], str(tmp_path / "plans"), *command[1:])
        assert (code, stdout) == (2, ""), command
        assert stderr == (f"clusterctl: не удалось прочитать или записать {shut}: нет прав "
                          "доступа.\n")
    code, stdout, stderr = run(runner, "validate", str(shut / "x.yaml"), "--no-cache")
    assert (code, stdout) == (2, "")
    assert stderr == (f"clusterctl: не удалось прочитать или записать {shut / 'x.yaml'}: нет "
                      "прав доступа.\n")


# ---------------------------------------------------------------------------- templates


BOMBS = {
    "recursive-macro": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    "self-include": '{% include "bomb.md.j2" %}',
    "multiplication": "{{ 'a' * 10**10 }}",
    "power": "{{ 2 ** 10000000 }}",
    "doubling": ("{% set ns = namespace(s='a') %}{% for i in range(60) %}"
                 "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}"),
    "nested-ranges": ("{% for i in range(10000) %}{% for j in range(10000) %}"
                      "{% for k in range(10000) %}{% endfor %}{% endfor %}{% endfor %}"),
    "big-range": "{% for i in range(100000) %}{% endfor %}",
    "output": ("{% for i in range(10000) %}{% for j in range(10000) %}"
               "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{% endfor %}{% endfor %}"),
}


@pytest.mark.parametrize("name", list(BOMBS))
def test_template_bombs_stop_with_a_located_message(runner: CliRunner, tmp_path: Path,
                                                    name: str) -> None:
    template = tmp_path / "bomb.md.j2"
    template.write_text(BOMBS[name] + "\n", encoding="utf-8")
    code, stdout, stderr = run(runner, "render", "--template", str(template), str(PRIMORYE),
                               *AS_OF, "--timeout", "3")
    assert (code, stdout) == (1, ""), stderr
    assert stderr.startswith(f"{template.name}") or stderr.startswith(str(template)), stderr
    assert " error template-limit шаблон превысил предел: " in stderr


def test_lipsum_is_not_available(runner: CliRunner, tmp_path: Path) -> None:
    template = tmp_path / "t.md.j2"
    template.write_text("{{ lipsum(1000000) }}\n", encoding="utf-8")
    code, _, stderr = run(runner, "render", "--template", str(template), str(PRIMORYE), *AS_OF)
    assert code == 1 and "template-undefined" in stderr and "'lipsum' is undefined" in stderr


@pytest.mark.parametrize("kind", ["folder", "fifo", "device-link"])
def test_a_custom_template_that_is_not_a_file_is_reported(runner: CliRunner, tmp_path: Path,
                                                          kind: str) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    target = folder / "roadmap.md.j2"
    if kind == "folder":
        target.mkdir()
        what = "папка"
    elif kind == "fifo":
        os.mkfifo(target)
        what = "именованный канал"
    else:
        target.symlink_to("/dev/zero")
        what = "устройство"
    code, stdout, stderr = run(runner, "render", "roadmap", str(PRIMORYE), *AS_OF,
                               "--templates", str(folder))
    assert (code, stdout) == (1, "")
    assert stderr.startswith(
        f"{target}: error template-not-a-file шаблон «roadmap.md.j2» — не обычный файл ({what})"
    )
    code, stdout, stderr = run(runner, "render", "--template", str(target), str(PRIMORYE),
                               *AS_OF)
    assert (code, stdout) == (2, "")
    assert stderr == (f"clusterctl: --template: шаблон «roadmap.md.j2» — не обычный файл "
                      f"({what})\n")


# ---------------------------------------------------------------------------- edits


def _edit_pair(path: str, first: bool) -> int:
    """One side of the race: an edit of task 8.2 or of task 15, through the library."""
    import datetime

    from clusterctl import edit
    from clusterctl.errors import PlanWriteError

    today = datetime.date(2022, 10, 16)
    try:
        if first:
            edit.mark_done(path, "8.2", None, today)
        else:
            edit.cancel(path, "15", "нет средств", today)
    except PlanWriteError:
        return 1
    return 0


def test_two_edits_of_one_plan_at_once_both_land(tmp_path: Path) -> None:
    """Two processes edit different tasks of one plan at the same moment, many times: every
    run ends with both changes in the file (or one command refused, exit 1)."""
    context = multiprocessing.get_context("fork")
    path = tmp_path / "race.yaml"
    original = PRIMORYE.read_bytes()
    with context.Pool(2) as pool:
        for _ in range(60):
            path.write_bytes(original)
            codes = pool.starmap(_edit_pair, [(str(path), True), (str(path), False)])
            text = path.read_text(encoding="utf-8")
            landed = ("done_on: 2022-10-16" in text, "cancel_reason: нет средств" in text)
            assert [bool(c == 0) for c in codes] == list(landed), (codes, landed)
            assert codes == [0, 0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["race.yaml"]


def test_a_read_only_plan_is_refused(runner: CliRunner, plan: Path) -> None:
    plan.chmod(0o444)
    before = plan.read_bytes()
    code, stdout, stderr = run(runner, "done", str(plan), "8.2", *AS_OF)
    assert (code, stdout) == (1, "")
    assert stderr == (f"Не удалось записать {plan}: файл только для чтения (снимите запрет "
                      "записи, если его нужно менять). Файл не изменён.\n")
    assert plan.read_bytes() == before
    assert stat.S_IMODE(plan.stat().st_mode) == 0o444
    code, stdout, _ = run(runner, "done", str(plan), "8.2", *AS_OF, "--dry-run")
    assert code == 0 and stdout.startswith("---")  # a dry run only reads


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may give a file to another user")
def test_owner_group_and_mode_are_kept(runner: CliRunner, plan: Path) -> None:
    os.chown(plan, 1234, 4321)
    plan.chmod(0o640)
    code, _, stderr = run(runner, "done", str(plan), "8.2", *AS_OF)
    assert code == 0, stderr
    st = plan.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (1234, 4321, 0o640)


def test_only_the_intended_lines_change(runner: CliRunner, plan: Path) -> None:
    text = plan.read_text(encoding="utf-8")
    title = "      связи на предмет информированности о реализации проекта.\n"
    step = "      - result: Разработана и направлена в ОО анкета для проведения опроса.\n"
    due = "        due: До 07.10.2022\n"
    assert text.count(title) == 1 and step in text
    text = text.replace(title, title[:-1] + "   \n").replace(step, step[:-1] + "  \n", 1)
    text = text.replace(due, due[:-1] + "\t\n", 1)
    plan.write_text(text, encoding="utf-8")
    before = plan.read_text(encoding="utf-8").splitlines(keepends=True)
    for args in (["reschedule", str(plan), "8.1", "--to", "До 20.10.2022", "--reason", "x"],
                 ["start", str(plan), "8"], ["done", str(plan), "8.1"]):
        code, _, stderr = run(runner, *args, *AS_OF)
        assert code == 0, stderr
    after = plan.read_text(encoding="utf-8").splitlines(keepends=True)
    import difflib

    changed = [line for line in difflib.ndiff(before, after) if line[:1] in "+-"]
    assert changed == [
        "+     status: in_progress\n",
        "-         due: До 07.10.2022\t\n",
        "+         due: До 20.10.2022\n",
        "+         reschedules:\n",
        "+           - from: До 07.10.2022\n",
        "+             to: До 20.10.2022\n",
        "+             reason: x\n",
        "+             on: 2022-10-16\n",
        "+         status: done\n",
        "+         done_on: 2022-10-16\n",
    ]
    assert after.count(title[:-1] + "   \n") == 1 and step[:-1] + "  \n" in after


# ---------------------------------------------------------------------------- the cache


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder"])
def test_cache_entries_are_read_as_untrusted_input(tmp_path: Path, kind: str) -> None:
    """A cache entry replaced by a FIFO, a link to /dev/zero or a folder is ignored (never
    a hang, never unbounded memory): every command answers as without a cache."""
    cache = tmp_path / "cache"
    env = {**os.environ, "CLUSTERCTL_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "clusterctl"]
    plan_args = [str(PRIMORYE), *AS_OF]
    for args in (["validate"], ["overdue"]):
        subprocess.run([*command, *args, *plan_args], env=env, capture_output=True, check=False,
                       timeout=120)
    entries = [p for p in cache.rglob("*") if p.is_file() and p.name != ".gitignore"]
    assert entries
    for entry in entries:
        entry.unlink()
        if kind == "fifo":
            os.mkfifo(entry)
        elif kind == "dev-zero":
            entry.symlink_to("/dev/zero")
        else:
            entry.mkdir()
    for args in (["validate"], ["overdue", "-f", "json"], ["who"]):
        done = subprocess.run([*command, *args, *plan_args], env=env, capture_output=True,
                              text=True, check=False, timeout=60)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr


def test_a_huge_id_is_refused_not_copied_into_every_event(runner: CliRunner, plan: Path
                                                          ) -> None:
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("  id: primorye-roadmap-2022", "  id: " + "x" * 4_000_000, 1),
                    encoding="utf-8")
    code, stdout, stderr = run(runner, "export", "ics", str(plan), *AS_OF)
    assert code == 1 and "BEGIN:VEVENT" not in stdout and len(stdout) < 1000
    assert "project → id: слишком длинное значение (можно не больше 64 знаков)" in stderr


# ---------------------------------------------------------------------------- no silent drop


@pytest.fixture
def unread_plan(plan: Path) -> Path:
    text = plan.read_text(encoding="utf-8")
    text = text.replace("    due: До 26.09.2022\n", "    due: когда-нибудь\n", 1)
    text = text.replace("        due: До 07.10.2022\n", "        due: после   дождичка\n", 1)
    plan.write_text(text, encoding="utf-8")
    return plan


def _line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                if needle in line)


def test_queries_say_which_deadlines_they_left_out(runner: CliRunner, unread_plan: Path
                                                   ) -> None:
    first = _line_of(unread_plan, "когда-нибудь")
    second = _line_of(unread_plan, "после   дождичка")
    said = (f"2 срока не распознаны и не учтены: {unread_plan}:{first}, "
            f"{unread_plan}:{second}\n")
    for args in (["overdue"], ["upcoming"], ["status"], ["who"], ["who", "Чечуркина"],
                 ["export", "ics"], ["render", "roadmap"], ["render", "note"]):
        code, _, stderr = run(runner, *args, str(unread_plan), *AS_OF)
        assert code == 0, (args, stderr)
        assert stderr.endswith(said), (args, stderr)
    code, stdout, _ = run(runner, "overdue", str(unread_plan), *AS_OF, "-f", "json")
    assert json.loads(stdout)["not_understood"] == [
        {"file": str(unread_plan), "line": first, "column": 10,
         "project": "primorye-roadmap-2022", "ref": "1", "field": "due",
         "phrase": "когда-нибудь"},
        {"file": str(unread_plan), "line": second, "column": 14,
         "project": "primorye-roadmap-2022", "ref": "8.1", "field": "due",
         "phrase": "после   дождичка"},
    ]
    code, stdout, _ = run(runner, "status", str(unread_plan), *AS_OF, "-f", "md")
    assert stdout.endswith(
        f"Не распознаны сроки: 2 ({unread_plan}:{first}, {unread_plan}:{second}) — эти пункты "
        "не учтены в графах «Просрочено» и «Ближайший срок».\n"
    )
    code, stdout, _ = run(runner, "render", "roadmap", str(unread_plan), *AS_OF)
    assert "| когда-нибудь ⚠ срок не распознан |" in stdout
    assert stdout.endswith(
        "> ⚠ Сроки не распознаны и не учтены в расчётах (2 пункта): 1 «когда-нибудь», "
        "8.1 «после дождичка». Исправьте их (проверка: clusterctl validate).\n"
    )
    code, stdout, _ = run(runner, "render", "note", str(unread_plan), *AS_OF, "-f", "html")
    assert '<p class="unread">⚠ Сроки не распознаны' in stdout
    # filtered to another project: nothing of this plan is said
    code, _, stderr = run(runner, "overdue", str(unread_plan), str(PROJECTS), *AS_OF,
                          "-p", "yaroslavl-network-passport")
    assert "не распознан" not in stderr


def test_phrases_come_out_exactly_as_written(runner: CliRunner, plan: Path) -> None:
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("    due: До 26.09.2022\n", '    due: "До  26.09.2022"\n', 1),
                    encoding="utf-8")
    code, stdout, _ = run(runner, "overdue", str(plan), *AS_OF, "-f", "json")
    phrases = [i["due_phrase"] for i in json.loads(stdout)["items"] if i["id"] == "1"]
    assert phrases == ["До  26.09.2022"]
    code, stdout, _ = run(runner, "overdue", str(plan), *AS_OF, "-f", "csv")
    assert ",До  26.09.2022," in stdout
    code, stdout, _ = run(runner, "overdue", str(plan), *AS_OF)  # a table: folded for display
    assert " До 26.09.2022 " in stdout and "До  26.09.2022" not in stdout
    code, _, stderr = run(runner, "reschedule", str(plan), "8.2", "--to", "До  30.10.2022",
                          "--reason", "перенос", *AS_OF)
    assert code == 0, stderr
    assert "        due: До  30.10.2022\n" in plan.read_text(encoding="utf-8")
    assert "            to: До  30.10.2022\n" in plan.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------- found by fuzzing


def test_an_argument_with_bytes_that_are_not_utf8(runner: CliRunner) -> None:
    """A phrase typed in a terminal with another encoding reaches Python with lone
    surrogates (fuzz 20261207:5619): a usage error, not an encoding crash on output."""
    code, stdout, stderr = run(runner, "when", "до 31.02.2022\udcff")
    assert (code, stdout) == (2, "")
    assert stderr == ("clusterctl: аргумент «до 31.02.2022\ufffd» содержит байты не в кодировке "
                      "UTF-8: наберите его заново или проверьте кодировку терминала\n")


def _render_in_worker(path: str) -> str:
    import datetime

    from clusterctl.check import CheckOptions, check_file
    from clusterctl.documents.context.kinds import build_context
    from clusterctl.documents.render import Renderer, search_path
    from clusterctl.queries import build_digest

    result = check_file(Path(path), path, CheckOptions(today=datetime.date(2022, 10, 16)))
    assert result.index is not None
    ctx = build_context(result.index, build_digest(result.index), datetime.date(2022, 10, 16),
                        kind="roadmap")
    return Renderer(search_path(None), "md").render("roadmap.md.j2", ctx)


def test_rendering_inside_a_pool_worker() -> None:
    """A daemonic process (a multiprocessing.Pool worker) may not start the process that
    renders within limits (fuzz 20261207:3447): it renders in place."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        text = pool.apply(_render_in_worker, (str(PRIMORYE),))
    assert text.startswith("# Региональная дорожная карта")
