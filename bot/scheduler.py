"""APScheduler wiring: a few fixed jobs (never one per plan item), each opening its own session."""

from __future__ import annotations

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.telegram.sender import Sender

SENDER_JOB = "sender"
SENDER_INTERVAL_SECONDS = 15


def create_scheduler(sender: Sender) -> AsyncIOScheduler:
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
    return scheduler
