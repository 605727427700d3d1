"""/settings through the real Dispatcher: a coordinator reads the cluster's reminder policy in
plain Russian and changes each setting with buttons in one edited message; nobody else can,
stale and forged buttons change nothing, and every press is answered exactly once."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram import Bot
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.telegram.callbacks import SettingsCallback
from storage.models import AuditEntry, Cluster, MemberRole, Membership, Person
from tests.chat import Chat
from tests.conftest import CoordinatorCluster
from tests.fake_telegram import FakeTelegram, FakeUser, StoredMessage
from tests.fakes import FixedClock
from tests.plan_world import PlanWorld, seed_plan

TOMSK_SUMMARY = (
    "Напоминания исполнителям: за 7, 3 и 1 день до срока и в день срока, в 09:00"
    " (время кластера: Томск, МСК+4).",
    "После срока: каждые 2 рабочих дня, не более 5 раз.",
    "Пункты «в течение года»: раз в месяц, в первый рабочий день.",
    "Координаторам: о просрочке через 3 дня; об отчётах, ждущих решения, через 2 рабочих дня;"
    " о пунктах без срока — по понедельникам.",
    "Тихие часы: 20:00–08:00",
    "Действуют настройки по умолчанию.",
)


@pytest.fixture
async def world(
    session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram, clock: FixedClock
) -> PlanWorld:
    clock.set(datetime(2022, 4, 20, 5, 0, tzinfo=UTC))  # 12:00 in Tomsk
    return await seed_plan(session_factory, fake, items=2)


async def _stored(factory: async_sessionmaker[AsyncSession], cluster_id: int) -> dict[str, Any]:
    async with factory() as session:
        cluster = await session.get(Cluster, cluster_id)
        assert cluster is not None
        return dict(cluster.reminder_settings or {})


async def _audit_rows(factory: async_sessionmaker[AsyncSession]) -> int:
    async with factory() as session:
        return int(
            await session.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action == "reminder_settings")
            )
            or 0
        )


def _answers_per_press(fake: FakeTelegram) -> list[int]:
    """How many times each press was answered (Telegram accepts exactly one answer)."""
    counts: dict[str, int] = {}
    for call in fake.calls_of("answerCallbackQuery"):
        key = str(call.params["callback_query_id"])
        counts[key] = counts.get(key, 0) + 1
    return list(counts.values())


async def _member(
    factory: async_sessionmaker[AsyncSession],
    chat: Chat,
    cluster_id: int,
    user: FakeUser,
    role: MemberRole,
) -> None:
    await chat.say(user, "/start")
    async with factory() as session:
        person = (
            await session.execute(select(Person).where(Person.telegram_id == user.id))
        ).scalar_one()
        session.add(
            Membership(
                cluster_id=cluster_id, person_id=person.id, role=role, joined_at=person.created_at
            )
        )
        await session.commit()


async def _forged(bot: Bot, chat: Chat, user: FakeUser, data: str) -> StoredMessage:
    """A message in ``user``'s own chat with one button carrying ``data`` — what a forged or
    copied button looks like to the bot."""
    markup = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="кнопка", callback_data=data)]]
    )
    await bot.send_message(user.id, "…", reply_markup=markup)
    return chat.last(user)


async def test_the_summary_tells_the_policy_in_plain_russian_with_the_clusters_zone(
    chat: Chat, world: PlanWorld
) -> None:
    summary = await chat.say(world.coordinator, "/settings")
    text = summary.text or ""
    assert "<b>Напоминания — Кластер транспорта</b>" in text
    for line in TOMSK_SUMMARY:
        assert line in text
    labels = [b["text"] for b in summary.buttons()]
    assert "🕘 Время" in labels
    assert "📅 Дни до срока" in labels
    assert labels[-1] == "↩️ По умолчанию"
    assert len(labels) == 15  # eleven settings, the summary's day and hour, colours, the reset


async def test_a_moscow_cluster_says_moscow_time(
    chat: Chat, coordinator_cluster: CoordinatorCluster
) -> None:
    text = (await chat.say(coordinator_cluster.user, "/settings")).text or ""
    assert "в 09:00 (московское время)." in text


async def test_choosing_a_value_edits_the_message_back_to_the_summary_with_a_confirmation(
    chat: Chat,
    world: PlanWorld,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    summary = await chat.say(world.coordinator, "/settings")
    picker = await chat.press(world.coordinator, "🕘 Время")
    assert picker.message_id == summary.message_id  # the same message, edited
    assert "Сейчас: 09:00." in (picker.text or "")
    assert "✓ 09:00" in [b["text"] for b in picker.buttons()]

    saved = await chat.press(world.coordinator, "10:00")
    text = saved.text or ""
    assert saved.message_id == summary.message_id
    assert text.startswith("✅ Сохранено: 🕘 Время — 10:00.")
    assert "в день срока, в 10:00 (время кластера: Томск, МСК+4)." in text
    assert "Настройки кластера изменены" in text
    assert await _stored(session_factory, world.cluster_id) == {"hour": 10}
    assert len(chat.messages(world.coordinator)) == 1
    assert _answers_per_press(fake) == [1, 1]
    assert chat.toast() == ""  # the confirmation is in the message, not an alert

    # The ✓ value again: back to the summary, nothing stored, no audit row.
    await chat.press(world.coordinator, "🕘 Время")
    again = await chat.press(world.coordinator, "✓ 10:00")
    assert "✅ Сохранено" not in (again.text or "")
    assert await _audit_rows(session_factory) == 1


async def test_days_before_are_picked_several_with_russian_plurals(
    chat: Chat, world: PlanWorld, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await chat.say(world.coordinator, "/settings")
    picker = await chat.press(world.coordinator, "📅 Дни до срока")
    chosen = [b["text"] for b in picker.buttons() if b["text"].startswith("✓")]
    assert chosen == ["✓ за 7 дней", "✓ за 3 дня", "✓ за 1 день"]

    picker = await chat.press(world.coordinator, "✓ за 1 день")  # taken away
    assert "✅ Сохранено: 📅 Дни до срока — за 7 и 3 дня." in (picker.text or "")
    assert "Сейчас: за 7 и 3 дня." in (picker.text or "")
    picker = await chat.press(world.coordinator, "за 2 дня")
    assert "Сейчас: за 7, 3 и 2 дня." in (picker.text or "")
    picker = await chat.press(world.coordinator, "за 5 дней")
    assert "Сейчас: за 7, 5, 3 и 2 дня." in (picker.text or "")
    assert await _stored(session_factory, world.cluster_id) == {"days_before": [7, 5, 3, 2]}

    summary = await chat.press(world.coordinator, "⬅️ Готово")
    assert "за 7, 5, 3 и 2 дня до срока и в день срока" in (summary.text or "")

    await chat.press(world.coordinator, "📣 О просрочке")
    summary = await chat.press(world.coordinator, "через 5 дней")
    assert "о просрочке через 5 дней;" in (summary.text or "")
    await chat.press(world.coordinator, "📣 О просрочке")
    summary = await chat.press(world.coordinator, "через 1 день")
    assert "о просрочке через 1 день;" in (summary.text or "")
    await chat.press(world.coordinator, "🔢 Сколько раз")
    summary = await chat.press(world.coordinator, "3 раза")
    assert "После срока: каждые 2 рабочих дня, не более 3 раз." in (summary.text or "")
    await chat.press(world.coordinator, "🔁 Повтор после срока")
    summary = await chat.press(world.coordinator, "1 рабочий день")
    assert "После срока: каждый рабочий день, не более 3 раз." in (summary.text or "")


async def test_toggles_turn_a_reminder_off_and_the_summary_says_so(
    chat: Chat, world: PlanWorld, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await chat.say(world.coordinator, "/settings")
    picker = await chat.press(world.coordinator, "❔ Пункты без срока")
    assert [b["text"] for b in picker.buttons()] == ["✓ Да", "Нет", "⬅️ Назад"]
    summary = await chat.press(world.coordinator, "Нет")
    assert "о пунктах без срока не напоминаю." in (summary.text or "")
    assert await _stored(session_factory, world.cluster_id) == {"undated_weekly": False}
    await chat.press(world.coordinator, "📌 В день срока")
    summary = await chat.press(world.coordinator, "Нет")
    assert "за 7, 3 и 1 день до срока, в 09:00" in (summary.text or "")


async def test_a_digest_hour_inside_the_quiet_hours_is_refused_and_nothing_changes(
    chat: Chat,
    world: PlanWorld,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await chat.say(world.coordinator, "/settings")
    picker = await chat.press(world.coordinator, "🕘 Время")
    before = (picker.text, picker.reply_markup)
    after = await chat.press(world.coordinator, "07:00")  # quiet hours end at 08:00
    assert chat.toast() == (
        "Так не получится: сводка пришла бы в тихие часы. Выберите другое время"
        " или сначала измените тихие часы."
    )
    assert fake.calls_of("answerCallbackQuery")[-1].params.get("show_alert") is True
    assert (after.text, after.reply_markup) == before
    assert await _stored(session_factory, world.cluster_id) == {}
    assert _answers_per_press(fake) == [1, 1]

    # Moving the quiet hours first makes room for it.
    await chat.press(world.coordinator, "⬅️ Назад")
    await chat.press(world.coordinator, "☀️ Тихие часы до")
    await chat.press(world.coordinator, "06:00")
    await chat.press(world.coordinator, "🕘 Время")
    summary = await chat.press(world.coordinator, "07:00")
    assert "в 07:00 (время кластера" in (summary.text or "")
    assert "Тихие часы: 20:00–06:00" in (summary.text or "")


async def test_reset_brings_back_the_defaults_once(
    chat: Chat,
    world: PlanWorld,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await chat.say(world.coordinator, "/settings")
    await chat.press(world.coordinator, "🌙 Тихие часы с")
    await chat.press(world.coordinator, "22:00")
    assert await _stored(session_factory, world.cluster_id) == {"quiet_start": 22}

    summary = await chat.press(world.coordinator, "↩️ По умолчанию")
    text = summary.text or ""
    assert text.startswith("✅ Восстановлены настройки по умолчанию.")
    assert "Тихие часы: 20:00–08:00" in text
    assert await _stored(session_factory, world.cluster_id) == {}

    edits = len(fake.calls_of("editMessageText"))
    await chat.press(world.coordinator, "↩️ По умолчанию")
    assert chat.toast() == "Уже действуют настройки по умолчанию."
    assert len(fake.calls_of("editMessageText")) == edits
    assert await _audit_rows(session_factory) == 2


async def test_a_coordinator_of_two_clusters_first_chooses_the_cluster(
    chat: Chat,
    world: PlanWorld,
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
) -> None:
    other = await seed_plan(
        session_factory,
        fake,
        items=1,
        timezone="Europe/Kaliningrad",
        first_telegram_id=7100,
        cluster_name="Кластер сельского хозяйства",
    )
    async with session_factory() as session:
        person = (
            await session.execute(select(Person).where(Person.telegram_id == world.coordinator.id))
        ).scalar_one()
        session.add(
            Membership(
                cluster_id=other.cluster_id,
                person_id=person.id,
                role=MemberRole.COORDINATOR,
                joined_at=person.created_at,
            )
        )
        await session.commit()

    chooser = await chat.say(world.coordinator, "/settings")
    assert chooser.text == "Настройки напоминаний какого кластера открыть?"
    assert sorted(b["text"] for b in chooser.buttons()) == [
        "Кластер сельского хозяйства",
        "Кластер транспорта",
    ]
    summary = await chat.press(world.coordinator, "Кластер сельского хозяйства")
    assert summary.message_id == chooser.message_id
    assert "(время кластера: Калининград, МСК−1)" in (summary.text or "")
    await chat.press(world.coordinator, "🕘 Время")
    await chat.press(world.coordinator, "11:00")
    assert await _stored(session_factory, other.cluster_id) == {"hour": 11}
    assert await _stored(session_factory, world.cluster_id) == {}


@pytest.mark.parametrize("role", [MemberRole.EXECUTOR, MemberRole.OBSERVER, None])
async def test_nobody_but_a_coordinator_changes_anything_by_any_button(
    chat: Chat,
    bot: Bot,
    world: PlanWorld,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    role: MemberRole | None,
) -> None:
    summary = await chat.say(world.coordinator, "/settings")
    user = fake.user(7500, "Посторонний")
    if role is not None:
        await _member(session_factory, chat, world.cluster_id, user, role)
        assert (await chat.say(user, "/settings")).text == (
            "Настройки напоминаний меняет координатор кластера."
            " Что и когда я напомню вам — /reminders."
        )
    expected = "Это может сделать только координатор этого кластера."
    if role is None:
        expected = "Сначала отправьте мне /start."
    cluster_id = world.cluster_id
    for data in (
        SettingsCallback(action="set", cluster_id=cluster_id, key="hour", value=10).pack(),
        SettingsCallback(action="set", cluster_id=cluster_id, key="on_the_day", value=0).pack(),
        SettingsCallback(action="reset", cluster_id=cluster_id).pack(),
        SettingsCallback(action="open", cluster_id=cluster_id, key="hour").pack(),
        SettingsCallback(action="cluster", cluster_id=cluster_id).pack(),
    ):
        forged = await _forged(bot, chat, user, data)
        after = await chat.press(user, "кнопка", forged)
        assert chat.toast() == expected
        assert after.text == "…"  # not edited
    # Nor with the coordinator's own message (a press Telegram would never deliver).
    await chat.press(user, "🕘 Время", summary)
    assert chat.toast() == expected
    assert chat.last(world.coordinator).text == summary.text
    assert await _stored(session_factory, world.cluster_id) == {}
    assert await _audit_rows(session_factory) == 0
    assert not fake.calls_of("editMessageText")
    assert set(_answers_per_press(fake)) == {1}


@pytest.mark.parametrize(
    "data",
    [
        "set:set:{cid}:bogus:5",
        "set:set:{cid}:hour:13",
        "set:set:{cid}:days_before:4",
        "set:set:{cid}:on_the_day:7",
        "set:open:{cid}:zzz:0",
        "set:zzz:{cid}::0",
        "set:set:x:hour:9",
    ],
)
async def test_a_stale_or_forged_settings_button_is_a_stale_button(
    chat: Chat,
    bot: Bot,
    world: PlanWorld,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    data: str,
) -> None:
    forged = await _forged(bot, chat, world.coordinator, data.format(cid=world.cluster_id))
    after = await chat.press(world.coordinator, "кнопка", forged)
    assert chat.toast() == "Эта кнопка устарела. Откройте список заново: /my."
    assert after.text == "…"
    assert await _stored(session_factory, world.cluster_id) == {}
    assert set(_answers_per_press(fake)) == {1}


async def test_a_double_press_of_the_same_button_edits_once(
    chat: Chat, world: PlanWorld, fake: FakeTelegram
) -> None:
    """Telegram delivers both presses of a quick double tap; the second finds the message
    already showing the setting and must not ask for an edit that changes nothing."""
    summary = await chat.say(world.coordinator, "/settings")
    data = next(b["callback_data"] for b in summary.buttons() if b["text"] == "🕘 Время")
    for press in range(2):
        query = {
            "id": f"double-{press}",
            "from": world.coordinator.as_json(),
            "chat_instance": str(summary.chat_id),
            "message": fake._as_message_json(summary),  # as it reads now: edited after the first
            "data": data,
        }
        await chat.feed(fake.push_update({"callback_query": query}))
    assert len(fake.calls_of("editMessageText")) == 1
    assert set(_answers_per_press(fake)) == {1}
    assert len(_answers_per_press(fake)) == 2
