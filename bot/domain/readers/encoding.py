"""Bytes of a plain-text upload → str: UTF-8/16 with BOM, cp1251, KOI8-R, judged as Russian."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from charset_normalizer import from_bytes

from bot.errors import DocumentRejected

# Longest prefix that is judged; enough text to tell encodings apart, cheap for 10 MB files.
SAMPLE_BYTES = 64 * 1024
# A candidate below this plausibility is mojibake or not text at all.
MIN_PLAUSIBILITY = 0.6
# Share of control characters above which a file is binary, not text.
MAX_CONTROL_SHARE = 0.02

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Tried in this order; a later one must score strictly higher to win, so ties go to cp1251.
_CYRILLIC_CODECS = ("cp1251", "koi8_r", "cp866")
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_CONTROL_BYTES = frozenset(b for b in range(32) if chr(b) not in _TEXT_CONTROLS) | {0x7F}
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029]")
_WORD = re.compile(r"[^\W\d_]+")
# Non-letter characters Russian office texts really contain (quotes, dashes, №, degree, NBSP).
_TYPOGRAPHY = frozenset("«»—–‐‑…“”„‘’‚•·°§№©®™±×÷€\u00a0\u2009\u202f\u00ad\ufeff")
_MOJIBAKE_PUNCTUATION = frozenset("‰†‡¶‹›")
# Letter frequencies of Russian prose, per cent; mojibake permutes them.
_FREQUENCY_TABLE = """
о 10.97  е 8.45  а 8.01  и 7.35  н 6.70  т 6.26  с 5.47  р 4.73  в 4.54  л 4.40  к 3.49
м 3.21  д 2.98  п 2.81  у 2.62  я 2.01  ы 1.90  ь 1.74  г 1.70  з 1.65  б 1.59  ч 1.44
й 1.21  х 0.97  ж 0.94  ш 0.73  ю 0.64  ц 0.48  щ 0.36  э 0.32  ф 0.26  ъ 0.04  ё 0.04
"""
_FREQUENCY = {
    letter: float(share)
    for letter, share in zip(
        _FREQUENCY_TABLE.split()[::2], _FREQUENCY_TABLE.split()[1::2], strict=True
    )
}
# Words every Russian plan or protocol is full of; mojibake never produces them.
_COMMON_WORDS_TEXT = """
и в во не на с со по к ко о об от до за из у для при как что это или а но же его их
год года году план плана работы работа срок сроки мероприятия мероприятий исполнитель
исполнители ответственный ответственные результат отчет отчёт решили протокол совета
заседание заседания месяц квартал течение руководители директор председатель секретарь
января февраля марта апреля мая июня июля августа сентября октября ноября декабря
январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
"""
_COMMON_WORDS = frozenset(_COMMON_WORDS_TEXT.split())


@dataclass(frozen=True, slots=True)
class _Candidate:
    codec: str
    score: float


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode an upload into (text with "\\n" newlines, encoding name); raises doc-encoding."""
    text, codec = _decode(data)
    return _NEWLINES.sub("\n", text).removeprefix("\ufeff"), codec


def tidy_lines(text: str) -> str:
    """Each line stripped, blank lines dropped: how cell and paragraph texts are compared."""
    lines = (line.strip() for line in _NEWLINES.sub("\n", text).split("\n"))
    return "\n".join(line for line in lines if line)


def looks_binary(data: bytes) -> bool:
    """True for bytes no text encoding explains: NULs or many control bytes outside UTF-16/32."""
    if _bom_codec(data) or _utf16_without_bom(data):
        return False
    sample = data[:SAMPLE_BYTES]
    if not sample:
        return False
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return b"\x00" in sample or controls / len(sample) > MAX_CONTROL_SHARE


def control_share(text: str) -> float:
    """Share of non-printable characters (other than line breaks and tabs) in a decoded sample."""
    sample = text[:SAMPLE_BYTES]
    if not sample:
        return 0.0
    bad = sum(1 for char in sample if not char.isprintable() and char not in _TEXT_CONTROLS)
    return bad / len(sample)


def _decode(data: bytes) -> tuple[str, str]:
    codec = _bom_codec(data) or _utf16_without_bom(data)
    if codec:
        return _strict(data, codec), codec.removesuffix("-sig")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        # A file cut inside its last character (a size limit, a broken download) is still UTF-8.
        cut_at_end = (
            error.reason == "unexpected end of data"
            and error.end == len(data)
            and not data[: error.start].isascii()
        )
    lenient = data.decode("utf-8", errors="replace")
    if cut_at_end or _mostly_valid_utf8(data, lenient):
        return lenient, "utf-8"
    best = _best_candidate(data)
    if best is None:
        raise DocumentRejected("doc-encoding")
    # The sample read well in this code page; one byte it lacks (0x98 in cp1251) is no reason
    # to refuse the whole file.
    return data.decode(best.codec, errors="replace"), best.codec


