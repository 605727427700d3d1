"""Importing plans and protocols: preview what would change, then apply once, keeping reports."""

from __future__ import annotations

import asyncio
import hashlib
from collections import Counter, OrderedDict, defaultdict, deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from itertools import islice

from rapidfuzz import fuzz

from bot.clock import Clock
from bot.domain.deadlines import (
    DeadlineKind,
    Period,
    academic_year,
    calendar_year,
    needs_year,
    parse_deadline,
)
from bot.domain.documents import DocumentKind, ParsedDocument, ParsedItem, ParseWarning
from bot.domain.parsing import parse_document
from bot.domain.readers import read_document
from bot.domain.roles import is_per_organization, normalise, role_key
from bot.domain.titles import other_cluster_named
from bot.errors import AccessDenied, DocumentRejected, InvalidInput, NotFound
from bot.services import audit
from bot.services.access import AccessService
from bot.services.assignments import AssignmentService
from storage.models import (
    Cluster,
    Indicator,
    Item,
    ItemStatus,
    MemberRole,
    Occurrence,
    Person,
    PlanDocument,
    PlanRole,
    PlanRoleAlias,
    Section,
)
from storage.uow import Storage

# Reads the uploaded file when the service decides it is needed (after the access checks).
Fetch = Callable[[], Awaitable[bytes]]


def parse_upload(
    data: bytes, filename: str | None, *, max_bytes: int, reference: date
) -> ParsedDocument:
    """Read and understand a file; raises DocumentRejected with a message key, stores nothing."""
    raw = read_document(data, filename, max_bytes=max_bytes)
    return parse_document(raw, reference=reference)


def needs_period(parsed: ParsedDocument) -> bool:
    """A plan that names no period and bears no date, with a term lacking its year: which year
    «в марте» means is the coordinator's to say, never today's guess. Where every term has its
    year («29.08.2017г.») nothing is asked."""
    return (
        parsed.kind is DocumentKind.PLAN
        and parsed.period is None
        and parsed.date is None
        and not all(map(_carries_its_year, parsed.items))
    )


def _carries_its_year(item: ParsedItem) -> bool:
    """Whether an item's term needs no period: it gives its own year («29.08.2017г.»: the same
    days read with no period at all; not «с I квартала 2022 г., далее - ежегодно», which runs
    to the period's end) or no date to place («по графику», an unread phrase)."""
    if not item.deadline.is_dated:
        return not needs_year(item.deadline)
    alone = parse_deadline(item.deadline.text)  # the same days with no period at all
    spans = alone.kind in (DeadlineKind.RECURRING, DeadlineKind.CONTINUOUS)  # to the period's end
    return alone.is_dated and not spans and alone.occurrences == item.deadline.occurrences


def in_period(parsed: ParsedDocument, period: Period | None) -> ParsedDocument:
    """The plan without a period of its own read again in ``period`` (the coordinator's
    answer), with every rule of the parse (a month row's days, a programme's day); with None,
    its phrases needing a year are left undated («needing a date»), not read in the year from
    today. Any other document is returned as it is."""
    if not needs_period(parsed) or parsed.source is None:
        if any(w.code == "warn-no-period" for w in parsed.warnings) and all(
            map(_carries_its_year, parsed.items)
        ):
            # every term has its year («29.08.2017г.»): none is counted from today
            warnings = [w for w in parsed.warnings if w.code != "warn-no-period"]
            return replace(parsed, warnings=warnings)
        return parsed
    again = parse_document(parsed.source, period=period)
    warnings = [w for w in again.warnings if w.code != "warn-no-period"]
    if period is None:  # «сроки без года отсчитываются от сегодняшнего дня» is no longer so
        warnings.insert(0, ParseWarning("warn-no-period-asked", {}))
    return replace(again, warnings=warnings)


