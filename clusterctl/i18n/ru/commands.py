"""Сообщения команд: ошибки запуска, записи файлов, правки, ответы запросов, календарь."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # ------------------------------------------------------------------ cli
    'cli.internal-error': (
        'внутренняя ошибка clusterctl ({error}). Это ошибка программы, а не ваших данных: '
        'сообщите разработчикам, что вы запускали.'
    ),
    'findings': 'найдены ошибки',
    'cli.hint': 'подсказка',
    'cli.summary': 'Проверено файлов: {files}; ошибок: {errors}, предупреждений: {warnings}.',
    'cli.undecodable': (
        'аргумент «{shown}» содержит байты не в кодировке UTF-8: наберите его заново или '
        'проверьте кодировку терминала'
    ),
    'cli.bad-date': (
        'неверная дата {option} {value}: нужна ГГГГ-ММ-ДД или ДД.ММ.ГГГГ (годы {min}–{max})'
    ),
    'cli.skipped': 'Пропущены файлы с ошибками: {files}',
    'cli.unread': '{n} {words}: {where}',
    'cli.unread-words': (
        'срок не распознан и не учтён|срока не распознаны и не учтены|сроков не распознаны и '
        'не учтены'
    ),
    'cli.bad-window': '{option} {value}: нужно число и единица: 14d, 2w, 1m (или 14д, 2н, 1м)',
    'cli.bad-period': '--period {value}: нужен START..END (ГГГГ-ММ-ДД) или понятная фраза',
    'cli.when-kind': 'вид',
    'cli.when-start': 'начало',
    'cli.when-end': 'конец',
    'cli.when-recurrence': 'повтор',
    'cli.interrupted': 'прервано',
    'cli.no-file': 'нет такого файла: {path}',
    'cli.is-folder': '{path} — папка, а нужен файл плана',
    'cli.empty-value': '{option}: пустое значение',
    'cli.dry-run': '{message} (пробный запуск: файл не изменён)',
    'cli.words.usage': 'Использование:',
    'cli.words.arguments': 'Аргументы',
    'cli.words.options': 'Параметры',
    'cli.words.commands': 'Команды',
    'cli.words.help': 'Показать эту справку и выйти.',
    'cli.words.try-help': 'Справка: {command} {option}',
    'cli.words.error': 'Ошибка: {message}',
    'cli.words.missing-argument': 'Не указан аргумент {name}.',
    'cli.words.missing-option': 'Не указан обязательный параметр {name}.',
    'cli.words.no-option': 'Нет такого параметра: {name}.',
    'cli.words.possible': ' Возможно, имелось в виду: {names}.',
    'cli.words.bad-value': 'Неверное значение {name}: {problem}',
    'cli.words.not-integer': '«{value}» — не целое число.',
    'cli.words.not-number': '«{value}» — не число.',
    'cli.words.out-of-range': '{value} вне допустимых значений ({range}).',
    'cli.words.not-a-choice': '«{value}» — не одно из значений: {choices}.',
    'cli.words.not-boolean': '«{value}» — не логическое значение (да/нет).',
    'cli.words.no-command': 'Нет такой команды: «{name}».',
    'cli.words.did-you-mean': ' Возможно, имелось в виду «{name}».',
    'cli.words.extra-args': 'Лишние аргументы: {args}.',
    'cli.words.needs-value': 'Параметру {name} нужно значение.',
    'cli.words.needs-values': 'Параметру {name} нужно значений: {n}.',
    'cli.words.takes-no-value': 'Параметр {name} пишется без значения.',
    'cli.words.missing-command': 'Не указана команда.',
    'cli.words.options-metavar': '[ПАРАМЕТРЫ]',
    'cli.words.command-metavar': 'КОМАНДА [АРГУМЕНТЫ]...',
    # ------------------------------------------------------------------ write
    'write.busy': 'файл занят другой командой clusterctl, повторите позже',
    'write.no-folder': 'папки, в которую нужно записать файл, нет',
    'write.read-only': 'файл только для чтения (снимите запрет записи, если его нужно менять)',
    'write.not-regular': 'это не обычный файл (устройство, канал или особый файл)',
    'write.failed': 'Не удалось записать {path}: {reason}; ничего не изменено.',
    # ------------------------------------------------------------------ io
    'io.error': 'не удалось прочитать или записать {path}: {reason}.',
    # ------------------------------------------------------------------ os
    'os.access': 'нет прав доступа',
    'os.permission': 'операция не разрешена',
    'os.missing': 'нет такого файла или папки',
    'os.not-dir': 'часть пути — не папка',
    'os.is-dir': 'это папка',
    'os.exists': 'файл уже существует',
    'os.no-space': 'на диске нет места',
    'os.read-only-disk': 'диск только для чтения',
    'os.loop': 'слишком много символических ссылок (или ссылка по кругу)',
    'os.long-name': 'слишком длинное имя',
    'os.io': 'ошибка ввода-вывода',
    'os.busy': 'файл занят',
    'os.too-many': 'открыто слишком много файлов',
    'os.quota': 'превышена квота диска',
    'os.cross-device': 'файлы на разных дисках',
    'os.no-device': 'нет такого устройства',
    'os.again': 'файл сейчас недоступен',
    'os.too-big': 'файл слишком большой',
    'os.other': 'системная ошибка {errno}',
    # ------------------------------------------------------------------ edit
    'edit.file-has-errors': (
        'В файле {file} есть ошибки ({count}): сначала исправьте их (clusterctl validate), '
        'файл не изменён.'
    ),
    'edit.edit-makes-errors': (
        'Изменение не внесено: после него в {file} появились бы ошибки (файл не изменён).'
    ),
    'edit.empty-ref': 'Не указан номер мероприятия (например, «8», «8.2» или «II/1.1»).',
    'edit.unknown-ref': 'В {file} нет мероприятия или подпункта {ref}.',
    'edit.closest': ' Возможно, имелось в виду: {names}.',
    'edit.known-refs': ' Номера в плане: {names}.',
    'edit.known-refs-stage': ' Номера в этапе {stage}: {names}.',
    'edit.unknown-stage': 'В {file} нет этапа {stage}. Этапы: {stages}.',
    'edit.ambiguous-ref': (
        'Номер {ref} в {file} не однозначен: {names}. Укажите этап, например {example}.'
    ),
    'edit.ambiguous-in-stage': (
        'Номер {ref} в {file} не однозначен: {names}. Исправьте номера в файле.'
    ),
    'edit.done-in-future': (
        'Дата выполнения {on} позже сегодняшней ({today}): отметить выполненным заранее нельзя.'
    ),
    'edit.done-cancelled': (
        '{What} {ref} — отменено (причина: {reason}): отметить выполненным нельзя. Чтобы '
        'вернуть в работу: clusterctl start.'
    ),
    'edit.already-done': '{file}: {what} {ref} — уже выполнено {on}, файл не изменён',
    'edit.cancel-done': '{What} {ref} — уже выполнено ({on}): отменить нельзя.',
    'edit.already-cancelled': '{What} {ref} — уже отменено (причина: {reason}).',
    'edit.reason-required': (
        'Нужна причина: «--reason "..."» (уважительная причина отмены или переноса).'
    ),
    'edit.reschedule-closed': '{What} {ref} — {state}: переносить срок нельзя.',
    'edit.reschedule-no-due': 'У {what_gen} {ref} нет срока (due): переносить нечего.',
    'edit.reschedule-steps': ' Сроки указаны у подпунктов: {steps} — перенесите срок нужного.',
    'edit.old-not-understood': (
        'Прежний срок {old} не понят ({reason}): проверить, что новый срок позже, нельзя. '
        'Исправьте срок в файле вручную.'
    ),
    'edit.old-undated': (
        'Прежний срок {old} не задаёт даты окончания ({kind}): перенос на более поздний срок '
        'проверить нельзя. Измените срок в файле вручную.'
    ),
    'edit.new-not-understood': (
        'Новый срок {new} не понят: {reason} {hint} Проверить фразу: clusterctl when "...".'
    ),
    'edit.new-undated': (
        'Новый срок {new} не задаёт даты окончания ({kind}): для переноса укажите дату или '
        'период («До 20.12.2022», «Ноябрь 2022»).'
    ),
    'edit.not-later': (
        'Новый срок {new} (до {new_end}) не позже прежнего {old} (до {old_end}): переносить '
        'можно только на более поздний срок.'
    ),
    'edit.bad-status': (
        'Статус {status} так не ставится: используйте clusterctl done или clusterctl cancel.'
    ),
    'edit.field-has-comment': (
        'У поля {field} ({ref}) есть комментарий: уберите поле вручную, чтобы не потерять '
        'комментарий.'
    ),
    'edit.not-editable': (
        '{What} {ref} нельзя изменить автоматически: {why}. Измените файл вручную.'
    ),
    'edit.changed-on-disk': (
        'Файл {file} изменился во время правки: повторите команду (файл не изменён).'
    ),
    'edit.write-failed': 'Не удалось записать {file}: {error}. Файл не изменён.',
    'edit.guard': (
        'Изменение не внесено: оно затронуло бы в {file} не только {ref} (это ошибка '
        'clusterctl — сообщите о ней). Файл не изменён.'
    ),
    'edit.did-done': '{file}: {what} {ref} — выполнено {on}',
    'edit.did-reschedule': (
        '{file}: {what} {ref} — срок перенесён: {old} → {new} (причина: {reason})'
    ),
    'edit.did-cancel': '{file}: {what} {ref} — отменено (причина: {reason})',
    'edit.did-status': '{file}: {what} {ref} — {status}{removed}',
    'edit.same-status': '{file}: {what} {ref} — уже {status}, файл не изменён',
    'edit.removed': ' (убрано: {fields})',
    'edit.refused': '{text}',
    'edit.reason-not-given': 'не указана',
    'edit.did-occurrence': (
        '{file}: {what} {ref} — выполнено повторение со сроком {due} (отмечено {on})'
    ),
    'edit.occurrences-all-done': (
        '{file}: {What} {ref} — все повторения уже отмечены выполненными.'
    ),
    'edit.on-in-future': (
        'Дата решения {on} позже сегодняшней ({today}): записать решение заранее нельзя.'
    ),
    # ------------------------------------------------------------------ edit
    'edit.why.no-dash': 'запись — не строка списка «- »',
    'edit.why.flow': 'запись внутри списка в квадратных скобках',
    'edit.why.alias': 'в записи якоря или ссылки YAML (&, *, <<)',
    'edit.why.yaml': 'строки записи не читаются отдельно от файла',
    # ------------------------------------------------------------------ filter
    'filter.unknown': '{what} {value} нет в планах.',
    'filter.unknown-status': 'статуса {value} нет; допустимые: {known}.',
    'filter.did-you-mean': ' Возможно, имелось в виду {names}.',
    'filter.known': ' Есть: {known}.',
    # ------------------------------------------------------------------ filter-what
    'filter-what.project': 'проекта',
    'filter-what.stage': 'этапа',
    'filter-what.cluster': 'кластера',
    'filter-what.responsible': 'ответственного',
    'filter-what.name': 'ответственного',
    'filter-what.status': 'статуса',
    # ------------------------------------------------------------------ column
    'column.project': 'Проект',
    'column.id': '№',
    'column.task': 'Мероприятие',
    'column.due_phrase': 'Срок в плане',
    'column.due': 'Дата',
    'column.days_overdue': 'Просрочка, дн.',
    'column.responsible': 'Ответственные',
    'column.where': 'Этап/кластер',
    'column.weekday': 'День',
    'column.days_left': 'Через, дн.',
    'column.kind': 'Что',
    'column.name': 'Ответственный',
    'column.who_kind': 'Вид',
    'column.projects': 'Проекты',
    'column.open': 'Открыто',
    'column.overdue': 'Просрочено',
    'column.next_due': 'Ближайший срок',
    'column.duties': 'Роли',
    'column.left': 'Дней до срока',
    'column.status': 'Статус',
    'column.scope': 'Проект / этап / кластер',
    'column.total': 'Всего',
    'column.done': 'Выполнено',
    'column.in_progress': 'В работе',
    'column.planned': 'Запланировано',
    'column.cancelled': 'Отменено',
    'column.rescheduled': 'Перенесено',
    'column.share': 'Готово',
    'column.participation': 'Участие ОУ',
    'column.date': 'Дата',
    'column.time': 'Время',
    'column.place': 'Место',
    # ------------------------------------------------------------------ entry-kind
    'entry-kind.task': 'срок',
    'entry-kind.step': 'срок',
    'entry-kind.event': 'мероприятие',
    'entry-kind.announcement': 'анонс',
    'entry-kind.announcement_repeat': 'анонс',
    'entry-kind.press_release': 'пресс-релиз',
    'entry-kind.report': 'отчёт',
    'entry-kind.meeting': 'совещание',
    'entry-kind.start': 'начало',
    # ------------------------------------------------------------------ who-kind
    'who-kind.person': 'человек',
    'who-kind.role': 'роль',
    'who-kind.unknown': 'нет в реестре',
    'who-kind.organisation': 'организация',
    # ------------------------------------------------------------------ answer
    'answer.overdue-footer': 'Просрочено на {on}: {counted}.',
    'answer.overdue-empty': 'Просроченных пунктов на {on} нет.',
    'answer.week': 'Неделя {span}',
    'answer.upcoming-footer': 'С {since} по {until}: {counted}.',
    'answer.upcoming-empty': 'С {since} по {until} сроков и напоминаний нет.',
    'answer.meeting-cluster': 'совещание кластера «{title}»',
    'answer.meeting-project': 'совещание с участниками проекта',
    'answer.meeting-title': '{when} — {subject} ({project}); события по {until}',
    'answer.meeting-run-by': '; проводят: {who}',
    'answer.meeting-nothing': 'Событий и сроков на этот период в плане нет.',
    'answer.meeting-empty': (
        'Совещаний по правилам работы нет: в планах нет кластеров и блока rules: (или период '
        'проекта закончился).'
    ),
    'answer.whole-project': 'весь проект',
    'answer.stage': 'этап {id}: {title}',
    'answer.cluster': 'кластер {id}: {title}',
    'answer.no-data-of': 'нет данных (из {members})',
    'answer.no-data': 'нет данных',
    'answer.district': '{project}: школ района приняли участие — {took} из {members} ({share}).',
    'answer.unread': (
        'Не распознаны сроки: {n} ({where}) — эти пункты не учтены в графах «Просрочено» и '
        '«Ближайший срок».'
    ),
    'answer.no-projects': 'Нет проектов.',
    'answer.and-more': ' и ещё {more}',
    'answer.curator': 'куратор',
    'answer.lead': 'руководитель',
    'answer.of-project': ' проекта',
    'answer.responsibles': 'Ответственных: {n}.',
    'answer.not-in-registry': ' Нет в реестре: {n} — проверьте написание (clusterctl validate).',
    'answer.due-by': 'Срок до {date}',
    'answer.no-responsibles': 'Ответственных нет.',
    'answer.person-counts': (
        '. Открыто: {open}, просрочено: {overdue}, срок до {soon}: {due_soon}.'
    ),
    'answer.no-items': 'Пунктов нет.',
    'answer.no-open-items': 'Открытых пунктов нет.',
    'answer.xlsx-needs-output': (
        '--format xlsx: укажите файл: -o ОТВЕТ.xlsx (таблицу Excel не выводят на экран).'
    ),
    'answer.xlsx-too-many': (
        'в ответе {rows} строк — больше, чем вмещает лист Excel (1 048 576). Сузьте выборку '
        '(-p, --stage, -r) или возьмите --format csv.'
    ),
    'answer.missed': 'пропущено {counted}: {days}',
    # ------------------------------------------------------------------ render
    'render.need-kind': 'укажите вид документа: {kinds}',
    'render.unknown-kind': 'неизвестный вид документа {kind}; есть: {kinds}',
    'render.need-task': (
        '{kind}: укажите мероприятие (номер задачи), например: clusterctl render {kind} 3 '
        'projects/plan.yaml'
    ),
    'render.no-project': 'нет проекта {project}; есть: {known}',
    'render.no-task': '{file}: нет мероприятия {ref}; мероприятия: {known}',
    'render.ambiguous-task': (
        '{file}: мероприятие {ref} есть в нескольких этапах ({keys}): уточните --stage или '
        'запишите ЭТАП/НОМЕР'
    ),
    'render.letter-missing': (
        '{what} мероприятия {task}: не указано «{label}» (заполните в {path}: {source})'
    ),
    'render.letter.announcement': 'анонс',
    'render.letter.press-release': 'пресс-релиз',
    'render.need-choice': (
        'путь содержит несколько планов: выберите один (--project ID) или укажите папку (-o '
        'ПАПКА/)'
    ),
    'render.need-folder': '-o {output}: для нескольких планов нужна папка (или --project ID)',
    'render.no-templates-folder': '--templates: нет папки {folder}',
    'render.no-template-file': '--template: нет файла {file}',
    'render.from-after-to': '--from позже --to',
    'render.written': 'записано: {path}',
    'render.no-builtin': 'нет встроенного шаблона {token}; список: clusterctl templates list',
    'render.shared-parts': 'Общие части (включаются в документы):',
    'render.builtins': 'Встроенные шаблоны: {folder}',
    'render.not-a-folder': '{folder}: это не папка',
    'render.already-there': 'уже есть: {files} (--force, чтобы перезаписать)',
    'render.copied': 'скопировано: {path}',
    'render.edit-then-run': (
        'Измените шаблон и запустите: clusterctl render {example} --templates {folder} ПЛАН '
        '(или положите шаблоны в папку templates/ рядом с планами).'
    ),
    'render.kind.roadmap': (
        'дорожная карта: таблица плана по этапам, подпункты, отметки; в HTML — временная шкала'
    ),
    'render.kind.passport': (
        'паспорт проекта: цели, задачи, участники, сроки, этапы, текущая стадия'
    ),
    'render.kind.report': (
        'отчёт о работе кластера за период (--from/--to; по умолчанию — текущее полугодие)'
    ),
    'render.kind.note': 'аналитическая справка о ходе реализации на дату',
    'render.kind.announcement': 'анонс мероприятия TASK (письмо в ОУ за 14 дней до мероприятия)',
    'render.kind.press-release': 'пресс-релиз мероприятия TASK (через 1–2 дня после мероприятия)',
    'render.kind.agenda': 'повестка совещания: события на 1–2 месяца вперёд',
    'render.binary-needs-output': (
        '--format {format}: укажите файл или папку: -o ДОКУМЕНТ.{format} (такой документ не '
        'выводят на экран).'
    ),
    'render.xlsx-kinds': (
        'в Excel (xlsx) выводятся только документы-таблицы: {kinds} (а не {kind}). Для '
        'остальных — docx, pdf, html или md.'
    ),
    'render.template-for-format': '--template для --format {format}: нужен файл {wanted}.',
    'render.word-template-is-docx': (
        '--template: шаблон Word (.docx) даёт только документ Word: укажите -o ДОКУМЕНТ.docx '
        'или --format docx (а не {format}).'
    ),
    'render.pdfa-needs-pdf': '--pdfa — только для PDF (-o ДОКУМЕНТ.pdf), а не для {format}.',
    # ------------------------------------------------------------------ ics
    'ics.task': 'Мероприятие',
    'ics.result': 'Результат',
    'ics.responsible': 'Ответственные',
    'ics.due': 'Срок',
    'ics.status': 'Статус',
    'ics.stage': 'Этап',
    'ics.cluster': 'Кластер',
    'ics.place': 'Место',
    'ics.time': 'Время',
    'ics.event': 'Мероприятие',
    'ics.rescheduled': 'Переносов срока',
    'ics.project': 'Проект',
    'ics.where': 'В плане',
    'ics.begins': 'начало',
    'ics.occurrence': 'повторение',
    # ------------------------------------------------------------------ ics-kind
    'ics-kind.task': 'мероприятие',
    'ics-kind.step': 'подпункт',
    'ics-kind.announcement': 'анонс',
    'ics-kind.announcement_repeat': 'анонс',
    'ics-kind.press_release': 'пресс-релиз',
    'ics-kind.report': 'отчёт',
    'ics-kind.meeting': 'совещание',
    # ------------------------------------------------------------------ word
    'word.or': ' или ',
    'word.and': ' и ',
    'word.day': 'день|дня|дней',
    'word.year': 'год|года|лет',
    'word.month': 'месяц|месяца|месяцев',
    'word.school': 'школа|школы|школ',
    'word.task': 'мероприятие',
    'word.step': 'подпункт',
    'word.task-of': 'мероприятия',
    'word.step-of': 'подпункта',
    'word.file': 'файл|файла|файлов',
    'word.error': 'ошибка|ошибки|ошибок',
    'word.warning': 'предупреждение|предупреждения|предупреждений',
    'word.item': 'пункт|пункта|пунктов',
    'word.change': 'изменение|изменения|изменений',
    'word.plan': 'план|плана|планов',
    'word.row': 'строка|строки|строк',
    'word.column': 'графа|графы|граф',
    'word.occurrence': 'повторение|повторения|повторений',
    # ------------------------------------------------------------------ date
    'date.by': 'до {date}',
    # ------------------------------------------------------------------ number
    'number.group': ' ',
    'number.decimal': ',',
    'unit.bytes': 'байт',
    'unit.kb': 'КБ',
    'unit.mb': 'МБ',
    # ------------------------------------------------------------------ completion
    'completion.installed': (
        'Дополнение по Tab для {shell} установлено: {path}. Оно заработает в новом окне '
        'терминала.'
    ),
    'completion.no-shell': (
        'Не удалось определить оболочку ({shell}); поддерживаются {shells}. Запустите команду '
        'из своей оболочки или установите сценарий вручную: clusterctl --show-completion.'
    ),
    # ------------------------------------------------------------------ git
    'git.missing': 'Не найдена программа git: установите git, чтобы сравнивать версии планов.',
    'git.timeout': 'Команда «{command}» не ответила за минуту.',
    'git.failed': 'Команда «{command}» не выполнена: {reason}',
    'git.too-large': 'Команда «{command}» выдала больше, чем допускается для плана (8 МиБ).',
    'git.not-a-repository': (
        'Эта папка не в репозитории git. Сравните два файла: clusterctl diff СТАРЫЙ.yaml '
        'НОВЫЙ.yaml'
    ),
    'git.no-revision': (
        'В репозитории нет версии «{revision}» (коммита, ветки или метки с таким именем).'
    ),
    'git.too-many-revisions': (
        'Укажите не больше двух версий: clusterctl diff [ВЕРСИЯ [ВЕРСИЯ]] [-- ПУТЬ…]'
    ),
    # ------------------------------------------------------------------ listing
    'listing.project': 'Проект',
    'listing.passport': 'Паспорт',
    'listing.person': 'Человек',
    'listing.role': 'Роль',
    'listing.organisation': 'Организация',
    'listing.cluster': 'Кластер',
    'listing.stage': 'Этап',
    'listing.column': 'Графа',
    'listing.loose': 'Мероприятия вне этапов',
    'listing.result': 'результат',
    'listing.description': 'содержание',
    'listing.start': 'начало',
    'listing.due': 'срок',
    'listing.responsible': 'ответственные',
    'listing.status': 'статус',
    'listing.done-occurrences': 'выполнены повторения',
    'listing.moved': 'перенос',
    'listing.comment': 'примечание',
    'listing.section': 'Раздел',
    # ------------------------------------------------------------------ diff
    'diff.sides': '{old} → {new}',
    'diff.plan-changed': '{path} ({sides}): {n}',
    'diff.plan-unchanged': '{path} ({sides}): без изменений',
    'diff.plan-added': '{path}: новый план ({sides})',
    'diff.plan-removed': '{path}: план удалён ({sides})',
    'diff.plan-invalid': '{path} ({sides}): план с ошибками, сравнить нельзя',
    'diff.nothing': 'Изменений в планах нет.',
    'diff.summary': 'Изменено {plans}: {changes}.',
    'diff.total': 'Всего: {kinds}.',
    'diff.task-added': '+ {item}: добавлено мероприятие{due}',
    'diff.step-added': '+ {item}: добавлен подпункт{due}',
    'diff.due-was': ' (срок {due})',
    'diff.task-removed': '− {item}: мероприятие удалено',
    'diff.step-removed': '− {item}: подпункт удалён',
    'diff.moved': '{old} → {new} {title}: перенумеровано',
    'diff.due': '{item}: срок перенесён: {old} → {new}{dates}{reason}',
    'diff.dates': ' ({old} → {new}{shift})',
    'diff.later': ', на {days} позже',
    'diff.earlier': ', на {days} раньше',
    'diff.same-day': ', тот же день',
    'diff.reason': '; причина: {reason}',
    'diff.start': '{item}: плановое начало {old} → {new}',
    'diff.on': ' {day}',
    'diff.because': ': {reason}',
    'diff.status.done': '{item}: выполнено{on}',
    'diff.status.cancelled': '{item}: отменено{on}{reason}',
    'diff.status.in_progress': '{item}: взято в работу (было: {old})',
    'diff.status.planned': '{item}: снова запланировано (было: {old})',
    'diff.occurrence-done': '{item}: выполнено повторение со сроком {days}',
    'diff.responsible-added': '{item}: ответственный добавлен: {name}',
    'diff.responsible-removed': '{item}: ответственный убран: {name}',
    'diff.text': '{item}: {field}: {words}',
    'diff.text-set': '{item}: {field} записано: {text}',
    'diff.text-cleared': '{item}: {field} стёрто (было {text})',
    'diff.field.title': 'название',
    'diff.field.result': 'результат',
    'diff.field.description': 'содержание',
    'diff.field.comment': 'примечание',
    'diff.field.extra': 'графа «{column}»',
    'diff.what.person': 'Человек',
    'diff.what.role': 'Роль',
    'diff.what.organisation': 'Организация',
    'diff.what.cluster': 'Кластер',
    'diff.what.stage': 'Этап',
    'diff.entry-added': '+ {what} {id} {name}: запись добавлена',
    'diff.entry-removed': '− {what} {id} {name}: запись удалена',
    'diff.entry-changed': '{what} {id} {name}: {field}: {old} → {new}',
    'diff.passport': 'Паспорт: {field}: {old} → {new}',
    'diff.column-added': '+ Графа {id}: {new}',
    'diff.column-removed': '− Графа {id}: {old}',
    'diff.column-changed': 'Графа {id}: {old} → {new}',
    'diff.state.added': 'новый план',
    'diff.state.removed': 'план удалён',
    'diff.state.invalid': 'план с ошибками',
    'diff.kind.plan-added': 'новых планов',
    'diff.kind.plan-removed': 'удалённых планов',
    'diff.kind.plan-invalid': 'планов с ошибками',
    'diff.kind.passport': 'паспорт',
    'diff.kind.entry-added': 'добавлено в реестры',
    'diff.kind.entry-removed': 'убрано из реестров',
    'diff.kind.entry-changed': 'изменено в реестрах',
    'diff.kind.column-added': 'графы добавлены',
    'diff.kind.column-removed': 'графы убраны',
    'diff.kind.column-changed': 'графы переименованы',
    'diff.kind.task-added': 'мероприятия добавлены',
    'diff.kind.task-removed': 'мероприятия удалены',
    'diff.kind.task-moved': 'перенумеровано',
    'diff.kind.step-added': 'подпункты добавлены',
    'diff.kind.step-removed': 'подпункты удалены',
    'diff.kind.step-moved': 'подпункты перенумерованы',
    'diff.kind.due': 'сроки перенесены',
    'diff.kind.start': 'начало изменено',
    'diff.kind.status': 'статусы',
    'diff.kind.occurrence-done': 'повторения выполнены',
    'diff.kind.responsible-added': 'ответственные добавлены',
    'diff.kind.responsible-removed': 'ответственные убраны',
    'diff.kind.text': 'тексты',
    'diff.no-path': 'Нет такого файла или папки: {path} (ни в рабочей копии, ни в версии).',
    # ------------------------------------------------------------------ init
    'init.not-a-folder': '{path} — это файл, а не папка: укажите папку для репозитория планов.',
    'init.git-init': 'git init: {folder} теперь репозиторий git',
    'init.created': 'создан   {name}',
    'init.skipped': 'пропущен {name} (уже есть, не изменён)',
    'init.driver-set': (
        'git diff показывает планы по пунктам: diff.clusterctl.textconv задан в .git/config'
    ),
    'init.driver-kept': 'git diff по пунктам уже настроен (diff.clusterctl.textconv)',
    'init.driver-other': 'diff.clusterctl.textconv уже задан по-другому — оставлен как есть',
    'init.driver-none': 'git не настраивался',
    'init.next': (
        'Дальше: откройте {folder}/README.md; проверка планов — clusterctl validate '
        '{folder}/plans/'
    ),
    # ------------------------------------------------------------------ import
    'import.no-file': '{file}: нет такого файла.',
    'import.not-a-file': (
        '{file}: это не файл (папка?). Укажите файлы .docx, .xlsx, .ods, .odt или .csv.'
    ),
    'import.unreadable': '{file}: не удалось прочитать файл ({reason}).',
    'import.unknown-format': (
        '{file}: файлы «{suffix}» импорт не читает. Читает: {known}. Сохраните таблицу плана в '
        'одном из этих форматов (в Word: Файл → Сохранить как → Документ Word).'
    ),
    'import.empty-file': '{file}: файл пустой (0 байт).',
    'import.not-office': (
        '{file}: по содержимому это не документ Office, а {what}. Откройте файл и сохраните '
        'его как .docx, .xlsx, .odt или .ods.'
    ),
    'import.password': (
        '{file}: файл защищён паролем. Снимите пароль (в Word: Файл → Сведения → Защита '
        'документа) и импортируйте снова.'
    ),
    'import.needs-office': (
        '{file}: это файл старого формата Word (.doc/.rtf); для него нужен LibreOffice '
        '(команда soffice), а он не установлен. Откройте файл в Word или LibreOffice и '
        'сохраните как .docx (Файл → Сохранить как → Документ Word), затем импортируйте .docx.'
    ),
    'import.convert-timeout': (
        '{file}: LibreOffice не успел преобразовать файл за {seconds} с. Сохраните его как '
        '.docx вручную.'
    ),
    'import.convert-failed': (
        '{file}: LibreOffice не смог преобразовать файл в .docx {reason}. Сохраните его как '
        '.docx вручную.'
    ),
    'import.too-large': '{file}: файл слишком большой ({size} МБ; предел {limit} МБ).',
    'import.broken-zip': (
        '{file}: файл повреждён (архив Office не читается). Откройте его в Word, Excel или '
        'LibreOffice и сохраните заново.'
    ),
    'import.zip-bomb': (
        '{file}: отказано — архив распаковывается в слишком большой объём ({detail}); это не '
        'похоже на обычный документ.'
    ),
    'import.zip-path': '{file}: отказано — в архиве файл с недопустимым путём «{member}».',
    'import.zip-duplicate': '{file}: отказано — в архиве дважды встречается «{member}».',
    'import.encrypted': (
        '{file}: части архива зашифрованы. Снимите пароль и сохраните файл заново.'
    ),
    'import.xml-dtd': (
        '{file}: отказано — часть «{member}» содержит объявления DTD/ENTITY, которых в '
        'документах Office не бывает.'
    ),
    'import.too-many-rows': (
        '{file}: в таблице {table} больше {limit} строк — это не план мероприятий; укажите '
        'нужную таблицу (--table) или разделите файл.'
    ),
    'import.broken-sheet': (
        '{file}: книга не читается ({reason}). Откройте её в Excel или LibreOffice и сохраните '
        'заново.'
    ),
    'import.broken-odf': (
        '{file}: документ LibreOffice не читается ({reason}). Откройте его и сохраните заново.'
    ),
    'import.broken-csv': '{file}: CSV не читается ({reason}).',
    'import.csv-encoding': (
        '{file}: не удалось определить кодировку CSV. Сохраните его как «CSV UTF-8».'
    ),
    'import.no-sheet': '{file}: нет листа «{sheet}». Листы: {known}.',
    'import.no-table': '{file}: нет таблицы {table} (таблиц в файле: {count}).',
    'import.no-plan': (
        '{file}: таблица плана не найдена — ни в одной таблице нет шапки с графами вроде '
        '«Мероприятие», «Сроки», «Ответственный», «Результат». Найдено: {seen}. Если шапка '
        'названа иначе, укажите графы: --columns "Заголовок=title,Заголовок=due,…".'
    ),
    'import.no-tables': 'в документе нет таблиц',
    'import.seen-table': 'таблица {table} ({rows}, первая строка: {heads})',
    'import.where-table': 'таблица {table}, строка {row}',
    'import.where-sheet': 'лист «{sheet}», строка {row}',
    'import.where-column': ', графа {column} «{header}»',
    'import.from-cell': ' [источник: {file}, {cell}]',
    'import.header': 'Импортировано командой clusterctl import из «{file}».',
    'import.header-tables': 'Прочитано: {tables}. Проверьте и допишите план: clusterctl validate.',
    'import.header-table': 'таблица {table} (строк: {rows})',
    'import.header-sheet': 'лист «{name}» (строк: {rows})',
    'import.untitled-section': 'Мероприятия',
    'import.note-tracked-changes': (
        'в документе есть записанные исправления: вставки прочитаны, удалённый текст пропущен '
        '— проверьте, что это последняя редакция'
    ),
    'import.note-numbering': (
        'определения нумерации Word не найдены: номера списка посчитаны по порядку строк — '
        'сверьте графу «№»'
    ),
    'import.note-numbering-format': 'нумерация списка в формате «{format}» не переведена в номера',
    'import.note-nested-table': 'таблица внутри ячейки прочитана как строки текста этой ячейки',
    'import.note-cell-cut': 'ячейка длиннее {limit} символов обрезана',
    'import.note-columns-cut': 'таблица {table}: графы после {limit}-й не прочитаны',
    'import.note-sheet-skipped': 'лист «{sheet}» пропущен ({reason})',
    'import.note-macros': (
        'файл с макросами: таблицы прочитаны, макросы не выполнялись и в план не попали'
    ),
    'import.note-converted': 'старый формат Word преобразован в .docx с помощью LibreOffice',
    'import.exists': (
        '{path}: план уже есть — не перезаписан. Укажите другой файл (-o) или --force, чтобы '
        'заменить.'
    ),
    'import.written': (
        '{source} → {path}: мероприятий {tasks}, подпунктов {steps}; ошибок {errors}, '
        'предупреждений {warnings}'
    ),
    'import.refused': '{source}: не импортирован.',
    'import.out-and-many': (
        '-o задаёт один файл плана, а файлов для импорта {count}: укажите --out-dir ПАПКА.'
    ),
    'import.bad-columns': (
        '--columns: не понял «{part}». Пишите «Заголовок=поле» через запятую; поля: {fields}, '
        'extra, skip.'
    ),
    'import.out-dir-missing': '--out-dir: нет папки {path}.',
    'import.same-out': (
        '{a} и {b} дали бы один файл плана {path}: импортируйте их по отдельности с -o.'
    ),
    'import.dry-file': '{source}: формат {kind}',
    'import.dry-table': '  таблица {table}{name}: {rows} × {width} — {what}',
    'import.dry-plan': 'план, шапка в строках {first}–{last}, строк данных {data}',
    'import.dry-continues': 'продолжение предыдущей таблицы, строк данных {data}',
    'import.dry-not-plan': 'не план (первая строка: {heads})',
    'import.dry-column': '    графа {col} «{header}» → {field}',
    'import.dry-extra': 'доп. графа {id}',
    'import.dry-skip': 'пропускается',
    'import.dry-title': '  проект: «{title}»{period}',
    'import.dry-period': ', период «{period}»',
    'import.dry-groups': (
        '  этапов {stages}, разделов {sections}; мероприятий {tasks}, подпунктов {steps}'
    ),
    'import.dry-registries': '  людей {people}, ролей {roles}, организаций {organisations}',
    'import.dry-nothing-written': '(--dry-run: ничего не записано)',
    'import.what.pdf': 'PDF',
    'import.what.rtf': 'RTF',
    'import.what.html': 'страница HTML',
    'import.what.image': 'изображение',
    'import.what.text': 'текст',
    'import.what.xml': 'XML',
    'import.what.zip': 'архив zip',
    'import.what.binary': 'двоичный файл',
    'import.what.unknown': 'файл неизвестного вида',
    'import.what.ole': 'файл Office старого формата',
    'import.dry-plan-one': 'план, шапка в строке {first}, строк данных {data}',
    'import.table-section': 'Таблица {table}',
    'import.where-before': 'абзац перед таблицей {table}',
    'import.broken-docx': (
        '{file}: документ Word повреждён ({reason}). Откройте его в Word или LibreOffice и '
        'сохраните заново как .docx.'
    ),
    # ------------------------------------------------------------------ sheet
    'sheet.as-of': 'На дату',
    'sheet.source': 'Источник',
    'sheet.page': 'стр. {page} из {pages}',
    'sheet.overdue': 'Просроченное',
    'sheet.upcoming': 'Ближайшие сроки',
    'sheet.meeting': 'Повестка совещания',
    'sheet.status': 'Ход работ',
    'sheet.who': 'Ответственные',
    'sheet.person': 'Пункты ответственного',
    'sheet.section.week': 'Неделя',
    'sheet.section.project': 'Проект',
    'sheet.section.meeting': 'Совещание',
    'sheet.section.stage': 'Этап (раздел)',
    # ------------------------------------------------------------------ pdf
    'pdf.missing': (
        'PDF делает WeasyPrint, а он не установлен или не находит библиотеки системы '
        "({reason}). Установите: pip install 'clusterctl[pdf]' (в Debian/Ubuntu нужен также "
        'пакет libpango-1.0-0).'
    ),
}
