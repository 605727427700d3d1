"""A fake Telegram for one bot: scripted users, Bot API method handlers, a record of calls.

Both transports use it — the loopback HTTP server (server.py) and the in-process
RecordingSession (session.py) — so a test behaves the same over either.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import math
import random
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from aiogram.types import Update

BOT_ID = 123456
TOKEN = f"{BOT_ID}:TEST-TOKEN-abcdefghijklmnopqrstuvwxyz"

INT_FIELDS = frozenset(
    {
        "chat_id",
        "message_id",
        "user_id",
        "offset",
        "limit",
        "timeout",
        "message_thread_id",
        "reply_to_message_id",
        "from_chat_id",
        "cache_time",
    }
)
BOOL_FIELDS = frozenset(
    {
        "show_alert",
        "drop_pending_updates",
        "disable_notification",
        "protect_content",
        "disable_web_page_preview",
    }
)
SENDING_METHODS = frozenset({"sendMessage", "sendDocument", "sendPhoto"})

# Telegram's limits on what a bot sends (https://core.telegram.org/bots/api).
MESSAGE_TEXT_LIMIT = 4096  # UTF-16 code units of the text after entity parsing
CAPTION_LIMIT = 1024
CALLBACK_ANSWER_LIMIT = 200
CALLBACK_DATA_LIMIT = 64  # bytes
TEXT_METHODS = frozenset({"sendMessage", "editMessageText"})
CAPTION_METHODS = frozenset({"sendDocument", "sendPhoto", "editMessageCaption"})
KEYBOARD_METHODS = TEXT_METHODS | CAPTION_METHODS | {"editMessageReplyMarkup"}
# Telegram's HTML subset: tag → the attributes that make it that tag (None: any or none).
HTML_TAGS: dict[str, dict[str, str] | None] = {
    **dict.fromkeys(
        ("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler", "code"), None
    ),
    **dict.fromkeys(("a", "pre", "blockquote", "tg-emoji"), None),
    "span": {"class": "tg-spoiler"},
}
REQUIRED_ATTRIBUTES = {"a": "href", "tg-emoji": "emoji-id"}
ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#[0-9]+|#[xX][0-9a-fA-F]+);")


def utf16_length(text: str) -> int:
    """The length Telegram counts: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


class HtmlError(ValueError):
    pass


