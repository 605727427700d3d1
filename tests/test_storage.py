"""The schema: migrations match the models, datetimes stay aware, SQLite pragmas are on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.migrate import current_revision, head_revision
from storage.models import Base, Cluster, Person
from storage.uow import Storage


async def test_migrations_produce_exactly_the_schema_the_models_describe(
    engine: AsyncEngine,
) -> None:
    def diff(connection: Connection) -> list[object]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))

    async with engine.connect() as connection:
        differences = await connection.run_sync(diff)
    assert differences == []


async def test_database_is_at_the_latest_revision_after_upgrade(engine: AsyncEngine) -> None:
    assert await current_revision(engine) == head_revision()


async def test_datetimes_come_back_aware_and_in_utc(storage: Storage) -> None:
    moscow = timezone(timedelta(hours=3))
    created = datetime(2022, 5, 1, 12, 30, tzinfo=moscow)
    storage.session.add(
        Cluster(name="Транспорт", region="", timezone="Europe/Moscow", created_at=created)
    )
    await storage.commit()
    storage.session.expunge_all()

    loaded = (await storage.session.execute(select(Cluster))).scalar_one()
    assert loaded.created_at.tzinfo is not None
    assert loaded.created_at == created
    assert loaded.created_at.utcoffset() == timedelta(0)


async def test_naive_datetimes_are_refused_instead_of_silently_stored(storage: Storage) -> None:
    storage.session.add(
        Cluster(name="Наивный", region="", timezone="UTC", created_at=datetime(2022, 1, 1))
    )
    with pytest.raises(Exception, match="naive datetime"):
        await storage.commit()


async def test_foreign_keys_are_enforced(storage: Storage) -> None:
    storage.session.add(
        Person(
            telegram_id=1,
            full_name="Иванов И.И.",
            is_admin=False,
            private_chat_started=False,
            last_cluster_id=999,
            created_at=datetime.now(UTC),
        )
    )
    with pytest.raises(IntegrityError):
        await storage.commit()


async def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(
    engine: AsyncEngine, on_postgres: bool
) -> None:
    if on_postgres:
        pytest.skip("SQLite pragmas")
    async with engine.connect() as connection:
        journal = (await connection.execute(text("PRAGMA journal_mode"))).scalar_one()
        timeout = (await connection.execute(text("PRAGMA busy_timeout"))).scalar_one()
    assert journal == "wal"
    assert timeout == 5000
