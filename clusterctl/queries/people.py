"""Responsibles merged across plans: who is who when plans spell people differently.

Built in two steps so that the plans need not be in one process: :func:`registry_of` takes
what one plan says about its people (it is part of the plan's digest, made where the plan
was checked), and :class:`Directory` merges the registries of all plans.

Within a plan a name is resolved by its registry (id, name, full name, "Фамилия И.О." form,
aliases). Across plans, two entries are one person when they share a spelling (name, full
name or alias, compared case- and ё-insensitively) or when one writes the other's full name
in "Фамилия И.О." form and no other full name has that form. Roles merge by name; names in
no registry stay as written (a typo stays a separate entry).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from clusterctl.model.names import initials_form, name_forms, normalise_name, words

if TYPE_CHECKING:  # the pydantic models are built only where plans are validated
    from clusterctl.model.index import PlanIndex
    from clusterctl.model.plan import Organisation, Person, Role

__all__ = ["Directory", "Duty", "Registry", "Responsible", "registry_of"]


@dataclass(frozen=True, slots=True)
class Duty:
    """A standing role of a person: curator or lead of a project or of one of its clusters."""

    kind: str
    """"curator" or "lead"."""
    project: str
    cluster: str | None
    """The cluster's id; None for the project itself."""


class Responsible(NamedTuple):
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


class Entry(NamedTuple):
    """One person, role or unregistered name of a plan, with its keys already folded (the
    keys a user may type to find an entry are derived from these when :meth:`Directory.find`
    is first asked)."""

    kind: str
    """"person", "role", "organisation" or "unknown" (written in the plan but in no
    registry)."""
    spellings: tuple[str, ...]
    """How the plan writes it, one spelling per normalised form (the first written)."""
    norms: tuple[str, ...]
    """`normalise_name` of each spelling."""
    strong: tuple[str, ...]
    """Keys that merge entries across plans: the names, full names and aliases (`norms`
    itself, the same tuple, so it pickles as a reference), "role:…" ones for a role."""
    weak: tuple[str, ...]
    """"Фамилия И.О." forms, which merge only when unambiguous."""
    full_name: str | None = None
    """A person's first spelling that is a full three-part name (it names the person)."""
    ident: str | None = None
    """The normalised id of a person or role (a key a user may type, besides the names)."""
    position: str | None = None
    email: str | None = None
    phone: str | None = None


class Registry(NamedTuple):
    """What one plan says about its responsibles (see :func:`registry_of`)."""

    project: str
    entries: tuple[Entry, ...]
    """People, then roles, then unregistered names sorted by their key (zero-padded to six
    characters, as always): the merge numbers nodes in this order and keeps the first node
    of a group as its root, so the order decides the merged entries' order and keys."""
    refs: dict[str, int]
    """Every responsible, curator and lead reference written in the plan -> its entry's
    place in `entries` (what `Directory.keys_of` looks in)."""
    duties: tuple[tuple[str, int, str | None], ...]
    """(curator | lead, entry's place, cluster id or None) of the project and its
    clusters."""


def _person(person: Person) -> Entry:
    # each spelling is folded once (normalise_name and initials_form are cached as well);
    # the keys are those of every spelling, the spellings one per folded form
    spellings: list[str] = []
    norms: list[str] = []
    weak: list[str] = []
    full_name = None
    for name in (person.name, person.full_name, *person.aliases):
        if not name:
            continue
        norm = normalise_name(name)
        if norm not in norms:
            spellings.append(name)
            norms.append(norm)
        form = initials_form(name)
        if form is not None:
            if full_name is None and len(name.split()) >= 3:
                full_name = name
            key = normalise_name(form)
            if key not in weak:
                weak.append(key)
    folded = tuple(norms)
    return Entry(
        "person", tuple(spellings), folded, folded, tuple(weak), full_name,
        normalise_name(person.id) if person.id else None,
        person.position, person.email, person.phone,
    )


def _role(role: Role) -> Entry:
    names = (role.name, *role.aliases)
    spellings: dict[str, str] = {}  # norm -> first spelling
    for name in names:
        spellings.setdefault(normalise_name(name), name)
    return Entry(
        "role", tuple(spellings.values()), tuple(spellings),
        tuple(dict.fromkeys(normalise_name("role:" + n) for n in names)), (),
        ident=normalise_name(role.id) if role.id else None,
    )


