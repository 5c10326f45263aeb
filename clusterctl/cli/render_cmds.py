"""`render` and `templates`: documents from the plan through Jinja templates."""

import datetime
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clusterctl.cli.app import (
    App,
    AsOfOpt,
    CacheDirOpt,
    JobsOpt,
    LangOpt,
    LoadedPlans,
    NoCacheOpt,
    Running,
    app,
    day_option,
    fail_usage,
    load_plans,
    say_unread,
    today_or,
)

if TYPE_CHECKING:
    from clusterctl.check import FileResult
    from clusterctl.doccontext import DocContext, ItemCtx, LetterCtx

KIND_HELP: dict[str, tuple[str, str]] = {
    "roadmap": ("дорожная карта: таблица плана по этапам, подпункты, отметки; в HTML — "
                "временная шкала", "the plan table by stage with steps and marks; HTML adds "
                "the timeline"),
    "passport": ("паспорт проекта: цели, задачи, участники, сроки, этапы, текущая стадия",
                 "the project passport: goals, objectives, participants, stages, current stage"),
    "report": ("отчёт о работе кластера за период (--from/--to; по умолчанию — текущее "
               "полугодие)", "the cluster report for a period (--from/--to; default: the "
               "current half-year)"),
    "note": ("аналитическая справка о ходе реализации на дату",
             "an analytic note on progress as of a date"),
    "announcement": ("анонс мероприятия TASK (письмо в ОУ за 14 дней до мероприятия)",
                     "the announcement of event TASK (sent 14 days before)"),
    "press-release": ("пресс-релиз мероприятия TASK (через 1–2 дня после мероприятия)",
                      "the press release of event TASK (1–2 days after)"),
    "agenda": ("повестка совещания: события на 1–2 месяца вперёд",
               "the meeting agenda: events of the next 1–2 months"),
}

