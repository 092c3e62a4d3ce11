//! `grade --shard I/N`: a deterministic share of a class's submissions, so
//! that N machines (a CI matrix, a Kubernetes Indexed Job) grade a class
//! together and `grade merge` joins their reports.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// Share `index` (from 1) of `count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    /// Whether the submission at `position` (in the class's order: by
    /// learner, then in catalogue order) is this share's: every Nth,
    /// which spreads each learner and each kata over the shares.
    pub fn holds(self, position: usize) -> bool {
        position % self.count == self.index - 1
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Shard, String> {
        let bad = || BAD_SHARD.replace("{shard}", text);
        let (i, n) = text.split_once('/').ok_or_else(bad)?;
        let (index, count): (usize, usize) =
            (i.trim().parse().map_err(|_| bad())?, n.trim().parse().map_err(|_| bad())?);
        if count == 0 || index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

const BAD_SHARD: &str = "`{shard}` is not a shard: write I/N, with 1 <= I <= N (1/3, 2/3, 3/3)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shares_of_a_class_are_disjoint_and_cover_it() {
        let shards: Vec<Shard> = ["1/3", "2/3", "3/3"].iter().map(|s| s.parse().unwrap()).collect();
        for position in 0..20 {
            assert_eq!(shards.iter().filter(|s| s.holds(position)).count(), 1, "{position}");
        }
        for bad in ["0/3", "4/3", "1/0", "3", "a/b", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }
}
