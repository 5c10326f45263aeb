"""`diff`: what changed in plans, in plain words — two files, or git revisions.

    clusterctl diff OLD.yaml NEW.yaml
    clusterctl diff [REV [REV]] [-- PATH...]
    clusterctl diff --textconv FILE          (for git's diff driver)

Exit status: 0 (also when there are changes, unless --exit-code: then 1), 2 usage (a bad
revision, not a repository, a missing file).
"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clusterctl.cli.base import (
    AsOfOpt,
    LangOpt,
    app,
    check_format,
    complete_plans,
    fail_usage,
    today_or,
)

if TYPE_CHECKING:
    from clusterctl.check import CheckOptions
    from clusterctl.diff.plans import DiffReport

FORMATS = ("text", "md", "json")


@app.command(context_settings={"allow_interspersed_args": True})
def diff(
    args: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[OLD NEW | REV [REV]] [-- PATH]...",
            help="Два файла плана (старый и новый) или версии git: без версий — рабочая копия "
            "против HEAD; одна — она против рабочей копии; две — между ними. После версий "
            "— файлы или папки (по умолчанию все планы репозитория).",
            show_default=False, autocompletion=complete_plans,
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="text (по умолчанию), md (для pull request) "
                          "или json."),
    ] = "text",
    stat: Annotated[bool, typer.Option("--stat", help="Только число изменений.")] = False,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Код выхода 1, если изменения есть (как в git).")
    ] = False,
    textconv: Annotated[
        str | None,
        typer.Option("--textconv", help="Вывести план построчно для git diff (драйвер "
                     "сравнения, см. clusterctl init).", metavar="FILE"),
    ] = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
) -> None:
    """Что изменилось в планах, словами: сроки, статусы, ответственные, тексты, реестры."""
    from clusterctl.check import CheckOptions
    from clusterctl.diff.plans import diff_files, diff_git
    from clusterctl.i18n import resolve_lang

    language = resolve_lang(lang)
    check_format(fmt, FORMATS)
    options = CheckOptions(lang=language, today=today_or(as_of, language))
    if textconv is not None:
        _textconv(textconv, options)
        return
    words = list(args or [])
    if len(words) == 2 and all(Path(w).is_file() for w in words):
        report = diff_files(words[0], words[1], options)
    else:
        from clusterctl.errors import UserError
        from clusterctl.source import git

        if not git.in_repository():  # before any word is taken for a revision or a path
            raise UserError("git.not-a-repository")
        revisions: list[str] = []
        while words and len(revisions) < 2 and not Path(words[0]).exists() and (
                git.is_revision(words[0])):
            revisions.append(words.pop(0))
        if len(words) > 0 and len(revisions) == 2 and git.is_revision(words[0]) and not (
                Path(words[0]).exists()):
            from clusterctl.i18n import t

            raise fail_usage(t("git.too-many-revisions", language))
        for word in words:
            if not Path(word).exists() and not git.files_at(revisions[0] if revisions
                                                            else "HEAD", [word]):
                from clusterctl.i18n import t

                raise fail_usage(t("diff.no-path", language, path=word))
        report = diff_git(revisions, words, options)
    _show(report, fmt, stat, language)
    raise typer.Exit(1 if exit_code and report.changed else 0)


def _textconv(path: str, options: "CheckOptions") -> None:
    from clusterctl.diff.plans import textconv

    listed = textconv(path, options)
    if listed is not None:
        sys.stdout.write(listed)
        return
    from clusterctl.errors import LoadError
    from clusterctl.source.reading import read_bytes

    try:  # not a usable plan: git shows the file as it is (a regular file, size-capped)
        data = read_bytes(Path(path), path, options.lang)
    except LoadError as exc:
        raise fail_usage(f"{path}: {exc.describe(options.lang)}") from None
    sys.stdout.write(data.decode("utf-8", "replace"))


def _show(report: "DiffReport", fmt: str, stat: bool, lang: str) -> None:
    from clusterctl.output import diffs

    if stat:
        sys.stdout.write("\n".join(diffs.stat_lines(report, lang)) + "\n")
    elif fmt == "json":
        from clusterctl.output.machine import render_json

        sys.stdout.write(render_json({"changed": report.changed,
                                      "changes": diffs.records(report)}).decode("utf-8"))
    elif fmt == "md":
        sys.stdout.write(diffs.render_markdown(report, lang))
    elif sys.stdout.isatty():
        from rich.console import Console
        from rich.text import Text

        console = Console(highlight=False)
        colours = {"heading": "bold", "added": "green", "removed": "red", "changed": "yellow"}
        for style, line in diffs.text_lines(report, lang):
            console.print(Text(line, style=colours.get(style, "")))
    else:
        sys.stdout.write("\n".join(line for _, line in diffs.text_lines(report, lang)) + "\n")
