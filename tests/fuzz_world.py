"""A populated world for the update fuzzer (tests/test_fuzz_updates.py), and what it checks.

Two clusters; every role (the admin, a coordinator, college heads, an observer, a stranger, the
people of the other cluster); reports waiting for a decision; open invites; a group bound to the
first cluster with a topic. ``snapshot`` reads, per cluster, what a person without rights must
never change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.invites import hash_token
from storage.models import (
    Assignment,
    AssignmentStatus,
    Attachment,
    Cluster,
    Invite,
    InviteRole,
    MemberRole,
    Membership,
    Person,
    Report,
)
from tests.fake_telegram import FakeChat, FakeTelegram, FakeUser
from tests.plan_world import IMPORTED_AT, seed_plan

ADMIN_ID = 900001  # tests/conftest.py ADMIN_TELEGRAM_ID: the service settings' admin
GROUP_ID = -1001000000001
TOPIC_ID = 77
OTHER_GROUP_ID = -1001000000002
CHANNEL_ID = -1001000000099
INVITE_TOKENS = ("fuzz-invite-executor-0001", "fuzz-invite-observer-0002")


@dataclass
class FuzzWorld:
    cluster_a: int
    cluster_b: int
    admin: FakeUser
    coordinator: FakeUser
    heads: list[FakeUser]
    observer: FakeUser
    stranger: FakeUser
    other_coordinator: FakeUser
    other_head: FakeUser
    group: FakeChat
    other_group: FakeChat
    channel: FakeChat
    item_ids: list[int] = field(default_factory=list)
    assignment_ids: list[int] = field(default_factory=list)
    report_ids: list[int] = field(default_factory=list)
    invite_ids: list[int] = field(default_factory=list)
    membership_ids: list[int] = field(default_factory=list)

    @property
    def clusters(self) -> tuple[int, int]:
        return (self.cluster_a, self.cluster_b)

    @property
    def people(self) -> list[FakeUser]:
        return [
            self.admin,
            self.coordinator,
            *self.heads,
            self.observer,
            self.stranger,
            self.other_coordinator,
            self.other_head,
        ]

    def untouchable(self, user: FakeUser | None) -> tuple[int, ...]:
        """The clusters ``user`` has no right to change anything in."""
        everything = (self.cluster_a, self.cluster_b)
        if user is None or user in (self.observer, self.stranger):
            return everything
        if user in (self.other_coordinator, self.other_head):
            return (self.cluster_a,)
        if user == self.admin:
            return ()
        return (self.cluster_b,)


async def seed_fuzz_world(
    factory: async_sessionmaker[AsyncSession], fake: FakeTelegram
) -> FuzzWorld:
    a = await seed_plan(factory, fake, items=3, colleges=2, reports=True, first_telegram_id=7000)
    b = await seed_plan(
        factory,
        fake,
        items=2,
        colleges=1,
        reports=True,
        first_telegram_id=8000,
        cluster_name="Кластер энергетики",
    )
    admin = fake.user(ADMIN_ID, "Админ", "Системный")
    observer = fake.user(7100, "Наблюдатель", "Министерства")
    stranger = fake.user(7200, "Прохожий", None, language_code="en")
    group = fake.group(GROUP_ID, "Кластер транспорта", is_forum=True)
    other_group = fake.group(OTHER_GROUP_ID, "Кластер энергетики")
    channel = FakeChat(CHANNEL_ID, "channel", "Новости кластера")
    async with factory() as session:
        admin_person = Person(
            telegram_id=admin.id,
            full_name="Системный Админ",
            is_admin=True,
            private_chat_started=True,
            created_at=IMPORTED_AT,
        )
        observer_person = Person(
            telegram_id=observer.id,
            full_name="Наблюдатель Министерства",
            private_chat_started=True,
            created_at=IMPORTED_AT,
        )
        session.add_all([admin_person, observer_person])
        await session.flush()
        session.add(
            Membership(
                cluster_id=a.cluster_id,
                person_id=observer_person.id,
                role=MemberRole.OBSERVER,
                joined_at=IMPORTED_AT,
            )
        )
        await session.execute(
            update(Cluster)
            .where(Cluster.id == a.cluster_id)
            .values(group_chat_id=group.id, group_thread_id=TOPIC_ID)
        )
        await session.execute(
            update(Cluster).where(Cluster.id == b.cluster_id).values(group_chat_id=other_group.id)
        )
        for token, role in zip(
            INVITE_TOKENS, (InviteRole.EXECUTOR, InviteRole.OBSERVER), strict=True
        ):
            session.add(
                Invite(
                    token_hash=hash_token(token),
                    cluster_id=a.cluster_id,
                    role=role,
                    created_by_id=admin_person.id,
                    created_at=IMPORTED_AT,
                    expires_at=IMPORTED_AT + timedelta(days=3650),
                    max_uses=5,
                )
            )
        reported = select(Report.assignment_id)
        await session.execute(
            update(Assignment)
            .where(Assignment.id.in_(reported))
            .values(status=AssignmentStatus.SUBMITTED)
        )
        await session.commit()
        world = FuzzWorld(
            cluster_a=a.cluster_id,
            cluster_b=b.cluster_id,
            admin=admin,
            coordinator=a.coordinator,
            heads=a.heads,
            observer=observer,
            stranger=stranger,
            other_coordinator=b.coordinator,
            other_head=b.heads[0],
            group=group,
            other_group=other_group,
            channel=channel,
            item_ids=a.item_ids + b.item_ids,
        )
        world.assignment_ids = list((await session.scalars(select(Assignment.id))).all())
        world.report_ids = list((await session.scalars(select(Report.id))).all())
        for attachment in (await session.scalars(select(Attachment))).all():  # Telegram has them
            path = f"documents/{attachment.file_unique_id}"
            fake.files[attachment.telegram_file_id] = (path, b"%PDF-1.4", "report.pdf")
        world.invite_ids = list((await session.scalars(select(Invite.id))).all())
        world.membership_ids = list((await session.scalars(select(Membership.id))).all())
    return world


# What a person without rights in a cluster must never change there: (name, query by cluster).
_SNAPSHOT: Sequence[tuple[str, str]] = (
    (
        "cluster",
        "SELECT name, region, timezone, group_chat_id, group_thread_id, archived_at, "
        "CAST(reminder_settings AS TEXT) FROM clusters WHERE id = :c",
    ),
    ("organizations", "SELECT id, name FROM organizations WHERE cluster_id = :c ORDER BY id"),
    (
        "memberships",
        "SELECT id, person_id, role, organization_id, removed_at FROM memberships "
        "WHERE cluster_id = :c ORDER BY id",
    ),
    ("documents", "SELECT id, title FROM plan_documents WHERE cluster_id = :c ORDER BY id"),
    (
        "items",
        "SELECT id, number, text, executors_text, status, assignment_mode FROM items "
        "WHERE cluster_id = :c ORDER BY id",
    ),
    (
        "occurrences",
        "SELECT o.id, o.due_date FROM occurrences o JOIN items i ON i.id = o.item_id "
        "WHERE i.cluster_id = :c ORDER BY o.id",
    ),
    (
        "assignments",
        "SELECT a.id, a.status, a.due_date, a.version, a.person_id, "
        "a.organization_id FROM assignments a JOIN occurrences o ON o.id = a.occurrence_id "
        "JOIN items i ON i.id = o.item_id WHERE i.cluster_id = :c ORDER BY a.id",
    ),
    (
        "reports",
        "SELECT r.id, r.kind, r.text, r.decision, r.decided_by_id FROM reports r "
        "JOIN assignments a ON a.id = r.assignment_id JOIN occurrences o ON o.id = a.occurrence_id "
        "JOIN items i ON i.id = o.item_id WHERE i.cluster_id = :c ORDER BY r.id",
    ),
    (
        "attachments",
        "SELECT t.id FROM attachments t JOIN reports r ON r.id = t.report_id "
        "JOIN assignments a ON a.id = r.assignment_id JOIN occurrences o ON o.id = a.occurrence_id "
        "JOIN items i ON i.id = o.item_id WHERE i.cluster_id = :c ORDER BY t.id",
    ),
    (
        "invites",
        "SELECT id, role, used_count, revoked_at FROM invites WHERE cluster_id = :c ORDER BY id",
    ),
    ("audit", "SELECT count(*) FROM audit_log WHERE cluster_id = :c"),
)


Snapshot = dict[tuple[int, str], list[tuple[Any, ...]]]


async def snapshot(factory: async_sessionmaker[AsyncSession], clusters: Sequence[int]) -> Snapshot:
    """Rows of ``clusters`` that only a person with rights there may change."""
    result: Snapshot = {}
    if not clusters:
        return result
    async with factory() as session:
        for cluster_id in clusters:
            for name, query in _SNAPSHOT:
                rows = (await session.execute(text(query), {"c": cluster_id})).all()
                result[(cluster_id, name)] = [tuple(row) for row in rows]
    return result
