"""Small conversions from aiogram types to the plain data services take."""

from __future__ import annotations

from aiogram.types import User

from bot.domain.people import UserInfo


def user_info(user: User) -> UserInfo:
    return UserInfo(
        telegram_id=user.id,
        first_name=user.first_name,
        last_name=user.last_name,
        username=user.username,
        language_code=user.language_code,
    )
