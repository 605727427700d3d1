"""Benchmark: SQL statements and commits per user action, through the real Dispatcher.

Run: .venv/bin/python bench/bench_queries.py
Each action runs against a fresh, migrated SQLite file in a temporary directory, seeded by
tests/plan_world.py, with the application's own Dispatcher (create_dispatcher) and the fake Bot
API of the tests. Statements are counted with the sync engine's ``before_cursor_execute`` event,
commits with its ``commit`` event, from the moment the update is fed until it is handled
(delivery of notices is the background sender's work, after the update: not counted).
Targets (issue 8, item 7): the whole ✅ report ≤ 30 statements and ≤ 1 commit per update; each
read action the same number of statements at both sizes.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiogram import Bot, Dispatcher
from aiogram.types import Update

from bot.app import create_bot, create_dispatcher
from bot.config import Settings
from bot.i18n import Translations
from bot.services.registry import ServiceSettings
from storage.db import create_engine, create_session_factory
from storage.migrate import upgrade
from tests.fake_telegram import FakeTelegram, RecordingSession, StoredMessage
from tests.fakes import FixedClock
from tests.plan_world import PlanWorld, StatementCounter, seed_plan

Row = dict[str, object]


class Bench:
    """One fresh database, its Dispatcher and a counter around each fed update."""

    def __init__(self, directory: Path, name: str) -> None:
        self.url = f"sqlite+aiosqlite:///{directory / name}.db"
        self.fake = FakeTelegram()
        self.clock = FixedClock()

    async def __aenter__(self) -> Bench:
        self.engine = create_engine(self.url)
        await upgrade(self.engine)
        self.factory = create_session_factory(self.engine)
        self.bot: Bot = create_bot(
            Settings(telegram={"token": self.fake.token}), session=RecordingSession(self.fake)
        )
        self.dp: Dispatcher = create_dispatcher(
            session_factory=self.factory,
            settings=ServiceSettings(),
            translations=Translations(),
            clock=self.clock,
        )
        self.counter = StatementCounter(self.engine)
        return self

    async def __aexit__(self, *_exc: object) -> None:
        self.counter.close()
        await self.bot.session.close()
        await self.engine.dispose()

    async def seed(self, **sizes: int | bool) -> PlanWorld:
        return await seed_plan(self.factory, self.fake, **sizes)  # type: ignore[arg-type]

    async def feed(self, update: Update) -> tuple[int, int]:
        self.counter.reset()
        await self.dp.feed_update(self.bot, update)
        return self.counter.statements, self.counter.commits


async def _report_flow(directory: Path) -> list[Row]:
    async with Bench(directory, "report") as bench:
        world = await bench.seed(items=5, colleges=1)
        head, fake = world.heads[0], bench.fake
        await bench.feed(fake.send_text(head, "/my"))
        my = fake.last_message_to(head.id)
        steps: list[tuple[str, Callable[[], Update]]] = [
            ("press ✅", lambda: fake.press(head, my, "✅ 1")),
            ("comment", lambda: fake.send_text(head, "Провели, протокол № 5")),
            ("file", lambda: fake.send_document(head, "отчёт.pdf", b"%PDF-1.4 report")),
            ("«📨 Отправить»", lambda: fake.press(head, _with_send(fake, head.id), "📨 Отправить")),
        ]
        rows: list[Row] = []
        for label, update in steps:
            statements, commits = await bench.feed(update())
            rows.append(
                {"action": f"✅ report: {label}", "statements": statements, "commits": commits}
            )
        rows.append(
            {
                "action": "✅ report: total",
                "statements": sum(int(str(r["statements"])) for r in rows),
                "commits": sum(int(str(r["commits"])) for r in rows),
            }
        )
        return rows


def _with_send(fake: FakeTelegram, chat_id: int) -> StoredMessage:
    """The latest bot message that carries «📨 Отправить» (the dialog keeps it on its last)."""
    for message in reversed(fake.messages_to(chat_id)):
        if any(b.get("text") == "📨 Отправить" for b in message.buttons()):
            return message
    raise AssertionError("no message with «📨 Отправить»")


async def _read(
    directory: Path,
    name: str,
    sizes: dict[str, int | bool],
    action: Callable[[Bench, PlanWorld], Awaitable[Update]],
) -> tuple[int, int]:
    async with Bench(directory, name) as bench:
        world = await bench.seed(**sizes)
        return await bench.feed(await action(bench, world))


async def _my(bench: Bench, world: PlanWorld) -> Update:
    return bench.fake.send_text(world.heads[0], "/my")


async def _card(bench: Bench, world: PlanWorld) -> Update:
    return bench.fake.send_text(world.coordinator, "/item 1")


async def _plan(bench: Bench, world: PlanWorld) -> Update:
    return bench.fake.send_text(world.coordinator, "/plan")


READS: list[tuple[str, str, list[tuple[str, dict[str, int | bool]]]]] = [
    ("/my", "open items", [("5", {"items": 5}), ("50", {"items": 50})]),
    (
        "item card",
        "assignments",
        [("3", {"colleges": 3, "reports": True}), ("30", {"colleges": 30, "reports": True})],
    ),
    ("/plan", "items", [("100", {"items": 100}), ("1000", {"items": 1000})]),
]
ACTIONS = {"/my": _my, "item card": _card, "/plan": _plan}


async def main() -> None:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        rows.extend(await _report_flow(directory))
        for label, unit, sizes in READS:
            counts = []
            for size, seed in sizes:
                statements, commits = await _read(
                    directory,
                    f"{label}-{size}".replace("/", "").replace(" ", "-"),
                    seed,
                    ACTIONS[label],
                )
                counts.append(statements)
                rows.append(
                    {
                        "action": f"{label}, {size} {unit}",
                        "statements": statements,
                        "commits": commits,
                    }
                )
            rows[-1]["same_at_both_sizes"] = len(set(counts)) == 1
    width = max(len(str(r["action"])) for r in rows)
    print(f"{'action'.ljust(width)}  statements  commits")
    for row in rows:
        note = (
            ""
            if "same_at_both_sizes" not in row
            else ("  (same at both sizes)" if row["same_at_both_sizes"] else "  (GROWS with size)")
        )
        action = str(row["action"]).ljust(width)
        print(f"{action}  {row['statements']!s:>10}  {row['commits']!s:>7}{note}")
    print(json.dumps({"bench": "queries", "rows": rows}, ensure_ascii=False))


if __name__ == "__main__":
    asyncio.run(main())
