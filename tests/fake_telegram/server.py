"""The fake Telegram over HTTP on 127.0.0.1, for a real `workplan run` process to poll."""

from __future__ import annotations

import json
from types import TracebackType
from typing import Any

from aiohttp import web

from tests.fake_telegram.core import FakeTelegram


class FakeTelegramServer:
    """``async with FakeTelegramServer(core) as server:`` then point the bot at ``server.url``.

    Leaving the block fails the test when the bot sent anything Telegram would refuse
    (``core.violations``)."""

    def __init__(self, core: FakeTelegram, host: str = "127.0.0.1") -> None:
        self.core = core
        self.host = host
        self.port = 0
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    async def _method(self, request: web.Request) -> web.Response:
        params: dict[str, Any] = {}
        files: dict[str, tuple[str, bytes]] = {}
        if request.content_type == "application/json":
            body = await request.json() if request.can_read_body else {}
            params = {k: v if isinstance(v, str) else json.dumps(v) for k, v in body.items()}
        elif request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            async for part in reader:
                if part.name is None or not hasattr(part, "read"):
                    continue
                if part.filename:  # type: ignore[union-attr]
                    files[part.name] = (part.filename, bytes(await part.read()))  # type: ignore[union-attr]
                else:
                    params[part.name] = await part.text()  # type: ignore[union-attr]
        else:
            params = dict(await request.post())  # type: ignore[arg-type]
            params.update(request.query)
        status, body = await self.core.handle(
            request.match_info["token"], request.match_info["method"], params, files
        )
        return web.json_response(body, status=status)

    async def _file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.core.token:
            return web.Response(status=401)
        content = self.core.file_content(request.match_info["path"])
        if content is None:
            return web.Response(status=404)
        return web.Response(body=content)

    async def __aenter__(self) -> FakeTelegramServer:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._method)
        app.router.add_get("/file/bot{token}/{path:.+}", self._file)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, 0)
        await site.start()
        server = site._server  # the bound port is only known after start
        assert server is not None
        assert server.sockets
        self.port = server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.core.close()
        if self._runner is not None:
            await self._runner.cleanup()
        # A bot process breaking Telegram's rules fails the test that ran it, as in process.
        if exc is None and self.core.violations:
            raise AssertionError(
                "the bot broke Telegram's rules:\n" + "\n".join(self.core.violations)
            )
