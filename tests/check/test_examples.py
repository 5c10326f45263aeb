"""The negative example corpus: one mistake per file, each with its exact expected output.

`tests/data/invalid/NN-short-name.yaml` holds one realistic mistake (what it is: the comment on
line 1, except for files whose mistake is the encoding or the emptiness itself). Its golden
`tests/golden/invalid/NN-short-name.txt` is the exact stdout of

    clusterctl validate tests/data/invalid/NN-short-name.yaml --as-of 2022-10-16

run from the repository root, followed by `exit: N`. Inputs that would be big or cannot be
stored in git (50,000 nested brackets, a file over the size cap, a FIFO, a device) are made at
test time. `tests/data/valid/` holds inputs that must be accepted without a word.

Accept new output with `UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_negative_corpus.py` and
read every changed golden: the position must point at the offending token.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from clusterctl.check import CheckOptions, check_bytes, check_file
from clusterctl.check.rules import RULES
from clusterctl.cli import app
from clusterctl.model.plan import Plan
from clusterctl.source.loader import load_bytes
from tests.conftest import DATA, GOLDEN, ROOT, TODAY, assert_golden

AS_OF = ["--as-of", TODAY.isoformat()]
INVALID = DATA / "invalid"
VALID = DATA / "valid"
INVALID_FILES = sorted(p.name for p in INVALID.glob("*.yaml"))
VALID_FILES = sorted(p.name for p in VALID.glob("*.yaml"))

NO_COMMENT = {
    # the mistake is the encoding or the emptiness of the file itself
    "17-empty-file.yaml",
    "24-windows-1251.yaml",
    "25-koi8-r.yaml",
    "26-utf16-bom.yaml",
    "27-invalid-utf8-byte.yaml",
    "28-nul-byte.yaml",
}
_FINDING = re.compile(r"^(?P<file>\S+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning) "
                      r"(?P<code>[a-z0-9-]+) ", re.M)


def _validate(runner: CliRunner, *args: str) -> tuple[str, int]:
    result = runner.invoke(app, ["validate", *args, *AS_OF])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.stdout, result.exit_code


def _findings(stdout: str) -> list[dict[str, str]]:
    return [m.groupdict() for m in _FINDING.finditer(stdout)]


# ------------------------------------------------------------------ the corpus itself


def test_the_corpus_is_big_enough_and_well_named() -> None:
    assert len(INVALID_FILES) >= 45
    numbers = [name[:2] for name in INVALID_FILES]
    assert len(set(numbers)) == len(numbers), "two files share a number"
    for name in INVALID_FILES + VALID_FILES:
        assert re.fullmatch(r"\d\d-[a-z0-9]+(?:-[a-z0-9]+)*\.yaml", name), name
    assert len(VALID_FILES) >= 8


@pytest.mark.parametrize("name", INVALID_FILES)
def test_each_invalid_file_says_what_its_mistake_is(name: str) -> None:
    data = (INVALID / name).read_bytes()
    if name in NO_COMMENT:
        return
    first_lines = data.decode("utf-8", errors="replace").splitlines()[:2]
    assert any(line.startswith("# Ошибка: ") for line in first_lines), name
    assert len(data) < 4096, "keep corpus files small"


def test_every_golden_has_its_input() -> None:
    generated = {p.stem for p in (GOLDEN / "invalid").glob("generated-*.txt")}
    expected = {Path(name).stem for name in INVALID_FILES} | generated
    present = {p.stem for p in (GOLDEN / "invalid").glob("*.txt")}
    assert present == expected


# ------------------------------------------------------------------ goldens


@pytest.mark.parametrize("name", INVALID_FILES)
def test_invalid_file_output_is_exactly_the_golden(
    name: str, runner: CliRunner, in_root: Path
) -> None:
    path = f"tests/data/invalid/{name}"
    stdout, code = _validate(runner, path)
    assert_golden(f"invalid/{Path(name).stem}.txt", stdout + f"exit: {code}\n")
    findings = _findings(stdout)
    assert len(findings) == 1, f"one mistake, one finding: {stdout}"
    assert findings[0]["file"] == path
    if findings[0]["sev"] == "warning":
        assert code == 0
        strict_stdout, strict_code = _validate(runner, path, "--strict")
        assert strict_code == 1
        assert strict_stdout == stdout
    else:
        assert code == 1


def _all_golden_codes() -> set[str]:
    codes: set[str] = set()
    for golden in (GOLDEN / "invalid").glob("*.txt"):
        codes.update(f["code"] for f in _findings(golden.read_text(encoding="utf-8")))
    return codes


def test_the_corpus_covers_every_rule_code_and_every_loader_mistake() -> None:
    required = {code for rule in RULES for code in rule.codes} | {
        "yaml-syntax", "tab", "duplicate-key", "not-a-mapping", "empty-file",
        "multiple-documents", "unsafe-tag", "unknown-tag", "alias-bomb", "too-deep",
        "file-too-large", "not-a-regular-file", "encoding", "invalid-utf8", "nul-byte",
        "invisible-character", "homoglyph-key", "unknown-key", "invalid-value", "missing-key",
        "unknown-alias", "recursive-alias", "bad-merge", "empty-key", "bad-tagged-value",
    }
    assert required <= _all_golden_codes()


def test_the_syntax_goldens_give_specific_messages() -> None:
    """Every YAML syntax mistake but the generic one gets its own message, not libyaml's."""
    for golden in sorted((GOLDEN / "invalid").glob("*.txt")):
        text = golden.read_text(encoding="utf-8")
        if " yaml-syntax " in text and not golden.name.startswith("01-"):
            assert "Ошибка разметки YAML:" not in text, golden.name


