"""Texts and keyboards of /settings: a cluster's reminder policy in plain words, each setting's
values as buttons (the current one marked ✓), and the words /reminders shares with it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.calendar import MOSCOW, hours_from_moscow
from bot.domain.reminders import DAYS_BEFORE_CHOICES, ReminderPolicy
from bot.i18n import Html, Translator
from bot.services.reminders import SETTING_CHOICES, TOGGLES, ClusterSettings
from bot.services.summaries import HOURS, PRESET_NAMES, PRESETS, WEEKDAYS, SummarySchedule
from bot.telegram.callbacks import SettingsCallback
from bot.telegram.views.common import short
from storage.models import Cluster

# The settings in the order the summary tells them and offers their buttons.
SETTING_KEYS = (
    "days_before",
    "on_the_day",
    "hour",
    "overdue_every",
    "overdue_times",
    "checkin_monthly",
    "escalate_after",
    "awaiting_after",
    "undated_weekly",
    "quiet_start",
    "quiet_end",
)
HOUR_KEYS = frozenset({"hour", "quiet_start", "quiet_end"})
# The weekly summary's day and hour and the cluster's colours (SummaryService.change).
SUMMARY_KEYS = ("summary_weekday", "summary_hour", "colours")


def setting_values(key: str) -> tuple[int, ...]:
    """The values a setting's buttons offer (a toggle: on, off); empty for an unknown key."""
    if key == "days_before":
        return DAYS_BEFORE_CHOICES
    if key in TOGGLES:
        return (1, 0)
    return SETTING_CHOICES.get(key, ())


def current_value(policy: ReminderPolicy, key: str) -> int:
    return int(getattr(policy, key))


def hour_text(hour: int) -> str:
    return f"{hour:02d}:00"


def _tz_name(t: Translator, timezone: str) -> str:
    name_key = "tz-" + timezone.replace("/", "-")
    return t(name_key) if t.has(name_key) else timezone


def zone_phrase(t: Translator, timezone: str, now: datetime) -> Html:
    """«время кластера: Томск, МСК+4», or «московское время»."""
    if timezone == MOSCOW:
        return Html(t("settings-zone-moscow"))
    hours = hours_from_moscow(timezone, now)
    sign = "plus" if hours > 0 else "minus" if hours < 0 else "zero"
    offset = t("tz-offset", sign=sign, hours=abs(hours))
    return Html(t("settings-zone", name=_tz_name(t, timezone), offset=offset))


def _days_list(t: Translator, days: Sequence[int]) -> str:
    """«7, 3 и 1»: the days before the deadline, largest first."""
    ordered = [str(d) for d in sorted(days, reverse=True)]
    if len(ordered) == 1:
        return ordered[0]
    return t("settings-list", head=", ".join(ordered[:-1]), last=ordered[-1])


def _executors_line(t: Translator, cluster: Cluster, policy: ReminderPolicy, now: datetime) -> str:
    days = policy.days_before
    if not days and not policy.on_the_day:
        return t("settings-executors-off")
    if days and policy.on_the_day:
        when = t("settings-when-days-and-day", days=_days_list(t, days), last=min(days))
    elif days:
        when = t("settings-when-days", days=_days_list(t, days), last=min(days))
    else:
        when = t("settings-when-day")
    return t(
        "settings-executors",
        when=Html(when),
        hour=hour_text(policy.hour),
        zone=zone_phrase(t, cluster.timezone, now),
    )


def _overdue_line(t: Translator, policy: ReminderPolicy) -> str:
    if policy.overdue_times <= 0:
        return t("settings-overdue-off")
    if policy.overdue_times == 1:
        return t("settings-overdue-once", every=policy.overdue_every)
    return t("settings-overdue", every=policy.overdue_every, times=policy.overdue_times)


def coordinator_phrases(t: Translator, policy: ReminderPolicy) -> Html:
    """«о просрочке через 3 дня; об отчётах, ждущих решения, через 2 рабочих дня; …»."""
    escalation = (
        t("settings-escalation", days=policy.escalate_after)
        if policy.escalate_after > 0
        else t("settings-escalation-off")
    )
    awaiting = t("settings-awaiting", days=policy.awaiting_after)
    undated = t("settings-undated" if policy.undated_weekly else "settings-undated-off")
    return Html("; ".join((escalation, awaiting, undated)))


