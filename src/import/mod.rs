//! Reading LinkedIn's `Invitations.csv` (or the whole data-export `.zip`) into
//! [`Invitation`]s, with a report of every row that could not be read.
//!
//! The file is streamed, never held whole in memory: a million-row export is
//! read record by record into the compact [`Invitation`] form (an entry of a
//! `.zip` is unpacked into memory first). Text encodings: UTF-8 (with or
//! without a BOM), UTF-16 (with a BOM, or without one when the bytes leave no
//! doubt), and Windows-1252 as a fallback when the bytes are not UTF-8 (the
//! parse then starts again): for the whole file, or, when some of its
//! text is UTF-8, for each row that is not, on its own.
//!
//! Columns are found by their header name, in any order; the header may
//! follow a preamble of a few lines. Every row that cannot be read is skipped
//! and reported with the line it starts on (1-based, blank lines and line
//! breaks inside quoted notes counted), as an editor shows it: `\n`, `\r\n`
//! and a lone `\r` each end a line, in any mix (Excel for Mac ends records
//! in `\r` and lines inside notes in `\n`). A file whose lines all end in a
//! lone `\r` is read as if they ended in `\n`.
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

use chrono::NaiveDateTime;
use csv::ByteRecord;
use encoding_rs_io::DecodeReaderBytesBuilder;

use crate::classify::Classification;
use crate::invitation::{Direction, Invitation};
use crate::stats::{DirectionFilter, Facts};
use crate::text::{plural, shown_name, shown_path};

mod chunks;
mod fast;
mod rows;
mod sent_at;
mod utf16;

use chunks::{Chunks, Failed, Plan, RowsRead, Setting};
pub use rows::{Item, RowLines};
use rows::{Stop, check_quotes, csv_reader, ends_outside_quotes};
use sent_at::SentAtReader;
pub use sent_at::{SlashDates, Unsure, Written, parse_sent_at};
pub use utf16::NotUtf16;
use utf16::Utf16Check;

/// The bundled fictional export, used when no file is given.
pub const SAMPLE: &str = include_str!("../../assets/sample-invitations.csv");

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

    /// A short name for headers: the file name, "sample", or "standard input".
    pub fn short_name(&self) -> String {
        match self {
            Source::Sample => "sample".to_string(),
            Source::Path(p) if p == Path::new("-") => "standard input".to_string(),
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
            Source::Path(p) => f.write_str(&shown_path(p)),
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
    /// Not all UTF-8, but some of it is: each row is read on its own, so
    /// that neither kind of name is garbled. A row of UTF-8 is UTF-8; one
    /// that is mostly UTF-8 (a note cut inside a character) reads its bad
    /// bytes as U+FFFD; any other (added by an old spreadsheet) is read as
    /// Windows-1252. Named so when more rows beyond ASCII are UTF-8 than
    /// Windows-1252.
    Utf8Mostly,
    /// Read row by row as [`Utf8Mostly`](Self::Utf8Mostly) is, but its
    /// rows of Windows-1252 are as many as those of UTF-8, or more.
    Windows1252Mostly,
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
            TextEncoding::Utf8Mostly => "UTF-8 (some bytes not)",
            TextEncoding::Windows1252Mostly => "Windows-1252 (some rows UTF-8)",
        }
    }

    /// What is worth telling about text read in this encoding, if
    /// anything: a guess. `origin` names where the text came from, `what`
    /// what it is ("the file").
    pub fn notice(self, origin: &str, what: &str) -> Option<String> {
        match self {
            TextEncoding::Windows1252Fallback => Some(format!(
                "{origin}: {what} is not UTF-8; read it as Windows-1252 (check names with accents)"
            )),
            TextEncoding::Utf16LeNoBom | TextEncoding::Utf16BeNoBom => Some(format!(
                "{origin}: {what} has no byte-order mark; read it as {}",
                self.label().trim_end_matches(" (no BOM)")
            )),
            TextEncoding::Utf8Mostly => Some(format!(
                "{origin}: {what} holds bytes that are not UTF-8 although the rest is; shown as \u{fffd}"
            )),
            TextEncoding::Windows1252Mostly => Some(format!(
                "{origin}: {what} is mostly not UTF-8; read it as Windows-1252 (check names with accents), but for the rows that are UTF-8"
            )),
            _ => None,
        }
    }
}

/// A row that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The line of the file on which the row starts (1-based).
    pub line: u64,
    pub reason: String,
    /// The id the row would have, when its profile URLs could be read
    /// (a row skipped for its date or its direction): a decision on it is
    /// then told apart from one on an invitation gone from the export.
    pub id: Option<crate::invitation::InvitationId>,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// A row that repeats another (same profile URLs and note), counted once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duplicate {
    /// The row left out.
    pub line: u64,
    /// The row kept: the first, or a later one that was sent later (a
    /// person who invited again, in two exports joined).
    pub first_line: u64,
    /// Of both rows: `stats --direction` counts those of its direction.
    pub direction: Direction,
}

/// What an import produced: whole [`Invitation`]s, or for `stats` only
/// their [`Facts`].
#[derive(Debug)]
pub struct Import<T: Item = Invitation> {
    pub source: Source,
    /// `path`, or `archive.zip:Invitations.csv` for an entry of an archive;
    /// for messages, so with control characters written out (`a\nb.csv`,
    /// see [`shown_name`]).
    pub origin: String,
    /// A list of [`Invitation`]s, or [`AllFacts`](crate::stats::AllFacts).
    pub invitations: T::All,
    pub skipped: Vec<RowError>,
    pub duplicates: Vec<Duplicate>,
    pub encoding: TextEncoding,
    /// True when the header has no profile-URL columns (older exports).
    pub without_profile_urls: bool,
    /// What the header holds that a reader should know (a column twice,
    /// one profile-URL column of two), for [`Import::notices`].
    pub header_notes: Vec<String>,
    /// Rows kept although some of their bytes were not UTF-8 (in a file whose
    /// BOM, or the rest of it, says it is); the bad bytes read as U+FFFD.
    pub replaced_rows: usize,
    /// The line of the first of them.
    pub first_replaced_line: Option<u64>,
    /// Rows kept although they were not UTF-8, in a file whose BOM says it
    /// is, or read row by row: read on their own as Windows-1252.
    pub windows_1252_rows: RowLines,
    /// Rows kept with characters beyond ASCII, all UTF-8, in a file read
    /// row by row ([`TextEncoding::Utf8Mostly`]): named when they are the
    /// fewer.
    pub utf8_rows: RowLines,
    /// Rows kept although a quote inside a quoted field was not doubled,
    /// which the reading may have moved.
    pub undoubled_rows: usize,
    /// The line of the first of them.
    pub first_undoubled_line: Option<u64>,
    /// What a UTF-16 file holds that is not UTF-16 (a surrogate without its
    /// other half), read as U+FFFD.
    pub not_utf16: NotUtf16,
    /// The archive's other `Invitations.csv` entries, which were not read
    /// (the one nearest the top was), as messages show them; or, for a
    /// folder whose top holds one, those in the folders below it.
    pub passed_over: Vec<String>,
    /// What holds `passed_over`.
    pub passed_over_in: Container,
    /// What finding the export in the path given should say, whole (the
    /// same export downloaded twice, one read), for [`Import::notices`].
    pub found_notes: Vec<String>,
    /// What the dates written with slashes say of their order.
    pub slash_dates: SlashDates,
    /// The dates with slashes were read day first (see [`SlashDates`]):
    /// some have a day over 12, or without one, month first would put some
    /// in the future ([`SlashDates::future_month_first`]).
    pub read_day_first: bool,
}

/// ` (line 5)` of `one` row, else ` (the first on line 5)`: where the
/// rows a notice counts begin.
fn first_line(line: Option<u64>, one: bool) -> String {
    match (line, one) {
        (Some(line), true) => format!(" (line {line})"),
        (Some(line), false) => format!(" (the first on line {line})"),
        (None, _) => String::new(),
    }
}

/// Where an export was found beside others: an archive, or a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    Archive,
    Folder,
}

