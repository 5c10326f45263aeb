"""The results cache: reused only when provably the same, damaged entries never trusted, and a
stored digest never builds anything but a digest."""

from __future__ import annotations

import datetime
import hashlib
import marshal
import os
import pickle
import shutil
from pathlib import Path

import pytest

from clusterctl.cache import _MAGIC, Cache, DigestRefused, Entry, dump_digest, load_digest
from clusterctl.check import CheckOptions
from clusterctl.diagnostics import Diagnostic, Severity
from clusterctl.model.index import Unread
from clusterctl.runner import RunOptions, load_plans, run
from tests.conftest import PROJECTS
from tests.queries.test_queries import seed

DAY = datetime.date(2022, 10, 16)
DIAG = Diagnostic("x.yaml", 3, 5, Severity.WARNING, "numbering", "m", "h", 3, 9)
UNREAD = Unread("x.yaml", 7, 12, "p", "8.2", "due", "скоро")


def _entry(digest: bytes | None = None) -> Entry:
    return Entry([DIAG], DAY, None, [UNREAD], digest)


def test_round_trip_names_the_file_it_is_read_for(tmp_path: Path) -> None:
    cache = Cache(tmp_path, "ru||1")
    key = cache.key(b"plan bytes")
    digest = dump_digest(seed("primorye-roadmap-2022"))
    cache.put(key, _entry(digest))
    found = cache.get(key, "other.yaml", DAY)
    assert found is not None
    assert found.diagnostics == [Diagnostic("other.yaml", 3, 5, Severity.WARNING, "numbering",
                                            "m", "h", 3, 9)]
    assert found.unread == [UNREAD._replace(file="other.yaml")]
    assert found.digest == digest
    assert load_digest(found.digest) == seed("primorye-roadmap-2022")


def test_keys_depend_on_bytes_and_options(tmp_path: Path) -> None:
    one, two = Cache(tmp_path, "ru||1"), Cache(tmp_path, "en||1")
    assert one.key(b"a") != one.key(b"b")
    assert one.key(b"a") != two.key(b"a")
    one.put(one.key(b"a"), _entry())
    assert two.get(two.key(b"a"), "x", DAY) is None


def test_corrupt_truncated_or_foreign_entries_are_ignored(tmp_path: Path) -> None:
    cache = Cache(tmp_path, "ru||1")
    key = cache.key(b"plan")
    cache.put(key, _entry())
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
    assert cache.get(key, "x", DAY) is not None
    other = cache.key(b"other plan")
    (tmp_path / other[:2]).mkdir(exist_ok=True)
    (tmp_path / other[:2] / other[2:]).write_bytes(good)  # right format, wrong key
    assert cache.get(other, "x", DAY) is None


def test_only_a_regular_file_is_read(tmp_path: Path) -> None:
    cache = Cache(tmp_path, "ru||1")
    key = cache.key(b"plan")
    cache.put(key, _entry())
    path = tmp_path / key[:2] / key[2:]
    real = path.with_name("real")
    path.rename(real)
    path.symlink_to(real)  # the last step of the path is never followed
    assert cache.get(key, "x", DAY) is None
    path.unlink()
    os.mkfifo(path)  # never opened for reading as if it were a file (no hang)
    assert cache.get(key, "x", DAY) is None


def test_date_dependence(tmp_path: Path) -> None:
    cache = Cache(tmp_path, "ru||1")
    key = cache.key(b"plan")
    cache.put(key, Entry([], DAY, datetime.date(2022, 10, 1)))
    assert cache.get(key, "x", datetime.date(2023, 1, 1)) is not None  # both after
    assert cache.get(key, "x", datetime.date(2022, 9, 1)) is None  # future-date may differ
    cache.put(key, Entry([], datetime.date(2022, 9, 1), datetime.date(2022, 10, 1)))
    assert cache.get(key, "x", datetime.date(2022, 9, 1)) is not None  # same day
    assert cache.get(key, "x", DAY) is None


