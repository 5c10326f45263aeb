"""Responsibles merged across plans: who is who when plans spell people differently.

Built in two steps so that the plans need not be in one process: :func:`registry_of` takes
what one plan says about its people (small, picklable: it is computed in the worker process
that checked the plan), and :meth:`Directory.from_registries` merges the registries of all
plans. ``Directory(sources)`` does both for plans at hand.

Within a plan a name is resolved by its registry (id, name, full name, "Фамилия И.О." form,
aliases). Across plans, two entries are one person when they share a spelling (name, full
name or alias, compared case- and ё-insensitively) or when one writes the other's full name
in "Фамилия И.О." form and no other full name has that form. Roles merge by name; names in
no registry stay as written (a typo stays a separate entry).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from clusterctl.plan import PlanIndex, initials_form, normalise_name
from clusterctl.tables import json_plain

__all__ = ["Directory", "Duty", "Registry", "Responsible", "registry_of"]


@json_plain
@dataclass(frozen=True, slots=True)
class Duty:
    """A standing role of a person: curator or lead of a project or of one of its clusters."""

    kind: str
    """"curator" or "lead"."""
    project: str
    cluster: str | None
    """The cluster's id; None for the project itself."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Responsible:
    """One responsible across all plans: a person, a role, or a name not in any registry."""

    key: str
    """Stable key of the merged entry (used by filters)."""
    name: str
    """The name to show: a full name when some plan gives one."""
    kind: str
    """"person", "role", or "unknown" (written in a plan but in no registry)."""
    spellings: tuple[str, ...]
    """Every way the plans write this responsible."""
    projects: tuple[str, ...]
    """Ids of the projects that mention it."""
    duties: tuple[Duty, ...]
    position: str | None
    email: str | None
    phone: str | None


LocalNode = tuple[str, int | str]
"""A registry entry of one plan: ("p", person number) | ("r", role number) | ("u", name key)."""
_Node = tuple[str, int, int | str]
"""The same with the plan's position among all plans."""


class Entry(NamedTuple):
    """One person, role or unregistered name of a plan, with its keys already folded.

    (Registries travel between processes: named tuples unpickle ~3x faster than frozen
    dataclasses.)"""

    node: LocalNode
    spellings: tuple[str, ...]
    norms: tuple[str, ...]
    """`normalise_name` of each spelling."""
    full: tuple[bool, ...]
    """Whether each spelling is a full three-part name."""
    strong: tuple[str, ...]
    """Keys that merge entries across plans (names, full names, aliases)."""
    weak: tuple[str, ...]
    """"Фамилия И.О." forms, which merge only when unambiguous."""
    lookup: tuple[str, ...]
    """Keys a user may type to find it (adds ids)."""
    position: str | None = None
    email: str | None = None
    phone: str | None = None


class Registry(NamedTuple):
    """What one plan says about its responsibles (see :func:`registry_of`)."""

    project: str
    entries: tuple[Entry, ...]
    refs: dict[str, LocalNode]
    """Every responsible, curator and lead reference written in the plan -> its entry."""
    duties: tuple[tuple[str, str, str | None], ...]
    """(curator | lead, reference, cluster id or None) of the project and its clusters."""


def _keys(names: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(normalise_name(n) for n in names if n))


def _is_full_name(spelling: str) -> bool:
    return initials_form(spelling) is not None and len(spelling.split()) >= 3


def _entry(node: LocalNode, spellings: list[str], strong: list[str | None],
           weak: list[str | None], lookup: list[str | None], **contact: str | None) -> Entry:
    return Entry(
        node=node, spellings=tuple(spellings),
        norms=tuple(normalise_name(s) for s in spellings),
        full=tuple(_is_full_name(s) for s in spellings),
        strong=_keys(strong), weak=_keys(weak), lookup=_keys(lookup), **contact,
    )


def _mentioned_refs(index: PlanIndex) -> Iterator[str]:
    plan = index.plan
    yield from plan.project.leads
    yield from plan.project.curators
    for cluster in plan.clusters:
        yield from cluster.curators
        yield from cluster.leads
    for item in index.items:
        yield from item.work.responsible


