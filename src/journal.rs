//! The decision journal: every accept, ignore, reply draft and undo, recorded
//! durably on disk so that the user can carry the decisions out on LinkedIn
//! later (LinkedIn has no API for that).
//!
//! # The file
//!
//! `<data dir>/journal.jsonl`: append-only, UTF-8, one JSON object per line,
//! each line ending in `\n`. **One line is one undoable step.** Every line has
//!
//! - `"v"`: the format version, `1`. Lines of a newer version (a whole
//!   number above it) are skipped with a notice, as a newer invitriage's;
//!   any other `"v"` is damage, skipped with a notice too.
//! - `"at"`: local date and time of the step, ISO 8601 without a zone,
//!   `"2026-11-25T17:03:12"` (fractional seconds when the caller's clock had
//!   them).
//! - `"tz"`: the offset of `at` from UTC, in minutes, where and when it was
//!   written (`60` in Berlin in winter, `-480` in Los Angeles; absent in
//!   lines written before it was kept). Whether an undo came an hour or
//!   more after its step (see [`Journal::undone_decision`]) is told by UTC
//!   when both lines have it, so that an undo eight hours later in another
//!   time zone, or 80 minutes later across the end of summer time, does
//!   not read as one within the hour; so is whether a decision replaced
//!   another an hour or more after it. Anything but a whole number within
//!   18 hours (a hand edit) is read as absent, and the step stands.
//! - `"op"`: `"decide"`, `"draft"`, `"mark-sent"` or `"undo"`, with these fields:
//!
//! | op       | fields | meaning |
//! |----------|--------|---------|
//! | `decide` | `"ids"`: array of invitation ids; `"decision"`: `"accepted"`, `"ignored"`, `"replied"`, `"withdrawn"` (a sent invitation) or `null` | sets the decision of every id (`null`: back to undecided); a bulk accept/ignore is one line |
//! | `draft`  | `"id"`; `"kind"`: `"reply"` or `"thank-you"`; `"text"`; optional `"decision"`; optional `"name"` and `"url"` | stores the draft text verbatim (it replaces the earlier draft of that kind); when `"decision"` is present the step also sets it — a reply draft carries `"decision":"replied"`, a thank-you draft carries none. `"name"` and `"url"` say whom it answers, so that it can be listed after the invitation has left the export |
//! | `mark-sent` | `"id"`; `"kind"`: `"reply"` or `"thank-you"`; `"marked"`: `true` or `false` | marks the latest draft of that kind as sent on LinkedIn (`false`: not sent after all); the action lists leave a draft marked sent out, and a draft saved after it is to send again. A line for a draft that is not there is skipped with a notice |
//! | `undo`   | `"undoes"`: the line number (1-based) of the step it reverts; `"of"`: a hash of that line (16 hex digits; absent in lines written before it was kept) | reverts that step, always the newest not yet undone when invitriage writes it |
//!
//! Invitation ids are [`InvitationId`]s: 16 lower-case hex digits. Other
//! fields (e.g. a `"name"` added for human readers) are ignored when read.
//!
//! ```text
//! {"v":1,"at":"2026-11-25T17:03:12","op":"decide","ids":["00ab12cd34ef5678"],"decision":"accepted","sent":["2026-11-20T09:15:00"]}
//! {"v":1,"at":"2026-11-25T17:03:20","op":"decide","ids":["1111111111111111","2222222222222222"],"decision":"ignored","sent":["2026-11-02T10:00:00","2026-11-03T08:41:00"]}
//! {"v":1,"at":"2026-11-25T17:04:02","op":"draft","id":"3333333333333333","kind":"reply","text":"Hi Mei, …","decision":"replied","sent":"2026-11-24T16:20:00"}
//! {"v":1,"at":"2026-11-25T17:04:09","op":"undo","undoes":3,"of":"5d0c5a1e9f3b27c4"}
//! {"v":1,"at":"2026-11-26T10:12:40","op":"mark-sent","id":"3333333333333333","kind":"reply","marked":true}
//! ```
//!
//! # A decision on an earlier invitation
//!
//! An id comes from the two profile URLs, so a person who invites again
//! (after being ignored, or after withdrawing) has the id of the earlier
//! invitation and its decision. A step keeps the `Sent At` of the
//! invitation it was made on (`sent`; absent in lines written before it was
//! kept). A decision on an invitation sent more than a day before another,
//! or made more than a day before that one was sent, was about an earlier
//! one, and so is a draft saved then (see [`earlier_than`]):
//! [`Journal::decided`] and [`Journal::state_for`] leave them out and
//! the invitation is undecided again (the day covers the time zones between
//! the user's clock and LinkedIn's; a `Sent At` later than the present is
//! taken as the present). Nothing is rewritten; the next decision on it is a
//! step like any other.
//!
//! # A decision made on an export in the older format
//!
//! Exports from before LinkedIn added the two profile-URL columns give an
//! invitation an id from the two names and the date instead. The same
//! invitation in a newer export, with URLs, has another id, and
//! [`Journal::adopt_ids`] gives it back the older one when that has an
//! entry: the decision carries over, and what is decided next is written
//! under the same id, so this holds on every start. When both ids have one
//! (decided on an export with URLs, then on an older one), the id whose
//! newest step is the later one wins, and the other entry is left out of
//! every count of invitations not in the export. The winner's steps stand
//! on the other entry, in memory: what they never set (a reply saved with
//! URLs, then an accept without) is the other's, and undoing them goes
//! back to it, as the next start shows it. An unsaved draft under the
//! other id goes to the winner with it, and so does an entry under the
//! URL the person had before changing it (see `adopt_moved_ids`).
//!
//! # Undo
//!
//! Undo is a plain stack over every step ever recorded: an `undo` line
//! reverts the newest step that is not yet undone, the next one the step
//! before, and a new step after undos redoes nothing. Replaying the file
//! rebuilds the same stack, so undo works across restarts. Replay reverts
//! the step an undo names, not merely the newest one, so a damaged line
//! cannot make a later undo revert another person's step: an undo whose
//! `"undoes"` names a line that was skipped as unreadable is skipped too (it
//! reverted a step that was never applied); one naming a step under the
//! newest (an undo before it was lost) reverts it when no later step
//! touched the same invitations, and is skipped with a notice otherwise.
//! An undo that keeps the hash of the line it undoes (`"of"`, see
//! `line_hash`) reverts the step of that line wherever it is now: a line
//! added or removed above it (by hand, or a tool merging two copies)
//! moves it, and the number would name another step. The move is named;
//! when no line holds that step any more, the undo is skipped.
//!
//! Undoing a saved draft keeps its text ([`Journal::undone_draft`]) until
//! another draft of that kind is saved for the invitation: `r` or `t`
//! opens the composer on it again, across restarts too. Undoing an edit,
//! then the draft it edited, keeps the edit's text: the newest words,
//! written on the older ones.
//!
//! # Durability
//!
//! Each step is written with one `write_all` of the whole line, then
//! `flush` and `sync_data`; only then does the in-memory state change and the
//! call return `Ok`. When a write fails, the state is unchanged, the error is
//! returned and the file is cut back to its last complete line (retried before
//! the next write if that fails too), so the next append starts clean.
//!
//! On open, a last line without its `\n` that is not valid JSON (a crash or
//! power cut mid-write) is skipped with a notice: its bytes are appended to
//! `journal.jsonl.torn` beside the journal and the journal is truncated back
//! to its last complete line. A complete last line that only lacks its `\n`
//! is kept and the `\n` added. An unreadable line elsewhere is skipped with a
//! notice naming its line number, which asks for the line to be left where it
//! is or mended in place: deleting it would renumber the lines after it, and
//! an undo among them would then name another step. Opening never fails
//! because of the content.
//!
//! Only one invitriage may write a journal at a time: [`Journal::open`] takes
//! an exclusive lock on `journal.lock` beside the journal (a separate file, so
//! readers such as [`Journal::open_read_only`] are never blocked by it, even
//! where locks are mandatory) and is refused while another process holds it.
//! The lock goes with the `Journal` (drop) or the process (even `SIGKILL`).
//!
//! # Compaction
//!
//! An undo leaves the step it undoes in the file, and a bulk step over a
//! million invitations is a 14 MB line, so bulk steps tried and undone make
//! every later start slower. [`Journal::open`] therefore rewrites a journal of
//! 16 MB or more when the decisions undone within the hour, with their undo
//! lines, are at least half of it: without them, and with the undo lines it
//! keeps (those of drafts, whose text is offered back, and of decisions
//! undone an hour or more after they were made, which an action list may
//! have asked for and the next one lists as undone) renumbered. It first
//! replays the new text and compares the entries, undone drafts, undone
//! decisions and undo steps with the old one's; writes it to `journal.jsonl.compacting` and fsyncs it; links the
//! old file as `journal.jsonl.before-compaction` (replacing an earlier one);
//! then renames the new file over the journal, so that at every moment the
//! journal is one whole file or the other. A journal with anything it does
//! not carry over as it is (a skipped line, a byte-order mark, an undo naming
//! no line), a torn end, or a symlink for a file, is left as it is.
//!
//! # Unsaved drafts
//!
//! A draft being written is not a step, but it is the user's work: while the
//! triage screen has a changed draft open, it is kept in
//! `<data dir>/unsaved/<id>.<kind>.json` (one JSON object: `v`, `id`,
//! `kind`, `name`, `at`, `text`, `cursor`, and `sent`, the `Sent At` of the
//! invitation it answers; a file of another `v` is left alone),
//! rewritten whenever the text changes (to a temporary file, then renamed
//! over the old one, so a reader never sees half of it) and removed once the
//! draft is saved or discarded. A draft left there by a closed terminal, a
//! kill or a crash is offered again on the next start. These files are not
//! fsync'd on every key, so a power cut can still take the last keys; a
//! saved draft is in the journal and durable. [`Journal::sync_unsaved`]
//! fsyncs one, with the folder's entry for it: the triage screen does so
//! when it quits, before it says a draft is kept, and when that fails, or
//! the draft could not be written at all, it prints the text instead.
//!
//! An external editor edits a draft in the same folder, in
//! `editing.<id>.<kind>.<random>.txt` ([`Journal::editing_file`]). A run
//! killed while the editor was open leaves that file, and the next start
//! takes what it holds back as the draft's unsaved version (unless the
//! words kept for the draft are newer, or it is not UTF-8: then it is left,
//! with a notice). The file taken back is kept beside it as `.taken`: an
//! editor the killed run left open may write the file again, and that one
//! is left, with a notice, rather than taken over the words kept since.
//! The check pad's note is edited there too, in
//! `editing.check-pad.<random>.txt` ([`Journal::check_pad_editing_file`]),
//! and taken back the same way, as the pad's note (unless the note was
//! written after the file).
//!
//! Beside an editor's file, two kinds of copy can be left: `.taken` (above)
//! and `.before`, the draft or note from before an editor that failed
//! after writing (`editor::edit`). So that they do not pile up, a start
//! that holds the lock removes one once all of these hold: it is a month
//! old (a `.taken` counts from when it was taken back); the editor's file
//! it was kept beside is gone; and the draft it was for is no longer being
//! written (no unsaved draft of it is on disk: it was saved or discarded
//! since) or the one being written holds the copy's words (for the check
//! pad's copies, the same of the pad's note). A copy of a draft still being
//! written with other words, or of one whose unsaved file cannot be read,
//! is kept however old: those may be words kept nowhere else.
//!
//! # What the screen has seen
//!
//! `<data dir>/seen.json` keeps the newest received invitation of the
//! exports the triage screen opened, written as a run ends, so the next
//! start can say which are new (see [`Seen`]).
//!
//! The journal, the `.torn` file and unsaved drafts are created readable by
//! the user only (mode 0600 on Unix). The journal never reads the clock
//! for a step: every `at` is the caller's (it does measure the age of
//! files: an editor's being written, a copy a month old).

use std::collections::hash_map::Entry as MapEntry;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::{Deserialize, Deserializer, Serialize};

use crate::hash::{FastMap, FastSet};
use crate::invitation::{Invitation, InvitationId, NameForm};
use crate::text::shown_path;

mod compact;
mod rescue;
mod seen;
mod unsaved;

pub use seen::{SEEN_FILE_NAME, Seen};

/// The journal's file name inside the data directory.
pub const FILE_NAME: &str = "journal.jsonl";
/// Where the bytes of a torn last line are kept, beside the journal.
pub const TORN_FILE_NAME: &str = "journal.jsonl.torn";
/// The lock file beside the journal.
pub const LOCK_FILE_NAME: &str = "journal.lock";
/// The journal being written by a compaction, beside the journal.
pub const COMPACTING_FILE_NAME: &str = "journal.jsonl.compacting";
/// The journal as it was before the last compaction, beside it.
pub const BEFORE_COMPACTION_FILE_NAME: &str = "journal.jsonl.before-compaction";
/// The size from which [`Journal::open`] compacts a journal (when its undone
/// decisions are half of it or more): below it, replaying them costs less
/// than a tenth of a second.
const COMPACT_AT: usize = 16 << 20;

/// The folder of unsaved drafts, beside the journal.
pub const UNSAVED_DIR_NAME: &str = "unsaved";
/// How the temporary file of an unsaved draft being written is named.
const TEMP_PREFIX: &str = ".writing-";
/// The note in the check pad (`w`), as plain text, in the unsaved folder.
pub const CHECK_PAD_FILE_NAME: &str = "check-pad.txt";
/// How many more times a taken lock is tried, 20 ms apart, before another
/// instance is taken to hold it (see [`Journal::open`]).
const LOCK_TRIES: u32 = 10;

/// The `"v"` of every line this version writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// What the user decided about an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    Accepted,
    Ignored,
    Replied,
    /// An invitation the user sent, to withdraw on LinkedIn (the only
    /// decision a sent invitation takes; the other three are for received
    /// ones).
    Withdrawn,
}

impl Decision {
    pub const ALL: [Decision; 4] = [
        Decision::Accepted,
        Decision::Ignored,
        Decision::Replied,
        Decision::Withdrawn,
    ];

    /// `accepted`, `ignored`, `replied`, `withdrawn`: as in the journal and
    /// the exports.
    pub fn label(self) -> &'static str {
        match self {
            Decision::Accepted => "accepted",
            Decision::Ignored => "ignored",
            Decision::Replied => "replied",
            Decision::Withdrawn => "withdrawn",
        }
    }

    /// `accept`, `ignore`, `reply`, `withdraw`: for messages such as
    /// "Undid: accept …".
    pub fn verb(self) -> &'static str {
        match self {
            Decision::Accepted => "accept",
            Decision::Ignored => "ignore",
            Decision::Replied => "reply",
            Decision::Withdrawn => "withdraw",
        }
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The two kinds of draft kept per invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DraftKind {
    /// A reply to the invitation's note; saving one marks the invitation
    /// [`Decision::Replied`].
    Reply,
    /// A thank-you to send after accepting; leaves the decision alone.
    ThankYou,
}

impl DraftKind {
    pub const ALL: [DraftKind; 2] = [DraftKind::Reply, DraftKind::ThankYou];

    /// `reply`, `thank-you`: as in the journal.
    pub fn label(self) -> &'static str {
        match self {
            DraftKind::Reply => "reply",
            DraftKind::ThankYou => "thank-you",
        }
    }

    /// Whether a draft of this kind is for an invitation decided as
    /// `decision`: a thank-you follows an accept, and a reply is instead
    /// of one (saved, it turns the accept into "replied").
    pub fn fits(self, decision: Option<Decision>) -> bool {
        match self {
            DraftKind::Reply => decision != Some(Decision::Accepted),
            DraftKind::ThankYou => decision == Some(Decision::Accepted),
        }
    }
}

/// A decision, when it was made, and the `Sent At` of the invitation it
/// was made on (`None` in lines written before it was kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decided {
    pub decision: Decision,
    pub at: NaiveDateTime,
    pub sent: Option<NaiveDateTime>,
    /// The offset of `at` from UTC, in minutes, when its line keeps it
    /// (see [`local_tz`]): how long after it another step came is told by
    /// UTC ([`an_hour_on`]).
    pub tz: Option<i16>,
}

impl Decided {
    /// Whether the decision was about an earlier invitation between the
    /// same two people than the one sent at `sent_at` (see [`earlier_than`]).
    pub fn predates(&self, sent_at: NaiveDateTime) -> bool {
        earlier_than(self.at, self.sent, sent_at)
    }

    /// The `Sent At` the decision kept, when it is earlier than `sent_at`
    /// by less than [`predates`](Self::predates) takes for another
    /// invitation: a time zone the export gave apart, or the person sending
    /// again within a day (a note added to one sent without). Which of the
    /// two cannot be told, so the decision stands and the screen says so.
    pub fn sent_earlier(&self, sent_at: NaiveDateTime) -> Option<NaiveDateTime> {
        // By the minute: one export may give the seconds, another not.
        self.sent.filter(|&sent| {
            at_minute(sent) < at_minute(sent_at) && !day_and_month_swapped(sent, sent_at)
        })
    }

    /// Whether the decision was about a later invitation between the same
    /// two people than the one sent at `sent_at` (see [`later_than`]).
    pub fn postdates(&self, sent_at: NaiveDateTime) -> bool {
        later_than(self.sent, sent_at)
    }
}

