from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dekata import Quarantined, RawRow


def flatten_payload(rows: Iterator[RawRow]) -> tuple[list[dict[str, Any]], list[Quarantined]]:
    """Turns each row into {"user_id": int, "fields": {path: leaf}}, its
    payload flattened into dotted paths at any depth; or quarantines it as
    {"row": row, "error": ...} with an error naming the field at fault.
    Every row lands in exactly one list, in input order."""
    raise NotImplementedError("read each row's user_id, and flatten its payload into dotted paths, at any depth")
