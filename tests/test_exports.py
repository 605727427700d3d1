"""The plan given back as a document: a seed plan imported into a cluster, reports added, then
exported to DOCX, XLSX and HTML and read back cell by cell (python-docx, openpyxl,
html.parser); the rights; the layering of bot/exports; the LibreOffice rendering."""

from __future__ import annotations

import asyncio
import shutil
import struct
import subprocess
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.domain.branding import Branding
from bot.domain.parsing import parse_document
from bot.domain.readers import read_document
from bot.errors import AccessDenied, NotFound
from bot.exports.docx import write_docx
from bot.exports.html import write_html
from bot.exports.model import COLUMNS, PAGE_TITLE, REPORT_COLUMNS, ExportItem, PlanExport
from bot.exports.xlsx import write_xlsx
from bot.services.assignments import AssignmentService
from bot.services.exports import ExportService, short_person
from bot.services.registry import ServiceSettings, build_services
from storage.models import (
    Assignment,
    AssignmentStatus,
    Cluster,
    MemberRole,
    Membership,
    Occurrence,
    Organization,
    Person,
    Report,
    ReportDecision,
    ReportKind,
)
from storage.uow import Storage
from tests.fakes import FixedClock

SEED = Path(__file__).parent / "data" / "seeds" / "001_27c4642fe16f08b2.txt"
CLUSTER = "Машиностроительный кластер"
TODAY = datetime(2021, 6, 15, 9, 0, tzinfo=UTC)  # 12:00 in Moscow
POLYTECH = "ГБПОУ «Смоленский политехнический техникум»"
ROSLAVL = "ОГБПОУ «Рославльский многопрофильный колледж»"
INJECTION = '=HYPERLINK("http://evil.example/x","нажмите")'
BOLD = "Разработали <b>положение</b> & «регламент»"
MEMBERS_ROLE = "Члены образовательно-производственного кластера"
SECRETARY_ROLE = "Секретарь координационного совета"


@dataclass
class ExportWorld:
    cluster_id: int
    coordinator_id: int
    observer_id: int
    executor_id: int
    stranger_id: int
    empty_cluster_id: int


def _at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


