"""The machine formats of a query's answer: JSON and CSV, for scripts and spreadsheets, with
stable English field names, ISO dates and the raw values of the query's dataclasses.

JSON is the standard library's indented layout. When orjson is installed (the `fast` extra)
it writes the same bytes about ten times faster, straight from the answer's dataclasses:
`_orjson` is the one place that knows of it. Where the two could differ, the standard
library writes the answer: orjson refuses a value it does not know (a named tuple, an
integer past 64 bits, a lone surrogate), and its output is not used if it holds a float
below 1e-4, which the two write differently («1e-05» and «0.00001»; a text that looks like
one only costs the slower writer). The answers hold no NaN or infinity (their only floats
are shares of counts), the one other float the two write differently.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import enum
import importlib
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

_PLAIN = (str, int, bool, type(None))


def jsonable(value: Any) -> Any:
    """A query result as JSON data: dataclasses as objects (fields in their order), dates as
    YYYY-MM-DD, enums as their values, tuples as lists."""
    kind = type(value)
    if kind in _PLAIN or kind is float:
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: jsonable(getattr(value, name)) for name in _field_names(kind)}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return jsonable(value.value)
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value  # anything else: the standard library decides (or refuses)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    """A dataclass's field names, looked up once per class (an answer has ~10^5 values)."""
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(kind))
    return names


@cache
def _orjson() -> Any:
    """orjson, when installed (the `fast` extra), else None."""
    try:  # by name: mypy must not need orjson, an optional dependency
        return importlib.import_module("orjson")
    except ImportError:
        return None


_DIGITS = frozenset(b"0123456789")


def _small_float(written: bytes) -> bool:
    """Whether orjson's `written` may hold a float below 1e-4, which it writes «2.5e-7» or
    «0.00001» (the standard library «2.5e-07», «1e-05»). Found with `bytes.find` (a regex
    takes a second over 14 MB); texts such as «science-0» are told apart by the bytes
    around."""
    at = written.find(b"e-")
    while at != -1:
        if at and written[at - 1] in _DIGITS and written[at + 2:at + 3].isdigit():
            return True
        at = written.find(b"e-", at + 2)
    at = written.find(b"0.0000")
    while at != -1:
        if not at or (written[at - 1] not in _DIGITS and written[at - 1] != ord(".")):
            return True
        at = written.find(b"0.0000", at + 6)
    return False


def render_json(data: Any) -> bytes:
    """Indented JSON (2 spaces, UTF-8 text as is, a final line break) as UTF-8 bytes."""
    fast = _orjson()
    if fast is not None:
        try:
            written = bytes(fast.dumps(data, option=fast.OPT_INDENT_2))
        except (TypeError, ValueError):  # a value orjson does not write as we need
            pass
        else:
            if not _small_float(written):
                return written + b"\n"
    plain = jsonable(data)
    text = json.dumps(plain, ensure_ascii=False, indent=2) + "\n"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: no UTF-8 for it, so JSON's own escapes
        return (json.dumps(plain, indent=2) + "\n").encode("ascii")


def csv_value(value: Any) -> str:
    """One CSV cell: ISO dates, lists joined with "; ", booleans as true/false, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (list, tuple)):
        return "; ".join(csv_value(v) for v in value)
    return str(value)


def render_csv(fields: Sequence[str], records: Iterable[Mapping[str, Any]]) -> str:
    """CSV with a header row of `fields` (RFC 4180: commas, quotes doubled, CRLF lines).
    A record's `extra` mapping (the plans' extra columns) becomes columns "extra.ID" after
    them, in the order they first appear."""
    rows = list(records)
    extra = list(dict.fromkeys(key for row in rows for key in (row.get("extra") or {})))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([*fields, *("extra." + key for key in extra)])
    for row in rows:
        cells = row.get("extra") or {}
        writer.writerow([csv_value(row.get(name)) for name in fields]
                        + [csv_value(cells.get(key)) for key in extra])
    return buffer.getvalue()


def record(value: Any, **extra: Any) -> dict[str, Any]:
    """A dataclass's fields as a flat mapping (for CSV), with `extra` fields added."""
    data = {name: getattr(value, name) for name in _field_names(type(value))}
    data.update(extra)
    return data
