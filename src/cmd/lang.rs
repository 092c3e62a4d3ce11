//! `dekata lang`: which language the learner writes solutions in, chosen
//! once and remembered (`.dekata/settings.json`); `--lang` on a command
//! overrides it for that command alone.

use crate::catalog;
use crate::language::Language;
use crate::settings;
use crate::workspace::Workspace;
use anyhow::Result;
use colored::Colorize;

#[derive(clap::Args)]
pub struct Args {
    /// rust or python (without it: say which is chosen)
    #[arg(value_name = "LANG", value_parser = crate::language::parse_arg)]
    pub language: Option<Language>,
}

pub fn run(ws: &Workspace, args: Args) -> Result<bool> {
    let mut chosen = settings::load(ws)?;
    let Some(language) = args.language else {
        println!("{}", CURRENT.replace("{language}", chosen.language.title()));
        println!("{}", HOW.dimmed());
        return Ok(true);
    };
    if language == Language::Python {
        // Say now, not at the first check, if the interpreter will not do.
        crate::python::interpreter()?;
    }
    chosen.language = language;
    settings::save(ws, &chosen)?;
    let katas = catalog::load_all(&ws.katas())?;
    let with = katas.iter().filter(|k| k.speaks(language)).count();
    println!("{}", CHOSEN.replace("{language}", language.title()).bold());
    println!(
        "{}",
        COVERED
            .replace("{with}", &with.to_string())
            .replace("{all}", &katas.len().to_string())
            .replace("{ext}", language.extension())
            .dimmed()
    );
    Ok(true)
}

const CURRENT: &str = "You write solutions in {language}.";
const HOW: &str = "Switch with `dekata lang rust` or `dekata lang python`; `--lang` on a command picks one for \
that command alone.";
const CHOSEN: &str = "From now on you write solutions in {language}.";
const COVERED: &str = "{with} of the {all} katas have a form in it; `dekata check <kata>` grades \
solutions/<kata>.{ext}. Your files in the other language stay where they are.";