async def build_world(factory: async_sessionmaker[AsyncSession]) -> ExportWorld:
    """Seed 001 (the machine-building cluster's plan for 2021) imported into a cluster with two
    colleges and a secretary; on 15.06.2021:
    1.3 — the polytechnic done and accepted on 12.03.2021, Roslavl overdue since 30.04.2021;
    1.4 — the polytechnic's date moved to 01.07.2021, Roslavl reported and waiting;
    1.2 — the secretary's (shared) date moved for everyone to 15.07.2021;
    3.1 — both colleges at work until 30.09.2021; 1.1 — «выполнено» as imported."""
    created = datetime(2021, 1, 10, 9, tzinfo=UTC)
    clock = FixedClock(created)
    async with factory() as session:
        storage = Storage(session)

        def person(telegram_id: int, name: str) -> Person:
            return Person(telegram_id=telegram_id, full_name=name, created_at=created)

        cluster = Cluster(
            name=CLUSTER, region="Смоленская область", timezone="Europe/Moscow", created_at=created
        )
        empty = Cluster(
            name="Пустой кластер", region="", timezone="Europe/Moscow", created_at=created
        )
        coordinator = person(9101, "Никольский Сергей Сергеевич")
        observer = person(9102, "Наблюдателева Мария Петровна")
        ivanov = person(9103, "Иванов Иван Иванович")
        petrova = person(9104, "Петрова Анна Сергеевна")
        secretary = person(9105, "Секретарёва Ольга")
        stranger = person(9106, "Посторонний Пётр")
        session.add_all(
            [cluster, empty, coordinator, observer, ivanov, petrova, secretary, stranger]
        )
        await session.flush()
        polytech = Organization(cluster_id=cluster.id, name=POLYTECH)
        roslavl = Organization(cluster_id=cluster.id, name=ROSLAVL)
        session.add_all([polytech, roslavl])
        await session.flush()
        for who, role in ((coordinator, MemberRole.COORDINATOR), (observer, MemberRole.OBSERVER)):
            session.add(
                Membership(cluster_id=cluster.id, person_id=who.id, role=role, joined_at=created)
            )
        session.add(
            Membership(
                cluster_id=empty.id,
                person_id=coordinator.id,
                role=MemberRole.COORDINATOR,
                joined_at=created,
            )
        )
        await session.flush()

        raw = read_document(SEED.read_bytes(), SEED.name)
        parsed = parse_document(raw, reference=date(2021, 1, 10))
        services = build_services(storage, clock, ServiceSettings())
        await services.imports.apply(
            cluster.id, parsed, source_hash="seed-001", filename=SEED.name, actor=None
        )
        roles = {r.name: r for r in await storage.plans.plan_roles_of_cluster(cluster.id)}
        for who, org, plan_role in (
            (ivanov, polytech, MEMBERS_ROLE),
            (petrova, roslavl, MEMBERS_ROLE),
            (secretary, None, SECRETARY_ROLE),
        ):
            session.add(
                Membership(
                    cluster_id=cluster.id,
                    person_id=who.id,
                    organization_id=org.id if org else None,
                    role=MemberRole.EXECUTOR,
                    joined_at=created,
                    plan_roles=[roles[plan_role]],
                )
            )
        await session.flush()
        await AssignmentService(storage, clock).sync(cluster.id)

        items = {i.number: i for i in await storage.plans.items_of_cluster(cluster.id)}
        rows = (
            await session.execute(
                select(Assignment, Occurrence.item_id).join(
                    Occurrence, Occurrence.id == Assignment.occurrence_id
                )
            )
        ).all()
        by = {(item_id, a.organization_id): a for a, item_id in rows}

        def report(
            a: Assignment,
            author: Person,
            kind: ReportKind,
            text: str,
            on: date,
            decision: ReportDecision | None = None,
            requested: date | None = None,
        ) -> None:
            session.add(
                Report(
                    assignment_id=a.id,
                    author_id=author.id,
                    kind=kind,
                    text=text,
                    created_at=_at(on),
                    decision=decision,
                    requested_due_date=requested,
                    decided_at=_at(on, 12) if decision else None,
                )
            )

        done = by[(items["1.3"].id, polytech.id)]
        done.status = AssignmentStatus.ACCEPTED
        report(done, ivanov, ReportKind.PROGRESS, INJECTION, date(2021, 3, 1))
        report(done, ivanov, ReportKind.DONE, BOLD, date(2021, 3, 12), ReportDecision.ACCEPTED)
        moved = by[(items["1.4"].id, polytech.id)]
        moved.due_date = date(2021, 7, 1)
        report(
            moved,
            ivanov,
            ReportKind.EXTENSION_REQUEST,
            "Ждём документы из министерства",
            date(2021, 4, 20),
            ReportDecision.APPROVED,
            date(2021, 7, 1),
        )
        waiting = by[(items["1.4"].id, roslavl.id)]
        waiting.status = AssignmentStatus.SUBMITTED
        report(waiting, petrova, ReportKind.DONE, "Документы направлены", date(2021, 6, 10))
        shared = items["1.2"].occurrences[0]
        shared.due_date = date(2021, 7, 15)
        await session.commit()
        return ExportWorld(
            cluster.id, coordinator.id, observer.id, ivanov.id, stranger.id, empty.id
        )


@pytest.fixture
async def world(session_factory: async_sessionmaker[AsyncSession]) -> ExportWorld:
    return await build_world(session_factory)


async def export_of(
    factory: async_sessionmaker[AsyncSession],
    person_id: int,
    cluster_id: int,
    branding: Branding | None = None,
) -> PlanExport:
    async with factory() as session:
        storage = Storage(session)
        services = build_services(storage, FixedClock(TODAY), ServiceSettings())
        person = await storage.persons.get(person_id)
        assert person is not None
        service = ExportService(storage, FixedClock(TODAY), services.access, branding)
        return await service.build(person, cluster_id)


@pytest.fixture
async def export(
    session_factory: async_sessionmaker[AsyncSession], world: ExportWorld
) -> PlanExport:
    return await export_of(session_factory, world.coordinator_id, world.cluster_id)


def _item(export: PlanExport, number: str):  # type: ignore[no-untyped-def]
    return next(i for i in export.items if i.number == number)


# --- the model ------------------------------------------------------------------------------


