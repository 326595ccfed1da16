//! Colours and emphasis. Each group has one colour everywhere; with
//! `NO_COLOR` (or a monochrome `TERM`) only bold, dim and reverse carry
//! the meaning.

use ratatui::style::{Color, Modifier, Style};

use crate::classify::Category;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

/// Whether to draw in colour, from `NO_COLOR` and `TERM`: not when
/// `NO_COLOR` is set to anything, nor on a terminal `TERM` names as
/// monochrome (`xterm-mono`, `linux-m`, the DEC `vt100` and kin), where a
/// 256-colour code can even read as "blink" (`38;5`).
pub fn colour_wanted(no_color: Option<&std::ffi::OsStr>, term: Option<&std::ffi::OsStr>) -> bool {
    if no_color.is_some_and(|v| !v.is_empty()) {
        return false;
    }
    let term = term
        .and_then(|t| t.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mono = term.ends_with("-mono")
        || term.ends_with("-m")
        || term.strip_prefix("vt").is_some_and(|rest| {
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            digits >= 2 && matches!(rest[digits..].chars().next(), None | Some('-'))
        });
    !mono
}

impl Theme {
    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn category(self, c: Category) -> Style {
        match c {
            Category::Customised => self.fg(Color::Green),
            Category::GreetingOnly => self.fg(Color::Yellow),
            Category::Default => self.fg(Color::Blue),
        }
    }

    /// Faint, as the terminal draws it, not a colour: the dark grey many
    /// tools use is the background itself in Solarized Dark (its "bright
    /// black"), where decided rows and hints would vanish. A terminal
    /// without faint text shows it plain.
    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn selected(self) -> Style {
        // A light text on the dark bar: the terminal's own (black on a
        // light theme) would hardly show on it.
        if self.color {
            Style::new()
                .fg(Color::White)
                // From the 256-colour palette (a dark grey, #303030): a
                // terminal without 24-bit colour draws it as meant too.
                .bg(Color::Indexed(236))
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn ok(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn pitch(self) -> Style {
        self.fg(Color::Magenta)
    }

    pub fn warn(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::colour_wanted;
    use std::ffi::OsStr;

    #[test]
    fn colour_is_off_under_no_color_and_on_monochrome_terminals() {
        let want = |no: Option<&str>, term: &str| {
            colour_wanted(no.map(OsStr::new), Some(OsStr::new(term)))
        };
        assert!(want(None, "xterm-256color"));
        assert!(want(None, "screen"));
        assert!(want(None, "vte-256color"));
        assert!(want(Some(""), "xterm"), "an empty NO_COLOR is not set");
        assert!(!want(Some("1"), "xterm-256color"));
        for mono in [
            "xterm-mono",
            "vt100",
            "VT220",
            "vt102-nsgr",
            "linux-m",
            "ansi-m",
        ] {
            assert!(!want(None, mono), "{mono}");
        }
        assert!(colour_wanted(None, None));
    }
}
