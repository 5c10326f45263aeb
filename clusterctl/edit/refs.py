"""Naming a task or step in an edit: `REF` as users type it — «8», «8.2» (the second step of
task 8, or a step's own id), «II/1.1» when ids repeat across stages. Unknown or ambiguous
references are refused with the candidates."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from clusterctl.errors import PlanWriteError
from clusterctl.i18n import quote, t
from clusterctl.model.index import Item, PlanIndex
from clusterctl.model.names import closest_names, normalise_name


def refused(key: str, lang: str, **params: Any) -> PlanWriteError:
    """An edit refused, with the message of `key` in `lang`."""
    return PlanWriteError(t(key, lang, **params))


def _norm(ref: str) -> str:
    """Refs compare like names: case, «ё», spaces and a final dot folded ("8." is "8")."""
    return normalise_name(ref)


def what(item: Item, lang: str, capital: bool = False, genitive: bool = False) -> str:
    """"task"/"step" in `lang` (genitive where Russian needs it), capitalised if asked."""
    word = t("word." + ("step" if item.is_step else "task") + ("-of" if genitive else ""), lang)
    return word[:1].upper() + word[1:] if capital else word


def shown_ref(item: Item, qualified: bool = False) -> str:
    """"8.2", or "II/1.1" when `qualified` and the item is in a stage."""
    if qualified and item.stage is not None:
        return f"{item.stage.id}/{item.ref}"
    return item.ref


def _label(item: Item, lang: str) -> str:
    title = " ".join(item.title.split())
    if len(title) > 60:
        title = title[:57].rstrip() + "…"
    return f"{shown_ref(item, True)} ({quote(title, lang)})" if title else shown_ref(item, True)


def addressable(index: PlanIndex) -> list[Item]:
    return [item for item in index.items if not item.ref.startswith("?")]


def resolve_ref(index: PlanIndex, ref: str, file: str = "", lang: str = "ru") -> Item:
    """The task or step `ref` names; PlanWriteError (with candidates) if none or several."""
    if not ref.strip():
        raise refused("edit.empty-ref", lang)
    items = addressable(index)
    stage_key: str | None = None
    wanted = _norm(ref)
    if "/" in ref:
        head, _, tail = ref.partition("/")
        stage_ids = {_norm(s.id) for s in index.plan.stages}
        whole = [i for i in items if _norm(i.ref) == wanted]
        if not whole:  # "II/1.1" (an id with a slash would be matched as a whole first)
            if _norm(head) not in stage_ids:
                stages = ", ".join(s.id for s in index.plan.stages) or "—"
                raise refused("edit.unknown-stage", lang, file=file,
                              stage=quote(head.strip(), lang), stages=stages)
            stage_key, wanted = _norm(head), _norm(tail)
    pool = items if stage_key is None else [
        i for i in items if i.stage is not None and _norm(i.stage.id) == stage_key
    ]
    found = [i for i in pool if _norm(i.ref) == wanted]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        names = ", ".join(_label(i, lang) for i in found)
        in_stages = {i.stage_id for i in found}
        if stage_key is None and len(in_stages) == len(found) and None not in in_stages:
            example = quote(shown_ref(found[-1], True), lang)
            raise refused("edit.ambiguous-ref", lang, ref=quote(ref.strip(), lang), file=file,
                           names=names, example=example)
        raise refused("edit.ambiguous-in-stage", lang, ref=quote(ref.strip(), lang), file=file,
                       names=names)
    message = t("edit.unknown-ref", lang, file=file, ref=quote(ref.strip(), lang))
    stage_name = ref.partition("/")[0].strip()
    shown = _unique(shown_ref(i, stage_key is None and repeats(pool, i)) for i in pool)
    close = set(closest_names(wanted, shown, limit=5, cutoff=0.5))
    if close:
        names = ", ".join(quote(s, lang) for s in shown if s in close)  # in plan order
        message += t("edit.closest", lang, names=names)
    elif shown:
        listed = shown[:15]
        more = "…" if len(shown) > len(listed) else ""
        names = ", ".join(listed) + more
        message += (t("edit.known-refs", lang, names=names) if stage_key is None
                    else t("edit.known-refs-stage", lang, stage=stage_name, names=names))
    raise PlanWriteError(message)


def repeats(items: Sequence[Item], item: Item) -> bool:
    key = _norm(item.ref)
    return sum(1 for i in items if _norm(i.ref) == key) > 1


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
