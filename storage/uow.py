"""Storage: the repositories of one session plus commit — services commit as their last step."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from storage.repositories import (
    AuditRepository,
    ClusterRepository,
    FsmRepository,
    InviteRepository,
    MembershipRepository,
    PersonRepository,
    PlanRepository,
)


class Storage:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.persons = PersonRepository(session)
        self.clusters = ClusterRepository(session)
        self.memberships = MembershipRepository(session)
        self.invites = InviteRepository(session)
        self.audit = AuditRepository(session)
        self.fsm = FsmRepository(session)
        self.plans = PlanRepository(session)

    async def commit(self) -> None:
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()
