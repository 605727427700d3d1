"""RawDocument → ParsedDocument: a plan table or protocol decisions, with header facts.

Rules chosen where documents vary:
- Title: a protocol's «ПРОТОКОЛ № N» line with the line after it; otherwise the paragraph
  that names a plan («План работы …», «П Л А Н …» typed letter by letter); otherwise the first
  heading; otherwise the first line. A title naming one day of a programme («/1 июня 2015
  года/») and no period gives the period of that year, and the day to rows given in hours.
- Date: a protocol's «от 06 декабря 2022 года», else a paragraph that is only a date
  («26.11.2021»), else the approval date under «УТВЕРЖДАЮ» («25» января 2021 г.).
- A protocol has no period: its date is the reference for deadlines without a year.
- Protocol decisions start after «Решили:»/«Постановили:»/«ПРОЕКТ РЕШЕНИЙ»; the numbered
  agenda («Обсуждаемые вопросы:») before them is not a decision. Without such a marker,
  numbered points count as decisions only when they carry «Срок:» or «Отв.:» lines.
  «СЛУШАЛИ:»/«ВЫСТУПИЛИ:» blocks are the minutes' account, not decisions; «Срок:» and
  «Ответственные:» may run on in the decision's line or stand in brackets; a decision without
  «Срок» takes the date its own words give («в марте 2024 года», «в срок до 15.04.2024»).
- Plan tables: columns by header words, else by their cells (_infer). A header may span rows
  (_header_block: «N»/«п/п», «Срок»/«начало | окончание» — the end is the deadline —,
  «Исполнение»/«Срок | Ответственный»). Several «Дата» columns give each item every day; a
  grid of periods («I квартал | II квартал», months of a «циклограмма») gives the marked ones;
  «Место и дата проведения» gives the days and keeps the place with the text.
- Sections: rows of text only (bold, numbered «I.», «Раздел 2» …), a topic column merged down
  («Тема заседания»; a topic per row goes before the row's text instead), a lead-in ending in
  «:» over dated rows (they become 2.1, 2.2), a Roman-numbered stage nobody answers for. A
  month row dates the rows under it («1», «20-25» there are days of that month); a section
  naming its year («Мероприятия на 2018 год») dates its rows in that year; a day row
  («26 августа 2020 г. …», «Дата- 03.05.2017» even above the header) or the title's one day
  dates rows whose «Время» holds only hours, as does a day in the «№ п/п» column merged down
  over its rows. Lettered rows under a lead-in («а) …») lose the letter to their number. In a
  plan for one month, days alone («1 (суббота)», «20-22») are days of that month; «3 декада»,
  «1 неделя» under a month row are that part of it. A row with no date under a day row is
  that day's; so is a row giving only its hours («10-00» under «Время проведения») under a row
  dated one day in the same section. A plain heading typed across a table whose first column
  is the date (its text in that first cell) heads the rows under it.
- A Word table of one column with day rows («25 июня», «23 - 26 июня», «16 декабря 2009 г.
  Новосибирск») is a programme: the days and bold rows head the events under them.
- A plan with no table is read from its lines (a spreadsheet's or a text file's one column,
  paragraphs) only where they date themselves: two headings or more that name a month or
  days («СЕНТЯБРЬ. Заседание МО №1», «Заседание №2 (ноябрь)», «25 июня») over numbered
  questions (the lines above the first describe the meeting) or over lines that are each an
  event; or three lines or more, most of them, each ending with its day («… – 29 сентября»)
  or starting with its hours under the title's day («8.00 – 14.00 – акция …»). A news item
  under one date line is no plan; one day line over lines that are each a question put to the
  meeting («О согласовании …», «2. Об апробации …») is that meeting's agenda.
- A clock time an event starts with («17.00 - 23.00 часов …», «20.00 (школы) - …») is no
  item number and no section heading.
- «Участники», «Охват» columns are never the content; «Организатор» is the executors'.
- A cell listing events «1.… 2.…» in a table without numbers gives one item an event only
  when the executors' cell names one executor for each; else it is one item (a meeting's
  numbered questions).
- Text tables know no merged cells: a date or executors written once for a block are carried
  down to the rows under it (only in a column most rows fill), and the preview names them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import pairwise
from typing import ClassVar

from bot.domain.deadlines import (
    Deadline,
    DeadlineKind,
    Occurrence,
    Period,
    academic_year,
    calendar_year,
    parse_deadline,
    parse_period,
    period_until,
)
from bot.domain.documents import (
    DocumentKind,
    Indicator,
    ParsedDocument,
    ParsedItem,
    ParsedSection,
    ParseWarning,
    PlanRoleRef,
)
from bot.domain.readers.base import Cell, Paragraph, RawDocument, Table
from bot.domain.roles import RoleBook
from bot.errors import DocumentRejected

WARNING_CODES = (
    "warn-deadline-unscheduled",
    "warn-deadline-unrecognized",
    "warn-row-without-number",
    "warn-duplicate-number",
    "warn-no-period",
    "warn-formulas-without-values",
    "warn-item-without-text",
    "warn-numbered-by-order",
    "warn-carried-down",
    "warn-text-from-section",
)
# Cells named in the warning about formulas without values; the rest are counted.
MAX_NAMED_CELLS = 10
# What fits the database's columns (storage.models; tests/test_bad_files.py checks they agree).
# Longer is not what the column holds: a sentence in the number column is no number, a
# paragraph among the executors is a note, not a role.
MAX_ITEM_NUMBER = 20
MAX_DOCUMENT_NUMBER = 50
MAX_APPROVER = 300
MAX_ROLE_NAME = 300
MAX_INDICATOR_TARGET = 100

# Header words of a plan table's columns, checked in this order (first match wins per cell).
# Belarusian headers of the same columns («Тэрмін», «Адказныя», «Назва мерапрыемства») follow
# the Russian words.
COLUMN_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("mark", ("отметк", "о выполнени", "выполнение", "адзнака")),
    # «Начало приема документов | Окончание приема документов»: the window's end is due
    (
        "deadline",
        (
            "срок",
            "дата",
            "период",
            "время",
            "день недел",
            "окончание прием",
            "тэрмін",
            "час пр",
            "месяц",  # «Месяц | Неделя (числа) | Тема»: a calendar by months
        ),
    ),
    ("executors", ("исполнител", "ответствен", "кто провод", "организатор", "адказн", "выканаўц")),
    ("result", ("результат", "форма представ", "итог", "показател", "вынік")),
    # «Примечание»: kept with the item as its note, never taken for its text.
    # «Краткая аннотация или справка» beside the event: what it is about, not the event
    # «Контроль за исполнением мероприятий»: the bodies that check the work, not its content
    ("note", ("примечан", "комментар", "заўваг", "аннотац", "контроль за", "контроль исполн")),
    ("number", ("№", "n п/п", "п/п", "номер")),
    # «Участники мероприятия», «Охват»: who takes part, never the content (not kept).
    ("audience", ("участник", "охват", "удзельнік")),
    (
        "text",
        (
            "мероприят",
            "содержани",
            "наименовани",
            "направлени",
            "вид работ",
            "виды работ",
            "задач",
            "вопрос",
            "предмет",  # «Учебный предмет» of an exam or olympiad schedule
            "мерапрыем",
            "змест",
            "назва",
        ),
    ),
    # A meeting's topic beside its questions; the content itself where nothing else is.
    ("group", ("тема", "темы")),
)
# Columns the header does not name are recognised by their first rows' cells (_infer).
SAMPLE_ROWS = 40
HEADER_ROWS = 6  # a header is looked for among a table's first rows
# A table whose header names no plan column needs this many deadline cells to be a plan.
MIN_FOUND_DEADLINES = 2
# Longer cells are sentences, not deadlines; the probe period lets «май» read as a deadline.
MAX_DEADLINE_PROBE = 80
_PROBE_PERIOD = calendar_year(2000)
_PROBE_SCHOOL_YEAR = academic_year(2000)
_ORDINAL = re.compile(r"^(?:[1-9]\d{0,2}(?:\.\d{1,3}){0,3}[.)]?|[IVXLC]{1,6}\.?)$")
_TEXT_NUMBER = re.compile(
    r"^(?:(?P<number>[1-9]\d?(?:\.\d{1,2}){1,3})\.?\s+(?P<text>\S.*)"
    r"|(?P<single>[1-9]\d?)(?:[.)]\s+|\.(?=[«\"А-ЯЁ]))(?P<rest>\S.*))$",  # «3.Акция …» too
    re.S,
)
_CONTINUATION_MARKS = "([-–—•·,;:"
_PEOPLE_WORDS = re.compile(
    r"\b(?:руководител|председател|директор|замдиректор|заместител|зам\.|секретар|член|"
    r"учител|педагог|преподавател|методист|специалист|мастер|куратор|совет|комисси|"
    r"администрац|координатор|классн|воспитател|психолог|библиотекар|организатор|"
    r"ответствен|эксперт|работодател|студент|обучающ|партнер|партнёр|участник|"
    r"отдел|управлени|министерств|департамент|центр|коллектив|рабоч|групп|"
    r"колледж|школ|кафедр|завуч|родител|инспектор|"
    r"советник|вожат|логопед|медицинск|социальн|соц\.|служб)",
    re.I,
)
_PEOPLE_ABBREVIATIONS = re.compile(r"\b(?:ЦОПП|ПОО|ОПК|КС|МО|ШМО|РМО|ОО|ОУ|ВР|УВР|ППС)\b")
DONE_MARKS = ("выполнено", "исполнено", "выполнен", "исполнен", "сделано", "да")
_NUMBER = re.compile(r"^(\d{1,4}(?:\.\d{1,3}){0,3})\.?$")
_SECTION = re.compile(
    r"^(?:(?:задача|раздел|направление|блок)\s+(?P<word>\d+)|(?P<num>\d{1,2}|[IVX]{1,4})\.)\s*",
    re.I,
)
_DECISIONS_MARKER = re.compile(
    r"^(?:решили|постановили|решение|решения|проект\s+решени\w*|рекомендовать)\b\s*:?", re.I
)
_AGENDA_MARKER = re.compile(r"^(?:обсуждаемые\s+вопросы|повестка|вопросы)\b", re.I)
# «1. Рассмотреть …», «2) …», «1.Проведение заседаний …» (no space before a capital)
_POINT = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})?)(?:[.)]\s+|\.(?=[«\"А-ЯЁ]))(?P<text>\S.*)$")
_DEADLINE_LINE = re.compile(r"^(?:срок(?:\s+исполнения)?|дата)\s*[:\-–—]\s*(?P<value>.*)$", re.I)
_EXECUTORS_LINE = re.compile(
    r"^(?:отв\.?|ответственн\w*(?:\s+исполнител\w*)?|исполнител\w*)\s*[:\-–—]\s*(?P<value>.*)$",
    re.I,
)
_RESULT_LINE = re.compile(r"^(?:результат|ожидаемый\s+результат)\s*[:\-–—]\s*(?P<value>.*)$", re.I)
_CELL_LABELS = {"deadline": _DEADLINE_LINE, "executors": _EXECUTORS_LINE, "result": _RESULT_LINE}
_INDICATOR = re.compile(r"^(?P<year>20\d{2})\s*(?:год|г\.?)?\s*[-–—:]\s*(?P<rest>.*\d.*)$", re.I)
_TARGET = re.compile(r"\d+(?:[.,]\d+)?\s*%|\d+(?:[.,]\d+)?")
_APPROVE = re.compile(r"^[«\"“]?\s*утверждаю\s*[»\"”]?\s*:?$", re.I)
_AGREED = re.compile(r"^[«\"“]?\s*согласовано\s*[»\"”]?\s*:?$", re.I)
_NAME = re.compile(
    r"(?P<name>[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
    r"|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.)"
)
_PROTOCOL = re.compile(r"^протокол\b(?:\s*№\s*(?P<number>[\w\-/]+))?", re.I)
_MONTHS_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
_WORD_DATE = re.compile(
    r"[«\"“]?\s*(?P<d>\d{1,2})\s*[»\"”]?\s+(?P<m>"
    + "|".join(_MONTHS_GENITIVE)
    + r"|\d{1,2})\s+(?P<y>\d{4})",
    re.I,
)
_NUMERIC_DATE = re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b")
_ONLY_DATE = re.compile(r"^(?:от\s+)?\d{1,2}\.\d{1,2}\.\d{4}(?:\s*(?:г\.?|года))?$", re.I)
_PLAN_TITLE = re.compile(r"\bплан\w*\b", re.I)


@dataclass
class _Row:
    """The cells of one table row, by column role."""

    ROLES: ClassVar[tuple[str, ...]] = ("number", "text", "executors", "deadline", "result", "mark")
    number: str
    text: str
    executors: str
    deadline: str
    result: str
    mark: str
    numbered: bool = True  # the table has a number column
    first_of_continuation: bool = False  # the first row of a table going on after a break
    lowercase_table: bool = False  # most rows start in lowercase («история», «физика»)
    note: str = ""  # the «Примечание» cell
    text_merged: bool = False  # the text cell is merged down from the row above
    day: str = ""  # a day column's cell («28.03.2022 понедельник»), for rows dated by hours
    hours: str = ""  # the «Время проведения» cell beside the deadline column («10-00»)
    under_merged: bool = False  # a text table's row of text only, under cells merged down
    spare: str = ""  # the first filled cell of a column with no role, for a row without text
    in_words: bool = False  # an order's point: no deadline column, its days in its words


@dataclass
class _Draft:
    """An item being assembled from one or more rows (a row split by a page break)."""

    number: str
    section: str | None
    text: list[str] = field(default_factory=list)
    executors: list[str] = field(default_factory=list)
    deadline: list[str] = field(default_factory=list)
    result: list[str] = field(default_factory=list)
    mark: list[str] = field(default_factory=list)
    note: list[str] = field(default_factory=list)
    more: list[str] = field(default_factory=list)  # more days, from rows merged with this one
    by_order: bool = False  # no number written: numbered in order
    section_deadline: str = ""  # the «Сентябрь» row above, for a row with no deadline
    day: date | None = None  # the day of a programme's «26 августа 2020 г.» row above
    period: Period | None = None  # the year of a «Мероприятия на 2018 год» section above
    spare: list[str] = field(default_factory=list)  # _Row.spare of its rows
    hours: str = ""  # _Row.hours of its first row
    in_words: bool = False  # _Row.in_words of its first row: no date cell to carry down


def _join(parts: Sequence[str]) -> str:
    """Join cell fragments: a fragment continuing a sentence goes on the same line."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if not out:
            out = part
        elif part[:1] in "-–—•·" or out.endswith((":", ";")):
            out += "\n" + part
        else:
            out += " " + part
    return out


def _parse_date(text: str) -> date | None:
    for pattern in (_WORD_DATE, _NUMERIC_DATE):
        match = pattern.search(text)
        if not match:
            continue
        month_text = match["m"].lower()
        month = (
            _MONTHS_GENITIVE.index(month_text) + 1
            if month_text in _MONTHS_GENITIVE
            else int(month_text)
        )
        try:
            return date(int(match["y"]), month, int(match["d"]))
        except ValueError:
            continue
    return None


# --- header facts ---------------------------------------------------------------------------


@dataclass
class _Header:
    title: str | None = None
    number: str | None = None
    date: date | None = None
    approver: str | None = None
    period: Period | None = None
    is_protocol: bool = False


def _header(paragraphs: Sequence[Paragraph], *, protocol: bool = False) -> _Header:
    header = _Header()
    lines = [line.strip() for p in paragraphs for line in p.text.split("\n") if line.strip()]
    meeting_date: date | None = None
    approval_date: date | None = None
    standalone_date: date | None = None
    in_approval = False
    after_name = 0
    for index, line in enumerate(lines):
        if _APPROVE.match(line):
            in_approval, after_name = True, 0
            continue
        if _AGREED.match(line):
            in_approval = False
            continue
        if in_approval:
            # The block is position lines, the name, and maybe the approval date right after.
            if approval_date is None and (found := _parse_date(line)):
                approval_date = found
                in_approval = False
                continue
            if after_name:
                in_approval = False
            elif header.approver is None and (name := _NAME.search(line)):
                header.approver = name["name"].rstrip(".")
                after_name = 1
                continue
            else:
                continue
        heading = _PROTOCOL.match(line)
        if heading and header.title is None:
            header.is_protocol = True
            header.number = heading["number"]
            title = line
            if index + 1 < len(lines) and lines[index + 1][:1].islower():
                title += " " + lines[index + 1]
            header.title = title
            continue
        if line.lower().startswith("от ") and meeting_date is None:
            meeting_date = _parse_date(line)
        if _ONLY_DATE.match(line) and standalone_date is None:
            standalone_date = _parse_date(line)
    header.date = meeting_date or standalone_date or approval_date
    if header.title is None:
        header.title = _first_heading(paragraphs) if protocol else _plan_title(paragraphs)
    if header.title:
        header.period = parse_period(header.title)
    if header.period is None:
        for p in paragraphs:
            if period := parse_period(p.text):
                header.period = period
                break
    if header.period is None and header.title and header.date:
        header.period = period_until(header.title, header.date)
    return header


def _first_heading(paragraphs: Sequence[Paragraph]) -> str | None:
    for p in paragraphs:
        if p.heading or p.bold:
            return " ".join(p.text.split())
    return _plan_title(paragraphs)


# «П Л А Н», «П Р О Т О К О Л»: a heading typed letter by letter.
_SPACED_OUT = re.compile(r"(?<!\w)(?:[А-ЯЁA-Z] ){2,}[А-ЯЁA-Z](?!\w)")


def _unspaced(text: str) -> str:
    return _SPACED_OUT.sub(lambda m: m.group().replace(" ", ""), text)


# A title's paragraph that ends on one of these goes on in the next («… С 23 января по» |
# «28 января 2017 года»: a PDF's lines, a title typed as several paragraphs).
_TITLE_GOES_ON = re.compile(
    r"(?:^|\s)(?:по|на|с|со|и|в|во|до|для|к|о|об|при|между|от|за|из|-|–|—)$"
    r"|\d[-–—/]$",  # «… НА 2025-» | «2026 УЧЕБНЫЙ ГОД»
    re.I,
)
MAX_TITLE_LINES = 2
MAX_TITLE_LEAD = 3  # «Календарный план …», «Ведомственный план Минкультуры …», «Дорожная карта»
MAX_TITLE_LINE = 120


def _title_goes_on(title: str, after: Sequence[Paragraph]) -> str:
    """The title with the paragraphs that finish it: each after a title ending on a
    preposition or a dash, or starting in lowercase."""
    for p in after:
        line = " ".join(p.text.split())
        if not line or len(line) > MAX_TITLE_LINE:
            break
        if not (_TITLE_GOES_ON.search(title) or line[:1].islower()):
            break
        title = f"{title} {line}"
    return title


# A heading that names a schedule of its own kind: «Программа спортивного дня на 31 мая 2012
# года», «Календарь абитуриента 2019», «Расписание …», «График учебного процесса».
_SCHEDULE_TITLE = re.compile(r"^\s*(?:программа|календарь|расписание|график)\b", re.I)


def _leads_with_plan(text: str) -> bool:
    return bool(
        _PLAN_TITLE.search(" ".join(text.split()[:MAX_TITLE_LEAD])) or _SCHEDULE_TITLE.match(text)
    )


