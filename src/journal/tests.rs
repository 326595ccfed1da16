//! Unit tests of the journal: its format, durability, undo, locking and
//! the unsaved drafts beside it.

use super::*;

/// `--data-dir` naming a file: both ways of opening say what is wrong,
/// instead of the OS's "File exists" / "Not a directory".
#[test]
fn a_data_dir_that_is_a_file_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "x").unwrap();
    for err in [
        Journal::open(&file).map(|_| ()).unwrap_err(),
        Journal::open_read_only(&file).map(|_| ()).unwrap_err(),
    ] {
        let msg = err.to_string();
        assert!(
            msg.contains("notes.txt is a file, not a directory"),
            "{msg}"
        );
        assert!(msg.contains("--data-dir"), "{msg}");
    }
}

/// Runs `f` on a thread and fails the test if it has not returned within
/// ten seconds: what it opens might block for ever.
fn within_seconds<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(10))
        .expect("it returns at once, not blocked on what it opened")
}

/// Makes a named pipe at `path`; false (the test skips) where `mkfifo`
/// cannot be run.
#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

/// A journal or lock file that is a named pipe, a directory or a symlink
/// loop: opening it says what it is instead of blocking for ever on the
/// pipe, or saying "Is a directory".
#[cfg(unix)]
#[test]
fn a_journal_that_is_not_a_file_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    if !mkfifo(&dir.path().join("probe")) {
        eprintln!("mkfifo cannot be run here; skipped");
        return;
    }
    for (name, what, is) in [
        (FILE_NAME, "journal", "a named pipe (FIFO)"),
        (LOCK_FILE_NAME, "lock file", "a named pipe (FIFO)"),
    ] {
        let data = dir.path().join(format!("pipe-{what}"));
        fs::create_dir(&data).unwrap();
        assert!(mkfifo(&data.join(name)));
        let d = data.clone();
        let err = within_seconds(move || Journal::open(&d).map(|_| ()).unwrap_err().to_string());
        assert_eq!(
            err,
            format!(
                "the {what} {} is {is}, not a file; move it out of the way, or name another data directory with --data-dir or INVITRIAGE_DATA_DIR",
                data.join(name).display()
            )
        );
        if name == FILE_NAME {
            let d = data.clone();
            let err = within_seconds(move || {
                Journal::open_read_only(&d)
                    .map(|_| ())
                    .unwrap_err()
                    .to_string()
            });
            assert!(err.contains("is a named pipe (FIFO), not a file"), "{err}");
        }
    }
    // A directory in the journal's place, reached through a symlink too.
    let data = dir.path().join("folder");
    fs::create_dir_all(data.join("elsewhere")).unwrap();
    std::os::unix::fs::symlink("elsewhere", data.join(FILE_NAME)).unwrap();
    for err in [
        Journal::open(&data).map(|_| ()).unwrap_err(),
        Journal::open_read_only(&data).map(|_| ()).unwrap_err(),
    ] {
        let err = err.to_string();
        assert!(
            err.starts_with(&format!(
                "the journal {} is a directory, not a file; ",
                data.join(FILE_NAME).display()
            )),
            "{err}"
        );
    }
    // A named pipe among the unsaved drafts is left alone, not read.
    let data = dir.path().join("drafts");
    fs::create_dir_all(data.join(UNSAVED_DIR_NAME)).unwrap();
    let pipe = data
        .join(UNSAVED_DIR_NAME)
        .join("0000000000000001.reply.json");
    assert!(mkfifo(&pipe));
    let d = data.clone();
    let notices = within_seconds(move || Journal::open(&d).unwrap().1);
    assert_eq!(
        notices,
        [format!(
            "{}: a named pipe (FIFO), not a file, so not read; left it as it is",
            pipe.display()
        )]
    );
    // So is one named as an editor's file, of a draft or the check pad.
    fs::remove_file(&pipe).unwrap();
    let pipes = [
        "editing.0000000000000001.reply.Pipe00.txt",
        "editing.check-pad.Pipe00.txt",
    ]
    .map(|name| data.join(UNSAVED_DIR_NAME).join(name));
    for pipe in &pipes {
        assert!(mkfifo(pipe));
    }
    let d = data.clone();
    let mut notices = within_seconds(move || Journal::open(&d).unwrap().1);
    notices.sort();
    assert_eq!(
        notices,
        pipes.map(|pipe| format!(
            "{}: a named pipe (FIFO), not a file, so not read; left it as it is",
            pipe.display()
        ))
    );
}

/// A journal that is a symlink into a folder not there (a disk not
/// mounted) is named as such, by the screen and by `export` alike: not
/// "no journal yet", as if nothing was ever decided. A link to a journal
/// not made yet, in a folder that is there, is one to start.
#[cfg(unix)]
#[test]
fn a_journal_linked_into_a_missing_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    let target = dir.path().join("unmounted").join(FILE_NAME);
    std::os::unix::fs::symlink(&target, data.join(FILE_NAME)).unwrap();
    for err in [
        Journal::open(&data).map(|_| ()).unwrap_err(),
        Journal::open_read_only(&data).map(|_| ()).unwrap_err(),
    ] {
        assert!(matches!(err, JournalError::DanglingLink { .. }), "{err}");
        assert_eq!(
            err.to_string(),
            format!(
                "the journal {} is a link to {}, whose folder is not there (a disk or synced folder not mounted?); mount it, or remove the link to start a new journal",
                data.join(FILE_NAME).display(),
                target.display()
            )
        );
    }
    fs::create_dir(dir.path().join("unmounted")).unwrap();
    let (journal, _) = Journal::open_read_only(&data).unwrap();
    assert_eq!(journal.iter().count(), 0);
    Journal::open(&data).unwrap();
    assert!(target.exists(), "the link's journal is made");
}

/// A data directory that is a symlink loop, or a symlink to nowhere: the
/// real cause, not the "File exists" of creating it.
#[cfg(unix)]
#[test]
fn a_data_dir_behind_a_broken_symlink_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let looped = dir.path().join("dloop");
    std::os::unix::fs::symlink("dloop2", &looped).unwrap();
    std::os::unix::fs::symlink("dloop", dir.path().join("dloop2")).unwrap();
    let dangling = dir.path().join("gone");
    std::os::unix::fs::symlink("nowhere", &dangling).unwrap();
    for err in [
        Journal::open(&looped).map(|_| ()).unwrap_err(),
        Journal::open_read_only(&looped).map(|_| ()).unwrap_err(),
    ] {
        let err = err.to_string();
        assert!(
            err.starts_with(&format!(
                "cannot use the data directory {}: Too many levels of symbolic links",
                looped.display()
            )),
            "{err}"
        );
    }
    let err = Journal::open(&dangling)
        .map(|_| ())
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        format!(
            "cannot use the data directory {}: it is a symbolic link to nowhere, which does not exist",
            dangling.display()
        )
    );
}

/// A data directory that is a file: the file is named, also when the
/// journal is in a folder below it (the bundled sample's `sample/`).
#[test]
fn a_data_dir_that_is_a_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data");
    fs::write(&file, "").unwrap();
    for journal_dir in [file.clone(), file.join("sample")] {
        for err in [
            Journal::open(&journal_dir).map(|_| ()).unwrap_err(),
            Journal::open_read_only(&journal_dir)
                .map(|_| ())
                .unwrap_err(),
        ] {
            assert_eq!(
                err.to_string(),
                format!(
                    "the data directory {} is a file, not a directory; name a directory with --data-dir or INVITRIAGE_DATA_DIR",
                    file.display()
                )
            );
        }
    }
}

fn at(min: u32) -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
        .unwrap()
        .and_hms_opt(17, min, 0)
        .unwrap()
}

/// 10:00 on day `d` of month `m` of 2026.
fn date(m: u32, d: u32) -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, m, d)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap()
}

fn id(n: u64) -> InvitationId {
    InvitationId(n)
}

/// An invitation to Colleen Ruiz from `from`, with the profile URL
/// `slug` names, or (`None`) as an older export has it, without URLs.
fn to_colleen(from: &str, slug: Option<&str>, sent_at: NaiveDateTime) -> Invitation {
    use crate::invitation::{Direction, Fields};
    let inviter = slug.map(|s| format!("https://www.linkedin.com/in/{s}"));
    Invitation::new(Fields {
        from,
        to: "Colleen Ruiz",
        message: "",
        inviter_url: inviter.as_deref().unwrap_or(""),
        invitee_url: if slug.is_some() {
            "https://www.linkedin.com/in/colleen"
        } else {
            ""
        },
        sent_at,
        direction: Direction::Incoming,
        line: 2,
    })
}

fn unsaved(n: u64, kind: DraftKind, text: &str) -> Unsaved {
    Unsaved {
        id: id(n),
        kind,
        name: "Abena Reyes".into(),
        at: at(n as u32),
        text: text.into(),
        cursor: None,
        sent: None,
    }
}

/// A folder made immutable (`chattr +i`: nothing is created, removed or
/// renamed in it, by root either) for as long as this lives; `None` where
/// `chattr` cannot do it (the test then skips).
#[cfg(target_os = "linux")]
pub(super) struct Immutable(PathBuf);

#[cfg(target_os = "linux")]
impl Immutable {
    pub(super) fn new(dir: &Path) -> Option<Immutable> {
        let made = std::process::Command::new("chattr")
            .arg("+i")
            .arg(dir)
            .stderr(std::process::Stdio::null())
            .status();
        made.is_ok_and(|s| s.success())
            .then(|| Immutable(dir.to_path_buf()))
    }
}

#[cfg(target_os = "linux")]
impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .status();
    }
}

/// A draft that cannot be kept says why with the OS's words and the
/// draft's own file, not the temporary file it was being written to.
#[cfg(target_os = "linux")]
#[test]
fn an_unsaved_draft_that_cannot_be_written_names_its_own_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join(UNSAVED_DIR_NAME);
    fs::create_dir(&folder).unwrap();
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    let Some(_frozen) = Immutable::new(&folder) else {
        eprintln!("chattr +i cannot be used here; skipped");
        return;
    };
    let err = j
        .keep_unsaved(unsaved(1, DraftKind::Reply, "Hi"))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "cannot keep the unsaved draft in {}: Operation not permitted (os error 1)",
            folder.join("0000000000000001.reply.json").display()
        )
    );
    let err = j.keep_check_note("a note").unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "cannot keep the check pad's note in {}: Operation not permitted (os error 1)",
            folder.join(CHECK_PAD_FILE_NAME).display()
        )
    );
}

/// Unsaved drafts: one file per invitation and kind, replaced whole,
/// readable by the user only, read back on the next open, removed when
/// forgotten; a damaged one is named and left alone.
/// A run killed while an editor had a draft open leaves the editor's
/// file in the unsaved folder: the next start takes what the editor saved
/// back as the unsaved draft, and removes the file; one holding the words
/// kept already just goes; a reader leaves them.
#[test]
fn an_editor_s_file_left_by_a_killed_run_is_taken_back() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join(UNSAVED_DIR_NAME);
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.keep_unsaved(unsaved(1, DraftKind::Reply, "Hi Abena"))
            .unwrap();
        j.keep_unsaved(unsaved(2, DraftKind::Reply, "Hello"))
            .unwrap();
        let (edits_in, prefix) = j.editing_file(id(1), DraftKind::Reply);
        assert_eq!(edits_in, folder);
        assert_eq!(prefix, "editing.0000000000000001.reply.");
    }
    let edited = folder.join("editing.0000000000000001.reply.Xk3f9a.txt");
    fs::write(&edited, "Hi Abena,\nwhat the editor saved\n").unwrap();
    let unchanged = folder.join("editing.0000000000000002.reply.Qw81zz.txt");
    fs::write(&unchanged, "Hello\n").unwrap();
    let thanks = folder.join("editing.0000000000000003.thank-you.Pp0000.txt");
    fs::write(&thanks, "Thank you!\n").unwrap();
    let other = folder.join("editing.notes.txt");
    fs::write(&other, "not ours").unwrap();
    // Written before the unsaved draft kept since: an editor the killed
    // run left open, saving older words later on, must not undo them.
    let older = folder.join("editing.0000000000000002.reply.Old000.txt");
    fs::write(&older, "Hello from before\n").unwrap();
    set_modified(&older, 20);
    // Not UTF-8 (a Latin-1 editor): left whole, to open in the editor.
    let latin = folder.join("editing.0000000000000004.reply.Lat111.txt");
    fs::write(&latin, b"Zo\xeb\n").unwrap();
    // Saved after the drafts were kept (on the 25th), not moments ago.
    for file in [&edited, &unchanged, &thanks, &latin] {
        set_modified(file, 26);
    }
    // One written a moment ago may be being written still: left for the
    // next start.
    let busy = folder.join("editing.0000000000000005.reply.Busy00.txt");
    fs::write(&busy, "Half a sent").unwrap();

    let (r, notices) = Journal::open_read_only(dir.path()).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(r.unsaved(id(1), DraftKind::Reply).unwrap().text, "Hi Abena");
    assert!(
        edited.exists() && unchanged.exists(),
        "a reader leaves them"
    );
    drop(r);

    let (j, notices) = Journal::open(dir.path()).unwrap();
    assert_eq!(
        j.unsaved(id(1), DraftKind::Reply).unwrap().text,
        "Hi Abena,\nwhat the editor saved"
    );
    assert_eq!(
        j.unsaved(id(1), DraftKind::Reply).unwrap().name,
        "Abena Reyes"
    );
    assert_eq!(j.unsaved(id(2), DraftKind::Reply).unwrap().text, "Hello");
    assert_eq!(
        j.unsaved(id(3), DraftKind::ThankYou).unwrap().text,
        "Thank you!"
    );
    assert!(!edited.exists() && !unchanged.exists() && !thanks.exists());
    assert!(other.exists(), "not an editor's file of a draft: left");
    assert!(older.exists() && latin.exists() && busy.exists());
    assert_eq!(j.unsaved(id(4), DraftKind::Reply), None);
    assert_eq!(j.unsaved(id(5), DraftKind::Reply), None);
    assert_eq!(notices.len(), 5, "{notices:#?}");
    assert!(
        notices.iter().any(|n| n.ends_with(
            "Busy00.txt: an editor's file being written now (an editor left open when a run was killed?); left it for the next start"
        )),
        "{notices:#?}"
    );
    let taken = notices
        .iter()
        .filter(|n| {
            n.starts_with("A run ended while your editor was open: what it last saved of your ")
        })
        .count();
    assert_eq!(taken, 2, "{notices:#?}");
    assert!(
        notices.iter().any(|n| n.ends_with(
            "Old000.txt: what an editor saved for a reply, older than the words kept for it since; left it as it is (remove it once you have looked)"
        )),
        "{notices:#?}"
    );
    assert!(
        notices
            .iter()
            .any(|n| n.contains("Lat111.txt: what your editor last saved for a reply, before a run ended while it was open, is not UTF-8 text; left it as it is")),
        "{notices:#?}"
    );
    drop(j);
    fs::remove_file(&older).unwrap();
    fs::remove_file(&latin).unwrap();
    fs::remove_file(&busy).unwrap();
    // Read again, it is an unsaved draft like any other; the file taken
    // back is kept beside it.
    let (j, notices) = Journal::open(dir.path()).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(
        j.unsaved(id(1), DraftKind::Reply).unwrap().text,
        "Hi Abena,\nwhat the editor saved"
    );
    let copy = folder.join("editing.0000000000000001.reply.Xk3f9a.txt.taken");
    assert_eq!(
        fs::read_to_string(&copy).unwrap(),
        "Hi Abena,\nwhat the editor saved\n"
    );
    drop(j);
    // The editor, left open by the killed run, writes the file again (a
    // tester's appended only its last line): not taken a second time.
    fs::write(&edited, "a late line\n").unwrap();
    let (j, notices) = Journal::open(dir.path()).unwrap();
    assert_eq!(
        j.unsaved(id(1), DraftKind::Reply).unwrap().text,
        "Hi Abena,\nwhat the editor saved"
    );
    assert!(edited.exists());
    assert_eq!(notices.len(), 1, "{notices:#?}");
    assert!(
        notices[0].ends_with(
            "Xk3f9a.txt: written by an editor after this file was taken back once (an editor left open when a run was killed?); left it as it is: compare it with the draft, then remove it"
        ),
        "{}",
        notices[0]
    );
}

/// The check pad's note edited in an editor: the file is in the unsaved
/// folder, beside the note, and a run killed while the editor was open
/// leaves it there; the next start takes back what the editor saved as the
/// pad's note, as it does a draft's, unless the note was written after it.
#[test]
fn an_editor_s_file_of_the_check_pad_left_by_a_killed_run_is_taken_back() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join(UNSAVED_DIR_NAME);
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.keep_check_note("Hi Sam,\nwe met").unwrap();
        let (edits_in, prefix) = j.check_pad_editing_file();
        assert_eq!(edits_in, folder);
        assert_eq!(prefix, "editing.check-pad.");
    }
    let note = folder.join(CHECK_PAD_FILE_NAME);
    set_modified(&note, 25);
    let edited = folder.join("editing.check-pad.Xk3f9a.txt");
    fs::write(&edited, "Hi Sam,\nwe met at the forum\n").unwrap();
    set_modified(&edited, 26);
    // Written before the note kept since: older words, left.
    let older = folder.join("editing.check-pad.Old000.txt");
    fs::write(&older, "Hi Sam,\nfrom before\n").unwrap();
    set_modified(&older, 24);
    // The pad's note from before, kept by an editor that failed: no
    // editor's file (not `.txt`), left alone.
    let before = folder.join("editing.check-pad.Xk3f9a.txt.before");
    fs::write(&before, "Hi Sam,\nwe met").unwrap();

    let (r, notices) = Journal::open_read_only(dir.path()).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(r.check_note(), Some("Hi Sam,\nwe met"));
    assert!(edited.exists(), "a reader leaves it");
    drop(r);

    let (j, notices) = Journal::open(dir.path()).unwrap();
    assert_eq!(j.check_note(), Some("Hi Sam,\nwe met at the forum"));
    assert_eq!(
        fs::read_to_string(&note).unwrap(),
        "Hi Sam,\nwe met at the forum"
    );
    assert!(!edited.exists());
    assert_eq!(
        fs::read_to_string(folder.join("editing.check-pad.Xk3f9a.txt.taken")).unwrap(),
        "Hi Sam,\nwe met at the forum\n"
    );
    assert!(older.exists() && before.exists());
    assert_eq!(notices.len(), 2, "{notices:#?}");
    assert!(
        notices.iter().any(|n| n.starts_with(
            "A run ended while your editor was open: what it last saved of your check pad's note is the pad's note now (taken from "
        ) && n.contains("Xk3f9a.txt, kept beside it as .taken)")),
        "{notices:#?}"
    );
    assert!(
        notices.iter().any(|n| n.ends_with(
            "Old000.txt: what an editor saved for the check pad's note, older than the note kept since; left it as it is (remove it once you have looked)"
        )),
        "{notices:#?}"
    );
    drop(j);
    fs::remove_file(&older).unwrap();
    // One holding the note's words goes without a word; one written a
    // moment ago may be being written still, and waits.
    let same = folder.join("editing.check-pad.Same00.txt");
    fs::write(&same, "Hi Sam,\nwe met at the forum\n").unwrap();
    set_modified(&same, 27);
    let busy = folder.join("editing.check-pad.Busy00.txt");
    fs::write(&busy, "Hi Sa").unwrap();
    let (j, notices) = Journal::open(dir.path()).unwrap();
    assert_eq!(j.check_note(), Some("Hi Sam,\nwe met at the forum"));
    assert!(!same.exists() && busy.exists());
    assert_eq!(notices.len(), 1, "{notices:#?}");
    assert!(
        notices[0].ends_with("Busy00.txt: an editor's file being written now (an editor left open when a run was killed?); left it for the next start"),
        "{}",
        notices[0]
    );
}

