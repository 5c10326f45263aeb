"""The message catalog: code -> {language: (message, hint)}.

Messages are written for methodists, not programmers: say what is wrong in plain words and
what to do about it. `{name}` placeholders are filled by `clusterctl.i18n.text`.
"""

from __future__ import annotations

Entry = dict[str, tuple[str, str]]

_REVIEW_HINT_RU = "Сохраните файл заново в кодировке UTF-8."

CATALOG: dict[str, Entry] = {
    # ------------------------------------------------------------------ reading the file
    "unreadable": {
        "ru": ("Файл не удаётся прочитать: {reason}.", "Проверьте путь и права доступа."),
        "en": ("The file cannot be read: {reason}.", "Check the path and the permissions."),
    },
    "not-a-regular-file": {
        "ru": (
            "Это не обычный файл, а {kind}: план читается только из файлов.",
            "Укажите путь к файлу .yaml или к папке с планами.",
        ),
        "en": (
            "This is not a regular file but {kind}: plans are read from files only.",
            "Give the path of a .yaml file or of a folder of plans.",
        ),
    },
    "file-too-large": {
        "ru": (
            "Файл слишком большой: {size}, допускается не больше {limit}.",
            "План проекта занимает десятки килобайт; проверьте, что это нужный файл, "
            "или разделите его на несколько планов.",
        ),
        "en": (
            "The file is too large: {size}, at most {limit} is accepted.",
            "A project plan takes a few dozen kilobytes; check that this is the right file, "
            "or split it into several plans.",
        ),
    },
    "encoding": {
        "ru": (
            "Файл сохранён не в UTF-8 (похоже на кодировку {encoding}).",
            "Откройте файл в редакторе и сохраните в кодировке UTF-8: в Блокноте — "
            "«Сохранить как» → «Кодировка: UTF-8»; в VS Code — щелчок по кодировке в "
            "строке состояния → «Save with Encoding» → UTF-8.",
        ),
        "en": (
            "The file is not saved as UTF-8 (it looks like {encoding}).",
            "Open it in an editor and save it as UTF-8: in Notepad, 'Save as' -> "
            "'Encoding: UTF-8'; in VS Code, click the encoding in the status bar -> "
            "'Save with Encoding' -> UTF-8.",
        ),
    },
    "invalid-utf8": {
        "ru": (
            "Испорченный символ в тексте (байт {byte} не является частью UTF-8).",
            "Перепечатайте слово в этом месте или вставьте текст заново, затем "
            + _REVIEW_HINT_RU[0].lower() + _REVIEW_HINT_RU[1:],
        ),
        "en": (
            "A broken character in the text (byte {byte} is not valid UTF-8).",
            "Retype the word at this place or paste the text again; save the file as UTF-8.",
        ),
    },
    "nul-byte": {
        "ru": (
            "В файле нулевой байт (NUL): это не текстовый файл или он повреждён.",
            "Проверьте, что это файл плана .yaml, и сохраните его как текст в UTF-8.",
        ),
        "en": (
            "The file contains a NUL byte: it is not a text file, or it is damaged.",
            "Check that this is a .yaml plan file and save it as UTF-8 text.",
        ),
    },
    "empty-file": {
        "ru": (
            "В файле нет плана: {kind}.",
            "Начните план со строк «version: 1» и «project:» (см. docs/format.md).",
        ),
        "en": (
            "The file holds no plan: {kind}.",
            "Start the plan with 'version: 1' and 'project:' (see docs/format.md).",
        ),
    },
    "not-a-mapping": {
        "ru": (
            "План должен быть набором полей «ключ: значение», а здесь {kind}.",
            "Файл начинается с «version: 1», затем «project:» и остальные разделы.",
        ),
        "en": (
            "A plan must be a set of 'key: value' fields, but this is {kind}.",
            "The file starts with 'version: 1', then 'project:' and the other sections.",
        ),
    },
    "multiple-documents": {
        "ru": (
            "В файле несколько документов YAML (разделитель «---»), а план — один.",
            "Оставьте один план в файле; второй план сохраните в отдельный файл.",
        ),
        "en": (
            "The file holds several YAML documents (separated by '---'); a plan is one.",
            "Keep one plan per file; save the second plan in a file of its own.",
        ),
    },
    # ------------------------------------------------------------------ YAML syntax
    "yaml-syntax": {
        "ru": (
            "Ошибка разметки YAML: {problem}.",
            "Проверьте эту строку и строку выше: отступы (только пробелы, одинаковые на одном "
            "уровне), двоеточие с пробелом после ключа, парные кавычки и скобки.",
        ),
        "en": (
            "YAML syntax error: {problem}.",
            "Check this line and the one above: the indentation (spaces only, the same on "
            "one level), a colon and a space after each key, quotes and brackets in pairs.",
        ),
    },
    "yaml-syntax-colon": {
        "ru": ('Двоеточие внутри значения: YAML принял его за начало нового поля.',
               "Если в значении есть двоеточие «: », заключите всё значение в кавычки: "
                   "title: \"Тема: подтема\"."),
        "en": ('A colon inside a value: YAML took it for the start of a new field.',
               "If the value contains a colon ': ', put the whole value in quotes: "
                   "title: \"Topic: subtopic\"."),
    },
    "yaml-syntax-reserved-char": {
        "ru": ("Значение начинается со знака «{char}», у которого в YAML особый смысл.",
               "Заключите всё значение в кавычки: \"{char}...\"."),
        "en": ("A value starts with '{char}', a sign with a special meaning in YAML.",
               "Put the whole value in quotes: \"{char}...\"."),
    },
    "yaml-syntax-continuation": {
        "ru": ("Двоеточие в строке, которую YAML считает продолжением значения из строки выше.",
               "Если это новое поле — начните его в той же колонке, что и соседние поля "
                   "(лишний отступ?), и проверьте, что в строке выше после двоеточия стоит "
                   "пробел. Если двоеточие — часть текста, заключите значение в кавычки."),
        "en": ("A colon in a line that YAML takes for the continuation of the value above.",
               "If this is a new field, start it in the same column as the fields around it "
                   "(an extra indent?) and check that the colon in the line above is followed "
                   "by a space. If the colon is part of the text, put the value in quotes."),
    },
    "yaml-syntax-trailing-text": {
        "ru": ("Лишний текст после значения: YAML считает, что значение уже закончилось "
               "закрывающей кавычкой или скобкой.",
               "Кавычки или скобки в начале значения YAML понимает как его рамку. Если они — "
                   "часть текста, заключите всё значение в одинарные кавычки "
                   "('\"Школа\" № 5', '[черновик] Положение') или используйте «ёлочки»."),
        "en": ("Extra text after a value: YAML takes the value as ended by a closing quote "
               "or bracket.",
               "YAML reads quotes or brackets at the start of a value as its frame. If they are "
                   "part of the text, put the whole value in single quotes "
                   "('\"School\" No 5', '[draft] Regulations')."),
    },
    "yaml-syntax-unclosed-bracket": {
        "ru": ("Скобка «{char}» не закрыта.",
               "Закройте её скобкой «{closing}». Если скобка — часть текста, заключите всё "
                   "значение в кавычки."),
        "en": ("The bracket '{char}' is not closed.",
               "Close it with '{closing}'. If the bracket is part of the text, put the whole "
                   "value in quotes."),
    },
    "yaml-syntax-directive": {
        "ru": ("Строка начинается со знака «%»: YAML считает её служебной директивой.",
               "Комментарии в YAML начинаются с «#», а не с «%». Если «%» — часть значения, "
                   "заключите значение в кавычки."),
        "en": ("A line starts with '%': YAML takes it for a directive.",
               "Comments in YAML start with '#', not '%'. If the '%' is part of a value, put "
                   "the value in quotes."),
    },
    "yaml-syntax-escape": {
        "ru": ("Обратная косая черта «\\» внутри кавычек \"...\" начинает особый символ, "
               "а такого символа нет.",
               "Заключите значение в одинарные кавычки ('C:\\Планы\\2022') или удвойте "
                   "косую черту (\\\\)."),
        "en": ("A backslash '\\' inside double quotes starts a special character, and there is "
               "no such character.",
               "Put the value in single quotes ('C:\\Plans\\2022') or double the backslash "
                   "(\\\\)."),
    },
    "yaml-syntax-dash": {
        "ru": ("Значение начинается с «- » на строке ключа: YAML принял его за начало списка.",
               "Если тире — часть текста, заключите значение в кавычки; если это список — "
                   "перенесите каждый элемент «- ...» на новую строку с отступом."),
        "en": ("A value starts with '- ' on the key's line: YAML took it for a list.",
               "If the dash is part of the text, put the value in quotes; if this is a list, "
                   "put each '- ...' item on a new indented line."),
    },
    "yaml-syntax-star": {
        "ru": ('Значение начинается со «*» или «&»: YAML принял его за ссылку или якорь.',
               "Значение, которое начинается со «*» или «&», заключите в кавычки: "
                   "\"* примечание\"."),
        "en": ("A value starts with '*' or '&': YAML took it for an alias or an anchor.",
               "Put a value that starts with '*' or '&' in quotes: \"* note\"."),
    },
    "yaml-syntax-unclosed-quote": {
        "ru": ('Кавычка не закрыта до конца файла.',
               "Закройте кавычку в конце значения или уберите её; кавычки внутри текста "
                   "пишите «ёлочками»."),
        "en": ('A quote is not closed before the end of the file.',
               "Close the quote at the end of the value or remove it."),
    },
    "yaml-syntax-missing-colon": {
        "ru": ('Не найдено двоеточие после ключа.',
               "После ключа нужно двоеточие и пробел («title: ...»); длинный текст "
                   "продолжайте с отступом или заключите в кавычки."),
        "en": ('No colon found after a key.',
               "A key needs a colon and a space ('title: ...'); continue long text with "
                   "an indent, or put it in quotes."),
    },
    "yaml-syntax-indentation": {
        "ru": ('Отступ не совпадает с соседними строками.',
               "Поля одного уровня начинаются в одной колонке, вложенные — правее; отступы "
                   "делаются только пробелами."),
        "en": ('The indentation does not match the lines around it.',
               "Fields of one level start in the same column, nested ones further right; "
                   "indent with spaces only."),
    },
    "yaml-syntax-node-content": {
        "ru": ('Здесь ожидалось значение.',
               "Здесь ожидалось значение; если оно начинается с особого знака "
                   "(«[», «{{», «%», «|», «>», «!»), заключите его в кавычки."),
        "en": ('A value was expected here.',
               "A value was expected here; if it starts with a special sign "
                   "('[', '{{', '%', '|', '>', '!'), put it in quotes."),
    },
    "yaml-syntax-control-char": {
        "ru": ("Недопустимый управляющий символ {char} в тексте.",
               "В тексте невидимый управляющий символ (часто остаётся после копирования "
                   "из Word): удалите его или перепечатайте строку."),
        "en": ("A control character {char} that is not allowed in text.",
               "The text holds an invisible control character (often left by copying from "
                   "Word): delete it or retype the line."),
    },
    "yaml-syntax-yaml-version": {
        "ru": ('Неподдерживаемая версия YAML в заголовке «%YAML».',
               "Удалите строку «%YAML ...» в начале файла."),
        "en": ("Unsupported YAML version in the '%YAML' header.",
               "Remove the '%YAML ...' line at the top of the file."),
    },
    "yaml-syntax-duplicate-anchor": {
        "ru": ('Якорь с таким именем уже объявлен.',
               "Имена якорей «&имя» в одном файле должны быть разными."),
        "en": ('An anchor with this name is already declared.',
               "Anchor names '&name' must differ within one file."),
    },
    "yaml-syntax-other": {"ru": ("", ""), "en": ("", "")},
    "tab": {
        "ru": (
            "Символ табуляции в отступе: YAML понимает отступы только из пробелов.",
            "Замените табуляции пробелами (в VS Code: «Convert Indentation to Spaces»).",
        ),
        "en": (
            "A tab character in the indentation: YAML indents with spaces only.",
            "Replace the tabs with spaces (in VS Code: 'Convert Indentation to Spaces').",
        ),
    },
    "duplicate-key": {
        "ru": (
            "Ключ {key} повторяется (первый раз — в строке {first_line}); "
            "одно из значений потерялось бы.",
            "Удалите лишний ключ или объедините значения в одно.",
        ),
        "en": (
            "The key {key} is repeated (first at line {first_line}); one of the values "
            "would be lost.",
            "Remove the extra key or merge the values into one.",
        ),
    },
    "complex-key": {
        "ru": ("Ключ должен быть словом, а не списком или набором полей.",
               "Напишите ключ одним словом, например «title:»."),
        "en": ("A key must be a word, not a list or a mapping.",
               "Write the key as one word, e.g. 'title:'."),
    },
    "empty-key": {
        "ru": ("Пустой ключ: перед двоеточием ничего нет.",
               "Напишите имя поля перед двоеточием или уберите лишнее двоеточие."),
        "en": ("An empty key: nothing stands before the colon.",
               "Write the field name before the colon or remove the stray colon."),
    },
    "unsafe-tag": {
        "ru": (
            "Недопустимый тег {tag}: план не может содержать команды или объекты программ.",
            "Удалите тег; значения пишутся обычным текстом.",
        ),
        "en": (
            "The tag {tag} is not allowed: a plan cannot carry program objects or commands.",
            "Remove the tag; values are written as plain text.",
        ),
    },
    "unknown-tag": {
        "ru": ("Неизвестный тег {tag}.",
               "Удалите тег; если значение начинается с «!», заключите его в кавычки."),
        "en": ("Unknown tag {tag}.",
               "Remove the tag; if the value starts with '!', put it in quotes."),
    },
    "bad-tagged-value": {
        "ru": ("Значение «{value}» не подходит для тега {tag}.", "Удалите тег или исправьте "
               "значение."),
        "en": ("The value '{value}' does not fit the tag {tag}.", "Remove the tag or fix the "
               "value."),
    },
    "unknown-alias": {
        "ru": ("Ссылка «*{alias}» ни на что не указывает: якорь «&{alias}» не объявлен выше.",
               "Если звёздочка — часть текста, заключите значение в кавычки."),
        "en": ("The alias '*{alias}' points nowhere: no anchor '&{alias}' above.",
               "If the star is part of the text, put the value in quotes."),
    },
    "recursive-alias": {
        "ru": ("Ссылка «*{alias}» указывает сама на себя.", "Уберите циклическую ссылку."),
        "en": ("The alias '*{alias}' refers to itself.", "Remove the circular reference."),
    },
    "bad-merge": {
        "ru": ("После «<<:» должна стоять ссылка на набор полей («*якорь»).",
               "Пример: «<<: *общие_поля»."),
        "en": ("'<<:' must be followed by a reference to a mapping ('*anchor').",
               "Example: '<<: *common'."),
    },
    "alias-bomb": {
        "ru": (
            "Ссылки «*» раскрываются в слишком большой объём данных (больше {limit} "
            "элементов): файл похож на «бомбу ссылок».",
            "Используйте якоря и ссылки только для небольших повторяющихся фрагментов.",
        ),
        "en": (
            "The aliases '*' expand into too much data (over {limit} items): the file "
            "looks like an alias bomb.",
            "Use anchors and aliases only for small repeated fragments.",
        ),
    },
    "too-deep": {
        "ru": ("Слишком глубокая вложенность (больше {limit} уровней).",
               "План не требует такой вложенности; проверьте скобки и отступы."),
        "en": ("Nesting is too deep (over {limit} levels).",
               "A plan needs no such nesting; check the brackets and indentation."),
    },
    "too-many-nodes": {
        "ru": ("В файле слишком много элементов (больше {limit}).",
               "Разделите план на несколько файлов."),
        "en": ("The file holds too many items (over {limit}).",
               "Split the plan into several files."),
    },
    "invisible-character": {
        "ru": (
            "В ключе «{key}» невидимый символ {char}.",
            "Сотрите ключ и напечатайте его заново латинскими буквами.",
        ),
        "en": (
            "The key '{key}' contains an invisible character {char}.",
            "Delete the key and type it again in Latin letters.",
        ),
    },
    # ------------------------------------------------------------------ structure (models)
    "unknown-key": {
        "ru": ("Неизвестное поле {key}{where}.", "{suggestion}"),
        "en": ("Unknown field {key}{where}.", "{suggestion}"),
    },
    "homoglyph-key": {
        "ru": (
            "В поле {key} есть русские буквы, похожие на латинские ({letters}).",
            "Напечатайте ключ латинскими буквами: «{expected}».",
        ),
        "en": (
            "The field {key} contains Cyrillic letters that look like Latin ones ({letters}).",
            "Type the key in Latin letters: '{expected}'.",
        ),
    },
    "missing-key": {
        "ru": ("Не хватает обязательного поля {key}{where}.", "Добавьте «{field}: ...»."),
        "en": ("The required field {key} is missing{where}.", "Add '{field}: ...'."),
    },
    "invalid-value": {
        "ru": ("Неверное значение{where}: {problem}.", "{hint}"),
        "en": ("Invalid value{where}: {problem}.", "{hint}"),
    },
    "internal-error": {
        "ru": (
            "Внутренняя ошибка clusterctl при проверке этого файла: {error}.",
            "Это ошибка программы, а не вашего плана. Сообщите разработчикам, приложив файл.",
        ),
        "en": (
            "Internal clusterctl error while checking this file: {error}.",
            "This is a bug in the program, not in your plan. Please report it with the file.",
        ),
    },
}

