//! Reading the rows of one piece of an export with the `csv` crate: the
//! careful path, which knows every way a row can be broken and says so.
//! [`super::fast`] reads well-formed pieces faster and leaves anything
//! unusual to this one.
//!
//! A piece is the whole text after the header, or, for a large file, one of
//! the chunks it is cut into at line ends (see [`super::chunks`]); it is
//! told how many lines of the file come before it.

use std::sync::Arc;

use csv::ByteRecord;

use super::sent_at::{SlashDates, no_such_day, parse_sent_at_in};
use super::{
    Classify, Columns, Duplicate, RowError, SentAtReader, TextEncoding, Utf8Tally, parse_direction,
    plural, shorten,
};
use crate::classify::{Category, Classification, Signals};
use crate::invitation::{Direction, Fields, Invitation, InvitationId, profile_key};
use crate::stats::{AllFacts, DirectionFilter, Facts, Tally};
use crate::text::and_list;

/// What the importer keeps of each row: a whole [`Invitation`] for the
/// screen and the other commands, or only the [`Facts`] that `stats` counts
/// (a few bytes, no text), which is what lets `stats` run over a million rows
/// in a fraction of the memory and time.
pub trait Item: Send + Sized {
    /// What the items of a whole file are gathered into.
    type All: Send + std::fmt::Debug;

    /// The item for a row, and the row's id.
    fn build(row: &Fields<'_>, shared: &mut Shared, class: Classification) -> (Self, InvitationId);
    fn line(&self) -> u64;
    /// Moves the item's row `by` lines down (see [`Piece::lone_cr`]).
    fn shift_line(&mut self, by: u64);

    /// What is worked out from a piece's items as soon as they are read,
    /// on the thread that read them; `counted` are the rows classified.
    type Summary: Send;
    fn summarise(items: &[Self], counted: DirectionFilter) -> Self::Summary;

    /// Gathers the items of every piece, with their summaries, pieces in
    /// order. This runs beside the search for duplicates.
    fn gather(
        pieces: Vec<(Vec<Self>, Option<Self::Summary>)>,
        counted: DirectionFilter,
    ) -> Self::All;

    /// Takes out the `repeats` (sorted `(repeat, first)` indices in reading
    /// order), and tells where they were.
    fn drop_repeats(all: &mut Self::All, repeats: &[(u32, u32)]) -> Vec<Duplicate>;

    /// How many items there are.
    fn count(all: &Self::All) -> usize;
}

fn line32(line: u64) -> u32 {
    u32::try_from(line).unwrap_or(u32::MAX)
}

impl Item for Invitation {
    type All = Vec<Invitation>;

    fn build(row: &Fields<'_>, shared: &mut Shared, class: Classification) -> (Self, InvitationId) {
        // Shared only for incoming invitations, whose recipient is the user
        // row after row; a sent one's would only push the user's out.
        let mut inv = if row.direction == Direction::Incoming {
            let (to, invitee, invitee_key) = shared.interned(row.to, row.invitee_url);
            Invitation::with_shared(*row, to, invitee, invitee_key)
        } else {
            let invitee_key = profile_key(row.invitee_url);
            Invitation::with_shared(
                *row,
                Arc::from(row.to),
                Arc::from(row.invitee_url),
                &invitee_key,
            )
        };
        inv.category = class.category;
        inv.signals = class.signals;
        let id = inv.id;
        (inv, id)
    }
    fn line(&self) -> u64 {
        u64::from(self.line)
    }
    fn shift_line(&mut self, by: u64) {
        self.line = line32(u64::from(self.line) + by);
    }

    type Summary = ();
    fn summarise(_: &[Self], _: DirectionFilter) {}

    fn gather(pieces: Vec<(Vec<Self>, Option<()>)>, _: DirectionFilter) -> Vec<Invitation> {
        let total = pieces.iter().map(|(p, _)| p.len()).sum();
        let mut all = Vec::with_capacity(total);
        for (mut piece, _) in pieces {
            all.append(&mut piece);
        }
        all
    }

    fn drop_repeats(all: &mut Vec<Invitation>, repeats: &[(u32, u32)]) -> Vec<Duplicate> {
        if repeats.is_empty() {
            return Vec::new();
        }
        // The one sent last is kept (see `keeps_repeat`).
        for &(repeat, first) in repeats {
            let (r, f) = (repeat as usize, first as usize);
            if let (Some(a), Some(b)) = (all.get(r), all.get(f))
                && keeps_repeat(a.sent_at, b.sent_at)
            {
                all.swap(r, f);
            }
        }
        let duplicates = where_repeats_are(repeats, |i| {
            all.get(i).map(|inv| (inv.line(), inv.direction))
        });
        let mut gone = repeats.iter().map(|&(r, _)| r).peekable();
        let mut index = 0u32;
        all.retain(|_| {
            let repeat = gone.next_if_eq(&index).is_some();
            index += 1;
            !repeat
        });
        duplicates
    }

    fn count(all: &Vec<Invitation>) -> usize {
        all.len()
    }
}

/// Whether a repeat (the same profile URLs and note as an earlier row),
/// sent at `repeat`, is the one to keep in place of the row it repeats,
/// sent at `first`: it was sent later. Two exports of one inbox joined
/// hold a person's first invitation and, when they invited again with the
/// same note (or none), the second: the later one is the one pending, the
/// one a decision (and its `Sent At` in the journal) is about. Rows of
/// the same time keep the first.
fn keeps_repeat(repeat: chrono::NaiveDateTime, first: chrono::NaiveDateTime) -> bool {
    repeat > first
}

/// The lines of the repeats and of the rows they repeat; `line` gives the
/// line of the row at an index in reading order.
fn where_repeats_are(
    repeats: &[(u32, u32)],
    row: impl Fn(usize) -> Option<(u64, Direction)>,
) -> Vec<Duplicate> {
    repeats
        .iter()
        .map(|&(repeat, first)| {
            let (line, direction) = row(repeat as usize).unwrap_or((0, Direction::Incoming));
            Duplicate {
                line,
                first_line: row(first as usize).map_or(0, |(l, _)| l),
                direction,
            }
        })
        .collect()
}

impl Item for Facts {
    type All = AllFacts;

