//! `Sent At`: LinkedIn's own form (`7/8/26, 3:43 PM`) read without a
//! general parser, as most rows carry it, and the other forms a spreadsheet
//! or an older export may have written.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::stats::Age;

/// Parses `Sent At`: LinkedIn's `7/8/26, 3:43 PM` (month first), the same with
/// a four-digit year or without the comma (`7/8/2026 15:43`, as a spreadsheet
/// writes it), or ISO 8601 (with or without seconds, a `T` or a space; an
/// offset or `UTC` converts it to this machine's local time, see
/// `iso_form`).
pub fn parse_sent_at(s: &str) -> Option<NaiveDateTime> {
    parse_sent_at_in(s, false)
}

/// [`parse_sent_at`], with a date written with slashes read day first
/// (`25/11/2026 09:15`) when `day_first`: a file a spreadsheet re-saved in
/// a language that writes dates so (see [`SlashDates`]).
pub(super) fn parse_sent_at_in(s: &str, day_first: bool) -> Option<NaiveDateTime> {
    // LinkedIn's own form is month first, in any file.
    if let Some(dt) = linkedin_form(s.as_bytes()) {
        return Some(dt);
    }
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(dt) = year_first(s) {
        return Some(dt);
    }
    let (date, time) = match s.find([',', ' ']) {
        Some(i) => (&s[..i], s[i + 1..].trim_start_matches([',', ' ']).trim()),
        None => (s, ""),
    };
    // `21.11.26`: every language that writes dates with dots puts the day
    // first. So their order is in no doubt, even with no day over 12:
    // they are not counted in `SlashDates`, get no note, and are never
    // read month first, whatever the date.
    let dots = date.contains('.') && date.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    if s.as_bytes()[0].is_ascii_digit() && (s.contains('/') || dots) {
        let mut parts = date.split(if dots { '.' } else { '/' });
        let first = number(parts.next()?, 1, 2)?;
        let second = number(parts.next()?, 1, 2)?;
        let (m, d) = if day_first || dots {
            (second, first)
        } else {
            (first, second)
        };
        let y_str = parts.next()?;
        if parts.next().is_some() {
            return None;
        }
        let y = match y_str.len() {
            2 => two_digit_year(number(y_str, 2, 2)?),
            4 => i32::try_from(number(y_str, 4, 4)?).ok()?,
            _ => return None,
        };
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        if time.is_empty() {
            return date.and_hms_opt(0, 0, 0);
        }
        return Some(date.and_time(parse_clock(time)?));
    }
    iso_form(s)
        // chrono reads a leap second (`:60`) as 59 plus a second of
        // nanoseconds; no export writes one.
        .filter(|dt| dt.nanosecond() < 1_000_000_000)
}

/// `2026/4/3 15:43` (seconds optional), as a spreadsheet in Japanese or
/// Chinese writes dates (`下午 03:43:00`, `午後3:43` too), and
/// `2026. 4. 3. 15:43` (`오후 3:43` too), as one in Korean does: year, month, day, an order in no doubt, so neither read
/// day first nor counted in [`SlashDates`]. `None` for anything else
/// (ISO's `2026-04-03` included), which the other forms then read.
fn year_first(s: &str) -> Option<NaiveDateTime> {
    let b = s.as_bytes();
    if b.len() < 8 || !b[..4].iter().all(u8::is_ascii_digit) || !matches!(b[4], b'/' | b'.') {
        return None;
    }
    let y = i32::try_from(number(&s[..4], 4, 4)?).ok()?;
    let (m, d, time) = if b[4] == b'/' {
        let rest = &s[5..];
        let (date, time) = rest.split_once(' ').unwrap_or((rest, ""));
        let (m, d) = date.split_once('/')?;
        (m, d, time)
    } else {
        // `2026. 4. 3.`: a dot after each number, a space after each dot
        // (the last dot perhaps left out before the time).
        let mut parts = s[5..].splitn(3, '.');
        let (m, d, rest) = (parts.next()?, parts.next()?, parts.next().unwrap_or(""));
        let (d, time) = match rest {
            "" => d
                .trim_start()
                .split_once(' ')
                .unwrap_or((d.trim_start(), "")),
            _ => (d, rest),
        };
        (m.trim_start(), d.trim_start(), time)
    };
    let date = NaiveDate::from_ymd_opt(y, number(m, 1, 2)?, number(d, 1, 2)?)?;
    let time = time.trim();
    if time.is_empty() {
        return date.and_hms_opt(0, 0, 0);
    }
    // Korean, Chinese and Japanese put morning or afternoon before the
    // clock: 오전/오후, 上午/下午, 午前/午後.
    const HALVES: [(&str, &str); 6] = [
        ("오전", "am"),
        ("오후", "pm"),
        ("上午", "am"),
        ("下午", "pm"),
        ("午前", "am"),
        ("午後", "pm"),
    ];
    let clock = match HALVES
        .iter()
        .find_map(|(half, ampm)| Some((time.strip_prefix(half)?, *ampm)))
    {
        Some((clock, ampm)) => clock_with(clock.trim_start(), ampm),
        None => parse_clock(time),
    };
    Some(date.and_time(clock?))
}

