"""Language selection and message lookup.

Every user-facing message has a code and a Russian and an English text (message and hint),
kept in `clusterctl.messages.CATALOG`. Russian is the default; English is chosen with
`--lang en` or `CLUSTERCTL_LANG=en`.
"""

from __future__ import annotations

import os
from typing import Any

LANGS = ("ru", "en")
DEFAULT_LANG = "ru"


def resolve_lang(explicit: str | None = None) -> str:
    """The language to speak: the explicit choice, else $CLUSTERCTL_LANG, else Russian."""
    for candidate in (explicit, os.environ.get("CLUSTERCTL_LANG")):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in LANGS:
                return code
    return DEFAULT_LANG


class _SafeDict(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def text(code: str, lang: str, **params: Any) -> tuple[str, str]:
    """(message, hint) for `code` in `lang`, with `params` filled in."""
    from clusterctl.messages import CATALOG, MESSAGES

    entry = CATALOG[code] if code in CATALOG else MESSAGES[code]
    message, hint = entry.get(lang) or entry["en"]
    values = _SafeDict(params)
    return message.format_map(values), hint.format_map(values)


def quote(value: object, lang: str) -> str:
    """Quote a value the way the language does: «...» in Russian, "..." in English."""
    return f"«{value}»" if lang == "ru" else f'"{value}"'


_OS_REASONS: dict[int, tuple[str, str]] = {}


def os_reason(exc: OSError, lang: str) -> str:
    """Why a file operation failed, in the user's language (the system's own text, its
    `strerror`, is English)."""
    import errno

    if not _OS_REASONS:
        _OS_REASONS.update({
            errno.EACCES: ("нет прав доступа", "permission denied"),
            errno.EPERM: ("операция не разрешена", "operation not permitted"),
            errno.ENOENT: ("нет такого файла или папки", "no such file or folder"),
            errno.ENOTDIR: ("часть пути — не папка", "a part of the path is not a folder"),
            errno.EISDIR: ("это папка", "it is a folder"),
            errno.EEXIST: ("файл уже существует", "the file already exists"),
            errno.ENOSPC: ("на диске нет места", "no space left on the disk"),
            errno.EROFS: ("диск только для чтения", "the disk is read-only"),
            errno.ELOOP: ("слишком много символических ссылок (или ссылка по кругу)",
                          "too many symbolic links (or a link loop)"),
            errno.ENAMETOOLONG: ("слишком длинное имя", "the name is too long"),
            errno.EIO: ("ошибка ввода-вывода", "input/output error"),
            errno.EBUSY: ("файл занят", "the file is busy"),
            errno.ETXTBSY: ("файл занят", "the file is busy"),
            errno.EMFILE: ("открыто слишком много файлов", "too many open files"),
            errno.EDQUOT: ("превышена квота диска", "disk quota exceeded"),
            errno.EXDEV: ("файлы на разных дисках", "the files are on different disks"),
            errno.ENXIO: ("нет такого устройства", "no such device"),
            errno.EAGAIN: ("файл сейчас недоступен", "the file is not available now"),
            errno.EFBIG: ("файл слишком большой", "the file is too large"),
        })
    found = _OS_REASONS.get(exc.errno or -1)
    if found is not None:
        return found[0] if lang == "ru" else found[1]
    if lang == "ru":
        return f"системная ошибка {exc.errno}" if exc.errno else "системная ошибка"
    return exc.strerror or type(exc).__name__
