"""/export through the real Dispatcher: a coordinator of two clusters chooses one, then the
format, and receives the file (sendDocument) that opens in Word / Excel / a browser; an
observer goes straight to the formats; a cluster without a plan, an executor and a stranger
get polite answers; /help and the command menu list /export."""

from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document
from openpyxl import load_workbook
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import PRIVATE_COMMANDS
from bot.exports.model import COLUMNS
from bot.telegram.views.exports import file_name
from tests.chat import Chat
from tests.fakes import FixedClock
from tests.test_exports import CLUSTER, POLYTECH, TODAY, ExportWorld, build_world

FORMATS = {"📄 Word": "docx", "📊 Excel": "xlsx", "🌐 Веб-страница": "html"}


@pytest.fixture
async def world(
    session_factory: async_sessionmaker[AsyncSession], clock: FixedClock
) -> ExportWorld:
    clock.set(TODAY)
    return await build_world(session_factory)


def _sent_file(chat: Chat) -> tuple[str, bytes, str]:
    calls = chat.fake.calls_of("sendDocument")
    assert calls, "no document was sent"
    call = calls[-1]
    ((name, content),) = call.files.values()
    return name, content, str(call.params.get("caption") or "")


@pytest.mark.parametrize("button", list(FORMATS))
async def test_a_coordinator_of_two_clusters_chooses_one_and_receives_the_file(
    chat: Chat, world: ExportWorld, button: str
) -> None:
    coordinator = chat.fake.user(9101, "Сергей", "Никольский")
    choose = await chat.say(coordinator, "/export")
    assert choose.text == "Выберите кластер, план которого выгрузить:"
    assert [b["text"] for b in choose.buttons()] == [CLUSTER, "Пустой кластер"]
    formats = await chat.press(coordinator, CLUSTER)
    assert formats.text == (
        f"План кластера «{CLUSTER}» с отметками о выполнении. В каком виде прислать?"
    )
    assert [b["text"] for b in formats.buttons()] == list(FORMATS)
    await chat.press(coordinator, button)
    name, content, caption = _sent_file(chat)
    extension = FORMATS[button]
    assert name == f"План_работы_Машиностроительный_кластер_15.06.2021.{extension}"
    assert "15.06.2021" in caption
    assert CLUSTER in caption
    if extension == "docx":
        table = Document(BytesIO(content)).tables[0]
        assert [c.text for c in table.rows[0].cells] == list(COLUMNS)
    elif extension == "xlsx":
        assert load_workbook(BytesIO(content)).sheetnames == ["План", "Отчёты"]
    else:
        page = content.decode("utf-8")
        assert page.startswith("<!DOCTYPE html>")
        assert f"Выполнено 12.03.2021 — {POLYTECH}" in page.replace("&quot;", '"')


async def test_an_observer_of_one_cluster_is_offered_the_formats_at_once(
    chat: Chat, world: ExportWorld
) -> None:
    observer = chat.fake.user(9102, "Мария", "Наблюдателева")
    formats = await chat.say(observer, "/export")
    assert [b["text"] for b in formats.buttons()] == list(FORMATS)
    await chat.press(observer, "📊 Excel")
    name, content, _caption = _sent_file(chat)
    assert name.endswith(".xlsx")
    assert load_workbook(BytesIO(content))["План"].page_setup.orientation == "landscape"


async def test_a_cluster_without_a_plan_gets_a_polite_message_and_no_file(
    chat: Chat, world: ExportWorld
) -> None:
    coordinator = chat.fake.user(9101, "Сергей", "Никольский")
    await chat.say(coordinator, "/export")
    await chat.press(coordinator, "Пустой кластер")
    answer = await chat.press(coordinator, "📄 Word")
    assert (answer.text or "").startswith("В кластере «Пустой кластер» ещё нет плана работы")
    assert chat.fake.calls_of("sendDocument") == []


@pytest.mark.parametrize(("telegram_id", "who"), [(9103, "executor"), (9106, "stranger")])
async def test_an_executor_and_a_stranger_are_refused_politely(
    chat: Chat, world: ExportWorld, telegram_id: int, who: str
) -> None:
    user = chat.fake.user(telegram_id, who)
    answer = await chat.say(user, "/export")
    assert (answer.text or "").startswith("Выгрузка плана доступна координаторам и наблюдателям")
    assert answer.buttons() == []


async def test_a_forged_press_for_a_cluster_not_ones_own_sends_nothing(
    chat: Chat, world: ExportWorld
) -> None:
    observer = chat.fake.user(9102, "Мария", "Наблюдателева")
    formats = await chat.say(observer, "/export")
    forged = dict(formats.buttons()[0])
    data = str(forged["callback_data"]).split(":")
    data[2] = str(world.empty_cluster_id)
    formats.reply_markup = {"inline_keyboard": [[{"text": "x", "callback_data": ":".join(data)}]]}
    await chat.press(observer, "x", formats)
    assert chat.fake.calls_of("sendDocument") == []


def test_the_file_name_is_safe_for_every_system() -> None:
    from datetime import date

    name = file_name('Кластер «Транспорт / Логистика»: "2022"', date(2022, 5, 1), "docx")
    assert name == "План_работы_Кластер_Транспорт_Логистика_2022_01.05.2022.docx"
    assert file_name("///", date(2022, 5, 1), "html") == "План_работы_кластер_01.05.2022.html"


async def test_help_and_the_command_menu_list_export(chat: Chat, world: ExportWorld) -> None:
    coordinator = chat.fake.user(9101, "Сергей", "Никольский")
    assert "/export — план с отметками о выполнении" in str(
        (await chat.say(coordinator, "/help")).text
    )
    assert "export" in PRIVATE_COMMANDS
