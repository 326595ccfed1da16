//! Reading LinkedIn's `Invitations.csv` (or the whole data-export `.zip`) into
//! [`Invitation`]s, with a report of every row that could not be read.
//!
//! The file is streamed, never held whole in memory: a million-row export is
//! read record by record into the compact [`Invitation`] form (an entry of a
//! `.zip` is unpacked into memory first). Text encodings: UTF-8 (with or
//! without a BOM), UTF-16 (with a BOM, or without one when the bytes leave no
//! doubt), and Windows-1252 as a fallback when the bytes are not UTF-8 (the
//! parse then starts again).
//!
//! Columns are found by their header name, in any order; the header may
//! follow a preamble of a few lines. Every row that cannot be read is skipped
//! and reported with the line it starts on (1-based, blank lines and line
//! breaks inside quoted notes counted, `\r\n` as one; a file whose lines all
//! end in a lone `\r` is read as if they ended in `\n`).
//!
//! A quote (`"`) that opens a field and is never closed makes a CSV parser
//! read the following lines into that field, until some later quote happens
//! to close it. Such a row is told apart from a note that honestly spans
//! several lines by its quoting (a closing quote followed by more text, or
//! the end of the file inside quotes) or its field count; the broken row is
//! skipped and reported, and the lines it swallowed are read again as rows of
//! their own.

use std::fmt;
use std::fs::File;
use std::io::{self, Read, Seek};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};
use csv::ByteRecord;
use encoding_rs_io::DecodeReaderBytesBuilder;

use crate::classify::Classification;
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
    /// UTF-16LE without a byte-order mark, recognised by its zero bytes.
    Utf16LeNoBom,
    /// UTF-16BE without a byte-order mark, recognised by its zero bytes.
    Utf16BeNoBom,
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
            TextEncoding::Utf16LeNoBom => "UTF-16LE (no BOM)",
            TextEncoding::Utf16BeNoBom => "UTF-16BE (no BOM)",
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
    /// `path`, or `archive.zip:Invitations.csv` for an entry of an archive;
    /// for messages.
    pub origin: String,
    pub invitations: Vec<Invitation>,
    pub skipped: Vec<RowError>,
    pub duplicates: Vec<Duplicate>,
    pub encoding: TextEncoding,
    /// True when the header has no profile-URL columns (older exports).
    pub without_profile_urls: bool,
    /// Rows kept although some of their bytes were not UTF-8 (in a file whose
    /// BOM says it is); the bad bytes read as U+FFFD.
    pub replaced_rows: usize,
}

impl Import {
    /// Notices worth telling the user, one line each (no errors: those are in
    /// `skipped`).
    pub fn notices(&self) -> Vec<String> {
        let mut out = Vec::new();
        match self.encoding {
            TextEncoding::Windows1252Fallback => out.push(format!(
                "{}: the file is not UTF-8; read it as Windows-1252 (check names with accents)",
                self.origin
            )),
            TextEncoding::Utf16LeNoBom | TextEncoding::Utf16BeNoBom => out.push(format!(
                "{}: the file has no byte-order mark; read it as {}",
                self.origin,
                self.encoding.label().trim_end_matches(" (no BOM)")
            )),
            _ => {}
        }
        if self.replaced_rows > 0 {
            out.push(format!(
                "{}: {} row{} hold bytes that are not UTF-8 although the file says it is; shown as \u{fffd}",
                self.origin,
                self.replaced_rows,
                plural(self.replaced_rows)
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
        if self.invitations.is_empty() && self.skipped.is_empty() {
            out.push(format!(
                "{}: the file has the header but no invitations",
                self.origin
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
    #[error("{}: no such file", path.display())]
    NotFound { path: PathBuf },
    #[error("{}: is a directory; {hint}", path.display())]
    IsDirectory { path: PathBuf, hint: String },
    #[error("{origin}: cannot read: {source}")]
    Io {
        origin: String,
        #[source]
        source: io::Error,
    },
    #[error(
        "{origin}: the file is {what}; expected LinkedIn's Invitations.csv, whose first line is {HEADER}"
    )]
    Empty { origin: String, what: &'static str },
    #[error(
        "{origin}: this is a binary file, not a CSV; expected LinkedIn's Invitations.csv (from \"Get a copy of your data\")"
    )]
    Binary { origin: String },
    #[error("{origin}: this is {what}, not a CSV; {hint}")]
    NotCsv {
        origin: String,
        what: &'static str,
        hint: &'static str,
    },
    #[error(
        "{origin}: this looks like LinkedIn's {looks_like} ({what}), not the invitations; use Invitations.csv from the same export"
    )]
    OtherExport {
        origin: String,
        looks_like: &'static str,
        what: &'static str,
    },
    #[error(
        "{origin}: line {line}: the header lacks the column{s} {missing} (found: {found}); expected LinkedIn's Invitations.csv, whose header is {HEADER}",
        s = if missing.contains(',') { "s" } else { "" }
    )]
    MissingColumns {
        origin: String,
        line: u64,
        missing: String,
        found: String,
    },
    #[error(
        "{origin}: line {line}: the columns are separated by {separator}, not commas (was the file saved from a spreadsheet?); use Invitations.csv as LinkedIn exports it, or save it as CSV with commas"
    )]
    Separator {
        origin: String,
        line: u64,
        separator: &'static str,
    },
    #[error(
        "{origin}: line {line}: this is an invitation, not the header; the header line ({HEADER}) is missing"
    )]
    NoHeader { origin: String, line: u64 },
    #[error(
        "{origin}: the archive holds no Invitations.csv ({}); is this LinkedIn's data export? Ask for \"Invitations\" (or the larger archive) under Settings → Data privacy → Get a copy of your data",
        match entries { 0 => "it is empty".to_string(), 1 => "1 file in it".to_string(), n => format!("{n} files in it") }
    )]
    NotInArchive { origin: String, entries: usize },
    #[error("{origin}: cannot read the zip archive (is the download complete?): {source}")]
    Zip {
        origin: String,
        #[source]
        source: zip::result::ZipError,
    },
}

/// LinkedIn's header, for messages.
pub const HEADER: &str = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl";

/// The same header, column by column.
pub const HEADER_COLUMNS: [&str; 7] = [
    "From",
    "To",
    "Sent At",
    "Message",
    "Direction",
    "inviterProfileUrl",
    "inviteeProfileUrl",
];

/// Reads an export from a CSV file, a data-export `.zip`, or the sample.
/// The invitations are not classified (each is `Category::Default`).
pub fn load(source: &Source) -> Result<Import, ImportError> {
    load_with(source, None)
}

/// Classifies one note: `(note, from, to)` → its classification.
pub type Classify<'a> = &'a (dyn Fn(&str, &str, &str) -> Classification + Sync);

/// Reads an export and classifies every invitation on a second thread while
/// the file is still being read, so the two costs overlap instead of adding
/// up (reading and classifying take about as long as each other).
pub fn load_classified(source: &Source, classify: Classify<'_>) -> Result<Import, ImportError> {
    load_with(source, Some(classify))
}

fn load_with(source: &Source, classify: Option<Classify<'_>>) -> Result<Import, ImportError> {
    match source {
        Source::Sample => {
            load_in_memory(source, SAMPLE_NAME.to_string(), SAMPLE.as_bytes(), classify)
        }
        Source::Path(path) => load_path(source, path, classify),
    }
}

/// Reads an export (CSV or data-export `.zip`) held in memory; `name` stands
/// for the file in messages and in [`Import::origin`].
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Import, ImportError> {
    load_in_memory(
        &Source::Path(PathBuf::from(name)),
        name.to_string(),
        bytes,
        None,
    )
}

