//! The detail pane: the whole note, who sent it and when, and the decision.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use crate::classify::{Category, Signals};
use crate::invitation::Direction;
use crate::journal::{Decision, DraftKind};
use crate::report::human_date;
use crate::stats::Age;
use crate::text::{SHOWN_BYTES, clean_text, fit, more_not_shown, name_line, one_line, wrap};
use crate::tui::app::{App, superseded_by};
use crate::tui::keys::Action;

fn short_url(url: &str) -> &str {
    url.trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
}

/// The pane's text for the current invitation, wrapped to `width`.
fn pane(app: &App, theme: Theme, width: u16) -> Option<Paragraph<'static>> {
    let inv = app.current()?;
    let mut lines: Vec<Line> = Vec::new();
    let age = Age::between(inv.sent_at, app.now);
    let url = short_url(inv.counterpart_url());
    // A name or a URL longer than the pane is cut with `…` (`y` copies the
    // whole URL): wrapped whole, they pushed the note out of a small pane.
    let most = usize::from(width).max(20);
    let mut head = vec![
        Span::styled(fit(&name_line(inv.counterpart()), most), theme.bold()),
        Span::raw(format!(
            " · sent {} ({})",
            human_date(inv.sent_at),
            age.long()
        )),
    ];
    if !url.is_empty() {
        // Control characters written out (`\u{1b}`): dropped, a doctored
        // URL read as the LinkedIn profile it hid in.
        let url = Span::styled(fit(&crate::text::shown_url(url), most), theme.dim());
        // The URL on a line of its own when the three do not fit on one:
        // wrapped there, the line ended in a dangling " ·".
        if Line::from(head.clone()).width() + 3 + url.width() <= usize::from(width) {
            head.push(Span::raw(" · "));
            head.push(url);
        } else {
            lines.push(Line::from(std::mem::take(&mut head)));
            head.push(url);
        }
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
    // What is on this invitation; a decision on an earlier one between the
    // same two people is told apart.
    let entry = app.journal.state_for(inv, app.now);
    // A reply edited on a later day was decided when its first version
    // was saved: that one may have been sent.
    let sent = crate::journal::sent_by(inv, app.now);
    let decided = entry.as_ref().and_then(|e| {
        let d = e.decided?;
        let at = match (d.decision, &e.reply) {
            (Decision::Replied, Some(r)) => r.first_saved(sent).min(d.at),
            _ => d.at,
        };
        Some((d.decision, Some(at)))
    });
    let earlier = app.journal.earlier(inv, app.now);
    // An older export opened again: the newer invitation has it.
    let later = app.journal.later(inv);
    if inv.direction == Direction::Outgoing {
        kind.insert(0, Span::raw("you sent this · "));
        // Your own slip: a note pasted from an invitation to someone else.
        if let Some(other) = greets_other(app, inv) {
            kind.push(Span::styled(
                format!(" · greets “{}”, not them: a copied note?", one_line(&other)),
                theme.warn(),
            ));
        }
        if app.is_stale(inv) && decided.is_none() && later.is_none() {
            let x = app.keymap.hint(&Action::Withdraw);
            let key = if x.is_empty() {
                String::new()
            } else {
                format!(" ({x})")
            };
            kind.push(Span::styled(
                format!(
                    " · pending {}: worth a follow-up, or withdraw it{key}",
                    age.long().trim_end_matches(" ago")
                ),
                theme.warn(),
            ));
        }
    } else if let Some(other) = greets_other(app, inv) {
        kind.push(Span::styled(
            format!(" · greets “{}”, not you: a copied note?", one_line(&other)),
            theme.warn(),
        ));
    } else if inv.category == Category::Customised && signals.is_empty() {
        kind.push(Span::styled(" · no context, reason or offer", theme.dim()));
    } else if inv.signals.contains(Signals::PITCH) {
        // Only while there is still something to decide.
        let p = app.keymap.hint(&Action::MarkPitches);
        let undecided = decided.is_none();
        if !p.is_empty() && undecided {
            kind.push(Span::styled(
                format!(" · {p} marks every pitch in the list"),
                theme.dim(),
            ));
        }
    }
    lines.push(Line::from(kind));
    lines.push(Line::raw(""));
    if inv.has_note() {
        let (shown, more) = crate::text::head(inv.message().trim(), SHOWN_BYTES);
        // Wrapped here rather than by the paragraph, which breaks only at
        // spaces: a Chinese or Japanese note went to the next row whole.
        for l in clean_text(shown).lines() {
            lines.extend(wrap(l, usize::from(width)).into_iter().map(Line::raw));
        }
        if more > 0 {
            lines.push(Line::styled(more_not_shown(more), theme.dim()));
        }
    } else {
        lines.push(Line::styled(
            "(no note: sent with LinkedIn's Connect button)",
            theme.dim(),
        ));
    }
    lines.push(Line::raw(""));
    if inv.direction == Direction::Outgoing {
        // Only a withdrawal is decided on a sent invitation.
        if let Some((d, at)) = decided {
            lines.push(decision_line(app, theme, d, at));
            let o = app.keymap.hint(&Action::OpenProfile);
            let open = if o.is_empty() {
                "on their profile".to_string()
            } else {
                format!("{o} opens their profile")
            };
            lines.push(Line::styled(
                format!("to do on LinkedIn: {open}, then Pending → Withdraw"),
                theme.dim(),
            ));
        }
        if let Some(e) = earlier {
            lines.push(earlier_line(app, theme, e, inv.direction));
        }
        if let Some(later) = later {
            lines.push(Line::styled(
                superseded_by(inv.direction, None, later),
                theme.warn(),
            ));
        }
    } else {
        match decided {
            Some((d, at)) => lines.push(decision_line(app, theme, d, at)),
            // The line after it says why nothing is left to decide here.
            None if later.is_some() => {}
            None => lines.push(Line::styled("undecided", theme.dim())),
        }
        // Decided on an invitation sent hours before this one: the same
        // in another time zone, or sent again (with a note, say).
        if let Some(then) = entry
            .as_ref()
            .and_then(|e| e.decided)
            .filter(|_| decided.is_some())
            .and_then(|d| d.sent_earlier(inv.sent_at))
        {
            lines.push(Line::styled(
                format!(
                    "decided on an invitation sent {}, this one {}: sent again? then decide it again",
                    then.format("%-d %b %H:%M"),
                    inv.sent_at.format("%-d %b %H:%M")
                ),
                theme.warn(),
            ));
        }
        if let Some(e) = earlier {
            lines.push(earlier_line(app, theme, e, inv.direction));
        }
        if let Some(later) = later {
            lines.push(Line::styled(
                superseded_by(inv.direction, None, later),
                theme.warn(),
            ));
        }
        if let Some(e) = &entry {
            // `c` copies one draft: the one to send under the decision.
            let decision = decided.map(|(d, _)| d);
            let to_send = e.draft_to_send(decision).map(|(kind, _)| kind);
            let c = app.keymap.hint(&Action::CopyDraft);
            for (kind, draft) in [
                (DraftKind::Reply, &e.reply),
                (DraftKind::ThankYou, &e.thank_you),
            ] {
                if let Some(d) = draft {
                    let after = if let (Some(marked), true) = (d.marked_sent, to_send == Some(kind))
                    {
                        // Sent on LinkedIn, as the user said: the lists
                        // leave it out; the key takes the mark back.
                        let s = app.keymap.hint(&Action::MarkSent);
                        format!(
                            " · marked sent {}{}",
                            Age::between(marked, app.now).long(),
                            if s.is_empty() {
                                String::new()
                            } else {
                                format!(" ({s}: not sent after all)")
                            }
                        )
                    } else if let Some(marked) = d.marked_sent {
                        // Sent before the decision changed (a reply, then
                        // an ignore): what was sent stays said.
                        format!(" · marked sent {}", Age::between(marked, app.now).long())
                    } else if to_send == Some(kind) {
                        if c.is_empty() {
                            String::new()
                        } else {
                            format!(" · {c} copies it")
                        }
                    } else {
                        match (kind, decision) {
                            (DraftKind::Reply, Some(Decision::Ignored)) => ", not sent: ignored",
                            (DraftKind::Reply, _) => ", before accepting",
                            (DraftKind::ThankYou, _) => ", for after accepting",
                        }
                        .to_string()
                    };
                    let first = d.first_saved(sent);
                    let drafted = if first.date() < d.at.date() {
                        format!(
                            "{} drafted {}, edited {}",
                            kind.label(),
                            Age::between(first, app.now).long(),
                            Age::between(d.at, app.now).long()
                        )
                    } else {
                        format!(
                            "{} drafted {}",
                            kind.label(),
                            Age::between(d.at, app.now).long()
                        )
                    };
                    lines.push(Line::styled(format!("{drafted}{after}"), theme.dim()));
                    // Indented, wrapped lines too, to set the draft apart.
                    let width = usize::from(width).max(8);
                    let options = crate::text::wrap_options(width)
                        .initial_indent("  ")
                        .subsequent_indent("  ");
                    for l in clean_text(&d.text).lines() {
                        if l.trim().is_empty() {
                            lines.push(Line::raw(""));
                            continue;
                        }
                        for part in textwrap::wrap(l, &options) {
                            lines.push(Line::styled(part.into_owned(), theme.dim()));
                        }
                    }
                }
            }
        }
        // Words left for later (or by a closed terminal): on disk, not in
        // the journal, so not in `export` either.
        for kind in [DraftKind::Reply, DraftKind::ThankYou] {
            if app.journal.unsaved(inv.id, kind).is_some() {
                let action = Action::compose(kind);
                // A thank-you opens only on an accepted invitation, a reply
                // only on one not accepted (either may have changed since).
                // The key is the only way to it: without one, said so.
                let accepted = decided.is_some_and(|(d, _)| d == Decision::Accepted);
                let opens = match (kind, accepted) {
                    // No key opens it here (the line above says why).
                    _ if later.is_some() => "open the newest export to go on with it".to_string(),
                    (DraftKind::ThankYou, true) | (DraftKind::Reply, false) => {
                        app.keymap.key_does_or_none(&action, "opens it")
                    }
                    (DraftKind::ThankYou, false) => app
                        .keymap
                        .steps((&Action::Accept, "accepts"), (&action, "opens it"))
                        .unwrap_or_else(|none| none),
                    // The first asks whether to reply instead.
                    (DraftKind::Reply, true) => app
                        .keymap
                        .key_does_or_none(&action, "twice opens it, to reply instead of accepting"),
                };
                lines.push(Line::styled(
                    format!("{} left for later, not saved · {opens}", kind.label()),
                    theme.warn(),
                ));
            }
        }
    }
    Some(Paragraph::new(lines).wrap(Wrap { trim: false }))
}

