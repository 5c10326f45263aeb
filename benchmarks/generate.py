"""Generate realistic plan files for the benchmarks.

    python benchmarks/generate.py OUTDIR --files N [--seed S] [--force]

Writes N plan files under OUTDIR/<region>/<municipality>/<project-id>.yaml. The output is
deterministic: file number k is drawn from ``random.Random("clusterctl-bench:S:k")``, so the same
seed gives byte-identical files, and the first files of a large set are the files of a small
one. Only the standard library is used (the script runs with any python3 ≥ 3.11).

What the files look like (see docs/format.md and the seeds in ../shared/seeds): a passport
with objectives, 10–40 people in "Фамилия И.О." form (some with a full name or aliases),
roles, schools with numbers and centres, optional clusters, 2–4 stages whose periods lie
inside the project's, and tasks with steps, events, outcomes, statuses, reschedules. Task
deadlines use every form of the deadline grammar (clusterctl/dates.py) and always fall inside
their stage's period; `done_on` and other past dates are never after TODAY. Every file passes
``clusterctl validate --strict --as-of 2026-11-22`` with no errors and no warnings.

The YAML is written by hand (no yaml.dump) in the styles methodists use: comments, block
scalars, flow lists, quoted and unquoted values. Sizes vary like real plans (log-normal
task counts): 80 % of the files are 18–70 KB, the smallest about 6 KB, the largest about
120 KB; seed 1 gives 2,000 files of 78 MB with 98,000 tasks and 53,000 steps.
"""

from __future__ import annotations

import argparse
import calendar
import hashlib
import math
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

TODAY = date(2026, 11, 22)
"""The date the benchmark validates with (`--as-of`): nothing done or decided after it."""

MARKER = ".clusterctl-bench"
"""A file written into OUTDIR so that --force only ever deletes a tree this script made."""

# ------------------------------------------------------------------------------ vocabulary

MONTH_NOM = ("", "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
             "сентябрь", "октябрь", "ноябрь", "декабрь")
MONTH_GEN = ("", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
             "сентября", "октября", "ноября", "декабря")
MONTH_PREP = ("", "январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе",
              "сентябре", "октябре", "ноябре", "декабре")
MONTH_SHORT = ("", "янв.", "февр.", "мар.", "апр.", "мая", "июня", "июля", "авг.", "сент.",
               "окт.", "нояб.", "дек.")
ROMAN = ("", "I", "II", "III", "IV")


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


SURNAMES = _words(
    "Иванов Петров Смирнов Кузнецов Попов Васильев Соколов Михайлов Новиков Федоров Морозов "
    "Волков Алексеев Лебедев Семенов Егоров Павлов Козлов Степанов Николаев Орлов Андреев "
    "Макаров Никитин Захаров Зайцев Соловьев Борисов Яковлев Григорьев Романов Воробьев "
    "Сергеев Кузьмин Фролов Александров Дмитриев Королев Гусев Киселев Ильин Максимов "
    "Поляков Сорокин Виноградов Ковалев Белов Медведев Антонов Тарасов Жуков Баранов "
    "Филиппов Комаров Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков "
    "Миронов Крылов Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков "
    "Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов Ефимов Федотов "
    "Щербаков Назаров Калинин Исаев Чернышев Быков Маслов Родионов Коновалов Лазарев Воронин "
    "Климов Филатов Пономарев Голубев Кудрявцев Прохоров Наумов Потапов Журавлев Овчинников "
    "Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачев Котов "
    "Гришин Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев "
    "Бирюков Горбунов Анисимов Еремин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин "
    "Белоусов Нестеров Симонов Прокофьев Харитонов Князев Цветков Левин Митрофанов Воронов "
    "Аксенов Софронов Мальцев Логинов Горшков Савин Краснов Майоров Демидов Елисеев Рыбаков "
    "Сафонов Плотников Хохлов Фадеев Молчанов Игнатов Литвинов Ершов Ушаков Дементьев Рябов "
    "Мухин Калашников Леонтьев Лобанов Корнилов Евдокимов Бородин Платонов Некрасов Балашов "
    "Бобров Жданов Блинов Игнатьев Коротков Муравьев Крюков Беляков Богомолов Дроздов Лавров "
    "Зуев Петухов Ларин Никулин Серов Терентьев Зотов Устинов Фокин Самойлов Константинов "
    "Сахаров Шишкин Самсонов Черкасов Чистяков Носов Спиридонов Карасев Авдеев Воронцов "
    "Зверев Владимиров Селезнев Нечаев Кудряшов Седов Фирсов Андрианов Панин Головин Терехов "
    "Ульянов Шестаков Агеев Никонов Селиванов Баженов Гордеев Кожевников Пахомов Зимин "
    "Костин Широков Филимонов Ларионов Овсянников Сазонов Суворов Нефедов Корнеев Трифонов "
    "Чечуркин Кузягин Голомидов Куприянов Хасаньянов Березин Витовтов Сысоев Скуднев Нероев "
    "Шкуратский Альбицкий Вишневский Покровский Соколовский Кравецкий Виндилович Кравченко "
    "Шевченко Бондаренко Ткаченко Коваленко Лысенко Мороз Ким Цой Гумбатов Ланской"
)
MALE_NAMES = (
    ("Александр", "Александрович", "Александровна"), ("Алексей", "Алексеевич", "Алексеевна"),
    ("Андрей", "Андреевич", "Андреевна"), ("Борис", "Борисович", "Борисовна"),
    ("Валерий", "Валерьевич", "Валерьевна"), ("Василий", "Васильевич", "Васильевна"),
    ("Виктор", "Викторович", "Викторовна"), ("Виталий", "Витальевич", "Витальевна"),
    ("Владимир", "Владимирович", "Владимировна"), ("Геннадий", "Геннадьевич", "Геннадьевна"),
    ("Дмитрий", "Дмитриевич", "Дмитриевна"), ("Евгений", "Евгеньевич", "Евгеньевна"),
    ("Иван", "Иванович", "Ивановна"), ("Игорь", "Игоревич", "Игоревна"),
    ("Константин", "Константинович", "Константиновна"), ("Леонид", "Леонидович", "Леонидовна"),
    ("Максим", "Максимович", "Максимовна"), ("Михаил", "Михайлович", "Михайловна"),
    ("Николай", "Николаевич", "Николаевна"), ("Олег", "Олегович", "Олеговна"),
    ("Павел", "Павлович", "Павловна"), ("Петр", "Петрович", "Петровна"),
    ("Роман", "Романович", "Романовна"), ("Сергей", "Сергеевич", "Сергеевна"),
    ("Станислав", "Станиславович", "Станиславовна"), ("Юрий", "Юрьевич", "Юрьевна"),
    ("Анатолий", "Анатольевич", "Анатольевна"), ("Григорий", "Григорьевич", "Григорьевна"),
)
FEMALE_NAMES = _words(
    "Анна Валерия Галина Дарья Екатерина Елена Ирина Кристина Ксения Лариса Людмила Марина "
    "Мария Надежда Наталья Нина Оксана Ольга Светлана Татьяна Юлия Анастасия Вера Любовь "
    "Зинаида Алла Инна Жанна Евгения Виктория"
)

POSITIONS = (
    "методист ИМЦ", "заместитель директора по ВР", "заместитель директора по УВР",
    "директор", "педагог-организатор", "педагог дополнительного образования",
    "учитель физики", "учитель информатики", "учитель истории", "учитель начальных классов",
    "педагог-психолог", "социальный педагог", "старший методист", "руководитель ШМО",
    "советник директора по воспитанию", "главный специалист отдела образования",
)

