"""Russian deadline phrases («Февраль-апрель», «I квартал 2022 года», …) → typed schedules."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class DeadlineKind(StrEnum):
    DATE = "date"
    MONTH = "month"
    RANGE = "range"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    RECURRING = "recurring"
    CONTINUOUS = "continuous"
    UNSCHEDULED = "unscheduled"
    UNRECOGNIZED = "unrecognized"


@dataclass(frozen=True, slots=True)
class Period:
    """Inclusive date range a plan covers (calendar or academic year, or any span)."""

    start: date
    end: date

    @property
    def is_academic(self) -> bool:
        return (self.start.month, self.start.day) == (9, 1) and self.end == date(
            self.start.year + 1, 8, 31
        )


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One due date of an item; ``start`` is None when only the due day is known."""

    start: date | None
    due: date


@dataclass(frozen=True, slots=True)
class Deadline:
    """The parse result; ``text`` is always the original phrase, unchanged."""

    text: str
    kind: DeadlineKind
    occurrences: tuple[Occurrence, ...] = ()


def calendar_year(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31))


def academic_year(first_year: int) -> Period:
    return Period(date(first_year, 9, 1), date(first_year + 1, 8, 31))


# --- vocabulary ---------------------------------------------------------------------------------

_MONTH_STEMS = (
    ("январ", "янв"),
    ("феврал", "февр", "фев"),
    ("март", "мар"),
    ("апрел", "апр"),
    ("ма", "мая", "мае", "май"),
    ("июн",),
    ("июл",),
    ("август", "авг"),
    ("сентябр", "сент", "сен"),
    ("октябр", "окт"),
    ("ноябр", "нояб", "ноя"),
    ("декабр", "дек"),
)
# Month words in every case form, and their common abbreviations.
_MONTH = (
    r"(?P<{name}>январ[ьяюе]|янв\.?|феврал[ьяюе]|февр?\.?|марта?|марте|марту|мар\.?"
    r"|апрел[ьяюе]|апр\.?|ма[йяюе]|июн[ьяюе]|июл[ьяюе]|август[аеу]?|авг\.?"
    r"|сентябр[ьяюе]|сент?\.?|октябр[ьяюе]|окт\.?|ноябр[ьяюе]|нояб?\.?|декабр[ьяюе]|дек\.?)"
)
_YEAR = r"(?P<{name}>\d{{4}})(?:\s*(?:года|году|год|гг|г)\b\.?)?"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_ORDINALS = {
    "перв": 1,
    "втор": 2,
    "трет": 3,
    "четв": 4,
}


def _month_number(word: str) -> int:
    word = word.rstrip(".")
    for number, stems in enumerate(_MONTH_STEMS, start=1):
        if number == 5:  # «ма» alone is too short a stem: match the May forms exactly
            if word in ("май", "мая", "мае", "маю"):
                return 5
            continue
        if any(word.startswith(stem) for stem in stems):
            return number
    raise ValueError(word)


def _ordinal(word: str) -> int:
    word = word.strip().rstrip(".").removesuffix("-й").removesuffix("-го").removesuffix("-м")
    if word in _ROMAN:
        return _ROMAN[word]
    for stem, number in _ORDINALS.items():
        if word.startswith(stem):
            return number
    raise ValueError(word)


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# --- normalisation ------------------------------------------------------------------------------

_DASHES = re.compile(r"\s*[‐‑‒–—―−-]+\s*")
_SPACES = re.compile(r"\s+")


def _normalise(text: str) -> str:
    text = text.casefold().replace("ё", "е").replace("\xa0", " ")
    text = _DASHES.sub("-", text)
    text = _SPACES.sub(" ", text).strip()
    return text.strip(" .;:")


# --- context: which years a phrase without a year means ------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    period: Period | None

    def month_year(self, month: int) -> int | None:
        period = self.period
        if period is None:
            return None
        if period.is_academic:
            return period.start.year if month >= 9 else period.start.year + 1
        for year in range(period.start.year, period.end.year + 1):
            if period.start <= _last_day(year, month) and date(year, month, 1) <= period.end:
                return year
        return period.start.year

    def date_year(self, month: int, day: int) -> int | None:
        period = self.period
        if period is None:
            return None
        for year in range(period.start.year, period.end.year + 1):
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            if period.start <= candidate <= period.end:
                return year
        return self.month_year(month)


def _context(period: Period | None, reference: date | None) -> _Context:
    if period is not None:
        return _Context(period)
    if reference is not None:
        try:
            end = reference.replace(year=reference.year + 1) - timedelta(days=1)
        except ValueError:  # 29 February
            end = date(reference.year + 1, 2, 28)
        return _Context(Period(reference, end))
    return _Context(None)


