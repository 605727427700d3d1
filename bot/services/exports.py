"""The plan given back as a document: ExportService builds the format-neutral model
(bot/exports/model.py) — the plan in its own layout with «Отметка о выполнении» filled from
the reports, and every report. Read-only; coordinators, observers and administrators.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from bot.clock import Clock
from bot.domain.branding import Branding
from bot.domain.calendar import local_time, local_today
from bot.errors import AccessDenied, NotFound
from bot.exports.model import (
    Approval,
    ExportItem,
    ExportReport,
    ExportSection,
    IndicatorLine,
    Mark,
    MarkState,
    PlanExport,
)
from bot.services.access import AccessService
from bot.services.items import is_per_organization
from storage.exports import AssignmentRow, ExportRepository, ReportRow
from storage.models import (
    AssignmentStatus,
    Cluster,
    Item,
    ItemStatus,
    MemberRole,
    Person,
    PlanDocument,
    ReportDecision,
    ReportKind,
)
from storage.uow import Storage

MAX_LOGO_BYTES = 2 * 1024 * 1024
_LOGO_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
_VIEWERS = (MemberRole.COORDINATOR, MemberRole.OBSERVER)
_REPORTED = (AssignmentStatus.SUBMITTED, AssignmentStatus.ACCEPTED)


def read_logo(path: str | None) -> bytes | None:
    """The logo's bytes if it names a readable PNG or JPEG file of a sensible size, else None."""
    if not path:
        return None
    try:
        file = Path(path).expanduser()
        if not file.is_file() or file.stat().st_size > MAX_LOGO_BYTES:
            return None
        data = file.read_bytes()
    except OSError:
        return None
    return data if data.startswith(_LOGO_MAGIC) else None


def short_person(full_name: str | None) -> str:
    """«Иванов Иван Иванович» → «Иванов И.И.»; other names as they are."""
    if not full_name:
        return ""
    words = full_name.split()
    if len(words) == 3 and all(w[:1].isupper() and w.isalpha() for w in words):
        return f"{words[0]} {words[1][0]}.{words[2][0]}."
    return full_name


@dataclass(frozen=True, slots=True)
class ExportChoice:
    cluster_id: int
    name: str


