"""`clusterctl render` and `clusterctl templates`: golden documents for every seed project,
the seed-004 table reproduced, template lookup and overrides, located template errors and
the sandbox."""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clusterctl.cli import app
from clusterctl.model.index import normalise_name
from tests.conftest import GOLDEN, ROOT, SOURCES, assert_golden

FIXTURE = "tests/data/render/green-district.yaml"

# project id -> (plan file, pinned date, task for the letters or None)
PLANS: dict[str, tuple[str, str, dict[str, str]]] = {
    "primorye-roadmap-2022": (
        "projects/primorye-roadmap-2022.yaml", "2022-10-16",
        {"announcement": "10", "press-release": "10"},
    ),
    "moscow-uao-tech-cluster": (
        "projects/moscow-uao-tech-cluster.yaml", "2014-03-01",
        {"announcement": "I/1", "press-release": "I/1"},
    ),
    "yaroslavl-network-passport": (
        "projects/yaroslavl-network-passport.yaml", "2014-10-01",
        {"announcement": "I/3", "press-release": "I/3"},
    ),
    "mari-el-engineering-cluster": (
        "projects/mari-el-engineering-cluster.yaml", "2025-03-01",
        {"announcement": "2/Задача №6", "press-release": "2/Задача №6"},
    ),
    "krasnoselsky-upbringing-programme": (
        "projects/krasnoselsky-upbringing-programme.yaml", "2024-11-15", {},
    ),
    "green-district": (FIXTURE, "2024-11-01", {"announcement": "I/3", "press-release": "I/1"}),
}
DOCUMENTS = ("roadmap", "passport", "report", "note", "agenda")
FORMATS = ("md", "html")


def _render(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["render", *args])
    return result.exit_code, result.stdout, result.stderr


def _cases() -> list[tuple[str, str, str]]:
    cases = []
    for project, (_, _, letters) in PLANS.items():
        for fmt in FORMATS:
            for kind in (*DOCUMENTS, *letters):
                cases.append((project, kind, fmt))
    return cases


@pytest.mark.parametrize(("project", "kind", "fmt"), _cases())
def test_golden_documents(
    runner: CliRunner, in_root: Path, project: str, kind: str, fmt: str
) -> None:
    path, as_of, letters = PLANS[project]
    task = [letters[kind]] if kind in letters else []
    code, out, err = _render(runner, kind, *task, path, "--as-of", as_of, "--format", fmt)
    assert code == 0, err
    assert_golden(f"render/{project}/{kind}.{fmt}", out)


def test_every_built_in_document_has_goldens_for_every_seed() -> None:
    seeds = [p for p in PLANS if p != "green-district"]
    for project in seeds:
        for kind in DOCUMENTS:
            for fmt in FORMATS:
                assert (GOLDEN / "render" / project / f"{kind}.{fmt}").is_file()
    for kind in ("announcement", "press-release"):
        for fmt in FORMATS:
            assert (GOLDEN / "render" / "green-district" / f"{kind}.{fmt}").is_file()


# ---------------------------------------------------------------------------- seed 004


def _source_table() -> tuple[list[str], list[str]]:
    """Deadline phrases and responsibles of seed 004's table, in the source's order."""
    text = (SOURCES / "004_2f149ee66f1f2b1b.txt").read_text(encoding="utf-8")
    table = text[text.index("№ п/п"):]
    due = re.compile(
        r"До \d\d\.\d\d\.\d{4}"
        r"|\d\d\.\d\d\.\d{4}\s*-?\s*\d\d\.\d\d\.\d{4}"
        r"|Постоянно в течение года|По отдельному графику"
        r"|В течение года \(в"  # the phrase is cut by a page break in the export
    )
    name = re.compile(r"Руководители ОО|[А-ЯЁ][а-яё]+ [А-ЯЁ]\. ?[А-ЯЁ]\.")
    return due.findall(table), name.findall(table)


