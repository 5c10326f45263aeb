"""The results cache: reused only when provably the same, corrupt entries never trusted."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from clusterctl.cache import Cache, Entry
from clusterctl.check import CheckOptions
from clusterctl.diagnostics import Diagnostic, Severity
from clusterctl.validate import RunOptions, validate_paths
from tests.conftest import PROJECTS

DAY = datetime.date(2022, 10, 16)
DIAG = Diagnostic("x.yaml", 3, 5, Severity.WARNING, "numbering", "m", "h", 3, 9)


def _entry(data: dict[str, object] | None = None) -> Entry:
    return Entry([DIAG], data, DAY, None)


def test_round_trip_and_separate_data(tmp_path: Path) -> None:
    cache = Cache.open(tmp_path, "ru||1")
    key = cache.key(b"plan bytes")
    cache.put(key, _entry({"version": "1", "project": {"id": "p"}}))
    plain = cache.get(key, "other.yaml", DAY)
    assert plain is not None
    assert plain.data is None  # validate does not read the plan data
    assert plain.diagnostics == [Diagnostic("other.yaml", 3, 5, Severity.WARNING, "numbering",
                                            "m", "h", 3, 9)]
    full = cache.get(key, "x.yaml", DAY, want_data=True)
    assert full is not None
    assert full.data == {"version": "1", "project": {"id": "p"}}


def test_keys_depend_on_bytes_and_options(tmp_path: Path) -> None:
    one, two = Cache.open(tmp_path, "ru||1"), Cache.open(tmp_path, "en||1")
    assert one.key(b"a") != one.key(b"b")
    assert one.key(b"a") != two.key(b"a")
    one.put(one.key(b"a"), _entry())
    assert two.get(two.key(b"a"), "x", DAY) is None


def test_corrupt_truncated_or_foreign_entries_are_ignored(tmp_path: Path) -> None:
    cache = Cache.open(tmp_path, "ru||1")
    key = cache.key(b"plan")
    cache.put(key, _entry({"a": "1"}))
    path = tmp_path / key[:2] / key[2:]
    good = path.read_bytes()
    for damaged in (
        good[:-1] + bytes([good[-1] ^ 1]),  # one flipped bit
        good[: len(good) // 2],  # truncated
        b"",  # empty
        b"not a cache file at all",
    ):
        path.write_bytes(damaged)
        assert cache.get(key, "x", DAY) is None
    path.write_bytes(good)
    other = cache.key(b"other plan")
    (tmp_path / other[:2]).mkdir(exist_ok=True)
    (tmp_path / other[:2] / other[2:]).write_bytes(good)  # right format, wrong key
    assert cache.get(other, "x", DAY) is None
    (tmp_path / key[:2] / (key[2:] + ".data")).unlink()
    assert cache.get(key, "x", DAY) is not None
    assert cache.get(key, "x", DAY, want_data=True) is None  # data gone: check again


def test_date_dependence(tmp_path: Path) -> None:
    cache = Cache.open(tmp_path, "ru||1")
    key = cache.key(b"plan")
    cache.put(key, Entry([], None, DAY, datetime.date(2022, 10, 1)))
    assert cache.get(key, "x", datetime.date(2023, 1, 1)) is not None  # both after
    assert cache.get(key, "x", datetime.date(2022, 9, 1)) is None  # future-date may differ
    cache.put(key, Entry([], None, datetime.date(2022, 9, 1), datetime.date(2022, 10, 1)))
    assert cache.get(key, "x", datetime.date(2022, 9, 1)) is not None  # same day
    assert cache.get(key, "x", DAY) is None


def test_a_damaged_cache_never_changes_the_answer(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(PROJECTS, plans)
    options = CheckOptions(lang="en", today=DAY)
    run = RunOptions(cache_dir=str(tmp_path / "cache"), jobs=1)
    fresh = validate_paths([str(plans)], options, RunOptions(jobs=1))
    validate_paths([str(plans)], options, run)
    for entry in (tmp_path / "cache").rglob("*"):
        if entry.is_file() and entry.name != ".gitignore":
            data = bytearray(entry.read_bytes())
            data[-3] ^= 0x20
            entry.write_bytes(bytes(data))
    again = validate_paths([str(plans)], options, run)
    assert [r.diagnostics for r in again] == [r.diagnostics for r in fresh]
    target = plans / "primorye-roadmap-2022.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("Шкурятская М.В.", "Шкуратская М.В."),
        encoding="utf-8",
    )
    changed = validate_paths([str(plans)], options, run)
    assert sum(len(r.diagnostics) for r in changed) == sum(
        len(r.diagnostics) for r in fresh
    ) - 1
