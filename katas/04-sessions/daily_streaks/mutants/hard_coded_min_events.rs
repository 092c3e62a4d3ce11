//! expect: wrong_answer
//! Checks each day against the number 1 instead of `min_events`: right
//! until the threshold changes.
use grader::prelude::*;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Streak {
    pub days: u64,
    pub first_day: Date,
}

/// Per-(user, day) state while reading, then one sort per user.
/// Memory: one entry per active (user, day), plus the ids of days that
/// have not yet reached `min_events`.
pub fn daily_streaks(events: impl Iterator<Item = Event>, min_events: u64) -> HashMap<u64, Streak> {
    // None: the day is active. Some(ids): the distinct ids seen so far.
    let mut per_day: HashMap<(u64, Date), Option<HashSet<String>>> = HashMap::new();
    for e in events {
        let slot = per_day.entry((e.user_id, utc_day(e.ts))).or_insert_with(|| Some(HashSet::new()));
        if let Some(ids) = slot {
            ids.insert(e.event_id);
            if ids.len() as u64 >= 1 {
                *slot = None;
            }
        }
    }
    let mut active: HashMap<u64, Vec<Date>> = HashMap::new();
    for ((user, day), state) in per_day {
        if state.is_none() {
            active.entry(user).or_default().push(day);
        }
    }
    let mut out = HashMap::new();
    for (user, mut days) in active {
        days.sort_unstable();
        let mut best = Streak { days: 0, first_day: days[0] };
        let mut run = Streak { days: 0, first_day: days[0] };
        let mut prev: Option<Date> = None;
        for day in days {
            if prev.is_some_and(|p| add_days(p, 1) == day) {
                run.days += 1;
            } else {
                run = Streak { days: 1, first_day: day };
            }
            // Strictly longer: on equal lengths the earlier run stays.
            if run.days > best.days {
                best = run.clone();
            }
            prev = Some(day);
        }
        out.insert(user, best);
    }
    out
}
