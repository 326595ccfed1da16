//! The full-screen triage app: terminal set-up and the event loop.
//!
//! Keys become actions (`keys.rs`), `App::update` is the only place state
//! changes (`app.rs`), and views draw `&App` (`view/`). The loop carries out
//! the effects `update` hands back: opening a URL, copying, `$EDITOR`.
//!
//! One exception, not ours to remove: `ratatui-textarea` keeps its scroll
//! position in cells that drawing the composer or the check pad updates
//! (the viewport follows the cursor as it draws). Nothing else in a view
//! writes; `Composer::settle_view` and `undo::settle` put the viewport
//! where an undo or a resize needs it, from `update`.

pub mod app;
pub mod clipboard;
pub mod clusters;
pub mod compose;
pub mod editor;
pub mod keys;
pub mod line;
pub mod pad;
pub mod undo;
pub mod view;

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};
use ratatui::DefaultTerminal;

use app::{App, Effect, Mode};
use keys::{Action, key_action};

/// The terminal to read keys from when standard input is not one (it
/// carried the export: `unzip -p export.zip Invitations.csv | invitriage -`):
/// the controlling terminal. crossterm reads keys from it on its own then;
/// the editor is handed it as its standard input.
pub fn controlling_terminal() -> Option<std::fs::File> {
    #[cfg(unix)]
    {
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .ok()
    }
    // Elsewhere crossterm reads the console, whatever standard input is.
    #[cfg(not(unix))]
    {
        None
    }
}

/// How the app ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The user quit.
    Quit,
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT (the number) ended it, or the
    /// terminal went away (SIGHUP, whether or not one arrived); the process
    /// should exit with 128 plus the number, as one killed by the signal
    /// would.
    Signal(i32),
}

/// Runs the app until the user quits, a SIGTERM, SIGHUP, SIGINT or
/// SIGQUIT arrives or the terminal goes away. The terminal is restored on every exit path, a
/// panic included.
pub fn run(app: &mut App) -> io::Result<Ended> {
    // The signal that arrived; 0 while none has.
    let term_signal = Arc::new(AtomicI32::new(0));
    watch_signals(Arc::clone(&term_signal))?;
    // A panic leaves the terminal as it found it, then reports as usual.
    // Set once here, not in `init` (called again after `$EDITOR`).
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
    }));
    // Keys typed while the export loaded were typed at a list not on the
    // screen yet: an `a` pressed then would accept a row never seen.
    drop_typed_ahead();
    let mut terminal = init()?;
    let result = event_loop(&mut terminal, app, &term_signal);
    // What comes next (the drafts made durable or printed) must not be cut
    // short by the signal thread's exit.
    LEAVING.store(true, Ordering::Relaxed);
    // After a signal, a failing terminal is the signal's doing (a hang-up
    // takes it away): the run ends as the signal says, quietly.
    let result = match (result, term_signal.load(Ordering::Relaxed)) {
        (Err(_), sig) if sig != 0 => Ok(Ended::Signal(sig)),
        (result, _) => result,
    };
    let hung_up = matches!(result, Ok(Ended::Signal(SIGHUP)));
    // The cursor is shown here, not when the terminal is dropped: there a
    // failure (the terminal gone) is reported with `eprintln!`, which
    // panics when standard error is that same gone terminal.
    if terminal.show_cursor().is_err() {
        std::mem::forget(terminal);
    }
    if hung_up {
        // No terminal to restore, and none to say so to.
        let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableBracketedPaste);
        let _ = ratatui::try_restore();
    } else {
        restore();
    }
    result
}

/// Drops what was typed at the terminal and not read yet (keys pressed
/// while a large export loaded). Where it cannot be done (no terminal to
/// open, Windows), the keys stay.
fn drop_typed_ahead() {
    #[cfg(unix)]
    if let Ok(tty) = std::fs::File::open("/dev/tty") {
        let _ = rustix::termios::tcflush(&tty, rustix::termios::QueueSelector::IFlush);
    }
}

/// Raw mode, the alternate screen and bracketed paste (pasted text arrives
/// whole, not as keys that would accept or ignore invitations). What
/// `ratatui::try_init` does, less its panic hook: that one restores with
/// `eprintln!`, which panics, and so aborts, when the terminal is gone.
fn init() -> io::Result<DefaultTerminal> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    // A legacy Windows console (no virtual-terminal sequences) cannot do
    // bracketed paste: there a paste arrives as keys, each decision it
    // makes undoable, rather than the app not starting at all.
    if let Err(e) = crossterm::execute!(io::stdout(), crossterm::event::EnableBracketedPaste)
        && e.kind() != io::ErrorKind::Unsupported
    {
        return Err(e);
    }
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))
}

