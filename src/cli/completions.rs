//! `invitriage completions SHELL`.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use super::args::Cli;
use super::output::{output, plain_stdout};
use crate::Failure;

/// Prints the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Result<ExitCode, Failure> {
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
    let mut out = plain_stdout();
    output(out.write_all(&script).and_then(|()| out.flush()))?;
    Ok(ExitCode::SUCCESS)
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
