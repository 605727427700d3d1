"""Benchmark: the delivery rate through the fake Bot API over HTTP, with Telegram's limits ×10.

Run: .venv/bin/python bench/bench_delivery.py [--notices 3000] [--chats 1000] [--scale 10]
A migrated SQLite file in a temporary directory is seeded with ``--notices`` pending notices to
``--chats`` chats (private chats and one group in twenty; tests/test_delivery.py's seed_outbox);
the fake Bot API (tests/fake_telegram/server.py) listens on 127.0.0.1 and enforces the limits
×``--scale`` — 300 messages/s overall, 10/s per private chat, 200/min per group — answering 429
past them; the application's own Sender, TelegramDelivery and Pacer (limits from
``DeliverySettings`` ×scale) drain the outbox with a real aiogram Bot over aiohttp.
Targets (issue 10, «Judged by» (a)): ≥ 95% of the global limit; < 1% of sends answered 429.
Prints the figures and one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import create_bot
from bot.clock import SystemClock
from bot.config import DeliverySettings, Settings
from bot.i18n import Translations
from bot.telegram.sender import MAX_IN_FLIGHT, Pacer, Sender, TelegramDelivery
from storage.db import create_engine, create_session_factory
from storage.migrate import upgrade
from tests.fake_telegram import FakeTelegram, FakeTelegramServer, RateLimits
from tests.test_delivery import seed_outbox


async def bench(notices: int, chats: int, scale: float, in_flight: int) -> dict[str, object]:
    defaults = DeliverySettings()
    limits = RateLimits(
        global_per_second=round(defaults.global_per_second * scale),
        per_chat_per_second=round(defaults.per_chat_per_second * scale),
        per_group_per_minute=round(defaults.per_group_per_minute * scale),
    )
    groups = max(1, chats // 20)
    with tempfile.TemporaryDirectory() as directory:
        engine = create_engine(f"sqlite+aiosqlite:///{Path(directory) / 'bench.db'}")
        await upgrade(engine)
        factory = create_session_factory(engine)
        now = datetime.now(UTC)
        outbox = await seed_outbox(
            factory,
            now,
            rows=notices,
            clusters=groups,
            members=(chats - groups) // groups,
            coordinators=0,
            group_share=0.05,
            timezone="UTC",
        )
        fake = FakeTelegram(rate_limits=limits)
        async with FakeTelegramServer(fake) as server:
            bot = create_bot(Settings(telegram={"token": fake.token, "api_url": server.url}))
            pacer = Pacer.from_limits(
                limits.global_per_second, limits.per_chat_per_second, limits.per_group_per_minute
            )
            sender = Sender(
                factory,
                TelegramDelivery(bot, pacer=pacer),
                SystemClock(),
                Translations(),
                # Quiet hours are not what is measured: none, whatever the hour here.
                max_in_flight=in_flight,
            )
            sender.policy = sender.policy.with_changes({"quiet_start": 0, "quiet_end": 0})
            await bot.me()
            started = time.perf_counter()
            sent = await sender.drain()
            elapsed = time.perf_counter() - started
            await bot.session.close()
        await engine.dispose()
    calls = fake.calls_of("sendMessage")
    ok = [c.at for c in calls if c.status == 200]
    limited = sum(1 for c in calls if c.status == 429)
    rate = sent / elapsed
    span = (ok[-1] - ok[0]) if len(ok) > 1 else elapsed
    delivered = Counter(fake.sent_counts())
    return {
        "bench": "delivery",
        "notices": notices,
        "chats": len(outbox.expected),
        "limit_per_second": limits.global_per_second,
        "per_chat_per_second": limits.per_chat_per_second,
        "per_group_per_minute": limits.per_group_per_minute,
        "max_in_flight": in_flight,
        "sent": sent,
        "seconds": round(elapsed, 3),
        "messages_per_second": round(rate, 1),
        "percent_of_limit": round(100 * rate / limits.global_per_second, 1),
        "send_span_messages_per_second": round((len(ok) - 1) / span, 1) if span else None,
        "sends": len(calls),
        "answered_429": limited,
        "percent_429": round(100 * limited / len(calls), 2) if calls else 0.0,
        "exactly_once": delivered == outbox.expected,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=3000)
    parser.add_argument("--chats", type=int, default=1000)
    parser.add_argument("--scale", type=float, default=10.0)
    parser.add_argument("--in-flight", type=int, default=MAX_IN_FLIGHT)
    args = parser.parse_args()
    result = asyncio.run(bench(args.notices, args.chats, args.scale, args.in_flight))
    print(
        f"{result['sent']} notices to {result['chats']} chats in {result['seconds']} s:"
        f" {result['messages_per_second']} msg/s = {result['percent_of_limit']}% of"
        f" {result['limit_per_second']}/s (target ≥ 95%);"
        f" 429: {result['answered_429']} of {result['sends']} sends ="
        f" {result['percent_429']}% (target < 1%); exactly once: {result['exactly_once']}"
    )
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
