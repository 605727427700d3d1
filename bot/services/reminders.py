"""Reminders: each working morning, one digest per person of everything due or overdue for them,
and one per coordinator of escalations, undated items and reports awaiting a decision.

Nothing is scheduled per item. A sweep (every minute, and at start-up) looks at each cluster:
once its local time has passed the policy's hour on a working day it has not swept yet, it
queues that day's digests in the outbox — one row per person, dedup key (cluster, person,
kind, local day) — and marks the day swept. What a digest says is derived again when it is
sent (``digest``), so a report, a moved deadline or new executors between the sweep and the
sending are honoured, and an emptied digest is not sent. Days missed while the bot was down
are folded into the next digest («пока бот был недоступен…»).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from bot.clock import Clock
from bot.domain.calendar import local_time, zone
from bot.domain.notices import NoticeKind
from bot.domain.reminders import (
    DAYS_BEFORE_CHOICES,
    Reason,
    ReminderPolicy,
    Schedule,
    awaiting_on,
    escalation_on,
    lookahead_end,
    lookback_start,
    next_reminder,
    reason_on,
    state_on,
    undated_on,
)
from bot.domain.workdays import WorkCalendar
from bot.errors import AccessDenied, InvalidInput, NotFound
from bot.services import audit
from bot.services.access import AccessService
from bot.services.assignments import holds
from storage.models import (
    AssignmentStatus,
    Cluster,
    MemberRole,
    Membership,
    NotificationStatus,
    Person,
)
from storage.reminders import AssignmentRow, MemberRow, PersonRow, UndatedRow, WaitingRow
from storage.repositories import ItemRepository
from storage.uow import Storage

# Days missed while the bot was down that the next digest still folds in.
MAX_CATCH_UP_DAYS = 14


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a digest."""

    reason: Reason
    item_id: int
    number: str
    text: str
    due: date | None
    days: int  # days before the due day (+), overdue (−); 0 for an undated item
    position: int
    assignment_id: int | None = None
    organization: str | None = None
    report_id: int | None = None


@dataclass(slots=True)
class Digest:
    """What one person is told on one day in one cluster."""

    cluster: Cluster
    person: PersonRow
    kind: NoticeKind  # DIGEST or COORDINATOR_DIGEST
    day: date
    since: date  # the first day folded in; before ``day`` after downtime
    send_at: datetime  # local time of the cluster
    entries: list[Entry] = field(default_factory=list)

    @property
    def missed_days(self) -> bool:
        return self.since < self.day


@dataclass(frozen=True, slots=True)
class SweepResult:
    clusters: int  # clusters whose day was swept now
    queued: int  # digests queued


@dataclass(frozen=True, slots=True)
class Upcoming:
    """/reminders: when the bot will next remind the person of an assignment."""

    row: AssignmentRow
    cluster: Cluster
    when: datetime | None  # local; None: no reminder ahead
    reason: Reason | None
    snoozed_until: date | None


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    cluster: Cluster
    policy: ReminderPolicy
    default: ReminderPolicy


# Settings a coordinator changes with buttons: key → the values offered.
SETTING_CHOICES: dict[str, tuple[int, ...]] = {
    "hour": (7, 8, 9, 10, 11, 12, 14, 16),
    "overdue_every": (1, 2, 3, 5),
    "overdue_times": (0, 1, 3, 5, 10),
    "escalate_after": (0, 1, 3, 5, 7, 14),
    "awaiting_after": (1, 2, 3, 5),
    "quiet_start": (18, 19, 20, 21, 22, 23),
    "quiet_end": (6, 7, 8, 9),
}
TOGGLES = ("on_the_day", "checkin_monthly", "undated_weekly")