fn load_in_memory(
    source: &Source,
    origin: String,
    bytes: &[u8],
    classify: Option<Classify<'_>>,
) -> Result<Import, ImportError> {
    if is_zip(bytes) {
        return load_zip(source, origin, io::Cursor::new(bytes), classify);
    }
    read_export(
        source,
        origin,
        &|| Ok(Box::new(bytes) as Box<dyn Read + '_>),
        classify,
    )
}

fn load_path(
    source: &Source,
    path: &Path,
    classify: Option<Classify<'_>>,
) -> Result<Import, ImportError> {
    let origin = path.display().to_string();
    let io_err = |e| ImportError::Io {
        origin: origin.clone(),
        source: e,
    };
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => ImportError::NotFound {
            path: path.to_path_buf(),
        },
        _ => io_err(e),
    })?;
    if meta.is_dir() {
        let inside = path.join("Invitations.csv");
        let hint = if inside.is_file() {
            format!("did you mean {}?", inside.display())
        } else {
            "give the Invitations.csv inside it (or the export .zip)".to_string()
        };
        return Err(ImportError::IsDirectory {
            path: path.to_path_buf(),
            hint,
        });
    }
    if !meta.is_file() {
        // A pipe or a device (`<(unzip -p export.zip Invitations.csv)`) can
        // be read only once, and the fallback encoding needs a second pass.
        let mut bytes = Vec::new();
        File::open(path)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map_err(io_err)?;
        return load_in_memory(source, origin, &bytes, classify);
    }
    let mut file = File::open(path).map_err(io_err)?;
    let mut magic = [0u8; 4];
    let n = read_up_to(&mut file, &mut magic).map_err(io_err)?;
    if is_zip(&magic[..n]) {
        return load_zip(source, origin, io::BufReader::new(file), classify);
    }
    drop(file);
    let open = || File::open(path).map(|f| Box::new(f) as Box<dyn Read>);
    read_export(source, origin, &open, classify)
}

/// A zip archive starts with a local file header, or is empty.
fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

fn read_up_to(r: &mut (impl Read + ?Sized), buf: &mut [u8]) -> io::Result<usize> {
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

/// Finds `Invitations.csv` in a LinkedIn data-export archive (at the top, or
/// else in the shallowest folder) and reads it.
fn load_zip<R: Read + Seek>(
    source: &Source,
    origin: String,
    reader: R,
    classify: Option<Classify<'_>>,
) -> Result<Import, ImportError> {
    let mut archive = zip::ZipArchive::new(reader).map_err(|e| ImportError::Zip {
        origin: origin.clone(),
        source: e,
    })?;
    let mut best: Option<(usize, String)> = None;
    let (mut xlsx, mut ods) = (false, false);
    for i in 0..archive.len() {
        let Some(Ok(name)) = archive.name_for_index(i) else {
            continue;
        };
        let base = name.rsplit(['/', '\\']).next().unwrap_or(&name);
        if base.eq_ignore_ascii_case("Invitations.csv")
            && best.as_ref().is_none_or(|(_, b)| name.len() < b.len())
        {
            best = Some((i, name.to_string()));
        }
        xlsx |= name == "xl/workbook.xml";
        ods |= name == "content.xml";
    }
    let Some((index, entry)) = best else {
        if xlsx || ods {
            return Err(ImportError::NotCsv {
                origin,
                what: if xlsx {
                    "an Excel workbook (.xlsx)"
                } else {
                    "an OpenDocument file (.ods)"
                },
                hint: SPREADSHEET_HINT,
            });
        }
        return Err(ImportError::NotInArchive {
            origin,
            entries: archive.len(),
        });
    };
    let origin = format!("{origin}:{entry}");
    let mut file = archive.by_index(index).map_err(|e| ImportError::Zip {
        origin: origin.clone(),
        source: e,
    })?;
    // An entry borrows the archive and the fallback encoding needs a second
    // pass, so unpack it into memory once.
    let mut bytes = Vec::with_capacity(usize::try_from(file.size().min(1 << 30)).unwrap_or(0));
    file.read_to_end(&mut bytes).map_err(|e| ImportError::Io {
        origin: origin.clone(),
        source: e,
    })?;
    drop(file);
    read_export(
        source,
        origin,
        &|| Ok(Box::new(&bytes[..]) as Box<dyn Read + '_>),
        classify,
    )
}

const SPREADSHEET_HINT: &str = "use Invitations.csv as LinkedIn exports it, or save the sheet as \"CSV UTF-8 (comma delimited)\"";
const EXPORT_HINT: &str =
    "expected LinkedIn's Invitations.csv or the export .zip (from \"Get a copy of your data\")";

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

    /// The seven columns in [`Fields`] order.
    fn indices(&self) -> [Option<usize>; 7] {
        [
            Some(self.from),
            Some(self.to),
            Some(self.sent_at),
            Some(self.message),
            Some(self.direction),
            self.inviter_url,
            self.invitee_url,
        ]
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
    (
        "Email Addresses.csv",
        "your e-mail addresses",
        &["email address", "confirmed"],
    ),
    (
        "PhoneNumbers.csv",
        "your phone numbers",
        &["number", "type"],
    ),
    ("Reactions.csv", "your reactions", &["date", "type", "link"]),
    (
        "Comments.csv",
        "your comments",
        &["date", "link", "message"],
    ),
    (
        "Shares.csv",
        "your posts",
        &["date", "sharelink", "sharecommentary"],
    ),
    (
        "Company Follows.csv",
        "companies you follow",
        &["organization", "followed on"],
    ),
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

/// How much of the file is looked at to tell its encoding and kind.
const HEAD_LEN: usize = 1 << 16;

enum Outcome {
    Done(Import),
    /// The bytes are not UTF-8: start again as Windows-1252.
    NotUtf8,
}

/// What the first bytes of a file tell.
#[derive(Debug, Clone, Copy)]
struct Sniff {
    encoding: TextEncoding,
    /// Lines end in a lone `\r` (old Mac style): read every `\r` as `\n`, so
    /// that line numbers count them.
    cr_lines: bool,
}

/// Tells the encoding of a file from its first bytes, or refuses it.
fn sniff(head: &[u8], origin: &str) -> Result<Sniff, ImportError> {
    let refuse = |what, hint| {
        Err(ImportError::NotCsv {
            origin: origin.to_string(),
            what,
            hint,
        })
    };
    if head.is_empty() {
        return Err(ImportError::Empty {
            origin: origin.to_string(),
            what: "empty",
        });
    }
    let (encoding, text) = match head {
        [0xEF, 0xBB, 0xBF, rest @ ..] => (TextEncoding::Utf8Bom, rest),
        [0xFF, 0xFE, ..] => (TextEncoding::Utf16Le, &[][..]),
        [0xFE, 0xFF, ..] => (TextEncoding::Utf16Be, &[][..]),
        _ => (TextEncoding::Utf8, head),
    };
    if encoding == TextEncoding::Utf8 {
        if head.starts_with(b"\x1f\x8b") {
            return refuse(
                "a gzip-compressed file",
                "unpack it first; expected LinkedIn's Invitations.csv or the export .zip",
            );
        }
        if head.starts_with(b"%PDF") {
            return refuse("a PDF document", EXPORT_HINT);
        }
        if head.starts_with(b"\xD0\xCF\x11\xE0") {
            return refuse("an Excel workbook (.xls)", SPREADSHEET_HINT);
        }
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(0);
        let lead = &head[start..head.len().min(start + 14)];
        if lead.len() >= 5
            && (lead.eq_ignore_ascii_case(b"<!doctype html")
                || lead[..5].eq_ignore_ascii_case(b"<html"))
        {
            return refuse(
                "a web page (HTML)",
                "the download probably failed; expected LinkedIn's Invitations.csv or the export .zip",
            );
        }
        if let Some(encoding) = sniff_utf16(head) {
            return Ok(Sniff {
                encoding,
                cr_lines: false,
            });
        }
    }
    if matches!(encoding, TextEncoding::Utf8 | TextEncoding::Utf8Bom) {
        // Text has no NUL and few control characters.
        let controls = text
            .iter()
            .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
            .count();
        if text.contains(&0) || controls * 20 > text.len() {
            return Err(ImportError::Binary {
                origin: origin.to_string(),
            });
        }
    }
    Ok(Sniff {
        encoding,
        cr_lines: text.contains(&b'\r') && !text.contains(&b'\n'),
    })
}

/// UTF-16 without a BOM: nearly every other byte is zero (for the Latin
/// script), and the others are not.
fn sniff_utf16(head: &[u8]) -> Option<TextEncoding> {
    let n = head.len().min(4096) & !1;
    if n < 8 {
        return None;
    }
    let pairs = n / 2;
    let (mut even, mut odd) = (0, 0);
    for p in head[..n].chunks_exact(2) {
        even += usize::from(p[0] == 0);
        odd += usize::from(p[1] == 0);
    }
    if odd * 10 >= pairs * 7 && even * 20 <= pairs {
        Some(TextEncoding::Utf16LeNoBom)
    } else if even * 10 >= pairs * 7 && odd * 20 <= pairs {
        Some(TextEncoding::Utf16BeNoBom)
    } else {
        None
    }
}

fn read_export<'a>(
    source: &Source,
    origin: String,
    open: &dyn Fn() -> io::Result<Box<dyn Read + 'a>>,
    classify: Option<Classify<'_>>,
) -> Result<Import, ImportError> {
    let io_err = |e: io::Error| ImportError::Io {
        origin: origin.clone(),
        source: e,
    };
    let mut reader = open().map_err(io_err)?;
    let mut head = vec![0u8; HEAD_LEN];
    let n = read_up_to(&mut reader, &mut head).map_err(io_err)?;
    head.truncate(n);
    let sniffed = sniff(&head, &origin)?;
    let reader = Box::new(io::Cursor::new(head).chain(reader));
    match parse(reader, sniffed, source, &origin, classify)? {
        Outcome::Done(import) => Ok(import),
        Outcome::NotUtf8 => {
            let fallback = Sniff {
                encoding: TextEncoding::Windows1252Fallback,
                ..sniffed
            };
            match parse(open().map_err(io_err)?, fallback, source, &origin, classify)? {
                Outcome::Done(import) => Ok(import),
                // Windows-1252 decodes every byte, so this cannot happen.
                Outcome::NotUtf8 => Err(ImportError::Binary { origin }),
            }
        }
    }
}

/// The CSV dialect of the export.
fn csv_reader<R: Read>(r: R, capacity: usize) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(capacity)
        .from_reader(r)
}

fn parse<'a>(
    mut reader: Box<dyn Read + 'a>,
    sniffed: Sniff,
    source: &Source,
    origin: &str,
    classify: Option<Classify<'_>>,
) -> Result<Outcome, ImportError> {
    let io_err = |e: io::Error| ImportError::Io {
        origin: origin.to_string(),
        source: e,
    };
    let mut decode = DecodeReaderBytesBuilder::new();
    decode.strip_bom(true);
    let decoded: Box<dyn Read + 'a> = match sniffed.encoding {
        // UTF-8 is read as it is (and checked row by row).
        TextEncoding::Utf8 => reader,
        TextEncoding::Utf8Bom => {
            read_up_to(&mut reader, &mut [0u8; 3]).map_err(io_err)?;
            reader
        }
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => Box::new(decode.build(reader)),
        TextEncoding::Utf16LeNoBom => {
            Box::new(decode.encoding(Some(encoding_rs::UTF_16LE)).build(reader))
        }
        TextEncoding::Utf16BeNoBom => {
            Box::new(decode.encoding(Some(encoding_rs::UTF_16BE)).build(reader))
        }
        TextEncoding::Windows1252Fallback => Box::new(
            decode
                .encoding(Some(encoding_rs::WINDOWS_1252))
                .build(reader),
        ),
    };
    let mut csv = csv_reader(Tee::new(decoded, sniffed.cr_lines), 1 << 16);
    let mut record = ByteRecord::new();
    let cols = match find_header(&mut csv, &mut record, sniffed.encoding, origin)? {
        Some(cols) => cols,
        None => return Ok(Outcome::NotUtf8),
    };
    let mut rows = Rows::new(cols, sniffed.encoding);
    let read = match classify {
        None => rows.read_rows(&mut csv, &mut record, 0, 0),
        Some(classify) => std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<NoteBatch>(8);
            let worker = scope.spawn(move || {
                let mut out = Vec::new();
                for batch in rx {
                    batch.classify_into(classify, &mut out);
                }
                out
            });
            rows.pipe = Some(Pipe {
                tx,
                batch: NoteBatch::default(),
            });
            let read = rows.read_rows(&mut csv, &mut record, 0, 0);
            if let Some(pipe) = rows.pipe.take() {
                pipe.finish();
            }
            let classes = worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            debug_assert_eq!(classes.len(), rows.invitations.len());
            for (inv, c) in rows.invitations.iter_mut().zip(classes) {
                inv.category = c.category;
                inv.signals = c.signals;
            }
            read
        }),
    };
    match read {
        Ok(()) => {}
        Err(Stop::NotUtf8) => return Ok(Outcome::NotUtf8),
        Err(Stop::Io(e)) => return Err(io_err(e)),
    }
    let Rows {
        mut invitations,
        skipped,
        keys,
        replaced_rows,
        ..
    } = rows;
    let duplicates = remove_duplicates(&mut invitations, keys);
    invitations.shrink_to_fit();
    Ok(Outcome::Done(Import {
        source: source.clone(),
        origin: origin.to_string(),
        invitations,
        skipped,
        duplicates,
        encoding: sniffed.encoding,
        without_profile_urls: cols.inviter_url.is_none() || cols.invitee_url.is_none(),
        replaced_rows,
    }))
}

