"""Which cluster a document's title names, to catch a plan sent to the wrong cluster.

«План работы образовательно-отраслевого кластера транспорта на 2021 – 2022 учебный год» names
the cluster «транспорта»; «ПЛАН РАБОТЫ МАШИНОСТРОИТЕЛЬНОГО КЛАСТЕРА НА 2021 ГОД» names
«машиностроительного». The words around «кластер…» that say what it is about are compared
with the cluster's own name by their stems, so «машиностроительного» is «Машиностроение» and
«сельскохозяйственного» is «Кластер сельского хозяйства».
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.domain.roles import normalise

_WORD = re.compile(r"\w+")
_STEM = 5  # letters two words must share to be the same word in another form
# Words that say what kind of cluster, not which one.
_GENERIC = re.compile(
    r"^(кластер|образовательн|отраслев|производствен|региональн|профессиональн|опк|поо|оок"
    r"|межотраслев|сетев|многоотраслев|в$|во$|по$|и$|сфер|отрасл|направлени|деятельност)"
)
# Words that end the cluster's name in a title: its period, its document, a region.
_REGION = re.compile(r"^(област|кра[йяю]$|округ|республик)")
_STOP = re.compile(r"^(на$|за$|год|учебн|план|протокол|\d)")
_ADJECTIVE = re.compile(r"(ого|его|ых|их|ый|ий|ой|ая|ое|ые|ие)$")
_BEFORE = 2  # adjectives before «кластера» («машиностроительного кластера»)
_AFTER = 4  # words after it («кластера транспорта и логистики»)


def _significant_positions(words: Sequence[str]) -> list[int]:
    """Positions of the words that name a cluster: not generic, not a region («Томской
    области»)."""
    kept = []
    for index, word in enumerate(words):
        region = _REGION.match(word) or (index + 1 < len(words) and _REGION.match(words[index + 1]))
        if not region and not _GENERIC.match(word):
            kept.append(index)
    return kept


def _significant(words: Sequence[str]) -> list[str]:
    return [words[i] for i in _significant_positions(words)]


def cluster_in_title(title: str) -> tuple[str, list[str]] | None:
    """The phrase of the title that names a cluster and its significant words, or None when
    the title names no particular cluster («… образовательно-отраслевых кластеров»)."""
    spans = list(_WORD.finditer(title))
    words = [normalise(match[0]) for match in spans]
    for index, word in enumerate(words):
        if not word.startswith("кластер"):
            continue
        first = index
        while (
            first > 0
            and index - first < _BEFORE
            and _ADJECTIVE.search(words[first - 1])
            and not _STOP.match(words[first - 1])
        ):
            first -= 1
        last = index
        while last + 1 < len(words) and last - index < _AFTER and not _STOP.match(words[last + 1]):
            last += 1
        around = list(range(first, last + 1))
        wanted = set(_significant_positions([words[i] for i in around]))
        named = [i for n, i in enumerate(around) if n in wanted and i != index]
        if named:
            start, end = min(index, named[0]), max(index, named[-1])
            phrase = title[spans[start].start() : spans[end].end()]
            return (phrase.lower() if phrase.isupper() else phrase), [words[i] for i in named]
    return None


def _same_word(a: str, b: str) -> bool:
    if len(a) < _STEM or len(b) < _STEM:
        return a == b
    return a[:_STEM] == b[:_STEM]


def other_cluster_named(title: str, cluster_name: str) -> str | None:
    """The phrase of the title naming another cluster than ``cluster_name``, or None when the
    title names this cluster or none at all."""
    named = cluster_in_title(title)
    if named is None:
        return None
    phrase, title_words = named
    own = _significant(_WORD.findall(normalise(cluster_name)))
    if not own:
        return None
    if any(_same_word(a, b) for a in title_words for b in own):
        return None
    return phrase
