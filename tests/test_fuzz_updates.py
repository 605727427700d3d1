"""An update fuzzer through the real Dispatcher, and the regression tests of what it found.

Random and hostile updates — texts and commands with junk, forged and stale button data,
documents, edits, channel posts, anonymous admins, group migrations — reach a populated world
(tests/fuzz_world.py). After every update: nothing logged as ERROR, no apology or traceback to
anyone, nothing changed in a cluster by someone without rights there, every call the bot made
accepted by the fake Bot API (which enforces Telegram's rules).

Examples per run: ``WORKPLAN_FUZZ_EXAMPLES`` (the total over the fuzz tests; default 5,000 on
SQLite, 600 on PostgreSQL). The runs are derandomized, so CI repeats the same examples.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest
from aiogram import Bot, Dispatcher
from aiogram.types import Update
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.app import create_bot, create_dispatcher
from bot.config import Settings
from bot.i18n import Translations
from bot.services.registry import ServiceSettings
from bot.telegram.sender import Pacer, Sender, TelegramDelivery
from storage.db import create_engine, create_session_factory
from tests.conftest import ADMIN_TELEGRAM_ID, APP_MIDDLEWARES, PG_ENV, DeliverAfterUpdate
from tests.fake_telegram import (
    FakeChat,
    FakeTelegram,
    FakeUser,
    RecordingSession,
    StoredMessage,
)
from tests.fakes import FixedClock
from tests.fuzz_world import (
    CHANNEL_ID,
    INVITE_TOKENS,
    FuzzWorld,
    Snapshot,
    seed_fuzz_world,
    snapshot,
)
from tests.plan_world import IMPORTED_AT

T = TypeVar("T")

ON_POSTGRES = bool(os.environ.get(PG_ENV))
TOTAL_EXAMPLES = int(os.environ.get("WORKPLAN_FUZZ_EXAMPLES") or (600 if ON_POSTGRES else 5000))
GROUP_ANONYMOUS_BOT = {"id": 1087968824, "is_bot": True, "first_name": "Group"}
CHANNEL_BOT = {"id": 136817688, "is_bot": True, "first_name": "Channel"}


# --- the runner: one world, many updates, invariants after each ----------------------------------


class ErrorRecords(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class WriteCounter:
    """Counts statements that may change what a snapshot reads (dialog state, people's own
    rows, their snoozes and the outbox are not part of it), so an update that wrote nothing
    needs no snapshot."""

    IGNORED = ("fsm_records", "persons", "notifications", "reminder_snoozes")

    def __init__(self, engine: AsyncEngine) -> None:
        self.count = 0
        event.listen(engine.sync_engine, "before_cursor_execute", self._on_statement)

    def _on_statement(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        head = statement.lstrip()[:80].upper()
        if head.startswith(("INSERT", "UPDATE", "DELETE")) and not any(
            name.upper() in head for name in self.IGNORED
        ):
            self.count += 1


@dataclass
class Fuzz:
    """Feeds updates to a Dispatcher over a FuzzWorld and checks the invariants after each."""

    dispatcher: Dispatcher
    bot: Bot
    fake: FakeTelegram
    factory: async_sessionmaker[AsyncSession]
    sender: Sender
    world: FuzzWorld
    forbidden_texts: tuple[str, ...]
    errors: ErrorRecords
    writes: WriteCounter
    state: Snapshot
    updates: int = 0

    async def feed(self, update: Update, actor: FakeUser | None) -> None:
        calls, logged, writes = len(self.fake.calls), len(self.errors.records), self.writes.count
        violations = len(getattr(self.fake, "violations", ()))
        await self.dispatcher.feed_update(self.bot, update)  # the notices delivered in line
        self.updates += 1
        what = update.model_dump_json(exclude_none=True)[:600]
        errors = self.errors.records[logged:]
        logged_errors = [
            f"{e.getMessage()}: {e.exc_info[1]!r}" if e.exc_info else e.getMessage() for e in errors
        ]
        assert not errors, f"ERROR logged for {what}: {logged_errors}"
        for call in self.fake.calls[calls:]:
            said = f"{call.params.get('text') or ''} {call.params.get('caption') or ''}"
            for forbidden in self.forbidden_texts:
                assert forbidden not in said, f"{forbidden!r} told for {what}: {said[:300]}"
            assert call.status == 200, f"{call.method} refused ({call.response}) for {what}"
        new_violations = list(getattr(self.fake, "violations", ()))[violations:]
        assert not new_violations, f"Telegram's rules broken for {what}: {new_violations}"
        if self.writes.count == writes:
            return  # nothing written that a snapshot reads: nothing to compare
        before, after = self.state, await snapshot(self.factory, self.world.clusters)
        self.state = after
        untouchable = self.world.untouchable(actor)
        changed = [key for key in before if key[0] in untouchable and before[key] != after[key]]
        assert not changed, f"{actor} changed {changed} without rights by {what}"

    # --- updates -------------------------------------------------------------------------------

    def chat_of(self, actor: FakeUser, where: str) -> tuple[FakeChat | None, int | None]:
        """(chat, topic) for a place name; None chat = the actor's private chat."""
        world = self.world
        return {
            "private": (None, None),
            "group": (world.group, None),
            "topic": (world.group, 77),
            "other_group": (world.other_group, None),
        }[where]

    def text(self, actor: FakeUser, where: str, text: str, reply: bool) -> Update:
        chat, topic = self.chat_of(actor, where)
        chat_id = chat.id if chat else actor.id
        mine = self.fake.messages_to(chat_id)
        reply_to = mine[-1] if reply and mine else None
        return self.fake.send_text(actor, text, chat=chat, thread_id=topic, reply_to=reply_to)

    def press_real(self, actor: FakeUser, where: str, pick: int) -> Update | None:
        """A button of one of the bot's messages in that chat (stale, or someone else's)."""
        chat, _ = self.chat_of(actor, where)
        chat_id = chat.id if chat else actor.id
        messages = [m for m in self.fake.messages_to(chat_id) if m.buttons()][-8:]
        if not messages:
            return None
        message = messages[pick % len(messages)]
        buttons = message.buttons()
        button = buttons[(pick // 8) % len(buttons)]
        if "callback_data" not in button:
            return None
        return self.fake.press(actor, message, str(button["callback_data"]))

    def press_forged(self, actor: FakeUser, where: str, data: str | None, old: bool) -> Update:
        chat, _ = self.chat_of(actor, where)
        chat_id = chat.id if chat else actor.id
        mine = self.fake.messages_to(chat_id)
        if not mine:  # a button of a message the bot sent earlier (before this world)
            self.fake._store(StoredMessage(chat_id, self.fake._next_message_id(chat_id), "…"))
            mine = self.fake.messages_to(chat_id)
        query: dict[str, Any] = {
            "id": f"forged-{self.updates}",
            "from": actor.as_json(),
            "chat_instance": str(chat_id),
        }
        if mine and not old:
            query["message"] = self.fake._as_message_json(mine[-1])
        else:  # Telegram's "inaccessible message": too old to be edited
            query["message"] = {
                "chat": {"id": chat_id, "type": "private"},
                "message_id": 1,
                "date": 0,
            }
        if data is not None:
            query["data"] = data
        return self.fake.push_update({"callback_query": query})

    def document(
        self, actor: FakeUser, where: str, name: str, content: bytes, caption: str
    ) -> Update:
        chat, _ = self.chat_of(actor, where)
        return self.fake.send_document(actor, name, content, caption=caption or None, chat=chat)

    def photo(self, actor: FakeUser, where: str, caption: str) -> Update:
        chat, _ = self.chat_of(actor, where)
        return self.fake.send_photo(
            actor, b"\xff\xd8\xff\xe0fuzz", caption=caption or None, chat=chat
        )

    def edited(self, actor: FakeUser, where: str, text: str) -> Update:
        chat, topic = self.chat_of(actor, where)
        message = self.fake._user_message(actor, chat, topic, text=text)
        message["edit_date"] = message["date"] + 5
        return self.fake.push_update({"edited_message": message})

    def anonymous(self, where: str, text: str, style: str) -> Update:
        """A group message with no person behind it: an anonymous admin, a channel, or none."""
        chat = self.world.group if where != "other_group" else self.world.other_group
        message: dict[str, Any] = {
            "message_id": self.fake._next_message_id(chat.id),
            "date": 1646125200,
            "chat": chat.as_json(),
            "text": text,
        }
        if text.startswith("/"):
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": len(text.split()[0])}
            ]
        if style == "anonymous_admin":
            message["from"] = GROUP_ANONYMOUS_BOT
            message["sender_chat"] = chat.as_json()
        elif style == "channel":
            message["from"] = CHANNEL_BOT
            message["sender_chat"] = {"id": CHANNEL_ID, "type": "channel", "title": "Новости"}
        else:
            message["sender_chat"] = chat.as_json()
        if where == "topic":
            message["message_thread_id"] = 77
            message["is_topic_message"] = True
        return self.fake.push_update({"message": message})

    def channel_post(self, text: str, edited: bool) -> Update:
        chat = self.world.channel
        message: dict[str, Any] = {
            "message_id": self.fake._next_message_id(chat.id),
            "date": 1646125200,
            "chat": chat.as_json(),
            "sender_chat": chat.as_json(),
            "text": text,
        }
        if edited:
            message["edit_date"] = 1646125300
        return self.fake.push_update({"edited_channel_post" if edited else "channel_post": message})

    def migration(self, old_id: int, new_id: int) -> Update:
        """A basic group becomes a supergroup (a service message from Telegram)."""
        group = FakeChat(old_id, "group", "Рабочая группа")
        return self.fake.migrate_group(group, new_id)


def forbidden_texts(translations: Translations) -> tuple[str, ...]:
    """What nobody is ever told: the apology for a failure, a traceback, a lost argument."""
    apologies = tuple(t("error-unexpected") for t in map(translations.get, translations.locales))
    return (*apologies, "Traceback", "{???}")


async def build_fuzz(
    database_url: str, translations: Translations, errors: ErrorRecords
) -> tuple[Fuzz, Callable[[], Awaitable[None]]]:
    """The application's Dispatcher over a fresh world, as tests/conftest.py builds it."""
    engine: AsyncEngine = create_engine(database_url)
    factory = create_session_factory(engine)
    fake = FakeTelegram()
    bot = create_bot(Settings(telegram={"token": fake.token}), session=RecordingSession(fake))
    clock = FixedClock(IMPORTED_AT)
    delivery = TelegramDelivery(bot, pacer=Pacer(per_chat_interval=0, global_interval=0))
    sender = Sender(factory, delivery, clock, translations)
    dispatcher = create_dispatcher(
        session_factory=factory,
        settings=ServiceSettings(admin_ids=(ADMIN_TELEGRAM_ID,)),
        translations=translations,
        clock=clock,
        sender=sender,
    )
    manager = dispatcher.update.outer_middleware
    ours = [m for m in manager if isinstance(m, APP_MIDDLEWARES)]
    for middleware in ours:
        manager.unregister(middleware)
    manager.register(DeliverAfterUpdate(sender))
    for middleware in ours:
        manager.register(middleware)
    world = await seed_fuzz_world(factory, fake)
    forbidden = forbidden_texts(translations)

    async def close() -> None:
        await bot.session.close()
        await engine.dispose()

    writes = WriteCounter(engine)
    state = await snapshot(factory, world.clusters)
    fuzz = Fuzz(dispatcher, bot, fake, factory, sender, world, forbidden, errors, writes, state)
    return fuzz, close


# --- the fuzz tests: one world per test, built in a loop of their own ----------------------------


@pytest.fixture
def fuzz_database(migrated_template: str, tmp_path: Path) -> Iterator[str]:
    """A database for one fuzz test (SQLite: a copy of the migrated template)."""
    if not ON_POSTGRES:
        path = tmp_path / "fuzz.db"
        shutil.copyfile(migrated_template, path)
        yield f"sqlite+aiosqlite:///{path}"
        return
    yield migrated_template
    from storage.models import Base
    from tests.conftest import _admin_execute, _run

    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    _run(_admin_execute(migrated_template, f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture
def fuzz_run(
    fuzz_database: str, translations: Translations
) -> Iterator[tuple[Fuzz, asyncio.AbstractEventLoop]]:
    loop = asyncio.new_event_loop()
    errors = ErrorRecords()
    logging.getLogger().addHandler(errors)
    try:
        fuzz, close = loop.run_until_complete(build_fuzz(fuzz_database, translations, errors))
        try:
            yield fuzz, loop
        finally:
            loop.run_until_complete(close())
            print(f"fuzz: {fuzz.updates} updates")
    finally:
        logging.getLogger().removeHandler(errors)
        loop.close()


def fuzz_settings(share: float) -> settings:
    return settings(
        max_examples=max(1, int(TOTAL_EXAMPLES * share)),
        deadline=None,
        derandomize=True,
        database=None,
        print_blob=True,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


# --- strategies ----------------------------------------------------------------------------------

WHERE = st.sampled_from(["private", "private", "private", "group", "topic", "other_group"])
COMMANDS = (
    "start", "help", "cancel", "my", "plan", "item", "history", "done", "bind", "additem",
    "members", "invite", "invites", "newcluster", "reminders", "settings",
)  # fmt: skip
NUMBERS = st.one_of(
    st.integers(min_value=-3, max_value=12),
    st.sampled_from([2**31 - 1, 2**31, 2**32, 2**63 - 1, 2**63, 2**64, 10**30, -(2**63) - 1]),
).map(str)
JUNK_NUMBERS = st.one_of(
    NUMBERS,
    st.sampled_from(
        ["", "1.1", "1)", "1.", " 1", "1e5", "０", "١٢", "²", "-0", "+1", "0x1f", "1_0"]
    ),
)
HOSTILE = st.sampled_from(
    [
        "<b>жирный</b>",
        "</i>",
        "<a href='javascript:alert(1)'>x</a>",
        "&amp; & &lt; <",
        "<tg-spoiler>",
        "\u200b",
        "\u200b/done\u200b",
        "\u202eевтч",
        "\ufeff1",
        "{$name}",
        "{ -x }",
        "%s %d {0}",
        "'; DROP TABLE items; --",
        "\\",
        "🙂" * 50,
        "а" * 4096,
        "<" * 3000,
        "&" * 2000,
        "1.1\n" * 300,
        "до 31.12.2022",
        "каждый месяц до 5 числа",
        "через 3 дня",
        "01.13.2022",
        "31.02.2022",
        "99.99.9999",
    ]
)
WORDS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\x00"),
    max_size=40,
)
ARGS = st.one_of(JUNK_NUMBERS, HOSTILE, WORDS, st.sampled_from([*INVITE_TOKENS, "inv_x", "a" * 64]))


@st.composite
def commands(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from([*COMMANDS, "unknown", "START", "my_", "done123"]))
    mention = draw(st.sampled_from(["", "", "", "@workplan_test_bot", "@other_bot"]))
    args = draw(st.lists(ARGS, max_size=3))
    text = " ".join([f"/{name}{mention}", *args]).strip()
    return text[:4096]


TEXTS = st.one_of(commands(), HOSTILE, WORDS, JUNK_NUMBERS.filter(bool))

PREFIXES = ("imp", "und", "cl", "grp", "join", "inv", "mem", "asg", "rep", "itm", "rem", "set")
ACTIONS = (
    "cluster", "go", "no", "list", "item", "tz", "bind", "keep", "skip", "role", "org",
    "otherorg", "noorg", "toggle", "roles_done", "revoke", "menu", "coordinator", "executor",
    "observer", "remove", "done", "note", "file", "move", "info", "send", "page", "acc", "ret",
    "ok", "files", "card", "history", "executors", "close", "cancel", "shared",
    "per_organization", "", "DONE", "x" * 20, "acc:1", "__class__", "snooze", "open", "set",
    "reset", "hour", "days_before", "quiet_start", "on_the_day",
)  # fmt: skip


@st.composite
def forged_data(draw: st.DrawFn) -> str | None:
    if draw(st.integers(0, 30)) == 0:
        return None
    world_ids = st.integers(min_value=1, max_value=12).map(str)
    prefix = draw(st.sampled_from([*PREFIXES, "", "zzz", "asg ", "ASG"]))
    action = draw(st.sampled_from(ACTIONS))
    fields = draw(st.lists(st.one_of(world_ids, JUNK_NUMBERS, WORDS), min_size=0, max_size=3))
    data = ":".join([prefix, action, *fields])
    while len(data.encode()) > 64:  # Telegram delivers at most 64 bytes
        data = data[:-1]
    return data


@st.composite
def updates(draw: st.DrawFn, fuzz_people: int) -> tuple[Any, ...]:
    """One update as plain data; the runner turns it into a Telegram update."""
    kind = draw(
        st.sampled_from(
            ["text"] * 6
            + ["press"] * 4
            + ["forged"] * 4
            + ["document", "photo", "edited", "anonymous", "anonymous", "channel", "migrate"]
        )
    )
    actor = draw(st.integers(0, fuzz_people - 1))
    where = draw(WHERE)
    if kind == "text":
        return (kind, actor, where, draw(TEXTS), draw(st.booleans()))
    if kind == "press":
        return (kind, actor, where, draw(st.integers(0, 63)))
    if kind == "forged":
        return (kind, actor, where, draw(forged_data()), draw(st.integers(0, 5)) == 0)
    if kind == "document":
        name = draw(st.sampled_from(["план.docx", "отчёт.pdf", "план.xlsx", "x", "a" * 200]))
        content = draw(st.binary(max_size=64))
        return (kind, actor, where, name, content, draw(st.one_of(st.just(""), TEXTS)))
    if kind == "photo":
        return (kind, actor, where, draw(st.one_of(st.just(""), TEXTS)))
    if kind == "edited":
        return (kind, actor, where, draw(TEXTS))
    if kind == "anonymous":
        style = draw(st.sampled_from(["anonymous_admin", "channel", "nobody"]))
        return (kind, None, where, draw(TEXTS), style)
    if kind == "channel":
        return (kind, None, None, draw(TEXTS), draw(st.booleans()))
    old = draw(st.sampled_from([-5001, -5002, -5003]))
    return (kind, None, None, old, draw(st.sampled_from([-1005001, -1005002, old * 1000])))


def realise(fuzz: Fuzz, action: tuple[Any, ...]) -> tuple[Update | None, FakeUser | None]:
    kind, actor_index, where, *rest = action
    actor = fuzz.world.people[actor_index] if actor_index is not None else None
    if kind == "text":
        assert actor is not None
        return fuzz.text(actor, where, rest[0], rest[1]), actor
    if kind == "press":
        assert actor is not None
        return fuzz.press_real(actor, where, rest[0]), actor
    if kind == "forged":
        assert actor is not None
        return fuzz.press_forged(actor, where, rest[0], rest[1]), actor
    if kind == "document":
        assert actor is not None
        return fuzz.document(actor, where, *rest), actor
    if kind == "photo":
        assert actor is not None
        return fuzz.photo(actor, where, rest[0]), actor
    if kind == "edited":
        assert actor is not None
        return fuzz.edited(actor, where, rest[0]), actor
    if kind == "anonymous":
        return fuzz.anonymous(where, rest[0], rest[1]), None
    if kind == "channel":
        return fuzz.channel_post(rest[0], rest[1]), None
    # Telegram's own service message: the only update here a rightless sender may change by.
    return fuzz.migration(rest[0], rest[1]), fuzz.world.admin


def run_actions(
    fuzz: Fuzz, loop: asyncio.AbstractEventLoop, actions: list[tuple[Any, ...]]
) -> None:
    for action in actions:
        update, actor = realise(fuzz, action)
        if update is not None:
            loop.run_until_complete(fuzz.feed(update, actor))


PEOPLE = 8  # len(FuzzWorld.people)


@pytest.mark.timeout(600)  # a loaded machine: the figures are in the report, not asserted
def test_random_sequences_of_updates_from_everyone_break_nothing(
    fuzz_run: tuple[Fuzz, asyncio.AbstractEventLoop],
) -> None:
    fuzz, loop = fuzz_run

    @fuzz_settings(0.4)
    @given(st.lists(updates(PEOPLE), min_size=1, max_size=2))
    def check(actions: list[tuple[Any, ...]]) -> None:
        run_actions(fuzz, loop, actions)

    check()


@pytest.mark.timeout(600)
def test_hostile_texts_and_commands_from_everyone_break_nothing(
    fuzz_run: tuple[Fuzz, asyncio.AbstractEventLoop],
) -> None:
    fuzz, loop = fuzz_run

    @fuzz_settings(0.3)
    @given(st.integers(0, PEOPLE - 1), WHERE, TEXTS, st.booleans())
    def check(actor: int, where: str, text: str, reply: bool) -> None:
        run_actions(fuzz, loop, [("text", actor, where, text, reply)])

    check()


@pytest.mark.timeout(600)
def test_forged_and_stale_buttons_from_everyone_break_nothing(
    fuzz_run: tuple[Fuzz, asyncio.AbstractEventLoop],
) -> None:
    fuzz, loop = fuzz_run

    @fuzz_settings(0.3)
    @given(
        st.integers(0, PEOPLE - 1),
        WHERE,
        st.one_of(
            st.tuples(st.just("forged"), forged_data(), st.integers(0, 5).map(lambda n: n == 0)),
            st.tuples(st.just("press"), st.integers(0, 63)),
        ),
    )
    def check(actor: int, where: str, press: tuple[Any, ...]) -> None:
        run_actions(fuzz, loop, [(press[0], actor, where, *press[1:])])

    check()


# --- regression tests: what the fuzzer found -----------------------------------------------------


@pytest.fixture
async def fuzz(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    engine: AsyncEngine,
    sender: Sender,
    translations: Translations,
) -> AsyncIterator[Fuzz]:
    """The fuzzer's world and checks on the ordinary fixtures, for one update at a time."""
    errors = ErrorRecords()
    logging.getLogger().addHandler(errors)
    try:
        world = await seed_fuzz_world(session_factory, fake)
        yield Fuzz(
            dispatcher,
            bot,
            fake,
            session_factory,
            sender,
            world,
            forbidden_texts(translations),
            errors,
            WriteCounter(engine),
            await snapshot(session_factory, world.clusters),
        )
    finally:
        logging.getLogger().removeHandler(errors)


def answer_to(fake: FakeTelegram, query_id: str) -> str:
    (answer,) = [
        c for c in fake.calls_of("answerCallbackQuery") if c.params["callback_query_id"] == query_id
    ]
    return str(answer.params.get("text") or "")


FORGED_IDS = [
    "asg:done:2147483648",
    "asg:done:9223372036854775808",
    "asg:info:-1",
    "rep:acc:2147483648",
    "rep:acc:9223372036854775808",
    "rep:files:99999999999999999999",
    "itm:card:9223372036854775808",
    "itm:page:1:2147483648",
    "inv:revoke:9223372036854775808",
    "mem:menu:2147483648",
    "mpg:1:9223372036854775808",
    "und:item:1:9223372036854775808",
    "grp:bind:9223372036854775808",
    "cl:tz:2147483648",
    "imp:go:9223372036854775808",
]


@pytest.mark.parametrize("data", FORGED_IDS)
@pytest.mark.parametrize("who", ["coordinator", "admin", "head"])
async def test_a_button_whose_id_no_integer_column_holds_is_a_stale_button(
    fuzz: Fuzz, data: str, who: str
) -> None:
    """Defect 12: ids ≥ 2^63 overflowed SQLite (ERROR and the apology), ids ≥ 2^31 overflow
    PostgreSQL's INTEGER; bounded callback fields make such data not parse at all."""
    user = {"coordinator": fuzz.world.coordinator, "admin": fuzz.world.admin}.get(
        who, fuzz.world.heads[0]
    )
    update = fuzz.press_forged(user, "private", data, old=False)
    await fuzz.feed(update, fuzz.world.stranger)  # and nothing changes anywhere
    assert "кнопка устарела" in answer_to(fuzz.fake, "forged-0")


@pytest.mark.parametrize(
    "data", ["asg:zzz:1", "asg::1", "rep:acc:x", "itm:card:1:2:3", "mem", "join:keep:1", "zzz:1"]
)
async def test_a_button_with_junk_actions_or_fields_is_a_stale_button(
    fuzz: Fuzz, data: str
) -> None:
    update = fuzz.press_forged(fuzz.world.coordinator, "private", data, old=False)
    await fuzz.feed(update, fuzz.world.stranger)
    assert "кнопка устарела" in answer_to(fuzz.fake, "forged-0")


@pytest.mark.parametrize("command", ["/plan", "/item 1", "/history 1", "/done 1", "/bind"])
@pytest.mark.parametrize("style", ["anonymous_admin", "channel", "nobody"])
@pytest.mark.parametrize("where", ["group", "topic"])
async def test_a_group_command_without_a_person_behind_it_asks_to_write_under_ones_own_name(
    fuzz: Fuzz, command: str, style: str, where: str
) -> None:
    """Defect 13: an anonymous admin (sender_chat is the group), a channel, or no `from` at all:
    never an assert or an apology, and no «send /start» the sender cannot act on."""
    await fuzz.feed(fuzz.anonymous(where, command, style), None)
    (reply,) = fuzz.fake.calls_of("sendMessage")
    assert "от своего имени" in reply.params["text"]
    assert reply.params["chat_id"] == fuzz.world.group.id


async def test_a_coordinator_of_another_cluster_cannot_take_a_bound_group(fuzz: Fuzz) -> None:
    """Found by the fuzzer: /bind in a group bound to another cluster broke the unique group
    id (ERROR and the apology). The group stays with its cluster; the coordinator is told why."""
    world = fuzz.world
    await fuzz.feed(fuzz.text(world.other_coordinator, "group", "/bind", False), world.observer)
    (refusal,) = fuzz.fake.calls_of("sendMessage")
    assert "уже привязана к кластеру «Кластер транспорта»" in refusal.params["text"]


async def test_a_coordinator_of_both_clusters_moves_the_group_to_the_other_cluster(
    fuzz: Fuzz,
) -> None:
    world = fuzz.world
    await fuzz.feed(fuzz.text(world.admin, "group", "/bind", False), world.admin)
    choice = fuzz.fake.last_message_to(world.group.id)
    await fuzz.feed(fuzz.fake.press(world.admin, choice, "Кластер энергетики"), world.admin)
    assert "привязана к кластеру «Кластер энергетики»" in str(
        fuzz.fake.last_message_to(world.group.id).text
    )
    bound = await snapshot(fuzz.factory, world.clusters)
    assert bound[(world.cluster_b, "cluster")][0][3] == world.group.id
    assert bound[(world.cluster_a, "cluster")][0][3] is None
