//! Standard output for results: its width, control characters shown
//! harmlessly on a terminal, and a closed pipe ending the command quietly.

use std::cell::Cell;
use std::io::{self, IsTerminal, Write};
use std::rc::Rc;

use invitriage::report;

use crate::Failure;

/// The terminal's width for text output, or `otherwise` when stdout is not
/// a terminal (or it does not say): the width at which the output is laid
/// out as it always was.
pub fn output_width(otherwise: usize) -> usize {
    let reported = io::stdout()
        .is_terminal()
        .then(crossterm::terminal::size)
        .and_then(Result::ok)
        .map(|(w, _)| w);
    width_or(reported, otherwise)
}

/// The narrowest terminal believed: `stats` is laid out for 40 columns at
/// the least.
const MIN_WIDTH: usize = 40;

/// The width to lay text out for: the terminal's `reported` one, unless it
/// reports none, 0 (`script -qc`, some `docker -t` and CI terminals, whose
/// `stty size` says `0 0`) or one too narrow to be real; then `otherwise`.
fn width_or(reported: Option<u16>, otherwise: usize) -> usize {
    reported
        .map(usize::from)
        .filter(|&w| w >= MIN_WIDTH)
        .unwrap_or(otherwise)
}

thread_local! {
    /// How many control characters [`stdout`] showed as `�`.
    pub static CONTROLS_SHOWN: Rc<Cell<usize>> = Rc::default();
}

/// Standard output for a command's results, buffered. On a terminal,
/// control characters from the export (an escape sequence in a name) are
/// shown as `�` instead of acting on it; a file or a pipe gets them as
/// they are.
pub fn stdout() -> io::BufWriter<Box<dyn Write>> {
    let out = io::stdout();
    io::BufWriter::new(if out.is_terminal() {
        Box::new(report::ShowControls::new(
            out.lock(),
            CONTROLS_SHOWN.with(Rc::clone),
        ))
    } else {
        Box::new(out.lock())
    })
}

/// Output to a closed pipe (`| head`) ends the command quietly, as in other
/// Unix tools; other write errors (a full disk) are failures that say so.
pub fn output<T>(result: io::Result<T>) -> Result<T, Failure> {
    match result {
        Err(e) if is_closed_pipe(&e) => std::process::exit(0),
        other => other.map_err(|e| Failure(format!("cannot write the output: {e}"))),
    }
}

/// Whether a write failed because the reader went away (`| head`). Windows
/// says so as `ERROR_NO_DATA` (std's `BrokenPipe`) or, from some pipes
/// (Wine's among them), `ERROR_PIPE_NOT_CONNECTED`, which std leaves
/// uncategorised.
fn is_closed_pipe(e: &io::Error) -> bool {
    const ERROR_PIPE_NOT_CONNECTED: i32 = 233;
    e.kind() == io::ErrorKind::BrokenPipe
        || (cfg!(windows) && e.raw_os_error() == Some(ERROR_PIPE_NOT_CONNECTED))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A terminal that says it is 0 columns wide (or 1, or 39) is not
    /// believed: the output keeps its usual width instead of one
    /// character per line.
    #[test]
    fn a_terminal_width_of_zero_or_too_few_columns_is_unknown() {
        assert_eq!(width_or(Some(0), 100), 100);
        assert_eq!(width_or(Some(1), 100), 100);
        assert_eq!(width_or(Some(39), 120), 120);
        assert_eq!(width_or(None, 100), 100);
        assert_eq!(width_or(Some(40), 100), 40);
        assert_eq!(width_or(Some(80), 120), 80);
        assert_eq!(width_or(Some(250), 100), 250);
    }
}
