"""The Chat driver the handler tests talk through: buttons found by text, failures that say why."""

from __future__ import annotations

import pytest

from handlers.states import AddItemDialog
from tests.chat import Chat
from tests.conftest import CoordinatorCluster
from tests.fake_telegram import StoredMessage


def _message(*labels: str) -> StoredMessage:
    row = [{"text": label, "callback_data": f"cb:{n}"} for n, label in enumerate(labels)]
    return StoredMessage(
        chat_id=1, message_id=7, text="Пункт 1", reply_markup={"inline_keyboard": [row]}
    )


def test_a_button_is_found_by_its_exact_text_before_any_prefix() -> None:
    message = _message("✅ 1", "✅ 12", "ℹ️")
    assert Chat.button(message, "✅ 1") == "✅ 1"
    assert Chat.button(message, "ℹ") == "ℹ️"
    assert Chat.button(message, "cb:2") == "cb:2"  # by callback data, when no text matches


@pytest.mark.parametrize(
    ("labels", "button", "problem"),
    [
        (("✅ Принять", "↩️ Вернуть на доработку"), "Отклонить", "no button 'Отклонить'"),
        (("✅ 1", "✅ 2"), "✅", "several buttons match '✅'"),
        (("ℹ️", "ℹ️"), "ℹ️", "several buttons match 'ℹ️'"),
    ],
    ids=["no-such-button", "an-ambiguous-prefix", "two-buttons-of-the-same-text"],
)
def test_a_missing_or_ambiguous_button_fails_with_the_list_of_buttons(
    labels: tuple[str, ...], button: str, problem: str
) -> None:
    with pytest.raises(AssertionError) as failed:
        Chat.button(_message(*labels), button)
    assert problem in str(failed.value)
    assert str(list(labels)) in str(failed.value)


async def test_the_dialog_state_is_read_through_the_fsm_context(
    chat: Chat, coordinator_cluster: CoordinatorCluster
) -> None:
    coordinator = coordinator_cluster.user
    assert await chat.state(coordinator) is None
    asked = await chat.say(coordinator, "/additem")
    assert asked is chat.last(coordinator)
    assert chat.messages(coordinator)[-1] is asked
    assert await chat.state(coordinator) == AddItemDialog.text
    await chat.say(coordinator, "/cancel")
    assert await chat.state(coordinator) is None
    assert await chat.data(coordinator) == {}


async def test_the_driver_delivers_after_every_update(
    dispatcher: object, bot: object, fake: object, coordinator_cluster: CoordinatorCluster
) -> None:
    delivered: list[int] = []

    async def deliver() -> None:
        delivered.append(len(delivered) + 1)

    chat = Chat(dispatcher, bot, fake, deliver)  # type: ignore[arg-type]
    await chat.say(coordinator_cluster.user, "/help")
    await chat.send_file(coordinator_cluster.user, "empty.docx", b"")
    assert delivered == [1, 2]
