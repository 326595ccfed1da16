//! `invitriage classify`: every invitation with its group and signals.

use std::io::IsTerminal;
use std::process::ExitCode;

use invitriage::config::{Config, Paths};
use invitriage::import::Source;
use invitriage::journal::Journal;
use invitriage::report::{self, ClassifyFormat};
use invitriage::stats::DirectionFilter;

use super::load::{load, stdin_carries};
use super::output::{output, output_width, stdout};
use crate::Failure;

/// Prints the invitations `direction` picks in `format`.
pub fn run(
    source: Source,
    format: ClassifyFormat,
    direction: DirectionFilter,
    config: &Config,
    paths: &Paths,
) -> Result<ExitCode, Failure> {
    // Seconds at a million rows; said where a person waits for it.
    if std::io::stderr().is_terminal() {
        super::load::say_reading_large(&source);
    }
    let mut import = load(source, config)?;
    // The JSON's `id` is the one `export` and the journal use: a
    // decision made on an older export without URLs keeps its id.
    // A journal that cannot be read changes nothing here.
    if format == ClassifyFormat::Json
        && let Ok((mut journal, _)) =
            Journal::open_read_only(&paths.journal_dir(import.source.is_sample()))
    {
        journal.adopt_ids(&mut import.invitations);
    }
    if import.source.is_sample() && (format != ClassifyFormat::Table || stdin_carries()) {
        say!("invitriage: {}", super::load::sample_note("classify"));
    }
    let invs = import
        .invitations
        .iter()
        .filter(|i| direction.matches(i.direction));
    let out = stdout();
    match format {
        ClassifyFormat::Csv => output(report::classify_csv(out, invs))?,
        ClassifyFormat::Json => output(report::classify_json(out, invs))?,
        ClassifyFormat::Table => {
            let width = output_width(120);
            output(report::classify_table(out, &import, invs, width))?
        }
    }
    Ok(ExitCode::SUCCESS)
}
