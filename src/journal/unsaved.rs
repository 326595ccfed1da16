//! Unsaved drafts and the check pad's note: the files under `unsaved/`
//! beside the journal that keep the user's words before they are saved
//! (see "Unsaved drafts" in the journal's docs).

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::invitation::InvitationId;
use crate::text::{as_sent, shown_path};

use super::{
    CHECK_PAD_FILE_NAME, DraftKind, FORMAT_VERSION, Journal, JournalError, TEMP_PREFIX,
    UNSAVED_DIR_NAME, Unsaved, io_error, kind_of_special, later_than, other_version, write_whole,
};

/// How the names of check pad notes kept in the temporary folder end
/// ([`Journal::rescue_check_note`]).
const PAD_SUFFIX: &str = ".pad.txt";

impl Unsaved {
    pub(super) fn file_name(id: InvitationId, kind: DraftKind) -> String {
        format!("{id}.{}.json", kind.label())
    }
}

/// How the name of a file an editor edits a draft in starts
/// (`editing.<id>.<kind>.`); it ends in random letters and `.txt`.
const EDITING_PREFIX: &str = "editing.";

/// How the name of the file an editor edits the check pad's note in
/// starts; it ends in random letters and `.txt`, as a draft's does.
const EDITING_CHECK_PAD_PREFIX: &str = "editing.check-pad.";

/// Where an editor's file taken back is kept: beside it, as `….txt.taken`.
/// Its being there tells a file the editor wrote again later from the one
/// taken back.
fn taken_copy(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".taken");
    path.with_file_name(name)
}

/// Moves an editor's file taken back to [`taken_copy`] (removed when it
/// cannot be moved). The copy's time is set to now: its age, which
/// [`Journal::clear_copies`] goes by, counts from when it was taken back,
/// not from when the editor last wrote it (perhaps long before).
fn set_aside(path: &Path, taken: &Path) {
    if fs::rename(path, taken).is_err() {
        let _ = fs::remove_file(path);
        return;
    }
    let _ = File::options()
        .write(true)
        .open(taken)
        .and_then(|f| f.set_modified(std::time::SystemTime::now()));
}

/// How long a copy kept beside an editor's file (`.taken`, `.before`) is
/// kept at least: a month, for the user to look at it where a notice or
/// the status line named it.
const COPY_KEPT_FOR: Duration = Duration::from_secs(30 * 24 * 60 * 60);

/// What a copy kept beside an editor's file was for.
enum CopyOf {
    Draft(InvitationId, DraftKind),
    CheckPad,
}

/// The draft (or the check pad's note) a copy beside an editor's file is
/// for, from its name: `editing.….txt` with `.taken` (the editor's file
/// taken back) or `.before` (the words before an editor that failed, see
/// `editor::edit`). `None` for any other file.
fn copy_of(name: &str) -> Option<CopyOf> {
    let editors = name
        .strip_suffix(".taken")
        .or_else(|| name.strip_suffix(".before"))?;
    if editing_check_pad(editors) {
        return Some(CopyOf::CheckPad);
    }
    editing_draft(editors).map(|(id, kind)| CopyOf::Draft(id, kind))
}

/// The draft an editor's file is for, from its name.
fn editing_draft(name: &str) -> Option<(InvitationId, DraftKind)> {
    let rest = name.strip_prefix(EDITING_PREFIX)?.strip_suffix(".txt")?;
    let mut parts = rest.split('.');
    let id = parts.next()?.parse().ok()?;
    let kind = match parts.next()? {
        "reply" => DraftKind::Reply,
        "thank-you" => DraftKind::ThankYou,
        _ => return None,
    };
    Some((id, kind))
}

/// Whether `name` is that of a file an editor edits the check pad's note
/// in (`editing.check-pad.<random>.txt`).
fn editing_check_pad(name: &str) -> bool {
    name.strip_prefix(EDITING_CHECK_PAD_PREFIX)
        .and_then(|rest| rest.strip_suffix(".txt"))
        .is_some_and(|random| !random.is_empty() && !random.contains('.'))
}

/// What an editor's file left by a run that ended while it was open
/// holds: its text, with the line end `editor::edit` added taken off, and
/// when it was last written.
struct EditorFile {
    text: String,
    modified: Option<std::time::SystemTime>,
}

/// The unsaved draft in the file at `path`, or why it cannot be read.
fn read_unsaved_file(path: &Path) -> Result<Unsaved, String> {
    fs::read(path)
        .map_err(|e| e.to_string())
        .and_then(|b| serde_json::from_slice::<UnsavedFile>(&b).map_err(|e| e.to_string()))
        .and_then(|f| match f.v {
            FORMAT_VERSION => Ok(f.draft),
            v => Err(other_version(&v.into())),
        })
}

