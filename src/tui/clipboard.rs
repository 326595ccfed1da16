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
    for (cmd, args) in NATIVE {
        let child = Command::new(cmd)
            .args(*args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let Ok(mut child) = child else { continue };
        let wrote = child
            .stdin
            .take()
            .is_some_and(|mut stdin| stdin.write_all(text.as_bytes()).is_ok());
        if wrote && child.wait().is_ok_and(|s| s.success()) {
            return Some(cmd);
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
}