def _organisation(org: Organisation) -> Entry:
    names = [n for n in (org.short_name, org.name, *org.aliases) if n]
    spellings: dict[str, str] = {}  # norm -> first spelling
    for name in names:
        spellings.setdefault(normalise_name(name), name)
    return Entry(
        "organisation", tuple(spellings.values()), tuple(spellings),
        tuple(dict.fromkeys(normalise_name("organisation:" + n) for n in names)), (),
        ident=normalise_name(org.id) if org.id else None,
    )


def _unknown(ref: str, norm: str) -> Entry:
    form = initials_form(ref)
    folded = (norm,)
    return Entry(
        "unknown", (ref,), folded, folded if ref else (),
        (normalise_name(form),) if form else (),
    )


def registry_of(index: PlanIndex) -> Registry:
    """The responsibles of one plan: its people, its roles, the organisations named as
    responsible, and the names it writes that are in none of them, each with the keys under
    which plans meet."""
    plan = index.plan
    mentioned = [*plan.project.leads, *plan.project.curators]
    for cluster in plan.clusters:
        mentioned += cluster.curators
        mentioned += cluster.leads
    for item in index.items:
        mentioned += item.work.responsible
    mentioned = list(dict.fromkeys(mentioned))  # each once, in the order first written
    named: dict[int, Organisation] = {}  # by identity: the models are not hashable
    for ref in mentioned:
        if index.person(ref) is None and index.role(ref) is None:
            org = index.organisation(ref)
            if org is not None:
                named.setdefault(id(org), org)
    named_orgs = list(named.values())
    entries = [_person(person) for person in plan.people]
    entries.extend(_role(role) for role in plan.roles)
    entries.extend(_organisation(org) for org in named_orgs)
    place: dict[int, int] = {id(p): k for k, p in enumerate(plan.people)}
    place.update((id(r), len(plan.people) + k) for k, r in enumerate(plan.roles))
    place.update((id(o), len(plan.people) + len(plan.roles) + k)
                 for k, o in enumerate(named_orgs))
    refs: dict[str, int] = {}
    unknown: dict[str, str] = {}  # norm -> the first reference so written
    for ref in mentioned:
        found = index.responsible(ref)
        if found is not None:
            refs[ref] = place[id(found)]
            continue
        norm = normalise_name(ref)
        unknown.setdefault(norm, ref)
        refs[ref] = -1  # numbered below, once sorted
    if unknown:
        # unregistered names last, sorted by key (see Registry.entries)
        ordered = sorted(unknown, key=lambda norm: norm.zfill(6))
        number = {norm: len(entries) + k for k, norm in enumerate(ordered)}
        entries.extend(_unknown(unknown[norm], norm) for norm in ordered)
        refs = {
            ref: number[normalise_name(ref)] if k < 0 else k for ref, k in refs.items()
        }
    duties: list[tuple[str, int, str | None]] = [
        *(("curator", refs[r], None) for r in plan.project.curators),
        *(("lead", refs[r], None) for r in plan.project.leads),
    ]
    for cluster in plan.clusters:
        duties.extend(("curator", refs[r], cluster.id) for r in cluster.curators)
        duties.extend(("lead", refs[r], cluster.id) for r in cluster.leads)
    return Registry(plan.project.id, tuple(entries), refs, tuple(duties))


def _norm_of(entry: Entry, spelling: str) -> str:
    """`normalise_name` of one of the entry's names: at hand unless the spelling was left out
    as another one's duplicate."""
    try:
        return entry.norms[entry.spellings.index(spelling)]
    except ValueError:
        return normalise_name(spelling)


def _surname(spelling: str) -> str:
    return normalise_name(spelling).split(" ")[0]