fn format_version() -> u32 {
    FORMAT_VERSION
}

/// An unsaved draft as its file holds it: with the format version, as
/// every journal line has.
#[derive(Serialize, Deserialize)]
struct UnsavedFile {
    /// Absent in the files of the first builds that kept unsaved drafts
    /// (they wrote this format without saying so): version 1.
    #[serde(default = "format_version")]
    v: u32,
    #[serde(flatten)]
    draft: Unsaved,
}

impl Journal {
    /// The folder of unsaved drafts: `<dir>/unsaved`.
    pub fn unsaved_dir(&self) -> PathBuf {
        self.path.with_file_name(UNSAVED_DIR_NAME)
    }

    /// Where an editor edits the draft of that kind for `id`: the folder
    /// of unsaved drafts and the start of the file's name. Killed while
    /// the editor is open (`kill -9`, a crash: no last words), a run
    /// leaves the file there, and the next start takes back what the
    /// editor saved in it ([`Journal::open`]).
    pub fn editing_file(&self, id: InvitationId, kind: DraftKind) -> (PathBuf, String) {
        (
            self.unsaved_dir(),
            format!("{EDITING_PREFIX}{id}.{}.", kind.label()),
        )
    }

    /// [`Journal::editing_file`] for the check pad's note: in the folder
    /// that keeps the note, so that the next start takes back what an
    /// editor left open by a killed run saved, as the pad's note.
    pub fn check_pad_editing_file(&self) -> (PathBuf, String) {
        (self.unsaved_dir(), EDITING_CHECK_PAD_PREFIX.to_string())
    }

    /// Reads the unsaved drafts left by an earlier run, and (writable) takes
    /// back those it kept in the temporary folder. A file that cannot be
    /// read or parsed is left where it is, with a notice.
    pub(super) fn read_unsaved(&mut self, notices: &mut Vec<String>) {
        self.read_unsaved_folder(notices);
        // After the folder's: a newer draft there wins over a rescued one.
        if self.file.is_some() {
            self.take_back_rescued(notices);
            self.take_back_rescued_pad(notices);
        }
    }

    fn read_unsaved_folder(&mut self, notices: &mut Vec<String>) {
        let dir = self.unsaved_dir();
        let Ok(entries) = fs::read_dir(&dir) else {
            return; // none yet
        };
        let mut editing = Vec::new();
        let mut pad_editing = Vec::new();
        let mut copies = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            if editing_check_pad(&entry.file_name().to_string_lossy()) {
                pad_editing.push(path);
                continue;
            }
            if let Some(draft) = editing_draft(&entry.file_name().to_string_lossy()) {
                editing.push((path, draft));
                continue;
            }
            if let Some(of) = copy_of(&entry.file_name().to_string_lossy()) {
                copies.push((path, of));
                continue;
            }
            // A temporary file a kill left before its rename: only this
            // process (it holds the lock) writes here, so none is in use.
            // A reader leaves it (it may be a write in progress), and it is
            // no draft, though named after one.
            if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
                if self.file.is_some() {
                    let _ = fs::remove_file(&path);
                }
                continue;
            }
            // Reading a named pipe would wait for a writer for ever (a
            // directory only fails to read, as said below).
            if let Ok(meta) = fs::metadata(&path)
                && !meta.is_file()
                && !meta.is_dir()
            {
                if entry.file_name() == CHECK_PAD_FILE_NAME
                    || path.extension().is_some_and(|e| e == "json")
                {
                    notices.push(format!(
                        "{}: {}, not a file, so not read; left it as it is",
                        shown_path(&path),
                        kind_of_special(&meta.file_type())
                    ));
                    self.unreadable.insert(path);
                }
                continue;
            }
            if entry.file_name() == CHECK_PAD_FILE_NAME {
                match fs::read(&path) {
                    Ok(bytes) => {
                        let text = String::from_utf8_lossy(&bytes);
                        if let std::borrow::Cow::Owned(_) = text {
                            notices.push(format!(
                                "{}: the check pad's note is not all UTF-8 text; \
                                 the bytes that are not show as \u{fffd}",
                                shown_path(&path)
                            ));
                        }
                        self.check_note = Some(text.into_owned());
                    }
                    Err(e) => {
                        notices.push(format!(
                            "{}: the check pad's note cannot be read ({e}); left it as it is",
                            shown_path(&path)
                        ));
                        self.unreadable.insert(path);
                    }
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let read = read_unsaved_file(&path);
            match read {
                // Left by a save that could not remove it.
                Ok(u) if self.superseded(&u) => {
                    if self.file.is_some() {
                        let _ = fs::remove_file(&path);
                    }
                }
                Ok(u) => {
                    self.unsaved.insert((u.id, u.kind), u);
                }
                Err(why) => {
                    notices.push(format!(
                        "{}: an unsaved draft that cannot be read ({why}); left it as it is",
                        shown_path(&path)
                    ));
                    self.unreadable.insert(path);
                }
            }
        }
        // Before the editor's files are taken back: a copy made now is
        // not among them.
        self.clear_copies(copies);
        self.take_back_editing(editing, notices);
        self.take_back_pad_editing(pad_editing, notices);
    }

