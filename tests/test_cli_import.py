"""`workplan import`: the JSON contract, refusals with exit code 2, storing into a cluster."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import Cluster, Item, PlanDocument
from tests.test_process import _environment, _run_cli

SEEDS = Path(__file__).parent / "data" / "seeds"
PLAN = SEEDS / "001_27c4642fe16f08b2.txt"
NEWS = SEEDS / "002_57a866675da86cd7.txt"

pytestmark = pytest.mark.process


async def test_json_output_follows_the_contract(tmp_path: Path) -> None:
    code, out, err = await _run_cli(
        "import", str(PLAN), "--format", "json", env=_environment(), cwd=tmp_path
    )
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= {"document", "items", "roles", "warnings"}
    assert data["document"]["kind"] == "plan"
    assert data["document"]["period"] == {"start": "2021-01-01", "end": "2021-12-31"}
    first = data["items"][0]
    assert set(first) >= {"number", "section", "text", "executors", "result", "done", "deadline"}
    assert first["deadline"] == {
        "text": "Январь",
        "kind": "month",
        "occurrences": [{"start": "2021-01-01", "due": "2021-01-31"}],
    }
    assert first["done"] is True
    assert len(data["warnings"]) == 2


async def test_a_refused_document_exits_with_2_and_one_line(tmp_path: Path) -> None:
    code, out, err = await _run_cli("import", str(NEWS), env=_environment(), cwd=tmp_path)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "не план работы и не протокол" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "пустой"), (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "изображение")],
    ids=["an empty file", "a picture"],
)
async def test_broken_files_exit_with_2(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(content)
    code, out, err = await _run_cli("import", str(path), env=_environment(), cwd=tmp_path)
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1, err
    assert message in err


async def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    code, out, err = await _run_cli("import", "nope.docx", env=_environment(), cwd=tmp_path)
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1, err
    assert "nope.docx" in err


async def test_import_into_a_cluster_stores_once_and_a_dry_run_stores_nothing(
    tmp_path: Path, database_url: str, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    env = _environment(WORKPLAN_DATABASE__URL=database_url)
    code, out, err = await _run_cli(
        "import", str(PLAN), "--cluster", "Машиностроение", "--dry-run", env=env, cwd=tmp_path
    )
    assert code == 0, err
    assert "Найдено 16 пунктов в 4 разделах" in out

    async def count(model: type) -> int:
        async with session_factory() as session:
            return (await session.execute(select(func.count()).select_from(model))).scalar_one()

    assert await count(Item) == 0
    code, out, err = await _run_cli(
        "import", str(PLAN), "--cluster", "Машиностроение", env=env, cwd=tmp_path
    )
    assert code == 0, err
    assert "Добавлено пунктов: 16" in out
    code, out, _ = await _run_cli(
        "import", str(PLAN), "--cluster", "Машиностроение", env=env, cwd=tmp_path
    )
    assert "не изменился" in out
    assert await count(Item) == 16
    assert await count(PlanDocument) == 1
    assert await count(Cluster) == 1
    await asyncio.sleep(0)


def test_the_listing_keeps_each_item_on_its_lines_when_a_deadline_cell_has_two() -> None:
    # The Komi plan's «I, II кв.⏎II кв.»: the cell's lines on the item's line of the listing,
    # not a line of their own that reads like another item.
    import io

    from docx import Document

    from bot.domain.parsing import parse_document
    from bot.domain.readers import read_document
    from bot.i18n import default_translations
    from bot.telegram.views.imports import render_parsed_text

    document = Document()
    document.add_paragraph("План на 2008 год")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(
        table.rows,
        [
            ("Мероприятия", "Сроки", "Ответственные"),
            ("1. Приобретение оборудования", "I, II кв.\nII кв.", "заведующие МДОУ"),
            ("2. Приобретение труб", "I кв.", "руководители ОУ"),
        ],
        strict=True,
    ):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    parsed = parse_document(read_document(buffer.getvalue(), "plan.docx"))
    listing = render_parsed_text(default_translations().get("ru"), parsed)
    assert "| I, II кв. II кв. [" in listing
    assert not any(line.startswith("II кв.") for line in listing.split("\n"))