def _has_words(have: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    """`wanted` appear in `have` one after another."""
    n = len(wanted)
    return any(have[i:i + n] == wanted for i in range(len(have) - n + 1))


class Directory:
    """Every responsible of a set of plans, merged across the plans (see the module notes).

    `entries` maps each merged entry's key to its :class:`Responsible`; :meth:`key_of` gives
    the entry of a name as one plan writes it, :meth:`find` the entries a user's name means.
    """

    def __init__(self, registries: Sequence[Registry]) -> None:
        """Merge registries given in plan order (position = place in the sequence)."""
        registries = list(registries)
        # A node is an entry of one plan, numbered in plan order and, within a plan, in
        # its registry's order (people, roles, unregistered names by key): the smallest
        # node of a group is its root, and groups come in the order of their roots.
        self.registries = registries
        self._starts: list[int] = []  # plan position -> its first node
        self._nodes: list[Entry] = []
        self._plan_of: list[int] = []  # node -> plan position
        for pos, registry in enumerate(registries):
            self._starts.append(len(self._nodes))
            self._nodes.extend(registry.entries)
            self._plan_of.extend([pos] * len(registry.entries))
        roots = self._join()
        duties = self._duties(roots)
        members: dict[int, list[int]] = {}
        for node, root in enumerate(roots):
            if root != node:
                if root in members:
                    members[root].append(node)
                else:
                    members[root] = [root, node]

        keys: list[str] = []  # node -> its merged entry's key
        add_key = keys.append
        self._folded: dict[str, str] = {}  # key -> normalise_name of the entry's name
        folded_of = self._folded
        alone = [(registry.project,) for registry in registries]  # one tuple for each plan
        plan_of, in_group, duties_of = self._plan_of, members.get, duties.get
        entries: dict[str, Responsible] = {}
        for node, (root, entry) in enumerate(zip(roots, self._nodes, strict=True)):
            if root != node:
                add_key(keys[root])
                continue
            group = in_group(node)
            if group is None:  # most entries are in no other plan: the fields at hand
                kind, spellings, norms, _, _, full_name, _, position, email, phone = entry
                if full_name is None:
                    name, folded = spellings[0], norms[0]
                else:
                    name, folded = full_name, _norm_of(entry, full_name)
                projects: tuple[str, ...] = alone[plan_of[node]]
            else:
                folded, name, kind, spellings, projects, position, email, phone = (
                    self._merged(group)
                )
            base = key = f"{kind}:{folded}"
            n = 1
            while key in folded_of:
                n += 1
                key = f"{base}#{n}"
            folded_of[key] = folded
            add_key(key)
            entries[key] = Responsible(key, name, kind, spellings, projects,
                                       duties_of(node, ()), position, email, phone)
        self.entries = entries
        """Each merged entry's key -> its :class:`Responsible`, in the merge's order."""
        self._keys = keys
        self._plan_keys: dict[int, dict[str, str]] = {}
        self._lookup: dict[str, list[int]] | None = None  # built by the first find()

    # ------------------------------------------------------------------ building

    def _join(self) -> list[int]:
        """The root of every node: entries sharing a strong key are one, and a weak key
        joins the entries it names when all the entries writing it are one already."""
        parent = list(range(len(self._nodes)))

        def find(node: int) -> int:
            root = node
            while parent[root] != root:
                root = parent[root]
            while parent[node] != root:
                parent[node], node = root, parent[node]
            return root

        def union(a: int, b: int) -> None:  # the smaller root stays: the first node
            ra, rb = find(a), find(b)
            if ra < rb:
                parent[rb] = ra
            elif rb < ra:
                parent[ra] = rb

        strong: dict[str, int] = {}  # key -> the first node with it (the rest joined to it)
        weak: dict[str, list[int]] = {}
        for node, entry in enumerate(self._nodes):
            for key in entry.strong:
                first = strong.setdefault(key, node)
                if first != node:
                    union(first, node)
            for key in entry.weak:  # (most have none)
                if key in weak:
                    weak[key].append(node)
                else:
                    weak[key] = [node]
        # in order: a weak key joined earlier can make a later one unambiguous
        for key, derived in weak.items():
            named = strong.get(key)  # the nodes of a strong key are one group already
            if named is not None:
                root = find(derived[0])
                if all(find(other) == root for other in derived[1:]):
                    union(root, named)
        for node, up in enumerate(parent):  # a parent precedes its children: one pass
            parent[node] = parent[up]
        return parent

    def _merged(self, group: list[int]) -> tuple[str, str, str, tuple[str, ...],
                                                   tuple[str, ...], str | None, str | None,
                                                   str | None]:
        """(normalised name, name, kind, spellings, projects, position, email, phone) of
        one merged entry of several nodes."""
        nodes, plan_of, registries = self._nodes, self._plan_of, self.registries
        people: list[Entry] = []
        role = False
        written: dict[str, str] = {}  # norm -> the first spelling
        # dict, not a list search: a role such as «Руководители ОО» is in every plan
        projects: dict[str, None] = {}
        for node in group:
            entry = nodes[node]
            if entry.kind == "person":
                people.append(entry)
            elif entry.kind == "role":
                role = True
            for spelling, norm in zip(entry.spellings, entry.norms, strict=True):
                if norm not in written:
                    written[norm] = spelling
            projects[registries[plan_of[node]].project] = None
        kind = "person" if people else "role" if role else "unknown"
        folded = next(iter(written))
        name = written[folded]
        position = email = phone = None
        if people:
            for entry in people:  # the first full name, else the first person's name
                if entry.full_name is not None:
                    name, folded = entry.full_name, _norm_of(entry, entry.full_name)
                    break
            else:
                first = next(entry for entry in people if entry.spellings)
                name, folded = first.spellings[0], first.norms[0]
            for entry in people:
                position = position or entry.position
                email = email or entry.email
                phone = phone or entry.phone
        return (folded, name, kind, tuple(written.values()), tuple(projects), position, email,
                phone)

    def _duties(self, roots: list[int]) -> dict[int, tuple[Duty, ...]]:
        """Curators and leads of the projects and clusters, by the root of their entry, in
        plan order."""
        found: dict[int, dict[Duty, None]] = {}  # ordered sets: a duty listed once
        for start, registry in zip(self._starts, self.registries, strict=True):
            project = registry.project
            for kind, node, cluster_id in registry.duties:
                root = roots[start + node]
                duty = Duty(kind, project, cluster_id)
                if root in found:
                    found[root][duty] = None
                else:
                    found[root] = {duty: None}
        return {root: tuple(duties) for root, duties in found.items()}

    # ------------------------------------------------------------------ lookups

    def key_of(self, pos: int, ref: str) -> str:
        """The merged entry of a name as written in the plan at position `pos`."""
        return self.keys_of(pos)[ref]

    def keys_of(self, pos: int) -> dict[str, str]:
        """{reference as the plan at `pos` writes it: its merged entry's key}."""
        keys = self._plan_keys.get(pos)
        if keys is None:
            start, node_keys = self._starts[pos], self._keys
            keys = self._plan_keys[pos] = {
                ref: node_keys[start + node] for ref, node in self.registries[pos].refs.items()
            }
        return keys

    def plan_keys(self, pos: int) -> list[str]:
        """The merged entry's key of each entry of the registry of the plan at `pos`."""
        start = self._starts[pos]
        return self._keys[start:start + len(self.registries[pos].entries)]

    def folded_name(self, key: str) -> str:
        """`normalise_name` of the entry's name (kept from the merge: sorting by it then
        folds nothing again)."""
        return self._folded[key]

    def _lookups(self) -> dict[str, list[int]]:
        """Nodes by every key a user may type to find them: the names, full names, aliases
        and "Фамилия И.О." forms, and the ids (a node may be listed twice under a key)."""
        if self._lookup is None:
            self._lookup = {}
            for node, entry in enumerate(self._nodes):
                for key in (*entry.norms, *entry.weak):
                    self._lookup.setdefault(key, []).append(node)
                if entry.ident is not None:
                    self._lookup.setdefault(entry.ident, []).append(node)
        return self._lookup

    def find(self, name: str) -> list[str]:
        """Keys of the entries a name given by a user means: by id, name, full name,
        "Фамилия И.О." form, short name or alias, case-insensitively; else those with the
        word in a name («ИПК», a surname, «Мордовия»), or the words in this order («института
        образования»)."""
        key = normalise_name(name)
        if not key:
            return []
        lookups = self._lookups()
        for form in name_forms(name):
            nodes = lookups.get(form)
            if nodes:
                return sorted({self._keys[node] for node in nodes})
        wanted = words(name)
        if not wanted:
            return []
        return sorted(
            e.key for e in self.entries.values()
            if any(_has_words(words(s), wanted) for s in e.spellings)
        )

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
