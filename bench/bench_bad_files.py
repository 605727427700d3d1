"""Benchmark: the bad-file corpus of tests/test_bad_files.py, and large files that are accepted,
each read and parsed in a child process: the refusal (or the items found), the time and the peak
memory above the child's baseline.

Run: .venv/bin/python bench/bench_bad_files.py [--only SUBSTRING]
Peak memory: the child's peak RSS (VmHWM) above its RSS once the file is read, and
tracemalloc's peak of Python allocations during the parse (the time includes tracemalloc).
Target (issue 9, defect 5): peak below +200 MB for any accepted file; every bad file refused.
The last line is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIMIT_MB = 200


def _child(path: str, filename: str) -> None:
    """Runs in the child: parse one file, print one JSON line."""
    from bot.domain.readers import DEFAULT_MAX_BYTES
    from bot.errors import DocumentRejected
    from bot.services.imports import parse_upload

    data = Path(path).read_bytes()
    baseline = _status_kib("VmRSS")
    tracemalloc.start()
    started = time.perf_counter()
    try:
        parsed = parse_upload(
            data, filename, max_bytes=DEFAULT_MAX_BYTES, reference=date(2022, 1, 1)
        )
        outcome = f"accepted: {len(parsed.items)} items, {len(parsed.warnings)} warnings"
    except DocumentRejected as error:
        outcome = error.key
    seconds = time.perf_counter() - started
    _, traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    peak = _status_kib("VmHWM")  # not ru_maxrss: that one survives fork and exec
    print(
        json.dumps(
            {
                "outcome": outcome,
                "seconds": seconds,
                # The process's peak RSS above its RSS once the file was read (an upper bound:
                # it includes what importing the modules briefly took), and Python's own peak.
                "peak_mb": max(peak - baseline, 0) / 1024,
                "traced_mb": traced / 1024 / 1024,
            }
        )
    )


def _status_kib(field: str) -> int:
    """A figure of /proc/self/status in KiB: VmRSS now, VmHWM the peak since exec."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise LookupError(field)


def _large_plan_xlsx(rows: int, columns: int = 6) -> bytes:
    from openpyxl import Workbook

    from tests.test_bad_files import HEADER

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["План работы кластера транспорта на 2022 год"])
    sheet.append([*HEADER, *(f"Графа {c}" for c in range(columns - len(HEADER)))])
    for row in range(rows):
        sheet.append(
            [
                f"{row // 100 + 1}.{row % 100 + 1}.",
                f"Мероприятие {row}: организация и проведение совместной работы с предприятиями"
                " кластера по подготовке кадров для отрасли, включая стажировки и практику",
                "Руководители ПОО, члены координационного совета (по согласованию)",
                "до 01.05.2022",
                *(f"примечание {row}-{c} " * 3 for c in range(columns - len(HEADER))),
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _files() -> dict[str, tuple[str, bytes, str]]:
    from bot.domain.readers import xlsx
    from tests.test_bad_files import build_corpus, many_cells_xlsx

    files = build_corpus()
    # The corpus's file over the cell limit is small (the tests lower the limit): here, over
    # the real one.
    files["XLSX with too many cells"] = (
        "plan.xlsx",
        many_cells_xlsx(xlsx.MAX_CELLS + 500),
        "doc-too-many-cells",
    )
    files["accepted: XLSX plan of 5,000 rows"] = ("plan.xlsx", _large_plan_xlsx(5000), "accepted")
    near_limit = xlsx.MAX_CELLS // 6 - 10
    files[f"accepted: XLSX of {near_limit * 6:,} cells (at the limit)"] = (
        "plan.xlsx",
        _large_plan_xlsx(near_limit),
        "accepted",
    )
    return files


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    files = {name: f for name, f in _files().items() if args.only in name}
    results: list[dict[str, Any]] = []
    mishandled = 0
    with tempfile.TemporaryDirectory() as folder:
        for index, (name, (filename, data, expected)) in enumerate(files.items()):
            path = Path(folder) / f"{index}"
            path.write_bytes(data)
            done = subprocess.run(
                [sys.executable, __file__, "--child", str(path), filename],
                capture_output=True,
                text=True,
                check=False,
                cwd=ROOT,
            )
            figures: dict[str, Any]
            if done.returncode != 0:
                crash = "CRASH " + done.stderr.strip()[-200:]
                figures = {"outcome": crash, "seconds": 0.0, "peak_mb": 0.0, "traced_mb": 0.0}
            else:
                figures = json.loads(done.stdout.strip().splitlines()[-1])
            ok = figures["outcome"].split(":")[0] == expected and figures["peak_mb"] < LIMIT_MB
            mishandled += not ok
            results.append(
                {"file": name, "bytes": len(data), "expected": expected, **figures, "ok": ok}
            )
            print(
                f"{name:<48} {len(data) / 1024:>9.1f} KiB  {figures['outcome'][:44]:<44}"
                f" {figures['seconds']:>6.2f} s  +{figures['peak_mb']:>6.1f} MB RSS"
                f" ({figures['traced_mb']:>6.1f} MB traced)"
                f"{'' if ok else '  MISHANDLED'}",
                flush=True,
            )
    bad = [r for r in results if r["expected"] != "accepted"]
    accepted = [r for r in results if r["expected"] == "accepted"]
    summary = {
        "files": len(results),
        "bad_files": len(bad),
        "mishandled": mishandled,
        "worst_peak_mb": max((r["peak_mb"] for r in results), default=0.0),
        "worst_accepted_peak_mb": max((r["peak_mb"] for r in accepted), default=0.0),
        "worst_seconds": max((r["seconds"] for r in results), default=0.0),
        "limit_mb": LIMIT_MB,
        "results": results,
    }
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