# ------------------------------------------------------------------ made at test time


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_fifty_thousand_brackets_stop_with_a_message(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "deep.yaml").write_bytes(b"version: 1\nproject: " + b"[" * 50_000 + b"\n")
    stdout, code = _validate(runner, "deep.yaml")
    assert_golden("invalid/generated-deep-nesting.txt", stdout + f"exit: {code}\n")
    assert _findings(stdout) == [
        {"file": "deep.yaml", "line": "2", "col": "73", "sev": "error", "code": "too-deep"}
    ]


@pytest.mark.parametrize(
    "data",
    [b"[" * 50_000, b"{" * 50_000, b"- " * 50_000, b"a: " * 50_000, b"[" * 50_000 + b"]" * 50_000],
    ids=["brackets", "braces", "dashes", "keys", "closed-brackets"],
)
def test_deep_nesting_never_crashes(data: bytes) -> None:
    result = check_bytes(data, "deep.yaml", CheckOptions(today=TODAY))
    assert [d.code for d in result.diagnostics] in (["too-deep"], ["yaml-syntax"])


def test_a_file_over_the_size_cap_is_not_read(runner: CliRunner, in_tmp: Path) -> None:
    with open(in_tmp / "huge.yaml", "wb") as handle:  # sparse: no 8 MiB written
        handle.truncate(8 * 1024 * 1024 + 1)
    stdout, code = _validate(runner, "huge.yaml")
    assert_golden("invalid/generated-too-large.txt", stdout + f"exit: {code}\n")
    assert [f["code"] for f in _findings(stdout)] == ["file-too-large"]


def test_the_size_cap_is_an_option() -> None:
    path = ROOT / "projects" / "primorye-roadmap-2022.yaml"
    result = check_file(path, "plan.yaml", CheckOptions(today=TODAY, max_bytes=1024))
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [
        ("file-too-large", 1, 1)
    ]
    size = path.stat().st_size
    shown = f"{size / 1024:.1f}".replace(".", ",")
    assert result.diagnostics[0].message == (
        f"Файл слишком большой: {shown} КБ, допускается не больше 1,0 КБ."
    )
    exact = check_file(path, "plan.yaml", CheckOptions(today=TODAY, max_bytes=size))
    assert "file-too-large" not in [d.code for d in exact.diagnostics]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_reported_not_read(runner: CliRunner, in_tmp: Path) -> None:
    os.mkfifo(in_tmp / "plan.yaml")  # nobody writes: reading it would block for ever
    stdout, code = _validate(runner, "plan.yaml")
    assert_golden("invalid/generated-fifo.txt", stdout + f"exit: {code}\n")
    assert [f["code"] for f in _findings(stdout)] == ["not-a-regular-file"]


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_a_device_is_reported_not_read(runner: CliRunner) -> None:
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    stdout, code = _validate(runner, "/dev/null")
    assert_golden("invalid/generated-dev-null.txt", stdout + f"exit: {code}\n")


