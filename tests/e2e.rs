//! End to end: the real binary in a pseudo-terminal, driven by key presses,
//! its screen read back through a terminal emulator (vt100), as a person
//! would see it.
//!
//! Unix only: the pseudo-terminal, the signals and the hang-up they test
//! are Unix ones.
#![cfg(unix)]

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::process::unix::{PtyStream, UnixProcess, WaitStatus};

use invitriage::journal::{Decision, Journal};

type Pty = Session<UnixProcess, PtyStream>;

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

struct App {
    session: Pty,
    screen: vt100::Parser,
    /// How the process ended, once [`App::wait_exit`] saw it end.
    exit: Option<WaitStatus>,
}

impl App {
    fn start(data: &Path) -> App {
        Self::start_with(data, &[])
    }

    /// The app on `file`, in the test's environment.
    fn start_on(data: &Path, file: &Path) -> App {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_invitriage"));
        cmd.arg(file);
        Self::spawn(Self::environment(cmd, data, &[]))
    }

    /// The app on `file` at `now` (`INVITRIAGE_NOW`).
    fn start_on_at(data: &Path, file: &Path, now: &str) -> App {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_invitriage"));
        cmd.arg(file);
        Self::spawn(Self::environment(cmd, data, &[("INVITRIAGE_NOW", now)]))
    }

    fn start_with(data: &Path, env: &[(&str, &str)]) -> App {
        let cmd = Command::new(env!("CARGO_BIN_EXE_invitriage"));
        Self::spawn(Self::environment(cmd, data, env))
    }

    /// `cmd` with the test's environment: its own home, config and data,
    /// a pinned clock, no colour, a browser that does nothing.
    fn environment(mut cmd: Command, data: &Path, env: &[(&str, &str)]) -> Command {
        cmd.env_clear()
            .env("TERM", "xterm-256color")
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", data)
            .env("XDG_CONFIG_HOME", data.join("config"))
            .env("INVITRIAGE_DATA_DIR", data)
            .env("INVITRIAGE_NOW", "2026-11-25T12:00:00")
            .env("NO_COLOR", "1")
            .env("BROWSER", "true");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd
    }

    /// The triage screen on `export` given as standard input (`-`), once
    /// it shows.
    fn on_a_pipe(data: &Path, export: &Path) -> App {
        let mut sh = Command::new("sh");
        sh.args(["-c", "exec \"$0\" - < \"$1\""])
            .arg(env!("CARGO_BIN_EXE_invitriage"))
            .arg(export);
        let mut app = App::spawn(App::environment(sh, data, &[]));
        app.wait_for("invitriage · standard input · ");
        app
    }

    fn spawn(cmd: Command) -> App {
        let mut session = Session::spawn(cmd).expect("spawn in a pty");
        session.get_process_mut().set_window_size(100, 30).unwrap();
        App {
            session,
            screen: vt100::Parser::new(nz(30), nz(100), 0),
            exit: None,
        }
    }

    fn pump(&mut self) {
        let mut buf = [0u8; 8192];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => break,
                Ok(n) => self.screen.process(&buf[..n]),
                Err(_) => break,
            }
        }
    }

    fn text(&mut self) -> String {
        self.pump();
        self.screen.screen().contents()
    }

    /// Waits until the screen shows `needle`, or fails with the screen.
    fn wait_for(&mut self, needle: &str) {
        let start = Instant::now();
        loop {
            let text = self.text();
            if text.contains(needle) {
                return;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("timed out waiting for {needle:?}; the screen:\n{text}");
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn press(&mut self, keys: &str) {
        self.session.write_all(keys.as_bytes()).unwrap();
        self.session.flush().unwrap();
        // A bare ESC followed at once by another key reads as Alt-key.
        std::thread::sleep(Duration::from_millis(120));
    }

    /// Opens the Default tab, then resizes the terminal to `w`×`h`. A key
    /// is answered first, so the app is already listening for the resize
    /// signal when it comes.
    fn resize(&mut self, w: u16, h: u16) {
        self.wait_for("decided 0 of 135");
        self.press("3");
        self.wait_for("Abena Reyes");
        self.session
            .get_process_mut()
            .set_window_size(w, h)
            .unwrap();
        self.screen.set_size(nz(h), nz(w));
    }

    /// Sends the signal named `signal` (`KILL`, `TERM`) and waits for the
    /// process to end.
    fn kill(&mut self, signal: &str) {
        let pid = self.session.get_process().pid().to_string();
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        assert!(status.success());
        assert!(self.wait_exit(), "SIG{signal} ends the app");
    }

    /// Waits up to ten seconds for the process to end; keeps how it did.
    fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            self.pump();
            match self.session.get_process().status() {
                Ok(WaitStatus::StillAlive) => {}
                Ok(status) => {
                    self.exit = Some(status);
                    return true;
                }
                Err(_) => return true,
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        false
    }
}

/// Runs the binary with `args` in a pseudo-terminal `cols`×`rows` (0×0:
/// one that reports no size, as under `script -qc`), types `input`, and
/// returns its exit code and all it printed (the typing echoed too), lines
/// ending in `\n`.
fn in_pty(dir: &Path, args: &[&str], cols: u16, rows: u16, input: &str) -> (i32, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_invitriage"));
    cmd.args(args);
    let mut session = Session::spawn(App::environment(cmd, dir, &[])).expect("spawn in a pty");
    session
        .get_process_mut()
        .set_window_size(cols, rows)
        .unwrap();
    session.write_all(input.as_bytes()).unwrap();
    session.flush().unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 8192];
    let start = Instant::now();
    let code = loop {
        while let Ok(n @ 1..) = session.try_read(&mut buf) {
            out.extend_from_slice(&buf[..n]);
        }
        match session.get_process().status() {
            Ok(WaitStatus::StillAlive) => {}
            Ok(WaitStatus::Exited(_, code)) => break code,
            other => panic!("{args:?} ended with {other:?}"),
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{args:?} timed out; it printed:\n{}",
            String::from_utf8_lossy(&out)
        );
        std::thread::sleep(Duration::from_millis(30));
    };
    while let Ok(n @ 1..) = session.try_read(&mut buf) {
        out.extend_from_slice(&buf[..n]);
    }
    (code, String::from_utf8_lossy(&out).replace("\r\n", "\n"))
}

/// A terminal that reports a width of 0 (`stty size` says `0 0` under
/// `script -qc` and in some `docker -t` and CI terminals): `check` keeps
/// its lines whole instead of printing a character per line.
#[test]
fn check_in_a_terminal_of_width_zero_keeps_its_lines() {
    let dir = tempfile::tempdir().unwrap();
    let note = "Hi Sam, we met at the ASCM forum in Lisbon and I would love your advice on carrier scorecards.";
    let (code, out) = in_pty(dir.path(), &["check", note, "--to", "Sam Rivera"], 0, 0, "");
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.contains(&"ready to send"), "{out}");
    assert!(lines.contains(&"length: 94 of 300 characters"), "{out}");
    assert!(lines.len() < 12, "{out}");
}

/// FILE `-` with standard input a terminal: a line says the program is
/// reading it and how to end, where it used to wait in silence.
#[test]
fn reading_a_terminal_says_how_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let said = "invitriage: reading standard input (end with Ctrl-D)\n";
    let (code, out) = in_pty(
        dir.path(),
        &["check", "-"],
        100,
        30,
        "We met at the ASCM forum in Lisbon.\n\x04",
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(said), "{out}");
    assert!(out.ends_with("ready to send\n"), "{out}");
    let (code, out) = in_pty(dir.path(), &["stats", "-"], 100, 30, "\x04");
    assert_eq!(code, 2, "nothing typed: {out}");
    assert!(out.starts_with(said), "{out}");
    assert!(out.contains("standard input"), "{out}");
}

/// The folder of the bundled sample's journal in the data folder `data`.
fn sample_journal(data: &Path) -> std::path::PathBuf {
    data.join(invitriage::config::SAMPLE_DIR_NAME)
}

fn decisions(data: &Path) -> Vec<Decision> {
    let (journal, _) = Journal::open(data).expect("journal opens after the app is gone");
    journal.iter().filter_map(|(_, e)| e.decision()).collect()
}

