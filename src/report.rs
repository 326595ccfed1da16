//! Text, CSV and JSON output of the command-line subcommands: pure functions
//! that write to any `io::Write`, so tests read exactly what users see.

use std::io::{self, Write};

use chrono::NaiveDateTime;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::classify::Category;
use crate::import::{Import, Item};
use crate::invitation::{Direction, Invitation};
use crate::stats::{Age, Breakdown, DirectionFilter, Stale};
use crate::text::{bar, fit, is_bidi_control, name_line, one_line, plural};

/// LinkedIn's own `Sent At` form: `7/8/26, 3:43 PM`; with the four-digit
/// year outside 2000–2099, which a two-digit year would read back as.
pub fn linkedin_date(dt: NaiveDateTime) -> String {
    use chrono::Datelike;
    if (2000..2100).contains(&dt.year()) {
        dt.format("%-m/%-d/%y, %-I:%M %p").to_string()
    } else {
        dt.format("%-m/%-d/%Y, %-I:%M %p").to_string()
    }
}

/// `12 Nov 2026`.
pub fn human_date(dt: NaiveDateTime) -> String {
    dt.format("%-d %b %Y").to_string()
}

/// `this export is older than one opened before: …`, when the newest
/// invitation received in `invs` was sent on a day before the newest one
/// `seen` (`seen.json`) holds: what it shows pending may be done since, on
/// a newer export. A date to come (a damaged row, a clock ahead) is no
/// date seen, as for the news.
///
/// An invitation sent, in either direction, on that day or after says the
/// export was made since: not an older one, though the one seen may have
/// left it (answered on LinkedIn). Without one that cannot be told from an
/// export made before it came, so the words allow for both.
pub fn older_export(
    seen: crate::journal::Seen,
    invs: &[Invitation],
    now: NaiveDateTime,
) -> Option<String> {
    use chrono::Datelike;
    let soon = now + chrono::Duration::days(1);
    let newest = invs
        .iter()
        .filter(|i| i.sent_at <= soon)
        .map(|i| i.sent_at)
        .max()?;
    if newest.date() >= seen.newest.date() {
        return None;
    }
    // With its year when either date is of another year than now's: `22
    // Sep 2025` beside `21 Sep` read as the earlier of the two.
    let years = newest.year() != now.year() || seen.newest.year() != now.year();
    let day = |t: NaiveDateTime| {
        if years || t.year() != now.year() {
            t.format("%-d %b %Y").to_string()
        } else {
            t.format("%-d %b").to_string()
        }
    };
    let opened = if seen.opened.date() == now.date() {
        "earlier today".to_string()
    } else {
        day(seen.opened)
    };
    Some(format!(
        "this export looks older than one opened before: its newest invitation is {}, but you have seen one from {} (opened {opened})",
        day(newest),
        day(seen.newest)
    ))
}

/// Said after [`older_export`]'s warning when `skipped` rows of the export
/// could not be read: a damaged date may be its newest invitation's.
pub fn unread_newest(skipped: usize) -> String {
    match skipped {
        0 => String::new(),
        1 => "; its one row that could not be read may be its newest".to_string(),
        n => format!("; {n} of its rows could not be read, and its newest may be among them"),
    }
}

/// The survey's one-line summary:
/// `135 invitations: 13 customised · 10 greeting-only · 112 default (83%)`.
pub fn survey_line(b: &Breakdown) -> String {
    let c = |cat| b.by_category.get(cat);
    format!(
        "{} invitation{}: {} customised · {} greeting-only · {} default ({}%)",
        b.total,
        plural(b.total),
        c(Category::Customised),
        c(Category::GreetingOnly),
        c(Category::Default),
        b.shares().get(Category::Default),
    )
}

/// The heading every output carries about where the data came from.
fn source_line<T: Item>(import: &Import<T>) -> String {
    if import.source.is_sample() {
        "bundled sample (no file given; pass your Invitations.csv or LinkedIn's export .zip)".into()
    } else {
        import.origin.clone()
    }
}

/// Writes `text` wrapped to `width` at spaces, its first line indented by
/// `indent` and the others by two more spaces. Words are never split (not
/// at a hyphen, nor a path too long for the line).
fn write_wrapped(w: &mut impl Write, text: &str, indent: &str, width: usize) -> io::Result<()> {
    let more = format!("{indent}  ");
    let options = textwrap::Options::new(width)
        .initial_indent(indent)
        .subsequent_indent(&more)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for line in textwrap::wrap(text, options) {
        writeln!(w, "{line}")?;
    }
    Ok(())
}

/// How many rows could not be read, when any: stderr names each.
fn skipped_line<T: Item, W: Write>(w: &mut W, import: &Import<T>) -> io::Result<()> {
    if import.skipped.is_empty() {
        return Ok(());
    }
    writeln!(
        w,
        "  skipped {} unreadable row{} (listed on stderr)",
        import.skipped.len(),
        plural(import.skipped.len())
    )
}

/// Up to this many months, `stats` prints every one; beyond, a row per
/// year and then the last twelve months.
const MONTHS_IN_FULL: usize = 24;

