//! Reading a large export on every core: the text after the header is cut
//! into chunks of a few MiB at line ends, each chunk is read on its own by a
//! worker thread, and the pieces are joined in order.
//!
//! A line end is not always the end of a record: a note may hold line
//! breaks inside its quotes. Where to cut cannot be known for sure without
//! reading from the start, so the cut is a guess that the reading checks.
//! The guess is a line end with an even number of quotes before it in the
//! chunk, which is right for every well-formed file; the check is that a
//! chunk's last record ends at the chunk's end, outside quotes. Chunk 0 starts
//! at a record's start (after the header), so by induction every chunk that
//! passes starts at one too and reads exactly as the whole file would. When a
//! chunk fails (a quote left open), the chunks before it stand and the rows
//! from its start to the end are read again in one piece.
//!
//! Duplicates are found at the end, over all pieces, from each row's 128-bit
//! key.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{self, Read};
use std::panic::AssertUnwindSafe;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use super::rows::{self, Item, Piece, RowLines, Rows, Stop, count_lf};
use super::sent_at::SlashDates;
use super::{Classify, Columns, Duplicate, RowError, TextEncoding, fast};
use crate::stats::DirectionFilter;

/// How the rows are read; the tests cut small chunks to try every cut.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    /// The size a chunk is filled to before it is cut at its last line end;
    /// 0 for a size chosen from the file's (see [`Plan::sized`]).
    pub chunk_len: usize,
    /// Worker threads for a file of more than one chunk.
    pub threads: usize,
    /// Whether the fast path ([`fast`]) is tried on each chunk.
    pub fast: bool,
    /// Whether UTF-8 text held in memory whole is read where it lies
    /// ([`read_rows_in_place`]) rather than copied chunk by chunk.
    pub in_place: bool,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            chunk_len: 0,
            threads: std::thread::available_parallelism().map_or(1, usize::from),
            fast: true,
            in_place: true,
        }
    }
}

impl Plan {
    /// The plan for a file of `size` bytes (when known): chunks of 2 MiB,
    /// or smaller for a smaller file, so that every thread gets several and
    /// the chunks in flight stay a small part of the file. (4 MiB read no
    /// faster, with 14 MB more in memory at 1M rows.)
    pub fn sized(self, size: Option<u64>) -> Self {
        if self.chunk_len != 0 {
            return self;
        }
        const MAX: u64 = 2 << 20;
        const MIN: u64 = 256 << 10;
        let per = (self.threads as u64).max(1) * 8;
        let len = size.map_or(MAX, |n| (n / per).clamp(MIN, MAX));
        Plan {
            chunk_len: usize::try_from(len).unwrap_or(usize::MAX),
            ..self
        }
    }

    /// One chunk, one thread: the reading to fall back on.
    pub fn whole(self) -> Self {
        Plan {
            chunk_len: usize::MAX,
            threads: 1,
            ..self
        }
    }
}

/// Text read from a stream in chunks that end at a line end (`\n`), except
/// the last. Buffers come back through [`Spare`], so a large file
/// is read through a few buffers instead of a fresh allocation per chunk.
pub struct Chunks<R> {
    inner: R,
    chunk_len: usize,
    /// Read every `\r` as `\n` (a file whose lines all end in a lone `\r`).
    cr_to_lf: bool,
    /// What followed the last cut.
    carry: Vec<u8>,
    done: bool,
}

/// Where to cut `text`, which starts at the start of a record: after the
/// last line end with an even number of quotes before it, which in
/// well-formed CSV is a line end outside quotes (the reading checks it).
fn cut_point(text: &[u8]) -> Option<usize> {
    let mut quotes = memchr::memchr_iter(b'"', text).count();
    let mut end = text.len();
    while let Some(p) = memchr::memrchr(b'\n', &text[..end]) {
        quotes -= memchr::memchr_iter(b'"', &text[p..end]).count();
        if quotes.is_multiple_of(2) {
            return Some(p + 1);
        }
        end = p;
    }
    None
}

/// Buffers of chunks already read, to be filled again.
#[derive(Default)]
pub struct Spare(Mutex<Vec<Vec<u8>>>);

impl Spare {
    fn take(&self) -> Vec<u8> {
        let mut buf = self
            .0
            .lock()
            .ok()
            .and_then(|mut s| s.pop())
            .unwrap_or_default();
        buf.clear();
        buf
    }