/// Whether a step on the invitation sent at `sent` was about a later
/// invitation between the same two people than the one sent at `sent_at`:
/// sent more than a day after it ([`made_before`]'s margin), and not the
/// same date read the other way round. Such a step, made on a newer export,
/// is not the older invitation's, in an older export opened again: shown
/// there, it read as its decision, and a decision made there replaced it.
/// A line without `sent` is never later. `sent_at` is the export's own
/// (not [`sent_by`]'s): a step stores the `Sent At` as the export had it.
pub fn later_than(sent: Option<NaiveDateTime>, sent_at: NaiveDateTime) -> bool {
    sent.is_some_and(|sent| !day_and_month_swapped(sent, sent_at) && made_before(sent_at, sent))
}

/// Whether a step recorded `at`, on the invitation sent at `sent` when the
/// line keeps it, was about an earlier invitation than the one sent at
/// `sent_at`: the invitation it was made on was sent more than a day before
/// this one. That catches a decision made after a new invitation arrived
/// but on an export taken before it (ignored on the 27th, on an export of
/// the 18th, while the person invited again on the 26th); the day's margin
/// is [`made_before`]'s, for an export that gives times in another zone.
/// A line without `sent` (written before it was kept) falls back on when
/// the step was made: before this invitation existed. Not both: a step
/// whose `sent` is this invitation's stays on it even when its clock was
/// behind, or the export's date was ahead (it once dropped out once the
/// clock passed that date).
pub fn earlier_than(
    at: NaiveDateTime,
    sent: Option<NaiveDateTime>,
    sent_at: NaiveDateTime,
) -> bool {
    match sent {
        // The same date read the other way round (`03/04/2026` of a file a
        // spreadsheet saved, read month first then and day first now, as a
        // row added since or the present decides) is the same invitation:
        // nobody invites again on the swapped day at the same minute.
        Some(sent) if day_and_month_swapped(sent, sent_at) => false,
        Some(sent) => made_before(sent, sent_at),
        None => made_before(at, sent_at),
    }
}

/// `t` without its seconds: one export gives `Sent At` to the minute
/// (LinkedIn's `11/19/26, 9:10 AM`), another may to the second.
fn at_minute(t: NaiveDateTime) -> NaiveDateTime {
    use chrono::Timelike;
    t.with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(t)
}

/// `t` with its day and month swapped, when that is another date.
fn swapped(t: NaiveDateTime) -> Option<NaiveDateTime> {
    use chrono::Datelike;
    let date = chrono::NaiveDate::from_ymd_opt(t.year(), t.day(), t.month())?;
    (date != t.date()).then(|| date.and_time(t.time()))
}

/// Whether `a` is `b` with its day and month swapped (and not the same).
fn day_and_month_swapped(a: NaiveDateTime, b: NaiveDateTime) -> bool {
    swapped(a) == Some(b)
}

/// Whether a step recorded `at` was made before an invitation sent at
/// `sent_at` existed, so that it was about an earlier one between the same
/// two people: the id comes from the two profile URLs, and a person whose
/// invitation was ignored (or who withdrew it) can invite again.
///
/// `at` is the user's local time and `Sent At` is LinkedIn's (UTC as far as
/// exports show), which can be up to 14 hours apart; a step counts as
/// earlier only when it is more than a day older, so a time zone never
/// makes a step on this invitation look like one on an earlier one.
pub fn made_before(at: NaiveDateTime, sent_at: NaiveDateTime) -> bool {
    // Checked: `at` comes from the file, and a doctored one may hold a
    // date at the end of chrono's range.
    at.checked_add_signed(chrono::TimeDelta::days(1))
        .is_some_and(|later| later < sent_at)
}

/// When `inv` was sent, for telling its steps from an earlier invitation's:
/// its `Sent At`, but never later than `now`. A `Sent At` in the future (a
/// clock behind, a doctored export) would otherwise make a decision taken
/// today look like one on an earlier invitation.
pub fn sent_by(inv: &Invitation, now: NaiveDateTime) -> NaiveDateTime {
    inv.sent_at.min(now)
}

/// Whom a draft answers, kept in its line: their name and profile URL, and
/// the `Sent At` of their invitation. Each may be unknown (empty, `None`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Whom<'a> {
    pub name: &'a str,
    pub url: &'a str,
    pub sent: Option<NaiveDateTime>,
}

impl<'a> Whom<'a> {
    /// Their name and profile URL, without the invitation's `Sent At`.
    pub fn new(name: &'a str, url: &'a str) -> Self {
        Whom {
            name,
            url,
            sent: None,
        }
    }
}

/// A draft's text (verbatim), when it was saved, and whom it answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub text: String,
    pub at: NaiveDateTime,
    /// When each of the drafts this one replaced, one after another, was
    /// saved, oldest first (empty when it replaced none): a reply edited
    /// today may have been sent in an earlier version. Not a field of the
    /// file: the replay works it out.
    pub earlier: Vec<NaiveDateTime>,
    /// The other person's name and profile URL when the draft was saved
    /// (empty in lines written before they were kept): a thank-you is sent
    /// after the invitation has left the export, and must still say to whom.
    pub name: String,
    pub url: String,
    /// The `Sent At` of the invitation it answers (`None` in lines written
    /// before it was kept).
    pub sent: Option<NaiveDateTime>,
    /// When the user marked this version sent on LinkedIn (a `mark-sent`
    /// step): nothing is left to send. A draft saved since is a new version,
    /// not marked.
    pub marked_sent: Option<NaiveDateTime>,
}

impl Draft {
    /// Whether the draft was about an earlier invitation between the same
    /// two people than the one sent at `sent_at` (see [`earlier_than`]).
    pub fn predates(&self, sent_at: NaiveDateTime) -> bool {
        earlier_than(self.at, self.sent, sent_at)
    }

    /// Whether the draft answers a later invitation between the same two
    /// people than the one sent at `sent_at` (see [`later_than`]).
    pub fn postdates(&self, sent_at: NaiveDateTime) -> bool {
        later_than(self.sent, sent_at)
    }

    /// When a version of this draft was first saved for the invitation
    /// sent at `sent_at` (see [`sent_by`]): versions saved for an earlier
    /// invitation between the same people ([`made_before`]) do not count.
    pub fn first_saved(&self, sent_at: NaiveDateTime) -> NaiveDateTime {
        self.earlier
            .iter()
            .chain([&self.at])
            .filter(|&&t| !made_before(t, sent_at))
            .min()
            .copied()
            .unwrap_or(self.at)
    }

    /// When the first version of this draft was saved, whatever it was for.
    pub fn first_version(&self) -> NaiveDateTime {
        self.earlier
            .iter()
            .chain([&self.at])
            .min()
            .copied()
            .unwrap_or(self.at)
    }
}

/// A draft being written and not yet saved (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unsaved {
    pub id: InvitationId,
    pub kind: DraftKind,
    /// Whom the draft answers, for a person reading the file.
    pub name: String,
    /// When the text last changed.
    pub at: NaiveDateTime,
    pub text: String,
    /// Where the cursor was then (row and column, in characters), for the
    /// composer to go on there. Absent in files of earlier versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<[u32; 2]>,
    /// The `Sent At` of the invitation it answers, as a step keeps it: an
    /// older export, with an earlier invitation between the same two
    /// people, then leaves the draft to the newer one (see
    /// [`Journal::later`]). Absent in files of earlier versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<NaiveDateTime>,
}

/// The current state of one invitation in the journal. Ids with no decision
/// and no draft have no entry at all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// `None`: undecided (e.g. only a draft was saved, or the decision was
    /// undone or reset).
    pub decided: Option<Decided>,
    /// The latest reply draft. Boxed, as drafts are few and decisions
    /// many: an entry of 48 bytes instead of about 280 keeps a million of them
    /// in the cache while a journal replays (see BENCHMARKS.md).
    pub reply: Option<Box<Draft>>,
    /// The latest thank-you draft.
    pub thank_you: Option<Box<Draft>>,
}

impl Entry {
    pub fn decision(&self) -> Option<Decision> {
        self.decided.map(|d| d.decision)
    }

    pub fn decided_at(&self) -> Option<NaiveDateTime> {
        self.decided.map(|d| d.at)
    }

    /// The newest step on it: its decision, or a draft saved since (what
    /// `export --since` goes by).
    pub fn last_step(&self) -> Option<NaiveDateTime> {
        self.decided_at()
            .into_iter()
            .chain(self.reply.iter().chain(&self.thank_you).map(|d| d.at))
            .max()
    }

    /// What of the entry is about the invitation sent at `sent_at`: the
    /// decision and the drafts [made before](made_before) it was sent were
    /// about an earlier invitation, and are left out.
    pub fn for_sent_at(&self, sent_at: NaiveDateTime) -> Entry {
        self.for_invitation(sent_at, None)
    }

    /// [`Entry::for_sent_at`] for the invitation sent at `sent_by` (see
    /// [`sent_by`]), also leaving out the steps on a later invitation than
    /// the one the export dates `Some(sent_at)` (see [`later_than`]).
    pub fn for_invitation(&self, sent_by: NaiveDateTime, sent_at: Option<NaiveDateTime>) -> Entry {
        let later = |sent: Option<NaiveDateTime>| sent_at.is_some_and(|at| later_than(sent, at));
        let keep =
            |d: &Option<Box<Draft>>| d.clone().filter(|d| !d.predates(sent_by) && !later(d.sent));
        Entry {
            decided: self
                .decided
                .filter(|d| !d.predates(sent_by) && !later(d.sent)),
            reply: keep(&self.reply),
            thank_you: keep(&self.thank_you),
        }
    }

    /// The newest step's `Sent At` when it is on a later invitation than
    /// the one sent at `sent_at`: that invitation was decided or answered
    /// (see [`later_than`]).
    pub fn later_than(&self, sent_at: NaiveDateTime) -> Option<NaiveDateTime> {
        [
            self.decided.and_then(|d| d.sent),
            self.reply.as_ref().and_then(|d| d.sent),
            self.thank_you.as_ref().and_then(|d| d.sent),
        ]
        .into_iter()
        .flatten()
        .filter(|&sent| later_than(Some(sent), sent_at))
        .max()
    }

    /// The latest draft of that kind.
    pub fn draft(&self, kind: DraftKind) -> Option<&Draft> {
        match kind {
            DraftKind::Reply => self.reply.as_deref(),
            DraftKind::ThankYou => self.thank_you.as_deref(),
        }
    }

    /// The draft to send under `decision`: an accept's thank-you, or the
    /// reply of an invitation replied to or undecided. None for an ignore or
    /// a withdrawal, and none for a reply drafted before accepting or a
    /// thank-you before the accept: those are not what the decision sends.
    pub fn draft_to_send(&self, decision: Option<Decision>) -> Option<(DraftKind, &Draft)> {
        match decision {
            Some(Decision::Accepted) => self.thank_you.as_deref().map(|d| (DraftKind::ThankYou, d)),
            None | Some(Decision::Replied) => self.reply.as_deref().map(|d| (DraftKind::Reply, d)),
            Some(Decision::Ignored | Decision::Withdrawn) => None,
        }
    }

    /// [`Entry::draft_to_send`] unless it was marked sent on LinkedIn: what
    /// is still to send.
    pub fn draft_unsent(&self, decision: Option<Decision>) -> Option<(DraftKind, &Draft)> {
        self.draft_to_send(decision)
            .filter(|(_, d)| d.marked_sent.is_none())
    }

    /// The draft the decision sends, when it was marked sent on LinkedIn.
    pub fn draft_marked_sent(&self, decision: Option<Decision>) -> Option<(DraftKind, &Draft)> {
        self.draft_to_send(decision)
            .filter(|(_, d)| d.marked_sent.is_some())
    }

    /// The draft still to send when this entry's invitation is not in the
    /// export read: what the decision sends, but a reply only when the
    /// absence says nothing (see [`Absence`]).
    pub fn to_send_elsewhere(&self, absence: Absence) -> Option<(DraftKind, &Draft)> {
        match (self.draft_unsent(self.decision())?, absence) {
            ((DraftKind::Reply, _), Absence::Answered) => None,
            (send, _) => Some(send),
        }
    }

    /// The thank-you to send when this entry's invitation has left the
    /// export: that of an accept (whatever the absence means, an accepted
    /// invitation leaves the export, and that is when a thank-you is sent).
    pub fn thank_you_elsewhere(&self) -> Option<&Draft> {
        match self.to_send_elsewhere(Absence::Answered) {
            Some((DraftKind::ThankYou, d)) => Some(d),
            _ => None,
        }
    }

    fn draft_mut(&mut self, kind: DraftKind) -> &mut Option<Box<Draft>> {
        match kind {
            DraftKind::Reply => &mut self.reply,
            DraftKind::ThankYou => &mut self.thank_you,
        }
    }

    /// No decision and no draft.
    pub fn is_blank(&self) -> bool {
        self.decided.is_none() && self.reply.is_none() && self.thank_you.is_none()
    }
}

/// What it tells that an invitation with an entry is not in the export
/// read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absence {
    /// It was answered on LinkedIn: the export is the user's own newer one,
    /// with the profile URLs ids are made of. A reply drafted for it was
    /// sent or is moot; an accept's thank-you is still to send.
    Answered,
    /// Nothing: the export is the bundled sample. Every draft a decision
    /// sends is still to send.
    Unknown,
    /// Nothing, as for [`Absence::Unknown`], and the invitation may be in
    /// the export all the same: the export has no URL columns, so its ids
    /// are made of names and dates and never match those of an export with
    /// them. Whether such an invitation is still pending cannot be told, so
    /// nothing may call it gone, answered or "not in this export": only
    /// not matched. Every draft a decision sends is still to send.
    Unmatched,
}

/// What kind of step a journal line was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// A decision for one or many ids; `None`: back to undecided.
    Decide(Option<Decision>),
    /// A draft saved for one id.
    Draft(DraftKind),
    /// A draft marked sent on LinkedIn (`true`), or not sent after all.
    MarkSent(DraftKind, bool),
}

impl StepKind {
    /// A short verb phrase for messages: `accept`, `ignore`, `reply`,
    /// `back to undecided`, `reply draft`, `thank-you draft`.
    pub fn verb(self) -> &'static str {
        match self {
            StepKind::Decide(Some(d)) => d.verb(),
            StepKind::Decide(None) => "back to undecided",
            StepKind::Draft(DraftKind::Reply) => "reply draft",
            StepKind::Draft(DraftKind::ThankYou) => "thank-you draft",
            StepKind::MarkSent(DraftKind::Reply, true) => "reply marked sent",
            StepKind::MarkSent(DraftKind::ThankYou, true) => "thank-you marked sent",
            StepKind::MarkSent(DraftKind::Reply, false) => "reply marked not sent",
            StepKind::MarkSent(DraftKind::ThankYou, false) => "thank-you marked not sent",
        }
    }
}

/// What [`Journal::undo`] reverted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undone {
    pub kind: StepKind,
    /// The ids whose state changed back, in the order of the step, each once.
    pub ids: Vec<InvitationId>,
    /// When the reverted step was recorded.
    pub at: NaiveDateTime,
    /// The `Sent At` of the invitation a step on one invitation was made
    /// on, when its line keeps it (`None` for a bulk step).
    pub sent: Option<NaiveDateTime>,
    /// The offset of `at` from UTC, when its line keeps it (see
    /// [`local_tz`]).
    pub tz: Option<i16>,
}

impl Undone {
    /// Whether the step was about an earlier invitation between the same
    /// two people than the one sent at `sent_at` (see [`earlier_than`]).
    pub fn predates(&self, sent_at: NaiveDateTime) -> bool {
        earlier_than(self.at, self.sent, sent_at)
    }
}

/// A failure to open or write the journal. The messages are complete
/// sentences for the user.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("another invitriage is open on this journal ({}); close it first", shown_path(.path))]
    Locked { path: PathBuf },
    /// A step on an invitation in an older export, when the journal holds
    /// one on a later invitation between the same two people: it would
    /// replace that one's (see [`later_than`]).
    #[error(
        "a later invitation between the same two people (sent {}) has a decision or a draft from a newer export, which this would replace; open the newest export to act on it",
        .later.format("%-d %b %Y")
    )]
    Superseded { later: NaiveDateTime },
    #[error("the journal {} is open read-only; nothing was recorded", shown_path(.path))]
    ReadOnly { path: PathBuf },
    #[error(
        "the data directory {} is a file, not a directory; name a directory with --data-dir or INVITRIAGE_DATA_DIR",
        shown_path(.path)
    )]
    NotADirectory { path: PathBuf },
    /// A journal or lock file that is there but is no file: reading a
    /// named pipe, say, would wait for a writer for ever.
    #[error(
        "the {what} {} is {is}, not a file; move it out of the way, or name another data directory with --data-dir or INVITRIAGE_DATA_DIR",
        shown_path(.path)
    )]
    NotAFile {
        what: &'static str,
        path: PathBuf,
        is: &'static str,
    },
    /// A journal that is a symlink into a folder that is not there.
    #[error(
        "the {what} {} is a link to {}, whose folder is not there (a disk or synced folder not mounted?); mount it, or remove the link to start a new journal",
        shown_path(.path),
        shown_path(.target)
    )]
    DanglingLink {
        what: &'static str,
        path: PathBuf,
        target: PathBuf,
    },
    #[error("cannot {action} {}: {source}", shown_path(.path))]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    /// The file changed under this process: deleted, replaced, or written
    /// by another (an instance whose lock was taken away, a sync tool).
    #[error(
        "the journal {} {what} while invitriage was open, so this step was not recorded; quit{} and start invitriage again, which reads the journal as it is now",
        shown_path(.path),
        if *.kept {
            " (the journal as this screen knows it is kept then, for the next start)"
        } else {
            " (steps recorded before may be gone from it: put back a copy of the journal you trust first, if you have one)"
        }
    )]
    Changed {
        path: PathBuf,
        what: &'static str,
        /// Whether quitting keeps the journal as this process knows it
        /// ([`Journal::rescue_if_refused`]).
        kept: bool,
    },
}