/// Sets `path`'s modification time to `days` days ago.
fn age(path: &Path, days: u64) {
    let when = std::time::SystemTime::now() - std::time::Duration::from_secs(days * 24 * 3600);
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(when)
        .unwrap();
}

/// The copies kept beside editors' files (`.taken`, `.before`) go at a
/// start once they are a month old, the editor's file is gone and the
/// draft they were for is saved or discarded (or holds their words); one
/// of a draft still being written, or younger, or beside an editor's file
/// written again, or whose draft cannot be read, stays; a reader removes
/// none.
#[test]
fn a_copy_beside_an_editor_s_file_goes_a_month_after_its_draft_is_done() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join(UNSAVED_DIR_NAME);
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.keep_unsaved(unsaved(1, DraftKind::Reply, "Still writing"))
            .unwrap();
        j.keep_check_note("Pad words").unwrap();
    }
    let copy = |name: &str, text: &str, days: u64| {
        let path = folder.join(name);
        fs::write(&path, text).unwrap();
        age(&path, days);
        path
    };
    // Draft 1 is still being written, with other words: its words from
    // before stay; a copy of the words it holds goes.
    let open_before = copy(
        "editing.0000000000000001.reply.Aaaaaa.txt.before",
        "Earlier words\n",
        40,
    );
    let open_same = copy(
        "editing.0000000000000001.reply.Bbbbbb.txt.taken",
        "Still writing\n",
        40,
    );
    // Draft 2 was saved or discarded: a month on, its copies go.
    let done = copy(
        "editing.0000000000000002.reply.Cccccc.txt.before",
        "Dropped words\n",
        31,
    );
    let young = copy(
        "editing.0000000000000002.thank-you.Dddddd.txt.taken",
        "Thanks\n",
        5,
    );
    // The editor wrote its file again after it was taken back: the copy
    // tells it from one to take back.
    let beside = copy(
        "editing.0000000000000002.reply.Eeeeee.txt.taken",
        "Hi\n",
        40,
    );
    let rewritten = folder.join("editing.0000000000000002.reply.Eeeeee.txt");
    fs::write(&rewritten, "Hi again\n").unwrap();
    age(&rewritten, 1);
    // The check pad's: as a draft's, with the pad's note.
    let pad_other = copy("editing.check-pad.Ffffff.txt.before", "Old pad\n", 40);
    let pad_same = copy("editing.check-pad.Gggggg.txt.taken", "Pad words\n", 40);
    // Draft 3's file cannot be read: it may be open, its copy stays.
    fs::write(folder.join("0000000000000003.reply.json"), "not json").unwrap();
    let unread = copy(
        "editing.0000000000000003.reply.Hhhhhh.txt.taken",
        "Words\n",
        40,
    );
    // Not a copy of an editor's file of ours.
    let other = copy("editing.notes.txt.taken", "mine", 40);
    let all = [
        &open_before,
        &open_same,
        &done,
        &young,
        &beside,
        &pad_other,
        &pad_same,
        &unread,
        &other,
    ];

    drop(Journal::open_read_only(dir.path()).unwrap());
    assert!(all.iter().all(|p| p.exists()), "a reader removes none");

    let (mut j, _) = Journal::open(dir.path()).unwrap();
    for gone in [&open_same, &done, &pad_same] {
        assert!(!gone.exists(), "{}", gone.display());
    }
    for kept in [&open_before, &young, &beside, &pad_other, &unread, &other] {
        assert!(kept.exists(), "{}", kept.display());
    }
    // Draft 1 discarded, the pad emptied: their copies go at the next
    // start.
    j.forget_unsaved(id(1), DraftKind::Reply).unwrap();
    j.keep_check_note("").unwrap();
    drop(j);
    drop(Journal::open(dir.path()).unwrap());
    assert!(!open_before.exists() && !pad_other.exists());
    assert!(young.exists() && beside.exists() && unread.exists() && other.exists());
}

/// A copy's month counts from when the editor's file was taken back, not
/// from when the editor last wrote it.
#[test]
fn an_editor_s_file_taken_back_long_after_is_kept_a_month() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join(UNSAVED_DIR_NAME);
    fs::create_dir_all(&folder).unwrap();
    let edited = folder.join("editing.0000000000000004.reply.Tttttt.txt");
    fs::write(&edited, "Taken words\n").unwrap();
    age(&edited, 40);
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    assert_eq!(
        j.unsaved(id(4), DraftKind::Reply).unwrap().text,
        "Taken words"
    );
    let taken = folder.join("editing.0000000000000004.reply.Tttttt.txt.taken");
    assert!(!edited.exists() && taken.exists());
    j.forget_unsaved(id(4), DraftKind::Reply).unwrap();
    drop(j);
    drop(Journal::open(dir.path()).unwrap());
    assert!(taken.exists(), "taken back a moment ago");
}

/// Sets `path`'s modification time to 09:00 on `day` November 2026, local
/// time.
fn set_modified(path: &Path, day: u32) {
    let when = chrono::NaiveDate::from_ymd_opt(2026, 11, day)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
        .and_local_timezone(chrono::Local)
        .unwrap();
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(when.into())
        .unwrap();
}

#[test]
fn unsaved_drafts_are_kept_until_forgotten() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join(UNSAVED_DIR_NAME);
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    j.keep_unsaved(unsaved(1, DraftKind::Reply, "Hi")).unwrap();
    j.keep_unsaved(unsaved(1, DraftKind::Reply, "Hi Abena"))
        .unwrap();
    j.keep_unsaved(unsaved(1, DraftKind::ThankYou, "Thanks"))
        .unwrap();
    j.keep_unsaved(unsaved(2, DraftKind::Reply, "Hello"))
        .unwrap();
    let mut names: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "0000000000000001.reply.json",
            "0000000000000001.thank-you.json",
            "0000000000000002.reply.json"
        ],
        "one file each, no temporary file left"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let file = folder.join("0000000000000001.reply.json");
        let mode = fs::metadata(file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
    j.forget_unsaved(id(2), DraftKind::Reply).unwrap();
    j.forget_unsaved(id(3), DraftKind::Reply).unwrap();
    assert!(!folder.join("0000000000000002.reply.json").exists());
    drop(j);

    fs::write(folder.join("0000000000000004.reply.json"), "{\"id\":").unwrap();
    // The first builds to keep unsaved drafts wrote no version: read as 1.
    let unversioned = fs::read_to_string(folder.join("0000000000000001.thank-you.json"))
        .unwrap()
        .replace("\"v\":1,", "")
        .replace("0000000000000001", "0000000000000007");
    assert!(!unversioned.contains("\"v\""), "{unversioned}");
    fs::write(folder.join("0000000000000007.thank-you.json"), unversioned).unwrap();
    fs::write(folder.join("notes.txt"), "mine").unwrap();
    fs::write(folder.join(".writing-Ab12cd"), "{\"v\":1,\"id\"").unwrap();
    let newer = fs::read_to_string(folder.join("0000000000000001.thank-you.json"))
        .unwrap()
        .replace("\"v\":1,", "\"v\":2,")
        .replace("0000000000000001", "0000000000000006");
    fs::write(
        folder.join("0000000000000006.thank-you.json"),
        newer.clone(),
    )
    .unwrap();
    let (mut j, notices) = Journal::open(dir.path()).unwrap();
    assert_eq!(
        j.unsaved(id(1), DraftKind::Reply),
        Some(&unsaved(1, DraftKind::Reply, "Hi Abena"))
    );
    assert_eq!(
        j.unsaved(id(1), DraftKind::ThankYou)
            .map(|u| u.text.as_str()),
        Some("Thanks")
    );
    assert_eq!(j.unsaved(id(2), DraftKind::Reply), None);
    assert_eq!(
        j.unsaved(id(7), DraftKind::ThankYou)
            .map(|u| u.text.as_str()),
        Some("Thanks")
    );
    assert_eq!(j.unsaved_drafts().count(), 3);
    j.forget_unsaved(id(7), DraftKind::ThankYou).unwrap();
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(
        notices.iter().any(|n| n.contains(
            "0000000000000004.reply.json: an unsaved draft that cannot be read (EOF while parsing"
        )),
        "{notices:?}"
    );
    assert!(
            notices.iter().any(|n| n.ends_with("0000000000000006.thank-you.json: an unsaved draft that cannot be read (written in format version 2, which this invitriage does not know (a newer version wrote it?)); left it as it is")),
            "{notices:?}"
        );
    assert!(folder.join("0000000000000004.reply.json").exists());
    assert!(
        !folder.join(".writing-Ab12cd").exists(),
        "a write cut short is cleared away"
    );
    assert!(folder.join("notes.txt").exists(), "other files are left");
    // What could not be read is never written over (a newer version's
    // draft, say, when an older one runs), nor removed.
    for (n, kind, was) in [
        (4, DraftKind::Reply, "{\"id\":".to_string()),
        (6, DraftKind::ThankYou, newer),
    ] {
        let path = folder.join(Unsaved::file_name(id(n), kind));
        let err = j.keep_unsaved(unsaved(n, kind, "new")).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "cannot write over {}: it could not be read when invitriage started",
                path.display()
            )
        );
        j.forget_unsaved(id(n), kind).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), was);
    }
    drop(j);

    // Forgetting one already gone is no error; one that cannot be
    // removed (here a folder in its place) is.
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    fs::remove_file(folder.join("0000000000000001.reply.json")).unwrap();
    j.forget_unsaved(id(1), DraftKind::Reply).unwrap();
    let stuck = folder.join("0000000000000001.thank-you.json");
    fs::remove_file(&stuck).unwrap();
    fs::create_dir(&stuck).unwrap();
    let err = j.forget_unsaved(id(1), DraftKind::ThankYou).unwrap_err();
    assert!(
        err.to_string().starts_with(&format!(
            "cannot remove the unsaved draft {}: ",
            stuck.display()
        )),
        "{err}"
    );
    drop(j);
    fs::remove_dir(&stuck).unwrap();

    // Read-only (an export while the screen is open): read, not written.
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    j.keep_unsaved(unsaved(5, DraftKind::Reply, "five"))
        .unwrap();
    drop(j);
    fs::write(folder.join(".writing-Ef34gh"), "{").unwrap();
    // A write in progress is named after its draft: no draft itself.
    fs::write(
        folder.join(".writing-0000000000000006.reply.json"),
        "{\"v\":1,\"id\"",
    )
    .unwrap();
    let (mut r, notices) = Journal::open_read_only(dir.path()).unwrap();
    assert!(
        !notices.iter().any(|n| n.contains(".writing-")),
        "{notices:#?}"
    );
    let texts: Vec<&str> = r.unsaved_drafts().map(|u| u.text.as_str()).collect();
    assert_eq!(texts, ["five"]);
    assert!(
        folder.join(".writing-Ef34gh").exists(),
        "maybe another process's write in progress"
    );
    let err = r
        .keep_unsaved(unsaved(5, DraftKind::Reply, "x"))
        .unwrap_err();
    assert!(matches!(err, JournalError::ReadOnly { .. }), "{err}");
}

#[test]
fn the_check_pads_note_is_kept_until_emptied() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(UNSAVED_DIR_NAME).join(CHECK_PAD_FILE_NAME);
    let mut j = open(dir.path());
    assert_eq!(j.check_note(), None);
    j.keep_check_note("").unwrap();
    assert!(!file.exists(), "an empty note writes nothing");
    j.keep_check_note("Hi Sam,\nwe met").unwrap();
    assert_eq!(fs::read_to_string(&file).unwrap(), "Hi Sam,\nwe met");
    assert_eq!(j.check_note(), Some("Hi Sam,\nwe met"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
    drop(j);

    // Read back on the next open, writable or not; not taken for a draft.
    let mut j = open(dir.path());
    assert_eq!(j.check_note(), Some("Hi Sam,\nwe met"));
    assert_eq!(j.unsaved_drafts().count(), 0);
    let (mut r, notices) = Journal::open_read_only(dir.path()).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(r.check_note(), Some("Hi Sam,\nwe met"));
    let err = r.keep_check_note("other").unwrap_err();
    assert!(matches!(err, JournalError::ReadOnly { .. }), "{err}");
    r.keep_check_note("Hi Sam,\nwe met")
        .expect("the same note asks for no write");
    j.keep_check_note("").unwrap();
    assert!(!file.exists());
    assert_eq!(j.check_note(), None);
    j.keep_check_note("").unwrap();
    // Emptying a note whose file is already gone is no error; one
    // whose file cannot be removed (a folder in its place) is.
    j.keep_check_note("again").unwrap();
    fs::remove_file(&file).unwrap();
    j.keep_check_note("").unwrap();
    assert_eq!(j.check_note(), None);
    j.keep_check_note("stuck").unwrap();
    fs::remove_file(&file).unwrap();
    fs::create_dir(&file).unwrap();
    let err = j.keep_check_note("").unwrap_err();
    assert!(
        err.to_string().starts_with(&format!(
            "cannot remove the check pad's note {}: ",
            file.display()
        )),
        "{err}"
    );
    assert_eq!(j.check_note(), Some("stuck"), "still what is on record");
    fs::remove_dir(&file).unwrap();
    drop(j);

    // Bytes that are not text show as replacement characters.
    fs::write(&file, b"Hi \xff").unwrap();
    let (j, notices) = Journal::open(dir.path()).unwrap();
    assert_eq!(j.check_note(), Some("Hi \u{fffd}"));
    assert_eq!(
        notices,
        [format!(
            "{}: the check pad's note is not all UTF-8 text; the bytes that are not show as \u{fffd}",
            file.display()
        )]
    );
    drop(j);

    // A file that cannot be read is named, and never written over.
    fs::remove_file(&file).unwrap();
    fs::create_dir(&file).unwrap();
    let (mut j, notices) = Journal::open(dir.path()).unwrap();
    assert_eq!(j.check_note(), None);
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].starts_with(&format!(
            "{}: the check pad's note cannot be read (",
            file.display()
        )),
        "{notices:?}"
    );
    let err = j.keep_check_note("Hi").unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "cannot write over {}: it could not be read when invitriage started",
            file.display()
        )
    );
    assert!(file.is_dir());
}

/// Opens a journal in `dir` whose file holds `lines`, with its notices.
fn open_lines(dir: &Path, lines: &[&str]) -> (Journal, Vec<String>) {
    fs::write(dir.join(FILE_NAME), lines.join("\n") + "\n").unwrap();
    Journal::open(dir).unwrap()
}

fn open(dir: &Path) -> Journal {
    let (j, notices) = Journal::open(dir).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    j
}

fn decision(j: &Journal, n: u64) -> Option<Decision> {
    j.state(id(n)).and_then(Entry::decision)
}

fn read(j: &Journal) -> String {
    fs::read_to_string(j.path()).unwrap()
}

#[test]
fn writes_the_documented_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = open(dir.path());
    j.record_decision(&[id(0xab)], Some(Decision::Accepted), at(3))
        .unwrap();
    j.record_draft(id(2), DraftKind::Reply, "Hi Mei,\n\"thanks\"", at(4))
        .unwrap();
    j.record_draft(id(0xab), DraftKind::ThankYou, "Thanks!", at(5))
        .unwrap();
    j.record_decision(&[id(1), id(2)], None, at(6)).unwrap();
    j.undo(at(7)).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(j.path()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
    // Each line keeps the offset of its time from UTC where it was
    // written, which is this machine's: here it is taken out to compare.
    let tz = format!(",\"tz\":{}", local_tz(at(3)).expect("a local time"));
    let written = read(&j);
    assert_eq!(written.matches(tz.as_str()).count(), 5, "{written}");
    assert_eq!(
        written.replace(tz.as_str(), ""),
        concat!(
            r#"{"v":1,"at":"2026-11-25T17:03:00","op":"decide","ids":["00000000000000ab"],"decision":"accepted"}"#,
            "\n",
            r#"{"v":1,"at":"2026-11-25T17:04:00","op":"draft","id":"0000000000000002","kind":"reply","text":"Hi Mei,\n\"thanks\"","decision":"replied"}"#,
            "\n",
            r#"{"v":1,"at":"2026-11-25T17:05:00","op":"draft","id":"00000000000000ab","kind":"thank-you","text":"Thanks!"}"#,
            "\n",
            r#"{"v":1,"at":"2026-11-25T17:06:00","op":"decide","ids":["0000000000000001","0000000000000002"],"decision":null}"#,
            "\n",
            r#"{"v":1,"at":"2026-11-25T17:07:00","op":"undo","undoes":4,"of":"HASH"}"#,
            "\n",
        )
        .replace(
            "HASH",
            &format!("{:016x}", line_hash(written.lines().nth(3).unwrap().as_bytes()))
        )
    );
    // The hash, pinned: a journal is read by later releases, which must
    // find the same.
    assert_eq!(
        line_hash(br#"{"v":1,"at":"2026-11-25T17:06:00","op":"decide","ids":["0000000000000001","0000000000000002"],"decision":null}"#),
        0xb326cda808381497
    );
}

/// A line added or removed above an undo (by hand, or by a tool merging
/// two copies) moves the step it undid: the undo finds that step by the
/// hash it keeps, says so, and reverts no other step; when no line holds
/// it, the undo is skipped. One written before the hash was kept goes by
/// its number, as it did.
/// A line rewritten by a tool that orders keys or escapes characters its
/// own way (`jq -S`, Python's `json.dumps`) is the same step: its undo
/// still finds it.
#[test]
fn an_undo_finds_its_step_after_a_tool_rewrote_the_line() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut j = open(dir.path());
        j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
            .unwrap();
        j.record_draft_to(
            id(2),
            DraftKind::Reply,
            "Olá é/ok",
            at(2),
            Whom::new("Zoë", "https://www.linkedin.com/in/zoe"),
        )
        .unwrap();
        j.undo(at(3)).unwrap();
        j.undo(at(4)).unwrap();
    }
    let path = dir.path().join(FILE_NAME);
    let text = fs::read_to_string(&path).unwrap();
    // Keys sorted (as `jq -S`), `/` as `\/`, non-ASCII as `\u` escapes.
    let rewritten: String = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let sorted = serde_json::to_string(&v).unwrap();
            let mut out = String::new();
            for c in sorted.replace('/', "\\/").chars() {
                if c.is_ascii() {
                    out.push(c);
                } else {
                    out.push_str(&format!("\\u{:04x}", c as u32));
                }
            }
            out + "\n"
        })
        .collect();
    assert_ne!(rewritten, text);
    fs::write(&path, &rewritten).unwrap();
    let (j, notices) = Journal::open_read_only(dir.path()).unwrap();
    assert_eq!(decision(&j, 1), None, "{notices:?}");
    assert!(j.state(id(2)).is_none(), "{notices:?}");
    assert!(notices.is_empty(), "{notices:?}");
}

/// A line mended by hand with white space outside its strings (a space
/// after a colon, at the end) is the same step: its undo still finds it,
/// and the accept stays undone. Spaces inside a string are the text's.
#[test]
fn an_undo_finds_its_step_after_white_space_is_added() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut j = open(dir.path());
        j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
            .unwrap();
        j.record_draft(id(2), DraftKind::Reply, "Hi \"you\" there", at(2))
            .unwrap();
        j.undo(at(3)).unwrap();
        j.undo(at(4)).unwrap();
    }
    let path = dir.path().join(FILE_NAME);
    let text = fs::read_to_string(&path).unwrap();
    let spaced: String = text
        .lines()
        .map(|l| format!("{}  \r\n", l.replacen("\":", "\": ", 2)))
        .collect();
    assert_ne!(spaced, text);
    fs::write(&path, &spaced).unwrap();
    let (j, notices) = Journal::open_read_only(dir.path()).unwrap();
    assert_eq!(decision(&j, 1), None, "{notices:?}");
    assert!(
        j.state(id(2))
            .is_none_or(|e| e.draft(DraftKind::Reply).is_none()),
        "{notices:?}"
    );
    assert!(notices.is_empty(), "{notices:?}");
    // A space added inside the draft's text is another step.
    let inside = text.replacen("Hi ", "Hi  ", 1);
    fs::write(&path, inside).unwrap();
    let (_, notices) = Journal::open_read_only(dir.path()).unwrap();
    assert!(
        notices.iter().any(|n| n.contains("holds another step now")),
        "{notices:?}"
    );
    assert_eq!(
        without_white_space(b"{\"a\" : \"x \\\" y\" }"),
        b"{\"a\":\"x \\\" y\"}"
    );
}

