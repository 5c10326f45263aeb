"""`validate`, `when`, `schema`, `rules`: checking plans and deadline phrases."""

import datetime
import os
import sys
from typing import Annotated

import typer

from clusterctl.cli.base import (
    AsOfOpt,
    CacheDirOpt,
    JobsOpt,
    LangOpt,
    NoCacheOpt,
    PathsArg,
    Running,
    app,
    check_format,
    default_paths,
    end,
    fail_usage,
    run_options,
    today_or,
)

# ---------------------------------------------------------------------------- validate


@app.command()
def validate(
    paths: PathsArg = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="text, json или github (в GitHub Actions — github)."),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Предупреждения тоже ошибки.")] = False,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", help="Не проверять правило или код (можно повторять)."),
    ] = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    jobs: JobsOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
) -> None:
    """Проверить планы: ошибки и предупреждения с файлом, строкой и столбцом."""
    from clusterctl.check import CheckOptions
    from clusterctl.i18n import resolve_lang, t
    from clusterctl.output.reporters import FORMATS, report, summary
    from clusterctl.runner import run

    language = resolve_lang(lang)
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    check_format(fmt, FORMATS)
    options = CheckOptions(
        lang=language,
        today=today_or(as_of, language),
        ignore=frozenset(ignore or ()),
    )
    results = run(default_paths(paths), options, run_options(Running(no_cache, cache_dir, jobs)))
    if not results:
        raise fail_usage(t("path.none-to-check", language))
    diagnostics = [d for r in results for d in r.diagnostics]
    report(diagnostics, fmt, language)
    errors = sum(r.errors for r in results)
    warnings = sum(r.warnings for r in results)
    typer.echo(summary(len(results), errors, warnings, language), err=True)
    end(1 if errors or (strict and warnings) else 0)


# ---------------------------------------------------------------------------- when


@app.command()
def when(
    phrase: Annotated[str, typer.Argument(help="Срок, как его пишут: «До 26.09.2022».")],
    period: Annotated[
        str | None,
        typer.Option("--period", help="Период этапа или проекта: START..END (ГГГГ-ММ-ДД) "
                     "или фраза («2022-2023 учебный год»)."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text или json.")] = "text",
    lang: LangOpt = None,
) -> None:
    """Как clusterctl понимает срок: вид (date, range, before, ongoing, unscheduled,
    recurring), начало и конец."""
    import json

    from clusterctl.errors import DeadlineError
    from clusterctl.i18n import resolve_lang, t
    from clusterctl.model.deadlines import Period
    from clusterctl.model.deadlines import period as make_period
    from clusterctl.model.grammar import parse_deadline, parse_period

    language = resolve_lang(lang)
    check_format(fmt, ("text", "json"))
    bounds: Period | None = None
    if period:
        try:
            if ".." in period:
                start_text, end_text = period.split("..", 1)
                bounds = make_period(
                    datetime.date.fromisoformat(start_text.strip()),
                    datetime.date.fromisoformat(end_text.strip()),
                )
            else:
                bounds = parse_period(period)
        except ValueError:  # a DeadlineError is a ValueError too
            raise fail_usage(t("cli.bad-period", language, value=repr(period))) from None
    try:
        deadline = parse_deadline(phrase, bounds)
    except DeadlineError as exc:
        message = exc.describe(language)
        hint = exc.hint(language)
        if fmt == "json":
            typer.echo(json.dumps(
                {"text": phrase, "error": exc.code, "message": message, "hint": hint},
                ensure_ascii=False, indent=2,
            ))
        else:
            typer.echo(f"{exc.code}: {message}")
            if hint:
                typer.echo(f"    {t('cli.hint', language)}: {hint}")
        raise typer.Exit(1) from None
    data = deadline.to_dict()
    if fmt == "json":
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    typer.echo(f"{t('cli.when-kind', language)}: {data['kind']}")
    typer.echo(f"{t('cli.when-start', language)}: {data['start'] or '-'}")
    typer.echo(f"{t('cli.when-end', language)}: {data['end'] or '-'}")
    if data.get("recurrence"):
        typer.echo(f"{t('cli.when-recurrence', language)}: {data['recurrence']}")


# ---------------------------------------------------------------------------- schema, rules


@app.command()
def schema(
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Записать в файл, а не на экран.")
    ] = None,
) -> None:
    """JSON Schema формата плана (для автодополнения в VS Code)."""
    from clusterctl.model.schema import schema_text

    content = schema_text()
    if output:
        from clusterctl.source.writing import write_atomic

        write_atomic(output, content.encode("utf-8"))
    else:
        sys.stdout.write(content)


@app.command("rules")
def list_rules(lang: LangOpt = None) -> None:
    """Правила проверки: имя, коды и описание."""
    from clusterctl.check.rules import RULES

    for rule in RULES:
        codes = ", ".join(f"{code} ({sev.value})" for code, sev in rule.codes.items())
        typer.echo(f"{rule.name}: {codes}")
        for line in rule.doc.splitlines():
            typer.echo(f"    {line.strip()}")