impl<T: Item> Import<T> {
    /// How many invitations were read (duplicates and skipped rows left out).
    pub fn len(&self) -> usize {
        T::count(&self.invitations)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Notices worth telling the user, one line each (no errors: those are in
    /// `skipped`).
    pub fn notices(&self) -> Vec<String> {
        self.notices_counting(DirectionFilter::All)
    }

    /// [`Import::notices`] for a count of the invitations `counted` picks
    /// (`stats --direction`): the duplicate rows said counted once are
    /// those of the count printed beside them.
    pub fn notices_counting(&self, counted: DirectionFilter) -> Vec<String> {
        let mut out = Vec::new();
        match self.encoding {
            // A file mostly UTF-8 is told of below, with its rows and
            // lines, unless its bad bytes were only in rows skipped for
            // another cause (each with its own warning, and read as UTF-8
            // or Windows-1252: nothing is shown as U+FFFD) or before the
            // rows.
            TextEncoding::Utf8Mostly => {
                if self.replaced_rows + self.windows_1252_rows.count == 0 {
                    out.push(format!(
                        "{}: the file holds bytes that are not UTF-8 although the rest is, none of them in the rows kept",
                        self.origin
                    ));
                }
            }
            // Mostly Windows-1252: the rows of UTF-8 are the ones to name.
            TextEncoding::Windows1252Mostly if self.utf8_rows.count > 0 => {
                let n = self.utf8_rows.count;
                let (them, is) = if n == 1 {
                    ("it", "row is")
                } else {
                    ("them", "rows are")
                };
                out.push(format!(
                    "{}: {n} {is} UTF-8 ({}) and the other rows with letters or signs beyond ASCII are not; read {them} as UTF-8, and those as Windows-1252 (check names with accents)",
                    self.origin,
                    self.utf8_rows.named()
                ));
            }
            // Its only rows beyond ASCII read as UTF-8 are mostly so, and
            // told of below.
            TextEncoding::Windows1252Mostly => {
                out.extend(TextEncoding::Windows1252Fallback.notice(&self.origin, "the file"));
            }
            encoding => out.extend(encoding.notice(&self.origin, "the file")),
        }
        let says = match self.encoding {
            TextEncoding::Utf8Mostly => "the rest of the file is",
            TextEncoding::Windows1252Mostly => "the rest of the row is",
            _ => "the file says it is",
        };
        if self.replaced_rows > 0 {
            let first = first_line(self.first_replaced_line, self.replaced_rows == 1);
            out.push(format!(
                "{}: {} {} bytes that are not UTF-8{first} although {says}; shown as \u{fffd}",
                self.origin,
                self.replaced_rows,
                if self.replaced_rows == 1 {
                    "row holds"
                } else {
                    "rows hold"
                }
            ));
        }
        let cp1252 = &self.windows_1252_rows;
        // In a file mostly Windows-1252, told of above.
        if cp1252.count > 0 && self.encoding != TextEncoding::Windows1252Mostly {
            let n = cp1252.count;
            let (them, is) = if n == 1 {
                ("it", "row is")
            } else {
                ("them", "rows are")
            };
            out.push(format!(
                "{}: {n} {is} not UTF-8 ({}) although {says}; read {them} as Windows-1252 (check the names in {them})",
                self.origin,
                cp1252.named()
            ));
        }
        if self.undoubled_rows > 0 {
            let n = self.undoubled_rows;
            let first = first_line(self.first_undoubled_line, n == 1);
            out.push(format!(
                "{}: {n} row{} a quote (\") inside a quoted field that is not doubled (\"\"), as CSV writes one{first}: kept as read, which may have moved the quote",
                self.origin,
                if n == 1 { " has" } else { "s have" }
            ));
        }
        if self.not_utf16.count > 0 {
            let n = self.not_utf16.count;
            let first = first_line(self.not_utf16.first_line, n == 1);
            let says = match self.encoding {
                TextEncoding::Utf16Le | TextEncoding::Utf16Be => "the file says it is",
                _ => "the rest of the file is",
            };
            out.push(format!(
                "{}: {n} character{} not UTF-16{first} although {says} (half of an emoji?); shown as \u{fffd}",
                self.origin,
                if n == 1 { " is" } else { "s are" }
            ));
        }
        for note in &self.header_notes {
            out.push(format!("{}: {note}", self.origin));
        }
        let dates = self.slash_dates;
        // How a date of either order was read, for the notes.
        let long = |d: chrono::NaiveDate| d.format("%-d %B %Y").to_string();
        if self.read_day_first && dates.day_first > 0 {
            // The file's own first date written day first, and how one of
            // either order was read.
            let first = match (dates.first_day_first, dates.day_first) {
                (Some(w), 1) => format!(" (line {}: {})", w.line, w.date()),
                (Some(w), _) => format!(" (the first on line {}: {})", w.line, w.date()),
                (None, _) => String::new(),
            };
            let read = match dates.latest {
                Some(u) => format!(
                    " (line {}: {} read as {}, not {})",
                    u.line,
                    u.written(),
                    long(u.day_first),
                    long(u.month_first)
                ),
                None => String::new(),
            };
            out.push(format!(
                "{}: {} row{} {} Sent At written day first{first}, as a spreadsheet writes dates in a language that puts the day first, and none month first: dates not in LinkedIn's own form are read day first{read}",
                self.origin,
                dates.day_first,
                plural(dates.day_first as usize),
                if dates.day_first == 1 { "has" } else { "have" }
            ));
        } else if let Some(u) = dates.latest
            && dates.day_first == 0
            && dates.month_first == 0
        {
            let either = format!(
                "{}: Sent At of {} row{} is written as a spreadsheet writes dates, not as LinkedIn does, and no day is over 12 to tell day from month",
                self.origin,
                dates.either,
                plural(dates.either as usize)
            );
            out.push(if self.read_day_first {
                format!(
                    "{either}: read day first, as month first would put some in the future (line {}: {} read as {}, not {})",
                    u.line,
                    u.written(),
                    long(u.day_first),
                    long(u.month_first)
                )
            } else {
                format!(
                    "{either}: read month first, as LinkedIn writes dates (line {}: {} read as {}); if the spreadsheet wrote them day first, day and month are swapped",
                    u.line,
                    u.written(),
                    long(u.month_first)
                )
            });
        }
        // Both gone is an older export; one gone, a file edited, is in the
        // header's notes.
        if self.without_profile_urls && !self.header_notes.iter().any(|n| n.contains("Url` column"))
        {
            out.push(format!(
                "{}: no profile URL columns (an older export); invitations are told apart by name and date",
                self.origin
            ));
        }
        if let Some(first) = self.passed_over.first() {
            let others = self.passed_over.len() - 1;
            let (what, how) = match self.passed_over_in {
                Container::Archive => ("archive", "unzip the archive and give its path"),
                Container::Folder => ("folder", "give its path"),
            };
            out.push(format!(
                "{}: the {what} also holds {first}{}, not read (to read it, {how})",
                self.origin,
                if others > 0 {
                    format!(" and {others} more Invitations.csv")
                } else {
                    String::new()
                }
            ));
        }
        out.extend(self.found_notes.iter().cloned());
        let (duplicates, uncounted): (Vec<&Duplicate>, Vec<&Duplicate>) = self
            .duplicates
            .iter()
            .partition(|d| counted.matches(d.direction));
        // Those of the other direction are left out of the count, as
        // their rows are: said apart, not added to it.
        let uncounted = match uncounted.len() {
            0 => String::new(),
            n => format!(
                "{n} duplicate row{} of {} invitations, not counted here (`--direction all` counts {})",
                plural(n),
                match counted {
                    DirectionFilter::Outgoing => "incoming",
                    _ => "outgoing",
                },
                if n == 1 { "it" } else { "them" }
            ),
        };
        if !duplicates.is_empty() {
            let lines: Vec<String> = duplicates
                .iter()
                .take(5)
                .map(|d| format!("line {} repeats line {}", d.line, d.first_line))
                .collect();
            let more = duplicates.len().saturating_sub(5);
            // A repeat sent later than the row it repeats took its place.
            let later = if duplicates.iter().any(|d| d.line < d.first_line) {
                "; of two sent at different times, the later is the one kept"
            } else {
                ""
            };
            out.push(format!(
                "{}: {} duplicate row{} counted once ({}{}){later}{}",
                self.origin,
                duplicates.len(),
                plural(duplicates.len()),
                lines.join(", "),
                if more > 0 {
                    format!(", and {more} more")
                } else {
                    String::new()
                },
                if uncounted.is_empty() {
                    String::new()
                } else {
                    format!("; and {uncounted}")
                }
            ));
        } else if !uncounted.is_empty() {
            out.push(format!("{}: {uncounted}", self.origin));
        }
        if self.is_empty() && self.skipped.is_empty() {
            out.push(format!(
                "{}: the file has the header but no invitations",
                self.origin
            ));
        }
        out
    }
}

impl ImportError {
    /// `path` is not there: a name with nothing behind it, or a symlink to
    /// a file not there.
    pub fn missing(path: &Path) -> Self {
        match std::fs::read_link(path) {
            Ok(target) => ImportError::DanglingLink {
                path: path.to_path_buf(),
                target,
            },
            Err(_) => {
                let unexpanded = unexpanded_home(path, std::env::var_os("HOME").map(PathBuf::from));
                // The folder a `~` meant is the one to look in, not `~`'s.
                let beside = unexpanded.is_none().then(|| export_beside(path)).flatten();
                ImportError::NotFound {
                    path: path.to_path_buf(),
                    unexpanded,
                    beside,
                }
            }
        }
    }
}

/// What to say of a `path` not there whose folder holds an export the
/// folder search finds, or else a .zip or .csv whose name starts as the
/// one given does: LinkedIn's archive carries a date in its name
/// (`Basic_LinkedInDataExport_11-29-2026.zip`), and `Invitations.csv` is
/// inside it, so the names a user guesses are not there.
fn export_beside(path: &Path) -> Option<String> {
    let given = path.file_name()?.to_str()?.to_lowercase();
    let (dir, folder) = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(dir) => (dir, shown_path(dir)),
        None => (Path::new("."), "the current folder (`.`)".to_string()),
    };
    if !dir.is_dir() {
        return None;
    }
    let exports = exports_in(dir).map(|s| s.found).unwrap_or_default();
    let (named, or_folder) = if exports.is_empty() {
        let stem = given.rsplit_once('.').map_or(&given[..], |(stem, _)| stem);
        // `e.zip` is not like every file starting with an `e`.
        if stem.chars().count() < 3 {
            return None;
        }
        let like = paths_in(dir, |p| {
            p.is_file()
                && p.extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| ["zip", "csv"].contains(&x.to_lowercase().as_str()))
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.to_lowercase().starts_with(stem))
        })
        .ok()?;
        (like, false)
    } else {
        (exports, true)
    };
    let first = named.first()?;
    let first = shown_path(first.strip_prefix(dir).unwrap_or(first));
    Some(match (named.len(), or_folder) {
        (1, true) => format!("; {folder} holds {first}: give that, or the folder"),
        (1, false) => format!("; {folder} holds {first}: give that"),
        // Not "or the folder": given, it would ask for one of them too.
        (n, exports) => format!(
            "; {folder} holds {first} and {} more {}: give one",
            n - 1,
            match (exports, n) {
                (true, 2) => "export",
                (true, _) => "exports",
                (false, _) => "named like it",
            }
        ),
    })
}

/// What to say of a `path` not there that starts with a `~` the shell
/// left as it is (`"~/Downloads/x.zip"`, in quotes), and of the path
/// under `home` it meant.
fn unexpanded_home(path: &Path, home: Option<PathBuf>) -> Option<String> {
    let rest = path.strip_prefix("~").ok()?;
    let said = "; the shell did not turn its `~` into your home folder (it does not inside quotes)";
    let Some(meant) = home
        .filter(|h| !h.as_os_str().is_empty())
        .map(|h| h.join(rest))
    else {
        return Some(said.to_string());
    };
    Some(if meant.exists() {
        format!("{said}: give {}, which is there", shown_path(&meant))
    } else {
        format!("{said}, and {} is not there either", shown_path(&meant))
    })
}

/// Why an export could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(
        "{}: no such file{}{}",
        shown_path(path),
        unexpanded.as_deref().unwrap_or(""),
        beside.as_deref().unwrap_or("")
    )]
    NotFound {
        path: PathBuf,
        /// A `~` the shell did not expand, and the path meant.
        unexpanded: Option<String>,
        /// The export, or a file named like the one given, in the folder
        /// it would be in.
        beside: Option<String>,
    },
    /// A symlink to a file that is not there (on a disk not mounted, or
    /// moved): not "no such file", when the name is right there.
    #[error(
        "{}: is a link to {}, which is not there",
        shown_path(path),
        shown_path(target)
    )]
    DanglingLink { path: PathBuf, target: PathBuf },
    #[error(
        "{}: is a directory with no Invitations.csv in it or in its folders, two levels down, nor an export .zip in it or one level down{}; give the file itself, or LinkedIn's export .zip{}",
        shown_path(path),
        closed.as_ref().map_or(String::new(), |c| format!(", that could be read ({c})")),
        match zips.as_slice() {
            [] => String::new(),
            [one] => format!(" (it holds {}, with no Invitations.csv found in it)", shown_path(one)),
            many => format!(" (it holds {} and {} more .zip, with no Invitations.csv found in them)", shown_path(&many[0]), many.len() - 1),
        }
    )]
    IsDirectory {
        path: PathBuf,
        zips: Vec<PathBuf>,
        /// A folder the search could not look into, and why: the export
        /// may be there.
        closed: Option<String>,
    },
    /// Exports whose Invitations.csv differ (of those the same, byte for
    /// byte, one is named).
    #[error(
        "{}: holds {} exports that differ ({}){}{}; give the path of the one to read",
        shown_path(path),
        found.len(),
        first_of(found.iter().map(|p| shown_path(p))),
        if edited_copy(found) {
            " (a folder unzipped from the .zip, whose Invitations.csv is not the .zip's: edited or saved again since?)"
        } else {
            ""
        },
        newest.as_ref().map_or(String::new(), |n| format!(", {n}"))
    )]
    ManyExports {
        path: PathBuf,
        found: Vec<PathBuf>,
        /// Which is the newest, and by what, when that can be told
        /// (`the newest by the date in its name is PATH`).
        newest: Option<String>,
    },
    /// An export .zip in the folder that cannot be opened: a download cut
    /// short, most likely the newest. Not passed over for an older export
    /// beside it, which the user would take for today's.
    #[error(
        "{}: holds {}, which cannot be read as a zip archive (is the download complete?){}; download it again from LinkedIn, or give the path of the file to read",
        shown_path(path),
        shown_path(zip),
        match others.as_slice() {
            [] => String::new(),
            [one] => format!(", beside the export {}", shown_path(one)),
            many => format!(", beside {} exports ({})", many.len(), many.iter().map(|p| shown_path(p)).collect::<Vec<_>>().join(", ")),
        }
    )]
    BrokenZip {
        path: PathBuf,
        zip: PathBuf,
        others: Vec<PathBuf>,
    },
    /// A browser's download not finished (Chrome's `….crdownload`,
    /// Firefox's `….part`, Safari's `….download`): the export the user
    /// means is on its way, not an older one beside it.
    #[error(
        "{}: holds {}, a download not finished ({} names a file so until it is whole){}; wait for it to finish and give the .zip, or download it again from LinkedIn{}",
        shown_path(path),
        shown_path(download),
        browser_of(download),
        match others.as_slice() {
            [] => String::new(),
            [one] => format!(", beside the export {}", shown_path(one)),
            many => format!(", beside {} exports ({})", many.len(), first_of(many.iter().map(|p| shown_path(p)))),
        },
        if others.is_empty() { "" } else { ", or give the path of the export to read" }
    )]
    UnfinishedDownload {
        path: PathBuf,
        download: PathBuf,
        others: Vec<PathBuf>,
    },
    #[error(
        "{origin}: a file's name is used as a folder's (a `/` after it?); expected LinkedIn's Invitations.csv, the export .zip, or the folder it unzips to"
    )]
    FileAsFolder { origin: String },
    /// A folder's `Invitations.csv` that is a named pipe or a device (a
    /// link to a terminal): read, it waits for whatever writes to it.
    #[error(
        "{origin}: found in the folder given, but it is {what}, not a file, and reading it would wait for whatever writes to it; to read from it all the same, give it by name"
    )]
    NotAFile { origin: String, what: &'static str },
    #[error("{origin}: cannot read: {source}")]
    Io {
        origin: String,
        #[source]
        source: io::Error,
    },
    /// The file's size or time moved while it was read: something was
    /// writing it, and what was read may be part old, part new.
    #[error(
        "{origin}: changed while it was being read ({what}), so none of it was used; if a download, a copy or a sync is writing it, run again once it is done"
    )]
    Changed { origin: String, what: String },
    #[error(
        "{origin}: the file is {what}; expected LinkedIn's Invitations.csv, whose first line is {HEADER}"
    )]
    Empty { origin: String, what: &'static str },
    #[error(
        "{origin}: the file is empty; expected LinkedIn's export .zip (from \"Get a copy of your data\"; a download cut short?), or the Invitations.csv in it"
    )]
    EmptyZip { origin: String },
    #[error(
        "{origin}: named .zip, but not a zip archive (it does not start as one); expected LinkedIn's export .zip (from \"Get a copy of your data\"), or the Invitations.csv in it"
    )]
    NotZip { origin: String },
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
        "{origin}: more than {limit} and still coming, more than any LinkedIn export (a million invitations take about 214 MB); expected Invitations.csv or the export .zip"
    )]
    Endless { origin: String, limit: String },
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
        "{origin}: line {line}: the quote (\") before “{field}” in the header is never closed, so all that follows it reads as one column; expected LinkedIn's Invitations.csv, whose header is {HEADER}"
    )]
    HeaderQuote {
        origin: String,
        line: u64,
        /// The start of the field the quote opens.
        field: String,
    },
    #[error(
        "{origin}: the archive holds no Invitations.csv ({}{}){}; is this LinkedIn's data export? Ask for \"Invitations\" (or the larger archive) under Settings → Data privacy → Get a copy of your data",
        match (files, entries) { (0, 0) => "it is empty".to_string(), (0, _) => "no files in it, only folders".to_string(), (1, _) => "1 file in it".to_string(), (n, _) => format!("{n} files in it") },
        match (csvs.is_empty(), names.is_empty()) {
            (false, _) => format!("; its CSV files: {}", first_of_five(csvs, " .csv")),
            (true, false) => format!(": {}", first_of_five(names, "")),
            (true, true) => String::new(),
        },
        folder.as_ref().map_or(String::new(), |f| format!("; {f} in it is a folder, not the file"))
    )]
    NotInArchive {
        origin: String,
        /// Its entries, folders too.
        entries: usize,
        /// Its files, not counting folders.
        files: usize,
        /// The names of its CSV files, else of its files, as shown.
        csvs: Vec<String>,
        names: Vec<String>,
        /// A folder named as the export (`Invitations.csv/`), as shown.
        folder: Option<String>,
    },
    /// No `Invitations.csv`, but more than one named like it (`Invitations
    /// (1).csv`, `invitations-old.csv`): which is the export is the user's
    /// to say.
    #[error(
        "{origin}: the archive holds no Invitations.csv, but {} files named like it ({}); unzip it and give the path of the one to read",
        names.len(),
        first_of(names.iter().cloned())
    )]
    NearNamesInArchive { origin: String, names: Vec<String> },
    /// Two `Invitations.csv` as near the top of an archive (a folder of
    /// exports zipped): one must not be read in the other's place.
    #[error(
        "{origin}: holds {} exports as near the top ({}); unzip it and give the path of the one to read",
        entries.len(),
        first_of(entries.iter().cloned())
    )]
    ManyInArchive {
        origin: String,
        entries: Vec<String>,
    },
    /// Two entries of the same name: the zip crate keeps one of them. Or
    /// two written apart that unzip to one path (`./Invitations.csv` and
    /// `Invitations.csv`): `written` names them.
    #[error(
        "{origin}: holds more than one entry named {entry}{}; which is the export cannot be told: unzip it, keeping each, and give the path of the one to read",
        if written.is_empty() { String::new() } else { format!(" ({}: one path once unzipped)", first_of(written.iter().cloned())) }
    )]
    SameNameInArchive {
        origin: String,
        entry: String,
        written: Vec<String>,
    },
    /// The entry to read is a symbolic link (`zip -y`), holding only the
    /// path it points to.
    #[error(
        "{origin}: is a symbolic link (to {target}), not the file; LinkedIn's export holds the file itself: download the export again from LinkedIn"
    )]
    LinkInArchive { origin: String, target: String },
    #[error(
        "{origin}: the archive holds no Invitations.csv, but it holds {inner}, an archive of its own: unzip {origin} and give invitriage that one (LinkedIn's export is a single .zip)"
    )]
    ArchiveInArchive { origin: String, inner: String },
    #[error(
        "{origin}: cannot read the zip archive (is the download complete?): {}",
        zip_problem(source)
    )]
    Zip {
        origin: String,
        #[source]
        source: zip::result::ZipError,
    },
    #[error(
        "{origin}: unpacks to more than {} GiB, far more than any LinkedIn export (a million invitations take 0.2 GiB); not read",
        UNPACKED_MOST >> 30
    )]
    TooLarge { origin: String },
    #[error(
        "{origin}: cannot unpack it ({source}): the archive is damaged, perhaps an incomplete download; download the export again"
    )]
    Damaged {
        origin: String,
        #[source]
        source: io::Error,
    },
    #[error(
        "{origin}: the archive is protected by a password, which LinkedIn's export is not; unzip it with its password and give the Invitations.csv inside"
    )]
    Encrypted { origin: String },
    #[error(
        "{origin}: packed with {method}, which invitriage does not unpack (LinkedIn's archives use deflate); unzip it and give the Invitations.csv"
    )]
    Packed { origin: String, method: String },
}

