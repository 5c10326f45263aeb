"""Русские сообщения clusterctl: ключ -> текст с подстановками {name}.

Ключи — коды находок (`unreadable`, подсказка — `unreadable.hint`) и сообщения команд
(`write.failed`, `edit.done-in-future`…). Тексты пишутся для методистов: что не так и что
сделать. Тот же набор ключей — в `clusterctl/i18n/en/` (это проверяет тест). Файлы — по
областям: находки в планах (`plans`), команды (`commands`), документы (`documents`).
"""

from __future__ import annotations

from clusterctl.i18n.ru import commands, documents, plans

MESSAGES: dict[str, str] = {**plans.MESSAGES, **commands.MESSAGES, **documents.MESSAGES}