class _Unreadable(Exception):
    """This part of the phrase is not understood: the whole phrase becomes unrecognized."""


Result = tuple[DeadlineKind, list[Occurrence]]


def _need(value: int | None) -> int:
    if value is None:
        raise _Unreadable
    return value


# --- single-part rules ------------------------------------------------------------------------


def _fmt(pattern: str, **names: str) -> str:
    for placeholder, name in names.items():
        template = _MONTH if placeholder.startswith("m") else _YEAR
        pattern = pattern.replace("{" + placeholder + "}", template.format(name=name))
    return pattern


_PREFIX = r"(?:(?:срок:?|до|к|не\s+позднее|не\s+позже|по|в|на|в\s+течение)\s*)*"
_NUMERIC_DATE = (
    r"(?P<{n}d>\d{{1,2}})\.(?P<{n}m>\d{{1,2}})\.(?P<{n}y>\d{{4}}|\d{{2}})(?:\s*(?:года|г)\b\.?)?"
)
_WORD_DATE = (
    r"(?P<{n}d>\d{{1,2}})\s+"
    + _MONTH.replace("{name}", "{n}mw")
    + r"(?:\s+"
    + _YEAR.replace("{name}", "{n}y")
    + ")?"
)

RE_UNSCHEDULED = re.compile(
    r"по\s+график|в\s+соответствии\s+с\s+график|согласно\s+график|по\s+мере|по\s+отдельн"
    r"|по\s+согласовани|по\s+запрос|по\s+необходимост|при\s+необходимост|по\s+плану\b"
    r"|по\s+расписани|в\s+соответствии\s+с\s+(?:план|расписани|приказ|регламент|календар)"
)
RE_CONTINUOUS_ACADEMIC = re.compile(
    r"^(?:в\s+течени[еи]\s+)?(?:всего\s+)?(?P<y1>\d{4})\s*[-/]\s*(?P<y2>\d{2,4})\s+(?:уч\.?|учебн\w*)\s*(?:год\w*|г\.?|гг\.?)?$"
)
RE_CONTINUOUS_YEARS = re.compile(
    r"^(?:в\s+течени[еи]\s+)?(?P<y1>\d{4})\s*-\s*(?P<y2>\d{4})\s*(?:годы|годов|гг|г|года)?\.?$"
)
RE_CONTINUOUS_YEAR = re.compile(
    r"^(?:в\s+течени[еи]\s+|в\s+|на\s+)?(?P<y>\d{4})\s*(?:год|году|года|г)\b\.?$"
)
RE_CONTINUOUS = re.compile(
    r"^(?:в\s+течени[еи]\s+(?:всего\s+)?(?:текущего\s+|календарного\s+|отчетного\s+)?"
    r"(?:учебного\s+|уч\.\s*)?(?:года|периода|срока\s+действия\s+плана|срока)"
    r"|постоянно|систематически|весь\s+период|ежедневно|в\s+постоянном\s+режиме"
    r"|на\s+протяжении\s+(?:всего\s+)?(?:учебного\s+)?(?:года|периода)|круглогодично|весь\s+год"
    r"|в\s+течени[еи]\s+(?:всего\s+)?периода)$"
)
RE_RECURRING = re.compile(
    r"^(?:(?P<quarterly>ежеквартально|(?:1|один|не\s+реже\s+(?:1|одного)|не\s+менее\s+(?:1|одного))?\s*раз\w*\s+в\s+квартал)"
    r"|(?P<monthly>ежемесячно|(?:1|один)?\s*раз\w*\s+в\s+месяц)"
    r"|(?P<half>(?:1|один)?\s*раз\w*\s+в\s+(?:полугодие|пол\s*года|полгода)|(?:2|два)\s+раза\s+в\s+год|ежеполугодно)"
    r"|(?P<yearly>ежегодно|(?:1|один)?\s*раз\w*\s+в\s+год))"
    r"(?:\s*\(.*\))?$"
)
RE_END_OF_YEAR = re.compile(
    r"^(?:до|к)\s+(?:конца|окончания|завершения)\s+(?P<academic>учебного\s+)?(?:года|периода)$"
)
RE_END_OF_YEAR_EXPLICIT = re.compile(
    r"^(?:до|к)\s+(?:конца|окончания)\s+" + _fmt("{y}", y="y") + "$"
)
RE_NUMERIC_DATE = re.compile(r"^" + _PREFIX + _NUMERIC_DATE.format(n="a") + "$")
RE_NUMERIC_RANGE = re.compile(
    r"^(?:с\s+)?"
    + _NUMERIC_DATE.format(n="a")
    + r"\s*(?:-|по|до)\s*"
    + _NUMERIC_DATE.format(n="b")
    + "$"
)
RE_WORD_DATE = re.compile(r"^" + _PREFIX + _WORD_DATE.format(n="a") + "$")
RE_QUARTER = re.compile(
    r"^(?:в\s+|во\s+|за\s+|до\s+конца\s+|до\s+окончания\s+|не\s+позднее\s+|на\s+)?"
    r"(?P<q1>i{1,3}|iv|[1-4](?:-?(?:й|го|м))?|перв\w*|втор\w*|трет\w*|четв\w*)"
    r"(?:\s*(?:-|и|,)\s*(?P<q2>i{1,3}|iv|[1-4](?:-?(?:й|го|м))?|втор\w*|трет\w*|четв\w*))?"
    r"\s*(?:квартал\w*|кв\.?)(?:\s+" + _fmt("{y}", y="y") + ")?$"
)
RE_HALF = re.compile(
    r"^(?:в\s+|во\s+|за\s+|до\s+конца\s+|на\s+)?(?P<h>i{1,2}|[12](?:-?(?:е|ое|м|го))?|перв\w*|втор\w*)\s*"
    r"(?:полугоди\w*|пол\.)(?:\s+" + _fmt("{y}", y="y") + ")?$"
)
RE_MONTH_RANGE = re.compile(
    r"^(?:с\s+|в\s+период\s+с\s+)?"
    + _fmt(
        "{m1}(?:\\s+{y1})?\\s*(?:-|по|до)\\s*{m2}(?:\\s+{y2})?", m1="m1", y1="y1", m2="m2", y2="y2"
    )
    + "$"
)
RE_MONTH = re.compile(
    r"^(?:в\s+|во\s+|до\s+конца\s+|до\s+окончания\s+|на\s+|в\s+течение\s+|в\s+конце\s+|конец\s+|не\s+позднее\s+конца\s+)?"
    + _fmt("{m}(?:\\s+{y})?", m="m", y="y")
    + "$"
)


