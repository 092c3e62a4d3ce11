//! The event generator: a base stream of plausible click-stream events, with
//! retries, nulls, ties, lateness, skew and disorder mixed in per family.

use super::{Family, StreamSpec};
use crate::prelude::Event;
use crate::rng::Rng;

const WRITERS: [&str; 3] = ["etl", "api", "backfill"];
const SECONDS_PER_DAY: i64 = 86_400;
/// Where the ids of re-minted retries start: far from every fresh event's.
const REMINTED_IDS: u64 = 900_000_000;
/// A retry is delivered within this many records of its original.
const RETRY_HORIZON: u64 = 40;

/// A lazy stream of events described by a [`StreamSpec`].
pub struct EventStream {
    inner: Inner,
}

enum Inner {
    Lazy(Box<Disorder>),
    Materialised(std::vec::IntoIter<Event>),
}

impl EventStream {
    pub fn new(spec: &StreamSpec) -> EventStream {
        let base = Base::new(spec);
        let window = if spec.has(Family::OutOfOrder) { spec.params.disorder_window.max(1) as usize } else { 0 };
        let lazy = Disorder {
            base,
            window,
            buffer: Vec::with_capacity(window),
            rng: Rng::derive(spec.seed, "disorder"),
            remaining: spec.len(),
        };
        if spec.has(Family::Shuffled) || spec.has(Family::SortedByUser) {
            let mut all: Vec<Event> = lazy.collect();
            if spec.has(Family::Shuffled) {
                Rng::derive(spec.seed, "shuffle").shuffle(&mut all);
            }
            if spec.has(Family::SortedByUser) {
                // Stable: equal (user, ts) keep their arrival order.
                all.sort_by_key(|e| (e.user_id, e.ts));
            }
            EventStream { inner: Inner::Materialised(all.into_iter()) }
        } else {
            EventStream { inner: Inner::Lazy(Box::new(lazy)) }
        }
    }
}

impl Iterator for EventStream {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        match &mut self.inner {
            Inner::Lazy(d) => d.next(),
            Inner::Materialised(it) => it.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.inner {
            Inner::Lazy(d) => {
                let n = usize::try_from(d.remaining).unwrap_or(usize::MAX);
                (n, Some(n))
            }
            Inner::Materialised(it) => it.size_hint(),
        }
    }
}

/// Takes exactly `remaining` records from the base stream, reordering them
/// through a window of `window` records when the stream is out of order.
struct Disorder {
    base: Base,
    window: usize,
    buffer: Vec<Event>,
    rng: Rng,
    remaining: u64,
}

impl Iterator for Disorder {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        if self.window == 0 {
            return Some(self.base.next_event());
        }
        while self.buffer.len() < self.window {
            self.buffer.push(self.base.next_event());
        }
        let pick = self.rng.below(self.buffer.len() as u64) as usize;
        Some(self.buffer.swap_remove(pick))
    }
}

/// The endless base stream: fresh events in event-time order, with retries
/// of earlier events slipped in a few records later.
struct Base {
    rng: Rng,
    users: u64,
    stride: u64,
    event_types: Vec<String>,
    mean_gap: u64,
    max_delay: u64,
    nulls: Option<f64>,
    ties: Option<f64>,
    retries: Option<f64>,
    late: Option<(f64, u64)>,
    skew: Option<(f64, u64)>,
    grouped: bool,
    /// Share of retries that come with a fresh `event_id` (a producer that
    /// mints a new id on every attempt), drawn apart from every other draw.
    remint: Option<(f64, Rng)>,
    reminted: u64,
    clock: i64,
    next_id: u64,
    produced: u64,
    pending: Vec<(u64, Event)>,
}

impl Base {
    fn new(spec: &StreamSpec) -> Base {
        let p = &spec.params;
        let on = |f: Family, rate: f64| spec.has(f).then_some(rate);
        let users = if spec.has(Family::HighCardinality) { p.users.max(spec.events) } else { p.users }.max(1);
        let event_types = if p.event_types.is_empty() { vec!["event".to_string()] } else { p.event_types.clone() };
        Base {
            rng: Rng::derive(spec.seed, "events"),
            users,
            stride: p.user_stride.max(1),
            event_types,
            mean_gap: p.mean_gap_seconds,
            max_delay: p.max_ingest_delay,
            nulls: on(Family::Nulls, p.null_rate),
            ties: on(Family::Ties, p.tie_rate),
            retries: on(Family::Retries, p.retry_rate),
            late: on(Family::Late, p.late_rate).map(|r| (r, p.max_lateness_days.max(1))),
            skew: on(Family::Skew, p.skew_share).map(|s| (s, p.hot_user)),
            grouped: spec.has(Family::Grouped),
            remint: (p.remint_rate > 0.0).then(|| (p.remint_rate, Rng::derive(spec.seed, "remint"))),
            reminted: 0,
            clock: p.start_ts,
            next_id: 0,
            produced: 0,
            pending: Vec::new(),
        }
    }

