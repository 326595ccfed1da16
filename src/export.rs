//! `invitriage export`: the action list, i.e. what the user decided in the
//! journal, joined with the invitations of the current export, to carry out
//! by hand on LinkedIn (which offers no API for it).
//!
//! One row per invitation of the export that has a decision or a draft in
//! the journal. Journal entries whose invitation is not in the export are left
//! out: an invitation that left the export was usually dealt with already.
//! The exception is a thank-you still to send for one accepted since (its
//! invitation leaves the export with the accept, which is when a thank-you
//! is sent): it is listed after the rest, by the name and URL saved with the
//! draft. On an export without the profile URL columns those drafts are
//! listed too, but not as gone: its ids are made of names and dates, so a
//! decision made on an export with the URLs is not matched to its rows, and
//! whether that invitation is still pending cannot be told
//! ([`Absence::Unmatched`]). Invitations without anything in the
//! journal are left out too, and so are the decisions and drafts made before
//! an invitation was sent: they were on an earlier one from the same person
//! ([`Journal::state_for`]).
//!
//! # Order
//!
//! Accepted, then replied, then withdrawn (invitations you sent, to take
//! back), then ignored, then undecided rows that only have a draft (a
//! thank-you saved before an accept that was later undone, say): accepts
//! first because each is one click and may have a thank-you to send right
//! after, replies next (a message to write), withdrawals next (one click on
//! the person's profile, under "Pending"), ignores last (ignoring on
//! LinkedIn is optional: unanswered invitations go stale on their own).
//! Within each group the newest decision (for undecided rows, the newest
//! draft) comes first, so a user who acts in sessions finds the latest ones
//! at the top; ties (a bulk decision) keep the export's order.
//!
//! # Columns
//!
//! `name` and `profile_url` are the other person's (the sender of an
//! incoming invitation, the recipient of an outgoing one); then `category`,
//! `direction`, `decision`, `decided_at` (for a reply edited since, when
//! its first version was saved, as the screen and the checklist date it),
//! `reply_draft`, `thank_you_draft`,
//! the invitation's stable `id` (16 hex digits, as in the journal), and
//! `draft_to_send`: which of the drafts the decision sends (`reply` for a
//! reply, or an undecided row's reply; `thank-you` for an accept), empty for
//! an ignore, a withdrawal or no such draft. The two draft columns keep every
//! draft, also one the decision no longer sends (a thank-you written before
//! an ignore). Last, `in_export`: `false` for a thank-you whose invitation
//! has left the export, whose `category` is then empty (not known), as is
//! its `name` when the draft was saved before invitriage recorded names;
//! empty (JSON: `null`, not known either) for such a thank-you on an export
//! without the URL columns, which cannot tell whether it is in it. Then
//! `changed_from` and `changed_from_at`: a different decision this one
//! replaced and when it was made (an earlier list may have asked for it,
//! and it may be done on LinkedIn), empty when none. Then `not_done_yet`,
//! `undone_at`, and `draft_sent_at`: when the draft the decision sends was
//! marked sent on LinkedIn (`draft_to_send` is then empty). A reply marked
//! sent with nothing else to do or check is not a row at all, nor is a
//! thank-you marked sent whose invitation has left the export: the
//! checklist counts them (`Marked sent:`).
//!
//! - **CSV**: a header row, then one row per action. Absent values are empty
//!   cells; `decided_at` is `2026-11-25 17:03:12`, which spreadsheets read
//!   as a date and time. Every cell that a spreadsheet would run as a formula
//!   (starting with `=`, `+`, `-`, `@`, tab or carriage return, per OWASP) is
//!   prefixed with `'`. The invitation-manager URL is *not* in the CSV: a
//!   column holding the same value on every row (or on one row only) breaks
//!   the one-row-one-invitation shape that sorting and filtering rely on, and
//!   each row's `profile_url` already leads to the person's page where the
//!   invitation can be answered. The CLI can print the URL on stderr.
//! - **JSON**: one object: `invitation_manager_url`, `count` and `actions`,
//!   an array of objects with the columns above as fields; absent values are
//!   `null`, `decided_at` is ISO 8601 (`2026-11-25T17:03:12`). JSON is data,
//!   not a spreadsheet, so nothing is escaped beyond JSON's own rules.
//! - **Markdown**: a checklist by group. A decided row quotes the one draft
//!   its decision sends ([`Entry::draft_to_send`]: an accept's thank-you, a
//!   reply's reply, none for an ignore); a row without a decision quotes
//!   every draft it has.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::invitation::{Direction, Invitation, InvitationId};
use crate::journal::{Absence, Decision, Draft, DraftKind, Entry, Journal};
use crate::report::csv_io;

/// Where pending invitations are answered on LinkedIn.
pub const INVITATION_MANAGER_URL: &str = "https://www.linkedin.com/mynetwork/invitation-manager/";

/// Where the invitations you sent and are still pending are listed on
/// LinkedIn, each with its Withdraw button.
pub const SENT_INVITATIONS_URL: &str =
    "https://www.linkedin.com/mynetwork/invitation-manager/sent/";

/// The CSV header, in column order.
pub const CSV_HEADER: [&str; 16] = [
    "name",
    "profile_url",
    "category",
    "direction",
    "decision",
    "decided_at",
    "reply_draft",
    "thank_you_draft",
    "id",
    "draft_to_send",
    "in_export",
    "changed_from",
    "changed_from_at",
    "not_done_yet",
    "undone_at",
    "draft_sent_at",
];

/// The output formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// For a spreadsheet: a row per invitation, formulas escaped with a
    /// leading `'` (as is a cell that starts with `'`)
    Csv,
    /// For scripts
    Json,
    /// A checklist to read and tick off, a section per thing to do
    Md,
}

/// One action: an invitation and what the journal holds on it (on it
/// itself: not a decision or draft on an earlier invitation between the
/// same people, [`Journal::state_for`]).
struct Row<'a> {
    inv: &'a Invitation,
    entry: Entry,
    /// A different decision on it that this one replaced (see
    /// [`Journal::replaced`]).
    was: Option<crate::journal::Decided>,
    /// The export holds an invitation sent after that decision, so it was
    /// made after it, and still lists this one pending: the accept or
    /// ignore it asked for was not done on LinkedIn.
    was_not_done: bool,
    /// Accepted or marked to withdraw more than a day before this export
    /// was made ([`not_done_yet`]), which still lists it pending: the step
    /// was not done on LinkedIn (yet), and `--since` keeps it.
    not_done_yet: bool,
    /// When `was`, the decision before, was undone (an hour or more after
    /// it was made; see [`Journal::undone_decision`]), rather than replaced.
    undone_at: Option<NaiveDateTime>,
}

impl Row<'_> {
    /// An ignore that replaced an accept (an hour or more before) which
    /// may have been done on LinkedIn: not optional, as ignores are, for
    /// the connection is then to remove.
    fn unaccept(&self) -> bool {
        self.entry.decision() == Some(Decision::Ignored)
            && self
                .was
                .is_some_and(|w| w.decision == Decision::Accepted && !self.was_not_done)
    }

    /// A reply marked sent on LinkedIn, with nothing else to do or check:
    /// not listed (the lists count it).
    fn all_sent(&self) -> bool {
        let e = &self.entry;
        e.decision() == Some(Decision::Replied)
            && e.draft_marked_sent(e.decision()).is_some()
            && self.was.is_none()
            && self.undone_at.is_none()
            && e.decided
                .and_then(|d| d.sent_earlier(self.inv.sent_at))
                .is_none()
    }

    /// When the draft its decision sends was marked sent on LinkedIn.
    fn draft_sent_at(&self) -> Option<NaiveDateTime> {
        let e = &self.entry;
        e.draft_marked_sent(e.decision())
            .and_then(|(_, d)| d.marked_sent)
    }

    /// Accepted, replied, withdrawn, ignored, undecided (a decision undone
    /// after an earlier list may have asked for it apart).
    fn group(&self) -> u8 {
        match self.entry.decision() {
            Some(Decision::Accepted) => 0,
            Some(Decision::Replied) => 1,
            Some(Decision::Withdrawn) => 2,
            Some(Decision::Ignored) => 3,
            None if self.undone_at.is_some() => 5,
            None => 4,
        }
    }

    /// The decision's time, or for an undecided row its newest draft's, or
    /// its undo's.
    fn when(&self) -> Option<NaiveDateTime> {
        let e = &self.entry;
        e.decided_at()
            .or_else(|| e.reply.iter().chain(&e.thank_you).map(|d| d.at).max())
            .or(self.undone_at)
    }

    /// The newest step on it: its decision, a draft saved since, or the
    /// undo of its decision.
    fn last_step(&self) -> Option<NaiveDateTime> {
        self.entry.last_step().max(self.undone_at)
    }

    /// When it was decided, as the triage screen says: a reply edited since
    /// keeps the time of its first version, which may have been sent.
    fn decided_at(&self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        let d = self.entry.decided?;
        Some(match (d.decision, &self.entry.reply) {
            (Decision::Replied, Some(r)) => r
                .first_saved(crate::journal::sent_by(self.inv, now))
                .min(d.at),
            _ => d.at,
        })
    }

    /// When the step the checklist asks for was first taken: its decision
    /// ([`Row::decided_at`]), or for an undecided row the first version of
    /// its newest draft.
    fn first_taken(&self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        let e = &self.entry;
        let sent = crate::journal::sent_by(self.inv, now);
        match e.decision() {
            Some(_) => self.decided_at(now),
            None => e
                .reply
                .iter()
                .chain(&e.thank_you)
                .map(|d| d.first_saved(sent))
                .max(),
        }
    }

    /// ` · reply edited 2026-12-04` when the draft to send
    /// was changed on a later day than its first version: dated by that
    /// version, it would read as sent already, edit and all.
    fn edited_later(&self, now: NaiveDateTime) -> String {
        let e = &self.entry;
        let sent = crate::journal::sent_by(self.inv, now);
        match e.draft_to_send(e.decision()) {
            Some((kind, d)) => md_edited_later(kind, d, d.first_saved(sent)),
            None => String::new(),
        }
    }
}

/// The rows in export order (see the module docs), each invitation once.
fn rows<'a>(invitations: &'a [Invitation], journal: &Journal, now: NaiveDateTime) -> Vec<Row<'a>> {
    // One row an id, in the export's order; of a person's two invitations
    // (exports joined), the later one, whose note and group the step was
    // taken on, or on both. When a step is on the earlier one only (the
    // later came since), the person is undecided again, as on the screen:
    // not listed with the earlier one's step.
    let mut newest: HashMap<InvitationId, NaiveDateTime> = HashMap::new();
    for inv in invitations {
        let at = newest.entry(inv.id).or_insert(inv.sent_at);
        *at = (*at).max(inv.sent_at);
    }
    let mut listed: std::collections::HashSet<InvitationId> = Default::default();
    let replaced = journal.replaced();
    let newest_here = newest_sent(invitations, now);
    let mut rows: Vec<Row<'a>> = Vec::new();
    for inv in invitations {
        if newest.get(&inv.id) != Some(&inv.sent_at) || !listed.insert(inv.id) {
            continue;
        }
        // Superseded (they invited again, and that invitation was handled
        // in a newer export): nothing to do on this one, which the list
        // counts apart.
        if journal.later(inv).is_some() {
            continue;
        }
        let sent = crate::journal::sent_by(inv, now);
        // A decision on this invitation undone an hour or more after it
        // was made: a list may have asked for it in between.
        let undone = journal
            .undone_decision(inv.id)
            .filter(|u| !u.decided.predates(sent));
        let entry = match (journal.state_for(inv, now), undone) {
            (Some(entry), _) => entry,
            (None, Some(_)) => Entry::default(),
            (None, None) => continue,
        };
        // Only a decision on this invitation, replaced by one on it an
        // hour or more later: time for a list to ask for it, and the
        // user to act, not a slip put right.
        // A reply is no such decision: accepting or ignoring once they
        // answer is the way of it.
        let replaced_by = replaced
            .get(&inv.id)
            .filter(|b| {
                b.decision != Decision::Replied
                    && entry
                        .decided
                        .is_some_and(|d| crate::journal::an_hour_on((b.at, b.tz), (d.at, d.tz)))
                    && !b.predates(sent)
            })
            .copied();
        let undone_at = match replaced_by {
            Some(_) => None,
            None => undone.map(|u| u.undone_at),
        };
        let was = replaced_by.or(undone.map(|u| u.decided));
        let was_not_done = was.is_some_and(|w| made_since(w.at, newest_here));
        // Undone, and a newer export shows it was not done: nothing to
        // check, and nothing else to list.
        if entry.is_blank() && (undone_at.is_none() || was_not_done) {
            continue;
        }
        let not_done_yet = entry
            .decided
            .is_some_and(|d| not_done_yet(d.decision, d.at, newest_here));
        rows.push(Row {
            inv,
            entry,
            was,
            was_not_done,
            not_done_yet,
            undone_at,
        });
    }
    // Stable: ties keep the export's order.
    rows.sort_by(|a, b| {
        a.group()
            .cmp(&b.group())
            .then_with(|| b.when().cmp(&a.when()))
    });
    rows
}

/// When the newest invitation of an export was sent, which it was made
/// after: a date to come (a damaged row, a clock ahead) is left out.
pub fn newest_sent(invitations: &[Invitation], now: NaiveDateTime) -> Option<NaiveDateTime> {
    let soon = now
        .checked_add_signed(chrono::Duration::days(1))
        .unwrap_or(NaiveDateTime::MAX);
    invitations
        .iter()
        .map(|i| i.sent_at)
        .filter(|&t| t <= soon)
        .max()
}

/// The note the triage screen opens with when accepts or withdrawals
/// decided on an earlier export are still pending in this one, made since
/// ([`not_done_yet`]): `None` when there are none.
pub fn not_done_note(
    invitations: &[Invitation],
    journal: &Journal,
    now: NaiveDateTime,
) -> Option<String> {
    let newest = newest_sent(invitations, now);
    let mut names: Vec<&str> = Vec::new();
    let (mut accepts, mut withdrawals) = (0, 0);
    for inv in invitations {
        if journal.later(inv).is_some() {
            continue;
        }
        let Some(d) = journal.decided(inv, now) else {
            continue;
        };
        if !not_done_yet(d.decision, d.at, newest) {
            continue;
        }
        match d.decision {
            Decision::Withdrawn => withdrawals += 1,
            _ => accepts += 1,
        }
        names.push(inv.counterpart());
    }
    let what = match (accepts, withdrawals) {
        (0, 0) => return None,
        (1, 0) => "an invitation you accepted".to_string(),
        (0, 1) => "an invitation you marked to withdraw".to_string(),
        (a, 0) => format!("{a} invitations you accepted"),
        (0, w) => format!("{w} invitations you marked to withdraw"),
        (a, w) => format!(
            "{a} invitation{} you accepted and {w} you marked to withdraw",
            crate::text::plural(a)
        ),
    };
    let (is, it) = if accepts + withdrawals == 1 {
        ("is", "it")
    } else {
        ("are", "them")
    };
    Some(format!(
        "{what} more than a day before this export was made {is} still pending in it ({}): not done on LinkedIn yet, so do {it} there (the checklist lists {it} whatever `--since` says)",
        crate::text::some_names(&names)
    ))
}

/// Whether an export whose newest invitation was sent at `newest_here`
/// was made more than a day after `at`: it holds an invitation sent since.
/// A day apart: the decision keeps the user's clock, the export
/// LinkedIn's, maybe in another zone.
pub fn made_since(at: NaiveDateTime, newest_here: Option<NaiveDateTime>) -> bool {
    // At the end of chrono's time nothing is later.
    let Some(day_on) = at.checked_add_signed(chrono::Duration::days(1)) else {
        return false;
    };
    newest_here.is_some_and(|n| n > day_on)
}

/// Whether `decision`, made at `at` on an invitation this export still
/// lists pending, was not done on LinkedIn: an accept or a withdrawal
/// takes the invitation out of every export made after it is done, so one
/// made since that still lists it says it was not done (yet). A reply
/// leaves it pending, and an ignore is optional.
pub fn not_done_yet(
    decision: Decision,
    at: NaiveDateTime,
    newest_here: Option<NaiveDateTime>,
) -> bool {
    matches!(decision, Decision::Accepted | Decision::Withdrawn) && made_since(at, newest_here)
}

