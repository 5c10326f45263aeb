"""Property tests of the loader (hypothesis).

1. Data of dicts, lists and strings (Cyrillic included) dumped by PyYAML loads back equal,
   every scalar a string.
2. The source map puts every key where an independent parser (PyYAML's pure-Python composer)
   sees it.
3. No input at all makes `load_bytes` raise anything but `LoadError`, or `check_bytes` raise or
   report an internal error.
"""

from __future__ import annotations

import string
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clusterctl.check import CheckOptions, check_bytes
from clusterctl.errors import LoadError
from clusterctl.source.loader import load_bytes
from tests.conftest import TODAY


def _settings(examples: int) -> settings:
    # moderate: the whole file runs in a few seconds (a deeper fuzzing run found nothing)
    return settings(
        max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )

CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
# what methodists type: letters, digits, punctuation that YAML cares about, quotes, dashes,
# «ёлочки», №, spaces and line breaks; no control characters (refused on purpose)
ALPHABET = CYRILLIC + string.ascii_letters + string.digits + " \n.,:;!?-—–«»\"'#&*@`%|>[]{}()№/\\"

texts = st.text(alphabet=ALPHABET, max_size=40)
keys = st.from_regex(r"[a-z_][a-z0-9_]{0,11}", fullmatch=True)


def _plain(leaves: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.recursive(
        leaves,
        lambda children: st.lists(children, max_size=4)
        | st.dictionaries(keys, children, max_size=4),
        max_leaves=20,
    )


documents = st.dictionaries(keys, _plain(texts), min_size=1, max_size=6)


def _dump(data: dict[str, Any], flow: bool) -> str:
    return yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, default_flow_style=flow, width=60
    )


@_settings(80)
@given(data=documents, flow=st.booleans())
def test_dumped_data_loads_back_as_strings(data: dict[str, Any], flow: bool) -> None:
    text = _dump(data, flow)
    loaded = load_bytes(text.encode("utf-8"), "plan.yaml", "ru")
    assert loaded.data == data


@_settings(25)
@given(data=documents)
def test_numbers_and_dates_as_text_stay_text(data: dict[str, Any]) -> None:
    data = {**data, "zz_numbers": ["1.10", "yes", "2022-09-26", "0x1F", "~", "null", ""]}
    loaded = load_bytes(_dump(data, False).encode("utf-8"), "plan.yaml", "ru")
    assert loaded.data["zz_numbers"] == data["zz_numbers"]


@_settings(50)
@given(data=documents, flow=st.booleans())
def test_key_positions_match_an_independent_parser(data: dict[str, Any], flow: bool) -> None:
    text = _dump(data, flow)
    loaded = load_bytes(text.encode("utf-8"), "plan.yaml", "ru")
    node = yaml.compose(text, Loader=yaml.SafeLoader)  # the pure-Python parser
    assert isinstance(node, yaml.MappingNode)
    lines = text.split("\n")
    for key_node, value_node in node.value:
        key = key_node.value
        span = loaded.source.key_span((key,))
        assert (span.line, span.column) == (
            key_node.start_mark.line + 1, key_node.start_mark.column + 1
        ), key
        value_span = loaded.source.value_span((key,))
        assert value_span.line == value_node.start_mark.line + 1
        if not flow:
            # block style: the line of a top-level key starts with the key (maybe quoted)
            assert lines[span.line - 1].lstrip("'\"").startswith(key)


yamlish = st.text(
    alphabet=ALPHABET + "\t\r\x00\x0b\ufeff\u200b\u00a0 -:?!&*|>" + "ñ€",
    max_size=200,
)


@_settings(200)
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_only_ever_raise_load_error(data: bytes) -> None:
    _never_crashes(data)


@_settings(300)
@given(text=yamlish)
def test_arbitrary_text_only_ever_raises_load_error(text: str) -> None:
    _never_crashes(text.encode("utf-8"))


@_settings(60)
@given(data=documents, cut=st.integers(min_value=0, max_value=400), junk=yamlish)
def test_damaged_plans_only_ever_raise_load_error(data: dict[str, Any], cut: int,
                                                  junk: str) -> None:
    text = _dump(data, False)
    _never_crashes((text[:cut] + junk + text[cut:]).encode("utf-8"))


def _never_crashes(data: bytes) -> None:
    try:
        load_bytes(data, "plan.yaml", "ru")
    except LoadError as exc:
        assert exc.diagnostics
        for d in exc.diagnostics:
            assert d.line >= 1 and d.column >= 1
            assert "{" not in d.message or "{" in data.decode("utf-8", "replace")
    result = check_bytes(data, "plan.yaml", CheckOptions(today=TODAY))  # never raises
    codes = [d.code for d in result.diagnostics]
    assert "internal-error" not in codes, result.diagnostics
