//! The two header lines and the tab bar.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::classify::Category;
use crate::report::survey_line;
use crate::stats::Breakdown;
use crate::text::{fit, one_line};
use crate::tui::app::{App, Tab};
use crate::tui::keys::Action;

pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    let title = title(&one_line(&app.source_name), &app.incoming, width);
    let (decided, total) = app.progress();
    // Under one percent done reads so, not as the 1% it rounds up to.
    let pct = match crate::stats::percent(decided, total) {
        1 if decided * 100 < total => "<1%".to_string(),
        n => format!("{n}%"),
    };
    // The Sent tab lists every invitation you sent, whatever the filter.
    let filter = if app.current_tab() == Tab::Sent {
        String::new()
    } else {
        format!("filter: {}", app.filter.label())
    };
    let marked = match app.marked_count {
        0 => String::new(),
        n => format!("{n} marked · "),
    };
    let left = format!(" decided {decided} of {total} ");
    // Where the selected row stands in the tab's list: a list taller than
    // the screen otherwise ends at its edge with nothing to say so. Shorter
    // on a narrow screen, and left out where even that would leave the bar
    // less than three columns.
    let room = width.saturating_sub(
        left.chars().count() + 2 + format!(" {pct}").len() + 1 + 3 + marked.chars().count() + 1,
    );
    let sep = if filter.is_empty() { "" } else { " · " };
    // As wide as the count: the bar does not shift as the row number
    // gains a digit. Not `3/112`, which reads as the tabs' counts.
    let (at, n) = (app.cursor + 1, app.rows.len());
    let w = n.to_string().len();
    // Narrower forms before giving the position up: unpadded, then the
    // filter without its `filter:` (at 60 columns, `row 1 of 1448 ·
    // filter: undecided` otherwise left the position out).
    let bare = filter.strip_prefix("filter: ").unwrap_or(&filter);
    let forms = [
        format!("row {at:>w$} of {n}{sep}{filter}"),
        format!("{at:>w$} of {n}{sep}{filter}"),
        format!("{at} of {n}{sep}{filter}"),
        format!("{at} of {n}{sep}{bare}"),
    ];
    let fits = |room: usize| {
        forms
            .iter()
            .filter(|_| n > 0)
            .find(|f| f.chars().count() <= room)
            .cloned()
    };
    // Then without the bar (its three columns and two edges), which the
    // percentage beside it stands for: with marks too, at 60 columns.
    let (filter, no_bar) = match fits(room) {
        Some(f) => (f, false),
        None => match fits(room + 5) {
            Some(f) => (f, true),
            None => (filter, false),
        },
    };
    // The Sent tab's filter is empty; its position may follow the marks.
    let marked = match (app.marked_count, filter.is_empty()) {
        (0, _) => String::new(),
        (n, true) => format!("{n} marked"),
        (n, false) => format!("{n} marked · "),
    };
    let right_len = filter.chars().count() + marked.chars().count() + 1;
    // The bar gives way on a narrow screen, so that the filter keeps a
    // space before it (one column at least).
    let fixed = left.chars().count() + 2 + format!(" {pct}").len() + 1 + right_len;
    let bar_w = if no_bar {
        0
    } else {
        width.saturating_sub(fixed).min(28)
    };
    let edges = if no_bar { 0 } else { 2 };
    let filled = (decided * bar_w).checked_div(total).unwrap_or(0);
    let used = left.chars().count() + bar_w + edges + format!(" {pct}").len();
    let pad = width.saturating_sub(used + right_len);
    let progress = Line::from(vec![
        Span::raw(left),
        Span::styled(if no_bar { "" } else { "▕" }, theme.dim()),
        Span::styled("█".repeat(filled), theme.ok()),
        Span::styled("░".repeat(bar_w - filled), theme.dim()),
        Span::styled(if no_bar { "" } else { "▏" }, theme.dim()),
        Span::raw(format!(" {pct}")),
        Span::raw(" ".repeat(pad)),
        Span::styled(marked, theme.warn()),
        Span::styled(filter, theme.dim()),
        Span::raw(" "),
    ]);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(fit(&title, width), theme.bold()),
            progress,
        ]),
        area,
    );
}

/// The first header line: the longest form that fits `width`. The file's
/// name tells two exports apart, so it goes after the groups' long names,
/// which the tabs show too; the total goes before the groups' counts, as
/// the line below has it ("decided 0 of 135").
fn title(source: &str, b: &Breakdown, width: usize) -> String {
    let survey = survey_line(b);
    // On a narrow screen, the groups as the tabs name them there.
    let n = |c| b.by_category.get(c);
    let short = |c| super::list::short_category(c).trim_end();
    let groups = format!(
        "{} {} · {} {} · {} {} ({}%)",
        n(Category::Customised),
        short(Category::Customised),
        n(Category::GreetingOnly),
        short(Category::GreetingOnly),
        n(Category::Default),
        short(Category::Default),
        b.shares().get(Category::Default),
    );
    let compact = format!(
        "{} invitation{}: {groups}",
        b.total,
        crate::text::plural(b.total)
    );
    [
        format!(" invitriage · {source} · {survey}"),
        format!(" {source} · {survey}"),
        format!(" {source} · {compact}"),
        format!(" {source} · {groups}"),
        format!(" {survey}"),
        format!(" {compact}"),
    ]
    .into_iter()
    .find(|t| t.width() <= width)
    // The counts alone, whole words at 60 columns even at a million rows;
    // cut by the caller's `fit` on a screen narrower still.
    .unwrap_or_else(|| format!(" {groups}"))
}

