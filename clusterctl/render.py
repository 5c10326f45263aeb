"""Documents from templates: a sandboxed Jinja environment over the template folders.

Templates are looked up, first match wins, in:

1. the folder given with ``--templates DIR``;
2. ``templates/`` next to the plans (a plans repository can carry its own);
3. the built-in templates (``templates/`` of a source checkout, ``clusterctl/_templates`` of an
   installed wheel).

A document kind ``roadmap`` in format ``html`` is the template ``roadmap.html.j2``; shared
parts start with an underscore (``_base.html.j2``, ``_macros.md.j2``). The environment is an
``ImmutableSandboxedEnvironment`` with ``StrictUndefined``: a misspelt variable, a syntax
error, a missing include, an unsafe attribute (``__class__``…) or a path outside the template
folders is a `TemplateProblem` naming the template file and line. HTML templates are
autoescaped. jinja2 and babel are imported on first use only.

The context is built by `clusterctl.doccontext`; the filters are listed in `FILTERS` and
documented, with every variable, in docs/templates.md.
"""

from __future__ import annotations

import datetime
import difflib
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from clusterctl import datefmt
from clusterctl.errors import TemplateError

if TYPE_CHECKING:
    from jinja2 import BaseLoader, Environment

    from clusterctl.bounded import Limits

__all__ = [
    "FORMATS",
    "KINDS",
    "LETTER_KINDS",
    "Renderer",
    "TemplateProblem",
    "builtin_dir",
    "builtin_templates",
    "search_path",
    "template_name",
]

KINDS: tuple[str, ...] = (
    "roadmap", "passport", "report", "note", "announcement", "press-release", "agenda",
)
LETTER_KINDS: tuple[str, ...] = ("announcement", "press-release")
FORMATS: tuple[str, ...] = ("md", "html")
SUFFIX = ".j2"

_PACKAGE = Path(__file__).resolve().parent


def template_name(kind: str, fmt: str) -> str:
    """roadmap, html -> roadmap.html.j2"""
    return f"{kind}.{fmt}{SUFFIX}"


def builtin_dir(package: Path = _PACKAGE) -> Path:
    """The built-in templates: `_templates` inside an installed wheel, else the checkout's
    top-level `templates/`."""
    installed = package / "_templates"
    if installed.is_dir():
        return installed
    return package.parent / "templates"


def builtin_templates() -> list[str]:
    """Names of the built-in template files, sorted."""
    folder = builtin_dir()
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(SUFFIX))


def search_path(templates: str | Path | None, plan_dirs: Iterable[str | Path] = ()) -> list[Path]:
    """The folders templates are looked up in, first match wins (see the module doc)."""
    out: list[Path] = []
    seen: set[str] = set()

    def add(folder: Path) -> None:
        key = os.path.realpath(folder)
        if key not in seen and folder.is_dir():
            seen.add(key)
            out.append(folder)

    if templates is not None:
        add(Path(templates))
    for plan_dir in plan_dirs:
        add(Path(plan_dir) / "templates")
    add(builtin_dir())
    return out


# ============================================================================ errors


_MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "template-syntax": {
        "ru": ("ошибка в записи шаблона: {detail}",
               "Проверьте парность {{{{ }}}}, {{% %}} и закрывающие {{% end… %}} "
               "(docs/templates.md)."),
        "en": ("template syntax error: {detail}",
               "Check that {{{{ }}}}, {{% %}} and the closing {{% end… %}} tags match "
               "(docs/templates.md)."),
    },
    "template-undefined": {
        "ru": ("в шаблоне неизвестная переменная или поле: {detail}",
               "{suggestion}Переменные и их поля перечислены в docs/templates.md."),
        "en": ("unknown variable or field in the template: {detail}",
               "{suggestion}The variables and their fields are listed in docs/templates.md."),
    },
    "template-not-found": {
        "ru": ("шаблон «{name}» не найден (искали в: {where})",
               "Проверьте имя; список встроенных шаблонов: clusterctl templates list."),
        "en": ("template '{name}' not found (looked in: {where})",
               "Check the name; the built-in templates: clusterctl templates list."),
    },
    "template-unsafe": {
        "ru": ("шаблон обращается к недоступному: {detail}",
               "Шаблоны работают в песочнице: служебные атрибуты (__class__ и т. п.) и файлы вне "
               "папок шаблонов недоступны."),
        "en": ("the template reaches for something it may not use: {detail}",
               "Templates run in a sandbox: private attributes (__class__ etc.) and files outside "
               "the template folders are refused."),
    },
    "template-not-a-file": {
        "ru": ("шаблон «{name}» — не обычный файл ({what})",
               "Шаблон должен быть текстовым файлом; уберите или переименуйте {where}."),
        "en": ("the template '{name}' is not a regular file ({what})",
               "A template must be a text file; remove or rename {where}."),
    },
    "template-limit": {
        "ru": ("шаблон превысил предел: {detail}",
               "Проверьте циклы, рекурсивные макросы и включения шаблона в самого себя; "
               "предел времени меняется параметром --timeout (docs/templates.md)."),
        "en": ("the template went over a limit: {detail}",
               "Check loops, recursive macros and templates that include themselves; the "
               "time limit is set with --timeout (docs/templates.md)."),
    },
    "template-error": {
        "ru": ("ошибка при заполнении шаблона: {detail}",
               "Проверьте выражение в этой строке шаблона (фильтры и их аргументы — "
               "docs/templates.md)."),
        "en": ("error while filling in the template: {detail}",
               "Check the expression on this line (filters and their arguments: "
               "docs/templates.md)."),
    },
}


class TemplateProblem(TemplateError):
    """A template that is missing, broken or unsafe, with its file and line when known.

    The texts of `_MESSAGES` are `str.format` patterns: literal braces are doubled."""

    def __init__(
        self, code: str, lang: str, file: str | None = None, line: int | None = None,
        **params: Any,
    ) -> None:
        entry = _MESSAGES[code]
        message, hint = entry.get(lang) or entry["en"]
        values = {"detail": "", "suggestion": "", "name": "", "where": "", **params}
        self._made = (code, lang, file, line, params)
        self.code = code
        self.file = file
        self.line = line
        self.message = message.format(**values)
        self.hint = hint.format(**values)
        super().__init__(self.message)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled as what made it (it crosses from the process that rendered)."""
        return (_problem, self._made)

    def format(self, lang: str = "ru") -> str:
        """`path:line: error template-… message` and an indented hint (for the CLI)."""
        where = self.file or "<template>"
        if self.line is not None:
            where += f":{self.line}"
        label = "подсказка" if lang == "ru" else "hint"
        return f"{where}: error {self.code} {self.message}\n    {label}: {self.hint}"


def _limit_words(exc: Any, lang: str) -> str:
    """What a LimitExceeded means, in words."""
    ru = lang == "ru"
    if exc.kind == "time":
        return (f"заполнение шаблона заняло больше {exc.limit:g} с" if ru
                else f"filling in the template took over {exc.limit:g} s")
    if exc.kind == "output":
        return (f"документ длиннее {exc.limit // (1024 * 1024)} млн знаков" if ru
                else f"the document is longer than {exc.limit // (1024 * 1024)} million "
                "characters")
    return (f"шаблону понадобилось больше {exc.limit // (1024 * 1024)} МБ памяти" if ru
            else f"the template needed over {exc.limit // (1024 * 1024)} MB of memory")


def _problem(code: str, lang: str, file: str | None, line: int | None,
             params: dict[str, Any]) -> TemplateProblem:
    return TemplateProblem(code, lang, file, line, **params)


def _shown(path: str) -> str:
    """A template path as users see it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return path
    return path if rel.startswith("..") else rel


