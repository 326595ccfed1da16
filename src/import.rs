//! Reading LinkedIn's `Invitations.csv` (or the whole data-export `.zip`) into
//! [`Invitation`]s, with a report of every row that could not be read.
//!
//! The file is streamed, never held whole in memory: a million-row export is
//! read record by record into the compact [`Invitation`] form. Text encodings:
//! UTF-8 (with or without a BOM), UTF-16 with a BOM, and Windows-1252 as a
//! fallback when the bytes are not UTF-8 (the parse then starts again).

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use encoding_rs_io::DecodeReaderBytesBuilder;

use crate::invitation::{Direction, Fields, Invitation};

/// The bundled fictional export, used when no file is given.
pub const SAMPLE: &str = include_str!("../assets/sample-invitations.csv");

/// The name the sample goes by in every output.
pub const SAMPLE_NAME: &str = "bundled sample";

/// Where an export comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A CSV file or a LinkedIn data-export archive (`.zip`).
    Path(PathBuf),
    /// The fictional export bundled with the binary.
    Sample,
}

impl Source {
    /// `Source::Sample` when no path is given.
    pub fn from_arg(path: Option<PathBuf>) -> Self {
        path.map_or(Source::Sample, Source::Path)
    }

    pub fn is_sample(&self) -> bool {
        matches!(self, Source::Sample)
    }

    /// A short name for headers: the file name, or "sample".
    pub fn short_name(&self) -> String {
        match self {
            Source::Sample => "sample".to_string(),
            Source::Path(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Path(p) => write!(f, "{}", p.display()),
            Source::Sample => f.write_str(SAMPLE_NAME),
        }
    }
}

/// The text encoding an export was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Used when the bytes are not valid UTF-8 and carry no BOM.
    Windows1252Fallback,
}

impl TextEncoding {
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (with BOM)",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Windows1252Fallback => "Windows-1252",
        }
    }
}

/// A row that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The line of the file on which the row starts (1-based).
    pub line: u64,
    pub reason: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// A row that repeats an earlier one (same sender, recipient and note).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duplicate {
    pub line: u64,
    pub first_line: u64,
}

/// What an import produced.
#[derive(Debug)]
pub struct Import {
    pub source: Source,
    /// `path` or `archive.zip` → `Invitations.csv` inside it, for messages.
    pub origin: String,
    pub invitations: Vec<Invitation>,
    pub skipped: Vec<RowError>,
    pub duplicates: Vec<Duplicate>,
    pub encoding: TextEncoding,
    /// True when the header has no profile-URL columns (older exports).
    pub without_profile_urls: bool,
}

