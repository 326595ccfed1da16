//! The fast path for well-formed text: `simd-csv` finds the fields with SIMD
//! searches, about 2.7 times faster than the `csv` crate on an export
//! (57 against 150 ms for a million rows on one core).
//!
//! `simd-csv` reads well-formed CSV exactly as the `csv` crate does, but
//! reads some malformed text differently (it has no notion of the start of a
//! field, so a stray quote inside a field opens a quoted run; a lone `\r`
//! does not end a line). So this path takes a field only when its quoting
//! leaves no room for a difference: unquoted and free of `"` and `\r`, or
//! quoted from its first byte to its last with every quote inside doubled.
//! On anything else, or bytes that are not UTF-8, it gives up on the whole
//! piece, which the careful path in [`super::rows`] then reads from the
//! start; the tests check that both paths agree wherever this one answers.

use super::Utf8Tally;
use super::rows::{Item, Rows};

/// Records are parsed this many at a time before their rows are built, so
/// that each loop (the CSV parser's, the classifier's) runs long enough to
/// keep its code and tables in the cache. (At a million rows, 1024 ran
/// 5 ms faster than 256, 512 the same as 1024, 4096 10 ms slower: its
/// records no longer stay in the cache between the loops.)
const BATCH: usize = 1024;

/// One parsed record, waiting for its row to be built.
#[derive(Clone, Copy, Default)]
struct Parsed {
    /// Each slot's text: a range of the piece's text, or (`OWNED` set in
    /// the start) an index into the unescaped copies.
    slots: [(u32, u32); 7],
    width: u32,
    line: u64,
    /// A row beyond ASCII of a file read row by row: counted as UTF-8.
    utf8: bool,
}

/// Marks a slot whose text is an unescaped copy.
const OWNED: u32 = 1 << 31;

