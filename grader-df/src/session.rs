//! The engine's settings for every graded run: the same on every machine,
//! so that plans (and their partitions) are reproducible.

use datafusion::execution::context::SessionContext;
use datafusion::prelude::SessionConfig;

/// Target partitions: the parallelism a plan is cut into, fixed so that
/// plans do not depend on the machine's cores.
pub const PARTITIONS: usize = 4;

/// The configuration every graded query starts from. Single-partition
/// (broadcast) joins are switched off by default, as a cluster with large
/// tables would have them: every in-memory table is small, and the engine
/// would otherwise broadcast it without being asked. A solution that wants
/// a broadcast raises the thresholds on its own DataFrame's session.
pub fn session_config() -> SessionConfig {
    let mut config = SessionConfig::new().with_target_partitions(PARTITIONS).with_batch_size(1024);
    let optimizer = &mut config.options_mut().optimizer;
    optimizer.hash_join_single_partition_threshold = 0;
    optimizer.hash_join_single_partition_threshold_rows = 0;
    config
}

pub fn context() -> SessionContext {
    SessionContext::new_with_config(session_config())
}
