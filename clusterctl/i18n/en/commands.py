"""The commands' messages: usage and I/O errors, edits, the query answers, the calendar."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # ------------------------------------------------------------------ cli
    'cli.internal-error': (
        'internal error in clusterctl ({error}). This is a bug in the program, not in your '
        'data: please report what you ran.'
    ),
    'findings': 'findings',
    'cli.hint': 'hint',
    'cli.summary': 'Checked {files_counted}: {errors_counted}, {warnings_counted}.',
    'cli.undecodable': (
        'the argument "{shown}" holds bytes that are not UTF-8: type it again or check the '
        "terminal's encoding"
    ),
    'cli.bad-date': (
        'bad {option} date {value}: expected YYYY-MM-DD or DD.MM.YYYY (years {min}-{max})'
    ),
    'cli.skipped': 'Skipped files with errors: {files}',
    'cli.unread': '{n} {words}: {where}',
    'cli.unread-words': (
        'deadline not understood and left out|deadlines not understood and left out'
    ),
    'cli.bad-window': '{option} {value}: expected a number and a unit: 14d, 2w, 1m',
    'cli.bad-period': '--period {value}: expected START..END (YYYY-MM-DD) or a known phrase',
    'cli.when-kind': 'kind',
    'cli.when-start': 'start',
    'cli.when-end': 'end',
    'cli.when-recurrence': 'recurrence',
    'cli.interrupted': 'interrupted',
    'cli.no-file': 'no such file: {path}',
    'cli.is-folder': '{path} is a folder, not a plan file',
    'cli.empty-value': '{option}: the value is empty',
    'cli.dry-run': '{message} (dry run: the file is unchanged)',
    'cli.words.usage': 'Usage:',
    'cli.words.arguments': 'Arguments',
    'cli.words.options': 'Options',
    'cli.words.commands': 'Commands',
    'cli.words.help': 'Show this message and exit.',
    'cli.words.try-help': "Try '{command} {option}' for help.",
    'cli.words.error': 'Error: {message}',
    'cli.words.missing-argument': 'Missing argument {name}.',
    'cli.words.missing-option': 'Missing option {name}.',
    'cli.words.no-option': 'No such option: {name}.',
    'cli.words.possible': ' Possible options: {names}.',
    'cli.words.bad-value': 'Invalid value for {name}: {problem}',
    'cli.words.not-integer': "'{value}' is not a valid integer.",
    'cli.words.not-number': "'{value}' is not a valid number.",
    'cli.words.out-of-range': '{value} is not in the range {range}.',
    'cli.words.not-a-choice': "'{value}' is not one of {choices}.",
    'cli.words.not-boolean': "'{value}' is not a valid boolean.",
    'cli.words.no-command': "No such command '{name}'.",
    'cli.words.did-you-mean': " Did you mean '{name}'?",
    'cli.words.extra-args': 'Got unexpected extra arguments ({args}).',
    'cli.words.needs-value': "Option '{name}' requires an argument.",
    'cli.words.needs-values': "Option '{name}' requires {n} arguments.",
    'cli.words.takes-no-value': "Option '{name}' does not take a value.",
    'cli.words.missing-command': 'Missing command.',
    'cli.words.options-metavar': '[OPTIONS]',
    'cli.words.command-metavar': 'COMMAND [ARGS]...',
    # ------------------------------------------------------------------ write
    'write.busy': 'another clusterctl command is using the file, try again later',
    'write.no-folder': 'the folder to write it in does not exist',
    'write.read-only': 'the file is read-only (allow writing to it if it is to be changed)',
    'write.not-regular': 'it is not a regular file (a device, a pipe or a special file)',
    'write.failed': 'Could not write {path}: {reason}; nothing was changed.',
    # ------------------------------------------------------------------ io
    'io.error': 'could not read or write {path}: {reason}.',
    # ------------------------------------------------------------------ os
    'os.access': 'permission denied',
    'os.permission': 'operation not permitted',
    'os.missing': 'no such file or folder',
    'os.not-dir': 'a part of the path is not a folder',
    'os.is-dir': 'it is a folder',
    'os.exists': 'the file already exists',
    'os.no-space': 'no space left on the disk',
    'os.read-only-disk': 'the disk is read-only',
    'os.loop': 'too many symbolic links (or a link loop)',
    'os.long-name': 'the name is too long',
    'os.io': 'input/output error',
    'os.busy': 'the file is busy',
    'os.too-many': 'too many open files',
    'os.quota': 'disk quota exceeded',
    'os.cross-device': 'the files are on different disks',
    'os.no-device': 'no such device',
    'os.again': 'the file is not available now',
    'os.too-big': 'the file is too large',
    'os.other': 'system error {errno}',
    # ------------------------------------------------------------------ edit
    'edit.file-has-errors': (
        '{file} has {count} error(s): fix them first (clusterctl validate); the file is '
        'unchanged.'
    ),
    'edit.edit-makes-errors': (
        'Not changed: the edit would introduce errors into {file} (the file is unchanged).'
    ),
    'edit.empty-ref': 'No task reference given (e.g. "8", "8.2" or "II/1.1").',
    'edit.unknown-ref': '{file} has no task or step {ref}.',
    'edit.closest': ' Did you mean: {names}?',
    'edit.known-refs': ' Numbers in the plan: {names}.',
    'edit.known-refs-stage': ' Numbers in stage {stage}: {names}.',
    'edit.unknown-stage': '{file} has no stage {stage}. Stages: {stages}.',
    'edit.ambiguous-ref': '{ref} is ambiguous in {file}: {names}. Name the stage, e.g. {example}.',
    'edit.ambiguous-in-stage': '{ref} is ambiguous in {file}: {names}. Renumber them in the file.',
    'edit.done-in-future': (
        'The done date {on} is after today ({today}): work cannot be marked done in advance.'
    ),
    'edit.done-cancelled': (
        '{What} {ref} is cancelled (reason: {reason}): it cannot be marked done. To reopen it: '
        'clusterctl start.'
    ),
    'edit.already-done': '{file}: {what} {ref} is already done on {on}; the file is unchanged',
    'edit.cancel-done': '{What} {ref} is already done ({on}): it cannot be cancelled.',
    'edit.already-cancelled': '{What} {ref} is already cancelled (reason: {reason}).',
    'edit.reason-required': 'A reason is required: --reason "...".',
    'edit.reschedule-closed': '{What} {ref} is {state}: its deadline cannot be moved.',
    'edit.reschedule-no-due': '{What} {ref} has no deadline (due): there is nothing to move.',
    'edit.reschedule-steps': ' Its steps have deadlines: {steps}; reschedule the one you mean.',
    'edit.old-not-understood': (
        'The current deadline {old} is not understood ({reason}), so a later date cannot be '
        'checked. Fix the deadline in the file by hand.'
    ),
    'edit.old-undated': (
        'The current deadline {old} has no end date ({kind}), so a later date cannot be '
        'checked. Change the deadline in the file by hand.'
    ),
    'edit.new-not-understood': (
        'The new deadline {new} is not understood: {reason} {hint} Check a phrase with: '
        'clusterctl when "...".'
    ),
    'edit.new-undated': (
        'The new deadline {new} has no end date ({kind}): give a date or a period ("До '
        '20.12.2022", "Ноябрь 2022").'
    ),
    'edit.not-later': (
        'The new deadline {new} (until {new_end}) is not later than the current {old} (until '
        '{old_end}): a deadline can only be moved later.'
    ),
    'edit.bad-status': (
        'Status {status} is not set this way: use clusterctl done or clusterctl cancel.'
    ),
    'edit.field-has-comment': (
        'The field {field} of {ref} has a comment: remove the field by hand so the comment is '
        'not lost.'
    ),
    'edit.not-editable': (
        '{What} {ref} cannot be changed automatically: {why}. Change the file by hand.'
    ),
    'edit.changed-on-disk': (
        '{file} changed while it was being edited: run the command again (the file is '
        'unchanged).'
    ),
    'edit.write-failed': 'Could not write {file}: {error}. The file is unchanged.',
    'edit.guard': (
        'Not changed: the edit would touch more of {file} than {ref} (a clusterctl bug, please '
        'report it). The file is unchanged.'
    ),
    'edit.did-done': '{file}: {what} {ref} — done on {on}',
    'edit.did-reschedule': '{file}: {what} {ref} — rescheduled: {old} → {new} (reason: {reason})',
    'edit.did-cancel': '{file}: {what} {ref} — cancelled (reason: {reason})',
    'edit.did-status': '{file}: {what} {ref} — {status}{removed}',
    'edit.same-status': '{file}: {what} {ref} is already {status}; the file is unchanged',
    'edit.removed': ' (removed: {fields})',
    'edit.refused': '{text}',
    'edit.reason-not-given': 'not given',
    'edit.did-occurrence': (
        '{file}: {what} {ref} — the occurrence due {due} is done (recorded {on})'
    ),
    'edit.occurrences-all-done': '{file}: {What} {ref} — every occurrence is already done.',
    'edit.on-in-future': (
        'The decision date {on} is after today ({today}): a decision cannot be recorded in '
        'advance.'
    ),
    # ------------------------------------------------------------------ edit
    'edit.why.no-dash': "it is not a '- ' list item",
    'edit.why.flow': 'it is inside a [...] list',
    'edit.why.alias': 'it uses YAML anchors, aliases or merge keys (&, *, <<)',
    'edit.why.yaml': 'its lines cannot be read on their own',
    # ------------------------------------------------------------------ filter
    'filter.unknown': 'no {what} {value} in the plans.',
    'filter.unknown-status': 'there is no status {value}; allowed: {known}.',
    'filter.did-you-mean': ' Did you mean {names}?',
    'filter.known': ' Known: {known}.',
    # ------------------------------------------------------------------ filter-what
    'filter-what.project': 'project',
    'filter-what.stage': 'stage',
    'filter-what.cluster': 'cluster',
    'filter-what.responsible': 'responsible',
    'filter-what.name': 'responsible',
    'filter-what.status': 'status',
    # ------------------------------------------------------------------ column
    'column.project': 'Project',
    'column.id': 'No.',
    'column.task': 'Task',
    'column.due_phrase': 'Due (as written)',
    'column.due': 'Date',
    'column.days_overdue': 'Days late',
    'column.responsible': 'Responsible',
    'column.where': 'Stage/cluster',
    'column.weekday': 'Day',
    'column.days_left': 'In days',
    'column.kind': 'What',
    'column.name': 'Responsible',
    'column.who_kind': 'Kind',
    'column.projects': 'Projects',
    'column.open': 'Open',
    'column.overdue': 'Overdue',
    'column.next_due': 'Next due',
    'column.duties': 'Duties',
    'column.left': 'Days left',
    'column.status': 'Status',
    'column.scope': 'Project / stage / cluster',
    'column.total': 'Total',
    'column.done': 'Done',
    'column.in_progress': 'In progress',
    'column.planned': 'Planned',
    'column.cancelled': 'Cancelled',
    'column.rescheduled': 'Rescheduled',
    'column.share': 'Done %',
    'column.participation': 'Schools took part',
    'column.date': 'Date',
    'column.time': 'Time',
    'column.place': 'Place',
    # ------------------------------------------------------------------ entry-kind
    'entry-kind.task': 'due',
    'entry-kind.step': 'due',
    'entry-kind.event': 'event',
    'entry-kind.announcement': 'announcement',
    'entry-kind.announcement_repeat': 'announcement',
    'entry-kind.press_release': 'press release',
    'entry-kind.report': 'report',
    'entry-kind.meeting': 'meeting',
    'entry-kind.start': 'start',
    # ------------------------------------------------------------------ who-kind
    'who-kind.person': 'person',
    'who-kind.role': 'role',
    'who-kind.unknown': 'not in registry',
    'who-kind.organisation': 'organisation',
    # ------------------------------------------------------------------ answer
    'answer.overdue-footer': 'Overdue as of {on}: {counted}.',
    'answer.overdue-empty': 'Nothing is overdue as of {on}.',
    'answer.week': 'Week {span}',
    'answer.upcoming-footer': 'From {since} to {until}: {counted}.',
    'answer.upcoming-empty': 'Nothing falls due from {since} to {until}.',
    'answer.meeting-cluster': 'meeting of the cluster “{title}”',
    'answer.meeting-project': 'meeting of the project',
    'answer.meeting-title': '{when} — {subject} ({project}); events until {until}',
    'answer.meeting-run-by': '; run by: {who}',
    'answer.meeting-nothing': 'The plan has no events or deadlines in this period.',
    'answer.meeting-empty': (
        'No meetings by the working rules: the plans have no clusters and no rules: block (or '
        "the project's period is over)."
    ),
    'answer.whole-project': 'whole project',
    'answer.stage': 'stage {id}: {title}',
    'answer.cluster': 'cluster {id}: {title}',
    'answer.no-data-of': 'no data (of {members})',
    'answer.no-data': 'no data',
    'answer.district': (
        '{project}: district schools that took part — {took} of {members} ({share}).'
    ),
    'answer.unread': (
        'Deadlines not understood: {n} ({where}) — these items are left out of “Overdue” and '
        '“Next due”.'
    ),
    'answer.no-projects': 'No projects.',
    'answer.and-more': ' and {more} more',
    'answer.curator': 'curator',
    'answer.lead': 'lead',
    'answer.of-project': ' of the project',
    'answer.responsibles': 'Responsibles: {n}.',
    'answer.not-in-registry': (
        ' Not in a registry: {n} — check the spelling (clusterctl validate).'
    ),
    'answer.due-by': 'Due by {date}',
    'answer.no-responsibles': 'No responsibles.',
    'answer.person-counts': '. Open: {open}, overdue: {overdue}, due by {soon}: {due_soon}.',
    'answer.no-items': 'No items.',
    'answer.no-open-items': 'No open items.',
    'answer.xlsx-needs-output': (
        '--format xlsx: name a file: -o ANSWER.xlsx (an Excel workbook is not printed to the '
        'screen).'
    ),
    'answer.xlsx-too-many': (
        'the answer has {rows} rows, more than an Excel sheet holds (1,048,576). Narrow it '
        '(-p, --stage, -r) or use --format csv.'
    ),
    'answer.missed': 'missed {counted}: {days}',
    # ------------------------------------------------------------------ render
    'render.need-kind': 'name a document kind: {kinds}',
    'render.unknown-kind': 'unknown document kind {kind}; known: {kinds}',
    'render.need-task': (
        '{kind}: name the task, e.g. clusterctl render {kind} 3 projects/plan.yaml'
    ),
    'render.no-project': 'no project {project}; there are: {known}',
    'render.no-task': '{file}: no task {ref}; tasks: {known}',
    'render.ambiguous-task': (
        '{file}: task {ref} is in several stages ({keys}): add --stage or write STAGE/ID'
    ),
    'render.letter-missing': "{what} of task {task}: missing '{label}' (fill in {path}: {source})",
    'render.letter.announcement': 'announcement',
    'render.letter.press-release': 'press-release',
    'render.need-choice': (
        'the path holds several plans: choose one with --project ID or give a folder with -o '
        'DIR/'
    ),
    'render.need-folder': '-o {output}: several plans need a folder (or --project ID)',
    'render.no-templates-folder': '--templates: no folder {folder}',
    'render.no-template-file': '--template: no file {file}',
    'render.from-after-to': '--from is after --to',
    'render.written': 'written: {path}',
    'render.no-builtin': 'no built-in template {token}; see clusterctl templates list',
    'render.shared-parts': 'Shared parts (included by the documents):',
    'render.builtins': 'Built-in templates: {folder}',
    'render.not-a-folder': '{folder}: not a folder',
    'render.already-there': 'already there: {files} (--force to overwrite)',
    'render.copied': 'copied: {path}',
    'render.edit-then-run': (
        'Edit it, then run: clusterctl render {example} --templates {folder} PLAN (or keep '
        'templates in a templates/ folder next to the plans).'
    ),
    'render.kind.roadmap': 'the plan table by stage with steps and marks; HTML adds the timeline',
    'render.kind.passport': (
        'the project passport: goals, objectives, participants, stages, current stage'
    ),
    'render.kind.report': (
        'the cluster report for a period (--from/--to; default: the current half-year)'
    ),
    'render.kind.note': 'an analytic note on progress as of a date',
    'render.kind.announcement': 'the announcement of event TASK (sent 14 days before)',
    'render.kind.press-release': 'the press release of event TASK (1–2 days after)',
    'render.kind.agenda': 'the meeting agenda: events of the next 1–2 months',
    'render.binary-needs-output': (
        '--format {format}: name a file or folder: -o DOCUMENT.{format} (such a document is '
        'not printed to the screen).'
    ),
    'render.xlsx-kinds': (
        'only the table documents go to Excel (xlsx): {kinds} (not {kind}). For the others use '
        'docx, pdf, html or md.'
    ),
    'render.template-for-format': '--template for --format {format}: a {wanted} file is needed.',
    'render.word-template-is-docx': (
        '--template: a Word template (.docx) makes only a Word document: give -o DOCUMENT.docx '
        'or --format docx (not {format}).'
    ),
    'render.pdfa-needs-pdf': '--pdfa is for PDF only (-o DOCUMENT.pdf), not for {format}.',
    # ------------------------------------------------------------------ ics
    'ics.task': 'Task',
    'ics.result': 'Result',
    'ics.responsible': 'Responsible',
    'ics.due': 'Due',
    'ics.status': 'Status',
    'ics.stage': 'Stage',
    'ics.cluster': 'Cluster',
    'ics.place': 'Place',
    'ics.time': 'Time',
    'ics.event': 'Event',
    'ics.rescheduled': 'Times rescheduled',
    'ics.project': 'Project',
    'ics.where': 'In the plan',
    'ics.begins': 'start',
    'ics.occurrence': 'occurrence',
    # ------------------------------------------------------------------ ics-kind
    'ics-kind.task': 'task',
    'ics-kind.step': 'step',
    'ics-kind.announcement': 'announcement',
    'ics-kind.announcement_repeat': 'announcement',
    'ics-kind.press_release': 'press release',
    'ics-kind.report': 'report',
    'ics-kind.meeting': 'meeting',
    # ------------------------------------------------------------------ word
    'word.or': ' or ',
    'word.and': ' and ',
    'word.day': 'day|days',
    'word.year': 'year|years',
    'word.month': 'month|months',
    'word.school': 'school|schools',
    'word.task': 'task',
    'word.step': 'step',
    'word.task-of': 'task',
    'word.step-of': 'step',
    'word.file': 'file|files',
    'word.error': 'error|errors',
    'word.warning': 'warning|warnings',
    'word.item': 'item|items',
    'word.change': 'change|changes',
    'word.plan': 'plan|plans',
    'word.row': 'row|rows',
    'word.column': 'column|columns',
    'word.occurrence': 'occurrence|occurrences',
    # ------------------------------------------------------------------ date
    'date.by': 'by {date}',
    # ------------------------------------------------------------------ number
    'number.group': ',',
    'number.decimal': '.',
    'unit.bytes': 'bytes',
    'unit.kb': 'KB',
    'unit.mb': 'MB',
    # ------------------------------------------------------------------ completion
    'completion.installed': (
        'Tab completion for {shell} is installed: {path}. It works in a new terminal window.'
    ),
    'completion.no-shell': (
        'Could not tell the shell ({shell}); supported: {shells}. Run the command from your '
        'shell, or install the script by hand: clusterctl --show-completion.'
    ),
    # ------------------------------------------------------------------ git
    'git.missing': 'git was not found: install git to compare versions of plans.',
    'git.timeout': '«{command}» did not answer within a minute.',
    'git.failed': '«{command}» failed: {reason}',
    'git.too-large': '«{command}» printed more than a plan may hold (8 MiB).',
    'git.not-a-repository': (
        'This folder is not in a git repository. Compare two files: clusterctl diff OLD.yaml '
        'NEW.yaml'
    ),
    'git.no-revision': (
        'The repository has no revision «{revision}» (no commit, branch or tag by that name).'
    ),
    'git.too-many-revisions': (
        'Give at most two revisions: clusterctl diff [REV [REV]] [-- PATH...]'
    ),
    # ------------------------------------------------------------------ listing
    'listing.project': 'Project',
    'listing.passport': 'Passport',
    'listing.person': 'Person',
    'listing.role': 'Role',
    'listing.organisation': 'Organisation',
    'listing.cluster': 'Cluster',
    'listing.stage': 'Stage',
    'listing.column': 'Column',
    'listing.loose': 'Tasks outside stages',
    'listing.result': 'result',
    'listing.description': 'description',
    'listing.start': 'start',
    'listing.due': 'due',
    'listing.responsible': 'responsible',
    'listing.status': 'status',
    'listing.done-occurrences': 'occurrences done',
    'listing.moved': 'moved',
    'listing.comment': 'comment',
    'listing.section': 'Section',
    # ------------------------------------------------------------------ diff
    'diff.sides': '{old} → {new}',
    'diff.plan-changed': '{path} ({sides}): {n}',
    'diff.plan-unchanged': '{path} ({sides}): no changes',
    'diff.plan-added': '{path}: a new plan ({sides})',
    'diff.plan-removed': '{path}: the plan was removed ({sides})',
    'diff.plan-invalid': '{path} ({sides}): the plan has errors and cannot be compared',
    'diff.nothing': 'No changes in the plans.',
    'diff.summary': '{plans} changed: {changes}.',
    'diff.total': 'In all: {kinds}.',
    'diff.task-added': '+ {item}: task added{due}',
    'diff.step-added': '+ {item}: step added{due}',
    'diff.due-was': ' (due {due})',
    'diff.task-removed': '− {item}: task removed',
    'diff.step-removed': '− {item}: step removed',
    'diff.moved': '{old} → {new} {title}: renumbered',
    'diff.due': '{item}: deadline moved: {old} → {new}{dates}{reason}',
    'diff.dates': ' ({old} → {new}{shift})',
    'diff.later': ', {days} later',
    'diff.earlier': ', {days} earlier',
    'diff.same-day': ', the same day',
    'diff.reason': '; reason: {reason}',
    'diff.start': '{item}: planned start {old} → {new}',
    'diff.on': ' on {day}',
    'diff.because': ': {reason}',
    'diff.status.done': '{item}: done{on}',
    'diff.status.cancelled': '{item}: cancelled{on}{reason}',
    'diff.status.in_progress': '{item}: started (was: {old})',
    'diff.status.planned': '{item}: planned again (was: {old})',
    'diff.occurrence-done': '{item}: occurrence done, due {days}',
    'diff.responsible-added': '{item}: responsible added: {name}',
    'diff.responsible-removed': '{item}: responsible removed: {name}',
    'diff.text': '{item}: {field}: {words}',
    'diff.text-set': '{item}: {field} written: {text}',
    'diff.text-cleared': '{item}: {field} cleared (was {text})',
    'diff.field.title': 'title',
    'diff.field.result': 'result',
    'diff.field.description': 'description',
    'diff.field.comment': 'comment',
    'diff.field.extra': 'column «{column}»',
    'diff.what.person': 'Person',
    'diff.what.role': 'Role',
    'diff.what.organisation': 'Organisation',
    'diff.what.cluster': 'Cluster',
    'diff.what.stage': 'Stage',
    'diff.entry-added': '+ {what} {id} {name}: added',
    'diff.entry-removed': '− {what} {id} {name}: removed',
    'diff.entry-changed': '{what} {id} {name}: {field}: {old} → {new}',
    'diff.passport': 'Passport: {field}: {old} → {new}',
    'diff.column-added': '+ Column {id}: {new}',
    'diff.column-removed': '− Column {id}: {old}',
    'diff.column-changed': 'Column {id}: {old} → {new}',
    'diff.state.added': 'a new plan',
    'diff.state.removed': 'the plan was removed',
    'diff.state.invalid': 'the plan has errors',
    'diff.kind.plan-added': 'plans added',
    'diff.kind.plan-removed': 'plans removed',
    'diff.kind.plan-invalid': 'plans with errors',
    'diff.kind.passport': 'passport',
    'diff.kind.entry-added': 'registry entries added',
    'diff.kind.entry-removed': 'registry entries removed',
    'diff.kind.entry-changed': 'registry entries changed',
    'diff.kind.column-added': 'columns added',
    'diff.kind.column-removed': 'columns removed',
    'diff.kind.column-changed': 'columns renamed',
    'diff.kind.task-added': 'tasks added',
    'diff.kind.task-removed': 'tasks removed',
    'diff.kind.task-moved': 'renumbered',
    'diff.kind.step-added': 'steps added',
    'diff.kind.step-removed': 'steps removed',
    'diff.kind.step-moved': 'steps renumbered',
    'diff.kind.due': 'deadlines moved',
    'diff.kind.start': 'starts changed',
    'diff.kind.status': 'statuses',
    'diff.kind.occurrence-done': 'occurrences done',
    'diff.kind.responsible-added': 'responsibles added',
    'diff.kind.responsible-removed': 'responsibles removed',
    'diff.kind.text': 'texts',
    'diff.no-path': (
        'No such file or folder: {path} (neither in the working tree nor in the revision).'
    ),
    # ------------------------------------------------------------------ init
    'init.not-a-folder': '{path} is a file, not a folder: give a folder for the plans repository.',
    'init.git-init': 'git init: {folder} is now a git repository',
    'init.created': 'created  {name}',
    'init.skipped': 'skipped  {name} (exists, left as it is)',
    'init.driver-set': (
        'git diff shows plans item by item: diff.clusterctl.textconv is set in .git/config'
    ),
    'init.driver-kept': 'git diff item by item was set up already (diff.clusterctl.textconv)',
    'init.driver-other': 'diff.clusterctl.textconv is set to something else: left as it is',
    'init.driver-none': 'git was not set up',
    'init.next': (
        'Next: read {folder}/README.md; check the plans with clusterctl validate '
        '{folder}/plans/'
    ),
    # ------------------------------------------------------------------ import
    'import.no-file': '{file}: no such file.',
    'import.not-a-file': (
        '{file}: not a file (a folder?). Name .docx, .xlsx, .ods, .odt or .csv files.'
    ),
    'import.unreadable': '{file}: could not read the file ({reason}).',
    'import.unknown-format': (
        '{file}: import does not read «{suffix}» files. It reads: {known}. Save the plan table '
        'in one of these formats (in Word: File → Save As → Word Document).'
    ),
    'import.empty-file': '{file}: the file is empty (0 bytes).',
    'import.not-office': (
        '{file}: by its content this is not an Office document but {what}. Open it and save it '
        'as .docx, .xlsx, .odt or .ods.'
    ),
    'import.password': (
        '{file}: the file is protected by a password. Remove the password (in Word: File → '
        'Info → Protect Document) and import again.'
    ),
    'import.needs-office': (
        '{file}: an old Word file (.doc/.rtf) needs LibreOffice (the soffice command), which '
        'is not installed. Open it in Word or LibreOffice and save it as .docx (File → Save As '
        '→ Word Document), then import the .docx.'
    ),
    'import.convert-timeout': (
        '{file}: LibreOffice did not convert the file within {seconds} s. Save it as .docx by '
        'hand.'
    ),
    'import.convert-failed': (
        '{file}: LibreOffice could not convert the file to .docx {reason}. Save it as .docx by '
        'hand.'
    ),
    'import.too-large': '{file}: the file is too large ({size} MB; the limit is {limit} MB).',
    'import.broken-zip': (
        '{file}: the file is damaged (the Office archive cannot be read). Open it in Word, '
        'Excel or LibreOffice and save it again.'
    ),
    'import.zip-bomb': (
        '{file}: refused — the archive unpacks to too much ({detail}); this is not what a '
        'normal document looks like.'
    ),
    'import.zip-path': (
        '{file}: refused — the archive holds a member with an unsafe path «{member}».'
    ),
    'import.zip-duplicate': '{file}: refused — the archive holds «{member}» twice.',
    'import.encrypted': (
        '{file}: members of the archive are encrypted. Remove the password and save the file '
        'again.'
    ),
    'import.xml-dtd': (
        '{file}: refused — the part «{member}» declares a DTD/entities, which Office documents '
        'never do.'
    ),
    'import.too-many-rows': (
        '{file}: table {table} has more than {limit} rows — not a plan of activities; pick the '
        'table (--table) or split the file.'
    ),
    'import.broken-sheet': (
        '{file}: the workbook cannot be read ({reason}). Open it in Excel or LibreOffice and '
        'save it again.'
    ),
    'import.broken-odf': (
        '{file}: the LibreOffice document cannot be read ({reason}). Open it and save it again.'
    ),
    'import.broken-csv': '{file}: the CSV file cannot be read ({reason}).',
    'import.csv-encoding': '{file}: the CSV encoding could not be named. Save it as “CSV UTF-8”.',
    'import.no-sheet': '{file}: no sheet «{sheet}». Sheets: {known}.',
    'import.no-table': '{file}: there is no table {table} (the file has {count}).',
    'import.no-plan': (
        '{file}: no plan table found — no table has a header with columns such as '
        '«Мероприятие», «Сроки», «Ответственный», «Результат». Seen: {seen}. If the header '
        'says it otherwise, map the columns: --columns "Header=title,Header=due,…".'
    ),
    'import.no-tables': 'the document has no tables',
    'import.seen-table': 'table {table} ({rows}, first row: {heads})',
    'import.where-table': 'table {table}, row {row}',
    'import.where-sheet': 'sheet «{sheet}», row {row}',
    'import.where-column': ', column {column} «{header}»',
    'import.from-cell': ' [source: {file}, {cell}]',
    'import.header': 'Imported by clusterctl import from «{file}».',
    'import.header-tables': 'Read: {tables}. Check and complete the plan: clusterctl validate.',
    'import.header-table': 'table {table} ({rows} rows)',
    'import.header-sheet': 'sheet «{name}» ({rows} rows)',
    'import.untitled-section': 'Activities',
    'import.note-tracked-changes': (
        'the document has tracked changes: insertions were read, deletions skipped — check '
        'that this is the final version'
    ),
    'import.note-numbering': (
        "Word's numbering definitions are missing: list numbers were counted in row order — "
        'check the «№» column'
    ),
    'import.note-numbering-format': (
        'list numbering in the «{format}» format was not turned into numbers'
    ),
    'import.note-nested-table': "a table inside a cell was read as lines of that cell's text",
    'import.note-cell-cut': 'a cell longer than {limit} characters was cut',
    'import.note-columns-cut': 'table {table}: columns after the {limit}th were not read',
    'import.note-sheet-skipped': 'sheet «{sheet}» skipped ({reason})',
    'import.note-macros': (
        'a macro-enabled file: the tables were read, the macros neither run nor carried over'
    ),
    'import.note-converted': 'the old Word format was converted to .docx with LibreOffice',
    'import.exists': (
        '{path}: a plan is there already — not overwritten. Name another file (-o) or add '
        '--force to replace it.'
    ),
    'import.written': (
        '{source} → {path}: {tasks} tasks, {steps} steps; errors: {errors}, '
        'warnings: {warnings}'
    ),
    'import.refused': '{source}: not imported.',
    'import.out-and-many': (
        '-o names one plan file, but {count} files are to be imported: give --out-dir FOLDER.'
    ),
    'import.bad-columns': (
        '--columns: «{part}» is not understood. Write «Header=field» separated by commas; '
        'fields: {fields}, extra, skip.'
    ),
    'import.out-dir-missing': '--out-dir: no folder {path}.',
    'import.same-out': '{a} and {b} would both become {path}: import them one at a time with -o.',
    'import.dry-file': '{source}: format {kind}',
    'import.dry-table': '  table {table}{name}: {rows} × {width} — {what}',
    'import.dry-plan': 'plan, header in rows {first}–{last}, {data} data rows',
    'import.dry-continues': 'continues the previous table, {data} data rows',
    'import.dry-not-plan': 'not a plan (first row: {heads})',
    'import.dry-column': '    column {col} «{header}» → {field}',
    'import.dry-extra': 'extra column {id}',
    'import.dry-skip': 'skipped',
    'import.dry-title': '  project: «{title}»{period}',
    'import.dry-period': ', period «{period}»',
    'import.dry-groups': '  {stages} stages, {sections} sections; {tasks} tasks, {steps} steps',
    'import.dry-registries': '  {people} people, {roles} roles, {organisations} organisations',
    'import.dry-nothing-written': '(--dry-run: nothing written)',
    'import.what.pdf': 'a PDF',
    'import.what.rtf': 'RTF',
    'import.what.html': 'an HTML page',
    'import.what.image': 'an image',
    'import.what.text': 'plain text',
    'import.what.xml': 'XML',
    'import.what.zip': 'a zip archive',
    'import.what.binary': 'a binary file',
    'import.what.unknown': 'a file of an unknown kind',
    'import.what.ole': 'an old-format Office file',
    'import.dry-plan-one': 'plan, header in row {first}, {data} data rows',
    'import.table-section': 'Table {table}',
    'import.where-before': 'the paragraph before table {table}',
    'import.broken-docx': (
        '{file}: the Word document is damaged ({reason}). Open it in Word or LibreOffice and '
        'save it again as .docx.'
    ),
    # ------------------------------------------------------------------ sheet
    'sheet.as-of': 'As of',
    'sheet.source': 'Source',
    'sheet.page': 'page {page} of {pages}',
    'sheet.overdue': 'Overdue',
    'sheet.upcoming': 'Coming up',
    'sheet.meeting': 'Meeting agenda',
    'sheet.status': 'Progress',
    'sheet.who': 'Responsible',
    'sheet.person': "A person's items",
    'sheet.section.week': 'Week',
    'sheet.section.project': 'Project',
    'sheet.section.meeting': 'Meeting',
    'sheet.section.stage': 'Stage (section)',
    # ------------------------------------------------------------------ pdf
    'pdf.missing': (
        "PDF is made by WeasyPrint, which is not installed or cannot find the system's "
        "libraries ({reason}). Install it: pip install 'clusterctl[pdf]' (Debian/Ubuntu also "
        'need the package libpango-1.0-0).'
    ),
}
