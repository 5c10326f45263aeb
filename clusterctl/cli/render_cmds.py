"""`render` and `templates`: documents from the plan through Jinja templates."""

import datetime
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clusterctl.cli.base import (
    App,
    AsOfOpt,
    CacheDirOpt,
    JobsOpt,
    LangOpt,
    NoCacheOpt,
    Running,
    app,
    check_format,
    complete_render_args,
    complete_template_file,
    complete_template_name,
    day_option,
    fail_usage,
    plans_for_query,
    say_skipped,
    say_unread,
    today_or,
)

if TYPE_CHECKING:
    from clusterctl.check import FileResult
    from clusterctl.documents.bounded import Limits
    from clusterctl.documents.context.letters import LetterCtx
    from clusterctl.documents.context.values import ItemCtx
    from clusterctl.documents.render import Renderer
    from clusterctl.runner import Plans

templates_app = App(
    name="templates",
    help="Шаблоны документов: список, просмотр, копирование для правки.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
app.add_typer(templates_app, name="templates")


def _date_option(value: str | None, option: str, lang: str) -> datetime.date | None:
    return None if value is None else day_option(value, option, lang)


@dataclass(slots=True)
class _Job:
    kind: str | None
    task: str | None
    paths: list[str]


def _parse_args(args: list[str], template: str | None, task: str | None, lang: str) -> _Job:
    from clusterctl.documents.context.kinds import KINDS, LETTER_KINDS
    from clusterctl.i18n import t

    if template is not None:
        return _Job(None, task, args)
    kinds = ", ".join(KINDS)
    if not args:
        raise fail_usage(t("render.need-kind", lang, kinds=kinds))
    kind, rest = args[0], args[1:]
    if kind not in KINDS:
        raise fail_usage(t("render.unknown-kind", lang, kind=repr(kind), kinds=kinds))
    if kind in LETTER_KINDS and task is None:
        if not rest:
            raise fail_usage(t("render.need-task", lang, kind=kind))
        task, rest = rest[0], rest[1:]
    return _Job(kind, task, rest)


def _select(plans: "Plans", project: str | None, lang: str) -> "list[FileResult]":
    from clusterctl.i18n import t

    usable = plans.usable
    if project is None:
        return usable
    chosen = [r for r in usable if r.digest is not None and (
        r.digest.project == project or Path(r.file).stem == project)]
    if not chosen and any(Path(r.file).stem == project for r in plans.skipped):
        raise typer.Exit(1)  # its errors are already reported
    if not chosen:
        known = ", ".join(r.digest.project for r in usable if r.digest is not None) or "—"
        raise fail_usage(t("render.no-project", lang, project=repr(project), known=known))
    return chosen


def _find_task(items: "list[ItemCtx]", ref: str, stage: str | None, file: str, lang: str
               ) -> "ItemCtx":
    from clusterctl.documents.context.letters import find_task
    from clusterctl.i18n import t

    found = find_task(items, ref, stage)
    if len(found) == 1:
        return found[0]
    if not found:
        known = ", ".join(i.key for i in items if not i.is_step) or "—"
        raise fail_usage(t("render.no-task", lang, file=file, ref=repr(ref), known=known))
    keys = ", ".join(i.key for i in found)
    raise fail_usage(t("render.ambiguous-task", lang, file=file, ref=repr(ref), keys=keys))


def _warn_missing(letter: "LetterCtx", file: str, lang: str) -> None:
    from clusterctl.i18n import t

    what = t("render.letter." + letter.kind, lang)
    for item in letter.missing:
        typer.echo(f"{file}: warning letter-missing-field " + t(
            "render.letter-missing", lang, what=what, task=letter.task.key,
            label=t("letter." + item.key, lang), path=letter.task.path, source=item.source,
        ), err=True)


def _target(output: str | None, many: bool, lang: str) -> Path | None:
    """The folder to write into when -o names one (None: -o is a file or stdout)."""
    from clusterctl.i18n import t

    if output is None:
        if many:
            raise fail_usage(t("render.need-choice", lang))
        return None
    out = Path(output)
    if out.is_dir() or output.endswith(("/", "\\")):
        return out
    if many:
        raise fail_usage(t("render.need-folder", lang, output=output))
    return None


@app.command(context_settings={"allow_interspersed_args": True})
def render(
    args: Annotated[
        list[str] | None,
        typer.Argument(help="ВИД [МЕРОПРИЯТИЕ] [ПУТЬ…]: вид документа (roadmap, passport, "
                       "report, note, announcement, press-release, agenda), для анонса и "
                       "пресс-релиза — номер мероприятия, затем файлы или папки с планами.",
                       show_default=False, autocompletion=complete_render_args),
    ] = None,
    project: Annotated[
        str | None, typer.Option("--project", "-p", help="Проект (id) из нескольких.")
    ] = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="md, html, docx (Word), xlsx (Excel: roadmap, "
                     "report) или pdf; по умолчанию — по расширению -o, иначе md."),
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
        typer.Option("--template", help="Свой шаблон-файл (.j2) вместо вида документа.",
                     autocompletion=complete_template_file),
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
    pdfa: Annotated[
        bool, typer.Option("--pdfa", help="PDF: в виде PDF/A-3b — для архива (шрифты и "
                           "цветовой профиль внутри файла).")
    ] = False,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    jobs: JobsOpt = None,
    lang: LangOpt = None,
) -> None:
    """Документ из плана по шаблону: дорожная карта, паспорт, отчёт, справка, анонс,
    пресс-релиз, повестка (Markdown, HTML, Word, Excel или PDF)."""
    from clusterctl.check import CheckOptions
    from clusterctl.documents.bounded import Limits
    from clusterctl.documents.context.kinds import build_context, with_task
    from clusterctl.documents.render import (
        Renderer,
        TemplateProblem,
        check_template_file,
        render_limits,
        search_path,
        template_name,
    )
    from clusterctl.errors import WriteError
    from clusterctl.i18n import resolve_lang, t
    from clusterctl.model.calendar import half_year
    from clusterctl.runner import load_whole
    from clusterctl.source.writing import write_atomic

    language = resolve_lang(lang)
    today = today_or(as_of, language)
    job = _parse_args(list(args or []), template, task, language)
    if fmt is None:
        suffix = Path(output).suffix.lower() if output else ""
        fmt = _BY_SUFFIX.get(suffix, "md")
    check_format(fmt, DOCUMENT_FORMATS)
    _check_office_format(fmt, job.kind, template, output, pdfa, language)
    text_fmt = "html" if fmt == "pdf" else fmt  # a PDF is laid out from the HTML document
    if templates is not None and not Path(templates).is_dir():
        raise fail_usage(t("render.no-templates-folder", language, folder=templates))
    if template is not None:
        try:
            check_template_file(Path(template), language)
        except TemplateProblem as problem:
            raise fail_usage(f"--template: {problem.message}") from None
        if not Path(template).is_file():
            raise fail_usage(t("render.no-template-file", language, file=template))
    start, end = half_year(today)
    start = _date_option(date_from, "--from", language) or start
    end = _date_option(date_to, "--to", language) or end
    if start > end:
        raise fail_usage(t("render.from-after-to", language))

    options = CheckOptions(lang=language, today=today)
    plans = plans_for_query(job.paths, options, running=Running(no_cache, cache_dir, jobs))
    skipped = 1 if plans.skipped else 0
    chosen = _select(plans, project, language)
    if not chosen:
        raise typer.Exit(skipped or 1)
    folder = _target(output, len(chosen) > 1, language)
    status = skipped
    name = Path(template).name.removesuffix(".j2") if template else f"{job.kind}.{fmt}"
    for found in chosen:
        result = load_whole(found, options)
        if result.index is None or result.digest is None:  # changed since it was checked
            say_skipped([result], language)
            raise typer.Exit(1)
        ctx = build_context(
            result.index, result.digest, today, file=result.file, kind=job.kind,
            fmt=text_fmt, lang=language, template=template or "", period=(start, end),
            cluster=cluster,
        )
        if job.task is not None:
            with_task(ctx, _find_task(ctx["items"], job.task, stage, result.file, language))
        limits = Limits(seconds=timeout) if timeout is not None else render_limits()
        renderer = Renderer(search_path(templates, [Path(result.file).parent]), text_fmt,
                            language, limits)
        try:
            if fmt == "xlsx":
                data = _sheets(job.kind or "", ctx, result.file, today)
            elif fmt == "docx":
                data = _word(renderer, template, job.kind or "", ctx, today, limits, language)
            else:
                text = (renderer.render_file(template, ctx) if template is not None
                        else renderer.render(template_name(job.kind or "", text_fmt), ctx))
                data = (_pdf(text, ctx, today, limits, template or job.kind or "", language,
                             pdfa) if fmt == "pdf" else text.encode("utf-8"))
        except TemplateProblem as problem:
            typer.echo(problem.format(language), err=True)
            raise typer.Exit(1) from None
        letter = ctx["announcement"] if job.kind == "announcement" else (
            ctx["press_release"] if job.kind == "press-release" else None)
        if letter is not None and letter.missing:
            _warn_missing(letter, result.file, language)
            if strict:
                status = 1
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise WriteError(folder, exc) from None
            path = folder / f"{result.digest.project}.{name}"
            write_atomic(path, data)
            typer.echo(t("render.written", language, path=path), err=True)
        elif output is not None:
            write_atomic(output, data)
        else:
            sys.stdout.write(data.decode("utf-8"))
    say_unread([u for result in chosen for u in result.unread], language)
    if status:
        raise typer.Exit(status)


