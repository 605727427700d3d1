"""The read side of the plan: the executor's list (/my), /plan, item cards, history, files.

Every read is a fixed handful of joined queries (storage.repositories.ItemRepository): the
number of SQL statements per action does not depend on how many items, assignments or
reports there are. Nothing here writes or commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from bot.errors import AccessDenied, NotFound
from bot.services.access import AccessService
from bot.services.assignments import holds
from storage.models import (
    Assignment,
    AssignmentMode,
    AssignmentStatus,
    Attachment,
    AuditEntry,
    Cluster,
    IndicatorValue,
    Item,
    ItemStatus,
    MemberRole,
    Occurrence,
    Organization,
    Person,
    PlanDocument,
    PlanRole,
    Report,
    ReportDecision,
)
from storage.repositories import ItemRepository
from storage.stats import indicator_values_of_reports
from storage.uow import Storage

REPORTED = (AssignmentStatus.SUBMITTED, AssignmentStatus.ACCEPTED)
OPEN_STATES = (AssignmentStatus.OPEN, AssignmentStatus.RETURNED)


@dataclass(frozen=True, slots=True)
class AssignmentView:
    assignment: Assignment
    occurrence: Occurrence
    item: Item
    cluster: Cluster
    organization: Organization | None
    plan_role: PlanRole | None
    # The reason of the latest return, while the assignment is returned for rework.
    last_return_reason: str | None = None
    # Which done report the next one will be: 1 for the first, 2 after one return, …
    attempt: int = 1

    @property
    def due(self) -> date:
        """This assignment's deadline: moved for it alone, or the occurrence's."""
        return self.assignment.due_date or self.occurrence.due_date


@dataclass(frozen=True, slots=True)
class AssignmentCard:
    view: AssignmentView
    reports: Sequence[Report]
    authors: dict[int, Person]


@dataclass(slots=True)
class ItemCard:
    item: Item
    cluster: Cluster
    assignments: list[AssignmentCard] = field(default_factory=list)
    can_manage: bool = False
    # Whether the item reports per college now (the coordinator's choice, else its roles).
    per_organization: bool = False
    # The indicator value each report gave, by report id (read only for items with indicators).
    indicator_values: dict[int, IndicatorValue] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    at: datetime  # aware UTC; shown in the cluster's zone
    action: str  # the audit action, e.g. "report.returned"; "item.imported" for the origin
    actor: str | None = None  # who acted (None: the system or a removed person)
    party: str | None = None  # the college (or role) the action was about
    reason: str | None = None
    before: tuple[date, ...] = ()  # dates before a deadline change
    after: tuple[date, ...] = ()  # and after it
    document: str | None = None  # the plan that created the item


@dataclass(frozen=True, slots=True)
class ItemHistory:
    item: Item
    cluster: Cluster
    entries: Sequence[HistoryEntry]


@dataclass(frozen=True, slots=True)
class ItemProgress:
    """One line of /plan."""

    item_id: int
    number: str
    text: str
    status: ItemStatus
    section: str | None
    has_dates: bool
    next_due: date | None
    # Parties of the current occurrence: colleges when the item reports per college.
    total: int
    reported: int
    per_organization: bool


@dataclass(frozen=True, slots=True)
class PlanOverview:
    cluster: Cluster
    items: list[ItemProgress]


def is_per_organization(item: Item) -> bool:
    """Whether an item reports per college: the coordinator's choice, else its roles say."""
    if item.assignment_mode is not None:
        return item.assignment_mode is AssignmentMode.PER_ORGANIZATION
    return any(role.per_organization for role in item.plan_roles)


def _dates(value: Any) -> tuple[date, ...]:
    values = value if isinstance(value, list) else [value] if value else []
    found: list[date] = []
    for raw in values:
        try:
            found.append(date.fromisoformat(str(raw)))
        except ValueError:
            continue
    return tuple(found)


