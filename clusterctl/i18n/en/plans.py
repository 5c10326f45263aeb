"""Findings in plan files: codes and hints, deadlines, structure, YAML."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # ------------------------------------------------------------------ finding
    'unreadable': 'The file cannot be read: {reason}.',
    'unreadable.hint': 'Check the path and the permissions.',
    'not-a-regular-file': 'This is not a regular file but {kind}: plans are read from files only.',
    'not-a-regular-file.hint': 'Give the path of a .yaml file or of a folder of plans.',
    'file-too-large': 'The file is too large: {size}, at most {limit} is accepted.',
    'file-too-large.hint': (
        'A project plan takes a few dozen kilobytes; check that this is the right file, or '
        'split it into several plans.'
    ),
    'encoding': 'The file is not saved as UTF-8 (it looks like {encoding}).',
    'encoding.hint': (
        "Open it in an editor and save it as UTF-8: in Notepad, 'Save as' -> 'Encoding: "
        "UTF-8'; in VS Code, click the encoding in the status bar -> 'Save with Encoding' -> "
        'UTF-8.'
    ),
    'invalid-utf8': 'A broken character in the text (byte {byte} is not valid UTF-8).',
    'invalid-utf8.hint': (
        'Retype the word at this place or paste the text again; save the file as UTF-8.'
    ),
    'nul-byte': 'The file contains a NUL byte: it is not a text file, or it is damaged.',
    'nul-byte.hint': 'Check that this is a .yaml plan file and save it as UTF-8 text.',
    'empty-file': 'The file holds no plan: {kind}.',
    'empty-file.hint': "Start the plan with 'version: 1' and 'project:' (see docs/format.md).",
    'not-a-mapping': "A plan must be a set of 'key: value' fields, but this is {kind}.",
    'not-a-mapping.hint': (
        "The file starts with 'version: 1', then 'project:' and the other sections."
    ),
    'multiple-documents': (
        "The file holds several YAML documents (separated by '---'); a plan is one."
    ),
    'multiple-documents.hint': (
        'Keep one plan per file; save the second plan in a file of its own.'
    ),
    'yaml-syntax': 'YAML syntax error: {problem}.',
    'yaml-syntax.hint': (
        'Check this line and the one above: the indentation (spaces only, the same on one '
        'level), a colon and a space after each key, quotes and brackets in pairs.'
    ),
    'yaml-syntax-colon': 'A colon inside a value: YAML took it for the start of a new field.',
    'yaml-syntax-colon.hint': (
        'If the value contains a colon \': \', put the whole value in quotes: title: "Topic: '
        'subtopic".'
    ),
    'yaml-syntax-reserved-char': (
        "A value starts with '{char}', a sign with a special meaning in YAML."
    ),
    'yaml-syntax-reserved-char.hint': 'Put the whole value in quotes: "{char}...".',
    'yaml-syntax-continuation': (
        'A colon in a line that YAML takes for the continuation of the value above.'
    ),
    'yaml-syntax-continuation.hint': (
        'If this is a new field, start it in the same column as the fields around it (an extra '
        'indent?) and check that the colon in the line above is followed by a space. If the '
        'colon is part of the text, put the value in quotes.'
    ),
    'yaml-syntax-trailing-text': (
        'Extra text after a value: YAML takes the value as ended by a closing quote or bracket.'
    ),
    'yaml-syntax-trailing-text.hint': (
        'YAML reads quotes or brackets at the start of a value as its frame. If they are part '
        'of the text, put the whole value in single quotes (\'"School" No 5\', \'[draft] '
        "Regulations')."
    ),
    'yaml-syntax-unclosed-bracket': "The bracket '{char}' is not closed.",
    'yaml-syntax-unclosed-bracket.hint': (
        "Close it with '{closing}'. If the bracket is part of the text, put the whole value in "
        'quotes.'
    ),
    'yaml-syntax-directive': "A line starts with '%': YAML takes it for a directive.",
    'yaml-syntax-directive.hint': (
        "Comments in YAML start with '#', not '%'. If the '%' is part of a value, put the "
        'value in quotes.'
    ),
    'yaml-syntax-escape': (
        "A backslash '\\' inside double quotes starts a special character, and there is no "
        'such character.'
    ),
    'yaml-syntax-escape.hint': (
        "Put the value in single quotes ('C:\\Plans\\2022') or double the backslash (\\\\)."
    ),
    'yaml-syntax-dash': "A value starts with '- ' on the key's line: YAML took it for a list.",
    'yaml-syntax-dash.hint': (
        'If the dash is part of the text, put the value in quotes; if this is a list, put each '
        "'- ...' item on a new indented line."
    ),
    'yaml-syntax-star': "A value starts with '*' or '&': YAML took it for an alias or an anchor.",
    'yaml-syntax-star.hint': 'Put a value that starts with \'*\' or \'&\' in quotes: "* note".',
    'yaml-syntax-unclosed-quote': 'A quote is not closed before the end of the file.',
    'yaml-syntax-unclosed-quote.hint': 'Close the quote at the end of the value or remove it.',
    'yaml-syntax-missing-colon': 'No colon found after a key.',
    'yaml-syntax-missing-colon.hint': (
        "A key needs a colon and a space ('title: ...'); continue long text with an indent, or "
        'put it in quotes.'
    ),
    'yaml-syntax-indentation': 'The indentation does not match the lines around it.',
    'yaml-syntax-indentation.hint': (
        'Fields of one level start in the same column, nested ones further right; indent with '
        'spaces only.'
    ),
    'yaml-syntax-node-content': 'A value was expected here.',
    'yaml-syntax-node-content.hint': (
        "A value was expected here; if it starts with a special sign ('[', '{{', '%', '|', "
        "'>', '!'), put it in quotes."
    ),
    'yaml-syntax-control-char': 'A control character {char} that is not allowed in text.',
    'yaml-syntax-control-char.hint': (
        'The text holds an invisible control character (often left by copying from Word): '
        'delete it or retype the line.'
    ),
    'yaml-syntax-yaml-version': "Unsupported YAML version in the '%YAML' header.",
    'yaml-syntax-yaml-version.hint': "Remove the '%YAML ...' line at the top of the file.",
    'yaml-syntax-duplicate-anchor': 'An anchor with this name is already declared.',
    'yaml-syntax-duplicate-anchor.hint': "Anchor names '&name' must differ within one file.",
    'yaml-syntax-other': '',
    'tab': 'A tab character in the indentation: YAML indents with spaces only.',
    'tab.hint': "Replace the tabs with spaces (in VS Code: 'Convert Indentation to Spaces').",
    'duplicate-key': (
        'The key {key} is repeated (first at line {first_line}); one of the values would be '
        'lost.'
    ),
    'duplicate-key.hint': 'Remove the extra key or merge the values into one.',
    'complex-key': 'A key must be a word, not a list or a mapping.',
    'complex-key.hint': "Write the key as one word, e.g. 'title:'.",
    'empty-key': 'An empty key: nothing stands before the colon.',
    'empty-key.hint': 'Write the field name before the colon or remove the stray colon.',
    'unsafe-tag': 'The tag {tag} is not allowed: a plan cannot carry program objects or commands.',
    'unsafe-tag.hint': 'Remove the tag; values are written as plain text.',
    'unknown-tag': 'Unknown tag {tag}.',
    'unknown-tag.hint': "Remove the tag; if the value starts with '!', put it in quotes.",
    'bad-tagged-value': "The value '{value}' does not fit the tag {tag}.",
    'bad-tagged-value.hint': 'Remove the tag or fix the value.',
    'unknown-alias': "The alias '*{alias}' points nowhere: no anchor '&{alias}' above.",
    'unknown-alias.hint': 'If the star is part of the text, put the value in quotes.',
    'recursive-alias': "The alias '*{alias}' refers to itself.",
    'recursive-alias.hint': 'Remove the circular reference.',
    'bad-merge': "'<<:' must be followed by a reference to a mapping ('*anchor').",
    'bad-merge.hint': "Example: '<<: *common'.",
    'alias-bomb': (
        "The aliases '*' expand into too much data (over {limit} items): the file looks like "
        'an alias bomb.'
    ),
    'alias-bomb.hint': 'Use anchors and aliases only for small repeated fragments.',
    'too-deep': 'Nesting is too deep (over {limit} levels).',
    'too-deep.hint': 'A plan needs no such nesting; check the brackets and indentation.',
    'too-many-nodes': 'The file holds too many items (over {limit}).',
    'too-many-nodes.hint': 'Split the plan into several files.',
    'invisible-character': "The key '{key}' contains an invisible character {char}.",
    'invisible-character.hint': 'Delete the key and type it again in Latin letters.',
    'unknown-key': 'Unknown field {key}{where}.',
    'unknown-key.hint': '{suggestion}',
    'homoglyph-key': (
        'The field {key} contains Cyrillic letters that look like Latin ones ({letters}).'
    ),
    'homoglyph-key.hint': "Type the key in Latin letters: '{expected}'.",
    'missing-key': 'The required field {key} is missing{where}.',
    'missing-key.hint': "Add '{field}: ...'.",
    'invalid-value': 'Invalid value{where}: {problem}.',
    'invalid-value.hint': '{hint}',
    'internal-error': 'Internal clusterctl error while checking this file: {error}.',
    'internal-error.hint': (
        'This is a bug in the program, not in your plan. Please report it with the file.'
    ),
    'duplicate-id': "The {what} id '{id}' is repeated (first at line {first_line}).",
    'duplicate-id.hint': 'Ids in one list must differ: fix the id or remove the repetition.',
    'numbering': 'The numbering is off: {id} stands where {expected} is expected.',
    'numbering.hint': 'Check for a missing item or items out of order.',
    'deadline-not-understood': '{detail}',
    'deadline-not-understood.hint': '{hint}',
    'period-not-understood': '{detail}',
    'period-not-understood.hint': '{hint}',
    'impossible-date': '{detail}',
    'impossible-date.hint': '{hint}',
    'reversed-range': '{detail}',
    'reversed-range.hint': '{hint}',
    'outside-period': (
        "The deadline '{phrase}' ({dates}) falls outside the period of the {scope}{stage_sp} "
        '({period}).'
    ),
    'outside-period.hint': '{advice}',
    'advice.outside-period': (
        "Fix the deadline or the {scope}'s period; if the deadline was moved, record it "
        '(clusterctl reschedule).'
    ),
    'advice.outside-period-moved': (
        "The deadline was moved (recorded in reschedules); if the new one is right, widen the "
        "{scope}'s period."
    ),
    'stage-order': 'Stage {stage} starts before the previous stage {previous}.',
    'stage-order.hint': 'Put the stages in order or fix their periods.',
    'stage-outside-project': (
        "The period of stage {stage} ({dates}) falls outside the project's ({period})."
    ),
    'stage-outside-project.hint': "Fix the stage's period or the project's (project.period).",
    'unknown-person': '{name_q} is not in the people, roles or organisations registry ({field}).',
    'unknown-person.hint': (
        '{did_you_mean}If this is another person, role or organisation, add it to people '
        '(roles, organisations).'
    ),
    'unresolved-reference': "The plan has no {kind} '{ref}'.",
    'unresolved-reference.hint': '{did_you_mean}Check the spelling or add it to the plan.',
    'cancelled-without-reason': 'Task {id} is cancelled without a reason.',
    'cancelled-without-reason.hint': (
        'Give the reason: cancel_reason: "..." (or use clusterctl cancel --reason).'
    ),
    'future-date': 'The date {date} is in the future (today is {today}).',
    'future-date.hint': (
        'Completions, cancellations and moves are recorded after the fact: check the year and '
        'the month.'
    ),
    'status-mismatch': (
        'The field {field} goes with status {expected}, but the status is {status}.'
    ),
    'status-mismatch.hint': 'Fix the status (status: {expected}) or remove the field {field}.',
    'comment-in-value': (
        'The value of {field} is cut at \'#\': YAML read "{value}" and took the \'#\' and '
        'everything after it for a comment.'
    ),
    'comment-in-value.hint': (
        'If the \'#\' is part of the text, put the whole value in quotes: {field}: "… # …". If '
        'it is a comment, move it to a line of its own.'
    ),
    'no-responsible': 'Task {id}{in_stage} has no responsible.',
    'no-responsible.hint': "Add responsible: a person's name or a role.",
    'no-result': 'Task {id}{in_stage} has no result.',
    'no-result.hint': 'Add result: what it must produce (a document, an order, an event).',
    'did-you-mean': 'Did you mean {names}? ',
    'finding.in-stage': ' (stage {stage})',
    'start-after-due': 'The planned start {start} is after the deadline {due} (“{phrase}”).',
    'start-after-due.hint': 'Correct the start or the due: one of the dates is probably mistyped.',
    'unknown-column': 'The column “{key}” is not declared in columns.',
    'unknown-column.hint': (
        '{did_you_mean}Declared columns: {declared}. Add it to columns: - {{id: {key}, title: '
        '...}} or correct the key.'
    ),
    'too-many-occurrences': (
        'The recurring deadline “{phrase}” makes more than {limit} occurrences: they are not '
        'dated.'
    ),
    'too-many-occurrences.hint': (
        "Narrow the stage's or project's period, or write a less frequent deadline."
    ),
    'not-an-occurrence': '{day} in done_occurrences is not a deadline of “{phrase}”.',
    'not-an-occurrence.hint': (
        'Its occurrences are due on {days}. Record them with clusterctl done --on DATE.'
    ),
    'finding.in-section': ' (section {stage})',
    # ------------------------------------------------------------------ problem
    'problem.string_type': 'text is expected',
    'problem.int_type': 'a whole number is expected',
    'problem.int_parsing': 'a whole number is expected, not {input}',
    'problem.int_from_float': 'a whole number is expected, not {input}',
    'problem.bool_parsing': 'true or false is expected, not {input}',
    'problem.bool_type': 'true or false is expected',
    'problem.date_type': 'a date YYYY-MM-DD is expected',
    'problem.date_parsing': 'the date {input} is not written as YYYY-MM-DD or does not exist',
    'problem.date_from_datetime_parsing': (
        'the date {input} is not written as YYYY-MM-DD or does not exist'
    ),
    'problem.date_not_in_calendar': 'the date {input} does not exist',
    'problem.date_from_datetime_inexact': 'a date without a time is expected',
    'problem.enum': 'allowed values are {expected}, not {input}',
    'problem.literal_error': 'allowed values are {expected}, not {input}',
    'problem.list_type': "a list is expected (lines starting with '- ')",
    'problem.model_type': "a set of 'key: value' fields is expected",
    'problem.model_attributes_type': "a set of 'key: value' fields is expected",
    'problem.dict_type': "a set of 'key: value' fields is expected",
    'problem.greater_than_equal': 'a number of at least {ge} is expected, not {input}',
    'problem.less_than_equal': 'a number of at most {le} is expected, not {input}',
    'problem.string_too_short': 'the value is empty',
    'problem.string_too_long': 'the value is too long (at most {max_length} characters)',
    'problem.too_long': 'the list is too long (at most {max_length} items)',
    'problem.date_out_of_range': (
        'the date {input} is outside the years allowed ({min_year}–{max_year})'
    ),
    'problem.too_short': 'the list is empty',
    'problem.other': 'an invalid value',
    'office-file': 'This is a Word, Excel or LibreOffice document, not a YAML plan.',
    'office-file.hint': (
        'To make a plan of its table, run: clusterctl import {name} (see docs/import.md).'
    ),
    # ------------------------------------------------------------------ problem-hint
    'problem-hint.date': 'Write the date as 2022-09-26.',
    'problem-hint.list': "Put each list item on its own line, starting with '- '.",
    'problem-hint.model': "Write fields on new indented lines: 'title: ...'.",
    'problem-hint.text': (
        'One text is expected here, not a list or fields: write it after the colon (a long '
        "text can start with '>-' and go on in indented lines)."
    ),
    'problem-hint.length': (
        'This field holds a short number or name ("1.2", "Задача №4"); a long text goes into '
        'title, description or result.'
    ),
    'problem-hint.year': (
        'Check the year: it looks like a typo. A date is written YYYY-MM-DD, e.g. 2022-09-26.'
    ),
    'problem-hint.calendar': (
        'Check the day and the month; a date is written YYYY-MM-DD, e.g. 2023-02-28.'
    ),
    'problem-hint.version': (
        "This clusterctl reads plan format versions 1 and 1.1: 'version: 1.1'."
    ),
    'problem-hint.enum': 'Write one of the allowed values exactly as listed.',
    'problem-hint.status': 'The status is one of: planned, in_progress, done, cancelled.',
    'problem-hint.bound': "The field's allowed values are in docs/format.md.",
    'problem-hint.other': 'Fix the value (see docs/format.md).',
    # ------------------------------------------------------------------ deadline
    'deadline.hint': (
        'Write a date as “26.09.2022”, a range as “10.10.2022 - 14.10.2022” or a phrase such '
        'as “до 26.09.2022”. Also accepted: “март 2023”, “I квартал 2023”, “2022-2023 учебный '
        'год”, “постоянно”, “по отдельному графику”, “ежемесячно”.'
    ),
    'deadline.empty': 'The deadline is empty.',
    'deadline.not-understood': 'The deadline “{phrase}” was not understood.',
    'deadline.bad-school-year': (
        'The school year “{frag}” is wrong: the second year must follow the first.'
    ),
    'deadline.bad-school-year.hint': 'A valid school year looks like “2022-2023 учебный год”.',
    'deadline.impossible.hint': (
        'Check the day and the month. A valid date looks like “28.02.2023”.'
    ),
    'deadline.impossible.no-month': 'The date {frag} does not exist: there is no month {month}.',
    'deadline.impossible.day-zero': 'The date {frag} does not exist: there is no day 0.',
    'deadline.impossible.february': 'The date {frag} does not exist: February has 29 days.',
    'deadline.impossible.month-days': (
        'The date {frag} does not exist: {month_in} has {limit} {days}.'
    ),
    'deadline.impossible.year-days': (
        'The date {frag} does not exist: {month_in} {year} has {limit} {days}.'
    ),
    'deadline.impossible.year': (
        'The year {year} in {frag} looks like a typo: expected {min_year}–{max_year}.'
    ),
    'deadline.reversed': 'In “{phrase}” the start ({first}) is later than the end ({second}).',
    'deadline.reversed.hint': (
        'Check the dates: the earlier one comes first, e.g. “{second} - {first}”.'
    ),
    'deadline.needs-year.no-period': (
        'The deadline “{phrase}” has no year and no stage or project period is given.'
    ),
    'deadline.needs-year.ambiguous': (
        'The deadline “{phrase}” has no year and the period {period} spans several years.'
    ),
    'deadline.needs-year.outside': (
        'The deadline “{phrase}” has no year and does not fall within the period {period}.'
    ),
    'deadline.needs-year.hint': 'Add the year, for example “март 2023” or “26.09.2022”.',
    'deadline.period.end-only': (
        '“{phrase}” gives only an end date; a period needs a start as well.'
    ),
    'deadline.period.not-a-period': (
        '“{phrase}” is not a period: a start and an end date are needed.'
    ),
    'deadline.period.hint': (
        'Give the period with a start and an end, for example “01.09.2022 - 31.05.2023”, '
        '“2022-2023 учебный год” or “2023 год”.'
    ),
    'deadline.report-day.not-day-month': '“{text}” in rules.report_due is not a day and a month.',
    'deadline.report-day.impossible': (
        'There is no day “{text}” in the calendar (rules.report_due).'
    ),
    'deadline.report-day.hint': "Write the report's day and month as DD.MM, e.g. 25.12.",
    'deadline.impossible.no-day': 'The deadline {frag} does not exist: no month has a day {day}.',
    # ------------------------------------------------------------------ deadline-kind
    'deadline-kind.ongoing': 'ongoing',
    'deadline-kind.unscheduled': 'on a separate schedule',
    'deadline-kind.recurring': 'recurring',
    # ------------------------------------------------------------------ month
    'month.in.1': 'January',
    'month.in.2': 'February',
    'month.in.3': 'March',
    'month.in.4': 'April',
    'month.in.5': 'May',
    'month.in.6': 'June',
    'month.in.7': 'July',
    'month.in.8': 'August',
    'month.in.9': 'September',
    'month.in.10': 'October',
    'month.in.11': 'November',
    'month.in.12': 'December',
    # ------------------------------------------------------------------ structure
    'structure.where': ' in {path}',
    'structure.did-you-mean': "Did you mean '{field}'? ",
    'structure.allowed': 'Allowed fields: {keys}.',
    'structure.russian-key': 'Plan fields are written in Latin letters: “{key}” is “{field}”. ',
    # ------------------------------------------------------------------ yaml-problem
    'yaml-problem.duplicate-yaml': 'duplicate %YAML directive',
    'yaml-problem.duplicate-tag': 'duplicate %TAG directive',
    'yaml-problem.version': 'a document of another YAML version',
    'yaml-problem.tag-handle': "an unknown tag handle '!'",
    'yaml-problem.document-indicator': "a '---' or '...' line inside the text",
    'yaml-problem.end-of-stream': 'the file ends before the quotes or brackets are closed',
    'yaml-problem.indicator-zero': "a '|' or '>' text with an indentation of 0",
    'yaml-problem.document-start': 'extra text after the end of the document',
    'yaml-problem.block-header': "extra text after '|' or '>' on the same line",
    'yaml-problem.cannot-start': 'a sign no value can start with',
    'yaml-problem.other': 'the markup is broken here',
    # ------------------------------------------------------------------ path
    'path.missing': 'No such file or folder: {path}',
    'path.no-plans': 'no plan files (*.yaml, *.yml)',
    'path.none-to-check': 'no plan files (*.yaml, *.yml) to check',
    # ------------------------------------------------------------------ reminder
    'reminder.press-release-after': 'Press release {days} {day_word} after the event',
    'reminder.announcement': 'Announcement',
    'reminder.announcement_repeat': 'Repeat the announcement',
    'reminder.on-the-day': ' on the day',
    'reminder.day-before': ' the day before',
    'reminder.days-before': ' {n} {day_word} before',
    'reminder.press_release': 'Press release',
    'reminder.report': 'Cluster report',
    'reminder.meeting': 'Meeting with member schools',
    'reminder.event': 'Event',
    'reminder.task': 'Task due',
    'reminder.step': 'Step due',
    'reminder.start': 'Start',
    # ------------------------------------------------------------------ status
    'status.planned': 'planned',
    'status.in_progress': 'in progress',
    'status.done': 'done',
    'status.cancelled': 'cancelled',
    # ------------------------------------------------------------------ term
    'term.person': 'person',
    'term.role': 'role',
    'term.organisation': 'organisation',
    'term.cluster': 'cluster',
    'term.objective': 'objective',
    'term.stage': 'stage',
    'term.task': 'task',
    'term.step': 'step',
    'term.project': 'project',
    'term.responsible': 'responsible',
    'term.leads': 'leads',
    'term.curators': 'curators',
    # ------------------------------------------------------------------ kind
    'kind.directory': 'a directory',
    'kind.fifo': 'a FIFO',
    'kind.device': 'a device',
    'kind.socket': 'a socket',
    'kind.special': 'a special file',
    'kind.list': 'a list',
    'kind.text': 'plain text',
    'kind.empty': 'it is empty',
    'kind.comments': 'it holds only comments',
}
