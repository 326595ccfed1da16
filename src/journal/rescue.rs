//! What a run keeps in the system's temporary folder when the data folder
//! cannot take it as the run ends (a full disk, a folder made read-only or
//! deleted): an unsaved draft ([`Journal::rescue_unsaved`]) or the whole
//! journal ([`Journal::rescue_if_lost`]). The next start on that data
//! folder takes them back. Their names start with [`prefix`], which ties
//! them to the data folder.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};

use super::{FILE_NAME, Journal, private, sync_dir};
use crate::text::shown_path;

/// How the names of the files kept for the journal at `journal` start: the
/// data folder's path, hashed, tells them from another data folder's in
/// the shared temporary folder.
pub(super) fn prefix(journal: &Path) -> String {
    use std::hash::Hasher;
    let dir = journal.parent().unwrap_or(Path::new("."));
    let dir = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut h = crate::hash::FxHasher::default();
    h.write(dir.as_os_str().as_encoded_bytes());
    format!("invitriage-rescued-{:016x}-", h.finish())
}

/// The files kept for the journal at `journal` whose names end in
/// `suffix`, oldest first (their names end in the time they were made, in
/// nanoseconds, of as many digits each); only the data folder owner's, as
/// anyone may write to the temporary folder.
pub(super) fn found(journal: &Path, suffix: &str) -> Vec<PathBuf> {
    let prefix = prefix(journal);
    let Ok(entries) = fs::read_dir(std::env::temp_dir()) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(&prefix) && name.ends_with(suffix)
        })
        .map(|e| e.path())
        .collect();
    // By the time in the name (`…<pid>-<nanoseconds><suffix>`), then the
    // name: the pid before it has as many digits as it has.
    let stamp = |p: &PathBuf| {
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        let stem = name.strip_suffix(suffix).unwrap_or(&name);
        stem.rsplit_once('-')
            .map(|(_, t)| t.to_string())
            .unwrap_or_default()
    };
    found.sort_by_cached_key(|p| (stamp(p), p.clone()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // The data folder's owner, or (the folder gone with the journal)
        // its nearest folder's that is there.
        let dir = journal.parent().unwrap_or(Path::new("."));
        let Some(owner) = dir
            .ancestors()
            .find_map(|d| fs::metadata(d).ok().map(|m| m.uid()))
        else {
            return Vec::new();
        };
        found.retain(|p| fs::symlink_metadata(p).is_ok_and(|m| m.is_file() && m.uid() == owner));
    }
    found
}

/// A new file in the temporary folder for the journal at `journal`, named
/// `<prefix><what>.<pid>-<nanoseconds><suffix>`: created afresh and
/// private, as the folder is everyone's. Written whole and synced.
pub(super) fn keep(journal: &Path, what: &str, suffix: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let path = std::env::temp_dir().join(format!(
        "{}{what}.{}-{stamp:020}{suffix}",
        prefix(journal),
        std::process::id()
    ));
    let mut file = private(OpenOptions::new().write(true).create_new(true)).open(&path)?;
    file.write_all(bytes).and_then(|()| file.sync_all())?;
    Ok(path)
}

/// Where a journal written back after a deletion is copied before it is
/// linked into place ([`Journal::write_back_if_deleted`]).
pub(super) fn writing_back(journal: &Path) -> PathBuf {
    journal.with_file_name(format!("{FILE_NAME}.writing-back"))
}

/// Where a journal being written back is written first: renamed to its
/// place (or to [`writing_back`]) only once whole and synced, so that a
/// kill mid-write never leaves a part of it where a start takes it back.
pub(super) fn being_written(journal: &Path) -> PathBuf {
    // This process's own: one a killed run left is never written over.
    let path = journal.with_file_name(format!("{BEING_WRITTEN}.{}", std::process::id()));
    // One a killed run of the same pid left (pid 1 in a container, at
    // every run): moved aside under a name of its own, still named.
    if fs::symlink_metadata(&path).is_ok() {
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let _ = fs::rename(
            &path,
            path.with_extension(format!("{}.{stamp}", std::process::id())),
        );
    }
    path
}

/// The start of the names [`being_written`] gives.
const BEING_WRITTEN: &str = "journal.jsonl.being-written";

/// Journals a killed run left half written beside `journal`
/// ([`being_written`]), named at a start and by the readers; never taken
/// back, as they may not be whole.
pub(super) fn left_half_written(journal: &Path) -> Vec<PathBuf> {
    let Some(dir) = journal.parent() else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(BEING_WRITTEN))
        .filter(|e| e.metadata().is_ok_and(|m| m.is_file() && m.len() > 0))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// The note naming a journal [`left_half_written`].
