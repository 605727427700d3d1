"""Notices: what people must be told, recorded by services and rendered by the Telegram edge.

A notice names its kind, its recipient (a person, or a group chat) and the ids it is about; the
text and the buttons are made when it is sent, in the recipient's language, from the data as it
is then. A notice is queued once per ``dedup_key``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class NoticeKind(StrEnum):
    REPORT_SUBMITTED = "report_submitted"  # to a coordinator: a done report awaits a decision
    EXTENSION_REQUESTED = "extension_requested"  # to a coordinator: move a deadline?
    REPORT_ACCEPTED = "report_accepted"  # to the author
    REPORT_RETURNED = "report_returned"  # to the author, with the reason
    EXTENSION_APPROVED = "extension_approved"  # to the author
    EXTENSION_REJECTED = "extension_rejected"  # to the author
    START_LINK = "start_link"  # to a group: ask a member to open a private chat with the bot
    DIGEST = "digest"  # to an executor: the day's reminders, one message (or parts) a day
    COORDINATOR_DIGEST = "coordinator_digest"  # to a coordinator: escalations, undated, waiting
    PERSON_UNREACHABLE = "person_unreachable"  # to a coordinator: Telegram refuses a member
    WEEKLY_SUMMARY = "weekly_summary"  # to a cluster's group (or its coordinators): the week


# Notices about one report: they carry ``report_id`` and are rendered from it.
REPORT_KINDS = frozenset(
    {
        NoticeKind.REPORT_SUBMITTED,
        NoticeKind.EXTENSION_REQUESTED,
        NoticeKind.REPORT_ACCEPTED,
        NoticeKind.REPORT_RETURNED,
        NoticeKind.EXTENSION_APPROVED,
        NoticeKind.EXTENSION_REJECTED,
    }
)


# Reminders: never sent in quiet hours, and only on their own local day (the weekly summary:
# in its own week).
REMINDER_KINDS = frozenset(
    {NoticeKind.DIGEST, NoticeKind.COORDINATOR_DIGEST, NoticeKind.WEEKLY_SUMMARY}
)


@dataclass(frozen=True, slots=True)
class Notice:
    kind: NoticeKind
    dedup_key: str
    person_id: int | None = None  # a person's private chat…
    chat_id: int | None = None  # …or a group chat
    thread_id: int | None = None
    cluster_id: int | None = None
    # Ids and a few plain values (str, int, ISO dates) the text is made from.
    payload: dict[str, str | int | None] = field(default_factory=dict)
    silent: bool = False

    def __post_init__(self) -> None:
        if (self.person_id is None) == (self.chat_id is None):
            raise ValueError("a notice goes to a person or to a chat, exactly one of them")