def test_seed_004_roadmap_reproduces_every_row_deadline_and_responsible(
    runner: CliRunner, in_root: Path
) -> None:
    code, out, err = _render(runner, "roadmap", "projects/primorye-roadmap-2022.yaml",
                             "--as-of", "2022-10-16")
    assert code == 0, err
    rows = [line for line in out.splitlines() if line.startswith("| ") and "---" not in line]
    numbers = [row.split("|")[1].strip() for row in rows[1:]]
    # 20 items, and the sub-rows of items 6, 8, 9, 13, 16, 17, 18 (2 + 3 × 6)
    assert [n for n in numbers if n.endswith(".")] == [f"{i}." for i in range(1, 21)]
    assert len(numbers) == 20 + 20

    dues, names = _source_table()
    assert len(dues) == 33
    position = 0
    for phrase in dues:
        found = out.find(phrase, position)
        assert found != -1, f"deadline {phrase!r} missing or out of order"
        position = found + len(phrase)

    # responsibles: every source name, in order, with the registry's spelling where the
    # registry knows the person («Моргунова И. Е.» is «Моргунова И.Е.»; the typo
    # «Шкурятская М.В.» is not in the registry and stays as written)
    table = "\n".join(rows)
    rendered = [normalise_name(n) for n in re.findall(
        r"Руководители ОО|[А-ЯЁ][а-яё]+ [А-ЯЁ]\. ?[А-ЯЁ]\.", table)]
    assert len(names) == 44  # every name in the source's last column
    position = 0
    for written in names:
        key = normalise_name(written)
        assert key in rendered[position:], f"responsible {written!r} missing or out of order"
        position = rendered.index(key, position) + 1
    assert "Шкурятская М.В." in out


def test_seed_004_steps_are_sub_rows_with_the_result_of_the_source(
    runner: CliRunner, in_root: Path
) -> None:
    _, out, _ = _render(runner, "roadmap", "projects/primorye-roadmap-2022.yaml",
                        "--as-of", "2022-10-16")
    lines = out.splitlines()
    task = next(k for k, line in enumerate(lines) if line.startswith("| 8. |"))
    row = lines[task + 2]  # the second step: the source numbers no step, nor does the table
    cells = [c.strip() for c in row.split("|")[1:-1]]
    assert cells[:5] == [
        "•", "", "10.10.2022 - 14.10.2022",
        "Информирование целевой аудитории (обучающиеся, родители) о проведении опроса: "
        "содержание, сроки, условия, мотивирование к участию в опросе.",
        "Руководители ОО",
    ]
    assert cells[5] == "! просрочено на 2 дня"


# ---------------------------------------------------------------------------- options


def test_several_plans_need_a_project_or_a_folder(runner: CliRunner, in_root: Path) -> None:
    code, out, err = _render(runner, "roadmap", "projects/", "--as-of", "2022-10-16")
    assert code == 2
    assert out == ""
    assert "--project" in err