def render_settings(
    t: Translator, settings: ClusterSettings, now: datetime, note: str | None = None
) -> str:
    """The summary; ``note`` (a confirmation of what was just changed) goes first."""
    policy, cluster = settings.policy, settings.cluster
    lines = [note, ""] if note else []
    lines += [
        t("settings-title", cluster=cluster.name),
        "",
        _executors_line(t, cluster, policy, now),
        _overdue_line(t, policy),
        t("settings-checkin" if policy.checkin_monthly else "settings-checkin-off"),
        t("settings-coordinators", phrases=coordinator_phrases(t, policy)),
        t(
            "settings-quiet",
            start=hour_text(policy.quiet_start),
            end=hour_text(policy.quiet_end),
        ),
        t("settings-days-off"),
        summary_line(t, cluster, now),
        t("settings-colours", name=colours_name(t, preset_of(cluster))),
        "",
        t("settings-is-default" if policy == settings.default else "settings-is-changed"),
        t("settings-hint"),
    ]
    return "\n".join(lines)


def settings_keyboard(t: Translator, settings: ClusterSettings) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    cluster_id = settings.cluster.id
    for key in SETTING_KEYS:
        builder.button(
            text=setting_name(t, key),
            callback_data=SettingsCallback(action="open", cluster_id=cluster_id, key=key),
        )
    for key in SUMMARY_KEYS:
        builder.button(
            text=setting_name(t, key),
            callback_data=SettingsCallback(action="open", cluster_id=cluster_id, key=key),
        )
    builder.button(
        text=t("settings-button-reset"),
        callback_data=SettingsCallback(action="reset", cluster_id=cluster_id),
    )
    builder.adjust(2)
    return builder.as_markup()


def setting_name(t: Translator, key: str) -> str:
    return t(f"settings-key-{key.replace('_', '-')}")


def value_label(t: Translator, key: str, value: int) -> str:
    """A value as its button and the confirmation say it: «09:00», «через 3 дня», «Да»."""
    if key in HOUR_KEYS:
        return hour_text(value)
    if key in TOGGLES:
        return t("settings-value-on" if value else "settings-value-off")
    if key == "days_before":
        return t("settings-value-days-before", days=value)
    if key in ("overdue_every", "awaiting_after"):
        return t("settings-value-workdays", days=value)
    if key == "overdue_times":
        return t("settings-value-times", times=value) if value else t("settings-value-never")
    if key == "escalate_after":
        return t("settings-value-after-days", days=value) if value else t("settings-value-never")
    return str(value)


def _current_label(t: Translator, policy: ReminderPolicy, key: str) -> str:
    if key == "days_before":
        if not policy.days_before:
            return t("settings-value-none")
        return t(
            "settings-value-days-list",
            days=_days_list(t, policy.days_before),
            last=min(policy.days_before),
        )
    return value_label(t, key, current_value(policy, key))


def render_setting(
    t: Translator, settings: ClusterSettings, key: str, note: str | None = None
) -> str:
    """One setting: what it does and its value now; ``note`` confirms a day just changed."""
    return "\n".join(
        ([note, ""] if note else [])
        + [
            t("settings-pick-title", setting=setting_name(t, key), cluster=settings.cluster.name),
            t(f"settings-about-{key.replace('_', '-')}"),
            "",
            t("settings-now", value=_current_label(t, settings.policy, key)),
        ]
    )