def _plan_title(paragraphs: Sequence[Paragraph]) -> str | None:
    found: list[tuple[int, str]] = []
    for index, p in enumerate(paragraphs):
        # An approval block typed without blank lines above the title is not the title: it
        # starts at the line that names the plan.
        lines = _unspaced(p.text).split("\n")
        naming = [
            i
            for i, line in enumerate(lines)
            if _PLAN_TITLE.search(line) or _SCHEDULE_TITLE.match(line)
        ]
        at = next((i for i in naming if _leads_with_plan(lines[i])), naming[0] if naming else 0)
        # the title's lines end where a list's lines typed under it without a blank line
        # begin («1 неделя июня «Здравствуй, лето!»», «10:20 — разминка команд»)
        listed = [i for i in range(at + 1, len(lines)) if _week_first(lines[i])]
        listed += [i for i in range(at + 1, len(lines)) if _hours_first(lines[i])]
        end = min(listed, default=len(lines))
        text = " ".join(" ".join(lines[at:end]).split())
        if text[:1] in _BULLETS or _BULLET_POINT.match(text):
            # «• Планирование работы МО», «- до 01.03. … учебные планы»: a point of the
            # list, not its title
            continue
        named = _PLAN_TITLE.search(text) or _SCHEDULE_TITLE.match(text)
        if named and not _APPROVE.match(text) and len(text) > 10:
            found.append((index, text))
    # «Приказом … от 28.03.2018 утвержден ведомственный план … на 2018 год.» above «Ведомственный
    # план … на 2017 год»: a sentence naming a plan is not the heading that starts with it.
    heading = next((f for f in found if _leads_with_plan(f[1])), found[0] if found else None)
    if heading is not None:
        index, text = heading
        return _title_goes_on(text, paragraphs[index + 1 : index + 1 + MAX_TITLE_LINES])
    for p in paragraphs:
        if p.heading:
            return " ".join(p.text.split())
    label_end = -1  # the last paragraph of an attachment's label above the heading
    for index, p in enumerate(paragraphs):
        first = p.text.split("\n")[0].strip()
        if index <= label_end:
            continue
        if _ATTACHMENT.match(first):
            # «Приложение 1 | к приказу | управления образования … | от 2 марта 2007 г. N 345»:
            # the label, through the line with the order's date and number
            ahead = paragraphs[index : index + MAX_LABEL_LINES]
            ends = [i for i, q in enumerate(ahead) if _ORDER_DATE.search(q.text)]
            label_end = index + (ends[0] if ends else 0)
            continue
        if (
            first.endswith((",", ";", ":"))
            or first[:1] in _BULLETS
            or _BULLET_POINT.match(first)
            or _day_after_dash(first)  # «… поселение (Луговец Э.Н.) - 16 марта в 15.00 …»
            or _dated_dash_tail(first)  # «… и заочного участия – до 10 июня 2018.»
            # «Прием тезисов … продлен до 31 мая 2018.» among such lines: one of the list's
            or (
                _trailing_deadline(first)
                and parse_period(first) is None  # «Олимпиада … в 2012/2013 учебном году»
                and _listed_next(paragraphs, index)
            )
        ):
            continue  # a verse's line above a plan («Умные люди на то и умны,»), «Август:»
        if first and not _APPROVE.match(first) and not _AGREED.match(first):
            # «График⏎предоставления отчетных документов⏎по реализации ПНПО»: the lines going
            # on in lowercase are the heading's own
            for line in p.text.split("\n")[1 : 1 + MAX_TITLE_LINES]:
                line = " ".join(line.split())
                if not line[:1].islower() or len(line) > MAX_TITLE_LINE:
                    break
                first = f"{first} {line}"
            return first
    return None


# The label of an attachment above its heading: «Приложение № 1 к приказу …», «Приложение к
# Распоряжению от 28.03.2008 г № 308»; it ends at the order's date and number.
_ATTACHMENT = re.compile(r"^приложение\b(?:\s*(?:№|n)?\s*\d+)?(?:\s+к\s.*)?$", re.IGNORECASE)
_ORDER_DATE = re.compile(r"\bот\s+«?\d.*(?:№|\bN)\s*\d", re.IGNORECASE)
MAX_LABEL_LINES = 6


# --- plan tables ----------------------------------------------------------------------------


# «N», «No» (a Latin N for «№»), «NN п/п», «N N п.п», «№№ п.п.», «№ пп»
_NUMBER_HEADER = re.compile(r"(?:n|no|№)\.?(?: ?(?:n|№)\.?)?(?: ?(?:п\.? ?[/.]? ?п\.?|п\.))?")


_NOT_A_TERM = re.compile(r"срок(?:и)? обучения|срок(?:и)? освоения|срок(?:и)? хранения")


_BRACKETED = re.compile(r"\([^()]*\)")


def _header_roles(row: Sequence[Cell]) -> dict[str, int]:
    """Column roles a row names by header words (COLUMN_WORDS); empty for a data row."""
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        text = " ".join(cell.text.casefold().split())
        if not text or len(text) > 80:
            continue
        text = _NOT_A_TERM.sub("", text)  # «Форма обучения Срок обучения»: how long, not when
        if _NUMBER_HEADER.fullmatch(text) and "number" not in found:
            found["number"] = index
            continue
        if not _ANY_COLUMN_WORD.search(text):
            continue
        # «Тема информповода, место проведения, эксперты (участники)»: the words outside the
        # brackets name the column, those inside only qualify it
        outside = _BRACKETED.sub(" ", text)
        if outside != text and _ANY_COLUMN_WORD.search(outside):
            text = outside
        for role, pattern in _COLUMN_PATTERNS:
            if role not in found and pattern.search(text):
                found[role] = index
                break
    return found


# COLUMN_WORDS as one search a role, and one for all of them (most data cells name none).
_COLUMN_PATTERNS = tuple(
    (role, re.compile("|".join(map(re.escape, words)))) for role, words in COLUMN_WORDS
)
_ANY_COLUMN_WORD = re.compile(
    "|".join(re.escape(word) for _, words in COLUMN_WORDS for word in words)
)


def _columns(row: Sequence[Cell]) -> dict[str, int] | None:
    """A header row by its words alone: the content column and the executors or deadline."""
    found = _header_roles(row)
    if "text" not in found and "group" in found:
        found["text"] = found.pop("group")
    if "text" in found and ("executors" in found or "deadline" in found):
        return found
    return None


def _is_numbering_row(row: Sequence[Cell]) -> bool:
    texts = [c.text.strip() for c in row if c.text.strip()]
    return (
        len(texts) >= 3
        and all(t.rstrip(".").isdigit() for t in texts)
        and [int(t.rstrip(".")) for t in texts] == list(range(1, len(texts) + 1))
    )


def _column_numbers(row: Sequence[Cell]) -> bool:
    """A row of small numbers rising from cell to cell, and nothing else («2 | 4»)."""
    texts = [c.text.strip().rstrip(".") for c in row if c.text.strip()]
    if len(texts) < 2 or not all(t.isdigit() and int(t) <= 30 for t in texts):
        return False
    return all(int(a) < int(b) for a, b in pairwise(texts))


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _looks_deadline(text: str) -> bool:
    return (
        len(text) <= MAX_DEADLINE_PROBE
        and parse_deadline(text, _PROBE_PERIOD).kind is not DeadlineKind.UNRECOGNIZED
    )


def _looks_people(text: str) -> bool:
    return bool(
        _NAME.search(text) or _PEOPLE_WORDS.search(text) or _PEOPLE_ABBREVIATIONS.search(text)
    )


def _day_over_place(cell: str) -> tuple[str, str] | None:
    """«03 января⏎ДК с. Серноводское»: a cell's first line its day, the lines under it the
    place (the place, the day); None when the cell is not so."""
    first, _, rest = cell.strip().partition("\n")
    rest = _squeeze(rest)
    if not re.search(r"[^\W\d_]{3}", rest):
        return None  # «1 июня⏎12:00», «до 10 мая⏎2022 г.»: the day and its hours, no place
    if not _is_dated(first.strip()) or _looks_deadline(rest):
        return None
    if _is_dated_in_a_year(_squeeze(cell)):
        return None  # «18 декабря⏎2015 г. - 10 января 2016 г.»: one span over two lines
    return rest, first.strip()


