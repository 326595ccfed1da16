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

/// Counts per group, in a fixed-size array indexed by [`Category`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PerCategory(pub [usize; 3]);

impl PerCategory {
    fn idx(c: Category) -> usize {
        match c {
            Category::Default => 0,
            Category::GreetingOnly => 1,
            Category::Customised => 2,
        }
    }
    pub fn get(&self, c: Category) -> usize {
        self.0[Self::idx(c)]
    }
    pub fn add(&mut self, c: Category) {
        self.0[Self::idx(c)] += 1;
    }
    pub fn total(&self) -> usize {
        self.0.iter().sum()
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
    /// The share of `n` in the total, in whole percent (rounded half up).
    pub fn percent(&self, n: usize) -> usize {
        percent(n, self.total)
    }
}

/// `n` as a whole percentage of `total`, rounded half up; 0 when total is 0.
pub fn percent(n: usize, total: usize) -> usize {
    if total == 0 {
        0
    } else {
        (n * 200 + total) / (2 * total)
    }
}

/// Counts the invitations `filter` selects.
pub fn breakdown<T: Counted>(invitations: &[T], filter: DirectionFilter) -> Breakdown {
    let mut b = Breakdown::default();
    let mut months: BTreeMap<Month, usize> = BTreeMap::new();
    // Exports run in date order, so most rows fall in the month of the row
    // before: count a run of them, known by its first and last day, before
    // working out a month or touching the map.
    let mut run: Option<(Month, NaiveDate, NaiveDate, usize)> = None;
    let (mut oldest, mut newest) = (NaiveDateTime::MAX, NaiveDateTime::MIN);
    for f in invitations
        .iter()
        .map(Counted::facts)
        .filter(|f| filter.matches(f.direction))
    {
        b.total += 1;
        b.by_category.add(f.category);
        if !f.has_note {
            b.no_note += 1;
        }
        if f.category == Category::Customised {
            b.signals.add(f.signals);
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
                    *months.entry(m).or_default() += n;
                }
            }
        }
    }
    if let Some((m, _, _, n)) = run {
        *months.entry(m).or_default() += n;
    }
    if b.total > 0 {
        b.oldest = Some(oldest);
        b.newest = Some(newest);
    }
    if let (Some(first), Some(last)) =
        (months.keys().next().copied(), months.keys().last().copied())
    {
        let mut m = first;
        while m <= last {
            b.by_month.push((m, months.get(&m).copied().unwrap_or(0)));
            m = m.next();
        }
    }
    b
}

/// Your sent invitations still pending after `days` days, oldest first:
/// worth a follow-up, or withdrawing.
pub fn stale_sent(invitations: &[Invitation], now: NaiveDateTime, days: u32) -> Vec<&Invitation> {
    let mut out: Vec<&Invitation> = invitations
        .iter()
        .filter(|i| {
            i.direction == Direction::Outgoing
                && Age::between(i.sent_at, now).days >= i64::from(days)
        })
        .collect();
    out.sort_by_key(|i| i.sent_at);
    out
}

/// The time between two moments, for "3w" and "3 weeks ago".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Age {
    pub days: i64,
}

impl Age {
    pub fn between(then: NaiveDateTime, now: NaiveDateTime) -> Self {
        Age {
            days: (now - then).num_days().max(0),
        }
    }

    /// `today`, `5d`, `3w`, `4mo`, `2y`.
    pub fn short(self) -> String {
        let d = self.days;
        match d {
            0 => "today".into(),
            1..=13 => format!("{d}d"),
            14..=59 => format!("{}w", d / 7),
            60..=729 => format!("{}mo", d / 30),
            _ => format!("{}y", d / 365),
        }
    }

    /// `today`, `yesterday`, `5 days ago`, `3 weeks ago`, `4 months ago`, `2 years ago`.
    pub fn long(self) -> String {
        let d = self.days;
        let unit = |n: i64, u: &str| format!("{n} {u}{} ago", if n == 1 { "" } else { "s" });
        match d {
            0 => "today".into(),
            1 => "yesterday".into(),
            2..=13 => unit(d, "day"),
            14..=59 => unit(d / 7, "week"),
            60..=729 => unit(d / 30, "month"),
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
        let stale: Vec<u32> = stale_sent(&v, now, 21).iter().map(|i| i.line).collect();
        assert_eq!(stale.len(), 2);
        let dates: Vec<_> = stale_sent(&v, now, 21).iter().map(|i| i.sent_at).collect();
        assert_eq!(
            dates,
            vec![at(2026, 10, 1), at(2026, 11, 4)],
            "oldest first, 21 days counts"
        );
        assert_eq!(stale_sent(&v, now, 22).len(), 1);
    }

    #[test]
    fn percentages_round_like_the_survey() {
        assert_eq!(percent(112, 137), 82);
        assert_eq!(percent(112, 135), 83);
        assert_eq!(percent(1, 8), 13); // 12.5 rounds up
        assert_eq!(percent(3, 0), 0);
    }

    #[test]
    fn ages_read_naturally() {
        let now = at(2026, 11, 25);
        assert_eq!(Age::between(at(2026, 11, 25), now).short(), "today");
        assert_eq!(Age::between(at(2026, 11, 20), now).short(), "5d");
        assert_eq!(Age::between(at(2026, 11, 4), now).short(), "3w");
        assert_eq!(Age::between(at(2026, 7, 1), now).short(), "4mo");
        assert_eq!(Age::between(at(2023, 11, 1), now).short(), "3y");
        assert_eq!(Age::between(at(2026, 11, 24), now).long(), "yesterday");
        assert_eq!(Age::between(at(2026, 11, 4), now).long(), "3 weeks ago");
        assert_eq!(
            Age::between(at(2027, 1, 1), now).days,
            0,
            "future dates are not negative"
        );
    }
}
