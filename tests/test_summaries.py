"""The weekly summary of a cluster built from a seed plan at fixed dates: its text and JSON
(golden files), the chart, the weekly post (once a week through repeated and concurrent
sweeps, never in quiet hours, to the group's topic or privately to the coordinators), and
/summary with «Подробнее» through the Dispatcher."""

from __future__ import annotations

import asyncio
import io
import json
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from aiogram import Bot
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.domain.branding import Branding
from bot.i18n import Translations
from bot.services.summaries import (
    PRESETS,
    Summary,
    SummaryService,
    summary_to_json,
)
from bot.telegram.callbacks import SettingsCallback
from bot.telegram.sender import Sender
from bot.telegram.views.summaries import (
    TELEGRAM_LIMIT,
    chart_png,
    render_full_lists,
    render_summary_text,
)
from storage.models import (
    Assignment,
    AssignmentStatus,
    Cluster,
    Indicator,
    Item,
    ItemStatus,
    MemberRole,
    Membership,
    Notification,
    Occurrence,
    Organization,
    Person,
    PlanDocument,
    Report,
    ReportKind,
    Section,
)
from storage.uow import Storage
from tests.chat import Chat
from tests.fake_telegram import FakeTelegram
from tests.fakes import FixedClock
from tests.plan_world import IMPORTED_AT, PlanWorld, seed_plan

TOMSK = ZoneInfo("Asia/Tomsk")
GOLDEN = Path(__file__).parent / "data" / "golden"
# Wednesday 04.05.2022: its week is 02.05–08.05; the seed's items fall due 01.05–12.05.
DAY = date(2022, 5, 4)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TOMSK).astimezone(UTC)


