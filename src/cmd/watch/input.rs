//! The learner's commands: single keys when standard input is a terminal
//! (crossterm's raw mode), else one command per line.
//!
//! Raw mode is always undone: by `RawMode`'s `Drop` on every return path and
//! on unwinding, and by a panic hook before a panic message is printed.

use super::events::{Command, WatchEvent};
use anyhow::{Context, Result};
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::io::{BufRead, IsTerminal};
use std::sync::Once;
use std::sync::mpsc::Sender;

/// How commands reach the loop, which decides what the key line says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Keys,
    Lines,
}

/// Starts the thread that reads commands. The returned guard keeps the
/// terminal in raw mode (when it is in use) until dropped.
pub fn start(tx: Sender<WatchEvent>) -> Result<(Mode, Option<RawMode>)> {
    if std::io::stdin().is_terminal() {
        match RawMode::enter() {
            Ok(guard) => {
                spawn("watch-keys", move || read_keys(&tx))?;
                return Ok((Mode::Keys, Some(guard)));
            }
            Err(e) => eprintln!("{}", NO_RAW_MODE.replace("{err}", &format!("{e:#}"))),
        }
    }
    spawn("watch-lines", move || read_lines(&tx))?;
    Ok((Mode::Lines, None))
}

fn spawn(name: &str, body: impl FnOnce() + Send + 'static) -> Result<()> {
    std::thread::Builder::new()
        .name(name.into())
        .spawn(body)
        .with_context(|| format!("cannot start the {name} thread"))?;
    Ok(())
}

/// Sends one command per key press until quit, an error, or the loop hangs up.
fn read_keys(tx: &Sender<WatchEvent>) {
    loop {
        let event = match event::read() {
            Ok(Event::Key(key)) if is_interrupt(&key) => interrupt(),
            Ok(Event::Key(key)) => match key_command(&key) {
                Some(command) => WatchEvent::Input(command),
                None => continue,
            },
            Ok(_) => continue,
            Err(e) => WatchEvent::InputError(format!("cannot read the keyboard: {e}")),
        };
        let last = matches!(event, WatchEvent::Input(Command::Quit) | WatchEvent::InputError(_));
        if tx.send(event).is_err() || last {
            return;
        }
    }
}

/// Ctrl-C: in raw mode the terminal sends no SIGINT, so it arrives here.
fn is_interrupt(key: &KeyEvent) -> bool {
    key.kind == KeyEventKind::Press && key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c')
}

/// Ctrl-C ends dekata at once, even in the middle of a check, as it would
/// without raw mode: the terminal is restored first. Nothing of the
/// learner's is being written by this thread, and state files are written
/// atomically.
fn interrupt() -> ! {
    let _ = crossterm::terminal::disable_raw_mode();
    println!();
    std::process::exit(130)
}

/// The command a key press names; `None` for releases and keys that name none.
fn key_command(key: &KeyEvent) -> Option<Command> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('d') if ctrl => Some(Command::Quit),
        KeyCode::Char(_) if ctrl => None,
        KeyCode::Char(c) => Some(Command::parse(&c.to_string())),
        KeyCode::Enter => Some(Command::Check),
        _ => None,
    }
}

/// Sends one command per line; the end of input is a quit.
fn read_lines(tx: &Sender<WatchEvent>) {
    for line in std::io::stdin().lock().lines() {
        let event = match line {
            Ok(text) => WatchEvent::Input(Command::parse(&text)),
            Err(e) => WatchEvent::InputError(format!("cannot read standard input: {e}")),
        };
        let last = matches!(event, WatchEvent::Input(Command::Quit) | WatchEvent::InputError(_));
        if tx.send(event).is_err() || last {
            return;
        }
    }
    let _ = tx.send(WatchEvent::Input(Command::Quit));
}

/// The terminal in raw mode: keys arrive one at a time, unechoed, and
/// Ctrl-C is a key. Output processing stays on, so that `\n` still starts a
/// new line for everything printed meanwhile. Dropping it restores the
/// terminal as it was.
pub struct RawMode(());

impl RawMode {
    fn enter() -> Result<RawMode> {
        install_panic_hook();
        crossterm::terminal::enable_raw_mode().context("cannot put the terminal in raw mode")?;
        let guard = RawMode(());
        keep_output_processing().context("cannot set the terminal's output mode")?;
        Ok(guard)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

/// Raw mode also turns off output processing (`\n` no longer returns the
/// carriage); turn it back on. Raw mode was set on standard input, which is
/// the terminal here; `disable_raw_mode` restores the settings saved before.
fn keep_output_processing() -> std::io::Result<()> {
    // SAFETY: termios is plain data, and both calls get a valid pointer to it
    // and the descriptor of standard input, which is open.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(libc::STDIN_FILENO, &mut t) != 0 {
            return Err(std::io::Error::last_os_error());
        }
        t.c_oflag |= libc::OPOST | libc::ONLCR;
        if libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &t) != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Restores the terminal before any panic message is printed (and before
/// unwinding reaches `RawMode`'s `Drop`), so the message is readable.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = crossterm::terminal::disable_raw_mode();
            previous(info);
        }));
    });
}

const NO_RAW_MODE: &str = "dekata watch: {err}; reading commands line by line instead (type a letter, then Enter).";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_commands() {
        let press = |code, modifiers| key_command(&KeyEvent::new(code, modifiers));
        assert_eq!(press(KeyCode::Char('h'), KeyModifiers::NONE), Some(Command::Hint));
        assert_eq!(press(KeyCode::Char('Q'), KeyModifiers::SHIFT), Some(Command::Quit));
        assert_eq!(press(KeyCode::Char('d'), KeyModifiers::CONTROL), Some(Command::Quit));
        assert!(is_interrupt(&KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)));
        assert_eq!(press(KeyCode::Char('c'), KeyModifiers::NONE), Some(Command::Check));
        assert_eq!(press(KeyCode::Enter, KeyModifiers::NONE), Some(Command::Check));
        assert_eq!(press(KeyCode::Esc, KeyModifiers::NONE), None);
    }

    #[test]
    fn lines_name_commands() {
        assert_eq!(Command::parse(""), Command::Check);
        assert_eq!(Command::parse("  n \r"), Command::Next);
        assert_eq!(Command::parse("r"), Command::Reset);
        assert_eq!(Command::parse("quit"), Command::Quit);
        assert_eq!(Command::parse("x"), Command::Unknown("x".into()));
    }
}