async def test_the_marks_are_filled_from_the_reports_per_college(export: PlanExport) -> None:
    assert _item(export, "1.3").mark_lines == (
        f"Выполнено 12.03.2021 — {POLYTECH}, Иванов И.И.: {BOLD}",
        f"{ROSLAVL}: Не выполнено, просрочено на 46 дн.",
    )
    assert _item(export, "1.4").mark_lines == (
        f"{POLYTECH}: Срок перенесён на 01.07.2021",
        f"Отчёт на проверке 10.06.2021 — {ROSLAVL}, Петрова А.С.: Документы направлены",
    )
    assert _item(export, "3.1").mark_lines == (
        f"{POLYTECH}: В работе, срок 30.09.2021",
        f"{ROSLAVL}: В работе, срок 30.09.2021",
    )
    assert _item(export, "1.1").mark_lines == ("выполнено",)


async def test_a_date_moved_for_everyone_shows_in_the_deadline_column(export: PlanExport) -> None:
    item = _item(export, "1.2")
    assert item.deadline_text == "Февраль (перенесён на 15.07.2021)"
    assert item.mark_lines == ("Срок перенесён на 15.07.2021",)
    assert _item(export, "1.3").deadline_text == "Февраль-апрель"


async def test_the_header_and_sections_are_the_plan_as_imported(export: PlanExport) -> None:
    assert export.title == "ПЛАН РАБОТЫ МАШИНОСТРОИТЕЛЬНОГО КЛАСТЕРА НА 2021 ГОД"
    assert export.approval is not None
    assert export.approval.lines == (
        "УТВЕРЖДАЮ",
        "_______________ С.С. Никольский",
        "«25» января 2021 г.",
    )
    assert [s.title for s in export.sections] == [
        "1. Разработка и актуализация нормативно-правовой базы",
        "2. Организация взаимодействия между участниками кластера",
        "3. Повышение качества подготовки кадров и эффективности профориентационной деятельности",
        "4. Реализация регионального проекта «Молодые профессионалы (Повышение "
        "конкурентоспособности профессионального образования)»",
    ]
    assert [i.number for i in export.sections[0].items] == ["1.1", "1.2", "1.3", "1.4"]
    assert len(export.items) == 16
    assert export.today == date(2021, 6, 15)


async def test_every_report_is_listed_oldest_first(export: PlanExport) -> None:
    assert [r.cells for r in export.reports] == [
        ("01.03.2021", "1.3", POLYTECH, "Иванов И.И.", "Ход выполнения", INJECTION, "—"),
        ("12.03.2021", "1.3", POLYTECH, "Иванов И.И.", "Выполнено", BOLD, "Принят"),
        (
            "20.04.2021",
            "1.4",
            POLYTECH,
            "Иванов И.И.",
            "Просьба о переносе срока на 01.07.2021",
            "Ждём документы из министерства",
            "Перенос одобрен",
        ),
        (
            "10.06.2021",
            "1.4",
            ROSLAVL,
            "Петрова А.С.",
            "Выполнено",
            "Документы направлены",
            "Ожидает решения",
        ),
    ]


def test_names_are_shortened_to_initials_only_when_they_are_full() -> None:
    assert short_person("Иванов Иван Иванович") == "Иванов И.И."
    assert short_person("Ольга Секретарёва") == "Ольга Секретарёва"
    assert short_person(None) == ""


async def test_an_observer_may_export_an_executor_and_a_stranger_may_not(
    session_factory: async_sessionmaker[AsyncSession], world: ExportWorld
) -> None:
    seen = await export_of(session_factory, world.observer_id, world.cluster_id)
    assert len(seen.items) == 16
    for person_id in (world.executor_id, world.stranger_id):
        with pytest.raises(AccessDenied) as refused:
            await export_of(session_factory, person_id, world.cluster_id)
        assert refused.value.key == "export-denied"


async def test_an_administrator_may_export_any_cluster(
    session_factory: async_sessionmaker[AsyncSession], world: ExportWorld
) -> None:
    async with session_factory() as session:
        stranger = await session.get(Person, world.stranger_id)
        assert stranger is not None
        stranger.is_admin = True
        await session.commit()
    seen = await export_of(session_factory, world.stranger_id, world.cluster_id)
    assert _item(seen, "1.3").mark_lines[0].startswith("Выполнено 12.03.2021")


