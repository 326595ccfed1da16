//! `invitriage [FILE]`: the triage screen, with the checks before it opens
//! and the summary after it closes.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use invitriage::classify::Classifier;
use invitriage::config::{Config, Paths};
use invitriage::import::{self, Source};
use invitriage::invitation::Direction;
use invitriage::journal::{Journal, JournalError, Seen};
use invitriage::reply::Templates;
use invitriage::text;
use invitriage::tui::app::{App, AppInit, Effect};
use invitriage::tui::keys::{Action, Keymap};

use super::args::{command_like, no_command_named};
use super::load::{
    SKIPPED_SHOWN, future_note, joined_note, load, moved_note, now, pinned_now, sample_copy_note,
    say_reading_large,
};
use super::output::{command_for, export_command};
use crate::Failure;

/// Opens the full-screen triage app.
pub fn triage(
    source: Source,
    config: &Config,
    paths: &Paths,
    keymap: Keymap,
    templates: Templates,
) -> Result<ExitCode, Failure> {
    // Before anything about the terminal: a missing FILE may be a mistyped
    // command (`invitriage stat`), and that is the thing to say.
    if let Source::Path(path) = &source
        && path.as_os_str() != "-"
        && std::fs::metadata(path).is_err_and(|e| e.kind() == io::ErrorKind::NotFound)
    {
        let mut missing = import::ImportError::missing(path);
        let command = match command_like(path) {
            Some(command) => Some(format!("did you mean the subcommand `{command}`?")),
            None => no_command_named(path),
        };
        // A word typed as a command is no file's name: the export beside
        // it is not what it meant.
        if let (Some(_), import::ImportError::NotFound { beside, .. }) = (&command, &mut missing) {
            *beside = None;
        }
        return Err(Failure(match command {
            Some(command) => format!("{missing}; {command}"),
            None => missing.to_string(),
        }));
    }
    if !io::stdout().is_terminal() {
        return Err(Failure(
            "the triage screen needs a terminal; for output to a pipe use `invitriage stats` or `invitriage classify`".into(),
        ));
    }
    // A dumb terminal (Emacs's `M-x shell`, some CI consoles) cannot move
    // its cursor: the screen would arrive as a stream of escape codes.
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        return Err(Failure(
            "the triage screen needs a terminal that can move its cursor, and TERM=dumb says this one cannot; run it in another terminal (in Emacs: `M-x term` or vterm), or use `invitriage stats`, `classify` or `export` here".into(),
        ));
    }
    // Standard input may carry the export (`invitriage -`): keys then come
    // from the controlling terminal.
    if !io::stdin().is_terminal() && invitriage::tui::controlling_terminal().is_none() {
        return Err(Failure(
            "the triage screen reads keys from a terminal, and there is none: standard input is not one, and /dev/tty cannot be opened".into(),
        ));
    }
    // A large file takes a moment (about half a second for a million
    // rows) before the first frame, and so does a journal of many bulk
    // steps (about a second for 40 MB): say what is going on meanwhile.
    let large = |path: &std::path::Path, at_least: u64| {
        std::fs::metadata(path)
            .ok()
            .map(|m| m.len())
            .filter(|&n| n >= at_least)
    };
    // The sample's decisions are kept apart from those on your exports.
    let journal_dir = paths.journal_dir(source.is_sample());
    let journal_file = journal_dir.join(invitriage::journal::FILE_NAME);
    // In MB of a million bytes, as the journal's compaction reports them.
    let mb = |n: u64| (n + 500_000) / 1_000_000;
    if let Some(n) = large(&journal_file, 16 << 20) {
        say!(
            "invitriage: reading your decisions in {} ({} MB)…",
            text::shown_path(&journal_file),
            mb(n)
        );
    }
    // The journal first: its lock refuses a second instance before it
    // reads a large export for nothing.
    let (mut journal, mut notices) =
        Journal::open(&journal_dir).map_err(|e| Failure(with_next_step(&e, &journal_dir)))?;
    if let Source::Path(path) = &source
        && path.as_os_str() == "-"
    {
        if !io::stdin().is_terminal() {
            say!("invitriage: reading standard input…");
        }
    } else {
        say_reading_large(&source);
    }
    let export = export_command(&source, paths);
    // `stats` names the first rows it skips; its JSON, every one.
    let (stats, stats_json) = (
        command_for("stats", "", &source, paths),
        command_for("stats", " --json", &source, paths),
    );
    let mut import = load(source, config)?;
    journal.adopt_ids(&mut import.invitations);
    notices.extend(moved_note(&journal, &import.invitations));
    notices.extend(joined_note(&import, &journal));
    match &import.skipped[..] {
        [] => {}
        [one] => notices.push(format!("1 unreadable row skipped: {one}")),
        [first, rest @ ..] => notices.push(format!(
            "{} unreadable rows skipped, the first {first}; {} lists them all",
            rest.len() + 1,
            if rest.len() < SKIPPED_SHOWN {
                &stats
            } else {
                &stats_json
            }
        )),
    }
    // Decisions on rows that could not be read: not gone from LinkedIn,
    // only unread, and said so, as `export` says it.
    let here: std::collections::HashSet<_> = import.invitations.iter().map(|i| i.id).collect();
    let unread = super::export::on_unread_lines(&import, &journal, &here);
    if !unread.is_empty() {
        notices.push(format!(
            "{} of the rows skipped {} a decision or draft of yours ({}), not shown here: mend {} or open the export as LinkedIn sent it",
            unread.len(),
            if unread.len() == 1 { "holds" } else { "hold" },
            super::export::some_lines(&unread),
            if unread.len() == 1 { "it" } else { "them" },
        ));
    }
    journal.set_unread(super::export::unread_ids(&import));
    notices.extend(import.notices());
    notices.extend(future_note(&import, now()));
    notices.extend(sample_copy_note(&import, &journal, paths));
    // Without the URL columns, ids are made of names and dates: decisions
    // made on an export with them find nothing here, and those people
    // show undecided. Said first, before they are all decided again
    // (`export` says the same on its list).
    if import.without_profile_urls && !import.source.is_sample() {
        let here: std::collections::HashSet<_> = import.invitations.iter().map(|i| i.id).collect();
        let n = journal.decided_elsewhere(|id| here.contains(id));
        if n > 0 {
            notices.insert(
                0,
                format!(
                    "this export has no profile URLs, so {n} decision{} made on one that has them (or before a name changed) {} not matched: those people may show undecided here, and an export with profile URLs shows them decided",
                    invitriage::text::plural(n),
                    if n == 1 { "is" } else { "are" }
                ),
            );
        }
    }
    // An action the config unbinds itself (`accept = []`) is no news.
    for name in keymap
        .unbound()
        .into_iter()
        .filter(|n| !config.keys.contains_key(*n))
    {
        notices.push(format!(
            "[keys]: `{name}` has no key left (a key bound in the config took its default); give it one in {}",
            text::shown_path(&paths.config_file)
        ));
    }
    let source_name = import.source.short_name();
    let sample = import.source.is_sample();
    let now = now();
    // What counts as new is measured against your own exports, not the
    // sample's fictional dates; and the sample teaches the next start
    // nothing about them.
    // A date to come (a damaged row, a clock that was ahead) is not news
    // yet: kept, it would leave nothing newer for years.
    let soon = now + chrono::Duration::days(1);
    let (seen_before, unreadable) = if sample {
        (None, None)
    } else {
        match journal.read_seen() {
            Ok(seen) => (seen.filter(|seen| seen.newest <= soon), None),
            Err(why) => (None, Some(why)),
        }
    };
    let newest = import
        .invitations
        .iter()
        .filter(|i| i.direction == Direction::Incoming && i.sent_at <= soon)
        .map(|i| i.sent_at)
        .max();
    // Written when the run ends (see `AppInit::seen_now`).
    let seen_now = newest.filter(|_| !sample).map(|newest| Seen {
        newest,
        opened: now,
    });
    if let Some(why) = unreadable {
        let anew = if seen_now.is_some() && !why.other_version {
            ", and the file is written anew when you quit"
        } else {
            ""
        };
        notices.push(format!(
            "{}; new invitations are counted from your last step instead{anew}",
            why.why
        ));
    }
    // The steps of this run are the lines after these.
    let first_line = journal.line_count();
    let skipped_rows = import.skipped.len();
    let mut app = App::new(AppInit {
        source_name,
        invitations: import.invitations,
        journal,
        keymap,
        now,
        my_name: config.name.clone(),
        templates,
        stale_after_days: config.sent.stale_after_days,
        note_limit: config.sent.note_limit,
        classifier: Classifier::new(&config.classify),
        notices,
        color: invitriage::tui::view::theme::colour_wanted(
            std::env::var_os("NO_COLOR").as_deref(),
            std::env::var_os("TERM").as_deref(),
        ),
        palette_256: invitriage::tui::view::theme::palette_256(
            std::env::var_os("TERM").as_deref(),
            std::env::var_os("COLORTERM").as_deref(),
        ),
        frozen_clock: pinned_now().is_some(),
        seen_before,
        seen_now,
        export_command: export.clone(),
        skipped_rows,
    });
    // A first run with no file: say how to open one's own, unless the
    // start has something more pressing to say.
    // The footer's key hints wait for the first key: the help key is named.
    if sample && app.status.is_none() {
        let help = app.keymap.hint(&Action::Help);
        let help = if help.is_empty() {
            String::new()
        } else {
            format!(" · {help} help")
        };
        app.update(Action::Status(
            format!("Fictional sample · open yours: invitriage ~/Downloads{help}"),
            false,
        ));
    }
    // An error that ended the screen is reported after the last words
    // below: a draft the disk would not take is printed all the same.
    let ended = invitriage::tui::run(&mut app);
    // Also after a SIGTERM, which ends a run as surely as `q` (the signal
    // thread waits for this); after a hang-up the lines go nowhere, and
    // are lost as harmlessly (a draft among them had its last try to
    // reach the disk).
    let farewell = app.farewell();
    if let Some(words) = &farewell {
        say!("invitriage: {words}");
    }
    // A run that undid everything there was leaves nothing to list: the
    // export command would print an empty checklist.
    if farewell.is_some() && app.anything_listed() {
        // With steps from before this run in the journal (an earlier day,
        // or a sitting this morning), the full list holds what an earlier
        // checklist gave too: say how to see this run's alone.
        // To the second: two sittings may start in one minute. From this
        // run's earliest step, when the clock was set back after the start.
        let started = app
            .journal
            .first_step_after(first_line)
            .map_or(app.now, |first| first.min(app.now));
        let started = chrono::Timelike::with_nanosecond(&started, 0).unwrap_or(started);
        // Only when `--since` would leave something out: what the export
        // command itself would leave out, not any older step (an older
        // reply under a decision made today is listed all the same, and
        // a decision for someone gone from the export not at all).
        // With no line before this run's, nothing is: the list is not
        // worked out (seconds, after a bulk step over a million).
        let earlier = first_line > 0
            && invitriage::export::write_actions_since(
                io::sink(),
                invitriage::export::ExportFormat::Csv,
                &app.invitations,
                &app.journal,
                app.now,
                Some(started),
            )
            .is_ok_and(|listed| listed.earlier > 0);
        // An undo that took someone back to an earlier run's decision
        // changed what to do for them, and `--since` would not list it:
        // the full list is the one to read.
        let brought_back = app.brought_back_before(started);
        if !brought_back.is_empty() {
            let whom = match &brought_back[..] {
                [one] => one.clone(),
                many => format!("{} people", many.len()),
            };
            say!(
                "invitriage: {export} lists what to do on LinkedIn (not with `--since`: this run brought back an earlier run's step for {whom}, which it would leave out)"
            );
        } else if earlier && app.journal.first_step_after(first_line).is_some() {
            // Not after a run that only undid: `--since` would list
            // nothing this run did.
            say!(
                "invitriage: {export} lists what to do on LinkedIn; add `--since {}` for only what this run decided or drafted",
                started.format(if chrono::Timelike::second(&started) == 0 {
                    "%Y-%m-%dT%H:%M"
                } else {
                    "%Y-%m-%dT%H:%M:%S"
                })
            );
        } else {
            say!("invitriage: {export} lists what to do on LinkedIn");
        }
    } else if app.anything_listed() {
        // Nothing changed in this run, but the checklist of an earlier
        // one stands (the screen's "every invitation is decided" names
        // this command): a returning user needs it as much.
        say!("invitriage: {export} lists what to do on LinkedIn");
    }
    if let Some(Effect::Farewell(lines)) = app.update(Action::Leave) {
        for words in lines {
            say!("invitriage: {words}");
        }
    }
    match ended? {
        invitriage::tui::Ended::Quit => Ok(ExitCode::SUCCESS),
        invitriage::tui::Ended::Signal(sig) => {
            Ok(ExitCode::from(u8::try_from(128 + sig).unwrap_or(u8::MAX)))
        }
    }
}

