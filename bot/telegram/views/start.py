"""Texts of /start and /help: where the person stands and every command they may use."""

from __future__ import annotations

from bot.i18n import Translator
from bot.services.access import Standing
from bot.services.onboarding import StartOutcome
from bot.telegram.views.joining import render_next_steps
from bot.telegram.views.members import role_name


def render_start(t: Translator, outcome: StartOutcome) -> str:
    parts: list[str] = []
    name = outcome.person.full_name
    if outcome.granted_admin:
        parts.append(t("start-admin-granted", name=name))
    elif outcome.memberships:
        parts.append(t("start-welcome-back", name=name))
    else:
        parts.append(t("start-welcome-new", name=name))
    if outcome.memberships:
        lines = [
            t("start-membership-line", cluster=m.cluster.name, role=role_name(t, m.role))
            for m in outcome.memberships
        ]
        parts.append(t("start-memberships", count=len(lines)) + "\n" + "\n".join(lines))
    elif not outcome.is_admin:
        parts.append(t("start-how-to-join"))
    for cluster in outcome.clusters_without_plan:
        parts.append(t("start-no-plan", cluster=cluster.name) + "\n" + render_next_steps(t, False))
    if outcome.is_admin:
        parts.append(t("start-admin-hint"))
    parts.append(t("start-help-hint"))
    return "\n\n".join(parts)


def render_help(t: Translator, standing: Standing) -> str:
    """Private chat: the commands of the person's highest role, the ones below included."""
    if not standing.member:
        return t("help-title") + "\n" + t("help-stranger")
    lines = [t("help-title")]
    if standing.executor:
        lines.append(t("help-executor"))
    lines.append(t("help-member"))
    sections = ["\n".join(lines)]
    if standing.coordinator:
        sections.append(t("help-coordinator"))
    elif standing.observer:
        sections.append(t("help-observer"))
    if standing.admin:
        sections.append(t("help-admin"))
    return "\n\n".join(sections)
