"""The documentation's examples are real: the annotated example plan validates cleanly, and
every rule and code is documented."""

from __future__ import annotations

import datetime
import re

from clusterctl.check import CheckOptions, check_bytes
from clusterctl.check.rules import RULES
from tests.conftest import ROOT


def _yaml_blocks(markdown: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", markdown, re.S)


def test_format_example_is_a_valid_plan() -> None:
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    example = _yaml_blocks(text)[0]
    result = check_bytes(
        example.encode("utf-8"), "docs/format.md",
        CheckOptions(lang="en", today=datetime.date(2022, 12, 1)),
    )
    assert result.plan is not None
    assert [d.code for d in result.diagnostics] == []
    assert len(result.plan.stages[0].tasks) == 5


def test_every_rule_and_code_is_documented() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"`{rule.name}`" in text, rule.name
        for code in rule.codes:
            assert f"`{code}`" in text, code


def test_every_finding_code_is_documented() -> None:
    """A finding's code is a catalog key without a dot (its hint is `code.hint`); the
    template problems are documented in docs/templates.md."""
    from clusterctl.i18n import catalog

    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    codes = [key for key in catalog("en") if "." not in key]
    assert len(codes) > 60
    for code in codes:
        if code.startswith(("yaml-syntax-", "template-")) or code in ("did-you-mean", "findings"):
            continue
        assert f"`{code}`" in text, code


def test_russian_guide_example_is_a_valid_plan() -> None:
    text = (ROOT / "docs" / "ru" / "README.md").read_text(encoding="utf-8")
    example = _yaml_blocks(text)[0]
    result = check_bytes(
        example.encode("utf-8"), "docs/ru/README.md",
        CheckOptions(lang="ru", today=datetime.date(2022, 10, 16)),
    )
    assert result.plan is not None
    assert [d.code for d in result.diagnostics] == []


def test_the_architecture_names_every_module() -> None:
    """docs/architecture.md has a row for every module of the package (the rules' modules
    as `check/rules/*.py`, the catalogs' files as `i18n/ru/`, `i18n/en/`)."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    package = ROOT / "clusterctl"
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        if name.startswith("check/rules/") and name not in ("check/rules/__init__.py",
                                                            "check/rules/base.py"):
            assert f"`{path.stem}`" in text, name
            continue
        if name.startswith(("i18n/ru/", "i18n/en/")):
            assert f"`{name.rsplit('/', 1)[0]}/`" in text, name
            continue
        if name.endswith("/__init__.py") and name.count("/") == 1 and name not in (
                "i18n/__init__.py", "cli/__init__.py"):
            assert f"**{name.split('/')[0]}/**" in text, name  # a package's heading
            continue
        if name == "documents/context/__init__.py":
            continue
        shown = name if "/" in name else f"clusterctl/{name}"
        assert f"`{shown}`" in text, name


def test_the_russian_guide_example_of_format_1_1_is_a_valid_plan() -> None:
    text = (ROOT / "docs" / "ru" / "README.md").read_text(encoding="utf-8")
    [example] = [b for b in _yaml_blocks(text) if b.startswith("version: 1.1")]
    result = check_bytes(example.encode("utf-8"), "docs/ru/README.md",
                         CheckOptions(lang="ru", today=datetime.date(2022, 10, 16)))
    assert result.plan is not None and result.plan.columns
    assert [d.code for d in result.diagnostics] == []