/// ISO 8601 for [`parse_sent_at`]. A time with an offset (`+02:00`, `+0200`,
/// `Z`, ` UTC`) is an instant: it becomes the local clock time of this
/// machine, the time every age on screen is counted from, so rows with
/// different offsets keep their order and month. A time without one is read
/// as written.
fn iso_form(s: &str) -> Option<NaiveDateTime> {
    const CLOCKS: [&str; 4] = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ];
    // `None` at the ends of chrono's range, where the local clock time
    // would fall outside it (`naive_local` panics there): a bad date.
    let local = |dt: DateTime<chrono::FixedOffset>| {
        let offset = chrono::Offset::fix(dt.with_timezone(&chrono::Local).offset());
        dt.naive_utc().checked_add_offset(offset)
    };
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return local(dt);
    }
    // ` UTC` and ` GMT` in any case, as spreadsheets and logs write them.
    let zone = s.len().checked_sub(4).and_then(|i| s.get(i..));
    let utc = match zone {
        Some(z) if z.eq_ignore_ascii_case(" utc") || z.eq_ignore_ascii_case(" gmt") => {
            Some(&s[..s.len() - 4])
        }
        _ => s.strip_suffix(['Z', 'z']),
    }
    .map(str::trim_end);
    for fmt in CLOCKS {
        if let Some(u) = utc {
            if let Ok(dt) = NaiveDateTime::parse_from_str(u, fmt) {
                return local(dt.and_utc().fixed_offset());
            }
        } else if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(dt);
        } else if let Ok(dt) = DateTime::parse_from_str(s, &format!("{fmt}%#z")) {
            return local(dt);
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
}

/// LinkedIn's own form exactly, `7/8/26, 3:43 PM`, read byte by byte:
/// nearly every row has it. `None` for anything else, which
/// [`parse_sent_at`] then reads the general way (and so decides).
pub(super) fn linkedin_form(s: &[u8]) -> Option<NaiveDateTime> {
    let (date, comma) = linkedin_date(s)?;
    Some(date.and_time(linkedin_clock(&s[comma..])?))
}

/// `min` to `max` digits at `*at`, then `then`: the number, and `*at`
/// moved past both.
fn read_digits(
    s: &[u8],
    at: &mut usize,
    min: usize,
    max: usize,
    then: &[u8],
) -> Option<(u32, usize)> {
    let start = *at;
    let mut n = 0u32;
    while let Some(&b) = s.get(*at).filter(|b| b.is_ascii_digit()) {
        if *at - start == max {
            return None;
        }
        n = n * 10 + u32::from(b - b'0');
        *at += 1;
    }
    let digits = *at - start;
    if digits < min || s.get(*at..*at + then.len()) != Some(then) {
        return None;
    }
    *at += then.len();
    Some((n, digits))
}

/// The year of a two-digit one, as POSIX's `%y` reads it: `69` to `99`
/// are 1969 to 1999, `00` to `68` 2000 to 2068. So `7/8/99` is 1999, a
/// year before LinkedIn (a damaged row, named), not 2099 (counted, and
/// the newest invitation by 72 years).
fn two_digit_year(y: u32) -> i32 {
    let y = i32::try_from(y % 100).unwrap_or(0);
    if y >= 69 { 1900 + y } else { 2000 + y }
}

/// The date of [`linkedin_form`], `7/8/26` up to its comma, and where the
/// comma is.
fn linkedin_date(s: &[u8]) -> Option<(NaiveDate, usize)> {
    let at = &mut 0;
    let (month, _) = read_digits(s, at, 1, 2, b"/")?;
    let (day, _) = read_digits(s, at, 1, 2, b"/")?;
    let year = match read_digits(s, at, 2, 4, b",")? {
        (y, 2) => two_digit_year(y),
        (y, 4) => i32::try_from(y).ok()?,
        _ => return None,
    };
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    Some((date, *at - 1))
}

