"""Executors as plans write them → canonical plan roles, with aliases learnt from «(далее – КС)».

Rules (seeds 000, 001, 004 show each of them):
- A cell is split at commas and semicolons, before a capitalised role head that starts a new
  role mid-cell («Координационный совет Руководители ПОО» → two roles), and before a standalone
  organisation abbreviation that follows another abbreviation («Руководители ПОО ЦОПП» → two).
- A cell is split only between people or bodies, never inside one noun phrase: after a comma
  a lowercase genitive or a preposition goes on with the phrase before it («Руководитель МО
  учителей истории, обществознания» is one), a role word in the nominative starts a new one
  («Члены оргкомитета, специалисты министерства» is two). A capitalised role word mid-cell
  starts a role only in the nominative: «Директор Департамента образования» is one person.
- A name with initials («Иванова Т.П.», «Т.П. Иванова») is a person and keeps its dots; two
  names written one after the other are two people.
- «(по согласованию)» and other parenthesised remarks are notes, not roles.
- «X (далее – ABBR)» declares ABBR as short for X without its head word: in seed 001
  «Члены образовательно-производственного кластера (далее – ОПК)» makes «ОПК» stand for
  «образовательно-производственного кластера», so «Члены ОПК» is the same role as the full one.
  Alone, an abbreviation means the body in the nominative: «КС» → «Координационный совет».
- Names are tidied: spaces collapsed, trailing punctuation dropped, the first letter
  capitalised; the rest is kept as written. Roles are compared by ``role_key``: case, «ё» and
  punctuation ignored.
- A collective role («Руководители ПОО», «члены кластера», «все ПОО», «образовательные
  организации») gives one assignment per member organization; a named body («Секретарь КС»,
  «ЦОПП», «Министерство …») or a person («Иванова Т.П.») is one shared assignment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Words that begin a role; a capitalised one in mid-cell starts a new role.
ROLE_HEADS = (
    "руководител",
    "председател",
    "секретар",
    "член",
    "представител",
    "директор",
    "заместител",
    "специалист",
    "эксперт",
    "работодател",
    "администраци",
    "департамент",
    "министерств",
    "управлени",
    "отдел",
    "педагог",
    "преподавател",
    "мастер",
    "методист",
    "ответственн",
    "координатор",
    "куратор",
)
# The nominative endings of each role word (singular, plural): only these start a new role
# mid-cell; «Департамента», «Министерства», «Заместителя» continue the phrase before them.
NOMINATIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    "руководител": ("ь", "и"),
    "председател": ("ь", "и"),
    "секретар": ("ь", "и"),
    "член": ("", "ы"),
    "представител": ("ь", "и"),
    "директор": ("", "ы"),
    "заместител": ("ь", "и"),
    "специалист": ("", "ы"),
    "эксперт": ("", "ы"),
    "работодател": ("ь", "и"),
    "администраци": ("я",),
    "департамент": ("",),
    "министерств": ("о",),
    "управлени": ("е",),
    "отдел": ("", "ы"),
    "педагог": ("", "и"),
    "преподавател": ("ь", "и"),
    "мастер": ("", "а"),
    "методист": ("", "ы"),
    "ответственн": ("ый", "ая", "ое", "ые"),
    "координатор": ("", "ы"),
    "куратор": ("", "ы"),
}
# Words that, lowercase after a comma, begin another person or body («…, специалисты …»):
# the role words above and the people and bodies plans list beside them.
PEOPLE_HEADS = (
    *ROLE_HEADS,
    "учител",
    "классн",
    "воспитател",
    "психолог",
    "социальн",
    "библиотекар",
    "тьютор",
    "наставник",
    "студент",
    "обучающ",
    "учащ",
    "родител",
    "выпускник",
    "волонтер",
    "волонтёр",
    "участник",
    "партнер",
    "партнёр",
    "организатор",
    "инспектор",
    "начальник",
    "глава",
    "ректор",
    "проректор",
    "декан",
    "завуч",
    "заведующ",
    "сотрудник",
    "работник",
    "служб",
    "комисси",
    "групп",
    "совет",
    "центр",
    "оргкомитет",
    "жюри",
    "все",
    "весь",
)
# A lowercase word after a comma that goes on with the phrase before it.
_PREPOSITIONS = frozenset(
    {"по", "в", "во", "на", "при", "для", "с", "со", "к", "о", "об", "из", "от"}
)
_GENITIVE = ("а", "я", "ы", "и", "ов", "ев", "ей", "ого", "его", "ой", "ых", "их")
_NOMINATIVE_ADJECTIVE = ("ые", "ие", "ый", "ий", "ая", "яя", "ое", "ее")
# «Т.П.», «Т. П.», «Т.»: the initials of a name.
_INITIALS = re.compile(r"^(?:[А-ЯЁ]\.\s?){1,2}$")
_SURNAME = re.compile(r"^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$")

# Nominative names of bodies that are roles by themselves («Координационный совет»).
BODY_HEADS = ("координационный", "рабочая", "совет", "центр", "организаци", "предприяти")
# Organisations written as abbreviations that act as roles on their own.
STANDALONE_ABBREVIATIONS = frozenset(
    {"ЦОПП", "ЦЗН", "МЦК", "РЦ", "РКЦ", "ЦПДЭ", "ИРО", "ИРПО", "ЦОК", "ЦРПО", "ОПК", "КС"}
)
_ALIAS = re.compile(r"\(\s*далее\s*[-–—−‐]?\s*[«\"“]?(?P<alias>[^()»\"”]+?)[»\"”]?\s*\)", re.I)
_PARENTHESES = re.compile(r"\(([^()]*)\)")
_SEPARATORS = re.compile(r"(\s*[,;\n]\s*|\s+и\s+(?=[А-ЯЁ]))")
_SPACES = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[^\w\s]+")
_ABBREVIATION = re.compile(r"^[А-ЯЁA-Z]{2,}$")

# Collective roles, matched on the normalised name. Colleges: «ПОО», «ОО», «колледж…»,
# «техникум…», «организаци…». A head of them («руководители ПОО», «директора колледжей»,
# «члены ОПК» after expansion, «участники кластера»), or the colleges named as the role
# themselves («все ПОО», «ПОО кластера», «ведущие ПОО», «образовательные организации»).
# Heads in the plural: «руководитель Томского техникума» is one person, not every college's.
_PLURAL_HEADS = r"руководител(и|ей|ям)|директор(а|ы|ов|ам)|член(ы|ов|ам)|участник(и|ов|ам)"
_COLLEGES = r"(поо|оо|колледж\w*|техникум\w*|организаци\w*)\b"
_COLLECTIVE = (
    re.compile(rf"\b({_PLURAL_HEADS}) .*\b{_COLLEGES}"),
    re.compile(r"\b(член(ы|ов|ам)|участник(и|ов|ам)) .*\b(кластер|опк)"),
    re.compile(r"^(все )?(\w+ )?(поо|оо|колледжи|техникумы|образовательные организации)\b"),
)


def normalise(text: str) -> str:
    """The one comparison form of names, titles and item texts: case, «ё», punctuation and
    extra spaces ignored («Члены ОПК.» and «члены  ОПК» are the same)."""
    text = text.casefold().replace("ё", "е")
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", text)).strip()


def role_key(name: str) -> str:
    """The key a plan role and its aliases are stored and looked up by."""
    return normalise(name)


def is_per_organization(role_name: str) -> bool:
    """Whether a role stands for every member organization (one assignment per college)."""
    key = role_key(role_name)
    return any(rule.search(key) for rule in _COLLECTIVE)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _nominative(phrase: str) -> str:
    """«координационного совета» → «Координационный совет»: enough for the bodies plans name."""
    words = phrase.split()
    result = []
    for index, word in enumerate(words):
        lower = word.lower()
        if lower.endswith("ого") and len(lower) > 4:
            stem = word[:-3]
            word = stem + ("ий" if stem[-1:].lower() in "кгхжшчщ" else "ый")
        elif lower.endswith("его") and len(lower) > 4:
            word = word[:-3] + "ий"
        elif index == len(words) - 1 and lower.endswith("а") and len(lower) > 3:
            word = word[:-1]
        result.append(word)
    return _capitalise(" ".join(result))


def _head_word(word: str) -> bool:
    lower = word.lower()
    return any(lower.startswith(head) for head in ROLE_HEADS)


def _strip_head(phrase: str) -> str:
    words = phrase.split()
    while words and _head_word(words[0]):
        words = words[1:]
    return " ".join(words)


@dataclass
class RoleBook:
    """Roles found in one document, in order of first appearance, with their aliases."""

    names: dict[str, str] = field(default_factory=dict)  # key → canonical name
    aliases: dict[str, list[str]] = field(default_factory=dict)  # key → aliases as written
    abbreviations: dict[str, str] = field(default_factory=dict)  # ABBR → expansion (genitive)

    def learn_aliases(self, cell: str) -> None:
        """Record «(далее – ABBR)» declarations of a cell before its roles are read."""
        for match in _ALIAS.finditer(cell):
            alias = match["alias"].strip()
            before = cell[: match.start()]
            phrase = re.split(r"[,;\n]", before)[-1].strip()
            expansion = _strip_head(phrase) or phrase
            if alias and expansion:
                self.abbreviations[alias] = expansion

    def _expand(self, part: str) -> tuple[str, str | None]:
        """Replace declared abbreviations; returns (name, the alias as written or None)."""
        words = part.split()
        if len(words) == 1 and words[0] in self.abbreviations:
            return _nominative(self.abbreviations[words[0]]), part
        expanded, used = [], False
        for word in words:
            if word in self.abbreviations:
                expanded.append(self.abbreviations[word])
                used = True
            else:
                expanded.append(word)
        return (" ".join(expanded), part) if used else (part, None)

    def add(self, name: str, alias: str | None = None) -> str:
        key = role_key(name)
        canonical = self.names.setdefault(key, name)
        if alias and role_key(alias) != key:
            known = self.aliases.setdefault(key, [])
            if role_key(alias) not in {role_key(a) for a in known}:
                known.append(alias)
        return canonical

    def split(self, cell: str) -> tuple[list[str], list[str]]:
        """Canonical role names of an executors cell, and its notes («по согласованию»)."""
        self.learn_aliases(cell)
        notes: list[str] = []

        def keep_note(match: re.Match[str]) -> str:
            inner = match[1].strip()
            if inner and not inner.lower().startswith("далее"):
                notes.append(inner)
            return " "

        without_notes = _PARENTHESES.sub(keep_note, cell)
        roles: list[str] = []
        for chunk in _chunks(without_notes):
            for part in _split_heads(chunk):
                name = _tidy(part)
                if not name:
                    continue
                expanded, alias = self._expand(name)
                canonical = self.add(_capitalise(expanded), _capitalise(alias) if alias else None)
                if canonical not in roles:
                    roles.append(canonical)
        return roles, notes


def _chunks(cell: str) -> list[str]:
    """The cell cut at its separators, a comma inside one noun phrase put back."""
    pieces = _SEPARATORS.split(cell)
    chunks = [pieces[0]]
    for separator, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        comma = separator.strip() == ","
        if _goes_on(chunks[-1], piece, comma=comma):
            chunks[-1] = f"{chunks[-1]}{', ' if comma else ' и '}{piece.strip()}"
        else:
            chunks.append(piece)
    return chunks


def _goes_on(before: str, after: str, *, comma: bool) -> bool:
    """Whether ``after`` (following a comma or «и») continues the noun phrase ``before``."""
    words, previous = after.split(), before.split()
    if not words or not previous or _is_name(previous):
        return False
    first, last = words[0], previous[-1]
    if _ABBREVIATION.match(first) and first not in STANDALONE_ABBREVIATIONS:
        # «МО учителей русского языка, литературы, МХК», «по УР, ВР»: a subject, not a body.
        return len(previous) > 1 and (
            (last[:1].islower() and last.lower().endswith(_GENITIVE))
            or (previous[-2] == "по" and _ABBREVIATION.match(last) is not None)
        )
    if not comma or not first[:1].islower():
        return False
    if first in _PREPOSITIONS:
        return True
    lower = first.lower()
    if any(lower.startswith(head) for head in PEOPLE_HEADS):
        return False
    if lower.endswith(_NOMINATIVE_ADJECTIVE):
        return False
    # «учителей истории, обществознания»: a genitive after a genitive is one more of them.
    return lower.endswith(_GENITIVE) and last.lower().endswith(_GENITIVE) and len(previous) > 1


def _is_name(words: list[str]) -> bool:
    """«Иванова Т.П.» or «Т.П. Иванова» (the words of a chunk, possibly after a role)."""
    if len(words) >= 2 and _SURNAME.match(words[-2]) and _INITIALS.match(words[-1]):
        return True
    return len(words) >= 2 and bool(_INITIALS.match(words[-2])) and bool(_SURNAME.match(words[-1]))


def _tidy(text: str) -> str:
    tidy = _SPACES.sub(" ", text).strip(" .,;:-–—")
    # The dot of the last initial belongs to the name: «Иванова Т.П.», not «Иванова Т.П».
    if re.search(r"(?:^|[\s.])[А-ЯЁ]$", tidy) and text.rstrip(" ,;:").endswith("."):
        tidy += "."
    return tidy


def _split_heads(chunk: str) -> list[str]:
    words = chunk.split()
    parts: list[list[str]] = []
    for index, word in enumerate(words):
        starts_role = index > 0 and (
            _starts_name(words, index)
            or (word[:1].isupper() and not _ABBREVIATION.match(word) and _starts_role(word))
            or (
                word in STANDALONE_ABBREVIATIONS
                and _ABBREVIATION.match(words[index - 1]) is not None
            )
        )
        if starts_role or not parts:
            parts.append([word])
        else:
            parts[-1].append(word)
    return [" ".join(part) for part in parts]


def _starts_name(words: list[str], index: int) -> bool:
    """«Иванова Т.П. Петров А.А.»: a second name begins after the first one's initials."""
    if not _INITIALS.match(words[index - 1]) or index < 2:
        return False
    if not _SURNAME.match(words[index - 2]):
        return False  # «Т.П. Иванова»: the surname after the initials is the same person
    following = words[index + 1] if index + 1 < len(words) else ""
    return bool(_SURNAME.match(words[index])) and bool(_INITIALS.match(following))


def _starts_role(word: str) -> bool:
    lower = word.lower().split("-")[0]
    for head, endings in NOMINATIVE_ENDINGS.items():
        if lower.startswith(head):
            return lower[len(head) :] in endings
    # «Координационный совет» in the nominative starts a role; «Координационного совета» does not.
    return any(lower.startswith(head) for head in BODY_HEADS) and lower.endswith(
        ("ый", "ий", "ая", "т")
    )
