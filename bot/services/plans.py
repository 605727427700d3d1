"""The plan of a cluster: items and their deadlines as the coordinator manages them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bot.clock import Clock
from bot.domain.deadlines import DeadlineKind, Period, parse_deadline
from bot.domain.roles import RoleBook
from bot.errors import InvalidInput, NotFound
from bot.services import audit
from bot.services.access import AccessService
from bot.services.assignments import AssignmentService
from bot.services.imports import is_per_organization, role_key
from storage.models import (
    Assignment,
    AssignmentStatus,
    Cluster,
    Item,
    ItemStatus,
    Occurrence,
    Person,
    PlanRole,
)
from storage.uow import Storage


class PlanService:
    def __init__(
        self,
        storage: Storage,
        clock: Clock,
        access: AccessService,
        assignments: AssignmentService,
    ) -> None:
        self.storage = storage
        self.clock = clock
        self.access = access
        self.assignments = assignments

    async def overview(self, person: Person, cluster_id: int) -> PlanOverview:
        """The plan with progress; every member of the cluster (and administrators) may read it."""
        cluster = await self.storage.clusters.get(cluster_id)
        membership = await self.storage.memberships.active(cluster_id, person.id)
        if cluster is None or (membership is None and not self.access.is_admin(person)):
            raise NotFound("error-not-found")
        return await _overview(self.storage, cluster)

    async def close_item(self, person: Person, item_id: int, *, cancel: bool, reason: str) -> Item:
        """Close an item as done, or take it off control («снято с контроля»), with a reason."""
        item = await self.item_for_coordinator(person, item_id)
        reason = " ".join(reason.split())
        if not reason:
            raise InvalidInput("error-close-reason")
        if item.status is not ItemStatus.ACTIVE:
            raise InvalidInput("error-item-closed")
        now = self.clock.now()
        item.status = ItemStatus.CANCELLED if cancel else ItemStatus.DONE
        item.status_reason = reason[:2000]
        item.updated_at = now
        await audit.record(
            self.storage,
            at=now,
            action="item.cancelled" if cancel else "item.closed",
            entity="item",
            entity_id=item.id,
            actor_id=person.id,
            cluster_id=item.cluster_id,
            reason=reason,
        )
        await self.storage.commit()
        return item

    async def _roles(self, cluster_id: int, executors: str) -> list[PlanRole]:
        """Plan roles named in a typed executors line, created when new (as the import does)."""
        known = {r.key: r for r in await self.storage.plans.plan_roles_of_cluster(cluster_id)}
        aliases = {a.key: r for r in known.values() for a in r.aliases}
        names, _notes = RoleBook().split(executors)
        roles: list[PlanRole] = []
        for name in names:
            key = role_key(name)
            role = known.get(key) or aliases.get(key)
            if role is None:
                role = PlanRole(
                    cluster_id=cluster_id,
                    name=name,
                    key=key,
                    per_organization=is_per_organization(name),
                    aliases=[],
                )
                self.storage.plans.add(role)
                known[key] = role
            if role not in roles:
                roles.append(role)
        await self.storage.plans.flush()
        return roles

    async def add_item(
        self, person: Person, cluster_id: int, text: str, executors: str, deadline_phrase: str
    ) -> Item:
        """An item typed by hand: executors and deadline read as the import reads them."""
        await self.access.require_coordinator(person, cluster_id)
        text = text.strip()
        if len(text) < 3:
            raise InvalidInput("error-item-text")
        today = self.clock.now().date()
        deadline = parse_deadline(deadline_phrase, reference=today)
        if deadline.kind is DeadlineKind.UNRECOGNIZED:
            raise InvalidInput("error-deadline-unreadable", text=deadline_phrase)
        roles = await self._roles(cluster_id, executors)
        if not roles:
            raise InvalidInput("error-item-executors")
        now = self.clock.now()
        existing = await self.storage.plans.items_of_cluster(cluster_id)
        item = Item(
            cluster_id=cluster_id,
            document_id=None,
            position=len(existing),
            number=_next_number(existing),
            text=text[:4000],
            executors_text=executors.strip()[:2000],
            deadline_text=deadline_phrase.strip()[:500],
            deadline_kind=deadline.kind.value,
            status=ItemStatus.ACTIVE,
            created_at=now,
            updated_at=now,
            plan_roles=roles,
            indicators=[],
            occurrences=[
                Occurrence(seq=seq, start_date=o.start, due_date=o.due, original_due_date=o.due)
                for seq, o in enumerate(deadline.occurrences, start=1)
            ],
        )
        self.storage.plans.add(item)
        await self.storage.plans.flush()
        await audit.record(
            self.storage,
            at=now,
            action="item.added",
            entity="item",
            entity_id=item.id,
            actor_id=person.id,
            cluster_id=cluster_id,
            number=item.number,
        )
        await self.assignments.sync(cluster_id)
        await self.storage.commit()
        return item

    async def add_executors(self, person: Person, item_id: int, executors: str) -> Item:
        """Add plan roles to an item; their holders get assignments for its open dates."""
        item = await self.item_for_coordinator(person, item_id)
        roles = await self._roles(item.cluster_id, executors)
        if not roles:
            raise InvalidInput("error-item-executors")
        added = [r for r in roles if r not in item.plan_roles]
        item.plan_roles = [*item.plan_roles, *added]
        item.executors_text = ", ".join(r.name for r in item.plan_roles)
        item.updated_at = self.clock.now()
        await audit.record(
            self.storage,
            at=self.clock.now(),
            action="item.executors_added",
            entity="item",
            entity_id=item.id,
            actor_id=person.id,
            cluster_id=item.cluster_id,
            roles=[r.name for r in added],
        )
        await self.storage.plans.flush()
        await self.assignments.sync(item.cluster_id)
        await self.storage.commit()
        return item

    async def undated_items(self, person: Person, cluster_id: int) -> Sequence[Item]:
        """Active items with no occurrence yet («по графику …», unrecognized phrases)."""
        await self.access.require_coordinator(person, cluster_id)
        return [
            item
            for item in await self.storage.plans.items_of_cluster(cluster_id)
            if item.status is ItemStatus.ACTIVE and not item.occurrences
        ]

    async def item_for_coordinator(self, person: Person, item_id: int) -> Item:
        item = await self.storage.plans.item(item_id)
        if item is None:
            raise NotFound("error-item-not-found")
        await self.access.require_coordinator(person, item.cluster_id)
        return item

    async def set_deadline(self, person: Person, item_id: int, phrase: str) -> Item:
        """Give an item its dates from a Russian phrase, parsed as the import parses it."""
        item = await self.item_for_coordinator(person, item_id)
        if item.status is not ItemStatus.ACTIVE:
            raise InvalidInput("error-item-closed")
        document = await self.storage.plans.document(item.document_id) if item.document_id else None
        period = (
            Period(document.period_start, document.period_end)
            if document and document.period_start and document.period_end
            else None
        )
        today = self.clock.now().date()
        reference: date = (document.doc_date if document else None) or today
        deadline = parse_deadline(phrase, period, reference=reference)
        if not deadline.occurrences or deadline.kind in (
            DeadlineKind.UNSCHEDULED,
            DeadlineKind.UNRECOGNIZED,
        ):
            raise InvalidInput("error-deadline-unreadable", text=phrase)
        now = self.clock.now()
        before = [o.due_date.isoformat() for o in item.occurrences]
        reported = await self.storage.plans.reported_occurrence_ids(
            [o.id for o in item.occurrences]
        )
        item.occurrences = [o for o in item.occurrences if o.id in reported]
        next_seq = max((o.seq for o in item.occurrences), default=0) + 1
        for offset, occurrence in enumerate(deadline.occurrences):
            item.occurrences.append(
                Occurrence(
                    seq=next_seq + offset,
                    start_date=occurrence.start,
                    due_date=occurrence.due,
                    original_due_date=occurrence.due,
                )
            )
        item.deadline_text = phrase
        item.deadline_kind = deadline.kind.value
        item.updated_at = now
        await audit.record(
            self.storage,
            at=now,
            action="item.deadline_set",
            entity="item",
            entity_id=item.id,
            actor_id=person.id,
            cluster_id=item.cluster_id,
            text=phrase,
            before=before,
            after=[o.due.isoformat() for o in deadline.occurrences],
        )
        await self.storage.session.flush()
        await self.assignments.sync(item.cluster_id)
        await self.storage.commit()
        return item


@dataclass(frozen=True, slots=True)
class ItemProgress:
    item: Item
    section: str | None
    next_due: date | None
    total: int
    submitted: int
    accepted: int
    per_organization: bool


@dataclass(frozen=True, slots=True)
class PlanOverview:
    cluster: Cluster
    items: list[ItemProgress]


async def _overview(storage: Storage, cluster: Cluster) -> PlanOverview:
    items = [
        i
        for i in await storage.plans.items_of_cluster(cluster.id)
        if i.status is not ItemStatus.CANCELLED
    ]
    occurrence_ids = [o.id for item in items for o in item.occurrences]
    by_occurrence: dict[int, list[Assignment]] = {}
    for assignment in await storage.assignments.of_occurrences(occurrence_ids):
        by_occurrence.setdefault(assignment.occurrence_id, []).append(assignment)
    sections: dict[int, str] = {}
    for document_id in {i.document_id for i in items if i.document_id}:
        for section in await storage.plans.sections_of_document(document_id):
            sections[section.id] = section.title
    progress = []
    for item in items:
        assignments = [a for o in item.occurrences for a in by_occurrence.get(o.id, [])]
        reported = {AssignmentStatus.SUBMITTED, AssignmentStatus.ACCEPTED}
        open_dues = [
            o.due_date
            for o in item.occurrences
            if any(a.status not in reported for a in by_occurrence.get(o.id, []))
            or not by_occurrence.get(o.id)
        ]
        progress.append(
            ItemProgress(
                item=item,
                section=sections.get(item.section_id) if item.section_id else None,
                next_due=min(open_dues) if open_dues else None,
                total=len(assignments),
                submitted=sum(1 for a in assignments if a.status in reported),
                accepted=sum(1 for a in assignments if a.status is AssignmentStatus.ACCEPTED),
                per_organization=any(r.per_organization for r in item.plan_roles),
            )
        )
    return PlanOverview(cluster, progress)


def _next_number(items: Sequence[Item]) -> str:
    tops = [int(i.number.split(".")[0]) for i in items if i.number.split(".")[0].isdigit()]
    return str(max(tops, default=0) + 1)