impl Import {
    /// Notices worth telling the user, one line each (no errors: those are in
    /// `skipped`).
    pub fn notices(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.encoding == TextEncoding::Windows1252Fallback {
            out.push(format!(
                "{}: the file is not UTF-8; read it as Windows-1252 (check names with accents)",
                self.origin
            ));
        }
        if self.without_profile_urls {
            out.push(format!(
                "{}: no profile URL columns (an older export); invitations are told apart by name and date",
                self.origin
            ));
        }
        if !self.duplicates.is_empty() {
            let lines: Vec<String> = self
                .duplicates
                .iter()
                .take(5)
                .map(|d| format!("line {} repeats line {}", d.line, d.first_line))
                .collect();
            let more = self.duplicates.len().saturating_sub(5);
            out.push(format!(
                "{}: {} duplicate row{} counted once ({}{})",
                self.origin,
                self.duplicates.len(),
                plural(self.duplicates.len()),
                lines.join(", "),
                if more > 0 {
                    format!(", and {more} more")
                } else {
                    String::new()
                }
            ));
        }
        out
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Why an export could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: no such file")]
    NotFound { path: PathBuf },
    #[error("{path}: is a directory; give the Invitations.csv inside it (or the export .zip)")]
    IsDirectory { path: PathBuf },
    #[error("{origin}: cannot read: {source}")]
    Io {
        origin: String,
        #[source]
        source: io::Error,
    },
    #[error("{origin}: the file is empty; expected LinkedIn's Invitations.csv with the header {HEADER}")]
    Empty { origin: String },
    #[error(
        "{origin}: this is a binary file, not a CSV; expected LinkedIn's Invitations.csv (from \"Get a copy of your data\")"
    )]
    Binary { origin: String },
    #[error(
        "{origin}: this looks like LinkedIn's {looks_like} ({what}), not the invitations; use Invitations.csv from the same export"
    )]
    OtherExport {
        origin: String,
        looks_like: &'static str,
        what: &'static str,
    },
    #[error(
        "{origin}: line {line}: the header lacks the column{s} {missing}; expected LinkedIn's Invitations.csv with the header {HEADER} (found: {found})",
        s = if missing.contains(',') { "s" } else { "" }
    )]
    MissingColumns {
        origin: String,
        line: u64,
        missing: String,
        found: String,
    },
    #[error(
        "{origin}: the archive holds no Invitations.csv ({entries} files in it); is this LinkedIn's data export? Ask for \"Invitations\" (or the larger archive) under Settings → Data privacy → Get a copy of your data"
    )]
    NotInArchive { origin: String, entries: usize },
    #[error("{origin}: cannot read the archive: {source}")]
    Zip {
        origin: String,
        #[source]
        source: zip::result::ZipError,
    },
}

/// LinkedIn's header, for messages.
pub const HEADER: &str = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl";

/// Reads an export from a CSV file, a data-export `.zip`, or the sample.
pub fn load(source: &Source) -> Result<Import, ImportError> {
    match source {
        Source::Sample => {
            let origin = SAMPLE_NAME.to_string();
            let open = || Ok(Box::new(SAMPLE.as_bytes()) as Box<dyn Read>);
            read_export(source.clone(), origin, &open)
        }
        Source::Path(path) => load_path(source, path),
    }
}

fn load_path(source: &Source, path: &Path) -> Result<Import, ImportError> {
    let origin = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => ImportError::NotFound {
            path: path.to_path_buf(),
        },
        _ => ImportError::Io {
            origin: origin.clone(),
            source: e,
        },
    })?;
    if meta.is_dir() {
        return Err(ImportError::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let io_err = |e| ImportError::Io {
        origin: origin.clone(),
        source: e,
    };
    let mut magic = [0u8; 4];
    let n = read_up_to(&mut File::open(path).map_err(io_err)?, &mut magic).map_err(io_err)?;
    if n == 4 && magic == *b"PK\x03\x04" {
        return load_zip(source, path);
    }
    let open = || File::open(path).map(|f| Box::new(f) as Box<dyn Read>);
    read_export(source.clone(), origin, &open)
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Finds `Invitations.csv` in a LinkedIn data-export archive and reads it.
fn load_zip(source: &Source, path: &Path) -> Result<Import, ImportError> {
    let archive_origin = path.display().to_string();
    let zip_err = |e| ImportError::Zip {
        origin: archive_origin.clone(),
        source: e,
    };
    let file = File::open(path).map_err(|e| ImportError::Io {
        origin: archive_origin.clone(),
        source: e,
    })?;
    let archive = zip::ZipArchive::new(BufReader::new(file)).map_err(zip_err)?;
    let entry = archive
        .file_names()
        .filter_map(Result::ok)
        .map(|name| name.into_owned())
        .filter(|name| {
            let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
            base.eq_ignore_ascii_case("Invitations.csv")
        })
        // The shortest path: the top-level file, not one in a nested folder.
        .min_by_key(String::len);
    let Some(entry) = entry else {
        return Err(ImportError::NotInArchive {
            origin: archive_origin,
            entries: archive.len(),
        });
    };
    let origin = format!("{archive_origin}:{entry}");
    // The entry is streamed; the fallback re-reads it, so open it afresh each time.
    let archive = std::cell::RefCell::new(archive);
    let open = || -> io::Result<Box<dyn Read>> {
        let mut archive = archive.borrow_mut();
        let mut file = archive.by_name(&entry).map_err(io::Error::other)?;
        // A zip entry borrows the archive, so read it into memory. Entries are
        // compressed streams; the whole decompressed CSV is needed only for
        // this one pass.
        let mut buf = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0));
        file.read_to_end(&mut buf)?;
        Ok(Box::new(io::Cursor::new(buf)))
    };
    read_export(source.clone(), origin, &open)
}

