//! One module per subcommand.

pub mod check;
pub mod confine;
pub mod drill;
pub mod grade;
pub mod hint;
pub mod init;
pub mod interview;
pub mod lang;
pub mod list;
pub mod new;
mod pool;
pub mod reset;
pub mod review;
pub mod shared;
pub mod show;
pub mod spark;
pub mod stats;
pub mod validate;
pub mod watch;
