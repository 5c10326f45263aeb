"""`clusterctl diff` as a library: two plan files, or the plans of two git revisions (or a
revision and the working tree), compared plan by plan.

* `diff_files(old, new)` — two files;
* `diff_git(revisions, paths)` — no revision: the working tree against HEAD; one: that
  revision against the working tree; two: between them. Plans added or removed between the
  two sides are reported as such. Revisions are read with `git show`, never checked out.

Each side is checked (`clusterctl.check.check_bytes`); a plan with errors on a side is
reported with its diagnostics instead of compared. Nothing here prints or reads the clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from clusterctl.check import CheckOptions, check_bytes, check_file
from clusterctl.check.checker import FileResult
from clusterctl.diagnostics import Diagnostic
from clusterctl.diff.compare import Change, compare_plans
from clusterctl.diff.snapshot import snapshot
from clusterctl.errors import UserError
from clusterctl.source import git


@dataclass(slots=True)
class PlanDiff:
    """What changed in one plan file."""

    path: str
    old_label: str
    """Where the old side comes from: a file, or «HEAD:plans/x.yaml»."""
    new_label: str
    state: str
    """changed, unchanged, added, removed, or invalid (a side has errors)."""
    changes: list[Change] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """The errors of a side that could not be compared (state invalid)."""
    project: str = ""


@dataclass(slots=True)
class DiffReport:
    plans: list[PlanDiff]

    @property
    def changed(self) -> bool:
        return any(p.state != "unchanged" for p in self.plans)

    def counts(self) -> dict[str, int]:
        """How many changes of each kind, over all plans (plans added, removed and invalid
        count as one of their own kind)."""
        found: dict[str, int] = {}
        for plan in self.plans:
            kinds = [c.kind for c in plan.changes] or (
                [f"plan-{plan.state}"] if plan.state in ("added", "removed", "invalid") else [])
            for kind in kinds:
                found[kind] = found.get(kind, 0) + 1
        return found


def _compare(path: str, old: FileResult | None, new: FileResult | None,
             old_label: str, new_label: str) -> PlanDiff:
    report = PlanDiff(path, old_label, new_label, "unchanged")
    sides = [side for side in (old, new) if side is not None]
    broken = [d for side in sides for d in side.diagnostics if d.is_error]
    usable = all(side.index is not None and not side.errors for side in sides)
    if not usable:
        report.state, report.diagnostics = "invalid", broken
        return report
    if old is None or new is None:
        side = new if new is not None else old
        assert side is not None and side.index is not None
        report.project = side.index.plan.project.id
        report.state = "added" if old is None else "removed"
        return report
    assert old.index is not None and new.index is not None
    report.project = new.index.plan.project.id
    report.changes = compare_plans(snapshot(old.index), snapshot(new.index))
    report.state = "changed" if report.changes else "unchanged"
    return report


def diff_files(old: str, new: str, options: CheckOptions) -> DiffReport:
    """Two plan files (missing files are a UserError: path.missing)."""
    for name in (old, new):
        if not Path(name).is_file():
            raise UserError("path.missing", path=name)
    return DiffReport([_compare(new, check_file(Path(old), old, options),
                                check_file(Path(new), new, options), old, new)])


def diff_git(revisions: Sequence[str], paths: Sequence[str], options: CheckOptions
             ) -> DiffReport:
    """The plans of two git versions (see the module doc)."""
    if not git.in_repository():
        raise UserError("git.not-a-repository")
    if len(revisions) > 2:
        raise UserError("git.too-many-revisions")
    for revision in revisions:
        git.check_revision(revision)
    old_rev = revisions[0] if revisions else "HEAD"
    new_rev = revisions[1] if len(revisions) == 2 else None
    old_files = [f for f in git.files_at(old_rev, paths) if not _hidden(f)]
    new_files = [f for f in (git.files_at(new_rev, paths) if new_rev
                             else git.worktree_files(paths)) if not _hidden(f)]
    plans: list[PlanDiff] = []
    for path in sorted(set(old_files) | set(new_files)):
        old_label = f"{old_rev}:{path}"
        new_label = f"{new_rev}:{path}" if new_rev else path
        old = _at(old_rev, path, old_label, options) if path in old_files else None
        if path not in new_files:
            new = None
        elif new_rev:
            new = _at(new_rev, path, new_label, options)
        else:
            new = check_file(Path(path), path, options)
        if _plan_like(old) or _plan_like(new):
            plans.append(_compare(path, old, new, old_label, new_label))
    return DiffReport(plans)


def _hidden(path: str) -> bool:
    """A path with a hidden part (`.github/…`, `.gitlab-ci.yml`): tooling, never a plan."""
    return any(part.startswith(".") for part in path.split("/") if part not in (".", ".."))


def _plan_like(result: FileResult | None) -> bool:
    """A YAML file that is (or tries to be) a plan: it has `project` or `version` at the
    top, or could not be read as data at all (then its problems are shown). Other YAML of
    the repository (a tool's settings) is left out of the comparison."""
    if result is None:
        return False
    data = result.data
    if not isinstance(data, dict):
        return data is None  # unreadable: report it
    return "project" in data or "version" in data


def _at(revision: str, path: str, label: str, options: CheckOptions) -> FileResult:
    return check_bytes(git.show(revision, path), label, options)


def textconv(path: str, options: CheckOptions) -> str | None:
    """A plan as git's textconv shows it (`clusterctl.diff.listing`), or None when the file
    is not a usable plan (git then shows it as it is)."""
    from clusterctl.diff.listing import listing

    result = check_file(Path(path), path, options)
    if result.index is None:
        return None
    return listing(snapshot(result.index), options.lang)