/// Reads every row of `text`, which starts after `base` lines of the file,
/// into `rows`; or returns false, having kept nothing, when some record is
/// not plainly well formed.
pub fn read_piece<T: Item>(rows: &mut Rows<'_, T>, text: &[u8], base: u64) -> bool {
    // Offsets are kept in 31 bits; a piece is a few MiB.
    let Ok(whole) = simdutf8::basic::from_utf8(text) else {
        return give_up(rows);
    };
    if text.len() >= OWNED as usize {
        return give_up(rows);
    }
    let cols = rows.columns();
    let apart = rows.reads_rows_apart();
    // For each column of the file, the slot of [`Fields`] order it fills.
    let mut slot_of: Vec<Option<usize>> = vec![None; cols.width];
    for (slot, col) in cols.indices().into_iter().enumerate() {
        if let Some(c) = col.and_then(|c| slot_of.get_mut(c)) {
            *c = Some(slot);
        }
    }
    let mut reader = simd_csv::ZeroCopyReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(text);
    // The end of the previous record (after its line end), and the line
    // (1-based) that starts there.
    let (mut prev, mut line) = (0usize, base + 1);
    // The lone `\r`s so far (see [`Piece::lone_cr`](super::rows::Piece)).
    let mut lone = 0u64;
    let mut owned: Vec<String> = Vec::new();
    let mut batch: Vec<Parsed> = Vec::with_capacity(BATCH);
    let mut classes = Vec::with_capacity(BATCH);
    let mut done = false;
    while !done {
        batch.clear();
        owned.clear();
        while batch.len() < BATCH {
            // `simd-csv` skips the blank lines (and any `\r`) before a record.
            let rest = text.get(prev..).unwrap_or_default();
            let lead = rest
                .iter()
                .take_while(|&&b| b == b'\n' || b == b'\r')
                .count();
            let (lead_breaks, lead_lone) = run_breaks(&rest[..lead]);
            lone += lead_lone;
            let start_line = line + lead_breaks;
            let inner_breaks = match read_record(
                &mut reader,
                prev + lead,
                &slot_of,
                &mut owned,
                start_line,
                &mut batch,
                &mut lone,
            ) {
                Some(Some(inner_breaks)) => inner_breaks,
                Some(None) => {
                    done = true;
                    break;
                }
                None => return give_up(rows),
            };
            let end = usize::try_from(reader.position()).unwrap_or(usize::MAX);
            if end <= prev || end > text.len() {
                return give_up(rows);
            }
            // A row beyond ASCII of a file read row by row is weighed as
            // the careful path weighs it (`Rows::row_apart`): its quotes
            // and separators are ASCII, and the piece is UTF-8 throughout.
            // What is UTF-8 only by chance is left to that path, to read
            // as Windows-1252.
            if apart {
                let raw = text.get(prev + lead..end).unwrap_or_default();
                if !raw.is_ascii() {
                    if !Utf8Tally::of(raw).mostly() {
                        return give_up(rows);
                    }
                    // Not blank, so the last one parsed.
                    if let Some(p) = batch.last_mut() {
                        p.utf8 = true;
                    }
                }
            }
            // A plain record holds line breaks only inside its quoted
            // fields; then comes its own line end, unless the text ends
            // first.
            line = start_line + inner_breaks + u64::from(text[end - 1] == b'\n');
            prev = end;
        }
        // The notes are classified in a loop of their own too.
        let mut rows_fields: Vec<[&str; 7]> = Vec::with_capacity(batch.len());
        for p in &batch {
            let mut fields: [&str; 7] = [""; 7];
            for (field, &(a, b)) in fields.iter_mut().zip(&p.slots) {
                *field = if a & OWNED != 0 {
                    &owned[(a & !OWNED) as usize]
                } else {
                    match whole.get(a as usize..b as usize) {
                        Some(f) => f,
                        None => return give_up(rows),
                    }
                };
            }
            rows_fields.push(fields);
        }
        classes.clear();
        classes.extend(
            rows_fields
                .iter()
                .zip(&batch)
                .map(|(fields, p)| rows.classify(fields, p.width as usize)),
        );
        for ((fields, p), class) in rows_fields.iter().zip(&batch).zip(&classes) {
            let skipped = rows.piece.skipped.len();
            rows.fields_classified(*fields, p.width as usize, p.line, "", *class);
            // Counted only when kept, as the careful path counts it.
            if p.utf8 && rows.piece.skipped.len() == skipped {
                rows.piece.utf8_rows.add(p.line);
            }
        }
    }
    rows.piece.lone_cr = lone;
    true
}

/// The line breaks in `run`, a run of `\r`s and `\n`s that ends where the
/// text or a record starts, and how many of them are lone `\r`s.
fn run_breaks(run: &[u8]) -> (u64, u64) {
    let (mut breaks, mut lone) = (0, 0);
    for (i, &b) in run.iter().enumerate() {
        if b == b'\n' {
            breaks += 1;
        } else if run.get(i + 1) != Some(&b'\n') {
            breaks += 1;
            lone += 1;
        }
    }
    (breaks, lone)
}

