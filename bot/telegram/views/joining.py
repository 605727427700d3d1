"""Texts and keyboards of joining a cluster: the offer, the questions, the welcome."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Html, Translator
from bot.services.joining import Joined, JoinOffer
from bot.telegram.callbacks import JoinCallback
from bot.telegram.views.common import short
from bot.telegram.views.invites import render_offer
from bot.telegram.views.members import role_name, yes
from storage.models import Cluster, MemberRole


def render_ask_name(t: Translator, offer: JoinOffer) -> str:
    return t("join-ask-name", offer=Html(render_offer(t, offer.details)))


def keep_name_keyboard(t: Translator, telegram_name: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=t("join-keep-name", name=short(telegram_name, 40)),
        callback_data=JoinCallback(action="keep"),
    )
    return builder.as_markup()


def skip_keyboard(t: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=t("join-skip"), callback_data=JoinCallback(action="skip"))
    return builder.as_markup()


def render_role_kept(t: Translator, cluster: Cluster, held: MemberRole, offered: MemberRole) -> str:
    """The person already holds a higher role there, or this one: said politely, the link left
    unused."""
    return t(
        "join-role-same" if held is offered else "join-role-kept",
        cluster=cluster.name,
        held=role_name(t, held),
        offered=role_name(t, offered),
    )


def render_offer_kept(t: Translator, offer: JoinOffer) -> str:
    held = offer.held_role or offer.details.role
    return render_role_kept(t, offer.details.cluster, held, offer.details.role)


def render_next_steps(t: Translator, cluster_has_plan: bool) -> str:
    """A coordinator's first steps: the plan file (while there is none), invites, the group."""
    return t("coordinator-next-steps" if cluster_has_plan else "coordinator-next-steps-no-plan")


def render_joined(t: Translator, joined: Joined) -> str:
    membership = joined.membership
    if joined.kept_role:
        return render_role_kept(t, joined.cluster, membership.role, joined.offered)
    welcome = t(
        "join-done",
        cluster=joined.cluster.name,
        role=role_name(t, membership.role),
        has_organization=yes(membership.organization),
        organization=membership.organization.name if membership.organization else "",
    )
    if membership.role is MemberRole.COORDINATOR:
        follow = render_next_steps(t, joined.cluster_has_plan)
    elif membership.role is MemberRole.EXECUTOR:
        follow = t("join-next-executor")
    else:
        follow = t("join-next-observer")
    return f"{welcome}\n\n{follow}"
