"""Russian deadline phrases («Февраль-апрель», «I квартал 2022 года», …) → typed schedules."""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache


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

    @property
    def is_dated(self) -> bool:
        """Whether the phrase gives dates the bot can hold people to (not «по графику», not
        an unread phrase): the one check behind the import, /additem, set dates and moves."""
        return bool(self.occurrences) and self.kind not in (
            DeadlineKind.UNSCHEDULED,
            DeadlineKind.UNRECOGNIZED,
        )


def calendar_year(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31))


def academic_year(first_year: int) -> Period:
    return Period(date(first_year, 9, 1), date(first_year + 1, 8, 31))


# How it reads. The tokenizer turns a phrase into canonical tokens: ``M3`` a month, ``Y2022`` a
# year, ``D1.5.2022`` a numeric date, ``N15`` a number, ``R4``/``O2`` a Roman/ordinal numeral,
# ``кв``/``пг`` a quarter/half-year, plain stems for the other known words and ``?`` for any
# unknown one. So «I квартал 2022 года» is ``R1 кв Y2022``, and the rules are short regular
# expressions over tokens instead of over every spelling of Russian. Multi-word synonyms are
# folded («не позднее» → ``до``); a reference to a schedule kept elsewhere («по графику …») ends
# the phrase; the rest is cut into parts at commas, «и» and brackets, and each part must match
# one rule of the table in full. A part that matches none makes the whole phrase unrecognized:
# nothing is ever half-read.

_Result = tuple[DeadlineKind, tuple[Occurrence, ...]]

_MAX_PHRASE = 1000  # a deadline cell is short; a longer text is not a deadline phrase
_MAX_TITLE = 10_000  # the period is named near the start of a heading
_MAX_YEARS = 100  # a "period" longer than a century is not a plan: no recurring dates for it
_FIRST_YEAR, _LAST_YEAR = 1900, 2199  # four digits outside this are not years of a plan


class _Unreadable(Exception):
    """Raised inside the parser: the phrase (or one of its parts) cannot be read."""


# --- vocabulary -----------------------------------------------------------------------------------


