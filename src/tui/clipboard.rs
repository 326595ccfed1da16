//! Copying text: OSC 52 (works over SSH and inside tmux), plus the platform's
//! clipboard: its command when one is installed, the clipboard API on
//! Windows (`clipboard-win`).
//!
//! Written by hand rather than with a cross-platform clipboard crate: those
//! (arboard, copypasta) link X11/Wayland libraries and cannot reach a local
//! clipboard over SSH at all, while OSC 52 is a one-line escape sequence the
//! terminal itself carries out.

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use base64::Engine;

/// The OSC 52 sequence that sets the clipboard to `text`. Inside tmux
/// (`in_tmux`) it is sent twice: as it is, which tmux takes itself (and
/// passes on to the outer terminal) under `set-clipboard on`, and wrapped in
/// tmux's passthrough, which reaches the outer terminal under
/// `allow-passthrough on`. tmux 3.3 and later have both off or `external`
/// by default, and either one set is enough.
pub fn osc52(text: &str, in_tmux: bool) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let seq = format!("\x1b]52;c;{b64}\x07");
    if in_tmux {
        format!("{seq}\x1bPtmux;{}\x1b\\", seq.replace('\x1b', "\x1b\x1b"))
    } else {
        seq
    }
}

/// Clipboard commands tried in turn, after OSC 52.
const NATIVE: &[(&str, &[&str])] = &[
    ("wl-copy", &[]),
    ("xclip", &["-selection", "clipboard"]),
    ("xsel", &["--clipboard", "--input"]),
    ("pbcopy", &[]),
    ("clip.exe", &[]),
];

/// How long a clipboard command may take. They end at once (`wl-copy` and
/// `xclip` leave a process of their own behind to serve the text); one
/// that does not (a hung X or Wayland connection, `clip.exe` stuck under
/// WSL) would freeze the screen, with the keys typed meanwhile carried out
/// later on rows nobody saw.
const COMMAND_WAIT: Duration = Duration::from_millis(1500);

/// Whether a clipboard command is running: the signal thread waits for it
/// to end, as for an editor, so that leaving still gets to say its last
/// words (a draft the disk would not take).
pub static COPYING: AtomicBool = AtomicBool::new(false);

/// Puts `text` on the platform's clipboard: on Windows through its API,
/// elsewhere by piping it to the first clipboard command that runs. Says
/// how, or None.
pub fn native_copy(text: &str) -> Option<&'static str> {
    // As UTF-16 text (CF_UNICODETEXT), which every program reads right;
    // `clip.exe` reads its input in a code page and mangles "Zoë".
    #[cfg(windows)]
    if clipboard_win::set_clipboard_string(text).is_ok() {
        return Some("the Windows clipboard");
    }
    COPYING.store(true, Ordering::Relaxed);
    let how = copy_with(NATIVE, text, COMMAND_WAIT);
    COPYING.store(false, Ordering::Relaxed);
    how
}

/// [`native_copy`] through `commands`, each given `wait` to end. One that
/// has not ended by then is left to a thread that waits for it (no
/// zombie), and the next are not tried: the same hang would hold them.
/// The text goes in from a thread of its own, within the same wait: a
/// command that hangs before it reads would block a write longer than the
/// pipe holds (64 KiB), wait or no wait.
fn copy_with(
    commands: &[(&'static str, &[&str])],
    text: &str,
    wait: Duration,
) -> Option<&'static str> {
    for &(cmd, args) in commands {
        let child = Command::new(cmd)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let Ok(mut child) = child else { continue };
        let writer = child.stdin.take().and_then(|mut stdin| {
            let text = text.to_string();
            std::thread::Builder::new()
                .name("clipboard input".into())
                .spawn(move || stdin.write_all(text.as_bytes()).is_ok())
                .ok()
        });
        let deadline = Instant::now() + wait;
        let ended = loop {
            let written = writer.as_ref().is_none_or(|w| w.is_finished());
            match child.try_wait() {
                Ok(Some(status)) if written => break Some(status.success()),
                Ok(_) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Ok(_) => break None,
                Err(_) => break Some(false),
            }
        };
        // Finished (see above): joined at once. A writer still blocked
        // (a child of the command holds the pipe and never reads) ends
        // when that process does.
        let wrote = || writer.is_some_and(|w| w.join().unwrap_or(false));
        match ended {
            Some(true) if wrote() => return Some(cmd),
            Some(_) => {}
            None => {
                let _ = std::thread::Builder::new()
                    .name("clipboard".into())
                    .spawn(move || child.wait());
                return None;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_bytes() {
        assert_eq!(osc52("hi", false), "\x1b]52;c;aGk=\x07");
        assert_eq!(osc52("Zoë", false), "\x1b]52;c;Wm/Dqw==\x07");
    }

    #[test]
    fn osc52_in_tmux_is_sent_plain_and_wrapped_with_doubled_escapes() {
        assert_eq!(
            osc52("hi", true),
            "\x1b]52;c;aGk=\x07\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
        );
    }

    /// A command that takes the text and ends is the copy; one missing is
    /// passed over; one that fails, the next is tried.
    #[cfg(unix)]
    #[test]
    fn the_first_command_that_takes_the_text_copies() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("copied");
        let take = format!("cat > '{}'", out.display());
        let commands: &[(&'static str, &[&str])] = &[
            ("invitriage-no-such-command", &[]),
            ("sh", &["-c", "cat > /dev/null; exit 1"]),
            ("sh", &["-c", &take]),
        ];
        let wait = Duration::from_secs(30);
        assert_eq!(copy_with(commands, "Hi Zoë", wait), Some("sh"));
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "Hi Zoë");
    }

    /// A command that does not end is left after its wait, and the ones
    /// after it are not tried (the durability tester's `wl-copy` that
    /// slept froze the screen until it ended).
    #[cfg(unix)]
    #[test]
    fn a_command_that_hangs_is_left_after_its_wait() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("copied");
        let take = format!("cat > '{}'", out.display());
        let commands: &[(&'static str, &[&str])] =
            &[("sh", &["-c", "sleep 5"]), ("sh", &["-c", &take])];
        let started = Instant::now();
        // More than a pipe holds, to a command that never reads it.
        let long = "x".repeat(1 << 20);
        assert_eq!(copy_with(commands, &long, Duration::from_millis(200)), None);
        assert!(
            started.elapsed() < Duration::from_secs(4),
            "left after its wait, not when it ended"
        );
        assert!(!out.exists(), "the next command is not tried");
    }
}
