//! The `invitriage` command line: parse arguments, run a subcommand, map the
//! outcome to an exit status (0 fine, 1 a check that did not pass, 2 an error).
//! Each command's glue lives in `cli/`; the work itself in the library.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use invitriage::config::{Config, Paths};
use invitriage::export::{DraftsFormat, ExportFormat};
use invitriage::import::Source;
use invitriage::report::ClassifyFormat;
use invitriage::text;

/// `eprintln!` that cannot panic: a standard error that is closed, full or
/// a terminal gone away loses the message, and nothing else.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let said = format!($($arg)*);
        let _ = writeln!(std::io::stderr(), "{}", $crate::cli::output::escape_controls(&said));
    }};
}

mod cli;

use cli::args::{
    Cli, Command, TextOrJson, command_like, first_word, place_file, second_file, stray_check_option,
};
use cli::output::{CONTROLS_SHOWN, output, plain_stdout, stdout};

/// A failure to report: the message is already complete.
struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

fn main() -> ExitCode {
    // A write past a file-size limit (`ulimit -f`) raises SIGXFSZ, whose
    // default kills the process at once: the triage screen would leave
    // the terminal raw and its step unsaid. Caught, the write fails with
    // "File too large" instead, which every write already handles as it
    // does a full disk.
    #[cfg(unix)]
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    // `check` takes a note starting with a dash as the note, so a mistyped
    // option (`--jsno`) would be graded, or the note called an unexpected
    // argument: name the option instead.
    if let Some(flag) = stray_check_option(std::env::args_os().skip(1)) {
        // Built, so that the usage under the error is `check`'s own.
        let mut cli = Cli::command();
        cli.build();
        let check = cli
            .find_subcommand_mut("check")
            .expect("`check` is a command");
        // As clap's own tip for the other commands: the option meant.
        let typed = flag.split('=').next().unwrap_or(&flag).to_string();
        // The start of one first (`--js`); else one or two letters
        // amiss, but not in a flag of one or two (`--x` is no `--to`).
        let longs: Vec<String> = check
            .get_arguments()
            .filter_map(|a| a.get_long())
            .map(|long| format!("--{long}"))
            .collect();
        let meant = longs
            .iter()
            .find(|long| typed.len() > 3 && long.starts_with(&typed))
            .or_else(|| {
                longs
                    .iter()
                    .filter(|long| {
                        let edits = strsim::osa_distance(&typed, long);
                        typed.len() > 4 && (edits <= 2 || strsim::jaro_winkler(&typed, long) >= 0.9)
                    })
                    .min_by_key(|long| strsim::osa_distance(&typed, long))
            })
            .map_or(String::new(), |long| format!(": did you mean `{long}`?"));
        exit_with(check.error(
                clap::error::ErrorKind::UnknownArgument,
                format!(
                    "`{flag}` is not an option of `check`{meant} (see `invitriage help check`); a note that looks like an option goes after `--`: `invitriage check -- \"{flag} …\"`"
                ),
        ));
    }
    let mut cli = Cli::try_parse().unwrap_or_else(|e| {
        // A note in another encoding than UTF-8 (typed in a Latin-1
        // terminal): `check -` reads it, as Windows-1252.
        if e.kind() == clap::error::ErrorKind::InvalidUtf8
            && first_word(std::env::args_os().skip(1)).is_some_and(|w| w == "check")
        {
            let mut cli = Cli::command();
            cli.build();
            exit_with(cli.find_subcommand_mut("check")
                .expect("`check` is a command")
                .error(
                    clap::error::ErrorKind::InvalidUtf8,
                    "the note is not UTF-8 text; give it on standard input instead, which is read as Windows-1252 when it is not UTF-8: `… | invitriage check -`",
                ));
        }
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
            exit_with(Cli::command().error(
                    clap::error::ErrorKind::InvalidSubcommand,
                    format!(
                        "`{}` is not a command; did you mean `{command}`?",
                        first.to_string_lossy()
                    ),
                ));
        }
        let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
        if let Some(two) = second_file(&e, &args) {
            exit_with(two);
        }
        exit_with(e)
    });
    if let Err(e) = place_file(&mut cli) {
        exit_with(e);
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

/// Ends as clap's `exit` does, but help and the version written to a full
/// disk fail as any other output does (clap's `exit` ignores the error and
/// reports success).
fn exit_with(e: clap::Error) -> ! {
    // clap reads NO_COLOR and `TERM=dumb`, but not a monochrome `TERM`
    // (`xterm-mono`, `vt100`), where the screen draws no colour either.
    let colour = invitriage::tui::view::theme::colour_wanted(
        std::env::var_os("NO_COLOR").as_deref(),
        std::env::var_os("TERM").as_deref(),
    );
    if e.use_stderr() {
        // Every error starts `invitriage: error:`, clap's as ours, for a
        // script that looks for it.
        eprint!("invitriage: ");
        if colour {
            e.exit()
        }
        eprint!("{}", e.render());
        std::process::exit(e.exit_code())
    }
    use std::io::IsTerminal;
    // In colour on a terminal; elsewhere plain, through the handle that
    // reports a standard output not open for writing.
    let written = if colour && std::io::stdout().is_terminal() {
        e.print()
            .and_then(|()| std::io::Write::flush(&mut std::io::stdout()))
    } else {
        let mut out = plain_stdout();
        write!(out, "{}", e.render()).and_then(|()| out.flush())
    };
    match output(written) {
        Ok(()) => std::process::exit(0),
        Err(Failure(msg)) => {
            say!("invitriage: error: {msg}");
            std::process::exit(2)
        }
    }
}

/// Writes a synthetic export (reads no config).
fn generate(rows: usize, seed: u64) -> Result<ExitCode, Failure> {
    output(invitriage::synth::write(plain_stdout(), rows, seed))?;
    Ok(ExitCode::SUCCESS)
}

/// Runs the command the arguments name.
fn run(cli: Cli) -> Result<ExitCode, Failure> {
    // Completions need no config: a broken one must not stop their install.
    // Nor does a synthetic export.
    match cli.command {
        Some(Command::Completions { shell }) => return cli::completions::completions(shell),
        Some(Command::Generate { rows, seed }) => return generate(rows, seed),
        _ => {}
    }
    let paths = Paths::resolve(cli.global.config.clone(), cli.global.data_dir.clone());
    // `[keys]` and `[templates]` are checked for every command, so that a
    // mistake in them shows up at once (with its line), not only when the
    // screen that uses them opens.
    let (config, (keymap, templates)) =
        Config::load(&paths.config_file, paths.config_required, cli::load::usable)?;
    if !paths.config_required && invitriage::config::out_of_sight(&paths.config_file) {
        say!(
            "invitriage: note: {}: cannot be looked at (permission denied); going on without a config file",
            text::shown_path(&paths.config_file)
        );
    }
    let json_if = |json: bool, format: TextOrJson| json || format == TextOrJson::Json;
    match cli.command {
        Some(Command::Stats {
            file,
            json,
            format,
            direction,
        }) => cli::stats::run(
            &Source::from_arg(file),
            json_if(json, format),
            direction,
            &config,
            &paths,
        ),
        Some(Command::Classify {
            file,
            format,
            json,
            direction,
        }) => {
            let format = if json { ClassifyFormat::Json } else { format };
            cli::classify::run(Source::from_arg(file), format, direction, &config, &paths)
        }
        Some(Command::Export {
            file,
            format,
            json,
            since,
        }) => {
            let format = if json { ExportFormat::Json } else { format };
            cli::export::export(Source::from_arg(file), format, since, &config, &paths)
        }
        Some(Command::Drafts {
            file,
            format,
            json,
            since,
        }) => {
            let format = if json { DraftsFormat::Json } else { format };
            cli::export::drafts(Source::from_arg(file), format, since, &config, &paths)
        }
        Some(Command::MarkSent { ids, not, sample }) => {
            cli::mark_sent::run(&ids, not, sample, &paths)
        }
        Some(Command::Check {
            note,
            to,
            from,
            json,
            format,
        }) => cli::check::run(note, &to, from, json_if(json, format), &config),
        Some(Command::Lists { list }) => {
            output(cli::lists::write_lists(
                stdout(),
                &config.classify,
                list,
                &paths.config_file,
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Completions { shell }) => cli::completions::completions(shell),
        Some(Command::Generate { rows, seed }) => generate(rows, seed),
        None => cli::triage::triage(
            Source::from_arg(cli.file),
            &config,
            &paths,
            keymap,
            templates,
        ),
    }
}