/// The most an archive's Invitations.csv may unpack to: a few bytes
/// packed can unpack to many gigabytes, all held in memory.
const UNPACKED_MOST: u64 = 1 << 30;

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
/// Dates are in the past of this machine's clock (see [`load_classified`]).
pub fn load(source: &Source) -> Result<Import, ImportError> {
    load_with(source, None, Plan::default(), local_now())
}

/// Classifies one note: `(note, from, to)` → its classification.
pub type Classify<'a> = &'a (dyn Fn(&str, &str, &str) -> Classification + Sync);

/// Reads an export and classifies every invitation as it is read, on every
/// core for a large file. `now` is the time the export was read at: no
/// invitation can have been sent after it, which can tell the order of
/// dates a spreadsheet wrote (see [`SlashDates::future_month_first`]).
pub fn load_classified(
    source: &Source,
    classify: Classify<'_>,
    now: NaiveDateTime,
) -> Result<Import, ImportError> {
    load_with(source, Some(classify), Plan::default(), now)
}

/// This machine's clock, for the loads not given the time.
fn local_now() -> NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// Reads an export like [`load_classified`], but keeps only what a
/// breakdown counts of each row ([`Facts`]), and classifies only the rows
/// that `counted` selects (the others stay `default`): what `stats` needs,
/// in a fraction of the memory and time.
pub fn load_facts(
    source: &Source,
    classify: Classify<'_>,
    counted: DirectionFilter,
    now: NaiveDateTime,
) -> Result<Import<Facts>, ImportError> {
    let job = Job {
        source,
        classify: Some(classify),
        counted,
        plan: Plan::default(),
        day_first: false,
        now,
    };
    load_job(job)
}

/// Reads an export (CSV or data-export `.zip`) held in memory; `name` stands
/// for the file in messages and in [`Import::origin`]. Dates are in the
/// past of this machine's clock (see [`load_classified`]).
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Import, ImportError> {
    load_bytes_with(name, bytes, None, Plan::default(), local_now())
}

/// [`load_bytes`] with every choice open, for tests.
pub(crate) fn load_bytes_with<T: Item>(
    name: &str,
    bytes: &[u8],
    classify: Option<Classify<'_>>,
    plan: Plan,
    now: NaiveDateTime,
) -> Result<Import<T>, ImportError> {
    let source = Source::Path(PathBuf::from(name));
    let job = Job {
        source: &source,
        classify,
        counted: DirectionFilter::All,
        plan,
        day_first: false,
        now,
    };
    load_in_memory(job, name.to_string(), bytes)
}

/// What to read and how.
#[derive(Clone, Copy)]
struct Job<'a> {
    source: &'a Source,
    classify: Option<Classify<'a>>,
    /// The rows to classify.
    counted: DirectionFilter,
    plan: Plan,
    /// Dates with slashes are read day first (see [`SlashDates`]).
    day_first: bool,
    /// The time of reading, which no invitation can be later than.
    now: NaiveDateTime,
}

impl Job<'_> {
    /// This job for a file of `size` bytes.
    fn sized(self, size: usize) -> Self {
        Job {
            plan: self.plan.sized(u64::try_from(size).ok()),
            ..self
        }
    }
}

fn load_with<'a, T: Item>(
    source: &'a Source,
    classify: Option<Classify<'a>>,
    plan: Plan,
    now: NaiveDateTime,
) -> Result<Import<T>, ImportError> {
    load_job(Job {
        source,
        classify,
        counted: DirectionFilter::All,
        plan,
        day_first: false,
        now,
    })
}

fn load_job<T: Item>(job: Job<'_>) -> Result<Import<T>, ImportError> {
    match job.source {
        Source::Sample => load_in_memory(job, SAMPLE_NAME.to_string(), SAMPLE.as_bytes()),
        Source::Path(path) => load_path(job, path),
    }
}

fn load_in_memory<T: Item>(
    job: Job<'_>,
    origin: String,
    bytes: &[u8],
) -> Result<Import<T>, ImportError> {
    if is_zip(bytes) {
        return load_zip(job, origin, io::Cursor::new(bytes));
    }
    read_export(job, origin, Some(bytes), &|| {
        Ok(Box::new(bytes) as Box<dyn Read + '_>)
    })
}

fn load_path<T: Item>(job: Job<'_>, path: &Path) -> Result<Import<T>, ImportError> {
    if path == Path::new("-") {
        // `-` is standard input, as for other Unix tools. It can be read only
        // once, and the fallback encoding needs a second pass: into memory.
        let origin = "standard input".to_string();
        let read = || {
            let bytes = read_stream(&mut io::stdin().lock(), &origin)?;
            load_in_memory(job, origin.clone(), &bytes)
        };
        return match stdin_file().and_then(|f| Some((f.metadata().ok()?, f))) {
            Some((meta, file)) => unchanged_while(|| file.metadata().ok(), &meta, &origin, read),
            None => read(),
        };
    }
    // Every message about the file starts with it.
    let origin = shown_path(path);
    let io_err = |e| ImportError::Io {
        origin: origin.clone(),
        source: e,
    };
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => ImportError::missing(path),
        // `Invitations.csv/`, a file's name completed as a folder's.
        io::ErrorKind::NotADirectory => ImportError::FileAsFolder {
            origin: origin.clone(),
        },
        _ => io_err(e),
    })?;
    if meta.is_dir() {
        // The export unzipped: read its Invitations.csv, as from the .zip.
        let FolderSearch {
            found,
            near,
            closed,
        } = exports_in(path).map_err(io_err)?;
        let alone = found.is_empty();
        if let Some(download) = unfinished_download(path, alone) {
            return Err(ImportError::UnfinishedDownload {
                path: path.to_path_buf(),
                download,
                others: found,
            });
        }
        if let Some(zip) = broken_zip(path, alone) {
            return Err(ImportError::BrokenZip {
                path: path.to_path_buf(),
                zip,
                others: found,
            });
        }
        // LinkedIn's two archives of a day (`Basic_…` and `Complete_…`)
        // mostly hold the same Invitations.csv: one export, read once
        // and said so, not two to choose from.
        // Sizes first: of a folder of many exports, only those of one size
        // are read to be compared.
        let mut copies: Vec<PathBuf> = Vec::new();
        let mut distinct: Vec<(PathBuf, Option<u64>)> = Vec::new();
        let several = found.len() > 1;
        for export in found {
            let len = if several {
                with_export(&export, |len, _| len)
            } else {
                None
            };
            if len.is_some()
                && distinct
                    .iter()
                    .any(|(d, l)| *l == len && same_export(d, &export))
            {
                copies.push(export);
            } else {
                distinct.push((export, len));
            }
        }
        let mut found: Vec<PathBuf> = distinct.into_iter().map(|(p, _)| p).collect();
        return match found.len() {
            0 => Err(ImportError::IsDirectory {
                path: path.to_path_buf(),
                zips: zips_in(path).into_iter().chain(near).collect(),
                closed,
            }),
            1 => {
                let chosen = found.remove(0);
                if let Some(what) = not_a_file(&chosen) {
                    return Err(ImportError::NotAFile {
                        origin: shown_path(&chosen),
                        what,
                    });
                }
                let mut import = load_path(job, &chosen)?;
                if let Some(copy) = copies.first() {
                    let more = match copies.len() - 1 {
                        0 => String::new(),
                        n => format!(" and {n} more"),
                    };
                    import.found_notes.push(format!(
                        "{}: the same, byte for byte, as {}{more}: one export, read once",
                        import.origin,
                        export_shown(copy)
                    ));
                }
                // The one at the top of its export's folder (the folder
                // given, or one in it) is read, as the archive's nearest
                // the top is; those in its folders are named, as the
                // archive's are, and as when that folder is given.
                if let Some(export) = chosen.parent().filter(|_| !is_zip_path(&chosen)) {
                    let (below, _) = invitations_below(export).unwrap_or_default();
                    // Not the file read, reached again through a link to a
                    // folder above it (`loop -> ..`).
                    let read = std::fs::canonicalize(&chosen).ok();
                    import.passed_over = below
                        .iter()
                        .filter(|p| read.is_none() || std::fs::canonicalize(p).ok() != read)
                        .map(|p| shown_path(p.strip_prefix(export).unwrap_or(p)))
                        .collect();
                    import.passed_over_in = Container::Folder;
                }
                Ok(import)
            }
            _ => {
                let newest = newest_export(job, &found);
                Err(ImportError::ManyExports {
                    path: path.to_path_buf(),
                    found,
                    newest,
                })
            }
        };
    }
    if !meta.is_file() {
        // A pipe or a device (`<(unzip -p export.zip Invitations.csv)`) can
        // be read only once, and the fallback encoding needs a second pass.
        let mut file = File::open(path).map_err(io_err)?;
        let bytes = read_stream(&mut file, &origin)?;
        return load_in_memory(job, origin, &bytes);
    }
    let read = || {
        let mut file = File::open(path).map_err(io_err)?;
        let mut magic = [0u8; 4];
        let n = read_up_to(&mut file, &mut magic).map_err(io_err)?;
        if is_zip(&magic[..n]) {
            return load_zip(job, origin.clone(), io::BufReader::new(file));
        }
        let job = job.sized(usize::try_from(meta.len()).unwrap_or(usize::MAX));
        drop(file);
        let open = || File::open(path).map(|f| Box::new(f) as Box<dyn Read>);
        read_export(job, origin.clone(), None, &open)
    };
    unchanged_while(|| std::fs::metadata(path).ok(), &meta, &origin, read)
}

/// `read()`, unless the file changed while it ran (its size or its times
/// are not `meta`'s then, as `now` finds them; `None` when it is gone): a
/// file written over by a copy or a sync, or still coming in, gave a
/// confident wrong count with a stray "has 6 fields" warning, or none.
fn unchanged_while<T>(
    now: impl FnOnce() -> Option<std::fs::Metadata>,
    meta: &std::fs::Metadata,
    origin: &str,
    read: impl FnOnce() -> Result<T, ImportError>,
) -> Result<T, ImportError> {
    let read = read();
    // Gone since (moved away): what was read is what it held.
    let Some(now) = now() else {
        return read;
    };
    let what = if now.len() != meta.len() {
        format!("it was {} bytes, now {}", meta.len(), now.len())
    } else if now.modified().ok() != meta.modified().ok() || changed_at(&now) != changed_at(meta) {
        // The status change time too, which no program can set back (a
        // sync tool writing in place puts the modification time back).
        "its time of change moved".to_string()
    } else {
        return read;
    };
    Err(ImportError::Changed {
        origin: origin.to_string(),
        what,
    })
}