def _year(value: str | None) -> int | None:
    if not value:
        return None
    number = int(value)
    return number + 2000 if number < 100 else number


def _rule_numeric_range(text: str, ctx: _Context) -> Result | None:
    match = RE_NUMERIC_RANGE.match(text)
    if not match:
        return None
    start = date(_need(_year(match["ay"])), int(match["am"]), int(match["ad"]))
    due = date(_need(_year(match["by"])), int(match["bm"]), int(match["bd"]))
    if due < start:
        raise _Unreadable
    return DeadlineKind.RANGE, [Occurrence(start, due)]


def _rule_numeric_date(text: str, ctx: _Context) -> Result | None:
    match = RE_NUMERIC_DATE.match(text)
    if not match:
        return None
    due = date(_need(_year(match["ay"])), int(match["am"]), int(match["ad"]))
    return DeadlineKind.DATE, [Occurrence(None, due)]


def _rule_word_date(text: str, ctx: _Context) -> Result | None:
    match = RE_WORD_DATE.match(text)
    if not match:
        return None
    month, day = _month_number(match["amw"]), int(match["ad"])
    year = _year(match["ay"]) or ctx.date_year(month, day)
    return DeadlineKind.DATE, [Occurrence(None, date(_need(year), month, day))]


def _quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    return date(year, quarter * 3 - 2, 1), _last_day(year, quarter * 3)


def _rule_quarter(text: str, ctx: _Context) -> Result | None:
    match = RE_QUARTER.match(text)
    if not match:
        return None
    first = _ordinal(match["q1"])
    last = _ordinal(match["q2"]) if match["q2"] else first
    explicit = _year(match["y"])
    first_year = explicit or _need(ctx.month_year(first * 3))
    last_year = explicit or _need(ctx.month_year(last * 3))
    start, _ = _quarter_bounds(first_year, first)
    _, due = _quarter_bounds(last_year, last)
    if due < start:
        raise _Unreadable
    return DeadlineKind.QUARTER, [Occurrence(start, due)]


