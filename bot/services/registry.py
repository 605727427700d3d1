"""Builds the services bound to one Storage (one session): used per update and per job."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import timedelta

from bot.clock import Clock
from bot.domain.branding import Branding
from bot.domain.reminders import ReminderPolicy
from bot.domain.workdays import WorkCalendar
from bot.services.access import AccessService
from bot.services.assignments import AssignmentService
from bot.services.clusters import ClusterService
from bot.services.exports import ExportService
from bot.services.groups import GroupService
from bot.services.imports import ImportService
from bot.services.invites import InviteService, InviteTokens
from bot.services.items import ItemsService
from bot.services.joining import JoiningService
from bot.services.members import MemberService
from bot.services.onboarding import OnboardingService
from bot.services.people import PeopleService
from bot.services.plans import PlanService
from bot.services.reminders import ReminderService
from bot.services.reports import ReportService
from bot.services.summaries import SummarySchedule, SummaryService
from storage.uow import Storage


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    admin_ids: Collection[int] = ()
    invite_ttl: timedelta = timedelta(hours=72)
    default_timezone: str = "Europe/Moscow"
    max_upload_bytes: int = 10 * 1024 * 1024
    reminder_policy: ReminderPolicy = field(default_factory=ReminderPolicy)
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    summary_schedule: SummarySchedule = field(default_factory=SummarySchedule)
    branding: Branding = field(default_factory=Branding)


@dataclass(frozen=True, slots=True)
class Services:
    storage: Storage
    people: PeopleService
    invites: InviteService
    onboarding: OnboardingService
    access: AccessService
    imports: ImportService
    plans: PlanService
    clusters: ClusterService
    members: MemberService
    joining: JoiningService
    groups: GroupService
    assignments: AssignmentService
    reports: ReportService
    items: ItemsService
    reminders: ReminderService
    summaries: SummaryService
    exports: ExportService

    def as_handler_data(self) -> dict[str, object]:
        return {
            "people": self.people,
            "invites": self.invites,
            "onboarding": self.onboarding,
            "access": self.access,
            "imports": self.imports,
            "plans": self.plans,
            "clusters": self.clusters,
            "members": self.members,
            "joining": self.joining,
            "groups": self.groups,
            "reports": self.reports,
            "items": self.items,
            "reminders": self.reminders,
            "summaries": self.summaries,
            "exports": self.exports,
        }


def build_services(
    storage: Storage,
    clock: Clock,
    settings: ServiceSettings,
) -> Services:
    people = PeopleService(storage, clock, settings.admin_ids)
    access = AccessService(storage, people)
    assignments = AssignmentService(storage, clock)
    items = ItemsService(storage, access)
    tokens = InviteTokens(storage, clock)
    invites = InviteService(storage, clock, access, tokens, settings.invite_ttl)
    joining = JoiningService(storage, clock, tokens, invites, assignments)
    return Services(
        storage=storage,
        people=people,
        invites=invites,
        onboarding=OnboardingService(storage, clock, people, tokens, joining),
        access=access,
        imports=ImportService(storage, clock, access, assignments, settings.max_upload_bytes),
        plans=PlanService(storage, clock, access, assignments, items),
        clusters=ClusterService(storage, clock, access),
        members=MemberService(storage, clock, access, assignments),
        joining=joining,
        groups=GroupService(storage, clock, access),
        assignments=assignments,
        items=items,
        reports=ReportService(storage, clock, access, items),
        reminders=ReminderService(
            storage, clock, access, settings.reminder_policy, settings.calendar
        ),
        summaries=SummaryService(storage, clock, settings.summary_schedule, settings.branding),
        exports=ExportService(storage, clock, access, settings.branding),
    )
