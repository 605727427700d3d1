"""Composition root: engine → session factory → Bot → Dispatcher → polling or webhook."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from dataclasses import dataclass
from datetime import timedelta

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseStorage
from aiogram.types import BotCommand, BotCommandScopeAllGroupChats, BotCommandScopeAllPrivateChats
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.clock import Clock, SystemClock, clock_from_environment
from bot.config import Settings, require_token
from bot.domain.branding import Branding
from bot.domain.reminders import ReminderPolicy
from bot.i18n import Translations, Translator
from bot.scheduler import Sweeper, create_scheduler
from bot.services.registry import ServiceSettings
from bot.services.reminders import DigestReader
from bot.services.summaries import SummaryReader, SummarySchedule
from bot.telegram.sender import Pacer, Sender, TelegramDelivery
from handlers import create_root_router
from handlers.errors import AnsweredPresses
from handlers.fsm_storage import DatabaseFsmStorage
from handlers.middlewares import (
    DbSessionMiddleware,
    I18nMiddleware,
    InFlightUpdates,
    PersonMiddleware,
)
from storage.db import create_engine, create_session_factory
from storage.migrate import upgrade

logger = logging.getLogger(__name__)

# How long a stopping process lets the work in hand finish (docker stop waits 10 s, then kills).
STOP_GRACE_SECONDS = 8.0

PRIVATE_COMMANDS = (
    "my",
    "plan",
    "done",
    "item",
    "history",
    "reminders",
    "additem",
    "invite",
    "invites",
    "members",
    "settings",
    "summary",
    "stats",
    "export",
    "newcluster",
    "start",
    "help",
    "cancel",
)
GROUP_COMMANDS = ("done", "plan", "bind", "help")


def reminder_policy(settings: Settings) -> ReminderPolicy:
    r = settings.reminders
    return ReminderPolicy(
        days_before=tuple(r.days_before),
        on_the_day=r.on_the_day,
        hour=r.hour,
        overdue_every=r.overdue_every,
        overdue_times=r.overdue_times,
        escalate_after=r.escalate_after,
        checkin_monthly=r.checkin_monthly,
        undated_weekly=r.undated_weekly,
        awaiting_after=r.awaiting_after,
        quiet_start=r.quiet_start,
        quiet_end=r.quiet_end,
    )


def branding(settings: Settings) -> Branding:
    b = settings.branding
    return Branding(
        primary=b.primary,
        accent=b.accent,
        text=b.text,
        background=b.background,
        muted=b.muted,
        logo=b.logo or None,
        organization=b.organization,
    )


def service_settings(settings: Settings) -> ServiceSettings:
    return ServiceSettings(
        admin_ids=tuple(settings.bot.admins),
        invite_ttl=timedelta(hours=settings.bot.invite_ttl_hours),
        default_timezone=settings.bot.default_timezone,
        max_upload_bytes=settings.bot.max_upload_mb * 1024 * 1024,
        reminder_policy=reminder_policy(settings),
        summary_schedule=SummarySchedule(settings.summary.weekday, settings.summary.hour),
        branding=branding(settings),
    )


def create_bot(settings: Settings, session: BaseSession | None = None) -> Bot:
    if session is None:
        api_url = settings.telegram.api_url
        session = (
            AiohttpSession(api=TelegramAPIServer.from_base(api_url))
            if api_url
            else AiohttpSession()
        )
    # The error handler reads which presses were answered, to answer each one once.
    session.middleware(AnsweredPresses())
    return Bot(
        require_token(settings),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )


def create_dispatcher(
    *,
    session_factory: async_sessionmaker[AsyncSession],
    settings: ServiceSettings,
    translations: Translations,
    clock: Clock,
    fsm_storage: BaseStorage | None = None,
    sender: Sender | None = None,
    in_flight: InFlightUpdates | None = None,
) -> Dispatcher:
    """The one Dispatcher factory: the bot process and the tests both use it."""
    dispatcher = Dispatcher(
        storage=fsm_storage or DatabaseFsmStorage(session_factory, clock),
        translations=translations,
        clock=clock,
    )
    # Outermost: a stopping process waits for the updates in hand (see ``run``).
    dispatcher.update.outer_middleware(in_flight or InFlightUpdates())
    # aiogram reads the dialog state in its FSM middleware: move it inside the update's
    # session, so the state is read and written through that one session and connection.
    dispatcher.update.outer_middleware.unregister(dispatcher.fsm)
    dispatcher.update.outer_middleware(I18nMiddleware(translations))
    dispatcher.update.outer_middleware(
        DbSessionMiddleware(
            session_factory, clock, settings, after_update=sender.wake if sender else None
        )
    )
    dispatcher.update.outer_middleware(dispatcher.fsm)
    dispatcher.update.outer_middleware(PersonMiddleware())
    dispatcher.include_router(create_root_router())
    return dispatcher


def _commands(t: Translator, names: tuple[str, ...]) -> list[BotCommand]:
    return [BotCommand(command=name, description=t(f"cmd-{name}")) for name in names]


async def set_commands(bot: Bot, translations: Translations) -> None:
    """The command menu in Russian (the default) and English."""
    for locale in translations.locales:
        t = translations.get(locale)
        language = None if locale == "ru" else locale
        await bot.set_my_commands(
            _commands(t, PRIVATE_COMMANDS),
            scope=BotCommandScopeAllPrivateChats(),
            language_code=language,
        )
        await bot.set_my_commands(
            _commands(t, GROUP_COMMANDS),
            scope=BotCommandScopeAllGroupChats(),
            language_code=language,
        )


@dataclass
class Application:
    settings: Settings
    engine: AsyncEngine
    session_factory: async_sessionmaker[AsyncSession]
    bot: Bot
    dispatcher: Dispatcher
    translations: Translations
    sender: Sender
    clock: Clock
    services: ServiceSettings
    in_flight: InFlightUpdates


async def build_application(settings: Settings, clock: Clock | None = None) -> Application:
    clock = clock or SystemClock()
    engine = create_engine(settings.database.url, echo=settings.database.echo)
    if settings.database.upgrade_on_start:
        await upgrade(engine)
    session_factory = create_session_factory(engine)
    translations = Translations(default_locale=settings.bot.default_locale)
    bot = create_bot(settings)
    limits = settings.delivery
    pacer = Pacer.from_limits(
        limits.global_per_second, limits.per_chat_per_second, limits.per_group_per_minute
    )
    sender = Sender(
        session_factory,
        TelegramDelivery(bot, pacer=pacer),
        clock,
        translations,
        policy=reminder_policy(settings),
        default_timezone=settings.bot.default_timezone,
    )
    services = service_settings(settings)
    sender.digests = DigestReader(services.reminder_policy, services.calendar, clock)
    sender.summaries = SummaryReader(clock, services.summary_schedule, services.branding)
    in_flight = InFlightUpdates()
    dispatcher = create_dispatcher(
        session_factory=session_factory,
        settings=services,
        translations=translations,
        clock=clock,
        sender=sender,
        in_flight=in_flight,
    )
    return Application(
        settings,
        engine,
        session_factory,
        bot,
        dispatcher,
        translations,
        sender,
        clock,
        services,
        in_flight,
    )


async def run(settings: Settings) -> None:
    app = await build_application(settings, clock_from_environment())
    try:
        # Telegram is asked first: a wrong token or an unreachable server stops start-up here,
        # before anything else runs (the CLI says it in one line).
        me = await app.bot.get_me()
        await set_commands(app.bot, app.translations)
    except BaseException:
        await app.bot.session.close()
        await app.engine.dispose()
        raise
    logger.info("Starting as @%s (id %s), mode %s", me.username, me.id, settings.telegram.mode)
    sweeper = Sweeper(
        app.session_factory,
        app.clock,
        app.services.reminder_policy,
        app.services.calendar,
        app.sender,
    )
    sweeper.summary_schedule = app.services.summary_schedule
    scheduler = create_scheduler(
        app.sender, sweeper, sweep_seconds=settings.reminders.sweep_seconds
    )
    delivery = asyncio.create_task(app.sender.run(), name="sender")
    app.sender.wake()  # whatever was queued before a restart goes out now
    try:
        scheduler.start()
        if settings.telegram.mode == "webhook":
            await _run_webhook(app)
        else:
            await app.bot.delete_webhook(drop_pending_updates=False)
            await app.dispatcher.start_polling(
                app.bot,
                polling_timeout=settings.telegram.polling_timeout,
                allowed_updates=app.dispatcher.resolve_used_update_types(),
                handle_signals=True,
                close_bot_session=False,
            )
    finally:
        await _stop(app, scheduler, sweeper, delivery)
        await app.bot.session.close()
        await app.engine.dispose()
        logger.info("Stopped")


async def _stop(
    app: Application,
    scheduler: AsyncIOScheduler,
    sweeper: Sweeper,
    delivery: asyncio.Task[None],
    grace: float = STOP_GRACE_SECONDS,
) -> None:
    """Stops in order, each part finishing its transaction before the database closes: the
    updates in hand, then a reminder sweep under way, then the sender's current drain. What
    is still running after ``grace`` seconds in all is cancelled (its transaction rolls back;
    an unsent notice stays queued and its claim runs out, so the next start sends it)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + grace
    if scheduler.running:
        scheduler.pause()  # no new sweep starts while we wait
    cut = await app.in_flight.settle(max(0.0, deadline - loop.time()))
    if cut:
        logger.warning("Stopping: %s updates were still being handled and were cut off", cut)
    if not await sweeper.settle(max(0.0, deadline - loop.time())):
        logger.warning("Stopping: the reminder sweep under way was cut off")
    if scheduler.running:
        scheduler.shutdown(wait=False)
    app.sender.stop()
    try:
        await asyncio.wait_for(asyncio.shield(delivery), max(0.1, deadline - loop.time()))
    except TimeoutError:
        logger.warning("Stopping: the sender's drain under way was cut off")
        delivery.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await delivery


async def _run_webhook(app: Application) -> None:
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
    from aiohttp import web

    hook = app.settings.telegram.webhook
    secret = hook.secret_token.get_secret_value() if hook.secret_token else None
    web_app = web.Application()
    SimpleRequestHandler(app.dispatcher, app.bot, secret_token=secret).register(web_app, hook.path)
    setup_application(web_app, app.dispatcher, bot=app.bot)
    await app.bot.set_webhook(
        hook.url.rstrip("/") + hook.path,
        secret_token=secret,
        allowed_updates=app.dispatcher.resolve_used_update_types(),
    )
    runner = web.AppRunner(web_app)
    await runner.setup()
    await web.TCPSite(runner, hook.host, hook.port).start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    logger.info("Webhook server listening on %s:%s%s", hook.host, hook.port, hook.path)
    await stop.wait()
    await runner.cleanup()
