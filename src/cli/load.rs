//! Reading an export (and the journal) the way every command does, with
//! what is worth telling the user on standard error.

use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use invitriage::classify::Classifier;
use invitriage::config::{Config, Paths, Unusable};
use invitriage::import::{self, Import, Source};
use invitriage::journal::Journal;
use invitriage::reply::Templates;
use invitriage::stats::DirectionFilter;
use invitriage::text;
use invitriage::tui::keys::Keymap;

use crate::Failure;

/// How many unreadable rows are named on stderr, one a line; the rest
/// are counted.
pub const SKIPPED_SHOWN: usize = 20;

/// Loads and classifies an export, telling the user on stderr about rows that
/// were skipped and anything else worth knowing; fails when rows were there
/// but none could be read.
pub fn load(source: Source, config: &Config) -> Result<Import, Failure> {
    load_counting(source, config, DirectionFilter::All)
}

/// [`load`] for a count of the invitations `counted` picks (`stats
/// --direction`), which the notes on standard error agree with.
pub fn load_counting(
    source: Source,
    config: &Config,
    counted: DirectionFilter,
) -> Result<Import, Failure> {
    let import = load_with(&source, config, counted, import::load_classified)?;
    if let Some(note) = future_note(&import, now()) {
        say!("invitriage: note: {note}");
    }
    Ok(import)
}

/// Says `reading FILE (214 MB)…` for a file that takes a moment (about
/// half a second a million rows for the screen, several for `export`):
/// from 32 MB, or 6 MB of a `.zip`, which packs about six to one.
/// Standard input has no size to go by.
pub fn say_reading_large(source: &Source) {
    let Source::Path(path) = source else {
        return;
    };
    let zipped = path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("zip"));
    // In MB of a million bytes, as the size is shown.
    let at_least: u64 = if zipped { 6_000_000 } else { 32_000_000 };
    let Some(n) = std::fs::metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .filter(|&n| n >= at_least)
    else {
        return;
    };
    // In MB of a million bytes, as the journal's compaction reports them.
    let mb = (n + 500_000) / 1_000_000;
    let packed = if zipped { ", packed" } else { "" };
    say!("invitriage: reading {source} ({mb} MB{packed})…");
}

/// Which invitations are dated after `now` (more than a day ahead, as ages
/// count): none is sent after the export is made, so a date was misread or
/// the clock is wrong. `stats` shows it as "a future date".
pub fn future_note(import: &Import, now: chrono::NaiveDateTime) -> Option<String> {
    let ahead = |inv: &&invitriage::invitation::Invitation| {
        invitriage::stats::Age::between(inv.sent_at, now).days < 0
    };
    let mut future = import.invitations.iter().filter(ahead);
    let first = future.next()?;
    let n = 1 + future.count();
    Some(format!(
        "{}: {n} invitation{} dated after today (the first on line {}: {}); no invitation is sent after the export is made: is the date misread, or this computer's clock wrong?",
        import.origin,
        if n == 1 { " is" } else { "s are" },
        first.line,
        first.sent_at.format("%-d %b %Y")
    ))
}

