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


def test_parts_are_kept_per_query_and_replaced(tmp_path: Path) -> None:
    from clusterctl.cache import dump_part, load_part

    cache = Cache.open(tmp_path, "ru||1")
    key = cache.key(b"plan")
    cache.put(key, _entry({"a": "1"}))
    assert cache.get_part(key, "OverdueQuery", "q1") is None
    cache.put_part(key, "OverdueQuery", "q1", dump_part(("part", DAY)))
    blob = cache.get_part(key, "OverdueQuery", "q1")
    assert blob is not None and load_part(blob) == ("part", DAY)
    assert cache.get_part(key, "OverdueQuery", "q2") is None  # another date or filter
    assert cache.get_part(key, "StatusQuery", "q1") is None  # another query
    cache.put_part(key, "OverdueQuery", "q2", dump_part("second"))  # replaces the slot
    assert cache.get_part(key, "OverdueQuery", "q1") is None
    path = tmp_path / key[:2] / (key[2:] + ".OverdueQuery")
    path.write_bytes(path.read_bytes()[:-3])
    assert cache.get_part(key, "OverdueQuery", "q2") is None  # damaged: not trusted


def test_a_part_never_builds_arbitrary_objects() -> None:
    """A cache folder may come from anywhere (a copied repository): a stored part is read by
    an unpickler that builds only plain values, dates and the query modules' value types."""
    import os
    import pickle

    import pytest

    from clusterctl.cache import PartRefused, dump_part, load_part
    from clusterctl.queries import Part, Vocab

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, ("echo pwned",))

    for hostile in (pickle.dumps(Evil()), pickle.dumps(Path("/")), pickle.dumps(print),
                    b"\x80\x05garbage", b""):
        with pytest.raises(PartRefused):
            load_part(hostile)
    part = Part(Vocab("p", ("s",), ("S",), (), frozenset({"c"})), None, [])
    assert load_part(dump_part(part)) == part


def test_value_types_pickle_as_tuples_and_refuse_a_state_of_another_shape() -> None:
    """`queries.tuple_state`: every field survives the round trip (through the cache's safe
    unpickler too), the frozen objects stay frozen, and a state with a field too many or too
    few (a part stored by another version) is refused, never half-built."""
    import copy
    import dataclasses
    import pickle

    import pytest

    from clusterctl.cache import dump_part, load_part
    from clusterctl.queries import OverdueItem, Participation, PersonItem

    work = dict(
        project="p", project_title="P", id="1.2", task_id="1", kind="step", title="T",
        result=None, due_phrase="до 01.12.2026", deadline_kind="before", start=None, due=DAY,
        status="planned", responsible=("Иванова И.И.",), stage="I", stage_title=None,
        cluster=None, cluster_title=None, rescheduled=2, is_event=True, place="Школа №1",
        path="stages[0].tasks[1].steps[0]",
    )
    values = [
        OverdueItem(**work, days_overdue=3),
        PersonItem(**work, days_left=None, overdue=True, owners=("person:иванова и.и",)),
        Participation(members=5, took_part=2, share=0.4, recorded=True, schools=("A", "B"),
                      absent=("C",)),
    ]
    for value in values:
        for back in (pickle.loads(pickle.dumps(value)), load_part(dump_part(value)),
                     copy.copy(value)):
            assert back == value and type(back) is type(value)
            assert [getattr(back, f.name) for f in dataclasses.fields(back)] == [
                getattr(value, f.name) for f in dataclasses.fields(value)
            ]
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(back, dataclasses.fields(back)[0].name, None)
        state = value.__getstate__()  # type: ignore[union-attr]
        assert state == tuple(getattr(value, f.name) for f in dataclasses.fields(value))
        for bad in (state[:-1], (*state, "extra")):
            blank = object.__new__(type(value))
            with pytest.raises(ValueError):
                blank.__setstate__(bad)  # type: ignore[union-attr]


def test_a_tampered_part_is_checked_again(tmp_path: Path) -> None:
    """A stored part that the safe unpickler refuses (digest recomputed, so only deliberate
    tampering gets this far) is never used: the file is checked again."""
    import hashlib
    import marshal
    import pickle

    from clusterctl.cache import _MAGIC
    from clusterctl.queries import OverdueQuery

    query = OverdueQuery(DAY)
    options = CheckOptions(lang="en", today=DAY)
    run = RunOptions(cache_dir=str(tmp_path), jobs=1, mapper=query.part,
                     mapper_key=query.cache_key())
    first = validate_paths([str(PROJECTS)], options, run)
    validate_paths([str(PROJECTS)], options, run)  # parts are kept from the second run on
    slots = sorted(tmp_path.glob("*/*.OverdueQuery"))
    assert len(slots) == 5
    for slot in slots:
        key = slot.parent.name + slot.name.split(".")[0]
        payload = marshal.dumps((key, query.cache_key()[1], pickle.dumps(Path("/etc"))))
        slot.write_bytes(_MAGIC + hashlib.blake2b(payload, digest_size=16).digest() + payload)
    again = validate_paths([str(PROJECTS)], options, run)
    assert [r.part for r in again] == [r.part for r in first]


def test_a_cache_folder_deleted_during_a_run_is_made_again(tmp_path: Path) -> None:
    """A cache object makes each folder once; if the cache is deleted meanwhile (someone
    clears it while a long check runs), one entry is lost and the next is written."""
    cache = Cache.open(tmp_path / "cache", "ru||1")
    first = cache.key(b"0")
    # keys whose files share the first key's folder (its two first hex digits)
    second, third = [k for k in (cache.key(b"%d" % n) for n in range(1, 4000))
                     if k[:2] == first[:2]][:2]
    cache.put(first, _entry({"n": "1"}))
    assert (tmp_path / "cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    shutil.rmtree(tmp_path / "cache")
    cache.put(second, _entry({"n": "2"}))  # the folder is gone: this one is lost, silently
    assert cache.get(second, "x.yaml", DAY) is None
    cache.put(third, _entry({"n": "3"}))
    found = cache.get(third, "x.yaml", DAY, want_data=True)
    assert found is not None and found.data == {"n": "3"}
    assert (tmp_path / "cache" / ".gitignore").is_file()
