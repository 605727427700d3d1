"""The weekly summary of a cluster: progress, what was done last week and by whom, what is due
this week and next, what is overdue and who answers for it, items without a date, people the
bot cannot reach, indicators' targets beside their actual values.

A summary is computed for a local day of the cluster (its week: Monday to Sunday) from four
Core selects (built once, the cluster a parameter), whatever the plan's size. The weekly post
is a notice like the reminders: a sweep queues it once per cluster per week (dedup key
``weekly_summary:{cluster}:{week}``) when the cluster's day and hour have come, and the sender
computes the summary again when it sends it (``SummaryReader``), so the post says how things
stand at that moment.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Integer, and_, bindparam, select

from bot.clock import Clock
from bot.domain.branding import Branding
from bot.domain.calendar import local_time, zone
from bot.domain.notices import NoticeKind
from bot.errors import AccessDenied, InvalidInput, NotFound
from bot.services import audit
from storage.models import (
    Assignment,
    AssignmentStatus,
    Cluster,
    Indicator,
    Item,
    ItemStatus,
    MemberRole,
    Membership,
    NotificationStatus,
    Occurrence,
    Organization,
    Person,
    Report,
    ReportKind,
    Section,
    membership_plan_roles,
)
from storage.uow import Storage

DONE_STATES = frozenset({AssignmentStatus.SUBMITTED, AssignmentStatus.ACCEPTED})
OPEN_STATES = frozenset({AssignmentStatus.OPEN, AssignmentStatus.RETURNED})
# A week's post not sent by then (the bot was down) is not posted late any more.
LATE_FOR = timedelta(days=2)
# The choices /settings offers for the post.
WEEKDAYS = (1, 2, 3, 4, 5)
HOURS = (8, 9, 10, 11, 12, 14, 16, 17)
# Accessible colour presets («в цветах брендбука»): every one passes Branding.readable().
PRESETS: dict[str, dict[str, str]] = {
    "navy": {"primary": "#1F4E79", "accent": "#C55A11", "muted": "#D9D9D9"},
    "green": {"primary": "#2E6B30", "accent": "#B03A2E", "muted": "#DDE5D8"},
    "burgundy": {"primary": "#7B1E3A", "accent": "#9C5700", "muted": "#E6D8DC"},
    "teal": {"primary": "#006272", "accent": "#B5430A", "muted": "#D5E3E6"},
    "graphite": {"primary": "#3A3F44", "accent": "#B3261E", "muted": "#DADCDE"},
}
PRESET_NAMES = tuple(PRESETS)


@dataclass(frozen=True, slots=True)
class SummarySchedule:
    """When the weekly post goes: ISO weekday (1 = Monday) and the local hour."""

    weekday: int = 1
    hour: int = 9

    def with_changes(self, changes: Mapping[str, Any]) -> SummarySchedule:
        weekday, hour = changes.get("weekday", self.weekday), changes.get("hour", self.hour)
        valid_weekday = isinstance(weekday, int) and 1 <= weekday <= 7
        valid_hour = isinstance(hour, int) and 0 <= hour <= 23
        return SummarySchedule(
            weekday if valid_weekday else self.weekday, hour if valid_hour else self.hour
        )


@dataclass(frozen=True, slots=True)
class Totals:
    assignments: int = 0
    done: int = 0
    done_on_time: int = 0
    overdue: int = 0
    undated: int = 0


@dataclass(frozen=True, slots=True)
class DoneLine:
    number: str
    text: str
    organization: str | None
    person: str
    day: date


@dataclass(frozen=True, slots=True)
class DueLine:
    number: str
    text: str
    organization: str | None
    due: date


@dataclass(frozen=True, slots=True)
class OverdueLine:
    number: str
    text: str
    organization: str | None
    due: date
    days: int
    people: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class UndatedLine:
    number: str
    text: str


@dataclass(frozen=True, slots=True)
class UnreachableLine:
    person: str
    organization: str | None


@dataclass(frozen=True, slots=True)
class IndicatorLine:
    number: str
    text: str
    year: int | None
    target: str | None
    actual: str | None


@dataclass(frozen=True, slots=True)
class Progress:
    """One bar of the chart: a college or a section."""

    label: str
    total: int
    done: int
    overdue: int


@dataclass(slots=True)
class Summary:
    cluster: Cluster
    day: date
    week_start: date
    week_end: date
    branding: Branding
    totals: Totals = field(default_factory=Totals)
    done_last_week: list[DoneLine] = field(default_factory=list)
    due_this_week: list[DueLine] = field(default_factory=list)
    due_next_week: list[DueLine] = field(default_factory=list)
    overdue: list[OverdueLine] = field(default_factory=list)
    undated: list[UndatedLine] = field(default_factory=list)
    unreachable: list[UnreachableLine] = field(default_factory=list)
    indicators: list[IndicatorLine] = field(default_factory=list)
    by_college: list[Progress] = field(default_factory=list)
    by_section: list[Progress] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Nothing in the plan at all: no post is worth sending."""
        return not self.totals.assignments and not self.totals.undated

    @property
    def progress(self) -> tuple[str, list[Progress]]:
        """What the chart shows: colleges when there are several, else sections."""
        if len(self.by_college) > 1 or not self.by_section:
            return "college", self.by_college
        return "section", self.by_section


