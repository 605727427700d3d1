"""The daily digests as people read them: grouped lines, each item with its buttons; a digest
longer than a message is split between items, never inside one, each part with the buttons
of its own items."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.notices import NoticeKind
from bot.domain.reminders import Reason
from bot.i18n import Html, Translator
from bot.services.reminders import Digest, Entry
from bot.telegram.callbacks import (
    AssignmentCallback,
    ItemCallback,
    ReminderCallback,
    UndatedCallback,
)
from bot.telegram.views.common import MESSAGE_LIMIT, due_label, short

# Items per message: each brings up to three buttons, and a message holds at most 100.
ITEMS_PER_PART = 20
TEXT_LIMIT = 120  # characters of an item's text in a digest line

# Groups in the order they are read; the coordinator's come first in their digest.
EXECUTOR_GROUPS = (Reason.OVERDUE, Reason.DUE_TODAY, Reason.BEFORE, Reason.CHECKIN)
COORDINATOR_GROUPS = (Reason.ESCALATION, Reason.AWAITING_DECISION, Reason.UNDATED)


@dataclass(frozen=True, slots=True)
class DigestPart:
    text: str
    keyboard: InlineKeyboardMarkup | None


def _line(t: Translator, entry: Entry, digest: Digest) -> str:
    text = short(entry.text, TEXT_LIMIT)
    who = Html(t("digest-of", organization=entry.organization)) if entry.organization else ""
    if entry.reason is Reason.UNDATED:
        return t("digest-line-undated", number=entry.number, text=text)
    assert entry.due is not None  # only undated entries have no due day
    if entry.reason is Reason.AWAITING_DECISION:
        return t("digest-line-awaiting", number=entry.number, text=text, who=who)
    if entry.reason is Reason.CHECKIN:
        return t("digest-line-checkin", number=entry.number, text=text, who=who, date=entry.due)
    due = Html(due_label(t, entry.due, digest.day))
    return t("digest-line", number=entry.number, text=text, who=who, due=due)


def _header(t: Translator, digest: Digest) -> list[str]:
    key = "digest-title" if digest.kind is NoticeKind.DIGEST else "digest-coordinator-title"
    lines = [t(key, cluster=digest.cluster.name, date=digest.day)]
    if digest.missed_days:
        lines.append(t("digest-missed"))
    return lines


def _footer(t: Translator, digest: Digest, entries: Sequence[Entry]) -> str:
    if digest.kind is NoticeKind.COORDINATOR_DIGEST:
        return t("digest-coordinator-hint")
    return t("digest-hint-one") if len(entries) == 1 else t("digest-hint-many")


def _buttons(t: Translator, digest: Digest, entries: Sequence[Entry]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    sizes: list[int] = []
    one = len(entries) == 1
    seen_items: set[int] = set()
    for entry in entries:
        if digest.kind is NoticeKind.DIGEST and entry.assignment_id is not None:
            assignment_id = entry.assignment_id
            builder.button(
                text=t("button-done") if one else t("my-button-done", number=entry.number),
                callback_data=AssignmentCallback(action="done", assignment_id=assignment_id),
            )
            builder.button(
                text=t("digest-button-info") if one else t("my-button-more", number=entry.number),
                callback_data=AssignmentCallback(action="info", assignment_id=assignment_id),
            )
            builder.button(
                text=t("digest-button-snooze")
                if one
                else t("digest-button-snooze-short", number=entry.number),
                callback_data=ReminderCallback(action="snooze", assignment_id=assignment_id),
            )
            sizes.extend([1, 2] if one else [3])
        elif entry.item_id not in seen_items:
            seen_items.add(entry.item_id)
            if entry.reason is Reason.UNDATED:
                builder.button(
                    text=t("digest-button-set-date", number=entry.number),
                    callback_data=UndatedCallback(
                        action="item", cluster_id=digest.cluster.id, item_id=entry.item_id
                    ),
                )
            else:
                builder.button(
                    text=t("digest-button-card", number=entry.number),
                    callback_data=ItemCallback(action="card", item_id=entry.item_id),
                )
            sizes.append(1)
    if digest.kind is NoticeKind.COORDINATOR_DIGEST:
        # Up to three item buttons a row keeps a long list short on a phone.
        count = sum(sizes)
        sizes = [3] * (count // 3) + ([count % 3] if count % 3 else [])
    builder.adjust(*sizes)
    return builder.as_markup()


def _grouped(digest: Digest) -> list[tuple[Reason, list[Entry]]]:
    order = EXECUTOR_GROUPS if digest.kind is NoticeKind.DIGEST else COORDINATOR_GROUPS
    groups = []
    for reason in order:
        entries = [e for e in digest.entries if e.reason is reason]
        if entries:
            groups.append((reason, entries))
    return groups


def render_digest(t: Translator, digest: Digest) -> list[DigestPart]:
    """The digest in one message, or in parts split between items (never inside one)."""
    header = "\n".join(_header(t, digest))
    # Each part: (lines, entries); a group heading starts a group and is repeated in a part
    # that continues it.
    parts: list[tuple[list[str], list[Entry]]] = []
    lines: list[str] = [header]
    entries: list[Entry] = []
    size = len(header)
    budget = MESSAGE_LIMIT - 300  # the footer and a continuation heading
    for reason, group in _grouped(digest):
        heading = t(f"digest-group-{reason.value}", count=len(group))
        pending_heading: str | None = "\n" + heading
        for entry in group:
            line = _line(t, entry, digest)
            extra = len(line) + 1 + (len(pending_heading) + 1 if pending_heading else 0)
            if entries and (size + extra > budget or len(entries) >= ITEMS_PER_PART):
                parts.append((lines, entries))
                lines, entries, size = [t("digest-continued")], [], 0
                pending_heading = "\n" + heading
                extra = len(line) + 1 + len(pending_heading) + 1
            if pending_heading:
                lines.append(pending_heading)
                pending_heading = None
            lines.append(line)
            entries.append(entry)
            size += extra
    if entries:
        parts.append((lines, entries))
    total = len(parts)
    result = []
    for index, (part_lines, part_entries) in enumerate(parts):
        text_lines = list(part_lines)
        if total > 1:
            text_lines.append("\n" + t("digest-part", part=index + 1, parts=total))
        text_lines.append("\n" + _footer(t, digest, part_entries))
        result.append(DigestPart("\n".join(text_lines), _buttons(t, digest, part_entries)))
    return result