def period_choices(today: date) -> tuple[Period, ...]:
    """The periods a plan without one most likely covers: this school year and the next, this
    calendar year and the next."""
    school = today.year if today.month >= 9 else today.year - 1
    return (
        academic_year(school),
        academic_year(school + 1),
        calendar_year(today.year),
        calendar_year(today.year + 1),
    )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def new_plan_role(cluster_id: int, name: str) -> PlanRole:
    """A plan role as first met in a document or a typed executors line."""
    return PlanRole(
        cluster_id=cluster_id,
        name=name,
        key=role_key(name),
        per_organization=is_per_organization(name),
        aliases=[],
    )


def _occurrence_dates(parsed: ParsedItem) -> list[tuple[date | None, date]]:
    return [(o.start, o.due) for o in parsed.deadline.occurrences]


@dataclass(frozen=True, slots=True)
class ItemChange:
    item: Item
    parsed: ParsedItem
    fields: tuple[str, ...]


@dataclass(slots=True)
class ImportPlan:
    """What applying a parsed document to a cluster would do; nothing is written to build it."""

    cluster: Cluster
    parsed: ParsedDocument
    source_hash: str
    filename: str | None
    existing: PlanDocument | None = None
    same_file: bool = False
    added: list[ParsedItem] = field(default_factory=list)
    removed: list[Item] = field(default_factory=list)
    changed: list[ItemChange] = field(default_factory=list)
    unchanged: int = 0
    # The title's words naming another cluster («кластера транспорта»), when they do.
    other_cluster: str | None = None
    # No period and no date: the coordinator is asked which; these are the likely ones.
    period_choices: tuple[Period, ...] = ()

    @property
    def is_reimport(self) -> bool:
        return self.existing is not None

    @property
    def changes_nothing(self) -> bool:
        return self.same_file or (
            self.existing is not None and not (self.added or self.removed or self.changed)
        )

    @property
    def needing_dates(self) -> list[ParsedItem]:
        return [item for item in self.parsed.items if not item.deadline.is_dated and not item.done]


@dataclass(frozen=True, slots=True)
class ClusterChoice:
    """The person coordinates several clusters: which one the file goes to is asked first."""

    clusters: Sequence[Cluster]


@dataclass(frozen=True, slots=True)
class ImportResult:
    document_id: int
    added: int
    removed: int
    changed: int
    unchanged: int
    applied: bool


@dataclass(frozen=True, slots=True)
class NextSteps:
    """What a coordinator still has to do after an import for the plan to be followed."""

    cluster_id: int
    undated: int  # active items without a date: nobody is reminded of them
    invite: bool  # no executor has joined the cluster yet
    bind: bool  # the cluster's group is not bound, so it hears nothing


@dataclass(frozen=True, slots=True)
class ConfirmedImport:
    result: ImportResult
    next_steps: NextSteps


def _changed_fields(item: Item, parsed: ParsedItem) -> tuple[str, ...]:
    fields: list[str] = []
    if normalise(item.text) != normalise(parsed.text) or item.number != parsed.number:
        fields.append("text")
    if [r.name for r in item.plan_roles] != parsed.executors:
        fields.append("executors")
    old_dates = [(o.start_date, o.original_due_date) for o in item.occurrences]
    if item.deadline_text != parsed.deadline.text or old_dates != _occurrence_dates(parsed):
        fields.append("deadline")
    if (item.result_text or None) != (parsed.result or None):
        fields.append("result")
    if parsed.done and item.status is not ItemStatus.DONE:
        fields.append("done")
    return tuple(fields)


SIMILAR_TEXT = 0.6  # below this a renumbered or rewritten item counts as removed + added
# Similar-text candidates checked per new item (those of its number sharing the most words):
# a plan whose items all share a number (or have none) stays linear instead of quadratic.
MAX_CANDIDATES = 8
# Text compared for similarity, in characters: the comparison is quadratic in the length.
SIMILAR_PREFIX = 2000
# Matching keys: (number, normalised text) of each item.
Key = tuple[str, str]


# A word met in more old items of one number than this says little about which one it is.
MAX_POSTING = 64


