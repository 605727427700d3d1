"""Repositories: queries and adds within one session; they flush but never commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, inspect, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, raiseload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from storage.models import (
    Assignment,
    AssignmentStatus,
    Attachment,
    AuditEntry,
    Cluster,
    FsmRecord,
    Invite,
    InviteUse,
    Item,
    ItemStatus,
    MemberRole,
    Membership,
    Notification,
    NotificationStatus,
    Occurrence,
    Organization,
    Person,
    PlanDocument,
    PlanRole,
    Report,
    ReportDecision,
    ReportKind,
    Section,
    item_plan_roles,
)

FSM_DIRTY = "workplan.fsm_dirty"


def _dialect(session: AsyncSession) -> str:
    return session.bind.dialect.name if session.bind is not None else ""


class _Repository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _add(self, obj: Any) -> None:
        self.session.add(obj)
        await self.session.flush()


class PersonRepository(_Repository):
    async def by_telegram_id(self, telegram_id: int) -> Person | None:
        result = await self.session.execute(select(Person).where(Person.telegram_id == telegram_id))
        return result.scalar_one_or_none()

    async def get(self, person_id: int) -> Person | None:
        return await self.session.get(Person, person_id)

    async def add(self, person: Person) -> Person:
        await self._add(person)
        return person


class ClusterRepository(_Repository):
    async def get(self, cluster_id: int) -> Cluster | None:
        return await self.session.get(Cluster, cluster_id)

    async def by_name(self, name: str) -> Cluster | None:
        result = await self.session.execute(select(Cluster).where(Cluster.name == name))
        return result.scalar_one_or_none()

    async def all_active(self) -> Sequence[Cluster]:
        result = await self.session.execute(
            select(Cluster).where(Cluster.archived_at.is_(None)).order_by(Cluster.name)
        )
        return result.scalars().all()

    async def by_group_chat(self, chat_id: int) -> Cluster | None:
        result = await self.session.execute(select(Cluster).where(Cluster.group_chat_id == chat_id))
        return result.scalar_one_or_none()

    async def add(self, cluster: Cluster) -> Cluster:
        await self._add(cluster)
        return cluster


class MembershipRepository(_Repository):
    async def active(self, cluster_id: int, person_id: int) -> Membership | None:
        result = await self.session.execute(
            select(Membership).where(
                Membership.cluster_id == cluster_id,
                Membership.person_id == person_id,
                Membership.removed_at.is_(None),
            )
        )
        return result.scalar_one_or_none()

    async def coordinator_ids(self, cluster_id: int) -> Sequence[int]:
        """Person ids of the cluster's coordinators, in the order they joined."""
        result = await self.session.execute(
            select(Membership.person_id)
            .where(
                Membership.cluster_id == cluster_id,
                Membership.role == MemberRole.COORDINATOR,
                Membership.removed_at.is_(None),
            )
            .order_by(Membership.joined_at, Membership.id)
        )
        return result.scalars().all()

    async def active_of_cluster(self, cluster_id: int) -> Sequence[Membership]:
        result = await self.session.execute(
            select(Membership)
            .where(Membership.cluster_id == cluster_id, Membership.removed_at.is_(None))
            .order_by(Membership.joined_at, Membership.id)
        )
        return result.scalars().all()

    async def get(self, membership_id: int) -> Membership | None:
        return await self.session.get(Membership, membership_id)

    async def add(self, membership: Membership) -> Membership:
        await self._add(membership)
        return membership

    async def active_of_person(self, person_id: int) -> Sequence[Membership]:
        result = await self.session.execute(
            select(Membership)
            .where(Membership.person_id == person_id, Membership.removed_at.is_(None))
            .order_by(Membership.joined_at)
        )
        return result.scalars().all()