/// "accepted 26 Nov 2026 14:10 (2 hours ago)", "marked to withdraw …".
fn decision_line(
    app: &App,
    theme: Theme,
    d: crate::journal::Decision,
    at: Option<chrono::NaiveDateTime>,
) -> Line<'static> {
    let when = at
        .map(|at| {
            format!(
                " {} ({})",
                at.format("%-d %b %Y %H:%M"),
                Age::between(at, app.now).long()
            )
        })
        .unwrap_or_default();
    // A withdrawal here is a mark: the invitation is withdrawn only once
    // the user has done it on LinkedIn.
    let what = match d {
        crate::journal::Decision::Withdrawn => "marked to withdraw",
        d => d.label(),
    };
    // Recorded on this computer only (LinkedIn has no API for it): the
    // step is still to take there, which a newcomer may not know.
    let o = app.keymap.hint(&Action::OpenProfile);
    // An ignore is optional there (the export's checklist says so: an
    // unanswered invitation goes stale on its own).
    // With no key to open the profile, said without one.
    let there = match (d, o.is_empty()) {
        (Decision::Accepted, false) => {
            format!(" · recorded here only: {o} opens the profile to do it on LinkedIn")
        }
        (Decision::Accepted, true) => " · recorded here only: do it on LinkedIn".to_string(),
        (Decision::Ignored, false) => format!(
            " · recorded here only: ignoring it on LinkedIn too is optional ({o} opens the profile)"
        ),
        (Decision::Ignored, true) => {
            " · recorded here only: ignoring it on LinkedIn too is optional".to_string()
        }
        _ => String::new(),
    };
    // An earlier export's step that this one, made since, shows was not
    // done: the plain "here only" would read as one more like the rest.
    if let Some(at) = at
        && crate::export::not_done_yet(d, at, app.newest_sent)
    {
        let verb = match d {
            Decision::Withdrawn => "withdrawn",
            _ => "accepted",
        };
        // A withdrawal's way is on the line after it.
        let there = if o.is_empty() || d == Decision::Withdrawn {
            String::new()
        } else {
            format!(": {o} opens the profile")
        };
        return Line::from(vec![
            Span::styled(what, theme.bold()),
            Span::styled(when, theme.dim()),
            Span::styled(
                format!(
                    " · not {verb} on LinkedIn yet: this export, made since, has it pending{there}"
                ),
                theme.warn(),
            ),
        ]);
    }
    Line::from(vec![
        Span::styled(what, theme.bold()),
        Span::styled(when, theme.dim()),
        Span::styled(there, theme.dim()),
    ])
}