def registry_of(index: PlanIndex) -> Registry:
    """The responsibles of one plan: its people, its roles, and the names it writes that are
    in neither, each with the keys under which plans meet."""
    plan = index.plan
    entries: list[Entry] = []
    person_no = {id(p): k for k, p in enumerate(plan.people)}
    role_no = {id(r): k for k, r in enumerate(plan.roles)}
    for k, person in enumerate(plan.people):
        names = [person.name, person.full_name, *person.aliases]
        forms = [initials_form(n) if n else None for n in names]
        entries.append(_entry(
            ("p", k), [n for n in names if n], names, forms, [*names, *forms, person.id],
            position=person.position, email=person.email, phone=person.phone,
        ))
    for k, role in enumerate(plan.roles):
        role_names = [role.name, *role.aliases]
        entries.append(_entry(
            ("r", k), role_names, ["role:" + n for n in role_names], [], [*role_names, role.id]
        ))
    refs: dict[str, LocalNode] = {}
    unknown: set[LocalNode] = set()
    for ref in _mentioned_refs(index):
        if ref in refs:
            continue
        found = index.person(ref)
        if found is not None:
            refs[ref] = ("p", person_no[id(found)])
            continue
        named = index.role(ref)
        if named is not None:
            refs[ref] = ("r", role_no[id(named)])
            continue
        node: LocalNode = ("u", normalise_name(ref))
        if node not in unknown:
            unknown.add(node)
            form = initials_form(ref)
            entries.append(_entry(node, [ref], [ref], [form], [ref, form]))
        refs[ref] = node
    people_and_roles = len(plan.people) + len(plan.roles)
    entries[people_and_roles:] = sorted(  # unregistered names in _node_order, as Directory needs
        entries[people_and_roles:], key=lambda e: str(e.node[1]).zfill(6)
    )
    duties: list[tuple[str, str, str | None]] = [
        *(("curator", r, None) for r in plan.project.curators),
        *(("lead", r, None) for r in plan.project.leads),
    ]
    for cluster in plan.clusters:
        duties.extend(("curator", r, cluster.id) for r in cluster.curators)
        duties.extend(("lead", r, cluster.id) for r in cluster.leads)
    return Registry(plan.project.id, tuple(entries), refs, tuple(duties))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[_Node, _Node] = {}

    def add(self, node: _Node) -> None:
        self.parent.setdefault(node, node)

    def find(self, node: _Node) -> _Node:
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: _Node, b: _Node) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=_node_order)
            self.parent[second] = first


def _node_order(node: _Node) -> tuple[int, int, str]:
    kind, plan, what = node
    return (plan, "pru".index(kind), str(what).zfill(6))


def _surname(spelling: str) -> str:
    return normalise_name(spelling).split(" ")[0]


