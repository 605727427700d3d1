"""The `workplan` command: run the bot, upgrade the database, create invites, import plans.

Everything heavy (aiogram, SQLAlchemy, the catalogues) is imported inside the commands, so
`workplan --help` answers at once.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Coroutine, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from bot.config import ConfigError, Settings
    from bot.domain.documents import ParsedDocument
    from bot.i18n import Translator

EXIT_CONFIG = 2  # a setting is wrong or missing, or what it points at does not answer


class Unavailable(Exception):
    """A service the command needs did not answer; ``line`` says which and why."""

    def __init__(self, line: str) -> None:
        self.line = line
        super().__init__(line)


def _translator() -> Translator:
    from bot.i18n import default_translations

    return default_translations().get("ru")


def _t(message_id: str, /, **args: object) -> str:
    # Console output is plain text: strip the markup the chat messages use.
    return _plain(_translator()(message_id, **args))


def _fail(message: str, code: int = EXIT_CONFIG) -> int:
    print(message, file=sys.stderr)
    return code


def _config_error_line(error: ConfigError) -> str:
    if error.key == "telegram.token":
        return _t("cli-no-token")
    return _t("cli-config-error", key=error.key, problem=error.problem)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workplan",
        description="Workplan Bot («План работы»): execution control of cluster work plans.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    commands.add_parser("run", help="run the bot (polling or webhook, as configured)")

    db = commands.add_parser("db", help="database schema")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_commands.add_parser("upgrade", help="bring the schema up to date (alembic upgrade head)")
    db_commands.add_parser("current", help="print the schema revision")

    invite = commands.add_parser("invite", help="print a one-time invite deep link")
    invite.add_argument("--role", choices=["admin"], required=True, help="what the link grants")
    invite.add_argument("--ttl-hours", type=int, default=None, help="validity (default: config)")
    invite.add_argument("--uses", type=int, default=1, help="how many people may use it")
    invite.add_argument(
        "--bot-username", default=None, help="skip asking Telegram (getMe) for the bot's username"
    )
    imp = commands.add_parser("import", help="read a plan or protocol file (DOCX, XLSX, text)")
    imp.add_argument("file", help="the document to read")
    imp.add_argument("--cluster", default=None, help="store it into this cluster (created if new)")
    imp.add_argument("--dry-run", action="store_true", help="show what would change, store nothing")
    imp.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    imp.add_argument(
        "--yes",
        action="store_true",
        help="import even when the document's title names another cluster",
    )
    imp.add_argument(
        "--period",
        default=None,
        metavar="START..END",
        help="the plan's period when it names none, e.g. 2024-09-01..2025-08-31",
    )
    reminders = commands.add_parser("reminders", help="reminders the bot sends")
    reminder_commands = reminders.add_subparsers(
        dest="reminders_command", metavar="ACTION", required=True
    )
    preview = reminder_commands.add_parser(
        "preview", help="print what would go out on a day, to whom and why (sends nothing)"
    )
    preview.add_argument("--date", required=True, help="the day, YYYY-MM-DD")
    preview.add_argument("--cluster", default=None, help="only this cluster (its name)")
    preview.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    summary = commands.add_parser(
        "summary", help="print a cluster's weekly summary (sends nothing)"
    )
    summary.add_argument("--cluster", required=True, help="the cluster's name")
    summary.add_argument("--date", default=None, help="the day, YYYY-MM-DD (today by default)")
    summary.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    export = commands.add_parser(
        "export", help="write a cluster's plan with its completion marks (DOCX, XLSX, HTML)"
    )
    export.add_argument("--cluster", required=True, help="the cluster's name")
    export.add_argument("--format", choices=["docx", "xlsx", "html"], required=True)
    export.add_argument("--out", default=None, help="the file to write (default: a safe name)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from bot.runtime import tune_collector

    tune_collector()
    args = build_parser().parse_args(argv)
    from bot.config import ConfigError, load_settings, require_token
    from bot.logs import setup_logging

    try:
        settings = load_settings()
        setup_logging(settings)
        if args.command != "run" and settings.logging.level == "INFO":
            # A one-shot command answers in its own lines; the readers' notes are for the bot's
            # log («INFO … ZIP directory could not be read» before «Файл повреждён»).
            logging.getLogger().setLevel(logging.WARNING)
        if args.command == "run":
            require_token(settings)
            return _with_database(settings, _run(settings))
        if args.command == "db":
            return _with_database(settings, _db(settings, args.db_command))
        if args.command == "invite":
            return _with_database(settings, _invite(settings, args))
        if args.command == "import":
            return _with_database(settings, _import(settings, args))
        if args.command == "reminders":
            return _with_database(settings, _reminders_preview(settings, args))
        if args.command == "summary":
            return _with_database(settings, _summary(settings, args))
        if args.command == "export":
            return _with_database(settings, _export(settings, args))
    except ConfigError as error:
        return _fail(_config_error_line(error))
    except Unavailable as error:
        return _fail(error.line)
    except KeyboardInterrupt:
        return 130
    return _fail(_t("cli-unknown-command"))


async def _run(settings: Settings) -> int:
    from bot.app import run
    from bot.logs import configured_secrets, redact

    try:
        async with _telegram_errors(settings):
            await run(settings)
    except OSError as error:
        # A folder that cannot be created, a webhook port already taken: one line.
        problem = redact(str(error), configured_secrets(settings))
        raise Unavailable(_t("cli-run-failed", problem=problem)) from None
    return 0


class _telegram_errors:
    """Telegram's refusal or silence at start-up is one line (the token redacted), not a trace.

    Once the bot runs, aiogram retries a lost connection by itself; what reaches here is a
    start-up call (getMe, setMyCommands, setWebhook) that failed.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def __aenter__(self) -> None:
        return None

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _tb: object
    ) -> bool:
        from aiogram.exceptions import (
            TelegramAPIError,
            TelegramNetworkError,
            TelegramUnauthorizedError,
        )

        from bot.logs import configured_secrets, redact

        if error is None or not isinstance(error, TelegramAPIError):
            return False
        secrets = configured_secrets(self.settings)
        problem = redact(error.message, secrets).removeprefix("HTTP Client says - ")
        if isinstance(error, TelegramUnauthorizedError):
            raise Unavailable(_t("cli-token-refused")) from None
        if isinstance(error, TelegramNetworkError):
            url = self.settings.telegram.api_url or "https://api.telegram.org"
            raise Unavailable(_t("cli-telegram-unavailable", url=url, problem=problem)) from None
        raise Unavailable(_t("cli-telegram-error", problem=problem)) from None