/// "an earlier invitation from them: ignored 3 Oct 2026 (7 weeks ago); this
/// one came after".
fn earlier_line(
    app: &App,
    theme: Theme,
    e: crate::journal::Decided,
    dir: Direction,
) -> Line<'static> {
    let whose = match dir {
        Direction::Incoming => "from them",
        Direction::Outgoing => "to them",
    };
    // Which came first is said of the invitations: the decision may be
    // newer than this one, made on an export taken before it arrived.
    let decided = format!(
        "{} {} ({})",
        e.decision.label(),
        e.at.format("%-d %b %Y"),
        Age::between(e.at, app.now).long()
    );
    Line::styled(
        match e.sent {
            Some(sent) => format!(
                "an earlier invitation {whose}, sent {}: {decided}",
                sent.format("%-d %b %Y")
            ),
            None => format!("an earlier invitation {whose}: {decided}, before this one was sent"),
        },
        theme.warn(),
    )
}

/// How many rows of the current invitation's pane an `area` of this size
/// cannot show at once (0 when it all fits): as far as it scrolls.
pub fn hidden(app: &App, area: Rect) -> usize {
    pane(
        app,
        Theme {
            color: false,
            palette_256: false,
        },
        area.width,
    )
    .map_or(0, |p| overflow(&p, area))
}