pub fn draw_tabs(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    // Each tab's key as `[keys]` has it (its first), none when it has none.
    let keys = Tab::ALL.map(|tab| app.keymap.hint(&Action::Tab(tab)));
    // A tab's label in `form`: its key, title and count, each tab padded
    // with a space either side (none in the tightest forms, where one
    // space between tabs parts them), or only its key when the form
    // leaves the other tabs' counts out.
    let label = |tab: Tab, form: Form| {
        // What the filter shows of the tab, and of how many: the work
        // left under "undecided".
        let (shown, all) = (app.tab_shown(tab), app.members(tab).len());
        let n = if shown == all {
            all.to_string()
        } else {
            format!("{shown}/{all}")
        };
        let key = keys[tab.index()].as_str();
        if !form.counts && tab != app.current_tab() && !key.is_empty() {
            return key.to_string();
        }
        let title = match form.titles {
            Titles::Long => tab.title(),
            Titles::Short => short_title(tab),
            Titles::Current if tab == app.current_tab() => short_title(tab),
            Titles::Current | Titles::None => "",
        };
        let text = match (key, title.is_empty()) {
            ("", true) => n,
            ("", false) => format!("{title} {n}"),
            (key, true) => format!("{key}:{n}"),
            (key, false) => format!("{key} {title} {n}"),
        };
        // The open tab in brackets, not only in reverse video: a screen
        // reader, a braille display or a copy of the screen keeps text
        // alone. (In the padding's place, so the width is the same.)
        match (tab == app.current_tab(), form.padded) {
            (true, _) => format!("[{text}]"),
            (false, true) => format!(" {text} "),
            (false, false) => text,
        }
    };
    // The first form that fits: long titles, then short ones (as in the
    // list's group column), then short ones without the separators, then
    // the open tab's alone (so that "3:88/96" says where you are), then
    // the keys and counts alone (the tabs keep their colours), then
    // without their padding, then the other tabs' keys alone. A count is
    // never cut: "sent 2" for 295 would be another number.
    let width = |form: Form| -> usize {
        1 + Tab::ALL
            .into_iter()
            .map(|tab| label(tab, form).width())
            .sum::<usize>()
            + form.sep.width() * (Tab::ALL.len() - 1)
    };
    let room = usize::from(area.width);
    let form = |titles, sep, padded, counts| Form {
        titles,
        sep,
        padded,
        counts,
    };
    let tightest = form(Titles::None, " ", false, false);
    let form = [
        form(Titles::Long, "│", true, true),
        form(Titles::Short, "│", true, true),
        form(Titles::Short, "", true, true),
        form(Titles::Current, "", true, true),
        form(Titles::None, "", true, true),
        form(Titles::None, " ", false, true),
        tightest,
    ]
    .into_iter()
    .find(|&form| width(form) <= room)
    .unwrap_or(tightest);
    let mut spans = vec![Span::raw(" ")];
    for tab in Tab::ALL {
        let label = label(tab, form);
        let style = match tab.category() {
            Some(c) => theme.category(c),
            None => ratatui::style::Style::new(),
        };
        let style = if tab == app.current_tab() {
            style.add_modifier(ratatui::style::Modifier::REVERSED | ratatui::style::Modifier::BOLD)
        } else {
            style
        };
        if tab != Tab::ALL[0] {
            spans.push(Span::styled(form.sep, theme.dim()));
        }
        spans.push(Span::styled(label, style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// How the tab bar writes its tabs: titles, separator, padding, and
/// whether the tabs not open show their counts.
#[derive(Debug, Clone, Copy)]
struct Form {
    titles: Titles,
    sep: &'static str,
    padded: bool,
    counts: bool,
}

/// How much of each tab's title the tab bar has room for.
#[derive(Debug, Clone, Copy)]
enum Titles {
    Long,
    Short,
    /// The open tab's short title, the others' none.
    Current,
    None,
}

/// A tab's title on a narrow screen: the group as the list's group column
/// shows it.
fn short_title(tab: Tab) -> &'static str {
    match tab.category() {
        Some(c) => super::list::short_category(c).trim_end(),
        None if tab == Tab::All => "all",
        None => "sent",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::PerCategory;

    fn counts(customised: usize, greeting_only: usize, default: usize) -> Breakdown {
        let mut by = [0; 3];
        for (c, n) in [
            (Category::Customised, customised),
            (Category::GreetingOnly, greeting_only),
            (Category::Default, default),
        ] {
            by[Category::ALL.iter().position(|&a| a == c).unwrap()] = n;
        }
        Breakdown {
            total: customised + greeting_only + default,
            by_category: PerCategory::from(by),
            ..Breakdown::default()
        }
    }

    #[test]
    fn a_big_inbox_keeps_whole_words_in_the_narrowest_title() {
        let b = counts(108_244, 71_990, 719_791);
        let t = title("big1000000.csv", &b, 60);
        assert_eq!(t, " 108244 cust · 71990 greet · 719791 dflt (80%)");
        // The sample's counts keep the total at that width.
        let t = title(
            "Invitations (2026-11-28 export).csv",
            &counts(13, 10, 112),
            60,
        );
        assert!(t.starts_with(" 135 invitations: 13 cust"), "{t}");
    }
}