def _with_database(settings: Settings, command: Coroutine[Any, Any, int]) -> int:
    """Runs a command that opens the database; a database that cannot be opened (a bad URL,
    a folder that cannot be created, a server that does not answer) is one line, not a trace."""
    from sqlalchemy.exc import SQLAlchemyError

    async def settled() -> int:
        try:
            return await command
        except (SQLAlchemyError, OSError):
            # aiosqlite stops its worker thread after a failed connect without waiting for it;
            # let it finish while the loop is open, or it prints «Event loop is closed».
            await asyncio.to_thread(_join_sqlite_workers)
            raise

    try:
        return asyncio.run(settled())
    except (SQLAlchemyError, OSError) as error:
        return _fail(_t("cli-db-unavailable", url=_safe_url(settings), problem=_problem(error)))


def _join_sqlite_workers(timeout: float = 2.0) -> None:
    import threading

    for thread in threading.enumerate():
        if thread.name.endswith("(_connection_worker_thread)"):
            thread.join(timeout)


async def _db(settings: Settings, action: str) -> int:
    from storage.db import create_engine
    from storage.migrate import current_revision, head_revision, upgrade

    engine = create_engine(settings.database.url)
    try:
        if action == "upgrade":
            await upgrade(engine)
        revision = await current_revision(engine)
    finally:
        await engine.dispose()
    print(_t("cli-db-revision", revision=revision or "—", head=head_revision() or "—"))
    return 0


async def _bot_username(settings: Settings) -> str:
    """The bot's username from Telegram (getMe); `--bot-username` skips this."""
    from bot.app import create_bot

    bot = create_bot(settings)
    try:
        async with _telegram_errors(settings):
            me = await bot.get_me()
    finally:
        await bot.session.close()
    return me.username or ""


