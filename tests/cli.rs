//! The command line end to end: `stats` and `classify` over real files —
//! CSV in every encoding LinkedIn or a spreadsheet may produce, the export
//! `.zip`, and every kind of bad input — driving the built binary.
//!
//! Each command runs in its own temporary directory, with `HOME`,
//! `XDG_CONFIG_HOME` and `INVITRIAGE_DATA_DIR` pointing into it (so no real
//! configuration or journal is read or written) and `INVITRIAGE_NOW` pinned.
//! Files are named relative to that directory, so messages are predictable.
//!
//! The classifier is tested on its own; here only what the specification
//! makes certain is asserted about categories (an empty note is `default`).

use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const HEADER: &str = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl";
const ME: &str = "https://www.linkedin.com/in/colleen-ruiz-5e1a0c";

/// A temporary home for one test: files and the command's environment.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temporary directory");
        for sub in ["home", "config", "data"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        Env { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file into the test's directory; returns its name.
    fn file<'a>(&self, name: &'a str, bytes: impl AsRef<[u8]>) -> &'a str {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, bytes).unwrap();
        name
    }

    fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// [`cmd`](Self::cmd) as the standard library's, for tests that choose
    /// where its output goes.
    fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_invitriage"));
        cmd.current_dir(self.dir.path())
            .env("HOME", self.path("home"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("INVITRIAGE_DATA_DIR", self.path("data"))
            .env("INVITRIAGE_NOW", "2026-11-25T12:00:00")
            // An offset in `Sent At` converts to local time: the tests' is UTC.
            .env("TZ", "UTC")
            .env_remove("COLUMNS")
            .env_remove("RUST_BACKTRACE");
        cmd
    }

    /// Runs the command; returns (exit code, stdout, stderr).
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.cmd().args(args).output().expect("the binary runs");
        let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
        let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
        assert!(!stderr.contains("panicked"), "{args:?} panicked:\n{stderr}");
        (out.status.code().expect("an exit code"), stdout, stderr)
    }

    /// `stats --json --direction all` on a file that must load.
    fn stats(&self, file: &str) -> (Value, String) {
        let (code, stdout, stderr) = self.run(&["stats", file, "--json", "--direction", "all"]);
        assert_eq!(code, 0, "{stderr}");
        (
            serde_json::from_str(&stdout).expect("stats --json prints JSON"),
            stderr,
        )
    }

    /// `classify --format json` on a file that must load.
    fn classify(&self, file: &str) -> (Vec<Value>, String) {
        let (code, stdout, stderr) = self.run(&["classify", file, "--format", "json"]);
        assert_eq!(code, 0, "{stderr}");
        let v: Value = serde_json::from_str(&stdout).expect("classify --format json prints JSON");
        (v.as_array().expect("an array").clone(), stderr)
    }

    /// A command that must fail with exit status 2 and nothing on stdout;
    /// returns its stderr.
    fn fails(&self, args: &[&str]) -> String {
        let (code, stdout, stderr) = self.run(args);
        assert_eq!(code, 2, "{args:?} should fail:\n{stderr}");
        assert_eq!(stdout, "", "{args:?} printed to stdout");
        stderr
    }
}

/// One row of an export, its fields in LinkedIn's column order.
type Row<'a> = [&'a str; 7];

/// An incoming invitation to Colleen, from `from` (profile `inviter`).
fn incoming<'a>(from: &'a str, inviter: &'a str, note: &'a str) -> Row<'a> {
    [
        from,
        "Colleen Ruiz",
        "11/21/26, 4:02 PM",
        note,
        "INCOMING",
        inviter,
        ME,
    ]
}

/// A well-formed export (written by the `csv` crate, quoting as needed).
fn export(header: &str, rows: &[Row<'_>]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for row in rows {
        w.write_record(row).unwrap();
    }
    let body = String::from_utf8(w.into_inner().unwrap()).unwrap();
    format!("{header}\n{body}")
}

fn url(slug: &str) -> String {
    format!("https://www.linkedin.com/in/{slug}")
}

fn three_rows() -> String {
    let (a, b, c) = (url("abena-reyes"), url("mihai-sato"), url("pilar-sandoval"));
    export(
        HEADER,
        &[
            incoming("Abena Reyes", &a, ""),
            incoming("Mihai Sato", &b, "Hi Colleen, let's connect."),
            [
                "Pilar Sandoval",
                "Colleen Ruiz",
                "11/19/26, 9:15 AM",
                "",
                "OUTGOING",
                ME,
                &c,
            ],
        ],
    )
}

fn field<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("{key} in {v}"))
}

fn froms(invitations: &[Value]) -> Vec<&str> {
    invitations.iter().map(|i| field(i, "from")).collect()
}

fn lines(invitations: &[Value]) -> Vec<u64> {
    invitations
        .iter()
        .map(|i| i["line"].as_u64().unwrap())
        .collect()
}

fn skipped_lines(stats: &Value) -> Vec<u64> {
    stats["skipped_rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["line"].as_u64().unwrap())
        .collect()
}

// ---------------------------------------------------------------------------
// The command line itself

#[test]
fn help_and_version() {
    let env = Env::new();
    for args in [
        &["--help"][..],
        &["-h"],
        &["stats", "--help"],
        &["classify", "--help"],
        &["help", "stats"],
    ] {
        env.cmd()
            .args(args)
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage: invitriage"))
            .stderr("");
    }
    env.cmd()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("invitriage {}\n", env!("CARGO_PKG_VERSION")));
    env.cmd()
        .arg("--help")
        .assert()
        .stdout(predicate::str::contains("Exit status: 0 on success;"));
    env.cmd()
        .args(["classify", "--help"])
        .assert()
        .stdout(predicate::str::contains("--format").and(predicate::str::contains("csv")));
    env.cmd()
        .args(["stats", "--help"])
        .assert()
        .stdout(predicate::str::contains("--direction").and(predicate::str::contains("--json")));
    // A command's own options first; the ones every command takes apart,
    // after them.
    let out = env.cmd().args(["stats", "--help"]).output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    let (own, global) = help.split_once("\nGlobal options:\n").expect(&help);
    assert!(
        own.contains("--direction") && !own.contains("--config"),
        "{help}"
    );
    assert!(
        global.contains("--config") && global.contains("--data-dir"),
        "{help}"
    );
    // What the README says of each, `--help` says too.
    // Its lines joined, as wrapped for the width.
    let help = |args: &[&str]| {
        let out = env.cmd().args(args).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    for command in ["stats", "check"] {
        let text = help(&[command, "--help"]);
        assert!(text.contains("[default: text]"), "{command}: {text}");
    }
    let text = help(&["mark-sent", "--help"]);
    assert!(
        text.contains("Exit status 0 when every id was marked")
            && text.contains("1 when one has nothing to mark")
            && text.contains("2 on an error"),
        "{text}"
    );
    let text = help(&["completions", "--help"]);
    assert!(text.contains("<SHELL> The shell to complete for"), "{text}");
    let text = help(&["-h"]);
    assert!(text.contains("`-` for standard input"), "{text}");
}

#[test]
fn a_bad_option_is_a_usage_error() {
    let env = Env::new();
    env.cmd()
        .args(["stats", "--direction", "sideways"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sideways"));
    env.cmd()
        .args(["classify", "--format", "xml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("xml"));
    // A misspelt command before a FILE is named as one.
    env.file("base.csv", three_rows());
    env.cmd()
        .args(["exprt", "base.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "invitriage: error: `exprt` is not a command; did you mean `export`?",
        ));
    for args in [
        &["--data-dir", "elsewhere", "exprt", "base.csv"][..],
        &["--config=c.toml", "chek", "hello"],
    ] {
        let err = env.fails(args);
        assert!(
            err.contains("is not a command; did you mean"),
            "{args:?}: {err}"
        );
        // The options given are not shown as if required.
        assert!(
            err.contains("Usage: invitriage [OPTIONS] [FILE] [COMMAND]"),
            "{args:?}: {err}"
        );
    }
    // After `help`, the word to correct is the one after it.
    assert!(
        env.fails(&["help", "stat"])
            .starts_with("invitriage: error: `stat` is not a command; did you mean `stats`?"),
        "help stat"
    );
    // A word after FILE is a second FILE (`a_file_before_the_command_is_
    // the_commands_file` has the others).
    env.cmd()
        .args(["stats", "base.csv", "extra"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "two FILEs after `stats`: `base.csv` and `extra`; give one",
        ));
}

/// `invitriage my.csv stats`, which the usage line (`[FILE] [COMMAND]`)
/// allows: the FILE is the command's, never silently dropped for the
/// sample; two FILEs, or one for a command that reads none, are refused.
#[test]
fn a_file_before_the_command_is_the_commands_file() {
    let env = Env::new();
    let file = env.file("a.csv", three_rows());
    let (code, out, err) = env.run(&[file, "stats", "--json", "--direction", "all"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["total"], 3, "{out}");
    assert!(!err.contains("sample"), "{err}");
    let (code, out, err) = env.run(&[file, "classify", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3, "{out}");
    for command in ["export", "drafts"] {
        let (code, out, err) = env.run(&[file, command]);
        assert_eq!(code, 0, "{err}");
        assert!(!err.contains("sample"), "{command}: {err}");
        if command == "drafts" {
            // Not "no drafts" beside a note on an unsaved one; and no key
            // named, which `[keys]` may have moved.
            assert!(
                out.contains("No saved drafts yet: open a reply or a thank-you"),
                "{out}"
            );
        }
    }
    let (_, _, err) = env.run(&[file, "export"]);
    assert!(err.contains("from a.csv"), "{err}");

    env.file("b.csv", three_rows());
    let err = env.fails(&[file, "stats", "b.csv"]);
    assert!(
        err.contains(
            "error: two FILEs: `a.csv` before `stats` and `b.csv` after it; give one, after the command: `invitriage stats b.csv`"
        ),
        "{err}"
    );
    assert!(err.contains("Usage: invitriage"), "{err}");
    // Two after the command, or two with none: the same usage error, not
    // clap's "unexpected argument".
    for (args, said) in [
        (
            &["stats", file, "b.csv"][..],
            "two FILEs after `stats`: `a.csv` and `b.csv`; give one: `invitriage stats a.csv`",
        ),
        (
            &[file, "b.csv"],
            "two FILEs: `a.csv` and `b.csv`; give one: `invitriage a.csv`",
        ),
        // The one there is the one to give, and `-` is standard input.
        (
            &["triage", file],
            "two FILEs: `triage` and `a.csv`; give one: `invitriage a.csv` (`triage` is no file, nor a command)",
        ),
        (
            &["-", file],
            "two FILEs: `-` and `a.csv`; give one: `invitriage -`",
        ),
        (
            &["stats", file, "-"],
            "two FILEs after `stats`: `a.csv` and `-`; give one: `invitriage stats a.csv`",
        ),
        (
            &[file, file],
            "two FILEs: `a.csv` and `a.csv`; give one: `invitriage a.csv`",
        ),
        (
            &["classify", "--format", "csv", file, "b.csv"],
            "two FILEs after `classify`: `a.csv` and `b.csv`; give one: `invitriage classify a.csv`",
        ),
    ] {
        let err = env.fails(args);
        assert!(
            err.starts_with(&format!("invitriage: error: {said}\n")),
            "{args:?}: {err}"
        );
        assert!(err.contains("Usage: invitriage"), "{err}");
    }
    // Not a FILE too many: an option, and a NOTE's extra word.
    let err = env.fails(&["stats", file, "--jsn"]);
    assert!(err.contains("unexpected argument '--jsn'"), "{err}");
    let (code, _, err) = env.run(&["check", "Hi", "there"]);
    assert_eq!(code, 2);
    assert!(err.contains("unexpected argument 'there'"), "{err}");

    for (args, takes) in [
        (&[file, "check", "Hi"][..], "(it grades a NOTE)"),
        (&[file, "completions", "bash"], "(it takes a SHELL)"),
    ] {
        let err = env.fails(args);
        let command = args[1];
        assert!(
            err.contains(&format!(
                "error: `a.csv` before `{command}`: `{command}` reads no file {takes}; to read it, `invitriage a.csv` opens the triage screen and `invitriage stats a.csv` prints its breakdown"
            )),
            "{args:?}: {err}"
        );
    }
}

// ---------------------------------------------------------------------------
// The bundled sample

#[test]
fn without_a_file_every_output_says_it_is_the_sample() {
    let env = Env::new();
    let (code, text, _) = env.run(&["stats"]);
    assert_eq!(code, 0);
    assert!(
        text.lines().next().unwrap().starts_with("bundled sample"),
        "{text}"
    );

    let (code, json, stderr) = env.run(&["stats", "--json"]);
    assert_eq!(code, 0);
    // On stderr too, as every JSON output says it.
    assert!(stderr.contains("bundled sample"), "{stderr}");
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["sample"], true);
    assert_eq!(json["source"], "bundled sample");
    assert!(json["total"].as_u64().unwrap() > 0);

    let (code, table, _) = env.run(&["classify"]);
    assert_eq!(code, 0);
    assert!(
        table.lines().next().unwrap().starts_with("bundled sample"),
        "{table}"
    );
    // A row you sent names whom you sent it to, under FROM.
    assert!(
        table.contains("  default                              to Karim Petrov\n"),
        "{table}"
    );

    for format in ["csv", "json"] {
        let (code, out, stderr) = env.run(&["classify", "--format", format]);
        assert_eq!(code, 0);
        assert!(stderr.contains("bundled sample"), "{format}: {stderr}");
        assert!(
            !out.contains("bundled sample"),
            "{format} output stays machine-readable"
        );
    }
}

/// With no FILE, standard input is not read: when something is piped to
/// it (or it is a file with something in it), the note that the sample is
/// shown says so, and how to read it; a terminal or `/dev/null` gets the
/// note alone.
#[test]
fn without_a_file_piped_input_is_said_to_be_unread() {
    let env = Env::new();
    let unread = |command: &str| {
        format!(
            "invitriage: no file given: this is the bundled sample; standard input is not read without FILE `-`: `… | invitriage {command} -`\n"
        )
    };
    for args in [
        &["stats"][..],
        &["stats", "--json"],
        &["stats", "--direction", "all"],
    ] {
        let out = env
            .cmd()
            .args(args)
            .write_stdin(three_rows())
            .output()
            .unwrap();
        assert!(out.status.success());
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            unread("stats"),
            "{args:?}"
        );
    }
    for command in ["classify", "export", "drafts"] {
        let out = env
            .cmd()
            .arg(command)
            .write_stdin(three_rows())
            .output()
            .unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.starts_with(&unread(command)) || err.contains(&format!("\n{}", unread(command))),
            "{command}: {err}"
        );
    }
    // A file given as standard input, not empty; and an empty one.
    let file = env.file("a.csv", three_rows());
    let empty = env.file("empty.csv", "");
    for (name, said) in [(file, unread("stats")), (empty, "".to_string())] {
        let out = env
            .std_cmd()
            .arg("stats")
            .stdin(std::fs::File::open(env.path(name)).unwrap())
            .output()
            .unwrap();
        assert_eq!(String::from_utf8(out.stderr).unwrap(), said, "{name}");
    }
    // `/dev/null` (as `run` gives every command): nothing to read there.
    let (_, _, err) = env.run(&["stats", "--json"]);
    assert_eq!(
        err,
        "invitriage: no file given: this is the bundled sample\n"
    );
    // With `-`, it is read.
    let out = env
        .cmd()
        .args(["stats", "-", "--json"])
        .write_stdin(three_rows())
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["sample"], false);
}

#[test]
fn the_sample_loads_cleanly() {
    let env = Env::new();
    let (code, stdout, stderr) = env.run(&["stats", "--json", "--direction", "all"]);
    assert_eq!(code, 0);
    assert_eq!(
        stderr, "invitriage: no file given: this is the bundled sample\n",
        "the sample needs no warnings"
    );
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["skipped_rows"].as_array().unwrap().len(), 0);
    assert_eq!(json["duplicates"], 0);
}

// ---------------------------------------------------------------------------
// stats

#[test]
fn stats_json_counts_by_direction_and_category() {
    let env = Env::new();
    let file = env.file("Invitations.csv", three_rows());
    let count = |direction: &str| {
        let (code, stdout, stderr) = env.run(&["stats", file, "--json", "--direction", direction]);
        assert_eq!(code, 0, "{stderr}");
        let v: Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(v["sample"], false);
        assert_eq!(v["direction"], direction);
        let by = v["by_category"].as_object().unwrap();
        let mut keys: Vec<&str> = by.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["customised", "default", "greeting-only"]);
        let sum: u64 = by.values().map(|n| n.as_u64().unwrap()).sum();
        assert_eq!(sum, v["total"].as_u64().unwrap());
        v
    };
    assert_eq!(count("incoming")["total"], 2);
    assert_eq!(count("outgoing")["total"], 1);
    let all = count("all");
    assert_eq!(all["total"], 3);
    // The outgoing row and Abena's have no note: `default` for certain.
    assert!(all["by_category"]["default"].as_u64().unwrap() >= 2);
    assert_eq!(all["no_note"], 2);
    // Incoming is the default.
    let (_, stdout, _) = env.run(&["stats", file, "--json"]);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["total"], 2);
}

/// Two exports joined, a person who invited again with no note: `stats`
/// counts them once, as the later invitation (the one pending), as the
/// triage screen does.
#[test]
fn stats_keeps_the_later_of_two_repeats() {
    let env = Env::new();
    let d = url("dmitri-volkov");
    let mut first = incoming("Dmitri Volkov", &d, "");
    first[2] = "10/2/26, 9:00 AM";
    let again = incoming("Dmitri Volkov", &d, "");
    let file = env.file("Invitations.csv", export(HEADER, &[first, again]));
    let (code, stdout, stderr) = env.run(&["stats", file, "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["total"], 1);
    assert_eq!(v["oldest"], "2026-11-21T16:02:00");
    assert_eq!(v["by_month"][0]["month"], "2026-11");
    assert!(
        stderr.contains(
            "line 2 repeats line 3); of two sent at different times, the later is the one kept"
        ),
        "{stderr}"
    );
}

#[test]
fn stats_text_names_the_file_and_counts() {
    let env = Env::new();
    let file = env.file("Invitations.csv", three_rows());
    env.cmd()
        .args(["stats", file, "--direction", "all"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Invitations.csv\n3 invitations: ",
        ))
        .stderr("");
}

#[test]
fn stats_of_an_export_with_none_the_asked_way_says_where_they_are() {
    let env = Env::new();
    let mut row = incoming("Colleen Ruiz", ME, "Hi Sam");
    row[1] = "Sam Lee";
    row[4] = "OUTGOING";
    let file = env.file("Invitations.csv", export(HEADER, &[row]));
    env.cmd()
        .args(["stats", file])
        .assert()
        .success()
        .stdout(predicate::str::ends_with(
            "its one invitation is one you sent: `--direction outgoing` counts it\n",
        ));
    // The other rows skipped: standard output says so too, not only the
    // warnings on standard error.
    let ann = url("ann");
    let mut bad = incoming("Ann Lee", &ann, "Hi");
    bad[4] = "RECEIVED";
    let file = env.file("Skipped.csv", export(HEADER, &[row, bad, bad]));
    env.cmd()
        .args(["stats", file])
        .assert()
        .success()
        .stdout(predicate::str::ends_with(
            "its one invitation read is one you sent: `--direction outgoing` counts it\n  \
             skipped 2 unreadable rows (listed on stderr)\n",
        ));
    let (a, b) = (url("a"), url("b"));
    let rows = [incoming("A", &a, ""), incoming("B", &b, "Hi Colleen")];
    let file = env.file("In.csv", export(HEADER, &rows));
    env.cmd()
        .args(["stats", file, "--direction", "outgoing"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "its 2 invitations are all ones you received: `--direction incoming` counts them",
        ));
}

// ---------------------------------------------------------------------------
// The CSV layer

#[test]
fn columns_are_found_by_name_with_bom_crlf_and_awkward_notes() {
    let env = Env::new();
    let priya = url("priya-n");
    let text = format!(
        "\u{feff}Direction,Sent At,inviteeProfileUrl,Extra Column,Message,To,inviterProfileUrl,From\r\n\
         INCOMING,\"7/8/26, 3:43 PM\",{ME},\"ignored, \"\"really\"\"\",\"Hi Colleen, we met at \"\"RustConf\"\";\r\nsee you,\r\nPriya\",Colleen Ruiz,{priya},Priya Nair\r\n"
    );
    let file = env.file("Invitations.csv", &text);
    let (invitations, stderr) = env.classify(file);
    assert_eq!(stderr, "");
    assert_eq!(invitations.len(), 1);
    let inv = &invitations[0];
    assert_eq!(field(inv, "from"), "Priya Nair");
    assert_eq!(field(inv, "to"), "Colleen Ruiz");
    assert_eq!(field(inv, "direction"), "incoming");
    assert_eq!(field(inv, "sent_at"), "2026-07-08T15:43:00");
    assert_eq!(field(inv, "inviter_profile_url"), priya);
    assert_eq!(field(inv, "invitee_profile_url"), ME);
    assert_eq!(
        field(inv, "message"),
        "Hi Colleen, we met at \"RustConf\";\r\nsee you,\r\nPriya"
    );
    assert_eq!(inv["line"], 2);
    let (stats, _) = env.stats(file);
    assert_eq!(stats["encoding"], "UTF-8 (with BOM)");
}

#[test]
fn sent_at_in_every_form() {
    let env = Env::new();
    let mut rows = Vec::new();
    let forms = [
        ("7/8/26, 3:43 PM", "2026-07-08T15:43:00"),
        ("12/31/2025, 12:05 AM", "2025-12-31T00:05:00"),
        ("7/8/26, 3:43\u{202f}PM", "2026-07-08T15:43:00"),
        ("2026-07-08T15:43:00", "2026-07-08T15:43:00"),
        ("2026-07-08 15:43:00 UTC", "2026-07-08T15:43:00"),
        ("2026-07-08T15:43:00+02:00", "2026-07-08T13:43:00"),
        ("2026-07-31T23:30:00-0500", "2026-08-01T04:30:00"),
    ];
    let urls: Vec<String> = (0..forms.len()).map(|i| url(&format!("p{i}"))).collect();
    for ((sent_at, _), u) in forms.iter().zip(&urls) {
        rows.push([
            "A B",
            "Colleen Ruiz",
            *sent_at,
            "",
            "INCOMING",
            u.as_str(),
            ME,
        ]);
    }
    let file = env.file("Invitations.csv", export(HEADER, &rows));
    let (invitations, stderr) = env.classify(file);
    assert_eq!(stderr, "");
    let got: Vec<&str> = invitations.iter().map(|i| field(i, "sent_at")).collect();
    let want: Vec<&str> = forms.iter().map(|f| f.1).collect();
    assert_eq!(got, want);
}

/// Spreadsheet dates with no day over 12 that month first would put after
/// the time of reading (`INVITRIAGE_NOW`, 25 November 2026) are read day
/// first, by `stats` (which reads only counts) and `classify` alike, and
/// the note names the line that tells; a day later, they would not be.
#[test]
fn dates_month_first_would_put_in_the_future_are_read_day_first() {
    let env = Env::new();
    let rows = [
        [
            "Ana Lee",
            "Colleen Ruiz",
            "12/03/2026 10:00",
            "",
            "INCOMING",
            &url("ana"),
            ME,
        ],
        [
            "Bo Lee",
            "Colleen Ruiz",
            "04/11/2026 09:15",
            "",
            "INCOMING",
            &url("bo"),
            ME,
        ],
    ];
    let file = env.file("Invitations.csv", export(HEADER, &rows));
    let note = "invitriage: note: Invitations.csv: Sent At of 2 rows is written as a spreadsheet writes dates, not as LinkedIn does, and no day is over 12 to tell day from month: read day first, as month first would put some in the future (line 2: 12/03/2026 read as 12 March 2026, not 3 December 2026)\n";
    let (code, stdout, stderr) = env.run(&["stats", "--json", file]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, note);
    let stats: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(stats["newest"], "2026-11-04T09:15:00");
    let (invitations, stderr) = env.classify(file);
    assert_eq!(stderr, note);
    let sent: Vec<&str> = invitations.iter().map(|i| field(i, "sent_at")).collect();
    assert_eq!(sent, ["2026-03-12T10:00:00", "2026-11-04T09:15:00"]);
    // On 2 December, 3 December is no longer the future.
    let out = env
        .cmd()
        .env("INVITRIAGE_NOW", "2026-12-02T12:00:00")
        .args(["classify", "--format", "json", file])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(": read month first,"), "{stderr}");
}

/// A `Sent At` whose local clock time falls off the end of the calendar
/// the program knows (year 262142, read nine hours east of UTC) is a bad
/// date for that row, not a panic; a decision dated there in a doctored
/// journal is skipped the same way.
#[test]
fn a_date_at_the_end_of_time_is_a_bad_date_not_a_panic() {
    let env = Env::new();
    let far = "+262142-12-31T23:59:59Z";
    let rows = [
        [
            "Ana Lee",
            "Colleen Ruiz",
            far,
            "Hi",
            "INCOMING",
            &url("ana"),
            ME,
        ],
        [
            "Bo Lee",
            "Colleen Ruiz",
            "2026-07-08T15:43:00Z",
            "Hi",
            "INCOMING",
            &url("bo"),
            ME,
        ],
    ];
    let file = env.file("Invitations.csv", export(HEADER, &rows));
    // A POSIX zone (no tz database needed): UTC+9.
    let out = env
        .cmd()
        .env("TZ", "JST-9")
        .args(["stats", "--json", file])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!("line 2: Sent At is `{far}`; expected a date")),
        "{stderr}"
    );
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["total"], 1);

    // In this zone too: a year no export can hold.
    let (invitations, stderr) = env.classify(file);
    assert!(
        stderr.contains("line 2: Sent At is `+262142-12-31T23:59:59Z`, in the year 262142; expected a date from 2003"),
        "{stderr}"
    );
    assert_eq!(invitations.len(), 1);
    let id = field(&invitations[0], "id").to_string();
    env.file(
        "data/journal.jsonl",
        format!(
            "{{\"v\":1,\"at\":\"+262142-12-31T23:00:00\",\"op\":\"decide\",\"ids\":[\"{id}\"],\"decision\":\"accepted\"}}\n"
        ),
    );
    let (code, md, stderr) = env.run(&["export", "--format", "md", file]);
    assert_eq!(code, 0, "{stderr}");
    assert!(md.contains("## Accept (1)"), "{md}");
}

