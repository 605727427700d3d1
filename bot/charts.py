"""The summary's chart: progress by college (or by section) as horizontal bars, PNG bytes.

matplotlib with the Agg backend (no display), a figure made and closed per call. Sized for a
phone: about 1,080 pixels wide, large type, one bar a row, labels shortened, the cluster's
colours (done — primary, overdue — accent, not yet — muted).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure

from bot.domain.branding import Branding

MAX_BARS = 12
LABEL_LIMIT = 28
_LOCK = threading.Lock()  # matplotlib's font cache and text layout are not thread-safe


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    total: int
    done: int
    overdue: int


def _short(label: str) -> str:
    label = " ".join(label.split())
    return label if len(label) <= LABEL_LIMIT else label[: LABEL_LIMIT - 1].rstrip() + "…"


def progress_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    legend: tuple[str, str, str],
    branding: Branding | None = None,
    more: str | None = None,
) -> bytes:
    """A PNG of the bars (at most ``MAX_BARS``; ``more`` says how many were left out).
    ``legend``: the words for done, overdue and not yet."""
    brand = branding or Branding()
    shown = list(bars)[:MAX_BARS]
    rows = max(1, len(shown))
    height = 1.6 + 0.62 * rows
    with _LOCK:
        figure = Figure(figsize=(7.2, height), dpi=150, facecolor=brand.background)
        axes = figure.add_subplot(1, 1, 1)
        axes.set_facecolor(brand.background)
        labels = [_short(b.label) for b in shown]
        positions = list(range(len(shown)))[::-1]
        done = [b.done for b in shown]
        overdue = [b.overdue for b in shown]
        rest = [max(0, b.total - b.done - b.overdue) for b in shown]
        left_overdue = done
        left_rest = [d + o for d, o in zip(done, overdue, strict=True)]
        axes.barh(positions, done, color=brand.primary, label=legend[0], height=0.62)
        axes.barh(
            positions, overdue, left=left_overdue, color=brand.accent, label=legend[1], height=0.62
        )
        axes.barh(positions, rest, left=left_rest, color=brand.muted, label=legend[2], height=0.62)
        for position, bar in zip(positions, shown, strict=True):
            share = round(100 * bar.done / bar.total) if bar.total else 0
            axes.text(
                bar.total,
                position,
                f"  {bar.done}/{bar.total} · {share}%",
                va="center",
                ha="left",
                fontsize=11,
                color=brand.text,
            )
        axes.set_yticks(positions, labels, fontsize=12, color=brand.text)
        widest = max((b.total for b in shown), default=1) or 1
        axes.set_xlim(0, widest * 1.3)
        axes.set_xticks([])  # the counts stand at each bar's end
        for side in ("top", "right", "bottom"):
            axes.spines[side].set_visible(False)
        axes.set_title(title, fontsize=15, color=brand.text, loc="left", pad=34)
        axes.legend(
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            ncol=3,
            frameon=False,
            fontsize=11,
            labelcolor=brand.text,
            borderaxespad=0.2,
            handlelength=1.2,
        )
        if more:
            figure.text(0.01, 0.01, more, fontsize=10, color=brand.text)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", facecolor=brand.background)
    return buffer.getvalue()