/// [`load_counting`] with the reading chosen: whole invitations or only
/// their facts.
pub fn load_with<T: import::Item>(
    source: &Source,
    config: &Config,
    counted: DirectionFilter,
    read: impl FnOnce(
        &Source,
        import::Classify<'_>,
        chrono::NaiveDateTime,
    ) -> Result<Import<T>, import::ImportError>,
) -> Result<Import<T>, Failure> {
    let classifier = Classifier::new(&config.classify);
    let fallback = config.name.as_deref().filter(|n| !n.trim().is_empty());
    let classify = |note: &str, from: &str, to: &str| {
        let to = match fallback {
            Some(name) if to.trim().is_empty() => name,
            _ => to,
        };
        classifier.classify(note, from, to)
    };
    if matches!(source, Source::Path(p) if p.as_os_str() == "-") {
        announce_stdin();
    }
    let waiting = match source {
        Source::Path(p) => announce_a_silent_pipe(p),
        _ => None,
    };
    // The same time as the ages are counted from: no date can be later.
    let import = read(source, &classify, now());
    if let Some(done) = waiting {
        done.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    let import = import?;
    for row in import.skipped.iter().take(SKIPPED_SHOWN) {
        say!(
            "invitriage: warning: {}: {row} (row skipped)",
            import.origin
        );
    }
    if import.skipped.len() > SKIPPED_SHOWN {
        let more = import.skipped.len() - SKIPPED_SHOWN;
        // `stats --json` fails too when no row could be read: no hint then.
        let hint = if import.is_empty() {
            ""
        } else {
            " (`stats --json` lists every one, under skipped_rows)"
        };
        say!(
            "invitriage: warning: {}: {more} more unreadable row{} skipped{hint}",
            import.origin,
            text::plural(more)
        );
    }
    for notice in import.notices_counting(counted) {
        say!("invitriage: note: {notice}");
    }
    if import.is_empty() && !import.skipped.is_empty() {
        return Err(Failure(format!(
            "{}: none of the {} rows could be read (see above)",
            import.origin,
            import.skipped.len()
        )));
    }
    Ok(import)
}

/// Loads an export and reads the journal without locking it, so `export`
/// and `drafts` work while the triage screen is open.
pub fn load_with_journal(
    command: &str,
    source: Source,
    config: &Config,
    paths: &Paths,
) -> Result<(Import, Journal), Failure> {
    // Seconds at a million rows; said where a person waits for it.
    if io::stderr().is_terminal() {
        say_reading_large(&source);
    }
    let mut import = load(source, config)?;
    let journal_dir = paths.journal_dir(import.source.is_sample());
    let (mut journal, notices) = Journal::open_read_only(&journal_dir)?;
    journal.adopt_ids(&mut import.invitations);
    for n in notices {
        say!("invitriage: note: {n}");
    }
    for note in moved_note(&journal, &import.invitations) {
        say!("invitriage: note: {note}");
    }
    // What the screen says on opening an older export, the lists say too:
    // followed, they would redo what a newer one shows done.
    if !import.source.is_sample()
        && let Ok(Some(seen)) = journal.read_seen()
        && let Some(older) = invitriage::report::older_export(seen, &import.invitations, now())
    {
        say!(
            "invitriage: warning: {older}; what is listed here may be done on LinkedIn already, or no longer apply (if that one was answered since, this export may be the newest){}",
            invitriage::report::unread_newest(import.skipped.len())
        );
    }
    // What those lines held is missing from what is listed.
    match journal.unread_lines() {
        0 => {}
        n => say!(
            "invitriage: warning: {n} line{} of the journal could not be read (named above): the steps {} held are not in what follows",
            text::plural(n),
            if n == 1 { "it" } else { "they" }
        ),
    }
    if import.source.is_sample() {
        say!("invitriage: {}", sample_note(command));
    }
    let copy = sample_copy_note(&import, &journal, paths);
    if let Some(note) = &copy {
        say!("invitriage: note: {note}");
    }
    // An empty list has two causes worth telling apart from "nothing
    // decided": another data folder, and decisions for another export.
    if !journal.path().exists() && copy.is_none() {
        if import.source.is_sample() {
            say!(
                "invitriage: note: no journal in {} yet: nothing was decided on the bundled sample (decisions on your own exports are kept apart from it, in {})",
                text::shown_path(&journal_dir),
                text::shown_path(&paths.data_dir)
            );
        } else {
            // Decisions on the sample alone are no decisions on this.
            let sample = paths.journal_dir(true).join(invitriage::journal::FILE_NAME);
            let why = if std::fs::metadata(&sample).is_ok_and(|m| m.len() > 0) {
                format!(
                    "only the bundled sample's decisions are here, kept apart in {}",
                    text::shown_path(&sample)
                )
            } else {
                "nothing was decided with this data folder (--data-dir or INVITRIAGE_DATA_DIR names another)".to_string()
            };
            say!(
                "invitriage: note: no journal in {} yet: {why}",
                text::shown_path(&journal_dir)
            );
        }
    }
    Ok((import, journal))
}

/// A copy of the bundled sample opened as FILE (`classify --format csv >
/// sample.csv`, as the README suggests for trying a newer export), when
/// this data folder has no step on its people but the sample's folder has
/// steps: those are not read for a FILE. Says where they are, and how to
/// carry them to it.
pub fn sample_copy_note(import: &Import, journal: &Journal, paths: &Paths) -> Option<String> {
    if import.source.is_sample() || import.invitations.is_empty() {
        return None;
    }
    let sample_dir = paths.journal_dir(true);
    let kept = sample_dir.join(invitriage::journal::FILE_NAME);
    if std::fs::metadata(&kept).map_or(true, |m| m.len() == 0)
        || import
            .invitations
            .iter()
            .any(|i| journal.state(i.id).is_some())
    {
        return None;
    }
    let sample = import::load(&Source::Sample).ok()?;
    let ids: std::collections::HashSet<_> = sample.invitations.iter().map(|i| i.id).collect();
    let shared = import
        .invitations
        .iter()
        .filter(|i| ids.contains(&i.id))
        .count();
    (shared * 2 >= import.invitations.len()).then(|| {
        format!(
            "{} holds the bundled sample's people, and what you decided on the sample is kept apart, in {}: `--data-dir {}` carries it to this file",
            import.origin,
            text::shown_path(&sample_dir),
            super::output::shell_quoted(&sample_dir)
        )
    })
}

/// That no FILE was given to `command`, so the bundled sample is read;
/// and, when standard input carries something, that it is not read
/// without FILE `-`: `cat export.csv | invitriage stats` prints the
/// sample's breakdown.
pub fn sample_note(command: &str) -> String {
    let note = "no file given: this is the bundled sample";
    if stdin_carries() {
        format!("{note}; standard input is not read without FILE `-`: `… | invitriage {command} -`")
    } else {
        note.to_string()
    }
}

/// Whether standard input holds something to read: a file that is not
/// empty, or a pipe or a socket with bytes waiting in it (`cat export.csv
/// |`, written by the time the sample is read). Not a terminal, nor
/// `/dev/null`, nor the empty pipe a script or a test runner leaves there.
pub fn stdin_carries() -> bool {
    if io::stdin().is_terminal() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::FileTypeExt;
        let stdin = io::stdin();
        let Some(meta) = stdin
            .as_fd()
            .try_clone_to_owned()
            .ok()
            .and_then(|fd| std::fs::File::from(fd).metadata().ok())
        else {
            return false;
        };
        let kind = meta.file_type();
        if kind.is_file() {
            return meta.len() > 0;
        }
        (kind.is_fifo() || kind.is_socket())
            && rustix::io::ioctl_fionread(stdin.as_fd()).is_ok_and(|n| n > 0)
    }
    #[cfg(not(unix))]
    false
}