ROLES = (
    ("oo-heads", "Руководители ОО"),
    ("deputy-heads", "Заместители директоров по ВР"),
    ("class-teachers", "Классные руководители"),
    ("additional-education-teachers", "Педагоги дополнительного образования"),
    ("imc-methodists", "Методисты ИМЦ"),
    ("oo-administration", "Администрация ОО"),
    ("working-group", "Рабочая группа проекта"),
    ("scientific-supervisor", "Научный руководитель проекта"),
    ("municipal-coordinators", "Муниципальные координаторы"),
    ("base-site-heads", "Руководители базовых площадок"),
    ("psychologists", "Педагоги-психологи ОО"),
    ("expert-group", "Экспертная группа"),
)

REGIONS = (
    ("spb", "Санкт-Петербург", (
        ("krasnoselsky", "Красносельский район"), ("kirovsky", "Кировский район"),
        ("nevsky", "Невский район"), ("primorsky", "Приморский район"),
        ("vyborgsky", "Выборгский район"), ("moskovsky", "Московский район"),
    )),
    ("moscow", "Москва", (
        ("uao", "Южный административный округ"), ("sao", "Северный административный округ"),
        ("zao", "Западный административный округ"), ("vao", "Восточный административный округ"),
    )),
    ("mari-el", "Республика Марий Эл", (
        ("zvenigovo", "Звениговский район"), ("volzhsk", "г. Волжск"),
        ("yoshkar-ola", "г. Йошкар-Ола"), ("medvedevo", "Медведевский район"),
    )),
    ("yaroslavl", "Ярославская область", (
        ("yaroslavl", "г. Ярославль"), ("rybinsk", "г. Рыбинск"),
        ("pereslavl", "Переславль-Залесский"), ("tutaev", "Тутаевский район"),
    )),
    ("primorye", "Приморский край", (
        ("vladivostok", "г. Владивосток"), ("nakhodka", "г. Находка"),
        ("ussuriysk", "Уссурийский городской округ"), ("artem", "г. Артём"),
    )),
    ("tatarstan", "Республика Татарстан", (
        ("kazan", "г. Казань"), ("chelny", "г. Набережные Челны"),
        ("almetyevsk", "Альметьевский район"),
    )),
    ("novosibirsk", "Новосибирская область", (
        ("novosibirsk", "г. Новосибирск"), ("berdsk", "г. Бердск"),
        ("iskitim", "Искитимский район"),
    )),
)

TOPICS = (
    ("engineering", "инженерного", "Инженерный кластер", "инженерно-техническому"),
    ("it", "IT-", "IT-кластер «Цифровая школа»", "информационно-технологическому"),
    ("upbringing", "воспитательного", "Программа воспитания «От Поколения к Поколению»",
     "воспитательному"),
    ("agro", "агро", "Агрокластер «Земля и люди»", "агротехнологическому"),
    ("science", "естественнонаучного", "Естественнонаучный кластер", "естественнонаучному"),
    ("pedagogy", "педагогического", "Педагогический кластер «Учитель будущего»",
     "психолого-педагогическому"),
    ("tech-creativity", "технического творчества",
     "Кластерная модель развития детского технического творчества", "техническому"),
    ("reading", "читательской грамотности", "Сетевой проект «Читающая школа»",
     "филологическому"),
)

CLUSTER_TOPICS = (
    ("civic", "Гражданско-патриотическое воспитание", "#Патриоты"),
    ("cognitive", "Познавательное направление", "#Познаём"),
    ("parents", "Взаимодействие с родителями", "#ВместеСРодителями"),
    ("safety", "Профилактика и безопасность", "#Безопасность"),
    ("sport", "Физическое воспитание и здоровый образ жизни", "#ЗОЖ"),
    ("ecology", "Экологическое воспитание", "#Экология"),
    ("culture", "Духовно-нравственное и эстетическое воспитание", "#Культура"),
    ("career", "Профориентация и трудовое воспитание", "#Профи"),
    ("media", "Информационно-медийное направление", "#Медиацентр"),
)

ACTIONS = (
    "Разработка", "Проведение", "Организация", "Подготовка и проведение", "Утверждение",
    "Мониторинг", "Анализ", "Создание", "Формирование", "Обобщение и распространение",
    "Презентация", "Согласование", "Экспертиза", "Актуализация", "Корректировка", "Апробация",
    "Внедрение", "Информационное сопровождение", "Методическое сопровождение", "Проектирование",
)
OBJECTS = (
    "методических рекомендаций", "положения о районном конкурсе", "дорожной карты кластера",
    "районного семинара", "плана совместных действий", "банка методических материалов",
    "программы повышения квалификации", "сетевой образовательной программы",
    "фестиваля детского технического творчества", "научно-практической конференции",
    "серии мастер-классов", "круглого стола", "модели сетевого взаимодействия",
    "нормативно-правовой базы", "аналитической справки", "отчёта о работе кластера",
    "портфолио проектов обучающихся", "профессиональных дефицитов педагогов",
    "опыта работы базовых площадок", "системы наставничества", "цифровой образовательной среды",
    "конкурса чтецов", "муниципальной олимпиады", "летней профильной смены",
    "образовательного интенсива", "дополнительных общеразвивающих программ",
    "самодиагностики по чек-листу", "совещания с представителями ОО",
    "анонсов районных мероприятий", "пресс-релизов по итогам мероприятий",
    "списков участников проекта", "перечня индустриальных партнёров",
    "инструктивно-методических писем", "школьных медиацентров", "открытых уроков",
    "проектной недели", "профориентационных экскурсий на предприятия",
)
QUALIFIERS = (
    "для педагогов школ – участников кластера", "по инженерно-техническому направлению",
    "в рамках сетевого взаимодействия", "с привлечением социальных партнёров",
    "для обучающихся 5–9 классов", "на базе ресурсного центра", "по итогам первого полугодия",
    "с участием родительской общественности", "в соответствии с планом работы кластера",
    "для заместителей директоров по воспитательной работе", "на муниципальном уровне",
    "в дистанционном формате", "по направлению «Гражданско-патриотическое воспитание»",
    "с использованием ресурсов федерального проекта «Цифровая образовательная среда»",
    "для молодых специалистов", "совместно с ПК ИРО", "на площадке базовой школы",
    "для обучающихся специализированных классов", "в каникулярный период",
    "с учётом результатов мониторинга", "по единой форме, утверждённой приказом",
)
TAILS = (
    "и размещение материалов на сайте ОО", "с последующим обсуждением на совещании",
    "и подготовка предложений по корректировке плана", "с привлечением вузов-партнёров",
    "в соответствии с Положением о кластере", "с фото- и видеосъёмкой",
    "и направление информации куратору кластера",
)
RESULTS = (
    "Издан приказ о проведении", "Разработаны и утверждены методические рекомендации",
    "Проведён районный семинар", "Подготовлена аналитическая справка",
    "Сформирован банк методических материалов", "Материалы размещены на сайте ОО",
    "Утверждена дорожная карта", "Проведено совещание, оформлен протокол",
    "Подготовлен отчёт о работе кластера", "Определены победители и призёры",
    "Составлен перечень партнёров", "Разработана сетевая программа",
    "Организовано повышение квалификации", "Проведена самодиагностика по чек-листу",
    "Направлены анонсы в ОО", "Опубликованы пресс-релизы",
)
RESULT_OBJECTS = (
    "для всех школ – участников кластера", "по итогам учебного года",
    "с указанием доли участвовавших ОО", "не менее 20 педагогов", "не менее 150 обучающихся",
    "в электронном виде", "на заседании кластера", "в МОУО и ОО",
)
DESCRIPTION_SENTENCES = (
    "Определить стратегию развития кластера: цели, принципы работы, кадровое обеспечение.",
    "Составить план мероприятий и согласовать его с руководителями базовых площадок.",
    "Провести анализ имеющихся программ дополнительного образования и учебных предметов.",
    "Организовать работу творческих групп педагогов по разработке кейсов.",
    "Обеспечить участие обучающихся в конкурсах районного, городского и всероссийского уровня.",
    "Подготовить атрибуты, буклеты и раздаточные материалы для участников.",
    "Собрать сведения о мероприятиях в электронную папку кластера.",
    "Провести анкетирование родителей и обучающихся, обобщить результаты.",
    "Согласовать программу с академическими и индустриальными партнёрами.",
    "Назначить ответственных за информационное сопровождение в каждой ОО.",
    "Анонс отправить за 14 дней до мероприятия, повторить за 3–4 дня и накануне.",
    "Пресс-релиз направить куратору кластера через 1–2 дня после мероприятия.",
    "Учесть замечания экспертной группы и доработать материалы.",
)
GOALS = (
    "Создание условий для развития инженерного мышления обучающихся",
    "Повышение качества воспитательной работы в общеобразовательных организациях",
    "Развитие сетевого взаимодействия образовательных организаций района",
    "Формирование системы профессионального роста педагогов",
    "Обеспечение равного доступа обучающихся к программам дополнительного образования",
    "Распространение успешных практик базовых площадок кластера",
)
OBJECTIVES = (
    "Разработать модель межмуниципального кластера",
    "Разработать нормативно-правовую базу и банк методических материалов кластера",
    "Организовать сетевое взаимодействие со школами – участниками инновационной площадки",
    "Разработать и реализовать дополнительные общеразвивающие программы",
    "Создать условия для эффективного использования информационных технологий",
    "Сформировать систему повышения квалификации и профессионального роста педагогов",
    "Создать условия для распространения опыта кластера в условиях сетевого взаимодействия",
    "Обеспечить информационное сопровождение деятельности кластера",
)
STAGE_TITLES = (
    ("Подготовительный", "Организационный"), ("Основной", "Практический", "Внедренческий"),
    ("Практический", "Основной"), ("Обобщающий", "Аналитико-прогностический", "Заключительный"),
)
CANCEL_REASONS = (
    "Мероприятие отменено в связи с карантином", "Перенесено в план следующего этапа",
    "Отменено по решению экспертной группы: задача выполнена в рамках пункта 3",
    "Отсутствие финансирования в текущем году", "Совпадение сроков с городским мероприятием",
)
RESCHEDULE_REASONS = (
    "Перенос по просьбе базовой площадки", "Совпадение с ВПР", "Карантин в ОО",
    "Задержка согласования с партнёрами", "Решение совещания кураторов кластеров",
)
EVENT_KINDS = ("Районный семинар", "Фестиваль", "Конкурс чтецов", "Мастер-класс",
               "Круглый стол", "Научно-практическая конференция", "Квест", "Форум")
