from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Quarantined, RawRow


def normalize_event_types(rows: Iterator[RawRow]) -> tuple[list[dict], list[Quarantined]]:
    """Reads each row's schema_version, then its user id and event type by
    that version's names, into {"user_id": int, "event_type": str | None}
    with the event type stripped and lowercased; or quarantines the row as
    {"row": row, "error": ...} with an error naming the field at fault.
    Every row lands in exactly one list, in input order."""
    raise NotImplementedError("read the row's version, its user id, and its event type stripped and lowercased")