def _postings(
    old: Sequence[Key], by_number: dict[str, list[int]]
) -> dict[tuple[str, str], list[int]]:
    """(number, word) → the old items of that number using the word."""
    postings: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    for number, indices in by_number.items():
        for index in indices:
            for word in set(old[index][1].split()):
                postings[number, word].append(index)
    return postings


def _likely(
    number: str,
    text: str,
    postings: dict[tuple[str, str], list[int]],
    taken: list[bool],
) -> list[int]:
    """The few free old items of a crowded number sharing the most distinctive words with
    the text, most shared first; none when no word is distinctive."""
    shared: Counter[int] = Counter()
    for word in set(text.split()):
        posting = postings.get((number, word), ())
        if len(posting) <= MAX_POSTING:
            shared.update(i for i in posting if not taken[i])
    return sorted(shared, key=lambda i: (-shared[i], i))[:MAX_CANDIDATES]


def _similar(old_text: str, new_text: str) -> bool:
    """Whether two texts share enough: the normalised Indel similarity (2 × the longest common
    subsequence over both lengths, as difflib's ratio, but exact and in C)."""
    cutoff = SIMILAR_TEXT * 100
    score = fuzz.ratio(old_text[:SIMILAR_PREFIX], new_text[:SIMILAR_PREFIX], score_cutoff=cutoff)
    return score >= cutoff


def match_keys(old: Sequence[Key], new: Sequence[Key]) -> list[tuple[int, int | None]]:
    """Pair old and new items by their keys, in three passes over the new ones: same number
    and text, then same number and similar text, then same text under a new number. Each new
    item takes the first free old one the pass allows. Returns (new index, old index or None)
    for every new item, in order. Pure and linear (bounded work per item): run it in a thread."""
    taken: list[bool] = [False] * len(old)
    found: dict[int, int] = {}
    by_key: defaultdict[Key, deque[int]] = defaultdict(deque)
    by_number: defaultdict[str, list[int]] = defaultdict(list)
    by_text: defaultdict[str, deque[int]] = defaultdict(deque)
    dead: Counter[str] = Counter()  # taken old items still listed in by_number
    for index, key in enumerate(old):
        by_key[key].append(index)
        by_number[key[0]].append(index)
        by_text[key[1]].append(index)

    def first_free(queue: deque[int]) -> int | None:
        while queue and taken[queue[0]]:
            queue.popleft()
        return queue.popleft() if queue else None

    def take(new_index: int, old_index: int | None) -> None:
        if old_index is not None:
            taken[old_index] = True
            found[new_index] = old_index
            dead[old[old_index][0]] += 1

    for new_index, key in enumerate(new):
        take(new_index, first_free(by_key[key]) if key in by_key else None)
    crowded = {number for number, group in by_number.items() if len(group) > MAX_CANDIDATES}
    postings: dict[tuple[str, str], list[int]] | None = None
    for new_index, (number, text) in enumerate(new):
        if new_index in found or number not in by_number:
            continue
        group = by_number[number]
        candidates: list[int] = []
        if number in crowded:  # many old items of this number: the likeliest first
            if postings is None:
                postings = _postings(old, {n: by_number[n] for n in crowded})
            candidates = _likely(number, text, postings, taken)
        if not candidates:
            if dead[number] * 2 > len(group):
                # Taken ones never come back: dropping them keeps every scan short.
                group = by_number[number] = [i for i in group if not taken[i]]
                dead[number] = 0
            candidates = list(islice((i for i in group if not taken[i]), MAX_CANDIDATES))
        take(new_index, next((i for i in candidates if _similar(old[i][1], text)), None))
    for new_index, (_number, text) in enumerate(new):
        if new_index not in found and text in by_text:
            take(new_index, first_free(by_text[text]))
    return [(new_index, found.get(new_index)) for new_index in range(len(new))]


def item_key(number: str | None, text: str) -> Key:
    return (number or "", normalise(text))


