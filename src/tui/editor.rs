//! Handing a draft to `$VISUAL` / `$EDITOR` in a temporary file only the user
//! can read, and taking the edited text back.

use std::io::{IsTerminal, Write};

use crate::import::TextEncoding;
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};

/// The editor when neither `$VISUAL` nor `$EDITOR` is set: `vi` is on
/// every Unix, Notepad on every Windows.
const DEFAULT_EDITOR: &str = if cfg!(windows) { "notepad" } else { "vi" };

/// The editor command: `$VISUAL`, else `$EDITOR`, else `vi` (Notepad on
/// Windows).
fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_EDITOR.to_string())
}

/// A command from the environment (`$EDITOR`, one of `$BROWSER`'s) split
/// into its words as a shell would (`"/opt/My Editor/ed" -w`: two words);
/// with unbalanced quotes, at white space.
pub fn command_words(command: &str) -> Vec<String> {
    shlex::split(command)
        .unwrap_or_else(|| command.split_whitespace().map(str::to_string).collect())
}

/// What to do when the editor did not start: set one, or (when the
/// command's first word is a path with a space in it, split there) quote it.
fn start_hint(cmd: &str, set: bool) -> &'static str {
    if !set {
        "set $VISUAL or $EDITOR"
    } else if command_words(cmd).len() > 1 && cmd.trim_start().starts_with(['/', '~', '.']) {
        "a path with spaces in $VISUAL or $EDITOR needs quotes: '/path/my editor'"
    } else {
        "check $VISUAL and $EDITOR"
    }
}

/// The process id of the editor running now, 0 when none is: a SIGTERM
/// to the app is passed on to it, so that what it last wrote is taken
/// back and the app ends at once, rather than leaving it behind.
pub(super) static EDITOR_PID: AtomicU32 = AtomicU32::new(0);

/// The text taken back from the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    pub text: String,
    /// Why the text may not be what the user meant (the editor failed
    /// after writing it), for the status line.
    pub warning: Option<String>,
    /// Where the editor's file was when it could not be in the folder
    /// asked for (`keep_in`), and why, for the status line: a run killed
    /// while the editor was open would have left the words there, where
    /// no start takes them back.
    pub elsewhere: Option<String>,
}

impl Edited {
    /// What the status line says of the edit beside taking the text
    /// back: the warning, then where the file was, if either is.
    pub fn notes(&self) -> Option<String> {
        let notes: Vec<&str> = [&self.warning, &self.elsewhere]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        (!notes.is_empty()).then(|| notes.join(" · "))
    }
}

impl From<String> for Edited {
    fn from(text: String) -> Self {
        Edited {
            text,
            warning: None,
            elsewhere: None,
        }
    }
}

impl From<&str> for Edited {
    fn from(text: &str) -> Self {
        text.to_string().into()
    }
}

