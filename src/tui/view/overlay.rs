//! Pop-ups drawn over the list: the bulk confirmation.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use super::theme::Theme;

/// A rectangle of at most `w`×`h`, centred in `area`.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [c] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    c
}

/// Clears `rect` for a pop-up, and the wide character (CJK, emoji) that
/// starts just left of it and would reach into it: its second half would
/// sit under the pop-up's left border, which terminals then draw over or
/// drop.
pub fn clear(frame: &mut Frame, rect: Rect) {
    frame.render_widget(Clear, rect);
    if rect.x == 0 {
        return;
    }
    let buf = frame.buffer_mut();
    for y in rect.top()..rect.bottom() {
        let cell = &mut buf[(rect.x - 1, y)];
        if unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

pub fn confirm(question: &str, detail: &str, theme: Theme, frame: &mut Frame, area: Rect) {
    let w = 60.min(area.width.saturating_sub(4));
    // As the paragraph wraps it, word by word (its length over the width
    // was a row short, and the last words, the undo key, were cut).
    let detail = Paragraph::new(vec![Line::raw(detail.to_string())]).wrap(Wrap { trim: true });
    let text_lines =
        u16::try_from(detail.line_count(w.saturating_sub(4).max(1))).unwrap_or(u16::MAX);
    let rect = centred(area, w, text_lines.saturating_add(3));
    clear(frame, rect);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(Span::styled(format!(" {question} "), theme.bold()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [body, keys] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
    frame.render_widget(detail, body.inner(ratatui::layout::Margin::new(1, 0)));
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("[y]", theme.key()),
            Span::raw(" yes  "),
            Span::styled("[n]", theme.key()),
            Span::raw(" no "),
        ]))
        .right_aligned(),
        keys,
    );
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::layout::Rect;
    use ratatui::widgets::Paragraph;

    #[test]
    fn a_wide_character_reaching_under_a_pop_up_is_cleared() {
        let mut t = Terminal::new(TestBackend::new(10, 2)).unwrap();
        t.draw(|f| {
            f.render_widget(Paragraph::new("a田中bcdef\n田x"), f.area());
            super::clear(f, Rect::new(2, 0, 4, 2));
        })
        .unwrap();
        let buf = t.backend().buffer();
        assert_eq!(
            buf[(1, 0)].symbol(),
            " ",
            "田 at 1 reached into it: cleared"
        );
        assert_eq!(buf[(0, 1)].symbol(), "田", "田 at 0 ends before it: kept");
        assert_eq!(buf[(0, 0)].symbol(), "a");
    }
}
