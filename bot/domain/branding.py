"""A cluster's colours and logo («в цветах брендбука») for the chart, the exports and the page.

Colours are ``#RRGGBB``. The defaults are neutral and accessible: text on the background and
white on the primary colour both pass WCAG AA (contrast ≥ 4.5). A cluster's own choice that
would not is refused, so a report never comes out unreadable.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
MIN_CONTRAST = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    a, b = sorted((luminance(first), luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@dataclass(frozen=True, slots=True)
class Branding:
    primary: str = "#1F4E79"  # headings, header rows, the chart's «done»
    accent: str = "#C55A11"  # overdue and warnings
    text: str = "#1A1A1A"
    background: str = "#FFFFFF"
    muted: str = "#D9D9D9"  # the chart's «not yet», table borders
    logo: str | None = None  # a PNG or JPEG file, shown in exports and the page
    organization: str = ""  # a line under the title, e.g. the council's name

    def with_changes(self, changes: Mapping[str, Any]) -> Branding:
        """This branding with a cluster's stored changes; invalid values are ignored."""
        known = {f.name for f in fields(self)}
        values: dict[str, Any] = {}
        for key, value in changes.items():
            if key not in known:
                continue
            if key in ("logo", "organization"):
                if value is None or isinstance(value, str):
                    values[key] = value or (None if key == "logo" else "")
            elif isinstance(value, str) and _HEX.match(value):
                values[key] = value.upper()
        candidate = replace(self, **values)
        return candidate if candidate.readable() else self

    def readable(self) -> bool:
        return all(
            _HEX.match(c) for c in (self.primary, self.accent, self.text, self.background)
        ) and (
            contrast(self.text, self.background) >= MIN_CONTRAST
            and contrast("#FFFFFF", self.primary) >= MIN_CONTRAST
            and contrast(self.accent, self.background) >= 3.0
        )
