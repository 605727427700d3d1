"""Russian deadline phrases → schedules: the rules of issue 3, and phrases beyond its lists."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.deadlines import (
    DeadlineKind,
    Period,
    academic_year,
    calendar_year,
    parse_deadline,
    parse_period,
)

Y21 = calendar_year(2021)
Y22 = calendar_year(2022)
AC21 = academic_year(2021)  # 01.09.2021 – 31.08.2022
D = date
K = DeadlineKind


def _q(year: int, quarter: int) -> tuple[date, date]:
    ends = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
    return D(year, quarter * 3 - 2, 1), D(year, *ends[quarter])


CASES: list[tuple[str, Period | None, DeadlineKind, list[tuple[date | None, date]]]] = [
    # date
    ("до 01.05.2022", Y22, K.DATE, [(None, D(2022, 5, 1))]),
    ("25.12.2022 года", None, K.DATE, [(None, D(2022, 12, 25))]),
    ("к 1 сентября 2022 г.", Y22, K.DATE, [(None, D(2022, 9, 1))]),
    ("не позднее 15 марта 2022", Y22, K.DATE, [(None, D(2022, 3, 15))]),
    ("01.05.22", Y22, K.DATE, [(None, D(2022, 5, 1))]),
    ("1.5.2022", Y22, K.DATE, [(None, D(2022, 5, 1))]),
    ("до 1 марта", Y21, K.DATE, [(None, D(2021, 3, 1))]),
    ("до 20 декабря 2021 г.", Y21, K.DATE, [(None, D(2021, 12, 20))]),
    ("Срок: до 01.12.2022", None, K.DATE, [(None, D(2022, 12, 1))]),
    ("в срок до 10.12.2021", Y21, K.DATE, [(None, D(2021, 12, 10))]),
    ("до 15 мая", AC21, K.DATE, [(None, D(2022, 5, 15))]),
    ("до конца года", Y21, K.DATE, [(None, D(2021, 12, 31))]),
    ("до конца учебного года", AC21, K.DATE, [(None, D(2022, 8, 31))]),
    # month
    ("Январь", Y21, K.MONTH, [(D(2021, 1, 1), D(2021, 1, 31))]),
    ("декабрь 2022 года", AC21, K.MONTH, [(D(2022, 12, 1), D(2022, 12, 31))]),
    ("в марте", AC21, K.MONTH, [(D(2022, 3, 1), D(2022, 3, 31))]),
    ("в октябре", AC21, K.MONTH, [(D(2021, 10, 1), D(2021, 10, 31))]),
    ("март 2022 г.", Y21, K.MONTH, [(D(2022, 3, 1), D(2022, 3, 31))]),
    ("до конца мая", Y21, K.MONTH, [(D(2021, 5, 1), D(2021, 5, 31))]),
    ("Октябрь 2021", None, K.MONTH, [(D(2021, 10, 1), D(2021, 10, 31))]),
    ("февраль", calendar_year(2024), K.MONTH, [(D(2024, 2, 1), D(2024, 2, 29))]),
    ("Сентябрь", Y21, K.MONTH, [(D(2021, 9, 1), D(2021, 9, 30))]),
    ("ДЕКАБРЬ", Y21, K.MONTH, [(D(2021, 12, 1), D(2021, 12, 31))]),
    ("сент. 2021 г.", None, K.MONTH, [(D(2021, 9, 1), D(2021, 9, 30))]),
    # range
    ("Февраль-апрель", Y21, K.RANGE, [(D(2021, 2, 1), D(2021, 4, 30))]),
    ("Январь – апрель 2022 года", AC21, K.RANGE, [(D(2022, 1, 1), D(2022, 4, 30))]),
    ("ноябрь 2021 – май 2022", AC21, K.RANGE, [(D(2021, 11, 1), D(2022, 5, 31))]),
    ("сентябрь-октябрь", AC21, K.RANGE, [(D(2021, 9, 1), D(2021, 10, 31))]),
    ("с февраля по апрель", Y21, K.RANGE, [(D(2021, 2, 1), D(2021, 4, 30))]),
    ("с 01.02.2022 по 15.03.2022", Y22, K.RANGE, [(D(2022, 2, 1), D(2022, 3, 15))]),
    ("ноябрь – февраль", AC21, K.RANGE, [(D(2021, 11, 1), D(2022, 2, 28))]),
    ("Май-сентябрь", Y21, K.RANGE, [(D(2021, 5, 1), D(2021, 9, 30))]),
    ("Март—май", Y21, K.RANGE, [(D(2021, 3, 1), D(2021, 5, 31))]),
    ("апрель-май", AC21, K.RANGE, [(D(2022, 4, 1), D(2022, 5, 31))]),
    ("сентябрь 2021 г. – июнь 2022 г.", None, K.RANGE, [(D(2021, 9, 1), D(2022, 6, 30))]),
    ("октябрь - декабрь 2021 года", None, K.RANGE, [(D(2021, 10, 1), D(2021, 12, 31))]),
    ("01.09.2021-30.06.2022", None, K.RANGE, [(D(2021, 9, 1), D(2022, 6, 30))]),
    # quarter / half-year
    ("I квартал 2022 года", AC21, K.QUARTER, [_q(2022, 1)]),
    ("2 квартал", Y21, K.QUARTER, [_q(2021, 2)]),
    ("III-IV квартал 2022", Y22, K.QUARTER, [(D(2022, 7, 1), D(2022, 12, 31))]),
    ("IV кв. 2021 г.", Y21, K.QUARTER, [_q(2021, 4)]),
    ("в первом квартале", AC21, K.QUARTER, [_q(2022, 1)]),
    ("IV квартал", AC21, K.QUARTER, [_q(2021, 4)]),
    ("1 квартал", Y22, K.QUARTER, [_q(2022, 1)]),
    ("3-й квартал 2021 года", None, K.QUARTER, [_q(2021, 3)]),
    ("2 полугодие", Y21, K.HALF_YEAR, [(D(2021, 7, 1), D(2021, 12, 31))]),
    ("2 полугодие", AC21, K.HALF_YEAR, [(D(2022, 1, 1), D(2022, 6, 30))]),
    ("I полугодие 2022 г.", AC21, K.HALF_YEAR, [(D(2022, 1, 1), D(2022, 6, 30))]),
    ("второе полугодие 2021 года", Y21, K.HALF_YEAR, [(D(2021, 7, 1), D(2021, 12, 31))]),
    ("в 1 полугодии", Y22, K.HALF_YEAR, [(D(2022, 1, 1), D(2022, 6, 30))]),
    # recurring
    ("Ежеквартально", Y21, K.RECURRING, [_q(2021, q) for q in (1, 2, 3, 4)]),
    (
        "1 раз в квартал",
        AC21,
        K.RECURRING,
        # Every quarter whose last day lies in the school year, from its own first day.
        [_q(2021, 3), _q(2021, 4), _q(2022, 1), _q(2022, 2)],
    ),
    (
        "ежемесячно",
        Period(D(2021, 1, 1), D(2021, 3, 31)),
        K.RECURRING,
        [
            (D(2021, 1, 1), D(2021, 1, 31)),
            (D(2021, 2, 1), D(2021, 2, 28)),
            (D(2021, 3, 1), D(2021, 3, 31)),
        ],
    ),
    ("ежегодно", Y21, K.RECURRING, [(D(2021, 1, 1), D(2021, 12, 31))]),
    ("ежегодно", AC21, K.RECURRING, [(D(2021, 1, 1), D(2021, 12, 31))]),
    (
        "1 раз в полугодие",
        Y21,
        K.RECURRING,
        [(D(2021, 1, 1), D(2021, 6, 30)), (D(2021, 7, 1), D(2021, 12, 31))],
    ),
    ("не реже 1 раза в квартал", Y21, K.RECURRING, [_q(2021, q) for q in (1, 2, 3, 4)]),
    (
        "Ежеквартально",
        Period(D(2021, 2, 1), D(2021, 12, 31)),
        K.RECURRING,
        [_q(2021, q) for q in (1, 2, 3, 4)],
    ),
    # continuous
    ("В течение года", Y21, K.CONTINUOUS, [(D(2021, 1, 1), D(2021, 12, 31))]),
    ("в течение учебного года", AC21, K.CONTINUOUS, [(D(2021, 9, 1), D(2022, 8, 31))]),
    ("постоянно", AC21, K.CONTINUOUS, [(D(2021, 9, 1), D(2022, 8, 31))]),
    ("в течение 2022 года", Y21, K.CONTINUOUS, [(D(2022, 1, 1), D(2022, 12, 31))]),
    ("в течение 2022-2023 учебного года", Y21, K.CONTINUOUS, [(D(2022, 9, 1), D(2023, 8, 31))]),
    ("в течение 2021-2022 учебного года", None, K.CONTINUOUS, [(D(2021, 9, 1), D(2022, 8, 31))]),
    ("2022 год", AC21, K.CONTINUOUS, [(D(2022, 1, 1), D(2022, 12, 31))]),
    ("2021-2023 гг.", None, K.CONTINUOUS, [(D(2021, 1, 1), D(2023, 12, 31))]),
    ("систематически", Y21, K.CONTINUOUS, [(D(2021, 1, 1), D(2021, 12, 31))]),
    ("в течение всего периода", Y21, K.CONTINUOUS, [(D(2021, 1, 1), D(2021, 12, 31))]),
    # unscheduled
    ("по графику проведения ДЭ", Y21, K.UNSCHEDULED, []),
    ("в соответствии с графиком работы ЦОПП", Y21, K.UNSCHEDULED, []),
    ("В соответствии с графиками проведения чемпионатов", Y21, K.UNSCHEDULED, []),
    ("по мере необходимости", Y21, K.UNSCHEDULED, []),
    ("по отдельному плану", Y21, K.UNSCHEDULED, []),
    ("согласно графику", Y21, K.UNSCHEDULED, []),
    # several phrases
    (
        "Июнь-сентябрь 2021 года, июнь-сентябрь 2022 года",
        AC21,
        K.RANGE,
        [(D(2021, 6, 1), D(2021, 9, 30)), (D(2022, 6, 1), D(2022, 9, 30))],
    ),
    (
        "май, ноябрь",
        Y21,
        K.MONTH,
        [(D(2021, 5, 1), D(2021, 5, 31)), (D(2021, 11, 1), D(2021, 11, 30))],
    ),
    (
        "март и сентябрь 2022",
        Y22,
        K.MONTH,
        [(D(2022, 3, 1), D(2022, 3, 31)), (D(2022, 9, 1), D(2022, 9, 30))],
    ),
    (
        "январь, июль",
        Y21,
        K.MONTH,
        [(D(2021, 1, 1), D(2021, 1, 31)), (D(2021, 7, 1), D(2021, 7, 31))],
    ),
    ("до 01.03.2022; до 01.09.2022", Y22, K.DATE, [(None, D(2022, 3, 1)), (None, D(2022, 9, 1))]),
    # never a guess
    ("31.02.2022", Y22, K.UNRECOGNIZED, []),
    ("", Y22, K.UNRECOGNIZED, []),
    ("—", Y22, K.UNRECOGNIZED, []),
    ("когда-нибудь потом", Y22, K.UNRECOGNIZED, []),
    ("май, когда-нибудь", Y22, K.UNRECOGNIZED, []),
    ("с 15.03.2022 по 01.02.2022", Y22, K.UNRECOGNIZED, []),
    ("по итогам года", Y22, K.UNRECOGNIZED, []),
]


@pytest.mark.parametrize(
    ("phrase", "period", "kind", "expected"), CASES, ids=[c[0] or "empty" for c in CASES]
)
def test_a_phrase_gives_its_kind_and_dates(
    phrase: str,
    period: Period | None,
    kind: DeadlineKind,
    expected: list[tuple[date | None, date]],
) -> None:
    reference = D(2022, 12, 6) if period is None else None
    deadline = parse_deadline(phrase, period, reference=reference)
    assert deadline.text == phrase
    assert deadline.kind is kind
    assert [(o.start, o.due) for o in deadline.occurrences] == expected


def test_a_protocol_date_opens_a_one_year_window_for_phrases_without_a_year() -> None:
    protocol = D(2022, 12, 6)
    assert parse_deadline("в марте", reference=protocol).occurrences[0].due == D(2023, 3, 31)
    assert parse_deadline("в декабре", reference=protocol).occurrences[0].due == D(2022, 12, 31)
    quarterly = parse_deadline("ежеквартально", reference=protocol)
    assert [o.due for o in quarterly.occurrences] == [
        D(2022, 12, 31),
        D(2023, 3, 31),
        D(2023, 6, 30),
        D(2023, 9, 30),
    ]


def test_a_month_without_a_year_and_without_any_context_is_not_guessed() -> None:
    assert parse_deadline("Январь").kind is K.UNRECOGNIZED
    assert parse_deadline("Январь 2022").kind is K.MONTH


def test_a_recurring_phrase_without_any_context_keeps_its_kind_without_dates() -> None:
    deadline = parse_deadline("Ежеквартально")
    assert deadline.kind is K.RECURRING
    assert deadline.occurrences == ()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("ПЛАН РАБОТЫ МАШИНОСТРОИТЕЛЬНОГО КЛАСТЕРА НА 2021 ГОД", Y21),
        ("План работы кластера транспорта на 2021 – 2022 учебный год", AC21),
        ("План работы на 2021/2022 уч. год", AC21),
        ("План мероприятий на 2021-2023 годы", Period(D(2021, 1, 1), D(2023, 12, 31))),
        ("Протокол заседания", None),
    ],
)
def test_the_period_is_read_from_the_title(title: str, expected: Period | None) -> None:
    assert parse_period(title) == expected


PIECES = [
    "до",
    "в",
    "с",
    "по",
    "01.05.2022",
    "31.02.2022",
    "январь",
    "мая",
    "I",
    "IV",
    "квартал",
    "полугодие",
    "2022",
    "года",
    "-",
    "–",
    ",",
    "и",
    "ежеквартально",
    "в течение",
    "учебного",
    "графику",
    "(по согласованию)",
    "раз",
    "1",
    "99.99.9999",
    "\n",
    "  ",
]


@given(st.text())
def test_any_text_gives_a_result_and_keeps_the_text(text: str) -> None:
    deadline = parse_deadline(text, Y21)
    assert deadline.text == text
    _check_invariants(deadline, Y21)


@given(
    st.lists(st.sampled_from(PIECES), max_size=8).map(" ".join), st.sampled_from([Y21, AC21, None])
)
def test_any_mix_of_real_words_gives_a_consistent_result(text: str, period: Period | None) -> None:
    deadline = parse_deadline(text, period, reference=D(2022, 1, 10))
    _check_invariants(deadline, period)


def _check_invariants(deadline, period: Period | None) -> None:  # type: ignore[no-untyped-def]
    dues = [o.due for o in deadline.occurrences]
    assert dues == sorted(dues)
    for occurrence in deadline.occurrences:
        assert occurrence.start is None or occurrence.start <= occurrence.due
    if deadline.kind in (K.UNSCHEDULED, K.UNRECOGNIZED):
        assert deadline.occurrences == ()
    if deadline.kind is K.RECURRING and period is not None:
        assert all(period.start <= due <= period.end for due in dues)
