//! The `invitriage` command line: parse arguments, run a subcommand, map the
//! outcome to an exit status (0 fine, 1 a check that did not pass, 2 an error).

use std::cell::Cell;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;

use clap::{Args, CommandFactory, Parser, Subcommand};

use invitriage::check;
use invitriage::classify::Classifier;
use invitriage::config::{Config, Paths, Unusable};
use invitriage::export::{self, DraftsFormat, ExportFormat};
use invitriage::import::{self, Import, Source};
use invitriage::journal::Journal;
use invitriage::reply::Templates;
use invitriage::report::{self, ClassifyFormat};
use invitriage::stats::{self, DirectionFilter};
use invitriage::text;
use invitriage::tui::app::{App, AppInit};
use invitriage::tui::keys::{Action, Keymap};

/// Triage your pending LinkedIn invitations.
///
/// Reads Invitations.csv from LinkedIn's data export (or the export .zip
/// itself, or the folder it unzips to), sorts every invitation into three
/// groups — customised, greeting-only, default — and lets you accept, ignore
/// or reply to them with single keys, and withdraw the stale ones you sent.
/// With no FILE the bundled fictional sample is used; `-` reads the file
/// from standard input.
///
/// Get your export: LinkedIn → Settings → Data privacy → Get a copy of your
/// data → "Invitations" (or the larger archive).
#[derive(Debug, Parser)]
// An option given twice takes its last value (`--format json --format
// text`), as `--json` and `--format` do between them.
#[command(
    name = "invitriage",
    version,
    about,
    long_about,
    max_term_width = 100,
    args_override_self = true
)]
struct Cli {
    #[command(flatten)]
    global: Global,

    /// Invitations.csv, the export .zip or the folder it unzips to; opens
    /// the triage screen. Before a command that reads a file
    /// (`invitriage my.csv stats`) it is that command's FILE.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Args)]
struct Global {
    /// Read the configuration from PATH instead of the default location.
    #[arg(long, value_name = "PATH", global = true, value_hint = clap::ValueHint::FilePath)]
    config: Option<PathBuf>,

    /// Keep the decision journal in DIR (default: the platform's data dir;
    /// also $INVITRIAGE_DATA_DIR).
    #[arg(long, value_name = "DIR", global = true, value_hint = clap::ValueHint::DirPath)]
    data_dir: Option<PathBuf>,
}

/// The lists `invitriage lists` prints, as `[classify]` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "snake_case")]
enum ListName {
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
enum TextOrJson {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
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
        /// spell it.
        #[arg(long, value_enum, overrides_with = "json")]
        format: Option<TextOrJson>,
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
        /// Output format; csv keeps the export's columns and adds `category` and `signals`.
        #[arg(long, value_enum, default_value_t = ClassifyFormat::Table, overrides_with = "json")]
        format: ClassifyFormat,
        /// `--json` is `--format json`, as `stats` and `check` spell it.
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
        /// `--json` is `--format json`, as `stats` and `check` spell it.
        #[arg(long, overrides_with = "format")]
        json: bool,
    },
    /// Grade an invitation note before you send it: group, signals, stock
    /// text, length. Exit status 0 when it is customised with context, a
    /// reason or an offer and fits LinkedIn's limit; 1 otherwise.
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
        /// Print one JSON object instead of text.
        #[arg(long, overrides_with = "format")]
        json: bool,
        /// `--format json` is `--json`, as `classify`, `export` and `drafts`
        /// spell it.
        #[arg(long, value_enum, overrides_with = "json")]
        format: Option<TextOrJson>,
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
    /// Print a completion script for SHELL; e.g. for bash:
    /// `invitriage completions bash > ~/.local/share/bash-completion/completions/invitriage`.
    Completions {
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Write a synthetic export of ROWS fictional invitations (for trying
    /// the app at scale and for benchmarks); the same seed gives the same file.
    #[command(hide = true)]
    Generate {
        rows: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
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
        /// `--json` is `--format json`, as `stats` and `check` spell it.
        #[arg(long, overrides_with = "format")]
        json: bool,
    },
}

/// `eprintln!` that cannot panic: a standard error that is closed, full or
/// a terminal gone away loses the message, and nothing else.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(io::stderr(), $($arg)*);
    }};
}

/// A failure to report: the message is already complete.
struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

