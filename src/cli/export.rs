//! `invitriage export` and `invitriage drafts`: what to carry out on
//! LinkedIn, from the journal and the export together.

use std::collections::{HashMap, HashSet};
use std::process::ExitCode;

use invitriage::config::{Config, Paths};
use invitriage::export::{self, DraftsFormat, ExportFormat};
use invitriage::import::{Import, Source};
use invitriage::journal::{Absence, DraftKind, Journal};
use invitriage::text;
use invitriage::tui::keys::{Action, Keymap};

use super::load::{joined_note, load_with_journal, now, usable};
use super::output::{command_for, output, stdout};
use crate::Failure;

/// Prints the action list: every decided invitation, with its drafts.
pub fn export(
    source: Source,
    format: ExportFormat,
    since: Option<chrono::NaiveDateTime>,
    config: &Config,
    paths: &Paths,
) -> Result<ExitCode, Failure> {
    let drafts_command = command_for("drafts", "", &source, paths);
    let now = now();
    if let Some(from) = since.filter(|&from| from > now) {
        say!(
            "invitriage: note: --since {} is after now ({}): nothing decided or drafted yet can be listed",
            export::since_shown(from),
            now.format("%Y-%m-%d %H:%M")
        );
    }
    let (import, mut journal) = load_with_journal("export", source, config, paths)?;
    // Steps on rows that could not be read are named, not listed as gone.
    journal.set_unread(unread_ids(&import));
    // The flags it cautions about are the action list's.
    if let Some(note) = joined_note(&import, &journal) {
        say!("invitriage: note: {note}");
    }
    if journal.path().exists() {
        note_left_out(&import, &journal, since, &drafts_command);
    }
    note_unsaved(&import, &journal, config);
    let out = stdout();
    let listed = output(export::write_actions_with(
        out,
        format,
        &import.invitations,
        &journal,
        now,
        since,
        absence(&import),
    ))?;
    // The first line on stderr has already said when it is the sample.
    let from = if import.source.is_sample() {
        "the bundled sample"
    } else {
        &import.origin
    };
    let n = listed.invitations;
    // Without the URL columns an accept made where they were is not
    // matched: whether it is still pending, this export cannot tell.
    let accepted = if absence(&import) == Absence::Unmatched {
        "accepts not matched in this export, which has no profile URLs"
    } else {
        "invitations accepted since"
    };
    let thanks = match listed.thanks {
        0 => String::new(),
        t => format!(
            ", and {t} thank-you{} to send for {accepted}",
            text::plural(t)
        ),
    };
    // `7 invitations listed, decided or with a draft from 2026-11-20 on,
    // or earlier and not done on LinkedIn yet (6 of them; 2 earlier items
    // left out)`.
    let since = match since.map(export::since_shown) {
        None => String::new(),
        Some(from) => {
            let kept = match listed.kept_not_done {
                0 => String::new(),
                k => format!(", or earlier and not done on LinkedIn yet ({k} of them"),
            };
            let left = match listed.earlier {
                0 => String::new(),
                n => format!("{n} earlier item{} left out", text::plural(n)),
            };
            match (kept.is_empty(), left.is_empty()) {
                (true, true) => format!(" from {from} on"),
                (true, false) => format!(" from {from} on ({left})"),
                (false, true) => format!(" from {from} on{kept})"),
                (false, false) => format!(" from {from} on{kept}; {left})"),
            }
        }
    };
    // Those of invitations not in this export are in the note on them.
    // With those, "more", and the list's count: one number each place
    // read as two that disagree.
    let (more, all) = match listed.marked_sent_gone {
        0 => ("", String::new()),
        _ => (" more", format!(" ({} in all)", listed.marked_sent)),
    };
    let sent = match listed.marked_sent - listed.marked_sent_gone {
        0 => String::new(),
        1 => format!("; 1{more} reply or thank-you marked sent is not listed{all}"),
        m => format!("; {m}{more} replies and thank-yous marked sent are not listed{all}"),
    };
    // An undone decision is neither: `1 invitation listed, decided or
    // with a draft` of an undone ignore read as something decided.
    let why = match listed.undone {
        0 => "decided or with a draft".to_string(),
        u if u == n => "undone since an earlier list".to_string(),
        u => format!("decided, with a draft or undone since an earlier list ({u} undone)"),
    };
    say!(
        "invitriage: {n} invitation{} listed, {why}{since}, from {from}{thanks}{sent} (journal: {})",
        text::plural(n),
        text::shown_path(journal.path())
    );
    Ok(ExitCode::SUCCESS)
}

