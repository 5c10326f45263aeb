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
    from clusterctl.messages import CATALOG

    entry = CATALOG[code]
    message, hint = entry.get(lang) or entry["en"]
    values = _SafeDict(params)
    return message.format_map(values), hint.format_map(values)


def quote(value: object, lang: str) -> str:
    """Quote a value the way the language does: «...» in Russian, "..." in English."""
    return f"«{value}»" if lang == "ru" else f'"{value}"'
