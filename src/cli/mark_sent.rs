//! `invitriage mark-sent`: marks drafts sent on LinkedIn by invitation id,
//! for a thank-you to someone no longer in your export, whom the triage
//! screen (where `S` marks the others) does not show.

use std::process::ExitCode;

use invitriage::config::Paths;
use invitriage::invitation::InvitationId;
use invitriage::journal::Journal;
use invitriage::text;

use super::load::now;
use crate::Failure;

/// Marks the draft each id's decision sends as sent (`not`: not sent after
/// all), in the sample's journal when `sample`. Every id is checked before
/// anything is written; exit status 1 when one names nothing to mark.
pub fn run(ids: &[String], not: bool, sample: bool, paths: &Paths) -> Result<ExitCode, Failure> {
    let dir = paths.journal_dir(sample);
    let parsed: Vec<InvitationId> = ids
        .iter()
        .map(|s| {
            s.trim().parse().map_err(|_| {
                Failure(format!(
                    "`{s}` is not an invitation id: 16 hex digits, as the `id` column of `export` or `drafts --format csv` gives it"
                ))
            })
        })
        .collect::<Result<_, _>>()?;
    // `--data-dir` naming a file is said as such, not as "no journal".
    invitriage::journal::check_dir(&dir)?;
    if !dir.join(invitriage::journal::FILE_NAME).exists() {
        // A killed write-back's copy is not the journal, but is named.
        let left = Journal::left_half_written_in(&dir);
        if let Some(left) = left.first() {
            return Err(Failure(format!(
                "no journal in {}, but {} is one a run was writing back when it was killed, perhaps not whole: with invitriage closed, look at it and, if it is whole, rename it to {}",
                text::shown_path(&dir),
                text::shown_path(left),
                invitriage::journal::FILE_NAME
            )));
        }
        return Err(Failure(format!(
            "no journal in {}: nothing was decided there yet{}",
            text::shown_path(&dir),
            if sample {
                ""
            } else {
                " (decisions on the bundled sample are kept apart: add --sample)"
            }
        )));
    }
    // With what to do, as the screen says it (a read-only journal).
    let (mut journal, notices) = Journal::open(&dir).map_err(|e| {
        let remedy = e.remedy().map(|r| format!(" · {r}")).unwrap_or_default();
        Failure(format!("{e}{remedy}"))
    })?;
    for notice in notices {
        say!("invitriage: note: {notice}");
    }
    let mut failed = false;
    for id in parsed {
        let Some(entry) = journal.state(id) else {
            // Decided on the sample, and given without `--sample` (or the
            // other way round): said, with the flag that finds it.
            let other = paths.journal_dir(!sample);
            let there = other.join(invitriage::journal::FILE_NAME).exists()
                && Journal::open_read_only(&other).is_ok_and(|(j, _)| j.state(id).is_some());
            let hint = match (there, sample) {
                (false, _) => "",
                (true, false) => ": it is in the bundled sample's journal (add --sample)",
                (true, true) => {
                    ": it is in your own journal, not the sample's (leave out --sample)"
                }
            };
            say!(
                "invitriage: {id}: nothing decided or drafted under this id in {}{hint}",
                text::shown_path(journal.path())
            );
            failed = true;
            continue;
        };
        let Some((kind, draft)) = entry.draft_to_send(entry.decision()) else {
            say!(
                "invitriage: {id}: no saved draft its decision sends (an accept's thank-you, or a reply)"
            );
            failed = true;
            continue;
        };
        let whom = match text::one_line(&draft.name) {
            n if n.trim().is_empty() => format!("({id})"),
            n => format!("{n} ({id})"),
        };
        let label = kind.label();
        match (draft.marked_sent, not) {
            (Some(at), false) => {
                say!(
                    "invitriage: the {label} to {whom} was marked sent {} already",
                    at.format("%Y-%m-%d %H:%M")
                );
                continue;
            }
            (None, true) => {
                say!("invitriage: the {label} to {whom} is not marked sent");
                continue;
            }
            _ => {}
        }
        journal.record_mark_sent(id, kind, !not, now())?;
        if not {
            say!("invitriage: the {label} to {whom} is marked not sent");
        } else {
            say!("invitriage: marked the {label} to {whom} sent: the action lists leave it out");
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
