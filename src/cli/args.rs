//! The command line as clap reads it, and the corrections made before
//! and after: a FILE before the command, a mistyped command or option.

use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory, Parser, Subcommand};

use invitriage::export::{DraftsFormat, ExportFormat};
use invitriage::report::ClassifyFormat;
use invitriage::stats::DirectionFilter;
use invitriage::text;

use super::output::shell_quoted;

/// Triage your pending LinkedIn invitations.
///
/// Reads Invitations.csv from LinkedIn's data export (or the export .zip
/// itself, or the folder it unzips to), sorts every invitation into three
/// groups — customised, greeting-only, default — and lets you accept, ignore
/// or reply to them with single keys, and withdraw the stale ones you sent.
/// With no FILE the bundled fictional sample is used; `-` reads the file
/// from standard input.
///
/// Get your export: LinkedIn → Me → Settings & Privacy → Data privacy → Get a
/// copy of your data → "Invitations" (or the larger archive).
#[derive(Debug, Parser)]
// An option given twice takes its last value (`--format json --format
// text`), as `--json` and `--format` do between them.
#[command(
    name = "invitriage",
    version,
    about,
    long_about,
    max_term_width = 100,
    args_override_self = true,
    // clap's own usage after an error lists the options given, which then
    // read as required (`invitriage --config <PATH> --data-dir <DIR> [FILE]`).
    override_usage = "invitriage [OPTIONS] [FILE] [COMMAND]",
    after_long_help = "Exit status: 0 on success; 1 when `check` finds a note lacking or `mark-sent` an id with nothing to mark; 2 on an error (a missing or unreadable file, a bad config, a usage error). The triage screen ended by a signal exits with 128 + the signal."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,

    /// Invitations.csv, the export .zip or the folder it unzips to (or
    /// your downloads folder, which holds it); `-` for standard input.
    /// Opens the triage screen. Before a command that reads a file
    /// (`invitriage my.csv stats`) it is that command's FILE.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Read the configuration from PATH instead of the default location.
    #[arg(long, value_name = "PATH", global = true, value_hint = clap::ValueHint::FilePath, help_heading = "Global options")]
    pub config: Option<PathBuf>,

    /// Keep the decision journal in DIR (default: the platform's data dir;
    /// also $INVITRIAGE_DATA_DIR).
    #[arg(long, value_name = "DIR", global = true, value_hint = clap::ValueHint::DirPath, help_heading = "Global options")]
    pub data_dir: Option<PathBuf>,
}

/// The lists `invitriage lists` prints, as `[classify]` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum ListName {
    StockTexts,
    GenericPhrases,
    GenericWords,
    Salutations,
    Titles,
    NonNames,
    ClosingPhrases,
    ContextHints,
    ReasonHints,
    OfferHints,
    PitchHints,
}

