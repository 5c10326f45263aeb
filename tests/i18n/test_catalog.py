"""The message catalogs: the same keys in every language, every text formats, every key is
used, and no user-facing Russian is left outside them."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from clusterctl.i18n import LANGS, catalog, choose, plural, t

PACKAGE = Path(__file__).resolve().parents[2] / "clusterctl"


@pytest.mark.parametrize("lang", LANGS)
def test_no_key_is_in_two_areas(lang: str) -> None:
    """A catalog is merged from its areas: a key in two would silently lose one text."""
    import importlib

    areas = [importlib.import_module(f"clusterctl.i18n.{lang}.{area}").MESSAGES
             for area in ("plans", "commands", "documents")]
    assert sum(len(a) for a in areas) == len(catalog(lang))


def test_every_language_has_the_same_keys() -> None:
    keys = {lang: set(catalog(lang)) for lang in LANGS}
    assert keys["ru"] == keys["en"], {
        "only ru": sorted(keys["ru"] - keys["en"]), "only en": sorted(keys["en"] - keys["ru"])}


GRAMMAR_DIFFERS = {
    "cli.summary",  # English counts with words, Russian with numbers
    "edit.reschedule-no-due",  # «у мероприятия» (genitive) / "Task" (capitalised)
}


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_formats_and_names_the_same_placeholders(lang: str) -> None:
    """A stray brace would raise while reporting (it once did: «{»); a placeholder only one
    language has would show as `{name}` in the other."""
    for key, text in catalog(lang).items():
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        other = catalog("en" if lang == "ru" else "ru")[key]
        other_names = {name for _, name, _, _ in string.Formatter().parse(other) if name}
        if key not in GRAMMAR_DIFFERS:
            assert names == other_names, key
        t(key, lang, **{n: "x" for n in names})  # raises on a stray brace


def _used_keys() -> set[str]:
    """Every string constant in the package (keys are written whole or as a prefix)."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if path.parent.name in LANGS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_every_key_is_used() -> None:
    """A key nobody asks for is a message that was moved or forgotten. A key may be built
    from a prefix ("status." + value) or be a rule's code (`message(code)`, `code.hint`)."""
    used = _used_keys()
    prefixes = {u for u in used if u.endswith((".", "-"))}
    unused = []
    for key in catalog("ru"):
        base = key.removesuffix(".hint")
        if key in used or base in used or any(base.startswith(p) for p in prefixes):
            continue
        unused.append(key)
    assert not unused, unused


_CYRILLIC = re.compile("[а-яА-ЯёЁ]")


def test_no_russian_outside_the_catalogs() -> None:
    """User-facing text lives in the catalogs. Allowed outside them: docstrings and comments,
    the CLI's help texts (typer reads them from the code), the schema's field descriptions,
    the word lists of the deadline grammar, the window units, the names and the look-alike
    letters; the language rules of `clusterctl.i18n`; the words of Russian plan tables the
    import recognises (header synonyms, section and stage words, approval blocks, name
    patterns and their transliteration, Excel's TRUE and FALSE as a Russian Excel shows them);
    the texts of the built-in Word templates (made by code, as templates/*.j2 are text)."""
    allowed = {"model/grammar.py", "model/plan.py", "model/names.py", "model/calendar.py",
               "check/structure.py", "importing/headers.py", "importing/recognise.py",
               "importing/responsible.py", "importing/readers/sheets.py",
               "documents/word_builtins.py"}
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if (path.relative_to(PACKAGE).as_posix() in allowed
                or path.parent.name in ("i18n", "cli", *LANGS)):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {  # of modules, classes, functions and attributes
            id(node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        }
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docstrings and _CYRILLIC.search(node.value)):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value!r}")
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize(
    ("n", "form"),
    [(0, "пунктов"), (1, "пункт"), (2, "пункта"), (4, "пункта"), (5, "пунктов"),
     (11, "пунктов"), (12, "пунктов"), (14, "пунктов"), (21, "пункт"), (22, "пункта"),
     (101, "пункт"), (111, "пунктов"), (1000, "пунктов")],
)
def test_the_russian_plural_rule(n: int, form: str) -> None:
    assert choose(n, ("пункт", "пункта", "пунктов"), "ru") == form
    assert plural(n, "word.item", "ru") == form


def test_the_english_plural_rule() -> None:
    assert [plural(n, "word.item", "en") for n in (0, 1, 2)] == ["items", "item", "items"]