def match_items(
    old: Sequence[Item], new: Sequence[ParsedItem]
) -> tuple[list[tuple[Item, ParsedItem]], list[ParsedItem], list[Item]]:
    """Pair old and new items (see ``match_keys``). Returns (pairs, added, removed), pairs in
    the new document's order."""
    matched = match_keys(
        [item_key(item.number, item.text) for item in old],
        [item_key(parsed.number, parsed.text) for parsed in new],
    )
    return _paired(old, new, matched)


def _paired(
    old: Sequence[Item], new: Sequence[ParsedItem], matched: list[tuple[int, int | None]]
) -> tuple[list[tuple[Item, ParsedItem]], list[ParsedItem], list[Item]]:
    pairs = [(old[o], new[n]) for n, o in matched if o is not None]
    added = [new[n] for n, o in matched if o is None]
    paired_old = {o for _, o in matched if o is not None}
    removed = [item for index, item in enumerate(old) if index not in paired_old]
    return pairs, added, removed


class ParsedCache:
    """The last few parsed uploads by (file hash, file name, day), so that confirming an
    import does not download and parse the file again. Read and written on the event loop."""

    def __init__(self, size: int = 4) -> None:
        self.size = size
        self._kept: OrderedDict[tuple[str, str | None, date], ParsedDocument] = OrderedDict()

    def keep(self, key: tuple[str, str | None, date], parsed: ParsedDocument) -> None:
        self._kept[key] = parsed
        self._kept.move_to_end(key)
        while len(self._kept) > self.size:
            self._kept.popitem(last=False)

    def get(self, key: tuple[str, str | None, date]) -> ParsedDocument | None:
        return self._kept.get(key)

    def clear(self) -> None:
        self._kept.clear()


PARSED = ParsedCache()