/// The ids of the rows the import could not read, where their profile
/// URLs give one, but for those of an invitation it did read.
pub(super) fn unread_ids(import: &Import) -> Vec<invitriage::invitation::InvitationId> {
    let here: HashSet<_> = import.invitations.iter().map(|i| i.id).collect();
    import
        .skipped
        .iter()
        .filter_map(|e| e.id)
        .filter(|id| !here.contains(id))
        .collect()
}

/// The rows the import could not read whose profile URLs give the id of
/// an invitation with a decision (or, with `drafts`, a draft) in the
/// journal, not in the export read otherwise: (line, what is on it).
pub(super) fn on_unread_lines(
    import: &Import,
    journal: &Journal,
    here: &HashSet<invitriage::invitation::InvitationId>,
) -> Vec<(u64, &'static str)> {
    import
        .skipped
        .iter()
        .filter_map(|e| {
            let id = e.id?;
            let entry = journal.state(id)?;
            let what = match entry.decision() {
                Some(d) => d.label(),
                None if entry.reply.is_some() || entry.thank_you.is_some() => "a draft",
                None => return None,
            };
            (!here.contains(&id)).then_some((e.line, what))
        })
        .collect()
}

/// `line 6 (accepted), line 9 (replied)`: the first five of `lines`.
pub(super) fn some_lines(lines: &[(u64, &str)]) -> String {
    let named: Vec<String> = lines
        .iter()
        .take(5)
        .map(|(line, what)| format!("line {line} ({what})"))
        .collect();
    match lines.len() {
        n if n > 5 => format!("{} and {} more", named.join(", "), n - 5),
        _ => named.join(", "),
    }
}

/// Says on stderr what the action list leaves out: decisions on
/// invitations not in this export (but for the accepts with a thank-you
/// to send, which it lists from `since` on), and those decided again
/// because a newer invitation came.
fn note_left_out(
    import: &Import,
    journal: &Journal,
    since: Option<chrono::NaiveDateTime>,
    drafts_command: &str,
) {
    let mut here: HashSet<_> = import.invitations.iter().map(|i| i.id).collect();
    // Decisions on rows that could not be read (a damaged date) are not
    // gone from LinkedIn: named apart, and counted nowhere else.
    let unread = on_unread_lines(import, journal, &here);
    if !unread.is_empty() {
        say!(
            "invitriage: note: {} decision{} not listed, as {} could not be read (see above): {}; mend {} or use the export as LinkedIn sent it, and run this again",
            unread.len(),
            if unread.len() == 1 { " is" } else { "s are" },
            if unread.len() == 1 {
                "its line"
            } else {
                "their lines"
            },
            some_lines(&unread),
            if unread.len() == 1 { "it" } else { "them" },
        );
        here.extend(import.skipped.iter().filter_map(|e| e.id));
    }
    // A thank-you is sent after the accept, when the invitation has left
    // the export: every format lists those but the ones `--since` leaves
    // out (and the line after the list counts them). A reply is still to
    // send only when the absence says nothing, and is not listed: only
    // `drafts` names it.
    let thanks = export::thanks_listed(&import.invitations, journal, since);
    // Their thank-yous marked sent: not listed either, and said here, as
    // the count of decisions not listed holds their accepts.
    let sent = match export::thanks_marked_sent(&import.invitations, journal, since) {
        0 => String::new(),
        n => format!(
            "; {n} of them with a thank-you marked sent{}",
            if since.is_some() { " from then on" } else { "" }
        ),
    };
    let gone = journal.decided_elsewhere(|id| here.contains(id));
    let elsewhere = gone.saturating_sub(thanks);
    let (_, drafts) = journal.drafts_elsewhere(|id| here.contains(id), absence(import));
    // "Their drafts": `drafts` lists those not to send too (a reply
    // marked replied), so a bare count would read as another number. With
    // thank-yous listed here, the count is of the others' drafts, which
    // `drafts` lists beside them.
    let whose = if thanks > 0 { "the others'" } else { "their" };
    let lists = format!("{drafts_command} lists {whose} drafts, {drafts} still to send");
    // Without the URL columns, invitations are matched by name and date: a
    // decision made where the URLs were, or before a name changed, finds
    // nothing, and that is the likelier cause.
    let why = if import.without_profile_urls {
        "this export has no profile URLs, so decisions made on one that has them, or before a name changed, are not matched; or answered or withdrawn on LinkedIn since"
    } else {
        "answered or withdrawn on LinkedIn since, in another export, or under a profile URL that has changed"
    };
    if elsewhere > 0 {
        let drafts = if drafts > 0 {
            format!("; {lists}")
        } else {
            String::new()
        };
        // The statistics screen counts every one of them as gone: with
        // some listed, the note gives that count too.
        if thanks > 0 {
            say!(
                "invitriage: note: {gone} decisions are for invitations not in this export ({why}): not listed, but for the {thanks} accept{} with a thank-you to send{sent}{drafts}",
                text::plural(thanks)
            );
        } else {
            say!(
                "invitriage: note: {elsewhere} decision{} not listed: for invitations not in this export ({why}){sent}{drafts}",
                if elsewhere == 1 { " is" } else { "s are" }
            );
        }
    } else if drafts > 0 {
        // Drafts saved without a decision (a reply, then back to
        // undecided) for invitations not in this export.
        say!("invitriage: note: drafts for invitations not in this export ({why}): {lists}");
    }
    // Undone, and gone since: likely done on LinkedIn before the undo.
    let undone = journal.undone_elsewhere(|id| here.contains(id));
    if undone > 0 {
        let (steps, whose, it) = match undone {
            1 => ("1 step you undid".to_string(), "is for an invitation", "it"),
            n => (
                format!("{n} steps you undid"),
                "are for invitations",
                "them",
            ),
        };
        say!(
            "invitriage: note: {steps} (an accept, withdrawal or reply, undone an hour or more after) {whose} not in this export, so not listed: if an earlier list had {it} done on LinkedIn, check there (a connection to remove, an invitation to send again)"
        );
    }
    let now = now();
    let again: Vec<&str> = import
        .invitations
        .iter()
        .filter(|inv| journal.earlier(inv, now).is_some())
        .map(|inv| inv.counterpart())
        .collect();
    if !again.is_empty() {
        say!(
            "invitriage: note: {} invitation{} newer than an earlier one between the same people that you decided on ({}): undecided again",
            again.len(),
            if again.len() == 1 { " is" } else { "s are" },
            text::some_names(&again)
        );
    }
}

