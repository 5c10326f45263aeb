"""Documents: templates and their errors, the documents' words, the letters."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # ------------------------------------------------------------------ template
    'template-syntax': 'template syntax error: {detail}',
    'template-syntax.hint': (
        'Check that {{{{ }}}}, {{% %}} and the closing {{% end… %}} tags match '
        '(docs/templates.md).'
    ),
    'template-undefined': 'unknown variable or field in the template: {detail}',
    'template-undefined.hint': (
        '{suggestion}The variables and their fields are listed in docs/templates.md.'
    ),
    'template-not-found': "template '{name}' not found (looked in: {where})",
    'template-not-found.hint': (
        'Check the name; the built-in templates: clusterctl templates list.'
    ),
    'template-unsafe': 'the template reaches for something it may not use: {detail}',
    'template-unsafe.hint': (
        'Templates run in a sandbox: private attributes (__class__ etc.) and files outside the '
        'template folders are refused.'
    ),
    'template-not-a-file': "the template '{name}' is not a regular file ({what})",
    'template-not-a-file.hint': 'A template must be a text file; remove or rename {where}.',
    'template-limit': 'the template went over a limit: {detail}',
    'template-limit.hint': (
        'Check loops, recursive macros and templates that include themselves; the time limit '
        'is set with --timeout (docs/templates.md).'
    ),
    'template-error': 'error while filling in the template: {detail}',
    'template-error.hint': (
        'Check the expression on this line (filters and their arguments: docs/templates.md).'
    ),
    'template.limit.time': 'filling in the template took over {seconds} s',
    'template.limit.output': 'the document is longer than {millions} million characters',
    'template.limit.memory': 'the template needed over {millions} MB of memory',
    'template.limit.recursion': (
        'recursion too deep (a macro calls itself or a template includes itself)'
    ),
    'template.limit.power': '{left} ** {right} is too large a number',
    'template.limit.sequence-times': (
        'a sequence of {size} × {times} items is over the limit ({limit})'
    ),
    'template.limit.sequence': 'a sequence over the limit ({limit} items)',
    'template.limit.range': 'range() of {size} items is over the limit ({limit})',
    'template.outside': "'{name}' lies outside the template folders",
    'template.file-kind.folder': 'a folder',
    'template.file-kind.pipe': 'a named pipe',
    'template.file-kind.device': 'a device',
    'template.file-kind.special': 'a special file',
    # ------------------------------------------------------------------ doc
    'doc.status.planned': 'planned',
    'doc.status.in_progress': 'in progress',
    'doc.status.done': 'done',
    'doc.status.cancelled': 'cancelled',
    'doc.due-kind.date': 'date',
    'doc.due-kind.range': 'period',
    'doc.due-kind.before': 'by',
    'doc.due-kind.ongoing': 'ongoing',
    'doc.due-kind.unscheduled': 'on a separate schedule',
    'doc.due-kind.recurring': 'recurring',
    'doc.recurrence.weekly': 'weekly',
    'doc.recurrence.monthly': 'monthly',
    'doc.recurrence.quarterly': 'quarterly',
    'doc.recurrence.twice_yearly': 'twice a year',
    'doc.recurrence.yearly': 'yearly',
    'doc.org-kind.school': 'school',
    'doc.org-kind.kindergarten': 'kindergarten',
    'doc.org-kind.centre': 'centre',
    'doc.org-kind.authority': 'education authority',
    'doc.org-kind.university': 'university',
    'doc.org-kind.college': 'college',
    'doc.org-kind.institute': 'institute',
    'doc.org-kind.company': 'company',
    'doc.org-kind.other': 'other',
    'doc.project-kind.project': 'project',
    'doc.project-kind.programme': 'programme',
    'doc.project-kind.roadmap': 'roadmap',
    'doc.school-number': 'school No. {number}',
    'doc.note.done': 'done',
    'doc.note.cancelled': 'cancelled',
    'doc.note.moved': 'deadline moved: {previous}{to} ({reason})',
    'doc.note.overdue': 'overdue by {days}',
    'doc.note.in-progress': 'in progress',
    'doc.stage-state.unknown': 'no dates given',
    'doc.stage-state.future': 'not started',
    'doc.stage-state.past': 'finished',
    'doc.stage-state.current': 'running',
    'doc.stage-word': 'stage',
    'doc.stage-heading': 'Stage {id}. {title}',
    'doc.loose-tasks': 'Tasks',
    'doc.resources.staff': 'Staff',
    'doc.resources.information': 'Information',
    'doc.resources.education': 'Education',
    'doc.resources.organisation': 'Organisation',
    'doc.resources.material': 'Material and equipment',
    'doc.resources.other': 'Other',
    'doc.project-state.stage': 'stage {id} — {title}',
    'doc.project-state.no-dates': 'unknown: the plan gives no dates of its stages or project',
    'doc.project-state.stage-starts': ': stage {id} starts on {day}',
    'doc.project-state.starts': ': it starts on {day}',
    'doc.project-state.before': 'not started yet',
    'doc.project-state.finished': 'finished on {day}',
    'doc.project-state.between': 'between stages: stage {id} starts on {day}',
    'doc.project-state.running': 'running ({period})',
    'doc.project-state.unknown': 'unknown',
    'doc.report.share': "{count} of the district's {total} schools ({percent} %)",
    'doc.report.share-unknown': (
        "{schools}; the district's number of schools is not given (rules.district_schools)"
    ),
    'doc.report.common': "The programme's common events",
    'doc.plan': 'Plan',
    'doc.kind.roadmap': 'Roadmap',
    'doc.kind.passport': 'Project passport',
    'doc.kind.report': 'Cluster report',
    'doc.kind.note': 'Analytic note',
    'doc.kind.announcement': 'Event announcement',
    'doc.kind.press-release': 'Press release',
    'doc.kind.agenda': 'Meeting agenda',
    'doc.award-source.plan': 'plan',
    'doc.gantt.empty': (
        'The plan has no dated deadlines: there is nothing to draw a timeline from.'
    ),
    'doc.gantt.label': 'Timeline: {title}',
    'doc.gantt.today': 'today {date}',
    'doc.gantt.no-due': 'no deadline',
    'doc.note.occurrences': '{done} of {total} occurrences done',
    # ------------------------------------------------------------------ letter
    'letter.title': 'event title',
    'letter.goal': 'goal of the event',
    'letter.summary': 'summary',
    'letter.participants': 'participants',
    'letter.date': 'date',
    'letter.time': 'time',
    'letter.place': 'place',
    'letter.expected_participants': 'expected number of participants',
    'letter.registration_url': 'registration link',
    'letter.participants_count': 'number of participants',
    'letter.organisations': 'schools taking part',
    'letter.feedback': 'feedback',
    'letter.photos': 'photo links',
    'letter.hashtags': 'hashtags',
    'letter.missing': '[missing: {label}]',
}