def _rule_half(text: str, ctx: _Context) -> Result | None:
    match = RE_HALF.match(text)
    if not match:
        return None
    half = _ordinal(match["h"].rstrip("е").rstrip("о") if match["h"][0].isdigit() else match["h"])
    if half not in (1, 2):
        raise _Unreadable
    explicit = _year(match["y"])
    period = ctx.period
    if explicit is None and period is not None and period.is_academic:
        # In a school year the first half is September–December, the second January–June.
        y1 = period.start.year
        if half == 1:
            return DeadlineKind.HALF_YEAR, [Occurrence(date(y1, 9, 1), date(y1, 12, 31))]
        return DeadlineKind.HALF_YEAR, [Occurrence(date(y1 + 1, 1, 1), date(y1 + 1, 6, 30))]
    year = explicit or _need(ctx.month_year(6 * half))
    start = date(year, 1 if half == 1 else 7, 1)
    return DeadlineKind.HALF_YEAR, [Occurrence(start, _last_day(year, 6 * half))]


def _rule_month_range(text: str, ctx: _Context) -> Result | None:
    match = RE_MONTH_RANGE.match(text)
    if not match:
        return None
    first, last = _month_number(match["m1"]), _month_number(match["m2"])
    y1, y2 = _year(match["y1"]), _year(match["y2"])
    if y1 is None and y2 is not None:
        y1 = y2 if first <= last else y2 - 1
    if y1 is None:
        y1 = _need(ctx.month_year(first))
    if y2 is None:
        y2 = y1 if last >= first else y1 + 1
    start, due = date(y1, first, 1), _last_day(y2, last)
    if due < start:
        raise _Unreadable
    return DeadlineKind.RANGE, [Occurrence(start, due)]


def _rule_month(text: str, ctx: _Context) -> Result | None:
    match = RE_MONTH.match(text)
    if not match:
        return None
    month = _month_number(match["m"])
    year = _year(match["y"]) or _need(ctx.month_year(month))
    return DeadlineKind.MONTH, [Occurrence(date(year, month, 1), _last_day(year, month))]


def _rule_continuous(text: str, ctx: _Context) -> Result | None:
    if match := RE_CONTINUOUS_ACADEMIC.match(text):
        y1 = int(match["y1"])
        y2 = _year(match["y2"]) if len(match["y2"]) == 4 else y1 + 1
        if y2 != y1 + 1:
            raise _Unreadable
        own = academic_year(y1)
        return DeadlineKind.CONTINUOUS, [Occurrence(own.start, own.end)]
    if match := RE_CONTINUOUS_YEARS.match(text):
        y1, y2 = int(match["y1"]), int(match["y2"])
        if y2 < y1:
            raise _Unreadable
        return DeadlineKind.CONTINUOUS, [Occurrence(date(y1, 1, 1), date(y2, 12, 31))]
    if match := RE_CONTINUOUS_YEAR.match(text):
        year = int(match["y"])
        return DeadlineKind.CONTINUOUS, [Occurrence(date(year, 1, 1), date(year, 12, 31))]
    if RE_CONTINUOUS.match(text):
        period = ctx.period
        if period is None:
            raise _Unreadable
        if "учебн" in text and not period.is_academic:
            # «в течение учебного года» in a calendar-year plan: the school year ending in it.
            year = period.start.year - 1 if period.start.month < 9 else period.start.year
            period = academic_year(year)
        return DeadlineKind.CONTINUOUS, [Occurrence(period.start, period.end)]
    return None


def _rule_end_of_year(text: str, ctx: _Context) -> Result | None:
    if match := RE_END_OF_YEAR_EXPLICIT.match(text):
        return DeadlineKind.DATE, [Occurrence(None, date(int(match["y"]), 12, 31))]
    match = RE_END_OF_YEAR.match(text)
    if not match:
        return None
    period = ctx.period
    if period is None:
        raise _Unreadable
    if match["academic"] or "период" in text:
        return DeadlineKind.DATE, [Occurrence(None, period.end)]
    return DeadlineKind.DATE, [Occurrence(None, date(period.start.year, 12, 31))]


def _steps(period: Period, months: int) -> Iterator[tuple[date, date]]:
    """Consecutive calendar blocks of ``months`` months whose last day lies in the period."""
    year, month = period.start.year, 1
    while True:
        last = _last_day(year, month + months - 1)
        if last > period.end:
            return
        if last >= period.start:
            yield date(year, month, 1), last
        month += months
        if month > 12:
            year, month = year + 1, 1


def _rule_recurring(text: str, ctx: _Context) -> Result | None:
    match = RE_RECURRING.match(text)
    if not match:
        return None
    period = ctx.period
    if period is None:
        return DeadlineKind.RECURRING, []
    months = 3 if match["quarterly"] else 1 if match["monthly"] else 6 if match["half"] else 12
    if months == 12 and period.is_academic:
        # Once a year in a school-year plan means once in that school year, by its end.
        return DeadlineKind.RECURRING, [Occurrence(period.start, period.end)]
    occurrences = [
        Occurrence(max(start, period.start), due) for start, due in _steps(period, months)
    ]
    return DeadlineKind.RECURRING, occurrences


