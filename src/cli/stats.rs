//! `invitriage stats`: the breakdown of an export.

use std::io::{self, Write};
use std::process::ExitCode;

use invitriage::config::{Config, Paths};
use invitriage::import::{self, Import, Source};
use invitriage::journal::Journal;
use invitriage::report;
use invitriage::stats::{self, DirectionFilter};

use super::load::{
    exit_without_freeing, load_counting, load_with, now, sample_note, stdin_carries,
};
use super::output::{output, output_width, stdout};
use crate::Failure;

/// Prints the breakdown of the invitations `direction` picks; with sent
/// ones, also those still pending after `[sent] stale_after_days`.
pub fn run(
    source: &Source,
    json: bool,
    direction: DirectionFilter,
    config: &Config,
    paths: &Paths,
) -> Result<ExitCode, Failure> {
    let now = now();
    let stale_days = config.sent.stale_after_days;
    let print = |out: &mut io::BufWriter<Box<dyn Write>>| -> Result<(), Failure> {
        if direction == DirectionFilter::Incoming {
            // Only counts are needed: read the facts, not whole
            // invitations (a fraction of the time and memory).
            let import = load_with(source, config, direction, |source, classify, now| {
                import::load_facts(source, classify, direction, now)
            })?;
            let b = import.invitations.breakdown();
            // The text says it in its first line; JSON only in a field, so
            // said on stderr, as every other command's JSON is (and by
            // both, when standard input carries what was meant instead).
            if (json || stdin_carries()) && source.is_sample() {
                say!("invitriage: {}", sample_note("stats"));
            }
            // As `load` says for whole invitations; the facts keep no line.
            if let Some(newest) = b.newest.filter(|&n| stats::Age::between(n, now).days < 0) {
                say!(
                    "invitriage: note: {}: the newest invitation is dated after today ({}); no invitation is sent after the export is made: is the date misread, or this computer's clock wrong? (`invitriage classify` names the line)",
                    import.origin,
                    newest.format("%-d %b %Y")
                );
            }
            print_stats(
                out, json, &import, &b, direction, None, true, now, stale_days,
            )?;
            exit_without_freeing(import);
        } else {
            let mut import = load_counting(source.clone(), config, direction)?;
            if (json || stdin_carries()) && source.is_sample() {
                say!("invitriage: {}", sample_note("stats"));
            }
            let b = stats::breakdown(&import.invitations, direction);
            // A journal that cannot be read leaves them unmarked: `stats`
            // is about the export, and goes on, but says so, as a mark
            // missing would read as none made.
            let mut journal = match Journal::open_read_only(&paths.journal_dir(source.is_sample()))
            {
                Ok((j, notices)) => {
                    for n in notices {
                        say!("invitriage: note: {n}");
                    }
                    if j.unread_lines() > 0 {
                        say!(
                            "invitriage: warning: {} of the journal could not be read (named above): the marks to withdraw {} held are not shown",
                            match j.unread_lines() {
                                1 => "1 line".to_string(),
                                n => format!("{n} lines"),
                            },
                            if j.unread_lines() == 1 { "it" } else { "they" }
                        );
                    }
                    Some(j)
                }
                Err(e) => {
                    say!(
                        "invitriage: warning: invitations marked to withdraw are not shown as marked: {e}"
                    );
                    None
                }
            };
            if let Some(journal) = &mut journal {
                journal.adopt_ids(&mut import.invitations);
            }
            // Those marked to withdraw are listed however young: the
            // triage screen counts them too.
            let marked = |inv: &invitriage::invitation::Invitation| {
                journal.as_ref().is_some_and(|j| {
                    j.decided(inv, now)
                        .is_some_and(|d| d.decision == invitriage::journal::Decision::Withdrawn)
                })
            };
            let mut stale = stats::stale_sent(&import.invitations, now, stale_days, marked);
            // Sent again since, with a withdraw mark in a newer export:
            // superseded, nothing to follow up here (the screen agrees).
            if let Some(journal) = &journal {
                stale.retain(|s| journal.later(s.inv).is_none());
            }
            // Every mark read: none missing from a line skipped.
            let marks_known = journal.as_ref().is_some_and(|j| j.unread_lines() == 0);
            print_stats(
                out,
                json,
                &import,
                &b,
                direction,
                Some(&stale),
                marks_known,
                now,
                stale_days,
            )?;
            exit_without_freeing(import);
        }
        Ok(())
    };
    let mut out = stdout();
    print(&mut out)?;
    output(out.flush())?;
    Ok(ExitCode::SUCCESS)
}
/// `stats` as text or JSON; `stale` lists the sent invitations still
/// pending, when sent ones are counted.
#[allow(clippy::too_many_arguments)]
fn print_stats<T: import::Item>(
    out: &mut impl Write,
    json: bool,
    import: &Import<T>,
    b: &stats::Breakdown,
    direction: DirectionFilter,
    stale: Option<&[stats::Stale<'_>]>,
    marks_known: bool,
    now: chrono::NaiveDateTime,
    stale_days: u32,
) -> Result<(), Failure> {
    let written = if json {
        report::stats_json(out, import, b, direction, stale, marks_known, now)
    } else {
        report::stats_text(
            out,
            import,
            b,
            direction,
            stale,
            marks_known,
            now,
            stale_days,
            output_width(100),
        )
    };
    output(written)
}