    fn build(row: &Fields<'_>, shared: &mut Shared, class: Classification) -> (Self, InvitationId) {
        // The recipient of incoming invitations is the user, row after row:
        // theirs is worked out once. That of a sent one is someone new each
        // time, and would only push the user's out.
        let sent;
        let invitee = if row.direction == Direction::Incoming {
            shared.invitee_key(row.invitee_url)
        } else {
            sent = profile_key(row.invitee_url);
            &sent
        };
        let id = row.id(invitee);
        let facts = Facts {
            sent_at: row.sent_at,
            line: row.line,
            direction: row.direction,
            category: class.category,
            signals: class.signals,
            has_note: crate::invitation::has_note(row.message),
        };
        (facts, id)
    }
    fn line(&self) -> u64 {
        u64::from(self.line)
    }
    fn shift_line(&mut self, by: u64) {
        self.line = line32(u64::from(self.line) + by);
    }

    /// Counted while the piece is at hand (in the cache).
    type Summary = Tally;
    fn summarise(items: &[Self], counted: DirectionFilter) -> Tally {
        Tally::of(items.iter().copied(), counted)
    }

    /// No joining: the pieces are kept as read, their counts added up.
    fn gather(pieces: Vec<(Vec<Self>, Option<Tally>)>, counted: DirectionFilter) -> AllFacts {
        let mut tally = Tally::new(counted);
        let mut lists = Vec::with_capacity(pieces.len());
        for (piece, summary) in pieces {
            match summary {
                Some(t) => tally.merge(&t),
                None => tally.merge(&Self::summarise(&piece, counted)),
            }
            lists.push(piece);
        }
        AllFacts {
            pieces: lists,
            tally,
        }
    }

    fn drop_repeats(all: &mut AllFacts, repeats: &[(u32, u32)]) -> Vec<Duplicate> {
        if repeats.is_empty() {
            return Vec::new();
        }
        // Where each piece starts in reading order.
        let starts: Vec<usize> = all
            .pieces
            .iter()
            .scan(0, |at, p| {
                let start = *at;
                *at += p.len();
                Some(start)
            })
            .collect();
        let locate = |i: usize| {
            let piece = starts.partition_point(|&s| s <= i).checked_sub(1)?;
            Some((piece, i - starts[piece]))
        };
        // The one sent last is kept, as for whole invitations.
        for &(repeat, first) in repeats {
            if let (Some((pr, jr)), Some((pf, jf))) =
                (locate(repeat as usize), locate(first as usize))
                && let (Some(&a), Some(&b)) = (all.pieces[pr].get(jr), all.pieces[pf].get(jf))
                && keeps_repeat(a.sent_at, b.sent_at)
            {
                all.pieces[pr][jr] = b;
                all.pieces[pf][jf] = a;
            }
        }
        let facts = |i: usize| locate(i).and_then(|(p, j)| all.pieces[p].get(j)).copied();
        let duplicates = where_repeats_are(repeats, |i| facts(i).map(|f| (f.line(), f.direction)));
        let mut recount = false;
        for &(repeat, _) in repeats {
            if let Some(f) = facts(repeat as usize) {
                recount |= !all.tally.remove(&f);
            }
        }
        // `repeats` is in reading order: each piece's run of them in turn.
        let mut gone = repeats
            .iter()
            .filter_map(|&(r, _)| locate(r as usize))
            .peekable();
        for (p, piece) in all.pieces.iter_mut().enumerate() {
            let mut j = 0;
            piece.retain(|_| {
                let repeat = gone.next_if_eq(&(p, j)).is_some();
                j += 1;
                !repeat
            });
        }
        if recount {
            all.tally = Tally::of(all.iter().copied(), all.tally.filter());
        }
        duplicates
    }

    fn count(all: &AllFacts) -> usize {
        all.len()
    }
}

/// Shares the strings that repeat from row to row (the recipient of incoming
/// invitations, the user's own URL) instead of storing them per row, and
/// works out the recipient's profile key once for each run of rows.
#[derive(Default)]
pub struct Shared {
    to: Option<Arc<str>>,
    invitee: Option<Arc<str>>,
    key_of: String,
    invitee_key: String,
}

impl Shared {
    /// The profile key of `invitee`, worked out again only when it changes.
    fn invitee_key(&mut self, invitee: &str) -> &str {
        if self.key_of != invitee {
            self.key_of.clear();
            self.key_of.push_str(invitee);
            self.invitee_key = profile_key(invitee).into_owned();
        }
        &self.invitee_key
    }

