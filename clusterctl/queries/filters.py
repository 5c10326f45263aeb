"""What to keep: the filters of every query, resolved once against the plans asked about.

`Filters` holds the values as a user types them; `Selection(digests, filters)` checks each
value against the plans (a value that matches nothing is a `FilterError` naming the closest
known values) and answers, for each plan, task or step, whether it is kept. Values of one
field are alternatives (any may match), fields combine (all must match); case, «ё» and extra
spaces do not matter.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from clusterctl.errors import FilterError
from clusterctl.model.names import normalise_name
from clusterctl.model.status import OPEN, Status
from clusterctl.queries.digest import Cluster, PlanDigest, Work
from clusterctl.queries.people import Directory


@dataclass(frozen=True, slots=True)
class Filters:
    """What to keep, as a user types it; empty = all.

    * `projects` — project ids;
    * `stages` — stage ids or titles;
    * `clusters` — cluster ids or titles;
    * `responsible` — people or roles by id, name, full name, alias or surname;
    * `statuses` — planned, in_progress, done, cancelled, or "open" (planned + in_progress).
    """

    projects: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    clusters: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()


def parse_statuses(values: Iterable[str]) -> frozenset[Status] | None:
    """The statuses named by `--status` values (None when no value is given)."""
    chosen: set[Status] = set()
    given = False
    for raw in values:
        for part in raw.split(","):
            word = part.strip().lower().replace("-", "_").replace(" ", "_")
            if not word:
                continue
            given = True
            if word == "open":
                chosen |= OPEN
                continue
            try:
                chosen.add(Status(word))
            except ValueError:
                names = [s.value for s in Status] + ["open"]
                closest = difflib.get_close_matches(word, names, n=3, cutoff=0.5)
                raise FilterError("status", part.strip(), closest, names) from None
    return frozenset(chosen) if given else None


def _closest(value: str, names: Iterable[str]) -> list[str]:
    keyed = {normalise_name(n): n for n in names}
    hits = difflib.get_close_matches(normalise_name(value), list(keyed), n=3, cutoff=0.5)
    return [keyed[h] for h in hits]


def _folded(values: tuple[str, ...]) -> frozenset[str] | None:
    return frozenset(normalise_name(v) for v in values) if values else None


def find_people(values: tuple[str, ...], directory: Directory,
                option: str = "responsible") -> frozenset[str]:
    """The directory keys `values` mean (people or roles); FilterError for a value that
    means nobody."""
    keys: set[str] = set()
    for value in values:
        found = directory.find(value)
        if not found:
            raise FilterError(option, value, directory.closest(value),
                              sorted(e.name for e in directory.entries.values()))
        keys.update(found)
    return frozenset(keys)


class Selection:
    """`Filters` resolved against the digests of the plans asked about, in plan order
    (a plan's position is its place in `digests`)."""

    def __init__(self, digests: Sequence[PlanDigest], filters: Filters | None = None) -> None:
        self.digests = list(digests)
        self.filters = filters = filters or Filters()
        self.projects = _folded(filters.projects)
        self.stages = _folded(filters.stages)
        self.clusters = _folded(filters.clusters)
        self._check_names()
        self._directory: Directory | None = None
        self.people: frozenset[str] | None = None
        """Directory keys of the responsible filter (None: no such filter)."""
        if filters.responsible:
            self.people = find_people(filters.responsible, self.directory)
        self.statuses = parse_statuses(filters.statuses)

    @property
    def directory(self) -> Directory:
        """The responsibles of all the plans, merged (built when first needed)."""
        if self._directory is None:
            self._directory = Directory([d.registry for d in self.digests])
        return self._directory

    def _check_names(self) -> None:
        """FilterError for a project, stage or cluster that matches nothing."""
        filters = self.filters
        if filters.projects:
            known = [d.project for d in self.digests]
            keyed = {normalise_name(k) for k in known}
            for value in filters.projects:
                if normalise_name(value) not in keyed:
                    raise FilterError("project", value, _closest(value, known), known)
        chosen = [d for d in self.digests if self.plan(d)]
        if filters.stages:
            ids = [s.id for d in chosen for s in d.stages]
            titles = [s.title for d in chosen for s in d.stages]
            keyed = {normalise_name(k) for k in ids + titles}
            for value in filters.stages:
                if normalise_name(value) not in keyed:
                    raise FilterError("stage", value, _closest(value, ids + titles),
                                      list(dict.fromkeys(ids)))
        if filters.clusters:
            ids = [c.id for d in chosen for c in d.clusters]
            names = {normalise_name(n) for d in chosen for c in d.clusters
                     for n in (c.id, c.title)}
            names |= {normalise_name(t.cluster_ref) for d in chosen for t in d.tasks
                      if t.cluster_ref}
            for value in filters.clusters:
                if normalise_name(value) not in names:
                    raise FilterError("cluster", value, _closest(value, ids), ids)

    # ------------------------------------------------------------------ the tests

    def plan(self, digest: PlanDigest) -> bool:
        return self.projects is None or normalise_name(digest.project) in self.projects

    def stage(self, digest: PlanDigest, stage: int | None) -> bool:
        if self.stages is None:
            return True
        if stage is None:
            return False
        found = digest.stages[stage]
        return bool({normalise_name(found.id), normalise_name(found.title)} & self.stages)

    def cluster(self, digest: PlanDigest, cluster: str | None, ref: str | None = None
                ) -> bool:
        """The cluster filter for work of `cluster` (a cluster's id, or a reference the plan
        does not resolve), written `ref` (default: `cluster`)."""
        if self.clusters is None:
            return True
        ref = ref if ref is not None else cluster
        if ref is None:
            return False
        names = {normalise_name(ref)}
        title = digest.cluster_title(cluster)
        if title is not None and cluster is not None:
            names |= {normalise_name(cluster), normalise_name(title)}
        return bool(names & self.clusters)

    def cluster_model(self, cluster: Cluster) -> bool:
        if self.clusters is None:
            return True
        return bool({normalise_name(cluster.id), normalise_name(cluster.title)} & self.clusters)

    def status(self, state: Status, default: frozenset[Status] = OPEN) -> bool:
        return state in (self.statuses if self.statuses is not None else default)

    def names(self, pos: int, refs: Iterable[str]) -> bool:
        """The responsible filter: does one of `refs` (as plan `pos` writes them) mean one of
        the people asked for?"""
        if self.people is None:
            return True
        keys = self.directory.keys_of(pos)
        return any(keys.get(ref) in self.people for ref in refs)

    def work(self, pos: int, digest: PlanDigest, work: Work) -> bool:
        """Stage, cluster and responsible filters for a task or step (not status)."""
        return (self.stage(digest, work.stage)
                and self.cluster(digest, work.cluster, work.cluster_ref)
                and self.names(pos, work.responsible))