/// Keys typed before the screen is up (a large export loading) were typed
/// at a list not seen yet: they are dropped, not taken as decisions.
#[test]
fn keys_typed_before_the_screen_is_up_decide_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    // At once: the app is still starting.
    app.session.write_all(b"aai").unwrap();
    app.session.flush().unwrap();
    app.wait_for("decided 0 of 135");
    app.press("j");
    app.wait_for("row  2 of 13");
    app.press("q");
    assert!(app.wait_exit(), "q quits");
    assert!(decisions(&sample_journal(dir.path())).is_empty());
}

#[test]
fn a_person_triages_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.wait_for("135 invitations: 13 customised · 10 greeting-only · 112 default (83%)");
    app.wait_for("decided 0 of 135");
    // With no file, the first screen says how to open one's own.
    app.wait_for("Fictional sample · open yours: invitriage ~/Downloads · ? help");
    app.press("j");
    app.wait_for("q quit");
    app.press("k");
    app.press("a");
    app.wait_for("Accepted ");
    app.wait_for("decided 1 of 135");
    app.press("3");
    app.press("I");
    app.wait_for("Ignore all 112 default invitations?");
    app.press("y");
    app.wait_for("Ignored 112 invitations");
    app.press("?");
    app.wait_for("Help · Esc to close");
    app.press("\x1b");
    app.press("s");
    app.wait_for("Your pending invitations");
    app.press("\x1b");
    // A step this large asks first, y or n (a held u is no answer).
    app.press("u");
    app.wait_for("Undo ignore of 112 invitations?  y yes  n no");
    app.press("u");
    app.press("y");
    app.wait_for("Undid ignore: 112 invitations");
    app.press("q");
    assert!(app.wait_exit(), "q quits");
    assert!(
        matches!(app.exit, Some(WaitStatus::Exited(_, 0))),
        "{:?}",
        app.exit
    );
    let d = decisions(&sample_journal(dir.path()));
    assert_eq!(d, vec![Decision::Accepted]);
    // The sample's decisions are kept apart from your own exports'.
    assert!(!dir.path().join(invitriage::journal::FILE_NAME).exists());
    // Back in the shell: what this run decided, and the command to act on it.
    let out = app.text();
    assert!(
        out.contains("invitriage: 1 decided this session; 1 of 135 received invitations decided (1 accepted, 0 ignored, 0 replied)."),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "invitriage: `invitriage export --data-dir {} --format md` lists what to do on LinkedIn",
            dir.path().display()
        )),
        "the data folder of this run, from INVITRIAGE_DATA_DIR: {out}"
    );
}

/// With steps from an earlier day in the journal, the command named on
/// quitting says how to list today's alone; when `--since` would leave
/// nothing out (the earlier step is for someone gone from the export),
/// it does not.
#[test]
fn quitting_after_an_earlier_day_names_since() {
    let earlier_decision = |data: &Path, id: invitriage::invitation::InvitationId| {
        let (mut j, _) = Journal::open(&sample_journal(data)).unwrap();
        let at = invitriage::import::parse_sent_at("2026-11-20T09:00:00").unwrap();
        j.record_decision(&[id], Some(Decision::Ignored), at)
            .unwrap();
    };
    let quit_after_one_accept = |data: &Path, before: &str, after: &str| {
        let mut app = App::start(data);
        app.wait_for(before);
        app.press("a");
        app.wait_for(after);
        app.press("q");
        assert!(app.wait_exit(), "q quits");
        app.text()
    };
    // The sample's last received invitation: not the one `a` accepts.
    let sample = invitriage::import::load(&invitriage::import::Source::Sample).unwrap();
    let last = sample
        .invitations
        .iter()
        .rev()
        .find(|inv| inv.direction == invitriage::invitation::Direction::Incoming)
        .unwrap()
        .id;
    let dir = tempfile::tempdir().unwrap();
    earlier_decision(dir.path(), last);
    let out = quit_after_one_accept(dir.path(), "decided 1 of 135", "decided 2 of 135");
    assert!(
        out.contains("lists what to do on LinkedIn; add `--since 2026-11-25T12:00` for only what this run decided or drafted"),
        "{out}"
    );
    // An earlier decision for someone gone from the export is in no list:
    // `--since` would leave nothing out.
    let gone = tempfile::tempdir().unwrap();
    earlier_decision(gone.path(), invitriage::invitation::InvitationId(7));
    let out = quit_after_one_accept(gone.path(), "decided 0 of 135", "decided 1 of 135");
    assert!(out.contains("lists what to do on LinkedIn"), "{out}");
    assert!(!out.contains("--since"), "{out}");
}

/// Three invitations from people met at no event, all received.
fn three_invitations(dir: &Path) -> std::path::PathBuf {
    let export = dir.join("Invitations.csv");
    let row = |from: &str, sent: &str| {
        let slug = from.to_lowercase().replace(' ', "-");
        format!(
            "{from},Colleen Doe,\"{sent}\",,INCOMING,https://www.linkedin.com/in/{slug},https://www.linkedin.com/in/colleen-doe\n"
        )
    };
    let csv = format!(
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n{}{}{}",
        row("Ada Byron", "11/20/26, 9:00 AM"),
        row("Bo Chen", "11/21/26, 9:00 AM"),
        row("Cy Dee", "11/22/26, 9:00 AM")
    );
    std::fs::write(&export, csv).unwrap();
    export
}

/// `invitriage export --format md [--since SINCE] FILE` at `now`, as the
/// user would run it next: its checklist.
fn checklist(data: &Path, export: &Path, now: &str, since: Option<&str>) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_invitriage"));
    cmd.args(["export", "--format", "md"]);
    if let Some(since) = since {
        cmd.args(["--since", since]);
    }
    cmd.arg(export);
    let out = App::environment(cmd, data, &[("INVITRIAGE_NOW", now)])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// An undo that brings back an earlier day's decision changes what to do
/// on LinkedIn: the command named on quitting is the full list, and
/// `--since` the run's start lists it too, as brought back by the undo (a
/// day after the reply it undid: an undo an hour or more after its step).
#[test]
fn quitting_after_an_undo_to_an_earlier_day_does_not_name_since() {
    let dir = tempfile::tempdir().unwrap();
    let export = three_invitations(dir.path());
    // Day 1: Cy Dee accepted, then replied to instead.
    let mut app = App::start_on_at(dir.path(), &export, "2026-11-28T09:00:00");
    app.wait_for("decided 0 of 3");
    app.press("a");
    app.wait_for("decided 1 of 3");
    app.press("k");
    app.press("r");
    app.wait_for("reply instead of accepting?");
    app.press("r");
    app.wait_for("Reply to Cy Dee instead of accepting");
    app.press("x");
    app.press("\x13");
    app.wait_for("marked replied, was accepted");
    app.press("q");
    assert!(app.wait_exit(), "q quits");
    let day1 = checklist(dir.path(), &export, "2026-11-28T09:30:00", None);
    assert!(day1.contains("## Reply without accepting (1)"), "{day1}");
    // Day 2: the reply undone, Cy Dee is to be accepted.
    let mut app = App::start_on_at(dir.path(), &export, "2026-11-29T10:00:00");
    app.wait_for("decided 1 of 3");
    app.press("u");
    app.wait_for("Undid reply draft of 28 Nov: Cy Dee (accepted again)");
    app.press("q");
    assert!(app.wait_exit(), "q quits");
    let out = app.text();
    assert!(
        out.contains("invitriage: 1 changed this session; 1 of 3 received invitations decided (1 accepted, 0 ignored, 0 replied)."),
        "{out}"
    );
    assert!(!out.contains("add `--since"), "{out}");
    assert!(
        out.contains("lists what to do on LinkedIn") && !out.contains("(not with"),
        "{out}"
    );
    // The full list, as named, says to accept them; `--since` would not.
    let day2 = checklist(dir.path(), &export, "2026-11-29T10:05:00", None);
    assert!(
        day2.contains("## Accept (1)") && day2.contains("**Cy Dee**"),
        "{day2}"
    );
    let since = checklist(
        dir.path(),
        &export,
        "2026-11-29T10:05:00",
        Some("2026-11-29T10:00"),
    );
    assert!(
        since.contains("- [ ] **Cy Dee** · default · accepted 2026-11-28 09:00, before `--since`: listed for the undo since that brought it back · changed from replied of 2026-11-28"),
        "{since}"
    );
}

