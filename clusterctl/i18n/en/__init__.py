"""English messages of clusterctl: key -> text with {name} placeholders.

The keys are the codes of findings (`unreadable`, its hint `unreadable.hint`) and the
commands' messages (`write.failed`, `edit.done-in-future`…); `clusterctl/i18n/ru/` has the
same keys (a test checks it). The files are by area: findings in plans (`plans`), the
commands (`commands`), the documents (`documents`).
"""

from __future__ import annotations

from clusterctl.i18n.en import commands, documents, plans

MESSAGES: dict[str, str] = {**plans.MESSAGES, **commands.MESSAGES, **documents.MESSAGES}