/// `--format` of `stats` and `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TextOrJson {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the breakdown of your invitations: the three groups, notes, ages, months.
    Stats {
        /// Invitations.csv, the export .zip or the folder it unzips to; `-`
        /// for standard input (default: the bundled sample).
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Print one JSON object instead of text.
        #[arg(long, overrides_with = "format")]
        json: bool,
        /// `--format json` is `--json`, as `classify`, `export` and `drafts`
        /// spell it; the last of the two given wins.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text, overrides_with = "json")]
        format: TextOrJson,
        /// Which invitations to count.
        #[arg(long, value_enum, default_value_t = DirectionFilter::Incoming)]
        direction: DirectionFilter,
    },
    /// Print every invitation with its group and quality signals.
    Classify {
        /// Invitations.csv, the export .zip or the folder it unzips to; `-`
        /// for standard input (default: the bundled sample).
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Output format; csv keeps the export's seven columns (in LinkedIn's order) and adds `category` and `signals`, with the export's text as it is (a cell starting with `=` is not defused, as `export` and `drafts` defuse it: open it in a spreadsheet only as you would the export).
        #[arg(long, value_enum, default_value_t = ClassifyFormat::Table, overrides_with = "json")]
        format: ClassifyFormat,
        /// `--json` is `--format json`, as `stats` and `check` spell it; the
        /// last of the two given wins.
        #[arg(long, overrides_with = "format")]
        json: bool,
        /// Which invitations to print.
        #[arg(long, value_enum, default_value_t = DirectionFilter::All)]
        direction: DirectionFilter,
    },
    /// Write the action list: every decided invitation with name, profile URL,
    /// decision, when, and drafts; carry it out on LinkedIn.
    Export {
        /// Invitations.csv, the export .zip or the folder it unzips to; `-`
        /// for standard input (default: the bundled sample).
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv, overrides_with = "json")]
        format: ExportFormat,
        /// `--json` is `--format json`, as `stats` and `check` spell it; the
        /// last of the two given wins.
        #[arg(long, overrides_with = "format")]
        json: bool,
        /// Only what was decided or drafted on DATE (YYYY-MM-DD) or later,
        /// or from a time of day on (2026-12-01T15:30, or to the second,
        /// 2026-12-01T15:30:40, as the triage screen names it on quitting):
        /// a checklist a week on, or after a second sitting the same day,
        /// leaves out what the last one listed.
        #[arg(long, value_name = "DATE", value_parser = parse_since, value_hint = clap::ValueHint::Other)]
        since: Option<chrono::NaiveDateTime>,
    },
    /// Print every reply and thank-you draft with name, profile URL and status.
    Drafts {
        /// Invitations.csv, the export .zip or the folder it unzips to; `-`
        /// for standard input (default: the bundled sample).
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Output format: a Markdown to-do list, CSV or JSON.
        #[arg(long, value_enum, default_value_t = DraftsFormat::Md, overrides_with = "json")]
        format: DraftsFormat,
        /// `--json` is `--format json`, as `stats` and `check` spell it; the
        /// last of the two given wins.
        #[arg(long, overrides_with = "format")]
        json: bool,
        /// Only the drafts saved on DATE (YYYY-MM-DD) or later, or from a
        /// time of day on (2026-12-01T15:30), as `export --since`.
        #[arg(long, value_name = "DATE", value_parser = parse_since, value_hint = clap::ValueHint::Other)]
        since: Option<chrono::NaiveDateTime>,
    },
    /// Mark a reply or thank-you sent on LinkedIn by its invitation's id (the
    /// `id` column of `export` and `drafts`), so the action lists leave it
    /// out: for a thank-you to someone no longer in your export. On the
    /// triage screen, `S` marks the others. Exit status 0 when every id
    /// was marked (or was already); 1 when one has nothing to mark (no
    /// decision or draft under it, or no draft its decision sends); 2 on
    /// an error (an id that is not 16 hex digits, no journal, a journal in
    /// use).
    #[command(name = "mark-sent")]
    MarkSent {
        /// Invitation ids: 16 hex digits each.
        #[arg(value_name = "ID", required = true)]
        ids: Vec<String>,
        /// Take the mark back: not sent after all.
        #[arg(long)]
        not: bool,
        /// In the bundled sample's journal, kept apart from yours.
        #[arg(long)]
        sample: bool,
    },
    /// Grade an invitation note before you send it: group, signals, stock
    /// text, length. Exit status 0 when it is customised with context, a
    /// reason or an offer and fits LinkedIn's limit; 1 otherwise; 2 on an
    /// error (input that is not text, a bad config).
    Check {
        /// The note; `-` reads it from standard input (UTF-8, UTF-16 or
        /// Windows-1252, as an export).
        #[arg(
            value_name = "NOTE",
            allow_hyphen_values = true,
            value_hint = clap::ValueHint::Other
        )]
        note: String,
        /// The recipient's full name: recognises "Hi Sam", and flags "Hi Jo" as another name.
        #[arg(
            long,
            value_name = "NAME",
            default_value = "",
            hide_default_value = true,
            value_hint = clap::ValueHint::Other
        )]
        to: String,
        /// The sender's full name (yours; by default `name` in the config): a
        /// sign-off or greeting with it adds no effort ("Joe here.").
        #[arg(long, value_name = "NAME", value_hint = clap::ValueHint::Other)]
        from: Option<String>,
        /// Print one JSON object instead of text.
        #[arg(long, overrides_with = "format")]
        json: bool,
        /// `--format json` is `--json`, as `classify`, `export` and `drafts`
        /// spell it; the last of the two given wins.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text, overrides_with = "json")]
        format: TextOrJson,
    },
    /// Print the built-in lists the classifier uses (stock texts, generic
    /// phrases and words, salutations, titles, sign-offs, signal hints) and
    /// what the config's `[classify]` adds to each.
    Lists {
        /// Print only this list, one entry a line (as `[classify]` names it,
        /// e.g. `stock_texts`).
        #[arg(value_enum, value_name = "LIST")]
        list: Option<ListName>,
    },
    /// Print a completion script for SHELL; e.g. for bash: `mkdir -p
    /// ~/.local/share/bash-completion/completions && invitriage completions
    /// bash > ~/.local/share/bash-completion/completions/invitriage`.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Write to standard output a synthetic export of ROWS fictional invitations (for trying
    /// the app at scale and for benchmarks); the same seed gives the same file.
    #[command(hide = true)]
    Generate {
        /// How many invitations to write
        rows: usize,
        /// The seed of the generator: the same seed and ROWS give the same file
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
}