async def _invite(settings: Settings, args: argparse.Namespace) -> int:
    from bot.clock import SystemClock
    from bot.services.invites import InviteTokens, deep_link
    from storage.db import create_engine, create_session_factory
    from storage.migrate import upgrade
    from storage.models import InviteRole
    from storage.uow import Storage

    username = args.bot_username or await _bot_username(settings)
    hours = args.ttl_hours or settings.bot.invite_ttl_hours
    if hours < 1 or args.uses < 1:
        return _fail(_t("cli-invite-bad-numbers"))
    engine = create_engine(settings.database.url)
    try:
        await upgrade(engine)
        async with create_session_factory(engine)() as session:
            created = await InviteTokens(Storage(session), SystemClock()).create(
                InviteRole(args.role), ttl=timedelta(hours=hours), max_uses=args.uses
            )
    finally:
        await engine.dispose()
    print(deep_link(username, created.token))
    print(
        _t(
            "cli-invite-note",
            hours=hours,
            uses=args.uses,
            expires=created.invite.expires_at.strftime("%d.%m.%Y %H:%M"),
        ),
        file=sys.stderr,
    )
    return 0


async def _import(settings: Settings, args: argparse.Namespace) -> int:
    import json
    from datetime import datetime
    from pathlib import Path
    from zoneinfo import ZoneInfo

    from bot.domain.deadlines import parse_period_answer
    from bot.errors import DocumentRejected
    from bot.jsonout import document_to_json
    from bot.services.imports import in_period, needs_period, parse_upload
    from bot.telegram.views.imports import render_parsed_text

    period = None
    if args.period is not None:
        period = parse_period_answer(args.period)
        if period is None:
            return _fail(_t("cli-import-bad-period", value=args.period))

    path = Path(args.file)
    try:
        data = await asyncio.to_thread(path.read_bytes)
    except OSError as error:
        return _fail(_t("cli-import-unreadable", path=str(path), problem=error.strerror or ""))
    max_bytes = settings.bot.max_upload_mb * 1024 * 1024
    try:
        today = datetime.now(ZoneInfo(settings.bot.default_timezone)).date()
        parsed = parse_upload(data, path.name, max_bytes=max_bytes, reference=today)
    except DocumentRejected as error:
        return _fail(_t(error.key, **error.args_for_message))
    # A plan naming no period and bearing no date: its months without a year are read in
    # --period, else left undated (never in the year from today).
    if needs_period(parsed) and period is None:
        print(_t("cli-import-no-period"), file=sys.stderr)
    parsed = in_period(parsed, period)
    if args.format == "json":
        print(json.dumps(document_to_json(parsed), ensure_ascii=False, indent=2))
    if args.cluster is None:
        if args.format == "text":
            print(_plain(render_parsed_text(_translator(), parsed)))
        return 0
    return await _import_into_cluster(settings, args, parsed, data, path.name)


async def _import_into_cluster(
    settings: Settings,
    args: argparse.Namespace,
    parsed: ParsedDocument,
    data: bytes,
    filename: str,
) -> int:
    """Store a parsed document into a cluster, creating it when new; --dry-run previews it.

    Everything the output shows is read inside the session; a refusal closes the session
    without a commit, so nothing is stored. A dry run never creates, migrates or writes the
    database: it reads the one there is, and previews a new cluster in a scratch database in
    memory.
    """
    from storage.db import create_engine
    from storage.migrate import upgrade

    if args.dry_run:
        return await _dry_run(settings, args, parsed, data, filename)
    engine = create_engine(settings.database.url)
    try:
        await upgrade(engine)
        return await _import_with(engine, settings, args, parsed, data, filename)
    finally:
        await engine.dispose()


async def _dry_run(
    settings: Settings,
    args: argparse.Namespace,
    parsed: ParsedDocument,
    data: bytes,
    filename: str,
) -> int:
    from sqlalchemy import select

    from storage.db import create_engine
    from storage.migrate import current_revision, head_revision, upgrade
    from storage.models import Cluster

    engine = _existing_database(settings.database.url)
    if engine is not None:
        try:
            revision = await current_revision(engine)
            if revision is not None and revision != head_revision():
                return _fail(_t("cli-import-dry-run-old-schema", revision=revision))
            if revision is not None:
                async with engine.connect() as connection:
                    known = await connection.scalar(
                        select(Cluster.id).where(Cluster.name == args.cluster)
                    )
                if known is not None:
                    return await _import_with(engine, settings, args, parsed, data, filename)
        finally:
            await engine.dispose()
    # No database yet, or no such cluster in it: what the import would add to a new cluster.
    scratch = create_engine("sqlite+aiosqlite://")
    try:
        await upgrade(scratch)
        return await _import_with(scratch, settings, args, parsed, data, filename)
    finally:
        await scratch.dispose()