/// Undoes [`init`]. A failure is reported without `eprintln!` (as
/// `ratatui::restore` does it), which would panic, and then abort, when
/// standard error is a terminal that has gone away. Safe to call twice.
fn restore() {
    let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableBracketedPaste);
    if let Err(e) = ratatui::try_restore() {
        let _ = writeln!(io::stderr(), "invitriage: cannot restore the terminal: {e}");
    }
}

/// SIGHUP's number: the exit status of a hang-up is 128 plus it. Windows
/// has no hang-up signal; there the terminal is never found gone.
#[cfg(unix)]
const SIGHUP: i32 = signal_hook::consts::SIGHUP;
#[cfg(not(unix))]
const SIGHUP: i32 = 1;

/// An editor is running on a draft: a hang-up ends it too, and what it
/// wrote is taken back (and kept on disk) before the process exits; a
/// SIGINT or SIGQUIT is the editor's (see [`watch_signals`]).
static EDITING: AtomicBool = AtomicBool::new(false);

/// When the last editor run ended. The Ctrl-C that ended an editor reaches
/// the app at the same moment, but the watcher thread may take it up only
/// after [`EDITING`] is cleared (on a busy machine): a SIGINT or SIGQUIT
/// taken up within [`EDITOR_GRACE`] of the end is still the editor's.
static EDITOR_ENDED: Mutex<Option<Instant>> = Mutex::new(None);

/// See [`EDITOR_ENDED`].
const EDITOR_GRACE: Duration = Duration::from_secs(1);

/// Whether an editor runs, or ran a moment ago (see [`EDITOR_ENDED`]).
fn editing_or_just_done() -> bool {
    EDITING.load(Ordering::Relaxed)
        || EDITOR_ENDED
            .lock()
            .ok()
            .and_then(|ended| *ended)
            .is_some_and(|t| t.elapsed() < EDITOR_GRACE)
}

/// Marks the end of an editor run.
fn editor_ended() {
    if let Ok(mut ended) = EDITOR_ENDED.lock() {
        *ended = Some(Instant::now());
    }
    EDITING.store(false, Ordering::Relaxed);
}

/// The event loop has returned: the caller is saying its last words (a
/// draft the disk would not take goes to standard error), and ends the
/// process itself, with the signal's status.
static LEAVING: AtomicBool = AtomicBool::new(false);

/// On SIGTERM, SIGHUP, SIGINT or SIGQUIT, restore the terminal and exit
/// from a watcher thread (in raw mode Ctrl-C is a key, so SIGINT and
/// SIGQUIT come from `kill`; left to their default, they would end the
/// process with the terminal still raw).
///
/// While `$EDITOR` runs, the terminal is the editor's, and a Ctrl-C or
/// `Ctrl-\` typed there reaches the whole process group: it is the
/// editor's to act on, and ignored here (as git ignores it while its editor
/// runs), or the app would die with the editor's words unread. An editor
/// it ends goes back to the composer, which keeps the text as it was. With
/// no way to tell a typed one from one sent by `kill` everywhere, a SIGINT
/// or SIGQUIT sent then (or within a second after, see [`EDITOR_ENDED`])
/// is ignored too.
///
/// The event loop also checks the flag, but when the terminal is gone
/// (SIGHUP) crossterm can spin inside `poll` and never return to it
/// (crossterm-rs/crossterm#793), so waiting for the loop is not enough.
/// Exiting at any moment is safe: every decision is fsync'd before the
/// screen shows it, and a line cut short is repaired on the next start.
///
/// A SIGTSTP (`kill -TSTP`; Ctrl-Z is a key in raw mode) asks the event
/// loop to suspend as Ctrl-Z does, and a SIGCONT to take the terminal back
/// (see [`STOP_ASKED`], [`CONTINUED`]).
#[cfg(unix)]
fn watch_signals(flag: Arc<AtomicI32>) -> io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            let ends = |sig: &i32| match *sig {
                SIGTSTP => {
                    stop_asked();
                    false
                }
                SIGCONT => {
                    CONTINUED.store(true, Ordering::Relaxed);
                    false
                }
                SIGINT | SIGQUIT => !editing_or_just_done(),
                _ => true,
            };
            if let Some(sig) = signals.forever().find(ends) {
                flag.store(sig, Ordering::Relaxed);
                // A hang-up reaches the editor by itself (the terminal's
                // process group); another signal to the app alone is passed
                // on as a SIGTERM, or the editor would hold the app for 6 s
                // and outlive it. Also to one that starts in the moments
                // after the signal (a SIGINT just before Ctrl-E's editor).
                let mut to_pass_on = sig != SIGHUP;
                // Whether the editor running now, if one is, was sent it.
                let pass_on = || {
                    let editor = editor::EDITOR_PID.load(Ordering::Relaxed);
                    let pid = i32::try_from(editor)
                        .ok()
                        .and_then(rustix::process::Pid::from_raw);
                    pid.is_some_and(|pid| {
                        let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
                        true
                    })
                };
                // Give the event loop a second to leave on its own, and an
                // editor (killed by the same hang-up) a while longer: its
                // text is then the unsaved draft the next start opens, and
                // the loop gets its second again once the editor is done.
                // So for a clipboard command (1.5 s at most).
                // Once the loop has left, the last words are waited for too
                // (a draft written and fsync'd, or printed): the process
                // ends with them. Only a loop stuck in crossterm's `poll`
                // never leaves; after 6 s at most it is ended from here.
                let start = Instant::now();
                let mut quiet_since = start;
                while start.elapsed() < Duration::from_secs(6) {
                    if to_pass_on && pass_on() {
                        to_pass_on = false;
                    }
                    if EDITING.load(Ordering::Relaxed) || clipboard::COPYING.load(Ordering::Relaxed)
                    {
                        quiet_since = Instant::now();
                    } else if !LEAVING.load(Ordering::Relaxed)
                        && quiet_since.elapsed() >= Duration::from_secs(1)
                    {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                restore();
                std::process::exit(128 + sig);
            }
        })?;
    Ok(())
}

