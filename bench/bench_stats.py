"""Benchmark: /stats of one large cluster and the overview of many, on SQLite.

Run: .venv/bin/python bench/bench_stats.py
Seeded by tests/plan_world.py (not measured): one cluster of 200 items × 50 colleges × 2 dates
(20,000 assignments, the first item reported by every college), then 100 clusters of 20 items ×
4 colleges for the overview. Measured: StatsService.cluster_stats and StatsService.overview
(an administrator: every cluster), statements counted on the engine. Both read whole clusters
in a fixed number of statements and count in Python.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from bot.services.registry import ServiceSettings, build_services
from bot.services.stats import StatsService
from storage.migrate import upgrade
from storage.models import Person
from storage.uow import Storage
from tests.fake_telegram import FakeTelegram
from tests.fakes import FixedClock
from tests.plan_world import StatementCounter, seed_plan

ADMIN = 999_000_001


async def main() -> None:
    directory = tempfile.mkdtemp()
    engine = create_async_engine(f"sqlite+aiosqlite:///{directory}/bench.db")
    await upgrade(engine)
    factory = async_sessionmaker(engine, expire_on_commit=False)
    fake = FakeTelegram()
    started = time.perf_counter()
    big = await seed_plan(factory, fake, items=200, colleges=50, occurrences=2, reports=True)
    for n in range(100):
        await seed_plan(
            factory,
            fake,
            items=20,
            colleges=4,
            reports=True,
            first_telegram_id=100_000 + 10 * n,
            cluster_name=f"Кластер {n:03d}",
        )
    seeded = time.perf_counter() - started
    clock = FixedClock(datetime(2022, 8, 1, 5, tzinfo=UTC))
    async with factory() as session:
        session.add(
            Person(telegram_id=ADMIN, full_name="Админ", created_at=clock.now(), is_admin=True)
        )
        await session.commit()
    figures: dict[str, object] = {"bench": "stats", "seed_s": round(seeded, 1)}
    async with factory() as session:
        storage = Storage(session)
        access = build_services(storage, clock, ServiceSettings(admin_ids=(ADMIN,))).access
        stats = StatsService(storage, clock, access)
        coordinator = (
            await session.execute(select(Person).where(Person.telegram_id == big.coordinator.id))
        ).scalar_one()
        admin = (
            await session.execute(select(Person).where(Person.telegram_id == ADMIN))
        ).scalar_one()

        counter = StatementCounter(engine)
        begun = time.perf_counter()
        result = await stats.cluster_stats(coordinator, big.cluster_id)
        figures["cluster_s"] = round(time.perf_counter() - begun, 3)
        figures["cluster_statements"] = counter.statements
        figures["cluster_assignments"] = result.total.assigned
        counter.reset()
        begun = time.perf_counter()
        rows = await stats.overview(admin)
        figures["overview_s"] = round(time.perf_counter() - begun, 3)
        figures["overview_statements"] = counter.statements
        figures["overview_clusters"] = len(rows)
        figures["overview_assignments"] = sum(r.total.assigned for r in rows)
        counter.close()
    await engine.dispose()
    print(
        f"/stats of one cluster: {figures['cluster_assignments']} assignments, "
        f"{figures['cluster_s']} s, {figures['cluster_statements']} statements"
    )
    print(
        f"overview: {figures['overview_clusters']} clusters, "
        f"{figures['overview_assignments']} assignments, {figures['overview_s']} s, "
        f"{figures['overview_statements']} statements"
    )
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    asyncio.run(main())
