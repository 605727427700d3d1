"""Export of a 1,000-item plan to each format (issue 11; target < 2 s each).

A plan written straight into a fresh SQLite database (tests/plan_world.py seed_plan): 1,000
items of «Руководители ПОО» in one section, 5 colleges (5,000 assignments, a per-college line
each in «Отметка о выполнении»), every third assignment reported done and accepted with a
comment. Timed: building the model (ExportService, the database reads included) and each
writer (model → bytes), best of three runs. Prints a table and one JSON line.

    .venv/bin/python bench/bench_export.py [--items 1000] [--colleges 5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from bot.exports.docx import write_docx
from bot.exports.html import write_html
from bot.exports.model import PlanExport
from bot.exports.xlsx import write_xlsx
from bot.services.exports import ExportService
from bot.services.registry import ServiceSettings, build_services
from storage.db import create_engine, create_session_factory
from storage.migrate import upgrade
from storage.models import (
    Assignment,
    AssignmentStatus,
    Membership,
    Report,
    ReportDecision,
    ReportKind,
)
from storage.uow import Storage
from tests.fake_telegram import FakeTelegram
from tests.fakes import FixedClock
from tests.plan_world import seed_plan

TODAY = datetime(2022, 6, 1, 6, 0, tzinfo=UTC)
TARGET_SECONDS = 2.0
RUNS = 3


async def _seed(url: str, items: int, colleges: int) -> tuple[int, int]:
    engine = create_engine(url)
    await upgrade(engine)
    factory = create_session_factory(engine)
    world = await seed_plan(factory, FakeTelegram(), items=items, colleges=colleges)
    async with factory() as session:
        heads = {
            m.organization_id: m.person_id
            for m in (await session.execute(select(Membership))).scalars()
            if m.organization_id
        }
        assignments = (await session.execute(select(Assignment).order_by(Assignment.id))).scalars()
        for n, assignment in enumerate(assignments):
            if n % 3:
                continue
            assignment.status = AssignmentStatus.ACCEPTED
            session.add(
                Report(
                    assignment_id=assignment.id,
                    author_id=heads[assignment.organization_id],
                    kind=ReportKind.DONE,
                    text=f"Проведено, участников: {n % 70 + 10}; фотоотчёт на сайте колледжа",
                    created_at=datetime(2022, 4, 20, 7, tzinfo=UTC),
                    decision=ReportDecision.ACCEPTED,
                )
            )
        await session.commit()
        coordinator = (
            await session.execute(
                select(Membership.person_id).where(Membership.organization_id.is_(None))
            )
        ).scalar_one()
    await engine.dispose()
    return world.cluster_id, coordinator


async def _build(url: str, cluster_id: int, person_id: int) -> PlanExport:
    engine = create_engine(url)
    try:
        async with create_session_factory(engine)() as session:
            storage = Storage(session)
            clock = FixedClock(TODAY)
            services = build_services(storage, clock, ServiceSettings())
            person = await storage.persons.get(person_id)
            assert person is not None
            return await ExportService(storage, clock, services.access).build(person, cluster_id)
    finally:
        await engine.dispose()


def _best(action: Callable[[], object]) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(RUNS):
        started = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--colleges", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite+aiosqlite:///{Path(scratch) / 'export.db'}"
        cluster_id, person_id = asyncio.run(_seed(url, args.items, args.colleges))
        model_s, export = _best(lambda: asyncio.run(_build(url, cluster_id, person_id)))
    assert isinstance(export, PlanExport)
    result: dict[str, object] = {
        "bench": "export",
        "items": len(export.items),
        "colleges": args.colleges,
        "mark_lines": sum(len(i.marks) for i in export.items),
        "reports": len(export.reports),
        "model_s": round(model_s, 3),
    }
    print(
        f"plan: {result['items']} items, {result['mark_lines']} mark lines, "
        f"{result['reports']} reports"
    )
    print(f"{'step':<8}{'seconds':>9}{'size, KB':>10}{'model+write':>13}")
    print(f"{'model':<8}{model_s:>9.3f}{'':>10}{'':>13}")
    ok = True
    for name, writer in (("docx", write_docx), ("xlsx", write_xlsx), ("html", write_html)):
        seconds, data = _best(lambda w=writer: w(export))  # type: ignore[misc]
        assert isinstance(data, bytes)
        total = model_s + seconds
        ok = ok and total < TARGET_SECONDS
        result[f"{name}_s"] = round(seconds, 3)
        result[f"{name}_total_s"] = round(total, 3)
        result[f"{name}_kb"] = round(len(data) / 1024)
        print(f"{name:<8}{seconds:>9.3f}{len(data) / 1024:>10.0f}{total:>13.3f}")
    result["target_s"] = TARGET_SECONDS
    result["within_target"] = ok
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