/// When the file's status last changed (Unix's ctime), where there is one.
fn changed_at(meta: &std::fs::Metadata) -> Option<(i64, i64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.ctime(), meta.ctime_nsec()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

/// Standard input's file, when it is a regular one (`- < Invitations.csv`),
/// whose changes while it is read can be seen as a named file's are.
fn stdin_file() -> Option<File> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let file = File::from(io::stdin().as_fd().try_clone_to_owned().ok()?);
        file.metadata().ok()?.is_file().then_some(file)
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Whether text that is not all UTF-8 (a note on standard input, what an
/// editor wrote) is mostly UTF-8: more of its bytes beyond ASCII are in
/// well-formed UTF-8 characters than are not. Text in Windows-1252 has
/// next to none of the first, since an accented letter there is one byte
/// and UTF-8 wants two or more. Bytes, not characters, are weighed: a
/// curly quote is three bytes in UTF-8 and one in Windows-1252, and what
/// is asked is how much of the text is UTF-8. (An export is read row by
/// row instead: see [`TextEncoding::Utf8Mostly`].)
fn mostly_utf8(r: impl Read) -> io::Result<bool> {
    Ok(utf8_tally(r)?.mostly())
}

/// The [`Utf8Tally`] of all that `r` reads.
fn utf8_tally(mut r: impl Read) -> io::Result<Utf8Tally> {
    let mut tally = Utf8Tally::default();
    let mut buf = vec![0u8; 1 << 16];
    // Bytes of a character cut at the end of the last read.
    let mut kept = 0;
    loop {
        let n = match r.read(&mut buf[kept..]) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let end = kept + n;
        let cut = tally.add(&buf[..end], n > 0);
        // Carried over, to be counted with the rest of the character.
        buf.copy_within(end - cut..end, 0);
        kept = cut;
        if n == 0 {
            return Ok(tally);
        }
    }
}

/// Whether the two bytes `lead` and `next`, well-formed UTF-8, are a
/// character no name or note is written in: a C1 control (U+0080 to
/// U+009F), which Windows-1252 makes of `Â` and a curly quote, a dash or
/// `€` (`VOILÂ…`, bytes C2 85). Not counting them as UTF-8 keeps such a
/// row, or a file of them, Windows-1252.
///
/// Other such pairs are letters people write: `É”` (C9 94) is `ɔ`, as
/// Akan, Ewe and other names of West Africa are written (`Kɔjo`), with
/// `ɛ` and Azerbaijani `ə` beside it; `Ș`, the Hawaiian ʻokina, Greek and
/// Cyrillic too. They stay UTF-8: a row of Windows-1252 with `CAFÉ”` and
/// nothing else beyond ASCII reads `CAFɔ`, a rarer slip than a name lost.
fn unwritten(lead: u8, next: u8) -> bool {
    matches!((lead, next), (0xC2, 0x80..=0x9F))
}

/// The bytes of text beyond ASCII, as [`mostly_utf8`] weighs them.
#[derive(Debug, Default)]
struct Utf8Tally {
    /// In well-formed UTF-8 characters, but for those no text is written
    /// in ([`unwritten`]).
    good: u64,
    /// Not UTF-8.
    bad: u64,
}

impl Utf8Tally {
    /// Counts `text`; when `more` follows, a character cut at its end is
    /// left out, and how many bytes it has is returned.
    fn add(&mut self, text: &[u8], more: bool) -> usize {
        let mut at = 0;
        while at < text.len() {
            let (valid, error) = match std::str::from_utf8(&text[at..]) {
                Ok(_) => (text.len() - at, None),
                Err(e) => (e.valid_up_to(), Some(e.error_len())),
            };
            let run = &text[at..at + valid];
            self.good += run.iter().filter(|&&b| b >= 0x80).count() as u64;
            // In well-formed UTF-8 these bytes lead a character of two.
            for lead in memchr::memchr3_iter(0xC2, 0xC9, 0xCA, run) {
                if run
                    .get(lead + 1)
                    .is_some_and(|&next| unwritten(run[lead], next))
                {
                    self.good -= 2;
                }
            }
            at += valid;
            match error {
                None => {}
                Some(Some(len)) => {
                    self.bad += len as u64;
                    at += len;
                }
                Some(None) if more => return text.len() - at,
                Some(None) => {
                    self.bad += (text.len() - at) as u64;
                    break;
                }
            }
        }
        0
    }

    /// The tally of a row, whole.
    fn of(row: &[u8]) -> Self {
        let mut tally = Utf8Tally::default();
        tally.add(row, false);
        tally
    }

    /// More of the bytes beyond ASCII are UTF-8 than not (a row with a
    /// note cut inside a character). Of a row all UTF-8: some of it is, in
    /// characters text is written in.
    fn mostly(&self) -> bool {
        self.good > self.bad
    }

    /// Far more UTF-8 than not (three bytes to one): a row of UTF-8 with
    /// a stray byte, not Windows-1252 with a pair UTF-8 by chance.
    fn clearly(&self) -> bool {
        self.good > 0 && self.good >= 3 * self.bad
    }

    /// Some of the text is UTF-8, beyond ASCII: a file that is not all
    /// UTF-8 is then read row by row.
    fn some(&self) -> bool {
        self.good > 0
    }
}

/// All of a stream that can be read only once (standard input, a pipe, a
/// device), after its first bytes are seen to be an export: `/dev/zero` or
/// a binary piped in is refused at once, not after filling the memory.
fn read_stream(r: &mut impl Read, origin: &str) -> Result<Vec<u8>, ImportError> {
    read_stream_up_to(r, origin, STREAM_LIMIT)
}

/// How much of a stream (standard input, a named pipe) is read before it
/// is taken for something endless (`yes`, a wrong pipe): five times the
/// export of a million invitations, which is about 214 MB.
const STREAM_LIMIT: u64 = 1_000_000_000;

/// [`read_stream`] with the limit given.
fn read_stream_up_to(r: &mut impl Read, origin: &str, limit: u64) -> Result<Vec<u8>, ImportError> {
    let io_err = |e| ImportError::Io {
        origin: origin.to_string(),
        source: e,
    };
    let mut bytes = vec![0u8; HEAD_LEN];
    let n = read_up_to(r, &mut bytes).map_err(io_err)?;
    bytes.truncate(n);
    if !is_zip(&bytes) {
        let sniffed = sniff(&bytes, origin)?;
        // Text that is not an export is said at once, not after reading
        // it to its end (which may never come).
        if !sniffed.cr_lines {
            // A first line longer than the head is no header (LinkedIn's
            // is under 100 bytes): judged as it is, not read on to its end.
            let last = n < HEAD_LEN || !bytes.contains(&b'\n');
            match sniffed.encoding {
                TextEncoding::Utf8 => {
                    find_header(&bytes, last, sniffed.encoding, origin)?;
                }
                TextEncoding::Utf8Bom => {
                    find_header(&bytes[3..], last, sniffed.encoding, origin)?;
                }
                _ => {}
            }
        }
    }
    // A short head means the end was read: a terminal's Ctrl-D ends one
    // read only, and asking again would wait for a second one.
    if n == HEAD_LEN {
        let room = limit.saturating_sub(HEAD_LEN as u64);
        r.take(room.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io_err)?;
        if bytes.len() as u64 > limit {
            return Err(ImportError::Endless {
                origin: origin.to_string(),
                limit: match limit / 1_000_000 {
                    mb if mb >= 1000 && mb % 1000 == 0 => format!("{} GB", mb / 1000),
                    mb => format!("{mb} MB"),
                },
            });
        }
    }
    Ok(bytes)
}

/// The `Invitations.csv` (in any case) inside `dir`: the one at the top,
/// the exact name first; else those in its folders and in theirs (a zip
/// unpacked into a folder of its own leaves it there, perhaps inside a
/// folder of exports), by path. One in a folder below another's is part
/// of that export (LinkedIn's `Complete_…` archive holds
/// `Jobs/Invitations.csv` beside its own): left out, as the archive's
/// entries deeper than its nearest the top are, and the folder given
/// itself would be. More than one left is for the user to choose from:
/// an old export beside a new one must not be read in its place.
/// A `dir` that cannot be listed is an error, not "no export in it"; the
/// first folder below it closed to this user is named beside what was
/// found (`path: why`): the export may be in it.
fn invitations_in(dir: &Path) -> io::Result<(Vec<PathBuf>, Option<String>)> {
    let top = invitations_directly_in(dir);
    if !top.is_empty() {
        return Ok((top, None));
    }
    let (found, closed) = invitations_below(dir)?;
    let folder = |p: &Path| p.parent().map(Path::to_path_buf).unwrap_or_default();
    let inside_another = |csv: &PathBuf| {
        let own = folder(csv);
        found.iter().any(|other| {
            let theirs = folder(other);
            own != theirs && own.starts_with(&theirs)
        })
    };
    let found = found
        .iter()
        .filter(|csv| !inside_another(csv))
        .cloned()
        .collect();
    Ok((found, closed))
}

/// What the search of a folder given as FILE finds in it.
struct FolderSearch {
    /// The exports: its `Invitations.csv` files (see [`invitations_in`]),
    /// then the export .zip files in it and in its folders, but for one
    /// that a CSV found was unzipped from.
    found: Vec<PathBuf>,
    /// The .zip files in its folders that hold an `Invitations.csv`.
    near: Vec<PathBuf>,
    /// The first folder below it closed to this user, and why.
    closed: Option<String>,
}

/// Searches the folder `dir` for exports, as when it is given as FILE (and
/// when a FILE named is not there, in the folder it would be in).
fn exports_in(dir: &Path) -> io::Result<FolderSearch> {
    let (mut found, closed) = invitations_in(dir)?;
    // An export unzipped weeks ago beside the newer .zip: the user
    // chooses, as between two unzipped ones. The .zip beside what was
    // unzipped from it is one export, not two; and a folder of
    // downloads holding one export, zipped, is read from it.
    let near = export_zips_below(dir);
    let zipped: Vec<PathBuf> = zips_in(dir)
        .into_iter()
        .filter(|z| holds_invitations(z))
        .chain(near.iter().cloned())
        .filter(|z| !found.iter().any(|csv| unzipped_from(csv, z)))
        .collect();
    found.extend(zipped);
    Ok(FolderSearch {
        found,
        near,
        closed,
    })
}

/// The `Invitations.csv` files in the folders of `dir` and in theirs (see
/// [`invitations_in`]), by path, and the first folder closed to this user.
fn invitations_below(dir: &Path) -> io::Result<(Vec<PathBuf>, Option<String>)> {
    let folders = |d: &Path| paths_in(d, |p| p.is_dir());
    let mut found = Vec::new();
    let mut closed: Option<String> = None;
    let mut note_closed = |folder: &Path, e: io::Error| {
        if closed.is_none() && e.kind() == io::ErrorKind::PermissionDenied {
            closed = Some(format!("{}: {e}", shown_path(folder)));
        }
    };
    for folder in folders(dir)? {
        found.extend(invitations_directly_in(&folder));
        // Two levels down at most: a home folder is not searched whole.
        match folders(&folder) {
            Ok(inner) => {
                for inner in inner {
                    found.extend(invitations_directly_in(&inner));
                    if let Err(e) = std::fs::read_dir(&inner) {
                        note_closed(&inner, e);
                    }
                }
            }
            Err(e) => note_closed(&folder, e),
        }
    }
    Ok((found, closed))
}

/// The `.zip` files directly in `dir`, LinkedIn's exports first (their
/// names start `Basic_LinkedInDataExport` or `Complete_LinkedInDataExport`),
/// then by name: the error for a folder without an export names them.
fn zips_in(dir: &Path) -> Vec<PathBuf> {
    let mut zips = paths_in(dir, |p| {
        p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("zip"))
    })
    .unwrap_or_default();
    let linkedin = |p: &PathBuf| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.contains("LinkedInDataExport"))
    };
    zips.sort_by(|a, b| linkedin(b).cmp(&linkedin(a)).then(a.cmp(b)));
    zips
}

/// The exports zipped in the folders of `dir` (not in `dir` itself): a
/// downloads folder one level down from the folder given, as an unzipped
/// export may be two levels down.
fn export_zips_below(dir: &Path) -> Vec<PathBuf> {
    paths_in(dir, |p| p.is_dir())
        .unwrap_or_default()
        .iter()
        .flat_map(|f| zips_in(f))
        .filter(|z| holds_invitations(z))
        .collect()
}

/// A .zip in `dir`, or in its folders, that cannot be opened as an
/// archive: any, when `alone` (nothing else to read there, so it is what
/// the user meant), else one named as LinkedIn's export is.
fn broken_zip(dir: &Path, alone: bool) -> Option<PathBuf> {
    let below = paths_in(dir, |p| p.is_dir())
        .unwrap_or_default()
        .into_iter()
        .flat_map(|f| zips_in(&f));
    zips_in(dir).into_iter().chain(below).find(|z| {
        let named = z
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.contains("LinkedInDataExport"));
        (alone || named)
            && File::open(z).is_ok_and(|f| zip::ZipArchive::new(io::BufReader::new(f)).is_err())
    })
}

