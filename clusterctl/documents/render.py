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

The context is built by `clusterctl.documents.context`; the filters are in
`clusterctl.documents.filters`; docs/templates.md documents every variable and filter. Each
render runs within limits of time, memory and output (`clusterctl.documents.bounded`).
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from clusterctl.errors import TemplateError
from clusterctl.i18n import message, number, t

if TYPE_CHECKING:
    from jinja2 import BaseLoader, Environment

    from clusterctl.documents.bounded import Limits

T = TypeVar("T")

__all__ = [
    "FORMATS",
    "Renderer",
    "TemplateProblem",
    "builtin_dir",
    "builtin_templates",
    "run_template",
    "sandboxed",
    "search_path",
    "template_name",
    "template_problem",
]

FORMATS: tuple[str, ...] = ("md", "html")
SUFFIX = ".j2"

_PACKAGE = Path(__file__).resolve().parent.parent
"""The package `clusterctl/` (its `_templates` in a wheel; `templates/` beside it in a
checkout)."""


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
    """Names of the built-in template files (Jinja text templates and Word templates),
    sorted."""
    folder = builtin_dir()
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((SUFFIX, ".docx")))


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


class TemplateProblem(TemplateError):
    """A template that is missing, broken, unsafe or over a limit, with its file and line
    when known (`template-…` codes of the catalogs)."""

    def __init__(
        self, code: str, lang: str, file: str | None = None, line: int | None = None,
        **params: Any,
    ) -> None:
        values = {"detail": "", "suggestion": "", "name": "", "where": "", **params}
        super().__init__(code, **values)
        self._made = (code, lang, file, line, params)
        self.code = code
        self.file = file
        self.line = line
        self.message, self.hint = message(code, lang, **values)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled as what made it (it crosses from the process that rendered)."""
        return (_problem, self._made)

    def format(self, lang: str = "ru") -> str:
        """`path:line: error template-… message` and an indented hint (for the CLI)."""
        where = self.file or "<template>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: error {self.code} {self.message}\n    {t('cli.hint', lang)}: {self.hint}"


def _limit_words(exc: Any, lang: str) -> str:
    """What a LimitExceeded means, in words."""
    if exc.kind == "time":
        return t("template.limit.time", lang, seconds=f"{exc.limit:g}")
    return t("template.limit." + exc.kind, lang, millions=exc.limit // (1024 * 1024))


def run_template(work: Callable[..., T], *args: Any, name: str, lang: str,
                 limits: Limits) -> T:
    """`work(*args)` (a text, Word or PDF document being made from the template `name`) in
    a child within `limits`; running out of time or memory is a `template-limit` problem
    naming the template."""
    from clusterctl.documents.bounded import LimitExceeded, run_bounded

    try:
        return run_bounded(work, *args, limits=limits)
    except LimitExceeded as exc:
        raise TemplateProblem("template-limit", lang, name, None,
                              detail=_limit_words(exc, lang)) from None


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
    from clusterctl.documents.context.kinds import field_names

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
    return t("structure.did-you-mean", lang, field=close[0])


def _escapes(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ".." in parts or (len(name) > 1 and name[1] == ":")


# ============================================================================ environment


MAX_RANGE = 10_000
"""Longest `range()` a template may make (Jinja's sandbox allows 100,000)."""
MAX_SEQUENCE = 1_000_000
"""Longest string or list a template may make with `*` or `+` in one step."""
MAX_OUTPUT = 50 * 1024 * 1024
"""Most characters one document may have (a 2,000-task roadmap is about 3 MB of HTML)."""


def _kind_of(mode: int, lang: str) -> str:
    import stat

    if stat.S_ISDIR(mode):
        kind = "folder"
    elif stat.S_ISFIFO(mode):
        kind = "pipe"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "device"
    else:
        kind = "special"
    return t("template.file-kind." + kind, lang)


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
                    raise TooLarge("template.limit.power", left=left, right=right)
                return left**right
            if operator == "*":
                for seq, count in ((left, right), (right, left)):
                    if isinstance(seq, (str, list, tuple)) and isinstance(count, int) and (
                        len(seq) * count > MAX_SEQUENCE
                    ):
                        raise TooLarge("template.limit.sequence-times", size=len(seq),
                                       times=count, limit=MAX_SEQUENCE)
                return left * right
            if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)) \
                    and len(left) + len(right) > MAX_SEQUENCE:
                raise TooLarge("template.limit.sequence", limit=MAX_SEQUENCE)
            return left + right

    return Bounded


class TooLarge(TemplateError):
    """A template made (or asked for) a value over the sandbox's bounds."""

    def describe(self, lang: str) -> str:
        shown = {key: number(value, lang) if isinstance(value, int) else value
                 for key, value in self.params.items()}
        return t(self.key, lang, **shown)


def _bounded_range(*args: int) -> range:
    made = range(*args)
    if len(made) > MAX_RANGE:
        raise TooLarge("template.limit.range", size=len(made), limit=MAX_RANGE)
    return made