def test_a_damaged_cache_never_changes_the_answer(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(PROJECTS, plans)
    options = CheckOptions(lang="en", today=DAY)
    cached = RunOptions(cache_dir=str(tmp_path / "cache"), jobs=1)
    fresh = run([str(plans)], options, RunOptions(jobs=1))
    run([str(plans)], options, cached)
    for entry in (tmp_path / "cache").rglob("*"):
        if entry.is_file() and entry.name != ".gitignore":
            data = bytearray(entry.read_bytes())
            data[-3] ^= 0x20
            entry.write_bytes(bytes(data))
    again = run([str(plans)], options, cached)
    assert [r.diagnostics for r in again] == [r.diagnostics for r in fresh]
    target = plans / "primorye-roadmap-2022.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("Шкурятская М.В.", "Шкуратская М.В."),
        encoding="utf-8",
    )
    changed = run([str(plans)], options, cached)
    assert sum(len(r.diagnostics) for r in changed) == sum(
        len(r.diagnostics) for r in fresh
    ) - 1


def test_a_stored_digest_never_builds_arbitrary_objects() -> None:
    """A cache folder may come from anywhere (a copied repository): a stored digest is read
    by an unpickler that builds only the digest's own value types, dates and enums."""

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, ("echo pwned",))

    for hostile in (pickle.dumps(Evil()), pickle.dumps(Path("/")), pickle.dumps(print),
                    pickle.dumps(("not", "a", "digest")), b"\x80\x05garbage", b""):
        with pytest.raises(DigestRefused):
            load_digest(hostile)
    digest = seed("moscow-uao-tech-cluster")
    assert load_digest(dump_digest(digest)) == digest


def test_a_tampered_digest_means_the_file_is_checked_again(tmp_path: Path) -> None:
    """A stored digest that the safe unpickler refuses (the entry's checksum recomputed, so
    only deliberate tampering gets this far) is never used: the file is checked again."""
    options = CheckOptions(lang="en", today=DAY)
    cached = RunOptions(cache_dir=str(tmp_path), jobs=1)
    first = load_plans([str(PROJECTS)], options, cached)
    entries = sorted(p for p in tmp_path.glob("*/*") if p.is_file())
    assert len(entries) == 5
    for path in entries:
        key = path.parent.name + path.name
        found = marshal.loads(path.read_bytes()[len(_MAGIC) + 16:])
        payload = marshal.dumps((*found[:5], pickle.dumps(Path("/etc"))))
        assert found[0] == key
        path.write_bytes(_MAGIC + hashlib.blake2b(payload, digest_size=16).digest() + payload)
    again = load_plans([str(PROJECTS)], options, cached)
    assert again.digests == first.digests


def test_a_warm_query_reads_its_digests_from_the_cache(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    options = CheckOptions(lang="en", today=DAY)
    cached = RunOptions(cache_dir=str(tmp_path), jobs=1)
    cold = load_plans([str(PROJECTS)], options, cached)
    import clusterctl.runner

    def no_check(*args: object) -> None:
        raise AssertionError("a file was checked again")

    monkeypatch.setattr(clusterctl.runner, "check_bytes", no_check)
    warm = load_plans([str(PROJECTS)], options, cached)
    assert warm.digests == cold.digests
    assert [r.unread for r in warm.usable] == [r.unread for r in cold.usable]


def test_a_cache_folder_deleted_during_a_run_is_made_again(tmp_path: Path) -> None:
    """A cache object makes each folder once; if the cache is deleted meanwhile (someone
    clears it while a long check runs), one entry is lost and the next is written."""
    cache = Cache(tmp_path / "cache", "ru||1")
    first = cache.key(b"0")
    # keys whose files share the first key's folder (its two first hex digits)
    second, third = [k for k in (cache.key(b"%d" % n) for n in range(1, 4000))
                     if k[:2] == first[:2]][:2]
    cache.put(first, _entry())
    assert (tmp_path / "cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    shutil.rmtree(tmp_path / "cache")
    cache.put(second, _entry())  # the folder is gone: this one is lost, silently
    assert cache.get(second, "x.yaml", DAY) is None
    cache.put(third, _entry())
    assert cache.get(third, "x.yaml", DAY) is not None
    assert (tmp_path / "cache" / ".gitignore").is_file()
