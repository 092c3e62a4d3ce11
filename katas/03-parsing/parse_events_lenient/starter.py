from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import ParsedEvent, Quarantined, RawRow


def parse_events_lenient(rows: Iterator[RawRow]) -> tuple[list[ParsedEvent], list[Quarantined]]:
    """Coerces each row's fields by the lenient rules into a ParsedEvent
    dict, or quarantines the row as {"row": row, "error": ...} with an error
    naming the field at fault. Every row lands in exactly one of the two
    lists, in input order."""
    raise NotImplementedError("coerce each field by the lenient rules, or quarantine the row naming the field")