impl Command {
    /// The name the command is typed as.
    fn name(&self) -> &'static str {
        match self {
            Command::Stats { .. } => "stats",
            Command::Classify { .. } => "classify",
            Command::Export { .. } => "export",
            Command::Check { .. } => "check",
            Command::Completions { .. } => "completions",
            Command::Lists { .. } => "lists",
            Command::Generate { .. } => "generate",
            Command::Drafts { .. } => "drafts",
            Command::MarkSent { .. } => "mark-sent",
        }
    }

    /// The command's own FILE, for a command that reads an export; what it
    /// takes instead, for one that does not.
    fn file_mut(&mut self) -> Result<&mut Option<PathBuf>, &'static str> {
        match self {
            Command::Stats { file, .. }
            | Command::Classify { file, .. }
            | Command::Export { file, .. }
            | Command::Drafts { file, .. } => Ok(file),
            Command::Check { .. } => Err("it grades a NOTE"),
            Command::Completions { .. } => Err("it takes a SHELL"),
            Command::Lists { .. } => Err("it prints the built-in lists"),
            Command::Generate { .. } => Err("it takes a number of ROWS"),
            Command::MarkSent { .. } => Err("it takes invitation IDs"),
        }
    }
}

/// The first word after `check` (and before a `--`) that looks like an
/// option (`--jsno`, `-j`) and is none of `check`'s or the global ones.
pub fn stray_check_option(args: impl Iterator<Item = std::ffi::OsString>) -> Option<String> {
    let cli = Cli::command();
    let check = cli.find_subcommand("check")?;
    let arguments = || check.get_arguments().chain(cli.get_arguments());
    let known: Vec<&str> = arguments()
        .filter_map(|a| a.get_long())
        .chain(["help"])
        .collect();
    let short: Vec<char> = arguments()
        .filter_map(|a| a.get_short())
        .chain(['h'])
        .collect();
    args.map(|a| a.to_string_lossy().into_owned())
        .skip_while(|a| a != "check")
        .skip(1)
        .take_while(|a| a != "--")
        .find(|a| {
            let long = a.strip_prefix("--").is_some_and(|name| {
                let name = name.split('=').next().unwrap_or(name);
                !name.is_empty()
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    && !known.contains(&name)
            });
            let mut chars = a.chars();
            let one = match (chars.next(), chars.next(), chars.next()) {
                (Some('-'), Some(c), None) => c.is_ascii_alphabetic() && !short.contains(&c),
                _ => false,
            };
            long || one
        })
}

