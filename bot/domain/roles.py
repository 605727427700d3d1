"""Executors as plans write them → canonical plan roles, with aliases learnt from «(далее – КС)».

Rules (seeds 000, 001, 004 show each of them):
- A cell is split at commas and semicolons (a semicolon always parts two roles, a comma only
  between people or bodies, as below), before a capitalised role head that starts a new
  role mid-cell («Координационный совет Руководители ПОО» → two roles), and before a standalone
  organisation abbreviation that follows another abbreviation («Руководители ПОО ЦОПП» → two).
- A cell is split only between people or bodies, never inside one noun phrase: after a comma
  a lowercase genitive or a preposition goes on with the phrase before it («Руководитель МО
  учителей истории, обществознания» is one), a role word in the nominative starts a new one
  («Члены оргкомитета, специалисты министерства» is two). A capitalised role word mid-cell
  starts a role only in the nominative: «Директор Департамента образования» is one person.
- A name with initials («Иванова Т.П.», «Т.П. Иванова», «Иванова Т. П.») is a person and
  keeps its dots; two names written one after the other are two people («Г.В. Кислова
  И.А. Финогенова»). A title with a name is one person («зам. директора по УВР Петрова А.А.»).
- A line break is a separator between people or bodies, but a line that goes on with the
  phrase before it (a wrapped cell: «Департамент / образования», «главы администраций /
  муниципальных районов / Республики Мордовия») is put back. A quoted name is one name, its
  commas and line breaks included («МУК "Художественный музей-салон им. М.Ю. Лермонтова"»);
  abbreviations before a quoted name are a body («ООО "Водоканал"»). A slash with a space
  beside it separates («… / педагог-организатор»), one inside a word does not («УВР/ВР»).
  List markers inside a cell («1.», «2)», «–») and the column's name written again
  («Ответственные: …») are dropped. A name alone on the line under the title of one person
  is that person («полковник / Котенок А.А.»); under a body it is a person of its own
  («Департамент образования / Сердечный В.И.»). After a name, a capital
  begins the next person or body («Деменко Л.Я. Главы поселений»), and so does a body after
  a quoted name («МБУК «МЦКДР» МБУК «МЦБ»»), and a name or a body after a group in the plural
  («Классные руководители Столярова И.В.»); a noun after its adjective does not
  («Попечительский Совет»). A capitalised noun of people in the nominative mid-cell begins
  the next role («Кл. руководители Организатор Библиотекарь» is three; «Директор
  Департамента», «Совет Обучающихся» are one). «и» before a role word in the nominative parts
  two roles («главы поселений и руководители подразделений»); between two subjects it does
  not («Преподаватели ДП и МП»).
- A list of capitalised genitives after one noun names several bodies: each body named is a
  role of its own, the noun put in the singular, because each body acts and reports for
  itself (its own assignment), and a coordinator gives each role to that body's people once,
  for every item that names it. «администрации городов: Ростова-на-Дону, Шахт» →
  «Администрация города Ростова-на-Дону», «Администрация города Шахт»; «Главы администраций
  Азовского, Аксайского районов» → «Глава администрации Азовского района», «Глава
  администрации Аксайского района»; «руководители ПОО (Новочеркасского колледжа,
  Шахтинского техникума)» → «Руководитель Новочеркасского колледжа», «Руководитель
  Шахтинского техникума» (the colleges named, not every member college); «директора
  колледжей: Новочеркасского, Шахтинского» → «Директор Новочеркасского колледжа», …
  (listed adjectives go before the noun they are of). Colleges listed in the nominative
  («(Новочеркасский колледж, …)») are a note, and the role stays «Руководители ПОО». A bare
  genitive («Новочеркасска», «Шахт») is never a role: where the head cannot be put in the
  singular (a word not in ``_SINGULAR_HEADS`` / ``_SINGULAR_GENITIVES``) the whole list
  stays one role as written.
- «(по согласованию)» and other parenthesised remarks are notes, not roles; so are «и др.»
  and «совместно с …» (the partner named after «совместно с» is in the instrumental and is
  not made a role), unless the partner is an abbreviation, which does not decline:
  «Министерство образования совместно с ЦОПП» is two roles.
- «X (далее – ABBR)» declares ABBR as short for X without its head word: in seed 001
  «Члены образовательно-производственного кластера (далее – ОПК)» makes «ОПК» stand for
  «образовательно-производственного кластера», so «Члены ОПК» is the same role as the full one.
  Alone, an abbreviation means the body in the nominative: «КС» → «Координационный совет».
  A short name that is not an abbreviation («(далее – Управление образования)») stands for
  the whole body before it.
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
from functools import lru_cache

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
    "глав",
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
# A title of one person: a name on the line under it is the same person («полковник /
# Котенок А.А.», «Председатель Попечительского совета / Баева Н.А.»).
_PERSON_TITLES = (
    "руководитель",
    "председатель",
    "секретарь",
    "директор",
    "заместитель",
    "зам.",
    "специалист",
    "эксперт",
    "методист",
    "координатор",
    "куратор",
    "педагог",
    "преподаватель",
    "мастер",
    "начальник",
    "заведующ",
    "советник",
    "инспектор",
    "полковник",
    "подполковник",
    "майор",
    "капитан",
    "генерал",
    "ректор",
    "проректор",
    "декан",
    "глава",
    "главный",
    "ведущий",
    "старший",
    "учитель",
    "психолог",
    "социальный",
    "классный",
    "тьютор",
    "библиотекарь",
    "инженер",
    "ответственный",
    "ответственная",
)
_PLURAL_ENDINGS = ("и", "ы", "ие", "ые")
# Nouns of people: capitalised in the nominative mid-cell, one begins the next role
# («Кл. руководители Организатор Библиотекарь» is three).
_PERSON_NOUNS = (
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
    "педагог",
    "преподавател",
    "мастер",
    "методист",
    "ответственн",
    "координатор",
    "куратор",
    "учител",
    "воспитател",
    "психолог",
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
    "ректор",
    "проректор",
    "декан",
    "завуч",
    "заведующ",
    "сотрудник",
    "работник",
    "кл.",
)
# A lowercase word after a comma that goes on with the phrase before it.
_PREPOSITIONS = frozenset(
    {"по", "в", "во", "на", "при", "для", "с", "со", "к", "о", "об", "из", "от"}
)
_GENITIVE = ("а", "я", "ы", "и", "ов", "ев", "ей", "ого", "его", "ой", "ых", "их")
_NOMINATIVE_ADJECTIVE = ("ые", "ие", "ый", "ий", "ая", "яя", "ое", "ее")
# «Т.П.», «Т. П.», «Т.»: the initials of a name.
# «Т.П.», «Т.», and «С.А» (the last dot left out, as some plans print it).
_INITIALS = re.compile(r"^(?:(?:[А-ЯЁ]\.\s?){1,2}|[А-ЯЁ]\.[А-ЯЁ])$")
_SURNAME = re.compile(r"^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$")

# Nominative names of bodies that are roles by themselves («Координационный совет»).
BODY_HEADS = ("координационный", "рабочая", "совет", "центр", "организаци", "предприяти")
# Organisations written as abbreviations that act as roles on their own.
STANDALONE_ABBREVIATIONS = frozenset(
    {"ЦОПП", "ЦЗН", "МЦК", "РЦ", "РКЦ", "ЦПДЭ", "ИРО", "ИРПО", "ЦОК", "ЦРПО", "ОПК", "КС"}
)
_ALIAS = re.compile(r"\(\s*далее\s*[-–—−‐]?\s*[«\"“]?(?P<alias>[^()»\"”]+?)[»\"”]?\s*\)", re.I)
_PARENTHESES = re.compile(r"\(([^()]*)\)")
# «… и Петров А.А.», «главы поселений и руководители подразделений»: «и» before a capital or
# a role word may part two roles (``_goes_on`` decides).
_SEPARATORS = re.compile(
    r"(\s*[,;\n]\s*|\s+/\s*|\s*/\s+|\s+и\s+(?=[А-ЯЁ]|(?:"
    + "|".join(ROLE_HEADS)
    + r"|глав)[а-яё]*\b))"
)
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


# Lists of bodies after one noun («Главы администраций Азовского, Аксайского районов»): the
# head is put in the singular for each body named. Heads in the nominative plural, and the
# genitive plural nouns a list is «of»; a head that is not here keeps the list as one role.
_SINGULAR_HEADS = {
    "администрации": "администрация",
    "главы": "глава",
    "руководители": "руководитель",
    "директора": "директор",
    "директоры": "директор",
    "представители": "представитель",
    "начальники": "начальник",
    "заместители": "заместитель",
    "председатели": "председатель",
    "специалисты": "специалист",
    "органы": "орган",
    "отделы": "отдел",
    "комитеты": "комитет",
    "департаменты": "департамент",
    "управления": "управление",
    "советы": "совет",
    "мэрии": "мэрия",
}
_SINGULAR_GENITIVES = {
    "администраций": "администрации",
    "городов": "города",
    "районов": "района",
    "округов": "округа",
    "поселений": "поселения",
    "образований": "образования",
    "муниципалитетов": "муниципалитета",
    "областей": "области",
    "республик": "республики",
    "краев": "края",
    "колледжей": "колледжа",
    "техникумов": "техникума",
    "училищ": "училища",
    "школ": "школы",
    "учреждений": "учреждения",
    "организаций": "организации",
    "отделов": "отдела",
    "управлений": "управления",
    "комитетов": "комитета",
    "департаментов": "департамента",
    "министерств": "министерства",
    "органов": "органа",
    "советов": "совета",
}
# A capitalised adjective in the genitive singular: «Азовского», «Ростовского-на-Дону».
_ADJECTIVE = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]*)*(?:ого|его)"
# A head begins where a role does: after a separator, or after «и» before a capital or a
# role word (as ``_SEPARATORS`` parts them).
_ROLE_AFTER_AND = r"(?=[А-ЯЁ]|(?:" + "|".join(ROLE_HEADS) + r"|глав)[а-яё]*\b)"
_HEAD_START = rf"(?:^|(?<=[,;\n/])|(?<=\sи\s){_ROLE_AFTER_AND})"
_HEAD_CHAR = rf"(?:(?!\s+и\s+{_ROLE_AFTER_AND})[^,;\n:()/])"
# «Главы администраций Азовского, Аксайского и Батайского районов Ростовской области».
_ADJECTIVE_LIST = re.compile(
    rf"{_HEAD_START}(?P<head>{_HEAD_CHAR}+?)\s+"
    rf"(?P<adjectives>{_ADJECTIVE}(?:(?:\s*,\s*|\s*,?\s+и\s+){_ADJECTIVE})+)"
    r"\s+(?P<noun>(?!и\b)[а-яё]+)(?P<rest>[^,;\n()]*)"
)
# «администрации городов: Ростова-на-Дону, Новочеркасска, Шахт».
_COLON_LIST = re.compile(
    rf"{_HEAD_START}(?P<head>{_HEAD_CHAR}+?)\s*:\s*(?P<items>[А-ЯЁ«\"“][^;\n():]*)"
)
# «руководители ПОО (Новочеркасского колледжа, Шахтинского техникума)».
_PAREN_LIST = re.compile(rf"{_HEAD_START}(?P<head>{_HEAD_CHAR}+?)\s*\((?P<items>[^()]+)\)")
_LIST_ITEM_SEPARATOR = re.compile(r"\s*,\s*|\s+и\s+")
# A quoted name is one name: its commas, semicolons and line breaks are not separators.
_QUOTED = re.compile(r"«[^«»]*»|\"[^\"]*\"|“[^“”]*”")
_QUOTES = '«"“'
_KEPT_COMMA, _KEPT_SEMICOLON, _KEPT_AND, _KEPT_SLASH = "\ue000", "\ue001", "\ue002", "\ue003"
# «Ответственные: Иванова Т.П.»: the column's name written again in the cell.
_LABEL = re.compile(r"^\s*(?:ответственн[а-яё]*|исполнител[а-яё]*|отв\.)\s*:\s*", re.I)
# «Иванова Т.П. и др.», «… совместно с ЦОПП»: remarks, kept as notes.
_OTHERS = re.compile(r"\s+и\s+(?:др\.?|другие)(?![а-яё])(?!\s*[а-яё])")
_JOINTLY = re.compile(r"\s+(?P<note>совместно\s+с[о]?\s+[^,;\n()]+)")
# «1. Иванова Т.П.», «2) завуч», «– кураторы»: the marker of a list inside a cell.
_LIST_MARKER = re.compile(r"^(?:\d{1,2}[.)](?!\d)|[-–—•·*])\s*(?=\S)")
_NUMBER_WORD = re.compile(r"^\d{1,2}[.)]$")


@dataclass
class RoleBook:
    """Roles found in one document, in order of first appearance, with their aliases."""

    names: dict[str, str] = field(default_factory=dict)  # key → canonical name
    aliases: dict[str, list[str]] = field(default_factory=dict)  # key → aliases as written
    abbreviations: dict[str, str] = field(default_factory=dict)  # ABBR → expansion (genitive)
    short_names: dict[str, str] = field(default_factory=dict)  # key of «(далее – X)» → full

    def learn_aliases(self, cell: str) -> None:
        """Record «(далее – ABBR)» declarations of a cell before its roles are read."""
        for match in _ALIAS.finditer(cell):
            alias = match["alias"].strip()
            before = cell[: match.start()]
            phrase = re.split(r"[,;\n]|\s/|/\s", before)[-1].strip(" .,;:/-–—")
            if not alias or not phrase:
                continue
            if _ABBREVIATION.match(alias):
                self.abbreviations[alias] = _strip_head(phrase) or phrase
            else:
                # «Управление образования администрации района (далее – Управление
                # образования)»: a short name of the whole body.
                self.short_names[role_key(alias)] = _capitalise(_SPACES.sub(" ", phrase))

    def _expand(self, part: str) -> tuple[str, str | None]:
        """Replace declared abbreviations; returns (name, the alias as written or None)."""
        if role_key(part) in self.short_names:
            full = self.short_names[role_key(part)]
            return full, (part if role_key(full) != role_key(part) else None)
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
        parts, notes = _cell_parts(cell)
        roles: list[str] = []
        for name in parts:
            expanded, alias = self._expand(name)
            canonical = self.add(_capitalise(expanded), _capitalise(alias) if alias else None)
            if canonical not in roles:
                roles.append(canonical)
        return roles, list(notes)


@lru_cache(maxsize=4096)
def _cell_parts(cell: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The role names of an executors cell as written (before a document's abbreviations are
    expanded), and its notes. It depends on the text alone, so a plan whose rows repeat the
    same few executors («Руководители ПОО») reads each cell once."""
    notes: list[str] = []

    def keep_note(match: re.Match[str]) -> str:
        inner = _restore(match[1].strip())
        if inner and not inner.lower().startswith("далее"):
            notes.append(inner)
        return " "

    # «Чуева Г. Х..Кл. рук.»: a doubled dot before a capital ends a name.
    text = _QUOTED.sub(_protect, re.sub(r"\.\.(?=[А-ЯЁ])", ". ", _LABEL.sub("", cell)))
    # «1) директор; 2) завуч», «– кураторы»: list markers out, so a role begins there.
    text = re.sub(r"(^|[\n,;])\s*(?:\d{1,2}[.)](?!\d)|[•·*]|[-–—](?=\s))\s*", r"\1 ", text)
    text = _PAREN_LIST.sub(_distribute_paren, text)
    text = _distribute_lists(_join_wrapped_lines(_PARENTHESES.sub(keep_note, text)))
    if _OTHERS.search(text):
        notes.append("и др.")
        text = _OTHERS.sub("", text)

    def keep_jointly(match: re.Match[str]) -> str:
        note = _SPACES.sub(" ", match["note"]).strip()
        partner = note.split(maxsplit=2)[2] if len(note.split()) > 2 else ""
        if partner and _ABBREVIATION.match(partner.split()[0]):
            return f"; {partner}"  # «совместно с ЦОПП»: an abbreviation does not decline
        notes.append(_restore(note))
        return ""

    text = _JOINTLY.sub(keep_jointly, text)
    # A line beginning with «и» goes on with the line above («главы поселений / и
    # руководители …»), «и» then deciding as it does inside a line.
    text = re.sub(r"\s*\n\s*(?=и\s)", " ", text)
    parts: list[str] = []
    for chunk in _chunks(text):
        for part in _split_heads(chunk):
            name = _tidy(part)
            if re.search(r"[^\W\d_]", name):  # no letter: a list marker, a stray quote
                parts.append(name)
    return tuple(parts), tuple(notes)