/// Says, before FILE `-` is read from a terminal, that the program waits
/// for typing, and how to end it; without it the program seems to hang.
/// Piped input needs no word.
pub fn announce_stdin() {
    #[cfg(windows)]
    const END: &str = "Ctrl-Z, then Enter";
    #[cfg(not(windows))]
    const END: &str = "Ctrl-D";
    if io::stdin().is_terminal() {
        say!("invitriage: reading standard input (end with {END})");
    }
}

/// Says, when FILE is a named pipe that nothing has written to and closed
/// within a second, that the program waits for that; without it the
/// program seems to hang. (A pipe that is fed, such as `<(unzip -p …)`,
/// gets no word.) The flag returned is to be set once the file is read.
fn announce_a_silent_pipe(path: &std::path::Path) -> Option<Arc<AtomicBool>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let fifo = std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo());
        if !fifo {
            return None;
        }
        let done = Arc::new(AtomicBool::new(false));
        let seen = Arc::clone(&done);
        let shown = text::shown_path(path);
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(1));
            if !seen.load(Ordering::Relaxed) {
                say!(
                    "invitriage: waiting for {shown}: it is a named pipe, read once a program has written to it and closed it (Ctrl-C stops)"
                );
            }
        });
        Some(done)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// The current local time; `INVITRIAGE_NOW` (ISO 8601) pins it for
/// reproducible output in tests and screenshots.
pub fn now() -> chrono::NaiveDateTime {
    pinned_now().unwrap_or_else(|| chrono::Local::now().naive_local())
}

/// The time `INVITRIAGE_NOW` pins, when it is set to one (a value that
/// reads as no time pins nothing, here and in the triage screen alike).
pub fn pinned_now() -> Option<chrono::NaiveDateTime> {
    std::env::var("INVITRIAGE_NOW")
        .ok()
        .and_then(|s| import::parse_sent_at(&s))
}