    fn interned(&mut self, to: &str, invitee: &str) -> (Arc<str>, Arc<str>, &str) {
        fn intern(slot: &mut Option<Arc<str>>, s: &str) -> Arc<str> {
            match slot {
                Some(a) if &**a == s => a.clone(),
                _ => {
                    let a: Arc<str> = Arc::from(s);
                    *slot = Some(a.clone());
                    a
                }
            }
        }
        let to = intern(&mut self.to, to);
        let invitee_arc = intern(&mut self.invitee, invitee);
        (to, invitee_arc, self.invitee_key(invitee))
    }
}

/// What reading one piece produced.
pub struct Piece<T: Item> {
    pub items: Vec<T>,
    /// For each item, a 128-bit hash of its id and trimmed note: equal keys
    /// are duplicate rows.
    pub keys: Vec<u128>,
    pub skipped: Vec<RowError>,
    pub replaced_rows: usize,
    /// The line of the first of them.
    pub first_replaced_line: Option<u64>,
    /// Rows kept although they are not UTF-8, in a file whose BOM says it
    /// is, or read row by row: read on their own as Windows-1252.
    pub windows_1252_rows: RowLines,
    /// Rows kept with characters beyond ASCII, all UTF-8, in a file read
    /// row by row.
    pub utf8_rows: RowLines,
    /// Rows kept although a quote inside a quoted field was not doubled
    /// (`"he said "hi" to me"`): read as the `csv` crate reads them, which
    /// moves the quote.
    pub undoubled_rows: usize,
    /// The line of the first of them.
    pub first_undoubled_line: Option<u64>,
    /// What the dates say of their order.
    pub slash_dates: SlashDates,
    /// What [`Item::summarise`] made of the items, once they are all read.
    pub summary: Option<T::Summary>,
    /// The lone `\r`s in the piece's text (not followed by `\n`), which
    /// end lines as `\n` does. The lines before each chunk are counted up
    /// front by `\n` alone: a second count of every byte, for `\r`, would
    /// add about 0.7% to `stats` on a well-formed export, for files that
    /// almost never have one. The pieces after this one are moved down by
    /// these when joined ([`Piece::shift_lines`]) instead.
    pub lone_cr: u64,
    /// The rows of `skipped` skipped for a quote left open (by index), and
    /// where it ran: their reasons name lines.
    pub quote_runs: Vec<(usize, QuoteRun)>,
}

impl<T: Item> Piece<T> {
    /// Moves every line the piece names `by` lines down.
    pub fn shift_lines(&mut self, by: u64) {
        for item in &mut self.items {
            item.shift_line(by);
        }
        for skipped in &mut self.skipped {
            skipped.line += by;
        }
        for (index, run) in &mut self.quote_runs {
            run.shift(by);
            if let Some(skipped) = self.skipped.get_mut(*index) {
                skipped.reason = run.reason();
            }
        }
        if let Some(line) = &mut self.first_replaced_line {
            *line += by;
        }
        if let Some(line) = &mut self.first_undoubled_line {
            *line += by;
        }
        self.windows_1252_rows.shift_lines(by);
        self.utf8_rows.shift_lines(by);
        self.slash_dates.shift_lines(by);
    }
}

impl<T: Item> Default for Piece<T> {
    fn default() -> Self {
        Piece {
            items: Vec::new(),
            keys: Vec::new(),
            skipped: Vec::new(),
            replaced_rows: 0,
            first_replaced_line: None,
            windows_1252_rows: RowLines::default(),
            utf8_rows: RowLines::default(),
            undoubled_rows: 0,
            first_undoubled_line: None,
            slash_dates: SlashDates::default(),
            summary: None,
            lone_cr: 0,
            quote_runs: Vec::new(),
        }
    }
}

/// Rows of one kind that a note counts, and the lines of the first few,
/// which it names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowLines {
    pub count: usize,
    /// The first [`RowLines::NAMED`], in the file's order.
    pub lines: Vec<u64>,
}

impl RowLines {
    /// How many lines a note names: enough to find the rows of a file
    /// with a few, and a line of text still.
    pub const NAMED: usize = 5;

    pub fn add(&mut self, line: u64) {
        self.count += 1;
        if self.lines.len() < Self::NAMED {
            self.lines.push(line);
        }
    }

    /// Adds the rows of a later piece of the file.
    pub fn extend(&mut self, later: RowLines) {
        self.count += later.count;
        let room = Self::NAMED.saturating_sub(self.lines.len());
        self.lines.extend(later.lines.into_iter().take(room));
    }

    fn shift_lines(&mut self, by: u64) {
        for line in &mut self.lines {
            *line += by;
        }
    }

    /// The lines, as a note names them: `line 3`, `lines 3, 4 and 5`,
    /// `lines 3, 4, 5, 6, 7 and 2 more`.
    pub fn named(&self) -> String {
        let mut lines: Vec<String> = self.lines.iter().map(u64::to_string).collect();
        if self.count > lines.len() {
            lines.push(format!("{} more", self.count - lines.len()));
        }
        format!("line{} {}", plural(self.count), and_list(&lines))
    }
}

/// Why reading a piece stopped early.
#[derive(Debug)]
pub enum Stop {
    /// The bytes are not UTF-8: the whole file is read again as Windows-1252.
    NotUtf8,
    /// The piece was cut inside a quoted field (a note with a line break, or
    /// a quote left open): the file has to be read in one piece.
    Cut,
}

/// Where a record sits in the text.
#[derive(Debug, Clone, Copy)]
struct At {
    /// The line the record starts on (1-based), blank lines before it not
    /// counted as part of it.
    line: u64,
    /// Line breaks inside the record (in quoted fields).
    inner_breaks: u64,
    /// The record's bytes in the text: from its first byte to its line end
    /// (included).
    start: usize,
    end: usize,
}

/// The CSV dialect of the export.
pub fn csv_reader(text: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(text)
}

/// Reads the next record of `text` (which `csv` reads) and tells where it
/// lies. The CSV reader's own positions count a line end that follows the
/// record (the `\n` of `\r\n`) and blank lines as the start of the next
/// record; the text itself puts that right. They count `\n`s only: `lone`
/// adds the lone `\r`s.
fn next_record(
    csv: &mut csv::Reader<&[u8]>,
    text: &[u8],
    record: &mut ByteRecord,
    line_offset: u64,
    lone: &mut LoneCr<'_>,
) -> Option<At> {
    let before = csv.position().clone();
    // With byte records and flexible field counts, reading from memory
    // cannot fail.
    if !csv.read_byte_record(record).unwrap_or(false) {
        return None;
    }
    let after = csv.position();
    let (from, to) = (offset(before.byte()), offset(after.byte()));
    let raw = &text[from.min(text.len())..to.min(text.len())];
    let lead = raw
        .iter()
        .take_while(|&&b| b == b'\n' || b == b'\r')
        .count();
    let lead_lf = count_lf(&raw[..lead]);
    let (start, end) = (from + lead, to.min(text.len()));
    let lone_before = lone.before(start);
    let line = before.line() + lead_lf + lone_before;
    // The record's own line end is no break inside it: a `\n`, or a `\r`
    // that is lone (that of `\r\n` is counted with its `\n`, after).
    let ends = end > start
        && match text[end - 1] {
            b'\n' => true,
            b'\r' => text.get(end) != Some(&b'\n'),
            _ => false,
        };
    let breaks = after.line() - before.line() - lead_lf + lone.before(end) - lone_before;
    Some(At {
        line: line + line_offset,
        inner_breaks: breaks.saturating_sub(u64::from(ends)),
        start,
        end: to,
    })
}