def _infer(rows: Sequence[Sequence[Cell]], found: dict[str, int]) -> dict[str, int]:
    """Fill the roles the header did not name from the cells of the first data rows.

    The deadline column is the one whose cells mostly read as deadlines; the number column
    holds short ordinals («1», «1.1», «2.», «I.»); the content is the longest text; the
    executors' column holds people and bodies («Руководители ПОО», «Иванова Т.П.»)."""
    sample = [
        row
        for row in rows[:SAMPLE_ROWS]
        if any(c.text.strip() for c in row) and not _is_numbering_row(row)
    ]
    # rows of one text («I квартал», «Январь», merged across or in the first cell alone) head
    # the rows under them: they are no sample of a column's cells
    rows_of_cells = [row for row in sample if sum(bool(c.text.strip()) for c in row) >= 2]
    rows_of_cells = [row for row in rows_of_cells if _lone_text(row) is None]
    if len(rows_of_cells) * 2 >= len(sample):
        sample = rows_of_cells
    if not sample:
        return found
    width = max(len(row) for row in sample)
    columns: dict[int, list[str]] = {}
    for index in range(width):
        if index in found.values():
            continue
        texts = [_squeeze(row[index].text) for row in sample if index < len(row)]
        columns[index] = [t for t in texts if t]
    roles = dict(found)
    least = max(1, -(-len(sample) * 3 // 10))  # filled in at least 30% of the rows

    def best(role: str, share_of: Callable[[list[str]], float], limit: float) -> None:
        scored = [
            (share_of(texts), -sum(map(len, texts)) / len(texts), index)
            for index, texts in columns.items()
            if len(texts) >= least
        ]
        scored = [s for s in scored if s[0] >= limit]
        if role not in roles and scored:
            index = max(scored)[2]
            roles[role] = index
            del columns[index]

    def share(test: Callable[[str], bool]) -> Callable[[list[str]], float]:
        return lambda texts: sum(map(test, texts)) / len(texts)

    def ordinals(texts: list[str]) -> float:
        # Numbers of items are mostly different («5», «6», «5» is a column of grades); a number
        # merged down over a lead-in's rows repeats only next to itself.
        runs = [t for i, t in enumerate(texts) if i == 0 or t != texts[i - 1]]
        merged = len(runs) < len(texts)
        starts = runs[0].rstrip(".)") in ("1", "1.1", "I") if runs else False
        if len(set(runs)) < 0.8 * len(runs) or (merged and not starts):
            return 0.0  # «4, 4, 4, 5» is a column of grades; «1, 2, 2, 2, 3» numbers merged down
        clocks = [t for t in texts if _CLOCK_ONLY.match(t)]
        if len(clocks) * 2 >= len(texts) and any(t.endswith("00") for t in clocks):
            return 0.0  # «11.30, 12.10, 13.00»: the hours of events, no item is «13.00»
        return sum(bool(_ORDINAL.match(t)) for t in texts) / len(texts)

    # A number column comes first, or second after a mark or a blank one.
    others = {index: columns.pop(index) for index in list(columns) if index > 1}
    best("number", ordinals, 0.8)
    columns.update(others)
    best("deadline", share(_looks_deadline), 0.5)
    # «11.30 | Линейка … | …» under day headings: the hours of each day's events
    best(
        "deadline", share(lambda text: bool(_CLOCK_ONLY.match(text)) or _looks_deadline(text)), 0.8
    )
    if "deadline" not in roles:
        # «03 января⏎ДК с. Серноводское» in every row: a column of days, each over its place
        placed = [
            (sum(bool(_day_over_place(row[i].text)) for row in sample if i < len(row)), i)
            for i in columns
        ]
        if placed and (most := max(placed))[0] >= max(least, len(sample) / 2):
            roles["deadline"] = most[1]
            del columns[most[1]]
    if "text" not in roles:
        wordy = [
            (sum(map(len, texts)) / len(texts), index)
            for index, texts in columns.items()
            if len(texts) >= least and sum(any(ch.isalpha() for ch in t) for t in texts) > 0
        ]
        if wordy:
            # The longest; of two about as long («ОГЭ | ГВЭ-9» repeating each other), the first.
            longest = max(length for length, _ in wordy)
            index = min(i for length, i in wordy if length >= 0.8 * longest)
            # «Концертный зал МАУ …» in row after row beside events each its own: a column
            # that repeats itself holds the places, the one whose every cell differs the
            # events
            distinct = [i for _, i in wordy if len(set(columns[i])) == len(columns[i])]
            repeats = len(set(columns[index])) < 0.8 * len(columns[index])
            if len(columns[index]) >= 3 and distinct and index not in distinct and repeats:
                index = max(distinct, key=lambda i: sum(map(len, columns[i])))
            roles["text"] = index
            del columns[index]
    short = {i: t for i, t in columns.items() if sum(map(len, t)) / max(len(t), 1) <= 120}
    columns = short
    best("executors", share(_looks_people), 0.5)
    return roles


# «I этап», «Этап 2», «3 этап»: a stage's label in the number column.
_STAGE_LABEL = re.compile(
    r"^(?:(?:[IVX]{1,4}|\d{1,2})\s+этап|этап\s+(?:[IVX]{1,4}|\d{1,2}))\.?$", re.I
)


def _widest_text(
    header_row: Sequence[Cell], sample: Sequence[Sequence[Cell]], header: dict[str, int]
) -> dict[str, int]:
    """Of two columns named like content («Направление», «Мероприятие»), the one with the
    longest cells holds the content; the other is a grouping written short (``group``)."""
    words = dict(COLUMN_WORDS)["text"]
    if "number" not in header and "text" in header:
        # «Название раздела. | Тема занятий:» over «1 | Тема 1. Адаптация …»: a column of
        # ordinals under a content's name is the items' numbers, the topic beside it the text
        at = header["text"]
        rows_of_cells = [row for row in sample if sum(bool(c.text.strip()) for c in row) >= 2]
        cells = [c for row in rows_of_cells[:SAMPLE_ROWS] if (c := _cell(row, at))]
        taken_now = set(header.values())
        beside = at + 1 if at + 1 < len(header_row) and at + 1 not in taken_now else None
        # «Содержание этапа» over «I этап | Размещение информации …» (the header merged over
        # both): the stage's label is its number, the cell beside it the text
        if len(cells) >= 2 and all(_ORDINAL.match(c) or _STAGE_LABEL.match(c) for c in cells):
            if "group" in header:
                header = {**header, "number": at, "text": header["group"]}
                del header["group"]
            elif beside is not None and not _cell(header_row, beside):
                header = {**header, "number": at, "text": beside}
    taken = {index for role, index in header.items() if role not in ("text", "group")}
    named = [
        index
        for index, cell in enumerate(header_row)
        if index not in taken
        and len(cell.text) <= 80
        and any(word in " ".join(cell.text.casefold().split()) for word in words)
        # «Срок реализации мероприятия»: a deadline's header, though it says «мероприятие»
        and set(_header_roles((cell,))) <= {"text", "group"}
    ]
    if len(named) < 2:
        return header
    sample = sample[:SAMPLE_ROWS]

    def length(index: int) -> float:
        texts = [row[index].text.strip() for row in sample if index < len(row)]
        filled = [t for t in texts if t]
        return sum(map(len, filled)) / len(filled) if filled else 0.0

    widest = max(named, key=lambda index: (length(index), -index))
    out = {**header, "text": widest}
    if "group" not in out:
        # The shorter one groups the rows (shown as sections) or names each row's topic;
        # «Форма мероприятия» after «Название мероприятия» says what kind each one is.
        other = max((i for i in named if i != widest), key=length)
        form = other > widest and "форм" in header_row[other].text.casefold()
        out["form" if form else "group"] = other
    return out


def _header_names(row: Sequence[Cell]) -> list[str]:
    return [_squeeze(c.text) for c in row if c.text.strip()]


def _section_title(row: Sequence[Cell], columns: dict[str, int]) -> str | None:
    """A row whose only text is a heading («1. Разработка …», «Задача 2. …»)."""
    filled = [c for c in row if c.text.strip()]
    if len({c.text.strip() for c in filled}) != 1:
        return None
    cell = filled[0]
    text = " ".join(cell.text.split())
    number_column = columns.get("number")
    in_number_column = number_column is not None and row[number_column] is cell
    if _NUMBER.match(text) or _CLOCK.match(text):
        return None  # a number alone, or an event at its hour («20.00 (школы города) - …»)
    if cell.bold or cell.italic or _SECTION.match(text) or in_number_column:
        return text
    if (
        row[0] is cell
        and columns.get("deadline") == 0
        and not _looks_deadline(text)
        and not _looks_continued(text)
    ):
        # «Праздничные мероприятия» typed across a table whose first column is the date (the
        # merged cell keeps its text in the first): a heading, not another day of the item.
        return text
    if not _cell_text(row, columns, "text") and _looks_deadline(text):
        return text  # «СЕНТЯБРЬ 2022 г» alone in the date column: the month of the rows under it
    return None


def _looks_continued(text: str) -> bool:
    """A fragment going on from the row above: lowercase, a bracket, a dash, a comma."""
    first = text[:1]
    return bool(first) and (first.islower() or first in _CONTINUATION_MARKS)


_ROMAN_NUMBER = re.compile(r"^[IVX]{1,4}\.?$")


def _successor(previous: str, number: str) -> bool:
    """Whether ``number`` is the next item after ``previous`` at its level («1.2» → «1.3»,
    «4» → «5»): the row goes on with the items, it does not head a section."""
    before, after = previous.rstrip(".").split("."), number.rstrip(".").split(".")
    if not all(p.isdigit() for p in before + after) or len(before) != len(after):
        return False
    return before[:-1] == after[:-1] and int(after[-1]) == int(before[-1]) + 1


def _only_text(row: Sequence[Cell], columns: dict[str, int]) -> bool:
    """Whether a row's only words are in its text column, the cells before it empty."""
    at = columns.get("text")
    filled = [i for i, c in enumerate(row) if c.text.strip()]
    return at is not None and at > 0 and filled == [at]


def _under_merged_cells(rows: Sequence[Sequence[Cell]], at: int, columns: dict[str, int]) -> bool:
    """In a text table, rows in a run of two or more that hold only their text, the cells
    before it empty («| | Математика», «| | Один из предметов: …» under «С 20 апреля по 20
    мая | 4 | Русский язык»): the rows of a block whose period and class were merged down,
    each an item, not headings one over the other with nothing under the first."""
    if not _only_text(rows[at], columns):
        return False
    return (at > 0 and _only_text(rows[at - 1], columns)) or (
        at + 1 < len(rows) and _only_text(rows[at + 1], columns)
    )


def _plain_section(row: Sequence[Cell], data: _Row, follows: str = "") -> str | None:
    """A row with text but no deadline, executors, result or mark: a heading, numbered or not
    («I. …», «3.» | «Кадровое обеспечение», «Раздел 2 …», «Задача 3 …», «Модуль «…»»).

    Not a row numbered next after the item above it, in plain cells: that is an item whose
    date and executors were merged with the row above (``follows``: the item's number)."""
    if _ROMAN_NUMBER.match(data.number) and data.text and not (data.executors or data.mark):
        # «I. | Этап подготовки | ноябрь 2012 – май 2013 г. | —» over items «1.1», «1.2»: a
        # stage of the plan, dated but answered for by nobody, heads its items.
        return f"{data.number} {data.text}" + (f" ({data.deadline})" if data.deadline else "")
    if data.deadline or data.executors or data.result or data.mark:
        return None
    if (
        data.number
        and follows
        and _successor(follows, data.number)
        and not any(c.bold or c.italic for c in row if c.text.strip())
    ):
        return None
    texts: list[str] = []
    for cell in row:
        text = _squeeze(cell.text)
        if text and text not in texts:
            texts.append(text)
    plain = not any(c.bold or c.italic for c in row if c.text.strip())
    if plain and not data.number and len(texts) >= 2:
        # «| 11 * (10) | География | |» under a dated row: words in two columns are an item
        # whose day was merged down from the row above (a text table keeps no merges), never
        # a heading, which is one text across the row
        return None
    title = " ".join(texts)
    if not title or _NUMBER.match(title) or _CLOCK.match(title) or _looks_continued(title):
        return None
    if not data.number and data.first_of_continuation:
        return None  # the rest of an item split by a page break
    if not data.text:
        return None if _ORDINAL.match(title) else title
    return title


def _section_number(title: str) -> str | None:
    match = _SECTION.match(title)
    if not match:
        return None
    return match["word"] or match["num"]


def _cell_text(row: Sequence[Cell], columns: dict[str, int], role: str) -> str:
    """The cell of a role, without a label that repeats the column's name in every row
    («Срок: сентябрь 2003 г.», «Отв.: Иванова Т.П.»)."""
    index = columns.get(role)
    text = row[index].text.strip() if index is not None and index < len(row) else ""
    label = _CELL_LABELS.get(role)
    if label and (found := label.match(text)):
        return found["value"].strip()
    return text


def _spare_text(row: Sequence[Cell], columns: dict[str, int], more: Sequence[int]) -> str:
    """The words of a row whose text cell is empty, from the first filled column no role names
    («| 15-16.12 | | Встреча с врачом-наркологом | | ЦБ» under «Наименование | Форма
    проведения»): the row is an event all the same, never dropped for its empty cell."""
    taken = {*columns.values(), *more}
    for index, cell in enumerate(row):
        text = cell.text.strip()
        if index in taken or cell.merged or not text:
            continue
        if any(char.isalpha() for char in text) and not _looks_deadline(text):
            return text
    return ""


def _is_data(row: Sequence[Cell]) -> bool:
    """A row that is plan content rather than a header: a cell that is no header word
    («Период») reads as a deadline or a number."""
    return any(
        _looks_deadline(text) or _ORDINAL.match(text) or _CLOCK_ONLY.match(text)
        for text in (_squeeze(c.text) for c in row)
        if text and (not _header_roles((Cell(text),)) or _labelled_value(text))
    )


def _dated_by_label(row: Sequence[Cell]) -> bool:
    """A cell of the row gives a deadline after its label («Срок: сентябрь 2003 г.»)."""
    return any(
        (found := _DEADLINE_LINE.match(_squeeze(c.text))) and _looks_deadline(found["value"])
        for c in row
    )


def _labelled_value(text: str) -> bool:
    """«Срок: сентябрь 2003 г.»: a header word as the cell's label, a value after it."""
    label, colon, value = text.partition(":")
    return bool(colon and value.strip() and len(label) <= MAX_LABEL)


def _lone_text(row: Sequence[Cell]) -> str | None:
    """The text of a row whose non-empty cells all say one thing (a row merged across)."""
    texts = {_squeeze(c.text) for c in row if c.text.strip()}
    return texts.pop() if len(texts) == 1 else None


def _weak_header(rows: Sequence[Sequence[Cell]]) -> int | None:
    """The header of a table whose header words name no content column: the last row of two
    or more cells before the first data row (an approval block above it is not the header)."""
    found: int | None = None
    for index, row in enumerate(rows[:HEADER_ROWS]):
        if _is_data(row):
            break
        if len(_header_names(row)) >= 2:
            found = index
    return found


# Sub-headers under a «Срок» group: a start date is not what people are held to, a fact column
# is the mark of what was done.
_SUB_START = re.compile(r"\bначал|^с$", re.I)
_SUB_FACT = re.compile(r"\bфакт", re.I)
MAX_HEADER_CELL = 60  # a sub-header is a word or two, not a sentence
MAX_LABEL = 20  # «Срок исполнения:» before a cell's value
MAX_HEADER_ROWS = 4


def _periods_under_deadline(row: Sequence[Cell], above: Sequence[Cell]) -> bool:
    """Whether a row's cells that read as deadlines are the periods of a grid under a
    «Срок» group header («Срок реализации» over «I квартал 2013 г. | II квартал …»), and none
    is an item number."""
    group = ""
    for index, cell in enumerate(row):
        upper = _cell(above, index)
        group = upper or group
        text = _squeeze(cell.text)
        if not text or text == upper:
            continue
        if _ORDINAL.match(text) or _STAGE_LABEL.match(text):
            return False
        if _looks_deadline(text) and _header_roles((Cell(group),)).get("deadline") != 0:
            return False
        if _CALENDAR_DATE.search(text):
            return False  # «до 1 декабря 2010 г.»: an item's day, no grid's period
    return True


def _sub_header(row: Sequence[Cell], above: Sequence[Cell]) -> bool:
    """Whether a row goes on with the header row above it: sub-columns of a group («Срок» →
    «начало | окончание», «Исполнение» → «Срок | Ответственный»), or header words wrapped onto
    a second line («N» / «п/п», «Наименование» / «мероприятия»). A section row right under the
    header («Раздел 1. …», bold) is not one."""
    if _is_numbering_row(row) or (_is_data(row) and not _periods_under_deadline(row, above)):
        return False
    texts = [(i, _squeeze(c.text)) for i, c in enumerate(row) if c.text.strip()]
    uppers = [_squeeze(c.text) for c in above]
    new = [(i, t) for i, t in texts if i >= len(uppers) or uppers[i] != t]
    if not texts or any(len(t) > MAX_HEADER_CELL for _, t in new):
        return False
    if not new:
        return True  # the header row again (cells merged down repeat their text)
    distinct = {t for _, t in texts}
    if len(distinct) == 1:
        (i, t), cell = new[0], row[new[0][0]]
        return not cell.bold and (t[:1].islower() or _header_roles((Cell(t),)).get("number") == 0)
    for i, t in new:
        upper = uppers[i] if i < len(uppers) else ""
        starts_group = i + 1 < len(uppers) and not uppers[i + 1] and bool(_cell(row, i + 1))
        if not upper or starts_group or t[:1].islower() or _header_roles((Cell(t),)):
            continue
        return False
    return True


def _cell(row: Sequence[Cell], index: int) -> str:
    return _squeeze(row[index].text) if index < len(row) else ""


def _combine(above: Sequence[Cell], row: Sequence[Cell]) -> tuple[Cell, ...]:
    """One header row from a header row and its sub-header row: a sub-column's own name where
    it has one («Исполнение» / «Срок» → «Срок»), else the two read together («Наименование» /
    «мероприятия», «Срок» / «окончание»); a group's name is written over its first column only."""
    width = max(len(above), len(row))
    out: list[Cell] = []
    group = ""
    for index in range(width):
        upper, lower = _cell(above, index), _cell(row, index)
        if upper:
            group = upper
        elif lower and group:
            upper = group
        else:
            group = ""
        if not lower or lower == upper:
            text = upper
        elif not upper:
            text = lower
        elif _SUB_START.search(lower) and _header_roles((Cell(upper),)).get("deadline") == 0:
            text = ""  # «Срок» / «начало»: the start is not the deadline
        elif _SUB_FACT.search(lower):
            text = f"Отметка о выполнении ({upper} {lower})"
        elif _header_roles((Cell(lower),)):
            text = lower
        else:
            text = f"{upper} {lower}"
        out.append(Cell(text))
    return tuple(out)


@dataclass(frozen=True)
class _HeaderBlock:
    first: int
    end: int  # the first row after the header
    row: tuple[Cell, ...]  # the header rows read as one


def _header_block(rows: Sequence[Sequence[Cell]]) -> _HeaderBlock | None:
    """The first header among a table's first rows that names the plan's columns, over one
    row or several (a group with sub-columns, headers wrapped onto a second line)."""
    for first in range(min(5, len(rows))):
        combined, end = tuple(rows[first]), first + 1
        if _dated_by_label(combined):
            continue  # «Решить вопрос … | Срок: март 2004 г.»: a row, its cell labelled
        found = bool(_columns(combined))
        while (
            end < len(rows)
            and end - first < MAX_HEADER_ROWS
            and _sub_header(rows[end], rows[end - 1])
        ):
            candidate = _combine(combined, rows[end])
            if found and not _columns(candidate):
                break
            combined, end = candidate, end + 1
            found = found or bool(_columns(combined))
        if found:
            return _HeaderBlock(first, end, combined)
    return None


@dataclass
class _Table:
    """Where a plan table's header is, the roles of its columns, and its header words."""

    start: int
    columns: dict[str, int]
    header: dict[str, int]
    names: list[str]
    header_rows: frozenset[tuple[str, ...]] = frozenset()  # repeated after a page break
    # Columns headed like the deadline's («Дата | Дата | Дата»: the main and extra days).
    more_deadlines: tuple[int, ...] = ()
    # A grid of periods («I квартал 2013 г. | II квартал …»): a marked cell («х», «+») is due
    # in its column's period.
    period_columns: tuple[tuple[int, str], ...] = ()
    place_and_date: bool = False  # «Место и дата проведения»: a place, then its days
    one_column: bool = False  # a programme in one column: day rows over the events of each
    in_words: bool = False  # an order's points: their days are in their words (_days_in_words)


# What a grid's cell says when the item is not due in that period.
_NOT_MARKED = frozenset({"-", "–", "—", "нет", "0", "/"})


def _period_columns(
    header_row: Sequence[Cell], columns: dict[str, int]
) -> tuple[tuple[int, str], ...]:
    """The columns of a plan-grid whose headers are each a period of their own («I квартал
    2013 г.», «Январь», «2024 год»), two or more of them, beside the content."""
    taken = {index for role, index in columns.items() if role != "deadline"}
    found = tuple(
        (index, _cell(header_row, index))
        for index in range(len(header_row))
        if index not in taken
        and _cell(header_row, index)
        and _looks_deadline(_cell(header_row, index))
    )
    return found if len(found) >= 2 else ()


def _grid_deadline(row: Sequence[Cell], grid: tuple[tuple[int, str], ...]) -> str:
    """The periods of a grid row's marked cells; a cell holding a date of its own gives it."""
    parts: list[str] = []
    for index, period in grid:
        text = _cell(row, index)
        if not text or text.casefold() in _NOT_MARKED:
            continue
        parts.append(text if any(ch.isdigit() for ch in text) and _looks_deadline(text) else period)
    return ", ".join(parts)


# «1 (1-3)», «5 (27-01)», «1 (29 – 3)»: a week's number in its month and its days
_WEEK_DAYS = re.compile(
    r"\s*(?P<week>[1-5])\s*\(\s*(?P<first>\d{1,2})\s*[-–—]\s*(?P<last>\d{1,2})\s*\)\s*"
)


def _headed_column(
    header_row: Sequence[Cell],
    rows: Sequence[Sequence[Cell]],
    named: Callable[[str], bool],
    holds: Callable[[str], object],
    taken: Iterable[int] = (),
) -> int | None:
    """The first column not ``taken`` whose header is ``named`` and whose filled cells (most
    of those sampled) each ``holds``."""
    skip = set(taken)
    for index, cell in enumerate(header_row):
        if index in skip or not named(cell.text.casefold().strip()):
            continue
        cells = [c for row in rows[:SAMPLE_ROWS] if (c := _cell(row, index))]
        if cells and sum(bool(holds(c)) for c in cells) >= 0.8 * len(cells):
            return index
    return None


def _week_days_column(header_row: Sequence[Cell], rows: Sequence[Sequence[Cell]]) -> int | None:
    """«Месяц | Неделя (числа) | Тема»: the column of the weeks of each month and their days."""
    return _headed_column(header_row, rows, lambda name: "недел" in name, _WEEK_DAYS.fullmatch)


def _hours_column(
    header_row: Sequence[Cell], rows: Sequence[Sequence[Cell]], columns: dict[str, int]
) -> int | None:
    """«Дата | Мероприятие | Учреждение | Время проведения»: a column of the events' hours
    beside the deadline column, the day printed only where it changes."""
    return _headed_column(
        header_row,
        rows,
        lambda name: name.startswith(("время", "час")),
        _STARTS_WITH_TIME.match,
        columns.values(),
    )


def _week_day(month_text: str, week: str) -> str | None:
    """The last day of «2 (6-10)» in the month «Сентябрь» as «10 сентября»; a week running into
    the next month ends there («5 (27-01)» → «1 октября»), the first week of a month began in
    the one before («1 (29 – 3)» in December → «3 декабря»)."""
    match = _WEEK_DAYS.fullmatch(week)
    name = " ".join(month_text.split()).casefold()
    if match is None or name not in _MONTHS:
        return None
    month = _MONTHS.index(name)
    first, last = int(match["first"]), int(match["last"])
    if last < first and match["week"] != "1":
        month = (month + 1) % 12
    return f"{last} {_MONTHS_GENITIVE[month]}"


def _more_deadlines(
    header_row: Sequence[Cell], rows: Sequence[Sequence[Cell]], columns: dict[str, int]
) -> tuple[int, ...]:
    """Columns after the deadline column headed as it is («Дата | Дата | Дата»), or under the
    same merged header (its text is in the first column only) with cells that read as
    deadlines: each holds another day of the item (a main day and extra ones)."""
    index = columns["deadline"]
    name = _cell(header_row, index).casefold()
    taken = set(columns.values())
    found: list[int] = []
    for i in range(index + 1, len(header_row)):
        if i in taken or not name:
            break
        other = _cell(header_row, i).casefold()
        if other == name:
            found.append(i)
            continue
        cells = [_cell(row, i) for row in rows[:SAMPLE_ROWS]]
        filled = [c for c in cells if c]
        if other or not filled or sum(map(_looks_deadline, filled)) < 0.8 * len(filled):
            break
        found.append(i)
    return tuple(found)


_CALENDAR_DATE = re.compile(
    r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b\d{1,2}\s+(?:" + "|".join(_MONTHS_GENITIVE) + r")\b", re.I
)


def _is_calendar_date(text: str) -> bool:
    """A day with its year («19.10.20») or its month's name: not an item number («1.1»)."""
    return bool(_CALENDAR_DATE.search(text)) and _looks_deadline(text)


def _shifted_header(
    columns: dict[str, int], header_row: Sequence[Cell], rows: Sequence[Sequence[Cell]]
) -> dict[str, int]:
    """«Название мероприятия» over the numbers, the header's last cell empty: a header typed
    one cell to the left of its columns, each role the column right of its header."""
    at = columns.get("text")
    if "number" in columns and header_row and (left := _shifted_left(columns, rows)):
        return left
    if at is None or "number" in columns or not header_row or header_row[-1].text.strip():
        return columns
    width = len(header_row)
    cells = [c for row in rows if _lone_text(row) is None and (c := _cell(row, at))]
    if not cells or not all(_ORDINAL.match(c) for c in cells):
        return columns
    if any(i + 1 >= width for i in columns.values()):
        return columns
    right = {role: i + 1 for role, i in columns.items()}
    if "deadline" in right and not _mostly_deadlines(rows, right["deadline"]):
        return columns
    return {"number": at, **right}


def _mostly_deadlines(rows: Sequence[Sequence[Cell]], index: int) -> bool:
    """Whether a shift of the header brings the dates under «Сроки»: most filled cells of the
    column there read as deadlines."""
    dated = [c for row in rows if (c := _cell(row, index))]
    return bool(dated) and sum(map(_looks_deadline, dated)) * 2 >= len(dated)


MAX_NUMBER_CELL = 12  # «1.2.3.», «IV.», «п. 12»: longer is text


def _shifted_left(columns: dict[str, int], rows: Sequence[Sequence[Cell]]) -> dict[str, int] | None:
    """«№№ | Мероприятие | Сроки …» over rows starting with their text and ending with an
    empty cell: the rows typed one cell to the left, each role the column left of its header."""
    at = columns["number"]
    if at != 0 or any(i == 0 for role, i in columns.items() if role != "number"):
        return None
    data = [row for row in rows if _lone_text(row) is None and any(c.text.strip() for c in row)]
    firsts = [_cell(row, 0) for row in data]
    if not data or not all(
        f and not _ORDINAL.match(f) and len(f) > MAX_NUMBER_CELL for f in firsts
    ):
        return None
    if any(_cell(row, len(row) - 1) for row in data):
        return None
    left = {role: i - 1 for role, i in columns.items() if role != "number"}
    if "deadline" in left and not _mostly_deadlines(data, left["deadline"]):
        return None
    return left


def _days_beside_months(header_row: Sequence[Cell], columns: dict[str, int]) -> int | None:
    """«Месяц | Название мероприятия | Дата/время/место»: the column of days, not the month
    heading the deadline column, holds the deadline; the month stands where no day is."""
    at = columns["deadline"]
    if not re.search(r"\bмесяц", _cell(header_row, at).casefold()):
        return None
    taken = set(columns.values())
    for index, cell in enumerate(header_row):
        name = " ".join(cell.text.casefold().split())
        if index not in taken and len(name) <= MAX_HEADER_CELL and re.match(r"дата|срок", name):
            return index
    return None


MIN_MILESTONE = 15  # a milestone is a sentence («Проведен анализ рисков …»), not a mark


def _milestones_beside(
    columns: dict[str, int], header_row: Sequence[Cell], sample: Sequence[Sequence[Cell]]
) -> dict[str, int]:
    """«Задача» merged down over the milestones beside it («Веха»: «5.1.1. Проведен анализ
    …», each with its «Срок»): the task groups them, each milestone is an item."""
    at = columns.get("text")
    if at is None or "group" in columns:
        return columns
    taken = set(columns.values())
    beside = at + 1
    if beside in taken or not _cell(header_row, beside):
        return columns
    rows = [row for row in sample if any(c.text.strip() for c in row) and _lone_text(row) is None]
    own = [row for row in rows if at < len(row) and row[at].text.strip() and not row[at].merged]
    milestones = [row for row in rows if len(_cell(row, beside)) >= MIN_MILESTONE]
    if (
        len(rows) >= MIN_FOUND_DEADLINES
        and len(milestones) == len(rows)
        and len(own) * 2 <= len(rows)
    ):
        return {**columns, "group": at, "text": beside}
    return columns


def _plan_table(
    table: Table,
    refused: list[list[str]],
    strong: _HeaderBlock | None,
    ordered: bool | None = False,
) -> _Table | None:
    """The columns of a table that starts a plan; None (its headers noted) if it holds none."""
    header_row: Sequence[Cell] = ()
    if strong is not None:
        start, header_row = strong.end, strong.row
        header = _columns(header_row) or {}
        header_rows = frozenset(
            tuple(_squeeze(c.text) for c in row) for row in table.rows[strong.first : strong.end]
        )
    else:
        weak = _weak_header(table.rows)
        start = 0 if weak is None else weak + 1
        header = {} if weak is None else _header_roles(table.rows[weak])
        header_row = table.rows[weak] if weak is not None else ()
        header_rows = frozenset(
            {tuple(_squeeze(c.text) for c in header_row)} if weak is not None else ()
        )
    named = _widest_text(header_row, table.rows[start:], header) if strong is not None else header
    columns = _infer(table.rows[start:], named)
    columns = _shifted_header(columns, header_row, table.rows[start : start + SAMPLE_ROWS])
    columns = _milestones_beside(columns, header_row, table.rows[start : start + SAMPLE_ROWS])
    if "text" not in columns and "result" in columns:
        # «Этап подведения итогов» over the only text beside the deadlines: the content, not
        # an expected result (there is no content column besides it).
        columns = {("text" if role == "result" else role): i for role, i in columns.items()}
    if "number" in columns:
        # «п/п» over «19.10.20», «20.10.20»: a column named as the numbers holds the dates.
        at = columns["number"]
        cells = [c for row in table.rows[start : start + SAMPLE_ROWS] if (c := _cell(row, at))]
        if cells and sum(map(_is_calendar_date, cells)) >= 0.8 * len(cells):
            columns = {role: i for role, i in columns.items() if role != "number"}
            if "deadline" not in columns:
                columns["deadline"] = at
            else:
                # «28.03.2022 понедельник» merged down over the day's rows, the deadline
                # column giving only their hours («09.30-11.00 Спортзал»): the day of each.
                columns["day"] = at
    if "deadline" in columns and (finer := _days_beside_months(header_row, columns)) is not None:
        columns = {**columns, "deadline": finer, "months": columns["deadline"]}
    if "deadline" in columns and (week := _week_days_column(header_row, table.rows[start:])):
        columns = {**columns, "week": week}
    if "deadline" in columns and (hours := _hours_column(header_row, table.rows[start:], columns)):
        columns = {**columns, "hours": hours}
    deadlines = 0
    if "deadline" in columns and strong is None:
        index = columns["deadline"]
        sample = table.rows[start : start + SAMPLE_ROWS]
        deadlines = sum(
            1
            for row in sample
            if index < len(row)
            and (_looks_deadline(_squeeze(row[index].text)) or _day_over_place(row[index].text))
        )
        clocks = sum(bool(_CLOCK_ONLY.match(_cell(row, index))) for row in sample)
        filled = sum(bool(_cell(row, index)) for row in sample)
        if any(_is_dated(text) for row in sample if (text := _lone_text(row) or "")):
            # hours («11.30») under day headings («Суббота 22 сентября»): dated by them
            deadlines += clocks
        elif clocks >= MIN_LIST_ITEMS and clocks >= 0.8 * filled:
            # «08.15 – 08.30 | Построение 5 классов»: a day's programme by its hours, the day
            # in the title («Программа спортивного дня на 31 мая 2012 года») or asked for
            deadlines += clocks
        items = [
            row
            for row in table.rows[start : start + SAMPLE_ROWS]
            if any(c.text.strip() for c in row) and _lone_text(row) is None
        ]
        if header.get("deadline") == index and 0 < deadlines == len(items):
            # one row under «Срок» (an excerpt, a short plan): its every row dated
            deadlines = max(deadlines, MIN_FOUND_DEADLINES)
    names = _header_names(header_row) if start else []
    has_rows = any(any(c.text.strip() for c in row) for row in table.rows[start:])
    # A grid of periods: the deadline column is one of them («Срок реализации» over quarters),
    # or there is none and the months head the columns (a «циклограмма» of «+» marks).
    grid = _period_columns(table.rows[strong.end - 1] if strong else header_row, columns)
    if grid and "text" in columns and columns.get("deadline", grid[0][0]) in dict(grid):
        columns = {**columns, "deadline": grid[0][0]}
    else:
        grid = ()
    if (
        "text" in columns
        and "deadline" in columns
        and (strong is not None or deadlines >= MIN_FOUND_DEADLINES or grid)
    ):
        return _Table(
            start,
            columns,
            header,
            names,
            header_rows,
            () if grid else _more_deadlines(header_row, table.rows[start:], columns),
            grid,
            "мест" in _cell(header_row, columns["deadline"]).casefold()
            or _places_under_days(table.rows[start : start + SAMPLE_ROWS], columns["deadline"]),
        )
    if "text" in columns and "deadline" not in columns and names:
        # A plan by months: «Сентябрь» rows across the table give the deadline of the rows
        # under them.
        dated = [
            index
            for index, row in enumerate(table.rows[start:])
            if (title := _lone_text(row)) and _looks_deadline(title)
        ]
        # Two such rows, or one that opens the table («ИЮНЬ» above the first row).
        if len(dated) >= MIN_FOUND_DEADLINES or dated[:1] == [0]:
            return _Table(start, columns, header, names, header_rows)
    if columns == {"text": 0} and all(len(row) == 1 for row in table.rows):
        # A programme in one column: day rows («25 июня», «23 - 26 июня», «16 декабря 2009 г.
        # Новосибирск») over the events of each day, perhaps under a lone «Мероприятие».
        if start == 0 and table.rows and _header_roles(table.rows[0]) == {"text": 0}:
            start = 1
        lines = [(" ".join(row[0].text.split()), row[0].bold) for row in table.rows]
        if any(_LIST_POINT.match(line) or _BULLET_POINT.match(line) for line, _ in lines) and (
            _headed_list_drafts(lines)
        ):
            return None  # numbered questions (points) under their months: read as lines
        by_days = _dated_list_drafts([line for line, _ in lines])
        if _dated_lines_win(lines, _headed_list_drafts(lines), by_days):
            return None  # lines that open with their days, a day alone among them: as lines
        # «5 декабря 2018 года – основной день написания …»: a row opening with its day and
        # going on with its own words is an event of a dated list, not a day over events
        if _news_of_what_was_held("", [line for line, _ in lines]):
            return None  # «В администрации состоялось совещание …» under its day: news
        if any(
            _day_heading(title) and not _leading_deadline(title)
            for row in table.rows[start:]
            if (title := _lone_text(row))
        ):
            return _Table(start, columns, header, names, header_rows, one_column=True)
    # «1. | Провести VIII Спартакиаду 21 июня …», «5. | Установить срок … до 16.06.2023 г.»:
    # points of only a number and a text, two or more naming their days, are decisions too
    # (``ordered`` None: no order's words, nor a report's of what was held above the table)
    decided = (
        ordered is None
        and set(columns) == {"number", "text"}
        and (
            sum(bool(_days_in_words(_cell(row, columns["text"]))) for row in table.rows[start:])
            >= MIN_FOUND_DEADLINES
        )
    )
    if (ordered or decided) and "text" in columns and "deadline" not in columns:
        # «ПРИКАЗЫВАЮ: 1.1. Начать … 1 сентября 2023 года …»: an order's points in a table of
        # number and text, each point's days in its words or in a line heading it («до 1
        # сентября 2014 года:»)
        points = table.rows[start:]
        in_text = sum(bool(_days_in_words(_cell(row, columns["text"]))) for row in points)
        headed = sum(bool((t := _lone_text(row)) and _is_dated(t.rstrip(" :"))) for row in points)
        if in_text or headed:
            return _Table(start, columns, header, names, header_rows, in_words=True)
    if has_rows and (strong is not None or header) and names:
        refused.append(names)
    return None


# «ПРИКАЗЫВАЮ:», «РАСПОРЯЖЕНИЕ», «постановляет:», «Решение коллегии», «коллегия РЕШАЕТ:»: an
# order or a decision, its points the decisions.
_ORDER_MARKER = re.compile(
    r"^\s*(?:распоряжение|приказ|постановление|решение)\b"
    r"|\b(?:приказываю|постановляю|постановляет|решает|решила|решил|решили)\b",
    re.I,
)
_DAY_WORDS = (
    rf"\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}|\d{{1,2}}\s+(?:{'|'.join(_MONTHS_GENITIVE)})(?:\s+\d{{4}})?"
)
_DAYS_IN_WORDS = re.compile(
    rf"\bс\s+(?:{_DAY_WORDS})\s+по\s+(?:{_DAY_WORDS})|(?<![\d.])(?:{_DAY_WORDS})", re.I
)


def _days_in_words(text: str) -> list[str]:
    """The days an order's point names in its words («… 1 сентября 2023 года …», «… с
    01.09.2023 по 07.09.2023 …», «(до 5 сентября) … (до 28 августа, подтверждения до 11
    сентября»), in order."""
    return [found.group() for found in _DAYS_IN_WORDS.finditer(text)]


# «В школе прошли мероприятия:», «состоялись», «были проведены»: what was held, told.
_TELLS_THE_PAST = re.compile(
    r"\b(?:прошл[иао]|прошёл|прошел|состоял(?:ись|ось|ся|ась)|проведены|было проведено)\b", re.I
)


def _decisions(paragraphs: Sequence[Paragraph]) -> bool | None:
    """True for an order's or a decision's words above its points; False where the text tells
    what was held; None where it says neither."""
    if _is_order(paragraphs):
        return True
    if any(_TELLS_THE_PAST.search(p.text) for p in paragraphs):
        return False
    return None


def _is_order(paragraphs: Sequence[Paragraph]) -> bool:
    return any(
        _ORDER_MARKER.search(line) for p in paragraphs for line in p.text.split("\n") if line
    )


def _day_heading(text: str | None) -> bool:
    """Whether a row of a one-column programme is a day («25 июня», «23 - 26 июня»), or opens
    with one («16 декабря 2009 г. Новосибирск»)."""
    if not text:
        return False
    return _looks_deadline(text) or _opening_day(text) is not None


def _mostly_lowercase(rows: Sequence[Sequence[Cell]], index: int | None) -> bool:
    """Whether most of a column's cells start with a lowercase letter (a list of subjects)."""
    texts = [_cell(row, index) for row in rows] if index is not None else []
    filled = [t for t in texts if t[:1].isalpha()]
    return len(filled) >= 3 and sum(t[:1].islower() for t in filled) > len(filled) / 2


def _grouping(rows: Sequence[Sequence[Cell]], index: int) -> bool:
    """Whether a topic column groups the rows under it (a value merged down or written once
    for a block) rather than naming each row's own topic."""
    current = ""
    for row in rows:
        if not any(c.text.strip() for c in row) or _is_numbering_row(row):
            continue
        value = _cell(row, index)
        if current and value in ("", current):
            return True
        current = value or current
    return False


def _places_under_days(rows: Sequence[Sequence[Cell]], index: int) -> bool:
    """Whether most of a deadline column's cells are a day over its place."""
    cells = [row[index].text for row in rows if index < len(row) and row[index].text.strip()]
    return len(cells) >= MIN_FOUND_DEADLINES and sum(
        map(bool, map(_day_over_place, cells))
    ) * 2 > len(cells)


def _place_and_days(cell: str) -> tuple[str, str] | None:
    """«Библиотеки образовательных учреждений 9 - 11 июня 2003 г.» → (the place, its days); the
    days may come first («10 июня, Дом культуры»), or head the place's lines («09 января⏎ДК
    ст. Ассиновская»). None when no part reads as dated."""
    if over := _day_over_place(cell):
        return over
    words = cell.split()
    if _is_dated(cell):
        return None  # only days: nothing to split off
    for cut in range(1, len(words)):
        place, days = " ".join(words[:cut]), " ".join(words[cut:])
        if _is_dated(days):
            return place, days
        place, days = " ".join(words[-cut:]), " ".join(words[:-cut]).rstrip(",;")
        if _is_dated(days):
            return place, days
    return None


def _with_place(text: str, place: str) -> str:
    """«Праздничные концерты» held in «Учреждения …» → «Праздничные концерты (Учреждения …)»."""
    if not text or not place:
        return text or place
    if "(" in place or ")" in place:
        return f"{text} — {place}"
    if text.endswith(".") and not text.endswith(".."):
        return f"{text[:-1]} ({place})."  # «… «Сказочные мечты» (ДК с. Серноводское).»
    return f"{text} ({place})"


def _is_dated(text: str) -> bool:
    return len(text) <= MAX_DEADLINE_PROBE and parse_deadline(text, _PROBE_PERIOD).is_dated


def _is_dated_in_a_year(text: str) -> bool:
    """Dated in a calendar year or in a school year («26 декабря – 1 января» crosses the new
    year)."""
    return _is_dated(text) or (
        len(text) <= MAX_DEADLINE_PROBE and parse_deadline(text, _PROBE_SCHOOL_YEAR).is_dated
    )


def _with_topic(topic: str, text: str) -> str:
    """«Организационное заседание» and its questions → «Организационное заседание: …»."""
    if not text:
        return topic
    return f"{topic} {text}" if topic.endswith((":", ".", "!", "?", "»")) else f"{topic}: {text}"


_BRACKETED_DAYS = re.compile(
    r"\((?P<days>\d{1,2}(?:\.\d{2})?\s*[-–—]\s*\d{1,2}\.\d{2}(?:\.\d{2,4})?)\)"
)
_CLOCK_LEAD = re.compile(
    r"^(?P<hours>\d{1,2}:\d{2}(?:\s*[-–—]\s*\d{1,2}:\d{2})?)\s+(?P<text>[«\"A-ZА-ЯЁ].*)$", re.S
)


def _with_form(text: str, form: str) -> str:
    """«Раз в крещенский вечерок» and its form → «… (Крещенские посиделки)»."""
    return f"{text} ({form})" if text else form


def _rows(
    tables: Sequence[Table],
    refused: list[list[str]],
    merges_lost: bool = False,
    ordered: bool | None = False,
) -> Iterable[tuple[_Row | None, str | None]]:
    """Yield (row, None) for every data row of every plan table, (None, title) for sections.
    ``merges_lost``: a text table, whose cells merged down are left empty.

    Tables holding no plan (no content or no deadline column) note their headers in
    ``refused``, for the refusal to name them. A topic column («Тема заседания»,
    «Направление» beside «Мероприятие») that groups rows gives sections; one that names each
    row's own topic goes before the row's text."""
    columns: dict[str, int] | None = None
    header: dict[str, int] = {}
    header_rows: frozenset[tuple[str, ...]] = frozenset()
    width = 0
    grouping = False
    more_deadlines: tuple[int, ...] = ()
    grid: tuple[tuple[int, str], ...] = ()
    place_and_date = False
    one_column = False
    in_words = False
    for table in tables:
        continued = columns is not None and len(table.rows[0]) == width
        found = None
        block = _header_block(table.rows)
        if not continued or block is not None:
            found = _plan_table(table, refused, block, ordered)
        if found is not None:
            columns, header, width, start = (
                found.columns,
                found.header,
                len(table.rows[0]),
                found.start,
            )
            header_rows = found.header_rows
            more_deadlines = found.more_deadlines
            grid = found.period_columns
            place_and_date = found.place_and_date
            one_column = found.one_column
            in_words = found.in_words
            continued = False
            group_column = columns.get("group")
            grouping = group_column is not None and _grouping(table.rows[start:], group_column)
        elif not continued:
            continue  # not a plan table, and not a continuation of one
        else:
            start = 0
        assert columns is not None
        # A number column left empty in every row is none: the rows are numbered in order.
        numbered = "number" in columns and (
            continued
            or any(_cell(row, columns["number"]) for row in table.rows[start:] if len(row) > 1)
        )
        if found is not None:
            # «Дата- 03.05.2017» above the header (repeated under each day): the day opens
            # the rows under the header as every later one opens its own.
            for row in table.rows[:start]:
                if (title := _lone_text(row)) and _opening_day(title):
                    yield None, title
        first = continued
        group = ""
        month = ""  # the month a «Неделя (числа)» column's weeks are in
        lowercase = _mostly_lowercase(table.rows[start:], columns.get("text"))
        follows = ""  # the number of the item row above
        under_month = False  # the last section is a month («СЕНТЯБРЬ 2022 г»)
        for at, row in enumerate(table.rows[start:]):
            if not any(c.text.strip() for c in row) or _is_numbering_row(row):
                continue
            if at == 0 and not continued and _column_numbers(row):
                continue  # «2 | 4» under the header: the columns' numbers in a wider table
            if len(header) >= 2 and _header_roles(row) == header:
                continue  # the header repeated after a page break
            if tuple(_squeeze(c.text) for c in row) in header_rows:
                continue  # a row of a header over several rows, repeated
            labelled = _lone_text(row)
            if labelled and _DAY_LABEL.match(labelled) and _opening_day(labelled):
                # «Дата - 04.05.2017» alone in a row, whichever cell holds it: the next day
                yield None, labelled
                continue
            if not one_column and (title := _section_title(row, columns)):
                first = False
                group = follows = ""
                under_month = _looks_deadline(title)
                yield None, title
                continue
            number, text, executors, deadline, result, mark, topic = (
                _cell_text(row, columns, role) for role in (*_Row.ROLES, "group")
            )
            if week := _cell_text(row, columns, "week"):
                month = deadline or month
                deadline = _week_day(month, week) or deadline
            if in_words and not deadline:
                deadline = ", ".join(_days_in_words(text))
            if grid:
                deadline = _grid_deadline(row, grid)
            elif more_deadlines:
                days = [deadline, *(_cell(row, i) for i in more_deadlines)]
                deadline = ", ".join(day for day in days if day)
            months = _cell_text(row, columns, "months")
            if months and not _is_dated_in_a_year(deadline):
                # «по индивидуальному согласованному графику» beside «декабрь - январь»
                deadline, note = months, deadline
            else:
                note = ""
            if place_and_date and (split := _place_and_days(deadline)):
                place, deadline = split
                text = _with_place(text, place)
            if grouping and topic and topic != group:
                group = topic
                yield None, topic
            elif not grouping and topic and topic != text:
                text = _with_topic(topic, text)
            if form := _cell_text(row, columns, "form"):
                # «Название мероприятия | Форма мероприятия»: the name as printed first, its
                # form after it
                text = _with_form(text, form)
            data = _Row(number, text, executors, deadline, result, mark, numbered, first, lowercase)
            data.note = "\n".join(t for t in (_cell_text(row, columns, "note"), note) if t)
            data.day = _cell_text(row, columns, "day")
            data.hours = _cell_text(row, columns, "hours")
            data.in_words = in_words
            if not text:
                data.spare = _spare_text(row, columns, more_deadlines)
            at_text = columns.get("text")
            data.text_merged = at_text is not None and at_text < len(row) and row[at_text].merged
            data.under_merged = merges_lost and _under_merged_cells(table.rows[start:], at, columns)
            first = False
            # Under «ОКТЯБРЬ 2022 г» a plain row of text only («Эко-тропа. Битцевский лес.») is
            # that month's event, not a heading.
            # So is a numbered row there when the table has no deadline column at all (its
            # months head it: «п/п | Палаты | Мероприятия» under «Сентябрь»).
            plain_event = (
                under_month
                and (not number or "deadline" not in columns)
                and not any(c.bold for c in row)
            )
            if one_column:
                # Every row is text alone: the days and the bold rows head the events.
                heading = _lone_text(row)
                if heading and (_day_heading(heading) or any(c.bold for c in row)):
                    yield None, heading
                    continue
                if not data.hours and (clock := _CLOCK_LEAD.match(data.text)):
                    # «11:00 Областной слет отличников …» under «25 марта»: its hours
                    data.text, data.hours = clock["text"], clock["hours"]
            elif (
                not plain_event
                and not data.under_merged
                # An order's numbered point with no day in its words («1. Принять к сведению
                # …») is a decision to carry out, not a heading; «2. Утвердить:» heads.
                and not (in_words and number and not text.endswith(":"))
                and (title := _plain_section(row, data, follows))
            ):
                follows = ""
                under_month = _looks_deadline(title)
                yield None, title
                continue
            follows = number or follows
            if stacked := _stacked_items(data):
                # «1.⏎2.⏎3.» in the number cell beside the questions line for line (a
                # meeting's row): each question is an item; a line above them («1 заседание»)
                # heads them.
                lead, pairs = stacked
                if lead:
                    yield None, lead
                for item_number, item_text in pairs:
                    yield replace(data, number=item_number, text=item_text), None
                follows = pairs[-1][0]
                continue
            if sub := _sub_items(data):
                # «1. | Организационная работа 1.1. Издание приказа … 1.2. Разработка …» beside
                # «29.08.2017г. 29.08.2017г. 01.09.2017г.»: each sub-item is an item, with its
                # own day where the days are as many; the words before them head them.
                lead, subs = sub
                if lead:
                    yield None, lead
                for item_number, item_text, item_deadline, item_executors in subs:
                    yield (
                        replace(
                            data,
                            number=item_number,
                            text=item_text,
                            deadline=item_deadline,
                            executors=item_executors,
                        ),
                        None,
                    )
                follows = subs[-1][0]
                continue
            dated = _events_with_their_days(data) if not number else None
            if dated:
                # «1. Отчёт …⏎2. «Об утверждении плана …»» beside «март 2023 г.⏎май 2023 г.»:
                # each numbered question is an item on its own line's day.
                for event_number, event, day in dated:
                    yield replace(data, number=event_number, text=event, deadline=day), None
                continue
            events = _events_with_their_executors(data) if not numbered and not number else None
            if events:
                # «1.Праздник … 2.Физкультурный досуг …» in a month's cell, one executor for
                # each («Музыкальный руководитель⏎Руководитель физ.воспитания»): each event
                # is an item of that month. Without an executor each, the cell is one item (a
                # meeting's numbered questions).
                for event, executor in events:
                    yield replace(data, text=event, executors=executor), None
                continue
            yield data, None


_LETTER_MARK = re.compile(r"^[а-яё]\)\s+(?=\S)")


_EVENT_NUMBER = re.compile(r"(?:^|(?<=[\s.;,»\"]))(?P<n>[1-9]\d?)\.\s*(?=[«\"“A-ZА-ЯЁ])")
# Where one executor's name starts in a run of them («… руководитель Воспитатели групп …»).
_EXECUTOR_START = re.compile(r"(?:^|(?<=[\s,;]))(?=[A-ZА-ЯЁ])")
_EXECUTOR_NAME = re.compile(r"[A-ZА-ЯЁ][a-zа-яё]{2,}")


def _numbered_events(text: str) -> list[str] | None:
    """A cell listing events numbered from 1 («1.Праздник … 2.«Праздник мыльных пузырей».
    3.…»): the events; None unless it starts with «1.» and the numbers run on in order."""
    marks: list[re.Match[str]] = []
    for match in _EVENT_NUMBER.finditer(text):
        if int(match["n"]) == len(marks) + 1 and (marks or match.start() == 0):
            marks.append(match)
    if len(marks) < 2:
        return None
    ends = [m.start() for m in marks[1:]] + [len(text)]
    events = [text[m.end() : end].strip() for m, end in zip(marks, ends, strict=True)]
    return events if all(events) else None


# «1.1. », «1.2. » inside a row's text: its sub-items.
_SUB_NUMBER = r"(?:^|(?<=[\s.;,»\"]))({number}\.(?P<n>[1-9]\d?)\.?)\s+(?=[«\"“A-ZА-ЯЁ])"
_DAY_IN_CELL = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?:\s?г\.?)?")


def _sub_items(row: _Row) -> tuple[str, list[tuple[str, str, str, str]]] | None:
    """A numbered row whose text runs on into its numbered sub-items («Организационная работа
    1.1. Издание приказа … 1.2. …»): the words before them, and each sub-item (its number,
    text, deadline — one day each where the deadline cell lists as many — and executors, a
    line each where there are as many)."""
    number = row.number.strip().rstrip(".")
    if not _NUMBER.match(number) or "." in number:
        return None
    pattern = re.compile(_SUB_NUMBER.format(number=re.escape(number)))
    marks: list[re.Match[str]] = []
    for mark in pattern.finditer(row.text):
        if int(mark["n"]) == len(marks) + 1:  # «1.1.», «1.2.», … in order
            marks.append(mark)
    if len(marks) < 2:
        return None
    lead = row.text[: marks[0].start()].strip(" .:")
    ends = [m.start() for m in marks[1:]] + [len(row.text)]
    texts = [row.text[m.end() : end].strip() for m, end in zip(marks, ends, strict=True)]
    if not all(texts):
        return None
    days = _DAY_IN_CELL.findall(row.deadline)
    own_days = len(days) == len(marks) and not _DAY_IN_CELL.sub("", row.deadline).strip(" ,;\n")
    lines = [line.strip() for line in row.executors.split("\n") if line.strip()]
    own_lines = len(lines) == len(marks)
    return lead, [
        (
            m.group(1),
            text,
            days[k] if own_days else row.deadline,
            lines[k] if own_lines else row.executors,
        )
        for k, (m, text) in enumerate(zip(marks, texts, strict=True))
    ]


def _stacked_items(row: _Row) -> tuple[str, list[tuple[str, str]]] | None:
    """Numbers stacked in the number cell («1.⏎2.⏎3.») and as many lines of text or more
    beside them: the last lines are the numbered items, the lines above them their heading."""
    numbers = row.number.split()
    if len(numbers) < 2 or not all(_ORDINAL.match(n) for n in numbers):
        return None
    lines = [line.strip() for line in row.text.split("\n") if line.strip()]
    if len(lines) < len(numbers) or len(lines) > len(numbers) + 1:
        return None
    lead = lines[0] if len(lines) > len(numbers) else ""
    return lead, list(zip(numbers, lines[len(lines) - len(numbers) :], strict=True))


def _events_with_their_days(row: _Row) -> list[tuple[str, str, str]] | None:
    """The numbered events of a row's text, each beside its own line of the deadline cell
    (as many lines as events, each a deadline): (number, event, its deadline)."""
    events = _numbered_events(row.text)
    if not events:
        return None
    days = [line.strip() for line in row.deadline.split("\n") if line.strip()]
    if len(days) != len(events) or not all(_looks_deadline(day) for day in days):
        return None
    return [
        (str(k), event, day) for k, (event, day) in enumerate(zip(events, days, strict=True), 1)
    ]


def _events_with_their_executors(row: _Row) -> list[tuple[str, str]] | None:
    """The numbered events of a row's text, each with its own executor: one line of the
    executors' cell each, or — the lines run together — one capitalised name each."""
    events = _numbered_events(row.text)
    if not events:
        return None
    lines = [line.strip() for line in row.executors.split("\n") if line.strip()]
    if len(lines) != len(events) and len(lines) == 1:
        starts = [m.start() for m in _EXECUTOR_START.finditer(lines[0])]
        bounds = [*starts[1:], len(lines[0])]
        lines = [lines[0][a:b].strip(" ,;") for a, b in zip(starts, bounds, strict=True)]
    named = all(_EXECUTOR_NAME.match(line) for line in lines)  # not a person's initials
    if len(lines) != len(events) or not named:
        return None
    return list(zip(events, lines, strict=True))


# «17.00 - 23.00», «10.30 час.», «18.00»: hours, not an item number «1.10».
_CLOCK = re.compile(
    r"^\s*\d{1,2}[.:]\d{2}\s*(?:[-–—]\s*\d{1,2}[.:]\d{2}|час|ч\b|ч\.)|^\s*\d{1,2}[.:]00(?![\d.])",
    re.I,
)


def _text_number(text: str) -> tuple[str, str] | None:
    """«1. Разработка …», «2) …», «3.1. …» → (number, the text without it); not the clock
    time an event starts with («17.00 - 23.00 часов Фестиваль …», «18.00 Праздничная …»)."""
    match = _TEXT_NUMBER.match(text)
    if not match or _CLOCK.match(text):
        return None
    return match["number"] or match["single"], match["text"] or match["rest"]


_DASH_POINTS = ("- ", "– ", "— ")
# «50%», «100 %» alone in the text cell: how far the item above is to be done by then.
_STAGE = re.compile(r"^\d{1,3}(?:[.,]\d+)?\s?%$")


def _continues(row: _Row, previous: _Draft) -> bool:
    """Whether an unnumbered row goes on with the item above (a row split by a page break).

    Never two rows that each have a deadline; a fragment («проведения чемпионатов») is no
    deadline of its own. Without a number column only a fragment that reads as one goes on."""
    if _STAGE.match(row.text):
        return True  # «50% | до 20.09.2007»: a stage of the item above, with its own day
    if row.text[:2] in _DASH_POINTS and _join(previous.text)[:2] in _DASH_POINTS:
        return False  # «- по заготовке …» under «- по приведению …»: the next point
    dated = bool(row.deadline) and _looks_deadline(_squeeze(row.deadline))
    if row.numbered:
        return not dated or not any(previous.deadline)
    # In a table whose rows start in lowercase («итальянский язык»), that is no sign of a
    # fragment.
    fragment = _looks_continued(row.text) and not (row.lowercase_table and row.text[:1].islower())
    return not dated and (row.first_of_continuation or fragment)


_STARTS_WITH_TIME = re.compile(
    r"^\s*(?:с\s*)?\d{1,2}[.:\-–]\d{2}(?!\d|\.\d)"
    r"|^\s*(?:[вс]\s+)?\d{1,2}(?:\s*(?:-|до)\s*\d{1,2})?\s*час",
    re.I,
)
_DAY_FIRST = re.compile(
    r"^(?P<d>\d{1,2})\s+(?P<m>" + "|".join(_MONTHS_GENITIVE) + r")\s+(?P<y>\d{4})", re.I
)


_DAY_LABEL = re.compile(r"^\s*(?:дата|день)\s*[-–—:]?\s*", re.I)


def _opening_day(title: str) -> date | None:
    """The day a heading opens with («26 августа 2020 г. Учебно-методический сбор»), perhaps
    after a label («Дата- 03.05.2017»)."""
    title = _DAY_LABEL.sub("", title).strip()
    match = _DAY_FIRST.match(title) or _NUMERIC_DATE.match(title)
    return _parse_date(match.group()) if match else None


# A day in a title this many years before the reference (today) is one commemorated («9 мая
# 1945 года»), not the programme's; without a reference, one before the first year of plans.
HISTORIC_YEARS = 50
FIRST_PLAN_YEAR = 1990


def _named_day(title: str | None, day: date | None, reference: date | None) -> bool:
    """Whether a title names the one day of its programme: words besides the day (a title
    that is only a date is the document's date), and not a day of history."""
    floor = reference.year - HISTORIC_YEARS if reference else FIRST_PLAN_YEAR
    words = re.findall(r"[а-яёa-z]{4,}", _WORD_DATE.sub(" ", title or "").casefold())
    return day is not None and day.year > floor and len(words) >= 2


_DAY_LINE_MARKS = " /()[]«»\"'.:–—-"
MAX_DAY_LINE = 24  # «1 июня 2015 года», no more


def _title_day(title: str | None) -> date | None:
    """The one day a programme's title names («… на 6 марта 2021 года»), not a decree's «от»."""
    for match in _WORD_DATE.finditer(title or ""):
        before = title[: match.start()] if title else ""
        if re.search(r"(?:\bпо|\d\s*[-–—])\s*$", before, re.I):
            return None  # «с 21 по 28 сентября 2012 года»: a span's end, not one day
        if not re.search(r"\bот\s*$", before, re.I):
            return _parse_date(match.group())
    return None


def _merged_over(row: _Row, number: str, previous: _Draft) -> bool:
    """Whether a row repeats the item above, its text (and number) merged down over rows that
    differ only in other columns: a class of an olympiad («8 | 8 / 8»), another day of the same
    subject («Русский язык» on 18, 19 and 20.04). A text table leaves the merged text empty."""
    if row.numbered and row.number and number != previous.number:
        return False
    if row.numbered and not row.number and row.text:
        return False  # an unnumbered row under a numbered one: the page-break rules decide
    if not row.text:
        return not row.number and bool(row.deadline) and not row.executors
    # Only a merged cell says so: a subject written again in its own row is another item.
    return row.text_merged and previous.text[:1] == [row.text]


def _leads(previous: _Draft, row: _Row, section: str | None) -> bool:
    """Whether ``previous`` is a lead-in («Проведение всероссийских акций:», no date) to the
    dated ``row`` under it, which has no number or the lead-in's own (merged down)."""
    return (
        previous.section == section
        and not any(previous.deadline)
        and _join(previous.text).endswith(":")
        and bool(row.deadline)
        and _looks_deadline(_squeeze(row.deadline))
        and row.number.rstrip(".") in ("", previous.number)
        and bool(row.text)
        and not _STAGE.match(row.text)  # «в том числе: | 50% | до 20.09»: stages of it
    )


def _days_under_their_stage(
    row: _Row, section: str | None, sections: Sequence[ParsedSection], drafts: Sequence[_Draft]
) -> bool:
    """Whether a row of days only (no number, no words, no executors) stands right under a
    heading with no item under it yet: the heading names what is due on those days."""
    return (
        bool(section)
        and bool(sections)
        and sections[-1].title == section
        and (not drafts or drafts[-1].section != section)
        and not (row.number or row.executors or row.result)
        and not _looks_deadline(section or "")
        and _is_dated(row.text)
        and (not row.deadline or _is_dated(row.deadline))
    )


def _plan_drafts(
    tables: Sequence[Table],
    warnings: list[ParseWarning],
    refused: list[list[str]],
    merges_lost: bool = False,
    ordered: bool | None = False,
) -> tuple[list[_Draft], list[ParsedSection]]:
    drafts: list[_Draft] = []
    sections: list[ParsedSection] = []
    section: str | None = None
    unnumbered = 0
    no_number: list[str] = []  # the numbers given to rows without one («б/н 1»)
    by_order = False
    section_deadline = ""  # «Сентябрь» heading the rows under it
    day: date | None = None  # «26 августа 2020 г. …» heading a day's programme
    # A lead-in's number, the section it opens, its executors and the section it was in.
    lead_in: tuple[str, str, str, str | None] | None = None
    lead_count = 0
    section_period: Period | None = None  # «Мероприятия на 2018 год» over its rows
    for row, title in _rows(tables, refused, merges_lost, ordered):
        if title is not None:
            empty = not drafts or drafts[-1].section != section  # no item under it yet
            if section and section.endswith(":") and empty and _looks_deadline(title):
                # «2. Министерству … обеспечить:» over «до 1 сентября 2014 года:»: one heading,
                # the lead-in's words kept, the day the deadline of the points under it
                sections.pop()
                section, section_deadline = f"{section} {title}", title
                sections.append(ParsedSection(_section_number(section), section))
                continue
            section = title
            sections.append(ParsedSection(_section_number(title), title))
            if _looks_deadline(title):
                section_deadline = title
            elif opening := _opening_day(title):
                day = opening
                section_deadline = ""  # the day's heading, not the month or days above it
            if named := parse_period(title):
                section_period = named
            continue
        assert row is not None
        if _days_under_their_stage(row, section, sections, drafts):
            # «Прием документов» over «с 18 июля по 12 августа | с 18 июля по 14 августа» (one
            # column a group of applicants): the heading is the item, the row its days
            assert section is not None
            sections.pop()
            days = ", ".join(d for d in (row.text, row.deadline) if d)
            row = replace(row, text=section, deadline=days)
            section = sections[-1].title if sections else None
        if row.day and (written := _opening_day(row.day)):
            day = written  # and the rows under it, the cell merged down (empty in text)
        before = len(drafts)
        if not row.number and (from_text := _text_number(row.text)):
            row.number, row.text = from_text
        if drafts and _leads(drafts[-1], row, section):
            # «2. | Проведение всероссийских акций: | | …» over dated rows: the lead-in heads
            # them, and each of them is an item numbered under it («2.1», «2.2»).
            lead = drafts.pop()
            outer, section = section, f"{lead.number}. {_join(lead.text).rstrip(':').rstrip()}"
            sections.append(ParsedSection(lead.number, section))
            lead_in = (lead.number, section, _join(lead.executors), outer)
            lead_count = 0
        if lead_in and lead_in[1] == section:
            if row.number.rstrip(".") in ("", lead_in[0]):
                lead_count += 1
                row.number = f"{lead_in[0]}.{lead_count}"
                # «а) открытию Дней защиты …»: the letter is the number it now has
                row.text = _LETTER_MARK.sub("", row.text, count=1)
                row.executors = row.executors or lead_in[2]
            else:  # the next item of the plan: back in the section the lead-in was in
                section, lead_in = lead_in[3], None
        number_match = _NUMBER.match(row.number)
        same_section = bool(drafts) and drafts[-1].section == section
        if same_section and _merged_over(row, number_match[1] if number_match else "", drafts[-1]):
            # The item's cells merged down over its sub-rows (classes, counts, more days).
            if row.deadline and row.deadline not in (*drafts[-1].deadline, *drafts[-1].more):
                drafts[-1].more.append(row.deadline)
            continue
        if len(row.number) > MAX_ITEM_NUMBER:
            unnumbered += 1
            number = f"б/н {unnumbered}"
            no_number.append(number)
            drafts.append(_Draft(number, section))
        elif number_match:
            drafts.append(_Draft(number_match[1], section))
        elif (
            not row.number and same_section and not row.under_merged and _continues(row, drafts[-1])
        ):
            pass  # a row continued after a page break: its cells belong to the previous item
        elif not row.number and not row.numbered:
            # No number column: each row is its own item, numbered in order.
            by_order = True
            drafts.append(_Draft(str(len(drafts) + 1), section, by_order=True))
        else:
            unnumbered += 1
            number = row.number or f"б/н {unnumbered}"
            no_number.append(number)
            drafts.append(_Draft(number, section))
        draft = drafts[-1]
        if len(drafts) > before:
            draft.section_deadline = section_deadline
            draft.day = day
            draft.period = section_period
            draft.hours = row.hours
            draft.in_words = row.in_words
        draft.text.append(row.text)
        draft.executors.append(row.executors)
        if _STAGE.match(row.text) and any(draft.deadline):
            draft.more.append(row.deadline)  # «80% | до 01.10.2007»: each stage its own day
        else:
            draft.deadline.append(row.deadline)
        draft.result.append(row.result)
        draft.mark.append(row.mark)
        if row.note and row.note not in draft.note:
            draft.note.append(row.note)
        draft.spare.append(row.spare)
    for draft in drafts:
        if draft.section_deadline and not any(draft.deadline):
            draft.deadline = [draft.section_deadline]
    if no_number:
        shown = no_number[:MAX_NAMED_CELLS]
        warnings.append(
            ParseWarning(
                "warn-row-without-number",
                {
                    "count": len(no_number),
                    "numbers": ", ".join(f"«{number}»" for number in shown),
                    "more": len(no_number) - len(shown),
                },
            )
        )
    if by_order:
        warnings.append(ParseWarning("warn-numbered-by-order", {}))
    return drafts, sections


# A column filled in this share of items is one whose empty cells were merged with the one above.
CARRY_DENSITY = 0.5


def _carry_down(drafts: Sequence[_Draft], warnings: list[ParseWarning]) -> None:
    """A text table has no merged cells: a date or executors written once for a block of rows
    (a merged cell saved as text, or the way the plan was typed) leave the rows under it empty.
    Such a row takes the cell of the row above in its section, and the preview names it.

    Only in a column most items fill: where most cells are empty, an empty one means none."""
    carried: list[str] = []
    fields = ("deadline", "executors")
    dense = {
        name: sum(any(getattr(d, name)) for d in drafts) >= CARRY_DENSITY * len(drafts)
        for name in fields
    }
    for previous, draft in pairwise(drafts):
        if previous.section != draft.section or draft.section_deadline:
            continue
        took = False
        for name in fields:
            if name == "deadline" and draft.in_words:
                continue  # an order's point: no date cell was left empty
            if dense[name] and not any(getattr(draft, name)) and any(getattr(previous, name)):
                setattr(draft, name, list(getattr(previous, name)))
                took = True
        if took:
            carried.append(draft.number)
    if carried:
        warnings.append(
            ParseWarning(
                "warn-carried-down",
                {
                    "count": len(carried),
                    "numbers": ", ".join(carried[:MAX_NAMED_CELLS]),
                    "more": max(len(carried) - MAX_NAMED_CELLS, 0),
                },
            )
        )


# --- protocol decisions -----------------------------------------------------------------------


# «2. СЛУШАЛИ: …», «Выступили: …»: the minutes' account of a question, not a decision; the
# points after it are decisions again only after the next «Решили:».
_HEARD = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})?[.)]?\s*)?(?:слушали|выступили|выступил\w*|докладчик\w*)\b",
    re.I,
)
# «… выпускников. Срок: до 01.03.2024. Ответственные: руководители ПОО.» on one line: each
# label starts a line of its own.
_INLINE_LABEL = re.compile(
    r"(?<=[.;)])\s+(?=(?:срок(?:\s+исполнения)?|ответственн\w*(?:\s+исполнител\w*)?|отв\.|"
    r"исполнител\w*)\s*[:\-–—])",
    re.I,
)
# «(ответственный — методист ЦОПП Сидорова Е.В.)», «(срок – до 15 марта)» inside the text.
_BRACKETED_LABEL = re.compile(
    r"\s*\((?P<label>срок(?:\s+исполнения)?|ответственн\w*|отв\.|исполнител\w*)\s*[:\-–—]\s*"
    r"(?P<value>[^()]+)\)",
    re.I,
)
# Where a decision's own words give its date («… в срок до 01.03.2024», «… в марте 2024 года»).
_EMBEDDED_START = re.compile(
    r"(?<!\w)(?:в срок до|не позднее|до|к|в течение|в|во|с|ежеквартально|ежемесячно)(?=\s)",
    re.I,
)
_EMBEDDED_WORDS = 8  # «с 8 октября по 03 ноября 2012 года»
_REPEATS = frozenset({"ежемесячно", "ежеквартально"})