def _location(tb: TracebackType | None, folders: Sequence[Path]) -> tuple[str | None, int | None]:
    """The innermost template frame of a traceback (jinja2 rewrites frames to template
    files and lines)."""
    roots = [os.path.realpath(f) + os.sep for f in folders]
    found: tuple[str | None, int | None] = (None, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(SUFFIX) or any(
            os.path.realpath(filename).startswith(root) for root in roots
        ):
            found = (_shown(filename), tb.tb_lineno)
        tb = tb.tb_next
    return found


_NO_ATTRIBUTE = re.compile(r"'(?P<type>[\w.]+) object' has no attribute '(?P<name>[^']+)'")
_UNDEFINED = re.compile(r"'(?P<name>[^']+)' is undefined")


def _suggestion(detail: str, top: Iterable[str], lang: str) -> str:
    from clusterctl.doccontext import field_names

    names: list[str] = []
    wanted = ""
    if m := _NO_ATTRIBUTE.search(detail):
        names = field_names(m["type"].rsplit(".", 1)[-1])
        wanted = m["name"]
    elif m := _UNDEFINED.search(detail):
        names = list(top)
        wanted = m["name"]
    close = difflib.get_close_matches(wanted, names, n=1, cutoff=0.6) if wanted else []
    if not close:
        return ""
    return (f"Возможно, имелось в виду «{close[0]}». " if lang == "ru"
            else f"Did you mean '{close[0]}'? ")


def _escapes(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ".." in parts or (len(name) > 1 and name[1] == ":")


# ============================================================================ filters


def _bounds(value: Any, end: Any = None) -> tuple[datetime.date | None, datetime.date | None]:
    """A date, or anything with `start` and `end` (a period, a deadline, a row)."""
    if value is None or isinstance(value, datetime.date):
        return value, end if end is not None else value
    start = getattr(value, "start", None)
    stop = getattr(value, "end", None)
    if getattr(value, "kind", None) == "before":
        start = None
    return start, stop


def f_day(value: Any, lang: str = "ru") -> str:
    """26.09.2022; a period gives «10.10.2022–14.10.2022»."""
    start, end = _bounds(value)
    if start is not None and start == end:
        return datefmt.day(start, lang)
    return datefmt.span(start, end, lang)


def f_day_long(value: Any, lang: str = "ru") -> str:
    """26 сентября 2022 г.; a period gives «январь–февраль 2014 г.»."""
    start, end = _bounds(value)
    if start is not None and start == end:
        return datefmt.day_long(start, lang)
    return datefmt.span_long(start, end, lang)


def f_span(value: Any, end: Any = None, lang: str = "ru") -> str:
    """`start|span(end)` or `period|span`: 10.10.2022–14.10.2022, «до 26.09.2022»."""
    start, stop = _bounds(value, end)
    return datefmt.span(start, stop, lang)


def f_span_long(value: Any, end: Any = None, lang: str = "ru") -> str:
    """`start|span_long(end)` or `period|span_long`: «январь–февраль 2014 г.»."""
    start, stop = _bounds(value, end)
    return datefmt.span_long(start, stop, lang)


def f_month_year(value: datetime.date | None, lang: str = "ru") -> str:
    """сентябрь 2022 г."""
    return datefmt.month_year(value, lang) if value is not None else ""


def f_weekday(value: datetime.date | None, lang: str = "ru") -> str:
    """понедельник"""
    return datefmt.weekday(value, lang) if value is not None else ""


def f_plural(n: int, one: str, few: str, many: str, with_number: bool = True) -> str:
    """`3|plural('день', 'дня', 'дней')` -> «3 дня» (the Russian plural rule)."""
    from clusterctl.doccontext import plural

    word = plural(int(n), one, few, many)
    return f"{n} {word}" if with_number else word


def f_percent(value: float | None, digits: int = 0) -> str:
    """0.4567 -> «46 %» ("" for None)."""
    if value is None:
        return ""
    number = round(100 * float(value), digits)
    text = f"{number:.{digits}f}".replace(".", ",")
    return f"{text}\u00a0%"


def f_names(values: Iterable[Any] | None, sep: str = ", ") -> str:
    """People, roles or organisations joined: «Чечуркина К.К., Руководители ОО»."""
    if not values:
        return ""
    out = []
    for value in values:
        if isinstance(value, str):
            out.append(value)
        else:
            out.append(str(getattr(value, "label", None) or getattr(value, "name", value)))
    return sep.join(out)


def f_line(value: Any) -> str:
    """Text on one line: line breaks and runs of spaces folded (a deadline phrase as the
    author wrote it over two lines, shown in a sentence or a cell)."""
    return "" if value is None else " ".join(str(value).split())


def f_cell(value: Any) -> str:
    """Text for a Markdown table cell: `|` escaped, line breaks as <br>."""
    if value is None:
        return ""
    text = str(value).replace("\\", "\\\\").replace("|", "\\|")
    return "<br>".join(line.strip() for line in text.splitlines() if line.strip())


def _markup() -> Any:
    from markupsafe import Markup

    return Markup


def f_nl2br(value: Any) -> Any:
    """HTML: the text escaped, line breaks as <br>."""
    from markupsafe import escape

    if value is None:
        return _markup()("")
    lines = [escape(line.strip()) for line in str(value).splitlines() if line.strip()]
    return _markup()("<br>").join(lines)


_SAFE_URL = re.compile(r"(?i)(https?://|mailto:)[^\s]+")


def f_link(value: Any, text: Any = None) -> Any:
    """HTML: a link for an http(s) or mailto URL; anything else («javascript:…», a typo) is
    shown as escaped text, never as a link."""
    from markupsafe import escape

    url = "" if value is None else str(value).strip()
    label = escape(url if text is None else text)
    if _SAFE_URL.fullmatch(url):
        return _markup()(f'<a href="{escape(url)}">{label}</a>')
    return _markup()(label)


def f_reminder(entry: Any, lang: str = "ru") -> str:
    """What a reminder or an `upcoming` entry asks for: «Анонс за 14 дней», «Повтор анонса
    накануне», «Пресс-релиз через 1–2 дня после мероприятия» (`reminders.reminder_label`)."""
    from clusterctl.reminders import reminder_label

    kind, offset = entry.kind, getattr(entry, "offset", None)
    first_after = None
    start = getattr(entry, "start", None)
    if kind == "press_release" and offset is not None and start is not None:
        first_after = offset - (entry.due - start).days
    return reminder_label(kind, offset, lang, first_after)


def f_gantt(timeline: Any, width: int = 1500) -> Any:
    """The timeline as inline SVG (one chart per stage); see clusterctl.gantt."""
    from clusterctl.gantt import gantt_svg

    return _markup()(gantt_svg(timeline, width=width))


FILTERS: dict[str, Callable[..., Any]] = {
    "day": f_day,
    "day_long": f_day_long,
    "span": f_span,
    "span_long": f_span_long,
    "month_year": f_month_year,
    "weekday": f_weekday,
    "plural": f_plural,
    "percent": f_percent,
    "names": f_names,
    "cell": f_cell,
    "line": f_line,
    "nl2br": f_nl2br,
    "link": f_link,
    "reminder": f_reminder,
    "gantt": f_gantt,
}


# ============================================================================ environment


MAX_RANGE = 10_000
"""Longest `range()` a template may make (Jinja's sandbox allows 100,000)."""
MAX_SEQUENCE = 1_000_000
"""Longest string or list a template may make with `*` or `+` in one step."""
MAX_OUTPUT = 50 * 1024 * 1024
"""Most characters one document may have (a 2,000-task roadmap is about 3 MB of HTML)."""


def _kind_of(mode: int, lang: str) -> str:
    import stat

    ru = lang == "ru"
    if stat.S_ISDIR(mode):
        return "папка" if ru else "a folder"
    if stat.S_ISFIFO(mode):
        return "именованный канал" if ru else "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "устройство" if ru else "a device"
    return "особый файл" if ru else "a special file"


def check_template_file(path: Path, lang: str) -> None:
    """Raise TemplateProblem when `path` exists but is not a regular file (a folder, a
    FIFO, a link to a device): a template is never silently taken from elsewhere."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        from clusterctl.i18n import os_reason

        raise TemplateProblem("template-not-a-file", lang, _shown(str(path)), None,
                              name=path.name, what=os_reason(exc, lang),
                              where=_shown(str(path))) from None
    if not stat.S_ISREG(mode):
        raise TemplateProblem("template-not-a-file", lang, _shown(str(path)), None,
                              name=path.name, what=_kind_of(mode, lang),
                              where=_shown(str(path)))


def _confined_loader(folder: Path, lang: str) -> BaseLoader:
    """A FileSystemLoader that also refuses symlinks leading out of its folder, and a name
    that is there but not a regular file (instead of going on to the next folder)."""
    from jinja2 import FileSystemLoader
    from jinja2.exceptions import SecurityError

    root = os.path.realpath(folder)

    class Confined(FileSystemLoader):
        def get_source(
            self, environment: Environment, template: str
        ) -> tuple[str, str, Callable[[], bool]]:
            if not _escapes(template):
                check_template_file(folder / template, lang)
            source, filename, uptodate = super().get_source(environment, template)
            real = os.path.realpath(filename)
            if os.path.commonpath([real, root]) != root:
                raise SecurityError(
                    f"{template}: the file lies outside the template folder {_shown(str(folder))}"
                )
            return source, filename, uptodate

    return Confined(str(folder))


def _sandbox() -> type[Environment]:
    """Jinja's immutable sandbox with bounds: `range()` up to MAX_RANGE, strings and lists
    made by `*` or `+` up to MAX_SEQUENCE items, powers of at most 10,000 bits, and no
    `lipsum()` (built only on first use: jinja2 is imported lazily)."""
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Bounded(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "+"})

        def __init__(self, **options: Any) -> None:
            super().__init__(**options)
            self.globals.pop("lipsum", None)
            self.globals["range"] = _bounded_range

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**":
                if (isinstance(left, int) and isinstance(right, int) and right > 0
                        and abs(left) > 1 and right * max(abs(left), 2).bit_length() > 10_000):
                    raise TooLarge(f"{left} ** {right}: слишком большое число",
                                   f"{left} ** {right} is too large a number")
                return left**right
            if operator == "*":
                for seq, count in ((left, right), (right, left)):
                    if isinstance(seq, (str, list, tuple)) and isinstance(count, int) and (
                        len(seq) * count > MAX_SEQUENCE
                    ):
                        raise TooLarge(
                            f"строка или список из {len(seq)} × {count} элементов длиннее "
                            f"предела ({MAX_SEQUENCE:,})".replace(",", " "),
                            f"a sequence of {len(seq)} × {count} items is over the limit "
                            f"({MAX_SEQUENCE:,})")
                return left * right
            if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)) \
                    and len(left) + len(right) > MAX_SEQUENCE:
                raise TooLarge(
                    f"строка или список длиннее предела ({MAX_SEQUENCE:,})".replace(",", " "),
                    f"a sequence over the limit ({MAX_SEQUENCE:,} items)")
            return left + right

    return Bounded


class TooLarge(Exception):
    """A template made (or asked for) a value over the sandbox's bounds."""

    def __init__(self, ru: str, en: str) -> None:
        super().__init__(ru, en)
        self.ru, self.en = ru, en


def _bounded_range(*args: int) -> range:
    made = range(*args)
    if len(made) > MAX_RANGE:
        raise TooLarge(
            f"range() из {len(made):,} чисел длиннее предела ({MAX_RANGE:,})".replace(",", " "),
            f"range() of {len(made):,} items is over the limit ({MAX_RANGE:,})")
    return made


def render_limits() -> Limits:
    """The limits of one render: CLUSTERCTL_RENDER_TIMEOUT (seconds) or the default."""
    from clusterctl.bounded import DEFAULT_SECONDS, Limits

    raw = os.environ.get("CLUSTERCTL_RENDER_TIMEOUT", "")
    try:
        seconds = float(raw) if raw else DEFAULT_SECONDS
    except ValueError:
        seconds = DEFAULT_SECONDS
    return Limits(seconds=seconds if 0 < seconds <= 86_400 else DEFAULT_SECONDS)


class Renderer:
    """Renders built-in or user templates from the folders of `search` (first match wins),
    each render in a child process within `limits` (see `clusterctl.bounded`)."""

    def __init__(self, search: Sequence[Path], fmt: str = "md", lang: str = "ru",
                 limits: Limits | None = None) -> None:
        self.search = list(search)
        self.fmt = fmt
        self.lang = lang
        self.limits = limits if limits is not None else render_limits()

    def _environment(self, folders: Sequence[Path]) -> Environment:
        from jinja2 import ChoiceLoader, StrictUndefined

        fmt = self.fmt

        def autoescape(name: str | None) -> bool:
            if name is None:
                return fmt == "html"
            base = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else name
            ext = base.rsplit(".", 1)[-1].lower() if "." in base else ""
            if ext in ("html", "htm", "svg", "xml"):
                return True
            if ext in ("md", "txt", "markdown"):
                return False
            return fmt == "html"

        env = _sandbox()(
            loader=ChoiceLoader([_confined_loader(f, self.lang) for f in folders]),
            undefined=StrictUndefined,
            autoescape=autoescape,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            finalize=lambda value: "" if value is None else value,
            auto_reload=False,
        )
        env.filters.update(FILTERS)
        return env

    def render(self, name: str, context: Mapping[str, Any]) -> str:
        """Render the template `name` (e.g. roadmap.md.j2) found on the search path."""
        return self._render(self.search, name, context)

    def render_file(self, path: str | Path, context: Mapping[str, Any]) -> str:
        """Render a user's template file; its folder is searched first (for its includes)."""
        file = Path(path)
        check_template_file(file, self.lang)
        return self._render([file.parent, *self.search], file.name, context)

    def _render(self, folders: Sequence[Path], name: str, context: Mapping[str, Any]) -> str:
        from clusterctl.bounded import LimitExceeded, run_bounded

        try:
            return run_bounded(self._render_here, folders, name, context, limits=self.limits)
        except LimitExceeded as exc:
            raise TemplateProblem("template-limit", self.lang, _shown(name), None,
                                  detail=_limit_words(exc, self.lang)) from None

    def _render_here(self, folders: Sequence[Path], name: str, context: Mapping[str, Any]
                     ) -> str:
        from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
        from jinja2.exceptions import SecurityError, TemplateRuntimeError

        from clusterctl.bounded import LimitExceeded

        lang = self.lang
        where = ", ".join(_shown(str(f)) for f in folders)
        env = self._environment(folders)
        try:
            template = env.get_template(name)
            parts: list[str] = []
            size = 0
            for part in template.generate(dict(context)):
                size += len(part)
                if size > MAX_OUTPUT:
                    raise LimitExceeded("output", MAX_OUTPUT)
                parts.append(part)
            return "".join(parts)
        except TemplateSyntaxError as exc:
            file = _shown(exc.filename) if exc.filename else exc.name
            raise TemplateProblem("template-syntax", lang, file, exc.lineno,
                                  detail=exc.message or str(exc)) from None
        except TemplateNotFound as exc:
            file, line = _location(exc.__traceback__, folders)
            missing = exc.name if isinstance(exc.name, str) else str(exc)
            if _escapes(missing):
                raise TemplateProblem(
                    "template-unsafe", lang, file or missing, line,
                    detail=(f"«{missing}» — выход за пределы папок шаблонов" if lang == "ru"
                            else f"'{missing}' lies outside the template folders"),
                ) from None
            raise TemplateProblem("template-not-found", lang, file, line, name=missing,
                                  where=where) from None
        except SecurityError as exc:
            file, line = _location(exc.__traceback__, folders)
            raise TemplateProblem("template-unsafe", lang, file or name, line,
                                  detail=str(exc)) from None
        except UndefinedError as exc:
            file, line = _location(exc.__traceback__, folders)
            detail = str(exc)
            top = list(context) + list(env.globals)
            raise TemplateProblem("template-undefined", lang, file or name, line, detail=detail,
                                  suggestion=_suggestion(detail, top, lang)) from None
        except TooLarge as exc:
            file, line = _location(exc.__traceback__, folders)
            raise TemplateProblem("template-limit", lang, file or name, line,
                                  detail=exc.ru if lang == "ru" else exc.en) from None
        except RecursionError as exc:
            file, _ = _location(exc.__traceback__, folders)
            raise TemplateProblem(
                "template-limit", lang, file or name, None,
                detail=("слишком глубокая рекурсия (макрос вызывает сам себя или шаблон "
                        "включает сам себя)" if lang == "ru" else
                        "recursion too deep (a macro calls itself or a template includes "
                        "itself)"),
            ) from None
        except (TemplateRuntimeError, TypeError, ValueError, AttributeError, KeyError,
                IndexError, ZeroDivisionError, OverflowError) as exc:
            file, line = _location(exc.__traceback__, folders)
            raise TemplateProblem("template-error", lang, file or name, line,
                                  detail=f"{type(exc).__name__}: {exc}") from None

    def source(self, name: str) -> tuple[Path, str]:
        """The file a template name resolves to on the search path, and its text."""
        for folder in self.search:
            candidate = folder / name
            if not _escapes(name):
                check_template_file(candidate, self.lang)
            if not _escapes(name) and candidate.is_file():
                return candidate, candidate.read_text(encoding="utf-8")
        raise TemplateProblem("template-not-found", self.lang, None, None, name=name,
                              where=", ".join(_shown(str(f)) for f in self.search))