def _join_wrapped_lines(text: str) -> str:
    """Put back the lines of a wrapped phrase («Главы администраций / Азовского, Аксайского
    / районов»), so that a list over several lines is seen whole; other line breaks stay."""
    lines: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if lines and not lines[-1].rstrip().endswith((",", ";")) and line.lstrip()[:1] not in ",;":
            before = re.split(r"[,;]", lines[-1])[-1]
            if _line_goes_on(before, line):
                lines[-1] = f"{lines[-1].rstrip()} {line.strip()}"
                continue
        lines.append(line)
    return "\n".join(lines)


def _protect(match: re.Match[str]) -> str:
    quoted = _SPACES.sub(" ", match[0])
    quoted = quoted.replace(",", _KEPT_COMMA).replace(";", _KEPT_SEMICOLON)
    return re.sub(r"(?<=\s)и(?=\s)", _KEPT_AND, quoted).replace("/", _KEPT_SLASH)


def _restore(text: str) -> str:
    return (
        text.replace(_KEPT_COMMA, ",")
        .replace(_KEPT_SEMICOLON, ";")
        .replace(_KEPT_AND, "и")
        .replace(_KEPT_SLASH, "/")
    )


def _keep_together(text: str) -> str:
    """A list that stays one role: its commas are no separators."""
    return text.replace(",", _KEPT_COMMA)