@dataclass(frozen=True, slots=True)
class SummarySweep:
    clusters: int
    queued: int


def week_of(day: date) -> tuple[date, date]:
    start = day - timedelta(days=day.weekday())
    return start, start + timedelta(days=6)


def _local_day(moment: datetime, timezone: str) -> date:
    return local_time(moment, timezone).date()


def _add(bars: dict[str, list[int]], label: str, done: bool, overdue: bool) -> None:
    bar = bars.setdefault(label, [0, 0, 0])
    bar[0] += 1
    bar[1] += int(done)
    bar[2] += int(overdue)


def _bars(bars: dict[str, list[int]]) -> list[Progress]:
    return [Progress(label, *values) for label, values in bars.items()]


@functools.cache
def _statements() -> tuple[Any, ...]:
    """The four selects of a summary, built once (the cluster a bound parameter): building
    them anew took half of a summary's time."""
    cluster_id = bindparam("cluster_id", type_=Integer)
    plan = (
        select(
            Item.id,
            Item.number,
            Item.text,
            Item.position,
            Section.title,
            Occurrence.id,
            Occurrence.due_date,
            Assignment.id,
            Assignment.status,
            Assignment.due_date,
            Assignment.organization_id,
            Organization.name,
            Assignment.person_id,
            Assignment.plan_role_id,
        )
        .select_from(Item)
        .outerjoin(Section, Section.id == Item.section_id)
        .outerjoin(Occurrence, Occurrence.item_id == Item.id)
        .outerjoin(
            Assignment,
            and_(
                Assignment.occurrence_id == Occurrence.id,
                Assignment.status != AssignmentStatus.CANCELLED,
            ),
        )
        .outerjoin(Organization, Organization.id == Assignment.organization_id)
        .where(Item.cluster_id == cluster_id, Item.status != ItemStatus.CANCELLED)
        .order_by(Item.position, Item.id, Occurrence.seq, Assignment.id)
    )
    done = (
        select(Report.assignment_id, Report.created_at, Person.full_name)
        .join(Assignment, Assignment.id == Report.assignment_id)
        .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
        .join(Item, Item.id == Occurrence.item_id)
        .outerjoin(Person, Person.id == Report.author_id)
        .where(
            Item.cluster_id == cluster_id,
            Report.kind == ReportKind.DONE,
            Assignment.status.in_(DONE_STATES),
        )
        .order_by(Report.id)
    )
    members = (
        select(
            Membership.person_id,
            Membership.role,
            Membership.organization_id,
            Person.full_name,
            Person.unreachable_since,
            Organization.name,
            membership_plan_roles.c.plan_role_id,
        )
        .join(Person, Person.id == Membership.person_id)
        .outerjoin(Organization, Organization.id == Membership.organization_id)
        .outerjoin(membership_plan_roles, membership_plan_roles.c.membership_id == Membership.id)
        .where(Membership.cluster_id == cluster_id, Membership.removed_at.is_(None))
        .order_by(Person.full_name, Membership.person_id)
    )
    indicators = (
        select(Item.number, Indicator.text, Indicator.year, Indicator.target, Indicator.actual)
        .join(Item, Item.id == Indicator.item_id)
        .where(Item.cluster_id == cluster_id, Item.status != ItemStatus.CANCELLED)
        .where((Indicator.target.is_not(None)) | (Indicator.actual.is_not(None)))
        .order_by(Item.position, Item.id, Indicator.position)
    )
    return plan, done, members, indicators


