"""Benchmark: weekly summaries (issue 11) — 1,000 clusters × 100 items computed, not sent.

Run: .venv/bin/python bench/bench_summaries.py [--clusters 1000 --items 100]

One migrated SQLite file is seeded with bulk Core inserts (not measured). Each cluster: a
coordinator and four college heads holding «Руководители ПОО» (one of them unreachable), one
plan of ``--items`` items: 3% without a date, 30% per college (four assignments), the rest
assigned to one head; due dates spread over 2022; most past deadlines reported done (a done
report each, some late), 5% of the items with an indicator (target and actual).

The clock stands at Wednesday 15.06.2022. Measured: SummaryService.summary for every cluster in
turn (bot/services/summaries.py, one session, as the weekly sweep's sender would compute them
one by one), then the same with the post's text rendered (bot/telegram/views/summaries.py, no
chart); the SQL statements counted per cluster. One chart is rendered and timed apart.
Target: the summaries of all clusters in < 5 s.

Prints a table and one JSON line with every figure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time as timer
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

NOW = datetime(2022, 6, 15, 7, 30, tzinfo=UTC)
TODAY = NOW.date()
YEAR_START = date(2022, 1, 10)
COLLEGES = 4
TARGET_S = 5.0


async def seed(url: str, clusters: int, items: int) -> dict[str, int]:
    from sqlalchemy import insert

    from storage.db import create_engine
    from storage.migrate import upgrade
    from storage.models import (
        Assignment,
        AssignmentStatus,
        Cluster,
        Indicator,
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
        membership_plan_roles,
    )

    engine = create_engine(url)
    await upgrade(engine)
    at = datetime(2022, 1, 10, 5, 0, tzinfo=UTC)
    names = [
        "clusters",
        "organizations",
        "persons",
        "memberships",
        "roles",
        "membership_roles",
        "documents",
        "sections",
        "items",
        "occurrences",
        "assignments",
        "reports",
        "indicators",
    ]
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    person_id = org_id = item_id = occurrence_id = assignment_id = membership_id = 0
    report_id = 0
    for c in range(1, clusters + 1):
        rows["clusters"].append(
            {
                "id": c,
                "name": f"Кластер № {c:04d}",
                "region": "",
                "timezone": "Asia/Tomsk" if c % 2 else "Europe/Moscow",
                "created_at": at,
                "reminder_settings": {},
                "summary_settings": {},
                "branding": {},
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
        heads: list[tuple[int, int]] = []
        for k in range(COLLEGES + 1):
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
                    "unreachable_since": at if k == COLLEGES else None,
                }
            )
            organization = None
            if k:
                org_id += 1
                organization = org_id
                rows["organizations"].append(
                    {
                        "id": org_id,
                        "cluster_id": c,
                        "name": f"Колледж № {k:03d}",
                        "is_college": True,
                    }
                )
                heads.append((person_id, org_id))
                rows["membership_roles"].append({"membership_id": membership_id, "plan_role_id": c})
            rows["memberships"].append(
                {
                    "id": membership_id,
                    "cluster_id": c,
                    "person_id": person_id,
                    "organization_id": organization,
                    "role": MemberRole.EXECUTOR if k else MemberRole.COORDINATOR,
                    "joined_at": at,
                }
            )
        rows["documents"].append(
            {"id": c, "cluster_id": c, "kind": "plan", "title": f"План {c}", "imported_at": at}
        )
        for s in range(3):
            rows["sections"].append(
                {
                    "id": 3 * (c - 1) + s + 1,
                    "document_id": c,
                    "position": s,
                    "title": f"Раздел {s + 1}",
                }
            )
        for n in range(items):
            item_id += 1
            rows["items"].append(
                {
                    "id": item_id,
                    "cluster_id": c,
                    "document_id": c,
                    "section_id": 3 * (c - 1) + n % 3 + 1,
                    "position": n,
                    "number": f"{n % 3 + 1}.{n + 1}",
                    "text": f"Провести мероприятие № {n + 1} для школьников и студентов",
                    "executors_text": "Руководители ПОО",
                    "deadline_text": "",
                    "deadline_kind": "date",
                    "status": ItemStatus.ACTIVE,
                    "created_at": at,
                    "updated_at": at,
                }
            )
            if n % 20 == 7:
                rows["indicators"].append(
                    {
                        "item_id": item_id,
                        "position": 0,
                        "text": "Доля экспертов",
                        "year": 2022,
                        "target": "50%",
                        "actual": "40%" if n % 40 == 7 else None,
                    }
                )
            if n % 33 == 5:
                continue  # no date
            occurrence_id += 1
            due = YEAR_START + timedelta(days=(n * 37 + c) % 340)
            rows["occurrences"].append(
                {
                    "id": occurrence_id,
                    "item_id": item_id,
                    "seq": 1,
                    "due_date": due,
                    "original_due_date": due,
                }
            )
            holders = heads if n % 10 < 3 else [heads[n % COLLEGES]]
            for person, organization in holders:
                assignment_id += 1
                past = due < TODAY
                done = past and (assignment_id % 5 != 0)
                rows["assignments"].append(
                    {
                        "id": assignment_id,
                        "occurrence_id": occurrence_id,
                        "plan_role_id": c,
                        "organization_id": organization,
                        "person_id": None if len(holders) > 1 else person,
                        "status": AssignmentStatus.ACCEPTED if done else AssignmentStatus.OPEN,
                        "version": 1,
                        "created_at": at,
                        "updated_at": at,
                    }
                )
                if done:
                    report_id += 1
                    late = timedelta(days=3 if assignment_id % 7 == 0 else -1)
                    rows["reports"].append(
                        {
                            "id": report_id,
                            "assignment_id": assignment_id,
                            "author_id": person,
                            "kind": ReportKind.DONE,
                            "text": "Провели",
                            "created_at": datetime.combine(due + late, datetime.min.time(), UTC)
                            + timedelta(hours=6),
                        }
                    )
    tables = [
        ("clusters", Cluster),
        ("organizations", Organization),
        ("persons", Person),
        ("memberships", Membership),
        ("roles", PlanRole),
        ("membership_roles", membership_plan_roles),
        ("documents", PlanDocument),
        ("sections", Section),
        ("items", Item),
        ("occurrences", Occurrence),
        ("assignments", Assignment),
        ("reports", Report),
        ("indicators", Indicator),
    ]
    async with engine.begin() as connection:
        for name, table in tables:
            data = rows[name]
            for start in range(0, len(data), 5000):
                await connection.execute(insert(table), data[start : start + 5000])  # type: ignore[arg-type]
    await engine.dispose()
    return {name: len(rows[name]) for name in names}


async def measure(url: str) -> dict[str, Any]:
    from sqlalchemy import event, select

    from bot.clock import Clock
    from bot.i18n import default_translations
    from bot.services.summaries import SummaryService
    from bot.telegram.views.summaries import chart_png, render_summary_text
    from storage.db import create_engine, create_session_factory
    from storage.models import Cluster
    from storage.uow import Storage

    class Fixed(Clock):
        def now(self) -> datetime:
            return NOW

    engine = create_engine(url)
    statements = 0

    def count(*_args: object) -> None:
        nonlocal statements
        statements += 1

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    t = default_translations().get("ru")
    result: dict[str, Any] = {}
    async with create_session_factory(engine)() as session:
        storage = Storage(session)
        service = SummaryService(storage, Fixed())
        clusters = list((await session.execute(select(Cluster).order_by(Cluster.id))).scalars())
        await service.summary(clusters[0])  # warm-up: statement caches, imports
        statements = 0
        started = timer.perf_counter()
        summaries = [await service.summary(cluster) for cluster in clusters]
        result["compute_s"] = round(timer.perf_counter() - started, 3)
        result["statements_per_cluster"] = statements / len(clusters)
        started = timer.perf_counter()
        for cluster in clusters:
            render_summary_text(t, await service.summary(cluster))
        result["compute_and_text_s"] = round(timer.perf_counter() - started, 3)
        lengths = [len(render_summary_text(t, s)[0]) for s in summaries[:50]]
        started = timer.perf_counter()
        png = chart_png(t, summaries[0])
        result["chart_s"] = round(timer.perf_counter() - started, 3)
        result["chart_bytes"] = len(png or b"")
        result["text_chars_max"] = max(lengths)
        result["assignments"] = sum(s.totals.assignments for s in summaries)
        result["overdue"] = sum(s.totals.overdue for s in summaries)
    await engine.dispose()
    result["clusters"] = len(summaries)
    result["per_cluster_ms"] = round(1000 * result["compute_s"] / len(summaries), 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=1000)
    parser.add_argument("--items", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{folder}/bench.db"
        started = timer.perf_counter()
        sizes = asyncio.run(seed(url, args.clusters, args.items))
        seed_s = round(timer.perf_counter() - started, 1)
        figures = asyncio.run(measure(url))
    figures.update(
        seed_s=seed_s,
        items=sizes["items"],
        reports=sizes["reports"],
        target_s=TARGET_S,
        within_target=figures["compute_s"] < TARGET_S,
    )
    f = figures
    lines = [
        f"Weekly summaries on SQLite: {args.clusters} clusters × {args.items} items",
        f"  seeded (not measured)        {seed_s:8.1f} s"
        f"  ({sizes['assignments']} assignments, {sizes['reports']} reports)",
        f"  summaries computed           {f['compute_s']:8.3f} s"
        f"  (target < {TARGET_S:.0f} s; {f['per_cluster_ms']} ms a cluster)",
        f"  summaries + the post's text  {f['compute_and_text_s']:8.3f} s",
        f"  SQL statements a cluster     {f['statements_per_cluster']:8.1f}",
        f"  one chart (PNG)              {f['chart_s']:8.3f} s  ({f['chart_bytes']} bytes)",
        f"  longest post text            {f['text_chars_max']:8d} characters (≤ 4096)",
    ]
    print("\n".join(lines))
    print(json.dumps({"bench": "summaries", **figures}, ensure_ascii=False))


if __name__ == "__main__":
    main()