/// A FILE before the command (`invitriage my.csv stats`), which the usage
/// line allows, is the command's own FILE when it reads one and has none;
/// two FILEs, or a FILE for a command that reads none, is a usage error
/// (rather than a FILE silently left unread).
pub fn place_file(cli: &mut Cli) -> Result<(), clap::Error> {
    let (Some(before), Some(command)) = (&cli.file, &mut cli.command) else {
        return Ok(());
    };
    let name = command.name();
    let message = match command.file_mut() {
        Ok(slot @ None) => {
            *slot = cli.file.take();
            return Ok(());
        }
        Ok(Some(after)) => format!(
            "two FILEs: `{}` before `{name}` and `{}` after it; give one, after the command: `invitriage {name} {}`",
            text::shown_path(before),
            text::shown_path(after),
            shell_quoted(after)
        ),
        Err(takes) => format!(
            "`{}` before `{name}`: `{name}` reads no file ({takes}); to read it, `invitriage {}` opens the triage screen and `invitriage stats {}` prints its breakdown",
            text::shown_path(before),
            shell_quoted(before),
            shell_quoted(before)
        ),
    };
    Err(Cli::command().error(clap::error::ErrorKind::ArgumentConflict, message))
}

/// A FILE too many (`invitriage a.zip b.zip`, `invitriage stats a b`),
/// which clap calls an unexpected argument: the usage error of two FILEs,
/// as for one on each side of the command (see [`place_file`]). `args`
/// are the arguments after the program's name.
pub fn second_file(e: &clap::Error, args: &[std::ffi::OsString]) -> Option<clap::Error> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if !matches!(
        e.kind(),
        ErrorKind::UnknownArgument | ErrorKind::InvalidSubcommand
    ) {
        return None;
    }
    let Some(ContextValue::String(extra)) = e
        .get(ContextKind::InvalidArg)
        .or_else(|| e.get(ContextKind::InvalidSubcommand))
    else {
        return None;
    };
    // An option, not a FILE; but `-` is standard input.
    if extra.starts_with('-') && extra != "-" {
        return None;
    }
    // Without the argument clap did not take, the rest is to parse, with
    // a FILE where the extra one was to go.
    let at = args.iter().rposition(|a| a.to_string_lossy() == *extra)?;
    let mut rest = args.to_vec();
    let extra = PathBuf::from(rest.remove(at));
    let mut cli = Cli::try_parse_from(std::iter::once("invitriage".into()).chain(rest)).ok()?;
    if let Err(e) = place_file(&mut cli) {
        return Some(e);
    }
    let (name, file) = match &mut cli.command {
        None => (None, cli.file.as_ref()?),
        Some(command) => (Some(command.name()), command.file_mut().ok()?.as_ref()?),
    };
    let (after, command) = name.map_or((String::new(), String::new()), |name| {
        (format!(" after `{name}`"), format!(" {name}"))
    });
    // The one that is there is the one to give: `invitriage triage a.csv`
    // was told to give `triage`, which is neither a file nor a command.
    let there = |p: &Path| p == Path::new("-") || p.exists();
    let (keep, other) = if !there(file) && there(&extra) {
        (extra.as_path(), file.as_path())
    } else {
        (file.as_path(), extra.as_path())
    };
    let neither = if there(other) {
        String::new()
    } else {
        format!(" (`{}` is no file, nor a command)", text::shown_path(other))
    };
    // `-` is standard input, not a file named so (`./-`).
    let keep_shown = if keep == Path::new("-") {
        "-".to_string()
    } else {
        shell_quoted(keep)
    };
    let message = format!(
        "two FILEs{after}: `{}` and `{}`; give one: `invitriage{command} {keep_shown}`{neither}",
        text::shown_path(file),
        text::shown_path(&extra),
    );
    Some(Cli::command().error(ErrorKind::ArgumentConflict, message))
}

/// The command a FILE's name is close to (within two edits, or the start
/// of its name), for the hint when no such file exists: a mistyped command
/// is read as a FILE. Not for a path (`./stat`) or a single letter.
pub fn command_like(file: &std::path::Path) -> Option<&'static str> {
    let name = file.to_str()?.to_lowercase();
    if name.chars().count() < 2 || file.components().count() != 1 {
        return None;
    }
    COMMANDS
        .iter()
        .map(|&command| (strsim::osa_distance(&name, command), command))
        // `complete` is 4 edits from `completions`, but starts as it
        // (`stats.csv` shares 5 letters with `stats`: a file).
        .filter(|&(edits, command)| {
            let shared = name
                .chars()
                .zip(command.chars())
                .take_while(|(a, b)| a == b)
                .count();
            edits <= 2 || command.starts_with(&name) || shared >= 6
        })
        .min_by_key(|&(edits, _)| edits)
        .map(|(_, command)| command)
}

