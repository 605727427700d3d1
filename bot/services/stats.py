"""/stats: discipline of a cluster per college and per person, and the clusters side by side.

Definitions (the same in every view):
- *assigned* — live assignments: neither the assignment nor its item is cancelled;
- *done* — assignments the coordinator accepted (status ``accepted``);
- *on time* — a done assignment whose accepted done report was sent on or before its deadline
  (the deadline moved for it, else the plan's date), the sending day taken in the cluster's zone;
- *overdue* — open or returned assignments whose deadline is before today in the cluster's zone
  (a report waiting for the coordinator's decision is not overdue);
- *average delay* — over the done assignments that were late, the mean of the days between the
  deadline and the day the accepted report was sent;
- *returned* — done reports the coordinator returned for rework.

Per person: *assigned* and *overdue* over the assignments the person answers for; *done*,
*on time*, *delay* and *returned* over the done reports the person wrote.

Each view reads whole clusters in a fixed number of statements (storage/stats.py) and counts
in Python; nothing is read per college, per person or per cluster.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from bot.clock import Clock
from bot.domain.calendar import local_time, local_today
from bot.errors import AccessDenied, NotFound
from bot.services.access import AccessService
from storage import stats as reads
from storage.models import (
    AssignmentStatus,
    Cluster,
    MemberRole,
    Membership,
    Person,
    ReportDecision,
)
from storage.uow import Storage

VIEWERS = (MemberRole.COORDINATOR, MemberRole.OBSERVER)
OPEN = (AssignmentStatus.OPEN, AssignmentStatus.RETURNED)


@dataclass(slots=True)
class Tally:
    """The counts of one college, person, cluster or of everything."""

    assigned: int = 0
    done: int = 0
    on_time: int = 0
    overdue: int = 0
    returned: int = 0
    late_days: list[int] = field(default_factory=list)

    @property
    def late(self) -> int:
        return len(self.late_days)

    @property
    def average_delay(self) -> int | None:
        """Whole days, rounded half up; None when nothing done was late."""
        if not self.late_days:
            return None
        return max(1, int(sum(self.late_days) / len(self.late_days) + 0.5))


def percent(part: int, whole: int) -> int | None:
    """A share in whole percent without false precision: 100 only if all, 0 only if none."""
    if whole <= 0:
        return None
    if part >= whole:
        return 100
    if part <= 0:
        return 0
    return min(99, max(1, int(part * 100 / whole + 0.5)))


@dataclass(frozen=True, slots=True)
class PartyStats:
    name: str
    tally: Tally
    organization: str | None = None  # of a person: their college


@dataclass(frozen=True, slots=True)
class ClusterStats:
    cluster: Cluster
    today: date
    items: int
    total: Tally
    colleges: list[PartyStats]  # by name; shared assignments last, named ""
    people: list[PartyStats]  # by name


@dataclass(frozen=True, slots=True)
class OverviewRow:
    cluster: Cluster
    items: int
    total: Tally

    @property
    def overdue_share(self) -> float:
        return self.total.overdue / self.total.assigned if self.total.assigned else 0.0


@dataclass(frozen=True, slots=True)
class Choice:
    """What /stats offers a person: the clusters they may see and whether the overview."""

    clusters: list[Cluster]
    overview: bool


def _count(
    tally: Tally,
    row: reads.AssignmentRow,
    today: date,
    accepted_on: dict[int, date],
) -> None:
    tally.assigned += 1
    if row.status is AssignmentStatus.ACCEPTED:
        tally.done += 1
        sent = accepted_on.get(row.assignment_id)
        if sent is not None:
            if sent <= row.due:
                tally.on_time += 1
            else:
                tally.late_days.append((sent - row.due).days)
    elif row.status in OPEN and row.due < today:
        tally.overdue += 1


def _accepted_on(
    reports: Iterable[reads.DoneReportRow], timezone: dict[int, str]
) -> dict[int, date]:
    """The local day each assignment's accepted done report was sent (the latest one)."""
    days: dict[int, date] = {}
    for report in reports:
        if report.decision == ReportDecision.ACCEPTED.value:
            days[report.assignment_id] = local_time(
                report.created_at, timezone[report.cluster_id]
            ).date()
    return days