/// A run whose only change undid an earlier day's decision (back to
/// undecided) recorded no step `--since` could list: the quit message
/// names the full list, without `--since`.
#[test]
fn quitting_after_only_an_undo_does_not_name_since() {
    let dir = tempfile::tempdir().unwrap();
    let export = three_invitations(dir.path());
    let mut app = App::start_on_at(dir.path(), &export, "2026-11-27T09:00:00");
    app.wait_for("decided 0 of 3");
    app.press("a");
    app.wait_for("decided 1 of 3");
    app.press("a");
    app.wait_for("decided 2 of 3");
    app.press("q");
    assert!(app.wait_exit(), "q quits");
    let mut app = App::start_on_at(dir.path(), &export, "2026-11-28T09:00:00");
    app.wait_for("decided 2 of 3");
    app.press("u");
    app.wait_for("Undid accept of 27 Nov");
    app.press("q");
    assert!(app.wait_exit(), "q quits");
    let out = app.text();
    assert!(out.contains("lists what to do on LinkedIn"), "{out}");
    assert!(!out.contains("--since"), "{out}");
}

/// Back on an export all decided, with nothing changed: `q` names the
/// checklist's command, as the screen says it will.
#[test]
fn quitting_an_inbox_decided_before_names_the_checklist() {
    let dir = tempfile::tempdir().unwrap();
    let export = three_invitations(dir.path());
    let mut app = App::start_on(dir.path(), &export);
    app.wait_for("decided 0 of 3");
    for n in 1..=3 {
        app.press("a");
        app.wait_for(&format!("decided {n} of 3"));
    }
    app.press("q");
    assert!(app.wait_exit(), "q quits");
    let mut app = App::start_on(dir.path(), &export);
    app.wait_for("Every invitation is decided. q quits and names the command");
    app.press("q");
    assert!(app.wait_exit(), "q quits");
    let out = app.text();
    assert!(!out.contains("this session"), "nothing changed: {out}");
    assert!(
        out.contains(&format!(
            "invitriage: `invitriage export --data-dir {} --format md {}` lists what to do on LinkedIn",
            dir.path().display(),
            export.display()
        )),
        "{out}"
    );
}

/// A run that undid all there was names no checklist: it would be empty.
#[test]
fn quitting_after_undoing_everything_names_no_checklist() {
    let dir = tempfile::tempdir().unwrap();
    let export = three_invitations(dir.path());
    let mut app = App::start_on(dir.path(), &export);
    app.wait_for("decided 0 of 3");
    app.press("a");
    app.wait_for("decided 1 of 3");
    app.press("q");
    assert!(app.wait_exit(), "q quits");
    let mut app = App::start_on(dir.path(), &export);
    app.wait_for("decided 1 of 3");
    app.press("u");
    app.wait_for("decided 0 of 3");
    app.press("q");
    assert!(app.wait_exit(), "q quits");
    let out = app.text();
    assert!(out.contains("1 decision undone this session"), "{out}");
    assert!(!out.contains("lists what to do"), "{out}");
}

/// Text pasted into the list (bracketed paste, as terminals send it) is
/// not read as keys: its `a`s and `i`s decide nothing. The terminal leaves
/// paste mode on quit.
#[test]
fn a_paste_decides_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.wait_for("decided 0 of 135");
    assert!(app.screen.screen().bracketed_paste(), "paste mode on");
    app.press("\x1b[200~ai ai\x1b[201~");
    app.wait_for("not taken as keys");
    app.press("q");
    assert!(app.wait_exit(), "q quits");
    app.pump();
    assert!(!app.screen.screen().bracketed_paste(), "paste mode off");
    assert!(decisions(dir.path()).is_empty());
}

/// `unzip -p export.zip Invitations.csv | invitriage -`: the export comes on
/// standard input, and the keys from the terminal. This used to be refused
/// with "the triage screen needs a terminal". A row that cannot be read is
/// counted on the screen, not passed over in silence.
#[test]
fn the_export_can_come_on_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("export.csv");
    let mut csv = invitriage::synth::generate(40, 3);
    // More than `stats` names one by one: its JSON lists them all.
    for _ in 0..21 {
        csv.push_str("Bad Row,Colleen Ruiz,not a date,,INCOMING,,\n");
    }
    std::fs::write(&export, csv).unwrap();
    let mut app = App::on_a_pipe(dir.path(), &export);
    app.wait_for("21 unreadable rows skipped, the first line ");
    app.press("?");
    app.wait_for("(the same export on standard input) lists them all");
    let help = app.text();
    assert!(help.contains(" --json -` (the same export"), "{help}");
    app.press("?");
    app.press("a");
    app.wait_for("Accepted ");
    app.press("q");
    assert!(app.wait_exit(), "q quits");
    assert_eq!(decisions(dir.path()), vec![Decision::Accepted]);
    let out = app.text();
    assert!(
        out.contains(&format!(
            "`invitriage export --data-dir {} --format md -` (the same export on standard input)",
            dir.path().display()
        )),
        "{out}"
    );
}

/// An export on a pipe has no size to go by: what the wait before the
/// first screen is for is said first, as for a large file.
#[test]
fn reading_a_pipe_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("export.csv");
    std::fs::write(&export, invitriage::synth::generate(40, 3)).unwrap();
    let mut app = App::on_a_pipe(dir.path(), &export);
    app.press("q");
    assert!(app.wait_exit(), "q quits");
    let out = app.text();
    assert!(out.contains("invitriage: reading standard input…"), "{out}");
}

/// A newer export a few days on: what it adds is news, also what was sent
/// before the last decision (it came after the older export was taken),
/// and the journal's folder keeps how far the screen had seen.
#[test]
fn a_newer_export_names_what_came_since_the_one_opened_before() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("Invitations.csv");
    let row = |from: &str, sent: &str| {
        let slug = from.to_lowercase().replace(' ', "-");
        format!(
            "{from},Colleen Doe,\"{sent}\",,INCOMING,https://www.linkedin.com/in/{slug},https://www.linkedin.com/in/colleen-doe\n"
        )
    };
    // A row dated 2098 (a damaged one, a clock behind) is no news, and
    // must not hide what comes after it.
    let older = format!(
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n{}{}{}",
        row("Ada Byron", "11/20/26, 9:00 AM"),
        row("Bo Chen", "11/21/26, 9:00 AM"),
        row("Zed Later", "12/31/2098, 9:00 AM")
    );
    std::fs::write(&export, &older).unwrap();
    let mut app = App::start_on(dir.path(), &export);
    app.wait_for("decided 0 of 3");
    // Written as the run ends: what is new is seen once the screen has
    // shown it.
    let seen = dir.path().join(invitriage::journal::SEEN_FILE_NAME);
    assert!(!seen.exists(), "not at the start");
    // Newest first: past the row of 2098, which stays undecided.
    app.press("j");
    app.press("a");
    app.wait_for("decided 1 of 3");
    app.press("q");
    assert!(app.wait_exit(), "q quits");
    assert!(seen.is_file());

    // Both new ones were sent before the decision (the clock is pinned at
    // 25 Nov 12:00).
    let newer = format!(
        "{older}{}{}",
        row("Cy Dube", "11/23/26, 9:00 AM"),
        row("Di Egan", "11/24/26, 9:00 AM")
    );
    std::fs::write(&export, newer).unwrap();
    let mut again = App::start_on(dir.path(), &export);
    again.wait_for("2 invitations are new since the export you opened earlier today");
    assert!(
        !again.text().contains("3 invitations are new"),
        "the row of 2098 is no news"
    );
    again.press("q");
    assert!(again.wait_exit());

    // The same export once more: nothing in it is new now.
    let mut third = App::start_on(dir.path(), &export);
    third.wait_for("decided 1 of 5");
    assert!(!third.text().contains("new since"), "{}", third.text());
    third.press("q");
    assert!(third.wait_exit());

    // A damaged seen.json is named, and the count falls back to the last
    // step.
    std::fs::write(&seen, "{\"v\":1,").unwrap();
    let mut fourth = App::start_on(dir.path(), &export);
    // Among the notes (the row of 2098 has its own): the help lists them.
    fourth.wait_for("notes (? shows them)");
    fourth.press("?");
    fourth.wait_for("seen.json: not what invitriage writes");
    fourth.wait_for("1 invitation is dated after today");
    fourth.press("\u{1b}");
    fourth.press("q");
    assert!(fourth.wait_exit());
    assert!(
        std::fs::read_to_string(&seen)
            .unwrap()
            .contains("\"newest\":\"2026-11-24T09:00:00\""),
        "written anew, without the date to come"
    );
}