/// The columns invitriage reads, by their normalised header name.
#[derive(Debug, Clone, Copy)]
struct Columns {
    from: usize,
    to: usize,
    sent_at: usize,
    message: usize,
    direction: usize,
    inviter_url: Option<usize>,
    invitee_url: Option<usize>,
    width: usize,
}

/// The columns every export has, as LinkedIn spells them.
const REQUIRED: [&str; 5] = ["From", "To", "Sent At", "Message", "Direction"];

fn normalise_header(h: &[u8]) -> String {
    String::from_utf8_lossy(h)
        .trim_start_matches('\u{feff}')
        .trim()
        .to_lowercase()
}

impl Columns {
    /// The column layout, or the names of the required columns missing.
    fn find(header: &[String]) -> Result<Columns, Vec<&'static str>> {
        let pos = |name: &str| header.iter().position(|h| h == name);
        let missing: Vec<&'static str> = REQUIRED
            .into_iter()
            .filter(|n| pos(&n.to_lowercase()).is_none())
            .collect();
        if !missing.is_empty() {
            return Err(missing);
        }
        let get = |name: &str| pos(name).unwrap_or(0);
        Ok(Columns {
            from: get("from"),
            to: get("to"),
            sent_at: get("sent at"),
            message: get("message"),
            direction: get("direction"),
            inviter_url: pos("inviterprofileurl"),
            invitee_url: pos("inviteeprofileurl"),
            width: header.len(),
        })
    }
}

/// Other files of LinkedIn's export, recognised by their header, so that a
/// wrong pick gets a helpful message.
const OTHER_EXPORTS: &[(&str, &str, &[&str])] = &[
    (
        "Connections.csv",
        "your list of connections",
        &["first name", "last name", "connected on"],
    ),
    (
        "messages.csv",
        "your messages",
        &["conversation id", "content"],
    ),
    (
        "Profile.csv",
        "your profile",
        &["first name", "last name", "headline"],
    ),
    (
        "Positions.csv",
        "your positions",
        &["company name", "title", "started on"],
    ),
    (
        "Education.csv",
        "your education",
        &["school name", "degree name"],
    ),
    ("Skills.csv", "your skills", &["name"]),
    (
        "Endorsement_Received_Info.csv",
        "endorsements you received",
        &["endorsement date", "skill name"],
    ),
    (
        "Recommendations_Received.csv",
        "recommendations you received",
        &["first name", "last name", "text", "creation date"],
    ),
    ("Email Addresses.csv", "your e-mail addresses", &["email address", "confirmed"]),
    ("PhoneNumbers.csv", "your phone numbers", &["number", "type"]),
    ("Reactions.csv", "your reactions", &["date", "type", "link"]),
    ("Comments.csv", "your comments", &["date", "link", "message"]),
    ("Shares.csv", "your posts", &["date", "sharelink", "sharecommentary"]),
    ("Company Follows.csv", "companies you follow", &["organization", "followed on"]),
];

fn looks_like(header: &[String]) -> Option<(&'static str, &'static str)> {
    OTHER_EXPORTS
        .iter()
        .find(|(_, _, cols)| cols.iter().all(|c| header.iter().any(|h| h == c)))
        .map(|(name, what, _)| (*name, *what))
}

/// How many records to look through for the header (LinkedIn prefixes some
/// exports with a "Notes:" preamble).
const HEADER_SEARCH_RECORDS: usize = 10;

