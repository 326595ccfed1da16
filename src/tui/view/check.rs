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
    // Opened on a sent invitation, the note is graded as one to that
    // person: a new one, as the one sent is there already.
    let title = if app.check_to.is_empty() {
        " Check a note before you send it ".to_string()
    } else {
        // A long name gives way with `…`, as the composer's does.
        let room = usize::from(area.width).saturating_sub(" Check a new note to  ".len() + 2);
        format!(
            " Check a new note to {} ",
            crate::text::fit(&crate::text::one_line(&app.check_to), room)
        )
    };
    let count_style = if grade.within_limit() {
        theme.dim()
    } else {
        theme.error()
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(Span::styled(title, theme.bold()))
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
    } else if grade.passes() && grade.analysis.greets_other.is_some() {
        block.title_bottom(Line::styled(
            " ready to send? check the name ",
            theme.warn(),
        ))
    } else if grade.passes() {
        block.title_bottom(Line::styled(" ready to send ", theme.ok()))
    } else {
        block.title_bottom(Line::styled(" not ready ", theme.error()))
    };
    let inner = block.inner(editor);
    // The editor first: where it scrolls to is known once it is drawn.
    frame.render_widget(&pad.editor, inner);
    let more = match super::hidden_lines(&pad.editor, inner) {
        (false, false) => None,
        (true, true) => Some(" ↑↓ more "),
        (true, false) => Some(" ↑ more "),
        (false, true) => Some(" ↓ more "),
    };
    let block = match more {
        Some(more) => block.title_bottom(Line::styled(more, theme.dim()).centered()),
        None => block,
    };
    frame.render_widget(block, editor);
    super::show_cursor(frame, &pad.editor, inner);
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
    let wrapped: Vec<Vec<Line>> = String::from_utf8_lossy(&out)
        .lines()
        .map(|l| {
            let style = if l.trim_start().starts_with('✗') || l.starts_with("not ready") {
                theme.error()
            } else if l.trim_start().starts_with('✓') || l.starts_with("ready") {
                theme.ok()
            } else if l.trim_start().starts_with('!') {
                theme.pitch()
            } else {
                ratatui::style::Style::new()
            };
            check::wrap_line(l, width)
                .into_iter()
                .map(|part| Line::styled(format!(" {part}"), style))
                .collect()
        })
        .collect();
    frame.render_widget(
        Paragraph::new(fitted(wrapped, usize::from(verdict.height), theme)),
        verdict,
    );
}

/// The grading's lines (each wrapped to its rows) in `height` rows. When
/// they do not fit, the length and the verdict (its last two lines) keep
/// their place at the foot, and a `… N more lines` row says where the
/// others were cut: on a short terminal the grading stopped mid-sentence,
/// with no sign of the rest.
fn fitted(lines: Vec<Vec<Line<'static>>>, height: usize, theme: Theme) -> Vec<Line<'static>> {
    let rows: usize = lines.iter().map(Vec::len).sum();
    if rows <= height {
        return lines.into_iter().flatten().collect();
    }
    let kept = if lines.len() > 2 { 2 } else { 0 };
    let (head, tail) = lines.split_at(lines.len() - kept);
    let tail: Vec<Line> = tail.iter().flatten().cloned().collect();
    let room = height.saturating_sub(tail.len() + 1);
    let mut out: Vec<Line> = head.iter().flatten().take(room).cloned().collect();
    let hidden = rows - tail.len() - out.len();
    out.push(Line::styled(
        format!(
            " … {hidden} more line{}: a taller terminal shows them",
            crate::text::plural(hidden)
        ),
        theme.dim(),
    ));
    out.extend(tail);
    out
}