#[test]
fn an_undo_finds_its_step_when_lines_moved() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut j = open(dir.path());
        j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
            .unwrap();
        j.record_decision(&[id(2)], Some(Decision::Ignored), at(2))
            .unwrap();
        j.record_draft(id(3), DraftKind::Reply, "Hi", at(3))
            .unwrap();
        j.undo(at(4)).unwrap();
    }
    let path = dir.path().join(FILE_NAME);
    let text = fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let state = |text: String| {
        fs::write(&path, text).unwrap();
        let (j, notices) = Journal::open_read_only(dir.path()).unwrap();
        let decided: Vec<Option<Decision>> = (1..=3).map(|n| decision(&j, n)).collect();
        let reply = j
            .state(id(3))
            .and_then(|e| e.draft(DraftKind::Reply))
            .is_some();
        (decided, reply, notices)
    };
    let intact = (
        vec![Some(Decision::Accepted), Some(Decision::Ignored), None],
        false,
    );
    // A line added above: the undo still reverts the reply, not the ignore.
    let added = format!("{}\nnot json\n{}\n", lines[0], lines[1..].join("\n"));
    let (decided, reply, notices) = state(added);
    assert_eq!((decided, reply), intact.clone());
    assert!(
        notices.iter().any(|n| n.contains(
            "line 5 undoes line 3, but the step it undid is on line 4 now (a line was added or removed before it): that step is undone"
        )),
        "{notices:?}"
    );
    // A line removed above.
    let removed = format!("{}\n", [lines[1], lines[2], lines[3]].join("\n"));
    let (decided, reply, _) = state(removed);
    assert_eq!(
        (decided, reply),
        (vec![None, Some(Decision::Ignored), None], false)
    );
    // The line it undid removed: skipped, and the ignore on the line its
    // number names now stands.
    let gone = format!("{}\n", [lines[0], lines[1], lines[3]].join("\n"));
    let (decided, reply, notices) = state(gone);
    assert_eq!(
        (decided, reply),
        (
            vec![Some(Decision::Accepted), Some(Decision::Ignored), None],
            false
        )
    );
    assert!(
        notices
            .iter()
            .any(|n| n
                .contains("line 3 skipped: it undoes line 3, which holds no step still in effect")),
        "{notices:?}"
    );
    // The same step twice, alike to the byte (undone, redone in the same
    // second), then undone: two lines added above move the undo's number
    // onto the first of the two, and the hash still finds the second.
    {
        let dir = tempfile::tempdir().unwrap();
        let mut j = open(dir.path());
        for decision in [Some(Decision::Withdrawn), None, Some(Decision::Withdrawn)] {
            j.record_decision(&[id(9)], decision, at(1)).unwrap();
        }
        j.undo(at(1)).unwrap();
        let path = j.path().to_path_buf();
        drop(j);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("\n\n{text}")).unwrap();
        let (j, notices) = Journal::open_read_only(dir.path()).unwrap();
        assert_eq!(decision(&j, 9), None, "{notices:?}");
        assert!(
            notices.iter().all(|n| !n.contains("skipped")),
            "{notices:?}"
        );
    }
    // Saved by an editor with `\r\n` line ends: the same steps.
    let crlf = format!("{}\r\n", lines.join("\r\n"));
    assert_eq!(state(crlf).0, intact.0);
    // Without the hash (an older release's undo), the number decides: it
    // now names the ignore.
    let old = lines[3].split(",\"of\"").next().unwrap().to_string() + "}";
    let added = format!(
        "{}\nnot json\n{}\n{}\n{old}\n",
        lines[0], lines[1], lines[2]
    );
    let (decided, reply, _) = state(added);
    assert_eq!(
        (decided, reply),
        (
            vec![Some(Decision::Accepted), None, Some(Decision::Replied)],
            true
        )
    );
}

#[test]
fn replay_restores_decisions_and_drafts() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut j = open(dir.path());
        j.record_decision(&[id(1), id(2)], Some(Decision::Ignored), at(1))
            .unwrap();
        j.record_decision(&[id(1)], Some(Decision::Accepted), at(2))
            .unwrap();
        j.record_draft(id(1), DraftKind::ThankYou, "Thanks, Dana", at(3))
            .unwrap();
        j.record_draft(id(3), DraftKind::Reply, "Hi Mei", at(4))
            .unwrap();
        j.record_decision(&[id(4)], Some(Decision::Accepted), at(5))
            .unwrap();
        j.record_decision(&[id(4)], None, at(6)).unwrap();
    }
    let j = open(dir.path());
    let e1 = j.state(id(1)).unwrap();
    assert_eq!(
        e1.decided,
        Some(Decided {
            decision: Decision::Accepted,
            at: at(2),
            sent: None,
            tz: local_tz(at(2)),
        })
    );
    assert_eq!(e1.thank_you.as_ref().unwrap().text, "Thanks, Dana");
    assert_eq!(e1.thank_you.as_ref().unwrap().at, at(3));
    assert_eq!(e1.reply, None);
    assert_eq!(decision(&j, 2), Some(Decision::Ignored));
    let e3 = j.state(id(3)).unwrap();
    assert_eq!(e3.decision(), Some(Decision::Replied));
    assert_eq!(e3.decided_at(), Some(at(4)));
    assert_eq!(e3.draft(DraftKind::Reply).unwrap().text, "Hi Mei");
    assert_eq!(
        j.state(id(4)),
        None,
        "reset to undecided with no draft: no entry"
    );
    assert_eq!(j.iter().count(), 3);
    assert_eq!(j.undo_depth(), 6);
    assert_eq!(j.path(), dir.path().join(FILE_NAME));
}

#[test]
fn undo_single_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = open(dir.path());
    j.record_decision(&[id(1)], Some(Decision::Ignored), at(1))
        .unwrap();
    j.record_decision(&[id(1)], Some(Decision::Accepted), at(2))
        .unwrap();
    let undone = j.undo(at(3)).unwrap().unwrap();
    assert_eq!(
        undone,
        Undone {
            kind: StepKind::Decide(Some(Decision::Accepted)),
            ids: vec![id(1)],
            at: at(2),
            sent: None,
            tz: local_tz(at(2)),
        }
    );
    assert_eq!(undone.kind.verb(), "accept");
    let e = j.state(id(1)).unwrap();
    assert_eq!(e.decision(), Some(Decision::Ignored));
    assert_eq!(
        e.decided_at(),
        Some(at(1)),
        "the earlier time comes back too"
    );
    assert_eq!(j.undo_depth(), 1);
}

#[test]
fn undo_reverts_a_whole_bulk() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = open(dir.path());
    j.record_decision(&[id(2)], Some(Decision::Accepted), at(1))
        .unwrap();
    let bulk: Vec<_> = (1..=1000).map(id).chain([id(5)]).collect();
    j.record_decision(&bulk, Some(Decision::Ignored), at(2))
        .unwrap();
    assert_eq!(j.iter().count(), 1000);
    let undone = j.undo(at(3)).unwrap().unwrap();
    assert_eq!(undone.kind, StepKind::Decide(Some(Decision::Ignored)));
    assert_eq!(undone.ids.len(), 1000, "each id once");
    assert_eq!(decision(&j, 2), Some(Decision::Accepted));
    assert_eq!(j.iter().count(), 1);
    assert_eq!(decision(&j, 5), None);
}

#[test]
fn undo_of_a_reply_draft_restores_the_draft_and_decision_before() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = open(dir.path());
    j.record_decision(&[id(1)], Some(Decision::Ignored), at(1))
        .unwrap();
    j.record_draft(id(1), DraftKind::Reply, "first", at(2))
        .unwrap();
    j.record_draft(id(1), DraftKind::Reply, "second", at(3))
        .unwrap();
    assert_eq!(
        j.state(id(1)).unwrap().reply.as_ref().unwrap().text,
        "second"
    );

    let undone = j.undo(at(4)).unwrap().unwrap();
    assert_eq!(undone.kind, StepKind::Draft(DraftKind::Reply));
    assert_eq!(undone.ids, vec![id(1)]);
    let e = j.state(id(1)).unwrap();
    assert_eq!(e.reply.as_ref().unwrap().text, "first");
    assert_eq!(e.decision(), Some(Decision::Replied));
    assert_eq!(e.decided_at(), Some(at(2)));

    j.undo(at(5)).unwrap();
    let e = j.state(id(1)).unwrap();
    assert_eq!(e.reply, None);
    assert_eq!(e.decided_at(), Some(at(1)));
    assert_eq!(e.decision(), Some(Decision::Ignored));

    j.undo(at(6)).unwrap();
    assert_eq!(j.state(id(1)), None);
}

#[test]
fn thank_you_draft_keeps_the_decision_and_its_undo_only_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = open(dir.path());
    j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
        .unwrap();
    j.record_draft(id(1), DraftKind::ThankYou, "Thanks!", at(2))
        .unwrap();
    let e = j.state(id(1)).unwrap();
    assert_eq!(e.decided_at(), Some(at(1)));
    assert_eq!(e.decision(), Some(Decision::Accepted));
    assert_eq!(e.thank_you.as_ref().unwrap().text, "Thanks!");
    j.undo(at(3)).unwrap();
    let e = j.state(id(1)).unwrap();
    assert_eq!(e.thank_you, None);
    assert_eq!(e.decision(), Some(Decision::Accepted));
}

#[test]
fn undo_many_levels_then_a_new_step_redoes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = open(dir.path());
    for n in 1..=4 {
        j.record_decision(&[id(n)], Some(Decision::Accepted), at(n as u32))
            .unwrap();
    }
    assert_eq!(j.undo(at(10)).unwrap().unwrap().ids, vec![id(4)]);
    assert_eq!(j.undo(at(11)).unwrap().unwrap().ids, vec![id(3)]);
    j.record_decision(&[id(9)], Some(Decision::Ignored), at(12))
        .unwrap();
    assert_eq!(j.undo_depth(), 3);
    assert_eq!(j.undo(at(13)).unwrap().unwrap().ids, vec![id(9)]);
    assert_eq!(decision(&j, 3), None, "3 stays undone: no redo");
    assert_eq!(decision(&j, 4), None);
    assert_eq!(j.undo(at(14)).unwrap().unwrap().ids, vec![id(2)]);
    assert_eq!(j.undo(at(15)).unwrap().unwrap().ids, vec![id(1)]);
    assert_eq!(j.iter().count(), 0);
    let lines = read(&j).lines().count();
    assert_eq!(j.undo(at(16)).unwrap(), None);
    assert_eq!(
        read(&j).lines().count(),
        lines,
        "an empty undo writes nothing"
    );
}

#[test]
fn undo_stack_is_rebuilt_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut j = open(dir.path());
        j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
            .unwrap();
        j.record_decision(&[id(2), id(3)], Some(Decision::Ignored), at(2))
            .unwrap();
        j.record_draft(id(4), DraftKind::Reply, "Hi", at(3))
            .unwrap();
        j.undo(at(4)).unwrap();
        j.record_decision(&[id(5)], Some(Decision::Accepted), at(5))
            .unwrap();
    }
    let mut j = open(dir.path());
    assert_eq!(j.undo_depth(), 3);
    assert_eq!(j.state(id(4)), None);
    assert_eq!(j.undo(at(6)).unwrap().unwrap().ids, vec![id(5)]);
    drop(j);
    let mut j = open(dir.path());
    let undone = j.undo(at(7)).unwrap().unwrap();
    assert_eq!(undone.ids, vec![id(2), id(3)]);
    assert_eq!(undone.at, at(2));
    drop(j);
    let j = open(dir.path());
    assert_eq!(j.undo_depth(), 1);
    assert_eq!(decision(&j, 1), Some(Decision::Accepted));
    assert_eq!(j.iter().count(), 1);
}

#[test]
fn empty_bulk_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = open(dir.path());
    j.record_decision(&[], Some(Decision::Ignored), at(1))
        .unwrap();
    assert_eq!(j.undo_depth(), 0);
    assert_eq!(read(&j), "");
}

#[test]
fn torn_last_line_is_cut_off_kept_aside_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = {
        let mut j = open(dir.path());
        j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
            .unwrap();
        j.path().to_path_buf()
    };
    let good = fs::read(&path).unwrap();
    let torn = br#"{"v":1,"at":"2026-11-25T17:02:00","op":"dec"#;
    fs::write(&path, [&good[..], torn].concat()).unwrap();

    let (mut j, notices) = Journal::open(dir.path()).unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].contains("line 2 was cut short"),
        "{}",
        notices[0]
    );
    assert!(notices[0].contains(TORN_FILE_NAME), "{}", notices[0]);
    assert_eq!(
        fs::read(&path).unwrap(),
        good,
        "truncated to the last complete line"
    );
    let kept = fs::read(dir.path().join(TORN_FILE_NAME)).unwrap();
    assert_eq!(kept, [&torn[..], b"\n"].concat());
    assert_eq!(decision(&j, 1), Some(Decision::Accepted));

    j.record_decision(&[id(2)], Some(Decision::Ignored), at(3))
        .unwrap();
    drop(j);
    let j = open(dir.path());
    assert_eq!(decision(&j, 2), Some(Decision::Ignored));
    assert_eq!(read(&j).lines().count(), 2);
}

#[test]
fn complete_last_line_without_newline_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let line = r#"{"v":1,"at":"2026-11-25T17:02:00","op":"decide","ids":["0000000000000007"],"decision":"ignored"}"#;
    fs::write(&path, line).unwrap();
    let mut j = open(dir.path());
    assert_eq!(decision(&j, 7), Some(Decision::Ignored));
    j.record_decision(&[id(8)], Some(Decision::Accepted), at(3))
        .unwrap();
    let text = read(&j);
    assert!(text.starts_with(&format!("{line}\n{{")), "{text}");
    assert_eq!(text.lines().count(), 2);
    assert_eq!(j.undo(at(4)).unwrap().unwrap().ids, vec![id(8)]);
    drop(j);
    let j = open(dir.path());
    assert_eq!(decision(&j, 7), Some(Decision::Ignored));
    assert_eq!(j.undo_depth(), 1);
}

/// After the repair, a failed write is taken back to the end of the
/// repaired line, its added `\n` included.
#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_after_a_repair_keeps_the_repaired_line() {
    let dir = tempfile::tempdir().unwrap();
    let line = r#"{"v":1,"at":"2026-11-25T17:02:00","op":"decide","ids":["0000000000000007"],"decision":"ignored"}"#;
    fs::write(dir.path().join(FILE_NAME), line).unwrap();
    let mut j = open(dir.path());
    // Every write to /dev/full fails with "No space left on device".
    let real = j
        .file
        .replace(OpenOptions::new().append(true).open("/dev/full").unwrap());
    j.record_decision(&[id(9)], Some(Decision::Accepted), at(2))
        .unwrap_err();
    j.file = real;
    j.dirty = true;
    j.record_decision(&[id(8)], Some(Decision::Accepted), at(3))
        .unwrap();
    let text = read(&j);
    assert!(text.starts_with(&format!("{line}\n{{")), "{text}");
    assert_eq!(text.lines().count(), 2, "{text}");
    drop(j);
    let (j, notices) = Journal::open(dir.path()).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(decision(&j, 7), Some(Decision::Ignored));
    assert_eq!(decision(&j, 8), Some(Decision::Accepted));
    assert_eq!(decision(&j, 9), None);
}

#[test]
fn corrupt_middle_lines_are_skipped_with_their_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"v":1,"at":"2026-11-25T17:01:00","op":"decide","ids":["0000000000000001"],"decision":"accepted"}"#,
        r#"{"v":1,"at":"2026-11-25T17:02:00","op":"deci"#,
        "",
        r#"{"v":1,"at":"2026-11-25T17:03:00","op":"decide","ids":["zz"],"decision":"accepted"}"#,
        r#"{"v":1,"at":"2026-11-25T17:03:00","op":"decide","ids":["0000000000000003"]}"#,
        r#"{"v":1,"at":"2026-11-25T17:03:00","op":"frobnicate"}"#,
        "\u{fffd}\u{0}",
        r#"{"v":2,"at":"2026-11-25T17:04:00","op":"decide","ids":["0000000000000004"],"decision":"accepted","new":{}}"#,
        r#"{"v":"2.0","whatever":true}"#,
        r#"{"v":1,"at":"2026-11-25T17:05:00","op":"decide","ids":["0000000000000005"],"decision":"ignored","name":"Dana Whitlock"}"#,
        // Cut short after a bad id: the cut is what is wrong with it.
        r#"{"v":1,"op":"decide","ids":["x""#,
    ];
    let (mut j, notices) = open_lines(dir.path(), &lines);
    let numbers: Vec<_> = notices
        .iter()
        .map(|n| n.split("line ").nth(1).unwrap().split(' ').next().unwrap())
        .collect();
    assert_eq!(
        numbers,
        ["2", "4", "5", "6", "7", "8", "9", "11"],
        "{notices:#?}"
    );
    assert!(
        notices[7].contains("skipped: not a journal entry (cut short at column 31); "),
        "{}",
        notices[7]
    );
    // Deleting a damaged line would make the undos after it name other
    // steps: the notice asks for it to stay, or be mended where it is.
    for notice in &notices {
        assert!(
            notice.ends_with(
                "; leave the line where it is (undo lines name lines by number), or mend it in place"
            ),
            "{notice}"
        );
    }
    assert!(
        notices[3].contains("unknown op `frobnicate`"),
        "{}",
        notices[3]
    );
    assert!(notices[2].contains("without `decision`"), "{}", notices[2]);
    // Junk is damage, not a line cut short.
    assert!(
        notices[4].contains("skipped: not a journal entry (damaged at column 1);"),
        "{}",
        notices[4]
    );
    assert!(notices[5].contains("format version 2"), "{}", notices[5]);
    assert!(
        notices[6].contains("format version \"2.0\""),
        "{}",
        notices[6]
    );
    assert!(!notices[0].contains("line 1 column"), "{}", notices[0]);
    assert!(
        notices[0].contains("skipped: not a journal entry (cut short at column 44);"),
        "no parser words: {}",
        notices[0]
    );
    // A line of this version that is not an entry says what is wrong
    // with it, and where in the line.
    assert!(
        notices[1].contains(
            "not a journal entry (invalid value: string \"zz\", expected an invitation id (16 hex digits), column "
        ),
        "{}",
        notices[1]
    );
    assert_eq!(decision(&j, 1), Some(Decision::Accepted));
    assert_eq!(decision(&j, 5), Some(Decision::Ignored));
    assert_eq!(j.iter().count(), 2);
    assert_eq!(j.undo_depth(), 2);
    // Appends continue after the skipped lines and undo numbers lines right.
    j.record_decision(&[id(6)], Some(Decision::Accepted), at(6))
        .unwrap();
    j.undo(at(7)).unwrap();
    assert!(read(&j).contains("\"undoes\":12,\"of\":\""), "{}", read(&j));
}

