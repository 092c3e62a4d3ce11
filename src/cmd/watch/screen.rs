//! Where each check is shown: a cleared screen when standard output is a
//! terminal, else the output goes on below a separator line (no control codes).

use super::input::Mode;
use anyhow::{Context, Result};
use colored::Colorize;
use std::io::{IsTerminal, Write};

pub struct Screen {
    clears: bool,
}

impl Screen {
    pub fn new() -> Screen {
        Screen { clears: std::io::stdout().is_terminal() }
    }

    /// Starts a fresh page for the next check.
    pub fn fresh_page(&self) -> Result<()> {
        let mut out = std::io::stdout();
        if self.clears {
            crossterm::execute!(
                out,
                crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
                crossterm::cursor::MoveTo(0, 0)
            )
            .context("cannot clear the screen")?;
        } else {
            writeln!(out, "{}", SEPARATOR.dimmed()).context("cannot write to standard output")?;
        }
        Ok(())
    }

    /// The line that says what the loop is waiting for and which keys do what.
    pub fn keys(&self, mode: Mode, watching: Option<&str>) -> Result<()> {
        let waiting = match watching {
            Some(file) => WATCHING.replace("{file}", file),
            None => MANUAL.to_string(),
        };
        let keys = match mode {
            Mode::Keys => KEYS,
            Mode::Lines => LINES,
        };
        let mut out = std::io::stdout();
        writeln!(out, "\n{}\n{}", waiting.dimmed(), keys.bold()).context("cannot write to standard output")?;
        out.flush().context("cannot write to standard output")
    }
}

const SEPARATOR: &str = "────────────────────────────────────────────────────────────────────────";
const WATCHING: &str = "Watching {file}: save it to check again.";
const MANUAL: &str = "Manual mode: save your file, then press Enter (or c) to check it.";
const KEYS: &str = "Keys: h hint · n next kata · r reset to the starter · c check again · q quit";
const LINES: &str =
    "Commands (type one, then Enter): h hint · n next kata · r reset to the starter · c check again · q quit";