/// The rest of [`linkedin_form`] from the comma: `, 3:43 PM`.
fn linkedin_clock(s: &[u8]) -> Option<NaiveTime> {
    if !s.starts_with(b", ") {
        return None;
    }
    let at = &mut 2;
    let (hour, _) = read_digits(s, at, 1, 2, b":")?;
    let (minute, _) = read_digits(s, at, 2, 2, b" ")?;
    let hour = match s.get(*at..)? {
        b"AM" if (1..=12).contains(&hour) => hour % 12,
        b"PM" if (1..=12).contains(&hour) => hour % 12 + 12,
        _ => return None,
    };
    NaiveTime::from_hms_opt(hour, minute, 0)
}

/// [`parse_sent_at`] for the rows of one piece of an export. An export is in
/// date order, so the date part of LinkedIn's form (`7/8/26`) mostly
/// repeats from row to row: the last one's date is kept, and when the next
/// row's date part is the same bytes only its clock is read.
#[derive(Debug, Default)]
pub(super) struct SentAtReader {
    /// The last date part read, up to its comma (at most `M/D/YYYY`).
    key: [u8; 10],
    len: usize,
    date: Option<NaiveDate>,
    /// Dates with slashes are read day first (see [`parse_sent_at_in`]).
    pub(super) day_first: bool,
}

impl SentAtReader {
    /// Reads `s`, on `line`; a date not in LinkedIn's own form is counted
    /// in `dates` by what it says of its order.
    pub(super) fn parse(
        &mut self,
        s: &str,
        line: u64,
        dates: &mut SlashDates,
    ) -> Option<NaiveDateTime> {
        if let Some(dt) = self.linkedin_form(s.as_bytes()) {
            return Some(dt);
        }
        let dt = parse_sent_at_in(s, self.day_first);
        // A date counts for an order only when it is a date in that order:
        // `30/02/2026`, skipped, says nothing of the file's.
        let reads = |day_first: bool| {
            if day_first == self.day_first {
                dt.is_some()
            } else {
                parse_sent_at_in(s, day_first).is_some()
            }
        };
        let either = dates.count(s, line, reads);
        let dt = dt?;
        if let Some(numbers) = either {
            dates.unsure(line, s, numbers, dt.year());
        }
        Some(dt)
    }

    /// [`linkedin_form`], the date part read only when it is not the last
    /// one's.
    pub(super) fn linkedin_form(&mut self, s: &[u8]) -> Option<NaiveDateTime> {
        // The same bytes up to the same comma make the same date.
        let repeat = self
            .date
            .filter(|_| s.get(self.len) == Some(&b',') && s[..self.len] == self.key[..self.len]);
        let (date, comma) = match repeat {
            Some(date) => (date, self.len),
            None => {
                let (date, comma) = linkedin_date(s)?;
                // At most `MM/DD/YYYY`: ten bytes.
                self.key.get_mut(..comma)?.copy_from_slice(&s[..comma]);
                (self.len, self.date) = (comma, Some(date));
                (date, comma)
            }
        };
        Some(date.and_time(linkedin_clock(&s[comma..])?))
    }
}

/// `s` as a number of `min..=max` ASCII digits.
/// What is wrong with a date written in numbers that name no day of the
/// calendar in either order (`30/02/2026`, `2026-02-30`, `31.4.26`), for
/// the skipped row's reason: "expected a date like …" alone puzzles one
/// that looks like a date. A day that its month has not is "a day no
/// calendar has" (`12/32/26` too); a month over 12 (`13/20/26`,
/// `2026-13-05`, where neither number can be the month), that the month
/// is out of range; a 0 (`0/5/26`), that it is there.
pub(super) fn no_such_day(s: &str) -> Option<String> {
    let s = s.trim();
    let date = s.split([' ', ',', 'T']).next().unwrap_or("");
    let parts: Vec<&str> = date.split(['/', '.', '-']).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    let (Some(a), Some(b), Some(c)) = (number(a, 1, 4), number(b, 1, 2), number(c, 1, 4)) else {
        return None;
    };
    let year = |y: u32, digits: usize| match digits {
        2 => Some(two_digit_year(y)),
        4 => i32::try_from(y).ok(),
        _ => None,
    };
    let exists = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).is_some();
    let no_day = || Some("a day no calendar has".to_string());
    let (a_len, c_len) = (parts[0].len(), parts[2].len());
    let zero = || Some("with a 0 for its day or month".to_string());
    if a_len == 4 {
        // Year first: month, then day.
        if c_len > 2 || exists(a as i32, b, c) {
            return None;
        }
        if b == 0 || c == 0 {
            return zero();
        }
        if b > 12 {
            return Some(format!("whose month is out of range ({b} is not 1 to 12)"));
        }
        return no_day();
    }
    let y = year(c, c_len)?;
    if a_len > 2 || exists(y, a, b) || exists(y, b, a) {
        return None;
    }
    if a == 0 || b == 0 {
        return zero();
    }
    if a > 12 && b > 12 {
        return Some(format!(
            "whose month is out of range (neither {a} nor {b} is 1 to 12)"
        ));
    }
    no_day()
}