_FULL_DATE = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\d.]\d)")


def _embedded_deadlines(text: str) -> str | None:
    """Every date a decision's words give, in order: «… до 15.12.2004, у городской елки
    28.12.2004 с 10.00» → «до 15.12.2004, 28.12.2004»; a day written alone («елки 29.12.2004
    с 18.00») counts as one after a preposition does."""
    found: list[tuple[int, int, str]] = []
    for match in _EMBEDDED_START.finditer(text):
        if any(start <= match.start() < end for start, end, _ in found):
            continue
        if phrase := _phrase_at(text, match):
            found.append((match.start(), match.start() + len(phrase), phrase))
    for match in _FULL_DATE.finditer(text):
        inside = any(start <= match.start() < end for start, end, _ in found)
        if not inside and _is_dated(match.group()):
            found.append((match.start(), match.end(), match.group()))
    if not found:
        return None
    return ", ".join(phrase for _, _, phrase in sorted(found))


def _protocol_lines(paragraphs: Sequence[Paragraph]) -> list[str]:
    """The lines of the minutes, a decision's «Срок:» and «Отв.:» written on its own line even
    where the minutes run them on («… выпускников. Срок: до 01.03.2024. Отв.: …»)."""
    lines: list[str] = []
    for p in paragraphs:
        for line in p.text.split("\n"):
            line = line.strip()
            if not line:
                continue
            marker = _DECISIONS_MARKER.match(line)
            if marker and line[marker.end() :].strip():
                # «РЕШИЛИ: 1. Информацию принять к сведению.»: the marker, then the decision
                lines.append(line[: marker.end()].strip())
                line = line[marker.end() :].strip()
            lines.extend(part.strip() for part in _INLINE_LABEL.split(line) if part.strip())
    return lines


