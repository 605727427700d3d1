"""Executors as plans write them → canonical plan roles, with aliases learnt from «(далее – КС)».

Rules (seeds 000, 001, 004 show each of them):
- A cell is split at commas and semicolons, before a capitalised role head that starts a new
  role mid-cell («Координационный совет Руководители ПОО» → two roles), and before a standalone
  organisation abbreviation that follows another abbreviation («Руководители ПОО ЦОПП» → two).
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
# Nominative names of bodies that are roles by themselves («Координационный совет»).
BODY_HEADS = ("координационный", "рабочая", "совет", "центр", "организаци", "предприяти")
# Organisations written as abbreviations that act as roles on their own.
STANDALONE_ABBREVIATIONS = frozenset(
    {"ЦОПП", "ЦЗН", "МЦК", "РЦ", "РКЦ", "ЦПДЭ", "ИРО", "ИРПО", "ЦОК", "ЦРПО", "ОПК", "КС"}
)
_ALIAS = re.compile(r"\(\s*далее\s*[-–—−‐]?\s*[«\"“]?(?P<alias>[^()»\"”]+?)[»\"”]?\s*\)", re.I)
_PARENTHESES = re.compile(r"\(([^()]*)\)")
_SEPARATORS = re.compile(r"\s*[,;\n]\s*|\s+и\s+(?=[А-ЯЁ])")
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
        for chunk in _SEPARATORS.split(without_notes):
            for part in _split_heads(chunk):
                name = _tidy(part)
                if not name:
                    continue
                expanded, alias = self._expand(name)
                canonical = self.add(_capitalise(expanded), _capitalise(alias) if alias else None)
                if canonical not in roles:
                    roles.append(canonical)
        return roles, notes


def _tidy(text: str) -> str:
    return _SPACES.sub(" ", text).strip(" .,;:-–—")


def _split_heads(chunk: str) -> list[str]:
    words = chunk.split()
    parts: list[list[str]] = []
    for index, word in enumerate(words):
        starts_role = index > 0 and (
            (word[:1].isupper() and not _ABBREVIATION.match(word) and _starts_role(word))
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


def _starts_role(word: str) -> bool:
    lower = word.lower()
    if _head_word(word):
        return True
    # «Координационный совет» in the nominative starts a role; «Координационного совета» does not.
    return any(lower.startswith(head) for head in BODY_HEADS) and lower.endswith(
        ("ый", "ий", "ая", "т")
    )