/// What browsers name a download until it is whole, by the end of its
/// name: Chrome (and Edge, Brave) a file, Firefox a file beside an empty
/// one of the final name, Safari a folder.
const UNFINISHED: [(&str, &str); 3] = [
    (".crdownload", "Chrome"),
    (".part", "Firefox"),
    (".download", "Safari"),
];

/// The browser that names `download` so, for messages.
fn browser_of(download: &Path) -> &'static str {
    let name = download
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    UNFINISHED
        .iter()
        .find(|(end, _)| name.ends_with(end))
        .map_or("a browser", |(_, browser)| browser)
}

/// A browser's download of a .zip not finished, in `dir` or in its
/// folders: any, when `alone` (nothing else to read there), else one named
/// as LinkedIn's export is. One whose .zip is there whole beside it is
/// a leftover, passed by.
fn unfinished_download(dir: &Path, alone: bool) -> Option<PathBuf> {
    let unfinished = |d: &Path| {
        paths_in(d, |p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let lower = name.to_lowercase();
            let Some(end) = UNFINISHED
                .iter()
                .map(|(end, _)| *end)
                .find(|end| lower.ends_with(end))
            else {
                return false;
            };
            let whole = name.get(..name.len() - end.len()).unwrap_or_default();
            let named = lower.contains("linkedindataexport");
            // Chrome's name for a download it has not yet been let keep.
            let zip = whole.to_lowercase().ends_with(".zip") || lower.starts_with("unconfirmed ");
            (named || (alone && zip))
                && (end == ".download") == p.is_dir()
                && !holds_invitations(&p.with_file_name(whole))
        })
        .unwrap_or_default()
    };
    let below = paths_in(dir, |p| p.is_dir())
        .unwrap_or_default()
        .into_iter()
        .flat_map(|f| unfinished(&f));
    unfinished(dir).into_iter().chain(below).next()
}

/// What `path` is (followed, if a link) when it is something a read
/// waits on, not a file: a named pipe, a device (a terminal), a socket.
fn not_a_file(path: &Path) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = std::fs::metadata(path).ok()?.file_type();
        if kind.is_fifo() {
            return Some("a named pipe");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device (a terminal, say)");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    None
}

/// The paths in `dir` that `keep` takes, by name.
fn paths_in(dir: &Path, keep: impl Fn(&Path) -> bool) -> io::Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| keep(p))
        .collect();
    found.sort();
    Ok(found)
}

/// How many folders down an archive's entry `name` is, once unzipped.
fn zip_depth(name: &str) -> usize {
    unzipped_path(name).matches('/').count()
}

/// The path an archive's entry `name` is unzipped to: `\\` read as `/`,
/// and a leading `/`, `//`, `./` and `../` left out, as unzip tools leave
/// them. Two entries whose names differ only so (`./Invitations.csv` and
/// `Invitations.csv`) are written to one file.
fn unzipped_path(name: &str) -> String {
    name.split(['/', '\\'])
        .filter(|part| !matches!(*part, "" | "." | ".."))
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether `found` holds an `Invitations.csv` in a folder named as a .zip
/// beside it is (the folder it was unzipped into), which differs from the
/// .zip's: a copy edited or saved again by a spreadsheet, which the user
/// may take for the same export.
fn edited_copy(found: &[PathBuf]) -> bool {
    let zipped = |p: &&PathBuf| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("zip"));
    found.iter().filter(zipped).any(|zip| {
        found.iter().filter(|p| !zipped(p)).any(|csv| {
            csv.ancestors()
                .skip(1)
                .take(2)
                .any(|dir| dir.file_name().is_some() && dir.file_name() == zip.file_stem())
        })
    })
}

/// Whether `csv` is what the archive at `zip` holds, byte for byte (in the
/// `Invitations.csv` an archive is read from, the one nearest the top):
/// the .zip and the folder it was unzipped into are one export.
fn unzipped_from(csv: &Path, zip: &Path) -> bool {
    same_export(csv, zip)
}

/// Whether `path` is named as a .zip is.
fn is_zip_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("zip"))
}

/// Whether the exports at `a` and `b` (each an Invitations.csv, or an
/// archive, by the entry read from it) hold the same bytes. Sizes are
/// compared first, then the bytes as they are read, so that two large
/// exports are never held in memory.
fn same_export(a: &Path, b: &Path) -> bool {
    with_export(a, |a_len, a| {
        with_export(b, |b_len, b| a_len == b_len && same_bytes(a, b)).unwrap_or(false)
    })
    .unwrap_or(false)
}

/// Calls `read` with the size and the reader of the export at `path`: an
/// Invitations.csv, or the entry an archive is read from; None for one
/// that cannot be opened.
fn with_export<R>(path: &Path, read: impl FnOnce(u64, &mut dyn Read) -> R) -> Option<R> {
    // Not a pipe named Invitations.csv, which would wait for a writer:
    // reading it says what it is.
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return None;
    }
    let file = File::open(path).ok()?;
    if !is_zip_path(path) {
        let len = file.metadata().ok()?.len();
        return Some(read(len, &mut io::BufReader::new(file)));
    }
    let mut archive = zip::ZipArchive::new(io::BufReader::new(file)).ok()?;
    let index = nearest_invitations(&archive)?;
    let entry = archive.by_index(index).ok()?;
    let len = entry.size();
    // An entry longer than it says differs from a file of that size.
    Some(read(len, &mut entry.take(len.saturating_add(1))))
}

/// The index of the `Invitations.csv` an archive is read from, as
/// `load_zip` chooses: the nearest the top, of two as near the shortest,
/// of two as short the first.
fn nearest_invitations<R: Read + Seek>(archive: &zip::ZipArchive<R>) -> Option<usize> {
    (0..archive.len())
        .filter_map(|i| {
            let name = archive.name_for_index(i)?.ok()?;
            let base = name.rsplit(['/', '\\']).next().unwrap_or(&name);
            base.eq_ignore_ascii_case("Invitations.csv").then_some((
                zip_depth(&name),
                name.len(),
                i,
            ))
        })
        .min()
        .map(|(.., i)| i)
}

/// Whether two readers give the same bytes, read a block at a time; an
/// error reading either is a difference.
fn same_bytes(a: &mut dyn Read, b: &mut dyn Read) -> bool {
    let (mut x, mut y) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    loop {
        let (Ok(n), Ok(m)) = (read_up_to(a, &mut x), read_up_to(b, &mut y)) else {
            return false;
        };
        if x[..n] != y[..m] {
            return false;
        }
        if n == 0 {
            return true;
        }
    }
}

/// The date in the name of LinkedIn's export (`Basic_LinkedInDataExport_11-29-2026.zip`,
/// month first), of the archive or of a folder the file is in, two up at
/// most.
fn name_date(path: &Path) -> Option<chrono::NaiveDate> {
    path.ancestors().take(3).find_map(|p| {
        let name = p.file_name()?.to_str()?;
        let (_, after) = name.split_once("LinkedInDataExport_")?;
        chrono::NaiveDate::parse_from_str(after.get(..10)?, "%m-%d-%Y").ok()
    })
}

/// Which of exports that differ is the newest, when that can be told:
/// by the dates in their names, else by the latest invitation each holds
/// (each read in turn, for a message about to stop the run, of four at
/// most). None when two are as new, or one cannot be dated.
fn newest_export(job: Job<'_>, found: &[PathBuf]) -> Option<String> {
    // The one index at the greatest of `all`, if no other is as great.
    fn only_newest<D: Ord>(all: &[D]) -> Option<usize> {
        let max = all.iter().max()?;
        let mut at = all.iter().enumerate().filter(|(_, d)| *d == max);
        let (i, _) = at.next()?;
        at.next().is_none().then_some(i)
    }
    let dates: Option<Vec<_>> = found.iter().map(|p| name_date(p)).collect();
    if let Some(i) = dates.as_deref().and_then(only_newest) {
        return Some(format!(
            "{} is the newest by the date in its name",
            shown_path(&found[i])
        ));
    }
    // Each is read whole: not for a folder of many, nor a pipe, which
    // would wait for a writer.
    if found.len() > 4
        || found
            .iter()
            .any(|p| !std::fs::metadata(p).is_ok_and(|m| m.is_file()))
    {
        return None;
    }
    let job = Job {
        classify: None,
        ..job
    };
    let latest: Option<Vec<NaiveDateTime>> = found
        .iter()
        .map(|p| {
            let import: Import = load_path(job, p).ok()?;
            import.invitations.iter().map(|i| i.sent_at).max()
        })
        .collect();
    let latest = latest?;
    let i = only_newest(&latest)?;
    Some(format!(
        "{} holds the latest invitation (sent {})",
        shown_path(&found[i]),
        latest[i].format("%-d %b %Y")
    ))
}

/// An export as a note names it: the path of an Invitations.csv, or the
/// archive holding one.
fn export_shown(path: &Path) -> String {
    if is_zip_path(path) {
        format!("the one in {}", shown_path(path))
    } else {
        shown_path(path)
    }
}

/// Whether the archive at `path` holds an `Invitations.csv`; only its
/// index is read.
fn holds_invitations(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return false;
    };
    let Ok(mut archive) = zip::ZipArchive::new(io::BufReader::new(file)) else {
        return false;
    };
    // A file, not a link (`zip -y`) named so: that one is refused when read,
    // and would stand beside a real export as a second one.
    (0..archive.len()).any(|i| {
        archive.by_index_raw(i).is_ok_and(|entry| {
            !entry.is_symlink()
                && !entry.is_dir()
                && entry.name().is_ok_and(|name| {
                    name.rsplit(['/', '\\'])
                        .next()
                        .is_some_and(|base| base.eq_ignore_ascii_case("Invitations.csv"))
                })
        })
    })
}

