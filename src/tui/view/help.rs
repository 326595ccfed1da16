//! The `?` overlay, generated from the keymap so it always shows the user's
//! real keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::list::SUPERSEDED_MARK;
use super::overlay::centred;
use super::theme::Theme;
use crate::tui::app::App;
use crate::tui::keys::{Action, BINDABLE};

/// The composer's keys as the help names them (fixed keys, which `[keys]`
/// does not rebind): each name, or names parted by ", ", and what it does.
/// A test holds each to the action it gives.
pub const COMPOSER_KEYS: &[(&str, &str)] = &[
    (
        "Ctrl-S",
        "save the draft and copy it (a reply marks the invitation replied)",
    ),
    ("Ctrl-E", "edit in $VISUAL / $EDITOR"),
    (
        "Ctrl-T, F1-F9",
        "next template for this kind of draft, or template 1-9 (asks before replacing your words)",
    ),
    ("Ctrl-Y", "copy the draft"),
    ("Enter, Ctrl-J", "a line break"),
    (
        "Ctrl-Left",
        "a word back (Ctrl-Right: on; also Alt-←/→; PgUp/PgDn: a page; Ctrl-Home/End: the start / end of the draft)",
    ),
    ("Ctrl-U, Ctrl-R", "undo, redo (a word at a time)"),
    (
        "Ctrl-K, Ctrl-W",
        "delete to the end of the line, the word before the cursor (Alt-D: the word after)",
    ),
    (
        "Esc",
        "leave (asks first when changed: y discards, l leaves it for later, unsaved)",
    ),
    (
        "Ctrl-C",
        "quit invitriage; the draft is kept and opens again at the next start",
    ),
];