/// How many rows of an `area` of this size show the current invitation's
/// pane: all of them, or all but the last when it says there is more.
pub fn shown_rows(app: &App, area: Rect) -> u16 {
    if hidden(app, area) > 0 {
        area.height - 1
    } else {
        area.height
    }
}

fn overflow(pane: &Paragraph<'_>, area: Rect) -> usize {
    let rows = pane.line_count(area.width);
    let room = usize::from(area.height);
    if rows <= room || room < 2 {
        0
    } else {
        // The last row is kept for the line that says there is more.
        rows - (room - 1)
    }
}

pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(pane) = pane(app, theme, area.width) else {
        return;
    };
    let hidden = overflow(&pane, area);
    if hidden == 0 {
        frame.render_widget(pane, area);
        return;
    }
    // Say so when the pane cannot show it all, rather than cut it silently.
    let [shown, last] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let scroll = app
        .detail_scroll()
        .min(u16::try_from(hidden).unwrap_or(u16::MAX));
    frame.render_widget(pane.scroll((scroll, 0)), shown);
    let below = hidden - usize::from(scroll);
    // A line's key, else a half pane's, else none: the pane's lines are
    // still said.
    let key = |line: Action, half: Action| match app.keymap.hint(&line) {
        key if key.is_empty() => app.keymap.hint(&half),
        key => key,
    };
    let more = key(Action::DetailDown, Action::DetailHalfDown);
    let back = key(Action::DetailUp, Action::DetailHalfUp);
    let text = match (below > 0, more.is_empty(), back.is_empty()) {
        (true, false, _) => format!(
            "… {below} more line{} · {more} scrolls",
            crate::text::plural(below)
        ),
        // No key reads the rest: said, with where to give one.
        (true, true, _) => format!(
            "… {below} more line{} · {}",
            crate::text::plural(below),
            crate::tui::keys::no_key(&Action::DetailDown)
        ),
        (false, _, false) => format!("end of the note · {back} scrolls back"),
        (false, _, true) => "end of the note".to_string(),
    };
    // Scrolled, the name line is out of sight: this line says whose note
    // it is.
    let text = match app.current() {
        Some(inv) if scroll > 0 => format!(
            "{} · {text}",
            fit(&name_line(inv.counterpart()), usize::from(area.width) / 3)
        ),
        _ => text,
    };
    frame.render_widget(Line::styled(text, theme.dim()), last);
}

/// The name a note's greeting gives when it is not its recipient's (`Hi
/// Karen,` to Colleen, or in one you sent to Marco): the mark of a note
/// pasted to many. Worked out for the one invitation on screen only.
fn greets_other(app: &App, inv: &crate::invitation::Invitation) -> Option<String> {
    if inv.category == Category::Default {
        return None; // no greeting that names anyone
    }
    // Not a note of LinkedIn's, nor worth reading whole on every key.
    if inv.message().len() > SHOWN_BYTES {
        return None;
    }
    // An empty `To` of a received one is you, by the config's name.
    let to = match (inv.to(), &app.my_name, inv.direction) {
        ("", Some(me), Direction::Incoming) => me.as_str(),
        (to, _, _) => to,
    };
    app.classifier
        .analyse(inv.message(), inv.from(), to)
        .greets_other
}
