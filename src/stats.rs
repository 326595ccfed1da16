//! Breakdowns of an inbox, the way the survey counted it: pure functions over
//! classified invitations.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::classify::{Category, Signals};
use crate::invitation::{Direction, Invitation};

/// What a breakdown counts of one invitation: 20 bytes, no text. `stats`
/// reads a file into these instead of whole [`Invitation`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    pub sent_at: NaiveDateTime,
    /// The line of the export on which the row starts.
    pub line: u32,
    pub direction: Direction,
    pub category: Category,
    pub signals: Signals,
    pub has_note: bool,
}

/// Anything a breakdown can count.
pub trait Counted {
    fn facts(&self) -> Facts;
}

impl Counted for Facts {
    fn facts(&self) -> Facts {
        *self
    }
}

impl Counted for Invitation {
    fn facts(&self) -> Facts {
        Facts {
            sent_at: self.sent_at,
            line: self.line,
            direction: self.direction,
            category: self.category,
            signals: self.signals,
            has_note: self.has_note(),
        }
    }
}

/// Which invitations a breakdown counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DirectionFilter {
    #[default]
    Incoming,
    Outgoing,
    All,
}

impl DirectionFilter {
    pub fn matches(self, d: Direction) -> bool {
        match self {
            DirectionFilter::Incoming => d == Direction::Incoming,
            DirectionFilter::Outgoing => d == Direction::Outgoing,
            DirectionFilter::All => true,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DirectionFilter::Incoming => "incoming",
            DirectionFilter::Outgoing => "outgoing",
            DirectionFilter::All => "all",
        }
    }
}

/// Counts per group, in a fixed-size array indexed by
/// [`Category::index`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PerCategory([usize; 3]);

impl PerCategory {
    pub fn get(&self, c: Category) -> usize {
        self.0[c.index()]
    }

    /// Each group's number put through `f` (a share, say).
    pub fn map(&self, f: impl Fn(usize) -> usize) -> PerCategory {
        PerCategory(self.0.map(f))
    }
}

/// From the counts in [`Category::ALL`]'s order.
impl From<[usize; 3]> for PerCategory {
    fn from(counts: [usize; 3]) -> PerCategory {
        let mut out = PerCategory::default();
        for (c, n) in Category::ALL.into_iter().zip(counts) {
            out.0[c.index()] = n;
        }
        out
    }
}

impl Serialize for PerCategory {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(3))?;
        for c in Category::ALL {
            m.serialize_entry(c.label(), &self.get(c))?;
        }
        m.end()
    }
}

/// A calendar month, for the by-month counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn of(dt: NaiveDateTime) -> Self {
        Month {
            year: dt.year(),
            month: dt.month(),
        }
    }

    /// Its first and last day (`None` for a month out of chrono's range).
    fn days(self) -> Option<(NaiveDate, NaiveDate)> {
        let next = self.next();
        let first = NaiveDate::from_ymd_opt(self.year, self.month, 1)?;
        let last = NaiveDate::from_ymd_opt(next.year, next.month, 1)?.pred_opt()?;
        Some((first, last))
    }

    /// `Jul 2026`.
    pub fn label(self) -> String {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
            .map(|d| d.format("%b %Y").to_string())
            .unwrap_or_default()
    }

    fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// How many customised notes carry each signal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SignalCounts {
    pub context: usize,
    pub reason: usize,
    pub offer: usize,
    pub pitch: usize,
}

impl SignalCounts {
    fn add(&mut self, s: Signals) {
        self.context += usize::from(s.contains(Signals::CONTEXT));
        self.reason += usize::from(s.contains(Signals::REASON));
        self.offer += usize::from(s.contains(Signals::OFFER));
        self.pitch += usize::from(s.contains(Signals::PITCH));
    }
}

/// The survey's breakdown of an inbox.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Breakdown {
    pub total: usize,
    pub by_category: PerCategory,
    /// Invitations without any note (counted within `default`).
    pub no_note: usize,
    pub oldest: Option<NaiveDateTime>,
    pub newest: Option<NaiveDateTime>,
    /// Every month from the oldest to the newest, zero counts included.
    pub by_month: Vec<(Month, usize)>,
    pub signals: SignalCounts,
}

impl Breakdown {
    /// Each group's share of the total in whole percent, each its own
    /// nearest (half up; only all is 100%, only none 0%), as the survey
    /// counted: the same fraction shows the same share in every file, and
    /// equal counts equal shares. The three may add up to 99 or 101
    /// (81 + 8 + 12), as rounded figures do.
    pub fn shares(&self) -> PerCategory {
        PerCategory(self.by_category.0.map(|n| percent(n, self.total)))
    }