    fn next_event(&mut self) -> Event {
        let due = self.pending.iter().position(|(at, _)| *at <= self.produced);
        self.produced += 1;
        if let Some(i) = due {
            return self.pending.swap_remove(i).1;
        }
        let event = self.fresh_event();
        self.schedule_retries(&event);
        event
    }

    fn fresh_event(&mut self) -> Event {
        let tie = self.ties.is_some_and(|rate| self.rng.chance(rate));
        let gap = if tie { 0 } else { self.rng.below(2 * self.mean_gap + 1) };
        self.clock += gap as i64;
        let user_id = match self.skew {
            Some((share, hot)) if self.rng.chance(share) => hot,
            _ => (1 + self.rng.below(self.users)) * self.stride,
        };
        let event_type = self.rng.pick(&self.event_types).clone();
        let ingested_at = self.clock + self.rng.below(self.max_delay + 1) as i64;
        let mut ts = self.clock;
        if let Some((rate, max_days)) = self.late
            && self.rng.chance(rate)
        {
            let days = 1 + self.rng.below(max_days) as i64;
            ts -= days * SECONDS_PER_DAY + self.rng.below(3_600) as i64;
        }
        let updated_by = self.writer();
        let event_id = event_id(self.next_id);
        self.next_id += 1;
        Event { event_id, user_id, event_type, ts, ingested_at, updated_by }
    }

    /// Who last touched a record: usually a named writer; with the `nulls`
    /// family, sometimes nobody (`None`) and sometimes the text "null".
    fn writer(&mut self) -> Option<String> {
        if let Some(rate) = self.nulls {
            if self.rng.chance(rate) {
                return None;
            }
            if self.rng.chance(rate / 2.0) {
                return Some("null".to_string());
            }
        }
        Some(self.rng.pick(&WRITERS).to_string())
    }

    fn schedule_retries(&mut self, original: &Event) {
        let Some(rate) = self.retries else { return };
        if !self.rng.chance(rate) {
            return;
        }
        let copies = 1 + self.rng.below(2);
        for _ in 0..copies {
            let mut copy = original.clone();
            let tie = self.ties.is_some_and(|r| self.rng.chance(r));
            if !tie {
                copy.ingested_at += 1 + self.rng.below(900) as i64;
            }
            // At least half the retries lose their writer, more when the
            // stream's null rate is higher (1.0: every retry is None).
            copy.updated_by = if self.nulls.is_some_and(|rate| self.rng.chance(rate.max(0.5))) {
                None
            } else {
                Some(self.rng.pick(&WRITERS).to_string())
            };
            if let Some((rate, rng)) = &mut self.remint
                && rng.chance(*rate)
            {
                copy.event_id = event_id(REMINTED_IDS + self.reminted);
                self.reminted += 1;
            }
            let due = if self.grouped { self.produced } else { self.produced + 1 + self.rng.below(RETRY_HORIZON) };
            self.pending.push((due, copy));
        }
    }
}

