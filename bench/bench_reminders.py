"""Benchmark: reminders at scale (issue 10) — our sweep against one APScheduler job per reminder.

Run: .venv/bin/python bench/bench_reminders.py [--clusters 50 --items 100000 --people 10000]

One migrated SQLite file is seeded with bulk Core inserts (not measured): ``--clusters``
clusters in five time zones (Kaliningrad … Vladivostok), each with its share of the people
(one coordinator; colleges of ten people whose first member holds «Руководители ПОО») and of the
items: 1% undated, 2% continuous («в течение года», one person), 5% of the role «Руководители
ПОО» per organization (one assignment per college), the rest assigned to one person; due dates
spread over 2022; past deadlines mostly accepted, some reports waiting for a decision.

The clock stands at 2022-06-15 07:30 UTC, a Wednesday: 09:30 in Kaliningrad … 17:30 in
Vladivostok, after the 09:00 digest hour and before the quiet hours everywhere; every cluster
swept the day before. The seeding and each design run in processes of their own
(``--worker``), so the peaks of memory (``ru_maxrss``, cross-checked with /proc's VmHWM) are
separate — Linux carries a parent's peak into its children; both designs import the same
modules and read through the same repository.

Ours (bot/services/reminders.py, built as bot/scheduler.py's Sweeper.run does):
- start-up: create the engine, the session and the service (the holiday calendar included) and
  run the catch-up sweep, which is this morning's heavy sweep: every cluster is due, every
  digest is queued;
- one sweep: the steady-state sweep a minute later (nothing new to queue), median and max of 5;
- catch-up after downtime: the cluster days reset to 09.06 (three working days missed, the
  13.06 holiday between) and the outbox emptied, then one sweep folds them in.

The common design (APScheduler 3.11 AsyncIOScheduler, MemoryJobStore, one ``date`` job per
reminder): at start-up it reads every open assignment of every cluster (the same query), derives
each reminder day by the same policy and calendar (7/3/1 days before, the day, every 2 working
days overdue ×5 — bot/domain/reminders.py ``_dated_days`` — plus continuous items' monthly
check-ins and the coordinators' escalation day), adds one job for each reminder from today on
(today's at 09:00 local are already due: they are the catch-up) and starts the scheduler.
Jobs are added sorted by run time: the best case for MemoryJobStore, whose insert keeps a sorted
Python list (in a random order each insert moves part of the list; not measured here). Reports
awaiting the coordinator's decision are left out of it (ours has them). Its wake-up is measured by
calling the scheduler's own ``_process_jobs()`` with the scheduler's ``datetime.now`` frozen
at the bench clock: the first wake-up submits today's due jobs to the AsyncIOExecutor and
removes them from the store (then the no-op job coroutines are run to the end, timed apart); the
steady wake-up is a minute later. APScheduler sleeps until its next job instead of waking each
minute, so its steady wake-up is a best case too. Neither design's sending is measured.

Parity: the lines of today's digests (executors' reminders and escalations, counted after the
timings) equal the jobs APScheduler fires today — both designs remind of the same things.

Prints a table and one JSON line with every figure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time as timer
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

NOW = datetime(2022, 6, 15, 7, 30, tzinfo=UTC)
TODAY = NOW.date()
SWEPT_ON = date(2022, 6, 14)  # the day before: a normal morning
DOWN_SINCE = date(2022, 6, 9)  # for the catch-up after downtime: 10.06, 14.06, 15.06 missed
ZONES = (
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Asia/Yekaterinburg",
    "Asia/Tomsk",
    "Asia/Vladivostok",
)
YEAR_START = date(2022, 1, 10)
COLLEGE_SIZE = 10
TARGETS = {"sweep_s": 1.0, "startup_s": 5.0, "rss_mb": 250.0}


def _rss_mb() -> float:
    """Peak RSS of this process (KiB on Linux). Linux carries a parent's peak over fork and
    exec, so the parent never seeds the data itself: each step runs in its own process."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _hwm_mb() -> float:
    """The same peak from /proc (VmHWM, reset by exec): a cross-check of ``ru_maxrss``."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


# --- seeding ------------------------------------------------------------------------------


async def seed(url: str, clusters: int, items: int, people: int) -> dict[str, int]:
    from sqlalchemy import insert

    from storage.db import create_engine
    from storage.migrate import upgrade
    from storage.models import (
        Assignment,
        AssignmentMode,
        AssignmentStatus,
        Cluster,
        Item,
        ItemStatus,
        MemberRole,
        Membership,
        Occurrence,
        Organization,
        Person,
        PlanDocument,
        PlanRole,
        Report,
        ReportKind,
        Section,
        item_plan_roles,
        membership_plan_roles,
    )

    engine = create_engine(url)
    await upgrade(engine)
    at = datetime(2022, 1, 10, 5, 0, tzinfo=UTC)
    per_items, per_people = items // clusters, people // clusters
    colleges = max(1, (per_people - 1) // COLLEGE_SIZE)
    rows: dict[str, list[dict[str, Any]]] = {
        name: []
        for name in (
            "clusters",
            "organizations",
            "persons",
            "memberships",
            "roles",
            "membership_roles",
            "documents",
            "sections",
            "items",
            "item_roles",
            "occurrences",
            "assignments",
            "reports",
        )
    }
    person_id = org_id = item_id = occurrence_id = assignment_id = membership_id = 0
    for c in range(1, clusters + 1):
        rows["clusters"].append(
            {
                "id": c,
                "name": f"Кластер № {c:03d}",
                "region": "",
                "timezone": ZONES[c % len(ZONES)],
                "created_at": at,
                "reminder_settings": {},
                "reminders_swept_on": SWEPT_ON,
            }
        )
        rows["roles"].append(
            {
                "id": c,
                "cluster_id": c,
                "name": "Руководители ПОО",
                "key": "руководители поо",
                "per_organization": True,
            }
        )
        first_org = org_id + 1
        for n in range(colleges):
            org_id += 1
            rows["organizations"].append(
                {
                    "id": org_id,
                    "cluster_id": c,
                    "name": f"Колледж № {n + 1:03d}",
                    "is_college": True,
                }
            )
        executors: list[tuple[int, int]] = []  # (person id, organization id)
        for k in range(per_people):
            person_id += 1
            membership_id += 1
            rows["persons"].append(
                {
                    "id": person_id,
                    "telegram_id": 1_000_000 + person_id,
                    "full_name": f"Сотрудник {person_id:05d}",
                    "private_chat_started": True,
                    "is_admin": False,
                    "created_at": at,
                }
            )
            org = None if k == 0 else first_org + (k - 1) % colleges
            rows["memberships"].append(
                {
                    "id": membership_id,
                    "cluster_id": c,
                    "person_id": person_id,
                    "organization_id": org,
                    "role": MemberRole.COORDINATOR if k == 0 else MemberRole.EXECUTOR,
                    "joined_at": at,
                }
            )
            if k == 0:
                continue
            executors.append((person_id, org or 0))
            if k <= colleges:  # the first member of each college heads it
                rows["membership_roles"].append({"membership_id": membership_id, "plan_role_id": c})
        rows["documents"].append(
            {
                "id": c,
                "cluster_id": c,
                "kind": "plan",
                "title": "План работы кластера на 2022 год",
                "imported_at": at,
                "imported_by_id": person_id - per_people + 1,
            }
        )
        rows["sections"].append(
            {"id": c, "document_id": c, "position": 0, "number": "1", "title": "Мероприятия"}
        )
        for n in range(per_items):
            item_id += 1
            undated, continuous, by_role = n % 100 == 0, n % 50 == 1, n % 20 == 2
            rows["items"].append(
                {
                    "id": item_id,
                    "cluster_id": c,
                    "document_id": c,
                    "section_id": c,
                    "position": n,
                    "number": str(n + 1),
                    "text": f"Провести мероприятие № {n + 1} для школьников и их родителей",
                    "executors_text": "Руководители ПОО" if by_role else "",
                    "deadline_text": "",
                    "deadline_kind": "continuous" if continuous else "date",
                    "assignment_mode": AssignmentMode.PER_ORGANIZATION if by_role else None,
                    "status": ItemStatus.ACTIVE,
                    "created_at": at,
                    "updated_at": at,
                }
            )
            if undated:
                continue
            if by_role:
                rows["item_roles"].append({"item_id": item_id, "plan_role_id": c})
            if continuous:
                start, due = YEAR_START, date(2022, 12, 28)
            else:
                start, due = None, YEAR_START + timedelta(days=(n * 7919 + c * 31) % 355)
            occurrence_id += 1
            rows["occurrences"].append(
                {
                    "id": occurrence_id,
                    "item_id": item_id,
                    "seq": 1,
                    "start_date": start,
                    "due_date": due,
                    "original_due_date": due,
                }
            )
            parties: list[tuple[int | None, int, int | None]] = (
                [(None, first_org + k, c) for k in range(colleges)]
                if by_role
                else [(*executors[(n * 13 + c) % len(executors)], None)]
            )
            for k, (person, organization, role) in enumerate(parties):
                assignment_id += 1
                spin = (assignment_id * 2654435761) % 100
                if due < TODAY:
                    status = (
                        AssignmentStatus.ACCEPTED
                        if spin < 60
                        else AssignmentStatus.SUBMITTED
                        if spin < 65
                        else AssignmentStatus.OPEN
                    )
                else:
                    status = AssignmentStatus.SUBMITTED if spin < 3 else AssignmentStatus.OPEN
                rows["assignments"].append(
                    {
                        "id": assignment_id,
                        "occurrence_id": occurrence_id,
                        "plan_role_id": role,
                        "organization_id": organization,
                        "person_id": person,
                        "status": status,
                        "due_date": None,
                        "version": 1,
                        "created_at": at,
                        "updated_at": at,
                    }
                )
                if status is AssignmentStatus.SUBMITTED:
                    author = person if person is not None else executors[k][0]
                    rows["reports"].append(
                        {
                            "assignment_id": assignment_id,
                            "author_id": author,
                            "kind": ReportKind.DONE,
                            "text": "Провели, фото прилагаем",
                            "created_at": datetime.combine(
                                min(due, TODAY) - timedelta(days=1 + spin % 5),
                                time(6),
                                tzinfo=UTC,
                            ),
                        }
                    )
    tables: list[tuple[Any, str]] = [
        (Cluster, "clusters"),
        (Organization, "organizations"),
        (Person, "persons"),
        (Membership, "memberships"),
        (PlanRole, "roles"),
        (membership_plan_roles, "membership_roles"),
        (PlanDocument, "documents"),
        (Section, "sections"),
        (Item, "items"),
        (item_plan_roles, "item_roles"),
        (Occurrence, "occurrences"),
        (Assignment, "assignments"),
        (Report, "reports"),
    ]
    async with engine.begin() as connection:
        for table, name in tables:
            data = rows[name]
            for first in range(0, len(data), 20_000):
                await connection.execute(insert(table), data[first : first + 20_000])
    await engine.dispose()
    return {name: len(data) for name, data in rows.items()}


# --- our design ---------------------------------------------------------------------------


async def run_ours(url: str) -> dict[str, Any]:
    from sqlalchemy import delete, func, select, update

    from bot.domain.reminders import ReminderPolicy
    from bot.domain.workdays import WorkCalendar
    from bot.services.reminders import ReminderService
    from storage.db import create_engine, create_session_factory
    from storage.models import Cluster, Notification
    from storage.uow import Storage
    from tests.fakes import FixedClock

    clock = FixedClock(NOW)
    started = timer.perf_counter()
    engine = create_engine(url)
    factory = create_session_factory(engine)
    policy, calendar = ReminderPolicy(), WorkCalendar()

    async def sweep() -> tuple[float, int, int]:
        begun = timer.perf_counter()
        async with factory() as session:
            service = ReminderService(Storage(session), clock, None, policy, calendar)
            result = await service.sweep()
        return timer.perf_counter() - begun, result.clusters, result.queued

    heavy_s, heavy_clusters, heavy_queued = await sweep()
    startup_s = timer.perf_counter() - started
    steady: list[float] = []
    steady_queued = 0
    for _ in range(5):
        clock.advance(minutes=1)
        seconds, _clusters, queued = await sweep()
        steady.append(seconds)
        steady_queued += queued
    async with factory() as session:
        outbox = int((await session.execute(select(func.count(Notification.id)))).scalar_one())
        # The catch-up after downtime: three working days missed.
        await session.execute(delete(Notification))
        await session.execute(update(Cluster).values(reminders_swept_on=DOWN_SINCE))
        await session.commit()
    clock.set(NOW)
    catch_up_s, _clusters, catch_up_queued = await sweep()
    rss = _rss_mb()
    # Not timed: the lines of today's digests by reason, to compare with the jobs fired.
    lines: dict[str, int] = {}
    async with factory() as session:
        storage = Storage(session)
        service = ReminderService(storage, clock, None, policy, calendar)
        for cluster in await storage.reminders.clusters_to_sweep():
            for digest in await service.digests(cluster, TODAY):
                for entry in digest.entries:
                    lines[entry.reason.value] = lines.get(entry.reason.value, 0) + 1
    await engine.dispose()
    return {
        "startup_s": startup_s,
        "heavy_sweep_s": heavy_s,
        "heavy_sweep_clusters": heavy_clusters,
        "digests_queued": heavy_queued,
        "outbox_rows": outbox,
        "sweep_s": statistics.median(steady),
        "sweep_max_s": max(steady),
        "sweep_queued": steady_queued,
        "catch_up_3_days_s": catch_up_s,
        "catch_up_3_days_queued": catch_up_queued,
        "digest_lines_by_reason": lines,
        "rss_mb": rss,
        "vm_hwm_mb": _hwm_mb(),
    }


# --- the common design: one APScheduler job per reminder ---------------------------------


async def remind(assignment_id: int, reason: str) -> None:
    """What a job per reminder would run (here: nothing)."""


def _reminder_days(row: Any, policy: Any, calendar: Any) -> list[tuple[date, str]]:
    from bot.domain.reminders import Reason, _dated_days, escalation_on

    days: dict[date, str] = {}
    for day, reason in _dated_days(row.due, policy, calendar):
        days.setdefault(day, reason.value)
    if row.deadline_kind == "continuous" and policy.checkin_monthly:
        start = row.start or row.due
        month = date(start.year, start.month, 1)
        while month < row.due:
            first = calendar.first_working_day_of_month(month)
            if start < first < row.due:
                days.setdefault(first, Reason.CHECKIN.value)
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    result = sorted(days.items())
    escalation = calendar.on_or_after(row.due + timedelta(days=policy.escalate_after))
    if policy.escalate_after > 0 and escalation_on(row.due, escalation, policy, calendar):
        result.append((escalation, Reason.ESCALATION.value))  # to the coordinators: a job apart
    return result


class _Frozen(datetime):
    """The scheduler's ``datetime.now``, standing at the bench clock."""

    at = NOW

    @classmethod
    def now(cls, tz: Any = None) -> Any:
        return cls.at.astimezone(tz) if tz is not None else cls.at.replace(tzinfo=None)