def test_several_plans_go_to_a_folder(runner: CliRunner, in_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "out"
    code, _, err = _render(runner, "note", "projects/", "--as-of", "2022-10-16", "-o",
                           f"{target}/", "-f", "html")
    assert code == 0, err
    assert sorted(p.name for p in target.iterdir()) == sorted(
        f"{p}.note.html" for p in PLANS if p != "green-district"
    )
    assert err.count("записано: ") == 5


def test_project_picks_one_plan_and_output_suffix_picks_html(
    runner: CliRunner, in_root: Path, tmp_path: Path
) -> None:
    target = tmp_path / "roadmap.html"
    code, out, err = _render(runner, "roadmap", "projects/", "--project",
                             "primorye-roadmap-2022", "--as-of", "2022-10-16", "-o", str(target))
    assert code == 0, err
    assert out == ""
    expected = (GOLDEN / "render" / "primorye-roadmap-2022" / "roadmap.html").read_text("utf-8")
    assert target.read_text(encoding="utf-8") == expected


def test_unknown_project_kind_and_task_are_usage_errors(runner: CliRunner, in_root: Path) -> None:
    code, _, err = _render(runner, "roadmap", "projects/", "--project", "nowhere")
    assert code == 2 and "nowhere" in err and "primorye-roadmap-2022" in err
    code, _, err = _render(runner, "gantt", FIXTURE)
    assert code == 2 and "roadmap" in err
    code, _, err = _render(runner, "announcement")
    assert code == 2 and "clusterctl render announcement 3" in err
    code, _, err = _render(runner, "announcement", "99", FIXTURE)
    assert code == 2 and "нет мероприятия '99'" in err and "I/1" in err
    code, _, err = _render(runner, "roadmap", FIXTURE, "--format", "pdf")
    assert code == 2
    code, _, err = _render(runner, "report", FIXTURE, "--from", "2024-12-01", "--to",
                           "2024-01-01")
    assert code == 2


def test_a_task_id_repeated_across_stages_needs_the_stage(
    runner: CliRunner, in_root: Path
) -> None:
    path = "projects/mari-el-engineering-cluster.yaml"
    code, _, err = _render(runner, "announcement", "Задача №2", path, "--as-of", "2025-03-01")
    assert code == 2
    assert "1/Задача №2, 2/Задача №2" in err
    code, out, _ = _render(runner, "announcement", "Задача №2", path, "--stage", "2",
                           "--as-of", "2025-03-01")
    assert code == 0
    slash_code, slash_out, _ = _render(runner, "announcement", "2/Задача №2", path,
                                       "--as-of", "2025-03-01")
    assert slash_code == 0 and slash_out == out


def test_missing_letter_fields_are_warned_and_shown(runner: CliRunner, in_root: Path) -> None:
    code, out, err = _render(runner, "announcement", "I/3", FIXTURE, "--as-of", "2024-11-01")
    assert code == 0
    assert err.splitlines() == [
        f"{FIXTURE}: warning letter-missing-field анонс мероприятия I/3: не указано «место "
        "проведения» (заполните в stages[0].tasks[2]: event.place)",
        f"{FIXTURE}: warning letter-missing-field анонс мероприятия I/3: не указано «ссылка "
        "для предварительной регистрации» (заполните в stages[0].tasks[2]: "
        "event.registration_url)",
    ]
    assert "**Место проведения:** [не указано: место проведения]" in out
    strict, _, _ = _render(runner, "announcement", "I/3", FIXTURE, "--as-of", "2024-11-01",
                           "--strict")
    assert strict == 1
    code, _, err = _render(runner, "announcement", "I/3", FIXTURE, "--as-of", "2024-11-01",
                           "--lang", "en")
    assert "missing 'place' (fill in stages[0].tasks[2]: event.place)" in err
    code, out, err = _render(runner, "press-release", "I/1", FIXTURE, "--as-of", "2024-11-01",
                             "--strict", "-f", "html")
    assert code == 0 and err == ""
    assert 'class="missing"' not in out


def test_a_complete_announcement_has_every_field_of_seed_003(
    runner: CliRunner, in_root: Path
) -> None:
    code, out, err = _render(runner, "announcement", "4", FIXTURE, "--as-of", "2024-11-01")
    assert code == 0 and err == ""
    for label, value in [
        ("Цель мероприятия", "Познакомить старшеклассников с работодателями района"),
        ("Краткое содержание", "Площадки предприятий и колледжей, профпробы, консультации"),
        ("Участники", "обучающиеся 8–11 классов, родители"),
        ("Дата проведения", "6 декабря 2024 г. (пятница)"),
        ("Время проведения", "14:00"),
        ("Место проведения", "ГБОУ СОШ № 252, спортивный зал"),
        ("Предполагаемое количество участников", "200"),
        ("Ссылка для предварительной регистрации", "https://example.org/fair"),
    ]:
        assert f"- **{label}:** {value}\n" in out
    assert "## Ярмарка профессий «Мир профессий»" in out
    assert "Отправить: 22.11.2024 (за 14 дней), 02.12.2024 (за 4 дня), 05.12.2024 (накануне)." \
        in out


def test_report_period_options(runner: CliRunner, in_root: Path) -> None:
    code, out, _ = _render(runner, "report", FIXTURE, "--as-of", "2024-11-01", "--from",
                           "2024-11-01", "--to", "2024-12-31", "--cluster", "ecology")
    assert code == 0
    assert "за период: ноябрь–декабрь 2024 г." in out
    assert "Направление: Экологическое воспитание" in out
    assert "Направление: Трудовое воспитание" not in out
    assert "За период проведённых мероприятий в плане не отмечено." in out  # held 18.10


def test_html_is_self_contained(in_root: Path) -> None:
    for path in (GOLDEN / "render").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("<!DOCTYPE html>"), path
        assert "<script" not in text and "<link" not in text and " src=" not in text, path
        assert "@import" not in text and not re.search(r"url\((?!#)", text), path


def test_roadmap_html_carries_the_timeline(in_root: Path) -> None:
    text = (GOLDEN / "render" / "green-district" / "roadmap.html").read_text(encoding="utf-8")
    assert text.count('<svg class="gantt"') == 2  # one chart per stage
    assert 'class="today"' in text
    assert 'class="band"' in text  # «Постоянно в течение года»
    assert 'class="bar overdue"' in text  # 7.2
    assert 'class="milestone done"' in text
    assert "По отдельному графику" in text
    assert "@page wide { size: A4 landscape" in text
    assert "body.roadmap, body.report { page: wide; }" in text
    # the plan's approval stamp heads the plan's own documents
    assert ('<div class="approval">УТВЕРЖДЕНО<br>приказом отдела образования администрации '
            'Красносельского района от 29.08.2024 № 412-р</div>') in text
    assert "thead { display: table-header-group; }" in text


# ---------------------------------------------------------------------------- templates


def _plan_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    target = folder / "green-district.yaml"
    target.write_bytes((ROOT / FIXTURE).read_bytes())
    return target


def test_templates_next_to_the_plans_override_the_built_ins(
    runner: CliRunner, tmp_path: Path
) -> None:
    plan = _plan_copy(tmp_path)
    (plan.parent / "templates").mkdir()
    (plan.parent / "templates" / "roadmap.md.j2").write_text(
        '{% import "_macros.md.j2" as m %}Своя карта: {{ project.title }}\n'
        "{{ m.legend() }}\n", encoding="utf-8")
    code, out, err = _render(runner, "roadmap", str(plan), "--as-of", "2024-11-01")
    assert code == 0, err
    assert out == ("Своя карта: Районная программа экологического и трудового воспитания "
                   "«Зелёный район»\nОтметки: ✓ — выполнено, ✗ — отменено, ↻ — срок перенесён, "
                   "! — просрочено.\n")
    # --templates comes first
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "roadmap.md.j2").write_text("Из --templates: {{ today|day_long }}\n", "utf-8")
    code, out, _ = _render(runner, "roadmap", str(plan), "--as-of", "2024-11-01",
                           "--templates", str(mine))
    assert out == "Из --templates: 1 ноября 2024 г.\n"
    # the other kinds still come from the built-ins
    code, out, _ = _render(runner, "passport", str(plan), "--as-of", "2024-11-01",
                           "--templates", str(mine))
    assert code == 0 and out.startswith("> УТВЕРЖДЕНО\\\n> приказом") and (
        "\n# Паспорт проекта\n" in out)