class InviteRepository(_Repository):
    async def active_of_cluster(self, cluster_id: int, now: datetime) -> Sequence[Invite]:
        result = await self.session.execute(
            select(Invite)
            .where(
                Invite.cluster_id == cluster_id,
                Invite.revoked_at.is_(None),
                Invite.expires_at > now,
                Invite.used_count < Invite.max_uses,
            )
            .order_by(Invite.created_at)
        )
        return result.scalars().all()

    async def get(self, invite_id: int) -> Invite | None:
        return await self.session.get(Invite, invite_id)

    async def by_token_hash(self, token_hash: str) -> Invite | None:
        result = await self.session.execute(select(Invite).where(Invite.token_hash == token_hash))
        return result.scalar_one_or_none()

    async def add(self, invite: Invite) -> Invite:
        await self._add(invite)
        return invite

    async def claim_use(self, invite_id: int, now: datetime) -> bool:
        """Count one use atomically; False when the invite is used up, revoked or expired."""
        result = await self.session.execute(
            update(Invite)
            .where(
                Invite.id == invite_id,
                Invite.used_count < Invite.max_uses,
                Invite.revoked_at.is_(None),
                Invite.expires_at > now,
            )
            .values(used_count=Invite.used_count + 1)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0))

    async def was_used_by(self, invite_id: int, person_id: int) -> bool:
        result = await self.session.execute(
            select(InviteUse.id).where(
                InviteUse.invite_id == invite_id, InviteUse.person_id == person_id
            )
        )
        return result.first() is not None

    async def add_use(self, use: InviteUse) -> None:
        await self._add(use)


class AuditRepository(_Repository):
    async def add(self, entry: AuditEntry) -> None:
        await self._add(entry)


class FsmRepository(_Repository):
    """Dialog state. Records read in this session are kept here: the identity map holds them
    only weakly, and one update reads the state several times."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session)
        self._records: dict[str, FsmRecord | None] = {}

    async def get(self, key: str, *, lock: bool = False) -> FsmRecord | None:
        """The record; with ``lock`` on PostgreSQL its row stays locked until the commit, so a
        second update of the same dialog (on any replica) waits instead of overwriting."""
        if key in self._records:
            record = self._records[key]
            if record is None or not inspect(record).expired_attributes:
                return record
        with_lock = lock and _dialect(self.session) == "postgresql"
        record = await self.session.get(FsmRecord, key, with_for_update=with_lock or None)
        self._records[key] = record
        return record

    async def put(self, key: str, now: datetime, **values: Any) -> None:
        """Change the state or the data; written with the session's next flush or commit."""
        record = await self.get(key)
        if record is None:
            if all(not value for value in values.values()):
                return  # clearing a dialog that was never stored
            # Two first updates of one dialog at once: the later one's values win, no error.
            insert = postgresql.insert if _dialect(self.session) == "postgresql" else sqlite.insert
            row = {"key": key, "state": None, "data": {}, **values, "updated_at": now}
            await self.session.execute(
                insert(FsmRecord)
                .values(**row)
                .on_conflict_do_update(
                    index_elements=[FsmRecord.key],
                    set_={name: row[name] for name in (*values, "updated_at")},
                )
            )
            self._records.pop(key, None)
            self.session.info[FSM_DIRTY] = True
            return
        if all(getattr(record, name) == value for name, value in values.items()):
            return  # nothing changes: no write, nothing to commit
        for name, value in values.items():
            setattr(record, name, value)
        record.updated_at = now
        # Dialog state written outside a service call still has to be committed by the
        # update's session middleware; Storage.commit() clears the mark.
        self.session.info[FSM_DIRTY] = True


class PlanRepository(_Repository):
    """Plan documents, sections, items, occurrences and the cluster's plan roles."""

    async def documents_of_cluster(self, cluster_id: int) -> Sequence[PlanDocument]:
        result = await self.session.execute(
            select(PlanDocument)
            .where(PlanDocument.cluster_id == cluster_id)
            .order_by(PlanDocument.imported_at.desc(), PlanDocument.id.desc())
        )
        return result.scalars().all()

    async def document(self, document_id: int) -> PlanDocument | None:
        return await self.session.get(PlanDocument, document_id)

    async def items_of_document(self, document_id: int) -> Sequence[Item]:
        result = await self.session.execute(
            select(Item).where(Item.document_id == document_id).order_by(Item.position, Item.id)
        )
        return result.scalars().all()

    async def items_of_cluster(self, cluster_id: int) -> Sequence[Item]:
        result = await self.session.execute(
            select(Item)
            .where(Item.cluster_id == cluster_id)
            .order_by(Item.document_id, Item.position)
        )
        return result.scalars().all()

    async def sections_of_document(self, document_id: int) -> Sequence[Section]:
        result = await self.session.execute(
            select(Section).where(Section.document_id == document_id).order_by(Section.position)
        )
        return result.scalars().all()

    async def plan_roles_of_cluster(self, cluster_id: int) -> Sequence[PlanRole]:
        """The cluster's plan roles with their aliases («ОПК» for a body named in full)."""
        result = await self.session.execute(
            select(PlanRole)
            .where(PlanRole.cluster_id == cluster_id)
            .options(selectinload(PlanRole.aliases))
            .order_by(PlanRole.name)
        )
        return result.scalars().all()

    async def item(self, item_id: int) -> Item | None:
        return await self.session.get(Item, item_id)

    async def reported_occurrence_ids(self, occurrence_ids: Sequence[int]) -> set[int]:
        """Occurrences that have at least one report: their history must never be deleted."""
        if not occurrence_ids:
            return set()
        result = await self.session.execute(
            select(Assignment.occurrence_id)
            .join(Report, Report.assignment_id == Assignment.id)
            .where(Assignment.occurrence_id.in_(occurrence_ids))
            .distinct()
        )
        return set(result.scalars().all())

    def add(self, obj: Any) -> None:
        self.session.add(obj)

    def add_all(self, objects: Sequence[Any]) -> None:
        self.session.add_all(objects)

    async def delete(self, obj: Any) -> None:
        await self.session.delete(obj)

    async def flush(self) -> None:
        await self.session.flush()


