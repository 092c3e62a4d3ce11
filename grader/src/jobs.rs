//! Backfill-safe jobs: the runner that grades a job the way a scheduler
//! would treat it: run once, run twice, run day by day, or fail partway and
//! run again, against a store that already holds stale rows inside and
//! outside the range. The store and the dates themselves are the prelude's
//! (`dekata_prelude::jobs`), re-exported here.

use crate::prelude::Event;
use serde::{Deserialize, Serialize};
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};

pub use dekata_prelude::jobs::*;

/// A Unix time as UTC text, `2026-01-03 00:00:52Z`, for people.
pub fn utc_text(ts: i64) -> String {
    let day = utc_day(ts);
    let secs = ts.rem_euclid(SECONDS_PER_DAY);
    format!("{day} {:02}:{:02}:{:02}Z", secs / 3_600, secs % 3_600 / 60, secs % 60)
}

/// How the harness runs a job on one case.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Procedure {
    /// One run over the range.
    #[default]
    Once,
    /// The same run twice: the store must end as after one run.
    Twice,
    /// One run per day of the range, each over the full input.
    DayByDay,
    /// A run whose input fails partway (the iterator panics), then a
    /// clean re-run of the same range.
    FailThenRerun,
}

impl JobSpec {
    /// How the job is run, in words, with its dates (e.g. "twice in a row
    /// over [2026-01-03, 2026-01-08)"): for reports.
    pub fn describe(&self, first_day: Date) -> String {
        let (start, end) = range_of(self, first_day);
        let how = match self.procedure {
            Procedure::Once => "once".to_string(),
            Procedure::Twice => "twice in a row".to_string(),
            Procedure::DayByDay => "one day at a time".to_string(),
            Procedure::FailThenRerun => {
                format!("with its input failing after {:.0}% of the records, then again", self.fail_after * 100.0)
            }
        };
        let stale = if self.stale { ", on a store holding stale rows (user 0)" } else { "" };
        let again = if self.stale_redelivered {
            ", with the range's stale rows delivered again at the end of the input, tied with the stored ones"
        } else {
            ""
        };
        format!("{how} over [{start}, {end}){stale}{again}")
    }
}

/// A job case: the range (in days from the stream's first day), the
/// procedure, and whether the store starts with stale rows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobSpec {
    #[serde(default)]
    pub procedure: Procedure,
    /// First day of the range, counted from the day of the first event.
    pub start_day: i64,
    /// Days in the range.
    pub days: i64,
    /// Fill the store first with rows that a correct job must overwrite
    /// (inside the range) or leave alone (outside it).
    #[serde(default)]
    pub stale: bool,
    /// For `fail_then_rerun`: the share of the input read before it fails.
    #[serde(default = "half")]
    pub fail_after: f64,
    /// For tables of events, with `stale`: the input ends with a second
    /// delivery of the stale row of each day of the range, equal to it on
    /// everything a merge compares (`event_id`, `ingested_at`, a writer)
    /// but written by another writer. A merge that keeps the stored row on
    /// a full tie leaves the store as it was; one that lets the incoming
    /// row win shows it. See [`redeliveries`].
    #[serde(default, skip_serializing_if = "is_false")]
    pub stale_redelivered: bool,
}