def test_user_template_file_gets_the_same_context(runner: CliRunner, tmp_path: Path) -> None:
    template = tmp_path / "list.md.j2"
    template.write_text(
        "{% for i in items if i.overdue %}{{ i.key }} {{ i.due.text }} {{ i.due.long }}\n"
        "{% endfor %}{{ figures.total }} {{ status.current_stage }} {{ task.key }} "
        "{{ announcement.field.place.marker }}\n", encoding="utf-8")
    result = CliRunner().invoke(app, [
        "render", "--template", str(template), str(ROOT / FIXTURE), "--as-of", "2024-11-01",
        "--task", "I/3",
    ])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "I/7.2 21.10.2024 - 25.10.2024 21–25 октября 2024 г.\n"
        "9 I I/3 [не указано: место проведения]\n"
    )


def test_html_user_template_is_autoescaped(runner: CliRunner, tmp_path: Path) -> None:
    plan = _plan_copy(tmp_path)
    text = plan.read_text(encoding="utf-8").replace(
        "Акция «Сдай батарейку — спаси ёжика»", "Акция <b>&</b>")
    plan.write_text(text, encoding="utf-8")
    template = tmp_path / "t.html.j2"
    template.write_text("{{ items[1].title }}", encoding="utf-8")
    _, out, _ = _render(runner, "--template", str(template), str(plan))
    assert out == "Акция &lt;b&gt;&amp;&lt;/b&gt;"
    plain = tmp_path / "t.md.j2"
    plain.write_text("{{ items[1].title }}", encoding="utf-8")
    _, out, _ = _render(runner, "--template", str(plain), str(plan))
    assert out == "Акция <b>&</b>"