/// What an action list listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listed {
    /// Invitations of the export, each decided or with a draft.
    pub invitations: usize,
    /// Thank-yous to send for invitations accepted and gone from the
    /// export, listed after them.
    pub thanks: usize,
    /// Items left out as older than `--since`.
    pub earlier: usize,
    /// Of `invitations`, those older than `--since`, kept as not done on
    /// LinkedIn yet ([`not_done_yet`]).
    pub kept_not_done: usize,
    /// Replies and thank-yous marked sent on LinkedIn (from `--since` on),
    /// with nothing else to do: not listed.
    pub marked_sent: usize,
    /// Of those, the thank-yous of invitations gone from the export
    /// ([`thanks_marked_sent`]).
    pub marked_sent_gone: usize,
    /// Of `invitations`, those listed for a decision undone since an
    /// earlier list, and undecided now.
    pub undone: usize,
}

/// How many thank-yous for invitations accepted and gone from this export
/// were marked sent (from `since` on, when given): the lists leave them
/// out.
pub fn thanks_marked_sent(
    invitations: &[Invitation],
    journal: &Journal,
    since: Option<NaiveDateTime>,
) -> usize {
    sent_thanks(invitations, journal)
        .filter(|&t| since.is_none_or(|from| t >= from))
        .count()
}

/// Writes the action list in `format`; returns what it listed.
pub fn write_actions(
    w: impl Write,
    format: ExportFormat,
    invitations: &[Invitation],
    journal: &Journal,
    now: NaiveDateTime,
) -> io::Result<Listed> {
    write_actions_since(w, format, invitations, journal, now, None)
}

/// `--since`'s moment as the checklist says it: the day alone when it is
/// midnight (`2026-12-02`), else with the clock (`2026-12-02 15:30`), and
/// its seconds when it has some (`15:30:40`).
pub fn since_shown(since: NaiveDateTime) -> String {
    use chrono::Timelike;
    let form = match (since.time() == chrono::NaiveTime::MIN, since.second()) {
        (true, _) => "%Y-%m-%d",
        (false, 0) => "%Y-%m-%d %H:%M",
        (false, _) => "%Y-%m-%d %H:%M:%S",
    };
    since.format(form).to_string()
}

/// [`write_actions`], with only what was decided or drafted at `since` or
/// later when given: a checklist a week on (or an hour on) leaves out what
/// the one before listed (the journal cannot know what was done on
/// LinkedIn).
pub fn write_actions_since(
    w: impl Write,
    format: ExportFormat,
    invitations: &[Invitation],
    journal: &Journal,
    now: NaiveDateTime,
    since: Option<NaiveDateTime>,
) -> io::Result<Listed> {
    write_actions_with(
        w,
        format,
        invitations,
        journal,
        now,
        since,
        Absence::Answered,
    )
}

/// [`write_actions_since`], with what an invitation missing from
/// `invitations` tells: on an export without the URL columns
/// ([`Absence::Unmatched`]) the thank-yous whose invitation is not matched
/// are listed all the same, but not as accepted and gone: that export
/// cannot tell whether they are still pending. What is listed, and the
/// counts, are the same whatever `absence` is.
pub fn write_actions_with(
    w: impl Write,
    format: ExportFormat,
    invitations: &[Invitation],
    journal: &Journal,
    now: NaiveDateTime,
    since: Option<NaiveDateTime>,
    absence: Absence,
) -> io::Result<Listed> {
    let unmatched = absence == Absence::Unmatched;
    let recent = |t: NaiveDateTime| since.is_none_or(|from| t >= from);
    let mut rows = rows(invitations, journal, now);
    // Sent, as the user marked them: done, so not listed, but counted.
    let marked_sent_gone = thanks_marked_sent(invitations, journal, since);
    let marked_sent = rows
        .iter()
        .filter(|r| r.all_sent() && r.draft_sent_at().is_some_and(recent))
        .count()
        + marked_sent_gone;
    rows.retain(|r| !r.all_sent());
    let mut earlier = rows.len();
    // A step not done on LinkedIn stays, however old: an earlier list
    // asked for it, and this one is where it is missed.
    rows.retain(|r| r.not_done_yet || r.last_step().is_some_and(recent));
    earlier -= rows.len();
    let kept_not_done = rows
        .iter()
        .filter(|r| !r.last_step().is_some_and(recent))
        .count();
    let (left, thanks_earlier) = thanks_since(invitations, journal, since);
    earlier += thanks_earlier;
    match format {
        ExportFormat::Csv => write_csv(w, &rows, &left, now, unmatched)?,
        ExportFormat::Json => write_json(w, &rows, &left, now, unmatched)?,
        ExportFormat::Md => {
            let pending = Pending {
                marked_sent,
                ..Pending::of(invitations, journal, now)
            };
            let since = since.map(|day| (day, earlier));
            write_md(w, &rows, &left, now, since, pending, unmatched)?
        }
    }
    let undone = rows
        .iter()
        .filter(|r| r.undone_at.is_some() && r.entry.decision().is_none())
        .count();
    Ok(Listed {
        invitations: rows.len(),
        thanks: left.len(),
        earlier,
        kept_not_done,
        marked_sent,
        marked_sent_gone,
        undone,
    })
}

/// When each thank-you for an invitation accepted and gone from this
/// export was marked sent on LinkedIn: not listed any more.
fn sent_thanks<'a>(
    invitations: &[Invitation],
    journal: &'a Journal,
) -> impl Iterator<Item = NaiveDateTime> + 'a {
    let here: HashSet<InvitationId> = invitations.iter().map(|i| i.id).collect();
    journal
        .iter()
        .filter(move |(id, _)| !here.contains(id))
        .filter_map(|(_, e)| match e.draft_marked_sent(e.decision()) {
            Some((DraftKind::ThankYou, d)) => d.marked_sent,
            _ => None,
        })
}

/// The received invitations of the export with no decision: the
/// checklist says how many, or a newer export's new ones would go
/// unnoticed.
#[derive(Debug, Clone, Copy, Default)]
struct Pending {
    /// Left to decide here.
    undecided: usize,
    /// Superseded ([`Journal::later`]: invited again since, and handled in
    /// a newer export): nothing is left to decide on them here, but an
    /// export that says nothing of them reads as if they were not there.
    superseded: usize,
    /// Not pending, but counted under the heading beside them: replies
    /// and thank-yous marked sent on LinkedIn, left out of the list.
    marked_sent: usize,
}

impl Pending {
    fn of(invitations: &[Invitation], journal: &Journal, now: NaiveDateTime) -> Pending {
        let mut pending = Pending::default();
        for inv in invitations {
            if inv.direction != Direction::Incoming || journal.decided(inv, now).is_some() {
                continue;
            }
            match journal.later(inv) {
                Some(_) => pending.superseded += 1,
                None => pending.undecided += 1,
            }
        }
        pending
    }
}

/// A thank-you still to send for an invitation accepted and gone from the
/// export: whom it answers is known only from the draft.
struct Gone<'a> {
    id: InvitationId,
    entry: &'a Entry,
    draft: &'a Draft,
}

/// How many thank-yous [`write_actions_since`] lists with `since`: a note
/// written before the list counts what it will hold, not what `--since`
/// leaves out.
pub fn thanks_listed(
    invitations: &[Invitation],
    journal: &Journal,
    since: Option<NaiveDateTime>,
) -> usize {
    thanks_since(invitations, journal, since).0.len()
}

/// [`thanks_left`], with only those decided or drafted at `since` or later
/// when given, and how many it left out.
fn thanks_since<'a>(
    invitations: &[Invitation],
    journal: &'a Journal,
    since: Option<NaiveDateTime>,
) -> (Vec<Gone<'a>>, usize) {
    let mut left = thanks_left(invitations, journal);
    let all = left.len();
    // As for a row: its newest step, the accept redone since included.
    left.retain(|g| {
        let newest = g
            .entry
            .decided_at()
            .map_or(g.draft.at, |t| t.max(g.draft.at));
        since.is_none_or(|from| newest >= from)
    });
    let earlier = all - left.len();
    (left, earlier)
}

/// Thank-you drafts still to send for invitations accepted and gone from
/// this export (accepted on LinkedIn, which is when a thank-you is sent),
/// newest first: every format keeps them in sight.
fn thanks_left<'a>(invitations: &[Invitation], journal: &'a Journal) -> Vec<Gone<'a>> {
    let here: HashSet<InvitationId> = invitations.iter().map(|i| i.id).collect();
    let mut left: Vec<Gone<'a>> = journal
        .iter()
        .filter(|(id, _)| !here.contains(id))
        .filter_map(|(id, entry)| {
            let draft = entry.thank_you_elsewhere()?;
            Some(Gone { id, entry, draft })
        })
        .collect();
    left.sort_by(|a, b| {
        b.draft
            .at
            .cmp(&a.draft.at)
            .then(a.draft.name.cmp(&b.draft.name))
    });
    left
}

/// Makes a CSV cell safe to open in a spreadsheet: a cell starting with `=`,
/// `+`, `-`, `@`, tab or carriage return gets a leading `'`, so it is shown as
/// text instead of run as a formula (OWASP, "CSV Injection"). One starting
/// with `'` gets one too, which a spreadsheet hides as it hides the others'
/// (`'=1` as written reads `'=1`, not `=1`); a script takes one `'` off
/// any cell that starts with it.
fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