class StatsService:
    def __init__(self, storage: Storage, clock: Clock, access: AccessService) -> None:
        self.storage = storage
        self.clock = clock
        self.access = access

    async def choice(self, person: Person) -> Choice:
        """Clusters whose statistics the person may see; the overview for observers and admins."""
        if self.access.is_admin(person):
            return Choice(sorted(await self.storage.clusters.all_active(), key=_by_name), True)
        memberships = [
            m
            for m in await self.storage.memberships.active_of_person(person.id)
            if m.role in VIEWERS and m.cluster.archived_at is None
        ]
        if not memberships:
            raise AccessDenied("stats-not-allowed")
        return Choice(
            sorted((m.cluster for m in memberships), key=_by_name),
            any(m.role is MemberRole.OBSERVER for m in memberships),
        )

    async def _require_viewer(self, person: Person, cluster_id: int) -> Cluster:
        cluster = await self.storage.clusters.get(cluster_id)
        if cluster is None or cluster.archived_at is not None:
            raise NotFound("error-not-found")
        if self.access.is_admin(person):
            return cluster
        membership = await self.storage.memberships.active(cluster_id, person.id)
        if membership is None or membership.role not in VIEWERS:
            raise AccessDenied("stats-not-allowed")
        return cluster

    async def cluster_stats(self, person: Person, cluster_id: int) -> ClusterStats:
        cluster = await self._require_viewer(person, cluster_id)
        session = self.storage.session
        today = local_today(self.clock.now(), cluster.timezone)
        rows = await reads.assignment_rows(session, [cluster.id])
        reports = await reads.done_report_rows(session, [cluster.id])
        items = (await reads.live_item_counts(session, [cluster.id])).get(cluster.id, 0)
        organizations = {o.id: o for o in await reads.organizations_of(session, cluster.id)}
        members = await self.storage.memberships.active_of_cluster(cluster.id)
        accepted_on = _accepted_on(reports, {cluster.id: cluster.timezone})

        total = Tally()
        by_college: dict[int | None, Tally] = {}
        for row in rows:
            _count(total, row, today, accepted_on)
            _count(by_college.setdefault(row.organization_id, Tally()), row, today, accepted_on)
        by_assignment = {row.assignment_id: row for row in rows}
        for report in reports:
            if report.decision == ReportDecision.RETURNED.value:
                total.returned += 1
                row = by_assignment[report.assignment_id]
                by_college.setdefault(row.organization_id, Tally()).returned += 1

        colleges = [
            PartyStats(organizations[org_id].name if org_id in organizations else "", tally)
            for org_id, tally in by_college.items()
        ]
        colleges.sort(key=lambda p: (p.name == "", p.name.casefold()))
        return ClusterStats(
            cluster=cluster,
            today=today,
            items=items,
            total=total,
            colleges=colleges,
            people=self._people(members, rows, reports, by_assignment, today, accepted_on),
        )

    @staticmethod
    def _people(
        members: Sequence[Membership],
        rows: Sequence[reads.AssignmentRow],
        reports: Sequence[reads.DoneReportRow],
        by_assignment: dict[int, reads.AssignmentRow],
        today: date,
        accepted_on: dict[int, date],
    ) -> list[PartyStats]:
        # Rows by (plan role, college): a member holds their college's and the shared ones.
        by_role: dict[tuple[int | None, int | None], list[reads.AssignmentRow]] = {}
        by_person: dict[int, list[reads.AssignmentRow]] = {}
        for row in rows:
            if row.person_id is not None:
                by_person.setdefault(row.person_id, []).append(row)
            else:
                by_role.setdefault((row.plan_role_id, row.organization_id), []).append(row)
        authored: dict[int, Tally] = {}
        accepted_by: dict[int, int | None] = {}
        for report in reports:
            if report.decision == ReportDecision.ACCEPTED.value:
                accepted_by[report.assignment_id] = report.author_id
            elif report.decision == ReportDecision.RETURNED.value and report.author_id:
                authored.setdefault(report.author_id, Tally()).returned += 1
        for assignment_id, author_id in accepted_by.items():
            row = by_assignment[assignment_id]
            if author_id is None or row.status is not AssignmentStatus.ACCEPTED:
                continue
            tally = authored.setdefault(author_id, Tally())
            tally.done += 1
            sent = accepted_on[assignment_id]
            if sent <= row.due:
                tally.on_time += 1
            else:
                tally.late_days.append((sent - row.due).days)

        people: list[PartyStats] = []
        for member in members:
            tally = authored.get(member.person_id, Tally())
            if member.role is not MemberRole.OBSERVER:
                held = list(by_person.get(member.person_id, []))
                for role in member.plan_roles:
                    held.extend(by_role.get((role.id, None), []))
                    if member.organization_id is not None:
                        held.extend(by_role.get((role.id, member.organization_id), []))
                tally.assigned = len(held)
                tally.overdue = sum(1 for row in held if row.status in OPEN and row.due < today)
            if tally.assigned or tally.done or tally.returned:
                people.append(
                    PartyStats(
                        member.person.full_name,
                        tally,
                        member.organization.name if member.organization else None,
                    )
                )
        people.sort(key=lambda p: p.name.casefold())
        return people

    async def overview(self, person: Person) -> list[OverviewRow]:
        """Every cluster the person may see, side by side (observers and admins)."""
        choice = await self.choice(person)
        if not choice.overview:
            raise AccessDenied("stats-overview-not-allowed")
        clusters = {c.id: c for c in choice.clusters}
        ids = None if self.access.is_admin(person) else sorted(clusters)
        session = self.storage.session
        rows = await reads.assignment_rows(session, ids)
        reports = await reads.done_report_rows(session, ids)
        items = await reads.live_item_counts(session, ids)
        now = self.clock.now()
        today = {c.id: local_today(now, c.timezone) for c in clusters.values()}
        accepted_on = _accepted_on(
            (r for r in reports if r.cluster_id in clusters),
            {c.id: c.timezone for c in clusters.values()},
        )
        totals = {cluster_id: Tally() for cluster_id in clusters}
        for row in rows:
            if row.cluster_id in totals:
                _count(totals[row.cluster_id], row, today[row.cluster_id], accepted_on)
        for report in reports:
            if report.cluster_id in totals and report.decision == ReportDecision.RETURNED.value:
                totals[report.cluster_id].returned += 1
        return [
            OverviewRow(cluster, items.get(cluster_id, 0), totals[cluster_id])
            for cluster_id, cluster in clusters.items()
        ]


def _by_name(cluster: Cluster) -> str:
    return cluster.name.casefold()


def sort_overview(rows: Sequence[OverviewRow], by_overdue: bool) -> list[OverviewRow]:
    """By the share overdue, largest first (then by name), or by name."""
    if by_overdue:
        return sorted(rows, key=lambda r: (-r.overdue_share, r.cluster.name.casefold()))
    return sorted(rows, key=lambda r: r.cluster.name.casefold())