/// What to add when a FILE not there is a plain word, as a command is
/// (`invitriage triage`, `invitriage open`) but close to none: there is
/// no such command, and the triage screen is the one without a command.
pub fn no_command_named(file: &std::path::Path) -> Option<String> {
    let name = file.to_str()?;
    let word = name.chars().count() >= 2
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && name.chars().any(|c| c.is_ascii_alphabetic());
    (word && command_like(file).is_none()).then(|| {
        let commands: Vec<&str> = COMMANDS.iter().copied().filter(|&c| c != "help").collect();
        format!(
            "nor is `{name}` a command: the triage screen opens with none (`invitriage FILE`, or `invitriage` for the bundled sample); the commands are {} (`invitriage help COMMAND` explains each)",
            commands.join(", ")
        )
    })
}

/// The first argument that is neither an option nor an option's value:
/// where a command or FILE stands (`--data-dir d exprt my.csv`).
pub fn first_word(args: impl Iterator<Item = std::ffi::OsString>) -> Option<std::ffi::OsString> {
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy();
        if text == "--config" || text == "--data-dir" {
            args.next();
        } else if !text.starts_with('-') || text == "-" {
            return Some(arg);
        }
    }
    None
}

/// The commands as typed (`generate` is hidden, and left out).
const COMMANDS: [&str; 9] = [
    "stats",
    "classify",
    "export",
    "drafts",
    "mark-sent",
    "check",
    "lists",
    "completions",
    "help",
];

/// `--since`'s DATE, as the checklist writes dates, perhaps with a time of
/// day (`T` or a space, then `HH:MM`, perhaps `:SS`).
fn parse_since(text: &str) -> Result<chrono::NaiveDateTime, String> {
    use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
    let t = text.trim();
    if let Ok(day) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return Ok(day.and_time(NaiveTime::MIN));
    }
    for form in [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(at) = NaiveDateTime::parse_from_str(t, form) {
            return Ok(at);
        }
    }
    // Written right, but a day the calendar has not (2026-02-30).
    let shaped = t.len() >= 10
        && t.bytes().take(10).enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if shaped && NaiveDate::parse_from_str(&t[..10], "%Y-%m-%d").is_err() {
        return Err(format!("`{}` is not a day of the calendar", &t[..10]));
    }
    Err(format!(
        "expected a date as YYYY-MM-DD, e.g. 2026-12-01, perhaps with a time, e.g. 2026-12-01T15:30; not `{text}`"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command the hint may name is one, and every visible one can
    /// be named.
    #[test]
    fn the_commands_hinted_at_are_the_visible_ones() {
        let cli = Cli::command();
        let mut visible: Vec<&str> = cli
            .get_subcommands()
            .filter(|c| !c.is_hide_set())
            .map(|c| c.get_name())
            .collect();
        visible.push("help");
        visible.sort_unstable();
        let mut hinted = COMMANDS.to_vec();
        hinted.sort_unstable();
        assert_eq!(hinted, visible);
    }

    #[test]
    fn a_name_close_to_a_command_is_hinted() {
        let like = |name: &str| command_like(std::path::Path::new(name));
        assert_eq!(like("stat"), Some("stats"));
        assert_eq!(like("Stats"), Some("stats"));
        assert_eq!(like("clasify"), Some("classify"));
        assert_eq!(like("exprot"), Some("export"));
        assert_eq!(like("draft"), Some("drafts"));
        assert_eq!(like("chekc"), Some("check"));
        assert_eq!(like("compl"), Some("completions"), "the start of one");
        assert_eq!(like("complete"), Some("completions"));
        assert_eq!(like("hlep"), Some("help"));
        for far in [
            "s",
            "c",
            "stats.csv",
            "./stat",
            "data/stat",
            "Invitations.csv",
            "notes",
        ] {
            assert_eq!(like(far), None, "{far}");
        }
    }
}