_RULES: tuple[Callable[[str, _Context], Result | None], ...] = (
    _rule_recurring,
    _rule_continuous,
    _rule_end_of_year,
    _rule_numeric_range,
    _rule_numeric_date,
    _rule_word_date,
    _rule_quarter,
    _rule_half,
    _rule_month_range,
    _rule_month,
)

_SPLIT = re.compile(r"\s*(?:[,;]|\bи\b|\n)\s*")
_PARENTHESES = re.compile(r"\s*\((?:[^()]*)\)\s*")


def _parse_part(text: str, ctx: _Context) -> Result:
    for rule in _RULES:
        result = rule(text, ctx)
        if result is not None:
            return result
    raise _Unreadable


def _parts(text: str) -> list[str]:
    cleaned = _PARENTHESES.sub(" ", text).strip()
    parts = [p.strip(" .") for p in _SPLIT.split(cleaned) if p.strip(" .")]
    # «июнь-сентябрь 2021 года, июнь-сентябрь 2022 года» – a trailing year on the last part
    # of «март и сентябрь 2022» belongs to every part without a year of its own.
    trailing = re.search(r"(\d{4})\s*(?:года|год|г)?\.?$", parts[-1]) if parts else None
    if trailing and len(parts) > 1:
        parts = [
            p if re.search(r"\d{4}", p) or not RE_MONTH.match(p) else f"{p} {trailing[1]}"
            for p in parts
        ]
    return parts


def parse_deadline(
    text: str, period: Period | None = None, *, reference: date | None = None
) -> Deadline:
    """Parse a deadline phrase; never raises, never guesses.

    ``period`` is the document's period; without it, ``reference`` (a protocol's date) opens a
    one-year window from that day. A phrase that needs a year and has no context at all — a
    month, quarter or «в течение года» with neither period nor reference — is ``unrecognized``;
    recurring phrases then keep their kind with no occurrences.
    """
    try:
        return _parse(text, period, reference)
    except (ValueError, OverflowError, _Unreadable):
        return Deadline(text, DeadlineKind.UNRECOGNIZED)


MAX_PHRASE = 300  # deadline cells are short; a long text is not a deadline phrase


def _parse(text: str, period: Period | None, reference: date | None) -> Deadline:
    normal = _normalise(text)
    if not normal or len(normal) > MAX_PHRASE:
        return Deadline(text, DeadlineKind.UNRECOGNIZED)
    if RE_UNSCHEDULED.search(normal):
        return Deadline(text, DeadlineKind.UNSCHEDULED)
    ctx = _context(period, reference)
    results = [_parse_part(part, ctx) for part in _parts(normal)]
    if not results:
        return Deadline(text, DeadlineKind.UNRECOGNIZED)
    kinds = {kind for kind, _ in results}
    kind = results[0][0] if len(kinds) > 1 else kinds.pop()
    occurrences = sorted(
        {o for _, found in results for o in found},
        key=lambda o: (o.due, o.start or o.due),
    )
    return Deadline(text, kind, tuple(occurrences))


_PERIOD_ACADEMIC = re.compile(
    r"(?P<y1>\d{4})\s*[-/]\s*(?P<y2>\d{2,4})\s*(?:уч\.?|учебн\w*)\s*(?:год\w*|г\.?|гг\.?)"
)
_PERIOD_YEARS = re.compile(r"\bна\s+(?P<y1>\d{4})\s*-\s*(?P<y2>\d{4})\s*(?:годы|годов|гг|г)")
_PERIOD_YEAR = re.compile(r"\bна\s+(?P<y>\d{4})\s*(?:год|г)\b")


def parse_period(text: str) -> Period | None:
    """The period of a plan from its title: «на 2021 год», «на 2021 – 2022 учебный год»."""
    normal = _normalise(text)
    if match := _PERIOD_ACADEMIC.search(normal):
        y1 = int(match["y1"])
        y2 = int(match["y2"]) if len(match["y2"]) == 4 else y1 + 1
        if y2 == y1 + 1:
            return academic_year(y1)
    if match := _PERIOD_YEARS.search(normal):
        y1, y2 = int(match["y1"]), int(match["y2"])
        if y2 >= y1:
            return Period(date(y1, 1, 1), date(y2, 12, 31))
    if match := _PERIOD_YEAR.search(normal):
        return calendar_year(int(match["y"]))
    return None