/// LinkedIn's `Invitations.csv` in `dir`, else every file so named in
/// another case (`invitations.csv` after a rename): where a case-sensitive
/// file system holds two of those, the user chooses, as between exports.
fn invitations_directly_in(dir: &Path) -> Vec<PathBuf> {
    // Not only a file: one named so that is a link to nothing or a pipe is
    // what the user means, and reading it says what is wrong with it
    // (passed over, the folder would be said to hold no export).
    let named = |p: &Path| p.symlink_metadata().is_ok() && !p.is_dir();
    let exact = dir.join("Invitations.csv");
    if named(&exact) {
        return vec![exact];
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| {
            named(p)
                && p.file_name()
                    .is_some_and(|n| n.eq_ignore_ascii_case("Invitations.csv"))
        })
        .collect();
    found.sort();
    found
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

/// The paths (as unzipped: see [`unzipped_path`]) of `Invitations.csv`
/// entries that the archive's central directory lists more than once.
/// Read by hand: the zip crate keeps entries by name, the last of two,
/// and says nothing. None too for an
/// archive this does not follow (ZIP64's counts, a directory cut short):
/// the zip crate then reads it, or says what is wrong.
fn exports_named_twice(reader: &mut (impl Read + Seek)) -> Vec<String> {
    names_twice(reader).unwrap_or_default()
}

fn names_twice(reader: &mut (impl Read + Seek)) -> Option<Vec<String>> {
    use std::io::SeekFrom;
    let end = reader.seek(SeekFrom::End(0)).ok()?;
    // The end record (22 bytes, then a comment of up to 64 KiB).
    let tail_len = end.min(22 + 0xFFFF);
    reader.seek(SeekFrom::Start(end - tail_len)).ok()?;
    let mut tail = vec![0; usize::try_from(tail_len).ok()?];
    reader.read_exact(&mut tail).ok()?;
    let at = tail.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let record = tail.get(at..at + 22)?;
    let u16_at = |b: &[u8], i: usize| u16::from_le_bytes([b[i], b[i + 1]]);
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let (count, size, start) = (u16_at(record, 10), u32_at(record, 12), u32_at(record, 16));
    if count == 0xFFFF || size == u32::MAX || start == u32::MAX || size > 64 << 20 {
        return None;
    }
    // The directory is read from where the end record says, counted from
    // the archive's start (an archive with bytes before it is passed by).
    reader.seek(SeekFrom::Start(u64::from(start))).ok()?;
    let mut dir = vec![0; size as usize];
    reader.read_exact(&mut dir).ok()?;
    let mut seen = std::collections::HashSet::new();
    let mut twice = Vec::new();
    let mut at = 0;
    for _ in 0..count {
        let header = dir.get(at..at + 46)?;
        if &header[..4] != b"PK\x01\x02" {
            return None;
        }
        let name_len = usize::from(u16_at(header, 28));
        let rest = usize::from(u16_at(header, 30)) + usize::from(u16_at(header, 32));
        let name = dir.get(at + 46..at + 46 + name_len)?;
        let base = name
            .rsplit(|&b| b == b'/' || b == b'\\')
            .next()
            .unwrap_or(name);
        if base.eq_ignore_ascii_case(b"Invitations.csv") {
            let path = unzipped_path(&String::from_utf8_lossy(name));
            if !seen.insert(path.clone()) {
                twice.push(path);
            }
        }
        at += 46 + name_len + rest;
    }
    Some(twice)
}

/// The first five of `names`, joined, and how many more there are
/// (`and 3 more .csv`, of `what` " .csv"): enough to see what an archive
/// holds.
fn first_of_five(names: &[String], what: &str) -> String {
    let mut shown: Vec<String> = names.iter().take(5).cloned().collect();
    if names.len() > 5 {
        shown.push(format!("and {} more{what}", names.len() - 5));
    }
    shown.join(", ")
}

/// The first ten of `names`, joined, and how many more there are: a
/// folder or archive of 50,000 exports is named in a line, not a megabyte.
fn first_of(names: impl ExactSizeIterator<Item = String>) -> String {
    let more = names.len().saturating_sub(10);
    let mut shown: Vec<String> = names.take(10).collect();
    if more > 0 {
        shown.push(format!("and {more} more"));
    }
    shown.join(", ")
}

/// What the zip crate says is wrong, without the names of its own types
/// and records (`Unexpected end of zip::format::blocks::Zip32CDEBlock`,
/// `Could not find EOCD`): an archive cut short says so in words.
fn zip_problem(e: &zip::result::ZipError) -> String {
    let said = e.to_string();
    if said.contains("zip::") || said.contains("EOCD") {
        "it is cut short or damaged".to_string()
    } else {
        said
    }
}

/// Finds `Invitations.csv` in a LinkedIn data-export archive (at the top, or
/// else in the shallowest folder) and reads it.
fn load_zip<T: Item, R: Read + Seek>(
    job: Job<'_>,
    origin: String,
    reader: R,
) -> Result<Import<T>, ImportError> {
    let mut reader = reader;
    // Two entries of one name are one to the zip crate, the last: which
    // of two exports so named would be read is the archive's order.
    let twice = exports_named_twice(&mut reader);
    let mut archive = zip::ZipArchive::new(reader).map_err(|e| ImportError::Zip {
        origin: origin.clone(),
        source: e,
    })?;
    // Every Invitations.csv entry, to read the one nearest the top (LinkedIn's
    // sits at the top) and name the others.
    let mut found: Vec<(usize, String)> = Vec::new();
    let (mut xlsx, mut ods) = (false, false);
    // An archive zipped again (a folder of downloads, say): named, as the
    // export is inside it.
    let mut inner_zip: Option<String> = None;
    // Without an Invitations.csv, what is named like it (`Invitations
    // (1).csv`, as a browser or an unzip tool names a second copy), and
    // what else it holds, for the message.
    let mut near: Vec<(usize, String)> = Vec::new();
    let (mut csvs, mut names) = (Vec::new(), Vec::new());
    // Its files, not counting its folders' own entries (`Jobs/`).
    let mut files = 0;
    // A folder named as the export (`Invitations.csv/`, or the folder of
    // `Invitations.csv/x.csv`): said, when there is no file so named.
    let mut folder_named: Option<String> = None;
    for i in 0..archive.len() {
        let Some(Ok(name)) = archive.name_for_index(i) else {
            continue;
        };
        let base = name.rsplit(['/', '\\']).next().unwrap_or(&name);
        let lower = base.to_lowercase();
        if !base.is_empty() {
            files += 1;
        }
        if folder_named.is_none() {
            let path = unzipped_path(&name);
            let parts: Vec<&str> = path.split('/').collect();
            let folders = if base.is_empty() {
                &parts[..]
            } else {
                &parts[..parts.len() - 1]
            };
            if let Some(at) = folders
                .iter()
                .position(|part| part.eq_ignore_ascii_case("Invitations.csv"))
            {
                folder_named = Some(format!("{}/", parts[..=at].join("/")));
            }
        }
        if base.eq_ignore_ascii_case("Invitations.csv") {
            found.push((i, name.to_string()));
        } else if lower.starts_with("invitations") && lower.ends_with(".csv") {
            near.push((i, name.to_string()));
        }
        if !base.is_empty() {
            if lower.ends_with(".csv") {
                csvs.push(shown_name(&name).into_owned());
            }
            names.push(shown_name(&name).into_owned());
        }
        xlsx |= name == "xl/workbook.xml";
        ods |= name == "content.xml";
        let zipped =
            base.len() > 4 && base.as_bytes()[base.len() - 4..].eq_ignore_ascii_case(b".zip");
        if zipped && inner_zip.is_none() {
            inner_zip = Some(name.to_string());
        }
    }
    // Nearest the top, then the shortest; stable: of two as short, the
    // first in the archive.
    found.sort_by_key(|(_, name)| (zip_depth(name), name.len()));
    // Two at the least depth (`2025/Invitations.csv`, `2026/...`): a
    // folder of exports zipped, for the user to choose from, as a folder
    // of them is.
    // Of names that unzip to one path, the first is named.
    let depth = zip_depth;
    if let Some(least) = found.iter().map(|(_, name)| depth(name)).min() {
        let mut nearest: Vec<(String, String)> = Vec::new();
        for (_, name) in found.iter().filter(|(_, name)| depth(name) == least) {
            let path = unzipped_path(name);
            if !nearest.iter().any(|(p, _)| *p == path) {
                nearest.push((path, shown_name(name).into_owned()));
            }
        }
        if nearest.len() > 1 {
            return Err(ImportError::ManyInArchive {
                origin,
                entries: nearest.into_iter().map(|(_, shown)| shown).collect(),
            });
        }
    }
    // The one to read and another unzip to one path: named twice
    // (which the zip crate keeps one of), or written two ways
    // (`./Invitations.csv` and `Invitations.csv`), which unzip writes
    // to one file, so that neither can be given once unzipped.
    if let Some((_, first)) = found.first() {
        let path = unzipped_path(first);
        let mut same: Vec<&(usize, String)> = found
            .iter()
            .filter(|(_, name)| unzipped_path(name) == path)
            .collect();
        if same.len() > 1 || twice.contains(&path) {
            same.sort();
            return Err(ImportError::SameNameInArchive {
                origin,
                entry: shown_name(&path).into_owned(),
                written: if same.len() > 1 {
                    same.iter()
                        .map(|(_, name)| shown_name(name).into_owned())
                        .collect()
                } else {
                    Vec::new()
                },
            });
        }
    }
    // One file named like the export, and no other: read, and said.
    let mut read_near = false;
    if found.is_empty() && near.len() > 1 {
        return Err(ImportError::NearNamesInArchive {
            origin,
            names: near
                .iter()
                .map(|(_, name)| shown_name(name).into_owned())
                .collect(),
        });
    } else if found.is_empty() {
        read_near = !near.is_empty();
        found = near;
    }
    let mut found = found.into_iter();
    let Some((index, entry)) = found.next() else {
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
        if let Some(inner) = inner_zip {
            return Err(ImportError::ArchiveInArchive {
                origin,
                inner: shown_name(&inner).into_owned(),
            });
        }
        return Err(ImportError::NotInArchive {
            origin,
            entries: archive.len(),
            files,
            csvs,
            names,
            folder: folder_named.map(|f| shown_name(&f).into_owned()),
        });
    };
    let origin = format!("{origin}:{}", shown_name(&entry));
    let mut file = archive.by_index(index).map_err(|e| match e {
        zip::result::ZipError::UnsupportedArchive(zip::result::ZipError::PASSWORD_REQUIRED) => {
            ImportError::Encrypted {
                origin: origin.clone(),
            }
        }
        e => ImportError::Zip {
            origin: origin.clone(),
            source: e,
        },
    })?;
    // An entry borrows the archive and the fallback encoding needs a second
    // pass, so unpack it into memory once.
    let method = file.compression();
    if method != zip::CompressionMethod::Stored && method != zip::CompressionMethod::Deflated {
        return Err(ImportError::Packed {
            origin,
            method: method_name(method),
        });
    }
    // A link stored as a link (by `zip -y`): what it holds is the path it
    // points to, not the export, which would be read as a header of one
    // column (`/etc/passwd`).
    if file.is_symlink() {
        let mut target = Vec::new();
        let _ = (&mut file).take(4096).read_to_end(&mut target);
        return Err(ImportError::LinkInArchive {
            origin,
            target: shorten(&String::from_utf8_lossy(&target), 120),
        });
    }
    let size = file.size();
    let bytes = unpack(&mut file, size, UNPACKED_MOST, &origin)?;
    drop(file);
    let mut import = read_export(job, origin, Some(&bytes), &|| {
        Ok(Box::new(&bytes[..]) as Box<dyn Read + '_>)
    })?;
    import.passed_over = found
        .map(|(_, name)| shown_name(&name).into_owned())
        .collect();
    if read_near {
        import.found_notes.push(format!(
            "{}: read as the export: the archive holds no Invitations.csv, and this is the one file named like it",
            import.origin
        ));
    }
    Ok(import)
}

/// A zip compression method by the name its tools give it. LinkedIn's
/// archives use deflate; another tool's may use one `zip` here does not
/// unpack (only deflate is built in, to keep the binary small).
fn method_name(method: zip::CompressionMethod) -> String {
    // The number is what names the method; the crate's enum has no
    // variant for those not built in.
    #[allow(deprecated)]
    let n = method.to_u16();
    match n {
        9 => "Deflate64".into(),
        12 => "bzip2".into(),
        14 => "LZMA".into(),
        93 => "Zstandard".into(),
        95 => "XZ".into(),
        98 => "PPMd".into(),
        99 => "AES encryption".into(),
        n => format!("method {n}"),
    }
}

/// Reads an archive entry that says it holds `size` bytes, refusing one
/// of more than `most`. The size in the archive's directory can lie, so
/// what comes out is counted too.
fn unpack(file: impl Read, size: u64, most: u64, origin: &str) -> Result<Vec<u8>, ImportError> {
    let too_large = || ImportError::TooLarge {
        origin: origin.to_string(),
    };
    if size > most {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(most + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::Damaged {
            origin: origin.to_string(),
            source: e,
        })?;
    if bytes.len() as u64 > most {
        return Err(too_large());
    }
    Ok(bytes)
}

const SPREADSHEET_HINT: &str = "use Invitations.csv as LinkedIn exports it, or save the sheet as \"CSV UTF-8 (comma delimited)\"";
const EXPORT_HINT: &str =
    "expected LinkedIn's Invitations.csv or the export .zip (from \"Get a copy of your data\")";

/// The columns invitriage reads, by their normalised header name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Columns {
    from: usize,
    to: usize,
    sent_at: usize,
    message: usize,
    direction: usize,
    inviter_url: Option<usize>,
    invitee_url: Option<usize>,
    width: usize,
    /// Bit `i` set: [`HEADER_COLUMNS`]`[i]` is in the header more than once (the
    /// first is read).
    repeated: u8,
}

/// How invitations are told apart without both profile URLs.
const APART: &str = "invitations are told apart by name and date";

/// The columns every export has, as LinkedIn spells them.
const REQUIRED: [&str; 5] = ["From", "To", "Sent At", "Message", "Direction"];

fn normalise_header(h: &[u8]) -> String {
    String::from_utf8_lossy(h)
        .trim_start_matches('\u{feff}')
        .trim()
        .to_lowercase()
}

/// A column's name as compared: its letters and digits, in lower case, so
/// that `Sent_At`, `sent at` and `Inviter Profile Url` (a spreadsheet's or
/// a script's renaming) are LinkedIn's `Sent At` and `inviterProfileUrl`.
fn column_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl Columns {
    /// The column layout, or the names of the required columns missing.
    fn find(header: &[String]) -> Result<Columns, Vec<&'static str>> {
        let keys: Vec<String> = header.iter().map(|h| column_key(h)).collect();
        // LinkedIn's name first (the header is in lower case): `Sent At`
        // beside a `Sent_At` someone added is the export's own.
        let pos = |name: &str| {
            let lower = name.to_lowercase();
            header.iter().position(|h| *h == lower).or_else(|| {
                let name = column_key(name);
                keys.iter().position(|h| *h == name)
            })
        };
        let missing: Vec<&'static str> =
            REQUIRED.into_iter().filter(|n| pos(n).is_none()).collect();
        if !missing.is_empty() {
            return Err(missing);
        }
        let get = |name: &str| pos(name).unwrap_or(0);
        let repeated = HEADER_COLUMNS
            .iter()
            .enumerate()
            .fold(0u8, |bits, (i, name)| {
                let name = column_key(name);
                let twice = keys.iter().filter(|h| **h == name).count() > 1;
                bits | (u8::from(twice) << i)
            });
        Ok(Columns {
            repeated,
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

    /// What the header holds that a reader should know: a column twice, or
    /// one of the two profile-URL columns without the other.
    fn notes(&self) -> Vec<String> {
        let mut out: Vec<String> = (0..HEADER_COLUMNS.len())
            .filter(|i| self.repeated & (1 << i) != 0)
            .map(|i| {
                format!(
                    "the header has `{}` more than once; the first is read",
                    HEADER_COLUMNS[i]
                )
            })
            .collect();
        match (self.inviter_url, self.invitee_url) {
            (Some(_), None) => out.push(format!("no `{}` column; {APART}", HEADER_COLUMNS[6])),
            (None, Some(_)) => out.push(format!("no `{}` column; {APART}", HEADER_COLUMNS[5])),
            _ => {}
        }
        out
    }

    /// The seven columns in [`Fields`](crate::invitation::Fields) order.
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
        // One column (`Name`: Skills.csv) says little: a file of its own,
        // not any `Name,Email` list.
        .find(|(_, _, cols)| {
            cols.iter().all(|c| header.iter().any(|h| h == c))
                && (cols.len() > 1 || header.len() == 1)
        })
        .map(|(name, what, _)| (*name, *what))
}

/// How many records to look through for the header (LinkedIn prefixes some
/// exports with a "Notes:" preamble).
const HEADER_SEARCH_RECORDS: usize = 10;

/// How much of the file is looked at to tell its encoding and kind.
const HEAD_LEN: usize = 1 << 16;

enum Outcome<T: Item> {
    /// Boxed: an import is far larger than the other two.
    Done(Box<Import<T>>),
    /// The bytes are not UTF-8: start again as Windows-1252.
    NotUtf8,
    /// A chunk was cut inside a quoted field: read the file in one piece.
    Whole,
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
    let zip = Path::new(origin)
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("zip"));
    if head.is_empty() {
        return Err(if zip {
            ImportError::EmptyZip {
                origin: origin.to_string(),
            }
        } else {
            ImportError::Empty {
                origin: origin.to_string(),
                what: "empty",
            }
        });
    }
    // UTF-32's mark (which starts as UTF-16LE's does): no export is
    // written so, and read as UTF-16 it would be a header of NULs.
    if head.starts_with(&[0xFF, 0xFE, 0, 0]) || head.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return refuse(
            "UTF-32 text",
            "save it as UTF-8 (or UTF-16); expected LinkedIn's Invitations.csv",
        );
    }
    let (encoding, text) = by_bom(head);
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
                cr_lines: utf16_cr_lines(head, encoding == TextEncoding::Utf16BeNoBom),
            });
        }
    }
    if matches!(encoding, TextEncoding::Utf16Le | TextEncoding::Utf16Be) {
        return Ok(Sniff {
            encoding,
            cr_lines: utf16_cr_lines(&head[2..], encoding == TextEncoding::Utf16Be),
        });
    }
    if matches!(encoding, TextEncoding::Utf8 | TextEncoding::Utf8Bom) {
        // Text has few control characters. A NUL counts as one: a stray
        // one in a note must not refuse the whole export here, when the
        // same byte past these first 64 KiB is read as part of the note.
        // NULs that end it (with line ends among them) do not count: a
        // copy or a disk that padded the file leaves its rows readable,
        // and the padding is no row (see `chunks::Chunks`).
        let text = match text.iter().rposition(|&b| !matches!(b, 0 | b'\n' | b'\r')) {
            Some(last) => &text[..=last],
            None => text,
        };
        let controls = text
            .iter()
            .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
            .count();
        if controls * 20 > text.len() {
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

/// [`Sniff::cr_lines`] for UTF-16 text (without its BOM): a `\r` and no
/// `\n` among its first code units.
fn utf16_cr_lines(text: &[u8], big_endian: bool) -> bool {
    let (mut cr, mut lf) = (false, false);
    for pair in text.chunks_exact(2) {
        let unit = if big_endian {
            u16::from_be_bytes([pair[0], pair[1]])
        } else {
            u16::from_le_bytes([pair[0], pair[1]])
        };
        cr |= unit == u16::from(b'\r');
        lf |= unit == u16::from(b'\n');
    }
    cr && !lf
}

/// The encoding a byte-order mark names, and the UTF-8 text after it (none
/// for UTF-16); UTF-8 when there is none.
fn by_bom(head: &[u8]) -> (TextEncoding, &[u8]) {
    match head {
        [0xEF, 0xBB, 0xBF, rest @ ..] => (TextEncoding::Utf8Bom, rest),
        [0xFF, 0xFE, ..] => (TextEncoding::Utf16Le, &[][..]),
        [0xFE, 0xFF, ..] => (TextEncoding::Utf16Be, &[][..]),
        _ => (TextEncoding::Utf8, head),
    }
}

/// Reads a whole text (a note on standard input) in the encodings an
/// export is read in: UTF-8 with or without a BOM, UTF-16 with a BOM (or
/// without one when the bytes leave no doubt), else Windows-1252, which
/// decodes every byte. Returns the text and its encoding, whose
/// [`notice`](TextEncoding::notice) says when it was a guess.
pub fn read_text(mut reader: impl Read) -> io::Result<(String, TextEncoding)> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    let encoding = match by_bom(&bytes) {
        // The BOM says UTF-8: bytes that are not are shown as U+FFFD, as
        // in an export.
        (TextEncoding::Utf8Bom, text) => {
            return Ok((
                String::from_utf8_lossy(text).into_owned(),
                TextEncoding::Utf8Bom,
            ));
        }
        (TextEncoding::Utf8, _) => match sniff_utf16(&bytes) {
            Some(utf16) => utf16,
            None => match String::from_utf8(bytes) {
                Ok(text) => return Ok((text, TextEncoding::Utf8)),
                Err(e) => {
                    bytes = e.into_bytes();
                    if mostly_utf8(&bytes[..])? {
                        return Ok((
                            String::from_utf8_lossy(&bytes).into_owned(),
                            TextEncoding::Utf8Mostly,
                        ));
                    }
                    TextEncoding::Windows1252Fallback
                }
            },
        },
        (utf16, _) => utf16,
    };
    let mut text = String::new();
    decoded(Box::new(io::Cursor::new(bytes)), encoding)?.read_to_string(&mut text)?;
    Ok((text, encoding))
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

/// Reads an export from `open`, or from `bytes` where they lie when the
/// whole export is in memory.
///
/// A file named .zip is read here when it is not a zip archive (which is
/// read before this): a CSV of invitations saved or renamed so is read
/// by what it holds, as a zip named .csv is, and said; anything else
/// (`notazip`, random bytes) is said to be no zip archive, not "the header
/// lacks the columns".
fn read_export<'a, T: Item>(
    job: Job<'_>,
    origin: String,
    bytes: Option<&[u8]>,
    open: &dyn Fn() -> io::Result<Box<dyn Read + 'a>>,
) -> Result<Import<T>, ImportError> {
    if !is_zip_path(Path::new(&origin)) {
        return read_export_dated(job, origin, bytes, open);
    }
    match read_export_dated(job, origin.clone(), bytes, open) {
        Ok(mut import) => {
            import.found_notes.push(format!(
                "{origin}: named .zip, but not a zip archive: it is a CSV of invitations, read as one"
            ));
            Ok(import)
        }
        Err(
            ImportError::MissingColumns { .. }
            | ImportError::Binary { .. }
            | ImportError::Empty { .. },
        ) => Err(ImportError::NotZip { origin }),
        Err(e) => Err(e),
    }
}

/// [`read_export`] of a file read as a CSV, day first when its dates
/// say so.
fn read_export_dated<'a, T: Item>(
    job: Job<'_>,
    origin: String,
    bytes: Option<&[u8]>,
    open: &dyn Fn() -> io::Result<Box<dyn Read + 'a>>,
) -> Result<Import<T>, ImportError> {
    let import = read_export_as(job, origin.clone(), bytes, open)?;
    // Dates re-saved day first by a spreadsheet: some do not read month
    // first (skipped), and the rest were read swapped. Or no day is over
    // 12, but month first some would be sent in the future (see
    // `future_month_first`). The file is read again, day first. (Rows are
    // read in pieces on several threads, and only the whole file tells the
    // order.)
    let dates = import.slash_dates;
    if !job.day_first && (dates.day_first() || dates.future_month_first(job.now)) {
        // Not kept while the file is read again: a large one would be
        // held twice.
        drop(import);
        let day_first = Job {
            day_first: true,
            ..job
        };
        return read_export_as(day_first, origin, bytes, open);
    }
    Ok(import)
}