class Directory:
    """Every responsible of a set of plans, merged across the plans (see the module notes).

    `entries` maps each merged entry's key to its :class:`Responsible`; :meth:`key_of` gives
    the entry of a name as one plan writes it, :meth:`find` the entries a user's name means.
    """

    def __init__(self, sources: Sequence[PlanIndex]) -> None:
        self._build([registry_of(index) for index in sources])

    @classmethod
    def from_registries(cls, registries: Sequence[Registry]) -> Directory:
        """Merge registries given in plan order (position = place in the sequence)."""
        directory = cls.__new__(cls)
        directory._build(list(registries))
        return directory

    def _build(self, registries: list[Registry]) -> None:
        self.registries = registries
        uf = _UnionFind()
        parent = uf.parent
        strong: dict[str, list[_Node]] = {}
        weak: dict[str, list[_Node]] = {}
        self._found: dict[_Node, Entry] = {}
        for pos, registry in enumerate(registries):
            # registry_of lists a plan's entries in _node_order: no sort of all nodes needed
            for entry in registry.entries:
                node: _Node = (entry.node[0], pos, entry.node[1])
                parent[node] = node
                self._found[node] = entry
                for key in entry.strong:
                    strong.setdefault(key, []).append(node)
                for key in entry.weak:
                    weak.setdefault(key, []).append(node)
        for nodes in strong.values():
            for other in nodes[1:]:
                uf.union(nodes[0], other)
        for key, derived in weak.items():
            groups = {uf.find(n) for n in derived}
            if len(groups) == 1 and key in strong:
                for other in strong[key]:
                    uf.union(derived[0], other)

        members: dict[_Node, list[_Node]] = {}
        for node in parent:
            members.setdefault(uf.find(node), []).append(node)
        self._uf = uf
        self._lookup: dict[str, list[_Node]] | None = None  # built by the first find()
        self._plan_keys: dict[int, dict[str, str]] = {}
        self._key_of_root: dict[_Node, str] = {}
        merged: list[dict[str, Any]] = []
        taken: set[str] = set()
        for root, nodes in members.items():
            fields = self._merged(nodes, taken)
            merged.append(fields)
            self._key_of_root[root] = fields["key"]
        duties = self._duties()
        self.entries: dict[str, Responsible] = {
            fields["key"]: Responsible(duties=tuple(duties.get(fields["key"], ())), **fields)
            for fields in merged
        }

    # ------------------------------------------------------------------ building

    def _merged(self, nodes: list[_Node], taken: set[str]) -> dict[str, Any]:
        """The fields of one merged entry (its duties come later); `taken`: keys so far."""
        kinds = {n[0] for n in nodes}
        kind = "person" if "p" in kinds else "role" if "r" in kinds else "unknown"
        written: list[str] = []
        seen: set[str] = set()
        for node in nodes:
            entry = self._found[node]
            for spelling, norm in zip(entry.spellings, entry.norms, strict=True):
                if norm not in seen:
                    seen.add(norm)
                    written.append(spelling)
        name = written[0]
        if kind == "person":
            registry = [
                (s, full) for n in nodes if n[0] == "p"
                for s, full in zip(self._found[n].spellings, self._found[n].full, strict=True)
            ]
            full_names = [s for s, full in registry if full]
            name = full_names[0] if full_names else registry[0][0]
        registries = self.registries
        # dict.fromkeys, not a list search: a role such as «Руководители ОО» is in every plan
        projects = dict.fromkeys(registries[node[1]].project for node in nodes)
        position = email = phone = None
        for node in nodes:
            if node[0] == "p":
                entry = self._found[node]
                position = position or entry.position
                email = email or entry.email
                phone = phone or entry.phone
        base = f"{kind}:{normalise_name(name)}"
        key, n = base, 1
        while key in taken:
            n += 1
            key = f"{base}#{n}"
        taken.add(key)
        return {
            "key": key, "name": name, "kind": kind, "spellings": tuple(written),
            "projects": tuple(projects), "position": position, "email": email, "phone": phone,
        }

    def _duties(self) -> dict[str, list[Duty]]:
        """Curators and leads of the projects and clusters, by merged entry."""
        found: dict[str, dict[Duty, None]] = {}  # ordered sets: a duty listed once
        for pos, registry in enumerate(self.registries):
            for kind, ref, cluster_id in registry.duties:
                found.setdefault(self.key_of(pos, ref), {})[Duty(kind, registry.project,
                                                                  cluster_id)] = None
        return {key: list(duties) for key, duties in found.items()}

    # ------------------------------------------------------------------ lookups

    def key_of(self, pos: int, ref: str) -> str:
        """The merged entry of a name as written in the plan at position `pos`."""
        return self.keys_of(pos)[ref]

    def keys_of(self, pos: int) -> dict[str, str]:
        """{reference as the plan at `pos` writes it: its merged entry's key}."""
        keys = self._plan_keys.get(pos)
        if keys is None:
            keys = self._plan_keys[pos] = {
                ref: self._key_of_root[self._uf.find((kind, pos, what))]
                for ref, (kind, what) in self.registries[pos].refs.items()
            }
        return keys

    def _lookups(self) -> dict[str, list[_Node]]:
        if self._lookup is None:
            self._lookup = {}
            for pos, registry in enumerate(self.registries):
                for entry in registry.entries:
                    node: _Node = (entry.node[0], pos, entry.node[1])
                    for key in entry.lookup:
                        self._lookup.setdefault(key, []).append(node)
        return self._lookup

    def find(self, name: str) -> list[str]:
        """Keys of the entries a name given by a user means: by id, name, full name,
        "Фамилия И.О." form or alias, case-insensitively; else by surname alone."""
        key = normalise_name(name)
        if not key:
            return []
        nodes = self._lookups().get(key)
        if nodes:
            return sorted({self._key_of_root[self._uf.find(n)] for n in nodes})
        if " " not in key:
            return sorted(
                e.key for e in self.entries.values()
                if any(_surname(s) == key for s in e.spellings)
            )
        return []

    def closest(self, name: str, limit: int = 3) -> list[str]:
        """The known names nearest to an unknown one (for "did you mean")."""
        key = normalise_name(name)
        scored: list[tuple[float, str]] = []
        for entry in self.entries.values():
            best = 0.0
            for spelling in entry.spellings:
                norm = normalise_name(spelling)
                for candidate in (norm, _surname(spelling)):
                    best = max(best, difflib.SequenceMatcher(None, key, candidate).ratio())
            if best >= 0.6:
                scored.append((-best, entry.name))
        return [name for _, name in sorted(scored)[:limit]]
