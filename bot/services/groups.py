"""A cluster's group chat: bound by a coordinator with /bind, followed when it migrates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.clock import Clock
from bot.errors import AccessDenied
from bot.services import audit
from bot.services.access import AccessService
from storage.models import Cluster, Person
from storage.uow import Storage


@dataclass(frozen=True, slots=True)
class Binding:
    """The bound cluster, or the clusters to choose from when the person coordinates several."""

    bound: Cluster | None = None
    choices: Sequence[Cluster] = field(default_factory=tuple)


class GroupService:
    def __init__(self, storage: Storage, clock: Clock, access: AccessService) -> None:
        self.storage = storage
        self.clock = clock
        self.access = access

    async def bind(
        self, actor: Person, chat_id: int, thread_id: int | None, cluster_id: int | None = None
    ) -> Binding:
        """Bind the chat (and forum topic) to ``cluster_id``, or to the only cluster coordinated."""
        if cluster_id is None:
            coordinated = await self.access.coordinated_clusters(actor)
            if not coordinated:
                raise AccessDenied("error-not-coordinator")
            if len(coordinated) > 1:
                return Binding(choices=coordinated)
            cluster_id = coordinated[0].id
        cluster = await self.access.require_coordinator(actor, cluster_id)
        await self._release(actor, chat_id, keep=cluster)
        cluster.group_chat_id = chat_id
        cluster.group_thread_id = thread_id
        await audit.record(
            self.storage,
            at=self.clock.now(),
            action="cluster.group_bound",
            entity="cluster",
            entity_id=cluster.id,
            actor_id=actor.id,
            cluster_id=cluster.id,
            chat_id=chat_id,
            thread_id=thread_id,
        )
        await self.storage.commit()
        return Binding(bound=cluster)

    async def _release(self, actor: Person, chat_id: int, keep: Cluster) -> None:
        """A group serves one cluster: it moves to another only in the hands of someone who
        coordinates the cluster it serves now."""
        holder = await self.storage.clusters.by_group_chat(chat_id)
        if holder is None or holder.id == keep.id:
            return
        try:
            await self.access.require_coordinator(actor, holder.id)
        except AccessDenied:
            raise AccessDenied("bind-taken", cluster=holder.name) from None
        holder.group_chat_id = None
        holder.group_thread_id = None
        await self.storage.session.flush()  # the group is free before it is bound again

    async def migrate(self, old_chat_id: int, new_chat_id: int) -> None:
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