/// Counts the lone `\r`s of a text, those not followed by `\n`, which end
/// a line as `\n` and `\r\n` do (as an editor shows them: Excel for Mac
/// ends records so, with `\n` inside notes), up to a point that only moves
/// on. Each byte is looked at once, and only when asked about.
pub struct LoneCr<'a> {
    text: &'a [u8],
    seen: usize,
    count: u64,
}

impl<'a> LoneCr<'a> {
    pub fn new(text: &'a [u8]) -> Self {
        LoneCr {
            text,
            seen: 0,
            count: 0,
        }
    }

    /// The lone `\r`s before offset `to` (whose next byte, past `to`
    /// perhaps, is not `\n`).
    pub fn before(&mut self, to: usize) -> u64 {
        let to = to.min(self.text.len());
        if to > self.seen {
            for at in memchr::memchr_iter(b'\r', &self.text[self.seen..to]) {
                let at = self.seen + at;
                self.count += u64::from(self.text.get(at + 1) != Some(&b'\n'));
            }
            self.seen = to;
        }
        self.count
    }
}

fn offset(byte: u64) -> usize {
    usize::try_from(byte).unwrap_or(usize::MAX)
}

pub fn count_lf(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// The line breaks in `bytes`: `\n`, `\r\n` and a lone `\r` (one at the
/// end included).
pub fn count_breaks(bytes: &[u8]) -> u64 {
    count_lf(bytes) + LoneCr::new(bytes).before(bytes.len())
}

/// A line of far more fields than any row of an export: where it lies in
/// the text (its line end included), its commas, and the fields they make
/// when the quotes before it are as they should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overlong {
    pub start: usize,
    pub end: usize,
    pub commas: u64,
    pub fields: u64,
}

impl Overlong {
    /// Why its row is skipped, under a header of `width` fields.
    pub fn reason(&self, width: usize) -> String {
        if self.fields > max_fields(width) as u64 {
            format!("has {} fields where the header has {width}", self.fields)
        } else {
            let inside = self.commas - (self.fields - 1);
            let commas = if inside == self.commas {
                format!("{} commas inside quotes", self.commas)
            } else {
                format!("{} commas, {inside} of them inside quotes", self.commas)
            };
            format!(
                "holds {commas}, far too many for a row of {width} fields; a quote (\") on this line or one before is probably missing"
            )
        }
    }
}

/// The most fields a line may have to be read as a record, for a header of
/// `width` fields. Both CSV readers keep where every field of a record
/// starts, 8 bytes a field, in lists that double as they grow: a line of
/// commas that runs on took some 50 times its size (a line of a gigabyte,
/// over 10 GB), and a row of a thousand fields can only be damaged anyway.
pub fn max_fields(width: usize) -> usize {
    width.saturating_mul(10).max(4096)
}

/// The lines of `text` (which starts at the start of a record) with as many
/// commas as [`max_fields`] or more, to be skipped unread. A line of so
/// many commas is at least as many bytes long, so only lines that long are
/// looked at: one search back for a line end in each stretch of that many
/// bytes finds them, which costs next to nothing on a well-formed export.
///
/// A line of so many commas inside quotes is taken too: the quotes of text
/// this damaged may not be read as they are counted (the CSV reader takes
/// a quote inside a field as text, so it may see no quoted field at all),
/// and no note of an export holds thousands of commas.
pub fn overlong_lines(text: &[u8], width: usize) -> Vec<Overlong> {
    let most = max_fields(width);
    let mut found = Vec::new();
    // The start of a line, and the quotes before `counted`.
    let (mut from, mut counted, mut quotes) = (0, 0, 0usize);
    while text.len() - from > most {
        if let Some(end) = memchr::memrchr(b'\n', &text[from..from + most]) {
            from += end + 1;
            continue;
        }
        let end = memchr::memchr(b'\n', &text[from..]).map_or(text.len(), |e| from + e + 1);
        let line = &text[from..end];
        // Most long lines are a long note, with few commas.
        let commas = memchr::memchr_iter(b',', line).count();
        if commas >= most {
            // A lone CR ends a line too, as the CSV reader reads it (an old
            // Mac's line end): of such lines, only those with the commas
            // are taken, not a row after one (a tester's lost invitation).
            let mut start = from;
            let lone_cr = |&i: &usize| line.get(i + 1) != Some(&b'\n');
            let ends = memchr::memchr_iter(b'\r', line)
                .filter(lone_cr)
                .map(|i| from + i + 1)
                .chain(std::iter::once(end));
            for part_end in ends {
                let part = &text[start..part_end];
                let commas = memchr::memchr_iter(b',', part).count();
                if commas >= most {
                    // The fields are the commas outside quotes, by the
                    // quotes from the text's start (which is how the
                    // chunks are cut, see [`super::chunks`]).
                    quotes += memchr::memchr_iter(b'"', &text[counted..start]).count();
                    counted = start;
                    found.push(Overlong {
                        start,
                        end: part_end,
                        commas: commas as u64,
                        fields: unquoted_commas(part, quotes % 2 == 1) + 1,
                    });
                }
                start = part_end;
                if start >= end {
                    break;
                }
            }
        }
        from = end;
    }
    found
}