    /// The by-month counts summed per calendar year, oldest first.
    pub fn by_year(&self) -> Vec<(i32, usize)> {
        let mut years: Vec<(i32, usize)> = Vec::new();
        for &(m, n) in &self.by_month {
            match years.last_mut() {
                Some((y, total)) if *y == m.year => *total += n,
                _ => years.push((m.year, n)),
            }
        }
        years
    }
}

/// `n` as a whole percentage of `total`, rounded half up; 0 when total is 0.
/// Only all is 100% and only none 0%: 199 of 200 is 99%, not a "100%"
/// beside a group of 1, and 1 of 300 is 1%, not a "0%" beside its count.
pub fn percent(n: usize, total: usize) -> usize {
    if total == 0 {
        0
    } else {
        let rounded = (n * 200 + total) / (2 * total);
        match n {
            0 => 0,
            n if n >= total => rounded,
            _ => rounded.clamp(1, 99),
        }
    }
}

/// Counts the invitations `filter` selects.
pub fn breakdown<T: Counted>(invitations: &[T], filter: DirectionFilter) -> Breakdown {
    Tally::of(invitations.iter().map(Counted::facts), filter).breakdown()
}

/// A breakdown being counted: tallies of parts of an inbox add up, and an
/// invitation counted by mistake (a duplicate row) can be taken out again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    filter: DirectionFilter,
    total: usize,
    by_category: PerCategory,
    no_note: usize,
    signals: SignalCounts,
    /// `NaiveDateTime::MAX` and `MIN` while nothing is counted.
    oldest: NaiveDateTime,
    newest: NaiveDateTime,
    /// Only months with a count: a month whose last invitation is taken
    /// out goes.
    months: BTreeMap<Month, usize>,
}

impl Tally {
    pub fn new(filter: DirectionFilter) -> Self {
        Tally {
            filter,
            total: 0,
            by_category: PerCategory::default(),
            no_note: 0,
            signals: SignalCounts::default(),
            oldest: NaiveDateTime::MAX,
            newest: NaiveDateTime::MIN,
            months: BTreeMap::new(),
        }
    }

    /// Counts the invitations `filter` selects.
    pub fn of(facts: impl IntoIterator<Item = Facts>, filter: DirectionFilter) -> Self {
        let mut t = Tally::new(filter);
        // Kept in locals, not in `t`, while counting: a loop over a million
        // rows then runs in registers.
        let (mut total, mut by_category, mut no_note) = (0, [0usize; 3], 0);
        let mut signals = SignalCounts::default();
        let (mut oldest, mut newest) = (t.oldest, t.newest);
        // Exports run in date order, so most rows fall in the month of the
        // row before: count a run of them, known by its first and last day,
        // before working out a month or touching the map.
        let mut run: Option<(Month, NaiveDate, NaiveDate, usize)> = None;
        for f in facts {
            if !filter.matches(f.direction) {
                continue;
            }
            total += 1;
            by_category[f.category.index()] += 1;
            no_note += usize::from(!f.has_note);
            if f.category == Category::Customised {
                signals.add(f.signals);
            }
            oldest = oldest.min(f.sent_at);
            newest = newest.max(f.sent_at);
            let day = f.sent_at.date();
            match &mut run {
                Some((_, first, last, n)) if *first <= day && day <= *last => *n += 1,
                _ => {
                    let month = Month::of(f.sent_at);
                    let (first, last) = month.days().unwrap_or((day, day));
                    if let Some((m, _, _, n)) = run.replace((month, first, last, 1)) {
                        *t.months.entry(m).or_default() += n;
                    }
                }
            }
        }
        if let Some((m, _, _, n)) = run {
            *t.months.entry(m).or_default() += n;
        }
        t.total = total;
        t.by_category = PerCategory(by_category);
        t.no_note = no_note;
        t.signals = signals;
        t.oldest = oldest;
        t.newest = newest;
        t
    }

    pub fn filter(&self) -> DirectionFilter {
        self.filter
    }