def _same_case(model: str, word: str) -> str:
    return _capitalise(word) if model[:1].isupper() else word


def _singular_genitive(word: str) -> str | None:
    """«районов» → «района», «муниципальных» → «муниципального»; None when unknown."""
    lower = word.lower().replace("ё", "е")
    if lower in _SINGULAR_GENITIVES:
        return _same_case(word, _SINGULAR_GENITIVES[lower])
    if lower.endswith("ых") and len(lower) > 4:
        return _same_case(word, lower[:-2] + "ого")
    if lower.endswith("их") and len(lower) > 4:
        ending = "ого" if lower[-3] in "кгхжшчщ" else "его"
        return _same_case(word, lower[:-2] + ending)
    return None


def _singular_head(words: list[str]) -> str | None:
    """«Главы администраций» → «Глава администрации»; None when a word is not known."""
    if not words:
        return None
    first = _SINGULAR_HEADS.get(words[0].lower().replace("ё", "е"))
    if first is None:
        return None
    result = [_same_case(words[0], first)]
    for word in words[1:]:
        if _ABBREVIATION.match(word):
            result.append(word)
            continue
        singular = _singular_genitive(word)
        if singular is None:
            return None
        result.append(singular)
    return " ".join(result)


def _is_body_item(item: str) -> bool:
    """A capitalised name of a place or body in a list: «Новочеркасска», «Азовского района»;
    not a person, a role of its own or an abbreviation standing for a body."""
    words = item.strip(" :;,").split()
    if not words or not words[0][:1].isupper() or _name_spans(words):
        return False
    first = words[0]
    if first in STANDALONE_ABBREVIATIONS or _starts_role(first):
        return False
    lower = first.lower()
    return not any(lower.startswith(head) for head in PEOPLE_HEADS)


