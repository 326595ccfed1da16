//! The reply composer: their note above, your draft below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

use super::theme::Theme;
use crate::text::{SHOWN_BYTES, clean_text, fit, head, more_not_shown, name_line, wrap};
use crate::tui::app::App;
use unicode_width::UnicodeWidthStr;

pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(c) = &app.composer else { return };
    let inv = &app.invitations[c.index as usize];
    let note = if inv.has_note() {
        match head(inv.message().trim(), SHOWN_BYTES) {
            (shown, 0) => clean_text(shown),
            (shown, more) => format!("{}\n{}", clean_text(shown), more_not_shown(more)),
        }
    } else {
        "(no note)".to_string()
    };
    // Their note, wrapped one column in from the edge, gets as many rows as
    // it needs up to a third of the screen; the header says when it is cut.
    // Wrapped here, as the detail pane's is: the paragraph breaks only at
    // spaces, and a Chinese or Japanese note went to the next row whole.
    let width = area.width.saturating_sub(1).max(1);
    let note_body = Paragraph::new(
        note.lines()
            .flat_map(|l| wrap(l, usize::from(width)))
            .map(|l| Line::styled(l, theme.dim()))
            .collect::<Vec<_>>(),
    )
    .wrap(Wrap { trim: false });
    let rows = note_body.line_count(width);
    let cap = usize::from((area.height / 3).max(2));
    let shown = rows.clamp(1, cap);
    let [theirs, mine] = Layout::vertical([
        Constraint::Length(u16::try_from(shown).unwrap_or(1) + 1),
        Constraint::Min(3),
    ])
    .areas(area);
    // A long name gives way with `…` to "wrote (group)" and to the count
    // of lines shown, the one sign that the note is cut.
    let group = format!(" ({})", inv.category.label());
    let cut = (shown < rows).then(|| format!(" · first {shown} of {rows} lines"));
    let room = usize::from(area.width).saturating_sub(
        " wrote".len() + group.len() + 1 + cut.as_ref().map_or(0, |c| c.chars().count()),
    );
    let mut header = vec![
        Span::styled(
            format!(" {} wrote", fit(&name_line(inv.counterpart()), room)),
            theme.bold(),
        ),
        Span::styled(group, theme.category(inv.category)),
    ];
    if let Some(cut) = cut {
        header.push(Span::styled(cut, theme.dim()));
    }
    let [head, text] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(theirs);
    frame.render_widget(Line::from(header), head);
    let text = Rect {
        x: text.x.saturating_add(1),
        width: text.width.saturating_sub(1),
        ..text
    };
    frame.render_widget(note_body, text);

    let template = app.templates.list.get(c.template);
    let titled = |name: &str| {
        if c.kind() == crate::journal::DraftKind::ThankYou {
            format!(" Thank {name} for connecting ")
        } else if c.over_accept {
            // Accepted already: "yet" would read as the accept to come.
            format!(" Reply to {name} instead of accepting ")
        } else {
            format!(" Reply to {name}, don't accept yet ")
        }
    };
    // Widths in terminal columns: a name in CJK takes two a character. A
    // long name gives way, with `…`, before what the box is for.
    let room = usize::from(mine.width).saturating_sub(2);
    // The person as the draft's `{full_name}` names them (`DOE, JANE` is
    // "Thank Jane Doe for connecting"); the export's cell when that has no
    // letter (an emoji), or "(no name)", also when its letters are no name
    // (`, MBA`, `(she/her)`): not a raw cell the draft does not greet.
    let name = crate::reply::readable_name(inv.counterpart(), &app.templates.titles)
        .unwrap_or_else(|| {
            let cell = inv.counterpart();
            if crate::reply::has_letter(cell) {
                name_line("")
            } else {
                name_line(cell)
            }
        });
    let mut title = titled(&name);
    // Numbered as the F key that picks it among this kind's templates
    // ("4/4" on the only thank-you template read as four to choose from);
    // past F9, which no key picks, only by its number.
    let number = c.number(&app.templates);
    let key = if number <= 9 {
        format!("F{number}")
    } else {
        number.to_string()
    };
    let right = match (c.resumed, template) {
        _ if c.recovered && c.undone => " undone, not saved yet ".to_string(),
        _ if c.recovered => " recovered, not saved yet ".to_string(),
        (true, _) => " your saved draft ".to_string(),
        (false, Some(t)) => format!(" template {key}: {} ", t.name),
        (false, None) => String::new(),
    };
    // On a narrow screen the template's name gives way to the title.
    let right = if title.width() + right.width() > room {
        match (c.resumed || c.recovered, template) {
            (false, Some(_)) => format!(" {key} "),
            _ => String::new(),
        }
    } else {
        right
    };
    if title.width() + right.width() > room {
        let left = room.saturating_sub(titled("").width() + right.width());
        title = titled(&fit(&name, left));
    }
    let count = c.char_count();
    // Said in words, not only in red (NO_COLOR, a colour-blind eye).
    let limit = crate::reply::MESSAGE_LIMIT;
    let (count_text, count_style) = match count.checked_sub(limit).filter(|&n| n > 0) {
        Some(over) => (
            format!(" {count} chars: {over} over LinkedIn's {limit} "),
            theme.error(),
        ),
        None => (format!(" {count} chars "), theme.dim()),
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(Span::styled(title, theme.bold()))
        .title(Line::styled(right, theme.dim()).right_aligned())
        .title_bottom(Line::styled(count_text, count_style).right_aligned());
    let inner = block.inner(mine);
    // The editor first: where it scrolls to is known once it is drawn.
    frame.render_widget(&c.editor, inner);
    let block = match super::hidden_lines(&c.editor, inner) {
        (false, false) => block,
        (above, below) => {
            let more = match (above, below) {
                (true, true) => " ↑↓ more ",
                (true, false) => " ↑ more above ",
                _ => " ↓ more below ",
            };
            block.title_bottom(Line::styled(more, theme.dim()))
        }
    };
    frame.render_widget(block, mine);
    super::show_cursor(frame, &c.editor, inner);
}
