from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Quarantined, RawRow


def parse_timestamps(rows: Iterator[RawRow]) -> tuple[list[dict], list[Quarantined]]:
    """Turns each row's ts, in whichever format it came, into {"ts": int} in
    UTC epoch seconds; or quarantines the row as {"row": row, "error": ...}
    with an error naming ts. Every row lands in exactly one list, in input
    order."""
    raise NotImplementedError("read ts in whichever format it came, and turn it into UTC epoch seconds")