_BY_SUFFIX = {".html": "html", ".htm": "html", ".md": "md", ".docx": "docx", ".xlsx": "xlsx",
              ".pdf": "pdf"}
DOCUMENT_FORMATS = ("md", "html", "docx", "xlsx", "pdf")
_BINARY = ("docx", "xlsx", "pdf")


def _check_office_format(fmt: str, kind: str | None, template: str | None,
                         output: str | None, pdfa: bool, lang: str) -> None:
    """Usage errors of the office formats, before any plan is read."""
    from clusterctl.i18n import t
    from clusterctl.output.sheets import SHEET_KINDS

    if fmt in _BINARY and output is None:
        raise fail_usage(t("render.binary-needs-output", lang, format=fmt))
    if fmt == "xlsx" and (template is not None or kind not in SHEET_KINDS):
        raise fail_usage(t("render.xlsx-kinds", lang, kind=kind or "--template",
                           kinds=", ".join(SHEET_KINDS)))
    if pdfa and fmt != "pdf":
        raise fail_usage(t("render.pdfa-needs-pdf", lang, format=fmt))
    if fmt == "pdf":
        from clusterctl.documents.pdf import available

        why = available()
        if why is not None:
            raise fail_usage(t("pdf.missing", lang, reason=why))
    if template is not None and template.endswith(".docx") and fmt != "docx":
        raise fail_usage(t("render.word-template-is-docx", lang, format=fmt))
    if template is not None and fmt in ("docx", "pdf"):
        wanted = ".docx" if fmt == "docx" else ".html.j2"
        if not template.endswith(wanted):
            raise fail_usage(t("render.template-for-format", lang, format=fmt,
                               wanted=wanted))