PLACES = ("актовый зал", "конференц-зал", "библиотека", "спортивный зал", "кабинет 214")
SCHOOL_FORMS = ("ГБОУ СОШ № {n}", "МБОУ «Лицей № {n}»", "МАОУ «Гимназия № {n}»",
                "ГБОУ школа № {n}", "МОУ СОШ № {n}", "МБОУ «СОШ № {n}»")

_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
     "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
    strict=True,
))


def translit(text: str) -> str:
    out = "".join(_TRANSLIT.get(ch, ch) for ch in text.lower())
    return re.sub(r"[^a-z0-9]+", "-", out).strip("-")


def feminine(surname: str) -> str:
    if surname.endswith(("ов", "ев", "ин", "ын")):
        return surname + "а"
    if surname.endswith("ский") or surname.endswith("цкий"):
        return surname[:-2] + "ая"
    if surname.endswith("ской"):
        return surname[:-2] + "ая"
    return surname  # Кравченко, Мороз, Ким: the same for women


# ------------------------------------------------------------------------------ dates


def month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def month_start(mi: int) -> date:
    return date(mi // 12, mi % 12 + 1, 1)


def month_end(mi: int) -> date:
    y, m = mi // 12, mi % 12 + 1
    return date(y, m, calendar.monthrange(y, m)[1])


def d_num(d: date) -> str:
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def d_words(d: date, short: bool = False) -> str:
    month = MONTH_SHORT[d.month] if short else MONTH_GEN[d.month]
    return f"{d.day} {month} {d.year}"


def rand_day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


@dataclass(frozen=True)
class Span:
    """A stage's or project's period: whole months, first..last."""

    first: int  # month index
    last: int

    @property
    def start(self) -> date:
        return month_start(self.first)

    @property
    def end(self) -> date:
        return month_end(self.last)

    def months(self) -> range:
        return range(self.first, self.last + 1)

    def unique_month(self, month: int) -> int | None:
        """The month index of calendar month `month` if it occurs exactly once."""
        found = [mi for mi in self.months() if mi % 12 + 1 == month]
        return found[0] if len(found) == 1 else None

    def covers(self, start: date, end: date) -> bool:
        return self.start <= start and end <= self.end


def period_phrase(rng: random.Random, span: Span, project: Span | None) -> str:
    """A phrase for a whole-month period, in one of the forms methodists write."""
    a, b = month_start(span.first), month_end(span.last)
    ya, yb, ma, mb = a.year, b.year, a.month, b.month
    options: list[str] = []
    if ma == 9 and mb == 8 and yb == ya + 1:
        options += [f"{ya}-{yb} учебный год", f"{ya}/{yb % 100:02d} уч. год",
                    f"{ya}-{yb} уч.г."]
    if ma == 9 and mb == 12 and ya == yb:
        options.append(f"I полугодие {ya}-{ya + 1} учебного года")
    if ma == 1 and mb == 5 and ya == yb:
        options.append(f"II полугодие {ya - 1}-{ya} учебного года")
    if ma == 1 and mb == 12:
        options += [f"{ya} год", f"{ya}"] if ya == yb else [f"{ya}-{yb} гг.", f"{ya} - {yb} годы"]
    if ya == yb and ma in (1, 7) and mb == ma + 5:
        options.append(f"{ROMAN[1 if ma == 1 else 2]} полугодие {ya}")
    if ya == yb and ma % 3 == 1 and mb % 3 == 0:
        qa, qb = (ma + 2) // 3, mb // 3
        options.append(f"{ROMAN[qa]} квартал {ya}" if qa == qb
                       else f"{ROMAN[qa]}-{ROMAN[qb]} квартал {ya}")
    if ya == yb:
        options += [f"{MONTH_NOM[ma]}-{MONTH_NOM[mb]} {ya} г.",
                    f"{MONTH_NOM[ma].capitalize()} - {MONTH_NOM[mb]} {ya} года"]
        if project is not None and project.unique_month(ma) and project.unique_month(mb):
            options.append(f"{MONTH_NOM[ma]}-{MONTH_NOM[mb]}")
    options += [
        f"{MONTH_NOM[ma]} {ya} г. – {MONTH_NOM[mb]} {yb} г.",
        f"{MONTH_NOM[ma].capitalize()} {ya} - {MONTH_NOM[mb]} {yb}",
        f"{d_num(a)} - {d_num(b)}",
        f"с {MONTH_GEN[ma]} {ya} по {MONTH_NOM[mb]} {yb}",
        f"{MONTH_NOM[ma]} {ya}г. – {MONTH_NOM[mb]} {yb} г.",
    ]
    return rng.choice(options)


# ------------------------------------------------------------------------------ deadlines

KINDS = ("date", "before", "range", "ongoing", "unscheduled", "recurring")
KIND_WEIGHTS = (16, 27, 30, 10, 7, 10)


@dataclass
class Due:
    phrase: str
    kind: str
    end: date | None  # the last day (None: cannot be overdue)
    start: date | None = None


def due_phrase(rng: random.Random, span: Span, kind: str | None = None,
               latest: date | None = None) -> Due:
    """A deadline phrase of the given kind whose dates lie inside `span`."""
    kind = kind or rng.choices(KINDS, KIND_WEIGHTS)[0]
    s, e = span.start, span.end
    if latest is not None and s <= latest < e:
        e = latest
    if kind == "ongoing":
        return Due(rng.choice((
            "постоянно", "Постоянно в течение года", "в течение года", "в течение учебного года",
            "В течение года (в соответствии с отдельными планами)", "систематически",
            "весь период", "в течение всего периода реализации проекта", "регулярно",
            "на протяжении всего проекта",
        )), kind, None)
    if kind == "unscheduled":
        return Due(rng.choice((
            "по отдельному графику", "По отдельному графику", "по согласованию",
            "по мере необходимости", "по мере готовности", "по запросу", "по плану",
            "по утвержденному графику",
        )), kind, None)
    if kind == "recurring":
        return Due(rng.choice((
            "ежемесячно", "еженедельно", "1 раз в четверть", "ежеквартально", "2 раза в год",
            "раз в полгода", "ежегодно", "ежемесячно, в течение учебного года",
            "не реже 1 раза в месяц", "4 раза в год", "1 раз в месяц",
            "ежеквартально в течение года",
        )), kind, None)
    day = rand_day(rng, s, e)
    unique = span.unique_month(day.month) is not None
    if kind == "date":
        forms = [d_num(day), d_num(day), f"{day.day}.{day.month}.{day.year}",
                 f"{day.day:02d}.{day.month:02d}.{day.year % 100:02d}", day.isoformat(),
                 d_words(day) + " г.", d_words(day), d_words(day, short=True)]
        if unique:
            forms += [f"{day.day:02d}.{day.month:02d}", f"{day.day} {MONTH_GEN[day.month]}"]
        return Due(rng.choice(forms), kind, day, day)
    if kind == "before":
        forms: list[tuple[str, date]] = [
            (f"до {d_num(day)}", day), (f"До {d_num(day)}", day), (f"До {d_num(day)}", day),
            (f"не позднее {d_num(day)}", day), (f"в срок до {d_words(day)} г.", day),
            (f"до {d_num(day)} включительно", day), (f"не позже {d_words(day)}", day),
        ]
        mend = month_end(month_index(day))
        if mend <= e:
            forms += [(f"до конца {MONTH_GEN[day.month]} {day.year}", mend),
                      (f"до {MONTH_GEN[day.month]} {day.year} г.", mend)]
        if e.month == 12 and e.day == 31:
            forms.append((f"до конца {e.year} года", e))
            if span.start.year == span.end.year and e == span.end:
                forms.append(("до конца года", e))
        if unique:
            forms += [(f"до {day.day:02d}.{day.month:02d}", day),
                      (f"до {day.day} {MONTH_GEN[day.month]}", day)]
        phrase, end = rng.choice(forms)
        return Due(phrase, kind, end, s)
    return _range_phrase(rng, span, s, e, day, unique)


def _range_phrase(rng: random.Random, span: Span, s: date, e: date, day: date,
                  unique: bool) -> Due:
    forms: list[tuple[str, date, date]] = []
    # day ranges
    other = min(day + timedelta(days=rng.randint(1, 20)), e)
    if other > day:
        forms += [
            (f"{d_num(day)} - {d_num(other)}", day, other),
            (f"{d_num(day)} {d_num(other)}", day, other),
            (f"с {d_num(day)} по {d_num(other)}", day, other),
            (f"в период с {d_num(day)} по {d_num(other)}", day, other),
            (f"{d_num(day)}-{d_num(other)}", day, other),
        ]
        if other.month == day.month:
            m = MONTH_GEN[day.month]
            forms += [
                (f"{day.day}-{other.day} {m} {day.year}", day, other),
                (f"{day.day}–{other.day}.{day.month:02d}.{day.year}", day, other),
                (f"с {day.day} по {other.day} {m} {day.year} г.", day, other),
            ]
            if unique:
                forms.append((f"{day.day}-{other.day} {m}", day, other))
    # months
    mi = month_index(day)
    ms, me = month_start(mi), month_end(mi)
    if s <= ms and me <= e:
        forms += [(f"{MONTH_NOM[day.month]} {day.year}", ms, me),
                  (f"{MONTH_NOM[day.month].capitalize()} {day.year} г.", ms, me),
                  (f"в {MONTH_PREP[day.month]} {day.year}", ms, me)]
        if unique:
            forms += [(MONTH_NOM[day.month].capitalize(), ms, me),
                      (f"в {MONTH_PREP[day.month]}", ms, me)]
        last = rng.randint(mi, max(mi, month_index(e)))
        if last > mi and month_end(last) <= e:
            le = month_end(last)
            a_nom, b_nom = MONTH_NOM[day.month], MONTH_NOM[le.month]
            if le.year == day.year:
                forms += [(f"{a_nom.capitalize()}-{b_nom} {day.year}", ms, le),
                          (f"{a_nom}-{b_nom} {day.year} г.", ms, le)]
                if unique and span.unique_month(le.month):
                    forms.append((f"{a_nom}-{b_nom}", ms, le))
            else:
                forms.append((f"{a_nom.capitalize()} {day.year} - {b_nom} {le.year}", ms, le))
                if le.year == day.year + 1 and le.month < day.month:
                    forms.append((f"{a_nom}-{b_nom} {le.year}", ms, le))
    # quarters, half-years, school years, years
    for q in range(1, 5):
        qs, qe = date(day.year, 3 * q - 2, 1), month_end(day.year * 12 + 3 * q - 1)
        if span.covers(qs, qe) and qe <= e:
            forms += [(f"{ROMAN[q]} квартал {day.year}", qs, qe),
                      (f"{q} кв. {day.year}", qs, qe),
                      (f"в {ROMAN[q]} квартале {day.year} года", qs, qe)]
            if q < 4:
                qe2 = month_end(day.year * 12 + 3 * q + 2)
                if qe2 <= e:
                    forms.append((f"{ROMAN[q]}-{ROMAN[q + 1]} квартал {day.year}", qs, qe2))
    for h in (1, 2):
        hs, he = date(day.year, 6 * h - 5, 1), month_end(day.year * 12 + 6 * h - 1)
        if span.covers(hs, he) and he <= e:
            forms += [(f"{ROMAN[h]} полугодие {day.year}", hs, he),
                      (f"{('первое', 'второе')[h - 1]} полугодие {day.year}", hs, he)]
    for y1 in (day.year - 1, day.year):
        a1, b1 = date(y1, 9, 1), date(y1, 12, 31)
        a2, b2 = date(y1 + 1, 1, 1), date(y1 + 1, 5, 31)
        if span.covers(a1, b1) and b1 <= e:
            forms += [(f"I полугодие {y1}-{y1 + 1} учебного года", a1, b1),
                      (f"в I полугодии {y1}/{(y1 + 1) % 100:02d} уч. года", a1, b1)]
        if span.covers(a2, b2) and b2 <= e:
            forms += [(f"II полугодие {y1}-{y1 + 1} учебного года", a2, b2),
                      (f"во II полугодии {y1}-{y1 + 1} учебного года", a2, b2)]
        sy, se = date(y1, 9, 1), date(y1 + 1, 8, 31)
        if span.covers(sy, se) and se <= e:
            forms += [(f"{y1}-{y1 + 1} учебный год", sy, se),
                      (f"в течение {y1}/{(y1 + 1) % 100:02d} уч. года", sy, se)]
    ys, ye = date(day.year, 1, 1), date(day.year, 12, 31)
    if span.covers(ys, ye) and ye <= e:
        forms += [(f"{day.year} год", ys, ye), (f"в {day.year} году", ys, ye)]
    if not forms:  # a one-day stage end: fall back to a date
        return Due(d_num(day), "date", day, day)
    phrase, start, end = rng.choice(forms)
    return Due(phrase, "range", end, start)


# ------------------------------------------------------------------------------ YAML text

_NUMBER = re.compile(r"[-+]?(\.\d+|\d[\d_]*(\.\d*)?)([eE][-+]?\d+)?|0[xob][0-9a-fA-F_]+|[-+]?\.inf"
                     r"|\.nan|\d+(:\d+)+")
_SPECIAL_WORDS = frozenset({
    "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
})
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")


def scalar(value: str | int, *, flow: bool = False, phrase: bool = False) -> str:
    """A scalar as YAML text: plain when that is safe, else double-quoted.

    `phrase` allows plain values that YAML would read as numbers or dates (deadline phrases
    such as 15.10.2024 or 2024, which the plan format accepts as numbers too).
    """
    if isinstance(value, int):
        return str(value)
    text = value
    plain = (
        text == text.strip()
        and text.lower() not in _SPECIAL_WORDS
        and text[0] not in _INDICATORS
        and "\n" not in text
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and (phrase or not (_NUMBER.fullmatch(text) or text[0] in "+.0123456789"))
        and not (flow and any(ch in text for ch in ",[]{}:#"))
    )
    if plain:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow_list(values: list[str | int], phrase: bool = False) -> str:
    return "[" + ", ".join(scalar(v, flow=True, phrase=phrase) for v in values) + "]"


def wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


class Writer:
    """Lines of YAML with the per-file style choices."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.lines: list[str] = []
        self.seq_indent = rng.random() < 0.7  # "key:\n  - item" (else "key:\n- item")
        self.width = rng.choice((80, 90, 100))

    def line(self, indent: int, text: str) -> None:
        self.lines.append(" " * indent + text)

    def comment(self, indent: int, text: str) -> None:
        for part in wrap(text, self.width - indent - 2):
            self.line(indent, "# " + part)

    def blank(self) -> None:
        self.lines.append("")

    def kv(self, indent: int, key: str, value: str | int | None, *, phrase: bool = False,
           comment: str | None = None) -> None:
        if value is None:
            return
        text = scalar(value, phrase=phrase)
        tail = f"  # {comment}" if comment else ""
        self.line(indent, f"{key}: {text}{tail}")

    def text(self, indent: int, key: str, value: str | None) -> None:
        """Free text: plain or quoted when short, a folded block when long."""
        if value is None:
            return
        if "\n" in value:
            self.line(indent, f"{key}: |-")
            for part in value.split("\n"):
                if part:
                    self.line(indent + 2, part)
                else:
                    self.blank()
            return
        if len(value) + indent + len(key) + 2 > self.width:
            roll = self.rng.random()
            if roll < 0.7:
                self.line(indent, f"{key}: >-")
                for part in wrap(value, self.width - indent - 2):
                    self.line(indent + 2, part)
                return
            if roll < 0.85:
                self.line(indent, f"{key}: {scalar(value)}")  # one long line
                return
            self.line(indent, f'{key}: "{value}"' if '"' not in value and "\\" not in value
                      else f"{key}: {scalar(value)}")
            return
        self.kv(indent, key, value)

    def seq_key(self, indent: int, key: str) -> int:
        """Start a block sequence under `key`; returns the indent of its '- ' items."""
        self.line(indent, f"{key}:")
        return indent + 2 if self.seq_indent else indent

    def refs(self, indent: int, key: str, values: list[str | int], *,
             flow_chance: float = 0.5) -> None:
        if not values:
            return
        if len(values) == 1 and self.rng.random() < 0.4:
            self.kv(indent, key, values[0])
        elif self.rng.random() < flow_chance:
            self.line(indent, f"{key}: {flow_list(values)}")
        else:
            item = self.seq_key(indent, key)
            for v in values:
                self.line(item, f"- {scalar(v)}")


# ------------------------------------------------------------------------------ the plan


@dataclass
class Person:
    id: str
    name: str  # as written in `name`
    refs: list[str]  # every way a task may name this person
    full_name: str | None = None
    position: str | None = None
    organisation: str | None = None
    email: str | None = None
    phone: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class Org:
    id: str
    name: str
    kind: str = "school"
    number: int | None = None
    short_name: str | None = None
    partner: str | None = None
    partner_of: list[str] = field(default_factory=list)
    address: str | None = None


@dataclass
class Ctx:
    rng: random.Random
    people: list[Person]
    roles: list[tuple[str, str]]
    schools: list[Org]
    orgs: list[Org]
    objectives: list[str]
    clusters: list[tuple[str, str]]  # (id, title)
    tasks: int = 0
    steps: int = 0


def make_people(rng: random.Random, count: int, orgs: list[Org]) -> list[Person]:
    people: list[Person] = []
    used_names: set[str] = set()
    used_ids: set[str] = set()
    while len(people) < count:
        surname = rng.choice(SURNAMES)
        first = rng.choice(MALE_NAMES)[0]
        if rng.random() < 0.75:  # education staff are mostly women
            surname = feminine(surname)
            first, patronymic = rng.choice(FEMALE_NAMES), rng.choice(MALE_NAMES)[2]
        else:
            patronymic = rng.choice(MALE_NAMES)[1]
        short = f"{surname} {first[0]}.{patronymic[0]}."
        if short in used_names:
            continue
        used_names.add(short)
        base = translit(surname)
        pid = base if base not in used_ids else f"{base}-{translit(first)[:3]}"
        if pid in used_ids:
            continue
        used_ids.add(pid)
        full = f"{surname} {first} {patronymic}"
        roll = rng.random()
        if roll < 0.6:
            person = Person(pid, short, [short, pid])
        elif roll < 0.8:
            person = Person(pid, short, [short, pid, full], full_name=full)
        else:  # the name written in full; tasks use the initials form as well
            person = Person(pid, full, [full, short, pid])
        if rng.random() < 0.4:
            person.position = rng.choice(POSITIONS)
            person.organisation = rng.choice(orgs).id
        if rng.random() < 0.15:
            person.email = f"{pid.replace('-', '.')}@edu.example.ru"
        if rng.random() < 0.1:
            person.phone = (f"+7 ({rng.randint(800, 999)}) {rng.randint(100, 999)}-"
                            f"{rng.randint(10, 99)}-{rng.randint(10, 99)}")
        if rng.random() < 0.1:  # another spelling seen in the sources
            alias = f"{surname} {first[0]}. {patronymic[0]}."
            person.aliases.append(alias)
            person.refs.append(alias)
        people.append(person)
    return people


def make_orgs(rng: random.Random, muni_name: str, tasks: int) -> tuple[list[Org], list[Org]]:
    numbers = rng.sample(range(1, 700), min(22, 4 + tasks // 8 + rng.randint(0, 6)))
    form = rng.choice(SCHOOL_FORMS)
    schools: list[Org] = []
    for n in numbers:
        name = (rng.choice(SCHOOL_FORMS) if rng.random() < 0.2 else form).format(n=n)
        org = Org(f"school-{n}", name, "school", n)
        if rng.random() < 0.15:
            org.short_name = f"ОУ {n}"
        if rng.random() < 0.1:
            org.address = f"ул. {rng.choice(SURNAMES)}а, д. {rng.randint(1, 120)}"
        schools.append(org)
    centres = [
        Org("imc", f"ИМЦ {muni_name}", "centre", short_name="ИМЦ"),
        Org("ddt", "Дом детского творчества", "centre", short_name="ДДТ"),
        Org("education-department", f"Отдел образования ({muni_name})", "authority"),
    ]
    if rng.random() < 0.6:
        centres.append(Org("cppmsp", "ЦППМСП", "centre"))
    if rng.random() < 0.5:
        centres.append(Org("university", "Педагогический университет", "university",
                           short_name="ПедУ", partner="academic",
                           partner_of=[s.id for s in rng.sample(schools, min(3, len(schools)))]))
    if rng.random() < 0.4:
        centres.append(Org("plant", "АО «Завод точного машиностроения»", "company",
                           partner="industrial",
                           partner_of=[s.id for s in rng.sample(schools, min(2, len(schools)))]))
    return schools, centres


def sentence(rng: random.Random, long: bool = False) -> str:
    parts = [rng.choice(ACTIONS), rng.choice(OBJECTS)]
    if rng.random() < (0.25 if long else 0.1):
        parts.append(rng.choice(QUALIFIERS))
    if long and rng.random() < 0.1:
        parts.append(rng.choice(TAILS))
    return " ".join(parts)


def result_text(rng: random.Random) -> str:
    if rng.random() < 0.06:
        items = rng.sample(OBJECTS, rng.randint(2, 4))
        head = rng.choice(("Разработаны и направлены в ОО:", "Закреплены за каждой ОО:",
                           "Подготовлены материалы:"))
        return head + "\n" + "\n".join(f"- {item};" for item in items)
    text = rng.choice(RESULTS)
    if rng.random() < 0.2:
        text += f" {rng.choice(RESULT_OBJECTS)}"
    return text + "."


def responsible(ctx: Ctx, count: int) -> list[str]:
    rng = ctx.rng
    out: list[str] = []
    for _ in range(count):
        if ctx.roles and rng.random() < 0.15:
            rid, name = rng.choice(ctx.roles)
            ref = rid if rng.random() < 0.3 else name
        else:
            ref = rng.choice(rng.choice(ctx.people).refs)
        if ref not in out:
            out.append(ref)
    return out


def write_work(w: Writer, ctx: Ctx, indent: int, span: Span, *, task_id: str | None,
               step: bool, due: Due, numbered: bool) -> None:
    """The fields tasks and steps share, after the `- ` line (written by the caller)."""
    rng = ctx.rng
    if task_id is not None:
        quoted = rng.random() < 0.8
        w.line(indent, f'- id: "{task_id}"' if quoted else f"- id: {task_id}")
        w.text(indent + 2, "title", sentence(rng, long=not step))
    else:
        w.line(indent, f"- title: {scalar(sentence(rng))}")
    body = indent + 2
    if not step and rng.random() < 0.1:
        w.text(body, "description", " ".join(rng.sample(DESCRIPTION_SENTENCES,
                                                         rng.randint(1, 2))))
    status = "planned"
    if due.end is not None and due.end < TODAY:
        status = rng.choices(("done", "planned", "in_progress", "cancelled"),
                             (70, 12, 8, 6))[0]
    elif span.start <= TODAY and rng.random() < 0.2:
        status = "in_progress"
    if rng.random() < 0.06 and due.end is not None and status in ("planned", "in_progress"):
        _reschedule(w, ctx, body, span, due)
    elif due.phrase.endswith("графику") and rng.random() < 0.3:
        w.kv(body, "due", due.phrase, phrase=True, comment="график у куратора кластера")
    else:
        w.kv(body, "due", due.phrase, phrase=True)
    if not step or rng.random() < 0.3:
        w.text(body, "result", result_text(rng))
    if not step or rng.random() < 0.3:
        w.refs(body, "responsible", responsible(ctx, rng.choice((1, 1, 1, 1, 2, 2, 3))),
               flow_chance=0.7)
    if rng.random() < 0.08:
        w.refs(body, "participants", [s.number or s.id for s in
                                      rng.sample(ctx.schools, min(3, len(ctx.schools)))],
               flow_chance=0.9)
    if status == "done":
        end = due.end or TODAY
        first = max(span.start, end - timedelta(days=25))
        done_on = rand_day(rng, first, min(end + timedelta(days=5), TODAY))
        w.kv(body, "status", "done")
        w.kv(body, "done_on", done_on.isoformat(), phrase=True)
    elif status == "cancelled":
        w.kv(body, "status", "cancelled")
        w.text(body, "cancel_reason", rng.choice(CANCEL_REASONS))
        if rng.random() < 0.5:
            w.kv(body, "cancelled_on",
                 rand_day(rng, span.start, min(span.end, TODAY)).isoformat(), phrase=True)
    elif status == "in_progress":
        w.kv(body, "status", "in_progress")
    elif rng.random() < 0.05:
        w.kv(body, "status", "planned")
    if rng.random() < 0.03:
        w.text(body, "comment", rng.choice(DESCRIPTION_SENTENCES))
    if step:
        return
    ctx_status = status
    if ctx.objectives and rng.random() < 0.6:
        w.kv(body, "objective", rng.choice(ctx.objectives))
    if ctx.clusters and rng.random() < 0.7:
        cid, title = rng.choice(ctx.clusters)
        w.kv(body, "cluster", cid if rng.random() < 0.85 else title)
    nsteps = rng.choices((0, 1, 2, 3, 4), (74, 8, 10, 6, 2))[0]
    if nsteps:
        item = w.seq_key(body, "steps")
        explicit = task_id is not None and numbered and rng.random() < 0.5
        for k in range(nsteps):
            ctx.steps += 1
            sid = f"{task_id}.{k + 1}" if explicit else None
            step_due = due_phrase(rng, span, latest=due.end)
            write_work(w, ctx, item, span, task_id=sid, step=True, due=step_due,
                       numbered=True)
    if rng.random() < 0.07:
        _event(w, ctx, body, due, ctx_status)


def _reschedule(w: Writer, ctx: Ctx, indent: int, span: Span, due: Due) -> None:
    rng = ctx.rng
    assert due.end is not None
    old_end = due.end - timedelta(days=rng.randint(7, 40))
    if old_end < span.start:
        w.kv(indent, "due", due.phrase, phrase=True)
        return
    w.kv(indent, "due", due.phrase, phrase=True, comment="перенесено")
    item = w.seq_key(indent, "reschedules")
    w.line(item, f"- from: {scalar('до ' + d_num(old_end))}")
    w.kv(item + 2, "to", due.phrase, phrase=True)
    w.text(item + 2, "reason", rng.choice(RESCHEDULE_REASONS))
    decided = min(old_end, TODAY) - timedelta(days=rng.randint(0, 10))
    decided = min(max(decided, span.start - timedelta(days=30)), TODAY)
    w.kv(item + 2, "on", decided.isoformat(), phrase=True)


def _event(w: Writer, ctx: Ctx, indent: int, due: Due, status: str) -> None:
    rng = ctx.rng
    host = rng.choice(ctx.schools)
    w.line(indent, "event:" + ("                  # для анонса (за 14 дней)"
                               if rng.random() < 0.3 else ""))
    body = indent + 2
    w.kv(body, "title", f"{rng.choice(EVENT_KINDS)} «{rng.choice(CLUSTER_TOPICS)[1]}»")
    w.text(body, "goal", rng.choice(GOALS))
    if rng.random() < 0.6:
        w.text(body, "summary", rng.choice(DESCRIPTION_SENTENCES))
    w.kv(body, "audience", rng.choice(("обучающиеся 5–7 классов", "педагоги ОО района",
                                        "родители обучающихся", "обучающиеся 8–11 классов")))
    w.kv(body, "time", f"{rng.choice((10, 11, 14, 15, 16))}:{rng.choice(('00', '30'))}")
    w.kv(body, "place", f"{host.name}, {rng.choice(PLACES)}")
    w.kv(body, "expected_participants", rng.randint(2, 30) * 10)
    if rng.random() < 0.5:
        w.kv(body, "registration_url", f"https://edu.example.ru/reg/{rng.randint(1000, 9999)}")
    w.kv(body, "level", rng.choice(("кластер", "район", "город", "регион")))
    if status != "done" or due.end is None:
        return
    w.line(indent, "outcome:")
    held = max(due.start or due.end, due.end - timedelta(days=3))
    w.kv(body, "held_on", min(held, TODAY).isoformat(), phrase=True)
    w.kv(body, "participants_count", rng.randint(20, 300))
    orgs = rng.sample(ctx.schools, min(len(ctx.schools), rng.randint(2, 5)))
    w.line(body, f"organisations: {flow_list([o.number or o.id for o in orgs])}")
    w.text(body, "summary", "Выступили команды школ " + ", ".join(
        f"№ {o.number}" for o in orgs) + ". " + rng.choice(DESCRIPTION_SENTENCES))
    if rng.random() < 0.6:
        w.text(body, "feedback", "Участники просили повторить мероприятие в следующем году")
    w.line(body, "photos: " + flow_list([f"https://edu.example.ru/photo/{rng.randint(1, 9999)}"
                                         for _ in range(rng.randint(1, 3))]))
    w.line(body, "hashtags: " + flow_list(["#Образование", rng.choice(CLUSTER_TOPICS)[2]]))
    if rng.random() < 0.5:
        w.kv(body, "winners", rng.randint(1, 15))
        item = w.seq_key(body, "awards")
        for _ in range(rng.randint(1, 3)):
            w.line(item, f"- who: {scalar(rng.choice(ctx.people).name)}")
            w.kv(item + 2, "kind", rng.choice(("благодарность", "грамота", "диплом")))
            w.text(item + 2, "reason", "подготовка команды обучающихся")


def split_stages(rng: random.Random, project: Span) -> list[Span]:
    months = project.last - project.first + 1
    most = max(2, min(4, months // 3))
    count = rng.randint(2, most)
    nice = [mi for mi in range(project.first + 3, project.last - 1)
            if mi % 12 + 1 in (1, 6, 9)]
    cuts: list[int] = []
    candidates = nice if len(nice) >= count - 1 else list(range(project.first + 2,
                                                              project.last - 1))
    for mi in sorted(rng.sample(candidates, count - 1)):
        if not cuts or mi - cuts[-1] >= 2:
            cuts.append(mi)
    bounds = [project.first, *cuts, project.last + 1]
    return [Span(bounds[i], bounds[i + 1] - 1) for i in range(len(bounds) - 1)]


def project_span(rng: random.Random) -> Span:
    year = rng.randint(2021, 2026)
    shape = rng.choices(("school-year", "sep-may", "calendar", "aug-oct", "sep-aug"),
                        (25, 30, 20, 10, 15))[0]
    if shape == "school-year":
        return Span(year * 12 + 8, (year + 1) * 12 + 7)
    if shape == "sep-may":
        return Span(year * 12 + 8, (year + rng.randint(1, 3)) * 12 + 4)
    if shape == "calendar":
        return Span(year * 12, (year + rng.randint(0, 2)) * 12 + 11)
    if shape == "aug-oct":
        return Span(year * 12 + 7, (year + 3) * 12 + 9)
    return Span(year * 12 + 8, (year + rng.randint(2, 3)) * 12 + 7)


def task_count(rng: random.Random) -> int:
    """Tasks in one plan: mostly 20–80, a few tiny, a few huge (log-normal)."""
    return max(3, min(150, round(math.exp(rng.gauss(3.74, 0.62)))))


def generate_plan(rng: random.Random, index: int) -> tuple[str, str, str, int, int]:
    """(relative folder, file name, YAML text, tasks, steps) of plan number `index`."""
    region_slug, region_name, munis = rng.choice(REGIONS)
    muni_slug, muni_name = rng.choice(munis)
    topic_slug, topic_adj, topic_title, topic_dir = rng.choice(TOPICS)
    project_id = f"{muni_slug}-{topic_slug}-{index + 1:05d}"
    kind = rng.choices(("project", "programme", "roadmap"), (55, 30, 15))[0]
    total = task_count(rng)
    schools, centres = make_orgs(rng, muni_name, total)
    orgs = schools + centres
    people = make_people(rng, min(40, max(10, 6 + total // 4 + rng.randint(0, 10))), orgs)
    roles = rng.sample(ROLES, rng.randint(1, 5))
    objectives = [str(i) for i in range(1, rng.randint(3, 4 + min(4, total // 10)))]
    clusters: list[tuple[str, str, str]] = []
    if kind == "programme" or rng.random() < 0.2:
        clusters = rng.sample(CLUSTER_TOPICS, rng.randint(2, 8))
    ctx = Ctx(rng, people, roles, schools, orgs, objectives, [(c[0], c[1]) for c in clusters])
    span = project_span(rng)
    stages = split_stages(rng, span)

    w = Writer(rng)
    if rng.random() < 0.5:
        w.line(0, "# yaml-language-server: $schema=../../../schema/plan.schema.json")
    w.line(0, "version: 1")
    w.comment(0, f"План {topic_adj} проекта: {muni_name}, {region_name}. Сформирован по "
                 f"материалам рабочей группы (приказ № {rng.randint(10, 999)}-од).")
    w.blank()
    # ---- passport
    w.line(0, "project:")
    w.kv(2, "id", project_id)
    title = f"{topic_title}: {muni_name}"
    w.text(2, "title", title if rng.random() < 0.7 else
           f"{title} ({region_name}) на {span.start.year}–{span.end.year} годы")
    w.kv(2, "kind", kind)
    w.kv(2, "region", f"{muni_name}, {region_name}")
    if rng.random() < 0.5:
        w.kv(2, "organisation", centres[0].name)
    period = period_phrase(rng, span, None)
    w.kv(2, "period", period, phrase=True)
    years = (span.last - span.first + 1) // 12
    if years and rng.random() < 0.5:
        w.kv(2, "duration", {1: "1 год", 2: "2 года", 3: "3 года"}.get(years, f"{years} лет"))
    w.text(2, "strategic_goal", f"{rng.choice(GOALS)} по {topic_dir} направлению "
                                f"{rng.choice(QUALIFIERS)}")
    goals = rng.sample(GOALS, rng.randint(1, 3))
    if len(goals) == 1 and rng.random() < 0.5:
        w.text(2, "goals", goals[0])
    else:
        item = w.seq_key(2, "goals")
        for g in goals:
            w.line(item, f"- {scalar(g)}")
    item = w.seq_key(2, "objectives")
    for oid, text in zip(objectives, rng.sample(OBJECTIVES, len(objectives)), strict=True):
        w.line(item, f'- id: "{oid}"')
        w.text(item + 2, "title", text)
    w.refs(2, "participants", [s.id for s in rng.sample(schools, min(len(schools), 4))])
    w.refs(2, "leads", [rng.choice(people).refs[0]])
    if rng.random() < 0.5:
        w.refs(2, "curators", [p.refs[-1] for p in rng.sample(people, 2)])
    if rng.random() < 0.3:
        w.text(2, "description", "\n".join(rng.sample(DESCRIPTION_SENTENCES, 4)))
    if rng.random() < 0.2:
        w.line(2, "resources:")
        w.text(4, "staff", "Педагоги школ – участников кластера, методисты ИМЦ и ДДТ.")
        w.text(4, "material", "Оборудование центров «Точка роста» и «IT-куб».")
    if rng.random() < 0.2:
        item = w.seq_key(2, "products")
        w.line(item, "- title: Инновационные продукты")
        w.line(item + 2, "kinds: " + flow_list(["методические рекомендации", "дорожные карты",
                                                 "сценарии мероприятий"]))
        w.line(item + 2, "levels: [заседание кластера, районное совещание, городской уровень]")
    w.blank()
    if rng.random() < 0.3:
        w.comment(0, "Правила работы: анонс за 14 дней, повтор за 3-4 дня и накануне; "
                     "пресс-релиз через 1-2 дня после мероприятия.")
        w.line(0, "rules:")
        w.line(2, "announcement_days_before: [14, 4, 1]")
        w.line(2, "press_release_days_after: [1, 2]")
        w.line(2, 'report_due: ["25.12", "25.05"]')
        w.kv(2, "district_schools", rng.randint(len(schools), 80))
        w.blank()
    # ---- registries
    item = w.seq_key(0, "people")
    for p in people:
        w.line(item, f"- id: {scalar(p.id)}")
        w.kv(item + 2, "name", p.name)
        w.kv(item + 2, "full_name", p.full_name)
        w.kv(item + 2, "position", p.position)
        w.kv(item + 2, "organisation", p.organisation)
        w.kv(item + 2, "email", p.email)
        w.kv(item + 2, "phone", p.phone)
        if p.aliases:
            w.line(item + 2, f"aliases: {flow_list(list(p.aliases))}")
    w.blank()
    item = w.seq_key(0, "roles")
    for rid, name in roles:
        w.line(item, f"- id: {rid}")
        w.kv(item + 2, "name", name)
    w.blank()
    item = w.seq_key(0, "organisations")
    for org in orgs:
        w.line(item, f"- id: {org.id}")
        w.kv(item + 2, "name", org.name)
        w.kv(item + 2, "short_name", org.short_name)
        if org.kind != "school" or rng.random() < 0.2:
            w.kv(item + 2, "kind", org.kind)
        w.kv(item + 2, "number", org.number)
        w.kv(item + 2, "partner", org.partner)
        if org.partner_of:
            w.line(item + 2, f"partner_of: {flow_list(list(org.partner_of))}")
        w.kv(item + 2, "address", org.address)
    w.blank()
    if clusters:
        item = w.seq_key(0, "clusters")
        for cid, ctitle, tag in clusters:
            w.line(item, f"- id: {cid}")
            w.kv(item + 2, "title", ctitle)
            if rng.random() < 0.5:
                w.text(item + 2, "goal", rng.choice(GOALS))
            w.refs(item + 2, "curators", [rng.choice(rng.choice(people).refs)])
            w.refs(item + 2, "leads", [rng.choice(p.refs) for p in rng.sample(people, 2)])
            base = rng.choice(schools)
            w.kv(item + 2, "base_site", rng.choice((base.id, base.number or base.id,
                                                    base.name)))
            if rng.random() < 0.5:
                w.refs(item + 2, "coordinators", ["imc", "ddt"][: rng.randint(1, 2)])
            members = rng.sample(schools, min(len(schools), rng.randint(2, 10)))
            w.line(item + 2, f"members: {flow_list([m.number or m.id for m in members])}")
            w.line(item + 2, f"hashtags: {flow_list([tag])}")
        w.blank()
    # ---- stages and tasks
    share = [rng.random() + 0.5 for _ in stages]
    counts = [max(1, round(total * s / sum(share))) for s in share]
    item = w.seq_key(0, "stages")
    titles = list(STAGE_TITLES)
    for si, (stage, count) in enumerate(zip(stages, counts, strict=True)):
        w.comment(item, f"Этап {ROMAN[min(si + 1, 4)] if si < 4 else si + 1}")
        stage_id = ROMAN[si + 1] if rng.random() < 0.4 else str(si + 1)
        w.line(item, f'- id: "{stage_id}"' if stage_id.isdigit() else f"- id: {stage_id}")
        body = item + 2
        group = titles[0] if si == 0 else titles[-1] if si == len(stages) - 1 else titles[1]
        w.kv(body, "title", rng.choice(group))
        w.kv(body, "period", period_phrase(rng, stage, span), phrase=True)
        if rng.random() < 0.6:
            w.text(body, "goal", rng.choice(GOALS))
        if rng.random() < 0.5:
            w.line(body, "objectives: " + flow_list(
                sorted(rng.sample(objectives, min(len(objectives), 3)), key=int)))
        task_item = w.seq_key(body, "tasks")
        numbered = rng.random() < 0.9
        for ti in range(count):
            ctx.tasks += 1
            task_id = str(ti + 1) if numbered else f"{si + 1}.{ti + 1}"
            if rng.random() < 0.03:
                w.comment(task_item, "строка разорвана переносом страницы, склеена")
            write_work(w, ctx, task_item, stage, task_id=task_id, step=False,
                       due=due_phrase(rng, stage), numbered=numbered)
            if rng.random() < 0.1:
                w.blank()
    text = "\n".join(w.lines).rstrip("\n") + "\n"
    return f"{region_slug}/{muni_slug}", f"{project_id}.yaml", text, ctx.tasks, ctx.steps


def plan_rng(seed: int, index: int) -> random.Random:
    return random.Random(f"clusterctl-bench:{seed}:{index}")


def generator_hash() -> str:
    """A fingerprint of this script: data sets made by another version are made again."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


def read_marker(outdir: Path) -> dict[str, str]:
    """The summary a previous run left in OUTDIR ({} if none)."""
    try:
        text = (outdir / MARKER).read_text(encoding="utf-8")
    except OSError:
        return {}
    return dict(part.split("=", 1) for part in text.split() if "=" in part)


def generate(outdir: Path, files: int, seed: int = 1) -> tuple[int, int, int, int]:
    """Write `files` plans into `outdir`; returns (files, bytes, tasks, steps)."""
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / MARKER).write_text("incomplete\n", encoding="utf-8")
    total_bytes = total_tasks = total_steps = 0
    for index in range(files):
        folder, name, text, tasks, steps = generate_plan(plan_rng(seed, index), index)
        data = text.encode("utf-8")
        target = outdir / folder
        target.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(data)
        total_bytes += len(data)
        total_tasks += tasks
        total_steps += steps
    (outdir / MARKER).write_text(
        f"files={files} seed={seed} gen={generator_hash()} bytes={total_bytes} "
        f"tasks={total_tasks} steps={total_steps}\n",
        encoding="utf-8",
    )
    return files, total_bytes, total_tasks, total_steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--files", type=int, default=100, help="how many plans (default 100)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--force", action="store_true",
                        help="replace OUTDIR if this script made it before")
    args = parser.parse_args(argv)
    outdir: Path = args.outdir
    if args.files < 1:
        parser.error("--files must be at least 1")
    if outdir.exists() and any(outdir.iterdir()):
        if not (outdir / MARKER).exists():
            parser.error(f"{outdir} is not empty and was not made by this script")
        if not args.force:
            parser.error(f"{outdir} exists; use --force to replace it")
        shutil.rmtree(outdir)
    files, size, tasks, steps = generate(outdir, args.files, args.seed)
    print(f"{outdir}: {files} files, {size:,} bytes ({size / 1e6:.1f} MB, "
          f"{size / files / 1024:.1f} KB per file), {tasks:,} tasks, {steps:,} steps "
          f"(seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