/// `e0000042`: `e` and the number, at least seven digits (as
/// `format!("e{:07}")`, without the formatting machinery).
fn event_id(n: u64) -> String {
    let mut digits = [b'0'; 20];
    let mut i = digits.len();
    let mut v = n;
    while v > 0 {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
    }
    let start = i.min(digits.len() - 7);
    let mut id = String::with_capacity(1 + digits.len() - start);
    id.push('e');
    // Only ASCII digits were written.
    id.push_str(std::str::from_utf8(&digits[start..]).unwrap_or_default());
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::streams::StreamParams;
    use std::collections::HashMap;

    fn spec(events: u64, families: &[Family]) -> StreamSpec {
        StreamSpec {
            record: Default::default(),
            seed: 42,
            events,
            families: families.to_vec(),
            params: StreamParams::default(),
            dataset: None,
        }
    }

    #[test]
    fn event_ids_are_zero_padded_to_seven_digits() {
        for n in [0, 7, 1_234_567, 12_345_678, u64::MAX] {
            assert_eq!(event_id(n), format!("e{n:07}"));
        }
    }

    #[test]
    fn yields_exactly_the_requested_length() {
        for fams in [&[Family::Clean][..], &[Family::Retries, Family::OutOfOrder], &[Family::Shuffled]] {
            assert_eq!(EventStream::new(&spec(1234, fams)).count(), 1234);
        }
        assert_eq!(EventStream::new(&spec(50, &[Family::Empty])).count(), 0);
        assert_eq!(EventStream::new(&spec(50, &[Family::Single])).count(), 1);
    }

    #[test]
    fn same_seed_same_stream_other_seed_other_stream() {
        let s = spec(500, &[Family::Retries, Family::Nulls, Family::OutOfOrder]);
        let a: Vec<Event> = EventStream::new(&s).collect();
        let b: Vec<Event> = EventStream::new(&s).collect();
        assert_eq!(a, b);
        let c: Vec<Event> = EventStream::new(&StreamSpec { seed: 43, ..s }).collect();
        assert_ne!(a, c);
    }

    #[test]
    fn reminted_retries_carry_the_content_under_a_fresh_id_and_change_nothing_else() {
        let plain = spec(3000, &[Family::Retries]);
        let reminting =
            StreamSpec { params: StreamParams { remint_rate: 0.5, ..StreamParams::default() }, ..plain.clone() };
        let a: Vec<Event> = EventStream::new(&plain).collect();
        let b: Vec<Event> = EventStream::new(&reminting).collect();
        assert_eq!(a.len(), b.len());
        let mut fresh = 0;
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(
                (x.user_id, &x.event_type, x.ts, x.ingested_at),
                (y.user_id, &y.event_type, y.ts, y.ingested_at)
            );
            if x.event_id != y.event_id {
                fresh += 1;
                assert!(y.event_id.starts_with("e9"), "{}", y.event_id);
            }
        }
        assert!(fresh > 100, "{fresh} re-minted");
        let ids: std::collections::HashSet<&str> = b.iter().map(|e| e.event_id.as_str()).collect();
        assert!(ids.len() > a.iter().map(|e| e.event_id.as_str()).collect::<std::collections::HashSet<_>>().len());
    }

    #[test]
    fn clean_stream_is_in_event_time_order_without_nulls() {
        let events: Vec<Event> = EventStream::new(&spec(2000, &[Family::Clean])).collect();
        assert!(events.windows(2).all(|w| w[0].ts <= w[1].ts));
        assert!(events.iter().all(|e| e.updated_by.as_deref().is_some_and(|w| w != "null")));
        assert!(events.iter().all(|e| e.ingested_at >= e.ts));
    }

    #[test]
    fn retries_repeat_ids_with_later_or_equal_ingestion() {
        let events: Vec<Event> =
            EventStream::new(&spec(5000, &[Family::Retries, Family::Ties, Family::Nulls])).collect();
        let mut first: HashMap<&str, &Event> = HashMap::new();
        let mut repeats = 0;
        let mut tied = 0;
        for e in &events {
            if let Some(orig) = first.get(e.event_id.as_str()) {
                repeats += 1;
                assert!(e.ingested_at >= orig.ingested_at);
                assert_eq!((e.user_id, &e.event_type, e.ts), (orig.user_id, &orig.event_type, orig.ts));
                if e.ingested_at == orig.ingested_at {
                    tied += 1;
                }
            } else {
                first.insert(&e.event_id, e);
            }
        }
        assert!(repeats > 500, "{repeats} retries");
        assert!(tied > 100, "{tied} tied retries");
        assert!(events.iter().any(|e| e.updated_by.is_none()));
        assert!(events.iter().any(|e| e.updated_by.as_deref() == Some("null")));
    }

    #[test]
    fn sorted_by_user_is_sorted() {
        let events: Vec<Event> = EventStream::new(&spec(3000, &[Family::SortedByUser, Family::Late])).collect();
        assert!(events.windows(2).all(|w| (w[0].user_id, w[0].ts) <= (w[1].user_id, w[1].ts)));
    }

    #[test]
    fn grouped_retries_arrive_together() {
        let events: Vec<Event> = EventStream::new(&spec(5000, &[Family::Retries, Family::Grouped])).collect();
        let mut closed = std::collections::HashSet::new();
        for w in events.windows(2) {
            if w[0].event_id != w[1].event_id {
                assert!(closed.insert(w[0].event_id.clone()), "{} came back later", w[0].event_id);
            }
        }
        assert!(events.windows(2).filter(|w| w[0].event_id == w[1].event_id).count() > 500);
    }

    #[test]
    fn late_events_fall_on_an_earlier_day() {
        let events: Vec<Event> = EventStream::new(&spec(5000, &[Family::Late])).collect();
        let late = events
            .iter()
            .filter(|e| e.ts.div_euclid(SECONDS_PER_DAY) < e.ingested_at.div_euclid(SECONDS_PER_DAY))
            .count();
        assert!(late > 100, "{late} late events");
    }

    #[test]
    fn skew_gives_the_hot_user_most_records() {
        let events: Vec<Event> = EventStream::new(&spec(10_000, &[Family::Skew])).collect();
        let hot = events.iter().filter(|e| e.user_id == 1).count();
        assert!(hot > 8_500 && hot < 9_500, "{hot}");
    }

    #[test]
    fn out_of_order_really_reorders() {
        let events: Vec<Event> = EventStream::new(&spec(2000, &[Family::OutOfOrder])).collect();
        assert!(events.windows(2).any(|w| w[0].ts > w[1].ts));
    }

    #[test]
    fn high_cardinality_has_mostly_distinct_users() {
        let events: Vec<Event> = EventStream::new(&spec(10_000, &[Family::HighCardinality])).collect();
        let distinct: std::collections::HashSet<u64> = events.iter().map(|e| e.user_id).collect();
        assert!(distinct.len() > 6_000, "{}", distinct.len());
    }
}
