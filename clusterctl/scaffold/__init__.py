"""`clusterctl init`: a plans repository for a methodical centre, set up in a new or an
existing folder.

The files to create are in `clusterctl/scaffold/files/` (shipped in the wheel): an example
plan, a Russian README for the team, `templates/README.md`, `.gitattributes` (the diff
driver), `.pre-commit-config.yaml`, the GitHub and GitLab CI recipes, `.vscode/settings.json`
and `.editorconfig`; `schema/plan.schema.json` is written from the models. A file that
exists is never overwritten: it is listed as skipped. Inside a git repository (made with
`git init` when the folder is not in one) the local git config gets the diff driver
(`diff.clusterctl.textconv`), unless it is set already.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from clusterctl import __version__
from clusterctl.errors import UserError
from clusterctl.source.writing import write_atomic

FILES = Path(__file__).parent / "files"
REPOSITORY = "https://github.com/clusterctl/clusterctl"
"""Where the pre-commit hooks and the CI recipes install clusterctl from (`--hooks-repo`
sets another: a mirror, a fork)."""
TEXTCONV = "clusterctl diff --textconv"


@dataclass(slots=True)
class InitReport:
    folder: Path
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """Files that were there already (left as they are)."""
    git_init: bool = False
    """`git init` was run."""
    driver: str = "set"
    """The diff driver in the local git config: set, kept (set already), other (set to
    something else: left), none (no git)."""


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True,
                              text=True, timeout=60, check=False)
    except FileNotFoundError:
        raise UserError("git.missing") from None
    except subprocess.TimeoutExpired:
        raise UserError("git.timeout", command="git " + " ".join(args)) from None


def _files(bare: bool) -> list[Path]:
    found = sorted(p for p in FILES.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return [p for p in found if not (bare and p.relative_to(FILES).parts[0] == "plans")]


def init(folder: str | Path, *, bare: bool = False, repository: str = REPOSITORY,
         git: bool = True) -> InitReport:
    """Set up `folder` (see the module doc). `bare`: no example plan. `git`: run `git init`
    when needed and set the diff driver."""
    from clusterctl.model.schema import schema_text

    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise UserError("init.not-a-folder", path=str(root))
    root.mkdir(parents=True, exist_ok=True)
    report = InitReport(root)
    wanted: list[tuple[str, bytes]] = []
    for source in _files(bare):
        name = source.relative_to(FILES).as_posix()
        text = source.read_text(encoding="utf-8")
        text = text.replace("@@REPOSITORY@@", repository).replace("@@VERSION@@", __version__)
        wanted.append((name, text.encode("utf-8")))
    wanted.append(("schema/plan.schema.json", schema_text().encode("utf-8")))
    if not bare:
        (root / "plans").mkdir(exist_ok=True)
    for name, data in wanted:
        target = root / name
        if target.exists() or target.is_symlink():
            report.skipped.append(name)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
        report.created.append(name)
    if git:
        _set_up_git(root, report)
    else:
        report.driver = "none"
    return report


def _set_up_git(root: Path, report: InitReport) -> None:
    inside = _git(root, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        made = _git(root, "init", "--quiet")
        if made.returncode != 0:
            raise UserError("git.failed", command="git init",
                            reason=made.stderr.strip() or str(made.returncode))
        report.git_init = True
    current = _git(root, "config", "--local", "--get", "diff.clusterctl.textconv")
    value = current.stdout.strip()
    if value == TEXTCONV:
        report.driver = "kept"
    elif value:
        report.driver = "other"
    else:
        done = _git(root, "config", "--local", "diff.clusterctl.textconv", TEXTCONV)
        if done.returncode != 0:
            raise UserError("git.failed", command="git config diff.clusterctl.textconv",
                            reason=done.stderr.strip() or str(done.returncode))
        report.driver = "set"