async def _reminders_preview(settings: Settings, args: argparse.Namespace) -> int:
    """`workplan reminders preview`: the day's digests as the sweep would queue them."""
    import json
    from datetime import date

    from bot.app import reminder_policy
    from bot.clock import SystemClock
    from bot.domain.workdays import WorkCalendar
    from bot.errors import NotFound
    from bot.jsonout import digests_to_json
    from bot.services.reminders import ReminderService
    from bot.telegram.views.digests import render_digest
    from storage.db import create_session_factory
    from storage.migrate import current_revision, head_revision
    from storage.uow import Storage

    try:
        day = date.fromisoformat(args.date)
    except ValueError:
        return _fail(_t("cli-reminders-bad-date", value=args.date))
    engine = _existing_database(settings.database.url)
    if engine is None:
        return _fail(_t("cli-reminders-no-database"))
    try:
        revision = await current_revision(engine)
        if revision != head_revision():
            return _fail(_t("cli-import-dry-run-old-schema", revision=revision or "—"))
        async with create_session_factory(engine)() as session:
            service = ReminderService(
                Storage(session), SystemClock(), None, reminder_policy(settings), WorkCalendar()
            )
            try:
                digests = await service.preview(day, args.cluster)
            except NotFound:
                return _fail(_t("cli-reminders-no-cluster", cluster=args.cluster))
    finally:
        await engine.dispose()
    if args.format == "json":
        print(json.dumps(digests_to_json(day, digests), ensure_ascii=False, indent=2))
        return 0
    if not digests:
        print(_t("cli-reminders-none", date=day))
        return 0
    t = _translator()
    print(_t("cli-reminders-count", date=day, count=len(digests)))
    for digest in digests:
        person = digest.person
        print()
        print(
            _t(
                "cli-reminders-to",
                person=person.full_name,
                telegram_id=str(person.telegram_id),
                time=digest.send_at.strftime("%H:%M"),
                timezone=digest.cluster.timezone,
            )
        )
        for part in render_digest(t, digest):
            print(_plain(part.text))
    return 0


async def _summary(settings: Settings, args: argparse.Namespace) -> int:
    """`workplan summary`: a cluster's weekly summary on a day, as text or JSON."""
    import json
    from datetime import date

    from bot.clock import SystemClock
    from bot.domain.branding import Branding
    from bot.errors import NotFound
    from bot.services.summaries import SummarySchedule, SummaryService, summary_to_json
    from bot.telegram.views.summaries import render_summary_text
    from storage.db import create_session_factory
    from storage.migrate import current_revision, head_revision
    from storage.uow import Storage

    try:
        day = date.fromisoformat(args.date) if args.date else None
    except ValueError:
        return _fail(_t("cli-reminders-bad-date", value=args.date))
    engine = _existing_database(settings.database.url)
    if engine is None:
        return _fail(_t("cli-reminders-no-database"))
    try:
        revision = await current_revision(engine)
        if revision != head_revision():
            return _fail(_t("cli-import-dry-run-old-schema", revision=revision or "—"))
        async with create_session_factory(engine)() as session:
            b, s = settings.branding, settings.summary
            branding = Branding(
                b.primary, b.accent, b.text, b.background, b.muted, b.logo or None, b.organization
            )
            service = SummaryService(
                Storage(session), SystemClock(), SummarySchedule(s.weekday, s.hour), branding
            )
            try:
                cluster = await service.cluster_named(args.cluster)
            except NotFound:
                return _fail(_t("cli-reminders-no-cluster", cluster=args.cluster))
            summary = await service.summary(cluster, day)
    finally:
        await engine.dispose()
    if args.format == "json":
        print(json.dumps(summary_to_json(summary), ensure_ascii=False, indent=2))
        return 0
    print(_plain(render_summary_text(_translator(), summary)[0]))
    return 0


