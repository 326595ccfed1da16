//! The statistics screen (`s`): the survey's bar chart, months, decisions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::classify::Category;
use crate::tui::app::App;

const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect, scroll: u16) {
    let lines = lines(app, theme, area.width);
    // Scrolled no further than its last line at the bottom.
    let max_scroll = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(area.height);
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll.min(max_scroll), 0)),
        area,
    );
}

/// The screen's lines, `width` columns wide.
pub fn lines(app: &App, theme: Theme, width: u16) -> Vec<Line<'static>> {
    let b = &app.incoming;
    let width = usize::from(width);
    let mut lines = vec![
        Line::styled(
            format!(
                " Your pending invitations · {} incoming · {} sent",
                b.total, app.outgoing.total
            ),
            theme.bold(),
        ),
        Line::raw(""),
    ];
    let max = Category::ALL
        .iter()
        .map(|&c| b.by_category.get(c))
        .max()
        .unwrap_or(0)
        .max(1);
    // The counts as wide as the largest (five digits at least), and the
    // bars what is left beside them and "no note": a six-digit count
    // pushed the line past the edge, and "no note" lost its last digit.
    let count_w = max.to_string().len().max(5);
    let no_note = format!("   no note: {}", b.no_note);
    let beside = |note: usize| 16 + 2 + count_w + 6 + note + 1;
    // Below the bars, when it does not fit beside them with a short bar.
    let note_beside = beside(no_note.len().max(16)) + 10 <= width;
    let note_w = if note_beside {
        no_note.len().max(16)
    } else {
        0
    };
    let bar_w = width.saturating_sub(beside(note_w)).clamp(10, 60);
    for c in Category::ALL {
        let n = b.by_category.get(c);
        let drawn = crate::text::bar(n, max, bar_w);
        let cells = drawn.chars().count();
        let mut spans = vec![
            Span::styled(format!(" {:<14} ", c.label()), theme.category(c)),
            Span::styled(drawn, theme.category(c)),
            Span::raw(" ".repeat(bar_w - cells)),
            Span::raw(format!(
                " {n:>count_w$} {:>6}",
                format!("({}%)", b.shares().get(c))
            )),
        ];
        if c == Category::Default && note_beside {
            spans.push(Span::styled(no_note.clone(), theme.dim()));
        }
        lines.push(Line::from(spans));
    }
    if !note_beside {
        lines.push(Line::styled(
            format!("{:16}no note: {}", "", b.no_note),
            theme.dim(),
        ));
    }
    lines.push(Line::raw(""));
    if let (Some(first), Some(last)) = (b.by_month.first(), b.by_month.last()) {
        let months = &b.by_month;
        let room = width.saturating_sub(40).max(12);
        // Older months fold away when they do not fit.
        let shown = &months[months.len().saturating_sub(room)..];
        let max = shown.iter().map(|m| m.1).max().unwrap_or(0).max(1);
        let spark: String = shown
            .iter()
            .map(|&(_, n)| {
                if n == 0 {
                    ' '
                } else {
                    // Eight heights for 1..=max: the lowest bar is a
                    // month's few, a blank is none.
                    SPARKS[(n * 8).div_ceil(max).clamp(1, 8) - 1]
                }
            })
            .collect();
        let folded = shown.len() < months.len();
        let from = if folded { shown[0].0 } else { first.0 };
        lines.push(Line::from(vec![
            Span::raw(" by month       "),
            Span::styled(spark, theme.ok()),
            // One month is named once, not as a span to itself.
            Span::styled(
                if from == last.0 {
                    format!("  {}", from.label())
                } else {
                    format!("  {} – {}", from.label(), last.0.label())
                },
                theme.dim(),
            ),
        ]));
        // Of all the months, as `stats` counts them: a figure that changed
        // with the window's width would say nothing. The latest of the
        // busiest, and how many more tie with it.
        let busiest = months
            .iter()
            .max_by_key(|m| m.1)
            .map(|m| (m.0.label(), m.1));
        if let Some((label, n)) = busiest {
            // Said to be of all, when the chart leaves some out: it may
            // name a month the chart does not show.
            let of = if folded { " of all months" } else { "" };
            let text = match months.iter().filter(|m| m.1 == n).count() - 1 {
                0 => format!("busiest{of}: {label} with {n}"),
                more => format!(
                    "busiest{of}: {label} and {more} more month{}, {n} each",
                    crate::text::plural(more)
                ),
            };
            // Wrapped under itself on a narrow screen, not cut.
            let indent = " ".repeat(16);
            let options = textwrap::Options::new(width)
                .initial_indent(&indent)
                .subsequent_indent(&indent)
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            for part in textwrap::wrap(&text, options) {
                lines.push(Line::styled(part.into_owned(), theme.dim()));
            }
        }
        // Folded months are said to be, and where they are.
        // The command on a line of its own when both do not fit: cut, it
        // would be another command (`invitriage stats` prints no months).
        if folded {
            let since = format!("all months since {}:", first.0.label());
            let command = "invitriage stats --json";
            let indent = " ".repeat(16);
            if 16 + since.len() + 1 + command.len() <= width {
                lines.push(Line::styled(
                    format!("{indent}{since} {command}"),
                    theme.dim(),
                ));
            } else {
                lines.push(Line::styled(format!("{indent}{since}"), theme.dim()));
                lines.push(Line::styled(format!("{indent}{command}"), theme.dim()));
            }
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        format!(
            " {:<14} {:>9} {:>9} {:>9} {:>10}",
            "decisions", "accepted", "ignored", "replied", "undecided"
        ),
        theme.bold(),
    ));
    let mut total = crate::tui::app::DecisionCounts::default();
    for c in Category::ALL {
        let d = app.counts[c.index()];
        total.accepted += d.accepted;
        total.ignored += d.ignored;
        total.replied += d.replied;
        total.superseded += d.superseded;
        let undecided = b.by_category.get(c) - d.decided() - d.superseded;
        lines.push(Line::from(vec![
            Span::styled(format!(" {:<14}", c.label()), theme.category(c)),
            Span::raw(format!(
                " {:>9} {:>9} {:>9} {:>10}",
                d.accepted, d.ignored, d.replied, undecided
            )),
        ]));
    }
    lines.push(Line::raw(format!(
        " {:<14} {:>9} {:>9} {:>9} {:>10}",
        "all",
        total.accepted,
        total.ignored,
        total.replied,
        b.total - total.decided() - total.superseded
    )));
    if total.superseded > 0 {
        // Neither decided nor undecided here: the columns leave them out.
        // Wrapped under its text, as the "gone" line below.
        let they = match total.superseded {
            1 => "its sender",
            _ => "their senders",
        };
        let line = format!(
            " {:<14} {}: {they} invited you again, and that invitation has a decision or a draft from a newer export",
            "superseded", total.superseded
        );
        let indent = " ".repeat(16);
        let options = textwrap::Options::new(width)
            .subsequent_indent(&indent)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        for part in textwrap::wrap(&line, options) {
            lines.push(Line::styled(part.into_owned(), theme.dim()));
        }
    }
    let gone = app.decided_elsewhere();
    if gone > 0 {
        // Under the received ones' table, sent ones are told apart.
        let withdrawn = app.withdrawn_elsewhere();
        let what = match (gone - withdrawn, withdrawn) {
            (n, 0) => format!("{n} decided earlier"),
            (0, w) => format!("{w} marked to withdraw earlier"),
            (n, w) => format!("{n} decided and {w} marked to withdraw earlier"),
        };
        let why = if app.without_urls {
            // Matched by name and date: a change in either, or URLs where
            // the decision was made, is the likelier cause.
            "made where the export had profile URLs, or a name changed"
        } else {
            "done on LinkedIn, or from another export"
        };
        // Sentences, wrapped under their text: cut at the edge, "not in
        // this export", the point of the line, was what went.
        let indent = " ".repeat(16);
        for line in [
            format!(" {:<14} {what}, not in this export:", "gone"),
            format!("{indent}{why}"),
        ] {
            let options = textwrap::Options::new(width)
                .subsequent_indent(&indent)
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            for part in textwrap::wrap(&line, options) {
                lines.push(Line::styled(part.into_owned(), theme.dim()));
            }
        }
    }
    lines.push(Line::raw(""));
    let s = b.signals;
    lines.extend(listed(
        " customised     ",
        &[
            format!("context {}", s.context),
            format!("reason {}", s.reason),
            format!("offer {}", s.offer),
            format!("pitch {}", s.pitch),
        ],
        width,
    ));
    if app.outgoing.total > 0 {
        let stale = app.stale_pending();
        let o = &app.outgoing.by_category;
        lines.extend(listed(
            " sent           ",
            &[
                format!("{} customised", o.get(Category::Customised)),
                format!("{} greeting-only", o.get(Category::GreetingOnly)),
                format!("{} default", o.get(Category::Default)),
            ],
            width,
        ));
        let mut pending = vec![format!(
            "{stale} still pending after {}",
            crate::text::days(app.stale_after_days)
        )];
        if app.sent_counts.withdrawn > 0 {
            pending.push(format!("{} to withdraw", app.sent_counts.withdrawn));
        }
        if app.sent_counts.superseded > 0 {
            // As the received ones' line above: invited again since, with
            // a step on that one in a newer export.
            pending.push(format!(
                "{} superseded (invited again since)",
                app.sent_counts.superseded
            ));
        }
        lines.extend(listed(&" ".repeat(16), &pending, width));
    }
    lines
}

/// `pieces` after `lead`, joined by ` · `, going on to the next line (under
/// the first piece) where the next would pass `width`: a count cut at the
/// edge ("pitch 7" for 74) would read as another.
fn listed(lead: &str, pieces: &[String], width: usize) -> Vec<Line<'static>> {
    let indent = lead.chars().count();
    let mut out = Vec::new();
    let mut line = lead.to_string();
    let mut used = indent;
    for piece in pieces {
        let w = piece.chars().count();
        if used > indent {
            if used + 3 + w > width {
                out.push(Line::raw(std::mem::replace(&mut line, " ".repeat(indent))));
                used = indent;
            } else {
                line.push_str(" · ");
                used += 3;
            }
        }
        line.push_str(piece);
        used += w;
    }
    out.push(Line::raw(line));
    out
}
