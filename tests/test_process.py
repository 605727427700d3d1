"""The real `workplan` process: `run` against the fake Bot API server on 127.0.0.1, and the CLI."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from tests.fake_telegram import FakeTelegram, FakeTelegramServer

ROOT = Path(__file__).resolve().parent.parent
WORKPLAN = str(Path(sys.executable).with_name("workplan"))

pytestmark = [pytest.mark.process, pytest.mark.timeout(300)]

# How long a bot process may take to start and reach Telegram: generous, since a busy CI machine
# (two cores shared with PostgreSQL) can take tens of seconds to import and migrate.
STARTUP = 90.0


def _environment(**extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("WORKPLAN_") and key != "BOT_TOKEN"
    }
    env["WORKPLAN_CONFIG"] = str(ROOT / "config.toml")
    env.update(extra)
    return env


async def _run_cli(*args: str, env: dict[str, str], cwd: Path) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        WORKPLAN,
        *args,
        env=env,
        cwd=cwd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_help_lists_the_commands(tmp_path: Path) -> None:
    code, out, _ = await _run_cli("--help", env=_environment(), cwd=tmp_path)
    assert code == 0
    for command in ("run", "db", "invite", "import"):
        assert command in out


async def test_run_without_a_token_prints_one_clear_line_and_fails(tmp_path: Path) -> None:
    code, out, err = await _run_cli("run", env=_environment(), cwd=tmp_path)
    assert code != 0
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "@BotFather" in lines[0]
    assert "WORKPLAN_TELEGRAM__TOKEN" in lines[0]


async def test_a_wrong_setting_names_its_key(tmp_path: Path) -> None:
    env = _environment(WORKPLAN_TELEGRAM__TOKEN="1:x", WORKPLAN_TELEGRAM__MODE="pigeon")
    code, _, err = await _run_cli("run", env=env, cwd=tmp_path)
    assert code != 0
    assert "telegram.mode" in err
    assert len(err.strip().splitlines()) == 1


async def test_the_bot_process_answers_start_and_stops_cleanly_on_sigterm(
    tmp_path: Path, database_url: str
) -> None:
    fake = FakeTelegram()
    async with FakeTelegramServer(fake) as server:
        env = _environment(
            WORKPLAN_TELEGRAM__TOKEN=fake.token,
            WORKPLAN_TELEGRAM__API_URL=server.url,
            WORKPLAN_TELEGRAM__POLLING_TIMEOUT="1",
            WORKPLAN_DATABASE__URL=database_url,
        )
        code, out, _ = await _run_cli("invite", "--role", "admin", env=env, cwd=tmp_path)
        assert code == 0
        link = out.strip()
        assert link.startswith(f"https://t.me/{fake.bot_username}?start=")
        token = link.rsplit("=", 1)[1]

        process = await asyncio.create_subprocess_exec(
            WORKPLAN,
            "run",
            env=env,
            cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        try:
            await fake.wait_for_call("getUpdates", timeout=STARTUP)
            commands = fake.calls_of("setMyCommands")
            assert {c.params.get("language_code") for c in commands} >= {None, "en"}

            user = fake.user(5001, "Мария", "Иванова")
            fake.send_text(user, "/start")
            await fake.wait_for_call(
                "sendMessage", lambda c: c.params.get("chat_id") == user.id, timeout=15
            )
            assert "Здравствуйте, <b>Мария Иванова</b>!" in fake.last_message_to(user.id).text

            fake.send_text(user, f"/start {token}")
            await fake.wait_for_call(
                "sendMessage",
                lambda c: (
                    c.params.get("chat_id") == user.id and "администратор" in c.params["text"]
                ),
                timeout=15,
            )
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(process.wait(), timeout=20)
        assert process.stdout is not None
        log = (await process.stdout.read()).decode()
    assert code == 0, log
    assert "Traceback" not in log
    assert fake.token not in log
    assert fake.token.split(":", 1)[1] not in log


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_the_bot_process_in_webhook_mode_registers_its_webhook_and_answers(
    tmp_path: Path, database_url: str
) -> None:
    import aiohttp

    fake = FakeTelegram()
    port = _free_port()
    async with FakeTelegramServer(fake) as server:
        env = _environment(
            WORKPLAN_TELEGRAM__TOKEN=fake.token,
            WORKPLAN_TELEGRAM__API_URL=server.url,
            WORKPLAN_TELEGRAM__MODE="webhook",
            WORKPLAN_TELEGRAM__WEBHOOK__URL="https://bot.example.org",
            WORKPLAN_TELEGRAM__WEBHOOK__PORT=str(port),
            WORKPLAN_TELEGRAM__WEBHOOK__SECRET_TOKEN="s3cret",
            WORKPLAN_DATABASE__URL=database_url,
        )
        process = await asyncio.create_subprocess_exec(
            WORKPLAN,
            "run",
            env=env,
            cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        try:
            hook = await fake.wait_for_call("setWebhook", timeout=STARTUP)
            assert hook.params["url"] == "https://bot.example.org/telegram/webhook"
            assert hook.params["secret_token"] == "s3cret"
            update = fake.send_text(fake.user(5002, "Нина"), "/help")
            body = update.model_dump(mode="json", exclude_none=True, by_alias=True)
            url = f"http://127.0.0.1:{port}/telegram/webhook"
            async with aiohttp.ClientSession() as client:
                for _ in range(50):  # the listener comes up right after setWebhook
                    try:
                        wrong = await client.post(
                            url, json=body, headers={"X-Telegram-Bot-Api-Secret-Token": "no"}
                        )
                        break
                    except aiohttp.ClientConnectionError:
                        await asyncio.sleep(0.2)
                assert wrong.status == 401
                right = await client.post(
                    url, json=body, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret"}
                )
                assert right.status == 200
            await fake.wait_for_call(
                "sendMessage", lambda c: c.params.get("chat_id") == 5002, timeout=15
            )
            assert "/help" in fake.last_message_to(5002).text
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(process.wait(), timeout=20)
        assert process.stdout is not None
        log = (await process.stdout.read()).decode()
    assert code == 0, log
    assert "Traceback" not in log


async def test_the_bot_process_runs_a_cluster_and_import_journey(
    tmp_path: Path, database_url: str
) -> None:
    """An administrator creates a cluster by dialog and imports a plan file over real HTTP."""
    fake = FakeTelegram()
    admin = fake.user(7001, "Админ")
    plan = (Path(__file__).parent / "data" / "seeds" / "004_f363c0f42dae9604.txt").read_bytes()
    async with FakeTelegramServer(fake) as server:
        env = _environment(
            WORKPLAN_TELEGRAM__TOKEN=fake.token,
            WORKPLAN_TELEGRAM__API_URL=server.url,
            WORKPLAN_TELEGRAM__POLLING_TIMEOUT="1",
            WORKPLAN_DATABASE__URL=database_url,
            WORKPLAN_BOT__ADMINS=f"[{admin.id}]",
        )
        process = await asyncio.create_subprocess_exec(
            WORKPLAN,
            "run",
            env=env,
            cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )

        async def reply_to(text: str | None = None, *, press: str | None = None) -> str:
            sent = len(fake.messages_to(admin.id))
            if press is not None:
                fake.press(admin, fake.last_message_to(admin.id), press)
            elif text is not None:
                fake.send_text(admin, text)
            for _ in range(150):
                messages = fake.messages_to(admin.id)
                if len(messages) > sent:
                    return messages[-1].text or ""
                await asyncio.sleep(0.1)
            raise AssertionError(f"no reply to {text or press}")

        try:
            await fake.wait_for_call("getUpdates", timeout=STARTUP)
            await reply_to("/start")
            await reply_to("/newcluster")
            await reply_to("Кластер транспорта")
            await reply_to("Смоленская область")
            created = await reply_to(press="Москва (МСК)")
            assert "создан" in created
            sent = len(fake.messages_to(admin.id))
            fake.send_document(admin, "план.txt", plan)
            for _ in range(150):
                if len(fake.messages_to(admin.id)) > sent:
                    break
                await asyncio.sleep(0.1)
            preview = fake.last_message_to(admin.id).text or ""
            assert "Найдено 12 пунктов в 3 разделах" in preview
            done = await reply_to(press="✅ Импортировать")
            assert "Добавлено пунктов: 12" in done
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(process.wait(), timeout=20)
        assert process.stdout is not None
        log = (await process.stdout.read()).decode()
    assert code == 0, log
    assert "Traceback" not in log