def render_limits() -> Limits:
    """The limits of one render: CLUSTERCTL_RENDER_TIMEOUT (seconds) or the default."""
    from clusterctl.documents.bounded import DEFAULT_SECONDS, Limits

    raw = os.environ.get("CLUSTERCTL_RENDER_TIMEOUT", "")
    try:
        seconds = float(raw) if raw else DEFAULT_SECONDS
    except ValueError:
        seconds = DEFAULT_SECONDS
    return Limits(seconds=seconds if 0 < seconds <= 86_400 else DEFAULT_SECONDS)


def sandboxed(**options: Any) -> Environment:
    """The bounded sandbox every template runs in (text, HTML and Word): undefined names are
    errors, None prints as nothing, the filters of `clusterctl.documents.filters`."""
    from jinja2 import StrictUndefined

    from clusterctl.documents.filters import FILTERS

    env = _sandbox()(undefined=StrictUndefined, auto_reload=False,
                     finalize=lambda value: "" if value is None else value, **options)
    env.filters.update(FILTERS)
    return env


def template_problem(exc: BaseException, name: str, folders: Sequence[Path],
                     top: Sequence[str], lang: str, detail: str = "") -> TemplateProblem | None:
    """What went wrong in a template, as a TemplateProblem naming the template file and line
    (`name` when the traceback has none); None for an exception that is not the template's
    (a bug: the caller raises it again). `detail` is added to the message (the text around
    the place in a Word template)."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError, TemplateRuntimeError

    where = ", ".join(_shown(str(f)) for f in folders)
    if isinstance(exc, TemplateSyntaxError):
        shown = _shown(exc.filename) if exc.filename else (exc.name or name)
        return TemplateProblem("template-syntax", lang, shown, exc.lineno,
                               detail=(exc.message or str(exc)) + detail)
    file, line = _location(exc.__traceback__, folders)
    if isinstance(exc, TemplateNotFound):
        missing = exc.name if isinstance(exc.name, str) else str(exc)
        if _escapes(missing):
            return TemplateProblem("template-unsafe", lang, file or missing, line,
                                   detail=t("template.outside", lang, name=missing))
        return TemplateProblem("template-not-found", lang, file, line, name=missing,
                               where=where)
    if isinstance(exc, SecurityError):
        return TemplateProblem("template-unsafe", lang, file or name, line,
                               detail=str(exc) + detail)
    if isinstance(exc, UndefinedError):
        return TemplateProblem("template-undefined", lang, file or name, line,
                               detail=str(exc) + detail,
                               suggestion=_suggestion(str(exc), top, lang))
    if isinstance(exc, TooLarge):
        return TemplateProblem("template-limit", lang, file or name, line,
                               detail=exc.describe(lang))
    if isinstance(exc, RecursionError):
        return TemplateProblem("template-limit", lang, file or name, None,
                               detail=t("template.limit.recursion", lang))
    if isinstance(exc, (TemplateRuntimeError, TypeError, ValueError, AttributeError, KeyError,
                        IndexError, ZeroDivisionError, OverflowError)):
        return TemplateProblem("template-error", lang, file or name, line,
                               detail=f"{type(exc).__name__}: {exc}{detail}")
    return None


class Renderer:
    """Renders built-in or user templates from the folders of `search` (first match wins),
    each render in a child process within `limits` (see `clusterctl.documents.bounded`)."""

    def __init__(self, search: Sequence[Path], fmt: str = "md", lang: str = "ru",
                 limits: Limits | None = None) -> None:
        self.search = list(search)
        self.fmt = fmt
        self.lang = lang
        self.limits = limits if limits is not None else render_limits()

    def _environment(self, folders: Sequence[Path]) -> Environment:
        from jinja2 import ChoiceLoader

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

        return sandboxed(
            loader=ChoiceLoader([_confined_loader(f, self.lang) for f in folders]),
            autoescape=autoescape,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )

    def render(self, name: str, context: Mapping[str, Any]) -> str:
        """Render the template `name` (e.g. roadmap.md.j2) found on the search path."""
        return self._render(self.search, name, context)

    def render_file(self, path: str | Path, context: Mapping[str, Any]) -> str:
        """Render a user's template file; its folder is searched first (for its includes)."""
        file = Path(path)
        check_template_file(file, self.lang)
        return self._render([file.parent, *self.search], file.name, context)

    def _render(self, folders: Sequence[Path], name: str, context: Mapping[str, Any]) -> str:
        return run_template(self._render_here, folders, name, context, name=_shown(name),
                            lang=self.lang, limits=self.limits)

    def _render_here(self, folders: Sequence[Path], name: str, context: Mapping[str, Any]
                     ) -> str:
        from clusterctl.documents.bounded import LimitExceeded

        lang = self.lang
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
        except Exception as exc:
            problem = template_problem(exc, name, folders, list(context) + list(env.globals),
                                       lang)
            if problem is None:
                raise
            raise problem from None

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