async def run_apscheduler(url: str) -> dict[str, Any]:
    import apscheduler.executors.base as executors_base
    import apscheduler.schedulers.base as schedulers_base
    from apscheduler.jobstores.memory import MemoryJobStore
    from apscheduler.schedulers.asyncio import AsyncIOScheduler
    from apscheduler.schedulers.base import STATE_RUNNING

    from bot.domain.calendar import local_time, zone
    from bot.domain.reminders import ReminderPolicy
    from bot.domain.workdays import WorkCalendar
    from storage.db import create_engine, create_session_factory
    from storage.uow import Storage

    schedulers_base.datetime = _Frozen
    executors_base.datetime = _Frozen
    started = timer.perf_counter()
    engine = create_engine(url)
    factory = create_session_factory(engine)
    policy, calendar = ReminderPolicy(), WorkCalendar()
    scheduler = AsyncIOScheduler(
        timezone="UTC",
        jobstores={"default": MemoryJobStore()},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
    )
    jobs: list[tuple[datetime, str, int, str]] = []
    assignments = 0
    async with factory() as session:
        storage = Storage(session)
        for cluster in await storage.reminders.clusters_to_sweep():
            today = local_time(NOW, cluster.timezone).date()
            tz = zone(cluster.timezone)
            for row in await storage.reminders.all_open_assignments(cluster.id):
                assignments += 1
                for day, reason in _reminder_days(row, policy, calendar):
                    if day >= today:
                        jobs.append(
                            (
                                datetime.combine(day, time(policy.hour), tzinfo=tz),
                                f"{row.assignment_id}:{day.isoformat()}:{reason}",
                                row.assignment_id,
                                reason,
                            )
                        )
    read_s = timer.perf_counter() - started
    jobs.sort(key=lambda job: (job[0], job[1]))
    begun = timer.perf_counter()
    for run_at, job_id, assignment_id, reason in jobs:
        scheduler.add_job(remind, "date", run_date=run_at, id=job_id, args=[assignment_id, reason])
    scheduler.start(paused=True)  # the pending jobs go into the job store here
    add_s = timer.perf_counter() - begun
    scheduler.state = STATE_RUNNING  # _process_jobs is called by hand below, not by a timer
    begun = timer.perf_counter()
    scheduler._process_jobs()
    first_wakeup_s = timer.perf_counter() - begun
    submitted = len(jobs) - len(scheduler.get_jobs())
    begun = timer.perf_counter()
    pending = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    await asyncio.gather(*pending)
    run_jobs_s = timer.perf_counter() - begun
    startup_s = timer.perf_counter() - started
    steady: list[float] = []
    for minute in range(1, 6):
        _Frozen.at = NOW + timedelta(minutes=minute)
        begun = timer.perf_counter()
        scheduler._process_jobs()
        steady.append(timer.perf_counter() - begun)
    rss = _rss_mb()
    scheduler.shutdown(wait=False)
    await engine.dispose()
    return {
        "startup_s": startup_s,
        "read_s": read_s,
        "add_jobs_s": add_s,
        "first_wakeup_s": first_wakeup_s,
        "first_wakeup_jobs": submitted,
        "run_jobs_s": run_jobs_s,
        "wakeup_s": statistics.median(steady),
        "wakeup_max_s": max(steady),
        "open_assignments": assignments,
        "jobs": len(jobs),
        "rss_mb": rss,
        "vm_hwm_mb": _hwm_mb(),
    }