async def test_a_cluster_without_a_plan_is_not_found_politely(
    session_factory: async_sessionmaker[AsyncSession], world: ExportWorld
) -> None:
    with pytest.raises(NotFound) as missing:
        await export_of(session_factory, world.coordinator_id, world.empty_cluster_id)
    assert missing.value.key == "export-no-plan"


# --- DOCX -----------------------------------------------------------------------------------


def _xml(element: object) -> Any:
    assert element is not None
    return element


def _cell_lines(cell) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for p in cell.paragraphs]


async def test_the_docx_is_a4_landscape_with_the_plan_table_cell_by_cell(
    export: PlanExport,
) -> None:
    document = Document(BytesIO(write_docx(export)))
    page = document.sections[0]
    assert page.orientation == WD_ORIENT.LANDSCAPE
    width, height = page.page_width, page.page_height
    assert width is not None
    assert height is not None
    assert width > height
    assert abs(width.cm - 29.7) < 0.01
    approval = next(p for p in document.paragraphs if p.text == "УТВЕРЖДАЮ")
    assert approval.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    title = next(p for p in document.paragraphs if p.text == export.title)
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert any(p.text == "_______________ С.С. Никольский" for p in document.paragraphs)
    plan, reports = document.tables
    header = plan.rows[0]
    assert [c.text for c in header.cells] == list(COLUMNS)
    assert _xml(header._tr.trPr).find(qn("w:tblHeader")) is not None
    section_row = plan.rows[1]
    assert {c.text for c in section_row.cells} == {export.sections[0].title}
    assert _xml(section_row._tr.tc_lst[0].tcPr).find(qn("w:gridSpan")).get(qn("w:val")) == "6"
    rows = {r.cells[0].text: r for r in plan.rows[1:] if len({c.text for c in r.cells}) > 1}
    item = rows["1.3"]
    assert [c.text for c in item.cells[:5]] == [
        "1.3",
        _item(export, "1.3").text,
        "Члены ОПК",
        "Февраль-апрель",
        "Разработанные документы",
    ]
    assert _cell_lines(item.cells[5]) == list(_item(export, "1.3").mark_lines)
    assert rows["1.2"].cells[3].text == "Февраль (перенесён на 15.07.2021)"
    assert _cell_lines(rows["1.4"].cells[5])[0] == f"{POLYTECH}: Срок перенесён на 01.07.2021"
    assert len(rows) == 16
    assert [c.text for c in reports.rows[0].cells] == list(REPORT_COLUMNS)
    assert _xml(reports.rows[0]._tr.trPr).find(qn("w:tblHeader")) is not None
    assert [c.text for c in reports.rows[2].cells] == list(export.reports[1].cells)
    assert len(reports.rows) == 1 + len(export.reports)
    normal = document.styles["Normal"].font
    assert (normal.name, normal.size.pt) == ("Times New Roman", 12)


async def test_the_docx_headers_take_the_cluster_colours_and_its_logo(
    session_factory: async_sessionmaker[AsyncSession], world: ExportWorld, tmp_path: Path
) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(_PNG)
    async with session_factory() as session:
        cluster = await session.get(Cluster, world.cluster_id)
        assert cluster is not None
        cluster.branding = {"primary": "#6B1E3C", "organization": "Совет машиностроителей"}
        await session.commit()
    export = await export_of(
        session_factory, world.coordinator_id, world.cluster_id, Branding(logo=str(logo))
    )
    assert export.branding.primary == "#6B1E3C"
    document = Document(BytesIO(write_docx(export)))
    fill = _xml(document.tables[0].rows[0].cells[0]._tc.tcPr).find(qn("w:shd")).get(qn("w:fill"))
    assert fill == "6B1E3C"
    assert len(document.inline_shapes) == 1
    assert any(p.text == "Совет машиностроителей" for p in document.paragraphs)
    page = write_html(export).decode()
    assert "--primary: #6B1E3C" in page
    assert 'src="data:image/png;base64,' in page


# --- XLSX -----------------------------------------------------------------------------------


