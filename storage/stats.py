"""Reads of /stats and of indicator values: narrow rows of whole clusters, a fixed number of
statements whatever the size (the counting is done by bot/services/stats.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Assignment,
    AssignmentStatus,
    Indicator,
    IndicatorValue,
    Item,
    ItemStatus,
    Occurrence,
    Organization,
    Report,
    ReportKind,
)


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    """A live assignment (neither it nor its item cancelled) with its deadline."""

    cluster_id: int
    assignment_id: int
    status: AssignmentStatus
    organization_id: int | None
    plan_role_id: int | None
    person_id: int | None
    due: date


@dataclass(frozen=True, slots=True)
class DoneReportRow:
    """A done report of a live assignment and the coordinator's decision on it."""

    cluster_id: int
    assignment_id: int
    author_id: int | None
    created_at: datetime
    decision: str | None


def _live(statement: Select) -> Select:  # type: ignore[type-arg]
    return (
        statement.join(Occurrence, Occurrence.id == Assignment.occurrence_id)
        .join(Item, Item.id == Occurrence.item_id)
        .where(
            Assignment.status != AssignmentStatus.CANCELLED,
            Item.status != ItemStatus.CANCELLED,
        )
    )


def _of_clusters(statement: Select, cluster_ids: Sequence[int] | None) -> Select:  # type: ignore[type-arg]
    return statement if cluster_ids is None else statement.where(Item.cluster_id.in_(cluster_ids))


async def assignment_rows(
    session: AsyncSession, cluster_ids: Sequence[int] | None
) -> list[AssignmentRow]:
    """Every live assignment of the clusters (all clusters with None): one statement."""
    statement = _of_clusters(
        _live(
            select(
                Item.cluster_id,
                Assignment.id,
                Assignment.status,
                Assignment.organization_id,
                Assignment.plan_role_id,
                Assignment.person_id,
                func.coalesce(Assignment.due_date, Occurrence.due_date),
            )
        ),
        cluster_ids,
    ).order_by(Assignment.id)
    result = await session.execute(statement)
    return [AssignmentRow(*row) for row in result.all()]


async def done_report_rows(
    session: AsyncSession, cluster_ids: Sequence[int] | None
) -> list[DoneReportRow]:
    """Every done report of the clusters' live assignments, oldest first: one statement."""
    statement = _of_clusters(
        _live(
            select(
                Item.cluster_id,
                Report.assignment_id,
                Report.author_id,
                Report.created_at,
                Report.decision,
            ).join(Assignment, Assignment.id == Report.assignment_id)
        ).where(Report.kind == ReportKind.DONE),
        cluster_ids,
    ).order_by(Report.created_at, Report.id)
    result = await session.execute(statement)
    return [
        DoneReportRow(c, a, author, created, decision.value if decision else None)
        for c, a, author, created, decision in result.all()
    ]


async def live_item_counts(
    session: AsyncSession, cluster_ids: Sequence[int] | None
) -> dict[int, int]:
    """Items not cancelled, per cluster: one grouped statement."""
    statement = select(Item.cluster_id, func.count(Item.id)).where(
        Item.status != ItemStatus.CANCELLED
    )
    if cluster_ids is not None:
        statement = statement.where(Item.cluster_id.in_(cluster_ids))
    result = await session.execute(statement.group_by(Item.cluster_id))
    return {int(cluster_id): int(count) for cluster_id, count in result.all()}


async def organizations_of(session: AsyncSession, cluster_id: int) -> list[Organization]:
    result = await session.execute(
        select(Organization)
        .where(Organization.cluster_id == cluster_id)
        .order_by(Organization.name)
    )
    return list(result.scalars().all())


@dataclass(frozen=True, slots=True)
class IndicatorValueRow:
    item_id: int
    indicator: Indicator
    value: IndicatorValue | None
    organization: Organization | None


async def indicator_value_rows(
    session: AsyncSession, item_ids: Sequence[int]
) -> list[IndicatorValueRow]:
    """The indicators of the items with every value reported for them (oldest first) and the
    value's college: one statement."""
    if not item_ids:
        return []
    statement = (
        select(Indicator, IndicatorValue, Organization)
        .outerjoin(IndicatorValue, IndicatorValue.indicator_id == Indicator.id)
        .outerjoin(Organization, Organization.id == IndicatorValue.organization_id)
        .where(Indicator.item_id.in_(item_ids))
        .order_by(
            Indicator.item_id, Indicator.position, IndicatorValue.created_at, IndicatorValue.id
        )
    )
    result = await session.execute(statement)
    return [IndicatorValueRow(i.item_id, i, v, o) for i, v, o in result.all()]


async def indicator_values_of_reports(
    session: AsyncSession, report_ids: Sequence[int]
) -> dict[int, IndicatorValue]:
    """The value each report gave, by report id: one statement."""
    if not report_ids:
        return {}
    result = await session.execute(
        select(IndicatorValue).where(IndicatorValue.report_id.in_(report_ids))
    )
    return {v.report_id: v for v in result.scalars().all()}
