//! How far the triage screen has seen the inbox: the newest received
//! invitation of the exports it opened, kept in `seen.json` beside the
//! journal, so that the next start can say which invitations are new.
//!
//! The journal's steps alone cannot say it: an export is taken some days
//! before the decisions made on it, and the invitations that arrive in
//! between come after the export's newest but before the last step. A
//! newer export holds them, and they are news all the same.
//!
//! The file is one JSON object, `{"v":1,"newest":…,"opened":…}`, written
//! whole (a temporary file renamed over it) and not fsync'd: it decides
//! only what the next start calls new, and a file that is missing,
//! damaged or of a newer version is taken as none, which falls back to
//! the last step. A newer version's file is left as it is; a damaged one
//! is written over.

use std::fs;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::text::shown_path;

use super::{
    FORMAT_VERSION, Journal, JournalError, VersionOnly, io_error, newer_version, other_version,
    version_damage, write_whole,
};

/// The file's name, beside the journal.
pub const SEEN_FILE_NAME: &str = "seen.json";

/// The newest received invitation the triage screen has shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    /// Its `Sent At`.
    pub newest: NaiveDateTime,
    /// When the screen first opened an export holding it.
    pub opened: NaiveDateTime,
}

/// Why `seen.json` could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    /// Its path and why, for a notice.
    pub why: String,
    /// Another version of invitriage wrote it: [`Journal::record_seen`]
    /// leaves it as it is rather than take it back to this one's format.
    pub other_version: bool,
}

#[derive(Serialize, Deserialize)]
struct SeenFile {
    v: u32,
    #[serde(flatten)]
    seen: Seen,
}

impl Journal {
    /// What `seen.json` beside the journal holds, if it can be read.
    pub fn seen(&self) -> Option<Seen> {
        self.read_seen().ok().flatten()
    }