/// A decided row that a later copy of the export cannot read (its date
/// damaged) is not counted with the decisions "answered on LinkedIn since":
/// its line is named, with what to do. The accept would otherwise never be
/// done.
#[test]
fn a_decision_on_a_line_that_cannot_be_read_is_named() {
    let env = Env::new();
    let good = |name: &str, slug: &str, at: &str| {
        format!(
            "{name},Colleen Ruiz,\"{at}\",,INCOMING,https://www.linkedin.com/in/{slug},https://www.linkedin.com/in/colleen\n"
        )
    };
    let file = env.file(
        "Invitations.csv",
        format!(
            "{HEADER}\n{}{}",
            good("Ann Lee", "ann", "11/4/26, 3:43 PM"),
            good("Bo Chen", "bo", "11/5/26, 3:43 PM")
        ),
    );
    let (invitations, _) = env.classify(file);
    {
        use invitriage::journal::{Decision, Journal};
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let at = invitriage::import::parse_sent_at("2026-11-22T10:00").unwrap();
        for inv in &invitations {
            let id = inv["id"].as_str().unwrap().parse().unwrap();
            j.record_decision(&[id], Some(Decision::Accepted), at)
                .unwrap();
            j.record_draft(id, invitriage::journal::DraftKind::ThankYou, "Thanks!", at)
                .unwrap();
        }
    }
    let damaged = env.file(
        "damaged.csv",
        format!(
            "{HEADER}\n{}{}",
            good("Ann Lee", "ann", "11/4/26, 3:43 XM"),
            good("Bo Chen", "bo", "11/5/26, 3:43 PM")
        ),
    );
    let (code, md, stderr) = env.run(&["export", "--format", "md", damaged]);
    assert_eq!(code, 0, "{stderr}");
    assert!(md.contains("## Accept (1)"), "{md}");
    assert!(
        stderr.contains("invitriage: note: 1 decision is not listed, as its line could not be read (see above): line 2 (accepted); mend it or use the export as LinkedIn sent it"),
        "{stderr}"
    );
    assert!(!stderr.contains("answered or withdrawn"), "{stderr}");
    let (code, _, stderr) = env.run(&["drafts", damaged]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("invitriage: note: a line that could not be read (see above) holds a draft, not listed: line 2 (accepted); mend it"),
        "{stderr}"
    );
    // Neither list offers the thank-you of an accept not done: it is not
    // "accepted, no longer pending".
    let (_, drafts, _) = env.run(&["drafts", "--format", "json", damaged]);
    let v: Value = serde_json::from_str(&drafts).unwrap();
    assert_eq!(v["drafts"].as_array().unwrap().len(), 1, "{drafts}");
    // With every draft on such a row, the list does not say there is none.
    let both = env.file(
        "both.csv",
        format!(
            "{HEADER}\n{}{}{}",
            good("Ann Lee", "ann", "11/4/26, 3:43 XM"),
            good("Bo Chen", "bo", "11/5/26, 3:43 XM"),
            good("Cy Dee", "cy", "11/6/26, 3:43 PM")
        ),
    );
    let (_, md, _) = env.run(&["drafts", both]);
    assert!(
        md.contains(
            "None listed: 2 saved drafts are on rows of this export that could not be read"
        ),
        "{md}"
    );
    assert!(!md.contains("Thank-yous to send"), "{md}");
}

#[test]
fn an_older_export_without_profile_urls_loads_with_a_notice() {
    let env = Env::new();
    let text = "From,To,Sent At,Message,Direction\n\
                Abena Reyes,Colleen Ruiz,\"11/21/26, 4:02 PM\",,INCOMING\n\
                Mihai Sato,Colleen Ruiz,\"11/20/26, 4:02 PM\",Hello,INCOMING\n";
    let file = env.file("Invitations.csv", text);
    let (stats, stderr) = env.stats(file);
    assert_eq!(stats["total"], 2);
    assert_eq!(
        stderr,
        "invitriage: note: Invitations.csv: no profile URL columns (an older export); invitations are told apart by name and date\n"
    );
    let (invitations, _) = env.classify(file);
    assert_ne!(invitations[0]["id"], invitations[1]["id"]);
    // No URL, as `export` has none: null, not "".
    assert!(invitations[0]["inviter_profile_url"].is_null());
    assert!(invitations[0]["invitee_profile_url"].is_null());
    // Decided on it, then read from a newer export, with the URLs: the
    // decision carries over, for `export` as for the triage screen.
    {
        use invitriage::journal::{Decision, Journal};
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let id = invitations[1]["id"].as_str().unwrap().parse().unwrap();
        let at = invitriage::import::parse_sent_at("2026-11-22T10:00").unwrap();
        j.record_decision(&[id], Some(Decision::Accepted), at)
            .unwrap();
    }
    let newer = env.file(
        "newer.csv",
        format!(
            "{HEADER}\n\
             Abena Reyes,Colleen Ruiz,\"11/21/26, 4:02 PM\",,INCOMING,{},{ME}\n\
             Mihai Sato,Colleen Ruiz,\"11/20/26, 4:02 PM\",Hello,INCOMING,{},{ME}\n",
            url("abena-reyes"),
            url("mihai-sato")
        ),
    );
    let (code, out, stderr) = env.run(&["export", newer]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        out.contains("\nMihai Sato,https://www.linkedin.com/in/mihai-sato,"),
        "{out}"
    );
    assert!(out.contains(",accepted,"), "{out}");
    assert!(!stderr.contains("not listed"), "{stderr}");
    // Decided on the newer one, by its URLs: the older export cannot match
    // it, and says why rather than "answered on LinkedIn".
    let (newer_invs, _) = env.classify(newer);
    // `classify` gives it the id `export` and the journal use.
    assert_eq!(newer_invs[1]["from"], "Mihai Sato");
    assert_eq!(newer_invs[1]["id"], invitations[1]["id"]);
    assert_ne!(newer_invs[0]["id"], invitations[0]["id"]);
    {
        use invitriage::journal::{Decision, Journal};
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let id = newer_invs[0]["id"].as_str().unwrap().parse().unwrap();
        let at = invitriage::import::parse_sent_at("2026-11-23T10:00").unwrap();
        j.record_decision(&[id], Some(Decision::Ignored), at)
            .unwrap();
    }
    let (_, _, stderr) = env.run(&["export", file]);
    assert!(
        stderr.contains("note: 1 decision is not listed: for invitations not in this export (this export has no profile URLs, so decisions made on one that has them, or before a name changed, are not matched;"),
        "{stderr}"
    );
}

/// Finn accepted and thanked, Anna replied to, on an export with the
/// profile URLs; then the same inbox's older-format export, where both are
/// still pending. Its ids are made of names and dates, so the decisions are
/// not matched: neither the checklist nor `drafts` may call them gone or
/// no longer pending, only say that this export cannot tell.
/// A decision made on an invitation sent hours before this one (within
/// the day a time zone may account for) stands, and the checklist says
/// so: it may be a second invitation, with a note the decision never saw.
#[test]
fn a_decision_on_an_invitation_sent_hours_before_is_flagged() {
    use invitriage::journal::{Decision, Journal};
    let env = Env::new();
    let again = env.file(
        "again.csv",
        export(
            HEADER,
            &[incoming(
                "Chen Wei",
                &url("chen-wei"),
                "We met at the Rotterdam summit.",
            )],
        ),
    );
    let (invs, _) = env.classify(again);
    let id = invs[0]["id"].as_str().unwrap().parse().unwrap();
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let t = |s| invitriage::import::parse_sent_at(s).unwrap();
        j.record_decision_on(
            &[id],
            &[t("2026-11-21T04:02:00")],
            Some(Decision::Ignored),
            t("2026-11-21T09:00:00"),
        )
        .unwrap();
    }
    let (code, md, stderr) = env.run(&["export", again, "--format", "md"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        md.contains("- [ ] **Chen Wei** · customised · decided 2026-11-21 · decided on an invitation sent 2026-11-21 04:02, this one 2026-11-21 16:02 (sent again? read its note first)"),
        "{md}"
    );
}

/// An accept or withdrawal decided more than a day before the export was
/// made, which still lists it pending, was not done on LinkedIn: the
/// checklist says so, keeps it whatever `--since` says, and the CSV marks
/// it. One decided within the day, a reply and an ignore are not flagged.
#[test]
fn a_step_an_export_made_since_shows_not_done_is_flagged() {
    use invitriage::journal::{Decision, Journal};
    let env = Env::new();
    let (a, b, c, d) = (
        url("abena-reyes"),
        url("mihai-sato"),
        url("pilar-sandoval"),
        url("ana-lima"),
    );
    let file = env.file(
        "later.csv",
        export(
            HEADER,
            &[
                incoming("Mihai Sato", &b, "Hi Colleen, let's connect."),
                [
                    "Abena Reyes",
                    "Colleen Ruiz",
                    "11/10/26, 9:00 AM",
                    "",
                    "INCOMING",
                    &a,
                    ME,
                ],
                [
                    "Ana Lima",
                    "Colleen Ruiz",
                    "11/10/26, 9:00 AM",
                    "",
                    "INCOMING",
                    &d,
                    ME,
                ],
                [
                    "Colleen Ruiz",
                    "Pilar Sandoval",
                    "11/9/26, 9:15 AM",
                    "",
                    "OUTGOING",
                    ME,
                    &c,
                ],
            ],
        ),
    );
    let (invs, _) = env.classify(file);
    let id = |name: &str| -> invitriage::invitation::InvitationId {
        let inv = invs
            .iter()
            .find(|i| i["from"] == name || i["to"] == name)
            .unwrap();
        inv["id"].as_str().unwrap().parse().unwrap()
    };
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let t = |s: &str| invitriage::import::parse_sent_at(s).unwrap();
        let mut decide = |who: &str, sent: &str, what, at: &str| {
            j.record_decision_on(&[id(who)], &[t(sent)], Some(what), t(at))
                .unwrap();
        };
        decide(
            "Abena Reyes",
            "2026-11-10T09:00:00",
            Decision::Accepted,
            "2026-11-12T09:00:00",
        );
        decide(
            "Ana Lima",
            "2026-11-10T09:00:00",
            Decision::Ignored,
            "2026-11-12T09:00:00",
        );
        decide(
            "Pilar Sandoval",
            "2026-11-09T09:15:00",
            Decision::Withdrawn,
            "2026-11-12T09:00:00",
        );
        decide(
            "Mihai Sato",
            "2026-11-21T16:02:00",
            Decision::Accepted,
            "2026-11-21T17:00:00",
        );
    }
    let (code, md, stderr) = env.run(&["export", file, "--since", "2026-11-21", "--format", "md"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("invitriage: 3 invitations listed, decided or with a draft from 2026-11-21 on, or earlier and not done on LinkedIn yet (2 of them; 1 earlier item left out), from "),
        "{stderr}"
    );
    assert!(
        md.contains("Not done yet: 1 accept and 1 withdrawal decided more than a day before this export was made, which still lists them pending: they are marked `not done on LinkedIn yet` below, whatever `--since` says."),
        "{md}"
    );
    assert!(
        md.contains("- [ ] **Abena Reyes** · default · accepted 2026-11-12, and this export, made since, still has it pending: not done on LinkedIn yet"),
        "{md}"
    );
    assert!(
        md.contains("**Pilar Sandoval** · default · marked to withdraw 2026-11-12, and this export, made since, still has it pending: not done on LinkedIn yet"),
        "{md}"
    );
    // The ignore is left out by `--since`, and Mihai's accept, made after
    // the newest invitation, is listed as any other.
    assert!(!md.contains("Ana Lima"), "{md}");
    assert!(md.contains("1 earlier item is left out"), "{md}");
    assert!(
        md.contains("- [ ] **Mihai Sato** · greeting-only · decided 2026-11-21 · <"),
        "{md}"
    );
    let (code, csv, stderr) = env.run(&["export", file, "--format", "csv"]);
    assert_eq!(code, 0, "{stderr}");
    let flagged: Vec<(&str, &str)> = csv
        .lines()
        .skip(1)
        .map(|l| (l.split(',').next().unwrap(), l.rsplit(',').nth(2).unwrap()))
        .collect();
    assert_eq!(
        flagged,
        [
            ("Mihai Sato", "false"),
            ("Abena Reyes", "true"),
            ("Pilar Sandoval", "true"),
            ("Ana Lima", "false")
        ],
        "{csv}"
    );
    // A file that repeats rows (two exports joined?) says the flags may
    // be an older export's rows.
    let joined = env.file(
        "joined.csv",
        std::fs::read_to_string(env.path(file)).unwrap()
            + &format!("Abena Reyes,Colleen Ruiz,\"11/10/26, 9:00 AM\",,INCOMING,{a},{ME}\n"),
    );
    let (_, _, stderr) = env.run(&["export", joined, "--format", "md"]);
    assert!(
        stderr.contains("invitriage: note: this file repeats rows (two exports joined?): an invitation only the older one had is flagged `not done on LinkedIn yet` though it may be done since"),
        "{stderr}"
    );
    let (_, _, stderr) = env.run(&["export", file, "--format", "md"]);
    assert!(!stderr.contains("repeats rows"), "{stderr}");
    // An accept undone a day on, for an invitation gone from the export
    // (answered on LinkedIn, as an earlier list asked?), is counted.
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let t = |s: &str| invitriage::import::parse_sent_at(s).unwrap();
        j.record_decision(
            &["00000000000000ab".parse().unwrap()],
            Some(Decision::Accepted),
            t("2026-11-10T09:00:00"),
        )
        .unwrap();
        j.undo(t("2026-11-12T09:00:00")).unwrap();
    }
    let (_, _, stderr) = env.run(&["export", file, "--format", "md"]);
    assert!(
        stderr.contains("invitriage: note: 1 step you undid (an accept, withdrawal or reply, undone an hour or more after) is for an invitation not in this export, so not listed"),
        "{stderr}"
    );
}

/// Ignores undone a day on are listed to check, not counted as steps:
/// standard error does not call them decided, and the checklist's section
/// says why its count is not the heading's.
#[test]
fn undone_ignores_are_not_called_decided() {
    use invitriage::journal::{Decision, Journal};
    let env = Env::new();
    let (a, b) = (url("abena-reyes"), url("ana-lima"));
    let file = env.file(
        "ex.csv",
        export(
            HEADER,
            &[
                incoming("Abena Reyes", &a, ""),
                incoming("Ana Lima", &b, ""),
            ],
        ),
    );
    let (invs, _) = env.classify(file);
    let ids: Vec<invitriage::invitation::InvitationId> = invs
        .iter()
        .map(|i| i["id"].as_str().unwrap().parse().unwrap())
        .collect();
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let t = |s: &str| invitriage::import::parse_sent_at(s).unwrap();
        j.record_decision(&ids, Some(Decision::Ignored), t("2026-11-22T09:00:00"))
            .unwrap();
        j.undo(t("2026-11-23T09:00:00")).unwrap();
    }
    let (code, md, stderr) = env.run(&["export", file, "--format", "md"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("invitriage: 2 invitations listed, undone since an earlier list, from "),
        "{stderr}"
    );
    assert!(md.starts_with("# To do on LinkedIn (0)\n"), "{md}");
    assert!(
        md.contains("\n## Undone since an earlier list (2, all ignores, not counted above)\n"),
        "{md}"
    );
    // With a decision beside them, the line names both.
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let t = |s: &str| invitriage::import::parse_sent_at(s).unwrap();
        j.record_decision(
            &ids[..1],
            Some(Decision::Accepted),
            t("2026-11-24T09:00:00"),
        )
        .unwrap();
    }
    let (_, md, stderr) = env.run(&["export", file, "--format", "md"]);
    assert!(
        stderr.contains("invitriage: 2 invitations listed, decided, with a draft or undone since an earlier list (1 undone), from "),
        "{stderr}"
    );
    assert!(
        md.contains("\n## Undone since an earlier list (1, an ignore, not counted above)\n"),
        "{md}"
    );
}

/// `export` and `drafts` of an export older than one the screen opened
/// warn, as the screen does: what they list may be done since.
#[test]
fn the_lists_of_an_older_export_say_so() {
    use invitriage::journal::{Journal, Seen};
    let env = Env::new();
    let file = env.file("old.csv", three_rows());
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let t = |s| invitriage::import::parse_sent_at(s).unwrap();
        j.record_seen(Seen {
            newest: t("2026-11-26T09:00:00"),
            opened: t("2026-11-27T09:00:00"),
        })
        .unwrap();
    }
    for command in ["export", "drafts"] {
        let (code, _, stderr) = env.run(&[command, file]);
        assert_eq!(code, 0, "{stderr}");
        assert!(
            stderr.contains("invitriage: warning: this export looks older than one opened before: its newest invitation is 21 Nov, but you have seen one from 26 Nov (opened 27 Nov); what is listed here may be done on LinkedIn already, or no longer apply (if that one was answered since, this export may be the newest)"),
            "{command}: {stderr}"
        );
    }
    // Not for the export that is the newest.
    let newer = env.file(
        "new.csv",
        three_rows().replace("11/21/26, 4:02 PM", "11/26/26, 9:02 AM"),
    );
    let (_, _, stderr) = env.run(&["export", newer]);
    assert!(!stderr.contains("older"), "{stderr}");
    // Nor for one holding an invitation sent since, in either direction
    // (a sent one here): made since, though the one seen has left it.
    let since = env.file(
        "since.csv",
        three_rows().replace("11/19/26, 9:15 AM", "11/26/26, 9:15 AM"),
    );
    let (_, _, stderr) = env.run(&["export", since]);
    assert!(!stderr.contains("older"), "{stderr}");
    // The newest one seen decided (in the newer export) and so in no
    // other: the older export still warns.
    {
        use invitriage::journal::Decision;
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let t = |s| invitriage::import::parse_sent_at(s).unwrap();
        j.record_decision_on(
            &["00000000000000aa".parse().unwrap()],
            &[t("2026-11-26T09:00:00")],
            Some(Decision::Accepted),
            t("2026-11-25T10:00:00"),
        )
        .unwrap();
    }
    let (_, _, stderr) = env.run(&["export", file]);
    assert!(stderr.contains("this export looks older"), "{stderr}");
    // A row that cannot be read may be the newest: said.
    let damaged = env.file(
        "damaged.csv",
        three_rows().replace("11/19/26, 9:15 AM", "11/26/26, 9:15 XM"),
    );
    let (_, _, stderr) = env.run(&["export", damaged]);
    assert!(
        stderr.contains(
            "this export may be the newest); its one row that could not be read may be its newest\n"
        ),
        "{stderr}"
    );
}

/// A profile URL changed between two exports: the accept made on the
/// first, whose thank-you names the person, carries over to the invitation
/// sent in the same minute, so the action list still says to accept, and
/// a note names them. A decision without a draft is only named beside the
/// invitation that may be its person's.
#[test]
fn a_changed_profile_url_keeps_the_accept_to_do() {
    use invitriage::journal::{Decision, DraftKind, Journal, Whom};
    let env = Env::new();
    let mut ann = incoming("Ann Lee", "", "");
    ann[2] = "11/20/26, 9:00 AM";
    let (old_ann, new_ann) = (url("ann-lee-9f"), url("annlee"));
    let before = env.file(
        "before.csv",
        export(
            HEADER,
            &[incoming("Xavier Dupont", &url("xavier-dupont-1a2b"), ""), {
                let mut r = ann;
                r[5] = &old_ann;
                r
            }],
        ),
    );
    let after = env.file(
        "after.csv",
        export(
            HEADER,
            &[incoming("Xavier Dupont", &url("xavierdupont"), ""), {
                let mut r = ann;
                r[5] = &new_ann;
                r
            }],
        ),
    );
    let (invs, _) = env.classify(before);
    let id = |i: usize| invs[i]["id"].as_str().unwrap().parse().unwrap();
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let t = |s| invitriage::import::parse_sent_at(s).unwrap();
        let at = t("2026-11-25T10:00:00");
        j.record_decision_on(
            &[id(0), id(1)],
            &[t("11/21/26, 4:02 PM"), t("11/20/26, 9:00 AM")],
            Some(Decision::Accepted),
            at,
        )
        .unwrap();
        j.record_draft_to(
            id(0),
            DraftKind::ThankYou,
            "Thanks, Xavier",
            at,
            Whom::new("Xavier Dupont", &url("xavier-dupont-1a2b")),
        )
        .unwrap();
    }
    let (code, md, stderr) = env.run(&["export", after, "--format", "md"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        md.contains("## Accept (1)")
            && md.contains("**Xavier Dupont**")
            && !md.contains("no longer pending"),
        "{md}"
    );
    assert!(
        stderr.contains("note: Xavier Dupont's profile URL is not the one it had when decided: the decision carries over, matched by the minute the invitation was sent (21 Nov 2026 16:02) and the name its draft keeps"),
        "{stderr}"
    );
    assert!(
        stderr.contains("note: Ann Lee (sent 20 Nov 09:00; accepted 25 Nov) is undecided here, and was sent in the same minute as an invitation you decided that is not in this export; if a profile URL changed since, that decision may be theirs, and is counted as done on LinkedIn: check there, and decide here again"),
        "{stderr}"
    );
}

