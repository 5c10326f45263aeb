"""The built-in Word templates (templates/*.docx), made by code so that they can be reviewed,
changed and made again (`make templates`; a test checks the committed files are what this
module makes).

Each is an ordinary Word document — A4, Times New Roman, the page margins of Russian office
documents (left 30 mm), «стр. N из M» at the foot — with docxtpl tags typed into it. A user
copies one (`clusterctl templates copy roadmap DIR --format docx`), opens it in Word or
LibreOffice, changes the wording, the fonts or the layout, and keeps the tags. The texts are
the templates' own (they are Russian documents, as the HTML and Markdown templates are).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH

from clusterctl.documents.word import FONT, fixed_times

KINDS = ("roadmap", "passport", "report", "note", "announcement", "press-release", "agenda")
_WIDE = ("roadmap", "report")
_MISSED = "{% if o.missed|length > 1 %}, пропущено повторений: {{ o.missed|length }}{% endif %}"
"""After an overdue row's days: how many occurrences of a recurring deadline it stands for."""


def _no_theme_font(style: Any) -> None:
    """The style in the font set on it, not in the theme's (Word's headings name the theme's
    «major» font, which wins over the font name)."""
    from docx.oxml.ns import qn

    fonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
    if fonts is not None:
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)


class _Doc:
    """A Word template being written: paragraphs, docxtpl tags, tables with looping rows."""

    def __init__(self, wide: bool) -> None:
        from docx import Document
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm, Pt

        self.document = Document()
        section = self.document.sections[0]
        section.page_width, section.page_height = (Mm(297), Mm(210)) if wide else (
            Mm(210), Mm(297))
        section.orientation = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
        section.left_margin = Mm(20 if wide else 30)
        section.right_margin = Mm(10 if wide else 15)
        section.top_margin = section.bottom_margin = Mm(15 if wide else 20)
        styles = self.document.styles
        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(12 if wide else 14)
        normal.paragraph_format.space_after = Pt(4)
        for name, size in (("Heading 1", 14), ("Heading 2", 13), ("Heading 3", 12)):
            style = styles[name]
            _no_theme_font(style)
            style.font.name = FONT
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.italic = False
            style.font.color.rgb = None
            style.paragraph_format.space_before = Pt(10)
            style.paragraph_format.space_after = Pt(4)
        _no_theme_font(normal)
        self._footer(section)
        import datetime

        props = self.document.core_properties
        props.created = props.modified = datetime.datetime(2000, 1, 1)
        props.last_modified_by = props.author = "clusterctl"
        props.revision = 1
        self.document.core_properties.title = "{{ doc.title }} — {{ project.title }}"

    def _footer(self, section: Any) -> None:
        """«стр. N из M» (PAGE and NUMPAGES fields) and where the document comes from."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Pt

        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for text, field in (("стр. ", "PAGE"), (" из ", "NUMPAGES")):
            run = footer.add_run(text)
            run.font.size = Pt(9)
            simple = OxmlElement("w:fldSimple")
            simple.set(qn("w:instr"), f" {field} ")
            inner = OxmlElement("w:r")
            text_el = OxmlElement("w:t")
            text_el.text = "1"
            inner.append(text_el)
            simple.append(inner)
            footer._p.append(simple)
        source = section.footer.add_paragraph()
        run = source.add_run("Сформировано clusterctl по плану {{ project.file or project.id }} "
                             "на {{ today|day_long }}")
        run.font.size = Pt(8)

    def p(self, *parts: str | tuple[str, str], style: str | None = None,
          align: str | None = None) -> None:
        """A paragraph of runs: text, or ("b", text) for bold, ("i", text) for italic."""
        paragraph = self.document.add_paragraph(style=style)
        if align is not None:
            paragraph.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER,
                                   "right": WD_ALIGN_PARAGRAPH.RIGHT,
                                   "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
        for part in parts:
            mark, text = part if isinstance(part, tuple) else ("", part)
            run = paragraph.add_run(text)
            run.bold = "b" in mark or None
            run.italic = "i" in mark or None

    def tag(self, text: str) -> None:
        """A docxtpl paragraph tag ({%p … %}): the paragraph goes, the loop or test stays."""
        self.document.add_paragraph(text)

    def each(self, loop: str, *parts: str | tuple[str, str], style: str | None = "List Bullet"
             ) -> None:
        """A paragraph repeated for each item: `{%p for LOOP %}` … `{%p endfor %}`."""
        self.tag(f"{{%p for {loop} %}}")
        self.p(*parts, style=style)
        self.tag("{%p endfor %}")

    def when(self, condition: str, *parts: str | tuple[str, str], style: str | None = None
             ) -> None:
        """A paragraph kept only when CONDITION holds: `{%p if … %}` … `{%p endif %}`."""
        self.tag(f"{{%p if {condition} %}}")
        self.p(*parts, style=style)
        self.tag("{%p endif %}")

    def h(self, text: str, level: int = 1) -> None:
        self.document.add_heading(text, level)

    def title(self, text: str) -> None:
        """The document's name: centred, bold, 16 points."""
        from docx.shared import Pt

        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold = True
        run.font.size = Pt(16)

    def page_break(self) -> None:
        from docx.enum.text import WD_BREAK

        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def table(self, heads: list[str], cells: list[str], loop: str,
              widths: list[float] | None = None) -> None:
        """A table: a header row (repeated on every page), then a row per item of `loop`
        («o in overdue»); each of `cells` is the text of a column."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm

        table = self.document.add_table(rows=4, cols=len(heads))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, heads, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        header = table.rows[0]._tr.get_or_add_trPr()
        header.append(OxmlElement("w:tblHeader"))
        table.rows[1].cells[0].paragraphs[0].add_run("{%tr for " + loop + " %}")
        for cell, text in zip(table.rows[2].cells, cells, strict=True):
            cell.paragraphs[0].add_run(text)
        for row in table.rows:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
        if widths:
            for row in table.rows:
                for cell, width in zip(row.cells, widths, strict=True):
                    cell.width = Mm(width)
        del qn

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return fixed_times(buffer.getvalue())


def _approval(d: _Doc) -> None:
    d.tag("{%p if project.approval %}")
    d.p(("b", "УТВЕРЖДЕНО"), align="right")
    d.p("{{ project.approval.text }}", align="right")
    d.tag("{%p endif %}")


def _header(d: _Doc) -> None:
    d.when("project.region", ("b", "Регион: "), "{{ project.region }}")
    d.when("project.organisation", ("b", "Организация: "), "{{ project.organisation }}")
    d.when("project.period",
           ("b", "Сроки: "), "{{ project.period.text }}{% if project.period.text != "
        "project.period.long %} ({{ project.period.long }}){% endif %}")
    d.when("project.leads", ("b", "Руководитель проекта: "), "{{ project.leads|names }}")
    d.p(("b", "Стадия реализации на {{ today|day_long }}: "), "{{ project.state_text }}")


def _unread(d: _Doc) -> None:
    d.when("unread", ("b", "⚠ Сроки не распознаны и не учтены в расчётах "),
           "({{ unread|length|plural('пункт', 'пункта', 'пунктов') }}): {% for i in unread %}"
           "{{ i.ref }} «{{ i.due.text }}»{% if not loop.last %}, {% endif %}{% endfor %}. "
           "Исправьте их (проверка: clusterctl validate).")


def _overdue_table(d: _Doc, rows: str) -> None:
    d.table(["№", "Мероприятие", "Срок", "Ответственные", "Просрочено"],
            ["{{ o.id }}", "{{ o.title }}", "{{ o.due_phrase|line }}",
             "{{ o.responsible|names }}", "{{ o.days_overdue|plural('день', 'дня', 'дней') }}"
             + _MISSED],
            f"o in {rows}")


def roadmap() -> _Doc:
    d = _Doc(wide=True)
    _approval(d)
    d.title("{{ doc.title }}")
    d.p(("b", "{{ project.title }}"), align="center")
    _header(d)
    d.when("figures.total",
           ("b", "Выполнение: "), "выполнено {{ figures.done }} из {{ figures.total|plural("
        "'мероприятия', 'мероприятий', 'мероприятий') }}{% if figures.overdue %}, просрочено "
        "{{ figures.overdue }}{% else %}, просроченных нет{% endif %}{% if "
        "figures.rescheduled %}, перенесено {{ figures.rescheduled }}{% endif %}.")
    d.p("{{p roadmap_table }}")
    d.when("columns.mark",
           ("i", "Отметки: ✓ — выполнено, ✗ — отменено, ↻ — срок перенесён, ! — просрочено "
         "(красным — срок прошёл)."))
    _unread(d)
    d.page_break()
    d.h("Временная шкала")
    d.p(("i", "Закрашены месяцы, на которые приходится срок: голубым — запланировано, синим — "
         "в работе, зелёным — выполнено, красным — просрочено, серым — отменено; светлым — "
         "«постоянно»."))
    d.p("{{p timeline_table }}")
    return d


def passport() -> _Doc:
    d = _Doc(wide=False)
    _approval(d)
    d.title("Паспорт проекта")
    d.p(("b", "Название: "), "«{{ project.title }}»")
    d.p(("b", "Стадия реализации (на {{ today|day_long }}): "), "{{ project.state_text }}")
    for key, label in (("region", "Регион"), ("organisation", "Организация (ядро)")):
        d.tag(f"{{%p if project.{key} %}}")
        d.p(("b", f"{label}: "), f"{{{{ project.{key} }}}}")
        d.tag("{%p endif %}")
    for key, label in (("leads", "Руководитель проекта"), ("curators", "Кураторы"),
                       ("participants", "Участники")):
        d.tag(f"{{%p if project.{key} %}}")
        d.p(("b", f"{label}: "), f"{{{{ project.{key}|names }}}}")
        d.tag("{%p endif %}")
    d.p(("b", "Общая стратегическая цель: "), "{{ project.strategic_goal or 'не указано' }}")
    d.tag("{%p if project.goals %}")
    d.p(("b", "Цели:"))
    d.each("goal in project.goals", "{{ goal }}")
    d.tag("{%p endif %}")
    d.tag("{%p if project.objectives %}")
    d.p(("b", "Задачи:"))
    d.each("o in project.objectives", "{{ o.id }}. {{ o.title }}", style=None)
    d.tag("{%p endif %}")
    d.p(("b", "Сроки реализации: "), "{% if project.duration %}Проект рассчитан на "
        "{{ project.duration }}{% if project.period %}: {{ project.period.long }}{% endif %}"
        "{% elif project.period %}{{ project.period.long }}{% else %}не указано{% endif %}")
    d.h("Сроки реализации проекта и его основные этапы")
    d.tag("{%p for stage in stages %}")
    d.h("{{ stage.heading or 'Мероприятия' }}", 2)
    d.when("stage.period",
           "Срок реализации — {{ stage.period.text }}{% if stage.state == 'current' %} — идёт "
           "сейчас{% endif %}")
    d.when("stage.goal", ("b", "Цель: "), "{{ stage.goal }}")
    d.tag("{%p for task in stage.tasks %}")
    d.p(("b", "{{ task.number }} "), "{{ task.heading or task.label }}")
    d.each("step in task.steps", "{{ step.label }}")
    d.tag("{%p endfor %}")
    d.tag("{%p endfor %}")
    d.tag("{%p if clusters %}")
    d.h("Кластеры")
    d.table(["№", "Направление", "Базовая площадка", "Куратор", "Руководитель",
             "Участники (ОУ)"],
            ["{{ loop.index }}", "{{ c.title }}",
             "{{ c.base_site.name if c.base_site else '—' }}", "{{ c.curators|names }}",
             "{{ c.leads|names }}", "{{ c.members_text }}"], "c in clusters")
    d.tag("{%p endif %}")
    for key, label in (("management", "Управление реализацией"), ("monitoring", "Контроль")):
        d.tag(f"{{%p if project.{key} %}}")
        d.h(label)
        d.p(f"{{{{ project.{key} }}}}")
        d.tag("{%p endif %}")
    return d


def report() -> _Doc:
    d = _Doc(wide=True)
    d.title("Отчёт о реализации проекта")
    d.p(("b", "{{ project.title }}"), align="center")
    d.p("за период: {{ report.period.long }}", align="center")
    _header(d)
    d.tag("{%p for s in report.sections %}")
    d.h("{{ s.title }}")
    d.when("s.goal", ("b", "Цель: "), "{{ s.goal }}")
    d.h("Проведённые мероприятия", 2)
    d.each("e in s.events", "{{ e.title }}{% if e.held_on %} ({{ e.held_on|day }}){% endif %}{% if "
           "e.participants_count %}; участников: {{ e.participants_count }}{% endif %}")
    d.p("Проведено мероприятий: {{ s.events|length }}; участников: {{ s.participants_total }}."
        " Доля школ района, принявших участие: {{ s.share_text }}.")
    d.h("Результаты", 2)
    d.each("i in s.results",
           "{{ i.ref }}. {{ i.label }}{% if i.result and i.result != i.label %} — {{ i.result|line "
           "}}{% endif %}{% if i.done_on %} ({{ i.done_on|day }}){% endif %}")
    d.when("not s.results", "За период выполненных мероприятий в плане не отмечено.")
    d.h("Трудности", 2)
    d.each("o in s.overdue",
           "не выполнено в срок: {{ o.id }}. {{ o.title }} (срок «{{ o.due_phrase|line }}», "
           "просрочено на {{ o.days_overdue|plural('день', 'дня', 'дней') }}" + _MISSED + ")")
    d.each("i in s.cancelled",
           "отменено: {{ i.ref }}. {{ i.label }}{% if i.cancel_reason %} — {{ i.cancel_reason|line "
           "}}{% endif %}")
    d.when("not s.overdue and not s.cancelled and not s.rescheduled", "Не отмечены.")
    d.h("Перспективы ({{ report.next_period.long }})", 2)
    d.each("i in s.prospects",
           "{{ i.ref }}. {{ i.label }} — {{ i.due.text if i.due else 'срок не указан' }}")
    d.tag("{%p endfor %}")
    d.h("Просроченные мероприятия на {{ today|day_long }}")
    d.tag("{%p if report.overdue %}")
    _overdue_table(d, "report.overdue")
    d.tag("{%p else %}")
    d.p("Просроченных мероприятий нет.")
    d.tag("{%p endif %}")
    _unread(d)
    return d


def note() -> _Doc:
    d = _Doc(wide=False)
    d.title("Аналитическая справка")
    d.p("о ходе реализации: {{ project.title }}", align="center")
    d.p("по состоянию на {{ today|day_long }}", align="center")
    d.h("1. Общие сведения")
    _header(d)
    d.h("2. Выполнение плана")
    d.p("Мероприятий в плане: {{ figures.total }}; выполнено: {{ figures.done }}{% if "
        "figures.share_done is not none %} ({{ figures.share_done|percent }}){% endif %}; "
        "выполняется: {{ figures.in_progress }}; запланировано: {{ figures.planned }}; "
        "просрочено: {{ figures.overdue }}; сроки перенесены: {{ figures.rescheduled }}; "
        "отменено: {{ figures.cancelled }}.")
    d.tag("{%p if status.stages %}")
    d.table(["Этап", "Всего", "Выполнено", "Просрочено"],
            ["{{ s.id }}. {{ s.title }}{% if s.current %} (текущий){% endif %}",
             "{{ s.total }}", "{{ s.done }}", "{{ s.overdue }}"], "s in status.stages")
    d.tag("{%p endif %}")
    d.h("3. Просроченные мероприятия")
    d.tag("{%p if overdue %}")
    _overdue_table(d, "overdue")
    d.tag("{%p else %}")
    d.p("Просроченных мероприятий нет.")
    d.tag("{%p endif %}")
    d.h("4. Ближайшие сроки (до {{ upcoming.until|day }})")
    d.each("e in upcoming.entries",
           "{{ e.due|day }} — {{ e.id }}. {{ e.title }}{% if e.responsible %} ({{ e.responsible|"
           "names }}){% endif %}")
    d.when("not upcoming.entries", "Сроков в ближайшие дни нет.")
    _unread(d)
    return d


def _letter_fields(d: _Doc, var: str, skip: str) -> None:
    d.tag(f"{{%p for f in {var}.fields if f.key not in {skip} %}}")
    d.p(("b", "{{ f.label[:1]|upper }}{{ f.label[1:] }}: "),
        "{{ f.text|line if not f.missing else f.marker }}")
    d.tag("{%p endfor %}")
    d.tag(f"{{%p if {var}.missing %}}")
    d.p(("i", "Не заполнено: {{ " + var + ".missing|map(attribute='label')|join(', ') }}. "
         "Заполните в плане ({{ " + var + ".task.path }})."))
    d.tag("{%p endif %}")


def announcement() -> _Doc:
    d = _Doc(wide=False)
    d.title("Анонс мероприятия")
    d.p(("b", "{{ announcement.field.title.text or announcement.field.title.marker }}"),
        align="center")
    d.when("announcement.recipients",
           "Кому: куратору кластера «{{ announcement.cluster.title }}» — "
           "{{ announcement.recipients|names }}, для рассылки в ОУ-участники кластера.")
    d.p("Уважаемые коллеги!", align="center")
    d.p("Приглашаем принять участие в мероприятии{% if announcement.cluster %} кластера "
        "«{{ announcement.cluster.title }}»{% endif %}.", align="justify")
    _letter_fields(d, "announcement", "('title',)")
    return d


def press_release() -> _Doc:
    d = _Doc(wide=False)
    d.title("Пресс-релиз")
    d.p(("b", "{{ press_release.field.title.text or press_release.field.title.marker }}"),
        align="center")
    _letter_fields(d, "press_release", "('title', 'summary', 'feedback', 'photos', 'hashtags')")
    d.h("Краткое содержание")
    d.p("{{ press_release.field.summary.text if not press_release.field.summary.missing else "
        "press_release.field.summary.marker }}", align="justify")
    d.h("Отзывы")
    d.p("{{ press_release.field.feedback.text if not press_release.field.feedback.missing else "
        "press_release.field.feedback.marker }}", align="justify")
    d.h("Фото")
    d.each("url in press_release.field.photos.value or []", "{{ url }}")
    d.p("{{ press_release.field.hashtags.text|replace(',', '') if not "
        "press_release.field.hashtags.missing else press_release.field.hashtags.marker }}")
    return d


def agenda() -> _Doc:
    d = _Doc(wide=False)
    d.title("Повестка совещания с представителями ОУ-участников")
    d.p(("b", "{{ project.title }}"), align="center")
    d.tag("{%p for a in agendas %}")
    d.h("{% if a.meeting.cluster_title %}Кластер «{{ a.meeting.cluster_title }}»: {% endif %}"
        "совещание {{ a.meeting.date|day_long }}")
    d.p(("b", "События на период: "), "{{ a.meeting.date|span_long(a.meeting.until) }}")
    d.when("a.meeting.responsible", ("b", "Проводят: "), "{{ a.meeting.responsible|names }}")
    d.p(("b", "1. Основные события на ближайшие {{ rules.meeting_horizon_months|plural('месяц', "
         "'месяца', 'месяцев') }} (по дорожной карте)"))
    d.tag("{%p for month in a.months %}")
    d.p(("b", "{{ month.label }}"))
    d.each("e in month.entries",
           "{{ e.date|day }}{% if e.time %}, {{ e.time }}{% endif %} — п. {{ e.id }} «{{ e.title "
           "}}»{% if e.place %}; место: {{ e.place }}{% endif %}{% if e.responsible %}; отв.: "
           "{{ e.responsible|names }}{% endif %}")
    d.tag("{%p endfor %}")
    d.p(("b", "2. Анонсы, пресс-релизы и отчёты в этот период"))
    d.each("r in a.reminders", "{{ r.due|day }} — {{ r|reminder }}: {{ r.title }}")
    d.p(("b", "3. Не выполнено в срок: выполнить, перенести (с причиной) или отменить"))
    d.each("o in a.overdue",
           "п. {{ o.id }} «{{ o.title }}» — срок «{{ o.due_phrase|line }}», просрочено на "
           "{{ o.days_overdue|plural('день', 'дня', 'дней') }}" + _MISSED)
    d.p(("b", "4. Положения о конкурсах и фестивалях: кратко."))
    d.p(("b", "5. Задания участникам: методические материалы, помощь в организации "
         "мероприятий, подготовка атрибутов и буклетов."))
    d.p(("b", "6. Участие в конкурсах районного, городского, всероссийского уровня."))
    d.tag("{%p endfor %}")
    d.when("not agendas", "Совещаний не предстоит.")
    _unread(d)
    return d


BUILDERS: dict[str, Callable[[], _Doc]] = {
    "roadmap": roadmap, "passport": passport, "report": report, "note": note,
    "announcement": announcement, "press-release": press_release, "agenda": agenda,
}


def build(kind: str) -> bytes:
    """The built-in Word template of `kind`, as bytes (the same every time)."""
    return BUILDERS[kind]().save()


def write_all(folder: Path) -> list[Path]:
    """Write every built-in Word template into `folder` (templates/): `make templates`."""
    written = []
    for kind in KINDS:
        path = folder / f"{kind}.docx"
        path.write_bytes(build(kind))
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - `make templates`
    import sys

    for made in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "templates")):
        print(made)