def _vocabulary() -> dict[str, str]:
    """Every exact word form the parser knows, mapped to its canonical token."""
    words: dict[str, str] = {}
    for stem, month in (
        ("январ", 1),
        ("феврал", 2),
        ("апрел", 4),
        ("июн", 6),
        ("июл", 7),
        ("сентябр", 9),
        ("октябр", 10),
        ("ноябр", 11),
        ("декабр", 12),
    ):
        for ending in ("ь", "я", "е", "ю", "ем"):
            words[stem + ending] = f"M{month}"
    for stem, month in (("март", 3), ("август", 8)):
        for ending in ("", "а", "е", "у", "ом"):
            words[stem + ending] = f"M{month}"
    for form in ("май", "мая", "мае", "маю", "маем"):
        words[form] = "M5"
    abbreviations = {"янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "авг": 8}
    abbreviations |= {"сен": 9, "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12}
    abbreviations |= {"июн": 6, "июл": 7}
    words |= {form: f"M{month}" for form, month in abbreviations.items()}

    for stem, endings, number in (
        ("перв", ("ый", "ого", "ом", "ому", "ое", "ая", "ой", "ую"), 1),
        ("втор", ("ой", "ого", "ом", "ому", "ое", "ая", "ую"), 2),
        ("трет", ("ий", "ьего", "ьем", "ьему", "ье", "ья", "ьей", "ью"), 3),
        ("четверт", ("ый", "ого", "ом", "ому", "ое", "ая", "ой", "ую"), 4),
    ):
        words |= {stem + ending: f"O{number}" for ending in endings}
    words |= {stem + ending: "O5" for stem in ("пят",) for ending in ("ый", "ое", "ая", "ой", "ую")}
    words |= {"i": "R1", "ii": "R2", "iii": "R3", "iv": "R4", "v": "R5"}
    words |= {"один": "N1", "одного": "N1", "два": "N2", "двух": "N2", "дважды": "N2 раз"}
    # Seasons as the months they are: «весна 2024» is March–May 2024, «зимой» December–February.
    for forms, months in (
        ("весна весной весны весну весенний весеннего весеннем весенние", "M3 - M5"),
        (
            "лето летом лета летний летнего летнем летние летних летняя летней летнюю летне",
            "M6 - M8",
        ),
        ("осень осенью осени осенний осеннего осеннем осенние", "M9 - M11"),
        ("зима зимой зимы зиму зимний зимнего зимнем зимние", "M12 - M2"),
    ):
        words |= dict.fromkeys(forms.split(), months)
    words |= {"три": "N3", "трех": "N3", "четыре": "N4", "четырех": "N4"}

    groups = {
        "в": "в во",
        "на": "на",
        "с": "с со",
        "по": "по",
        "до": "до к ко",  # «к 1 сентября» reads as «до 1 сентября»
        "не": "не",
        "при": "при",
        ",": "и",  # «март и сентябрь» is a list, like «март, сентябрь»
        "позднее": "позднее позже",
        "реже": "реже чаще менее более",
        "течение": "течение течении протяжении продолжение теч",
        "конец": "конец конца концу конце окончания окончании завершения завершении",
        "начало": "начало начала начале",
        "середина": "середина середины середине",
        "период": "период периода периоде периодом",
        "каникулы": "каникулы каникул каникулах",
        "весь": "весь всего всей вся все",
        "текущ": "текущий текущего текущем календарный календарного отчетный отчетного"
        " отчетным отчетном",
        "след": "следующего следующий следующем следующей следующая",
        "за": "за",
        "уч": "уч учеб учебный учебного учебном",
        "год": "год года году годом",
        "г": "г",
        "гг": "годы годов годам годах гг",
        "мес": "месяц месяца месяцев мес",
        "пг": "полгода полугода пг",
        "пол": "пол",
        "раз": "раз раза",
        "срок": "срок срока",
        "исполн": "исполнения выполнения",
        "сроки": "сроки",
        "ежекв": "ежеквартально",
        "ежемес": "ежемесячно",
        "ежепг": "ежеполугодно",
        "ежегод": "ежегодно",
        "постоянно": "постоянно систематически регулярно ежедневно круглогодично непрерывно "
        "постоянном постоянной",
        "основ": "основе",
        "начиная": "начиная",
        "кажд": "каждый каждую каждое каждая каждого каждой каждом",
        "нед": "неделя недели неделе неделю",
        "дкд": "декада декады декаде декаду",
        "посл": "последняя последней последнюю последнее последний последнего последнем",
        "итог": "итогам итогах",
        # A school term («четверть»): September–October, November–December, January–March,
        # April–May.
        "чтв": "четверть четверти четвертям четвертей четвертью",
        "ежечтв": "ежечетвертно",
        "ежнед": "еженедельно",
        "числ": "числа число числу",
        "W0": "понедельник понедельникам пн пон",
        "W1": "вторник вторникам вт",
        "W2": "среда среду средам ср",
        "W3": "четверг четвергам чт чет",
        "W4": "пятница пятницу пятницам пт пят",
        "W5": "суббота субботу субботам сб суб",
        "W6": "воскресенье воскресеньям вс вос",
        "режим": "режим режиме",
        "мере": "мере",
        "согласно": "согласно",
    }
    for token, forms in groups.items():
        words |= dict.fromkeys(forms.split(), token)
    words |= _belarusian()
    return words


def _belarusian() -> dict[str, str]:
    """Belarusian forms of the same words («17 лютага», «на працягу тыдня», «да 1 сакавіка»):
    plans of Belarusian schools are written in either language. «і» is folded to a Latin «i»
    by the normaliser, so the forms are folded the same way here."""
    words: dict[str, str] = {}
    for month, forms in enumerate(
        (
            "студзень студзеня студзені",
            "люты лютага лютым",
            "сакавік сакавіка сакавіку",
            "красавік красавіка красавіку",
            "травень траўня траўні травеня",
            "чэрвень чэрвеня чэрвені",
            "ліпень ліпеня ліпені",
            "жнівень жніўня жніўні",
            "верасень верасня верасні",
            "кастрычнік кастрычніка кастрычніку",
            "лістапад лістапада лістападзе",
            "снежань снежня снежні",
        ),
        start=1,
    ):
        words |= dict.fromkeys(forms.split(), f"M{month}")
    groups = {
        "в": "у ў",
        "с": "з",
        "по": "па",
        "до": "да",
        "течение": "працягу",
        "конец": "канец канца канцы",
        "начало": "пачатак пачатку",
        "середина": "сярэдзіна сярэдзіне",
        "период": "перыяд перыяду",
        "весь": "усяго ўсяго увесь ўвесь",
        "текущ": "бягучага бягучы",
        "уч": "навучальны навучальнага навучальным",
        "год": "год года годзе",
        "гг": "гады гадоў",
        "мес": "месяц месяца",
        "нед": "тыдзень тыдня тыдні",
        "дкд": "дэкада дэкады",
        "пг": "паўгоддзе паўгоддзя",
        "чтв": "чвэрць чвэрці",
        "ежемес": "штомесяц штомесячна",
        "ежнед": "штотыдзень штотыднева",
        "ежекв": "штоквартальна",
        "ежегод": "штогод штогадова",
        "постоянно": "пастаянна рэгулярна сістэматычна штодня",
        "мере": "меры",
        "необх": "неабходнасці",
        "график": "графіку графіка графік",
        "запрос": "запыце запыту",
        "соглас": "узгадненні узгадненню",
        "кажд": "кожны кожную кожнае кожнага",
        "O1": "першы першая першую першага",
        "O2": "другі другая другую другога",
        "O3": "трэці трэцяя трэцюю трэцяга",
        "O4": "чацверты чацвертая чацвертую",
        "W0": "панядзелак",
        "W1": "аўторак",
        "W2": "серада сераду",
        "W3": "чацвер",
        "W4": "пятніца пятніцу",
        "W5": "субота суботу",
        "W6": "нядзеля нядзелю",
    }
    for token, forms in groups.items():
        words |= dict.fromkeys(forms.split(), token)
    return {word.replace("і", "i"): token for word, token in words.items()}


_WORDS = _vocabulary()
# Word families recognised by their stem, after the exact forms above.
_STEMS = tuple(
    (re.compile(stem), token)
    for stem, token in (
        (r"квартал\w*|кв", "кв"),
        (r"полугоди\w*", "пг"),
        (r"график\w*", "график"),
        (r"план(?:а|у|ом|ы|ов|ам|ами|ах)?", "план"),
        (r"расписани\w*", "распис"),
        (r"согласовани\w*", "соглас"),
        (r"запрос\w*", "запрос"),
        (r"заявк\w*|заявок|заявлени\w*|обращени\w*", "заявк"),
        (r"требовани\w*", "требован"),
        (r"необходимост\w*", "необх"),
        (r"решени\w*", "решени"),
        (r"приглашени\w*", "приглаш"),
        (r"заседани\w*", "заседани"),  # «на заседаниях комиссии»: when it meets
        (r"соответстви\w*", "соотв"),
        (r"отдельн\w*", "отдельн"),
        (r"установлен\w*", "установлен"),
    )
)


@lru_cache(maxsize=4096)
def _word_token(word: str) -> str:
    if word == "включительно":
        return ""  # «до 01.05.2022 включительно» is just «до 01.05.2022»
    if word in ("далее", "дальнейшем"):
        return ""  # «22 апреля, далее – по необходимости»: what follows says the rest
    if token := _WORDS.get(word):
        return token
    for stem, token in _STEMS:
        if stem.fullmatch(word):
            return token
    return "?"  # an unknown word: no rule accepts it, so its part is never guessed


# --- normaliser and tokenizer ---------------------------------------------------------------------

_DASHES = re.compile(r"[‐‑‒–—―−/-]")  # every dash, and the slash of «2021/2022»
_SPACES = re.compile(r"[^\S\n]+")
# A time of day («10:00», «в 08:30 - 12:30», «с 9.00 до 13.00 ч.») says nothing of the day.
# So is «10.00», «16-00 ч.» or «14.00-14.10» (no month is «00»), a line that is only a time under
# the date («28 апреля\n13.00», «09.05\n09-30»), and «в течение дня», «режим работы» after a date.
_TIME = re.compile(
    # «10 часов», «с 10 до 15 часов», «до 12-00 часов», «с 12-00 до 17-00 часов»
    r"(?:(?<![\w.])(?:в|с|до) )?(?<![\d.:])\d{1,2}(?:[-.:]\d{2})?"
    r"(?: ?(?:-|до) ?\d{1,2}(?:[-.:]\d{2})?)? ?час(?:а|ов)?(?!\w)|"
    # «в 10 ч.»: after «в» only, «до 5 ч.» may be «до 5 числа»
    r"(?<![\w.])в (?<![\d.:])\d{1,2}(?:[-.:]\d{2})? ?ч(?:\.|(?!\w))|"
    r"(?:(?<![\w.])(?:в|с) )?(?<![\d.:])\d{1,2}:\d{2}(?: ?(?:-|до) ?\d{1,2}:\d{2})?(?:\s?ч\b\.?)?"
    r"|(?:(?<![\w.])(?:в|с) )?(?<![\d.:-])\d{1,2}[.-]00(?: ?(?:-|до) ?\d{1,2}[.:-]\d{2})?"
    r"(?:\s?ч\b\.?)?(?!\d|\.\d)"  # «05.01 / 11.00.»: the stop ends the line
    # «11-30-13-30»: hours and minutes joined by dashes, never a day and a month
    r"|(?<![\d.:-])\d{1,2}-[0-5]\d ?- ?\d{1,2}-[0-5]\d(?![\d.-])"
    r"|(?<=\n)(?:\d{1,2}-[0-5]\d|\d{1,2}\.(?:00|1[3-9]|[2-5]\d))(?: ?ч\b\.?)?(?=\n|$)"
    r"|(?<!\w)в течени[ея] (?:всего )?дня(?!\w)"
    # «26 ноября в 13.30»: after «в», minutes no month can be
    r"|(?<![\w.])в (?<![\d.:])\d{1,2}\.(?:1[3-9]|[2-5]\d)(?: ?ч\b\.?)?(?![\d.])"
    # «16.03-13.04⏎режим работы⏎9:00-13:00»: the hours a group works, not its days
    r"|(?<!\w)режим работы:?(?!\w)"
)
# The zone after an hour («24 августа 2026 г. 12:00 мск»), a day's note in brackets («21 августа
# (резервный день)»): nothing about which day.
_ZONE_OR_NOTE = re.compile(
    r"(?<!\w)(?:мск|msk|по московскому времени|по местному времени|московского времени)(?!\w)"
    r"|\((?:резервн\w*|запасн\w*|дополнительн\w*) (?:день|дни|дата)\)"
)
# How many weeks a span lasts, after its days («01.09.09 - 27.12.09 - 17 нед.»,
# «… (4 недели)»): how long, not when.
_WEEKS_LONG = re.compile(
    r"(?<=[\d.])\s*(?:[-–—]\s*|\()\d{1,2}\s*(?:нед\.?|недел[иья]|недель)\)?\.?(?=\s*$|\s*[,;\n])"
)
# A dash the hours stood after («28 февраля - 18:00; 1-2 марта - 10.00-18:00»), gone with them.
# After a word only: «на 2025-» (a title cut at its line's end) is no year.
_DANGLING_DASH = re.compile(r"(?<=[^\W\d_])[^\S\n]*-[^\S\n]*(?=$|[;,\n])")
_SPACED_DATE = re.compile(r"(?<![\d.])(\d{1,2}) ?\. ?(\d{1,2}) ?\. ?(\d{4})(?!\d)")
_SHORT_TECHENIE = re.compile(r"(?<!\w)теч\.?-е(?!\w)")
# Holidays of a fixed day a plan's term names («ко Дню Победы», «к Новому году», «накануне
# Дня учителя»): their day (the eve's, after «накануне»), the year from the period as for
# «9 мая». Only after a preposition: «День знаний» alone is as often an event's name.
_DAY = r"(?:дн\w*|день)"
_HOLIDAYS: tuple[tuple[str, int, int], ...] = (
    (r"(?:нов(?:ому|ого|ый) год[ау]?|новогодн\w* праздник\w*)", 12, 31),
    (rf"{_DAY} знаний", 9, 1),
    (rf"{_DAY} учителя", 10, 5),
    (rf"{_DAY} пожил\w* (?:человека|людей)", 10, 1),
    (rf"{_DAY} народного единства", 11, 4),
    (rf"{_DAY} конституции(?: рф| российской федерации)?", 12, 12),
    (rf"{_DAY} героев отечества", 12, 9),
    (rf"{_DAY} защитник\w* отечества", 2, 23),
    (rf"(?:международн\w* женск\w* {_DAY}|8 марта)", 3, 8),
    (rf"{_DAY} космонавтики", 4, 12),
    (rf"{_DAY} победы", 5, 9),
    (rf"{_DAY} славянской письменности(?: и культуры)?", 5, 24),
    (rf"{_DAY} защиты детей", 6, 1),
    (rf"{_DAY} росси[ия]", 6, 12),
    (rf"{_DAY} памяти и скорби", 6, 22),
    (rf"{_DAY} семьи,? любви и верности", 7, 8),
    (rf"{_DAY} (?:государственного )?флага(?: рф| российской федерации| россии)?", 8, 22),
    (rf"{_DAY} солидарности в борьбе с терроризмом", 9, 3),
    (rf"{_DAY} дошкольного работника", 9, 27),
    (rf"(?:международн\w* )?{_DAY} толерантности", 11, 16),
    (rf"{_DAY} неизвестного солдата", 12, 3),
    (rf"(?:международн\w* )?{_DAY} инвалидов", 12, 3),
    (rf"(?:всемирн\w* )?{_DAY} борьбы со спидом", 12, 1),
    (rf"{_DAY} (?:российского )?студенчества|{_DAY} студента|татьянин\w* {_DAY}", 1, 25),
    (rf"{_DAY} (?:полного )?снятия блокады ленинграда", 1, 27),
    (rf"{_DAY} (?:российской )?науки", 2, 8),
    (rf"(?:международн\w* )?{_DAY} родного языка", 2, 21),
    (rf"{_DAY} воссоединения крыма с россией", 3, 18),
    (rf"всемирн\w* {_DAY} здоровья", 4, 7),
    (rf"(?:всемирн\w* |международн\w* )?{_DAY} земли", 4, 22),
    (rf"(?:международн\w* )?{_DAY} семьи", 5, 15),
    (rf"{_DAY} молодежи", 6, 27),
)
# Holidays on a weekday of their month: the phrase the rules read («ко Дню матери» → «к
# последнему воскресенью ноября»); no eve (its day depends on the year).
_MOVABLE_HOLIDAYS: tuple[tuple[str, str], ...] = (
    (rf"{_DAY} матери", "последнее воскресенье ноября"),
    (rf"{_DAY} отца", "третье воскресенье октября"),
    (
        rf"{_DAY} памяти жертв (?:дтп|дорожно-транспортных происшествий)",
        "третье воскресенье ноября",
    ),
)
_HOLIDAY = re.compile(
    r"^(?P<before>(?:ко?|до|накануне|в|на) )(?:праздник\w* )?(?P<name>"
    + "|".join(f"(?:{pattern})" for pattern, _, _ in _HOLIDAYS)
    + "|"
    + "|".join(f"(?:{pattern})" for pattern, _ in _MOVABLE_HOLIDAYS)
    + r")[.!]?$"
)
_HOLIDAY_NAMES = [(re.compile(pattern), month, day) for pattern, month, day in _HOLIDAYS]
_MOVABLE_NAMES = [(re.compile(pattern), phrase) for pattern, phrase in _MOVABLE_HOLIDAYS]
# «накануне 1 сентября», «накануне 01.09»: the day before that day.
_EVE_OF_DAY = re.compile(
    r"^накануне (?P<day>\d{1,2})(?: (?P<word>[а-я]+)|\.(?P<month>\d{1,2})\.?)$"
)


# «в ходе проведения месячника», «в течение декады», «во время смены»: in a plan of that
# month of events (decade, camp session), its whole span.
_DURING_THE_EVENT = re.compile(
    r"^(?:в ходе|в период|во время|в течение)(?: проведения)? (?:всего )?"
    r"(?:месячника|декады|смены|лагерной смены|акции|марафона|фестиваля)$"
)


def _holiday_day(match: re.Match[str]) -> str:
    name = match["name"]
    eve = (match["before"] or "").strip() == "накануне"
    for pattern, phrase in _MOVABLE_NAMES:
        if pattern.fullmatch(name):
            return match[0] if eve else f"{match['before']}{phrase}"
    month, day = next((m, d) for pattern, m, d in _HOLIDAY_NAMES if pattern.fullmatch(name))
    if eve:
        the_eve = date(2001, month, day) - timedelta(days=1)  # a year of 28 February days
        month, day = the_eve.month, the_eve.day
    before = "" if eve else match["before"]
    return f"{before}{day:02d}.{month:02d}"


_GLUED_PREPOSITION = re.compile(r"(?<![\w-])(по|до|со|с)-(?=\d)")
_DASH_AT_LINE_END = re.compile(r"[^\S\n]*-[^\S\n]*\n\s*")
_LINE_BREAKS = re.compile(r" ?\n\s*")
_TOKEN = re.compile(
    r"(?P<iso>\d{4}-\d{1,2}-\d{1,2})(?!\d)"  # 2022-05-01
    r"|(?P<short>\d{4} ?- ?\d{2})(?![\d.])"  # 2021/22
    r"|(?P<date>\d{1,2}\.\d{1,2}(?:\.(?:\d{4}|\d{2}))?)(?!\d)"  # 01.05.2022, 1.5.22, 01.03
    # 1-го, 3-й, 1-я
    r"|(?P<number>\d+)(?:-?(?:ого|его|го|ый|ий|ой|ое|ее|ом|ем|ая|ую|й|е|м|х|я|ю)(?![а-я]))?"
    r"|(?P<word>[a-zа-яў]+)"
    r"|(?P<dash>-)"
    r"|(?P<sep>[,;])"
    r"|(?P<newline>\n)"
    r"|(?P<open>[(\[])"
    r"|(?P<close>[)\]])"
    r"|(?P<skip>[ .:«»\"'“”„*]+)"
    r"|(?P<other>.)",
    re.DOTALL,
)
_SEPARATORS = frozenset({",", "(", ")"})


# «01,08,15,22,29. 10.16»: days listed before the month and year they share.
_DAYS_OF_ONE_MONTH = re.compile(
    r"(?<![\d.])(?P<days>\d{1,2}(?: ?, ?\d{1,2})+) ?\. ?"
    r"(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})(?!\d)"
)


# A time after a day with its year («12.10.16. 11.30», «1.10.2016 9.45», «26.01.09 10.00 ч»):
# minutes that no month can be (00, 13–59), so never a second day («12.10.2016 13.10» stays two
# days).
_TIME_AFTER_DAY = re.compile(
    r"(?<![\d.])(\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2}))\.? +(?:[01]?\d|2[0-3])[.:]"
    r"(?:00|1[3-9]|[2-5]\d)(?: ?- ?(?:[01]?\d|2[0-3])[.:][0-5]\d)?"
    r"(?: ?(?:ч\b\.?|час(?:а|ов)?(?!\w)))?(?![\d.])"
)


# An hour after a day in words («26 ноября 15.30», «26 ноября 2004 г. 15.30-17.00», the cell's
# two lines a PDF ran together): the day.
_TIME_AFTER_WORD_DAY = re.compile(
    r"(?<!\d)(\d{1,2} (?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)"
    r"[а-я]*(?: \d{4}(?: ?г(?:ода|\.)?)?)?)\.?,? +(?:[01]?\d|2[0-3])[.:][0-5]\d"
    r"(?: ?- ?(?:[01]?\d|2[0-3])[.:][0-5]\d)?(?: ?(?:ч\b\.?|час(?:а|ов)?(?!\w)))?(?![\d.])"
)
# An hour written with a dash after a day without its year («09.05 09-30», a cell's two lines
# a PDF ran together): no range of days follows a day like that.
_DASHED_TIME_AFTER_DAY = re.compile(
    r"(?<![\d.])(\d{1,2}\.\d{1,2})\.? +(?:[01]?\d|2[0-3])-[0-5]\d(?![\d.-])"
)


def _each_day_dated(match: re.Match[str]) -> str:
    days = [day.strip() for day in match["days"].split(",")]
    return ", ".join(f"{day}.{match['month']}.{match['year']}" for day in days)


# A word of Cyrillic letters with Latin look-alikes among them («cентябрь», «мaй»): the
# look-alikes are the Cyrillic letters the typist meant.
_LOOK_ALIKES = str.maketrans("aceopxykmtbh", "асеорхукмтвн")
_MIXED_WORD = re.compile(r"(?=[a-zа-я]*[а-я])(?=[a-zа-я]*[aceopxykmtbh])[a-zа-я]+")


def _eve_of_day(match: re.Match[str]) -> str:
    if match["word"] is not None:
        token = _WORDS.get(match["word"], "")
        if not token.startswith("M") or " " in token:
            return match[0]
        month = int(token[1:])
    else:
        month = int(match["month"])
    try:
        the_eve = date(2001, month, int(match["day"])) - timedelta(days=1)
    except ValueError:
        return match[0]
    return f"{the_eve.day:02d}.{the_eve.month:02d}"


def _cyrillic(match: re.Match[str]) -> str:
    word = match[0]
    if any("a" <= char <= "z" and char not in "aceopxykmtbh" for char in word):
        return word  # a Latin word beside Cyrillic («zoom-конференция» is not one word)
    return word.translate(_LOOK_ALIKES)


# «03.01/13-00», «05.01 / 10.00 - 13.00»: a day and its hours parted by a slash, not a span.
_SLASH_BEFORE_TIME = re.compile(
    r"(?<![\d.])(\d{1,2}\.\d{1,2}(?:\.(?:\d{4}|\d{2}))?)\.? ?/ ?"
    # hours: minutes after a colon or a dash, or minutes no month can be («13.00», not «30.09»)
    r"(?=(?:\d{1,2}[-:]\d{2}|\d{1,2}\.(?:00|1[3-9]|[2-5]\d))(?!\d|\.\d))"
)


def _normalise(text: str) -> str:
    # NFKC folds look-alikes (full-width digits, «Ⅳ», non-breaking spaces) into plain ones.
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("ё", "е").replace("і", "i").replace("\r", "\n")
    text = _MIXED_WORD.sub(_cyrillic, text)  # «cентябрь» typed with a Latin «c»
    text = _SLASH_BEFORE_TIME.sub(r"\1 ", text)  # «03.01/13-00»
    text = _DASHES.sub("-", text)
    text = _DASH_AT_LINE_END.sub("-", text)  # «02.10 -⏎31.10» is one range
    text = _SPACED_DATE.sub(r"\1.\2.\3", text)  # «до 3 .05. 2015г»
    text = _DAYS_OF_ONE_MONTH.sub(_each_day_dated, text)  # «01,08,15. 10.16»
    text = _TIME_AFTER_DAY.sub(r"\1 ", text)  # «12.10.16. 11.30»
    text = _DASHED_TIME_AFTER_DAY.sub(r"\1 ", text)  # «09.05 09-30»
    text = _TIME_AFTER_WORD_DAY.sub(r"\1 ", text)  # «26 ноября 15.30»
    text = _GLUED_PREPOSITION.sub(r"\1 ", text)  # «с 28.01. по-31.01.»
    text = _SHORT_TECHENIE.sub("течение", text)  # «в теч-е года»
    text = _HOLIDAY.sub(_holiday_day, text.strip())  # «ко Дню Победы» → «к 09.05»
    text = _EVE_OF_DAY.sub(_eve_of_day, text)  # «накануне 1 сентября» → «31.08»
    text = _DURING_THE_EVENT.sub("в течение периода", text)  # «в ходе проведения месячника»
    if (unclosed := text.count("(") - text.count(")")) > 0:
        text += ")" * unclosed  # «9 июня (чт»: a bracket the cell cut off
    text = _ZONE_OR_NOTE.sub(" ", text)  # «12:00 мск», «(резервный день)»
    text = _WEEKS_LONG.sub(" ", text)  # «01.09.09 - 27.12.09 - 17 нед.»
    text = _TIME.sub(" ", text)
    text = _DANGLING_DASH.sub("", text)  # «28 февраля - 18:00»: the dash before the hours
    text = _SPACES.sub(" ", text)
    return _LINE_BREAKS.sub("\n", text).strip()


def _is_year(token: str) -> bool:
    return token.startswith("Y")


def _year_token(number: int) -> str:
    return f"Y{number}" if _FIRST_YEAR <= number <= _LAST_YEAR else f"N{number}"


def _tokens(text: str, *, newline_separates: bool) -> list[str]:
    tokens: list[str] = []
    for match in _TOKEN.finditer(text):
        kind, value = match.lastgroup, match.group()
        if kind == "word":
            if token := _word_token(value):
                _add_word(tokens, token)
        elif kind == "number":
            tokens.append(_year_token(int(match["number"])))
        elif kind == "date":  # the year keeps its digits: «05» is 2005, not 5
            day, month, *year = value.split(".")
            if tokens and tokens[-1].startswith("D"):
                tokens.append(",")  # «24.01.2020 27.01.2020»: two days, written side by side
            tokens.append(f"D{int(day)}.{int(month)}" + "".join(f".{y}" for y in year))
        elif kind == "iso":
            year_digits, month, day = value.split("-")
            tokens.append(f"D{int(day)}.{int(month)}.{year_digits}")
        elif kind == "short":  # «2021/22»: the second year by its last two digits
            first, last = (int(piece) for piece in value.split("-"))
            second = first + 1 if (first + 1) % 100 == last else None
            # «2023 – 12 февраля 2023»: a year, a dash, then a day (not «2021/22»)
            tokens += [_year_token(first), "-", f"Y{second}" if second else f"N{last}"]
        elif kind == "sep" or (kind == "newline" and newline_separates):
            tokens.append(",")
        elif kind in ("dash", "open", "close"):
            tokens.append({"dash": "-", "open": "(", "close": ")"}[kind])
        elif kind == "other":
            tokens.append("?")
    return tokens


def _add_word(tokens: list[str], token: str) -> None:
    """Append a word's token; «года», «г.», «гг.» after a year only qualify that year."""
    if token not in ("год", "г", "гг"):
        tokens.append(token)
        return
    previous = tokens[-1] if tokens else ""
    if previous == "уч":
        if not (len(tokens) > 1 and _is_year(tokens[-2])):
            tokens.append("год")  # «учебного года», «уч. г.»; after «2021-2022 уч.» it adds nothing
        return
    if _is_year(previous):
        if token == "гг":
            tokens.append("гг")  # «2021-2023 гг.»: several calendar years
        elif token == "год" and len(tokens) > 2 and tokens[-2] == "-" and _is_year(tokens[-3]):
            tokens.append("год")  # «2021-2022 год»: one year over two calendar years
        return
    if previous.count(".") == 2:
        return  # «01.05.2022 г.»
    tokens.append("?" if token == "г" else token)


# Multi-word synonyms, folded on the canonical string (padded with spaces) in this order.
_SYNONYMS = tuple(
    (re.compile(rf"(?<= )(?:{pattern})(?= )"), replacement)
    for pattern, replacement in (
        # «С 5 по по 25 марта»: a word typed twice
        (r"(в|на|с|по|до) \1", r"\1"),
        # «Август⏎31.08.2023»: the month, then the day in it — one day, not the month too
        (r"M(\d+) (D\d+\.\1(?:\.\d+)?)", r"\2"),
        (r"(?:в|на) течение", "втеч"),
        (r"не позднее", "до"),
        (r"не реже", ""),  # «не реже 1 раза в квартал» is still once a quarter
        # «Срок: до …», «в срок до …», «срок исполнения: …»; not «в течение всего срока»
        (r"в срок|(?<!втеч )(?<!весь )срок(?: исполн)?", ""),
        (r"(?:до|в) конец", "конец"),
        (r"в (начало|середина)", r"\1"),
        (r"в период", ""),
        (r"пол год", "пг"),
        (r"(?:в )?постоянно режим|(?:на )?постоянно основ", "постоянно"),
        # «в весенний период», «в летние каникулы»: the season's months; the winter, spring
        # and autumn holidays of a school are a week or two the season does not tell
        (r"(M\d+ - M\d+) период|(M6 - M8) каникулы", r"\1\2"),
        # «с 28 октября 2022 года (пятница)»: the weekday of a day says nothing more
        (r"\( W\d \)", ""),
        # «21.03 пон», «22 марта, вторник»: so is a weekday written after the day
        (r"(D[\d.]+|N\d+ M\d+(?: Y\d+)?)(?: ,)? W\d(?= |$)", r"\1"),
        # «Пятница 21 сентября», «вторник, 22.03»: and before it
        (r"(?<=^ )W\d(?: ,)?(?= (?:D[\d.]+|N\d+ M\d+(?: Y\d+)?) $)", ""),
        # «до 20 апреля текущего года»: the year of the period, as without the words
        (r"(M\d+) текущ год", r"\1"),
        # «1 квартал 15 апреля»: the day the quarter's report is due
        (r"[NRO][1-4] кв (N\d+ M\d+(?: Y\d+)?|D\d+\.\d+(?:\.\d+)?)", r"\1"),
        # «Декабрь, 2022», «I квартал, 2023 г.»: the year of that month, not a second part
        (r"(M\d+|кв|пг) , (Y\d+)(?! -)", r"\1 \2"),
        # «Декабрь 2020г. Февраль 2021г.» (a cell's lines run together): months, each with
        # its year, listed
        (r"(M\d+ Y\d+)(?= M\d+ Y\d+ )", r"\1 ,"),
        # «21 февраля 23 февраля 8 марта» (a cell's lines run together): days listed
        (r"(N\d+ M\d+(?: Y\d+)?)(?= N\d+ M\d+)", r"\1 ,"),
        # «до 15 числа месяца, следующего за отчетным периодом», «до 5 числа следующего
        # месяца»: a report due that day of every month (after «ежемесячно», «ежеквартально»)
        (r"(ежемес|ежекв) , до", r"\1 до"),
        (r"числ(?: мес)?(?: ,)?(?: след(?: за)?(?: текущ)?(?: период| мес| кв)?| мес)", "числ"),
        # «ежегодно, до 1 марта года, следующего за отчетным»: the day of the year after the
        # one reported on — of the plan's year, as «ежегодно до 1 марта»
        (r"(ежегод) , до (N\d+ M\d+) год (?:, )?след за текущ(?: год| период)?", r"\1 до \2"),
        # «каждый месяц», «в конце каждого квартала»: as «ежемесячно», «ежеквартально»
        (r"(?:конец )?кажд (мес|кв|пг|год)", r"каждый_\1"),
        (r"каждый_мес", "ежемес"),
        (r"каждый_кв", "ежекв"),
        (r"каждый_пг", "ежепг"),
        (r"каждый_год", "ежегод"),
    )
)
_LABEL = re.compile(r"^ сроки ")  # «Сроки: …» as a cell's label


# «Июнь август 2007 года», «январь декабрь 2013 г.»: two months and the year after them, no
# comma or «и» between — the dash of a range lost (a list keeps its commas: «май, ноябрь»).
_TWO_MONTHS_A_YEAR = re.compile(r"M(?P<first>\d+) M(?P<last>\d+) (?P<year>Y\d+)")
# «2013 2015 гг.»: two years and «годы» after them — the dash of a range lost.
_TWO_YEARS = re.compile(r"(?P<before>(?:(?:в|на|втеч) )?)Y(?P<first>\d+) Y(?P<last>\d+) гг")
# «1 квартал, январь-февраль 2015 года» (a column «Сроки (квартал, месяц)»): the months of it.
_QUARTER_THEN_MONTHS = re.compile(r"^[NRO][1-4] кв , (?=M\d+(?: - M\d+)?(?: Y\d+)?$)")
# «в течение года 21 февраля, … 7 ноября»: the days of the year it lists.
_DURING_THEN_DAYS = re.compile(r"^втеч (?:весь )?(?:уч )?год (?=N\d+ M\d+|D\d)")


def _canonical(tokens: list[str]) -> str:
    text = " " + " ".join(tokens) + " "
    text = _LABEL.sub(" ", text)
    for pattern, replacement in _SYNONYMS:
        text = pattern.sub(replacement, text)
    text = " ".join(text.split())
    months = _TWO_MONTHS_A_YEAR.fullmatch(text)
    if months and int(months["first"]) < int(months["last"]):
        return f"M{months['first']} - M{months['last']} {months['year']}"
    years = _TWO_YEARS.fullmatch(text)
    if years and int(years["first"]) < int(years["last"]):
        return f"{years['before']}Y{years['first']} - Y{years['last']} гг"
    text = _QUARTER_THEN_MONTHS.sub("", text)
    return _DURING_THEN_DAYS.sub("", text)


# --- context: which year a phrase without a year means --------------------------------------------


# How far outside its period a day without a year may lie and still take the period's year.
NEXT_TO = timedelta(days=31)


@dataclass(frozen=True, slots=True)
class _Context:
    """The effective period: the document's, or a year from a protocol's date, or none."""

    period: Period | None

    def require(self) -> Period:
        if self.period is None:
            raise _Unreadable
        return self.period

    def month_year(self, month: int) -> int:
        """The first year whose ``month`` ends inside the period (else next to it)."""
        period = self.require()
        for year in range(period.start.year, period.end.year + 1):
            if period.start <= _last_day(year, month) <= period.end:
                return year
        return self._next_to(period, lambda year: _last_day(year, month))

    def day_year(self, month: int, day: int) -> int:
        """The first year whose day ``day.month`` lies inside the period (else next to it)."""
        period = self.require()
        for year in range(period.start.year, period.end.year + 1):
            in_month = day <= calendar.monthrange(year, month)[1]
            if in_month and period.start <= date(year, month, day) <= period.end:
                return year
        return self._next_to(period, lambda year: date(year, month, day))

    @staticmethod
    def _next_to(period: Period, day_in: Callable[[int], date]) -> int:
        """A day just outside a short period («30 апреля» in a plan «на май 2023 года», the
        start before the month): the one year putting it within a month of the period.
        Farther than that, or with a year on either side (January in February–December), no
        year is guessed."""
        near: list[int] = []
        for year in range(period.start.year - 1, period.end.year + 2):
            try:
                day = day_in(year)
            except ValueError:
                continue
            if period.start - NEXT_TO <= day <= period.end + NEXT_TO:
                near.append(year)
        if len(near) != 1:
            raise _Unreadable
        return near[0]


def _context(period: Period | None, reference: date | None) -> _Context:
    if period is not None or reference is None:
        return _Context(period)
    try:
        end = date(reference.year + 1, reference.month, 1) + timedelta(days=reference.day - 2)
    except (ValueError, OverflowError):  # a reference in the year 9999
        end = date.max
    return _Context(Period(reference, end))


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(digits: str) -> int:
    year = int(digits) + (2000 if len(digits) == 2 else 0)  # «01.05.22»
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise _Unreadable
    return year


def _optional_year(digits: str | None) -> int | None:
    return _year(digits) if digits else None


# --- spans: a day, a month, a quarter or a half of one calendar year ------------------------------


@dataclass(frozen=True, slots=True)
class _Span:
    """One day (``day`` set) or whole months of one year; ``year`` None until resolved."""

    first_month: int
    last_month: int
    day: int | None = None
    year: int | None = None

    def resolve(self, ctx: _Context) -> int:
        """The span's year: its own, else the first whose last day lies inside the period."""
        if self.year is not None:
            return self.year
        if self.day is not None:
            return ctx.day_year(self.last_month, self.day)
        return ctx.month_year(self.last_month)

    def bounds(self, year: int) -> tuple[date, date]:
        if self.day is not None:
            day = date(year, self.first_month, self.day)
            return day, day
        return date(year, self.first_month, 1), _last_day(year, self.last_month)

    def occurrence(self, ctx: _Context) -> Occurrence:
        start, due = self.bounds(self.resolve(ctx))
        return Occurrence(None if self.day is not None else start, due)


def _between(first: _Span, last: _Span, ctx: _Context) -> Occurrence:
    """From the start of ``first`` to the end of ``last``.

    A year written on one side serves both («Январь – апрель 2022»), wrapping over the new year
    when the months go backwards («ноябрь – февраль 2022» starts in November 2021). With no year
    at all each side resolves inside the period on its own, so «ноябрь – февраль» wraps only in
    a period that holds both (a school year); otherwise its end precedes its start: unreadable.
    """
    in_order = (first.first_month, first.day or 1) <= (last.last_month, last.day or 31)
    if first.year is None and last.year is not None:
        first_year, last_year = last.year - (0 if in_order else 1), last.year
    elif first.year is not None and last.year is None:
        first_year, last_year = first.year, first.year + (0 if in_order else 1)
    else:
        first_year, last_year = first.resolve(ctx), last.resolve(ctx)
        if (
            in_order
            and first_year > last_year
            and first.bounds(last_year)[0] >= ctx.require().start - NEXT_TO
        ):
            # «август – сентябрь» in a school year from 1 September: its end is inside the
            # period and its start the month just before it, both of one year.
            first_year = last_year
    start, _ = first.bounds(first_year)
    _, due = last.bounds(last_year)
    if due < start and first.year is None and first.first_month > last.last_month:
        # «26 декабря – 1 января», «декабрь – январь» in a plan to the end of December: days
        # (months) going backwards cross the new year, the end within a month of the period's.
        _, due = last.bounds(first_year + 1)
        if due > ctx.require().end + NEXT_TO:
            raise _Unreadable
    if due < start:
        raise _Unreadable
    return Occurrence(start, due)


_POINT = re.compile(
    r"D(?P<d>\d+)\.(?P<m>\d+)(?:\.(?P<y>\d+))?"
    r"|N(?P<day>\d+)(?: M(?P<month>\d+)(?: Y(?P<year>\d+))?)?"
    r"|M(?P<only_month>\d+)(?: Y(?P<month_year>\d+))?"
)


def _point(text: str, month_of: _Span | None = None) -> _Span:
    """A date or a month; a bare day («с 1 по 15 марта») takes the month of the day ``month_of``."""
    match = _POINT.fullmatch(text)
    if match is None:
        raise _Unreadable
    if match["only_month"]:
        return _month_span(int(match["only_month"]), match["month_year"])
    if match["d"]:
        month, day, year = int(match["m"]), int(match["d"]), _optional_year(match["y"])
    elif match["month"]:
        month, day, year = int(match["month"]), int(match["day"]), _optional_year(match["year"])
    elif month_of is not None and month_of.day is not None:
        month, day, year = month_of.first_month, int(match["day"]), month_of.year
    else:
        raise _Unreadable
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise _Unreadable
    return _Span(month, month, day, year)


def _month_span(month: int, year: str | None) -> _Span:
    return _Span(month, month, None, _optional_year(year))


def _block(numeral: str, months: int, year: str | None, *, school: bool) -> _Span:
    """Quarter (``months`` = 3) or half-year (6) number ``numeral`` («R2», «N1», «O4»)."""
    number = int(numeral[1:])
    if not 1 <= number <= 12 // months:
        raise _Unreadable
    if school:  # a school year's first half is September–December, its second January–June
        return _Span(9, 12) if number == 1 else _Span(1, 6)
    return _Span(number * months - months + 1, number * months, None, _optional_year(year))


# --- the rules: one regular expression over canonical tokens and its reading ----------------------

_Rule = Callable[[re.Match[str], _Context], _Result]

_REPEAT = r"(?P<every>ежекв|ежемес|ежепг|ежегод)|(?:N(?P<times>\d+) )?раз в (?P<unit>мес|кв|пг|год)"
_REPEAT_ANY = r"(?:ежекв|ежемес|ежепг|ежегод|(?:N\d+ )?раз в (?:мес|кв|пг|год))"
_STEP = {"ежемес": 1, "ежекв": 3, "ежепг": 6, "ежегод": 12, "мес": 1, "кв": 3, "пг": 6, "год": 12}
_RE_REPEAT = re.compile(_REPEAT)


def _step(text: str) -> int:
    """Months between two occurrences: «ежеквартально» 3, «два раза в год» 6, …"""
    match = _RE_REPEAT.fullmatch(text)
    if match is None:
        raise _Unreadable
    if match["every"]:
        return _STEP[match["every"]]
    months, times = _STEP[match["unit"]], int(match["times"] or 1)
    if times == 0 or months % times or months // times not in (1, 3, 6, 12):
        raise _Unreadable  # «3 раза в год», «раз в 2 месяца»: no calendar unit to name
    return months // times


def _every(period: Period, months: int) -> tuple[Occurrence, ...]:
    """Each calendar month, quarter, half or year whose last day lies inside the period."""
    if period.end.year - period.start.year > _MAX_YEARS:
        raise _Unreadable
    return tuple(
        Occurrence(date(year, first, 1), due)
        for year in range(period.start.year, period.end.year + 1)
        for first in range(1, 13, months)
        if period.start <= (due := _last_day(year, first + months - 1)) <= period.end
    )


def _rule_repeat(match: re.Match[str], ctx: _Context) -> _Result:
    step = _step(match.group())
    if ctx.period is None:
        return DeadlineKind.RECURRING, ()
    return DeadlineKind.RECURRING, _every(ctx.period, step)


def _rule_continuous(match: re.Match[str], ctx: _Context) -> _Result:
    period = _continuous_period(match, ctx)
    occurrences = () if period is None else (Occurrence(period.start, period.end),)
    return DeadlineKind.CONTINUOUS, occurrences


def _rule_during_unit(match: re.Match[str], ctx: _Context) -> _Result:
    """«В течение квартала» in a plan of a quarter (a month's, a half-year's): the plan's
    span; in a longer plan which quarter is not said. «В течение недели» in a plan of a week
    («с 17 по 21 февраля»), alike."""
    period = ctx.require()
    if match["unit"] == "нед":
        if (period.end - period.start).days >= 7:
            raise _Unreadable
        return DeadlineKind.CONTINUOUS, (Occurrence(period.start, period.end),)
    months = _STEP[match["unit"]]
    span = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
    # a month's plan may run across two («с 27 января по 24 февраля»): its days say so
    a_month = months == 1 and (period.end - period.start).days < 31
    if span > months and not a_month:
        raise _Unreadable
    return DeadlineKind.CONTINUOUS, (Occurrence(period.start, period.end),)


def _continuous_period(match: re.Match[str], ctx: _Context) -> Period | None:
    """The span of a continuous phrase: its own years, else the period (None without one)."""
    groups = match.groupdict()
    if groups.get("year"):
        return calendar_year(_year(groups["year"]))
    if groups.get("first"):
        return _years(groups["first"], groups["last"], groups["what"])
    return ctx.period


def _years(first_digits: str, last_digits: str, what: str | None) -> Period:
    """A school year or several calendar years, by the word after them (``what``).

    «2022-2023 учебного года» (or «… год»: one year over two) is a school year; «2021-2023 гг.»
    are calendar years; «2021-2022» alone may be either, so it is unreadable.
    """
    first, last = _year(first_digits), _year(last_digits)
    school = what == "уч" or (what == "год" and last == first + 1)
    if school and last == first + 1:
        return academic_year(first)
    if school or last < first or (what is None and last == first + 1):
        raise _Unreadable
    return Period(date(first, 1, 1), date(last, 12, 31))


def _rule_end_of(match: re.Match[str], ctx: _Context) -> _Result:
    if match["year"]:
        due = date(_year(match["year"]), 12, 31)
    elif match["first"]:
        due = _years(match["first"], match["last"], "уч").end
    elif match["what"] == "уч год":
        due = date(ctx.day_year(8, 31), 8, 31)  # the school year ends on 31 August
    elif match["what"] == "год":
        due = date(ctx.day_year(12, 31), 12, 31)
    else:
        due = ctx.require().end
    return DeadlineKind.DATE, (Occurrence(None, due),)


def _rule_date(match: re.Match[str], ctx: _Context) -> _Result:
    return DeadlineKind.DATE, (_point(match["point"]).occurrence(ctx),)


def _rule_range(match: re.Match[str], ctx: _Context) -> _Result:
    last = _point(match["last"])
    first = _point(match["first"], month_of=last)
    return DeadlineKind.RANGE, (_between(first, last, ctx),)


def _rule_month(match: re.Match[str], ctx: _Context) -> _Result:
    span = _month_span(int(match["month"]), match["year"])
    return DeadlineKind.MONTH, (span.occurrence(ctx),)


def _rule_before_month(match: re.Match[str], ctx: _Context) -> _Result:
    """«До апреля»: due the last day before that month begins (31 March)."""
    month = _month_span(int(match["month"]), match["year"]).occurrence(ctx)
    return DeadlineKind.DATE, (Occurrence(None, month.due.replace(day=1) - timedelta(days=1)),)


# School terms as (first month, last month); III and IV fall in the school year's second year.
_TERMS = ((9, 10), (11, 12), (1, 3), (4, 5))


def _term(number: int, first_year: int) -> Occurrence:
    first, last = _TERMS[number - 1]
    year = first_year if first >= 9 else first_year + 1
    return Occurrence(date(year, first, 1), _last_day(year, last))


def _rule_each_term(match: re.Match[str], ctx: _Context) -> _Result:
    """«1 раз в четверть», «по итогам четверти»: due when each school term ends."""
    if ctx.period is None:
        return DeadlineKind.RECURRING, ()
    period = ctx.period
    if period.end.year - period.start.year > _MAX_YEARS:
        raise _Unreadable
    found = [
        term
        for year in range(period.start.year - 1, period.end.year + 1)
        for number in (1, 2, 3, 4)
        if period.start <= (term := _term(number, year)).due <= period.end
    ]
    return DeadlineKind.RECURRING, tuple(found)


def _rule_term(match: re.Match[str], ctx: _Context) -> _Result:
    """«I четверть», «в III четверти»: the first such term that ends inside the period."""
    period = ctx.require()
    number = int(match["number"][1:])
    for year in range(period.start.year - 1, period.end.year + 1):
        if period.start <= (term := _term(number, year)).due <= period.end:
            return DeadlineKind.RANGE, (term,)
    raise _Unreadable


def _rule_school_part(match: re.Match[str], ctx: _Context) -> _Result:
    """«1 полугодие 2009-2010 уч. года», «II четверть 2023/2024 учебного года»: that half
    (September–December, January–June) or term of the school year named."""
    number, first_year = int(match["number"][1:]), int(match["first"])
    if int(match["last"]) != first_year + 1:
        raise _Unreadable
    if match["unit"] == "чтв":
        if not 1 <= number <= 4:
            raise _Unreadable
        return DeadlineKind.RANGE, (_term(number, first_year),)
    if number not in (1, 2):
        raise _Unreadable
    span = _Span(9, 12, None, first_year) if number == 1 else _Span(1, 6, None, first_year + 1)
    return DeadlineKind.HALF_YEAR, (span.occurrence(ctx),)


def _rule_block(match: re.Match[str], ctx: _Context) -> _Result:
    months = 3 if match["unit"] == "кв" else 6
    kind = DeadlineKind.QUARTER if months == 3 else DeadlineKind.HALF_YEAR
    first_year = match.groupdict().get("first_year")
    school = (
        months == 6
        and ctx.period is not None
        and ctx.period.is_academic
        and not (match["year"] or first_year)
    )
    last = _block(match["last"] or match["first"], months, match["year"], school=school)
    if not match["last"]:
        return kind, (last.occurrence(ctx),)
    first = _block(match["first"], months, first_year, school=school)
    return kind, (_between(first, last, ctx),)


_MAX_WEEKLY_DAYS = 3 * 366  # «каждый понедельник» over a longer period is not a plan's schedule


def _rule_weekly(match: re.Match[str], ctx: _Context) -> _Result:
    """«Каждый понедельник»: every such weekday of the period, each due that day."""
    return _weekdays(int(match["weekday"]), ctx)


def _rule_every_week(match: re.Match[str], ctx: _Context) -> _Result:
    """«Еженедельно», «раз в неделю»: every week of the period, each due on its last day (its
    Sunday), as a month is due on its last day."""
    return _weekdays(6, ctx)


def _rule_weekday(match: re.Match[str], ctx: _Context) -> _Result:
    """«Понедельник» alone, in a plan for one week («с 23 по 28 января 2017 года»): that day
    of the week. In a longer period a weekday alone names no one day: unreadable."""
    period = ctx.require()
    if (period.end - period.start).days >= 7:
        raise _Unreadable
    weekday = int(match["weekday"])
    day = period.start + timedelta(days=(weekday - period.start.weekday()) % 7)
    if day > period.end:
        raise _Unreadable
    return DeadlineKind.DATE, (Occurrence(None, day),)


def _weekdays(weekday: int, ctx: _Context) -> _Result:
    if ctx.period is None:
        return DeadlineKind.RECURRING, ()
    period = ctx.period
    if (period.end - period.start).days > _MAX_WEEKLY_DAYS:
        raise _Unreadable
    first = period.start + timedelta(days=(weekday - period.start.weekday()) % 7)
    days = (period.end - first).days // 7 + 1 if first <= period.end else 0
    return DeadlineKind.RECURRING, tuple(
        Occurrence(None, first + timedelta(weeks=n)) for n in range(days)
    )


# «С 01.09.2023», «начиная с 15 октября»: from that day on (alone, or a repeated task's start)
_FROM = r"(?:начиная )?с (?P<point>D\d+\.\d+(?:\.\d+)?|N\d+ M\d+(?: Y\d+)?)"
_RE_FROM = re.compile(_FROM)


def _rule_from(match: re.Match[str], ctx: _Context) -> _Result:
    """«С 01.09.2023», «начиная с 15 октября»: from that day to the end of the period."""
    start = _point(match["point"]).occurrence(ctx).due
    end = ctx.require().end
    if end < start:
        raise _Unreadable
    return DeadlineKind.RANGE, (Occurrence(start, end),)


def _rule_part_of_month(match: re.Match[str], ctx: _Context) -> _Result:
    """«Первая неделя сентября» (days 1–7), «III декада апреля» (21 – the month's end)."""
    month = int(match["month"])
    year = _year(match["year"]) if match["year"] else ctx.month_year(month)
    last_day = calendar.monthrange(year, month)[1]
    size = 7 if match["unit"] == "нед" else 10
    count = 5 if size == 7 else 3
    if match["number"] == "посл":
        first, last = last_day - size + 1, last_day
    else:
        number = int(match["number"][1:])
        if not 1 <= number <= count:
            raise _Unreadable
        first = (number - 1) * size + 1
        last = last_day if number == count else min(number * size, last_day)
        if first > last_day:
            raise _Unreadable
    return DeadlineKind.RANGE, (Occurrence(date(year, month, first), date(year, month, last)),)


def _each_month(ctx: _Context, due_in: Callable[[int, int], date | None]) -> _Result:
    """One occurrence in every month of the period, on the day ``due_in(year, month)`` gives
    (None: none that month)."""
    if ctx.period is None:
        return DeadlineKind.RECURRING, ()
    period = ctx.period
    if period.end.year - period.start.year > _MAX_YEARS:
        raise _Unreadable
    occurrences = []
    for year in range(period.start.year, period.end.year + 1):
        for month in range(1, 13):
            due = due_in(year, month)
            if due is not None and period.start <= due <= period.end:
                occurrences.append(Occurrence(None, due))
    return DeadlineKind.RECURRING, tuple(occurrences)


def _rule_monthly_by_day(match: re.Match[str], ctx: _Context) -> _Result:
    """«Ежемесячно до 5 числа»: every month of the period, due that day of the month."""
    day = int(match["day"])
    if not 1 <= day <= 31:
        raise _Unreadable
    return _each_month(
        ctx, lambda year, month: date(year, month, min(day, calendar.monthrange(year, month)[1]))
    )


def _rule_quarterly_by_day(match: re.Match[str], ctx: _Context) -> _Result:
    """«Ежеквартально до 10 числа (месяца, следующего за отчетным кварталом)»: that day of the
    month after each quarter — January, April, July, October."""
    day = int(match["day"])
    if not 1 <= day <= 28:
        raise _Unreadable
    return _each_month(ctx, lambda year, month: date(year, month, day) if month % 3 == 1 else None)


def _nth_weekday(match: re.Match[str]) -> Callable[[int, int], date | None]:
    """The day of a month the match names: «2-я суббота» (None in a month without a fifth
    Friday), «последнее воскресенье»."""
    weekday = int(match["weekday"])
    last = match["number"] == "посл"
    number = 0 if last else int(match["number"][1:])
    if not last and not 1 <= number <= 5:
        raise _Unreadable

    def due_in(year: int, month: int) -> date | None:
        first = date(year, month, 1)
        first += timedelta(days=(weekday - first.weekday()) % 7)
        if last:
            return first + timedelta(weeks=(calendar.monthrange(year, month)[1] - first.day) // 7)
        due = first + timedelta(weeks=number - 1)
        return due if due.month == month else None

    return due_in


def _rule_weekday_of_month(match: re.Match[str], ctx: _Context) -> _Result:
    """«2-я суббота месяца», «каждый первый понедельник месяца», «в последнюю пятницу месяца»:
    that weekday of every month of the period."""
    return _each_month(ctx, _nth_weekday(match))


def _rule_weekday_in_month(match: re.Match[str], ctx: _Context) -> _Result:
    """«Последнее воскресенье ноября» (День матери), «в третье воскресенье октября 2024 г.»."""
    month = int(match["month"])
    year = _year(match["year"]) if match["year"] else ctx.month_year(month)
    due = _nth_weekday(match)(year, month)
    if due is None:
        raise _Unreadable
    return DeadlineKind.DATE, (Occurrence(None, due),)


def _rule_after_each(match: re.Match[str], ctx: _Context) -> _Result:
    """«По итогам полугодия» (of each one): due when each half (quarter, month) ends."""
    step = _STEP[match["unit"]]
    if ctx.period is None:
        return DeadlineKind.RECURRING, ()
    return DeadlineKind.RECURRING, _every(ctx.period, step)


def _rules() -> tuple[tuple[re.Pattern[str], _Rule], ...]:
    year = r"Y(?P<year>\d+)"
    years = r"Y(?P<first>\d+) (?:-|по) Y(?P<last>\d+)(?: (?P<what>уч|год|гг))?"
    point = r"D\d+\.\d+(?:\.\d+)?|N\d+(?: M\d+(?: Y\d+)?)?|M\d+(?: Y\d+)?"
    numeral = r"[NRO]\d+"
    around = r"(?:(?:в|на|втеч|конец|начало|середина) )?"  # «в марте», «до конца мая», …
    table: tuple[tuple[str, _Rule], ...] = (
        (_REPEAT, _rule_repeat),
        (
            r"(?:втеч )?(?:весь )?(?:текущ )?(?:уч )?(?:год|период|срок)|постоянно",
            _rule_continuous,
        ),
        (rf"(?:(?:втеч|в|на) )?(?:весь )?(?:текущ )?{year}(?: гг)?", _rule_continuous),
        (r"втеч (?:весь |всей )?(?:текущ )?(?P<unit>мес|кв|пг|нед)", _rule_during_unit),
        (rf"(?:(?:втеч|в|на|с) )?(?:весь )?{years}", _rule_continuous),
        (
            rf"конец (?:(?:текущ )?(?P<what>уч год|год|период|срок)|{year}"
            r"|Y(?P<first>\d+) - Y(?P<last>\d+) (?:уч|год))",
            _rule_end_of,
        ),
        (r"(?:(?:до|по|в|на) )?(?P<point>D\d+\.\d+(?:\.\d+)?|N\d+ M\d+(?: Y\d+)?)", _rule_date),
        # «с 4.09. – по 20.09.»: a dash and «по» both
        (
            rf"(?:(?:с|втеч|в) )?(?P<first>{point}) (?:- )?(?:-|по|до) (?P<last>{point})",
            _rule_range,
        ),
        (
            rf"{around}(?P<number>{numeral}) (?P<unit>пг|чтв)"
            r" Y(?P<first>\d+) (?:-|/) Y(?P<last>\d+)(?: уч(?: год)?| год)?",
            _rule_school_part,
        ),
        (
            rf"{around}(?P<first>{numeral})(?: - (?P<last>{numeral}))? (?P<unit>кв|пг)"
            rf"(?: {year})?",
            _rule_block,
        ),
        (
            rf"{around}(?:с )?(?P<first>{numeral}) (?P<unit>кв|пг)(?: Y(?P<first_year>\d+))?"
            rf" (?:-|по) (?P<last>{numeral}) (?P=unit)(?: {year})?",
            _rule_block,
        ),
        (rf"{around}M(?P<month>\d+)(?: {year})?", _rule_month),
        (rf"до M(?P<month>\d+)(?: {year})?", _rule_before_month),
        (r"(?:кажд|по) W(?P<weekday>\d)", _rule_weekly),
        (r"(?:в )?W(?P<weekday>\d)", _rule_weekday),
        (r"ежнед|(?:N1 )?раз в нед|(?:в )?кажд нед", _rule_every_week),
        (r"ежечтв|(?:N1 )?раз в чтв|по итог чтв|(?:конец )?кажд чтв", _rule_each_term),
        (rf"(?:по итог )?{around}(?P<number>[NRO][1-4]) чтв", _rule_term),
        (
            r"(?:(?:в|кажд|по) )?(?:кажд )?(?P<number>[NO][1-5]|посл) W(?P<weekday>\d)"
            r" (?:кажд )?мес",
            _rule_weekday_of_month,
        ),
        (
            rf"(?:(?:в|до|на) )?(?P<number>[NO][1-5]|посл) W(?P<weekday>\d) M(?P<month>\d+)"
            rf"(?: {year})?",
            _rule_weekday_in_month,
        ),
        (r"ежемес до N(?P<day>\d+) числ", _rule_monthly_by_day),
        (r"до N(?P<day>\d+) числ ежемес", _rule_monthly_by_day),  # «… числа каждого месяца»
        (r"ежекв до N(?P<day>\d+) числ", _rule_quarterly_by_day),
        (_FROM, _rule_from),
        (
            r"(?:(?:в|на|втеч) )?(?P<number>[NRO]\d+|посл) (?P<unit>нед|дкд)"
            rf" M(?P<month>\d+)(?: {year})?",
            _rule_part_of_month,
        ),
        (r"по итог (?P<unit>мес|кв|пг|год)", _rule_after_each),
        (
            rf"по итог (?P<first>{numeral})(?: - (?P<last>{numeral}))? (?P<unit>кв|пг)"
            rf"(?: {year})?",
            _rule_block,
        ),
    )
    return tuple((re.compile(pattern), rule) for pattern, rule in table)


_RULES = _rules()


def _read_part(text: str, ctx: _Context) -> _Result:
    for pattern, rule in _RULES:
        if match := pattern.fullmatch(text):
            return rule(match, ctx)
    raise _Unreadable


def _continuous_match(text: str) -> re.Match[str] | None:
    for pattern, rule in _RULES:
        if rule is _rule_continuous and (match := pattern.fullmatch(text)):
            return match
    return None


# --- whole phrases: a repeat with its scope or its month, and lists of parts ----------------------

_REPEAT_IN_SCOPE = re.compile(rf"(?P<repeat>{_REPEAT_ANY})(?: ,| \()? (?P<scope>[^()]+?)(?: \))?")
_SCOPE_THEN_REPEAT = re.compile(
    rf"(?P<scope>[^(),]+?)(?: ,| \()? (?P<repeat>{_REPEAT_ANY})(?: \))?"
)
# «ежегодно (май)», and «2 раза в год (октябрь, апрель)», «ежеквартально: март, июнь, …»
_YEARLY_AT = re.compile(
    r"(?:ежегод|ежепг|ежекв|(?:N\d )?раз в (?:год|пг|кв))(?: ,| \(| -)? (?P<when>[^()]+?)(?: \))?"
    r"|(?P<before>[^()]+?)(?: ,| -)? ежегод"  # «май ежегодно», «апрель – май ежегодно»
)
_ONE_YEAR_KINDS = frozenset(
    {
        DeadlineKind.DATE,
        DeadlineKind.MONTH,
        DeadlineKind.RANGE,
        DeadlineKind.QUARTER,
        DeadlineKind.HALF_YEAR,
    }
)


def _read_repeat_in_scope(text: str, ctx: _Context) -> _Result | None:
    """«Ежеквартально в течение 2022 года», «в течение года (ежемесячно)»; «ежемесячно
    начиная с 1 ноября 2009 г.»: from that day to the end of the period."""
    match = _REPEAT_IN_SCOPE.fullmatch(text) or _SCOPE_THEN_REPEAT.fullmatch(text)
    if match is None:
        return None
    step = _step(match["repeat"])
    if start := _RE_FROM.fullmatch(match["scope"]):
        if ctx.period is None:
            return DeadlineKind.RECURRING, ()
        _, (span,) = _rule_from(start, ctx)
        assert span.start is not None
        return DeadlineKind.RECURRING, _every(Period(span.start, span.due), step)
    if (scope := _continuous_match(match["scope"])) is None:
        return None
    period = _continuous_period(scope, ctx)
    return DeadlineKind.RECURRING, () if period is None else _every(period, step)


def _read_yearly_at(text: str, ctx: _Context) -> _Result | None:
    """«Ежегодно (май)», «ежегодно до 1 марта»: that month or day in every year of the period;
    «2 раза в год (октябрь, апрель)»: the months named, in every year."""
    match = _YEARLY_AT.fullmatch(text)
    if match is None or "Y" in (match["when"] or match["before"]):
        return None
    when = (match["when"] or match["before"]).split()
    if when[-1] == "числ":
        return None  # «ежеквартально до 10 числа»: a day of the month, not of the year
    # Read once in a leap year to reject what no year can hold, before any context is needed.
    kind, _ = _read_list(when, _Context(calendar_year(2000)))
    if kind not in _ONE_YEAR_KINDS:
        return None
    if ctx.period is None:
        return DeadlineKind.RECURRING, ()
    period = ctx.period
    if period.end.year - period.start.year > _MAX_YEARS:
        raise _Unreadable
    found: list[Occurrence] = []
    for year in range(period.start.year, period.end.year + 1):
        try:
            _, occurrences = _read_list(when, _Context(calendar_year(year)))
        except (_Unreadable, ValueError):
            continue  # «ежегодно до 29 февраля» skips the years without one
        found += [o for o in occurrences if period.start <= o.due <= period.end]
    return DeadlineKind.RECURRING, _sorted(found)


_WHOLE = (_read_repeat_in_scope, _read_yearly_at)
_NUMERAL = re.compile(r"[NRO]\d+|-")
_LEADING = frozenset({"в", "на", "втеч", "с", "до", "по", "конец"})


def _is_unit(token: str) -> bool:
    return token in ("кв", "пг") or token.startswith("M")


def _fill_ellipses(parts: list[list[str]]) -> list[list[str]]:
    """Give elided words back to list items, reading from the right.

    «I, II квартал 2022» → «I квартал 2022», «II квартал 2022»; «1 и 15 марта» → «1 марта»,
    «15 марта»; «март и сентябрь 2022» → «март 2022», «сентябрь 2022»; «3, 4 неделя
    октября» → «3 неделя октября», «4 неделя октября».
    """
    filled: list[list[str]] = []
    unit: list[str] = []
    year: list[str] = []
    for part in reversed(parts):
        core = [token for token in part if token not in _LEADING]
        if core and unit and all(_NUMERAL.fullmatch(token) for token in core):
            part = part + unit + year
        elif year and _is_unit(part[-1]) and not any(map(_is_year, part)):
            part = part + year
        week = [token for token in part if token not in _LEADING]
        if len(week) in (3, 4) and week[1] in ("нед", "дкд") and _MONTH.fullmatch(week[2]):
            # «3, 4 неделя октября»: the elided «3» is the third week of October too
            unit, year = week[1:3], week[3:]
        elif len(part) > 1 and _is_year(part[-1]) and _is_unit(part[-2]):
            unit, year = [part[-2]], [part[-1]]
        elif _is_unit(part[-1]):
            unit, year = [part[-1]], []
        else:
            unit, year = [], []
        filled.append(part)
    return filled[::-1]


def _months_apart(part: list[str]) -> list[list[str]]:
    """«Сентябрь январь май» (a cell's lines run together): one part for each month."""
    months = part[:-1] if _is_year(part[-1]) else part
    if len(months) < 2 or not all(_MONTH.fullmatch(token) for token in months):
        return [part]
    pieces = [[month] for month in months]
    pieces[-1] += part[len(months) :]
    return pieces


_MONTH = re.compile(r"M\d+")


def _sorted(occurrences: list[Occurrence]) -> tuple[Occurrence, ...]:
    return tuple(sorted(set(occurrences), key=lambda o: (o.due, o.start or date.min)))


def _read_list(tokens: list[str], ctx: _Context) -> _Result:
    """Several phrases: every part must be read; the first part's kind names the whole."""
    text = " ".join(tokens)
    for whole in _WHOLE:
        if (result := whole(text, ctx)) is not None:
            return result
    parts: list[list[str]] = [[]]
    for token in tokens:
        if token in _SEPARATORS:
            parts.append([])
        else:
            parts[-1].append(token)
    parts = [piece for part in parts if part for piece in _months_apart(part)]
    if not parts:
        raise _Unreadable
    results = [_read_part(" ".join(part), ctx) for part in _fill_ellipses(parts)]
    return results[0][0], _sorted([o for _, found in results for o in found])


# Where the dates are set elsewhere: the rest of the phrase names that schedule or document.
_ELSEWHERE = re.compile(
    r"(?:^| )(?:по (?:отдельн|график|план|распис|соглас|запрос|заявк|требован|необх|решени"
    r"|приглаш)|по мере|при необх|в соотв|согласно|в сроки|(?:в )?установлен"
    r"|(?:на|в ходе) заседани)(?= |$)"
)


def _read(normal: str, ctx: _Context, *, newline_separates: bool) -> _Result:
    text = _canonical(_tokens(normal, newline_separates=newline_separates))
    elsewhere = _ELSEWHERE.search(text)
    if elsewhere is None:
        return _read_list(text.split(), ctx)
    # «до 01.05.2022 (по согласованию)»: dates written before the remark still count.
    before = text[: elsewhere.start()].split()
    while before and (before[-1] in _SEPARATORS or before[-1] in ("-", "в")):
        before.pop()
    if not before:
        return DeadlineKind.UNSCHEDULED, ()
    return _read_list(before, ctx)


# --- public API -----------------------------------------------------------------------------------


def parse_deadline(
    text: str, period: Period | None = None, *, reference: date | None = None
) -> Deadline:
    """Read a deadline phrase of a plan or protocol; never raises, never guesses.

    ``period`` is the document's period. Without one, ``reference`` (a protocol's date) opens a
    window from that day to the day before its anniversary. A month, date, quarter or half-year
    without a year takes the first year whose occurrence ends inside that period.

    With neither period nor reference, a phrase that needs a year and has none is
    ``UNRECOGNIZED``, exactly as an unreadable one: a month without its year is not a schedule,
    and the coordinator must be asked for the dates. Recurring and continuous phrases keep their
    kind there, with no occurrences. A phrase carrying its own year is read in any context.

    Pure, and the result is immutable: a plan repeats its phrases («В течение года»), so the
    last few thousand readings are kept.
    """
    return _parse_deadline(text, period, reference)


def needs_year(deadline: Deadline) -> bool:
    """Whether an undated phrase would be read in a period («Июнь», «до 25 мая»,
    «Ежемесячно» in a plan that names none): it lacks a year, not sense, and the coordinator's
    period is the answer, not a date typed for each item."""
    if deadline.is_dated or deadline.kind is DeadlineKind.UNSCHEDULED:
        return False
    return any(
        _parse_deadline(deadline.text, period, None).is_dated
        for period in (calendar_year(2000), academic_year(2000))
    )


@lru_cache(maxsize=4096)
def _parse_deadline(text: str, period: Period | None, reference: date | None) -> Deadline:
    normal = _normalise(text)
    if not normal or len(normal) > _MAX_PHRASE:
        return Deadline(text, DeadlineKind.UNRECOGNIZED)
    ctx = _context(period, reference)
    yearly = _THEN_YEARLY.fullmatch(normal)
    if yearly:
        normal = yearly["first"]
    # A line break inside a cell is usually just wrapping; if the phrase cannot be read that
    # way, the lines may be a list («май\nноябрь»).
    for newline_separates in (False, True)[: 2 if "\n" in normal else 1]:
        try:
            kind, occurrences = _read(normal, ctx, newline_separates=newline_separates)
        except (_Unreadable, ValueError, OverflowError):
            continue
        if yearly:
            if not occurrences or kind in (DeadlineKind.UNSCHEDULED, DeadlineKind.RECURRING):
                break
            return Deadline(text, DeadlineKind.RECURRING, _then_yearly(occurrences, ctx))
        return Deadline(text, kind, occurrences)
    if "\n" in normal and (dated := _without_labels(normal)) and dated != normal:
        # «Педсовет⏎август 2017 г.»: a line of words the parser does not know labels the
        # date under it (the meeting it is due at); the date is read alone.
        found = _parse_deadline(dated, period, reference)
        if found.kind is not DeadlineKind.UNRECOGNIZED:
            return Deadline(text, found.kind, found.occurrences)
    if (remark := _TRAILING_REMARK.search(normal)) and remark.start() > 0:
        # «2-6 марта 2020 г.⏎(в любой день указанного периода …)»: a remark in brackets after
        # the days says how, not when
        found = _parse_deadline(normal[: remark.start()], period, reference)
        if found.is_dated and found.kind in _DAYS_AND_SPANS:
            return Deadline(text, found.kind, found.occurrences)
        said = _parse_deadline(remark.group().strip(" ()"), period, reference)
        if found.kind in _EVERY_OR_THROUGH and said.kind is DeadlineKind.UNRECOGNIZED:
            # «Ежеквартально⏎(до ликвидации АЧС на территории …)»: a condition, not a time
            return Deadline(text, found.kind, found.occurrences)
    if (bracket := _TRAILING_BRACKET.search(normal)) and bracket.start() > 0:
        # «ежемесячно (до 5 числа)»: the bracket's day is the repeat's own
        found = _parse_deadline(
            f"{normal[: bracket.start()]} {bracket['inner']}", period, reference
        )
        if found.kind is DeadlineKind.RECURRING:
            return Deadline(text, found.kind, found.occurrences)
    remarks = _INNER_REMARK.findall(normal)
    if remarks and all(
        _AS_OF.match(r.strip(" ("))
        or _parse_deadline(r.strip(" ()"), period, reference).kind is DeadlineKind.UNRECOGNIZED
        for r in remarks
    ):
        # «до 31 января 2024 года (ранняя) до 28 февраля 2024 года (обычная)»: a word in
        # brackets after each day names which one it is; the days are read as a list
        found = _parse_deadline(_INNER_REMARK.sub(",", normal).strip(" ,"), period, reference)
        if found.is_dated and found.kind in _DAYS_AND_SPANS:
            return Deadline(text, found.kind, found.occurrences)
    if ";" in normal:
        # «01.02.2021 – 11.02.2021 классный тур; 15.02.2021 – 25.02.2021 школьный тур»: each
        # span named after it, the names read as no time
        named = [part.strip() for part in normal.split(";") if part.strip()]
        parts = [_TRAILING_WORDS.sub("", part).strip() for part in named]
        if len(parts) >= 2 and all(parts) and all(_TRAILING_WORDS.search(p) for p in named):
            found = _parse_deadline(", ".join(parts), period, reference)
            if found.is_dated and found.kind in _DAYS_AND_SPANS:
                return Deadline(text, found.kind, found.occurrences)
    labelled = text.lstrip()[:1].isupper()  # a label starts the cell: «Педсовет …»
    if "\n" not in normal and labelled and (rest := _without_label_word(normal)):
        # «Педсовет август 2017 г.»: the same label on the date's line (a PDF's cell).
        found = _parse_deadline(rest, period, reference)
        if found.is_dated and found.kind in _DAYS_AND_SPANS:
            return Deadline(text, found.kind, found.occurrences)
    return Deadline(text, DeadlineKind.UNRECOGNIZED)


# A remark in brackets closing a phrase, with no digits (no day or year of its own).
_TRAILING_REMARK = re.compile(r"\s*\([^()\d]*\)[\s.;,]*$")
_TRAILING_BRACKET = re.compile(r"\s*\((?P<inner>[^()]*)\)[\s.;,]*$")  # «… числа).»
# A word or two in lowercase after a part's last digit: «… 11.02.2021 классный тур».
_TRAILING_WORDS = re.compile(r"(?<=\d)\.?\s+(?:[а-яё]{3,}\.?\s?){1,2}$")
# A word or two in brackets, no digits, inside a phrase: «(ранняя)», «(обычная)».
# «(по состоянию на 1 января текущего года)»: the day a report counts up to, not its due day.
_INNER_REMARK = re.compile(r"\s*\((?:(?:[^()\d\s]+\s?){1,2}|по состоянию на [^()]*)\)\s*")
_AS_OF = re.compile(r"по состоянию на\b")
_EVERY_OR_THROUGH = frozenset({DeadlineKind.RECURRING, DeadlineKind.CONTINUOUS})
_DAYS_AND_SPANS = frozenset(
    {
        DeadlineKind.DATE,
        DeadlineKind.MONTH,
        DeadlineKind.RANGE,
        DeadlineKind.QUARTER,
        DeadlineKind.HALF_YEAR,
    }
)


def _without_label_word(normal: str) -> str | None:
    """The phrase less a first word the parser does not know, when the rest names a day or a
    year in digits («педсовет август 2017 г.» → «август 2017 г.»); else None."""
    first, _, rest = normal.partition(" ")
    if not rest or not any(ch.isdigit() for ch in rest):
        return None
    if _tokens(first, newline_separates=False) != ["?"]:
        return None
    second = rest.partition(" ")[0]
    if _tokens(second, newline_separates=False) in ([], ["?"]):
        return None  # one word only: «Учреждения дополнительного образования 10 - 12 июня»
    return rest


def _without_labels(normal: str) -> str:
    """The lines of a phrase less those made only of unknown words."""
    kept = [
        line
        for line in normal.split("\n")
        if any(token != "?" for token in _tokens(line, newline_separates=False))
    ]
    return "\n".join(kept)


# «Сентябрь - декабрь 2025 года, далее - ежегодно»: the first dates, then the same every year.
_THEN_YEARLY = re.compile(
    r"(?:начиная со? )?(?P<first>.+?) ?,? ?(?:и )?(?:далее|в дальнейшем) ?-? ?ежегодно\.?"
)


def _shift(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _then_yearly(first: tuple[Occurrence, ...], ctx: _Context) -> tuple[Occurrence, ...]:
    """The first occurrences and their copies a year, two years … later, within the period."""
    if ctx.period is None:
        return first
    last = max(o.due for o in first)
    years = ctx.period.end.year - last.year
    if years > _MAX_YEARS:
        raise _Unreadable
    found = list(first)
    for offset in range(1, years + 1):
        for o in first:
            due = _shift(o.due, offset)
            if due <= ctx.period.end:
                start = _shift(o.start, offset) if o.start else None
                found.append(Occurrence(start, due))
    return tuple(found)


_PERIODS = re.compile(
    r"(?:^| )(?:на (?:весь )?(?P<part>[NRO]\d+) (?P<unit>кв|пг)"
    r" (?:Y(?P<part_first>\d+) - Y(?P<part_last>\d+) (?:уч|год)|Y(?P<part_year>\d+))"
    r"|на M(?P<month>\d+) Y(?P<month_year>\d+)"
    # «на лето 2024 года», «на летне-оздоровительный период 2024 года», «на июнь – август 2022
    # г.», «на период летних каникул 2023 года»: those months
    r"|на (?:период )?M(?P<span_first>\d+) - M(?P<span_last>\d+)(?: -)?(?: \?){0,2}"
    r"(?: (?:период|каникулы))? Y(?P<span_year>\d+)"
    r"|(?:на )?Y(?P<first>\d+) - Y(?P<last>\d+) (?P<what>уч|год|гг)"
    r"|уч (?:год )?Y(?P<school_first>\d+) - Y(?P<school_last>\d+)"
    r"|на Y(?P<from>\d+) - Y(?P<to>\d+)"
    r"|(?:на|в) Y(?P<year>\d+)(?! -))(?= |$)"
)


def _part_period(match: re.Match[str]) -> Period:
    """«на I полугодие 2023 года», «на 1 квартал 2024 г.», «на первое полугодие 2023/2024
    учебного года» (September–December), «на сентябрь 2023 г.»."""
    if match["month"]:
        month, year = int(match["month"]), _year(match["month_year"])
        return Period(date(year, month, 1), _last_day(year, month))
    if match["span_first"]:
        first, last = int(match["span_first"]), int(match["span_last"])
        if last < first:
            raise _Unreadable  # «на зимний период 2024 года»: which December is not said
        year = _year(match["span_year"])
        return Period(date(year, first, 1), _last_day(year, last))
    months = 3 if match["unit"] == "кв" else 6
    if match["part_first"]:
        school = _years(match["part_first"], match["part_last"], "уч")
        span = _block(match["part"], months, None, school=months == 6)
        if months == 3:
            raise _Unreadable  # a quarter of a school year: which one is not said
        year = school.start.year if span.first_month >= 9 else school.end.year
    else:
        span = _block(match["part"], months, match["part_year"], school=False)
        year = _year(match["part_year"])
    return Period(date(year, span.first_month, 1), _last_day(year, span.last_month))


# «… Победы в Великой Отечественной войне 1941-1945 годов»: the years of a war are no period.
_NOT_A_PERIOD = re.compile(
    r"(?:войн\w*|вов)\s*\(?\s*19\d\d\s*-\s*19\d\d(?:\s*(?:годов|гг?\b\.?))?\s*\)?"
)


def parse_period(text: str) -> Period | None:
    """The period of a plan from its title or heading; None when it names none.

    «на 2021 год», «в 2025 году» → calendar 2021; «на 2021 – 2022 учебный год», «2022/23 уч. г.»,
    «2022-2023 учебного года» → that school year (1 September – 31 August); «на 2021-2023 годы» →
    those calendar years; «на I полугодие 2023 года», «на 1 квартал 2024 г.», «на сентябрь 2023 г.»
    → that half, quarter or month (a school year's halves: September–December, January–June);
    «с 23 января по 28 января 2017 года», «5-9 сентября 2022 г.» → those days (a week's plan).
    """
    normal = _NOT_A_PERIOD.sub(" ", _normalise(text)[:_MAX_TITLE])
    tokens = _tokens(normal, newline_separates=True)
    found: Period | None = None
    for match in _PERIODS.finditer(" ".join(tokens)):
        try:
            period = _title_period(match)
        except _Unreadable:
            continue
        if found is None:
            found = period
        elif found.start <= period.start and period.end <= found.end and period != found:
            # «… Программы сотрудничества на 2020 - 2025 годы на 2023/2024 учебный год»: the
            # plan's own year inside the programme's years
            return period
        else:
            return found
    return found or _days_period(" ".join(tokens))


def _title_period(match: re.Match[str]) -> Period:
    if match["part"] or match["month"] or match["span_first"]:
        return _part_period(match)
    if match["year"]:
        return calendar_year(_year(match["year"]))
    if match["school_first"]:
        return _years(match["school_first"], match["school_last"], "уч")
    if match["from"]:
        return _years(match["from"], match["to"], None)
    return _years(match["first"], match["last"], match["what"])


# «… в Калужской области до 2025 года», «на период до 2030 г.»: a plan's last year.
_UNTIL_YEAR = re.compile(r"\bдо\s+(?P<year>\d{4})\s*(?:года\b|г\.|г\b|гг)", re.IGNORECASE)


def period_until(text: str, approved: date) -> Period | None:
    """«План мероприятий по реализации концепции … до 2025 года» approved on 08.02.2016: from
    the approval's year to the end of the year named; None when the title names no such year
    or it is before the approval."""
    match = _UNTIL_YEAR.search(text[:_MAX_TITLE])
    if match is None:
        return None
    last = int(match["year"])
    if not approved.year <= last <= min(approved.year + _MAX_YEARS, _LAST_YEAR):
        return None
    return Period(date(approved.year, 1, 1), date(last, 12, 31))


# «с 23 января по 28 января 2017 года», «5-9 сентября 2022 г.», «с 13.02 по 17.02.2023»: the
# days of a week's or a decade's plan, the year written at least at the end.
_DAYS_IN_TITLE = re.compile(
    r"(?:(?<= )|^)(?:с )?(?P<span>(?:D\d+\.\d+(?:\.\d+)?|N\d+(?: M\d+)?(?: Y\d+)?)"
    r" (?:-|по|до) (?:D\d+\.\d+\.\d+|N\d+ M\d+ Y\d+))(?= |$)"
)


def _days_period(text: str) -> Period | None:
    for match in _DAYS_IN_TITLE.finditer(text):
        try:
            _, found = _read_part(match["span"], _Context(None))
        except (_Unreadable, ValueError):
            continue
        if len(found) == 1 and found[0].start is not None:
            return Period(found[0].start, found[0].due)
    return None


_ANSWER_DATES = re.compile(
    r"^(?:с )?(?P<d1>\d{1,2})\.(?P<m1>\d{1,2})\.(?P<y1>\d{4}) ?(?:-|по|\.\.) ?"
    r"(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})$"
)
_ANSWER_ISO = re.compile(r"^(?P<first>\d{4}-\d{2}-\d{2}) ?\.\. ?(?P<last>\d{4}-\d{2}-\d{2})$")
_ANSWER_SCHOOL = re.compile(r"^(?P<first>\d{4}) ?- ?(?P<last>\d{4}|\d{2})(?: уч\w*(?: г\w*)?)?$")
_ANSWER_YEAR = re.compile(r"^(?P<year>\d{4})(?: г\w*)?$")


def parse_period_answer(text: str) -> Period | None:
    """The period a coordinator types for a plan without one: «01.09.2025–31.08.2026»,
    «2024-09-01..2025-08-31», «2025/2026» (a school year), «2026» (a calendar year), or any
    title form («на I полугодие 2026 года»). None when it is not a period."""
    normal = _normalise(text)[:_MAX_TITLE].strip(" .")
    try:
        if match := _ANSWER_DATES.match(normal):
            start = date(_year(match["y1"]), int(match["m1"]), int(match["d1"]))
            end = date(_year(match["y2"]), int(match["m2"]), int(match["d2"]))
        elif match := _ANSWER_ISO.match(normal):
            start, end = date.fromisoformat(match["first"]), date.fromisoformat(match["last"])
        elif match := _ANSWER_SCHOOL.match(normal):
            first = _year(match["first"])
            last = int(match["last"]) + (first // 100 * 100 if len(match["last"]) == 2 else 0)
            if last != first + 1:
                return None
            return academic_year(first)
        elif match := _ANSWER_YEAR.match(normal):
            return calendar_year(_year(match["year"]))
        else:
            return parse_period("на " + normal)
    except (ValueError, _Unreadable):
        return None
    if not (start.year >= _FIRST_YEAR and end.year <= _LAST_YEAR) or end < start:
        return None
    if end.year - start.year > _MAX_YEARS:
        return None
    return Period(start, end)