fn write_csv(
    w: impl Write,
    rows: &[Row<'_>],
    gone: &[Gone<'_>],
    now: NaiveDateTime,
    unmatched: bool,
) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(CSV_HEADER).map_err(csv_io)?;
    for a in actions(rows, gone, now, unmatched) {
        let decided_at = a
            .decided_at
            .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_default();
        let id = a.id.to_string();
        let changed_at = a
            .changed_from_at
            .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_default();
        let undone_at = a
            .undone_at
            .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_default();
        let sent_at = a
            .draft_sent_at
            .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_default();
        let cells = [
            a.name.unwrap_or_default(),
            a.profile_url.unwrap_or_default(),
            a.category.unwrap_or_default(),
            a.direction,
            a.decision.map_or("", Decision::label),
            &decided_at,
            a.reply_draft.unwrap_or_default(),
            a.thank_you_draft.unwrap_or_default(),
            &id,
            a.draft_to_send.unwrap_or_default(),
            match a.in_export {
                Some(true) => "true",
                Some(false) => "false",
                None => "",
            },
            a.changed_from.map_or("", Decision::label),
            &changed_at,
            if a.not_done_yet { "true" } else { "false" },
            &undone_at,
            &sent_at,
        ];
        out.write_record(cells.map(spreadsheet_safe).iter().map(|c| c.as_bytes()))
            .map_err(csv_io)?;
    }
    out.flush()
}

/// The Markdown checklist's sections, in the order of [`Row::group`]: a
/// heading and where on LinkedIn it is done.
const MD_SECTIONS: [(&str, &str); 6] = [
    (
        "Accept",
        "In the invitation manager (above), or on their profile.",
    ),
    (
        "Reply without accepting",
        "In the invitation manager (above), Reply on their invitation (or Message on their profile) and paste the draft; accept or ignore once they answer. A reply leaves the invitation pending, so a later export lists it again: check whether a dated one was sent on that day.",
    ),
    (
        "Withdraw: invitations you sent",
        "Under Sent in the invitation manager, <https://www.linkedin.com/mynetwork/invitation-manager/sent/>, or on their profile: Pending, then Withdraw.",
    ),
    (
        "Ignore",
        "Optional: an unanswered invitation goes stale on its own.",
    ),
    (
        "Drafts without a decision",
        "The accept or reply they went with was undone.",
    ),
    (
        "Undone since an earlier list",
        "Undecided again: an earlier list may have asked for the step undone, so check on LinkedIn whether it was done.",
    ),
];

/// A name as Markdown text: the characters that would start emphasis, a
/// link or HTML are escaped.
fn md_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::text::one_line(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A URL as the inside of a Markdown autolink (`<…>`), which ends at the
/// first `>` and holds no space or `<`: those are percent-encoded, so that
/// a URL from a doctored export cannot end the link early and start one of
/// its own.
fn md_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c == '<' || c == '>' || c.is_whitespace() || c.is_control() {
            for b in c.encode_utf8(&mut [0; 4]).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A draft as a Markdown quote inside a list item, ready to copy: no
/// trailing white space (two spaces would be a hard line break).
fn md_quote(w: &mut impl Write, text: &str) -> io::Result<()> {
    for line in text.trim_end().lines() {
        match line.trim_end() {
            "" => writeln!(w, "  >")?,
            line => writeln!(w, "  > {line}")?,
        }
    }
    Ok(())
}

/// The action list as a Markdown checklist (see [`MD_SECTIONS`]), each
/// draft quoted under its invitation, ready to copy. `unmatched`: the
/// export has no URL columns, so the thank-yous of `thanks` are not known
/// to be gone, only not matched ([`Absence::Unmatched`]).
fn write_md(
    mut w: impl Write,
    rows: &[Row<'_>],
    thanks: &[Gone<'_>],
    now: NaiveDateTime,
    since: Option<(NaiveDateTime, usize)>,
    pending: Pending,
    unmatched: bool,
) -> io::Result<()> {
    let Pending {
        undecided,
        superseded,
        marked_sent,
    } = pending;
    // Ignoring on LinkedIn is optional (see its section): counted apart,
    // two thousand ignores do not read as two thousand things to do.
    let ignore = MD_SECTIONS
        .iter()
        .position(|(title, _)| *title == "Ignore")
        .and_then(|i| u8::try_from(i).ok());
    // Not an ignore that replaced an accept an earlier list may have had
    // done: the connection is then to remove.
    let optional = rows
        .iter()
        .filter(|r| Some(r.group()) == ignore && !r.unaccept())
        .count();
    // An ignore undone: nothing to take back there, so no step to count
    // (its section lists it), and no ignore either.
    let undone_ignore = |r: &Row<'_>| {
        r.undone_at.is_some()
            && r.entry.decision().is_none()
            && r.was.is_some_and(|w| w.decision == Decision::Ignored)
    };
    let undone_ignores = rows.iter().filter(|r| undone_ignore(r)).count();
    // A row left without a decision whose only draft is a thank-you (its
    // accept undone) has nothing to send, as `drafts` and the CSV say: it
    // is listed, not counted, and has no box to tick.
    let nothing_to_send = |r: &Row<'_>| {
        r.entry.decision().is_none()
            && r.undone_at.is_none()
            && r.entry.draft_unsent(None).is_none()
    };
    let todo =
        rows.len() - optional - undone_ignores - rows.iter().filter(|r| nothing_to_send(r)).count()
            + thanks.len();
    let count = match optional {
        0 => todo.to_string(),
        n => format!("{todo}, and {n} optional ignore{}", crate::text::plural(n)),
    };
    // Each line under the heading, and each section, opens with its blank
    // line: whichever are left out, one blank line parts the others.
    writeln!(w, "# To do on LinkedIn ({count})")?;
    if let Some((from, earlier)) = since {
        let day = since_shown(from);
        let left_out = match earlier {
            0 => "nothing earlier is left out".to_string(),
            1 => "1 earlier item is left out (without `--since` it is listed)".to_string(),
            n => format!("{n} earlier items are left out (without `--since` they are listed)"),
        };
        writeln!(w, "\nDecided or drafted from {day} on; {left_out}.")?;
    }
    // An earlier list asked for these, and they were not done: said
    // before the sections, as a step missed is what this list is for.
    let not_done = |d: Decision| {
        rows.iter()
            .filter(|r| r.not_done_yet && r.entry.decision() == Some(d))
            .count()
    };
    let (accepts, withdrawals) = (not_done(Decision::Accepted), not_done(Decision::Withdrawn));
    if accepts + withdrawals > 0 {
        let counted = |n: usize, what: &str| match n {
            0 => None,
            1 => Some(format!("1 {what}")),
            n => Some(format!("{n} {what}s")),
        };
        let n = [
            counted(accepts, "accept"),
            counted(withdrawals, "withdrawal"),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" and ");
        let (it, is) = if accepts + withdrawals == 1 {
            ("it", "it is")
        } else {
            ("them", "they are")
        };
        writeln!(
            w,
            "\nNot done yet: {n} decided more than a day before this export was made, which still lists {it} pending: {is} marked `not done on LinkedIn yet` below{}.",
            if since.is_some() {
                ", whatever `--since` says"
            } else {
                ""
            }
        )?;
    }
    if marked_sent > 0 {
        let (n, are) = match marked_sent {
            1 => ("1 reply or thank-you".to_string(), "is"),
            n => (format!("{n} replies and thank-yous"), "are"),
        };
        writeln!(
            w,
            "\nMarked sent: {n} you marked sent on LinkedIn {are} not listed{}.",
            if since.is_some() {
                " (those marked from then on)"
            } else {
                ""
            }
        )?;
    }
    // Something decided, listed or marked sent: the undecided are counted.
    let decided_any = !(rows.is_empty() && thanks.is_empty()) || marked_sent > 0;
    if undecided > 0 && (decided_any || since.is_some()) {
        writeln!(
            w,
            "\nNot decided yet: {undecided} received invitation{} in this export; open it in invitriage to decide {}.",
            crate::text::plural(undecided),
            if undecided == 1 { "it" } else { "them" }
        )?;
    }
    if superseded > 0 {
        let (n, they) = match superseded {
            1 => ("1 received invitation".to_string(), "its sender"),
            n => (format!("{n} received invitations"), "their senders"),
        };
        writeln!(
            w,
            "\nSuperseded: {n} in this export, as {they} invited you again since, and that invitation was handled in a newer export; export that one to act on it."
        )?;
    }
    if rows.is_empty() && thanks.is_empty() {
        if (superseded > 0 && undecided == 0) || marked_sent > 0 {
            // Said above: nothing else to do.
        } else if since.is_none() && undecided == 0 {
            // Nothing decided and nothing to decide.
            writeln!(
                w,
                "\nNothing to do: this export holds no received invitation, and none you sent is marked to withdraw."
            )?;
        } else if since.is_none() {
            writeln!(
                w,
                "\nNothing decided for this export yet: open it in invitriage to decide, then export again."
            )?;
        }
        return w.flush();
    }
    // The received ones' page, which the Accept and Reply sections refer
    // to: a list of withdrawals alone has its own.
    if rows.iter().any(|r| r.inv.direction == Direction::Incoming) || !thanks.is_empty() {
        writeln!(w, "\nPending invitations: <{INVITATION_MANAGER_URL}>")?;
    }
    for (group, (title, how)) in MD_SECTIONS.iter().enumerate() {
        let here: Vec<&Row<'_>> = rows
            .iter()
            .filter(|r| usize::from(r.group()) == group)
            .collect();
        if here.is_empty() {
            continue;
        }
        // Not all optional when one replaced an accept that may be done.
        let how = if here.iter().any(|r| r.unaccept()) {
            "Optional, but for those that replaced an accept (marked below): if that accept was done on LinkedIn, the connection is to remove. An unanswered invitation goes stale on its own."
        } else {
            how
        };
        // Undone ignores have no step to count (see `undone_ignores`):
        // said, or the section's count reads against the heading's.
        let ignores = match here.iter().filter(|r| undone_ignore(r)).count() {
            0 => String::new(),
            1 if here.len() == 1 => ", an ignore, not counted above".to_string(),
            n if n == here.len() => ", all ignores, not counted above".to_string(),
            n => format!(
                ", of them {n} ignore{}, not counted above",
                crate::text::plural(n)
            ),
        };
        writeln!(w, "\n## {title} ({}{ignores})\n\n{how}\n", here.len())?;
        // Whether the item before ended in a quoted draft: a blank line
        // then keeps the next item from reading as its last line.
        let mut quoted = false;
        for r in here {
            if quoted {
                writeln!(w)?;
            }
            // Without a name either, "search LinkedIn for the name" has
            // nothing to search for: its date tells the row apart.
            let link = if r.inv.counterpart().trim().is_empty() {
                md_link_or(
                    r.inv.counterpart_url(),
                    &format!(
                        "no name or profile URL in this export: look for the one sent {}",
                        r.inv.sent_at.format("%Y-%m-%d %H:%M")
                    ),
                )
            } else {
                md_link(r.inv.counterpart_url())
            };
            let done = if r.entry.decision().is_some() {
                "decided"
            } else {
                "drafted"
            };
            // Listed for a draft saved since, its decision older: an
            // earlier checklist had it, and it may be done on LinkedIn.
            let before_since = match (since, r.entry.decided_at()) {
                (Some((from, _)), Some(decided)) if decided < from => Some(decided),
                _ => None,
            };
            // Listed for an undo since that brought its decision back.
            let why_since = if r.undone_at.is_some() {
                "listed for the undo since that brought it back"
            } else {
                "listed for its newer draft"
            };
            let when = match (r.not_done_yet, r.entry.decided, before_since) {
                // Undone: what it was, when, and what doing it left.
                _ if r.undone_at.is_some() && r.entry.decision().is_none() => {
                    r.was.zip(r.undone_at).map_or(String::new(), |(w, undone)| {
                        format!(
                            " · {} {}, undone {} ({})",
                            match w.decision {
                                Decision::Withdrawn => "marked to withdraw",
                                d => d.label(),
                            },
                            w.at.format("%Y-%m-%d"),
                            undone.format("%Y-%m-%d"),
                            match w.decision {
                                Decision::Accepted => "accepted on LinkedIn already? then remove the connection on their profile: More, Remove connection",
                                Decision::Withdrawn => "withdrawn on LinkedIn already? then invite them again to take it back",
                                Decision::Replied => "sent on LinkedIn already? a message cannot be taken back there",
                                Decision::Ignored => "ignored on LinkedIn already? that cannot be taken back there, but they can invite you again",
                            }
                        )
                    })
                }
                (true, Some(d), _) => format!(
                    " · {} {}, and this export, made since, still has it pending: not done on LinkedIn yet",
                    match d.decision {
                        Decision::Withdrawn => "marked to withdraw",
                        d => d.label(),
                    },
                    d.at.format("%Y-%m-%d")
                ),
                (_, _, Some(decided)) => format!(
                    " · {} {}, before `--since`: {why_since}",
                    r.entry.decision().map_or("decided", |d| d.label()),
                    decided.format("%Y-%m-%d %H:%M")
                ),
                _ => md_earlier_day(r.first_taken(now), now, done),
            } + &r.edited_later(now)
                + &r.was.filter(|_| r.entry.decision().is_some()).map_or(String::new(), |w| {
                    format!(
                        " · changed from {} of {} ({})",
                        w.decision.label(),
                        w.at.format("%Y-%m-%d"),
                        if r.was_not_done {
                            "not done on LinkedIn: this export, made since, has it pending"
                        } else if r.unaccept() {
                            "accepted on LinkedIn already? then remove the connection on their profile: More, Remove connection"
                        } else {
                            "done on LinkedIn already? check there first"
                        }
                    )
                })
                // Decided on one sent hours before: this may be a second,
                // with a note the decision was made without.
                + &r.entry
                    .decided
                    .and_then(|d| d.sent_earlier(r.inv.sent_at))
                    .map_or(String::new(), |then| {
                        format!(
                            " · decided on an invitation sent {}, this one {} (sent again? read its note first)",
                            then.format("%Y-%m-%d %H:%M"),
                            r.inv.sent_at.format("%Y-%m-%d %H:%M")
                        )
                    })
                // The message is sent: the step left is the decision.
                + &r.entry
                    .draft_marked_sent(r.entry.decision())
                    .and_then(|(kind, d)| Some((kind, d.marked_sent?)))
                    .map_or(String::new(), |(kind, at)| {
                        format!(" · {} marked sent {}", kind.label(), at.format("%Y-%m-%d"))
                    });
            writeln!(
                w,
                "- {}**{}** · {}{when}{link}",
                if nothing_to_send(r) { "" } else { "[ ] " },
                md_text(&crate::text::name_line(r.inv.counterpart())),
                r.inv.category.label()
            )?;
            // A decision's one message to send: not a reply drafted before
            // an accept, nor any draft of an ignore. Without a decision, the
            // drafts are all there is. (The CSV and JSON keep every draft.)
            let e = &r.entry;
            let drafts: Vec<(DraftKind, &crate::journal::Draft)> = match e.decision() {
                Some(d) => e.draft_unsent(Some(d)).into_iter().collect(),
                None => [DraftKind::Reply, DraftKind::ThankYou]
                    .into_iter()
                    .filter_map(|k| Some((k, e.draft(k)?)))
                    .filter(|(_, d)| d.marked_sent.is_none())
                    .collect(),
            };
            quoted = !drafts.is_empty();
            for (kind, d) in drafts {
                let label = match kind {
                    DraftKind::Reply => "reply",
                    DraftKind::ThankYou if e.decision().is_none() => {
                        "thank-you, not to send: its accept was undone (accept again to send it)"
                    }
                    DraftKind::ThankYou => {
                        "thank-you, to send after accepting (Message on their profile)"
                    }
                };
                writeln!(w, "\n  {label}:\n")?;
                md_quote(&mut w, &d.text)?;
            }
        }
    }
    if !thanks.is_empty() {
        // Without the URL columns an accept made where they were finds no
        // row here: the invitation may still be pending (and counted as
        // not decided yet above), which only LinkedIn can tell.
        let (title, how) = if unmatched {
            (
                "Thank-yous to send: accepted, not matched in this export",
                "This export has no profile URLs, so invitriage cannot match these accepts to its invitations, nor tell whether they are still pending (one still pending shows as not decided yet here): accept any still pending in the invitation manager (above), then on their profile, Message, and paste the draft (check whether a dated one was sent on that day). Once sent, `invitriage mark-sent ID` (its id is at the end of its line) leaves it out of later lists.",
            )
        } else {
            (
                "Thank-yous to send: accepted, no longer pending",
                "On their profile, Message, and paste the draft (check whether a dated one was sent on that day). Once sent, `invitriage mark-sent ID` (its id is at the end of its line) leaves it out of later lists.",
            )
        };
        writeln!(w, "\n## {title} ({})\n\n{how}\n", thanks.len())?;
        for (n, (id, d)) in thanks.iter().map(|g| (g.id, g.draft)).enumerate() {
            if n > 0 {
                writeln!(w)?;
            }
            let name = if d.name.trim().is_empty() {
                "(name not recorded)".to_string()
            } else {
                md_text(&crate::text::name_line(&d.name))
            };
            let first = d.first_version();
            let when = md_earlier_day(Some(first), now, "drafted")
                + &md_edited_later(DraftKind::ThankYou, d, first);
            // Gone from the export: a missing URL was never recorded.
            writeln!(
                w,
                "- [ ] **{name}**{when}{} · id `{id}`\n",
                md_link_or(&d.url, "no profile URL recorded")
            )?;
            md_quote(&mut w, &d.text)?;
        }
    }
    w.flush()
}

/// ` · reply edited 2026-12-04` when draft `d`, first saved at `first`,
/// was changed on a later day: dated by its first version, it would read
/// as sent already, edit and all. A date, never "today": a checklist is
/// kept and read on later days, as are the decision dates beside it.
fn md_edited_later(kind: DraftKind, d: &Draft, first: NaiveDateTime) -> String {
    if d.at.date() <= first.date() {
        return String::new();
    }
    format!(" · {} edited {}", kind.label(), d.at.format("%Y-%m-%d"))
}

/// ` · decided 2026-11-20` for a step taken on a day before `now`'s, else
/// nothing: a checklist made weeks later lists again a reply still pending
/// on LinkedIn and a thank-you drafted then, which may be sent already.
fn md_earlier_day(when: Option<NaiveDateTime>, now: NaiveDateTime, what: &str) -> String {
    match when {
        Some(t) if t.date() < now.date() => format!(" · {what} {}", t.format("%Y-%m-%d")),
        _ => String::new(),
    }
}

/// A profile URL for JSON: `null` where there is none (an export without
/// the URL columns), as every absent value is.
fn url_or_none(url: &str) -> Option<&str> {
    Some(url).filter(|u| !u.trim().is_empty())
}

/// ` · <url>` for a person's profile: only a LinkedIn address is made a
/// link (a doctored export's `javascript:` or other site's one is shown as
/// code, not followed),
/// and an older export's missing URL says how to find them instead.
fn md_link(url: &str) -> String {
    md_link_or(
        url,
        "no profile URL in this export: search LinkedIn for the name",
    )
}

/// [`md_link`], saying `missing` where there is no URL.
fn md_link_or(url: &str, missing: &str) -> String {
    let url = url.trim();
    if url.is_empty() {
        format!(" · {missing}")
    } else if crate::invitation::is_linkedin_address(url) {
        format!(" · <{}>", md_url(url))
    } else {
        // Not a link: a doctored export's address (another site's, a
        // `javascript:` one) is shown, not followed, as the triage screen
        // will not open it either. On one line: a line break would end
        // the code span and the list item, and let a doctored URL write
        // Markdown of its own.
        // Its control characters written out (`\u{1b}`), not dropped:
        // dropped, a doctored one read as the LinkedIn address it hid in.
        let shown = crate::text::shown_url(url).replace('`', "'");
        format!(" · `{shown}` (not a LinkedIn address: search LinkedIn for the name)")
    }
}

#[derive(Serialize)]
struct ActionsJson<'a> {
    invitation_manager_url: &'static str,
    count: usize,
    actions: Vec<Action<'a>>,
}

/// One action as the CSV and JSON give it (see the module docs).
#[derive(Serialize)]
struct Action<'a> {
    /// `null` for a thank-you saved before invitriage recorded whom it
    /// answers, whose invitation has left the export.
    name: Option<&'a str>,
    /// `null` for an export without the URL columns.
    profile_url: Option<&'a str>,
    /// `null` for an invitation no longer in the export.
    category: Option<&'static str>,
    direction: &'static str,
    decision: Option<Decision>,
    decided_at: Option<NaiveDateTime>,
    reply_draft: Option<&'a str>,
    thank_you_draft: Option<&'a str>,
    id: InvitationId,
    draft_to_send: Option<&'static str>,
    /// `null` for a thank-you on an export without the URL columns, which
    /// cannot tell whether its invitation is in it.
    in_export: Option<bool>,
    /// A different decision this one replaced, and when it was made: an
    /// earlier list may have asked for it (`null` when none).
    changed_from: Option<Decision>,
    changed_from_at: Option<NaiveDateTime>,
    /// Accepted or marked to withdraw more than a day before the export
    /// was made, which still lists it pending: not done on LinkedIn yet.
    not_done_yet: bool,
    /// When `changed_from` was undone (an hour or more after it was made),
    /// rather than replaced by a decision: `null` otherwise.
    undone_at: Option<NaiveDateTime>,
    /// When the draft the decision sends was marked sent on LinkedIn
    /// (`draft_to_send` is then `null`): `null` otherwise.
    draft_sent_at: Option<NaiveDateTime>,
}

/// The rows of the export, then the thank-yous for invitations gone from
/// it, as actions (`now`: when the export is read, for
/// [`Row::decided_at`]; `unmatched`: the export has no URL columns, so
/// whether those thank-yous' invitations are in it is not known).
fn actions<'a>(
    rows: &'a [Row<'_>],
    gone: &'a [Gone<'_>],
    now: NaiveDateTime,
    unmatched: bool,
) -> Vec<Action<'a>> {
    let draft = |d: &'a Option<Box<Draft>>| d.as_deref().map(|d| d.text.as_str());
    let here = rows.iter().map(|r| Action {
        name: Some(r.inv.counterpart()),
        profile_url: url_or_none(r.inv.counterpart_url()),
        category: Some(r.inv.category.label()),
        direction: r.inv.direction.label(),
        decision: r.entry.decision(),
        decided_at: r.decided_at(now),
        reply_draft: draft(&r.entry.reply),
        thank_you_draft: draft(&r.entry.thank_you),
        id: r.inv.id,
        draft_to_send: r
            .entry
            .draft_unsent(r.entry.decision())
            .map(|(k, _)| k.label()),
        in_export: Some(true),
        changed_from: r.was.map(|w| w.decision),
        changed_from_at: r.was.map(|w| w.at),
        not_done_yet: r.not_done_yet,
        undone_at: r.undone_at,
        draft_sent_at: r.draft_sent_at(),
    });
    let elsewhere = gone.iter().map(|g| Action {
        name: Some(g.draft.name.as_str()).filter(|n| !n.trim().is_empty()),
        profile_url: url_or_none(&g.draft.url),
        category: None,
        direction: Direction::Incoming.label(),
        decision: Some(Decision::Accepted),
        decided_at: g.entry.decided_at(),
        reply_draft: draft(&g.entry.reply),
        thank_you_draft: Some(&g.draft.text),
        id: g.id,
        draft_to_send: Some(DraftKind::ThankYou.label()),
        in_export: (!unmatched).then_some(false),
        changed_from: None,
        changed_from_at: None,
        not_done_yet: false,
        undone_at: None,
        draft_sent_at: None,
    });
    here.chain(elsewhere).collect()
}

