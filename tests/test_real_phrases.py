"""Deadline phrases copied as written from real public plans, calendars and programmes.

Each row: the phrase exactly as it stands in the page (typos, capitals, line breaks and all), the
period of that plan (its title's year, or the year the page is about), what a careful reader
takes it to mean, and the address where it was seen. The phrases are not ours: they are how
councils, schools, kindergartens and administrations really write their «Сроки».
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.domain.deadlines import (
    DeadlineKind,
    Period,
    academic_year,
    calendar_year,
    parse_deadline,
    parse_period,
)

D = date
K = DeadlineKind
Dates = list[tuple[date | None, date]]
Row = tuple[str, Period, DeadlineKind, Dates, str]

Y09, Y18, Y23 = calendar_year(2009), calendar_year(2018), calendar_year(2023)
AC23 = academic_year(2023)
PROGRAMME_10_12 = Period(D(2010, 1, 1), D(2012, 12, 31))


def _day(year: int, month: int, day: int) -> tuple[None, date]:
    return None, D(year, month, day)


def _month(year: int, month: int) -> tuple[date, date]:
    following = D(year + month // 12, month % 12 + 1, 1)
    return D(year, month, 1), following - timedelta(days=1)


def _span(first: date, last: date) -> tuple[date, date]:
    return first, last


def _mondays(period: Period) -> Dates:
    day = period.start + timedelta(days=(0 - period.start.weekday()) % 7)
    found: Dates = []
    while day <= period.end:
        found.append((None, day))
        day += timedelta(weeks=1)
    return found


def _quarters(first_year: int, last_year: int) -> Dates:
    return [
        (_month(year, q * 3 - 2)[0], _month(year, q * 3)[1])
        for year in range(first_year, last_year + 1)
        for q in (1, 2, 3, 4)
    ]


OBLIVSKY = (
    "https://old.oblivobr.ru/index.php/2011-05-17-12-04-20/2011-07-29-12-41-20/pnpo-2011/"
    "256-plan-raboty-munitsipalnoj-konkursnoj-komissii"
)
NOVOGIREEVO = (
    "https://old.mo-novogireevo.ru/novosti/plan-osnovnyix-meropriyatij-posvyashhennyix-"
    "prazdnovaniyu-70-letiya-pobedyi-v-velikoj-otechestvennoj-vojne-19.html"
)
MINSK_DS115 = (
    "https://ddu115.minskedu.gov.by/законным-представителям/попечительский-совет/план-работы"
)
GOR_KUBAN_6 = "https://school6.gor.kubannet.ru/?p=2348"
CHUVASHIA_SKI = "http://gov.cap.ru/home/59/htm/2009/lr/plan.htm"
NOVOKUIBYSHEVSK = "http://city-hall.nvkb.ru/documents/detail.php?ID=8848"
SHEMURSHA_SPORTS = (
    "https://shemur.cap.ru/calendar/2023/05/05/plan-sportivno-massovih-meropriyatij-na-maj-2023-g"
)
OEK_OCTOBER = "http://oek.su/sksk_anons/1979-plan-raboty-doma-kultury-na-oktyabr-2016-goda.html"
KIROVSK_LABOUR = "https://kirovsk-gov.ru/doc/11265"
SHILOVO = "http://ryazan-gov.ru/doc/97966"
PROGRESH = "https://progresh.nubex.ru/4745/5710/?printMode=yes"
CHEBOKSARY_MOTHERS = "https://old-gcheb.cap.ru/SiteMap.aspx?id=78917"
DONETSK_COUNCIL = (
    "https://dat-dn.ru/studencheskij-sovet-2/kalendarnyj-plan-raboty-studencheskogo-soveta-"
    "doneckoj-akademii-transporta/"
)
EGORKINO = (
    "https://egorkino-shumr.edu21.cap.ru/news/2017/01/23/event_2029013/"
    "?id=03a94f2a-6de1-4c15-8102-d3dd6312e310"
)
PETROPAVLOVSK_FAIR = "https://base.garant.ru/25932140/53f89421bbdaf741eb2d1ecc4ddb4c33/"
RADUZHNY = "https://base.garant.ru/29118233/3e22e51c74db8e0b182fad67b502e640/"
PRUZHANY = "https://gymnasium.pruzhany.by/plan-raboty-senata"
URMARY = "https://ds3-urmary.edu21.cap.ru/news/2018/10/23/event_1029144/"
MORDOVO = "https://mordovoobraz.68edu.ru/index.php/deyatelnost/vospit_rab/patriotizmo/65yeasrwin/"
SCHOOL21 = "https://school21.obrku.ru/profilaktika-zabolevaemosti/615-profilaktika-zabolevanij"
BSU = "https://dekanat.bsu.edu.ru/mod/forum/discuss.php?d=129"
POBEDA = "https://673802.x05c99wtb.asia/permr/pobeda/wiew_pobeda.php?id=2"
KOTELNIKI = "https://moscow-gov.ru/doc/75088"
GARANT_ZS_GO = "https://base.garant.ru/71979750/53f89421bbdaf741eb2d1ecc4ddb4c33"
ESSAY_CALENDAR = "https://sochinenie.natlang.ru/calendar/"
PODOLSK_31 = "https://31.schoolpodolsk.ru/file/card?id=5432"
REZH_3 = "https://3rezh.uralschool.ru/file/card?id=8931"
GUL13 = "https://gul13.tvoysadik.ru/file/card?id=2263"
PENOPLAST = (
    "https://msg-penoplast.ru/putty/plan-vospitatelnoi-raboty-dlya-klassnogo-rukovoditelya-plan/"
)
FEODOSIA_2 = "https://feospecschool2.krymschool.ru/file/card?id=1415"
REPORTING_2023 = (
    "https://futazhik.ru/strakhovoe-pravo/5140-sroki-sdachi-otchyotnosti-v-2023-godu-3.html"
)
SPB_247 = "https://school247spb.ru/basic-education/educational-schedule/"
NOVOSHAKHTINSK_31 = "https://novsch31.rostovschool.ru/file/card?id=3465"
SAMARA_DAY_OF_KNOWLEDGE = "https://samara-gov.ru/doc/36123"
GOSSTANDART_SAFETY_DAY = "https://belgiss.by/единый-день-безопасности"
PODSVILLE_SAFETY_DAY = "https://podsville.rooglub.gov.by/news/604-edinyj-den-bezopasnosti"
PRUZHANY_SAFETY_DAY = "http://gymnasium.pruzhany.by/den-bezopasnosti-vnimanie-vsem"
Y22 = calendar_year(2022)
AC24_ = academic_year(2024)
AC25 = academic_year(2025)
RYAZAN_3 = "https://sh3-ryazan-r62.gosweb.gosuslugi.ru/roditelyam-i-uchenikam/kanikuly"
KULTURA_RF = "https://kulturarb.ru/ru/news/sobytiya-na-pro-kultura-rf/ura-kanikuly96"
HOLIDAYS_2025 = (
    "https://365news.biz/novosti-karelii/"
    "523125-opublikovan-kalendar-shkolnyx-kanikul-na-novyj-uchebnyj-god.html"
)
SLOBODSKOI = "https://slobodskoi.ru/?action=view&id=7745&module=articles"
EKB_168 = "https://xn--168-5cd3cgu2f.xn--80acgfbsl1azdqr.xn--p1ai/file/card?id=9462"
VEDTVER = (
    "https://vedtver.ru/news/society/"
    "stal-izvesten-shkolnyj-kalendar-na-grjadushhij-uchebnyj-god-kogda-roditeljam-brat-bilety-v-teplye-kraja/"
)
URAL_27 = "https://27srv.uralschool.ru/file/card?id=10775"
NOVSCHOOL_5 = "https://novschool5.ru/index/kalendarnyj_uchebnyj_grafik/0-22"
AC22 = academic_year(2022)
MOGILEV_SCHOOL = "https://mgsshi.by/оргвопросы/календарь-четвертей-и-каникул"
HOLM_SCHOOL = "https://holmshkola.gosuslugi.ru/roditelyam-i-uchenikam/kanikuly"
REZEKNE = "https://nashrezekne.lv/u-shkolnikov-latvii-nachinayutsya-kanikuly/amp"
BOLSHOJ_ROJ = "https://shkolabolshojroj-r43.gosweb.gosuslugi.ru/roditelyam-i-uchenikam/kanikuly"
HOLIDAYS_2022 = (
    "https://xn--80awa9bxa.xn--p1ai/reference/kalendar-kanikul-na-2022-2023-uchebnyy-god/amp"
)
KALUGA_19 = "http://sch19.kaluga.ru/file/card?id=2006"
KOTOVO_4 = "https://4kotovo.volgogradschool.ru/file/card?id=1933"
LOCAL_GOVERNMENT_CONTEST = (
    "https://crfks.ru/news/"
    "o-provedenii-iii-vserossijskogo-konkursa-inicziativy-razvivayushhien-mestnoe-samoupravlenie/"
)
PHYGITAL = "https://phygitalsport.ru/phygital_champ"
MART_CONTEST = "https://m.ok.ru/group/70000001619112/topic/157947984982184"
OLYMPIAD_2022 = (
    "https://xn--d1aa2abrz.xn--p1ai/%D0%B8%D1%82%D0%BE%D0%B3%D0%B8-%D0%BC%D0%B5%D1%80%D0%BE"
    "%D0%BF%D1%80%D0%B8%D1%8F%D1%82%D0%B8%D0%B9-%D0%B0%D1%80%D1%85%D0%B8%D0%B2/"
)

REAL: list[Row] = [
    # a plan of the 2009 war-memorial works (Perm region)
    ("август", Y09, K.MONTH, [_month(2009, 8)], POBEDA),
    ("Август , март", Y09, K.MONTH, [_month(2009, 3), _month(2009, 8)], POBEDA),
    ("Сентябрь, март", Y09, K.MONTH, [_month(2009, 3), _month(2009, 9)], POBEDA),
    ("Весь период", Y09, K.CONTINUOUS, [(Y09.start, Y09.end)], POBEDA),
    ("до 1 ноября 2009 года", Y09, K.DATE, [_day(2009, 11, 1)], POBEDA),
    # a municipal programme's plan of measures (Kotelniki), read over three of its years
    ("Постоянно", PROGRAMME_10_12, K.CONTINUOUS, [(D(2010, 1, 1), D(2012, 12, 31))], KOTELNIKI),
    (
        "Ежегодно, до 20 апреля текущего года",
        PROGRAMME_10_12,
        K.RECURRING,
        [_day(y, 4, 20) for y in (2010, 2011, 2012)],
        KOTELNIKI,
    ),
    (
        "Ежегодно, до 1 мая текущего года",
        PROGRAMME_10_12,
        K.RECURRING,
        [_day(y, 5, 1) for y in (2010, 2011, 2012)],
        KOTELNIKI,
    ),
    ("Ежеквартально", PROGRAMME_10_12, K.RECURRING, _quarters(2010, 2012), KOTELNIKI),
    # a federal plan of a civil-defence inventory, 2018
    ("01.07.2018", Y18, K.DATE, [_day(2018, 7, 1)], GARANT_ZS_GO),
    ("15.09.2018", Y18, K.DATE, [_day(2018, 9, 15)], GARANT_ZS_GO),
    ("15.10.2018", Y18, K.DATE, [_day(2018, 10, 15)], GARANT_ZS_GO),
    # the calendar of an all-Russian essay contest, «АПРЕЛЬ – НОЯБРЬ 2023 ГОДА»
    ("АПРЕЛЬ – НОЯБРЬ 2023 ГОДА", Y23, K.RANGE, [(D(2023, 4, 1), D(2023, 11, 30))], ESSAY_CALENDAR),
    ("ДО 14 АПРЕЛЯ", Y23, K.DATE, [_day(2023, 4, 14)], ESSAY_CALENDAR),
    ("26 АПРЕЛЯ", Y23, K.DATE, [_day(2023, 4, 26)], ESSAY_CALENDAR),
    ("ДО 21 МАЯ", Y23, K.DATE, [_day(2023, 5, 21)], ESSAY_CALENDAR),
    ("22 — 28 МАЯ", Y23, K.RANGE, [(D(2023, 5, 22), D(2023, 5, 28))], ESSAY_CALENDAR),
    ("ДО 26 МАЯ", Y23, K.DATE, [_day(2023, 5, 26)], ESSAY_CALENDAR),
    ("29 МАЯ — 15 ИЮНЯ", Y23, K.RANGE, [(D(2023, 5, 29), D(2023, 6, 15))], ESSAY_CALENDAR),
    ("ДО 19 ИЮНЯ", Y23, K.DATE, [_day(2023, 6, 19)], ESSAY_CALENDAR),
    ("2 НОЯБРЯ", Y23, K.DATE, [_day(2023, 11, 2)], ESSAY_CALENDAR),
    ("30 НОЯБРЯ", Y23, K.DATE, [_day(2023, 11, 30)], ESSAY_CALENDAR),
    # a school's calendar plan of upbringing work «НА 2023-2024 УЧЕБНЫЙ ГОД» (Podolsk)
    ("1 сентября", AC23, K.DATE, [_day(2023, 9, 1)], PODOLSK_31),
    ("Каждый\nпонедельник", AC23, K.RECURRING, _mondays(AC23), PODOLSK_31),
    ("3 сентября", AC23, K.DATE, [_day(2023, 9, 3)], PODOLSK_31),
    ("2-4 октября", AC23, K.RANGE, [(D(2023, 10, 2), D(2023, 10, 4))], PODOLSK_31),
    ("10-13\nоктября", AC23, K.RANGE, [(D(2023, 10, 10), D(2023, 10, 13))], PODOLSK_31),
    ("5 октября", AC23, K.DATE, [_day(2023, 10, 5)], PODOLSK_31),
    ("13-20 ноября", AC23, K.RANGE, [(D(2023, 11, 13), D(2023, 11, 20))], PODOLSK_31),
    ("12-15\nдекабря", AC23, K.RANGE, [(D(2023, 12, 12), D(2023, 12, 15))], PODOLSK_31),
    ("19-22\nдекабря", AC23, K.RANGE, [(D(2023, 12, 19), D(2023, 12, 22))], PODOLSK_31),
    ("27-29\nдекабря", AC23, K.RANGE, [(D(2023, 12, 27), D(2023, 12, 29))], PODOLSK_31),
    # the same plan of another school (Rezh)
    ("Каждый понедельник", AC23, K.RECURRING, _mondays(AC23), REZH_3),
    # a kindergarten's calendar schedule «НА 2023-2024 УЧЕБНЫЙ ГОД»
    ("01.10.2023 - 15.10.2023", AC23, K.RANGE, [(D(2023, 10, 1), D(2023, 10, 15))], GUL13),
    (
        "15.05.2024г. по 30.05.2024г.",
        AC23,
        K.RANGE,
        [(D(2024, 5, 15), D(2024, 5, 30))],
        GUL13,
    ),
    (
        "С 01 июня по 31 августа 2024 года",
        AC23,
        K.RANGE,
        [(D(2024, 6, 1), D(2024, 8, 31))],
        GUL13,
    ),
    ("01.09-31.12.2023г", AC23, K.RANGE, [(D(2023, 9, 1), D(2023, 12, 31))], GUL13),
    ("01.01-31.05.2024г", AC23, K.RANGE, [(D(2024, 1, 1), D(2024, 5, 31))], GUL13),
    ("сентябрь-декабрь 2023г", AC23, K.RANGE, [(D(2023, 9, 1), D(2023, 12, 31))], GUL13),
    ("январь-май 2024г.", AC23, K.RANGE, [(D(2024, 1, 1), D(2024, 5, 31))], GUL13),
    # a class teacher's plan of upbringing work
    ("Ежедневно", AC23, K.CONTINUOUS, [(AC23.start, AC23.end)], PENOPLAST),
    # a specialised school's calendar plan «на 2023-2024 учебный год» (Feodosia)
    (
        "сентябрь, в\nтечение года",
        AC23,
        K.MONTH,
        [_month(2023, 9), (AC23.start, AC23.end)],
        FEODOSIA_2,
    ),
    ("В течение учебного года", AC23, K.CONTINUOUS, [(AC23.start, AC23.end)], FEODOSIA_2),
    ("01.09", AC23, K.DATE, [_day(2023, 9, 1)], FEODOSIA_2),
    ("08.09", AC23, K.DATE, [_day(2023, 9, 8)], FEODOSIA_2),
    ("04.10", AC23, K.DATE, [_day(2023, 10, 4)], FEODOSIA_2),
    # the 2023 calendar of tax reporting deadlines
    ("27.02.2023", Y23, K.DATE, [_day(2023, 2, 27)], REPORTING_2023),
    ("25.04.2023", Y23, K.DATE, [_day(2023, 4, 25)], REPORTING_2023),
    ("25.07.2023", Y23, K.DATE, [_day(2023, 7, 25)], REPORTING_2023),
    ("25.10.2023", Y23, K.DATE, [_day(2023, 10, 25)], REPORTING_2023),
    ("26.02.2024", Y23, K.DATE, [_day(2024, 2, 26)], REPORTING_2023),
    ("25.01.2023", Y23, K.DATE, [_day(2023, 1, 25)], REPORTING_2023),
    ("25.01.2024", Y23, K.DATE, [_day(2024, 1, 25)], REPORTING_2023),
    ("27.03.2023", Y23, K.DATE, [_day(2023, 3, 27)], REPORTING_2023),
    ("25.05.2023", Y23, K.DATE, [_day(2023, 5, 25)], REPORTING_2023),
    # a St Petersburg school's planning of the 2023-24 school year
    ("1 сентября — 27 октября", AC23, K.RANGE, [(D(2023, 9, 1), D(2023, 10, 27))], SPB_247),
    ("6 ноября — 29 декабря", AC23, K.RANGE, [(D(2023, 11, 6), D(2023, 12, 29))], SPB_247),
    ("9 января — 15 марта", AC23, K.RANGE, [(D(2024, 1, 9), D(2024, 3, 15))], SPB_247),
    ("27 марта — 20 мая", AC23, K.RANGE, [(D(2024, 3, 27), D(2024, 5, 20))], SPB_247),
    (
        "С 28 октября по 05 ноября 2023 года",
        AC23,
        K.RANGE,
        [(D(2023, 10, 28), D(2023, 11, 5))],
        SPB_247,
    ),
    (
        "С 30 декабря 2023 года по 08 января 2024 года",
        AC23,
        K.RANGE,
        [(D(2023, 12, 30), D(2024, 1, 8))],
        SPB_247,
    ),
    (
        "С 18 марта по 26 марта 2024 года",
        AC23,
        K.RANGE,
        [(D(2024, 3, 18), D(2024, 3, 26))],
        SPB_247,
    ),
    ("С 12 по 18 февраля 2024 года", AC23, K.RANGE, [(D(2024, 2, 12), D(2024, 2, 18))], SPB_247),
    ("27 октября 2023 года", AC23, K.DATE, [_day(2023, 10, 27)], SPB_247),
    ("15 марта 2024 года", AC23, K.DATE, [_day(2024, 3, 15)], SPB_247),
    ("6-7 сентября", AC23, K.RANGE, [(D(2023, 9, 6), D(2023, 9, 7))], SPB_247),
    ("13-14 декабря", AC23, K.RANGE, [(D(2023, 12, 13), D(2023, 12, 14))], SPB_247),
    ("20-21 декабря", AC23, K.RANGE, [(D(2023, 12, 20), D(2023, 12, 21))], SPB_247),
    ("28-29 февраля", AC23, K.RANGE, [(D(2024, 2, 28), D(2024, 2, 29))], SPB_247),
    ("24-25 апреля", AC23, K.RANGE, [(D(2024, 4, 24), D(2024, 4, 25))], SPB_247),
    ("15-16 мая", AC23, K.RANGE, [(D(2024, 5, 15), D(2024, 5, 16))], SPB_247),
    ("11 – 17 октября", AC23, K.RANGE, [(D(2023, 10, 11), D(2023, 10, 17))], SPB_247),
    ("06 – 12 декабря", AC23, K.RANGE, [(D(2023, 12, 6), D(2023, 12, 12))], SPB_247),
    # a school's calendar schedule «НА 2023-2024 УЧЕБНЫЙ ГОД» (Novoshakhtinsk)
    ("1 сентября 2023 г.", AC23, K.DATE, [_day(2023, 9, 1)], NOVOSHAKHTINSK_31),
    ("24 мая 2024 г.", AC23, K.DATE, [_day(2024, 5, 24)], NOVOSHAKHTINSK_31),
    # a city's plan of the Day of Knowledge: the day with the hours of the event
    ("31 августа\n10:00", Y23, K.DATE, [_day(2023, 8, 31)], SAMARA_DAY_OF_KNOWLEDGE),
    ("01 сентября\n08:30 - 12:30", Y23, K.DATE, [_day(2023, 9, 1)], SAMARA_DAY_OF_KNOWLEDGE),
    ("01 сентября\n09:15 - 13:30", Y23, K.DATE, [_day(2023, 9, 1)], SAMARA_DAY_OF_KNOWLEDGE),
    ("31 августа\n14:00", Y23, K.DATE, [_day(2023, 8, 31)], SAMARA_DAY_OF_KNOWLEDGE),
    ("01 сентября\n10:00 - 13:00", Y23, K.DATE, [_day(2023, 9, 1)], SAMARA_DAY_OF_KNOWLEDGE),
    # plans of the «Единый день безопасности» (Russian-language pages of Belarusian bodies)
    (
        "С 1 по 10 сентября 2022 г.",
        Y22,
        K.RANGE,
        [(D(2022, 9, 1), D(2022, 9, 10))],
        GOSSTANDART_SAFETY_DAY,
    ),
    (
        "дважды в год – в феврале и сентябре",
        Y22,
        K.RECURRING,
        [_month(2022, 2), _month(2022, 9)],
        GOSSTANDART_SAFETY_DAY,
    ),
    (
        "два раза в год: в феврале и в сентябре",
        Y22,
        K.RECURRING,
        [_month(2022, 2), _month(2022, 9)],
        PODSVILLE_SAFETY_DAY,
    ),
    (
        "С 27 февраля по 24 марта",
        Y23,
        K.RANGE,
        [(D(2023, 2, 27), D(2023, 3, 24))],
        PRUZHANY_SAFETY_DAY,
    ),
    # school-year calendars of 2024/25 and 2025/26 (quarters and holidays), an olympiad of 2022
    (
        "с 01.09.2024 г. по 25.10.2024 г.",
        AC24_,
        K.RANGE,
        [(D(2024, 9, 1), D(2024, 10, 25))],
        RYAZAN_3,
    ),
    (
        "с 26.10.2024 г. по 04.11.2024 г.",
        AC24_,
        K.RANGE,
        [(D(2024, 10, 26), D(2024, 11, 4))],
        RYAZAN_3,
    ),
    (
        "с 05.11.2024 г. по28.12.2024 г.",
        AC24_,
        K.RANGE,
        [(D(2024, 11, 5), D(2024, 12, 28))],
        RYAZAN_3,
    ),
    (
        "с 29.12.2024 г. по 08.01.2025 г.",
        AC24_,
        K.RANGE,
        [(D(2024, 12, 29), D(2025, 1, 8))],
        RYAZAN_3,
    ),
    (
        "с 09.01.2025 г. по 21.03.2025 г.",
        AC24_,
        K.RANGE,
        [(D(2025, 1, 9), D(2025, 3, 21))],
        RYAZAN_3,
    ),
    (
        "с 22.03.2025 г. по 30.03.2025 г.",
        AC24_,
        K.RANGE,
        [(D(2025, 3, 22), D(2025, 3, 30))],
        RYAZAN_3,
    ),
    (
        "с 08.02.2025 г. по 16.02.2025 г.",
        AC24_,
        K.RANGE,
        [(D(2025, 2, 8), D(2025, 2, 16))],
        RYAZAN_3,
    ),
    (
        "с 31.03.2025 г. по 26.05.2025 г.",
        AC24_,
        K.RANGE,
        [(D(2025, 3, 31), D(2025, 5, 26))],
        RYAZAN_3,
    ),
    (
        "с 12.05.2025 г. по 19.05.2025 г.",
        AC24_,
        K.RANGE,
        [(D(2025, 5, 12), D(2025, 5, 19))],
        RYAZAN_3,
    ),
    ("26 мая 2025 г.", AC24_, K.DATE, [_day(2025, 5, 26)], RYAZAN_3),
    (
        "1 сентября - 26 октября 2024 года",
        AC24_,
        K.RANGE,
        [(D(2024, 9, 1), D(2024, 10, 26))],
        KULTURA_RF,
    ),
    (
        "26 октября - 4 ноября 2024 года",
        AC24_,
        K.RANGE,
        [(D(2024, 10, 26), D(2024, 11, 4))],
        KULTURA_RF,
    ),
    (
        "5 ноября - 30 декабря 2024 года",
        AC24_,
        K.RANGE,
        [(D(2024, 11, 5), D(2024, 12, 30))],
        KULTURA_RF,
    ),
    (
        "30 декабря 2024 года - 12 января 2025 года",
        AC24_,
        K.RANGE,
        [(D(2024, 12, 30), D(2025, 1, 12))],
        KULTURA_RF,
    ),
    (
        "9 января - 21 марта 2025 года",
        AC24_,
        K.RANGE,
        [(D(2025, 1, 9), D(2025, 3, 21))],
        KULTURA_RF,
    ),
    ("22 - 31 марта 2025 года", AC24_, K.RANGE, [(D(2025, 3, 22), D(2025, 3, 31))], KULTURA_RF),
    ("31 марта - 28 мая 2025 года", AC24_, K.RANGE, [(D(2025, 3, 31), D(2025, 5, 28))], KULTURA_RF),
    ("с 28 мая 2025 года", AC24_, K.RANGE, [(D(2025, 5, 28), D(2025, 8, 31))], KULTURA_RF),
    ("с 28 октября по 4 ноября", AC24_, K.RANGE, [(D(2024, 10, 28), D(2024, 11, 4))], KULTURA_RF),
    (
        "с 25 октября по 2 ноября 2025 года",
        AC25,
        K.RANGE,
        [(D(2025, 10, 25), D(2025, 11, 2))],
        HOLIDAYS_2025,
    ),
    (
        "с 31 декабря 2025 года по 11 января 2026 года",
        AC25,
        K.RANGE,
        [(D(2025, 12, 31), D(2026, 1, 11))],
        HOLIDAYS_2025,
    ),
    (
        "с 28 марта по 5 апреля 2026 года",
        AC25,
        K.RANGE,
        [(D(2026, 3, 28), D(2026, 4, 5))],
        HOLIDAYS_2025,
    ),
    (
        "с 27 мая по 31 августа 2026 года",
        AC25,
        K.RANGE,
        [(D(2026, 5, 27), D(2026, 8, 31))],
        HOLIDAYS_2025,
    ),
    ("с 1 сентября по 26 мая", AC24_, K.RANGE, [(D(2024, 9, 1), D(2025, 5, 26))], HOLIDAYS_2025),
    ("2 сентября – 25 октября", AC24_, K.RANGE, [(D(2024, 9, 2), D(2024, 10, 25))], SLOBODSKOI),
    ("5 ноября – 27 декабря", AC24_, K.RANGE, [(D(2024, 11, 5), D(2024, 12, 27))], SLOBODSKOI),
    ("9 января – 21 марта", AC24_, K.RANGE, [(D(2025, 1, 9), D(2025, 3, 21))], SLOBODSKOI),
    ("31 марта – 28 мая", AC24_, K.RANGE, [(D(2025, 3, 31), D(2025, 5, 28))], SLOBODSKOI),
    (
        "с 26 октября по 4 ноября 2024 года",
        AC24_,
        K.RANGE,
        [(D(2024, 10, 26), D(2024, 11, 4))],
        SLOBODSKOI,
    ),
    (
        "с 30 декабря 2024 года по 12 января 2025 года",
        AC24_,
        K.RANGE,
        [(D(2024, 12, 30), D(2025, 1, 12))],
        SLOBODSKOI,
    ),
    ("02.09.2024 г.", AC24_, K.DATE, [_day(2024, 9, 2)], EKB_168),
    ("31.08.2025 г", AC24_, K.DATE, [_day(2025, 8, 31)], EKB_168),
    ("со 02.09.2024 по 25.10.2024", AC24_, K.RANGE, [(D(2024, 9, 2), D(2024, 10, 25))], EKB_168),
    ("2 сентября — 26 октября", AC24_, K.RANGE, [(D(2024, 9, 2), D(2024, 10, 26))], VEDTVER),
    ("5 ноября — 29 декабря", AC24_, K.RANGE, [(D(2024, 11, 5), D(2024, 12, 29))], VEDTVER),
    ("9 января — 29 марта", AC24_, K.RANGE, [(D(2025, 1, 9), D(2025, 3, 29))], VEDTVER),
    ("7 апреля — 26 мая", AC24_, K.RANGE, [(D(2025, 4, 7), D(2025, 5, 26))], VEDTVER),
    ("27 октября — 4 ноября", AC24_, K.RANGE, [(D(2024, 10, 27), D(2024, 11, 4))], VEDTVER),
    ("30 декабря — 8 января", AC24_, K.RANGE, [(D(2024, 12, 30), D(2025, 1, 8))], VEDTVER),
    ("30 марта — 6 апреля", AC24_, K.RANGE, [(D(2025, 3, 30), D(2025, 4, 6))], VEDTVER),
    ("19 мая 2025 года", AC24_, K.DATE, [_day(2025, 5, 19)], VEDTVER),
    ("02.09.2024г. по 25.10.2024г.", AC24_, K.RANGE, [(D(2024, 9, 2), D(2024, 10, 25))], URAL_27),
    ("05.11.2024г. по 28.12.2024г.", AC24_, K.RANGE, [(D(2024, 11, 5), D(2024, 12, 28))], URAL_27),
    ("09.01.2025г. по 21.03.2025г.", AC24_, K.RANGE, [(D(2025, 1, 9), D(2025, 3, 21))], URAL_27),
    ("31.03.2025г. по 26.05.2025г.", AC24_, K.RANGE, [(D(2025, 3, 31), D(2025, 5, 26))], URAL_27),
    (
        "с 26.10.2024г. по 04.11.2024г.",
        AC24_,
        K.RANGE,
        [(D(2024, 10, 26), D(2024, 11, 4))],
        URAL_27,
    ),
    ("с 29.12.2024г. по 08.01.2025г.", AC24_, K.RANGE, [(D(2024, 12, 29), D(2025, 1, 8))], URAL_27),
    ("с 22.03.2025г. по30.03.2025г.", AC24_, K.RANGE, [(D(2025, 3, 22), D(2025, 3, 30))], URAL_27),
    ("2 сентября 2024 года", AC24_, K.DATE, [_day(2024, 9, 2)], URAL_27),
    ("26 мая 2025 года", AC24_, K.DATE, [_day(2025, 5, 26)], URAL_27),
    (
        "с 02.09.2024 по 28.05.2025 г.",
        AC24_,
        K.RANGE,
        [(D(2024, 9, 2), D(2025, 5, 28))],
        NOVSCHOOL_5,
    ),
    (
        "с 02.09.24 г. по 25.10.24 г.",
        AC24_,
        K.RANGE,
        [(D(2024, 9, 2), D(2024, 10, 25))],
        NOVSCHOOL_5,
    ),
    ("с 05.11.24 по 28.12.24 г.", AC24_, K.RANGE, [(D(2024, 11, 5), D(2024, 12, 28))], NOVSCHOOL_5),
    (
        "с 09.01.25 г. по 14.02.25 г.  и с 24.02.25г.  по 21.03.25 г.",
        AC24_,
        K.RANGE,
        [(D(2025, 1, 9), D(2025, 2, 14)), (D(2025, 2, 24), D(2025, 3, 21))],
        NOVSCHOOL_5,
    ),
    (
        "с 31.03.25 г.  по 28.05.25 г.",
        AC24_,
        K.RANGE,
        [(D(2025, 3, 31), D(2025, 5, 28))],
        NOVSCHOOL_5,
    ),
    (
        "04.11, 01.05, 02.05, 08.05, 09.05.",
        AC24_,
        K.DATE,
        [
            _day(*day)
            for day in ((2024, 11, 4), (2025, 5, 1), (2025, 5, 2), (2025, 5, 8), (2025, 5, 9))
        ],
        NOVSCHOOL_5,
    ),
    (
        "с 26 октября 2024 года по 03 ноября 2024 года",
        AC24_,
        K.RANGE,
        [(D(2024, 10, 26), D(2024, 11, 3))],
        NOVSCHOOL_5,
    ),
    (
        "с 29 декабря 2024 года по 08 января 2025 года",
        AC24_,
        K.RANGE,
        [(D(2024, 12, 29), D(2025, 1, 8))],
        NOVSCHOOL_5,
    ),
    (
        "с 15.02.2025 года по 23.02.2025 года",
        AC24_,
        K.RANGE,
        [(D(2025, 2, 15), D(2025, 2, 23))],
        NOVSCHOOL_5,
    ),
    (
        "с 22 марта 2025 года по 30 марта 2025 года",
        AC24_,
        K.RANGE,
        [(D(2025, 3, 22), D(2025, 3, 30))],
        NOVSCHOOL_5,
    ),
    ("в сентябре - октябре", AC24_, K.RANGE, [(D(2024, 9, 1), D(2024, 10, 31))], NOVSCHOOL_5),
    ("в ноябре - декабре", AC24_, K.RANGE, [(D(2024, 11, 1), D(2024, 12, 31))], NOVSCHOOL_5),
    ("январь - май", AC24_, K.RANGE, [(D(2025, 1, 1), D(2025, 5, 31))], NOVSCHOOL_5),
    (
        "с 14 октября по 16 декабря 2022 года",
        Y22,
        K.RANGE,
        [(D(2022, 10, 14), D(2022, 12, 16))],
        OLYMPIAD_2022,
    ),
    (
        "с 14 октября по 2 декабря 2022 года",
        Y22,
        K.RANGE,
        [(D(2022, 10, 14), D(2022, 12, 2))],
        OLYMPIAD_2022,
    ),
    (
        "с 5 по 16 декабря 2022 года",
        Y22,
        K.RANGE,
        [(D(2022, 12, 5), D(2022, 12, 16))],
        OLYMPIAD_2022,
    ),
    ("в срок до 5 декабря 2022 года", Y22, K.DATE, [_day(2022, 12, 5)], OLYMPIAD_2022),
    # school-year calendars of 2022/23, and contests' stages of 2023–2025
    (
        "с 1 сентября 2022 г. по 29 октября 2022 г.",
        AC22,
        K.RANGE,
        [(D(2022, 9, 1), D(2022, 10, 29))],
        MOGILEV_SCHOOL,
    ),
    (
        "с 8 ноября 2022 г. по 24 декабря 2022 г.",
        AC22,
        K.RANGE,
        [(D(2022, 11, 8), D(2022, 12, 24))],
        MOGILEV_SCHOOL,
    ),
    (
        "с 9 января 2023 г. по 25 марта 2023 г.",
        AC22,
        K.RANGE,
        [(D(2023, 1, 9), D(2023, 3, 25))],
        MOGILEV_SCHOOL,
    ),
    (
        "с 3 апреля 2023 г. по 31 мая 2023 г.",
        AC22,
        K.RANGE,
        [(D(2023, 4, 3), D(2023, 5, 31))],
        MOGILEV_SCHOOL,
    ),
    (
        "с 30 октября 2022 г. по 7 ноября 2022 г. включительно",
        AC22,
        K.RANGE,
        [(D(2022, 10, 30), D(2022, 11, 7))],
        MOGILEV_SCHOOL,
    ),
    (
        "с 25 декабря 2022 г. по 8 января 2023 г. включительно",
        AC22,
        K.RANGE,
        [(D(2022, 12, 25), D(2023, 1, 8))],
        MOGILEV_SCHOOL,
    ),
    (
        "с 26 марта 2023 г. по 2 апреля 2023 г. включительно",
        AC22,
        K.RANGE,
        [(D(2023, 3, 26), D(2023, 4, 2))],
        MOGILEV_SCHOOL,
    ),
    (
        "с 1 июня 2023 г. по 31 августа 2023 г.",
        AC22,
        K.RANGE,
        [(D(2023, 6, 1), D(2023, 8, 31))],
        MOGILEV_SCHOOL,
    ),
    (
        "с 28 октября 2022 года (пятница) по 06 ноября 2022 года (воскресенье)",
        AC22,
        K.RANGE,
        [(D(2022, 10, 28), D(2022, 11, 6))],
        HOLM_SCHOOL,
    ),
    (
        "с 31 декабря 2022 года (суббота) по 08 января 2023 года (воскресенье)",
        AC22,
        K.RANGE,
        [(D(2022, 12, 31), D(2023, 1, 8))],
        HOLM_SCHOOL,
    ),
    (
        "с 18 февраля 2023 года (суббота) по 26 февраля 2023 года (воскресенье)",
        AC22,
        K.RANGE,
        [(D(2023, 2, 18), D(2023, 2, 26))],
        HOLM_SCHOOL,
    ),
    (
        "с 18 марта 2023 года (суббота) по 26 марта 2023 года (воскресенье)",
        AC22,
        K.RANGE,
        [(D(2023, 3, 18), D(2023, 3, 26))],
        HOLM_SCHOOL,
    ),
    (
        "с 25 мая 2023 года (четверг) по 31 августа 2023 года (четверг)",
        AC22,
        K.RANGE,
        [(D(2023, 5, 25), D(2023, 8, 31))],
        HOLM_SCHOOL,
    ),
    (
        "с 27 мая 2023 года (суббота) по 31 августа 2023 года (четверг)",
        AC22,
        K.RANGE,
        [(D(2023, 5, 27), D(2023, 8, 31))],
        HOLM_SCHOOL,
    ),
    (
        "с 29 октября 2022 года (суббота) по 06 ноября 2022 года (воскресенье)",
        AC22,
        K.RANGE,
        [(D(2022, 10, 29), D(2022, 11, 6))],
        HOLM_SCHOOL,
    ),
    ("с 24 по 28 октября", AC22, K.RANGE, [(D(2022, 10, 24), D(2022, 10, 28))], REZEKNE),
    (
        "с 26 декабря по 6 января 2023 года",
        AC22,
        K.RANGE,
        [(D(2022, 12, 26), D(2023, 1, 6))],
        REZEKNE,
    ),
    ("с 13 по 17 марта", AC22, K.RANGE, [(D(2023, 3, 13), D(2023, 3, 17))], REZEKNE),
    ("до 14 июня", AC22, K.DATE, [_day(2023, 6, 14)], REZEKNE),
    ("до 21 июня", AC22, K.DATE, [_day(2023, 6, 21)], REZEKNE),
    ("31 мая 2023 года", AC22, K.DATE, [_day(2023, 5, 31)], REZEKNE),
    ("1 сентября 2022 года", AC22, K.DATE, [_day(2022, 9, 1)], REZEKNE),
    (
        "с 30 октября 2022 года (воскресенье) по 06 ноября 2022 года (воскресенье)",
        AC22,
        K.RANGE,
        [(D(2022, 10, 30), D(2022, 11, 6))],
        BOLSHOJ_ROJ,
    ),
    (
        "с 30 декабря 2022 года (пятница) по 08 января 2023 года (воскресенье)",
        AC22,
        K.RANGE,
        [(D(2022, 12, 30), D(2023, 1, 8))],
        BOLSHOJ_ROJ,
    ),
    (
        "с 13 февраля 2023 года (понедельник) по 19 февраля 2023 года (воскресенье)",
        AC22,
        K.RANGE,
        [(D(2023, 2, 13), D(2023, 2, 19))],
        BOLSHOJ_ROJ,
    ),
    (
        "с 23 марта 2023 года (четверг) по 02 апреля 2023 года (воскресенье)",
        AC22,
        K.RANGE,
        [(D(2023, 3, 23), D(2023, 4, 2))],
        BOLSHOJ_ROJ,
    ),
    (
        "с 01 июня 2023 года (четверг) по 31 августа 2023 года (четверг)",
        AC22,
        K.RANGE,
        [(D(2023, 6, 1), D(2023, 8, 31))],
        BOLSHOJ_ROJ,
    ),
    ("с 29 октября до 6 ноября", AC22, K.RANGE, [(D(2022, 10, 29), D(2022, 11, 6))], HOLIDAYS_2022),
    ("с 31 декабря по 8 января", AC22, K.RANGE, [(D(2022, 12, 31), D(2023, 1, 8))], HOLIDAYS_2022),
    ("с 8 по 16 апреля", AC22, K.RANGE, [(D(2023, 4, 8), D(2023, 4, 16))], HOLIDAYS_2022),
    ("с 18 по 26 февраля", AC22, K.RANGE, [(D(2023, 2, 18), D(2023, 2, 26))], HOLIDAYS_2022),
    (
        "с 10 по 16 октября и с 21 по 27 ноября",
        AC22,
        K.RANGE,
        [(D(2022, 10, 10), D(2022, 10, 16)), (D(2022, 11, 21), D(2022, 11, 27))],
        HOLIDAYS_2022,
    ),
    (
        "с 31 декабря по 8 января и с 20 по 26 февраля",
        AC22,
        K.RANGE,
        [(D(2022, 12, 31), D(2023, 1, 8)), (D(2023, 2, 20), D(2023, 2, 26))],
        HOLIDAYS_2022,
    ),
    ("с 3 по 9 апреля", AC22, K.RANGE, [(D(2023, 4, 3), D(2023, 4, 9))], HOLIDAYS_2022),
    (
        "22.08.2022-16.09.2022;\n17-28.10.2022;\n28.11.2022-09.12.2022",
        AC22,
        K.RANGE,
        [
            (D(2022, 8, 22), D(2022, 9, 16)),
            (D(2022, 10, 17), D(2022, 10, 28)),
            (D(2022, 11, 28), D(2022, 12, 9)),
        ],
        KALUGA_19,
    ),
    ("27.02.2023-03.03.2023", AC22, K.RANGE, [(D(2023, 2, 27), D(2023, 3, 3))], KALUGA_19),
    ("15-31.08.2022", AC22, K.RANGE, [(D(2022, 8, 15), D(2022, 8, 31))], KALUGA_19),
    ("01.09 - 28.10.2022", AC22, K.RANGE, [(D(2022, 9, 1), D(2022, 10, 28))], KALUGA_19),
    ("29.10 - 06.11.2022", AC22, K.RANGE, [(D(2022, 10, 29), D(2022, 11, 6))], KALUGA_19),
    ("07.11 - 29.12.2022", AC22, K.RANGE, [(D(2022, 11, 7), D(2022, 12, 29))], KALUGA_19),
    ("30.12.2022 - 08.01.2023", AC22, K.RANGE, [(D(2022, 12, 30), D(2023, 1, 8))], KALUGA_19),
    ("09.01 - 17.03.2023", AC22, K.RANGE, [(D(2023, 1, 9), D(2023, 3, 17))], KALUGA_19),
    ("18-26.03.2023", AC22, K.RANGE, [(D(2023, 3, 18), D(2023, 3, 26))], KALUGA_19),
    ("27.03 - 26.05.2023", AC22, K.RANGE, [(D(2023, 3, 27), D(2023, 5, 26))], KALUGA_19),
    ("27.03 - 19.05.2023", AC22, K.RANGE, [(D(2023, 3, 27), D(2023, 5, 19))], KALUGA_19),
    ("10-25.05.2023", AC22, K.RANGE, [(D(2023, 5, 10), D(2023, 5, 25))], KALUGA_19),
    ("01-19.05.2023", AC22, K.RANGE, [(D(2023, 5, 1), D(2023, 5, 19))], KALUGA_19),
    ("29.05-23.06.2023", AC22, K.RANGE, [(D(2023, 5, 29), D(2023, 6, 23))], KALUGA_19),
    ("С 27.05.2023", AC22, K.RANGE, [(D(2023, 5, 27), D(2023, 8, 31))], KALUGA_19),
    ("21-31.08.2023", AC22, K.RANGE, [(D(2023, 8, 21), D(2023, 8, 31))], KALUGA_19),
    ("07-31.08.2023", AC22, K.RANGE, [(D(2023, 8, 7), D(2023, 8, 31))], KALUGA_19),
    ("с 01.09.2022г. по 25.05.2023г.", AC22, K.RANGE, [(D(2022, 9, 1), D(2023, 5, 25))], KOTOVO_4),
    ("с 01.09.22г. по 30.10.22г.", AC22, K.RANGE, [(D(2022, 9, 1), D(2022, 10, 30))], KOTOVO_4),
    ("с 07.11.22г. по 28.12.22г.", AC22, K.RANGE, [(D(2022, 11, 7), D(2022, 12, 28))], KOTOVO_4),
    ("с 12.01.23г. по 23.03.23г.", AC22, K.RANGE, [(D(2023, 1, 12), D(2023, 3, 23))], KOTOVO_4),
    ("с 03.04.23г. по 25.05.23г.", AC22, K.RANGE, [(D(2023, 4, 3), D(2023, 5, 25))], KOTOVO_4),
    ("с 01.09.22г. по 28.12.22г.", AC22, K.RANGE, [(D(2022, 9, 1), D(2022, 12, 28))], KOTOVO_4),
    ("с 12.01.23г. по 25.05.23г.", AC22, K.RANGE, [(D(2023, 1, 12), D(2023, 5, 25))], KOTOVO_4),
    ("с 31 октября по 6 ноября", AC22, K.RANGE, [(D(2022, 10, 31), D(2022, 11, 6))], KOTOVO_4),
    ("с 29 декабря по 11 января", AC22, K.RANGE, [(D(2022, 12, 29), D(2023, 1, 11))], KOTOVO_4),
    ("с 24 марта по 02 апреля", AC22, K.RANGE, [(D(2023, 3, 24), D(2023, 4, 2))], KOTOVO_4),
    ("с 13 по 19 февраля", AC22, K.RANGE, [(D(2023, 2, 13), D(2023, 2, 19))], KOTOVO_4),
    ("1 сентября 2022 г.", AC22, K.DATE, [_day(2022, 9, 1)], KOTOVO_4),
    (
        "в период с 1 декабря 2023 года по 15 февраля 2024 года",
        AC23,
        K.RANGE,
        [(D(2023, 12, 1), D(2024, 2, 15))],
        LOCAL_GOVERNMENT_CONTEST,
    ),
    (
        "в период с 20 февраля по 30 апреля 2024 года",
        AC23,
        K.RANGE,
        [(D(2024, 2, 20), D(2024, 4, 30))],
        LOCAL_GOVERNMENT_CONTEST,
    ),
    ("10 июля - 2 сентября 2023", Y23, K.RANGE, [(D(2023, 7, 10), D(2023, 9, 2))], PHYGITAL),
    ("17 августа - 14 сентября 2023", Y23, K.RANGE, [(D(2023, 8, 17), D(2023, 9, 14))], PHYGITAL),
    (
        "в срок с 01 апреля по 31 мая 2025 г.",
        calendar_year(2025),
        K.RANGE,
        [(D(2025, 4, 1), D(2025, 5, 31))],
        MART_CONTEST,
    ),
    (
        "в срок с 16 июня по 17 августа 2025 г.",
        calendar_year(2025),
        K.RANGE,
        [(D(2025, 6, 16), D(2025, 8, 17))],
        MART_CONTEST,
    ),
    (
        "в срок с 01 по 31 октября 2025 г.",
        calendar_year(2025),
        K.RANGE,
        [(D(2025, 10, 1), D(2025, 10, 31))],
        MART_CONTEST,
    ),
]

# Times written beside the day, and «до» a month (issue 12 acceptance set, 2026-12-01).
KYZYL = "https://base.garant.ru/28720310/f7ee959fd36b5699076b35abf4f52c5c"
ROSTOV_2006 = "https://rostov-gov.ru/doc/5373"
TSIMLYANSK = "https://xn--d1achcpfehgk5e1ch.xn--p1ai/2024/04/23/plan-meropriyatij-k-dnyu-pobedy"
GRODNO_GKI = "https://gki.by/BRPO"
KOSTROMA = "https://base.garant.ru/410622022/10ed0f917186039eb157d3ba4f962ee5"
RBMED03 = "https://rbmed03.ru/?p=18041"
GYM40_EGE = (
    "https://github.com/ShamanKing19/gym40/blob/7f2ae96dfc5a4c3bc0341ee71640fd19f764fe71/"
    "students/ege/raspisanie-ege-2019.php"
)
VOLKOVSKOE = "http://volkovskoe.ru/obwaya_informaciya/war_patriot/adr-pr-dosug-podrostkov-2011"
GARANT_GIA11 = "https://base.garant.ru/30523923/da0ca740e319b67eff630b4065586e13/"
CHEB17 = (
    "https://sosh17-gcheb.edu21.cap.ru/news/2017/04/17/event_2030541/"
    "?id=0858ca80-75bb-4ae7-81cb-ea2652134429"
)
BREST_28 = "https://sch28.brestgoo.gov.by/об-учреждении/библиотека-медиатека/планы-мероприятий"
ROTOVO = "https://369.81148.3535.ru/news/5510.html"
KUBAN_MUSEUM = "http://shkola6.ucoz.com/index/shkolnyj_muzej/0-187"
VOLODARSKY = "https://xn--80aknbogbldhd0o.xn--p1ai/index/dom_kultury/0-14"
KOSHEVICHI = (
    "https://kosh.roo-pinsk.gov.by/%D1%81%D0%B5%D1%80%D0%B2%D0%B8%D1%81%D1%8B/"
    "%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8-%D0%B0%D1%80%D1%85%D0%B8%D0%B2/document-17393.html"
)
REAL += [
    ("22 июня 10.00 ч.", calendar_year(2014), K.DATE, [_day(2014, 6, 22)], KYZYL),
    ("22 июня 12.00 ч.", calendar_year(2014), K.DATE, [_day(2014, 6, 22)], KYZYL),
    ("28 апреля\n13.00", calendar_year(2006), K.DATE, [_day(2006, 4, 28)], ROSTOV_2006),
    ("5 мая\n14.00", calendar_year(2006), K.DATE, [_day(2006, 5, 5)], ROSTOV_2006),
    ("01.05.\n16-00", calendar_year(2024), K.DATE, [_day(2024, 5, 1)], TSIMLYANSK),
    ("09.05\n09-30", calendar_year(2024), K.DATE, [_day(2024, 5, 9)], TSIMLYANSK),
    ("01.05.\nв течение дня", calendar_year(2024), K.DATE, [_day(2024, 5, 1)], TSIMLYANSK),
    ("до апреля", academic_year(2023), K.DATE, [_day(2024, 3, 31)], GRODNO_GKI),
    (
        "Сентябрь - декабрь 2025 года, далее - ежегодно",
        Period(D(2025, 1, 1), D(2030, 12, 31)),
        K.RECURRING,
        [_span(D(year, 9, 1), D(year, 12, 31)) for year in range(2025, 2031)],
        KOSTROMA,
    ),
    (
        "с 28.01. по-31.01.",
        calendar_year(2020),
        K.RANGE,
        [_span(D(2020, 1, 28), D(2020, 1, 31))],
        RBMED03,
    ),
    ("9 июня (чт", calendar_year(2022), K.DATE, [_day(2022, 6, 9)], GYM40_EGE),
    (
        "в теч-е года",
        calendar_year(2011),
        K.CONTINUOUS,
        [_span(D(2011, 1, 1), D(2011, 12, 31))],
        VOLKOVSKOE,
    ),
    (
        "до 25 числа каждого месяца",
        calendar_year(2014),
        K.RECURRING,
        [_day(2014, month, 25) for month in range(1, 13)],
        GARANT_GIA11,
    ),
    ("19 .04.2017 среда", calendar_year(2017), K.DATE, [_day(2017, 4, 19)], CHEB17),
    ("21.03\nпон", calendar_year(2022), K.DATE, [_day(2022, 3, 21)], BREST_28),
    ("22.03\nвт", calendar_year(2022), K.DATE, [_day(2022, 3, 22)], BREST_28),
    ("до 3 .05. 2015г", calendar_year(2015), K.DATE, [_day(2015, 5, 3)], ROTOVO),
    (
        "1 раз в четверть",
        academic_year(2014),
        K.RECURRING,
        [
            _span(D(2014, 9, 1), D(2014, 10, 31)),
            _span(D(2014, 11, 1), D(2014, 12, 31)),
            _span(D(2015, 1, 1), D(2015, 3, 31)),
            _span(D(2015, 4, 1), D(2015, 5, 31)),
        ],
        KUBAN_MUSEUM,
    ),
    (
        "24.01.2020 20.00 27.01.2020 17.00",
        calendar_year(2020),
        K.DATE,
        [_day(2020, 1, 24), _day(2020, 1, 27)],
        VOLODARSKY,
    ),
    (
        "02.10 -\n31.10",
        calendar_year(2018),
        K.RANGE,
        [_span(D(2018, 10, 2), D(2018, 10, 31))],
        KOSHEVICHI,
    ),
    (
        "03.10\n10.10",
        calendar_year(2018),
        K.DATE,
        [_day(2018, 10, 3), _day(2018, 10, 10)],
        KOSHEVICHI,
    ),
    (
        "С 5 по по 25 марта 2011г.",
        calendar_year(2011),
        K.RANGE,
        [_span(D(2011, 3, 5), D(2011, 3, 25))],
        OBLIVSKY,
    ),
    (
        "В течение года по заявлениям ветеранов",
        calendar_year(2015),
        K.CONTINUOUS,
        [_span(D(2015, 1, 1), D(2015, 12, 31))],
        NOVOGIREEVO,
    ),
    ("Август\n31.08.2023", academic_year(2023), K.DATE, [_day(2023, 8, 31)], MINSK_DS115),
    (
        "Педсовет\nавгуст 2017 г.",
        academic_year(2017),
        K.MONTH,
        [_month(2017, 8)],
        GOR_KUBAN_6,
    ),
    (
        "26.01.09 10.00\nч",
        Period(D(2009, 1, 1), D(2009, 2, 28)),
        K.DATE,
        [_day(2009, 1, 26)],
        CHUVASHIA_SKI,
    ),
    (
        "11 марта 11-30-13-30",
        Period(D(2016, 3, 1), D(2016, 3, 31)),
        K.DATE,
        [_day(2016, 3, 11)],
        NOVOKUIBYSHEVSK,
    ),
    # A kick-off the day before a plan «на май 2023 года»: the year of the month it precedes.
    (
        "30 апреля",
        Period(D(2023, 5, 1), D(2023, 5, 31)),
        K.DATE,
        [_day(2023, 4, 30)],
        SHEMURSHA_SPORTS,
    ),
    (
        "12.10.16. 11.30",
        Period(D(2016, 10, 1), D(2016, 10, 31)),
        K.DATE,
        [_day(2016, 10, 12)],
        OEK_OCTOBER,
    ),
    (
        "01,08,15,22,29. 10.16 19.00-22.00",
        Period(D(2016, 10, 1), D(2016, 10, 31)),
        K.DATE,
        [_day(2016, 10, d) for d in (1, 8, 15, 22, 29)],
        OEK_OCTOBER,
    ),
    (
        "Июнь август 2007 года",
        calendar_year(2007),
        K.RANGE,
        [_span(D(2007, 6, 1), D(2007, 8, 31))],
        KIROVSK_LABOUR,
    ),
    (
        "январь декабрь 2013 г.",
        calendar_year(2013),
        K.RANGE,
        [_span(D(2013, 1, 1), D(2013, 12, 31))],
        SHILOVO,
    ),
    # The plan's week is its title's: «С 23 января по 28 января 2017 года».
    ("среда", Period(D(2017, 1, 23), D(2017, 1, 28)), K.DATE, [_day(2017, 1, 25)], EGORKINO),
    (
        "17.10.2015 с 12-00 до 17-00 часов",
        calendar_year(2015),
        K.DATE,
        [_day(2015, 10, 17)],
        PETROPAVLOVSK_FAIR,
    ),
    (
        "17.10.2015 до 12-00 часов",
        calendar_year(2015),
        K.DATE,
        [_day(2015, 10, 17)],
        PETROPAVLOVSK_FAIR,
    ),
    # The cells' two lines as a PDF runs them together: the day, then its hour; the meeting
    # that labels a month.
    ("26 ноября 15.30", calendar_year(2004), K.DATE, [_day(2004, 11, 26)], CHEBOKSARY_MOTHERS),
    (
        "Педсовет август 2017 г.",
        academic_year(2016),
        K.MONTH,
        [_span(D(2017, 8, 1), D(2017, 8, 31))],
        GOR_KUBAN_6,
    ),
    # The cell's two lines «09.05⏎09-30» as a PDF runs them together: the day, then its hour.
    ("09.05 09-30", calendar_year(2024), K.DATE, [_day(2024, 5, 9)], TSIMLYANSK),
    # The cell's two lines «Декабрь 2020г.⏎Февраль 2021г.» as a PDF runs them together.
    (
        "Декабрь 2020г. Февраль 2021г.",
        academic_year(2020),
        K.MONTH,
        [_span(D(2020, 12, 1), D(2020, 12, 31)), _span(D(2021, 2, 1), D(2021, 2, 28))],
        PROGRESH,
    ),
    # A school year from 1 September: the range starts the month before it, ends inside it.
    (
        "август-сентябрь",
        academic_year(2025),
        K.RANGE,
        [_span(D(2025, 8, 1), D(2025, 9, 30))],
        DONETSK_COUNCIL,
    ),
    (
        "22 апреля, далее - по необходимости",
        calendar_year(2010),
        K.DATE,
        [_day(2010, 4, 22)],
        RADUZHNY,
    ),
    # The month, then «ежегодно»: that month of every year of a three-year plan.
    (
        "май ежегодно",
        Period(D(2013, 1, 1), D(2015, 12, 31)),
        K.RECURRING,
        [_month(2013, 5), _month(2014, 5), _month(2015, 5)],
        MORDOVO,
    ),
    (
        "апрель – май ежегодно",
        Period(D(2013, 1, 1), D(2015, 12, 31)),
        K.RECURRING,
        [_span(D(y, 4, 1), D(y, 5, 31)) for y in (2013, 2014, 2015)],
        MORDOVO,
    ),
    # A week across the new year, the plan «в период ноября - декабря 2022 года».
    (
        "26 декабря – 1 января",
        Period(D(2022, 11, 1), D(2022, 12, 31)),
        K.RANGE,
        [_span(D(2022, 12, 26), D(2023, 1, 1))],
        SCHOOL21,
    ),
    # The hour before the day.
    ("до 23:59 26.06.2023", calendar_year(2023), K.DATE, [_day(2023, 6, 26)], BSU),
    # A dash and «по» both between the days.
    (
        "С 4.09. – по 20.09.",
        Period(D(2018, 9, 1), D(2018, 9, 30)),
        K.RANGE,
        [_span(D(2018, 9, 4), D(2018, 9, 20))],
        URMARY,
    ),
    # Typed with a Latin «c» (three of the plan's «сентябрь» cells; the fourth is Cyrillic).
    ("cентябрь", academic_year(2013), K.MONTH, [_month(2013, 9)], PRUZHANY),
    # The second Saturday of each month, in the plan's first quarter (September–October).
    (
        "2-я суббота\nмесяца",
        Period(D(2013, 9, 1), D(2013, 10, 31)),
        K.RECURRING,
        [_day(2013, 9, 14), _day(2013, 10, 12)],
        PRUZHANY,
    ),
]

# Slices N–V (2026-12-02): each page in tests/data/real_plans.
CHUVASHIA_KOMSOMOLSKY = "https://chuvashia-gov.ru/doc/38045"
STARMUZEY = "https://starmuzey.ru/index/0-30"
DS295 = "https://ds295.ru/educate/massovye-meropriyatiya.html"
BUTMUZEUM = (
    "https://butmuzeum.ru/dokumenty/plan-mkuk-buturlinovskiy-nkm-na-3-kvartal-2021-goda-115779.html"
)
MAIL142 = "https://mail142.by/?p=1297"
RUBTSOVSK = "http://rubtsovsk.org/node/149043"
NI_MUCTR = "https://ni.muctr.ru/abitur_ni/abitur/magistr/deadlines"
CHAIKOVSKY_TIK = "https://poisk-ru.ru/s40510t3.html"
LASTOCHKA = "http://uso.admsakhalin.ru/lastochka/?page_id=251"
IGSU = "https://igsu.ranepa.ru/abiturient/p69156/"
MONTH_OF_SPORTS_WEEK = Period(D(2024, 2, 28), D(2024, 3, 3))
REAL += [
    # two years and «гг.», the dash between them lost
    (
        "2013 2015 гг.",
        Period(D(2013, 1, 1), D(2015, 12, 31)),
        K.CONTINUOUS,
        [_span(D(2013, 1, 1), D(2015, 12, 31))],
        CHUVASHIA_KOMSOMOLSKY,
    ),
    (
        "17 января 2023 – 12 февраля 2023",
        calendar_year(2023),
        K.RANGE,
        [_span(D(2023, 1, 17), D(2023, 2, 12))],
        STARMUZEY,
    ),
    (
        "3, 4 неделя октября",
        academic_year(2024),
        K.RANGE,
        [_span(D(2024, 10, 15), D(2024, 10, 21)), _span(D(2024, 10, 22), D(2024, 10, 28))],
        DS295,
    ),
    (
        "в течение квартала",
        Period(D(2021, 7, 1), D(2021, 9, 30)),
        K.CONTINUOUS,
        [_span(D(2021, 7, 1), D(2021, 9, 30))],
        BUTMUZEUM,
    ),
    (
        "в течение года 21 февраля 23 февраля 8 марта",
        calendar_year(2023),
        K.DATE,
        [_day(2023, 2, 21), _day(2023, 2, 23), _day(2023, 3, 8)],
        MAIL142,
    ),
    ("28 февраля - 18:00", MONTH_OF_SPORTS_WEEK, K.DATE, [_day(2024, 2, 28)], RUBTSOVSK),
    (
        "29 февраля - 14:00-20:00; 1-2 марта - 10.00-18:00; 3 марта - 10:00-14:00",
        MONTH_OF_SPORTS_WEEK,
        K.DATE,
        [_day(2024, 2, 29), _span(D(2024, 3, 1), D(2024, 3, 2)), _day(2024, 3, 3)],
        RUBTSOVSK,
    ),
    ("24 августа 2026 г. 12:00 мск", calendar_year(2026), K.DATE, [_day(2026, 8, 24)], NI_MUCTR),
    (
        "18 августа 2026 г.\n19 августа 2026 г.\n20 августа 2026 г.\n21 августа 2026 г. (резервный"
        " день)",
        calendar_year(2026),
        K.DATE,
        [_day(2026, 8, 18), _day(2026, 8, 19), _day(2026, 8, 20), _day(2026, 8, 21)],
        NI_MUCTR,
    ),
    # a column «Сроки проведения (квартал, месяц)»: the months narrow the quarter
    (
        "1 квартал, январь-февраль 2015 года",
        calendar_year(2015),
        K.RANGE,
        [_span(D(2015, 1, 1), D(2015, 2, 28))],
        CHAIKOVSKY_TIK,
    ),
    # a New Year's gift drive in a plan for 2021: into the January after it
    (
        "Декабрь – январь",
        calendar_year(2021),
        K.RANGE,
        [_span(D(2021, 12, 1), D(2022, 1, 31))],
        LASTOCHKA,
    ),
    # the end of two windows (budget and contract places), side by side
    (
        "7 сентября 9 ноября",
        calendar_year(2018),
        K.DATE,
        [_day(2018, 9, 7), _day(2018, 11, 9)],
        IGSU,
    ),
]

# Plans of Belarusian schools written in Belarusian: the same phrases in the other language
# (months «лютага», «снежня», «лiстапада» typed with a Latin «i», «на працягу» = «в течение»).
PIREVICHI = "https://pirev.sh.zhlobinedu.by/?page_id=1998"
PIREVICHI_WEEK = Period(D(2025, 2, 17), D(2025, 2, 21))
SLAVGOROD = "http://levonevski.net/pravo/normreg2013/num39/d39696.html"
KLIMOVICHI = "http://pravo.levonevsky.org/bazaby/org239/basic/text0007.htm"
REAL += [
    ("17 лютага", PIREVICHI_WEEK, K.DATE, [_day(2025, 2, 17)], PIREVICHI),
    ("18 лютага", PIREVICHI_WEEK, K.DATE, [_day(2025, 2, 18)], PIREVICHI),
    (
        "на працягу тыдня",
        PIREVICHI_WEEK,
        K.CONTINUOUS,
        [(PIREVICHI_WEEK.start, PIREVICHI_WEEK.end)],
        PIREVICHI,
    ),
    ("3 лiстапада 2006 г.", calendar_year(2006), K.DATE, [_day(2006, 11, 3)], SLAVGOROD),
    ("27 снежня 2006 г.", calendar_year(2006), K.DATE, [_day(2006, 12, 27)], KLIMOVICHI),
]
REAL += [
    # the cell's two lines «26.01.09 10.00⏎ч» as a PDF runs them together
    ("26.01.09 10.00 ч", calendar_year(2009), K.DATE, [_day(2009, 1, 26)], CHUVASHIA_SKI),
]
OBRAZ_TMR_VPR = (
    "https://obraz-tmr.ru/news1/gia/519-grafik-provedeniya-vserossijskikh-proverochnykh-rabot"
    "-v-2020-godu?tmpl=component&print=1&layout=default"
)
LYUBISHCHITSY = (
    "https://lyubi.rooivacevichi.gov.by/воспитательная-работа/2023-2024-г/месячник-оборонно-"
    "патриотической-и-спортивной-работы-посвящённый-дню-защитников-отечества-и-вооруженных-сил"
    "-дню-образования-д"
)
LYUBISHCHITSY_MONTH = Period(D(2024, 1, 27), D(2024, 2, 24))
REAL += [
    (
        "2-6 марта 2020 г.\n(в любой день указанного периода из закрытого банка заданий)",
        calendar_year(2020),
        K.RANGE,
        [(D(2020, 3, 2), D(2020, 3, 6))],
        OBRAZ_TMR_VPR,
    ),
    # a month's plan from 27 January to 24 February
    (
        "в течение месяца",
        LYUBISHCHITSY_MONTH,
        K.CONTINUOUS,
        [(LYUBISHCHITSY_MONTH.start, LYUBISHCHITSY_MONTH.end)],
        LYUBISHCHITSY,
    ),
]
SVETLY_LABOUR = (
    "https://svetlyj-r64.gosweb.gosuslugi.ru/ofitsialno/struktura-munitsipalnogo-obrazovaniya"
    "/ispolnitelno-rasporyaditelnyy-organ-munitsipalnogo-obrazovaniya/ohranatruda/plan_2189.html"
)
REAL += [
    # a quarter's meeting and the day it is held, after the quarter
    ("1 квартал 15 апреля", calendar_year(2022), K.DATE, [_day(2022, 4, 15)], SVETLY_LABOUR),
    ("2 квартал 30 июня", calendar_year(2022), K.DATE, [_day(2022, 6, 30)], SVETLY_LABOUR),
]
CHUVASHIA_SWIMMING = "https://chuvashia-gov.ru/doc/8329"
REAL += [
    # a school's winter and spring holidays are a week or two the season does not give: never
    # the season's end (28 February, 31 May); the summer holidays are the summer
    (
        "Зимние и весенние каникулы",
        academic_year(2006),
        K.UNRECOGNIZED,
        [],
        CHUVASHIA_SWIMMING,
    ),
]
TAMBOV_PNPO = "https://base.garant.ru/28127007/53f89421bbdaf741eb2d1ecc4ddb4c33"
REAL += [
    (
        "Ежемесячно до 15 числа месяца, следующего за отчетным периодом",
        calendar_year(2007),
        K.RECURRING,
        [_day(2007, month, 15) for month in range(1, 13)],
        TAMBOV_PNPO,
    ),
]

KANASH_ROADS = "https://old-gkan.cap.ru/SiteMap.aspx?id=721586"
VOLOGDA_FIRE = "https://docs.cntd.ru/document/406587265/titles/24SL72G"
REAL += [
    # a task repeated every month from the day it starts to the end of the plan
    (
        "Ежемесячно начиная с 1 ноября 2009г",
        calendar_year(2009),
        K.RECURRING,
        [_month(2009, 11), _month(2009, 12)],
        KANASH_ROADS,
    ),
    # a yearly report due after the year it reports on: that day of each year of the plan
    (
        "ежегодно, до 1 марта года, следующего за отчетным",
        calendar_year(2015),
        K.RECURRING,
        [_day(2015, 3, 1)],
        VOLOGDA_FIRE,
    ),
]

BOARDING_HEALTH_WEEK = "https://shkola-internat-1.su/p16aa1.html"
REAL += [
    # a day heading opening with its weekday: the weekday says nothing more
    (
        "Пятница 21 сентября",
        calendar_year(2012),
        K.DATE,
        [_day(2012, 9, 21)],
        BOARDING_HEALTH_WEEK,
    ),
    (
        "Воскресенье 23 сентября",
        calendar_year(2012),
        K.DATE,
        [_day(2012, 9, 23)],
        BOARDING_HEALTH_WEEK,
    ),
]


DUKHOVSHCHINA_LIBRARIES = (
    "http://duhovschina.library67.ru/afisha/vnimanie-konkurs/klassnaya-skazka/?svSpace=2"
)
REAL += [
    # a day and its hours parted by a slash: the day, not a span
    ("03.01/13-00", calendar_year(2026), K.DATE, [_day(2026, 1, 3)], DUKHOVSHCHINA_LIBRARIES),
    ("05.01 /12-00", calendar_year(2026), K.DATE, [_day(2026, 1, 5)], DUKHOVSHCHINA_LIBRARIES),
    (
        "05.01 / 10.00 - 13.00",
        calendar_year(2026),
        K.DATE,
        [_day(2026, 1, 5)],
        DUKHOVSHCHINA_LIBRARIES,
    ),
    ("05.01 / 11.00.", calendar_year(2026), K.DATE, [_day(2026, 1, 5)], DUKHOVSHCHINA_LIBRARIES),
]


CHEREMSHAN_SWINE_FEVER = "https://tatarstan-gov.ru/doc/62097"
REAL += [
    # a condition in brackets after a repeat says until when the work goes on, not when it
    # is due: each quarter of the plan's year
    (
        "Ежеквартально\n(до ликвидации\nАЧС на\nтерритории\nРоссийской\nФедерации)",
        calendar_year(2013),
        K.RECURRING,
        _quarters(2013, 2013),
        CHEREMSHAN_SWINE_FEVER,
    ),
]

ARZAMAS_GROUPS = "http://soc52.ru/rcdpov-arz-social-service/odp/grafik"
ALATYR_MOTHER_DAY = (
    "https://alatr.cap.ru/action/activity/arhiv-sobitij/sobitiya-2020-g/29-noyabrya-denj-materi/"
    "plan-osnovnih-meropriyatij-po-provedeniyu-dnya-mat"
)
SHUKSHIN_YEAR = "http://2dip.su/рефераты/768884"
SHUMERLYA_NEW_YEAR = "https://old-gshum.cap.ru/sitemap.aspx?id=2140388"
DERGACHI_ROADS = (
    "https://dergachi.sarmo.ru/bezopasnost-dorozhnogo-dvizheniya-v-dergachevskom-munitsipalnom-"
    "rayone/plan-raboty-komissii-po-bezopasnosti-dorozhnogo-dvizheniya/"
)
RAA_ADMISSION = "https://raa.ru/сроки-приёмной-кампании/"
Y15, Y16, Y20, Y22 = (
    calendar_year(2015),
    calendar_year(2016),
    calendar_year(2020),
    calendar_year(2022),
)
AC12 = academic_year(2012)

REAL += [
    # a group's working hours under its days say nothing of the days
    (
        "16.03-13.04\nрежим работы\n9:00-13:00",
        Y20,
        K.RANGE,
        [_span(D(2020, 3, 16), D(2020, 4, 13))],
        ARZAMAS_GROUPS,
    ),
    ("12.03, 13.03", Y20, K.DATE, [_day(2020, 3, 12), _day(2020, 3, 13)], ARZAMAS_GROUPS),
    # «в 13.30»: minutes no month can be
    ("26 ноября в 13.30", Y20, K.DATE, [_day(2020, 11, 26)], ALATYR_MOTHER_DAY),
    # the half of the school year named
    (
        "1 полугодие 2009-2010 уч. года",
        Y09,
        K.HALF_YEAR,
        [_span(D(2009, 9, 1), D(2009, 12, 31))],
        SHUKSHIN_YEAR,
    ),
    # one span over two lines, across the new year
    (
        "18 декабря\n2015 г. - 10 января 2016 г.",
        Y15,
        K.RANGE,
        [_span(D(2015, 12, 18), D(2016, 1, 10))],
        SHUMERLYA_NEW_YEAR,
    ),
    (
        "февраль, апрель, август, октябрь, декабрь",
        Y16,
        K.MONTH,
        [_month(2016, m) for m in (2, 4, 8, 10, 12)],
        DERGACHI_ROADS,
    ),
    ("апрель-август", Y16, K.RANGE, [_span(D(2016, 4, 1), D(2016, 8, 31))], DERGACHI_ROADS),
    # when the commission meets: the dates are set elsewhere
    ("на заседаниях комиссии", Y16, K.UNSCHEDULED, [], DERGACHI_ROADS),
    ("Не позднее 20 июня", Y22, K.DATE, [_day(2022, 6, 20)], RAA_ADMISSION),
    ("28-30 июля", Y22, K.RANGE, [_span(D(2022, 7, 28), D(2022, 7, 30))], RAA_ADMISSION),
]

NITROCONF_DATES = "https://nitroconf.ru/index.php/about-conf/date"
MCHS_CIVIL_DEFENCE = "https://base.garant.ru/403355343/"
URMARY_OLYMPIAD = (
    "https://obrazov-urmary.edu21.cap.ru/news/2012/09/25/event_2017358/"
    "?id=b93d8e47-f0dc-42a7-9da1-10c9d7c8d7ac"
)

REAL += [
    # a word in brackets after each day says which fee it is
    (
        "до 31 января 2024 года (ранняя) до 28 февраля 2024 года (обычная)",
        calendar_year(2024),
        K.DATE,
        [_day(2024, 1, 31), _day(2024, 2, 28)],
        NITROCONF_DATES,
    ),
    # the day a report counts up to is not the day it is due
    (
        "до 20 января (по состоянию на 1 января текущего года) до 20 июня (по состоянию на 1"
        " июня текущего года)",
        Y22,
        K.DATE,
        [_day(2022, 1, 20), _day(2022, 6, 20)],
        MCHS_CIVIL_DEFENCE,
    ),
    (
        "с октября по ноябрь 2012 г.",
        AC12,
        K.RANGE,
        [_span(D(2012, 10, 1), D(2012, 11, 30))],
        URMARY_OLYMPIAD,
    ),
    (
        "с 10 января по 10 февраля 2013 года",
        AC12,
        K.RANGE,
        [_span(D(2013, 1, 10), D(2013, 2, 10))],
        URMARY_OLYMPIAD,
    ),
]

SUTD_CALENDAR = "http://ctef.sutd.ru/docs/time_table.htm"
AC09 = academic_year(2009)

REAL += [
    # how many weeks a span lasts, after its days, is no day of its own
    (
        "01.09.09 - 27.12.09 - 17 нед.",
        AC09,
        K.RANGE,
        [_span(D(2009, 9, 1), D(2009, 12, 27))],
        SUTD_CALENDAR,
    ),
    (
        "01.01.10 - 07.01.10 01.02.10 - 07.02.10 - 2 нед.",
        AC09,
        K.RANGE,
        [_span(D(2010, 1, 1), D(2010, 1, 7)), _span(D(2010, 2, 1), D(2010, 2, 7))],
        SUTD_CALENDAR,
    ),
    (
        "05.07.10 - 31.08.10 - 8 нед.",
        AC09,
        K.RANGE,
        [_span(D(2010, 7, 5), D(2010, 8, 31))],
        SUTD_CALENDAR,
    ),
]

OMSK_DEFENCE_MONTH = (
    "https://oumalin.tuk.obr55.ru/vospitanie/19-dokumentt/"
    "699-plan-raboty-mesyachnika-oboronno-massovoj-i-voenno-patrioticheskoj-raboty"
)

REAL += [
    # each span named after it («классный тур», «школьный тур»): the names are no time
    (
        "01.02.2021 – 11.02.2021 классный тур; 15.02.2021 – 25.02.2021 школьный тур",
        calendar_year(2021),
        K.RANGE,
        [_span(D(2021, 2, 1), D(2021, 2, 11)), _span(D(2021, 2, 15), D(2021, 2, 25))],
        OMSK_DEFENCE_MONTH,
    ),
]


@pytest.mark.parametrize(
    "phrase",
    [
        "Педсовет 2017",
        "абракадабра 2017",
        "Педсовет август",
        "педсовет август 2017 г.",  # a label starts the cell with a capital
        "Учреждения дополнительного образования 10 - 12 июня 2017 г.",  # a place, not a label
    ],
)
def test_a_label_word_is_dropped_only_before_a_day_or_span_in_digits(phrase: str) -> None:
    # «Педсовет август 2017 г.» is August; a label before a bare year or a month with no year
    # in digits is not read as a date.
    assert parse_deadline(phrase, calendar_year(2017)).kind is DeadlineKind.UNRECOGNIZED


@pytest.mark.parametrize("phrase", ["июль-сентябрь", "май-сентябрь"])
def test_a_range_starting_long_before_a_school_year_is_not_guessed(phrase: str) -> None:
    # «август-сентябрь» starts a month before 1 September; these would start two and four
    # months before it, so which year is meant is the coordinator's to say.
    assert parse_deadline(phrase, academic_year(2025)).kind is DeadlineKind.UNRECOGNIZED


def _label(phrase: str, period: Period) -> str:
    return f"«{phrase}» in {period.start:%d.%m.%Y}–{period.end:%d.%m.%Y}".replace("\n", "⏎")


@pytest.mark.parametrize(
    ("phrase", "period", "kind", "expected", "source"),
    [pytest.param(*row, id=_label(row[0], row[1])) for row in REAL],
)
def test_a_real_phrase_reads_as_a_careful_reader_takes_it(
    phrase: str, period: Period, kind: DeadlineKind, expected: Dates, source: str
) -> None:
    deadline = parse_deadline(phrase, period)
    assert deadline.text == phrase
    assert (deadline.kind, [(o.start, o.due) for o in deadline.occurrences]) == (kind, expected)


def test_every_real_phrase_is_distinct_and_names_where_it_was_seen() -> None:
    phrases = [row[0] for row in REAL]
    assert len(phrases) == len(set(phrases))
    assert all(row[4].startswith(("https://", "http://")) for row in REAL)


# --- the forms the issue names, beyond the pages above --------------------------------------------

AC24 = academic_year(2024)

NAMED_FORMS: list[tuple[str, Period | None, DeadlineKind, Dates]] = [
    ("в течении года", AC24, K.CONTINUOUS, [(AC24.start, AC24.end)]),
    (
        "в последнюю пятницу месяца",
        Period(D(2024, 9, 1), D(2024, 10, 31)),
        K.RECURRING,
        [(None, D(2024, 9, 27)), (None, D(2024, 10, 25))],
    ),
    (
        "каждый первый понедельник месяца",
        Period(D(2024, 9, 1), D(2024, 10, 31)),
        K.RECURRING,
        [(None, D(2024, 9, 2)), (None, D(2024, 10, 7))],
    ),
    ("мaй", AC24, K.MONTH, [_month(2025, 5)]),  # a Latin «a»
    ("в теч. года", AC24, K.CONTINUOUS, [(AC24.start, AC24.end)]),
    ("Декабрь, 2022", AC24, K.MONTH, [_month(2022, 12)]),
    ("I квартал, 2025 г.", AC24, K.QUARTER, [(D(2025, 1, 1), D(2025, 3, 31))]),
    (
        "сентябрь, январь, май",
        AC24,
        K.MONTH,
        [_month(2024, 9), _month(2025, 1), _month(2025, 5)],
    ),
    (
        "сентябрь январь май",
        AC24,
        K.MONTH,
        [_month(2024, 9), _month(2025, 1), _month(2025, 5)],
    ),
    ("до 25 мая", AC24, K.DATE, [_day(2025, 5, 25)]),
    ("первая неделя сентября", AC24, K.RANGE, [(D(2024, 9, 1), D(2024, 9, 7))]),
    ("1-я неделя октября", AC24, K.RANGE, [(D(2024, 10, 1), D(2024, 10, 7))]),
    ("последняя неделя августа", AC24, K.RANGE, [(D(2025, 8, 25), D(2025, 8, 31))]),
    ("III декада апреля", AC24, K.RANGE, [(D(2025, 4, 21), D(2025, 4, 30))]),
    ("в первой декаде февраля 2025 г.", None, K.RANGE, [(D(2025, 2, 1), D(2025, 2, 10))]),
    ("2 декада ноября", AC24, K.RANGE, [(D(2024, 11, 11), D(2024, 11, 20))]),
    ("на постоянной основе", AC24, K.CONTINUOUS, [(AC24.start, AC24.end)]),
    (
        "по итогам полугодия",
        AC24,
        K.RECURRING,
        [(D(2024, 7, 1), D(2024, 12, 31)), (D(2025, 1, 1), D(2025, 6, 30))],
    ),
    ("каждый понедельник", AC24, K.RECURRING, _mondays(AC24)),
    (
        "каждую пятницу",
        Period(D(2024, 9, 1), D(2024, 9, 30)),
        K.RECURRING,
        [_day(2024, 9, d) for d in (6, 13, 20, 27)],
    ),
    (
        "в конце каждого квартала",
        calendar_year(2025),
        K.RECURRING,
        _quarters(2025, 2025),
    ),
    (
        "2 раза в год (октябрь, апрель)",
        AC24,
        K.RECURRING,
        [_month(2024, 10), _month(2025, 4)],
    ),
    ("1 сентября в 10:00", AC24, K.DATE, [_day(2024, 9, 1)]),
    ("01.09.2024 в 9 ч.", AC24, K.DATE, [_day(2024, 9, 1)]),
    # reports due a day of the month after the one (or the quarter) they are on
    (
        "ежеквартально до 10 числа месяца, следующего за отчётным кварталом",
        calendar_year(2025),
        K.RECURRING,
        [_day(2025, month, 10) for month in (1, 4, 7, 10)],
    ),
    (
        "ежемесячно, до 5 числа следующего месяца",
        AC24,
        K.RECURRING,
        [
            _day(year, month, 5)
            for year, month in [
                *((2024, m) for m in range(9, 13)),
                *((2025, m) for m in range(1, 9)),
            ]
        ],
    ),
    ("весна 2025", AC24, K.RANGE, [(D(2025, 3, 1), D(2025, 5, 31))]),
    ("в летние каникулы", AC24, K.RANGE, [(D(2025, 6, 1), D(2025, 8, 31))]),
    ("в период летних каникул", AC24, K.RANGE, [(D(2025, 6, 1), D(2025, 8, 31))]),
    ("зимой", AC24, K.RANGE, [(D(2024, 12, 1), D(2025, 2, 28))]),
    ("С 01.10.2024 г.", AC24, K.RANGE, [(D(2024, 10, 1), D(2025, 8, 31))]),
    ("начиная с 15 октября", AC24, K.RANGE, [(D(2024, 10, 15), D(2025, 8, 31))]),
]


@pytest.mark.parametrize(
    ("phrase", "period", "kind", "expected"),
    [
        pytest.param(*row, id=f"«{row[0]}» in {row[1].start if row[1] else 'no period'}")
        for row in NAMED_FORMS
    ],
)
def test_a_form_the_issue_names_is_read(
    phrase: str, period: Period | None, kind: DeadlineKind, expected: Dates
) -> None:
    deadline = parse_deadline(phrase, period)
    assert (deadline.kind, [(o.start, o.due) for o in deadline.occurrences]) == (kind, expected)


@pytest.mark.parametrize(
    "phrase", ["каждый понедельник", "по итогам полугодия", "III декада апреля"]
)
def test_without_a_period_a_form_needing_one_gives_no_dates(phrase: str) -> None:
    deadline = parse_deadline(phrase)
    assert deadline.occurrences == ()
    assert not deadline.is_dated


# --- the period of a plan from its title ----------------------------------------------------------

TITLES: list[tuple[str, Period | None]] = [
    ("План работы на 2022 год", calendar_year(2022)),
    ("ПЛАН МЕРОПРИЯТИЙ КЛАСТЕРА В 2025 ГОДУ", calendar_year(2025)),
    ("План работы на 2024/2025 учебный год", AC24),
    ("план работы на 2023-2024 уч. год", AC23),
    ("План работы совета 2022/23 уч. г.", academic_year(2022)),
    ("План на I полугодие 2023 года", Period(D(2023, 1, 1), D(2023, 6, 30))),
    ("ПЛАН НА II ПОЛУГОДИЕ 2023 Г.", Period(D(2023, 7, 1), D(2023, 12, 31))),
    ("План на первое полугодие 2023/2024 учебного года", Period(D(2023, 9, 1), D(2023, 12, 31))),
    ("план на 2 полугодие 2023-2024 учебного года", Period(D(2024, 1, 1), D(2024, 6, 30))),
    ("План работы на 1 квартал 2024 года", Period(D(2024, 1, 1), D(2024, 3, 31))),
    ("План работы на сентябрь 2023 г.", Period(D(2023, 9, 1), D(2023, 9, 30))),
    ("План работы в 2023-2024 учебном году", AC23),
    ("План работы кластера", None),
    # A week's or a decade's plan: its days (the year written at least at the end).
    (
        "План проведения недели русского языка и литературы С 23 января по 28 января 2017 года",
        Period(D(2017, 1, 23), D(2017, 1, 28)),
    ),
    ("Неделя безопасности 5-9 сентября 2022 г.", Period(D(2022, 9, 5), D(2022, 9, 9))),
    ("План недели математики с 13.02 по 17.02.2023", Period(D(2023, 2, 13), D(2023, 2, 17))),
    # https://pirev.sh.zhlobinedu.by/?page_id=1998 (in Belarusian)
    (
        "ПЛАН ПРАВЯДЗЕННЯ ТЫДНЯ беларускай мовы і літаратуры (з 17 лютага па 21 лютага 2025 года)",
        Period(D(2025, 2, 17), D(2025, 2, 21)),
    ),
    ("Приказ от 05.10.2022 № 12", None),
    # https://mordovia-gov.ru/doc/11472: the years of the war are not the plan's period
    (
        "План мероприятий по проведению празднования 63-й годовщины Победы в Великой "
        "Отечественной войне 1941—1945 годов",
        None,
    ),
    (
        "План мероприятий к 80-летию Победы в ВОВ (1941 – 1945 гг.) на 2025 год",
        calendar_year(2025),
    ),
]


@pytest.mark.parametrize(
    ("title", "expected"), [pytest.param(t, p, id=f"«{t}»") for t, p in TITLES]
)
def test_the_period_is_read_from_a_title_in_every_common_form(
    title: str, expected: Period | None
) -> None:
    assert parse_period(title) == expected
