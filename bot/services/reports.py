"""The control loop: executors report, ask to move a deadline; coordinators accept or return."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm.exc import StaleDataError

from bot.clock import Clock
from bot.domain import callbacks
from bot.errors import AccessDenied, InvalidInput, NotFound
from bot.i18n import Translations, format_date
from bot.services import audit, outbox
from bot.services.access import AccessService
from bot.services.assignments import AssignmentService, holds
from storage.models import (
    Assignment,
    AssignmentStatus,
    Attachment,
    AuditEntry,
    Cluster,
    Item,
    ItemStatus,
    MemberRole,
    Occurrence,
    Organization,
    Person,
    PlanRole,
    Report,
    ReportDecision,
    ReportKind,
)
from storage.uow import Storage

OPEN_STATES = (AssignmentStatus.OPEN, AssignmentStatus.RETURNED)


@dataclass(frozen=True, slots=True)
class FileInfo:
    kind: str  # "document" | "photo"
    file_id: str
    file_unique_id: str
    file_name: str | None = None
    mime_type: str | None = None
    size: int | None = None


@dataclass(frozen=True, slots=True)
class AssignmentView:
    assignment: Assignment
    occurrence: Occurrence
    item: Item
    cluster: Cluster
    organization: Organization | None
    plan_role: PlanRole | None


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
    history: Sequence[AuditEntry] = ()
    can_manage: bool = False


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class ReportService:
    def __init__(
        self,
        storage: Storage,
        clock: Clock,
        access: AccessService,
        assignments: AssignmentService,
        translations: Translations,
    ) -> None:
        self.storage = storage
        self.clock = clock
        self.access = access
        self.assignments = assignments
        self.translations = translations

    # --- reading ------------------------------------------------------------------------------

    async def _view(self, assignment: Assignment) -> AssignmentView:
        occurrence = await self.storage.session.get(Occurrence, assignment.occurrence_id)
        assert occurrence is not None
        item = await self.storage.plans.item(occurrence.item_id)
        assert item is not None
        cluster = await self.storage.clusters.get(item.cluster_id)
        assert cluster is not None
        organization = (
            await self.storage.organizations.get(assignment.organization_id)
            if assignment.organization_id
            else None
        )
        role = next((r for r in item.plan_roles if r.id == assignment.plan_role_id), None)
        return AssignmentView(assignment, occurrence, item, cluster, organization, role)

    async def my_open(self, person: Person) -> list[AssignmentView]:
        """Open assignments the person answers for: overdue first, then by due date."""
        views: list[AssignmentView] = []
        for membership in await self.storage.memberships.active_of_person(person.id):
            rows = await self.storage.assignments.open_of_cluster(membership.cluster_id)
            for assignment, occurrence, item in rows:
                if holds(membership, assignment):
                    organization = (
                        await self.storage.organizations.get(assignment.organization_id)
                        if assignment.organization_id
                        else None
                    )
                    role = next(
                        (r for r in item.plan_roles if r.id == assignment.plan_role_id), None
                    )
                    views.append(
                        AssignmentView(
                            assignment, occurrence, item, membership.cluster, organization, role
                        )
                    )
        views.sort(key=lambda v: (v.occurrence.due_date, v.item.position, v.assignment.id))
        return views

    async def _assignment_for(self, person: Person, assignment_id: int) -> AssignmentView:
        """The assignment, if the person answers for it or coordinates its cluster."""
        assignment = await self.storage.assignments.get(assignment_id)
        if assignment is None:
            raise NotFound("error-assignment-not-found")
        view = await self._view(assignment)
        membership = await self.storage.memberships.active(view.cluster.id, person.id)
        if self.access.is_admin(person):
            return view
        if membership is None:
            raise NotFound("error-assignment-not-found")  # strangers learn nothing
        if membership.role is MemberRole.COORDINATOR or holds(membership, assignment):
            return view
        raise AccessDenied("error-not-your-assignment")

    async def assignment(self, person: Person, assignment_id: int) -> AssignmentView:
        return await self._assignment_for(person, assignment_id)

    # --- executor's side ----------------------------------------------------------------------

    async def report(
        self,
        person: Person,
        assignment_id: int,
        kind: ReportKind,
        text: str | None,
        files: Sequence[FileInfo] = (),
    ) -> Report:
        """A done report, a progress note or a comment, with files; done waits for a decision."""
        view = await self._assignment_for(person, assignment_id)
        assignment = view.assignment
        if view.item.status is not ItemStatus.ACTIVE:
            raise InvalidInput("error-item-closed")
        if kind is ReportKind.DONE and assignment.status not in OPEN_STATES:
            raise InvalidInput("error-already-reported")
        now = self.clock.now()
        report = await self.storage.reports.add(
            Report(
                assignment_id=assignment.id,
                author_id=person.id,
                kind=kind,
                text=(text or "").strip()[:4000] or None,
                created_at=now,
                attachments=[
                    Attachment(
                        kind=f.kind,
                        telegram_file_id=f.file_id,
                        file_unique_id=f.file_unique_id,
                        file_name=f.file_name,
                        mime_type=f.mime_type,
                        size=f.size,
                        created_at=now,
                    )
                    for f in files
                ],
            )
        )
        if kind is ReportKind.DONE:
            assignment.status = AssignmentStatus.SUBMITTED
            assignment.updated_at = now
            await self._flush_or_conflict("error-already-reported")
        await audit.record(
            self.storage,
            at=now,
            action=f"report.{kind.value}",
            entity="item",
            entity_id=view.item.id,
            actor_id=person.id,
            cluster_id=view.cluster.id,
            assignment_id=assignment.id,
            report_id=report.id,
            files=len(files),
        )
        if kind is ReportKind.DONE:
            await self._tell_coordinators(
                view,
                report,
                person,
                kind="report",
                message="notify-report",
                buttons=(("button-accept", "acc"), ("button-return", "ret")),
                comment=report.text or "—",
                files=len(files),
            )
        await self.storage.commit()
        return report

    async def _flush_or_conflict(self, key: str) -> None:
        """Write the versioned assignment now: if someone changed it meanwhile, theirs stands."""
        try:
            await self.storage.session.flush()
        except StaleDataError:
            await self.storage.rollback()
            raise InvalidInput(key) from None

    async def done_by_number(self, person: Person, number: str, text: str | None) -> Report:
        """`/done 2.3 comment`: the person's open assignment of item 2.3, earliest due first."""
        number = number.strip().rstrip(".")
        candidates = [v for v in await self.my_open(person) if v.item.number == number]
        if not candidates:
            raise NotFound("error-no-open-item", number=number)
        if len({v.cluster.id for v in candidates}) > 1 and person.last_cluster_id is not None:
            candidates = [
                v for v in candidates if v.cluster.id == person.last_cluster_id
            ] or candidates
        return await self.report(person, candidates[0].assignment.id, ReportKind.DONE, text)

    async def request_extension(
        self, person: Person, assignment_id: int, new_due: date, reason: str
    ) -> Report:
        view = await self._assignment_for(person, assignment_id)
        if view.assignment.status not in OPEN_STATES:
            raise InvalidInput("error-already-reported")
        if new_due <= view.occurrence.due_date:
            raise InvalidInput(
                "error-extension-not-later", due=format_date(view.occurrence.due_date)
            )
        reason = " ".join(reason.split())
        if len(reason) < 3:
            raise InvalidInput("error-extension-reason")
        now = self.clock.now()
        report = await self.storage.reports.add(
            Report(
                assignment_id=view.assignment.id,
                author_id=person.id,
                kind=ReportKind.EXTENSION_REQUEST,
                text=reason[:2000],
                requested_due_date=new_due,
                created_at=now,
                attachments=[],
            )
        )
        await audit.record(
            self.storage,
            at=now,
            action="report.extension_request",
            entity="item",
            entity_id=view.item.id,
            actor_id=person.id,
            cluster_id=view.cluster.id,
            assignment_id=view.assignment.id,
            report_id=report.id,
            requested=new_due.isoformat(),
        )
        await self._tell_coordinators(
            view,
            report,
            person,
            kind="extension_request",
            message="notify-extension-request",
            buttons=(("button-approve", "ok"), ("button-reject", "no")),
            old=view.occurrence.due_date,
            new=new_due,
            reason=reason,
        )
        await self.storage.commit()
        return report

    # --- coordinator's side -------------------------------------------------------------------

    async def _coordinators(self, cluster_id: int) -> list[Person]:
        return [
            m.person
            for m in await self.storage.memberships.active_of_cluster(cluster_id)
            if m.role is MemberRole.COORDINATOR
        ]

    async def _tell_coordinators(
        self,
        view: AssignmentView,
        report: Report,
        author: Person,
        *,
        kind: str,
        message: str,
        buttons: tuple[tuple[str, str], ...],
        **args: object,
    ) -> None:
        """Queue a message with decision buttons to every coordinator but the author."""
        for coordinator in await self._coordinators(view.cluster.id):
            if coordinator.id == author.id:
                continue
            t = self.translations.for_language(coordinator.language_code)
            await outbox.enqueue(
                self.storage,
                self.clock,
                dedup_key=f"{kind}:{report.id}:to:{coordinator.id}",
                chat_id=coordinator.telegram_id,
                kind=kind,
                person_id=coordinator.id,
                cluster_id=view.cluster.id,
                text=t(
                    message,
                    number=view.item.number,
                    cluster=view.cluster.name,
                    text=_short(view.item.text),
                    name=author.full_name,
                    organization=view.organization.name if view.organization else "—",
                    **args,
                ),
                keyboard=[
                    [
                        {
                            "text": t(label),
                            "callback_data": callbacks.report_action(action, report.id),
                        }
                        for label, action in buttons
                    ]
                ],
            )

    async def _report_for_coordinator(
        self, person: Person, report_id: int
    ) -> tuple[Report, AssignmentView]:
        report = await self.storage.reports.get(report_id)
        if report is None:
            raise NotFound("error-not-found")
        assignment = await self.storage.assignments.get(report.assignment_id)
        assert assignment is not None
        view = await self._view(assignment)
        await self.access.require_coordinator(person, view.cluster.id)
        if report.decision is not None:
            raise InvalidInput("error-already-decided")
        return report, view

    async def report_for_decision(self, person: Person, report_id: int) -> Report:
        report, _ = await self._report_for_coordinator(person, report_id)
        return report

    async def decide(
        self, person: Person, report_id: int, accept: bool, reason: str | None = None
    ) -> Report:
        report, view = await self._report_for_coordinator(person, report_id)
        if report.kind is not ReportKind.DONE:
            raise InvalidInput("error-already-decided")
        reason = " ".join((reason or "").split()) or None
        if not accept and not reason:
            raise InvalidInput("error-return-reason")
        now = self.clock.now()
        report.decision = ReportDecision.ACCEPTED if accept else ReportDecision.RETURNED
        report.decided_by_id = person.id
        report.decided_at = now
        report.decision_reason = reason
        assignment = view.assignment
        assignment.status = AssignmentStatus.ACCEPTED if accept else AssignmentStatus.RETURNED
        assignment.updated_at = now
        await self._flush_or_conflict("error-already-decided")
        await audit.record(
            self.storage,
            at=now,
            action="report.accepted" if accept else "report.returned",
            entity="item",
            entity_id=view.item.id,
            actor_id=person.id,
            cluster_id=view.cluster.id,
            report_id=report.id,
            reason=reason,
        )
        if accept:
            await self._close_item_if_all_accepted(view.item, person)
        await self._tell_author(
            report,
            view,
            "notify-accepted" if accept else "notify-returned",
            keyboard=None
            if accept
            else [
                [
                    {
                        "text": "✅",
                        "callback_data": callbacks.assignment_action("done", assignment.id),
                    }
                ]
            ],
            reason=reason or "",
        )
        await self.storage.commit()
        return report

    async def decide_extension(self, person: Person, report_id: int, approve: bool) -> Report:
        report, view = await self._report_for_coordinator(person, report_id)
        if report.kind is not ReportKind.EXTENSION_REQUEST or report.requested_due_date is None:
            raise InvalidInput("error-already-decided")
        now = self.clock.now()
        report.decision = ReportDecision.APPROVED if approve else ReportDecision.REJECTED
        report.decided_by_id = person.id
        report.decided_at = now
        old = view.occurrence.due_date
        if approve:
            # The occurrence keeps original_due_date: the history of moves stays visible.
            view.occurrence.due_date = report.requested_due_date
        await audit.record(
            self.storage,
            at=now,
            action="deadline.moved" if approve else "deadline.move_rejected",
            entity="item",
            entity_id=view.item.id,
            actor_id=person.id,
            cluster_id=view.cluster.id,
            report_id=report.id,
            before=old.isoformat(),
            requested=report.requested_due_date.isoformat(),
        )
        await self._tell_author(
            report,
            view,
            "notify-extension-approved" if approve else "notify-extension-rejected",
            new=report.requested_due_date,
        )
        await self.storage.commit()
        return report

    async def _close_item_if_all_accepted(self, item: Item, person: Person) -> None:
        occurrence_ids = [o.id for o in item.occurrences]
        assignments = await self.storage.assignments.of_occurrences(occurrence_ids)
        if assignments and all(a.status is AssignmentStatus.ACCEPTED for a in assignments):
            item.status = ItemStatus.DONE
            await audit.record(
                self.storage,
                at=self.clock.now(),
                action="item.done",
                entity="item",
                entity_id=item.id,
                actor_id=person.id,
                cluster_id=item.cluster_id,
            )

    async def _tell_author(
        self,
        report: Report,
        view: AssignmentView,
        key: str,
        keyboard: list[list[dict[str, str]]] | None = None,
        **args: object,
    ) -> None:
        if report.author_id is None:
            return
        author = await self.storage.persons.get(report.author_id)
        if author is None:
            return
        t = self.translations.for_language(author.language_code)
        await outbox.enqueue(
            self.storage,
            self.clock,
            dedup_key=f"decision:{report.id}",
            chat_id=author.telegram_id,
            kind="decision",
            person_id=author.id,
            cluster_id=view.cluster.id,
            text=t(key, number=view.item.number, text=_short(view.item.text), **args),
            keyboard=[[{**button, "text": t("button-done")} for button in row] for row in keyboard]
            if keyboard
            else None,
        )

    # --- the item card ------------------------------------------------------------------------

    async def item_card(self, person: Person, item_id: int) -> ItemCard:
        item = await self.storage.plans.item(item_id)
        if item is None:
            raise NotFound("error-item-not-found")
        membership = await self.storage.memberships.active(item.cluster_id, person.id)
        is_admin = self.access.is_admin(person)
        if membership is None and not is_admin:
            raise NotFound("error-item-not-found")
        cluster = await self.storage.clusters.get(item.cluster_id)
        assert cluster is not None
        can_manage = is_admin or (
            membership is not None and membership.role is MemberRole.COORDINATOR
        )
        card = ItemCard(item=item, cluster=cluster, can_manage=can_manage)
        assignments = await self.storage.assignments.of_occurrences(
            [o.id for o in item.occurrences]
        )
        reports = await self.storage.reports.of_assignments([a.id for a in assignments])
        author_ids = {r.author_id for r in reports if r.author_id is not None}
        authors = {pid: p for pid in author_ids if (p := await self.storage.persons.get(pid))}
        for assignment in assignments:
            view = await self._view(assignment)
            card.assignments.append(
                AssignmentCard(
                    view, [r for r in reports if r.assignment_id == assignment.id], authors
                )
            )
        card.assignments.sort(
            key=lambda c: (
                c.view.occurrence.due_date,
                c.view.organization.name if c.view.organization else "",
            )
        )
        card.history = await self.storage.audit.for_entity("item", item.id)
        return card

    async def find_item(self, person: Person, number: str) -> Item:
        """Item by its number in the person's clusters (the last chosen cluster first)."""
        number = number.strip().rstrip(".")
        clusters = [
            m.cluster_id for m in await self.storage.memberships.active_of_person(person.id)
        ]
        if self.access.is_admin(person):
            clusters = [c.id for c in await self.storage.clusters.all_active()]
        if person.last_cluster_id in clusters:
            clusters.remove(person.last_cluster_id)
            clusters.insert(0, person.last_cluster_id)
        for cluster_id in clusters:
            for item in await self.storage.plans.items_of_cluster(cluster_id):
                if item.number == number:
                    return item
        raise NotFound("error-item-number-not-found", number=number)

    async def attachment(self, person: Person, attachment_id: int) -> Attachment:
        found = await self.storage.session.get(Attachment, attachment_id)
        if found is None:
            raise NotFound("error-not-found")
        report = await self.storage.reports.get(found.report_id)
        assert report is not None
        assignment = await self.storage.assignments.get(report.assignment_id)
        assert assignment is not None
        await self._assignment_for(person, assignment.id)
        return found