/// The process ends right after; handing a million rows back to the
/// allocator one by one would only add to the run time (a few percent).
pub fn exit_without_freeing<T: import::Item>(import: Import<T>) {
    std::mem::forget(import);
}

/// The keymap and the templates the config's `[keys]` and `[templates]`
/// make, or what in them cannot be used: [`Config::load`] places that at
/// its line.
pub fn usable(config: &Config) -> Result<(Keymap, Templates), Unusable> {
    let keymap = Keymap::new(&config.keys).map_err(|e| Unusable {
        table: "keys",
        keys: e.actions(),
        message: e.to_string(),
    })?;
    // `quit = "Q"` added at the end of config.example.toml lands in its
    // last table, [templates], and would be a template of one letter.
    if let Some((name, key)) = config.templates.iter().find(|(name, text)| {
        invitriage::tui::keys::BINDABLE
            .iter()
            .any(|(action, ..)| action == name)
            && !text.trim().is_empty()
            && text.trim().chars().count() <= 24
            && !text.trim().contains(char::is_whitespace)
    }) {
        return Err(Unusable {
            table: "templates",
            keys: vec![name.clone()],
            message: format!(
                "[templates]: a template named `{name}` holding `{}`, which reads as a key: key bindings go under [keys] (a line added at the end of the file is in its last table, [templates]); to keep a template, give it words",
                text::one_line(key.trim())
            ),
        });
    }
    let templates = Templates::new(&config.templates)
        .map_err(|e| Unusable {
            table: "templates",
            keys: vec![e.template().to_string()],
            message: e.to_string(),
        })?
        .with_titles(&config.classify.titles);
    Ok((keymap, templates))
}

/// A caution beside the steps flagged not done on LinkedIn yet, when the
/// file repeats rows (two exports joined?): the older one's rows are
/// dated against the newer one's newest invitation, so one done since may
/// be flagged.
pub fn joined_note(import: &Import, journal: &Journal) -> Option<String> {
    if import.duplicates.is_empty() {
        return None;
    }
    invitriage::export::not_done_note(&import.invitations, journal, now())?;
    Some(
        "this file repeats rows (two exports joined?): an invitation only the older one had is flagged `not done on LinkedIn yet` though it may be done since; the newer export alone tells".to_string(),
    )
}

