"""Repositories: queries and adds within one session; they flush but never commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    AuditEntry,
    Cluster,
    FsmRecord,
    Invite,
    InviteUse,
    Membership,
    Person,
)


class _Repository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _add(self, obj: Any) -> None:
        self.session.add(obj)
        await self.session.flush()


class PersonRepository(_Repository):
    async def by_telegram_id(self, telegram_id: int) -> Person | None:
        result = await self.session.execute(select(Person).where(Person.telegram_id == telegram_id))
        return result.scalar_one_or_none()

    async def get(self, person_id: int) -> Person | None:
        return await self.session.get(Person, person_id)

    async def add(self, person: Person) -> Person:
        await self._add(person)
        return person


class ClusterRepository(_Repository):
    async def get(self, cluster_id: int) -> Cluster | None:
        return await self.session.get(Cluster, cluster_id)

    async def by_name(self, name: str) -> Cluster | None:
        result = await self.session.execute(select(Cluster).where(Cluster.name == name))
        return result.scalar_one_or_none()

    async def all_active(self) -> Sequence[Cluster]:
        result = await self.session.execute(
            select(Cluster).where(Cluster.archived_at.is_(None)).order_by(Cluster.name)
        )
        return result.scalars().all()

    async def add(self, cluster: Cluster) -> Cluster:
        await self._add(cluster)
        return cluster


class MembershipRepository(_Repository):
    async def active_of_person(self, person_id: int) -> Sequence[Membership]:
        result = await self.session.execute(
            select(Membership)
            .where(Membership.person_id == person_id, Membership.removed_at.is_(None))
            .order_by(Membership.joined_at)
        )
        return result.scalars().all()


class InviteRepository(_Repository):
    async def by_token_hash(self, token_hash: str) -> Invite | None:
        result = await self.session.execute(select(Invite).where(Invite.token_hash == token_hash))
        return result.scalar_one_or_none()

    async def add(self, invite: Invite) -> Invite:
        await self._add(invite)
        return invite

    async def claim_use(self, invite_id: int, now: datetime) -> bool:
        """Count one use atomically; False when the invite is used up, revoked or expired."""
        result = await self.session.execute(
            update(Invite)
            .where(
                Invite.id == invite_id,
                Invite.used_count < Invite.max_uses,
                Invite.revoked_at.is_(None),
                Invite.expires_at > now,
            )
            .values(used_count=Invite.used_count + 1)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0))

    async def was_used_by(self, invite_id: int, person_id: int) -> bool:
        result = await self.session.execute(
            select(InviteUse.id).where(
                InviteUse.invite_id == invite_id, InviteUse.person_id == person_id
            )
        )
        return result.first() is not None

    async def add_use(self, use: InviteUse) -> None:
        await self._add(use)


class AuditRepository(_Repository):
    async def add(self, entry: AuditEntry) -> None:
        await self._add(entry)

    async def for_entity(self, entity: str, entity_id: int) -> Sequence[AuditEntry]:
        result = await self.session.execute(
            select(AuditEntry)
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.created_at, AuditEntry.id)
        )
        return result.scalars().all()


class FsmRepository(_Repository):
    async def get(self, key: str) -> FsmRecord | None:
        return await self.session.get(FsmRecord, key)

    async def put(self, key: str, now: datetime, **values: Any) -> None:
        record = await self.session.get(FsmRecord, key)
        if record is None:
            record = FsmRecord(key=key, state=None, data={}, updated_at=now)
            self.session.add(record)
        for name, value in values.items():
            setattr(record, name, value)
        record.updated_at = now
        await self.session.flush()
