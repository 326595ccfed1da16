//! The list of invitations: only the visible rows are built.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::classify::{Category, Signals};
use crate::invitation::Invitation;
use crate::journal::Decision;
use crate::stats::Age;
use crate::text::{fit, head, name_line, one_line};
use crate::tui::app::{App, Filter, Mode, Tab};
use crate::tui::keys::Action;

/// The mark of a decision: ✓ accepted, ✗ ignored, ↩ replied, ⊘ (a sent
/// invitation) to withdraw.
fn decision_mark(d: Option<Decision>) -> &'static str {
    match d {
        Some(Decision::Accepted) => "✓",
        Some(Decision::Ignored) => "✗",
        Some(Decision::Replied) => "↩",
        Some(Decision::Withdrawn) => "⊘",
        None => " ",
    }
}

/// Beside a decision's mark: the draft it sends (a reply, an accept's
/// thank-you) was marked sent on LinkedIn.
pub const SENT_MARK: &str = "✓";

/// The mark of an invitation superseded by a later one decided in a newer
/// export ([`App::is_superseded`]).
pub const SUPERSEDED_MARK: &str = "↷";

/// Short signal badges: `ctx rsn off pitch`.
pub fn badges(s: Signals) -> String {
    let mut out = Vec::new();
    if s.contains(Signals::CONTEXT) {
        out.push("ctx");
    }
    if s.contains(Signals::REASON) {
        out.push("rsn");
    }
    if s.contains(Signals::OFFER) {
        out.push("off");
    }
    if s.contains(Signals::PITCH) {
        out.push("pitch");
    }
    out.join(" ")
}

fn pad(s: &str, width: usize) -> String {
    let s = fit(s, width);
    let w = s.width();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// From this width on, the list's group column spells the groups out
/// (`greeting-only`); below it, five columns ([`short_category`]) leave the
/// note its room.
const FULL_GROUP_NAMES: usize = 100;

/// A group in five columns, for the list's group column on a narrow screen
/// (and, trimmed, the tabs of a narrower one).
pub(super) fn short_category(c: Category) -> &'static str {
    match c {
        Category::Customised => "cust ",
        Category::GreetingOnly => "greet",
        Category::Default => "dflt ",
    }
}

pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let height = usize::from(area.height);
    let width = usize::from(area.width);
    if app.rows.is_empty() {
        let tab = app.current_tab();
        let msg = if tab == Tab::Sent {
            "  No sent invitations in this export.".to_string()
        } else if app.members(tab).is_empty() {
            match tab.category() {
                Some(c) => format!("  No {} invitations in this export.", c.label()),
                None => "  Nobody has invited you in this export.".to_string(),
            }
        } else if app.filter == Filter::Undecided {
            // Once every group is done, no tab is the next to go to.
            let (decided, total) = app.progress();
            // Each key's sentence, left out when it has no key.
            let keys: Vec<String> = [
                (Action::CycleFilter, "shows the decided ones"),
                (Action::NextTab, "goes to the next group"),
            ]
            .iter()
            .filter_map(|(a, does)| app.keymap.key_does(a, does))
            .collect();
            let keys = match keys.as_slice() {
                [] => String::new(),
                keys => format!(" {}.", keys.join("; ")),
            };
            match tab.category().filter(|_| decided < total) {
                Some(c) => format!("  All {} invitations are decided.{keys}", c.label()),
                // The whole inbox done: what is left is on LinkedIn.
                None => format!(
                    "  Every invitation is decided. {} quits and names the command that lists what to do on LinkedIn{}.",
                    app.keymap.hint(&Action::Quit),
                    app.keymap
                        .key_does(&Action::CycleFilter, "shows the decided ones")
                        .map(|k| format!("; {k}"))
                        .unwrap_or_default()
                ),
            }
        } else {
            format!(
                "  None {} here.{}",
                app.filter.label(),
                app.keymap
                    .key_does(&Action::CycleFilter, "changes the filter")
                    .map(|k| format!(" {k}."))
                    .unwrap_or_default()
            )
        };
        // Wrapped, two columns in: a long one is read whole.
        let inset = Rect {
            x: area.x.saturating_add(2),
            width: area.width.saturating_sub(2),
            ..area
        };
        frame.render_widget(
            Paragraph::new(Line::styled(msg.trim_start().to_string(), theme.dim()))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inset,
        );
        return;
    }
    let tab = app.current_tab();
    let show_category = matches!(tab, Tab::All | Tab::Sent);
    let show_badges = matches!(tab, Tab::Customised | Tab::All | Tab::Sent);
    let name_w = 18.min(width / 4).max(8);
    // The badge column is as wide as the widest badges in the tab, up to a
    // quarter of the width: no room is kept for badges the tab has none
    // of, and "old ctx rsn off" is not cut to "old ctx rsn…".
    let badge_w = if show_badges {
        let kinds = app.badge_kinds(tab);
        (0..32u32)
            .filter(|k| kinds & (1 << k) != 0)
            .map(|k| {
                let signals = Signals::from_bits_truncate((k & 0xF) as u8);
                badge(signals, k >> 4 == 1).chars().count()
            })
            .max()
            .unwrap_or(0)
            .min((width / 4).max(12))
    } else {
        0
    };
    // The area may be shorter than the list the app scrolls by (a status
    // of several lines covers its foot): the cursor's row stays in sight.
    let offset = app
        .offset
        .max((app.cursor + 1).saturating_sub(height.max(1)));
    // The terminal's own cursor on the selected row's first column: a
    // screen reader or magnifier follows it from row to row (the reverse
    // video that marks the row only the eye sees). Not under an overlay.
    if app.mode == Mode::List
        && let Some(row) = app.cursor.checked_sub(offset)
        && let Ok(row) = u16::try_from(row)
        && row < area.height
        && area.width > 0
    {
        frame.set_cursor_position((area.x, area.y + row));
    }
    let mut lines = Vec::with_capacity(height);
    for (r, &idx) in app.rows.iter().enumerate().skip(offset).take(height) {
        let inv = &app.invitations[idx as usize];
        let decision = app.decisions[idx as usize];
        let selected = r == app.cursor;
        lines.push(row(
            app,
            theme,
            inv,
            decision,
            idx,
            selected,
            show_category,
            name_w,
            badge_w,
            width,
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// A row's badges: `old` for a stale sent invitation, then the signals.
fn badge(signals: Signals, old: bool) -> String {
    let b = badges(signals);
    match (old, b.is_empty()) {
        (false, _) => b,
        (true, true) => "old".into(),
        (true, false) => format!("old {b}"),
    }
}

#[allow(clippy::too_many_arguments)]
fn row<'a>(
    app: &App,
    theme: Theme,
    inv: &'a Invitation,
    decision: Option<crate::journal::Decision>,
    idx: u32,
    selected: bool,
    show_category: bool,
    name_w: usize,
    badge_w: usize,
    width: usize,
) -> Line<'a> {
    let marked = app.marked[idx as usize];
    let mark = if marked {
        "•"
    } else if app.is_superseded(idx) {
        // Nothing to decide here: a later invitation has a decision.
        SUPERSEDED_MARK
    } else {
        decision_mark(decision)
    };
    let cursor = if selected { "▸" } else { " " };
    let age = Age::between(inv.sent_at, app.now).short();
    // A marked row that is decided keeps its decision beside the mark, in
    // the column's space (a mark alone hid that the row was decided).
    let after = if marked && decision.is_some() {
        Span::styled(decision_mark(decision), theme.bold())
    } else if matches!(decision, Some(Decision::Replied | Decision::Accepted))
        && app
            .journal
            .state_for(inv, app.now)
            .is_some_and(|e| e.draft_marked_sent(decision).is_some())
    {
        // The reply or thank-you the decision sends, marked sent with `S`:
        // `↩✓` and `✓✓` tell it from one still to send.
        Span::styled(SENT_MARK, theme.bold())
    } else {
        Span::raw(" ")
    };
    let mut spans = vec![
        Span::raw(cursor),
        Span::styled(mark, if marked { theme.warn() } else { theme.bold() }),
        after,
    ];
    if show_category {
        // The group's own name where the row has room for it.
        let group = if width >= FULL_GROUP_NAMES {
            format!("{:<13}", inv.category.label())
        } else {
            short_category(inv.category).to_string()
        };
        spans.push(Span::styled(group, theme.category(inv.category)));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::raw(pad(&name_line(inv.counterpart()), name_w)));
    spans.push(Span::styled(format!(" {age:>5} "), theme.dim()));
    if badge_w > 0 {
        let b = badge(inv.signals, app.is_stale(inv));
        let style = if inv.signals.contains(Signals::PITCH) {
            theme.pitch()
        } else {
            theme.category(inv.category)
        };
        spans.push(Span::styled(pad(&b, badge_w), style));
        spans.push(Span::raw(" "));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let rest = width.saturating_sub(used + 1);
    let note = if inv.has_note() {
        // One line's worth: the rest of a field of megabytes is not read.
        Span::raw(fit(&one_line(head(inv.message(), 1024).0), rest))
    } else {
        Span::styled("(no note)", theme.dim())
    };
    spans.push(note);
    let mut line = Line::from(spans);
    if decision.is_some() && !selected {
        line = line.patch_style(theme.dim());
    }
    if selected {
        // Each span too: a group's colour (blue `default`) on the grey bar
        // of a 256-colour terminal hardly showed.
        for span in &mut line.spans {
            span.style = span.style.patch(theme.selected());
        }
        line = line.patch_style(theme.selected());
        let used: usize = line.spans.iter().map(|s| s.content.width()).sum();
        line.spans.push(Span::styled(
            " ".repeat(width.saturating_sub(used)),
            theme.selected(),
        ));
    }
    line
}