class ItemRepository(_Repository):
    """The read side of the plan (/my, /plan, item cards, history): joined reads whose number
    of statements does not grow with the number of items, assignments or reports."""

    async def open_assignments_held(
        self, memberships: Sequence[Membership]
    ) -> Sequence[tuple[Assignment, Occurrence, Item, Organization | None]]:
        """Open assignments of active items that these memberships answer for (as ``holds``)."""
        conditions = []
        for member in memberships:
            if member.removed_at is not None or member.role is MemberRole.OBSERVER:
                continue
            role_ids = [role.id for role in member.plan_roles]
            by_role = and_(
                Assignment.person_id.is_(None),
                Assignment.plan_role_id.in_(role_ids),
                or_(
                    Assignment.organization_id.is_(None),
                    Assignment.organization_id == member.organization_id,
                ),
            )
            conditions.append(
                and_(
                    Item.cluster_id == member.cluster_id,
                    or_(Assignment.person_id == member.person_id, by_role),
                )
            )
        if not conditions:
            return []
        result = await self.session.execute(
            select(Assignment, Occurrence, Item, Organization)
            .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
            .join(Item, Item.id == Occurrence.item_id)
            .outerjoin(Organization, Organization.id == Assignment.organization_id)
            .where(
                Item.status == ItemStatus.ACTIVE,
                Assignment.status.in_([AssignmentStatus.OPEN, AssignmentStatus.RETURNED]),
                or_(*conditions),
            )
            .order_by(Occurrence.due_date, Item.position, Assignment.id)
        )
        return [(a, o, i, org) for a, o, i, org in result.all()]

    async def assignment_in_context(
        self, assignment_id: int
    ) -> tuple[Assignment, Occurrence, Item, Cluster, Organization | None] | None:
        result = await self.session.execute(
            select(Assignment, Occurrence, Item, Cluster, Organization)
            .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
            .join(Item, Item.id == Occurrence.item_id)
            .join(Cluster, Cluster.id == Item.cluster_id)
            .outerjoin(Organization, Organization.id == Assignment.organization_id)
            .where(Assignment.id == assignment_id)
            # The view needs the item's roles and indicators (joined: no statement more),
            # not its other dates.
            .options(raiseload(Item.occurrences), joinedload(Item.indicators))
        )
        row = result.unique().first()
        if row is None:
            return None
        assignment, occurrence, item, cluster, organization = row
        return assignment, occurrence, item, cluster, organization

    async def done_decisions_of(
        self, assignment_id: int
    ) -> Sequence[tuple[ReportDecision | None, str | None]]:
        """Decisions and reasons of an assignment's done reports, oldest first."""
        result = await self.session.execute(
            select(Report.decision, Report.decision_reason)
            .where(Report.assignment_id == assignment_id, Report.kind == ReportKind.DONE)
            .order_by(Report.created_at, Report.id)
        )
        return [(decision, reason) for decision, reason in result.all()]

    async def item_in_context(
        self, item_id: int
    ) -> tuple[Item, Cluster, PlanDocument | None] | None:
        row = (
            await self.session.execute(
                select(Item, Cluster, PlanDocument)
                .join(Cluster, Cluster.id == Item.cluster_id)
                .outerjoin(PlanDocument, PlanDocument.id == Item.document_id)
                .where(Item.id == item_id)
            )
        ).first()
        if row is None:
            return None
        item, cluster, document = row
        return item, cluster, document

    async def assignments_of_item(
        self, item_id: int
    ) -> Sequence[tuple[Assignment, Occurrence, Organization | None]]:
        result = await self.session.execute(
            select(Assignment, Occurrence, Organization)
            .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
            .outerjoin(Organization, Organization.id == Assignment.organization_id)
            .where(Occurrence.item_id == item_id)
            .order_by(Occurrence.due_date, Organization.name, Assignment.id)
        )
        return [(a, o, org) for a, o, org in result.all()]

    async def reports_of_item(self, item_id: int) -> Sequence[tuple[Report, Person | None]]:
        """Every report on the item with its author (attachments load with the reports)."""
        result = await self.session.execute(
            select(Report, Person)
            .join(Assignment, Assignment.id == Report.assignment_id)
            .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
            .outerjoin(Person, Person.id == Report.author_id)
            .where(Occurrence.item_id == item_id)
            .order_by(Report.created_at, Report.id)
        )
        return [(report, author) for report, author in result.all()]

    async def audit_of_item(self, item_id: int) -> Sequence[tuple[AuditEntry, str | None]]:
        """The item's audit rows with the name of whoever acted, oldest first."""
        result = await self.session.execute(
            select(AuditEntry, Person.full_name)
            .outerjoin(Person, Person.id == AuditEntry.actor_id)
            .where(AuditEntry.entity == "item", AuditEntry.entity_id == item_id)
            .order_by(AuditEntry.created_at, AuditEntry.id)
        )
        return [(entry, name) for entry, name in result.all()]

    async def item_id_by_number(
        self, number: str, person_id: int | None, first_cluster_id: int | None
    ) -> int | None:
        """An item by number in the person's clusters (any active cluster when ``person_id`` is
        None, for administrators), the first cluster first, then in joining order."""
        first = case((Item.cluster_id == (first_cluster_id or 0), 0), else_=1)
        query = select(Item.id).join(Cluster, Cluster.id == Item.cluster_id)
        if person_id is None:
            query = query.where(Cluster.archived_at.is_(None)).order_by(first, Cluster.name)
        else:
            query = query.join(
                Membership,
                and_(
                    Membership.cluster_id == Item.cluster_id,
                    Membership.person_id == person_id,
                    Membership.removed_at.is_(None),
                ),
            ).order_by(first, Membership.joined_at)
        query = query.where(Item.number == number).order_by(
            Item.document_id, Item.position, Item.id
        )
        return (await self.session.execute(query.limit(1))).scalar_one_or_none()

    async def plan_items(self, cluster_id: int) -> Sequence[Any]:
        """Rows (id, number, text, status, section_id, assignment_mode) of the items not taken
        off control, in plan order; plain columns, so a long plan loads nothing else."""
        result = await self.session.execute(
            select(
                Item.id,
                Item.number,
                Item.text,
                Item.status,
                Item.section_id,
                Item.assignment_mode,
            )
            .where(Item.cluster_id == cluster_id, Item.status != ItemStatus.CANCELLED)
            .order_by(Item.document_id, Item.position, Item.id)
        )
        return result.all()

    async def plan_occurrences(self, cluster_id: int) -> Sequence[Any]:
        """Rows (item_id, id, due_date) of the cluster's occurrences."""
        result = await self.session.execute(
            select(Occurrence.item_id, Occurrence.id, Occurrence.due_date)
            .join(Item, Item.id == Occurrence.item_id)
            .where(Item.cluster_id == cluster_id)
            .order_by(Occurrence.item_id, Occurrence.seq)
        )
        return result.all()

    async def plan_assignments(self, cluster_id: int) -> Sequence[Any]:
        """Rows (occurrence_id, plan_role_id, organization_id, status) of live assignments."""
        result = await self.session.execute(
            select(
                Assignment.occurrence_id,
                Assignment.plan_role_id,
                Assignment.organization_id,
                Assignment.status,
            )
            .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
            .join(Item, Item.id == Occurrence.item_id)
            .where(Item.cluster_id == cluster_id, Assignment.status != AssignmentStatus.CANCELLED)
        )
        return result.all()

    async def plan_items_per_organization(self, cluster_id: int) -> set[int]:
        """Items of the cluster with a role that reports per college (the roles' default)."""
        result = await self.session.execute(
            select(item_plan_roles.c.item_id)
            .join(PlanRole, PlanRole.id == item_plan_roles.c.plan_role_id)
            .where(PlanRole.cluster_id == cluster_id, PlanRole.per_organization.is_(True))
            .distinct()
        )
        return set(result.scalars().all())

    async def plan_sections(self, cluster_id: int) -> dict[int, str]:
        result = await self.session.execute(
            select(Section.id, Section.title)
            .join(PlanDocument, PlanDocument.id == Section.document_id)
            .where(PlanDocument.cluster_id == cluster_id)
        )
        return {row[0]: row[1] for row in result.all()}

    async def attachment_with_assignment(self, attachment_id: int) -> tuple[Attachment, int] | None:
        row = (
            await self.session.execute(
                select(Attachment, Report.assignment_id)
                .join(Report, Report.id == Attachment.report_id)
                .where(Attachment.id == attachment_id)
            )
        ).first()
        if row is None:
            return None
        attachment, assignment_id = row
        return attachment, assignment_id