    fn give(&self, buf: Vec<u8>) {
        if let Ok(mut spare) = self.0.lock() {
            spare.push(buf);
        }
    }
}

impl<R: Read> Chunks<R> {
    pub fn new(inner: R, chunk_len: usize, cr_to_lf: bool) -> Self {
        Chunks {
            inner,
            chunk_len: chunk_len.max(1),
            cr_to_lf,
            carry: Vec::new(),
            done: false,
        }
    }

    /// The next chunk and whether it is the last, or `None` at the end.
    pub fn next_chunk(&mut self, spare: &Spare) -> io::Result<Option<(Vec<u8>, bool)>> {
        if self.done {
            return Ok(None);
        }
        let mut buf = spare.take();
        buf.append(&mut self.carry);
        let mut want = self.chunk_len;
        loop {
            // Room for the whole chunk at once: growing a buffer step by
            // step would copy it and touch fresh memory at every step.
            // (At most 64 MiB ahead: reading a whole file in one chunk
            // grows the buffer as it goes.)
            buf.reserve(want.saturating_sub(buf.len()).min(64 << 20));
            while buf.len() < want {
                let before = buf.len();
                let room = u64::try_from(want - before).unwrap_or(u64::MAX);
                let n = (&mut self.inner).take(room).read_to_end(&mut buf)?;
                if self.cr_to_lf {
                    for b in buf[before..].iter_mut().filter(|b| **b == b'\r') {
                        *b = b'\n';
                    }
                }
                if n == 0 {
                    self.done = true;
                    let end = without_padding(&buf).len();
                    buf.truncate(end);
                    return Ok(Some((buf, true)));
                }
            }
            match cut_point(&buf) {
                Some(end) => {
                    self.carry.extend_from_slice(&buf[end..]);
                    buf.truncate(end);
                    return Ok(Some((buf, false)));
                }
                // No line end outside quotes yet: read on.
                None => want = want.saturating_mul(2),
            }
        }
    }
}

/// `text` without the NULs that end it, and the line ends among them: a
/// copy or a disk that wrote whole blocks padded it, and the padding is no
/// row, nor part of the last. (Line ends alone at the end are left.)
pub fn without_padding(text: &[u8]) -> &[u8] {
    let end = text
        .iter()
        .rposition(|&b| !matches!(b, 0 | b'\n' | b'\r'))
        .map_or(0, |i| i + 1);
    if text[end..].contains(&0) {
        &text[..end]
    } else {
        text
    }
}

/// Everything the rows of a file gave.
pub struct RowsRead<T: Item> {
    pub items: T::All,
    pub skipped: Vec<RowError>,
    pub duplicates: Vec<Duplicate>,
    pub replaced_rows: usize,
    pub first_replaced_line: Option<u64>,
    pub windows_1252_rows: RowLines,
    pub utf8_rows: RowLines,
    pub undoubled_rows: usize,
    pub first_undoubled_line: Option<u64>,
    pub slash_dates: SlashDates,
}

/// How reading the rows ended, when it did not end with rows.
pub enum Failed {
    Stop(Stop),
    Io(io::Error),
}

/// The setting shared by every piece.
#[derive(Clone, Copy)]
pub struct Setting<'c> {
    pub cols: Columns,
    pub encoding: TextEncoding,
    pub classify: Option<Classify<'c>>,
    /// The rows to classify.
    pub counted: DirectionFilter,
    pub plan: Plan,
    /// Dates with slashes are read day first.
    pub day_first: bool,
}

