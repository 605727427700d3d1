"""Callback data strings shared by notifications (services) and handlers: ids only.

The format is aiogram's CallbackData packing — ``prefix:field:field`` — so the handlers'
CallbackData classes with the same prefix and field order parse what services write.
"""

from __future__ import annotations

REPORT = "rep"  # rep:<action>:<report_id>  action: acc | ret | ok | no
ASSIGNMENT = "asg"  # asg:<action>:<assignment_id>  action: done | note | file | move | info


def report_action(action: str, report_id: int) -> str:
    return f"{REPORT}:{action}:{report_id}"


def assignment_action(action: str, assignment_id: int) -> str:
    return f"{ASSIGNMENT}:{action}:{assignment_id}"
