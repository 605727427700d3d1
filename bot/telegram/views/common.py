"""Small text helpers shared by the views: shortening, chunking, due labels."""

from __future__ import annotations

from datetime import date

from bot.i18n import Translator

MESSAGE_LIMIT = 3800  # Telegram allows 4096 characters; keep room for markup
PREVIEW_LIST_LIMIT = 10


def short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def limited(t: Translator, lines: list[str], limit: int = PREVIEW_LIST_LIMIT) -> str:
    shown = lines[:limit]
    if len(lines) > limit:
        shown.append(t("list-more", count=len(lines) - limit))
    return "\n".join(shown)


def chunks(lines: list[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Lines joined into messages of at most ``limit`` characters, split between lines; a line
    longer than a message is split at spaces (its words are never cut unless one is longer)."""
    result: list[str] = []
    current = ""
    for line in (part for whole in lines for part in _fit(whole, limit)):
        if current and len(current) + len(line) + 1 > limit:
            result.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line
    if current:
        result.append(current)
    return result


def _fit(line: str, limit: int) -> list[str]:
    parts: list[str] = []
    while len(line) > limit:
        cut = line.rfind(" ", 0, limit)
        cut = cut if cut > limit // 2 else limit
        parts.append(line[:cut].rstrip())
        line = line[cut:].lstrip()
    parts.append(line)
    return parts


def due_label(t: Translator, due: date, today: date) -> str:
    days = (due - today).days
    if days < 0:
        return t("due-overdue", date=due, days=-days)
    if days == 0:
        return t("due-today", date=due)
    return t("due-in", date=due, days=days)