def _embedded_deadline(text: str) -> str | None:
    """The date phrase a decision's words give («в марте 2024 года», «в срок до 01.03.2024»):
    the longest run of words from such a preposition that reads as dated by itself."""
    return next(
        (phrase for match in _EMBEDDED_START.finditer(text) if (phrase := _phrase_at(text, match))),
        None,
    )


def _phrase_at(text: str, start: re.Match[str]) -> str | None:
    """The date phrase opened at ``start`` (a preposition, or a repeat such as «ежемесячно»):
    the longest run of words from it that reads as dated by itself."""
    if start.group().casefold() in _REPEATS:
        return start.group()  # «ежемесячно представляют отчет»: each month
    words = text[start.start() :].split()[:_EMBEDDED_WORDS]
    for size in range(len(words), 1, -1):
        phrase = " ".join(words[:size]).rstrip(",.;:)")
        if any(ch.isdigit() for ch in phrase) and _is_dated(phrase):
            return phrase
    return None


def _spoken(blocks: Sequence[Paragraph | Table]) -> list[Paragraph]:
    """The paragraphs, and the cells of tables of one column in their place (points typed
    one a cell, «1.Проведение …⏎Отв.: …»)."""
    found: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            found.append(block)
        elif all(len(row) == 1 for row in block.rows):
            found.extend(Paragraph(row[0].text, row[0].bold) for row in block.rows)
    return found