/// One invitation from Ada Byron, in an export with profile URLs
/// (`Invitations.csv`) and in the older format without them (`Old.csv`).
fn ada_exports(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let export = dir.join("Invitations.csv");
    std::fs::write(
        &export,
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
         Ada Byron,Colleen Doe,\"11/20/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/ada,https://www.linkedin.com/in/colleen\n",
    )
    .unwrap();
    let old = dir.join("Old.csv");
    std::fs::write(
        &old,
        "From,To,Sent At,Message,Direction\nAda Byron,Colleen Doe,\"11/20/26, 9:00 AM\",,INCOMING\n",
    )
    .unwrap();
    (export, old)
}

/// An export in LinkedIn's older format (no profile URLs) cannot match
/// decisions made on one with them: the start says so, with their count,
/// rather than show those people undecided without a word.
#[test]
fn an_export_without_profile_urls_counts_the_decisions_it_cannot_match() {
    let dir = tempfile::tempdir().unwrap();
    let (export, old) = ada_exports(dir.path());
    let mut app = App::start_on(dir.path(), &export);
    app.wait_for("decided 0 of 1");
    app.press("a");
    app.wait_for("decided 1 of 1");
    app.press("q");
    assert!(app.wait_exit(), "q quits");

    let mut again = App::start_on(dir.path(), &old);
    again.wait_for("decided 0 of 1");
    again.press("?");
    again.wait_for("this export has no profile URLs, so 1 decision made");
    again.press("q");
    again.press("q");
    assert!(again.wait_exit());
}

/// Decided on an export with profile URLs, then otherwise on one in the
/// older format, the invitation shows the later decision in the next
/// export with URLs; `u` there goes back to the earlier decision, and a
/// second `u` says why it stops there (rather than call Ada's accept "not
/// in this export"), and that the next start undoes it, which it does.
#[test]
fn a_decision_on_an_older_export_stands_on_the_earlier_one() {
    let dir = tempfile::tempdir().unwrap();
    let (export, old) = ada_exports(dir.path());
    let mut app = App::start_on(dir.path(), &export);
    app.wait_for("decided 0 of 1");
    app.press("a");
    app.wait_for("decided 1 of 1");
    app.press("q");
    assert!(app.wait_exit(), "q quits");
    let mut app = App::start_on(dir.path(), &old);
    app.wait_for("decided 0 of 1");
    app.press("i");
    app.wait_for("Ignored Ada Byron");
    app.press("q");
    assert!(app.wait_exit(), "q quits");

    let mut app = App::start_on(dir.path(), &export);
    app.wait_for("decided 1 of 1");
    app.press("u");
    app.wait_for("Undid ignore: Ada Byron (accepted again)");
    app.press("u");
    app.wait_for("was made on Ada Byron's invitation in an export");
    app.press("q");
    assert!(app.wait_exit(), "q quits");
    // As it says: the next start undoes it.
    let mut app = App::start_on(dir.path(), &export);
    app.wait_for("decided 1 of 1");
    app.press("u");
    app.wait_for("Undid accept");
    app.press("q");
    assert!(app.wait_exit(), "q quits");
}

/// The command said on leaving names the export as given, quoted for the
/// shell; a run that decided nothing says nothing.
#[test]
fn leaving_names_the_export_command_for_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("my export.csv");
    std::fs::write(&export, invitriage::synth::generate(40, 3)).unwrap();
    let mut app = App::start_on(dir.path(), &export);
    app.wait_for("my export.csv");
    app.press("a");
    app.wait_for("Accepted ");
    app.press("q");
    assert!(app.wait_exit(), "q quits");
    let out = app.text();
    let quoted = format!("'{}'", export.display());
    assert!(
        out.contains(&format!(
            "`invitriage export --data-dir {} --format md {quoted}` lists",
            dir.path().display()
        )),
        "{out}"
    );

    let mut again = App::start_on(dir.path(), &export);
    again.wait_for("decided 1 of");
    again.press("q");
    assert!(again.wait_exit());
    assert!(!again.text().contains("this session"));
}

#[test]
fn a_decision_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.wait_for("decided 0 of 135");
    app.press("i");
    app.wait_for("Ignored ");
    app.kill("KILL");
    assert_eq!(
        decisions(&sample_journal(dir.path())),
        vec![Decision::Ignored]
    );
    let mut again = App::start(dir.path());
    again.wait_for("decided 1 of 135");
    again.press("q");
    assert!(again.wait_exit());
}

/// A draft being written when the app is killed is offered again, word
/// for word, on the next start.
#[test]
fn an_unsaved_draft_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.wait_for("decided 0 of 135");
    app.press("r");
    app.wait_for("Reply to Kenji Jankowski");
    app.press("Friday at ten?");
    app.wait_for("Friday at ten?");
    app.kill("KILL");
    let mut again = App::start(dir.path());
    again.wait_for("Recovered your unsaved reply to Kenji Jankowski");
    let text = again.text();
    assert!(
        text.contains("Thank you for the thoughtful note. Friday at ten?"),
        "{text}"
    );
    assert!(text.contains("recovered, not saved yet"), "{text}");
    again.press("\x13"); // Ctrl-S
    again.wait_for("the saved reply to Kenji Jankowski (marked replied; u undoes)");
    again.press("q");
    assert!(again.wait_exit());
    assert_eq!(
        decisions(&sample_journal(dir.path())),
        vec![Decision::Replied]
    );
}

/// A draft being written when the app is killed follows its person to a
/// newer export where their profile URL changed (a custom one set), as a
/// saved one does: matched by the minute and the name, and offered there,
/// word for word, rather than kept for the export it was written on.
#[test]
fn an_unsaved_draft_survives_a_changed_profile_url() {
    let dir = tempfile::tempdir().unwrap();
    let export = |name: &str, slug: &str| {
        let path = dir.path().join(name);
        std::fs::write(
            &path,
            format!(
                "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
                 Fatima Sokolov,Colleen Doe,\"11/20/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/{slug},https://www.linkedin.com/in/colleen\n\
                 Ada Byron,Colleen Doe,\"11/19/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/ada,https://www.linkedin.com/in/colleen\n"
            ),
        )
        .unwrap();
        path
    };
    let (before, after) = (
        export("Before.csv", "fatima-sokolov-28ed9"),
        export("After.csv", "fatima-sokolov"),
    );
    let mut app = App::start_on(dir.path(), &before);
    app.wait_for("decided 0 of 2");
    app.press("3");
    app.wait_for("Fatima Sokolov");
    app.press("g");
    app.press("r");
    app.wait_for("Reply to Fatima Sokolov");
    app.press("Friday at ten?");
    app.wait_for("Friday at ten?");
    app.kill("KILL");
    let mut again = App::start_on(dir.path(), &after);
    again.wait_for("Recovered your unsaved reply to Fatima Sokolov");
    let text = again.text();
    assert!(text.contains("Friday at ten?"), "{text}");
    again.press("\x13"); // Ctrl-S
    again.wait_for("the saved reply to Fatima Sokolov (marked replied; u undoes)");
    again.press("q");
    assert!(again.wait_exit());
}

