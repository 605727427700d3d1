"""Delivery: claims due notices, renders each for its recipient, sends within Telegram's limits.

Woken after every commit that may have queued something and by the scheduler; no update waits
for it. The database is the truth: a row is claimed (and the claim committed) before it is
sent, and settled after. Sends to different chats run concurrently, each chat's in order; the
results are settled in batches, one commit each. A row holds one of ``max_in_flight`` places
from its first send until the commit that settles it, so after a crash at most that many rows
were sent and not recorded — those, and only those, go out again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import BufferedInputFile, InlineKeyboardMarkup
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.domain.calendar import MOSCOW
from bot.domain.notices import REMINDER_KINDS, REPORT_KINDS, NoticeKind
from bot.domain.reminders import ReminderPolicy
from bot.i18n import Translations, Translator
from bot.services.notices import CLAIM_FOR, NoticeService, Outcome, Outgoing, Settlement
from bot.services.reminders import DigestReader
from bot.services.summaries import SummaryReader
from bot.telegram.notices import (
    Rendered,
    render_person_unreachable,
    render_report_notice,
    render_start_link,
)
from bot.telegram.views.digests import render_digest
from bot.telegram.views.summaries import render_summary
from storage.uow import Storage

logger = logging.getLogger(__name__)

# Rows that may be sent and not yet recorded as sent: what a crash can repeat, at most.
MAX_IN_FLIGHT = 32
# Seconds a drain waiting on slow chats goes without looking whether it was woken.
IDLE_LOOK = 1.0


class DeliveryStatus(StrEnum):
    SENT = "sent"
    BLOCKED = "blocked"  # the person blocked the bot or never opened a chat with it
    MIGRATED = "migrated"  # the group became a supergroup: retry at ``migrated_to``
    FAILED = "failed"  # Telegram kept failing; try again later


@dataclass(frozen=True, slots=True)
class Delivery:
    status: DeliveryStatus
    message_id: int | None = None
    migrated_to: int | None = None
    error: str | None = None


class _Window:
    """At most ``count`` grants in any ``period`` seconds (a sliding window of grant times)."""

    __slots__ = ("count", "period", "times")

    def __init__(self, count: int, period: float) -> None:
        self.count = count
        self.period = period
        self.times: deque[float] = deque()

    def ready_at(self, now: float) -> float:
        while self.times and now - self.times[0] >= self.period:
            self.times.popleft()
        if len(self.times) < self.count:
            return now
        return self.times[-self.count] + self.period

    def take(self, now: float) -> None:
        self.times.append(now)


class _Spacing:
    """One grant per ``interval``, on an ideal schedule (GCRA): a grant that came a little
    late (a sleep overshoots by a millisecond or two) does not push back the ones after it,
    so the rate holds; an idle spell earns no burst beyond ``slack`` intervals."""

    __slots__ = ("interval", "slack", "tat")

    def __init__(self, interval: float, slack: int = 4) -> None:
        self.interval = interval
        self.slack = slack * interval
        self.tat = 0.0  # the theoretical time of the next grant

    def ready_at(self, now: float) -> float:
        return max(now, self.tat)

    def take(self, now: float) -> None:
        self.tat = max(self.tat, now - self.slack) + self.interval


class _Global:
    """The overall limit: evenly spaced (``_Spacing``, so sends do not reach Telegram in
    bunches), and never more than the limit in any second (a sliding window a hair longer
    than a second, whatever the spacing's catch-up does)."""

    __slots__ = ("spacing", "window")

    def __init__(self, interval: float, margin: float) -> None:
        per_second = max(1, math.floor(1 / interval + 1e-9))
        self.spacing = _Spacing(interval * (1 + margin))
        self.window = _Window(per_second, 1.0 + margin)

    def ready_at(self, now: float) -> float:
        return max(self.spacing.ready_at(now), self.window.ready_at(now))

    def take(self, now: float) -> None:
        self.spacing.take(now)
        self.window.take(now)


def _window(per: float, seconds: float, margin: float) -> _Window | None:
    """``per`` messages in ``seconds``, ``margin`` slower; a fractional rate keeps its mean."""
    if per <= 0 or seconds <= 0:
        return None
    count = max(1, math.floor(per))
    return _Window(count, seconds * count / per * (1 + margin))


class Pacer:
    """Keeps within Telegram's three limits, without serialising unrelated chats.

    Messages to one chat go one at a time (its turn, in order) and wait only for that chat's
    own window — 1/s to a private chat, 20/min to a group (chat id < 0) by default — so a slow
    group never holds back anyone else; then every message takes a slot of the global limit,
    spaced evenly (a burst would reach Telegram bunched). ``margin`` keeps a little under each
    limit, so the jitter of the network does not push a message past Telegram's window."""

    def __init__(
        self,
        per_chat_interval: float = 1.0,
        global_interval: float = 1 / 30,
        *,
        per_group_per_minute: float | None = None,
        margin: float = 0.0,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.margin = margin
        self._now = monotonic
        self._sleep = sleep
        self._global = _Global(global_interval, margin) if global_interval > 0 else None
        self._chat_limit = (1.0, per_chat_interval)
        self._group_limit = (
            (per_group_per_minute, 60.0)
            if per_group_per_minute is not None
            else (1.0, per_chat_interval)
        )
        self._chats: dict[int, _Window | None] = {}
        self._paused: dict[int, float] = {}
        self._turns: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}
        self._global_lock = asyncio.Lock()

    @classmethod
    def from_limits(
        cls,
        global_per_second: float,
        per_chat_per_second: float,
        per_group_per_minute: float,
        *,
        margin: float = 0.01,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> Pacer:
        return cls(
            per_chat_interval=1 / per_chat_per_second,
            global_interval=1 / global_per_second,
            per_group_per_minute=per_group_per_minute,
            margin=margin,
            monotonic=monotonic,
            sleep=sleep,
        )

    def _chat(self, chat_id: int) -> _Window | None:
        if chat_id not in self._chats:
            per, seconds = self._group_limit if chat_id < 0 else self._chat_limit
            self._chats[chat_id] = _window(per, seconds, self.margin)
        return self._chats[chat_id]

    def chat_ready_in(self, chat_id: int) -> float:
        """Seconds until a message to the chat would be within its own limit."""
        now = self._now()
        window = self._chat(chat_id)
        ready = max(window.ready_at(now) if window else now, self._paused.get(chat_id, 0.0))
        return max(0.0, ready - now)

    def pause(self, chat_id: int, seconds: float) -> None:
        """Telegram asked to wait (429 ``retry_after``): nothing goes to the chat until then."""
        until = self._now() + seconds
        self._paused[chat_id] = max(self._paused.get(chat_id, 0.0), until)

    @contextlib.asynccontextmanager
    async def turn(self, chat_id: int) -> AsyncIterator[None]:
        """The chat's turn: one message (with its retries) at a time to each chat, in order."""
        lock = self._turns.setdefault(chat_id, asyncio.Lock())
        self._waiting[chat_id] = self._waiting.get(chat_id, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._waiting[chat_id] -= 1
            if not self._waiting[chat_id]:
                del self._waiting[chat_id], self._turns[chat_id]
                # Forget a chat once its window is empty: the state stays as small as the
                # number of chats written to lately.
                now = self._now()
                window = self._chats.get(chat_id)
                if window is None or not window.times or now - window.times[-1] >= window.period:
                    self._chats.pop(chat_id, None)
                if self._paused.get(chat_id, 0.0) <= now:
                    self._paused.pop(chat_id, None)

    async def wait(self, chat_id: int) -> None:
        """Within the chat's turn: wait for its own limit, then for a global slot; the
        message may go the moment this returns (both windows count it from now)."""
        delay = self.chat_ready_in(chat_id)
        while delay > 0:
            await self._sleep(delay)
            delay = self.chat_ready_in(chat_id)
        if self._global is not None:
            async with self._global_lock:  # first come, first served
                now = self._now()
                while (ready := self._global.ready_at(now)) > now:
                    await self._sleep(ready - now)
                    now = self._now()
                self._global.take(now)
        window = self._chat(chat_id)
        if window is not None:
            window.take(self._now())


class TelegramDelivery:
    """One message to one chat: paced, retried on flood control, server errors and timeouts."""

    def __init__(
        self,
        bot: Bot,
        *,
        attempts: int = 5,
        max_retry_after: float = 60.0,
        pacer: Pacer | None = None,
        backoff: float = 0.5,
        max_backoff: float = 10.0,
        request_timeout: float | None = None,
    ) -> None:
        self.bot = bot
        self.attempts = attempts
        self.max_retry_after = max_retry_after
        self.pacer = pacer or Pacer()
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.request_timeout = request_timeout

    async def send(
        self,
        chat_id: int,
        text: str,
        *,
        thread_id: int | None = None,
        keyboard: InlineKeyboardMarkup | None = None,
        silent: bool = False,
        photo: bytes | None = None,
    ) -> Delivery:
        async with self.pacer.turn(chat_id):
            return await self._send(chat_id, text, thread_id, keyboard, silent, photo)

    async def _send(
        self,
        chat_id: int,
        text: str,
        thread_id: int | None,
        keyboard: InlineKeyboardMarkup | None,
        silent: bool,
        photo: bytes | None = None,
    ) -> Delivery:
        error = ""
        for attempt in range(1, self.attempts + 1):
            await self.pacer.wait(chat_id)
            try:
                if photo is not None:  # a chart, its caption the text
                    message = await self.bot.send_photo(
                        chat_id,
                        BufferedInputFile(photo, "chart.png"),
                        caption=text,
                        message_thread_id=thread_id,
                        reply_markup=keyboard,
                        disable_notification=silent or None,
                        request_timeout=self.request_timeout,  # type: ignore[arg-type]
                    )
                else:
                    message = await self.bot.send_message(
                        chat_id,
                        text,
                        message_thread_id=thread_id,
                        reply_markup=keyboard,
                        disable_notification=silent or None,
                        # aiogram annotates whole seconds; aiohttp takes any number of them.
                        request_timeout=self.request_timeout,  # type: ignore[arg-type]
                    )
            except TelegramRetryAfter as exc:
                error = str(exc)
                if exc.retry_after > self.max_retry_after:
                    break
                logger.info("Flood control for chat %s: waiting %ss", chat_id, exc.retry_after)
                self.pacer.pause(chat_id, exc.retry_after)
            except TelegramMigrateToChat as exc:
                return Delivery(DeliveryStatus.MIGRATED, migrated_to=exc.migrate_to_chat_id)
            except TelegramForbiddenError as exc:
                return Delivery(DeliveryStatus.BLOCKED, error=str(exc))
            except TelegramBadRequest as exc:
                if "chat not found" in str(exc).lower():
                    return Delivery(DeliveryStatus.BLOCKED, error=str(exc))
                return Delivery(DeliveryStatus.FAILED, error=str(exc))
            except (TelegramServerError, TelegramNetworkError) as exc:
                # 5xx, a dropped connection or a request past its timeout: back off and retry.
                error = str(exc)
                if attempt < self.attempts:
                    await asyncio.sleep(min(self.backoff * 2 ** (attempt - 1), self.max_backoff))
            else:
                return Delivery(DeliveryStatus.SENT, message_id=message.message_id)
        logger.warning("Could not send to chat %s: %s", chat_id, error)
        return Delivery(DeliveryStatus.FAILED, error=error)


@dataclass(eq=False)
class _Job:
    """A claimed row on its way: rendered at claim time, sent in its chat's lane."""

    outgoing: Outgoing
    parts: list[Rendered]
    ticket: bool = False  # holds one of the in-flight places (from its first send)
    settlement: Settlement | None = None
    done: asyncio.Event = field(default_factory=asyncio.Event)


class Sender:
    """Drains the outbox in the background; ``wake()`` after a commit, ``drain()`` in tests.

    ``max_in_flight``: rows sent or being sent and not yet settled, at most (the most a crash
    can repeat); ``max_held``: rows claimed and not yet settled, at most; results are settled
    once ``settle_every`` are waiting, or as soon as no more come for a moment."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        delivery: TelegramDelivery,
        clock: Clock,
        translations: Translations,
        *,
        batch: int = 100,
        policy: ReminderPolicy | None = None,
        default_timezone: str = MOSCOW,
        max_in_flight: int = MAX_IN_FLIGHT,
        settle_every: int | None = None,
        settle_after: float = 0.05,
        max_held: int = 500,
        claim_for: timedelta = CLAIM_FOR,
    ) -> None:
        self.session_factory = session_factory
        self.delivery = delivery
        self.clock = clock
        self.translations = translations
        self.batch = batch
        self.policy = policy or ReminderPolicy()
        # Reads a queued digest again at send time; set by the application (lead's part).
        self.digests: DigestReader | None = None
        # Computes a queued weekly summary at send time (the application may set its config).
        self.summaries = SummaryReader(clock)
        self.default_timezone = default_timezone
        self.max_in_flight = max_in_flight
        self.settle_every = settle_every or max(1, max_in_flight // 2)
        self.settle_after = settle_after
        self.max_held = max(max_held, batch)
        self.claim_for = claim_for
        self._wake = asyncio.Event()
        self._lock = asyncio.Lock()
        self._stopping = False

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        """Asks ``run`` to return: the drain under way claims nothing more and ends once what
        it holds is sent. Rows it never claimed stay queued for the next start."""
        self._stopping = True
        self._wake.set()

    @property
    def stopping(self) -> bool:
        return self._stopping

    async def run(self) -> None:
        """Until stopped (or cancelled): wait to be woken, then send everything that is due."""
        while not self._stopping:
            await self._wake.wait()
            self._wake.clear()
            if self._stopping:
                return
            try:
                await self.drain()
            except Exception:
                logger.exception("the sender failed; it will try again when woken")

    async def drain(self) -> int:
        """Send every due notice; returns how many were sent."""
        async with self._lock, self.session_factory() as session:
            notices = NoticeService(
                Storage(session),
                self.clock,
                self.policy,
                default_timezone=self.default_timezone,
                claim_for=self.claim_for,
            )
            return await _Drain(self, notices).run()

    async def _render(
        self, notices: NoticeService, outgoing: Outgoing
    ) -> Rendered | list[Rendered] | None:
        t = self.translations.for_language(outgoing.language_code)
        payload = outgoing.notification.payload or {}
        kind = outgoing.kind
        if kind in REPORT_KINDS:
            report_id = payload.get("report_id")
            facts = await notices.report_facts(int(report_id)) if report_id else None
            return render_report_notice(t, kind, facts, payload) if facts else None
        if kind is NoticeKind.START_LINK:
            person_id = payload.get("person_id")
            start = await notices.start_link_facts(int(person_id)) if person_id else None
            if start is None:
                return None
            username = (await self.delivery.bot.me()).username or ""
            return render_start_link(t, start, username)
        if kind is NoticeKind.PERSON_UNREACHABLE:
            person_id = payload.get("person_id")
            if not person_id:
                return None
            cluster_id = outgoing.notification.cluster_id
            found = await notices.unreachable_facts(int(person_id), cluster_id)
            return render_person_unreachable(t, found) if found else None
        if kind is NoticeKind.WEEKLY_SUMMARY:
            cluster_id = outgoing.notification.cluster_id
            summary = (
                await self.summaries.read(notices.storage, cluster_id, payload)
                if cluster_id is not None
                else None
            )
            return render_summary(t, summary) if summary is not None else None
        if kind in REMINDER_KINDS:
            return await self._render_digest(t, notices, outgoing)
        logger.error("no renderer for notice kind %s", kind)
        return None

    async def _render_digest(
        self, t: Translator, notices: NoticeService, outgoing: Outgoing
    ) -> list[Rendered] | None:
        """A digest as it reads now (lead's part): its parts, or None when nothing is left."""
        row = outgoing.notification
        if self.digests is None or row.person_id is None or row.cluster_id is None:
            return None
        digest = await self.digests.read(
            notices.storage, row.person_id, row.cluster_id, outgoing.kind, row.payload or {}
        )
        if digest is None:
            return None
        return [Rendered(part.text, part.keyboard) for part in render_digest(t, digest)]


class _Drain:
    """One drain: claims rows as room frees up, sends them in per-chat lanes, settles in
    batches. The session is used by this task alone; lanes only talk to Telegram."""

    def __init__(self, sender: Sender, notices: NoticeService) -> None:
        self.sender = sender
        self.notices = notices
        self.delivery = sender.delivery
        self.held: dict[int, _Job] = {}  # row id → job, claimed and not settled
        self.lanes: dict[int, deque[_Job]] = {}  # chat → its jobs in order
        self.tasks: set[asyncio.Task[None]] = set()
        self.finished: list[_Job] = []
        self.result = asyncio.Event()
        self.tickets = asyncio.Semaphore(sender.max_in_flight)
        self.sent = 0
        self.exhausted = False
        self.extended_at = time.monotonic()

    async def run(self) -> int:
        try:
            while True:
                if self.exhausted and self.sender._wake.is_set():
                    # Queued while this drain waits for a slow chat: it need not wait too.
                    self.sender._wake.clear()
                    self.exhausted = False
                if self.sender.stopping:
                    self.exhausted = True  # the process stops: send what is held, no more
                if not self.exhausted and len(self.held) <= self.sender.max_held // 2:
                    await self._claim()
                if not self.held:
                    if self.exhausted:
                        return self.sent
                    continue
                await self._wait_for_results()
                await self._settle()
                await self._extend_claims()
        finally:
            for task in self.tasks:
                task.cancel()
            for task in list(self.tasks):
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    async def _claim(self) -> None:
        room = self.sender.max_held - len(self.held)
        limit = min(self.sender.batch, room)
        claim = await self.notices.claim_batch(limit)
        if claim.taken < limit:
            self.exhausted = True
        for outgoing in claim.outgoing:
            rendered = await self.sender._render(self.notices, outgoing)
            parts = rendered if isinstance(rendered, list) else [rendered] if rendered else []
            job = _Job(outgoing, parts)
            self.held[outgoing.notification.id] = job
            if not parts or outgoing.chat_id is None:
                self._finish(
                    job,
                    Settlement(
                        outgoing.notification,
                        Outcome.DROPPED,
                        error="nothing to send: the recipient or the subject is gone",
                    ),
                )
                continue
            lane = self.lanes.get(outgoing.chat_id)
            if lane is None:
                lane = self.lanes[outgoing.chat_id] = deque()
                task = asyncio.create_task(self._lane(outgoing.chat_id, lane))
                self.tasks.add(task)
                task.add_done_callback(self.tasks.discard)
            lane.append(job)

    def _finish(self, job: _Job, settlement: Settlement) -> None:
        job.settlement = settlement
        self.finished.append(job)
        self.result.set()

    async def _lane(self, chat_id: int, lane: deque[_Job]) -> None:
        """One chat's jobs, in order; a job takes an in-flight place only once its chat may
        be sent to, so rows waiting for a slow chat never hold back the others."""
        try:
            while lane:
                job = lane[0]
                delay = self.delivery.pacer.chat_ready_in(chat_id)
                while delay > 0 and not self.sender.stopping:
                    await asyncio.sleep(min(delay, IDLE_LOOK))
                    delay = self.delivery.pacer.chat_ready_in(chat_id)
                await self.tickets.acquire()
                job.ticket = True
                if self.sender.stopping:
                    self._release(lane)  # this lane alone sends its jobs: none is half-sent
                    return
                self._finish(job, await self._send(job))
                lane.popleft()
        except Exception as exc:  # a bug must not leave rows held: retry them later
            logger.exception("the lane of chat %s failed", chat_id)
            for rest in lane:
                if rest.settlement is None:
                    self._finish(
                        rest, Settlement(rest.outgoing.notification, Outcome.RETRY, error=str(exc))
                    )
        finally:
            if self.lanes.get(chat_id) is lane:
                del self.lanes[chat_id]

    def _release(self, lane: deque[_Job]) -> None:
        """The process stops: the jobs not yet sent go back to the queue, unclaimed."""
        while lane:
            job = lane.popleft()
            if job.settlement is None:
                self._finish(job, Settlement(job.outgoing.notification, Outcome.RELEASED))

    async def _send(self, job: _Job) -> Settlement:
        outgoing = job.outgoing
        row = outgoing.notification
        assert outgoing.chat_id is not None
        done = outgoing.parts_sent
        total = len(job.parts)
        message_id: int | None = None
        for rendered in job.parts[done:]:
            delivery = await self.delivery.send(
                outgoing.chat_id,
                rendered.text,
                thread_id=outgoing.thread_id,
                keyboard=rendered.keyboard,
                silent=outgoing.silent,
                photo=rendered.photo,
            )
            if delivery.status is not DeliveryStatus.SENT:
                return self._failed(job, delivery, done if done else None, message_id)
            done += 1
            message_id = delivery.message_id
        return Settlement(
            row,
            Outcome.SENT,
            message_id=message_id if message_id is not None else row.telegram_message_id,
            parts_sent=total if total > 1 else None,
        )

    def _failed(
        self, job: _Job, delivery: Delivery, parts_sent: int | None, message_id: int | None
    ) -> Settlement:
        row = job.outgoing.notification
        if delivery.status is DeliveryStatus.MIGRATED:
            return Settlement(
                row,
                Outcome.MIGRATED,
                migrated_to=delivery.migrated_to,
                parts_sent=parts_sent,
                message_id=message_id,
            )
        if delivery.status is DeliveryStatus.BLOCKED:
            logger.info("notice %s not delivered: %s", row.id, delivery.error)
            return Settlement(row, Outcome.BLOCKED, error=delivery.error, parts_sent=parts_sent)
        return Settlement(
            row, Outcome.RETRY, error=delivery.error, parts_sent=parts_sent, message_id=message_id
        )

    async def _wait_for_results(self) -> None:
        """Until ``settle_every`` results wait, or none came for ``settle_after`` seconds."""
        sender = self.sender
        while len(self.finished) < sender.settle_every:
            self.result.clear()
            pending = len(self.finished)
            try:
                timeout = sender.settle_after if pending else IDLE_LOOK
                # asyncio.timeout, not wait_for: on Python 3.11 wait_for may swallow a
                # cancellation that comes with the result, and the drain would not stop.
                async with asyncio.timeout(timeout):
                    await self.result.wait()
            except TimeoutError:
                if pending or self._claims_due() or sender._wake.is_set():
                    return

    def _claims_due(self) -> bool:
        return time.monotonic() - self.extended_at > self.sender.claim_for.total_seconds() / 3

    async def _settle(self) -> None:
        if not self.finished:
            return
        batch, self.finished = self.finished, []
        settlements: Sequence[Settlement] = [job.settlement for job in batch if job.settlement]
        await self.notices.settle(settlements)
        session = self.notices.storage.session
        for job in batch:
            row = job.outgoing.notification
            self.held.pop(row.id, None)
            if job.settlement is not None and job.settlement.outcome is Outcome.SENT:
                self.sent += 1
            if job.ticket:
                job.ticket = False
                self.tickets.release()
            if row in session:
                session.expunge(row)
        if any(s.outcome is not Outcome.SENT for s in settlements):
            # A block or a migration may have queued notices, and a row moved to another chat
            # is due again: look once more before this drain ends.
            self.exhausted = False

    async def _extend_claims(self) -> None:
        if not self._claims_due():
            return
        self.extended_at = time.monotonic()
        waiting = [j.outgoing.notification for j in self.held.values() if j.settlement is None]
        await self.notices.extend(waiting)