class ItemsService:
    def __init__(self, storage: Storage, access: AccessService) -> None:
        self.storage = storage
        self.access = access
        self.reads = ItemRepository(storage.session)

    # --- the executor's side --------------------------------------------------------------------

    async def my_open(self, person: Person) -> list[AssignmentView]:
        """Open assignments the person answers for: by due date, then plan order."""
        memberships = await self.storage.memberships.active_of_person(person.id)
        clusters = {m.cluster_id: m.cluster for m in memberships}
        views = [
            AssignmentView(
                assignment,
                occurrence,
                item,
                clusters[item.cluster_id],
                organization,
                next((r for r in item.plan_roles if r.id == assignment.plan_role_id), None),
            )
            for assignment, occurrence, item, organization in (
                await self.reads.open_assignments_held(memberships)
            )
        ]
        views.sort(key=lambda v: (v.due, v.item.position, v.assignment.id))
        return views

    async def assignment(self, person: Person, assignment_id: int) -> AssignmentView:
        """The assignment, if the person answers for it or coordinates its cluster.

        Strangers learn nothing (not found); members who do not hold it are refused.
        """
        found = await self.reads.assignment_in_context(assignment_id)
        if found is None:
            raise NotFound("error-assignment-not-found")
        assignment, occurrence, item, cluster, organization = found
        if not self.access.is_admin(person):
            membership = await self.storage.memberships.active(cluster.id, person.id)
            if membership is None:
                raise NotFound("error-assignment-not-found")
            if membership.role is not MemberRole.COORDINATOR and not holds(membership, assignment):
                raise AccessDenied("error-not-your-assignment")
        decisions = await self.reads.done_decisions_of(assignment.id)
        last = decisions[-1] if decisions else None
        returned = (
            last[1]
            if last is not None
            and last[0] is ReportDecision.RETURNED
            and assignment.status is AssignmentStatus.RETURNED
            else None
        )
        role = next((r for r in item.plan_roles if r.id == assignment.plan_role_id), None)
        return AssignmentView(
            assignment,
            occurrence,
            item,
            cluster,
            organization,
            role,
            last_return_reason=returned,
            attempt=len(decisions) + (1 if assignment.status in OPEN_STATES else 0) or 1,
        )

    # --- the item card and its history --------------------------------------------------------

    async def _item_for_member(
        self, person: Person, item_id: int
    ) -> tuple[Item, Cluster, PlanDocument | None, bool]:
        """The item, its cluster, its plan and whether the person manages it.

        Strangers learn nothing: an item of another cluster is "not found".
        """
        found = await self.reads.item_in_context(item_id)
        if found is None:
            raise NotFound("error-item-not-found")
        item, cluster, document = found
        if self.access.is_admin(person):
            return item, cluster, document, True
        membership = await self.storage.memberships.active(cluster.id, person.id)
        if membership is None:
            raise NotFound("error-item-not-found")
        return item, cluster, document, membership.role is MemberRole.COORDINATOR

    async def item_card(self, person: Person, item_id: int) -> ItemCard:
        item, cluster, _document, can_manage = await self._item_for_member(person, item_id)
        card = ItemCard(
            item=item,
            cluster=cluster,
            can_manage=can_manage,
            per_organization=is_per_organization(item),
        )
        reports_of: dict[int, list[Report]] = {}
        authors: dict[int, Person] = {}
        for report, author in await self.reads.reports_of_item(item.id):
            reports_of.setdefault(report.assignment_id, []).append(report)
            if author is not None:
                authors[author.id] = author
        roles = {r.id: r for r in item.plan_roles}
        for assignment, occurrence, organization in await self.reads.assignments_of_item(item.id):
            reports = reports_of.get(assignment.id, [])
            if assignment.status is AssignmentStatus.CANCELLED and not reports:
                continue  # switched away before anyone reported: nothing to show
            view = AssignmentView(
                assignment,
                occurrence,
                item,
                cluster,
                organization,
                roles.get(assignment.plan_role_id or 0),
            )
            card.assignments.append(AssignmentCard(view, reports, authors))
        if item.indicators:
            card.indicator_values = await indicator_values_of_reports(
                self.storage.session, [r.id for c in card.assignments for r in c.reports]
            )
        return card

    async def find_item(self, person: Person, number: str) -> int:
        """The id of item ``number`` in the person's clusters, the last chosen cluster first."""
        number = number.strip().rstrip(".")
        item_id = await self.reads.item_id_by_number(
            number,
            None if self.access.is_admin(person) else person.id,
            person.last_cluster_id,
        )
        if item_id is None:
            raise NotFound("error-item-number-not-found", number=number)
        return item_id

    async def item_card_by_number(self, person: Person, number: str) -> ItemCard:
        return await self.item_card(person, await self.find_item(person, number))

    async def history(
        self, person: Person, *, item_id: int | None = None, number: str | None = None
    ) -> ItemHistory:
        """Who did what and for which college, with reasons and each deadline change."""
        if item_id is None:
            item_id = await self.find_item(person, number or "")
        item, cluster, document, _manages = await self._item_for_member(person, item_id)
        parties: dict[int, str] = {}
        for assignment, _occurrence, organization in await self.reads.assignments_of_item(item.id):
            role = next((r for r in item.plan_roles if r.id == assignment.plan_role_id), None)
            parties[assignment.id] = (
                organization.name if organization else role.name if role else ""
            )
        report_parties = {
            report.id: parties.get(report.assignment_id, "")
            for report, _author in await self.reads.reports_of_item(item.id)
        }
        entries = [] if document is None else [_imported(document)]
        for entry, actor in await self.reads.audit_of_item(item.id):
            entries.append(_history_entry(entry, actor, parties, report_parties))
        return ItemHistory(item, cluster, entries)

    async def attachment(self, person: Person, attachment_id: int) -> Attachment:
        found = await self.reads.attachment_with_assignment(attachment_id)
        if found is None:
            raise NotFound("error-not-found")
        attachment, assignment_id = found
        await self.assignment(person, assignment_id)
        return attachment

    # --- the plan -------------------------------------------------------------------------------

    async def plans(self, person: Person) -> list[PlanOverview]:
        """/plan: the plan of every cluster the person sees (all of them for administrators)."""
        if self.access.is_admin(person):
            clusters = list(await self.storage.clusters.all_active())
        else:
            clusters = [
                m.cluster for m in await self.storage.memberships.active_of_person(person.id)
            ]
        if not clusters:
            raise NotFound("error-no-clusters")
        return [await self._overview(cluster) for cluster in clusters]

    async def overview(self, person: Person, cluster_id: int) -> PlanOverview:
        """The plan with progress; every member of the cluster (and administrators) may read it."""
        cluster = await self.storage.clusters.get(cluster_id)
        if cluster is None:
            raise NotFound("error-not-found")
        if (
            not self.access.is_admin(person)
            and await self.storage.memberships.active(cluster_id, person.id) is None
        ):
            raise NotFound("error-not-found")
        return await self._overview(cluster)

    async def _overview(self, cluster: Cluster) -> PlanOverview:
        cluster_id = cluster.id
        rows = await self.reads.plan_items(cluster_id)
        occurrences: dict[int, list[tuple[int, date]]] = {}
        for item_id, occurrence_id, due in await self.reads.plan_occurrences(cluster_id):
            occurrences.setdefault(item_id, []).append((occurrence_id, due))
        assigned: dict[int, list[tuple[int | None, int | None, AssignmentStatus]]] = {}
        for occurrence_id, role_id, org_id, status in await self.reads.plan_assignments(cluster_id):
            assigned.setdefault(occurrence_id, []).append((role_id, org_id, status))
        by_roles = await self.reads.plan_items_per_organization(cluster_id)
        sections = await self.reads.plan_sections(cluster_id)
        progress = []
        for item_id, number, text, status, section_id, mode in rows:
            per_organization = (
                mode is AssignmentMode.PER_ORGANIZATION if mode is not None else item_id in by_roles
            )
            current, total, reported = _current_occurrence(occurrences.get(item_id, []), assigned)
            progress.append(
                ItemProgress(
                    item_id=item_id,
                    number=number,
                    text=text,
                    status=status,
                    section=sections.get(section_id) if section_id else None,
                    has_dates=bool(occurrences.get(item_id)),
                    next_due=current,
                    total=total,
                    reported=reported,
                    per_organization=per_organization,
                )
            )
        return PlanOverview(cluster, progress)