fn half() -> f64 {
    0.5
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Who wrote the second delivery of a stale row (`stale_redelivered`).
pub const REDELIVERY_WRITER: &str = "replay";

/// The deliveries `stale_redelivered` appends to a job's input: for each
/// day of `[start, end)`, its stale event row again, with the same
/// `event_id`, `ts` and `ingested_at` (a processing day inside the range)
/// and `updated_by` [`REDELIVERY_WRITER`]. Empty unless the job asks.
pub fn redeliveries(job: &JobSpec, start: Date, end: Date) -> Vec<Event> {
    if !job.stale_redelivered {
        return Vec::new();
    }
    days(start, end)
        .map(|day| Event { updated_by: Some(REDELIVERY_WRITER.to_string()), ..<Event as Stale>::stale(day, 98) })
        .collect()
}

/// The panic payload of an injected input failure.
pub struct InjectedFailure;

/// The concrete range of a job and the store it starts with.
pub fn range_of(job: &JobSpec, first_day: Date) -> (Date, Date) {
    let start = add_days(first_day, job.start_day);
    (start, add_days(start, job.days.max(0)))
}

/// The stale rows a store starts with: one the day before the range, one
/// on each day of it, one on the day after.
pub fn stale_rows<R: Stale>(start: Date, end: Date) -> Vec<R> {
    let mut rows = vec![R::stale(add_days(start, -1), 99)];
    rows.extend(days(start, end).map(|day| R::stale(day, 98)));
    rows.push(R::stale(end, 97));
    rows
}

/// One call of a job's entry function: the range it is given, and, when
/// its input is to fail partway, the index of the record where it fails.
/// Each call reads a fresh copy of the input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobCall {
    pub start: Date,
    pub end: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_at: Option<u64>,
}

/// The calls a job's procedure makes, in order: the one home of the
/// procedures, for the Rust harness ([`run_range_job`]) and for the plan
/// dekata sends a worker that is fed. `records()` counts a copy of the
/// input (asked only when the input fails partway).
pub fn calls(spec: &JobSpec, first_day: Date, records: impl FnOnce() -> u64) -> Vec<JobCall> {
    let (start, end) = range_of(spec, first_day);
    let whole = |fail_at| JobCall { start, end, fail_at };
    match spec.procedure {
        Procedure::Once => vec![whole(None)],
        Procedure::Twice => vec![whole(None), whole(None)],
        Procedure::DayByDay => {
            days(start, end).map(|day| JobCall { start: day, end: add_days(day, 1), fail_at: None }).collect()
        }
        Procedure::FailThenRerun => {
            let fail_at = ((records() as f64) * spec.fail_after.clamp(0.0, 1.0)) as u64;
            vec![whole(Some(fail_at)), whole(None)]
        }
    }
}

