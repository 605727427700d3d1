"""Telegram adapters: routers, middlewares and keyboards; thin, no SQL, no business rules."""

from __future__ import annotations

from aiogram import Router

from handlers import common, errors, imports


def create_root_router() -> Router:
    root = Router(name="root")
    root.include_routers(
        errors.create_router(),
        common.create_router(),
        imports.create_router(),
        common.create_fallback_router(),
    )
    return root