/// Finds the header among the first few records: the columns, or `None`
/// when the bytes turn out not to be UTF-8.
fn find_header<R: Read>(
    csv: &mut csv::Reader<Tee<R>>,
    record: &mut ByteRecord,
    encoding: TextEncoding,
    origin: &str,
) -> Result<Option<Columns>, ImportError> {
    struct Candidate {
        line: u64,
        missing: Vec<&'static str>,
        found: String,
        problem: Option<HeaderProblem>,
    }
    let mut best: Option<Candidate> = None;
    let mut any = false;
    for _ in 0..HEADER_SEARCH_RECORDS {
        let at = match next_record(csv, record, 0) {
            Ok(Some(at)) => at,
            Ok(None) => break,
            Err(e) => {
                return Err(ImportError::Io {
                    origin: origin.to_string(),
                    source: e,
                });
            }
        };
        any = true;
        if encoding == TextEncoding::Utf8 && std::str::from_utf8(record.as_slice()).is_err() {
            return Ok(None);
        }
        if is_blank(record) {
            continue;
        }
        let header: Vec<String> = record.iter().map(normalise_header).collect();
        let missing = match Columns::find(&header) {
            Ok(cols) => return Ok(Some(cols)),
            Err(missing) => missing,
        };
        if let Some((looks_like, what)) = looks_like(&header) {
            return Err(ImportError::OtherExport {
                origin: origin.to_string(),
                looks_like,
                what,
            });
        }
        if best
            .as_ref()
            .is_none_or(|b| missing.len() < b.missing.len())
        {
            let fields: Vec<String> = record
                .iter()
                .map(|f| {
                    String::from_utf8_lossy(f)
                        .trim_start_matches('\u{feff}')
                        .trim()
                        .to_string()
                })
                .collect();
            best = Some(Candidate {
                line: at.line,
                missing,
                found: shorten(&fields.join(","), 120),
                problem: header_problem(&fields),
            });
        }
    }
    Err(match best {
        None => ImportError::Empty {
            origin: origin.to_string(),
            what: if any {
                "blank (only white space)"
            } else {
                "empty"
            },
        },
        Some(Candidate {
            line,
            problem: Some(HeaderProblem::Separator(separator)),
            ..
        }) => ImportError::Separator {
            origin: origin.to_string(),
            line,
            separator,
        },
        Some(Candidate {
            line,
            problem: Some(HeaderProblem::NoHeader),
            ..
        }) => ImportError::NoHeader {
            origin: origin.to_string(),
            line,
        },
        Some(c) => ImportError::MissingColumns {
            origin: origin.to_string(),
            line: c.line,
            missing: c.missing.join(", "),
            found: c.found,
        },
    })
}

