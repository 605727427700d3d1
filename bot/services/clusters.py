"""Clusters: created by administrators, each with a name, a region and a time zone."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.clock import Clock
from bot.errors import AccessDenied, InvalidInput
from bot.services import audit
from bot.services.access import AccessService
from storage.models import Cluster, Person
from storage.uow import Storage


class ClusterService:
    def __init__(self, storage: Storage, clock: Clock, access: AccessService) -> None:
        self.storage = storage
        self.clock = clock
        self.access = access

    def begin_creation(self, actor: Person) -> None:
        """/newcluster: only an administrator may go on."""
        if not self.access.is_admin(actor):
            raise AccessDenied("error-admin-only")

    async def check_name(self, actor: Person, name: str) -> str:
        """The name as it will be stored, refused early when too short, too long or taken."""
        self.begin_creation(actor)
        name = " ".join(name.split())
        if not 3 <= len(name) <= 300:
            raise InvalidInput("error-cluster-name")
        if await self.storage.clusters.by_name(name) is not None:
            raise InvalidInput("error-cluster-exists", name=name)
        return name

    async def create(self, actor: Person, name: str, region: str, timezone: str) -> Cluster:
        name = await self.check_name(actor, name)
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InvalidInput("error-timezone", value=timezone) from None
        now = self.clock.now()
        cluster = await self.storage.clusters.add(
            Cluster(
                name=name, region=" ".join(region.split())[:200], timezone=timezone, created_at=now
            )
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