/// `stats` as text, fitted to `width` columns (the terminal's; the layout
/// is at its widest from 90 on): the bars narrow, and the longer lines wrap
/// at spaces rather than where the terminal would cut them.
///
/// `marks_known`: whether the marks to withdraw in `stale` were read (the
/// journal may not be readable); when not, the advice to mark them says so.
#[allow(clippy::too_many_arguments)]
pub fn stats_text<T: Item, W: Write>(
    w: &mut W,
    import: &Import<T>,
    b: &Breakdown,
    filter: DirectionFilter,
    stale: Option<&[Stale<'_>]>,
    marks_known: bool,
    now: NaiveDateTime,
    stale_after_days: u32,
    width: usize,
) -> io::Result<()> {
    let width = width.max(40);
    write_wrapped(w, &source_line(import), "", width)?;
    let dir = match filter {
        DirectionFilter::Incoming => "incoming ",
        DirectionFilter::Outgoing => "sent ",
        DirectionFilter::All => "",
    };
    let survey = format!(
        "{} {dir}{}",
        b.total,
        survey_line(b).split_once(' ').map_or("", |x| x.1)
    );
    write_wrapped(w, &survey, "", width)?;
    if b.total == 0 && !import.is_empty() {
        // Rows were read, all of them the other way: say where they are
        // rather than draw empty bars.
        let n = import.len();
        // With rows skipped, those are not known to go the other way.
        // Invitations, not rows: a row repeated is counted once.
        let read = if import.skipped.is_empty() {
            ""
        } else {
            " read"
        };
        let (how, flag) = match filter {
            DirectionFilter::Outgoing => ("received", "incoming"),
            _ => ("sent", "outgoing"),
        };
        let (rows, them) = if n == 1 {
            (format!("its one invitation{read} is one you {how}"), "it")
        } else {
            (
                format!("its {n} invitations{read} are all ones you {how}"),
                "them",
            )
        };
        writeln!(w, "{rows}: `--direction {flag}` counts {them}")?;
        return skipped_line(w, import);
    }
    writeln!(w)?;
    let max = Category::ALL
        .iter()
        .map(|&c| b.by_category.get(c))
        .max()
        .unwrap_or(0);
    let no_note = format!("  {} with no note", b.no_note);
    // `(83%)`, or `(100%)` one wider.
    let share = |cat| format!("({}%)", b.shares().get(cat));
    let shares = Category::ALL
        .map(|c| share(c).len())
        .into_iter()
        .max()
        .unwrap_or(5)
        .max(5);
    // The row is `  default      112 (83%)  ███…  63 with no note`; where
    // that does not fit, the count of no notes has a line of its own.
    let lead = 26 + shares;
    let beside = width >= lead + 8 + no_note.len();
    let bars = match beside {
        true => width.saturating_sub(lead + no_note.len() + 1),
        false => width.saturating_sub(lead),
    }
    .clamp(8, 40);
    for cat in Category::ALL {
        let n = b.by_category.get(cat);
        let row = format!(
            "  {:<14}{:>7} {:>shares$}  {}{}",
            cat.label(),
            n,
            share(cat),
            bar(n, max, bars),
            if cat == Category::Default && beside {
                no_note.as_str()
            } else {
                ""
            }
        );
        // No bar for 0: no spaces left dangling after the count either.
        writeln!(w, "{}", row.trim_end())?;
    }
    if !beside {
        writeln!(w, "  default notes: {}", no_note.trim_start())?;
    }
    let s = b.signals;
    if b.by_category.get(Category::Customised) > 0 {
        let line = format!(
            "customised notes with context {} · reason {} · offer {} · pitch {}",
            s.context, s.reason, s.offer, s.pitch
        );
        write_wrapped(w, &line, "  ", width)?;
    }
    writeln!(w)?;
    if let (Some(old), Some(new)) = (b.oldest, b.newest) {
        writeln!(
            w,
            "  oldest  {}  ({})",
            human_date(old),
            Age::between(old, now).long()
        )?;
        writeln!(
            w,
            "  newest  {}  ({})",
            human_date(new),
            Age::between(new, now).long()
        )?;
        writeln!(w)?;
        // `  Nov 2026      24  ███…`
        let bars = width.saturating_sub(21).clamp(8, 40);
        let rows = |w: &mut W, rows: &[(String, usize)]| -> io::Result<()> {
            let max = rows.iter().map(|r| r.1).max().unwrap_or(0);
            for (label, n) in rows {
                let row = format!("  {label:<8}  {n:>6}  {}", bar(*n, max, bars));
                writeln!(w, "{}", row.trim_end())?;
            }
            Ok(())
        };
        let months: Vec<(String, usize)> =
            b.by_month.iter().map(|(m, n)| (m.label(), *n)).collect();
        if months.len() <= MONTHS_IN_FULL {
            writeln!(w, "  by month")?;
            rows(w, &months)?;
        } else {
            // Years of months would push everything above off the screen:
            // a row per year, then the last twelve months. `--json` keeps
            // every month.
            // A year without one shows 0, as a month does; a run of more
            // than two is one row (`2027–98`): one date misread as 2099
            // would otherwise list seventy empty years.
            let mut years: Vec<(String, usize)> = Vec::new();
            let by_year = b.by_year();
            let mut i = 0;
            while i < by_year.len() {
                let (year, n) = by_year[i];
                let empty = by_year[i..].iter().take_while(|&&(_, n)| n == 0).count();
                if empty > 2 {
                    let last = by_year[i + empty - 1].0;
                    // `2027–98`: as wide as `Nov 2026`, the counts aligned.
                    years.push((format!("{year}–{:02}", last % 100), 0));
                    i += empty;
                } else {
                    years.push((year.to_string(), n));
                    i += 1;
                }
            }
            writeln!(w, "  by year (`--json` has every month)")?;
            rows(w, &years)?;
            writeln!(w)?;
            // The newest twelve months with invitations: a date misread
            // as 2099 would otherwise show eleven empty months of 2098.
            let with: Vec<(String, usize)> = months.iter().filter(|m| m.1 > 0).cloned().collect();
            let newest = &with[with.len().saturating_sub(12)..];
            if newest.len() == 12 && with.len() == months.len() {
                writeln!(w, "  by month, the newest 12 of {}", months.len())?;
            } else {
                let line = format!("by month, the newest {} with invitations", newest.len());
                write_wrapped(w, &line, "  ", width)?;
            }
            rows(w, newest)?;
        }
    }
    if let Some(stale) = stale {
        writeln!(w)?;
        let marked = stale.iter().filter(|s| s.to_withdraw).count();
        let marked_note = match (marked, stale.iter().filter(|s| !s.stale).count()) {
            (0, _) => String::new(),
            (n, 0) => format!("; {n} marked to withdraw"),
            (1, _) => "; 1 marked to withdraw, sent more recently".to_string(),
            (n, young) => format!("; {n} marked to withdraw, {young} of them sent more recently"),
        };
        // Those marked to withdraw are listed however young, and not
        // counted as pending that long.
        let line = format!(
            "sent and still pending after {}: {} (worth a follow-up, or withdrawing{marked_note})",
            crate::text::days(stale_after_days),
            stale.iter().filter(|s| s.stale).count()
        );
        write_wrapped(w, &line, "  ", width)?;
        // Those still to decide on first, up to ten, then those marked to
        // withdraw, up to ten (hundreds marked at once buried the one left
        // to decide on, under "… and 1 more"), each with what is left out.
        let unmarked: Vec<&Stale<'_>> = stale.iter().filter(|s| !s.to_withdraw).collect();
        let marked_rows: Vec<&Stale<'_>> = stale.iter().filter(|s| s.to_withdraw).collect();
        let blocks = [
            (&unmarked[..unmarked.len().min(10)], unmarked.len(), ""),
            (
                &marked_rows[..marked_rows.len().min(10)],
                marked_rows.len(),
                " marked to withdraw",
            ),
        ];
        let shown: Vec<&Stale<'_>> = blocks.iter().flat_map(|b| b.0.iter().copied()).collect();
        // `    Name…   customised    3 months ago  to withdraw`: on a
        // narrow terminal the names are cut shorter, then the group goes.
        let tail = if shown.iter().any(|s| s.to_withdraw) {
            // `11 months ago  to withdraw`
            27
        } else {
            13
        };
        let with_group = width >= 4 + 16 + 1 + 14 + tail;
        let group_cols = if with_group { 14 } else { 0 };
        let name_cols = width.saturating_sub(4 + 1 + tail + group_cols).clamp(8, 24);
        for (rows, all, what) in blocks {
            for s in rows {
                let inv = s.inv;
                // Padded by columns, not characters: `李小龍` takes six.
                let name = fit(&name_line(inv.to()), name_cols);
                let pad = name_cols.saturating_sub(name.width());
                let group = if with_group {
                    format!("{:<13} ", inv.category.label())
                } else {
                    String::new()
                };
                let row = format!(
                    "    {name}{} {group}{:<14}{}",
                    " ".repeat(pad),
                    Age::between(inv.sent_at, now).long(),
                    if s.to_withdraw { " to withdraw" } else { "" }
                );
                writeln!(w, "{}", row.trim_end())?;
            }
            if all > rows.len() {
                writeln!(w, "    … and {} more{what}", all - rows.len())?;
            }
        }
        if !marks_known {
            write_wrapped(
                w,
                "marks to withdraw not shown: the journal could not be read (see the warning above)",
                "  ",
                width,
            )?;
        } else if stale.iter().any(|s| !s.to_withdraw) {
            write_wrapped(
                w,
                "mark the ones to withdraw on the triage screen's Sent tab; `invitriage export` then lists them",
                "  ",
                width,
            )?;
        }
    }
    if !import.skipped.is_empty() {
        writeln!(w)?;
        skipped_line(w, import)?;
    }
    let duplicates = duplicates_of(import, filter);
    if duplicates > 0 {
        writeln!(
            w,
            "  {duplicates} duplicate row{} counted once",
            if duplicates == 1 { "" } else { "s" }
        )?;
    }
    Ok(())
}

/// How many of the rows left out as duplicates are of the direction
/// counted, so that the count goes with the total beside it.
fn duplicates_of<T: Item>(import: &Import<T>, filter: DirectionFilter) -> usize {
    (import.duplicates.iter())
        .filter(|d| filter.matches(d.direction))
        .count()
}

#[derive(Serialize)]
struct StatsJson<'a> {
    source: String,
    sample: bool,
    direction: &'a str,
    total: usize,
    by_category: crate::stats::PerCategory,
    /// Ordered as `by_category` is.
    percent: crate::stats::PerCategory,
    no_note: usize,
    oldest: Option<NaiveDateTime>,
    newest: Option<NaiveDateTime>,
    oldest_age_days: Option<i64>,
    newest_age_days: Option<i64>,
    by_month: Vec<MonthJson>,
    signals: crate::stats::SignalCounts,
    skipped_rows: Vec<SkippedJson<'a>>,
    /// Sent invitations pending past the configured age, and those marked
    /// to withdraw however young (outgoing and all); `null` when the sent
    /// ones are not counted (incoming), so every object has the same keys.
    stale_sent: Option<Vec<StaleJson<'a>>>,
    duplicates: usize,
    encoding: &'static str,
}