async def _export(settings: Settings, args: argparse.Namespace) -> int:
    """`workplan export`: a cluster's plan with its marks as a DOCX, XLSX or HTML file."""
    from pathlib import Path

    from bot.clock import SystemClock
    from bot.domain.branding import Branding
    from bot.errors import NotFound
    from bot.exports.docx import write_docx
    from bot.exports.html import write_html
    from bot.exports.xlsx import write_xlsx
    from bot.services.access import AccessService
    from bot.services.exports import ExportService
    from bot.services.people import PeopleService
    from bot.telegram.views.exports import file_name
    from storage.db import create_session_factory
    from storage.migrate import current_revision, head_revision
    from storage.uow import Storage

    engine = _existing_database(settings.database.url)
    if engine is None:
        return _fail(_t("cli-export-no-database"))
    clock = SystemClock()
    try:
        revision = await current_revision(engine)
        if revision != head_revision():
            return _fail(_t("cli-import-dry-run-old-schema", revision=revision or "—"))
        async with create_session_factory(engine)() as session:
            storage = Storage(session)
            access = AccessService(storage, PeopleService(storage, clock, ()))
            branding = Branding(**settings.branding.model_dump())
            try:
                export = await ExportService(storage, clock, access, branding).by_name(args.cluster)
            except NotFound as missing:
                key = "cli-export-no-plan" if missing.key == "export-no-plan" else None
                return _fail(_t(key or "cli-export-no-cluster", cluster=args.cluster))
    finally:
        await engine.dispose()
    writers = {"docx": write_docx, "xlsx": write_xlsx, "html": write_html}
    data = writers[args.format](export)
    path = Path(args.out or file_name(export.cluster, export.today, args.format))
    try:
        await asyncio.to_thread(path.write_bytes, data)
    except OSError as error:
        return _fail(_t("cli-export-unwritable", path=str(path), problem=_problem(error)))
    print(_t("cli-export-written", path=str(path), size=str(max(1, round(len(data) / 1024)))))
    return 0


def _existing_database(url: str) -> AsyncEngine | None:
    """An engine on the configured database if it exists; a SQLite file that is not there is
    not created (nor its folder)."""
    from pathlib import Path

    from sqlalchemy.engine import make_url

    from storage.db import create_engine

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            return None
        if not Path(parsed.database).expanduser().is_file():
            return None
    return create_engine(url)


async def _import_with(
    engine: AsyncEngine,
    settings: Settings,
    args: argparse.Namespace,
    parsed: ParsedDocument,
    data: bytes,
    filename: str,
) -> int:
    from bot.app import service_settings
    from bot.clock import SystemClock
    from bot.services.imports import sha256
    from bot.services.registry import build_services
    from bot.telegram.views.imports import render_import_preview, render_import_result
    from storage.db import create_session_factory
    from storage.models import Cluster
    from storage.uow import Storage

    clock = SystemClock()
    t = _translator()
    text = args.format == "text"
    async with create_session_factory(engine)() as session:
        storage = Storage(session)
        services = build_services(storage, clock, service_settings(settings))
        cluster = await storage.clusters.by_name(args.cluster)
        created = cluster is None
        if cluster is None:
            cluster = await storage.clusters.add(
                Cluster(
                    name=args.cluster,
                    region="",
                    timezone=settings.bot.default_timezone,
                    created_at=clock.now(),
                )
            )
        plan = await services.imports.plan(
            cluster.id, parsed, source_hash=sha256(data), filename=filename
        )
        if args.dry_run:
            if text:
                print(_plain(render_import_preview(t, plan, ask=False)))
            if created:
                print(_t("cli-import-new-cluster", cluster=cluster.name), file=sys.stderr)
            return 0
        if plan.other_cluster is not None and not args.yes:
            return _fail(
                _t("cli-import-other-cluster", named=plan.other_cluster, cluster=cluster.name)
            )
        result = await services.imports.apply_plan(plan, actor=None)
        steps = await services.imports.next_steps(cluster)
        if text:
            print(_plain(render_import_result(t, result, steps, in_chat=False)))
        if created:
            print(
                _t(
                    "cli-import-cluster-created",
                    cluster=cluster.name,
                    timezone=cluster.timezone,
                ),
                file=sys.stderr,
            )
    return 0


def _safe_url(settings: Settings) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(settings.database.url).render_as_string(hide_password=True)
    except ArgumentError:
        return "database.url"


def _problem(error: Exception) -> str:
    """The first line of a driver's message, without SQLAlchemy's background link."""
    from sqlalchemy.exc import DBAPIError

    cause = error.orig if isinstance(error, DBAPIError) else error
    return (str(cause).strip().splitlines() or [type(cause).__name__])[0]


def _plain(html_text: str) -> str:
    import html
    import re

    return html.unescape(re.sub(r"</?(b|i|code)>", "", html_text))


if __name__ == "__main__":  # pragma: no cover
    logging.basicConfig()
    sys.exit(main())
