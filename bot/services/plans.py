"""The plan of a cluster: items and their deadlines as the coordinator manages them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.clock import Clock
from bot.domain.calendar import local_today
from bot.domain.deadlines import Period, parse_deadline
from bot.domain.roles import RoleBook, role_key
from bot.errors import AccessDenied, InvalidInput, NotFound
from bot.services import audit
from bot.services.access import AccessService
from bot.services.assignments import AssignmentService
from bot.services.imports import new_plan_role
from bot.services.items import ItemCard, ItemsService, is_per_organization
from storage.models import (
    AssignmentMode,
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
        items: ItemsService,
    ) -> None:
        self.storage = storage
        self.clock = clock
        self.access = access
        self.assignments = assignments
        self.items = items

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
                role = new_plan_role(cluster_id, name)
                self.storage.plans.add(role)
                known[key] = role
            if role not in roles:
                roles.append(role)
        await self.storage.plans.flush()
        return roles

    async def cluster_for_new_item(self, person: Person) -> Cluster:
        """Where /additem adds: the cluster chosen last, else the first one the person runs."""
        coordinated = list(await self.access.coordinated_clusters(person))
        if not coordinated:
            raise AccessDenied("error-not-coordinator")
        return next((c for c in coordinated if c.id == person.last_cluster_id), coordinated[0])

    async def add_item(
        self, person: Person, cluster_id: int, text: str, executors: str, deadline_phrase: str
    ) -> Item:
        """An item typed by hand: executors and deadline read as the import reads them."""
        cluster = await self.access.require_coordinator(person, cluster_id)
        text = text.strip()
        if len(text) < 3:
            raise InvalidInput("error-item-text")
        today = local_today(self.clock.now(), cluster.timezone)
        deadline = parse_deadline(deadline_phrase, reference=today)
        if not deadline.is_dated:
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

    async def set_assignment_mode(
        self, person: Person, item_id: int, *, per_organization: bool
    ) -> ItemCard:
        """One shared report, or one per college: adds the assignments the new way owes and
        cancels open ones that no longer apply; reports already written are never lost."""
        item = await self.item_for_coordinator(person, item_id)
        if item.status is not ItemStatus.ACTIVE:
            raise InvalidInput("error-item-closed")
        mode = AssignmentMode.PER_ORGANIZATION if per_organization else AssignmentMode.SHARED
        if is_per_organization(item) is not per_organization or item.assignment_mode is None:
            now = self.clock.now()
            item.assignment_mode = mode
            item.updated_at = now
            await self.assignments.apply_mode(item)
            await audit.record(
                self.storage,
                at=now,
                action=f"item.mode_{mode.value}",
                entity="item",
                entity_id=item.id,
                actor_id=person.id,
                cluster_id=item.cluster_id,
            )
            await self.storage.commit()
        return await self.items.item_card(person, item.id)

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
        cluster = await self.access.require_coordinator(person, item.cluster_id)
        document = await self.storage.plans.document(item.document_id) if item.document_id else None
        period = (
            Period(document.period_start, document.period_end)
            if document and document.period_start and document.period_end
            else None
        )
        today = local_today(self.clock.now(), cluster.timezone)
        reference: date = (document.doc_date if document else None) or today
        deadline = parse_deadline(phrase, period, reference=reference)
        if not deadline.is_dated:
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


def _next_number(items: Sequence[Item]) -> str:
    tops = [int(i.number.split(".")[0]) for i in items if i.number.split(".")[0].isdigit()]
    return str(max(tops, default=0) + 1)
