"""The outbox from the services' side: record a notice with the change; claim and settle sends.

Services call ``record`` in the transaction of the change they report. The sender (at the
Telegram edge) calls ``NoticeService``: it claims due rows, asks for the facts a notice is made
from, and settles each send (sent, blocked, retry later, group migrated).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.clock import Clock
from bot.domain.notices import Notice, NoticeKind
from storage.models import (
    Assignment,
    Cluster,
    Item,
    Notification,
    NotificationStatus,
    Occurrence,
    Organization,
    Person,
    Report,
)
from storage.uow import Storage

MAX_ATTEMPTS = 5
CLAIM_FOR = timedelta(minutes=2)  # a sender that dies mid-send leaves its rows to others then


async def record(storage: Storage, clock: Clock, notice: Notice) -> bool:
    """Queue a notice in the caller's transaction; the same dedup key is queued once."""
    now = clock.now()
    return await storage.notifications.enqueue(
        dedup_key=notice.dedup_key,
        kind=notice.kind.value,
        person_id=notice.person_id,
        chat_id=notice.chat_id,
        message_thread_id=notice.thread_id,
        cluster_id=notice.cluster_id,
        payload=dict(notice.payload),
        silent=notice.silent,
        status=NotificationStatus.PENDING,
        attempts=0,
        not_before=now,
        created_at=now,
    )


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A claimed notice: where it goes and in which language it is read."""

    notification: Notification
    chat_id: int | None
    thread_id: int | None
    language_code: str | None

    @property
    def kind(self) -> NoticeKind:
        return NoticeKind(self.notification.kind)


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """What a notice about a report is made from, as the data stand at send time."""

    report: Report
    assignment: Assignment
    occurrence: Occurrence
    item: Item
    cluster: Cluster
    organization: Organization | None
    author: Person | None
    attempt: int  # 1 for the first done report of the assignment, 2 for the next…
    previous_return_reason: str | None

    @property
    def due(self) -> date:
        return self.assignment.due_date or self.occurrence.due_date


@dataclass(frozen=True, slots=True)
class StartLinkFacts:
    person: Person


class NoticeService:
    def __init__(self, storage: Storage, clock: Clock) -> None:
        self.storage = storage
        self.clock = clock

    async def claim(self, limit: int) -> list[Outgoing]:
        now = self.clock.now()
        rows = await self.storage.notifications.claim_due(now, now + CLAIM_FOR, limit)
        await self.storage.commit()
        outgoing = []
        for notification, person in rows:
            chat_id = notification.chat_id
            if notification.person_id is not None:
                chat_id = person.telegram_id if person is not None else None
            outgoing.append(
                Outgoing(
                    notification=notification,
                    chat_id=chat_id,
                    thread_id=notification.message_thread_id,
                    language_code=person.language_code if person else None,
                )
            )
        return outgoing

    async def report_facts(self, report_id: int) -> ReportFacts | None:
        found = await self.storage.notifications.report_context(report_id)
        if found is None:
            return None
        report, assignment, occurrence, item, cluster, organization = found
        done = await self.storage.notifications.done_reports_of(assignment.id)
        earlier = [r for r in done if (r.created_at, r.id) < (report.created_at, report.id)]
        returned = [r for r in earlier if r.decision_reason]
        authors = await self.storage.notifications.persons(
            [report.author_id] if report.author_id is not None else []
        )
        return ReportFacts(
            report=report,
            assignment=assignment,
            occurrence=occurrence,
            item=item,
            cluster=cluster,
            organization=organization,
            author=authors.get(report.author_id or 0),
            attempt=len(earlier) + 1,
            previous_return_reason=returned[-1].decision_reason if returned else None,
        )

    async def start_link_facts(self, person_id: int) -> StartLinkFacts | None:
        person = await self.storage.persons.get(person_id)
        return StartLinkFacts(person) if person is not None else None

    async def sent(self, notification: Notification, message_id: int | None) -> None:
        notification.attempts += 1
        notification.status = NotificationStatus.SENT
        notification.sent_at = self.clock.now()
        notification.telegram_message_id = message_id
        notification.claimed_until = None
        await self._save()

    async def dropped(self, notification: Notification, reason: str) -> None:
        """Nothing to send any more (the report is gone, the person left): not an error."""
        notification.status = NotificationStatus.CANCELLED
        notification.last_error = reason
        notification.claimed_until = None
        await self._save()

    async def retry_later(self, notification: Notification, error: str | None) -> None:
        notification.attempts += 1
        notification.last_error = error
        notification.claimed_until = None
        if notification.attempts >= MAX_ATTEMPTS:
            notification.status = NotificationStatus.FAILED
        else:
            notification.not_before = self.clock.now() + timedelta(minutes=2**notification.attempts)
        await self._save()

    async def moved_to(self, notification: Notification, chat_id: int) -> None:
        """A group became a supergroup: send there, and keep the cluster pointing at it."""
        old = notification.chat_id
        notification.chat_id = chat_id
        notification.claimed_until = None
        if old is not None:
            for cluster in await self.storage.clusters.all_active():
                if cluster.group_chat_id == old:
                    cluster.group_chat_id = chat_id
        await self._save()

    async def blocked(self, notification: Notification, error: str | None) -> None:
        """The person blocked the bot or never opened a chat with it.

        They are asked, once, in their cluster's group to open a chat with the bot.
        """
        notification.attempts += 1
        notification.status = NotificationStatus.FAILED
        notification.last_error = error
        notification.claimed_until = None
        person_id, cluster_id = notification.person_id, notification.cluster_id
        if (
            notification.kind != NoticeKind.START_LINK
            and person_id is not None
            and cluster_id is not None
        ):
            cluster = await self.storage.clusters.get(cluster_id)
            if cluster is not None and cluster.group_chat_id is not None:
                await record(
                    self.storage,
                    self.clock,
                    Notice(
                        kind=NoticeKind.START_LINK,
                        dedup_key=f"start_link:{cluster.id}:{person_id}",
                        chat_id=cluster.group_chat_id,
                        thread_id=cluster.group_thread_id,
                        cluster_id=cluster.id,
                        payload={"person_id": person_id},
                    ),
                )
        await self._save()

    async def _save(self) -> None:
        # The row was claimed in this same session: changing it and committing is enough.
        await self.storage.commit()
