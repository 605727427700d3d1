"""ImportService's use cases for a file sent to the bot: who may import it and where, the
upload limit before the download, the preview's file and cluster warning held to on confirm,
and what is left to do after the import."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.errors import AccessDenied, DocumentRejected, InvalidInput
from bot.services.imports import ClusterChoice, ImportPlan, ImportService
from bot.services.registry import ServiceSettings, build_services
from storage.models import Cluster, Item, MemberRole, Membership, Person
from storage.uow import Storage
from tests.conftest import CoordinatorCluster
from tests.fakes import FixedClock

NOW = datetime(2021, 9, 1, 9, 0, tzinfo=UTC)
PLAN_OF = (
    "План работы образовательно-отраслевого кластера {name} на 2021 – 2022 учебный год\n\n"
    "№\tНаименование мероприятия\tИсполнители\tСрок\n"
    "1.\tЗаседание координационного совета\tСекретарь КС\tсентябрь 2021\n"
    "2.\tДни открытых дверей\tРуководители ПОО\tпо графику\n"
)
OWN = PLAN_OF.format(name="транспорта").encode()  # the seeded cluster is «Кластер транспорта»
FARMING = PLAN_OF.format(name="сельского хозяйства").encode()


class Upload:
    """The file as the bot would download it; counts downloads."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.downloads = 0

    async def __call__(self) -> bytes:
        self.downloads += 1
        return self.data


async def _person(session: AsyncSession, person_id: int) -> Person:
    person = await session.get(Person, person_id)
    assert person is not None
    return person


def _imports(session: AsyncSession, max_bytes: int = 10 * 1024 * 1024) -> ImportService:
    settings = ServiceSettings(max_upload_bytes=max_bytes)
    return build_services(Storage(session), FixedClock(NOW), settings).imports


async def _items(factory: async_sessionmaker[AsyncSession]) -> int:
    async with factory() as session:
        return (await session.execute(select(func.count()).select_from(Item))).scalar_one()


async def test_a_coordinator_of_one_cluster_gets_the_preview_at_once(
    session_factory: async_sessionmaker[AsyncSession], coordinator_cluster: CoordinatorCluster
) -> None:
    upload = Upload(OWN)
    async with session_factory() as session:
        person = await _person(session, coordinator_cluster.person_id)
        outcome = await _imports(session).receive(person, len(OWN), "plan.txt", upload)
    assert isinstance(outcome, ImportPlan)
    assert outcome.cluster.id == coordinator_cluster.cluster_id
    assert outcome.other_cluster is None
    assert upload.downloads == 1