/// The user's own profile URL changed between two exports: every id
/// changed with it, so the note says so rather than name the one person
/// whose draft matched them as having another URL, and it says why the
/// decision without a draft is counted as done. A draft left unsaved
/// follows its person, with the same reason.
#[test]
fn a_changed_own_profile_url_is_named_as_such() {
    use invitriage::journal::{Decision, DraftKind, Journal, Unsaved, Whom};
    let env = Env::new();
    let mut ann = incoming("Ann Lee", "", "");
    ann[2] = "11/20/26, 9:00 AM";
    let mut bo = incoming("Bo Chen", "", "");
    bo[2] = "11/19/26, 8:00 AM";
    let (xavier, ann_url, bo_url) = (url("xavier-dupont-1a2b"), url("ann-lee-9f"), url("bo-chen"));
    let ceo = url("colleen-ruiz-ceo");
    let rows = |me: &str| {
        export(
            HEADER,
            &[
                {
                    let mut r = incoming("Xavier Dupont", &xavier, "");
                    r[6] = me;
                    r
                },
                {
                    let mut r = ann;
                    r[5] = &ann_url;
                    r[6] = me;
                    r
                },
                {
                    let mut r = bo;
                    r[5] = &bo_url;
                    r[6] = me;
                    r
                },
            ],
        )
    };
    let before = env.file("before.csv", rows(ME));
    let after = env.file("after.csv", rows(&ceo));
    let (invs, _) = env.classify(before);
    let id = |i: usize| invs[i]["id"].as_str().unwrap().parse().unwrap();
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let t = |s| invitriage::import::parse_sent_at(s).unwrap();
        let at = t("2026-11-25T10:00:00");
        j.record_decision_on(
            &[id(0), id(1)],
            &[t("11/21/26, 4:02 PM"), t("11/20/26, 9:00 AM")],
            Some(Decision::Accepted),
            at,
        )
        .unwrap();
        j.record_draft_to(
            id(0),
            DraftKind::ThankYou,
            "Thanks, Xavier",
            at,
            Whom::new("Xavier Dupont", &xavier),
        )
        .unwrap();
        j.keep_unsaved(Unsaved {
            id: id(2),
            kind: DraftKind::Reply,
            name: "Bo Chen".into(),
            at,
            text: "Hi Bo".into(),
            cursor: None,
            sent: Some(t("11/19/26, 8:00 AM")),
        })
        .unwrap();
    }
    let (code, md, stderr) = env.run(&["export", after, "--format", "md"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        md.contains("## Accept (1)") && md.contains("**Xavier Dupont**"),
        "{md}"
    );
    assert!(
        stderr.contains("note: your own profile URL changed since you decided, and with it every invitation's id (Xavier Dupont's URL is the one your draft to them keeps, yet their invitation has another id): the decision on Xavier Dupont carries over, matched by the minute the invitation was sent (21 Nov 2026 16:02) and the name its draft keeps")
            && !stderr.contains("Xavier Dupont's profile URL is not the one"),
        "{stderr}"
    );
    assert!(
        stderr.contains("note: your unsaved draft to Bo Chen carries over to their invitation, which has another id as your own profile URL changed: matched by the minute it was sent (19 Nov 2026 08:00) and the name the draft keeps, it opens on their row")
            && !stderr.contains("not in this export:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("note: Ann Lee (sent 20 Nov 09:00; accepted 25 Nov) is undecided here, and was sent in the same minute as an invitation you decided that is not in this export; as your own profile URL changed, that decision is most likely theirs, but a decision keeps no name to tell apart two people invited in one minute, so it is counted as done on LinkedIn: check there, and decide here again"),
        "{stderr}"
    );
}

/// A reply left unsaved (the app killed mid-sentence) to someone whose
/// profile URL changed since follows them as a saved one does: `drafts`
/// and `export` say the triage screen offers it on this export, and that
/// the URL changed, not that the invitation is gone.
#[test]
fn an_unsaved_draft_follows_a_changed_profile_url() {
    use invitriage::journal::{DraftKind, Journal, Unsaved};
    let env = Env::new();
    let before = env.file(
        "before.csv",
        export(
            HEADER,
            &[incoming("Fatima Sokolov", &url("fatima-28ed9"), "")],
        ),
    );
    let after = env.file(
        "after.csv",
        export(HEADER, &[incoming("Fatima Sokolov", &url("fatima"), "")]),
    );
    let (invs, _) = env.classify(before);
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let t = |s| invitriage::import::parse_sent_at(s).unwrap();
        j.keep_unsaved(Unsaved {
            id: invs[0]["id"].as_str().unwrap().parse().unwrap(),
            kind: DraftKind::Reply,
            name: "Fatima Sokolov".into(),
            at: t("2026-11-25T10:00:00"),
            text: "Hi Fatima, Friday at ten?".into(),
            cursor: None,
            sent: Some(t("11/21/26, 4:02 PM")),
        })
        .unwrap();
    }
    for command in ["drafts", "export"] {
        let (code, _, stderr) = env.run(&[command, after]);
        assert_eq!(code, 0, "{stderr}");
        assert!(
            stderr.contains("note: Fatima Sokolov's profile URL is not the one it had when your unsaved draft to them was written: the draft carries over, matched by the minute the invitation was sent (21 Nov 2026 16:02) and the name it keeps, and opens on their row")
                && stderr.contains("note: 1 unsaved draft is not listed: the triage screen offers it again to finish")
                && !stderr.contains("not in this export"),
            "{stderr}"
        );
    }
}

