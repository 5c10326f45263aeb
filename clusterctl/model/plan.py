"""The plan format, version 1, as pydantic models.

One YAML file per project. Keys are English (the names of `docs/format.md` and the glossary),
values are in any language. The JSON Schema published by `clusterctl schema` is generated from
these models (`clusterctl.model.schema`), so the field descriptions here are what VS Code
shows on hover.

References between parts of a plan (a task's responsible, a cluster's members) are written as
the thing's id or its name as the methodist writes it; the semantic rules resolve them.
"""

import datetime
import enum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
)

from clusterctl.model.status import Status as Status  # re-exported: it lives apart, light


def _one_or_many(value: Any) -> Any:
    """`responsible: Иванов И.И.` means the same as `responsible: [Иванов И.И.]`.

    The items themselves are checked by pydantic's own (Rust) string validation: this is the
    only Python-level step of a plan's validation besides `status` spelling, kept small
    because it runs for every list field of every task (see docs/performance.md)."""
    if value is None:
        return []
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return [value]
    return value


Text = str
"""Free text. The loader keeps every scalar as the text written (`1.10` stays "1.10");
numbers given from Python become text (`coerce_numbers_to_str`)."""

MAX_ID_LENGTH = 64
"""Ids are short keys ("1.2", "Задача №4", "civic"): a longer one is a mistake (a whole row
pasted into `id:`), and it would be copied into every reference, calendar event and URL."""

Id = Annotated[
    str,
    Field(min_length=1, max_length=MAX_ID_LENGTH),
    WithJsonSchema({"type": ["string", "number"], "minLength": 1,
                    "maxLength": MAX_ID_LENGTH}),
]
"""An identifier as numbered in the source: "1.2", "Задача №4", "II", "civic"."""

MAX_NAME_LENGTH = 500
"""A name or a reference is copied into every item, row and event that mentions it: a longer
one is a paragraph pasted in by mistake."""

Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME_LENGTH)]
"""A person's or a role's name: never empty (it is how plans refer to them)."""

Ref = Annotated[
    str,
    Field(min_length=1, max_length=MAX_NAME_LENGTH),
    WithJsonSchema({"type": ["string", "number"], "minLength": 1,
                    "maxLength": MAX_NAME_LENGTH}),
]
"""A reference to a person, role, organisation, cluster or objective: its id or its name."""

Refs = Annotated[
    list[Ref],
    BeforeValidator(_one_or_many),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": ["string", "number"], "minLength": 1, "maxLength": MAX_NAME_LENGTH},
                {"type": "array", "items": {"type": ["string", "number"], "minLength": 1,
                                            "maxLength": MAX_NAME_LENGTH}},
            ]
        }
    ),
]
"""One reference or a list of them."""