enum Outcome {
    Done(Import),
    /// The bytes are not UTF-8: start again as Windows-1252.
    NotUtf8,
}

fn read_export(
    source: Source,
    origin: String,
    open: &dyn Fn() -> io::Result<Box<dyn Read>>,
) -> Result<Import, ImportError> {
    let io_err = |e: io::Error| ImportError::Io {
        origin: origin.clone(),
        source: e,
    };
    let mut reader = BufReader::with_capacity(1 << 16, open().map_err(io_err)?);
    let head = reader.fill_buf().map_err(io_err)?;
    let encoding = match head {
        [0xEF, 0xBB, 0xBF, ..] => TextEncoding::Utf8Bom,
        [0xFF, 0xFE, ..] => TextEncoding::Utf16Le,
        [0xFE, 0xFF, ..] => TextEncoding::Utf16Be,
        _ => TextEncoding::Utf8,
    };
    if head.is_empty() {
        return Err(ImportError::Empty { origin });
    }
    if encoding == TextEncoding::Utf8 && head.contains(&0) {
        return Err(ImportError::Binary { origin });
    }
    match parse(reader, encoding, &source, &origin)? {
        Outcome::Done(import) => Ok(import),
        Outcome::NotUtf8 => {
            let reader = BufReader::with_capacity(1 << 16, open().map_err(io_err)?);
            match parse(reader, TextEncoding::Windows1252Fallback, &source, &origin)? {
                Outcome::Done(import) => Ok(import),
                // Windows-1252 decodes every byte, so this cannot happen; an
                // empty result is the honest answer if it somehow does.
                Outcome::NotUtf8 => Err(ImportError::Binary { origin }),
            }
        }
    }
}