/// Why the journal in `data_dir` cannot be opened for recording, and what
/// to do next when the disk is full, or when the folder cannot be written
/// (a read-only file system, a folder of another user's): the triage
/// screen writes there, `export` and `drafts` only read.
fn with_next_step(e: &JournalError, data_dir: &std::path::Path) -> String {
    let JournalError::Io { source, .. } = e else {
        return e.to_string();
    };
    // At the start too (a torn last line kept aside, say): the disk, not
    // the journal, is what to mend.
    if matches!(
        source.kind(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded
    ) {
        return format!("{e}; free some disk space, and start invitriage again");
    }
    if !matches!(
        source.kind(),
        io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied
    ) {
        return e.to_string();
    }
    // Only where they can: a journal that cannot be read (no permission
    // to, or not a file) stops them too.
    let journal = data_dir.join(invitriage::journal::FILE_NAME);
    let readable = match std::fs::File::open(&journal) {
        Ok(mut file) => io::Read::read(&mut file, &mut [0; 1]).is_ok(),
        Err(e) => e.kind() == io::ErrorKind::NotFound,
    };
    let readers = if data_dir.is_dir() && readable {
        "; `invitriage export` and `invitriage drafts` read this one without writing to it"
    } else {
        ""
    };
    // The file itself refused (its mode, say) in a folder that may be
    // fine: mending the file is the nearer way.
    let file = match (source.kind(), e) {
        (io::ErrorKind::PermissionDenied, JournalError::Io { path, .. }) if path.is_file() => {
            path.file_name().map(|n| {
                format!(
                    "make {} writable, or ",
                    text::shown_name(&n.to_string_lossy())
                )
            })
        }
        _ => None,
    };
    format!(
        "{e}; the triage screen records your decisions in {}: {}name a folder you can write to with --data-dir or INVITRIAGE_DATA_DIR{readers}",
        text::shown_path(data_dir),
        file.unwrap_or_default()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A data folder that cannot be written: the error says where to go
    /// instead, and which commands still read it.
    #[test]
    fn an_unwritable_data_folder_says_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let lock = dir.path().join("journal.lock");
        let error = |kind: io::ErrorKind| JournalError::Io {
            action: "open the lock file",
            path: lock.clone(),
            source: io::Error::from(kind),
        };
        assert_eq!(
            with_next_step(&error(io::ErrorKind::ReadOnlyFilesystem), dir.path()),
            format!(
                "cannot open the lock file {}: read-only filesystem or storage medium; the triage screen records your decisions in {}: name a folder you can write to with --data-dir or INVITRIAGE_DATA_DIR; `invitriage export` and `invitriage drafts` read this one without writing to it",
                lock.display(),
                dir.path().display()
            )
        );
        // Not there to read: only where to go instead.
        let msg = with_next_step(
            &error(io::ErrorKind::PermissionDenied),
            &dir.path().join("missing"),
        );
        assert!(
            msg.ends_with("name a folder you can write to with --data-dir or INVITRIAGE_DATA_DIR"),
            "{msg}"
        );
        // A journal that cannot be read stops them too: not named.
        std::fs::create_dir(dir.path().join(invitriage::journal::FILE_NAME)).unwrap();
        let msg = with_next_step(&error(io::ErrorKind::PermissionDenied), dir.path());
        assert!(
            msg.ends_with("name a folder you can write to with --data-dir or INVITRIAGE_DATA_DIR"),
            "{msg}"
        );
        // A full disk: what to mend.
        let full = error(io::ErrorKind::StorageFull);
        assert_eq!(
            with_next_step(&full, dir.path()),
            format!("{full}; free some disk space, and start invitriage again")
        );
        // Other failures have nothing to add.
        let other = error(io::ErrorKind::InvalidData);
        assert_eq!(with_next_step(&other, dir.path()), other.to_string());
        // The file there refused (its mode): it is named first.
        std::fs::write(&lock, "").unwrap();
        let msg = with_next_step(&error(io::ErrorKind::PermissionDenied), dir.path());
        assert!(
            msg.contains(
                ": make journal.lock writable, or name a folder you can write to with --data-dir"
            ),
            "{msg}"
        );
    }
}
