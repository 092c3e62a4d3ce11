"""Types for dekata's Python solutions: the records the grader hands a
solution, and the output store of the backfill katas.

This is a stub for editors and type checkers (pyright, mypy): the records
are plain dicts at run time, so import these names for annotations only,

    from __future__ import annotations
    from typing import TYPE_CHECKING
    if TYPE_CHECKING:
        from dekata import Event

and `pyrightconfig.json` at the project's root finds this file.
"""

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, Protocol, TypedDict, TypeVar

class Event(TypedDict):
    """One record of the event streams most katas read."""

    event_id: str
    user_id: int
    event_type: str
    ts: int
    """Event time, Unix seconds."""
    ingested_at: int
    """Processing time, Unix seconds."""
    updated_by: str | None

class Source(Protocol):
    """A source that can be read again, with a budget of passes (the
    function's `passes` argument): each `open()` starts a new pass from the
    first event, and opening the next pass ends the one before. A pass
    beyond the budget raises."""

    budget: int
    """How many passes the budget allows in all."""
    opened: int
    """How many passes have been opened so far."""

    def open(self) -> Iterator[Event]:
        """A new pass over the whole source, from its first event."""

RawRow = dict[str, Any]
"""A loose JSON object, as `json.loads` gives it: any field may be missing,
null, or of the wrong type."""

class ParsedEvent(TypedDict):
    """A row that parsed."""

    user_id: int
    ts: int
    event_type: str
    amount: float | None

class Quarantined(TypedDict):
    """A row that did not parse, with the reason (which names the field)."""

    row: RawRow
    error: str

class Session(TypedDict):
    """One user's burst of activity: events no more than a gap apart."""

    user_id: int
    start_ts: int
    end_ts: int
    event_count: int

class DailyCount(TypedDict):
    """One row of a daily aggregate: `n` events of `user_id` on `day`."""

    day: date
    user_id: int
    n: int

Row = TypeVar("Row", DailyCount, Event)

class Table(Protocol[Row]):
    """The output store of the backfill katas, partitioned by day: a row's
    partition is its `day`, or for event rows the UTC day of its `ts`."""

    def append(self, rows: Iterable[Row]) -> None:
        """Adds rows to their days' partitions, beside what is there."""
    def overwrite_partition(self, day: date, rows: Iterable[Row]) -> None:
        """Replaces the partition of `day` with `rows`, every one of that day
        (an empty `rows` leaves the partition empty)."""
    def partition(self, day: date) -> list[Row]:
        """A copy of the rows of one day (empty when there are none)."""