#[derive(Serialize)]
struct MonthJson {
    month: String,
    count: usize,
}

#[derive(Serialize)]
struct StaleJson<'a> {
    to: &'a str,
    /// `null` for an export without the URL columns.
    profile_url: Option<&'a str>,
    category: &'static str,
    sent_at: NaiveDateTime,
    age_days: i64,
    /// Pending past the configured age (false: listed as marked only).
    stale: bool,
    /// Marked to withdraw in the triage screen (the journal); `null` when
    /// the journal could not be read.
    to_withdraw: Option<bool>,
}

#[derive(Serialize)]
struct SkippedJson<'a> {
    line: u64,
    reason: &'a str,
}

/// `stats --json`: one JSON object.
pub fn stats_json<T: Item>(
    w: &mut impl Write,
    import: &Import<T>,
    b: &Breakdown,
    filter: DirectionFilter,
    stale: Option<&[Stale<'_>]>,
    marks_known: bool,
    now: NaiveDateTime,
) -> io::Result<()> {
    let out = StatsJson {
        // A name, as for a file: the sentence of the text heading is for
        // a person.
        source: import.origin.clone(),
        sample: import.source.is_sample(),
        direction: filter.label(),
        total: b.total,
        by_category: b.by_category,
        percent: b.shares(),
        no_note: b.no_note,
        oldest: b.oldest,
        newest: b.newest,
        oldest_age_days: b.oldest.map(|d| Age::between(d, now).days),
        newest_age_days: b.newest.map(|d| Age::between(d, now).days),
        by_month: b
            .by_month
            .iter()
            .map(|(m, n)| MonthJson {
                month: m.to_string(),
                count: *n,
            })
            .collect(),
        signals: b.signals,
        skipped_rows: import
            .skipped
            .iter()
            .map(|s| SkippedJson {
                line: s.line,
                reason: &s.reason,
            })
            .collect(),
        stale_sent: stale.map(|stale| {
            stale
                .iter()
                .map(|s| StaleJson {
                    to: s.inv.to(),
                    profile_url: Some(s.inv.invitee_url()).filter(|u| !u.trim().is_empty()),
                    category: s.inv.category.label(),
                    sent_at: s.inv.sent_at,
                    age_days: Age::between(s.inv.sent_at, now).days,
                    stale: s.stale,
                    to_withdraw: marks_known.then_some(s.to_withdraw),
                })
                .collect()
        }),
        duplicates: duplicates_of(import, filter),
        encoding: import.encoding.label(),
    };
    serde_json::to_writer_pretty(&mut *w, &out)?;
    writeln!(w)
}

/// The output formats of `classify`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ClassifyFormat {
    Table,
    Csv,
    Json,
}