fn number(s: &str, min: usize, max: usize) -> Option<u32> {
    if s.len() < min || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `3:43 PM`, `3:43:07 pm`, `15:43` (any white space before AM/PM, such as
/// the narrow no-break space newer exports use). No allocation: this runs
/// once per row.
fn parse_clock(t: &str) -> Option<NaiveTime> {
    let split = t.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(t.len());
    clock_with(t[..split].trim_end(), t[split..].trim())
}

/// `3:43`, `3:43:07`, `15:43`, with `meridiem` (`am` or `pm` in any case,
/// or empty) after it or before it.
fn clock_with(clock: &str, meridiem: &str) -> Option<NaiveTime> {
    let mut parts = clock.split(':');
    let h = number(parts.next()?, 1, 2)?;
    let m = number(parts.next()?, 2, 2)?;
    let s = match parts.next() {
        Some(s) => number(s, 2, 2)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    let h = if meridiem.is_empty() {
        h
    } else if !(1..=12).contains(&h) {
        return None;
    } else if meridiem.eq_ignore_ascii_case("am") {
        h % 12
    } else if meridiem.eq_ignore_ascii_case("pm") {
        h % 12 + 12
    } else {
        return None;
    };
    NaiveTime::from_hms_opt(h, m, s)
}

/// What the `Sent At` dates written with slashes, other than in LinkedIn's
/// own form (month first in any file, and not counted), say of their
/// order. LinkedIn writes the month first; a
/// spreadsheet that re-saves the export in a language that writes the day
/// first (`25/11/2026 09:15`) swaps them, and only a number over 12 tells
/// which is which.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SlashDates {
    /// Dates whose second number is over 12, and which are dates so
    /// (not `02/30/2026`): month first.
    pub month_first: u32,
    /// Dates whose first number is over 12, and which are dates so (not
    /// `30/02/2026`): day first.
    pub day_first: u32,
    /// The first of those in the file (of those whose date fits ten
    /// bytes, as one read does): the one the notes show.
    pub first_day_first: Option<Written>,
    /// Dates read in a spreadsheet's form (no comma after the date, as
    /// LinkedIn writes one) whose numbers are both 12 or less and differ:
    /// either order, and a different date in each. (`05/05/2026` is the
    /// same date either way: nothing in doubt.)
    pub either: u32,
    /// Of those, the one latest when read month first (the first of them
    /// in the file if two are): the one the notes show.
    pub latest: Option<Unsure>,
    /// The latest of those dates when read day first.
    pub latest_day_first: Option<NaiveDate>,
}

/// A date of [`SlashDates::either`]: where it is, as written, and the
/// dates it is in either order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsure {
    pub line: u64,
    /// The date as written, `03/04/2026`: at most ten bytes.
    written: [u8; 10],
    len: usize,
    pub month_first: NaiveDate,
    pub day_first: NaiveDate,
}

impl Unsure {
    /// The date as written in the file (`03/04/2026`).
    pub fn written(&self) -> &str {
        std::str::from_utf8(&self.written[..self.len]).unwrap_or_default()
    }
}

/// A date of [`SlashDates::day_first`]: where it is, and as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub line: u64,
    /// The date as written, `25/11/2026`: at most ten bytes.
    date: [u8; 10],
    len: usize,
}

impl Written {
    /// The date part of `s` (before a space or comma) on `line`, if it
    /// has at most ten bytes, as a date has.
    fn new(line: u64, s: &str) -> Option<Self> {
        let date = s.trim().split([' ', ',']).next().unwrap_or_default();
        let mut written = Written {
            line,
            date: [0; 10],
            len: date.len(),
        };
        written
            .date
            .get_mut(..date.len())?
            .copy_from_slice(date.as_bytes());
        Some(written)
    }