/// Why a line that should be the header is not, when it can be told.
#[derive(Debug, Clone, Copy)]
enum HeaderProblem {
    /// The header's columns, separated by semicolons or tabs.
    Separator(&'static str),
    /// An invitation: the header line is missing.
    NoHeader,
}

fn header_problem(fields: &[String]) -> Option<HeaderProblem> {
    let joined = fields.join(",");
    for (sep, name) in [(';', "semicolons"), ('\t', "tabs")] {
        let split: Vec<String> = joined
            .split(sep)
            .map(|f| normalise_header(f.trim_matches('"').as_bytes()))
            .collect();
        if split.len() > 1 && Columns::find(&split).is_ok() {
            return Some(HeaderProblem::Separator(name));
        }
    }
    let direction = fields.iter().any(|f| parse_direction(f).is_some());
    let date = fields.iter().any(|f| parse_sent_at(f).is_some());
    (direction && date).then_some(HeaderProblem::NoHeader)
}

/// Where a record sits in the text.
#[derive(Debug, Clone, Copy)]
struct At {
    /// The line the record starts on (1-based), blank lines before it not
    /// counted as part of it.
    line: u64,
    /// Line breaks inside the record (in quoted fields).
    inner_breaks: u64,
    /// The record's bytes in the stream: from its first byte to its line end
    /// (included).
    start: u64,
    end: u64,
}

/// Reads the next record and tells where it lies. The CSV reader's own
/// positions count a line end that follows the record (the `\n` of `\r\n`)
/// and blank lines as the start of the next record; the bytes kept by the
/// [`Tee`] put that right.
fn next_record<R: Read>(
    csv: &mut csv::Reader<Tee<R>>,
    record: &mut ByteRecord,
    line_offset: u64,
) -> io::Result<Option<At>> {
    let before = csv.position().clone();
    csv.get_mut().keep_from = before.byte();
    match csv.read_byte_record(record) {
        Ok(true) => {}
        Ok(false) => return Ok(None),
        Err(e) => {
            // With byte records and flexible field counts, reading fails
            // only on I/O errors.
            return Err(match e.into_kind() {
                csv::ErrorKind::Io(e) => e,
                other => io::Error::other(format!("{other:?}")),
            });
        }
    }
    let after = csv.position();
    let raw = csv.get_ref().slice(before.byte(), after.byte());
    let lead = raw
        .iter()
        .take_while(|&&b| b == b'\n' || b == b'\r')
        .count();
    let lead_lf = count_lf(&raw[..lead]);
    let ends_lf = u64::from(raw.len() > lead && raw.last() == Some(&b'\n'));
    let line = before.line() + lead_lf;
    Ok(Some(At {
        line: line + line_offset,
        inner_breaks: after.line().saturating_sub(line + ends_lf),
        start: before.byte() + lead as u64,
        end: after.byte(),
    }))
}

fn count_lf(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

/// A record whose fields are all blank (a blank line, or only commas).
fn is_blank(record: &ByteRecord) -> bool {
    record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace))
}

/// A reader that keeps the bytes it has handed out since `keep_from`, so that
/// a record's own text can be looked at after the CSV parser has read it.
/// Bytes before `keep_from` are dropped as reading goes on.
struct Tee<R> {
    inner: R,
    buf: Vec<u8>,
    /// The stream offset of `buf[0]`.
    base: u64,
    keep_from: u64,
    /// Read every `\r` as `\n`.
    cr_to_lf: bool,
}

impl<R: Read> Tee<R> {
    fn new(inner: R, cr_to_lf: bool) -> Self {
        Tee {
            inner,
            buf: Vec::new(),
            base: 0,
            keep_from: 0,
            cr_to_lf,
        }
    }

    /// The bytes from stream offset `from` to `to`, as far as they are kept.
    fn slice(&self, from: u64, to: u64) -> &[u8] {
        let at = |o: u64| {
            usize::try_from(o.saturating_sub(self.base))
                .map_or(self.buf.len(), |i| i.min(self.buf.len()))
        };
        let (a, b) = (at(from), at(to));
        &self.buf[a.min(b)..b]
    }
}

impl<R: Read> Read for Tee<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let unneeded = usize::try_from(self.keep_from.saturating_sub(self.base))
            .map_or(self.buf.len(), |n| n.min(self.buf.len()));
        // Dropping moves the rest to the front; do it when the rest is the
        // smaller part, so that each byte is moved a bounded number of times.
        if unneeded > 0 && unneeded >= self.buf.len() / 2 {
            self.buf.drain(..unneeded);
            self.base += unneeded as u64;
        }
        let n = self.inner.read(out)?;
        let got = &mut out[..n];
        if self.cr_to_lf {
            for b in got.iter_mut().filter(|b| **b == b'\r') {
                *b = b'\n';
            }
        }
        self.buf.extend_from_slice(got);
        Ok(n)
    }
}

/// What went wrong with the quoting of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct QuoteFault {
    /// The offset in the record of the quote that opened the bad field.
    open: usize,
    /// True when the record ends inside the quotes (the end of the file);
    /// false when the closing quote is followed by more text.
    unclosed: bool,
}

/// Checks a record's text against CSV's quoting rules, the way the `csv`
/// crate reads it: a field that starts with `"` ends at a `"` followed by a
/// comma or a line end (`""` being a quote inside); a quote anywhere else is
/// text. The `csv` crate is lenient about a closing quote followed by more
/// text; that is where a quote left open shows.
fn check_quotes(raw: &[u8]) -> Option<QuoteFault> {
    let mut i = 0;
    // The offset of the quote that opened the current quoted field.
    let mut open: Option<usize> = None;
    while let Some(q) = find_quote(&raw[i..]).map(|p| i + p) {
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

/// The offset of the first `"` in `s`, looking at eight bytes at a time
/// (notes run long, and most of their bytes are not quotes).
fn find_quote(s: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const QUOTES: u64 = ONES * b'"' as u64;
    let mut chunks = s.chunks_exact(8);
    let mut skipped = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word) ^ QUOTES;
        // Some byte of `x` is zero, that is, some byte of the chunk is `"`.
        if x.wrapping_sub(ONES) & !x & HIGH != 0 {
            break;
        }
        skipped += 8;
    }
    s[skipped..]
        .iter()
        .position(|&b| b == b'"')
        .map(|p| skipped + p)
}

/// How deep the lines swallowed by a broken quote are read again, when they
/// hold a broken quote themselves.
const MAX_REREAD_DEPTH: u32 = 8;

/// Why reading rows stopped early.
enum Stop {
    NotUtf8,
    Io(io::Error),
}

/// The rows read so far.
struct Rows {
    cols: Columns,
    encoding: TextEncoding,
    invitations: Vec<Invitation>,
    skipped: Vec<RowError>,
    /// A hash of each invitation's id and trimmed note, with its index in
    /// `invitations`: sorted at the end to find duplicates (cheaper in time
    /// and memory than a hash map probed at random for every row).
    keys: Vec<(u64, u32)>,
    shared: Shared,
    replaced_rows: usize,
    /// Where each row's note goes to be classified, when it is.
    pipe: Option<Pipe>,
}

/// Notes on their way to the classifying thread, a batch at a time. The
/// texts are copied into one buffer per batch: the rows themselves stay with
/// the reading thread, which goes on pushing to the same `Vec`.
#[derive(Default)]
struct NoteBatch {
    text: String,
    /// The end of each row's note, sender and recipient in `text`.
    ends: Vec<[u32; 3]>,
}

impl NoteBatch {
    const ROWS: usize = 4096;

    fn push(&mut self, note: &str, from: &str, to: &str) {
        let mut end = [0u32; 3];
        for (slot, s) in end.iter_mut().zip([note, from, to]) {
            self.text.push_str(s);
            *slot = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        }
        self.ends.push(end);
    }

    fn classify_into(self, classify: Classify<'_>, out: &mut Vec<Classification>) {
        let mut start = 0usize;
        for [a, b, c] in self.ends {
            let (a, b, c) = (a as usize, b as usize, c as usize);
            out.push(classify(
                &self.text[start..a],
                &self.text[a..b],
                &self.text[b..c],
            ));
            start = c;
        }
    }
}

/// The sending end of the classifying thread.
struct Pipe {
    tx: std::sync::mpsc::SyncSender<NoteBatch>,
    batch: NoteBatch,
}

