"""Находки в файлах планов: коды и подсказки, сроки, структура, YAML."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # ------------------------------------------------------------------ finding
    'unreadable': 'Файл не удаётся прочитать: {reason}.',
    'unreadable.hint': 'Проверьте путь и права доступа.',
    'not-a-regular-file': 'Это не обычный файл, а {kind}: план читается только из файлов.',
    'not-a-regular-file.hint': 'Укажите путь к файлу .yaml или к папке с планами.',
    'file-too-large': 'Файл слишком большой: {size}, допускается не больше {limit}.',
    'file-too-large.hint': (
        'План проекта занимает десятки килобайт; проверьте, что это нужный файл, или разделите '
        'его на несколько планов.'
    ),
    'encoding': 'Файл сохранён не в UTF-8 (похоже на кодировку {encoding}).',
    'encoding.hint': (
        'Откройте файл в редакторе и сохраните в кодировке UTF-8: в Блокноте — «Сохранить как» '
        '→ «Кодировка: UTF-8»; в VS Code — щелчок по кодировке в строке состояния → «Save with '
        'Encoding» → UTF-8.'
    ),
    'invalid-utf8': 'Испорченный символ в тексте (байт {byte} не является частью UTF-8).',
    'invalid-utf8.hint': (
        'Перепечатайте слово в этом месте или вставьте текст заново, затем сохраните файл '
        'заново в кодировке UTF-8.'
    ),
    'nul-byte': 'В файле нулевой байт (NUL): это не текстовый файл или он повреждён.',
    'nul-byte.hint': 'Проверьте, что это файл плана .yaml, и сохраните его как текст в UTF-8.',
    'empty-file': 'В файле нет плана: {kind}.',
    'empty-file.hint': 'Начните план со строк «version: 1» и «project:» (см. docs/format.md).',
    'not-a-mapping': 'План должен быть набором полей «ключ: значение», а здесь {kind}.',
    'not-a-mapping.hint': 'Файл начинается с «version: 1», затем «project:» и остальные разделы.',
    'multiple-documents': 'В файле несколько документов YAML (разделитель «---»), а план — один.',
    'multiple-documents.hint': (
        'Оставьте один план в файле; второй план сохраните в отдельный файл.'
    ),
    'yaml-syntax': 'Ошибка разметки YAML: {problem}.',
    'yaml-syntax.hint': (
        'Проверьте эту строку и строку выше: отступы (только пробелы, одинаковые на одном '
        'уровне), двоеточие с пробелом после ключа, парные кавычки и скобки.'
    ),
    'yaml-syntax-colon': 'Двоеточие внутри значения: YAML принял его за начало нового поля.',
    'yaml-syntax-colon.hint': (
        'Если в значении есть двоеточие «: », заключите всё значение в кавычки: title: "Тема: '
        'подтема".'
    ),
    'yaml-syntax-reserved-char': (
        'Значение начинается со знака «{char}», у которого в YAML особый смысл.'
    ),
    'yaml-syntax-reserved-char.hint': 'Заключите всё значение в кавычки: "{char}...".',
    'yaml-syntax-continuation': (
        'Двоеточие в строке, которую YAML считает продолжением значения из строки выше.'
    ),
    'yaml-syntax-continuation.hint': (
        'Если это новое поле — начните его в той же колонке, что и соседние поля (лишний '
        'отступ?), и проверьте, что в строке выше после двоеточия стоит пробел. Если двоеточие '
        '— часть текста, заключите значение в кавычки.'
    ),
    'yaml-syntax-trailing-text': (
        'Лишний текст после значения: YAML считает, что значение уже закончилось закрывающей '
        'кавычкой или скобкой.'
    ),
    'yaml-syntax-trailing-text.hint': (
        'Кавычки или скобки в начале значения YAML понимает как его рамку. Если они — часть '
        'текста, заключите всё значение в одинарные кавычки (\'"Школа" № 5\', \'[черновик] '
        "Положение') или используйте «ёлочки»."
    ),
    'yaml-syntax-unclosed-bracket': 'Скобка «{char}» не закрыта.',
    'yaml-syntax-unclosed-bracket.hint': (
        'Закройте её скобкой «{closing}». Если скобка — часть текста, заключите всё значение в '
        'кавычки.'
    ),
    'yaml-syntax-directive': (
        'Строка начинается со знака «%»: YAML считает её служебной директивой.'
    ),
    'yaml-syntax-directive.hint': (
        'Комментарии в YAML начинаются с «#», а не с «%». Если «%» — часть значения, заключите '
        'значение в кавычки.'
    ),
    'yaml-syntax-escape': (
        'Обратная косая черта «\\» внутри кавычек "..." начинает особый символ, а такого '
        'символа нет.'
    ),
    'yaml-syntax-escape.hint': (
        "Заключите значение в одинарные кавычки ('C:\\Планы\\2022') или удвойте косую черту "
        '(\\\\).'
    ),
    'yaml-syntax-dash': (
        'Значение начинается с «- » на строке ключа: YAML принял его за начало списка.'
    ),
    'yaml-syntax-dash.hint': (
        'Если тире — часть текста, заключите значение в кавычки; если это список — перенесите '
        'каждый элемент «- ...» на новую строку с отступом.'
    ),
    'yaml-syntax-star': 'Значение начинается со «*» или «&»: YAML принял его за ссылку или якорь.',
    'yaml-syntax-star.hint': (
        'Значение, которое начинается со «*» или «&», заключите в кавычки: "* примечание".'
    ),
    'yaml-syntax-unclosed-quote': 'Кавычка не закрыта до конца файла.',
    'yaml-syntax-unclosed-quote.hint': (
        'Закройте кавычку в конце значения или уберите её; кавычки внутри текста пишите '
        '«ёлочками».'
    ),
    'yaml-syntax-missing-colon': 'Не найдено двоеточие после ключа.',
    'yaml-syntax-missing-colon.hint': (
        'После ключа нужно двоеточие и пробел («title: ...»); длинный текст продолжайте с '
        'отступом или заключите в кавычки.'
    ),
    'yaml-syntax-indentation': 'Отступ не совпадает с соседними строками.',
    'yaml-syntax-indentation.hint': (
        'Поля одного уровня начинаются в одной колонке, вложенные — правее; отступы делаются '
        'только пробелами.'
    ),
    'yaml-syntax-node-content': 'Здесь ожидалось значение.',
    'yaml-syntax-node-content.hint': (
        'Здесь ожидалось значение; если оно начинается с особого знака («[», «{{», «%», «|», '
        '«>», «!»), заключите его в кавычки.'
    ),
    'yaml-syntax-control-char': 'Недопустимый управляющий символ {char} в тексте.',
    'yaml-syntax-control-char.hint': (
        'В тексте невидимый управляющий символ (часто остаётся после копирования из Word): '
        'удалите его или перепечатайте строку.'
    ),
    'yaml-syntax-yaml-version': 'Неподдерживаемая версия YAML в заголовке «%YAML».',
    'yaml-syntax-yaml-version.hint': 'Удалите строку «%YAML ...» в начале файла.',
    'yaml-syntax-duplicate-anchor': 'Якорь с таким именем уже объявлен.',
    'yaml-syntax-duplicate-anchor.hint': 'Имена якорей «&имя» в одном файле должны быть разными.',
    'yaml-syntax-other': '',
    'tab': 'Символ табуляции в отступе: YAML понимает отступы только из пробелов.',
    'tab.hint': 'Замените табуляции пробелами (в VS Code: «Convert Indentation to Spaces»).',
    'duplicate-key': (
        'Ключ {key} повторяется (первый раз — в строке {first_line}); одно из значений '
        'потерялось бы.'
    ),
    'duplicate-key.hint': 'Удалите лишний ключ или объедините значения в одно.',
    'complex-key': 'Ключ должен быть словом, а не списком или набором полей.',
    'complex-key.hint': 'Напишите ключ одним словом, например «title:».',
    'empty-key': 'Пустой ключ: перед двоеточием ничего нет.',
    'empty-key.hint': 'Напишите имя поля перед двоеточием или уберите лишнее двоеточие.',
    'unsafe-tag': 'Недопустимый тег {tag}: план не может содержать команды или объекты программ.',
    'unsafe-tag.hint': 'Удалите тег; значения пишутся обычным текстом.',
    'unknown-tag': 'Неизвестный тег {tag}.',
    'unknown-tag.hint': 'Удалите тег; если значение начинается с «!», заключите его в кавычки.',
    'bad-tagged-value': 'Значение «{value}» не подходит для тега {tag}.',
    'bad-tagged-value.hint': 'Удалите тег или исправьте значение.',
    'unknown-alias': (
        'Ссылка «*{alias}» ни на что не указывает: якорь «&{alias}» не объявлен выше.'
    ),
    'unknown-alias.hint': 'Если звёздочка — часть текста, заключите значение в кавычки.',
    'recursive-alias': 'Ссылка «*{alias}» указывает сама на себя.',
    'recursive-alias.hint': 'Уберите циклическую ссылку.',
    'bad-merge': 'После «<<:» должна стоять ссылка на набор полей («*якорь»).',
    'bad-merge.hint': 'Пример: «<<: *общие_поля».',
    'alias-bomb': (
        'Ссылки «*» раскрываются в слишком большой объём данных (больше {limit} элементов): '
        'файл похож на «бомбу ссылок».'
    ),
    'alias-bomb.hint': 'Используйте якоря и ссылки только для небольших повторяющихся фрагментов.',
    'too-deep': 'Слишком глубокая вложенность (больше {limit} уровней).',
    'too-deep.hint': 'План не требует такой вложенности; проверьте скобки и отступы.',
    'too-many-nodes': 'В файле слишком много элементов (больше {limit}).',
    'too-many-nodes.hint': 'Разделите план на несколько файлов.',
    'invisible-character': 'В ключе «{key}» невидимый символ {char}.',
    'invisible-character.hint': 'Сотрите ключ и напечатайте его заново латинскими буквами.',
    'unknown-key': 'Неизвестное поле {key}{where}.',
    'unknown-key.hint': '{suggestion}',
    'homoglyph-key': 'В поле {key} есть русские буквы, похожие на латинские ({letters}).',
    'homoglyph-key.hint': 'Напечатайте ключ латинскими буквами: «{expected}».',
    'missing-key': 'Не хватает обязательного поля {key}{where}.',
    'missing-key.hint': 'Добавьте «{field}: ...».',
    'invalid-value': 'Неверное значение{where}: {problem}.',
    'invalid-value.hint': '{hint}',
    'internal-error': 'Внутренняя ошибка clusterctl при проверке этого файла: {error}.',
    'internal-error.hint': (
        'Это ошибка программы, а не вашего плана. Сообщите разработчикам, приложив файл.'
    ),
    'duplicate-id': 'Номер «{id}» у {what} повторяется (первый раз — в строке {first_line}).',
    'duplicate-id.hint': (
        'Номера в одном списке должны быть разными: исправьте номер или удалите повтор.'
    ),
    'numbering': 'Нумерация сбилась: стоит {id}, а по порядку ожидается {expected}.',
    'numbering.hint': 'Проверьте, не пропущен ли пункт и не перепутан ли порядок.',
    'deadline-not-understood': '{detail}',
    'deadline-not-understood.hint': '{hint}',
    'period-not-understood': '{detail}',
    'period-not-understood.hint': '{hint}',
    'impossible-date': '{detail}',
    'impossible-date.hint': '{hint}',
    'reversed-range': '{detail}',
    'reversed-range.hint': '{hint}',
    'outside-period': 'Срок «{phrase}» ({dates}) выходит за период {scope}{stage_sp} ({period}).',
    'outside-period.hint': '{advice}',
    'advice.outside-period': (
        'Исправьте срок или период {scope}; если срок перенесли — запишите перенос (clusterctl '
        'reschedule).'
    ),
    'advice.outside-period-moved': (
        'Срок уже перенесён (записано в reschedules); если новый срок верен, расширьте период '
        '{scope} (period).'
    ),
    'stage-order': 'Этап {stage} начинается раньше предыдущего этапа {previous}.',
    'stage-order.hint': 'Расположите этапы по порядку или исправьте их периоды.',
    'stage-outside-project': 'Период этапа {stage} ({dates}) выходит за сроки проекта ({period}).',
    'stage-outside-project.hint': 'Исправьте период этапа или сроки проекта (project.period).',
    'unknown-person': '{name_q} нет в реестре людей, ролей и организаций ({field}).',
    'unknown-person.hint': (
        '{did_you_mean}Если это другой человек, роль или организация, добавьте в раздел people '
        '(roles, organisations).'
    ),
    'unresolved-reference': 'В плане нет {kind} «{ref}».',
    'unresolved-reference.hint': '{did_you_mean}Проверьте написание или добавьте в план.',
    'cancelled-without-reason': 'Мероприятие {id} отменено без причины.',
    'cancelled-without-reason.hint': (
        'Укажите уважительную причину: cancel_reason: "..." (или используйте clusterctl cancel '
        '--reason).'
    ),
    'future-date': 'Дата {date} ещё не наступила (сегодня {today}).',
    'future-date.hint': (
        'Даты выполнения, отмены и переноса ставятся по факту: проверьте год и месяц.'
    ),
    'status-mismatch': 'Поле {field} подходит к статусу {expected}, а статус — {status}.',
    'status-mismatch.hint': 'Исправьте статус (status: {expected}) или удалите поле {field}.',
    'comment-in-value': (
        'Значение {field} обрезано знаком «#»: YAML прочитал «{value}», а «#» и всё после него '
        'счёл комментарием.'
    ),
    'comment-in-value.hint': (
        'Если «#» — часть текста, заключите всё значение в кавычки: {field}: "… # …". Если это '
        'комментарий, перенесите его на отдельную строку.'
    ),
    'no-responsible': 'У мероприятия {id}{in_stage} не указан ответственный.',
    'no-responsible.hint': 'Добавьте responsible: имя человека или роль.',
    'no-result': 'У мероприятия {id}{in_stage} не указан результат.',
    'no-result.hint': 'Добавьте result: что должно получиться (документ, приказ, мероприятие).',
    'did-you-mean': 'Возможно, имелось в виду {names}. ',
    'finding.in-stage': ' (этап {stage})',
    'start-after-due': 'Плановое начало {start} позже срока {due} («{phrase}»).',
    'start-after-due.hint': (
        'Исправьте начало (start) или срок (due): одна из дат, вероятно, набрана с ошибкой.'
    ),
    'unknown-column': 'Графа «{key}» не объявлена в columns.',
    'unknown-column.hint': (
        '{did_you_mean}Объявленные графы: {declared}. Добавьте графу в columns: - {{id: {key}, '
        'title: ...}} или исправьте ключ.'
    ),
    'too-many-occurrences': (
        'Повторяющийся срок «{phrase}» даёт больше {limit} повторений: они не датированы.'
    ),
    'too-many-occurrences.hint': (
        'Сузьте период этапа или проекта (period) или запишите срок реже.'
    ),
    'not-an-occurrence': '{day} в done_occurrences — не срок повторения «{phrase}».',
    'not-an-occurrence.hint': (
        'Сроки повторений: {days}. Отмечайте выполнение командой clusterctl done --on ДАТА.'
    ),
    'finding.in-section': ' (раздел {stage})',
    # ------------------------------------------------------------------ problem
    'problem.string_type': 'ожидается текст',
    'problem.int_type': 'ожидается целое число',
    'problem.int_parsing': 'ожидается целое число, а написано {input}',
    'problem.int_from_float': 'ожидается целое число, а написано {input}',
    'problem.bool_parsing': 'ожидается да/нет (true/false), а написано {input}',
    'problem.bool_type': 'ожидается да/нет (true/false)',
    'problem.date_type': 'ожидается дата ГГГГ-ММ-ДД',
    'problem.date_parsing': 'дата {input} записана не как ГГГГ-ММ-ДД или не существует',
    'problem.date_from_datetime_parsing': (
        'дата {input} записана не как ГГГГ-ММ-ДД или не существует'
    ),
    'problem.date_not_in_calendar': 'даты {input} нет в календаре',
    'problem.date_from_datetime_inexact': 'ожидается дата без времени',
    'problem.enum': 'допустимые значения: {expected}, а написано {input}',
    'problem.literal_error': 'допустимые значения: {expected}, а написано {input}',
    'problem.list_type': 'ожидается список (строки, начинающиеся с «- »)',
    'problem.model_type': 'ожидается набор полей «ключ: значение»',
    'problem.model_attributes_type': 'ожидается набор полей «ключ: значение»',
    'problem.dict_type': 'ожидается набор полей «ключ: значение»',
    'problem.greater_than_equal': 'ожидается число не меньше {ge}, а написано {input}',
    'problem.less_than_equal': 'ожидается число не больше {le}, а написано {input}',
    'problem.string_too_short': 'пустое значение',
    'problem.string_too_long': 'слишком длинное значение (можно не больше {max_length} знаков)',
    'problem.too_long': 'слишком длинный список (можно не больше {max_length} элементов)',
    'problem.date_out_of_range': 'дата {input} вне допустимых лет ({min_year}–{max_year})',
    'problem.too_short': 'пустой список',
    'problem.other': 'недопустимое значение',
    'office-file': 'Это документ Word, Excel или LibreOffice, а не план в YAML.',
    'office-file.hint': (
        'Чтобы сделать из его таблицы план, выполните: clusterctl import {name} (см. '
        'docs/import.md).'
    ),
    # ------------------------------------------------------------------ problem-hint
    'problem-hint.date': 'Пишите дату так: 2022-09-26.',
    'problem-hint.list': 'Каждый элемент списка — с новой строки, начиная с «- ».',
    'problem-hint.model': 'Поля пишутся с новой строки с отступом: «title: ...».',
    'problem-hint.text': (
        'Здесь нужен один текст, а не список или набор полей: запишите его после двоеточия '
        '(длинный текст можно начать с «>-» и продолжить на следующих строках с отступом).'
    ),
    'problem-hint.length': (
        'Здесь пишется короткий номер или имя («1.2», «Задача №4», «Иванов И.И.»); длинный '
        'текст — в title, description или result.'
    ),
    'problem-hint.year': (
        'Проверьте год: похоже на опечатку. Дата пишется как ГГГГ-ММ-ДД, например 2022-09-26.'
    ),
    'problem-hint.calendar': (
        'Проверьте число и месяц; дата пишется как ГГГГ-ММ-ДД, например 2023-02-28.'
    ),
    'problem-hint.version': (
        'Эта версия clusterctl понимает формат плана версий 1 и 1.1: «version: 1.1».'
    ),
    'problem-hint.enum': 'Напишите одно из допустимых значений точно как в списке (латиницей).',
    'problem-hint.status': (
        'Статус пишется одним из слов: planned (запланировано), in_progress (в работе), done '
        '(выполнено), cancelled (отменено).'
    ),
    'problem-hint.bound': 'Допустимые значения поля — в docs/format.md.',
    'problem-hint.other': 'Исправьте значение (см. docs/format.md).',
    # ------------------------------------------------------------------ deadline
    'deadline.hint': (
        'Напишите дату как «26.09.2022», диапазон как «10.10.2022 - 14.10.2022» или фразу «до '
        '26.09.2022». Подойдут также «март 2023», «I квартал 2023», «2022-2023 учебный год», '
        '«постоянно», «по отдельному графику», «ежемесячно».'
    ),
    'deadline.empty': 'Срок не указан.',
    'deadline.not-understood': 'Срок «{phrase}» не распознан.',
    'deadline.bad-school-year': (
        'Учебный год «{frag}» записан неверно: второй год должен идти сразу за первым.'
    ),
    'deadline.bad-school-year.hint': 'Пример правильной записи: «2022-2023 учебный год».',
    'deadline.impossible.hint': 'Проверьте число и месяц. Пример правильной даты: «28.02.2023».',
    'deadline.impossible.no-month': 'Дата {frag} не существует: месяца с номером {month} нет.',
    'deadline.impossible.day-zero': 'Дата {frag} не существует: дня с номером 0 не бывает.',
    'deadline.impossible.february': 'Дата {frag} не существует: в феврале не больше 29 дней.',
    'deadline.impossible.month-days': 'Дата {frag} не существует: в {month_in} {limit} {days}.',
    'deadline.impossible.year-days': (
        'Дата {frag} не существует: в {month_in} {year} года {limit} {days}.'
    ),
    'deadline.impossible.year': (
        'Год {year} в дате {frag} похож на опечатку: ожидается год от {min_year} до {max_year}.'
    ),
    'deadline.reversed': 'В сроке «{phrase}» начало ({first}) позже окончания ({second}).',
    'deadline.reversed.hint': (
        'Проверьте даты: сначала пишется более ранняя, например «{second} - {first}».'
    ),
    'deadline.needs-year.no-period': (
        'В сроке «{phrase}» не указан год, а период этапа или проекта не задан.'
    ),
    'deadline.needs-year.ambiguous': (
        'В сроке «{phrase}» не указан год, а период {period} охватывает несколько лет: '
        'непонятно, какой год имеется в виду.'
    ),
    'deadline.needs-year.outside': (
        'Срок «{phrase}» указан без года, и в период {period} он не попадает.'
    ),
    'deadline.needs-year.hint': 'Допишите год, например «март 2023» или «26.09.2022».',
    'deadline.period.end-only': (
        'Срок «{phrase}» задаёт только дату окончания, а для периода нужна и дата начала.'
    ),
    'deadline.period.not-a-period': (
        'Срок «{phrase}» не задаёт период: нужны даты начала и окончания.'
    ),
    'deadline.period.hint': (
        'Укажите период датами начала и окончания, например «01.09.2022 - 31.05.2023», '
        '«2022-2023 учебный год» или «2023 год».'
    ),
    'deadline.report-day.not-day-month': '«{text}» в rules.report_due — не день и месяц.',
    'deadline.report-day.impossible': 'Дня «{text}» нет в календаре (rules.report_due).',
    'deadline.report-day.hint': 'Пишите день и месяц отчёта как ДД.ММ, например 25.12.',
    'deadline.impossible.no-day': 'Срок {frag} не существует: в месяце нет дня с номером {day}.',
    # ------------------------------------------------------------------ deadline-kind
    'deadline-kind.ongoing': 'постоянно',
    'deadline-kind.unscheduled': 'по отдельному графику',
    'deadline-kind.recurring': 'повторяется',
    # ------------------------------------------------------------------ month
    'month.in.1': 'январе',
    'month.in.2': 'феврале',
    'month.in.3': 'марте',
    'month.in.4': 'апреле',
    'month.in.5': 'мае',
    'month.in.6': 'июне',
    'month.in.7': 'июле',
    'month.in.8': 'августе',
    'month.in.9': 'сентябре',
    'month.in.10': 'октябре',
    'month.in.11': 'ноябре',
    'month.in.12': 'декабре',
    # ------------------------------------------------------------------ structure
    'structure.where': ' в {path}',
    'structure.did-you-mean': 'Возможно, имелось в виду «{field}». ',
    'structure.allowed': 'Допустимые поля: {keys}.',
    'structure.russian-key': 'Поля плана пишутся латиницей: «{key}» — это «{field}». ',
    # ------------------------------------------------------------------ yaml-problem
    'yaml-problem.duplicate-yaml': 'директива %YAML повторяется',
    'yaml-problem.duplicate-tag': 'директива %TAG повторяется',
    'yaml-problem.version': 'документ другой версии YAML',
    'yaml-problem.tag-handle': 'неизвестный префикс тега «!»',
    'yaml-problem.document-indicator': 'строка «---» или «...» посреди текста',
    'yaml-problem.end-of-stream': 'файл кончился раньше, чем закрылись кавычки или скобки',
    'yaml-problem.indicator-zero': 'у блока текста «|» или «>» отступ 0',
    'yaml-problem.document-start': 'лишний текст после конца документа',
    'yaml-problem.block-header': 'после «|» или «>» в той же строке лишний текст',
    'yaml-problem.cannot-start': 'знак, с которого не может начинаться значение',
    'yaml-problem.other': 'разметка в этом месте нарушена',
    # ------------------------------------------------------------------ path
    'path.missing': 'Путь не найден: {path}',
    'path.no-plans': 'нет файлов планов (*.yaml, *.yml)',
    'path.none-to-check': 'нет файлов планов (*.yaml, *.yml) для проверки',
    # ------------------------------------------------------------------ reminder
    'reminder.press-release-after': 'Пресс-релиз через {days} {day_word} после мероприятия',
    'reminder.announcement': 'Анонс',
    'reminder.announcement_repeat': 'Повтор анонса',
    'reminder.on-the-day': ' в день мероприятия',
    'reminder.day-before': ' накануне',
    'reminder.days-before': ' за {n} {day_word}',
    'reminder.press_release': 'Пресс-релиз',
    'reminder.report': 'Отчёт о работе кластера',
    'reminder.meeting': 'Совещание с ОУ-участниками кластера',
    'reminder.event': 'Мероприятие',
    'reminder.task': 'Срок мероприятия',
    'reminder.step': 'Срок подпункта',
    'reminder.start': 'Начало',
    # ------------------------------------------------------------------ status
    'status.planned': 'запланировано',
    'status.in_progress': 'в работе',
    'status.done': 'выполнено',
    'status.cancelled': 'отменено',
    # ------------------------------------------------------------------ term
    'term.person': 'человека',
    'term.role': 'роли',
    'term.organisation': 'организации',
    'term.cluster': 'кластера',
    'term.objective': 'задачи проекта',
    'term.stage': 'этапа',
    'term.task': 'мероприятия',
    'term.step': 'подпункта',
    'term.project': 'проекта',
    'term.responsible': 'ответственные',
    'term.leads': 'руководители',
    'term.curators': 'кураторы',
    # ------------------------------------------------------------------ kind
    'kind.directory': 'папка',
    'kind.fifo': 'именованный канал FIFO',
    'kind.device': 'устройство',
    'kind.socket': 'сокет',
    'kind.special': 'особый файл',
    'kind.list': 'список',
    'kind.text': 'просто текст',
    'kind.empty': 'он пустой',
    'kind.comments': 'в нём только комментарии',
}
