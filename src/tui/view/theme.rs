//! Colours and emphasis. Each group has one colour everywhere; with
//! `NO_COLOR` (or a monochrome `TERM`) only bold, dim and reverse carry
//! the meaning.

use ratatui::style::{Color, Modifier, Style};

use crate::classify::Category;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    /// The 256-colour palette is there: see [`palette_256`].
    pub palette_256: bool,
}

/// Whether the terminal draws the 256-colour palette, by `TERM` (`…-256color`,
/// or a terminal known to: kitty, alacritty, foot, WezTerm, iTerm) or
/// `COLORTERM` (`truecolor`, `24bit`). A plain `xterm`, `screen` or the
/// Linux console may have only 8 or 16 colours, and there a 256-colour code
/// draws another colour, or nothing: the cursor's bar is then reversed.
pub fn palette_256(term: Option<&std::ffi::OsStr>, colorterm: Option<&std::ffi::OsStr>) -> bool {
    let lower = |v: Option<&std::ffi::OsStr>| {
        v.and_then(|t| t.to_str())
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    let (term, colorterm) = (lower(term), lower(colorterm));
    matches!(colorterm.as_str(), "truecolor" | "24bit")
        || term.contains("256col")
        || term.contains("direct")
        || [
            "xterm-kitty",
            "alacritty",
            "foot",
            "wezterm",
            "iterm",
            "xterm-ghostty",
            "contour",
        ]
        .iter()
        .any(|t| term.starts_with(t))
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
        if self.color && self.palette_256 {
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
    use super::{Theme, colour_wanted, palette_256};
    use ratatui::style::Modifier;
    use std::ffi::OsStr;

    /// The grey bar only where the 256-colour palette is known to be;
    /// elsewhere (the Linux console, a plain xterm) the bar is reversed.
    #[test]
    fn the_cursor_bar_is_grey_only_on_a_256_colour_terminal() {
        let rich = |term: &str, colorterm: Option<&str>| {
            palette_256(Some(OsStr::new(term)), colorterm.map(OsStr::new))
        };
        for term in [
            "xterm-256color",
            "screen-256color",
            "tmux-256color",
            "xterm-kitty",
            "alacritty",
            "xterm-direct",
        ] {
            assert!(rich(term, None), "{term}");
        }
        assert!(rich("xterm", Some("truecolor")));
        assert!(rich("screen", Some("24bit")));
        for term in ["linux", "xterm", "screen", "ansi", "rxvt", ""] {
            assert!(!rich(term, None), "{term}");
        }
        assert!(!palette_256(None, None));
        let bar = |palette_256| {
            Theme {
                color: true,
                palette_256,
            }
            .selected()
        };
        assert!(bar(false).add_modifier.contains(Modifier::REVERSED));
        assert!(bar(false).bg.is_none());
        assert!(bar(true).bg.is_some());
        assert!(!bar(true).add_modifier.contains(Modifier::REVERSED));
    }

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
