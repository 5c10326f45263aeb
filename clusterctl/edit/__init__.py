"""Changing a plan file in place: the commands (`commands`: done, reschedule, cancel, status),
how a task reference is found (`refs`), and how only the lines of one task are rewritten
(`splice`). The file is written atomically under a lock, with every other byte kept."""

from clusterctl.edit.commands import EditResult, cancel, mark_done, reschedule, set_status
from clusterctl.edit.refs import resolve_ref

__all__ = ["EditResult", "cancel", "mark_done", "reschedule", "resolve_ref", "set_status"]
