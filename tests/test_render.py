"""Pure message renderers: local dates, plural forms, escaping and message length."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.domain.calendar import local_today
from bot.i18n import Translations
from bot.telegram.views.common import chunks, due_label


def test_today_is_the_clusters_day_not_the_utc_day() -> None:
    late_evening_utc = datetime(2021, 12, 31, 22, 30, tzinfo=UTC)
    assert local_today(late_evening_utc, "Europe/Moscow") == date(2022, 1, 1)
    assert local_today(late_evening_utc, "Europe/Kaliningrad") == date(2022, 1, 1)
    assert local_today(late_evening_utc, "Atlantic/Azores") == date(2021, 12, 31)
    assert local_today(late_evening_utc, "No/Such_Zone") == date(2021, 12, 31)


def test_due_labels_use_russian_plural_forms(translations: Translations) -> None:
    t = translations.get("ru")
    today = date(2022, 5, 10)
    assert due_label(t, date(2022, 5, 9), today) == "срок 09.05.2022, просрочено на 1 день"
    assert due_label(t, date(2022, 5, 7), today) == "срок 07.05.2022, просрочено на 3 дня"
    assert due_label(t, date(2022, 5, 5), today) == "срок 05.05.2022, просрочено на 5 дней"
    assert due_label(t, date(2022, 5, 10), today) == "срок сегодня, 10.05.2022"
    assert due_label(t, date(2022, 5, 31), today) == "срок 31.05.2022 (через 21 день)"


def test_a_long_plan_is_split_into_messages_telegram_accepts() -> None:
    lines = [f"{n}. " + "мероприятие " * 20 for n in range(300)]
    messages = chunks(lines)
    assert len(messages) > 1
    assert all(len(chunk) <= 4096 for chunk in messages)
    assert "\n".join(messages) == "\n".join(lines)


def test_import_warnings_name_one_row_or_many_in_the_right_number(
    translations: Translations,
) -> None:
    t = translations.get("ru")
    assert t("warn-row-without-number", count=1, numbers="«б/н 1»", more=0) == (
        "Строка без номера пункта сохранена как «б/н 1»."
    )
    assert t("warn-row-without-number", count=3, numbers="«б/н 1», «б/н 2», «б/н 3»", more=0) == (
        "Строки без номера пункта сохранены как «б/н 1», «б/н 2», «б/н 3»."
    )
    # 21 rows: many, though Russian says «21 строка» (the plural category «one»)
    many = t("warn-carried-down", count=21, numbers="1, 2", more=19)
    assert many.startswith("В пунктах 1, 2 и ещё 19 срок или исполнители не указаны")