class ImportService:
    def __init__(
        self,
        storage: Storage,
        clock: Clock,
        access: AccessService,
        assignments: AssignmentService,
        max_bytes: int,
    ) -> None:
        self.storage = storage
        self.clock = clock
        self.access = access
        self.assignments = assignments
        self.max_bytes = max_bytes

    async def parse(self, data: bytes, filename: str | None) -> ParsedDocument:
        """Parse off the event loop: a large plan takes a noticeable fraction of a second.

        The result is kept for the confirmation (PARSED), so a file is parsed once."""
        today = self.clock.now().date()
        parsed = await asyncio.to_thread(
            parse_upload, data, filename, max_bytes=self.max_bytes, reference=today
        )
        PARSED.keep((sha256(data), filename, today), parsed)
        return parsed

    async def _previewed(
        self, fetch: Fetch, filename: str | None, previewed_hash: str
    ) -> tuple[ParsedDocument, str]:
        """The document the preview parsed, when the file is still the one previewed; it is
        parsed again only when this process no longer holds it (a restart, another worker,
        many previews since)."""
        data = await fetch()
        source_hash = sha256(data)
        if source_hash != previewed_hash:
            raise InvalidInput("import-stale")
        kept = PARSED.get((source_hash, filename, self.clock.now().date()))
        return kept or await self.parse(data, filename), source_hash

    async def undated_count(self, cluster_id: int) -> int:
        return sum(
            1
            for item in await self.storage.plans.items_of_cluster(cluster_id)
            if item.status is ItemStatus.ACTIVE and not item.occurrences
        )

    async def receive(
        self, person: Person, file_size: int | None, filename: str | None, fetch: Fetch
    ) -> ClusterChoice | ImportPlan:
        """A file sent to the bot: who may import it and where; the preview when there is one
        cluster to import into, else the clusters to choose from. The file is read only then."""
        clusters = await self.access.coordinated_clusters(person)
        if not clusters:
            raise AccessDenied("import-not-coordinator")
        if file_size and file_size > self.max_bytes:
            raise DocumentRejected("doc-too-large", limit_mb=self.max_bytes // (1024 * 1024))
        if len(clusters) > 1:
            return ClusterChoice(clusters)
        return await self.preview(person, clusters[0].id, fetch, filename)

    async def preview(
        self,
        person: Person,
        cluster_id: int,
        fetch: Fetch,
        filename: str | None,
        *,
        period: Period | None = None,
    ) -> ImportPlan:
        """What importing the file into the cluster would change; stores nothing. A plan with
        no period and no date is read in ``period`` (the coordinator's answer); until there is
        one, the preview offers the likely periods (``period_choices``)."""
        await self.access.require_coordinator(person, cluster_id)
        data = await fetch()
        parsed = in_period(await self.parse(data, filename), period)
        plan = await self.plan(cluster_id, parsed, source_hash=sha256(data), filename=filename)
        if needs_period(parsed):
            plan.period_choices = period_choices(self.clock.now().date())
        return plan

    async def confirm(
        self,
        person: Person,
        cluster_id: int,
        fetch: Fetch,
        filename: str | None,
        *,
        previewed_hash: str,
        despite_title: bool = False,
        period: Period | None = None,
    ) -> ConfirmedImport:
        """Apply the file the person saw in the preview; refuses a different file, and a plan
        whose title names another cluster unless the person confirmed that (``despite_title``).
        ``period`` is the one the coordinator named for a plan without its own."""
        await self.access.require_coordinator(person, cluster_id)
        parsed, source_hash = await self._previewed(fetch, filename, previewed_hash)
        parsed = in_period(parsed, period)
        plan = await self.plan(cluster_id, parsed, source_hash=source_hash, filename=filename)
        if plan.other_cluster is not None and not despite_title:
            # The preview this press belongs to did not warn of it: it is out of date.
            raise InvalidInput("import-stale")
        result = await self.apply_plan(plan, actor=person)
        return ConfirmedImport(result, await self.next_steps(plan.cluster))

    async def next_steps(self, cluster: Cluster) -> NextSteps:
        members = await self.storage.memberships.active_of_cluster(cluster.id)
        return NextSteps(
            cluster_id=cluster.id,
            undated=await self.undated_count(cluster.id),
            invite=not any(m.role is MemberRole.EXECUTOR for m in members),
            bind=cluster.group_chat_id is None,
        )

    async def _cluster(self, cluster_id: int) -> Cluster:
        cluster = await self.storage.clusters.get(cluster_id)
        if cluster is None:
            raise NotFound("error-not-found")
        return cluster

    async def _counterpart(
        self, cluster: Cluster, parsed: ParsedDocument, source_hash: str
    ) -> tuple[PlanDocument | None, bool]:
        """The document this one updates (same file, or same kind and period/number/title)."""
        documents = await self.storage.plans.documents_of_cluster(cluster.id)
        for document in documents:
            if document.source_hash == source_hash:
                return document, True
        for document in documents:
            if document.kind != parsed.kind.value:
                continue
            if parsed.kind.value == "protocol":
                same = (document.number, document.doc_date) == (parsed.number, parsed.date) and (
                    parsed.number is not None or parsed.date is not None
                )
            else:
                period = (parsed.period.start, parsed.period.end) if parsed.period else None
                same = period is not None and (document.period_start, document.period_end) == period
            if same or normalise(document.title) == normalise(parsed.title):
                return document, False
        return None, False

    async def plan(
        self, cluster_id: int, parsed: ParsedDocument, *, source_hash: str, filename: str | None
    ) -> ImportPlan:
        cluster = await self._cluster(cluster_id)
        existing, same_file = await self._counterpart(cluster, parsed, source_hash)
        result = ImportPlan(cluster, parsed, source_hash, filename, existing, same_file)
        result.other_cluster = other_cluster_named(parsed.title, cluster.name)
        if existing is None:
            result.added = list(parsed.items)
            return result
        if same_file:
            result.unchanged = len(parsed.items)
            return result
        old = [
            item
            for item in await self.storage.plans.items_of_document(existing.id)
            if item.status is not ItemStatus.CANCELLED
        ]
        # The keys are read here (loaded ORM objects stay on the loop); matching thousands of
        # items takes a noticeable fraction of a second, so it runs in a thread.
        old_keys = [item_key(item.number, item.text) for item in old]
        new_keys = [item_key(item.number, item.text) for item in parsed.items]
        matched = await asyncio.to_thread(match_keys, old_keys, new_keys)
        pairs, result.added, result.removed = _paired(old, parsed.items, matched)
        for item, parsed_item in pairs:
            fields = _changed_fields(item, parsed_item)
            if fields:
                result.changed.append(ItemChange(item, parsed_item, fields))
            else:
                result.unchanged += 1
        return result

    async def apply(
        self,
        cluster_id: int,
        parsed: ParsedDocument,
        *,
        source_hash: str,
        filename: str | None,
        actor: Person | None,
    ) -> ImportResult:
        """Recompute the plan in this session and apply it; commits once at the end."""
        plan = await self.plan(cluster_id, parsed, source_hash=source_hash, filename=filename)
        return await self.apply_plan(plan, actor=actor)

    async def apply_plan(self, plan: ImportPlan, *, actor: Person | None) -> ImportResult:
        """Apply a plan computed in this session; commits once at the end."""
        cluster_id, parsed = plan.cluster.id, plan.parsed
        filename, source_hash = plan.filename, plan.source_hash
        if plan.existing is not None and plan.changes_nothing:
            return ImportResult(plan.existing.id, 0, 0, 0, plan.unchanged, applied=False)
        now = self.clock.now()
        actor_id = actor.id if actor else None
        document = plan.existing or PlanDocument(cluster_id=cluster_id, imported_at=now)
        document.kind = parsed.kind.value
        document.title = parsed.title
        document.number = parsed.number
        document.doc_date = parsed.date
        document.period_start = parsed.period.start if parsed.period else None
        document.period_end = parsed.period.end if parsed.period else None
        document.approver = parsed.approver
        # The column holds 300 characters; a name is only shown, so a longer one is cut.
        document.source_filename = filename[:300] if filename else None
        document.source_hash = source_hash
        document.imported_at = now
        document.imported_by_id = actor_id
        if plan.existing is None:
            self.storage.plans.add(document)
            await self.storage.plans.flush()

        roles = await self._sync_roles(cluster_id, parsed)
        sections = await self._sync_sections(document.id, parsed)
        position = {id(p): index for index, p in enumerate(parsed.items)}

        for parsed_item in plan.added:
            item = Item(
                cluster_id=cluster_id,
                document_id=document.id,
                created_at=now,
                status=ItemStatus.ACTIVE,
                occurrences=[],
                indicators=[],
                plan_roles=[],
            )
            self._fill(item, parsed_item, roles, sections, position[id(parsed_item)], now)
            self.storage.plans.add(item)
        for change in plan.changed:
            await self._update(change, roles, sections, position[id(change.parsed)], now)
            if plan.is_reimport:
                await audit.record(
                    self.storage,
                    at=now,
                    action="item.changed_by_import",
                    entity="item",
                    entity_id=change.item.id,
                    actor_id=actor_id,
                    cluster_id=cluster_id,
                    fields=list(change.fields),
                )
        for item in plan.removed:
            item.status = ItemStatus.CANCELLED
            item.status_reason = None
            item.updated_at = now
            await audit.record(
                self.storage,
                at=now,
                action="item.removed_by_import",
                entity="item",
                entity_id=item.id,
                actor_id=actor_id,
                cluster_id=cluster_id,
                number=item.number,
            )
        await self.storage.plans.flush()
        await audit.record(
            self.storage,
            at=now,
            action="document.reimported" if plan.is_reimport else "document.imported",
            entity="document",
            entity_id=document.id,
            actor_id=actor_id,
            cluster_id=cluster_id,
            filename=filename,
            source_hash=source_hash,
            added=len(plan.added),
            removed=len(plan.removed),
            changed=len(plan.changed),
        )
        await self.assignments.sync(cluster_id)
        await self.storage.commit()
        return ImportResult(
            document.id,
            len(plan.added),
            len(plan.removed),
            len(plan.changed),
            plan.unchanged,
            applied=True,
        )

    async def _sync_roles(self, cluster_id: int, parsed: ParsedDocument) -> dict[str, PlanRole]:
        roles = {r.key: r for r in await self.storage.plans.plan_roles_of_cluster(cluster_id)}
        alias_keys = {a.key for role in roles.values() for a in role.aliases}

        def known(name: str) -> PlanRole:
            key = role_key(name)
            if key not in roles:
                roles[key] = new_plan_role(cluster_id, name)
                self.storage.plans.add(roles[key])
            return roles[key]

        for ref in parsed.roles:
            role = known(ref.name)
            for alias in ref.aliases:
                alias_key = role_key(alias)
                if alias_key and alias_key not in alias_keys and alias_key != role.key:
                    role.aliases.append(
                        PlanRoleAlias(cluster_id=cluster_id, alias=alias, key=alias_key)
                    )
                    alias_keys.add(alias_key)
        for item in parsed.items:
            for name in item.executors:
                known(name)
        await self.storage.plans.flush()
        return roles

    async def _sync_sections(self, document_id: int, parsed: ParsedDocument) -> dict[str, Section]:
        existing = {s.title: s for s in await self.storage.plans.sections_of_document(document_id)}
        sections: dict[str, Section] = {}
        for index, ref in enumerate(parsed.sections):
            section = existing.pop(ref.title, None)
            if section is None:
                section = Section(document_id=document_id, title=ref.title)
                self.storage.plans.add(section)
            section.position = index
            section.number = ref.number
            sections[ref.title] = section
        for stale in existing.values():
            await self.storage.plans.delete(stale)
        await self.storage.plans.flush()
        return sections

    def _fill(
        self,
        item: Item,
        parsed: ParsedItem,
        roles: dict[str, PlanRole],
        sections: dict[str, Section],
        position: int,
        now: datetime,
    ) -> None:
        item.number = parsed.number
        item.text = parsed.text
        item.position = position
        item.section_id = sections[parsed.section].id if parsed.section in sections else None
        item.executors_text = parsed.executors_text
        item.result_text = parsed.result
        item.deadline_text = parsed.deadline.text
        item.deadline_kind = parsed.deadline.kind.value
        item.mark_text = parsed.mark_text
        item.notes = "; ".join(parsed.notes) or None
        item.plan_roles = [roles[role_key(name)] for name in dict.fromkeys(parsed.executors)]
        item.indicators = [
            Indicator(position=i, text=ind.text, year=ind.year, target=ind.target)
            for i, ind in enumerate(parsed.indicators)
        ]
        if parsed.done:
            item.status = ItemStatus.DONE
        item.updated_at = now
        if not item.occurrences:
            item.occurrences = [
                Occurrence(seq=seq, start_date=start, due_date=due, original_due_date=due)
                for seq, (start, due) in enumerate(_occurrence_dates(parsed), start=1)
            ]

    async def _update(
        self,
        change: ItemChange,
        roles: dict[str, PlanRole],
        sections: dict[str, Section],
        position: int,
        now: datetime,
    ) -> None:
        item, parsed = change.item, change.parsed
        dates = _occurrence_dates(parsed)
        old = list(item.occurrences)
        if "deadline" in change.fields:
            reported = await self.storage.plans.reported_occurrence_ids([o.id for o in old])
            for seq, occurrence in enumerate(old, start=1):
                if seq <= len(dates):
                    start, due = dates[seq - 1]
                    occurrence.start_date, occurrence.due_date = start, due
                    occurrence.original_due_date = due
                elif occurrence.id not in reported:
                    item.occurrences.remove(occurrence)
            for seq in range(len(old) + 1, len(dates) + 1):
                start, due = dates[seq - 1]
                item.occurrences.append(
                    Occurrence(seq=seq, start_date=start, due_date=due, original_due_date=due)
                )
        self._fill(item, parsed, roles, sections, position, now)
