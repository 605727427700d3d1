"""Renders the three exports once, as a reader of docs/exports/ sees them.

The cluster is the tests' (tests/test_exports.py build_world): seed plan 001 imported, two
colleges, the secretary, reports on 12.03–10.06.2021, «today» 15.06.2021. Then

    DOCX, XLSX → PDF   soffice --headless --convert-to pdf
    PDF → PNG          pdftoppm -png -r 60 -f 1 -l 2
    HTML → PNG         chromium --headless --screenshot --window-size=1280,1800 (and 420,1600)

Run from the repository: ``.venv/bin/python docs/exports/render.py`` (needs
libreoffice-writer-nogui, libreoffice-calc-nogui, poppler-utils and chromium).
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bot.exports.docx import write_docx  # noqa: E402
from bot.exports.html import write_html  # noqa: E402
from bot.exports.xlsx import write_xlsx  # noqa: E402
from storage.db import create_engine, create_session_factory  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from tests.test_exports import build_world, export_of  # noqa: E402

OUT = Path(__file__).resolve().parent


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=300)


async def _files(work: Path) -> dict[str, Path]:
    engine = create_engine(f"sqlite+aiosqlite:///{work / 'render.db'}")
    try:
        await upgrade(engine)
        factory = create_session_factory(engine)
        world = await build_world(factory)
        export = await export_of(factory, world.coordinator_id, world.cluster_id)
    finally:
        await engine.dispose()
    files = {
        "docx": work / "plan.docx",
        "xlsx": work / "plan.xlsx",
        "html": work / "plan.html",
    }
    files["docx"].write_bytes(write_docx(export))
    files["xlsx"].write_bytes(write_xlsx(export))
    files["html"].write_bytes(write_html(export))
    return files


def main() -> int:
    missing = [t for t in ("soffice", "pdftoppm", "chromium") if shutil.which(t) is None]
    if missing:
        print("missing tools: " + ", ".join(missing), file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        files = asyncio.run(_files(work))
        profile = f"-env:UserInstallation=file://{work / 'lo-profile'}"
        for kind in ("docx", "xlsx"):
            _run(
                "soffice",
                profile,
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(files[kind]),
            )
            pdf = files[kind].with_suffix(".pdf")
            shutil.copy(pdf, work / f"{kind}.pdf")
            _run(
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                "1",
                "-l",
                "2",
                str(work / f"{kind}.pdf"),
                str(OUT / kind),
            )
        for name, size in (("html-desktop", "1280,1800"), ("html-phone", "420,1600")):
            _run(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--screenshot={OUT / (name + '.png')}",
                f"--window-size={size}",
                files["html"].as_uri(),
            )
        shutil.copy(files["html"], OUT / "plan.html")
    for png in sorted(OUT.glob("*.png")):
        print(png.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
