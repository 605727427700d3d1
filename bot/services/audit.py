"""Audit trail: every state change writes one row in the same transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from storage.models import AuditEntry
from storage.uow import Storage


async def record(
    storage: Storage,
    *,
    at: datetime,
    action: str,
    entity: str,
    entity_id: int | None,
    actor_id: int | None = None,
    cluster_id: int | None = None,
    **details: Any,
) -> None:
    await storage.audit.add(
        AuditEntry(
            cluster_id=cluster_id,
            actor_id=actor_id,
            entity=entity,
            entity_id=entity_id,
            action=action,
            details=details,
            created_at=at,
        )
    )
