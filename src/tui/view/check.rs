//! The check screen (`w`): a note you are about to send, graded as you type.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::theme::Theme;
use crate::check::{self, Grade};
use crate::tui::app::App;

pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(pad) = &app.check_pad else { return };
    let text = pad.lines().join("\n");
    let me = app.my_name.clone().unwrap_or_default();
    let grade = Grade::new(&app.classifier, &text, &me, &app.check_to, app.note_limit);
    let [editor, verdict] =
        Layout::vertical([Constraint::Percentage(45), Constraint::Min(4)]).areas(area);
    let to = if app.check_to.is_empty() {
        String::new()
    } else {
        format!(" to {}", crate::text::one_line(&app.check_to))
    };
    let count_style = if grade.within_limit() {
        theme.dim()
    } else {
        theme.error()
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(Span::styled(
            format!(" Check a note before you send it{to} "),
            theme.bold(),
        ))
        .title_bottom(
            Line::styled(
                format!(" {} / {} chars ", grade.length, grade.limit),
                count_style,
            )
            .right_aligned(),
        );
    // The verdict in the frame too, where a short terminal cannot cut it off.
    let block = if text.trim().is_empty() {
        block
    } else if grade.passes() {
        block.title_bottom(Line::styled(" ready to send ", theme.ok()))
    } else {
        block.title_bottom(Line::styled(" not ready ", theme.error()))
    };
    let inner = block.inner(editor);
    frame.render_widget(block, editor);
    frame.render_widget(&pad.editor, inner);
    let mut out = Vec::new();
    if text.trim().is_empty() {
        out.extend_from_slice(b"Empty so far: an empty note is what most invitations carry.\n");
    } else {
        // The same words as `invitriage check`, so the two never disagree.
        let _ = check::write_text(&mut out, &grade);
    }
    // Wrapped by hand, so that a long line goes on under its own text
    // (`✗ reason   give a reason … / from them`), not at the left edge.
    let width = usize::from(verdict.width).saturating_sub(1).max(20);
    let mut lines: Vec<Line> = Vec::new();
    for l in String::from_utf8_lossy(&out).lines() {
        let style = if l.trim_start().starts_with('✗') || l.starts_with("not ready") {
            theme.error()
        } else if l.trim_start().starts_with('✓') || l.starts_with("ready") {
            theme.ok()
        } else if l.trim_start().starts_with('!') {
            theme.pitch()
        } else {
            ratatui::style::Style::new()
        };
        lines.extend(
            check::wrap_line(l, width)
                .into_iter()
                .map(|part| Line::styled(format!(" {part}"), style)),
        );
    }
    frame.render_widget(Paragraph::new(lines), verdict);
}
