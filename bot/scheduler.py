"""APScheduler wiring: a few fixed jobs (never one per plan item), each opening its own session.

- ``sender``: wakes the sender (retries after a back-off, rows queued by another process);
- ``reminders``: the reminder sweep, every minute (``[reminders] sweep_seconds``), and once at
  start-up as the catch-up: days missed while the bot was down fold into one digest a person;
  then the weekly summaries' sweep (a post a cluster a week, its dedup key naming the week).

No job store: the database is the truth, so a late, repeated or concurrent run is harmless.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.domain.reminders import ReminderPolicy
from bot.domain.workdays import WorkCalendar
from bot.services.reminders import ReminderService, SweepResult
from bot.services.summaries import SummarySchedule, SummaryService
from bot.telegram.sender import Sender
from storage.uow import Storage

logger = logging.getLogger(__name__)

SENDER_JOB = "sender"
SENDER_INTERVAL_SECONDS = 15
REMINDERS_JOB = "reminders"
CATCH_UP_JOB = "reminders-catch-up"


class Sweeper:
    """Runs the reminder sweep in its own session and wakes the sender when it queued any."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        clock: Clock,
        policy: ReminderPolicy,
        calendar: WorkCalendar,
        sender: Sender | None = None,
    ) -> None:
        self.session_factory = session_factory
        self.clock = clock
        self.policy = policy
        self.calendar = calendar
        self.sender = sender
        # The weekly summary's day and hour (config [summary]; a cluster's own in its settings).
        self.summary_schedule = SummarySchedule()
        self._idle = asyncio.Event()
        self._idle.set()

    async def run(self) -> SweepResult:
        async with self.session_factory() as session:
            storage = Storage(session)
            service = ReminderService(storage, self.clock, None, self.policy, self.calendar)
            result = await service.sweep()
            summaries = await SummaryService(storage, self.clock, self.summary_schedule).sweep()
        if summaries.queued:
            logger.info("Weekly summaries: %s posts queued", summaries.queued)
            if self.sender is not None:
                self.sender.wake()
        if result.queued:
            logger.info(
                "Reminders: %s digests queued in %s clusters", result.queued, result.clusters
            )
            if self.sender is not None:
                self.sender.wake()
        return result

    async def job(self) -> None:
        self._idle.clear()
        try:
            await self.run()
        except Exception:
            logger.exception("the reminder sweep failed; the next one will try again")
        finally:
            self._idle.set()

    async def settle(self, grace: float) -> bool:
        """Waits up to ``grace`` seconds for a sweep under way; True when none is left.

        APScheduler cancels a running coroutine job on shutdown, which would cut the sweep's
        transaction off halfway; a stopping process pauses the scheduler and waits here first.
        """
        try:
            await asyncio.wait_for(self._idle.wait(), grace)
        except TimeoutError:
            return False
        return True


def create_scheduler(
    sender: Sender, sweeper: Sweeper | None = None, *, sweep_seconds: int = 60
) -> AsyncIOScheduler:
    """Jobs are idempotent: the database decides what is due, so a late or repeated run is safe."""
    scheduler = AsyncIOScheduler(
        timezone="UTC",
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300},
    )
    # Retries after a back-off and notices queued by another process are picked up here.
    scheduler.add_job(
        sender.wake,
        "interval",
        seconds=SENDER_INTERVAL_SECONDS,
        id=SENDER_JOB,
        replace_existing=True,
    )
    if sweeper is not None:
        scheduler.add_job(
            sweeper.job,
            "interval",
            seconds=sweep_seconds,
            id=REMINDERS_JOB,
            replace_existing=True,
        )
        # The catch-up: right after start-up, not a minute later.
        scheduler.add_job(
            sweeper.job,
            "date",
            run_date=datetime.now(scheduler.timezone),
            id=CATCH_UP_JOB,
            replace_existing=True,
        )
    return scheduler
