//! What a solution file sees after `use grader::prelude::*;`: the prelude
//! crate's, re-exported so that the grader names the same types.

pub use dekata_prelude::prelude::*;
