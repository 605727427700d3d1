"""Message catalogues (Fluent .ftl files in bot/locales/<lang>/) with Russian plural rules."""

from __future__ import annotations

import html
import logging
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource

logger = logging.getLogger(__name__)

LOCALES_DIR = Path(__file__).with_name("locales")
DEFAULT_LOCALE = "ru"
# Telegram languages that read Russian better than English.
RUSSIAN_READERS = frozenset({"ru", "uk", "be", "kk", "ky", "uz", "tg", "hy", "az", "tt", "ba"})


LONG_ARGUMENT = 500  # characters; well under Fluent's limit for one placeable


class Html(str):
    """A fragment already safe for Telegram HTML; every other str argument is escaped."""

    __slots__ = ()


def format_date(value: date | datetime) -> str:
    return value.strftime("%d.%m.%Y")


def _prepare(value: Any) -> Any:
    if isinstance(value, Html):
        return str(value)
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, datetime | date):
        return format_date(value)
    if isinstance(value, bool):
        return str(value)
    if value is None:
        return ""
    return value


class Translator:
    """Renders catalogue messages of one language, falling back to Russian for missing keys."""

    def __init__(self, locale: str, bundles: list[FluentBundle]) -> None:
        self.locale = locale
        self._bundles = bundles

    def __call__(self, key: str, /, **args: Any) -> str:
        prepared: dict[str, Any] = {}
        # Fluent refuses a placeable over 2,500 characters («{???}» instead of the text): long
        # values go in as short stand-ins and are put back after formatting, whole.
        long_values: dict[str, str] = {}
        for name, value in args.items():
            ready = _prepare(value)
            if isinstance(ready, str) and len(ready) > LONG_ARGUMENT:
                stand_in = f"\x00{len(long_values)}\x00"
                long_values[stand_in] = ready
                ready = stand_in
            prepared[name] = ready
        for bundle in self._bundles:
            if bundle.has_message(key):
                message = bundle.get_message(key)
                if message.value is None:
                    continue
                text, errors = bundle.format_pattern(message.value, prepared)
                for error in errors:
                    logger.warning("message %s (%s): %s", key, self.locale, error)
                text = str(text)
                for stand_in, value in long_values.items():
                    text = text.replace(stand_in, value)
                return text
        logger.error("message %s is missing in every catalogue", key)
        return key

    def has(self, key: str) -> bool:
        return any(bundle.has_message(key) for bundle in self._bundles)


def _load_bundle(locale: str, directory: Path) -> FluentBundle:
    bundle = FluentBundle([locale], use_isolating=False)
    for path in sorted((directory / locale).glob("*.ftl")):
        bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
    return bundle


class Translations:
    """All catalogues, loaded once; ``for_language`` picks the user's."""

    def __init__(self, directory: Path = LOCALES_DIR, default_locale: str = DEFAULT_LOCALE) -> None:
        self.default_locale = default_locale
        self.locales = sorted(p.name for p in directory.iterdir() if p.is_dir())
        bundles = {locale: _load_bundle(locale, directory) for locale in self.locales}
        self._translators = {
            locale: Translator(
                locale,
                [bundles[locale]] + ([bundles[DEFAULT_LOCALE]] if locale != DEFAULT_LOCALE else []),
            )
            for locale in self.locales
        }

    def get(self, locale: str) -> Translator:
        return self._translators.get(locale) or self._translators[DEFAULT_LOCALE]

    def locale_for(self, language_code: str | None) -> str:
        code = (language_code or "").split("-")[0].lower()
        if code in RUSSIAN_READERS:
            return "ru"
        if code in self._translators:
            return code
        return self.default_locale

    def for_language(self, language_code: str | None) -> Translator:
        return self.get(self.locale_for(language_code))

    def message_ids(self, locale: str) -> Iterable[str]:
        return _message_ids(LOCALES_DIR, locale)


@cache
def _message_ids(directory: Path, locale: str) -> frozenset[str]:
    ids: set[str] = set()
    for path in (directory / locale).glob("*.ftl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and line[0].isalpha() and "=" in line:
                ids.add(line.split("=", 1)[0].strip())
    return frozenset(ids)


@cache
def default_translations() -> Translations:
    return Translations()