async def test_someone_who_coordinates_nothing_is_refused_before_the_file_is_downloaded(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    upload = Upload(OWN)
    async with session_factory() as session:
        person = Person(
            telegram_id=77,
            full_name="Пётр",
            is_admin=False,
            private_chat_started=True,
            created_at=NOW,
        )
        session.add(person)
        await session.flush()
        with pytest.raises(AccessDenied) as refused:
            await _imports(session).receive(person, len(OWN), "plan.txt", upload)
    assert refused.value.key == "import-not-coordinator"
    assert upload.downloads == 0


async def test_a_file_over_the_limit_is_refused_before_it_is_downloaded(
    session_factory: async_sessionmaker[AsyncSession], coordinator_cluster: CoordinatorCluster
) -> None:
    upload = Upload(OWN)
    async with session_factory() as session:
        person = await _person(session, coordinator_cluster.person_id)
        with pytest.raises(DocumentRejected) as refused:
            await _imports(session, max_bytes=2 * 1024 * 1024).receive(
                person, 3 * 1024 * 1024, "plan.txt", upload
            )
    assert (refused.value.key, refused.value.args_for_message) == ("doc-too-large", {"limit_mb": 2})
    assert upload.downloads == 0


async def test_a_coordinator_of_two_clusters_is_asked_which_one_first(
    session_factory: async_sessionmaker[AsyncSession], coordinator_cluster: CoordinatorCluster
) -> None:
    upload = Upload(OWN)
    async with session_factory() as session:
        other = Cluster(
            name="Кластер сельского хозяйства", region="", timezone="Asia/Tomsk", created_at=NOW
        )
        session.add(other)
        await session.flush()
        session.add(
            Membership(
                cluster_id=other.id,
                person_id=coordinator_cluster.person_id,
                role=MemberRole.COORDINATOR,
                joined_at=NOW,
            )
        )
        await session.commit()
        person = await _person(session, coordinator_cluster.person_id)
        outcome = await _imports(session).receive(person, len(OWN), "plan.txt", upload)
    assert isinstance(outcome, ClusterChoice)
    assert sorted(c.name for c in outcome.clusters) == [
        "Кластер сельского хозяйства",
        "Кластер транспорта",
    ]
    assert upload.downloads == 0


async def test_confirming_a_file_other_than_the_previewed_one_stores_nothing(
    session_factory: async_sessionmaker[AsyncSession], coordinator_cluster: CoordinatorCluster
) -> None:
    async with session_factory() as session:
        person = await _person(session, coordinator_cluster.person_id)
        imports = _imports(session)
        plan = await imports.preview(
            person, coordinator_cluster.cluster_id, Upload(OWN), "plan.txt"
        )
        changed = Upload(OWN.decode().replace("сентябрь", "октябрь").encode())
        with pytest.raises(InvalidInput) as refused:
            await imports.confirm(
                person,
                coordinator_cluster.cluster_id,
                changed,
                "plan.txt",
                previewed_hash=plan.source_hash,
            )
    assert refused.value.key == "import-stale"
    assert await _items(session_factory) == 0


async def test_a_plan_naming_another_cluster_is_stored_only_when_the_warning_was_confirmed(
    session_factory: async_sessionmaker[AsyncSession], coordinator_cluster: CoordinatorCluster
) -> None:
    async with session_factory() as session:
        person = await _person(session, coordinator_cluster.person_id)
        imports = _imports(session)
        plan = await imports.preview(
            person, coordinator_cluster.cluster_id, Upload(FARMING), "plan.txt"
        )
        assert plan.other_cluster == "кластера сельского хозяйства"
        with pytest.raises(InvalidInput):
            await imports.confirm(
                person,
                coordinator_cluster.cluster_id,
                Upload(FARMING),
                "plan.txt",
                previewed_hash=plan.source_hash,
            )
    assert await _items(session_factory) == 0
    async with session_factory() as session:
        person = await _person(session, coordinator_cluster.person_id)
        confirmed = await _imports(session).confirm(
            person,
            coordinator_cluster.cluster_id,
            Upload(FARMING),
            "plan.txt",
            previewed_hash=plan.source_hash,
            despite_title=True,
        )
    assert confirmed.result.added == 2
    assert await _items(session_factory) == 2


async def test_what_is_left_to_do_after_an_import_follows_the_cluster(
    session_factory: async_sessionmaker[AsyncSession], coordinator_cluster: CoordinatorCluster
) -> None:
    async with session_factory() as session:
        person = await _person(session, coordinator_cluster.person_id)
        imports = _imports(session)
        plan = await imports.preview(
            person, coordinator_cluster.cluster_id, Upload(OWN), "plan.txt"
        )
        confirmed = await imports.confirm(
            person,
            coordinator_cluster.cluster_id,
            Upload(OWN),
            "plan.txt",
            previewed_hash=plan.source_hash,
        )
    steps = confirmed.next_steps
    assert (steps.undated, steps.invite, steps.bind) == (1, True, True)

    async with session_factory() as session:
        cluster = await session.get(Cluster, coordinator_cluster.cluster_id)
        assert cluster is not None
        cluster.group_chat_id = -100123
        head = Person(
            telegram_id=78,
            full_name="Директор",
            is_admin=False,
            private_chat_started=True,
            created_at=NOW,
        )
        session.add(head)
        await session.flush()
        session.add(
            Membership(
                cluster_id=cluster.id, person_id=head.id, role=MemberRole.EXECUTOR, joined_at=NOW
            )
        )
        await session.commit()
        steps = await _imports(session).next_steps(cluster)
    assert (steps.undated, steps.invite, steps.bind) == (1, False, False)