    /// Adds the counts of `other`, a tally with the same filter.
    pub fn merge(&mut self, other: &Tally) {
        self.total += other.total;
        for (n, m) in self.by_category.0.iter_mut().zip(other.by_category.0) {
            *n += m;
        }
        self.no_note += other.no_note;
        self.signals.context += other.signals.context;
        self.signals.reason += other.signals.reason;
        self.signals.offer += other.signals.offer;
        self.signals.pitch += other.signals.pitch;
        self.oldest = self.oldest.min(other.oldest);
        self.newest = self.newest.max(other.newest);
        for (&m, &n) in &other.months {
            *self.months.entry(m).or_default() += n;
        }
    }

    /// Takes out `f`, which was counted. Returns false, having changed
    /// nothing, when its date is the oldest or the newest: which date is
    /// the oldest or newest then only a new count can tell.
    pub fn remove(&mut self, f: &Facts) -> bool {
        if !self.filter.matches(f.direction) {
            return true;
        }
        if f.sent_at == self.oldest || f.sent_at == self.newest {
            return false;
        }
        let month = Month::of(f.sent_at);
        match self.months.get_mut(&month) {
            Some(n) if *n > 1 => *n -= 1,
            Some(_) => {
                self.months.remove(&month);
            }
            None => return false,
        }
        self.total -= 1;
        let c = &mut self.by_category.0[f.category.index()];
        *c = c.saturating_sub(1);
        if !f.has_note {
            self.no_note = self.no_note.saturating_sub(1);
        }
        if f.category == Category::Customised {
            let s = f.signals;
            let sub = |n: &mut usize, flag| *n = n.saturating_sub(usize::from(s.contains(flag)));
            sub(&mut self.signals.context, Signals::CONTEXT);
            sub(&mut self.signals.reason, Signals::REASON);
            sub(&mut self.signals.offer, Signals::OFFER);
            sub(&mut self.signals.pitch, Signals::PITCH);
        }
        true
    }

    /// The breakdown counted.
    pub fn breakdown(&self) -> Breakdown {
        let mut b = Breakdown {
            total: self.total,
            by_category: self.by_category,
            no_note: self.no_note,
            signals: self.signals,
            ..Breakdown::default()
        };
        if self.total > 0 {
            b.oldest = Some(self.oldest);
            b.newest = Some(self.newest);
        }
        if let (Some(&first), Some(&last)) = (self.months.keys().next(), self.months.keys().last())
        {
            let mut m = first;
            while m <= last {
                b.by_month
                    .push((m, self.months.get(&m).copied().unwrap_or(0)));
                m = m.next();
            }
        }
        b
    }
}

/// The facts of every row of an export, in the pieces they were read in,
/// and the tally of those its filter counts: what `stats` reads a file
/// into. Joining a million rows' facts into one list would take longer
/// than counting them.
#[derive(Debug, Clone)]
pub struct AllFacts {
    pub pieces: Vec<Vec<Facts>>,
    pub tally: Tally,
}

impl AllFacts {
    pub fn len(&self) -> usize {
        self.pieces.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.pieces.iter().all(Vec::is_empty)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Facts> {
        self.pieces.iter().flatten()
    }

    pub fn breakdown(&self) -> Breakdown {
        self.tally.breakdown()
    }
}

/// A sent invitation still pending after the configured age.
#[derive(Debug, Clone, Copy)]
pub struct Stale<'a> {
    pub inv: &'a Invitation,
    /// Pending for the `days` given or more.
    pub stale: bool,
    /// Marked in the journal to withdraw (the export alone does not know).
    pub to_withdraw: bool,
}

/// Whether `inv` is one you sent, pending for `days` calendar days or more
/// at `now`: the one rule the statistics and the triage screen share.
pub fn is_stale(inv: &Invitation, now: NaiveDateTime, days: u32) -> bool {
    inv.direction == Direction::Outgoing && Age::between(inv.sent_at, now).days >= i64::from(days)
}

/// Your sent invitations still pending after `days` days, and those
/// `marked` to withdraw however young, oldest first: worth a follow-up, or
/// withdrawing.
pub fn stale_sent(
    invitations: &[Invitation],
    now: NaiveDateTime,
    days: u32,
    marked: impl Fn(&Invitation) -> bool,
) -> Vec<Stale<'_>> {
    let mut out: Vec<Stale<'_>> = invitations
        .iter()
        .filter(|i| i.direction == Direction::Outgoing)
        .filter_map(|inv| {
            let stale = is_stale(inv, now, days);
            let to_withdraw = marked(inv);
            (stale || to_withdraw).then_some(Stale {
                inv,
                stale,
                to_withdraw,
            })
        })
        .collect();
    out.sort_by_key(|s| s.inv.sent_at);
    out
}

