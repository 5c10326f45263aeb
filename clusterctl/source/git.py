"""Plan files as git has them: at a revision (`git show REV:PATH`, never a checkout) or in
the working tree, for `clusterctl diff`.

Every git call runs without a shell, in the current folder, with a time limit; what it
prints is read up to the size limit of a plan file. A folder that is not in a repository,
a revision that does not exist, or git missing is a `UserError` (exit 2) with the reason in
the user's language.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from clusterctl.errors import UserError
from clusterctl.source.reading import MAX_BYTES

PLAN_SUFFIXES = (".yaml", ".yml")
_TIMEOUT = 60.0


def _git(args: Sequence[str], limit: int = 64 * 1024 * 1024) -> bytes:
    """What `git ARGS` prints; UserError when git is missing, fails or takes too long."""
    try:
        done = subprocess.run(
            ["git", *args], capture_output=True, timeout=_TIMEOUT, check=False,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
        )
    except FileNotFoundError:
        raise UserError("git.missing") from None
    except subprocess.TimeoutExpired:
        raise UserError("git.timeout", command=" ".join(["git", *args])) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UserError("git.failed", command=" ".join(["git", *args]),
                        reason=reason[-1] if reason else str(done.returncode))
    if len(done.stdout) > limit:
        raise UserError("git.too-large", command=" ".join(["git", *args]))
    return done.stdout


def in_repository() -> bool:
    """The current folder is inside a git working tree."""
    try:
        return _git(["rev-parse", "--is-inside-work-tree"]).strip() == b"true"
    except UserError:
        return False


def is_revision(word: str) -> bool:
    """`word` names a commit of the repository («HEAD», «HEAD~2», a branch, a hash)."""
    if not word or word.startswith("-"):
        return False
    try:
        _git(["rev-parse", "--verify", "--quiet", "--end-of-options", word + "^{commit}"])
    except UserError:
        return False
    return True


def check_revision(word: str) -> str:
    """The commit `word` names; UserError (git.no-revision) when it names none."""
    if not is_revision(word):
        raise UserError("git.no-revision", revision=word)
    return word


def _plans(listing: bytes) -> list[str]:
    names = (name.decode("utf-8", "surrogateescape") for name in listing.split(b"\0") if name)
    return sorted(name for name in names if name.lower().endswith(PLAN_SUFFIXES))


def files_at(revision: str, paths: Sequence[str]) -> list[str]:
    """The plan files (*.yaml, *.yml) at `revision` under `paths` (all when none), relative
    to the current folder."""
    return _plans(_git(["ls-tree", "-r", "-z", "--name-only", revision, "--", *paths]))


def worktree_files(paths: Sequence[str]) -> list[str]:
    """The plan files of the working tree under `paths`: tracked ones that still exist, and
    new ones git does not ignore."""
    listing = _git(["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--",
                    *paths])
    return [name for name in _plans(listing) if Path(name).is_file()]


def show(revision: str, path: str) -> bytes:
    """The bytes of `path` at `revision` (UserError when it is not there)."""
    return _git(["show", f"{revision}:./{path}"], limit=MAX_BYTES)
