"""`workplan import` through `bot.cli.main([...])`: every path ends in one clear line and an exit
code; a dry run into a cluster that already has the plan works (issue 8: it ended in a
traceback, a lazy load after the session's rollback)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(__file__).parent / "data" / "seeds"
MACHINES = SEEDS / "001_27c4642fe16f08b2.txt"  # «ПЛАН РАБОТЫ МАШИНОСТРОИТЕЛЬНОГО КЛАСТЕРА …»
TRANSPORT = SEEDS / "004_f363c0f42dae9604.txt"  # «План работы … кластера транспорта …»


Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch, database_url: str, capsys: pytest.CaptureFixture[str]
) -> Iterator[Cli]:
    """Runs `workplan ARGS` in this process on a fresh database; returns (code, out, err)."""
    for key in list(os.environ):
        if key.startswith("WORKPLAN_") or key == "BOT_TOKEN":
            monkeypatch.delenv(key)
    monkeypatch.setenv("WORKPLAN_CONFIG", str(ROOT / "config.toml"))
    monkeypatch.setenv("WORKPLAN_DATABASE__URL", database_url)
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    yield run
    root.handlers[:] = handlers
    root.setLevel(level)


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_a_dry_run_into_a_cluster_that_already_has_the_plan_shows_the_preview(
    cli: Cli, tmp_path: Path
) -> None:
    code, _, err = cli("import", str(MACHINES), "--cluster", "Машиностроение")
    assert code == 0, err
    code, out, err = cli("import", str(MACHINES), "--cluster", "Машиностроение", "--dry-run")
    assert code == 0, err
    assert "Этот файл уже импортирован" in out
    assert "Traceback" not in out + err

    corrected = tmp_path / "plan-v2.txt"
    text = MACHINES.read_text(encoding="utf-8")
    corrected.write_text(text.replace("Январь", "Февраль", 1), encoding="utf-8")
    code, out, err = cli("import", str(corrected), "--cluster", "Машиностроение", "--dry-run")
    assert code == 0, err
    assert "новая редакция документа" in out
    assert "Изменится: 1 пункт" in out
    assert "Traceback" not in out + err


def test_a_missing_file_is_one_line_with_exit_code_2(cli: Cli) -> None:
    code, out, err = cli("import", "nope.docx", "--cluster", "Машиностроение")
    assert (code, out) == (2, "")
    assert "nope.docx" in _one_line(err)


def test_a_bad_file_is_one_line_with_exit_code_2(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    code, out, err = cli("import", str(path), "--cluster", "Машиностроение")
    assert (code, out) == (2, "")
    assert "повреждён" in _one_line(err)


def test_an_unknown_cluster_is_created_by_the_import_and_a_dry_run_says_it_would_be(
    cli: Cli,
) -> None:
    code, out, err = cli("import", str(MACHINES), "--cluster", "Машиностроение", "--dry-run")
    assert code == 0
    assert "Найдено 16 пунктов" in out
    assert "будет создан" in _one_line(err)
    code, out, err = cli("import", str(MACHINES), "--cluster", "Машиностроение")
    assert code == 0
    assert "Добавлено пунктов: 16" in out
    assert "Создан кластер «Машиностроение»" in _one_line(err)
    _, _, err = cli("import", str(MACHINES), "--cluster", "Машиностроение", "--dry-run")
    assert err == ""  # the cluster is known now


def test_a_database_that_cannot_be_opened_is_one_line_with_exit_code_2(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A folder where the database file should be: SQLite cannot open it.
    monkeypatch.setenv("WORKPLAN_DATABASE__URL", f"sqlite+aiosqlite:///{tmp_path}")
    code, out, err = cli("import", str(MACHINES), "--cluster", "Машиностроение")
    assert (code, out) == (2, "")
    assert "Не удалось открыть базу данных" in _one_line(err)
    code, out, err = cli("db", "current")
    assert (code, out) == (2, "")
    assert "Не удалось открыть базу данных" in _one_line(err)


def test_a_plan_naming_another_cluster_is_refused_unless_confirmed_with_yes(cli: Cli) -> None:
    code, out, err = cli("import", str(TRANSPORT), "--cluster", "Кластер сельского хозяйства")
    assert (code, out) == (2, "")
    line = _one_line(err)
    assert "план другого кластера: в заголовке — «кластера транспорта»" in line
    assert "--yes" in line
    # Nothing was stored, not even the new cluster.
    code, out, err = cli(
        "import", str(TRANSPORT), "--cluster", "Кластер сельского хозяйства", "--dry-run"
    )
    assert code == 0
    assert "план другого кластера" in out
    assert "Найдено" in out
    assert "будет создан" in err
    code, out, _ = cli(
        "import", str(TRANSPORT), "--cluster", "Кластер сельского хозяйства", "--yes"
    )
    assert code == 0
    assert "Добавлено пунктов" in out


def test_a_plan_of_its_own_cluster_needs_no_yes(cli: Cli) -> None:
    code, out, err = cli("import", str(TRANSPORT), "--cluster", "Кластер транспорта")
    assert code == 0, err
    assert "Добавлено пунктов" in out