def _broken(tmp_path: Path, text: str, name: str = "broken.md.j2") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_undefined_variable_is_located(runner: CliRunner, tmp_path: Path) -> None:
    template = _broken(tmp_path, "# {{ project.title }}\n{% for s in stages %}\n"
                       "{% for t in s.tasks %}{{ t.titel }}{% endfor %}\n{% endfor %}\n")
    code, out, err = _render(runner, "--template", str(template), str(ROOT / FIXTURE))
    assert code == 1
    assert out == ""
    assert err == (
        f"{template}:3: error template-undefined в шаблоне неизвестная переменная или поле: "
        "'clusterctl.documents.context.values.ItemCtx object' has no attribute 'titel'\n"
        "    подсказка: Возможно, имелось в виду «title». Переменные и их поля перечислены в "
        "docs/templates.md.\n"
    )
    template = _broken(tmp_path, "\n\n{{ projcet.title }}\n")
    code, _, err = _render(runner, "--template", str(template), str(ROOT / FIXTURE),
                           "--lang", "en")
    assert code == 1
    assert err.startswith(f"{template}:3: error template-undefined unknown variable")
    assert "Did you mean 'project'?" in err


def test_a_syntax_error_is_located(runner: CliRunner, tmp_path: Path) -> None:
    template = _broken(tmp_path, "line one\n{% for s in stages %}\n{{ s.title }\n")
    code, _, err = _render(runner, "--template", str(template), str(ROOT / FIXTURE))
    assert code == 1
    assert err == (
        f"{template}:3: error template-syntax ошибка в записи шаблона: unexpected '}}'\n"
        "    подсказка: Проверьте парность {{ }}, {% %} и закрывающие {% end… %} "
        "(docs/templates.md).\n"
    )


def test_an_error_in_an_included_template_names_that_template(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "roadmap.md.j2").write_text('{% include "_part.md.j2" %}\n', encoding="utf-8")
    (folder / "_part.md.j2").write_text("ok\n{{ nothing_here }}\n", encoding="utf-8")
    code, _, err = _render(runner, "roadmap", str(ROOT / FIXTURE), "--templates", str(folder))
    assert code == 1
    assert err.startswith(f"{folder / '_part.md.j2'}:2: error template-undefined ")


def test_a_broken_built_in_override_in_the_plans_folder_fails_with_exit_1(
    runner: CliRunner, tmp_path: Path
) -> None:
    plan = _plan_copy(tmp_path)
    (plan.parent / "templates").mkdir()
    (plan.parent / "templates" / "note.md.j2").write_text("{% if %}\n", encoding="utf-8")
    code, _, err = _render(runner, "note", str(plan))
    assert code == 1
    assert f"{plan.parent / 'templates' / 'note.md.j2'}:1: error template-syntax" in err


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ project.__class__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ items.__len__() }}",
        "{{ joiner.__init__.__globals__ }}",
        "{% for x in items %}{{ items.append(1) }}{% endfor %}",
    ],
)
def test_unsafe_attributes_are_refused(runner: CliRunner, tmp_path: Path, source: str) -> None:
    template = _broken(tmp_path, "\n" + source + "\n")
    code, out, err = _render(runner, "--template", str(template), str(ROOT / FIXTURE))
    assert code == 1, out
    assert err.startswith(f"{template}:2: error template-unsafe "), err