impl Pipe {
    fn push(&mut self, note: &str, from: &str, to: &str) {
        self.batch.push(note, from, to);
        if self.batch.ends.len() >= NoteBatch::ROWS {
            let full = std::mem::take(&mut self.batch);
            // The receiver lives until every batch is sent; a send can only
            // fail if it panicked, which `join` then reports.
            let _ = self.tx.send(full);
        }
    }

    fn finish(self) {
        if !self.batch.ends.is_empty() {
            let _ = self.tx.send(self.batch);
        }
    }
}

impl Rows {
    fn new(cols: Columns, encoding: TextEncoding) -> Self {
        Rows {
            cols,
            encoding,
            invitations: Vec::new(),
            skipped: Vec::new(),
            keys: Vec::new(),
            shared: Shared::default(),
            replaced_rows: 0,
            pipe: None,
        }
    }

    fn skip(&mut self, line: u64, reason: String) {
        self.skipped.push(RowError { line, reason });
    }

    /// Reads every record left in `csv`; `line_offset` is added to its line
    /// numbers.
    fn read_rows<R: Read>(
        &mut self,
        csv: &mut csv::Reader<Tee<R>>,
        record: &mut ByteRecord,
        line_offset: u64,
        depth: u32,
    ) -> Result<(), Stop> {
        while let Some(at) = next_record(csv, record, line_offset).map_err(Stop::Io)? {
            let raw = csv.get_ref().slice(at.start, at.end);
            self.record(record, raw, at, depth)?;
        }
        Ok(())
    }

