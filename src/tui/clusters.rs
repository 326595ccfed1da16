//! Leftovers of clusters a terminal draws as several glyphs.
//!
//! ratatui sends only the cells that changed since the last frame. When a
//! wide cell gives way to a narrow one, it writes the narrow one and trusts
//! the terminal to blank the wide glyph's second column, as terminals do
//! for one wide character (`コ`). A cluster of several characters is
//! another matter: many terminals, tmux among them, draw `स्ते`, a flag
//! (`🇺🇸`, two regional indicators) or a joined emoji as glyphs of their
//! own, one a column. Writing over the first column then leaves the rest
//! on screen, where ratatui's copy of the screen says a blank is; a stray
//! `ते` reads as part of the next person's name or date. So the columns
//! after such a cluster are written again whenever the cluster goes.
//!
//! Written here, not found in a crate: it has to know the frame just sent,
//! which only the drawing loop holds (ratatui's diff takes no hint but a
//! cell's own `CellDiffOption`).

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Position;

/// The clusters of several characters in the last frame drawn: where, how
/// many columns ratatui gave each, and the text.
#[derive(Debug, Default)]
pub struct Clusters {
    last: Vec<(Position, u16, String)>,
}

impl Clusters {
    /// Before `buf` is sent: makes every column after a cluster of the
    /// last frame that is not there now be written again (one more than
    /// the cluster's width, for a terminal that drew it wider than
    /// counted), then notes the clusters of `buf` for the next frame.
    pub fn refresh(&mut self, buf: &mut Buffer) {
        let area = buf.area;
        for (at, width, symbol) in self.last.drain(..) {
            let gone = buf.cell(at).is_none_or(|c| c.symbol() != symbol);
            if !gone {
                continue;
            }
            for dx in 1..=width {
                let x = at.x.saturating_add(dx);
                if x >= area.right() {
                    break;
                }
                if let Some(cell) = buf.cell_mut(Position::new(x, at.y)) {
                    cell.set_diff_option(CellDiffOption::AlwaysUpdate);
                }
            }
        }
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                let at = Position::new(x, y);
                let Some(cell) = buf.cell(at) else { continue };
                let symbol = cell.symbol();
                if symbol.chars().nth(1).is_some() {
                    let width = u16::try_from(unicode_width::UnicodeWidthStr::width(symbol))
                        .unwrap_or(u16::MAX)
                        .max(1);
                    self.last.push((at, width, symbol.to_string()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    fn frame(text: &str) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        buf.set_string(0, 0, text, ratatui::style::Style::default());
        buf
    }

    fn sent(prev: &Buffer, next: &Buffer) -> Vec<u16> {
        prev.diff(next).into_iter().map(|(x, _, _)| x).collect()
    }

    /// `Priya नमस्ते · sent` then `Ann Lee · sent`: the `·` lands on the
    /// cluster's first column and a blank on its second, a blank in the
    /// last frame too. Without the refresh only the `·` is sent, and a
    /// terminal that drew `स्ते` as two glyphs keeps `ते`.
    #[test]
    fn the_column_after_a_cluster_gone_is_sent_again() {
        let mut clusters = Clusters::default();
        let mut prev = frame("नमस्ते ab");
        clusters.refresh(&mut prev);
        assert_eq!(prev[(2, 0)].symbol(), "स्ते");
        let mut next = frame("xy·  ab");
        assert_eq!(sent(&prev, &next), [0, 1, 2], "ratatui alone");
        clusters.refresh(&mut next);
        assert_eq!(sent(&prev, &next), [0, 1, 2, 3, 4]);
    }

    /// A flag is two regional indicators; the same, and the cluster kept
    /// in place costs nothing.
    #[test]
    fn a_cluster_that_stays_sends_nothing_more() {
        let mut clusters = Clusters::default();
        let mut prev = frame("a🇺🇸 b");
        clusters.refresh(&mut prev);
        let mut same = frame("a🇺🇸 b");
        clusters.refresh(&mut same);
        assert!(sent(&prev, &same).is_empty());
        let mut next = frame("ab  b");
        assert_eq!(sent(&same, &next), [1], "ratatui alone");
        clusters.refresh(&mut next);
        assert_eq!(sent(&same, &next), [1, 2, 3]);
    }
}
