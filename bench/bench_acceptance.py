"""Benchmark: the acceptance set of real public plans (tests/data/real_plans), each built as DOCX,
XLSX and tab-separated text, imported and compared with a careful reader's reading of it.

Run: .venv/bin/python bench/bench_acceptance.py [--misses] [--plan NAME] [--dir DIR] [--pdf]
(``--dir``: a folder of plans in the same JSON form, e.g. a slice not yet in the set, measured
before anything is changed for it; ``--pdf``: each plan's DOCX also printed to PDF by
LibreOffice, one batch, and read back as a PDF — skipped with a reason where LibreOffice is
not installed).
Prints one line per plan and format (items expected / found, due dates right / total, rows glued
to another, sections taken for items, printed numbers kept (for information), or the refusal), a
total line per format and overall with
the percentages, and a last line of JSON. Target (the judge set it stands in for): at least 98%
of due dates right and 100% of items found, none glued, no section as an item.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.test_acceptance_plans import (
    BUILDERS,
    FORMATS,
    PLANS_DIR,
    Outcome,
    Plan,
    build_docx,
    compare,
    load_plans,
)

DEADLINE_TARGET = 0.98


def _percent(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 100.0


def _total(outcomes: list[Outcome]) -> dict[str, float | int]:
    expected = sum(o.expected for o in outcomes)
    return {
        "plans": len({o.plan for o in outcomes}),
        "items_expected": expected,
        "items_found": sum(o.matched for o in outcomes),
        "items_extra": sum(o.found - o.matched for o in outcomes),
        "deadlines_right": sum(o.deadlines_right for o in outcomes),
        "glued": sum(o.glued for o in outcomes),
        "sections_as_items": sum(o.sections_as_items for o in outcomes),
        "refused": sum(o.error is not None for o in outcomes),
        "numbers_right": sum(o.numbers_right for o in outcomes),
        "numbers_printed": sum(o.numbers_printed for o in outcomes),
        "items_found_pct": round(_percent(sum(o.matched for o in outcomes), expected), 2),
        "deadlines_right_pct": round(
            _percent(sum(o.deadlines_right for o in outcomes), expected), 2
        ),
    }


def _line(name: str, fmt: str, o: Outcome) -> str:
    tail = f"  {o.error}" if o.error else ""
    return (
        f"{name:<40} {fmt:<4} items {o.matched:>3}/{o.expected:<3} (found {o.found:>3})"
        f"  deadlines {o.deadlines_right:>3}/{o.expected:<3}"
        f"  glued {o.glued}  sections-as-items {o.sections_as_items}"
        f"  numbers {o.numbers_right}/{o.numbers_printed}{tail}"
    )


def _print_to_pdf(plans: list[Plan], folder: Path) -> bool:
    """Each plan's DOCX printed to PDF by LibreOffice in one batch; BUILDERS["pdf"] then reads
    it. False where LibreOffice is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return False
    for plan in plans:
        (folder / f"{plan.name}.docx").write_bytes(build_docx(plan))
    documents = [str(folder / f"{plan.name}.docx") for plan in plans]
    command = [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder)]
    subprocess.run([*command, *documents], check=True, capture_output=True, timeout=1800)
    for plan in plans:
        # A long batch now and then skips a document without a word: printed again alone.
        if not (folder / f"{plan.name}.pdf").exists():
            document = str(folder / f"{plan.name}.docx")
            subprocess.run([*command, document], check=True, capture_output=True, timeout=120)
    BUILDERS["pdf"] = lambda plan: (folder / f"{plan.name}.pdf").read_bytes()
    return True


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true", help="list each miss under its plan")
    parser.add_argument("--plan", help="only the plans whose name contains this")
    parser.add_argument("--dir", type=Path, default=PLANS_DIR, help="where the plans' JSON is")
    parser.add_argument("--pdf", action="store_true", help="also each plan printed to PDF")
    args = parser.parse_args()

    plans = [p for p in load_plans(args.dir) if not args.plan or args.plan in p.name]
    formats: tuple[str, ...] = FORMATS
    folder = tempfile.TemporaryDirectory()
    if args.pdf:
        if _print_to_pdf(plans, Path(folder.name)):
            formats = (*FORMATS, "pdf")
        else:
            print("PDF: skipped, LibreOffice (soffice) is not installed")
    outcomes: list[Outcome] = []
    for plan in plans:
        for fmt in formats:
            outcome = compare(plan, fmt)
            outcomes.append(outcome)
            print(_line(plan.name, fmt, outcome))
            if args.misses:
                for miss in outcome.item_misses + outcome.deadline_misses:
                    print(f"    {miss}")

    print()
    folder.cleanup()
    by_format = {fmt: _total([o for o in outcomes if o.fmt == fmt]) for fmt in formats}
    overall = _total(outcomes)
    for name, figures in [*by_format.items(), ("all", overall)]:
        verdict = (
            "OK"
            if figures["items_found_pct"] == 100.0
            and not figures["glued"]
            and not figures["sections_as_items"]
            and not figures["items_extra"]
            and figures["deadlines_right_pct"] >= DEADLINE_TARGET * 100
            else "BELOW TARGET"
        )
        print(
            f"TOTAL {name:<4} plans {figures['plans']}  items {figures['items_found']}"
            f"/{figures['items_expected']} ({figures['items_found_pct']:.1f}%),"
            f" extra {figures['items_extra']}"
            f"  deadlines {figures['deadlines_right']}/{figures['items_expected']}"
            f" ({figures['deadlines_right_pct']:.1f}%)  glued {figures['glued']}"
            f"  sections-as-items {figures['sections_as_items']}  refused {figures['refused']}"
            f"  numbers {figures['numbers_right']}/{figures['numbers_printed']}"
            f"  (target 100% items, >= 98% deadlines: {verdict})"
        )
    print(
        json.dumps(
            {"bench": "acceptance", **overall, "by_format": by_format},
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