#[test]
fn an_export_without_urls_does_not_call_unmatched_drafts_gone() {
    use invitriage::journal::{Decision, DraftKind, Journal, Whom};
    let env = Env::new();
    let (finn, anna) = (url("finn-berg"), url("anna-kowal"));
    let newer = env.file(
        "newer.csv",
        export(
            HEADER,
            &[
                incoming("Finn Berg", &finn, "We met at RustConf."),
                incoming("Anna Kowal", &anna, "Hello"),
            ],
        ),
    );
    let older = env.file(
        "older.csv",
        "From,To,Sent At,Message,Direction\n\
         Finn Berg,Colleen Ruiz,\"11/21/26, 4:02 PM\",We met at RustConf.,INCOMING\n\
         Anna Kowal,Colleen Ruiz,\"11/21/26, 4:02 PM\",Hello,INCOMING\n",
    );
    let (invs, _) = env.classify(newer);
    let id = |i: usize| invs[i]["id"].as_str().unwrap().parse().unwrap();
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let at = invitriage::import::parse_sent_at("2026-11-25T10:00:00").unwrap();
        j.record_decision(&[id(0)], Some(Decision::Accepted), at)
            .unwrap();
        j.record_draft_to(
            id(0),
            DraftKind::ThankYou,
            "Thanks, Finn!",
            at,
            Whom::new("Finn Berg", &finn),
        )
        .unwrap();
        j.record_decision(&[id(1)], Some(Decision::Replied), at)
            .unwrap();
        j.record_draft_to(
            id(1),
            DraftKind::Reply,
            "Hi Anna, what about?",
            at,
            Whom::new("Anna Kowal", &anna),
        )
        .unwrap();
    }
    let run = |args: &[&str]| {
        let (code, out, stderr) = env.run(args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        (out, stderr)
    };
    let (md, stderr) = run(&["export", older, "--format", "md"]);
    assert!(
        md.contains("\n## Thank-yous to send: accepted, not matched in this export (1)\n\nThis export has no profile URLs, so invitriage cannot match these accepts to its invitations, nor tell whether they are still pending")
            && md.contains(&format!("- [ ] **Finn Berg** · <https://www.linkedin.com/in/finn-berg> · id `{}`\n\n  > Thanks, Finn!", id(0)))
            && !md.contains("no longer pending"),
        "{md}"
    );
    assert!(
        stderr.contains(", and 1 thank-you to send for accepts not matched in this export, which has no profile URLs (journal: ")
            && !stderr.contains("accepted since")
            // The count is of the reply, not of the thank-you listed.
            && stderr.contains(" older.csv` lists the others' drafts, 1 still to send\n"),
        "{stderr}"
    );
    // Not known either way: an empty cell, `null`, rather than `false`.
    let (csv, _) = run(&["export", older, "--format", "csv"]);
    assert!(
        csv.contains("\nFinn Berg,https://www.linkedin.com/in/finn-berg,,incoming,accepted,")
            && csv.trim_end().ends_with(",thank-you,,,,false,,"),
        "{csv}"
    );
    let (json, _) = run(&["export", older, "--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["count"], 1, "{json}");
    assert_eq!(v["actions"][0]["name"], "Finn Berg", "{json}");
    assert!(v["actions"][0]["in_export"].is_null(), "{json}");
    let (drafts, _) = run(&["drafts", older]);
    assert!(
        drafts.contains("- [ ] **Anna Kowal** · reply · replied, not matched in this export (it has no profile URLs) · drafted 2026-11-25 10:00 · ")
            && drafts.contains("- [ ] **Finn Berg** · thank-you · accepted, not matched in this export (it has no profile URLs) · drafted 2026-11-25 10:00 · ")
            && !drafts.contains("not in this export"),
        "{drafts}"
    );
    let (json, _) = run(&["drafts", older, "--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["drafts"][1]["status"], "accepted, not matched in this export (it has no profile URLs)",
        "{json}"
    );
    // A newer export with the URLs, Finn accepted on LinkedIn and gone
    // from it: there, the absence does tell.
    env.file(
        "newest.csv",
        export(HEADER, &[incoming("Anna Kowal", &anna, "Hello")]),
    );
    let (md, _) = run(&["export", "newest.csv", "--format", "md"]);
    assert!(
        md.contains("\n## Thank-yous to send: accepted, no longer pending (1)\n"),
        "{md}"
    );
    let (drafts, _) = run(&["drafts", "newest.csv"]);
    assert!(
        drafts.contains("· thank-you · accepted, not in this export · "),
        "{drafts}"
    );
}

// ---------------------------------------------------------------------------
// Encodings

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
    for u in units {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn every_encoding_reads_the_same_names() {
    let env = Env::new();
    let text = export(
        HEADER,
        &[
            incoming("René Ngô", &url("rene"), "Hej Colleen 👋"),
            incoming("Zoë Åberg", &url("zoe"), ""),
        ],
    );
    let cases: [(&str, Vec<u8>, &str); 6] = [
        ("utf8.csv", text.clone().into_bytes(), "UTF-8"),
        (
            "bom.csv",
            [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
            "UTF-8 (with BOM)",
        ),
        ("crlf.csv", text.replace('\n', "\r\n").into_bytes(), "UTF-8"),
        ("le.csv", utf16(&text, false, true), "UTF-16LE"),
        ("be.csv", utf16(&text, true, true), "UTF-16BE"),
        (
            "le-nobom.csv",
            utf16(&text, false, false),
            "UTF-16LE (no BOM)",
        ),
    ];
    for (name, bytes, label) in cases {
        let file = env.file(name, bytes);
        let (stats, _) = env.stats(file);
        assert_eq!(stats["encoding"], label, "{name}");
        assert_eq!(stats["total"], 2, "{name}");
        let (invitations, _) = env.classify(file);
        assert_eq!(froms(&invitations), ["René Ngô", "Zoë Åberg"], "{name}");
        assert_eq!(
            field(&invitations[0], "message"),
            "Hej Colleen 👋",
            "{name}"
        );
        assert_eq!(lines(&invitations), [2, 3], "{name}");
    }
}

#[test]
fn windows_1252_is_the_fallback_with_a_notice() {
    let env = Env::new();
    let mut bytes = format!("{HEADER}\n").into_bytes();
    // "René" and "Société" in Windows-1252: é is the single byte 0xE9.
    bytes.extend_from_slice(
        b"Ren\xE9 Ngo,Colleen Ruiz,\"11/21/26, 4:02 PM\",Soci\xE9t\xE9 G\xE9n\xE9rale \x80 5,INCOMING,https://www.linkedin.com/in/rene,",
    );
    bytes.extend_from_slice(ME.as_bytes());
    bytes.push(b'\n');
    let file = env.file("Invitations.csv", bytes);
    let (stats, stderr) = env.stats(file);
    assert_eq!(stats["encoding"], "Windows-1252");
    assert_eq!(
        stderr,
        "invitriage: note: Invitations.csv: the file is not UTF-8; read it as Windows-1252 (check names with accents)\n"
    );
    let (invitations, _) = env.classify(file);
    assert_eq!(field(&invitations[0], "from"), "René Ngo");
    assert_eq!(field(&invitations[0], "message"), "Société Générale € 5");
    // The CSV output is UTF-8.
    let (_, csv_out, _) = env.run(&["classify", file, "--format", "csv"]);
    assert!(csv_out.contains("René Ngo,Colleen Ruiz"), "{csv_out}");
}

/// A UTF-8 export with rows of Windows-1252 appended (a script, an old
/// spreadsheet): each is read in its own encoding, from a file and from
/// standard input, and the note names the fewer rows to check: those of
/// Windows-1252 after more of UTF-8, else those of UTF-8.
#[test]
fn windows_1252_rows_appended_to_utf8_are_read_as_such() {
    let env = Env::new();
    for (utf8_rows, label, note) in [
        (
            1,
            "Windows-1252 (some rows UTF-8)",
            "1 row is UTF-8 (line 2) and the other rows with letters or signs beyond ASCII are not; read it as UTF-8, and those as Windows-1252 (check names with accents)",
        ),
        (
            4,
            "UTF-8 (some bytes not)",
            "3 rows are not UTF-8 (lines 6, 7 and 8) although the rest of the file is; read them as Windows-1252 (check the names in them)",
        ),
    ] {
        let mut bytes = format!("{HEADER}\n").into_bytes();
        for i in 1..=utf8_rows {
            bytes.extend(format!(
                "Zo\u{eb} M\u{fc}ller {i},Colleen Ruiz,\"11/20/26, 9:00 AM\",\"we met at the \u{201c}Supply Chain\u{201d} summit \u{2013} you\u{2019}re the speaker\u{2026} Caf\u{e9} talk!\",INCOMING,https://www.linkedin.com/in/zoe-{i},{ME}\n"
            ).bytes());
        }
        for i in 1..=3 {
            let row = format!(
                "Pat O\u{2019}Neil {i},Colleen Ruiz,\"11/20/26, 9:00 AM\",\"we met at \u{201c}LogiMAT\u{201d} \u{2013} great talk!\",INCOMING,https://www.linkedin.com/in/pat-{i},{ME}\n"
            );
            // ’, “, ” and – are one byte each in Windows-1252.
            bytes.extend(row.chars().map(|c| match c {
                '\u{2019}' => 0x92,
                '\u{201c}' => 0x93,
                '\u{201d}' => 0x94,
                '\u{2013}' => 0x96,
                c => c as u8,
            }));
        }
        let file = env.file("Invitations.csv", &bytes);
        let note = format!("invitriage: note: Invitations.csv: {note}\n");
        let (invitations, stderr) = env.classify(file);
        assert_eq!(stderr, note);
        let froms = froms(&invitations);
        assert_eq!(froms[0], "Zo\u{eb} M\u{fc}ller 1");
        assert_eq!(
            froms[utf8_rows..],
            [
                "Pat O\u{2019}Neil 1",
                "Pat O\u{2019}Neil 2",
                "Pat O\u{2019}Neil 3"
            ]
        );
        assert_eq!(
            field(&invitations[utf8_rows], "message"),
            "we met at \u{201c}LogiMAT\u{201d} \u{2013} great talk!"
        );
        assert_eq!(env.stats(file).0["encoding"], label);
        let out = env
            .cmd()
            .args(["classify", "-", "--format", "json"])
            .write_stdin(bytes)
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            note.replace("Invitations.csv", "standard input")
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v[0]["from"], "Zo\u{eb} M\u{fc}ller 1");
        assert_eq!(v[utf8_rows + 2]["from"], "Pat O\u{2019}Neil 3");
    }
}

/// A Windows-1252 export with one row of UTF-8 (pasted from elsewhere)
/// keeps that row's name and note, in a file or an archive (with `\r`
/// ending its lines) or on standard input; the note names its line, and
/// `stats` says what the file was read as.
#[test]
fn a_row_of_utf8_in_a_windows_1252_export_keeps_its_name() {
    let env = Env::new();
    let mut text = format!("{HEADER}\r");
    for (i, name) in [
        "Ren\u{e9}e C\u{f4}t\u{e9}",
        "Fran\u{e7}ois Dupr\u{e9}",
        "H\u{e9}l\u{e8}ne Br\u{fb}l\u{e9}",
    ]
    .into_iter()
    .enumerate()
    {
        text.push_str(&format!(
            "{name},Colleen Ruiz,\"11/20/26, 9:00 AM\",\"I\u{2019}d love to connect \u{2013} we met at the \u{201c}Lyon\u{201d} fair\",INCOMING,https://www.linkedin.com/in/p{i},{ME}\r"
        ));
    }
    let mut bytes = encoding_rs::WINDOWS_1252.encode(&text).0.into_owned();
    bytes.extend(format!(
        "Zo\u{eb} M\u{fc}ller,Colleen Ruiz,\"11/20/26, 9:00 AM\",\"We met at the\rZ\u{fc}rich meetup \u{2013} let\u{2019}s talk\",INCOMING,https://www.linkedin.com/in/zoe,{ME}\r"
    ).bytes());
    bytes.extend(encoding_rs::WINDOWS_1252.encode(&format!(
        "No\u{eb}l Fa\u{e7}ade,Colleen Ruiz,\"11/20/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/noel,{ME}\r"
    )).0.iter());
    let note = "1 row is UTF-8 (line 5) and the other rows with letters or signs beyond ASCII are not; read it as UTF-8, and those as Windows-1252 (check names with accents)";
    let check = |invitations: &[Value], stderr: &str, origin: &str| {
        assert_eq!(stderr, format!("invitriage: note: {origin}: {note}\n"));
        assert_eq!(
            froms(invitations),
            [
                "Ren\u{e9}e C\u{f4}t\u{e9}",
                "Fran\u{e7}ois Dupr\u{e9}",
                "H\u{e9}l\u{e8}ne Br\u{fb}l\u{e9}",
                "Zo\u{eb} M\u{fc}ller",
                "No\u{eb}l Fa\u{e7}ade"
            ],
            "{origin}"
        );
        assert_eq!(
            field(&invitations[3], "message"),
            "We met at the\nZ\u{fc}rich meetup \u{2013} let\u{2019}s talk",
            "{origin}"
        );
        assert_eq!(
            field(&invitations[0], "message"),
            "I\u{2019}d love to connect \u{2013} we met at the \u{201c}Lyon\u{201d} fair",
            "{origin}"
        );
        assert_eq!(lines(invitations), [2, 3, 4, 5, 7], "{origin}");
    };
    let file = env.file("Invitations.csv", &bytes);
    let (invitations, stderr) = env.classify(file);
    check(&invitations, &stderr, "Invitations.csv");
    assert_eq!(
        env.stats(file).0["encoding"],
        "Windows-1252 (some rows UTF-8)"
    );
    let mut zipped = std::io::Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut zipped);
    w.start_file("Invitations.csv", zip::write::SimpleFileOptions::default())
        .unwrap();
    w.write_all(&bytes).unwrap();
    w.finish().unwrap();
    let archive = env.file("export.zip", zipped.get_ref());
    let (invitations, stderr) = env.classify(archive);
    check(&invitations, &stderr, "export.zip:Invitations.csv");
    let out = env
        .cmd()
        .args(["classify", "-", "--format", "json"])
        .write_stdin(bytes)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    check(
        v.as_array().unwrap(),
        &String::from_utf8_lossy(&out.stderr),
        "standard input",
    );
}

// ---------------------------------------------------------------------------
// The export archive

fn zip(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default();
    for (name, bytes) in entries {
        if name.ends_with('/') {
            w.add_directory(*name, opts).unwrap();
        } else {
            w.start_file(*name, opts).unwrap();
            w.write_all(bytes.as_bytes()).unwrap();
        }
    }
    w.finish().unwrap();
    buf.into_inner()
}

#[test]
fn reads_invitations_from_the_export_zip() {
    let env = Env::new();
    let text = three_rows();
    let connections = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
    let top = env.file(
        "Basic_LinkedInDataExport_11-25-2026.zip",
        zip(&[
            ("Connections.csv", connections),
            ("Invitations.csv", &text),
            ("messages.csv", "CONVERSATION ID,CONTENT\n"),
        ]),
    );
    let (stats, stderr) = env.stats(top);
    assert_eq!(stderr, "");
    assert_eq!(stats["total"], 3);
    assert_eq!(
        stats["source"],
        "Basic_LinkedInDataExport_11-25-2026.zip:Invitations.csv"
    );

    let nested = env.file(
        "nested.zip",
        zip(&[
            ("Export/", ""),
            ("Export/Connections.csv", connections),
            ("Export/Invitations.csv", &text),
        ]),
    );
    let (stats, _) = env.stats(nested);
    assert_eq!(stats["total"], 3);
    assert_eq!(stats["source"], "nested.zip:Export/Invitations.csv");

    // The same rows, the same ids, whether from the archive or the file.
    let plain = env.file("Invitations.csv", &text);
    let ids = |file: &str| -> Vec<String> {
        env.classify(file)
            .0
            .iter()
            .map(|i| field(i, "id").to_string())
            .collect()
    };
    assert_eq!(ids(top), ids(plain));
    assert_eq!(ids(nested), ids(plain));

    // A name in the archive is shown, never let act on the terminal: an
    // escape sequence in it (which cleared the screen, set the title) is
    // written out.
    let odd = env.file(
        "odd.zip",
        zip(&[
            ("a/Invitations.csv", &text),
            ("\u{1b}[2J\u{1b}]0;PWNED\u{7}b/Invitations.csv", &text),
        ]),
    );
    let stderr = env.fails(&["stats", odd]);
    assert!(
        stderr.contains("(a/Invitations.csv, \\u{1b}[2J\\u{1b}]0;PWNED\\u{7}b/Invitations.csv)")
            && !stderr.contains('\u{1b}'),
        "{stderr}"
    );
    let odd = env.file(
        "odd.zip",
        zip(&[
            ("a/Invitations.csv", &text),
            ("c/\u{1b}[2J\u{1b}]0;PWNED\u{7}b/Invitations.csv", &text),
        ]),
    );
    let (_, stderr) = env.stats(odd);
    assert!(
        stderr.contains("also holds c/\\u{1b}[2J\\u{1b}]0;PWNED\\u{7}b/Invitations.csv")
            && !stderr.contains('\u{1b}'),
        "{stderr}"
    );
}

/// A file name with a line break, a tab or an escape in it is named with
/// them written out, so that each message stays on its line and nothing
/// acts on the terminal; an ordinary name (a space, an accent) is named as
/// it always was. (Unix: Windows allows none of them in a name.)
#[cfg(unix)]
#[test]
fn a_file_name_with_control_characters_is_named_on_one_line() {
    let env = Env::new();
    let bad = env.file("a\nb.csv", "x");
    assert_eq!(
        env.fails(&["stats", bad]),
        format!(
            "invitriage: error: a\\nb.csv: line 1: the header lacks the columns From, To, Sent At, Message, Direction (found: x); expected LinkedIn's Invitations.csv, whose header is {HEADER}\n"
        )
    );
    for (name, shown) in [
        ("miss\ning.csv", "miss\\ning.csv"),
        ("tab\there\u{1b}[2J.csv", "tab\\there\\u{1b}[2J.csv"),
        ("é space.csv", "é space.csv"),
    ] {
        assert_eq!(
            env.fails(&["classify", name]),
            format!("invitriage: error: {shown}: no such file\n")
        );
    }
    // A file that loads: the heading of `stats` and the notes.
    let rows = [[
        "Ana Lee",
        "Colleen Ruiz",
        "03/04/2026 10:00",
        "",
        "INCOMING",
        &url("ana"),
        ME,
    ]];
    let file = env.file("my\nexport.csv", export(HEADER, &rows));
    let (code, stdout, stderr) = env.run(&["stats", file]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("my\\nexport.csv\n"), "{stdout}");
    assert!(
        stderr.starts_with("invitriage: note: my\\nexport.csv: Sent At of 1 row")
            && stderr.lines().count() == 1,
        "{stderr}"
    );
    // The command suggested reads the same name back in bash or zsh.
    let (code, _, stderr) = env.run(&[file, "check", "hi"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(
            "`my\\nexport.csv` before `check`: `check` reads no file (it grades a NOTE); to read it, `invitriage $'my\\nexport.csv'` opens"
        ),
        "{stderr}"
    );
}

/// A data folder or config file whose name has a line break (given with
/// `--data-dir`, `INVITRIAGE_DATA_DIR` or `--config`) is named with it
/// written out, as an export's is: each message stays on its one line.
#[cfg(unix)]
#[test]
fn a_data_folder_or_config_with_a_line_break_is_named_on_one_line() {
    let env = Env::new();
    let one_line_each = |stderr: &str| stderr.lines().all(|l| l.starts_with("invitriage: "));
    // No journal yet in the folder given: the note names it.
    for by_env in [false, true] {
        let mut cmd = env.cmd();
        if by_env {
            cmd.env("INVITRIAGE_DATA_DIR", "my\ndata").arg("export");
        } else {
            cmd.args(["export", "--data-dir", "my\ndata"]);
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(
            stderr.contains(
                "invitriage: note: no journal in my\\ndata/sample yet: nothing was decided on the bundled sample (decisions on your own exports are kept apart from it, in my\\ndata)\n"
            ) && stderr.contains("(journal: my\\ndata/sample/journal.jsonl)\n")
                && one_line_each(&stderr),
            "{stderr}"
        );
    }
    // A data "folder" that is a file: the error names it on one line.
    env.file("a\nfile", "x");
    let stderr = env.fails(&["drafts", "--data-dir", "a\nfile"]);
    assert!(
        stderr.contains("a\\nfile") && stderr.lines().count() == 1,
        "{stderr}"
    );
    // A config file that is not there, one that is a link to nowhere,
    // and one that does not parse.
    let stderr = env.fails(&["stats", "--config", "my\nconfig.toml"]);
    assert!(
        stderr.starts_with("invitriage: error: config file my\\nconfig.toml: no such file")
            && stderr.lines().count() == 1,
        "{stderr}"
    );
    std::os::unix::fs::symlink("gone\nfor good.toml", env.path("link\nconfig.toml")).unwrap();
    let stderr = env.fails(&["stats", "--config", "link\nconfig.toml"]);
    assert_eq!(
        stderr,
        "invitriage: error: config file link\\nconfig.toml: it is a link to gone\\nfor good.toml, which does not exist; mend or remove the link\n"
    );
    let bad = env.file("bad\nconfig.toml", "colour = 1\n");
    let stderr = env.fails(&["stats", "--config", bad]);
    assert!(
        stderr.starts_with("invitriage: error: config file bad\\nconfig.toml: ")
            && stderr.lines().count() == 1,
        "{stderr}"
    );
}

#[test]
fn an_archive_without_invitations_is_a_clear_error() {
    let env = Env::new();
    let file = env.file(
        "export.zip",
        zip(&[
            ("Connections.csv", "First Name,Last Name\n"),
            ("Profile.csv", "First Name\n"),
        ]),
    );
    let stderr = env.fails(&["stats", file]);
    assert_eq!(
        stderr,
        "invitriage: error: export.zip: the archive holds no Invitations.csv (2 files in it; its CSV files: Connections.csv, Profile.csv); is this LinkedIn's data export? Ask for \"Invitations\" (or the larger archive) under Settings → Data privacy → Get a copy of your data\n"
    );
    // Many: five named, the others counted; without a CSV, its files.
    let many: Vec<String> = (1..=7).map(|n| format!("Part{n}.csv")).collect();
    let entries: Vec<(&str, &str)> = many.iter().map(|n| (n.as_str(), "x\n")).collect();
    let file = env.file("many.zip", zip(&entries));
    assert!(
        env.fails(&["stats", file]).contains(
            " (7 files in it; its CSV files: Part1.csv, Part2.csv, Part3.csv, Part4.csv, Part5.csv, and 2 more .csv); "
        )
    );
    let file = env.file("photos.zip", zip(&[("cat.jpg", "x"), ("notes.txt", "x")]));
    assert!(
        env.fails(&["stats", file])
            .contains(" (2 files in it: cat.jpg, notes.txt); ")
    );
    // One file named like the export (a second copy's name, as a
    // browser or unzip tool gives it): read, and said.
    let text = three_rows();
    let file = env.file(
        "copy.zip",
        zip(&[("Connections.csv", "x\n"), ("Invitations (1).csv", &text)]),
    );
    let (stats, stderr) = env.stats(file);
    assert_eq!(stats["total"], 3, "{stderr}");
    assert!(
        stderr.contains(
            "invitriage: note: copy.zip:Invitations (1).csv: read as the export: the archive holds no Invitations.csv, and this is the one file named like it\n"
        ),
        "{stderr}"
    );
    // Two: which one is the user's to say.
    let file = env.file(
        "copies.zip",
        zip(&[
            ("Invitations (1).csv", &text),
            ("invitations-old.csv", &text),
        ]),
    );
    assert_eq!(
        env.fails(&["stats", file]),
        "invitriage: error: copies.zip: the archive holds no Invitations.csv, but 2 files named like it (Invitations (1).csv, invitations-old.csv); unzip it and give the path of the one to read\n"
    );
    // LinkedIn's archive zipped again: the one inside is named.
    let inner = zip(&[("Invitations.csv", "x")]);
    let mut outer = std::io::Cursor::new(Vec::new());
    {
        let mut w = ::zip::ZipWriter::new(&mut outer);
        for name in [
            "readme.txt",
            "downloads/Basic_LinkedInDataExport_11-28-2026.zip",
        ] {
            w.start_file(name, ::zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut w, &inner).unwrap();
        }
        w.finish().unwrap();
    }
    let file = env.file("twice.zip", outer.into_inner());
    let stderr = env.fails(&["stats", file]);
    assert_eq!(
        stderr,
        "invitriage: error: twice.zip: the archive holds no Invitations.csv, but it holds downloads/Basic_LinkedInDataExport_11-28-2026.zip, an archive of its own: unzip twice.zip and give invitriage that one (LinkedIn's export is a single .zip)\n"
    );
    let file = env.file("broken.zip", &zip(&[("Invitations.csv", "x")])[..20]);
    let stderr = env.fails(&["classify", file]);
    assert_eq!(
        stderr,
        "invitriage: error: broken.zip: cannot read the zip archive (is the download complete?): it is cut short or damaged\n"
    );
}

// ---------------------------------------------------------------------------
// Files that are not an export

#[test]
fn bad_files_get_one_clear_error_each() {
    let env = Env::new();
    std::fs::create_dir(env.path("export")).unwrap();
    env.file("export/Invitations.csv", three_rows());
    let connections = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nAbena,Reyes,https://www.linkedin.com/in/abena,,Acme,CTO,21 Nov 2026\n";
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "empty.csv",
            vec![],
            "empty.csv: the file is empty; expected LinkedIn's Invitations.csv, whose first line is From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl",
        ),
        (
            "blank.csv",
            b"\r\n  \r\n".to_vec(),
            "blank.csv: the file is blank (only white space); expected LinkedIn's Invitations.csv",
        ),
        (
            "image.csv",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec(),
            "image.csv: this is a binary file, not a CSV; expected LinkedIn's Invitations.csv (from \"Get a copy of your data\")",
        ),
        (
            "Connections.csv",
            connections.as_bytes().to_vec(),
            "Connections.csv: this looks like LinkedIn's Connections.csv (your list of connections), not the invitations; use Invitations.csv from the same export",
        ),
        (
            "messages.csv",
            b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n".to_vec(),
            "messages.csv: this looks like LinkedIn's messages.csv (your messages)",
        ),
        (
            "columns.csv",
            b"From,To,Date,Message,inviterProfileUrl\nA,B,x,y,z\n".to_vec(),
            "columns.csv: line 1: the header lacks the columns Sent At, Direction (found: From,To,Date,Message,inviterProfileUrl); expected LinkedIn's Invitations.csv, whose header is From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl",
        ),
        (
            "one.csv",
            b"From,To,Sent At,Message\n".to_vec(),
            "one.csv: line 1: the header lacks the column Direction (found: From,To,Sent At,Message)",
        ),
        (
            "excel.csv",
            b"From;To;Sent At;Message;Direction;inviterProfileUrl;inviteeProfileUrl\r\n".to_vec(),
            "excel.csv: line 1: the columns are separated by semicolons, not commas",
        ),
        (
            "headless.csv",
            b"Abena Reyes,Colleen Ruiz,\"11/21/26, 4:02 PM\",,INCOMING,u,v\n".to_vec(),
            "headless.csv: line 1: this is an invitation, not the header; the header line (From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl) is missing",
        ),
        (
            "page.zip",
            b"<!DOCTYPE html>\n<html><head><title>Sign in</title></head></html>\n".to_vec(),
            "page.zip: this is a web page (HTML), not a CSV; the download probably failed",
        ),
        (
            "Invitations.csv.gz",
            b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03".to_vec(),
            "Invitations.csv.gz: this is a gzip-compressed file, not a CSV; unpack it first",
        ),
    ];
    for (name, bytes, message) in cases {
        let file = env.file(name, bytes);
        for args in [
            &["stats", file][..],
            &["stats", file, "--json"],
            &["classify", file, "--format", "csv"],
        ] {
            let stderr = env.fails(args);
            assert!(
                stderr.starts_with(&format!("invitriage: error: {message}")),
                "{args:?}:\n{stderr}"
            );
            assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        }
    }
    // The folder it would be in holds an export (one of the cases above):
    // named, as what may be meant.
    assert_eq!(
        env.fails(&["stats", "missing.csv"]),
        "invitriage: error: missing.csv: no such file; the current folder (`.`) holds export/Invitations.csv: give that, or the folder\n"
    );
    // A `~` in quotes, which the shell leaves as it is: said, with the
    // path meant in the home folder when it is there.
    env.file("home/Downloads/x.csv", three_rows());
    let home = env.path("home");
    let said = "no such file; the shell did not turn its `~` into your home folder (it does not inside quotes)";
    for (typed, meant) in [("~/Downloads/x.csv", "Downloads/x.csv"), ("~", "")] {
        assert_eq!(
            env.fails(&["stats", typed]),
            format!(
                "invitriage: error: {typed}: {said}: give {}, which is there\n",
                home.join(meant).display()
            )
        );
    }
    assert_eq!(
        env.fails(&["stats", "~/Downloads/y.csv"]),
        format!(
            "invitriage: error: ~/Downloads/y.csv: {said}, and {} is not there either\n",
            home.join("Downloads/y.csv").display()
        )
    );
    // A link to a file not there (a disk not mounted) says so, for a
    // command and for the triage screen alike.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("gone/Invitations.csv", env.path("linked.csv")).unwrap();
        for args in [&["stats", "linked.csv"][..], &["linked.csv"]] {
            assert_eq!(
                env.fails(args),
                "invitriage: error: linked.csv: is a link to gone/Invitations.csv, which is not there\n"
            );
        }
    }
    // The export unzipped: its Invitations.csv is read, as from the .zip.
    env.cmd()
        .args(["stats", "export"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!(
            "{}\n",
            Path::new("export").join("Invitations.csv").display()
        )));
    assert_eq!(
        env.fails(&["classify", "home"]),
        "invitriage: error: home: is a directory with no Invitations.csv in it or in its folders, two levels down, nor an export .zip in it or one level down; give the file itself, or LinkedIn's export .zip\n"
    );
}

// ---------------------------------------------------------------------------
// Rows that cannot be read

#[test]
fn unreadable_rows_are_skipped_and_reported_with_their_lines() {
    let env = Env::new();
    let text = format!(
        "{HEADER}\n\
         Abena Reyes,Colleen Ruiz,\"11/21/26, 4:02 PM\",,INCOMING,https://www.linkedin.com/in/abena,{ME}\n\
         Mihai Sato,Colleen Ruiz,\"11/21/26, 4:02 PM\",,SIDEWAYS,https://www.linkedin.com/in/mihai,{ME}\n\
         Pilar Sandoval,Colleen Ruiz,yesterday,,INCOMING,https://www.linkedin.com/in/pilar,{ME}\n\
         Latoya Ghosh,Colleen Ruiz,\"11/19/26, 3:28 PM\",INCOMING\n\
         \n\
         Wei Chen,Colleen Ruiz,\"11/18/26, 3:28 PM\",\"Two\nlines\",INCOMING,https://www.linkedin.com/in/wei,{ME}\n\
         Omar Haddad,Colleen Ruiz,\"11/17/26, 3:28 PM\",,INCOMING,https://www.linkedin.com/in/omar,{ME},extra\n"
    );
    for (name, text) in [
        ("lf.csv", text.clone()),
        ("crlf.csv", text.replace('\n', "\r\n")),
    ] {
        let file = env.file(name, &text);
        let (stats, stderr) = env.stats(file);
        assert_eq!(stats["total"], 2, "{name}");
        assert_eq!(skipped_lines(&stats), [3, 4, 5, 9], "{name}");
        let expected = format!(
            "invitriage: warning: {name}: line 3: Direction is `SIDEWAYS`; expected INCOMING or OUTGOING (row skipped)\n\
             invitriage: warning: {name}: line 4: Sent At is `yesterday`; expected a date like `7/8/26, 3:43 PM` or `2026-07-08T15:43:00` (row skipped)\n\
             invitriage: warning: {name}: line 5: has 4 fields where the header has 7 (row skipped)\n\
             invitriage: warning: {name}: line 9: has 8 fields where the header has 7 (row skipped)\n"
        );
        assert_eq!(stderr, expected, "{name}");
        let (invitations, _) = env.classify(file);
        assert_eq!(lines(&invitations), [2, 7], "{name}");

        let (code, text, _) = env.run(&["stats", file]);
        assert_eq!(code, 0);
        assert!(
            text.contains("skipped 4 unreadable rows (listed on stderr)"),
            "{text}"
        );
    }
}

/// A lone `\r` ends a line beside `\n`s, as an editor shows it: Excel for
/// Mac ("CSV (Macintosh)") ends records in `\r` and lines inside notes in
/// `\n`, and one stray `\r` may end a record of a CRLF file. Warnings,
/// duplicates, classify's lines and `skipped_rows` all name those lines.
#[test]
fn a_lone_cr_beside_lf_ends_a_line() {
    let env = Env::new();
    let row = |name: &str, sent: &str, note: &str| {
        format!("{name},Me,\"{sent}\",{note},INCOMING,https://www.linkedin.com/in/{name},me")
    };
    let mac = [
        HEADER.to_string(),
        row("A", "11/2/26, 3:43 PM", "\"Hello\nwe met at X\""),
        row("B", "11/3/26, 3:43 PM", ""),
        row("C", "bad date", ""),
        row("D", "11/4/26, 3:43 PM", ""),
        row("D", "11/4/26, 3:43 PM", ""),
        row("F", "also bad", ""),
    ]
    .join("\r")
        + "\r";
    let file = env.file("mac.csv", &mac);
    let (stats, stderr) = env.stats(file);
    assert_eq!(skipped_lines(&stats), [5, 8]);
    assert!(
        stderr.contains("mac.csv: line 5: Sent At is `bad date`")
            && stderr.contains("mac.csv: line 8: Sent At is `also bad`")
            && stderr.contains("1 duplicate row counted once (line 7 repeats line 6)"),
        "{stderr}"
    );
    let (invitations, _) = env.classify(file);
    assert_eq!(lines(&invitations), [2, 4, 6]);

    let mixed = format!(
        "{HEADER}\r\n{}\r{}\r\n{}\r\n{}\r\n",
        row("A", "11/2/26, 3:43 PM", ""),
        row("B", "11/2/26, 3:43 PM", ""),
        row("C", "bad", ""),
        row("D", "11/2/26, 3:43 PM", "")
    );
    let file = env.file("mixed.csv", &mixed);
    let (stats, stderr) = env.stats(file);
    assert_eq!(skipped_lines(&stats), [4]);
    assert!(
        stderr.contains("mixed.csv: line 4: Sent At is `bad`"),
        "{stderr}"
    );
    let (invitations, _) = env.classify(file);
    assert_eq!(lines(&invitations), [2, 3, 5]);
}

/// An open quote whose next line has the header's number of fields but is
/// no row (no direction, no date) swallows that line: the record is
/// reported, and the line is not read as a row of its own.
#[test]
fn an_open_quote_before_a_line_that_only_looks_like_a_row() {
    let env = Env::new();
    for tail in [
        "one,two,three,four,five,six,seven",
        // A direction, but no date.
        "one,two,three,four,INCOMING,six,seven",
    ] {
        let text = format!(
            "{HEADER}\n\
             A,Colleen Ruiz,2026-11-01T10:00,\"Hello there,INCOMING,https://www.linkedin.com/in/a,{ME}\n\
             {tail}\n"
        );
        let file = env.file("open.csv", &text);
        let (code, _, stderr) = env.run(&["stats", file, "--json"]);
        assert_eq!(code, 2, "{tail}: {stderr}");
        assert!(
            stderr.contains(
                "open.csv: line 2: a quote (\") opens a field on this line and is never closed, so lines 2–3 were read as this one row (row skipped)"
            ),
            "{tail}: {stderr}"
        );
    }
}

/// The fast reader gives up on a piece at the first record it cannot take
/// whole, after it has read whole batches (1024 records) of it; the careful
/// reader then reads the piece from its start, and nothing is counted twice.
#[test]
fn a_stray_quote_after_a_thousand_plain_rows_counts_each_row_once() {
    let env = Env::new();
    let urls: Vec<String> = (0..1500).map(|i| url(&format!("p{i}"))).collect();
    let mut rows: Vec<Row<'_>> = urls
        .iter()
        .map(|u| incoming("Some One", u, "We met at the expo."))
        .collect();
    rows[1400][0] = "Jo\"e";
    // As a spreadsheet might write it: the quote bare, not doubled.
    let text = export(HEADER, &rows).replace("\"Jo\"\"e\"", "Jo\"e");
    assert!(text.contains("\nJo\"e,"));
    let file = env.file("Invitations.csv", text);
    let (stats, stderr) = env.stats(file);
    assert_eq!(stats["total"], 1500);
    assert_eq!(stats["duplicates"], 0, "{stderr}");
}

#[test]
fn an_unterminated_quote_is_reported_where_it_opens_and_the_rows_after_it_are_kept() {
    let env = Env::new();
    let row = |n: u32, note: &str| {
        format!(
            "Person {n},Colleen Ruiz,\"11/{n}/26, 4:02 PM\",{note},INCOMING,https://www.linkedin.com/in/p{n},{ME}\n"
        )
    };
    // Line 3 opens a quote in its note and never closes it: a CSV parser
    // reads on into line 4, up to the quote before line 4's date.
    let text = format!(
        "{HEADER}\n{}{}{}{}{}",
        row(1, ""),
        row(2, "\"Great talk, let's connect"),
        row(3, ""),
        row(4, "\"Fine, \"\"quoted\"\"\nnote\""),
        row(5, "")
    );
    let file = env.file("Invitations.csv", &text);
    let (stats, stderr) = env.stats(file);
    assert_eq!(stats["total"], 4);
    assert_eq!(skipped_lines(&stats), [3]);
    assert_eq!(
        stderr,
        "invitriage: warning: Invitations.csv: line 3: a quote (\") opens a field on this line and is never closed; line 4, which it ran into, was read on its own (row skipped)\n"
    );
    let (invitations, _) = env.classify(file);
    assert_eq!(
        froms(&invitations),
        ["Person 1", "Person 3", "Person 4", "Person 5"]
    );
    assert_eq!(lines(&invitations), [2, 4, 5, 7]);
    assert_eq!(field(&invitations[2], "message"), "Fine, \"quoted\"\nnote");

    // Without quoted dates the open quote runs to the end of the file.
    let text = format!(
        "{HEADER}\n\
         A,Colleen Ruiz,2026-11-01T10:00,\"Hello there,INCOMING,https://www.linkedin.com/in/a,{ME}\n\
         B,Colleen Ruiz,2026-11-02T10:00,,INCOMING,https://www.linkedin.com/in/b,{ME}\n\
         C,Colleen Ruiz,2026-11-03T10:00,,INCOMING,https://www.linkedin.com/in/c,{ME}\n"
    );
    let file = env.file("open.csv", &text);
    let (stats, stderr) = env.stats(file);
    assert_eq!(stats["total"], 2);
    assert_eq!(
        stderr,
        "invitriage: warning: open.csv: line 2: a quote (\") opens a field on this line and is never closed; lines 3–4, which it ran into, were read on their own (row skipped)\n"
    );

    // On the last line there is nothing to read again.
    let text = format!(
        "{HEADER}\n{}{}",
        row(1, ""),
        "B,Colleen Ruiz,\"11/2/26, 4:02 PM\",\"Hi"
    );
    let file = env.file("last.csv", &text);
    let (stats, stderr) = env.stats(file);
    assert_eq!(stats["total"], 1);
    assert_eq!(
        stderr,
        "invitriage: warning: last.csv: line 3: a quote (\") opens a field on this line and is never closed (row skipped)\n"
    );
}

#[test]
fn when_no_row_can_be_read_stats_fails() {
    let env = Env::new();
    let text =
        format!("{HEADER}\nA,B,\"11/21/26, 4:02 PM\",,SIDEWAYS,u,v\nC,D,soon,,INCOMING,u,v\nE,F\n");
    let file = env.file("bad.csv", text);
    for args in [
        &["stats", file][..],
        &["stats", file, "--json"],
        &["classify", file],
    ] {
        let (code, stdout, stderr) = env.run(args);
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(stdout, "");
        assert!(
            stderr.ends_with(
                "invitriage: error: bad.csv: none of the 3 rows could be read (see above)\n"
            ),
            "{stderr}"
        );
        assert_eq!(stderr.lines().count(), 4, "{stderr}");
    }
    // A header and nothing else is not an error: there is nothing to read.
    let file = env.file("header-only.csv", format!("{HEADER}\n"));
    let (stats, stderr) = env.stats(file);
    assert_eq!(stats["total"], 0);
    assert_eq!(
        stderr,
        "invitriage: note: header-only.csv: the file has the header but no invitations\n"
    );
}

#[test]
fn control_characters_in_a_bad_field_are_shown_escaped() {
    let env = Env::new();
    let text = format!(
        "{HEADER}\nA,B,\"11/21/26, 4:02 PM\",,\x1b]0;owned\x07,u,v\nC,D,\"11/21/26, 4:02 PM\",,INCOMING,u,w\n"
    );
    let file = env.file("esc.csv", text);
    let (_, stderr) = env.stats(file);
    assert!(!stderr.contains('\x1b'), "{stderr:?}");
    assert!(
        stderr.contains("Direction is `\\u{1b}]0;owned\\u{7}`"),
        "{stderr}"
    );
}

// ---------------------------------------------------------------------------
// Duplicates and ids

#[test]
fn duplicate_rows_count_once_and_are_reported() {
    let env = Env::new();
    let (a, b) = (url("abena"), url("mihai"));
    // The same note from the same person to another account of the user's
    // (another invitee URL): not a duplicate either.
    let other_account = url("colleen-ruiz-2");
    let mut to_other = incoming("Mihai Sato", &b, "");
    to_other[6] = &other_account;
    let text = export(
        HEADER,
        &[
            incoming("Abena Reyes", &a, "Hi Colleen"),
            incoming("Mihai Sato", &b, ""),
            incoming("Abena Reyes", &a, "Hi Colleen"),
            // Same people, another note: not a duplicate.
            incoming("Abena Reyes", &a, "Hi again"),
            incoming("Mihai Sato", &b, ""),
            to_other,
        ],
    );
    let file = env.file("Invitations.csv", text);
    let (stats, stderr) = env.stats(file);
    assert_eq!(stats["total"], 4);
    assert_eq!(stats["duplicates"], 2);
    assert_eq!(
        stderr,
        "invitriage: note: Invitations.csv: 2 duplicate rows counted once (line 4 repeats line 2, line 6 repeats line 3)\n"
    );
    let (invitations, _) = env.classify(file);
    assert_eq!(lines(&invitations), [2, 3, 5, 7]);
    let (_, text, _) = env.run(&["stats", file]);
    assert!(text.contains("2 duplicate rows counted once"), "{text}");
    // Each direction counts its own, as its total does.
    let sent = [
        "Colleen Ruiz",
        "Sam Lee",
        "11/21/26, 4:02 PM",
        "",
        "OUTGOING",
        ME,
        "https://www.linkedin.com/in/sam",
    ];
    let both = env.file(
        "both.csv",
        export(
            HEADER,
            &[
                incoming("Ann Lee", &a, ""),
                incoming("Ann Lee", &a, ""),
                sent,
                sent,
                sent,
            ],
        ),
    );
    for (direction, total, duplicates) in [("incoming", 1, 1), ("outgoing", 1, 2), ("all", 2, 3)] {
        let (code, out, _) = env.run(&["stats", both, "--json", "--direction", direction]);
        assert_eq!(code, 0);
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            (v["total"].as_u64(), v["duplicates"].as_u64()),
            (Some(total), Some(duplicates)),
            "{direction}"
        );
    }
    let (_, text, _) = env.run(&["stats", both, "--direction", "outgoing"]);
    assert!(text.contains("  2 duplicate rows counted once"), "{text}");
    // Standard error counts as the output beside it does; those of the
    // other direction are said apart, not counted once here.
    for (args, said) in [
        (
            &["stats", both][..],
            "1 duplicate row counted once (line 3 repeats line 2); and 2 duplicate rows of outgoing invitations, not counted here (`--direction all` counts them)",
        ),
        (
            &["stats", both, "--json"],
            "1 duplicate row counted once (line 3 repeats line 2); and 2 duplicate rows of outgoing invitations, not counted here (`--direction all` counts them)",
        ),
        (
            &["stats", both, "--direction", "outgoing"],
            "2 duplicate rows counted once (line 5 repeats line 4, line 6 repeats line 4); and 1 duplicate row of incoming invitations, not counted here (`--direction all` counts it)",
        ),
        (
            &["stats", both, "--direction", "all"],
            "3 duplicate rows counted once (line 3 repeats line 2, line 5 repeats line 4, line 6 repeats line 4)",
        ),
        (
            &["classify", both],
            "3 duplicate rows counted once (line 3 repeats line 2, line 5 repeats line 4, line 6 repeats line 4)",
        ),
    ] {
        let (code, _, err) = env.run(args);
        assert_eq!(code, 0, "{err}");
        assert_eq!(
            err,
            format!("invitriage: note: both.csv: {said}\n"),
            "{args:?}"
        );
    }
    // None of the direction counted: the others only.
    let sent_only = env.file(
        "sent.csv",
        export(HEADER, &[incoming("Ann Lee", &a, ""), sent, sent]),
    );
    let (_, text, err) = env.run(&["stats", sent_only]);
    assert!(!text.contains("duplicate"), "{text}");
    assert_eq!(
        err,
        "invitriage: note: sent.csv: 1 duplicate row of outgoing invitations, not counted here (`--direction all` counts it)\n"
    );
}

#[test]
fn ids_are_stable_across_exports() {
    let env = Env::new();
    let (a, b, c) = (url("abena-reyes"), url("mihai-sato"), url("pilar"));
    let rows = [
        incoming("Abena Reyes", &a, ""),
        incoming("Mihai Sato", &b, "Hi"),
        incoming("Pilar Sandoval", &c, ""),
    ];
    let first = env.file("first.csv", export(HEADER, &rows));
    // A later export: other order, columns moved, URLs written differently,
    // names and dates changed — the same two people, the same invitation.
    let (a2, b2) = (
        "https://www.linkedin.com/in/Abena-Reyes/?trk=x".to_string(),
        "http://linkedin.com/in/mihai-sato/".to_string(),
    );
    let later = env.file(
        "later.csv",
        "inviteeProfileUrl,inviterProfileUrl,Direction,Message,Sent At,To,From\n".to_string()
            + &format!("{ME},{b2},INCOMING,Hello again,2026-12-01T10:00,Colleen R.,Mihai S.\n")
            + &format!("{ME},{a2},INCOMING,,\"12/2/26, 9:00 AM\",Colleen Ruiz,Abena Reyes\n"),
    );
    let ids = |file: &str| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = env
            .classify(file)
            .0
            .iter()
            .map(|i| {
                (
                    field(i, "inviter_profile_url").to_lowercase(),
                    field(i, "id").to_string(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let first_ids = ids(first);
    let later_ids = ids(later);
    let id_of = |ids: &[(String, String)], slug: &str| {
        ids.iter()
            .find(|(u, _)| u.contains(slug))
            .map(|(_, id)| id.clone())
            .unwrap()
    };
    assert_eq!(id_of(&first_ids, "abena"), id_of(&later_ids, "abena"));
    assert_eq!(id_of(&first_ids, "mihai"), id_of(&later_ids, "mihai"));
    let distinct: std::collections::BTreeSet<&String> =
        first_ids.iter().map(|(_, id)| id).collect();
    assert_eq!(distinct.len(), 3, "different invitations, different ids");
    assert!(
        first_ids
            .iter()
            .all(|(_, id)| id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()))
    );
}

#[test]
fn without_urls_the_id_comes_from_names_and_date() {
    let env = Env::new();
    let a = env.file(
        "a.csv",
        "From,To,Sent At,Message,Direction\nAbena Reyes,Colleen Ruiz,\"11/21/26, 4:02 PM\",,INCOMING\nMihai Sato,Colleen Ruiz,\"11/21/26, 4:02 PM\",,INCOMING\n",
    );
    let b = env.file(
        "b.csv",
        "Direction,Message,Sent At,To,From\nINCOMING,Hi,2026-11-21T16:02:00,colleen ruiz,abena reyes \n",
    );
    let (a, _) = env.classify(a);
    let (b, _) = env.classify(b);
    assert_eq!(a[0]["id"], b[0]["id"]);
    assert_ne!(a[0]["id"], a[1]["id"]);
}

// ---------------------------------------------------------------------------
// classify

#[test]
fn classify_csv_keeps_the_columns_and_adds_category_and_signals() {
    let env = Env::new();
    let note = "Hi Colleen, \"quoted\", and\na second line";
    let (a, b) = (url("abena"), url("mihai"));
    let text = export(
        "Message,Extra,From,To,Sent At,Direction,inviterProfileUrl,inviteeProfileUrl",
        &[],
    ) + &format!(
        "\"{}\",x,Abena Reyes,Colleen Ruiz,\"11/21/26, 4:02 PM\",INCOMING,{a},{ME}\n,y,Mihai Sato,Colleen Ruiz,2026-11-20T08:05:00,OUTGOING,{ME},{b}\n",
        note.replace('"', "\"\"")
    );
    let file = env.file("Invitations.csv", text);
    let (code, out, stderr) = env.run(&["classify", file, "--format", "csv"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, "");
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "From",
            "To",
            "Sent At",
            "Message",
            "Direction",
            "inviterProfileUrl",
            "inviteeProfileUrl",
            "category",
            "signals"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], "Abena Reyes");
    assert_eq!(&rows[0][2], "11/21/26, 4:02 PM");
    assert_eq!(&rows[0][3], note);
    assert_eq!(&rows[0][4], "INCOMING");
    assert_eq!(&rows[0][5], a);
    assert_eq!(
        &rows[1][2], "11/20/26, 8:05 AM",
        "dates come out in LinkedIn's form"
    );
    assert_eq!(&rows[1][4], "OUTGOING");
    assert_eq!(&rows[1][7], "default", "an empty note is default");
    assert_eq!(&rows[1][8], "");
    assert!(["default", "greeting-only", "customised"].contains(&&rows[0][7]));

    // The output reads back in as an export.
    let again = env.file("again.csv", &out);
    let (invitations, _) = env.classify(again);
    assert_eq!(field(&invitations[0], "message"), note);

    // --direction filters.
    let (_, out, _) = env.run(&[
        "classify",
        file,
        "--format",
        "csv",
        "--direction",
        "incoming",
    ]);
    assert_eq!(out.matches("Colleen Ruiz").count(), 1, "{out}");
}

#[test]
fn classify_table_has_a_line_per_invitation() {
    let env = Env::new();
    let file = env.file("Invitations.csv", three_rows());
    let (code, out, stderr) = env.run(&["classify", file]);
    assert_eq!(code, 0);
    assert_eq!(stderr, "");
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("Invitations.csv"));
    assert!(lines.next().unwrap().contains("LINE"));
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 3, "{out}");
    assert!(rows[0].trim_start().starts_with("2  default"), "{out}");
}

/// Piped, the table is 120 columns wide and cuts long notes; `$COLUMNS`
/// widens it, as `ls` reads it, so a `grep` sees more of each note.
#[test]
fn classify_table_takes_its_width_from_columns() {
    let env = Env::new();
    let note = "We met at the logistics meetup in Denver last spring, ".repeat(4);
    let file = env.file(
        "Invitations.csv",
        format!(
            "{HEADER}\nSam Rivera,Colleen Ruiz,\"11/21/26, 4:02 PM\",\"{note}\",INCOMING,u,v\n"
        ),
    );
    let widest = |out: &str| out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    let (_, out, _) = env.run(&["classify", file]);
    assert!(widest(&out) <= 120 && out.contains('…'), "{out}");
    let out = env
        .cmd()
        .args(["classify", file])
        .env("COLUMNS", "400")
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(widest(&out) > 200 && !out.contains('…'), "{out}");
}

#[test]
fn a_dash_reads_standard_input() {
    let env = Env::new();
    let text = format!(
        "{HEADER}\nSam Rivera,Colleen Ruiz,\"11/21/26, 4:02 PM\",Hi Colleen,INCOMING,u,v\n\
         Ana Lima,Colleen Ruiz,\"11/22/26, 9:15 AM\",,INCOMING,w,v\n"
    );
    let out = env
        .cmd()
        .args(["stats", "-", "--json"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"], 2);
    assert_eq!(v["by_category"]["greeting-only"], 1);
    // The same keys whatever the direction: the sent ones' list is null.
    assert_eq!(v.get("stale_sent"), Some(&Value::Null));
    assert_eq!(v["source"], "standard input");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("reading standard input"),
        "a pipe needs no word on how to end it"
    );
}

#[test]
fn a_pipe_is_read_like_a_file() {
    // Process substitution hands over a pipe, which can be read only once.
    if !Path::new("/dev/stdin").exists() {
        return;
    }
    let env = Env::new();
    let text = format!("{HEADER}\nRen\u{e9},Colleen Ruiz,\"11/21/26, 4:02 PM\",,INCOMING,u,v\n");
    // Windows-1252 forces a second pass over the bytes.
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| if c == 'é' { 0xE9 } else { c as u8 })
        .collect();
    let out = env
        .cmd()
        .args(["classify", "/dev/stdin", "--format", "json"])
        .write_stdin(bytes)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["from"], "René");
}