def _protocol_drafts(paragraphs: Sequence[Paragraph], ordered: bool = False) -> list[_Draft]:
    """The decisions of minutes (each point with its «Срок:», «Отв.:»), or of an order
    (``ordered``: «Распоряжение …», every point a decision, its days in its words)."""
    lines = _protocol_lines(paragraphs)
    marker = next((i for i, line in enumerate(lines) if _DECISIONS_MARKER.match(line)), None)
    headings = {line for line in lines if _DECISIONS_MARKER.match(line)}
    body = lines[marker + 1 :] if marker is not None else lines
    drafts: list[_Draft] = []
    in_agenda = False
    heard = False
    for line in body:
        if line in headings:
            heard = False
            continue
        if _HEARD.match(line):
            heard = True
            continue
        if heard:
            continue
        if marker is None and _AGENDA_MARKER.match(line):
            in_agenda = True
            continue
        point = _POINT.match(line)
        if point:
            in_agenda = False
            drafts.append(_Draft(point["number"], None, text=[point["text"]]))
            continue
        if not drafts or in_agenda:
            continue
        draft = drafts[-1]
        if found := _DEADLINE_LINE.match(line):
            draft.deadline.append(found["value"])
        elif found := _EXECUTORS_LINE.match(line):
            draft.executors.append(found["value"])
        elif found := _RESULT_LINE.match(line):
            draft.result.append(found["value"])
        elif draft.deadline or draft.executors:
            continue  # text after Срок/Отв. is the minutes' prose, not the decision
        else:
            draft.text.append(line)
    for draft in drafts:
        _bracketed_labels(draft)
    if marker is None and not ordered:
        drafts = [d for d in drafts if d.deadline or d.executors]
    for draft in drafts:
        if not any(draft.deadline) and (own := _embedded_deadlines(_join(draft.text))):
            draft.deadline.append(own)
        elif ordered and not any(draft.deadline) and (days := _days_in_words(_join(draft.text))):
            # «… подготовить и провести 23 августа 2010 года областное совещание …»
            draft.deadline.append(", ".join(days))
    if ordered and marker is None and not any(any(d.deadline) for d in drafts):
        return []  # an order's points none of which has a day: no decisions to follow up
    return drafts


# --- plans written as lines of text ---------------------------------------------------------
# A methodical association's plan typed as paragraphs: month headings («СЕНТЯБРЬ. Заседание МО
# №1», «Заседание №2 (ноябрь)», «Сентябрь 2014») over the numbered questions of each meeting;
# a list of events each ending with its day («… – 29 сентября»); a day's programme whose lines
# start with their hours («8.00 – 14.00 – акция …»).

_MONTH_WORD = (
    r"(?:январ[ья]|феврал[ья]|март|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|август|сентябр[ья]"
    r"|октябр[ья]|ноябр[ья]|декабр[ья])"
)
_MONTH_AND_YEAR = rf"{_MONTH_WORD}(?:\s+\d{{4}}\s*(?:г\.?|года?)?)?"
_MONTH_HEADING = re.compile(
    rf"^(?P<month>{_MONTH_AND_YEAR})\s*(?:$|[.:–—-]\s*(?P<rest>\S.{{0,80}})$)", re.I
)
_MONTH_IN_BRACKETS = re.compile(rf"\((?P<month>{_MONTH_AND_YEAR})\)\s*[.:]?$", re.I)
# «ЗАДАЧИ НА ИЮЛЬ», «План на сентябрь 2020 г.:», «Мероприятия в октябре»: a month's block.
_MONTH_MONTHS = (
    r"(?:январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?"
    r"|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
)
_MONTH_BLOCK = re.compile(
    rf"^(?:задачи|планы?|мероприятия|работа)\s+(?:на|в)\s+(?P<month>{_MONTH_MONTHS}"
    r"(?:\s+\d{4}\s*(?:г\.?|года?)?)?)\s*[.:]?$",
    re.I,
)
MAX_HEADING_LINE = 80
_LIST_POINT = re.compile(r"^(?P<number>[1-9]\d?)[.)]\s*(?P<text>[^\d\s.)].*)$", re.S)
# «• Сдача плана работы МО.», «– Заседание МО»: a point of a list without numbers.
_BULLETS = "•·▪●◦‣∙*"
_BULLET_POINT = re.compile(rf"^[{_BULLETS}–—-]\s*(?P<text>(?:[^\W\d_]|[«\"„]).*)$", re.S)
# «(Корецкая Н.А.)», «(Иванова Т.П., Петров С.С.)» closing a question: who answers for it.
_TRAILING_PEOPLE = re.compile(r"\s*\((?P<who>[^()]*[А-ЯЁ]\.\s?[А-ЯЁ]\.[^()]*)\)\s*\.?$")
# «8.00 – 14.00 – акция …», «12.00 – конкурс …»: the hours, then what happens.
_HOURS_FIRST = re.compile(
    r"^(?P<hours>\d{1,2}[.:]\d{2}(?:\s*[-–—]\s*\d{1,2}[.:]\d{2})?)\s*[-–—]\s*(?P<text>\S.*)$",
    re.S,
)
MIN_LIST_ITEMS = 3  # so many dated lines make a list a plan, not a news item naming a day
MAX_DAY_HEADING = 60
_DASHED = re.compile(r"\s[–—-]\s")
MAX_TRAILING_WORDS = 8
# «29 февраля - 14:00-20:00; 1-2 марта - 10.00-18:00; 3 марта - 10:00-14:00 - Соревнования …»
MAX_LEADING_WORDS = 16
MAX_DAY_WORDS = 6  # «3 февраля в 16.00» after a line's dash


def _list_lines(blocks: Sequence[Paragraph | Table], text_file: bool) -> list[tuple[str, bool]]:
    """The document's lines in order, and whether each is bold: paragraphs (a text file's
    lines one by one; elsewhere a paragraph, or a cell, is one line whatever its breaks) and
    the rows of tables of one column."""
    lines: list[tuple[str, bool]] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            texts = [(block.text, block.bold)]
        elif all(len(row) == 1 for row in block.rows):
            texts = [(row[0].text, row[0].bold) for row in block.rows]
        else:
            continue
        for text, bold in texts:
            parts = text.split("\n") if text_file else [text]
            lines.extend((" ".join(part.split()), bold) for part in parts)
    return [(line, bold) for line, bold in lines if line]


def _month_of_heading(line: str) -> str | None:
    """The month a heading line names: «СЕНТЯБРЬ. Заседание МО №1» → «СЕНТЯБРЬ», «Заседание
    №2 (ноябрь)» → «ноябрь», «Сентябрь 2014» → itself."""
    if len(line) > MAX_HEADING_LINE or _LIST_POINT.match(line):
        return None
    found = (
        _MONTH_HEADING.match(line) or _MONTH_IN_BRACKETS.search(line) or _MONTH_BLOCK.match(line)
    )
    return found["month"] if found else None


def _list_heading(line: str) -> str | None:
    """The deadline a heading line gives the lines under it: its month, the days it is alone
    («25 июня», «23 - 26 июня»), or the day it opens with («16 декабря 2009 г. Новосибирск»)."""
    if month := _month_of_heading(line):
        return month
    if len(line) <= MAX_DAY_HEADING and not _LIST_POINT.match(line):
        if _looks_deadline(line) and _is_dated(line):
            return line
        if _DASHED.search(line) and _leading_deadline(line):
            return None  # «03.02 – Мастер-класс …»: an event with its day, not a heading
        if day := _opening_day(line):
            return f"{day:%d.%m.%Y}"
    return None


# «О подготовке …», «2. Об утверждении …»: a question put to a meeting.
_QUESTION = re.compile(r"^(?:[1-9]\d?[.)]\s*)?Об?\s+\w")


def _one_meetings_questions(lines: Sequence[tuple[str, bool]], headings: Sequence[int]) -> bool:
    """One day heading («16 декабря 2009 г. Новосибирск») over lines that are each a question
    put to the meeting («О согласовании …», «Об апробации …»): the agenda of that day, not a
    news item under its date (a news item's paragraphs are not all questions)."""
    if len(headings) != 1:
        return False
    body = [line for line, _ in lines[headings[0] + 1 :]]
    return len(body) >= MIN_FOUND_DEADLINES and all(_QUESTION.match(line) for line in body)


def _headed_list_drafts(
    lines: Sequence[tuple[str, bool]], sections: list[str] | None = None
) -> list[_Draft]:
    """Lines under headings that date them (months, days): each numbered question, or each
    line where none is numbered, is an item due then. Under a heading, lines before its first
    question describe the meeting («Тема: …»); lines after a question, or in brackets («(ул.
    Гагарина)»), go on with the item above; a bold line without a date heads the lines under
    it, the date above still theirs. ``sections``: the headings, in order, are added to it."""
    dated = [(line, bold, _list_heading(line)) for line, bold in lines]
    headings = [k for k, (_, _, due) in enumerate(dated) if due]
    if len(headings) < MIN_FOUND_DEADLINES and not _one_meetings_questions(lines, headings):
        return []
    drafts: list[_Draft] = []
    bounds = [*headings[1:], len(dated)]
    for start, end in zip(headings, bounds, strict=True):
        heading, _, due = dated[start]
        assert due is not None
        body = dated[start + 1 : end]
        # «7. Организовать работу …» alone among unnumbered lines: a stray number, not a
        # list of numbered questions
        points = [line for line, _, _ in body if _LIST_POINT.match(line)]
        numbered = len(points) >= 2 or (
            len(points) == 1 and _LIST_POINT.match(points[0])["number"] == "1"  # type: ignore[index]
        )
        # bullets are the points where nothing is numbered (under a number, a bullet goes on
        # with its question)
        bulleted = not numbered and any(_BULLET_POINT.match(line) for line, _, _ in body)
        section = heading
        titles = [heading]
        current: _Draft | None = None
        for line, bold, _ in body:
            point = _LIST_POINT.match(line)
            bullet = _BULLET_POINT.match(line) if bulleted else None
            if (
                current is not None
                and not point
                and not bullet
                and (line[:1] in _CONTINUATION_MARKS or line[:1].islower() or numbered or bulleted)
            ):
                current.text.append(line)
                continue
            if point:
                current = _Draft(point["number"], section, text=[point["text"]])
            elif bullet:
                current = _Draft(
                    str(len(drafts) + 1), section, text=[bullet["text"]], by_order=True
                )
            elif bold:
                section, current = line, None
                titles.append(line)
                continue
            elif not numbered and not bulleted:
                clock = _CLOCK_LEAD.match(line)  # «11:00 Областной слет …»: its hours first
                current = _Draft(
                    str(len(drafts) + 1),
                    section,
                    text=[clock["text"] if clock else line],
                    by_order=True,
                    hours=clock["hours"] if clock else "",
                )
            else:
                continue  # «Форма проведения: …», «Тема: …» above the questions
            days = _BRACKETED_DAYS.search(line)
            # «… г. Кувандык (25-26.03) - министерство …» under «25 марта»: its own days
            own = days["days"] if days and _is_dated_in_a_year(days["days"]) else None
            current.deadline = [own or due]
            drafts.append(current)
        if sections is not None:
            sections.extend(titles)
    for draft in drafts:
        text = _join(draft.text)
        if people := _TRAILING_PEOPLE.search(text):
            draft.text = [text[: people.start()].rstrip()]
            draft.executors = [people["who"]]
    return drafts if len(drafts) >= MIN_FOUND_DEADLINES else []


def _trailing_deadline(line: str) -> tuple[str, str, str] | None:
    """«… СПО 5 октября.», «… – с 27 сентября по 2 октября.» → (no number, the text, the day
    or days): the longest run of last words that reads as a date by itself."""
    if bullet := _BULLET_POINT.match(line):
        line = bullet["text"]  # «- «Витязь ВГПУ» — 22 февраля.»: the point, not its dash
    words = line.rstrip(" .;,").split()
    for size in range(min(MAX_TRAILING_WORDS, len(words) - 1), 0, -1):
        phrase = " ".join(words[-size:])
        # not from a name on («в СПО 5 октября» is the day, not «СПО 5 октября»)
        if phrase[:1].isupper() and not _MONTH_HEADING.match(phrase):
            continue
        if any(ch.isdigit() for ch in phrase) and _is_dated_in_a_year(phrase):
            text = " ".join(words[:-size]).rstrip(" –—-:,")
            return ("", text, phrase) if text else None
    return None


_LEADING_POINT = re.compile(r"^(?P<number>[1-9]\d?)[.)]\s*(?P<rest>\S.*)$", re.S)
_SEPARATORS = " .,:;–—-"
_UNTIL = re.compile(r"^(?:до|не позднее)\s+\d", re.I)
_MONTHS_FIRST = re.compile(rf"^(?:{_MONTH_WORD})\b", re.I)


# «12 мая», «С 28 октября по 05 ноября», «до 25 июля», «Не позднее 20 июня»: a line's days
# open it.
_OPENS_WITH_DAY = re.compile(r"^(?:(?:с|до|по|к|не позднее)\s+)?\d", re.I)