def _distribute_lists(text: str) -> str:
    """One role per body of a list after one noun; the list kept whole where it cannot be.
    Run once the notes are out, so that a note does not hide where a phrase begins; a list in
    brackets is distributed before (``_distribute_paren``)."""
    text = _COLON_LIST.sub(_distribute_colon, text)
    return _ADJECTIVE_LIST.sub(_distribute_adjectives, text)


def _masculine(head: str) -> bool:
    """Whether an adjective in «-ого» can be of the head's last noun («колледжа», «района»;
    not «администрации», «школы»): only then does a listed adjective go before it."""
    return head.split()[-1].lower().endswith(("а", "я")) and len(head.split()) > 1


def _head_and_before(text: str) -> tuple[str, list[str]]:
    """The roles before a list's head in its segment, and the head's words: in «Иванова Т.П.
    Главы администраций» the head is «Главы администраций»."""
    parts = _split_heads(text)
    if not parts:
        return "", []
    lead = text[: len(text) - len(text.lstrip())]
    before = " ".join(parts[:-1])
    head = parts[-1].split()
    if head and (_NUMBER_WORD.match(head[0]) or _LIST_MARKER.fullmatch(head[0] + " ")):
        lead, head = f"{lead}{head[0]} ", head[1:]  # «1. Главы администраций: …»
    return lead + (f"{before}; " if before else ""), head