fn write_json(
    mut w: impl Write,
    rows: &[Row<'_>],
    gone: &[Gone<'_>],
    now: NaiveDateTime,
    unmatched: bool,
) -> io::Result<()> {
    let actions = actions(rows, gone, now, unmatched);
    let out = ActionsJson {
        invitation_manager_url: INVITATION_MANAGER_URL,
        count: actions.len(),
        actions,
    };
    serde_json::to_writer_pretty(&mut w, &out)?;
    writeln!(w)?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::Category;
    use crate::invitation::Fields;
    use crate::journal::{DraftKind, Whom};

    /// The screen's start names the accepts an export made since still
    /// lists pending; not one made within the day, nor an ignore.
    #[test]
    fn the_note_names_accepts_not_done_yet() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let mut old = inv("Ann Early", "ann", Category::Default);
        old.sent_at = at(0) - chrono::Duration::days(5);
        let mut ignored = inv("Bo Li", "bo", Category::Default);
        ignored.sent_at = old.sent_at;
        let recent = inv("Cy Day", "cy", Category::Default);
        let day = chrono::Duration::days(1);
        j.record_decision(&[old.id], Some(Decision::Accepted), old.sent_at + day)
            .unwrap();
        j.record_decision(&[ignored.id], Some(Decision::Ignored), old.sent_at + day)
            .unwrap();
        j.record_decision(&[recent.id], Some(Decision::Accepted), at(1))
            .unwrap();
        let invs = [old.clone(), ignored, recent];
        assert_eq!(
            not_done_note(&invs, &j, at(59)).as_deref(),
            Some(
                "an invitation you accepted more than a day before this export was made is still pending in it (Ann Early): not done on LinkedIn yet, so do it there (the checklist lists it whatever `--since` says)"
            )
        );
        // With one marked to withdraw beside it: "1 invitation", not "1
        // invitations" (a tester's month of exports).
        let (mut j2, _) = Journal::open(&dir.path().join("two")).unwrap();
        j2.record_decision(&[invs[0].id], Some(Decision::Accepted), old.sent_at + day)
            .unwrap();
        j2.record_decision(&[invs[1].id], Some(Decision::Withdrawn), old.sent_at + day)
            .unwrap();
        assert!(
            not_done_note(&invs, &j2, at(59))
                .unwrap()
                .starts_with("1 invitation you accepted and 1 you marked to withdraw more than a day before this export was made are still pending"),
            "{:?}",
            not_done_note(&invs, &j2, at(59))
        );
        // Without the newer invitation, the export may be older than the
        // accept: nothing to say.
        assert_eq!(not_done_note(&invs[..2], &j, at(59)), None);
    }

    /// A thank-you is sent after the accept that takes the invitation out
    /// of the next export: its draft is still listed, by the name it was
    /// saved with.
    #[test]
    fn drafts_of_invitations_gone_from_the_export_are_listed() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let here = inv("Ann Early", "ann", Category::Customised);
        let gone = inv("Zoë Fontaine", "zoe", Category::Customised);
        j.record_decision(&[gone.id], Some(Decision::Accepted), at(1))
            .unwrap();
        j.record_draft_to(
            gone.id,
            DraftKind::ThankYou,
            "Thanks, Zoë!",
            at(2),
            Whom::new(gone.counterpart(), gone.counterpart_url()),
        )
        .unwrap();
        j.record_draft(here.id, DraftKind::Reply, "Hi Ann", at(3))
            .unwrap();
        let old = InvitationId(7);
        j.record_draft(old, DraftKind::Reply, "Hi there", at(4))
            .unwrap();
        let checklist_of = |j: &Journal, absence| {
            let mut out = Vec::new();
            let n = write_drafts(
                &mut out,
                DraftsFormat::Md,
                std::slice::from_ref(&here),
                j,
                at(59),
                absence,
            )
            .unwrap();
            (n, String::from_utf8(out).unwrap())
        };
        let checklist = |j: &Journal| checklist_of(j, Absence::Answered);
        let (n, md) = checklist(&j);
        assert_eq!(n, 3);
        assert!(
            md.contains("- [ ] **Zoë Fontaine** · thank-you · accepted, not in this export · drafted 2026-11-25 17:02 · <https://www.linkedin.com/in/zoe>\n"),
            "{md}"
        );
        let unnamed = md
            .lines()
            .find(|l| l.contains("(name not recorded)"))
            .unwrap_or_default();
        assert!(
            unnamed.starts_with(
                "- **(name not recorded)** · reply · replied, not in this export, not to send · "
            ) && unnamed.ends_with(" · no profile URL recorded"),
            "a draft saved before names were kept; a reply to an invitation answered on \
             LinkedIn since was sent or is moot: {md}"
        );
        // Where the absence says nothing (the sample, an export without
        // URLs), the reply is still one to send.
        let (_, unknown) = checklist_of(&j, Absence::Unknown);
        assert!(
            unknown
                .contains("- [ ] **(name not recorded)** · reply · replied, not in this export · "),
            "{unknown}"
        );
        assert!(
            md.contains("- [ ] **Ann Early** · reply · replied · "),
            "{md}"
        );
        let mut out = Vec::new();
        write_drafts(
            &mut out,
            DraftsFormat::Json,
            std::slice::from_ref(&here),
            &j,
            at(59),
            Absence::Answered,
        )
        .unwrap();
        let raw = String::from_utf8(out.clone()).unwrap();
        let pos = |key: &str| raw.find(&format!("\"{key}\"")).unwrap();
        assert!(
            pos("count") < pos("drafts")
                && pos("name") < pos("profile_url")
                && pos("profile_url") < pos("kind")
                && pos("status") < pos("drafted_at")
                && pos("text") < pos("id"),
            "fields in their own order, not sorted: {raw}"
        );
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["drafts"][0]["name"], "Zoë Fontaine");
        assert_eq!(v["drafts"][0]["status"], "accepted, not in this export");
        // Accepted, thanked, then ignored: the thank-you is no longer a
        // thing to do (`export` lists the ignore only).
        j.record_decision(&[gone.id], Some(Decision::Ignored), at(5))
            .unwrap();
        let (n, md) = checklist(&j);
        assert_eq!(n, 3);
        assert!(
            md.contains(
                "- **Zoë Fontaine** · thank-you · ignored, not in this export, not to send · "
            ),
            "{md}"
        );
    }

    /// The checklist gives the one message to send: an accept's thank-you,
    /// not the reply drafted before it. The CSV keeps both.
    #[test]
    fn the_checklist_quotes_the_draft_to_send() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let ann = inv("Ann Early", "ann", Category::Customised);
        j.record_draft(ann.id, DraftKind::Reply, "How can I help?", at(1))
            .unwrap();
        j.record_decision(&[ann.id], Some(Decision::Accepted), at(2))
            .unwrap();
        j.record_draft(ann.id, DraftKind::ThankYou, "A call next week?", at(3))
            .unwrap();
        let export = |format| {
            let mut out = Vec::new();
            write_actions(&mut out, format, std::slice::from_ref(&ann), &j, at(59)).unwrap();
            String::from_utf8(out).unwrap()
        };
        let md = export(ExportFormat::Md);
        assert!(
            md.contains("  thank-you, to send after accepting (Message on their profile):\n\n  > A call next week?\n"),
            "{md}"
        );
        assert!(!md.contains("How can I help?"), "{md}");
        let csv = export(ExportFormat::Csv);
        assert!(
            csv.contains("How can I help?") && csv.contains("A call next week?"),
            "{csv}"
        );
    }

    #[test]
    fn a_draft_marked_sent_leaves_the_lists() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        // Ann: replied, the reply sent. Bo: accepted here, the thank-you
        // sent (the accept is still to do: pending in this export). Cy:
        // accepted and gone, the thank-you sent. Di: replied, not sent.
        let ann = inv("Ann Early", "ann", Category::Customised);
        let bo = inv("Bo Li", "bo", Category::Default);
        let cy = inv("Cy Day", "cy", Category::Default);
        let di = inv("Di Roe", "di", Category::Customised);
        j.record_draft(ann.id, DraftKind::Reply, "How can I help, Ann?", at(1))
            .unwrap();
        j.record_decision(&[bo.id, cy.id], Some(Decision::Accepted), at(2))
            .unwrap();
        j.record_draft(bo.id, DraftKind::ThankYou, "Thanks, Bo!", at(3))
            .unwrap();
        j.record_draft_to(
            cy.id,
            DraftKind::ThankYou,
            "Thanks, Cy!",
            at(4),
            crate::journal::Whom::new("Cy Day", "https://www.linkedin.com/in/cy"),
        )
        .unwrap();
        j.record_draft(di.id, DraftKind::Reply, "How can I help, Di?", at(5))
            .unwrap();
        for (id, kind) in [
            (ann.id, DraftKind::Reply),
            (bo.id, DraftKind::ThankYou),
            (cy.id, DraftKind::ThankYou),
        ] {
            assert!(j.record_mark_sent(id, kind, true, at(6)).unwrap());
        }
        // Nothing to mark: no thank-you for Di.
        assert!(
            !j.record_mark_sent(di.id, DraftKind::ThankYou, true, at(7))
                .unwrap()
        );
        let invs = [ann.clone(), bo.clone(), di.clone()];
        let mut out = Vec::new();
        let listed = write_actions(&mut out, ExportFormat::Md, &invs, &j, at(59)).unwrap();
        let md = String::from_utf8(out).unwrap();
        assert_eq!(
            (listed.invitations, listed.thanks, listed.marked_sent),
            (2, 0, 2)
        );
        assert!(md.starts_with("# To do on LinkedIn (2)\n"), "{md}");
        assert!(
            md.contains("\nMarked sent: 2 replies and thank-yous you marked sent on LinkedIn are not listed.\n"),
            "{md}"
        );
        assert!(!md.contains("Ann Early") && !md.contains("Cy Day"), "{md}");
        assert!(!md.contains("Thanks, Bo!"), "{md}");
        assert!(
            md.contains("- [ ] **Bo Li** · default · thank-you marked sent 2026-11-25 · <"),
            "{md}"
        );
        assert!(md.contains("> How can I help, Di?"), "{md}");
        let mut out = Vec::new();
        write_actions(&mut out, ExportFormat::Json, &invs, &j, at(59)).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let bo_row = &v["actions"][0];
        assert_eq!(bo_row["name"], "Bo Li");
        assert_eq!(bo_row["draft_to_send"], serde_json::Value::Null);
        assert_eq!(bo_row["draft_sent_at"], "2026-11-25T17:06:00");
        assert_eq!(v["actions"][1]["draft_sent_at"], serde_json::Value::Null);
        // `drafts` keeps every draft, and says which were sent.
        let drafts = drafts_md(&invs, &j, at(59), Absence::Answered);
        assert!(
            drafts.contains(
                "- **Ann Early** · reply · replied, marked sent 2026-11-25 17:06 · drafted"
            ),
            "{drafts}"
        );
        assert!(
            drafts.contains("- [ ] **Di Roe** · reply · replied · drafted"),
            "{drafts}"
        );
        // All sent (Bo's and Cy's thank-yous gone from this one): nothing
        // to do, and the rest not decided yet.
        let ann_only = checklist(std::slice::from_ref(&ann), &j, at(59));
        assert!(
            ann_only.starts_with("# To do on LinkedIn (0)\n\nMarked sent: 3 replies and thank-yous you marked sent on LinkedIn are not listed.\n")
                && !ann_only.contains("Nothing"),
            "{ann_only}"
        );
        let with_new = checklist(
            &[ann.clone(), inv("Ed New", "ed", Category::Default)],
            &j,
            at(59),
        );
        assert!(
            with_new.contains("\nNot decided yet: 1 received invitation in this export")
                && !with_new.contains("Nothing decided"),
            "{with_new}"
        );
        // Taken back, the reply is to send again; an edit is a new version.
        assert!(
            j.record_mark_sent(ann.id, DraftKind::Reply, false, at(8))
                .unwrap()
        );
        j.record_draft(bo.id, DraftKind::ThankYou, "Thanks again, Bo!", at(9))
            .unwrap();
        let md = checklist(&invs, &j, at(59));
        assert!(md.contains("> How can I help, Ann?"), "{md}");
        assert!(md.contains("> Thanks again, Bo!"), "{md}");
        assert!(
            md.contains(
                "\nMarked sent: 1 reply or thank-you you marked sent on LinkedIn is not listed.\n"
            ),
            "{md}"
        );
    }

    #[test]
    fn only_a_linkedin_address_is_made_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        // Eve, with `url` as her profile URL, ignored.
        let mut ignored = |url: &str, n: u32| {
            let eve = Invitation::new(Fields {
                from: "Eve",
                to: "Colleen Ruiz",
                message: "",
                inviter_url: url,
                invitee_url: "https://www.linkedin.com/in/colleen-ruiz",
                sent_at: at(0),
                direction: Direction::Incoming,
                line: 2,
            });
            j.record_decision(&[eve.id], Some(Decision::Ignored), at(n))
                .unwrap();
            eve
        };
        let eve = ignored("javascript:alert(`1`)", 1);
        // On one line: a line break in it would end the code span and the
        // item, and what follows would be Markdown of the URL's own.
        let doctored = ignored(
            "javascript:x\n\n# Injected\n\n- [ ] **Fake** · <https://evil.example>",
            2,
        );
        let elsewhere = ignored("https://evil.example/in/eve", 3);
        let md = checklist(&[eve], &j, at(59));
        assert!(
            md.contains("- [ ] **Eve** · default · `javascript:alert('1')` (not a LinkedIn address: search LinkedIn for the name)\n"),
            "{md}"
        );
        let md = checklist(&[doctored], &j, at(59));
        assert!(
            md.contains("- [ ] **Eve** · default · `javascript:x\\n\\n# Injected\\n\\n- [ ] **Fake** · <https://evil.example>` (not a LinkedIn address")
                && !md.contains("\n# Injected"),
            "{md}"
        );
        // Another site's address is no link either (the screen's `o` will
        // not open it), and says why.
        let md = checklist(&[elsewhere], &j, at(59));
        assert!(
            md.contains("- [ ] **Eve** · default · `https://evil.example/in/eve` (not a LinkedIn address: search LinkedIn for the name)\n")
                && !md.contains("<https://evil"),
            "{md}"
        );
    }

    #[test]
    fn a_url_cannot_end_its_markdown_link_early() {
        assert_eq!(
            md_url("https://www.linkedin.com/in/eve> [x](javascript:alert(1))"),
            "https://www.linkedin.com/in/eve%3E%20[x](javascript:alert(1))"
        );
        assert_eq!(md_url("https://x/<a>\u{a0}é"), "https://x/%3Ca%3E%C2%A0é");
        assert_eq!(
            md_url("https://www.linkedin.com/in/ann-lee-1"),
            "https://www.linkedin.com/in/ann-lee-1"
        );
    }

    fn at(min: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
            .unwrap()
            .and_hms_opt(17, min, 0)
            .unwrap()
    }

    fn inv(from: &str, slug: &str, category: Category) -> Invitation {
        let url = format!("https://www.linkedin.com/in/{slug}");
        let mut inv = Invitation::new(Fields {
            from,
            to: "Colleen Ruiz",
            message: "",
            inviter_url: &url,
            invitee_url: "https://www.linkedin.com/in/colleen-ruiz",
            sent_at: at(0),
            direction: Direction::Incoming,
            line: 2,
        });
        inv.category = category;
        inv
    }

    /// An accept made in Berlin, changed to an ignore nine hours later in
    /// Los Angeles at the same local time: by UTC (each line's `"tz"`) the
    /// change came hours later, so an earlier list may have had the accept
    /// done, and the ignore says to remove the connection.
    #[test]
    fn a_change_in_another_time_zone_is_timed_by_utc() {
        let dir = tempfile::tempdir().unwrap();
        let ann = inv("Ann Early", "ann", Category::Customised);
        let lines = |berlin: &str, la: &str| {
            format!(
                "{{\"v\":1,\"at\":\"2026-11-25T17:10:00\"{berlin},\"op\":\"decide\",\"ids\":[\"{id}\"],\"decision\":\"accepted\"}}\n\
                 {{\"v\":1,\"at\":\"2026-11-25T17:20:00\"{la},\"op\":\"decide\",\"ids\":[\"{id}\"],\"decision\":\"ignored\"}}\n",
                id = ann.id
            )
        };
        let md = |text: String| {
            std::fs::write(dir.path().join(crate::journal::FILE_NAME), text).unwrap();
            let (j, notes) = Journal::open(dir.path()).unwrap();
            assert!(notes.is_empty(), "{notes:?}");
            checklist(std::slice::from_ref(&ann), &j, at(59))
        };
        let by_utc = md(lines(",\"tz\":60", ",\"tz\":-480"));
        assert!(
            by_utc.contains("· changed from accepted of 2026-11-25 (accepted on LinkedIn already? then remove the connection"),
            "{by_utc}"
        );
        // Without the offsets (lines of before), ten minutes apart.
        let by_local = md(lines("", ""));
        assert!(!by_local.contains("changed from"), "{by_local}");
        // Written after, but earlier by UTC (a clock set back, a zone set
        // wrong): by the local times, as before the offsets were kept.
        let back = md(lines(",\"tz\":60", ",\"tz\":840"));
        assert!(!back.contains("changed from"), "{back}");
        let lines_later = lines(",\"tz\":60", ",\"tz\":840").replace("17:20:00", "19:20:00");
        let back_later = md(lines_later);
        assert!(back_later.contains("changed from accepted"), "{back_later}");
        // A `tz` no place has, or not a number, is read as absent; a time
        // at the end of chrono's range with an offset does not overflow.
        let odd = md(lines(",\"tz\":\"60\"", ",\"tz\":1e9"));
        assert!(
            !odd.contains("changed from") && odd.contains("**Ann Early**"),
            "{odd}"
        );
        let far = "{\"v\":1,\"at\":\"+262142-12-31T23:30:00\",\"tz\":-480,\"op\":\"decide\",\"ids\":[\"0000000000000001\"],\"decision\":\"accepted\"}\n";
        let _ = md(format!("{far}{far}"));
    }

    /// A decision undone an hour or more after it was made, when an
    /// earlier list may have asked for it: listed as undone, with what
    /// doing it left to mend; one undone back to an earlier decision says
    /// it changed. Undone within the hour, or decided again, nothing.
    #[test]
    fn a_decision_undone_later_is_listed_to_check() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let day = chrono::Duration::days(1);
        let ann = inv("Ann Plus", "ann", Category::Customised);
        let bo = inv("Bo Li", "bo", Category::Default);
        let cy = inv("Cy Day", "cy", Category::Default);
        j.record_decision(&[ann.id], Some(Decision::Accepted), at(1))
            .unwrap();
        j.undo(at(2) + day).unwrap();
        // Accepted, then ignored the next day, and that undone a day on.
        j.record_decision(&[bo.id], Some(Decision::Accepted), at(1))
            .unwrap();
        j.record_decision(&[bo.id], Some(Decision::Ignored), at(3) + day)
            .unwrap();
        j.undo(at(4) + day + day).unwrap();
        // Undone within the minute: a slip put right.
        j.record_decision(&[cy.id], Some(Decision::Ignored), at(5) + day + day)
            .unwrap();
        j.undo(at(6) + day + day).unwrap();
        let invs = [ann.clone(), bo.clone(), cy.clone()];
        let now = at(9) + day + day;
        let md = checklist(&invs, &j, now);
        assert!(md.starts_with("# To do on LinkedIn (2)\n"), "{md}");
        assert!(
            md.contains("## Undone since an earlier list (1)\n\nUndecided again: an earlier list may have asked for the step undone, so check on LinkedIn whether it was done.\n\n- [ ] **Ann Plus** · customised · accepted 2026-11-25, undone 2026-11-26 (accepted on LinkedIn already? then remove the connection on their profile: More, Remove connection) · "),
            "{md}"
        );
        assert!(
            md.contains("- [ ] **Bo Li** · default · decided 2026-11-25 · changed from ignored of 2026-11-26 (done on LinkedIn already? check there first) · "),
            "{md}"
        );
        assert!(!md.contains("Cy Day"), "{md}");
        let mut csv = Vec::new();
        write_actions(&mut csv, ExportFormat::Csv, &invs, &j, now).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert!(
            csv.lines().any(|l| l.starts_with("Ann Plus,")
                && l.contains(",customised,incoming,,,")
                && l.ends_with(",true,accepted,2026-11-25 17:01:00,false,2026-11-26 17:02:00,")),
            "{csv}"
        );
        // `--since` after the undo leaves it out; before, it keeps it.
        let since = |from| {
            let mut out = Vec::new();
            write_actions_since(&mut out, ExportFormat::Md, &invs, &j, now, Some(from)).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert!(since(at(0) + day).contains("Ann Plus"));
        assert!(!since(at(3) + day).contains("Ann Plus"));
        // Decided again: nothing undone to check.
        j.record_decision(&[ann.id], Some(Decision::Accepted), now)
            .unwrap();
        let md = checklist(&invs, &j, now);
        assert!(!md.contains("Undone since"), "{md}");
    }

    /// After a late undo: an ignore made since still says the accept may
    /// be done (a connection to remove); an accept made and undone within
    /// the hour leaves the first undo listed; a withdrawal mark taken back
    /// a day on, and a reply undone, are listed; an ignore undone is an
    /// optional step.
    #[test]
    fn a_late_undo_stays_in_sight() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let day = chrono::Duration::days(1);
        let ann = inv("Ann Plus", "ann", Category::Customised);
        let bo = inv("Bo Li", "bo", Category::Default);
        let mut cy = inv("Cy Day", "cy", Category::Default);
        cy.direction = Direction::Outgoing;
        let di = inv("Di Ode", "di", Category::Default);
        let ed = inv("Ed Ige", "ed", Category::Default);
        j.record_decision(&[ann.id], Some(Decision::Accepted), at(1))
            .unwrap();
        j.undo(at(2) + day).unwrap();
        j.record_decision(&[ann.id], Some(Decision::Ignored), at(3) + day)
            .unwrap();
        j.record_decision(&[bo.id], Some(Decision::Accepted), at(1))
            .unwrap();
        j.undo(at(2) + day).unwrap();
        j.record_decision(&[bo.id], Some(Decision::Accepted), at(4) + day)
            .unwrap();
        j.undo(at(5) + day).unwrap();
        j.record_decision(&[cy.id], Some(Decision::Withdrawn), at(1))
            .unwrap();
        j.record_decision(&[cy.id], None, at(6) + day).unwrap();
        j.record_draft(di.id, DraftKind::Reply, "Hi Di", at(1))
            .unwrap();
        j.undo(at(7) + day).unwrap();
        j.record_decision(&[ed.id], Some(Decision::Ignored), at(1))
            .unwrap();
        j.undo(at(8) + day).unwrap();
        let invs = [ann, bo, cy, di, ed];
        let md = checklist(&invs, &j, at(9) + day);
        assert!(md.starts_with("# To do on LinkedIn (4)\n"), "{md}");
        assert!(
            md.contains("**Ann Plus** · customised · changed from accepted of 2026-11-25 (accepted on LinkedIn already? then remove the connection"),
            "{md}"
        );
        assert!(
            md.contains("**Bo Li** · default · accepted 2026-11-25, undone 2026-11-26"),
            "{md}"
        );
        assert!(md.contains("· default · marked to withdraw 2026-11-25, undone 2026-11-26 (withdrawn on LinkedIn already?"), "{md}");
        assert!(md.contains("**Di Ode** · default · replied 2026-11-25, undone 2026-11-26 (sent on LinkedIn already?"), "{md}");
        assert!(
            md.contains("**Ed Ige** · default · ignored 2026-11-25, undone 2026-11-26"),
            "{md}"
        );
        // The ignore undone is in its section's count, not the heading's.
        assert!(
            md.contains(
                "## Undone since an earlier list (4, of them 1 ignore, not counted above)\n"
            ),
            "{md}"
        );
    }

    /// A decision changed to another after an earlier list may have asked
    /// for it: each format says what it was, and when. Changed back, or
    /// the change undone, nothing is said.
    #[test]
    fn a_changed_decision_says_what_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let ann = inv("Ann Plus", "ann", Category::Customised);
        let day = chrono::Duration::days(1);
        j.record_decision(&[ann.id], Some(Decision::Accepted), at(1))
            .unwrap();
        j.record_decision(&[ann.id], Some(Decision::Ignored), at(2) + day)
            .unwrap();
        let now = at(3) + day;
        let md = checklist(std::slice::from_ref(&ann), &j, now);
        assert!(
            md.contains("- [ ] **Ann Plus** · customised · changed from accepted of 2026-11-25 (accepted on LinkedIn already? then remove the connection on their profile: More, Remove connection) · "),
            "{md}"
        );
        // Not an optional ignore: a connection may be to remove.
        assert!(md.starts_with("# To do on LinkedIn (1)\n"), "{md}");
        assert!(
            md.contains(
                "## Ignore (1)\n\nOptional, but for those that replaced an accept (marked below)"
            ),
            "{md}"
        );
        // An export made more than a day after the accept (it holds an
        // invitation sent then) still has her pending: it was not done.
        let mut later = inv("Cy Later", "cy", Category::Default);
        later.sent_at = at(5) + day + day;
        let md = checklist(&[ann.clone(), later], &j, now + day + day);
        assert!(
            md.contains("changed from accepted of 2026-11-25 (not done on LinkedIn: this export, made since, has it pending) · "),
            "{md}"
        );
        // Then the ignore is as optional as any.
        assert!(
            md.starts_with("# To do on LinkedIn (0, and 1 optional ignore)\n"),
            "{md}"
        );
        let mut csv = Vec::new();
        write_actions(
            &mut csv,
            ExportFormat::Csv,
            std::slice::from_ref(&ann),
            &j,
            now,
        )
        .unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert!(
            csv.trim_end()
                .ends_with(",true,accepted,2026-11-25 17:01:00,false,,"),
            "{csv}"
        );
        let mut json = Vec::new();
        write_actions(
            &mut json,
            ExportFormat::Json,
            std::slice::from_ref(&ann),
            &j,
            now,
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(v["actions"][0]["changed_from"], "accepted");
        assert_eq!(v["actions"][0]["changed_from_at"], "2026-11-25T17:01:00");
        // A reply saved over the accept says so too.
        j.undo(at(4) + day).unwrap();
        j.record_draft(ann.id, DraftKind::Reply, "Hi Ann", at(4) + day)
            .unwrap();
        assert!(
            checklist(std::slice::from_ref(&ann), &j, now)
                .contains("changed from accepted of 2026-11-25")
        );
        // Back to the accept: nothing changed.
        j.record_decision(&[ann.id], Some(Decision::Accepted), at(5) + day)
            .unwrap();
        assert!(!checklist(std::slice::from_ref(&ann), &j, now).contains("changed from"));
        // A slip put right within the hour is no change to check.
        let bo = inv("Bo Slip", "bo", Category::Customised);
        j.record_decision(&[bo.id], Some(Decision::Ignored), at(6))
            .unwrap();
        j.record_decision(&[bo.id], Some(Decision::Accepted), at(7))
            .unwrap();
        assert!(!checklist(std::slice::from_ref(&bo), &j, now).contains("changed from"));
    }

    /// A person twice in an export (two exports joined), and a third
    /// invitation from them: a step on the first two is not listed beside
    /// the third, which is undecided again, as the screen shows it; a step
    /// on the third (in a newer export) leaves the first two superseded,
    /// not listed as decided.
    #[test]
    fn a_person_twice_in_an_export_is_listed_as_the_newest_invitation_stands() {
        let dir = tempfile::tempdir().unwrap();
        let day = chrono::Duration::days(1);
        let sent = |days: i32, category| {
            let mut i = inv("José Núñez", "jose", category);
            i.sent_at = at(0) + day * days;
            i
        };
        let older = [sent(0, Category::Customised), sent(10, Category::Default)];
        let third = sent(20, Category::Customised);
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.note_export(&older);
        j.record_decision_on(
            &[older[1].id],
            &[older[1].sent_at],
            Some(Decision::Ignored),
            at(1) + day * 11,
        )
        .unwrap();
        let now = at(0) + day * 22;
        let md = checklist(&older, &j, now);
        assert!(md.contains("## Ignore (1)"), "{md}");
        let all = [older[0].clone(), older[1].clone(), third.clone()];
        j.note_export(&all);
        let md = checklist(&all, &j, now);
        assert!(!md.contains("José"), "undecided again: {md}");
        // Accepted on the third invitation, in the newer export alone.
        j.note_export(std::slice::from_ref(&third));
        j.record_decision_on(
            &[third.id],
            &[third.sent_at],
            Some(Decision::Accepted),
            at(2) + day * 21,
        )
        .unwrap();
        assert!(checklist(std::slice::from_ref(&third), &j, now).contains("## Accept (1)"));
        j.note_export(&older);
        let md = checklist(&older, &j, now);
        assert!(!md.contains("José"), "{md}");
        assert!(md.contains("Superseded: 2 received invitations"), "{md}");
        // A thank-you written on the older export, then the third
        // invitation ignored: the older one's thank-you is not "undone",
        // nor to send; it is superseded.
        let whom = Whom {
            sent: Some(older[1].sent_at),
            ..Whom::new("José Núñez", "")
        };
        j.record_decision_on(
            &[older[1].id],
            &[older[1].sent_at],
            Some(Decision::Accepted),
            at(3) + day * 11,
        )
        .unwrap();
        j.record_draft_to(
            older[1].id,
            DraftKind::ThankYou,
            "Gracias",
            at(4) + day * 11,
            whom,
        )
        .unwrap();
        j.note_export(std::slice::from_ref(&third));
        j.record_decision_on(
            &[third.id],
            &[third.sent_at],
            Some(Decision::Ignored),
            at(5) + day * 21,
        )
        .unwrap();
        j.note_export(&older);
        let md = checklist(&older, &j, now);
        assert!(!md.contains("José") && !md.contains("undone"), "{md}");
        let v = drafts_json(&older, &j, now);
        assert!(
            v["drafts"][0]["status"]
                .as_str()
                .unwrap()
                .starts_with("superseded"),
            "{v}"
        );
        assert_eq!(v["drafts"][0]["to_send"], false);
    }

    /// Accepting or ignoring after a reply is the way of a reply (they
    /// answered): no change to check on LinkedIn.
    #[test]
    fn a_decision_after_a_reply_is_no_change() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let hana = inv("Hana Novák", "hana", Category::Customised);
        let day = chrono::Duration::days(1);
        j.record_draft(hana.id, DraftKind::Reply, "Hi Hana", at(1))
            .unwrap();
        j.record_decision(&[hana.id], Some(Decision::Accepted), at(2) + day)
            .unwrap();
        let md = checklist(std::slice::from_ref(&hana), &j, at(3) + day);
        assert!(md.contains("Hana") && !md.contains("changed from"), "{md}");
    }

    /// `drafts` of an older export lists a draft saved in a newer one, on
    /// the person's later invitation, as that one's, not as one for an
    /// earlier invitation.
    #[test]
    fn a_draft_for_a_later_invitation_is_said_to_be_so() {
        let dir = tempfile::tempdir().unwrap();
        let a = inv("Ann", "ann", Category::Default);
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let later = at(0) + chrono::Duration::days(20);
        let whom = Whom {
            sent: Some(later),
            ..Whom::new("Ann", "")
        };
        j.record_draft_to(
            a.id,
            DraftKind::Reply,
            "Hi Ann",
            at(9) + chrono::Duration::days(21),
            whom,
        )
        .unwrap();
        let mut out = Vec::new();
        let now = at(9) + chrono::Duration::days(22);
        write_drafts(&mut out, DraftsFormat::Md, &[a], &j, now, Absence::Answered).unwrap();
        let md = String::from_utf8(out).unwrap();
        assert!(
            md.contains(
                "**Ann** · reply · for their later invitation, in a newer export, not to send"
            ),
            "{md}"
        );
    }

    /// A reply edited on a later day keeps, in the checklist, the day of
    /// its first version, which may have been sent; so does a thank-you.
    #[test]
    fn a_draft_edited_later_keeps_the_day_it_was_first_saved() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let ann = inv("Ann Early", "ann", Category::Customised);
        let day = chrono::Duration::days(1);
        j.record_draft(ann.id, DraftKind::Reply, "Hi Ann", at(3))
            .unwrap();
        j.record_draft(ann.id, DraftKind::Reply, "Hi Ann, edited", at(3) + day * 2)
            .unwrap();
        let gone = InvitationId(43);
        j.record_decision(&[gone], Some(Decision::Accepted), at(4))
            .unwrap();
        for (text, when) in [("Thanks", at(5)), ("Thanks, Zoë", at(5) + day * 2)] {
            j.record_draft_to(gone, DraftKind::ThankYou, text, when, Whom::new("Zoë", ""))
                .unwrap();
        }
        let md = checklist(std::slice::from_ref(&ann), &j, at(59) + day * 2);
        assert!(
            md.contains(
                "- [ ] **Ann Early** · customised · decided 2026-11-25 · reply edited 2026-11-27 · "
            ),
            "dated by its first version, and the edit said by its date, also on the day: {md}"
        );
        // The CSV and JSON give the same time as the checklist and the
        // screen.
        for (format, want) in [
            (ExportFormat::Csv, ",replied,2026-11-25 17:03:00,"),
            (
                ExportFormat::Json,
                "\"decided_at\": \"2026-11-25T17:03:00\"",
            ),
        ] {
            let mut out = Vec::new();
            write_actions(
                &mut out,
                format,
                std::slice::from_ref(&ann),
                &j,
                at(59) + day * 2,
            )
            .unwrap();
            let out = String::from_utf8(out).unwrap();
            assert!(out.contains(want), "{out}");
        }
        assert!(md.contains("  > Hi Ann, edited"), "the newest text: {md}");
        let later = checklist(std::slice::from_ref(&ann), &j, at(59) + day * 5);
        assert!(
            later.contains("· decided 2026-11-25 · reply edited 2026-11-27 · "),
            "{later}"
        );
        let ann_only = std::slice::from_ref(&ann);
        let now = at(59) + day * 2;
        let drafts = drafts_md(ann_only, &j, now, Absence::Answered);
        assert!(
            drafts.contains("· replied · drafted 2026-11-27 17:03, first 2026-11-25 · "),
            "{drafts}"
        );
        assert!(
            md.contains(
                "- [ ] **Zoë** · drafted 2026-11-25 · thank-you edited 2026-11-27 · no profile URL recorded · id `000000000000002b`\n"
            ),
            "gone from the export, the edit is said as for a row, and a missing URL was never recorded: {md}"
        );
        // Drafted anew for a later invitation between the same people,
        // the earlier one's day is not this one's.
        let mut again = ann.clone();
        again.sent_at = at(0) + day * 2;
        let md = checklist(std::slice::from_ref(&again), &j, at(59) + day * 3);
        assert!(
            md.contains("- [ ] **Ann Early** · customised · decided 2026-11-27 · "),
            "{md}"
        );
    }

    /// A second invitation from the same person (the same id): a reply
    /// to it, edited later, keeps the day of its own first version, not
    /// the earlier invitation's nor today's. And a `Sent At` ahead of the
    /// clock counts as now, as everywhere else.
    #[test]
    fn the_first_version_is_the_first_for_this_invitation() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let day = chrono::Duration::days(1);
        let ann = inv("Ann Early", "ann", Category::Customised);
        j.record_draft(ann.id, DraftKind::Reply, "Hi Ann (old)", at(1))
            .unwrap();
        let mut again = ann.clone();
        again.sent_at = at(0) + day * 10;
        j.record_draft(again.id, DraftKind::Reply, "Hi Ann", at(1) + day * 11)
            .unwrap();
        j.record_draft(
            again.id,
            DraftKind::Reply,
            "Hi Ann, edited",
            at(1) + day * 13,
        )
        .unwrap();
        let md = |j: &Journal, inv: &Invitation, now| checklist(std::slice::from_ref(inv), j, now);
        let out = md(&j, &again, at(59) + day * 13);
        assert!(
            out.contains("- [ ] **Ann Early** · customised · decided 2026-12-06 · "),
            "{out}"
        );
        let mut bob = inv("Bob Ahead", "bob", Category::Customised);
        bob.sent_at = at(0) + day * 40;
        let hour = chrono::Duration::hours(1);
        j.record_draft(bob.id, DraftKind::Reply, "Hi Bob", at(1) + day * 12 + hour)
            .unwrap();
        j.record_draft(bob.id, DraftKind::Reply, "Hi Bob, edited", at(1) + day * 13)
            .unwrap();
        let out = md(&j, &bob, at(59) + day * 13);
        assert!(
            out.contains("- [ ] **Bob Ahead** · customised · decided 2026-12-07 · "),
            "a Sent At ahead of the clock is taken as now: {out}"
        );
    }

    /// One id twice in an export (a person who invited again): `drafts`
    /// and the action list go by the later invitation, as the screen does.
    /// A reply written before it was sent is for the earlier one, not to
    /// send; one saved on this export's screen is on both, to send.
    #[test]
    fn drafts_and_the_checklist_pick_the_same_of_two_invitations() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let old = inv("Ann Early", "ann", Category::Customised);
        let mut newer = old.clone();
        newer.sent_at = at(0) + chrono::Duration::days(10);
        j.record_draft(old.id, DraftKind::Reply, "Hi Ann", at(1))
            .unwrap();
        let invs = [newer, old];
        let now = at(59) + chrono::Duration::days(11);
        let md = checklist(&invs, &j, now);
        assert!(
            md.contains("Nothing decided for this export yet"),
            "the reply is for the earlier invitation: {md}"
        );
        let v = drafts_json(&invs, &j, now);
        assert_eq!(v["count"], 1);
        assert_eq!(v["drafts"][0]["status"], "for their earlier invitation");
        assert_eq!(v["drafts"][0]["to_send"], false);
        // A reply saved on the screen of this export, where either row's
        // step is on both: to send, in both lists.
        j.note_export(&invs);
        let whom = Whom {
            sent: Some(invs[1].sent_at),
            ..Whom::new("Ann Early", "")
        };
        j.record_draft_to(invs[1].id, DraftKind::Reply, "Hi Ann, again", now, whom)
            .unwrap();
        let md = checklist(&invs, &j, now);
        assert!(
            md.contains("## Reply without accepting (1)") && md.contains("  > Hi Ann, again"),
            "{md}"
        );
        let v = drafts_json(&invs, &j, now);
        assert_eq!(v["drafts"][0]["status"], "replied");
        assert_eq!(v["drafts"][0]["to_send"], true);
    }

    /// `--since` keeps what was decided or drafted from that day on, and
    /// says how much it leaves out.
    #[test]
    fn since_leaves_out_what_an_earlier_checklist_listed() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let day = chrono::Duration::days(1);
        let old = inv("Ann Early", "ann", Category::Customised);
        let new = inv("Bo Late", "bo", Category::Customised);
        j.record_decision(&[old.id], Some(Decision::Accepted), at(1))
            .unwrap();
        j.record_decision(&[new.id], Some(Decision::Accepted), at(1) + day * 7)
            .unwrap();
        let gone = InvitationId(43);
        j.record_decision(&[gone], Some(Decision::Accepted), at(2))
            .unwrap();
        j.record_draft_to(
            gone,
            DraftKind::ThankYou,
            "Thanks",
            at(2),
            Whom::new("Zoë", ""),
        )
        .unwrap();
        let invs = [old.clone(), new];
        let since = Some((at(1) + day * 7).date().and_time(chrono::NaiveTime::MIN));
        let now = at(59) + day * 7;
        let mut out = Vec::new();
        let listed =
            write_actions_since(&mut out, ExportFormat::Md, &invs, &j, now, since).unwrap();
        let md = String::from_utf8(out).unwrap();
        assert_eq!(
            listed,
            Listed {
                invitations: 1,
                thanks: 0,
                earlier: 2,
                kept_not_done: 0,
                marked_sent: 0,
                marked_sent_gone: 0,
                undone: 0
            }
        );
        assert!(
            md.starts_with(
                "# To do on LinkedIn (1)\n\nDecided or drafted from 2026-12-02 on; 2 earlier items are left out (without `--since` they are listed).\n"
            ),
            "{md}"
        );
        assert!(
            md.contains("**Bo Late**") && !md.contains("Ann Early") && !md.contains("Zoë"),
            "{md}"
        );
        // An earlier accept thanked since is new again.
        j.record_draft(old.id, DraftKind::ThankYou, "Thanks, Ann", at(3) + day * 7)
            .unwrap();
        let mut out = Vec::new();
        let listed =
            write_actions_since(&mut out, ExportFormat::Csv, &invs, &j, now, since).unwrap();
        assert_eq!(listed.invitations, 2);
        assert_eq!(listed.earlier, 1, "Zoë's thank-you, as in the checklist");
        let mut out = Vec::new();
        write_actions_since(&mut out, ExportFormat::Md, &invs, &j, now, since).unwrap();
        let md = String::from_utf8(out).unwrap();
        assert!(
            md.contains(
                "**Ann Early** · customised · accepted 2026-11-25 17:01, before `--since`: listed for its newer draft"
            ),
            "{md}"
        );
        // From a time of day on: the thank-you at (3) after a second
        // sitting that starts at (2) is in, Bo's accept at (1) is not.
        let sitting = Some(at(2) + day * 7);
        let mut out = Vec::new();
        let listed =
            write_actions_since(&mut out, ExportFormat::Md, &invs, &j, now, sitting).unwrap();
        let md = String::from_utf8(out).unwrap();
        assert_eq!((listed.invitations, listed.earlier), (1, 2));
        assert!(
            md.contains(&format!(
                "Decided or drafted from {} on; 2 earlier items",
                (at(2) + day * 7).format("%Y-%m-%d %H:%M")
            )) && md.contains("Ann Early")
                && !md.contains("Bo Late"),
            "{md}"
        );
    }

    /// An export without the URL columns: the drafts checklist says to
    /// search by name (not a link to the invitation manager in the
    /// profile's place), and JSON says `null`, as for every absent value.
    #[test]
    fn an_invitation_without_a_profile_url_is_said_to_have_none() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let old = Invitation::new(Fields {
            from: "Ada Old",
            to: "Colleen Ruiz",
            message: "",
            inviter_url: "",
            invitee_url: "",
            sent_at: at(0),
            direction: Direction::Incoming,
            line: 2,
        });
        j.record_draft(old.id, DraftKind::Reply, "Hi Ada", at(3))
            .unwrap();
        let invs = [old];
        let md = drafts_md(&invs, &j, at(59), Absence::Answered);
        assert!(
            md.contains(
                "· drafted 2026-11-25 17:03 · no profile URL in this export: search LinkedIn for the name\n"
            ),
            "{md}"
        );
        assert!(!md.contains(INVITATION_MANAGER_URL), "{md}");
        let mut json = Vec::new();
        write_drafts(
            &mut json,
            DraftsFormat::Json,
            &invs,
            &j,
            at(59),
            Absence::Answered,
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(v["drafts"][0]["profile_url"], serde_json::Value::Null);
        let mut json = Vec::new();
        write_actions(&mut json, ExportFormat::Json, &invs, &j, at(59)).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(v["actions"][0]["profile_url"], serde_json::Value::Null);
        assert_eq!(v["actions"][0]["name"], "Ada Old");
    }

    /// The Markdown checklist of `invs` at `now`.
    fn checklist(invs: &[Invitation], j: &Journal, now: NaiveDateTime) -> String {
        let mut out = Vec::new();
        write_actions(&mut out, ExportFormat::Md, invs, j, now).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// `drafts --format md` of `invs`.
    fn drafts_md(invs: &[Invitation], j: &Journal, now: NaiveDateTime, absence: Absence) -> String {
        let mut out = Vec::new();
        write_drafts(&mut out, DraftsFormat::Md, invs, j, now, absence).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// `drafts --format json` of `invs`, parsed.
    fn drafts_json(invs: &[Invitation], j: &Journal, now: NaiveDateTime) -> serde_json::Value {
        let mut out = Vec::new();
        write_drafts(
            &mut out,
            DraftsFormat::Json,
            invs,
            j,
            now,
            Absence::Answered,
        )
        .unwrap();
        serde_json::from_slice(&out).unwrap()
    }

    /// An invitation the user sent to `to`, marked in `j` to withdraw.
    fn withdrawn(j: &mut Journal, to: &str, invitee_url: &str) -> Invitation {
        let sent = Invitation::new(Fields {
            from: "Colleen Ruiz",
            to,
            message: "",
            inviter_url: "https://www.linkedin.com/in/colleen-ruiz",
            invitee_url,
            sent_at: at(0),
            direction: Direction::Outgoing,
            line: 8,
        });
        j.record_decision(&[sent.id], Some(Decision::Withdrawn), at(9))
            .unwrap();
        sent
    }

    /// Six invitations; the journal decides on all but `none`.
    fn fixture(dir: &std::path::Path) -> (Vec<Invitation>, Journal) {
        let invs = vec![
            inv("Ivy Ignored", "ivy", Category::Default),
            inv("Ann Early", "ann", Category::Customised),
            inv("Nina None", "nina", Category::Default),
            inv("Rob Replied", "rob", Category::GreetingOnly),
            inv("=HYPERLINK(\"http://x\")", "evil", Category::Default),
            inv("Tom Thanks", "tom", Category::Customised),
        ];
        let id = |i: usize| invs[i].id;
        let (mut j, _) = Journal::open(dir).unwrap();
        j.record_decision(&[id(0)], Some(Decision::Ignored), at(1))
            .unwrap();
        j.record_decision(&[id(1)], Some(Decision::Accepted), at(2))
            .unwrap();
        j.record_draft(id(3), DraftKind::Reply, "Hi Rob,\nsure — let's talk", at(3))
            .unwrap();
        j.record_decision(&[id(4), id(5)], Some(Decision::Accepted), at(4))
            .unwrap();
        j.record_draft(id(5), DraftKind::ThankYou, "+1 thanks, Tom", at(5))
            .unwrap();
        // A journal entry for an invitation not in this export.
        j.record_decision(&[InvitationId(42)], Some(Decision::Accepted), at(6))
            .unwrap();
        (invs, j)
    }

    /// Zoë Fontaine's invitation (id 43), accepted at 17:08 and thanked with
    /// `text` at 17:09, is in no export the tests load.
    fn accepted_and_gone(j: &mut Journal, text: &str) -> InvitationId {
        let gone = InvitationId(43);
        j.record_decision(&[gone], Some(Decision::Accepted), at(8))
            .unwrap();
        j.record_draft_to(
            gone,
            DraftKind::ThankYou,
            text,
            at(9),
            Whom::new("Zoë Fontaine", "https://www.linkedin.com/in/zoe"),
        )
        .unwrap();
        gone
    }

    /// The CSV and JSON list a thank-you still to send for an invitation
    /// gone from the export, as the checklist does: after the rest, by the
    /// name and URL saved with it, with `in_export` false and no group.
    #[test]
    fn csv_and_json_keep_thank_yous_of_invitations_gone_from_the_export() {
        let dir = tempfile::tempdir().unwrap();
        let (invs, mut j) = fixture(dir.path());
        let gone = accepted_and_gone(&mut j, "=Thanks, Zoë!");
        let mut out = Vec::new();
        let listed = write_actions(&mut out, ExportFormat::Csv, &invs, &j, at(59)).unwrap();
        assert_eq!((listed.invitations, listed.thanks), (5, 1));
        let text = String::from_utf8(out).unwrap();
        let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(Result::unwrap)
            .collect();
        assert_eq!(rows.len(), 6, "{text}");
        assert!(rows[..5].iter().all(|r| &r[10] == "true"), "{text}");
        let last: Vec<&str> = rows[5].iter().collect();
        assert_eq!(
            last,
            [
                "Zoë Fontaine",
                "https://www.linkedin.com/in/zoe",
                "",
                "incoming",
                "accepted",
                "2026-11-25 17:08:00",
                "",
                "'=Thanks, Zoë!",
                &gone.to_string(),
                "thank-you",
                "false",
                "",
                "",
                "false",
                "",
                "",
            ]
        );
        let mut out = Vec::new();
        write_actions(&mut out, ExportFormat::Json, &invs, &j, at(59)).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["count"], 6);
        let actions = v["actions"].as_array().unwrap();
        assert!(actions[..5].iter().all(|a| a["in_export"] == true));
        let zoe = &actions[5];
        assert_eq!(zoe["name"], "Zoë Fontaine");
        assert_eq!(zoe["category"], serde_json::Value::Null);
        assert_eq!(zoe["decision"], "accepted");
        assert_eq!(
            zoe["thank_you_draft"], "=Thanks, Zoë!",
            "JSON is not escaped"
        );
        assert_eq!(zoe["draft_to_send"], "thank-you");
        assert_eq!(zoe["in_export"], false);
    }

    /// On an export without the URL columns ([`Absence::Unmatched`]) a
    /// thank-you for an accept made on one with them is listed all the
    /// same, and counted alike, but not as gone: the checklist, the CSV,
    /// the JSON and `drafts` all say its invitation is not matched, and
    /// none that it is no longer pending or not in the export.
    #[test]
    fn without_urls_an_unmatched_thank_you_is_not_called_gone() {
        let dir = tempfile::tempdir().unwrap();
        let (invs, mut j) = fixture(dir.path());
        accepted_and_gone(&mut j, "Thanks, Zoë!");
        let write = |format, absence| {
            let mut out = Vec::new();
            let listed =
                write_actions_with(&mut out, format, &invs, &j, at(59), None, absence).unwrap();
            (listed, String::from_utf8(out).unwrap())
        };
        let (listed, md) = write(ExportFormat::Md, Absence::Unmatched);
        assert_eq!((listed.invitations, listed.thanks), (5, 1));
        assert!(
            md.contains("\n## Thank-yous to send: accepted, not matched in this export (1)\n\nThis export has no profile URLs, so invitriage cannot match these accepts to its invitations, nor tell whether they are still pending")
                && md.contains("- [ ] **Zoë Fontaine** · <https://www.linkedin.com/in/zoe> · id `000000000000002b`\n")
                && !md.contains("no longer pending"),
            "{md}"
        );
        // With the URLs, the absence tells: as before.
        let (_, with_urls) = write(ExportFormat::Md, Absence::Answered);
        assert!(
            with_urls.contains("\n## Thank-yous to send: accepted, no longer pending (1)\n"),
            "{with_urls}"
        );
        assert_eq!(write(ExportFormat::Md, Absence::Unknown).1, with_urls);
        let (_, csv) = write(ExportFormat::Csv, Absence::Unmatched);
        let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv.as_bytes())
            .records()
            .map(Result::unwrap)
            .collect();
        assert!(rows[..5].iter().all(|r| &r[10] == "true"), "{csv}");
        assert_eq!((&rows[5][0], &rows[5][10]), ("Zoë Fontaine", ""), "{csv}");
        let (_, json) = write(ExportFormat::Json, Absence::Unmatched);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["actions"][5]["name"], "Zoë Fontaine");
        assert!(v["actions"][5]["in_export"].is_null(), "{json}");
        assert_eq!(v["actions"][0]["in_export"], true);
        let drafts = drafts_md(&invs, &j, at(59), Absence::Unmatched);
        assert!(
            drafts.contains("- [ ] **Zoë Fontaine** · thank-you · accepted, not matched in this export (it has no profile URLs) · drafted 2026-11-25 17:09 · <https://www.linkedin.com/in/zoe>\n")
                && !drafts.contains("not in this export"),
            "{drafts}"
        );
    }

    /// A thank-you of an invitation gone from the export counts from its
    /// newest step for `--since`, as a row does: an accept redone after
    /// the draft brings it back. Saved before names were recorded, it has
    /// no name: `null` in JSON, not an empty string.
    #[test]
    fn a_gone_thank_you_dates_from_its_newest_step_and_may_have_no_name() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let day = chrono::Duration::days(1);
        let gone = InvitationId(43);
        j.record_draft(gone, DraftKind::ThankYou, "Thanks!", at(1))
            .unwrap();
        j.record_decision(&[gone], Some(Decision::Accepted), at(2) + day * 3)
            .unwrap();
        let since = Some((at(2) + day * 3).date().and_time(chrono::NaiveTime::MIN));
        let now = at(59) + day * 3;
        let mut out = Vec::new();
        let listed =
            write_actions_since(&mut out, ExportFormat::Json, &[], &j, now, since).unwrap();
        assert_eq!((listed.thanks, listed.earlier), (1, 0));
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["actions"][0]["name"], serde_json::Value::Null, "{v}");
        assert_eq!(v["actions"][0]["thank_you_draft"], "Thanks!");
        let since = Some((at(2) + day * 4).date().and_time(chrono::NaiveTime::MIN));
        let listed =
            write_actions_since(&mut Vec::new(), ExportFormat::Csv, &[], &j, now, since).unwrap();
        assert_eq!((listed.thanks, listed.earlier), (0, 1));
    }

    /// Accepted on LinkedIn, an invitation leaves the next export: its
    /// thank-you, still to send, stays on the checklist by the name and
    /// URL saved with it, and counts as a thing to do.
    #[test]
    fn the_checklist_keeps_thank_yous_of_invitations_gone_from_the_export() {
        let dir = tempfile::tempdir().unwrap();
        let (invs, mut j) = fixture(dir.path());
        accepted_and_gone(&mut j, "Thanks, Zoë!");
        // An ignored one's thank-you is not to send.
        let ignored = InvitationId(44);
        j.record_draft_to(
            ignored,
            DraftKind::ThankYou,
            "No",
            at(9),
            Whom::new("Ig", ""),
        )
        .unwrap();
        j.record_decision(&[ignored], Some(Decision::Ignored), at(10))
            .unwrap();
        let mut out = Vec::new();
        let listed = write_actions(&mut out, ExportFormat::Md, &invs, &j, at(59)).unwrap();
        assert_eq!(
            listed.thanks, 1,
            "the ignored one's thank-you is not counted"
        );
        let md = String::from_utf8(out).unwrap();
        assert!(
            md.starts_with("# To do on LinkedIn (5, and 1 optional ignore)"),
            "{md}"
        );
        assert!(
            md.ends_with(
                "\n## Thank-yous to send: accepted, no longer pending (1)\n\n\
                 On their profile, Message, and paste the draft (check whether a dated one was sent on that day). Once sent, `invitriage mark-sent ID` (its id is at the end of its line) leaves it out of later lists.\n\n\
                 - [ ] **Zoë Fontaine** · <https://www.linkedin.com/in/zoe> · id `000000000000002b`\n\n  > Thanks, Zoë!\n"
            ),
            "{md}"
        );
        // A checklist made days later dates what was decided and drafted
        // before its day: a reply still pending, a thank-you, may be sent.
        // A draft without a decision is dated as drafted.
        j.record_draft(invs[2].id, DraftKind::ThankYou, "Thanks, Nina!", at(11))
            .unwrap();
        let later = at(59) + chrono::Duration::days(9);
        let md = checklist(&invs, &j, later);
        assert!(
            md.contains(
                "- [ ] **Zoë Fontaine** · drafted 2026-11-25 · <https://www.linkedin.com/in/zoe> · id `000000000000002b`\n"
            ),
            "{md}"
        );
        assert!(
            md.contains("- [ ] **Rob Replied** · greeting-only · decided 2026-11-25 · <https://www.linkedin.com/in/rob>\n"),
            "{md}"
        );
        assert!(
            md.contains("- **Nina None** · default · drafted 2026-11-25 · <https://www.linkedin.com/in/nina>\n"),
            "{md}"
        );
        // Made the same day, nothing is dated.
        assert!(
            !String::from_utf8_lossy(&{
                let mut out = Vec::new();
                write_actions(&mut out, ExportFormat::Md, &invs, &j, at(59)).unwrap();
                out
            })
            .contains("decided 2026")
        );
    }

    /// A draft the decision does not send (a thank-you, then an ignore) is
    /// listed as not to send; the one it sends is to send.
    #[test]
    fn drafts_say_which_one_the_decision_sends() {
        let dir = tempfile::tempdir().unwrap();
        let (invs, mut j) = fixture(dir.path());
        j.record_draft(invs[0].id, DraftKind::ThankYou, "Thanks, Ivy", at(7))
            .unwrap();
        let mut out = Vec::new();
        write_drafts(
            &mut out,
            DraftsFormat::Json,
            &invs,
            &j,
            at(59),
            Absence::Answered,
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let to_send = |name: &str| {
            v["drafts"]
                .as_array()
                .unwrap()
                .iter()
                .find(|d| d["name"] == name)
                .map(|d| d["to_send"].clone())
        };
        assert_eq!(to_send("Ivy Ignored"), Some(false.into()), "ignored");
        assert_eq!(to_send("Tom Thanks"), Some(true.into()), "accepted");
    }

    #[test]
    fn csv_lists_decided_rows_in_order_with_drafts_and_escapes_formulas() {
        let dir = tempfile::tempdir().unwrap();
        let (invs, j) = fixture(dir.path());
        let mut out = Vec::new();
        let n = write_actions(&mut out, ExportFormat::Csv, &invs, &j, at(59)).unwrap();
        assert_eq!(
            n,
            Listed {
                invitations: 5,
                thanks: 0,
                earlier: 0,
                kept_not_done: 0,
                marked_sent: 0,
                marked_sent_gone: 0,
                undone: 0
            }
        );
        let text = String::from_utf8(out).unwrap();
        let mut r = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(
            r.headers().unwrap(),
            &csv::StringRecord::from(CSV_HEADER.to_vec())
        );
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        let names: Vec<_> = rows.iter().map(|r| &r[0]).collect();
        // Accepted newest first (the bulk at 17:04 keeps export order), then
        // replied, then ignored; Nina (no decision) and id 42 (not in the
        // export) are left out.
        assert_eq!(
            names,
            [
                "'=HYPERLINK(\"http://x\")",
                "Tom Thanks",
                "Ann Early",
                "Rob Replied",
                "Ivy Ignored"
            ]
        );
        let tom = &rows[1];
        assert_eq!(&tom[1], "https://www.linkedin.com/in/tom");
        assert_eq!(&tom[2], "customised");
        assert_eq!(&tom[3], "incoming");
        assert_eq!(&tom[4], "accepted");
        assert_eq!(&tom[5], "2026-11-25 17:04:00");
        assert_eq!(&tom[6], "");
        assert_eq!(&tom[7], "'+1 thanks, Tom");
        assert_eq!(&tom[8], invs[5].id.to_string());
        let rob = &rows[3];
        assert_eq!(&rob[4], "replied");
        assert_eq!(&rob[6], "Hi Rob,\nsure — let's talk");
        assert_eq!(&rob[2], "greeting-only");
        assert!(!text.contains("invitation-manager"));
    }

    /// A checklist of withdrawals alone points to the sent invitations'
    /// page, not to the received ones'.
    #[test]
    fn withdrawals_alone_point_to_the_sent_page() {
        let dir = tempfile::tempdir().unwrap();
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let invs = [
            withdrawn(&mut j, "Greg Hale", ""),
            inv("Una Open", "una", Category::Default),
        ];
        let md = checklist(&invs, &j, at(59));
        assert!(md.contains(&format!("<{SENT_INVITATIONS_URL}>")), "{md}");
        assert!(!md.contains("Pending invitations:"), "{md}");
        // Without that line, one blank line still parts the others.
        assert!(
            md.starts_with(
                "# To do on LinkedIn (1)\n\nNot decided yet: 1 received invitation in this export; open it in invitriage to decide it.\n\n## Withdraw"
            ),
            "{md}"
        );
        assert!(!md.contains("\n\n\n"), "{md}");
        // Without a name either, its date tells it apart: there is no
        // name to search for.
        let nameless = [withdrawn(&mut j, "", "")];
        let md = checklist(&nameless, &j, at(59));
        assert!(
            md.contains("- [ ] **(no name)** · default · no name or profile URL in this export: look for the one sent 2026-11-25 17:00\n"),
            "{md}"
        );
    }

    /// The checklist: a section per thing to do, in the CSV's order, each
    /// draft quoted under its invitation, names that Markdown would read
    /// as markup escaped.
    #[test]
    fn markdown_is_a_checklist_by_section_with_the_drafts_quoted() {
        let dir = tempfile::tempdir().unwrap();
        let (mut invs, mut j) = fixture(dir.path());
        invs.push(withdrawn(&mut j, "Sam *Sent*", ""));
        j.record_draft(invs[2].id, DraftKind::ThankYou, "Thanks, Nina!  \n", at(10))
            .unwrap();
        let mut out = Vec::new();
        let n = write_actions(&mut out, ExportFormat::Md, &invs, &j, at(59)).unwrap();
        assert_eq!(n.invitations, 7);
        let url = |slug: &str| format!("<https://www.linkedin.com/in/{slug}>");
        let expected = format!(
            "# To do on LinkedIn (5, and 1 optional ignore)\n\
             \n\
             Not decided yet: 1 received invitation in this export; open it in invitriage to decide it.\n\
             \n\
             Pending invitations: <{INVITATION_MANAGER_URL}>\n\
             \n\
             ## Accept (3)\n\
             \n\
             In the invitation manager (above), or on their profile.\n\
             \n\
             - [ ] **=HYPERLINK(\"http://x\")** · default · {evil}\n\
             - [ ] **Tom Thanks** · customised · {tom}\n\
             \n  thank-you, to send after accepting (Message on their profile):\n\
             \n  > +1 thanks, Tom\n\
             \n\
             - [ ] **Ann Early** · customised · {ann}\n\
             \n\
             ## Reply without accepting (1)\n\
             \n\
             In the invitation manager (above), Reply on their invitation (or Message on their profile) and paste the draft; accept or ignore once they answer. A reply leaves the invitation pending, so a later export lists it again: check whether a dated one was sent on that day.\n\
             \n\
             - [ ] **Rob Replied** · greeting-only · {rob}\n\
             \n  reply:\n\
             \n  > Hi Rob,\n  > sure — let's talk\n\
             \n\
             ## Withdraw: invitations you sent (1)\n\
             \n\
             Under Sent in the invitation manager, <{SENT_INVITATIONS_URL}>, or on their profile: Pending, then Withdraw.\n\
             \n\
             - [ ] **Sam \\*Sent\\*** · default · no profile URL in this export: search LinkedIn for the name\n\
             \n\
             ## Ignore (1)\n\
             \n\
             Optional: an unanswered invitation goes stale on its own.\n\
             \n\
             - [ ] **Ivy Ignored** · default · {ivy}\n\
             \n\
             ## Drafts without a decision (1)\n\
             \n\
             The accept or reply they went with was undone.\n\
             \n\
             - **Nina None** · default · {nina}\n\
             \n  thank-you, not to send: its accept was undone (accept again to send it):\n\
             \n  > Thanks, Nina!\n",
            evil = url("evil"),
            tom = url("tom"),
            ann = url("ann"),
            rob = url("rob"),
            ivy = url("ivy"),
            nina = url("nina"),
        );
        assert_eq!(String::from_utf8(out).unwrap(), expected);

        let (j, _) = Journal::open(dir.path().join("empty").as_path()).unwrap();
        let mut out = Vec::new();
        assert_eq!(
            write_actions(&mut out, ExportFormat::Md, &invs, &j, at(59)).unwrap(),
            Listed {
                invitations: 0,
                thanks: 0,
                earlier: 0,
                kept_not_done: 0,
                marked_sent: 0,
                marked_sent_gone: 0,
                undone: 0
            }
        );
        let md = String::from_utf8(out).unwrap();
        assert!(
            md.contains("Nothing decided for this export yet: open it in invitriage"),
            "names no command that would open the sample: {md}"
        );
        assert!(!md.contains("Not decided yet"), "said once: {md}");
        // An export with nothing to decide does not ask to decide.
        let mut out = Vec::new();
        write_actions(&mut out, ExportFormat::Md, &[], &j, at(59)).unwrap();
        let md = String::from_utf8(out).unwrap();
        assert!(
            md.ends_with("\nNothing to do: this export holds no received invitation, and none you sent is marked to withdraw.\n"),
            "{md}"
        );
    }

    /// A sent invitation to withdraw is one click on LinkedIn: after the
    /// replies, before the ignores, named by its recipient.
    #[test]
    fn a_withdrawal_comes_after_the_replies_and_names_the_recipient() {
        let dir = tempfile::tempdir().unwrap();
        let (mut invs, mut j) = fixture(dir.path());
        invs.push(withdrawn(
            &mut j,
            "Sam Sent",
            "https://www.linkedin.com/in/sam",
        ));
        let mut out = Vec::new();
        write_actions(&mut out, ExportFormat::Csv, &invs, &j, at(59)).unwrap();
        let text = String::from_utf8(out).unwrap();
        let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(Result::unwrap)
            .collect();
        let names: Vec<_> = rows.iter().map(|r| &r[0]).collect();
        assert_eq!(names[3..], ["Rob Replied", "Sam Sent", "Ivy Ignored"]);
        let sam = &rows[4];
        assert_eq!(&sam[1], "https://www.linkedin.com/in/sam");
        assert_eq!(&sam[3], "outgoing");
        assert_eq!(&sam[4], "withdrawn");
        assert_eq!(&sam[9], "", "a withdrawal sends no draft");
        assert_eq!(&rows[3][9], "reply");
    }

    #[test]
    fn json_has_the_manager_url_once_and_the_same_rows() {
        let dir = tempfile::tempdir().unwrap();
        let (invs, j) = fixture(dir.path());
        let mut out = Vec::new();
        let n = write_actions(&mut out, ExportFormat::Json, &invs, &j, at(59)).unwrap();
        assert_eq!(n.invitations, 5);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.matches(INVITATION_MANAGER_URL).count(), 1);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["invitation_manager_url"], INVITATION_MANAGER_URL);
        assert_eq!(v["count"], 5);
        let actions = v["actions"].as_array().unwrap();
        let names: Vec<_> = actions
            .iter()
            .map(|a| a["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "=HYPERLINK(\"http://x\")",
                "Tom Thanks",
                "Ann Early",
                "Rob Replied",
                "Ivy Ignored"
            ],
            "JSON is not escaped for spreadsheets"
        );
        let tom = &actions[1];
        assert_eq!(tom["decision"], "accepted");
        assert_eq!(tom["decided_at"], "2026-11-25T17:04:00");
        assert_eq!(tom["reply_draft"], serde_json::Value::Null);
        assert_eq!(tom["thank_you_draft"], "+1 thanks, Tom");
        assert_eq!(tom["id"], invs[5].id.to_string());
        assert_eq!(tom["category"], "customised");
        assert_eq!(tom["direction"], "incoming");
        assert_eq!(tom["profile_url"], "https://www.linkedin.com/in/tom");
        assert_eq!(actions[3]["reply_draft"], "Hi Rob,\nsure — let's talk");
        assert_eq!(actions[3]["decision"], "replied");
        // Which draft each decision sends: none for an ignore.
        let sends: Vec<_> = actions.iter().map(|a| a["draft_to_send"].clone()).collect();
        assert_eq!(sends[1], "thank-you");
        assert_eq!(sends[3], "reply");
        assert_eq!(sends[4], serde_json::Value::Null);
    }

    #[test]
    fn undecided_rows_with_a_draft_come_last_and_duplicates_once() {
        let dir = tempfile::tempdir().unwrap();
        let a = inv("Ann", "ann", Category::Default);
        let b = inv("Bo", "bo", Category::Default);
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.record_draft(a.id, DraftKind::ThankYou, "Thanks", at(9))
            .unwrap();
        j.record_decision(&[b.id], Some(Decision::Ignored), at(1))
            .unwrap();
        let invs = [a.clone(), b, a];
        let mut out = Vec::new();
        assert_eq!(
            write_actions(&mut out, ExportFormat::Csv, &invs, &j, at(59))
                .unwrap()
                .invitations,
            2
        );
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<_> = text.lines().collect();
        assert!(lines[1].starts_with("Bo,"), "{text}");
        assert!(lines[2].starts_with("Ann,"), "{text}");
        assert!(lines[2].contains(",default,incoming,,,,Thanks,"), "{text}");
    }

    #[test]
    fn nothing_decided_writes_only_the_header_or_an_empty_list() {
        let dir = tempfile::tempdir().unwrap();
        let (j, _) = Journal::open(dir.path()).unwrap();
        let invs = [inv("Ann", "ann", Category::Default)];
        let mut out = Vec::new();
        assert_eq!(
            write_actions(&mut out, ExportFormat::Csv, &invs, &j, at(59))
                .unwrap()
                .invitations,
            0
        );
        assert_eq!(String::from_utf8(out).unwrap(), CSV_HEADER.join(",") + "\n");
        let mut out = Vec::new();
        assert_eq!(
            write_actions(&mut out, ExportFormat::Json, &invs, &j, at(59))
                .unwrap()
                .invitations,
            0
        );
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["actions"], serde_json::json!([]));
    }

    #[test]
    fn formula_cells_are_escaped() {
        for cell in [
            "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'=1+1", "'quoted",
        ] {
            assert_eq!(spreadsheet_safe(cell), format!("'{cell}"));
        }
        for cell in ["", "Ann", "1-2", "a=b", " =1", "https://x/in/a-b"] {
            assert!(matches!(spreadsheet_safe(cell), Cow::Borrowed(c) if c == cell));
        }
    }
}