Texts = Annotated[
    list[Text],
    BeforeValidator(_one_or_many),
    WithJsonSchema(
        {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": ["string", "number"]}}]}
    ),
]

Phrase = Annotated[
    str,
    WithJsonSchema({"type": ["string", "number"]}),
]
"""A deadline or period phrase as the methodist says it: "До 26.09.2022", "Январь-февраль 2014"."""

def _in_plan_years(value: datetime.date) -> datetime.date:
    """A day of a plan lies in the years the deadline grammar reads (MIN_YEAR..MAX_YEAR):
    «9999-12-31» is a typo, and arithmetic on it (a window, a report half-year) would run
    off the calendar."""
    from clusterctl.model.deadlines import MAX_YEAR, MIN_YEAR

    if not MIN_YEAR <= value.year <= MAX_YEAR:
        from pydantic_core import PydanticCustomError

        raise PydanticCustomError(
            "date_out_of_range", "the date {input} is outside the years {min_year}-{max_year}",
            {"input": value.isoformat(), "min_year": MIN_YEAR, "max_year": MAX_YEAR},
        )
    return value


def _russian_day(value: Any) -> Any:
    """«16.10.2022» as well as «2022-10-16»: the same reading of a day as every date option
    (`clusterctl.model.grammar.parse_day`). Anything else is left to pydantic's date."""
    if isinstance(value, str) and "." in value:
        from clusterctl.model.grammar import parse_day

        try:
            return parse_day(value)
        except ValueError:
            return value  # pydantic says what is wrong with it
    return value


Day = Annotated[
    datetime.date,
    BeforeValidator(_russian_day),
    AfterValidator(_in_plan_years),
    WithJsonSchema({"type": "string", "anyOf": [
        {"format": "date"}, {"pattern": r"^\s*[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}\s*$"}]}),
]
"""A calendar day written as YYYY-MM-DD or DD.MM.YYYY, in the years 1900-2199."""


def _version(value: Any) -> Any:
    """`version: 1`, `1.0` and `1.1` name the format this clusterctl reads (1.1 adds optional
    fields only: every 1.0 plan is a valid 1.1 plan)."""
    text = str(value).strip() if isinstance(value, (str, int, float)) else value
    return {"1": "1", "1.0": "1", "1.1": "1.1"}.get(text, value) if isinstance(text, str) else (
        value)


Version = Annotated[
    Literal["1", "1.1"],
    BeforeValidator(_version),
    WithJsonSchema({"enum": [1, 1.1, "1", "1.0", "1.1"]}),
]

Count = Annotated[int, Field(ge=0, le=1_000_000)]
"""A number of people, schools or prizes."""


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        frozen=False,
        use_attribute_docstrings=False,
        str_strip_whitespace=True,
        coerce_numbers_to_str=True,
    )


# ---------------------------------------------------------------------------- registries


class Person(_Model):
    """Человек из реестра (ответственный, куратор, руководитель)."""

    id: Id = Field(description="Короткий идентификатор (латиницей), например `chechurkina`.")
    name: Name = Field(
        description="Имя как пишут в плане: «Чечуркина К.К.» или «Сысоева Оксана Павловна»."
    )
    full_name: Text | None = Field(None, description="Полное ФИО, если `name` — с инициалами.")
    position: Text | None = Field(None, description="Должность.")
    organisation: Ref | None = Field(None, description="Организация (id или название).")
    email: Text | None = None
    phone: Text | None = None
    aliases: Texts = Field(
        default_factory=list,
        description="Другие написания имени, которые означают того же человека.",
    )


class Role(_Model):
    """Ответственный, который не является одним человеком: «Руководители ОО»."""

    id: Id
    name: Name = Field(description="Название роли, как в плане: «Руководители ОО».")
    description: Text | None = None
    aliases: Texts = Field(default_factory=list)


class OrganisationKind(str, enum.Enum):
    school = "school"
    kindergarten = "kindergarten"
    centre = "centre"
    authority = "authority"
    university = "university"
    college = "college"
    institute = "institute"
    company = "company"
    other = "other"


class PartnerKind(str, enum.Enum):
    academic = "academic"
    industrial = "industrial"
    business = "business"
    social = "social"


class Organisation(_Model):
    """Организация: школа, центр, орган управления или партнёр."""

    id: Id
    name: Text = Field(description="Название: «ГБОУ СОШ № 252», «ЦГБЖ Красносельского района».")
    short_name: Text | None = Field(None, description="Краткое название: «ОУ 252», «ДДТ».")
    kind: OrganisationKind = Field(OrganisationKind.school, description="Тип организации.")
    number: int | None = Field(
        None, ge=0, le=1_000_000,
        description="Номер школы: участников кластера можно перечислять номерами.",
    )
    partner: PartnerKind | None = Field(
        None, description="Вид партнёрства, если организация — партнёр (academic, industrial…)."
    )
    partner_of: Refs = Field(
        default_factory=list, description="За какими организациями закреплён партнёр."
    )
    address: Text | None = None
    aliases: Texts = Field(default_factory=list)


# ---------------------------------------------------------------------------- passport


class ProjectKind(str, enum.Enum):
    project = "project"
    programme = "programme"
    roadmap = "roadmap"