/// Only a whole number above this version's is a newer invitriage's
/// `"v"`: `0`, `-1`, `"1"` or `1.5` no version writes, and the line is
/// called damaged. It stays in the file all the same, as every skipped
/// line does.
#[test]
fn a_version_no_invitriage_writes_is_damage_not_a_newer_one() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"v":0,"at":"2026-11-25T17:01:00","op":"decide","ids":["0000000000000001"],"decision":"accepted"}"#,
        r#"{"v":-1,"at":"2026-11-25T17:02:00","op":"decide","ids":["0000000000000002"],"decision":"accepted"}"#,
        r#"{"v":"1","at":"2026-11-25T17:03:00","op":"decide","ids":["0000000000000003"],"decision":"accepted"}"#,
        r#"{"v":1.5,"at":"2026-11-25T17:04:00","op":"decide","ids":["0000000000000004"],"decision":"accepted"}"#,
        r#"{"v":2,"at":"2026-11-25T17:05:00","op":"decide","ids":["0000000000000005"],"decision":"accepted"}"#,
        r#"{"v":1,"at":"2026-11-25T17:06:00","op":"decide","ids":["0000000000000006"],"decision":"ignored"}"#,
    ];
    let text = lines.join("\n") + "\n";
    let (j, notices) = open_lines(dir.path(), &lines);
    let whys: Vec<_> = notices
        .iter()
        .map(|n| {
            n.split(" skipped: ")
                .nth(1)
                .unwrap()
                .split("; ")
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(
        whys,
        [
            "not a journal entry (damaged: format version 0, which no invitriage writes)",
            "not a journal entry (damaged: format version -1, which no invitriage writes)",
            "not a journal entry (damaged: format version \"1\", not a number)",
            "not a journal entry (damaged: format version 1.5, which no invitriage writes)",
            "written in format version 2, which this invitriage does not know (a newer version wrote it?)",
        ],
        "{notices:#?}"
    );
    assert_eq!(j.iter().count(), 1);
    assert_eq!(decision(&j, 6), Some(Decision::Ignored));
    drop(j);
    assert_eq!(
        fs::read_to_string(dir.path().join(FILE_NAME)).unwrap(),
        text
    );
}

/// Hand edits invitriage would not write: an id short of its 16 digits,
/// and a step on no ids (which would stand in undo's way for good), are
/// skipped with a notice, not taken in silence.
#[test]
fn a_short_id_and_a_step_on_nothing_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"v":1,"at":"2026-11-25T17:01:00","op":"decide","ids":["39fa9ed"],"decision":"accepted"}"#,
        r#"{"v":1,"at":"2026-11-25T17:02:00","op":"decide","ids":[],"decision":"ignored"}"#,
        r#"{"v":1,"at":"2026-11-25T17:03:00","op":"decide","ids":["39FA9ED021030B83"],"decision":"ignored"}"#,
    ];
    let (j, notices) = open_lines(dir.path(), &lines);
    assert_eq!(notices.len(), 2, "{notices:#?}");
    assert!(
        notices[0].contains(
            "line 1 skipped: not a journal entry (invalid value: string \"39fa9ed\", expected an invitation id (16 hex digits), column "
        ),
        "{}",
        notices[0]
    );
    assert!(
        notices[1].contains("line 2 skipped: a `decide` entry with no ids;"),
        "{}",
        notices[1]
    );
    assert_eq!(j.undo_depth(), 1, "only the whole id's step");
    assert_eq!(
        j.state(InvitationId(0x39fa_9ed0_2103_0b83))
            .and_then(Entry::decision),
        Some(Decision::Ignored)
    );
}

#[test]
fn undo_of_a_skipped_line_is_skipped_too() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"v":1,"at":"2026-11-25T17:01:00","op":"decide","ids":["0000000000000001"],"decision":"accepted"}"#,
        r#"{"v":1,"at":"2026-11-25T17:02:00","op":"decide","ids":["00000000#damaged"],"decision":"ignored"}"#,
        r#"{"v":1,"at":"2026-11-25T17:03:00","op":"undo","undoes":2}"#,
        r#"{"v":1,"at":"2026-11-25T17:04:00","op":"undo","undoes":1}"#,
        r#"{"v":1,"at":"2026-11-25T17:05:00","op":"undo"}"#,
    ];
    let (j, notices) = open_lines(dir.path(), &lines);
    assert_eq!(notices.len(), 3, "{notices:#?}");
    assert!(
        notices[1].contains("line 3 skipped: it undoes line 2"),
        "{}",
        notices[1]
    );
    assert!(
        notices[2].contains("line 5 skipped: an undo with nothing"),
        "{}",
        notices[2]
    );
    assert_eq!(j.iter().count(), 0, "line 4 undid line 1");
    assert_eq!(j.undo_depth(), 0);
}

#[test]
fn a_second_instance_is_refused_until_the_first_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let first = open(dir.path());
    let err = Journal::open(dir.path()).unwrap_err();
    assert!(matches!(err, JournalError::Locked { .. }));
    assert_eq!(
        err.to_string(),
        format!(
            "another invitriage is open on this journal ({}); close it first",
            dir.path().join(FILE_NAME).display()
        )
    );
    // The lock file deleted by hand (and made again by the second): the
    // journal's own lock still refuses it.
    #[cfg(unix)]
    {
        fs::remove_file(dir.path().join(LOCK_FILE_NAME)).unwrap();
        let err = Journal::open(dir.path()).unwrap_err();
        assert!(matches!(err, JournalError::Locked { .. }), "{err}");
    }
    drop(first);
    let _again = open(dir.path());
}

#[test]
fn read_only_sees_the_state_and_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (empty, _) = Journal::open_read_only(dir.path()).unwrap();
    assert_eq!(empty.iter().count(), 0);
    assert!(
        !dir.path().join(FILE_NAME).exists(),
        "read-only creates nothing"
    );

    let mut writer = open(dir.path());
    writer
        .record_decision(&[id(1)], Some(Decision::Accepted), at(1))
        .unwrap();
    let (mut ro, notices) = Journal::open_read_only(dir.path()).unwrap();
    assert!(notices.is_empty());
    assert_eq!(decision(&ro, 1), Some(Decision::Accepted));
    let err = ro
        .record_decision(&[id(2)], Some(Decision::Accepted), at(2))
        .unwrap_err();
    assert!(matches!(err, JournalError::ReadOnly { .. }), "{err}");
    assert!(matches!(ro.undo(at(3)), Err(JournalError::ReadOnly { .. })));
    assert_eq!(decision(&ro, 1), Some(Decision::Accepted));
    assert_eq!(read(&writer).lines().count(), 1);

    // Only a missing journal reads as empty; one that cannot be read is
    // an error.
    let other = tempfile::tempdir().unwrap();
    fs::create_dir(other.path().join(FILE_NAME)).unwrap();
    let err = Journal::open_read_only(other.path()).unwrap_err();
    assert!(
        err.to_string().contains("is a directory, not a file"),
        "{err}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let file = other.path().join("locked").join(FILE_NAME);
        fs::create_dir(file.parent().unwrap()).unwrap();
        fs::write(&file, "").unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o000)).unwrap();
        // Root reads it all the same.
        if fs::read(&file).is_err() {
            let err = Journal::open_read_only(file.parent().unwrap()).unwrap_err();
            assert!(err.to_string().contains("cannot read the journal"), "{err}");
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_changes_nothing_and_later_writes_start_clean() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = open(dir.path());
    j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
        .unwrap();
    let real = j.file.take();
    // Every write to /dev/full fails with "No space left on device".
    j.file = Some(OpenOptions::new().append(true).open("/dev/full").unwrap());
    let err = j
        .record_decision(&[id(2)], Some(Decision::Ignored), at(2))
        .unwrap_err();
    assert!(
        err.to_string().contains("cannot write to the journal"),
        "{err}"
    );
    assert!(
        j.record_draft(id(1), DraftKind::ThankYou, "x", at(3))
            .is_err()
    );
    assert!(j.undo(at(4)).is_err());
    assert_eq!(decision(&j, 2), None);
    assert_eq!(j.state(id(1)).unwrap().thank_you, None);
    assert_eq!(
        decision(&j, 1),
        Some(Decision::Accepted),
        "the failed undo undid nothing"
    );
    assert_eq!(j.undo_depth(), 1);

    // Pretend part of a line reached the disk; the next write cuts it off.
    j.file = real;
    j.file
        .as_mut()
        .unwrap()
        .write_all(b"{\"v\":1,\"at")
        .unwrap();
    j.dirty = true;
    j.record_decision(&[id(3)], Some(Decision::Ignored), at(5))
        .unwrap();
    drop(j);
    let j = open(dir.path());
    assert_eq!(decision(&j, 3), Some(Decision::Ignored));
    assert_eq!(j.undo_depth(), 2);
}

/// A sent invitation to withdraw is a decision like the others: one
/// line, kept across a restart, undone by undo.
#[test]
fn a_withdrawal_is_kept_and_undone_like_any_decision() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = open(dir.path());
    j.record_decision(&[id(7)], Some(Decision::Withdrawn), at(1))
        .unwrap();
    drop(j);
    let text = std::fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
    assert!(text.contains(r#""decision":"withdrawn""#), "{text}");
    let mut j = open(dir.path());
    assert_eq!(decision(&j, 7), Some(Decision::Withdrawn));
    j.undo(at(2)).unwrap();
    assert_eq!(decision(&j, 7), None);
}

#[test]
fn labels() {
    assert_eq!(
        Decision::ALL.map(Decision::label),
        ["accepted", "ignored", "replied", "withdrawn"]
    );
    assert_eq!(
        Decision::ALL.map(Decision::verb),
        ["accept", "ignore", "reply", "withdraw"]
    );
    assert_eq!(Decision::Replied.to_string(), "replied");
    assert_eq!(DraftKind::ThankYou.label(), "thank-you");
    assert_eq!(StepKind::Decide(None).verb(), "back to undecided");
    assert_eq!(StepKind::Draft(DraftKind::Reply).verb(), "reply draft");
}

#[test]
fn a_decision_more_than_a_day_before_an_invitation_was_about_an_earlier_one() {
    let decided = Decided {
        decision: Decision::Ignored,
        at: at(0),
        sent: None,
        tz: None,
    };
    let day = chrono::TimeDelta::days(1);
    let second = chrono::TimeDelta::seconds(1);
    // The time zones between the user's clock and LinkedIn's.
    assert!(!decided.predates(at(0) + day));
    assert!(!decided.predates(at(0) - day));
    assert!(decided.predates(at(0) + day + second));
    let draft = Draft {
        text: "Hi".into(),
        at: at(0),
        earlier: Vec::new(),
        name: String::new(),
        url: String::new(),
        sent: None,
        marked_sent: None,
    };
    let entry = Entry {
        decided: Some(decided),
        reply: Some(Box::new(draft.clone())),
        thank_you: None,
    };
    assert_eq!(entry.for_sent_at(at(0) + day), entry);
    let later = entry.for_sent_at(at(0) + day + second);
    assert_eq!(later, Entry::default(), "the decision and the draft go");
    assert!(later.is_blank());
}

/// A spreadsheet's `03/04/2026 10:00` read month first when decided (4
/// March) and day first now (3 April: a row added since, or the present,
/// decides the order) is the same invitation, not a later one.
#[test]
fn the_same_date_read_the_other_way_round_keeps_its_decision() {
    let decided = Decided {
        decision: Decision::Accepted,
        at: date(3, 10),
        sent: Some(date(3, 4)),
        tz: None,
    };
    assert!(!decided.predates(date(4, 3)));
    // Another day, or the swapped day at another minute, is another
    // invitation.
    assert!(decided.predates(date(4, 4)));
    assert!(decided.predates(date(4, 3) + chrono::TimeDelta::minutes(1)));
}

/// An older export opened after a newer one: a person's earlier
/// invitation does not show the decision or the reply made on their later
/// one, says it is superseded, and takes no step that would replace them.
#[test]
fn a_step_on_a_later_invitation_is_not_the_earlier_ones() {
    let dir = tempfile::tempdir().unwrap();
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    let first = to_colleen("Dmitri Volkov", Some("dmitri"), date(11, 12));
    let again = to_colleen("Dmitri Volkov", Some("dmitri"), date(11, 26));
    j.record_decision_on(
        &[again.id],
        &[again.sent_at],
        Some(Decision::Accepted),
        date(11, 28),
    )
    .unwrap();
    let now = date(11, 28);
    assert_eq!(
        j.decided(&again, now).map(|d| d.decision),
        Some(Decision::Accepted)
    );
    assert_eq!(j.decided(&first, now), None);
    assert!(j.state_for(&first, now).is_none());
    assert_eq!(j.later(&first), Some(again.sent_at));
    assert_eq!(j.later(&again), None);
    // Nor is the step undone from the earlier one's export.
    assert_eq!(j.next_undo_later(&[&first]), Some((0, again.sent_at)));
    assert_eq!(j.next_undo_later(&[&again]), None);
    let refused = j
        .record_decision_on(&[first.id], &[first.sent_at], Some(Decision::Ignored), now)
        .unwrap_err();
    assert!(
        refused
            .to_string()
            .starts_with("a later invitation between the same two people (sent 26 Nov 2026)"),
        "{refused}"
    );
    let whom = Whom {
        name: "Dmitri Volkov",
        url: "",
        sent: Some(first.sent_at),
    };
    assert!(matches!(
        j.record_draft_to(first.id, DraftKind::Reply, "Hi", now, whom),
        Err(JournalError::Superseded { .. })
    ));
    // Nothing was written: the later invitation keeps its accept.
    drop(j);
    let (j, _) = Journal::open(dir.path()).unwrap();
    assert_eq!(
        j.decided(&again, now).map(|d| d.decision),
        Some(Decision::Accepted)
    );
    // The same invitation with its date read the other way round is not
    // a later one.
    let dir2 = tempfile::tempdir().unwrap();
    let (mut j2, _) = Journal::open(dir2.path()).unwrap();
    let march = to_colleen("Al Pha", Some("al"), date(3, 4));
    let april = to_colleen("Al Pha", Some("al"), date(4, 3));
    j2.record_decision_on(&[april.id], &[april.sent_at], Some(Decision::Accepted), now)
        .unwrap();
    assert_eq!(j2.later(&march), None);
    assert!(j2.decided(&march, now).is_some());
}

/// A decision made after a person invited again, on an export taken before
/// (ignored on the 27th, on an export of the 18th, while they invited again
/// on the 26th), was about the earlier invitation: the line keeps the
/// `Sent At` of the invitation decided, and the newer one is undecided. The
/// same invitation read again keeps its decision, as does one whose time an
/// export gives in another zone.
#[test]
fn a_decision_keeps_which_invitation_it_was_on() {
    let dir = tempfile::tempdir().unwrap();
    let day = |d: u32| {
        chrono::NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(9, 12, 0)
            .unwrap()
    };
    let first = to_colleen("Rafael Souza", Some("rafael"), day(3));
    let again = to_colleen("Rafael Souza", Some("rafael"), day(26));
    assert_eq!(again.id, first.id, "one id from the two profile URLs");
    let other = to_colleen("Ann Early", Some("ann"), day(4));
    let eve = to_colleen("Eve Adams", Some("eve"), day(5));
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.record_decision_on(
            &[first.id, other.id],
            &[first.sent_at, other.sent_at],
            Some(Decision::Ignored),
            day(27),
        )
        .unwrap();
        let whom = Whom {
            sent: Some(eve.sent_at),
            ..Whom::new("Eve Adams", "")
        };
        j.record_draft_to(eve.id, DraftKind::Reply, "Hi Eve", day(27), whom)
            .unwrap();
    }
    let text = std::fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
    assert!(
        text.contains(r#""sent":["2026-11-03T09:12:00","2026-11-04T09:12:00"]"#),
        "{text}"
    );
    assert!(text.contains(r#""sent":"2026-11-05T09:12:00""#), "{text}");
    let j = open(dir.path());
    let now = day(28);
    assert_eq!(j.decided(&again, now), None);
    assert_eq!(
        j.earlier(&again, now).map(|d| d.decision),
        Some(Decision::Ignored)
    );
    assert_eq!(j.state_for(&again, now), None);
    for inv in [&first, &other] {
        assert_eq!(
            j.decided(inv, now).map(|d| (d.decision, d.sent)),
            Some((Decision::Ignored, Some(inv.sent_at)))
        );
    }
    let mut shifted = first.clone();
    shifted.sent_at = first.sent_at + chrono::TimeDelta::hours(14);
    assert!(j.decided(&shifted, now).is_some(), "a zone away: the same");
    // The reply, and the decision it set, keep Eve's invitation too.
    let mut eve_again = eve.clone();
    eve_again.sent_at = day(20);
    assert_eq!(
        j.state_for(&eve, now).unwrap().reply.unwrap().text,
        "Hi Eve"
    );
    assert_eq!(j.state_for(&eve_again, now), None);
}

/// An undo says whether the step it took back was on the invitation in the
/// export or an earlier one from the same person, by the `Sent At` the step
/// kept; a bulk step goes by its time alone.
#[test]
fn an_undone_step_knows_which_invitation_it_was_on() {
    let dir = tempfile::tempdir().unwrap();
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    let sent = at(0) - chrono::TimeDelta::days(20);
    j.record_decision_on(&[id(1)], &[sent], Some(Decision::Ignored), at(1))
        .unwrap();
    let whom = Whom {
        sent: Some(sent),
        ..Whom::default()
    };
    j.record_draft_to(id(2), DraftKind::Reply, "Hi", at(2), whom)
        .unwrap();
    j.record_decision_on(
        &[id(3), id(4)],
        &[sent, sent],
        Some(Decision::Ignored),
        at(3),
    )
    .unwrap();
    let newer = sent + chrono::TimeDelta::days(2);
    for expected in [None, Some(sent), Some(sent)] {
        let undone = j.undo(at(4)).unwrap().unwrap();
        assert_eq!(undone.sent, expected, "{undone:?}");
        assert_eq!(undone.predates(newer), expected.is_some(), "{undone:?}");
        assert!(!undone.predates(sent), "{undone:?}");
    }
}

/// A line written before the `Sent At` was kept, or one whose list does not
/// match its ids, is told apart by its time alone, as before.
#[test]
fn a_decision_without_its_sent_at_is_dated_by_its_time() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(FILE_NAME),
        concat!(
            r#"{"v":1,"at":"2026-11-27T10:00:00","op":"decide","ids":["0000000000000001"],"decision":"ignored"}"#,
            "\n",
            r#"{"v":1,"at":"2026-11-27T10:01:00","op":"decide","ids":["0000000000000002","0000000000000003"],"decision":"accepted","sent":["2026-11-01T10:00:00"]}"#,
            "\n",
            r#"{"v":1,"at":"2026-11-27T10:02:00","op":"decide","ids":["0000000000000004"],"decision":"accepted","sent":"2026-11-01"}"#,
            "\n",
            r#"{"v":1,"at":"2026-11-27T10:03:00","op":"decide","ids":["0000000000000005","0000000000000006"],"decision":"ignored","sent":["2026-11-01T10:00:00",7]}"#,
            "\n",
            r#"{"v":1,"at":"2026-11-27T10:04:00","op":"decide","ids":["0000000000000007"],"decision":"ignored","sent":{"when":[1]}}"#,
            "\n",
            r#"{"v":1,"at":"2026-11-27T10:05:00","op":"draft","id":"0000000000000008","kind":"reply","text":"Hi","decision":"replied","sent":null}"#,
            "\n",
        ),
    )
    .unwrap();
    // Each line stands: a `sent` that cannot be read is left out.
    let j = open(dir.path());
    let a_day = chrono::TimeDelta::days(1);
    // The first line's time; the others are minutes later.
    let made = chrono::NaiveDate::from_ymd_opt(2026, 11, 27)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    for n in 1..=8 {
        let d = j.state(id(n)).and_then(|e| e.decided).unwrap();
        assert_eq!(d.sent, None, "{n}");
        // By its time alone: on an invitation sent up to a day after it,
        // not on one sent later.
        assert!(!d.predates(at(0)), "{n}");
        assert!(!d.predates(made + a_day), "{n}");
        assert!(d.predates(made + a_day * 2), "{n}");
    }
}

/// A draft's versions before it count towards its first date only when
/// they answered the same invitation: a reply rewritten for a newer
/// invitation from the same person was first written then.
#[test]
fn a_draft_for_a_newer_invitation_does_not_inherit_older_versions() {
    let dir = tempfile::tempdir().unwrap();
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    let first = at(0) - chrono::TimeDelta::days(20);
    let second = at(0) - chrono::TimeDelta::days(1);
    let to = |sent| Whom {
        sent: Some(sent),
        ..Whom::default()
    };
    j.record_draft_to(id(1), DraftKind::Reply, "v1", at(1), to(first))
        .unwrap();
    j.record_draft_to(id(1), DraftKind::Reply, "v2", at(2), to(first))
        .unwrap();
    let reply = |j: &Journal| j.state(id(1)).unwrap().reply.clone().unwrap();
    assert_eq!(reply(&j).earlier, [at(1)], "the same invitation: kept");
    j.record_draft_to(id(1), DraftKind::Reply, "v3", at(3), to(second))
        .unwrap();
    assert_eq!(reply(&j).earlier, [], "a newer invitation: its own first");
    assert_eq!(reply(&j).first_saved(second), at(3));
    // Undone, the one before comes back with its versions.
    j.undo(at(4)).unwrap();
    assert_eq!(reply(&j).text, "v2");
    assert_eq!(reply(&j).earlier, [at(1)]);
    // A Sent At ahead of the clock (a doctored export, a clock behind)
    // counts as the present: the versions stay chained.
    let ahead = at(0) + chrono::TimeDelta::days(3);
    j.record_draft_to(id(2), DraftKind::Reply, "w1", at(1), to(ahead))
        .unwrap();
    j.record_draft_to(id(2), DraftKind::Reply, "w2", at(2), to(ahead))
        .unwrap();
    assert_eq!(
        j.state(id(2)).unwrap().reply.as_ref().unwrap().earlier,
        [at(1)]
    );
}

/// A Sent At in the future counts as now: a decision taken today is on
/// this invitation, not an earlier one.
#[test]
fn a_sent_at_in_the_future_counts_as_now() {
    let dir = tempfile::tempdir().unwrap();
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    let sent = at(0) + chrono::TimeDelta::days(3);
    let inv = to_colleen("Bob Brown", Some("bob"), sent);
    j.record_decision(&[inv.id], Some(Decision::Ignored), at(1))
        .unwrap();
    let now = at(2);
    assert_eq!(
        j.decided(&inv, now).map(|d| d.decision),
        Some(Decision::Ignored)
    );
    assert_eq!(j.earlier(&inv, now), None);
    assert!(j.state_for(&inv, now).is_some());
    // Read four days on, it came after the decision.
    let then = sent + chrono::TimeDelta::days(1);
    assert_eq!(j.decided(&inv, then), None);
    assert_eq!(
        j.earlier(&inv, then).map(|d| d.decision),
        Some(Decision::Ignored)
    );
    assert_eq!(j.state_for(&inv, then), None);
}

/// Decided on an export without the URL columns, then read from a newer
/// one with them: the invitation takes the id its names and date make, so
/// the decision and drafts carry over, and so does the next step.
#[test]
fn a_decision_on_an_export_without_urls_carries_over_to_one_with_them() {
    let invitation = |from: &str, slug: Option<&str>| to_colleen(from, slug, at(0));
    let dir = tempfile::tempdir().unwrap();
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    let old = invitation("Bob Brown", None);
    j.record_decision(&[old.id], Some(Decision::Accepted), at(1))
        .unwrap();
    // An unsaved draft alone carries over too.
    let ann = invitation("Ann Lee", None);
    j.keep_unsaved(Unsaved {
        id: ann.id,
        kind: DraftKind::Reply,
        name: "Ann Lee".into(),
        at: at(1),
        text: "Hi Ann".into(),
        cursor: Some([0, 2]),
        sent: None,
    })
    .unwrap();
    let mut new = vec![
        invitation("Bob Brown", Some("bob")),
        invitation("Ann Lee", Some("ann")),
        invitation("Cy Dunn", Some("cy")),
    ];
    let own: Vec<_> = new.iter().map(|inv| inv.id).collect();
    assert_ne!(own[0], old.id);
    assert_eq!(j.adopt_ids(&mut new), 2);
    assert_eq!(new[0].id, old.id);
    assert_eq!(new[1].id, ann.id);
    assert_eq!(new[2].id, own[2], "nothing decided on it: its own id");
    assert_eq!(
        j.decided(&new[0], at(2)).map(|d| d.decision),
        Some(Decision::Accepted)
    );
    // Once its own id has an entry made after the older one's, that one
    // is kept.
    let mut again = vec![invitation("Bob Brown", Some("bob"))];
    j.record_decision(&[own[0]], Some(Decision::Ignored), at(3))
        .unwrap();
    assert_eq!(j.adopt_ids(&mut again), 0);
    assert_eq!(again[0].id, own[0]);
    // An export read with nothing from an older one: nothing changes.
    let other = tempfile::tempdir().unwrap();
    let (mut empty, _) = Journal::open(other.path()).unwrap();
    let mut fresh = vec![invitation("Bob Brown", Some("bob"))];
    assert_eq!(empty.adopt_ids(&mut fresh), 0);
    assert_eq!(fresh[0].id, own[0]);
}

/// A name written decomposed (`e` and a combining accent) is the same
/// name composed: without URLs, both give one id. A decision kept under the
/// id a decomposed name gave before ids took names in NFC is found again.
#[test]
fn a_decomposed_name_is_the_same_name() {
    let composed = to_colleen("Zo\u{eb} Laurent", None, date(4, 3));
    let decomposed = to_colleen("Zoe\u{308} Laurent", None, date(4, 3));
    assert_eq!(composed.id, decomposed.id);
    let id = |name: &str, form| InvitationId::by_names(name, "Colleen Ruiz", date(4, 3), form);
    // Names already in NFC keep the id they always had.
    assert_eq!(composed.id, id("Zo\u{eb} Laurent", NameForm::AsWritten));
    let before = id("Zoe\u{308} Laurent", NameForm::AsWritten);
    assert_ne!(before, decomposed.id);
    // Found again in the decomposed export, and in the composed one.
    for inv in [decomposed, composed] {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.record_decision_on(
            &[before],
            &[inv.sent_at],
            Some(Decision::Ignored),
            date(4, 10),
        )
        .unwrap();
        let mut now = vec![inv];
        assert_eq!(j.adopt_ids(&mut now), 1);
        assert_eq!(now[0].id, before);
        assert_eq!(
            j.decided(&now[0], date(4, 10)).map(|d| d.decision),
            Some(Decision::Ignored)
        );
    }
}

/// Without both URLs an id comes from the names and the date, and a
/// spreadsheet's `04/03/2026 10:00` read month first when decided and day
/// first now makes another: the journal's id is taken back, and the
/// decision holds (the swapped date is the same invitation).
#[test]
fn a_date_read_the_other_way_round_keeps_the_id_of_its_names() {
    let dir = tempfile::tempdir().unwrap();
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    let then = to_colleen("Al Pha", None, date(4, 3));
    j.record_decision_on(
        &[then.id],
        &[then.sent_at],
        Some(Decision::Accepted),
        date(4, 10),
    )
    .unwrap();
    let mut now = vec![
        to_colleen("Al Pha", None, date(3, 4)),
        to_colleen("Al Pha", None, date(5, 4)),
    ];
    assert_ne!(now[0].id, then.id);
    assert_eq!(j.adopt_ids(&mut now), 1);
    assert_eq!(now[0].id, then.id);
    assert_eq!(
        j.decided(&now[0], date(4, 10)).map(|d| d.decision),
        Some(Decision::Accepted)
    );
    assert_ne!(now[1].id, then.id, "another day is another invitation");
}

/// Decided on an export with the URL columns, then again on one without
/// them (where the first decision could not be matched), then read from
/// one with them again: the later decision is the one in effect, on every
/// start, and the earlier one is not counted as an invitation not in the
/// export. Undoing the later step brings the earlier decision back.
#[test]
fn an_invitation_decided_under_both_its_ids_takes_the_later_decision() {
    let invitation = |from: &str, slug: Option<&str>| to_colleen(from, slug, at(0));
    let dir = tempfile::tempdir().unwrap();
    let (latoya, femi) = (
        invitation("Latoya Ghosh", Some("latoya")),
        invitation("Femi Lee", Some("femi")),
    );
    let old = |inv: &Invitation| invitation(inv.from(), None);
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        // With URLs: both ignored.
        j.record_decision(&[latoya.id, femi.id], Some(Decision::Ignored), at(1))
            .unwrap();
        // Without: Latoya accepted.
        j.record_decision(&[old(&latoya).id], Some(Decision::Accepted), at(2))
            .unwrap();
    }
    let read = |j: &mut Journal| {
        let mut invs = vec![latoya.clone(), femi.clone()];
        let adopted = j.adopt_ids(&mut invs);
        (adopted, invs)
    };
    for _ in 0..2 {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let (adopted, invs) = read(&mut j);
        assert_eq!(adopted, 1);
        assert_eq!(invs[0].id, old(&latoya).id);
        assert_eq!(invs[1].id, femi.id, "decided under its URL id only");
        let decision = |i: usize| j.decided(&invs[i], at(9)).map(|d| d.decision);
        assert_eq!(decision(0), Some(Decision::Accepted));
        assert_eq!(decision(1), Some(Decision::Ignored));
        let here: HashSet<_> = invs.iter().map(|i| i.id).collect();
        assert_eq!(j.decided_elsewhere(|id| here.contains(id)), 0);
        assert_eq!(j.iter().count(), 2);
    }
    // The accept undone: the ignore made with URLs is in effect again.
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    j.undo(at(3)).unwrap();
    drop(j);
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    let (adopted, invs) = read(&mut j);
    assert_eq!(adopted, 0);
    assert_eq!(invs[0].id, latoya.id);
    assert_eq!(
        j.decided(&invs[0], at(9)).map(|d| d.decision),
        Some(Decision::Ignored)
    );
}