def _leading_deadline(line: str) -> tuple[str, str, str] | None:
    """«1.24 ноября. Общешкольная линейка …», «2. 25 -26 ноября. Конкурс …», «12 мая –
    праздник …» → (the number, the text, the day or days): the longest run of first words
    after the number that reads as a date and ends where a stop or a dash does."""
    point = _LEADING_POINT.match(line)
    # «14.02 – Конкурс …» is a day before it is a number «14.»
    tries = [("", line), *([(point["number"], point["rest"])] if point else [])]
    for number, rest in tries:
        # «Не позднее 20 июня– начало приема»: a dash typed close to the day
        words = re.sub(r"(?<=[^\W\d_])([–—-])(?=\s)", r" \1", rest).split()
        for size in range(min(MAX_LEADING_WORDS, len(words) - 1), 0, -1):
            last, after = words[size - 1], words[size]
            # «До 1 октября на сайте вузов должна быть размещена …»: a term opened by «до»
            # ends where the words in lowercase begin
            until = _UNTIL.match(rest) is not None and after[:1].islower()
            if not (last[-1] in ".,:;" or after in ("-", "–", "—", ".") or until):
                continue
            phrase = " ".join(words[:size]).strip(_SEPARATORS)
            if not phrase[:1].isdigit() and _BULLET_POINT.match(line):
                continue  # «- до 20.09 текущего года предоставляют …»: a bulleted point's
            # «Апрель – май: Организация экскурсий …»: months before a colon open it too
            months = last.endswith(":") and _MONTHS_FIRST.match(phrase) is not None
            if (_OPENS_WITH_DAY.match(phrase) or months) and _is_dated_in_a_year(phrase):
                text = " ".join(words[size:]).lstrip(_SEPARATORS)
                return (number, text, phrase) if text else None
    # «С 15.04.2010 по окончание празднования: Организация работы …»: a label of its time
    # before a colon, its day first; the words after the colon the text, the label the term
    label, colon, text = line.partition(":")
    # not a time's colon («03.02.2022 14:25»): the words after it open with a letter or quote
    opens = text.strip()[:1].isalpha() or text.strip()[:1] in '«"'
    if colon and opens and _OPENS_WITH_DAY.match(label.strip()):
        words = label.split()
        if len(words) <= MAX_LEADING_WORDS and (
            _FULL_DATE.match(words[-1] if len(words) == 1 else words[1])
            or any(_is_dated_in_a_year(" ".join(words[:size])) for size in range(len(words), 0, -1))
        ):
            return "", text.strip(), label.strip()
    return None


def _dated_list_drafts(
    lines: Sequence[str], sections: list[str] | None = None, bold: Sequence[bool] = ()
) -> list[_Draft]:
    """A list of events each ending with its day, starting with it, or starting with its
    hours: one item a line (the hours dated by the programme's day), when no fewer than
    MIN_LIST_ITEMS lines are so and they are most of the lines after the first; a line that
    is not goes on with the item above, but a short one ending in a colon («Каникулы:») heads
    the lines under it. ``sections``: such headings, in order, are added to it."""
    for reader in (
        _hours_first,
        _leading_deadline,
        _week_first,
        _trailing_deadline,
        _bulleted_deadline,
        _day_after_dash,
        _dash_tail,
    ):
        # «Сроки проведения: 20 ноября – 8 декабря 2017 года.» above the stages: the span of
        # them all, no item of the list
        found = [
            None if _TERM_LABEL.match(line) else reader(line) or _lone_day(line, reader)
            for line in lines
        ]
        first = next((k for k, hit in enumerate(found) if hit), None)
        if first is None:
            continue
        hits = [hit for hit in found[first:] if hit]
        dated = [hit for hit in hits if not hit[2].startswith(_UNDATED)]
        # the points of a list an item opens with a colon («… следующая информация:» over «•
        # перечень вступительных испытаний») go on with it: no lines the list leaves undated
        others = 0
        opened = False
        for line, hit in zip(lines[first:], found[first:], strict=True):
            if hit is not None:
                opened = hit[1].endswith(":")
            elif not (opened and (_BULLET_POINT.match(line) or line[:1] in _BULLETS)):
                others += 1
                opened = False
        # a span for them all above («Сроки проведения: …») makes two stages a list
        spanned = any(_TERM_LABEL.match(line) for line in lines[:first])
        if len(dated) < MIN_LIST_ITEMS - spanned or len(hits) < 2 * others:
            continue
        term_last = reader.__name__ in _TERM_LAST
        drafts: list[_Draft] = []
        section: str | None = None
        opening: list[str] = []  # lines that open the next item
        if first and (
            _LIST_HEADING.match(lines[first - 1])
            or _bold_heading(lines[first - 1], first - 1, bold)
        ):
            first -= 1  # «Каникулы:», «На бюджетные места» in bold over the first dated line
        for at, (line, hit) in enumerate(zip(lines[first:], found[first:], strict=True)):
            if hit is None:
                ahead = found[first + at + 1] if first + at + 1 < len(found) else None
                if _LIST_HEADING.match(line) or _bold_heading(line, first + at, bold):
                    section = line.rstrip(" :")
                    if sections is not None:
                        sections.append(section)
                elif term_last and ahead and _goes_on_from(ahead[1]) and line[:1].isupper():
                    opening.append(line)
                elif drafts and _BULLET_POINT.match(line) and _BULLET_POINT.match(lines[first]):
                    # «— котельная «Стоялая» отключение на межотопительный сезон» among
                    # dated points: a point of its own, its date not given
                    point = _BULLET_POINT.match(line)
                    assert point is not None
                    drafts.append(
                        _Draft(str(len(drafts) + 1), section, text=[point["text"]], by_order=True)
                    )
                elif term_last and (own := _sentence_with_days(line)):
                    # «По решению оргкомитета … проводится с 8 октября по 03 ноября 2012 года.»
                    # after the list: a sentence of its own with its days
                    drafts.append(_Draft(str(len(drafts) + 1), section, text=[line], by_order=True))
                    drafts[-1].deadline = [own]
                elif drafts:
                    drafts[-1].text.append(line)
                continue
            number, text, deadline = hit
            text_lines = [*opening, text]
            opening = []
            if number:
                drafts.append(_Draft(number, section, text=text_lines))
            else:
                drafts.append(_Draft(str(len(drafts) + 1), section, text=text_lines, by_order=True))
            drafts[-1].deadline = [deadline.removeprefix(_UNDATED)]
        return drafts
    return []


MAX_BOLD_HEADING = 200


def _bold_heading(line: str, at: int, bold: Sequence[bool]) -> bool:
    """«Приоритетное зачисление (лица, поступающие …)» in bold among plain dated lines: the
    heading of the lines under it."""
    return (
        at < len(bold)
        and bold[at]
        and not all(bold)
        and len(line) <= MAX_BOLD_HEADING
        and not line.endswith((",", ";"))
    )


MIN_SENTENCE = 40


def _sentence_with_days(line: str) -> str | None:
    """The days a sentence of its own names («По решению оргкомитета … проводится с 8 октября
    по 03 ноября 2012 года.»): a line in capitals first, long, its days in its words."""
    if len(line) < MIN_SENTENCE or not line[:1].isupper():
        return None
    # «А ближайшая акция … пройдет 14 февраля с 11:00 до 13:00 …»: a day named alone too
    return _embedded_deadlines(line) or ", ".join(_days_in_words(line)) or None


def _goes_on_from(text: str) -> bool:
    """Whether a line's text goes on from the line above: it opens in lowercase or with a
    quote («« Обеспечение безопасности …» - на заседаниях комиссии»)."""
    return text[:1].islower() or text[:1] in '«"„'


def _dated_lines_win(
    lines: Sequence[tuple[str, bool]], headed: Sequence[_Draft], dated: Sequence[_Draft]
) -> bool:
    """The lines read one item a line by their own days (``dated``) rather than under day
    headings (``headed``): where every line that would head the lines under it is a day alone
    («15 марта 2024 года») among lines that open with their days, and so one of them."""
    headings = [line for line, _ in lines if _list_heading(line)]
    return (
        len(dated) > len(headed)
        and bool(headings)
        and all(_lone_day(line, _leading_deadline) for line in headings)
    )


# «Каникулы:», «Родительские собрания:»: a short line ending in a colon heads a list's lines.
_LIST_HEADING = re.compile(r"^[^\d\W][^:]{0,78}:$")


_LONE_DAY = re.compile(
    rf"^\d{{1,2}}\s+(?:{'|'.join(_MONTHS_GENITIVE)})(?:\s+\d{{4}}\s*(?:г\.?|года)?)?\.?$", re.I
)


def _lone_day(
    line: str, reader: Callable[[str], tuple[str, str, str] | None]
) -> tuple[str, str, str] | None:
    """«27 октября 2023 года» alone on its line among lines that open with their days (under
    «Музейно-экскурсионные дни:»): an item that is its day."""
    if reader is _leading_deadline and _LONE_DAY.match(line) and _is_dated_in_a_year(line):
        return "", line, line
    return None


# «… с тематикой по профилактике ДТП - ежемесячно.», «Организационное заседание - февраль,
# апрель, декабрь (при ЧП комиссия собирается в срочном порядке).»: the term after the line's
# last dash, a remark in brackets after it.
_DASH_TAIL = re.compile(
    r"^(?P<text>.+\S)(?:\s|(?<=\)))[–—-]\s+(?P<tail>[^–—()]+?)\s*(?P<remark>\(.*\))?[\s.;,]*$"
)
MAX_DASH_TAIL_WORDS = 8
_TERM_LABEL = re.compile(r"^(?:срок\w*|дат\w*|период\w*)(?:\s+проведения)?\s*:", re.I)
MAX_UNDATED_TAIL_WORDS = 4


def _dash_tail(line: str) -> tuple[str, str, str] | None:
    """«Обследование автобусных маршрутов … – апрель, октябрь.» → (no number, the text, the
    term after the last dash): a dated term, or a few words in lowercase that name when
    without a date («- на заседаниях комиссии»; ``_UNDATED`` marks them)."""
    found = _DASH_TAIL.match(line)
    if found is None or len(found["text"].split()) < 2:
        return None
    tail = found["tail"].strip(" .;,")
    words = tail.split()
    if not words:
        return None
    text = found["text"].rstrip(" :,")
    if found["remark"]:
        text = f"{text} {found['remark']}"
    # «I этап (школьный) - с октября по ноябрь 2012 г. для учащихся 5-11 классов;»: the term,
    # then whom it is for (the line then kept whole)
    for size in range(min(len(words), MAX_DASH_TAIL_WORDS), 0, -1):
        term = " ".join(words[:size]).rstrip(" .;,")
        if size < len(words) and not (words[size][:1].islower() and size >= 2):
            continue
        if _is_dated_in_a_year(term):
            return "", text if size == len(words) else line.rstrip(" .;,"), term
    if len(words) > MAX_DASH_TAIL_WORDS:
        return None
    if _WHEN_WORDS.match(tail) and len(words) <= MAX_UNDATED_TAIL_WORDS:
        return "", text, _UNDATED + tail
    return None


# «на заседаниях комиссии», «по мере необходимости», «при необходимости»: when, not who
_WHEN_WORDS = re.compile(r"^(?:на|по|в|во|при|до|после|перед|к|с|со)\s", re.I)
# A reader's hit whose term names no date: an item of the list, not one that makes it a list.
_UNDATED = "\x00"
# Readers whose term ends the line: a line with no term of its own above a hit that goes on
# from it («Контроль за исполнением … программы» | «« Обеспечение …» - на заседаниях
# комиссии.») opens that item.
_TERM_LAST = ("_trailing_deadline", "_dash_tail")


def _listed_next(paragraphs: Sequence[Paragraph], index: int) -> bool:
    """Whether the paragraph after ``index`` is a line of a dated list, its term after a dash
    («… – 14 мая 2018.»); a day alone («Пятница 21 сентября») may head a programme."""
    own = [line.strip() for line in paragraphs[index].text.split("\n")[1:] if line.strip()]
    if own:
        line = own[0]  # a text file's paragraph: its next line
    elif index + 1 < len(paragraphs):
        line = paragraphs[index + 1].text.split("\n")[0].strip()
    else:
        return False
    return bool(_dated_dash_tail(line) or _day_after_dash(line))


def _dated_dash_tail(line: str) -> bool:
    """Whether a line ends with a dated term after a dash (a list's line, not a heading)."""
    found = _dash_tail(line)
    return found is not None and not found[2].startswith(_UNDATED)


def _day_after_dash(line: str) -> tuple[str, str, str] | None:
    """«Десятуховское сельское поселение (Авдеенко А.Г.) - 3 февраля в 16.00 Десятуховский
    СДК;»: who or what, a dash, then the day the line opens after it (the line kept whole)."""
    dash = _DASHED.search(line)
    if dash is None:
        return None
    words = line[dash.end() :].split()
    for size in range(min(MAX_DAY_WORDS, len(words)), 0, -1):
        phrase = " ".join(words[:size]).rstrip(" .,;:")
        if phrase[:1].isdigit() and _CALENDAR_DATE.search(phrase) and _is_dated_in_a_year(phrase):
            return "", line.rstrip(" ;,"), phrase
    return None


def _bulleted_deadline(line: str) -> tuple[str, str, str] | None:
    """«- до 20.09 текущего года предоставляют информацию …;», «- ежемесячно … представляют
    отчет»: a point of a bulleted list whose own words give its date (the words kept whole)."""
    bullet = _BULLET_POINT.match(line)
    if bullet is None:
        return None
    text = bullet["text"].rstrip(" ;,")
    phrase = _embedded_deadline(text)
    return ("", text, phrase) if phrase else None


# «1 неделя июня «Здравствуй, лето!»», «III декада апреля, …»: a line opening with a week or a
# decade of a month, its theme after it with no stop between.
_WEEK_FIRST = re.compile(
    r"^(?P<week>(?:\d(?:\s*-?\s*я)?|перв\w+|втор\w+|трет\w+|четв[её]рт\w+|последн\w+|I{1,3}|IV)"
    rf"\s+(?:недел[яи]|декад[аы])\s+(?:{'|'.join(_MONTHS_GENITIVE)})"
    r"(?:\s+\d{4}(?:\s*(?:года|г\.?))?)?)(?=[\s,.:;–—-])[\s,.:;–—-]*(?P<text>\S.*)$",
    re.I,
)


def _week_first(line: str) -> tuple[str, str, str] | None:
    found = _WEEK_FIRST.match(line)
    if found is None or not _is_dated_in_a_year(found["week"]):
        return None
    return "", found["text"], found["week"]


def _hours_first(line: str) -> tuple[str, str, str] | None:
    found = _HOURS_FIRST.match(line)
    if found is None:
        return None
    # «03.02 – Мастер-класс» is the 3rd of February: hours have minutes no month has («8.00»,
    # «12.30») or a colon («10:20»).
    hours = found["hours"]
    if ":" not in hours and all(1 <= int(m) <= 12 for m in re.findall(r"\.(\d{2})", hours)):
        return None
    return "", found["text"], hours


def _bracketed_labels(draft: _Draft) -> None:
    """«Провести соревнования (ответственный — методист ЦОПП)»: the bracket's value is the
    decision's executors (or deadline), and the bracket leaves the text."""
    kept: list[str] = []
    for part in draft.text:
        for match in _BRACKETED_LABEL.finditer(part):
            label = match["label"].casefold()
            target = draft.deadline if label.startswith("срок") else draft.executors
            target.append(match["value"].strip(" ;"))
        kept.append(_BRACKETED_LABEL.sub("", part))
    draft.text = kept


# --- items ------------------------------------------------------------------------------------


def _indicators(parts: Sequence[str]) -> tuple[str, list[Indicator]]:
    """Split target lines («2022 год – 50% от …») off an item's text."""
    kept: list[str] = []
    indicators: list[Indicator] = []
    for part in parts:
        for line in part.split("\n"):
            match = _INDICATOR.match(line.strip())
            if match and kept:
                target = _TARGET.search(match["rest"])
                indicators.append(
                    Indicator(
                        line.strip(),
                        int(match["year"]),
                        target[0].replace(" ", "") if target else None,
                    )
                )
            else:
                kept.append(line)
    return _join(kept), indicators


def _is_done(mark: str) -> bool:
    words = mark.casefold().strip(" .!").split()
    return bool(words) and words[0] in DONE_MARKS


def _deadline_warning(item: ParsedItem) -> ParseWarning | None:
    kind = item.deadline.kind
    if item.done:
        return None
    if kind is DeadlineKind.UNSCHEDULED:
        return ParseWarning(
            "warn-deadline-unscheduled", {"number": item.number, "text": item.deadline.text}
        )
    if kind is DeadlineKind.UNRECOGNIZED:
        return ParseWarning(
            "warn-deadline-unrecognized", {"number": item.number, "text": item.deadline.text}
        )
    return None


_WEEKDAY_WORDS = (
    r"понедельник|вторник|среда|четверг|пятница|суббота|воскресенье"
    r"|пн|вт|ср|чт|пт|сб|вс|пон|суб|вос"
)
# A day or days alone, perhaps with the weekday: «1», «20-25», «1 (суббота)», «14, пятница».
_BARE_DAYS = re.compile(
    r"^\s*(?P<first>\d{1,2})(?:\s*-\s*(?P<last>\d{1,2}))?"
    rf"(?:\s*[,(]?\s*(?:{_WEEKDAY_WORDS})\.?\s*\)?)?\s*$",
    re.I,
)


def _one_month(period: Period) -> bool:
    return (period.start.year, period.start.month) == (period.end.year, period.end.month)


_MONTHS = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
]
_ON_DEMAND = re.compile(r"запрос|заявк|заявлени|обращени|необходимост|потребност|требовани", re.I)


def _days_of_section(
    deadline: Deadline,
    month_text: str,
    period: Period | None,
    reference: date | None,
    *,
    placed: bool = True,
) -> Deadline:
    """«1», «20-25» under a «СЕНТЯБРЬ 2022 г» row: those days of that month; «3 декада»,
    «1 неделя» there: that part of it; «по графику …» under that month's row (``placed``):
    that month."""
    month = parse_deadline(month_text, period, reference=reference)
    if month.kind is not DeadlineKind.MONTH or not month.occurrences:
        return deadline
    end = month.occurrences[0].due
    if (
        placed
        and deadline.kind is DeadlineKind.UNSCHEDULED
        and not _ON_DEMAND.search(deadline.text)
    ):
        # «По графику предметных олимпиад» under «Октябрь»: that month's, by that schedule
        # («по запросу» there stays on demand: a museum's excursions, any month)
        return Deadline(deadline.text, DeadlineKind.MONTH, month.occurrences)
    if _PART_OF_MONTH.search(deadline.text) and len(deadline.text) <= MAX_DEADLINE_PROBE:
        part = parse_deadline(f"{deadline.text} {month_text}", period, reference=reference)
        start = end.replace(day=1)
        if part.is_dated and all(start <= o.due <= end for o in part.occurrences):
            return Deadline(deadline.text, part.kind, part.occurrences)
    return _bare_days(deadline, end)


_SCOPED_KINDS = frozenset({DeadlineKind.CONTINUOUS, DeadlineKind.RECURRING})
MIN_SCOPING_DAYS = 40  # a span of two months or more: a quarter, a term, a half-year
# A phrase naming its own span («в течение года», «ежеквартально») is not the section's.
_OWN_SPAN = re.compile(r"год|полугод|четверт|квартал|семестр|триместр|период|срок|кварт", re.I)