# --- the run ------------------------------------------------------------------------------


def _worker(design: str, url: str, *sizes: str) -> dict[str, Any]:
    """Run one step in its own process; its figures are its last line of output."""
    process = subprocess.run(
        [sys.executable, __file__, "--worker", design, "--url", url, *sizes],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(process.stdout.strip().splitlines()[-1]))


def _table(ours: dict[str, Any], theirs: dict[str, Any], ratios: dict[str, float]) -> str:
    lines = [
        f"{'figure':<44} {'ours (sweep)':>14} {'APScheduler':>14} {'their/ours':>11}",
        "-" * 86,
    ]

    def line(name: str, a: str, b: str, ratio: str = "") -> None:
        lines.append(f"{name:<44} {a:>14} {b:>14} {ratio:>11}")

    line(
        "start-up (engine + catch-up / add jobs), s",
        f"{ours['startup_s']:.3f}",
        f"{theirs['startup_s']:.3f}",
        f"{ratios['startup']:.1f}×",
    )
    line(
        "  heavy morning sweep / first wake-up, s",
        f"{ours['heavy_sweep_s']:.3f}",
        f"{theirs['first_wakeup_s'] + theirs['run_jobs_s']:.3f}",
    )
    line(
        "  digests queued / jobs fired this morning",
        str(ours["digests_queued"]),
        str(theirs["first_wakeup_jobs"]),
    )
    by_reason = ours["digest_lines_by_reason"]
    line(
        "  reminder lines (executors + escalations)",
        str(sum(n for reason, n in by_reason.items() if reason != "awaiting_decision")),
        str(theirs["first_wakeup_jobs"]),
    )
    awaiting = str(by_reason.get("awaiting_decision", 0))
    line("  + reports awaiting a decision (ours only)", awaiting, "—")
    line("  reading open assignments, s", "—", f"{theirs['read_s']:.3f}")
    line("  add_job × jobs + start, s", "—", f"{theirs['add_jobs_s']:.3f}")
    line(
        "one sweep / wake-up a minute later, s (median)",
        f"{ours['sweep_s']:.4f}",
        f"{theirs['wakeup_s']:.6f}",
    )
    line("catch-up after 3 working days down, s", f"{ours['catch_up_3_days_s']:.3f}", "—")
    line("  digests queued by it", str(ours["catch_up_3_days_queued"]), "—")
    line("jobs in the scheduler", "3 fixed", str(theirs["jobs"]))
    line(
        "peak RSS, MB", f"{ours['rss_mb']:.1f}", f"{theirs['rss_mb']:.1f}", f"{ratios['rss']:.1f}×"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clusters", type=int, default=50)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--worker", choices=("seed", "ours", "apscheduler"), help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker == "seed":
        print(json.dumps(asyncio.run(seed(args.url, args.clusters, args.items, args.people))))
        return
    if args.worker:
        run = run_ours if args.worker == "ours" else run_apscheduler
        print(json.dumps(asyncio.run(run(args.url))))
        return
    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite+aiosqlite:///{Path(directory) / 'reminders.db'}"
        begun = timer.perf_counter()
        sizes = ("--clusters", str(args.clusters), "--items", str(args.items))
        counts = _worker("seed", url, *sizes, "--people", str(args.people))
        seed_s = timer.perf_counter() - begun
        theirs = _worker("apscheduler", url)  # reads only; ours writes the outbox
        ours = _worker("ours", url)
    ratios = {
        "startup": theirs["startup_s"] / ours["startup_s"],
        "rss": theirs["rss_mb"] / ours["rss_mb"],
    }
    print(
        f"{counts['items']:,} items, {counts['persons']:,} people, {counts['clusters']} clusters, "
        f"{counts['assignments']:,} assignments ({theirs['open_assignments']:,} open); "
        f"seeded in {seed_s:.1f} s (not a figure)"
    )
    print(_table(ours, theirs, ratios))
    met = {
        "sweep": ours["sweep_s"] < TARGETS["sweep_s"],
        "heavy_sweep_under_1s": ours["heavy_sweep_s"] < TARGETS["sweep_s"],
        "startup": ours["startup_s"] < TARGETS["startup_s"],
        "rss": ours["rss_mb"] < TARGETS["rss_mb"],
    }
    print(
        "targets (ours): one sweep < 1 s {}, start-up < 5 s {}, peak RSS < 250 MB {}".format(
            *("met" if met[k] else "MISSED" for k in ("sweep", "startup", "rss"))
        )
    )
    figures = {
        "bench": "reminders",
        "sizes": counts,
        "clock": NOW.isoformat(),
        "ours": ours,
        "apscheduler": theirs,
        "ratios_their_over_ours": ratios,
        "targets": TARGETS,
        "targets_met": met,
    }
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
