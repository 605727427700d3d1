"""SQLAlchemy models of the whole domain (ARCHITECTURE.md §4); datetimes are aware UTC."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from storage.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _enum(enum_cls: type[StrEnum]) -> SAEnum:
    # Plain strings, not a native ENUM: a new value needs no ALTER TYPE on PostgreSQL.
    return SAEnum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=24,
        values_callable=lambda members: [member.value for member in members],
    )


class MemberRole(StrEnum):
    COORDINATOR = "coordinator"
    EXECUTOR = "executor"
    OBSERVER = "observer"


class InviteRole(StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    EXECUTOR = "executor"
    OBSERVER = "observer"


class ItemStatus(StrEnum):
    ACTIVE = "active"
    DONE = "done"
    CANCELLED = "cancelled"


class AssignmentMode(StrEnum):
    SHARED = "shared"  # one assignment that any holder of the role answers
    PER_ORGANIZATION = "per_organization"  # one assignment per member organization


class AssignmentStatus(StrEnum):
    OPEN = "open"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    RETURNED = "returned"
    CANCELLED = "cancelled"


class ReportKind(StrEnum):
    DONE = "done"
    PROGRESS = "progress"
    COMMENT = "comment"
    EXTENSION_REQUEST = "extension_request"


class ReportDecision(StrEnum):
    ACCEPTED = "accepted"
    RETURNED = "returned"
    APPROVED = "approved"
    REJECTED = "rejected"


class NotificationStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"


membership_plan_roles = Table(
    "membership_plan_roles",
    Base.metadata,
    Column("membership_id", ForeignKey("memberships.id", ondelete="CASCADE"), primary_key=True),
    Column("plan_role_id", ForeignKey("plan_roles.id", ondelete="CASCADE"), primary_key=True),
)

item_plan_roles = Table(
    "item_plan_roles",
    Base.metadata,
    Column("item_id", ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    Column("plan_role_id", ForeignKey("plan_roles.id", ondelete="CASCADE"), primary_key=True),
)

invite_plan_roles = Table(
    "invite_plan_roles",
    Base.metadata,
    Column("invite_id", ForeignKey("invites.id", ondelete="CASCADE"), primary_key=True),
    Column("plan_role_id", ForeignKey("plan_roles.id", ondelete="CASCADE"), primary_key=True),
)


class Cluster(Base):
    __tablename__ = "clusters"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    region: Mapped[str] = mapped_column(String(200), default="")
    timezone: Mapped[str] = mapped_column(String(64))
    group_chat_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    group_thread_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The coordinator's changes to the reminder policy (keys of ReminderPolicy); {} = defaults.
    reminder_settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The last local day whose reminders were queued: a later sweep folds the missed days in.
    reminders_swept_on: Mapped[date | None] = mapped_column(Date)
    # The weekly summary: the coordinator's day and hour (None: the defaults) and its colours.
    summary_settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    branding: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Organization(Base):
    """A member college (ПОО) or another organization of a cluster."""

    __tablename__ = "organizations"
    __table_args__ = (UniqueConstraint("cluster_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cluster_id: Mapped[int] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str | None] = mapped_column(String(100))
    is_college: Mapped[bool] = mapped_column(Boolean, default=True)


class Person(Base):
    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    full_name: Mapped[str] = mapped_column(String(300))
    username: Mapped[str | None] = mapped_column(String(64))
    language_code: Mapped[str | None] = mapped_column(String(16))
    position: Mapped[str | None] = mapped_column(String(300))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    private_chat_started: Mapped[bool] = mapped_column(Boolean, default=False)
    # Telegram refused to deliver to the person (they blocked the bot); cleared when they write.
    unreachable_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("clusters.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PlanRole(Base):
    """A role as plans write it («Руководители ПОО», «Секретарь КС»), per cluster."""

    __tablename__ = "plan_roles"
    __table_args__ = (UniqueConstraint("cluster_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cluster_id: Mapped[int] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300))
    # One assignment per member college instead of one per role holder.
    per_organization: Mapped[bool] = mapped_column(Boolean, default=False)

    # Only the import and typed executors need aliases: PlanRepository.plan_roles_of_cluster
    # loads them; everywhere else a role comes without (and reading them there fails loudly).
    aliases: Mapped[list[PlanRoleAlias]] = relationship(
        back_populates="plan_role", cascade="all, delete-orphan", lazy="raise"
    )


class PlanRoleAlias(Base):
    __tablename__ = "plan_role_aliases"
    __table_args__ = (UniqueConstraint("cluster_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cluster_id: Mapped[int] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    plan_role_id: Mapped[int] = mapped_column(ForeignKey("plan_roles.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300))

    plan_role: Mapped[PlanRole] = relationship(back_populates="aliases")


class Membership(Base):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("cluster_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cluster_id: Mapped[int] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    role: Mapped[MemberRole] = mapped_column(_enum(MemberRole))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL")
    )
    position: Mapped[str | None] = mapped_column(String(300))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    cluster: Mapped[Cluster] = relationship(lazy="joined")
    person: Mapped[Person] = relationship(lazy="joined")
    organization: Mapped[Organization | None] = relationship(lazy="joined")
    plan_roles: Mapped[list[PlanRole]] = relationship(
        secondary=membership_plan_roles, lazy="selectin"
    )


class PlanDocument(Base):
    __tablename__ = "plan_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    cluster_id: Mapped[int] = mapped_column(
        ForeignKey("clusters.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text)
    number: Mapped[str | None] = mapped_column(String(50))
    doc_date: Mapped[date | None] = mapped_column(Date)
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    approver: Mapped[str | None] = mapped_column(String(300))
    source_filename: Mapped[str | None] = mapped_column(String(300))
    source_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    imported_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL")
    )


class Section(Base):
    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("plan_documents.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    number: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)


class Item(Base):
    __tablename__ = "items"
    __table_args__ = (Index("ix_items_cluster_number", "cluster_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cluster_id: Mapped[int] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_documents.id", ondelete="CASCADE"), index=True
    )
    section_id: Mapped[int | None] = mapped_column(ForeignKey("sections.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    number: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    executors_text: Mapped[str] = mapped_column(Text, default="")
    result_text: Mapped[str | None] = mapped_column(Text)
    deadline_text: Mapped[str] = mapped_column(Text, default="")
    deadline_kind: Mapped[str] = mapped_column(String(20))
    mark_text: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    # None: as the plan roles say (college heads per college); or the coordinator's choice.
    assignment_mode: Mapped[AssignmentMode | None] = mapped_column(_enum(AssignmentMode))
    status: Mapped[ItemStatus] = mapped_column(_enum(ItemStatus), default=ItemStatus.ACTIVE)
    status_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    plan_roles: Mapped[list[PlanRole]] = relationship(secondary=item_plan_roles, lazy="selectin")
    indicators: Mapped[list[Indicator]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="Indicator.position"
    )
    occurrences: Mapped[list[Occurrence]] = relationship(
        back_populates="item",
        cascade="all, delete-orphan",
        lazy="selectin",
        order_by="Occurrence.seq",
    )


class Indicator(Base):
    """A target of an item («2022 год – 50%») that can receive an actual value."""

    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer)
    target: Mapped[str | None] = mapped_column(String(100))
    actual: Mapped[str | None] = mapped_column(String(100))
    actual_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class IndicatorValue(Base):
    """The actual value of an indicator as one done report gave it («52%», «14 экспертов»).

    A per-college item gets one per college's report; ``Indicator.actual`` holds the latest
    value reported for the item (the value itself for a shared item)."""

    __tablename__ = "indicator_values"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(
        ForeignKey("indicators.id", ondelete="CASCADE"), index=True
    )
    report_id: Mapped[int] = mapped_column(
        ForeignKey("reports.id", ondelete="CASCADE"), unique=True
    )
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL")
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    value: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Occurrence(Base):
    """One due date of an item; recurring items have several."""

    __tablename__ = "occurrences"
    __table_args__ = (
        UniqueConstraint("item_id", "seq"),
        Index("ix_occurrences_due_date", "due_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    original_due_date: Mapped[date] = mapped_column(Date)

    # Never loaded implicitly: fetch the Item by item_id (its own relationships load eagerly).
    item: Mapped[Item] = relationship(back_populates="occurrences", lazy="raise")


class Assignment(Base):
    """One responsible party for one occurrence: a college, or a person holding a plan role."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurrence_id: Mapped[int] = mapped_column(
        ForeignKey("occurrences.id", ondelete="CASCADE"), index=True
    )
    plan_role_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_roles.id", ondelete="SET NULL")
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[AssignmentStatus] = mapped_column(
        _enum(AssignmentStatus), default=AssignmentStatus.OPEN
    )
    # A deadline moved for this college (or holder) alone; None: the occurrence's date.
    due_date: Mapped[date | None] = mapped_column(Date)
    # Optimistic locking: two people closing the same assignment at once cannot both win.
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Report(Base):
    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("assignments.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    kind: Mapped[ReportKind] = mapped_column(_enum(ReportKind))
    text: Mapped[str | None] = mapped_column(Text)
    requested_due_date: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decision: Mapped[ReportDecision | None] = mapped_column(_enum(ReportDecision))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_reason: Mapped[str | None] = mapped_column(Text)

    attachments: Mapped[list[Attachment]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="Attachment.id"
    )


class Attachment(Base):
    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    telegram_file_id: Mapped[str] = mapped_column(String(255))
    file_unique_id: Mapped[str] = mapped_column(String(255))
    file_name: Mapped[str | None] = mapped_column(String(255))
    mime_type: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Notification(Base):
    """Outbox: a notice — what happened, to whom — written with the state change.

    Services record the kind, the recipient and a small JSON payload of ids and typed
    arguments; the Telegram edge renders the text and keyboard at send time, in the
    recipient's language. A sender claims a row (``claimed_until``) before sending it, so
    two senders never send the same row.
    """

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_status_not_before", "status", "not_before"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dedup_key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    # The recipient: a person (their private chat) or, with no person, a group chat.
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    message_thread_id: Mapped[int | None] = mapped_column(Integer)
    cluster_id: Mapped[int | None] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    silent: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[NotificationStatus] = mapped_column(
        _enum(NotificationStatus), default=NotificationStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    telegram_message_id: Mapped[int | None] = mapped_column(BigInteger)
    last_error: Mapped[str | None] = mapped_column(Text)


class ReminderSnooze(Base):
    """«⏰ Напомнить завтра»: the person's reminders of an assignment wait until ``until``
    (a working day), when the item is in their digest whatever the schedule says."""

    __tablename__ = "reminder_snoozes"
    __table_args__ = (UniqueConstraint("person_id", "assignment_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("assignments.id", ondelete="CASCADE"), index=True
    )
    until: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("clusters.id", ondelete="SET NULL"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(60))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Invite(Base):
    """A one-time or limited deep-link invite; only the SHA-256 of the token is stored."""

    __tablename__ = "invites"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    cluster_id: Mapped[int | None] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    role: Mapped[InviteRole] = mapped_column(_enum(InviteRole))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL")
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    max_uses: Mapped[int] = mapped_column(Integer, default=1)
    used_count: Mapped[int] = mapped_column(Integer, default=0)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    plan_roles: Mapped[list[PlanRole]] = relationship(secondary=invite_plan_roles, lazy="selectin")


class InviteUse(Base):
    __tablename__ = "invite_uses"
    __table_args__ = (UniqueConstraint("invite_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    invite_id: Mapped[int] = mapped_column(ForeignKey("invites.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    used_at: Mapped[datetime] = mapped_column(UTCDateTime)


class FsmRecord(Base):
    """Dialog state of one chat/user, so multi-step dialogs survive a restart."""

    __tablename__ = "fsm_records"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    state: Mapped[str | None] = mapped_column(String(255))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