/// [`read_export`] with the order of dates given.
fn read_export_as<'a, T: Item>(
    job: Job<'_>,
    origin: String,
    bytes: Option<&[u8]>,
    open: &dyn Fn() -> io::Result<Box<dyn Read + 'a>>,
) -> Result<Import<T>, ImportError> {
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
    let whole = Job {
        plan: job.plan.whole(),
        ..job
    };
    let fallback = Sniff {
        encoding: TextEncoding::Windows1252Fallback,
        ..sniffed
    };
    // UTF-8 in memory is read in place; any other text is decoded first.
    let in_place = bytes.filter(|_| {
        job.plan.in_place
            && !sniffed.cr_lines
            && matches!(sniffed.encoding, TextEncoding::Utf8 | TextEncoding::Utf8Bom)
    });
    let first = match in_place {
        Some(bytes) => parse_in_place(bytes, sniffed, job, &origin)?,
        None => parse(reader, sniffed, job, &origin)?,
    };
    match first {
        Outcome::Done(import) => return Ok(*import),
        Outcome::NotUtf8 => {}
        Outcome::Whole => {
            let again = match in_place {
                Some(bytes) => parse_in_place(bytes, sniffed, whole, &origin)?,
                None => parse(open().map_err(io_err)?, sniffed, whole, &origin)?,
            };
            match again {
                Outcome::Done(import) => return Ok(*import),
                Outcome::NotUtf8 => {}
                // Read in one piece, nothing is cut.
                Outcome::Whole => return Err(ImportError::Binary { origin }),
            }
        }
    }
    // Not all UTF-8. With some UTF-8 in it, each row is read in its own
    // encoding: a file of UTF-8 with rows of Windows-1252 appended, or the
    // other way round, garbles somebody's name whichever one it is read
    // in whole. With none, the whole is Windows-1252, read in one go.
    let tally = utf8_tally(open().map_err(io_err)?).map_err(io_err)?;
    let fallback = if tally.some() {
        Sniff {
            encoding: TextEncoding::Utf8Mostly,
            ..sniffed
        }
    } else {
        fallback
    };
    // Either decodes every byte, so only a cut can stop it.
    let import = match parse(open().map_err(io_err)?, fallback, job, &origin)? {
        Outcome::Done(import) => import,
        Outcome::Whole => match parse(open().map_err(io_err)?, fallback, whole, &origin)? {
            Outcome::Done(import) => import,
            _ => return Err(ImportError::Binary { origin }),
        },
        Outcome::NotUtf8 => return Err(ImportError::Binary { origin }),
    };
    Ok(by_rows(*import, &tally))
}

/// An import read row by row, named for what its rows turned out to be:
/// mostly UTF-8 when more rows beyond ASCII were read as UTF-8 than as
/// Windows-1252, else mostly Windows-1252, whose notes name the rows of
/// UTF-8 instead. Rows, not bytes, are weighed: a note names rows, and the
/// fewer are the ones to check. With no row of UTF-8 kept, the file is
/// Windows-1252 (its UTF-8 is in the rows skipped, or before them); with
/// neither kind kept, its bytes beyond ASCII decide, as for a note.
fn by_rows<T: Item>(mut import: Import<T>, tally: &Utf8Tally) -> Import<T> {
    if import.encoding != TextEncoding::Utf8Mostly {
        return import;
    }
    let utf8 = import.utf8_rows.count + import.replaced_rows;
    let windows_1252 = import.windows_1252_rows.count;
    import.encoding = if utf8 > windows_1252 || (utf8 == 0 && windows_1252 == 0 && tally.mostly()) {
        TextEncoding::Utf8Mostly
    } else if utf8 == 0 {
        // Every row of it read as the file is: none to name.
        import.windows_1252_rows = RowLines::default();
        TextEncoding::Windows1252Fallback
    } else {
        TextEncoding::Windows1252Mostly
    };
    import
}

/// `reader` decoded from `encoding` into UTF-8, without its byte-order
/// mark. UTF-8 is passed on as it is (and checked by whoever reads it).
fn decoded<'a>(
    mut reader: Box<dyn Read + 'a>,
    encoding: TextEncoding,
) -> io::Result<Box<dyn Read + 'a>> {
    let mut decode = DecodeReaderBytesBuilder::new();
    decode.strip_bom(true);
    Ok(match encoding {
        // UTF-8 is read as it is (and checked row by row).
        TextEncoding::Utf8 | TextEncoding::Utf8Mostly | TextEncoding::Windows1252Mostly => reader,
        TextEncoding::Utf8Bom => {
            read_up_to(&mut reader, &mut [0u8; 3])?;
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
    })
}

fn parse<'a, T: Item>(
    reader: Box<dyn Read + 'a>,
    sniffed: Sniff,
    job: Job<'_>,
    origin: &str,
) -> Result<Outcome<T>, ImportError> {
    let io_err = |e: io::Error| ImportError::Io {
        origin: origin.to_string(),
        source: e,
    };
    // UTF-16 is checked on its way to the decoder, which reads what is not
    // UTF-16 as U+FFFD without a word.
    let (reader, not_utf16): (Box<dyn Read + 'a>, _) = match sniffed.encoding {
        TextEncoding::Utf16Le
        | TextEncoding::Utf16Be
        | TextEncoding::Utf16LeNoBom
        | TextEncoding::Utf16BeNoBom => {
            let big_endian = matches!(
                sniffed.encoding,
                TextEncoding::Utf16Be | TextEncoding::Utf16BeNoBom
            );
            let check = Utf16Check::new(reader, big_endian);
            let found = check.found();
            (Box::new(check), Some(found))
        }
        _ => (reader, None),
    };
    let decoded = decoded(reader, sniffed.encoding).map_err(io_err)?;
    let chunk_len = job.plan.sized(None).chunk_len;
    let mut chunks = Chunks::new(decoded, chunk_len, sniffed.cr_lines);
    let spare = chunks::Spare::default();
    let (mut text, mut last) = chunks
        .next_chunk(&spare)
        .map_err(io_err)?
        .unwrap_or_default();
    let header = loop {
        match find_header(&text, last, sniffed.encoding, origin)? {
            Header::Found(header) => break header,
            Header::NotUtf8 => return Ok(Outcome::NotUtf8),
            Header::ReadOn => match chunks.next_chunk(&spare).map_err(io_err)? {
                Some((more, is_last)) => {
                    text.extend_from_slice(&more);
                    last = is_last;
                }
                None => last = true,
            },
        }
    };
    let setting = Setting {
        cols: header.cols,
        encoding: sniffed.encoding,
        classify: job.classify,
        counted: job.counted,
        day_first: job.day_first,
        plan: job.plan,
    };
    let read =
        chunks::read_rows::<T, _>(setting, text, header.end, header.lines, last, &mut chunks);
    let mut outcome = outcome(read, header.cols, sniffed, job, origin)?;
    if let (Outcome::Done(import), Some(found)) = (&mut outcome, not_utf16) {
        import.not_utf16 = found.get();
    }
    Ok(outcome)
}