/// Windows sends no SIGTERM or SIGHUP to watch for; closing the console
/// ends the process, and every decision is on disk already.
#[cfg(not(unix))]
fn watch_signals(_flag: Arc<AtomicI32>) -> io::Result<()> {
    Ok(())
}

/// A SIGTSTP from outside: the event loop suspends as for Ctrl-Z. Set by
/// the signal thread, which must not touch the terminal the loop draws on.
static STOP_ASKED: AtomicBool = AtomicBool::new(false);

/// A SIGCONT came: the process was stopped (by [`suspend`], or by a
/// SIGSTOP from outside, which cannot be caught), and the shell has the
/// terminal as it likes it (cooked, echoing, the main screen). Until the
/// loop takes it back, keys would wait for Enter and then all act at once.
static CONTINUED: AtomicBool = AtomicBool::new(false);

/// A SIGTSTP has come. While an editor runs, the terminal is the editor's:
/// the app stops at once (the editor stops by itself, or has given the
/// terminal back before sending it). Without a shell's job control nothing
/// could continue the app: the SIGTSTP is dropped, as the kernel drops it
/// for such a process group.
#[cfg(unix)]
fn stop_asked() {
    if !job_control() {
        return;
    }
    if EDITING.load(Ordering::Relaxed) {
        let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
    } else {
        STOP_ASKED.store(true, Ordering::Relaxed);
    }
}

/// Whether a shell with job control started the app: its parent is in the
/// same session but another process group, and `fg` can continue it.
/// Elsewhere (a terminal's or tmux's own command, `setsid`) a stopped app
/// would stay stopped for good.
///
/// In a PID namespace (a container) a session or group whose leader is
/// outside it has the id 0; such a 0 proves nothing, so it counts as no job
/// control: an app that stops with no shell to continue it is stuck, while
/// a refused Ctrl-Z only says why. These are libc's calls, not rustix's:
/// rustix hands the ids back as a `Pid`, which cannot be 0 (a panic in a
/// debug build, an invalid value in a release one).
#[cfg(unix)]
fn job_control() -> bool {
    let parent = std::os::unix::process::parent_id();
    let Ok(parent) = libc::pid_t::try_from(parent) else {
        return false;
    };
    // SAFETY: these calls take and return plain integers, touch no memory
    // of the program's and have no preconditions; an error is -1.
    let (sid, parent_sid, group, parent_group) = unsafe {
        (
            libc::getsid(0),
            libc::getsid(parent),
            libc::getpgrp(),
            libc::getpgid(parent),
        )
    };
    parent > 0
        && sid > 0
        && group > 0
        && parent_group > 0
        && sid == parent_sid
        && group != parent_group
}

#[cfg(not(unix))]
fn job_control() -> bool {
    false
}