class ExportService:
    def __init__(
        self,
        storage: Storage,
        clock: Clock,
        access: AccessService,
        branding: Branding | None = None,
    ) -> None:
        self.storage = storage
        self.clock = clock
        self.access = access
        self.branding = branding or Branding()
        self.rows = ExportRepository(storage.session)

    async def clusters(self, person: Person) -> list[ExportChoice]:
        """The clusters the person may export: coordinators and observers (admins: all)."""
        if self.access.is_admin(person):
            clusters: Sequence[Cluster] = await self.storage.clusters.all_active()
        else:
            clusters = [
                m.cluster
                for m in await self.storage.memberships.active_of_person(person.id)
                if m.role in _VIEWERS and m.cluster.archived_at is None
            ]
        return [ExportChoice(c.id, c.name) for c in sorted(clusters, key=lambda c: c.name)]

    async def build(self, person: Person, cluster_id: int) -> PlanExport:
        cluster = await self.storage.clusters.get(cluster_id)
        if cluster is None:
            raise NotFound("error-not-found")
        if not self.access.is_admin(person):
            membership = await self.storage.memberships.active(cluster_id, person.id)
            if membership is None or membership.role not in _VIEWERS:
                raise AccessDenied("export-denied")
        return await self.of_cluster(cluster)

    async def by_name(self, name: str) -> PlanExport:
        """For the command line (whoever runs it holds the database)."""
        cluster = await self.storage.clusters.by_name(name)
        if cluster is None:
            raise NotFound("error-not-found", cluster=name)
        return await self.of_cluster(cluster)

    async def of_cluster(self, cluster: Cluster) -> PlanExport:
        documents = list(await self.storage.plans.documents_of_cluster(cluster.id))
        items = list(await self.storage.plans.items_of_cluster(cluster.id))
        if not items:
            raise NotFound("export-no-plan", cluster=cluster.name)
        today = local_today(self.clock.now(), cluster.timezone)
        assignments = await self.rows.assignments_of_cluster(cluster.id)
        reports = await self.rows.reports_of_cluster(cluster.id)
        by_item: dict[int, list[AssignmentRow]] = defaultdict(list)
        for row in assignments:
            by_item[row.item_id].append(row)
        reports_of: dict[int, list[ReportRow]] = defaultdict(list)
        for report in reports:
            reports_of[report.assignment_id].append(report)
        items_of_item = {r.item_id for r in reports}

        plan = _main_document(documents)
        sections = await self._sections(documents, items)
        export_sections = tuple(
            ExportSection(
                title,
                tuple(
                    _item(
                        item,
                        by_item[item.id],
                        reports_of,
                        item.id in items_of_item,
                        today,
                        cluster.timezone,
                    )
                    for item in members
                ),
            )
            for title, members in sections
        )
        numbers = {item.id: item.number for item in items}
        branding = self.branding.with_changes(cluster.branding or {})
        return PlanExport(
            cluster=cluster.name,
            title=plan.title if plan else cluster.name,
            approval=Approval(plan.approver, plan.doc_date) if plan else None,
            today=today,
            sections=export_sections,
            reports=tuple(_report(r, numbers, cluster.timezone) for r in reports),
            branding=branding,
            logo=read_logo(branding.logo),
        )

    async def _sections(
        self, documents: Sequence[PlanDocument], items: Sequence[Item]
    ) -> list[tuple[str, list[Item]]]:
        """Sections in plan order (the plan first, then protocols, then items added by hand)."""
        order = sorted(documents, key=lambda d: (d.kind != "plan", d.imported_at, d.id))
        titles: dict[int | None, str] = {}
        keys: list[tuple[int, int | None]] = []
        for document in order:
            for section in await self.storage.plans.sections_of_document(document.id):
                titles[section.id] = section.title
                keys.append((document.id, section.id))
        grouped: dict[tuple[int | None, int | None], list[Item]] = defaultdict(list)
        for item in items:
            grouped[(item.document_id, item.section_id)].append(item)
        result: list[tuple[str, list[Item]]] = []
        seen: set[tuple[int | None, int | None]] = set()
        for document in order:
            for key in [k for k in keys if k[0] == document.id]:
                if grouped.get(key):
                    result.append((titles[key[1]], grouped[key]))
                    seen.add(key)
            key = (document.id, None)
            if grouped.get(key):
                title = document.title if document.kind != "plan" else ""
                result.append((title, grouped[key]))
                seen.add(key)
        rest = [i for k, v in grouped.items() if k not in seen for i in v]
        if rest:
            result.append(("Дополнительные пункты", rest))
        return result


def _main_document(documents: Sequence[PlanDocument]) -> PlanDocument | None:
    plans = [d for d in documents if d.kind == "plan"]
    return plans[0] if plans else (documents[0] if documents else None)


def _item(
    item: Item,
    assignments: list[AssignmentRow],
    reports_of: dict[int, list[ReportRow]],
    reported: bool,
    today: date,
    timezone: str,
) -> ExportItem:
    per_org = is_per_organization(item)
    live = [a for a in assignments if a.status is not AssignmentStatus.CANCELLED]
    parties: dict[int | None, list[AssignmentRow]] = defaultdict(list)
    for row in live:
        parties[row.organization_id if per_org else None].append(row)
    moved_to = _plan_moved(item, live, per_org)
    marks: list[Mark] = []
    if item.status is ItemStatus.CANCELLED:
        marks.append(Mark(MarkState.CANCELLED, comment=item.status_reason))
    elif not reported and item.mark_text:
        marks.append(Mark(MarkState.IMPORTED, comment=item.mark_text))
    elif not parties:
        marks.append(_undistributed(item, today))
    else:
        ordered = sorted(parties.items(), key=lambda p: (p[1][0].organization or "", p[0] or 0))
        for org_id, rows in ordered:
            org = rows[0].organization if per_org and org_id is not None else None
            marks.append(_party(item, org, rows, reports_of, today, timezone))
    return ExportItem(
        number=item.number,
        text=item.text,
        executors=item.executors_text,
        deadline=item.deadline_text,
        moved_to=moved_to,
        result=item.result_text or "",
        indicators=tuple(
            IndicatorLine(i.text, i.target, i.actual, i.year) for i in item.indicators
        ),
        marks=tuple(marks),
        per_organization=per_org,
    )