templates_app = App(
    name="templates",
    help="Шаблоны документов: список, просмотр, копирование для правки.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
app.add_typer(templates_app, name="templates")


def _say(lang: str, ru: str, en: str) -> str:
    return ru if lang == "ru" else en


def _date_option(value: str | None, option: str, lang: str) -> datetime.date | None:
    return None if value is None else day_option(value, option, lang)


@dataclass(slots=True)
class _Job:
    kind: str | None
    task: str | None
    paths: list[str]


def _parse_args(args: list[str], template: str | None, task: str | None, lang: str) -> _Job:
    from clusterctl.render import KINDS, LETTER_KINDS

    if template is not None:
        return _Job(None, task, args)
    if not args:
        raise fail_usage(_say(lang, "укажите вид документа: ", "name a document kind: ")
                         + ", ".join(KINDS))
    kind, rest = args[0], args[1:]
    if kind not in KINDS:
        raise fail_usage(_say(lang, f"неизвестный вид документа {kind!r}; есть: ",
                              f"unknown document kind {kind!r}; known: ") + ", ".join(KINDS))
    if kind in LETTER_KINDS and task is None:
        if not rest:
            raise fail_usage(_say(
                lang, f"{kind}: укажите мероприятие (номер задачи), например: "
                      f"clusterctl render {kind} 3 projects/plan.yaml",
                f"{kind}: name the task, e.g. clusterctl render {kind} 3 projects/plan.yaml"))
        task, rest = rest[0], rest[1:]
    return _Job(kind, task, rest)


def _select(loaded: LoadedPlans, project: str | None, lang: str) -> "list[FileResult]":
    ok = loaded.ok
    if project is None:
        return ok
    chosen = [r for r in ok if r.plan is not None and (
        r.plan.project.id == project or Path(r.file).stem == project)]
    if not chosen and any(Path(r.file).stem == project for r in loaded.skipped):
        raise typer.Exit(1)  # its errors are already reported
    if not chosen:
        known = ", ".join(r.plan.project.id for r in ok if r.plan is not None) or "—"
        raise fail_usage(_say(lang, f"нет проекта {project!r}; есть: {known}",
                              f"no project {project!r}; there are: {known}"))
    return chosen


def _find_task(
    ctx: "DocContext", ref: str, stage: str | None, file: str, lang: str
) -> "ItemCtx":
    from clusterctl.doccontext import find_task

    found = find_task(ctx, ref, stage)
    if len(found) == 1:
        return found[0]
    if not found:
        known = ", ".join(i.key for i in ctx.items if not i.is_step) or "—"
        raise fail_usage(_say(lang, f"{file}: нет мероприятия {ref!r}; мероприятия: {known}",
                              f"{file}: no task {ref!r}; tasks: {known}"))
    keys = ", ".join(i.key for i in found)
    raise fail_usage(_say(
        lang, f"{file}: мероприятие {ref!r} есть в нескольких этапах ({keys}): уточните "
              f"--stage или запишите ЭТАП/НОМЕР",
        f"{file}: task {ref!r} is in several stages ({keys}): add --stage or write STAGE/ID"))


def _warn_missing(letter: "LetterCtx", file: str, lang: str) -> None:
    what = _say(lang, "анонс" if letter.kind == "announcement" else "пресс-релиз",
                letter.kind)
    for item in letter.missing:
        label = item.label if lang == "ru" else item.label_en
        typer.echo(
            f"{file}: warning letter-missing-field "
            + _say(lang, f"{what} мероприятия {letter.task.key}: не указано «{label}» "
                         f"(заполните в {letter.task.path}: {item.source})",
                   f"{what} of task {letter.task.key}: missing '{label}' "
                   f"(fill in {letter.task.path}: {item.source})"),
            err=True,
        )


def _target(output: str | None, many: bool, lang: str) -> Path | None:
    """The folder to write into when -o names one (None: -o is a file or stdout)."""
    if output is None:
        if many:
            raise fail_usage(_say(
                lang, "путь содержит несколько планов: выберите один (--project ID) или "
                      "укажите папку (-o ПАПКА/)",
                "the path holds several plans: choose one with --project ID or give a folder "
                "with -o DIR/"))
        return None
    out = Path(output)
    if out.is_dir() or output.endswith(("/", "\\")):
        return out
    if many:
        raise fail_usage(_say(
            lang, f"-o {output}: для нескольких планов нужна папка (или --project ID)",
            f"-o {output}: several plans need a folder (or --project ID)"))
    return None


@app.command(context_settings={"allow_interspersed_args": True})
def render(
    args: Annotated[
        list[str] | None,
        typer.Argument(help="ВИД [МЕРОПРИЯТИЕ] [ПУТЬ…]: вид документа (roadmap, passport, "
                       "report, note, announcement, press-release, agenda), для анонса и "
                       "пресс-релиза — номер мероприятия, затем файлы или папки с планами.",
                       show_default=False),
    ] = None,
    project: Annotated[
        str | None, typer.Option("--project", "-p", help="Проект (id) из нескольких.")
    ] = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="md или html (по умолчанию — по расширению -o, "
                     "иначе md)."),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Файл или папка (ПАПКА/<проект>.<вид>.<формат>); "
                     "по умолчанию — на экран."),
    ] = None,
    templates: Annotated[
        str | None, typer.Option("--templates", help="Папка со своими шаблонами (ищется первой).")
    ] = None,
    template: Annotated[
        str | None,
        typer.Option("--template", help="Свой шаблон-файл (.j2) вместо вида документа."),
    ] = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="Отчёт: начало периода (ГГГГ-ММ-ДД).")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Отчёт: конец периода (ГГГГ-ММ-ДД).")
    ] = None,
    cluster: Annotated[
        str | None, typer.Option("--cluster", help="Отчёт: только этот кластер (id).")
    ] = None,
    stage: Annotated[
        str | None, typer.Option("--stage", help="Этап мероприятия, если номера повторяются.")
    ] = None,
    task: Annotated[
        str | None,
        typer.Option("--task", help="Мероприятие для своего шаблона (переменные task, "
                     "announcement, press_release)."),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Незаполненные поля анонса — ошибка (код 1).")
    ] = False,
    timeout: Annotated[
        float | None,
        typer.Option("--timeout", min=1, max=86_400,
                     help="Предел времени на один документ, секунд (по умолчанию 30; "
                     "env CLUSTERCTL_RENDER_TIMEOUT)."),
    ] = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    jobs: JobsOpt = None,
    lang: LangOpt = None,
) -> None:
    """Документ из плана по шаблону: дорожная карта, паспорт, отчёт, справка, анонс,
    пресс-релиз, повестка (Markdown или HTML)."""
    from clusterctl.bounded import Limits
    from clusterctl.check import CheckOptions
    from clusterctl.doccontext import build_context, context_dict, half_year, with_task
    from clusterctl.i18n import resolve_lang
    from clusterctl.render import (
        FORMATS,
        Renderer,
        TemplateProblem,
        check_template_file,
        render_limits,
        search_path,
    )
    from clusterctl.writing import WriteError, write_atomic

    language = resolve_lang(lang)
    today = today_or(as_of, language)
    job = _parse_args(list(args or []), template, task, language)
    if fmt is None:
        suffix = Path(output).suffix.lower() if output else ""
        fmt = "html" if suffix in (".html", ".htm") else "md"
    if fmt not in FORMATS:
        raise fail_usage(f"--format: {fmt} (md, html)")
    if templates is not None and not Path(templates).is_dir():
        raise fail_usage(_say(language, f"--templates: нет папки {templates}",
                              f"--templates: no folder {templates}"))
    if template is not None:
        try:
            check_template_file(Path(template), language)
        except TemplateProblem as problem:
            raise fail_usage(f"--template: {problem.message}") from None
        if not Path(template).is_file():
            raise fail_usage(_say(language, f"--template: нет файла {template}",
                                  f"--template: no file {template}"))
    start, end = half_year(today)
    start = _date_option(date_from, "--from", language) or start
    end = _date_option(date_to, "--to", language) or end
    if start > end:
        raise fail_usage(_say(language, "--from позже --to", "--from is after --to"))

    loaded = load_plans(job.paths, CheckOptions(lang=language, today=today),
                        running=Running(no_cache, cache_dir, jobs))
    chosen = _select(loaded, project, language)
    if not chosen:
        raise typer.Exit(loaded.exit_code or 1)
    folder = _target(output, len(chosen) > 1, language)
    status = loaded.exit_code
    name = Path(template).name.removesuffix(".j2") if template else f"{job.kind}.{fmt}"
    for result in chosen:
        assert result.index is not None and result.plan is not None
        ctx = build_context(
            result.index, today, file=result.file, kind=job.kind, fmt=fmt, lang=language,
            template=template or "", period=(start, end), cluster=cluster,
        )
        if job.task is not None:
            with_task(ctx, _find_task(ctx, job.task, stage, result.file, language))
        renderer = Renderer(search_path(templates, [Path(result.file).parent]), fmt, language,
                            Limits(seconds=timeout) if timeout is not None else render_limits())
        try:
            if template is not None:
                text = renderer.render_file(template, context_dict(ctx))
            else:
                text = renderer.render(f"{job.kind}.{fmt}.j2", context_dict(ctx))
        except TemplateProblem as problem:
            typer.echo(problem.format(language), err=True)
            raise typer.Exit(1) from None
        letter = ctx.announcement if job.kind == "announcement" else (
            ctx.press_release if job.kind == "press-release" else None)
        if letter is not None and letter.missing:
            _warn_missing(letter, result.file, language)
            if strict:
                status = 1
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise WriteError(folder, exc) from None
            path = folder / f"{result.plan.project.id}.{name}"
            write_atomic(path, text.encode("utf-8"))
            typer.echo(_say(language, f"записано: {path}", f"written: {path}"), err=True)
        elif output is not None:
            write_atomic(output, text.encode("utf-8"))
        else:
            sys.stdout.write(text)
    say_unread([u for result in chosen for u in result.unread], language)
    if status:
        raise typer.Exit(status)


