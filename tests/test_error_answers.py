"""Issue 9, defect 6: refusals that never arrived. A press gets one answer — Telegram refuses a
second — and an alert holds 200 characters, so a refusal arrives as a message when the handler
has answered the press already or when it is too long for an alert. The fake Bot API records
what Telegram would refuse, and the ``fake`` fixture fails a test that did it."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.i18n import Translations
from handlers.errors import ALERT_LIMIT, as_alert, as_message
from storage.models import Cluster, MemberRole, Membership
from tests.chat import Chat
from tests.conftest import CoordinatorCluster
from tests.fake_telegram import FakeTelegram
from tests.fake_telegram.core import utf16_length, visible_text

LINK = re.compile(r"https://t\.me/\w+\?start=(\S+)")
FARMING = "Кластер сельского хозяйства"


async def _coordinate_another_cluster(
    session_factory: async_sessionmaker[AsyncSession], person_id: int
) -> None:
    async with session_factory() as session:
        farming = Cluster(
            name=FARMING, region="", timezone="Europe/Moscow", created_at=datetime.now(UTC)
        )
        session.add(farming)
        await session.flush()
        session.add(
            Membership(
                cluster_id=farming.id,
                person_id=person_id,
                role=MemberRole.COORDINATOR,
                joined_at=datetime.now(UTC),
            )
        )
        await session.commit()


def _answers_since(fake: FakeTelegram, start: int) -> list[dict[str, object]]:
    return [call.params for call in fake.calls_of("answerCallbackQuery")[start:]]


async def test_a_refusal_longer_than_an_alert_arrives_as_a_message(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    translations: Translations,
) -> None:
    refusal = translations.for_language("ru")("doc-not-a-plan")
    assert len(refusal) > ALERT_LIMIT  # the «not a plan» refusal does not fit an alert
    await _coordinate_another_cluster(session_factory, coordinator_cluster.person_id)
    user = coordinator_cluster.user
    await chat.send_file(user, "заметки.txt", "Купить хлеб\nПозвонить маме\n".encode())
    answered = len(fake.calls_of("answerCallbackQuery"))

    told = await chat.press(user, FARMING)

    [answer] = _answers_since(fake, answered)  # one answer to the press, a short one
    assert answer.get("text") == "Не получилось — объяснение в сообщении ниже."
    assert told.text == refusal
    assert "ничего не сохранено" in refusal


async def test_a_press_is_answered_once_even_when_the_handler_fails_after_answering(
    chat: Chat, coordinator_cluster: CoordinatorCluster, fake: FakeTelegram
) -> None:
    """The second person finishing a single-use link already used: the «Пропустить» handler
    answers the press before joining fails, and the refusal still reaches them."""
    coordinator = coordinator_cluster.user
    await chat.say(coordinator, "/invite")
    await chat.press(coordinator, "исполнитель")
    created = await chat.say(coordinator, "Колледж связи")
    match = LINK.search(created.text or "")
    assert match, created.text
    first, second = fake.user(3201, "Иван"), fake.user(3202, "Пётр")
    for user, name in ((first, "Иванов Иван"), (second, "Петров Пётр")):
        await chat.say(user, f"/start {match[1]}")
        await chat.say(user, name)
    welcome = await chat.press(first, "Пропустить")
    assert "Добро пожаловать" in (welcome.text or "")
    answered = len(fake.calls_of("answerCallbackQuery"))

    told = await chat.press(second, "Пропустить")

    assert len(_answers_since(fake, answered)) == 1
    assert "уже использована" in (told.text or "")


def test_an_alert_reads_as_plain_text_without_tags_or_entities() -> None:
    """An alert is not parsed as HTML: «R&amp;D» would reach the person letter by letter."""
    assert as_alert("Кластер «R&amp;D &lt;1&gt;» <b>закрыт</b>.") == "Кластер «R&D <1>» закрыт."


def test_a_refusal_longer_than_a_message_is_cut_at_a_line_and_says_so() -> None:
    lines = [f"<b>{n}</b>. Строка с R&amp;D и &lt;угловыми&gt; скобками" for n in range(200)]
    cut = as_message("\n".join(lines))
    visible = visible_text(cut, "HTML")  # valid Telegram HTML, or this raises
    assert utf16_length(visible) <= 4096
    assert cut.endswith("\n…")
    assert cut.split("\n")[:-1] == lines[: len(cut.split("\n")) - 1]  # whole lines only


def test_a_refusal_of_one_enormous_line_is_cut_at_a_space_and_says_so() -> None:
    word = "R&amp;D😀 "
    cut = as_message("<b>Пункт</b> " + word * 2000)
    visible = visible_text(cut, "HTML")
    assert utf16_length(visible) <= 4096
    assert visible.startswith("Пункт R&D😀 R&D😀")
    assert visible.endswith("R&D😀 …")


def test_a_refusal_that_fits_a_message_is_sent_as_it_is() -> None:
    text = "Пункт <b>1</b> не найден: «R&amp;D»."
    assert as_message(text) == text
