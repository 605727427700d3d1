"""Process-wide settings of the Python runtime that every `workplan` command starts with."""

from __future__ import annotations

import gc

# CPython collects its youngest generation every 700 new container objects. Importing a
# 5,000-row plan makes millions of them (the read cells, the parsed items, the loaded rows),
# nearly all of which stay alive until the preview is shown, so the collector walks them again
# and again: 0.5 s of a 2.4 s re-import preview, and stalls of the event loop of 0.4 s that
# every other chat waits out (bench/bench_import.py). At 20,000 the youngest generation stays
# a few MiB, and the older ones are collected as often as before, relative to it.
YOUNG_GENERATION = 20_000


def tune_collector() -> None:
    """Collect the youngest generation less often (see YOUNG_GENERATION)."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION, middle, old)