fn parse(
    reader: impl Read,
    encoding: TextEncoding,
    source: &Source,
    origin: &str,
) -> Result<Outcome, ImportError> {
    let mut decode = DecodeReaderBytesBuilder::new();
    decode.strip_bom(true);
    if encoding == TextEncoding::Windows1252Fallback {
        decode.encoding(Some(encoding_rs::WINDOWS_1252));
    }
    let decoded = decode.build(reader);
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(decoded);

    let mut record = csv::ByteRecord::new();
    let io_err = |e: csv::Error| ImportError::Io {
        origin: origin.to_string(),
        source: io::Error::other(e),
    };

    // Find the header among the first few records.
    let mut first_header: Option<(u64, Vec<String>, String)> = None;
    let mut columns = None;
    for _ in 0..HEADER_SEARCH_RECORDS {
        if !csv.read_byte_record(&mut record).map_err(io_err)? {
            break;
        }
        if encoding != TextEncoding::Windows1252Fallback && std::str::from_utf8(record.as_slice()).is_err() {
            return Ok(Outcome::NotUtf8);
        }
        let header: Vec<String> = record.iter().map(normalise_header).collect();
        let line = record.position().map_or(1, |p| p.line());
        if header.iter().all(|h| h.is_empty()) {
            continue;
        }
        match Columns::find(&header) {
            Ok(c) => {
                columns = Some((line, c));
                break;
            }
            Err(_) => {
                if let Some((name, what)) = looks_like(&header) {
                    return Err(ImportError::OtherExport {
                        origin: origin.to_string(),
                        looks_like: name,
                        what,
                    });
                }
                let raw = record
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).trim_start_matches('\u{feff}').trim().to_string())
                    .collect::<Vec<_>>()
                    .join(",");
                first_header.get_or_insert((line, header, raw));
            }
        }
    }
    let Some((_, cols)) = columns else {
        return match first_header {
            None => Err(ImportError::Empty {
                origin: origin.to_string(),
            }),
            Some((line, header, raw)) => {
                let missing = Columns::find(&header).err().unwrap_or_default();
                Err(ImportError::MissingColumns {
                    origin: origin.to_string(),
                    line,
                    missing: missing.join(", "),
                    found: shorten(&raw, 120),
                })
            }
        };
    };

    let mut invitations = Vec::new();
    let mut skipped = Vec::new();
    let mut duplicates = Vec::new();
    // (id, hash of the note) → first line, for duplicate detection.
    let mut seen: HashMap<(u64, u64), u64> = HashMap::new();
    let mut shared = Shared::default();

    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                skipped.push(RowError {
                    line,
                    reason: format!("cannot be read as CSV: {e}"),
                });
                continue;
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        if record.len() == 1 && record.get(0).is_some_and(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue; // a blank line
        }
        let mut fields: [&str; 7] = [""; 7];
        let mut utf8_ok = true;
        let get = |i: usize| -> Option<&[u8]> { record.get(i) };
        for (slot, col) in fields.iter_mut().zip([
            Some(cols.from),
            Some(cols.to),
            Some(cols.sent_at),
            Some(cols.message),
            Some(cols.direction),
            cols.inviter_url,
            cols.invitee_url,
        ]) {
            if let Some(bytes) = col.and_then(get) {
                match std::str::from_utf8(bytes) {
                    Ok(s) => *slot = s,
                    Err(_) => utf8_ok = false,
                }
            }
        }
        if !utf8_ok {
            if encoding == TextEncoding::Windows1252Fallback {
                skipped.push(RowError {
                    line,
                    reason: "is not valid text".into(),
                });
                continue;
            }
            return Ok(Outcome::NotUtf8);
        }
        if record.len() != cols.width {
            skipped.push(RowError {
                line,
                reason: field_count_reason(&record, cols.width),
            });
            continue;
        }
        let [from, to, sent_at, message, direction, inviter_url, invitee_url] = fields;
        let direction = match parse_direction(direction) {
            Some(d) => d,
            None => {
                skipped.push(RowError {
                    line,
                    reason: format!(
                        "Direction is `{}`; expected INCOMING or OUTGOING",
                        shorten(direction, 40)
                    ),
                });
                continue;
            }
        };
        let Some(sent_at) = parse_sent_at(sent_at) else {
            skipped.push(RowError {
                line,
                reason: format!(
                    "Sent At is `{}`; expected a date like `7/8/26, 3:43 PM` or `2026-07-08T15:43:00`",
                    shorten(sent_at, 40)
                ),
            });
            continue;
        };
        let line32 = u32::try_from(line).unwrap_or(u32::MAX);
        let (to_shared, invitee_shared) = shared.get(to, invitee_url);
        let inv = Invitation::with_shared(
            Fields {
                from,
                to,
                message,
                inviter_url,
                invitee_url,
                sent_at,
                direction,
                line: line32,
            },
            to_shared,
            invitee_shared,
        );
        let note_hash = xxhash_rust::xxh3::xxh3_64(message.trim().as_bytes());
        match seen.entry((inv.id.0, note_hash)) {
            Entry::Occupied(first) => {
                duplicates.push(Duplicate {
                    line,
                    first_line: *first.get(),
                });
                continue;
            }
            Entry::Vacant(slot) => {
                slot.insert(line);
            }
        }
        invitations.push(inv);
    }
    invitations.shrink_to_fit();
    Ok(Outcome::Done(Import {
        source: source.clone(),
        origin: origin.to_string(),
        invitations,
        skipped,
        duplicates,
        encoding,
        without_profile_urls: cols.inviter_url.is_none() || cols.invitee_url.is_none(),
    }))
}

/// Shares the strings that repeat from row to row (the recipient of incoming
/// invitations, the user's own URL) instead of storing them per row.
#[derive(Default)]
struct Shared {
    to: Option<Arc<str>>,
    invitee: Option<Arc<str>>,
}

impl Shared {
    fn get(&mut self, to: &str, invitee: &str) -> (Arc<str>, Arc<str>) {
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
        (intern(&mut self.to, to), intern(&mut self.invitee, invitee))
    }
}

