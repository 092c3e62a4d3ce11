from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dekata import Quarantined, RawRow


def parse_amounts(rows: Iterator[RawRow]) -> tuple[list[dict], list[Quarantined]]:
    """Turns each row's money into {"amount_cents": int | None}, read from
    amount_cents (cents) when the row has that key, else from amount
    (dollars); or quarantines the row as {"row": row, "error": ...} with an
    error naming the field. Every row lands in exactly one list, in input order."""
    raise NotImplementedError("read amount_cents or amount, and turn it into whole cents without losing one")
