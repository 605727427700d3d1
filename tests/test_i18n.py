"""Catalogues: both languages complete, every key the code uses exists, plurals, escaping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.i18n import Html, Translations

ROOT = Path(__file__).resolve().parent.parent
# t("key" …) / t(f"prefix-{…}") / a "key" in *_KEYS tables — literal keys only are checked here.
KEY_USE = re.compile(
    r'\b_?t\(\s*"([a-z0-9-]+)"'
    r'|(?:Error|Invalid|Denied|NotFound|Rejected)\(\s*"([a-z0-9-]+)"'
    r'|\bkey = "([a-z0-9-]+)"'
)


def _used_keys() -> set[str]:
    keys: set[str] = set()
    for folder in ("bot", "handlers"):
        for path in (ROOT / folder).rglob("*.py"):
            for match in KEY_USE.finditer(path.read_text(encoding="utf-8")):
                keys.update(group for group in match.groups() if group)
    return keys


def test_russian_and_english_catalogues_have_the_same_messages(translations: Translations) -> None:
    ru = set(translations.message_ids("ru"))
    en = set(translations.message_ids("en"))
    assert ru, "no Russian messages found"
    assert ru - en == set(), "missing in English"
    assert en - ru == set(), "missing in Russian"


def test_every_message_key_used_in_the_code_exists(translations: Translations) -> None:
    used = _used_keys()
    assert "start-welcome-new" in used  # the scan itself works
    missing = {key for key in used if not translations.get("ru").has(key)}
    assert missing == set()


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 час"),
        (2, "2 часа"),
        (5, "5 часов"),
        (11, "11 часов"),
        (21, "21 час"),
        (24, "24 часа"),
    ],
)
def test_russian_plural_forms_follow_the_number(
    translations: Translations, count: int, expected: str
) -> None:
    text = translations.get("ru")("cli-invite-note", hours=count, uses=1, expires="01.05.2022")
    assert text.startswith(f"Ссылка действует {expected} ")


def test_user_text_is_escaped_but_html_fragments_are_kept(translations: Translations) -> None:
    t = translations.get("ru")
    assert "&lt;script&gt;" in t("start-welcome-new", name="<script>")
    assert "— <b>x</b>" in t("start-membership-line", cluster="A&B", role=Html("<b>x</b>"))
    assert "A&amp;B" in t("start-membership-line", cluster="A&B", role="r")


@pytest.mark.parametrize(
    ("language_code", "locale"),
    [("ru", "ru"), ("en", "en"), ("en-GB", "en"), ("uk", "ru"), (None, "ru"), ("de", "ru")],
)
def test_the_language_is_chosen_from_telegram_settings(
    translations: Translations, language_code: str | None, locale: str
) -> None:
    assert translations.locale_for(language_code) == locale


def test_a_missing_key_falls_back_to_the_key_itself(translations: Translations) -> None:
    assert translations.get("en")("no-such-message") == "no-such-message"


# f"prefix-{…}" or "prefix-" + … in the code: every message under such a prefix counts as used.
DYNAMIC_PREFIX = re.compile(r'f"([a-z0-9-]+-)\{|"([a-z0-9]+-)" \+')


def _code() -> str:
    return "\n".join(
        path.read_text(encoding="utf-8")
        for folder in ("bot", "handlers")
        for path in (ROOT / folder).rglob("*.py")
    )


def test_every_message_in_the_catalogues_is_used_by_the_code(translations: Translations) -> None:
    """No dead text: a message nothing shows any more is deleted from both catalogues."""
    code = _code()
    prefixes = tuple({p for match in DYNAMIC_PREFIX.findall(code) for p in match if p})
    unused = {
        key
        for key in translations.message_ids("ru")
        if f'"{key}"' not in code and not key.startswith(prefixes)
    }
    assert unused == set()


def test_a_long_argument_is_kept_whole_not_turned_into_question_marks(
    translations: Translations,
) -> None:
    """Issue 9, defect 2: Fluent refuses a placeable over 2,500 characters and prints «{???}»;
    a 4,000-character comment (longer still once escaped) must reach the message whole."""
    comment = "Провели <встречу> & " * 200  # 4,000 characters, 5,000 once escaped
    text = translations.get("ru")("notice-comment", comment=comment)
    assert "{???}" not in text
    assert text == "Комментарий: " + comment.replace("&", "&amp;").replace("<", "&lt;").replace(
        ">", "&gt;"
    )
    both = translations.get("ru")("notice-author-of", name="И" * 3000, organization="К" * 3000)
    assert both == f"От: {'И' * 3000} ({'К' * 3000})"
