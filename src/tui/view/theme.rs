//! Colours and emphasis. Each group has one colour everywhere; with
//! `NO_COLOR` only bold, dim and reverse carry the meaning.

use ratatui::style::{Color, Modifier, Style};

use crate::classify::Category;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
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
