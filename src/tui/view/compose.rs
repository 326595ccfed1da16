//! The reply composer: their note above, your draft below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

use super::theme::Theme;
use crate::report::{clean_text, one_line};
use crate::tui::app::App;

pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(c) = &app.composer else { return };
    let inv = &app.invitations[c.index as usize];
    let note = if inv.has_note() {
        clean_text(inv.message().trim())
    } else {
        "(no note)".to_string()
    };
    let note_lines = note.lines().count().clamp(1, 4) as u16;
    let [theirs, mine] =
        Layout::vertical([Constraint::Length(note_lines + 1), Constraint::Min(3)]).areas(area);
    let mut their = vec![Line::from(vec![
        Span::styled(
            format!(" {} wrote", one_line(inv.counterpart())),
            theme.bold(),
        ),
        Span::styled(
            format!(" ({})", inv.category.label()),
            theme.category(inv.category),
        ),
    ])];
    their.extend(
        note.lines()
            .take(4)
            .map(|l| Line::styled(format!(" {l}"), theme.dim())),
    );
    frame.render_widget(Paragraph::new(their).wrap(Wrap { trim: false }), theirs);

    let template = app.templates.list.get(c.template);
    let title = if c.thank_you {
        format!(" Thank {} for connecting ", one_line(inv.counterpart()))
    } else {
        format!(
            " Reply to {}, don't accept yet ",
            one_line(inv.counterpart())
        )
    };
    let right = match (c.resumed, template) {
        (true, _) => " your saved draft ".to_string(),
        (false, Some(t)) => format!(
            " template {}/{}: {} ",
            c.template + 1,
            app.templates.list.len(),
            t.name
        ),
        (false, None) => String::new(),
    };
    let count = c.char_count();
    let count_style = if count > 8000 {
        theme.error()
    } else {
        theme.dim()
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(Span::styled(title, theme.bold()))
        .title(Line::styled(right, theme.dim()).right_aligned())
        .title_bottom(Line::styled(format!(" {count} chars "), count_style).right_aligned());
    let inner = block.inner(mine);
    frame.render_widget(block, mine);
    frame.render_widget(&c.editor, inner);
}
