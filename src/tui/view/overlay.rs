//! Pop-ups drawn over the list: the bulk confirmation.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use super::theme::Theme;
use crate::tui::app::Bulk;

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

pub fn confirm(bulk: &Bulk, theme: Theme, frame: &mut Frame, area: Rect) {
    let w = 60.min(area.width.saturating_sub(4));
    let inner_w = usize::from(w.saturating_sub(4)).max(1);
    let text_lines = bulk.detail.len().div_ceil(inner_w) as u16;
    let rect = centred(area, w, text_lines + 3);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(Span::styled(format!(" {} ", bulk.question), theme.bold()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [body, keys] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(vec![Line::raw(bulk.detail.clone())]).wrap(Wrap { trim: true }),
        body.inner(ratatui::layout::Margin::new(1, 0)),
    );
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
