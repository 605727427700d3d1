"""The outbox from the services' side: record a notice with the change; claim and settle sends.

Services call ``record`` in the transaction of the change they report. The sender (at the
Telegram edge) calls ``NoticeService``: it claims due rows, asks for the facts a notice is made
from, and settles the sends (sent, blocked, retry later, group migrated) — a batch of them in
one commit.

Quiet hours are applied at the claim: a reminder claimed in its cluster's quiet hours waits
for their end (no attempt counted), any other notice then goes silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, timedelta
from enum import StrEnum

from bot.clock import Clock
from bot.domain.calendar import MOSCOW, local_time
from bot.domain.notices import REMINDER_KINDS, Notice, NoticeKind
from bot.domain.reminders import ReminderPolicy
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
# A sender that dies mid-send leaves its rows to others after this; a live sender extends the
# claim of the rows it still holds (waiting for a chat's limit) well before it runs out.
CLAIM_FOR = timedelta(seconds=30)


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
    """A claimed notice: where it goes, in which language it is read, and its cluster's rules
    (``silent``: sent without a sound — asked for, or claimed in the quiet hours)."""

    notification: Notification
    chat_id: int | None
    thread_id: int | None
    language_code: str | None
    policy: ReminderPolicy = field(default_factory=ReminderPolicy)
    timezone: str = MOSCOW
    silent: bool = False

    @property
    def kind(self) -> NoticeKind:
        return NoticeKind(self.notification.kind)

    @property
    def parts_sent(self) -> int:
        """Parts of a long notice delivered by an earlier attempt: a retry resumes after them."""
        value = (self.notification.payload or {}).get("parts_sent", 0)
        return value if isinstance(value, int) and value > 0 else 0


@dataclass(frozen=True, slots=True)
class Claim:
    """What one claim took: the notices to send now, and how many rows it looked at
    (reminders deferred to the end of the quiet hours are counted, not sent)."""

    outgoing: list[Outgoing]
    taken: int


class Outcome(StrEnum):
    SENT = "sent"
    DROPPED = "dropped"  # nothing to send any more
    BLOCKED = "blocked"  # the person blocked the bot or never opened a chat with it
    MIGRATED = "migrated"  # the group became a supergroup: send to ``migrated_to``
    RETRY = "retry"  # Telegram kept failing: try again after a back-off
    RELEASED = "released"  # never sent (the process stops): queued again as it was


@dataclass(frozen=True, slots=True)
class Settlement:
    """The result of one claimed row's send, applied by ``NoticeService.settle``."""

    notification: Notification
    outcome: Outcome
    message_id: int | None = None  # the last message sent for the row
    parts_sent: int | None = None  # of a notice in several messages: how many went out
    error: str | None = None
    migrated_to: int | None = None


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


@dataclass(frozen=True, slots=True)
class UnreachableFacts:
    """A member Telegram refuses to deliver to, as their coordinator is told of it."""

    person: Person
    cluster: Cluster | None
    organization: Organization | None


