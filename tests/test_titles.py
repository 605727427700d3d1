"""A plan's title naming another cluster than the one it is imported into."""

from __future__ import annotations

import pytest

from bot.domain.titles import other_cluster_named

TRANSPORT = "План работы образовательно-отраслевого кластера транспорта на 2021 – 2022 учебный год"
MACHINES = "ПЛАН РАБОТЫ МАШИНОСТРОИТЕЛЬНОГО КЛАСТЕРА НА 2021 ГОД"


@pytest.mark.parametrize(
    ("title", "cluster", "warning"),
    [
        (TRANSPORT, "Кластер сельского хозяйства", "кластера транспорта"),
        (TRANSPORT, "Транспорт", None),
        (TRANSPORT, "Кластер транспорта и логистики", None),
        (MACHINES, "Машиностроение", None),
        (MACHINES, "Кластер сельского хозяйства", "машиностроительного кластера"),
        ("План работы сельскохозяйственного кластера на 2022 год", "Сельское хозяйство", None),
        (
            "План работы кластера транспорта Томской области",
            "Кластер сельского хозяйства Томской области",
            "кластера транспорта",
        ),
        ("ПЛАН РАБОТЫ КЛАСТЕРА А НА 2022 ГОД", "Кластер Б", "кластера а"),
        ("ПЛАН РАБОТЫ КЛАСТЕРА А НА 2022 ГОД", "Кластер А", None),
    ],
)
def test_a_title_naming_another_cluster_is_noticed_by_its_significant_words(
    title: str, cluster: str, warning: str | None
) -> None:
    assert other_cluster_named(title, cluster) == warning


@pytest.mark.parametrize(
    "title",
    [
        "План работы на 2021 год",
        "Пленарное заседание по итогам работы круглых столов образовательно-отраслевых кластеров",
        "ПРОТОКОЛ № 4 совещания ведущих профессиональных образовательных организаций Томской"
        " области в образовательно-отраслевых кластерах",
        "План работы регионального образовательного кластера на 2022 год",
    ],
)
def test_no_warning_when_the_title_names_no_particular_cluster(title: str) -> None:
    assert other_cluster_named(title, "Кластер сельского хозяйства") is None