// ---------------------------------------------------------------------------
// Properties, end to end (few cases: each runs the binary)

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Lines as an editor counts them: `\r\n`, `\r` or `\n` ends one.
    fn line_count(bytes: &[u8]) -> u64 {
        let mut n = 1;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            n += u64::from(bytes[i] == b'\r' || bytes[i] == b'\n');
            i += 1;
        }
        n
    }

    const DAMAGE: &[&[u8]] = &[b"\"", b",", b"\n", b"\r\n", b"\r", b"\0", b"\xE9"];

    fn mutated_export() -> impl Strategy<Value = Vec<u8>> {
        let rows = proptest::collection::vec((0u32..40, any::<bool>(), 0usize..4), 1..12);
        let mutations = proptest::collection::vec(
            (
                any::<proptest::sample::Index>(),
                proptest::sample::select(DAMAGE),
            ),
            0..4,
        );
        (rows, mutations).prop_map(|(rows, mutations)| {
            let notes = ["", "Hi Colleen", "\"Hi, Colleen\nsee you\"", "\"a \"\"b\"\"\""];
            let mut text = format!("{HEADER}\n");
            for (n, out, note) in rows {
                text.push_str(&format!(
                    "P{n},Colleen Ruiz,\"{}/{}/26, 4:0{} PM\",{},{},https://www.linkedin.com/in/p{n},{ME}\n",
                    n % 12 + 1,
                    n % 28 + 1,
                    n % 10,
                    notes[note],
                    if out { "OUTGOING" } else { "INCOMING" },
                ));
            }
            let mut bytes = text.into_bytes();
            for (at, what) in mutations {
                let i = at.index(bytes.len() + 1);
                bytes.splice(i..i, what.iter().copied());
            }
            bytes
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 24,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        /// Whatever the damage, `stats` answers (0 with counts, or 2 with an
        /// error), and never counts more rows than the file has lines.
        #[test]
        fn stats_never_panics_or_overcounts(bytes in mutated_export()) {
            let env = Env::new();
            let file = env.file("p.csv", &bytes);
            let (code, stdout, stderr) = env.run(&["stats", file, "--json", "--direction", "all"]);
            prop_assert!(code == 0 || code == 2, "exit {code}: {stderr}");
            if code == 0 {
                let v: Value = serde_json::from_str(&stdout).unwrap();
                let read = v["total"].as_u64().unwrap()
                    + v["duplicates"].as_u64().unwrap()
                    + v["skipped_rows"].as_array().unwrap().len() as u64;
                // The header takes a line; every row read or skipped another.
                let lines = line_count(&bytes);
                prop_assert!(read < lines, "{read} rows from {lines} lines");
            } else {
                let last = stderr.lines().last().unwrap_or("");
                prop_assert!(last.starts_with("invitriage: error: p.csv: "), "{stderr}");
                prop_assert_eq!(stdout, "");
            }
        }
    }
}

// ---- classification, config, check, export -------------------------------

#[test]
fn the_sample_mirrors_the_survey() {
    let env = Env::new();
    let (code, stdout, _) = env.run(&["stats", "--json"]);
    assert_eq!(code, 0);
    // `--format json`, as the other commands spell it, is the same.
    let (code, same, _) = env.run(&["stats", "--format", "json"]);
    assert_eq!(code, 0);
    assert_eq!(same, stdout);
    let (_, text, _) = env.run(&["stats", "--format", "text"]);
    assert!(text.contains("\n135 incoming invitations"), "{text}");
    let (code, check, _) = env.run(&["check", "--format", "json", "Hi"]);
    assert_eq!((code, check.starts_with('{')), (1, true), "{check}");
    // The shares in the order of the counts: customised, greeting-only, default.
    assert!(
        stdout.contains(
            "\"percent\": {\n    \"customised\": 10,\n    \"greeting-only\": 7,\n    \"default\": 83\n  }"
        ),
        "{stdout}"
    );
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["total"], 135);
    assert_eq!(v["by_category"]["default"], 112);
    assert_eq!(v["by_category"]["greeting-only"], 10);
    assert_eq!(v["by_category"]["customised"], 13);
    assert_eq!(
        v["signals"],
        serde_json::json!({"context": 4, "reason": 3, "offer": 2, "pitch": 3})
    );
    let (_, text, _) = env.run(&["stats"]);
    assert!(
        text.contains(
            "135 incoming invitations: 13 customised · 10 greeting-only · 112 default (83%)"
        ),
        "{text}"
    );
    assert!(
        text.contains("customised notes with context 4 · reason 3 · offer 2 · pitch 3"),
        "{text}"
    );
}

#[test]
fn classify_labels_each_group_and_signal() {
    let env = Env::new();
    let rows = [
        incoming("Ann Lee", "ann", ""),
        incoming(
            "Bob Roe",
            "bob",
            "Hi Colleen, I'd like to add you to my professional network on LinkedIn.",
        ),
        incoming(
            "Cy Day",
            "cy",
            "We met at the SEBA mixer last week - I'd like to add you to my professional network.",
        ),
        incoming(
            "Di Fox",
            "di",
            "We help logistics firms cut costs. Book a call: https://example.com",
        ),
    ];
    env.file("Invitations.csv", export(HEADER, &rows));
    let (code, stdout, _) = env.run(&["classify", "Invitations.csv", "--format", "csv"]);
    assert_eq!(code, 0);
    let mut r = csv::Reader::from_reader(stdout.as_bytes());
    let got: Vec<(String, String)> = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            (rec[7].to_string(), rec[8].to_string())
        })
        .collect();
    assert_eq!(got[0], ("default".into(), "".into()));
    assert_eq!(got[1], ("greeting-only".into(), "".into()));
    assert_eq!(got[2].0, "customised");
    assert!(got[2].1.contains("context"), "{:?}", got[2]);
    assert_eq!(got[3].0, "customised");
    assert!(got[3].1.contains("pitch"), "{:?}", got[3]);
}