def _sheets(kind: str, ctx: "dict[str, object]", file: str, today: datetime.date) -> bytes:
    from clusterctl.output.sheets import report_sheets, roadmap_sheets
    from clusterctl.output.xlsx import write_xlsx

    sheets = (roadmap_sheets if kind == "roadmap" else report_sheets)(ctx, file)
    return write_xlsx(sheets, today)


def _word(renderer: "Renderer", template: str | None, kind: str, ctx: "dict[str, object]",
          today: datetime.date, limits: "Limits", lang: str) -> bytes:
    from clusterctl.documents.word import find_template, render_docx, template_name

    path = Path(template) if template is not None else find_template(
        renderer.search, template_name(kind), lang)
    return render_docx(path, ctx, today, lang, limits)


def _pdf(html: str, ctx: "dict[str, object]", today: datetime.date, limits: "Limits",
         name: str, lang: str, archive: bool) -> bytes:
    from clusterctl.documents.pdf import html_to_pdf

    doc = ctx.get("doc")
    project = ctx.get("project")
    title = " — ".join(str(x) for x in (getattr(doc, "title", ""),
                                       getattr(project, "title", "")) if x)
    return html_to_pdf(html, title, today, limits, name, lang, archive)


# ---------------------------------------------------------------------------- templates


def _matches(token: str, fmt: str | None, lang: str) -> list[str]:
    from clusterctl.documents.render import builtin_templates
    from clusterctl.i18n import t

    names = builtin_templates()
    if token == "all":
        found = names
    elif token.endswith(".j2"):
        found = [token] if token in names else []
    else:
        found = [n for n in names if n.startswith(token + ".")]
    if token.endswith(".docx"):
        found = [token] if token in names else []
    if fmt is not None and not token.endswith((".j2", ".docx")):
        found = [n for n in found if f".{fmt}." in n or n.endswith(f".{fmt}") or (
            fmt != "docx" and not n.endswith(".docx")
            and not any(f".{f}." in n for f in ("md", "html")))]
    if not found:
        raise fail_usage(t("render.no-builtin", lang, token=repr(token)))
    return found