/// Reads one piece, which starts after `base` lines of the file, the fast
/// way when it can.
fn read_piece<T: Item>(
    setting: Setting<'_>,
    text: &[u8],
    base: u64,
    cut: bool,
) -> Result<Piece<T>, Stop> {
    // Both CSV readers drop a byte-order mark at the start of what they
    // read, which is right for a file but wrong for a piece of one: put a
    // `\r\n` before it, which both read as an empty line, and count the
    // line it adds out of the lines before. (A piece starts after the
    // header's line, so there is one.)
    let with_crlf;
    let (text, base) = if text.starts_with(b"\xEF\xBB\xBF") {
        with_crlf = [&b"\r\n"[..], text].concat();
        (&with_crlf[..], base.saturating_sub(1))
    } else {
        (text, base)
    };
    let mut rows = Rows::new(
        setting.cols,
        setting.encoding,
        setting.classify,
        setting.counted,
    );
    if setting.day_first {
        rows.read_day_first();
    }
    // Rows of an export take 100 bytes or more: room for all of them at
    // once, so that the lists are not copied as they grow.
    rows.piece.items.reserve(text.len() / 100);
    rows.piece.keys.reserve(text.len() / 100);
    // A line of far too many fields is left to the careful path, which
    // skips it unread: the fast one would have parsed it whole first.
    if !(setting.plan.fast
        && rows::overlong_lines(text, setting.cols.width).is_empty()
        && fast::read_piece(&mut rows, text, base))
    {
        rows.read_piece(text, base, cut)?;
    }
    let mut piece = rows.piece;
    piece.summary = Some(T::summarise(&piece.items, setting.counted));
    Ok(piece)
}

/// Reads the rows: `first` is the first chunk, whose rows start at `start`
/// on line `base + 1`; `last` says whether it is the last chunk of `chunks`.
pub fn read_rows<T: Item, R: Read>(
    setting: Setting<'_>,
    first: Vec<u8>,
    start: usize,
    base: u64,
    last: bool,
    chunks: &mut Chunks<R>,
) -> Result<RowsRead<T>, Failed> {
    if last || setting.plan.threads <= 1 {
        // One chunk, or one thread: read the rest in one piece.
        let mut all = first;
        if !last {
            while let Some((chunk, _)) = chunks.next_chunk(&Spare::default()).map_err(Failed::Io)? {
                all.extend_from_slice(&chunk);
            }
        }
        let text = all.get(start..).unwrap_or_default();
        let piece = read_piece::<T>(setting, text, base, false).map_err(Failed::Stop)?;
        return Ok(join(vec![piece], setting.counted));
    }
    let spare = Spare::default();
    in_parallel(
        setting,
        first,
        start,
        base,
        &mut || chunks.next_chunk(&spare),
        &|buf| spare.give(buf),
        None,
    )
}

/// Reads the rows of `text`, held in memory whole, where it lies: the
/// chunks are parts of it, not copies. The rows start at `start`, on line
/// `base + 1`.
pub fn read_rows_in_place<T: Item>(
    setting: Setting<'_>,
    text: &[u8],
    start: usize,
    base: u64,
) -> Result<RowsRead<T>, Failed> {
    let len = setting.plan.chunk_len.max(1);
    // The end of the chunk from `from`, and whether it is the last.
    let cut = |from: usize| {
        let mut want = len;
        loop {
            let end = from.saturating_add(want);
            if end >= text.len() {
                return (text.len(), true);
            }
            match cut_point(&text[from..end]) {
                Some(cut) => return (from + cut, false),
                // No line end outside quotes yet: look further.
                None => want = want.saturating_mul(2),
            }
        }
    };
    // The first cut is looked for from where the rows start: the header
    // before them may hold quotes of its own (even one left open).
    let (end, last) = cut(start);
    if last || setting.plan.threads <= 1 {
        let rows = text.get(start..).unwrap_or_default();
        let piece = read_piece::<T>(setting, rows, base, false).map_err(Failed::Stop)?;
        return Ok(join(vec![piece], setting.counted));
    }
    let mut next = (end, last);
    in_parallel(
        setting,
        &text[..end],
        start,
        base,
        &mut || {
            let (from, done) = next;
            if done {
                return Ok(None);
            }
            next = cut(from);
            Ok(Some((&text[from..next.0], next.1)))
        },
        &|_| {},
        Some(text),
    )
}

