//! `invitriage export` and `invitriage drafts`: what to carry out on
//! LinkedIn, from the journal and the export together.

use std::collections::HashSet;
use std::process::ExitCode;

use invitriage::config::{Config, Paths};
use invitriage::export::{self, DraftsFormat, ExportFormat};
use invitriage::import::Source;
use invitriage::text;

use super::load::{load_with_journal, now};
use super::output::{output, stdout};
use crate::Failure;

/// Prints the action list: every decided invitation, with its drafts.
pub fn export(
    source: Source,
    format: ExportFormat,
    config: &Config,
    paths: &Paths,
) -> Result<ExitCode, Failure> {
    let (import, journal) = load_with_journal(source, config, paths, true)?;
    let out = stdout();
    let n = output(export::write_actions(
        out,
        format,
        &import.invitations,
        &journal,
        now(),
    ))?;
    // The first line on stderr has already said when it is the sample.
    let from = if import.source.is_sample() {
        "the bundled sample"
    } else {
        &import.origin
    };
    say!(
        "invitriage: {n} invitation{} listed, decided or with a draft, from {from} (journal: {})",
        text::plural(n),
        journal.path().display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Prints every saved reply and thank-you, and says where the unsaved
/// ones are.
pub fn drafts(
    source: Source,
    format: DraftsFormat,
    config: &Config,
    paths: &Paths,
) -> Result<ExitCode, Failure> {
    // Drafts of invitations gone from the export are listed.
    let (import, journal) = load_with_journal(source, config, paths, false)?;
    let out = stdout();
    output(export::write_drafts(
        out,
        format,
        &import.invitations,
        &journal,
        now(),
    ))?;
    // A draft cut short by a closed terminal is not in the list;
    // say where it is rather than let it look lost.
    // One for an invitation not in this export opens only with the
    // export that holds it.
    let ids: HashSet<_> = import.invitations.iter().map(|i| i.id).collect();
    let (here, gone): (Vec<_>, Vec<_>) =
        journal.unsaved_drafts().partition(|u| ids.contains(&u.id));
    let (here, elsewhere) = (here.len(), gone.len());
    let is = |n: usize| if n == 1 { " is" } else { "s are" };
    let it = |n: usize| if n == 1 { "it" } else { "them" };
    if here > 0 {
        say!(
            "invitriage: note: {here} unsaved draft{} not listed: the triage screen opens {} again to finish (kept in {})",
            is(here),
            it(here),
            journal.unsaved_dir().display()
        );
    }
    if elsewhere > 0 {
        say!(
            "invitriage: note: {elsewhere} unsaved draft{} (to {}) {} not listed, for {} not in this export: the triage screen opens {} with the export that holds {} (kept in {})",
            text::plural(elsewhere),
            text::some_names(&gone.iter().map(|u| u.name.as_str()).collect::<Vec<_>>()),
            if elsewhere == 1 { "is" } else { "are" },
            if elsewhere == 1 {
                "an invitation"
            } else {
                "invitations"
            },
            it(elsewhere),
            it(elsewhere),
            journal.unsaved_dir().display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
