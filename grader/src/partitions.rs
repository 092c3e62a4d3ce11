//! A stream split into sorted streams, as a topic's partitions are: each
//! event goes to the partition of its user (a hash of the `user_id`, so a
//! hot user makes one partition long), and each partition is in event-time
//! order. The merge katas read them; the Rust worker and the parent that
//! feeds a Python worker split a stream by this one function.

use crate::prelude::Event;
use crate::rng::mix64;

/// The partition, of `partitions`, that holds a user's events.
pub fn of_user(user_id: u64, partitions: u64) -> u64 {
    mix64(user_id) % partitions.max(1)
}

/// `events` split into `partitions` streams (at least one), each sorted by
/// `ts`; events of one time keep their order of arrival.
pub fn split(events: impl Iterator<Item = Event>, partitions: u64) -> Vec<Vec<Event>> {
    let n = partitions.max(1);
    let mut out: Vec<Vec<Event>> = (0..n).map(|_| Vec::new()).collect();
    for e in events {
        let i = of_user(e.user_id, n) as usize;
        out[i].push(e);
    }
    for p in &mut out {
        p.sort_by_key(|e| e.ts);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The streams merged as the katas' rule merges them: by `ts`, and on equal
    /// times the lower partition's events first, each partition's in its order.
    fn merged(partitions: &[Vec<Event>]) -> Vec<Event> {
        let mut all: Vec<(i64, usize, usize)> = Vec::new();
        for (p, events) in partitions.iter().enumerate() {
            all.extend(events.iter().enumerate().map(|(i, e)| (e.ts, p, i)));
        }
        all.sort_unstable();
        all.into_iter().map(|(_, p, i)| partitions[p][i].clone()).collect()
    }

    fn event(user_id: u64, ts: i64, id: &str) -> Event {
        Event { event_id: id.to_string(), user_id, event_type: "view".into(), ts, ingested_at: ts, updated_by: None }
    }

    #[test]
    fn every_partition_is_sorted_and_a_user_stays_in_one() {
        let events: Vec<Event> =
            (0..500u64).map(|i| event(i % 37, ((i * 7919) % 101) as i64, &format!("e{i}"))).collect();
        let parts = split(events.clone().into_iter(), 4);
        assert_eq!(parts.len(), 4);
        assert_eq!(parts.iter().map(Vec::len).sum::<usize>(), 500);
        for p in &parts {
            assert!(p.windows(2).all(|w| w[0].ts <= w[1].ts));
        }
        for user in 0..37 {
            let holding = parts.iter().filter(|p| p.iter().any(|e| e.user_id == user)).count();
            assert!(holding <= 1, "user {user} in {holding} partitions");
        }
        assert_eq!(split(std::iter::empty(), 0).len(), 1);
    }

    #[test]
    fn the_merge_breaks_ties_by_partition_then_by_arrival() {
        let parts = vec![vec![event(1, 5, "a"), event(1, 5, "b")], vec![event(2, 3, "c"), event(2, 5, "d")]];
        let ids: Vec<String> = merged(&parts).into_iter().map(|e| e.event_id).collect();
        assert_eq!(ids, ["c", "a", "b", "d"]);
    }
}
