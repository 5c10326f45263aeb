"""The merged directory and `who`, built for speed, against a plain statement of their rules.

`Directory` merges the registries of thousands of plans in the parent process and `who`
tallies their units there, so both are written for speed: registries carry only what the
merge needs, nodes are numbers, the lookups are derived lazily, the rows are keyed by entry
numbers. `_reference` below restates the merge the simple way (as it was first written): the
two must agree exactly on random plans written to collide (spellings that fold alike,
initials, typos, roles named like people, the same person in several plans), and so must the
counts and items of `who` with what a direct count over the plans gives.
"""

from __future__ import annotations

import dataclasses
import datetime
import random
from typing import Any

import pytest

from clusterctl import queries
from clusterctl.cache import dump_part, load_part
from clusterctl.directory import Directory, Duty, Responsible, _duty, _responsible
from clusterctl.models import Plan
from clusterctl.plan import PlanIndex, build_index, initials_form, normalise_name
from clusterctl.queries import (
    Filters,
    PersonLoad,
    _person_load,
    deadline_span,
    path_text,
    plan_units,
)

TODAY = datetime.date(2026, 11, 22)

# ---------------------------------------------------------------------------- random plans

_SURNAMES = ["Иванова", "Петрова", "Ёлкина", "Елкина", "Ли"]
_NAMES = ["Ирина", "Инна", "Анна"]
_PATRONYMICS = ["Валерьевна", "Викторовна"]
_ROLES = ["Руководители ОО", "руководители  оо", "Иванова И.В.", "Рабочая группа", "Ли"]
_DUES = [None, "до 01.12.2026", "до 20.11.2026", "до 30.11.2026", "15.01.2027", "декабрь 2026"]


def _spellings(rng: random.Random) -> list[str]:
    s, g, p = rng.choice(_SURNAMES), rng.choice(_NAMES), rng.choice(_PATRONYMICS)
    full = f"{s} {g} {p}"
    initials = f"{s} {g[0]}.{p[0]}."
    # a trailing dot: the same folded name, but not a full name ("Валерьевна." ends a short form)
    return [full, initials, f"{s} {g[0]}. {p[0]}.", full + ".", full.lower(), initials.upper(),
            f"{s} {g}", s, full.replace("Ё", "Е")]


def _plan(rng: random.Random, pos: int) -> PlanIndex:
    people: list[dict[str, Any]] = []
    for k in range(rng.randint(0, 5)):
        v = _spellings(rng)
        person: dict[str, Any] = {"id": rng.choice([f"p{k}", f"p{rng.randint(0, 5)}", "li"]),
                                  "name": rng.choice(v)}
        if rng.random() < 0.5:
            person["full_name"] = rng.choice([v[0], v[3], v[4], v[1]])
        if rng.random() < 0.4:
            person["aliases"] = rng.sample([*v, ""], rng.randint(1, 3))
        for field in ("position", "email", "phone"):
            if rng.random() < 0.3:
                person[field] = rng.choice(["", f"{field}-{rng.randint(0, 2)}"])
        people.append(person)
    roles: list[dict[str, Any]] = []
    for k in range(rng.randint(0, 3)):
        role: dict[str, Any] = {"id": rng.choice([f"r{k}", "heads"]), "name": rng.choice(_ROLES)}
        if rng.random() < 0.3:
            role["aliases"] = rng.sample(_ROLES, rng.randint(1, 2))
        roles.append(role)

    def ref() -> str:
        roll = rng.random()
        if roll < 0.25 and people:
            person = rng.choice(people)
            return str(rng.choice([person["id"], person["name"] or person["id"]]))
        if roll < 0.35 and roles:
            return str(rng.choice([*rng.choice(roles).values()][:2]))
        return rng.choice([*_spellings(rng)[:5], "Неизвестный", "ab", "1"]).strip()

    def refs(most: int, least: int = 0) -> list[str]:
        return [ref() for _ in range(rng.randint(least, most))]

    clusters = [{"id": f"c{k}", "title": f"Кластер {k}", "curators": refs(2), "leads": refs(2)}
                for k in range(rng.randint(0, 2))]

    def task(number: int) -> dict[str, Any]:
        status = rng.choice(["planned", "planned", "in_progress", "done", "cancelled"])
        work: dict[str, Any] = {"id": str(number), "title": "T", "responsible": refs(3, 1),
                                "status": status, "due": rng.choice(_DUES)}
        if status in ("done", "cancelled"):
            work[f"{status}_on"] = "2026-01-01"
        if clusters and rng.random() < 0.5:
            work["cluster"] = rng.choice(clusters)["id"]
        if rng.random() < 0.3:
            work["steps"] = [{"title": "s", "responsible": refs(2), "due": rng.choice(_DUES)}
                             for _ in range(rng.randint(1, 3))]
        return work

    return build_index(Plan.model_validate({
        "project": {"id": rng.choice([f"p{pos}", "same"]), "title": "P",
                    "leads": refs(2), "curators": refs(2)},
        "people": people, "roles": roles, "clusters": clusters,
        "stages": [{"id": str(k + 1), "title": "S", "tasks": [task(10 * k + t) for t in range(3)]}
                   for k in range(rng.randint(0, 2))],
        "tasks": [task(100 + t) for t in range(rng.randint(0, 4))],
    }))


