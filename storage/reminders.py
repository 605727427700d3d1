"""Reads for reminders: plain rows by due date (no ORM objects for thousands of assignments),
and the queueing of a sweep's notices in a few statements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, and_, delete, exists, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Assignment,
    AssignmentStatus,
    Cluster,
    Item,
    ItemStatus,
    MemberRole,
    Membership,
    Notification,
    Occurrence,
    Organization,
    Person,
    ReminderSnooze,
    Report,
    ReportKind,
    membership_plan_roles,
)

OPEN_STATES = (AssignmentStatus.OPEN, AssignmentStatus.RETURNED)
NOTIFICATIONS = cast(Table, Notification.__table__)


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    """One open (or submitted) assignment of an active item, as reminders need it."""

    assignment_id: int
    status: AssignmentStatus
    organization_id: int | None
    organization: str | None
    person_id: int | None
    plan_role_id: int | None
    due: date
    start: date | None
    item_id: int
    number: str
    text: str
    deadline_kind: str
    position: int


@dataclass(frozen=True, slots=True)
class PersonRow:
    id: int
    full_name: str
    telegram_id: int


@dataclass(frozen=True, slots=True)
class MemberRow:
    """An active member as reminders need them: who, in which college, holding which roles."""

    person_id: int
    role: MemberRole
    organization_id: int | None
    role_ids: frozenset[int]
    person: PersonRow


@dataclass(frozen=True, slots=True)
class UndatedRow:
    item_id: int
    number: str
    text: str
    position: int


@dataclass(frozen=True, slots=True)
class WaitingRow:
    """A done report waiting for the coordinator's decision."""

    report_id: int
    sent_at: datetime
    row: AssignmentRow


def _dialect(session: AsyncSession) -> str:
    return session.bind.dialect.name if session.bind is not None else ""


_COLUMNS = (
    Assignment.id,
    Assignment.status,
    Assignment.organization_id,
    Organization.name,
    Assignment.person_id,
    Assignment.plan_role_id,
    func.coalesce(Assignment.due_date, Occurrence.due_date),
    Occurrence.start_date,
    Item.id,
    Item.number,
    Item.text,
    Item.deadline_kind,
    Item.position,
)


def _row(values: Sequence[Any]) -> AssignmentRow:
    return AssignmentRow(*values)


class ReminderRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def members(self, cluster_id: int) -> list[MemberRow]:
        """The cluster's active members with their plan roles, in two plain reads."""
        result = await self.session.execute(
            select(
                Membership.id,
                Membership.person_id,
                Membership.role,
                Membership.organization_id,
                Person.full_name,
                Person.telegram_id,
            )
            .join(Person, Person.id == Membership.person_id)
            .where(Membership.cluster_id == cluster_id, Membership.removed_at.is_(None))
            .order_by(Membership.joined_at, Membership.id)
        )
        rows = result.all()
        roles: dict[int, set[int]] = {}
        if rows:
            held = await self.session.execute(
                select(membership_plan_roles.c.membership_id, membership_plan_roles.c.plan_role_id)
                .join(Membership, Membership.id == membership_plan_roles.c.membership_id)
                .where(Membership.cluster_id == cluster_id, Membership.removed_at.is_(None))
            )
            for membership_id, role_id in held.all():
                roles.setdefault(membership_id, set()).add(role_id)
        return [
            MemberRow(
                person_id=person_id,
                role=role,
                organization_id=organization_id,
                role_ids=frozenset(roles.get(membership_id, ())),
                person=PersonRow(person_id, full_name, telegram_id),
            )
            for membership_id, person_id, role, organization_id, full_name, telegram_id in rows
        ]

    def _assignments(self, cluster_id: int, states: Sequence[AssignmentStatus]) -> Any:
        return (
            select(*_COLUMNS)
            .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
            .join(Item, Item.id == Occurrence.item_id)
            .outerjoin(Organization, Organization.id == Assignment.organization_id)
            .where(
                Item.cluster_id == cluster_id,
                Item.status == ItemStatus.ACTIVE,
                Assignment.status.in_(states),
            )
        )

    async def open_assignments(
        self, cluster_id: int, due_from: date, due_to: date, continuous_on: date | None
    ) -> list[AssignmentRow]:
        """Open assignments due in [due_from, due_to]; with ``continuous_on``, also those of
        items running all period («в течение года») that are under way on that day."""
        in_window = or_(
            and_(Assignment.due_date.is_(None), Occurrence.due_date.between(due_from, due_to)),
            Assignment.due_date.between(due_from, due_to),
        )
        if continuous_on is not None:
            in_window = or_(
                in_window,
                and_(
                    Item.deadline_kind == "continuous",
                    Occurrence.due_date >= continuous_on,
                    or_(Occurrence.start_date.is_(None), Occurrence.start_date <= continuous_on),
                ),
            )
        query = self._assignments(cluster_id, OPEN_STATES).where(in_window)
        result = await self.session.execute(query.order_by(Item.position, Assignment.id))
        return [_row(values) for values in result.all()]

    async def all_open_assignments(self, cluster_id: int) -> list[AssignmentRow]:
        query = self._assignments(cluster_id, OPEN_STATES)
        result = await self.session.execute(query.order_by(Item.position, Assignment.id))
        return [_row(values) for values in result.all()]

    async def waiting_reports(self, cluster_id: int) -> list[WaitingRow]:
        """Submitted assignments with their latest undecided done report."""
        latest = (
            select(Report.assignment_id, func.max(Report.id).label("report_id"))
            .join(Assignment, Assignment.id == Report.assignment_id)
            .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
            .join(Item, Item.id == Occurrence.item_id)
            .where(
                Item.cluster_id == cluster_id,
                Assignment.status == AssignmentStatus.SUBMITTED,
                Report.kind == ReportKind.DONE,
                Report.decision.is_(None),
            )
            .group_by(Report.assignment_id)
            .subquery()
        )
        query = (
            self._assignments(cluster_id, (AssignmentStatus.SUBMITTED,))
            .add_columns(Report.id, Report.created_at)
            .join(latest, latest.c.assignment_id == Assignment.id)
            .join(Report, Report.id == latest.c.report_id)
            .order_by(Report.created_at, Report.id)
        )
        result = await self.session.execute(query)
        return [
            WaitingRow(report_id=values[-2], sent_at=values[-1], row=_row(values[:-2]))
            for values in result.all()
        ]

    async def undated_items(self, cluster_id: int) -> list[UndatedRow]:
        """Active items with no date to remind anyone of."""
        query = (
            select(Item.id, Item.number, Item.text, Item.position)
            .where(
                Item.cluster_id == cluster_id,
                Item.status == ItemStatus.ACTIVE,
                ~exists().where(Occurrence.item_id == Item.id),
            )
            .order_by(Item.position, Item.id)
        )
        result = await self.session.execute(query)
        return [UndatedRow(*values) for values in result.all()]

    async def snoozes(self, cluster_id: int, until_from: date) -> dict[tuple[int, int], date]:
        """(person id, assignment id) → the day reminders resume, for snoozes still running."""
        query = (
            select(ReminderSnooze.person_id, ReminderSnooze.assignment_id, ReminderSnooze.until)
            .join(Assignment, Assignment.id == ReminderSnooze.assignment_id)
            .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
            .join(Item, Item.id == Occurrence.item_id)
            .where(Item.cluster_id == cluster_id, ReminderSnooze.until >= until_from)
        )
        result = await self.session.execute(query)
        return {(person, assignment): until for person, assignment, until in result.all()}

    async def snooze(self, person_id: int, assignment_id: int, until: date, now: datetime) -> None:
        """Set (or move) the person's snooze of the assignment."""
        await self.session.execute(
            delete(ReminderSnooze).where(
                ReminderSnooze.person_id == person_id,
                ReminderSnooze.assignment_id == assignment_id,
            )
        )
        self.session.add(
            ReminderSnooze(
                person_id=person_id, assignment_id=assignment_id, until=until, created_at=now
            )
        )
        await self.session.flush()

    async def clusters_to_sweep(self) -> Sequence[Cluster]:
        result = await self.session.execute(
            select(Cluster).where(Cluster.archived_at.is_(None)).order_by(Cluster.id)
        )
        return result.scalars().all()

    async def mark_swept(self, cluster_id: int, day: date) -> bool:
        """Record that ``day``'s reminders of the cluster are queued; False when another
        sweep (another process) did it first."""
        result = await self.session.execute(
            update(Cluster)
            .where(
                Cluster.id == cluster_id,
                or_(Cluster.reminders_swept_on.is_(None), Cluster.reminders_swept_on < day),
            )
            .values(reminders_swept_on=day)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0))

    async def enqueue_many(self, rows: Sequence[dict[str, Any]]) -> int:
        """Queue notices in a few multi-row statements; a dedup key already queued is skipped
        (ON CONFLICT DO NOTHING), so sweeps of several processes queue each once. One cached
        statement with the rows as parameters (SQLAlchemy batches them into multi-row INSERTs
        itself); RETURNING counts the rows actually written on both SQLite and PostgreSQL."""
        if not rows:
            return 0
        insert = postgresql.insert if _dialect(self.session) == "postgresql" else sqlite.insert
        statement = (
            insert(NOTIFICATIONS)
            .on_conflict_do_nothing(index_elements=[NOTIFICATIONS.c.dedup_key])
            .returning(NOTIFICATIONS.c.id)
        )
        result = await self.session.execute(statement, list(rows))
        return len(result.all())
