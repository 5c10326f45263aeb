"""`export ics`: the plans as a calendar file for a phone or a desktop calendar."""

import sys
from typing import Annotated

import typer

from clusterctl.cli.base import (
    App,
    AsOfOpt,
    CacheDirOpt,
    ClusterOpt,
    JobsOpt,
    LangOpt,
    NoCacheOpt,
    PathsArg,
    ProjectOpt,
    ResponsibleOpt,
    Running,
    StageOpt,
    StatusOpt,
    app,
)
from clusterctl.cli.query_cmds import Asked

export_app = App(
    name="export",
    help="Выгрузка планов в другие форматы: календарь (ics).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(export_app, name="export")


@export_app.command("ics")
def export_ics(
    paths: PathsArg = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Записать в файл (по умолчанию — на экран)."),
    ] = None,
    as_of: AsOfOpt = None,
    project: ProjectOpt = None,
    stage: StageOpt = None,
    cluster: ClusterOpt = None,
    responsible: ResponsibleOpt = None,
    status: StatusOpt = None,
    reminders: Annotated[
        bool, typer.Option("--reminders/--no-reminders",
                           help="Добавить анонсы, пресс-релизы, отчёты и совещания.")
    ] = True,
    name: Annotated[
        str | None, typer.Option("--name", help="Название календаря.")
    ] = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    jobs: JobsOpt = None,
    lang: LangOpt = None,
) -> None:
    """Календарь RFC 5545 (.ics): событие на весь день на каждый срок, напоминания по
    правилам работы; повторный импорт обновляет события, а не дублирует их."""
    from clusterctl.export.ics import calendar

    asked = Asked(paths, as_of, lang, "table", project, stage, cluster, responsible, status,
                  Running(no_cache, cache_dir, jobs))
    data = calendar(asked.digests, asked.today, asked.filters, lang=asked.lang,
                    reminders=reminders, name=name)
    if output:
        from clusterctl.source.writing import write_atomic

        write_atomic(output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    asked.finish()