def _days(start: date, end: date) -> Iterable[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def _member(membership: Membership) -> MemberRow:
    person = membership.person
    return MemberRow(
        person_id=membership.person_id,
        role=membership.role,
        organization_id=membership.organization_id,
        role_ids=frozenset(role.id for role in membership.plan_roles),
        person=PersonRow(person.id, person.full_name, person.telegram_id),
    )


def _holders(
    members: Sequence[MemberRow],
) -> tuple[dict[int, list[MemberRow]], dict[int, list[MemberRow]]]:
    """Members by person id, and members answering for each plan role (as ``holds``)."""
    by_person: dict[int, list[MemberRow]] = defaultdict(list)
    by_role: dict[int, list[MemberRow]] = defaultdict(list)
    for member in members:
        if member.role is MemberRole.OBSERVER:
            continue
        by_person[member.person_id].append(member)
        for role_id in member.role_ids:
            by_role[role_id].append(member)
    return by_person, by_role


def _recipients(
    row: AssignmentRow,
    by_person: dict[int, list[MemberRow]],
    by_role: dict[int, list[MemberRow]],
) -> list[MemberRow]:
    if row.person_id is not None:
        return by_person.get(row.person_id, [])[:1]
    if row.plan_role_id is None:
        return []
    return [
        m
        for m in by_role.get(row.plan_role_id, [])
        if row.organization_id is None or m.organization_id == row.organization_id
    ]


def _one_line_an_item(entries: list[Entry]) -> list[Entry]:
    """A recurring item («каждый понедельник», «ежеквартально») is one line of a person's
    digest, its most urgent date (entries come sorted: overdue, today, soon)."""
    seen: set[tuple[int, str | None]] = set()
    kept = []
    for entry in entries:
        key = (entry.item_id, entry.organization)
        if key not in seen:
            seen.add(key)
            kept.append(entry)
    return kept


class ReminderService:
    def __init__(
        self,
        storage: Storage,
        clock: Clock,
        access: AccessService | None,
        policy: ReminderPolicy,
        calendar: WorkCalendar,
    ) -> None:
        self.storage = storage
        self.clock = clock
        self.access = access
        self.default = policy
        self.calendar = calendar

    def policy_of(self, cluster: Cluster) -> ReminderPolicy:
        return self.default.with_changes(cluster.reminder_settings or {})

    def send_at(self, cluster: Cluster, day: date, policy: ReminderPolicy) -> datetime:
        return datetime.combine(day, time(policy.hour), tzinfo=zone(cluster.timezone))

    # --- the sweep ------------------------------------------------------------------------

    def _due_day(self, cluster: Cluster, now: datetime) -> date | None:
        """The local day whose reminders are due now, if not swept yet."""
        policy = self.policy_of(cluster)
        local = local_time(now, cluster.timezone)
        day = local.date()
        if not self.calendar.is_working_day(day):
            return None
        if local.time() < time(policy.hour) or policy.in_quiet_hours(local.time()):
            return None
        if cluster.reminders_swept_on is not None and cluster.reminders_swept_on >= day:
            return None
        return day

    def _since(self, cluster: Cluster, day: date) -> date:
        swept = cluster.reminders_swept_on
        if swept is None:
            return day
        return max(swept + timedelta(days=1), day - timedelta(days=MAX_CATCH_UP_DAYS))

    async def sweep(self) -> SweepResult:
        """Queue the digests of every cluster whose reminder hour has come today; commits
        per cluster. Safe to run any number of times and in several processes at once."""
        now = self.clock.now()
        swept = queued = 0
        for cluster in await self.storage.reminders.clusters_to_sweep():
            day = self._due_day(cluster, now)
            if day is None:
                continue
            since = self._since(cluster, day)
            digests = await self.digests(cluster, day, since)
            queued += await self.storage.reminders.enqueue_many(
                [self._notice_row(digest, now) for digest in digests]
            )
            await self.storage.reminders.mark_swept(cluster.id, day)
            await self.storage.commit()
            swept += 1
        return SweepResult(swept, queued)

    def _notice_row(self, digest: Digest, now: datetime) -> dict[str, Any]:
        kind = digest.kind.value
        return {
            "dedup_key": f"{kind}:{digest.cluster.id}:{digest.person.id}:{digest.day.isoformat()}",
            "kind": kind,
            "person_id": digest.person.id,
            "chat_id": None,
            "message_thread_id": None,
            "cluster_id": digest.cluster.id,
            "payload": {"day": digest.day.isoformat(), "since": digest.since.isoformat()},
            "silent": False,
            "status": NotificationStatus.PENDING,
            "attempts": 0,
            "not_before": now,
            "created_at": now,
        }

    # --- what a day's digests hold --------------------------------------------------------

    async def digests(
        self,
        cluster: Cluster,
        day: date,
        since: date | None = None,
        *,
        person_id: int | None = None,
    ) -> list[Digest]:
        """The digests of a cluster for a day (folding in the days from ``since``), every
        recipient's or one person's; empty ones are left out. Reads only."""
        policy = self.policy_of(cluster)
        since = since or day
        if not self.calendar.is_working_day(day):
            return []
        window = [d for d in _days(since, day) if self.calendar.is_working_day(d)]
        members = await self.storage.reminders.members(cluster.id)
        if person_id is not None:
            members = [m for m in members if m.person_id == person_id]
        if not members:
            return []
        send_at = self.send_at(cluster, day, policy)
        by_person, by_role = _holders(members)
        personal: dict[int, Digest] = {}
        checkin_day = next(
            (d for d in window if d == self.calendar.first_working_day_of_month(d)), None
        )
        rows = await self.storage.reminders.open_assignments(
            cluster.id,
            lookback_start(since, policy, self.calendar),
            lookahead_end(day, policy),
            checkin_day if policy.checkin_monthly else None,
        )
        snoozes = await self.storage.reminders.snoozes(cluster.id, since)
        coordinators = [
            m for m in members if m.role is MemberRole.COORDINATOR and m.person_id in by_person
        ]
        escalations: list[Entry] = []
        for row in rows:
            schedule = Schedule(
                due=row.due, start=row.start, continuous=row.deadline_kind == "continuous"
            )
            shared = self._reason(schedule, window, policy)
            for member in _recipients(row, by_person, by_role):
                snoozed = snoozes.get((member.person_id, row.assignment_id))
                reason = (
                    self._reason(
                        Schedule(schedule.due, schedule.start, schedule.continuous, None, snoozed),
                        window,
                        policy,
                    )
                    if snoozed is not None
                    else shared
                )
                if reason is None:
                    continue
                digest = personal.get(member.person_id)
                if digest is None:
                    digest = personal[member.person_id] = Digest(
                        cluster, member.person, NoticeKind.DIGEST, day, since, send_at
                    )
                if all(e.assignment_id != row.assignment_id for e in digest.entries):
                    digest.entries.append(self._entry(row, reason, day))
            if coordinators and any(
                escalation_on(row.due, d, policy, self.calendar) for d in window
            ):
                escalations.append(self._entry(row, Reason.ESCALATION, day))
        result = list(personal.values())
        if coordinators:
            entries = escalations + await self._coordinator_entries(cluster, window, day, policy)
            if entries:
                for member in coordinators:
                    result.append(
                        Digest(
                            cluster,
                            member.person,
                            NoticeKind.COORDINATOR_DIGEST,
                            day,
                            since,
                            send_at,
                            list(entries),
                        )
                    )
        for digest in result:
            digest.entries.sort(key=lambda e: (_ORDER[e.reason], e.due or day, e.position))
            if digest.kind is NoticeKind.DIGEST:
                digest.entries = _one_line_an_item(digest.entries)
        result.sort(key=lambda d: (d.person.full_name, d.person.id, d.kind.value))
        return result

    def _reason(
        self, schedule: Schedule, window: Sequence[date], policy: ReminderPolicy
    ) -> Reason | None:
        """Why the assignment is in the digest of the window's last day: its reminder that
        day, or — for one missed on an earlier day of the window — how it stands now."""
        day = window[-1]
        reason = reason_on(schedule, day, policy, self.calendar)
        if reason is not None:
            return reason
        for earlier in window[:-1]:
            if reason_on(schedule, earlier, policy, self.calendar) is not None:
                if schedule.snoozed_until is not None and day < schedule.snoozed_until:
                    return None
                return state_on(schedule, day)
        return None

    def _entry(self, row: AssignmentRow, reason: Reason, day: date) -> Entry:
        return Entry(
            reason=reason,
            item_id=row.item_id,
            number=row.number,
            text=row.text,
            due=row.due,
            days=(row.due - day).days,
            position=row.position,
            assignment_id=row.assignment_id,
            organization=row.organization,
        )

    async def _coordinator_entries(
        self, cluster: Cluster, window: Sequence[date], day: date, policy: ReminderPolicy
    ) -> list[Entry]:
        entries: list[Entry] = []
        reminded: dict[date, bool] = {}  # by the day the report was sent: many share one
        for waiting in await self.storage.reminders.waiting_reports(cluster.id):
            since = local_time(waiting.sent_at, cluster.timezone).date()
            if since not in reminded:
                reminded[since] = any(awaiting_on(since, d, policy, self.calendar) for d in window)
            if reminded[since]:
                entries.append(self._waiting_entry(waiting, day))
        if any(undated_on(d, policy, self.calendar) for d in window):
            entries.extend(
                self._undated_entry(undated)
                for undated in await self.storage.reminders.undated_items(cluster.id)
            )
        return entries

    def _waiting_entry(self, waiting: WaitingRow, day: date) -> Entry:
        entry = self._entry(waiting.row, Reason.AWAITING_DECISION, day)
        return replace(entry, report_id=waiting.report_id)

    def _undated_entry(self, undated: UndatedRow) -> Entry:
        return Entry(
            reason=Reason.UNDATED,
            item_id=undated.item_id,
            number=undated.number,
            text=undated.text,
            due=None,
            days=0,
            position=undated.position,
        )

    async def digest(
        self, person_id: int, cluster_id: int, kind: NoticeKind, day: date, since: date
    ) -> Digest | None:
        """A queued digest as it reads now (for the sender): None when it has nothing left
        or its day is over in the cluster — tomorrow's digest supersedes it."""
        cluster = await self.storage.clusters.get(cluster_id)
        if cluster is None or cluster.archived_at is not None:
            return None
        if local_time(self.clock.now(), cluster.timezone).date() != day:
            return None
        for digest in await self.digests(cluster, day, since, person_id=person_id):
            if digest.kind is kind and digest.entries:
                return digest
        return None

    async def preview(self, day: date, cluster_name: str | None = None) -> list[Digest]:
        """What would go out on ``day`` in every cluster (or one), as if nothing was sent."""
        clusters = await self.storage.reminders.clusters_to_sweep()
        if cluster_name is not None:
            clusters = [c for c in clusters if c.name == cluster_name]
            if not clusters:
                raise NotFound("error-not-found")
        result: list[Digest] = []
        for cluster in clusters:
            result.extend(await self.digests(cluster, day))
        return result

    # --- a person's view ------------------------------------------------------------------

    async def upcoming(self, person: Person) -> list[Upcoming]:
        """/reminders: each open assignment the person answers for, and when the bot will
        next remind them of it (in the cluster's time)."""
        memberships = await self.storage.memberships.active_of_person(person.id)
        result: list[Upcoming] = []
        now = self.clock.now()
        for membership in memberships:
            cluster = membership.cluster
            if cluster.archived_at is not None:
                continue
            policy = self.policy_of(cluster)
            local = local_time(now, cluster.timezone)
            today = local.date()
            # Today's digest counts while its hour is ahead (or it has not been swept yet).
            after = (
                today - timedelta(days=1)
                if local.time() < time(policy.hour)
                and (cluster.reminders_swept_on is None or cluster.reminders_swept_on < today)
                else today
            )
            by_person, by_role = _holders([_member(membership)])
            snoozes = await self.storage.reminders.snoozes(cluster.id, today)
            for row in await self.storage.reminders.all_open_assignments(cluster.id):
                if not _recipients(row, by_person, by_role):
                    continue
                snoozed = snoozes.get((person.id, row.assignment_id))
                schedule = Schedule(
                    row.due, row.start, row.deadline_kind == "continuous", None, snoozed
                )
                found = next_reminder(schedule, after, policy, self.calendar)
                when = self.send_at(cluster, found[0], policy) if found else None
                result.append(Upcoming(row, cluster, when, found[1] if found else None, snoozed))
        result.sort(key=lambda u: (u.when is None, u.when or now, u.row.due, u.row.position))
        return result

    async def snooze(self, person: Person, assignment_id: int) -> tuple[date, Cluster]:
        """«⏰ Напомнить завтра»: the person's reminders of the assignment wait a working
        day; the deadline stays. Returns the day they resume."""
        found = await ItemRepository(self.storage.session).assignment_in_context(assignment_id)
        if found is None:
            raise NotFound("error-assignment-not-found")
        assignment, _occurrence, _item, cluster, _organization = found
        membership = await self.storage.memberships.active(cluster.id, person.id)
        if membership is None:
            raise NotFound("error-assignment-not-found")
        if assignment.status not in (AssignmentStatus.OPEN, AssignmentStatus.RETURNED):
            raise InvalidInput("reminders-snooze-closed")
        if not holds(membership, assignment):
            # Only the people reminded of it may put its reminders off.
            raise AccessDenied("reminders-snooze-not-yours")
        today = local_time(self.clock.now(), cluster.timezone).date()
        until = self.calendar.next_working_day(today)
        await self.storage.reminders.snooze(person.id, assignment_id, until, self.clock.now())
        await self.storage.commit()
        return until, cluster

    # --- /settings ------------------------------------------------------------------------

    async def settings(self, person: Person, cluster_id: int) -> ClusterSettings:
        assert self.access is not None, "settings are read by the handlers' service"
        await self.access.require_coordinator(person, cluster_id)
        cluster = await self.storage.clusters.get(cluster_id)
        if cluster is None:
            raise NotFound("error-not-found")
        return ClusterSettings(cluster, self.policy_of(cluster), self.default)

    async def change(
        self, person: Person, cluster_id: int, key: str, value: int
    ) -> ClusterSettings:
        """Set one policy value (a toggle flips; ``days_before`` toggles one day)."""
        current = await self.settings(person, cluster_id)
        policy = current.policy
        changes: dict[str, Any] = policy.changes_from(self.default)
        if key in TOGGLES:
            changes[key] = not getattr(policy, key)
        elif key == "days_before":
            if value not in DAYS_BEFORE_CHOICES:
                raise InvalidInput("error-stale-button")
            days = set(policy.days_before) ^ {value}
            changes[key] = sorted(days, reverse=True)
        elif key in SETTING_CHOICES and value in SETTING_CHOICES[key]:
            changes[key] = value
        elif key == "reset":
            changes = {}
        else:
            raise InvalidInput("error-stale-button")
        candidate = self.default.with_changes(changes)
        if candidate == policy and key != "reset":
            # The change would put the digest inside the quiet hours.
            raise InvalidInput("settings-conflict")
        cluster = current.cluster
        cluster.reminder_settings = candidate.changes_from(self.default)
        await audit.record(
            self.storage,
            at=self.clock.now(),
            action="reminder_settings",
            entity="cluster",
            entity_id=cluster.id,
            actor_id=person.id,
            cluster_id=cluster.id,
            key=key,
            value=value,
        )
        await self.storage.commit()
        return ClusterSettings(cluster, candidate, self.default)

    async def coordinated_policies(self, person: Person) -> list[ClusterSettings]:
        """/reminders: the clusters whose coordinator digest the person receives (active
        coordinator memberships, not an administrator's reach), each with its policy."""
        return [
            ClusterSettings(m.cluster, self.policy_of(m.cluster), self.default)
            for m in await self.storage.memberships.active_of_person(person.id)
            if m.role is MemberRole.COORDINATOR and m.cluster.archived_at is None
        ]


_ORDER = {
    Reason.ESCALATION: 0,
    Reason.AWAITING_DECISION: 1,
    Reason.UNDATED: 2,
    Reason.OVERDUE: 0,
    Reason.DUE_TODAY: 1,
    Reason.BEFORE: 2,
    Reason.CHECKIN: 3,
}


@dataclass(frozen=True, slots=True)
class DigestReader:
    """What the sender needs to read a queued digest again at send time (no rights checks:
    the row already names its recipient)."""

    policy: ReminderPolicy
    calendar: WorkCalendar
    clock: Clock

    async def read(
        self, storage: Storage, person_id: int, cluster_id: int, kind: NoticeKind, payload: Any
    ) -> Digest | None:
        try:
            day = date.fromisoformat(str(payload["day"]))
            since = date.fromisoformat(str(payload.get("since") or payload["day"]))
        except (KeyError, TypeError, ValueError):
            return None
        service = ReminderService(storage, self.clock, None, self.policy, self.calendar)
        return await service.digest(person_id, cluster_id, kind, day, since)