/// A reply left unsaved with URLs (the app killed mid-sentence), then the
/// invitation ignored on an export without them: the ignore's id wins,
/// and the unsaved words go with it, in the read-only reader as in the
/// writer, whose next start finds them there.
#[test]
fn an_unsaved_draft_follows_its_invitation_to_the_older_id() {
    let dir = tempfile::tempdir().unwrap();
    let jamal = to_colleen("Jamal Kovacs", Some("jamal"), at(0));
    let old = to_colleen("Jamal Kovacs", None, at(0));
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.keep_unsaved(Unsaved {
            id: jamal.id,
            name: "Jamal Kovacs".into(),
            ..unsaved(1, DraftKind::Reply, "Hi Jamal")
        })
        .unwrap();
        j.record_decision(&[old.id], Some(Decision::Ignored), at(2))
            .unwrap();
    }
    for writable in [false, true, true] {
        let (mut j, _) = if writable {
            Journal::open(dir.path()).unwrap()
        } else {
            Journal::open_read_only(dir.path()).unwrap()
        };
        let mut invs = vec![jamal.clone()];
        assert_eq!(j.adopt_ids(&mut invs), 1);
        assert_eq!(invs[0].id, old.id);
        assert_eq!(
            j.unsaved(old.id, DraftKind::Reply).map(|u| u.text.as_str()),
            Some("Hi Jamal"),
            "writable: {writable}"
        );
        assert!(!j.has_unsaved(jamal.id));
        assert_eq!(j.unsaved_drafts().count(), 1);
    }
}

/// The other way round: a draft left unsaved on an export without URLs
/// (under the name id), then a newer decision with URLs: the URL's id
/// stays, and the draft goes with it.
#[test]
fn an_unsaved_draft_follows_its_invitation_to_the_url_id() {
    let dir = tempfile::tempdir().unwrap();
    let jamal = to_colleen("Jamal Kovacs", Some("jamal"), at(0));
    let old = to_colleen("Jamal Kovacs", None, at(0));
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.record_decision(&[old.id], Some(Decision::Ignored), at(1))
            .unwrap();
        j.keep_unsaved(Unsaved {
            id: old.id,
            name: "Jamal Kovacs".into(),
            ..unsaved(2, DraftKind::Reply, "Hi Jamal")
        })
        .unwrap();
        j.record_decision(&[jamal.id], Some(Decision::Ignored), at(3))
            .unwrap();
    }
    for writable in [false, true, true] {
        let (mut j, _) = if writable {
            Journal::open(dir.path()).unwrap()
        } else {
            Journal::open_read_only(dir.path()).unwrap()
        };
        let mut invs = vec![jamal.clone()];
        j.adopt_ids(&mut invs);
        assert_eq!(invs[0].id, jamal.id);
        assert_eq!(
            j.unsaved(jamal.id, DraftKind::Reply)
                .map(|u| u.text.as_str()),
            Some("Hi Jamal"),
            "writable: {writable}"
        );
        assert_eq!(j.unsaved_drafts().count(), 1);
    }
}

/// A reply saved with URLs, an accept on an export without them, then an
/// export where the person's URL changed: the invitation takes the
/// accept's name id, and the accept stands on the reply's entry, so that
/// undoing it goes back to the reply in the same run, as the next start
/// shows it.
#[test]
fn a_name_id_stands_on_the_entry_of_a_changed_url() {
    let dir = tempfile::tempdir().unwrap();
    let aylin = to_colleen("Aylin Andersen", Some("aylin"), at(0));
    let old = to_colleen("Aylin Andersen", None, at(0));
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    j.record_draft_to(
        aylin.id,
        DraftKind::Reply,
        "Hi Aylin",
        at(1),
        Whom {
            sent: Some(aylin.sent_at),
            ..Whom::new("Aylin Andersen", "https://www.linkedin.com/in/aylin")
        },
    )
    .unwrap();
    j.record_decision_on(&[old.id], &[old.sent_at], Some(Decision::Accepted), at(2))
        .unwrap();
    let mut invs = vec![to_colleen("Aylin Andersen", Some("aylin-new"), at(0))];
    assert_eq!(j.adopt_ids(&mut invs), 1);
    assert_eq!(invs[0].id, old.id);
    assert_eq!(j.shadowed_by(aylin.id), Some(old.id));
    assert!(j.maybe_moved().is_empty());
    let now = j.state_for(&invs[0], at(9)).unwrap();
    assert_eq!(now.decision(), Some(Decision::Accepted));
    assert_eq!(now.reply.unwrap().text, "Hi Aylin");
    j.undo(at(3)).unwrap();
    assert_eq!(
        j.state_for(&invs[0], at(9)).and_then(|e| e.decision()),
        Some(Decision::Replied)
    );
    // The other way round (the accept first, then the reply): the old
    // URL's id wins, and the reply stands on the accept.
    let dir = tempfile::tempdir().unwrap();
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    j.record_decision_on(&[old.id], &[old.sent_at], Some(Decision::Accepted), at(1))
        .unwrap();
    j.record_draft_to(
        aylin.id,
        DraftKind::ThankYou,
        "Thanks, Aylin",
        at(2),
        Whom {
            sent: Some(aylin.sent_at),
            ..Whom::new("Aylin Andersen", "https://www.linkedin.com/in/aylin")
        },
    )
    .unwrap();
    let mut invs = vec![to_colleen("Aylin Andersen", Some("aylin-new"), at(0))];
    assert_eq!(j.adopt_ids(&mut invs), 1);
    assert_eq!(invs[0].id, aylin.id);
    assert_eq!(j.shadowed_by(old.id), Some(aylin.id));
    let now = j.state_for(&invs[0], at(9)).unwrap();
    assert_eq!(now.decision(), Some(Decision::Accepted));
    assert_eq!(now.thank_you.unwrap().text, "Thanks, Aylin");
}

/// What the later id's steps never set is the earlier id's (a reply saved
/// with URLs, then an accept without them: the reply's words are still
/// there), and undoing the later id's first step goes back to the earlier
/// id's state in the same run, as the next start shows it.
#[test]
fn the_later_id_s_steps_stand_on_the_earlier_id_s_entry() {
    let invitation = |from: &str, slug: Option<&str>| to_colleen(from, slug, at(0));
    let dir = tempfile::tempdir().unwrap();
    let (kenji, femi) = (
        invitation("Kenji Jankowski", Some("kenji")),
        invitation("Femi Lee", Some("femi")),
    );
    let old = |inv: &Invitation| invitation(inv.from(), None);
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        // With URLs: Kenji accepted, Femi replied to.
        j.record_decision(&[kenji.id], Some(Decision::Accepted), at(1))
            .unwrap();
        j.record_draft(femi.id, DraftKind::Reply, "Hi Femi", at(1))
            .unwrap();
        // Without: Kenji ignored, Femi accepted.
        j.record_decision(&[old(&kenji).id], Some(Decision::Ignored), at(2))
            .unwrap();
        j.record_decision(&[old(&femi).id], Some(Decision::Accepted), at(2))
            .unwrap();
    }
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    let mut invs = vec![kenji.clone(), femi.clone()];
    assert_eq!(j.adopt_ids(&mut invs), 2);
    assert_eq!(j.shadowed_by(kenji.id), Some(old(&kenji).id));
    let femi_now = j.state_for(&invs[1], at(9)).unwrap();
    assert_eq!(femi_now.decision(), Some(Decision::Accepted));
    assert_eq!(femi_now.reply.unwrap().text, "Hi Femi", "kept in sight");
    assert_eq!(j.drafts_elsewhere(|_| false, Absence::Answered), (0, 0));
    // Undoing Femi's accept, then Kenji's ignore, in this run: back to
    // what was decided with URLs.
    j.undo(at(3)).unwrap();
    let femi_now = j.state_for(&invs[1], at(9)).unwrap();
    assert_eq!(femi_now.decision(), Some(Decision::Replied));
    j.undo(at(3)).unwrap();
    assert_eq!(
        j.decided(&invs[0], at(9)).map(|d| d.decision),
        Some(Decision::Accepted)
    );
    // As the next start has it.
    drop(j);
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    let mut invs = vec![kenji.clone(), femi.clone()];
    assert_eq!(j.adopt_ids(&mut invs), 0);
    assert_eq!(
        j.decided(&invs[0], at(9)).map(|d| d.decision),
        Some(Decision::Accepted)
    );
    assert_eq!(
        j.decided(&invs[1], at(9)).map(|d| d.decision),
        Some(Decision::Replied)
    );
}

/// An undo reverts the step it names: after a damaged undo line, the next
/// one does not revert another person's step in its place.
#[test]
fn an_undo_reverts_the_step_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"v":1,"at":"2026-11-25T17:01:00","op":"decide","ids":["0000000000000001"],"decision":"accepted"}"#,
        r#"{"v":1,"at":"2026-11-25T17:02:00","op":"decide","ids":["0000000000000002"],"decision":"ignored"}"#,
        // The undo of line 2, damaged: line 2 stays in effect.
        r#"{"v":1,"at":"2026-11-25T17:03:00","op":"undo","und"#,
        r#"{"v":1,"at":"2026-11-25T17:04:00","op":"undo","undoes":1}"#,
        // Line 2 holds no step in effect any more once undone; line 9 none ever.
        r#"{"v":1,"at":"2026-11-25T17:05:00","op":"decide","ids":["0000000000000003"],"decision":"accepted"}"#,
        r#"{"v":1,"at":"2026-11-25T17:06:00","op":"undo","undoes":5}"#,
        r#"{"v":1,"at":"2026-11-25T17:07:00","op":"undo","undoes":5}"#,
        r#"{"v":1,"at":"2026-11-25T17:08:00","op":"undo","undoes":99}"#,
        // Under a later step on the same invitation: skipped.
        r#"{"v":1,"at":"2026-11-25T17:09:00","op":"decide","ids":["0000000000000004"],"decision":"accepted"}"#,
        r#"{"v":1,"at":"2026-11-25T17:10:00","op":"decide","ids":["0000000000000004"],"decision":"ignored"}"#,
        r#"{"v":1,"at":"2026-11-25T17:11:00","op":"undo","undoes":9}"#,
    ];
    let (j, notices) = open_lines(dir.path(), &lines);
    assert_eq!(decision(&j, 1), None, "line 4 undid line 1");
    assert_eq!(
        decision(&j, 2),
        Some(Decision::Ignored),
        "its undo was lost"
    );
    assert_eq!(decision(&j, 3), None);
    assert_eq!(decision(&j, 4), Some(Decision::Ignored));
    let skipped: Vec<_> = notices
        .iter()
        .map(|n| n.split("line ").nth(1).unwrap().split(' ').next().unwrap())
        .collect();
    assert_eq!(skipped, ["3", "7", "8", "11"], "{notices:#?}");
    assert!(notices[1].contains("it undoes line 5, which holds no step still in effect"));
    assert!(notices[3].contains("a later step changed the same invitations"));
    // What is left to undo: line 2 under lines 9 and 10.
    assert_eq!(j.undo_depth(), 3);
    let next = j.next_undo().unwrap();
    assert_eq!(next.ids, [id(4)]);
    assert_eq!(next.kind, StepKind::Decide(Some(Decision::Ignored)));
}

