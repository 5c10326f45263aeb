"""Regression guards for speed that are not timing tests: how many times each file is
parsed, what the cache saves, and which heavy modules start-up imports."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest

import clusterctl.fastload
import clusterctl.loader
from clusterctl.check import CheckOptions
from clusterctl.validate import RunOptions, validate_paths
from tests.conftest import PROJECTS, ROOT

OPTIONS = CheckOptions(lang="en", today=datetime.date(2022, 10, 16))
HEAVY = ("typer", "rich", "pydantic", "jinja2", "babel", "yaml", "icalendar", "ruamel")


@pytest.fixture
def parse_counter(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every YAML parse, by either parser: libyaml's events (the exact loader) or, when the
    optional accelerator is installed, yaml-rs."""
    calls: list[str] = []
    real = clusterctl.loader.parse_yaml

    def counting(data: bytes | str, file: str, lang: str):  # type: ignore[no-untyped-def]
        calls.append(file)
        return real(data, file, lang)

    monkeypatch.setattr(clusterctl.loader, "parse_yaml", counting)
    loads = clusterctl.fastload._parser()
    if loads is not None:
        def counting_load(data: bytes, **kwargs):  # type: ignore[no-untyped-def]
            calls.append("yaml-rs")
            return loads(data, **kwargs)

        monkeypatch.setattr(clusterctl.fastload, "_load", counting_load)
    return calls


