//! Options several commands take, declared once: the same flag means the
//! same thing, with the same help, wherever it appears.

use crate::language::Language;

/// `--lang LANG`.
#[derive(clap::Args, Clone, Copy, Debug, Default)]
pub struct Lang {
    /// Use this language this time (rust or python), not the one `dekata lang` chose
    #[arg(long = "lang", value_name = "LANG", value_parser = crate::language::parse_arg)]
    pub chosen: Option<Language>,
}

/// `--seed N`.
#[derive(clap::Args, Clone, Copy, Debug, Default)]
pub struct Seed {
    /// Seed for the generated streams: the same seed gives the same report
    #[arg(long = "seed", value_name = "N")]
    pub value: Option<u64>,
}

/// `--json`.
#[derive(clap::Args, Clone, Copy, Debug, Default)]
pub struct Json {
    /// Print JSON on stdout, and nothing else there
    #[arg(long = "json")]
    pub on: bool,
}