/// Reads chunks on worker threads, `first` (whose rows start at `start`, on
/// line `base + 1`) and then each that `more` gives, and joins the pieces;
/// each chunk is handed to `done` once it is no longer needed.
///
/// When a chunk fails to read (its cut was a wrong guess: a quote left
/// open), the chunks before it stand, and the text from its start to the
/// end is read again in one piece: where it lies when the chunks are parts
/// of `whole`, else the chunks from it on (kept until every chunk before
/// them has read well) and the rest of `more`.
fn in_parallel<T: Item, B: AsRef<[u8]> + Send>(
    setting: Setting<'_>,
    first: B,
    start: usize,
    base: u64,
    more: &mut dyn FnMut() -> io::Result<Option<(B, bool)>>,
    done: &(dyn Fn(B) + Sync),
    whole: Option<&[u8]>,
) -> Result<RowsRead<T>, Failed> {
    let threads = setting.plan.threads.min(16);
    // Each chunk sent, by index; a piece that failed stops the reading of
    // more.
    let slots: Mutex<Slots<T, B>> = Mutex::new(Slots {
        list: Vec::new(),
        read_well: 0,
    });
    let failed = AtomicBool::new(false);
    // (index, chunk, where its text starts, lines before it, last). One
    // chunk waiting per worker keeps them busy (reading a chunk takes far
    // less than reading its rows), and leaves room for the chunks kept in
    // case one before them fails: no more buffers in flight than with two
    // waiting per worker and nothing kept.
    let (tx, rx) = mpsc::sync_channel::<(usize, B, usize, u64, bool)>(threads);
    let rx = Mutex::new(rx);
    let mut io_error = None;
    let mut saw_last = false;
    let panicked: Mutex<Option<Box<dyn std::any::Any + Send>>> = Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let job = rx.lock().ok().and_then(|rx| rx.recv().ok());
                    let Some((index, buf, start, base, last)) = job else {
                        break;
                    };
                    let text = buf.as_ref().get(start..).unwrap_or_default();
                    // A panic (a bug) is kept for later, and this worker
                    // goes on taking chunks, so that the reading thread is
                    // never left waiting for room in the channel.
                    let result = match std::panic::catch_unwind(AssertUnwindSafe(|| {
                        read_piece::<T>(setting, text, base, !last)
                    })) {
                        Ok(result) => result,
                        Err(panic) => {
                            if let Ok(mut slot) = panicked.lock() {
                                slot.get_or_insert(panic);
                            }
                            Err(Stop::Cut)
                        }
                    };
                    if result.is_err() {
                        failed.store(true, Ordering::Relaxed);
                    }
                    match slots.lock() {
                        Ok(mut slots) => slots.finish(index, result, buf, done),
                        Err(_) => done(buf),
                    }
                }
            });
        }
        let mut next = Some((first, false));
        let mut index = 0;
        let (mut start, mut base, mut offset) = (start, base, 0);
        while let Some((buf, last)) = next.take() {
            // Counting the line ends here, while the workers read, gives
            // each chunk its line numbers up front: the `\n`s, to which
            // [`join`] adds the lone `\r`s of the chunks before.
            let lines = count_lf(buf.as_ref().get(start..).unwrap_or_default());
            let len = buf.as_ref().len();
            if let Ok(mut slots) = slots.lock() {
                slots.list.push(Slot {
                    result: None,
                    buf: None,
                    offset,
                    start,
                    base,
                });
            }
            offset += len;
            if tx.send((index, buf, start, base, last)).is_err() {
                break;
            }
            saw_last = last;
            index += 1;
            start = 0;
            base += lines;
            if last || failed.load(Ordering::Relaxed) {
                break;
            }
            match more() {
                Ok(chunk) => next = chunk,
                Err(e) => {
                    io_error = Some(e);
                    break;
                }
            }
        }
        drop(tx);
    });
    if let Some(panic) = panicked.into_inner().ok().flatten() {
        std::panic::resume_unwind(panic);
    }
    if let Some(e) = io_error {
        return Err(Failed::Io(e));
    }
    let list = slots.into_inner().map(|s| s.list).unwrap_or_default();
    let mut pieces = Vec::with_capacity(list.len());
    let mut list = list.into_iter();
    let failed_at = loop {
        let Some(slot) = list.next() else {
            return Ok(join(pieces, setting.counted));
        };
        match slot.result {
            Some(Ok(piece)) => pieces.push(piece),
            Some(Err(Stop::Cut)) => break slot,
            Some(Err(stop)) => return Err(Failed::Stop(stop)),
            // Every chunk sent is read; should one not be, read it all again.
            None => return Err(Failed::Stop(Stop::Cut)),
        }
    };
    // The text from the failed chunk's rows to the end, in one piece.
    if let Some(text) = whole {
        let rows = text.get(failed_at.offset + failed_at.start..);
        let piece = read_piece::<T>(setting, rows.unwrap_or_default(), failed_at.base, false)
            .map_err(Failed::Stop)?;
        pieces.push(piece);
        return Ok(join(pieces, setting.counted));
    }
    let mut tail = Vec::new();
    for (i, slot) in std::iter::once(failed_at.buf)
        .chain(list.map(|s| s.buf))
        .enumerate()
    {
        let Some(buf) = slot else {
            return Err(Failed::Stop(Stop::Cut));
        };
        let from = if i == 0 { failed_at.start } else { 0 };
        tail.extend_from_slice(buf.as_ref().get(from..).unwrap_or_default());
        done(buf);
    }
    while !saw_last {
        match more() {
            Ok(Some((buf, last))) => {
                tail.extend_from_slice(buf.as_ref());
                done(buf);
                saw_last = last;
            }
            Ok(None) => break,
            Err(e) => return Err(Failed::Io(e)),
        }
    }
    let piece = read_piece::<T>(setting, &tail, failed_at.base, false).map_err(Failed::Stop)?;
    pieces.push(piece);
    Ok(join(pieces, setting.counted))
}