def setting_keyboard(t: Translator, settings: ClusterSettings, key: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    policy, cluster_id = settings.policy, settings.cluster.id
    values = setting_values(key)
    for value in values:
        chosen = (
            value in policy.days_before
            if key == "days_before"
            else current_value(policy, key) == value
        )
        label = value_label(t, key, value)
        builder.button(
            text=f"✓ {label}" if chosen else label,
            callback_data=SettingsCallback(
                action="set", cluster_id=cluster_id, key=key, value=value
            ),
        )
    builder.button(
        text=t("settings-button-done" if key == "days_before" else "settings-button-back"),
        callback_data=SettingsCallback(action="menu", cluster_id=cluster_id),
    )
    per_row = 2 if key in TOGGLES else 3 if len(values) > 4 else 2
    rows = [per_row] * (-(-len(values) // per_row)) + [1]
    builder.adjust(*rows)
    return builder.as_markup()


def render_saved(t: Translator, settings: ClusterSettings, key: str) -> str:
    """The confirmation of a change: the setting and what holds now."""
    return t(
        "settings-saved",
        setting=setting_name(t, key),
        value=_current_label(t, settings.policy, key),
    )


def render_choose_cluster(t: Translator) -> str:
    return t("settings-choose-cluster")


def clusters_keyboard(t: Translator, clusters: Sequence[Cluster]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for cluster in clusters:
        builder.button(
            text=short(cluster.name, 60),
            callback_data=SettingsCallback(action="cluster", cluster_id=cluster.id),
        )
    builder.adjust(1)
    return builder.as_markup()


# --- the weekly summary and the colours ---------------------------------------------------------


def schedule_of(cluster: Cluster) -> SummarySchedule:
    return SummarySchedule().with_changes(cluster.summary_settings or {})


def preset_of(cluster: Cluster) -> str | None:
    """The colour preset the cluster uses (None: colours of its own from the config)."""
    chosen = cluster.branding or {}
    for name, colours in PRESETS.items():
        defaults = PRESETS[PRESET_NAMES[0]]
        if all(chosen.get(k, defaults[k]).upper() == v for k, v in colours.items()):
            return name
    return None


def colours_name(t: Translator, preset: str | None) -> str:
    return t(f"settings-colours-{preset}") if preset else t("settings-colours-own")


def weekday_name(t: Translator, weekday: int) -> str:
    return t("settings-weekday", day=weekday)


def summary_line(t: Translator, cluster: Cluster, now: datetime) -> str:
    schedule = schedule_of(cluster)
    where = "settings-summary-group" if cluster.group_chat_id else "settings-summary-private"
    return t(
        "settings-summary",
        weekday=weekday_name(t, schedule.weekday),
        hour=hour_text(schedule.hour),
        zone=zone_phrase(t, cluster.timezone, now),
        where=Html(t(where)),
    )


def summary_values(key: str) -> tuple[int, ...]:
    if key == "summary_weekday":
        return WEEKDAYS
    if key == "summary_hour":
        return HOURS
    if key == "colours":
        return tuple(range(len(PRESET_NAMES)))
    return ()


def summary_current(cluster: Cluster, key: str) -> int | None:
    schedule = schedule_of(cluster)
    if key == "summary_weekday":
        return schedule.weekday
    if key == "summary_hour":
        return schedule.hour
    preset = preset_of(cluster)
    return PRESET_NAMES.index(preset) if preset else None


def summary_value_label(t: Translator, key: str, value: int) -> str:
    if key == "summary_weekday":
        name = weekday_name(t, value)
        return name[:1].upper() + name[1:]
    if key == "summary_hour":
        return hour_text(value)
    name = colours_name(t, PRESET_NAMES[value])
    return name[:1].upper() + name[1:]


def render_summary_setting(
    t: Translator, cluster: Cluster, key: str, note: str | None = None
) -> str:
    current = summary_current(cluster, key)
    value = summary_value_label(t, key, current) if current is not None else colours_name(t, None)
    return "\n".join(
        ([note, ""] if note else [])
        + [
            t("settings-pick-title", setting=setting_name(t, key), cluster=cluster.name),
            t(f"settings-about-{key.replace('_', '-')}"),
            "",
            t("settings-now", value=value),
        ]
    )


def summary_setting_keyboard(t: Translator, cluster: Cluster, key: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    current = summary_current(cluster, key)
    values = summary_values(key)
    for value in values:
        label = summary_value_label(t, key, value)
        builder.button(
            text=f"✓ {label}" if value == current else label,
            callback_data=SettingsCallback(
                action="set", cluster_id=cluster.id, key=key, value=value
            ),
        )
    builder.button(
        text=t("settings-button-back"),
        callback_data=SettingsCallback(action="menu", cluster_id=cluster.id),
    )
    per_row = 1 if key == "colours" else 3 if len(values) > 4 else 2
    builder.adjust(*([per_row] * (-(-len(values) // per_row)) + [1]))
    return builder.as_markup()


def render_summary_saved(t: Translator, cluster: Cluster, key: str) -> str:
    current = summary_current(cluster, key)
    value = summary_value_label(t, key, current) if current is not None else colours_name(t, None)
    return t("settings-saved", setting=setting_name(t, key), value=value)
