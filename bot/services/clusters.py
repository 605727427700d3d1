"""Clusters: created by administrators; a coordinator binds the cluster's group chat."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.clock import Clock
from bot.errors import AccessDenied, InvalidInput, NotFound
from bot.services import audit
from bot.services.access import AccessService
from storage.models import Cluster, Person
from storage.uow import Storage


class ClusterService:
    def __init__(self, storage: Storage, clock: Clock, access: AccessService) -> None:
        self.storage = storage
        self.clock = clock
        self.access = access

    async def create(self, actor: Person, name: str, region: str, timezone: str) -> Cluster:
        if not self.access.is_admin(actor):
            raise AccessDenied("error-admin-only")
        name = " ".join(name.split())
        if not 3 <= len(name) <= 300:
            raise InvalidInput("error-cluster-name")
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InvalidInput("error-timezone", value=timezone) from None
        if await self.storage.clusters.by_name(name) is not None:
            raise InvalidInput("error-cluster-exists", name=name)
        now = self.clock.now()
        cluster = await self.storage.clusters.add(
            Cluster(name=name, region=" ".join(region.split()), timezone=timezone, created_at=now)
        )
        await audit.record(
            self.storage,
            at=now,
            action="cluster.created",
            entity="cluster",
            entity_id=cluster.id,
            actor_id=actor.id,
            cluster_id=cluster.id,
            name=name,
        )
        await self.storage.commit()
        return cluster

    async def of_person(self, person: Person) -> Sequence[Cluster]:
        """Clusters the person may see (all of them for administrators)."""
        if self.access.is_admin(person):
            return await self.storage.clusters.all_active()
        return [m.cluster for m in await self.storage.memberships.active_of_person(person.id)]

    async def get_visible(self, person: Person, cluster_id: int) -> Cluster:
        for cluster in await self.of_person(person):
            if cluster.id == cluster_id:
                return cluster
        raise NotFound("error-not-found")

    async def remember_choice(self, person: Person, cluster_id: int) -> None:
        await self.get_visible(person, cluster_id)
        person.last_cluster_id = cluster_id
        await self.storage.commit()

    async def bind_group(
        self, actor: Person, cluster_id: int, chat_id: int, thread_id: int | None
    ) -> Cluster:
        cluster = await self.access.require_coordinator(actor, cluster_id)
        now = self.clock.now()
        cluster.group_chat_id = chat_id
        cluster.group_thread_id = thread_id
        await audit.record(
            self.storage,
            at=now,
            action="cluster.group_bound",
            entity="cluster",
            entity_id=cluster.id,
            actor_id=actor.id,
            cluster_id=cluster.id,
            chat_id=chat_id,
            thread_id=thread_id,
        )
        await self.storage.commit()
        return cluster

    async def migrate_group(self, old_chat_id: int, new_chat_id: int) -> None:
        """A group became a supergroup: Telegram gave it a new id."""
        for cluster in await self.storage.clusters.all_active():
            if cluster.group_chat_id == old_chat_id:
                cluster.group_chat_id = new_chat_id
                await audit.record(
                    self.storage,
                    at=self.clock.now(),
                    action="cluster.group_migrated",
                    entity="cluster",
                    entity_id=cluster.id,
                    cluster_id=cluster.id,
                    old=old_chat_id,
                    new=new_chat_id,
                )
        await self.storage.commit()