/// A chunk sent to the workers: where its rows start and on which line,
/// then what reading it gave, and its buffer while it may be read again.
struct Slot<T: Item, B> {
    result: Option<PieceResult<T>>,
    buf: Option<B>,
    /// Where the chunk starts in the text read, where its rows start in
    /// it, and the lines before them.
    offset: usize,
    start: usize,
    base: u64,
}

struct Slots<T: Item, B> {
    list: Vec<Slot<T, B>>,
    /// How many chunks from the first have read well: their buffers are
    /// done with.
    read_well: usize,
}

impl<T: Item, B> Slots<T, B> {
    /// Records chunk `index`'s result and keeps its buffer, then hands back
    /// the buffers of the chunks that have read well from the first on.
    fn finish(&mut self, index: usize, result: PieceResult<T>, buf: B, done: &dyn Fn(B)) {
        let Some(slot) = self.list.get_mut(index) else {
            return done(buf);
        };
        slot.result = Some(result);
        slot.buf = Some(buf);
        while let Some(slot) = self.list.get_mut(self.read_well)
            && matches!(slot.result, Some(Ok(_)))
        {
            if let Some(buf) = slot.buf.take() {
                done(buf);
            }
            self.read_well += 1;
        }
    }
}

type PieceResult<T> = Result<Piece<T>, Stop>;

/// Gathers the pieces read, in order (see [`Item::gather`]), and takes out
/// the duplicates. Gathering and the search for duplicates run side by
/// side: each is a pass over a million rows.
fn join<T: Item>(pieces: Vec<Piece<T>>, counted: DirectionFilter) -> RowsRead<T> {
    let mut keys = Vec::with_capacity(pieces.len());
    let mut skipped = Vec::new();
    let mut replaced_rows = 0;
    let mut first_replaced_line = None;
    let mut windows_1252_rows = RowLines::default();
    let mut utf8_rows = RowLines::default();
    let mut undoubled_rows = 0;
    let mut first_undoubled_line = None;
    let mut slash_dates = SlashDates::default();
    let mut lists = Vec::with_capacity(pieces.len());
    // The lone `\r`s before each piece, which the lines it was given to
    // start from leave out (see [`Piece::lone_cr`]).
    let mut lone_cr = 0;
    for mut piece in pieces {
        if lone_cr > 0 {
            piece.shift_lines(lone_cr);
        }
        lone_cr += piece.lone_cr;
        lists.push((piece.items, piece.summary));
        keys.push(piece.keys);
        skipped.extend(piece.skipped);
        replaced_rows += piece.replaced_rows;
        slash_dates.add(piece.slash_dates);
        // The pieces come in the file's order.
        first_replaced_line = first_replaced_line.or(piece.first_replaced_line);
        windows_1252_rows.extend(piece.windows_1252_rows);
        utf8_rows.extend(piece.utf8_rows);
        undoubled_rows += piece.undoubled_rows;
        first_undoubled_line = first_undoubled_line.or(piece.first_undoubled_line);
    }
    let (mut items, repeats) = std::thread::scope(|scope| {
        let repeats = scope.spawn(|| find_repeats(&keys));
        let items = T::gather(lists, counted);
        let repeats = repeats
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (items, repeats)
    });
    let duplicates = T::drop_repeats(&mut items, &repeats);
    // Handing 16 MB in a hundred blocks back to the system takes a few
    // milliseconds, which the caller need not wait for. (Should no thread
    // be had, they are freed here.)
    if keys.len() > 1 {
        let _ = std::thread::Builder::new()
            .name("free keys".into())
            .spawn(move || drop(keys));
    }
    RowsRead {
        items,
        skipped,
        duplicates,
        replaced_rows,
        first_replaced_line,
        windows_1252_rows,
        utf8_rows,
        undoubled_rows,
        first_undoubled_line,
        slash_dates,
    }
}