/// Prints every saved reply and thank-you, and says where the unsaved
/// ones are.
pub fn drafts(
    source: Source,
    format: DraftsFormat,
    since: Option<chrono::NaiveDateTime>,
    config: &Config,
    paths: &Paths,
) -> Result<ExitCode, Failure> {
    // Drafts of invitations gone from the export are listed; those of rows
    // that could not be read are named instead.
    let (import, mut journal) = load_with_journal("drafts", source, config, paths)?;
    journal.set_unread(unread_ids(&import));
    // Those of rows that could not be read, as gone too: said.
    let here: HashSet<_> = import.invitations.iter().map(|i| i.id).collect();
    let unread: Vec<_> = on_unread_lines(&import, &journal, &here)
        .into_iter()
        .filter(|&(line, _)| {
            import.skipped.iter().any(|e| {
                e.line == line
                    && e.id
                        .and_then(|id| journal.state(id))
                        .is_some_and(|s| s.reply.is_some() || s.thank_you.is_some())
            })
        })
        .collect();
    if !unread.is_empty() {
        say!(
            "invitriage: note: {} that could not be read (see above) {} a draft, not listed: {}; mend {} or use the export as LinkedIn sent it, and run this again",
            if unread.len() == 1 { "a line" } else { "lines" },
            if unread.len() == 1 { "holds" } else { "hold" },
            some_lines(&unread),
            if unread.len() == 1 { "it" } else { "them" },
        );
    }
    let out = stdout();
    let (_, earlier) = output(export::write_drafts_since(
        out,
        format,
        &import.invitations,
        &journal,
        now(),
        absence(&import),
        since,
    ))?;
    if let Some(from) = since {
        say!(
            "invitriage: drafts saved from {} on{}",
            export::since_shown(from),
            match earlier {
                0 => String::new(),
                n => format!(" ({n} earlier draft{} left out)", text::plural(n)),
            }
        );
    }
    note_unsaved(&import, &journal, config);
    Ok(ExitCode::SUCCESS)
}