/// [`parse`] for UTF-8 text held in memory whole, read where it lies.
fn parse_in_place<T: Item>(
    bytes: &[u8],
    sniffed: Sniff,
    job: Job<'_>,
    origin: &str,
) -> Result<Outcome<T>, ImportError> {
    let text = match sniffed.encoding {
        TextEncoding::Utf8Bom => bytes.get(3..).unwrap_or_default(),
        _ => bytes,
    };
    // NULs that end it pad it, as [`chunks::Chunks`] reads them.
    let text = chunks::without_padding(text);
    let header = match find_header(text, true, sniffed.encoding, origin)? {
        Header::Found(header) => header,
        Header::NotUtf8 => return Ok(Outcome::NotUtf8),
        // With all of the text at hand, there is nothing more to read.
        Header::ReadOn => return Ok(Outcome::Whole),
    };
    let setting = Setting {
        cols: header.cols,
        encoding: sniffed.encoding,
        classify: job.classify,
        counted: job.counted,
        day_first: job.day_first,
        plan: job.plan.sized(u64::try_from(text.len()).ok()),
    };
    let read = chunks::read_rows_in_place::<T>(setting, text, header.end, header.lines);
    outcome(read, header.cols, sniffed, job, origin)
}

/// What reading the rows came to.
fn outcome<T: Item>(
    read: Result<RowsRead<T>, Failed>,
    cols: Columns,
    sniffed: Sniff,
    job: Job<'_>,
    origin: &str,
) -> Result<Outcome<T>, ImportError> {
    let read = match read {
        Ok(read) => read,
        Err(Failed::Stop(Stop::NotUtf8)) => return Ok(Outcome::NotUtf8),
        Err(Failed::Stop(Stop::Cut)) => return Ok(Outcome::Whole),
        Err(Failed::Io(e)) => {
            return Err(ImportError::Io {
                origin: origin.to_string(),
                source: e,
            });
        }
    };
    Ok(Outcome::Done(Box::new(Import {
        source: job.source.clone(),
        origin: origin.to_string(),
        invitations: read.items,
        skipped: read.skipped,
        duplicates: read.duplicates,
        encoding: sniffed.encoding,
        without_profile_urls: cols.inviter_url.is_none() || cols.invitee_url.is_none(),
        header_notes: cols.notes(),
        replaced_rows: read.replaced_rows,
        first_replaced_line: read.first_replaced_line,
        windows_1252_rows: read.windows_1252_rows,
        utf8_rows: read.utf8_rows,
        undoubled_rows: read.undoubled_rows,
        first_undoubled_line: read.first_undoubled_line,
        not_utf16: NotUtf16::default(),
        passed_over: Vec::new(),
        passed_over_in: Container::Archive,
        found_notes: Vec::new(),
        slash_dates: read.slash_dates,
        read_day_first: job.day_first,
    })))
}

/// Where the header is.
struct HeaderAt {
    cols: Columns,
    /// The offset in the text where the rows start, after the header.
    end: usize,
    /// The line ends before `end`.
    lines: u64,
}

enum Header {
    Found(HeaderAt),
    /// The bytes turn out not to be UTF-8.
    NotUtf8,
    /// The text ran out before the search was over: read on.
    ReadOn,
}

/// How many fields of a line [`find_header`] reads: LinkedIn's header has
/// seven, and its columns are found among the first of any header.
const HEADER_FIELDS_READ: usize = 512;

/// Finds the header among the first few records of `text` (all of the
/// file when `last`).
fn find_header(
    text: &[u8],
    last: bool,
    encoding: TextEncoding,
    origin: &str,
) -> Result<Header, ImportError> {
    struct Candidate {
        line: u64,
        missing: Vec<&'static str>,
        found: String,
        problem: Option<HeaderProblem>,
        /// How many fields the line has.
        width: usize,
        /// One of its fields is a Direction: an invitation, not a header.
        direction: bool,
    }
    let mut best: Option<Candidate> = None;
    let mut any = false;
    let mut csv = csv_reader(text);
    let mut record = ByteRecord::new();
    let record = &mut record;
    // The CSV reader counts lines by `\n`: these are the others.
    let mut lone = rows::LoneCr::new(text);
    // Where the reader's text starts in `text`, and the `\n`s before it.
    let (mut shift, mut shift_lf) = (0usize, 0u64);
    let offset = |shift: usize, byte: u64| {
        shift
            .saturating_add(usize::try_from(byte).unwrap_or(usize::MAX))
            .min(text.len())
    };
    for _ in 0..HEADER_SEARCH_RECORDS {
        let before = csv.position().clone();
        // A long line of commas alone is blank, and passed over unread:
        // the CSV reader would keep 8 bytes for each of its fields (a line
        // of 64 MB took 3.2 GB). A long line of anything else may be a
        // wide header, and is read.
        let at = offset(shift, before.byte());
        let start = at
            + text[at..]
                .iter()
                .take_while(|&&b| b == b'\n' || b == b'\r')
                .count();
        let rest = &text[start..];
        let line_end = memchr::memchr(b'\n', rest).map(|e| e + 1);
        let line = &rest[..line_end.unwrap_or(rest.len())];
        if line.len() >= rows::max_fields(0)
            && line.iter().all(|&b| b == b',' || b.is_ascii_whitespace())
        {
            if line_end.is_none() && !last {
                return Ok(Header::ReadOn);
            }
            any = true;
            shift_lf += rows::count_lf(&text[shift..start + line.len()]);
            shift = start + line.len();
            csv = csv_reader(&text[shift..]);
            continue;
        }
        if !csv.read_byte_record(record).unwrap_or(false) {
            if last {
                break;
            }
            return Ok(Header::ReadOn);
        }
        let after = csv.position().clone();
        let (from, end) = (offset(shift, before.byte()), offset(shift, after.byte()));
        // A record that runs to the end of a chunk may go on in the next.
        if !last && end >= text.len() && !ends_outside_quotes(&text[from..]) {
            return Ok(Header::ReadOn);
        }
        let lead = text[from..]
            .iter()
            .take_while(|&&b| b == b'\n' || b == b'\r')
            .count();
        let line = shift_lf
            + before.line()
            + rows::count_lf(&text[from..from + lead])
            + lone.before(from + lead);
        any = true;
        if encoding == TextEncoding::Utf8 && std::str::from_utf8(record.as_slice()).is_err() {
            return Ok(Header::NotUtf8);
        }
        if rows::is_blank(record) {
            continue;
        }
        // Of a line of millions of fields (commas run on), the first few
        // hundred say whether it is the header: all of them, each made a
        // string three times over, took 80 bytes a field.
        let header: Vec<String> = record
            .iter()
            .take(HEADER_FIELDS_READ)
            .map(normalise_header)
            .collect();
        let missing = match Columns::find(&header) {
            Ok(mut cols) => {
                // Every field counts in a row's width, read or not, but
                // for empty ones that end the header (a stray comma): a
                // row's are dropped too, so a row of the export's seven
                // fields was skipped under a header of nine.
                let trailing = record
                    .iter()
                    .rev()
                    .take_while(|f| f.trim_ascii().is_empty())
                    .count();
                cols.width = record.len() - trailing;
                // A quote the header opens and never closes before its line
                // ends takes the next lines into the header; it can still
                // hold every column needed (the quote opened an optional
                // one), and the row it swallowed would be lost without a
                // word.
                if let Some(HeaderProblem::OpenQuote(field)) = open_quote(&text[from + lead..end]) {
                    return Err(ImportError::HeaderQuote {
                        origin: origin.to_string(),
                        line,
                        field,
                    });
                }
                return Ok(Header::Found(HeaderAt {
                    cols,
                    end,
                    lines: shift_lf + after.line() - 1 + lone.before(end),
                }));
            }
            Err(missing) => missing,
        };
        if let Some((looks_like, what)) = looks_like(&header) {
            return Err(ImportError::OtherExport {
                origin: origin.to_string(),
                looks_like,
                what,
            });
        }
        // Of two lines that lack as many columns, the one whose problem
        // can be told: after a `Notes:` line, the header saved with
        // semicolons (or a quote left open) is what to report, not the
        // note.
        let problem = || open_quote(&text[from + lead..end]);
        if best.as_ref().is_none_or(|b| {
            missing.len() < b.missing.len()
                || (missing.len() == b.missing.len() && b.problem.is_none())
        }) {
            let fields: Vec<String> = record
                .iter()
                .take(HEADER_FIELDS_READ)
                .map(|f| {
                    String::from_utf8_lossy(f)
                        .trim_start_matches('\u{feff}')
                        .trim()
                        .to_string()
                })
                .collect();
            let problem = problem().or_else(|| header_problem(&fields));
            // An invitation after a line as wide as it is: that line is
            // the header, in names not LinkedIn's (another language's, say),
            // and it is the one to name.
            let header_before = |b: &Candidate| {
                matches!(problem, Some(HeaderProblem::NoHeader))
                    && b.problem.is_none()
                    && b.width == record.len()
                    && !b.direction
            };
            if best.as_ref().is_none_or(|b| {
                missing.len() < b.missing.len() || (problem.is_some() && !header_before(b))
            }) {
                best = Some(Candidate {
                    line,
                    missing,
                    found: shorten(&fields.join(","), 120),
                    problem,
                    width: record.len(),
                    direction: fields.iter().any(|f| parse_direction(f).is_some()),
                });
            }
        }
    }
    Err(match best {
        None => ImportError::Empty {
            origin: origin.to_string(),
            what: if !any {
                "empty"
            } else if text.iter().all(u8::is_ascii_whitespace) {
                "blank (only white space)"
            } else {
                // `,,,`: fields, every one empty.
                "blank (only commas and white space)"
            },
        },
        Some(c) => {
            let (origin, line) = (origin.to_string(), c.line);
            match c.problem {
                Some(HeaderProblem::Separator(separator)) => ImportError::Separator {
                    origin,
                    line,
                    separator,
                },
                Some(HeaderProblem::NoHeader) => ImportError::NoHeader { origin, line },
                Some(HeaderProblem::OpenQuote(field)) => ImportError::HeaderQuote {
                    origin,
                    line,
                    field,
                },
                None => ImportError::MissingColumns {
                    origin,
                    line,
                    missing: c.missing.join(", "),
                    found: c.found,
                },
            }
        }
    })
}

/// Why a line that should be the header is not, when it can be told.
#[derive(Debug, Clone)]
enum HeaderProblem {
    /// The header's columns, separated by semicolons or tabs.
    Separator(&'static str),
    /// An invitation: the header line is missing.
    NoHeader,
    /// A quote opens a field (that starts so) and is never closed, or not
    /// before the line ends, so the record runs on over the next lines.
    OpenQuote(String),
}

/// [`HeaderProblem::OpenQuote`] for the raw text of a record, when a quote
/// in it is never closed, or runs it over several lines.
fn open_quote(raw: &[u8]) -> Option<HeaderProblem> {
    let fault = check_quotes(raw)?;
    if !fault.unclosed && memchr::memchr2(b'\n', b'\r', raw.trim_ascii_end()).is_none() {
        return None;
    }
    let field = &raw[fault.open + 1..];
    let field = &field[..memchr::memchr3(b',', b'\r', b'\n', field).unwrap_or(field.len())];
    Some(HeaderProblem::OpenQuote(shorten(
        String::from_utf8_lossy(field).trim(),
        40,
    )))
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

fn parse_direction(s: &str) -> Option<Direction> {
    // As LinkedIn writes it, before any trimming.
    match s {
        "INCOMING" => return Some(Direction::Incoming),
        "OUTGOING" => return Some(Direction::Outgoing),
        _ => {}
    }
    let s = s.trim();
    if s.eq_ignore_ascii_case("incoming") {
        Some(Direction::Incoming)
    } else if s.eq_ignore_ascii_case("outgoing") {
        Some(Direction::Outgoing)
    } else {
        None
    }
}

/// At most `max` characters of `s`, with an ellipsis when cut, and control
/// characters escaped (`\n`, `\u{1b}`) so that a message shows them and a
/// terminal does not act on them; invisible ones too (`\u{200b}`,
/// `\u{feff}`, a no-break space `\u{a0}`), else a message would say
/// `INCOMING` is not `INCOMING`.
fn shorten(s: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        // A space other than the plain one (a no-break space) looks like
        // it, and is no separator to the import: written out too.
        if c.is_control() || crate::text::is_format_control(c) || (c.is_whitespace() && c != ' ') {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests;