/// A hasher for keys that are hashes already: their low 64 bits.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used; fold anything else in all the same.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn write_u128(&mut self, n: u128) {
        self.0 = n as u64;
    }
}

/// The rows whose key repeats an earlier row's (the same sender, recipient
/// and note up to surrounding white space), as `(repeat, first)` indices in
/// reading order; `keys` holds each piece's keys, pieces in order.
///
/// Repeats are rare, so most of the work is showing that a key is new. A
/// bit for each key's low bits, in a table a few MiB large (16 bits a key),
/// does that: a key whose bit is clear has no equal before it. The keys
/// whose bit was set already (the repeats, and about one in 16 by chance)
/// are then looked up exactly, along with the earlier keys equal to them.
fn find_repeats(keys: &[Vec<u128>]) -> Vec<(u32, u32)> {
    let total: usize = keys.iter().map(Vec::len).sum();
    let bits = (total * 16).next_power_of_two().clamp(1 << 16, 1 << 27);
    let slot = |key: u128| (key as usize) & (bits - 1);
    let mut seen = vec![0u64; bits / 64];
    let mut maybe: HashSet<u128, BuildHasherDefault<KeyHasher>> = HashSet::default();
    for &key in keys.iter().flatten() {
        let (word, bit) = (slot(key) / 64, 1u64 << (slot(key) % 64));
        if seen[word] & bit != 0 {
            maybe.insert(key);
        }
        seen[word] |= bit;
    }
    let mut repeats = Vec::new();
    if maybe.is_empty() {
        return repeats;
    }
    // Only the keys that may repeat, in a table of their own: small enough
    // to stay in the cache while every key is looked up in it, and indexed
    // by other bits of the key.
    let few = (maybe.len() * 16).next_power_of_two().max(64);
    let high = |key: u128| ((key >> 64) as usize) & (few - 1);
    let mut marked = vec![0u64; few / 64];
    for &key in &maybe {
        marked[high(key) / 64] |= 1 << (high(key) % 64);
    }
    drop(seen);
    let mut first: HashMap<u128, u32, BuildHasherDefault<KeyHasher>> = HashMap::default();
    for (index, &key) in keys.iter().flatten().enumerate() {
        if marked[high(key) / 64] & (1 << (high(key) % 64)) == 0 || !maybe.contains(&key) {
            continue;
        }
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        match first.entry(key) {
            std::collections::hash_map::Entry::Occupied(earlier) => {
                repeats.push((index, *earlier.get()));
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(index);
            }
        }
    }
    repeats
}

#[cfg(test)]
mod tests {
    use super::find_repeats;
    use proptest::prelude::*;

    /// Each key against every earlier one.
    fn repeats_slowly(keys: &[u128]) -> Vec<(u32, u32)> {
        (0..keys.len())
            .filter_map(|i| {
                let first = keys[..i].iter().position(|&k| k == keys[i])?;
                Some((i as u32, first as u32))
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

        /// Few distinct keys, so that most repeat; some share their low
        /// half (and so their bit) with another but differ above it.
        #[test]
        fn repeats_are_found_as_by_comparing_every_pair(
            keys in proptest::collection::vec((0u128..40, 0u128..3), 0..300),
            cuts in proptest::collection::vec(0usize..300, 0..5),
        ) {
            let keys: Vec<u128> = keys.into_iter().map(|(low, high)| low | (high << 64)).collect();
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(keys.len())).collect();
            cuts.sort_unstable();
            let mut pieces = Vec::new();
            let mut start = 0;
            for cut in cuts.into_iter().chain([keys.len()]) {
                pieces.push(keys[start..cut].to_vec());
                start = cut;
            }
            prop_assert_eq!(find_repeats(&pieces), repeats_slowly(&keys));
        }
    }
}
