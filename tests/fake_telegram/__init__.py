"""A fake Telegram Bot API for tests: in-process (RecordingSession) or over HTTP on loopback."""

from tests.fake_telegram.core import (
    Call,
    Chaos,
    FakeChat,
    FakeTelegram,
    FakeUser,
    RateLimits,
    StoredMessage,
)
from tests.fake_telegram.server import FakeTelegramServer
from tests.fake_telegram.session import RecordingSession

__all__ = [
    "Call",
    "Chaos",
    "FakeChat",
    "FakeTelegram",
    "FakeTelegramServer",
    "FakeUser",
    "RateLimits",
    "RecordingSession",
    "StoredMessage",
]