    /// What `seen.json` holds: `None` when there is none yet, an error
    /// when one is there and cannot be read.
    pub fn read_seen(&self) -> Result<Option<Seen>, Unread> {
        let path = self.path.with_file_name(SEEN_FILE_NAME);
        let unread = |why: String, other_version| Unread {
            why: format!("{}: {why}", shown_path(&path)),
            other_version,
        };
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(unread(format!("cannot be read ({e})"), false)),
        };
        // The version first: a newer one may have changed the fields, and
        // its file is not damaged. Any other (`0`, `"1"`) no invitriage
        // writes: the file is damaged, and written over next time.
        if let Ok(VersionOnly { v: Some(v) }) = serde_json::from_slice(&bytes)
            && v != FORMAT_VERSION
        {
            return Err(if newer_version(&v) {
                unread(other_version(&v), true)
            } else {
                unread(format!("damaged ({})", version_damage(&v)), false)
            });
        }
        let file: SeenFile = serde_json::from_slice(&bytes)
            .map_err(|e| unread(format!("not what invitriage writes ({e})"), false))?;
        Ok(Some(file.seen))
    }

    /// Keeps `seen` unless the file holds a newer invitation already (an
    /// older export opened again changes nothing), one not later than a
    /// day after `seen.opened`: a date still to come (a clock that was
    /// ahead) would hide every invitation before it. Fails when read-only.
    pub fn record_seen(&mut self, seen: Seen) -> Result<(), JournalError> {
        if self.file.is_none() {
            return Err(JournalError::ReadOnly {
                path: self.path.clone(),
            });
        }
        let soon = seen.opened + chrono::Duration::days(1);
        match self.read_seen() {
            Ok(Some(was)) if was.newest >= seen.newest && was.newest <= soon => return Ok(()),
            Err(Unread {
                other_version: true,
                ..
            }) => return Ok(()),
            _ => {}
        }
        let path = self.path.with_file_name(SEEN_FILE_NAME);
        let dir = path.parent().unwrap_or(&path).to_path_buf();
        let file = SeenFile {
            v: FORMAT_VERSION,
            seen,
        };
        serde_json::to_vec(&file)
            .map_err(std::io::Error::from)
            .and_then(|bytes| write_whole(&dir, &path, &bytes))
            .map_err(io_error("keep what was seen in", &path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        s.parse().unwrap()
    }

    #[test]
    fn keeps_the_newest_and_survives_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        assert_eq!(j.seen(), None);
        let first = Seen {
            newest: at("2026-11-20T09:00:00"),
            opened: at("2026-11-21T08:00:00"),
        };
        j.record_seen(first).unwrap();
        // An older export opened later leaves it.
        j.record_seen(Seen {
            newest: at("2026-11-01T09:00:00"),
            opened: at("2026-11-22T08:00:00"),
        })
        .unwrap();
        drop(j);
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        assert_eq!(j.seen(), Some(first));
        let newer = Seen {
            newest: at("2026-11-25T10:00:00"),
            opened: at("2026-11-26T08:00:00"),
        };
        j.record_seen(newer).unwrap();
        assert_eq!(j.seen(), Some(newer));
        // One from a clock that was years ahead is written over.
        fs::write(
            dir.path().join(SEEN_FILE_NAME),
            r#"{"v":1,"newest":"2099-12-31T23:59:00","opened":"2026-11-26T08:00:00"}"#,
        )
        .unwrap();
        j.record_seen(newer).unwrap();
        assert_eq!(j.seen(), Some(newer));
    }

    #[test]
    fn a_damaged_file_counts_as_none_and_a_reader_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(SEEN_FILE_NAME), "{\"v\":1,\"newest\":").unwrap();
        let (j, _) = Journal::open(dir.path()).unwrap();
        assert_eq!(j.seen(), None);
        let why = j.read_seen().unwrap_err();
        assert!(
            why.why.ends_with("seen.json: not what invitriage writes (EOF while parsing a value at line 1 column 16)"),
            "{why:?}"
        );
        assert!(!why.other_version);
        drop(j);
        let (mut r, _) = Journal::open_read_only(dir.path()).unwrap();
        let seen = Seen {
            newest: at("2026-11-20T09:00:00"),
            opened: at("2026-11-21T08:00:00"),
        };
        assert!(matches!(
            r.record_seen(seen),
            Err(JournalError::ReadOnly { .. })
        ));
        // Another version's file is not read as this one's.
        fs::write(
            dir.path().join(SEEN_FILE_NAME),
            r#"{"v":2,"newest":"2026-11-20T09:00:00","opened":"2026-11-21T08:00:00"}"#,
        )
        .unwrap();
        assert_eq!(r.seen(), None);
    }

    /// A `"v"` no invitriage writes (`0`, `"1"`) is not a newer version's:
    /// the file is damaged, said so, and written over by the next record,
    /// so the notice does not come back at every start.
    #[test]
    fn a_version_no_invitriage_writes_is_damage_and_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(SEEN_FILE_NAME);
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let seen = Seen {
            newest: at("2026-11-25T09:00:00"),
            opened: at("2026-11-26T08:00:00"),
        };
        for (v, why) in [
            ("0", "0, which no invitriage writes"),
            ("-1", "-1, which no invitriage writes"),
            ("1.0", "1.0, which no invitriage writes"),
            ("\"1\"", "\"1\", not a number"),
        ] {
            let file = format!(
                r#"{{"v":{v},"newest":"2026-11-20T09:00:00","opened":"2026-11-21T08:00:00"}}"#
            );
            fs::write(&path, file).unwrap();
            let unread = j.read_seen().unwrap_err();
            assert!(!unread.other_version, "{v}");
            assert!(
                unread
                    .why
                    .ends_with(&format!("seen.json: damaged (format version {why})")),
                "{unread:?}"
            );
            j.record_seen(seen).unwrap();
            assert_eq!(j.read_seen(), Ok(Some(seen)), "{v}");
        }
    }

    /// A file a newer version wrote, whatever its fields, is named as
    /// such, not as damaged, and is left as it is: an older binary run in
    /// between does not take it back to its own format.
    #[test]
    fn a_newer_version_s_file_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(SEEN_FILE_NAME);
        let newer = r#"{"v":2,"last":{"at":"2026-11-20T09:00:00"}}"#;
        fs::write(&path, newer).unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let why = j.read_seen().unwrap_err();
        assert!(why.other_version);
        assert!(
            why.why.ends_with(
                "seen.json: written in format version 2, which this invitriage does not know (a newer version wrote it?)"
            ),
            "{why:?}"
        );
        j.record_seen(Seen {
            newest: at("2026-11-25T09:00:00"),
            opened: at("2026-11-26T08:00:00"),
        })
        .unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), newer);
    }
}