/// A named pipe in the journal's place: the triage screen does not open
/// on a blank screen blocked reading it, but says what it is.
#[test]
fn a_journal_that_is_a_named_pipe_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(sample_journal(dir.path())).unwrap();
    let journal = sample_journal(dir.path()).join("journal.jsonl");
    let made = Command::new("mkfifo").arg(&journal).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo cannot be run here; skipped");
        return;
    }
    // `in_pty` fails the test after twenty seconds.
    let (code, out) = in_pty(dir.path(), &[], 100, 30, "");
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains(&format!(
            "invitriage: error: the journal {} is a named pipe (FIFO), not a file;",
            journal.display()
        )),
        "{out}"
    );
}

#[test]
fn a_second_instance_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("Invitations.csv");
    std::fs::write(&export, invitriage::import::SAMPLE).unwrap();
    let mut first = App::start_on(dir.path(), &export);
    first.wait_for("decided 0 of 135");
    let mut second = App::start_on(dir.path(), &export);
    assert!(second.wait_exit(), "the second one stops");
    let text = second.text();
    assert!(text.contains("another invitriage"), "{text}");
    // The lock is asked before the export is read: a large one is not read
    // for nothing (here, one that would fail to read says nothing).
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, b"\0\0\0 not an export").unwrap();
    let mut third = App::start_on(dir.path(), &bad);
    assert!(third.wait_exit(), "the third one stops");
    let text = third.text();
    assert!(text.contains("another invitriage"), "{text}");
    assert!(!text.contains("bad.csv"), "{text}");
    first.press("q");
    assert!(first.wait_exit());
}

/// A terminal made taller lists more rows: the app takes the new size, so
/// `G` puts the last invitation at the bottom of the longer list.
#[test]
fn a_resized_terminal_is_used_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.resize(100, 50);
    app.press("G");
    // The cursor on the row just above the separator, low on the screen.
    let at_bottom = |text: &str| {
        let lines: Vec<&str> = text.lines().collect();
        lines
            .iter()
            .position(|l| l.starts_with("────"))
            .is_some_and(|sep| sep > 30 && lines[sep - 1].starts_with('▸'))
    };
    let start = Instant::now();
    let mut text = app.text();
    while !at_bottom(&text) && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(30));
        text = app.text();
    }
    assert!(at_bottom(&text), "{text}");
    app.press("q");
    assert!(app.wait_exit());
}

/// A terminal that goes away without a SIGHUP reaching the app (its shell
/// ignores the signal, so only the shell would have had it) ends the app as
/// a hang-up would, with 129, instead of leaving it reading end-of-file at
/// full speed forever. `script` provides the terminal, and is killed.
#[test]
fn a_terminal_gone_without_sighup_ends_the_app() {
    assert_eq!(exit_when_the_terminal_goes(""), "129");
}

/// The same for an app in a session of its own (`setsid`): it has no
/// controlling terminal to watch, and reads its keys from standard input,
/// the terminal that goes away.
#[test]
fn a_terminal_gone_under_setsid_ends_the_app() {
    assert_eq!(exit_when_the_terminal_goes("setsid -w "), "129");
}

/// Kills (SIGKILL) every process of ours whose environment holds `entry`.
fn kill_processes_with_env(entry: &str) {
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return;
    };
    for p in procs.flatten() {
        let Some(pid) = p.file_name().to_str().and_then(|n| n.parse::<i32>().ok()) else {
            continue;
        };
        let environ = std::fs::read(p.path().join("environ")).unwrap_or_default();
        if environ.split(|&b| b == 0).any(|e| e == entry.as_bytes()) {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
    }
}

/// Runs the app as `{wrapper}app` in a terminal `script(1)` provides, kills
/// `script` once the app is up, and returns the app's exit status.
fn exit_when_the_terminal_goes(wrapper: &str) -> String {
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let rc = dir.path().join("rc");
    // script(1) runs this with $SHELL, bash, as the terminal's session
    // leader: the only process a hang-up signals, and it ignores it.
    let line = format!(
        "trap '' HUP; {wrapper}'{}'; echo $? > '{}'",
        env!("CARGO_BIN_EXE_invitriage"),
        rc.display()
    );
    let mut cmd = Command::new("script");
    cmd.args(["-qfec", &line, "/dev/null"]);
    let mut script = App::environment(cmd, dir.path(), &[("SHELL", "/bin/bash")])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("script(1) runs");
    // The app is up once it holds the journal's lock.
    let start = Instant::now();
    while !sample_journal(dir.path()).join("journal.lock").exists() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the app never started"
        );
        std::thread::sleep(Duration::from_millis(30));
    }
    std::thread::sleep(Duration::from_millis(300));
    script.kill().unwrap();
    script.wait().unwrap();
    let start = Instant::now();
    loop {
        match std::fs::read_to_string(&rc) {
            Ok(code) if code.ends_with('\n') => break code.trim().to_string(),
            _ if start.elapsed() > Duration::from_secs(10) => {
                // Leave nothing spinning after a failing run: its shell,
                // and the app itself, found by the data folder it was given.
                let _ = Command::new("pkill")
                    .args(["-KILL", "-f", &rc.display().to_string()])
                    .status();
                kill_processes_with_env(&format!("INVITRIAGE_DATA_DIR={}", dir.path().display()));
                panic!("the app is still running after its terminal went away")
            }
            _ => std::thread::sleep(Duration::from_millis(30)),
        }
    }
}

/// TERM=dumb cannot draw a screen: the app says so instead of writing
/// escape codes, and ends with the error status.
#[test]
fn a_dumb_terminal_is_told_what_to_use() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start_with(dir.path(), &[("TERM", "dumb")]);
    app.wait_for("TERM=dumb says this one cannot");
    assert!(app.wait_exit());
    assert_eq!(
        app.exit,
        Some(WaitStatus::Exited(app.session.get_process().pid(), 2))
    );
    assert!(!app.text().contains("decided 0 of"));
}

#[test]
fn a_terminal_too_small_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.resize(40, 10);
    // SIGWINCH reaches the app through the pty; it redraws.
    app.wait_for("make the terminal larger");
    app.press("q");
    assert!(app.wait_exit());
}

#[test]
fn sigterm_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.wait_for("decided 0 of 135");
    assert!(
        app.screen.screen().alternate_screen(),
        "the app draws on the alternate screen"
    );
    app.kill("TERM");
    assert!(
        !app.screen.screen().alternate_screen(),
        "and leaves the alternate screen"
    );
    assert!(!app.screen.screen().bracketed_paste(), "and paste mode");
    // The status a shell shows for a process the signal ended: 128 + 15.
    assert!(
        matches!(app.exit, Some(WaitStatus::Exited(_, 143))),
        "{:?}",
        app.exit
    );
}

/// A SIGINT or SIGQUIT from `kill` (Ctrl-C on the screen is a key) ends
/// the app as SIGTERM does: the terminal restored, 128 + the signal.
#[test]
fn sigint_and_sigquit_restore_the_terminal() {
    for (signal, status) in [("INT", 130), ("QUIT", 131)] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = App::start(dir.path());
        app.wait_for("decided 0 of 135");
        app.kill(signal);
        assert!(!app.screen.screen().alternate_screen(), "SIG{signal}");
        assert!(!app.screen.screen().bracketed_paste(), "SIG{signal}");
        assert!(
            matches!(app.exit, Some(WaitStatus::Exited(_, s)) if s == status),
            "SIG{signal}: {:?}",
            app.exit
        );
    }
}

/// SIGTERM ends a run as `q` does, and says as much: what was decided,
/// and that the draft being written is kept.
#[test]
fn sigterm_says_what_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.wait_for("decided 0 of 135");
    app.press("i");
    app.wait_for("Ignored ");
    app.press("r");
    app.wait_for("Reply to ");
    app.press("Friday at ten?");
    app.wait_for("Friday at ten?");
    app.kill("TERM");
    let out = app.text();
    assert!(out.contains("invitriage: 1 decided this session;"), "{out}");
    assert!(
        out.contains("is kept, not saved: the next start opens it again"),
        "{out}"
    );
}