def _mostly_valid_utf8(data: bytes, text: str) -> bool:
    """A stray byte in long UTF-8 text leaves it UTF-8; a code page breaks nearly every letter."""
    damaged = text.count("\ufffd")
    multibyte = len(data) - len(text)  # bytes saved by valid multi-byte sequences, roughly
    return multibyte >= 100 and damaged * 100 <= multibyte


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError) as error:
        raise DocumentRejected("doc-encoding") from error


def _bom_codec(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM: Russian and ASCII text has 0x00 or 0x04 in every high byte."""
    sample = data[: SAMPLE_BYTES & ~1]
    if len(sample) < 4 or len(sample) % 2:
        return None
    for codec, high_bytes in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if b"\x00" not in high_bytes:
            continue  # UTF-16 Russian text always has spaces, digits or punctuation
        typical = high_bytes.count(0) + high_bytes.count(4)
        if typical / len(high_bytes) >= 0.95 and _decodes(sample, codec):
            return codec
    return None


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _best_candidate(data: bytes) -> _Candidate | None:
    """Cyrillic code pages first; charset-normalizer's guess only when none of them reads well."""
    sample = data[:SAMPLE_BYTES]
    best = _pick(_score(sample, codec) for codec in _CYRILLIC_CODECS)
    if best is not None and best.score >= MIN_PLAUSIBILITY:
        return best
    guess = from_bytes(sample).best()
    if guess is not None:
        best = _pick([best, _score(sample, guess.encoding)])
    return best if best is not None and best.score >= MIN_PLAUSIBILITY else None


def _pick(candidates: Iterable[_Candidate | None]) -> _Candidate | None:
    best: _Candidate | None = None
    for candidate in candidates:
        if candidate is not None and (best is None or candidate.score > best.score):
            best = candidate
    return best


def _score(sample: bytes, codec: str) -> _Candidate | None:
    # Bytes the code page lacks become U+FFFD, which the score counts as junk.
    try:
        text = sample.decode(codec, errors="replace")
    except LookupError:
        return None
    return _Candidate(codec, plausibility(text))


def plausibility(text: str) -> float:
    """About 1 for real text (most of all Russian), well below for mojibake and junk."""
    words = _WORD.findall(text)
    letters = sum(len(word) for word in words)
    if not letters:
        return 0.0
    clean = sum(len(word) for word in words if _clean_word(word)) / letters
    common = sum(1 for word in words if word.casefold() in _COMMON_WORDS) / len(words)
    # Real text has next to no stray symbols; mojibake is full of them, hence the weight.
    return clean - 2 * _junk_share(text) + 0.5 * min(common * 3, 1.0) + _frequency_bonus(words)


def _clean_word(word: str) -> bool:
    """One script, and lower, Capitalised or UPPER case: mojibake flips case inside words."""
    if len({_script(char) for char in word}) != 1:
        return False
    rest = word[1:]
    return rest == rest.lower() or word == word.upper() or word.isascii()


def _script(char: str) -> str:
    if char.isascii() or "\u00c0" <= char <= "\u024f":
        return "LATIN"
    if "\u0400" <= char <= "\u04ff":
        return "CYRILLIC" if char in _FREQUENCY or char.lower() in _FREQUENCY else "CYRILLIC-X"
    return unicodedata.name(char, "UNKNOWN").split(" ")[0]


def _junk_share(text: str) -> float:
    non_ascii = [char for char in text if not char.isascii()]
    if not non_ascii:
        return 0.0
    return sum(1 for char in non_ascii if _junk(char)) / len(non_ascii)


def _junk(char: str) -> bool:
    """Symbols and control characters that decoding with a wrong code page produces."""
    if char in _TYPOGRAPHY or char.isspace():
        return False
    return unicodedata.category(char)[0] in "CS" or char in _MOJIBAKE_PUNCTUATION


def _frequency_bonus(words: list[str]) -> float:
    """Up to 0.3 when Cyrillic letters follow Russian letter frequencies."""
    cyrillic = [char for word in words for char in word.lower() if char in _FREQUENCY]
    if not cyrillic:
        return 0.0
    mean = sum(_FREQUENCY[char] for char in cyrillic) / len(cyrillic)
    # Russian prose averages about 5.5 %; a random permutation of letters about 3 %.
    return max(0.0, min((mean - 3.0) / 2.5, 1.0)) * 0.3