/// `classify --format csv`: the export's seven columns plus `category` and `signals`.
pub fn classify_csv<'a>(
    w: impl Write,
    invs: impl Iterator<Item = &'a Invitation>,
) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(
        crate::import::HEADER_COLUMNS
            .iter()
            .chain(&["category", "signals"]),
    )
    .map_err(csv_io)?;
    for inv in invs {
        out.write_record([
            inv.from(),
            inv.to(),
            &linkedin_date(inv.sent_at),
            inv.message(),
            inv.direction.export_label(),
            inv.inviter_url(),
            inv.invitee_url(),
            inv.category.label(),
            &inv.signals.to_csv(),
        ])
        .map_err(csv_io)?;
    }
    out.flush()
}

/// A CSV writer's error as the `io::Error` it wraps, kind and all, so that a
/// closed pipe (`| head`) stays `BrokenPipe` and ends the command quietly
/// (`csv`'s own conversion makes every error `ErrorKind::Other`).
pub(crate) fn csv_io(e: csv::Error) -> io::Error {
    if !e.is_io_error() {
        return io::Error::other(e);
    }
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

#[derive(Serialize)]
struct InvitationJson<'a> {
    id: String,
    line: u32,
    from: &'a str,
    to: &'a str,
    sent_at: NaiveDateTime,
    direction: &'static str,
    message: &'a str,
    /// `null` when the export has none (an older one), as in `export`.
    inviter_profile_url: Option<&'a str>,
    invitee_profile_url: Option<&'a str>,
    category: &'static str,
    signals: Vec<&'static str>,
}

/// `classify --format json`: one array, written as it goes.
pub fn classify_json<'a>(
    mut w: impl Write,
    invs: impl Iterator<Item = &'a Invitation>,
) -> io::Result<()> {
    w.write_all(b"[")?;
    for (i, inv) in invs.enumerate() {
        w.write_all(if i == 0 { b"\n  " } else { b",\n  " })?;
        serde_json::to_writer(
            &mut w,
            &InvitationJson {
                id: inv.id.to_string(),
                line: inv.line,
                from: inv.from(),
                to: inv.to(),
                sent_at: inv.sent_at,
                direction: inv.direction.label(),
                message: inv.message(),
                inviter_profile_url: Some(inv.inviter_url()).filter(|u| !u.trim().is_empty()),
                invitee_profile_url: Some(inv.invitee_url()).filter(|u| !u.trim().is_empty()),
                category: inv.category.label(),
                signals: inv.signals.labels().collect(),
            },
        )?;
    }
    w.write_all(b"\n]\n")
}

/// `classify --format table`: one aligned line per invitation.
pub fn classify_table<'a>(
    mut w: impl Write,
    import: &Import,
    invs: impl Iterator<Item = &'a Invitation>,
    width: usize,
) -> io::Result<()> {
    let rows: Vec<(&Invitation, String)> = invs.map(|i| (i, i.signals.to_csv())).collect();
    // SIGNALS as wide as its longest entry; FROM gives up columns, down to
    // 16, before the note goes below 30.
    let signals = rows
        .iter()
        .map(|(_, s)| s.len())
        .chain([SIGNALS.len()])
        .max()
        .unwrap_or(0);
    // LINE as wide as the last line's number needs, six at least (a file
    // of over a million lines has seven digits).
    let line = rows
        .iter()
        .map(|(i, _)| i.line.to_string().len())
        .max()
        .unwrap_or(0)
        .max(6);
    let fixed = |from: usize| line + 2 + 13 + 2 + signals + 2 + from + 2;
    write_wrapped(&mut w, &source_line(import), "", width)?;
    // FROM is the sender; on a row you sent, the one you sent it to.
    let name_of = |inv: &Invitation| match inv.direction {
        Direction::Incoming => name_line(inv.counterpart()),
        Direction::Outgoing => format!("to {}", name_line(inv.counterpart())),
    };
    // Too narrow for a row a line that reads (the note would get under 30
    // columns with FROM at 16, cut to a few words): two lines an
    // invitation, the signals and note below, indented.
    if fixed(16) + 30 > width {
        let under = line + 2;
        writeln!(w, "{:>line$}  {:<13}  FROM", "LINE", "CATEGORY")?;
        writeln!(w, "{:under$}{SIGNALS} · NOTE", "")?;
        let rest = width.saturating_sub(line + 2 + 13 + 2).max(10);
        for (inv, sig) in &rows {
            let row = format!(
                "{:>line$}  {:<13}  {}",
                inv.line,
                inv.category.label(),
                fit(&name_of(inv), rest)
            );
            writeln!(w, "{}", row.trim_end())?;
            let note = one_line(inv.message());
            let below = match (sig.is_empty(), note.trim().is_empty()) {
                (true, true) => continue,
                (false, true) => sig.clone(),
                (true, false) => note,
                (false, false) => format!("{sig} · {note}"),
            };
            let below = fit(&below, width.saturating_sub(under).max(10));
            writeln!(w, "{:under$}{}", "", below.trim_end())?;
        }
        return Ok(());
    }
    let from = 22 - (fixed(22) + 30).saturating_sub(width).min(22 - 16);
    let note = width.saturating_sub(fixed(from)).max(10);
    writeln!(
        w,
        "{:>line$}  {:<13}  {SIGNALS:<signals$}  {:<from$}  NOTE",
        "LINE", "CATEGORY", "FROM"
    )?;
    for (inv, sig) in &rows {
        let name = fit(&name_of(inv), from);
        let pad = from.saturating_sub(name.width());
        let row = format!(
            "{:>line$}  {:<13}  {sig:<signals$}  {}{}  {}",
            inv.line,
            inv.category.label(),
            name,
            " ".repeat(pad),
            fit(&one_line(inv.message()), note)
        );
        writeln!(w, "{}", row.trim_end())?;
    }
    Ok(())
}