def test_each_file_is_parsed_exactly_once(
    parse_counter: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLUSTERCTL_NO_ACCEL", "1")  # the exact loader alone
    results = validate_paths([str(PROJECTS)], OPTIONS, RunOptions(jobs=1))
    assert len(results) == 5
    assert sorted(parse_counter) == sorted(r.file for r in results)


def test_generated_plans_are_parsed_exactly_once(
    parse_counter: list[str], tmp_path: Path
) -> None:
    """The happy path: plans without findings are parsed once, whichever parser reads them."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import generate  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    generate.generate(tmp_path / "plans", files=12, seed=3)
    options = CheckOptions(lang="en", today=datetime.date(2026, 11, 22))
    results = validate_paths([str(tmp_path / "plans")], options, RunOptions(jobs=1))
    assert len(results) == 12
    assert all(r.diagnostics == [] for r in results)
    assert len(parse_counter) == 12


def test_queries_parse_each_file_once_too(
    parse_counter: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLUSTERCTL_NO_ACCEL", "1")
    results = validate_paths([str(PROJECTS)], OPTIONS, RunOptions(jobs=1, want_plans=True))
    assert all(r.plan is not None for r in results)
    assert len(parse_counter) == 5


def test_query_workers_send_parts_not_plans(
    parse_counter: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a query's mapper (the command line's overdue, status, who), each file is parsed
    once and comes back as the query's small part: no plan, no index, no data."""
    from clusterctl.queries import OverdueQuery, Part

    monkeypatch.setenv("CLUSTERCTL_NO_ACCEL", "1")
    query = OverdueQuery(OPTIONS.today)
    results = validate_paths([str(PROJECTS)], OPTIONS, RunOptions(jobs=1, mapper=query.part))
    assert len(parse_counter) == 5
    assert all(isinstance(r.part, Part) for r in results)
    assert all(r.plan is None and r.index is None and r.data is None for r in results)


def test_a_warm_cache_parses_nothing(
    parse_counter: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLUSTERCTL_NO_ACCEL", "1")
    run = RunOptions(cache_dir=str(tmp_path / "cache"), jobs=1)
    cold = validate_paths([str(PROJECTS)], OPTIONS, run)
    assert len(parse_counter) == 5
    warm = validate_paths([str(PROJECTS)], OPTIONS, run)
    assert len(parse_counter) == 5
    assert [r.diagnostics for r in warm] == [r.diagnostics for r in cold]
    plans = validate_paths(
        [str(PROJECTS)], OPTIONS, RunOptions(cache_dir=str(tmp_path / "cache"), jobs=1,
                                             want_plans=True)
    )
    assert len(parse_counter) == 5
    assert all(r.plan is not None and r.index is not None for r in plans)


_NO_FAST_EXIT = (
    "import os\n"
    "def _exit(code):\n    raise SystemExit(code)\n"
    "os._exit = _exit\n"
)
"""Put before a probe that runs the console script and then looks at the process: the
script ends a command's process at once (`os._exit`, see `cli.app.end_command`), here it
raises SystemExit instead."""


def _probe(code: str) -> str:
    """What `python -c code` prints, run in a fresh interpreter from the repository root."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout


def _imported_after(code: str) -> list[str]:
    probe = (
        "import sys\n" + code + "\n"
        f"print(__import__('json').dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    loaded: list[str] = json.loads(_probe(probe).strip().splitlines()[-1])
    return loaded


def test_version_imports_no_heavy_module() -> None:
    code = "sys.argv = ['clusterctl', '--version']\nfrom clusterctl.entry import main\nmain()"
    assert _imported_after(code) == []


def test_importing_the_package_and_cli_is_light() -> None:
    assert _imported_after("import clusterctl, clusterctl.dates, clusterctl.loader") == ["yaml"]
    assert _imported_after("import clusterctl.cli") == ["typer"]


def test_validate_imports_only_what_it_needs() -> None:
    code = (
        "sys.argv = ['clusterctl', 'validate', 'projects/primorye-roadmap-2022.yaml', "
        "'--no-cache']\n"
        + _NO_FAST_EXIT +
        "from clusterctl.entry import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    assert _imported_after(code) == ["typer", "pydantic", "yaml"]


@pytest.mark.parametrize("command", ["overdue", "status", "who"])
def test_a_query_answered_from_the_cache_builds_no_models(command: str, tmp_path: Path) -> None:
    """Asked again over an unchanged plan, a query reads its cached part (kept from the
    second run on): the pydantic models, the largest part of start-up, are neither imported
    nor built."""
    code = (
        f"sys.argv = ['clusterctl', {command!r}, 'projects/primorye-roadmap-2022.yaml', "
        f"'--as-of', '2022-10-16', '--format', 'json', '--cache-dir', {str(tmp_path)!r}]\n"
        + _NO_FAST_EXIT +
        "from clusterctl.entry import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    assert "pydantic" in _imported_after(code)  # the first run checks the plan
    assert "pydantic" in _imported_after(code)  # the second rebuilds it, keeps the part
    assert _imported_after(code) == ["typer", "yaml"]


def test_a_cached_part_needs_no_plan(
    parse_counter: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A query asked again over unchanged files reads its stored parts: no parse, and not
    even the plan rebuilt from the cached data (which costs as much as validating it)."""
    import clusterctl.models
    from clusterctl.queries import OverdueQuery, StatusQuery

    monkeypatch.setenv("CLUSTERCTL_NO_ACCEL", "1")
    query = OverdueQuery(OPTIONS.today)

    def run(q: OverdueQuery | StatusQuery) -> RunOptions:
        return RunOptions(cache_dir=str(tmp_path / "cache"), jobs=1, mapper=q.part,
                          mapper_key=q.cache_key())

    rebuilt: list[object] = []
    real = clusterctl.models.Plan.model_validate

    def counting(data: object) -> clusterctl.models.Plan:
        rebuilt.append(data)
        return real(data)

    monkeypatch.setattr(clusterctl.models.Plan, "model_validate", counting)
    cold = validate_paths([str(PROJECTS)], OPTIONS, run(query))
    assert len(parse_counter) == 5 and len(rebuilt) == 5  # checked (validated) once each
    assert not list((tmp_path / "cache").glob("*/*.OverdueQuery"))  # kept from the 2nd run
    second = validate_paths([str(PROJECTS)], OPTIONS, run(query))
    assert len(parse_counter) == 5 and len(rebuilt) == 10  # rebuilt from the cached data
    assert len(list((tmp_path / "cache").glob("*/*.OverdueQuery"))) == 5
    assert [r.part for r in second] == [r.part for r in cold]
    rebuilt.clear()
    warm = validate_paths([str(PROJECTS)], OPTIONS, run(query))
    assert len(parse_counter) == 5 and rebuilt == []
    assert [r.part for r in warm] == [r.part for r in cold]
    assert [r.diagnostics for r in warm] == [r.diagnostics for r in cold]
    # another query (or the same with another date) is not answered from this part: it
    # rebuilds the plans from the cached data, still without parsing them
    other = validate_paths([str(PROJECTS)], OPTIONS, run(StatusQuery(OPTIONS.today)))
    assert len(parse_counter) == 5 and len(rebuilt) == 5
    later = OverdueQuery(datetime.date(2023, 3, 1))
    moved = validate_paths([str(PROJECTS)], OPTIONS, run(later))
    assert len(rebuilt) == 10
    assert [r.part for r in moved] == [later.part(r.index) for r in validate_paths(
        [str(PROJECTS)], OPTIONS, RunOptions(jobs=1, want_plans=True)) if r.index]
    assert all(r.part is not None for r in other)


def test_no_model_field_has_a_builtin_default_factory() -> None:
    """pydantic inspects each default_factory's signature while it builds the models, at
    every start-up: a builtin's (`list`, `dict`) is parsed from its text signature, 0.1-0.3 ms
    a field. The models use plain functions (`models._new_list`), still one new list per
    instance."""
    import types

    from pydantic import BaseModel

    import clusterctl.models as models

    classes = [c for c in vars(models).values()
               if isinstance(c, type) and issubclass(c, BaseModel) and c is not BaseModel]
    assert len(classes) > 15
    for model in classes:
        for name, field in model.model_fields.items():
            factory = field.default_factory
            assert factory is None or isinstance(factory, types.FunctionType) or (
                isinstance(factory, type) and issubclass(factory, BaseModel)
            ), f"{model.__name__}.{name}: default_factory={factory!r}"
    one, two = models.Person(id="a", name="A"), models.Person(id="a", name="A")
    assert one.aliases == [] and one.aliases is not two.aliases


def test_command_annotations_need_no_eval() -> None:
    """typer reads the annotations of every command at every start-up (it builds them all,
    whichever runs); a string annotation costs it two evals. The command modules keep
    annotations as objects (no `from __future__ import annotations`)."""
    from clusterctl.cli import app

    commands = list(app.registered_commands)
    for group in app.registered_groups:
        assert group.typer_instance is not None
        commands += group.typer_instance.registered_commands
    callbacks = [c.callback for c in commands if c.callback is not None]
    assert len(callbacks) >= 15
    for function in callbacks:
        strings = [n for n, a in function.__annotations__.items() if isinstance(a, str)]
        assert not strings, f"{function.__module__}.{function.__name__}: {strings}"


def test_the_flow_collection_regex_is_compiled_only_when_needed() -> None:
    """The accelerator's largest regex (a few ms to compile) waits for a file with `[` or
    `{`; a one-plan check of a block-style plan does not pay for it."""
    probe = (
        "import clusterctl.fastload as f\n"
        "f.try_fast(b'a: b\\nc:\\n- d\\n')\n"
        "print(f._simple_flow is None)\n"
        "f.try_fast(b'a: [b, c]\\n')\n"
        "print(f._simple_flow is None)\n"
    )
    assert _probe(probe).split() == ["True", "False"]


# --------------------------------------------------------------------------- start-up


def test_the_command_table_names_each_command_s_module() -> None:
    """`clusterctl.cli.main` imports only the module of the command being run, found in
    `COMMANDS`: every command and group of the full app must be there, with its module."""
    from clusterctl import cli

    app = cli.load()
    commands: dict[str, str] = {}
    for command in app.registered_commands:
        assert command.callback is not None
        name = command.name or command.callback.__name__.replace("_", "-")
        commands[name] = command.callback.__module__.rpartition(".")[2]
    groups: dict[str, str] = {}
    for group in app.registered_groups:
        assert group.name is not None and group.typer_instance is not None
        callback = group.typer_instance.registered_commands[0].callback
        groups[group.name] = callback.__module__.rpartition(".")[2]  # type: ignore[union-attr]
    assert {**commands, **groups} == cli.COMMANDS
    for modules in (list(commands.values()), list(groups.values())):  # in --help order
        assert modules == sorted(modules, key=cli.MODULES.index)


def _run_cli(args: list[str], full: bool) -> subprocess.CompletedProcess[str]:
    """The console script's way (only the command's module) or the full app's."""
    call = "cli.load()(prog_name='clusterctl')" if full else "cli.main()"
    probe = f"import sys\nsys.argv = ['clusterctl', *{args!r}]\nfrom clusterctl import cli\n{call}"
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=ROOT, env={**__import__("os").environ, "COLUMNS": "100"})


@pytest.mark.parametrize("args", [
    ["validate", "--help"], ["who", "--help"], ["export", "--help"], ["templates", "list"],
    ["validate", "--bogus"], ["valdate"], ["--help"], [],
])
def test_registering_one_command_changes_no_output(args: list[str]) -> None:
    lean, full = _run_cli(args, full=False), _run_cli(args, full=True)
    assert (lean.returncode, lean.stdout, lean.stderr) == (full.returncode, full.stdout,
                                                           full.stderr)


def test_validate_imports_no_other_command_module() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['clusterctl', 'validate', 'projects/primorye-roadmap-2022.yaml', "
        "'--no-cache']\n"
        + _NO_FAST_EXIT +
        "from clusterctl.entry import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('clusterctl.cli.')))"
    )
    assert _probe(code).splitlines()[-1] == "['clusterctl.cli.app', 'clusterctl.cli.check_cmds']"


def test_the_deadline_grammar_compiles_its_patterns_on_first_use() -> None:
    """Compiling the grammar's 30 patterns costs ≈ 7 ms: importing it compiles none, and a
    phrase compiles only those its form needs."""
    probe = (
        "import re, clusterctl.dates as d\n"
        "names = [n for n in vars(d) if n.endswith('_RE')]\n"
        "print(len(names), sum(isinstance(getattr(d, n), re.Pattern) for n in names))\n"
        "d.parse_deadline('до 26.09.2022')\n"
        "print(sorted(n for n in names if isinstance(getattr(d, n), re.Pattern)))\n"
        "d.parse_deadline('до 26 сент. 2022')\n"
        "print(sorted(n for n in names if isinstance(getattr(d, n), re.Pattern)))\n"
    )
    counts, common, general = _probe(probe).splitlines()
    total, at_import = map(int, counts.split())
    assert total >= 25 and at_import == 0
    assert common == "['_FAST_RE']"  # the common forms' shortcut
    assert "_BEFORE_RE" in general and "_DAY_NAME_RE" in general
    assert "_ONGOING_RE" not in general


def test_a_small_input_is_read_without_the_accelerator(
    parse_counter: list[str], tmp_path: Path
) -> None:
    """Importing the optional accelerator costs more than it saves on a few small files;
    on more it is used (when installed), with the same results."""
    from clusterctl.validate import ACCELERATE_MIN_BYTES

    one = PROJECTS / "yaroslavl-network-passport.yaml"
    assert one.stat().st_size < ACCELERATE_MIN_BYTES
    small = validate_paths([str(one)], OPTIONS, RunOptions(jobs=1))
    assert parse_counter == [small[0].file]  # the exact loader alone
    parse_counter.clear()
    assert sum(p.stat().st_size for p in PROJECTS.glob("*.yaml")) >= ACCELERATE_MIN_BYTES
    every = validate_paths([str(PROJECTS)], OPTIONS, RunOptions(jobs=1))
    if clusterctl.fastload.enabled():
        assert "yaml-rs" in parse_counter
    same = [r for r in every if r.file == small[0].file]
    assert [r.diagnostics for r in same] == [r.diagnostics for r in small]


_VALIDATE_ONE = (
    "import sys\n"
    "sys.argv = ['clusterctl', 'validate', 'projects/primorye-roadmap-2022.yaml', "
    "'--no-cache', '--as-of', '2022-10-16']\n"
    + _NO_FAST_EXIT +
    "from clusterctl.entry import main\n"
    "try:\n    main()\nexcept SystemExit as exc:\n    print('exit', exc.code)\n"
    "loader = sys.modules['pydantic.plugin._loader']\n"
    "print('importlib.metadata' in sys.modules, hasattr(loader, 'entry_points'),"
    " list(loader.get_plugins()))"
)


def _env(**values: str | None) -> dict[str, str]:
    env = {k: v for k, v in __import__("os").environ.items() if k not in values}
    env.update({k: v for k, v in values.items() if v is not None})
    return env


def test_the_console_script_looks_for_no_pydantic_plugins() -> None:
    # unset: no plugin discovery (no importlib.metadata), the plan still checked
    out = subprocess.run([sys.executable, "-c", _VALIDATE_ONE], capture_output=True,
                         text=True, cwd=ROOT, env=_env(PYDANTIC_DISABLE_PLUGINS=None),
                         check=True).stdout
    assert ":196:9: warning unknown-person" in out
    assert out.splitlines()[-2:] == ["exit 0", "False False []"]


@pytest.mark.parametrize("value", ["", "some-plugin"])
def test_pydantic_plugins_are_pydantic_s_business_when_the_variable_is_set(value: str) -> None:
    out = subprocess.run([sys.executable, "-c", _VALIDATE_ONE], capture_output=True,
                         text=True, cwd=ROOT, env=_env(PYDANTIC_DISABLE_PLUGINS=value),
                         check=True).stdout
    # pydantic's own loader, which finds nothing installed
    assert out.splitlines()[-2:] == ["exit 0", "True True []"]


def test_the_library_keeps_pydantic_s_plugin_loader() -> None:
    code = ("import sys, clusterctl.models, clusterctl.check\n"
            "print(hasattr(sys.modules['pydantic.plugin._loader'], 'entry_points'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, env=_env(PYDANTIC_DISABLE_PLUGINS=None), check=True).stdout
    assert out.split() == ["True"]


def test_pydantic_uses_nothing_of_its_plugin_loader_but_get_plugins() -> None:
    """clusterctl.entry stands in for pydantic.plugin._loader with `get_plugins` alone: a
    pydantic that imports anything else from it must fail here, not in a user's run."""
    import ast

    import pydantic

    used: set[str] = set()
    for source in Path(pydantic.__file__).parent.rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("_loader") and (
                (node.module or "").startswith("pydantic.plugin") or (
                    node.level > 0 and source.parent.name == "plugin")
            ):
                used.update(alias.name for alias in node.names)
            elif isinstance(node, ast.Attribute) and node.attr == "_loader":
                used.add("<module used as an attribute>")
    assert used == {"get_plugins"}


def _generated(tmp_path: Path, files: int, seed: int) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.pop(0)
    generate.generate(tmp_path / "plans", files=files, seed=seed)
    return tmp_path / "plans"


@pytest.mark.parametrize("query", [None, "overdue", "status", "who"])
@pytest.mark.parametrize("accelerate", [True, False])
def test_checking_makes_no_reference_cycle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, query: str | None, accelerate: bool
) -> None:
    """validate.py pauses the cyclic collector while it checks a chunk of files, on the
    ground that everything checking makes is freed by reference counting: no cycles, so no
    garbage the collector would have to find (plans with findings included)."""
    import gc

    from clusterctl import queries

    if not accelerate:
        monkeypatch.setenv("CLUSTERCTL_NO_ACCEL", "1")
    plans = _generated(tmp_path, files=6, seed=5)
    options = CheckOptions(lang="ru", today=datetime.date(2026, 11, 22))
    mapper = None if query is None else {
        "overdue": queries.OverdueQuery, "status": queries.StatusQuery,
        "who": queries.WhoQuery,
    }[query](options.today).part
    run = RunOptions(jobs=1, mapper=mapper)
    paths = [str(PROJECTS), str(plans)]
    validate_paths(paths, options, run)  # first use: lazy imports, patterns, caches
    gc.collect()
    gc.disable()
    try:
        results = validate_paths(paths, options, run)
        unreachable = gc.collect()
    finally:
        gc.enable()
    assert len(results) == 11 and any(r.diagnostics for r in results)
    assert unreachable == 0


def test_checking_the_negative_corpus_makes_no_reference_cycle() -> None:
    """The same for files with every kind of error (exceptions caught on the way)."""
    import gc

    from tests.conftest import DATA

    options = OPTIONS  # the corpus's date: its future dates are in the future
    paths = [str(DATA / "invalid")]
    validate_paths(paths, options, RunOptions(jobs=1))
    gc.collect()
    gc.disable()
    try:
        results = validate_paths(paths, options, RunOptions(jobs=1))
        unreachable = gc.collect()
    finally:
        gc.enable()
    assert len(results) >= 70 and all(r.diagnostics for r in results)
    assert unreachable == 0
