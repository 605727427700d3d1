"""The control loop's changes: executors report and ask to move deadlines; coordinators decide."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm.exc import StaleDataError

from bot.clock import Clock
from bot.domain.deadlines import parse_deadline
from bot.domain.drafts import DraftKind, ReportDraft
from bot.domain.notices import Notice, NoticeKind
from bot.errors import InvalidInput, NotFound
from bot.services import audit, notices
from bot.services.access import AccessService
from bot.services.indicators import indicator_for
from bot.services.items import AssignmentView, ItemsService
from storage.models import (
    AssignmentStatus,
    Attachment,
    IndicatorValue,
    Item,
    ItemStatus,
    Person,
    Report,
    ReportDecision,
    ReportKind,
)
from storage.uow import Storage

OPEN_STATES = (AssignmentStatus.OPEN, AssignmentStatus.RETURNED)
REPORT_KINDS = {
    DraftKind.DONE: ReportKind.DONE,
    DraftKind.NOTE: ReportKind.PROGRESS,
    DraftKind.FILE: ReportKind.COMMENT,
}


def _report(
    draft: ReportDraft, kind: ReportKind, assignment_id: int, author_id: int, now: datetime
) -> Report:
    return Report(
        assignment_id=assignment_id,
        author_id=author_id,
        kind=kind,
        text=draft.text or None,
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
            for f in draft.files
        ],
    )


@dataclass(frozen=True, slots=True)
class Submitted:
    report: Report
    view: AssignmentView
    as_note: bool  # a colleague had reported meanwhile: kept as a note on the item


@dataclass(frozen=True, slots=True)
class Decided:
    report: Report
    view: AssignmentView


class ReportService:
    def __init__(
        self,
        storage: Storage,
        clock: Clock,
        access: AccessService,
        items: ItemsService,
    ) -> None:
        self.storage = storage
        self.clock = clock
        self.access = access
        self.items = items

    # --- executor's side ----------------------------------------------------------------------

    @staticmethod
    def _check_reportable(view: AssignmentView, kind: DraftKind) -> None:
        """Refuse at the first press, before anyone types: a stale ✅ never opens a dialog."""
        if view.item.status is not ItemStatus.ACTIVE:
            raise InvalidInput(f"error-item-{view.item.status.value}", number=view.item.number)
        status = view.assignment.status
        if status is AssignmentStatus.CANCELLED:
            raise InvalidInput("error-assignment-cancelled", number=view.item.number)
        if kind is DraftKind.DONE and status is AssignmentStatus.SUBMITTED:
            raise InvalidInput("error-already-reported", number=view.item.number)
        if kind is DraftKind.DONE and status is AssignmentStatus.ACCEPTED:
            raise InvalidInput("error-already-accepted", number=view.item.number)

    async def begin(self, person: Person, assignment_id: int, kind: DraftKind) -> AssignmentView:
        """The assignment a report is about to be written for, if it can take one now."""
        view = await self.items.assignment(person, assignment_id)
        self._check_reportable(view, kind)
        return view

    @staticmethod
    def new_draft(view: AssignmentView, kind: DraftKind) -> ReportDraft:
        """An empty draft; a done report of an item with an indicator for the year of the
        deadline will ask for its actual value before it is sent."""
        draft = ReportDraft(view.assignment.id, kind)
        if kind is DraftKind.DONE:
            indicator = indicator_for(view.item, view.due)
            draft.indicator_year = indicator.year if indicator is not None else None
        return draft

    async def submit(self, person: Person, draft: ReportDraft) -> Submitted:
        """Store a report with its comment and files; a done report waits for a decision.

        A colleague holding the same role may have sent the done report meanwhile: then
        what this person wrote is kept as a note on the item, never thrown away.
        """
        draft.check_ready()
        view = await self.items.assignment(person, draft.assignment_id)
        assignment = view.assignment
        if view.item.status is not ItemStatus.ACTIVE:
            raise InvalidInput(f"error-item-{view.item.status.value}", number=view.item.number)
        kind = REPORT_KINDS[draft.kind]
        now = self.clock.now()
        as_note = kind is ReportKind.DONE and assignment.status not in OPEN_STATES
        if kind is ReportKind.DONE and not as_note:
            # A colleague's report committed since the read makes this one a note.
            as_note = not await self.storage.assignments.move_if_unchanged(
                assignment, AssignmentStatus.SUBMITTED, now, OPEN_STATES
            )
        if as_note:
            kind = ReportKind.PROGRESS
        report = await self.storage.reports.add(_report(draft, kind, assignment.id, person.id, now))
        indicator = indicator_for(view.item, view.due) if draft.actual is not None else None
        if indicator is not None and draft.actual is not None:
            self.storage.session.add(
                IndicatorValue(
                    indicator_id=indicator.id,
                    report_id=report.id,
                    assignment_id=assignment.id,
                    organization_id=assignment.organization_id,
                    author_id=person.id,
                    value=draft.actual,
                    created_at=now,
                )
            )
            if kind is ReportKind.DONE:  # a note's value is kept, the item's stays
                indicator.actual = draft.actual
                indicator.actual_at = now
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
            organization=view.organization.name if view.organization else None,
            files=len(draft.files),
            **({"indicator": draft.actual} if indicator is not None else {}),
        )
        if kind is ReportKind.DONE:
            await self._tell_coordinators(
                view,
                report,
                person,
                NoticeKind.REPORT_SUBMITTED,
                **(
                    {"indicator_year": indicator.year, "indicator_actual": draft.actual}
                    if indicator is not None
                    else {}
                ),
            )
        await self.storage.commit()
        return Submitted(report=report, view=view, as_note=as_note)

    async def done_by_number(self, person: Person, number: str, text: str | None) -> Submitted:
        """`/done 2.3 comment`: the person's open assignment of item 2.3, earliest due first."""
        draft, _view = await self.done_draft_by_number(person, number, text)
        return await self.submit(person, draft)

    async def done_draft_by_number(
        self, person: Person, number: str, text: str | None
    ) -> tuple[ReportDraft, AssignmentView]:
        """The done report `/done 2.3 comment` makes, not yet sent: an item with an indicator
        asks for its value first (``draft.awaits_actual``)."""
        number = number.strip().rstrip(".")
        candidates = [v for v in await self.items.my_open(person) if v.item.number == number]
        if not candidates:
            raise NotFound("error-no-open-item", number=number)
        if len({v.cluster.id for v in candidates}) > 1 and person.last_cluster_id is not None:
            candidates = [
                v for v in candidates if v.cluster.id == person.last_cluster_id
            ] or candidates
        draft = self.new_draft(candidates[0], DraftKind.DONE)
        draft.add_text(text or "")
        return draft, candidates[0]

    async def done_by_reply(self, person: Person, assignment_id: int, text: str) -> Submitted:
        """A reply to a notice that carries the item's ✅ button: the reply is the done report."""
        draft, _view = await self.done_draft_by_reply(person, assignment_id, text)
        return await self.submit(person, draft)

    async def done_draft_by_reply(
        self, person: Person, assignment_id: int, text: str
    ) -> tuple[ReportDraft, AssignmentView]:
        """The done report a reply makes, not yet sent (see ``done_draft_by_number``)."""
        view = await self.begin(person, assignment_id, DraftKind.DONE)
        draft = self.new_draft(view, DraftKind.DONE)
        draft.add_text(text)
        return draft, view

    async def begin_extension(self, person: Person, assignment_id: int) -> AssignmentView:
        view = await self.items.assignment(person, assignment_id)
        self._check_reportable(view, DraftKind.DONE)
        return view

    async def read_new_due(self, person: Person, assignment_id: int, phrase: str) -> date:
        """The date a typed phrase asks to move the deadline to («до 15.05.2022», «июнь»)."""
        view = await self.begin_extension(person, assignment_id)
        deadline = parse_deadline(phrase, reference=self.clock.now().date())
        if not deadline.is_dated:
            raise InvalidInput("error-deadline-unreadable", text=phrase)
        due = deadline.occurrences[-1].due
        if due <= view.due:
            raise InvalidInput("error-extension-not-later", due=view.due)
        return due

    async def request_extension(
        self, person: Person, assignment_id: int, new_due: date, reason: str
    ) -> Report:
        view = await self.begin_extension(person, assignment_id)
        if new_due <= view.due:
            raise InvalidInput("error-extension-not-later", due=view.due)
        reason = " ".join(reason.split())
        if len(reason) < 3:
            raise InvalidInput("error-extension-reason")
        now = self.clock.now()
        report = await self.storage.reports.add(
            Report(
                assignment_id=view.assignment.id,
                author_id=person.id,
                kind=ReportKind.EXTENSION_REQUEST,
                text=reason,
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
            organization=view.organization.name if view.organization else None,
            before=view.due.isoformat(),
            requested=new_due.isoformat(),
        )
        await self._tell_coordinators(
            view,
            report,
            person,
            NoticeKind.EXTENSION_REQUESTED,
            old_due=view.due.isoformat(),
        )
        await self.storage.commit()
        return report

    # --- coordinator's side -------------------------------------------------------------------

    async def _tell_coordinators(
        self,
        view: AssignmentView,
        report: Report,
        author: Person,
        kind: NoticeKind,
        **payload: str | int | None,
    ) -> None:
        """Queue a notice about the report to every coordinator of the cluster but the author."""
        for coordinator_id in await self.storage.memberships.coordinator_ids(view.cluster.id):
            if coordinator_id == author.id:
                continue
            await notices.record(
                self.storage,
                self.clock,
                Notice(
                    kind=kind,
                    dedup_key=f"{kind.value}:{report.id}:to:{coordinator_id}",
                    person_id=coordinator_id,
                    cluster_id=view.cluster.id,
                    payload={"report_id": report.id, **payload},
                ),
            )

    async def _tell_author(self, report: Report, view: AssignmentView, kind: NoticeKind) -> None:
        if report.author_id is None:
            return
        await notices.record(
            self.storage,
            self.clock,
            Notice(
                kind=kind,
                dedup_key=f"decision:{report.id}",
                person_id=report.author_id,
                cluster_id=view.cluster.id,
                payload={"report_id": report.id},
            ),
        )

    async def _report_for_coordinator(
        self, person: Person, report_id: int
    ) -> tuple[Report, AssignmentView]:
        report = await self.storage.reports.get(report_id)
        if report is None:
            raise NotFound("error-not-found")
        view = await self.items.assignment(person, report.assignment_id)
        await self.access.require_coordinator(person, view.cluster.id)
        if report.decision is not None:
            raise InvalidInput("error-already-decided")
        return report, view

    async def report_for_decision(self, person: Person, report_id: int) -> Report:
        report, _ = await self._report_for_coordinator(person, report_id)
        return report

    async def decide(
        self, person: Person, report_id: int, accept: bool, reason: str | None = None
    ) -> Decided:
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
            organization=view.organization.name if view.organization else None,
            reason=reason,
        )
        if accept:
            await self._close_item_if_all_accepted(view.item, person)
        await self._tell_author(
            report, view, NoticeKind.REPORT_ACCEPTED if accept else NoticeKind.REPORT_RETURNED
        )
        await self.storage.commit()
        return Decided(report=report, view=view)

    async def _flush_or_conflict(self, key: str) -> None:
        """Write the versioned assignment now: if someone changed it meanwhile, theirs stands."""
        try:
            await self.storage.session.flush()
        except StaleDataError:
            await self.storage.rollback()
            raise InvalidInput(key) from None

    async def decide_extension(self, person: Person, report_id: int, approve: bool) -> Decided:
        report, view = await self._report_for_coordinator(person, report_id)
        if report.kind is not ReportKind.EXTENSION_REQUEST or report.requested_due_date is None:
            raise InvalidInput("error-already-decided")
        now = self.clock.now()
        report.decision = ReportDecision.APPROVED if approve else ReportDecision.REJECTED
        report.decided_by_id = person.id
        report.decided_at = now
        old = view.due
        if approve:
            # Moved for this college (or holder) alone; the plan's own date stays as it is.
            view.assignment.due_date = report.requested_due_date
        await audit.record(
            self.storage,
            at=now,
            action="deadline.moved" if approve else "deadline.move_rejected",
            entity="item",
            entity_id=view.item.id,
            actor_id=person.id,
            cluster_id=view.cluster.id,
            report_id=report.id,
            organization=view.organization.name if view.organization else None,
            before=old.isoformat(),
            requested=report.requested_due_date.isoformat(),
        )
        await self._tell_author(
            report,
            view,
            NoticeKind.EXTENSION_APPROVED if approve else NoticeKind.EXTENSION_REJECTED,
        )
        await self.storage.commit()
        return Decided(report=report, view=view)

    async def _close_item_if_all_accepted(self, item: Item, person: Person) -> None:
        statuses = await self.storage.assignments.statuses_of_item(item.id)
        live = [status for status in statuses if status is not AssignmentStatus.CANCELLED]
        if live and all(status is AssignmentStatus.ACCEPTED for status in live):
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

    async def report_in_full(self, person: Person, report_id: int) -> tuple[Report, AssignmentView]:
        """A report with everything typed in it, for its author, holders and coordinators."""
        report = await self.storage.reports.get(report_id)
        if report is None:
            raise NotFound("error-not-found")
        return report, await self.items.assignment(person, report.assignment_id)

    async def report_files(self, person: Person, report_id: int) -> tuple[Report, Item]:
        """A report's files, for its author and the cluster's coordinators."""
        report = await self.storage.reports.get(report_id)
        if report is None:
            raise NotFound("error-not-found")
        view = await self.items.assignment(person, report.assignment_id)
        if not report.attachments:
            raise InvalidInput("report-no-files")
        return report, view.item