def test_templates_cannot_reach_outside_their_folders(runner: CliRunner, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    folder = tmp_path / "tpl"
    folder.mkdir()
    for include in ("../secret.txt", "/etc/passwd", "..\\\\secret.txt"):
        (folder / "roadmap.md.j2").write_text(f'x\n{{% include "{include}" %}}\n', "utf-8")
        code, out, err = _render(runner, "roadmap", str(ROOT / FIXTURE), "--templates",
                                 str(folder))
        assert code == 1
        assert "SECRET" not in out
        assert "error template-unsafe" in err or "error template-not-found" in err, err
        assert ":2: " in err
    # a symlink inside the folder that leads out of it is refused too
    (folder / "link.txt").symlink_to(secret)
    (folder / "roadmap.md.j2").write_text('{% include "link.txt" %}\n', "utf-8")
    code, out, err = _render(runner, "roadmap", str(ROOT / FIXTURE), "--templates", str(folder))
    assert code == 1
    assert "SECRET" not in out
    assert "error template-unsafe" in err


def test_a_missing_template_file_or_folder_is_a_usage_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    code, _, err = _render(runner, "--template", str(tmp_path / "none.j2"), str(ROOT / FIXTURE))
    assert code == 2 and "none.j2" in err
    code, _, err = _render(runner, "roadmap", str(ROOT / FIXTURE), "--templates",
                           str(tmp_path / "nope"))
    assert code == 2 and "nope" in err


def test_templates_list_show_copy(runner: CliRunner, tmp_path: Path) -> None:
    listed = runner.invoke(app, ["templates", "list"])
    assert listed.exit_code == 0
    for kind in ("roadmap", "passport", "report", "note", "announcement", "press-release",
                 "agenda"):
        assert f"{kind}.md.j2" in listed.stdout and f"{kind}.html.j2" in listed.stdout
    assert "_base.html.j2" in listed.stdout

    shown = runner.invoke(app, ["templates", "show", "roadmap", "--format", "html"])
    assert shown.exit_code == 0
    assert shown.stdout == (ROOT / "templates" / "roadmap.html.j2").read_text("utf-8")

    target = tmp_path / "my-templates"
    copied = runner.invoke(app, ["templates", "copy", "roadmap", str(target)])
    assert copied.exit_code == 0
    assert sorted(p.name for p in target.iterdir()) == ["roadmap.docx", "roadmap.html.j2",
                                                        "roadmap.md.j2"]
    again = runner.invoke(app, ["templates", "copy", "roadmap", str(target)])
    assert again.exit_code == 2 and "--force" in again.stderr
    base = runner.invoke(app, ["templates", "copy", "_base", str(target)])
    assert base.exit_code == 0 and (target / "_base.html.j2").is_file()

    # edit the copy: the look changes, the rest stays
    page = target / "roadmap.md.j2"
    page.write_text(page.read_text("utf-8").replace("# {{ project.title }}",
                                                    "# Дорожная карта: {{ project.title }}"),
                    encoding="utf-8")
    listed = runner.invoke(app, ["templates", "list", "--templates", str(target)])
    assert f"roadmap.md.j2  ← {target / 'roadmap.md.j2'}" in listed.stdout
    result = runner.invoke(app, ["render", "roadmap", str(ROOT / FIXTURE), "--as-of",
                                 "2024-11-01", "--templates", str(target)])
    assert result.exit_code == 0
    expected = (GOLDEN / "render" / "green-district" / "roadmap.md").read_text("utf-8")
    assert result.stdout == expected.replace("# Районная", "# Дорожная карта: Районная", 1)

    unknown = runner.invoke(app, ["templates", "show", "gantt"])
    assert unknown.exit_code == 2


# ---------------------------------------------------------------------------- library


def test_the_library_renders_without_the_cli(in_root: Path) -> None:
    from clusterctl.check import CheckOptions, check_file
    from clusterctl.documents.context.kinds import build_context
    from clusterctl.documents.render import Renderer, search_path
    from clusterctl.queries import build_digest

    today = datetime.date(2024, 11, 1)
    result = check_file(Path(FIXTURE), FIXTURE, CheckOptions(today=today))
    assert result.index is not None
    ctx = build_context(result.index, build_digest(result.index), today, file=FIXTURE,
                        kind="roadmap", fmt="md")
    text = Renderer(search_path(None, [Path(FIXTURE).parent]), "md").render(
        "roadmap.md.j2", ctx)
    assert text == (GOLDEN / "render" / "green-district" / "roadmap.md").read_text("utf-8")


def test_built_ins_are_found_in_a_wheel_and_in_a_checkout(tmp_path: Path) -> None:
    from clusterctl.documents.render import builtin_dir

    assert builtin_dir() == ROOT / "templates"
    package = tmp_path / "site" / "clusterctl"
    (package / "_templates").mkdir(parents=True)
    assert builtin_dir(package) == package / "_templates"
    checkout = tmp_path / "repo" / "clusterctl"
    checkout.mkdir(parents=True)
    assert builtin_dir(checkout) == tmp_path / "repo" / "templates"


def test_filters(in_root: Path) -> None:
    from clusterctl.documents.filters import FILTERS

    day = datetime.date(2022, 9, 26)
    assert FILTERS["day"](day) == "26.09.2022"
    assert FILTERS["day_long"](day) == "26 сентября 2022 г."
    assert FILTERS["span"](datetime.date(2022, 10, 10), datetime.date(2022, 10, 14)) == (
        "10.10.2022–14.10.2022")
    assert FILTERS["span_long"](datetime.date(2014, 1, 1), datetime.date(2014, 2, 28)) == (
        "январь–февраль 2014 г.")
    assert FILTERS["month_year"](day) == "сентябрь 2022 г."
    assert FILTERS["weekday"](day) == "понедельник"
    assert [FILTERS["plural"](n, "день", "дня", "дней") for n in (1, 3, 5, 11, 21, 22)] == [
        "1 день", "3 дня", "5 дней", "11 дней", "21 день", "22 дня"]
    assert FILTERS["percent"](0.4567) == "46\u00a0%"
    assert FILTERS["percent"](None) == ""
    assert FILTERS["cell"]("a | b\n- c") == "a \\| b<br>- c"
    assert str(FILTERS["nl2br"]("<a>\nb")) == "&lt;a&gt;<br>b"
    assert FILTERS["names"](["А", "Б"]) == "А, Б"
    assert str(FILTERS["link"]("https://example.org/a?b=1&c=2")) == (
        '<a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>')
    assert str(FILTERS["link"]("javascript:alert(1)")) == "javascript:alert(1)"
    assert str(FILTERS["link"]('"><script>')) == "&#34;&gt;&lt;script&gt;"


def test_golden_files_have_no_stray_outputs() -> None:
    """Every golden file under render/ belongs to a case (no leftovers after a rename)."""
    expected = {f"{p}/{k}.{f}" for p, k, f in _cases()}
    found = {p.relative_to(GOLDEN / "render").as_posix()
             for p in (GOLDEN / "render").rglob("*") if p.is_file()}
    if os.environ.get("UPDATE_GOLDEN") != "1":
        assert found == expected


# ---------------------------------------------------------------------------- docs


def _context_types() -> list[type]:
    import dataclasses

    from clusterctl import queries
    from clusterctl.documents.context.kinds import CONTEXT_TYPES
    from clusterctl.queries import people, reminders

    types = [t for t in CONTEXT_TYPES.values() if dataclasses.is_dataclass(t)]
    types += [queries.ProjectStatus, queries.Progress, queries.NextDue, queries.Participation,
              queries.OverdueItem, queries.Upcoming, queries.UpcomingEntry, queries.Who,
              queries.PersonLoad, people.Duty, queries.MeetingAgenda, queries.AgendaEntry,
              reminders.Reminder]
    return types


def test_docs_name_every_variable_field_and_filter() -> None:
    import dataclasses

    from clusterctl.documents.filters import FILTERS

    text = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    for cls in _context_types():
        if cls.__name__ not in ("DocContext", "Work"):
            assert cls.__name__ in text, cls.__name__
        for field in dataclasses.fields(cls):
            assert f"`{field.name}`" in text, f"{cls.__name__}.{field.name}"
    for name in FILTERS:
        assert f"| `{name}` |" in text, name
    for kind in ("roadmap", "passport", "report", "note", "announcement", "press-release",
                 "agenda"):
        assert f"`{kind}" in text
    for code in ("template-syntax", "template-undefined", "template-not-found",
                 "template-unsafe", "template-error"):
        assert f"`{code}`" in text


@pytest.mark.parametrize("doc", ["templates.md", "ru/templates.md"])
def test_docs_template_examples_render(runner: CliRunner, tmp_path: Path, doc: str) -> None:
    text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    blocks = re.findall(r"```jinja\n(.*?)```", text, re.S)
    assert blocks
    folder = tmp_path / "my-templates"
    folder.mkdir()
    for number, block in enumerate(blocks):
        first = block.splitlines()[0]
        name = re.search(r"my-templates/([\w.-]+)", first)
        path = folder / (name.group(1) if name else f"example{number}.md.j2")
        path.write_text(block, encoding="utf-8")
        if name and not path.name.startswith("_"):
            kind, fmt = path.name.split(".")[:2]
            args = [kind, str(ROOT / FIXTURE), "--templates", str(folder), "-f", fmt]
        else:
            args = ["--template", str(path), str(ROOT / FIXTURE), "--task", "I/3"]
        result = runner.invoke(app, ["render", *args, "--as-of", "2024-11-01"])
        assert result.exit_code == 0, (doc, number, result.stderr)
        assert result.stdout.strip(), (doc, number)


def test_a_plan_with_errors_is_reported_and_skipped(runner: CliRunner, tmp_path: Path) -> None:
    plan = _plan_copy(tmp_path)
    broken = plan.parent / "broken.yaml"
    broken.write_text("version: 1\nproject: [not, a, passport]\n", encoding="utf-8")
    code, out, err = _render(runner, "roadmap", str(plan.parent), "--as-of", "2024-11-01")
    assert code == 1  # the good plan is rendered, the broken one reported
    assert out.startswith("> УТВЕРЖДЕНО\\\n") and "\n# Районная программа" in out
    assert f"{broken}:2:" in err
    code, out, _ = _render(runner, "roadmap", str(plan.parent), "--project", "broken")
    assert code == 1 and out == ""


def test_docs_say_which_kinds_see_what() -> None:
    """The table «Which kinds see what» is what `build_context` computes for each kind (the
    variables that come with one: `figures` with `status`, `by_responsible` with `who`)."""
    from clusterctl.documents.context.kinds import EXTRAS

    text = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    table = text[text.index("### Which kinds see what"):]
    comes_with = {"status": ["status", "figures"], "who": ["who", "by_responsible"]}
    for kind, extras in EXTRAS.items():
        row = re.search(rf"^\| `{re.escape(kind)}` \| (.*) \|$", table, re.M)
        assert row is not None, kind
        listed = re.findall(r"`(\w+)`", row[1])
        assert sorted(listed) == sorted(v for e in extras for v in comes_with.get(e, [e])), kind


@pytest.mark.parametrize("kind", ["roadmap", "passport", "report", "note", "agenda"])
def test_a_kind_has_exactly_its_variables(in_root: Path, kind: str) -> None:
    """Each kind gets the common variables and its own; a --template (no kind) gets all."""
    from clusterctl.check import CheckOptions, check_file
    from clusterctl.documents.context.kinds import EXTRAS, build_context
    from clusterctl.queries import build_digest

    today = datetime.date(2022, 10, 16)
    path = "projects/primorye-roadmap-2022.yaml"
    result = check_file(Path(path), path, CheckOptions(today=today))
    assert result.index is not None
    digest = build_digest(result.index)
    every = set(build_context(result.index, digest, today))
    mine = set(build_context(result.index, digest, today, kind=kind))
    extras = {"status": {"status", "figures"}, "who": {"who", "by_responsible"}}
    own = set().union(*(extras.get(e, {e}) for e in EXTRAS[kind])) if EXTRAS[kind] else set()
    optional = set().union(*(extras.get(e, {e}) for e in
                             ("status", "timeline", "upcoming", "who", "report", "agendas")))
    assert mine == (every - optional) | own