/// What [`changed_under`] says of a journal no longer at its path.
const DELETED: &str = "was deleted or moved";

/// What [`changed_under`] says of a journal shorter than this process
/// wrote it: steps recorded before may be gone with what was cut.
pub const CUT_SHORT: &str = "was cut short by another program";

/// How a journal written over in place, as long as before, changed.
const WRITTEN_OVER: &str = "was written over by another program";

/// The largest journal kept in memory to write back should another program
/// cut it short ([`Journal::write_back_if_cut_short`]): a journal of
/// everyday use is a few hundred kilobytes; one of bulk steps over a
/// million invitations, tens of megabytes, is not held twice.
const KEEP_AT_MOST: usize = 64 << 20;

/// The change time of `file` (seconds and nanoseconds since the epoch).
#[cfg(unix)]
fn change_stamp(file: &File) -> Option<(i64, i64)> {
    use std::os::unix::fs::MetadataExt;
    file.metadata().ok().map(|m| (m.ctime(), m.ctime_nsec()))
}

/// How the journal open as `file` changed since this process last wrote
/// it, `len` bytes long: deleted or moved, replaced by another file (a
/// backup put back, a sync tool), or written by another process. Steps
/// written then would be lost with the old file, or undo the wrong line.
/// Two file-status calls before each step's fsync cost nothing beside it.
fn changed_under(file: &File, path: &Path, len: u64, dirty: bool) -> Option<&'static str> {
    // Only a file can be replaced or grow under us (a test writes to
    // /dev/full to fail as a full disk does).
    let open = file.metadata().ok().filter(|m| m.is_file())?;
    let named = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Some(DELETED),
        // The path cannot be looked at (its folder replaced by a file, or
        // made unreadable): the open file tells whether it is still there.
        Err(_) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                return (open.nlink() == 0).then_some(DELETED);
            }
            #[cfg(not(unix))]
            return None;
        }
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if (open.dev(), open.ino()) != (named.dev(), named.ino()) {
            return Some(if named.is_dir() {
                "was replaced by a folder"
            } else {
                "was replaced by another file"
            });
        }
    }
    #[cfg(not(unix))]
    let _ = named;
    // A write of ours cut short leaves it longer; that is mended next.
    if dirty || open.len() == len {
        None
    } else if open.len() < len {
        Some(CUT_SHORT)
    } else {
        Some("was written to by another program")
    }
}

impl JournalError {
    /// What to do about it, for a failure that the user can mend and then
    /// repeat (a full disk, a folder that cannot be written).
    pub fn remedy(&self) -> Option<String> {
        let JournalError::Io { source, path, .. } = self else {
            return None;
        };
        match source.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                Some("free some disk space".to_string())
            }
            io::ErrorKind::ReadOnlyFilesystem => Some("make the data folder writable".to_string()),
            // The file itself refused (its mode, an immutable flag) when it
            // is there: mending the folder would not do.
            // A file written whole (an unsaved draft) is made beside it and
            // renamed, so a writable file in a folder that is not was
            // refused by the folder.
            io::ErrorKind::PermissionDenied => {
                let read_only =
                    |p: &Path| fs::metadata(p).is_ok_and(|m| m.permissions().readonly());
                let dir = path.parent();
                Some(match path.file_name() {
                    Some(name)
                        if path.is_file() && (read_only(path) || !dir.is_some_and(read_only)) =>
                    {
                        format!(
                            "make {} writable",
                            crate::text::shown_name(&name.to_string_lossy())
                        )
                    }
                    _ => match dir {
                        Some(dir) if dir.file_name().is_some_and(|n| n == UNSAVED_DIR_NAME) => {
                            format!("make the folder {} writable", shown_path(dir))
                        }
                        _ => "make the data folder writable".to_string(),
                    },
                })
            }
            _ => None,
        }
    }
}

/// Fails when `dir` is there but is not a directory (the OS would only say
/// "File exists" or "Not a directory"), or cannot be looked at: creating
/// it would then fail with "File exists" for a symlink loop or a symlink
/// to nowhere, which hides the cause.
pub fn check_dir(dir: &Path) -> Result<(), JournalError> {
    let cannot = io_error("use the data directory", dir);
    match fs::metadata(dir) {
        Ok(meta) if !meta.is_dir() => Err(JournalError::NotADirectory {
            path: dir.to_path_buf(),
        }),
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => match fs::read_link(dir) {
            Ok(target) => Err(cannot(io::Error::new(
                io::ErrorKind::NotFound,
                format!(
                    "it is a symbolic link to {}, which does not exist",
                    shown_path(&target)
                ),
            ))),
            // Not there at all: created next.
            Err(_) => Ok(()),
        },
        // A file on the way to it (`--data-dir` naming a file, whose
        // `sample/` folder the bundled sample's journal would be in): that
        // file is named, not a folder below it that cannot be.
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => {
            match dir.ancestors().skip(1).find(|a| a.is_file()) {
                Some(file) => Err(JournalError::NotADirectory {
                    path: file.to_path_buf(),
                }),
                None => Err(cannot(e)),
            }
        }
        Err(e) => Err(cannot(e)),
    }
}

/// Where the symlink `path` leads when its target is not there yet: the
/// target, in its folder found by [`fs::canonicalize`]. `None` when `path`
/// is no symlink, the chain of links is longer than Linux follows (a loop),
/// or the target's folder is not there either (the journal cannot be made).
fn link_target(path: &Path) -> Option<PathBuf> {
    const MAX_LINKS: usize = 40;
    let mut path = path.to_path_buf();
    let mut followed = 0;
    while let Ok(target) = fs::read_link(&path) {
        if followed == MAX_LINKS {
            return None;
        }
        followed += 1;
        // A relative target is relative to the link's folder.
        path = match path.parent() {
            Some(folder) => folder.join(target),
            None => target,
        };
    }
    if followed == 0 {
        return None;
    }
    let folder = fs::canonicalize(path.parent()?).ok()?;
    Some(folder.join(path.file_name()?))
}

/// Fails when `path` (followed through symlinks) is there and is not a
/// file: opening a named pipe blocks until a writer comes, for ever, and a
/// directory or device says nothing the user can act on.
fn check_file(path: &Path, what: &'static str) -> Result<(), JournalError> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        // A symlink to a folder that is not there (a disk or sync folder
        // not mounted): not "no journal yet", which would say that nothing
        // was ever decided, nor a bare "No such file or directory". (A
        // link to a file not made yet in a folder that is there is a
        // journal to start: created next.)
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let dangling = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
                && link_target(path).is_none();
            return match fs::read_link(path) {
                Ok(target) if dangling => Err(JournalError::DanglingLink {
                    what,
                    path: path.to_path_buf(),
                    target,
                }),
                _ => Ok(()),
            };
        }
        // An error opening it reports.
        Err(_) => return Ok(()),
    };
    let file_type = meta.file_type();
    if file_type.is_file() {
        return Ok(());
    }
    let is = if file_type.is_dir() {
        "a directory"
    } else {
        kind_of_special(&file_type)
    };
    Err(JournalError::NotAFile {
        what,
        path: path.to_path_buf(),
        is,
    })
}

/// What a file that is neither a file nor a directory is, in words.
fn kind_of_special(file_type: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "a device";
        }
    }
    #[cfg(not(unix))]
    let _ = file_type;
    "a special file"
}

/// Writes `bytes` to `path` whole or not at all: to a temporary file in
/// `dir`, then renamed over it. The temporary file is readable by the user
/// only, and so is what it becomes.
///
/// The temporary file is named after `path`: only this process writes in
/// `dir` (it holds the journal's lock), one file at a time. Not a
/// `tempfile`, whose errors name its own random file ("at path
/// …/.writing-549EmN"), which tells the user nothing: a failure here is
/// the OS's error alone, reported with `path`.
fn write_whole(dir: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!("{TEMP_PREFIX}{name}"));
    // Made anew, not opened: whatever is in its place (left by a crash,
    // or put there: a named pipe would block, a link lead elsewhere) goes.
    let _ = fs::remove_file(&tmp);
    let written = private(&mut OpenOptions::new())
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| f.write_all(bytes))
        .and_then(|()| fs::rename(&tmp, path));
    if written.is_err() {
        // A full disk, say: no half file left behind.
        let _ = fs::remove_file(&tmp);
    }
    written
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> JournalError {
    move |source| JournalError::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// How to take back one step.
#[derive(Debug)]
enum Revert {
    /// Each id with its decision before the step, in the step's order.
    Decide(Vec<(InvitationId, Option<Decided>)>),
    /// The draft before the step and, when the step set a decision, the
    /// decision before it.
    Draft {
        id: InvitationId,
        kind: DraftKind,
        draft: Option<Box<Draft>>,
        decided: Option<Option<Decided>>,
    },
}

impl Revert {
    /// The invitations the step changed (a bulk's in its order, perhaps
    /// more than once).
    fn ids(&self) -> impl Iterator<Item = InvitationId> + '_ {
        let (bulk, one) = match self {
            Revert::Decide(before) => (before.as_slice(), None),
            Revert::Draft { id, .. } => (&[][..], Some(*id)),
        };
        bulk.iter().map(|(id, _)| *id).chain(one)
    }
}

impl Step {
    /// See [`Undone::sent`].
    fn single_sent(&self) -> Option<NaiveDateTime> {
        match self.sent[..] {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// Records that `taken`, the decision on `id`, was undone at `at` (see
/// [`Journal::undone_decision`]): the newest undo of each id is kept.
fn note_undone(
    undone: &mut FastMap<InvitationId, UndoneDecision>,
    id: InvitationId,
    taken: Decided,
    at: NaiveDateTime,
) {
    undone.insert(
        id,
        UndoneDecision {
            decided: taken,
            undone_at: at,
        },
    );
}

/// A decision undone an hour or more after it was made (see
/// [`Journal::undone_decision`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UndoneDecision {
    /// The decision taken back.
    pub decided: Decided,
    /// When.
    pub undone_at: NaiveDateTime,
}

#[derive(Debug)]
struct Step {
    /// The 1-based line of the journal that recorded the step.
    line: usize,
    /// [`line_hash`] of that line: an undo names it beside the line's
    /// number, so that a line added or removed before it is noticed.
    hash: u64,
    at: NaiveDateTime,
    /// The offset of `at` from UTC, when the line keeps it (`"tz"`): how
    /// long after it an undo came is told by UTC when both lines have one,
    /// so a change of time zone or of summer time does not read an undo
    /// eight hours later as one within the hour.
    tz: Option<i16>,
    /// The `Sent At` of each invitation the step was made on, in the order
    /// of `revert.ids()`, when its line keeps them; else empty.
    sent: Vec<NaiveDateTime>,
    kind: StepKind,
    revert: Revert,
}

/// The offset from UTC, in minutes, of the local time `at` where and when
/// invitriage runs (the earlier one of a time repeated as summer time
/// ends): kept in each line (`"tz"`) so that times written in different
/// time zones can be compared.
pub fn local_tz(at: NaiveDateTime) -> Option<i16> {
    use chrono::{Offset, TimeZone};
    // A step made now (as every step is but under a pinned clock): the
    // offset in force, which tells the two 01:30s of the night summer
    // time ends apart.
    let now = chrono::Local::now();
    if (now.naive_local() - at).abs() < chrono::Duration::minutes(1) {
        return tz_minutes(now.offset().fix().local_minus_utc());
    }
    chrono::Local
        .offset_from_local_datetime(&at)
        .earliest()
        .and_then(|o| tz_minutes(o.fix().local_minus_utc()))
}

/// An offset in seconds, in whole minutes, when it is one a place has
/// (within 18 hours of UTC).
fn tz_minutes(seconds: i32) -> Option<i16> {
    i16::try_from(seconds / 60)
        .ok()
        .filter(|m| m.unsigned_abs() <= 18 * 60)
}

/// `at`, a local time at offset `tz` (minutes), in UTC; `None` when the
/// offset is not known (or the time would leave chrono's range).
fn in_utc(at: NaiveDateTime, tz: Option<i16>) -> Option<NaiveDateTime> {
    at.checked_sub_signed(chrono::Duration::minutes(i64::from(tz?)))
}

/// Whether `later` (a local time and its offset) came an hour or more
/// after `earlier`: by UTC when both offsets are known, else by the
/// local times (lines written before the offset was kept). A later step
/// whose UTC time is the earlier (a clock set back, a zone set wrong)
/// goes by the local times too, as before the offsets were kept.
pub fn an_hour_on(
    (earlier, earlier_tz): (NaiveDateTime, Option<i16>),
    (later, later_tz): (NaiveDateTime, Option<i16>),
) -> bool {
    let hour = chrono::Duration::hours(1);
    match (in_utc(earlier, earlier_tz), in_utc(later, later_tz)) {
        (Some(a), Some(b)) if b >= a => b - a >= hour,
        _ => later - earlier >= hour,
    }
}

/// Whether an undo at `undo_at` (offset `undo_tz`) came an hour or more
/// after `step` ([`an_hour_on`]).
fn undone_late(step: &Step, undo_at: NaiveDateTime, undo_tz: Option<i16>) -> bool {
    an_hour_on((step.at, step.tz), (undo_at, undo_tz))
}

/// The decision journal of one data directory. See the module docs.
pub struct Journal {
    path: PathBuf,
    /// The journal, opened for appending; `None` when read-only.
    file: Option<File>,
    /// Held (locked) for as long as the journal is open for writing.
    _lock: Option<File>,
    /// Length of the file up to its last complete line.
    len: u64,
    /// Number of lines in the file.
    lines: usize,
    /// [`line_hash`] of the last line read or written: the step applied
    /// next is the one it holds.
    last_hash: u64,
    /// The `"tz"` of that line (see [`local_tz`]), when it has one.
    last_tz: Option<i16>,
    /// A write failed and the file could not be cut back to `len` yet.
    dirty: bool,
    /// The journal was deleted while open and written back from the open
    /// file ([`Journal::write_back_if_deleted`]); not yet told.
    written_back: bool,
    /// The same, told or not: said again when the run ends.
    ever_written_back: bool,
    /// The journal was cut short while open and written back from
    /// [`Journal::kept`] ([`Journal::write_back_if_cut_short`]), told or
    /// not: the words of [`Journal::take_written_back`]'s note differ.
    cut_short_written_back: bool,
    /// Where what the file held after the cut was kept, when it was not
    /// the start of the journal (something written after the cut).
    cut_short_left: Option<PathBuf>,
    /// The file's bytes as this process read and wrote them, while they
    /// are at most [`KEEP_AT_MOST`]: another program cutting the file short
    /// (a sync tool, `: > journal.jsonl`) takes the open file's bytes with
    /// it, where a deletion leaves them in the open file.
    kept: Option<Vec<u8>>,
    /// The open file's change time (seconds, nanoseconds) after this
    /// process last wrote it: another program's write changes it, which
    /// nothing can set back (see [`Journal::written_over`]).
    stamp: Option<(i64, i64)>,
    /// Lines that could not be read when the journal was opened.
    unread_lines: usize,
    /// How many steps were refused as the file changed under this process
    /// ([`JournalError::Changed`]), and how it changed last.
    refused: Option<(usize, &'static str)>,
    /// Keyed by ids that are hashes already: the fast hasher's lookups
    /// are a third of a replay's time at a million entries.
    entries: FastMap<InvitationId, Entry>,
    steps: Vec<Step>,
    /// The text of each draft whose saving was undone (the edit's, when an
    /// edit and the draft it edited were both undone), until a draft of
    /// that kind is saved for the invitation again: `r` or `t` offers it
    /// back, so an undo never throws words away.
    undone_drafts: HashMap<(InvitationId, DraftKind), Draft>,
    /// Decisions undone (or set back to undecided) an hour or more after
    /// they were made, by id, the newest undo of each: see
    /// [`Journal::undone_decision`].
    undone_decisions: FastMap<InvitationId, UndoneDecision>,
    /// A check pad note kept in the temporary folder could not be put back
    /// at the start: once the pad is on disk, that copy goes.
    rescued_pad_left: bool,
    /// The unsaved drafts on disk (read on open; kept up to date by
    /// [`Journal::keep_unsaved`] and [`Journal::forget_unsaved`]).
    unsaved: HashMap<(InvitationId, DraftKind), Unsaved>,
    /// The note left in the check pad (read on open; kept up to date by
    /// [`Journal::keep_check_note`]).
    check_note: Option<String>,
    /// Files of the unsaved folder that were there but could not be read
    /// (damaged, or from a newer version): never written over.
    unreadable: HashSet<PathBuf>,
    /// Unsaved drafts forgotten (discarded) whose file could not be
    /// removed: the next start would offer them again.
    unremoved: HashMap<(InvitationId, DraftKind), Unsaved>,
    /// Ids whose invitation took its older id instead, the one decided on
    /// more recently (see [`Journal::adopt_ids`]): their entries are about
    /// an invitation in the export, so no count of invitations not in it
    /// takes them.
    /// Each set aside id, with the older id its invitation took.
    shadowed: FastMap<InvitationId, InvitationId>,
    /// Ids of rows the export holds but the import could not read (a
    /// damaged date), set by [`Journal::set_unread`]: their steps are not
    /// "elsewhere" (answered on LinkedIn), only unread; the readers name
    /// them instead.
    unread: std::collections::HashSet<InvitationId>,
    /// See [`Journal::moved`].
    moved: Vec<InvitationId>,
    /// See [`Journal::maybe_moved`].
    maybe_moved: Vec<(InvitationId, InvitationId)>,
    /// See [`Journal::own_url_changed`].
    own_url_changed: Option<InvitationId>,
    /// The ids more than one invitation of the export at hand has (a
    /// person's two invitations, in exports joined together): they share
    /// one decision, as that export shows both, so neither is superseded
    /// by the other ([`Journal::later`]), and a step on either is kept
    /// with the newest one's `Sent At`, which it is mapped to here. Set by
    /// [`Journal::note_export`].
    repeated: FastMap<InvitationId, NaiveDateTime>,
}

impl fmt::Debug for Journal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Journal")
            .field("path", &self.path)
            .field("read_only", &self.file.is_none())
            .field("lines", &self.lines)
            .field("entries", &self.entries.len())
            .field("undo_depth", &self.steps.len())
            .finish()
    }
}

/// One line as read from the file; which fields apply depends on `op`.
#[derive(Deserialize)]
struct LineIn<'a> {
    v: u32,
    at: NaiveDateTime,
    /// The offset from UTC of `at`, in minutes (absent in lines written
    /// before it was kept). Anything but a whole number of minutes a place
    /// has (a hand edit) is read as absent: the step stands.
    #[serde(default)]
    tz: MaybeTz,
    #[serde(borrow)]
    op: std::borrow::Cow<'a, str>,
    #[serde(default)]
    ids: Option<Vec<InvitationId>>,
    /// Absent: `None`; `null`: `Some(None)`.
    #[serde(default, deserialize_with = "present")]
    decision: Option<Option<Decision>>,
    #[serde(default)]
    id: Option<InvitationId>,
    #[serde(default)]
    kind: Option<DraftKind>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    undoes: Option<usize>,
    /// Of a `mark-sent`: marked sent, or not sent after all.
    #[serde(default)]
    marked: Option<bool>,
    /// Of an undo: [`line_hash`] of the line it undoes, in hex.
    #[serde(default)]
    of: Option<String>,
    /// The `Sent At` of each invitation decided (a list, in the order of
    /// `ids`) or answered (one).
    #[serde(default)]
    sent: Option<SentIn>,
}