def test_a_directory_given_as_a_file_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "plan.yaml"
    folder.mkdir()
    result = check_file(folder, "plan.yaml", CheckOptions(today=TODAY))
    assert [(d.code, d.line, d.column, d.message) for d in result.diagnostics] == [
        ("not-a-regular-file", 1, 1,
         "Это не обычный файл, а папка: план читается только из файлов."),
    ]


def test_a_folder_on_the_command_line_is_searched_not_read(
    runner: CliRunner, in_tmp: Path
) -> None:
    (in_tmp / "empty").mkdir()
    result = runner.invoke(app, ["validate", "empty", *AS_OF])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "нет файлов планов" in result.stderr


# ------------------------------------------------------------------ other formats


JSON_CASES = {
    "02-unclosed-quote.yaml": ("yaml-syntax", 15, 12, 15, 12),
    "14-duplicate-key-task.yaml": ("duplicate-key", 24, 5, 24, 8),
    "29-zero-width-space-key.yaml": ("invisible-character", 18, 5, 18, 17),
    "33-unknown-key.yaml": ("unknown-key", 18, 5, 18, 16),
    "37-bad-status.yaml": ("invalid-value", 19, 13, 19, 19),
    "45-impossible-date-feb-31.yaml": ("impossible-date", 17, 10, 17, 23),
    "52-unknown-person.yaml": ("unknown-person", 18, 18, 18, 33),
    "55-unresolved-organisation.yaml": ("unresolved-reference", 23, 20, 23, 23),
}


@pytest.mark.parametrize("name", sorted(JSON_CASES))
def test_json_positions_are_exact(name: str, runner: CliRunner, in_root: Path) -> None:
    stdout, _code = _validate(runner, f"tests/data/invalid/{name}", "--format", "json")
    [item] = json.loads(stdout)
    code, line, column, end_line, end_column = JSON_CASES[name]
    assert (item["code"], item["line"], item["column"], item["end_line"], item["end_column"]
            ) == (code, line, column, end_line, end_column)
    assert item["file"] == f"tests/data/invalid/{name}"
    assert item["message"] and item["hint"]


def test_json_span_covers_the_offending_text(in_root: Path) -> None:
    """The end column is exclusive: the span is exactly the misspelt key."""
    path = INVALID / "33-unknown-key.yaml"
    result = check_file(path, "x.yaml", CheckOptions(today=TODAY))
    [d] = result.diagnostics
    line = path.read_text(encoding="utf-8").splitlines()[d.line - 1]
    assert d.end_column is not None
    assert line[d.column - 1 : d.end_column - 1] == "responsable"


EN_CASES = [
    "07-colon-in-value.yaml",
    "24-windows-1251.yaml",
    "31-homoglyph-title.yaml",
    "37-bad-status.yaml",
    "52-unknown-person.yaml",
    "56-cancelled-without-reason.yaml",
]


@pytest.mark.parametrize("name", EN_CASES)
def test_english_output_is_exactly_the_golden(
    name: str, runner: CliRunner, in_root: Path
) -> None:
    stdout, code = _validate(runner, f"tests/data/invalid/{name}", "--lang", "en")
    assert_golden(f"invalid/en/{Path(name).stem}.txt", stdout + f"exit: {code}\n")
    assert "подсказка" not in stdout
    assert "    hint: " in stdout