STATUS_WORDS: dict[str, dict[str, str]] = {
    "planned": {"ru": "запланировано", "en": "planned"},
    "in_progress": {"ru": "в работе", "en": "in progress"},
    "done": {"ru": "выполнено", "en": "done"},
    "cancelled": {"ru": "отменено", "en": "cancelled"},
}
"""A task's status in words (tables, calendars, edit messages)."""


MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # messages of the command line that are not findings of a file (no code in the output)
    "io-error": {
        "ru": ("не удалось прочитать или записать {path}: {reason}.", ""),
        "en": ("could not read or write {path}: {reason}.", ""),
    },
    "write-busy": {
        "ru": ("файл занят другой командой clusterctl, повторите позже", ""),
        "en": ("another clusterctl command is using the file, try again later", ""),
    },
    "write-no-folder": {
        "ru": ("папки, в которую нужно записать файл, нет", ""),
        "en": ("the folder to write it in does not exist", ""),
    },
    "write-read-only": {
        "ru": ("файл только для чтения (снимите запрет записи, если его нужно менять)", ""),
        "en": ("the file is read-only (allow writing to it if it is to be changed)", ""),
    },
    "write-not-regular": {
        "ru": ("это не обычный файл (устройство, канал или особый файл)", ""),
        "en": ("it is not a regular file (a device, a pipe or a special file)", ""),
    },
    "write-failed": {
        "ru": ("Не удалось записать {path}: {reason}; ничего не изменено.", ""),
        "en": ("Could not write {path}: {reason}; nothing was changed.", ""),
    },
    "internal-error-command": {
        "ru": ("внутренняя ошибка clusterctl ({error}). Это ошибка программы, а не ваших "
               "данных: сообщите разработчикам, что вы запускали.", ""),
        "en": ("internal error in clusterctl ({error}). This is a bug in the program, not in "
               "your data: please report what you ran.", ""),
    },
}


