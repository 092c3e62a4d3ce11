"""How dekata's Python worker calls a solution: exactly as the run's call
(grader/src/protocol/mod.rs, `Call`) says, worked out by dekata from the
kata's call shape. The input comes as copies fed on the request channel,
the output goes back as batches of items. Nothing here decides a
procedure: a backfill job's ranges and where its input fails, and where a
resumable job's chunks end, come from dekata. Part of dekata_worker.py.
"""

import datetime
import json
import types

# Output items per reply line.
BATCH = 1024
SECONDS_PER_DAY = 86_400
EPOCH = datetime.date(1970, 1, 1)
#: The feed line that ends one copy of the input (grader/src/feed.rs).
END = b'"end"'


class InjectedFailure(BaseException):
    """The input of a failing job call breaks here (the call's `fail_at`).
    Not an Exception, so a broad `except Exception` in a solution does not
    swallow it, as it could not swallow a real crash."""


def dumps(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False, default=plain)


def plain(value):
    """A value JSON cannot hold as it is, as the Rust side would show it."""
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return list(value)
    if isinstance(value, types.MappingProxyType):
        return dict(value)
    if hasattr(value, "__iter__") and not isinstance(value, (str, bytes)):
        return list(value)
    raise TypeError(f"<cannot be shown as JSON: {type(value).__name__}>")


class Feeds:
    """The copies of a run's input that follow its request, read lazily."""

    def __init__(self, requests, spec):
        self.requests = requests
        self.records = spec["records"]
        self.left = spec.get("feeds", 0)
        self.streams = spec.get("streams", 0)
        self.open = False

    def copy(self):
        """A fresh one-pass iterator over the next copy of the input."""
        self._next_copy()
        return self._records()

    def _next_copy(self):
        self.finish_copy()
        if self.left == 0:
            raise RuntimeError("dekata: the run asked for more copies of its input than were sent")
        self.left -= 1
        self.open = True

    def _line(self):
        line = self.requests.readline()
        if not line:
            raise EOFError("dekata: the input ended early")
        return json.loads(line)

    def _records(self):
        while self.open:
            message = self._line()
            if message == "end":
                self.open = False
                return
            if message != "cut":
                yield from message["batch"]

    def chunks(self):
        """The next copy of the input as lists of records, one per chunk
        (dekata marks where each ends); an empty input is one empty chunk."""
        self._next_copy()
        chunk = []
        while self.open:
            message = self._line()
            if message == "end":
                self.open = False
                yield chunk
            elif message == "cut":
                yield chunk
                chunk = []
            else:
                chunk.extend(message["batch"])

    def pulled(self, out):
        """The run's sorted streams (a merge kata's input), each a lazy
        iterator that asks dekata for its next batch when it runs dry."""
        return [self._pull(out, stream) for stream in range(self.streams)]

    def _pull(self, out, stream):
        ask = dumps({"reply": "pull", "id": out.id, "stream": stream})
        while True:
            out.channel.send_raw(ask)
            message = self._line()
            if message == "end":
                return
            yield from message["batch"]

    def finish_copy(self):
        """Reads what is left of the current copy (a solution need not
        read its whole input)."""
        while self.open:
            line = self.requests.readline()
            # The end line is `"end"` alone: a batch is skipped unread.
            if not line or line.rstrip() == END:
                self.open = False

    def finish(self):
        self.finish_copy()
        while self.left > 0:
            self.left -= 1
            self.open = True
            self.finish_copy()


class Output:
    """Streams a run's output items to the parent, a batch at a time."""

    def __init__(self, channel, run_id, form):
        self.channel = channel
        self.id = run_id
        self.form = form
        self.batch = []

    def push(self, item):
        self.batch.append(item)
        if len(self.batch) >= BATCH:
            self.flush()

    def flush(self):
        if not self.batch:
            return
        try:
            items = dumps(self.batch)
        except (TypeError, ValueError):
            items = "[" + ",".join(safe_dumps(i) for i in self.batch) + "]"
        head = dumps({"reply": "items", "id": self.id, "form": self.form})
        self.channel.send_raw(head[:-1] + ',"items":' + items + "}")
        self.batch = []


def safe_dumps(item):
    try:
        return dumps(item)
    except (TypeError, ValueError) as e:
        return dumps(f"<cannot be shown as JSON: {e}>")


class PassBudgetSpent(Exception):
    """A pass more than the source's budget was asked for."""


class Source:
    """A source that can be read again, with a budget of passes: each
    `open()` starts a new pass from the first record (the next copy dekata
    fed); the pass before it ends there. The budget is the call's first
    argument, and dekata feeds that many copies."""

    def __init__(self, feeds, budget):
        self._feeds = feeds
        self.budget = budget
        self.opened = 0

    def open(self):
        """A new pass over the whole source, from its first record."""
        if self.opened >= self.budget:
            raise PassBudgetSpent(
                f"the source was opened for pass {self.opened + 1} of a budget of {self.budget}: "
                "every pass reads the whole source, so plan the passes before the first one"
            )
        self.opened += 1
        return self._feeds.copy()

    def __iter__(self):
        raise TypeError("a Source is not an iterator: call source.open() for each pass")


# ------------------------------------------------- what a call returns, by form

