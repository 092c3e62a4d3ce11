from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import ParsedEvent, Quarantined, RawRow


def parse_events(rows: Iterator[RawRow]) -> tuple[list[ParsedEvent], list[Quarantined]]:
    """Parses each row into a ParsedEvent dict, or quarantines it as
    {"row": row, "error": ...} with an error naming the field at fault.
    Every row lands in exactly one of the two lists, in input order."""
    raise NotImplementedError("parse each row, or quarantine it with an error naming the field")