/// Parses the next record, which starts at byte `start` of the piece, into
/// `batch` (a blank one is left out): `Some(Some(n))` when there was one,
/// with `n` line breaks inside it (of which the lone `\r`s are added to
/// `lone`), `Some(None)` at the end, `None` when it is not plainly well
/// formed.
fn read_record(
    reader: &mut simd_csv::ZeroCopyReader<&[u8]>,
    start: usize,
    slot_of: &[Option<usize>],
    owned: &mut Vec<String>,
    start_line: u64,
    batch: &mut Vec<Parsed>,
    lone: &mut u64,
) -> Option<Option<u64>> {
    let record = match reader.read_byte_record() {
        Ok(Some(record)) => record,
        Ok(None) => return Some(None),
        Err(_) => return None,
    };
    let whole = record.as_slice();
    let width = record.len();
    let mut parsed = Parsed {
        width: u32::try_from(width).ok()?,
        line: start_line,
        ..Parsed::default()
    };
    let mut blank = true;
    // Every field is checked, picked or not: the quoting of each decides
    // where the next begins.
    let (breaks, lone_cr, doubled) = quoting(&record)?;
    *lone += lone_cr;
    for i in 0..width {
        let Some(cell) = record.get(i) else { continue };
        let text = match cell {
            [b'"', inner @ .., b'"'] => inner,
            _ => cell,
        };
        blank &= text.iter().all(u8::is_ascii_whitespace);
        let Some(&Some(slot)) = slot_of.get(i) else {
            continue;
        };
        parsed.slots[slot] = if doubled & (1 << i) == 0 {
            let a = u32::try_from(start + subslice_offset(whole, text)).ok()?;
            (a, a + u32::try_from(text.len()).ok()?)
        } else {
            owned.push(String::from_utf8(unescape(text)).ok()?);
            (OWNED | u32::try_from(owned.len() - 1).ok()?, 0)
        };
    }
    // Empty fields past the header's (a stray comma at the end of a
    // line): the row is whole without them.
    if width > slot_of.len()
        && (slot_of.len()..width).all(|i| {
            record.get(i).is_some_and(|c| {
                let inner = match c {
                    [b'"', inner @ .., b'"'] => inner,
                    _ => c,
                };
                inner.iter().all(u8::is_ascii_whitespace)
            })
        })
    {
        parsed.width = u32::try_from(slot_of.len()).ok()?;
    }
    if !blank {
        batch.push(parsed);
    }
    Some(Some(breaks))
}

fn give_up<T: Item>(rows: &mut Rows<'_, T>) -> bool {
    rows.reset();
    false
}

/// The offset of `inner` within `outer`, of which it is a part.
fn subslice_offset(outer: &[u8], inner: &[u8]) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

/// Checks the quoting of every field of a record in one pass over its
/// quotes, `\r`s and line breaks: each field must be plain (see the module's
/// comment). Returns the line breaks in the record (`\n`, `\r\n` or a lone
/// `\r`), how many of them are lone `\r`s, and a mask of the fields
/// holding doubled quotes (to unescape); `None` when a field is not plain,
/// or the record has more than 64 fields.
fn quoting(record: &simd_csv::ZeroCopyByteRecord<'_>) -> Option<(u64, u64, u64)> {
    let whole = record.as_slice();
    let width = record.len();
    if width > 64 {
        return None;
    }
    let bounds = |i: usize| {
        record.get(i).map(|cell| {
            let start = subslice_offset(whole, cell);
            (start, start + cell.len())
        })
    };
    // A quoted field must end in its own closing quote.
    let mut quoted = 0u64;
    for i in 0..width {
        match record.get(i)? {
            [b'"', _, ..] if whole[bounds(i)?.1 - 1] == b'"' => quoted |= 1 << i,
            [b'"', ..] => return None,
            _ => {}
        }
    }
    let (mut field, mut breaks, mut lone, mut doubled) = (0, 0u64, 0u64, 0u64);
    let (mut start, mut end) = bounds(0)?;
    let mut skip = None;
    for at in memchr::memchr3_iter(b'"', b'\r', b'\n', whole) {
        if skip == Some(at) {
            continue;
        }
        while at >= end {
            field += 1;
            (start, end) = bounds(field)?;
        }
        if quoted & (1 << field) == 0 {
            // Unquoted, a field can hold none of them.
            return None;
        }
        match whole[at] {
            b'\n' => breaks += 1,
            b'"' if at == start || at == end - 1 => {}
            // Inside: it must be doubled, both quotes before the closing one.
            b'"' if at + 2 < end && whole[at + 1] == b'"' => {
                doubled |= 1 << field;
                skip = Some(at + 1);
            }
            b'"' => return None,
            // A `\r` inside a quoted field (which is never its last byte)
            // ends a line when no `\n` follows.
            _ if whole.get(at + 1) != Some(&b'\n') => {
                breaks += 1;
                lone += 1;
            }
            _ => {}
        }
    }
    Some((breaks, lone, doubled))
}

