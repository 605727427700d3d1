"""Builds the services bound to one Storage (one session): used per update and per job."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import timedelta

from bot.clock import Clock
from bot.services.access import AccessService
from bot.services.imports import ImportService
from bot.services.invites import InviteService
from bot.services.onboarding import OnboardingService
from bot.services.people import PeopleService
from bot.services.plans import PlanService
from storage.uow import Storage


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    admin_ids: Collection[int] = ()
    invite_ttl: timedelta = timedelta(hours=72)
    default_timezone: str = "Europe/Moscow"
    max_upload_bytes: int = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Services:
    storage: Storage
    people: PeopleService
    invites: InviteService
    onboarding: OnboardingService
    access: AccessService
    imports: ImportService
    plans: PlanService

    def as_handler_data(self) -> dict[str, object]:
        return {
            "people": self.people,
            "invites": self.invites,
            "onboarding": self.onboarding,
            "access": self.access,
            "imports": self.imports,
            "plans": self.plans,
        }


def build_services(storage: Storage, clock: Clock, settings: ServiceSettings) -> Services:
    people = PeopleService(storage, clock, settings.admin_ids)
    invites = InviteService(storage, clock)
    access = AccessService(storage, people)
    return Services(
        storage=storage,
        people=people,
        invites=invites,
        onboarding=OnboardingService(storage, clock, people, invites),
        access=access,
        imports=ImportService(storage, clock, access, settings.max_upload_bytes),
        plans=PlanService(storage, clock, access),
    )