/// The help text, `width` columns wide: the notes from loading the export,
/// if any (the status line shows only the start of the first), every
/// bindable action with its keys, then the keys of the search line and the
/// composer, and what the marks mean.
pub fn lines(app: &App, theme: Theme, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width).max(20);
    let mut out = Vec::new();
    let section = |t: &str| Line::styled(t.to_string(), theme.bold());
    // A key and what it does; a description too long for the line goes on
    // under itself, not under the keys.
    let keyed = |out: &mut Vec<Line<'static>>, keys: &str, help: &str| {
        let column = format!("  {keys:<16}");
        let indent = column.chars().count();
        let options = textwrap::Options::new(width.saturating_sub(indent).max(10))
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        let mut parts = textwrap::wrap(help, options).into_iter();
        let first = parts.next().unwrap_or_default().into_owned();
        out.push(Line::from(vec![
            Span::styled(column, theme.key()),
            Span::raw(first),
        ]));
        out.extend(parts.map(|p| Line::raw(format!("{}{p}", " ".repeat(indent)))));
    };
    let prose = |out: &mut Vec<Line<'static>>, text: &str, style| {
        let options = textwrap::Options::new(width)
            .initial_indent("  ")
            .subsequent_indent("  ")
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        out.extend(
            textwrap::wrap(text, options)
                .into_iter()
                .map(|l| Line::styled(l.into_owned(), style)),
        );
    };
    if !app.notices.is_empty() {
        out.push(section("Notes from loading"));
        let options = textwrap::Options::new(width)
            .initial_indent("  - ")
            .subsequent_indent("    ")
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        for notice in &app.notices {
            out.extend(
                textwrap::wrap(notice, &options)
                    .into_iter()
                    .map(|l| Line::raw(l.into_owned())),
            );
        }
        out.push(Line::raw(""));
    }
    // First, as the newcomer needs it before any key: nothing here is
    // done on LinkedIn, and how a decision is changed.
    let hint = |a: &Action| app.keymap.hint(a);
    prose(
        &mut out,
        &match hint(&Action::OpenProfile) {
            o if o.is_empty() => format!(
                "LinkedIn has no API for invitations: decisions are kept on this computer and done by you on LinkedIn; {} lists each step.",
                app.export_command
            ),
            o => format!(
                "LinkedIn has no API for invitations: decisions are kept on this computer and done by you on LinkedIn ({o} opens the profile, also right after a step); {} lists each step.",
                app.export_command
            ),
        },
        theme.dim(),
    );
    let (a, i, u) = (
        hint(&Action::Accept),
        hint(&Action::Ignore),
        hint(&Action::Undo),
    );
    if !a.is_empty() && !i.is_empty() && !u.is_empty() {
        prose(
            &mut out,
            &format!(
                "To change a decision, {a} or {i} on its row; {u} takes back the last step, whichever row it was on (a bulk one whole, asking first when it is large)."
            ),
            theme.dim(),
        );
    }
    out.push(Line::raw(""));
    out.push(section("Keys"));
    for (name, action, help, _) in BINDABLE {
        let keys: Vec<String> = app
            .keymap
            .keys_for(action)
            .iter()
            .map(|k| k.to_string())
            .collect();
        if keys.is_empty() {
            // Unbound by the config: still here, so it can be found again.
            keyed(
                &mut out,
                "(no key)",
                &format!("{help}; `{name} = \"…\"` under [keys] gives it one"),
            );
            continue;
        }
        keyed(&mut out, &keys.join(" "), help);
    }
    keyed(
        &mut out,
        "Ctrl-C",
        "quit at once, from any screen, without a question (a draft being written is kept for the next start)",
    );
    keyed(
        &mut out,
        "Ctrl-L",
        "paint the screen again (stray characters left by the terminal)",
    );
    keyed(
        &mut out,
        "Ctrl-Z",
        "suspend, back to the shell (the composer too); fg brings the screen back",
    );
    // The keys bound now, as the Keys table shows them: "(after /)", or
    // nothing where the config left the action without a key.
    let after = |actions: &[Action]| {
        let keys: Vec<String> = actions.iter().map(hint).filter(|k| !k.is_empty()).collect();
        if keys.is_empty() {
            String::new()
        } else {
            format!(" (after {})", keys.join(" or "))
        }
    };
    out.push(Line::raw(""));
    out.push(section(&format!("Searching{}", after(&[Action::Search]))));
    let next = [hint(&Action::NextMatch), hint(&Action::PrevMatch)]
        .into_iter()
        .filter(|k| !k.is_empty())
        .collect::<Vec<_>>()
        .join(" / ");
    let enter = if next.is_empty() {
        "keep the position".to_string()
    } else {
        format!("keep the position; {next} for the next matches (which of how many)")
    };
    for (k, h) in [
        (
            "type",
            "jump to the next name or note that matches, from the row you were on",
        ),
        ("↓/↑", "the next or previous match while typing"),
        (
            "←/→ Home/End",
            "move the cursor a character, to the start or end (Alt-←/→, Ctrl-←/→ or Alt-B/F: a word; Ctrl-B/F: a character; Ctrl-A/E: start, end)",
        ),
        (
            "Ctrl-W/U/K",
            "delete the word before the cursor / all before it / all after it (Alt-Backspace: the word before; Alt-D: the word after; Del or Ctrl-D: the character after)",
        ),
        ("Enter", enter.as_str()),
        ("Esc", "go back to where you were"),
    ] {
        keyed(&mut out, k, h);
    }
    out.push(Line::raw(""));
    out.push(section(&format!(
        "Writing a reply{}",
        after(&[Action::Reply, Action::ThankYou])
    )));
    for &(k, h) in COMPOSER_KEYS {
        keyed(&mut out, k, h);
    }
    out.push(Line::raw(""));
    out.push(section(&format!(
        "Checking a note of your own{}",
        after(&[Action::Check])
    )));
    let kept = match hint(&Action::Check) {
        w if w.is_empty() => "leave; the note is kept, also after a restart".to_string(),
        w => format!("leave; the note is kept for the next {w}, also after a restart"),
    };
    for (k, h) in [
        ("Ctrl-Y", "copy the note"),
        ("Ctrl-E", "edit in $VISUAL / $EDITOR"),
        ("Ctrl-L", "clear the pad (Ctrl-U brings the note back)"),
        ("Esc", kept.as_str()),
    ] {
        keyed(&mut out, k, h);
    }
    out.push(Line::raw(""));
    out.push(section("Marks"));
    let plain = ratatui::style::Style::new();
    prose(
        &mut out,
        "✓ accepted   ✗ ignored   ↩ replied   • marked   ⊘ to withdraw (one you sent)",
        plain,
    );
    let s = hint(&Action::MarkSent);
    prose(
        &mut out,
        &format!(
            "↩✓ ✓✓ the reply or thank-you was marked sent{}",
            if s.is_empty() {
                String::new()
            } else {
                format!(" ({s})")
            }
        ),
        plain,
    );
    prose(
        &mut out,
        &format!(
            "{SUPERSEDED_MARK} superseded: they invited you (or you them) again, and that later invitation has a decision or a draft from a newer export; nothing is left to decide on this one"
        ),
        plain,
    );
    prose(&mut out, "Esc clears the marks", plain);
    prose(
        &mut out,
        &format!(
            "old: a sent invitation still pending after {}",
            crate::text::days(app.stale_after_days)
        ),
        plain,
    );
    prose(
        &mut out,
        "ctx context · rsn reason · off offer · pitch sells or recruits",
        plain,
    );
    prose(
        &mut out,
        "cust customised · greet greeting-only · dflt default (the group column of a narrow screen)",
        plain,
    );
    prose(
        &mut out,
        "Tabs: \"Customised 12/13\" is 12 of the tab's 13 shown under the filter (undecided: those left); one number, all of them",
        plain,
    );
    out
}

/// Where the overlay goes in `area`.
pub fn rect(area: Rect) -> Rect {
    centred(
        area,
        area.width.saturating_sub(6).min(96),
        area.height.saturating_sub(2),
    )
}

/// How wide the help's text is in the overlay `rect`: a column is kept
/// free inside the right border, as the left has the text's indent (a line
/// that filled the box ran into the border). The scroll limit counts the
/// lines at this width too.
pub fn text_width(rect: Rect) -> u16 {
    rect.width.saturating_sub(3)
}

pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect, scroll: u16) {
    let rect = rect(area);
    super::overlay::clear(frame, rect);
    let text = lines(app, theme, text_width(rect));
    let max_scroll = u16::try_from(text.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(rect.height.saturating_sub(2));
    let mut block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(Span::styled(" Help · Esc to close ", theme.bold()));
    // The box hides what does not fit: say that there is more, and where.
    if scroll < max_scroll {
        use crate::tui::keys::Action;
        let keys: Vec<String> = [Action::Down, Action::PageDown]
            .iter()
            .map(|a| app.keymap.hint(a))
            .filter(|k| !k.is_empty())
            .collect();
        let keys = match keys.as_slice() {
            [] => String::new(),
            keys => format!(": {}", keys.join(", ")),
        };
        block = block.title_bottom(
            Line::from(Span::styled(format!(" ↓ more{keys} "), theme.dim())).right_aligned(),
        );
    }
    frame.render_widget(
        Paragraph::new(text)
            .block(block)
            .scroll((scroll.min(max_scroll), 0)),
        rect,
    );
}