/// The output formats of `drafts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DraftsFormat {
    /// A Markdown to-do list to work through in the browser.
    Md,
    /// One row a draft, for a spreadsheet, formulas escaped with a leading
    /// `'` (as is a cell that starts with `'`).
    Csv,
    /// One JSON object: the count and the drafts.
    Json,
}

/// One saved draft with the invitation it answers.
struct DraftRow<'a> {
    id: InvitationId,
    name: &'a str,
    url: &'a str,
    kind: crate::journal::DraftKind,
    draft: &'a crate::journal::Draft,
    /// The decision's label, `undecided`, or for an invitation no longer in
    /// the export that, with `, not in this export`; on an export without
    /// the URL columns, which cannot tell, `, not matched in this export (it
    /// has no profile URLs)` instead ([`Absence::Unmatched`]).
    status: String,
    /// The draft its decision sends ([`crate::journal::Entry::draft_to_send`]):
    /// not a thank-you to someone ignored, nor one for an earlier invitation,
    /// nor a reply to an invitation answered on LinkedIn since
    /// ([`Absence::Answered`]).
    to_send: bool,
    /// Its invitation is in the export read.
    here: bool,
}

/// The drafts of the invitations in the export, then those of invitations
/// that have left it (a thank-you is sent after the accept that takes the
/// invitation out of the next export), named as the draft recorded them.
fn draft_rows<'a>(
    invitations: &'a [Invitation],
    journal: &'a Journal,
    now: NaiveDateTime,
    absence: Absence,
) -> Vec<DraftRow<'a>> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let label = |e: &crate::journal::Entry| e.decision().map_or("undecided", Decision::label);
    // Not found in an export without the URL columns says nothing of
    // whether the invitation is in it: its ids are not those of an export
    // with them.
    let elsewhere = match absence {
        Absence::Unmatched => "not matched in this export (it has no profile URLs)",
        Absence::Answered | Absence::Unknown => "not in this export",
    };
    let sends = |e: &crate::journal::Entry, kind| {
        e.draft_unsent(e.decision())
            .is_some_and(|(send, _)| send == kind)
    };
    // Sent, as the user marked it: said, and not to send.
    let marked = |d: &Draft| {
        d.marked_sent.map_or(String::new(), |t| {
            format!(", marked sent {}", t.format("%Y-%m-%d %H:%M"))
        })
    };
    // Of two invitations with one id (a person who invited again), the
    // later, as the action list picks it ([`rows`]) and the screen shows
    // it: a draft on the earlier one only is for their earlier invitation.
    let mut chosen: HashMap<InvitationId, &Invitation> = HashMap::new();
    for inv in invitations {
        if journal.state(inv.id).is_none() {
            continue;
        }
        chosen
            .entry(inv.id)
            .and_modify(|c| {
                if inv.sent_at > c.sent_at {
                    *c = inv;
                }
            })
            .or_insert(inv);
    }
    for inv in invitations {
        let Some(entry) = journal.state(inv.id) else {
            continue;
        };
        if !chosen.get(&inv.id).is_some_and(|c| std::ptr::eq(*c, inv)) || !seen.insert(inv.id) {
            continue;
        }
        let here = journal.state_for(inv, now).unwrap_or_default();
        // Invited again since, and that invitation handled in a newer
        // export: nothing is to send for this one.
        let superseded = journal.later(inv).is_some();
        for kind in [DraftKind::Reply, DraftKind::ThankYou] {
            if let Some(draft) = entry.draft(kind) {
                // A draft saved before this invitation was sent answered
                // an earlier one, and one saved in a newer export on a
                // later one answers that: listed, and said so.
                let status = if superseded && here.draft(kind).is_some() {
                    "superseded: they invited again, and that invitation was handled in a newer export".to_string()
                } else if here.draft(kind).is_some() {
                    label(&here).to_string()
                } else if draft.postdates(inv.sent_at) {
                    "for their later invitation, in a newer export".to_string()
                } else {
                    "for their earlier invitation".to_string()
                } + &marked(draft);
                out.push(DraftRow {
                    id: inv.id,
                    name: inv.counterpart(),
                    url: inv.counterpart_url(),
                    kind,
                    draft,
                    status,
                    to_send: !superseded && here.draft(kind).is_some() && sends(&here, kind),
                    here: true,
                });
            }
        }
    }
    for (id, entry) in journal.iter() {
        if seen.contains(&id) {
            continue;
        }
        for kind in [DraftKind::Reply, DraftKind::ThankYou] {
            if let Some(draft) = entry.draft(kind) {
                out.push(DraftRow {
                    id,
                    name: &draft.name,
                    url: &draft.url,
                    kind,
                    draft,
                    status: format!("{}, {elsewhere}{}", label(entry), marked(draft)),
                    to_send: entry
                        .to_send_elsewhere(absence)
                        .is_some_and(|(send, _)| send == kind),
                    here: false,
                });
            }
        }
    }
    // Oldest first: the reply drafted longest ago is the one to follow up.
    out.sort_by_key(|r| (r.draft.at, r.id));
    out
}

