//! A DataFrame plan in words: what it did, the rules it must keep, and the
//! rule it broke, in the terms of the learner's engine (DataFusion for Rust,
//! Spark for Python).

use crate::catalog::PlanRules;
use crate::judge::plan::{Broken, on};
use crate::language::Language;
use crate::words::thousands;
use harness::protocol::{PlanReport, RepartitionSeen};

/// A broken rule.
pub fn broken(broken: &Broken, language: Language) -> String {
    match broken {
        Broken::FewerPartitions { graded, planned } => format!(
            "plan: the query lowered the engine's target partitions from {graded} to {planned}: every plan is graded \
             on {graded}, as a cluster runs it on many executors. A plan on fewer partitions hides its \
             shuffles and its skew instead of handling them."
        ),
        Broken::SettingChanged { key, graded, now } => format!(
            "plan: the query changed the session's `{key}` from {graded} to {}: every plan is graded on the \
             session a cluster with large tables would have (`dekata show` lists it). Ask for what you need in \
             the query itself: {}",
            now.as_deref().unwrap_or("unset"),
            match language {
                Language::Rust => ASK_IN_QUERY_DATAFUSION,
                Language::Python => ASK_IN_QUERY_SPARK,
            }
        ),
        Broken::BroadcastTooLarge { on, rows, budget } => format!(
            "plan: the broadcast join {on} collected {} rows on its build side, over the memory budget \
             of {} rows for a broadcast: only a side that fits may be broadcast; a large one must be \
             shuffled.",
            thousands(*rows),
            thousands(*budget)
        ),
        Broken::BroadcastMissing { on, mode, moved, small, budget } => format!(
            "plan: broadcast missing: the join {on} ran in {mode} mode, so both sides were hash-repartitioned \
             and {} rows crossed the shuffle, though its smaller side ({} rows) fits the broadcast \
             budget of {} rows. {}",
            thousands(*moved),
            thousands(*small),
            thousands(*budget),
            match language {
                Language::Rust => BROADCAST_DATAFUSION,
                Language::Python => BROADCAST_SPARK,
            }
        ),
        Broken::OutsideEngine { not_read, literal_rows, plan_bytes } => {
            let mut seen = Vec::new();
            if !not_read.is_empty() {
                seen.push(format!(
                    "it never reads {}",
                    not_read.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(" or ")
                ));
            }
            if *literal_rows > crate::judge::plan::LITERAL_ROWS {
                seen.push(format!("it carries {} rows written into the query", thousands(*literal_rows)));
            }
            if *plan_bytes > crate::judge::plan::PLAN_BYTES {
                seen.push(format!("the plan itself weighs {} KiB", thousands(plan_bytes / 1024)));
            }
            format!(
                "plan: the answer was not computed by {engine}: {}. Rows collected to the driver, worked out \
                 there and sent back (`createDataFrame`, literals, a UDF's closure) would not fit on a \
                 driver at cluster scale; build the answer from the input tables with DataFrame operations.",
                seen.join(", and "),
                engine = match language {
                    Language::Rust => "DataFusion",
                    Language::Python => "Spark",
                }
            )
        }
        Broken::LoopJoin { mode, moved, budget } => format!(
            "plan: a join without equality keys ran as a {mode}, pairing every row of one side with every row \
             of the other across the cluster ({} rows in; only a side of at most {} rows may be broadcast \
             to meet every row). Write the \
             condition as an equi-join on the key columns (`a.key == b.key`), so the engine can hash or sort \
             both sides on the key instead of comparing every pair.",
            thousands(*moved),
            thousands(*budget)
        ),
        Broken::Skew { on, stage, largest, total, partitions, bound } => format!(
            "plan: skew: the {} sent {} of its {} rows ({:.0}%) to one partition \
             (rows per partition: {}); the bound is {:.0}%. One task does most of the work while the \
             others wait: spread the hot key before the shuffle ({}).",
            shuffle_named(on, *stage),
            thousands(*largest),
            thousands(*total),
            *largest as f64 / (*total).max(1) as f64 * 100.0,
            partitions.iter().map(|n| thousands(*n)).collect::<Vec<_>>().join(" / "),
            bound * 100.0,
            match language {
                Language::Rust => SPREAD_DATAFUSION,
                Language::Python => SPREAD_SPARK,
            }
        ),
    }
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
    parts.extend(plan.repartitions.iter().map(|r| format!("{}: {}", shuffle_named(&r.on, r.stage), partitions(r))));
    if parts.is_empty() {
        return "no joins and no hash repartitions".to_string();
    }
    parts.join("; ")
}

/// A shuffle as the report names it: by its keys, or on a cluster by the
/// stage that read it.
fn shuffle_named(on: &str, stage: Option<u64>) -> String {
    match stage {
        Some(stage) if on.is_empty() => format!("shuffle read by stage {stage} on the cluster"),
        _ => format!("hash repartition on {on}"),
    }
}

fn partitions(r: &RepartitionSeen) -> String {
    r.partitions.iter().map(|n| thousands(*n)).collect::<Vec<_>>().join(" / ")
}

const BROADCAST_DATAFUSION: &str = "Broadcast the small side: the engine collects it once (a hash join in \
CollectLeft mode) and streams the large side past it unshuffled. In DataFusion, raise both of the session's \
single-partition join thresholds (`datafusion.optimizer.hash_join_single_partition_threshold`, in bytes, and \
`..._threshold_rows`) above the small side's size: the bytes threshold is checked first.";
const SPREAD_DATAFUSION: &str = "aggregate first where you can: a count or a sum crosses the shuffle as one row \
per key and partition; where the rows themselves must meet, salt the key into a single combined key";
const SPREAD_SPARK: &str = "aggregate first where you can: a count or a sum crosses the shuffle as one row per \
key and task; where the rows themselves must meet, salt it: join on the key and a salt together, the small side \
repeated once per salt";
const ASK_IN_QUERY_DATAFUSION: &str = "raise the single-partition join thresholds on your own \
DataFrame's session, repartition, or salt a hot key.";
const ASK_IN_QUERY_SPARK: &str = "hint a broadcast (`F.broadcast(small)` or `.hint(\"broadcast\")`), \
repartition (`df.repartition(n, \"key\")`), or salt a hot key.";
const BROADCAST_SPARK: &str = "Broadcast the small side: `F.broadcast(small)` (or `.hint(\"broadcast\")`) \
makes Spark ship it whole to every task (a BroadcastHashJoin) and stream the large side past it \
unshuffled.";