/// A line's `sent` as read. One that cannot be read (a hand edit: a date
/// alone, a number) is [`SentIn::Unread`], and the step stands without it
/// (only JSON that serde_json refuses outright, a number out of its range
/// or nesting past its limit, fails the line, as anywhere in it);
/// a list is read as it comes, not buffered first as an untagged enum
/// would (a bulk step's line holds one per invitation).
enum SentIn {
    One(NaiveDateTime),
    Each(Vec<NaiveDateTime>),
    Unread,
}

impl<'de> Deserialize<'de> for SentIn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SentVisitor)
    }
}

struct SentVisitor;

/// A time as invitriage writes it (`2026-11-03T09:12:00`), read digit by
/// digit: a bulk step's line holds a million, and chrono's general parser
/// took 0.35 s over them. Anything else goes to that parser.
fn stamp(s: &str) -> Option<NaiveDateTime> {
    let b = s.as_bytes();
    let form = b.len() == 19
        && b.iter().enumerate().all(|(i, &c)| match i {
            4 | 7 => c == b'-',
            10 => c == b'T',
            13 | 16 => c == b':',
            _ => c.is_ascii_digit(),
        });
    if !form {
        return s.parse().ok();
    }
    let n = |from: usize, to: usize| {
        b[from..to]
            .iter()
            .fold(0u32, |n, &c| n * 10 + u32::from(c - b'0'))
    };
    let read = chrono::NaiveDate::from_ymd_opt(i32::try_from(n(0, 4)).ok()?, n(5, 7), n(8, 10))
        .and_then(|d| d.and_hms_opt(n(11, 13), n(14, 16), n(17, 19)));
    // A leap second (`:60`), which chrono reads and writes, is its to read.
    read.or_else(|| s.parse().ok())
}

/// A line's `"tz"`: an offset of whole minutes within 18 hours of UTC, or
/// `None` for anything else (read through, so the line goes on).
#[derive(Default)]
struct MaybeTz(Option<i16>);

impl<'de> Deserialize<'de> for MaybeTz {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Minutes;
        impl<'de> serde::de::Visitor<'de> for Minutes {
            type Value = Option<i16>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an offset in minutes")
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Self::Value, E> {
                Ok(i16::try_from(n)
                    .ok()
                    .filter(|m| m.unsigned_abs() <= 18 * 60))
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Self::Value, E> {
                self.visit_i64(i64::try_from(n).unwrap_or(i64::MAX))
            }
            fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(None)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                while map
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(None)
            }
        }
        d.deserialize_any(Minutes).map(MaybeTz)
    }
}

/// A time, or `None` for anything else (read through, so the line goes on).
struct MaybeTime(Option<NaiveDateTime>);

impl<'de> Deserialize<'de> for MaybeTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(MaybeTime(match d.deserialize_any(SentVisitor)? {
            SentIn::One(t) => Some(t),
            _ => None,
        }))
    }
}

impl<'de> serde::de::Visitor<'de> for SentVisitor {
    type Value = SentIn;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a time, or a list of times")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<SentIn, E> {
        Ok(stamp(s).map_or(SentIn::Unread, SentIn::One))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<SentIn, A::Error> {
        let mut each = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
        let mut whole = true;
        while let Some(MaybeTime(t)) = seq.next_element()? {
            match t {
                Some(t) => each.push(t),
                None => whole = false,
            }
        }
        Ok(if whole {
            SentIn::Each(each)
        } else {
            SentIn::Unread
        })
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<SentIn, A::Error> {
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Ok(SentIn::Unread)
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<SentIn, E> {
        Ok(SentIn::Unread)
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<SentIn, E> {
        Ok(SentIn::Unread)
    }

    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<SentIn, E> {
        Ok(SentIn::Unread)
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<SentIn, E> {
        Ok(SentIn::Unread)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<SentIn, E> {
        Ok(SentIn::Unread)
    }
}

fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

#[derive(Deserialize)]
struct VersionOnly {
    v: Option<serde_json::Value>,
}

#[derive(Serialize)]
struct DecideOut<'a> {
    v: u32,
    at: NaiveDateTime,
    #[serde(skip_serializing_if = "Option::is_none")]
    tz: Option<i16>,
    op: &'static str,
    ids: &'a [InvitationId],
    decision: Option<Decision>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    sent: &'a [NaiveDateTime],
}

#[derive(Serialize)]
struct DraftOut<'a> {
    v: u32,
    at: NaiveDateTime,
    #[serde(skip_serializing_if = "Option::is_none")]
    tz: Option<i16>,
    op: &'static str,
    id: InvitationId,
    kind: DraftKind,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    decision: Option<Decision>,
    #[serde(skip_serializing_if = "str::is_empty")]
    name: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    sent: Option<NaiveDateTime>,
}

#[derive(Serialize)]
struct MarkSentOut {
    v: u32,
    at: NaiveDateTime,
    #[serde(skip_serializing_if = "Option::is_none")]
    tz: Option<i16>,
    op: &'static str,
    id: InvitationId,
    kind: DraftKind,
    marked: bool,
}

#[derive(Serialize)]
struct UndoOut {
    v: u32,
    at: NaiveDateTime,
    #[serde(skip_serializing_if = "Option::is_none")]
    tz: Option<i16>,
    op: &'static str,
    undoes: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    of: Option<String>,
}

/// A fingerprint of a journal line's bytes (without its `\n`), which an
/// undo line keeps beside the number of the line it undoes: a line added
/// or deleted above by hand (or by a tool that merged two copies) moves
/// the step, and the undo then finds it by this, or is skipped, rather
/// than reverting whatever step the number names now. FxHash's step over
/// 8-byte words, little-endian: the same on every machine and release,
/// as a journal is read by later ones.
///
/// White space outside the JSON strings is left out: a line mended by
/// hand, or saved by an editor, with a space after a colon or at its end
/// is the same step, and its undo must still find it (it brought an
/// undone accept back). invitriage writes none there, so the lines it
/// wrote hash as they always did.
fn line_hash(line: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::hash::FxHasher::default();
    let canonical;
    let line = if memchr::memchr3(b' ', b'\t', b'\r', line).is_none() {
        line
    } else {
        canonical = without_white_space(line);
        &canonical[..]
    };
    h.write(line);
    h.write(&(line.len() as u64).to_le_bytes());
    h.finish()
}

/// The keys of a journal line in the order invitriage writes them (each
/// kind of line holds some of them, in this order).
const KEY_ORDER: [&str; 15] = [
    "v", "at", "tz", "op", "ids", "id", "kind", "text", "decision", "name", "url", "sent",
    "marked", "undoes", "of",
];

/// [`line_hash`] of `line` as invitriage would have written it: its keys
/// in [`KEY_ORDER`] (others left out), compact, with serde_json's
/// escapes. A line rewritten by a tool (`jq -S`, Python's `json.dumps`
/// with `\u00e9` and `\/`) then has the hash of the line it rewrote.
/// `None` when it is not a JSON object.
fn canonical_line_hash(line: &[u8]) -> Option<u64> {
    let text = String::from_utf8_lossy(line);
    let serde_json::Value::Object(map) = serde_json::from_str(text.trim_end_matches('\r')).ok()?
    else {
        return None;
    };
    // Keys invitriage does not write (a note added by hand) are left out:
    // they change no step.
    let mut out = String::from("{");
    let known = KEY_ORDER.iter().filter_map(|k| Some((*k, map.get(*k)?)));
    for (i, (key, value)) in known.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(key).ok()?);
        out.push(':');
        out.push_str(&serde_json::to_string(value).ok()?);
    }
    out.push('}');
    Some(line_hash(out.as_bytes()))
}

/// `line` without the white space outside its JSON strings (a quote
/// after an odd run of backslashes is inside one).
fn without_white_space(line: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(line.len());
    let (mut in_string, mut escaped) = (false, false);
    for &b in line {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else if matches!(b, b' ' | b'\t' | b'\r' | b'\n') {
            continue;
        } else if b == b'"' {
            in_string = true;
        }
        out.push(b);
    }
    out
}

/// Where a replay found the journal's lines, for compaction.
#[derive(Debug, Default)]
struct Layout {
    /// Each line's bytes, without its `\n`, by line number less one.
    spans: Vec<(usize, usize)>,
    /// Each undo that reverted a decision: (its line, the decision's line).
    undone_decides: Vec<(usize, usize)>,
    /// Something compaction would not carry over as it is: a byte-order
    /// mark, a line skipped, an undo that names no line.
    irregular: bool,
}

/// A line, checked.
enum Op {
    Decide {
        at: NaiveDateTime,
        ids: Vec<InvitationId>,
        decision: Option<Decision>,
        /// Each id's `Sent At`, or empty.
        sent: Vec<NaiveDateTime>,
    },
    Draft {
        id: InvitationId,
        kind: DraftKind,
        draft: Draft,
        decision: Option<Decision>,
    },
    MarkSent {
        at: NaiveDateTime,
        id: InvitationId,
        kind: DraftKind,
        marked: bool,
    },
    Undo {
        at: NaiveDateTime,
        undoes: Option<usize>,
        /// The undone line's [`line_hash`], when the undo keeps it (those
        /// written before it was kept do not).
        of: Option<u64>,
    },
}

/// A line, checked, with its `"tz"` (see [`local_tz`]); or why it was
/// skipped.
fn parse_line_tz(bytes: &[u8]) -> Result<(Op, Option<i16>), String> {
    let line: LineIn<'_> = match serde_json::from_slice(bytes) {
        Ok(line) => line,
        Err(e) => {
            // Whether the line is JSON at all: a line cut short in an id
            // (`"ids":["00a`) fails on the id before the parser reaches its
            // end, and would be called a bad id rather than cut short.
            let json = serde_json::from_slice::<serde::de::IgnoredAny>(bytes);
            return Err(match serde_json::from_slice::<VersionOnly>(bytes) {
                Ok(VersionOnly { v: Some(v) }) if v != FORMAT_VERSION => entry_version(&v),
                // The parser's words ("expected ident") mean nothing to a
                // reader: a line that is not JSON is said to be damaged.
                _ => match json {
                    // Ended mid-value: a write cut short.
                    Err(j) if j.is_eof() => {
                        format!("not a journal entry (cut short at column {})", j.column())
                    }
                    Err(j) => format!("not a journal entry (damaged at column {})", j.column()),
                    Ok(_) => format!("not a journal entry ({})", without_position(&e)),
                },
            });
        }
    };
    if line.v != FORMAT_VERSION {
        return Err(entry_version(&line.v.into()));
    }
    let missing = |field: &str| format!("a `{}` entry without `{field}`", line.op);
    let at = line.at;
    let tz = line.tz.0;
    let op = match &*line.op {
        "decide" => {
            let ids = line.ids.ok_or_else(|| missing("ids"))?;
            // invitriage writes none such: a step on nothing would stand
            // in undo's way, naming no invitation to wait for.
            if ids.is_empty() {
                return Err(format!("a `{}` entry with no ids", line.op));
            }
            // A list that does not match the ids (not written by
            // invitriage) is left out: the decisions stand, told apart
            // from an earlier invitation's by their time alone.
            let sent = match line.sent {
                Some(SentIn::Each(sent)) if sent.len() == ids.len() => sent,
                _ => Vec::new(),
            };
            Ok(Op::Decide {
                at,
                ids,
                decision: line.decision.ok_or_else(|| missing("decision"))?,
                sent,
            })
        }
        "draft" => Ok(Op::Draft {
            id: line.id.ok_or_else(|| missing("id"))?,
            kind: line.kind.ok_or_else(|| missing("kind"))?,
            draft: Draft {
                text: line.text.ok_or_else(|| missing("text"))?,
                at,
                earlier: Vec::new(),
                name: line.name.unwrap_or_default(),
                url: line.url.unwrap_or_default(),
                sent: match line.sent {
                    Some(SentIn::One(sent)) => Some(sent),
                    _ => None,
                },
                marked_sent: None,
            },
            decision: line.decision.flatten(),
        }),
        "mark-sent" => Ok(Op::MarkSent {
            at,
            id: line.id.ok_or_else(|| missing("id"))?,
            kind: line.kind.ok_or_else(|| missing("kind"))?,
            marked: line.marked.ok_or_else(|| missing("marked"))?,
        }),
        "undo" => Ok(Op::Undo {
            at,
            undoes: line.undoes,
            of: line.of.and_then(|h| u64::from_str_radix(&h, 16).ok()),
        }),
        other => Err(format!("unknown op `{other}`")),
    };
    op.map(|op| (op, tz))
}

/// Whether a `"v"` is a newer invitriage's: a whole number above
/// [`FORMAT_VERSION`]. Any other than this one's (`0`, `-1`, `"1"`, `1.5`)
/// no invitriage writes: the line or file is damaged.
fn newer_version(v: &serde_json::Value) -> bool {
    v.as_u64().is_some_and(|v| v > u64::from(FORMAT_VERSION))
}

/// Why a `"v"` other than this one's is not read: a newer version's, or
/// damage (see [`newer_version`]).
fn other_version(v: &serde_json::Value) -> String {
    if newer_version(v) {
        format!(
            "written in format version {v}, which this invitriage does not know (a newer version wrote it?)"
        )
    } else {
        format!("damaged: {}", version_damage(v))
    }
}

/// What is wrong with a `"v"` no invitriage writes.
fn version_damage(v: &serde_json::Value) -> String {
    if v.is_number() {
        format!("format version {v}, which no invitriage writes")
    } else {
        format!("format version {v}, not a number")
    }
}

/// [`other_version`] for a journal line: a damaged one is not an entry.
fn entry_version(v: &serde_json::Value) -> String {
    if newer_version(v) {
        other_version(v)
    } else {
        format!("not a journal entry ({})", other_version(v))
    }
}

/// serde_json's message without " at line 1 column 7": each line is parsed
/// on its own, so its line number would mislead. chrono's words for a time
/// it cannot read ("input contains invalid characters") and serde's for a
/// word it does not know ("unknown variant") are said as a person would.
fn without_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    let s = match s.rfind(" at line ") {
        Some(i) => format!("{}, column {}", &s[..i], e.column()),
        None => s,
    };
    const CHRONO: [&str; 6] = [
        "input contains invalid characters",
        "premature end of input",
        "input is out of range",
        "trailing input",
        "input is not enough for unique date and time",
        "no possible date and time matching input",
    ];
    match CHRONO.iter().find(|m| s.starts_with(*m)) {
        Some(m) => s.replacen(
            m,
            "a time that cannot be read (expected one like 2026-11-25T17:03:12)",
            1,
        ),
        None => s.replacen("unknown variant ", "unknown value ", 1),
    }
}