class Objective(_Model):
    """Задача проекта (нумерованная), на которую ссылаются мероприятия."""

    id: Id = Field(description="Номер задачи: «1», «2»; мероприятия ссылаются на него.")
    title: Text


class Product(_Model):
    """Продукт для тиражирования / инновационный продукт."""

    title: Text
    description: Text | None = None
    kinds: Texts = Field(default_factory=list, description="Виды продуктов.")
    levels: Texts = Field(
        default_factory=list,
        description="Уровни презентации продукта (кластер, район, город).",
    )


class Resources(_Model):
    """Ресурсные условия (кадровые, информационные, образовательные, …)."""

    staff: Text | None = Field(None, description="Кадровые ресурсы.")
    information: Text | None = Field(None, description="Информационные ресурсы.")
    education: Text | None = Field(None, description="Образовательные (учебно-методические).")
    organisation: Text | None = Field(None, description="Организационные.")
    material: Text | None = Field(None, description="Материально-технические.")
    other: Text | None = None


class Approval(_Model):
    """Гриф утверждения плана: «УТВЕРЖДЕНО приказом министерства образования Приморского
    края от 01.09.2022 № 123-а» (format 1.1)."""

    document: Text = Field(
        "приказом", description="Чем утверждено, как читается в грифе: «приказом», "
        "«распоряжением», «решением педагогического совета».")
    by: Text | None = Field(
        None, description="Кем — как читается после «приказом»: «министерства образования "
        "Приморского края», «директора МОУ «СОШ № 5»».")
    date: Day = Field(description="Дата документа (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ).")
    number: Text | None = Field(None, description="Номер документа: «123-а».")


class Passport(_Model):
    """Паспорт проекта: заголовок плана."""

    id: Id = Field(description="Идентификатор проекта (латиницей, без пробелов).")
    title: Text = Field(description="Название проекта.")
    kind: ProjectKind = Field(ProjectKind.project, description="project, programme или roadmap.")
    region: Text | None = Field(None, description="Регион, район, муниципалитет.")
    organisation: Text | None = Field(None, description="Кто ведёт проект.")
    period: Phrase | None = Field(
        None, description="Сроки реализации: «сентябрь 2014 г. – май 2017 г.»."
    )
    duration: Text | None = Field(None, description="Продолжительность словами: «3 года».")
    strategic_goal: Text | None = Field(None, description="Общая стратегическая цель.")
    goals: Texts = Field(default_factory=list, description="Цели.")
    objectives: list[Objective] = Field(
        default_factory=list, description="Задачи (нумерованные)."
    )
    participants: Refs = Field(default_factory=list, description="Участники (организации).")
    leads: Refs = Field(default_factory=list, description="Руководители проекта (люди).")
    curators: Refs = Field(default_factory=list, description="Кураторы (люди).")
    products: list[Product] = Field(default_factory=list, description="Продукты.")
    resources: Resources | None = Field(None, description="Ресурсные условия.")
    description: Text | None = Field(None, description="Описание, подход, пояснения.")
    principles: Texts = Field(
        default_factory=list, description="Положения подхода (например, кластерного)."
    )
    management: Text | None = Field(None, description="Управление реализацией.")
    monitoring: Text | None = Field(None, description="Контроль и мониторинг.")
    approval: Approval | None = Field(
        None, description="Кем и чем утверждён план (гриф «УТВЕРЖДЕНО … от … № …» в "
        "документах).")


# ---------------------------------------------------------------------------- tasks


class Reschedule(_Model):
    """Перенос срока на более поздний (с причиной)."""

    from_: Phrase | None = Field(None, alias="from", description="Прежний срок (фраза).")
    to: Phrase = Field(description="Новый срок (фраза).")
    reason: Text = Field(description="Причина переноса.")
    on: Day | None = Field(None, description="Когда решили перенести (ГГГГ-ММ-ДД).")


