"""Issue 9, defects 3 and 16: the bot token never reaches a log or a console (tracebacks
included), Telegram that does not answer is one clear line, a dry run leaves the database
alone, and `workplan --help` does not import the whole bot."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import socket
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from aiogram.exceptions import TelegramUnauthorizedError
from aiogram.methods import GetMe

from bot.cli import Unavailable, _telegram_errors, main
from bot.config import Settings
from bot.logs import RedactingFormatter, redact, setup_logging
from bot.runtime import YOUNG_GENERATION
from tests.test_process import WORKPLAN, _environment

ROOT = Path(__file__).resolve().parent.parent
MACHINES = Path(__file__).parent / "data" / "seeds" / "001_27c4642fe16f08b2.txt"
TOKEN = "7712345678:AAHk3xQ9vLr2mN8pZt5yWc1bDf4gJs6uE0o"

Cli = Callable[..., tuple[int, str, str]]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def restored_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    hooks = sys.excepthook, threading.excepthook
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    sys.excepthook, threading.excepthook = hooks


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
    restored_logging: None,
) -> Cli:
    """`workplan ARGS` in this process; returns (code, out, err)."""
    for key in list(os.environ):
        if key.startswith("WORKPLAN_") or key == "BOT_TOKEN":
            monkeypatch.delenv(key)
    monkeypatch.setenv("WORKPLAN_CONFIG", str(ROOT / "config.toml"))
    monkeypatch.setenv("WORKPLAN_DATABASE__URL", database_url)

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


# --- Defect 3: the token in logs and tracebacks ---------------------------------------------


def test_redaction_removes_the_configured_token_and_anything_shaped_like_one() -> None:
    address = f"http://127.0.0.1:99999/file/bot{TOKEN}/documents/file_1.docx"
    assert TOKEN not in redact(address, [TOKEN])
    assert "/file/bot***/documents" in redact(address, [TOKEN])
    other = "bot123456:another-bots-secret-value/getMe"
    assert redact(other) == "bot***/getMe"
    assert redact(f"token {TOKEN} in a message") == "token *** in a message"
    assert redact("12:30 meeting, item 3:1") == "12:30 meeting, item 3:1"


def test_a_logged_exception_with_the_token_in_its_message_and_traceback_is_redacted(
    restored_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    setup_logging(Settings(telegram={"token": TOKEN}))
    logger = logging.getLogger("aiogram.dispatcher")

    def download() -> None:
        raise OSError(f"Cannot download https://api.telegram.org/file/bot{TOKEN}/doc.docx")

    try:
        download()
    except OSError:
        logger.exception("Failed to fetch updates from %s", f"/bot{TOKEN}/getUpdates")
    err = capsys.readouterr().err
    assert "Traceback" in err
    assert "Cannot download https://api.telegram.org/file/bot***/doc.docx" in err
    assert "/bot***/getUpdates" in err
    assert TOKEN not in err
    assert TOKEN.split(":")[1] not in err


def test_a_traceback_cached_on_the_record_by_another_formatter_is_redacted_too() -> None:
    try:
        raise RuntimeError(f"GET /bot{TOKEN}/getMe failed")
    except RuntimeError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", None, sys.exc_info())
    record.exc_text = logging.Formatter().formatException(record.exc_info)
    formatted = RedactingFormatter("%(message)s", [TOKEN]).format(record)
    assert TOKEN not in formatted
    assert TOKEN not in (record.exc_text or "")
    assert "/bot***/getMe failed" in formatted


def test_an_uncaught_exception_is_printed_without_the_token(
    restored_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    setup_logging(Settings(telegram={"token": TOKEN}))
    try:
        raise ValueError(f"InvalidUrlClientError: http://127.0.0.1:99999/bot{TOKEN}/getMe")
    except ValueError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    err = capsys.readouterr().err
    assert "ValueError: InvalidUrlClientError: http://127.0.0.1:99999/bot***/getMe" in err
    assert TOKEN not in err


@pytest.mark.process
async def test_workplan_run_against_an_unreachable_api_prints_one_line_without_the_token(
    tmp_path: Path,
) -> None:
    # A closed port (connection refused) and an address aiohttp refuses, whose error message
    # repeats the whole URL with the token in it.
    for api_url in (f"http://127.0.0.1:{_closed_port()}", "http://127.0.0.1:99999"):
        env = _environment(
            WORKPLAN_TELEGRAM__TOKEN=TOKEN,
            WORKPLAN_TELEGRAM__API_URL=api_url,
            WORKPLAN_DATABASE__URL=f"sqlite+aiosqlite:///{tmp_path}/workplan.db",
        )
        process = await asyncio.create_subprocess_exec(
            WORKPLAN,
            "run",
            env=env,
            cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(process.communicate(), timeout=120)
        text = out.decode() + err.decode()
        assert process.returncode not in (0, None)
        line = _one_line(text)
        assert TOKEN not in text
        assert TOKEN.split(":")[1] not in text
        assert line.startswith(f"Не удалось связаться с Telegram ({api_url})"), line
        assert "telegram.api_url" in line


def test_invite_with_an_unreachable_api_says_telegram_does_not_answer_not_that_the_token_is_missing(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKPLAN_TELEGRAM__TOKEN", TOKEN)
    monkeypatch.setenv("WORKPLAN_TELEGRAM__API_URL", f"http://127.0.0.1:{_closed_port()}")
    code, out, err = cli("invite", "--role", "admin")
    assert code != 0
    assert out == ""
    line = _one_line(err)
    assert "Не удалось связаться с Telegram" in line
    assert "@BotFather" not in line  # the token is set: it is not «missing»
    assert TOKEN not in line


def test_a_token_telegram_refuses_is_named_as_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = Settings(telegram={"token": TOKEN})

    async def refused() -> None:
        async with _telegram_errors(settings):
            raise TelegramUnauthorizedError(method=GetMe(), message="Unauthorized")

    with pytest.raises(Unavailable) as error:
        asyncio.run(refused())
    assert "Telegram не принял токен бота" in error.value.line


# --- Defect 16: dry run, --help ----------------------------------------------------------------


def test_a_dry_run_creates_no_database_file_and_no_folder(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    monkeypatch.setenv("WORKPLAN_DATABASE__URL", f"sqlite+aiosqlite:///{folder}/workplan.db")
    code, out, err = cli("import", str(MACHINES), "--cluster", "Машиностроение", "--dry-run")
    assert code == 0, err
    assert "Найдено 16 пунктов" in out
    assert "будет создан" in _one_line(err)
    assert not folder.exists()


def test_a_dry_run_neither_migrates_nor_writes_an_existing_database(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()  # an empty database file: no schema yet
    monkeypatch.setenv("WORKPLAN_DATABASE__URL", f"sqlite+aiosqlite:///{path}")
    code, out, err = cli("import", str(MACHINES), "--cluster", "Машиностроение", "--dry-run")
    assert code == 0, err
    assert "Найдено 16 пунктов" in out
    with sqlite3.connect(path) as connection:
        tables = connection.execute("SELECT name FROM sqlite_master").fetchall()
    assert tables == []  # not migrated


def test_a_dry_run_into_a_database_with_an_old_schema_asks_to_upgrade_it_first(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES ('0000aaaa0000')")
    monkeypatch.setenv("WORKPLAN_DATABASE__URL", f"sqlite+aiosqlite:///{path}")
    code, out, err = cli("import", str(MACHINES), "--cluster", "Машиностроение", "--dry-run")
    assert (code, out) == (2, "")
    assert "workplan db upgrade" in _one_line(err)
    with sqlite3.connect(path) as connection:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master")]
    assert tables == ["alembic_version"]


def test_the_cli_module_imports_neither_aiogram_nor_sqlalchemy_until_a_command_needs_them() -> None:
    probe = (
        "import sys, bot.cli; heavy = [m for m in ('aiogram', 'sqlalchemy', 'fluent.runtime',"
        " 'pydantic', 'openpyxl', 'docx') if m in sys.modules]; print(','.join(heavy))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == ""


def test_every_command_starts_with_the_collector_tuned_for_large_imports(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # bench/bench_import.py: with CPython's default of 700 a re-import preview of 5,000 rows
    # spent 0.5 s in the collector and stalled the event loop for 0.4 s.
    calls: list[tuple[int, ...]] = []
    monkeypatch.setattr(gc, "set_threshold", lambda *values: calls.append(values))
    with pytest.raises(SystemExit):
        main(["--help"])
    assert [values[0] for values in calls] == [YOUNG_GENERATION]