/// How the file ended, as found by [`Journal::replay`].
enum Tail {
    /// Empty, or ends with `\n`.
    Clean,
    /// The last line is complete but lacks its `\n`.
    Unterminated,
    /// The last line (number `line`, from byte `offset`) was cut short.
    Torn { offset: usize, line: usize },
}

impl Journal {
    fn empty(path: PathBuf) -> Journal {
        Journal {
            path,
            file: None,
            _lock: None,
            len: 0,
            lines: 0,
            last_hash: 0,
            last_tz: None,
            dirty: false,
            written_back: false,
            ever_written_back: false,
            cut_short_written_back: false,
            cut_short_left: None,
            kept: None,
            stamp: None,
            refused: None,
            unread_lines: 0,
            entries: Default::default(),
            steps: Vec::new(),
            undone_drafts: HashMap::new(),
            undone_decisions: FastMap::default(),
            rescued_pad_left: false,
            shadowed: Default::default(),
            unread: Default::default(),
            moved: Vec::new(),
            maybe_moved: Vec::new(),
            own_url_changed: None,
            repeated: Default::default(),
            unsaved: HashMap::new(),
            check_note: None,
            unreadable: HashSet::new(),
            unremoved: HashMap::new(),
        }
    }

    /// Opens the journal in `dir` (created if needed) for recording: takes
    /// the lock, replays every line and repairs a torn last line. Returns the
    /// journal and notices for the user about skipped or repaired lines.
    ///
    /// Fails with [`JournalError::Locked`] while another `Journal` (in any
    /// process) has the same directory open, and on I/O errors; never
    /// because of what the file contains.
    pub fn open(dir: &Path) -> Result<(Journal, Vec<String>), JournalError> {
        Journal::open_compacting_at(dir, COMPACT_AT)
    }