async def summary_world(
    factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    *,
    items: int = 12,
    colleges: int = 3,
    first_telegram_id: int = 7000,
) -> PlanWorld:
    """The seed plan (``items`` items of «Руководители ПОО», due 01.05–12.05.2022, one per
    college), then: item 1 reported done by two colleges on 28.04 (one accepted), item 2 done
    late by college 1 on 03.05, two items with no date, an indicator, a second section, and
    the head of the last college unreachable."""
    world = await seed_plan(
        factory, fake, items=items, colleges=colleges, first_telegram_id=first_telegram_id
    )
    async with factory() as session:
        rows = (
            await session.execute(
                select(Assignment, Item.number, Organization.name)
                .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
                .join(Item, Item.id == Occurrence.item_id)
                .join(Organization, Organization.id == Assignment.organization_id)
                .where(Item.cluster_id == world.cluster_id)
                .order_by(Item.position, Organization.name)
            )
        ).all()
        heads = {
            m.organization_id: m.person_id
            for m in (
                await session.execute(
                    select(Membership).where(Membership.cluster_id == world.cluster_id)
                )
            )
            .scalars()
            .all()
            if m.organization_id is not None
        }
        done = {
            ("1", "Колледж № 001"): (AssignmentStatus.ACCEPTED, _at(date(2022, 4, 28), 15)),
            ("1", "Колледж № 002"): (AssignmentStatus.SUBMITTED, _at(date(2022, 4, 29), 11)),
            ("2", "Колледж № 001"): (AssignmentStatus.ACCEPTED, _at(date(2022, 5, 3), 10)),
        }
        for assignment, number, organization in rows:
            found = done.get((number, organization))
            if found is None:
                continue
            assignment.status = found[0]
            session.add(
                Report(
                    assignment_id=assignment.id,
                    author_id=heads[assignment.organization_id],
                    kind=ReportKind.DONE,
                    text="Провели",
                    created_at=found[1],
                )
            )
        document = (
            await session.execute(
                select(PlanDocument).where(PlanDocument.cluster_id == world.cluster_id)
            )
        ).scalar_one()
        second = Section(
            document_id=document.id, position=1, number="2", title="Работа с предприятиями"
        )
        session.add(second)
        await session.flush()
        half = world.item_ids[len(world.item_ids) // 2 :]
        await session.execute(update(Item).where(Item.id.in_(half)).values(section_id=second.id))
        for n, text in enumerate(("Разработать дорожную карту", "Обновить состав совета")):
            session.add(
                Item(
                    cluster_id=world.cluster_id,
                    document_id=document.id,
                    section_id=second.id,
                    position=100 + n,
                    number=f"2.{n + 1}",
                    text=text,
                    executors_text="Руководители ПОО",
                    deadline_text="по согласованию",
                    deadline_kind="unrecognized",
                    status=ItemStatus.ACTIVE,
                    created_at=IMPORTED_AT,
                    updated_at=IMPORTED_AT,
                )
            )
        if len(world.item_ids) > 2:
            session.add(
                Indicator(
                    item_id=world.item_ids[2],
                    position=0,
                    text="Доля экспертов ДЭ",
                    year=2022,
                    target="50%",
                    actual="40%",
                )
            )
        last_head = heads[max(heads)]
        await session.execute(
            update(Person).where(Person.id == last_head).values(unreachable_since=IMPORTED_AT)
        )
        await session.commit()
    return world


async def _summary(
    factory: async_sessionmaker[AsyncSession], world: PlanWorld, day: date = DAY
) -> Summary:
    async with factory() as session:
        storage = Storage(session)
        cluster = await storage.clusters.get(world.cluster_id)
        assert cluster is not None
        return await SummaryService(storage, FixedClock(_at(day, 12))).summary(cluster, day)


def _golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("WORKPLAN_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"differs from {path}"


async def test_the_summary_text_of_a_seed_plan_on_a_fixed_day_matches_its_golden_file(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    translations: Translations,
) -> None:
    world = await summary_world(session_factory, fake)
    summary = await _summary(session_factory, world)
    text, cut = render_summary_text(translations.get("ru"), summary)
    _golden("summary.ru.txt", text + "\n")
    assert not cut
    assert len(text) <= TELEGRAM_LIMIT
    assert "Выполнено 3 из 36 поручений колледжам (8%)." in text
    assert "Просрочено сейчас: 6 поручений." in text  # item 1 at one college, 2 at two, 3 at three
    english, _ = render_summary_text(translations.get("en"), summary)
    _golden("summary.en.txt", english + "\n")


async def test_the_summary_json_of_a_seed_plan_on_a_fixed_day_matches_its_golden_file(
    session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram
) -> None:
    world = await summary_world(session_factory, fake)
    data = summary_to_json(await _summary(session_factory, world))
    _golden("summary.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    # The contract's keys and types.
    assert data["date"] == "2022-05-04"
    assert data["week"] == {"start": "2022-05-02", "end": "2022-05-08"}
    assert data["totals"] == {
        "assignments": 36,
        "done": 3,
        "done_on_time": 2,
        "overdue": 6,
        "undated": 2,
    }
    assert data["done_last_week"] == [
        {
            "number": "1",
            "organization": "Колледж № 001",
            "person": "Директор Колледжа № 001",
            "date": "2022-04-28",
        },
        {
            "number": "1",
            "organization": "Колледж № 002",
            "person": "Директор Колледжа № 002",
            "date": "2022-04-29",
        },
    ]
    overdue = data["overdue"]
    assert overdue[0] == {
        "number": "1",
        "organization": "Колледж № 003",
        "due": "2022-05-01",
        "days": 3,
        "people": ["Директор Колледжа № 003"],
    }
    assert [d["due"] for d in data["due_this_week"]] == sorted(
        d["due"] for d in data["due_this_week"]
    )
    assert {d["due"] for d in data["due_this_week"]} == {
        "2022-05-04",
        "2022-05-05",
        "2022-05-06",
        "2022-05-07",
        "2022-05-08",
    }
    assert {d["due"] for d in data["due_next_week"]} == {
        "2022-05-09",
        "2022-05-10",
        "2022-05-11",
        "2022-05-12",
    }
    assert data["undated"] == [{"number": "2.1"}, {"number": "2.2"}]
    assert data["unreachable"] == [
        {"person": "Директор Колледжа № 003", "organization": "Колледж № 003"}
    ]
    assert data["indicators"][0]["target"] == "50%"
    assert data["indicators"][0]["actual"] == "40%"


async def test_a_cluster_with_no_items_gives_a_short_text_and_no_chart(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    translations: Translations,
) -> None:
    world = await seed_plan(session_factory, fake, items=0)
    summary = await _summary(session_factory, world)
    assert summary.empty
    t = translations.get("ru")
    text, cut = render_summary_text(t, summary)
    assert text == "В плане кластера «Кластер транспорта» пока нет пунктов — подводить итоги рано."
    assert not cut
    assert chart_png(t, summary) is None
    data = summary_to_json(summary)
    assert data["totals"]["assignments"] == 0
    assert data["overdue"] == []


async def test_a_plan_with_items_but_no_deadlines_lists_them_and_says_so(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    translations: Translations,
) -> None:
    world = await summary_world(session_factory, fake, items=0, colleges=1)
    summary = await _summary(session_factory, world)
    text, _ = render_summary_text(translations.get("ru"), summary)
    assert "Пунктов со сроками в плане пока нет." in text
    assert "❔ Пункты без срока: 2" in text
    assert "Выполнено" not in text


async def test_a_long_summary_is_cut_within_one_message_and_the_full_lists_hold_everything(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    translations: Translations,
) -> None:
    world = await summary_world(session_factory, fake, items=60, colleges=8)
    summary = await _summary(session_factory, world, date(2022, 5, 30))
    t = translations.get("ru")
    text, cut = render_summary_text(t, summary)
    assert cut
    assert len(text) <= TELEGRAM_LIMIT
    assert "… и ещё" in text
    full = render_full_lists(t, summary)
    assert all(len(part) <= TELEGRAM_LIMIT for part in full)
    everything = "\n".join(full)
    overdue_lines = [line for line in everything.splitlines() if "(срок " in line]
    # One line an item and date, every college that is late on it named in it.
    assert len(overdue_lines) == len({(o.number, o.due) for o in summary.overdue})
    assert sum(line.count("Колледж № ") for line in overdue_lines) == len(summary.overdue)


async def test_the_chart_is_a_valid_png_a_phone_can_show_in_the_clusters_colours(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    translations: Translations,
) -> None:
    import matplotlib.image

    world = await summary_world(session_factory, fake)
    summary = await _summary(session_factory, world)
    summary.branding = Branding().with_changes(PRESETS["green"])
    png = chart_png(translations.get("ru"), summary)
    assert png is not None
    assert png.startswith(PNG_SIGNATURE)
    pixels = matplotlib.image.imread(io.BytesIO(png), format="png")
    height, width = pixels.shape[:2]
    assert 1000 <= width <= 1200
    assert 300 <= height <= 2000
    # The «done» colour of the preset is drawn.
    green = tuple(int(PRESETS["green"]["primary"][i : i + 2], 16) / 255 for i in (1, 3, 5))
    found = (abs(pixels[..., :3] - green) < 0.01).all(axis=-1).any()
    assert found


# --- the weekly post --------------------------------------------------------------------------


async def _sweep(factory: async_sessionmaker[AsyncSession], now: datetime) -> int:
    async with factory() as session:
        return (await SummaryService(Storage(session), FixedClock(now)).sweep()).queued


async def _posts(factory: async_sessionmaker[AsyncSession]) -> list[Notification]:
    async with factory() as session:
        return list(
            (
                await session.execute(
                    select(Notification)
                    .where(Notification.kind == "weekly_summary")
                    .order_by(Notification.id)
                )
            )
            .scalars()
            .all()
        )


async def _bind(
    factory: async_sessionmaker[AsyncSession], cluster_id: int, chat_id: int, thread: int | None
) -> None:
    async with factory() as session:
        await session.execute(
            update(Cluster)
            .where(Cluster.id == cluster_id)
            .values(group_chat_id=chat_id, group_thread_id=thread)
        )
        await session.commit()


MONDAY = date(2022, 5, 16)


async def test_the_weekly_post_is_queued_once_a_week_through_repeated_and_concurrent_sweeps(
    session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram
) -> None:
    world = await summary_world(session_factory, fake)
    await _bind(session_factory, world.cluster_id, -100500, 77)
    assert await _sweep(session_factory, _at(MONDAY, 8, 59)) == 0  # not yet 09:00 in Tomsk
    results = await asyncio.gather(
        _sweep(session_factory, _at(MONDAY, 9, 1)), _sweep(session_factory, _at(MONDAY, 9, 1))
    )
    assert sorted(results) == [0, 1]
    for later in (_at(MONDAY, 9, 30), _at(MONDAY, 18), _at(MONDAY + timedelta(days=1), 9)):
        assert await _sweep(session_factory, later) == 0
    posts = await _posts(session_factory)
    assert [p.dedup_key for p in posts] == [f"weekly_summary:{world.cluster_id}:2022-05-16"]
    assert posts[0].chat_id == -100500
    assert posts[0].message_thread_id == 77
    # The next Monday: the next week's post.
    assert await _sweep(session_factory, _at(MONDAY + timedelta(days=7), 9, 5)) == 1


async def test_the_post_follows_the_clusters_own_day_and_hour(
    session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram
) -> None:
    world = await summary_world(session_factory, fake)
    async with session_factory() as session:
        await session.execute(
            update(Cluster)
            .where(Cluster.id == world.cluster_id)
            .values(summary_settings={"weekday": 5, "hour": 14})
        )
        await session.commit()
    assert await _sweep(session_factory, _at(MONDAY, 9, 5)) == 0
    friday = MONDAY + timedelta(days=4)
    assert await _sweep(session_factory, _at(friday, 13, 59)) == 0
    assert await _sweep(session_factory, _at(friday, 14, 0)) == 1


async def test_no_group_bound_the_post_goes_to_each_coordinator_privately(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    sender: Sender,
) -> None:
    world = await summary_world(session_factory, fake)
    assert await _sweep(session_factory, _at(MONDAY, 9, 5)) == 1
    posts = await _posts(session_factory)
    assert len(posts) == 1
    assert posts[0].person_id is not None
    assert posts[0].chat_id is None
    sender.clock = FixedClock(_at(MONDAY, 9, 6))  # type: ignore[assignment]
    sender.summaries = type(sender.summaries)(sender.clock)
    await sender.drain()
    sent = fake.messages_to(world.coordinator.id)
    photos = [m for m in sent if m.document is not None]
    texts = [m for m in sent if m.text and "Итоги недели" in m.text]
    assert len(photos) == 1
    assert len(texts) == 1
    assert sent.index(photos[0]) < sent.index(texts[0])
    assert fake.messages_to(world.heads[0].id) == []


async def test_in_the_group_the_post_goes_to_its_topic_with_the_chart_first_and_details_privately(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    sender: Sender,
    clock: FixedClock,
    chat: Chat,
) -> None:
    world = await summary_world(session_factory, fake, items=60, colleges=8)
    group = fake.group(-100777, "Совет кластера", is_forum=True)
    await _bind(session_factory, world.cluster_id, group.id, 42)
    assert await _sweep(session_factory, _at(MONDAY, 9, 5)) == 1
    clock.set(_at(MONDAY, 9, 6))
    sender.summaries = type(sender.summaries)(clock)
    await sender.drain()
    calls = [c for c in fake.calls if c.method in ("sendPhoto", "sendMessage")]
    assert [c.method for c in calls] == ["sendPhoto", "sendMessage"]
    assert all(str(c.params.get("message_thread_id")) == "42" for c in calls)
    assert fake.messages_to(world.coordinator.id) == []
    post = fake.messages_to(group.id)[-1]
    assert "… и ещё" in (post.text or "")
    # A college head may not open the full lists; the coordinator gets them privately.
    head = world.heads[0]
    await chat.press(head, "📋 Подробнее", post)
    assert fake.messages_to(head.id) == []
    answers = fake.calls_of("answerCallbackQuery")
    assert "координаторам и наблюдателям" in str(answers[-1].params.get("text"))
    await chat.press(world.coordinator, "📋 Подробнее", post)
    full = fake.messages_to(world.coordinator.id)
    assert full
    assert "Полные списки" in (full[0].text or "")
    assert "в личные сообщения" in str(fake.calls_of("answerCallbackQuery")[-1].params.get("text"))
    assert len(fake.messages_to(group.id)) == 2  # nothing more in the group


async def test_the_post_never_goes_in_quiet_hours(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    sender: Sender,
) -> None:
    world = await summary_world(session_factory, fake)
    async with session_factory() as session:
        await session.execute(
            update(Cluster)
            .where(Cluster.id == world.cluster_id)
            .values(summary_settings={"weekday": 1, "hour": 21})
        )
        await session.commit()
    assert await _sweep(session_factory, _at(MONDAY, 21, 5)) == 1
    sender.clock = FixedClock(_at(MONDAY, 21, 6))  # type: ignore[assignment]
    sender.summaries = type(sender.summaries)(sender.clock)
    assert await sender.drain() == 0
    assert fake.messages_to(world.coordinator.id) == []
    posts = await _posts(session_factory)
    # Deferred to the end of the quiet hours, 08:00 on Tuesday in Tomsk.
    assert posts[0].not_before == _at(MONDAY + timedelta(days=1), 8)
    sender.clock.set(_at(MONDAY + timedelta(days=1), 8, 1))
    assert await sender.drain() == 1
    assert any("Итоги недели" in (m.text or "") for m in fake.messages_to(world.coordinator.id))


async def test_an_empty_cluster_posts_nothing_and_fails_nothing(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    sender: Sender,
) -> None:
    world = await seed_plan(session_factory, fake, items=0)
    assert await _sweep(session_factory, _at(MONDAY, 9, 5)) == 1
    sender.clock = FixedClock(_at(MONDAY, 9, 6))  # type: ignore[assignment]
    sender.summaries = type(sender.summaries)(sender.clock)
    assert await sender.drain() == 0
    assert fake.messages_to(world.coordinator.id) == []
    assert [p.status.value for p in await _posts(session_factory)] == ["cancelled"]


# --- /summary and «Подробнее» -----------------------------------------------------------------


async def _observer(
    factory: async_sessionmaker[AsyncSession], fake: FakeTelegram, world: PlanWorld
) -> None:
    async with factory() as session:
        person = Person(
            telegram_id=7900,
            full_name="Наблюдатель Регионов",
            private_chat_started=True,
            created_at=IMPORTED_AT,
        )
        session.add(person)
        await session.flush()
        session.add(
            Membership(
                cluster_id=world.cluster_id,
                person_id=person.id,
                role=MemberRole.OBSERVER,
                joined_at=IMPORTED_AT,
            )
        )
        await session.commit()


async def test_slash_summary_shows_the_chart_and_the_text_and_details_come_privately(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    clock: FixedClock,
    chat: Chat,
) -> None:
    world = await summary_world(session_factory, fake, items=60, colleges=8)
    clock.set(_at(date(2022, 5, 30), 10))
    await chat.say(world.coordinator, "/summary")
    sent = fake.messages_to(world.coordinator.id)
    assert any(m.document is not None for m in sent)
    post = chat.last(world.coordinator)
    assert "Итоги недели" in (post.text or "")
    assert "… и ещё" in (post.text or "")
    before = len(fake.messages_to(world.coordinator.id))
    await chat.press(world.coordinator, "📋 Подробнее", post)
    full = fake.messages_to(world.coordinator.id)[before:]
    assert full
    assert "Полные списки" in (full[0].text or "")
    assert all(len(m.text or "") <= TELEGRAM_LIMIT for m in full)
    # An executor has no summary, and a forged press tells them so.
    head = world.heads[0]
    await chat.say(head, "/summary")
    assert "координаторам и наблюдателям" in (chat.last(head).text or "")


async def test_an_observer_gets_the_summary_too(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    clock: FixedClock,
    chat: Chat,
) -> None:
    world = await summary_world(session_factory, fake)
    await _observer(session_factory, fake, world)
    observer = fake.user(7900, "Наблюдатель", "Регионов")
    clock.set(_at(DAY, 10))
    await chat.say(observer, "/summary")
    assert "Итоги недели · Кластер транспорта" in (chat.last(observer).text or "")


# --- /settings: the summary's day and hour, the cluster's colours ------------------------------


async def _cluster(factory: async_sessionmaker[AsyncSession], cluster_id: int) -> Cluster:
    async with factory() as session:
        cluster = await session.get(Cluster, cluster_id)
        assert cluster is not None
        return cluster


async def test_a_coordinator_sets_the_summarys_day_hour_and_colours_with_buttons(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    clock: FixedClock,
    chat: Chat,
) -> None:
    world = await summary_world(session_factory, fake)
    clock.set(_at(DAY, 12))
    coordinator = world.coordinator
    menu = await chat.say(coordinator, "/settings")
    assert (
        "Итоги недели: понедельник в 09:00 (время кластера: Томск, МСК+4), координаторам лично"
        " (группа не привязана)." in (menu.text or "")
    )
    assert "Цвета диаграммы и выгрузок: синие (по умолчанию)." in (menu.text or "")
    picker = await chat.press(coordinator, "📰 День итогов")
    assert "✓ Понедельник" in [b["text"] for b in picker.buttons()]
    saved = await chat.press(coordinator, "Пятница")
    assert "✅ Сохранено: 📰 День итогов — Пятница." in (saved.text or "")
    assert "Итоги недели: пятница в 09:00" in (saved.text or "")
    await chat.press(coordinator, "🕘 Час итогов")
    await chat.press(coordinator, "14:00")
    await chat.press(coordinator, "🎨 Цвета")
    saved = await chat.press(coordinator, "Зелёные")
    assert "Цвета диаграммы и выгрузок: зелёные." in (saved.text or "")
    cluster = await _cluster(session_factory, world.cluster_id)
    assert cluster.summary_settings == {"weekday": 5, "hour": 14}
    assert cluster.branding == PRESETS["green"]
    # The post now goes on Friday at 14:00, and the chart is drawn in green.
    assert await _sweep(session_factory, _at(MONDAY, 9, 5)) == 0
    assert await _sweep(session_factory, _at(MONDAY + timedelta(days=4), 14, 1)) == 1
    summary = await _summary(session_factory, world)
    assert summary.branding.primary == PRESETS["green"]["primary"]
    # Back to the default colours: nothing of the cluster's own is left stored.
    await chat.press(coordinator, "🎨 Цвета")
    await chat.press(coordinator, "Синие (по умолчанию)")
    assert (await _cluster(session_factory, world.cluster_id)).branding == {}


async def test_an_executor_cannot_change_the_summary_settings_with_a_forged_button(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    clock: FixedClock,
    chat: Chat,
    bot: Bot,
) -> None:
    from tests.test_settings import _forged

    world = await summary_world(session_factory, fake)
    clock.set(_at(DAY, 12))
    head = world.heads[0]
    await chat.say(head, "/start")
    for key, value in (("summary_weekday", 5), ("summary_hour", 14), ("colours", 1)):
        data = SettingsCallback(
            action="set", cluster_id=world.cluster_id, key=key, value=value
        ).pack()
        forged = await _forged(bot, chat, head, data)
        await chat.press(head, "кнопка", forged)
    cluster = await _cluster(session_factory, world.cluster_id)
    assert cluster.summary_settings == {}
    assert cluster.branding == {}


async def test_someone_in_two_clusters_chooses_which_summary_by_buttons(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    clock: FixedClock,
    chat: Chat,
) -> None:
    first = await summary_world(session_factory, fake)
    second = await seed_plan(
        session_factory,
        fake,
        items=2,
        cluster_name="Кластер сельского хозяйства",
        first_telegram_id=8000,
    )
    async with session_factory() as session:
        person = (
            await session.execute(select(Person).where(Person.telegram_id == first.coordinator.id))
        ).scalar_one()
        session.add(
            Membership(
                cluster_id=second.cluster_id,
                person_id=person.id,
                role=MemberRole.OBSERVER,
                joined_at=IMPORTED_AT,
            )
        )
        await session.commit()
    clock.set(_at(DAY, 12))
    choice = await chat.say(first.coordinator, "/summary")
    assert choice.text == "Итоги какого кластера показать?"
    assert [b["text"] for b in choice.buttons()] == [
        "Кластер транспорта",
        "Кластер сельского хозяйства",
    ]
    post = await chat.press(first.coordinator, "Кластер сельского хозяйства", choice)
    assert "Итоги недели · Кластер сельского хозяйства" in (post.text or "")