/// The text of a quoted field's inside, its doubled quotes made single.
fn unescape(inner: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(q) = memchr::memchr(b'"', rest) {
        out.extend_from_slice(&rest[..=q]);
        rest = rest.get(q + 2..).unwrap_or_default();
    }
    out.extend_from_slice(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{quoting, read_piece, unescape};
    use crate::import::rows::Rows;
    use crate::import::{Columns, TextEncoding};
    use crate::invitation::Invitation;
    use crate::stats::DirectionFilter;

    fn rows() -> Rows<'static, Invitation> {
        let header = [
            "from",
            "to",
            "sent at",
            "message",
            "direction",
            "inviterprofileurl",
            "inviteeprofileurl",
        ]
        .map(String::from);
        let cols = Columns::find(&header).unwrap();
        Rows::new(cols, TextEncoding::Utf8, None, DirectionFilter::Incoming)
    }

    /// The fast reader takes a piece whose every field is plain, doubled
    /// quotes and line breaks in notes included; at anything else it gives
    /// up, keeping nothing, for the careful reader to read it all. (Its
    /// answers are checked against the careful reader's by the import's
    /// property test; this checks that it is used at all.)
    #[test]
    fn takes_plain_pieces_and_gives_up_keeping_nothing() {
        let row = |name: &str| {
            format!(
                "{name},Colleen,\"7/8/26, 3:43 PM\",\"Hi, \"\"you\"\"\nthere\",INCOMING,https://www.linkedin.com/in/{n},https://www.linkedin.com/in/c\n",
                n = name.len()
            )
        };
        let plain = format!("{}\n{}", row("Joe"), row("Ann Lee"));
        let mut r = rows();
        assert!(read_piece(&mut r, plain.as_bytes(), 1));
        assert_eq!(r.piece.items.len(), 2);
        assert_eq!(r.piece.items[1].line, 5);
        let stray = format!("{}{}", row("Joe"), row("Jo\"e"));
        let mut r = rows();
        assert!(!read_piece(&mut r, stray.as_bytes(), 1));
        assert!(r.piece.items.is_empty());
        assert!(!read_piece(&mut rows(), b"Jo\xffe,a,b,c,d,e,f\n", 1));
    }

    /// The quoting of a one-line CSV text read as one record: its line
    /// breaks and doubled-quote mask, or `None` when not plain.
    fn check(text: &[u8]) -> Option<(u64, u64, u64)> {
        let mut reader = simd_csv::ZeroCopyReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text);
        let record = reader.read_byte_record().ok()??;
        quoting(&record)
    }

    #[test]
    fn plain_fields() {
        assert_eq!(check(b"abc,,d e\n"), Some((0, 0, 0)));
        assert_eq!(check(b"a,\"b,c\nd\n\",e\n"), Some((2, 0, 0)));
        // `\r\n` is one break, a lone `\r` one too.
        assert_eq!(check(b"a,\"b\r\nc\rd\r\",e\n"), Some((3, 2, 0)));
        assert_eq!(check(b"\"\",\"say \"\"hi\"\"\"\n"), Some((0, 0, 0b10)));
        assert_eq!(check(b"\"\"\"\"\"\"\n"), Some((0, 0, 0b1)));
        assert_eq!(unescape(b"say \"\"hi\"\""), b"say \"hi\"");
        for odd in [
            &b"a\"b,c\n"[..],
            b"a\rb,c\n",
            b"x,\"\n",
            b"\"abc,d\n",
            b"\"ab\"c,d\n",
            b"\"a\"b\",d\n",
            b"\"abc\"\",d\n",
            b"\"\"\",d\n",
        ] {
            assert_eq!(check(odd), None, "{:?}", String::from_utf8_lossy(odd));
        }
    }
}