/// The commas of `line` outside quotes, `quoted` saying whether it starts
/// inside a quoted field. (A doubled quote inside one leaves it as it was.)
fn unquoted_commas(line: &[u8], mut quoted: bool) -> u64 {
    let (mut commas, mut from) = (0, 0);
    for q in memchr::memchr_iter(b'"', line).chain(std::iter::once(line.len())) {
        if !quoted {
            commas += memchr::memchr_iter(b',', &line[from..q]).count() as u64;
        }
        quoted = !quoted;
        from = q + 1;
    }
    commas
}

/// A record whose fields are all blank (a blank line, or only commas).
pub fn is_blank(record: &ByteRecord) -> bool {
    record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace))
}

/// True when `raw`, a record read from the start of a record, ends within
/// it: the CSV state machine is outside any quotes at its end. False when the
/// text ran out inside a quoted field, which is how a chunk cut at a line
/// break inside a note shows. Uses `csv-core`, the state machine the `csv`
/// crate itself runs, so the answer is the one a reading of the whole file
/// would give.
pub fn ends_outside_quotes(raw: &[u8]) -> bool {
    let mut reader = csv_core::Reader::new();
    let mut out = [0u8; 1024];
    let mut ends = [0usize; 64];
    let mut input = raw;
    loop {
        let (result, read, _, _) = reader.read_record(input, &mut out, &mut ends);
        input = &input[read..];
        match result {
            csv_core::ReadRecordResult::Record => {
                return input.iter().all(|&b| b == b'\n' || b == b'\r');
            }
            csv_core::ReadRecordResult::InputEmpty if input.is_empty() => return false,
            csv_core::ReadRecordResult::End => return true,
            // The fields themselves are not wanted: let them overwrite.
            _ => {}
        }
    }
}

/// What went wrong with the quoting of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteFault {
    /// The offset in the record of the quote that opened the bad field.
    pub open: usize,
    /// True when the record ends inside the quotes (the end of the file);
    /// false when the closing quote is followed by more text.
    pub unclosed: bool,
}

/// Checks a record's text against CSV's quoting rules, the way the `csv`
/// crate reads it: a field that starts with `"` ends at a `"` followed by a
/// comma or a line end (`""` being a quote inside); a quote anywhere else is
/// text. The `csv` crate is lenient about a closing quote followed by more
/// text; that is where a quote left open shows.
pub fn check_quotes(raw: &[u8]) -> Option<QuoteFault> {
    let mut i = 0;
    // The offset of the quote that opened the current quoted field.
    let mut open: Option<usize> = None;
    while let Some(q) = memchr::memchr(b'"', &raw[i..]).map(|p| i + p) {
        match open {
            None => {
                if q == 0 || matches!(raw[q - 1], b',' | b'\r' | b'\n') {
                    open = Some(q);
                }
                i = q + 1;
            }
            Some(o) => match raw.get(q + 1) {
                Some(b'"') => i = q + 2,
                None | Some(b',' | b'\r' | b'\n') => {
                    open = None;
                    i = q + 1;
                }
                Some(_) => {
                    return Some(QuoteFault {
                        open: o,
                        unclosed: false,
                    });
                }
            },
        }
    }
    open.map(|open| QuoteFault {
        open,
        unclosed: true,
    })
}

/// Where a quote left open ran, which its row's reason tells: kept beside
/// the reason, so that [`Piece::shift_lines`] can write it again with the
/// lines moved.
#[derive(Debug, Clone, Copy)]
pub struct QuoteRun {
    /// The row's line, the quote's, and the last the row ran over.
    line: u64,
    open_line: u64,
    last_line: u64,
    /// The lines after the quote's were read again on their own.
    reread: bool,
}

impl QuoteRun {
    fn reason(&self) -> String {
        let (line, open_line, last_line) = (self.line, self.open_line, self.last_line);
        let here = if open_line == line {
            "on this line".to_string()
        } else {
            format!("on line {open_line}")
        };
        if self.reread {
            let swallowed = if open_line + 1 == last_line {
                format!("line {last_line}, which it ran into, was read on its own")
            } else {
                format!(
                    "lines {}–{last_line}, which it ran into, were read on their own",
                    open_line + 1
                )
            };
            format!("a quote (\") opens a field {here} and is never closed; {swallowed}")
        } else if last_line == line {
            format!("a quote (\") opens a field {here} and is never closed")
        } else {
            format!(
                "a quote (\") opens a field {here} and is never closed, so lines {line}–{last_line} were read as this one row"
            )
        }
    }

    fn shift(&mut self, by: u64) {
        self.line += by;
        self.open_line += by;
        self.last_line += by;
    }
}

/// How deep the lines swallowed by a broken quote are read again, when they
/// hold a broken quote themselves.
const MAX_REREAD_DEPTH: u32 = 8;

/// Reads rows into a [`Piece`].
pub struct Rows<'c, T: Item> {
    cols: Columns,
    encoding: TextEncoding,
    classify: Option<Classify<'c>>,
    counted: DirectionFilter,
    shared: Shared,
    sent_at: SentAtReader,
    pub piece: Piece<T>,
}

impl<'c, T: Item> Rows<'c, T> {
    pub fn new(
        cols: Columns,
        encoding: TextEncoding,
        classify: Option<Classify<'c>>,
        counted: DirectionFilter,
    ) -> Self {
        Rows {
            cols,
            encoding,
            classify,
            counted,
            shared: Shared::default(),
            sent_at: SentAtReader::default(),
            piece: Piece::default(),
        }
    }

    pub fn columns(&self) -> Columns {
        self.cols
    }

    /// Each row beyond ASCII is read in its own encoding, and counted: see
    /// [`row_apart`](Self::row_apart).
    pub fn reads_rows_apart(&self) -> bool {
        self.encoding == TextEncoding::Utf8Mostly
    }

    /// Reads dates written with slashes day first.
    pub fn read_day_first(&mut self) {
        self.sent_at.day_first = true;
    }

