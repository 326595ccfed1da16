//! The bottom line: the status message, or the keys that work right now,
//! generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::text::{fit, fit_around, one_line, typed_line};
use crate::tui::app::{App, Mode, Tab};
use crate::tui::keys::{self, Action};

/// The hints of the list screen, most useful first (labelled as in
/// [`keys::BINDABLE`]).
const LIST_HINTS: &[Action] = &[
    Action::Accept,
    Action::Ignore,
    Action::Reply,
    Action::Withdraw,
    Action::WithdrawStale,
    Action::Mark,
    Action::IgnoreMarked,
    Action::Undo,
    Action::Search,
    Action::CycleFilter,
    Action::OpenProfile,
    Action::Stats,
    Action::Help,
    Action::Quit,
];

/// The hints that decide on an invitation (or pick which to decide on).
const DECIDING: &[Action] = &[
    Action::Accept,
    Action::Ignore,
    Action::Reply,
    Action::Mark,
    Action::IgnoreMarked,
    Action::CycleFilter,
];

/// The key hints for the current mode, as (keys, label) pairs.
pub fn hints(app: &App) -> Vec<(String, String)> {
    let pair = |k: &str, l: &str| (k.to_string(), l.to_string());
    match &app.mode {
        Mode::List => LIST_HINTS
            .iter()
            // Your own invitations cannot be accepted or ignored, only
            // withdrawn: each tab offers only what works there.
            .filter(|a| match app.current_tab() {
                Tab::Sent => !DECIDING.contains(a),
                _ => !matches!(a, Action::Withdraw | Action::WithdrawStale),
            })
            // No step is taken on a superseded row: its keys are not offered.
            .filter(|a| {
                let steps = matches!(
                    a,
                    Action::Accept
                        | Action::Ignore
                        | Action::Reply
                        | Action::Mark
                        | Action::Withdraw
                );
                !steps || !app.current_index().is_some_and(|i| app.is_superseded(i))
            })
            // An empty list has nothing to decide on; the filter still
            // shows the decided ones.
            .filter(|&a| {
                !app.rows.is_empty()
                    || !DECIDING.contains(a) && *a != Action::OpenProfile
                    || *a == Action::CycleFilter
            })
            .filter_map(|a| {
                let key = match a {
                    Action::IgnoreMarked => {
                        // Either may have been left without a key.
                        let keys = [app.keymap.hint(&Action::AcceptMarked), app.keymap.hint(a)];
                        keys.iter()
                            .filter(|k| !k.is_empty())
                            .cloned()
                            .collect::<Vec<_>>()
                            .join("/")
                    }
                    _ => app.keymap.hint(a),
                };
                // With rows marked, A and I act on those, not the tab.
                let label = match a {
                    Action::IgnoreMarked if app.marked_count > 0 => "marked",
                    _ => keys::label(a),
                };
                (!key.is_empty()).then(|| (key, label.to_string()))
            })
            .collect(),
        Mode::Search => vec![
            pair("Enter", "keep"),
            pair("Esc", "cancel"),
            pair("↑/↓", "matches"),
        ],
        Mode::Confirm(_) | Mode::ConfirmUndo { .. } => vec![pair("y", "yes"), pair("n", "no")],
        Mode::Compose => vec![
            pair("Ctrl-S", "save"),
            pair("Ctrl-E", "$EDITOR"),
            pair("Ctrl-T", "template"),
            pair("Ctrl-Y", "copy"),
            pair("Esc", "leave"),
        ],
        Mode::Check => vec![
            pair("Ctrl-Y", "copy"),
            pair("Ctrl-E", "$EDITOR"),
            pair("Ctrl-L", "clear"),
            pair("Esc", "back"),
        ],
        Mode::Help { scroll } => scroll_hint(app, *scroll)
            .into_iter()
            .chain([pair("Esc", "back")])
            .collect(),
        Mode::Stats { scroll } => scroll_hint(app, *scroll)
            .into_iter()
            .chain([
                pair("Esc", "back"),
                pair(&app.keymap.hint(&Action::Help), "help"),
            ])
            .collect(),
    }
}

/// The scroll hint of the help or statistics screen scrolled to `at`:
/// only the ways it still goes (`↓` at the top, `↑` at the end, both
/// between), and none when it fits (the statistics at their end offered
/// `↑/↓ scroll`).
fn scroll_hint(app: &App, at: u16) -> Option<(String, String)> {
    let max = super::max_scroll(app);
    let at = at.min(max);
    let (up, down) = scroll_keys(app);
    let keys: Vec<String> = [(at > 0, up), (at < max, down)]
        .into_iter()
        .filter(|(goes, key)| *goes && !key.is_empty())
        .map(|(_, key)| key)
        .collect();
    (!keys.is_empty()).then(|| (keys.join("/"), "scroll".to_string()))
}

