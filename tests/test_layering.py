"""The one dependency rule of ARCHITECTURE.md §1, checked on imports followed transitively.

A module may not reach a forbidden layer through another module either: the closure of each
module's imports inside the project is walked, and the third-party packages every module in
that closure imports are collected.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers", "storage")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {
    _module_name(path): path
    for package in PACKAGES
    for path in sorted((ROOT / package).rglob("*.py"))
}


@cache
def _direct_imports(module: str) -> frozenset[str]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return frozenset(names)


def _project_module(name: str) -> str | None:
    """The project module an import name refers to (``a.b.c`` may be module ``a.b``'s name c)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


@cache
def _closure(module: str) -> frozenset[str]:
    """Every project module ``module`` reaches, itself included."""
    seen = {module}
    stack = [module]
    while stack:
        for name in _direct_imports(stack.pop()):
            target = _project_module(name)
            if target is not None and target not in seen:
                seen.add(target)
                stack.append(target)
                # Importing a.b.c runs a and a.b first.
                parent = target.rpartition(".")[0]
                while parent:
                    if parent in MODULES and parent not in seen:
                        seen.add(parent)
                        stack.append(parent)
                    parent = parent.rpartition(".")[0]
    return frozenset(seen)


def _reached(module: str) -> set[str]:
    """Project modules and top-level third-party packages reached from ``module``."""
    reached: set[str] = set()
    for inner in _closure(module):
        reached.add(inner)
        reached.update(
            name.split(".")[0] for name in _direct_imports(inner) if _project_module(name) is None
        )
    return reached


def _in(module: str, *prefixes: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _of(*prefixes: str) -> list[str]:
    return sorted(m for m in MODULES if _in(m, *prefixes))


@pytest.mark.parametrize("module", _of("storage"))
def test_storage_reaches_neither_bot_nor_handlers_nor_aiogram(module: str) -> None:
    bad = {m for m in _reached(module) if _in(m, "bot", "handlers", "aiogram")}
    assert bad == set()


@pytest.mark.parametrize("module", _of("bot.services", "bot.domain", "bot.clock", "bot.errors"))
def test_services_and_domain_never_reach_aiogram_the_telegram_edge_or_handlers(
    module: str,
) -> None:
    bad = {
        m
        for m in _reached(module)
        if _in(m, "aiogram", "handlers", "bot.telegram", "bot.app", "bot.cli", "bot.i18n")
    }
    assert bad == set()


@pytest.mark.parametrize("module", _of("bot.domain"))
def test_domain_code_is_pure_and_reaches_neither_storage_nor_services(module: str) -> None:
    bad = {m for m in _reached(module) if _in(m, "storage", "sqlalchemy", "bot.services")}
    assert bad == set()


@pytest.mark.parametrize("module", _of("handlers", "bot.telegram"))
def test_the_edge_holds_no_sql(module: str) -> None:
    """Handlers and the Telegram edge reach storage through services; models for their types
    only, the unit of work only to open a session per update."""
    direct = _direct_imports(module)
    assert not {n for n in direct if _in(n, "sqlalchemy") and not _in(n, "sqlalchemy.ext.asyncio")}
    assert not {n for n in direct if _in(n, "storage.repositories", "storage.db")}


# What wires the layers together: the application, its CLI and its scheduler.
COMPOSITION = ("handlers", "bot.telegram", "bot.app", "bot.cli", "bot.__main__", "bot.scheduler")


def test_the_edge_is_reached_only_from_the_composition_root() -> None:
    reaching = {
        m
        for m in MODULES
        if not _in(m, *COMPOSITION)
        and {r for r in _closure(m) if _in(r, "handlers", "bot.telegram")}
    }
    assert reaching == set()


def test_the_rule_follows_imports_through_other_modules() -> None:
    """The walk is transitive: a handler reaches storage through a service it imports."""
    assert "storage.uow" in _closure("bot.services.reports")
    assert "storage.models" in _closure("handlers.reports")
    assert "bot.services.items" in _closure("handlers.reports")
    assert len(_of("storage")) >= 5
    assert len(_of("handlers")) >= 4