/// A draft the disk would not take (here `unsaved` is a file) is not lost
/// to a SIGTERM or a hang-up, which do not ask as quitting does: once the
/// terminal is restored, its text goes to standard error under a line
/// saying whose it is, and the exit status is still the signal's. As a
/// closed terminal shows none of that, it is kept in the temporary folder
/// too, and the next start (the disk mended) takes it back.
#[test]
fn a_signal_prints_a_draft_that_is_not_on_disk() {
    for (signal, status) in [("TERM", 143), ("HUP", 129)] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(sample_journal(dir.path())).unwrap();
        std::fs::write(sample_journal(dir.path()).join("unsaved"), "in the way").unwrap();
        let mut app = App::start(dir.path());
        app.wait_for("decided 0 of 135");
        app.press("r");
        app.wait_for("Reply to Kenji Jankowski");
        app.press("Friday at ten?");
        app.wait_for("cannot be kept on disk");
        app.kill(signal);
        assert!(
            matches!(app.exit, Some(WaitStatus::Exited(_, code)) if code == status),
            "SIG{signal}: {:?}",
            app.exit
        );
        let out = app.text();
        assert!(
            out.contains(
                "invitriage: your reply to Kenji Jankowski is not saved, and the data folder cannot keep it (cannot create "
            ),
            "SIG{signal}: {out}"
        );
        assert!(
            out.contains(
                " instead, which the next start takes back; here it is:\nHi Kenji,\n\nThank you for the thoughtful note. Friday at ten?"
            ),
            "SIG{signal}: {out}"
        );
        let rescued: String = out
            .split("): kept in ")
            .nth(1)
            .and_then(|rest| rest.split(" instead,").next())
            .unwrap()
            .split_whitespace()
            .collect();
        assert!(Path::new(&rescued).is_file(), "SIG{signal}: {rescued}");
        std::fs::remove_file(sample_journal(dir.path()).join("unsaved")).unwrap();
        let mut again = App::start(dir.path());
        again.wait_for("Recovered your unsaved reply");
        again.wait_for("Friday at ten?");
        assert!(!Path::new(&rescued).exists(), "SIG{signal}: taken back");
        again.kill("TERM");
    }
}

/// `o` opens the profile with `$BROWSER` when it is set.
#[test]
fn o_opens_the_profile_with_browser() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (browser, opened) = (dir.path().join("browser.sh"), dir.path().join("opened"));
    std::fs::write(
        &browser,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", opened.display()),
    )
    .unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    let browser = browser.display().to_string();
    let mut app = App::start_with(dir.path(), &[("BROWSER", &browser)]);
    app.wait_for("decided 0 of 135");
    app.press("o");
    app.wait_for("in the browser");
    app.press("q");
    assert!(app.wait_exit());
    let start = Instant::now();
    while !opened.exists() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(30));
    }
    let url = std::fs::read_to_string(&opened).expect("the browser ran");
    assert!(url.starts_with("https://www.linkedin.com/in/"), "{url}");
}

/// A `$BROWSER` that runs in the terminal (`w3m`, `lynx`) does not take
/// the screen's keys: it is stopped as it reads the terminal, and said
/// not to have opened; the keys go on moving the screen.
#[test]
fn a_browser_in_the_terminal_does_not_take_the_keys() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (browser, read) = (dir.path().join("browser.sh"), dir.path().join("read"));
    std::fs::write(
        &browser,
        format!(
            "#!/bin/sh\nread x < /dev/tty && printf '%s' \"$x\" > '{}'\n",
            read.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    let browser = browser.display().to_string();
    let mut app = App::start_with(dir.path(), &[("BROWSER", &browser)]);
    app.wait_for("decided 0 of 135");
    app.press("o");
    // Where SIGTTIN is ignored, and the app inherits that (tmux 3.3a's
    // commands do), the read fails at once instead of stopping it, and
    // the script exits 1: the keys are not taken either way.
    app.wait_for(if sigttin_ignored() {
        "it exited at once"
    } else {
        "it runs in the terminal, which the screen is using"
    });
    app.press("3");
    app.wait_for("Abena Reyes");
    app.press("q");
    assert!(app.wait_exit());
    assert!(!read.exists(), "the browser read the keys");
}

/// Whether this process ignores SIGTTIN (signal 21), from `/proc`.
fn sigttin_ignored() -> bool {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("SigIgn:"))
        .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
        .is_some_and(|mask| mask & (1 << (21 - 1)) != 0)
}

/// A stand-in `$EDITOR`: appends a line to the file it is given, as
/// `echo >>` does (so the file must end with a line end already).
fn stand_in_editor(dir: &Path, exit: i32) -> String {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(format!("editor-{exit}.sh"));
    std::fs::write(
        &path,
        format!("#!/bin/sh\necho 'P.S. edited in the editor' >> \"$1\"\nexit {exit}\n"),
    )
    .unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.display().to_string()
}

#[test]
fn a_draft_goes_through_the_editor_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let editor = stand_in_editor(dir.path(), 0);
    let mut app = App::start_with(dir.path(), &[("VISUAL", &editor)]);
    app.wait_for("decided 0 of 135");
    app.press("r");
    app.wait_for("don't accept yet");
    app.press("\x05"); // Ctrl-E
    app.wait_for("Took the text back from the editor");
    app.wait_for("P.S. edited in the editor");
    app.press("\x13"); // Ctrl-S
    app.wait_for("the saved reply to");
    app.press("q");
    assert!(app.wait_exit());

    let out = Command::new(env!("CARGO_BIN_EXE_invitriage"))
        .args(["drafts", "--format", "json"])
        .env("INVITRIAGE_DATA_DIR", dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["count"], 1);
    assert_eq!(v["drafts"][0]["status"], "replied");
    let text = v["drafts"][0]["text"].as_str().unwrap();
    assert!(
        text.ends_with("Best,\nColleen\nP.S. edited in the editor"),
        "a line of its own: {text:?}"
    );

    let mut again = App::start(dir.path());
    again.wait_for("decided 1 of 135");
    again.press("f"); // accepted
    again.press("f"); // ignored
    again.press("f"); // replied
    again.wait_for("filter: replied");
    again.wait_for("reply drafted");
    again.press("q");
    assert!(again.wait_exit());
}

/// An editor that writes Latin-1 (`fenc=latin1`, an old Notepad): its
/// words come back, read as Windows-1252 and said to be, and the draft's
/// own UTF-8 stays as it was.
#[test]
fn an_editor_writing_latin1_loses_no_words() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let editor = dir.path().join("latin1.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'Caf\\351 au lait\\n' >> \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let editor = editor.display().to_string();
    let mut app = App::start_with(dir.path(), &[("VISUAL", &editor)]);
    app.wait_for("decided 0 of 135");
    app.press("r");
    app.wait_for("don't accept yet");
    // A word of the draft's own in UTF-8, beside the editor's Latin-1.
    app.press("Zoë ");
    app.press("\x05"); // Ctrl-E
    app.wait_for("The editor wrote 1 byte that is not UTF-8; read it as Windows-1252");
    app.wait_for("Café au lait");
    app.wait_for("Zoë ");
    app.press("\x13"); // Ctrl-S
    app.wait_for("the saved reply to");
    app.press("q");
    assert!(app.wait_exit());
}

/// Opens the composer's `$VISUAL` on a reply, the editor being `body` (a
/// shell script after `#!/bin/sh`, which may use `$STARTED`); returns the
/// app once the script has written its process id to `$STARTED`, and
/// that id.
fn in_the_editor(dir: &Path, body: &str) -> (App, String) {
    use std::os::unix::fs::PermissionsExt;
    let (editor, started) = (dir.join("editor.sh"), dir.join("started"));
    let script = format!("#!/bin/sh\nSTARTED='{}'\n{body}", started.display());
    std::fs::write(&editor, script).unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut app = App::start_with(dir, &[("VISUAL", &editor.display().to_string())]);
    app.wait_for("decided 0 of 135");
    app.press("r");
    app.wait_for("don't accept yet");
    app.press("\x05"); // Ctrl-E
    let start = Instant::now();
    while !started.exists() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(30));
    }
    let pid = std::fs::read_to_string(&started).expect("the editor ran");
    (app, pid)
}