@templates_app.command("list")
def templates_list(
    templates: Annotated[
        str | None, typer.Option("--templates", help="Папка со своими шаблонами.")
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Виды документов и шаблоны: встроенные и переопределённые."""
    from clusterctl.documents.context.kinds import KINDS
    from clusterctl.documents.render import (
        FORMATS,
        builtin_dir,
        builtin_templates,
        search_path,
        template_name,
    )
    from clusterctl.i18n import resolve_lang, t

    language = resolve_lang(lang)
    folders = search_path(templates)
    builtins = builtin_dir()

    def where(name: str) -> str:
        for folder in folders:
            if (folder / name).is_file():
                return "" if folder == builtins else f"  ← {folder / name}"
        return ""

    for kind in KINDS:
        typer.echo(f"{kind:14} {t('render.kind.' + kind, language)}")
        for fmt in FORMATS:
            name = template_name(kind, fmt)
            typer.echo(f"{'':14}   {name}{where(name)}")
        word = kind + ".docx"
        typer.echo(f"{'':14}   {word}{where(word)}")
    typer.echo(t("render.shared-parts", language))
    for name in builtin_templates():
        if name.startswith("_") and name.endswith(".j2"):
            typer.echo(f"{'':14}   {name}{where(name)}")
    typer.echo(t("render.builtins", language, folder=builtins))


@templates_app.command("show")
def templates_show(
    kind: Annotated[str, typer.Argument(help="Вид документа (roadmap…) или имя файла шаблона.",
                                        autocompletion=complete_template_name)],
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="md, html или docx (по умолчанию md).")
    ] = None,
    templates: Annotated[
        str | None, typer.Option("--templates", help="Папка со своими шаблонами.")
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Показать текст шаблона (тот, что будет использован; у шаблона Word — его абзацы и
    ячейки таблиц с метками)."""
    from clusterctl.documents.render import Renderer, TemplateProblem, search_path
    from clusterctl.i18n import resolve_lang

    language = resolve_lang(lang)
    names = _matches(kind, fmt, language)
    if len(names) > 1:
        names = [n for n in names if ".md." in n] or names[:1]
    if names[0].endswith(".docx"):
        from clusterctl.documents.word import find_template, template_text

        try:
            path = find_template(search_path(templates), names[0], language)
        except TemplateProblem as problem:  # pragma: no cover - built-ins always exist
            typer.echo(problem.format(language), err=True)
            raise typer.Exit(1) from None
        typer.echo(f"{{# {path} #}}", err=True)
        sys.stdout.write(template_text(path))
        return
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
    kind: Annotated[str, typer.Argument(help="Вид документа, имя шаблона или all.",
                                        autocompletion=complete_template_name)],
    folder: Annotated[str, typer.Argument(help="Папка, куда скопировать (создаётся).")],
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="Только md, только html или только "
                                 "docx (шаблон Word).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Перезаписать существующие.")] = False,
    lang: LangOpt = None,
) -> None:
    """Скопировать встроенный шаблон в папку, чтобы изменить его."""
    from clusterctl.documents.render import builtin_dir
    from clusterctl.errors import WriteError
    from clusterctl.i18n import resolve_lang, t
    from clusterctl.source.writing import write_atomic

    language = resolve_lang(lang)
    names = _matches(kind, fmt, language)
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise fail_usage(t("render.not-a-folder", language, folder=folder))
    existing = [n for n in names if (target / n).exists()]
    if existing and not force:
        raise fail_usage(t("render.already-there", language,
                           files=", ".join(str(target / n) for n in existing)))
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(folder, exc) from None
    source = builtin_dir()
    for name in names:
        write_atomic(target / name, (source / name).read_bytes())
        typer.echo(t("render.copied", language, path=target / name))
    example = kind if kind not in ("all",) and not kind.startswith("_") else "roadmap"
    typer.echo(t("render.edit-then-run", language, example=example, folder=folder))
