"""Invite links: created with a role, stored as a hash, redeemed at most max_uses times."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from bot.clock import Clock
from bot.errors import InviteInvalid
from bot.services import audit
from storage.models import Invite, InviteRole, InviteUse, Person, PlanRole
from storage.uow import Storage

TOKEN_BYTES = 24  # 32 URL-safe characters: within Telegram's 64-character /start payload


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def deep_link(bot_username: str, token: str) -> str:
    return f"https://t.me/{bot_username}?start={token}"


@dataclass(frozen=True, slots=True)
class CreatedInvite:
    token: str
    invite: Invite


@dataclass(frozen=True, slots=True)
class Redeemed:
    invite: Invite
    already_used: bool


class InviteService:
    def __init__(self, storage: Storage, clock: Clock) -> None:
        self.storage = storage
        self.clock = clock

    async def create(
        self,
        role: InviteRole,
        *,
        ttl: timedelta,
        max_uses: int = 1,
        cluster_id: int | None = None,
        organization_id: int | None = None,
        created_by: Person | None = None,
        plan_roles: Sequence[PlanRole] = (),
    ) -> CreatedInvite:
        if role is not InviteRole.ADMIN and cluster_id is None:
            raise InviteInvalid("invite-needs-cluster")
        if max_uses < 1:
            raise InviteInvalid("invite-bad-uses")
        now = self.clock.now()
        token = secrets.token_urlsafe(TOKEN_BYTES)
        invite = await self.storage.invites.add(
            Invite(
                token_hash=hash_token(token),
                cluster_id=cluster_id,
                role=role,
                organization_id=organization_id,
                created_by_id=created_by.id if created_by else None,
                created_at=now,
                expires_at=now + ttl,
                max_uses=max_uses,
                used_count=0,
                plan_roles=list(plan_roles),
            )
        )
        await audit.record(
            self.storage,
            at=now,
            action="invite.created",
            entity="invite",
            entity_id=invite.id,
            actor_id=created_by.id if created_by else None,
            cluster_id=cluster_id,
            role=role.value,
            max_uses=max_uses,
            expires_at=invite.expires_at.isoformat(),
        )
        await self.storage.commit()
        return CreatedInvite(token=token, invite=invite)

    async def claim(self, token: str, person: Person) -> Redeemed:
        """Check the token and count one use by ``person`` (idempotent for the same person).

        Does not commit: the caller applies what the invite grants, then commits once.
        """
        invite = await self.storage.invites.by_token_hash(hash_token(token))
        if invite is None:
            raise InviteInvalid("invite-unknown")
        if await self.storage.invites.was_used_by(invite.id, person.id):
            return Redeemed(invite=invite, already_used=True)
        now = self.clock.now()
        if invite.revoked_at is not None:
            raise InviteInvalid("invite-revoked")
        if invite.expires_at <= now:
            raise InviteInvalid("invite-expired")
        if not await self.storage.invites.claim_use(invite.id, now):
            raise InviteInvalid("invite-used-up")
        await self.storage.invites.add_use(
            InviteUse(invite_id=invite.id, person_id=person.id, used_at=now)
        )
        return Redeemed(invite=invite, already_used=False)
