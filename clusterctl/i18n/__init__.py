"""The user's language: one message catalog per language, and the rules of each language
written once (plurals, quotes, a system error in words).

Every user-facing string of the package is a key of the catalogs `ru.py` and `en.py`
(pydantic's field descriptions, which are the schema's documentation, and the deadline
grammar's word lists excepted). `t(key, lang, **params)` fills a text's `{name}` placeholders
(`str.format` syntax: literal braces are doubled). Russian is the default language; English
is chosen with `--lang en` or `CLUSTERCTL_LANG=en`. Dates in words are in
`clusterctl.i18n.dates`.
"""

from __future__ import annotations

import errno
import importlib
import os
from typing import Any

LANGS = ("ru", "en")
DEFAULT_LANG = "ru"

_CATALOGS: dict[str, dict[str, str]] = {}


def resolve_lang(explicit: str | None = None) -> str:
    """The language to speak: the explicit choice, else $CLUSTERCTL_LANG, else Russian."""
    for candidate in (explicit, os.environ.get("CLUSTERCTL_LANG")):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in LANGS:
                return code
    return DEFAULT_LANG


def catalog(lang: str) -> dict[str, str]:
    """The messages of `lang` (imported on first use; an unknown language speaks English)."""
    lang = lang if lang in LANGS else "en"
    found = _CATALOGS.get(lang)
    if found is None:
        found = _CATALOGS[lang] = importlib.import_module(f"clusterctl.i18n.{lang}").MESSAGES
    return found


class _Params(dict[str, Any]):
    """Placeholders not given stay visible as `{name}` rather than failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def t(key: str, lang: str, /, **params: Any) -> str:
    """The text of `key` in `lang`, placeholders filled; KeyError for an unknown key."""
    return catalog(lang)[key].format_map(_Params(params))


def has(key: str, lang: str = DEFAULT_LANG) -> bool:
    return key in catalog(lang)


def message(code: str, lang: str, /, **params: Any) -> tuple[str, str]:
    """(message, hint) of a finding's code: `code` and `code.hint` ("" when it has none)."""
    hint = t(code + ".hint", lang, **params) if has(code + ".hint", lang) else ""
    return t(code, lang, **params), hint


def choose(n: int, forms: list[str] | tuple[str, ...], lang: str) -> str:
    """The one of a word's `forms` that goes with `n`: Russian has three («пункт, пункта,
    пунктов»: 1, 2–4, 5 and on, 11–14 with the last), English two (1, the rest)."""
    if lang == "ru" and len(forms) == 3:
        n100, n10 = abs(n) % 100, abs(n) % 10
        if n10 == 1 and n100 != 11:
            return forms[0]
        if 2 <= n10 <= 4 and not 12 <= n100 <= 14:
            return forms[1]
        return forms[2]
    return forms[0] if n == 1 else forms[-1]


def plural(n: int, key: str, lang: str) -> str:
    """The form of the catalog word `key` (forms separated by "|") that goes with `n`:
    «1 пункт, 2 пункта, 5 пунктов», "1 item, 2 items"."""
    return choose(n, t(key, lang).split("|"), lang)


def count(n: int, key: str, lang: str) -> str:
    """`n` and its word: «3 пункта», "3 items"."""
    return f"{n} {plural(n, key, lang)}"


def number(value: int, lang: str) -> str:
    """100000 -> «100 000» (Russian) / "100,000" (English)."""
    return f"{value:,}".replace(",", t("number.group", lang))


def file_size(size: int, lang: str, exact: bool = False) -> str:
    """A file size for messages: «9,0 МБ» / "9.0 MB"; small sizes in KB or bytes; `exact`:
    in bytes, «8 388 608 байт»."""
    if exact or size < 1024:
        return f"{number(size, lang)} {t('unit.bytes', lang)}"
    scaled, unit = (size / (1024 * 1024), "unit.mb") if size >= 1024 * 1024 else (
        size / 1024, "unit.kb")
    return f"{scaled:.1f}".replace(".", t("number.decimal", lang)) + " " + t(unit, lang)


def quote(value: object, lang: str) -> str:
    """A value quoted the way the language does: «...» in Russian, "..." in English."""
    return f"«{value}»" if lang == "ru" else f'"{value}"'


def either(values: list[str], lang: str) -> str:
    """«a», «b» или «c» / "a", "b" or "c"."""
    quoted = [quote(v, lang) for v in values]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + t("word.or", lang) + quoted[-1]


_ERRNO_KEYS = {
    errno.EACCES: "access", errno.EPERM: "permission", errno.ENOENT: "missing",
    errno.ENOTDIR: "not-dir", errno.EISDIR: "is-dir", errno.EEXIST: "exists",
    errno.ENOSPC: "no-space", errno.EROFS: "read-only-disk", errno.ELOOP: "loop",
    errno.ENAMETOOLONG: "long-name", errno.EIO: "io", errno.EBUSY: "busy",
    errno.ETXTBSY: "busy", errno.EMFILE: "too-many", errno.EDQUOT: "quota",
    errno.EXDEV: "cross-device", errno.ENXIO: "no-device", errno.EAGAIN: "again",
    errno.EFBIG: "too-big",
}


def os_reason(exc: OSError, lang: str) -> str:
    """Why a file operation failed, in the user's language (the system's own text, its
    `strerror`, is English)."""
    key = _ERRNO_KEYS.get(exc.errno or -1)
    if key is not None:
        return t("os." + key, lang)
    if lang == "en" and exc.strerror:
        return exc.strerror
    return t("os.other", lang, errno=exc.errno or "?")
