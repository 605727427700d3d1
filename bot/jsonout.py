"""ParsedDocument → the JSON contract of `workplan import --format json` (stable keys)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from bot.domain.deadlines import Deadline, Period
from bot.domain.documents import ParsedDocument, ParsedItem, ParseWarning
from bot.i18n import Translator, default_translations

if TYPE_CHECKING:
    from bot.services.reminders import Digest


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _period(period: Period | None) -> dict[str, str] | None:
    if period is None:
        return None
    return {"start": period.start.isoformat(), "end": period.end.isoformat()}


def _deadline(deadline: Deadline) -> dict[str, Any]:
    return {
        "text": deadline.text,
        "kind": deadline.kind.value,
        "occurrences": [
            {"start": _date(o.start), "due": o.due.isoformat()} for o in deadline.occurrences
        ],
    }


def _item(item: ParsedItem) -> dict[str, Any]:
    return {
        "number": item.number,
        "section": item.section,
        "text": item.text,
        "executors": list(item.executors),
        "result": item.result,
        "done": item.done,
        "deadline": _deadline(item.deadline),
        "executors_text": item.executors_text,
        "notes": list(item.notes),
        "indicators": [
            {"text": i.text, "year": i.year, "target": i.target} for i in item.indicators
        ],
        "mark": item.mark_text,
    }


def render_warning(warning: ParseWarning, t: Translator | None = None) -> str:
    t = t or default_translations().get("ru")
    return t(warning.code, **warning.args).replace("<b>", "").replace("</b>", "")


def document_to_json(doc: ParsedDocument, t: Translator | None = None) -> dict[str, Any]:
    return {
        "document": {
            "kind": doc.kind.value,
            "title": doc.title,
            "date": _date(doc.date),
            "period": _period(doc.period),
            "number": doc.number,
            "approver": doc.approver,
        },
        "items": [_item(item) for item in doc.items],
        "roles": [{"name": role.name, "aliases": list(role.aliases)} for role in doc.roles],
        "warnings": [render_warning(w, t) for w in doc.warnings],
    }


def digests_to_json(day: date, digests: Sequence[Digest]) -> dict[str, Any]:
    """`workplan reminders preview --format json` (a contract; keys may be added)."""
    return {
        "date": day.isoformat(),
        "messages": [
            {
                "cluster": digest.cluster.name,
                "person": digest.person.full_name,
                "telegram_id": digest.person.telegram_id,
                "send_at": digest.send_at.isoformat(timespec="seconds"),
                "kind": digest.kind.value,
                "since": digest.since.isoformat(),
                "items": [
                    {
                        "number": entry.number,
                        "due": _date(entry.due),
                        "reason": entry.reason.value,
                        "days": entry.days,
                        "organization": entry.organization,
                        "assignment_id": entry.assignment_id,
                    }
                    for entry in digest.entries
                ],
            }
            for digest in digests
        ],
    }