/// Runs `job` on fresh copies of the input as its procedure says (see
/// [`calls`]), and returns the store it leaves. `events()` makes a fresh
/// one-pass input.
pub fn run_range_job<R, I, F>(spec: &JobSpec, first_day: Date, events: impl Fn() -> I, job: F) -> Table<R>
where
    R: Stale,
    I: Iterator<Item = Event>,
    F: Fn(Box<dyn Iterator<Item = Event> + '_>, Date, Date, &mut Table<R>),
{
    let (start, end) = range_of(spec, first_day);
    let mut table = Table::new();
    if spec.stale {
        table.append(stale_rows(start, end));
    }
    let again = redeliveries(spec, start, end);
    let events = || events().chain(again.iter().cloned());
    for call in calls(spec, first_day, || events().count() as u64) {
        let Some(fail_at) = call.fail_at else {
            job(Box::new(events()), call.start, call.end, &mut table);
            continue;
        };
        let failing = events().enumerate().map(move |(i, e)| {
            if i as u64 == fail_at {
                std::panic::panic_any(InjectedFailure);
            }
            e
        });
        let first = catch_unwind(AssertUnwindSafe(|| job(Box::new(failing), call.start, call.end, &mut table)));
        if let Err(payload) = first
            && !payload.is::<InjectedFailure>()
        {
            resume_unwind(payload);
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_days_and_ranges() {
        assert_eq!(utc_day(0), Date::constant(1970, 1, 1));
        assert_eq!(utc_day(-1), Date::constant(1969, 12, 31));
        assert_eq!(utc_day(1_767_225_600 + 86_399), Date::constant(2026, 1, 1));
        let d: Vec<Date> = days(Date::constant(2026, 2, 27), Date::constant(2026, 3, 2)).collect();
        assert_eq!(d.len(), 3);
        assert_eq!(days(Date::constant(2026, 1, 2), Date::constant(2026, 1, 1)).count(), 0);
    }

    #[test]
    fn times_read_as_utc() {
        assert_eq!(utc_text(1_767_225_600 + 86_400 + 52), "2026-01-02 00:00:52Z");
        assert_eq!(utc_text(-1), "1969-12-31 23:59:59Z");
    }

    #[test]
    fn overwrite_replaces_only_its_partition() {
        let d1 = Date::constant(2026, 1, 1);
        let d2 = Date::constant(2026, 1, 2);
        let mut t = Table::new();
        t.append([DailyCount { day: d1, user_id: 1, n: 1 }, DailyCount { day: d2, user_id: 1, n: 2 }]);
        t.overwrite_partition(d1, []);
        assert!(t.partition(d1).is_empty());
        assert_eq!(t.partition(d2).len(), 1);
    }

    #[test]
    fn redelivered_stale_rows_tie_with_the_stored_ones() {
        let spec = JobSpec {
            procedure: Procedure::Once,
            start_day: 1,
            days: 2,
            stale: true,
            fail_after: 0.5,
            stale_redelivered: true,
        };
        let first = Date::constant(2026, 1, 1);
        let (start, end) = range_of(&spec, first);
        let again = redeliveries(&spec, start, end);
        assert_eq!(again.len(), 2);
        let stored: Vec<Event> = stale_rows(start, end);
        for e in &again {
            let twin = stored.iter().find(|s| s.event_id == e.event_id).expect("a stale row of the range");
            assert_eq!((twin.ts, twin.ingested_at), (e.ts, e.ingested_at));
            assert!(twin.updated_by.is_some() && twin.updated_by != e.updated_by);
            assert!(start <= utc_day(e.ingested_at) && utc_day(e.ingested_at) < end);
        }
        // The runner hands them to the job after the stream.
        let seen = std::cell::RefCell::new(Vec::new());
        run_range_job(&spec, first, std::iter::empty, |events, _, _, _t: &mut Table<Event>| {
            seen.borrow_mut().extend(events.map(|e| e.event_id));
        });
        assert_eq!(seen.into_inner(), again.iter().map(|e| e.event_id.clone()).collect::<Vec<_>>());
        // Off by default, and then absent from the spec's JSON.
        let plain: JobSpec = serde_json::from_str(r#"{"start_day": 0, "days": 1}"#).unwrap();
        assert!(!plain.stale_redelivered);
        assert!(!serde_json::to_string(&plain).unwrap().contains("redelivered"));
    }

    #[test]
    fn each_procedure_has_its_calls() {
        let first = Date::constant(2026, 1, 1);
        let spec = |procedure| JobSpec {
            procedure,
            start_day: 1,
            days: 3,
            stale: false,
            fail_after: 0.25,
            stale_redelivered: false,
        };
        let (start, end) = (Date::constant(2026, 1, 2), Date::constant(2026, 1, 5));
        let whole = JobCall { start, end, fail_at: None };
        let uncounted = || -> u64 { panic!("only a failing input is counted") };
        assert_eq!(calls(&spec(Procedure::Once), first, uncounted), [whole.clone()]);
        assert_eq!(calls(&spec(Procedure::Twice), first, uncounted), [whole.clone(), whole.clone()]);
        let daily = calls(&spec(Procedure::DayByDay), first, uncounted);
        assert_eq!(daily.len(), 3);
        assert_eq!((daily[2].start, daily[2].end), (Date::constant(2026, 1, 4), end));
        let failing = calls(&spec(Procedure::FailThenRerun), first, || 100);
        assert_eq!(failing, [JobCall { fail_at: Some(25), ..whole.clone() }, whole]);
    }

    #[test]
    fn a_failed_run_is_followed_by_a_clean_one() {
        let spec = JobSpec {
            procedure: Procedure::FailThenRerun,
            start_day: 0,
            days: 1,
            stale: false,
            fail_after: 0.5,
            stale_redelivered: false,
        };
        let first = Date::constant(2026, 1, 1);
        let runs = std::cell::Cell::new(0);
        let table = run_range_job(&spec, first, std::iter::empty, |events, start, _end, t: &mut Table| {
            runs.set(runs.get() + 1);
            let n = events.count() as u64;
            t.overwrite_partition(start, [DailyCount { day: start, user_id: 1, n }]);
        });
        assert_eq!(runs.get(), 2);
        assert_eq!(table.partition(first).len(), 1);
    }
}