class Award(_Model):
    """Кого поощрить: благодарность, грамота."""

    who: Ref = Field(description="Человек, организация или текст («команда школы № 252»).")
    kind: Text | None = Field(None, description="Благодарность, грамота, диплом, приказ.")
    reason: Text | None = Field(None, description="За что.")
    place: Text | None = Field(None, description="Результат: победитель, призёр, лауреат.")


class Event(_Model):
    """Сведения о мероприятии для анонса (seed 003: за 14 дней до мероприятия)."""

    title: Text | None = Field(None, description="Название мероприятия (по умолчанию — title).")
    goal: Text | None = Field(None, description="Цель мероприятия.")
    summary: Text | None = Field(None, description="Краткое содержание.")
    audience: Text | None = Field(None, description="Участники (кто приглашён).")
    date: Phrase | None = Field(None, description="Дата проведения (по умолчанию — срок due).")
    time: Text | None = Field(None, description="Время: «15:00».")
    place: Text | None = Field(None, description="Место проведения.")
    expected_participants: Count | None = Field(
        None, description="Предполагаемое кол-во участников."
    )
    registration_url: Text | None = Field(None, description="Ссылка для регистрации.")
    level: Text | None = Field(None, description="Уровень: кластер, район, город, регион.")


class Outcome(_Model):
    """Итоги мероприятия для пресс-релиза и отчёта (seed 003: через 1–2 дня после)."""

    held_on: Day | None = Field(None, description="Когда проведено (ГГГГ-ММ-ДД).")
    participants_count: Count | None = Field(None, description="Кол-во участников.")
    organisations: Refs = Field(
        default_factory=list, description="Из каких ОУ были участники (номера или id)."
    )
    summary: Text | None = Field(None, description="Кратко: кто выступал, что сказал.")
    feedback: Text | None = Field(None, description="Какие были отзывы.")
    photos: Texts = Field(default_factory=list, description="Ссылки на фото.")
    hashtags: Texts = Field(default_factory=list, description="#Хештеги.")
    links: Texts = Field(default_factory=list, description="Ссылки на новости о мероприятии.")
    winners: Count | None = Field(None, description="Сколько победителей, лауреатов, призёров.")
    awards: list[Award] = Field(default_factory=list, description="Кого поощрить.")


class _Work(_Model):
    """What tasks and steps share."""

    id: Id | None = Field(
        None, description="Номер как в источнике: «1.2», «Задача №4». У подпункта — необязателен."
    )
    title: Text | None = Field(None, description="Что сделать (мероприятие).")
    description: Text | None = Field(None, description="Содержание работы.")
    due: Phrase | None = Field(
        None, description="Срок как его говорят: «До 26.09.2022», «Январь-февраль 2014»."
    )
    start: Phrase | None = Field(
        None, description="Плановое начало (дата или фраза): «01.09.2022», «сентябрь 2022»."
    )
    result: Text | None = Field(None, description="Ожидаемый или достигнутый результат.")
    responsible: Refs = Field(
        default_factory=list, description="Ответственные: имена, id людей или ролей."
    )
    participants: Refs = Field(default_factory=list, description="Участники (организации).")
    status: Status = Field(Status.planned, description="planned, in_progress, done, cancelled.")
    done_on: Day | None = Field(None, description="Когда выполнено (ГГГГ-ММ-ДД).")
    cancelled_on: Day | None = Field(None, description="Когда отменено (ГГГГ-ММ-ДД).")
    cancel_reason: Text | None = Field(None, description="Уважительная причина отмены.")
    reschedules: list[Reschedule] = Field(
        default_factory=list, description="История переносов срока."
    )
    comment: Text | None = Field(None, description="Примечание.")
    extra: dict[Id, Text] = Field(
        default_factory=dict,
        description="Дополнительные графы таблицы: id графы (из columns) → текст ячейки.",
    )
    done_occurrences: list[Day] = Field(
        default_factory=list,
        description="Повторяющийся срок: сроки выполненных повторений (ГГГГ-ММ-ДД).",
    )

    @field_validator("status", mode="before")
    @classmethod
    def _status_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            return value.strip().lower().replace("-", "_").replace(" ", "_")
        return value