/// The keys that scroll the help and statistics screens (the list's up and
/// down): the arrows while they are bound, else the keys that took their
/// place.
fn scroll_keys(app: &App) -> (String, String) {
    let key = |action: &Action, arrow: &str| {
        let keys = app.keymap.keys_for(action);
        if keys.iter().any(|k| k.to_string() == arrow) {
            arrow.to_string()
        } else {
            app.keymap.hint(action)
        }
    };
    (key(&Action::Up, "↑"), key(&Action::Down, "↓"))
}

pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    if app.mode == Mode::Search {
        // The query with the cursor (`▏`, where the typing goes) always
        // in view, then "no match here", then as many of the hints as fit.
        let missed = if app.search_missed {
            "   no match here"
        } else {
            ""
        };
        let room = width.saturating_sub(" /▏".width() + missed.width());
        // Each space shows, a space just typed too: the cursor moves on.
        let at = app.query_at.min(app.query.len());
        let (before, after) = match (app.query.get(..at), app.query.get(at..)) {
            (Some(before), Some(after)) => (typed_line(before), typed_line(after)),
            _ => (typed_line(&app.query), String::new()),
        };
        let (before, after) = fit_around(&before, &after, room);
        let mut used = " /▏".width() + before.width() + after.width() + missed.width();
        let mut rest = String::new();
        for (key, label) in hints(app) {
            let piece = format!(
                "{}{key} {label}",
                if rest.is_empty() { "   " } else { " · " }
            );
            if used + piece.width() > width {
                break;
            }
            used += piece.width();
            rest.push_str(&piece);
        }
        // The terminal's own cursor on the mark too, where a screen
        // reader or an input method looks for it.
        let at = " /".width() + before.width();
        if let Ok(at) = u16::try_from(at)
            && at < area.width
        {
            frame.set_cursor_position((area.x + at, area.y));
        }
        let line = Line::from(vec![
            Span::styled(" /", theme.key()),
            Span::raw(before),
            Span::styled("▏", theme.key()),
            Span::raw(after),
            Span::styled(missed, theme.error()),
            Span::styled(rest, theme.dim()),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    if let Some(lines) = status_shown(app, width) {
        let style = if app.status.as_ref().is_some_and(|s| s.error) {
            theme.error()
        } else {
            theme.ok()
        };
        // A message longer than the line takes the lines above it (up to
        // three in all) until the next key clears it: cut at the width, its
        // advice ("… any other key keeps them") was lost on an 80-column
        // terminal. The detail pane above gives them up (see
        // [`status_height`]).
        let height = u16::try_from(lines.len())
            .unwrap_or(1)
            .min(area.y - frame.area().y + 1);
        let rect = Rect {
            y: area.y + 1 - height,
            height,
            ..area
        };
        frame.render_widget(Clear, rect);
        frame.render_widget(
            Paragraph::new(
                lines
                    .into_iter()
                    .map(|l| Line::styled(l, style))
                    .collect::<Vec<_>>(),
            ),
            rect,
        );
        return;
    }
    // A question in a box over the screen is put here too, where the
    // cursor-following reader and the eye on the keys look.
    let question = match &app.mode {
        Mode::Confirm(bulk) => Some(&bulk.question),
        Mode::ConfirmUndo { question, .. } => Some(question),
        _ => None,
    };
    if let Some(question) = question {
        let room = width.saturating_sub(" ".width() + "  y yes  n no".width());
        let line = Line::from(vec![
            Span::raw(" "),
            Span::styled(crate::text::fit(question, room), theme.bold()),
            Span::raw("  "),
            Span::styled("y", theme.key()),
            Span::raw(" yes  "),
            Span::styled("n", theme.key()),
            Span::raw(" no"),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    // The way out always shows (on the list, help and quit, its last two
    // hints; elsewhere Esc); the others fill the room left, most useful
    // first, in their own order.
    let all = hints(app);
    let w = |(k, l): &(String, String)| k.width() + 1 + l.width() + 2;
    let keep = |i: usize, (k, _): &(String, String)| {
        if app.mode == Mode::List {
            i + 2 >= all.len()
        } else {
            k == "Esc"
        }
    };
    let mut used = 1 + all
        .iter()
        .enumerate()
        .filter(|&(i, h)| keep(i, h))
        .map(|(_, h)| w(h))
        .sum::<usize>();
    let mut full = false;
    let mut shown: Vec<&(String, String)> = Vec::new();
    for (i, h) in all.iter().enumerate() {
        if keep(i, h) {
            shown.push(h);
        } else if !full && used + w(h) <= width {
            used += w(h);
            shown.push(h);
        } else {
            full = true;
        }
    }
    let mut spans = vec![Span::raw(" ")];
    for (key, label) in shown {
        spans.push(Span::styled(key.clone(), theme.key()));
        spans.push(Span::raw(format!(" {label}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The lines the status message takes at `width` columns: none while the
/// search line is open or there is no message.
fn status_shown(app: &App, width: usize) -> Option<Vec<String>> {
    if app.mode == Mode::Search {
        return None;
    }
    let status = app.status.as_ref()?;
    // Not by colour alone (red and green look alike to many): an error is
    // also marked in words.
    let mark = |text: &str| {
        if status.error {
            format!("! {text}")
        } else {
            text.to_string()
        }
    };
    let max = status_max_lines(app.size.1, status.error);
    let (lines, cut) = wrap_status(&mark(&status.text), width, max);
    match &status.when_cut {
        // Cut short, the message that says where to read it whole.
        Some(instead) if cut => Some(wrap_status(&mark(instead), width, max).0),
        _ => Some(lines),
    }
}

/// How many rows the footer takes at `width` columns: one, or as many as
/// the status message wraps to (up to [`STATUS_LINES`]).
pub fn status_height(app: &App, width: u16) -> u16 {
    status_shown(app, usize::from(width))
        .map_or(1, |l| u16::try_from(l.len()).unwrap_or(1))
        .max(1)
}

/// The most lines a status message takes.
const STATUS_LINES: usize = 3;

/// The most lines a status message takes in a terminal `height` rows
/// high: on a short one, a third would cover the detail pane's only line
/// of the note (it sits over the pane's foot). Not so for an error or a
/// question (`error`): cut, it would lose what to do next ("any other key
/// keeps the accept"), which matters more than that line until the next
/// key.
fn status_max_lines(height: u16, error: bool) -> usize {
    if height < 20 && !error {
        2
    } else {
        STATUS_LINES
    }
}

/// A status message in at most `max` lines of at most `width` columns,
/// each led by a space, broken between words, and whether they cut it
/// short: a message too long ends in `…`.
fn wrap_status(text: &str, width: usize, max: usize) -> (Vec<String>, bool) {
    let text = one_line(text);
    let one = format!(" {text}");
    if one.width() <= width || width < 3 {
        return (vec![fit(&one, width)], one.width() > width);
    }
    let options = textwrap::Options::new(width)
        .initial_indent(" ")
        .subsequent_indent(" ")
        // `greeting-only` and `thank-you` are names, not places to break.
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    let wrapped: Vec<String> = textwrap::wrap(&glue_keys(&text), options)
        .into_iter()
        .map(|l| l.replace(GLUE, " "))
        .collect();
    let max = max.max(1);
    if wrapped.len() <= max {
        return (wrapped, false);
    }
    let mut kept: Vec<String> = wrapped[..max].to_vec();
    let last = &mut kept[max - 1];
    let mut ended = format!("{last} …");
    if ended.width() > width
        && let Some((head, _)) = last.trim_end().rsplit_once(' ')
        && !head.trim().is_empty()
    {
        // The last word gives way to the `…`.
        ended = format!("{head} …");
    }
    *last = fit(&ended, width);
    (kept, true)
}

/// Stands for a space no line may break at (a private-use character: it
/// is in no message).
const GLUE: char = '\u{E000}';

/// `text` with each word of one character (a key: `? help`, `u to undo`;
/// or a `·`) joined to the next by [`GLUE`], so that a line does not end
/// in a key whose meaning starts the next one.
fn glue_keys(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut short = false;
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(if short { GLUE } else { ' ' });
        }
        out.push_str(word);
        short = word.chars().count() == 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line never ends in a key whose meaning starts the next one.
    #[test]
    fn a_key_stays_with_its_label() {
        let text =
            "A fictional sample · open yours: invitriage ~/Downloads/Invitations.csv · ? help";
        let lines = wrap_status(text, 80, STATUS_LINES).0;
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines[1], " · ? help", "{lines:?}");
        assert!(lines.iter().all(|l| !l.contains(GLUE)));
        // A word of one character ends no line.
        for width in 20..60 {
            for line in wrap_status(
                "Ignored Kenji Jankowski (was accepted) · u to undo",
                width,
                STATUS_LINES,
            )
            .0
            {
                let last = line.trim_end().rsplit(' ').next().unwrap_or("");
                let cut = last == "…";
                assert!(
                    cut || last.chars().count() != 1 || line.trim() == last,
                    "{width}: {line:?}"
                );
            }
        }
    }
}