class _TelegramHtml(HTMLParser):
    """Telegram's HTML parse_mode: the allowed tags only, balanced and nested, valid entities."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.visible: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_TAGS:
            raise HtmlError(f'Unsupported start tag "{tag}"')
        values = dict(attrs)
        for name, value in (HTML_TAGS[tag] or {}).items():
            if values.get(name) != value:
                raise HtmlError(f'Tag "{tag}" must have attribute {name}="{value}"')
        required = REQUIRED_ATTRIBUTES.get(tag)
        if required is not None and not values.get(required):
            raise HtmlError(f'Tag "{tag}" must have attribute "{required}"')
        self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise HtmlError(f'Unsupported start tag "{tag}/"')

    def handle_endtag(self, tag: str) -> None:
        if not self.open:
            raise HtmlError(f'Unexpected end tag "{tag}"')
        if self.open[-1] != tag:
            raise HtmlError(f'Unmatched end tag "{tag}", expected "</{self.open[-1]}>"')
        self.open.pop()

    def handle_data(self, data: str) -> None:
        if "<" in data:
            raise HtmlError('Unexpected "<": a bare "<" must be written &lt;')
        self.visible.append(data)

    def handle_entityref(self, name: str) -> None:
        self.visible.append({"lt": "<", "gt": ">", "amp": "&", "quot": '"'}[name])

    def handle_charref(self, name: str) -> None:
        code = int(name[1:], 16) if name[:1] in ("x", "X") else int(name)
        self.visible.append(chr(code) if 0 < code <= 0x10FFFF else "\ufffd")

    def handle_comment(self, data: str) -> None:
        raise HtmlError("Comments are not supported")

    def handle_decl(self, decl: str) -> None:
        raise HtmlError("Declarations are not supported")

    def handle_pi(self, data: str) -> None:
        raise HtmlError("Processing instructions are not supported")

    def unknown_decl(self, data: str) -> None:
        raise HtmlError("Declarations are not supported")


def visible_text(text: str, parse_mode: str | None) -> str:
    """The text a person sees, as Telegram parses it; HtmlError when Telegram refuses it."""
    if (parse_mode or "").upper() != "HTML":
        return text
    for position, char in enumerate(text):
        if char == "&" and not ENTITY.match(text, position):
            offset = len(text[:position].encode())
            raise HtmlError(f'Unsupported or unterminated entity "&" at byte offset {offset}')
    parser = _TelegramHtml()
    parser.feed(text)
    parser.close()
    if parser.open:
        raise HtmlError(f"Can't find end tag corresponding to start tag {parser.open[-1]!r}")
    return "".join(parser.visible)


def decode_params(raw: dict[str, Any]) -> dict[str, Any]:
    """Turn Bot API form fields (all strings, nested objects as JSON) into plain values."""
    params: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, str):
            stripped = value.strip()
            if stripped[:1] in ("{", "[") and key not in ("text", "caption"):
                with contextlib.suppress(ValueError):
                    value = json.loads(stripped)
            elif key in INT_FIELDS and stripped.lstrip("-").isdigit():
                value = int(stripped)
            elif key in BOOL_FIELDS and stripped in ("true", "false"):
                value = stripped == "true"
        params[key] = value
    return params


@dataclass(frozen=True)
class FakeUser:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = "ru"

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data


@dataclass(frozen=True)
class FakeChat:
    id: int
    type: str
    title: str | None = None
    is_forum: bool = False

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.title:
            data["title"] = self.title
        if self.is_forum:
            data["is_forum"] = True
        return data


@dataclass
class StoredMessage:
    """A message in a chat, sent by the bot or by a scripted user."""

    chat_id: int
    message_id: int
    text: str | None = None
    parse_mode: str | None = None
    reply_markup: dict[str, Any] | None = None
    thread_id: int | None = None
    document: dict[str, Any] | None = None
    from_bot: bool = True
    raw: dict[str, Any] = field(default_factory=dict)

    def buttons(self) -> list[dict[str, Any]]:
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]]
    at: float
    status: int = 200
    response: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RateLimits:
    """Telegram's limits on sends, enforced when ``FakeTelegram.enforce_rate_limits`` is on:
    over all chats per second, per private chat per second, per group (chat id < 0) per minute."""

    global_per_second: int = 30
    per_chat_per_second: int = 1
    per_group_per_minute: int = 20


@dataclass
class Chaos:
    """Random faults on sends, from a seeded RNG so a failing run can be repeated.

    ``server_errors`` of the sends are answered 500 or 502; ``timeouts`` of them are held for
    ``timeout_delay`` seconds (past the client's request timeout) and then refused — the
    request stalled before Telegram took it, so nothing was delivered; every send to a user in
    ``blocked`` is answered 403 "bot was blocked by the user"."""

    seed: int = 0
    server_errors: float = 0.0
    timeouts: float = 0.0
    timeout_delay: float = 5.0
    blocked: frozenset[int] = frozenset()
    rng: random.Random = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)


@dataclass
class Fault:
    method: str
    status: int
    description: str
    retry_after: int | None
    times: int
    delay: float | None


class ApiError(Exception):
    def __init__(self, status: int, description: str, **parameters: Any) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters


class FakeTelegram:
    """State of a fake Telegram for one bot. Not thread-safe: use it from one event loop."""

    def __init__(
        self,
        token: str = TOKEN,
        bot_username: str = "workplan_test_bot",
        bot_name: str = "План работы",
        *,
        rate_limits: RateLimits | None = None,
        chaos: Chaos | None = None,
    ) -> None:
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_username = bot_username
        self.bot_name = bot_name
        self.calls: list[Call] = []
        self.unexpected_calls: list[Call] = []
        # Every call Telegram would refuse for breaking its rules: a test fails on any of them
        # (tests/conftest.py checks the list is empty when a test ends).
        self.violations: list[str] = []
        self._answered_queries: set[str] = set()
        # Telegram refuses an edit that changes nothing ("message is not modified").
        self.refuse_unmodified_edits = True
        # Off unless asked: Telegram's limits (``rate_limits``) answered with 429 past them.
        self.enforce_rate_limits = rate_limits is not None
        self.rate_limits = rate_limits or RateLimits()
        self.chaos = chaos
        # What the faults did, for a test or a benchmark to report.
        self.rate_limited = 0  # sends answered 429 for going past ``rate_limits``
        self.chaos_counts: dict[str, int] = {"server_error": 0, "timeout": 0, "blocked": 0}
        # Seconds each send takes to answer (a real round trip), and the most sends that were
        # being answered at once: a sender that sends one at a time never gets past 1.
        self.send_latency = 0.0
        self.sends_in_progress = 0
        self.max_sends_in_progress = 0
        self.files: dict[str, tuple[str, bytes, str]] = {}  # file_id -> (file_path, bytes, name)
        self._updates: deque[dict[str, Any]] = deque()
        self._update_ids = itertools.count(1)
        self._file_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._messages: dict[int, dict[int, StoredMessage]] = {}
        self._faults: list[Fault] = []
        self._sent_at: dict[int, deque[float]] = {}
        self._sent_global: deque[float] = deque()
        self._new_update = asyncio.Event()
        self._new_call = asyncio.Event()
        self._cursors: dict[str, int] = {}
        self.closed = False

    # --- scripting users ---------------------------------------------------------------------

    def user(
        self,
        id: int,
        first_name: str,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "ru",
    ) -> FakeUser:
        return FakeUser(id, first_name, last_name, username, language_code)

    def group(
        self, chat_id: int, title: str, *, supergroup: bool = True, is_forum: bool = False
    ) -> FakeChat:
        return FakeChat(chat_id, "supergroup" if supergroup else "group", title, is_forum)

    def private_chat(self, user: FakeUser) -> FakeChat:
        return FakeChat(user.id, "private")

    def _next_message_id(self, chat_id: int) -> int:
        counter = self._message_ids.setdefault(chat_id, itertools.count(1))
        return next(counter)

    def _user_message(
        self, user: FakeUser, chat: FakeChat | None, thread_id: int | None, **content: Any
    ) -> dict[str, Any]:
        chat = chat or self.private_chat(user)
        message: dict[str, Any] = {
            "message_id": self._next_message_id(chat.id),
            "date": int(time.time()),
            "chat": chat.as_json(),
            "from": user.as_json(),
            **content,
        }
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            message["is_topic_message"] = True
        self._store(
            StoredMessage(
                chat.id,
                message["message_id"],
                text=content.get("text"),
                thread_id=thread_id,
                document=content.get("document"),
                from_bot=False,
                raw=message,
            )
        )
        return message

    def push_update(self, payload: dict[str, Any]) -> Update:
        update = {"update_id": next(self._update_ids), **payload}
        self._updates.append(update)
        self._new_update.set()
        return Update.model_validate(update, context={"bot": None})

    def send_text(
        self,
        user: FakeUser,
        text: str,
        *,
        chat: FakeChat | None = None,
        reply_to: StoredMessage | None = None,
        thread_id: int | None = None,
    ) -> Update:
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split()[0]
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        if reply_to is not None:
            content["reply_to_message"] = self._as_message_json(reply_to)
        return self.push_update({"message": self._user_message(user, chat, thread_id, **content)})

    def _new_file(self, content: bytes, name: str) -> dict[str, Any]:
        number = next(self._file_ids)
        file_id = f"FILE{number:06d}"
        path = f"documents/file_{number}_{name}"
        self.files[file_id] = (path, content, name)
        return {"file_id": file_id, "file_unique_id": f"U{number:06d}", "file_size": len(content)}

    def send_document(
        self,
        user: FakeUser,
        filename: str,
        content: bytes,
        *,
        caption: str | None = None,
        mime_type: str | None = None,
        chat: FakeChat | None = None,
    ) -> Update:
        document = {**self._new_file(content, filename), "file_name": filename}
        if mime_type:
            document["mime_type"] = mime_type
        extra: dict[str, Any] = {"caption": caption} if caption else {}
        message = self._user_message(user, chat, None, document=document, **extra)
        return self.push_update({"message": message})

    def send_photo(
        self,
        user: FakeUser,
        content: bytes,
        *,
        caption: str | None = None,
        chat: FakeChat | None = None,
    ) -> Update:
        size = {**self._new_file(content, "photo.jpg"), "width": 640, "height": 480}
        extra: dict[str, Any] = {"caption": caption} if caption else {}
        return self.push_update(
            {"message": self._user_message(user, chat, None, photo=[size], **extra)}
        )

    def press(self, user: FakeUser, message: StoredMessage, button: str) -> Update:
        """Press an inline button of a bot message by its text or its callback data."""
        for candidate in message.buttons():
            if button in (candidate.get("text"), candidate.get("callback_data")):
                data = candidate.get("callback_data")
                break
        else:
            labels = [b.get("text") for b in message.buttons()]
            raise AssertionError(f"no button {button!r} on message {message.message_id}: {labels}")
        query = {
            "id": str(next(self._update_ids) * 7),
            "from": user.as_json(),
            "chat_instance": str(message.chat_id),
            "message": self._as_message_json(message),
            "data": data,
        }
        return self.push_update({"callback_query": query})

    def migrate_group(self, group: FakeChat, new_chat_id: int) -> Update:
        message = {
            "message_id": self._next_message_id(group.id),
            "date": int(time.time()),
            "chat": {**group.as_json(), "type": "group"},
            "migrate_to_chat_id": new_chat_id,
        }
        return self.push_update({"message": message})

    def add_bot_to_group(self, user: FakeUser, group: FakeChat) -> Update:
        bot_user = {"id": self.bot_id, "is_bot": True, "first_name": self.bot_name}
        message = self._user_message(user, group, None, new_chat_members=[bot_user])
        return self.push_update({"message": message})

    # --- what the bot did ---------------------------------------------------------------------

    def _store(self, message: StoredMessage) -> None:
        self._messages.setdefault(message.chat_id, {})[message.message_id] = message

    def sent_counts(self) -> dict[int, int]:
        """How many messages the bot sent to each chat."""
        return {
            chat_id: sum(1 for m in messages.values() if m.from_bot)
            for chat_id, messages in self._messages.items()
            if any(m.from_bot for m in messages.values())
        }

    def messages_to(self, chat_id: int) -> list[StoredMessage]:
        """Messages the bot sent to a chat, oldest first (edits applied)."""
        return [m for m in self._messages.get(chat_id, {}).values() if m.from_bot]

    def last_message_to(self, chat_id: int) -> StoredMessage:
        messages = self.messages_to(chat_id)
        assert messages, f"the bot sent nothing to chat {chat_id}"
        return messages[-1]

    def calls_of(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    def clear_calls(self) -> None:
        self.calls.clear()
        self._cursors.clear()

    async def wait_for_call(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        timeout: float = 5.0,
    ) -> Call:
        """The first matching call after the one this method returned last time for ``method``."""
        deadline = time.monotonic() + timeout
        while True:
            start = self._cursors.get(method, 0)
            for index in range(start, len(self.calls)):
                call = self.calls[index]
                if call.method == method and (predicate is None or predicate(call)):
                    self._cursors[method] = index + 1
                    return call
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                seen = [c.method for c in self.calls[-10:]]
                raise AssertionError(f"no {method} call within {timeout}s; last calls: {seen}")
            self._new_call.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_call.wait(), min(remaining, 0.2))

    # --- faults and limits --------------------------------------------------------------------

    def inject_fault(
        self,
        method: str,
        *,
        status: int = 429,
        description: str | None = None,
        retry_after: int | None = None,
        times: int = 1,
        delay: float | None = None,
    ) -> None:
        default = {
            429: "Too Many Requests: retry after %s" % (retry_after or 1),
            403: "Forbidden: bot was blocked by the user",
            400: "Bad Request: chat not found",
        }.get(status, "Internal Server Error")
        if status == 429 and retry_after is None:
            retry_after = 1
        self._faults.append(
            Fault(method, status, description or default, retry_after, times, delay)
        )

    def _take_fault(self, method: str) -> Fault | None:
        for fault in self._faults:
            if fault.method in (method, "*") and fault.times > 0:
                fault.times -= 1
                return fault
        return None

    def _check_rate(self, method: str, params: dict[str, Any]) -> None:
        """Sliding windows over the sends Telegram took: 429 with the seconds until the window
        that is full has room again (rounded up, as Telegram's ``retry_after`` is whole)."""
        if not self.enforce_rate_limits or method not in SENDING_METHODS:
            return
        limits = self.rate_limits
        now = time.monotonic()
        chat_id = params.get("chat_id")
        group = isinstance(chat_id, int) and chat_id < 0
        window, limit = (
            (60.0, limits.per_group_per_minute) if group else (1.0, limits.per_chat_per_second)
        )
        history = self._sent_at.setdefault(chat_id if isinstance(chat_id, int) else 0, deque())
        while history and now - history[0] >= window:
            history.popleft()
        while self._sent_global and now - self._sent_global[0] >= 1.0:
            self._sent_global.popleft()
        waits = []
        if len(history) >= limit:
            waits.append(window - (now - history[-limit]))
        if len(self._sent_global) >= limits.global_per_second:
            waits.append(1.0 - (now - self._sent_global[-limits.global_per_second]))
        if waits:
            self.rate_limited += 1
            retry = max(1, math.ceil(max(waits)))
            raise ApiError(429, f"Too Many Requests: retry after {retry}", retry_after=retry)
        history.append(now)
        self._sent_global.append(now)

    async def _check_chaos(self, method: str, params: dict[str, Any]) -> None:
        chaos = self.chaos
        if chaos is None or method not in SENDING_METHODS:
            return
        if params.get("chat_id") in chaos.blocked:
            self.chaos_counts["blocked"] += 1
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        roll = chaos.rng.random()
        if roll < chaos.server_errors:
            self.chaos_counts["server_error"] += 1
            status = chaos.rng.choice((500, 502))
            description = "Internal Server Error" if status == 500 else "Bad Gateway"
            raise ApiError(status, description)
        if roll < chaos.server_errors + chaos.timeouts:
            self.chaos_counts["timeout"] += 1
            await asyncio.sleep(chaos.timeout_delay)
            raise ApiError(504, "Gateway Timeout")

    # --- Telegram's rules on what a bot sends ---------------------------------------------------

    def _refuse(self, method: str, description: str, params: dict[str, Any]) -> ApiError:
        shown = {
            k: (v[:120] + "…" if isinstance(v, str) and len(v) > 120 else v)
            for k, v in params.items()
        }
        self.violations.append(f"{method}: {description} — {shown}")
        return ApiError(400, f"Bad Request: {description}")

    def _check_text(self, method: str, params: dict[str, Any], key: str, limit: int) -> None:
        text = params.get(key)
        if text is None:
            if key == "text":
                raise self._refuse(method, "message text is empty", params)
            return
        try:
            visible = visible_text(str(text), params.get("parse_mode"))
        except HtmlError as error:
            raise self._refuse(method, f"can't parse entities: {error}", params) from None
        if key == "text" and not visible.strip():
            raise self._refuse(method, "message text is empty", params)
        length = utf16_length(visible)
        if length > limit:
            what = "message is too long" if key == "text" else "message caption is too long"
            raise self._refuse(method, f"{what} ({length} > {limit})", params)

    def _check_keyboard(self, method: str, params: dict[str, Any]) -> None:
        markup = params.get("reply_markup")
        if not isinstance(markup, dict):
            return
        for row in markup.get("inline_keyboard") or []:
            for button in row:
                data = button.get("callback_data") if isinstance(button, dict) else None
                if data is None:
                    continue
                size = len(str(data).encode())
                if not 1 <= size <= CALLBACK_DATA_LIMIT:
                    raise self._refuse(
                        method, f"BUTTON_DATA_INVALID ({size} bytes: {data!r})", params
                    )

    def _check_rules(self, method: str, params: dict[str, Any]) -> None:
        """Refuse, as Telegram does, what breaks its rules — and record it as a violation."""
        if method in TEXT_METHODS:
            self._check_text(method, params, "text", MESSAGE_TEXT_LIMIT)
        if method in CAPTION_METHODS:
            self._check_text(method, params, "caption", CAPTION_LIMIT)
        if method in KEYBOARD_METHODS:
            self._check_keyboard(method, params)
        if method == "answerCallbackQuery":
            query_id = str(params.get("callback_query_id"))
            if query_id in self._answered_queries:
                raise self._refuse(
                    method,
                    "query is too old and response timeout expired or query ID is invalid"
                    f" (query {query_id} was answered already)",
                    params,
                )
            length = utf16_length(str(params.get("text") or ""))
            if length > CALLBACK_ANSWER_LIMIT:
                raise self._refuse(
                    method, f"MESSAGE_TOO_LONG ({length} > {CALLBACK_ANSWER_LIMIT})", params
                )

    # --- the Bot API --------------------------------------------------------------------------

    async def handle(
        self,
        token: str,
        method: str,
        raw_params: dict[str, Any],
        files: dict[str, tuple[str, bytes]] | None = None,
    ) -> tuple[int, dict[str, Any]]:
        """Answer one Bot API call the way Telegram does: (HTTP status, JSON body)."""
        params = decode_params(raw_params)
        call = Call(method, params, dict(files or {}), time.monotonic())
        self.calls.append(call)
        self._new_call.set()
        if method not in SENDING_METHODS:
            status, body = await self._answer(token, method, params, call)
        else:
            self.sends_in_progress += 1
            self.max_sends_in_progress = max(self.max_sends_in_progress, self.sends_in_progress)
            try:
                if self.send_latency:
                    await asyncio.sleep(self.send_latency)
                status, body = await self._answer(token, method, params, call)
            finally:
                self.sends_in_progress -= 1
        call.status, call.response = status, body
        return status, body

    async def _answer(
        self, token: str, method: str, params: dict[str, Any], call: Call
    ) -> tuple[int, dict[str, Any]]:
        if token != self.token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        handler = getattr(self, f"_api_{method.lower()}", None)
        if handler is None:
            self.unexpected_calls.append(call)
            return 404, {
                "ok": False,
                "error_code": 404,
                "description": "Not Found: method not found",
            }
        fault = self._take_fault(method)
        try:
            self._check_rules(method, params)
            if fault is not None:
                if fault.delay:
                    await asyncio.sleep(fault.delay)
                raise ApiError(fault.status, fault.description, retry_after=fault.retry_after)
            await self._check_chaos(method, params)
            self._check_rate(method, params)
            result = await handler(params, call)
        except ApiError as error:
            body: dict[str, Any] = {
                "ok": False,
                "error_code": error.status,
                "description": error.description,
            }
            parameters = {k: v for k, v in error.parameters.items() if v is not None}
            if parameters:
                body["parameters"] = parameters
            return error.status, body
        return 200, {"ok": True, "result": result}

    def _bot_json(self) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_name,
            "username": self.bot_username,
        }

    def _as_message_json(self, message: StoredMessage) -> dict[str, Any]:
        if not message.from_bot:
            return message.raw
        data: dict[str, Any] = {
            "message_id": message.message_id,
            "date": int(time.time()),
            "chat": {
                "id": message.chat_id,
                "type": "private" if message.chat_id > 0 else "supergroup",
            },
            "from": self._bot_json(),
        }
        if message.text is not None:
            data["text"] = message.text
        if message.reply_markup:
            data["reply_markup"] = message.reply_markup
        if message.thread_id is not None:
            data["message_thread_id"] = message.thread_id
        if message.document is not None:
            data["document"] = message.document
        return data

    def _find(self, params: dict[str, Any]) -> StoredMessage:
        message = self._messages.get(params.get("chat_id", 0), {}).get(params.get("message_id", 0))
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        return message

    async def _api_getme(self, params: dict[str, Any], call: Call) -> Any:
        return {**self._bot_json(), "can_join_groups": True, "can_read_all_group_messages": False}

    async def _api_getupdates(self, params: dict[str, Any], call: Call) -> Any:
        offset = params.get("offset")
        if isinstance(offset, int):
            while self._updates and self._updates[0]["update_id"] < offset:
                self._updates.popleft()
        timeout = params.get("timeout") or 0
        if not self._updates and timeout and not self.closed:
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), float(timeout))
        limit = params.get("limit") or 100
        return list(itertools.islice(self._updates, 0, limit))

    async def _api_sendmessage(self, params: dict[str, Any], call: Call) -> Any:
        chat_id = params["chat_id"]
        message = StoredMessage(
            chat_id,
            self._next_message_id(chat_id),
            text=params.get("text"),
            parse_mode=params.get("parse_mode"),
            reply_markup=params.get("reply_markup"),
            thread_id=params.get("message_thread_id"),
        )
        self._store(message)
        return self._as_message_json(message)

    async def _send_file(self, params: dict[str, Any], call: Call, field_name: str) -> Any:
        chat_id = params["chat_id"]
        value = params.get(field_name)
        if isinstance(value, str) and value.startswith("attach://"):
            name, content = call.files[value.removeprefix("attach://")]
            info = {**self._new_file(content, name), "file_name": name}
        elif isinstance(value, str) and value in self.files:
            _path, content, name = self.files[value]
            info = {"file_id": value, "file_unique_id": "U" + value, "file_name": name}
        else:
            raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        message = StoredMessage(
            chat_id,
            self._next_message_id(chat_id),
            text=params.get("caption"),
            parse_mode=params.get("parse_mode"),
            reply_markup=params.get("reply_markup"),
            thread_id=params.get("message_thread_id"),
            document=info,
        )
        self._store(message)
        data = self._as_message_json(message)
        if field_name == "photo":
            data.pop("document", None)
            data["photo"] = [{**info, "width": 640, "height": 480}]
        return data

    async def _api_senddocument(self, params: dict[str, Any], call: Call) -> Any:
        return await self._send_file(params, call, "document")

    async def _api_sendphoto(self, params: dict[str, Any], call: Call) -> Any:
        return await self._send_file(params, call, "photo")

    def _check_modified(self, method: str, params: dict[str, Any], message: StoredMessage) -> None:
        if not self.refuse_unmodified_edits:
            return
        text = params.get("text", message.text) if method == "editMessageText" else message.text
        if text == message.text and params.get("reply_markup") == message.reply_markup:
            raise self._refuse(
                method,
                "message is not modified: specified new message content and reply markup are"
                " exactly the same as a current content and reply markup of the message",
                params,
            )

    async def _api_editmessagetext(self, params: dict[str, Any], call: Call) -> Any:
        message = self._find(params)
        self._check_modified("editMessageText", params, message)
        message.text = params.get("text")
        message.parse_mode = params.get("parse_mode")
        message.reply_markup = params.get("reply_markup")
        return self._as_message_json(message)

    async def _api_editmessagereplymarkup(self, params: dict[str, Any], call: Call) -> Any:
        message = self._find(params)
        self._check_modified("editMessageReplyMarkup", params, message)
        message.reply_markup = params.get("reply_markup")
        return self._as_message_json(message)

    async def _api_deletemessage(self, params: dict[str, Any], call: Call) -> Any:
        self._find(params)
        del self._messages[params["chat_id"]][params["message_id"]]
        return True

    async def _api_answercallbackquery(self, params: dict[str, Any], call: Call) -> Any:
        self._answered_queries.add(str(params.get("callback_query_id")))
        return True

    async def _api_getfile(self, params: dict[str, Any], call: Call) -> Any:
        file_id = params.get("file_id")
        if file_id not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        path, content, _ = self.files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": "U" + file_id,
            "file_size": len(content),
            "file_path": path,
        }

    def file_content(self, path: str) -> bytes | None:
        for stored_path, content, _ in self.files.values():
            if stored_path == path:
                return content
        return None

    async def _api_setmycommands(self, params: dict[str, Any], call: Call) -> Any:
        return True

    async def _api_deletemycommands(self, params: dict[str, Any], call: Call) -> Any:
        return True

    async def _api_getmycommands(self, params: dict[str, Any], call: Call) -> Any:
        return []

    async def _api_deletewebhook(self, params: dict[str, Any], call: Call) -> Any:
        return True

    async def _api_setwebhook(self, params: dict[str, Any], call: Call) -> Any:
        return True

    async def _api_getwebhookinfo(self, params: dict[str, Any], call: Call) -> Any:
        return {
            "url": "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    async def _api_sendchataction(self, params: dict[str, Any], call: Call) -> Any:
        return True

    def close(self) -> None:
        """Wake pending long polls so a server can stop."""
        self.closed = True
        self._new_update.set()