def _distribute_adjectives(match: re.Match[str]) -> str:
    # «Главы администраций Азовского, Аксайского районов» → «Глава администрации Азовского
    # района; Глава администрации Аксайского района».
    before, words = _head_and_before(match["head"])
    head = _singular_head(words)
    noun = _SINGULAR_GENITIVES.get(match["noun"].replace("ё", "е"))
    if head is None or noun is None:
        return _keep_together(match[0])
    adjectives = _LIST_ITEM_SEPARATOR.split(match["adjectives"])
    rest = match["rest"].rstrip()
    return before + "; ".join(f"{head} {adj} {noun}{rest}" for adj in adjectives)


def _distribute_colon(match: re.Match[str]) -> str:
    # «администрации городов: Ростова-на-Дону, Шахт» → «Администрация города Ростова-на-Дону;
    # Администрация города Шахт». The list ends where a role of its own begins.
    lead, words = _head_and_before(match["head"])
    if not words or words[-1].lower().replace("ё", "е") not in _SINGULAR_GENITIVES:
        return match[0]
    # The items and the separators between them; the list ends at the first item that is no
    # body of the list, and the rest goes on as written.
    tokens = re.split(r"(\s*,\s*|\s+и\s+)", match["items"].strip())
    items: list[str] = []
    taken = 0
    for index in range(0, len(tokens), 2):
        if not _is_body_item(tokens[index]):
            break
        items.append(tokens[index])
        taken = index + 1
    if not items:
        return match[0]
    rest = "".join(tokens[taken:])
    head = _singular_head(words)
    if head is None:
        listed = _keep_together(f"{' '.join(words)}: {''.join(tokens[:taken])}")
    elif all(re.fullmatch(_ADJECTIVE, item) for item in items) and _masculine(head):
        # «директора колледжей: Новочеркасского, Шахтинского» → «Директор Новочеркасского
        # колледжа», the adjective before the noun it is of.
        first, _space, group = head.partition(" ")
        listed = "; ".join(f"{first} {item} {group}" for item in items)
    else:
        listed = "; ".join(f"{head} {item}" for item in items)
    return lead + listed + rest


