//! expect: wrong_answer
//! Gaps and islands with COUNT(*) where COUNT(DISTINCT day) belongs: the
//! active days are right, but a run's length is the number of events on
//! its days, so a busy short run beats a quiet long one.
use grader::prelude::*;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Streak {
    pub days: u64,
    pub first_day: Date,
}

pub fn daily_streaks(events: impl Iterator<Item = Event>, min_events: u64) -> HashMap<u64, Streak> {
    let mut per_day: HashMap<(u64, Date), HashSet<String>> = HashMap::new();
    for e in events {
        per_day.entry((e.user_id, utc_day(e.ts))).or_default().insert(e.event_id);
    }
    let mut active: HashMap<u64, Vec<(Date, u64)>> = HashMap::new();
    for ((user, day), ids) in per_day {
        if ids.len() as u64 >= min_events {
            active.entry(user).or_default().push((day, ids.len() as u64));
        }
    }
    let mut out = HashMap::new();
    for (user, mut days) in active {
        days.sort_unstable();
        let mut best = Streak { days: 0, first_day: days[0].0 };
        let mut run = Streak { days: 0, first_day: days[0].0 };
        let mut prev: Option<Date> = None;
        for (day, n) in days {
            if prev.is_some_and(|p| add_days(p, 1) == day) {
                run.days += n;
            } else {
                run = Streak { days: n, first_day: day };
            }
            if run.days > best.days {
                best = run.clone();
            }
            prev = Some(day);
        }
        out.insert(user, best);
    }
    out
}
