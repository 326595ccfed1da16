//! Drawing: pure functions of `&App` into a `Frame`. One file per screen or
//! pane; this one lays them out.

mod check;
mod compose;
mod detail;
mod footer;
mod header;
mod help;
mod list;
mod overlay;
mod stats;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::app::{App, Mode};
/// The keys that work right now, as the footer names them.
pub use footer::hints as key_hints;
pub use help::COMPOSER_KEYS;
use theme::Theme;

/// The smallest terminal the layout works in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// Above this width the detail pane sits beside the list.
const SIDE_BY_SIDE: u16 = 140;

/// The areas of the main screen.
struct Areas {
    header: Rect,
    tabs: Rect,
    list: Rect,
    separator: Option<Rect>,
    detail: Rect,
    footer: Rect,
}

fn areas(area: Rect) -> Areas {
    let [header, tabs, body, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    if area.width >= SIDE_BY_SIDE {
        let [list, separator, _, detail] = Layout::horizontal([
            Constraint::Percentage(55),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(body);
        return Areas {
            header,
            tabs,
            list,
            separator: Some(separator),
            detail,
            footer,
        };
    }
    let detail_h = (body.height / 2)
        .clamp(7, 14)
        .min(body.height.saturating_sub(4));
    let [list, separator, detail] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(detail_h),
    ])
    .areas(body);
    Areas {
        header,
        tabs,
        list,
        separator: Some(separator),
        detail,
        footer,
    }
}

/// The detail pane as drawn now: without the rows above the footer that
/// a status message of more than one line takes. Covered, they cut the
/// note with no sign of the "… more lines" line at the pane's foot.
fn detail_area(app: &App, a: &Areas) -> Rect {
    let covered = footer::status_height(app, a.footer.width).saturating_sub(1);
    Rect {
        height: a.detail.height.saturating_sub(covered),
        ..a.detail
    }
}

/// How far the detail pane of the current invitation scrolls at the app's
/// terminal size (0 when the note fits).
pub fn detail_hidden(app: &App) -> usize {
    let a = areas(Rect::new(0, 0, app.size.0, app.size.1));
    detail::hidden(app, detail_area(app, &a))
}

/// What Ctrl-D and Ctrl-U scroll the detail pane by: half the rows that
/// show the note at the app's size and status (at least one).
pub fn detail_half(app: &App) -> i32 {
    let a = areas(Rect::new(0, 0, app.size.0, app.size.1));
    let shown = detail::shown_rows(app, detail_area(app, &a));
    i32::from(shown / 2).max(1)
}

/// How many list rows fit in a terminal of this size (the app scrolls by it).
pub fn list_height(width: u16, height: u16) -> usize {
    usize::from(areas(Rect::new(0, 0, width, height)).list.height)
}

/// Where the statistics screen goes: everything between the tabs and the
/// footer, the whole width.
fn stats_body(area: Rect) -> Rect {
    let a = areas(area);
    Rect::new(
        area.x,
        a.tabs.y + 1,
        area.width,
        area.height - a.header.height - a.tabs.height - a.footer.height,
    )
}

/// How many lines the help or the statistics screen can scroll at the
/// app's size (its lines beyond the height it has); 0 in other modes.
pub fn max_scroll(app: &App) -> u16 {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let theme = Theme {
        color: app.color,
        palette_256: app.palette_256,
    };
    let beyond = |lines: usize, height: u16| {
        u16::try_from(lines)
            .unwrap_or(u16::MAX)
            .saturating_sub(height)
    };
    match app.mode {
        Mode::Help { .. } => {
            let rect = help::rect(area);
            beyond(
                help::lines(app, theme, help::text_width(rect)).len(),
                rect.height.saturating_sub(2),
            )
        }
        Mode::Stats { .. } if area.height >= MIN_HEIGHT => {
            let body = stats_body(area);
            beyond(stats::lines(app, theme, body.width).len(), body.height)
        }
        _ => 0,
    }
}

/// How many lines of the help or statistics screen show at once: what a
/// page key scrolls, less one line kept for context.
pub fn page_height(app: &App) -> u16 {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let height = match app.mode {
        Mode::Help { .. } => help::rect(area).height.saturating_sub(2),
        Mode::Stats { .. } => stats_body(area).height,
        _ => 0,
    };
    height.saturating_sub(1).max(1)
}

/// Draws the whole screen.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let theme = Theme {
        color: app.color,
        palette_256: app.palette_256,
    };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let quit = app.keymap.hint(&crate::tui::keys::Action::Quit);
        // The question the quit key asked with rows marked, which the
        // status line cannot show here.
        let asked = app
            .status
            .as_ref()
            .filter(|_| app.quit_asked())
            .map(|s| s.text.as_str());
        let msg = if let Some(question) = asked {
            format!(
                "{question} (invitriage needs at least {MIN_WIDTH}×{MIN_HEIGHT}, now {}×{})",
                area.width, area.height,
            )
        } else if app.typing() {
            // The draft and the check pad's note are on disk; a search is
            // not. When the disk would not take them, quitting is refused.
            let quit = if app.quitting_refused() {
                ": your text is not kept on disk (a full one?), so Ctrl-C does not quit"
            } else if app.mode == crate::tui::app::Mode::Search {
                ", or Ctrl-C to quit"
            } else {
                ", or Ctrl-C to quit, keeping your text"
            };
            format!(
                "invitriage needs at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{}): make the terminal larger to type on (keys typed now are not taken){quit}.",
                area.width, area.height,
            )
        } else if app.quitting_refused() {
            // The check pad's note outlives the pad: not on disk, it keeps
            // the app from quitting from the list too.
            format!(
                "invitriage needs at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{}): make the terminal larger; the check pad's note is not kept on disk (a full one?), so quitting is refused.",
                area.width, area.height,
            )
        } else {
            format!(
                "invitriage needs at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{}): make the terminal larger, or {} to quit.",
                area.width,
                area.height,
                if quit.is_empty() { "Ctrl-C" } else { &quit }
            )
        };
        // Too small even for that: the way out comes first.
        let quit = if app.typing() || quit.is_empty() {
            "Ctrl-C"
        } else {
            &quit
        };
        let cells = usize::from(area.width) * usize::from(area.height);
        let msg = if msg.chars().count() * 3 / 2 > cells {
            let quits = if asked.is_some() {
                "Quit? marks are not kept · y quits · any other key stays".to_string()
            } else if app.quitting_refused() {
                "text not on disk: Ctrl-C won't quit".to_string()
            } else {
                format!("{quit} quits")
            };
            format!(
                "{quits} · needs {MIN_WIDTH}×{MIN_HEIGHT}, now {}×{}",
                area.width, area.height
            )
        } else {
            msg
        };
        frame.render_widget(
            Paragraph::new(Line::from(msg)).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let a = areas(area);
    header::draw(app, theme, frame, a.header);
    header::draw_tabs(app, theme, frame, a.tabs);
    match &app.mode {
        Mode::Stats { scroll } => {
            stats::draw(app, theme, frame, stats_body(area), *scroll);
        }
        Mode::Compose | Mode::Check => {
            // Above a status message of more than one line ("Discard this
            // draft? …" at 60 columns): covered, the box lost its bottom
            // border and the character count on it.
            let covered = footer::status_height(app, a.footer.width).saturating_sub(1);
            let body = Rect::new(
                area.x,
                a.tabs.y + 1,
                area.width,
                (area.height - a.header.height - a.tabs.height - a.footer.height)
                    .saturating_sub(covered),
            );
            if app.mode == Mode::Check {
                check::draw(app, theme, frame, body);
            } else {
                compose::draw(app, theme, frame, body);
            }
        }
        _ => {
            // Side by side, the list runs down to the footer too: the rows
            // a status of several lines covers are not drawn under it.
            let list = if a.list.bottom() == a.footer.y {
                let covered = footer::status_height(app, a.footer.width).saturating_sub(1);
                Rect {
                    height: a.list.height.saturating_sub(covered),
                    ..a.list
                }
            } else {
                a.list
            };
            list::draw(app, theme, frame, list);
            if let Some(sep) = a.separator {
                let line = if sep.width == 1 {
                    Paragraph::new(vec![Line::from("│"); usize::from(sep.height)])
                } else {
                    Paragraph::new(Line::from("─".repeat(usize::from(sep.width))))
                };
                frame.render_widget(line.style(theme.dim()), sep);
            }
            detail::draw(app, theme, frame, detail_area(app, &a));
        }
    }
    footer::draw(app, theme, frame, a.footer);
    match &app.mode {
        Mode::Help { scroll } => help::draw(app, theme, frame, area, *scroll),
        Mode::Confirm(bulk) => overlay::confirm(&bulk.question, &bulk.detail, theme, frame, area),
        Mode::ConfirmUndo { question, detail } => {
            overlay::confirm(question, detail, theme, frame, area)
        }
        _ => {}
    }
}