def _distribute_paren(match: re.Match[str]) -> str:
    # «руководители ПОО (Новочеркасского колледжа, Шахтинского техникума)» → «Руководитель
    # Новочеркасского колледжа; Руководитель Шахтинского техникума». «директора колледжей
    # (Новочеркасского, Шахтинского)» → «Директор Новочеркасского колледжа; …».
    lead, words = _head_and_before(match["head"])
    items = [item.strip() for item in _LIST_ITEM_SEPARATOR.split(match["items"].strip())]
    if not words or not items or not all(_is_body_item(item) for item in items):
        return match[0]
    bare = all(re.fullmatch(_ADJECTIVE, item) for item in items)
    if bare:
        head = _singular_head(words) if len(words) > 1 else None
        if head is None or not _masculine(head):
            return match[0]
        first, _space, group = head.partition(" ")
        return lead + "; ".join(f"{first} {item} {group}" for item in items)
    named = all(
        re.match(rf"{_ADJECTIVE}\s+[а-яё]", item)
        or re.match(rf"^(?:[А-ЯЁ]{{2,}}\s+)+[{_QUOTES}]", item)
        for item in items
    )
    head = _singular_head(words[:1])
    if not named or head is None:
        return match[0]
    return lead + "; ".join(f"{head} {item}" for item in items)


def _chunks(cell: str) -> list[str]:
    """The cell cut at its separators, a comma inside one noun phrase put back."""
    pieces = _SEPARATORS.split(cell)
    chunks = [pieces[0]]
    for separator, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        kind = separator.strip()
        if not kind and "\n" in separator:
            if _line_goes_on(chunks[-1], piece):
                chunks[-1] = f"{chunks[-1].rstrip()} {piece.strip()}"
            else:
                chunks.append(piece)
            continue
        comma = kind == ","
        if kind == ";":
            chunks.append(piece)  # a semicolon always parts two roles
            continue
        if kind == "и" and piece[:1].islower():
            # «главы поселений и руководители подразделений» → two; «… и обществознания» goes on.
            first = piece.split()[0] if piece.split() else ""
            if not (_starts_role(first) or first in ("главы", "глава")):
                chunks[-1] = f"{chunks[-1]} и {piece.strip()}"
            else:
                chunks.append(piece)
            continue
        if kind != "/" and _goes_on(chunks[-1], piece, comma=comma):
            chunks[-1] = f"{chunks[-1]}{', ' if comma else ' и '}{piece.strip()}"
        else:
            chunks.append(piece)
    return chunks


def _is_people_word(word: str) -> bool:
    lower = word.lower()
    return any(lower.startswith(head) for head in PEOPLE_HEADS)


def _names_a_body(words: list[str]) -> bool:
    """«ООО "Водоканал"», «ГУК РО "Театр"»: abbreviations before a quoted name are a body."""
    for word in words:
        if word[:1] in _QUOTES:
            return True
        if not _ABBREVIATION.match(word):
            return False
    return False


def _goes_on(before: str, after: str, *, comma: bool) -> bool:
    """Whether ``after`` (following a comma or «и») continues the noun phrase ``before``."""
    # The phrase ``after`` would go on with is the last part of ``before``.
    last_part = _split_heads(before)[-1] if before.split() else ""
    words, previous = after.split(), [w for w in last_part.split() if re.search(r"[^\W\d_]", w)]
    if not words or not previous or _ends_with_name(previous):
        return False
    # «Зав. по ВР и СВ.»: an abbreviation's closing dot is no part of it.
    first, last = words[0].rstrip("."), previous[-1].rstrip(".")
    if _names_a_body(words):
        return False
    if _ABBREVIATION.match(first) and first not in STANDALONE_ABBREVIATIONS:
        # «МО учителей русского языка, литературы, МХК», «по УР, ВР»: a subject, not a body;
        # «Преподаватели ДП и МП»: one more subject after «и».
        if not comma and _ABBREVIATION.match(last) and last not in STANDALONE_ABBREVIATIONS:
            return len(previous) > 1
        return len(previous) > 1 and (
            (last[:1].islower() and last.lower().endswith(_GENITIVE))
            or (previous[-2] == "по" and _ABBREVIATION.match(last) is not None)
        )
    if not comma or not first[:1].islower():
        return False
    if first in _PREPOSITIONS:
        return True
    lower = first.lower()
    if _is_people_word(first):
        return False
    if lower.endswith(_NOMINATIVE_ADJECTIVE):
        return False
    # «учителей истории, обществознания»: a genitive after a genitive is one more of them.
    return lower.endswith(_GENITIVE) and last.lower().endswith(_GENITIVE) and len(previous) > 1