    /// Removes the copies kept beside editors' files (`.taken`, `.before`)
    /// that are done with, so they do not pile up: a copy goes once it is
    /// a month old ([`COPY_KEPT_FOR`]), the editor's file it was kept
    /// beside is gone (a `.taken` beside an editor's file written again
    /// tells that file from one to take back), and the draft it was for is
    /// no longer being written (saved or discarded since: no unsaved draft
    /// of it is on disk), or the one being written holds the copy's words;
    /// for the check pad's, the same of the pad's note. A copy of an open
    /// draft with other words is kept, however old, and so is one whose
    /// draft's file cannot be read. Only the run that holds the lock
    /// removes them.
    fn clear_copies(&self, copies: Vec<(PathBuf, CopyOf)>) {
        if self.file.is_none() {
            return;
        }
        let dir = self.unsaved_dir();
        for (path, of) in copies {
            let old = fs::symlink_metadata(&path)
                .ok()
                .filter(fs::Metadata::is_file)
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age >= COPY_KEPT_FOR);
            // `editing.….txt.taken` without `.taken`.
            let editors = path.with_extension("");
            if !old || fs::symlink_metadata(&editors).is_ok() {
                continue;
            }
            let words = fs::read(&path)
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok());
            let same = |kept: &str| {
                words
                    .as_deref()
                    .is_some_and(|w| as_sent(w) == as_sent(kept))
            };
            // Not read (another version, unreadable): it may be open.
            let gone = |name: &str| fs::symlink_metadata(dir.join(name)).is_err();
            let done = match of {
                CopyOf::Draft(id, kind) => match self.unsaved(id, kind) {
                    Some(open) => same(&open.text),
                    None => gone(&Unsaved::file_name(id, kind)),
                },
                CopyOf::CheckPad => match self.check_note() {
                    Some(note) => same(note),
                    None => gone(CHECK_PAD_FILE_NAME),
                },
            };
            if done {
                let _ = fs::remove_file(&path);
            }
        }
    }

    /// Reads an editor's file left by a run that ended while it was open,
    /// for [`Journal::take_back_editing`] and
    /// [`Journal::take_back_pad_editing`]; `what` it held (`a reply`, `the
    /// check pad's note`) and where its words are kept (`the draft`, `the
    /// pad's note`) are for the notices. `None`, with a notice, for a
    /// file to leave as it is: taken back once already (its `.taken` copy
    /// beside it), not a plain file, unreadable, being written now, or not
    /// UTF-8.
    fn read_editor_file(
        path: &Path,
        (what, kept_as): (&str, &str),
        notices: &mut Vec<String>,
    ) -> Option<EditorFile> {
        // Taken back once already (its copy kept beside it, below): an
        // editor the killed run left open has written it again since,
        // perhaps only a part of the words. Not taken twice.
        if taken_copy(path).exists() {
            notices.push(format!(
                "{}: written by an editor after this file was taken back once (an editor left open when a run was killed?); left it as it is: compare it with {kept_as}, then remove it",
                shown_path(path)
            ));
            return None;
        }
        // Reading a named pipe would wait for a writer for ever (a
        // directory only fails to read, as said below).
        if let Ok(meta) = fs::metadata(path)
            && !meta.is_file()
            && !meta.is_dir()
        {
            notices.push(format!(
                "{}: {}, not a file, so not read; left it as it is",
                shown_path(path),
                kind_of_special(&meta.file_type())
            ));
            return None;
        }
        let modified = || fs::metadata(path).and_then(|m| m.modified()).ok();
        let before = modified();
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                notices.push(format!(
                    "{}: an editor's file from a run that ended while it was open, which cannot be read ({e}); left it as it is",
                    shown_path(path)
                ));
                return None;
            }
        };
        // An editor the killed run left open may be writing it now
        // (truncated, then written): read at another start.
        let busy = before != modified()
            || before.is_some_and(|t| t.elapsed().is_ok_and(|e| e < Duration::from_secs(2)));
        if busy {
            notices.push(format!(
                "{}: an editor's file being written now (an editor left open when a run was killed?); left it for the next start",
                shown_path(path)
            ));
            return None;
        }
        let Ok(text) = std::str::from_utf8(&bytes) else {
            notices.push(format!(
                "{}: what your editor last saved for {what}, before a run ended while it was open, is not UTF-8 text; left it as it is: open it in your editor and copy the words into {kept_as}",
                shown_path(path),
            ));
            return None;
        };
        // The file ends with a line end the draft did not have (see
        // `editor::edit`).
        let text = text.strip_suffix('\n').unwrap_or(text);
        let text = text.strip_suffix('\r').unwrap_or(text).to_string();
        Some(EditorFile {
            text,
            modified: before,
        })
    }

    /// Takes back the files an editor edited the check pad's note in, left
    /// open when a run was killed (see [`Journal::check_pad_editing_file`]),
    /// as [`Journal::take_back_editing`] takes back a draft's: what the
    /// editor last saved becomes the pad's note, unless the note holds the
    /// same words, or was written after the file (words kept since, which
    /// the file would undo: left, with a notice). Oldest first, so that of
    /// two the newer is the note.
    fn take_back_pad_editing(&mut self, mut files: Vec<PathBuf>, notices: &mut Vec<String>) {
        if self.file.is_none() || files.is_empty() {
            return;
        }
        let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
        files.sort_by_key(|p| (modified(p), p.clone()));
        let note = self.unsaved_dir().join(CHECK_PAD_FILE_NAME);
        let mut note_at = self.check_note.as_ref().and_then(|_| modified(&note));
        for path in files {
            let Some(file) =
                Self::read_editor_file(&path, ("the check pad's note", "the pad's note"), notices)
            else {
                continue;
            };
            let taken = taken_copy(&path);
            // As the pad takes an editor's text (see `App::apply_check`).
            let text = crate::text::clean_draft(&file.text);
            let text = text.strip_suffix('\n').unwrap_or(&text);
            if text.trim().is_empty() || self.check_note() == Some(text) {
                set_aside(&path, &taken);
                continue;
            }
            if note_at
                .zip(file.modified)
                .is_some_and(|(note, file)| note > file)
            {
                notices.push(format!(
                    "{}: what an editor saved for the check pad's note, older than the note kept since; left it as it is (remove it once you have looked)",
                    shown_path(&path)
                ));
                continue;
            }
            match self.keep_check_note(text) {
                Ok(()) => {
                    set_aside(&path, &taken);
                    note_at = file.modified;
                    notices.push(format!(
                        "A run ended while your editor was open: what it last saved of your check pad's note is the pad's note now (taken from {}, kept beside it as .taken)",
                        shown_path(&path)
                    ));
                }
                Err(e) => notices.push(format!(
                    "{}: what your editor last saved for the check pad's note, before the last run ended, cannot be kept as the pad's note ({e}); left it as it is",
                    shown_path(&path)
                )),
            }
        }
    }

    /// Takes back the files an editor left, open when a run was killed
    /// (see [`Journal::editing_file`]): what the editor last saved becomes
    /// the draft's unsaved one, unless that, or the saved draft, holds the
    /// same words already; then the file goes. A reader leaves them, and so
    /// does the owner, with a notice, when the words kept since are newer
    /// than the file (an editor left open by the killed run may have
    /// written it again later, from older words), or when it is not UTF-8
    /// text (an editor's other encoding is read rightly only by the
    /// composer: the file is there to open in the editor).
    fn take_back_editing(
        &mut self,
        editing: Vec<(PathBuf, (InvitationId, DraftKind))>,
        notices: &mut Vec<String>,
    ) {
        if self.file.is_none() {
            return;
        }
        for (path, (id, kind)) in editing {
            let what = format!("a {}", kind.label());
            let Some(EditorFile {
                text,
                modified: before,
            }) = Self::read_editor_file(&path, (&what, "the draft"), notices)
            else {
                continue;
            };
            let taken = taken_copy(&path);
            let same = self.unsaved(id, kind).is_some_and(|u| u.text == text)
                || self
                    .entries
                    .get(&id)
                    .and_then(|e| e.draft(kind))
                    .is_some_and(|saved| saved.text == as_sent(&text));
            if same || text.trim().is_empty() {
                set_aside(&path, &taken);
                continue;
            }
            let at = before.map_or_else(
                || chrono::Local::now().naive_local(),
                |t| chrono::DateTime::<chrono::Local>::from(t).naive_local(),
            );
            let newer_kept = self.unsaved(id, kind).map(|u| u.at).into_iter().chain(
                self.entries
                    .get(&id)
                    .and_then(|e| e.draft(kind))
                    .map(|d| d.at),
            );
            // Compared as instants: local clock times go back once a year.
            let instant = |t: chrono::NaiveDateTime| {
                t.and_local_timezone(chrono::Local)
                    .earliest()
                    .map(std::time::SystemTime::from)
            };
            let newer = |kept| match (instant(kept), before) {
                (Some(kept), Some(file)) => kept > file,
                _ => kept > at,
            };
            if newer_kept.into_iter().any(newer) {
                notices.push(format!(
                    "{}: what an editor saved for a {}, older than the words kept for it since; left it as it is (remove it once you have looked)",
                    shown_path(&path),
                    kind.label()
                ));
                continue;
            }
            let (name, sent) = self
                .unsaved(id, kind)
                .map(|u| (u.name.clone(), u.sent))
                .unwrap_or_default();
            let draft = Unsaved {
                id,
                kind,
                name,
                at,
                text,
                cursor: None,
                sent,
            };
            match self.keep_unsaved(draft) {
                Ok(()) => {
                    set_aside(&path, &taken);
                    notices.push(format!(
                        "A run ended while your editor was open: what it last saved of your {} is kept as an unsaved draft (taken from {}, kept beside it as .taken)",
                        kind.label(),
                        shown_path(&path)
                    ));
                }
                Err(e) => notices.push(format!(
                    "{}: what your editor last saved for a {}, before the last run ended, cannot be kept as an unsaved draft ({e}); left it as it is",
                    shown_path(&path),
                    kind.label()
                )),
            }
        }
    }

    /// Whether the draft saved in the journal holds `u`'s words, as saved:
    /// then `u` is a copy a save could not remove, and nothing is lost
    /// without it.
    ///
    /// Not whether the saved draft is newer: the two times are the local
    /// clock's, which goes back (a flight west, the end of summer time),
    /// and an edit made after that would be thrown away. An older unsaved
    /// draft is offered again instead, and Esc, y leaves the saved one.
    fn superseded(&self, u: &Unsaved) -> bool {
        self.entries
            .get(&u.id)
            .and_then(|e| e.draft(u.kind))
            .is_some_and(|saved| saved.text == as_sent(&u.text))
    }

    /// The unsaved draft of that kind for `id`, if one is on disk.
    pub fn unsaved(&self, id: InvitationId, kind: DraftKind) -> Option<&Unsaved> {
        self.unsaved.get(&(id, kind))
    }

    /// The newest `Sent At` of an unsaved draft for `id` written on a later
    /// invitation than the one sent at `sent_at` (see [`later_than`]).
    pub(super) fn unsaved_later(
        &self,
        id: InvitationId,
        sent_at: NaiveDateTime,
    ) -> Option<NaiveDateTime> {
        if self.unsaved.is_empty() {
            return None;
        }
        DraftKind::ALL
            .iter()
            .filter_map(|&kind| self.unsaved.get(&(id, kind))?.sent)
            .filter(|&sent| later_than(Some(sent), sent_at))
            .max()
    }

    /// The `Sent At` an unsaved draft for `id` keeps (of either kind), for
    /// matching it to its invitation when a profile URL changed (see
    /// [`Journal::adopt_ids`]).
    pub(super) fn unsaved_sent(&self, id: InvitationId) -> Option<NaiveDateTime> {
        if self.unsaved.is_empty() {
            return None;
        }
        DraftKind::ALL
            .iter()
            .find_map(|&kind| self.unsaved.get(&(id, kind))?.sent)
    }

    /// The names the unsaved drafts for `id` keep (of either kind).
    pub(super) fn unsaved_names(&self, id: InvitationId) -> impl Iterator<Item = &str> + '_ {
        DraftKind::ALL
            .iter()
            .filter_map(move |&kind| self.unsaved.get(&(id, kind)))
            .map(|u| u.name.as_str())
    }

    /// Whether an unsaved draft for `id` is on disk (of either kind).
    pub fn has_unsaved(&self, id: InvitationId) -> bool {
        !self.unsaved.is_empty()
            && DraftKind::ALL
                .iter()
                .any(|&kind| self.unsaved.contains_key(&(id, kind)))
    }

    /// Puts the unsaved drafts kept under `from`, an id set aside for
    /// `to` (see [`Journal::adopt_ids`]), under `to`, where the
    /// invitation is read and its draft will be saved: under `from` the
    /// composer would not offer them and every count would call them not
    /// in this export. On disk too when writable, so that an undo of the
    /// step that set `from` aside, on a later start, leaves them with the
    /// invitation. One of that kind under `to` already is left as it is,
    /// and so is one that cannot be written again (it stays set aside).
    pub(super) fn carry_unsaved(&mut self, from: InvitationId, to: InvitationId) {
        if self.unsaved.is_empty() {
            return;
        }
        for kind in DraftKind::ALL {
            if self.unsaved.contains_key(&(to, kind)) {
                continue;
            }
            let Some(mut u) = self.unsaved.get(&(from, kind)).cloned() else {
                continue;
            };
            u.id = to;
            if self.file.is_none() {
                self.unsaved.remove(&(from, kind));
                self.unsaved.insert((to, kind), u);
            } else if self.keep_unsaved(u).is_ok() {
                // Not removed: the next start finds both, and this same
                // carrying leaves the one under `from` set aside.
                let _ = self.forget_unsaved(from, kind);
            }
        }
    }

    /// Every unsaved draft on disk, in no particular order.
    pub fn unsaved_drafts(&self) -> impl Iterator<Item = &Unsaved> + '_ {
        self.unsaved.values()
    }

    /// Keeps `draft` on disk in place of the earlier unsaved draft of its
    /// invitation and kind: written whole to a temporary file, then renamed.
    pub fn keep_unsaved(&mut self, draft: Unsaved) -> Result<(), JournalError> {
        if self.file.is_none() {
            return Err(JournalError::ReadOnly {
                path: self.path.clone(),
            });
        }
        // The data folder deleted while open: the journal first, with its
        // lock, so that the folder made again below is not left unlocked.
        let _ = self.write_back_if_deleted();
        let dir = self.unsaved_dir();
        fs::create_dir_all(&dir).map_err(io_error("create", &dir))?;
        let path = dir.join(Unsaved::file_name(draft.id, draft.kind));
        self.refuse_unreadable(&path)?;
        let file = UnsavedFile {
            v: FORMAT_VERSION,
            draft,
        };
        let bytes = serde_json::to_vec(&file).map_err(io::Error::from);
        bytes
            .and_then(|bytes| write_whole(&dir, &path, &bytes))
            .map_err(io_error("keep the unsaved draft in", &path))?;
        let draft = file.draft;
        // Written over: the discarded words are gone from the disk.
        self.unremoved.remove(&(draft.id, draft.kind));
        self.unsaved.insert((draft.id, draft.kind), draft);
        Ok(())
    }

    /// Keeps `draft` in the system's temporary folder, for when the data
    /// folder cannot take it as a run ends (a full disk, a folder made
    /// read-only) and the terminal, where its words are printed too, may be
    /// gone (a hang-up). The next start on this data folder takes it back
    /// ([`Journal::open`]). A name of its own each time (the process and
    /// the time), created afresh: the folder is everyone's.
    pub fn rescue_unsaved(&self, draft: &Unsaved) -> io::Result<PathBuf> {
        let bytes = serde_json::to_vec(&UnsavedFile {
            v: FORMAT_VERSION,
            draft: draft.clone(),
        })?;
        let what = format!("{}.{}", draft.id, draft.kind.label());
        super::rescue::keep(&self.path, &what, ".json", &bytes)
    }

    /// Writes again the unsaved drafts whose files went while the run was
    /// open (their folder deleted), or, when the data folder cannot take
    /// them, keeps them in the temporary folder ([`Journal::rescue_unsaved`]).
    /// For the end of a run: what to say of each not back in its place,
    /// but `open`'s (the composer's), which its caller says.
    pub fn keep_lost_unsaved(&mut self, open: Option<(InvitationId, DraftKind)>) -> Vec<String> {
        let dir = self.unsaved_dir();
        let mut lost: Vec<Unsaved> = self
            .unsaved
            .values()
            .filter(|u| !dir.join(Unsaved::file_name(u.id, u.kind)).exists())
            .cloned()
            .collect();
        lost.sort_by_key(|u| u.at);
        let mut words = Vec::new();
        for u in lost {
            let (id, kind) = (u.id, u.kind);
            let what = format!(
                "your unsaved {} to {}",
                kind.label(),
                crate::text::one_line(&u.name)
            );
            let Err(e) = self
                .keep_unsaved(u.clone())
                .and_then(|()| self.sync_unsaved(id, kind))
            else {
                continue;
            };
            if open == Some((id, kind)) {
                continue;
            }
            words.push(match self.rescue_unsaved(&u) {
                Ok(kept) => format!(
                    "warning: {what} went with its folder, and cannot be kept there again ({e}): kept in {} instead, which the next start takes back",
                    shown_path(&kept)
                ),
                Err(again) => format!(
                    "warning: {what} went with its folder, and cannot be kept there again ({e}) nor in the temporary folder ({again}); here it is:\n{}",
                    u.text
                ),
            });
        }
        words
    }

    /// Takes back the drafts [`Journal::rescue_unsaved`] kept for this data
    /// folder: each becomes an unsaved draft again (the start then offers
    /// it), unless one of its invitation and kind is here already, newer
    /// or as new; its file is then left, and named.
    fn take_back_rescued(&mut self, notices: &mut Vec<String>) {
        let found = super::rescue::found(&self.path, ".json");
        for path in found {
            let read = read_unsaved_file(&path);
            let draft = match read {
                Ok(draft) => draft,
                Err(why) => {
                    notices.push(format!(
                        "{}: a draft kept when a run ended, which cannot be read ({why}); left it as it is",
                        shown_path(&path)
                    ));
                    continue;
                }
            };
            // Saved since (on a later run, the disk mended).
            if self.superseded(&draft) {
                let _ = fs::remove_file(&path);
                continue;
            }
            let what = format!(
                "{} to {}",
                draft.kind.label(),
                crate::text::one_line(&draft.name)
            );
            if self
                .unsaved
                .get(&(draft.id, draft.kind))
                .is_some_and(|u| u.at >= draft.at)
            {
                notices.push(format!(
                    "{}: your {what}, kept there when a run ended and the data folder could not take it; a newer unsaved {} is here, so it was left as it is: compare them, then remove it",
                    shown_path(&path),
                    draft.kind.label()
                ));
                continue;
            }
            match self.keep_unsaved(draft) {
                Ok(()) => {
                    let _ = fs::remove_file(&path);
                    notices.push(format!(
                        "Took back your unsaved {what} from {}, where it was kept when the last run ended and the data folder could not take it",
                        shown_path(&path)
                    ));
                }
                Err(e) => notices.push(format!(
                    "{}: your unsaved {what}, kept there when a run ended; it cannot come back yet ({e}), so it was left as it is",
                    shown_path(&path)
                )),
            }
        }
    }

    /// Keeps the check pad's note in the temporary folder, for a run ending
    /// when the data folder cannot take it (a full disk): the next start
    /// takes it back ([`Journal::take_back_rescued_pad`]).
    pub fn rescue_check_note(&self, text: &str) -> io::Result<PathBuf> {
        let kept = super::rescue::keep(&self.path, "check-pad", PAD_SUFFIX, text.as_bytes())?;
        // One copy: those kept before hold older words.
        self.forget_rescued_pads(Some(&kept));
        Ok(kept)
    }

    /// Removes the check pad notes kept in the temporary folder for this
    /// data folder, but `keep`: the pad cleared, or kept again since.
    fn forget_rescued_pads(&self, keep: Option<&Path>) {
        for path in super::rescue::found(&self.path, PAD_SUFFIX) {
            if Some(path.as_path()) != keep {
                let _ = fs::remove_file(path);
            }
        }
    }

    /// Takes back the newest check pad note [`Journal::rescue_check_note`]
    /// kept for this data folder, unless the pad's own file was written
    /// since (its note is then newer): that one is left, and named. Older
    /// ones kept go.
    fn take_back_rescued_pad(&mut self, notices: &mut Vec<String>) {
        let mut found = super::rescue::found(&self.path, PAD_SUFFIX);
        let Some(newest) = found.pop() else {
            return;
        };
        let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
        let kept = match fs::read(&newest) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                notices.push(format!(
                    "{}: the check pad's note kept when a run ended, which cannot be read ({e}); left it as it is",
                    shown_path(&newest)
                ));
                return;
            }
        };
        let pad = self.unsaved_dir().join(CHECK_PAD_FILE_NAME);
        if self.check_note() != Some(kept.as_str())
            && modified(&pad).is_some_and(|at| modified(&newest).is_none_or(|k| at > k))
        {
            notices.push(format!(
                "{}: the check pad's note, kept there when a run ended and the data folder could not take it; the pad holds a note written since, so it was left as it is: compare them, then remove it",
                shown_path(&newest)
            ));
            return;
        }
        match self
            .keep_check_note(&kept)
            .and_then(|()| self.sync_check_note())
        {
            Ok(()) => {
                for path in found.iter().chain([&newest]) {
                    let _ = fs::remove_file(path);
                }
                notices.push(format!(
                    "Took back the check pad's note from {}, where it was kept when the last run ended and the data folder could not take it",
                    shown_path(&newest)
                ));
            }
            Err(e) => {
                // Shown all the same: the pad opens on it, and quitting
                // keeps trying to put it on disk.
                self.check_note = Some(kept);
                self.rescued_pad_left = true;
                notices.push(format!(
                    "{}: the check pad's note, kept there when a run ended; it cannot go back in the data folder yet ({e}), so the file was left as it is",
                    shown_path(&newest)
                ));
            }
        }
    }

    /// Fails for a file of the unsaved folder that was there but could not
    /// be read on open: what it holds may still be worth something.
    fn refuse_unreadable(&self, path: &Path) -> Result<(), JournalError> {
        if self.unreadable.contains(path) {
            return Err(JournalError::Io {
                action: "write over",
                path: path.to_path_buf(),
                source: io::Error::other("it could not be read when invitriage started"),
            });
        }
        Ok(())
    }

    /// Makes the unsaved draft of that kind for `id` durable: its file and
    /// the folder's entry for it fsync'd (they are not on every key). For a
    /// caller about to say the draft is kept.
    pub fn sync_unsaved(&self, id: InvitationId, kind: DraftKind) -> Result<(), JournalError> {
        self.sync_in_unsaved(&Unsaved::file_name(id, kind))
    }

    /// [`Journal::sync_unsaved`] for the check pad's note.
    pub fn sync_check_note(&self) -> Result<(), JournalError> {
        self.sync_in_unsaved(CHECK_PAD_FILE_NAME)
    }

    fn sync_in_unsaved(&self, name: &str) -> Result<(), JournalError> {
        let dir = self.unsaved_dir();
        let path = dir.join(name);
        // Opened for writing: Windows flushes only a handle that may write.
        OpenOptions::new()
            .write(true)
            .open(&path)
            .and_then(|f| f.sync_all())
            .map_err(io_error("write to disk", &path))?;
        #[cfg(unix)]
        File::open(&dir)
            .and_then(|d| d.sync_all())
            .map_err(io_error("write to disk the folder", &dir))?;
        Ok(())
    }

    /// The note left in the check pad by this run or an earlier one.
    pub fn check_note(&self) -> Option<&str> {
        self.check_note.as_deref()
    }

    /// Keeps the check pad's note on disk, like an unsaved draft, so that
    /// it outlives the pad, a closed terminal and a restart; an empty note
    /// removes the file.
    pub fn keep_check_note(&mut self, text: &str) -> Result<(), JournalError> {
        if self.check_note() == Some(text) || (text.is_empty() && self.check_note.is_none()) {
            return Ok(());
        }
        if self.file.is_none() {
            return Err(JournalError::ReadOnly {
                path: self.path.clone(),
            });
        }
        let dir = self.unsaved_dir();
        let path = dir.join(CHECK_PAD_FILE_NAME);
        self.refuse_unreadable(&path)?;
        if text.is_empty() {
            // Cleared: a copy kept when a run ended would bring it back,
            // even when the pad's own file cannot go.
            self.forget_rescued_pads(None);
            self.rescued_pad_left = false;
            match fs::remove_file(&path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => {
                    return Err(io_error("remove the check pad's note", &path)(e));
                }
                _ => {}
            }
            self.check_note = None;
            return Ok(());
        }
        fs::create_dir_all(&dir).map_err(io_error("create", &dir))?;
        write_whole(&dir, &path, text.as_bytes())
            .map_err(io_error("keep the check pad's note in", &path))?;
        // In its place now: a copy kept when an earlier run ended (which
        // this start could not put back) is older.
        if std::mem::take(&mut self.rescued_pad_left) {
            self.forget_rescued_pads(None);
        }
        self.check_note = Some(text.to_string());
        Ok(())
    }

    /// Removes the unsaved draft of that kind for `id` (saved or discarded).
    ///
    /// A file that cannot be removed is no failure once a saved draft
    /// supersedes it (the next start drops it, as [`Journal::open`] does
    /// such files); otherwise the next start would offer it again, and it
    /// is kept for [`Journal::remove_unremoved`] to try again.
    pub fn forget_unsaved(
        &mut self,
        id: InvitationId,
        kind: DraftKind,
    ) -> Result<(), JournalError> {
        let Some(draft) = self.unsaved.remove(&(id, kind)) else {
            return Ok(());
        };
        let path = self.unsaved_dir().join(Unsaved::file_name(id, kind));
        match fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound && !self.superseded(&draft) => {
                self.unremoved.insert((id, kind), draft);
                Err(io_error("remove the unsaved draft", &path)(e))
            }
            _ => Ok(()),
        }
    }

    /// Tries again to remove the files of the drafts forgotten whose
    /// removal failed; returns each one still there (which the next start
    /// would offer again), with why.
    pub fn remove_unremoved(&mut self) -> Vec<(Unsaved, JournalError)> {
        let dir = self.unsaved_dir();
        let mut left = Vec::new();
        for ((id, kind), draft) in std::mem::take(&mut self.unremoved) {
            let path = dir.join(Unsaved::file_name(id, kind));
            match fs::remove_file(&path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => {
                    self.unremoved.insert((id, kind), draft.clone());
                    left.push((draft, io_error("remove the unsaved draft", &path)(e)));
                }
                _ => {}
            }
        }
        left
    }
}
