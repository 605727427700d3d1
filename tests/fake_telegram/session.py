"""RecordingSession: aiogram talks to the fake Telegram in-process, for Dispatcher.feed_update."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncGenerator
from typing import Any, cast
from urllib.parse import urlsplit

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramNetworkError
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import InputFile

from tests.fake_telegram.core import FakeTelegram

FAKE_API = TelegramAPIServer.from_base("http://fake-telegram.test")


class RecordingSession(BaseSession):
    """Every request goes to ``core``; a method the fake does not know fails the test loudly."""

    def __init__(self, core: FakeTelegram) -> None:
        super().__init__(api=FAKE_API)
        self.core = core

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        files: dict[str, InputFile] = {}
        raw: dict[str, Any] = {}
        # Build the fields exactly as AiohttpSession.build_form_data does, so params match.
        for key, value in method.model_dump(warnings=False).items():
            prepared = self.prepare_value(value, bot=bot, files=files)
            if prepared:
                raw[key] = prepared
        uploads: dict[str, tuple[str, bytes]] = {}
        for key, input_file in files.items():
            content = b"".join([chunk async for chunk in input_file.read(bot)])
            uploads[key] = (input_file.filename or key, content)
        name = method.__api_method__
        # As AiohttpSession does: a request past its timeout is a TelegramNetworkError.
        limit = self.timeout if timeout is None else timeout
        try:
            async with asyncio.timeout(float(limit)):
                status, body = await self.core.handle(bot.token, name, raw, uploads)
        except TimeoutError:
            raise TelegramNetworkError(method=method, message="Request timeout error") from None
        if status == 404 and body.get("description", "").endswith("method not found"):
            raise AssertionError(f"Unexpected Bot API call {name} with {raw}")
        response = self.check_response(bot, method, status, json.dumps(body))
        return cast(TelegramType, response.result)

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        path = urlsplit(url).path
        prefix = f"/file/bot{self.core.token}/"
        content = self.core.file_content(path.removeprefix(prefix))
        if content is None:
            raise AssertionError(f"Unexpected file download {url}")
        for start in range(0, len(content), chunk_size):
            yield content[start : start + chunk_size]

    async def close(self) -> None:
        """Nothing to release: no connections are opened."""
