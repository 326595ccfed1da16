//! `invitriage check NOTE`: grade a note before it is sent.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use invitriage::check;
use invitriage::classify::Classifier;
use invitriage::config::Config;
use invitriage::import;

use super::load::announce_stdin;
use super::output::{output, output_width, stdout};
use crate::Failure;

/// Grades `note` (`-`: standard input) as written to `to` by `from` (the
/// config's `name` when not given); the exit status says whether it passes.
pub fn run(
    note: String,
    to: &str,
    from: Option<String>,
    json: bool,
    config: &Config,
) -> Result<ExitCode, Failure> {
    // Taken for no sender at all, it would turn the config's `name` off
    // without a word.
    if from.as_deref().is_some_and(|f| f.trim().is_empty()) {
        return Err(Failure(
            "--from is empty; give the sender's name, or leave --from out for `name` from the config".into(),
        ));
    }
    let stdin = note == "-";
    // `check Invitations.csv`: graded as the words given (a note may be
    // one word), but the user likely meant the file.
    if !stdin && !note.contains(char::is_whitespace) && std::path::Path::new(&note).is_file() {
        let path = super::output::shell_quoted(std::path::Path::new(&note));
        say!(
            "invitriage: note: {} is a file, and `check` grades the words given as a note: `invitriage check - < {path}` grades the text in it, and `invitriage stats {path}` reads an export",
            invitriage::text::shown_name(&note)
        );
    }
    let note = if stdin { read_note()? } else { note };
    // Graded all the same (a script reads the verdict), but a note with
    // nothing in it is likelier a slip than a draft: say so.
    if note.trim().is_empty() {
        say!(
            "invitriage: note: the note is empty{}",
            if stdin {
                " (nothing came on standard input)"
            } else {
                ""
            }
        );
    } else if !invitriage::invitation::has_note(&note) {
        // Zero-width spaces, a Hangul filler: shown as nothing, as an
        // export's note of them is counted with those without one.
        say!(
            "invitriage: note: the note shows as empty: it holds only characters a reader does not see"
        );
    }
    let classifier = Classifier::new(&config.classify);
    let me = from.or_else(|| config.name.clone()).unwrap_or_default();
    let grade = check::Grade::new(&classifier, &note, &me, to, config.sent.note_limit);
    let mut out = stdout();
    if json {
        output(check::write_json(&mut out, &grade))?;
    } else if io::stdout().is_terminal() {
        output(check::write_text_wrapped(
            &mut out,
            &grade,
            output_width(100),
        ))?;
    } else {
        output(check::write_text(&mut out, &grade))?;
    }
    output(out.flush())?;
    Ok(if grade.passes() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The note on standard input, read as an export is: a note typed in a
/// Windows console or saved by an old editor may well be Windows-1252.
fn read_note() -> Result<String, Failure> {
    announce_stdin();
    // A note is a few hundred characters: more than 64 KiB is not one
    // (`< /dev/zero` would otherwise fill the memory).
    const MOST: u64 = 64 << 10;
    let mut bytes = Vec::new();
    io::Read::read_to_end(
        &mut io::Read::take(io::stdin().lock(), MOST + 1),
        &mut bytes,
    )
    .map_err(|e| Failure(format!("standard input: cannot read the note: {e}")))?;
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if bytes.len() as u64 > MOST {
        return Err(Failure(
            "standard input: more than 64 KiB; expected the text of one invitation note (LinkedIn takes 300 characters)".into(),
        ));
    }
    if !utf16 && bytes.contains(&0) {
        return Err(Failure(
            "standard input: this is not a note (a NUL byte: binary?); expected the text of an invitation note".into(),
        ));
    }
    let (text, encoding) = import::read_text(&bytes[..])
        .map_err(|e| Failure(format!("standard input: cannot read the note: {e}")))?;
    // The same for UTF-16, whose NULs were not bytes to look for.
    if text.contains('\0') {
        return Err(Failure(
            "standard input: this is not a note (a NUL character: binary?); expected the text of an invitation note".into(),
        ));
    }
    if let Some(notice) = encoding.notice("standard input", "the note") {
        say!("invitriage: note: {notice}");
    }
    Ok(text)
}