class OrganizationRepository(_Repository):
    async def of_cluster(self, cluster_id: int) -> Sequence[Organization]:
        result = await self.session.execute(
            select(Organization)
            .where(Organization.cluster_id == cluster_id)
            .order_by(Organization.name)
        )
        return result.scalars().all()

    async def by_name(self, cluster_id: int, name: str) -> Organization | None:
        result = await self.session.execute(
            select(Organization).where(
                Organization.cluster_id == cluster_id, Organization.name == name
            )
        )
        return result.scalar_one_or_none()

    async def get(self, organization_id: int) -> Organization | None:
        return await self.session.get(Organization, organization_id)

    async def add(self, organization: Organization) -> Organization:
        await self._add(organization)
        return organization


class AssignmentRepository(_Repository):
    async def get(self, assignment_id: int) -> Assignment | None:
        return await self.session.get(Assignment, assignment_id)

    async def of_occurrences(self, occurrence_ids: Sequence[int]) -> Sequence[Assignment]:
        if not occurrence_ids:
            return []
        result = await self.session.execute(
            select(Assignment).where(Assignment.occurrence_id.in_(occurrence_ids))
        )
        return result.scalars().all()

    async def add(self, assignment: Assignment) -> None:
        self.session.add(assignment)

    async def move_if_unchanged(
        self,
        assignment: Assignment,
        to: AssignmentStatus,
        now: datetime,
        expected: Sequence[AssignmentStatus],
    ) -> bool:
        """Move an assignment's status in one statement, unless someone changed it since it was
        read (its version) or it is no longer in one of the ``expected`` states.

        False when another person won: nothing was written and the caller decides what to do
        with what this person sent. The loaded object is kept in step with the row.
        """
        result = await self.session.execute(
            update(Assignment)
            .where(
                Assignment.id == assignment.id,
                Assignment.version == assignment.version,
                Assignment.status.in_(list(expected)),
            )
            .values(status=to, version=assignment.version + 1, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        if not getattr(result, "rowcount", 0):
            await self.session.refresh(assignment)
            return False
        set_committed_value(assignment, "status", to)
        set_committed_value(assignment, "version", assignment.version + 1)
        set_committed_value(assignment, "updated_at", now)
        return True

    async def statuses_of_item(self, item_id: int) -> Sequence[AssignmentStatus]:
        result = await self.session.execute(
            select(Assignment.status)
            .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
            .where(Occurrence.item_id == item_id)
        )
        return result.scalars().all()


class ReportRepository(_Repository):
    async def get(self, report_id: int) -> Report | None:
        return await self.session.get(Report, report_id)

    async def add(self, report: Report) -> Report:
        await self._add(report)
        return report


class NotificationRepository(_Repository):
    """The outbox: notices queued with the state change, claimed and sent by the sender."""

    async def enqueue(self, **values: Any) -> bool:
        """Queue a row unless one with the same dedup key exists; True when it was queued.

        One statement: INSERT … ON CONFLICT DO NOTHING on the unique dedup key, so two
        processes queueing the same notice at once still queue it once.
        """
        insert = postgresql.insert if _dialect(self.session) == "postgresql" else sqlite.insert
        statement = (
            insert(Notification)
            .values(**values)
            .on_conflict_do_nothing(index_elements=[Notification.dedup_key])
        )
        result = await self.session.execute(statement)
        return bool(getattr(result, "rowcount", 0))

    async def claim_due(
        self, now: datetime, until: datetime, limit: int
    ) -> Sequence[tuple[Notification, Person | None]]:
        """Due rows nobody holds, claimed until ``until``, with their recipient person.

        On PostgreSQL the rows are locked with SKIP LOCKED, so two senders never claim the
        same row; the claim itself is what lets a crashed sender's rows be taken later.
        """
        query = (
            select(Notification.id)
            .where(
                Notification.status == NotificationStatus.PENDING,
                Notification.not_before <= now,
                or_(Notification.claimed_until.is_(None), Notification.claimed_until < now),
            )
            .order_by(Notification.id)
            .limit(limit)
        )
        if self.session.bind is not None and self.session.bind.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        ids = list((await self.session.execute(query)).scalars().all())
        if not ids:
            return []
        await self.session.execute(
            update(Notification)
            .where(Notification.id.in_(ids))
            .values(claimed_until=until)
            .execution_options(synchronize_session=False)
        )
        rows = await self.session.execute(
            select(Notification, Person)
            .outerjoin(Person, Person.id == Notification.person_id)
            .where(Notification.id.in_(ids))
            .order_by(Notification.id)
            .execution_options(populate_existing=True)
        )
        return [(n, p) for n, p in rows.all()]

    async def report_context(
        self, report_id: int
    ) -> tuple[Report, Assignment, Occurrence, Item, Cluster, Organization | None] | None:
        """A report with what a notice about it shows, in one joined read."""
        row = (
            await self.session.execute(
                select(Report, Assignment, Occurrence, Item, Cluster, Organization)
                .join(Assignment, Assignment.id == Report.assignment_id)
                .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
                .join(Item, Item.id == Occurrence.item_id)
                .join(Cluster, Cluster.id == Item.cluster_id)
                .outerjoin(Organization, Organization.id == Assignment.organization_id)
                .where(Report.id == report_id)
            )
        ).first()
        if row is None:
            return None
        report, assignment, occurrence, item, cluster, organization = row
        return report, assignment, occurrence, item, cluster, organization

    async def done_reports_of(self, assignment_id: int) -> Sequence[Report]:
        """The done reports of an assignment, oldest first: attempts and return reasons."""
        result = await self.session.execute(
            select(Report)
            .where(Report.assignment_id == assignment_id, Report.kind == ReportKind.DONE)
            .order_by(Report.created_at, Report.id)
        )
        return result.scalars().all()

    async def persons(self, person_ids: Sequence[int]) -> dict[int, Person]:
        if not person_ids:
            return {}
        result = await self.session.execute(select(Person).where(Person.id.in_(person_ids)))
        return {p.id: p for p in result.scalars().all()}

    async def clusters(self, cluster_ids: Sequence[int]) -> dict[int, Cluster]:
        """The clusters of claimed rows, in one read: their time zones and reminder policies."""
        if not cluster_ids:
            return {}
        result = await self.session.execute(
            select(Cluster).where(Cluster.id.in_(sorted(set(cluster_ids))))
        )
        return {c.id: c for c in result.scalars().all()}

    async def extend_claims(self, ids: Sequence[int], until: datetime) -> None:
        """Keep rows a sender still holds (waiting for a chat's limit) from being claimed."""
        if not ids:
            return
        await self.session.execute(
            update(Notification)
            .where(
                Notification.id.in_(ids),
                Notification.status == NotificationStatus.PENDING,
            )
            .values(claimed_until=until)
            .execution_options(synchronize_session=False)
        )

    async def clusters_of_person(self, person_id: int) -> Sequence[int]:
        """The clusters a person is an active member of."""
        result = await self.session.execute(
            select(Membership.cluster_id)
            .where(Membership.person_id == person_id, Membership.removed_at.is_(None))
            .order_by(Membership.cluster_id)
        )
        return result.scalars().all()

    async def member_organization(self, cluster_id: int, person_id: int) -> Organization | None:
        """The organization a member stands for in a cluster, if any."""
        result = await self.session.execute(
            select(Organization)
            .join(Membership, Membership.organization_id == Organization.id)
            .where(
                Membership.cluster_id == cluster_id,
                Membership.person_id == person_id,
                Membership.removed_at.is_(None),
            )
            .limit(1)
        )
        return result.scalar_one_or_none()

    async def member_organizations(
        self, pairs: Sequence[tuple[int, int]]
    ) -> dict[tuple[int, int], Organization]:
        """(cluster id, person id) → the organization the member stands for, in one read."""
        if not pairs:
            return {}
        clusters = sorted({c for c, _ in pairs})
        persons = sorted({p for _, p in pairs})
        result = await self.session.execute(
            select(Membership.cluster_id, Membership.person_id, Organization)
            .join(Organization, Organization.id == Membership.organization_id)
            .where(
                Membership.cluster_id.in_(clusters),
                Membership.person_id.in_(persons),
                Membership.removed_at.is_(None),
            )
        )
        wanted = set(pairs)
        return {(c, p): o for c, p, o in result.all() if (c, p) in wanted}