pub(super) fn half_written_note(left: &Path, journal: &Path) -> String {
    format!(
        "{}: a journal a run was writing back when it was killed, perhaps not whole; it was left as it is: with invitriage closed, compare it with {} and keep what you want",
        shown_path(left),
        shown_path(journal)
    )
}

/// The suffix of a journal kept in the temporary folder.
pub(super) const JOURNAL_SUFFIX: &str = ".jsonl";

impl Journal {
    /// Keeps the journal in the temporary folder when it was deleted while
    /// open and could not be put back (see
    /// [`Journal::write_back_if_deleted`]): its steps are in the open file
    /// only, and would be lost as the run ends. `None` when it is not lost
    /// (not deleted, or put back, or read-only), held nothing, or another
    /// file in its place holds the same.
    pub fn rescue_if_lost(&self) -> Option<io::Result<PathBuf>> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::{FileExt, MetadataExt};
            let file = self.file.as_ref()?;
            let meta = file.metadata().ok()?;
            // One with nothing in it loses nothing.
            if !meta.is_file() || meta.nlink() != 0 || self.is_blank() {
                return None;
            }
            let mut bytes = vec![0; usize::try_from(self.len).unwrap_or(usize::MAX)];
            if let Err(e) = file.read_exact_at(&mut bytes, 0) {
                return Some(Err(e));
            }
            // Another file in its place holding the same bytes (a backup
            // or a sync tool putting a copy of it there): nothing is lost,
            // and nothing to look at twice at the next start.
            if fs::metadata(&self.path).is_ok_and(|m| m.len() == self.len)
                && fs::read(&self.path).is_ok_and(|b| b == bytes)
            {
                return None;
            }
            Some(keep(&self.path, "journal", JOURNAL_SUFFIX, &bytes))
        }
        #[cfg(not(unix))]
        None
    }
}

/// Before the journal at `path` (open as `file`, `existed` before it was
/// opened) is read: takes back into it, when it is empty, a journal a run
/// kept because it could not be put back ([`Journal::rescue_if_lost`]), or
/// one a write-back left half done; names those it cannot take back. A
/// journal with steps of its own is never written into: merging two is the
/// user's to decide.
pub(super) fn take_back_journal(path: &Path, file: &mut File, notices: &mut Vec<String>) {
    let mut kept = found(path, JOURNAL_SUFFIX);
    // A write-back cut short by a kill before its link: a whole copy (it
    // is synced before the link). After the link it is the journal itself.
    let half_done = writing_back(path);
    if let (Ok(left), Ok(journal)) = (fs::metadata(&half_done), fs::metadata(path)) {
        #[cfg(unix)]
        let same = {
            use std::os::unix::fs::MetadataExt;
            (left.dev(), left.ino()) == (journal.dev(), journal.ino())
        };
        #[cfg(not(unix))]
        let same = false;
        if same {
            let _ = fs::remove_file(&half_done);
        } else if left.is_file() {
            kept.insert(0, half_done);
        }
    }
    // One a kill stopped while it was written: maybe not whole, so never
    // taken back, only named.
    for left in left_half_written(path) {
        notices.push(half_written_note(&left, path));
    }
    for kept_path in kept {
        let empty = file.metadata().is_ok_and(|m| m.len() == 0);
        let bytes = if empty {
            fs::read(&kept_path).ok()
        } else {
            None
        };
        match bytes {
            Some(bytes) => {
                // Read from the start next, as the journal is.
                let written = file
                    .write_all(&bytes)
                    .and_then(|()| file.sync_all())
                    .and_then(|()| file.seek(io::SeekFrom::Start(0)).map(drop));
                match written {
                    Ok(()) => {
                        let _ = fs::remove_file(&kept_path);
                        if let Some(dir) = kept_path.parent() {
                            sync_dir(dir);
                        }
                        notices.push(format!(
                            "Took back the journal kept in {} when a run ended without putting it back ({} lines)",
                            shown_path(&kept_path),
                            bytes.iter().filter(|&&b| b == b'\n').count()
                        ));
                    }
                    Err(e) => notices.push(format!(
                        "{}: a journal kept when a run ended; it cannot be taken back into {} ({e}), so it was left as it is",
                        shown_path(&kept_path),
                        shown_path(path)
                    )),
                }
            }
            None => notices.push(format!(
                "{}: a journal kept when a run ended without putting it back; {} has steps of its own, so it was left as it is: with invitriage closed, look at both, and keep the one you want as {}",
                shown_path(&kept_path),
                shown_path(path),
                shown_path(path)
            )),
        }
    }
}
