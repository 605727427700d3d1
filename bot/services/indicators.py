"""Indicators of items («2022 год – 50% от количества экспертов ДЭ») and their actual values.

The value is asked when an item is reported done, for the indicator of the year of the
assignment's deadline. Each report's value is kept in ``indicator_values`` (with its college);
``Indicator.actual`` / ``actual_at`` hold the latest value reported for the item — for a shared
item that is the value itself.

Other features read the values through :func:`indicator_values`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from storage import stats as reads
from storage.models import Indicator, Item
from storage.uow import Storage


def indicator_for(item: Item, due: date) -> Indicator | None:
    """The item's indicator for the year of ``due`` (the first by position), if any."""
    return next((i for i in item.indicators if i.year == due.year), None)


@dataclass(frozen=True, slots=True)
class IndicatorValueView:
    """One indicator with one actual value: per college where the colleges reported it."""

    year: int | None
    text: str  # as the plan writes it: «2022 год – 50% от количества экспертов ДЭ»
    target: str | None  # «50%»
    actual: str | None  # «52%»; None: not reported yet
    organization: str | None  # the college that reported it; None: a shared item's value


async def indicator_values(
    storage: Storage, item_ids: Sequence[int]
) -> dict[int, list[IndicatorValueView]]:
    """``{item_id: [IndicatorValueView, …]}`` for the items that have indicators, in the
    plan's order: the latest value of each college (or of the shared item) per indicator; an
    indicator nobody reported yet comes once with ``actual=Indicator.actual`` (None). One
    statement whatever the number of items."""
    latest: dict[tuple[int, int, int | None], IndicatorValueView] = {}
    for row in await reads.indicator_value_rows(storage.session, list(item_ids)):
        indicator = row.indicator
        key: tuple[int, int, int | None]
        if row.value is None:
            key = (indicator.item_id, indicator.id, None)
            actual = indicator.actual
        else:
            key = (indicator.item_id, indicator.id, row.value.organization_id)
            actual = row.value.value
        # Rows come oldest first: a later value of the same college replaces the earlier one.
        latest[key] = IndicatorValueView(
            indicator.year,
            indicator.text,
            indicator.target,
            actual,
            row.organization.name if row.organization is not None else None,
        )
    found: dict[int, list[IndicatorValueView]] = {}
    for (item_id, _indicator_id, _organization_id), view in latest.items():
        found.setdefault(item_id, []).append(view)
    return found