/// Says on stderr where the unsaved drafts are: a draft cut short by a
/// closed terminal is in no list, and must not look lost. One for an
/// invitation not in this export opens only with the export that holds it;
/// one its invitation's decision since bars (a reply, then an accept) is
/// not opened by the triage screen's start, and the keys that open it are
/// named, as the screen names them (the config's `[keys]`).
fn note_unsaved(import: &Import, journal: &Journal, config: &Config) {
    if journal.unsaved_drafts().next().is_none() {
        return;
    }
    let now = now();
    let mut invitations = HashMap::new();
    for inv in &import.invitations {
        invitations.entry(inv.id).or_insert(inv);
    }
    let (here, gone): (Vec<_>, Vec<_>) = journal
        .unsaved_drafts()
        .partition(|u| invitations.contains_key(&u.id));
    // Gone, and barred by the decision since (a reply, then an accept):
    // the export it was written on does not open it either.
    let (gone, gone_barred): (Vec<_>, Vec<_>) = gone
        .into_iter()
        .partition(|u| u.kind.fits(journal.state(u.id).and_then(|e| e.decision())));
    let keymap = usable(config).map(|(k, _)| k).unwrap_or_default();
    let mut barred = Vec::new();
    for u in &here {
        let inv = invitations[&u.id];
        let decision = journal.decided(inv, now).map(|d| d.decision);
        if !u.kind.fits(decision) {
            barred.push(waiting(
                u.kind,
                &text::name_line(inv.counterpart()),
                &keymap,
            ));
        }
    }
    // Replies first, then thank-yous, each by name: the order the triage
    // screen's quit message gives them.
    barred.sort();
    let (here, elsewhere) = (here.len() - barred.len(), gone.len());
    let is = |n: usize| if n == 1 { " is" } else { "s are" };
    let it = |n: usize| if n == 1 { "it" } else { "them" };
    if here > 0 {
        say!(
            "invitriage: note: {here} unsaved draft{} not listed: the triage screen offers {} again to finish, on the export {} written on (kept in {})",
            is(here),
            it(here),
            if here == 1 { "it was" } else { "each was" },
            text::shown_path(&journal.unsaved_dir())
        );
    }
    if !barred.is_empty() {
        let n = barred.len();
        say!(
            "invitriage: note: {n} unsaved draft{} not listed, and the triage screen will not open {} by itself, as {} decided since: {}; kept in {}",
            is(n),
            it(n),
            if n == 1 {
                "its invitation was"
            } else {
                "their invitations were"
            },
            text::and_list(&barred),
            text::shown_path(&journal.unsaved_dir())
        );
    }
    if !gone_barred.is_empty() {
        let n = gone_barred.len();
        say!(
            "invitriage: note: {n} unsaved draft{} (to {}) {} not listed, for {} not in this export, and no export opens {}: the decision on {} does not fit the draft (a reply after an accept, a thank-you without one); kept in {}",
            text::plural(n),
            text::some_names(
                &gone_barred
                    .iter()
                    .map(|u| u.name.as_str())
                    .collect::<Vec<_>>()
            ),
            if n == 1 { "is" } else { "are" },
            if n == 1 {
                "an invitation"
            } else {
                "invitations"
            },
            it(n),
            if n == 1 { "it" } else { "each" },
            text::shown_path(&journal.unsaved_dir())
        );
    }
    if elsewhere > 0 {
        say!(
            "invitriage: note: {elsewhere} unsaved draft{} (to {}) {} not listed, for {} not in this export: the triage screen opens {} with the export {} written on (an export made after an accept on LinkedIn no longer holds the invitation; the text is kept in {})",
            text::plural(elsewhere),
            text::some_names(&gone.iter().map(|u| u.name.as_str()).collect::<Vec<_>>()),
            if elsewhere == 1 { "is" } else { "are" },
            if elsewhere == 1 {
                "an invitation"
            } else {
                "invitations"
            },
            it(elsewhere),
            if elsewhere == 1 {
                "it was"
            } else {
                "they were"
            },
            text::shown_path(&journal.unsaved_dir())
        );
    }
}

/// An unsaved draft the decision since bars, to `name`: why, and the
/// keys of the triage screen that open it.
fn waiting(kind: DraftKind, name: &str, keymap: &Keymap) -> String {
    match kind {
        DraftKind::Reply => format!(
            "your reply to {name} (accepted now, and a reply is instead of accepting: {} on their row asks to reply instead)",
            keymap.hint(&Action::Reply)
        ),
        DraftKind::ThankYou => format!(
            "your thank-you to {name} (not accepted now, and a thank-you follows an accept: {} on their row accepts, then {} opens it)",
            keymap.hint(&Action::Accept),
            keymap.hint(&Action::ThankYou)
        ),
    }
}

/// What an invitation missing from `import` tells: answered on LinkedIn,
/// when `import` is the user's own export with profile URLs; not even
/// that it is missing, when it has no URL columns to match by.
fn absence(import: &Import) -> Absence {
    if import.source.is_sample() {
        Absence::Unknown
    } else if import.without_profile_urls {
        Absence::Unmatched
    } else {
        Absence::Answered
    }
}
