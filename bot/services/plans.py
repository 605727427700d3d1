"""The plan of a cluster: items and their deadlines as the coordinator manages them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.clock import Clock
from bot.domain.deadlines import DeadlineKind, Period, parse_deadline
from bot.errors import InvalidInput, NotFound
from bot.services import audit
from bot.services.access import AccessService
from storage.models import Item, ItemStatus, Occurrence, Person
from storage.uow import Storage


class PlanService:
    def __init__(self, storage: Storage, clock: Clock, access: AccessService) -> None:
        self.storage = storage
        self.clock = clock
        self.access = access

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
        await self.storage.commit()
        return item
