"""Storing parsed documents: first import, same file again, a corrected plan, reports kept."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.domain.deadlines import Deadline, DeadlineKind, Occurrence, Period
from bot.domain.documents import (
    DocumentKind,
    Indicator,
    ParsedDocument,
    ParsedItem,
    ParsedSection,
    PlanRoleRef,
)
from bot.errors import AccessDenied
from bot.services.imports import ImportService, match_items, match_keys
from bot.services.registry import ServiceSettings, build_services
from storage.models import (
    Assignment,
    AssignmentStatus,
    AuditEntry,
    Item,
    ItemStatus,
    Person,
    Report,
    ReportKind,
)
from storage.models import (
    Occurrence as OccurrenceRow,
)
from storage.uow import Storage
from tests.conftest import ClusterSeed, CoordinatorCluster
from tests.fakes import FixedClock

YEAR = Period(date(2021, 1, 1), date(2021, 12, 31))
NOW = datetime(2021, 2, 1, 9, 0, tzinfo=UTC)


def _deadline(text: str, *dues: date) -> Deadline:
    if not dues:
        return Deadline(text, DeadlineKind.UNSCHEDULED)
    kind = DeadlineKind.DATE if len(dues) == 1 else DeadlineKind.RECURRING
    return Deadline(text, kind, tuple(Occurrence(None, due) for due in dues))


def _item(
    number: str,
    text: str,
    *dues: date,
    executors: tuple[str, ...] = ("Руководители ПОО",),
    done: bool = False,
    phrase: str | None = None,
) -> ParsedItem:
    return ParsedItem(
        number=number,
        section="1. Организация работы",
        text=text,
        executors=list(executors),
        executors_text=", ".join(executors),
        result="Протокол",
        done=done,
        deadline=_deadline(phrase or (f"до {dues[0]:%d.%m.%Y}" if dues else "по графику"), *dues),
    )


def _plan(*items: ParsedItem) -> ParsedDocument:
    return ParsedDocument(
        kind=DocumentKind.PLAN,
        title="План работы машиностроительного кластера на 2021 год",
        date=date(2021, 1, 25),
        period=YEAR,
        items=list(items),
        sections=[ParsedSection("1", "1. Организация работы")],
        roles=[
            PlanRoleRef("Руководители ПОО"),
            PlanRoleRef("Члены образовательно-производственного кластера", ("ОПК",)),
            PlanRoleRef("Секретарь координационного совета", ("Секретарь КС",)),
        ],
    )


FIRST = _plan(
    _item("1.1", "Разработка и утверждение плана работы", date(2021, 1, 31), done=True),
    _item("1.2", "Актуализация паспорта кластера", date(2021, 2, 28)),
    _item("1.3", "Проведение демонстрационного экзамена", phrase="по графику ДЭ"),
    _item(
        "1.4",
        "Проведение заседаний",
        date(2021, 3, 31),
        date(2021, 6, 30),
        date(2021, 9, 30),
        date(2021, 12, 31),
        executors=("Члены образовательно-производственного кластера",),
    ),
)


@pytest.fixture
def cluster_seed() -> ClusterSeed:
    return ClusterSeed(
        name="Машиностроение", telegram_id=42, first_name="Секретарь", last_name="КС"
    )


@pytest.fixture
def setup(coordinator_cluster: CoordinatorCluster) -> tuple[int, int]:
    """The cluster's id and its coordinator's person id."""
    return coordinator_cluster.cluster_id, coordinator_cluster.person_id


def _service(session: AsyncSession) -> ImportService:
    return build_services(Storage(session), FixedClock(NOW), ServiceSettings()).imports


async def _apply(
    factory: async_sessionmaker[AsyncSession], cluster_id: int, doc: ParsedDocument, sha: str
) -> object:
    async with factory() as session:
        return await _service(session).apply(
            cluster_id, doc, source_hash=sha, filename="plan.docx", actor=None
        )


async def _items(factory: async_sessionmaker[AsyncSession], cluster_id: int) -> list[Item]:
    async with factory() as session:
        rows = await Storage(session).plans.items_of_cluster(cluster_id)
        return list(rows)


async def test_a_first_import_stores_items_occurrences_roles_and_marks(
    session_factory, setup
) -> None:
    cluster_id, _ = setup
    result = await _apply(session_factory, cluster_id, FIRST, "sha-1")
    assert result.applied  # type: ignore[attr-defined]
    assert result.added == 4  # type: ignore[attr-defined]
    items = await _items(session_factory, cluster_id)
    by_number = {item.number: item for item in items}
    assert [i.number for i in items] == ["1.1", "1.2", "1.3", "1.4"]
    assert by_number["1.1"].status is ItemStatus.DONE
    assert [o.due_date for o in by_number["1.2"].occurrences] == [date(2021, 2, 28)]
    assert by_number["1.3"].occurrences == []
    assert by_number["1.3"].deadline_text == "по графику ДЭ"
    assert len(by_number["1.4"].occurrences) == 4
    assert [r.name for r in by_number["1.4"].plan_roles] == [
        "Члены образовательно-производственного кластера"
    ]
    async with session_factory() as session:
        roles = await Storage(session).plans.plan_roles_of_cluster(cluster_id)
    heads = next(r for r in roles if r.name == "Руководители ПОО")
    members = next(r for r in roles if r.name.startswith("Члены"))
    secretary = next(r for r in roles if r.name.startswith("Секретарь"))
    assert heads.per_organization
    assert members.per_organization  # the members of a cluster are its organizations
    assert not secretary.per_organization
    assert [a.alias for a in members.aliases] == ["ОПК"]


async def test_importing_the_same_file_twice_changes_nothing(session_factory, setup) -> None:
    cluster_id, _ = setup
    await _apply(session_factory, cluster_id, FIRST, "sha-1")
    async with session_factory() as session:
        before = (await session.execute(select(func.count()).select_from(AuditEntry))).scalar_one()
    again = await _apply(session_factory, cluster_id, FIRST, "sha-1")
    assert not again.applied  # type: ignore[attr-defined]
    async with session_factory() as session:
        after = (await session.execute(select(func.count()).select_from(AuditEntry))).scalar_one()
        items = (await session.execute(select(func.count()).select_from(Item))).scalar_one()
    assert after == before
    assert items == 4


async def test_a_corrected_plan_is_previewed_then_applied_keeping_reports(
    session_factory, setup
) -> None:
    cluster_id, person_id = setup
    await _apply(session_factory, cluster_id, FIRST, "sha-1")
    # A college reported on item 1.2 before the plan was corrected.
    async with session_factory() as session:
        occurrence = (
            await session.execute(select(OccurrenceRow).join(Item).where(Item.number == "1.2"))
        ).scalar_one()
        assignment = Assignment(
            occurrence_id=occurrence.id,
            status=AssignmentStatus.SUBMITTED,
            created_at=NOW,
            updated_at=NOW,
        )
        session.add(assignment)
        await session.flush()
        session.add(
            Report(
                assignment_id=assignment.id,
                author_id=person_id,
                kind=ReportKind.DONE,
                text="Паспорт обновлён",
                created_at=NOW,
            )
        )
        await session.commit()

    corrected = _plan(
        _item("1.1", "Разработка и утверждение плана работы", date(2021, 1, 31), done=True),
        _item("1.2", "Актуализация паспорта образовательного кластера", date(2021, 3, 15)),
        _item(
            "1.4",
            "Проведение заседаний",
            date(2021, 3, 31),
            date(2021, 6, 30),
            date(2021, 9, 30),
            date(2021, 12, 31),
            executors=("Члены образовательно-производственного кластера",),
        ),
        _item("1.5", "Мониторинг трудоустройства выпускников", date(2021, 11, 30)),
    )
    async with session_factory() as session:
        preview = await _service(session).plan(
            cluster_id, corrected, source_hash="sha-2", filename="plan-v2.docx"
        )
        assert preview.is_reimport
        assert [p.number for p in preview.added] == ["1.5"]
        assert [i.number for i in preview.removed] == ["1.3"]
        assert [(c.parsed.number, c.fields) for c in preview.changed] == [
            ("1.2", ("text", "deadline"))
        ]
        assert preview.unchanged == 2
        await session.rollback()
    assert len(await _items(session_factory, cluster_id)) == 4  # the preview wrote nothing

    result = await _apply(session_factory, cluster_id, corrected, "sha-2")
    assert (result.added, result.removed, result.changed) == (1, 1, 1)  # type: ignore[attr-defined]
    items = {i.number: i for i in await _items(session_factory, cluster_id)}
    assert items["1.3"].status is ItemStatus.CANCELLED
    assert items["1.2"].occurrences[0].due_date == date(2021, 3, 15)
    assert items["1.5"].status is ItemStatus.ACTIVE
    async with session_factory() as session:
        reports = (await session.execute(select(Report))).scalars().all()
        actions = (await session.execute(select(AuditEntry.action))).scalars().all()
    assert [r.text for r in reports] == ["Паспорт обновлён"]
    assert "item.removed_by_import" in actions
    assert "document.reimported" in actions


async def test_a_shorter_recurring_schedule_keeps_occurrences_that_have_reports(
    session_factory, setup
) -> None:
    cluster_id, person_id = setup
    await _apply(session_factory, cluster_id, FIRST, "sha-1")
    async with session_factory() as session:
        last = (
            await session.execute(
                select(OccurrenceRow).join(Item).where(Item.number == "1.4", OccurrenceRow.seq == 4)
            )
        ).scalar_one()
        assignment = Assignment(
            occurrence_id=last.id, status=AssignmentStatus.SUBMITTED, created_at=NOW, updated_at=NOW
        )
        session.add(assignment)
        await session.flush()
        session.add(
            Report(
                assignment_id=assignment.id,
                author_id=person_id,
                kind=ReportKind.PROGRESS,
                text="Идёт подготовка",
                created_at=NOW,
            )
        )
        await session.commit()
    shorter = _plan(
        *FIRST.items[:3],
        _item(
            "1.4",
            "Проведение заседаний",
            date(2021, 6, 30),
            date(2021, 12, 31),
            executors=("Члены образовательно-производственного кластера",),
        ),
    )
    await _apply(session_factory, cluster_id, shorter, "sha-3")
    items = {i.number: i for i in await _items(session_factory, cluster_id)}
    dues = [(o.seq, o.due_date) for o in items["1.4"].occurrences]
    assert dues == [(1, date(2021, 6, 30)), (2, date(2021, 12, 31)), (4, date(2021, 12, 31))]


async def test_only_a_coordinator_of_the_cluster_may_import(session_factory, setup) -> None:
    cluster_id, _ = setup
    async with session_factory() as session:
        stranger = Person(
            telegram_id=7,
            full_name="Посторонний",
            is_admin=False,
            private_chat_started=True,
            created_at=NOW,
        )
        session.add(stranger)
        await session.commit()
        with pytest.raises(AccessDenied):
            await _service(session).access.require_coordinator(stranger, cluster_id)


def test_items_are_matched_by_number_then_similar_text_then_same_text() -> None:
    old = [
        Item(number="1", text="Провести совещание руководителей"),
        Item(number="2", text="Подготовить отчёт о работе кластера"),
        Item(number="3", text="Организовать экскурсии для школьников"),
    ]
    new = [
        _item("1", "Провести совещание руководителей ПОО", date(2021, 5, 1)),
        _item("4", "Подготовить отчёт о работе кластера", date(2021, 5, 1)),
        _item("3", "Разработать программу стажировок", date(2021, 5, 1)),
    ]
    pairs, added, removed = match_items(old, new)
    assert [(o.number, n.number) for o, n in pairs] == [("1", "1"), ("2", "4")]
    assert [n.number for n in added] == ["3"]
    assert [o.number for o in removed] == ["3"]


async def test_indicator_targets_are_kept_with_their_item(session_factory, setup) -> None:
    cluster_id, _ = setup
    item = _item("2", "Расширить экспертное сообщество", date(2022, 12, 31))
    item.indicators = [Indicator("2022 год – 50% от количества экспертов ДЭ", 2022, "50%")]
    await _apply(session_factory, cluster_id, _plan(item), "sha-ind")
    stored = (await _items(session_factory, cluster_id))[0]
    assert [(i.year, i.target, i.text) for i in stored.indicators] == [
        (2022, "50%", "2022 год – 50% от количества экспертов ДЭ")
    ]


def _quadratic_match(
    old: list[tuple[str, str]], new: list[tuple[str, str]]
) -> list[tuple[int, int | None]]:
    """The matching as first written (every pair compared): the reference the fast one keeps."""
    import difflib

    found: dict[int, int] = {}
    free_old = list(range(len(old)))
    for rule in ("exact", "similar", "text"):
        for n, (number, text) in enumerate(new):
            if n in found:
                continue
            for o in free_old:
                same_number = old[o][0] == number
                if rule == "exact":
                    hit = same_number and old[o][1] == text
                elif rule == "similar":
                    hit = same_number and (
                        difflib.SequenceMatcher(None, old[o][1], text).ratio() >= 0.6
                    )
                else:
                    hit = old[o][1] == text
                if hit:
                    found[n] = o
                    free_old.remove(o)
                    break
    return [(n, found.get(n)) for n in range(len(new))]


def _reworded_plan(size: int) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    topics = ["совещание", "экскурсию", "стажировку", "конкурс", "семинар", "отчёт", "выставку"]
    old = [
        (f"{i // 20 + 1}.{i % 20 + 1}", f"провести {topics[i % 7]} номер {i} для колледжа {i % 13}")
        for i in range(size)
    ]
    new: list[tuple[str, str]] = []
    for i, (number, text) in enumerate(old):
        if i % 10 == 3:
            continue  # removed
        if i % 10 == 5:
            new.append((number, text.replace("провести", "организовать и провести")))
        elif i % 10 == 7:
            new.append((f"9.{i}", text))  # renumbered, same text
        elif i % 10 == 8:
            new.append((number, f"разработать программу {i} совершенно другого содержания"))
        else:
            new.append((number, text))
    new.append(("99.1", "новое мероприятие, которого не было"))
    return old, new


def test_matching_a_reworded_plan_pairs_the_items_as_comparing_every_pair_did() -> None:
    # Regression guard (issue 9, defect 4): matching is indexed (no pass over every pair),
    # and must still pair exactly what the all-pairs comparison paired.
    old, new = _reworded_plan(400)
    matched = match_keys(old, new)
    assert matched == _quadratic_match(old, new)
    paired = {o for _, o in matched if o is not None}
    assert len(paired) == 320  # 40 removed, 40 rewritten beyond recognition
    assert [new[n][0] for n, o in matched if o is None][-1] == "99.1"


def test_matching_items_that_all_share_one_number_still_pairs_reworded_ones() -> None:
    # A plan without numbers: every item has the same (empty) number, the crowded case.
    old = [("", f"мероприятие номер {i} кластера по теме {i}") for i in range(300)]
    new = [("", f"{text} (уточнено)") for _, text in reversed(old)]
    matched = match_keys(old, new)
    assert matched == [(n, len(old) - 1 - n) for n in range(len(new))]


async def test_a_re_import_matches_its_items_off_the_event_loop(
    session_factory, setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Regression guard (issue 9, defect 4): matching a large reworded plan ran on the event
    # loop, so nobody got an answer meanwhile; it runs in a worker thread.
    import threading

    import bot.services.imports as imports_module

    cluster_id, _ = setup
    await _apply(session_factory, cluster_id, FIRST, "sha-1")
    threads: list[int] = []
    match = imports_module.match_keys

    def spy(*args: Any) -> Any:
        threads.append(threading.get_ident())
        return match(*args)

    monkeypatch.setattr(imports_module, "match_keys", spy)
    reworded = _plan(
        *(_item(i.number, f"{i.text} (уточнено)", date(2021, 5, 1)) for i in FIRST.items)
    )
    async with session_factory() as session:
        plan = await _service(session).plan(
            cluster_id, reworded, source_hash="sha-2", filename="plan.docx"
        )
    assert threads
    assert threads[0] != threading.get_ident()
    assert [c.item.number for c in plan.changed] == ["1.1", "1.2", "1.3", "1.4"]
    assert not plan.added
    assert not plan.removed