/// Writes `text` to a private temp file, runs the editor on it (the terminal
/// must already be handed over), and returns the edited text. Errors are
/// messages for the status line. `keep_in`: the folder and the start of the
/// name for the file (a draft's, or the check pad's note's, which the next
/// start takes back should this run be killed while the editor is open);
/// without it, the system's temp folder. Where that folder cannot be made
/// or written in, the file is in the system's temp folder too, and it says
/// where: on standard error before the editor starts (seen once it ends,
/// also when invitriage was killed meanwhile), and in
/// [`Edited::elsewhere`].
pub fn edit(text: &str, keep_in: Option<&(std::path::PathBuf, String)>) -> Result<Edited, String> {
    let cmd = editor_command();
    let kept = keep_in.map(|(dir, prefix)| {
        std::fs::create_dir_all(dir)
            .and_then(|()| {
                tempfile::Builder::new()
                    .prefix(prefix)
                    .suffix(".txt")
                    .tempfile_in(dir)
            })
            .map_err(|e| (dir, e))
    });
    let (mut file, not_in) = match kept {
        Some(Ok(file)) => (file, None),
        fallback => (
            tempfile::Builder::new()
                .prefix("invitriage-draft-")
                .suffix(".txt")
                .tempfile()
                .map_err(|e| format!("Cannot make a temp file for the editor: {e}"))?,
            fallback.and_then(Result::err),
        ),
    };
    // Said before the editor has the terminal (an editor on the alternate
    // screen leaves the line in view when it ends), for a run killed
    // meanwhile, and on the status line afterwards.
    let elsewhere = not_in.map(|(dir, e)| {
        let path = crate::text::shown_path(file.path());
        let dir = crate::text::shown_path(dir);
        eprintln!(
            "invitriage: your editor edits {path}, as {dir} cannot be used ({e}); should invitriage end while the editor is open, the words stay there"
        );
        format!(
            "The editor's file was {path}, as {dir} cannot be used ({e}): a run ended while the editor is open leaves its words there"
        )
    });
    // A text file ends with a line end: without one, an editor (or a
    // script) that adds a line joins it to the signature. The composer
    // takes one line end off what comes back, so one is added even to a
    // text ending in a blank line: else a round trip that changed
    // nothing would lose that line and mark the draft changed.
    let text = if text.is_empty() {
        text.to_string()
    } else {
        format!("{text}\n")
    };
    // tempfile creates the file with mode 0600 on Unix: only the user reads it.
    file.write_all(text.as_bytes())
        .and_then(|_| file.flush())
        .map_err(|e| format!("Cannot write the temp file: {e}"))?;
    let path = file.path().to_path_buf();
    // `$EDITOR` may carry arguments (`code --wait`) and a quoted path with
    // spaces in it.
    let mut parts = command_words(&cmd).into_iter();
    let program = parts.next().unwrap_or_else(|| DEFAULT_EDITOR.to_string());
    let mut command = Command::new(program);
    command.args(parts).arg(&path);
    // With the export on standard input (`invitriage -`), an editor reading
    // it would meet the end of a pipe: give it the terminal instead.
    if !std::io::stdin().is_terminal()
        && let Some(tty) = super::controlling_terminal()
    {
        command.stdin(tty);
    }
    let mut child = command.spawn().map_err(|e| {
        let set = ["VISUAL", "EDITOR"]
            .iter()
            .any(|v| std::env::var(v).is_ok_and(|v| !v.trim().is_empty()));
        format!(
            "Cannot start the editor `{cmd}`: {e} ({})",
            start_hint(&cmd, set)
        )
    })?;
    EDITOR_PID.store(child.id(), Ordering::Relaxed);
    let status = child.wait();
    EDITOR_PID.store(0, Ordering::Relaxed);
    let status = status.map_err(|e| format!("The editor `{cmd}` could not be waited for: {e}"))?;
    // Read as an export is: an editor set to Latin-1 (or an old Notepad's
    // UTF-16) must not lose the words, nor pass them off as its failure.
    let read = std::fs::read(&path).and_then(|bytes| {
        crate::import::read_text(&bytes[..]).map(|(text, encoding)| (bytes, text, encoding))
    });
    let (edited, read_as) = match read {
        // Not UTF-8 throughout: the draft's own words still are, and only
        // what a Latin-1 editor added is not. Each read as it is written.
        Ok((bytes, _, TextEncoding::Windows1252Fallback | TextEncoding::Utf8Mostly)) => {
            let (text, odd) = utf8_else_1252(&bytes);
            let note = format!(
                "The editor wrote {odd} byte{} that {} not UTF-8; read {} as Windows-1252 (check the accents)",
                crate::text::plural(odd),
                if odd == 1 { "is" } else { "are" },
                if odd == 1 { "it" } else { "them" }
            );
            (text, Some(note))
        }
        Ok((_, text, encoding)) => (text, encoding.notice("The editor", "its text")),
        // Nothing on disk to name: the editor (or a script as `$EDITOR`)
        // removed or moved the file it was given.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // Short, so that the status line's end ("the draft is
            // unchanged") shows on a narrow screen too.
            return Err("The editor removed the file it was given: nothing to take back".into());
        }
        Err(e) => {
            // What the editor wrote stays on disk, named, for the user.
            let kept = file.keep().map(|(_, p)| p).unwrap_or(path);
            return Err(format!(
                "Cannot read the edited draft back ({e}); what the editor wrote is kept in {}",
                crate::text::shown_path(&kept)
            ));
        }
    };
    if status.success() {
        return Ok(Edited {
            text: edited,
            warning: read_as,
            elsewhere,
        });
    }
    // Words written before the editor failed (Vim exits 1 after `:wq`
    // when its start-up had errors; a hang-up kills it) are the user's:
    // taken back, with a word to check them. Not an empty file (an editor
    // that emptied it and failed): the draft stays as it was. And the
    // draft from before is kept beside the editor's file, as the draft on
    // disk becomes the editor's text at once: Ctrl-U alone, in memory,
    // would lose it to a crash. A later start removes the copy once it is
    // a month old and the draft is saved or discarded (see "Unsaved
    // drafts" in the journal's docs).
    if edited != text && !edited.trim().is_empty() {
        let mut before_name = path.file_name().unwrap_or_default().to_os_string();
        // Not `.txt`: the next start takes back only an editor's file.
        before_name.push(".before");
        let before = path.with_file_name(before_name);
        let kept = crate::journal::write_private(&before, &text);
        let failed = match kept {
            Ok(()) => format!(
                "Took the editor's text back, though it failed ({status}): check it (your draft from before is in {})",
                crate::text::shown_path(&before)
            ),
            Err(_) => format!("Took the editor's text back, though it failed ({status}): check it"),
        };
        return Ok(Edited {
            text: edited,
            warning: Some(match read_as {
                Some(read_as) => format!("{failed}; {read_as}"),
                None => failed,
            }),
            elsewhere,
        });
    }
    Err(format!("The editor `{cmd}` failed ({status})"))
}

