//! Holding a DataFrame kata's executed plan against the kata's `[plan]`
//! rules: broadcast only what fits the budget, shuffle no more than the
//! budget through a join, and let no hash repartition put too large a share
//! of its rows on one partition. Pure: a plan report in, findings out.

use crate::judge::thousands;
use grader::protocol::{JoinSeen, PlanReport, RepartitionSeen};
use serde::Deserialize;

/// A kata's `[plan]` table. Every rule is optional.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanRules {
    /// A broadcast join (the build side collected whole, `CollectLeft`)
    /// may collect at most this many rows: the executor's memory budget.
    pub broadcast_budget_rows: Option<u64>,
    /// A shuffled join (both sides hash-repartitioned) may take at most
    /// this many rows in all: above it, the small side should have been
    /// broadcast.
    pub max_shuffled_join_rows: Option<u64>,
    /// No hash repartition of at least `share_min_rows` rows may send more
    /// than this share of them to one partition.
    pub max_partition_share: Option<f64>,
    #[serde(default)]
    pub share_min_rows: u64,
}

/// A broken rule: what was seen, and the interviewer's question for it
/// (`None`: the case's own question, which for skew is the case's to set).
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub message: String,
    pub question: Option<&'static str>,
}

pub const BROADCAST_QUESTION: &str = "One side of this join is tiny: why shuffle the big one across the cluster?";
pub const PARTITIONS_QUESTION: &str = "How does this plan run on a cluster of many executors?";
pub const BROADCAST_MEMORY_QUESTION: &str = "What happens when the table you broadcast does not fit in an executor's memory?";

/// The first rule the plan breaks, if any.
pub fn check(rules: &PlanRules, plan: &PlanReport) -> Option<Finding> {
    if plan.target_partitions < plan.graded_partitions {
        return Some(Finding {
            message: format!(
                "plan: the query lowered the engine's target partitions from {} to {}: every plan is graded \
                 on {}, as a cluster runs it on many executors. A plan on fewer partitions hides its \
                 shuffles and its skew instead of handling them.",
                plan.graded_partitions, plan.target_partitions, plan.graded_partitions
            ),
            question: Some(PARTITIONS_QUESTION),
        });
    }
    for join in &plan.joins {
        if let Some(budget) = rules.broadcast_budget_rows
            && join.mode == "CollectLeft"
            && join.build_rows > budget
        {
            return Some(Finding {
                message: format!(
                    "plan: the broadcast join {} collected {} rows on its build side, over the memory budget \
                     of {} rows for a broadcast: only a side that fits may be broadcast; a large one must be \
                     shuffled.",
                    on(join),
                    thousands(join.build_rows),
                    thousands(budget)
                ),
                question: Some(BROADCAST_MEMORY_QUESTION),
            });
        }
        let shuffled = join.mode == "Partitioned" || join.mode == "SortMergeJoin";
        if let (Some(limit), true) = (rules.max_shuffled_join_rows, shuffled) {
            let moved = join.build_rows + join.probe_rows;
            if moved > limit {
                let small = join.build_rows.min(join.probe_rows);
                return Some(Finding {
                    message: format!(
                        "plan: broadcast missing: the join {} ran in {} mode, so both sides were hash-repartitioned \
                         and {} rows crossed the shuffle, though its smaller side ({} rows) fits the broadcast \
                         budget of {} rows. Broadcast the small side: the engine collects it once (a hash join in \
                         CollectLeft mode) and streams the large side past it unshuffled.",
                        on(join),
                        join.mode,
                        thousands(moved),
                        thousands(small),
                        thousands(rules.broadcast_budget_rows.unwrap_or(limit))
                    ),
                    question: Some(BROADCAST_QUESTION),
                });
            }
        }
    }
    let bound = rules.max_partition_share?;
    let worst = plan
        .repartitions
        .iter()
        .filter(|r| r.partitions.iter().sum::<u64>() >= rules.share_min_rows.max(1))
        .max_by(|a, b| share(a).total_cmp(&share(b)))?;
    let (largest, total) = (worst.partitions.iter().copied().max().unwrap_or(0), worst.partitions.iter().sum::<u64>());
    (share(worst) > bound).then(|| Finding {
        message: format!(
            "plan: skew: the hash repartition on {} sent {} of its {} rows ({:.0}%) to one partition \
             (rows per partition: {}); the bound is {:.0}%. One task does most of the work while the \
             others wait: spread the hot key (salt it into a single combined key) before the shuffle.",
            worst.on,
            thousands(largest),
            thousands(total),
            share(worst) * 100.0,
            partitions(worst),
            bound * 100.0
        ),
        question: None,
    })
}