fn field_count_reason(record: &csv::ByteRecord, width: usize) -> String {
    let n = record.len();
    let swallowed = record
        .iter()
        .any(|f| f.iter().filter(|&&b| b == b'\n').count() > 20);
    if n < width && swallowed {
        format!(
            "has {n} of the header's {width} fields and a field that runs over many lines: a quote (\") opened here is never closed, so the lines after it were read as part of this row"
        )
    } else {
        format!("has {n} field{} where the header has {width}", plural(n))
    }
}

fn parse_direction(s: &str) -> Option<Direction> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("incoming") {
        Some(Direction::Incoming)
    } else if s.eq_ignore_ascii_case("outgoing") {
        Some(Direction::Outgoing)
    } else {
        None
    }
}

/// Parses `Sent At`: LinkedIn's `7/8/26, 3:43 PM` (month first), the same with
/// a four-digit year, or ISO 8601 (with or without seconds, a `T` or a space,
/// and an offset or `UTC`, which is dropped: the export has no time zone).
pub fn parse_sent_at(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.as_bytes()[0].is_ascii_digit() && s.contains('/') {
        let (date, time) = s.split_once(',').map_or((s, ""), |(d, t)| (d.trim(), t.trim()));
        let mut parts = date.split('/');
        let m: u32 = parts.next()?.trim().parse().ok()?;
        let d: u32 = parts.next()?.trim().parse().ok()?;
        let y_str = parts.next()?.trim();
        if parts.next().is_some() {
            return None;
        }
        let y: i32 = y_str.parse().ok()?;
        let y = match y_str.len() {
            2 => 2000 + y,
            4 => y,
            _ => return None,
        };
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        if time.is_empty() {
            return date.and_hms_opt(0, 0, 0);
        }
        let time = time.replace('\u{202f}', " ").replace('\u{a0}', " ");
        for fmt in ["%I:%M %p", "%I:%M:%S %p", "%H:%M", "%H:%M:%S"] {
            if let Ok(t) = chrono::NaiveTime::parse_from_str(&time, fmt) {
                return Some(date.and_time(t));
            }
        }
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.naive_local());
    }
    let s = s.strip_suffix(" UTC").unwrap_or(s).trim_end_matches('Z');
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(dt);
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
}

/// At most `max` characters of `s`, with an ellipsis when cut.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn parses_linkedin_dates() {
        assert_eq!(parse_sent_at("7/8/26, 3:43 PM"), Some(dt(2026, 7, 8, 15, 43)));
        assert_eq!(parse_sent_at("12/20/26, 12:01 AM"), Some(dt(2026, 12, 20, 0, 1)));
        assert_eq!(parse_sent_at("7/8/2026, 3:43 PM"), Some(dt(2026, 7, 8, 15, 43)));
        assert_eq!(parse_sent_at("7/8/26, 3:43\u{202f}PM"), Some(dt(2026, 7, 8, 15, 43)));
    }

    #[test]
    fn parses_iso_dates() {
        assert_eq!(parse_sent_at("2026-07-08T15:43:00"), Some(dt(2026, 7, 8, 15, 43)));
        assert_eq!(parse_sent_at("2026-07-08 15:43:00 UTC"), Some(dt(2026, 7, 8, 15, 43)));
        assert_eq!(parse_sent_at("2026-07-08T15:43:00+02:00"), Some(dt(2026, 7, 8, 15, 43)));
        assert_eq!(parse_sent_at("2026-07-08T15:43Z"), Some(dt(2026, 7, 8, 15, 43)));
    }

    #[test]
    fn rejects_bad_dates() {
        for bad in ["", "yesterday", "13/1/26, 1:00 PM", "2/30/26, 1:00 PM", "7/8/226, 1:00 PM", "7/8/26, 25:00 PM"] {
            assert_eq!(parse_sent_at(bad), None, "{bad:?}");
        }
    }
}