class NoticeService:
    def __init__(
        self,
        storage: Storage,
        clock: Clock,
        policy: ReminderPolicy | None = None,
        *,
        default_timezone: str = MOSCOW,
        claim_for: timedelta = CLAIM_FOR,
    ) -> None:
        self.storage = storage
        self.clock = clock
        self.policy = policy or ReminderPolicy()
        self.default_timezone = default_timezone
        self.claim_for = claim_for
        # What the notices of the last claim are made from, read for the whole batch at once.
        self._persons: dict[int, Person] = {}
        self._clusters: dict[int, Cluster] = {}
        self._organizations: dict[tuple[int, int], Organization | None] = {}

    async def claim(self, limit: int) -> list[Outgoing]:
        return (await self.claim_batch(limit)).outgoing

    async def claim_batch(self, limit: int) -> Claim:
        """Claim up to ``limit`` due rows (committed before anything is sent).

        Each gets its cluster's policy and zone (the clusters read in one query). A reminder
        claimed in its cluster's quiet hours is released to their end, no attempt counted."""
        now = self.clock.now()
        rows = await self.storage.notifications.claim_due(now, now + self.claim_for, limit)
        clusters = await self.storage.notifications.clusters(
            [n.cluster_id for n, _ in rows if n.cluster_id is not None]
        )
        outgoing = []
        for notification, person in rows:
            cluster = clusters.get(notification.cluster_id or 0)
            policy, timezone = self.policy, self.default_timezone
            if cluster is not None:
                policy = self.policy.with_changes(cluster.reminder_settings or {})
                timezone = cluster.timezone or self.default_timezone
            local = local_time(now, timezone)
            quiet = policy.in_quiet_hours(local.time())
            if quiet and notification.kind in REMINDER_KINDS:
                notification.not_before = policy.quiet_until(local).astimezone(UTC)
                notification.claimed_until = None
                continue
            chat_id = notification.chat_id
            if notification.person_id is not None:
                chat_id = person.telegram_id if person is not None else None
            outgoing.append(
                Outgoing(
                    notification=notification,
                    chat_id=chat_id,
                    thread_id=notification.message_thread_id,
                    language_code=person.language_code if person else None,
                    policy=policy,
                    timezone=timezone,
                    silent=notification.silent or quiet,
                )
            )
        await self.storage.commit()
        await self._prefetch(outgoing, clusters)
        return Claim(outgoing, len(rows))

    async def _prefetch(self, outgoing: Sequence[Outgoing], clusters: dict[int, Cluster]) -> None:
        """The people notices name (``payload.person_id``) and their organizations, for the
        batch in two reads instead of a few per notice."""
        self._clusters = dict(clusters)
        subjects: set[tuple[int | None, int]] = set()
        for o in outgoing:
            person_id = (o.notification.payload or {}).get("person_id")
            if isinstance(person_id, int):
                subjects.add((o.notification.cluster_id, person_id))
        self._persons = dict(
            await self.storage.notifications.persons(sorted({p for _, p in subjects}))
        )
        members = [(c, p) for c, p in subjects if c is not None]
        found = await self.storage.notifications.member_organizations(members)
        self._organizations = {pair: found.get(pair) for pair in members}

    async def _person(self, person_id: int) -> Person | None:
        person = self._persons.get(person_id)
        return person if person is not None else await self.storage.persons.get(person_id)

    async def extend(self, notifications: Sequence[Notification]) -> None:
        """Extend the claim of rows still held (and commit): nobody else takes them meanwhile."""
        await self.storage.notifications.extend_claims(
            [n.id for n in notifications], self.clock.now() + self.claim_for
        )
        await self.storage.commit()

    async def settle(self, settlements: Sequence[Settlement]) -> None:
        """Apply the results of a batch of sends, in one commit."""
        for settlement in settlements:
            await self._apply(settlement)
        await self._save()

    async def _apply(self, s: Settlement) -> None:
        row = s.notification
        if s.parts_sent is not None:
            row.payload = {**(row.payload or {}), "parts_sent": s.parts_sent}
        if s.message_id is not None:
            row.telegram_message_id = s.message_id
        if s.outcome is Outcome.SENT:
            self._sent(row, s.message_id)
        elif s.outcome is Outcome.DROPPED:
            self._dropped(row, s.error or "nothing to send")
        elif s.outcome is Outcome.BLOCKED:
            await self._blocked(row, s.error)
        elif s.outcome is Outcome.MIGRATED and s.migrated_to is not None:
            await self._moved_to(row, s.migrated_to)
        elif s.outcome is Outcome.RELEASED:
            row.claimed_until = None  # the next sender takes it at once, not after the claim
        else:
            self._retry_later(row, s.error)

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
        person = await self._person(person_id)
        return StartLinkFacts(person) if person is not None else None

    async def unreachable_facts(
        self, person_id: int, cluster_id: int | None
    ) -> UnreachableFacts | None:
        person = await self._person(person_id)
        if person is None:
            return None
        if not cluster_id:
            return UnreachableFacts(person, None, None)
        cluster = self._clusters.get(cluster_id) or await self.storage.clusters.get(cluster_id)
        if (cluster_id, person_id) in self._organizations:
            organization: Organization | None = self._organizations[(cluster_id, person_id)]
        else:
            organization = await self.storage.notifications.member_organization(
                cluster_id, person_id
            )
        return UnreachableFacts(person, cluster, organization)

    # --- settling one row (each commits; ``settle`` does a batch in one commit) -------------

    async def sent(self, notification: Notification, message_id: int | None) -> None:
        self._sent(notification, message_id)
        await self._save()

    async def dropped(self, notification: Notification, reason: str) -> None:
        """Nothing to send any more (the report is gone, the person left): not an error."""
        self._dropped(notification, reason)
        await self._save()

    async def retry_later(self, notification: Notification, error: str | None) -> None:
        self._retry_later(notification, error)
        await self._save()

    async def moved_to(self, notification: Notification, chat_id: int) -> None:
        """A group became a supergroup: send there, and keep the cluster pointing at it."""
        await self._moved_to(notification, chat_id)
        await self._save()

    async def blocked(self, notification: Notification, error: str | None) -> None:
        """The person blocked the bot or never opened a chat with it (see ``_blocked``)."""
        await self._blocked(notification, error)
        await self._save()

    def _sent(self, notification: Notification, message_id: int | None) -> None:
        notification.attempts += 1
        notification.status = NotificationStatus.SENT
        notification.sent_at = self.clock.now()
        notification.telegram_message_id = message_id
        notification.claimed_until = None

    def _dropped(self, notification: Notification, reason: str) -> None:
        notification.status = NotificationStatus.CANCELLED
        notification.last_error = reason
        notification.claimed_until = None

    def _retry_later(self, notification: Notification, error: str | None) -> None:
        notification.attempts += 1
        notification.last_error = error
        notification.claimed_until = None
        if notification.attempts >= MAX_ATTEMPTS:
            notification.status = NotificationStatus.FAILED
        else:
            notification.not_before = self.clock.now() + timedelta(minutes=2**notification.attempts)

    async def _moved_to(self, notification: Notification, chat_id: int) -> None:
        old = notification.chat_id
        notification.chat_id = chat_id
        notification.claimed_until = None
        if old is not None:
            for cluster in await self.storage.clusters.all_active():
                if cluster.group_chat_id == old:
                    cluster.group_chat_id = chat_id

    async def _blocked(self, notification: Notification, error: str | None) -> None:
        """Telegram refuses the person: they are marked unreachable; they are asked, once, in
        their cluster's group to open a chat with the bot, and each of the cluster's
        coordinators is told, once."""
        notification.attempts += 1
        notification.status = NotificationStatus.FAILED
        notification.last_error = error
        notification.claimed_until = None
        person_id, cluster_id = notification.person_id, notification.cluster_id
        if person_id is None:
            return  # a group: the bot was removed from it
        person = await self.storage.persons.get(person_id)
        if person is None:
            return
        now = self.clock.now()
        if person.unreachable_since is None:
            person.unreachable_since = now
        cluster_ids = (
            [cluster_id]
            if cluster_id is not None
            else list(await self.storage.notifications.clusters_of_person(person_id))
        )
        for cid in cluster_ids:
            cluster = await self.storage.clusters.get(cid)
            if cluster is None or cluster.archived_at is not None:
                continue
            if notification.kind != NoticeKind.START_LINK and cluster.group_chat_id is not None:
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
            for coordinator_id in await self.storage.memberships.coordinator_ids(cluster.id):
                if coordinator_id == person_id:
                    continue
                await record(
                    self.storage,
                    self.clock,
                    Notice(
                        kind=NoticeKind.PERSON_UNREACHABLE,
                        dedup_key=f"unreachable:{cluster.id}:{person_id}:{coordinator_id}",
                        person_id=coordinator_id,
                        cluster_id=cluster.id,
                        payload={"person_id": person_id},
                    ),
                )

    async def _save(self) -> None:
        # The row was claimed in this same session: changing it and committing is enough.
        await self.storage.commit()