def _line_goes_on(before: str, after: str) -> bool:
    """Whether a line continues the phrase of the line before (a cell's text wrapped):
    «Департамент / образования», «главы администраций / муниципальных районов / Республики
    Мордовия» are one; a name, a role word or a body abbreviation starts a new one."""
    # The phrase ``after`` would go on with is the last part of ``before``.
    last_part = _split_heads(before)[-1] if before.split() else ""
    words, previous = after.split(), [w for w in last_part.split() if re.search(r"[^\W\d_]", w)]
    if not words or not previous or _ends_with_name(previous):
        return False
    spans = _name_spans(words)
    if any(start == 0 for start, _end in spans):
        # A name alone on its line under the title of one person is that person.
        return spans == [(0, len(words))] and _titles_one_person(previous)
    first, last = words[0].rstrip(",;:"), previous[-1].rstrip(",;:")
    if _initials_end(words, 0) == len(words) and _SURNAME.match(last):
        return True  # «Попова / К.О.»: the initials of the surname above
    if first[:1] in _QUOTES:
        return _ABBREVIATION.match(last) is not None  # «МУК / "Художественный музей"»
    if _NUMBER_WORD.match(first) or _LIST_MARKER.match(first):
        return False
    if first[:1].islower():
        if first in _PREPOSITIONS or first == "и":
            return True
        if _is_people_word(first):
            return False
        # «Муниципальное / бюджетное учреждение»: an adjective still waiting for its noun
        return not first.lower().endswith(_NOMINATIVE_ADJECTIVE) or _bare_adjective(last)
    if first in _STATE_GENITIVES:
        return True  # «ФГБУЗ ЦГиЭ N 81 ФМБА / России»: of the state, not a body of its own
    if last in _PLACE_MARKS and first[:1].isupper():
        return True  # «учреждения ЗАТО / Северск»: the place's name
    if first in _PLACE_MARKS and last[:1].islower():
        return True  # «Муниципальное бюджетное учреждение / ЗАТО Северск "…"»
    if _ABBREVIATION.match(first) and _bare_adjective(last):
        return True  # «Шемуршинское / ДРСУ»: the adjective's body
    if _ABBREVIATION.match(first) or _starts_role(first) or _is_people_word(first):
        return False
    # «муниципальных районов / Республики Мордовия»: a capitalised genitive mid-phrase.
    return last[:1].islower() and first.lower().endswith((*_GENITIVE, "ой", "ей"))


# «… ФМБА / России», «… МЧС / Российской Федерации»: a line naming the state goes on with the
# body above it.
_STATE_GENITIVES = frozenset({"России", "Российской"})
# «ЗАТО Северск», «г. Пенза»: a place named after its mark
_PLACE_MARKS = frozenset({"ЗАТО", "г.", "с.", "пос.", "п.", "ст.", "пгт", "р.п."})


def _bare_adjective(word: str) -> bool:
    """«Муниципальное», «бюджетные»: an adjective (not a noun such as «Управление»)."""
    lower = word.lower()
    # «Управление», «развитие» are nouns; «летние», «средние» are adjectives
    return (
        len(lower) > 4
        and lower.endswith(_NOMINATIVE_ADJECTIVE)
        and not lower.endswith(("ение", "ание", "тие", "вие", "дие"))
    )


def _titles_one_person(words: list[str]) -> bool:
    """«полковник», «Председатель Попечительского совета»: a title of one person, no name."""
    if _name_spans(words):
        return False
    first = words[0].lower()
    return first.startswith(_PERSON_TITLES) and not first.endswith(_PLURAL_ENDINGS)


def _initials_end(words: list[str], start: int) -> int:
    """The index after the initials beginning at ``start`` («Т.П.», «Т. П.»), else ``start``."""
    letters, index = 0, start
    while index < len(words) and _INITIALS.match(words[index]):
        letters += sum(1 for char in words[index] if char.isupper())
        index += 1
    return index if 0 < letters <= 2 else start


def _name_spans(words: list[str]) -> list[tuple[int, int]]:
    """Where the names with initials are: «Иванова Т.П.», «Т.П. Иванова», «Иванова Т. П.»."""
    spans: list[tuple[int, int]] = []
    words = [word.rstrip(":;,") for word in words]  # «Иванова Т.П.:», «Петров,»
    index = 0
    while index < len(words):
        after_initials = _initials_end(words, index)
        if index < after_initials < len(words) and _SURNAME.match(words[after_initials]):
            spans.append((index, after_initials + 1))
            index = after_initials + 1
            continue
        if _SURNAME.match(words[index]) and not _titles_word(words[index]):
            end = _initials_end(words, index + 1)
            if end > index + 1:
                spans.append((index, end))
                index = end
                continue
        index += 1
    return spans