    /// The date as written in the file (`25/11/2026`).
    pub fn date(&self) -> &str {
        std::str::from_utf8(&self.date[..self.len]).unwrap_or_default()
    }
}

impl SlashDates {
    /// Counts `s`, on `line`, by what it says of its order, when `reads`
    /// says it is a date in that order (day first when given true); for a
    /// date of either order (which [`unsure`](Self::unsure) counts once it
    /// is read), its two numbers.
    fn count(&mut self, s: &str, line: u64, reads: impl Fn(bool) -> bool) -> Option<(u32, u32)> {
        let mut parts = s.trim().splitn(3, '/');
        let (Some(a), Some(b), Some(rest)) = (parts.next(), parts.next(), parts.next()) else {
            return None;
        };
        let (Some(a), Some(b)) = (number(a, 1, 2), number(b, 1, 2)) else {
            return None;
        };
        match (a, b) {
            (13..=31, 1..=12) if reads(true) => {
                self.day_first += 1;
                // Only a piece's first is kept, as its rows come in
                // order (no copy per row); `add` keeps the earliest.
                if self.first_day_first.is_none() {
                    self.first_day_first = Written::new(line, s);
                }
            }
            (1..=12, 13..=31) if reads(false) => self.month_first += 1,
            (1..=12, 1..=12) if a != b && !rest.contains(',') => return Some((a, b)),
            _ => {}
        }
        None
    }

    /// Counts a date of either order read on `line`: `s`, whose numbers
    /// are `a` and `b`, in `year`.
    fn unsure(&mut self, line: u64, s: &str, (a, b): (u32, u32), year: i32) {
        let written = s.trim().split([' ', ',']).next().unwrap_or_default();
        let (Some(month_first), Some(day_first)) = (
            NaiveDate::from_ymd_opt(year, a, b),
            NaiveDate::from_ymd_opt(year, b, a),
        ) else {
            return;
        };
        let mut unsure = Unsure {
            line,
            written: [0; 10],
            len: written.len(),
            month_first,
            day_first,
        };
        // A date read has at most `MM/DD/YYYY`.
        let Some(slot) = unsure.written.get_mut(..written.len()) else {
            return;
        };
        slot.copy_from_slice(written.as_bytes());
        self.either += 1;
        self.add(SlashDates {
            latest: Some(unsure),
            latest_day_first: Some(day_first),
            ..SlashDates::default()
        });
    }

    /// Moves the lines named `by` lines down.
    pub(super) fn shift_lines(&mut self, by: u64) {
        if let Some(w) = &mut self.first_day_first {
            w.line += by;
        }
        if let Some(u) = &mut self.latest {
            u.line += by;
        }
    }

    /// These and `other` together.
    pub fn add(&mut self, other: SlashDates) {
        self.month_first += other.month_first;
        self.day_first += other.day_first;
        self.first_day_first = self
            .first_day_first
            .into_iter()
            .chain(other.first_day_first)
            .min_by_key(|w| w.line);
        self.either += other.either;
        self.latest = self
            .latest
            .into_iter()
            .chain(other.latest)
            .max_by_key(|u| (u.month_first, std::cmp::Reverse(u.line)));
        self.latest_day_first = self.latest_day_first.max(other.latest_day_first);
    }

    /// Whether the file is day first: some dates say so, none says
    /// otherwise.
    pub fn day_first(&self) -> bool {
        self.day_first > 0 && self.month_first == 0
    }

    /// Whether a file whose dates do not tell their order (no day over 12)
    /// is to be read day first all the same, as it is `now`: read month
    /// first, some of its dates are in the future, and read day first,
    /// none is. An invitation cannot have been sent after the export was
    /// made, so only day first can be right. (In the future as
    /// [`Age`] has it: more than a day ahead, for time zones. With dates
    /// in the future either way, or in neither, they stay month first, as
    /// LinkedIn writes them.)
    pub fn future_month_first(&self, now: NaiveDateTime) -> bool {
        let ahead = |date: NaiveDate| Age::between(date.and_time(NaiveTime::MIN), now).days < 0;
        self.day_first == 0
            && self.month_first == 0
            && self.latest.is_some_and(|u| ahead(u.month_first))
            && self.latest_day_first.is_some_and(|d| !ahead(d))
    }
}