/// Ctrl-Z, or a SIGTSTP from outside: the terminal as [`restore`] leaves
/// it, the cursor shown, and the process stopped; once continued (`fg`),
/// the screen is taken back and painted whole. signal-hook stops the
/// process with a SIGSTOP (the SIGTSTP handler is its own), so a shell
/// says "Stopped (signal)".
#[cfg(unix)]
fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    restore();
    let _ = crossterm::execute!(io::stdout(), crossterm::cursor::Show);
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    take_back(terminal)
}

#[cfg(not(unix))]
fn suspend(_terminal: &mut DefaultTerminal) -> io::Result<()> {
    Ok(())
}

/// Raw mode, the alternate screen and bracketed paste again, after the
/// terminal was given back (a stop, `$EDITOR`), and every cell painted.
fn take_back(terminal: &mut DefaultTerminal) -> io::Result<()> {
    // Its SIGCONT, if one came, is answered here.
    CONTINUED.store(false, Ordering::Relaxed);
    // After a SIGSTOP the terminal was never given back, and crossterm
    // would take raw mode for still on: enabling it would do nothing, and
    // the shell has made the terminal cooked.
    crossterm::terminal::disable_raw_mode()?;
    *terminal = init()?;
    repaint(terminal)
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    term_signal: &AtomicI32,
) -> io::Result<Ended> {
    // Start listening before the size is read: crossterm watches for
    // SIGWINCH only from its first poll, and a resize before that would be
    // missed until the next key.
    event::poll(Duration::ZERO)?;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let watch = Liveness::now();
    // What to do when a copy will not paste is said once a run: every
    // save copies, and the same hint each time pushed the status onto a
    // second line.
    let mut clipboard_hinted = false;
    let mut clusters = clusters::Clusters::default();
    let mut draw = |terminal: &mut DefaultTerminal, app: &App| {
        terminal
            .draw(|f| {
                view::draw(app, f);
                clusters.refresh(f.buffer_mut());
            })
            .map(drop)
    };
    let mut idle_polls = 0u32;
    loop {
        draw(terminal, app)?;
        // Poll so that a SIGTERM is noticed without a key press.
        let ev = loop {
            match term_signal.load(Ordering::Relaxed) {
                0 => {}
                sig => return Ok(Ended::Signal(sig)),
            }
            // Stopped from outside: as Ctrl-Z. Continued after a stop this
            // loop did not make (a SIGSTOP): the terminal taken back.
            let back = if STOP_ASKED.swap(false, Ordering::Relaxed) {
                Some(suspend(terminal))
            } else if CONTINUED.load(Ordering::Relaxed) {
                Some(take_back(terminal))
            } else {
                None
            };
            if let Some(result) = back {
                match result.and_then(|()| draw(terminal, app)) {
                    Ok(()) => continue,
                    Err(_) if !watch.alive() => return Ok(Ended::Signal(SIGHUP)),
                    Err(e) => return Err(e),
                }
            }
            // A quarter of a second: a signal is seen about as soon, and an
            // idle screen wakes four times a second, not ten (each wake
            // costs crossterm a few dozen system calls).
            if event::poll(Duration::from_millis(250))? {
                idle_polls = 0;
                break event::read()?;
            }
            // A terminal can go away without a SIGHUP reaching the app: one
            // goes to the session's leader only, and a wrapper that ignores
            // it (`trap '' HUP`, nohup) keeps it from the app, whose reads
            // then end at once, forever (so a poll does not wait either,
            // and this runs at once too). Leave as on a hang-up. Asked
            // once a second while the screen is idle: it opens /dev/tty.
            idle_polls = idle_polls.wrapping_add(1);
            if idle_polls % 4 == 1 && !watch.alive() {
                return Ok(Ended::Signal(SIGHUP));
            }
        };
        // A key the config moved away: said, or it seems broken.
        let mut moved = None;
        let action = match ev {
            Event::Key(key) => {
                moved = keys::moved_away(&app.keymap, app.key_context(), &key).or_else(|| {
                    // A question the key answers says what the key did.
                    (!app.asking())
                        .then(|| keys::does_nothing(&app.keymap, app.key_context(), &key))
                        .flatten()
                });
                Some(key_action(&app.keymap, app.key_context(), &key))
            }
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            Event::Paste(text) => Some(Action::Paste(text)),
            _ => None,
        };
        let Some(action) = action else { continue };
        let before = app.mode.clone();
        if let Some(text) = moved {
            app.update(action);
            app.update(Action::Status(text, false));
            continue;
        }
        if let Some(effect) = app.update(action) {
            match effect {
                Effect::Quit => return Ok(Ended::Quit),
                // Only for `Action::Leave`, which the loop does not send.
                Effect::Farewell(_) => {}
                Effect::OpenUrl {
                    url,
                    whose,
                    copyable,
                } => {
                    let copy_key = if copyable {
                        app.keymap.hint(&Action::CopyUrl)
                    } else {
                        String::new()
                    };
                    let msg = open_url(&url, &whose, &copy_key);
                    app.update(msg);
                }
                Effect::Copy { text, label } => {
                    let msg = copy(&text, &label, &mut clipboard_hinted);
                    app.update(msg);
                }
                Effect::Editor { text, keep_in } => {
                    // Set first: a Ctrl-C is the editor's from the moment
                    // the terminal is cooked again.
                    EDITING.store(true, Ordering::Relaxed);
                    // A signal that came just before: no editor to start.
                    if let sig @ 1.. = term_signal.load(Ordering::Relaxed) {
                        EDITING.store(false, Ordering::Relaxed);
                        return Ok(Ended::Signal(sig));
                    }
                    restore();
                    let result = editor::edit(&text, keep_in.as_ref());
                    // Taken back before the terminal is: after a hang-up
                    // that ended the editor there is no terminal to take,
                    // and the text must reach the disk all the same.
                    app.update(Action::EditorDone(result));
                    editor_ended();
                    // A signal while the editor ran (passed on to it, or a
                    // hang-up): the run ends here, without taking the
                    // terminal back for one frame.
                    match term_signal.load(Ordering::Relaxed) {
                        0 => {}
                        sig => return Ok(Ended::Signal(sig)),
                    }
                    // A hang-up while the editor ran (delivered or not)
                    // leaves no terminal to take back: an end like any
                    // hang-up's, not an error about a missing device.
                    match take_back(terminal) {
                        Ok(()) => {}
                        Err(_) if term_signal.load(Ordering::Relaxed) != 0 => {
                            return Ok(Ended::Signal(term_signal.load(Ordering::Relaxed)));
                        }
                        Err(_) if !watch.alive() => return Ok(Ended::Signal(SIGHUP)),
                        Err(e) => return Err(e),
                    }
                }
                Effect::Repaint => repaint(terminal)?,
                Effect::Suspend if job_control() => match suspend(terminal) {
                    Ok(()) => {}
                    Err(_) if !watch.alive() => return Ok(Ended::Signal(SIGHUP)),
                    Err(e) => return Err(e),
                },
                // Nothing could bring a stopped app back.
                Effect::Suspend => {
                    app.update(Action::Status(
                        if cfg!(unix) {
                            "Not suspended: no shell's job control here to bring it back with fg"
                        } else {
                            "Ctrl-Z suspends on Unix only"
                        }
                        .into(),
                        true,
                    ));
                }
            }
        }
        // The composer's box over a note, or the list back over it: where
        // the terminal draws a character wider than ratatui counts it
        // (some scripts, flags), drawing only the cells that changed
        // would leave its glyphs behind.
        let editing = |m: &Mode| matches!(m, Mode::Compose | Mode::Check);
        if editing(&before) != editing(&app.mode) {
            repaint(terminal)?;
        }
    }
}