const SIGNALS: &str = "SIGNALS";

/// Output bound for a terminal: control characters from the export (an
/// escape sequence in a name or note, BEL, a lone carriage return, C1
/// codes, bidirectional overrides that reorder what is shown) are written
/// as `�` instead of acting on the terminal; line ends and tabs pass.
/// Counts what it replaced, for a note. Files and pipes get the bytes as
/// they are: this wraps only a terminal's standard output.
///
/// Written by hand: a filter over text as it streams, holding back only
/// an unfinished character or a `\r` whose next byte decides it; no crate
/// does that for an `io::Write`.
pub struct ShowControls<W: Write> {
    inner: W,
    /// Bytes not yet written: the end of a character cut by the last
    /// write, or a `\r`.
    held: Vec<u8>,
    shown: std::rc::Rc<std::cell::Cell<usize>>,
}

impl<W: Write> ShowControls<W> {
    /// Wraps `inner`; `shown` counts the characters replaced.
    pub fn new(inner: W, shown: std::rc::Rc<std::cell::Cell<usize>>) -> Self {
        ShowControls {
            inner,
            held: Vec::new(),
            shown,
        }
    }

    /// Writes what is held, up to what the end of it still leaves open
    /// (unless `done`).
    fn pass(&mut self, done: bool) -> io::Result<()> {
        let mut out = String::with_capacity(self.held.len() + 8);
        let mut rest = &self.held[..];
        loop {
            let (text, bad) = match std::str::from_utf8(rest) {
                Ok(text) => (text, None),
                Err(e) => (
                    // Safe to cut: from_utf8 checked this much.
                    std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or_default(),
                    Some(e),
                ),
            };
            let mut chars = text.char_indices().peekable();
            while let Some((at, c)) = chars.next() {
                match c {
                    '\n' | '\t' => out.push(c),
                    '\r' => match chars.peek() {
                        Some((_, '\n')) => out.push(c),
                        // The next write says what it is.
                        None if !done && bad.is_none() => {
                            rest = &rest[at..];
                            return self.finish(out, rest.len());
                        }
                        _ => self.replace(&mut out),
                    },
                    c if c.is_control() || is_bidi_control(c) => self.replace(&mut out),
                    c => out.push(c),
                }
            }
            match bad {
                None => return self.finish(out, 0),
                // A character cut at the end: wait for its other bytes.
                Some(e) if e.error_len().is_none() && !done => {
                    let keep = rest.len() - e.valid_up_to();
                    return self.finish(out, keep);
                }
                // Not UTF-8 (never from these outputs): as `�` too.
                Some(e) => {
                    self.replace(&mut out);
                    let skip =
                        e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                    rest = &rest[skip..];
                    self.inner.write_all(out.as_bytes())?;
                    out.clear();
                }
            }
        }
    }

    /// Writes `out` and keeps the last `keep` bytes held.
    fn finish(&mut self, out: String, keep: usize) -> io::Result<()> {
        self.inner.write_all(out.as_bytes())?;
        let from = self.held.len() - keep;
        self.held.drain(..from);
        Ok(())
    }

    fn replace(&self, out: &mut String) {
        out.push('\u{fffd}');
        self.shown.set(self.shown.get() + 1);
    }
}

