"""APScheduler wiring: a few fixed jobs (never one per plan item), each opening its own session."""

from __future__ import annotations

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.services.outbox import OutboxSender

OUTBOX_JOB = "outbox"
OUTBOX_INTERVAL_SECONDS = 15


def create_scheduler(outbox: OutboxSender) -> AsyncIOScheduler:
    """Jobs are idempotent: the database decides what is due, so a late or repeated run is safe."""
    scheduler = AsyncIOScheduler(timezone="UTC")
    scheduler.add_job(
        outbox.drain,
        "interval",
        seconds=OUTBOX_INTERVAL_SECONDS,
        id=OUTBOX_JOB,
        coalesce=True,
        max_instances=1,
        replace_existing=True,
    )
    return scheduler
