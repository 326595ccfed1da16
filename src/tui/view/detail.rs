//! The detail pane: the whole note, who sent it and when, and the decision.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use crate::classify::Category;
use crate::invitation::Direction;
use crate::report::{clean_text, human_date, one_line};
use crate::stats::Age;
use crate::tui::app::App;

fn short_url(url: &str) -> &str {
    url.trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
}

pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(inv) = app.current() else {
        return;
    };
    let mut lines: Vec<Line> = Vec::new();
    let age = Age::between(inv.sent_at, app.now);
    let url = short_url(inv.counterpart_url());
    let mut head = vec![
        Span::styled(one_line(inv.counterpart()), theme.bold()),
        Span::raw(format!(
            " · sent {} ({})",
            human_date(inv.sent_at),
            age.long()
        )),
    ];
    if !url.is_empty() {
        head.push(Span::raw(" · "));
        head.push(Span::styled(one_line(url), theme.dim()));
    }
    lines.push(Line::from(head));
    let mut kind = vec![Span::styled(
        inv.category.label(),
        theme.category(inv.category),
    )];
    let signals: Vec<&str> = inv.signals.labels().collect();
    if !signals.is_empty() {
        kind.push(Span::raw(" · "));
        kind.push(Span::raw(signals.join(", ")));
    }
    if inv.direction == Direction::Outgoing {
        kind.insert(0, Span::raw("you sent this · "));
        if app.is_stale(inv) {
            kind.push(Span::styled(
                format!(
                    " · pending {}: worth a follow-up, or withdraw it",
                    age.long().trim_end_matches(" ago")
                ),
                theme.warn(),
            ));
        }
    } else if inv.category == Category::Customised && signals.is_empty() {
        kind.push(Span::styled(" · no context, reason or offer", theme.dim()));
    }
    lines.push(Line::from(kind));
    lines.push(Line::raw(""));
    if inv.has_note() {
        for l in clean_text(inv.message().trim()).lines() {
            lines.push(Line::raw(l.to_string()));
        }
    } else {
        lines.push(Line::styled(
            "(no note: sent with LinkedIn's Connect button)",
            theme.dim(),
        ));
    }
    lines.push(Line::raw(""));
    if inv.direction == Direction::Incoming {
        let entry = app.journal.state(inv.id);
        match entry.and_then(|e| e.decision().map(|d| (d, e.decided_at()))) {
            Some((d, at)) => {
                let when = at
                    .map(|at| {
                        format!(
                            " {} ({})",
                            at.format("%-d %b %Y %H:%M"),
                            Age::between(at, app.now).long()
                        )
                    })
                    .unwrap_or_default();
                lines.push(Line::from(vec![
                    Span::styled(d.label(), theme.bold()),
                    Span::styled(when, theme.dim()),
                ]));
            }
            None => lines.push(Line::styled("undecided", theme.dim())),
        }
        if let Some(e) = entry {
            for (label, draft) in [("reply", &e.reply), ("thank-you", &e.thank_you)] {
                if let Some(d) = draft {
                    lines.push(Line::styled(
                        format!(
                            "{label} drafted {} · c copies it",
                            Age::between(d.at, app.now).long()
                        ),
                        theme.dim(),
                    ));
                    for l in clean_text(&d.text).lines() {
                        lines.push(Line::styled(format!("  {l}"), theme.dim()));
                    }
                }
            }
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