fn main() -> ExitCode {
    // `check` takes a note starting with a dash as the note, so a mistyped
    // option (`--jsno`) would be graded, or the note called an unexpected
    // argument: name the option instead.
    if let Some(flag) = stray_check_option(std::env::args_os().skip(1)) {
        Cli::command()
            .error(
                clap::error::ErrorKind::UnknownArgument,
                format!(
                    "`{flag}` is not an option of `check` (see `invitriage help check`); a note that looks like an option goes after `--`: `invitriage check -- \"{flag} …\"`"
                ),
            )
            .exit();
    }
    let mut cli = Cli::try_parse().unwrap_or_else(|e| {
        // `invitriage exprt my.csv`: the misspelt command was taken for
        // FILE, and clap speaks only of the argument after it.
        // `invitriage help stat` likewise, for the word after `help`.
        let mut args = std::env::args_os().skip(1);
        if matches!(
            e.kind(),
            clap::error::ErrorKind::UnknownArgument | clap::error::ErrorKind::InvalidSubcommand
        ) && let Some(first) = first_word(args.by_ref())
            && let Some(first) = if first == "help" {
                first_word(args)
            } else {
                Some(first)
            }
            && !Cli::command()
                .get_subcommands()
                .any(|c| first == c.get_name())
            && let Some(command) = command_like(std::path::Path::new(&first))
            // `help stat`: `help` is the command, and clap names the other.
            && first != command
            && !std::path::Path::new(&first).exists()
        {
            Cli::command()
                .error(
                    clap::error::ErrorKind::InvalidSubcommand,
                    format!(
                        "`{}` is not a command; did you mean `{command}`?",
                        first.to_string_lossy()
                    ),
                )
                .exit();
        }
        e.exit()
    });
    if let Err(e) = place_file(&mut cli) {
        e.exit();
    }
    let result = run(cli);
    let shown = CONTROLS_SHOWN.with(|n| n.get());
    if shown > 0 {
        say!(
            "invitriage: note: {shown} control character{} in the output shown as \u{fffd}, so that none acts on this terminal; redirect the output to a file or a pipe for the text as it is",
            text::plural(shown)
        );
    }
    match result {
        Ok(code) => code,
        Err(Failure(msg)) => {
            say!("invitriage: error: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    // Completions need no config: a broken one must not stop their install.
    if let Some(Command::Completions { shell }) = cli.command {
        return completions(shell);
    }
    let paths = Paths::resolve(cli.global.config.clone(), cli.global.data_dir.clone());
    // `[keys]` and `[templates]` are checked for every command, so that a
    // mistake in them shows up at once (with its line), not only when the
    // screen that uses them opens.
    let (config, (keymap, templates)) =
        Config::load(&paths.config_file, paths.config_required, usable)?;
    if !paths.config_required && invitriage::config::out_of_sight(&paths.config_file) {
        say!(
            "invitriage: note: {}: cannot be looked at (permission denied); going on without a config file",
            paths.config_file.display()
        );
    }
    match cli.command {
        Some(Command::Stats {
            file,
            json,
            format,
            direction,
        }) => {
            let json = json || format == Some(TextOrJson::Json);
            let source = Source::from_arg(file);
            let now = now();
            let stale_days = config.sent.stale_after_days;
            let print = |out: &mut io::BufWriter<Box<dyn Write>>| -> Result<(), Failure> {
                if direction == DirectionFilter::Incoming {
                    // Only counts are needed: read the facts, not whole
                    // invitations (a fraction of the time and memory).
                    let import = load_with(&source, &config, |source, classify| {
                        import::load_facts(source, classify, direction)
                    })?;
                    let b = import.invitations.breakdown();
                    print_stats(out, json, &import, &b, direction, None, now, stale_days)?;
                    exit_without_freeing(import);
                } else {
                    let mut import = load(source.clone(), &config)?;
                    let b = stats::breakdown(&import.invitations, direction);
                    // A journal that cannot be read leaves them unmarked:
                    // `stats` is about the export, and says nothing of the
                    // journal otherwise.
                    let journal = Journal::open_read_only(&paths.data_dir)
                        .ok()
                        .map(|(j, _)| j);
                    if let Some(journal) = &journal {
                        journal.adopt_ids(&mut import.invitations);
                    }
                    let mut stale = stats::stale_sent(&import.invitations, now, stale_days);
                    mark_withdrawals(&mut stale, journal.as_ref());
                    print_stats(
                        out,
                        json,
                        &import,
                        &b,
                        direction,
                        Some(&stale),
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
        Some(Command::Classify {
            file,
            format,
            json,
            direction,
        }) => {
            let format = if json { ClassifyFormat::Json } else { format };
            let mut import = load(Source::from_arg(file), &config)?;
            // The JSON's `id` is the one `export` and the journal use: a
            // decision made on an older export without URLs keeps its id.
            // A journal that cannot be read changes nothing here.
            if format == ClassifyFormat::Json
                && let Ok((journal, _)) = Journal::open_read_only(&paths.data_dir)
            {
                journal.adopt_ids(&mut import.invitations);
            }
            if import.source.is_sample() && format != ClassifyFormat::Table {
                say!("invitriage: no file given: this is the bundled sample");
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
        Some(Command::Export { file, format, json }) => {
            let format = if json { ExportFormat::Json } else { format };
            let (import, journal) =
                load_with_journal(Source::from_arg(file), &config, &paths, true)?;
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
        Some(Command::Drafts { file, format, json }) => {
            let format = if json { DraftsFormat::Json } else { format };
            // Drafts of invitations gone from the export are listed.
            let (import, journal) =
                load_with_journal(Source::from_arg(file), &config, &paths, false)?;
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
            let ids: std::collections::HashSet<_> =
                import.invitations.iter().map(|i| i.id).collect();
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
        Some(Command::Check {
            note,
            to,
            json,
            format,
        }) => {
            let json = json || format == Some(TextOrJson::Json);
            let note = if note == "-" {
                announce_stdin();
                // Read as an export is: a note typed in a Windows console or
                // saved by an old editor may well be Windows-1252.
                // A note is a few hundred characters: more than 64 KiB is
                // not one (`< /dev/zero` would otherwise fill the memory).
                const MOST: u64 = 64 << 10;
                let mut bytes = Vec::new();
                io::Read::read_to_end(
                    &mut io::Read::take(io::stdin().lock(), MOST + 1),
                    &mut bytes,
                )
                .map_err(|e| Failure(format!("standard input: cannot read the note: {e}")))?;
                let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
                if bytes.len() as u64 > MOST || (!utf16 && bytes.contains(&0)) {
                    return Err(Failure(
                        "standard input: this is not a note (binary, or more than 64 KiB); expected the text of an invitation note".into(),
                    ));
                }
                let (text, encoding) = import::read_text(&bytes[..])
                    .map_err(|e| Failure(format!("standard input: cannot read the note: {e}")))?;
                if let Some(notice) = encoding.notice("standard input", "the note") {
                    say!("invitriage: note: {notice}");
                }
                text
            } else {
                note
            };
            let classifier = Classifier::new(&config.classify);
            let me = config.name.clone().unwrap_or_default();
            let grade = check::Grade::new(&classifier, &note, &me, &to, config.sent.note_limit);
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
        Some(Command::Lists { list }) => {
            output(write_lists(stdout(), &config.classify, list))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Completions { shell }) => completions(shell),
        Some(Command::Generate { rows, seed }) => {
            output(invitriage::synth::write(io::stdout().lock(), rows, seed))?;
            Ok(ExitCode::SUCCESS)
        }
        None => triage(
            Source::from_arg(cli.file),
            &config,
            &paths,
            keymap,
            templates,
        ),
    }
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
        }
    }
}

/// The first word after `check` (and before a `--`) that looks like an
/// option (`--jsno`, `-j`) and is none of `check`'s or the global ones.
fn stray_check_option(args: impl Iterator<Item = std::ffi::OsString>) -> Option<String> {
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
fn place_file(cli: &mut Cli) -> Result<(), clap::Error> {
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
            before.display(),
            after.display(),
            shell_quoted(after)
        ),
        Err(takes) => format!(
            "`{}` before `{name}`: `{name}` reads no file ({takes}); to read it, `invitriage {}` opens the triage screen and `invitriage stats {}` prints its breakdown",
            before.display(),
            shell_quoted(before),
            shell_quoted(before)
        ),
    };
    Err(Cli::command().error(clap::error::ErrorKind::ArgumentConflict, message))
}

/// A path as a shell reads it back: quoted where the shell would split or
/// expand it (a path with a NUL cannot be on a command line anyway).
fn shell_quoted(path: &std::path::Path) -> String {
    let path = path.to_string_lossy();
    shlex::try_quote(&path).map_or_else(|_| path.to_string(), |q| q.into_owned())
}

/// Loads an export and reads the journal without locking it, so `export`
/// and `drafts` work while the triage screen is open.
/// `decisions_listed`: the command lists decisions (`export`), so those
/// it leaves out are counted.
fn load_with_journal(
    source: Source,
    config: &Config,
    paths: &Paths,
    decisions_listed: bool,
) -> Result<(Import, Journal), Failure> {
    let drafts_command = command_for("drafts", "", &source, paths);
    let mut import = load(source, config)?;
    let (journal, notices) = Journal::open_read_only(&paths.data_dir)?;
    journal.adopt_ids(&mut import.invitations);
    for n in notices {
        say!("invitriage: note: {n}");
    }
    if import.source.is_sample() {
        say!("invitriage: no file given: this is the bundled sample");
    }
    // An empty list has two causes worth telling apart from "nothing
    // decided": another data folder, and decisions for another export.
    if !journal.path().exists() {
        say!(
            "invitriage: note: no journal in {} yet: nothing was decided with this data folder (--data-dir or INVITRIAGE_DATA_DIR names another)",
            paths.data_dir.display()
        );
    } else if decisions_listed {
        let here: std::collections::HashSet<_> = import.invitations.iter().map(|i| i.id).collect();
        let elsewhere = journal.decided_elsewhere(|id| here.contains(id));
        if elsewhere > 0 {
            // A thank-you is sent after the accept, when the invitation has
            // left the export: it must not drop out of sight with it.
            let drafts = match journal.drafts_elsewhere(|id| here.contains(id)) {
                0 => String::new(),
                1 => format!("; 1 of them has a draft to send: {drafts_command} lists it"),
                n => format!("; {n} of them have drafts to send: {drafts_command} lists them"),
            };
            // Without the URL columns, invitations are matched by name and
            // date: a decision made where the URLs were, or before a name
            // changed, finds nothing, and that is the likelier cause.
            let why = if import.without_profile_urls {
                "this export has no profile URLs, so decisions made on one that has them, or before a name changed, are not matched; or answered on LinkedIn since"
            } else {
                "answered on LinkedIn since, or in another export"
            };
            say!(
                "invitriage: note: {elsewhere} decision{} not listed: for invitations not in this export ({why}){drafts}",
                if elsewhere == 1 { " is" } else { "s are" }
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
                "invitriage: note: {} invitation{} came after your decision on an earlier one between the same people ({}): undecided again",
                again.len(),
                text::plural(again.len()),
                text::some_names(&again)
            );
        }
    }
    Ok((import, journal))
}

/// Opens the full-screen triage app.
fn triage(
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
        let missing = import::ImportError::NotFound { path: path.clone() };
        return Err(Failure(match command_like(path) {
            Some(command) => format!("{missing}; did you mean the subcommand `{command}`?"),
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
    let journal_file = paths.data_dir.join(invitriage::journal::FILE_NAME);
    if let Some(n) = large(&journal_file, 16 << 20) {
        say!(
            "invitriage: reading your decisions in {} ({} MB)…",
            journal_file.display(),
            n >> 20
        );
    }
    // The journal first: its lock refuses a second instance before it
    // reads a large export for nothing.
    let (journal, mut notices) = Journal::open(&paths.data_dir)?;
    if let Source::Path(path) = &source
        && let Some(n) = large(path, 32 << 20)
    {
        say!("invitriage: reading {} ({} MB)…", path.display(), n >> 20);
    }
    let export = export_command(&source, paths);
    let stats = command_for("stats", "", &source, paths);
    let mut import = load(source, config)?;
    journal.adopt_ids(&mut import.invitations);
    match &import.skipped[..] {
        [] => {}
        [one] => notices.push(format!("1 unreadable row skipped: {one}")),
        [first, rest @ ..] => notices.push(format!(
            "{} unreadable rows skipped, the first {first}; {stats} lists them all",
            rest.len() + 1
        )),
    }
    notices.extend(import.notices());
    // An action the config unbinds itself (`accept = []`) is no news.
    for name in keymap
        .unbound()
        .into_iter()
        .filter(|n| !config.keys.contains_key(*n))
    {
        notices.push(format!(
            "[keys]: `{name}` has no key left (a key bound in the config took its default); give it one in {}",
            paths.config_file.display()
        ));
    }
    let source_name = import.source.short_name();
    let sample = import.source.is_sample();
    let mut app = App::new(AppInit {
        source_name,
        invitations: import.invitations,
        journal,
        keymap,
        now: now(),
        my_name: config.name.clone(),
        templates,
        stale_after_days: config.sent.stale_after_days,
        note_limit: config.sent.note_limit,
        classifier: Classifier::new(&config.classify),
        notices,
        color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        frozen_clock: std::env::var_os("INVITRIAGE_NOW").is_some(),
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
            format!(
                "A fictional sample · open yours: invitriage ~/Downloads/Invitations.csv{help}"
            ),
            false,
        ));
    }
    let ended = invitriage::tui::run(&mut app)?;
    // Also after a SIGTERM, which ends a run as surely as `q` (the signal
    // thread allows the moment this takes); after a hang-up the lines go
    // nowhere, and are lost as harmlessly.
    if let Some(words) = app.farewell() {
        say!("invitriage: {words}");
        say!("invitriage: {export} lists what to do on LinkedIn");
    }
    if let Some(words) = app.unsaved_farewell() {
        say!("invitriage: {words}");
    }
    match ended {
        invitriage::tui::Ended::Quit => Ok(ExitCode::SUCCESS),
        invitriage::tui::Ended::Signal(sig) => {
            Ok(ExitCode::from(u8::try_from(128 + sig).unwrap_or(u8::MAX)))
        }
    }
}

/// The command a FILE's name is close to (within two edits, or the start
/// of its name), for the hint when no such file exists: a mistyped command
/// is read as a FILE. Not for a path (`./stat`) or a single letter.
fn command_like(file: &std::path::Path) -> Option<&'static str> {
    let name = file.to_str()?.to_lowercase();
    if name.chars().count() < 2 || file.components().count() != 1 {
        return None;
    }
    COMMANDS
        .iter()
        .map(|&command| (strsim::osa_distance(&name, command), command))
        .filter(|&(edits, command)| edits <= 2 || command.starts_with(&name))
        .min_by_key(|&(edits, _)| edits)
        .map(|(_, command)| command)
}

/// The first argument that is neither an option nor an option's value:
/// where a command or FILE stands (`--data-dir d exprt my.csv`).
fn first_word(args: impl Iterator<Item = std::ffi::OsString>) -> Option<std::ffi::OsString> {
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
const COMMANDS: [&str; 8] = [
    "stats",
    "classify",
    "export",
    "drafts",
    "check",
    "lists",
    "completions",
    "help",
];

/// Prints the completion script for `shell`.
fn completions(shell: clap_complete::Shell) -> Result<ExitCode, Failure> {
    // Into memory first: `clap_complete` panics when its writer fails
    // (`> /dev/full`), and a write error is the user's to read.
    let mut script = Vec::new();
    // zsh's script takes the first word for the optional FILE, so after
    // `invitriage stats` it completed the top level's options, not those of
    // `stats`. Without FILE there, the first word is the command; files are
    // offered beside the commands instead (below), for `invitriage my.csv`,
    // the triage screen.
    let zsh = shell == clap_complete::Shell::Zsh;
    let mut command = completion_command(!zsh);
    clap_complete::generate(shell, &mut command, "invitriage", &mut script);
    if shell == clap_complete::Shell::Fish {
        // clap_complete's fish script offers no values for a positional
        // argument: `invitriage lists s<Tab>` listed files.
        for sub in command.get_subcommands() {
            for arg in sub.get_positionals() {
                let values: Vec<String> = arg
                    .get_possible_values()
                    .iter()
                    .filter(|v| !v.is_hide_set())
                    .map(|v| v.get_name().to_string())
                    .collect();
                if !values.is_empty() {
                    script.extend_from_slice(
                        format!(
                            "complete -c invitriage -n \"__fish_invitriage_using_subcommand {}\" -f -a \"{}\"\n",
                            sub.get_name(),
                            values.join(" ")
                        )
                        .as_bytes(),
                    );
                }
            }
        }
    }
    if shell == clap_complete::Shell::Bash {
        // clap's bash script offers only options (and commands) for the word
        // after a command, and bash falls back to file names only when it
        // offers nothing: files too, where the word may be FILE
        // (`invitriage my.csv`, the triage screen; `invitriage stats my.csv`).
        let words = b"COMPREPLY=( $(compgen -W \"${opts}\" -- \"${cur}\") )\n";
        let files = b"                if [[ ${cur} != -* ]]; then\n                    local IFS=$'\\n'\n                    COMPREPLY+=( $(compgen -f -- \"${cur}\") )\n                    compopt -o filenames 2>/dev/null\n                fi\n";
        let with_file = command
            .get_subcommands()
            .filter(|c| c.get_arguments().any(|a| a.get_id() == "file"))
            .map(|c| format!("invitriage__subcmd__{}", c.get_name()))
            .chain(["invitriage".to_string()]);
        for name in with_file.collect::<Vec<_>>() {
            let case = format!("        {name})\n");
            let top = script
                .windows(case.len())
                .position(|w| w == case.as_bytes());
            if let Some(at) = top.and_then(|top| {
                let after = top
                    + script[top..]
                        .windows(words.len())
                        .position(|w| w == words)?;
                Some(after + words.len())
            }) {
                script.splice(at..at, files.iter().copied());
            }
        }
    }
    if zsh {
        let commands = b"_describe -t commands 'invitriage commands' commands \"$@\"\n";
        if let Some(at) = script.windows(commands.len()).position(|w| w == commands) {
            script.splice(at + commands.len()..at + commands.len(), *b"    _files\n");
        }
    }
    let mut out = io::stdout().lock();
    output(out.write_all(&script).and_then(|()| out.flush()))?;
    Ok(ExitCode::SUCCESS)
}

/// The `export` command for the same export, ready to paste into a shell.
/// With the config file and data folder this run was given (by option or
/// `$INVITRIAGE_DATA_DIR`, which may have been set for this run only):
/// without them the command would read another journal, and list nothing.
fn export_command(source: &Source, paths: &Paths) -> String {
    command_for("export", " --format md", source, paths)
}

/// `` `invitriage COMMAND [--config …] [--data-dir …]EXTRA FILE` ``: a
/// command on the same export, with the options this run was given.
fn command_for(command: &str, extra: &str, source: &Source, paths: &Paths) -> String {
    let mut options = String::new();
    if paths.config_required {
        options.push_str(&format!(" --config {}", shell_quoted(&paths.config_file)));
    }
    if paths.data_dir_chosen {
        options.push_str(&format!(" --data-dir {}", shell_quoted(&paths.data_dir)));
    }
    match source {
        Source::Sample => format!("`invitriage {command}{options}{extra}`"),
        Source::Path(p) if p.as_os_str() == "-" => {
            format!("`invitriage {command}{options}{extra} -` (the same export on standard input)")
        }
        Source::Path(p) => format!("`invitriage {command}{options}{extra} {}`", shell_quoted(p)),
    }
}

/// `invitriage lists`: every list with its counts and entries, or the
/// entries of `only`, one a line (for `grep` and `wc -l`).
fn write_lists(
    mut out: impl Write,
    extra: &invitriage::classify::Lists,
    only: Option<ListName>,
) -> io::Result<()> {
    let named = extra.named();
    if let Some(only) = only {
        let wanted = clap::ValueEnum::to_possible_value(&only)
            .map(|v| v.get_name().to_string())
            .unwrap_or_default();
        for (_, built_in, mine) in named.iter().filter(|(n, _, _)| *n == wanted) {
            for e in built_in
                .iter()
                .copied()
                .chain(mine.iter().map(String::as_str))
            {
                writeln!(out, "{e}")?;
            }
        }
        return out.flush();
    }
    writeln!(
        out,
        "The classifier's lists. `[classify]` in the config adds to each; none is replaced.\n\
         Entries are compared after normalisation (case, quotes, contractions, spaces)."
    )?;
    for (name, built_in, mine) in &named {
        let from_config = match mine.len() {
            0 => String::new(),
            n => format!(", {n} from the config"),
        };
        writeln!(out, "\n{name}: {} built in{from_config}", built_in.len())?;
        for e in built_in {
            writeln!(out, "  {e}")?;
        }
        for e in mine.iter() {
            writeln!(out, "  {e}  (config)")?;
        }
    }
    // A buffered writer's own flush on drop would swallow a failed write.
    out.flush()
}

/// The keymap and the templates the config's `[keys]` and `[templates]`
/// make, or what in them cannot be used: [`Config::load`] places that at
/// its line.
fn usable(config: &Config) -> Result<(Keymap, Templates), Unusable> {
    let keymap = Keymap::new(&config.keys).map_err(|e| Unusable {
        table: "keys",
        keys: e.actions(),
        message: e.to_string(),
    })?;
    let templates = Templates::new(&config.templates)
        .map_err(|e| Unusable {
            table: "templates",
            keys: vec![e.template().to_string()],
            message: e.to_string(),
        })?
        .with_titles(&config.classify.titles);
    Ok((keymap, templates))
}

/// The process ends right after; handing a million rows back to the
/// allocator one by one would only add to the run time (a few percent).
fn exit_without_freeing<T: import::Item>(import: Import<T>) {
    std::mem::forget(import);
}

/// The terminal's width for text output, or `otherwise` when stdout is not
/// a terminal (or it does not say): the width at which the output is laid
/// out as it always was.
fn output_width(otherwise: usize) -> usize {
    let reported = io::stdout()
        .is_terminal()
        .then(crossterm::terminal::size)
        .and_then(Result::ok)
        .map(|(w, _)| w);
    width_or(reported, otherwise)
}

/// The narrowest terminal believed: `stats` is laid out for 40 columns at
/// the least.
const MIN_WIDTH: usize = 40;

/// The width to lay text out for: the terminal's `reported` one, unless it
/// reports none, 0 (`script -qc`, some `docker -t` and CI terminals, whose
/// `stty size` says `0 0`) or one too narrow to be real; then `otherwise`.
fn width_or(reported: Option<u16>, otherwise: usize) -> usize {
    reported
        .map(usize::from)
        .filter(|&w| w >= MIN_WIDTH)
        .unwrap_or(otherwise)
}

thread_local! {
    /// How many control characters [`stdout`] showed as `�`.
    static CONTROLS_SHOWN: Rc<Cell<usize>> = Rc::default();
}

/// Standard output for a command's results, buffered. On a terminal,
/// control characters from the export (an escape sequence in a name) are
/// shown as `�` instead of acting on it; a file or a pipe gets them as
/// they are.
fn stdout() -> io::BufWriter<Box<dyn Write>> {
    let out = io::stdout();
    io::BufWriter::new(if out.is_terminal() {
        Box::new(report::ShowControls::new(
            out.lock(),
            CONTROLS_SHOWN.with(Rc::clone),
        ))
    } else {
        Box::new(out.lock())
    })
}

/// Output to a closed pipe (`| head`) ends the command quietly, as in other
/// Unix tools; other write errors (a full disk) are failures that say so.
fn output<T>(result: io::Result<T>) -> Result<T, Failure> {
    match result {
        Err(e) if is_closed_pipe(&e) => std::process::exit(0),
        other => other.map_err(|e| Failure(format!("cannot write the output: {e}"))),
    }
}

/// Whether a write failed because the reader went away (`| head`). Windows
/// says so as `ERROR_NO_DATA` (std's `BrokenPipe`) or, from some pipes
/// (Wine's among them), `ERROR_PIPE_NOT_CONNECTED`, which std leaves
/// uncategorised.
fn is_closed_pipe(e: &io::Error) -> bool {
    const ERROR_PIPE_NOT_CONNECTED: i32 = 233;
    e.kind() == io::ErrorKind::BrokenPipe
        || (cfg!(windows) && e.raw_os_error() == Some(ERROR_PIPE_NOT_CONNECTED))
}

/// Loads and classifies an export, telling the user on stderr about rows that
/// were skipped and anything else worth knowing; fails when rows were there
/// but none could be read.
fn load(source: Source, config: &Config) -> Result<Import, Failure> {
    load_with(&source, config, import::load_classified)
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
    now: chrono::NaiveDateTime,
    stale_days: u32,
) -> Result<(), Failure> {
    let written = if json {
        report::stats_json(out, import, b, direction, stale, now)
    } else {
        report::stats_text(
            out,
            import,
            b,
            direction,
            stale,
            now,
            stale_days,
            output_width(100),
        )
    };
    output(written)
}

/// Marks the stale sent invitations that the triage screen marked to
/// withdraw.
fn mark_withdrawals(stale: &mut [stats::Stale<'_>], journal: Option<&Journal>) {
    let Some(journal) = journal else {
        return;
    };
    let now = now();
    for s in stale {
        s.to_withdraw = journal
            .decided(s.inv, now)
            .is_some_and(|d| d.decision == invitriage::journal::Decision::Withdrawn);
    }
}

/// [`load`] with the reading chosen: whole invitations or only their facts.
fn load_with<T: import::Item>(
    source: &Source,
    config: &Config,
    read: impl FnOnce(&Source, import::Classify<'_>) -> Result<Import<T>, import::ImportError>,
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
    let import = read(source, &classify)?;
    const SHOWN: usize = 20;
    for row in import.skipped.iter().take(SHOWN) {
        say!(
            "invitriage: warning: {}: {row} (row skipped)",
            import.origin
        );
    }
    if import.skipped.len() > SHOWN {
        let more = import.skipped.len() - SHOWN;
        say!(
            "invitriage: warning: {}: {more} more unreadable row{} skipped",
            import.origin,
            text::plural(more)
        );
    }
    for notice in import.notices() {
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

/// Says, before FILE `-` is read from a terminal, that the program waits
/// for typing, and how to end it; without it the program seems to hang.
/// Piped input needs no word.
fn announce_stdin() {
    #[cfg(windows)]
    const END: &str = "Ctrl-Z, then Enter";
    #[cfg(not(windows))]
    const END: &str = "Ctrl-D";
    if io::stdin().is_terminal() {
        say!("invitriage: reading standard input (end with {END})");
    }
}

/// The current local time; `INVITRIAGE_NOW` (ISO 8601) pins it for
/// reproducible output in tests and screenshots.
fn now() -> chrono::NaiveDateTime {
    std::env::var("INVITRIAGE_NOW")
        .ok()
        .and_then(|s| import::parse_sent_at(&s))
        .unwrap_or_else(|| chrono::Local::now().naive_local())
}

/// The command line as the completion scripts see it. `clap_complete` offers
/// hidden subcommands too (clap-rs/clap#1335), and a clap `Command` cannot
/// drop one, so the root is put together again from its own arguments and
/// its visible subcommands.
fn completion_command(with_file: bool) -> clap::Command {
    let full = Cli::command();
    let mut root = clap::Command::new("invitriage")
        .version(env!("CARGO_PKG_VERSION"))
        .args(
            full.get_arguments()
                .filter(|a| with_file || a.get_id() != "file")
                .cloned(),
        )
        .subcommands(full.get_subcommands().filter(|c| !c.is_hide_set()).cloned());
    if let Some(about) = full.get_about() {
        root = root.about(about.clone());
    }
    if let Some(about) = full.get_long_about() {
        root = root.long_about(about.clone());
    }
    root
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

    /// A terminal that says it is 0 columns wide (or 1, or 39) is not
    /// believed: the output keeps its usual width instead of one
    /// character per line.
    #[test]
    fn a_terminal_width_of_zero_or_too_few_columns_is_unknown() {
        assert_eq!(width_or(Some(0), 100), 100);
        assert_eq!(width_or(Some(1), 100), 100);
        assert_eq!(width_or(Some(39), 120), 120);
        assert_eq!(width_or(None, 100), 100);
        assert_eq!(width_or(Some(40), 100), 40);
        assert_eq!(width_or(Some(80), 120), 80);
        assert_eq!(width_or(Some(250), 100), 250);
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

    /// The command named on leaving reads the same journal and config as
    /// the run did.
    #[test]
    fn the_export_command_keeps_the_config_and_data_dir_given() {
        let paths = |config: bool, data: bool| Paths {
            config_file: PathBuf::from("c.toml"),
            config_required: config,
            data_dir: PathBuf::from("/tmp/my data"),
            data_dir_chosen: data,
        };
        let file = Source::Path(PathBuf::from("my export.csv"));
        assert_eq!(
            export_command(&file, &paths(false, false)),
            "`invitriage export --format md 'my export.csv'`"
        );
        assert_eq!(
            export_command(&file, &paths(true, true)),
            "`invitriage export --config c.toml --data-dir '/tmp/my data' --format md 'my export.csv'`"
        );
        assert_eq!(
            export_command(&Source::Sample, &paths(false, true)),
            "`invitriage export --data-dir '/tmp/my data' --format md`"
        );
    }
}