    fn record(&mut self, record: &ByteRecord, raw: &[u8], at: At, depth: u32) -> Result<(), Stop> {
        if is_blank(record) {
            return Ok(());
        }
        // Only a record over several lines or with the wrong number of
        // fields can hide a quote left open; checking the others would cost
        // a second pass over every byte.
        if (at.inner_breaks > 0 || record.len() != self.cols.width)
            && let Some(fault) = check_quotes(raw)
        {
            return self.broken_quote(record, raw, at, fault, depth);
        }
        self.row(record, at.line, "")
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
        let open_line = at.line + count_lf(&raw[..fault.open]);
        let last_line = at.line + at.inner_breaks;
        let tail = raw[fault.open..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(&[][..], |i| &raw[fault.open + i + 1..]);
        let here = if open_line == at.line {
            "on this line".to_string()
        } else {
            format!("on line {open_line}")
        };
        if depth < MAX_REREAD_DEPTH && self.holds_a_row(tail) {
            let swallowed = if open_line + 1 == last_line {
                format!("line {last_line}, which it ran into, was read on its own")
            } else {
                format!(
                    "lines {}–{last_line}, which it ran into, were read on their own",
                    open_line + 1
                )
            };
            self.skip(
                at.line,
                format!("a quote (\") opens a field {here} and is never closed; {swallowed}"),
            );
            let mut csv = csv_reader(Tee::new(tail, false), 1 << 13);
            let mut record = ByteRecord::new();
            return self.read_rows(&mut csv, &mut record, open_line, depth + 1);
        }
        if fault.unclosed {
            let reason = if last_line == at.line {
                format!("a quote (\") opens a field {here} and is never closed")
            } else {
                format!(
                    "a quote (\") opens a field {here} and is never closed, so lines {}–{last_line} were read as this one row",
                    at.line
                )
            };
            self.skip(at.line, reason);
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
        let mut csv = csv_reader(text, 1 << 13);
        let mut record = ByteRecord::new();
        fn field(r: &ByteRecord, i: usize) -> Option<&str> {
            r.get(i).and_then(|b| std::str::from_utf8(b).ok())
        }
        while let Ok(true) = csv.read_byte_record(&mut record) {
            if record.len() == self.cols.width
                && field(&record, self.cols.direction)
                    .and_then(parse_direction)
                    .is_some()
                && field(&record, self.cols.sent_at)
                    .and_then(parse_sent_at)
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
        let cols = self.cols;
        // One check of the whole record costs less than one per field; each
        // field must then start and end on a character boundary too.
        let Ok(text) = std::str::from_utf8(record.as_slice()) else {
            return self.not_utf8(record, line, hint);
        };
        let mut fields: [&str; 7] = [""; 7];
        for (slot, col) in fields.iter_mut().zip(cols.indices()) {
            if let Some(range) = col.and_then(|i| record.range(i)) {
                match text.get(range) {
                    Some(s) => *slot = s,
                    None => return self.not_utf8(record, line, hint),
                }
            }
        }
        if record.len() != cols.width {
            let n = record.len();
            self.skip(
                line,
                format!(
                    "has {n} field{} where the header has {}{hint}",
                    plural(n),
                    cols.width
                ),
            );
            return Ok(());
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
            } else {
                format!(
                    "Direction is `{}`; expected INCOMING or OUTGOING",
                    shorten(direction, 40)
                )
            };
            self.skip(line, reason);
            return Ok(());
        };
        let Some(sent_at) = parse_sent_at(sent_at) else {
            self.skip(
                line,
                format!(
                    "Sent At is `{}`; expected a date like `7/8/26, 3:43 PM` or `2026-07-08T15:43:00`",
                    shorten(sent_at, 40)
                ),
            );
            return Ok(());
        };
        let (to_shared, invitee_shared, invitee_key) = self.shared.get(to, invitee_url);
        let inv = Invitation::with_shared(
            Fields {
                from,
                to,
                message,
                inviter_url,
                invitee_url,
                sent_at,
                direction,
                line: u32::try_from(line).unwrap_or(u32::MAX),
            },
            to_shared,
            invitee_shared,
            invitee_key,
        );
        let key = xxhash_rust::xxh3::xxh3_64_with_seed(message.trim().as_bytes(), inv.id.0);
        let index = u32::try_from(self.invitations.len()).unwrap_or(u32::MAX);
        self.keys.push((key, index));
        if let Some(pipe) = &mut self.pipe {
            pipe.push(message, from, to);
        }
        self.invitations.push(inv);
        Ok(())
    }

    /// A row with bytes that are not UTF-8: start again as Windows-1252, or,
    /// when a BOM says the file is UTF-8, keep the row with U+FFFD for them.
    fn not_utf8(&mut self, record: &ByteRecord, line: u64, hint: &str) -> Result<(), Stop> {
        if self.encoding == TextEncoding::Utf8 {
            return Err(Stop::NotUtf8);
        }
        self.replaced_rows += 1;
        let fixed: ByteRecord = record
            .iter()
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect();
        self.row(&fixed, line, hint)
    }
}

/// Removes the rows that repeat an earlier one (the same id, which is the
/// same sender and recipient, and the same note up to surrounding white
/// space), and tells where they were. `keys` holds a hash of both for each
/// invitation, with its index.
fn remove_duplicates(
    invitations: &mut Vec<Invitation>,
    mut keys: Vec<(u64, u32)>,
) -> Vec<Duplicate> {
    keys.sort_unstable();
    let same =
        |a: &Invitation, b: &Invitation| a.id == b.id && a.message().trim() == b.message().trim();
    let mut duplicates = Vec::new();
    let mut repeats: Vec<u32> = Vec::new();
    for group in keys.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
        // In order of index: each repeats the first earlier one equal to it
        // (a hash is not proof).
        for (j, &(_, index)) in group.iter().enumerate().skip(1) {
            let inv = &invitations[index as usize];
            if let Some(&(_, first)) = group[..j]
                .iter()
                .find(|(_, f)| same(&invitations[*f as usize], inv))
            {
                duplicates.push(Duplicate {
                    line: u64::from(inv.line),
                    first_line: u64::from(invitations[first as usize].line),
                });
                repeats.push(index);
            }
        }
    }
    drop(keys);
    if repeats.is_empty() {
        return duplicates;
    }
    repeats.sort_unstable();
    repeats.dedup();
    let mut repeats = repeats.into_iter().peekable();
    let mut index = 0u32;
    invitations.retain(|_| {
        let repeat = repeats.next_if_eq(&index).is_some();
        index += 1;
        !repeat
    });
    duplicates.sort_unstable_by_key(|d| d.line);
    duplicates
}

/// Shares the strings that repeat from row to row (the recipient of incoming
/// invitations, the user's own URL) instead of storing them per row, and
/// works out the recipient's profile key once for each run of rows.
#[derive(Default)]
struct Shared {
    to: Option<Arc<str>>,
    invitee: Option<Arc<str>>,
    invitee_key: String,
}

impl Shared {
    fn get(&mut self, to: &str, invitee: &str) -> (Arc<str>, Arc<str>, &str) {
        fn intern(slot: &mut Option<Arc<str>>, s: &str) -> (Arc<str>, bool) {
            match slot {
                Some(a) if &**a == s => (a.clone(), false),
                _ => {
                    let a: Arc<str> = Arc::from(s);
                    *slot = Some(a.clone());
                    (a, true)
                }
            }
        }
        let (to, _) = intern(&mut self.to, to);
        let (invitee_arc, changed) = intern(&mut self.invitee, invitee);
        if changed {
            self.invitee_key = crate::invitation::profile_key(invitee).into_owned();
        }
        (to, invitee_arc, &self.invitee_key)
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
/// a four-digit year or without the comma (`7/8/2026 15:43`, as a spreadsheet
/// writes it), or ISO 8601 (with or without seconds, a `T` or a space, and an
/// offset or `UTC`, which is dropped: the export has no time zone).
pub fn parse_sent_at(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.as_bytes()[0].is_ascii_digit() && s.contains('/') {
        let (date, time) = match s.find([',', ' ']) {
            Some(i) => (&s[..i], s[i + 1..].trim_start_matches([',', ' ']).trim()),
            None => (s, ""),
        };
        let mut parts = date.split('/');
        let m = number(parts.next()?, 1, 2)?;
        let d = number(parts.next()?, 1, 2)?;
        let y_str = parts.next()?;
        if parts.next().is_some() {
            return None;
        }
        let y = match y_str.len() {
            2 => 2000 + i32::try_from(number(y_str, 2, 2)?).ok()?,
            4 => i32::try_from(number(y_str, 4, 4)?).ok()?,
            _ => return None,
        };
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        if time.is_empty() {
            return date.and_hms_opt(0, 0, 0);
        }
        return Some(date.and_time(parse_clock(time)?));
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

/// `s` as a number of `min..=max` ASCII digits.
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
    let (clock, meridiem) = (t[..split].trim_end(), t[split..].trim());
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

/// At most `max` characters of `s`, with an ellipsis when cut, and control
/// characters escaped (`\n`, `\u{1b}`) so that a message shows them and a
/// terminal does not act on them.
fn shorten(s: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        if c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
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
        assert_eq!(
            parse_sent_at("7/8/26, 3:43 PM"),
            Some(dt(2026, 7, 8, 15, 43))
        );
        assert_eq!(
            parse_sent_at("12/20/26, 12:01 AM"),
            Some(dt(2026, 12, 20, 0, 1))
        );
        assert_eq!(
            parse_sent_at("12/20/26, 12:01 PM"),
            Some(dt(2026, 12, 20, 12, 1))
        );
        assert_eq!(
            parse_sent_at("7/8/2026, 3:43 PM"),
            Some(dt(2026, 7, 8, 15, 43))
        );
        assert_eq!(
            parse_sent_at("7/8/26, 3:43\u{202f}PM"),
            Some(dt(2026, 7, 8, 15, 43))
        );
        assert_eq!(
            parse_sent_at("7/8/26, 3:43\u{a0}pm"),
            Some(dt(2026, 7, 8, 15, 43))
        );
        assert_eq!(
            parse_sent_at("7/8/26, 3:43PM"),
            Some(dt(2026, 7, 8, 15, 43))
        );
        assert_eq!(
            parse_sent_at("7/8/26, 3:43:59 PM"),
            dt(2026, 7, 8, 15, 43).checked_add_signed(chrono::TimeDelta::seconds(59))
        );
        assert_eq!(
            parse_sent_at("7/8/2026 15:43"),
            Some(dt(2026, 7, 8, 15, 43))
        );
        assert_eq!(parse_sent_at("7/8/26"), Some(dt(2026, 7, 8, 0, 0)));
    }

    #[test]
    fn parses_iso_dates() {
        assert_eq!(
            parse_sent_at("2026-07-08T15:43:00"),
            Some(dt(2026, 7, 8, 15, 43))
        );
        assert_eq!(
            parse_sent_at("2026-07-08 15:43:00 UTC"),
            Some(dt(2026, 7, 8, 15, 43))
        );
        assert_eq!(
            parse_sent_at("2026-07-08T15:43:00+02:00"),
            Some(dt(2026, 7, 8, 15, 43))
        );
        assert_eq!(
            parse_sent_at("2026-07-08T15:43Z"),
            Some(dt(2026, 7, 8, 15, 43))
        );
        assert_eq!(parse_sent_at("2026-07-08"), Some(dt(2026, 7, 8, 0, 0)));
    }

    #[test]
    fn rejects_bad_dates() {
        for bad in [
            "",
            "yesterday",
            "13/1/26, 1:00 PM",
            "2/30/26, 1:00 PM",
            "7/8/226, 1:00 PM",
            "7/8/26, 25:00 PM",
            "7/8/26, 13:00 PM",
            "7/8/26, 0:10 AM",
            "7/8/26, 3:43 XM",
            "7/8/26, 3:4 PM",
            "7/8/26, 24:00",
            "+7/8/26, 3:43 PM",
            "7/+8/26, 3:43 PM",
            "7/8/26/1, 3:43 PM",
            "7/8/+6, 3:43 PM",
            "7/8/26, 3:43:7 PM",
            "7/8/26, 3:43:07:01 PM",
        ] {
            assert_eq!(parse_sent_at(bad), None, "{bad:?}");
        }
    }

    const H: &str = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n";

    fn row(n: usize, note: &str) -> String {
        format!(
            "Person {n},Colleen Ruiz,\"11/{}/26, 4:02 PM\",{note},INCOMING,https://www.linkedin.com/in/p{n},https://www.linkedin.com/in/colleen\n",
            n % 28 + 1
        )
    }

    fn load_str(s: &str) -> Import {
        load_bytes("t.csv", s.as_bytes()).unwrap()
    }

    fn lines(import: &Import) -> Vec<u32> {
        import.invitations.iter().map(|i| i.line).collect()
    }

    #[test]
    fn reads_rows_with_their_lines() {
        let text = format!(
            "{H}{}{}\"\"\n{}",
            row(1, ""),
            row(2, "\"Hi, you\nthere\""),
            row(3, "x")
        );
        let i = load_str(&text);
        assert_eq!(lines(&i), vec![2, 3, 6]);
        assert_eq!(i.invitations[1].message(), "Hi, you\nthere");
        assert!(i.skipped.is_empty(), "{:?}", i.skipped);
    }

    #[test]
    fn lines_count_crlf_blank_lines_and_lone_cr() {
        let text = format!("{H}{}\n{}{}", row(1, ""), row(2, "\"a\nb\""), row(3, ""));
        assert_eq!(lines(&load_str(&text)), vec![2, 4, 6]);
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(lines(&load_str(&crlf)), vec![2, 4, 6]);
        let cr = text.replace('\n', "\r");
        assert_eq!(lines(&load_str(&cr)), vec![2, 4, 6]);
        assert_eq!(load_str(&cr).invitations[1].message(), "a\nb");
    }

    #[test]
    fn a_broken_quote_is_reported_and_the_swallowed_rows_read_again() {
        // Row 3's note opens a quote and never closes it: the csv crate reads
        // row 4 into it, up to the quote before row 4's date.
        let text = format!(
            "{H}{}{}{}{}",
            row(1, ""),
            row(2, "\"Hi, great talk"),
            row(3, ""),
            row(4, "")
        );
        for text in [text.clone(), text.replace('\n', "\r\n")] {
            let i = load_str(&text);
            assert_eq!(lines(&i), vec![2, 4, 5], "{:?}", i.skipped);
            assert_eq!(i.skipped.len(), 1);
            assert_eq!(i.skipped[0].line, 3);
            assert!(
                i.skipped[0].reason.contains("never closed"),
                "{}",
                i.skipped[0].reason
            );
            assert!(
                i.skipped[0].reason.contains("line 4"),
                "{}",
                i.skipped[0].reason
            );
        }
    }

    #[test]
    fn a_broken_quote_that_makes_a_whole_row_is_still_caught() {
        // Unquoted dates: the open quote of row 2 runs to the quote of row
        // 3's note, and the csv crate makes seven fields of the two rows.
        let text = format!(
            "{H}A,B,2026-07-08T15:43,\"Hi there,INCOMING,u1,u2\nC,D,2026-07-08T15:43,\"Nice to meet you\",INCOMING,u3,u4\nE,F,2026-07-08T15:43,,INCOMING,u5,u6\n"
        );
        let i = load_str(&text);
        assert_eq!(lines(&i), vec![3, 4], "{:?}", i.skipped);
        assert_eq!(
            i.skipped.iter().map(|s| s.line).collect::<Vec<_>>(),
            vec![2]
        );
    }

    #[test]
    fn a_quote_open_to_the_end_of_the_file_recovers_the_rest() {
        let text = format!(
            "{H}A,B,2026-07-08T15:43,\"Hi there,INCOMING,u1,u2\nC,D,2026-07-08T15:43,,INCOMING,u3,u4\nE,F,2026-07-08T15:43,,INCOMING,u5,u6\n"
        );
        let i = load_str(&text);
        assert_eq!(lines(&i), vec![3, 4], "{:?}", i.skipped);
        assert!(
            i.skipped[0].reason.contains("lines 3–4"),
            "{}",
            i.skipped[0].reason
        );
    }

    #[test]
    fn an_unclosed_quote_on_the_last_line_is_named() {
        let text = format!("{H}{}A,B,\"7/8/26, 3:43 PM\",\"Hi there", row(1, ""));
        let i = load_str(&text);
        assert_eq!(i.invitations.len(), 1);
        assert_eq!(i.skipped[0].line, 3);
        assert!(
            i.skipped[0].reason.contains("never closed"),
            "{}",
            i.skipped[0].reason
        );
    }

    #[test]
    fn a_stray_quote_inside_a_long_note_keeps_the_row() {
        let text = format!("{H}{}", row(1, "\"Line one\nI said \"hi\" there\""));
        let i = load_str(&text);
        assert_eq!(i.invitations.len(), 1, "{:?}", i.skipped);
    }

    #[test]
    fn check_quotes_tells_the_faults() {
        assert_eq!(check_quotes(b"a,\"b\nc\",d\n"), None);
        assert_eq!(check_quotes(b"a,\"b \"\"c\"\"\",d\n"), None);
        assert_eq!(
            check_quotes(b"a,\"b\nc,\"d"),
            Some(QuoteFault {
                open: 2,
                unclosed: false
            })
        );
        assert_eq!(
            check_quotes(b"a,\"b\nc,d"),
            Some(QuoteFault {
                open: 2,
                unclosed: true
            })
        );
    }

    #[test]
    fn header_in_any_order_with_extra_columns_and_bom() {
        let text = "\u{feff}Direction,Extra,Message,Sent At,To,From\nOUTGOING,x,\"Hi, \"\"you\"\"\",2026-07-08T15:43,B,A\n";
        let i = load_str(text);
        assert_eq!(i.encoding, TextEncoding::Utf8Bom);
        assert_eq!(i.invitations[0].message(), "Hi, \"you\"");
        assert_eq!(i.invitations[0].from(), "A");
        assert_eq!(i.invitations[0].direction, Direction::Outgoing);
        assert!(i.without_profile_urls);
    }

    #[test]
    fn encodings() {
        let text = format!("{H}Ren\u{e9} Ngo,B,\"7/8/26, 3:43 PM\",,INCOMING,u1,u2\n");
        let utf16le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let utf16be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let cases: Vec<(Vec<u8>, TextEncoding)> = vec![
            (text.as_bytes().to_vec(), TextEncoding::Utf8),
            (
                [&[0xFF, 0xFE][..], &utf16le].concat(),
                TextEncoding::Utf16Le,
            ),
            (
                [&[0xFE, 0xFF][..], &utf16be].concat(),
                TextEncoding::Utf16Be,
            ),
            (utf16le, TextEncoding::Utf16LeNoBom),
            (utf16be, TextEncoding::Utf16BeNoBom),
        ];
        for (bytes, encoding) in cases {
            let i = load_bytes("t.csv", &bytes).unwrap();
            assert_eq!(i.encoding, encoding);
            assert_eq!(i.invitations[0].from(), "Ren\u{e9} Ngo", "{encoding:?}");
        }
        let cp1252 = text.replace('\u{e9}', "\u{1}").into_bytes();
        let cp1252: Vec<u8> = cp1252
            .into_iter()
            .map(|b| if b == 1 { 0xE9 } else { b })
            .collect();
        let i = load_bytes("t.csv", &cp1252).unwrap();
        assert_eq!(i.encoding, TextEncoding::Windows1252Fallback);
        assert_eq!(i.invitations[0].from(), "Ren\u{e9} Ngo");
        assert!(i.notices()[0].contains("Windows-1252"));
    }

    #[test]
    fn bad_bytes_in_a_file_with_a_bom_are_replaced() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(H.as_bytes());
        bytes.extend_from_slice(b"Ren\xE9,B,2026-07-08T15:43,,INCOMING,u1,u2\n");
        let i = load_bytes("t.csv", &bytes).unwrap();
        assert_eq!(i.invitations[0].from(), "Ren\u{fffd}");
        assert_eq!(i.replaced_rows, 1);
    }

    #[test]
    fn refuses_what_is_not_an_export() {
        let err = |bytes: &[u8]| load_bytes("x.csv", bytes).unwrap_err().to_string();
        assert!(err(b"").contains("x.csv: the file is empty"));
        assert!(err(b"\n \n\n").contains("blank"));
        assert!(err(b"\xEF\xBB\xBF").contains("empty"));
        assert!(err(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").contains("binary"));
        assert!(err(b"\x1f\x8b\x08\0").contains("gzip"));
        assert!(err(b"<!DOCTYPE html><html>").contains("web page"));
        let e = err(b"Notes:\n\"When exporting, some e-mail addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        assert!(e.contains("Connections.csv"), "{e}");
        let e = err(b"From,To,Date,Message\n");
        assert!(
            e.contains("line 1: the header lacks the columns Sent At, Direction"),
            "{e}"
        );
        let e = err(b"From;To;Sent At;Message;Direction\n");
        assert!(
            e.contains("line 1: the columns are separated by semicolons"),
            "{e}"
        );
        let e = err(b"A,B,\"7/8/26, 3:43 PM\",,INCOMING,u,v\n");
        assert!(
            e.contains("line 1: this is an invitation, not the header"),
            "{e}"
        );
    }

    #[test]
    fn messages_escape_control_characters() {
        let text = format!("{H}A,B,2026-07-08T15:43,,\x1b[31mIN,u1,u2\n");
        let i = load_str(&text);
        assert!(
            i.skipped[0].reason.contains("`\\u{1b}[31mIN`"),
            "{}",
            i.skipped[0].reason
        );
    }

    #[test]
    fn duplicates_count_once() {
        let text = format!("{H}{}{}{}", row(1, "Hi"), row(2, ""), row(1, " Hi "));
        let i = load_str(&text);
        assert_eq!(i.invitations.len(), 2);
        assert_eq!(
            i.duplicates,
            vec![Duplicate {
                line: 4,
                first_line: 2
            }]
        );
    }

    #[test]
    fn a_repeated_header_is_named() {
        let text = format!("{H}{}{H}{}", row(1, ""), row(2, ""));
        let i = load_str(&text);
        assert_eq!(i.invitations.len(), 2);
        assert!(i.skipped[0].reason.contains("repeats the header"));
    }

    #[test]
    fn reads_the_archive() {
        use std::io::Write;
        let mut buf = io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        zip.start_file("Connections.csv", opts).unwrap();
        zip.write_all(b"First Name\n").unwrap();
        zip.start_file("Basic/Invitations.csv", opts).unwrap();
        zip.write_all(format!("{H}{}", row(1, "")).as_bytes())
            .unwrap();
        zip.finish().unwrap();
        let i = load_bytes("export.zip", buf.get_ref()).unwrap();
        assert_eq!(i.origin, "export.zip:Basic/Invitations.csv");
        assert_eq!(i.invitations.len(), 1);

        let mut buf = io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        zip.start_file("xl/workbook.xml", opts).unwrap();
        zip.finish().unwrap();
        let e = load_bytes("Invitations.xlsx", buf.get_ref()).unwrap_err();
        assert!(e.to_string().contains("Excel workbook"), "{e}");
    }

    #[test]
    fn the_sample_loads_cleanly() {
        let i = load(&Source::Sample).unwrap();
        assert!(i.invitations.len() > 50);
        assert!(i.skipped.is_empty(), "{:?}", i.skipped);
        assert!(i.duplicates.is_empty());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Lines as an editor counts them: `\r\n`, `\r` or `\n` ends one.
        fn line_count(bytes: &[u8]) -> usize {
            let mut n = 1;
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b'\r' {
                    n += 1;
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                } else if bytes[i] == b'\n' {
                    n += 1;
                }
                i += 1;
            }
            n
        }

        /// UTF-16 turns two bytes into one character: count its lines.
        fn check(bytes: &[u8]) {
            if let Ok(i) = load_bytes("p.csv", bytes) {
                let lines = match i.encoding {
                    TextEncoding::Utf8
                    | TextEncoding::Utf8Bom
                    | TextEncoding::Windows1252Fallback => line_count(bytes),
                    _ => line_count(bytes) + bytes.len(),
                };
                let read = i.invitations.len() + i.skipped.len() + i.duplicates.len();
                assert!(
                    read < lines.max(1),
                    "{read} rows from {lines} lines: {:?} {:?}",
                    i.invitations.iter().map(|i| i.line).collect::<Vec<_>>(),
                    i.skipped
                );
                let mut seen: Vec<u64> = i
                    .invitations
                    .iter()
                    .map(|i| u64::from(i.line))
                    .chain(i.skipped.iter().map(|s| s.line))
                    .chain(i.duplicates.iter().map(|d| d.line))
                    .collect();
                seen.sort_unstable();
                // Lines are counted by `\n` (as `grep -n` and editors that show a
                // lone `\r` as `^M` do), which a lone `\r` does not advance.
                assert!(
                    seen.iter().all(|&l| l >= 1 && (l as usize) <= lines),
                    "{seen:?} of {lines}"
                );
            }
        }

        fn valid_export(min_rows: usize) -> impl Strategy<Value = String> {
            let note = prop_oneof![
                Just(String::new()),
                Just("Hi Colleen".to_string()),
                Just("\"Hi, Colleen \"\"C\"\"\nsee you\"".to_string()),
                "[a-zé ,.!]{0,30}".prop_map(|s| format!("\"{s}\"")),
            ];
            let row = (0usize..50, note, any::<bool>()).prop_map(|(n, note, out)| {
                format!(
                    "Person {n},Colleen Ruiz,\"{}/{}/26, {}:0{} PM\",{note},{},https://www.linkedin.com/in/p{n},https://www.linkedin.com/in/c\n",
                    n % 12 + 1,
                    n % 28 + 1,
                    n % 12 + 1,
                    n % 10,
                    if out { "OUTGOING" } else { "INCOMING" }
                )
            });
            proptest::collection::vec(row, min_rows..20)
                .prop_map(|rows| format!("{H}{}", rows.concat()))
        }

        fn mutation() -> impl Strategy<Value = (proptest::sample::Index, &'static [u8])> {
            let what: &'static [&'static [u8]] = &[
                b"\"",
                b",",
                b"\n",
                b"\r\n",
                b"\r",
                b"\xEF\xBB\xBF",
                b"\0",
                b"\"\"",
                b"\xE9",
                b"\"\n",
            ];
            (
                any::<proptest::sample::Index>(),
                proptest::sample::select(what),
            )
        }

        /// `check_quotes` byte by byte, as a state machine: the reference.
        fn check_quotes_slowly(raw: &[u8]) -> Option<QuoteFault> {
            #[derive(Clone, Copy)]
            enum S {
                FieldStart,
                Plain,
                Quoted,
                QuoteInQuoted,
            }
            let mut state = S::FieldStart;
            let mut open = 0;
            for (i, &b) in raw.iter().enumerate() {
                state = match (state, b) {
                    (S::FieldStart, b'"') => {
                        open = i;
                        S::Quoted
                    }
                    (S::FieldStart | S::Plain | S::QuoteInQuoted, b',' | b'\r' | b'\n') => {
                        S::FieldStart
                    }
                    (S::FieldStart | S::Plain, _) => S::Plain,
                    (S::Quoted, b'"') => S::QuoteInQuoted,
                    (S::Quoted, _) => S::Quoted,
                    (S::QuoteInQuoted, b'"') => S::Quoted,
                    (S::QuoteInQuoted, _) => {
                        return Some(QuoteFault {
                            open,
                            unclosed: false,
                        });
                    }
                };
            }
            matches!(state, S::Quoted).then_some(QuoteFault {
                open,
                unclosed: true,
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig {
                cases: 256,
                failure_persistence: None,
                ..ProptestConfig::default()
            })]

            #[test]
            fn quote_checks_agree(raw in "[a\",\r\n]{0,40}") {
                let raw = raw.as_bytes();
                prop_assert_eq!(check_quotes(raw), check_quotes_slowly(raw));
                prop_assert_eq!(find_quote(raw), raw.iter().position(|&b| b == b'"'));
            }

            #[test]
            fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
                check(&bytes);
            }

            #[test]
            fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
                check(text.as_bytes());
                check(format!("{H}{text}").as_bytes());
            }

            #[test]
            fn csvish_text_never_panics(text in "[a-c,\"\r\n ]{0,300}") {
                check(format!("{H}{text}").as_bytes());
            }

            #[test]
            fn almost_valid_exports(
                export in valid_export(0),
                mutations in proptest::collection::vec(mutation(), 0..6),
                crlf in any::<bool>(),
            ) {
                let export = if crlf { export.replace('\n', "\r\n") } else { export };
                let mut bytes = export.into_bytes();
                let clean = load_bytes("p.csv", &bytes).unwrap();
                prop_assert!(clean.skipped.is_empty(), "{:?}", clean.skipped);
                for (at, what) in mutations {
                    let i = at.index(bytes.len() + 1);
                    bytes.splice(i..i, what.iter().copied());
                }
                check(&bytes);
            }

            /// A quote that opens a field and is never closed costs that
            /// row, not the rows after it.
            #[test]
            fn one_stray_quote_costs_one_row(
                export in valid_export(1),
                pick in any::<proptest::sample::Index>(),
                crlf in any::<bool>(),
            ) {
                let export = if crlf { export.replace('\n', "\r\n") } else { export };
                let clean = load_bytes("p.csv", export.as_bytes()).unwrap();
                let rows = clean.invitations.len() + clean.duplicates.len();
                // Field starts outside quotes, after the header.
                let mut starts = Vec::new();
                let mut quoted = false;
                let bytes = export.as_bytes();
                for (i, &b) in bytes.iter().enumerate() {
                    if b == b'"' {
                        quoted = !quoted;
                    } else if !quoted && (b == b',' || b == b'\n') && i + 1 < bytes.len() && bytes[i + 1] != b'\r' {
                        starts.push(i + 1);
                    }
                }
                starts.retain(|&i| i > H.len());
                prop_assume!(!starts.is_empty());
                let at = starts[pick.index(starts.len())];
                let mut broken = export.clone();
                broken.insert(at, '"');
                let i = load_bytes("p.csv", broken.as_bytes()).unwrap();
                prop_assert!(
                    i.invitations.len() + i.duplicates.len() + 1 >= rows,
                    "{} of {rows} rows read, skipped {:?}\n{broken}",
                    i.invitations.len() + i.duplicates.len(),
                    i.skipped
                );
                // The row, and perhaps a fragment of it on the next line.
                prop_assert!(i.skipped.len() <= 2, "{:?}\n{broken}", i.skipped);
            }
        }
    }
}
