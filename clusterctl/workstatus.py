"""The status of a task or step (`status:` in a plan).

Kept apart from :mod:`clusterctl.models` (which re-exports it) so that the query modules can
use it without building the pydantic models: a query answered from cached parts never
needs them (see `clusterctl.cache`).
"""

from __future__ import annotations

import enum


class Status(str, enum.Enum):
    planned = "planned"
    in_progress = "in_progress"
    done = "done"
    cancelled = "cancelled"
