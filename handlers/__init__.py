"""Telegram adapters: routers, middlewares and keyboards; thin, no SQL, no business rules."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    clusters,
    common,
    errors,
    exports,
    groups,
    imports,
    invites,
    items,
    joining,
    members,
    plans,
    reminders,
    reports,
    settings,
    stats,
    summaries,
)


def create_root_router() -> Router:
    root = Router(name="root")
    root.include_routers(
        errors.create_router(),
        common.create_router(),
        joining.create_router(),
        clusters.create_router(),
        invites.create_router(),
        members.create_router(),
        settings.create_router(),
        summaries.create_router(),
        stats.create_router(),
        exports.create_router(),
        reminders.create_router(),
        groups.create_router(),
        reports.create_router(),  # before imports: a file sent while reporting is evidence
        imports.create_router(),
        plans.create_router(),
        items.create_router(),
        common.create_fallback_router(),
    )
    return root