def _plans(seed: int) -> list[PlanIndex]:
    rng = random.Random(seed)
    return [_plan(rng, pos) for pos in range(rng.randint(1, 6))]


SEEDS = range(40)

# ---------------------------------------------------------------------------- the reference


def _keys(names: list[str | None]) -> list[str]:
    return list(dict.fromkeys(normalise_name(n) for n in names if n))


def _reference(indexes: list[PlanIndex]) -> tuple[dict[str, Responsible], list[dict[str, str]],
                                                  dict[str, set[str]]]:
    """(entries, {reference: key} of each plan, {lookup key: entry keys}) as the merge was
    first written: every entry of every plan a node (plan, kind, number or folded name)."""
    found: dict[tuple[Any, ...], dict[str, Any]] = {}
    refs: list[dict[str, tuple[Any, ...]]] = []
    for pos, index in enumerate(indexes):
        plan = index.plan
        for k, person in enumerate(plan.people):
            names = [person.name, person.full_name, *person.aliases]
            forms = [initials_form(n) if n else None for n in names]
            found[(pos, 0, k)] = dict(
                spellings=[n for n in names if n], strong=_keys(names), weak=_keys(forms),
                lookup=_keys([*names, *forms, person.id]), contact=person)
        for k, role in enumerate(plan.roles):
            names = [role.name, *role.aliases]
            found[(pos, 1, k)] = dict(
                spellings=names, strong=_keys(["role:" + n for n in names]), weak=[],
                lookup=_keys([*names, role.id]), contact=None)
        mine: dict[str, tuple[Any, ...]] = {}
        mentioned = [*plan.project.leads, *plan.project.curators]
        for cluster in plan.clusters:
            mentioned += [*cluster.curators, *cluster.leads]
        for item in index.items:
            mentioned += item.work.responsible
        for ref in mentioned:
            person, role = index.person(ref), index.role(ref)
            if person is not None:
                mine[ref] = (pos, 0, next(k for k, p in enumerate(plan.people) if p is person))
            elif role is not None:
                mine[ref] = (pos, 1, next(k for k, r in enumerate(plan.roles) if r is role))
            else:
                folded = normalise_name(ref)
                node = mine[ref] = (pos, 2, folded.zfill(6), folded)
                if node not in found:
                    form = initials_form(ref)
                    found[node] = dict(spellings=[ref], strong=_keys([ref]), weak=_keys([form]),
                                       lookup=_keys([ref, form]), contact=None)
        refs.append(mine)
    nodes = sorted(found)
    parent = {node: node for node in nodes}

    def root(node: tuple[Any, ...]) -> tuple[Any, ...]:
        while parent[node] != node:
            node = parent[node]
        return node

    def union(a: tuple[Any, ...], b: tuple[Any, ...]) -> None:
        ra, rb = sorted((root(a), root(b)))
        parent[rb] = ra

    strong: dict[str, list[tuple[Any, ...]]] = {}
    weak: dict[str, list[tuple[Any, ...]]] = {}
    for node in nodes:
        for key in found[node]["strong"]:
            strong.setdefault(key, []).append(node)
        for key in found[node]["weak"]:
            weak.setdefault(key, []).append(node)
    for group in strong.values():
        for other in group:
            union(group[0], other)
    for key, derived in weak.items():
        if len({root(n) for n in derived}) == 1 and key in strong:
            for other in strong[key]:
                union(derived[0], other)

    members: dict[tuple[Any, ...], list[tuple[Any, ...]]] = {}
    for node in nodes:
        members.setdefault(root(node), []).append(node)
    key_of: dict[tuple[Any, ...], str] = {}
    fields: list[dict[str, Any]] = []
    for top, group in members.items():
        kinds = {n[1] for n in group}
        kind = "person" if 0 in kinds else "role" if 1 in kinds else "unknown"
        written: dict[str, str] = {}
        for n in group:
            for spelling in found[n]["spellings"]:
                written.setdefault(normalise_name(spelling), spelling)
        name = next(iter(written.values()))
        people = [n for n in group if n[1] == 0]
        if people:
            spelled = [s for n in people for s in found[n]["spellings"]]
            full = [s for s in spelled
                    if initials_form(s) is not None and len(s.split()) >= 3]
            name = (full or spelled)[0]
        contact = [found[n]["contact"] for n in people]
        base = key = f"{kind}:{normalise_name(name)}"
        number = 1
        while key in key_of.values():
            number += 1
            key = f"{base}#{number}"
        key_of[top] = key
        fields.append(dict(
            key=key, name=name, kind=kind, spellings=tuple(written.values()),
            projects=tuple(dict.fromkeys(indexes[n[0]].plan.project.id for n in group)),
            **{f: next((getattr(c, f) for c in contact if getattr(c, f)),
                       getattr(contact[-1], f) if contact else None)
               for f in ("position", "email", "phone")},
        ))
    plan_keys = [{ref: key_of[root(node)] for ref, node in mine.items()} for mine in refs]
    duties: dict[str, list[Duty]] = {}
    for pos, index in enumerate(indexes):
        project = index.plan.project
        listed = [("curator", r, None) for r in project.curators]
        listed += [("lead", r, None) for r in project.leads]
        for cluster in index.plan.clusters:
            listed += [("curator", r, cluster.id) for r in cluster.curators]
            listed += [("lead", r, cluster.id) for r in cluster.leads]
        for kind, ref, cluster_id in listed:
            mine_duties = duties.setdefault(plan_keys[pos][ref], [])
            duty = Duty(kind, project.id, cluster_id)
            if duty not in mine_duties:
                mine_duties.append(duty)
    entries = {f["key"]: Responsible(duties=tuple(duties.get(f["key"], ())), **f)
               for f in fields}
    lookup: dict[str, set[str]] = {}
    for node in nodes:
        for key in found[node]["lookup"]:
            lookup.setdefault(key, set()).add(key_of[root(node)])
    return entries, plan_keys, lookup