    /// Forgets what was read, to read the same piece again another way.
    pub fn reset(&mut self) {
        self.piece = Piece::default();
    }

    fn skip(&mut self, line: u64, reason: String) {
        self.piece.skipped.push(RowError {
            line,
            reason,
            id: None,
        });
    }

    /// [`skip`](Self::skip) for a row whose profile URLs were read: with
    /// the id they give it, when both are there.
    fn skip_known(&mut self, line: u64, reason: String, inviter_url: &str, invitee_url: &str) {
        use crate::invitation::{InvitationId, profile_key};
        let (a, b) = (profile_key(inviter_url), profile_key(invitee_url));
        let id = (!a.is_empty() && !b.is_empty())
            .then(|| InvitationId::derive_keyed(&a, &b, "", "", chrono::NaiveDateTime::MIN));
        self.piece.skipped.push(RowError { line, reason, id });
    }

    /// Skips the row of a quote left open, and keeps where it ran.
    fn skip_run(&mut self, run: QuoteRun) {
        let index = self.piece.skipped.len();
        self.skip(run.line, run.reason());
        self.piece.quote_runs.push((index, run));
    }

    /// Reads every record of `text`, a whole piece that starts after `base`
    /// lines of the file; `cut` says the piece ends where the file was cut
    /// (not at its end), so that its last record must end there too.
    pub fn read_piece(&mut self, text: &[u8], base: u64, cut: bool) -> Result<(), Stop> {
        self.read_rows_around(text, base, cut)?;
        self.piece.lone_cr = LoneCr::new(text).before(text.len());
        Ok(())
    }

    /// [`read_piece`](Self::read_piece) but for its lines of far too many
    /// fields, skipped unread (see [`overlong_lines`]): the text between
    /// them is read as pieces of its own, and `cut` applies to the last.
    fn read_rows_around(&mut self, text: &[u8], base: u64, cut: bool) -> Result<(), Stop> {
        // The text from `from` on starts after `lines` lines.
        let (mut from, mut lines) = (0, base);
        for wide in overlong_lines(text, self.cols.width) {
            let before = &text[from..wide.start];
            self.read_rows(before, lines, false, 0)?;
            lines += count_breaks(before);
            self.skip(lines + 1, wide.reason(self.cols.width));
            lines += count_breaks(&text[wide.start..wide.end]);
            from = wide.end;
        }
        self.read_rows(&text[from..], lines, cut, 0)
    }

    /// Reads every record of `text` with `line_offset` added to its lines;
    /// see [`read_piece`](Self::read_piece) for `cut`. (The lines a quote
    /// left open ran into, read again here, start at a line start of a
    /// piece whose lines of too many fields are out already.)
    fn read_rows(
        &mut self,
        text: &[u8],
        line_offset: u64,
        cut: bool,
        depth: u32,
    ) -> Result<(), Stop> {
        let mut csv = csv_reader(text);
        let mut record = ByteRecord::new();
        let mut lone = LoneCr::new(text);
        while let Some(at) = next_record(&mut csv, text, &mut record, line_offset, &mut lone) {
            let raw = &text[at.start.min(at.end)..at.end];
            if cut && at.end >= text.len() && !ends_outside_quotes(raw) {
                return Err(Stop::Cut);
            }
            self.record(&record, raw, at, depth)?;
        }
        Ok(())
    }

    fn record(&mut self, record: &ByteRecord, raw: &[u8], at: At, depth: u32) -> Result<(), Stop> {
        if is_blank(record) {
            return Ok(());
        }
        // Only a record over several lines or with the wrong number of
        // fields can hide a quote left open. (This path reads only pieces
        // the fast one gave up on, so the check costs nothing on a
        // well-formed export.)
        let fault = check_quotes(raw);
        if let Some(fault) = fault
            && (at.inner_breaks > 0 || record.len() != self.cols.width)
        {
            return self.broken_quote(record, raw, at, fault, depth);
        }
        // A quote inside a quoted field, not doubled: the row stands, as
        // read, and is named.
        let skipped = self.piece.skipped.len();
        let read = self.row(record, at.line, "");
        if fault.is_some_and(|f| !f.unclosed) && self.piece.skipped.len() == skipped {
            self.piece.undoubled_rows += 1;
            self.piece.first_undoubled_line.get_or_insert(at.line);
        }
        read
    }

    /// A record with a quote that was never properly closed: when the lines
    /// after the quote hold rows, the record is skipped and they are read on
    /// their own; otherwise the record is reported (or kept, when the `csv`
    /// crate's lenient reading makes a whole row of it).
    fn broken_quote(
        &mut self,
        record: &ByteRecord,
        raw: &[u8],
        at: At,
        fault: QuoteFault,
        depth: u32,
    ) -> Result<(), Stop> {
        let open_line = at.line + count_breaks(&raw[..fault.open]);
        let last_line = at.line + at.inner_breaks;
        // The lines after the quote's, from the next line break on.
        let tail = match memchr::memchr2(b'\n', b'\r', &raw[fault.open..]) {
            Some(i) => {
                let at = fault.open + i;
                let crlf = raw[at] == b'\r' && raw.get(at + 1) == Some(&b'\n');
                &raw[(at + 1 + usize::from(crlf)).min(raw.len())..]
            }
            None => &[][..],
        };
        let mut run = QuoteRun {
            line: at.line,
            open_line,
            last_line,
            reread: false,
        };
        if depth < MAX_REREAD_DEPTH && self.holds_a_row(tail) {
            run.reread = true;
            self.skip_run(run);
            return self.read_rows(tail, open_line, false, depth + 1);
        }
        if fault.unclosed {
            self.skip_run(run);
            return Ok(());
        }
        self.row(
            record,
            at.line,
            "; a quote (\") in it is probably missing, or not doubled inside a quoted field",
        )
    }

