"""Who may do what in which cluster; every command and button asks here, on the server."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.errors import AccessDenied, NotFound
from bot.services.people import PeopleService
from storage.models import Cluster, MemberRole, Person
from storage.uow import Storage


@dataclass(frozen=True, slots=True)
class Standing:
    """What a person may do at all, for /help: each level adds commands to the one before."""

    member: bool = False  # sees plans: /plan, /item, /history
    executor: bool = False  # reports: /my, /done
    observer: bool = False  # reads the cluster's results: /summary, /stats, /export
    coordinator: bool = False
    admin: bool = False


class AccessService:
    def __init__(self, storage: Storage, people: PeopleService) -> None:
        self.storage = storage
        self.people = people

    def is_admin(self, person: Person) -> bool:
        return self.people.is_admin(person, person.telegram_id)

    async def standing(self, person: Person | None) -> Standing:
        if person is None:
            return Standing()
        roles = {m.role for m in await self.storage.memberships.active_of_person(person.id)}
        admin = self.is_admin(person)
        coordinator = MemberRole.COORDINATOR in roles or admin
        return Standing(
            member=bool(roles) or admin,
            executor=MemberRole.EXECUTOR in roles or coordinator,
            observer=MemberRole.OBSERVER in roles or coordinator,
            coordinator=coordinator,
            admin=admin,
        )

    async def coordinated_clusters(self, person: Person) -> Sequence[Cluster]:
        """Clusters where the person may import and manage the plan (all of them for admins)."""
        if self.is_admin(person):
            return await self.storage.clusters.all_active()
        return [
            m.cluster
            for m in await self.storage.memberships.active_of_person(person.id)
            if m.role is MemberRole.COORDINATOR and m.cluster.archived_at is None
        ]

    async def require_coordinator(self, person: Person, cluster_id: int) -> Cluster:
        cluster = await self.storage.clusters.get(cluster_id)
        if cluster is None:
            raise NotFound("error-not-found")
        if self.is_admin(person):
            return cluster
        membership = await self.storage.memberships.active(cluster_id, person.id)
        if membership is None or membership.role is not MemberRole.COORDINATOR:
            raise AccessDenied("error-not-coordinator")
        return cluster