# ---------------------------------------------------------------------------- directory


@pytest.mark.parametrize("seed", SEEDS)
def test_the_directory_merges_as_the_reference_does(seed: int) -> None:
    indexes = _plans(seed)
    entries, plan_keys, lookup = _reference(indexes)
    directory = Directory(indexes)
    assert list(directory.entries.items()) == list(entries.items())
    for pos, keys in enumerate(plan_keys):
        assert list(directory.keys_of(pos).items()) == list(keys.items())
    registries = [load_part(dump_part(queries.WhoQuery(TODAY).part(i))).registry
                  for i in indexes]  # as the command line merges: from cached parts
    assert list(Directory.from_registries(registries).entries.items()) == list(entries.items())
    for key, means in lookup.items():
        if key:
            assert directory.find(key) == sorted(means), key
    for entry in entries.values():
        assert directory.folded_name(entry.key) == normalise_name(entry.name)


def test_the_random_plans_reach_the_rare_cases() -> None:
    """The merge's rare branches are met: names in no registry, people in several plans, a
    full name first written with a trailing dot (so not the spelling kept), duties."""
    entries = [e for seed in SEEDS for e in _reference(_plans(seed))[0].values()]
    assert any(e.kind == "unknown" for e in entries)
    assert any(e.kind == "role" and len(e.projects) > 1 for e in entries)
    assert any(e.duties for e in entries)
    assert any(e.kind == "person" and len(e.projects) > 1 for e in entries)
    assert any(e.name + "." in e.spellings for e in entries)


# ---------------------------------------------------------------------------- who