    /// True when `text` holds at least one record that reads as a row.
    fn holds_a_row(&self, text: &[u8]) -> bool {
        if text.is_empty() {
            return false;
        }
        let mut csv = csv_reader(text);
        let mut record = ByteRecord::new();
        fn field(r: &ByteRecord, i: usize) -> Option<&str> {
            r.get(i).and_then(|b| std::str::from_utf8(b).ok())
        }
        let day_first = self.sent_at.day_first;
        while let Ok(true) = csv.read_byte_record(&mut record) {
            if record.len() == self.cols.width
                && field(&record, self.cols.direction)
                    .and_then(parse_direction)
                    .is_some()
                && field(&record, self.cols.sent_at)
                    .and_then(|s| parse_sent_at_in(s, day_first))
                    .is_some()
            {
                return true;
            }
        }
        false
    }

    /// Reads one record as an invitation, or reports why not; `hint` is added
    /// to a wrong-field-count reason.
    fn row(&mut self, record: &ByteRecord, line: u64, hint: &str) -> Result<(), Stop> {
        if self.reads_rows_apart() && !record.as_slice().is_ascii() {
            return self.row_apart(record, line, hint);
        }
        self.utf8_row(record, line, hint)
    }

    /// A row beyond ASCII of a file read row by row, which is some UTF-8
    /// and some not: read as UTF-8 when it is, and counted (the note names
    /// the rows of UTF-8 when they are the fewer); else on its own, as a
    /// row that is not UTF-8 in a file that is ([`not_utf8`](Self::not_utf8)).
    /// A row well-formed but for characters no text is written in is
    /// Windows-1252 that reads as UTF-8 by chance (see
    /// [`unwritten`](super::unwritten)).
    fn row_apart(&mut self, record: &ByteRecord, line: u64, hint: &str) -> Result<(), Stop> {
        let tally = Utf8Tally::of(record.as_slice());
        // Field by field: the bytes of one character split between two
        // fields are not UTF-8 (see `utf8_row`).
        let utf8 = record.iter().all(|f| simdutf8::basic::from_utf8(f).is_ok());
        if !(utf8 && tally.mostly()) {
            let cut = tally.clearly() || (tally.mostly() && cut_at_ends(record));
            return self.decoded_row(record, line, hint, cut);
        }
        let skipped = self.piece.skipped.len();
        let read = self.utf8_row(record, line, hint);
        // Counted only when kept, as the others are.
        if self.piece.skipped.len() == skipped {
            self.piece.utf8_rows.add(line);
        }
        read
    }

    /// [`row`](Self::row) for a record of UTF-8, or one to read on its own
    /// when it is not ([`not_utf8`](Self::not_utf8)).
    fn utf8_row(&mut self, record: &ByteRecord, line: u64, hint: &str) -> Result<(), Stop> {
        // One check of the whole record costs less than one per field; each
        // field must then start and end on a character boundary too.
        let Ok(text) = simdutf8::basic::from_utf8(record.as_slice()) else {
            return self.not_utf8(record, line, hint);
        };
        let mut fields: [&str; 7] = [""; 7];
        for (slot, col) in fields.iter_mut().zip(self.cols.indices()) {
            if let Some(range) = col.and_then(|i| record.range(i)) {
                match text.get(range) {
                    Some(s) => *slot = s,
                    None => return self.not_utf8(record, line, hint),
                }
            }
        }
        // Empty fields past the header's (a stray comma at the end of a
        // line): the row is whole without them.
        let width = self.cols.width;
        let width = if record.len() > width
            && record.iter().skip(width).all(|f| f.trim_ascii().is_empty())
        {
            width
        } else {
            record.len()
        };
        self.fields(fields, width, line, hint);
        Ok(())
    }

    /// A row with bytes that are not UTF-8: start again (as Windows-1252,
    /// or as UTF-8 with a few rows not), or, when a BOM or the rest of the
    /// file says it is UTF-8, read the row on its own: as UTF-8 with U+FFFD
    /// for the bad bytes when most of it is (a note cut inside a
    /// character), else as Windows-1252 (a row that an old spreadsheet or
    /// a script added), in which every byte is a character.
    fn not_utf8(&mut self, record: &ByteRecord, line: u64, hint: &str) -> Result<(), Stop> {
        if self.encoding == TextEncoding::Utf8 {
            return Err(Stop::NotUtf8);
        }
        let tally = Utf8Tally::of(record.as_slice());
        let utf8 = tally.clearly() || (tally.mostly() && cut_at_ends(record));
        self.decoded_row(record, line, hint, utf8)
    }

    /// Reads a row that is not UTF-8 as UTF-8 with U+FFFD for its bad
    /// bytes when `utf8` (it mostly is), else as Windows-1252; and counts
    /// it, when kept, for the notes.
    fn decoded_row(
        &mut self,
        record: &ByteRecord,
        line: u64,
        hint: &str,
        utf8: bool,
    ) -> Result<(), Stop> {
        let fixed: ByteRecord = record
            .iter()
            .map(|f| {
                if utf8 {
                    String::from_utf8_lossy(f)
                } else {
                    encoding_rs::WINDOWS_1252.decode_without_bom_handling(f).0
                }
                .into_owned()
            })
            .collect();
        let skipped = self.piece.skipped.len();
        // Each field is UTF-8 now: read as it is, not weighed again.
        let read = self.utf8_row(&fixed, line, hint);
        // Counted among the rows kept so only when kept: a row skipped for
        // another reason has its own warning, and is not shown.
        if self.piece.skipped.len() == skipped {
            if utf8 {
                self.piece.replaced_rows += 1;
                self.piece.first_replaced_line.get_or_insert(line);
            } else {
                self.piece.windows_1252_rows.add(line);
            }
        }
        read
    }

    /// Reads a row from its seven fields (in [`Fields`] order, empty for a
    /// column the export lacks) and the number of fields it has: keeps it,
    /// or reports why not.
    pub fn fields(&mut self, fields: [&str; 7], width: usize, line: u64, hint: &str) {
        let class = self.classify(&fields, width);
        self.fields_classified(fields, width, line, hint, class);
    }