/// Puts the terminal's own cursor where `editor`, drawn into `inner`,
/// inserts: a screen reader or magnifier follows it, and an input method
/// opens its window there. (The editor marks the spot in reverse video,
/// which only the eye sees.) Call after drawing it: where its text is
/// scrolled to is known then.
fn show_cursor(frame: &mut Frame, editor: &ratatui_textarea::TextArea<'_>, inner: Rect) {
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let at = editor.screen_cursor();
    let (top, left) = editor.scroll_offset();
    let row = at.row.saturating_sub(usize::from(top));
    let col = at.col.saturating_sub(usize::from(left));
    let (height, width) = (usize::from(inner.height), usize::from(inner.width));
    if row >= height {
        return;
    }
    // After the last character of a line that fills the row, the editor
    // counts a column past the edge and draws its mark there, out of
    // sight: the cursor stood on the last character, the same before and
    // after it was typed. The next character typed goes at the start of
    // the next row (the row is full), so the cursor and the mark are
    // there; at the pane's foot, where there is no next row, at the edge.
    let past_the_edge = col >= width && row + 1 < height;
    let (row, col) = if past_the_edge {
        (row + 1, 0)
    } else {
        (row, col.min(width - 1))
    };
    let (Ok(row), Ok(col)) = (u16::try_from(row), u16::try_from(col)) else {
        return;
    };
    let y = inner.y + row;
    if past_the_edge && let Some(cell) = frame.buffer_mut().cell_mut((inner.x, y)) {
        cell.modifier.insert(ratatui::style::Modifier::REVERSED);
    }
    // The editor counts a column per character's width, so an emoji of
    // several (`👍🏽`, a ZWJ family) puts its cursor columns past the mark
    // it draws a grapheme at a time: the mark, in reverse video, is where
    // the cursor is.
    let buffer = frame.buffer_mut();
    let x = (inner.x..inner.right())
        .find(|&x| {
            buffer
                .cell((x, y))
                .is_some_and(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
        })
        .unwrap_or(inner.x + col);
    mend_cursor_cluster(buffer, editor, (x, y), inner.right());
    frame.set_cursor_position((x, y));
}

/// Draws whole the cluster of several characters that the editor's mark
/// stands on (`é` written as e and an accent, Thai `ที่`, `👩‍💻`): the
/// editor reverses its first character alone and starts the rest of the
/// line after it, so ratatui drops an accent or a vowel mark (nothing to
/// draw it on) and draws a joined emoji's parts apart, pushing the rest of
/// the row two columns on. Only the drawing is mended; the text is whole.
///
/// Written here, not found in ratatui-textarea: its mark is one `char`.
fn mend_cursor_cluster(
    buffer: &mut ratatui::buffer::Buffer,
    editor: &ratatui_textarea::TextArea<'_>,
    (x, y): (u16, u16),
    right: u16,
) {
    use ratatui::buffer::CellWidth;
    use unicode_segmentation::UnicodeSegmentation;
    let ratatui_textarea::DataCursor(row, col) = editor.cursor();
    let Some(line) = editor.lines().get(row) else {
        return;
    };
    let Some(cluster) = line
        .char_indices()
        .nth(col)
        .and_then(|(at, _)| line[at..].graphemes(true).next())
    else {
        return;
    };
    let first = cluster.chars().next().map_or(0, char::len_utf8);
    if first == cluster.len() || cluster.contains(char::is_control) {
        return;
    }
    // The columns the split drawing took, as ratatui draws a string: its
    // clusters of no width (a lone accent, a joiner) left out.
    let (head, rest) = cluster.split_at(first);
    let drawn = head.cell_width()
        + rest
            .graphemes(true)
            .filter(|g| !g.contains(char::is_control))
            .map(CellWidth::cell_width)
            .sum::<u16>();
    let want = cluster.cell_width().max(1);
    let from = x.saturating_add(drawn);
    let tail: Vec<ratatui::buffer::Cell> = (from..right)
        .filter_map(|cx| buffer.cell((cx, y)).cloned())
        .collect();
    let blank = tail.last().map(|c| {
        let mut c = c.clone();
        c.set_symbol(" ");
        c
    });
    if let Some(cell) = buffer.cell_mut((x, y)) {
        cell.set_symbol(cluster);
    }
    let mut cx = x.saturating_add(1);
    while cx < x.saturating_add(want).min(right) {
        if let Some(cell) = buffer.cell_mut((cx, y)) {
            cell.reset();
        }
        cx += 1;
    }
    for cell in tail.into_iter().chain(std::iter::repeat_n(
        blank.unwrap_or_default(),
        usize::from(drawn.saturating_sub(want)),
    )) {
        if cx >= right {
            break;
        }
        if let Some(c) = buffer.cell_mut((cx, y)) {
            *c = cell;
        }
        cx += 1;
    }
}

/// Whether `editor`, drawn into `inner`, has lines of its text above and
/// below what it shows: a draft longer than a small screen's editor would
/// otherwise end at its border with nothing to say that more follows.
/// Call after drawing it.
fn hidden_lines(editor: &ratatui_textarea::TextArea<'_>, inner: Rect) -> (bool, bool) {
    let (top, _) = editor.scroll_offset();
    let (top, height) = (usize::from(top), usize::from(inner.height));
    if height == 0 {
        return (false, false);
    }
    // A row past the last is read as the last: the row below the editor
    // starts elsewhere than its last row only when there is one.
    let below =
        editor.screen_to_data(top + height, 0) != editor.screen_to_data(top + height - 1, 0);
    (top > 0, below)
}