/// Clears the terminal and makes the next draw paint every cell. Not
/// `terminal.clear()`: it asks the terminal for the cursor position, which
/// not every terminal answers.
fn repaint(terminal: &mut DefaultTerminal) -> io::Result<()> {
    crossterm::execute!(
        io::stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    *terminal = ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))?;
    Ok(())
}

/// Whether the process still has its controlling terminal: opening
/// `/dev/tty` fails once the terminal has hung up.
fn has_terminal() -> bool {
    #[cfg(unix)]
    {
        std::fs::File::open("/dev/tty").is_ok()
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// How the event loop tells that its terminal has gone away.
#[derive(Debug, Clone, Copy)]
enum Liveness {
    /// `/dev/tty` stops opening once the controlling terminal hangs up.
    ControllingTerminal,
    /// Without a controlling terminal (started under `setsid`), the keys
    /// come from standard input, a terminal that stops being one once it
    /// hangs up: it answers no terminal request then.
    StandardInput,
    /// Neither: nothing to watch.
    Unknown,
}

impl Liveness {
    fn now() -> Liveness {
        if has_terminal() {
            Liveness::ControllingTerminal
        } else if io::stdin().is_terminal() {
            Liveness::StandardInput
        } else {
            Liveness::Unknown
        }
    }

    fn alive(self) -> bool {
        match self {
            Liveness::ControllingTerminal => has_terminal(),
            Liveness::StandardInput => io::stdin().is_terminal(),
            Liveness::Unknown => true,
        }
    }
}

/// Opens a URL with `$BROWSER` when set, else the platform's opener.
/// `copy_key` copies the URL instead, for the message when neither opens.
fn open_url(url: &str, whose: &str, copy_key: &str) -> Action {
    let browser = std::env::var("BROWSER").ok();
    open_url_with(
        browser.as_deref().filter(|b| !b.trim().is_empty()),
        url,
        whose,
        copy_key,
    )
}

/// Read here rather than by the `webbrowser` crate, which reads `$BROWSER`
/// on Linux and the BSDs only, and not by `open` (the platform's opener,
/// used when it is unset), which ignores it: here it is read everywhere,
/// and each command's own error is kept for the status line.
///
/// Starts `$BROWSER` on `url` as other tools read it: a list of commands
/// separated by `:` (on Unix), tried in turn, each with its arguments as a
/// shell would split them and `%s` for the URL (else the URL goes last).
/// The first that starts and does not fail at once wins; else the first
/// one's error.
fn run_browser(browser: &str, url: &str) -> io::Result<()> {
    let list: Vec<&str> = if cfg!(unix) {
        browser
            .split(':')
            .filter(|c| !c.trim().is_empty())
            .collect()
    } else {
        vec![browser]
    };
    let mut first_error = None;
    for command in list {
        let mut words = editor::command_words(command);
        if words.is_empty() {
            continue;
        }
        let placed = words.iter().any(|w| w.contains("%s"));
        for w in &mut words {
            *w = with_url(w, url);
        }
        if !placed {
            words.push(url.to_string());
        }
        let mut cmd = std::process::Command::new(&words[0]);
        cmd.args(&words[1..])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        // A process group of its own, in the background of the terminal: a
        // browser that runs in the terminal (`w3m`, `lynx`, `www-browser`),
        // or anything it starts, is stopped when it reads the terminal,
        // instead of taking the screen's keys. (The platform's opener is
        // detached by the `open` crate.) It also outlives a hang-up of the
        // app's terminal, as a browser started from a menu would.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        let failed = cmd
            .spawn()
            .and_then(|child| match settled(child, BROWSER_GRACE)? {
                Settled::Exited(status) if !status.success() => {
                    Err(io::Error::other(format!("it exited at once ({status})")))
                }
                Settled::WantsTerminal => Err(io::Error::other(
                    "it runs in the terminal, which the screen is using",
                )),
                _ => Ok(()),
            });
        match failed {
            Ok(()) => return Ok(()),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| io::Error::other("$BROWSER names no command")))
}

/// A word of a `$BROWSER` command with `%s` as the URL and `%%` as `%`
/// (as the convention has it), in one pass: a `%` in the URL stays.
fn with_url(word: &str, url: &str) -> String {
    let mut out = String::with_capacity(word.len() + url.len());
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.clone().next() {
            Some('s') => {
                chars.next();
                out.push_str(url);
            }
            Some('%') => {
                chars.next();
                out.push('%');
            }
            _ => out.push('%'),
        }
    }
    out
}

/// How long a browser command is watched for failing at once (`xdg-open`
/// with no browser installed exits 3 within a few milliseconds; a browser
/// that starts keeps running, or hands the URL to a running one and exits 0).
const BROWSER_GRACE: std::time::Duration = std::time::Duration::from_millis(150);

/// How a browser command was after its first moments.
#[derive(Debug)]
enum Settled {
    /// It exited, with this status.
    Exited(std::process::ExitStatus),
    /// It stopped to read or set up the terminal (SIGTTIN, SIGTTOU: it is
    /// in the background), and was killed with its process group.
    WantsTerminal,
    /// Still running: a thread waits for it.
    Running,
}

/// What became of `child` within `grace`. One still running is waited for
/// by a thread, so that it leaves no zombie process behind.
fn settled(mut child: std::process::Child, grace: std::time::Duration) -> io::Result<Settled> {
    let until = std::time::Instant::now() + grace;
    loop {
        match poll_child(&mut child)? {
            Settled::Running => {}
            Settled::WantsTerminal => {
                #[cfg(unix)]
                if let Some(group) = i32::try_from(child.id())
                    .ok()
                    .and_then(rustix::process::Pid::from_raw)
                {
                    let _ =
                        rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
                }
                let _ = child.kill();
                let _ = child.wait();
                return Ok(Settled::WantsTerminal);
            }
            exited => return Ok(exited),
        }
        if std::time::Instant::now() >= until {
            std::thread::spawn(move || child.wait());
            return Ok(Settled::Running);
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Whether `child` has exited, stopped or runs on: `waitpid` with
/// `WUNTRACED`, which std's `try_wait` does not ask for. A stop reaps
/// nothing (`wait` still sees the end); an exit is reaped here.
#[cfg(unix)]
fn poll_child(child: &mut std::process::Child) -> io::Result<Settled> {
    use rustix::process::{Pid, WaitOptions, waitpid};
    use std::os::unix::process::ExitStatusExt;
    let Some(pid) = i32::try_from(child.id()).ok().and_then(Pid::from_raw) else {
        return Ok(Settled::Running);
    };
    Ok(
        match waitpid(Some(pid), WaitOptions::NOHANG | WaitOptions::UNTRACED)? {
            Some((_, status)) if status.stopped() => Settled::WantsTerminal,
            Some((_, status)) => {
                Settled::Exited(std::process::ExitStatus::from_raw(status.as_raw()))
            }
            None => Settled::Running,
        },
    )
}

#[cfg(not(unix))]
fn poll_child(child: &mut std::process::Child) -> io::Result<Settled> {
    Ok(match child.try_wait()? {
        Some(status) => Settled::Exited(status),
        None => Settled::Running,
    })
}

/// [`open_url`] with `browser` for `$BROWSER`.
fn open_url_with(browser: Option<&str>, url: &str, whose: &str, copy_key: &str) -> Action {
    let result = match browser {
        Some(b) => run_browser(b, url),
        None => open::that_detached(url),
    };
    match result {
        Ok(()) => Action::Status(format!("Opened {whose} in the browser"), false),
        Err(e) => {
            // What to do first: the reason (the opener's own words, long
            // and with the URL in them) is the part a narrow status line
            // may cut.
            // `$BROWSER`'s own error says why it did not start; the `open`
            // crate's names only the last of the openers it tried, with
            // its wait status in Rust's debug form, which helps nobody.
            let why = match browser {
                Some(b) => format!("`{b}`: {}", e.to_string().lines().next().unwrap_or("")),
                None => "no opener on this system started one".into(),
            };
            Action::Status(
                format!(
                    "No browser could be opened: {}$BROWSER names a browser to use ({why})",
                    if copy_key.is_empty() {
                        String::new()
                    } else {
                        format!("{copy_key} copies the URL, ")
                    }
                ),
                true,
            )
        }
    }
}

/// Copies with OSC 52 and, where installed, the platform's clipboard tool;
/// the hint for a copy that will not paste only while `hinted` is false.
fn copy(text: &str, label: &str, hinted: &mut bool) -> Action {
    let in_tmux = std::env::var_os("TMUX").is_some();
    let seq = clipboard::osc52(text, in_tmux);
    let osc_ok = {
        let mut out = io::stdout().lock();
        out.write_all(seq.as_bytes())
            .and_then(|_| out.flush())
            .is_ok()
    };
    let native = clipboard::native_copy(text);
    copied(label, osc_ok, native, in_tmux, hinted)
}

/// What a copy says: how it went (`native`: the tool that took it), and
/// once a run what to do when an OSC 52 copy will not paste.
fn copied(
    label: &str,
    osc_ok: bool,
    native: Option<&str>,
    in_tmux: bool,
    hinted: &mut bool,
) -> Action {
    match (osc_ok, native) {
        (_, Some(tool)) => Action::Status(format!("Copied the {label} (via {tool})"), false),
        (true, None) if std::mem::replace(hinted, true) => {
            Action::Status(format!("Copied the {label} (OSC 52)"), false)
        }
        // tmux set to pass the copy on already: nothing to hint.
        (true, None) if in_tmux && tmux_passes_copies() => {
            Action::Status(format!("Copied the {label} (OSC 52)"), false)
        }
        (true, None) if in_tmux => Action::Status(
            format!("Copied the {label} · won't paste? tmux: set -g set-clipboard on (OSC 52)"),
            false,
        ),
        (true, None) => Action::Status(
            format!("Copied the {label} · won't paste? the terminal blocks OSC 52"),
            false,
        ),
        (false, None) => Action::Status(
            format!("Could not copy the {label}: no clipboard found"),
            true,
        ),
    }
}

/// Whether the tmux we run in has `set-clipboard on`, so that an OSC 52
/// copy reaches the terminal's clipboard (asked once a run, on the first
/// copy; a tmux that cannot be asked counts as not).
fn tmux_passes_copies() -> bool {
    if cfg!(test) {
        return false;
    }
    std::process::Command::new("tmux")
        .args(["show", "-gv", "set-clipboard"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .is_ok_and(|out| out.status.success() && out.stdout.trim_ascii() == b"on")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every save copies: the hint for a copy that will not paste comes
    /// once a run, not with each.
    #[test]
    fn the_clipboard_hint_is_given_once() {
        let text = |a: Action| match a {
            Action::Status(t, _) => t,
            other => panic!("{other:?}"),
        };
        let mut hinted = false;
        let first = text(copied("reply", true, None, true, &mut hinted));
        assert!(first.contains("set -g set-clipboard on"), "{first}");
        let second = text(copied("reply", true, None, true, &mut hinted));
        assert_eq!(second, "Copied the reply (OSC 52)");
        let tool = text(copied("URL", true, Some("xclip"), true, &mut hinted));
        assert_eq!(tool, "Copied the URL (via xclip)");
        let mut hinted = false;
        let outside = text(copied("URL", true, None, false, &mut hinted));
        assert!(outside.contains("the terminal blocks OSC 52"));
        // Short enough that a reply's save message with it stays on one
        // line of a 120-column screen.
        let long = "saved reply to Aylin Kamau (marked replied; u undoes)";
        let mut hinted = false;
        let saved = text(copied(long, true, None, true, &mut hinted));
        assert!(
            saved.chars().count() <= 118,
            "{} {saved}",
            saved.chars().count()
        );
        let failed = copied("URL", false, None, false, &mut hinted);
        assert_eq!(
            failed,
            Action::Status("Could not copy the URL: no clipboard found".into(), true)
        );
    }

    #[test]
    fn a_browser_that_cannot_start_says_what_to_do_first() {
        let Action::Status(msg, is_error) = open_url_with(
            Some("/nonexistent/browser"),
            "https://www.linkedin.com/in/x",
            "X's profile",
            "y",
        ) else {
            panic!("a status");
        };
        assert!(is_error);
        assert!(
            msg.starts_with("No browser could be opened: y copies the URL, $BROWSER names"),
            "{msg}"
        );
        assert!(msg.contains("`/nonexistent/browser`: "), "{msg}");
    }

    #[test]
    fn a_browser_word_takes_the_url_for_percent_s() {
        assert_eq!(with_url("%s", "https://x/a%20b"), "https://x/a%20b");
        assert_eq!(with_url("--url=%s&q=100%%", "u"), "--url=u&q=100%");
        assert_eq!(with_url("50%", "u"), "50%");
        assert_eq!(with_url("%%s", "u"), "%s");
    }

    /// A command that starts and fails at once (`xdg-open` without a
    /// browser) is no browser opened: the next in `$BROWSER` is tried, and
    /// with none left, the failure is the status.
    #[cfg(unix)]
    #[test]
    fn a_browser_that_fails_at_once_is_not_reported_as_opened() {
        let url = "https://www.linkedin.com/in/x";
        let Action::Status(msg, is_error) = open_url_with(Some("false"), url, "X's profile", "y")
        else {
            panic!("a status");
        };
        assert!(is_error, "{msg}");
        assert!(
            msg.contains("(`false`: it exited at once (exit status: 1))"),
            "{msg}"
        );
        let Action::Status(msg, is_error) =
            open_url_with(Some("false:true"), url, "X's profile", "y")
        else {
            panic!("a status");
        };
        assert!(!is_error, "{msg}");
        // One that keeps running is opened, without waiting for it.
        let started = std::time::Instant::now();
        let Action::Status(msg, is_error) =
            open_url_with(Some("sleep 5 %s"), "0", "X's profile", "y")
        else {
            panic!("a status");
        };
        assert!(!is_error, "{msg}");
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }

    /// `$BROWSER` as other tools read it: commands separated by `:`, tried
    /// in turn, with their arguments and `%s` for the URL.
    #[cfg(unix)]
    #[test]
    fn browser_is_a_list_of_commands_with_arguments() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("log");
        let script = dir.path().join("browser");
        std::fs::write(
            &script,
            format!("#!/bin/sh\necho \"$@\" >> '{}'\n", log.display()),
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        let url = "https://www.linkedin.com/in/x";
        let browser = format!("/nonexistent/one:{} --new-tab %s", script.display());
        let Action::Status(msg, is_error) = open_url_with(Some(&browser), url, "X's profile", "y")
        else {
            panic!("a status");
        };
        assert!(!is_error, "{msg}");
        assert_eq!(msg, "Opened X's profile in the browser");
        // The script runs on its own; wait for its line.
        for _ in 0..100 {
            if std::fs::read_to_string(&log).is_ok_and(|l| l.ends_with('\n')) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert_eq!(
            std::fs::read_to_string(&log).unwrap(),
            format!("--new-tab {url}\n")
        );
    }
}
