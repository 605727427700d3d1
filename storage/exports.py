"""Reads for the export of a cluster's plan: every assignment and every report of the cluster
in one statement each, with the names they are shown with (no query per item)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Assignment,
    AssignmentStatus,
    Item,
    Occurrence,
    Organization,
    Person,
    Report,
    ReportDecision,
    ReportKind,
)


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    id: int
    item_id: int
    occurrence_id: int
    seq: int
    due_date: date
    original_due_date: date
    own_due_date: date | None
    status: AssignmentStatus
    organization_id: int | None
    organization: str | None


@dataclass(frozen=True, slots=True)
class ReportRow:
    id: int
    assignment_id: int
    item_id: int
    kind: ReportKind
    text: str | None
    created_at: datetime
    decision: ReportDecision | None
    decision_reason: str | None
    requested_due_date: date | None
    author: str | None
    organization: str | None


class ExportRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def assignments_of_cluster(self, cluster_id: int) -> Sequence[AssignmentRow]:
        result = await self.session.execute(
            select(
                Assignment.id,
                Occurrence.item_id,
                Occurrence.id,
                Occurrence.seq,
                Occurrence.due_date,
                Occurrence.original_due_date,
                Assignment.due_date,
                Assignment.status,
                Assignment.organization_id,
                Organization.name,
            )
            .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
            .join(Item, Item.id == Occurrence.item_id)
            .outerjoin(Organization, Organization.id == Assignment.organization_id)
            .where(Item.cluster_id == cluster_id)
            .order_by(Occurrence.item_id, Occurrence.seq, Organization.name, Assignment.id)
        )
        return [AssignmentRow(*cast(tuple[Any, ...], row)) for row in result.all()]

    async def reports_of_cluster(self, cluster_id: int) -> Sequence[ReportRow]:
        result = await self.session.execute(
            select(
                Report.id,
                Report.assignment_id,
                Occurrence.item_id,
                Report.kind,
                Report.text,
                Report.created_at,
                Report.decision,
                Report.decision_reason,
                Report.requested_due_date,
                Person.full_name,
                Organization.name,
            )
            .join(Assignment, Assignment.id == Report.assignment_id)
            .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
            .join(Item, Item.id == Occurrence.item_id)
            .outerjoin(Person, Person.id == Report.author_id)
            .outerjoin(Organization, Organization.id == Assignment.organization_id)
            .where(Item.cluster_id == cluster_id)
            .order_by(Report.created_at, Report.id)
        )
        return [ReportRow(*cast(tuple[Any, ...], row)) for row in result.all()]
