"""Message texts: pure functions from service results to HTML, through the catalogues."""

from __future__ import annotations

from bot.i18n import Html, Translator
from bot.services.onboarding import StartOutcome


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
            t(
                "start-membership-line",
                cluster=m.cluster.name,
                role=Html(t(f"role-{m.role.value}")),
            )
            for m in outcome.memberships
        ]
        parts.append(t("start-memberships", count=len(lines)) + "\n" + "\n".join(lines))
    elif not outcome.is_admin:
        parts.append(t("start-how-to-join"))
    if outcome.is_admin:
        parts.append(t("start-admin-hint"))
    parts.append(t("start-help-hint"))
    return "\n\n".join(parts)