class SummaryService:
    def __init__(
        self,
        storage: Storage,
        clock: Clock,
        schedule: SummarySchedule | None = None,
        branding: Branding | None = None,
    ) -> None:
        self.storage = storage
        self.clock = clock
        self.default = schedule or SummarySchedule()
        self.default_branding = branding or Branding()

    def schedule_of(self, cluster: Cluster) -> SummarySchedule:
        return self.default.with_changes(cluster.summary_settings or {})

    def branding_of(self, cluster: Cluster) -> Branding:
        return self.default_branding.with_changes(cluster.branding or {})

    def today(self, cluster: Cluster) -> date:
        return _local_day(self.clock.now(), cluster.timezone)

    # --- the summary ----------------------------------------------------------------------

    async def summary(self, cluster: Cluster, day: date | None = None) -> Summary:
        """The summary of the cluster on ``day`` (its local today by default). Reads only:
        four selects (the plan, the done reports, the members, the indicators)."""
        day = day or self.today(cluster)
        week_start, week_end = week_of(day)
        summary = Summary(cluster, day, week_start, week_end, self.branding_of(cluster))
        session = self.storage.session
        statements = _statements()
        params = {"cluster_id": cluster.id}
        rows = (await session.execute(statements[0], params)).all()
        # The latest done report of each assignment: when and by whom it was done.
        reported = {
            a: (at, name) for a, at, name in (await session.execute(statements[1], params)).all()
        }
        members = await session.execute(statements[2], params)
        names: dict[int, str] = {}
        holders: dict[int, list[tuple[int | None, str]]] = defaultdict(list)
        unreachable: dict[int, UnreachableLine] = {}
        for person_id, role, org_id, name, unreachable_since, org_name, role_id in members.all():
            names[person_id] = name
            if unreachable_since is not None and person_id not in unreachable:
                unreachable[person_id] = UnreachableLine(name, org_name)
            if role_id is not None and role is not MemberRole.OBSERVER:
                holders[role_id].append((org_id, name))
        summary.unreachable = list(unreachable.values())
        indicators = await session.execute(statements[3], params)
        summary.indicators = [IndicatorLine(*values) for values in indicators.all()]

        last_start, last_end = week_start - timedelta(days=7), week_start - timedelta(days=1)
        next_start, next_end = week_end + timedelta(days=1), week_end + timedelta(days=7)
        totals = [0, 0, 0, 0, 0]
        colleges: dict[str, list[int]] = {}
        sections: dict[str, list[int]] = {}
        timezone = cluster.timezone
        for (
            _item_id,
            number,
            text,
            _position,
            section,
            occurrence_id,
            occurrence_due,
            assignment_id,
            status,
            assignment_due,
            org_id,
            org_name,
            person_id,
            role_id,
        ) in rows:
            if occurrence_id is None:
                summary.undated.append(UndatedLine(number, text))
                totals[4] += 1
                continue
            if assignment_id is None:
                continue
            due: date = assignment_due or occurrence_due
            totals[0] += 1
            done = status in DONE_STATES
            late = False
            if done:
                totals[1] += 1
                at, author = reported.get(assignment_id, (None, None))
                done_day = _local_day(at, timezone) if at is not None else None
                if done_day is None or done_day <= due:
                    totals[2] += 1
                if done_day is not None and last_start <= done_day <= last_end:
                    summary.done_last_week.append(
                        DoneLine(number, text, org_name, author or "", done_day)
                    )
            elif due < day:
                late = True
                totals[3] += 1
                if person_id is not None:
                    people: tuple[str, ...] = (names[person_id],) if person_id in names else ()
                else:
                    people = tuple(
                        name
                        for holder_org, name in holders.get(role_id or 0, ())
                        if org_id is None or holder_org == org_id
                    )
                summary.overdue.append(
                    OverdueLine(number, text, org_name, due, (day - due).days, people)
                )
            elif due <= week_end:
                summary.due_this_week.append(DueLine(number, text, org_name, due))
            elif next_start <= due <= next_end:
                summary.due_next_week.append(DueLine(number, text, org_name, due))
            if org_name is not None:
                _add(colleges, org_name, done, late)
            _add(sections, section or "—", done, late)
        summary.totals = Totals(*totals)
        summary.done_last_week.sort(key=lambda d: d.day)
        summary.due_this_week.sort(key=lambda d: d.due)
        summary.due_next_week.sort(key=lambda d: d.due)
        summary.overdue.sort(key=lambda o: (-o.days, o.number))
        summary.by_college = sorted(_bars(colleges), key=lambda p: p.label)
        summary.by_section = _bars(sections)
        return summary

    async def cluster_named(self, name: str) -> Cluster:
        cluster = (
            await self.storage.session.execute(select(Cluster).where(Cluster.name == name))
        ).scalar_one_or_none()
        if cluster is None:
            raise NotFound("error-not-found")
        return cluster

    # --- who may read it ------------------------------------------------------------------

    async def readable_clusters(self, person: Person, admin: bool = False) -> list[Cluster]:
        """/summary: the clusters where the person coordinates or observes (all for admins)."""
        if admin:
            return list(await self.storage.clusters.all_active())
        return [
            m.cluster
            for m in await self.storage.memberships.active_of_person(person.id)
            if m.role in (MemberRole.COORDINATOR, MemberRole.OBSERVER)
            and m.cluster.archived_at is None
        ]

    async def readable(self, person: Person, cluster_id: int, admin: bool = False) -> Cluster:
        cluster = await self.storage.clusters.get(cluster_id)
        if cluster is None or cluster.archived_at is not None:
            raise NotFound("error-not-found")
        if admin:
            return cluster
        membership = await self.storage.memberships.active(cluster_id, person.id)
        if membership is None or membership.role not in (
            MemberRole.COORDINATOR,
            MemberRole.OBSERVER,
        ):
            raise AccessDenied("summary-not-allowed")
        return cluster

    # --- /settings: the post's day and hour, the cluster's colours ------------------------

    async def change(self, person: Person, cluster: Cluster, key: str, value: int) -> None:
        """One button of /settings (the caller has checked the person coordinates the cluster):
        ``summary_weekday`` / ``summary_hour`` (a value offered), ``colours`` (a preset's
        index in ``PRESET_NAMES``), stored as the cluster's changes from the defaults."""
        if key in ("summary_weekday", "summary_hour"):
            try:
                cluster.summary_settings = settings_changes(
                    cluster.summary_settings or {},
                    key.removeprefix("summary_"),
                    value,
                    self.default,
                )
            except ValueError:
                raise InvalidInput("error-stale-button") from None
        elif key == "colours" and 0 <= value < len(PRESET_NAMES):
            preset = PRESETS[PRESET_NAMES[value]]
            chosen = self.default_branding.with_changes({**(cluster.branding or {}), **preset})
            kept = {k: v for k, v in (cluster.branding or {}).items() if k not in preset}
            cluster.branding = {
                **kept,
                **{
                    k: getattr(chosen, k)
                    for k in preset
                    if getattr(chosen, k) != getattr(self.default_branding, k)
                },
            }
        else:
            raise InvalidInput("error-stale-button")
        await audit.record(
            self.storage,
            at=self.clock.now(),
            action="summary_settings",
            entity="cluster",
            entity_id=cluster.id,
            actor_id=person.id,
            cluster_id=cluster.id,
            key=key,
            value=value,
        )
        await self.storage.commit()

    # --- the weekly post ------------------------------------------------------------------

    def post_moment(self, cluster: Cluster, day: date) -> datetime:
        """The local moment of the post in the week of ``day``."""
        schedule = self.schedule_of(cluster)
        start, _ = week_of(day)
        post_day = start + timedelta(days=schedule.weekday - 1)
        return datetime.combine(post_day, time(schedule.hour), tzinfo=zone(cluster.timezone))

    async def sweep(self) -> SummarySweep:
        """Queue the week's post of every cluster whose day and hour have come (once a week:
        the dedup key names the week). Safe to run any number of times, in several processes."""
        now = self.clock.now()
        swept = queued = 0
        for cluster in await self.storage.reminders.clusters_to_sweep():
            local = local_time(now, cluster.timezone)
            moment = self.post_moment(cluster, local.date())
            if not moment <= local < moment + LATE_FOR or cluster.created_at > moment:
                continue
            rows = await self._post_rows(cluster, moment, now)
            if not rows:
                continue
            queued += await self.storage.reminders.enqueue_many(rows)
            await self.storage.commit()
            swept += 1
        return SummarySweep(swept, queued)

    async def _post_rows(
        self, cluster: Cluster, moment: datetime, now: datetime
    ) -> list[dict[str, Any]]:
        week = week_of(moment.date())[0].isoformat()
        key = f"{NoticeKind.WEEKLY_SUMMARY.value}:{cluster.id}:{week}"
        base = {
            "kind": NoticeKind.WEEKLY_SUMMARY.value,
            "cluster_id": cluster.id,
            "payload": {"week": week},
            "silent": False,
            "status": NotificationStatus.PENDING,
            "attempts": 0,
            "not_before": now,
            "created_at": now,
        }
        if cluster.group_chat_id is not None:
            return [
                {
                    **base,
                    "dedup_key": key,
                    "person_id": None,
                    "chat_id": cluster.group_chat_id,
                    "message_thread_id": cluster.group_thread_id,
                }
            ]
        coordinators = [
            m
            for m in await self.storage.memberships.active_of_cluster(cluster.id)
            if m.role is MemberRole.COORDINATOR
        ]
        return [
            {
                **base,
                "dedup_key": f"{key}:{m.person_id}",
                "person_id": m.person_id,
                "chat_id": None,
                "message_thread_id": None,
            }
            for m in coordinators
        ]