/// Writes every saved draft (reply or thank-you) with name, profile URL and
/// status; returns how many. `absence` tells what an invitation missing
/// from `invitations` means for its reply.
pub fn write_drafts(
    w: impl Write,
    format: DraftsFormat,
    invitations: &[Invitation],
    journal: &Journal,
    now: NaiveDateTime,
    absence: Absence,
) -> io::Result<usize> {
    write_drafts_since(w, format, invitations, journal, now, absence, None).map(|(n, _)| n)
}

/// [`write_drafts`] with only the drafts saved at `since` or later; returns
/// how many it wrote, and how many it left out as earlier.
pub fn write_drafts_since(
    mut w: impl Write,
    format: DraftsFormat,
    invitations: &[Invitation],
    journal: &Journal,
    now: NaiveDateTime,
    absence: Absence,
    since: Option<NaiveDateTime>,
) -> io::Result<(usize, usize)> {
    let mut rows = draft_rows(invitations, journal, now, absence);
    let all = rows.len();
    if let Some(from) = since {
        rows.retain(|r| r.draft.at >= from);
    }
    let earlier = all - rows.len();
    match format {
        DraftsFormat::Md => {
            match since {
                Some(from) => writeln!(
                    w,
                    "# Drafts ({}, saved from {} on)\n",
                    rows.len(),
                    since_shown(from)
                )?,
                None => writeln!(w, "# Drafts ({})\n", rows.len())?,
            }
            let unread = journal.unread_drafts();
            if rows.is_empty() && earlier > 0 {
                writeln!(w, "None saved since; {earlier} earlier, left out.")?;
            } else if rows.is_empty() && unread > 0 {
                // Saved, on rows this export could not read: not "none".
                writeln!(
                    w,
                    "None listed: {unread} saved draft{} {} on rows of this export that could not be read (the warnings name the lines).",
                    crate::text::plural(unread),
                    if unread == 1 { "is" } else { "are" }
                )?;
            } else if rows.is_empty() {
                writeln!(
                    w,
                    // No key named: `[keys]` may have moved the reply's.
                    "No saved drafts yet: open a reply or a thank-you on an invitation in the triage screen (its help names the keys), then Ctrl-S."
                )?;
            }
            for r in &rows {
                // An empty name in the export is `(no name)`, as everywhere
                // else; one the journal did not keep is not recorded.
                let name = match crate::text::one_line(r.name) {
                    n if n.is_empty() && r.here => crate::text::name_line(""),
                    n if n.is_empty() => "(name not recorded)".to_string(),
                    n => md_text(&n),
                };
                // Only the draft to send is a thing to do.
                let (check, not) = if r.to_send {
                    ("[ ] ", "")
                } else if r.draft.marked_sent.is_some() {
                    ("", "")
                } else {
                    ("", ", not to send")
                };
                // Edited since it was first saved: the checklist dates it
                // by its first version, which may have been sent.
                let first = r.draft.first_version();
                let since = if first.date() < r.draft.at.date() {
                    format!(", first {}", first.format("%Y-%m-%d"))
                } else {
                    String::new()
                };
                writeln!(
                    w,
                    "- {check}**{name}** · {} · {}{not} · drafted {}{since}{}\n",
                    r.kind.label(),
                    r.status,
                    r.draft.at.format("%Y-%m-%d %H:%M"),
                    if r.here {
                        md_link(r.url)
                    } else {
                        md_link_or(r.url, "no profile URL recorded")
                    }
                )?;
                md_quote(&mut w, &r.draft.text)?;
                writeln!(w)?;
            }
        }
        DraftsFormat::Csv => {
            let mut out = csv::Writer::from_writer(&mut w);
            out.write_record([
                "name",
                "profile_url",
                "kind",
                "status",
                "to_send",
                "drafted_at",
                "text",
                "id",
            ])
            .map_err(csv_io)?;
            for r in &rows {
                let at = r.draft.at.format("%Y-%m-%d %H:%M:%S").to_string();
                let id = r.id.to_string();
                let cells = [
                    r.name,
                    r.url,
                    r.kind.label(),
                    &r.status,
                    if r.to_send { "true" } else { "false" },
                    &at,
                    &r.draft.text,
                    &id,
                ];
                out.write_record(cells.iter().map(|c| spreadsheet_safe(c).into_owned()))
                    .map_err(csv_io)?;
            }
            out.flush()?;
        }
        DraftsFormat::Json => {
            // Structs, not `json!`: its maps sort their keys, and the
            // fields read best in this order.
            #[derive(serde::Serialize)]
            struct DraftJson<'a> {
                name: &'a str,
                profile_url: Option<&'a str>,
                kind: &'static str,
                status: &'a str,
                /// The draft its decision sends; a reply drafted before an
                /// accept, a thank-you to someone then ignored, or a reply
                /// to an invitation answered on LinkedIn since, is not.
                to_send: bool,
                drafted_at: NaiveDateTime,
                text: &'a str,
                id: String,
            }
            #[derive(serde::Serialize)]
            struct DraftsJson<'a> {
                count: usize,
                drafts: Vec<DraftJson<'a>>,
            }
            let drafts: Vec<DraftJson<'_>> = rows
                .iter()
                .map(|r| DraftJson {
                    name: r.name,
                    profile_url: url_or_none(r.url),
                    kind: r.kind.label(),
                    status: &r.status,
                    to_send: r.to_send,
                    drafted_at: r.draft.at,
                    text: &r.draft.text,
                    id: r.id.to_string(),
                })
                .collect();
            serde_json::to_writer_pretty(
                &mut w,
                &DraftsJson {
                    count: drafts.len(),
                    drafts,
                },
            )?;
            writeln!(w)?;
        }
    }
    // A buffered writer's own flush on drop would swallow a failed write.
    w.flush()?;
    Ok((rows.len(), earlier))
}