def _plan_moved(item: Item, live: list[AssignmentRow], per_org: bool) -> date | None:
    """The plan's date moved for everyone (or, of a shared item, its one assignment's)."""
    for occurrence in item.occurrences:
        if occurrence.due_date != occurrence.original_due_date:
            return occurrence.due_date
    if not per_org:
        for row in live:
            if row.own_due_date is not None and row.own_due_date != row.original_due_date:
                return row.own_due_date
    return None


def _undistributed(item: Item, today: date) -> Mark:
    """Nobody holds the item's roles yet: what the dates alone say."""
    if item.status is ItemStatus.DONE:
        return Mark(MarkState.CLOSED, comment=item.status_reason)
    dues = [o.due_date for o in item.occurrences]
    if not dues:
        return Mark(MarkState.NO_DATE)
    upcoming = [d for d in dues if d >= today]
    if upcoming:
        return Mark(MarkState.IN_PROGRESS, when=min(upcoming))
    last = max(dues)
    return Mark(MarkState.OVERDUE, when=last, days_overdue=(today - last).days)


def _party(
    item: Item,
    organization: str | None,
    rows: list[AssignmentRow],
    reports_of: dict[int, list[ReportRow]],
    today: date,
    timezone: str,
) -> Mark:
    """One college's (or the shared) line: the first date not yet done decides."""
    by_occurrence: dict[int, list[AssignmentRow]] = defaultdict(list)
    for row in rows:
        by_occurrence[row.occurrence_id].append(row)
    occurrences = sorted(by_occurrence.values(), key=lambda r: (r[0].due_date, r[0].seq))
    total = len(occurrences)
    done = [o for o in occurrences if all(a.status is AssignmentStatus.ACCEPTED for a in o)]
    current = next(
        (o for o in occurrences if not all(a.status is AssignmentStatus.ACCEPTED for a in o)),
        None,
    )
    common = Mark(MarkState.IN_PROGRESS, organization, done_count=len(done), total=total)
    if current is None:
        report = _latest_done(rows, reports_of, accepted=True)
        return _done_mark(MarkState.DONE, report, common, timezone)
    if item.status is ItemStatus.DONE:
        return replace(common, state=MarkState.CLOSED, comment=item.status_reason)
    if all(a.status in _REPORTED for a in current):
        report = _latest_done(current, reports_of, accepted=False)
        return _done_mark(MarkState.SUBMITTED, report, common, timezone)
    first = current[0]
    owns = [a.own_due_date for a in current if a.own_due_date is not None]
    due = max(owns) if owns else first.due_date
    moved = due if due != first.original_due_date else None
    if due < today:
        return replace(
            common,
            state=MarkState.OVERDUE,
            when=due,
            days_overdue=(today - due).days,
            moved_to=moved,
        )
    if moved is not None:
        return replace(common, state=MarkState.MOVED, when=due, moved_to=moved)
    return replace(common, when=due)


def _latest_done(
    rows: Sequence[AssignmentRow], reports_of: dict[int, list[ReportRow]], *, accepted: bool
) -> ReportRow | None:
    candidates = [
        r
        for a in rows
        for r in reports_of.get(a.id, [])
        if r.kind is ReportKind.DONE
        and (r.decision is ReportDecision.ACCEPTED if accepted else r.decision is None)
    ]
    return max(candidates, key=lambda r: (r.created_at, r.id)) if candidates else None


def _done_mark(state: MarkState, report: ReportRow | None, common: Mark, timezone: str) -> Mark:
    if report is None:
        return replace(common, state=state)
    return replace(
        common,
        state=state,
        when=local_time(report.created_at, timezone).date(),
        author=short_person(report.author),
        comment=" ".join((report.text or "").split()) or None,
    )


def _report(row: ReportRow, numbers: dict[int, str], timezone: str) -> ExportReport:
    return ExportReport(
        when=local_time(row.created_at, timezone).date(),
        item_number=numbers.get(row.item_id, ""),
        organization=row.organization or "",
        author=short_person(row.author),
        kind=row.kind.value,
        text=row.text or "",
        decision=row.decision.value if row.decision else "",
        requested_due_date=row.requested_due_date,
        reason=row.decision_reason or "",
    )