/// An editor that removes the file it was given: the status says so, and
/// names no file that is not there; the draft stays as it was.
#[test]
fn an_editor_that_removes_its_file_is_said_to() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = in_the_editor(dir.path(), "echo $$ > \"$STARTED\"\nrm -f \"$1\"\n");
    app.wait_for("removed the file it was given: nothing to take back · the draft is unchanged");
    let screen = app.text();
    assert!(!screen.contains("is kept in"), "{screen}");
    app.wait_for("don't accept yet");
}

/// A SIGTERM while `$EDITOR` is open is passed on to it: the app takes the
/// editor's text back, keeps it for the next start and ends at once, with
/// no editor left behind holding the terminal.
#[test]
fn sigterm_during_the_editor_ends_both_and_keeps_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, editor_pid) = in_the_editor(
        dir.path(),
        "echo 'P.S. written before the signal' >> \"$1\"\necho $$ > \"$STARTED\"\nexec sleep 60\n",
    );
    let start = Instant::now();
    app.kill("TERM");
    assert!(
        start.elapsed() < Duration::from_secs(4),
        "not held by the editor: {:?}",
        start.elapsed()
    );
    assert!(
        matches!(app.exit, Some(WaitStatus::Exited(_, 143))),
        "{:?}",
        app.exit
    );
    // Where there is a /proc to look in.
    if Path::new("/proc/self").exists() {
        let editor_gone = !Path::new(&format!("/proc/{}", editor_pid.trim())).exists();
        assert!(editor_gone, "the editor ended with the app");
    }
    let unsaved = std::fs::read_dir(sample_journal(dir.path()).join("unsaved"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        unsaved.contains("P.S. written before the signal"),
        "{unsaved}"
    );
}

/// Opens the check pad (`w`) on a note typed in it, then `$VISUAL` on
/// the note, the editor being `body` as for [`in_the_editor`]; the system's
/// temp folder is `tmp` (`$TMPDIR`). Returns the app once the script has
/// written its process id, and that id.
fn check_pad_in_the_editor(dir: &Path, body: &str, tmp: &Path) -> (App, String) {
    use std::os::unix::fs::PermissionsExt;
    let (editor, started) = (dir.join("editor.sh"), dir.join("started"));
    let script = format!("#!/bin/sh\nSTARTED='{}'\n{body}", started.display());
    std::fs::write(&editor, script).unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut app = App::start_with(
        dir,
        &[
            ("VISUAL", &editor.display().to_string()),
            ("TMPDIR", &tmp.display().to_string()),
        ],
    );
    app.wait_for("decided 0 of 135");
    app.press("w");
    app.wait_for("Ctrl-L clear");
    app.press("We met at the ASCM forum");
    app.wait_for("We met at the ASCM forum");
    app.press("\x05"); // Ctrl-E
    let start = Instant::now();
    while !started.exists() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(30));
    }
    let pid = std::fs::read_to_string(&started).expect("the editor ran");
    (app, pid)
}

/// The names of the files in `dir`.
fn names_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// The tester's case: the app killed (SIGKILL: no last words) while
/// `$EDITOR` has the check pad's note open. The editor's file is beside
/// the note on disk, not in the system's temp folder, and the next start
/// takes back what the editor saved in it as the pad's note, and says so.
#[test]
fn the_check_pads_editor_text_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let (mut app, editor_pid) = check_pad_in_the_editor(
        dir.path(),
        "echo 'P.S. written in the editor' >> \"$1\"\necho $$ > \"$STARTED\"\nexec sleep 60\n",
        &tmp,
    );
    app.kill("KILL");
    // Nothing passes a SIGKILL on: the editor is ended here, as the user
    // would quit it.
    let _ = Command::new("kill")
        .args(["-KILL", editor_pid.trim()])
        .status();
    assert_eq!(
        names_in(&tmp),
        Vec::<String>::new(),
        "nothing in the temp folder"
    );
    // A file an editor wrote under two seconds ago may be being written
    // still, and is left for a later start.
    std::thread::sleep(Duration::from_millis(2200));
    let mut again = App::start_with(dir.path(), &[("TMPDIR", &tmp.display().to_string())]);
    again.wait_for("decided 0 of 135");
    again.wait_for("A run ended while your editor was open");
    again.press("w");
    again.wait_for("P.S. written in the editor");
    let text = again.text();
    assert!(text.contains("We met at the ASCM forum"), "{text}");
    again.press("\x1b");
    again.press("q");
    assert!(again.wait_exit());
    let unsaved = sample_journal(dir.path()).join("unsaved");
    assert_eq!(
        std::fs::read_to_string(unsaved.join("check-pad.txt")).unwrap(),
        "We met at the ASCM forum\nP.S. written in the editor"
    );
    let taken = find_files(&unsaved, ".txt.taken");
    assert_eq!(taken.len(), 1, "{:?}", names_in(&unsaved));
    assert_eq!(names_in(&tmp), Vec::<String>::new());
}

/// A SIGTERM while `$EDITOR` has the check pad's note open: the editor's
/// text is the pad's note, and nothing is left in the system's temp
/// folder (the note from before, kept as after any editor that fails
/// after writing, is beside the note on disk).
#[test]
fn sigterm_during_the_check_pads_editor_leaves_nothing_in_tmp() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let (mut app, _) = check_pad_in_the_editor(
        dir.path(),
        "echo 'P.S. written before the signal' >> \"$1\"\necho $$ > \"$STARTED\"\nexec sleep 60\n",
        &tmp,
    );
    app.kill("TERM");
    assert!(
        matches!(app.exit, Some(WaitStatus::Exited(_, 143))),
        "{:?}",
        app.exit
    );
    assert_eq!(
        names_in(&tmp),
        Vec::<String>::new(),
        "nothing in the temp folder"
    );
    let unsaved = sample_journal(dir.path()).join("unsaved");
    assert_eq!(
        std::fs::read_to_string(unsaved.join("check-pad.txt")).unwrap(),
        "We met at the ASCM forum\nP.S. written before the signal"
    );
    let before = find_files(&unsaved, ".before");
    assert_eq!(before.len(), 1, "{:?}", names_in(&unsaved));
    assert_eq!(
        std::fs::read_to_string(&before[0]).unwrap(),
        "We met at the ASCM forum\n"
    );
    // Nothing for the next start to take back.
    assert!(
        find_files(&unsaved, ".txt")
            .iter()
            .all(|p| p.ends_with("check-pad.txt"))
    );
}

/// Where the folder for the editor's file cannot be made (a file named
/// `unsaved` in its place), the editor edits a file in the system's temp
/// folder, and the status line says which, for the check pad and for a
/// draft alike: a run killed while the editor is open would leave the
/// words there, where no start takes them back.
#[test]
fn an_editor_file_outside_the_unsaved_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    std::fs::create_dir(sample_journal(dir.path())).unwrap();
    std::fs::write(sample_journal(dir.path()).join("unsaved"), "in the way").unwrap();
    let editor = stand_in_editor(dir.path(), 0);
    let mut app = App::start_with(
        dir.path(),
        &[("VISUAL", &editor), ("TMPDIR", &tmp.display().to_string())],
    );
    app.wait_for("decided 0 of 135");
    app.press("w");
    app.wait_for("Ctrl-L clear");
    app.press("We met at the ASCM forum");
    app.press("\x05"); // Ctrl-E
    app.wait_for("P.S. edited in the editor");
    app.wait_for("The editor's file was");
    let text = app.text();
    assert!(text.contains("invitriage-draft-"), "{text}");
    assert!(text.contains("cannot be used"), "{text}");
    // The note is not on disk either: cleared, so that quitting is not
    // refused for its sake.
    app.press("\x0c"); // Ctrl-L
    app.press("\x1b");
    app.press("r");
    app.wait_for("don't accept yet");
    app.press("\x05");
    app.wait_for("P.S. edited in the editor");
    app.wait_for("The editor's file was");
    let text = app.text();
    assert!(
        text.contains("Took the text back from the editor"),
        "{text}"
    );
    assert!(text.contains("invitriage-draft-"), "{text}");
    app.kill("TERM");
}

