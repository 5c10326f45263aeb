"""Shell completion (Tab) for bash, zsh, fish and PowerShell — loaded only when completing.

`clusterctl --install-completion` writes the script of the user's shell where that shell
reads it (typer's installers); `--show-completion` prints it. The shell then runs clusterctl
with `_CLUSTERCTL_COMPLETE` set at each Tab: `clusterctl.cli.main` sees it, registers
typer's completion classes (`prepare`) and click answers with the candidates. The command
modules name the completers below through small wrappers in `clusterctl.cli.base`, so that
an ordinary start imports none of this.

What is completed besides commands and options: plan files and folders, task and step
references of the plan given before them (`done plan.yaml 8.<Tab>` → 8.1, 8.2, 8.3),
responsible names of the plans given (or of projects/), document kinds and template names.
A completer never fails: a plan it cannot read completes nothing.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import typer

COMPLETE_VAR = "_CLUSTERCTL_COMPLETE"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def prepare() -> None:
    """Register the completion classes of every shell typer supports (PowerShell too)."""
    from typer._completion_classes import completion_init

    completion_init()


def detect_shell() -> str | None:
    """The shell clusterctl runs under (as typer finds it: shellingham), else $SHELL's
    name."""
    from typer._completion_shared import _get_shell_name

    try:
        found = _get_shell_name()
    except Exception:  # no parent shell found
        found = None
    return found or Path(os.environ.get("SHELL", "")).name or None


def install(lang: str) -> str:
    """Install the completion script of the user's shell; what to tell the user."""
    from typer._completion_shared import install as typer_install

    from clusterctl.i18n import t

    shell = detect_shell()
    if shell not in SHELLS:
        raise typer.BadParameter(t("completion.no-shell", lang, shell=shell or "?",
                                   shells=", ".join(SHELLS[:4])))
    prepare()
    done, path = typer_install(shell=shell, prog_name="clusterctl", complete_var=COMPLETE_VAR)
    return t("completion.installed", lang, shell=done, path=str(path))


def script(lang: str) -> str:
    """The completion script of the user's shell (to install by hand)."""
    from typer._completion_shared import get_completion_script

    from clusterctl.i18n import t

    shell = detect_shell()
    if shell not in SHELLS:
        raise typer.BadParameter(t("completion.no-shell", lang, shell=shell or "?",
                                   shells=", ".join(SHELLS[:4])))
    return get_completion_script(prog_name="clusterctl", complete_var=COMPLETE_VAR,
                                 shell=shell)


# ---------------------------------------------------------------------------- completers


def paths(incomplete: str, suffixes: tuple[str, ...]) -> list[str]:
    """Folders and files with one of `suffixes` whose path starts with `incomplete`."""
    folder, _, prefix = incomplete.rpartition("/")
    base = Path(folder or ".")
    try:
        entries = sorted(base.iterdir(), key=lambda p: p.name)
    except OSError:
        return []
    found: list[str] = []
    for entry in entries:
        if not entry.name.startswith(prefix) or entry.name.startswith("."):
            continue
        shown = f"{folder}/{entry.name}" if folder else entry.name
        try:
            if entry.is_dir():
                found.append(shown + "/")
            elif entry.suffix.lower() in suffixes:
                found.append(shown)
        except OSError:
            continue
    return found


def plan_files(incomplete: str) -> list[str]:
    """Folders and plan files (*.yaml, *.yml) whose path starts with `incomplete`."""
    return paths(incomplete, (".yaml", ".yml"))


def refs(path: str | None, incomplete: str) -> list[tuple[str, str]]:
    """(reference, title) of the tasks and steps of the plan at `path` that start with
    `incomplete`: «8», «8.1», and «II/1.1» where ids repeat across stages."""
    if not path:
        return []
    from clusterctl.check import CheckOptions, check_file
    from clusterctl.edit.refs import addressable, repeats, shown_ref

    try:
        checked = check_file(Path(path), path, CheckOptions())
    except Exception:
        return []
    if checked.index is None:
        return []
    items = addressable(checked.index)
    found: list[tuple[str, str]] = []
    for item in items:
        ref = shown_ref(item, repeats(items, item))
        if ref.startswith(incomplete):
            found.append((ref, " ".join(item.title.split())[:60]))
    return found


def responsible(paths: Sequence[str] | None, incomplete: str) -> list[str]:
    """Responsible names of the plans at `paths` (default projects/) that begin with
    `incomplete` (as typed: typer offers only candidates that start with it)."""
    from clusterctl.check import CheckOptions
    from clusterctl.queries.people import Directory
    from clusterctl.runner import load_plans

    try:
        plans = load_plans(list(paths or ["projects"]), CheckOptions())
    except Exception:
        return []
    directory = Directory([digest.registry for digest in plans.digests])
    names = (entry.name for entry in directory.entries.values())
    return sorted({name for name in names if name.startswith(incomplete)})


def kinds(incomplete: str) -> list[tuple[str, str]]:
    """The document kinds (`clusterctl render KIND`) that start with `incomplete`."""
    from clusterctl.documents.context.kinds import KINDS
    from clusterctl.i18n import t

    return [(kind, t("doc.kind." + kind, "ru")) for kind in KINDS if kind.startswith(incomplete)]


def template_files(incomplete: str) -> list[str]:
    """For `--template`: template files (*.j2) and folders."""
    return paths(incomplete, (".j2",))


def template_names(incomplete: str) -> list[str]:
    """For `templates show|copy`: the document kinds, the built-in templates' names, all."""
    from clusterctl.documents.context.kinds import KINDS
    from clusterctl.documents.render import builtin_templates

    names = [*KINDS, *builtin_templates(), "all"]
    return [n for n in dict.fromkeys(names) if n.startswith(incomplete)]