/// A journal saved by an editor that adds a byte-order mark loses no line.
#[test]
fn a_byte_order_mark_is_not_part_of_the_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let line = r#"{"v":1,"at":"2026-11-25T17:01:00","op":"decide","ids":["0000000000000001"],"decision":"accepted"}"#;
    fs::write(dir.path().join(FILE_NAME), format!("\u{feff}{line}\r\n")).unwrap();
    for (j, notices) in [
        Journal::open_read_only(dir.path()).unwrap(),
        Journal::open(dir.path()).unwrap(),
    ] {
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(decision(&j, 1), Some(Decision::Accepted));
    }
}

/// Undoing a saved draft keeps its words for the composer, across a
/// restart, until a draft of that kind is saved again. Undoing an edit,
/// then the draft it edited, keeps the edit's words: the newest, which the
/// older text would otherwise have put out of reach.
#[test]
fn an_undone_draft_keeps_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let inv = to_colleen("Bob Brown", Some("bob"), at(0));
    let now = at(30);
    {
        let mut j = open(dir.path());
        j.record_draft(inv.id, DraftKind::Reply, "first words", at(1))
            .unwrap();
        j.record_draft(inv.id, DraftKind::Reply, "second words", at(2))
            .unwrap();
        j.undo(at(3)).unwrap();
        assert_eq!(
            j.state(inv.id).unwrap().reply.as_ref().unwrap().text,
            "first words"
        );
        assert_eq!(
            j.undone_draft(&inv, DraftKind::Reply, now).unwrap().text,
            "second words"
        );
        assert!(j.undone_draft(&inv, DraftKind::ThankYou, now).is_none());
        j.undo(at(4)).unwrap();
    }
    let mut j = open(dir.path());
    assert!(j.state(inv.id).is_none());
    assert_eq!(
        j.undone_draft(&inv, DraftKind::Reply, now).unwrap().text,
        "second words",
        "the newest undone, after a restart"
    );
    // For an invitation sent after it, it was about an earlier one.
    let later = at(1) + chrono::TimeDelta::days(3);
    let mut again = inv.clone();
    again.sent_at = later;
    assert!(j.undone_draft(&again, DraftKind::Reply, later).is_none());
    j.record_draft(inv.id, DraftKind::Reply, "new words", at(5))
        .unwrap();
    assert!(j.undone_draft(&inv, DraftKind::Reply, now).is_none());
    drop(j);
    // A clock set back between the two saves: the edit is still the
    // newer words, by the order of the steps.
    let other = to_colleen("Cy Dunn", Some("cy"), at(0));
    let mut j = open(dir.path());
    j.record_draft(other.id, DraftKind::Reply, "first words", at(20))
        .unwrap();
    j.record_draft(other.id, DraftKind::Reply, "edited words", at(10))
        .unwrap();
    j.undo(at(21)).unwrap();
    j.undo(at(22)).unwrap();
    assert_eq!(
        j.undone_draft(&other, DraftKind::Reply, now).unwrap().text,
        "edited words"
    );
    drop(j);
    let j = open(dir.path());
    assert_eq!(
        j.undone_draft(&other, DraftKind::Reply, now).unwrap().text,
        "edited words",
        "after a restart"
    );
}

/// The same journal reached from another data folder through a symlink
/// is refused to a second instance, as the folder itself is.
#[cfg(unix)]
#[test]
fn a_journal_symlinked_from_another_folder_takes_the_same_lock() {
    let dir = tempfile::tempdir().unwrap();
    let (real, link) = (dir.path().join("real"), dir.path().join("link"));
    fs::create_dir_all(&real).unwrap();
    fs::create_dir_all(&link).unwrap();
    fs::write(real.join(FILE_NAME), "").unwrap();
    std::os::unix::fs::symlink(real.join(FILE_NAME), link.join(FILE_NAME)).unwrap();
    let first = open(&real);
    assert!(matches!(
        Journal::open(&link).map(|_| ()).unwrap_err(),
        JournalError::Locked { .. }
    ));
    drop(first);
    let (_second, _) = Journal::open(&link).unwrap();
    assert!(matches!(
        Journal::open(&real).map(|_| ()).unwrap_err(),
        JournalError::Locked { .. }
    ));
}

/// A journal symlinked to one not made yet: the first open creates the
/// target, and its lock is the target's from the start, so the target's
/// own data folder is refused while the first instance writes it. Through
/// a chain of links, and relative ones, too.
#[cfg(unix)]
#[test]
fn a_journal_symlinked_to_one_not_made_yet_takes_the_target_s_lock() {
    let dir = tempfile::tempdir().unwrap();
    let [l1, l2, l3] = ["L1", "L2", "L3"].map(|d| dir.path().join(d));
    for d in [&l1, &l2, &l3] {
        fs::create_dir_all(d).unwrap();
    }
    std::os::unix::fs::symlink(l2.join(FILE_NAME), l1.join(FILE_NAME)).unwrap();
    std::os::unix::fs::symlink(Path::new("../L1").join(FILE_NAME), l3.join(FILE_NAME)).unwrap();
    let first = open(&l1);
    assert!(l2.join(FILE_NAME).exists(), "the target is made");
    assert!(matches!(
        Journal::open(&l2).map(|_| ()).unwrap_err(),
        JournalError::Locked { .. }
    ));
    drop(first);
    fs::remove_file(l2.join(FILE_NAME)).unwrap();
    let first = open(&l3);
    assert!(l2.join(FILE_NAME).exists(), "the target is made");
    for other in [&l2, &l1] {
        assert!(matches!(
            Journal::open(other).map(|_| ()).unwrap_err(),
            JournalError::Locked { .. }
        ));
    }
    drop(first);
    let (_second, _) = Journal::open(&l2).unwrap();
}

// ---- compaction ---------------------------------------------------------

use proptest::strategy::Strategy as _;

/// One step of a journal's history, for the compaction tests.
#[derive(Debug, Clone)]
enum Act {
    Decide(Vec<u64>, Option<Decision>),
    Draft(u64, DraftKind, String),
    Undo,
}

fn write_history(dir: &Path, acts: &[Act]) {
    let (mut j, _) = Journal::open(dir).unwrap();
    for (n, act) in acts.iter().enumerate() {
        let t = at(u32::try_from(n % 60).unwrap());
        match act {
            Act::Decide(ids, d) => {
                let ids: Vec<InvitationId> = ids.iter().map(|&n| id(n)).collect();
                j.record_decision(&ids, *d, t).unwrap();
            }
            Act::Draft(n, kind, text) => {
                j.record_draft(id(*n), *kind, text, t).unwrap();
            }
            Act::Undo => {
                j.undo(t).unwrap();
            }
        }
    }
}

/// What a user can see of a journal: every entry, the undone drafts, and
/// each undo it still has, in turn (which empties it).
fn everything(j: &mut Journal) -> (Vec<(InvitationId, Entry)>, Vec<String>, Vec<Undone>) {
    let mut entries: Vec<_> = j.iter().map(|(id, e)| (id, e.clone())).collect();
    entries.sort_by_key(|(id, _)| *id);
    let mut undone: Vec<String> = j
        .undone_drafts
        .iter()
        .map(|((id, kind), d)| format!("{id} {kind:?} {}", d.text))
        .collect();
    undone.sort();
    let mut undos = Vec::new();
    while let Some(u) = j.undo(at(59)).unwrap() {
        undos.push(u);
    }
    (entries, undone, undos)
}

/// A journal whose undone decisions are half of it or more is rewritten
/// without them; what it holds, and every undo left, are the same, the
/// old file is kept beside it, and it is not compacted twice.
#[test]
fn compaction_leaves_out_undone_decisions_and_nothing_else() {
    let bulk: Vec<u64> = (100..400).collect();
    let acts = vec![
        Act::Decide(vec![1, 2, 3], Some(Decision::Accepted)),
        Act::Decide(bulk.clone(), Some(Decision::Ignored)),
        Act::Undo,
        Act::Draft(2, DraftKind::Reply, "Hi Two".into()),
        Act::Undo,
        Act::Draft(3, DraftKind::ThankYou, "Thanks, Three".into()),
        Act::Decide(bulk.clone(), Some(Decision::Accepted)),
        Act::Undo,
        Act::Decide(vec![1, 4], None),
    ];
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    write_history(&a, &acts);
    write_history(&b, &acts);
    let before = fs::read(a.join(FILE_NAME)).unwrap();
    // Below the size, nothing is done.
    let (j, notices) = Journal::open_compacting_at(&a, before.len() + 1).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    drop(j);
    assert_eq!(fs::read(a.join(FILE_NAME)).unwrap(), before);

    let (j, notices) = Journal::open_compacting_at(&a, 0).unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].contains("compacted from")
            && notices[0].contains("leaving out 2 steps you undid"),
        "{notices:?}"
    );
    let after = fs::read(a.join(FILE_NAME)).unwrap();
    assert!(
        after.len() * 3 < before.len(),
        "{} of {}",
        after.len(),
        before.len()
    );
    assert_eq!(
        fs::read(a.join(BEFORE_COMPACTION_FILE_NAME)).unwrap(),
        before
    );
    assert!(!a.join(COMPACTING_FILE_NAME).exists());
    // The undone draft stays, with its undo, renumbered.
    let text = String::from_utf8(after.clone()).unwrap();
    assert_eq!(text.lines().count(), 5, "{text}");
    assert!(
        text.lines().nth(2).unwrap().contains("\"undoes\":2"),
        "{text}"
    );

    // Nothing undone is left to leave out: opened again, it stays.
    drop(j);
    let (mut j, notices) = Journal::open_compacting_at(&a, 0).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(fs::read(a.join(FILE_NAME)).unwrap(), after);
    // A new step goes on the compacted file as on the other, and every
    // undo after it takes back the same.
    let (mut plain, _) = Journal::open(&b).unwrap();
    j.record_decision(&[id(9)], Some(Decision::Accepted), at(50))
        .unwrap();
    plain
        .record_decision(&[id(9)], Some(Decision::Accepted), at(50))
        .unwrap();
    assert_eq!(everything(&mut j), everything(&mut plain));
}

/// A decision undone an hour or more after it was made stays through
/// compaction: an action list may have asked for it, and the next one
/// says it was undone ("remove the connection"). One undone within the
/// hour goes.
#[test]
fn compaction_keeps_a_decision_undone_a_day_later() {
    let dir = tempfile::tempdir().unwrap();
    let bulk: Vec<InvitationId> = (100..400).map(id).collect();
    let day = chrono::TimeDelta::days(1);
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.record_decision(&bulk, Some(Decision::Accepted), at(0))
            .unwrap();
        j.undo(at(0) + day).unwrap();
        for n in [1, 3] {
            j.record_decision(&bulk, Some(Decision::Ignored), at(n) + day)
                .unwrap();
            j.undo(at(n + 1) + day).unwrap();
        }
    }
    let before = fs::read(dir.path().join(FILE_NAME)).unwrap();
    let (j, notices) = Journal::open_compacting_at(dir.path(), 0).unwrap();
    assert!(
        notices.len() == 1 && notices[0].contains("leaving out 2 steps you undid"),
        "{notices:?}"
    );
    let after = fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
    assert_eq!(after.lines().count(), 2, "{after}");
    assert!(after.len() * 2 < before.len());
    let undone = j.undone_decision(bulk[7]).expect("still listed as undone");
    assert_eq!(undone.decided.decision, Decision::Accepted);
    assert_eq!(undone.undone_at, at(0) + day);
    // Nothing left to leave out: opened again, it stays as it is.
    drop(j);
    let (j, notices) = Journal::open_compacting_at(dir.path(), 0).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert!(j.undone_decision(bulk[0]).is_some());
    assert_eq!(
        fs::read_to_string(dir.path().join(FILE_NAME)).unwrap(),
        after
    );
}

/// A journal with a line it could not read is left as it is: compaction
/// would drop or renumber around what it does not understand.
#[test]
fn a_journal_with_a_damaged_line_is_not_compacted() {
    let dir = tempfile::tempdir().unwrap();
    write_history(
        dir.path(),
        &[
            Act::Decide((1..300).collect(), Some(Decision::Accepted)),
            Act::Undo,
        ],
    );
    let path = dir.path().join(FILE_NAME);
    let mut bytes = b"{\"v\":1,\"op\":\"nonsense\"}\n".to_vec();
    bytes.extend(fs::read(&path).unwrap());
    // The undo names line 1, now line 2.
    let bytes = String::from_utf8(bytes)
        .unwrap()
        .replace("\"undoes\":1", "\"undoes\":2");
    fs::write(&path, &bytes).unwrap();
    let (j, notices) = Journal::open_compacting_at(dir.path(), 0).unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("line 1 skipped"), "{notices:?}");
    assert!(j.iter().next().is_none());
    assert_eq!(fs::read_to_string(&path).unwrap(), bytes);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
    /// Any history: compacted or not, the journal shows the same entries,
    /// undone drafts and undo steps.
    #[test]
    fn compaction_changes_nothing_a_user_can_see(
        acts in proptest::collection::vec(
            proptest::prop_oneof![
                (proptest::collection::vec(0u64..8, 1..4), 0usize..5).prop_map(|(ids, d)| {
                    Act::Decide(ids, [None, Some(Decision::Accepted), Some(Decision::Ignored), Some(Decision::Replied), Some(Decision::Withdrawn)][d])
                }),
                (0u64..8, proptest::bool::ANY, "[a-z]{0,3}").prop_map(|(n, reply, text)| {
                    Act::Draft(n, if reply { DraftKind::Reply } else { DraftKind::ThankYou }, text)
                }),
                proptest::strategy::Just(Act::Undo),
            ],
            0..30,
        )
    ) {
        use proptest::prelude::*;
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        write_history(&a, &acts);
        write_history(&b, &acts);
        let (mut j, notices) = Journal::open_compacting_at(&a, 0).unwrap();
        prop_assert!(notices.iter().all(|n| n.contains("compacted from")), "{:?}", notices);
        let (mut plain, _) = Journal::open(&b).unwrap();
        prop_assert_eq!(everything(&mut j), everything(&mut plain));
    }
}

/// A journal that is a symlink (shared from another data folder) is not
/// compacted: the rename would put a file of its own in the link's place.
#[cfg(unix)]
#[test]
fn a_symlinked_journal_is_not_compacted() {
    let dir = tempfile::tempdir().unwrap();
    let (real, linked) = (dir.path().join("real"), dir.path().join("linked"));
    write_history(
        &real,
        &[
            Act::Decide((1..300).collect(), Some(Decision::Accepted)),
            Act::Undo,
        ],
    );
    fs::create_dir(&linked).unwrap();
    std::os::unix::fs::symlink(real.join(FILE_NAME), linked.join(FILE_NAME)).unwrap();
    let bytes = fs::read(real.join(FILE_NAME)).unwrap();
    let (_j, notices) = Journal::open_compacting_at(&linked, 0).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert!(
        fs::symlink_metadata(linked.join(FILE_NAME))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(real.join(FILE_NAME)).unwrap(), bytes);
}

/// The journal moved, replaced or written by another process while it
/// is open: a step is refused, not written where it would be lost (or
/// undo the wrong line), and nothing changes in memory either. (Deleted,
/// it is written back: see the next test.)
#[test]
fn a_journal_changed_under_it_refuses_the_next_step() {
    for (change, says) in [
        ("move", "was deleted or moved"),
        ("replace", "was replaced by another file"),
        ("folder", "was replaced by a folder"),
        ("append", "was written to by another program"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut j = open(dir.path());
        j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
            .unwrap();
        let path = dir.path().join(FILE_NAME);
        match change {
            "move" => std::fs::rename(&path, dir.path().join("moved")).unwrap(),
            "replace" => {
                let copy = dir.path().join("copy");
                std::fs::copy(&path, &copy).unwrap();
                std::fs::rename(&copy, &path).unwrap();
            }
            "folder" => {
                std::fs::remove_file(&path).unwrap();
                std::fs::create_dir(&path).unwrap();
            }
            _ => {
                let mut other = OpenOptions::new().append(true).open(&path).unwrap();
                other
                    .write_all(b"{\"v\":1,\"at\":\"2026-11-25T17:00:00\",\"op\":\"decide\",\"ids\":[\"0000000000000009\"],\"decision\":\"ignored\"}\n")
                    .unwrap();
            }
        }
        let err = j
            .record_decision(&[id(2)], Some(Decision::Ignored), at(2))
            .unwrap_err();
        assert!(err.to_string().contains(says), "{change}: {err}");
        assert_eq!(decision(&j, 2), None, "{change}: not applied");
        // Counted, to be said again on quitting.
        j.record_decision(&[id(3)], Some(Decision::Ignored), at(3))
            .unwrap_err();
        assert_eq!(j.refused_steps(), Some((2, says)), "{change}");
    }
}

/// The journal cut short by another program while open (a sync tool,
/// `: > journal.jsonl`) lost its bytes with the open file: it is written
/// back whole from what this process read and wrote, with the next step
/// (or on quitting); what the file held after the cut, when it is not the
/// journal's start, is kept in the temporary folder.
#[cfg(unix)]
#[test]
fn a_journal_cut_short_under_it_is_written_back() {
    for after_cut in ["", "{\"v\":1,", "not a journal\n"] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let mut j = open(dir.path());
        j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
            .unwrap();
        j.record_decision(&[id(2)], Some(Decision::Ignored), at(2))
            .unwrap();
        let whole = fs::read(&path).unwrap();
        // Cut in place (the same file, shorter), as `: >` and truncate do.
        OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&path)
            .unwrap()
            .write_all(after_cut.as_bytes())
            .unwrap();
        j.record_decision(&[id(3)], Some(Decision::Accepted), at(3))
            .unwrap();
        assert!(j.take_written_back() && j.was_cut_short(), "{after_cut:?}");
        let now = fs::read(&path).unwrap();
        assert!(now.starts_with(&whole), "{after_cut:?}");
        assert_eq!(now.iter().filter(|&&b| b == b'\n').count(), 3);
        // Kept aside when it was something else than the journal's start.
        match (j.cut_short_left(), after_cut) {
            (None, "" | "{\"v\":1,") => {}
            (Some(left), "not a journal\n") => {
                assert_eq!(fs::read(left).unwrap(), after_cut.as_bytes());
                fs::remove_file(left).unwrap();
            }
            (left, _) => panic!("{after_cut:?}: {left:?}"),
        }
        drop(j);
        let j = open(dir.path());
        for (n, d) in [
            (1, Decision::Accepted),
            (2, Decision::Ignored),
            (3, Decision::Accepted),
        ] {
            assert_eq!(decision(&j, n), Some(d), "{after_cut:?}");
        }
    }
    // Cut with no step after it: put back when asked (on quitting).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let mut j = open(dir.path());
    j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
        .unwrap();
    let whole = fs::read(&path).unwrap();
    assert!(!j.write_back_if_cut_short().unwrap(), "nothing to do");
    fs::write(&path, "").unwrap();
    assert!(j.write_back_if_cut_short().unwrap());
    assert_eq!(fs::read(&path).unwrap(), whole);
}