def _titles_word(word: str) -> bool:
    """«Полковник», «Директор», «Координатор»: a title, never a surname before initials."""
    lower = word.lower()
    return _is_people_word(word) or lower.startswith(_PERSON_TITLES) or _starts_role(word)


def _ends_with_name(words: list[str]) -> bool:
    """«Иванова Т.П.» or «Т.П. Иванова» ends the words (possibly after a role)."""
    return any(end == len(words) for _start, end in _name_spans(words))


def _tidy(text: str) -> str:
    tidy = _SPACES.sub(" ", _restore(text)).strip(" .,;:-–—")
    tidy = _LIST_MARKER.sub("", tidy).strip(" .,;:-–—")
    # The dot of the last initial belongs to the name: «Иванова Т.П.», not «Иванова Т.П».
    if re.search(r"(?:^|[\s.])[А-ЯЁ]$", tidy) and text.rstrip(" ,;:-–—").endswith("."):
        tidy += "."
    return tidy


def _split_heads(chunk: str) -> list[str]:
    words = chunk.split()
    # A name begins a new person where another name ends right before it.
    spans = _name_spans(words)
    ends = {end for _start, end in spans}
    starts = {start for start, _end in spans}
    parts: list[list[str]] = []
    for index, written in enumerate(words):
        # «Председатель:», «ВР,»: the punctuation a word carries does not change what it is.
        word = written.rstrip(":;,")
        previous = words[index - 1].rstrip(":;,") if index > 0 else ""
        starts_role = (
            index > 0
            and (
                # «Кулешова Р.В. Звягина М.А. Главы поселений»: after a name, a capital begins
                # the next person or body.
                (index in ends and (index in starts or word[:1].isupper() or _plural_people(word)))
                # «МБУК «МЦКДР» МБУК «МЦБ»»: after a quoted name, the next body.
                or (previous[-1:] in '»"”' and (_ABBREVIATION.match(word) or _starts_role(word)))
                or _NUMBER_WORD.match(word) is not None
                # «Классные руководители Столярова И.В.», «… руководители Шемуршинское
                # отделение»: a group in the plural is no title of the name or body after it.
                or (
                    _plural_people(previous)
                    and (index in starts or (word[:1].isupper() and _nominative_adjective(word)))
                )
                or (
                    word[:1].isupper()
                    and not _ABBREVIATION.match(word)
                    and (_starts_role(word) or _starts_person(word))
                    # «Попечительский Совет»: the noun of the adjective before it.
                    and not (_nominative_adjective(previous) and not _starts_person(previous))
                    and previous.lower() not in _PREPOSITIONS
                )
                or (word in STANDALONE_ABBREVIATIONS and _ABBREVIATION.match(previous) is not None)
            )
        )
        if starts_role or not parts:
            parts.append([written])
        else:
            parts[-1].append(written)
    return [" ".join(part) for part in parts]


def _starts_person(word: str) -> bool:
    """«Организатор», «Библиотекарь», «Заведующий», «Кл.», «Члены»: a noun of people in the
    nominative («Организатора», «Руководителей», «Учащихся» are not)."""
    lower = word.lower()
    if not lower.startswith(_PERSON_NOUNS):
        return False
    if lower.endswith(("ей", "ов", "ев", "ого", "его", "ому", "ему", "ихся", "ыхся", "ым", "им")):
        return False
    return (
        lower.endswith(("ь", "й", "и", "ы", "иеся", "еся", "."))
        or lower[-1:] in "бвгджзклмнпрстфхцчшщ"
    )


def _nominative_adjective(word: str) -> bool:
    return len(word) > 3 and word.lower().endswith(_NOMINATIVE_ADJECTIVE)


def _plural_people(word: str) -> bool:
    """«руководители», «педагоги», «члены»: people in the nominative plural («главы» can be a
    genitive singular, «заместитель главы», and is left out)."""
    lower = word.lower()
    return (
        _is_people_word(word)
        and not lower.startswith("глав")
        and lower.endswith(("и", "ы"))
        and not _ABBREVIATION.match(word)
    )


def _starts_role(word: str) -> bool:
    lower = word.lower().split("-")[0]
    for head, endings in NOMINATIVE_ENDINGS.items():
        if lower.startswith(head):
            return lower[len(head) :] in endings
    # «Координационный совет» in the nominative starts a role; «Координационного совета» does not.
    return any(lower.startswith(head) for head in BODY_HEADS) and lower.endswith(
        ("ый", "ий", "ая", "т")
    )
