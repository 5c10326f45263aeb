"""`init`: set up a plans repository (see `clusterctl.scaffold`).

Exit status: 0 (also when some files were there already: they are listed as skipped),
2 usage (the path is a file, git failed).
"""

from typing import Annotated

import typer

from clusterctl.cli.base import LangOpt, app


@app.command()
def init(
    folder: Annotated[
        str, typer.Argument(help="Папка репозитория планов (создаётся; по умолчанию текущая).",
                            show_default=False),
    ] = ".",
    bare: Annotated[
        bool, typer.Option("--bare", help="Без примера плана в plans/."),
    ] = False,
    hooks_repo: Annotated[
        str | None,
        typer.Option("--hooks-repo", help="Откуда pre-commit и CI ставят clusterctl "
                     "(адрес репозитория git; по умолчанию — основной)."),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Создать репозиторий планов: пример плана, README для команды, проверка в GitHub и
    GitLab, pre-commit, настройки VS Code, git diff по пунктам. Существующие файлы не
    перезаписываются."""
    from clusterctl.i18n import resolve_lang, t
    from clusterctl.scaffold import REPOSITORY
    from clusterctl.scaffold import init as set_up

    language = resolve_lang(lang)
    report = set_up(folder, bare=bare, repository=hooks_repo or REPOSITORY)
    if report.git_init:
        typer.echo(t("init.git-init", language, folder=folder))
    for name in report.created:
        typer.echo(t("init.created", language, name=name))
    for name in report.skipped:
        typer.echo(t("init.skipped", language, name=name))
    typer.echo(t("init.driver-" + report.driver, language))
    typer.echo(t("init.next", language, folder=folder))