class Step(_Work):
    """Подпункт мероприятия: своя строка со своим результатом, сроком и ответственным."""


class Task(_Work):
    """Мероприятие (пункт плана)."""

    objective: Ref | None = Field(None, description="Номер задачи проекта (objectives).")
    cluster: Ref | None = Field(None, description="Кластер (id), к которому относится.")
    steps: list[Step] = Field(default_factory=list, description="Подпункты.")
    event: Event | None = Field(None, description="Сведения для анонса мероприятия.")
    outcome: Outcome | None = Field(None, description="Итоги для пресс-релиза и отчёта.")


class StageKind(str, enum.Enum):
    stage = "stage"
    section = "section"


class Stage(_Model):
    """Этап проекта (период, цель и мероприятия) или раздел таблицы (рубрика без периода)."""

    id: Id = Field(description="Номер этапа: «I», «1».")
    kind: StageKind = Field(
        StageKind.stage,
        description="stage — этап с периодом; section — раздел таблицы («1. Организационное "
        "обеспечение»), документы показывают его номер и название, как в источнике.",
    )
    title: Text = Field(description="Название: «Подготовительный».")
    period: Phrase | None = Field(None, description="Срок: «сентябрь-декабрь 2014 г.».")
    goal: Text | None = Field(None, description="Цель этапа.")
    objectives: Refs = Field(default_factory=list, description="Задачи этапа (номера).")
    description: Text | None = None
    tasks: list[Task] = Field(default_factory=list, description="Мероприятия этапа.")


# ---------------------------------------------------------------------------- clusters


class Cluster(_Model):
    """Кластер (направление) программы: куратор, руководители, базовая площадка, участники."""

    id: Id
    title: Text = Field(description="Направление: «Гражданско-патриотическое воспитание».")
    goal: Text | None = None
    objectives: Texts = Field(default_factory=list)
    curators: Refs = Field(default_factory=list, description="Куратор(ы) кластера.")
    leads: Refs = Field(default_factory=list, description="Руководитель(и) проекта кластера.")
    base_site: Ref | None = Field(None, description="Базовая площадка (ядро кластера).")
    coordinators: Refs = Field(
        default_factory=list, description="Организации-координаторы (ДДТ, ИМЦ…)."
    )
    members: Refs = Field(
        default_factory=list, description="Школы-участники: номера или id организаций."
    )
    partners: Refs = Field(default_factory=list)
    hashtags: Texts = Field(
        default_factory=list, description="Хештеги кластера для пресс-релизов."
    )
    products: list[Product] = Field(default_factory=list)


# ---------------------------------------------------------------------------- working rules


class WorkingRules(_Model):
    """Правила работы (seed 003): напоминания об анонсах, пресс-релизах, отчётах, совещаниях."""

    announcement_days_before: list[Annotated[int, Field(ge=0, le=366)]] = Field(
        default_factory=lambda: [14, 4, 1],
        description="За сколько дней до мероприятия отправить анонс и повторы.",
    )
    press_release_days_after: list[Annotated[int, Field(ge=0, le=366)]] = Field(
        default_factory=lambda: [1, 2],
        description="Через сколько дней после мероприятия — пресс-релиз (окно, дни).",
    )
    report_due: list[Text] = Field(
        default_factory=lambda: ["25.12", "25.05"],
        description="Сроки отчёта о работе кластера (ДД.ММ каждый год).",
    )
    meetings_per_year: int = Field(
        4, ge=0, le=366, description="Совещания с ОУ: 4 = раз в четверть, 0 = без совещаний."
    )
    meeting_horizon_months: int = Field(
        2, ge=0, le=36, description="На сколько месяцев вперёд совещание анонсирует события."
    )
    district_schools: int | None = Field(
        None, ge=1, le=1_000_000,
        description="Сколько всего школ в районе (для доли участников в отчёте).",
    )
    term_ends: list[Text] = Field(
        default_factory=lambda: ["27.10", "28.12", "22.03", "26.05"],
        description="Когда кончаются четверти (ДД.ММ): сроки «1 раз в четверть».",
    )