/// The journal written over in place by another program, as long as it
/// was: the step is refused (its end is not what was written), and the
/// journal as this process knew it is kept in the temporary folder, as
/// after any refused step, for the next start to take back or name. A
/// journal a killed write-back left half written beside it is never
/// written over, and readers name it.
#[cfg(unix)]
#[test]
fn a_journal_written_over_refuses_and_keeps_what_it_knew() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let mut j = open(dir.path());
    j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
        .unwrap();
    let whole = fs::read(&path).unwrap();
    assert!(j.rescue_if_refused().is_none(), "nothing refused");
    let mut other = vec![b'z'; whole.len() - 1];
    other.push(b'\n');
    OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .write_all(&other)
        .unwrap();
    let err = j
        .record_decision(&[id(2)], Some(Decision::Ignored), at(2))
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("was written over by another program"),
        "{err}"
    );
    let kept = j.rescue_if_refused().unwrap().unwrap();
    assert_eq!(fs::read(&kept).unwrap(), whole);
    fs::remove_file(kept).unwrap();
    drop(j);

    // Written over in its middle, far from its end (a journal of many
    // steps), and then only quit: caught all the same, and kept.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let mut j = open(dir.path());
    for n in 1..200 {
        j.record_decision(&[id(n)], Some(Decision::Accepted), at(1))
            .unwrap();
    }
    let whole = fs::read(&path).unwrap();
    assert!(whole.len() > 16 << 10);
    let text = String::from_utf8(whole.clone()).unwrap();
    let mid = text.len() / 2;
    let at_ = mid + text[mid..].find("accepted").unwrap();
    let mut other = text.clone();
    other.replace_range(at_..at_ + 8, "ignored ");
    assert_eq!(other.len(), text.len());
    OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .write_all(other.as_bytes())
        .unwrap();
    assert!(j.rescue_if_refused().is_none());
    let kept = j.rescue_if_written_over().unwrap().unwrap();
    assert_eq!(fs::read(&kept).unwrap(), whole);
    fs::remove_file(kept).unwrap();
    let err = j
        .record_decision(&[id(300)], Some(Decision::Ignored), at(2))
        .unwrap_err();
    assert!(err.to_string().contains("was written over"), "{err}");
    let kept = j.rescue_if_refused().unwrap().unwrap();
    fs::remove_file(kept).unwrap();
    drop(j);

    // A half-written copy a killed run left stays through a write-back,
    // one of this very pid too (pid 1 in a container at every run).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let left = dir.path().join("journal.jsonl.being-written.1");
    fs::write(&left, "{\"v\":1,").unwrap();
    let mine = dir.path().join(format!(
        "journal.jsonl.being-written.{}",
        std::process::id()
    ));
    fs::write(&mine, "mine").unwrap();
    let (mut j, notices) = Journal::open(dir.path()).unwrap();
    assert!(
        notices
            .iter()
            .any(|n| n
                .contains("being-written.1: a journal a run was writing back when it was killed")),
        "{notices:?}"
    );
    j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
        .unwrap();
    fs::remove_file(&path).unwrap();
    j.record_decision(&[id(2)], Some(Decision::Accepted), at(2))
        .unwrap();
    assert!(j.take_written_back());
    assert_eq!(fs::read(&left).unwrap(), b"{\"v\":1,");
    let kept: Vec<Vec<u8>> = Journal::left_half_written_in(dir.path())
        .iter()
        .map(|p| fs::read(p).unwrap())
        .collect();
    assert!(kept.contains(&b"mine".to_vec()), "{kept:?}");
    let (_, read) = Journal::open_read_only(dir.path()).unwrap();
    assert!(
        read.iter()
            .any(|n| n.contains("being-written.1: a journal a run was writing back")),
        "{read:?}"
    );
}

/// The journal's folder replaced by a file while open: its path cannot be
/// looked at, and the open file, deleted with the folder, cannot be put
/// back. The step is refused, not written into the deleted file.
#[cfg(unix)]
#[test]
fn a_journal_whose_folder_became_a_file_refuses_the_next_step() {
    let top = tempfile::tempdir().unwrap();
    let dir = top.path().join("data");
    let mut j = open(&dir);
    j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
        .unwrap();
    fs::remove_dir_all(&dir).unwrap();
    fs::write(&dir, "a file now").unwrap();
    let err = j
        .record_decision(&[id(2)], Some(Decision::Ignored), at(2))
        .unwrap_err();
    assert!(err.to_string().contains("was deleted or moved"), "{err}");
    assert_eq!(decision(&j, 2), None);
}

/// A journal deleted while open, with another file put in its place (a
/// second instance's, say), cannot be written back: kept in the temporary
/// folder instead. The next start names it while the journal there has
/// steps, and takes it back into an empty one.
#[cfg(unix)]
#[test]
fn a_lost_journal_is_kept_and_taken_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let j = open(dir.path());
    assert!(j.rescue_if_lost().is_none(), "not lost");
    // Deleted with nothing in it: nothing lost, nothing kept.
    fs::remove_file(&path).unwrap();
    assert!(j.is_blank() && j.rescue_if_lost().is_none());
    fs::write(&path, "").unwrap();
    drop(j);
    let mut j = open(dir.path());
    j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
        .unwrap();
    j.record_decision(&[id(2)], Some(Decision::Ignored), at(2))
        .unwrap();
    fs::remove_file(&path).unwrap();
    let other = r#"{"v":1,"at":"2026-11-25T17:00:00","op":"decide","ids":["0000000000000009"],"decision":"ignored"}"#;
    fs::write(&path, format!("{other}\n")).unwrap();
    assert!(!j.write_back_if_deleted().unwrap(), "another file is there");
    let kept = j.rescue_if_lost().unwrap().unwrap();
    assert!(kept.starts_with(std::env::temp_dir()), "{kept:?}");
    drop(j);
    let (j, notices) = Journal::open(dir.path()).unwrap();
    assert_eq!(
        decision(&j, 1),
        None,
        "not merged into a journal with steps"
    );
    assert!(kept.is_file());
    assert_eq!(notices.len(), 1, "{notices:#?}");
    assert!(
        notices[0].contains("has steps of its own, so it was left as it is"),
        "{}",
        notices[0]
    );
    drop(j);
    // A reader (export) names it too, as its steps are not read.
    let (_, notices) = Journal::open_read_only(dir.path()).unwrap();
    assert!(
        notices.iter().any(|n| n.starts_with(&format!(
            "{}: a journal kept when a run ended without putting it back; its steps are not read here",
            crate::text::shown_path(&kept)
        ))),
        "{notices:#?}"
    );
    fs::write(&path, "").unwrap();
    let (j, notices) = Journal::open(dir.path()).unwrap();
    assert_eq!(decision(&j, 1), Some(Decision::Accepted));
    assert_eq!(decision(&j, 2), Some(Decision::Ignored));
    assert!(!kept.exists(), "taken back");
    assert!(
        notices.len() == 1 && notices[0].starts_with("Took back the journal kept in "),
        "{notices:#?}"
    );
}

/// A write-back a kill cut short leaves its copy beside the journal:
/// before the link, the next start takes it back; after it (the same
/// file as the journal), it is removed.
#[cfg(unix)]
#[test]
fn a_write_back_cut_short_is_taken_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let mut j = open(dir.path());
    j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
        .unwrap();
    drop(j);
    let copy = dir.path().join(format!("{FILE_NAME}.writing-back"));
    fs::rename(&path, &copy).unwrap();
    let (j, notices) = Journal::open(dir.path()).unwrap();
    assert_eq!(decision(&j, 1), Some(Decision::Accepted));
    assert!(!copy.exists());
    assert_eq!(notices.len(), 1, "{notices:#?}");
    drop(j);
    fs::hard_link(&path, &copy).unwrap();
    let (j, notices) = Journal::open(dir.path()).unwrap();
    assert!(notices.is_empty(), "{notices:#?}");
    assert!(!copy.exists());
    assert_eq!(decision(&j, 1), Some(Decision::Accepted));
}

/// A draft the data folder could not take as a run ended, kept in the
/// temporary folder instead, is taken back by the next start on that data
/// folder (not another's), unless a newer unsaved draft of its invitation
/// and kind is there.
#[test]
fn a_rescued_draft_is_taken_back_by_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let other = tempfile::tempdir().unwrap();
    let mut j = open(dir.path());
    // A newer unsaved draft for the second is here already.
    let newer = Unsaved {
        at: at(9),
        ..unsaved(2, DraftKind::Reply, "newer words")
    };
    j.keep_unsaved(newer.clone()).unwrap();
    let first = j
        .rescue_unsaved(&unsaved(1, DraftKind::Reply, "Hi Abena, rescued"))
        .unwrap();
    let second = j
        .rescue_unsaved(&unsaved(2, DraftKind::Reply, "older words"))
        .unwrap();
    assert!(first.starts_with(std::env::temp_dir()));
    assert_ne!(first, second);
    drop(j);
    // Another data folder leaves them be.
    let _ = open(other.path());
    assert!(first.is_file() && second.is_file());
    // A reader (`drafts`, `export`) names them, as it does not list them.
    let (_, read) = Journal::open_read_only(dir.path()).unwrap();
    assert!(
        read.iter()
            .filter(|n| n.contains("an unsaved draft kept when a run ended without room"))
            .count()
            == 2,
        "{read:#?}"
    );
    let (j, notices) = Journal::open(dir.path()).unwrap();
    assert_eq!(
        j.unsaved(id(1), DraftKind::Reply).map(|u| u.text.as_str()),
        Some("Hi Abena, rescued")
    );
    assert!(!first.exists(), "taken back");
    assert_eq!(j.unsaved(id(2), DraftKind::Reply), Some(&newer));
    assert!(second.is_file(), "left, as a newer draft is here");
    assert_eq!(notices.len(), 2, "{notices:#?}");
    assert!(
        notices
            .iter()
            .any(|n| n.starts_with("Took back your unsaved reply to Abena Reyes from ")),
        "{notices:#?}"
    );
    assert!(
        notices
            .iter()
            .any(|n| n.contains("a newer unsaved reply is here, so it was left as it is")),
        "{notices:#?}"
    );
    fs::remove_file(&second).unwrap();
}

/// A byte that is not UTF-8 in a line (a disk error, another encoding)
/// is read as U+FFFD: the reply and its decision are kept, and said.
#[test]
fn a_line_with_a_byte_that_is_not_utf8_keeps_its_step() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut j = open(dir.path());
        j.record_draft(id(1), DraftKind::Reply, "Hi BASEREPLY", at(1))
            .unwrap();
    }
    let path = dir.path().join(FILE_NAME);
    let text = fs::read(&path).unwrap();
    let at = text.windows(4).position(|w| w == b"BASE").unwrap() + 4;
    let mut damaged = text[..at].to_vec();
    damaged.extend_from_slice(b"\xff\xfe");
    damaged.extend_from_slice(&text[at..]);
    fs::write(&path, damaged).unwrap();
    let (j, notices) = Journal::open_read_only(dir.path()).unwrap();
    let entry = j.state(id(1)).unwrap();
    assert_eq!(
        entry.draft(DraftKind::Reply).map(|d| d.text.as_str()),
        Some("Hi BASE\u{fffd}\u{fffd}REPLY")
    );
    assert_eq!(entry.decision(), Some(Decision::Replied));
    assert!(
        notices.iter().any(|n| n.contains(
            "line 1 holds bytes that are not UTF-8 text, read as \u{fffd}: its step is kept"
        )),
        "{notices:?}"
    );
}

/// The check pad's note the data folder could not take as a run ended,
/// kept in the temporary folder, is the pad's note again at the next
/// start; unless the pad's file was written since, when it is left.
#[test]
fn a_rescued_check_pad_note_is_taken_back_by_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = open(dir.path());
    j.keep_check_note("older note").unwrap();
    let kept = j.rescue_check_note("Hi Kenji, newer words").unwrap();
    assert!(kept.starts_with(std::env::temp_dir()));
    drop(j);
    let (j, notices) = Journal::open(dir.path()).unwrap();
    assert_eq!(j.check_note(), Some("Hi Kenji, newer words"));
    assert!(!kept.exists(), "taken back");
    assert!(
        notices
            .iter()
            .any(|n| n.starts_with("Took back the check pad's note from ")),
        "{notices:#?}"
    );
    drop(j);
    // Kept, then the pad written again: the pad's newer note stays.
    let j = open(dir.path());
    let kept = j.rescue_check_note("kept words").unwrap();
    drop(j);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    assert_eq!(j.check_note(), Some("kept words"));
    let kept2 = j.rescue_check_note("kept again").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    j.keep_check_note("written since").unwrap();
    drop(j);
    let (j, notices) = Journal::open(dir.path()).unwrap();
    assert_eq!(j.check_note(), Some("written since"));
    assert!(kept2.is_file() && !kept.exists());
    assert!(
        notices
            .iter()
            .any(|n| n.contains("the pad holds a note written since, so it was left as it is")),
        "{notices:#?}"
    );
    fs::remove_file(&kept2).unwrap();
    drop(j);
    // Of two copies, the one made last is taken back, whatever the pids
    // in their names (99999 sorts after 100000 as text).
    let prefix = rescue::prefix(&dir.path().join(FILE_NAME));
    let tmp = std::env::temp_dir();
    let older = tmp.join(format!(
        "{prefix}check-pad.99999-01795954000000000000.pad.txt"
    ));
    let newer = tmp.join(format!(
        "{prefix}check-pad.100000-01795954900000000000.pad.txt"
    ));
    fs::write(&older, "older words").unwrap();
    fs::write(&newer, "newer words").unwrap();
    let (j, _) = Journal::open(dir.path()).unwrap();
    assert_eq!(j.check_note(), Some("newer words"));
    assert!(!older.exists() && !newer.exists());
    drop(j);
    // Kept twice: one copy, the newer. Then cleared: none.
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    let first = j.rescue_check_note("first").unwrap();
    let second = j.rescue_check_note("second").unwrap();
    assert!(!first.exists() && second.is_file());
    j.keep_check_note("").unwrap();
    assert!(!second.exists());
}

/// The journal deleted while open (by hand, or with its folder) is
/// written back whole from the open file with the next step, so that the
/// next start finds every step; told once.
#[cfg(unix)]
#[test]
fn a_journal_deleted_under_it_is_written_back() {
    for whole_folder in [false, true] {
        let top = tempfile::tempdir().unwrap();
        let dir = top.path().join("data");
        let mut j = open(&dir);
        j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
            .unwrap();
        let path = dir.join(FILE_NAME);
        if whole_folder {
            fs::remove_dir_all(&dir).unwrap();
        } else {
            fs::remove_file(&path).unwrap();
        }
        assert!(!j.take_written_back());
        j.record_decision(&[id(2)], Some(Decision::Ignored), at(2))
            .unwrap();
        assert!(j.take_written_back(), "told");
        assert!(!j.take_written_back(), "told once");
        // Its lock is taken again: a second instance is still refused.
        assert!(
            matches!(Journal::open(&dir), Err(JournalError::Locked { .. })),
            "whole folder: {whole_folder}"
        );
        assert!(!dir.join(format!("{FILE_NAME}.writing-back")).exists());
        j.record_decision(&[id(3)], Some(Decision::Ignored), at(3))
            .unwrap();
        assert!(!j.take_written_back(), "nothing to write back now");
        drop(j);
        let (again, notices) = Journal::open(&dir).unwrap();
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(decision(&again, 1), Some(Decision::Accepted));
        assert_eq!(decision(&again, 2), Some(Decision::Ignored));
        assert_eq!(decision(&again, 3), Some(Decision::Ignored));
        assert_eq!(again.line_count(), 3);
    }
    // Without a step after it, on quitting (asked directly here).
    let dir = tempfile::tempdir().unwrap();
    let mut j = open(dir.path());
    assert!(!j.write_back_if_deleted().unwrap(), "not deleted");
    j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
        .unwrap();
    fs::remove_file(dir.path().join(FILE_NAME)).unwrap();
    assert!(j.write_back_if_deleted().unwrap());
    drop(j);
    let (again, _) = Journal::open(dir.path()).unwrap();
    assert_eq!(decision(&again, 1), Some(Decision::Accepted));
}

/// An unsaved draft left behind by a save that could not remove it (a
/// read-only folder) holds the saved words: not offered again, and removed
/// once the folder can be written. One with other words stays, whatever
/// the times say: the clock goes back (a flight west, the end of summer
/// time), and an edit made then is the user's latest.
#[test]
fn an_unsaved_draft_is_dropped_only_when_its_words_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = open(dir.path());
    // at(1) for the unsaved draft of id 1, at(2) for id 2…
    j.keep_unsaved(unsaved(1, DraftKind::Reply, "typed words.  \n\n"))
        .unwrap();
    j.keep_unsaved(unsaved(2, DraftKind::Reply, "edited after a save"))
        .unwrap();
    j.keep_unsaved(unsaved(3, DraftKind::Reply, "typed words."))
        .unwrap();
    // Saved without forgetting the unsaved files, as when removing them
    // fails; each saved later by the clock.
    j.unsaved.clear();
    j.record_draft(id(1), DraftKind::Reply, "typed words.", at(5))
        .unwrap();
    j.record_draft(id(2), DraftKind::Reply, "edited after", at(6))
        .unwrap();
    j.record_draft(id(3), DraftKind::Reply, "typed words. more", at(7))
        .unwrap();
    drop(j);
    let (ro, _) = Journal::open_read_only(dir.path()).unwrap();
    assert!(
        ro.unsaved(id(1), DraftKind::Reply).is_none(),
        "the saved words, as saved"
    );
    assert!(
        ro.unsaved(id(2), DraftKind::Reply).is_some(),
        "an edit with the clock gone back"
    );
    assert!(ro.unsaved(id(3), DraftKind::Reply).is_some());
    let j = open(dir.path());
    assert!(j.unsaved(id(1), DraftKind::Reply).is_none());
    assert!(j.unsaved(id(2), DraftKind::Reply).is_some());
    let left: Vec<_> = std::fs::read_dir(j.unsaved_dir()).unwrap().collect();
    assert_eq!(left.len(), 2, "the saved one's file removed");
}

/// A full disk or a folder that cannot be written is the user's to mend:
/// the error says how; other failures say nothing more.
#[test]
fn a_write_that_failed_for_space_or_rights_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = open(dir.path());
    j.file = Some(OpenOptions::new().append(true).open("/dev/full").unwrap());
    let err = j
        .record_decision(&[id(2)], Some(Decision::Ignored), at(2))
        .unwrap_err();
    assert_eq!(err.remedy().as_deref(), Some("free some disk space"));
    let locked = JournalError::Locked {
        path: dir.path().to_path_buf(),
    };
    assert_eq!(locked.remedy(), None);
    // Refused by the file itself (its mode, an immutable flag): the file
    // is what to mend; by a folder or a disk, the folder.
    let refused = |path: PathBuf, kind| JournalError::Io {
        action: "write to the journal",
        path,
        source: io::Error::from(kind),
    };
    let journal = dir.path().join(FILE_NAME);
    fs::write(&journal, "").unwrap();
    for (path, kind, says) in [
        (
            journal.clone(),
            io::ErrorKind::PermissionDenied,
            "make journal.jsonl writable",
        ),
        (
            dir.path().join("unsaved"),
            io::ErrorKind::PermissionDenied,
            "make the data folder writable",
        ),
        (
            journal,
            io::ErrorKind::ReadOnlyFilesystem,
            "make the data folder writable",
        ),
    ] {
        assert_eq!(refused(path, kind).remedy().as_deref(), Some(says));
    }
    // An unsaved draft's file, writable, in a folder that is not: the
    // folder refused the copy made beside it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let folder = dir.path().join(UNSAVED_DIR_NAME);
        fs::create_dir(&folder).unwrap();
        let draft = folder.join("00000000000000aa.reply.json");
        fs::write(&draft, "{}").unwrap();
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();
        let says = refused(draft.clone(), io::ErrorKind::PermissionDenied).remedy();
        fs::set_permissions(&draft, fs::Permissions::from_mode(0o444)).unwrap();
        let file_says = refused(draft.clone(), io::ErrorKind::PermissionDenied).remedy();
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(
            says,
            Some(format!("make the folder {} writable", shown_path(&folder)))
        );
        assert_eq!(
            file_says.as_deref(),
            Some("make 00000000000000aa.reply.json writable")
        );
    }
}