def _direct_counts(indexes: list[PlanIndex], query: queries.WhoQuery) -> dict[str, list[Any]]:
    """{key: [open, overdue, due soon, next due]} counted unit by unit over the plans."""
    _, plan_keys, _ = _reference(indexes)
    scope = queries.Scope.of(query.filters)
    counts: dict[str, list[Any]] = {}
    for pos, index in enumerate(indexes):
        if not scope.plan(index):
            continue
        for item, deadline, state in plan_units(index, scope, TODAY):
            for key in dict.fromkeys(plan_keys[pos][r] for r in item.responsible):
                tally = counts.setdefault(key, [0, 0, 0, None])
                if state not in queries.OPEN or not scope.status(state, queries.OPEN):
                    continue
                _, due = deadline_span(deadline)
                tally[0] += 1
                tally[1] += due is not None and due < TODAY
                tally[2] += due is not None and TODAY <= due <= query.soon_until
                if due is not None and due >= TODAY and (tally[3] is None or due < tally[3]):
                    tally[3] = due
    return counts


@pytest.mark.parametrize("seed", SEEDS[:20])
@pytest.mark.parametrize("filters", [
    Filters(), Filters(statuses=("done",)), Filters(stages=("1",)), Filters(clusters=("c0",)),
])
def test_who_counts_what_a_direct_count_gives(seed: int, filters: Filters) -> None:
    indexes = _plans(seed)
    query = queries.WhoQuery(TODAY, filters, soon_days=7)
    try:
        answer = query.run(indexes)
    except queries.UnknownFilterValue:
        return  # no such stage or cluster in these plans
    counts = _direct_counts(indexes, query)
    entries = _reference(indexes)[0]
    for load in answer.people:
        assert [load.open, load.overdue, load.due_soon, load.next_due] == counts.get(
            load.key, [0, 0, 0, None])
        entry = entries[load.key]
        assert (load.name, load.kind, load.spellings, load.projects, load.position) == (
            entry.name, entry.kind, entry.spellings, entry.projects, entry.position)
    listed = {load.key for load in answer.people}
    assert listed >= set(counts)
    assert [p.key for p in answer.people] == sorted(
        listed, key=lambda k: (normalise_name(entries[k].name), entries[k].kind, k))


@pytest.mark.parametrize("seed", SEEDS[:20])
def test_who_name_lists_the_units_of_the_entries_it_means(seed: int) -> None:
    indexes = _plans(seed)
    _, plan_keys, lookup = _reference(indexes)
    for name in sorted(lookup)[::7]:
        if not name:
            continue
        wanted = set(Directory(indexes).find(name))
        answer = queries.who(indexes, TODAY, name)
        assert {p.key for p in answer.people} == wanted
        expected = []
        for pos, index in enumerate(indexes):
            for item, _, state in plan_units(index, queries.Scope.of(Filters()), TODAY):
                owners = tuple(dict.fromkeys(
                    plan_keys[pos][r] for r in item.responsible if plan_keys[pos][r] in wanted))
                if owners and state in queries.OPEN:
                    expected.append((index.plan.project.id, path_text(item.path), owners))
        got = [(i.project, i.path, i.owners) for i in answer.items]
        assert sorted(got) == sorted(expected)


# ---------------------------------------------------------------------------- constructors


def test_the_fast_constructors_make_the_dataclasses_objects() -> None:
    """`_responsible`, `_person_load` and `_duty` set every field, as the classes' own
    __init__ (the last two through `__dict__`, in the fields' order)."""
    duty = Duty("lead", "p", None)
    values: dict[str, Any] = dict(key="person:a", name="A", kind="person", spellings=("A",),
                                  projects=("p",), duties=(duty,), position="x")
    made = Responsible(**values, email=None, phone="1")
    fast = _responsible(*values.values(), None, "1")
    assert fast == made and hash(fast) == hash(made)
    assert [getattr(fast, f.name) for f in dataclasses.fields(Responsible)] == [
        getattr(made, f.name) for f in dataclasses.fields(Responsible)]
    load = PersonLoad(**values, open=3, overdue=1, due_soon=0, next_due=TODAY)
    fast_load = _person_load(*values.values(), 3, 1, 0, TODAY)
    assert fast_load == load and hash(fast_load) == hash(load)
    assert [getattr(fast_load, f.name) for f in dataclasses.fields(PersonLoad)] == [
        getattr(load, f.name) for f in dataclasses.fields(PersonLoad)]
    assert fast_load.__dict__ == load.__dict__  # what orjson writes, in the same order
    assert list(fast_load.__dict__) == [f.name for f in dataclasses.fields(PersonLoad)]
    assert _duty("lead", "p", None).__dict__ == duty.__dict__ and _duty("lead", "p", None) == duty
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.name = "B"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast_load.open = 4  # type: ignore[misc]
