"""The published JSON Schema of plan files (`clusterctl schema`, `schema/plan.schema.json`)."""

from __future__ import annotations

import json


def schema_text() -> str:
    from clusterctl.models import plan_json_schema

    return json.dumps(plan_json_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
