"""The error hierarchy (copier-style): every failure the tool expects is a ClusterctlError.

An error carries a message key of the catalogs (`clusterctl.i18n`) and its parameters, and
says itself in the user's language with `describe(lang)`; the command line prints that and
exits with the error's `exit_status`: 2 for usage and I/O failures (nothing to check), 1 for
findings, a refused edit or a failed template. Anything else that escapes is a bug: the
command line reports it in one line, never as a traceback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clusterctl.diagnostics import Diagnostic


class ClusterctlError(Exception):
    """Base class: a message key and its parameters."""

    exit_status = 2

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key, params)
        self.key = key
        self.params = params

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as what made it (errors cross from worker processes)."""
        return (_remake, (type(self), self.key, self.params))

    def describe(self, lang: str) -> str:
        from clusterctl.i18n import t

        return t(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.describe("en")


def _remake(cls: type[ClusterctlError], key: str, params: dict[str, Any]) -> ClusterctlError:
    error = cls.__new__(cls)
    ClusterctlError.__init__(error, key, **params)
    return error


class UserError(ClusterctlError):
    """Bad usage or unusable input (no such path, a bad option value): exit status 2."""


class WriteError(UserError):
    """A file that could not be written (or locked); the target is left as it was.

    `reason` is the system's error, or one of our own: "busy" (locked by another command
    too long), "no-folder" (the folder to write in does not exist), "read-only" (a file
    whose mode allows no writing) or "not-regular" (a device, a FIFO…)."""

    def __init__(self, path: str | object, reason: OSError | str) -> None:
        super().__init__("write.failed", path=str(path))
        self.path = str(path)
        self.reason = reason

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.reason))

    def why(self, lang: str) -> str:
        from clusterctl.i18n import os_reason, t

        reason = self.reason
        return os_reason(reason, lang) if isinstance(reason, OSError) else t(
            "write." + reason, lang)

    def describe(self, lang: str) -> str:
        from clusterctl.i18n import t

        return t("write.failed", lang, path=self.path, reason=self.why(lang))


class FilterError(UserError):
    """A filter value (`--project`, `--stage`, `--cluster`, `--responsible`, `--status`, a
    name for `who`) that matches nothing in the plans."""

    def __init__(self, option: str, value: str, closest: list[str], known: list[str]) -> None:
        super().__init__("filter.unknown", option=option, value=value)
        self.option = option
        """"project", "stage", "cluster", "responsible", "status" or "name"."""
        self.value = value
        self.closest = closest
        """The known values nearest to `value` (may be empty)."""
        self.known = known
        """All known values (for short lists such as statuses and stages)."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.option, self.value, self.closest, self.known))

    def describe(self, lang: str) -> str:
        from clusterctl.i18n import either, quote, t

        value = quote(self.value, lang)
        if self.option == "status":
            text = t("filter.unknown-status", lang, value=value, known=", ".join(self.known))
        else:
            text = t("filter.unknown", lang, what=t("filter-what." + self.option, lang),
                     value=value)
            if self.closest:
                text += t("filter.did-you-mean", lang, names=either(self.closest, lang))
            if self.option in ("project", "stage", "cluster") and self.known:
                text += t("filter.known", lang, known=", ".join(dict.fromkeys(self.known)))
        return text if self.option == "name" else f"--{self.option}: {text}"


class DeadlineError(ClusterctlError, ValueError):
    """A phrase that is not a deadline. `code` is what kind of problem: not_understood,
    impossible_date, needs_year, reversed_range, not_a_period; the message key says it in
    words (`deadline.…`), `hint_key` what to do."""

    exit_status = 1

    def __init__(self, code: str, key: str, /, hint: str = "", **params: Any) -> None:
        super().__init__(key, **params)
        self.code = code
        self.hint_key = hint or key + ".hint"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_remake_deadline, (self.code, self.key, self.hint_key, self.params))

    def _words(self, lang: str) -> dict[str, Any]:
        """The parameters, with those said in words in `lang`: a month's name
        (`month_in`: «сентябре», "September") and `days` («30 дней», "30 days")."""
        from clusterctl.i18n import plural, t

        words = dict(self.params)
        if "month" in words and 1 <= words["month"] <= 12:
            words["month_in"] = t(f"month.in.{words['month']}", lang)
        if "limit" in words:
            words["days"] = plural(words["limit"], "word.day", lang)
        return words

    def describe(self, lang: str) -> str:
        from clusterctl.i18n import t

        return t(self.key, lang, **self._words(lang))

    def hint(self, lang: str) -> str:
        from clusterctl.i18n import t

        return t(self.hint_key, lang, **self._words(lang))


def _remake_deadline(code: str, key: str, hint: str, params: dict[str, Any]) -> DeadlineError:
    return DeadlineError(code, key, hint=hint, **params)


class FindingsError(ClusterctlError):
    """Input that was read but is wrong: carries located diagnostics; exit status 1."""

    exit_status = 1

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("findings")
        self.diagnostics = diagnostics

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.diagnostics,))

    def describe(self, lang: str) -> str:
        return "; ".join(d.message for d in self.diagnostics)


class LoadError(FindingsError):
    """A plan file that could not be read or parsed into data."""


class TemplateError(ClusterctlError):
    """A template that is missing, broken, unsafe or over a limit (located by template file
    and line): exit status 1."""

    exit_status = 1


class PlanWriteError(ClusterctlError):
    """A plan edit that could not be applied; the file is left untouched: exit status 1.
    The edit commands take the language, so the message is ready."""

    exit_status = 1

    def __init__(self, text: str) -> None:
        super().__init__("edit.refused", text=text)
        self.text = text

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.text,))

    def describe(self, lang: str) -> str:
        return self.text


class ImportRefused(ClusterctlError):
    """An office or CSV file that cannot be imported as it is (a zip bomb, a password, no plan
    table, an old format with no converter): a message naming the file and what to do;
    exit status 1. The other files of the command are still imported. A parameter `what`
    names the kind of file found (pdf, rtf, html, image, text, xml, zip, binary, unknown),
    said in words."""

    exit_status = 1

    def describe(self, lang: str) -> str:
        from clusterctl.i18n import t

        params = dict(self.params)
        if "what" in params:
            params["what"] = t(f"import.what.{params['what']}", lang)
        return t(self.key, lang, **params)
