"""A cluster with a plan of any size, written straight into the database: the read side's
tests and bench/bench_queries.py use it to compare actions at two sizes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.services.assignments import AssignmentService
from storage.models import (
    Attachment,
    Cluster,
    Item,
    ItemStatus,
    MemberRole,
    Membership,
    Occurrence,
    Organization,
    Person,
    PlanDocument,
    PlanRole,
    Report,
    ReportKind,
    Section,
)
from storage.uow import Storage
from tests.fake_telegram import FakeTelegram, FakeUser
from tests.fakes import FixedClock

IMPORTED_AT = datetime(2022, 3, 1, 6, 30, tzinfo=UTC)  # 13:30 in Tomsk
FIRST_DUE = date(2022, 5, 1)


@dataclass
class PlanWorld:
    cluster_id: int
    coordinator: FakeUser
    heads: list[FakeUser] = field(default_factory=list)
    item_ids: list[int] = field(default_factory=list)


async def seed_plan(
    factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    *,
    items: int = 3,
    colleges: int = 1,
    occurrences: int = 1,
    reports: bool = False,
    timezone: str = "Asia/Tomsk",
    first_telegram_id: int = 7000,
    cluster_name: str = "Кластер транспорта",
) -> PlanWorld:
    """A coordinator, ``colleges`` college heads (one per college, each holding «Руководители
    ПОО») and ``items`` imported items of that role, each with ``occurrences`` monthly dates;
    assignments made by AssignmentService.sync. With ``reports`` every assignment of the first
    item gets a done report with a file from its college's head."""
    clock = FixedClock(IMPORTED_AT)
    coordinator = fake.user(first_telegram_id, "Ольга", "Секретарёва")
    world = PlanWorld(cluster_id=0, coordinator=coordinator)
    async with factory() as session:
        storage = Storage(session)
        cluster = Cluster(
            name=cluster_name,
            region="Томская область",
            timezone=timezone,
            created_at=IMPORTED_AT,
        )
        session.add(cluster)
        await session.flush()
        world.cluster_id = cluster.id
        heads_role = PlanRole(
            cluster_id=cluster.id,
            name="Руководители ПОО",
            key="руководители поо",
            per_organization=True,
            aliases=[],
        )
        session.add(heads_role)
        people = [
            Person(
                telegram_id=coordinator.id,
                full_name="Секретарёва Ольга",
                private_chat_started=True,
                created_at=IMPORTED_AT,
            )
        ]
        session.add(people[0])
        await session.flush()
        session.add(
            Membership(
                cluster_id=cluster.id,
                person_id=people[0].id,
                role=MemberRole.COORDINATOR,
                joined_at=IMPORTED_AT,
            )
        )
        for n in range(colleges):
            user = fake.user(first_telegram_id + 1 + n, f"Руководитель{n + 1}", "Колледжа")
            world.heads.append(user)
            organization = Organization(cluster_id=cluster.id, name=f"Колледж № {n + 1:03d}")
            person = Person(
                telegram_id=user.id,
                full_name=f"Директор Колледжа № {n + 1:03d}",
                private_chat_started=True,
                created_at=IMPORTED_AT,
            )
            session.add_all([organization, person])
            await session.flush()
            people.append(person)
            session.add(
                Membership(
                    cluster_id=cluster.id,
                    person_id=person.id,
                    organization_id=organization.id,
                    role=MemberRole.EXECUTOR,
                    joined_at=IMPORTED_AT,
                    plan_roles=[heads_role],
                )
            )
        document = PlanDocument(
            cluster_id=cluster.id,
            kind="plan",
            title="План работы кластера транспорта на 2022 год",
            imported_at=IMPORTED_AT,
            imported_by_id=people[0].id,
        )
        session.add(document)
        await session.flush()
        section = Section(document_id=document.id, position=0, number="1", title="Профориентация")
        session.add(section)
        await session.flush()
        for n in range(items):
            dues = [FIRST_DUE + timedelta(days=30 * k + n % 20) for k in range(occurrences)]
            item = Item(
                cluster_id=cluster.id,
                document_id=document.id,
                section_id=section.id,
                position=n,
                number=str(n + 1),
                text=f"Провести мероприятие № {n + 1} для школьников",
                executors_text="Руководители ПОО",
                result_text="Фотоотчёт" if n % 2 == 0 else None,
                deadline_text="до 01.05.2022",
                deadline_kind="date",
                status=ItemStatus.ACTIVE,
                created_at=IMPORTED_AT,
                updated_at=IMPORTED_AT,
                plan_roles=[heads_role],
                indicators=[],
                occurrences=[
                    Occurrence(seq=k + 1, due_date=due, original_due_date=due)
                    for k, due in enumerate(dues)
                ],
            )
            session.add(item)
        await session.flush()
        await AssignmentService(storage, clock).sync(cluster.id)
        items_of = await storage.plans.items_of_cluster(cluster.id)
        world.item_ids = [i.id for i in items_of]
        if reports and items_of:
            first = items_of[0]
            by_org = {p.id: p for p in people}
            members = await storage.memberships.active_of_cluster(cluster.id)
            heads = {m.organization_id: by_org[m.person_id] for m in members if m.organization_id}
            for assignment in await storage.assignments.of_occurrences(
                [o.id for o in first.occurrences]
            ):
                author = heads[assignment.organization_id]
                session.add(
                    Report(
                        assignment_id=assignment.id,
                        author_id=author.id,
                        kind=ReportKind.DONE,
                        text="Провели, фото прилагаем",
                        created_at=IMPORTED_AT,
                        attachments=[
                            Attachment(
                                kind="document",
                                telegram_file_id=f"file-{assignment.id}",
                                file_unique_id=f"u-{assignment.id}",
                                file_name="отчёт.pdf",
                                created_at=IMPORTED_AT,
                            )
                        ],
                    )
                )
        await session.commit()
    return world


class StatementCounter:
    """Counts SQL statements and commits on an engine (sync engine events)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.statements = 0
        self.commits = 0
        self._engine = engine.sync_engine
        event.listen(self._engine, "before_cursor_execute", self._on_statement)
        event.listen(self._engine, "commit", self._on_commit)

    def _on_statement(self, *_args: object) -> None:
        self.statements += 1

    def _on_commit(self, *_args: object) -> None:
        self.commits += 1

    def reset(self) -> None:
        self.statements = 0
        self.commits = 0

    def close(self) -> None:
        event.remove(self._engine, "before_cursor_execute", self._on_statement)
        event.remove(self._engine, "commit", self._on_commit)