# ---------------------------------------------------------------------------- templates


def _matches(token: str, fmt: str | None, lang: str) -> list[str]:
    from clusterctl.render import builtin_templates

    names = builtin_templates()
    if token == "all":
        found = names
    elif token.endswith(".j2"):
        found = [token] if token in names else []
    else:
        found = [n for n in names if n.startswith(token + ".")]
    if fmt is not None and not token.endswith(".j2"):
        found = [n for n in found
                 if f".{fmt}." in n or not any(f".{f}." in n for f in ("md", "html"))]
    if not found:
        raise fail_usage(_say(lang, f"нет встроенного шаблона {token!r}; список: "
                              "clusterctl templates list",
                              f"no built-in template {token!r}; see clusterctl templates list"))
    return found


@templates_app.command("list")
def templates_list(
    templates: Annotated[
        str | None, typer.Option("--templates", help="Папка со своими шаблонами.")
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Виды документов и шаблоны: встроенные и переопределённые."""
    from clusterctl.i18n import resolve_lang
    from clusterctl.render import FORMATS, KINDS, builtin_dir, builtin_templates, search_path

    language = resolve_lang(lang)
    folders = search_path(templates)
    builtins = builtin_dir()

    def where(name: str) -> str:
        for folder in folders:
            if (folder / name).is_file():
                return "" if folder == builtins else f"  ← {folder / name}"
        return ""

    for kind in KINDS:
        ru, en = KIND_HELP[kind]
        typer.echo(f"{kind:14} {_say(language, ru, en)}")
        for fmt in FORMATS:
            name = f"{kind}.{fmt}.j2"
            typer.echo(f"{'':14}   {name}{where(name)}")
    typer.echo(_say(language, "Общие части (включаются в документы):",
                    "Shared parts (included by the documents):"))
    for name in builtin_templates():
        if name.startswith("_"):
            typer.echo(f"{'':14}   {name}{where(name)}")
    typer.echo(_say(language, f"Встроенные шаблоны: {builtins}", f"Built-in templates: {builtins}"))


@templates_app.command("show")
def templates_show(
    kind: Annotated[str, typer.Argument(help="Вид документа (roadmap…) или имя файла шаблона.")],
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="md или html (по умолчанию md).")
    ] = None,
    templates: Annotated[
        str | None, typer.Option("--templates", help="Папка со своими шаблонами.")
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Показать текст шаблона (тот, что будет использован)."""
    from clusterctl.i18n import resolve_lang
    from clusterctl.render import Renderer, TemplateProblem, search_path

    language = resolve_lang(lang)
    names = _matches(kind, fmt, language)
    if len(names) > 1:
        names = [n for n in names if ".md." in n] or names[:1]
    renderer = Renderer(search_path(templates), lang=language)
    try:
        path, text = renderer.source(names[0])
    except TemplateProblem as problem:  # pragma: no cover - built-ins always exist
        typer.echo(problem.format(language), err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{{# {path} #}}", err=True)
    sys.stdout.write(text)


@templates_app.command("copy")
def templates_copy(
    kind: Annotated[str, typer.Argument(help="Вид документа, имя шаблона или all.")],
    folder: Annotated[str, typer.Argument(help="Папка, куда скопировать (создаётся).")],
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="Только md или только html.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Перезаписать существующие.")] = False,
    lang: LangOpt = None,
) -> None:
    """Скопировать встроенный шаблон в папку, чтобы изменить его."""
    from clusterctl.i18n import resolve_lang
    from clusterctl.render import builtin_dir
    from clusterctl.writing import WriteError, write_atomic

    language = resolve_lang(lang)
    names = _matches(kind, fmt, language)
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise fail_usage(_say(language, f"{folder}: это не папка", f"{folder}: not a folder"))
    existing = [n for n in names if (target / n).exists()]
    if existing and not force:
        raise fail_usage(_say(
            language, f"уже есть: {', '.join(str(target / n) for n in existing)} "
                      "(--force, чтобы перезаписать)",
            f"already there: {', '.join(str(target / n) for n in existing)} (--force to "
            "overwrite)"))
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(folder, exc) from None
    source = builtin_dir()
    for name in names:
        write_atomic(target / name, (source / name).read_bytes())
        typer.echo(_say(language, f"скопировано: {target / name}", f"copied: {target / name}"))
    example = kind if kind not in ("all",) and not kind.startswith("_") else "roadmap"
    typer.echo(_say(
        language,
        f"Измените шаблон и запустите: clusterctl render {example} --templates {folder} ПЛАН "
        "(или положите шаблоны в папку templates/ рядом с планами).",
        f"Edit it, then run: clusterctl render {example} --templates {folder} PLAN "
        "(or keep templates in a templates/ folder next to the plans)."))