def _in_section(
    deadline: Deadline, section_text: str, period: Period | None, reference: date | None
) -> Deadline:
    """A continuous or recurring phrase under a section row naming a span of the plan
    longer than a month («1 четверть», «I полугодие»): read in that span («регулярно» is due
    when it ends, «1 раз в месяц» once a month of it), where the phrase names no span of its
    own."""
    if _OWN_SPAN.search(deadline.text):
        return deadline
    section = parse_deadline(section_text, period, reference=reference)
    if len(section.occurrences) != 1 or section.kind in _SCOPED_KINDS:
        return deadline
    span = section.occurrences[0]
    if span.start is None or (span.due - span.start).days < MIN_SCOPING_DAYS:
        # Under a month row («Сентябрь»), «каждый понедельник» is the school year's custom
        # the plan lists where it starts, not that month's alone.
        return deadline
    within = parse_deadline(deadline.text, Period(span.start, span.due), reference=reference)
    return within if within.is_dated else deadline


# «3 декада», «1 неделя» with no month: a part of the month the section row names.
_PART_OF_MONTH = re.compile(r"декад|(?<!поне)недел", re.I)  # not «каждый понедельник»


def _bare_days(deadline: Deadline, end: date) -> Deadline:
    """A cell of days alone, read in the month whose last day is ``end``."""
    days = _BARE_DAYS.match(deadline.text.replace("–", "-").replace("—", "-"))
    if not days:
        return deadline
    first, last = int(days["first"]), int(days["last"] or days["first"])
    if not 1 <= first <= last <= end.day:
        return deadline
    if first == last:
        return Deadline(
            deadline.text, DeadlineKind.DATE, (Occurrence(None, end.replace(day=last)),)
        )
    span = Occurrence(end.replace(day=first), end.replace(day=last))
    return Deadline(deadline.text, DeadlineKind.RANGE, (span,))


_TOTAL = re.compile(r"(?:итого|всего)(?: по \w+)?\s*:?", re.IGNORECASE)


# «11.30», «12.10-13.00»: only the hours an event starts (and ends) at.
_CLOCK_ONLY = re.compile(r"^\d{1,2}[.:]\d{2}(?:\s*[-–—]\s*\d{1,2}[.:]\d{2})?$")


def _one_day(text: str, period: Period | None, reference: date | None) -> date | None:
    """The one day a heading names («Пятница 21 сентября»), if it names one."""
    if not text:
        return None
    deadline = parse_deadline(text, period, reference=reference)
    single = deadline.kind is DeadlineKind.DATE and len(deadline.occurrences) == 1
    return deadline.occurrences[0].due if single else None


def _items(
    drafts: Sequence[_Draft],
    book: RoleBook,
    period: Period | None,
    reference: date | None,
    warnings: list[ParseWarning],
    day: date | None = None,
) -> list[ParsedItem]:
    """Items from their drafts; ``day``: the one day a programme's title names, the day of the
    rows whose «Время» cell gives only an hour («10.00⏎229 кабинет»)."""
    clock_column = any(
        _CLOCK_ONLY.match(text) and not _is_dated(text)
        for draft in drafts
        if (text := _join(draft.deadline))
    )
    for draft in drafts:
        for cell in draft.executors:
            book.learn_aliases(cell)
    items: list[ParsedItem] = []
    seen: set[str] = set()
    # the one day of the item above, in its section: the day of rows under it that give only
    # their hours («1 июня пятница | … | 10-00», then «| … | 11-00»)
    above: tuple[str | None, date] | None = None
    for draft in drafts:
        text, indicators = _indicators(draft.text)
        if _TOTAL.fullmatch(text):
            continue  # «Итого:» under a column of costs: the sum, not an event
        if not text and any(draft.deadline):
            text = _join(draft.spare)
        if not text and draft.section and any(draft.executors) and any(draft.deadline):
            # «3 | | Март, 2023 | Заведующий» under «Общие собрания попечительского совета»:
            # a dated row someone answers for is the section's next event; the preview says so.
            text = draft.section
            warnings.append(
                ParseWarning("warn-text-from-section", {"number": draft.number, "section": text})
            )
        if not text:
            # Never an item nobody can tell what to do about (a formula left uncomputed, a
            # row with only a date): said in the preview instead.
            warnings.append(ParseWarning("warn-item-without-text", {"number": draft.number}))
            continue
        executors_text = _join(draft.executors)
        roles, notes = book.split(executors_text) if executors_text else ([], [])
        notes = [*notes, *draft.note]
        deadline_text = ", ".join(part for part in (_join(draft.deadline), *draft.more) if part)
        # «Финальные соревнования …, г. Кувандык (25-26.03) - министерство …» under «25
        # марта»: the days in its brackets are its own
        heading = {draft.section or "", draft.section_deadline} - {""}
        days = _BRACKETED_DAYS.search(text)
        under_heading = bool(heading) and (not deadline_text or deadline_text in heading)
        if under_heading and days and _is_dated_in_a_year(days["days"]):
            deadline_text = days["days"]
        own = draft.period
        within = own is not None and (
            period is None or (period.start <= own.start and own.end <= period.end)
        )
        deadline = (
            parse_deadline(deadline_text, own if within else period, reference=reference)
            if deadline_text
            else Deadline("", DeadlineKind.UNRECOGNIZED)
        )
        if draft.section_deadline:
            heading_day = _one_day(draft.section_deadline, period, reference)
        else:
            # no day heading: the programme's day above the table, where the column is one of
            # hours («11.30», «13.00» are no days), not of days («5.07», «6.07»)
            heading_day = (draft.day or day) if clock_column else None
        if _CLOCK_ONLY.match(deadline_text) and (on_day := heading_day):
            # «12.10» under «Пятница 21 сентября»: the hours of that day, not the 12th of October
            deadline = Deadline(deadline_text, DeadlineKind.DATE, (Occurrence(None, on_day),))
        elif not deadline.is_dated and draft.section_deadline:
            deadline = _days_of_section(deadline, draft.section_deadline, period, reference)
        elif draft.section_deadline and deadline.kind in _SCOPED_KINDS:
            # «регулярно», «1 раз в месяц» under «1 четверть» or «I полугодие»: in that span
            deadline = _in_section(deadline, draft.section_deadline, period, reference)
        elif not deadline.is_dated and period and _one_month(period):
            # «1 (суббота)» in a plan «на сентябрь 2018 года»: that day of the month;
            # «первая неделя» there: that week of it.
            month = f"{_MONTHS[period.end.month - 1]} {period.end.year}"
            deadline = _days_of_section(deadline, month, period, reference, placed=False)
        # only the hours it starts at («10-00»), in the deadline cell or the «Время» one
        hours = (draft.hours if not deadline_text else "") or (
            deadline_text if not deadline.is_dated else ""
        )
        # the day of its hours: its own day heading or day cell, else the one day of the item
        # above it in its section (printed once over the day's events), else the title's
        day_above = above[1] if above and above[0] == draft.section else None
        if draft.day and not deadline_text:
            # No date of its own under a day heading («16 декабря 2009 г. Новосибирск»): the
            # event is that day's.
            deadline = Deadline("", DeadlineKind.DATE, (Occurrence(None, draft.day),))
        elif _STARTS_WITH_TIME.match(hours) and (on := draft.day or day_above or day):
            deadline = Deadline(hours, DeadlineKind.DATE, (Occurrence(None, on),))
        single = deadline.kind is DeadlineKind.DATE and len(deadline.occurrences) == 1
        above = (draft.section, deadline.occurrences[0].due) if single else None
        mark = _join(draft.mark) or None
        item = ParsedItem(
            number=draft.number,
            section=draft.section,
            text=text,
            executors=roles,
            executors_text=executors_text,
            result=_join(draft.result) or None,
            done=bool(mark and _is_done(mark)),
            deadline=deadline,
            mark_text=mark,
            notes=notes,
            indicators=indicators,
            numbered_by_order=draft.by_order,
        )
        if item.number in seen:
            warnings.append(ParseWarning("warn-duplicate-number", {"number": item.number}))
        seen.add(item.number)
        if warning := _deadline_warning(item):
            warnings.append(warning)
        items.append(item)
    return items


_AUGUST = re.compile(r"август|(?<![\d.])\d{1,2}\.08(?![.\d])", re.IGNORECASE)


def _by_due(occurrences: Sequence[Occurrence]) -> tuple[Occurrence, ...]:
    return tuple(sorted(occurrences, key=lambda o: o.due))


def _august_before_the_year(items: Sequence[ParsedItem], period: Period) -> None:
    """The August rows that open a school year's plan («Август | Утверждение плана», the
    August teachers' council), before its first row of the autumn, are the August before the
    year: the plan is written in order, and its first month is the one it is approved in."""
    year = period.start.year
    if period != academic_year(year):
        return
    august = date(year + 1, 8, 1)
    for item in items:
        # «до 5 сентября, до 28 августа, до 11 сентября» in one point: days named together are
        # close together, the August the one just before the September
        dues = [o.due for o in item.deadline.occurrences]
        if (
            item.deadline.kind is DeadlineKind.DATE
            and any(d >= august for d in dues)
            and any(d < date(year, 11, 1) for d in dues)
        ):
            occurrences = tuple(
                replace(o, due=o.due.replace(year=year)) if o.due >= august else o
                for o in item.deadline.occurrences
            )
            item.deadline = replace(item.deadline, occurrences=_by_due(occurrences))
    leading: list[ParsedItem] = []
    for item in items:
        deadline = item.deadline
        if not deadline.is_dated:
            continue
        if (
            deadline.kind in (DeadlineKind.DATE, DeadlineKind.MONTH)
            and _AUGUST.search(deadline.text)
            and all((o.start or o.due) >= august for o in deadline.occurrences)
        ):
            leading.append(item)
            continue
        autumn = [o.start or o.due for o in deadline.occurrences]
        if leading and autumn and min(autumn) < date(period.start.year, 12, 31):
            for earlier in leading:
                occurrences = tuple(
                    Occurrence(o.start and o.start.replace(year=year), o.due.replace(year=year))
                    for o in earlier.deadline.occurrences
                )
                earlier.deadline = replace(earlier.deadline, occurrences=occurrences)
        return


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fit(item: ParsedItem) -> None:
    """Keep what the columns cannot hold where it is still seen (the executors' text, notes)."""
    if len(item.number) > MAX_ITEM_NUMBER:  # protocol decisions: numbered by the reader
        item.number = _cut(item.number, MAX_ITEM_NUMBER)
    long_names = [name for name in item.executors if len(name) > MAX_ROLE_NAME]
    if long_names:
        item.executors = [name for name in item.executors if len(name) <= MAX_ROLE_NAME]
        item.notes.extend(long_names)
    for index, indicator in enumerate(item.indicators):
        if indicator.target is not None and len(indicator.target) > MAX_INDICATOR_TARGET:
            item.indicators[index] = Indicator(indicator.text, indicator.year, None)


# A report's title: «Отчет о работе МКУК … за июль 2015 г.», «ОТЧЁТ О ДЕЯТЕЛЬНОСТИ …»,
# «Информация о проведенных мероприятиях …».
_REPORT_TITLE = re.compile(r"^\s*(?:отч[её]т\b|информация о (?:проведенн|проделанн))", re.I)


# «Решено провести …», «Утвердили расписание …»: decisions a news item reports are a plan still.
_DECIDED = re.compile(r"\b(?:решено|решили|утвердили|постановили|поручено|поручили)\b", re.I)
# A cell that holds a form's place for a date: «х», «—», «_____», «.....».
_PLACEHOLDER = re.compile(r"[хx×\-–—_.…\s]+", re.I)


def _news_of_what_was_held(title: str, lines: Sequence[str]) -> bool:
    """Whether lines read as a list are a news item's about what was held («В администрации
    состоялось очередное совещание …»): told in the past, no plan named, nothing decided."""
    if _leads_with_plan(title) or any(_leads_with_plan(line) for line in lines):
        return False
    return any(_TELLS_THE_PAST.search(line) for line in lines) and not any(
        _DECIDED.search(line) for line in lines
    )


def _blank_form(drafts: Sequence[_Draft]) -> bool:
    """Whether every date a table gives is a form's placeholder («х»), two or more of them."""
    terms = [t.strip() for d in drafts for t in d.deadline if t.strip()]
    return len(terms) >= MIN_FOUND_DEADLINES and all(_PLACEHOLDER.fullmatch(t) for t in terms)


def _is_report(title: str | None, above: Sequence[Paragraph]) -> bool:
    """Whether the heading, or a paragraph above the table, names a report of work done (a
    heading that names a plan is the plan's, a report linked above it notwithstanding)."""
    if title and _leads_with_plan(title):
        return False
    lines = [title or "", *(line for p in above for line in p.text.split("\n"))]
    return any(_REPORT_TITLE.match(line) for line in lines if len(line) <= MAX_TITLE_LINE * 2)


def parse_document(
    raw: RawDocument, *, reference: date | None = None, period: Period | None = None
) -> ParsedDocument:
    """Understand a plan or a protocol; DocumentRejected("doc-not-a-plan") for anything else.

    ``period``: the one the coordinator gave for a plan that names none and bears no date."""
    paragraphs = [b for b in raw.blocks if isinstance(b, Paragraph)]
    tables = [b for b in raw.blocks if isinstance(b, Table)]
    first_table = next((i for i, b in enumerate(raw.blocks) if isinstance(b, Table)), None)
    before_table = [
        b
        for b in raw.blocks[: first_table if first_table is not None else len(raw.blocks)]
        if isinstance(b, Paragraph)
    ]
    warnings: list[ParseWarning] = []
    refused: list[list[str]] = []
    drafts, sections = _plan_drafts(
        tables, warnings, refused, raw.source_format == "text", _decisions(paragraphs)
    )
    if raw.source_format in ("text", "pdf"):
        _carry_down(drafts, warnings)
    kind = DocumentKind.PLAN
    header = _header(before_table)
    if not drafts:
        drafts = _protocol_drafts(_spoken(raw.blocks), _is_order(paragraphs))
        sections = []
        kind = DocumentKind.PROTOCOL
        header = _header(paragraphs, protocol=True)
        if drafts and not header.is_protocol and _leads_with_plan(header.title or ""):
            # «План мероприятий …» typed as points, each with its «Отв.: …»: a plan
            kind = DocumentKind.PLAN
            header = _header(paragraphs)
    if not drafts and not refused:
        # No table and no decisions: a plan typed as lines (a list of each month's questions,
        # events each with its day, a day's programme by its hours).
        blocks = [b for b in raw.blocks if isinstance(b, Paragraph | Table)]
        listed = _header(paragraphs)
        title = " ".join((listed.title or "").split())
        # the title's own lines are not the list's («… в 2021 году» ends with a year)
        lines = [
            (line, bold)
            for line, bold in _list_lines(blocks, raw.source_format == "text")
            if not (title and line in title)
        ]
        headings: list[str] = []
        drafts = _headed_list_drafts(lines, headings)
        listed_headings: list[str] = []
        dated = _dated_list_drafts(
            [line for line, _ in lines], listed_headings, [bold for _, bold in lines]
        )
        if drafts and _news_of_what_was_held(title, [line for line, _ in lines]):
            # «… состоялось очередное совещание …» under the news item's date: the questions
            # it heard, dated by nothing of their own, are no plan
            drafts = []
        if not drafts or _dated_lines_win(lines, drafts, dated):
            drafts, headings = dated, listed_headings
        if drafts:
            kind = DocumentKind.PLAN
            header = listed
            sections = [ParsedSection(_section_number(title), title) for title in headings]
            if any(d.by_order for d in drafts):
                warnings.append(ParseWarning("warn-numbered-by-order", {}))
    if drafts and kind is DocumentKind.PLAN and _blank_form(drafts):
        # «Контрольное событие 1.1 | х | х»: a form to fill in, its dates placeholders
        raise DocumentRejected("doc-not-a-plan")
    if drafts and kind is DocumentKind.PLAN and _is_report(header.title, before_table):
        # «Отчет о работе … за июль 2015 г.»: what was held, with its days — nothing to do
        raise DocumentRejected("doc-a-report")
    if not drafts and refused:
        # A table was there, but no column of it holds deadlines: say what was seen.
        names = ", ".join(f"«{name}»" for name in refused[0])
        raise DocumentRejected("doc-no-deadline-column", columns=names)
    if not drafts:
        raise DocumentRejected("doc-not-a-plan")
    above = before_table[-1].text if before_table else ""
    if header.title and " ".join(header.title.split()).endswith(" ".join(above.split())):
        above = ""  # the title itself, or its last line («… С 23 января по» | «28 января …»)
    # «/1 июня 2015 года/» on a line of its own under the title (a PDF's lines, a title typed
    # as two paragraphs): the title's day too.
    title_day = _title_day(header.title) or (
        _opening_day(line) if len(line := above.strip(_DAY_LINE_MARKS)) <= MAX_DAY_LINE else None
    )
    if (
        kind is DocumentKind.PLAN
        and header.period is None
        and _named_day(header.title, title_day, reference)
    ):
        # «… посвященных Дню защиты детей /1 июня 2015 года/»: a programme of that day, its
        # preparations in that year.
        assert title_day is not None
        header.period = calendar_year(title_day.year)
    if kind is DocumentKind.PROTOCOL:
        header.period = None  # a protocol's deadlines count from its date
    elif header.period is None and header.date is None and period is not None:
        header.period = period
    elif header.period is None:
        warnings.append(ParseWarning("warn-no-period", {}))
    book = RoleBook()
    effective_reference = header.date or reference
    if kind is DocumentKind.PLAN and header.period is None and header.date is not None:
        # A plan approved on 09.10 for a month of work that began on 01.10: the days of the
        # approval's month are this year's, not next year's.
        effective_reference = header.date.replace(day=1)
    if raw.formulas:
        named = ", ".join(raw.formulas[:MAX_NAMED_CELLS])
        warnings.append(
            ParseWarning(
                "warn-formulas-without-values",
                {
                    "count": len(raw.formulas),
                    "cells": named,
                    "more": max(len(raw.formulas) - MAX_NAMED_CELLS, 0),
                },
            )
        )
    # The programme's one day: named in its title, or in a line right above the table
    # («Дата- 03.05.2017», a spreadsheet's first day written above its header).
    day = title_day or (_opening_day(above) if above else None)
    if day is None and above and len(above) <= MAX_DAY_LINE:
        # «Пятница 21 сентября» above a spreadsheet's table (its first day heading)
        day = _one_day(above.strip(_DAY_LINE_MARKS), header.period, effective_reference)
    items = _items(drafts, book, header.period, effective_reference, warnings, day)
    if header.period is not None:
        _august_before_the_year(items, header.period)
    if not items:
        if raw.formulas:
            raise DocumentRejected("doc-formulas-without-values")
        raise DocumentRejected("doc-not-a-plan")
    roles = [
        PlanRoleRef(
            name,
            tuple(a for a in book.aliases.get(key, ()) if len(a) <= MAX_ROLE_NAME),
        )
        for key, name in book.names.items()
        if len(name) <= MAX_ROLE_NAME
    ]
    for item in items:
        _fit(item)
    if header.number is not None and len(header.number) > MAX_DOCUMENT_NUMBER:
        header.number = None
    if header.approver is not None:
        header.approver = _cut(header.approver, MAX_APPROVER)
    title = header.title or (items[0].text[:100] if items else "")
    return ParsedDocument(
        kind=kind,
        title=title,
        date=header.date,
        period=header.period,
        items=items,
        sections=sections,
        roles=roles,
        warnings=warnings,
        number=header.number,
        approver=header.approver,
        source=raw,
    )