@dataclass(frozen=True, slots=True)
class SummaryReader:
    """What the sender needs to compute a queued weekly post at send time: None when the
    cluster is gone, its week is over, or its plan is empty."""

    clock: Clock
    schedule: SummarySchedule = field(default_factory=SummarySchedule)
    branding: Branding = field(default_factory=Branding)

    async def read(self, storage: Storage, cluster_id: int, payload: Any) -> Summary | None:
        try:
            week = date.fromisoformat(str(payload["week"]))
        except (KeyError, TypeError, ValueError):
            return None
        cluster = await storage.clusters.get(cluster_id)
        if cluster is None or cluster.archived_at is not None:
            return None
        service = SummaryService(storage, self.clock, self.schedule, self.branding)
        today = service.today(cluster)
        if not week <= today <= week + timedelta(days=6):
            return None
        summary = await service.summary(cluster, today)
        return None if summary.empty else summary


def summary_to_json(summary: Summary) -> dict[str, Any]:
    """The contract of `workplan summary --format json` (more keys may be added)."""
    t = summary.totals
    return {
        "cluster": summary.cluster.name,
        "date": summary.day.isoformat(),
        "week": {"start": summary.week_start.isoformat(), "end": summary.week_end.isoformat()},
        "totals": {
            "assignments": t.assignments,
            "done": t.done,
            "done_on_time": t.done_on_time,
            "overdue": t.overdue,
            "undated": t.undated,
        },
        "done_last_week": [
            {
                "number": d.number,
                "organization": d.organization,
                "person": d.person,
                "date": d.day.isoformat(),
            }
            for d in summary.done_last_week
        ],
        "due_this_week": [_due(d) for d in summary.due_this_week],
        "due_next_week": [_due(d) for d in summary.due_next_week],
        "overdue": [
            {
                "number": o.number,
                "organization": o.organization,
                "due": o.due.isoformat(),
                "days": o.days,
                "people": list(o.people),
            }
            for o in summary.overdue
        ],
        "undated": [{"number": u.number} for u in summary.undated],
        "unreachable": [
            {"person": u.person, "organization": u.organization} for u in summary.unreachable
        ],
        "indicators": [
            {
                "number": i.number,
                "text": i.text,
                "year": i.year,
                "target": i.target,
                "actual": i.actual,
            }
            for i in summary.indicators
        ],
        "progress": {
            "by_college": [_bar(p) for p in summary.by_college],
            "by_section": [_bar(p) for p in summary.by_section],
        },
    }


def _due(line: DueLine) -> dict[str, Any]:
    return {"number": line.number, "organization": line.organization, "due": line.due.isoformat()}


def _bar(progress: Progress) -> dict[str, Any]:
    return {
        "label": progress.label,
        "total": progress.total,
        "done": progress.done,
        "overdue": progress.overdue,
    }


def settings_changes(
    summary_settings: Mapping[str, Any], key: str, value: int, default: SummarySchedule
) -> dict[str, Any]:
    """The cluster's summary settings after one button (``weekday`` or ``hour``)."""
    choices = {"weekday": WEEKDAYS, "hour": HOURS}
    if key not in choices or value not in choices[key]:
        raise ValueError(key)
    current = default.with_changes(summary_settings)
    changed = {"weekday": current.weekday, "hour": current.hour, key: value}
    return {k: v for k, v in changed.items() if v != getattr(default, k)}
