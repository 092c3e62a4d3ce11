//! What `grade` leaves ungraded and why: facts, worded by the table and the
//! JUnit report.

use crate::catalog::Kata;
use crate::language::Language;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Why an entry of the class folder was not graded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Reason {
    /// Not `<kata>.rs`, or `<kata>.py` of a kata with a Python form (a
    /// folder, another name, a kata not in the catalogue).
    NotASubmission,
    /// A learner's folder that is a symbolic link.
    LearnerFolderLink,
    /// A submission that is a symbolic link.
    Symlink,
    /// A submission with more than one name (a hard link).
    HardLink,
    /// A submission whose real path is outside its learner's folder.
    OutsideLearnerFolder,
    /// A submission whose real path is in the kata catalogue.
    InKatas,
    /// A submission larger than a source file of a kata can need.
    TooLarge,
}

impl Reason {
    /// Whether the entry is a submission that was refused (which fails the
    /// class), rather than something that is not one.
    pub fn refused(self) -> bool {
        self != Reason::NotASubmission
    }

    /// The reason's name, as the JSON and the JUnit report give it.
    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// One entry of the class folder that was not graded.
pub struct Skip<'a> {
    /// Relative to the class folder: `<learner>` or `<learner>/<file>`.
    pub path: String,
    pub reason: Reason,
    /// Where a symbolic link points, as it says.
    pub link_to: Option<PathBuf>,
    /// The learner, and for a refused file the kata and language it names.
    pub learner: String,
    pub submission: Option<(&'a Kata, Language)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_has_one_name_in_json_and_junit() {
        for r in [Reason::NotASubmission, Reason::LearnerFolderLink, Reason::HardLink, Reason::InKatas] {
            assert_eq!(serde_json::to_value(r).unwrap(), r.code());
        }
        assert_eq!(Reason::LearnerFolderLink.code(), "learner_folder_link");
    }
}