    /// The classification of a row's note, when the row is one to classify
    /// (of the counted direction, and of the header's width); `None` for
    /// any other.
    pub fn classify(&self, fields: &[&str; 7], width: usize) -> Option<Classification> {
        let classify = self.classify?;
        let [from, to, _, message, direction, ..] = *fields;
        (width == self.cols.width
            && parse_direction(direction).is_some_and(|d| self.counted.matches(d)))
        .then(|| classify(message, from, to))
    }

    /// [`fields`](Self::fields) for a row already classified by
    /// [`classify`](Self::classify).
    pub fn fields_classified(
        &mut self,
        fields: [&str; 7],
        width: usize,
        line: u64,
        hint: &str,
        class: Option<Classification>,
    ) {
        if width != self.cols.width {
            self.skip(
                line,
                format!(
                    "has {width} field{} where the header has {}{hint}",
                    plural(width),
                    self.cols.width
                ),
            );
            return;
        }
        let [
            from,
            to,
            sent_at,
            message,
            direction,
            inviter_url,
            invitee_url,
        ] = fields;
        let Some(direction) = parse_direction(direction) else {
            let reason = if direction.trim().eq_ignore_ascii_case("direction") {
                "repeats the header (were two exports joined?)".to_string()
            } else if direction.trim().is_empty() {
                "Direction is empty; expected INCOMING or OUTGOING".to_string()
            } else {
                format!(
                    "Direction is `{}`; expected INCOMING or OUTGOING",
                    shorten(direction, 40)
                )
            };
            self.skip_known(line, reason, inviter_url, invitee_url);
            return;
        };
        let raw_sent_at = sent_at;
        let Some(sent_at) = self
            .sent_at
            .parse(sent_at, line, &mut self.piece.slash_dates)
        else {
            // A spreadsheet that saved the export again writes its own
            // locale's dates: 25/11/2026 cannot be read, and 3/12/2025 is
            // read as 12 March. (`30/02/2026` is no date either way.)
            let day_first = if looks_day_first(sent_at) && parse_sent_at_in(sent_at, true).is_some()
            {
                "; it looks day-first, as a spreadsheet re-saving the export writes dates: the rows read may have day and month swapped, so use the export as LinkedIn sent it"
            } else {
                ""
            };
            let what = if sent_at.trim().is_empty() {
                "empty".to_string()
            } else if let Some(why) = no_such_day(sent_at) {
                format!("`{}`, {why}", shorten(sent_at, 40))
            } else {
                format!("`{}`", shorten(sent_at, 40))
            };
            self.skip_known(
                line,
                format!(
                    "Sent At is {what}; expected a date like `7/8/26, 3:43 PM` or `2026-07-08T15:43:00`{day_first}"
                ),
                inviter_url,
                invitee_url,
            );
            return;
        };
        // LinkedIn began in 2003: a year before it (or past this century,
        // where two-digit years end) is a damaged row, and would stretch
        // the ages and the by-month count over millennia.
        if !(2003..=2099).contains(&chrono::Datelike::year(&sent_at)) {
            self.skip_known(
                line,
                format!(
                    "Sent At is `{}`, in the year {}; expected a date from 2003, when LinkedIn began, to 2099",
                    shorten(raw_sent_at, 40),
                    chrono::Datelike::year(&sent_at)
                ),
                inviter_url,
                invitee_url,
            );
            return;
        }
        let class = class.unwrap_or(Classification {
            category: Category::Default,
            signals: Signals::empty(),
        });
        let row = Fields {
            from,
            to,
            message,
            inviter_url,
            invitee_url,
            sent_at,
            direction,
            line: line32(line),
        };
        let (item, id) = T::build(&row, &mut self.shared, class);
        // 128 bits: two different rows share a key with a chance of about
        // n²/2¹²⁹, 10⁻²⁷ for a million rows, so equal keys are taken as
        // equal rows without keeping the notes to compare.
        // An id from the names and the minute (a profile URL missing) would
        // make two people of the same name, each with their URL, one row:
        // duplicates are rows with the same URLs and note.
        let seed = if inviter_url.is_empty() == invitee_url.is_empty() {
            id.0
        } else {
            xxhash_rust::xxh3::xxh3_64_with_seed(
                format!("{inviter_url}\0{invitee_url}").as_bytes(),
                id.0,
            )
        };
        let key = xxhash_rust::xxh3::xxh3_128_with_seed(message.trim().as_bytes(), seed);
        self.piece.keys.push(key);
        self.piece.items.push(item);
    }
}

/// Whether `s` starts with a date written day first: `25/11/2026`,
/// `31.12.25` (a first number over 12, a second of 12 at most).
pub(super) fn looks_day_first(s: &str) -> bool {
    let mut parts = s.trim().split(['/', '.', '-']);
    let number = |p: Option<&str>| p.and_then(|p| p.trim().parse::<u32>().ok());
    matches!(
        (number(parts.next()), number(parts.next())),
        (Some(13..=31), Some(1..=12))
    )
}

/// Whether every byte of `record` that is not UTF-8 ends its field, as a
/// character cut short there does (a note cut at LinkedIn's limit, or by
/// a tool): in a row not far more UTF-8 than not, a byte of Windows-1252
/// inside a word (`René CAFÉ”`) is no cut, and the row is Windows-1252,
/// not UTF-8 with U+FFFD.
fn cut_at_ends(record: &ByteRecord) -> bool {
    record.iter().all(|field| {
        let mut rest = field;
        loop {
            match std::str::from_utf8(rest) {
                Ok(_) => return true,
                Err(e) => match e.error_len() {
                    // Cut short at the field's end.
                    None => return true,
                    Some(n) => {
                        let after = e.valid_up_to() + n;
                        if after < rest.len() {
                            return false;
                        }
                        rest = &rest[after..];
                    }
                },
            }
        }
    })
}
