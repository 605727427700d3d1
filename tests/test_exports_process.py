"""/export in a real `workplan run` against the loopback fake Bot API: the coordinator asks,
chooses the cluster and «📄 Word», then «📊 Excel», and the files that arrive through HTTP
(multipart sendDocument) open with python-docx and openpyxl."""

from __future__ import annotations

import asyncio
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.exports.model import COLUMNS
from tests.fake_telegram import FakeTelegram, FakeTelegramServer, FakeUser, StoredMessage
from tests.test_exports import CLUSTER, POLYTECH, TODAY, build_world
from tests.test_process import STARTUP, _environment
from tests.test_process_reminders import _start, _stop

pytestmark = [pytest.mark.process, pytest.mark.timeout(300)]


async def _with_button(fake: FakeTelegram, user: FakeUser, button: str) -> StoredMessage:
    """The bot's latest message to ``user`` with ``button`` (reminders may come in between)."""
    for _ in range(300):
        for message in reversed(fake.messages_to(user.id)):
            if any(b.get("text") == button for b in message.buttons()):
                return message
        await asyncio.sleep(0.1)
    raise AssertionError(f"no message with {button!r}")


async def test_export_sends_back_files_that_open_in_word_and_excel(
    tmp_path: Path, database_url: str, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    fake = FakeTelegram()
    await build_world(session_factory)
    coordinator = fake.user(9101, "Сергей", "Никольский")
    clock_file = tmp_path / "clock.txt"
    clock_file.write_text(TODAY.isoformat(), encoding="utf-8")
    async with FakeTelegramServer(fake) as server:
        env = _environment(
            WORKPLAN_TELEGRAM__TOKEN=fake.token,
            WORKPLAN_TELEGRAM__API_URL=server.url,
            WORKPLAN_TELEGRAM__POLLING_TIMEOUT="1",
            WORKPLAN_DATABASE__URL=database_url,
            WORKPLAN_CLOCK_FILE=str(clock_file),
        )
        process = await _start(env, tmp_path)
        try:
            await fake.wait_for_call("getUpdates", timeout=STARTUP)
            fake.send_text(coordinator, "/export")
            choose = await _with_button(fake, coordinator, CLUSTER)
            fake.press(coordinator, choose, CLUSTER)
            formats = await _with_button(fake, coordinator, "📄 Word")
            fake.press(coordinator, formats, "📄 Word")
            word = await fake.wait_for_call("sendDocument", timeout=60)
            fake.press(coordinator, formats, "📊 Excel")
            excel = await fake.wait_for_call("sendDocument", timeout=60)
        finally:
            log = await _stop(process)
    assert "Traceback" not in log, log
    ((word_name, word_bytes),) = word.files.values()
    ((excel_name, excel_bytes),) = excel.files.values()
    assert word_name == "План_работы_Машиностроительный_кластер_15.06.2021.docx"
    assert excel_name.endswith("_15.06.2021.xlsx")
    table = Document(BytesIO(word_bytes)).tables[0]
    assert [c.text for c in table.rows[0].cells] == list(COLUMNS)
    marks = [r.cells[5].text for r in table.rows if r.cells[0].text == "1.3"]
    assert marks[0].startswith(f"Выполнено 12.03.2021 — {POLYTECH}, Иванов И.И.")
    book = load_workbook(BytesIO(excel_bytes))
    assert book.sheetnames == ["План", "Отчёты"]
    assert "15.06.2021" in str(word.params.get("caption"))