class Column(_Model):
    """Дополнительная графа таблицы плана: «Объём финансирования», «Примечание»."""

    id: Id = Field(description="Короткий идентификатор графы (латиницей): `financing`.")
    title: Text = Field(description="Заголовок графы, как в таблице.")


# ---------------------------------------------------------------------------- the plan


class Plan(_Model):
    """План проекта (один файл)."""

    version: Version = Field("1", description="Версия формата плана: 1 или 1.1.")
    project: Passport
    people: list[Person] = Field(default_factory=list, description="Реестр людей.")
    roles: list[Role] = Field(default_factory=list, description="Роли-ответственные.")
    organisations: list[Organisation] = Field(default_factory=list, description="Организации.")
    clusters: list[Cluster] = Field(default_factory=list, description="Кластеры программы.")
    stages: list[Stage] = Field(default_factory=list, description="Этапы с мероприятиями.")
    tasks: list[Task] = Field(
        default_factory=list,
        description="Мероприятия без этапов (дорожная карта в один этап).",
    )
    rules: WorkingRules = Field(
        default_factory=WorkingRules, description="Правила работы: напоминания и отчёты."
    )
    columns: list[Column] = Field(
        default_factory=list,
        description="Дополнительные графы таблицы (после стандартных), в порядке источника.",
    )
    awards: list[Award] = Field(default_factory=list, description="Кого поощрить по итогам.")

    @field_validator("version", mode="before")
    @classmethod
    def _version_number(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip().isdigit():
            return int(value)
        return value


MODELS: tuple[type[BaseModel], ...] = (
    Person, Role, Organisation, Objective, Product, Resources, Passport, Reschedule, Award,
    Event, Outcome, Step, Task, Stage, Cluster, WorkingRules, Plan,
)
"""Every model of the format."""


RUSSIAN_KEYS: dict[str, str] = {
    # The column words of Russian plan tables, as a methodist may type them for a key:
    # «срок:» is meant as «due:». Only suggested where that field is allowed.
    "срок": "due", "сроки": "due", "срок исполнения": "due", "срок выполнения": "due",
    "сроки выполнения": "due", "сроки исполнения": "due", "дата": "due",
    "плановое окончание": "due", "окончание": "due",
    "начало": "start", "плановое начало": "start", "дата начала": "start",
    "ответственный": "responsible", "ответственные": "responsible",
    "исполнитель": "responsible", "исполнители": "responsible",
    "ответственный исполнитель": "responsible", "ответственные исполнители": "responsible",
    "результат": "result", "результаты": "result", "ожидаемый результат": "result",
    "ожидаемые результаты": "result", "итог": "result",
    "мероприятие": "title", "мероприятия": "tasks", "наименование": "title",
    "название": "title", "наименование мероприятия": "title", "тема": "title",
    "содержание": "description", "описание": "description",
    "примечание": "comment", "примечания": "comment", "комментарий": "comment",
    "статус": "status", "состояние": "status", "выполнено": "done_on",
    "участники": "participants", "номер": "id", "№": "id", "№ п/п": "id", "идентификатор": "id",
    "этап": "stages", "этапы": "stages", "подпункты": "steps", "шаги": "steps",
    "кластер": "cluster", "кластеры": "clusters", "задача": "objective",
    "задачи": "objectives", "период": "period", "сроки реализации": "period",
    "люди": "people", "роли": "roles", "организации": "organisations",
    "проект": "project", "версия": "version", "правила": "rules", "графы": "columns",
    "столбцы": "columns", "доп. графы": "extra", "дополнительно": "extra",
    "регион": "region", "руководители": "leads", "кураторы": "curators",
    "место": "place", "время": "time", "имя": "name", "фио": "name", "должность": "position",
}
"""Russian words for plan fields (keys of a plan are English): what «did you mean» offers."""
