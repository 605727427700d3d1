"""Benchmark: `workplan --help` — wall time and peak memory of the process (issue 9, defect 16).

Run: .venv/bin/python bench/bench_cli_help.py [--repeat 5]
Starts the real `workplan --help` process the given number of times and prints the median and
the max wall time and the peak resident memory (ru_maxrss of the children). The CLI imports
aiogram, SQLAlchemy and the catalogues inside the commands, so --help loads none of them.
Target: < 1 s. Before the fix: 4.7 s and 224 MB (everything imported up front).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

WORKPLAN = str(Path(sys.executable).with_name("workplan"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        subprocess.run([WORKPLAN, "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        f"workplan --help: median {statistics.median(times):.3f} s, max {max(times):.3f} s, "
        f"peak memory {peak_kib / 1024:.1f} MiB ({args.repeat} runs)"
    )


if __name__ == "__main__":
    main()