/// Names the invitations whose decision or draft was carried over from
/// another profile URL (see `Journal::adopt_ids`), and those that may be
/// a gone decision's under a changed URL, which the user is to tell: one
/// line each kind.
pub fn moved_note(journal: &Journal, invs: &[invitriage::invitation::Invitation]) -> Vec<String> {
    let mut notes = Vec::new();
    if !journal.moved().is_empty() {
        let moved: std::collections::HashSet<_> = journal.moved().iter().collect();
        // A draft left unsaved is no decision: its note says what carries.
        let (decided, unsaved): (Vec<_>, Vec<_>) = invs
            .iter()
            .filter(|inv| moved.contains(&inv.id))
            .partition(|inv| journal.state(inv.id).is_some());
        let names = |invs: &[&invitriage::invitation::Invitation]| {
            text::some_names(&invs.iter().map(|inv| inv.counterpart()).collect::<Vec<_>>())
        };
        let same = journal
            .own_url_changed()
            .and_then(|id| decided.iter().find(|inv| inv.id == id));
        match (&decided[..], same) {
            ([], _) => {}
            // Every id changed, not one person's URL: naming them as the
            // one whose URL changed would send the user to check theirs.
            (decided, Some(same)) => notes.push(format!(
                "your own profile URL changed since you decided, and with it every invitation's id ({}'s URL is the one your draft to them keeps, yet their invitation has another id): {}",
                text::name_line(same.counterpart()),
                match decided {
                    [one] => format!(
                        "the decision on {} carries over, matched by the minute the invitation was sent ({}) and the name its draft keeps",
                        text::name_line(one.counterpart()),
                        one.sent_at.format("%-d %b %Y %H:%M")
                    ),
                    many => format!(
                        "{} decisions carry over ({}), each matched by the minute the invitation was sent and the name its draft keeps",
                        many.len(),
                        names(many)
                    ),
                }
            )),
            ([one], None) => notes.push(format!(
                "{}'s profile URL is not the one it had when decided: the decision carries over, matched by the minute the invitation was sent ({}) and the name its draft keeps",
                text::name_line(one.counterpart()),
                one.sent_at.format("%-d %b %Y %H:%M")
            )),
            (many, None) => notes.push(format!(
                "{} invitations have another profile URL than when decided ({}): their decisions carry over, each matched by the minute it was sent and the name its draft keeps",
                many.len(),
                names(many)
            )),
        }
        match (&unsaved[..], same.is_some()) {
            ([], _) => {}
            ([one], true) => notes.push(format!(
                "your unsaved draft to {} carries over to their invitation, which has another id as your own profile URL changed: matched by the minute it was sent ({}) and the name the draft keeps, it opens on their row",
                text::name_line(one.counterpart()),
                one.sent_at.format("%-d %b %Y %H:%M")
            )),
            (many, true) => notes.push(format!(
                "{} unsaved drafts carry over to their invitations ({}), which have other ids as your own profile URL changed: each matched by the minute the invitation was sent and the name the draft keeps, they open on their rows",
                many.len(),
                names(many)
            )),
            ([one], false) => notes.push(format!(
                "{}'s profile URL is not the one it had when your unsaved draft to them was written: the draft carries over, matched by the minute the invitation was sent ({}) and the name it keeps, and opens on their row",
                text::name_line(one.counterpart()),
                one.sent_at.format("%-d %b %Y %H:%M")
            )),
            (many, false) => notes.push(format!(
                "{} invitations have another profile URL than when your unsaved drafts to them were written ({}): the drafts carry over, each matched by the minute the invitation was sent and the name it keeps, and open on their rows",
                many.len(),
                names(many)
            )),
        }
    }
    if !journal.maybe_moved().is_empty() {
        let by_id: std::collections::HashMap<_, _> = invs.iter().map(|inv| (inv.id, inv)).collect();
        // Each invitation once, with every decision of its minute: the user
        // is to tell which (if any) was theirs.
        let mut order: Vec<invitriage::invitation::InvitationId> = Vec::new();
        let mut whats: std::collections::HashMap<_, Vec<String>> = std::collections::HashMap::new();
        for (here, gone) in journal.maybe_moved() {
            let what = match journal.state(*gone).and_then(|e| e.decided) {
                // Only marked here: LinkedIn's step is the user's.
                Some(d) if d.decision == invitriage::journal::Decision::Withdrawn => {
                    format!("marked to withdraw {}", d.at.format("%-d %b"))
                }
                Some(d) => format!("{} {}", d.decision.label(), d.at.format("%-d %b")),
                None if journal.state(*gone).is_some() => "a draft".to_string(),
                None => "an unsaved draft".to_string(),
            };
            let list = whats.entry(*here).or_insert_with(|| {
                order.push(*here);
                Vec::new()
            });
            if !list.contains(&what) {
                list.push(what);
            }
        }
        // `Chen Wei (sent 19 Nov 09:10; accepted 25 Nov or ignored 25 Nov)`:
        // the minute and the decisions tell namesakes apart.
        let items: Vec<String> = order
            .iter()
            .filter_map(|id| {
                let inv = by_id.get(id)?;
                Some(format!(
                    "{} (sent {}; {})",
                    text::name_line(inv.counterpart()),
                    inv.sent_at.format("%-d %b %H:%M"),
                    whats[id].join(" or ")
                ))
            })
            .collect();
        const NAMED: usize = 20;
        let more = match items.len().saturating_sub(NAMED) {
            0 => String::new(),
            n => format!(", and {n} more"),
        };
        let shown = items[..items.len().min(NAMED)].join(", ");
        let them = match items.len() {
            0 => return notes,
            1 => format!(
                "{shown} is undecided here, and was sent in the same minute as an invitation you decided that is not in this export"
            ),
            n => format!(
                "{n} invitations undecided here were each sent in the same minute as one you decided that is not in this export: {shown}{more}"
            ),
        };
        // Every id changed with the user's own URL: the decision is most
        // likely theirs, but without a name two people of one minute are
        // still not told apart, so it is not carried over.
        notes.push(if journal.own_url_changed().is_some() {
            format!(
                "{them}; as your own profile URL changed, that decision is most likely theirs, but a decision keeps no name to tell apart two people invited in one minute, so it is counted as done on LinkedIn: check there, and decide here again"
            )
        } else {
            format!(
                "{them}; if a profile URL changed since, that decision may be theirs, and is counted as done on LinkedIn: check there, and decide here again"
            )
        });
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every undecided invitation of a minute that lost decisions is named
    /// once, with its minute and each decision it may be, so that namesakes
    /// are told apart and none is left out as "and 3 more".
    #[test]
    fn a_note_names_each_invitation_a_changed_url_may_be() {
        use invitriage::invitation::{Direction, Fields, Invitation};
        use invitriage::journal::Decision;
        let at = |s: &str| invitriage::import::parse_sent_at(s).unwrap();
        let person = |name: &str, slug: &str, sent: &str| {
            let url = format!("https://www.linkedin.com/in/{slug}");
            Invitation::new(Fields {
                from: name,
                to: "Colleen Ruiz",
                message: "",
                inviter_url: &url,
                invitee_url: "https://www.linkedin.com/in/colleen",
                sent_at: at(sent),
                direction: Direction::Incoming,
                line: 2,
            })
        };
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let (a, b) = (
            person("Chen Wei", "cw-1", "2026-11-19T09:10:05"),
            person("Bo Li", "bo-1", "2026-11-19T09:10:50"),
        );
        j.record_decision_on(
            &[a.id],
            &[a.sent_at],
            Some(Decision::Accepted),
            at("2026-11-25T10:00:00"),
        )
        .unwrap();
        j.record_decision_on(
            &[b.id],
            &[b.sent_at],
            Some(Decision::Ignored),
            at("2026-11-25T11:00:00"),
        )
        .unwrap();
        let mut now: Vec<Invitation> = (0..23)
            .map(|i| {
                person(
                    &format!("Chen Wei {i}"),
                    &format!("cw-new-{i}"),
                    "2026-11-19T09:10:30",
                )
            })
            .collect();
        j.adopt_ids(&mut now);
        let notes = moved_note(&j, &now);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            notes[0].starts_with("23 invitations undecided here were each sent in the same minute as one you decided that is not in this export: Chen Wei 0 (sent 19 Nov 09:10; ")
                && notes[0].contains("accepted 25 Nov")
                && notes[0].contains(" or ")
                && notes[0].contains("ignored 25 Nov")
                && notes[0].contains(", and 3 more; if a profile URL changed since"),
            "{notes:?}"
        );
        assert_eq!(notes[0].matches("Chen Wei 0 (").count(), 1, "{notes:?}");
    }

    /// `[keys]` and `[templates]` entries that parse but cannot be used
    /// name their line too, as the example file promises.
    #[test]
    fn keys_and_templates_name_their_line() {
        let err = |text: &str| {
            Config::parse_with(text, std::path::Path::new("c.toml"), usable)
                .unwrap_err()
                .to_string()
        };
        let e = err("name = \"Sam\"\n\n[keys]\naccept = \"y\"\nacept = \"a\"\n");
        assert!(
            e.starts_with("config file c.toml: line 5, column 1: [keys]: unknown action `acept`;"),
            "{e}"
        );
        let e = err("[keys]\naccept = \"y\"\n  ignore = [\"n\", \"nope\"]\n");
        assert!(
            e.starts_with("config file c.toml: line 3, column 3: [keys]: `ignore = \"nope\"`"),
            "{e}"
        );
        assert_eq!(
            err("[keys]\naccept = \"y\"\nquit = \"q\"\nignore = \"y\"\n"),
            "config file c.toml: lines 2 and 4: [keys]: `y` is bound to both `accept` and `ignore`"
        );
        assert!(
            Config::parse_with(
                "keys.accept = [\"y\", \"y\"]\n",
                std::path::Path::new("c.toml"),
                usable
            )
            .is_ok(),
            "one key twice for one action is no conflict"
        );
        let e = err("[templates]\nmine = \"\"\"\nHi {firstname}\"\"\"\n");
        assert!(
            e.starts_with("config file c.toml: line 2, column 1: [templates] mine: unknown placeholder `{firstname}`"),
            "{e}"
        );
        let e = err("[templates]\nstranger = \"Hi {\"\n");
        assert!(
            e.starts_with(
                "config file c.toml: line 2, column 1: [templates] stranger: a `{` is never closed"
            ),
            "{e}"
        );
    }
}
