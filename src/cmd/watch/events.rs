//! The one event type the watch loop waits on: a save of the watched file,
//! a command from the learner, or a problem with either source.

/// What the learner asked for, from a key or from a line of input.
#[must_use]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Grade the file again (`c`, Enter, an empty line).
    Check,
    /// Reveal one more hint (`h`).
    Hint,
    /// Move to the next kata not yet passed (`n`).
    Next,
    /// Restore the starter, keeping the current file as a backup (`r`).
    Reset,
    /// Leave after the current check (`q`, Ctrl-D, end of input). Ctrl-C
    /// leaves at once (see `input`).
    Quit,
    /// Anything else, as typed.
    Unknown(String),
}

impl Command {
    /// The command a line of input (or a single key) names: its letter or its word.
    pub fn parse(text: &str) -> Command {
        match text.trim().to_ascii_lowercase().as_str() {
            "" | "c" | "check" => Command::Check,
            "h" | "hint" => Command::Hint,
            "n" | "next" => Command::Next,
            "r" | "reset" => Command::Reset,
            "q" | "quit" | "exit" => Command::Quit,
            _ => Command::Unknown(text.trim().to_string()),
        }
    }
}

#[must_use]
#[derive(Debug)]
pub enum WatchEvent {
    /// The watched solution file was saved (debounced).
    FileChanged,
    Input(Command),
    /// The file watcher reported a problem; watching goes on.
    WatchError(String),
    /// The keyboard or standard input failed; the loop ends.
    InputError(String),
}
