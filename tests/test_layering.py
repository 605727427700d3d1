"""The one dependency rule of ARCHITECTURE.md §1, checked on the import statements."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _top(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize("path", _modules("storage"), ids=lambda p: str(p.relative_to(ROOT)))
def test_storage_imports_neither_bot_nor_handlers_nor_aiogram(path: Path) -> None:
    assert {_top(n) for n in _imports(path)} & {"bot", "handlers", "aiogram"} == set()


@pytest.mark.parametrize(
    "path",
    _modules("bot/services") + _modules("bot/domain"),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_services_and_domain_never_import_aiogram_or_handlers(path: Path) -> None:
    assert {_top(n) for n in _imports(path)} & {"aiogram", "handlers"} == set()


@pytest.mark.parametrize("path", _modules("bot/domain"), ids=lambda p: str(p.relative_to(ROOT)))
def test_domain_code_is_pure_and_does_not_touch_storage_or_services(path: Path) -> None:
    imported = _imports(path)
    assert not {n for n in imported if _top(n) in {"storage", "sqlalchemy"}}
    assert not {n for n in imported if n.startswith("bot.services")}


@pytest.mark.parametrize("path", _modules("handlers"), ids=lambda p: str(p.relative_to(ROOT)))
def test_handlers_hold_no_sql(path: Path) -> None:
    imported = _imports(path)
    assert not {n for n in imported if n.startswith("sqlalchemy") and n != "sqlalchemy.ext.asyncio"}
    assert not {n for n in imported if n.startswith("storage.") and n not in _HANDLER_WIRING}


# Handlers see storage only to open a session per update (middleware), keep FSM state, and use
# the models' enums and types in annotations; queries stay in repositories (no sqlalchemy here).
_HANDLER_WIRING = {"storage.uow", "storage.models"}


def test_the_rule_checks_real_files() -> None:
    assert len(_modules("storage")) >= 5
    assert len(_modules("handlers")) >= 4
