"""Role rules: one key for comparing roles, and which roles mean every member organization."""

from __future__ import annotations

import pytest

from bot.domain.roles import is_per_organization, normalise, role_key

# (executors as a plan writes them, one assignment per member organization?)
COLLECTIVE_OR_SHARED = [
    ("Руководители ПОО", True),
    ("руководители ведущих ПОО", True),
    ("Директора колледжей", True),
    ("Члены кластера", True),
    ("Члены ОПК", True),
    ("Члены образовательно-производственного кластера", True),
    ("Участники кластера", True),
    ("Все ПОО", True),
    ("ПОО кластера", True),
    ("ПОО — участники кластера", True),
    ("Образовательные организации", True),
    ("Профессиональные образовательные организации", True),
    ("Секретарь КС", False),
    ("Секретарь координационного совета", False),
    ("Председатель КС", False),
    ("Координационный совет", False),
    ("Руководители Координационных советов", False),
    ("ЦОПП", False),
    ("Министерство образования Томской области", False),
    ("Иванова Т.П.", False),
    ("Руководитель Томского техникума", False),
    ("Директор кластера", False),
    ("Члены КС", False),
    # One body of a list after one noun (issue 12): its own shared assignment.
    ("Руководитель Новочеркасского колледжа", False),
    ("Директор Шахтинского техникума", False),
    ("Глава администрации Азовского района", False),
    ("Администрация города Шахт", False),
]


@pytest.mark.parametrize(("name", "collective"), COLLECTIVE_OR_SHARED)
def test_a_collective_role_gives_one_assignment_per_organization_and_a_body_one_shared(
    name: str, collective: bool
) -> None:
    assert is_per_organization(name) is collective


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Члены ОПК.", "члены  ОПК"),
        ("Руководители ПОО", "РУКОВОДИТЕЛИ поо"),
        ("Заместитель директора по учебной работе", "заместитель директора по учёбной работе"),
        ("ПОО – участники кластера", "ПОО участники кластера"),
    ],
)
def test_roles_written_differently_have_one_key(a: str, b: str) -> None:
    assert role_key(a) == role_key(b)


def test_the_normaliser_ignores_case_yo_punctuation_and_spaces() -> None:
    assert normalise("  Отчёт о работе, «кластера»!  ") == "отчет о работе кластера"
