//! Standard output for results: its width, control characters shown
//! harmlessly on a terminal, and a closed pipe ending the command quietly;
//! and the commands suggested to the user, quoted as a shell reads them.

use std::cell::Cell;
use std::io::{self, IsTerminal, Write};
use std::rc::Rc;

use invitriage::config::Paths;
use invitriage::import::Source;
use invitriage::{report, text};

use crate::Failure;

/// The width for text output: the terminal's, else `$COLUMNS` (as `ls`
/// reads them, so that a table piped to `grep` or `less` can be as wide as
/// asked), else `otherwise`: the width at which the output is laid out as
/// it always was.
pub fn output_width(otherwise: usize) -> usize {
    let terminal = io::stdout()
        .is_terminal()
        .then(crossterm::terminal::size)
        .and_then(Result::ok)
        .map(|(w, _)| w)
        .filter(|&w| usize::from(w) >= MIN_BELIEVED);
    let columns = || {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<u16>().ok())
    };
    width_or(terminal.or_else(columns), otherwise)
}

/// The narrowest layout: `stats` is laid out for 40 columns at the least.
const MIN_WIDTH: usize = 40;

/// The narrowest terminal believed: narrower than that, a reported width
/// is taken for a wrong one.
const MIN_BELIEVED: usize = 20;

/// The width to lay text out for: the terminal's `reported` one, at least
/// [`MIN_WIDTH`] (lines wider than a narrow terminal wrap, but by less than
/// `otherwise` would), unless it reports none, 0 (`script -qc`, some
/// `docker -t` and CI terminals, whose `stty size` says `0 0`) or one too
/// narrow to be real; then `otherwise`.
fn width_or(reported: Option<u16>, otherwise: usize) -> usize {
    reported
        .map(usize::from)
        .filter(|&w| w >= MIN_BELIEVED)
        .map_or(otherwise, |w| w.max(MIN_WIDTH))
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
    if let Err(e) = writable(&out) {
        return io::BufWriter::new(Box::new(Unwritable(e)));
    }
    io::BufWriter::new(if out.is_terminal() {
        Box::new(report::ShowControls::new(
            out.lock(),
            CONTROLS_SHOWN.with(Rc::clone),
        ))
    } else {
        Box::new(out.lock())
    })
}

/// Standard output for text written as it is, even to a terminal (a shell's
/// completion script, a synthetic export); like [`stdout`], it fails when
/// standard output is not open for writing.
pub fn plain_stdout() -> Box<dyn Write> {
    let out = io::stdout();
    match writable(&out) {
        Ok(()) => Box::new(out.lock()),
        Err(e) => Box::new(Unwritable(e)),
    }
}

/// Whether standard output takes writes. Rust's own handle takes a
/// standard output that is not open for writing (`1<file`) for a closed
/// one and drops the text without a word, so the command would report
/// success: a write of nothing through a copy of the descriptor asks the
/// system instead.
#[cfg(unix)]
fn writable(out: &io::Stdout) -> Result<(), i32> {
    use std::os::fd::AsFd;
    const EBADF: i32 = 9;
    let Ok(fd) = out.as_fd().try_clone_to_owned() else {
        // No copy to be had (no descriptors left): Rust's handle will say
        // what goes wrong, if anything does.
        return Ok(());
    };
    match std::fs::File::from(fd).write(&[]) {
        Err(e) if e.raw_os_error() == Some(EBADF) => Err(EBADF),
        _ => Ok(()),
    }
}

#[cfg(not(unix))]
fn writable(_: &io::Stdout) -> Result<(), i32> {
    Ok(())
}

/// Standard output that is not open for writing: every write fails with
/// the system's error (`Bad file descriptor`), for [`output`] to report.
struct Unwritable(i32);

impl Write for Unwritable {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::from_raw_os_error(self.0))
    }
    /// Nothing written, nothing lost: a command with nothing to print
    /// ends well.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A message for standard error with its control characters (but line