/// While `$EDITOR` runs the terminal is cooked, and a Ctrl-C typed there
/// reaches the editor and the app alike: it is the editor's, and the app
/// lives on to take back what it wrote.
#[test]
fn ctrl_c_in_the_editor_is_left_to_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = in_the_editor(
        dir.path(),
        "trap 'echo \"P.S. after Ctrl-C\" >> \"$1\"; exit 0' INT\necho $$ > \"$STARTED\"\nwhile :; do sleep 0.1; done\n",
    );
    app.press("\x03"); // Ctrl-C, a SIGINT in the cooked terminal
    app.wait_for("Took the text back from the editor");
    app.wait_for("P.S. after Ctrl-C");
    assert!(app.exit.is_none(), "the app lives on");
    app.kill("TERM");
    // An editor that the Ctrl-C ends goes back to the composer, the draft
    // as it was.
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = in_the_editor(dir.path(), "echo $$ > \"$STARTED\"\nsleep 60\n");
    app.press("\x03");
    app.wait_for("failed");
    app.wait_for("don't accept yet");
    assert!(app.exit.is_none(), "the app lives on");
    app.kill("TERM");
}

/// An editor that fails after writing (Vim after `:wq` with start-up
/// errors): its words are taken back, with a word to check them. One that
/// fails without writing leaves the draft as it was.
#[test]
fn a_failing_editor_loses_no_words() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let editor = stand_in_editor(dir.path(), 3);
    let mut app = App::start_with(dir.path(), &[("VISUAL", &editor)]);
    app.wait_for("decided 0 of 135");
    app.press("r");
    app.wait_for("don't accept yet");
    app.press("\x05");
    app.wait_for("Took the editor's text back, though it failed (exit status: 3)");
    let text = app.text();
    assert!(text.contains("P.S. edited"), "{text}");
    assert!(text.contains("don't accept yet"), "still composing");
    app.press("\x03"); // Ctrl-C: the draft is kept for the next start
    assert!(app.wait_exit());
    // The draft from before is kept on disk beside the editor's file: the
    // draft kept for the next start is the editor's now.
    let before = find_files(dir.path(), ".before");
    assert_eq!(before.len(), 1, "{before:?}");
    let kept = std::fs::read_to_string(&before[0]).unwrap();
    assert!(
        kept.starts_with("Hi Kenji,") && !kept.contains("P.S. edited"),
        "{kept}"
    );
    // Private, as every draft beside the journal is.
    let mode = std::fs::metadata(&before[0]).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    // One that fails without writing, and one that empties the file and
    // fails: the draft stays as it was.
    for (name, script) in [
        ("editor-silent.sh", "#!/bin/sh\nexit 3\n"),
        ("editor-empty.sh", "#!/bin/sh\n: > \"$1\"\nexit 1\n"),
    ] {
        let editor = dir.path().join(name);
        std::fs::write(&editor, script).unwrap();
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
        let mut app = App::start_with(dir.path(), &[("VISUAL", &editor.display().to_string())]);
        app.wait_for("Recovered your unsaved reply");
        app.press("\x05");
        app.wait_for("the draft is unchanged");
        let text = app.text();
        assert!(text.contains("P.S. edited"), "{name}: {text}");
        app.press("\x03");
        assert!(app.wait_exit());
    }
}

/// The files under `dir` (at any depth) whose names end in `suffix`.
fn find_files(dir: &Path, suffix: &str) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                todo.push(p);
            } else if p.to_string_lossy().ends_with(suffix) {
                out.push(p);
            }
        }
    }
    out
}

/// A key the config gives away leaves its old action a note at the start;
/// an action the config unbinds itself gets none.
#[test]
fn a_config_that_takes_a_key_says_so_at_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config/invitriage");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[keys]\naccept = []\nsearch = \"o\"\n",
    )
    .unwrap();
    let mut app = App::start(dir.path());
    app.wait_for("A note: [keys]: `open` has no key left");
    let text = app.text();
    assert!(!text.contains("`accept`"), "{text}");
    app.press("q");
}

/// Ctrl-Z, as in other full-screen programs, gives the terminal back to
/// the shell and stops; `fg` brings the screen back whole, its keys acting
/// at once (not echoed, waiting for Enter, then all deciding). So does a
/// SIGTSTP from outside, and Ctrl-Z in the composer, which types nothing.
/// The app runs under an interactive bash, whose job control is what `fg`
/// needs.
#[test]
fn ctrl_z_suspends_and_fg_brings_the_screen_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut bash = Command::new("bash");
    bash.args(["--norc", "--noprofile", "-i"]);
    let mut app = App::spawn(App::environment(bash, dir.path(), &[("PS1", "$ ")]));
    app.press(&format!("{}\r", env!("CARGO_BIN_EXE_invitriage")));
    app.wait_for("decided 0 of 135");
    // Stopped for the `n`th time: the shell's words on its own screen.
    let stopped = |app: &mut App, n: usize| {
        let start = Instant::now();
        loop {
            let text = app.text();
            let screen = app.screen.screen();
            // (Paste mode is not looked at: bash's prompt turns it on.)
            if !screen.alternate_screen() && text.matches("Stopped").count() == n {
                assert!(!screen.hide_cursor(), "the cursor shown when stopped");
                return;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("not stopped ({n}); the screen:\n{text}");
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    };
    let back = |app: &mut App, needle: &str| {
        app.press("fg\r");
        app.wait_for(needle);
        assert!(app.screen.screen().alternate_screen());
        assert!(app.screen.screen().bracketed_paste());
    };
    app.press("\x1a"); // Ctrl-Z
    stopped(&mut app, 1);
    back(&mut app, "decided 0 of 135");
    // A key acts at once: the terminal is raw again.
    app.press("3");
    app.wait_for("Abena Reyes");
    // From outside.
    let bash_pid = app.session.get_process().pid().to_string();
    let children = children_of(&bash_pid);
    assert_eq!(children.len(), 1, "one child: {children:?}");
    let pid = children[0].clone();
    let status = Command::new("kill").args(["-TSTP", &pid]).status().unwrap();
    assert!(status.success());
    stopped(&mut app, 2);
    back(&mut app, "Abena Reyes");
    app.press("1");
    app.wait_for("Kenji Jankowski");
    // In the composer.
    app.press("r");
    app.wait_for("Reply to Kenji Jankowski");
    app.press("\x1a");
    stopped(&mut app, 3);
    back(&mut app, "Reply to Kenji Jankowski");
    app.press("\x1b");
    // Unchanged, so Esc leaves without asking.
    app.wait_for("decided 0 of 135");
    assert!(!app.text().contains("Reply to"), "{}", app.text());
    // A SIGSTOP cannot be caught: the shell's words land on the app's
    // screen, and the shell makes the terminal cooked again. The SIGCONT
    // of `fg` takes it back.
    let status = Command::new("kill").args(["-STOP", &pid]).status().unwrap();
    assert!(status.success());
    app.wait_for("Stopped");
    app.press("fg\r");
    app.press("3");
    app.wait_for("Abena Reyes");
    assert!(
        !app.text().contains("Stopped"),
        "painted whole: {}",
        app.text()
    );
    app.press("q");
    app.wait_for("$ ");
    app.press("exit\r");
    assert!(app.wait_exit(), "bash ends");
}

/// Without a shell's job control (the terminal's own command, `setsid`),
/// nothing could bring a stopped app back: Ctrl-Z says so and stops
/// nothing.
#[test]
fn ctrl_z_without_job_control_says_why_it_does_not_suspend() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.wait_for("decided 0 of 135");
    app.press("\x1a");
    app.wait_for("Not suspended: no shell's job control");
    app.press("3");
    app.wait_for("Abena Reyes");
    app.press("q");
    assert!(app.wait_exit());
}

/// The processes whose parent is `pid`, from `/proc` (no `pgrep` needed).
fn children_of(pid: &str) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        // `pid (comm) state ppid ...`: the command may hold spaces and
        // parentheses, so the fields are read after its last `)`.
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1));
        if ppid == Some(pid) {
            out.push(name);
        }
    }
    out
}
