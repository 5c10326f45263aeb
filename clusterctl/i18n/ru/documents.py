"""Документы: шаблоны, их ошибки, подписи документов, письма."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # ------------------------------------------------------------------ template
    'template-syntax': 'ошибка в записи шаблона: {detail}',
    'template-syntax.hint': (
        'Проверьте парность {{{{ }}}}, {{% %}} и закрывающие {{% end… %}} (docs/templates.md).'
    ),
    'template-undefined': 'в шаблоне неизвестная переменная или поле: {detail}',
    'template-undefined.hint': '{suggestion}Переменные и их поля перечислены в docs/templates.md.',
    'template-not-found': 'шаблон «{name}» не найден (искали в: {where})',
    'template-not-found.hint': (
        'Проверьте имя; список встроенных шаблонов: clusterctl templates list.'
    ),
    'template-unsafe': 'шаблон обращается к недоступному: {detail}',
    'template-unsafe.hint': (
        'Шаблоны работают в песочнице: служебные атрибуты (__class__ и т. п.) и файлы вне '
        'папок шаблонов недоступны.'
    ),
    'template-not-a-file': 'шаблон «{name}» — не обычный файл ({what})',
    'template-not-a-file.hint': (
        'Шаблон должен быть текстовым файлом; уберите или переименуйте {where}.'
    ),
    'template-limit': 'шаблон превысил предел: {detail}',
    'template-limit.hint': (
        'Проверьте циклы, рекурсивные макросы и включения шаблона в самого себя; предел '
        'времени меняется параметром --timeout (docs/templates.md).'
    ),
    'template-error': 'ошибка при заполнении шаблона: {detail}',
    'template-error.hint': (
        'Проверьте выражение в этой строке шаблона (фильтры и их аргументы — '
        'docs/templates.md).'
    ),
    'template.limit.time': 'заполнение шаблона заняло больше {seconds} с',
    'template.limit.output': 'документ длиннее {millions} млн знаков',
    'template.limit.memory': 'шаблону понадобилось больше {millions} МБ памяти',
    'template.limit.recursion': (
        'слишком глубокая рекурсия (макрос вызывает сам себя или шаблон включает сам себя)'
    ),
    'template.limit.power': '{left} ** {right}: слишком большое число',
    'template.limit.sequence-times': (
        'строка или список из {size} × {times} элементов длиннее предела ({limit})'
    ),
    'template.limit.sequence': 'строка или список длиннее предела ({limit})',
    'template.limit.range': 'range() из {size} чисел длиннее предела ({limit})',
    'template.outside': '«{name}» — выход за пределы папок шаблонов',
    'template.file-kind.folder': 'папка',
    'template.file-kind.pipe': 'именованный канал',
    'template.file-kind.device': 'устройство',
    'template.file-kind.special': 'особый файл',
    # ------------------------------------------------------------------ doc
    'doc.status.planned': 'запланировано',
    'doc.status.in_progress': 'выполняется',
    'doc.status.done': 'выполнено',
    'doc.status.cancelled': 'отменено',
    'doc.due-kind.date': 'дата',
    'doc.due-kind.range': 'период',
    'doc.due-kind.before': 'срок до',
    'doc.due-kind.ongoing': 'постоянно',
    'doc.due-kind.unscheduled': 'по отдельному графику',
    'doc.due-kind.recurring': 'регулярно',
    'doc.recurrence.weekly': 'еженедельно',
    'doc.recurrence.monthly': 'ежемесячно',
    'doc.recurrence.quarterly': 'ежеквартально',
    'doc.recurrence.twice_yearly': 'два раза в год',
    'doc.recurrence.yearly': 'ежегодно',
    'doc.org-kind.school': 'школа',
    'doc.org-kind.kindergarten': 'детский сад',
    'doc.org-kind.centre': 'центр',
    'doc.org-kind.authority': 'орган управления',
    'doc.org-kind.university': 'вуз',
    'doc.org-kind.college': 'колледж',
    'doc.org-kind.institute': 'институт',
    'doc.org-kind.company': 'организация',
    'doc.org-kind.other': 'другое',
    'doc.project-kind.project': 'проект',
    'doc.project-kind.programme': 'программа',
    'doc.project-kind.roadmap': 'дорожная карта',
    'doc.school-number': 'ОУ № {number}',
    'doc.note.done': 'выполнено',
    'doc.note.cancelled': 'отменено',
    'doc.note.moved': 'срок перенесён: {previous}{to} ({reason})',
    'doc.note.overdue': 'просрочено на {days}',
    'doc.note.in-progress': 'выполняется',
    'doc.stage-state.unknown': 'сроки не указаны',
    'doc.stage-state.future': 'не начат',
    'doc.stage-state.past': 'завершён',
    'doc.stage-state.current': 'идёт',
    'doc.stage-word': 'этап',
    'doc.stage-heading': 'Этап {id}. {title}',
    'doc.loose-tasks': 'Мероприятия',
    'doc.resources.staff': 'Кадровые',
    'doc.resources.information': 'Информационные',
    'doc.resources.education': 'Образовательные',
    'doc.resources.organisation': 'Организационные',
    'doc.resources.material': 'Материально-технические',
    'doc.resources.other': 'Другие',
    'doc.project-state.stage': '{id} этап — {title}',
    'doc.project-state.no-dates': 'не определена: в плане не указаны сроки этапов и проекта',
    'doc.project-state.stage-starts': ': этап {id} начнётся {day}',
    'doc.project-state.starts': ': начало {day}',
    'doc.project-state.before': 'реализация ещё не началась',
    'doc.project-state.finished': 'реализация завершена {day}',
    'doc.project-state.between': 'между этапами: этап {id} начнётся {day}',
    'doc.project-state.running': 'идёт реализация ({period})',
    'doc.project-state.unknown': 'не определена',
    'doc.report.share': '{count} из {total} школ района ({percent} %)',
    'doc.report.share-unknown': (
        '{schools}; общее число школ района не указано (rules.district_schools)'
    ),
    'doc.report.common': 'Общие мероприятия программы',
    'doc.plan': 'План',
    'doc.kind.roadmap': 'Дорожная карта',
    'doc.kind.passport': 'Паспорт проекта',
    'doc.kind.report': 'Отчёт о работе кластера',
    'doc.kind.note': 'Аналитическая справка',
    'doc.kind.announcement': 'Анонс мероприятия',
    'doc.kind.press-release': 'Пресс-релиз',
    'doc.kind.agenda': 'Повестка совещания',
    'doc.award-source.plan': 'план',
    'doc.gantt.empty': 'В плане нет сроков с датами — временную шкалу построить не из чего.',
    'doc.gantt.label': 'Временная шкала: {title}',
    'doc.gantt.today': 'сегодня {date}',
    'doc.gantt.no-due': 'срок не указан',
    'doc.note.occurrences': 'повторений выполнено {done} из {total}',
    # ------------------------------------------------------------------ letter
    'letter.title': 'название мероприятия',
    'letter.goal': 'цель мероприятия',
    'letter.summary': 'краткое содержание',
    'letter.participants': 'участники',
    'letter.date': 'дата проведения',
    'letter.time': 'время проведения',
    'letter.place': 'место проведения',
    'letter.expected_participants': 'предполагаемое количество участников',
    'letter.registration_url': 'ссылка для предварительной регистрации',
    'letter.participants_count': 'количество участников',
    'letter.organisations': 'из каких ОУ',
    'letter.feedback': 'отзывы',
    'letter.photos': 'ссылки на фото',
    'letter.hashtags': 'хештеги',
    'letter.missing': '[не указано: {label}]',
}
