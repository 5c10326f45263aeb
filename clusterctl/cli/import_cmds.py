"""`import`: plan tables from Word, Excel, LibreOffice and CSV files become plans (see
`clusterctl.importing`).

Exit status: 0 imported with no findings; 1 imported with warnings (or errors) to look at,
or a file that could not be imported (a message naming it and what to do), or a plan that is
there already (never overwritten without --force); 2 usage or I/O (no such file, a bad
option, an output that cannot be written).
"""

from pathlib import Path
from typing import Annotated

import typer

from clusterctl.cli.base import LangOpt, app, fail_usage


@app.command("import")
def import_(
    files: Annotated[
        list[str],
        typer.Argument(help="Файлы с таблицей плана: .docx, .docm, .doc (через LibreOffice), "
                       ".xlsx, .xlsm, .xls, .ods, .odt, .csv.", show_default=False,
                       metavar="FILE..."),
    ],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Файл плана (один входной файл); по умолчанию — "
                     "рядом с исходным, с расширением .yaml."),
    ] = None,
    out_dir: Annotated[
        str | None,
        typer.Option("--out-dir", help="Папка для планов (несколько входных файлов)."),
    ] = None,
    table: Annotated[
        int | None,
        typer.Option("--table", min=1, help="Только таблица с этим номером (1, 2, …)."),
    ] = None,
    sheet: Annotated[
        str | None, typer.Option("--sheet", help="Только этот лист книги Excel/LibreOffice."),
    ] = None,
    columns: Annotated[
        str | None,
        typer.Option("--columns", help="Графы вручную: \"Сроки=due,Исполнитель=responsible\" "
                     "(поля: id, title, start, due, responsible, result, comment, extra, "
                     "skip)."),
    ] = None,
    project_id: Annotated[
        str | None, typer.Option("--id", help="Идентификатор проекта (латиницей)."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Показать, что распознано, и ничего не писать."),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Заменить план, если файл уже есть."),
    ] = False,
    lang: LangOpt = None,
) -> None:
    """Импорт плана из таблицы Word, Excel, LibreOffice или CSV: план в формате 1.1 с
    комментариями, откуда взята каждая строка; нераспознанные сроки — предупреждения с
    указанием ячейки."""
    import sys

    from clusterctl.errors import ClusterctlError, ImportRefused
    from clusterctl.i18n import resolve_lang, t
    from clusterctl.importing import ImportOptions, import_file
    from clusterctl.importing.headers import FIELDS, parse_columns_option
    from clusterctl.output.imports import dry_run as describe
    from clusterctl.output.reporters import report_text
    from clusterctl.source.writing import locked, write_atomic

    language = resolve_lang(lang)
    mapping: dict[str, str] = {}
    if columns is not None:
        try:
            mapping = parse_columns_option(columns)
        except ValueError as exc:
            raise fail_usage(t("import.bad-columns", language, part=str(exc),
                               fields=", ".join(FIELDS))) from None
    if output is not None and len(files) > 1:
        raise fail_usage(t("import.out-and-many", language, count=len(files)))
    targets: dict[str, Path] = {}
    for name in files:
        source = Path(name)
        if output is not None:
            target = Path(output)
        elif out_dir is not None:
            target = Path(out_dir) / (source.stem + ".yaml")
        else:
            target = source.with_suffix(".yaml")
        for other, known in targets.items():
            if known == target:
                raise fail_usage(t("import.same-out", language, a=other, b=name,
                                   path=str(target)))
        targets[name] = target
    if out_dir is not None and not dry_run:
        try:
            Path(out_dir).mkdir(parents=True, exist_ok=True)
        except OSError:
            raise fail_usage(t("import.out-dir-missing", language, path=out_dir)) from None
    options = ImportOptions(lang=language, table=table, sheet=sheet,
                            columns=tuple(mapping.items()), project_id=project_id)
    status = 0
    progress = None
    if len(files) > 1 and sys.stderr.isatty():
        from rich.progress import Progress

        progress = Progress(transient=True)
        progress.start()
    job = progress.add_task("import", total=len(files)) if progress is not None else None
    try:
        for name in files:
            target = targets[name]
            try:
                if not dry_run and target.exists() and not force:
                    typer.echo("clusterctl: " + t("import.exists", language, path=str(target)),
                               err=True)
                    status = max(status, 1)
                    continue
                imported = import_file(Path(name), name, options, out_name=str(target))
                if dry_run:
                    typer.echo(describe(imported, language), nl=False)
                else:
                    data = imported.text.encode("utf-8")
                    if target.exists():
                        with locked(target):
                            write_atomic(target, data)
                    else:
                        write_atomic(target, data)
                report_text(imported.diagnostics, sys.stdout, language)
                typer.echo(t("import.written", language, source=name,
                             path=str(target) if not dry_run else "—",
                             tasks=imported.recognised.tasks, steps=imported.recognised.steps,
                             errors=imported.errors, warnings=imported.warnings))
                if imported.diagnostics:
                    status = max(status, 1)
            except ImportRefused as exc:
                typer.echo("clusterctl: " + exc.describe(language), err=True)
                typer.echo("clusterctl: " + t("import.refused", language, source=name),
                           err=True)
                status = max(status, 1)
            except ClusterctlError as exc:  # no such file, an output that cannot be written
                typer.echo("clusterctl: " + exc.describe(language), err=True)
                status = 2
            finally:
                if progress is not None and job is not None:
                    progress.advance(job)
    finally:
        if progress is not None:
            progress.stop()
    if dry_run:
        typer.echo(t("import.dry-nothing-written", language))
    raise typer.Exit(status)