def read_map(result, out):
    pairs = result.items() if hasattr(result, "items") else result
    for key, value in pairs:
        out.push({"key": key, "value": value})


def read_list(result, out):
    for item in result:
        out.push(item)


def read_value(result, out):
    out.push(result)


def read_split(result, out):
    parsed, quarantined = result
    for p in parsed:
        out.push({"parsed": p})
    for q in quarantined:
        out.push({"quarantined": q["row"], "error": q["error"]})


READERS = {"map": read_map, "list": read_list, "value": read_value, "split": read_split}


# ------------------------------------------------------------ backfill jobs

def utc_day(ts):
    return EPOCH + datetime.timedelta(days=ts // SECONDS_PER_DAY)


def day_of(row):
    """A row's partition: its `day`, or an event row's UTC event day."""
    if "day" in row:
        return row["day"]
    return utc_day(row["ts"])


class Table:
    """The output store of a backfill kata: rows partitioned by day."""

    def __init__(self):
        self._partitions = {}

    def append(self, rows):
        """Adds rows to their days' partitions, beside what is there."""
        for row in rows:
            self._partitions.setdefault(day_of(row), []).append(row)

    def overwrite_partition(self, day, rows):
        """Replaces the partition of `day` with `rows`, every one of that day."""
        rows = list(rows)
        for row in rows:
            if day_of(row) != day:
                raise ValueError(
                    f"overwrite_partition({day}) was given a row of {day_of(row)}: "
                    "every row must belong to the partition"
                )
        self._partitions[day] = rows

    def partition(self, day):
        """The rows of one day (empty when the partition does not exist)."""
        return list(self._partitions.get(day, ()))

    def partitions(self):
        return sorted(self._partitions.items())


def run_job(entry, feeds, job, args):
    """The job's calls, each on the next copy of the input, against a store
    that starts with the rows dekata sent."""
    table = Table()
    stale = []
    for row in job.get("stale_rows", []):
        row = dict(row)
        if "day" in row:
            row["day"] = datetime.date.fromisoformat(row["day"])
        stale.append(row)
    table.append(stale)
    for call in job["calls"]:
        start = datetime.date.fromisoformat(call["start"])
        end = datetime.date.fromisoformat(call["end"])
        records = feeds.copy()
        fail_at = call.get("fail_at")
        if fail_at is None:
            entry(records, start, end, table, *args)
            continue
        try:
            entry(failing(records, fail_at), start, end, table, *args)
        except InjectedFailure:
            pass
    return table


def failing(records, fail_at):
    for i, record in enumerate(records):
        if i == fail_at:
            raise InjectedFailure(f"the input failed after {fail_at} records")
        yield record


# ---------------------------------------------------------- resumable jobs

def run_chunks(entry, feeds, args, out, state_limit):
    """The input chunk by chunk, the state going through JSON between
    chunks, as after a restart. Returns the checkpoints seen."""
    seen = {"checkpoints": 0, "largest_bytes": 0}
    saved = "{}"
    chunks = feeds.chunks()
    chunk = next(chunks)
    read = 0
    while True:
        following = next(chunks, None)
        read += len(chunk)
        last = following is None
        state = json.loads(saved)
        saved = None
        emitted = entry(state, iter(chunk), last, *args)
        for item in emitted or ():
            out.push(item)
        if last:
            return seen
        saved = json.dumps(state, separators=(",", ":"))
        seen["checkpoints"] += 1
        seen["largest_bytes"] = max(seen["largest_bytes"], len(saved.encode("utf-8")))
        if state_limit is not None and len(saved) > state_limit:
            seen["stopped_after"] = read
            return seen
        chunk = following


def run_chunk(entry, feeds, args, out, resume):
    """One chunk of a job that restarts between chunks: the state from the
    checkpoint dekata hands over, one call, and the new checkpoint back."""
    state = json.loads(resume["state"]) if resume.get("state") is not None else {}
    emitted = entry(state, feeds.copy(), resume["last"], *args)
    for item in emitted or ():
        out.push(item)
    seen = {"checkpoints": 0, "largest_bytes": 0}
    if not resume["last"]:
        seen["saved"] = json.dumps(state, separators=(",", ":"))
    return seen


# ------------------------------------------------------------------- calls

def call(how, entry, feeds, args, request, out, spark):
    """Calls the solution as the run's call says, streaming its output;
    returns what the run's output adds beside its items."""
    with_ = how["with"]
    if with_ == "records":
        READERS[how["form"]](entry(feeds.copy(), *args), out)
    elif with_ == "streams":
        READERS[how["form"]](entry(feeds.pulled(out), *args), out)
    elif with_ == "passes":
        READERS[how["form"]](entry(Source(feeds, args[0]), *args), out)
    elif with_ == "job":
        for _, rows in run_job(entry, feeds, request["job"], args).partitions():
            for row in rows:
                out.push(row)
    elif with_ == "chunks" and request.get("resume") is not None:
        return {"state": run_chunk(entry, feeds, args, out, request["resume"])}
    elif with_ == "chunks":
        return {"state": run_chunks(entry, feeds, args, out, request.get("state_limit_bytes"))}
    elif with_ == "tables":
        return {"relation": spark.run(entry, request["spark"], args)}
    else:
        raise RuntimeError(f"dekata: this worker cannot call a solution with {with_!r}")
    return {}