#[test]
fn config_lists_extend_the_classifier() {
    let env = Env::new();
    let note = "Jag vill gärna lägga till dig i mitt nätverk på LinkedIn.";
    env.file(
        "Invitations.csv",
        export(HEADER, &[incoming("Ann Lee", "ann", note)]),
    );
    let (_, before, _) = env.run(&["classify", "Invitations.csv", "--format", "json"]);
    assert!(before.contains("\"category\":\"customised\""), "{before}");
    env.file(
        "config.toml",
        format!("[classify]\nstock_texts = [\"{note}\"]\n"),
    );
    let (code, after, stderr) = env.run(&[
        "--config",
        "config.toml",
        "classify",
        "Invitations.csv",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(after.contains("\"category\":\"default\""), "{after}");
}

#[test]
fn config_mistakes_name_the_key_and_line() {
    let env = Env::new();
    env.file("a.toml", "name = \"Colleen\"\n\n[sent]\nstale_days = 3\n");
    let err = env.fails(&["--config", "a.toml", "stats"]);
    assert!(
        err.contains("a.toml") && err.contains("line 4") && err.contains("stale_days"),
        "{err}"
    );
    env.file("b.toml", "[templates]\nmine = \"Hi {firstname}\"\n");
    let err = env.fails(&["--config", "b.toml", "stats"]);
    assert!(
        err.contains(
            "b.toml: line 2, column 1: [templates] mine: unknown placeholder `{firstname}`"
        ),
        "{err}"
    );
    // A key binding added below the last table, [templates].
    env.file(
        "q.toml",
        "[templates]\nthanks = \"Thanks, {first_name}!\"\nquit = \"Q\"\n",
    );
    let err = env.fails(&["--config", "q.toml", "stats"]);
    assert!(
        err.contains("q.toml: line 3, column 1: [templates]: a template named `quit` holding `Q`, which reads as a key: key bindings go under [keys]"),
        "{err}"
    );
    env.file("c.toml", "[keys]\nacept = \"y\"\n");
    let err = env.fails(&["--config", "c.toml", "stats"]);
    assert!(
        err.contains("c.toml: line 2, column 1: [keys]: unknown action `acept`"),
        "{err}"
    );
    env.file("d.toml", "[keys]\naccept = 5\n");
    let err = env.fails(&["--config", "d.toml", "stats"]);
    assert!(
        err.contains(
            r#"d.toml: line 2, column 10: found integer `5`, expected a key name or a list of key names, e.g. "a" or ["a", "enter"] (in `accept = 5`)"#
        ),
        "{err}"
    );
    // A key taken from undo: the line that took it, and which key.
    env.file("e.toml", "[keys]\n# mine\naccept = \"u\"\n");
    let err = env.fails(&["--config", "e.toml", "stats"]);
    assert!(
        err.contains(
            "e.toml: line 3, column 1: [keys]: `undo` would be left with no key (`accept` took `u`); it needs one"
        ),
        "{err}"
    );
    // Ctrl-L paints the screen again, whatever `[keys]` says.
    env.file("f.toml", "[keys]\nsearch = \"ctrl-l\"\n");
    let err = env.fails(&["--config", "f.toml", "stats"]);
    assert!(
        err.contains(
            r#"f.toml: line 2, column 1: [keys]: `search = "ctrl-l"`: Ctrl-L paints the screen again; choose another key"#
        ),
        "{err}"
    );
    // A key no terminal sends, shown as the config writes it.
    env.file("g.toml", "[keys]\n# mine\nhelp = [\"?\", \"\\u200B\"]\n");
    let err = env.fails(&["--config", "g.toml", "stats"]);
    assert!(
        err.contains(
            r#"g.toml: line 3, column 1: [keys]: `help = "\u200B"`: `\u200B` is an invisible character, which no key types; choose another key"#
        ),
        "{err}"
    );
    env.file("h.toml", "[keys]\nopen = \"ctrl-1\"\n");
    let err = env.fails(&["--config", "h.toml", "stats"]);
    assert!(
        err.contains(
            "h.toml: line 2, column 1: [keys]: `open = \"ctrl-1\"`: a terminal sends Ctrl with `1` as another key or not at all (Ctrl goes with a letter, space, an arrow, Home, End, PgUp, PgDn, Del or an F key); choose another key"
        ),
        "{err}"
    );
    let err = env.fails(&["--config", "missing.toml", "stats"]);
    assert!(
        err.contains("missing.toml: no such file (check the path given to --config"),
        "{err}"
    );
    // A folder (Windows refuses to open one as "access denied"), and the
    // export in the config's place.
    #[cfg(unix)]
    {
        std::fs::create_dir(env.dir.path().join("conf.d")).unwrap();
        let err = env.fails(&["--config", "conf.d", "stats"]);
        assert!(
            err.contains(
                "conf.d: it is a folder, not a file (--config takes the config file itself"
            ),
            "{err}"
        );
        // At the default place, --config was not given: not its words.
        std::fs::create_dir_all(env.path("config").join("invitriage/config.toml")).unwrap();
        let err = env.fails(&["stats"]);
        assert!(
            err.contains("config.toml: it is a folder, not a file: the settings are read from a file of that name; move the folder away, or give --config PATH"),
            "{err}"
        );
        std::fs::remove_dir(env.path("config").join("invitriage/config.toml")).unwrap();
    }
    env.file(
        "Invitations.csv",
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n",
    );
    let err = env.fails(&["--config", "Invitations.csv", "stats"]);
    assert!(
        err.contains("this is a LinkedIn export, not a config file: give the export as FILE"),
        "{err}"
    );
}

/// `lists` prints what `[classify]` extends, under the config's own names,
/// with the config's additions.
#[test]
fn lists_prints_the_built_in_lists_and_the_configs_additions() {
    let env = Env::new();
    let names = [
        "stock_texts",
        "generic_phrases",
        "generic_words",
        "salutations",
        "titles",
        "non_names",
        "closing_phrases",
        "context_hints",
        "reason_hints",
        "offer_hints",
        "pitch_hints",
    ];
    // One word each, as a word list's entries must be (`_` parts words).
    let mine = |n: &str| format!("mine-{}", n.replace('_', "-"));
    let mut config = String::from("[classify]\n");
    for n in names {
        config.push_str(&format!("{n} = [\"{}\"]\n", mine(n)));
    }
    env.file("lists.toml", &config);
    let (code, out, err) = env.run(&["--config", "lists.toml", "lists"]);
    assert_eq!(code, 0, "{err}");
    // The file read, named: one edited in the wrong place shows here.
    let named = out.lines().find(|l| l.starts_with("Config file: "));
    assert!(named.is_some_and(|l| l.ends_with("lists.toml")), "{out}");
    // One that is there but no regular file (`/dev/null`) is no "not
    // there"; one missing is.
    for (args, missing) in [
        (&["--config", "/dev/null", "lists"][..], false),
        (&["lists"], true),
    ] {
        let (_, out, _) = env.run(args);
        let named = out.lines().find(|l| l.starts_with("Config file: "));
        assert_eq!(
            named.is_some_and(|l| l.ends_with("(not there: the built-in lists alone)")),
            missing,
            "{out}"
        );
    }
    for n in names {
        assert!(
            out.contains(&format!("\n{n}: "))
                && out.contains(&format!("  {}  (config)\n", mine(n))),
            "{n}: {out}"
        );
    }
    assert!(
        out.contains("\nstock_texts: 18 built in, 1 from the config\n  I'd like to add you to my professional network on LinkedIn.\n"),
        "{out}"
    );
    let (code, out, _) = env.run(&["--config", "lists.toml", "lists", "salutations"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.first(), Some(&"hi"), "{out}");
    assert_eq!(lines.last(), Some(&"mine-salutations"), "{out}");
    assert!(!out.contains("titles") && !out.contains("  "), "{out}");
    let err = env.fails(&["lists", "stock-text"]);
    assert!(err.contains("possible values: stock_texts, "), "{err}");
    // One entry, one line: a line break in one is written out.
    env.file(
        "break.toml",
        "[classify]\nsalutations = [\"two\\nlines\"]\n",
    );
    let (_, out, _) = env.run(&["--config", "break.toml", "lists", "salutations"]);
    assert_eq!(out.lines().last(), Some(r"two\nlines"), "{out}");
    let (_, out, _) = env.run(&["--config", "break.toml", "lists"]);
    assert!(out.contains("\n  two\\nlines  (config)\n"), "{out}");
    // Symbols are entries of their own: `€` is listed, and `£` is not
    // `€` again.
    env.file("money.toml", "[classify]\npitch_hints = [\"£\", \"€\"]\n");
    let (_, out, _) = env.run(&["--config", "money.toml", "lists", "pitch_hints"]);
    assert!(out.ends_with("$\n€\n£\n"), "{out}");
    let (_, out, _) = env.run(&["--config", "money.toml", "lists"]);
    assert!(
        out.contains("\n  £  (config)\n  €  (config; the same as `€` above)\n"),
        "{out}"
    );
    // An entry given twice, or as built in, is said to be the same.
    env.file(
        "twice.toml",
        "[classify]\nsalutations = [\"moin\", \"Moin\", \"HI\"]\n",
    );
    let (code, out, _) = env.run(&["--config", "twice.toml", "lists"]);
    assert_eq!(code, 0);
    assert!(
        out.contains(
            "  moin  (config)\n  Moin  (config; the same as `moin` above)\n  HI  (config; the same as `hi` above)\n"
        ),
        "{out}"
    );
    // One a line: as the classifier holds them, once, without the
    // spaces at their ends.
    env.file(
        "twice.toml",
        "[classify]\nsalutations = [\" moin \", \"Moin\", \"HI\"]\n",
    );
    let (_, out, _) = env.run(&["--config", "twice.toml", "lists", "salutations"]);
    assert!(out.ends_with("\nmoin\n"), "{out}");
    assert_eq!(
        out.lines().filter(|l| l.eq_ignore_ascii_case("hi")).count(),
        1,
        "{out}"
    );
}

/// A usage error is plain on a monochrome terminal (`TERM=xterm-mono`,
/// `vt100`), as the screen is; clap itself heeds only NO_COLOR and
/// `TERM=dumb`. (Forced into colour here, as stderr is no terminal.)
#[test]
fn usage_errors_are_plain_on_a_monochrome_terminal() {
    let env = Env::new();
    let stderr = |term: &str| {
        let out = env
            .cmd()
            .args(["--bogus"])
            .env("TERM", term)
            .env("CLICOLOR_FORCE", "1")
            .env_remove("NO_COLOR")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8(out.stderr).unwrap()
    };
    assert!(stderr("xterm-256color").contains('\x1b'), "in colour");
    for term in ["xterm-mono", "vt100"] {
        let plain = stderr(term);
        assert!(!plain.contains('\x1b'), "{term}: {plain:?}");
        assert!(
            plain.starts_with("invitriage: error: unexpected argument '--bogus'"),
            "{plain}"
        );
    }
}

#[test]
fn check_grades_a_note_and_sets_the_exit_status() {
    let env = Env::new();
    let (code, out, _) = env.run(&[
        "check",
        "Hi Sam, we met at the ASCM forum in Lisbon. I'm moving into supply planning and would love your advice.",
        "--to",
        "Sam Rivera",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("customised · context, reason"), "{out}");
    assert!(out.contains("✗ offer"), "{out}");
    let (code, out, _) = env.run(&[
        "check",
        "Hi Sam, I'd like to add you to my profesional network on LinkedIn.",
        "--to",
        "Sam Rivera",
    ]);
    assert_eq!(code, 1);
    assert!(out.starts_with("greeting-only"), "{out}");
    assert!(
        out.contains("nearly"),
        "the typo is still recognised: {out}"
    );
    // The sender's name, from --from (or the config's `name`), is no effort.
    let joe = ["check", "Hey Sam, this is Joe!", "--to", "Sam Rivera"];
    let (code, out, _) = env.run(&joe);
    assert_eq!(code, 1);
    assert!(out.starts_with("customised"), "{out}");
    let (code, out, _) = env.run(&[&joe[..], &["--from", "Joe Smith"]].concat());
    assert_eq!(code, 1);
    assert!(out.starts_with("greeting-only"), "{out}");
    let err = env.fails(&[&joe[..], &["--from", " "]].concat());
    assert!(err.contains("--from is empty"), "{err}");
    let (code, out, _) = env.run(&[
        "check",
        "--json",
        "We met at the summit and I would love your advice on scorecards.",
    ]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["passes"], true);
    assert_eq!(v["limit"], 300);
    // Customised, with a signal, but only a pitch: it does not count.
    let (code, out, _) = env.run(&[
        "check",
        "Hi Sam, we help logistics firms cut freight spend 20%. Book a call: https://example.com",
        "--to",
        "Sam Rivera",
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(out.starts_with("customised · pitch\n"), "{out}");
    assert!(
        out.ends_with("\nnot ready: no context, reason or offer\n"),
        "{out}"
    );
    // JSON says all the text says: why not, what to do about the pitch.
    let (_, out, _) = env.run(&[
        "check",
        "--json",
        "--to",
        "Sam Rivera",
        "Hi Sam, we help logistics firms cut freight spend 20%.",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["shortcomings"],
        serde_json::json!(["no context, reason or offer"])
    );
    assert!(
        v["pitch_hint"]
            .as_str()
            .unwrap()
            .starts_with("it reads as a sales pitch"),
        "{out}"
    );
    assert_eq!(v["to"], "Sam Rivera");
    assert_eq!(v["advice"], Value::Null, "customised needs none");
    let (_, out, _) = env.run(&["check", "--json", "I'd like to join your network."]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(
        v["advice"]
            .as_str()
            .unwrap()
            .starts_with("this is what 82% of"),
        "{out}"
    );
    assert_eq!(v["to"], Value::Null);
    assert_eq!(v["pitch_hint"], Value::Null);
    // A note pasted from a list starts with a dash: it is the note, not an
    // option (flags after it still count).
    let (code, out, _) = env.run(&["check", "- we met at the ASCM forum in Lisbon", "--json"]);
    assert_eq!(code, 0, "{out}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["category"], "customised", "{out}");
    // A mistyped option is named, not graded nor blamed on the note.
    let err = env.fails(&["check", "--jsno", "we met at the meetup"]);
    assert!(
        err.contains("`--jsno` is not an option of `check`: did you mean `--json`? (see "),
        "{err}"
    );
    let err = env.fails(&["check", "--too", "Sam", "we met at the meetup"]);
    assert!(err.contains("did you mean `--to`?"), "{err}");
    // Under it, the usage of `check`, not of the whole program.
    assert!(
        err.contains("\nUsage: invitriage check [OPTIONS] <NOTE>\n"),
        "{err}"
    );
    let err = env.fails(&["check", "-j", "we met at the meetup"]);
    assert!(err.contains("`-j` is not an option of `check`"), "{err}");
    let (code, out, _) = env.run(&["check", "--to=Sam Rivera", "--", "--jsno"]);
    assert_eq!(code, 1, "after `--` it is the note: {out}");
    env.file("free.toml", "[sent]\nnote_limit = 20\n");
    let (code, out, _) = env.run(&[
        "--config",
        "free.toml",
        "check",
        "We met at the summit and I would love your advice.",
    ]);
    assert_eq!(code, 1, "over the configured limit: {out}");
    assert!(out.contains("too many for your note_limit"), "{out}");
    assert!(
        out.ends_with("\nnot ready: 30 characters over your note_limit of 20\n"),
        "the verdict names the length, and whose limit it is: {out}"
    );
}

/// An empty note is graded (exit 1), and stderr says it is empty, so a
/// pipe that gave nothing is noticed.
#[test]
fn check_says_when_the_note_is_empty() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["check", "-"])
        .write_stdin("  \n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "invitriage: note: the note is empty (nothing came on standard input)\n"
    );
    let out = env.cmd().args(["check", ""]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "invitriage: note: the note is empty\n"
    );
    // One that only looks empty is said to.
    let (code, _, stderr) = env.run(&["check", "\u{200b}\u{3164}"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "invitriage: note: the note shows as empty: it holds only characters a reader does not see\n"
    );
    // A file's name as the note: graded, and the likelier wish named.
    env.file("Invitations.csv", three_rows());
    let (code, _, stderr) = env.run(&["check", "Invitations.csv"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "invitriage: note: Invitations.csv is a file, and `check` grades the words given as a note: `invitriage check - < Invitations.csv` grades the text in it, and `invitriage stats Invitations.csv` reads an export\n"
    );
    let (_, _, stderr) = env.run(&["check", "Thanks"]);
    assert_eq!(stderr, "");
}

/// `check -` reads the note as an export is read: bytes that are not
/// UTF-8 (a Windows console, an old editor) are Windows-1252, with a
/// notice naming standard input.
#[test]
fn check_reads_a_windows_1252_note_from_standard_input() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["check", "--json", "-"])
        .write_stdin(&b"Caf\xe9 Lisboa: we met at the ASCM forum there."[..])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(
        stderr,
        "invitriage: note: standard input: the note is not UTF-8; read it as Windows-1252 (check names with accents)\n"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["length"], 44, "é is one character");
    assert_eq!(v["signals"][0], "context");
    let out = env
        .cmd()
        .args(["check", "-"])
        .write_stdin("Café Lisboa: we met at the ASCM forum there.")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "",
        "UTF-8 needs no notice"
    );
    // Binary, or far longer than any note (`< /dev/zero` never ends): refused.
    // Each says which it is.
    for (input, says) in [
        (
            vec![0u8; 100],
            "this is not a note (a NUL byte: binary?); expected the text of an invitation note",
        ),
        (
            b"\xff\xfeH\x00\x00\x00i\x00".to_vec(),
            "this is not a note (a NUL character: binary?); expected the text of an invitation note",
        ),
        (
            vec![b'a'; 65 << 10],
            "more than 64 KiB; expected the text of one invitation note (LinkedIn takes 300 characters)",
        ),
    ] {
        let out = env
            .cmd()
            .args(["check", "-"])
            .write_stdin(input)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            format!("invitriage: error: standard input: {says}\n")
        );
    }
}

/// A config file is read up to 1 MiB: `--config /dev/zero` would fill the
/// memory.
#[test]
fn a_config_file_too_long_to_be_one_is_refused() {
    let env = Env::new();
    env.file("big.toml", " ".repeat((1 << 20) + 1));
    let err = env.fails(&["--config", "big.toml", "stats"]);
    assert!(
        err.ends_with("big.toml: it is over 1 MiB, too big for a config file (the right file?)\n"),
        "{err}"
    );
}

#[test]
fn export_and_drafts_read_the_journal_and_escape_formulas() {
    use invitriage::journal::{Decision, DraftKind, Journal, Whom};
    let env = Env::new();
    let rows = [
        incoming("=HYPERLINK(\"x\")", "eve", "We met at the summit."),
        incoming("Bob Roe", "bob", ""),
    ];
    env.file("Invitations.csv", export(HEADER, &rows));
    let (_, json, _) = env.run(&["classify", "Invitations.csv", "--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let id = |i: usize| v[i]["id"].as_str().unwrap().parse().unwrap();
    // Before any decision: an empty list, and why it may be.
    let (code, _, stderr) = env.run(&["export", "Invitations.csv"]);
    assert_eq!(code, 0);
    assert!(
        stderr.starts_with("invitriage: note: no journal in ")
            && stderr.contains("yet: nothing was decided with this data folder"),
        "{stderr}"
    );
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let at = invitriage::import::parse_sent_at("2026-11-25T10:00:00").unwrap();
        j.record_decision(&[id(1)], Some(Decision::Ignored), at)
            .unwrap();
        j.record_draft(id(0), DraftKind::Reply, "Hi Eve, how can I help?", at)
            .unwrap();
    }
    // A draft to a row without a name says "(no name)", as the screen and
    // the checklist do; "(name not recorded)" is for one gone from the
    // export whose name the journal did not keep.
    let nameless: Vec<String> = export(HEADER, &rows)
        .lines()
        .enumerate()
        .map(|(i, l)| match (i, l.split_once(',')) {
            (1, Some((_, rest))) => format!(",{rest}"),
            _ => l.to_string(),
        })
        .collect();
    env.file("nameless.csv", nameless.join("\n") + "\n");
    let (_, md, _) = env.run(&["drafts", "nameless.csv"]);
    assert!(md.contains("- [ ] **(no name)** · reply"), "{md}");
    let (code, csv_out, stderr) = env.run(&["export", "Invitations.csv"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        csv_out.contains("'=HYPERLINK"),
        "formula escaped: {csv_out}"
    );
    assert!(
        csv_out.contains("replied") && csv_out.contains("ignored"),
        "{csv_out}"
    );
    assert!(
        stderr.starts_with("invitriage: 2 invitations listed, decided or with a draft, from Invitations.csv (journal: "),
        "{stderr}"
    );
    let (code, md, _) = env.run(&["export", "Invitations.csv", "--format", "md"]);
    assert_eq!(code, 0);
    assert!(
        md.starts_with("# To do on LinkedIn (1, and 1 optional ignore)\n"),
        "{md}"
    );
    assert!(
        md.contains("## Reply without accepting (1)") && md.contains("  > Hi Eve, how can I help?"),
        "{md}"
    );
    assert!(!stderr.contains("note:"), "{stderr}");
    // The bundled sample keeps a journal of its own: these decisions are
    // not its business.
    let (_, _, stderr) = env.run(&["export"]);
    assert!(
        stderr.contains(&format!(
            "invitriage: note: no journal in {} yet",
            env.path("data").join("sample").display()
        )) && stderr.contains("\ninvitriage: 0 invitations listed, decided or with a draft, from the bundled sample (journal: "),
        "{stderr}"
    );
    assert!(!stderr.contains("not listed"), "{stderr}");
    // Another export of yours does count them; one without the URL
    // columns cannot tell whether the reply was answered, and names it.
    env.file(
        "other.csv",
        "From,To,Sent At,Message,Direction\nCarol Poe,Colleen Ruiz,\"11/21/26, 4:02 PM\",,INCOMING\n",
    );
    let (_, _, stderr) = env.run(&["export", "other.csv"]);
    assert!(
        stderr.contains(
            "invitriage: note: 2 decisions are not listed: for invitations not in this export"
        ) && stderr.contains("since); `invitriage drafts --data-dir ")
            && stderr.contains(" other.csv` lists their drafts, 1 still to send\n"),
        "the decisions on the other export are counted, and the draft to send named: {stderr}"
    );
    // A newer export of the same inbox without Eve: answered on LinkedIn
    // since, so the reply to her was sent or is moot.
    env.file("newer.csv", export(HEADER, &rows[1..]));
    let (_, _, stderr) = env.run(&["export", "newer.csv"]);
    assert!(
        stderr.contains("invitriage: note: 1 decision is not listed: for invitations not in this export (answered or withdrawn on LinkedIn since, in another export, or under a profile URL that has changed)\n"),
        "{stderr}"
    );
    let (_, md, _) = env.run(&["drafts", "newer.csv"]);
    assert!(
        md.contains("· reply · replied, not in this export, not to send ·"),
        "{md}"
    );
    // Accepted since, with a thank-you: every format lists it, last, and
    // the count says so once.
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let at = invitriage::import::parse_sent_at("2026-11-25T11:00:00").unwrap();
        j.record_decision(&[id(0)], Some(Decision::Accepted), at)
            .unwrap();
        j.record_draft_to(
            id(0),
            DraftKind::ThankYou,
            "Thanks, Eve!",
            at,
            Whom::new("Eve", "https://www.linkedin.com/in/eve"),
        )
        .unwrap();
    }
    let (_, csv, stderr) = env.run(&["export", "newer.csv"]);
    assert!(
        csv.contains("\nEve,https://www.linkedin.com/in/eve,,incoming,accepted,")
            && csv.contains(",\"Thanks, Eve!\",")
            && csv.trim_end().ends_with(",thank-you,false,,,false,,"),
        "{csv}"
    );
    // Eve's accept is listed now: no note calls it left out.
    assert!(
        !stderr.contains("not listed")
            && stderr.contains("and 1 thank-you to send for invitations accepted since"),
        "{stderr}"
    );
    // With another decision gone too, the note counts both, as the
    // statistics screen does, and says which one is listed.
    env.file(
        "carol.csv",
        export(HEADER, &[incoming("Carol Poe", "carol", "")]),
    );
    let (_, _, stderr) = env.run(&["export", "carol.csv"]);
    assert!(
        stderr.contains("invitriage: note: 2 decisions are for invitations not in this export (answered or withdrawn on LinkedIn since, in another export, or under a profile URL that has changed): not listed, but for the 1 accept with a thank-you to send\n"),
        "{stderr}"
    );
    let (_, md, stderr) = env.run(&["export", "newer.csv", "--format", "md"]);
    assert!(md.contains("  > Thanks, Eve!"), "{md}");
    assert!(
        !stderr.contains("not listed")
            && stderr.contains(
                "invitriage: 1 invitation listed, decided or with a draft, from newer.csv, and 1 thank-you to send for invitations accepted since (journal: "
            ),
        "the checklist holds the thank-you, and the count says so once: {stderr}"
    );
    // A week on, only what is newer than the last checklist.
    let since = |from: &str| env.run(&["export", "newer.csv", "--format", "md", "--since", from]);
    let (code, md, stderr) = since("2030-01-01");
    assert_eq!(code, 0, "{stderr}");
    assert!(
        md.contains("Decided or drafted from 2030-01-01 on; 2 earlier items are left out")
            && !md.contains("Thanks, Eve!"),
        "{md}"
    );
    assert!(
        stderr.contains("decided or with a draft from 2030-01-01 on (2 earlier items left out)"),
        "{stderr}"
    );
    // The tests' now is 2026-11-25 12:00: a day to come is a slip, said so.
    assert!(
        stderr.contains("note: --since 2030-01-01 is after now (2026-11-25 12:00)"),
        "{stderr}"
    );
    let err = env.fails(&["export", "--since", "1/12/26"]);
    assert!(
        err.contains("expected a date as YYYY-MM-DD, e.g. 2026-12-01, perhaps with a time, e.g. 2026-12-01T15:30; not `1/12/26`"),
        "{err}"
    );
    let err = env.fails(&["export", "--since", "2026-02-30"]);
    assert!(
        err.contains("`2026-02-30` is not a day of the calendar"),
        "{err}"
    );
    // From a time of day on: Eve's thank-you (11:00) in, Bob's ignore
    // (10:00) out.
    let (code, md, stderr) = since("2026-11-25T10:30");
    assert_eq!(code, 0, "{stderr}");
    assert!(
        md.contains("Decided or drafted from 2026-11-25 10:30 on; 1 earlier item is left out")
            && md.contains("Thanks, Eve!"),
        "{md}"
    );
    // To the second, as the triage screen names a sitting's start.
    let (_, md, _) = since("2026-11-25 10:59:59");
    assert!(
        md.contains("Decided or drafted from 2026-11-25 10:59:59 on; 1 earlier item is left out")
            && md.contains("Thanks, Eve!"),
        "{md}"
    );
    let (_, drafts, stderr) = env.run(&["drafts", "carol.csv"]);
    assert!(
        !stderr.contains("not listed") && drafts.contains("not in this export"),
        "drafts lists the drafts of invitations gone from the export: {stderr}"
    );
    let (code, md, _) = env.run(&["drafts", "Invitations.csv"]);
    assert_eq!(code, 0);
    assert!(
        md.contains("Hi Eve, how can I help?")
            && md.contains("· reply · accepted, not to send ·")
            && md.contains("- [ ] **=HYPERLINK(\"x\")** · thank-you · accepted ·"),
        "{md}"
    );
    let (_, dj, _) = env.run(&["drafts", "Invitations.csv", "--format", "json"]);
    let d: Value = serde_json::from_str(&dj).unwrap();
    assert_eq!(d["count"], 2);
}

/// `--since` leaves out a thank-you drafted before it: the note on the
/// decisions not in this export does not say it is listed.
#[test]
fn export_since_does_not_call_a_thank_you_left_out_listed() {
    use invitriage::journal::{Decision, DraftKind, Journal, Whom};
    let env = Env::new();
    let gone = [
        incoming("Ann Lee", "ann", ""),
        incoming("Bob Roe", "bob", ""),
    ];
    env.file("old.csv", export(HEADER, &gone));
    let (v, _) = env.classify("old.csv");
    let id = |i: usize| v[i]["id"].as_str().unwrap().parse().unwrap();
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let at = |s: &str| invitriage::import::parse_sent_at(s).unwrap();
        j.record_decision(
            &[id(0)],
            Some(Decision::Accepted),
            at("2026-11-20T10:00:00"),
        )
        .unwrap();
        j.record_draft_to(
            id(0),
            DraftKind::ThankYou,
            "Thanks, Ann!",
            at("2026-11-20T10:00:00"),
            Whom::new("Ann Lee", "https://www.linkedin.com/in/ann"),
        )
        .unwrap();
        j.record_decision(&[id(1)], Some(Decision::Ignored), at("2026-11-24T10:00:00"))
            .unwrap();
    }
    env.file("cat.csv", export(HEADER, &[incoming("Cat Fox", "cat", "")]));
    // Without --since, Ann's thank-you is listed, and the note says so.
    let (_, md, stderr) = env.run(&["export", "cat.csv", "--format", "md"]);
    assert!(md.contains("Thanks, Ann!"), "{md}");
    assert!(
        stderr.contains("invitriage: note: 2 decisions are for invitations not in this export (answered or withdrawn on LinkedIn since, in another export, or under a profile URL that has changed): not listed, but for the 1 accept with a thank-you to send\n"),
        "{stderr}"
    );
    let (code, md, stderr) = env.run(&[
        "export",
        "cat.csv",
        "--format",
        "md",
        "--since",
        "2026-11-22",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        !md.contains("Thanks, Ann!") && md.contains("1 earlier item is left out"),
        "{md}"
    );
    assert!(
        stderr.contains("invitriage: note: 2 decisions are not listed: for invitations not in this export (answered or withdrawn on LinkedIn since, in another export, or under a profile URL that has changed)\n")
            && !stderr.contains("but for the 1 accept")
            && stderr.contains("invitriage: 0 invitations listed, decided or with a draft from 2026-11-22 on (1 earlier item left out), from cat.csv (journal: "),
        "{stderr}"
    );
}

/// Decisions on the bundled sample alone: `export` of your own file names
/// where they are, not "nothing was decided with this data folder".
#[test]
fn export_beside_only_the_samples_decisions_says_so() {
    use invitriage::journal::{Decision, Journal};
    let env = Env::new();
    env.file(
        "Invitations.csv",
        export(HEADER, &[incoming("Bob Roe", "bob", "")]),
    );
    {
        let (mut j, _) = Journal::open(&env.path("data").join("sample")).unwrap();
        let at = invitriage::import::parse_sent_at("2026-11-25T10:00:00").unwrap();
        j.record_decision(
            &[invitriage::invitation::InvitationId(7)],
            Some(Decision::Ignored),
            at,
        )
        .unwrap();
    }
    let (code, _, stderr) = env.run(&["export", "Invitations.csv"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "yet: only the bundled sample's decisions are here, kept apart in {}",
            env.path("data")
                .join("sample")
                .join("journal.jsonl")
                .display()
        )),
        "{stderr}"
    );
    // A copy of the sample, as the README suggests for trying a newer
    // export: where its decisions are, and the option that carries them.
    let (code, csv, _) = env.run(&["classify", "--format", "csv"]);
    assert_eq!(code, 0);
    env.file("sample.csv", csv);
    let sample = env.path("data").join("sample");
    let note = format!(
        "invitriage: note: sample.csv holds the bundled sample's people, and what you decided on the sample is kept apart, in {}: `--data-dir {}` carries it to this file\n",
        sample.display(),
        sample.display()
    );
    for command in ["export", "drafts"] {
        let (code, _, stderr) = env.run(&[command, "sample.csv"]);
        assert_eq!(code, 0, "{stderr}");
        assert!(stderr.contains(&note), "{stderr}");
        assert!(!stderr.contains("no journal in"), "{stderr}");
    }
    // Not once this data folder has a step on them.
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let import = invitriage::import::load(&invitriage::import::Source::Sample).unwrap();
        let at = invitriage::import::parse_sent_at("2026-11-25T10:00:00").unwrap();
        j.record_decision(&[import.invitations[0].id], Some(Decision::Accepted), at)
            .unwrap();
    }
    let (_, _, stderr) = env.run(&["export", "sample.csv"]);
    assert!(!stderr.contains("bundled sample's people"), "{stderr}");
}

/// A named pipe in the journal's place: `export` and `drafts` stop at
/// once, naming it, instead of waiting for ever for a writer.
#[cfg(unix)]
#[test]
fn a_journal_that_is_a_named_pipe_is_refused_at_once() {
    let env = Env::new();
    // The sample's journal, in a folder of its own.
    std::fs::create_dir_all(env.path("data").join("sample")).unwrap();
    let journal = env.path("data").join("sample").join("journal.jsonl");
    let made = std::process::Command::new("mkfifo").arg(&journal).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo cannot be run here; skipped");
        return;
    }
    for command in ["export", "drafts"] {
        let started = std::time::Instant::now();
        let out = env
            .cmd()
            .arg(command)
            .timeout(std::time::Duration::from_secs(10))
            .output()
            .unwrap();
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
        assert_eq!(out.status.code(), Some(2), "{command} fails");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!(
                "invitriage: error: the journal {} is a named pipe (FIFO), not a file; move it out of the way, or name another data directory with --data-dir or INVITRIAGE_DATA_DIR\n",
                journal.display()
            )
        );
    }
}

/// Journal lines that cannot be read are named, and a warning says that
/// what they held is missing from the list.
#[test]
fn unreadable_journal_lines_are_warned_of() {
    let env = Env::new();
    std::fs::create_dir_all(env.path("data").join("sample")).unwrap();
    let journal = env.path("data").join("sample").join("journal.jsonl");
    std::fs::write(&journal, "\u{0}junk\n{\"v\":1,\"at\":\"2026-11-25T17:0").unwrap();
    for command in ["export", "drafts"] {
        let (code, _, stderr) = env.run(&[command]);
        assert_eq!(code, 0, "{command}: {stderr}");
        assert!(
            stderr.contains(
                "journal.jsonl: line 1 skipped: not a journal entry (damaged at column 1)"
            ),
            "{command}: {stderr}"
        );
        assert!(
            stderr.contains(
                "invitriage: warning: 2 lines of the journal could not be read (named above): the steps they held are not in what follows\n"
            ),
            "{command}: {stderr}"
        );
    }
}

/// An invitation dated after today (a date misread, or a wrong clock) is
/// named on loading; one a day ahead (time zones) is not.
#[test]
fn a_date_in_the_future_is_named() {
    let env = Env::new();
    let mut later = incoming("Ann Lee", "ann", "");
    later[2] = "7/8/2099, 3:43 PM";
    let mut tomorrow = incoming("Bo Park", "bo", "");
    tomorrow[2] = "11/26/26, 3:43 PM";
    let rows = [incoming("Cy Dunn", "cy", ""), tomorrow, later];
    env.file("Invitations.csv", export(HEADER, &rows));
    let (code, _, stderr) = env.run(&["classify", "Invitations.csv"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr,
        "invitriage: note: Invitations.csv: 1 invitation is dated after today (the first on line 4: 8 Jul 2099); no invitation is sent after the export is made: is the date misread, or this computer's clock wrong?\n"
    );
    // `stats` reads only what it counts: the newest date, not its line.
    let (code, _, stderr) = env.run(&["stats", "Invitations.csv"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr,
        "invitriage: note: Invitations.csv: the newest invitation is dated after today (8 Jul 2099); no invitation is sent after the export is made: is the date misread, or this computer's clock wrong? (`invitriage classify` names the line)\n"
    );
    env.file("Invitations.csv", export(HEADER, &rows[..2]));
    for command in ["classify", "stats"] {
        let (_, _, stderr) = env.run(&[command, "Invitations.csv"]);
        assert_eq!(stderr, "", "{command}");
    }
}

/// An older export's sent invitation, sent again since and marked to
/// withdraw in a newer export, is not listed as one to follow up: the
/// triage screen calls it superseded.
#[test]
fn stats_leaves_a_superseded_sent_invitation_off_the_stale_list() {
    use invitriage::journal::{Decision, Journal};
    let env = Env::new();
    let sent = |when: &'static str| -> Row<'static> {
        [
            "Colleen Ruiz",
            "Sam Lee",
            when,
            "",
            "OUTGOING",
            ME,
            "https://www.linkedin.com/in/sam-lee",
        ]
    };
    env.file("A.csv", export(HEADER, &[sent("10/2/26, 9:00 AM")]));
    env.file("B.csv", export(HEADER, &[sent("11/1/26, 9:00 AM")]));
    let (_, json, _) = env.run(&["classify", "B.csv", "--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let id = v[0]["id"].as_str().unwrap().parse().unwrap();
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let at = |s| invitriage::import::parse_sent_at(s).unwrap();
        j.record_decision_on(
            &[id],
            &[at("2026-11-01T09:00:00")],
            Some(Decision::Withdrawn),
            at("2026-11-24T10:00:00"),
        )
        .unwrap();
    }
    let (code, out, stderr) = env.run(&["stats", "A.csv", "--direction", "outgoing"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!out.contains("Sam Lee"), "{out}");
    assert!(
        out.contains("sent and still pending after 21 days: 0"),
        "{out}"
    );
    // In the newer export it is listed, marked.
    let (_, out, _) = env.run(&["stats", "B.csv", "--direction", "outgoing"]);
    assert!(out.contains("Sam Lee"), "{out}");
}

/// A decision made before an invitation was sent was on an earlier one
/// between the same people (the id is the same): it is not this one's.
#[test]
fn a_decision_before_the_invitation_was_sent_is_not_exported_as_its_own() {
    use invitriage::journal::{Decision, DraftKind, Journal};
    let env = Env::new();
    // Each sent 21 Nov 2026.
    let rows = [
        incoming("Ann Lee", "ann", ""),
        incoming("Bo Park", "bo", ""),
        incoming("Cy Dunn", "cy", ""),
    ];
    env.file("Invitations.csv", export(HEADER, &rows));
    let (_, json, _) = env.run(&["classify", "Invitations.csv", "--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let id = |i: usize| v[i]["id"].as_str().unwrap().parse().unwrap();
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let at = |s| invitriage::import::parse_sent_at(s).unwrap();
        let before = at("2026-10-01T10:00:00");
        j.record_decision(&[id(0)], Some(Decision::Ignored), before)
            .unwrap();
        j.record_draft(id(1), DraftKind::Reply, "Hi Bo, how can I help?", before)
            .unwrap();
        j.record_decision(
            &[id(2)],
            Some(Decision::Accepted),
            at("2026-11-23T10:00:00"),
        )
        .unwrap();
    }
    let (code, out, stderr) = env.run(&["export", "Invitations.csv", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let actions: Vec<(&str, &Value)> = v["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (field(a, "name"), &a["decision"]))
        .collect();
    // Ann's earlier ignore is not listed, nor Bo's earlier reply.
    assert_eq!(actions, [("Cy Dunn", &Value::from("accepted"))]);
    assert!(
        stderr.contains(
            "invitriage: note: 2 invitations are newer than an earlier one between the same people that you decided on (Ann Lee and Bo Park): undecided again"
        ),
        "{stderr}"
    );
    let (_, md, _) = env.run(&["drafts", "Invitations.csv"]);
    assert!(
        md.contains("- **Bo Park** · reply · for their earlier invitation, not to send ·"),
        "still listed, and said whose: {md}"
    );
    // CSV and JSON say the same for a script to read.
    let (_, csv_out, _) = env.run(&["drafts", "Invitations.csv", "--format", "csv"]);
    assert!(
        csv_out.contains(",reply,for their earlier invitation,false,"),
        "{csv_out}"
    );
    let (_, dj, _) = env.run(&["drafts", "Invitations.csv", "--format", "json"]);
    let d: Value = serde_json::from_str(&dj).unwrap();
    assert_eq!(d["drafts"][0]["to_send"], false, "{dj}");
}

/// The name and id of the sample's most recently sent invitation.
fn v_newest_sent(env: &Env) -> (String, invitriage::invitation::InvitationId) {
    let (_, json, _) = env.run(&["classify", "--format", "json", "--direction", "outgoing"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let newest = v
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|i| i["sent_at"].as_str().unwrap().to_string())
        .unwrap();
    (
        newest["to"].as_str().unwrap().to_string(),
        newest["id"].as_str().unwrap().parse().unwrap(),
    )
}

#[test]
fn stats_outgoing_lists_stale_sent_invitations() {
    let env = Env::new();
    // One sent to a row without a name says so, as the screen does.
    let nameless = env.file(
        "nameless.csv",
        format!("{HEADER}\nColleen Ruiz,,\"7/8/26, 3:43 PM\",,OUTGOING,{ME},\n"),
    );
    let (_, out, _) = env.run(&["stats", nameless, "--direction", "outgoing"]);
    let row = out
        .lines()
        .find(|l| l.ends_with("default       4 months ago"));
    assert!(
        row.is_some_and(|r| r.trim_start().starts_with("(no name)")),
        "{out}"
    );
    let (code, out, _) = env.run(&["stats", "--direction", "outgoing"]);
    assert_eq!(code, 0);
    assert!(out.contains("20 sent invitations"), "{out}");
    assert!(
        out.contains("sent and still pending after 21 days: 15"),
        "{out}"
    );
    assert!(
        out.contains("\n  mark the ones to withdraw on the triage screen's Sent tab;"),
        "{out}"
    );
    // One marked to withdraw in the triage screen (the journal) says so.
    let (_, json, _) = env.run(&["classify", "--format", "json", "--direction", "outgoing"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let keisha = v
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["to"] == "Keisha Volkov")
        .expect("Keisha is in the sample");
    {
        use invitriage::journal::{Decision, Journal};
        let (mut j, _) = Journal::open(&env.path("data").join("sample")).unwrap();
        let at = invitriage::import::parse_sent_at("2026-11-25T10:00:00").unwrap();
        let id = keisha["id"].as_str().unwrap().parse().unwrap();
        j.record_decision(&[id], Some(Decision::Withdrawn), at)
            .unwrap();
    }
    let (_, out, stderr) = env.run(&["stats", "--direction", "outgoing"]);
    assert!(out.contains("; 1 marked to withdraw)"), "{out}");
    assert!(!stderr.contains("warning"), "{stderr}");
    let row = out.lines().find(|l| l.contains("Keisha Volkov")).unwrap();
    assert!(row.ends_with("8 months ago   to withdraw"), "{out}");
    // A damaged line loses its mark, and says so, as `export` does.
    let journal = env.path("data").join("sample").join("journal.jsonl");
    let good = std::fs::read(&journal).unwrap();
    std::fs::write(&journal, [b"{".as_slice(), &good].concat()).unwrap();
    let (code, out, stderr) = env.run(&["stats", "--direction", "outgoing"]);
    assert_eq!(code, 0);
    assert!(!out.contains("marked to withdraw)"), "{out}");
    // Nor is anyone told to mark them, nor a script that none is marked.
    assert!(
        out.contains("marks to withdraw not shown: the journal could not be read")
            && !out.contains("mark the ones to withdraw"),
        "{out}"
    );
    let (_, json, _) = env.run(&["stats", "--direction", "outgoing", "--json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert!(v["stale_sent"][0]["to_withdraw"].is_null(), "{json}");
    assert!(
        stderr.contains("journal.jsonl: line 1 skipped: not a journal entry")
            && stderr.contains("invitriage: warning: 1 line of the journal could not be read (named above): the marks to withdraw it held are not shown"),
        "{stderr}"
    );
    std::fs::write(&journal, good).unwrap();
    let (_, json, _) = env.run(&["stats", "--direction", "outgoing", "--json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let marked: Vec<&str> = v["stale_sent"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["to_withdraw"] == true)
        .map(|s| s["to"].as_str().unwrap())
        .collect();
    assert_eq!(marked, ["Keisha Volkov"]);
    // One marked before it is stale is listed too, as the screen counts it.
    let newest = v_newest_sent(&env);
    {
        use invitriage::journal::{Decision, Journal};
        let (mut j, _) = Journal::open(&env.path("data").join("sample")).unwrap();
        let at = invitriage::import::parse_sent_at("2026-11-25T10:05:00").unwrap();
        j.record_decision(&[newest.1], Some(Decision::Withdrawn), at)
            .unwrap();
    }
    let (_, out, _) = env.run(&["stats", "--direction", "outgoing"]);
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("after 21 days: 15 (worth a follow-up, or withdrawing; 2 marked to withdraw, 1 of them sent more recently)"),
        "{out}"
    );
    let row = out.lines().find(|l| l.contains(&newest.0));
    assert!(row.is_some_and(|r| r.ends_with(" to withdraw")), "{out}");
    env.file("c.toml", "[sent]\nstale_after_days = 60\n");
    let (_, json, _) = env.run(&[
        "--config",
        "c.toml",
        "stats",
        "--direction",
        "outgoing",
        "--json",
    ]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let stale = v["stale_sent"].as_array().unwrap();
    assert!(stale.iter().all(|s| {
        let (age, overdue) = (s["age_days"].as_i64().unwrap(), s["stale"] == true);
        overdue == (age >= 60) && (overdue || s["to_withdraw"] == true)
    }));
    assert!(
        stale.iter().any(|s| s["stale"] == false),
        "the young marked one"
    );
    assert!(stale.len() < 15);
    env.file("c.toml", "[sent]\nstale_after_days = 1\n");
    let (_, out, _) = env.run(&["--config", "c.toml", "stats", "--direction", "outgoing"]);
    assert!(out.contains("still pending after 1 day: "), "{out}");
    // All but one marked: the one left to decide on is listed, not hidden
    // behind "… and 1 more" under the ten marked.
    let (_, json, _) = env.run(&["stats", "--direction", "outgoing", "--json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let stale: Vec<&Value> = v["stale_sent"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["stale"] == true)
        .collect();
    let (left, rest) = stale.split_last().unwrap();
    {
        use invitriage::journal::{Decision, Journal};
        let (mut j, _) = Journal::open(&env.path("data").join("sample")).unwrap();
        let at = invitriage::import::parse_sent_at("2026-11-25T10:10:00").unwrap();
        let (_, json, _) = env.run(&["classify", "--format", "json", "--direction", "outgoing"]);
        let sent: Value = serde_json::from_str(&json).unwrap();
        let ids: Vec<_> = rest
            .iter()
            .map(|s| {
                let inv = sent
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|i| i["to"] == s["to"])
                    .unwrap();
                inv["id"].as_str().unwrap().parse().unwrap()
            })
            .collect();
        j.record_decision(&ids, Some(Decision::Withdrawn), at)
            .unwrap();
    }
    let (_, out, _) = env.run(&["stats", "--direction", "outgoing"]);
    let left = left["to"].as_str().unwrap();
    let row = out.lines().find(|l| l.contains(left));
    assert!(
        row.is_some_and(|r| !r.ends_with(" to withdraw")),
        "{left} in {out}"
    );
    // First, before the marked ones, of which ten are listed.
    let at = |needle: &str| out.find(needle).unwrap();
    assert!(at(left) < at(" to withdraw\n"), "{out}");
    let young = v["stale_sent"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["stale"] == false && s["to_withdraw"] == true)
        .count();
    assert!(
        out.contains(&format!(
            "    … and {} more marked to withdraw\n",
            rest.len() + young - 10
        )),
        "{out}"
    );
}

#[test]
fn drafts_list_snapshot() {
    use invitriage::journal::{Decision, DraftKind, Journal};
    let env = Env::new();
    let rows = [
        incoming(
            "Mei Okafor",
            "mei",
            "I'm moving into supply planning and would love your advice.",
        ),
        incoming(
            "Dana Whitlock",
            "dana",
            "Devin mentioned you after our call.",
        ),
        incoming("Rex Halloran", "rex", ""),
    ];
    env.file("Invitations.csv", export(HEADER, &rows));
    let (_, json, _) = env.run(&["classify", "Invitations.csv", "--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let id = |i: usize| v[i]["id"].as_str().unwrap().parse().unwrap();
    // Before any decision: an empty list, and why it may be.
    let (code, _, stderr) = env.run(&["export", "Invitations.csv"]);
    assert_eq!(code, 0);
    assert!(
        stderr.starts_with("invitriage: note: no journal in ")
            && stderr.contains("yet: nothing was decided with this data folder"),
        "{stderr}"
    );
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let at = |s| invitriage::import::parse_sent_at(s).unwrap();
        j.record_draft(
            id(0),
            DraftKind::Reply,
            "Hi Mei,\n\nSince we don't know each other, how can I help you?\n\nColleen",
            at("2026-11-22T09:00:00"),
        )
        .unwrap();
        j.record_decision(
            &[id(1)],
            Some(Decision::Accepted),
            at("2026-11-23T09:00:00"),
        )
        .unwrap();
        j.record_draft(
            id(1),
            DraftKind::ThankYou,
            "Hi Dana,\n\nThanks for connecting. A call next week?\n\nColleen",
            at("2026-11-24T09:00:00"),
        )
        .unwrap();
    }
    let (code, md, stderr) = env.run(&["drafts", "Invitations.csv"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("unsaved"), "{stderr}");
    insta::assert_snapshot!(md);
    // A draft left unsaved (the terminal closed) is not listed, but named.
    let keep_unsaved = |id, name: &str, text: &str| {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        j.keep_unsaved(invitriage::journal::Unsaved {
            id,
            kind: DraftKind::Reply,
            name: name.into(),
            at: invitriage::import::parse_sent_at("2026-11-23T09:00:00").unwrap(),
            text: text.into(),
            cursor: None,
            sent: None,
        })
        .unwrap();
    };
    keep_unsaved(id(2), "Rex Halloran", "Hi Rex, how can I");
    let (code, again, stderr) = env.run(&["drafts", "Invitations.csv"]);
    assert_eq!((code, &again), (0, &md));
    assert!(
        stderr.contains(&format!(
            "invitriage: note: 1 unsaved draft is not listed: the triage screen offers it again to finish, on the export it was written on (kept in {})",
            env.path("data").join("unsaved").display()
        )),
        "{stderr}"
    );
    // One for an invitation not in this export waits for that export.
    keep_unsaved(
        "00000000000000aa".parse().unwrap(),
        "Gone Person",
        "Hi Gone",
    );
    let (_, _, stderr) = env.run(&["drafts", "Invitations.csv"]);
    assert!(
        stderr.contains("note: 1 unsaved draft is not listed: the triage screen offers it again")
            && stderr.contains("note: 1 unsaved draft (to Gone Person) is not listed, for an invitation not in this export: the triage screen opens it with the export it was written on (an export made after an accept on LinkedIn no longer holds the invitation"),
        "{stderr}"
    );
    // The action list says the same: the words are the user's work.
    let (_, _, stderr) = env.run(&["export", "Invitations.csv", "--format", "md"]);
    assert!(
        stderr.contains("note: 1 unsaved draft is not listed: the triage screen offers it again")
            && stderr.contains("note: 1 unsaved draft (to Gone Person) is not listed"),
        "{stderr}"
    );
    // Accepted since, the reply is not promised to any export.
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        j.record_decision(
            &["00000000000000aa".parse().unwrap()],
            Some(Decision::Accepted),
            invitriage::import::parse_sent_at("2026-11-24T10:00:00").unwrap(),
        )
        .unwrap();
    }
    let (_, _, stderr) = env.run(&["drafts", "Invitations.csv"]);
    assert!(
        stderr.contains("note: 1 unsaved draft (to Gone Person) is not listed, for an invitation not in this export, and no export opens it: the decision on it does not fit the draft (a reply after an accept, a thank-you without one)")
            && !stderr.contains("opens it with the export it was written on"),
        "{stderr}"
    );
    let (_, csv_out, _) = env.run(&["drafts", "Invitations.csv", "--format", "csv"]);
    assert_eq!(
        csv_out.lines().next().unwrap(),
        "name,profile_url,kind,status,to_send,drafted_at,text,id"
    );
    assert!(csv_out.contains("thank-you,accepted,true,"), "{csv_out}");
    // `--since`, as `export` has it: the earlier drafts left out, and said.
    let (code, md, stderr) = env.run(&["drafts", "Invitations.csv", "--since", "2026-11-23"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        md.starts_with("# Drafts (1, saved from 2026-11-23 on)\n")
            && md.contains("Dana")
            && !md.contains("Mei"),
        "{md}"
    );
    assert!(
        stderr.contains("invitriage: drafts saved from 2026-11-23 on (1 earlier draft left out)\n"),
        "{stderr}"
    );
    let (_, md, _) = env.run(&["drafts", "Invitations.csv", "--since", "2026-11-25"]);
    assert!(
        md.contains("None saved since; 2 earlier, left out."),
        "{md}"
    );
}

/// An unsaved draft that its invitation's decision since bars (a reply,
/// then an accept; a thank-you, then an ignore) is one the triage screen
/// does not open at its start: `drafts` says so, and names the keys that
/// open it, as remapped in the config, instead of promising the screen
/// offers it.
#[test]
fn drafts_says_which_unsaved_drafts_the_screen_will_not_open() {
    use invitriage::journal::{Decision, DraftKind, Journal, Unsaved};
    let env = Env::new();
    let rows = [
        incoming("Naledi Yilmaz", "naledi", ""),
        incoming("Dana Whitlock", "dana", ""),
        incoming("Rex Halloran", "rex", ""),
    ];
    env.file("Invitations.csv", export(HEADER, &rows));
    let (_, json, _) = env.run(&["classify", "Invitations.csv", "--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let id = |i: usize| v[i]["id"].as_str().unwrap().parse().unwrap();
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let at = |s| invitriage::import::parse_sent_at(s).unwrap();
        let mut keep = |i: usize, kind, name: &str| {
            j.keep_unsaved(Unsaved {
                id: id(i),
                kind,
                name: name.into(),
                at: at("2026-11-23T09:00:00"),
                text: "Hi, how can I".into(),
                cursor: None,
                sent: None,
            })
            .unwrap();
        };
        keep(0, DraftKind::Reply, "Naledi Yilmaz");
        keep(1, DraftKind::ThankYou, "Dana Whitlock");
        keep(2, DraftKind::Reply, "Rex Halloran");
        j.record_decision(
            &[id(0)],
            Some(Decision::Accepted),
            at("2026-11-24T09:00:00"),
        )
        .unwrap();
        j.record_decision(&[id(1)], Some(Decision::Ignored), at("2026-11-24T09:01:00"))
            .unwrap();
    }
    let kept = env.path("data").join("unsaved");
    let (code, _, stderr) = env.run(&["drafts", "Invitations.csv"]);
    assert_eq!(code, 0, "{stderr}");
    let opened = format!(
        "invitriage: note: 1 unsaved draft is not listed: the triage screen offers it again to finish, on the export it was written on (kept in {})\n",
        kept.display()
    );
    let barred = |r: &str, a: &str, t: &str| {
        format!(
            "invitriage: note: 2 unsaved drafts are not listed, and the triage screen will not open them by itself, as their invitations were decided since: your reply to Naledi Yilmaz (accepted now, and a reply is instead of accepting: {r} on their row asks to reply instead) and your thank-you to Dana Whitlock (not accepted now, and a thank-you follows an accept: {a} on their row accepts, then {t} opens it); kept in {}\n",
            kept.display()
        )
    };
    assert!(
        stderr.contains(&opened) && stderr.contains(&barred("r", "a", "t")),
        "{stderr}"
    );
    // The keys are the config's.
    env.file(
        "config.toml",
        "[keys]\nreply = \"R\"\naccept = \"Y\"\nthank_you = \"T\"\n",
    );
    let (code, _, stderr) = env.run(&["--config", "config.toml", "drafts", "Invitations.csv"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains(&barred("R", "Y", "T")), "{stderr}");
    // The action list says the same.
    let (_, _, stderr) = env.run(&["export", "Invitations.csv", "--format", "md"]);
    assert!(
        stderr.contains(&opened) && stderr.contains(&barred("r", "a", "t")),
        "{stderr}"
    );
}

/// `invitriage classify … | head` ends quietly, as other Unix tools do: the
/// CSV writer's broken pipe used to surface as `error: Broken pipe` and
/// exit 2, because the `csv` crate turns every error into `Other`.
#[test]
fn a_closed_pipe_ends_every_output_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let env = Env::new();
    // About 1 MB of output: far more than a pipe's buffer holds.
    let file = env.file("big.csv", invitriage::synth::generate(5_000, 7));
    for args in [
        &["classify", file, "--format", "csv"][..],
        &["classify", file, "--format", "json"],
        &["classify", file],
        &["generate", "5000"],
    ] {
        let mut child = env
            .std_cmd()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 64];
        let mut stdout = child.stdout.take().unwrap();
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {:?} {stderr}", out.status);
        assert!(!stderr.contains("error"), "{args:?}: {stderr}");
    }
    // A pipe whose reader is gone before the command starts: its first
    // write fails, whatever the size of its output.
    for args in OUTPUTS {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = env
            .std_cmd()
            .args(*args)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {:?} {stderr}", out.status);
        assert!(!stderr.contains("error"), "{args:?}: {stderr}");
    }
}

/// An export whose `To` column is empty (the recipient's name is not in
/// it) takes the name from the config's `name`, so `Colleen,` before a stock
/// text is still a greeting; a blank `name` is an error (it was taken for no
/// name, as if not set, without a word).
#[test]
fn the_config_name_stands_in_for_an_empty_to_column() {
    let env = Env::new();
    let note = "Colleen, I'd like to add you to my professional network.";
    let named = incoming("Joe Smith", "https://www.linkedin.com/in/joe-smith", note);
    let mut unnamed = incoming("Ann Lee", "https://www.linkedin.com/in/ann-lee", note);
    unnamed[1] = "";
    let file = env.file("Invitations.csv", export(HEADER, &[unnamed, named]));
    env.file("colleen.toml", "name = \"Colleen Ruiz\"\n");
    env.file("pat.toml", "name = \"Pat Doe\"\n");
    env.file("blank.toml", "name = \"  \"\n");
    for (config, expected) in [
        (None, ["customised", "greeting-only"]),
        (Some("colleen.toml"), ["greeting-only", "greeting-only"]),
        // The `To` column, where it has a name, wins over the config's.
        (Some("pat.toml"), ["customised", "greeting-only"]),
    ] {
        let mut args = vec!["classify", file, "--format", "json"];
        if let Some(c) = config {
            args.extend(["--config", c]);
        }
        let (code, stdout, stderr) = env.run(&args);
        assert_eq!(code, 0, "{stderr}");
        let v: Value = serde_json::from_str(&stdout).unwrap();
        let got = [field(&v[0], "category"), field(&v[1], "category")];
        assert_eq!(got, expected, "{config:?}");
    }
    let err = env.fails(&["classify", file, "--config", "blank.toml"]);
    assert!(err.contains("line 1, column 1: name: it is empty"), "{err}");
}

/// Twenty unreadable rows are listed one by one; past twenty, the rest are
/// counted on one line.
#[test]
fn many_unreadable_rows_are_counted_past_twenty() {
    let env = Env::new();
    let good = incoming("Joe Smith", "https://www.linkedin.com/in/joe-smith", "");
    for (bad, listed, more) in [
        (20, 20, None),
        (21, 20, Some("1 more unreadable row skipped")),
        (23, 20, Some("3 more unreadable rows skipped")),
    ] {
        let mut rows = vec![good];
        rows.extend((0..bad).map(|_| {
            let mut r = good;
            r[4] = "SIDEWAYS";
            r
        }));
        let file = env.file("Invitations.csv", export(HEADER, &rows));
        let (code, _, stderr) = env.run(&["stats", file]);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(
            stderr.matches("(row skipped)").count(),
            listed,
            "{bad}: {stderr}"
        );
        match more {
            Some(line) => assert!(
                stderr.contains(&format!(
                    "invitriage: warning: Invitations.csv: {line} (`stats --json` lists every one, under skipped_rows)\n"
                )),
                "{bad}: {stderr}"
            ),
            None => assert!(!stderr.contains("more unreadable"), "{bad}: {stderr}"),
        }
    }
    // With no row read, `stats --json` fails as well: it is not named.
    let mut bad = good;
    bad[4] = "SIDEWAYS";
    let file = env.file("Invitations.csv", export(HEADER, &[bad; 22]));
    let (code, _, stderr) = env.run(&["stats", "--json", file]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("invitriage: warning: Invitations.csv: 2 more unreadable rows skipped\n"),
        "{stderr}"
    );
    assert!(!stderr.contains("stats --json"), "{stderr}");
}

/// With no command, the triage screen opens; with its output going to a
/// pipe or file instead of a terminal, it says what to use.
#[test]
fn the_triage_screen_needs_a_terminal() {
    let env = Env::new();
    let file = env.file("Invitations.csv", three_rows());
    for args in [&[][..], &[file]] {
        let stderr = env.fails(args);
        assert!(
            stderr.contains(
                "invitriage: error: the triage screen needs a terminal; for output to a pipe use `invitriage stats` or `invitriage classify`"
            ),
            "{args:?}: {stderr}"
        );
    }
}

/// A mistyped command is read as a FILE; when no such file exists and its
/// name is close to a command's, the error says which. A missing FILE is
/// said before anything about the terminal.
#[test]
fn a_missing_file_named_like_a_command_is_hinted() {
    let env = Env::new();
    for (typed, command) in [
        ("stat", "stats"),
        ("clasify", "classify"),
        ("exprt", "export"),
        ("complete", "completions"),
    ] {
        let err = env.fails(&[typed]);
        assert_eq!(
            err,
            format!(
                "invitriage: error: {typed}: no such file; did you mean the subcommand `{command}`?\n"
            )
        );
    }
    let err = env.fails(&["Invitatons.csv"]);
    assert_eq!(err, "invitriage: error: Invitatons.csv: no such file\n");
    // A file of that name is a file, and opens the triage screen.
    env.file("stat", three_rows());
    let err = env.fails(&["stat"]);
    assert!(err.contains("the triage screen needs a terminal"), "{err}");
}

/// A FILE not there whose folder holds the export (LinkedIn's .zip has a
/// date in its name, and Invitations.csv is inside it), or a file named as
/// the one given starts: the error names it, and the folder to give.
#[test]
fn a_missing_file_names_the_export_beside_it() {
    let env = Env::new();
    let zipped = zip(&[("Invitations.csv", &three_rows())]);
    env.file("Downloads/Basic_LinkedInDataExport_11-29-2026.zip", &zipped);
    env.file("Downloads/notes.txt", "not an export");
    let beside =
        "Downloads holds Basic_LinkedInDataExport_11-29-2026.zip: give that, or the folder";
    for typed in [
        "Downloads/Basic_LinkedInDataExport.zip",
        "Downloads/Invitations.csv",
    ] {
        for args in [&["stats", typed][..], &[typed]] {
            assert_eq!(
                env.fails(args),
                format!("invitriage: error: {typed}: no such file; {beside}\n"),
                "{args:?}"
            );
        }
    }
    // What it names is read, and so is the folder.
    for given in [
        "Downloads/Basic_LinkedInDataExport_11-29-2026.zip",
        "Downloads",
    ] {
        let (code, out, err) = env.run(&["stats", given, "--json", "--direction", "all"]);
        assert_eq!(code, 0, "{err}");
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["total"], 3, "{given}");
    }
    // Given in the folder itself.
    let out = env
        .cmd()
        .current_dir(env.path("Downloads"))
        .args(["stats", "Basic_LinkedInDataExport.zip"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "invitriage: error: Basic_LinkedInDataExport.zip: no such file; the current folder (`.`) holds Basic_LinkedInDataExport_11-29-2026.zip: give that, or the folder\n"
    );
    // Two exports: both there to choose from.
    env.file(
        "Downloads/Complete_LinkedInDataExport_11-29-2026.zip",
        zip(&[("Invitations.csv", "x")]),
    );
    assert_eq!(
        env.fails(&["stats", "Downloads/export.zip"]),
        "invitriage: error: Downloads/export.zip: no such file; Downloads holds Basic_LinkedInDataExport_11-29-2026.zip and 1 more export: give one\n"
    );
    // No export, but a .zip or .csv named as the one given starts.
    env.file("old/Invitations (1).csv", three_rows());
    env.file("old/Invitations-2025.zip", "not read");
    env.file("old/Invitations.txt", "not a .csv");
    assert_eq!(
        env.fails(&["stats", "old/Invitations.csv"]),
        "invitriage: error: old/Invitations.csv: no such file; old holds Invitations (1).csv and 1 more named like it: give one\n"
    );
    assert_eq!(
        env.fails(&["stats", "old/export.csv"]),
        "invitriage: error: old/export.csv: no such file\n"
    );
    // A folder not there has nothing beside it to name.
    assert_eq!(
        env.fails(&["stats", "gone/Invitations.csv"]),
        "invitriage: error: gone/Invitations.csv: no such file\n"
    );
}

/// A plain word that is no file is no command either (`invitriage
/// triage`): said so, with the commands, and how the triage screen opens.
#[test]
fn a_missing_plain_word_is_said_to_be_no_command() {
    let env = Env::new();
    for typed in ["triage", "open", "review"] {
        assert_eq!(
            env.fails(&[typed]),
            format!(
                "invitriage: error: {typed}: no such file; nor is `{typed}` a command: the triage screen opens with none (`invitriage FILE`, or `invitriage` for the bundled sample); the commands are stats, classify, export, drafts, mark-sent, check, lists, completions (`invitriage help COMMAND` explains each)\n"
            )
        );
    }
    // A name with a dot or a folder is a file's.
    for typed in ["review.csv", "./review"] {
        assert_eq!(
            env.fails(&[typed]),
            format!("invitriage: error: {typed}: no such file\n")
        );
    }
}

/// Every command that prints: each output format of each.
const OUTPUTS: &[&[&str]] = &[
    &["stats"],
    &["stats", "--json"],
    &["classify"],
    &["classify", "--format", "csv"],
    &["classify", "--format", "json"],
    &["export"],
    &["export", "--format", "json"],
    &["drafts"],
    &["drafts", "--format", "csv"],
    &["drafts", "--format", "json"],
    &["check", "--to", "Colleen", "Hi Colleen"],
    &["check", "--json", "Hi"],
    &["completions", "bash"],
    &["generate", "3"],
    &["lists"],
    &["lists", "salutations"],
    &["--help"],
    &["--version"],
    &["help", "stats"],
    &["stats", "--help"],
];

/// Output that cannot be written (`> /dev/full`) is an error that says so,
/// for every command and format: never a panic, never a silent success.
#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_is_an_error() {
    let env = Env::new();
    for args in OUTPUTS {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = env.std_cmd().args(*args).stdout(full).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("invitriage: error: cannot write the output: No space left on device"),
            "{args:?}: {stderr}"
        );
    }
}

/// A standard output open only for reading (`1<file`) is an error too:
/// Rust's own handle would take it for a closed one and drop the text,
/// so every command reported success with nothing written.
#[cfg(unix)]
#[test]
fn output_not_open_for_writing_is_an_error() {
    let env = Env::new();
    let read_only = env.path(env.file("read-only.txt", "keep me\n"));
    for args in OUTPUTS {
        let out = env
            .std_cmd()
            .args(*args)
            .stdout(std::fs::File::open(&read_only).unwrap())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("invitriage: error: cannot write the output: Bad file descriptor"),
            "{args:?}: {stderr}"
        );
    }
    assert_eq!(std::fs::read_to_string(&read_only).unwrap(), "keep me\n");
}

/// A write past a file-size limit (`ulimit -f`) fails like one to a full
/// disk, with a word and status 2: the signal the system sends for it
/// killed the command without one (and the triage screen with the
/// terminal left raw).
#[cfg(unix)]
#[test]
fn a_file_size_limit_is_a_write_error() {
    let env = Env::new();
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 1 && exec \"$0\" classify --format csv > limited.csv")
        .arg(env.std_cmd().get_program())
        .envs(env.std_cmd().get_envs().filter_map(|(k, v)| Some((k, v?))))
        .current_dir(env.path(""))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("invitriage: error: cannot write the output: File too large"),
        "{stderr}"
    );
}

/// A line of 16 million commas, after the header or before it, is passed
/// over in a few times its size, not the 50 times both CSV readers took
/// (keeping 8 bytes for each field): under a limit of 400 MB of memory,
/// `stats` and `classify` aborted. From a file and from standard input.
#[cfg(unix)]
#[test]
fn a_line_of_millions_of_commas_is_read_in_little_memory() {
    let env = Env::new();
    let row = |n: &str| {
        format!(
            "{n},Colleen,\"7/8/26, 3:43 PM\",Hi,INCOMING,https://www.linkedin.com/in/{n},https://www.linkedin.com/in/c\n"
        )
    };
    let commas = ",".repeat(16 << 20);
    env.file(
        "after.csv",
        format!("{HEADER}\n{}{commas}\n{}", row("ann"), row("bo")),
    );
    env.file("before.csv", format!("{commas}\n{HEADER}\n{}", row("ann")));
    let skipped = "after.csv: line 3: has 16777217 fields where the header has 7 (row skipped)";
    for (command, said, read) in [
        ("stats after.csv", skipped, "2 incoming invitations"),
        ("classify --format csv after.csv", skipped, "in/bo,"),
        (
            "stats - < after.csv",
            "standard input: line 3: has 16777217 fields",
            "2 incoming invitations",
        ),
        ("stats before.csv", "", "1 incoming invitation:"),
    ] {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("ulimit -v 400000 && exec \"$0\" {command}"))
            .arg(env.std_cmd().get_program())
            .envs(env.std_cmd().get_envs().filter_map(|(k, v)| Some((k, v?))))
            .current_dir(env.path(""))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{command}: {stderr}");
        assert!(stderr.contains(said), "{command}: {stderr}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(read), "{command}: {stdout}");
    }
}

/// A standard error that cannot be written (full, closed) loses the
/// messages and nothing else: the exit status is the one the messages
/// would have gone with, never a panic's 101.
#[test]
fn messages_that_cannot_be_written_change_nothing() {
    let env = Env::new();
    for (args, code) in [
        (&["stats", "missing.csv"][..], 2),
        (&["stats"][..], 0),
        (&["export"][..], 0),
        (&["drafts", "missing.csv"][..], 2),
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = env
            .std_cmd()
            .args(args)
            .stderr(full)
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        assert_eq!(out.code(), Some(code), "{args:?}");
    }
}

/// `invitriage completions SHELL` prints a script that completes the
/// subcommands and their options, but not the hidden `generate`; an unknown
/// shell is refused by name.
#[test]
fn completions_for_each_shell() {
    let env = Env::new();
    for (shell, marker) in [
        ("bash", "complete -F _invitriage"),
        ("zsh", "#compdef invitriage"),
        ("fish", "complete -c invitriage"),
    ] {
        let out = env.cmd().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains(marker), "{shell}: {script}");
        for word in [
            "stats",
            "classify",
            "export",
            "drafts",
            "direction",
            "version",
        ] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
        assert!(
            !script.contains("generate"),
            "{shell} offers the hidden command"
        );
        if shell == "bash" {
            // `check --to` takes a person's name, not a file.
            assert!(
                script.contains("--to)\n                    COMPREPLY=(\"${cur}\")"),
                "bash: --to offers files"
            );
        }
        if shell == "fish" {
            // Values of a positional argument, which clap's script leaves out.
            assert!(
                script.contains("using_subcommand lists\" -f -a \"stock_texts "),
                "fish: the lists' names"
            );
        }
        if shell == "zsh" {
            // The first word is the command (zsh took `stats` for FILE and
            // completed the top level's options after it); files beside.
            let top = script.split("case $state in").next().unwrap();
            assert!(!top.contains("'::file"), "{top}");
            assert!(
                script.contains("commands \"$@\"\n    _files\n"),
                "files offered with the commands"
            );
        }
    }
    env.cmd()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values: bash"));
    // A broken config does not stand in the way of installing them.
    env.file("broken.toml", "[keys]\nacept = 1\n");
    for config in ["broken.toml", "missing.toml"] {
        env.cmd()
            .args(["--config", config, "completions", "bash"])
            .assert()
            .success()
            .stdout(predicate::str::contains("complete -F _invitriage"));
    }
    // Nor of a synthetic export, which reads no config either.
    env.cmd()
        .args(["--config", "broken.toml", "generate", "2"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl",
        ));
}

/// bash, as a user presses Tab: the first word offers the commands and the
/// files beside them (`invitriage my.csv` opens the triage screen), with
/// spaces in a name kept, and so does the word after a command that takes
/// FILE; an option's dash offers options only.
#[test]
fn bash_completes_files_as_the_first_word() {
    let env = Env::new();
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("no bash here: nothing to check");
        return;
    }
    let (code, script, _) = env.run(&["completions", "bash"]);
    assert_eq!(code, 0);
    env.file("invitriage.bash", script);
    env.file("my export.csv", "");
    let complete = |word: &str| {
        let out = std::process::Command::new("bash")
            .current_dir(env.path(""))
            .args([
                "-c",
                "source ./invitriage.bash; COMP_WORDS=(invitriage \"$1\"); COMP_CWORD=1; \
                 _invitriage invitriage \"$1\" invitriage; printf '%s\\n' \"${COMPREPLY[@]}\"",
                "bash",
                word,
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(complete("my"), "my export.csv\n");
    env.file("stuff.zip", "");
    let both = complete("st");
    assert_eq!(both, "stats\nstuff.zip\n");
    assert_eq!(complete("--v"), "--version\n");
    // After a command that takes FILE, the same; not after one that does not.
    let after = |command: &str, word: &str| {
        let out = std::process::Command::new("bash")
            .current_dir(env.path(""))
            .args([
                "-c",
                "source ./invitriage.bash; COMP_WORDS=(invitriage \"$1\" \"$2\"); COMP_CWORD=2; \
                 _invitriage invitriage \"$2\" \"$1\"; printf '%s\\n' \"${COMPREPLY[@]}\"",
                "bash",
                command,
                word,
            ])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(after("stats", "my"), "my export.csv\n");
    assert!(after("export", "").contains("my export.csv\n"));
    assert!(!after("check", "").contains("my export.csv"));
}

/// `--json` is taken by every command that writes JSON, as `--format json`.
#[test]
fn json_is_spelt_either_way_by_every_command() {
    let env = Env::new();
    for command in ["stats", "classify", "export", "drafts"] {
        let (code, short, _) = env.run(&[command, "--json"]);
        assert_eq!(code, 0, "{command}");
        let (_, long, _) = env.run(&[command, "--format", "json"]);
        assert_eq!(short, long, "{command}");
        serde_json::from_str::<Value>(&short).unwrap_or_else(|e| panic!("{command}: {e}"));
    }
    // Both given: the last one says, as for options given twice (a wrapper
    // that adds `--json` to what the user typed is not refused).
    let (_, json, _) = env.run(&["classify", "--format", "json", "--json"]);
    serde_json::from_str::<Value>(&json).unwrap();
    let (_, csv, _) = env.run(&["classify", "--json", "--format", "csv"]);
    assert!(csv.starts_with("From,To,"), "{csv}");
    let (_, json, _) = env.run(&["stats", "--format", "text", "--json"]);
    serde_json::from_str::<Value>(&json).unwrap();
    // An option given twice: its last value.
    let (code, text, _) = env.run(&["stats", "--format", "json", "--format", "text"]);
    assert_eq!(code, 0);
    assert!(text.contains("incoming invitations:"), "{text}");
}

/// FILE a named pipe that nothing writes to: after a second the wait is
/// said, and what is written then is read. One fed at once gets no word.
#[cfg(unix)]
#[test]
fn a_named_pipe_nothing_writes_to_is_said_to_wait() {
    use std::io::{Read, Write};
    let env = Env::new();
    let pipe = env.path("pipe.csv");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo cannot be run here; skipped");
        return;
    }
    let sample = include_str!("../assets/sample-invitations.csv");
    let run = |wait: std::time::Duration| {
        let mut child = env
            .std_cmd()
            .args(["stats", "pipe.csv"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(wait);
        // Opening it to write lets the reader's open return.
        std::fs::OpenOptions::new()
            .write(true)
            .open(&pipe)
            .unwrap()
            .write_all(sample.as_bytes())
            .unwrap();
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{stderr}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("\n135 incoming"), "{stdout}");
        stderr
    };
    assert_eq!(
        run(std::time::Duration::from_millis(1600)),
        "invitriage: waiting for pipe.csv: it is a named pipe, read once a program has written to it and closed it (Ctrl-C stops)\n"
    );
    assert_eq!(run(std::time::Duration::ZERO), "");
}

/// A thank-you to someone accepted since, gone from the newer export, is
/// marked sent by its id (the checklist gives it): the next list leaves it
/// out, and `--not` brings it back. A wrong id names what is wrong.
#[test]
fn mark_sent_takes_a_gone_thank_you_off_the_list() {
    use invitriage::journal::{Decision, DraftKind, Journal, Whom};
    let env = Env::new();
    let (finn, anna) = (url("finn-berg"), url("anna-kowal"));
    let older = env.file(
        "older.csv",
        export(
            HEADER,
            &[
                incoming("Finn Berg", &finn, "We met at RustConf."),
                incoming("Anna Kowal", &anna, "Hello"),
            ],
        ),
    );
    let newer = env.file(
        "newer.csv",
        export(HEADER, &[incoming("Anna Kowal", &anna, "Hello")]),
    );
    let (invs, _) = env.classify(older);
    let finn_id: invitriage::invitation::InvitationId =
        invs[0]["id"].as_str().unwrap().parse().unwrap();
    {
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let at = invitriage::import::parse_sent_at("2026-11-25T10:00:00").unwrap();
        j.record_decision(&[finn_id], Some(Decision::Accepted), at)
            .unwrap();
        j.record_draft_to(
            finn_id,
            DraftKind::ThankYou,
            "Thanks, Finn!",
            at,
            Whom::new("Finn Berg", &finn),
        )
        .unwrap();
    }
    let (_, md, _) = env.run(&["export", newer, "--format", "md"]);
    assert!(
        md.contains(&format!("**Finn Berg** · <{finn}> · id `{finn_id}`")),
        "{md}"
    );
    let id = finn_id.to_string();
    let (code, _, stderr) = env.run(&["mark-sent", &id]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "marked the thank-you to Finn Berg ({id}) sent: the action lists leave it out"
        )),
        "{stderr}"
    );
    let (_, md, stderr) = env.run(&["export", newer, "--format", "md"]);
    assert!(!md.contains("Finn Berg"), "{md}");
    assert!(
        md.contains("Marked sent: 1 reply or thank-you you marked sent on LinkedIn is not listed."),
        "{md}"
    );
    // Counted once: in the note on the decisions not in this export.
    assert!(
        stderr.contains(
            "1 decision is not listed: for invitations not in this export (answered or withdrawn on LinkedIn since, in another export, or under a profile URL that has changed); 1 of them with a thank-you marked sent\n"
        ) && !stderr.contains("marked sent is not listed"),
        "{stderr}"
    );
    // Again: said, nothing written twice.
    let (code, _, stderr) = env.run(&["mark-sent", &id]);
    assert_eq!(code, 0);
    assert!(stderr.contains("was marked sent 2026-"), "{stderr}");
    let (code, _, _) = env.run(&["mark-sent", "--not", &id]);
    assert_eq!(code, 0);
    let (_, md, _) = env.run(&["export", newer, "--format", "md"]);
    assert!(md.contains("**Finn Berg**"), "{md}");
    // Wrong ids: one that is none, one with nothing under it.
    let (code, _, stderr) = env.run(&["mark-sent", "finn"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("`finn` is not an invitation id: 16 hex digits"),
        "{stderr}"
    );
    let (code, _, stderr) = env.run(&["mark-sent", "00000000000000ff"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("00000000000000ff: nothing decided or drafted under this id"),
        "{stderr}"
    );
    // An id of the sample's journal, given without --sample: the flag.
    {
        let (mut j, _) = Journal::open(&env.path("data").join("sample")).unwrap();
        let at = invitriage::import::parse_sent_at("2026-11-25T10:00:00").unwrap();
        let kenji = "00000000000000ee".parse().unwrap();
        j.record_draft(kenji, DraftKind::Reply, "Hi Kenji", at)
            .unwrap();
    }
    let (code, _, stderr) = env.run(&["mark-sent", "00000000000000ee"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("it is in the bundled sample's journal (add --sample)"),
        "{stderr}"
    );
    let (code, _, stderr) = env.run(&["mark-sent", "--sample", "00000000000000ee"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = env.run(&["mark-sent", "--sample", &id]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("it is in your own journal, not the sample's (leave out --sample)"),
        "{stderr}"
    );
    // One marked sent for someone gone and one here: stderr counts the
    // second as one more, with the list's count of both.
    let (code, _, _) = env.run(&["mark-sent", &id]);
    assert_eq!(code, 0);
    {
        let anna_id = invs[1]["id"].as_str().unwrap().parse().unwrap();
        let (mut j, _) = Journal::open(&env.path("data")).unwrap();
        let at = invitriage::import::parse_sent_at("2026-11-25T10:00:00").unwrap();
        j.record_decision(&[anna_id], Some(Decision::Replied), at)
            .unwrap();
        j.record_draft(anna_id, DraftKind::Reply, "How can I help?", at)
            .unwrap();
        assert!(
            j.record_mark_sent(anna_id, DraftKind::Reply, true, at)
                .unwrap()
        );
    }
    let (_, md, stderr) = env.run(&["export", newer, "--format", "md"]);
    assert!(
        md.contains(
            "Marked sent: 2 replies and thank-yous you marked sent on LinkedIn are not listed."
        ),
        "{md}"
    );
    assert!(
        stderr.contains("1 of them with a thank-you marked sent")
            && stderr.contains("; 1 more reply or thank-you marked sent is not listed (2 in all)"),
        "{stderr}"
    );
    // `--data-dir` naming a file is said as such, as `export` says it.
    let err = env.fails(&["--data-dir", newer, "mark-sent", &id]);
    assert!(
        err.contains("the data directory newer.csv is a file, not a directory"),
        "{err}"
    );
}