/// The rules in words, one line each, for `dekata show`.
pub fn describe(rules: &PlanRules) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(n) = rules.broadcast_budget_rows {
        out.push(format!("broadcast (collect whole) no join side of more than {} rows", thousands(n)));
    }
    if let Some(n) = rules.max_shuffled_join_rows {
        out.push(format!("shuffle no more than {} rows through a join: broadcast a side that fits", thousands(n)));
    }
    if let Some(share) = rules.max_partition_share {
        out.push(format!(
            "send no more than {:.0}% of a hash repartition's rows to one partition (repartitions of {} rows or more)",
            share * 100.0,
            thousands(rules.share_min_rows)
        ));
    }
    out
}

/// What the plan did, in one line, for the report.
pub fn seen(plan: &PlanReport) -> String {
    let mut parts: Vec<String> = plan
        .joins
        .iter()
        .map(|j| {
            format!(
                "join {} in {} mode (build {} rows, probe {} rows)",
                on(j),
                j.mode,
                thousands(j.build_rows),
                thousands(j.probe_rows)
            )
        })
        .collect();
    parts.extend(plan.repartitions.iter().map(|r| format!("hash repartition on {}: {}", r.on, partitions(r))));
    if parts.is_empty() {
        return "no joins and no hash repartitions".to_string();
    }
    parts.join("; ")
}

fn on(join: &JoinSeen) -> String {
    if join.on.is_empty() { "(with no keys)".to_string() } else { format!("on {}", join.on) }
}

fn share(r: &RepartitionSeen) -> f64 {
    let total = r.partitions.iter().sum::<u64>();
    if total == 0 { 0.0 } else { r.partitions.iter().copied().max().unwrap_or(0) as f64 / total as f64 }
}

fn partitions(r: &RepartitionSeen) -> String {
    r.partitions.iter().map(|n| thousands(*n)).collect::<Vec<_>>().join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(mode: &str, build: u64, probe: u64) -> JoinSeen {
        JoinSeen { mode: mode.into(), on: "store_id@0 = store_id@1".into(), build_rows: build, probe_rows: probe }
    }

    fn rules() -> PlanRules {
        PlanRules {
            broadcast_budget_rows: Some(10_000),
            max_shuffled_join_rows: Some(10_000),
            max_partition_share: Some(0.45),
            share_min_rows: 1_000,
        }
    }

    #[test]
    fn a_small_broadcast_passes_and_a_large_one_does_not() {
        let ok = PlanReport { joins: vec![join("CollectLeft", 200, 50_000)], ..Default::default() };
        assert_eq!(check(&rules(), &ok), None);
        let big = PlanReport { joins: vec![join("CollectLeft", 50_000, 200)], ..Default::default() };
        let f = check(&rules(), &big).unwrap();
        assert!(f.message.contains("50,000 rows on its build side"), "{}", f.message);
        assert_eq!(f.question, Some(BROADCAST_MEMORY_QUESTION));
    }

    #[test]
    fn a_shuffled_join_over_the_budget_asks_for_a_broadcast() {
        let plan = PlanReport { joins: vec![join("Partitioned", 200, 50_000)], ..Default::default() };
        let f = check(&rules(), &plan).unwrap();
        assert!(f.message.contains("broadcast missing"), "{}", f.message);
        assert!(f.message.contains("50,200 rows crossed the shuffle"), "{}", f.message);
        let small = PlanReport { joins: vec![join("Partitioned", 20, 500)], ..Default::default() };
        assert_eq!(check(&rules(), &small), None);
    }

    #[test]
    fn fewer_partitions_than_graded_is_refused() {
        let plan = PlanReport { target_partitions: 1, graded_partitions: 4, ..Default::default() };
        let f = check(&rules(), &plan).unwrap();
        assert!(f.message.contains("from 4 to 1"), "{}", f.message);
        let fine = PlanReport { target_partitions: 4, graded_partitions: 4, ..Default::default() };
        assert_eq!(check(&rules(), &fine), None);
    }

    #[test]
    fn skew_names_every_partition() {
        let r = |p: Vec<u64>| RepartitionSeen { on: "user_id@1".into(), partitions: p };
        let plan = PlanReport { repartitions: vec![r(vec![7_000, 1_000, 1_000, 1_000]), r(vec![1, 0, 0, 0])], ..Default::default() };
        let f = check(&rules(), &plan).unwrap();
        assert!(f.message.contains("7,000 of its 10,000 rows (70%)"), "{}", f.message);
        assert!(f.message.contains("7,000 / 1,000 / 1,000 / 1,000"), "{}", f.message);
        let even = PlanReport { repartitions: vec![r(vec![2_600, 2_400, 2_500, 2_500])], ..Default::default() };
        assert_eq!(check(&rules(), &even), None);
    }
}