/// `bytes` read as UTF-8 where they are, and each byte that is not as
/// Windows-1252; and how many were not. Written here: `encoding_rs` reads a
/// text in one encoding, and an editor set to Latin-1 leaves the draft's
/// own UTF-8 as it was beside what it adds.
fn utf8_else_1252(mut bytes: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len());
    let mut odd = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(rest) => {
                out.push_str(rest);
                return (out, odd);
            }
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                out.push_str(&String::from_utf8_lossy(good));
                let bad = e.error_len().unwrap_or(rest.len());
                let (latin, _) =
                    encoding_rs::WINDOWS_1252.decode_without_bom_handling(&rest[..bad]);
                out.push_str(&latin);
                odd += bad;
                bytes = &rest[bad..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Edited, command_words, start_hint, utf8_else_1252};

    #[test]
    fn the_status_says_the_warning_then_where_the_file_was() {
        let mut edited = Edited::from("text");
        assert_eq!(edited.notes(), None);
        edited.elsewhere = Some("The editor's file was /tmp/x.txt".into());
        assert_eq!(
            edited.notes().as_deref(),
            Some("The editor's file was /tmp/x.txt")
        );
        edited.warning = Some("check it".into());
        assert_eq!(
            edited.notes().as_deref(),
            Some("check it · The editor's file was /tmp/x.txt")
        );
    }

    #[test]
    fn utf8_stays_utf8_beside_latin1_bytes() {
        assert_eq!(
            utf8_else_1252(
                "Zoë, "
                    .as_bytes()
                    .iter()
                    .chain(b"Caf\xe9 \x93ok\x94")
                    .copied()
                    .collect::<Vec<u8>>()
                    .as_slice()
            ),
            ("Zoë, Café “ok”".to_string(), 3)
        );
        assert_eq!(
            utf8_else_1252("plain é".as_bytes()),
            ("plain é".to_string(), 0)
        );
        // A character cut at the end is one odd byte per byte.
        assert_eq!(utf8_else_1252(b"x\xc3"), ("xÃ".to_string(), 1));
    }

    #[test]
    fn an_editor_that_does_not_start_says_what_to_change() {
        assert_eq!(start_hint("vi", false), "set $VISUAL or $EDITOR");
        assert!(start_hint("/tmp/my dir/ed.sh", true).contains("needs quotes"));
        assert_eq!(start_hint("nano", true), "check $VISUAL and $EDITOR");
        assert_eq!(start_hint("code --wait", true), "check $VISUAL and $EDITOR");
    }

    #[test]
    fn a_command_splits_as_a_shell_would() {
        assert_eq!(command_words("code --wait"), ["code", "--wait"]);
        assert_eq!(
            command_words("'/opt/My Editor/ed' -w"),
            ["/opt/My Editor/ed", "-w"]
        );
        assert_eq!(command_words(r"/opt/My\ Editor/ed"), ["/opt/My Editor/ed"]);
        // Unbalanced quotes: white space still separates the words.
        assert_eq!(command_words("ed 'x"), ["ed", "'x"]);
        assert!(command_words("  ").is_empty());
    }
}
