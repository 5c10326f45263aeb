"""The command line in the user's language (help pages, usage errors) and shell completion
(Tab): through typer's CliRunner, as a shell would call it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clusterctl.cli import app, completion
from tests.conftest import DATA


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with a plan and a sub-folder."""
    shutil.copy(DATA / "format11" / "network.yaml", tmp_path / "network.yaml")
    (tmp_path / "plans").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _complete(runner: CliRunner, words: str, shell: str = "bash") -> list[str]:
    """What Tab offers after `words` (the last word being completed)."""
    completion.prepare()
    typed = words.split(" ")
    env = {"_CLUSTERCTL_COMPLETE": f"complete_{shell}", "COMP_WORDS": words,
           "COMP_CWORD": str(len(typed) - 1), "_TYPER_COMPLETE_ARGS": words}
    result = runner.invoke(app, [], env=env, prog_name="clusterctl")
    assert result.exit_code == 0, result.output
    return [line for line in result.stdout.splitlines() if line]


def test_tab_completes_commands_files_refs_names_and_kinds(runner: CliRunner,
                                                           folder: Path) -> None:
    assert _complete(runner, "clusterctl ren") == ["render"]
    assert _complete(runner, "clusterctl validate ") == ["network.yaml", "plans/"]
    assert _complete(runner, "clusterctl done network.yaml 2.") == [
        "2.1", "2.1.1", "2.1.2"]
    assert _complete(runner, "clusterctl overdue network.yaml -r Ка") == [
        "Калачева Е.А."]
    assert _complete(runner, "clusterctl overdue network.yaml --responsible Ми") == [
        "Минобр РМ"]
    assert _complete(runner, "clusterctl render pr") == ["press-release"]
    assert _complete(runner, "clusterctl render roadmap ne") == ["network.yaml"]
    assert "roadmap.html.j2" in _complete(runner, "clusterctl templates copy ro")
    # an unreadable plan completes nothing, and says nothing
    assert _complete(runner, "clusterctl done missing.yaml 1") == []


def test_zsh_gets_the_titles_too(runner: CliRunner, folder: Path) -> None:
    offered = "\n".join(_complete(runner, "clusterctl done network.yaml 1.", "zsh"))
    assert '"1.2":"Мониторинг реализации плана"' in offered


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "powershell"])
def test_show_completion_prints_the_script_of_the_shell(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, shell: str
) -> None:
    monkeypatch.setattr(completion, "detect_shell", lambda: shell)
    result = runner.invoke(app, ["--show-completion"], prog_name="clusterctl")
    assert result.exit_code == 0
    assert "_CLUSTERCTL_COMPLETE" in result.stdout


def test_install_completion_writes_where_the_shell_reads_it(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(completion, "detect_shell", lambda: "bash")
    monkeypatch.setenv("HOME", str(tmp_path))
    result = runner.invoke(app, ["--install-completion"], prog_name="clusterctl")
    assert result.exit_code == 0, result.output
    script = tmp_path / ".bash_completions" / "clusterctl.sh"
    assert "_CLUSTERCTL_COMPLETE=complete_bash" in script.read_text()
    assert result.stdout.startswith("Дополнение по Tab для bash установлено: ")
    monkeypatch.setattr(completion, "detect_shell", lambda: "tcsh")
    result = runner.invoke(app, ["--install-completion"], prog_name="clusterctl")
    assert result.exit_code == 2 and "поддерживаются bash, zsh, fish, powershell" in (
        result.stderr)


def test_help_is_in_russian_and_in_english(runner: CliRunner,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    ru = runner.invoke(app, ["done", "--help"], prog_name="clusterctl").stdout
    assert ru.startswith("Использование: clusterctl done [ПАРАМЕТРЫ]")
    assert "Аргументы:" in ru and "Параметры:" in ru
    assert "--help         Показать эту справку и выйти." in ru
    assert "Show this message" not in ru and "Usage" not in ru and "Options" not in ru
    top = runner.invoke(app, ["--help"], prog_name="clusterctl").stdout
    assert "Команды:" in top and "КОМАНДА [АРГУМЕНТЫ]..." in top
    assert "--install-completion" in top and "Show this message" not in top
    monkeypatch.setenv("CLUSTERCTL_LANG", "en")
    en = runner.invoke(app, ["done", "--help"], prog_name="clusterctl").stdout
    assert en.startswith("Usage: clusterctl done [OPTIONS]")
    assert "Show this message and exit." in en


@pytest.mark.parametrize(("args", "said"), [
    (["bogus"], "Ошибка: Нет такой команды: «bogus»."),
    (["rendr"], "Ошибка: Нет такой команды: «rendr». Возможно, имелось в виду «render»."),
    (["done"], "Ошибка: Не указан аргумент 'PATH'."),
    (["validate", "--bogus"], "Ошибка: Нет такого параметра: --bogus."),
    (["validate", "-j", "x"], "Ошибка: Неверное значение '--jobs' / '-j': «x» — не целое число."),
    (["overdue", "--as-of"], "Ошибка: Параметру --as-of нужно значение."),
])
def test_usage_errors_in_russian(runner: CliRunner, args: list[str], said: str) -> None:
    result = runner.invoke(app, args, prog_name="clusterctl")
    assert result.exit_code == 2 and result.stdout == ""
    assert said in result.stderr
    assert "Error" not in result.stderr and "Usage" not in result.stderr


def test_usage_errors_in_english_with_lang(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "--bogus", "--lang", "en"], prog_name="clusterctl")
    assert result.exit_code == 2
    assert result.stderr.startswith("Usage: clusterctl validate [OPTIONS]")
    assert "Try 'clusterctl validate --help' for help." in result.stderr
    assert "Error: No such option: --bogus." in result.stderr
