"""Texts of /start, invites and members."""

from __future__ import annotations

from collections.abc import Sequence

from bot.i18n import Html, Translator
from bot.services.onboarding import StartOutcome
from storage.models import Invite, Membership


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


def render_invite(t: Translator, invite: Invite, link: str) -> str:
    roles = ", ".join(r.name for r in invite.plan_roles) or "—"
    return t(
        "invite-created",
        role=Html(t(f"role-{invite.role.value}")),
        roles=roles,
        expires=invite.expires_at.strftime("%d.%m.%Y %H:%M"),
        uses=invite.max_uses,
        link=link,
    )


def render_members(t: Translator, cluster: str, members: Sequence[Membership]) -> str:
    lines = [
        t(
            "member-line",
            name=m.person.full_name,
            role=Html(t(f"role-{m.role.value}")),
            organization=m.organization.name if m.organization else "—",
            roles=", ".join(r.name for r in m.plan_roles) or "—",
        )
        for m in members
    ]
    return t("members-title", cluster=cluster, count=len(members)) + "\n" + "\n".join(lines)