/// A draft to send for an invitation not in the export is counted whether
/// or not it was decided (a reply, then back to undecided), and a reply
/// only where the absence says nothing.
#[test]
fn drafts_elsewhere_counts_undecided_ones_too() {
    let dir = tempfile::tempdir().unwrap();
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    j.record_draft(id(1), DraftKind::Reply, "Hi", at(1))
        .unwrap();
    j.record_decision(&[id(1)], None, at(2)).unwrap();
    j.record_decision(&[id(2)], Some(Decision::Accepted), at(3))
        .unwrap();
    j.record_draft(id(2), DraftKind::ThankYou, "Thanks", at(4))
        .unwrap();
    assert_eq!(j.decided_elsewhere(|_| false), 1);
    assert_eq!(j.drafts_elsewhere(|_| false, Absence::Unknown), (1, 1));
    assert_eq!(j.drafts_elsewhere(|_| false, Absence::Answered), (1, 0));
    assert_eq!(
        j.drafts_elsewhere(|i| *i == id(2), Absence::Unknown),
        (0, 1)
    );
}

/// A time or a decision the journal cannot read is said in a person's
/// words, not chrono's or serde's.
#[test]
fn an_unreadable_time_or_decision_is_said_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"v":1,"at":"2026-11-25T17:01:0x","op":"decide","ids":["0000000000000001"],"decision":"accepted"}"#,
        r#"{"v":1,"at":"2026-11-25T17:02:00","op":"decide","ids":["0000000000000002"],"decision":"maybe"}"#,
    ];
    let (_, notices) = open_lines(dir.path(), &lines);
    assert_eq!(notices.len(), 2, "{notices:#?}");
    assert!(
        notices[0].contains(
            "not a journal entry (a time that cannot be read (expected one like 2026-11-25T17:03:12), column "
        ),
        "{}",
        notices[0]
    );
    assert!(
        notices[1].contains("(unknown value `maybe`, expected one of `accepted`"),
        "{}",
        notices[1]
    );
}

/// The `sent` times are read digit by digit in the form invitriage writes,
/// as chrono reads them; any other form goes to chrono.
#[test]
fn a_written_time_reads_as_chrono_reads_it() {
    for s in [
        "2026-11-03T09:12:00",
        "1999-12-31T23:59:59",
        "2026-02-29T09:12:00",
        "2026-02-28T24:00:00",
        "2026-06-30T23:59:60",
        "2026-13-01T09:12:00",
        "2026-11-03T09:12:00.5",
        "2026-11-03T09:12",
        "2026-11-03",
        "2026-11-03 09:12:00",
        "+026-11-03T09:12:00",
        "",
    ] {
        assert_eq!(stamp(s), s.parse::<NaiveDateTime>().ok(), "{s}");
    }
    assert!(stamp("2026-11-03T09:12:00").is_some());
}

/// A run's earliest step, from the line count at its start: also when the
/// clock went back during the run, and leaving out steps undone since.
#[test]
fn the_earliest_step_of_a_run_is_found_by_its_lines() {
    let dir = tempfile::tempdir().unwrap();
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
        .unwrap();
    let start = j.line_count();
    assert_eq!(start, 1);
    assert_eq!(j.first_step_after(start), None);
    j.record_decision(&[id(2)], Some(Decision::Ignored), at(30))
        .unwrap();
    // The clock set back by twenty minutes.
    j.record_decision(&[id(3)], Some(Decision::Ignored), at(10))
        .unwrap();
    j.record_decision(&[id(4)], Some(Decision::Ignored), at(5))
        .unwrap();
    assert_eq!(j.first_step_after(start), Some(at(5)));
    j.undo(at(6)).unwrap();
    assert_eq!(j.first_step_after(start), Some(at(10)));
    assert_eq!(j.first_step_after(0), Some(at(1)));
}

/// A profile URL changed between two exports (a custom one set): the
/// invitation sent in the same minute and direction, the only one then,
/// takes the id of the gone entry when a draft on it names the same
/// person, so the accept is still to do and not read as done on LinkedIn.
/// Without a name to tell (a decision alone), two people invited in one
/// minute may be the pair: it is only named. Two at that minute, a sent
/// one for a received decision, an invitation with steps of its own, or an
/// export without URLs: nothing moves.
#[test]
fn a_changed_profile_url_keeps_its_decision() {
    let dir = tempfile::tempdir().unwrap();
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    let xavier = to_colleen("Xavier Dupont", Some("xavier-dupont-1a2b3c"), date(11, 1));
    let ann = to_colleen("Ann Lee", Some("ann"), date(11, 2));
    let cy = to_colleen("Cy Dunn", Some("cy"), date(11, 3));
    j.record_decision_on(
        &[xavier.id, ann.id, cy.id],
        &[xavier.sent_at, ann.sent_at, cy.sent_at],
        Some(Decision::Accepted),
        date(11, 3),
    )
    .unwrap();
    j.record_draft_to(
        xavier.id,
        DraftKind::ThankYou,
        "Thanks, Xavier",
        date(11, 3),
        Whom::new(
            "Xavier Dupont",
            "https://www.linkedin.com/in/xavier-dupont-1a2b3c",
        ),
    )
    .unwrap();
    let mut now = vec![
        to_colleen("Xavier Dupont", Some("xavierdupont"), date(11, 1)),
        to_colleen("Dee Ross", Some("dee"), date(11, 1)),
        to_colleen("Ann Lee", Some("ann-lee"), date(11, 2)),
        to_colleen("Bo Chen", Some("bo"), date(11, 2)),
        to_colleen("Aisha Khan", Some("aisha"), date(11, 3)),
    ];
    // Xavier's thank-you names him among the two of his minute.
    assert_eq!(j.adopt_ids(&mut now), 1);
    assert_eq!(now[0].id, xavier.id);
    assert_eq!(j.moved(), &[xavier.id]);
    // His URL, not Colleen's: the thank-you keeps the one he had.
    assert_eq!(j.own_url_changed(), None);
    assert_eq!(
        j.decided(&now[0], date(11, 4)).map(|d| d.decision),
        Some(Decision::Accepted)
    );
    assert_ne!(now[1].id, xavier.id);
    // Decisions without a name: each invitation of their minute is named
    // beside them, none takes them.
    assert_ne!(now[2].id, ann.id);
    assert_ne!(now[4].id, cy.id);
    let mut maybe = j.maybe_moved().to_vec();
    maybe.sort();
    let mut expected = vec![(now[2].id, ann.id), (now[3].id, ann.id), (now[4].id, cy.id)];
    expected.sort();
    assert_eq!(maybe, expected);
    // Two decisions gone from one minute: a name cannot tell whose is
    // whose (the other Chen Wei was ignored), so neither is carried, and
    // the one left pending is named once. The minute is matched without
    // its seconds.
    let dir2 = tempfile::tempdir().unwrap();
    let (mut k, _) = Journal::open(dir2.path()).unwrap();
    let when = date(11, 9) + chrono::Duration::seconds(45);
    let (met, recruiter) = (
        to_colleen("Chen Wei", Some("cw-1111"), when),
        to_colleen("Chen Wei", Some("cw-2222"), when),
    );
    k.record_decision_on(&[met.id], &[when], Some(Decision::Accepted), date(11, 10))
        .unwrap();
    k.record_draft_to(
        met.id,
        DraftKind::ThankYou,
        "Thanks, Chen",
        date(11, 10),
        Whom::new("Chen Wei", ""),
    )
    .unwrap();
    k.record_decision_on(
        &[recruiter.id],
        &[when],
        Some(Decision::Ignored),
        date(11, 10),
    )
    .unwrap();
    let mut left = vec![to_colleen("Chen Wei", Some("cw-recruiter"), date(11, 9))];
    assert_eq!(k.adopt_ids(&mut left), 0);
    let mut pairs: Vec<_> = k.maybe_moved().iter().map(|p| p.0).collect();
    pairs.dedup();
    assert_eq!(pairs, [left[0].id]);
    // Alone in its minute, the accept's draft names him: carried, though
    // one export gives the seconds and the other not.
    let dir3 = tempfile::tempdir().unwrap();
    let (mut m, _) = Journal::open(dir3.path()).unwrap();
    m.record_decision_on(&[met.id], &[when], Some(Decision::Accepted), date(11, 10))
        .unwrap();
    m.record_draft_to(
        met.id,
        DraftKind::ThankYou,
        "Thanks, Chen",
        date(11, 10),
        Whom::new("Chen Wei", ""),
    )
    .unwrap();
    let mut moved = vec![to_colleen("Chen Wei", Some("cw-new"), date(11, 9))];
    assert_eq!(m.adopt_ids(&mut moved), 1);
    assert_eq!(moved[0].id, met.id);
    // Read again, the same; with a step of its own, its own id.
    let mut again = vec![to_colleen(
        "Xavier Dupont",
        Some("xavierdupont"),
        date(11, 1),
    )];
    let own = again[0].id;
    j.record_decision_on(&[own], &[date(11, 1)], Some(Decision::Ignored), date(11, 5))
        .unwrap();
    assert_eq!(j.adopt_ids(&mut again), 0);
    assert_eq!(again[0].id, own);
    assert!(j.moved().is_empty());
    // A sent invitation does not take a received one's decision.
    let mut sent = to_colleen("Cy Dunn", Some("cy-dunn"), date(11, 3));
    sent.direction = crate::invitation::Direction::Outgoing;
    let mut out = vec![sent];
    assert_eq!(j.adopt_ids(&mut out), 0);
    assert!(j.maybe_moved().is_empty());
    // Nor does an export without the URL columns.
    let mut old = vec![to_colleen("Cy Dunn", None, date(11, 3))];
    assert_eq!(j.adopt_ids(&mut old), 0);
    assert!(j.maybe_moved().is_empty());
}

/// The user's own profile URL changed: the person's URL is the one their
/// draft keeps, yet the id is another, so it is the user's that changed
/// (and every id with it), which the note on it says. An export read
/// again as it was says nothing of it.
#[test]
fn a_changed_own_profile_url_is_told_by_a_draft() {
    use crate::invitation::{Direction, Fields};
    let to = |me: &str| {
        let url = format!("https://www.linkedin.com/in/{me}");
        Invitation::new(Fields {
            from: "Xavier Dupont",
            to: "Colleen Ruiz",
            message: "",
            inviter_url: "https://www.linkedin.com/in/xavier",
            invitee_url: &url,
            sent_at: date(11, 1),
            direction: Direction::Incoming,
            line: 2,
        })
    };
    let dir = tempfile::tempdir().unwrap();
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    let before = to("colleen");
    j.record_decision_on(
        &[before.id],
        &[before.sent_at],
        Some(Decision::Accepted),
        date(11, 3),
    )
    .unwrap();
    j.record_draft_to(
        before.id,
        DraftKind::ThankYou,
        "Thanks, Xavier",
        date(11, 3),
        Whom::new("Xavier Dupont", "https://www.linkedin.com/in/xavier/"),
    )
    .unwrap();
    let mut now = vec![to("colleen-ruiz-ceo")];
    assert_eq!(j.adopt_ids(&mut now), 1);
    assert_eq!(j.own_url_changed(), Some(before.id));
    let mut again = vec![to("colleen")];
    assert_eq!(j.adopt_ids(&mut again), 0);
    assert_eq!(j.own_url_changed(), None);
}

/// A draft left unsaved (the app killed mid-sentence) keeps the name and
/// the minute as a saved one does: when its person's profile URL changed,
/// it follows them to the invitation of that minute, read again from disk
/// as a start reads it, so the composer opens on it on their row. Among
/// two of that minute, the name tells; one without the minute it was
/// written on (files of earlier versions) stays where it was. An accept
/// without a draft is carried over by the name its unsaved thank-you
/// keeps.
#[test]
fn an_unsaved_draft_follows_a_changed_profile_url() {
    let dir = tempfile::tempdir().unwrap();
    let fatima = to_colleen("Fatima Sokolov", Some("fatima-sokolov-28ed9"), date(9, 28));
    let old = to_colleen("Omar Haddad", Some("omar-1"), date(9, 29));
    let ada = to_colleen("Ada Byron", Some("ada-1"), date(9, 30));
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.record_decision_on(
            &[ada.id],
            &[ada.sent_at],
            Some(Decision::Accepted),
            date(11, 28),
        )
        .unwrap();
        for (inv, sent, kind) in [
            (&fatima, Some(fatima.sent_at), DraftKind::Reply),
            (&old, None, DraftKind::Reply),
            (&ada, Some(ada.sent_at), DraftKind::ThankYou),
        ] {
            j.keep_unsaved(Unsaved {
                id: inv.id,
                kind,
                name: inv.from().into(),
                at: date(11, 29),
                text: "Merci".into(),
                cursor: None,
                sent,
            })
            .unwrap();
        }
    }
    let (mut j, _) = Journal::open(dir.path()).unwrap();
    let mut now = vec![
        to_colleen("Dee Ross", Some("dee"), date(9, 28)),
        to_colleen("Fatima Sokolov", Some("fatima-sokolov-new"), date(9, 28)),
        to_colleen("Omar Haddad", Some("omar-new"), date(9, 29)),
        to_colleen("Ada Byron", Some("ada-new"), date(9, 30)),
        to_colleen("Bo Chen", Some("bo"), date(9, 30)),
    ];
    assert_eq!(j.adopt_ids(&mut now), 2);
    assert_eq!(now[1].id, fatima.id);
    assert_eq!(now[3].id, ada.id);
    let mut moved = j.moved().to_vec();
    moved.sort();
    let mut expected = vec![fatima.id, ada.id];
    expected.sort();
    assert_eq!(moved, expected);
    assert_eq!(
        j.decided(&now[3], date(11, 29)).map(|d| d.decision),
        Some(Decision::Accepted)
    );
    assert_eq!(
        j.unsaved(now[1].id, DraftKind::Reply)
            .map(|u| u.text.as_str()),
        Some("Merci")
    );
    assert_ne!(now[0].id, fatima.id);
    assert_ne!(now[2].id, old.id);
    assert!(j.maybe_moved().is_empty());
}

/// A draft marked sent stays marked across a restart; an undo takes the
/// mark back (not the draft, nor its words as "undone"); a draft saved
/// since is a new version, to send; a mark on no draft is skipped.
#[test]
fn a_draft_marked_sent_is_kept_and_undone_like_any_step() {
    let dir = tempfile::tempdir().unwrap();
    let inv = to_colleen("Ann Early", Some("ann"), at(0) - chrono::TimeDelta::days(3));
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.record_draft(inv.id, DraftKind::Reply, "How can I help?", at(1))
            .unwrap();
        assert!(
            j.record_mark_sent(inv.id, DraftKind::Reply, true, at(2))
                .unwrap()
        );
        // No thank-you: nothing written.
        assert!(
            !j.record_mark_sent(inv.id, DraftKind::ThankYou, true, at(3))
                .unwrap()
        );
        assert_eq!(j.line_count(), 2);
    }
    let text = std::fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
    let mark = text.lines().nth(1).unwrap();
    assert!(
        mark.contains(r#","op":"mark-sent","id":""#)
            && mark.ends_with(r#","kind":"reply","marked":true}"#),
        "{text}"
    );
    let (mut j, notes) = Journal::open(dir.path()).unwrap();
    assert!(notes.is_empty(), "{notes:?}");
    let e = j.state(inv.id).unwrap();
    assert_eq!(e.reply.as_ref().unwrap().marked_sent, Some(at(2)));
    assert!(e.draft_unsent(e.decision()).is_none());
    assert_eq!(
        e.draft_marked_sent(e.decision())
            .map(|(k, d)| (k, d.text.as_str())),
        Some((DraftKind::Reply, "How can I help?"))
    );
    let undone = j.undo(at(4)).unwrap().unwrap();
    assert_eq!(undone.kind, StepKind::MarkSent(DraftKind::Reply, true));
    let e = j.state(inv.id).unwrap();
    assert_eq!(e.reply.as_ref().unwrap().marked_sent, None);
    assert_eq!(e.decision(), Some(Decision::Replied));
    assert!(j.undone_draft(&inv, DraftKind::Reply, at(5)).is_none());
    // Marked again, then edited: the new words are to send.
    assert!(
        j.record_mark_sent(inv.id, DraftKind::Reply, true, at(6))
            .unwrap()
    );
    j.record_draft(inv.id, DraftKind::Reply, "How can I help? PS", at(7))
        .unwrap();
    let e = j.state(inv.id).unwrap();
    assert_eq!(e.reply.as_ref().unwrap().marked_sent, None);
    assert!(e.draft_unsent(e.decision()).is_some());
    drop(j);
    // A mark on a draft that is not there (written by hand) is skipped,
    // named, and the rest stands.
    let mut f = OpenOptions::new()
        .append(true)
        .open(dir.path().join(FILE_NAME))
        .unwrap();
    writeln!(
        f,
        r#"{{"v":1,"at":"2026-11-25T18:00:00","op":"mark-sent","id":"{}","kind":"thank-you","marked":true}}"#,
        inv.id
    )
    .unwrap();
    drop(f);
    let (j, notes) = Journal::open(dir.path()).unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("line 6 skipped: it marks a thank-you that is not there")),
        "{notes:?}"
    );
    assert_eq!(
        j.state(inv.id).unwrap().reply.as_ref().unwrap().text,
        "How can I help? PS"
    );
}

/// An accept made in Berlin and undone eight hours later in Los Angeles,
/// at an earlier local time: by UTC (each line's `"tz"`) it was undone
/// late, so it is listed as undone and kept through compaction, not taken
/// for a slip put right within the hour.
#[test]
fn an_undo_in_another_time_zone_is_timed_by_utc() {
    let dir = tempfile::tempdir().unwrap();
    let ids: Vec<String> = (1..=400u64).map(|n| format!("\"{}\"", id(n))).collect();
    let ids = ids.join(",");
    let text = format!(
        "{{\"v\":1,\"at\":\"2026-11-29T09:00:00\",\"tz\":60,\"op\":\"decide\",\"ids\":[{ids}],\"decision\":\"accepted\"}}\n\
         {{\"v\":1,\"at\":\"2026-11-29T08:00:00\",\"tz\":-480,\"op\":\"undo\",\"undoes\":1}}\n\
         {{\"v\":1,\"at\":\"2026-11-29T08:01:00\",\"tz\":-480,\"op\":\"decide\",\"ids\":[{ids}],\"decision\":\"ignored\"}}\n\
         {{\"v\":1,\"at\":\"2026-11-29T08:02:00\",\"tz\":-480,\"op\":\"undo\",\"undoes\":3}}\n\
         {{\"v\":1,\"at\":\"2026-11-29T08:03:00\",\"tz\":-480,\"op\":\"decide\",\"ids\":[{ids}],\"decision\":\"ignored\"}}\n\
         {{\"v\":1,\"at\":\"2026-11-29T08:04:00\",\"tz\":-480,\"op\":\"undo\",\"undoes\":5}}\n"
    );
    fs::write(dir.path().join(FILE_NAME), &text).unwrap();
    let (j, notices) = Journal::open_compacting_at(dir.path(), 0).unwrap();
    assert!(
        notices.len() == 1 && notices[0].contains("leaving out 2 steps you undid"),
        "{notices:?}"
    );
    let undone = j.undone_decision(id(7)).expect("undone late, by UTC");
    assert_eq!(undone.decided.decision, Decision::Accepted);
    let after = fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
    assert_eq!(after.lines().count(), 2, "{after}");
    assert!(
        after.lines().nth(1).unwrap().contains("\"tz\":-480"),
        "{after}"
    );
    // The same lines without their offsets: by local time, within the
    // hour (as lines written before `tz` was kept are read).
    let dir = tempfile::tempdir().unwrap();
    let plain = text.replace(",\"tz\":60", "").replace(",\"tz\":-480", "");
    fs::write(dir.path().join(FILE_NAME), plain).unwrap();
    let (j, _) = Journal::open_compacting_at(dir.path(), 0).unwrap();
    assert!(j.undone_decision(id(7)).is_none());
}