def test_github_format_annotations(runner: CliRunner, in_root: Path) -> None:
    stdout, code = _validate(
        runner, "tests/data/invalid/14-duplicate-key-task.yaml",
        "tests/data/invalid/43-numbering.yaml", "--format", "github",
    )
    assert code == 1
    assert stdout.splitlines() == [
        "::error file=tests/data/invalid/14-duplicate-key-task.yaml,line=24,col=5,endLine=24,"
        "endColumn=8,title=duplicate-key::Ключ «due» повторяется (первый раз — в строке 22); "
        "одно из значений потерялось бы.%0AУдалите лишний ключ или объедините значения в одно.",
        "::warning file=tests/data/invalid/43-numbering.yaml,line=24,col=9,endLine=24,"
        "endColumn=12,title=numbering::Нумерация сбилась: стоит 4, а по порядку ожидается 3."
        "%0AПроверьте, не пропущен ли пункт и не перепутан ли порядок.",
    ]


def test_github_format_for_a_file_level_error(runner: CliRunner, in_root: Path) -> None:
    stdout, _code = _validate(
        runner, "tests/data/invalid/25-koi8-r.yaml", "--format", "github", "--lang", "en"
    )
    assert stdout.startswith(
        "::error file=tests/data/invalid/25-koi8-r.yaml,line=4,col=10,endLine=4,endColumn=10,"
        "title=encoding::The file is not saved as UTF-8 (it looks like KOI8-R).%0AOpen it"
    )
    assert stdout.count("\n") == 1


# ------------------------------------------------------------------ accepted inputs


@pytest.mark.parametrize("name", VALID_FILES)
def test_valid_file_is_accepted_silently(name: str, runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(app, ["validate", f"tests/data/valid/{name}", "--strict", *AS_OF])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == "Проверено файлов: 1; ошибок: 0, предупреждений: 0.\n"


def _check_valid(name: str) -> tuple[dict[str, Any], Plan]:
    data = (VALID / name).read_bytes()
    result = check_bytes(data, name, CheckOptions(today=TODAY))
    assert result.diagnostics == []
    assert result.plan is not None
    return load_bytes(data, name, "ru").data, result.plan


def test_valid_bom_and_crlf_files_read_like_the_plain_one() -> None:
    bom, _ = _check_valid("01-utf8-bom.yaml")
    crlf, _ = _check_valid("02-crlf-line-endings.yaml")
    assert bom == crlf
    assert "version" in bom  # the BOM is not glued to the first key


def test_valid_merge_keys_fill_the_task() -> None:
    _data, plan = _check_valid("03-anchors-merge-keys.yaml")
    tasks = plan.tasks
    assert [t.id for t in tasks] == ["1", "2", "3"]
    assert tasks[1].result == tasks[0].result == tasks[2].result
    assert tasks[1].responsible == ["Шкуратская М.В."]
    assert tasks[1].title == "Формирование перечня бизнес-партнеров ОО"  # explicit key wins


def test_valid_comment_hash_inside_quotes_is_text() -> None:
    _data, plan = _check_valid("05-comments-everywhere.yaml")
    assert plan.tasks[0].title == (
        "Семинар: # не комментарий, а часть текста в кавычках"
    )


def test_valid_unquoted_numbers_stay_as_written() -> None:
    data, plan = _check_valid("08-unquoted-numeric-ids.yaml")
    task = plan.tasks[0]
    assert [s.id for s in task.steps][-2:] == ["1.9", "1.10"]
    assert plan.project.id == "2022"
    assert data["tasks"][0]["steps"][9]["id"] == "1.10"


def test_valid_disable_directive_is_what_keeps_the_file_clean() -> None:
    data = (VALID / "07-disable-directive.yaml").read_bytes()
    without = data.replace(b"# clusterctl: disable=no-responsible\n", b"")
    assert without != data
    result = check_bytes(without, "x.yaml", CheckOptions(today=TODAY))
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [
        ("no-responsible", 8, 5)
    ]