def status_word(status: str, lang: str) -> str:
    words = STATUS_WORDS.get(status)
    return words[lang] if words is not None and lang in words else status


TERMS: dict[str, dict[str, str]] = {
    "person": {"ru": "человека", "en": "person"},
    "role": {"ru": "роли", "en": "role"},
    "organisation": {"ru": "организации", "en": "organisation"},
    "cluster": {"ru": "кластера", "en": "cluster"},
    "objective": {"ru": "задачи проекта", "en": "objective"},
    "stage": {"ru": "этапа", "en": "stage"},
    "task": {"ru": "мероприятия", "en": "task"},
    "step": {"ru": "подпункта", "en": "step"},
    "project": {"ru": "проекта", "en": "project"},
    "responsible": {"ru": "ответственные", "en": "responsible"},
    "leads": {"ru": "руководители", "en": "leads"},
    "curators": {"ru": "кураторы", "en": "curators"},
}
"""Words that fill message placeholders ({what}, {kind}, {scope}, {field})."""

CATALOG.update(
    {
        "duplicate-id": {
            "ru": (
                "Номер «{id}» у {what} повторяется (первый раз — в строке {first_line}).",
                "Номера в одном списке должны быть разными: исправьте номер или удалите повтор.",
            ),
            "en": (
                "The {what} id '{id}' is repeated (first at line {first_line}).",
                "Ids in one list must differ: fix the id or remove the repetition.",
            ),
        },
        "numbering": {
            "ru": (
                "Нумерация сбилась: стоит {id}, а по порядку ожидается {expected}.",
                "Проверьте, не пропущен ли пункт и не перепутан ли порядок.",
            ),
            "en": (
                "The numbering is off: {id} stands where {expected} is expected.",
                "Check for a missing item or items out of order.",
            ),
        },
        "deadline-not-understood": {
            "ru": ("{detail}", "{hint}"),
            "en": ("{detail}", "{hint}"),
        },
        "period-not-understood": {
            "ru": ("{detail}", "{hint}"),
            "en": ("{detail}", "{hint}"),
        },
        "impossible-date": {
            "ru": ("{detail}", "{hint}"),
            "en": ("{detail}", "{hint}"),
        },
        "reversed-range": {
            "ru": ("{detail}", "{hint}"),
            "en": ("{detail}", "{hint}"),
        },
        "outside-period": {
            "ru": (
                "Срок «{phrase}» ({dates}) выходит за период {scope}{stage_sp} ({period}).",
                "Исправьте срок или период {scope}; если срок перенесли — запишите перенос "
                "(clusterctl reschedule).",
            ),
            "en": (
                "The deadline '{phrase}' ({dates}) falls outside the period of the "
                "{scope}{stage_sp} ({period}).",
                "Fix the deadline or the {scope}'s period; if the deadline was moved, record it "
                "(clusterctl reschedule).",
            ),
        },
        "stage-order": {
            "ru": (
                "Этап {stage} начинается раньше предыдущего этапа {previous}.",
                "Расположите этапы по порядку или исправьте их периоды.",
            ),
            "en": (
                "Stage {stage} starts before the previous stage {previous}.",
                "Put the stages in order or fix their periods.",
            ),
        },
        "stage-outside-project": {
            "ru": (
                "Период этапа {stage} ({dates}) выходит за сроки проекта ({period}).",
                "Исправьте период этапа или сроки проекта (project.period).",
            ),
            "en": (
                "The period of stage {stage} ({dates}) falls outside the project's ({period}).",
                "Fix the stage's period or the project's (project.period).",
            ),
        },
        "unknown-person": {
            "ru": (
                "{name_q} нет в реестре людей и ролей ({field}).",
                "{did_you_mean}Если это другой человек или роль, добавьте его в раздел "
                "people (или roles).",
            ),
            "en": (
                "{name_q} is not in the people or roles registry ({field}).",
                "{did_you_mean}If this is another person or a role, add it to people "
                "(or roles).",
            ),
        },
        "unresolved-reference": {
            "ru": (
                "В плане нет {kind} «{ref}».",
                "{did_you_mean}Проверьте написание или добавьте в план.",
            ),
            "en": (
                "The plan has no {kind} '{ref}'.",
                "{did_you_mean}Check the spelling or add it to the plan.",
            ),
        },
        "cancelled-without-reason": {
            "ru": (
                "Мероприятие {id} отменено без причины.",
                "Укажите уважительную причину: cancel_reason: \"...\" "
                "(или используйте clusterctl cancel --reason).",
            ),
            "en": (
                "Task {id} is cancelled without a reason.",
                "Give the reason: cancel_reason: \"...\" (or use clusterctl cancel --reason).",
            ),
        },
        "future-date": {
            "ru": (
                "Дата {date} ещё не наступила (сегодня {today}).",
                "Даты выполнения, отмены и переноса ставятся по факту: проверьте год и месяц.",
            ),
            "en": (
                "The date {date} is in the future (today is {today}).",
                "Completions, cancellations and moves are recorded after the fact: check the "
                "year and the month.",
            ),
        },
        "status-mismatch": {
            "ru": (
                "Поле {field} подходит к статусу {expected}, а статус — {status}.",
                "Исправьте статус (status: {expected}) или удалите поле {field}.",
            ),
            "en": (
                "The field {field} goes with status {expected}, but the status is {status}.",
                "Fix the status (status: {expected}) or remove the field {field}.",
            ),
        },
        "comment-in-value": {
        "ru": ("Значение {field} обрезано знаком «#»: YAML прочитал «{value}», а «#» и всё "
               "после него счёл комментарием.",
               "Если «#» — часть текста, заключите всё значение в кавычки: "
               "{field}: \"… # …\". Если это комментарий, перенесите его на отдельную строку."),
        "en": ("The value of {field} is cut at '#': YAML read \"{value}\" and took the '#' "
               "and everything after it for a comment.",
               "If the '#' is part of the text, put the whole value in quotes: "
               "{field}: \"… # …\". If it is a comment, move it to a line of its own."),
    },
    "no-responsible": {
            "ru": ("У мероприятия {id}{in_stage} не указан ответственный.",
                   "Добавьте responsible: имя человека или роль."),
            "en": ("Task {id}{in_stage} has no responsible.",
                   "Add responsible: a person's name or a role."),
        },
        "no-result": {
            "ru": ("У мероприятия {id}{in_stage} не указан результат.",
                   "Добавьте result: что должно получиться (документ, приказ, мероприятие)."),
            "en": ("Task {id}{in_stage} has no result.",
                   "Add result: what it must produce (a document, an order, an event)."),
        },
        "did-you-mean": {
            "ru": ("Возможно, имелось в виду {names}. ", ""),
            "en": ("Did you mean {names}? ", ""),
        },
    }
)