/// The time between two moments, for "3w" and "3 weeks ago".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Age {
    pub days: i64,
}

impl Age {
    /// Counted in calendar days, the way the dates beside it read: an
    /// invitation of 23:50 yesterday is "yesterday" at 09:00 today, not
    /// "today" because 24 hours have not yet passed.
    ///
    /// A moment a day ahead is today (time zones, a draft saved after
    /// midnight); one further ahead is in the future, negative days: a
    /// clock behind or a date misread, which is not hidden as "today".
    pub fn between(then: NaiveDateTime, now: NaiveDateTime) -> Self {
        let days = (now.date() - then.date()).num_days();
        Age {
            days: if days >= -1 { days.max(0) } else { days },
        }
    }

    /// `today`, `5d`, `3w`, `4mo`, `2y`; ahead, `+3d`.
    pub fn short(self) -> String {
        let d = self.days.abs();
        let ahead = if self.days < 0 { "+" } else { "" };
        match d {
            0 => "today".into(),
            1..=13 => format!("{ahead}{d}d"),
            14..=59 => format!("{ahead}{}w", d / 7),
            60..=729 => format!("{ahead}{}mo", d / 30),
            _ => format!("{ahead}{}y", d / 365),
        }
    }

    /// `today`, `yesterday`, `5 days ago`, `3 weeks ago`, `4 months ago`,
    /// `2 years ago`; ahead, `in 3 days, a future date`.
    pub fn long(self) -> String {
        let d = self.days.abs();
        let unit = |n: i64, u: &str| {
            let s = if n == 1 { "" } else { "s" };
            if self.days < 0 {
                format!("in {n} {u}{s}, a future date")
            } else {
                format!("{n} {u}{s} ago")
            }
        };
        match (d, self.days < 0) {
            (0, _) => "today".into(),
            (1, false) => "yesterday".into(),
            (1..=13, _) => unit(d, "day"),
            (14..=59, _) => unit(d / 7, "week"),
            (60..=729, _) => unit(d / 30, "month"),
            _ => unit(d / 365, "year"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::invitation::Fields;

    fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    fn inv(cat: Category, note: &str, when: NaiveDateTime, dir: Direction, n: usize) -> Invitation {
        let url = format!("https://www.linkedin.com/in/p{n}");
        let mut i = Invitation::new(Fields {
            from: "A B",
            to: "C D",
            message: note,
            inviter_url: &url,
            invitee_url: "https://www.linkedin.com/in/me",
            sent_at: when,
            direction: dir,
            line: 2,
        });
        i.category = cat;
        i
    }

    #[test]
    fn counts_groups_months_and_empty_notes() {
        let v = vec![
            inv(
                Category::Default,
                "",
                at(2026, 1, 5),
                Direction::Incoming,
                1,
            ),
            inv(
                Category::Default,
                "Let's connect.",
                at(2026, 3, 5),
                Direction::Incoming,
                2,
            ),
            inv(
                Category::Customised,
                "We met",
                at(2026, 3, 9),
                Direction::Incoming,
                3,
            ),
            inv(
                Category::GreetingOnly,
                "Hi C",
                at(2026, 3, 1),
                Direction::Outgoing,
                4,
            ),
        ];
        let b = breakdown(&v, DirectionFilter::Incoming);
        assert_eq!(b.total, 3);
        assert_eq!(b.by_category.get(Category::Default), 2);
        assert_eq!(b.by_category.get(Category::Customised), 1);
        assert_eq!(b.by_category.get(Category::GreetingOnly), 0);
        assert_eq!(b.no_note, 1);
        assert_eq!(b.oldest, Some(at(2026, 1, 5)));
        assert_eq!(b.newest, Some(at(2026, 3, 9)));
        let months: Vec<(String, usize)> = b
            .by_month
            .iter()
            .map(|(m, n)| (m.to_string(), *n))
            .collect();
        assert_eq!(
            months,
            vec![
                ("2026-01".into(), 1),
                ("2026-02".into(), 0),
                ("2026-03".into(), 2)
            ]
        );
        assert_eq!(breakdown(&v, DirectionFilter::All).total, 4);
        assert_eq!(breakdown(&v, DirectionFilter::Outgoing).total, 1);
        // Nothing counted: no oldest or newest date, no months.
        let none = breakdown(&v[..1], DirectionFilter::Outgoing);
        assert_eq!((none.total, none.oldest, none.newest), (0, None, None));
        assert!(none.by_month.is_empty());
        assert!(none.by_year().is_empty());
        assert_eq!(b.by_year(), vec![(2026, 3)]);
        // A year with no invitation between two that have some counts 0.
        let span: Vec<Invitation> = [at(2024, 12, 5), at(2026, 1, 5), at(2026, 2, 5)]
            .into_iter()
            .enumerate()
            .map(|(n, when)| inv(Category::Default, "", when, Direction::Incoming, 5 + n))
            .collect();
        let years = breakdown(&span, DirectionFilter::Incoming).by_year();
        assert_eq!(years, vec![(2024, 1), (2025, 0), (2026, 2)]);
        let facts = |pieces: Vec<Vec<Facts>>| AllFacts {
            tally: Tally::of(pieces.iter().flatten().copied(), DirectionFilter::Incoming),
            pieces,
        };
        assert!(facts(vec![vec![], vec![]]).is_empty());
        assert!(!facts(vec![vec![], vec![v[0].facts()]]).is_empty());
    }

    #[test]
    fn stale_sent_invitations_start_at_the_configured_age() {
        let now = at(2026, 11, 25);
        let v = vec![
            inv(
                Category::Default,
                "",
                at(2026, 11, 4),
                Direction::Outgoing,
                1,
            ), // 21 days
            inv(
                Category::Default,
                "",
                at(2026, 11, 5),
                Direction::Outgoing,
                2,
            ), // 20 days
            inv(
                Category::Default,
                "",
                at(2026, 1, 5),
                Direction::Incoming,
                3,
            ),
            inv(
                Category::Default,
                "",
                at(2026, 10, 1),
                Direction::Outgoing,
                4,
            ),
        ];
        let none = |_: &Invitation| false;
        let stale: Vec<u32> = stale_sent(&v, now, 21, none)
            .iter()
            .map(|s| s.inv.line)
            .collect();
        assert_eq!(stale.len(), 2);
        let dates: Vec<_> = stale_sent(&v, now, 21, none)
            .iter()
            .map(|s| s.inv.sent_at)
            .collect();
        assert_eq!(
            dates,
            vec![at(2026, 10, 1), at(2026, 11, 4)],
            "oldest first, 21 days counts"
        );
        assert_eq!(stale_sent(&v, now, 22, none).len(), 1);
        // One marked to withdraw is listed however young, and not stale.
        let marked = stale_sent(&v, now, 22, |i| i.sent_at == at(2026, 11, 5));
        let listed: Vec<(NaiveDateTime, bool, bool)> = marked
            .iter()
            .map(|s| (s.inv.sent_at, s.stale, s.to_withdraw))
            .collect();
        assert_eq!(
            listed,
            [
                (at(2026, 10, 1), true, false),
                (at(2026, 11, 5), false, true)
            ]
        );
    }

    /// Each share is its own nearest rounding: equal counts, equal shares,
    /// and one fraction the same share whatever the other groups hold.
    #[test]
    fn each_share_is_rounded_on_its_own() {
        let mut b = breakdown::<Invitation>(&[], DirectionFilter::Incoming);
        let shares = |b: &mut Breakdown, [d, g, c]: [usize; 3]| {
            b.by_category = PerCategory([c, g, d]);
            b.total = d + g + c;
            let s = b.shares();
            [
                Category::Default,
                Category::GreetingOnly,
                Category::Customised,
            ]
            .map(|k| s.get(k))
        };
        assert_eq!(shares(&mut b, [805, 75, 120]), [81, 8, 12]);
        assert_eq!(shares(&mut b, [112, 10, 13]), [83, 7, 10]);
        assert_eq!(shares(&mut b, [1, 1, 1]), [33, 33, 33]);
        assert_eq!(shares(&mut b, [1, 9, 9]), [5, 47, 47]);
        assert_eq!(shares(&mut b, [9, 9, 1]), [47, 47, 5]);
        assert_eq!(shares(&mut b, [5, 1, 1]), [71, 14, 14]);
        assert_eq!(shares(&mut b, [0, 0, 0]), [0, 0, 0]);
        assert_eq!(shares(&mut b, [0, 0, 7]), [0, 0, 100]);
    }

    #[test]
    fn percentages_round_like_the_survey() {
        assert_eq!(percent(112, 137), 82);
        assert_eq!(percent(112, 135), 83);
        assert_eq!(percent(1, 8), 13); // 12.5 rounds up
        assert_eq!(percent(3, 0), 0);
        assert_eq!(percent(199, 200), 99);
        assert_eq!(percent(1, 300), 1);
        assert_eq!(percent(200, 200), 100);
        assert_eq!(percent(0, 200), 0);
    }

    #[test]
    fn ages_read_naturally() {
        let now = at(2026, 11, 25);
        assert_eq!(Age::between(at(2026, 11, 25), now).short(), "today");
        assert_eq!(Age::between(at(2026, 11, 20), now).short(), "5d");
        assert_eq!(Age::between(at(2026, 11, 4), now).short(), "3w");
        assert_eq!(Age::between(at(2026, 7, 1), now).short(), "4mo");
        assert_eq!(Age::between(at(2023, 11, 1), now).short(), "3y");
        let long = |then| Age::between(then, now).long();
        assert_eq!(long(at(2026, 11, 25)), "today");
        assert_eq!(long(at(2026, 11, 24)), "yesterday");
        assert_eq!(long(at(2026, 11, 20)), "5 days ago");
        assert_eq!(long(at(2026, 11, 4)), "3 weeks ago");
        assert_eq!(long(at(2026, 7, 1)), "4 months ago");
        assert_eq!(long(at(2025, 9, 25)), "14 months ago");
        assert_eq!(long(at(2023, 11, 1)), "3 years ago");
        // A day ahead is today (time zones); further ahead is said.
        assert_eq!(Age::between(at(2026, 11, 26), now).days, 0);
        assert_eq!(Age::between(at(2027, 1, 1), now).days, -37);
        assert_eq!(Age::between(at(2026, 11, 28), now).short(), "+3d");
        assert_eq!(long(at(2026, 11, 28)), "in 3 days, a future date");
        assert_eq!(long(at(2099, 1, 1)), "in 72 years, a future date");
        let late_yesterday = at(2026, 11, 24).date().and_hms_opt(23, 50, 0).unwrap();
        assert_eq!(
            long(late_yesterday),
            "yesterday",
            "calendar days, not 24 hours"
        );
        let this_morning = at(2026, 11, 25).date().and_hms_opt(0, 5, 0).unwrap();
        assert_eq!(Age::between(this_morning, now).short(), "today");
    }

    mod tally {
        use super::*;
        use proptest::prelude::*;

        fn facts() -> impl Strategy<Value = Facts> {
            (0u32..40, 0u8..3, 0u8..16, any::<bool>(), any::<bool>()).prop_map(
                |(day, cat, signals, has_note, incoming)| Facts {
                    // A few months, several invitations a day.
                    sent_at: NaiveDate::from_ymd_opt(2026, 1, 1)
                        .unwrap()
                        .and_hms_opt(9, 0, 0)
                        .unwrap()
                        + chrono::Duration::days(i64::from(day) * 3),
                    line: day,
                    direction: if incoming {
                        Direction::Incoming
                    } else {
                        Direction::Outgoing
                    },
                    category: [
                        Category::Default,
                        Category::GreetingOnly,
                        Category::Customised,
                    ][usize::from(cat)],
                    signals: Signals::from_bits_truncate(signals),
                    has_note,
                },
            )
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

            /// Counted in parts and merged, then some taken out (counted
            /// again when one held the oldest or newest date): the same as
            /// counting what is left.
            #[test]
            fn parts_merged_and_taken_out_count_as_the_rest(
                all in proptest::collection::vec(facts(), 0..60),
                cut in 0usize..60,
                out in proptest::collection::vec(any::<bool>(), 60),
                filter in prop_oneof![
                    Just(DirectionFilter::Incoming),
                    Just(DirectionFilter::Outgoing),
                    Just(DirectionFilter::All),
                ],
            ) {
                let cut = cut.min(all.len());
                let mut t = Tally::of(all[..cut].iter().copied(), filter);
                t.merge(&Tally::of(all[cut..].iter().copied(), filter));
                prop_assert_eq!(t.breakdown(), breakdown(&all, filter));
                let (gone, rest): (Vec<_>, Vec<_>) =
                    all.iter().zip(&out).partition(|&(_, &o)| o);
                let rest: Vec<Facts> = rest.into_iter().map(|(f, _)| *f).collect();
                let mut recount = false;
                for (f, _) in gone {
                    recount |= !t.remove(f);
                }
                if recount {
                    t = Tally::of(rest.iter().copied(), filter);
                }
                prop_assert_eq!(t.breakdown(), breakdown(&rest, filter));
            }
        }
    }
}
