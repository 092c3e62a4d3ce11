from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def scd2_history(events: Iterator[Event]) -> Iterable[dict]:
    """The type-2 history of each user's plan: one dict
    {"user_id": int, "value": str, "valid_from": int, "valid_to": int | None,
    "is_current": bool} per version."""
    raise NotImplementedError("per user, the changes keyed by ts; then walk each user's instants in ts order")
