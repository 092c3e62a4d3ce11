from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Event


def changes_only(events: Iterator[Event]) -> Iterator[Event]:
    """Yield an event only when its user's event_type changes; retries are
    never yielded and never a change."""
    raise NotImplementedError("keep a little state per user: the last type yielded, and enough to know a retry")
