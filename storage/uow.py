"""Storage: the repositories of one session plus commit — services commit as their last step."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from storage.reminders import ReminderRepository
from storage.repositories import (
    FSM_DIRTY,
    AssignmentRepository,
    AuditRepository,
    ClusterRepository,
    FsmRepository,
    InviteRepository,
    MembershipRepository,
    NotificationRepository,
    OrganizationRepository,
    PersonRepository,
    PlanRepository,
    ReportRepository,
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
        self.organizations = OrganizationRepository(session)
        self.assignments = AssignmentRepository(session)
        self.reports = ReportRepository(session)
        self.notifications = NotificationRepository(session)
        self.reminders = ReminderRepository(session)

    async def commit(self) -> None:
        await self.session.commit()
        self.session.info.pop(FSM_DIRTY, None)

    @property
    def has_uncommitted_dialog_state(self) -> bool:
        return bool(self.session.info.get(FSM_DIRTY))

    async def rollback(self) -> None:
        await self.session.rollback()