    /// [`Journal::open`], compacting a journal of `compact_at` bytes or more
    /// (see [`Journal::compacted`]).
    pub(crate) fn open_compacting_at(
        dir: &Path,
        compact_at: usize,
    ) -> Result<(Journal, Vec<String>), JournalError> {
        check_dir(dir)?;
        // The folders made here, so that their entries reach the disk too
        // (a power cut after the first decision must not lose the folder
        // that holds it).
        let made: Vec<PathBuf> = dir
            .ancestors()
            .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
            .map(Path::to_path_buf)
            .collect();
        fs::create_dir_all(dir).map_err(io_error("create the data directory", dir))?;
        for d in &made {
            if let Some(parent) = d.parent().filter(|p| !p.as_os_str().is_empty()) {
                sync_dir(parent);
            }
        }
        let path = dir.join(FILE_NAME);
        // Beside the journal file itself: one reached through a symlink
        // from another data folder is the same journal, and takes the same
        // lock. A symlink to a journal not made yet is followed by hand:
        // the open below creates its target, which the other folder opens
        // as its own.
        let lock_path = fs::canonicalize(&path)
            .ok()
            .or_else(|| link_target(&path))
            .and_then(|real| real.parent().map(|d| d.join(LOCK_FILE_NAME)))
            .unwrap_or_else(|| dir.join(LOCK_FILE_NAME));
        // Before anything is opened: opening a named pipe blocks.
        check_file(&path, "journal")?;
        check_file(&lock_path, "lock file")?;
        let lock = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_path)
            .map_err(io_error("open the lock file", &lock_path))?;
        // A lock held for a moment only is waited for: a child process
        // started by another thread (a browser, the editor) holds a copy
        // of every descriptor between its fork and its exec, so a journal
        // closed and opened again in that moment finds its lock still
        // taken. Another instance keeps it, and is refused.
        let mut tries = 0;
        loop {
            match lock.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if tries < LOCK_TRIES => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(TryLockError::WouldBlock) => return Err(JournalError::Locked { path }),
                Err(TryLockError::Error(e)) => return Err(io_error("lock", &lock_path)(e)),
            }
        }
        let existed = path.exists();
        let mut file = private(&mut OpenOptions::new())
            .read(true)
            .append(true)
            .create(true)
            .open(&path)
            .map_err(io_error("open the journal", &path))?;
        if !existed {
            sync_dir(dir);
        }
        let mut notices = Vec::new();
        rescue::take_back_journal(&path, &mut file, &mut notices);
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .map_err(io_error("read the journal", &path))?;

        let mut journal = Journal::empty(path);
        let mut layout = Layout::default();
        let tail = journal.replay(&bytes, &mut notices, &mut layout);
        journal.len = bytes.len() as u64;
        if matches!(tail, Tail::Clean)
            && bytes.len() >= compact_at
            && let Some(smaller) = journal.compacted(&bytes, &layout)
        {
            let dropped = layout.undone_decides.len();
            // Closed while it is replaced (Windows refuses to rename over
            // an open file), then opened again, whichever file it is now.
            drop(file);
            let replaced = journal.replace_with(dir, smaller, dropped, &mut notices);
            match replaced {
                Ok(Some(fresh)) => journal = fresh,
                Ok(None) => {}
                Err(e) => notices.push(format!(
                    "{}: could not compact it ({e}); it is unchanged{}",
                    shown_path(&journal.path),
                    if e.kind() == io::ErrorKind::StorageFull {
                        ", and is compacted at a start with more free disk space"
                    } else {
                        ""
                    }
                )),
            }
            file = private(&mut OpenOptions::new())
                .read(true)
                .append(true)
                .open(&journal.path)
                .map_err(io_error("open the journal", &journal.path))?;
        }
        match tail {
            Tail::Clean => {}
            Tail::Unterminated => {
                file.write_all(b"\n")
                    .and_then(|()| file.sync_data())
                    .map_err(io_error("repair the journal", &journal.path))?;
                journal.len += 1;
            }
            Tail::Torn { offset, line } => {
                let torn = &bytes[offset..];
                let torn_path = dir.join(TORN_FILE_NAME);
                check_file(&torn_path, "file of torn lines")?;
                keep_torn(&torn_path, torn)
                    .map_err(io_error("save the torn line to", &torn_path))?;
                file.set_len(offset as u64)
                    .and_then(|()| file.sync_data())
                    .map_err(io_error("repair the journal", &journal.path))?;
                journal.len = offset as u64;
                notices.push(format!(
                    "{}: line {line} was cut short ({} bytes, a crash or power cut mid-write?); \
                     skipped it and kept its bytes in {}",
                    shown_path(&journal.path),
                    torn.len(),
                    shown_path(&torn_path)
                ));
            }
        }
        // The journal file itself is locked too (on Unix, where a lock does
        // not keep a reader out): a lock file deleted by hand, then made
        // again by a second instance, no longer lets it in.
        #[cfg(unix)]
        {
            let mut tries = 0;
            loop {
                match file.try_lock() {
                    Ok(()) => break,
                    Err(TryLockError::WouldBlock) if tries < LOCK_TRIES => {
                        tries += 1;
                        std::thread::sleep(std::time::Duration::from_millis(20));
                    }
                    Err(TryLockError::WouldBlock) => {
                        return Err(JournalError::Locked { path: journal.path });
                    }
                    // A file system without locks: the lock file stands.
                    Err(TryLockError::Error(_)) => break,
                }
            }
        }
        // The file as it stands now (compacted, repaired), for a write-back.
        #[cfg(unix)]
        if let Ok(len) = usize::try_from(journal.len)
            && len <= KEEP_AT_MOST
        {
            use std::os::unix::fs::FileExt;
            let mut bytes = vec![0; len];
            if file.read_exact_at(&mut bytes, 0).is_ok() {
                journal.kept = Some(bytes);
            }
        }
        journal.file = Some(file);
        journal.note_stamp();
        journal._lock = Some(lock);
        journal.read_unsaved(&mut notices);
        Ok((journal, notices))
    }

    /// Reads the journal in `dir` without locking or changing anything (for
    /// an export while the triage screen is open, say), and the unsaved
    /// drafts beside it. A missing journal is an empty one. Recording on it,
    /// or keeping an unsaved draft, fails with [`JournalError::ReadOnly`].
    /// A last line without its `\n` is applied when it is a whole step,
    /// else skipped with a notice; either way it is not repaired: it may be
    /// a write in progress.
    pub fn open_read_only(dir: &Path) -> Result<(Journal, Vec<String>), JournalError> {
        check_dir(dir)?;
        let path = dir.join(FILE_NAME);
        check_file(&path, "journal")?;
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(io_error("read the journal", &path)(e)),
        };
        let mut journal = Journal::empty(path);
        let mut notices = Vec::new();
        if let Tail::Torn { line, .. } =
            journal.replay(&bytes, &mut notices, &mut Layout::default())
        {
            journal.unread_lines += 1;
            notices.push(format!(
                "{}: line {line} is incomplete (being written, or cut short by a crash); skipped it",
                shown_path(&journal.path)
            ));
        }
        journal.len = bytes.len() as u64;
        journal.read_unsaved(&mut notices);
        // Not taken back by a reader: said, as its steps are not read.
        for kept in rescue::found(&journal.path, rescue::JOURNAL_SUFFIX) {
            notices.push(format!(
                "{}: a journal kept when a run ended without putting it back; its steps are not read here, until the triage screen's next start takes it back (into an empty or missing journal; beside one with steps, it names it)",
                shown_path(&kept)
            ));
        }
        // Nor a journal a killed run was writing back.
        for left in rescue::left_half_written(&journal.path) {
            notices.push(rescue::half_written_note(&left, &journal.path));
        }
        // Nor are drafts a run kept there (a full disk as it ended).
        for kept in rescue::found(&journal.path, ".json") {
            notices.push(format!(
                "{}: an unsaved draft kept when a run ended without room for it in the data folder; not listed here, until the triage screen's next start takes it back and opens it",
                shown_path(&kept)
            ));
        }
        Ok((journal, notices))
    }

    /// Applies every line of `bytes`; counts lines; says how the file ends,
    /// and in `layout` where its lines lie.
    fn replay(&mut self, bytes: &[u8], notices: &mut Vec<String>, layout: &mut Layout) -> Tail {
        let mut skipped = HashSet::new();
        // [`canonical_line_hash`] of the lines an undo looked for, by line.
        let mut canonical_hashes: FastMap<usize, Option<u64>> = FastMap::default();
        let mut tail = Tail::Clean;
        // A byte-order mark, from an editor that saved the file: not part
        // of the first line.
        let mut pos = if bytes.starts_with(b"\xEF\xBB\xBF") {
            layout.irregular = true;
            3
        } else {
            0
        };
        while pos < bytes.len() {
            let line_no = self.lines + 1;
            let rest = &bytes[pos..];
            let (line, next) = match rest.iter().position(|&b| b == b'\n') {
                Some(i) => (&rest[..i], pos + i + 1),
                None => {
                    let blank = rest.iter().all(u8::is_ascii_whitespace);
                    if !blank && serde_json::from_slice::<serde::de::IgnoredAny>(rest).is_err() {
                        return Tail::Torn {
                            offset: pos,
                            line: line_no,
                        };
                    }
                    tail = Tail::Unterminated;
                    (rest, bytes.len())
                }
            };
            self.lines = line_no;
            // A line end an editor made `\r\n` is not part of the line.
            self.last_hash = line_hash(line.strip_suffix(b"\r").unwrap_or(line));
            layout.spans.push((pos, pos + line.len()));
            pos = next;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            // A byte that is not UTF-8 (a disk error, an editor saving in
            // another encoding) would take the whole step with it, a
            // reply's words and its decision: read as U+FFFD instead, and
            // said, the step kept.
            let parsed = match parse_line_tz(line) {
                Err(why) if std::str::from_utf8(line).is_err() => {
                    match parse_line_tz(String::from_utf8_lossy(line).as_bytes()) {
                        Ok(op) => {
                            layout.irregular = true;
                            notices.push(format!(
                                "{}: line {line_no} holds bytes that are not UTF-8 text, read as \u{fffd}: its step is kept, but check the words of its draft, if it has one",
                                shown_path(&self.path)
                            ));
                            Ok(op)
                        }
                        Err(_) => Err(format!("{why}; it holds bytes that are not UTF-8 text")),
                    }
                }
                parsed => parsed,
            };
            // The step applied next is this line's, at its offset.
            let parsed = parsed.map(|(op, tz)| {
                self.last_tz = tz;
                op
            });
            let outcome = match parsed {
                Ok(Op::Decide {
                    at,
                    ids,
                    decision,
                    sent,
                }) => {
                    self.apply_decide(&ids, &sent, decision, at, line_no);
                    Ok(())
                }
                Ok(Op::Draft {
                    id,
                    kind,
                    draft,
                    decision,
                }) => {
                    self.apply_draft(id, kind, draft, decision, line_no);
                    Ok(())
                }
                Ok(Op::MarkSent {
                    at,
                    id,
                    kind,
                    marked,
                }) => self.apply_mark_sent(id, kind, marked, at, line_no),
                Ok(Op::Undo {
                    undoes: Some(n),
                    of: None,
                    ..
                }) if skipped.contains(&n) => Err(format!("it undoes line {n}, which was skipped")),
                Ok(Op::Undo {
                    at,
                    undoes: Some(n),
                    of,
                }) => (self.replay_undo(n, of, at, &mut |line| {
                    let &(start, end) = layout.spans.get(line.checked_sub(1)?)?;
                    *canonical_hashes
                        .entry(line)
                        .or_insert_with(|| canonical_line_hash(&bytes[start..end]))
                }))
                    .map_err(|why| match skipped.contains(&n) {
                        true => format!("it undoes line {n}, which was skipped"),
                        false => why,
                    })
                    .map(|(decide, on)| {
                    if decide {
                        layout.undone_decides.push((line_no, on));
                    }
                    if on != n {
                        layout.irregular = true;
                        notices.push(format!(
                            "{}: line {line_no} undoes line {n}, but the step it undid is on line {on} now (a line was added or removed before it): that step is undone",
                            shown_path(&self.path)
                        ));
                    }
                }),
                // No line named (not written by invitriage): the newest step.
                Ok(Op::Undo {
                    undoes: None, at, ..
                }) => {
                    layout.irregular = true;
                    match self.steps.pop() {
                        Some(step) => {
                            self.revert(step, at);
                            Ok(())
                        }
                        None => Err("an undo with nothing left to undo".to_string()),
                    }
                }
                // Deleting the line would renumber every line after it,
                // and an undo there would then revert another step.
                Err(why) => Err(format!(
                    "{why}; leave the line where it is (undo lines name lines by number), or mend it in place"
                )),
            };
            if let Err(why) = outcome {
                layout.irregular = true;
                skipped.insert(line_no);
                self.unread_lines += 1;
                notices.push(format!(
                    "{}: line {line_no} skipped: {why}",
                    shown_path(&self.path)
                ));
            }
        }
        tail
    }

    /// Reverts the step recorded on line `n`, as an `undo` line names it.
    /// invitriage always undoes the newest step, so that is the one named;
    /// where a line before was damaged (an undo lost, or a step), the named
    /// one may lie deeper, and is reverted when no step after it touched
    /// the same invitations (its state before is then still the one to go
    /// back to). Otherwise the undo is skipped: reverting another step
    /// than the one named would change another person's decision.
    /// Returns whether the step was a decision undone within the hour
    /// (which compaction may drop with its undo).
    ///
    /// An undo that keeps the undone line's hash (`of`) reverts the step
    /// of that line, wherever it is now (a line added or removed before
    /// it moves it), and is skipped when no step still in effect has it:
    /// the number alone would name another step. Returns too the line of
    /// the step reverted.
    fn replay_undo(
        &mut self,
        n: usize,
        of: Option<u64>,
        at: NaiveDateTime,
        canonical: &mut dyn FnMut(usize) -> Option<u64>,
    ) -> Result<(bool, usize), String> {
        let at_n = self.steps.iter().rposition(|s| s.line == n);
        // By the hash, the newest step that has it: the one undone was
        // the newest when the undo was written, and two lines alike (the
        // same step twice in a second) must not send it to the older one
        // when the numbers moved. Then by the hash of the line as
        // invitriage writes it (see [`canonical_line_hash`]): rewritten by
        // a tool that orders keys or escapes characters its own way, it is
        // the same step. Its own line first, as such a tool moves none.
        // Each undo of a journal rewritten whole looks at its own line
        // first: a search of every step for each would take seconds.
        let found = match (of, at_n) {
            (None, _) => at_n,
            (Some(h), Some(i)) if self.steps[i].hash == h => {
                // The newest step alike from there on (two alike, moved).
                self.steps[i..]
                    .iter()
                    .rposition(|s| s.hash == h)
                    .map(|j| i + j)
            }
            (Some(h), _) => at_n
                .filter(|&i| canonical(self.steps[i].line) == Some(h))
                .or_else(|| self.steps.iter().rposition(|s| s.hash == h))
                .or_else(|| {
                    self.steps
                        .iter()
                        .rposition(|s| canonical(s.line) == Some(h))
                }),
        };
        let Some(i) = found else {
            return Err(match (of, at_n) {
                (Some(_), Some(_)) => format!(
                    "it undoes line {n}, which holds another step now (a line added or removed before it, or this one edited?), and no line holds the step it undid, so that step counts again"
                ),
                _ => format!("it undoes line {n}, which holds no step still in effect"),
            });
        };
        // The newest step, as an intact journal's undo names: no later
        // step to check (at a million ids, building the set costs).
        let later = &self.steps[i + 1..];
        if !later.is_empty() && {
            let ids: FastSet<InvitationId> = self.steps[i].revert.ids().collect();
            later
                .iter()
                .any(|later| later.revert.ids().any(|id| ids.contains(&id)))
        } {
            return Err(format!(
                "it undoes line {n}, but a later step changed the same invitations (a line before it is damaged?)"
            ));
        }
        let step = self.steps.remove(i);
        // A decision undone an hour or more after it was made stays: a
        // list may have asked for it, and the next one says it was undone
        // (see [`Journal::undone_decision`]).
        let droppable =
            matches!(step.revert, Revert::Decide(_)) && !undone_late(&step, at, self.last_tz);
        let on = step.line;
        self.revert(step, at);
        Ok((droppable, on))
    }

    /// Records `decision` for every id in `ids` as one step (`None`: back to
    /// undecided), without the invitations' `Sent At` (see
    /// [`Journal::record_decision_on`]). Drafts are kept. An empty `ids`
    /// records nothing.
    pub fn record_decision(
        &mut self,
        ids: &[InvitationId],
        decision: Option<Decision>,
        at: NaiveDateTime,
    ) -> Result<(), JournalError> {
        self.record_decision_on(ids, &[], decision, at)
    }

    /// [`Journal::record_decision`], keeping each invitation's `Sent At`
    /// (`sent`, in the order of `ids`; empty when not known), so that a
    /// decision is not taken for one on a newer invitation from the same
    /// person (see [`earlier_than`]).
    pub fn record_decision_on(
        &mut self,
        ids: &[InvitationId],
        sent: &[NaiveDateTime],
        decision: Option<Decision>,
        at: NaiveDateTime,
    ) -> Result<(), JournalError> {
        if ids.is_empty() {
            return Ok(());
        }
        let sent = if sent.len() == ids.len() { sent } else { &[] };
        let newest: Vec<NaiveDateTime>;
        let sent = if self.repeated.is_empty() {
            sent
        } else {
            newest = ids
                .iter()
                .zip(sent)
                .map(|(id, &sent)| self.newest_sent(id, sent))
                .collect();
            &newest
        };
        self.refuse_superseded(ids.iter().zip(sent))?;
        let tz = local_tz(at);
        self.append(
            &DecideOut {
                v: FORMAT_VERSION,
                at,
                tz,
                op: "decide",
                ids,
                decision,
                sent,
            },
            tz,
        )?;
        self.apply_decide(ids, sent, decision, at, self.lines);
        Ok(())
    }

    /// Stores a draft for `id` as one step. A reply draft also sets the
    /// decision to [`Decision::Replied`]; a thank-you draft keeps it.
    pub fn record_draft(
        &mut self,
        id: InvitationId,
        kind: DraftKind,
        text: &str,
        at: NaiveDateTime,
    ) -> Result<(), JournalError> {
        self.record_draft_to(id, kind, text, at, Whom::default())
    }

    /// [`Journal::record_draft`], keeping whom it answers in the line: the
    /// draft can be listed after the invitation has left the export.
    pub fn record_draft_to(
        &mut self,
        id: InvitationId,
        kind: DraftKind,
        text: &str,
        at: NaiveDateTime,
        Whom { name, url, sent }: Whom<'_>,
    ) -> Result<(), JournalError> {
        let decision = match kind {
            DraftKind::Reply => Some(Decision::Replied),
            DraftKind::ThankYou => None,
        };
        let sent = sent.map(|sent| self.newest_sent(&id, sent));
        if let Some(sent) = &sent {
            self.refuse_superseded([(&id, sent)])?;
        }
        let tz = local_tz(at);
        self.append(
            &DraftOut {
                v: FORMAT_VERSION,
                at,
                tz,
                op: "draft",
                id,
                kind,
                text,
                decision,
                name,
                url,
                sent,
            },
            tz,
        )?;
        let draft = Draft {
            text: text.to_string(),
            at,
            earlier: Vec::new(),
            name: name.to_string(),
            url: url.to_string(),
            sent,
            marked_sent: None,
        };
        self.apply_draft(id, kind, draft, decision, self.lines);
        Ok(())
    }

    /// Marks the latest draft of `kind` for `id` as sent on LinkedIn
    /// (`marked`), or as not sent after all, as one step. Nothing is
    /// written (and `Ok(false)` returned) when there is no such draft.
    pub fn record_mark_sent(
        &mut self,
        id: InvitationId,
        kind: DraftKind,
        marked: bool,
        at: NaiveDateTime,
    ) -> Result<bool, JournalError> {
        if self.state(id).and_then(|e| e.draft(kind)).is_none() {
            return Ok(false);
        }
        let tz = local_tz(at);
        self.append(
            &MarkSentOut {
                v: FORMAT_VERSION,
                at,
                tz,
                op: "mark-sent",
                id,
                kind,
                marked,
            },
            tz,
        )?;
        // The draft is there: checked above, and nothing changed since.
        Ok(self
            .apply_mark_sent(id, kind, marked, at, self.lines)
            .is_ok())
    }

    /// [`JournalError::Superseded`] when one of the invitations (an id and
    /// its `Sent At`) has a later one with a step on it.
    fn refuse_superseded<'a>(
        &self,
        steps: impl IntoIterator<Item = (&'a InvitationId, &'a NaiveDateTime)>,
    ) -> Result<(), JournalError> {
        for (id, &sent) in steps {
            if self.repeated.contains_key(id) {
                continue;
            }
            if let Some(later) = self.state(*id).and_then(|e| e.later_than(sent)) {
                return Err(JournalError::Superseded { later });
            }
        }
        Ok(())
    }

    /// Reverts the newest step not yet undone. `Ok(None)` (and nothing
    /// written) when there is nothing to undo.
    pub fn undo(&mut self, at: NaiveDateTime) -> Result<Option<Undone>, JournalError> {
        let Some(top) = self.steps.last() else {
            return Ok(None);
        };
        let tz = local_tz(at);
        self.append(
            &UndoOut {
                v: FORMAT_VERSION,
                at,
                tz,
                op: "undo",
                undoes: top.line,
                of: Some(format!("{:016x}", top.hash)),
            },
            tz,
        )?;
        Ok(self.steps.pop().map(|step| self.revert(step, at)))
    }

    /// Gives each invitation keyed by its profile URLs the id its names
    /// and date make, when the journal holds something under that id: it
    /// was decided (or drafted for) on an export without the URL columns
    /// (see the module docs). When both ids hold something (decided on an
    /// export with URLs, then again on one without), the id of the newer
    /// step wins, as that is what the user decided last; the other's
    /// entry is set aside for as long as this journal is open.
    ///
    /// The same for the id the names make with the date's day and month
    /// swapped: an invitation without both URLs has an id from its names
    /// and date, and a spreadsheet's `03/04/2026` may be read the other way
    /// round from one day to the next (see [`earlier_than`]). And for the
    /// id a name written decomposed gave before names were taken in NFC
    /// (see [`InvitationId::by_names`]). Returns how many invitations took
    /// the older id.
    pub fn adopt_ids(&mut self, invs: &mut [Invitation]) -> usize {
        let adopted = self.adopt_older_ids(invs);
        self.note_export(invs);
        adopted
    }

    /// [`Journal::adopt_ids`] but for noting the export.
    fn adopt_older_ids(&mut self, invs: &mut [Invitation]) -> usize {
        // What an export read before moved is not this one's.
        self.moved.clear();
        self.maybe_moved.clear();
        self.own_url_changed = None;
        // Only an id no invitation here has can be such an older one; with
        // none (the common case) no invitation's name id is worked out.
        let present: FastSet<InvitationId> = invs.iter().map(|inv| inv.id).collect();
        let mut older: FastSet<InvitationId> = self
            .entries
            .keys()
            .chain(self.unsaved.keys().map(|(id, _)| id))
            .filter(|id| !present.contains(id))
            .copied()
            .collect();
        if older.is_empty() {
            return 0;
        }
        // The journal line of each id's newest step that is not undone,
        // worked out when an invitation has something under both ids.
        let mut newest: Option<FastMap<InvitationId, usize>> = None;
        let mut adopted = 0;
        // The invitations that took a name id with nothing under their own:
        // one whose profile URL changed too may have an entry under the
        // URL it had (see `adopt_moved_ids`).
        let mut by_name_only = FastSet::default();
        for (i, inv) in invs.iter_mut().enumerate() {
            // Each reading of the date, with the names in NFC, as written
            // and decomposed (the ids a decomposed name had before names
            // were taken in NFC).
            let Some(by_name) = std::iter::once(inv.sent_at)
                .chain(swapped(inv.sent_at))
                .flat_map(|sent_at| {
                    NameForm::ALL
                        .map(|form| InvitationId::by_names(inv.from(), inv.to(), sent_at, form))
                })
                .find(|id| *id != inv.id && older.contains(id))
            else {
                continue;
            };
            if self.known(&inv.id) {
                let newest = newest.get_or_insert_with(|| {
                    let mut lines = FastMap::default();
                    for step in &self.steps {
                        for id in step.revert.ids() {
                            lines.insert(id, step.line);
                        }
                    }
                    lines
                });
                if newest.get(&by_name) <= newest.get(&inv.id) {
                    // The URL's id stays, with any draft left unsaved on
                    // the export without URLs (under the name id).
                    self.carry_unsaved(by_name, inv.id);
                    continue;
                }
                self.shadowed.insert(inv.id, by_name);
                self.rebase(inv.id, by_name);
                self.carry_unsaved(inv.id, by_name);
            } else {
                by_name_only.insert(i);
            }
            older.remove(&by_name);
            inv.id = by_name;
            adopted += 1;
            if older.is_empty() {
                break;
            }
        }
        adopted + self.adopt_moved_ids(invs, &older, &by_name_only)
    }

    /// The second half of [`Journal::adopt_older_ids`]: a profile URL
    /// changed between two exports (a person who set a custom one), so the
    /// invitation has another id, and its decision read as done on LinkedIn
    /// while it was still pending. The only sign left is the `Sent At` a
    /// step keeps: an invitation here with nothing in the journal, sent in
    /// the same minute and direction as a gone entry. That alone may be two
    /// people invited in one minute (after a talk, in bulk), one answered
    /// and one left pending: the entry is carried over only when it is the
    /// only one gone from that minute and a draft on it names the person of
    /// exactly one invitation of that minute (a draft keeps the name; a
    /// decision does not). Any other is only named beside each invitation
    /// of its minute ([`Journal::maybe_moved`]), for the user to tell. The
    /// minute without its seconds, which one export may give and another
    /// not. Only an invitation with both profile URLs, as before. A draft
    /// left unsaved keeps the name and minute too, and is carried over the
    /// same way, so the composer opens on it on its person's row.
    ///
    /// An invitation that took a name id (decided on an export without
    /// the URL columns, after its URL changed) is matched too: the entry
    /// under its earlier URL is then set aside for the name id, whose steps
    /// stand on it as when both ids hold something, so that undoing them
    /// goes back to it in the same run, as the next start shows it.
    fn adopt_moved_ids(
        &mut self,
        invs: &mut [Invitation],
        older: &FastSet<InvitationId>,
        by_name_only: &FastSet<usize>,
    ) -> usize {
        use crate::invitation::Direction;
        type Minute = (NaiveDateTime, Direction);
        // Each gone entry by the `Sent At` and direction its step keeps.
        let mut gone: FastMap<Minute, Vec<InvitationId>> = FastMap::default();
        for id in older {
            let entry = self.entries.get(id);
            let minute = match entry.and_then(|e| e.decided) {
                Some(Decided {
                    decision,
                    sent: Some(sent),
                    ..
                }) => (
                    sent,
                    if decision == Decision::Withdrawn {
                        Direction::Outgoing
                    } else {
                        Direction::Incoming
                    },
                ),
                // A draft alone answers an invitation received; so does
                // one left unsaved (the app killed mid-sentence), which
                // is to follow its person as a saved one does.
                _ => match entry
                    .into_iter()
                    .flat_map(|e| [&e.reply, &e.thank_you])
                    .flatten()
                    .find_map(|d| d.sent)
                    .or_else(|| self.unsaved_sent(*id))
                {
                    Some(sent) => (sent, Direction::Incoming),
                    None => continue,
                },
            };
            gone.entry((at_minute(minute.0), minute.1))
                .or_default()
                .push(*id);
        }
        if gone.is_empty() {
            return 0;
        }
        // The invitations of those minutes with nothing in the journal,
        // and both URLs (an export without the URL columns cannot match
        // decisions made on one with them; the note on start counts those).
        let mut here: FastMap<Minute, Vec<usize>> = FastMap::default();
        for (i, inv) in invs.iter().enumerate() {
            let minute = (at_minute(inv.sent_at), inv.direction);
            if gone.contains_key(&minute)
                && (!self.known(&inv.id) || by_name_only.contains(&i))
                && [inv.inviter_url(), inv.invitee_url()]
                    .iter()
                    .all(|url| !crate::invitation::profile_key(url).is_empty())
            {
                here.entry(minute).or_default().push(i);
            }
        }
        let key = |name: &str| crate::text::name_line(name).to_lowercase();
        let mut adopted = 0;
        for (minute, ids) in gone {
            let Some(candidates) = here.get(&minute) else {
                continue;
            };
            let mut taken = vec![false; candidates.len()];
            let mut unnamed = Vec::new();
            // Two decisions gone from one minute: a name cannot tell whose
            // is whose (two people of one name, one accepted and one
            // ignored), so neither is carried.
            let alone = ids.len() == 1;
            for id in ids {
                let names: Vec<String> = self
                    .entries
                    .get(&id)
                    .into_iter()
                    .flat_map(|e| [&e.reply, &e.thank_you])
                    .flatten()
                    .map(|d| key(&d.name))
                    .chain(self.unsaved_names(id).map(key))
                    .filter(|n| !n.is_empty())
                    .collect();
                if names.is_empty() || !alone {
                    unnamed.push(id);
                    continue;
                }
                // The one invitation of the minute whose person the draft
                // names, if exactly one.
                let named: Vec<usize> = (0..candidates.len())
                    .filter(|&c| {
                        !taken[c] && names.contains(&key(invs[candidates[c]].counterpart()))
                    })
                    .collect();
                if let [c] = named[..] {
                    taken[c] = true;
                    // Two ids of one invitation: the one of the newer
                    // step wins, as in `adopt_older_ids`.
                    let took = invs[candidates[c]].id;
                    if by_name_only.contains(&candidates[c]) {
                        let newest = |j: &Journal, id: InvitationId| {
                            let step = j
                                .steps
                                .iter()
                                .rev()
                                .find(|s| s.revert.ids().any(|i| i == id));
                            step.map(|s| s.line)
                        };
                        if newest(self, id) < newest(self, took) {
                            self.shadowed.insert(id, took);
                            self.rebase(id, took);
                            self.carry_unsaved(id, took);
                            continue;
                        }
                        self.shadowed.insert(took, id);
                        self.rebase(took, id);
                        self.carry_unsaved(took, id);
                    }
                    // The id is made from both profile URLs: when the
                    // person's is the one the draft keeps, it is the
                    // user's own that changed, and with it every id.
                    if self.own_url_changed.is_none()
                        && self.entries.get(&id).is_some_and(|e| {
                            let theirs = crate::invitation::profile_key(
                                invs[candidates[c]].counterpart_url(),
                            );
                            [&e.reply, &e.thank_you].into_iter().flatten().any(|d| {
                                let kept = crate::invitation::profile_key(&d.url);
                                !kept.is_empty() && kept == theirs
                            })
                        })
                    {
                        self.own_url_changed = Some(id);
                    }
                    invs[candidates[c]].id = id;
                    self.moved.push(id);
                    // Counted already when it took the name id.
                    adopted += usize::from(!by_name_only.contains(&candidates[c]));
                } else {
                    unnamed.push(id);
                }
            }
            // A decision without a name to tell: each invitation left in
            // its minute may be its person's.
            for id in unnamed {
                for (c, &i) in candidates.iter().enumerate() {
                    if !taken[c] && !by_name_only.contains(&i) {
                        self.maybe_moved.push((invs[i].id, id));
                    }
                }
            }
        }
        adopted
    }

    /// The entries [`Journal::adopt_ids`] carried over to an invitation
    /// whose profile URL changed, by the id they are kept under (which
    /// that invitation now has): for a note that says so.
    pub fn moved(&self) -> &[InvitationId] {
        &self.moved
    }

    /// The invitations here that may be a gone entry's under a changed
    /// profile URL, sent in the same minute, but with no draft naming the
    /// person to tell: each invitation's id, and the entry's.
    pub fn maybe_moved(&self) -> &[(InvitationId, InvitationId)] {
        &self.maybe_moved
    }

    /// When the user's own profile URL changed since the journal's steps:
    /// the id of an entry [`Journal::adopt_ids`] carried over whose draft
    /// keeps the person's profile URL as it is now, which leaves only the
    /// user's own to have changed (and every id with it). `None` when no
    /// draft tells.
    pub fn own_url_changed(&self) -> Option<InvitationId> {
        self.own_url_changed
    }

    /// Puts the history of `id` on top of the entry of `under`, the id
    /// set aside for it (see [`Journal::adopt_ids`]), for as long as the
    /// journal is open: what no step on `id` set (a reply saved under the
    /// URL id, then an accept on the older export) is `under`'s, and the
    /// first step on `id` that set a field undoes back to `under`'s value,
    /// as the next start would show it. The file is not changed.
    fn rebase(&mut self, under: InvitationId, id: InvitationId) {
        let Some(base) = self.entries.get(&under).cloned() else {
            return;
        };
        let (mut decided, mut drafts) = (false, [false; 2]);
        let slot = |kind: DraftKind| usize::from(kind == DraftKind::ThankYou);
        let mut first_decided = |old: &mut Option<Decided>| {
            if !std::mem::replace(&mut decided, true) && old.is_none() {
                *old = base.decided;
            }
        };
        for step in &mut self.steps {
            match &mut step.revert {
                Revert::Decide(before) => {
                    for (_, old) in before.iter_mut().filter(|(i, _)| *i == id) {
                        first_decided(old);
                    }
                }
                Revert::Draft {
                    id: i,
                    kind,
                    draft,
                    decided: old,
                } if *i == id => {
                    if !std::mem::replace(&mut drafts[slot(*kind)], true) && draft.is_none() {
                        *draft = base.draft(*kind).cloned().map(Box::new);
                    }
                    if let Some(old) = old {
                        first_decided(old);
                    }
                }
                Revert::Draft { .. } => {}
            }
        }
        let e = self.entries.entry(id).or_default();
        if !decided && e.decided.is_none() {
            e.decided = base.decided;
        }
        for kind in DraftKind::ALL {
            let mine = e.draft_mut(kind);
            if !drafts[slot(kind)] && mine.is_none() {
                *mine = base.draft(kind).cloned().map(Box::new);
            }
        }
    }

    /// The id whose invitation took an older one instead (see
    /// [`Journal::adopt_ids`]), and that older id: `None` for any other.
    pub fn shadowed_by(&self, id: InvitationId) -> Option<InvitationId> {
        self.shadowed.get(&id).copied()
    }

    /// Whether the journal holds a decision, a draft or an unsaved draft
    /// under `id`.
    fn known(&self, id: &InvitationId) -> bool {
        self.entries.contains_key(id) || self.has_unsaved(*id)
    }

    /// What [`Journal::undo`] would revert next: its kind, the ids it
    /// touched (each once) and when it was recorded.
    pub fn next_undo(&self) -> Option<Undone> {
        let step = self.steps.last()?;
        let mut seen = FastSet::default();
        Some(Undone {
            kind: step.kind,
            ids: step.revert.ids().filter(|id| seen.insert(*id)).collect(),
            at: step.at,
            sent: step.single_sent(),
            tz: step.tz,
        })
    }

    /// Which of `invs` the step [`Journal::undo`] would revert next was
    /// made on a later invitation between the same two people than (on a
    /// newer export; see [`later_than`]): the first such one's position in
    /// `invs`, and that later invitation's `Sent At`. Undone here, in the
    /// older export, the step would take back a decision this export does
    /// not show. None of them when the export has both invitations of an id
    /// ([`Journal::note_export`]); so `invs`, invitations of the export at
    /// hand, have an id each.
    ///
    /// One pass over the step: a bulk step of a whole tab, asked about
    /// invitation by invitation, took seconds (minutes at a million).
    pub fn next_undo_later(&self, invs: &[&Invitation]) -> Option<(usize, NaiveDateTime)> {
        let step = self.steps.last()?;
        let own: FastMap<InvitationId, (usize, NaiveDateTime)> = invs
            .iter()
            .enumerate()
            .filter_map(|(pos, inv)| Some((inv.id, (pos, self.own_sent_at(inv)?))))
            .collect();
        let mut first: Option<(usize, NaiveDateTime)> = None;
        for (id, &sent) in step.revert.ids().zip(&step.sent) {
            let Some(&(pos, own)) = own.get(&id) else {
                continue;
            };
            if !later_than(Some(sent), own) {
                continue;
            }
            first = match first {
                Some((p, at)) if p < pos || (p == pos && at >= sent) => Some((p, at)),
                _ => Some((pos, sent)),
            };
        }
        first
    }

    /// The journal line of the step [`Journal::undo`] would revert next:
    /// at or before [`Journal::line_count`] at a run's start, a step of an
    /// earlier run.
    pub fn next_undo_line(&self) -> Option<usize> {
        self.steps.last().map(|s| s.line)
    }

    /// The draft of `kind` for `inv` whose saving was undone (and none
    /// saved since), unless it was written for an earlier invitation
    /// between the same people, or for a later one (in a newer export: its
    /// words are that one's).
    pub fn undone_draft(
        &self,
        inv: &Invitation,
        kind: DraftKind,
        now: NaiveDateTime,
    ) -> Option<&Draft> {
        let own = self.own_sent_at(inv);
        self.undone_drafts
            .get(&(inv.id, kind))
            .filter(|d| !d.predates(sent_by(inv, now)) && !own.is_some_and(|at| d.postdates(at)))
    }

    /// The state of one invitation; `None` when the journal has nothing on it.
    pub fn state(&self, id: InvitationId) -> Option<&Entry> {
        self.entries.get(&id)
    }

    /// What the journal holds on `inv` itself, leaving out the steps made
    /// before it was sent ([`Entry::for_sent_at`]); `None` when that is
    /// nothing. `now`: the time the export is read at.
    pub fn state_for(&self, inv: &Invitation, now: NaiveDateTime) -> Option<Entry> {
        let entry = self
            .state(inv.id)?
            .for_invitation(sent_by(inv, now), self.own_sent_at(inv));
        (!entry.is_blank()).then_some(entry)
    }

    /// The decision on `inv`, leaving out one made before it was sent (see
    /// [`made_before`]).
    pub fn decided(&self, inv: &Invitation, now: NaiveDateTime) -> Option<Decided> {
        let sent = sent_by(inv, now);
        let own = self.own_sent_at(inv);
        self.state(inv.id)?
            .decided
            .filter(|d| !d.predates(sent) && !own.is_some_and(|at| d.postdates(at)))
    }

    /// `inv`'s `Sent At`, for leaving out the steps on a later invitation
    /// between the same two people: when the export at hand has two
    /// invitations under the id ([`Journal::note_export`]), the newer one's,
    /// which a step taken on either keeps. A step on an invitation later
    /// still (in a newer export) is on neither.
    fn own_sent_at(&self, inv: &Invitation) -> Option<NaiveDateTime> {
        Some(self.newest_sent(&inv.id, inv.sent_at))
    }

    /// The `Sent At` a step on the invitation `id` sent at `sent` keeps:
    /// when the export at hand has two invitations under `id`, the newer
    /// one's, so that the step is on each as the screen shows it (on the
    /// older one's date, the newer one was undecided again).
    fn newest_sent(&self, id: &InvitationId, sent: NaiveDateTime) -> NaiveDateTime {
        self.repeated
            .get(id)
            .map_or(sent, |&newest| newest.max(sent))
    }

    /// Notes which ids more than one invitation of the export at hand has:
    /// see [`Journal::later`]. Called with every export read (by
    /// [`Journal::adopt_ids`] too).
    pub fn note_export(&mut self, invs: &[Invitation]) {
        let mut seen = FastSet::default();
        let repeated: FastSet<InvitationId> = invs
            .iter()
            .filter(|inv| !seen.insert(inv.id))
            .map(|inv| inv.id)
            .collect();
        drop(seen);
        self.repeated = FastMap::default();
        if repeated.is_empty() {
            return;
        }
        for inv in invs.iter().filter(|inv| repeated.contains(&inv.id)) {
            let newest = self.repeated.entry(inv.id).or_insert(inv.sent_at);
            *newest = (*newest).max(inv.sent_at);
        }
    }

    /// When a later invitation between the same two people than `inv` was
    /// sent, when the journal holds a step or an unsaved draft on it (made
    /// on a newer export): `inv`, in an older export, is superseded, and a
    /// step on it would replace that one's, or a draft take its words.
    pub fn later(&self, inv: &Invitation) -> Option<NaiveDateTime> {
        let own = self.own_sent_at(inv)?;
        let steps = self.state(inv.id).and_then(|e| e.later_than(own));
        steps.max(self.unsaved_later(inv.id, own))
    }

    /// For each id whose decision now replaced a different one: the
    /// earliest decision a later step replaced, which an earlier action
    /// list may have asked for and the user done on LinkedIn (accepted
    /// there, then ignored here). Steps undone are gone from this too.
    pub(crate) fn replaced(&self) -> FastMap<InvitationId, Decided> {
        let mut out: FastMap<InvitationId, Decided> = FastMap::default();
        let mut take = |id: InvitationId, before: &Option<Decided>| {
            if let Some(b) = before {
                out.entry(id).or_insert(*b);
            }
        };
        for step in &self.steps {
            match &step.revert {
                Revert::Decide(before) => before.iter().for_each(|(id, b)| take(*id, b)),
                Revert::Draft {
                    id,
                    decided: Some(b),
                    ..
                } => take(*id, b),
                Revert::Draft { .. } => {}
            }
        }
        out.retain(|id, b| {
            self.state(*id)
                .and_then(Entry::decision)
                .is_some_and(|now| now != b.decision)
        });
        out
    }

    /// The decision on `id` undone (or set back to undecided) an hour or
    /// more after it was made, when the one it has now (perhaps none, or
    /// one made since) is another: an action list may have asked for it in
    /// between, and the user done it on LinkedIn.
    pub fn undone_decision(&self, id: InvitationId) -> Option<UndoneDecision> {
        let undone = self.undone_decisions.get(&id)?;
        let now = self.state(id).and_then(|e| e.decided);
        (now.map(|d| d.decision) != Some(undone.decided.decision)).then_some(*undone)
    }

    /// How many accepts, withdrawals and replies undone an hour or more
    /// after they were made, and undecided since, are on invitations not in
    /// the export at hand (`present` says which are): an earlier list may
    /// have had them done, and the invitation left the export then.
    pub fn undone_elsewhere(&self, present: impl Fn(&InvitationId) -> bool) -> usize {
        self.undone_decisions
            .iter()
            .filter(|(id, u)| {
                !present(id)
                    && u.decided.decision != Decision::Ignored
                    && !self.set_apart(id)
                    && self.state(**id).and_then(|e| e.decided).is_none()
            })
            .count()
    }

    /// The decision on an earlier invitation between the same two people,
    /// when `inv` came after it.
    pub fn earlier(&self, inv: &Invitation, now: NaiveDateTime) -> Option<Decided> {
        let sent = sent_by(inv, now);
        self.state(inv.id)?.decided.filter(|d| d.predates(sent))
    }

    /// Every id with a decision or a draft, in no particular order.
    /// Leaves out those [set aside](Journal::adopt_ids) for an older id.
    pub fn iter(&self) -> impl Iterator<Item = (InvitationId, &Entry)> + '_ {
        self.entries
            .iter()
            .filter(|(id, _)| !self.set_apart(id))
            .map(|(id, e)| (*id, e))
    }

    /// An id [set aside](Journal::adopt_ids) for an older one, or of a
    /// row that could not be read ([`Journal::set_unread`]).
    fn set_apart(&self, id: &InvitationId) -> bool {
        self.shadowed.contains_key(id) || self.unread.contains(id)
    }

    /// How many invitations [set apart as unread](Journal::set_unread)
    /// have a saved draft.
    pub fn unread_drafts(&self) -> usize {
        self.unread
            .iter()
            .filter_map(|id| self.entries.get(id))
            .filter(|e| e.reply.is_some() || e.thank_you.is_some())
            .count()
    }

    /// Takes the ids of rows the export holds but could not read out of
    /// every count and list of steps on invitations not in the export:
    /// they are not answered on LinkedIn, only unread, and the caller
    /// names them.
    pub fn set_unread(&mut self, ids: impl IntoIterator<Item = InvitationId>) {
        self.unread = ids
            .into_iter()
            .filter(|id| self.entries.contains_key(id))
            .collect();
    }

    /// How many invitations have a decision and are not in the export at
    /// hand (`present` says which are): answered on LinkedIn since (a
    /// pending invitation answered leaves the next export), or decided on
    /// another export.
    pub fn decided_elsewhere(&self, present: impl Fn(&InvitationId) -> bool) -> usize {
        self.entries
            .iter()
            .filter(|(id, e)| e.decision().is_some() && !present(id) && !self.set_apart(id))
            .count()
    }

    /// How many invitations not in the export have a draft still to send
    /// ([`Entry::to_send_elsewhere`]), decided or not: thank-yous, and
    /// replies, each counted.
    pub fn drafts_elsewhere(
        &self,
        present: impl Fn(&InvitationId) -> bool,
        absence: Absence,
    ) -> (usize, usize) {
        let (mut thanks, mut replies) = (0, 0);
        for (id, e) in &self.entries {
            if present(id) || self.set_apart(id) {
                continue;
            }
            match e.to_send_elsewhere(absence) {
                Some((DraftKind::ThankYou, _)) => thanks += 1,
                Some((DraftKind::Reply, _)) => replies += 1,
                None => {}
            }
        }
        (thanks, replies)
    }

    /// How many steps [`Journal::undo`] can still revert.
    pub fn undo_depth(&self) -> usize {
        self.steps.len()
    }

    /// How many lines the journal holds: the lines of the steps recorded
    /// from now on come after it (see [`Journal::first_step_after`]).
    pub fn line_count(&self) -> usize {
        self.lines
    }

    /// When the earliest step still standing among those recorded after
    /// line `line` was made: with the line count at a run's start, the
    /// earliest step of that run. Not always its first: the clock may have
    /// been set back in between (the end of summer time, a correction).
    pub fn first_step_after(&self, line: usize) -> Option<NaiveDateTime> {
        self.steps
            .iter()
            .filter(|s| s.line > line)
            .map(|s| s.at)
            .min()
    }

    /// The journal file, `<dir>/journal.jsonl`.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Puts the journal back at its path when it was deleted while open
    /// (not moved: a file that still has a name elsewhere is the user's to
    /// place), from the open file, which holds every step up to now: a
    /// step taken after the deletion, or quitting, would leave the next
    /// start with none of them. `Ok(false)` when it is not deleted, or
    /// read-only. The copy is made under another name and linked into
    /// place, so a journal made there meanwhile is never written over.
    /// The next [`Journal::take_written_back`] says it happened.
    pub fn write_back_if_deleted(&mut self) -> Result<bool, JournalError> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::{FileExt, MetadataExt};
            let Some(file) = &self.file else {
                return Ok(false);
            };
            let deleted = file.metadata().is_ok_and(|m| m.is_file() && m.nlink() == 0)
                && fs::symlink_metadata(&self.path)
                    .is_err_and(|e| e.kind() == io::ErrorKind::NotFound);
            let Some(dir) = self.path.parent().filter(|_| deleted) else {
                return Ok(false);
            };
            let cannot = |e| io_error("write back the deleted journal", &self.path)(e);
            // Its folder too, when that went with it, and then its lock,
            // before anything else is there: a second instance started
            // meanwhile is refused, and does not take the copy below for
            // one a killed run left.
            fs::create_dir_all(dir).map_err(cannot)?;
            let lock_path = dir.join(LOCK_FILE_NAME);
            if !lock_path.exists()
                && let Ok(lock) = OpenOptions::new()
                    .write(true)
                    .create(true)
                    .truncate(false)
                    .open(&lock_path)
                && lock.try_lock().is_ok()
            {
                self._lock = Some(lock);
            }
            let mut bytes = vec![0; usize::try_from(self.len).unwrap_or(usize::MAX)];
            file.read_exact_at(&mut bytes, 0).map_err(cannot)?;
            let temp = rescue::writing_back(&self.path);
            // One left by a write-back a kill cut short, and not taken back
            // (the journal had steps of its own): kept aside, not removed.
            if let Ok(left) = fs::read(&temp)
                && rescue::keep(&self.path, "journal", rescue::JOURNAL_SUFFIX, &left).is_ok()
            {
                let _ = fs::remove_file(&temp);
            }
            // Whole and synced under a name no start takes back, then
            // renamed: a kill mid-write leaves no part of it as a copy.
            let partial = rescue::being_written(&self.path);
            let written = private(&mut OpenOptions::new())
                .write(true)
                .create(true)
                .truncate(true)
                .open(&partial)
                .and_then(|mut f| f.write_all(&bytes).and_then(|()| f.sync_all()))
                .and_then(|()| fs::rename(&partial, &temp))
                .and_then(|()| fs::hard_link(&temp, &self.path));
            let _ = fs::remove_file(&partial);
            let _ = fs::remove_file(&temp);
            written.map_err(cannot)?;
            sync_dir(dir);
            let path = self.path.clone();
            self.written_back_as(false)
                .map_err(io_error("write back the deleted journal", &path))?;
            Ok(true)
        }
        #[cfg(not(unix))]
        Ok(false)
    }

    /// Puts the journal back whole when another program cut it short while
    /// it was open (a sync tool, `: > journal.jsonl`): the open file lost
    /// those bytes with it, so they come from [`Journal::kept`]. What the
    /// file held then, when it is not the start of ours (something written
    /// after the cut), is kept in the temporary folder and named. The copy
    /// is written under another name and renamed into place. `Ok(false)`
    /// when it is not cut short, is a link, or is too large to have been
    /// kept; the step is then refused, as before.
    pub fn write_back_if_cut_short(&mut self) -> Result<bool, JournalError> {
        #[cfg(unix)]
        {
            use std::io::Read;
            let Some(file) = &self.file else {
                return Ok(false);
            };
            let Some(kept) = self.kept.as_ref().filter(|k| k.len() as u64 == self.len) else {
                return Ok(false);
            };
            if changed_under(file, &self.path, self.len, self.dirty) != Some(CUT_SHORT)
                || fs::symlink_metadata(&self.path).is_ok_and(|m| m.file_type().is_symlink())
            {
                return Ok(false);
            }
            let Some(dir) = self.path.parent() else {
                return Ok(false);
            };
            let cannot = |e| io_error("write back the journal cut short", &self.path)(e);
            let mut left = Vec::new();
            fs::File::open(&self.path)
                .and_then(|mut f| f.read_to_end(&mut left))
                .map_err(cannot)?;
            // Not a journal a start takes back (another suffix): another
            // program's, for the user to look at.
            if !kept.starts_with(&left) {
                self.cut_short_left =
                    Some(rescue::keep(&self.path, "journal", ".cut-short", &left).map_err(cannot)?);
            }
            let temp = rescue::being_written(&self.path);
            let written = private(&mut OpenOptions::new())
                .write(true)
                .create(true)
                .truncate(true)
                .open(&temp)
                .and_then(|mut f| f.write_all(kept).and_then(|()| f.sync_all()))
                .and_then(|()| fs::rename(&temp, &self.path));
            if written.is_err() {
                let _ = fs::remove_file(&temp);
            }
            written.map_err(cannot)?;
            sync_dir(dir);
            let path = self.path.clone();
            self.written_back_as(true)
                .map_err(io_error("write back the journal cut short", &path))?;
            Ok(true)
        }
        #[cfg(not(unix))]
        Ok(false)
    }

    /// After a write-back put the journal back at its path: opens it there
    /// (locked, as the file it replaces was), and notes that it happened
    /// and why (`cut_short`, else deleted; the last cause is the one said).
    fn written_back_as(&mut self, cut_short: bool) -> io::Result<()> {
        let reopened = private(&mut OpenOptions::new())
            .read(true)
            .append(true)
            .open(&self.path)?;
        // The lock goes with the file it is on.
        let _ = reopened.try_lock();
        self.file = Some(reopened);
        self.dirty = false;
        self.written_back = true;
        self.ever_written_back = true;
        self.cut_short_written_back = cut_short;
        self.note_stamp();
        Ok(())
    }

    /// Journals a run was writing back beside the journal in `dir` when it
    /// was killed, perhaps not whole: named wherever the journal is read.
    pub fn left_half_written_in(dir: &Path) -> Vec<PathBuf> {
        rescue::left_half_written(&dir.join(FILE_NAME))
    }

    /// Whether another program wrote over the journal in place, leaving it
    /// as long as it was (which [`changed_under`] cannot tell): the end of
    /// the file differs from the end of [`Journal::kept`]. One read of a
    /// few kilobytes before a step's fsync.
    fn written_over(&mut self) -> Option<&'static str> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileExt;
            let file = self.file.as_ref().filter(|_| !self.dirty)?;
            // Its change time, which no program can set back: the same as
            // after this process's last write, nothing was written since.
            let now_stamp = change_stamp(file);
            if now_stamp.is_some() && now_stamp == self.stamp {
                return None;
            }
            let len = usize::try_from(self.len).ok()?;
            // Changed (or its time unknown): the whole file is compared
            // with the copy kept; without one, its last 4 KB.
            let (from, expected): (usize, Option<&[u8]>) = match &self.kept {
                Some(kept) if kept.len() == len => (0, Some(kept)),
                _ => (len.saturating_sub(4096), None),
            };
            let mut read = vec![0; len - from];
            file.read_exact_at(&mut read, from as u64).ok()?;
            let same = match expected {
                Some(kept) => read == kept,
                // No copy: only a torn tail of ours could be told; what
                // was there is unknown, so a change of time alone says
                // nothing more.
                None => return None,
            };
            if same {
                // A change of its status only (a chmod, a touch).
                self.stamp = now_stamp;
                None
            } else {
                Some(WRITTEN_OVER)
            }
        }
        #[cfg(not(unix))]
        None
    }

    /// Sets [`Journal::stamp`] from the open file, after this process
    /// wrote it.
    fn note_stamp(&mut self) {
        #[cfg(unix)]
        {
            self.stamp = self.file.as_ref().and_then(change_stamp);
        }
    }

    /// Keeps the journal as this process knows it in the temporary folder
    /// when another program wrote over it in place since the last step,
    /// and no step was refused since (the run is ending: nothing else
    /// would tell). `None` when it was not written over, or no copy was
    /// kept.
    pub fn rescue_if_written_over(&mut self) -> Option<io::Result<PathBuf>> {
        if self.refused.is_some() {
            return None;
        }
        let file = self.file.as_ref()?;
        if changed_under(file, &self.path, self.len, self.dirty).is_some() {
            return None;
        }
        self.written_over()?;
        let kept = self.kept.as_ref()?;
        Some(rescue::keep(
            &self.path,
            "journal",
            rescue::JOURNAL_SUFFIX,
            kept,
        ))
    }

    /// Whether this process keeps a copy of the journal as it knows it
    /// ([`Journal::kept`]; not for one over [`KEEP_AT_MOST`]).
    pub fn keeps_a_copy(&self) -> bool {
        self.kept
            .as_ref()
            .is_some_and(|k| k.len() as u64 == self.len)
    }

    /// Keeps the journal as this process knows it ([`Journal::kept`]) in
    /// the temporary folder, when steps were refused because the file
    /// changed under it (written over, replaced, cut short and not put
    /// back): the next start on this data folder takes it back into an
    /// empty journal, or names it. `None` when no step was refused, or no
    /// copy was kept (a journal over [`KEEP_AT_MOST`]).
    pub fn rescue_if_refused(&self) -> Option<io::Result<PathBuf>> {
        self.refused?;
        let kept = self.kept.as_ref().filter(|k| k.len() as u64 == self.len)?;
        Some(rescue::keep(
            &self.path,
            "journal",
            rescue::JOURNAL_SUFFIX,
            kept,
        ))
    }

    /// Whether a write-back this run was of a journal cut short (else of
    /// one deleted): see [`Journal::write_back_if_cut_short`].
    pub fn was_cut_short(&self) -> bool {
        self.cut_short_written_back
    }

    /// Where what a journal cut short held after the cut was kept, when it
    /// was something else than the start of the journal.
    pub fn cut_short_left(&self) -> Option<&Path> {
        self.cut_short_left.as_deref()
    }

    /// How many lines of the journal could not be read when it was opened
    /// (damaged, cut short, or of a newer version), each named in a notice:
    /// what they held is missing from everything read from it.
    pub fn unread_lines(&self) -> usize {
        self.unread_lines
    }

    /// How many steps were refused because the journal file changed under
    /// this process (moved, replaced, written by another program), and how
    /// it changed: said again on quitting, as the screen said it only then.
    pub fn refused_steps(&self) -> Option<(usize, &'static str)> {
        self.refused
    }

    /// Whether the journal file holds nothing: no step read at the start,
    /// none recorded since. One deleted then loses nothing, and is neither
    /// written back nor kept as the run ends (the folder deleted with it
    /// stays deleted).
    pub fn is_blank(&self) -> bool {
        self.len == 0
    }

    /// Whether the journal was ever written back in this run (see
    /// [`Journal::write_back_if_deleted`]).
    pub fn was_written_back(&self) -> bool {
        self.ever_written_back
    }

    /// Whether the journal was written back since last asked (see
    /// [`Journal::write_back_if_deleted`]): the user is told once.
    pub fn take_written_back(&mut self) -> bool {
        std::mem::take(&mut self.written_back)
    }

    /// Writes one line durably: one `write_all` of the line and its `\n`,
    /// `flush`, `sync_data`. On failure the file is cut back to its last
    /// complete line and nothing else changes.
    fn append(&mut self, record: &impl Serialize, tz: Option<i16>) -> Result<(), JournalError> {
        let Some(file) = self.file.as_mut() else {
            return Err(JournalError::ReadOnly {
                path: self.path.clone(),
            });
        };
        let mut line = serde_json::to_vec(record)
            .map_err(io::Error::from)
            .map_err(io_error("write to the journal", &self.path))?;
        line.push(b'\n');
        if let Some(what) =
            changed_under(file, &self.path, self.len, self.dirty).or_else(|| self.written_over())
            && !(what == DELETED && self.write_back_if_deleted()?)
            && !(what == CUT_SHORT && self.write_back_if_cut_short()?)
        {
            let before = self.refused.map_or(0, |(n, _)| n);
            self.refused = Some((before + 1, what));
            return Err(JournalError::Changed {
                path: self.path.clone(),
                what,
                kept: self
                    .kept
                    .as_ref()
                    .is_some_and(|k| k.len() as u64 == self.len),
            });
        }
        let Some(file) = self.file.as_mut() else {
            return Err(JournalError::ReadOnly {
                path: self.path.clone(),
            });
        };
        if self.dirty {
            file.set_len(self.len)
                .and_then(|()| file.sync_data())
                .map_err(io_error("write to the journal", &self.path))?;
            self.dirty = false;
        }
        match file
            .write_all(&line)
            .and_then(|()| file.flush())
            .and_then(|()| file.sync_data())
        {
            Ok(()) => {
                self.len += line.len() as u64;
                if let Some(kept) = &mut self.kept {
                    if kept.len() + line.len() > KEEP_AT_MOST {
                        self.kept = None;
                    } else {
                        kept.extend_from_slice(&line);
                    }
                }
                self.lines += 1;
                self.last_hash = line_hash(&line[..line.len() - 1]);
                self.last_tz = tz;
                self.note_stamp();
                Ok(())
            }
            Err(e) => {
                // Take back whatever part of the line reached the file.
                self.dirty = file
                    .set_len(self.len)
                    .and_then(|()| file.sync_data())
                    .is_err();
                Err(io_error("write to the journal", &self.path)(e))
            }
        }
    }

    fn apply_decide(
        &mut self,
        ids: &[InvitationId],
        sent: &[NaiveDateTime],
        decision: Option<Decision>,
        at: NaiveDateTime,
        line: usize,
    ) {
        let mut before = Vec::with_capacity(ids.len());
        let tz = self.last_tz;
        for (i, &id) in ids.iter().enumerate() {
            let new = decision.map(|decision| Decided {
                decision,
                at,
                sent: sent.get(i).copied(),
                tz,
            });
            let old = self.set_decided(id, new);
            // Back to undecided an hour or more after (a withdrawal mark
            // taken back with `x`): as an undo, a list may have asked for it.
            if new.is_none()
                && let Some(old) = old
                && an_hour_on((old.at, old.tz), (at, tz))
            {
                note_undone(&mut self.undone_decisions, id, old, at);
            }
            // An id twice in one line (an earlier invitation and a
            // re-invite from one person, both in the export, decided
            // together): the decision is on the newer one, whichever
            // comes last in the line (it was the older, and the newer
            // showed as undecided after a bulk accept of both). The same
            // decision at the same time on a line before is taken so too:
            // no need to tell the two apart.
            if let (Some(new), Some(old)) = (new, old)
                && old.at == at
                && old.decision == new.decision
                && let Some(newest) = old.sent.max(new.sent)
            {
                self.set_decided(
                    id,
                    Some(Decided {
                        sent: Some(newest),
                        ..new
                    }),
                );
            }
            before.push((id, old));
        }
        self.steps.push(Step {
            line,
            hash: self.last_hash,
            at,
            tz: self.last_tz,
            sent: sent.to_vec(),
            kind: StepKind::Decide(decision),
            revert: Revert::Decide(before),
        });
    }

    fn apply_draft(
        &mut self,
        id: InvitationId,
        kind: DraftKind,
        draft: Draft,
        decision: Option<Decision>,
        line: usize,
    ) {
        let mut draft = draft;
        let (at, sent) = (draft.at, draft.sent);
        self.undone_drafts.remove(&(id, kind));
        let e = self.entries.entry(id).or_default();
        // The versions before it, unless they answered an earlier
        // invitation from the same person: their dates are not this
        // draft's first.
        // (A `Sent At` ahead of the clock counts as the present, as
        // everywhere: see `sent_by`.)
        if let Some(before) = e.draft(kind)
            && !sent.is_some_and(|sent| before.predates(sent.min(at)))
        {
            draft.earlier = before.earlier.clone();
            draft.earlier.push(before.at);
        }
        let draft = e.draft_mut(kind).replace(Box::new(draft));
        let tz = self.last_tz;
        let decided = decision.map(|decision| {
            e.decided.replace(Decided {
                decision,
                at,
                sent,
                tz,
            })
        });
        self.steps.push(Step {
            line,
            hash: self.last_hash,
            at,
            tz: self.last_tz,
            sent: sent.into_iter().collect(),
            kind: StepKind::Draft(kind),
            revert: Revert::Draft {
                id,
                kind,
                draft,
                decided,
            },
        });
    }

    /// Marks the draft of `kind` for `id` sent at `at` (or not sent); the
    /// step reverts to the draft as it was. A line for a draft that is not
    /// there (its own line skipped, or written by hand) changes nothing and
    /// is skipped.
    fn apply_mark_sent(
        &mut self,
        id: InvitationId,
        kind: DraftKind,
        marked: bool,
        at: NaiveDateTime,
        line: usize,
    ) -> Result<(), String> {
        let Some(slot) = self.entries.get_mut(&id).map(|e| e.draft_mut(kind)) else {
            return Err(format!("it marks a {} that is not there", kind.label()));
        };
        let Some(draft) = slot.as_mut() else {
            return Err(format!("it marks a {} that is not there", kind.label()));
        };
        let before = draft.clone();
        draft.marked_sent = marked.then_some(at);
        let sent = draft.sent;
        self.steps.push(Step {
            line,
            hash: self.last_hash,
            at,
            tz: self.last_tz,
            sent: sent.into_iter().collect(),
            kind: StepKind::MarkSent(kind, marked),
            revert: Revert::Draft {
                id,
                kind,
                draft: Some(before),
                decided: None,
            },
        });
        Ok(())
    }

    /// Sets the decision of `id`; returns the one before.
    fn set_decided(&mut self, id: InvitationId, new: Option<Decided>) -> Option<Decided> {
        match self.entries.entry(id) {
            MapEntry::Occupied(mut o) => {
                let old = std::mem::replace(&mut o.get_mut().decided, new);
                if o.get().is_blank() {
                    o.remove();
                }
                old
            }
            MapEntry::Vacant(v) => {
                if new.is_some() {
                    v.insert(Entry {
                        decided: new,
                        ..Entry::default()
                    });
                }
                None
            }
        }
    }

    fn revert(&mut self, step: Step, undo_at: NaiveDateTime) -> Undone {
        let sent = step.single_sent();
        // Taken back an hour or more after it was made: an action list
        // may have asked for it since, and the user done it on LinkedIn.
        let late = undone_late(&step, undo_at, self.last_tz);
        let ids = match step.revert {
            Revert::Decide(before) => {
                for &(id, old) in before.iter().rev() {
                    let taken = self.set_decided(id, old);
                    if late && let Some(taken) = taken {
                        note_undone(&mut self.undone_decisions, id, taken, undo_at);
                    }
                }
                let mut seen = FastSet::with_capacity_and_hasher(before.len(), Default::default());
                before
                    .into_iter()
                    .map(|(id, _)| id)
                    .filter(|id| seen.insert(*id))
                    .collect()
            }
            Revert::Draft {
                id,
                kind,
                draft,
                decided,
            } => {
                let e = self.entries.entry(id).or_default();
                let undone = std::mem::replace(e.draft_mut(kind), draft);
                if let Some(decided) = decided {
                    // A reply saved (the decision it made) taken back late:
                    // a list may have asked for it to be sent.
                    let taken = std::mem::replace(&mut e.decided, decided);
                    if late && let Some(taken) = taken {
                        note_undone(&mut self.undone_decisions, id, taken, undo_at);
                    }
                }
                if e.is_blank() {
                    self.entries.remove(&id);
                }
                // An edit of this draft undone before holds newer words,
                // written on these: they stay the ones offered back, not
                // lost under the older text.
                // A mark undone leaves the words as they were: nothing to
                // offer back.
                if let Some(undone) = undone
                    && matches!(step.kind, StepKind::Draft(_))
                {
                    // Undos go from the newest step back, so the one kept
                    // already is the newer (its time may not be: a clock
                    // set back between the two saves).
                    self.undone_drafts.entry((id, kind)).or_insert(*undone);
                }
                vec![id]
            }
        };
        Undone {
            kind: step.kind,
            ids,
            at: step.at,
            sent,
            tz: step.tz,
        }
    }
}

/// Appends the torn bytes, on a line of their own, to the `.torn` file.
fn keep_torn(path: &Path, torn: &[u8]) -> io::Result<()> {
    let mut f = private(&mut OpenOptions::new())
        .append(true)
        .create(true)
        .open(path)?;
    let mut buf = torn.to_vec();
    buf.push(b'\n');
    f.write_all(&buf)?;
    f.sync_data()
}

/// Writes `text` to a new file at `path` readable by the user only, and
/// makes it durable: for a draft kept aside beside the journal's.
pub fn write_private(path: &Path, text: &str) -> io::Result<()> {
    let mut f = private(OpenOptions::new().write(true).create(true).truncate(true)).open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

/// New files are readable by the user only: drafts and decisions about
/// one's contacts are private.
fn private(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(options, 0o600);
    options
}

/// Makes a newly created file's directory entry durable (best effort).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests;