/// breaks and tabs) written out as `\u{1b}`: a name from an archive or a
/// path can hold an escape sequence, which must not act on the terminal
/// (clear it, set its title).
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let odd = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.contains(odd) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if odd(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
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

/// A path as a shell reads it back: quoted where the shell would split or
/// expand it (a path with a NUL cannot be on a command line anyway). One
/// with a control character (a line break) in it, which inside quotes would
/// split the message the command is in, is quoted as bash, zsh and ksh
/// read escapes: `$'a\nb.csv'`, as is one with bytes that are not UTF-8.
/// One that starts with a dash gets `./` before it.
pub fn shell_quoted(path: &std::path::Path) -> String {
    // A name that starts with a dash would be read as an option.
    let bytes = path.as_os_str().as_encoded_bytes();
    let dashed = if bytes.starts_with(b"-") { "./" } else { "" };
    let path_text = path.to_string_lossy();
    // Bytes that are not UTF-8 are written as `\xff`, not as the `�` the
    // lossy text has, which names another file.
    let not_utf8 = std::str::from_utf8(bytes).is_err();
    if not_utf8 || path_text.contains(text::written_out) {
        let mut quoted = format!("$'{dashed}");
        for chunk in bytes.utf8_chunks() {
            for c in chunk.valid().chars() {
                match c {
                    '\\' | '\'' => quoted.extend(['\\', c]),
                    '\n' => quoted.push_str("\\n"),
                    '\t' => quoted.push_str("\\t"),
                    '\r' => quoted.push_str("\\r"),
                    c if text::written_out(c) && c.is_ascii() => {
                        quoted.push_str(&format!("\\x{:02x}", u32::from(c)));
                    }
                    // Four digits, so that a digit after it is not read as
                    // one more.
                    c if text::written_out(c) => {
                        quoted.push_str(&format!("\\u{:04x}", u32::from(c)));
                    }
                    c => quoted.push(c),
                }
            }
            // Two digits at most are read after `\x`.
            for b in chunk.invalid() {
                quoted.push_str(&format!("\\x{b:02x}"));
            }
        }
        quoted.push('\'');
        return quoted;
    }
    let path = format!("{dashed}{path_text}");
    shlex::try_quote(&path).map_or_else(|_| path.clone(), |q| q.into_owned())
}

/// The `export` command for the same export, ready to paste into a shell.
/// With the config file and data folder this run was given (by option or
/// `$INVITRIAGE_DATA_DIR`, which may have been set for this run only):
/// without them the command would read another journal, and list nothing.
pub fn export_command(source: &Source, paths: &Paths) -> String {
    command_for("export", " --format md", source, paths)
}

/// Whether `path` is standard input, or another stream read once and
/// gone (`<(unzip -p …)` is `/dev/fd/63`): a command given it again would
/// wait for an export that does not come, or read another one.
fn read_once(path: &std::path::Path) -> bool {
    let Some(text) = path.to_str() else {
        return false;
    };
    let fd = |prefix: &str| {
        text.strip_prefix(prefix)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    matches!(text, "-" | "/dev/stdin") || fd("/dev/fd/") || fd("/proc/self/fd/")
}

/// `` `invitriage COMMAND [--config …] [--data-dir …]EXTRA FILE` ``: a
/// command on the same export, with the options this run was given.
pub fn command_for(command: &str, extra: &str, source: &Source, paths: &Paths) -> String {
    let mut options = String::new();
    if paths.config_required {
        options.push_str(&format!(" --config {}", shell_quoted(&paths.config_file)));
    }
    if paths.data_dir_chosen {
        options.push_str(&format!(" --data-dir {}", shell_quoted(&paths.data_dir)));
    }
    match source {
        Source::Sample => format!("`invitriage {command}{options}{extra}`"),
        Source::Path(p) if read_once(p) => {
            format!("`invitriage {command}{options}{extra} -` (the same export on standard input)")
        }
        Source::Path(p) => format!("`invitriage {command}{options}{extra} {}`", shell_quoted(p)),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    /// A terminal that says it is 0 columns wide (or 1, or 19) is not
    /// believed: the output keeps its usual width instead of one
    /// character per line. One of 20 to 39 gets the narrowest layout.
    #[test]
    fn a_terminal_width_of_zero_or_too_few_columns_is_unknown() {
        assert_eq!(width_or(Some(0), 100), 100);
        assert_eq!(width_or(Some(1), 100), 100);
        assert_eq!(width_or(Some(19), 120), 120);
        assert_eq!(width_or(Some(20), 120), 40);
        assert_eq!(width_or(Some(39), 120), 40);
        assert_eq!(width_or(None, 100), 100);
        assert_eq!(width_or(Some(40), 100), 40);
        assert_eq!(width_or(Some(80), 120), 80);
        assert_eq!(width_or(Some(250), 100), 250);
    }

    /// The command named on leaving reads the same journal and config as
    /// the run did.
    #[test]
    fn the_export_command_keeps_the_config_and_data_dir_given() {
        let paths = |config: bool, data: bool| Paths {
            config_file: PathBuf::from("c.toml"),
            config_required: config,
            data_dir: PathBuf::from("/tmp/my data"),
            data_dir_chosen: data,
        };
        let file = Source::Path(PathBuf::from("my export.csv"));
        assert_eq!(
            export_command(&file, &paths(false, false)),
            "`invitriage export --format md 'my export.csv'`"
        );
        assert_eq!(
            export_command(&file, &paths(true, true)),
            "`invitriage export --config c.toml --data-dir '/tmp/my data' --format md 'my export.csv'`"
        );
        assert_eq!(
            export_command(&Source::Sample, &paths(false, true)),
            "`invitriage export --data-dir '/tmp/my data' --format md`"
        );
    }

    /// Standard input, however it was named, and a process substitution
    /// (`/dev/fd/63`) are read once: the command named for later reads the
    /// same export on standard input, not the path, which would then hold
    /// nothing.
    #[test]
    fn a_command_for_an_export_read_once_takes_it_on_standard_input() {
        let paths = Paths {
            config_file: PathBuf::from("c.toml"),
            config_required: false,
            data_dir: PathBuf::from("d"),
            data_dir_chosen: false,
        };
        for once in [
            "-",
            "/dev/stdin",
            "/dev/fd/0",
            "/dev/fd/63",
            "/proc/self/fd/0",
        ] {
            assert_eq!(
                export_command(&Source::Path(PathBuf::from(once)), &paths),
                "`invitriage export --format md -` (the same export on standard input)",
                "{once}"
            );
        }
        for file in ["/dev/fd/", "/dev/fd/x", "/proc/self/fdinfo/0", "fd/0"] {
            assert!(
                export_command(&Source::Path(PathBuf::from(file)), &paths)
                    .ends_with(&format!(" {file}`")),
                "{file}"
            );
        }
    }

    /// A path with a line break or another control character is quoted so
    /// that the command stays on one line, and a shell reads the same path
    /// back; any other is quoted as before.
    #[test]
    fn a_path_with_a_control_character_is_quoted_on_one_line() {
        let quoted = |p: &str| shell_quoted(std::path::Path::new(p));
        assert_eq!(quoted("a\nb.csv"), r"$'a\nb.csv'");
        assert_eq!(
            quoted("it's\t\\\r\u{1b}\u{202e}1.csv"),
            r"$'it\'s\t\\\r\x1b\u202e1.csv'"
        );
        assert_eq!(quoted("my export é.csv"), "'my export é.csv'");
        assert_eq!(quoted("Invitations.csv"), "Invitations.csv");
    }

    /// A name that starts with a dash is not read back as an option, and
    /// one with bytes that are not UTF-8 names the same file, not one with
    /// `�` in its name.
    #[cfg(unix)]
    #[test]
    fn a_path_is_pasted_back_as_the_same_file() {
        use std::os::unix::ffi::OsStrExt;
        let quoted = |p: &[u8]| shell_quoted(std::path::Path::new(std::ffi::OsStr::from_bytes(p)));
        assert_eq!(quoted(b"-dash.csv"), "./-dash.csv");
        assert_eq!(quoted(b"-my file.csv"), "'./-my file.csv'");
        assert_eq!(quoted(b"/tmp/-x.csv"), "/tmp/-x.csv");
        assert_eq!(quoted(b"bad\xff\xfename.csv"), r"$'bad\xff\xfename.csv'");
        assert_eq!(quoted(b"-\n\xe9.csv"), r"$'./-\n\xe9.csv'");
    }
}