impl<W: Write> Write for ShowControls<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.held.extend_from_slice(buf);
        self.pass(false)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.pass(true)?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `stats` as text of the breakdown `b` of `import`, on 25 Nov 2026 at
    /// noon, with sent invitations stale after 21 days.
    fn render(
        import: &Import,
        b: &Breakdown,
        filter: DirectionFilter,
        stale: Option<&[Stale<'_>]>,
        width: usize,
    ) -> String {
        let mut out = Vec::new();
        stats_text(&mut out, import, b, filter, stale, true, now(), 21, width).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The moment the tests print `stats` at.
    fn now() -> chrono::NaiveDateTime {
        crate::import::parse_sent_at("2026-11-25T12:00:00").unwrap()
    }

    /// The bundled sample, classified.
    fn sample() -> Import {
        let classifier = crate::classify::Classifier::default();
        let classify = |n: &str, f: &str, t: &str| classifier.classify(n, f, t);
        crate::import::load_classified(&crate::import::Source::Sample, &classify, now()).unwrap()
    }

    /// Beside a date of another year, the other date gives its year too:
    /// `22 Sep 2025` beside a bare `21 Sep` read as the earlier one.
    #[test]
    fn an_older_export_names_the_years_of_both_dates() {
        use chrono::Datelike;
        let t = |s| crate::import::parse_sent_at(s).unwrap();
        let last_year: Vec<Invitation> = sample()
            .invitations
            .into_iter()
            .filter(|i| i.sent_at.year() == 2025)
            .collect();
        let newest = last_year.iter().map(|i| i.sent_at).max().unwrap();
        let seen = crate::journal::Seen {
            newest: t("2026-09-21T09:00:00"),
            opened: t("2026-11-24T12:00:00"),
        };
        let note = older_export(seen, &last_year, now()).unwrap();
        assert!(
            note.contains(&format!(
                "its newest invitation is {}, but you have seen one from 21 Sep 2026 (opened 24 Nov 2026)",
                newest.format("%-d %b %Y"),
            )),
            "{note}"
        );
    }

    /// At 60 columns no line of `stats` is longer than the terminal, and
    /// the words are the same as at full width, in the same order.
    #[test]
    fn stats_text_fits_a_narrow_terminal() {
        let import = sample();
        let b = crate::stats::breakdown(&import.invitations, DirectionFilter::All);
        let stale = crate::stats::stale_sent(&import.invitations, now(), 21, |_| false);
        let text = |width| render(&import, &b, DirectionFilter::All, Some(&stale), width);
        let (narrow, wide) = (text(60), text(100));
        for line in narrow.lines() {
            assert!(line.chars().count() <= 60, "{line:?}\n{narrow}");
        }
        assert!(wide.lines().any(|l| l.chars().count() > 60));
        let words = |t: &str| {
            t.split_whitespace()
                .filter(|w| !w.starts_with('█'))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert_eq!(words(&narrow), words(&wide));
        // Every width from 40 up, each direction, and a group at 100%
        // with a sent invitation marked to withdraw: nothing passes it.
        let sent: Vec<Invitation> = import
            .invitations
            .iter()
            .filter(|i| i.direction == Direction::Outgoing)
            .cloned()
            .collect();
        let marked = crate::stats::stale_sent(&sent, now(), 21, |i| i.line % 2 == 0);
        let one_group = crate::stats::breakdown(&sent[..1], DirectionFilter::Outgoing);
        for width in 40..=60 {
            for filter in [
                DirectionFilter::All,
                DirectionFilter::Incoming,
                DirectionFilter::Outgoing,
            ] {
                let b = crate::stats::breakdown(&import.invitations, filter);
                for text in [
                    render(&import, &b, filter, Some(&marked), width),
                    render(
                        &import,
                        &one_group,
                        DirectionFilter::Outgoing,
                        Some(&marked),
                        width,
                    ),
                ] {
                    for line in text.lines() {
                        assert!(line.width() <= width, "{width}: {line:?}\n{text}");
                    }
                }
            }
        }
        // Narrower (40 columns at least are drawn), the count of notes
        // with none takes a line of its own.
        for width in [40, 50] {
            let text = text(width);
            for line in text.lines() {
                assert!(line.chars().count() <= width, "{line:?}\n{text}");
            }
            assert!(text.contains("\n  default notes: "), "{text}");
        }
        // A month with no invitation (the sample sent none in May 2026)
        // ends at its count, with no spaces after it.
        let sent = crate::stats::breakdown(&import.invitations, DirectionFilter::Outgoing);
        let sent = render(&import, &sent, DirectionFilter::Outgoing, Some(&stale), 100);
        assert!(sent.contains("  May 2026       0\n"), "{sent}");
        for text in [&narrow, &wide, &sent] {
            assert!(text.lines().all(|l| l == l.trim_end()), "{text}");
        }
    }

    /// The stale list's columns line up by terminal columns: a name in
    /// Chinese characters (two columns each) is padded as wide as a Latin
    /// one.
    #[test]
    fn the_stale_list_lines_up_wide_names() {
        let import = sample();
        let sent = |to: &str| {
            Invitation::new(crate::invitation::Fields {
                from: "Colleen Ruiz",
                to,
                message: "",
                inviter_url: "",
                invitee_url: "",
                sent_at: now() - chrono::Duration::days(60),
                direction: Direction::Outgoing,
                line: 2,
            })
        };
        let invs = [sent("Karim Petrov"), sent("李小龍 Wang")];
        let stale = crate::stats::stale_sent(&invs, now(), 21, |_| false);
        let b = crate::stats::breakdown(&invs, DirectionFilter::Outgoing);
        let out = render(&import, &b, DirectionFilter::Outgoing, Some(&stale), 100);
        let column = |name: &str| {
            let line = out.lines().find(|l| l.contains(name)).expect(&out);
            line[..line.find(" default").unwrap()].width()
        };
        assert_eq!(column("Karim Petrov"), column("李小龍 Wang"), "{out}");
    }

    /// Up to 24 months `stats` prints each; from 25 on, a row per year and
    /// the newest twelve months, so the summary stays on one screen.
    #[test]
    fn a_long_inbox_prints_years_then_the_newest_months() {
        use crate::stats::Month;
        let import = sample();
        let text = |months: usize| {
            let mut b = crate::stats::breakdown(&import.invitations, DirectionFilter::Incoming);
            // Month i (from 0) of a span ending Nov 2026 holds i + 1.
            b.by_month = (0..months)
                .map(|i| {
                    let back = (months - 1 - i) as i32;
                    let index = 2026 * 12 + 10 - back;
                    let month = Month {
                        year: index.div_euclid(12),
                        month: index.rem_euclid(12) as u32 + 1,
                    };
                    (month, i + 1)
                })
                .collect();
            render(&import, &b, DirectionFilter::Incoming, None, 80)
        };
        let full = text(24);
        assert!(full.contains("  by month\n  Dec 2024       1  "), "{full}");
        assert!(full.contains("  Nov 2026      24  "), "{full}");
        assert!(!full.contains("by year"), "{full}");
        let long = text(25);
        let tail = long.split_once("  by year").unwrap().1;
        let lines: Vec<&str> = tail.lines().collect();
        // 2024 holds months 1 and 2; 2025, 3..=14; 2026, 15..=25.
        assert_eq!(lines[0], " (`--json` has every month)");
        assert!(lines[1].starts_with("  2024           3  ▋"), "{long}");
        assert!(lines[2].starts_with("  2025         102  "), "{long}");
        assert!(lines[3].starts_with("  2026         220  "), "{long}");
        assert_eq!(lines[4], "");
        assert_eq!(lines[5], "  by month, the newest 12 of 25");
        assert!(lines[6].starts_with("  Dec 2025      14  "), "{long}");
        assert!(lines[17].starts_with("  Nov 2026      25  "), "{long}");
        assert_eq!(lines.len(), 18, "{long}");
        // The widest bar of each table fills its room (80 - 21 = 59, at most 40).
        assert_eq!(lines[3].matches('█').count(), 40, "{long}");
        assert_eq!(lines[17].matches('█').count(), 40, "{long}");
        // Years without an invitation are one row: a misread 2099 does
        // not list seventy empty years.
        let mut b = crate::stats::breakdown(&import.invitations, DirectionFilter::Incoming);
        let month = |year, month| Month { year, month };
        b.by_month = (0..12 * 74)
            .map(|i| (month(2026 + i / 12, (i % 12) as u32 + 1), 0))
            .collect();
        b.by_month[0].1 = 5;
        b.by_month.last_mut().unwrap().1 = 1;
        let outlier = render(&import, &b, DirectionFilter::Incoming, None, 80);
        let years = outlier.split_once("  by year").unwrap().1;
        let years = years.split_once("\n\n").unwrap().0;
        assert_eq!(years.lines().count(), 4, "{years}");
        assert!(years.contains("\n  2026           5  "), "{years}");
        assert!(years.contains("\n  2027–98        0\n"), "{years}");
        assert!(years.contains("\n  2099           1  "), "{years}");
        // A year without one between two that have some shows 0, as a
        // month does.
        let mut gap = b.clone();
        gap.by_month = (0..12 * 5)
            .map(|i| (month(2022 + i / 12, (i % 12) as u32 + 1), 0))
            .collect();
        for (i, n) in [(0, 2), (12, 3), (36, 4), (59, 1)] {
            gap.by_month[i].1 = n;
        }
        let gap = render(&import, &gap, DirectionFilter::Incoming, None, 80);
        let rows: Vec<&str> = gap.split_once("  by year").unwrap().1.lines().collect();
        let rows: Vec<&str> = rows[1..6].iter().map(|r| &r[..18]).collect();
        assert_eq!(
            rows,
            [
                "  2022           2",
                "  2023           3",
                "  2024           0",
                "  2025           4",
                "  2026           1"
            ],
            "{gap}"
        );
        // And months without one: the two that have some.
        let months = outlier.split_once("  by month").unwrap().1;
        let months: Vec<&str> = months.lines().collect();
        assert_eq!(months[0], ", the newest 2 with invitations", "{outlier}");
        assert!(months[1].starts_with("  Jan 2026       5  "), "{outlier}");
        assert!(months[2].starts_with("  Dec 2099       1  "), "{outlier}");
    }

    #[test]
    fn bars_are_proportional_and_never_empty_for_a_count() {
        assert_eq!(bar(112, 112, 31).chars().count(), 31);
        assert_eq!(bar(13, 112, 31), "███▋"); // 3.6 cells, to an eighth
        assert_eq!(bar(1, 1000, 40), "▏");
        assert_eq!(bar(0, 112, 31), "");
        assert_eq!(bar(5, 0, 31), "");
    }

    /// The group rows at 80 columns: the widest bar fills the line but one
    /// column; the signals line only when there are customised notes; the
    /// stale list stops at ten and says how many more.
    #[test]
    fn stats_text_rows() {
        let import = sample();
        let stale = crate::stats::stale_sent(&import.invitations, now(), 21, |_| false);
        let text = |invs: &[Invitation], stale: Option<&[Stale<'_>]>| {
            let b = crate::stats::breakdown(invs, DirectionFilter::Incoming);
            render(&import, &b, DirectionFilter::Incoming, stale, 80)
        };
        let all = text(&import.invitations, Some(&stale));
        let row = all.lines().find(|l| l.starts_with("  default ")).unwrap();
        assert_eq!(row.chars().count(), 79, "{row}");
        assert_eq!(row.matches('█').count(), 31, "{row}");
        assert!(all.contains("customised notes with context"), "{all}");
        assert_eq!(stale.len(), 15);
        assert!(all.contains("… and 5 more"), "{all}");
        assert!(all.contains("mark the ones to withdraw"), "{all}");
        assert!(!all.contains("marked to withdraw"), "{all}");
        let ten = text(&import.invitations, Some(&stale[..10]));
        assert!(!ten.contains("… and"), "{ten}");
        // Those the triage screen marked to withdraw say so.
        let mut marked = stale.clone();
        marked[0].to_withdraw = true;
        marked[2].to_withdraw = true;
        let some = text(&import.invitations, Some(&marked));
        let flat = some.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("(worth a follow-up, or withdrawing; 2 marked to withdraw)"),
            "{some}"
        );
        let row = |s: &Stale<'_>| {
            let name = one_line(s.inv.to());
            some.lines()
                .find(|l| l.contains(&name))
                .unwrap()
                .to_string()
        };
        assert!(row(&marked[0]).ends_with(" to withdraw"), "{some}");
        assert!(!row(&marked[1]).ends_with(" to withdraw"), "{some}");
        assert!(row(&marked[2]).ends_with(" to withdraw"), "{some}");
        assert!(some.contains("mark the ones to withdraw"), "{some}");
        // One marked past the tenth is shown too, after the ten unmarked
        // ones still to decide on.
        let mut late = stale.clone();
        late[13].to_withdraw = true;
        let some = text(&import.invitations, Some(&late));
        let name = one_line(late[13].inv.to());
        let row = some.lines().find(|l| l.contains(&name)).expect("shown");
        assert!(row.ends_with(" to withdraw"), "{some}");
        assert!(some.contains(&one_line(late[9].inv.to())), "{some}");
        assert!(!some.contains(&one_line(late[10].inv.to())), "{some}");
        assert!(some.contains("… and 4 more\n"), "{some}");
        assert!(
            some.find(&one_line(late[9].inv.to())) < some.find(&name),
            "{some}"
        );
        for s in &mut marked {
            s.to_withdraw = true;
        }
        let every = text(&import.invitations, Some(&marked));
        assert!(!every.contains("mark the ones to withdraw"), "{every}");
        // One marked before it is stale is listed, and not counted stale.
        let young = import
            .invitations
            .iter()
            .filter(|i| i.direction == crate::invitation::Direction::Outgoing)
            .max_by_key(|i| i.sent_at)
            .unwrap();
        let mut with_young = marked.clone();
        with_young.push(Stale {
            inv: young,
            stale: false,
            to_withdraw: true,
        });
        let some = text(&import.invitations, Some(&with_young));
        let flat = some.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(
                "after 21 days: 15 (worth a follow-up, or withdrawing; 16 marked to withdraw, 1 of them sent more recently)"
            ),
            "{some}"
        );
        // Ten of the sixteen marked are listed; the rest counted.
        assert!(
            some.contains("    … and 6 more marked to withdraw\n"),
            "{some}"
        );
        let fewer = [&with_young[..3], &with_young[15..]].concat();
        let some = text(&import.invitations, Some(&fewer));
        let row = some.lines().find(|l| l.contains(&one_line(young.to())));
        assert!(row.is_some_and(|r| r.ends_with(" to withdraw")), "{some}");
        let defaults: Vec<Invitation> = import
            .invitations
            .iter()
            .filter(|i| i.category == Category::Default)
            .cloned()
            .collect();
        let plain = text(&defaults, None);
        assert!(plain.contains("112 incoming"), "{plain}");
        assert!(!plain.contains("customised notes with"), "{plain}");
    }

    /// The table fits an 80-column terminal: FROM narrows so that the note
    /// keeps 20 columns, and no row ends in spaces (an empty note).
    #[test]
    fn classify_table_fits_80_columns() {
        use unicode_width::UnicodeWidthStr;
        let import = sample();
        let table = |width| {
            let mut out = Vec::new();
            classify_table(&mut out, &import, import.invitations.iter(), width).unwrap();
            String::from_utf8(out).unwrap()
        };
        // One line a row while the note keeps 30 columns: FROM gives up
        // columns first.
        let (narrow, wide) = (table(96), table(120));
        for line in narrow.lines() {
            assert!(line.width() <= 96, "{line:?}");
            assert_eq!(line, line.trim_end());
        }
        assert!(narrow.contains("Kenji Jankowski  "), "{narrow}");
        assert!(
            narrow.contains("  Hi Colleen, Priya Natarajan i…\n"),
            "{narrow}"
        );
        assert!(wide.contains("Kenji Jankowski "), "{wide}");
        let rows = |t: &str| {
            t.lines()
                .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
                .count()
        };
        assert_eq!(rows(&narrow), import.invitations.len());
        assert_eq!(rows(&wide), import.invitations.len());
        // Narrower, where the note would get under 30 columns (80 here),
        // each invitation takes two lines: the signals and note go below.
        let eighty = table(80);
        assert!(
            eighty.contains("customised     Kenji Jankowski\n"),
            "{eighty}"
        );
        assert_eq!(rows(&eighty), import.invitations.len());
        let tiny = table(40);
        assert_eq!(rows(&tiny), import.invitations.len());
        for line in tiny.lines() {
            assert!(line.width() <= 40, "{line:?}");
            assert_eq!(line, line.trim_end());
        }
        assert!(tiny.contains("customised     Kenji Jankowski\n"), "{tiny}");
        assert!(
            tiny.contains("\n        context · Hi Colleen, Priya Nat…\n"),
            "{tiny}"
        );
        // A row without a note or signals keeps to one line.
        let blank = import
            .invitations
            .iter()
            .find(|i| i.message().is_empty() && i.signals.to_csv().is_empty())
            .expect("the sample has invitations without a note");
        let at = tiny
            .find(&format!("\n{:>6}  default", blank.line))
            .expect("its row");
        let next = tiny[at + 1..].lines().nth(1).unwrap();
        assert!(!next.starts_with("        "), "{next:?}");
        // Past a million lines, LINE widens with the numbers: the columns
        // stay under their heads.
        let mut far = sample();
        far.invitations.truncate(2);
        far.invitations[1].line = 1_234_567;
        let mut out = Vec::new();
        classify_table(&mut out, &far, far.invitations.iter(), 120).unwrap();
        let out = String::from_utf8(out).unwrap();
        let head = out.lines().find(|l| l.contains("CATEGORY")).unwrap();
        let last = out.lines().last().unwrap();
        assert!(last.starts_with("1234567  "), "{out}");
        assert_eq!(head.find("CATEGORY"), Some(9), "{out}");
    }

    #[test]
    fn dates_print_like_linkedin() {
        let dt = crate::import::parse_sent_at("7/8/26, 3:43 PM").unwrap();
        assert_eq!(linkedin_date(dt), "7/8/26, 3:43 PM");
        // A year a two-digit one would not read back as.
        for (year, shown) in [(1999, "7/8/1999, 3:43 PM"), (2100, "7/8/2100, 3:43 PM")] {
            let then = chrono::Datelike::with_year(&dt, year).unwrap();
            assert_eq!(linkedin_date(then), shown);
            assert_eq!(crate::import::parse_sent_at(shown), Some(then));
        }
        assert_eq!(human_date(dt), "8 Jul 2026");
    }

    /// Bound for a terminal, an escape sequence, BEL, a lone CR and a C1
    /// code show as `�`, however the writes cut them; CR-LF, tabs, line
    /// ends and other text pass as they are.
    #[test]
    fn a_terminal_gets_control_characters_shown_not_obeyed() {
        let text = "Evil \u{1b}[31mRed\u{7}\r\n\tcafé\rx\u{9b}y\u{7f}R\u{202e}L 👋\n";
        let want =
            "Evil \u{fffd}[31mRed\u{fffd}\r\n\tcafé\u{fffd}x\u{fffd}y\u{fffd}R\u{fffd}L 👋\n";
        for cut in 1..=text.len() {
            let shown = std::rc::Rc::new(std::cell::Cell::new(0));
            let mut w = ShowControls::new(Vec::new(), shown.clone());
            for piece in text.as_bytes().chunks(cut) {
                w.write_all(piece).unwrap();
            }
            w.flush().unwrap();
            assert_eq!(String::from_utf8(w.inner).unwrap(), want, "pieces of {cut}");
            assert_eq!(shown.get(), 6, "pieces of {cut}");
        }
    }

    /// What the end of the output leaves open is settled by the flush: a
    /// carriage return last is a lone one, a character cut short is not
    /// text; bytes that are not UTF-8 anywhere show as `�` too.
    #[test]
    fn a_terminal_flush_settles_what_was_held() {
        let through = |pieces: &[&[u8]]| {
            let shown = std::rc::Rc::new(std::cell::Cell::new(0));
            let mut w = ShowControls::new(Vec::new(), shown.clone());
            for p in pieces {
                w.write_all(p).unwrap();
            }
            w.flush().unwrap();
            (String::from_utf8(w.inner).unwrap(), shown.get())
        };
        assert_eq!(through(&[b"x\r"]), ("x\u{fffd}".into(), 1));
        assert_eq!(through(&[b"x\r", b"\ny"]), ("x\r\ny".into(), 0));
        assert_eq!(through(&[b"a\xc3"]), ("a\u{fffd}".into(), 1));
        assert_eq!(through(&[b"a\xc3", b"\xa9b"]), ("a\u{e9}b".into(), 0));
        assert_eq!(through(&[b"a\xffb\xfe"]), ("a\u{fffd}b\u{fffd}".into(), 2));
    }
}