async def test_the_xlsx_plan_sheet_cell_by_cell_with_its_print_setup(export: PlanExport) -> None:
    book = load_workbook(BytesIO(write_xlsx(export)))
    assert book.sheetnames == ["План", "Отчёты"]
    sheet = book["План"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header = values.index(list(COLUMNS)) + 1
    assert sheet.print_title_rows == f"${header}:${header}"
    assert sheet.freeze_panes == f"A{header + 1}"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9  # A4
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert values[0][4] == "УТВЕРЖДАЮ"
    assert export.title in [row[0] for row in values[:header]]
    assert values[header][0] == export.sections[0].title
    assert f"A{header + 1}:F{header + 1}" in {str(r) for r in sheet.merged_cells.ranges}
    rows = {row[0]: row for row in values[header:] if row[1]}
    assert rows["1.3"] == (
        [
            "1.3",
            _item(export, "1.3").text,
            "Члены ОПК",
            "Февраль-апрель",
            "Разработанные документы",
            "\n".join(_item(export, "1.3").mark_lines),
        ]
    )
    assert rows["1.2"][3] == "Февраль (перенесён на 15.07.2021)"
    assert rows["3.1"][5] == (
        f"{POLYTECH}: В работе, срок 30.09.2021\n{ROSLAVL}: В работе, срок 30.09.2021"
    )
    assert len(rows) == 16
    assert sheet.cell(row=header + 2, column=2).alignment.wrap_text is True


async def test_the_xlsx_reports_sheet_never_turns_user_text_into_a_formula(
    export: PlanExport,
) -> None:
    book = load_workbook(BytesIO(write_xlsx(export)))
    reports = book["Отчёты"]
    assert [c.value for c in reports[2]] == list(REPORT_COLUMNS)
    assert [[c.value for c in row] for row in reports.iter_rows(min_row=3)] == [
        list(r.cells) for r in export.reports
    ]
    injected = reports.cell(row=3, column=6)
    assert injected.value == INJECTION
    assert injected.data_type == "s"
    assert injected.quotePrefix is True
    assert reports.print_title_rows == "$2:$2"
    assert reports.page_setup.orientation == "landscape"
    formulas = [
        c.coordinate for s in book for row in s.iter_rows() for c in row if c.data_type == "f"
    ]
    assert formulas == []


def test_every_dangerous_start_is_written_as_text() -> None:
    from openpyxl import Workbook

    from bot.exports.xlsx import put

    sheet = Workbook().active
    assert sheet is not None
    for n, text in enumerate(["=1+1", "+7 999", "-2", "@SUM(A1)", "\tx", "\rx", "обычный"], 1):
        cell = put(sheet, n, 1, text)
        assert cell.data_type == "s"
        assert cell.quotePrefix is (text != "обычный")


def test_control_characters_in_user_text_do_not_break_any_format() -> None:
    from bot.exports.model import ExportReport, ExportSection

    bell = "Отчёт\x07 с\x00 управляющими\x1f символами"
    report = ExportReport(date(2022, 5, 1), "1", "Колледж", "Автор", "done", bell, "accepted")
    item = ExportItem("1", bell, "Исполнители", "до 01.05.2022", None, "")
    export = PlanExport(
        "Кластер", "План", None, date(2022, 5, 2), (ExportSection(bell, (item,)),), (report,)
    )
    wanted = "Отчёт с управляющими символами"
    table = Document(BytesIO(write_docx(export))).tables
    assert table[0].rows[1].cells[0].text == wanted
    assert table[1].rows[1].cells[5].text == wanted
    book = load_workbook(BytesIO(write_xlsx(export)))
    assert book["Отчёты"].cell(row=3, column=6).value == wanted
    assert wanted in write_html(export).decode()


# --- HTML -----------------------------------------------------------------------------------


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []
        self.cells: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [v or "" for k, v in attrs if k in ("src", "href", "action")]
        if tag == "td":
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            self.cells.append(" | ".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None and data.strip():
            self._cell.append(data)


async def test_the_page_is_self_contained_and_escapes_user_text(export: PlanExport) -> None:
    raw = write_html(export).decode("utf-8")
    page = _Page()
    page.feed(raw)
    assert "script" not in page.tags
    assert "link" not in page.tags
    assert "iframe" not in page.tags
    assert not [link for link in page.links if not link.startswith("data:")]
    assert "b" not in page.tags  # the report's <b> stays text
    assert "Разработали &lt;b&gt;положение&lt;/b&gt; &amp; «регламент»" in raw
    assert INJECTION in page.cells  # shown as the words it is, in the reports' table
    assert "url(" not in raw
    assert "@import" not in raw
    assert f"<title>{PAGE_TITLE} — {CLUSTER}</title>" in raw
    assert "@media print" in raw
    assert "@media (max-width" in raw
    assert 'name="viewport"' in raw
    mark = " | ".join(_item(export, "1.3").mark_lines)
    assert mark in page.cells
    assert page.tags.count("tr") == 1 + len(export.sections) + 16 + 1 + len(export.reports)


# --- the layers and the rendering -----------------------------------------------------------


@pytest.mark.parametrize(
    "module",
    [
        "bot.exports.model",
        "bot.exports.docx",
        "bot.exports.xlsx",
        "bot.exports.html",
        "bot.services.exports",
    ],
)
def test_exports_never_reach_aiogram_or_the_telegram_edge(module: str) -> None:
    from tests.test_layering import _in, _reached

    assert {
        m for m in _reached(module) if _in(m, "aiogram", "handlers", "bot.telegram", "bot.i18n")
    } == set()


def _pdf_page_size(pdf: bytes) -> tuple[float, float]:
    import re

    found = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert found, "no page size in the PDF"
    x0, y0, x1, y1 = (float(v) for v in found.groups())
    return x1 - x0, y1 - y0


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
@pytest.mark.parametrize("suffix", ["docx", "xlsx"])
async def test_libreoffice_renders_the_export_on_landscape_pages(
    export: PlanExport, tmp_path: Path, suffix: str
) -> None:
    source = tmp_path / f"plan.{suffix}"
    source.write_bytes(write_docx(export) if suffix == "docx" else write_xlsx(export))
    profile = tmp_path / "profile"
    await asyncio.to_thread(
        subprocess.run,
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    width, height = _pdf_page_size((tmp_path / "plan.pdf").read_bytes())
    assert width > height
    assert abs(width - 842) < 3  # A4 in points
    assert abs(height - 595) < 3


def _png(width: int = 8, height: int = 4) -> bytes:
    """A small valid PNG (solid colour), written by hand."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x1f\x4e\x79" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


_PNG = _png()


# --- `workplan export` ----------------------------------------------------------------------


@pytest.mark.process
async def test_workplan_export_writes_each_format_and_refuses_in_one_line(
    tmp_path: Path, database_url: str
) -> None:
    from tests.test_process import _environment, _run_cli

    env = _environment(WORKPLAN_DATABASE__URL=database_url)
    code, _out, err = await _run_cli(
        "import", str(SEED), "--cluster", "Машиностроение", env=env, cwd=tmp_path
    )
    assert code == 0, err
    for extension in ("docx", "xlsx", "html"):
        out_file = tmp_path / f"plan.{extension}"
        code, out, err = await _run_cli(
            "export",
            "--cluster",
            "Машиностроение",
            "--format",
            extension,
            "--out",
            str(out_file),
            env=env,
            cwd=tmp_path,
        )
        assert code == 0, err
        assert out.startswith(f"Сохранено: {out_file}")
    table = Document(str(tmp_path / "plan.docx")).tables[0]
    assert [c.text for c in table.rows[0].cells] == list(COLUMNS)
    assert load_workbook(tmp_path / "plan.xlsx").sheetnames == ["План", "Отчёты"]
    assert "выполнено" in (tmp_path / "plan.html").read_text(encoding="utf-8")
    code, out, err = await _run_cli(
        "export", "--cluster", "Машиностроение", "--format", "html", env=env, cwd=tmp_path
    )
    assert code == 0, err
    written = await asyncio.to_thread(lambda: sorted(tmp_path.glob("План_работы_*.html")))
    assert [p.name.startswith("План_работы_Машиностроение_") for p in written] == [True]

    code, out, err = await _run_cli(
        "export", "--cluster", "Нет такого", "--format", "docx", env=env, cwd=tmp_path
    )
    assert (code, out) == (2, "")
    assert err.strip() == "Кластера «Нет такого» нет в базе."


@pytest.mark.process
async def test_workplan_export_without_a_database_says_so_in_one_line(tmp_path: Path) -> None:
    from tests.test_process import _environment, _run_cli

    env = _environment(WORKPLAN_DATABASE__URL=f"sqlite+aiosqlite:///{tmp_path / 'none.db'}")
    code, out, err = await _run_cli(
        "export", "--cluster", "Любой", "--format", "xlsx", env=env, cwd=tmp_path
    )
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    assert "База данных ещё не создана" in err
    assert not (tmp_path / "none.db").exists()