def _current_occurrence(
    occurrences: Sequence[tuple[int, date]],
    assigned: dict[int, list[tuple[int | None, int | None, AssignmentStatus]]],
) -> tuple[date | None, int, int]:
    """The occurrence a coordinator is waiting on, and how many parties owe / have reported.

    The current occurrence is the earliest one somebody still owes a report for (or with no
    assignments yet); once every date is reported, the last one. Parties are counted, not
    assignments: a college that holds two roles of the item is one college, and it has
    reported when none of its assignments for that date is still open. So «2 из 2 ПОО» means
    two colleges, however many dates the item has.
    """
    if not occurrences:
        return None, 0, 0
    current: tuple[int, date] | None = None
    for occurrence in sorted(occurrences, key=lambda o: o[1]):
        rows = assigned.get(occurrence[0], [])
        if not rows or any(status not in REPORTED for _r, _o, status in rows):
            current = occurrence
            break
    due = current[1] if current is not None else None
    counted = current or max(occurrences, key=lambda o: o[1])
    parties: dict[tuple[str, int | None], bool] = {}
    for role_id, org_id, status in assigned.get(counted[0], []):
        key = ("org", org_id) if org_id is not None else ("role", role_id)
        parties[key] = parties.get(key, True) and status in REPORTED
    return due, len(parties), sum(1 for done in parties.values() if done)


def _imported(document: PlanDocument) -> HistoryEntry:
    return HistoryEntry(at=document.imported_at, action="item.imported", document=document.title)


def _history_entry(
    entry: AuditEntry,
    actor: str | None,
    parties: dict[int, str],
    report_parties: dict[int, str],
) -> HistoryEntry:
    details = entry.details or {}
    party = None
    if isinstance(details.get("assignment_id"), int):
        party = parties.get(details["assignment_id"])
    if not party and isinstance(details.get("report_id"), int):
        party = report_parties.get(details["report_id"])
    reason = details.get("reason")
    before = _dates(details.get("before"))
    after = _dates(details.get("after") or details.get("requested"))
    return HistoryEntry(
        at=entry.created_at,
        action=entry.action,
        actor=actor,
        party=party or None,
        reason=str(reason) if reason else None,
        before=before,
        after=after,
    )
