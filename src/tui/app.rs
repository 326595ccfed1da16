//! The triage screen's state and its one place of change, [`App::update`].
//!
//! Keys become [`Action`]s (see `keys.rs`); `update` applies one and may hand
//! back an [`Effect`] for the terminal loop to carry out (open a URL, copy,
//! run `$EDITOR`, quit). Decisions go through the [`Journal`], which makes
//! them durable before `update` shows them as made.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDateTime};

use crate::classify::{Category, Signals, fold_accents};
use crate::invitation::{Direction, Invitation, InvitationId};
use crate::journal::{self, Decision, DraftKind, Journal, JournalError, Unsaved};
use crate::stats::{self, Breakdown, DirectionFilter};
use crate::text::{clean_text, name_line, plural};

use super::compose::Composer;
use super::keys::{Action, KeyContext, Keymap};
use super::line;

/// LinkedIn's page where pending invitations are accepted or ignored.
pub use crate::export::INVITATION_MANAGER_URL as INVITATION_MANAGER;

/// The tabs, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Customised,
    GreetingOnly,
    Default,
    All,
    Sent,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Customised,
        Tab::GreetingOnly,
        Tab::Default,
        Tab::All,
        Tab::Sent,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Customised => "Customised",
            Tab::GreetingOnly => "Greeting-only",
            Tab::Default => "Default",
            Tab::All => "All",
            Tab::Sent => "Sent",
        }
    }

    pub fn category(self) -> Option<Category> {
        match self {
            Tab::Customised => Some(Category::Customised),
            Tab::GreetingOnly => Some(Category::GreetingOnly),
            Tab::Default => Some(Category::Default),
            Tab::All | Tab::Sent => None,
        }
    }

    fn contains(self, inv: &Invitation) -> bool {
        match self {
            Tab::Sent => inv.direction == Direction::Outgoing,
            Tab::All => inv.direction == Direction::Incoming,
            _ => inv.direction == Direction::Incoming && Some(inv.category) == self.category(),
        }
    }
}

/// Which decisions the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    Undecided,
    Accepted,
    Ignored,
    Replied,
    All,
}

impl Filter {
    pub fn label(self) -> &'static str {
        match self {
            Filter::Undecided => "undecided",
            Filter::Accepted => "accepted",
            Filter::Ignored => "ignored",
            Filter::Replied => "replied",
            Filter::All => "all",
        }
    }

    fn next(self) -> Filter {
        match self {
            Filter::Undecided => Filter::Accepted,
            Filter::Accepted => Filter::Ignored,
            Filter::Ignored => Filter::Replied,
            Filter::Replied => Filter::All,
            Filter::All => Filter::Undecided,
        }
    }

    fn admits(self, d: Option<Decision>) -> bool {
        match self {
            Filter::Undecided => d.is_none(),
            Filter::Accepted => d == Some(Decision::Accepted),
            Filter::Ignored => d == Some(Decision::Ignored),
            Filter::Replied => d == Some(Decision::Replied),
            Filter::All => true,
        }
    }
}

/// `what: why`, and what to do about it when the user can.
fn not_saved(what: &str, e: &crate::journal::JournalError) -> String {
    match e.remedy() {
        Some(remedy) => format!("{what}: {e} · {remedy}, then press the key again"),
        None => format!("{what}: {e}"),
    }
}

/// A name as search compares it beside the text itself: as the list shows
/// it (no zero-width or bidirectional characters), full-width letters as
/// their plain forms (`ＦＵＬＬ`, NFKC), and accents aside (`zoe` finds Zoë).
fn as_searched(s: &str) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};
    // Nearly every name: only the accents to fold (this runs for each
    // row a search passes over).
    if !s.chars().any(crate::text::is_format_control)
        && is_nfkc_quick(s.chars()) == IsNormalized::Yes
    {
        return fold_accents(s);
    }
    let shown: String = s
        .chars()
        .filter(|&c| !crate::text::is_format_control(c))
        .nfkc()
        .collect();
    fold_accents(&shown)
}

/// What the screen is showing on top of (or instead of) the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    List,
    Help {
        scroll: u16,
    },
    /// The statistics screen, scrolled by `scroll` lines (it is taller than
    /// the smallest screens).
    Stats {
        scroll: u16,
    },
    Confirm(Bulk),
    Search,
    Compose,
    /// Writing a note of your own to grade before sending it (`w`).
    Check,
}

/// A bulk decision waiting for y/n.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bulk {
    pub decision: Decision,
    pub targets: Vec<u32>,
    /// "Ignore all 112 default invitations?"
    pub question: String,
    pub detail: String,
}

/// Something for the terminal loop to do outside the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Open `url` in the browser; `whose` says what it is, for the status
    /// line ("Kenji Jankowski's profile").
    OpenUrl {
        url: String,
        whose: String,
    },
    /// Copy this text; the label says what it is ("profile URL of Ana
    /// Lima", "draft").
    Copy {
        text: String,
        label: String,
    },
    /// Hand this text to `$VISUAL`/`$EDITOR` and send back `Action::EditorDone`.
    Editor(String),
    /// Clear the terminal and paint every cell again.
    Repaint,
}

/// The status line: what just happened, or what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
    /// What shows instead of `text` when the status line's lines cannot
    /// hold it whole: the same, saying where to read all of it.
    pub when_cut: Option<String>,
}

/// The rows matching a query, as [`App`] keeps them for `n` and `N`.
#[derive(Debug)]
struct SearchHits {
    query: String,
    /// Positions in the list's rows, ascending.
    at: Vec<u32>,
}

/// Decision counts for one group (of received invitations: `withdrawn`
/// stays 0) or for the sent ones (only `withdrawn` counts).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DecisionCounts {
    pub accepted: usize,
    pub ignored: usize,
    pub replied: usize,
    pub withdrawn: usize,
}

impl DecisionCounts {
    pub fn decided(&self) -> usize {
        self.accepted + self.ignored + self.replied + self.withdrawn
    }
    fn slot(&mut self, d: Decision) -> &mut usize {
        match d {
            Decision::Accepted => &mut self.accepted,
            Decision::Ignored => &mut self.ignored,
            Decision::Replied => &mut self.replied,
            Decision::Withdrawn => &mut self.withdrawn,
        }
    }
}

/// Everything the app needs to start.
pub struct AppInit {
    pub source_name: String,
    pub invitations: Vec<Invitation>,
    pub journal: Journal,
    pub keymap: Keymap,
    pub now: NaiveDateTime,
    /// Your name, for reply templates.
    pub my_name: Option<String>,
    pub templates: crate::reply::Templates,
    pub stale_after_days: u32,
    pub note_limit: usize,
    pub classifier: crate::classify::Classifier,
    /// Lines to show once at start (torn journal line, skipped rows…).
    pub notices: Vec<String>,
    /// False under `NO_COLOR`.
    pub color: bool,
    /// Record decisions at `now` rather than the wall clock (tests, demos).
    pub frozen_clock: bool,
}

/// A step on more invitations than this is undone only when the undo key
/// is pressed twice: one press asks first.
pub const UNDO_ASKS_ABOVE: usize = 10;

/// The state of the triage screen.
pub struct App {
    pub source_name: String,
    /// No invitation has profile URLs (an older export): invitations are
    /// matched to decisions by name and date.
    pub without_urls: bool,
    pub invitations: Vec<Invitation>,
    pub now: NaiveDateTime,
    pub keymap: Keymap,
    pub journal: Journal,
    /// The breakdown of incoming invitations, for the header and stats.
    pub incoming: Breakdown,
    pub outgoing: Breakdown,
    /// Each invitation's current decision, mirrored from the journal.
    pub decisions: Vec<Option<Decision>>,
    /// Decision counts per group, in `Category::ALL` order.
    pub counts: [DecisionCounts; 3],
    /// The decisions on the invitations you sent (withdrawals).
    pub sent_counts: DecisionCounts,
    start_sent_counts: DecisionCounts,
    /// Each invitation's decision at start, to tell on leaving how many
    /// were decided and how many undone (a net count hid both).
    start_decisions: Vec<Option<Decision>>,
    /// The thank-yous saved in this run, by invitation (for the farewell:
    /// a thank-you changes no decision); one undone since no longer
    /// matches the journal's.
    thanks_saved: Vec<(u32, String)>,
    /// Replies saved in this run over one replied to before it, with their
    /// text: edits, which the quit summary counts (a new reply is a
    /// decision, and counted as one).
    replies_edited: Vec<(u32, String)>,
    /// Undone drafts discarded in this run over a saved one, by invitation,
    /// kind and text: the composer then opens on the saved draft, as the
    /// discard said ("the saved draft stays"). An undone draft of other
    /// words (a later undo) is offered again.
    set_aside: Vec<(u32, DraftKind, String)>,
    /// The last key asked whether to undo a large step (see
    /// [`UNDO_ASKS_ABOVE`]); the undo key again undoes it.
    undo_asked: bool,
    id_index: HashMap<InvitationId, u32>,
    /// The later rows of ids that occur more than once (a re-sent invitation
    /// with a new note shares its id): rare, so kept apart from `id_index`.
    id_repeats: HashMap<InvitationId, Vec<u32>>,
    /// Members of each tab (indices into `invitations`), sorted for reading.
    pub tab_members: [Vec<u32>; 5],
    pub tab: usize,
    /// The row each tab was left on (an invitation index), to come back to.
    tab_position: [Option<u32>; 5],
    pub filter: Filter,
    /// The rows of the list: the current tab's members that the filter
    /// admits, in the tab's order, and those it no longer admits but that
    /// stay in view (decided a moment ago, or brought back by an undo or
    /// a recovered draft) until the list is drawn up again.
    pub rows: Vec<u32>,
    pub cursor: usize,
    pub offset: usize,
    pub marked: Vec<bool>,
    pub marked_count: usize,
    pub mode: Mode,
    pub query: String,
    /// Where the search line's cursor is: a byte offset into `query`, at a
    /// grapheme boundary (see [`super::line`]).
    pub query_at: usize,
    /// While typing a search: nothing in the list matches the query.
    pub search_missed: bool,
    search_origin: usize,
    /// The rows matching the kept search (positions in `rows`, in order),
    /// for "match 3 of 7" on `n` and `N`: found once per query and list,
    /// not by a scan on every key. `None` when the list or query changed.
    search_hits: Option<SearchHits>,
    pub status: Option<Status>,
    pub size: (u16, u16),
    /// How far the detail pane is scrolled, and for which invitation (any
    /// other shows from its top).
    pub detail_scroll: (u32, u16),
    pub composer: Option<Composer>,
    /// The unsaved draft on disk that mirrors the composer's text.
    kept_unsaved: Option<(InvitationId, DraftKind)>,
    /// The row the last step acted on, when the cursor moved on from it
    /// (an accept, a saved draft, a withdraw mark): the keys that act on
    /// LinkedIn's side right after it (`o`, `y`, `c`, and `t` after an
    /// accept) are for that row, which the status line names, not the next.
    just_done: Option<u32>,
    /// The statistics screen's scroll, when the help was opened over it:
    /// leaving the help goes back there, not to the list.
    help_over_stats: Option<u16>,
    /// The note being graded on the check screen.
    pub check_pad: Option<super::undo::Pad>,
    /// Whom that note is for (the Sent tab's recipient), for greetings.
    pub check_to: String,
    /// The template a "Replace your words?" question is about, for a `y`.
    asked_template: Option<usize>,
    pub my_name: Option<String>,
    pub templates: crate::reply::Templates,
    pub stale_after_days: u32,
    pub note_limit: usize,
    pub classifier: crate::classify::Classifier,
    pub notices: Vec<String>,
    pub color: bool,
    frozen_clock: bool,
    /// Sent invitations pending past `stale_after_days` (fixed at start).
    pub stale_count: usize,
    /// The badges each tab's rows carry, as a set: bit `signals | old << 4`
    /// for the signals' bits and whether a sent one is old. They are fixed
    /// once loaded, so the list sizes its badge column to the tab, not to
    /// the rows in view (which would shift it while scrolling).
    pub badge_kinds: [u32; 5],
}

impl App {
    pub fn new(init: AppInit) -> App {
        let AppInit {
            source_name,
            invitations,
            journal,
            keymap,
            now,
            my_name,
            templates,
            stale_after_days,
            note_limit,
            classifier,
            notices,
            color,
            frozen_clock,
        } = init;
        let incoming = stats::breakdown(&invitations, DirectionFilter::Incoming);
        let outgoing = stats::breakdown(&invitations, DirectionFilter::Outgoing);
        let mut id_index = HashMap::with_capacity(invitations.len());
        let mut id_repeats: HashMap<InvitationId, Vec<u32>> = HashMap::new();
        for (i, inv) in invitations.iter().enumerate() {
            match id_index.entry(inv.id) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(i as u32);
                }
                std::collections::hash_map::Entry::Occupied(_) => {
                    id_repeats.entry(inv.id).or_default().push(i as u32);
                }
            }
        }
        let mut tab_members: [Vec<u32>; 5] = Default::default();
        for (t, tab) in Tab::ALL.iter().enumerate() {
            let mut m: Vec<u32> = (0..invitations.len() as u32)
                .filter(|&i| tab.contains(&invitations[i as usize]))
                .collect();
            // Newest first; in Customised, notes that do not sell come first.
            m.sort_by(|&a, &b| {
                let (a, b) = (&invitations[a as usize], &invitations[b as usize]);
                let pa = a.signals.contains(Signals::PITCH);
                let pb = b.signals.contains(Signals::PITCH);
                let pitch_order = if *tab == Tab::Customised {
                    pa.cmp(&pb)
                } else {
                    std::cmp::Ordering::Equal
                };
                pitch_order.then(b.sent_at.cmp(&a.sent_at))
            });
            tab_members[t] = m;
        }
        let n = invitations.len();
        let mut app = App {
            without_urls: !invitations.is_empty()
                && invitations
                    .iter()
                    .all(|i| i.inviter_url().is_empty() && i.invitee_url().is_empty()),
            source_name,
            invitations,
            now,
            keymap,
            journal,
            incoming,
            outgoing,
            decisions: vec![None; n],
            counts: Default::default(),
            sent_counts: Default::default(),
            start_sent_counts: Default::default(),
            start_decisions: Vec::new(),
            thanks_saved: Vec::new(),
            set_aside: Vec::new(),
            undo_asked: false,
            replies_edited: Vec::new(),
            id_index,
            id_repeats,
            tab_members,
            tab: 0,
            tab_position: [None; 5],
            filter: Filter::Undecided,
            rows: Vec::new(),
            cursor: 0,
            offset: 0,
            marked: vec![false; n],
            marked_count: 0,
            mode: Mode::List,
            query: String::new(),
            query_at: 0,
            search_missed: false,
            search_origin: 0,
            search_hits: None,
            status: None,
            size: (80, 24),
            detail_scroll: (0, 0),
            composer: None,
            kept_unsaved: None,
            just_done: None,
            help_over_stats: None,
            check_pad: None,
            check_to: String::new(),
            asked_template: None,
            my_name,
            templates,
            stale_after_days,
            note_limit,
            classifier,
            notices,
            color,
            frozen_clock,
            stale_count: 0,
            badge_kinds: [0; 5],
        };
        // One pass in the list's own order (the tabs' orders would jump
        // about a million rows): the stale ones, and each tab's badges.
        let mut badge_kinds = [0u32; 5];
        for inv in &app.invitations {
            let stale = app.is_stale(inv);
            app.stale_count += usize::from(stale);
            let kind = 1 << (u32::from(inv.signals.bits()) | u32::from(stale) << 4);
            // Its own tab, and All for a received one.
            badge_kinds[home_tab(inv)] |= kind;
            if inv.direction == Direction::Incoming {
                badge_kinds[3] |= kind;
            }
        }
        app.badge_kinds = badge_kinds;
        let all: Vec<u32> = (0..n as u32).collect();
        app.sync_decisions(&all);
        // Open on the first group with undecided invitations, customised
        // first; on your sent ones when nobody has invited you.
        let received = app.tab_members[3].len();
        let sent = app.tab_members[4].len();
        app.tab = (0..3)
            .find(|&t| {
                app.tab_members[t]
                    .iter()
                    .any(|&i| app.decisions[i as usize].is_none())
            })
            .unwrap_or(if received == 0 && sent > 0 { 4 } else { 3 });
        app.rebuild_rows(None);
        app.note_arrived_since();
        app.note_invited_again();
        app.note_unsaved_elsewhere();
        if let Some(first) = app.notices.first() {
            // The status line may cut a long note short; the help shows
            // every one whole, and the line says so first when it is cut
            // (a note that fits is not said to be cut) or when more wait.
            let help = app.keymap.hint(&Action::Help);
            app.status = Some(match app.notices.len() {
                1 => Status {
                    text: format!("A note: {first}"),
                    error: false,
                    when_cut: Some(format!("A note ({help} shows it whole): {first}")),
                },
                n => Status {
                    text: format!("{n} notes ({help} shows them): {first}"),
                    error: false,
                    when_cut: None,
                },
            });
        }
        app.recover_unsaved();
        app.start_sent_counts = app.sent_counts;
        app.start_decisions = app.decisions.clone();
        app
    }

    /// What to say on leaving, when this run changed a decision: how many
    /// were made, and where the inbox stands.
    pub fn farewell(&self) -> Option<String> {
        // Drafts saved in this run and not undone since, each invitation
        // once.
        let still = |saved: &[(u32, String)], kind: DraftKind| {
            let mut held: Vec<u32> = saved
                .iter()
                .filter(|(i, text)| {
                    self.journal
                        .state(self.invitations[*i as usize].id)
                        .and_then(|e| e.draft(kind))
                        .is_some_and(|d| d.text == *text)
                })
                .map(|(i, _)| *i)
                .collect();
            held.sort_unstable();
            held.dedup();
            held.len()
        };
        let thanked = still(&self.thanks_saved, DraftKind::ThankYou);
        let edited = still(&self.replies_edited, DraftKind::Reply);
        if self.decisions == self.start_decisions && thanked == 0 && edited == 0 {
            return None;
        }
        let sum = |c: &[DecisionCounts; 3]| {
            c.iter()
                .fold(DecisionCounts::default(), |a, d| DecisionCounts {
                    accepted: a.accepted + d.accepted,
                    ignored: a.ignored + d.ignored,
                    replied: a.replied + d.replied,
                    withdrawn: a.withdrawn + d.withdrawn,
                })
        };
        let now = sum(&self.counts);
        // Received and sent apart: "2 decided" for two withdrawals read as
        // two of the received ones, beside "0 of 135 decided".
        // Each received invitation against its decision at start: 7 made
        // and 213 undone is not "206 undone".
        let (mut made, mut undone, mut changed) = (0, 0, 0);
        for (i, (was, is)) in self.start_decisions.iter().zip(&self.decisions).enumerate() {
            if self.invitations[i].direction != Direction::Incoming {
                continue;
            }
            match (was, is) {
                (None, Some(_)) => made += 1,
                (Some(_), None) => undone += 1,
                (Some(a), Some(b)) if a != b => changed += 1,
                _ => {}
            }
        }
        let mut parts = Vec::new();
        if made > 0 {
            parts.push(format!("{made} decided"));
        }
        if changed > 0 {
            parts.push(format!("{changed} changed"));
        }
        if undone > 0 {
            parts.push(format!("{undone} decision{} undone", plural(undone)));
        }
        if thanked > 0 {
            parts.push(format!("{thanked} thank-you{} saved", plural(thanked)));
        }
        if edited > 0 {
            parts.push(format!(
                "{edited} repl{} edited",
                if edited == 1 { "y" } else { "ies" }
            ));
        }
        let (sent, was) = (self.sent_counts.withdrawn, self.start_sent_counts.withdrawn);
        match sent.cmp(&was) {
            Ordering::Greater => parts.push(format!(
                "{} sent invitation{} marked to withdraw",
                sent - was,
                plural(sent - was)
            )),
            Ordering::Less => parts.push(format!(
                "{} withdrawal{} undone",
                was - sent,
                plural(was - sent)
            )),
            Ordering::Equal => {}
        }
        let session = format!("{} this session", crate::text::and_list(&parts));
        let withdraw = match self.sent_counts.withdrawn {
            0 => String::new(),
            n => format!("; {n} sent invitation{} to withdraw in all", plural(n)),
        };
        // An export of sent invitations alone has no received ones to count.
        let received = match self.incoming.total {
            0 => String::new(),
            total => format!(
                "; {} of {total} received invitations decided ({} accepted, {} ignored, {} replied)",
                now.decided(),
                now.accepted,
                now.ignored,
                now.replied
            ),
        };
        Some(format!("{session}{received}{withdraw}."))
    }

    /// What to say on leaving (a key, a SIGTERM or a hang-up) about words
    /// not saved in the journal, each a message for standard error:
    ///
    /// - a changed draft open (Ctrl-C, q in a shrunk composer, a signal) is
    ///   made durable (its file is not fsync'd on every key) and said to be
    ///   kept; one the disk does not take, even now, is printed instead,
    ///   under a line saying whose it is (a signal does not ask first, as
    ///   quitting does);
    /// - so is the check pad's note;
    /// - a discarded draft whose file could not be removed (tried again
    ///   now) would come back.
    pub fn unsaved_farewell(&mut self) -> Vec<String> {
        let mut words = Vec::new();
        if let Some(draft) = self.open_unsaved() {
            let (id, kind, text) = (draft.id, draft.kind, draft.text.clone());
            let name = self.name_of(id, "");
            // The disk may take it now (space freed since): a last try.
            let kept = if self.draft_on_disk() {
                Ok(())
            } else {
                self.kept_unsaved = Some((id, kind));
                self.journal.keep_unsaved(draft)
            };
            words.push(match kept.and_then(|()| self.journal.sync_unsaved(id, kind)) {
                Ok(()) => format!(
                    "your {} to {name} is kept, not saved: the next start opens it again",
                    kind.label()
                ),
                Err(e) => format!(
                    "your {} to {name} is not saved, and cannot be kept on disk ({e}); here it is:\n{text}",
                    kind.label()
                ),
            });
        }
        if let Some(pad) = &self.check_pad {
            let text = pad.lines().join("\n");
            if !text.trim().is_empty() {
                let kept = self
                    .journal
                    .keep_check_note(&text)
                    .and_then(|()| self.journal.sync_check_note());
                if let Err(e) = kept {
                    words.push(format!(
                        "the check pad's note cannot be kept on disk ({e}); here it is:\n{text}"
                    ));
                }
            }
        }
        for (draft, e) in self.journal.remove_unremoved() {
            let name = self.name_of(draft.id, &draft.name);
            let (path, why) = match &e {
                JournalError::Io { path, source, .. } => (path.display().to_string(), source),
                _ => continue,
            };
            words.push(format!(
                "your discarded {} to {name} is still in {path}, which cannot be removed: {why}; the next start offers it again: remove it by hand",
                draft.kind.label()
            ));
        }
        words
    }

    /// The name of the person invitation `id` is with, as a line; `or`
    /// (kept with a draft) when it is not in this export.
    fn name_of(&self, id: InvitationId, or: &str) -> String {
        match self.id_index.get(&id) {
            Some(&i) => name_line(self.invitations[i as usize].counterpart()),
            None => name_line(or),
        }
    }

    /// Whether the composer's changed draft is on disk as it reads now (it
    /// may not be: the data folder full or read-only).
    fn draft_on_disk(&self) -> bool {
        let Some(c) = &self.composer else {
            return false;
        };
        let id = self.invitations[c.index as usize].id;
        match c.changed_text() {
            Some(text) => self
                .journal
                .unsaved(id, c.kind())
                .is_some_and(|u| u.text == text),
            None => false,
        }
    }

    /// Decisions in the journal for invitations not in this export (see
    /// [`Journal::decided_elsewhere`]).
    pub fn decided_elsewhere(&self) -> usize {
        self.journal
            .decided_elsewhere(|id| self.id_index.contains_key(id))
    }

    /// Of [`App::decided_elsewhere`], the sent invitations marked to
    /// withdraw (withdrawn on LinkedIn, they leave the export too).
    pub fn withdrawn_elsewhere(&self) -> usize {
        self.journal
            .iter()
            .filter(|(id, e)| {
                e.decision() == Some(Decision::Withdrawn) && !self.id_index.contains_key(id)
            })
            .count()
    }

    /// A newer export, a week on: the invitations that came after the
    /// last decision or draft are the news, and a note says how many.
    fn note_arrived_since(&mut self) {
        let last = self
            .journal
            .iter()
            .flat_map(|(_, e)| {
                e.decided_at()
                    .into_iter()
                    .chain(e.reply.iter().chain(&e.thank_you).map(|d| d.at))
            })
            .max();
        let Some(last) = last else { return };
        let new = self
            .invitations
            .iter()
            .filter(|i| {
                i.direction == Direction::Incoming
                    && i.sent_at > last
                    && self.journal.state(i.id).is_none()
            })
            .count();
        if new > 0 {
            self.notices.push(format!(
                "{new} invitation{} came after your last step ({})",
                plural(new),
                last.format("%-d %b %Y")
            ));
        }
    }

    /// Says which invitations came after a decision on an earlier one
    /// between the same two people: the decision no longer holds, and the
    /// invitation waits with the undecided ones (see
    /// [`crate::journal::Decided::predates`]).
    fn note_invited_again(&mut self) {
        // The journal holds the user's decisions, far fewer than the rows.
        let mut again: Vec<(NaiveDateTime, u32)> = self
            .journal
            .iter()
            .filter_map(|(id, _)| {
                let i = *self.id_index.get(&id)?;
                let inv = &self.invitations[i as usize];
                self.journal.earlier(inv, self.now)?;
                Some((inv.sent_at, i))
            })
            .collect();
        if again.is_empty() {
            return;
        }
        again.sort_unstable();
        let names: Vec<String> = again
            .iter()
            .rev()
            .take(3)
            .map(|&(_, i)| name_line(self.invitations[i as usize].counterpart()))
            .collect();
        let more = again.len() - names.len();
        let mut who = names.join(", ");
        if more > 0 {
            who.push_str(&format!(" and {more} more"));
        }
        let first = &self.invitations[again[0].1 as usize];
        let earlier = self.journal.earlier(first, self.now).map(|d| d.decision);
        self.notices.push(match (again.len(), first.direction, earlier) {
            (1, Direction::Outgoing, _) => format!(
                "You invited {who} again after withdrawing: pending again, not to withdraw"
            ),
            (1, _, Some(d)) => {
                let to = if d == Decision::Replied { " to" } else { "" };
                format!(
                    "{who} invited you again after you {}{to} them: undecided again",
                    d.label()
                )
            }
            (n, _, _) => format!(
                "{n} invitations came after your decision on an earlier one ({who}): undecided again"
            ),
        });
    }

    /// Unsaved drafts left for invitations not in this export (another
    /// export, or the sample) are a note from loading: they stay on disk.
    fn note_unsaved_elsewhere(&mut self) {
        let mut names: Vec<&str> = Vec::new();
        let mut elsewhere = 0;
        for u in self.journal.unsaved_drafts() {
            if self.id_index.contains_key(&u.id) {
                continue;
            }
            elsewhere += 1;
            // A reply and a thank-you to one person name them once.
            if !names.contains(&u.name.as_str()) {
                names.push(u.name.as_str());
            }
        }
        if elsewhere > 0 {
            let (what, whose) = if elsewhere == 1 {
                ("1 unsaved draft", "belongs to an invitation")
            } else {
                (
                    &*format!("{elsewhere} unsaved drafts"),
                    "belong to invitations",
                )
            };
            // First of the notes: words are at stake. An export made
            // after an accept on LinkedIn no longer holds the invitation,
            // so the one it was written on is the way back to it.
            self.notices.insert(
                0,
                format!(
                    "{what} from an earlier run (to {}) {whose} not in this export: open the export {} written on to finish {} (the text is kept in {})",
                    crate::text::some_names(&names),
                    if elsewhere == 1 { "it was" } else { "each was" },
                    if elsewhere == 1 { "it" } else { "them" },
                    self.journal.unsaved_dir().display()
                ),
            );
        }
    }

    /// Opens the composer on the newest unsaved draft an earlier run left
    /// for an invitation in this export, and says so. The others stay on
    /// disk, and `r` (or `t`) on their invitation opens each.
    fn recover_unsaved(&mut self) {
        let mut found: Vec<(NaiveDateTime, u32, DraftKind)> = self
            .journal
            .unsaved_drafts()
            .filter_map(|u| Some((u.at, *self.id_index.get(&u.id)?, u.kind)))
            .collect();
        found.sort_unstable_by_key(|&(at, idx, _)| std::cmp::Reverse((at, idx)));
        let Some(&(at, idx, kind)) = found.first() else {
            return;
        };
        // The list under the composer on its invitation, for when it
        // closes (c, o, the next decision).
        self.show(idx);
        self.compose(idx, kind);
        let name = name_line(self.invitations[idx as usize].counterpart());
        let what = match kind {
            DraftKind::Reply => "reply to",
            DraftKind::ThankYou => "thank-you to",
        };
        let mut text = format!(
            "Recovered your unsaved {what} {name} ({}): Ctrl-S saves it",
            at.format("%-d %b, %H:%M")
        );
        let more = found.len() - 1;
        if more > 0 {
            // Whose, and the key of each kind: a thank-you opens with t.
            let rest = &found[1..];
            // A reply and a thank-you to one person name them once.
            let mut names: Vec<String> = Vec::new();
            for &(_, i, _) in rest {
                let name = name_line(self.invitations[i as usize].counterpart());
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let keys = match (
                rest.iter().any(|f| f.2 == DraftKind::Reply),
                rest.iter().any(|f| f.2 == DraftKind::ThankYou),
            ) {
                (true, true) => format!(
                    "{} or {}",
                    self.keymap.hint(&Action::Reply),
                    self.keymap.hint(&Action::ThankYou)
                ),
                (false, true) => self.keymap.hint(&Action::ThankYou),
                _ => self.keymap.hint(&Action::Reply),
            };
            text.push_str(&format!(
                " · {more} more unsaved draft{} (to {}: {keys} on their invitation opens {})",
                plural(more),
                crate::text::some_names(&names),
                if more == 1 { "it" } else { "each" }
            ));
        }
        // The notes from loading stay one key away.
        if !self.notices.is_empty() {
            text.push_str(&format!(
                " · notes: {} shows them",
                self.keymap.hint(&Action::Help)
            ));
        }
        self.set_status(text);
    }

    /// The invitation under the cursor.
    pub fn current(&self) -> Option<&Invitation> {
        self.rows
            .get(self.cursor)
            .map(|&i| &self.invitations[i as usize])
    }

    fn current_index(&self) -> Option<u32> {
        self.rows.get(self.cursor).copied()
    }

    pub fn current_tab(&self) -> Tab {
        Tab::ALL[self.tab]
    }

    /// How many of tab `i`'s invitations the filter lets through, from the
    /// decision counts (no scan: the tab bar is drawn on every key). The
    /// Sent tab has no filter.
    pub fn tab_shown(&self, i: usize) -> usize {
        let members = self.tab_members[i].len();
        let counts = match Tab::ALL[i] {
            Tab::Sent => return members,
            Tab::All => self
                .counts
                .iter()
                .fold(DecisionCounts::default(), |a, d| DecisionCounts {
                    accepted: a.accepted + d.accepted,
                    ignored: a.ignored + d.ignored,
                    replied: a.replied + d.replied,
                    withdrawn: a.withdrawn + d.withdrawn,
                }),
            tab => match tab.category() {
                Some(c) => self.counts[cat_index(c)],
                None => return members,
            },
        };
        match self.filter {
            Filter::Undecided => members.saturating_sub(counts.decided()),
            Filter::Accepted => counts.accepted,
            Filter::Ignored => counts.ignored,
            Filter::Replied => counts.replied,
            Filter::All => members,
        }
    }

    /// Undecided incoming invitations, and all incoming ones.
    pub fn progress(&self) -> (usize, usize) {
        let decided = self.counts.iter().map(DecisionCounts::decided).sum();
        (decided, self.incoming.total)
    }

    /// The key context for the current mode.
    pub fn key_context(&self) -> KeyContext {
        // On a screen too small to draw, the list's keys: q and Ctrl-C
        // quit (a draft being written is on disk already); the rest are
        // dropped by `apply`. While a text is being typed, q is a letter
        // of it, not quit: only Ctrl-C quits.
        if self.too_small() {
            return if self.typing() {
                KeyContext::Compose
            } else {
                KeyContext::List
            };
        }
        match self.mode {
            Mode::List => KeyContext::List,
            Mode::Search => KeyContext::Search,
            Mode::Confirm(_) => KeyContext::Confirm,
            Mode::Compose | Mode::Check => KeyContext::Compose,
            Mode::Help { .. } | Mode::Stats { .. } => KeyContext::Overlay,
        }
    }

    /// How far the current invitation's detail pane is scrolled.
    pub fn detail_scroll(&self) -> u16 {
        match (self.current_index(), self.detail_scroll) {
            (Some(i), (j, rows)) if i == j => rows,
            _ => 0,
        }
    }

    /// Scrolls the detail pane by `by` rows, within what it hides.
    fn scroll_detail(&mut self, by: i32) {
        let Some(i) = self.current_index() else {
            return;
        };
        let hidden = super::view::detail_hidden(self);
        if hidden == 0 {
            self.set_status("The whole note is shown");
            return;
        }
        let now = i32::from(self.detail_scroll());
        let to = (now + by).clamp(0, i32::try_from(hidden).unwrap_or(i32::MAX));
        self.detail_scroll = (i, u16::try_from(to).unwrap_or(u16::MAX));
    }

    /// How many list rows fit on screen.
    pub fn list_height(&self) -> usize {
        super::view::list_height(self.size.0, self.size.1)
    }

    /// Re-reads the decisions of the given invitations from the journal and
    /// updates the counts by the difference.
    fn sync_decisions(&mut self, indices: &[u32]) {
        for &i in indices {
            let inv = &self.invitations[i as usize];
            let new = self.journal.decided(inv, self.now).map(|d| d.decision);
            let old = std::mem::replace(&mut self.decisions[i as usize], new);
            if old == new {
                continue;
            }
            let counts = match inv.direction {
                Direction::Incoming => &mut self.counts[cat_index(inv.category)],
                Direction::Outgoing => &mut self.sent_counts,
            };
            if let Some(o) = old {
                *counts.slot(o) -= 1;
            }
            if let Some(n) = new {
                *counts.slot(n) += 1;
            }
        }
    }

    fn indices_of(&self, ids: &[InvitationId]) -> Vec<u32> {
        let mut out: Vec<u32> = ids
            .iter()
            .filter_map(|id| self.id_index.get(id).copied())
            .collect();
        if !self.id_repeats.is_empty() {
            for id in ids {
                out.extend(self.id_repeats.get(id).into_iter().flatten());
            }
        }
        out
    }

    /// The filter the list is drawn with: the Sent tab lists every one.
    fn list_filter(&self) -> Filter {
        if self.current_tab() == Tab::Sent {
            Filter::All
        } else {
            self.filter
        }
    }

    /// Rebuilds the rows for the current tab and filter, keeping the cursor on
    /// `keep` (an invitation index) when it is still listed, else on the row
    /// that followed it.
    fn rebuild_rows(&mut self, keep: Option<u32>) {
        let filter = self.list_filter();
        // Refilled in place: a fresh list of a million rows would be fresh
        // memory, and touching its pages cost more than the filtering.
        self.rows.clear();
        self.search_hits = None;
        let members = &self.tab_members[self.tab];
        let admitted = |i: &u32| filter.admits(self.decisions[*i as usize]);
        self.rows.extend(members.iter().copied().filter(admitted));
        self.cursor = match keep {
            None => 0,
            Some(k) => match self.rows.iter().position(|&i| i == k) {
                Some(r) => r,
                // Gone from the list: the row that followed it, after as
                // many rows as the list keeps of those before it.
                None => members
                    .iter()
                    .position(|&i| i == k)
                    .map_or(0, |p| members[..p].iter().filter(|i| admitted(i)).count()),
            },
        };
        self.offset = 0;
        self.scroll_to_cursor();
    }

    fn scroll_to_cursor(&mut self) {
        let h = self.list_height().max(1);
        if self.cursor >= self.rows.len() {
            self.cursor = self.rows.len().saturating_sub(1);
        }
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + h {
            self.offset = self.cursor + 1 - h;
        }
        let max_offset = self.rows.len().saturating_sub(h);
        self.offset = self.offset.min(max_offset);
    }

    fn move_to(&mut self, cursor: usize) {
        self.cursor = cursor.min(self.rows.len().saturating_sub(1));
        self.scroll_to_cursor();
    }

    fn set_status(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
            when_cut: None,
        });
    }

    fn set_error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
            when_cut: None,
        });
    }

    /// Applies one action. The only place the app's state changes.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        // The question about a large undo is answered by the next key:
        // the undo key again, or anything else, which keeps the step.
        if !matches!(
            action,
            Action::Undo | Action::Resize(..) | Action::Redraw | Action::Status(..)
        ) {
            self.undo_asked = false;
        }
        // The disk may take the draft or the note now (space freed since):
        // tried again before quitting is refused for their sake.
        if action == Action::Quit {
            self.keep_unsaved_draft();
            self.keep_check_note();
        }
        let effect = self.apply(action);
        self.keep_unsaved_draft();
        self.keep_check_note();
        effect
    }

    /// Whether the check pad's note (if any) is the one on disk.
    fn check_note_on_disk(&self) -> bool {
        let Some(pad) = &self.check_pad else {
            return true;
        };
        let text = pad.lines().join("\n");
        let text = if text.trim().is_empty() { "" } else { &text };
        self.journal.check_note().unwrap_or_default() == text
    }

    /// Mirrors the check pad's note on disk, so that it outlives the pad,
    /// a closed terminal and a restart.
    fn keep_check_note(&mut self) {
        let Some(pad) = &self.check_pad else { return };
        let text = pad.lines().join("\n");
        let text = if text.trim().is_empty() { "" } else { &text };
        // The action's own error, if it set one, says more just now.
        if let Err(e) = self.journal.keep_check_note(text)
            && !self.status.as_ref().is_some_and(|s| s.error)
        {
            let remedy = e.remedy().map(|r| format!(" · or {r}")).unwrap_or_default();
            self.set_error(format!(
                "Copy the note with Ctrl-Y: it cannot be kept on disk ({e}){remedy}"
            ));
        }
    }

    /// Mirrors the composer's draft on disk while it differs from what the
    /// composer opened with, so that a closed terminal, a kill or a crash
    /// does not take it; removes it once saved, discarded or unchanged.
    fn keep_unsaved_draft(&mut self) {
        let result = match self.open_unsaved() {
            Some(draft) => {
                self.kept_unsaved = Some((draft.id, draft.kind));
                if self
                    .journal
                    .unsaved(draft.id, draft.kind)
                    .is_some_and(|u| u.text == draft.text)
                {
                    return;
                }
                self.journal.keep_unsaved(draft)
            }
            None => match self.kept_unsaved.take() {
                Some((id, kind)) => match self.journal.forget_unsaved(id, kind) {
                    // Not a draft that cannot be kept: one discarded (or
                    // back as it opened) that would come back.
                    Err(JournalError::Io { path, source, .. }) => {
                        let what = if self.composer.is_some() {
                            "The draft is back as it opened"
                        } else {
                            "Draft discarded"
                        };
                        self.set_error(format!(
                            "{what}, but its unsaved copy {} could not be removed: {source}; the next start would offer it again: remove it by hand",
                            path.display()
                        ));
                        return;
                    }
                    other => other,
                },
                None => return,
            },
        };
        // The action's own error, if it set one, says more just now.
        if let Err(e) = result
            && !self.status.as_ref().is_some_and(|s| s.error)
        {
            // Saving needs the disk too: on a full one, copying is the
            // way to keep the words until there is room.
            self.set_error(match e.remedy() {
                Some(remedy) => format!(
                    "The draft cannot be kept on disk as you write ({e}) · {remedy}, then Ctrl-S saves it; Ctrl-Y copies it meanwhile"
                ),
                None => format!(
                    "Save with Ctrl-S: the draft cannot be kept on disk as you write ({e})"
                ),
            });
        }
    }

    /// The composer's draft as an unsaved one to keep, while it differs
    /// from what the composer opened with.
    fn open_unsaved(&self) -> Option<Unsaved> {
        let c = self.composer.as_ref()?;
        let text = c.changed_text()?;
        let inv = &self.invitations[c.index as usize];
        let cursor = c.editor.cursor();
        Some(Unsaved {
            id: inv.id,
            kind: c.kind(),
            name: inv.counterpart().to_string(),
            at: self.now_for_journal(),
            text,
            cursor: Some([cursor.0, cursor.1].map(|n| u32::try_from(n).unwrap_or(u32::MAX))),
        })
    }

    /// Whether keys are going into a text: a draft, the check pad's note,
    /// the search line.
    pub fn typing(&self) -> bool {
        matches!(self.mode, Mode::Compose | Mode::Check | Mode::Search)
    }

    /// Whether the screen is too small to draw anything but a request to
    /// enlarge it.
    pub fn too_small(&self) -> bool {
        let (w, h) = self.size;
        w < super::view::MIN_WIDTH || h < super::view::MIN_HEIGHT
    }

    fn apply(&mut self, action: Action) -> Option<Effect> {
        // Nothing the user cannot see is done: on a screen too small to
        // draw, a key would decide or type blind.
        if self.too_small()
            && !matches!(
                action,
                Action::Resize(..) | Action::Status(..) | Action::EditorDone(_) | Action::Quit
            )
        {
            return None;
        }
        // For the keys right after the step: opening, copying and the
        // reports they send back keep it; any other key ends it.
        let just_done = if matches!(
            action,
            Action::Status(..)
                | Action::Resize(..)
                | Action::OpenProfile
                | Action::CopyUrl
                | Action::CopyDraft
        ) {
            self.just_done
        } else {
            self.just_done.take()
        };
        let target = just_done.or(self.current_index());
        // A new key clears the last message, except the ones that report on
        // something the loop just did.
        if !matches!(
            action,
            Action::Status(..) | Action::Resize(..) | Action::EditorDone(_)
        ) {
            self.status = None;
        }
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.scroll_to_cursor();
                if let Some(c) = &mut self.composer {
                    c.settle_view();
                }
            }
            Action::Status(text, error) => {
                self.status = Some(Status {
                    text,
                    error,
                    when_cut: None,
                });
            }
            // A changed draft the disk could not take is lost by quitting:
            // say so instead.
            Action::Quit
                if self.mode == Mode::Compose
                    && self.composer.as_ref().is_some_and(Composer::at_stake)
                    && !self.draft_on_disk() =>
            {
                self.set_error(
                    "Not quitting: the draft is not kept on disk · Ctrl-S saves it, Esc then y discards it",
                );
            }
            // The same for the check pad's note, which outlives the pad.
            Action::Quit if !self.check_note_on_disk() => {
                let w = self.keymap.hint(&Action::Check);
                self.set_error(format!(
                    "Not quitting: the check pad's note is not kept on disk · {w} opens it: Ctrl-Y copies it, Ctrl-L clears it"
                ));
            }
            Action::Quit => return Some(Effect::Quit),
            Action::Redraw => return Some(Effect::Repaint),
            Action::Cancel => self.cancel(),
            Action::Help => {
                self.mode = match self.mode {
                    Mode::Help { .. } => self.leave_help(),
                    Mode::Stats { scroll } => {
                        self.help_over_stats = Some(scroll);
                        Mode::Help { scroll: 0 }
                    }
                    _ => Mode::Help { scroll: 0 },
                }
            }
            Action::Stats => {
                self.help_over_stats = None;
                self.mode = match self.mode {
                    Mode::Stats { .. } => Mode::List,
                    _ => Mode::Stats { scroll: 0 },
                }
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::First
            | Action::Last
                if matches!(self.mode, Mode::Help { .. } | Mode::Stats { .. }) =>
            {
                // Not past the end: an Up after many Downs moves at once.
                let max = super::view::max_scroll(self);
                let page = super::view::page_height(self);
                if let Mode::Help { scroll } | Mode::Stats { scroll } = &mut self.mode {
                    *scroll = match action {
                        Action::Up => scroll.saturating_sub(1),
                        Action::Down => scroll.saturating_add(1),
                        Action::PageUp => scroll.saturating_sub(page),
                        Action::PageDown => scroll.saturating_add(page),
                        Action::First => 0,
                        _ => max,
                    }
                    .min(max);
                }
            }
            Action::Up => self.move_to(self.cursor.saturating_sub(1)),
            Action::Down => self.move_to(self.cursor + 1),
            Action::First => self.move_to(0),
            Action::Last => self.move_to(self.rows.len().saturating_sub(1)),
            Action::PageUp => {
                let h = self.list_height().max(1);
                self.move_to(self.cursor.saturating_sub(h));
            }
            Action::PageDown => {
                let h = self.list_height().max(1);
                self.move_to(self.cursor + h);
            }
            Action::DetailDown => self.scroll_detail(1),
            Action::DetailUp => self.scroll_detail(-1),
            Action::DetailHalfDown => self.scroll_detail(super::view::detail_half(self)),
            Action::DetailHalfUp => self.scroll_detail(-super::view::detail_half(self)),
            Action::NextTab => self.switch_tab((self.tab + 1) % Tab::ALL.len()),
            Action::PrevTab => self.switch_tab((self.tab + Tab::ALL.len() - 1) % Tab::ALL.len()),
            Action::Tab(t) if t < Tab::ALL.len() => self.switch_tab(t),
            Action::Tab(_) => {}
            // The Sent tab lists every sent invitation: a filter changed
            // there would change the other tabs out of sight.
            Action::CycleFilter if self.current_tab() == Tab::Sent => {
                self.set_status(format!(
                    "The Sent tab lists every invitation you sent; the filter ({}) is for the other tabs",
                    self.filter.label()
                ));
            }
            Action::CycleFilter => {
                self.filter = self.filter.next();
                // Through an empty list too, the row it started on.
                let keep = self.current_index().or(self.tab_position[self.tab]);
                self.tab_position[self.tab] = keep;
                self.rebuild_rows(keep);
                self.set_status(format!("Showing {} invitations", self.filter.label()));
            }
            Action::Accept => self.decide_current(Decision::Accepted),
            Action::Ignore => self.decide_current(Decision::Ignored),
            Action::Undo => self.undo(),
            Action::Mark => self.toggle_mark(),
            Action::MarkPitches => self.mark_pitches(),
            Action::AcceptMarked => self.bulk(Decision::Accepted),
            Action::IgnoreMarked => self.bulk(Decision::Ignored),
            Action::Withdraw => self.decide_current(Decision::Withdrawn),
            Action::WithdrawStale => self.withdraw_stale(),
            Action::Confirm(yes) => {
                if let Mode::Confirm(bulk) = std::mem::replace(&mut self.mode, Mode::List) {
                    if yes {
                        self.apply_bulk(bulk);
                    } else {
                        self.set_status("Nothing changed");
                    }
                }
            }
            a @ (Action::Search
            | Action::SearchInput(_)
            | Action::SearchEdit(_)
            | Action::SearchSubmit) => self.apply_search(a),
            Action::NextMatch => self.next_match(true),
            Action::PrevMatch => self.next_match(false),
            Action::OpenProfile => {
                if let Some(inv) = target.map(|i| &self.invitations[i as usize]) {
                    let url = inv.counterpart_url().trim();
                    let (url, whose) = if url.is_empty() {
                        // Without a profile, the page that lists it: the
                        // sent ones have their own.
                        match inv.direction {
                            Direction::Outgoing => (
                                crate::export::SENT_INVITATIONS_URL,
                                "your sent invitations in the invitation manager".to_string(),
                            ),
                            _ => (INVITATION_MANAGER, "the invitation manager".to_string()),
                        }
                    } else {
                        (url, format!("{}'s profile", name_line(inv.counterpart())))
                    };
                    return Some(Effect::OpenUrl {
                        url: url.to_string(),
                        whose,
                    });
                }
            }
            Action::CopyUrl => {
                if let Some(inv) = target.map(|i| &self.invitations[i as usize]) {
                    let url = inv.counterpart_url().trim();
                    if url.is_empty() {
                        self.set_error(if self.without_urls {
                            "This invitation has no profile URL (an older export)"
                        } else {
                            "This invitation's profile URL is empty in the export"
                        });
                    } else {
                        // Named: right after a step that moved on, it is
                        // the URL of the person the step was on, not the
                        // one under the cursor.
                        return Some(Effect::Copy {
                            text: url.to_string(),
                            label: format!("profile URL of {}", name_line(inv.counterpart())),
                        });
                    }
                }
            }
            Action::Reply => self.open_composer(false),
            Action::ThankYou => {
                let accepted =
                    just_done.filter(|&i| self.decisions[i as usize] == Some(Decision::Accepted));
                self.open_thank_you(accepted)
            }
            Action::CopyDraft => return self.copy_draft(target),
            Action::Check => {
                if self.check_pad.is_none() {
                    let note = self.journal.check_note().unwrap_or_default();
                    let pad = super::undo::Pad::new(note);
                    if !pad.is_empty() {
                        self.set_status("Your note from before · Ctrl-L clears the pad");
                    }
                    self.check_pad = Some(pad);
                }
                self.check_to = match self.current() {
                    Some(inv) if inv.direction == Direction::Outgoing => inv.to().to_string(),
                    _ => String::new(),
                };
                self.mode = Mode::Check;
            }
            Action::Paste(text) => {
                // Terminals send a pasted line break as CR. Other control
                // characters (an escape sequence copied from a terminal)
                // must not ride into a draft, the clipboard or `drafts`.
                let text = clean_text(&text.replace("\r\n", "\n").replace('\r', "\n"));
                match self.mode {
                    Mode::Compose => {
                        if let Some(c) = &mut self.composer {
                            c.paste(&text);
                        }
                    }
                    Mode::Check => {
                        if let Some(p) = &mut self.check_pad {
                            p.paste(&text);
                        }
                    }
                    Mode::Search => {
                        let pasted = text.trim_end_matches('\n').replace(char::is_control, " ");
                        line::insert(&mut self.query, &mut self.query_at, &pasted);
                        self.search_from(self.search_origin);
                    }
                    _ => self.set_status(
                        "The pasted text was not taken as keys: paste into a reply, the check pad or the search line",
                    ),
                }
            }
            a @ (Action::CheckClear
            | Action::ComposeKey(_)
            | Action::ComposeSave
            | Action::ComposeCopy
            | Action::ComposeEditor
            | Action::ComposeNextTemplate
            | Action::ComposeTemplate(_)
            | Action::EditorDone(_)) => {
                return if self.mode == Mode::Check {
                    self.apply_check(a)
                } else {
                    self.apply_compose(a)
                };
            }
        }
        None
    }

    /// A key of the search line: `/` opens it, letters narrow it as they
    /// are typed (at the cursor), Enter keeps it.
    fn apply_search(&mut self, action: Action) {
        match action {
            Action::Search => {
                self.mode = Mode::Search;
                self.query.clear();
                self.query_at = 0;
                self.search_missed = false;
                self.search_origin = self.cursor;
            }
            Action::SearchInput(c) => {
                let at_end = self.query_at >= self.query.len();
                line::insert(
                    &mut self.query,
                    &mut self.query_at,
                    c.encode_utf8(&mut [0; 4]),
                );
                // Nothing held the query: nothing holds it made longer at
                // its end, and at a million rows that scan is felt on every
                // key. (ASCII only: a letter added may change how the one
                // before it lower-cases, as Greek's final sigma does. At the
                // end only: "ac" found nowhere says nothing of "abc".)
                if self.search_missed && at_end && self.query.is_ascii() {
                    self.no_match();
                } else {
                    self.search_from(self.search_origin);
                }
            }
            Action::SearchEdit(edit) => {
                // A move changes no query: nothing to search again.
                if !line::edit(&mut self.query, &mut self.query_at, edit) {
                    return;
                }
                if self.query.is_empty() {
                    self.search_missed = false;
                    self.move_to(self.search_origin);
                } else {
                    self.search_from(self.search_origin);
                }
            }
            Action::SearchSubmit => {
                self.mode = Mode::List;
                if !self.query.is_empty() {
                    let cursor = self.cursor;
                    let hits = self.hits();
                    let at = u32::try_from(cursor)
                        .ok()
                        .and_then(|c| hits.binary_search(&c).ok());
                    match (hits.len(), at) {
                        (0, _) => self.no_match_here(),
                        (1, _) => self.set_status(format!("1 match for “{}”", self.query)),
                        (n, at) => {
                            let which = match at {
                                Some(k) => format!("Match {} of {n}", k + 1),
                                None => format!("{n} matches"),
                            };
                            self.set_status(format!(
                                "{which} for “{}” · {} next · {} previous",
                                self.query,
                                self.keymap.hint(&Action::NextMatch),
                                self.keymap.hint(&Action::PrevMatch)
                            ))
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// A key of the check pad (`w`): it edits the note, copies it, hands it
    /// to the editor; nothing is saved but the note itself.
    fn apply_check(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::CheckClear => {
                if let Some(p) = &mut self.check_pad
                    && !p.is_empty()
                {
                    p.set_text("");
                    self.set_status("Cleared · Ctrl-U brings the note back");
                }
            }
            Action::ComposeKey(ev) => {
                if let Some(p) = &mut self.check_pad {
                    let undo = ev.modifiers == crossterm::event::KeyModifiers::CONTROL
                        && ev.code == crossterm::event::KeyCode::Char('u');
                    if undo && !p.can_undo() {
                        self.set_status("Nothing to undo in the pad");
                    } else {
                        p.input(ev);
                    }
                }
            }
            Action::ComposeSave => {
                self.set_status(
                    "Nothing is saved here: Ctrl-Y copies the note to paste on LinkedIn",
                );
            }
            Action::ComposeCopy => {
                if let Some(p) = &self.check_pad {
                    return Some(Effect::Copy {
                        text: p.lines().join("\n"),
                        label: "note".into(),
                    });
                }
            }
            Action::ComposeEditor => {
                if let Some(p) = &self.check_pad {
                    return Some(Effect::Editor(p.lines().join("\n")));
                }
            }
            Action::ComposeNextTemplate | Action::ComposeTemplate(_) => {}
            Action::EditorDone(result) => match result {
                Ok(edited) => {
                    if let Some(p) = &mut self.check_pad {
                        p.set_text(clean_text(&edited.text).trim_end_matches('\n'));
                    }
                    if let Some(warning) = edited.warning {
                        self.set_error(warning);
                    }
                }
                Err(e) => self.set_error(format!("{e} · the note is unchanged")),
            },
            _ => {}
        }
        None
    }

    /// A key of the composer: typing (answering its questions first),
    /// saving, templates, copying, the editor.
    fn apply_compose(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::ComposeKey(ev) => {
                if let Some(c) = &mut self.composer {
                    // A key that would write answers an open question
                    // ("n" to "Replace your words…?") and is not typed:
                    // the answer must not end up in the draft.
                    let ctrl = ev.modifiers == crossterm::event::KeyModifiers::CONTROL;
                    let nothing = match ev.code {
                        crossterm::event::KeyCode::Char('u') if ctrl && !c.can_undo() => {
                            Some("Nothing to undo in this draft")
                        }
                        crossterm::event::KeyCode::Char('r') if ctrl && !c.can_redo() => {
                            Some("Nothing to redo")
                        }
                        _ => None,
                    };
                    if let Some(nothing) = nothing {
                        c.input(ev);
                        self.set_status(nothing);
                    } else if (c.replace_armed || c.discard_armed)
                        && matches!(ev.code, crossterm::event::KeyCode::Char('y' | 'Y'))
                        && !ctrl
                    {
                        // A yes to the question: as the key it names.
                        if c.replace_armed {
                            self.cycle_template(self.asked_template);
                        } else {
                            self.close_composer();
                        }
                    } else if (c.replace_armed || c.discard_armed) && writes(&ev) {
                        let kept = if c.replace_armed {
                            "Kept your words"
                        } else {
                            "Kept the draft"
                        };
                        c.replace_armed = false;
                        c.discard_armed = false;
                        self.set_status(format!("{kept}; type on"));
                    } else {
                        c.input(ev);
                    }
                }
            }
            Action::ComposeSave => return self.save_draft(),
            Action::ComposeEditor => {
                if let Some(c) = &self.composer {
                    return Some(Effect::Editor(c.text()));
                }
            }
            Action::ComposeNextTemplate => self.cycle_template(None),
            Action::ComposeTemplate(n) => self.cycle_template(Some(n)),
            Action::ComposeCopy => {
                if let Some(c) = &self.composer {
                    // Copying is not saving: `export` lists only saved ones.
                    let label = if c.changed() {
                        "draft, not saved yet (Ctrl-S saves it)"
                    } else {
                        "draft"
                    };
                    return Some(Effect::Copy {
                        text: c.message(),
                        label: label.into(),
                    });
                }
            }
            Action::EditorDone(result) => match result {
                Ok(edited) => {
                    if let Some(c) = &mut self.composer {
                        c.set_text(&clean_text(&edited.text));
                        match edited.warning {
                            Some(warning) => self.set_error(format!(
                                "{warning} · Ctrl-U puts your draft back, Ctrl-S saves this"
                            )),
                            None => {
                                self.set_status("Took the text back from the editor · Ctrl-S saves")
                            }
                        }
                    }
                }
                Err(e) => self.set_error(format!("{e} · the draft is unchanged")),
            },
            _ => {}
        }
        None
    }

    fn cancel(&mut self) {
        match &self.mode {
            Mode::Check => {
                self.mode = Mode::List;
                // The note stays for the next `w` (and on disk, for the
                // next start): leaving the pad is not throwing it away.
                if self.check_pad.as_ref().is_some_and(|p| !p.is_empty()) {
                    let w = self.keymap.hint(&Action::Check);
                    self.set_status(format!(
                        "The note stays in the check pad: {w} opens it again"
                    ));
                } else {
                    self.check_pad = None;
                }
            }
            Mode::Search => {
                self.mode = Mode::List;
                self.query.clear();
                self.query_at = 0;
                self.move_to(self.search_origin);
            }
            Mode::Compose => {
                let changed = self.composer.as_ref().is_some_and(Composer::at_stake);
                // A saved draft stays whatever the composer shows (a
                // template may have replaced its words on screen).
                let saved = self
                    .composer
                    .as_ref()
                    .is_some_and(|c| self.has_saved_draft(c));
                match &mut self.composer {
                    // Esc answers the template question ("any other key
                    // keeps them"); it is not a first step to discarding.
                    Some(c) if c.replace_armed => {
                        c.replace_armed = false;
                        self.set_status("Kept your words");
                    }
                    // Esc answers the discard question too, as "no": a
                    // quick double Esc (a vim reflex) must not throw the
                    // words away; only y does.
                    Some(c) if c.discard_armed => {
                        c.discard_armed = false;
                        self.set_status("Kept the draft; type on");
                    }
                    Some(c) if changed => {
                        c.replace_armed = false;
                        c.discard_armed = true;
                        // Over a saved draft, Esc drops only the changes;
                        // an undone one stays in the journal, offered again.
                        let question = if c.resumed || (saved && !c.undone) {
                            "Discard your changes? The saved draft stays · y discards them · Esc keeps them · Ctrl-S saves them".to_string()
                        } else if c.undone {
                            let key = self.keymap.hint(if c.thank_you {
                                &Action::ThankYou
                            } else {
                                &Action::Reply
                            });
                            format!(
                                "Close this draft? As an undone one, {key} offers it again · y closes it · Esc keeps it · Ctrl-S saves it"
                            )
                        } else {
                            "Discard this draft? y discards it · Esc keeps it · Ctrl-S saves it"
                                .to_string()
                        };
                        self.set_error(question);
                    }
                    _ => self.close_composer(),
                }
            }
            Mode::List => {
                if self.marked_count > 0 {
                    self.marked.iter_mut().for_each(|m| *m = false);
                    self.marked_count = 0;
                    self.set_status("Marks cleared");
                }
            }
            Mode::Help { .. } => self.mode = self.leave_help(),
            _ => self.mode = Mode::List,
        }
    }

    /// Closes the composer, its words discarded (a saved or undone draft
    /// stays in the journal), and says so when it had changed.
    /// Whether the journal holds a saved draft of the composer's kind for
    /// its invitation.
    fn has_saved_draft(&self, c: &Composer) -> bool {
        let kind = if c.thank_you {
            DraftKind::ThankYou
        } else {
            DraftKind::Reply
        };
        self.journal
            .state_for(&self.invitations[c.index as usize], self.now)
            .is_some_and(|e| e.draft(kind).is_some())
    }

    fn close_composer(&mut self) {
        let changed = self.composer.as_ref().is_some_and(Composer::at_stake);
        let saved = self
            .composer
            .as_ref()
            .is_some_and(|c| self.has_saved_draft(c));
        let closed = self.composer.take();
        self.mode = Mode::List;
        if !changed {
            return;
        }
        let said = match closed {
            // An undone draft over a saved one: set aside, so that the
            // next open shows the saved draft the message speaks of.
            Some(c) if c.resumed && c.undone => {
                let kind = if c.thank_you {
                    DraftKind::ThankYou
                } else {
                    DraftKind::Reply
                };
                if let Some(d) =
                    self.journal
                        .undone_draft(&self.invitations[c.index as usize], kind, self.now)
                {
                    self.set_aside.push((c.index, kind, d.text.clone()));
                }
                let key = self.keymap.hint(if c.thank_you {
                    &Action::ThankYou
                } else {
                    &Action::Reply
                });
                format!(
                    "Undone words set aside for this run; {key} opens the saved {} again",
                    kind.label()
                )
            }
            Some(c) if c.resumed || (saved && !c.undone) => {
                "Changes discarded; the saved draft stays".to_string()
            }
            // The journal keeps an undone draft's text until another is
            // saved: say so, and how to start afresh.
            Some(c) if c.undone => {
                let (kind, key) = if c.thank_you {
                    ("thank-you", self.keymap.hint(&Action::ThankYou))
                } else {
                    ("reply", self.keymap.hint(&Action::Reply))
                };
                format!(
                    "Draft closed; {key} offers the undone {kind} again (F1 there starts from the template)"
                )
            }
            _ => "Draft discarded".to_string(),
        };
        self.set_status(said);
    }

    /// Where leaving the help goes: the statistics screen it was opened
    /// over, else the list.
    fn leave_help(&mut self) -> Mode {
        match self.help_over_stats.take() {
            Some(scroll) => Mode::Stats { scroll },
            None => Mode::List,
        }
    }

    /// Goes to tab `t`, on the row it was left on.
    fn switch_tab(&mut self, t: usize) {
        if t != self.tab {
            self.go_to_tab(t, self.tab_position[t]);
        }
    }

    /// Goes to tab `t` with the cursor on `keep` (see
    /// [`Self::rebuild_rows`]), remembering the row this tab was left on.
    fn go_to_tab(&mut self, t: usize, keep: Option<u32>) {
        // An empty list keeps the row it was last on.
        self.tab_position[self.tab] = self.current_index().or(self.tab_position[self.tab]);
        self.tab = t;
        self.rebuild_rows(keep);
    }

    /// Moves the cursor to the next row without a decision after `from`,
    /// or stays when there is none.
    fn advance_to_undecided(&mut self, from: usize) {
        let next = (from + 1..self.rows.len())
            .chain(0..from)
            .find(|&r| self.decisions[self.rows[r] as usize].is_none());
        match next {
            Some(r) => self.move_to(r),
            None if self.current_tab() != Tab::Sent => {
                // The list is done: say where the work goes on.
                let undecided = |t: usize| {
                    self.tab_members[t]
                        .iter()
                        .filter(|&&i| self.decisions[i as usize].is_none())
                };
                let hidden = undecided(self.tab).count();
                let next_tab = (0..3).find(|&t| undecided(t).next().is_some());
                let done = match next_tab {
                    // Under another filter, this tab's own.
                    _ if hidden > 0 => format!(
                        "all shown here decided · {hidden} undecided hidden by the filter ({} cycles it)",
                        self.keymap.hint(&Action::CycleFilter)
                    ),
                    Some(t) => format!(
                        "all decided here · press {} for {}",
                        self.keymap.hint(&Action::Tab(t)),
                        Tab::ALL[t].title()
                    ),
                    // The command for this export and data folder is the
                    // one named on quitting.
                    None => {
                        "inbox done: q quits and names the command that lists what to do on LinkedIn"
                            .into()
                    }
                };
                if let Some(status) = &mut self.status {
                    status.text = format!("{} · {done}", status.text);
                } else {
                    self.set_status(done);
                }
            }
            None => {}
        }
    }

    fn decide_current(&mut self, decision: Decision) {
        let Some(idx) = self.current_index() else {
            self.set_status("Nothing here to decide · f changes the filter, Tab the group");
            return;
        };
        let inv = &self.invitations[idx as usize];
        // A sent invitation can only be withdrawn, a received one only not.
        match (inv.direction, decision) {
            (Direction::Outgoing, Decision::Withdrawn) => {}
            (Direction::Outgoing, _) => {
                self.set_status(self.sent_by_you());
                return;
            }
            (Direction::Incoming, Decision::Withdrawn) => {
                let sent = self.keymap.hint(&Action::Tab(4));
                self.set_status(format!(
                    "Only an invitation you sent can be withdrawn: they are on the Sent tab ({sent})"
                ));
                return;
            }
            (Direction::Incoming, _) => {}
        }
        let name = name_line(inv.counterpart());
        let id = inv.id;
        // `x` again takes the mark back: a sent invitation is not
        // decided on, only marked to withdraw on LinkedIn.
        if decision == Decision::Withdrawn && self.decisions[idx as usize] == Some(decision) {
            match self
                .journal
                .record_decision(&[id], None, self.now_for_journal())
            {
                Ok(_) => {
                    let rows = self.indices_of(&[id]);
                    self.sync_decisions(&rows);
                    let undo = self.keymap.hint(&Action::Undo);
                    self.set_status(format!("No longer to withdraw: {name} · {undo} to undo"));
                }
                Err(e) => self.set_error(not_saved("Not saved", &e)),
            }
            return;
        }
        if self.decisions[idx as usize] == Some(decision) {
            // Written again, it would be a step for undo that changes
            // nothing: `u` would seem not to work. Its mark goes, as below.
            if std::mem::take(&mut self.marked[idx as usize]) {
                self.marked_count -= 1;
            }
            self.set_status(format!("{name}: {} already", decision.label()));
            return;
        }
        // A saved reply is what "replied" sends, a thank-you what "accepted"
        // does; decided otherwise, it is kept but no longer to send, which
        // the status says, with the decision it overturns.
        let before = self.decisions[idx as usize];
        let unsent = self
            .journal
            .state_for(inv, self.now)
            .and_then(|e| e.draft_to_send(before).map(|(kind, _)| kind));
        match self
            .journal
            .record_decision(&[id], Some(decision), self.now_for_journal())
        {
            Ok(_) => {
                let rows = self.indices_of(&[id]);
                self.sync_decisions(&rows);
                // Decided on its own: no longer waiting in the marks (a
                // mark drawn over its ✓ would hide it, and a bulk decision
                // on the marks would overturn it).
                for &r in &rows {
                    if std::mem::take(&mut self.marked[r as usize]) {
                        self.marked_count -= 1;
                    }
                }
                let verb = decision_verb(decision);
                let undo = self.keymap.hint(&Action::Undo);
                if decision == Decision::Withdrawn {
                    // The cursor moves on to the next stale one, so the
                    // status names no key that acts on the row under it.
                    self.set_status(format!("To withdraw on LinkedIn: {name} · {undo} to undo"));
                    self.advance_to_stale();
                    if self.current_index() != Some(idx) {
                        self.just_done = Some(idx);
                    }
                } else {
                    let head = match before {
                        Some(b) => format!("{verb} {name} (was {})", b.label()),
                        None => format!("{verb} {name}"),
                    };
                    self.set_status(format!("{head} · {undo} to undo"));
                    self.advance_to_undecided(self.cursor);
                    // Moved on from it, a thank-you key (and `o`, `y`, `c`)
                    // is for it still.
                    let t = self.keymap.hint(&Action::ThankYou);
                    let moved = self.current_index() != Some(idx);
                    if moved {
                        self.just_done = Some(idx);
                    }
                    if decision == Decision::Accepted
                        && moved
                        && !t.is_empty()
                        && let Some(status) = &mut self.status
                    {
                        status
                            .text
                            .insert_str(head.len(), &format!(" · {t} thanks them"));
                    }
                    if let Some(kind) = unsent
                        && let Some(status) = &mut self.status
                    {
                        status.text.insert_str(
                            head.len(),
                            &format!(" · its saved {} is kept, not to send", kind.label()),
                        );
                    }
                }
            }
            Err(e) => self.set_error(not_saved("Not saved", &e)),
        }
    }

    /// On the Sent tab (newest first, so the stale ones are at the
    /// bottom), moves to the next stale invitation not yet withdrawn: below
    /// the cursor, else above it; says so when none is left.
    fn advance_to_stale(&mut self) {
        let open = |app: &App, r: usize| {
            let i = app.rows[r] as usize;
            app.decisions[i].is_none() && app.is_stale(&app.invitations[i])
        };
        let next = (self.cursor + 1..self.rows.len())
            .chain((0..self.cursor).rev())
            .find(|&r| open(self, r));
        match next {
            Some(r) => self.move_to(r),
            None => {
                if let Some(status) = &mut self.status {
                    status.text = format!("{} · no stale invitation left", status.text);
                }
            }
        }
    }

    fn now_for_journal(&self) -> NaiveDateTime {
        // The clock moves on while the app is open; `now` is fixed at start
        // so ages stay stable, but decision times are the real time.
        if self.frozen_clock {
            self.now
        } else {
            use chrono::{SubsecRound, Timelike};
            let t = chrono::Local::now().naive_local();
            t.with_nanosecond(0).unwrap_or_else(|| t.trunc_subsecs(0))
        }
    }

    fn undo(&mut self) {
        // A step on invitations not in this export (decided on another
        // one) would change what the screen cannot show: it waits for that
        // export, as do the steps under it.
        if let Some(next) = self.journal.next_undo()
            && self.indices_of(&next.ids).is_empty()
        {
            self.set_error(format!(
                "Not undone: the last step is on {} not in this export ({}, {})",
                match next.ids.len() {
                    1 => "an invitation".to_string(),
                    n => format!("{n} invitations"),
                },
                next.kind.verb(),
                next.at.format("%-d %b %H:%M")
            ));
            return;
        }
        // A large step (a bulk ignore of a whole tab) is not undone by one
        // stray key: u pressed on a row to change it would reopen them all.
        if let Some(next) = self.journal.next_undo()
            && next.ids.len() > UNDO_ASKS_ABOVE
            && !std::mem::take(&mut self.undo_asked)
        {
            let u = self.keymap.hint(&Action::Undo);
            let day = if next.at.date() < self.now.date() {
                next.at.format(" from %-d %b").to_string()
            } else {
                String::new()
            };
            self.undo_asked = true;
            self.set_error(format!(
                "Undo {} of {} invitations{day}? {u} again undoes it · any other key keeps it",
                next.kind.verb(),
                next.ids.len()
            ));
            return;
        }
        self.undo_asked = false;
        match self.journal.undo(self.now_for_journal()) {
            Ok(Some(undone)) => {
                let idx = self.indices_of(&undone.ids);
                self.sync_decisions(&idx);
                let who = match idx.as_slice() {
                    [one] => name_line(self.invitations[*one as usize].counterpart()),
                    many => format!("{} invitations", many.len()),
                };
                // A bulk step made on another export is undone whole: the
                // ones this export lacks are counted, not passed over.
                let absent = undone
                    .ids
                    .iter()
                    .filter(|id| !self.id_index.contains_key(id))
                    .count();
                let who = match absent {
                    0 => who,
                    n => format!("{who}, and {n} not in this export"),
                };
                if let Some(&first) = idx.first() {
                    self.show(first);
                }
                // A step from before the invitation now in the export was
                // on an earlier one: undone, it changes nothing on screen.
                let earlier = !idx.is_empty()
                    && idx.iter().all(|&i| {
                        let inv = &self.invitations[i as usize];
                        journal::made_before(undone.at, journal::sent_by(inv, self.now))
                    });
                let whose = if earlier {
                    " (on an earlier invitation: this one stays undecided)"
                } else {
                    ""
                };
                // The text is not lost: the composer opens on it again.
                let back = match undone.kind {
                    journal::StepKind::Draft(kind) if idx.len() == 1 && !earlier => {
                        let key = match kind {
                            DraftKind::Reply => Action::Reply,
                            DraftKind::ThankYou => Action::ThankYou,
                        };
                        format!(" · {} brings its text back", self.keymap.hint(&key))
                    }
                    _ => String::new(),
                };
                // Undo reaches back across restarts: a step of an earlier
                // day says which day, as the user may not remember it.
                let day = if undone.at.date() < self.now.date() {
                    let fmt = if undone.at.year() == self.now.year() {
                        " of %-d %b"
                    } else {
                        " of %-d %b %Y"
                    };
                    undone.at.format(fmt).to_string()
                } else {
                    String::new()
                };
                // A step back to undecided, undone, decides again: say to
                // what (`x` twice then `u` marks to withdraw again).
                let again = match (undone.kind, idx.as_slice()) {
                    (journal::StepKind::Decide(None), [one]) if !earlier => {
                        match self.decisions[*one as usize] {
                            Some(Decision::Withdrawn) => " is marked to withdraw again".to_string(),
                            Some(d) => format!(" is {} again", d.label()),
                            None => String::new(),
                        }
                    }
                    (journal::StepKind::Decide(None), many) if !earlier && many.len() > 1 => {
                        " are decided again as before".to_string()
                    }
                    // A decision made over another: what it went back to.
                    (journal::StepKind::Decide(Some(_)), [one]) if !earlier => {
                        match self.decisions[*one as usize] {
                            Some(Decision::Withdrawn) => " (marked to withdraw again)".to_string(),
                            Some(d) => format!(" ({} again)", d.label()),
                            None => String::new(),
                        }
                    }
                    // A bulk step over earlier decisions: what they went
                    // back to, when some had one ("416 undecided, 2
                    // accepted again").
                    (journal::StepKind::Decide(Some(_)), many) if !earlier && many.len() > 1 => {
                        let mut counts: Vec<(Option<Decision>, usize)> = Vec::new();
                        for &i in many {
                            let d = self.decisions[i as usize];
                            match counts.iter_mut().find(|(k, _)| *k == d) {
                                Some((_, n)) => *n += 1,
                                None => counts.push((d, 1)),
                            }
                        }
                        if counts.iter().all(|(d, _)| d.is_none()) {
                            String::new()
                        } else {
                            counts.sort_by_key(|&(d, n)| (std::cmp::Reverse(n), d.is_some()));
                            let parts: Vec<String> = counts
                                .iter()
                                .map(|&(d, n)| match d {
                                    None => format!("{n} undecided"),
                                    Some(Decision::Withdrawn) => {
                                        format!("{n} marked to withdraw again")
                                    }
                                    Some(d) => format!("{n} {} again", d.label()),
                                })
                                .collect();
                            format!(" ({})", parts.join(", "))
                        }
                    }
                    _ => String::new(),
                };
                let what = match undone.kind {
                    journal::StepKind::Decide(None) => "the step back to undecided",
                    kind => kind.verb(),
                };
                self.set_status(format!("Undid {what}{day}: {who}{again}{whose}{back}"));
            }
            Ok(None) => self.set_status("Nothing to undo"),
            Err(e) => self.set_error(not_saved("Undo not saved", &e)),
        }
    }

    /// Puts the cursor on invitation `idx`: in this list if it is there,
    /// else in the list of the tab that holds it, drawn up again; where
    /// the filter would leave it out, it is kept in view all the same, as a
    /// row decided a moment ago is. So what was just changed is on screen.
    fn show(&mut self, idx: u32) {
        if let Some(r) = self.rows.iter().position(|&i| i == idx) {
            self.move_to(r);
            return;
        }
        let home = home_tab(&self.invitations[idx as usize]);
        if !Tab::ALL[self.tab].contains(&self.invitations[idx as usize]) {
            self.go_to_tab(home, Some(idx));
        } else {
            self.rebuild_rows(Some(idx));
        }
        if self.current_index() != Some(idx) {
            // Left out by the filter: in its place among the rows listed.
            let members = &self.tab_members[self.tab];
            let filter = self.list_filter();
            let at = members.iter().position(|&i| i == idx).map_or(0, |p| {
                members[..p]
                    .iter()
                    .filter(|&&i| filter.admits(self.decisions[i as usize]))
                    .count()
            });
            self.rows.insert(at.min(self.rows.len()), idx);
            self.search_hits = None;
            self.move_to(at);
        }
    }

    fn toggle_mark(&mut self) {
        let Some(idx) = self.current_index() else {
            return;
        };
        if self.invitations[idx as usize].direction == Direction::Outgoing {
            self.set_status(self.sent_by_you());
            return;
        }
        let m = &mut self.marked[idx as usize];
        *m = !*m;
        if *m {
            self.marked_count += 1;
        } else {
            self.marked_count -= 1;
            // Space on a row marked earlier (back on another tab, say)
            // takes a mark away: said, since A or I then does otherwise.
            let who = name_line(self.invitations[idx as usize].counterpart());
            let left = match self.marked_count {
                0 => "nothing is marked now".to_owned(),
                n => format!("{n} still marked"),
            };
            self.set_status(format!("Unmarked {who} · {left}"));
        }
        self.move_to(self.cursor + 1);
    }

    /// On the Sent tab, says that your own invitations cannot be decided
    /// on, and returns true.
    fn refuse_on_sent_tab(&mut self) -> bool {
        let sent = self.current_tab() == Tab::Sent;
        if sent {
            self.set_status(self.sent_by_you());
        }
        sent
    }

    /// The invitations the list shows (in its order) for which `keep` holds.
    fn rows_where(&self, keep: impl Fn(u32) -> bool) -> Vec<u32> {
        self.rows.iter().copied().filter(|&i| keep(i)).collect()
    }

    /// How many marked rows of the list are scrolled out of view: a mark
    /// below the screen is easily missed before `A` or `I`.
    fn marked_out_of_view(&self) -> usize {
        let shown = self.offset..self.offset + self.list_height().max(1);
        self.rows
            .iter()
            .enumerate()
            .filter(|&(r, &i)| self.marked[i as usize] && !shown.contains(&r))
            .count()
    }

    /// Asks to mark every stale invitation the Sent tab shows, not yet
    /// marked, to withdraw: one `x` each was slow where all of them are.
    fn withdraw_stale(&mut self) {
        if self.current_tab() != Tab::Sent {
            let sent = self.keymap.hint(&Action::Tab(4));
            self.set_status(format!(
                "Stale invitations are ones you sent: on the Sent tab ({sent})"
            ));
            return;
        }
        let targets = self.rows_where(|i| {
            self.decisions[i as usize].is_none() && self.is_stale(&self.invitations[i as usize])
        });
        let days = self.stale_after_days;
        let n = targets.len();
        if n == 0 {
            self.set_status(format!(
                "No stale invitation here left to mark (stale: sent {days} days ago or more)"
            ));
            return;
        }
        // The count the question states is of those it marks: beside the
        // ones marked already, "the 8 stale" of 10 reads as a miscount.
        let marked = self
            .rows_where(|i| {
                self.decisions[i as usize] == Some(Decision::Withdrawn)
                    && self.is_stale(&self.invitations[i as usize])
            })
            .len();
        let question = match (marked, n) {
            (0, n) => format!("Withdraw the {n} stale invitation{} you sent?", plural(n)),
            (_, 1) => "Withdraw the other stale invitation you sent?".to_string(),
            (_, n) => format!("Withdraw the other {n} stale invitations you sent?"),
        };
        // In the text under it: a longer question is cut in its box.
        let already = match marked {
            0 => String::new(),
            m => format!("{m} {} marked already. ", if m == 1 { "is" } else { "are" }),
        };
        let undo = self.keymap.hint(&Action::Undo);
        self.mode = Mode::Confirm(Bulk {
            decision: Decision::Withdrawn,
            targets,
            question,
            detail: format!(
                "{already}Sent {days} days ago or more and not answered. This marks them; withdraw each on LinkedIn (export lists them). This can be undone with {undo}."
            ),
        });
    }

    /// Why a sent invitation takes no accept, ignore, reply or mark, and
    /// what it does take.
    fn sent_by_you(&self) -> String {
        let x = self.keymap.hint(&Action::Withdraw);
        if x.is_empty() {
            "You sent this invitation: there is nothing to accept or ignore".into()
        } else {
            format!(
                "You sent this invitation: nothing to accept or ignore · {x} marks it to withdraw"
            )
        }
    }

    /// Marks every pitch in the list, so that one key ignores them all (the
    /// classification spec's "let the user bulk-ignore pitches"); unmarks
    /// them when every one is marked already.
    fn mark_pitches(&mut self) {
        if self.refuse_on_sent_tab() {
            return;
        }
        let pitches = self.rows_where(|i| {
            self.invitations[i as usize]
                .signals
                .contains(Signals::PITCH)
        });
        if pitches.is_empty() {
            self.set_status("No pitch in this list (a customised note that sells or recruits)");
            return;
        }
        let mark = !pitches.iter().all(|&i| self.marked[i as usize]);
        for &i in &pitches {
            self.marked[i as usize] = mark;
        }
        self.marked_count = self.marked.iter().filter(|&&m| m).count();
        let n = pitches.len();
        let s = if n == 1 { "" } else { "es" };
        if mark {
            // Marks made before stay: an ignore of "the marked ones" takes
            // them too, so the count says so.
            let others = self.marked_count - n;
            let also = match others {
                0 => String::new(),
                1 => ", and 1 marked before".to_string(),
                _ => format!(", and {others} marked before"),
            };
            let hidden = self.marked_out_of_view();
            let also = match hidden {
                0 => also,
                h => format!("{also} ({h} out of view)"),
            };
            self.set_status(format!(
                "Marked {n} pitch{s}{also} · {} ignores the marked ones, {} unmarks one",
                self.keymap.hint(&Action::IgnoreMarked),
                self.keymap.hint(&Action::Mark)
            ));
        } else {
            self.set_status(format!("Unmarked {n} pitch{s}"));
        }
    }

    fn bulk(&mut self, decision: Decision) {
        let verb = if decision == Decision::Accepted {
            "Accept"
        } else {
            "Ignore"
        };
        let undo = self.keymap.hint(&Action::Undo);
        if self.marked_count > 0 {
            // Those with this decision already are left as they are (a
            // step for undo that changed nothing would seem broken).
            for i in 0..self.marked.len() {
                if self.marked[i] && self.decisions[i] == Some(decision) {
                    self.marked[i] = false;
                    self.marked_count -= 1;
                }
            }
            let targets: Vec<u32> = (0..self.marked.len() as u32)
                .filter(|&i| self.marked[i as usize])
                .collect();
            if targets.is_empty() {
                self.set_status(format!(
                    "Nothing to change: the marked ones are {} already",
                    decision.label()
                ));
                return;
            }
            // Marks stay on when the tab changes; a decision on a row the
            // user cannot see is asked about first.
            let here = self
                .rows
                .iter()
                .filter(|&&i| self.marked[i as usize])
                .count();
            let away = targets.len() - here;
            // Marks below the screen (`p` marks every pitch, a guess from
            // words such as "pricing") are asked about too: a reviewer
            // ignored warm notes he never saw.
            let hidden = self.marked_out_of_view();
            let n = targets.len();
            let look = if n == 1 { "it" } else { "them" };
            let detail = match (away, hidden) {
                (0, 0) => {
                    self.apply_bulk(Bulk {
                        decision,
                        targets,
                        question: String::new(),
                        detail: String::new(),
                    });
                    return;
                }
                (0, _) => format!(
                    "{} out of view in this list (to look at {look} first, answer n and scroll). This can be undone with {undo}.",
                    some_of(hidden, n, "is", "are")
                ),
                (_, 0) => format!(
                    "{} not in this list: marked on another tab or under another filter. This can be undone with {undo}.",
                    some_of(away, n, "is", "are")
                ),
                _ => format!(
                    "{} not in this list (marked on another tab or under another filter), and {hidden} out of view in it. This can be undone with {undo}.",
                    some_of(away, n, "is", "are")
                ),
            };
            self.mode = Mode::Confirm(Bulk {
                decision,
                targets,
                question: format!("{verb} the {n} marked invitation{}?", plural(n)),
                detail,
            });
            return;
        }
        if self.refuse_on_sent_tab() {
            return;
        }
        let tab = self.current_tab();
        // What the filter admits now: a row decided a moment ago stays in
        // view under "undecided", but a bulk decision must not overturn it.
        let filter = self.filter;
        let targets: Vec<u32> = self
            .rows
            .iter()
            .copied()
            .filter(|&i| {
                let d = self.decisions[i as usize];
                filter.admits(d) && d != Some(decision)
            })
            .collect();
        if targets.is_empty() {
            self.set_status("Nothing to change in this list");
            return;
        }
        let n = targets.len();
        let total = self.tab_members[self.tab].len();
        let group = match tab.category() {
            Some(c) => format!("{} ", c.label()),
            None => String::new(),
        };
        let question = match (n == total, n) {
            (true, 1) => format!("{verb} the only {group}invitation?"),
            (true, _) => format!("{verb} all {n} {group}invitations?"),
            (false, _) => format!("{verb} {n} of the {total} {group}invitations?"),
        };
        let why = match (tab, n) {
            (Tab::Default, 1) => {
                "It says no more than LinkedIn's stock text or a generic line, if anything."
            }
            (Tab::Default, _) => {
                "None of them says more than LinkedIn's stock text or a generic line, if anything."
            }
            (Tab::GreetingOnly, 1) => "It greets you by name but says nothing more.",
            (Tab::GreetingOnly, _) => "They greet you by name but say nothing more.",
            (Tab::Customised, 1) => "This note was written for you: consider reading it first.",
            (Tab::Customised, _) => {
                "These notes were written for you: consider reading them first."
            }
            _ => "This covers every group in the list.",
        };
        // Which ones, when not all: the filter says.
        let redecided = targets
            .iter()
            .filter(|&&i| self.decisions[i as usize].is_some())
            .count();
        let which = match filter {
            Filter::Undecided if n < total => format!(
                " Only the undecided {}; {}.",
                if n == 1 { "one" } else { "ones" },
                match total - n {
                    1 => "the 1 decided keeps its decision".to_string(),
                    k => format!("the {k} decided keep theirs"),
                }
            ),
            Filter::Undecided => String::new(),
            Filter::All => {
                let mut t = String::new();
                if redecided > 0 {
                    t = format!(
                        " {} a decision already, which this replaces.",
                        some_of(redecided, n, "has", "have")
                    );
                }
                // The rest have this very decision.
                match total.saturating_sub(n) {
                    0 => {}
                    1 => t.push_str(&format!(" The 1 {} already stays so.", decision.label())),
                    k => t.push_str(&format!(" The {k} {} already stay so.", decision.label())),
                }
                t
            }
            _ if redecided == 0 => String::new(),
            f if n == 1 => format!(" Only the {} one: this replaces its decision.", f.label()),
            f => format!(
                " Only the {} ones: this replaces their decision.",
                f.label()
            ),
        };
        self.mode = Mode::Confirm(Bulk {
            decision,
            targets,
            question,
            detail: format!("{why}{which} This can be undone with {undo}."),
        });
    }

    fn apply_bulk(&mut self, bulk: Bulk) {
        let ids: Vec<InvitationId> = bulk
            .targets
            .iter()
            .map(|&i| self.invitations[i as usize].id)
            .collect();
        match self
            .journal
            .record_decision(&ids, Some(bulk.decision), self.now_for_journal())
        {
            Ok(_) => {
                let rows = self.indices_of(&ids);
                self.sync_decisions(&rows);
                for &i in &bulk.targets {
                    self.marked[i as usize] = false;
                }
                self.marked_count = self.marked.iter().filter(|&&m| m).count();
                let n = ids.len();
                let done = match bulk.decision {
                    // Marked here; withdrawn only once done on LinkedIn.
                    Decision::Withdrawn => {
                        format!("Marked {n} invitation{} to withdraw on LinkedIn", plural(n))
                    }
                    d => format!("{} {n} invitation{}", decision_verb(d), plural(n)),
                };
                self.set_status(format!(
                    "{done} · {} undoes {}",
                    self.keymap.hint(&Action::Undo),
                    if n == 1 { "it" } else { "all of them" }
                ));
                // The row under the cursor may have been left out (marks
                // elsewhere): then it is where the work goes on.
                let here_open = self
                    .current_index()
                    .is_some_and(|i| self.decisions[i as usize].is_none());
                if !here_open {
                    self.advance_to_undecided(self.cursor);
                }
            }
            Err(e) => self.set_error(not_saved("Not saved", &e)),
        }
    }

    /// Whether the invitation at each index matches the query: its name or
    /// its note holds it, in any case; a name also without its accents
    /// ("zoe" finds Zoë, "lukasz" Łukasz: names are typed as the keyboard
    /// has them). Notes are not folded: long, and a million of them on
    /// every key. The query is lower-cased and folded once, not once a row.
    fn matcher(&self) -> impl Fn(u32) -> bool + '_ {
        let q = self.query.to_lowercase();
        let bare = as_searched(&q);
        move |idx| {
            let inv = &self.invitations[idx as usize];
            let name = inv.counterpart();
            contains_ci(name, &q)
                || (!name.is_ascii() && as_searched(name).contains(&bare))
                || contains_ci(inv.message(), &q)
        }
    }

    /// The rows of the list that match the query, found again only when
    /// the query or the list changed since.
    fn hits(&mut self) -> &[u32] {
        let fresh = self
            .search_hits
            .as_ref()
            .is_some_and(|h| h.query == self.query);
        if !fresh {
            let at = {
                let matches = self.matcher();
                (0..self.rows.len())
                    .filter(|&r| matches(self.rows[r]))
                    .filter_map(|r| u32::try_from(r).ok())
                    .collect()
            };
            self.search_hits = Some(SearchHits {
                query: self.query.clone(),
                at,
            });
        }
        self.search_hits.as_ref().map_or(&[], |h| &h.at)
    }

    fn no_match(&mut self) {
        self.set_error(format!("No match for “{}” in this list", self.query));
    }

    /// [`Self::no_match`], saying too how many match in the lists the tab
    /// and filter hide (a search is kept with Enter, so one scan of every
    /// invitation is affordable here, not on every key).
    fn no_match_here(&mut self) {
        let elsewhere = {
            let matches = self.matcher();
            (0..self.invitations.len())
                .filter(|&i| u32::try_from(i).is_ok_and(&matches))
                .count()
        };
        if elsewhere == 0 {
            self.no_match();
        } else {
            self.set_error(format!(
                "No match for “{}” in this list · {elsewhere} in other tabs or filters",
                self.query
            ));
        }
    }

    /// Moves to the first match at or after `start` (wrapping).
    fn search_from(&mut self, start: usize) {
        let n = self.rows.len();
        // An empty list has no match either, and says so as you type.
        if self.query.is_empty() {
            return;
        }
        let found = {
            let matches = self.matcher();
            (0..n)
                .map(|k| (start + k) % n)
                .find(|&r| matches(self.rows[r]))
        };
        self.search_missed = found.is_none();
        match found {
            Some(r) => self.move_to(r),
            // Back where the search began, as vim does: the row of a
            // shorter query's match is no answer to this one.
            None => {
                self.move_to(start);
                self.no_match();
            }
        }
    }

    fn next_match(&mut self, forward: bool) {
        if self.query.is_empty() {
            self.set_status(format!(
                "Search first with {}",
                self.keymap.hint(&Action::Search)
            ));
            return;
        }
        let from = self.cursor;
        let hits = self.hits();
        let total = hits.len();
        if total == 0 {
            self.no_match_here();
            return;
        }
        // The next match after the cursor (before it, backwards), coming
        // round the list's end: as in less and vim, saying so.
        let after = hits.partition_point(|&r| r as usize <= from);
        let before = hits.partition_point(|&r| (r as usize) < from);
        let (k, came_round) = match forward {
            true if after < total => (after, None),
            true => (0, Some("top")),
            false if before > 0 => (before - 1, None),
            false => (total - 1, Some("bottom")),
        };
        let r = hits[k] as usize;
        self.move_to(r);
        if total == 1 {
            self.set_status(format!("The only match for “{}” in this list", self.query));
            return;
        }
        let mut text = format!("Match {} of {total} for “{}”", k + 1, self.query);
        if let Some(end) = came_round {
            text.push_str(&format!(" · search came round to the {end}"));
        }
        self.set_status(text);
    }

    // ---- drafting -------------------------------------------------------

    /// A thank-you for the row accepted by the key just before, which the
    /// cursor moved on from (to an undecided row: no thank-you there), else
    /// for the current row.
    fn open_thank_you(&mut self, just_accepted: Option<u32>) {
        match just_accepted {
            Some(j) => self.compose(j, DraftKind::ThankYou),
            None => self.open_composer(true),
        }
    }

    fn open_composer(&mut self, thank_you: bool) {
        let Some(idx) = self.current_index() else {
            self.set_status("Nothing here to reply to");
            return;
        };
        let inv = &self.invitations[idx as usize];
        if inv.direction == Direction::Outgoing {
            self.set_status(if thank_you {
                "You sent this invitation: a thank-you is for one you accepted"
            } else {
                "You sent this invitation: nothing to reply to yet"
            });
            return;
        }
        if thank_you && self.decisions[idx as usize] != Some(Decision::Accepted) {
            let accept = self.keymap.hint(&Action::Accept);
            // "Accept first" reads as advice to override what was decided.
            let text = match self.decisions[idx as usize] {
                Some(d @ (Decision::Ignored | Decision::Replied)) => format!(
                    "A thank-you follows an accept, and this invitation is {}: {accept} accepts it instead",
                    d.label(),
                ),
                _ => format!("A thank-you follows an accept: {accept} accepts first"),
            };
            self.set_status(text);
            return;
        }
        // A reply is instead of accepting: saved, it would turn the accept
        // into "replied" without a word.
        if !thank_you && self.decisions[idx as usize] == Some(Decision::Accepted) {
            self.set_status(format!(
                "Accepted already: {} writes a thank-you · a reply is instead of accepting ({} undoes the accept)",
                self.keymap.hint(&Action::ThankYou),
                self.keymap.hint(&Action::Undo)
            ));
            return;
        }
        let kind = if thank_you {
            DraftKind::ThankYou
        } else {
            DraftKind::Reply
        };
        self.compose(idx, kind);
    }

    /// Opens the composer for invitation `idx`: on its unsaved draft of that
    /// kind if an earlier run left one, else on the one whose saving was
    /// undone, else on its saved one, else on a template.
    fn compose(&mut self, idx: u32, kind: DraftKind) {
        let inv = &self.invitations[idx as usize];
        // Not a draft to an earlier invitation between the same people.
        let entry = self.journal.state_for(inv, self.now);
        let saved = entry.as_ref().and_then(|e| e.draft(kind));
        let undone = self
            .journal
            .undone_draft(inv, kind, self.now)
            .filter(|d| saved.is_none_or(|s| s.text != d.text))
            .filter(|d| {
                !self
                    .set_aside
                    .iter()
                    .any(|(i, k, text)| *i == idx && *k == kind && *text == d.text)
            });
        let (unsaved, from_undone, cursor) = match self.journal.unsaved(inv.id, kind) {
            Some(u) => (Some(u.text.clone()), false, u.cursor),
            None => (undone.map(|d| d.text.clone()), undone.is_some(), None),
        };
        // A draft saved on an earlier day may have been sent since: an edit
        // is then a new message, and the checklist says it was edited.
        let saved_before = saved
            .filter(|d| unsaved.is_none() && d.at.date() < self.now.date())
            .map(|d| d.at);
        let mut composer = Composer::new(
            idx,
            inv,
            kind == DraftKind::ThankYou,
            &self.templates,
            self.my_name.as_deref(),
            saved.map(|d| d.text.clone()),
            unsaved,
        );
        composer.undone = from_undone;
        // Where the words were being written when the run ended.
        if let Some([row, col]) = cursor {
            composer.go_on_at(row as usize, col as usize);
        }
        self.composer = Some(composer);
        self.mode = Mode::Compose;
        if from_undone {
            self.set_status(format!(
                "Your undone {} is back: Ctrl-S saves it again",
                kind.label()
            ));
        } else if let Some(at) = saved_before {
            self.set_status(format!(
                "Your {} saved {} ({}): if you sent it, what you add now is a new message to send",
                kind.label(),
                at.format("%-d %b"),
                crate::stats::Age::between(at, self.now).long()
            ));
        }
    }

    fn cycle_template(&mut self, which: Option<usize>) {
        let Some(c) = &mut self.composer else { return };
        // Nothing to switch to is said before anything is asked (and a
        // question asked before is off: its text is gone from the screen).
        if let Err(e) = c.pick(which, &self.templates) {
            c.replace_armed = false;
            self.set_error(e);
            return;
        }
        // A template replaces the whole text: the user's words are asked
        // about first.
        if c.own_words() && !c.replace_armed {
            // One question at a time: an Esc after this one asks its own.
            c.discard_armed = false;
            c.replace_armed = true;
            self.asked_template = which;
            self.set_error(
                "Replace your words with a template? y or a template key again replaces them · any other key keeps them",
            );
            return;
        }
        let inv = &self.invitations[c.index as usize];
        if let Err(e) = c.switch_template(which, inv, &self.templates, self.my_name.as_deref()) {
            self.set_error(e);
        }
    }

    /// Saves the draft, and copies it: the next step is to paste it on
    /// LinkedIn. A reply then moves on, as accept and ignore do (keys
    /// pressed next are meant for the next person); a thank-you, which
    /// follows an accept the user already moved past, stays.
    fn save_draft(&mut self) -> Option<Effect> {
        let c = self.composer.as_ref()?;
        let text = c.message();
        if text.is_empty() {
            self.set_error("The draft is empty: write something, or Esc to leave");
            return None;
        }
        let (idx, kind) = (c.index, c.kind());
        let inv = &self.invitations[idx as usize];
        let (id, name, url) = (inv.id, inv.counterpart(), inv.counterpart_url().trim());
        // Saved again unchanged (Ctrl-S is how one copies it again): a
        // second line of the same words would read as an edit, dated
        // today, in the checklist and under `--since`, and invite sending
        // the message twice. Copied, not written.
        let entry = self.journal.state_for(inv, self.now);
        let unchanged = entry.as_ref().and_then(|e| {
            let d = e.draft(kind).filter(|d| d.text == text)?;
            (kind == DraftKind::ThankYou || e.decision() == Some(Decision::Replied)).then_some(d.at)
        });
        if let Some(at) = unchanged {
            let name = name_line(name);
            self.composer = None;
            self.mode = Mode::List;
            self.set_status(format!("Unchanged: {name}'s draft stays as saved"));
            let day = at.format("%-d %b");
            let label = match kind {
                DraftKind::Reply => format!("reply to {name}, unchanged since {day}"),
                DraftKind::ThankYou => format!("thank-you to {name}, unchanged since {day}"),
            };
            return Some(Effect::Copy { text, label });
        }
        // The saved reply, unchanged, on an invitation decided otherwise
        // since (ignored, say): only the decision is new. A draft line of
        // the same words would read as an edit, dated today.
        let reply_again = kind == DraftKind::Reply
            && entry
                .as_ref()
                .and_then(|e| e.draft(kind))
                .is_some_and(|d| d.text == text);
        let now = self.now_for_journal();
        let recorded = if reply_again {
            self.journal
                .record_decision(&[id], Some(Decision::Replied), now)
        } else {
            self.journal
                .record_draft_to(id, kind, &text, now, (name, url))
        };
        match recorded {
            Ok(_) => {
                let rows = self.indices_of(&[id]);
                self.sync_decisions(&rows);
                if kind == DraftKind::ThankYou {
                    self.thanks_saved.push((idx, text.clone()));
                } else if !reply_again
                    && self.start_decisions[idx as usize] == Some(Decision::Replied)
                {
                    self.replies_edited.push((idx, text.clone()));
                }
                self.composer = None;
                self.mode = Mode::List;
                let name = name_line(self.invitations[idx as usize].counterpart());
                // Shown should the copy not report back (it does, naming
                // the draft as saved).
                self.set_status(format!("Draft saved for {name}"));
                match kind {
                    DraftKind::Reply => {
                        self.show(idx);
                        self.advance_to_undecided(self.cursor);
                    }
                    // Written right after the accept, the list had moved on
                    // already: it stays on the next person.
                    DraftKind::ThankYou if self.current_index() != Some(idx) => {}
                    DraftKind::ThankYou => self.show(idx),
                }
                // Moved on from it, `o` still opens their profile to paste.
                if self.current_index() != Some(idx) {
                    self.just_done = Some(idx);
                }
                // Said as a step is: a reply marks the invitation replied,
                // and the undo key takes that back.
                let undo = self.keymap.hint(&Action::Undo);
                let label = match kind {
                    DraftKind::Reply if !undo.is_empty() => {
                        format!("saved reply to {name} (marked replied; {undo} undoes)")
                    }
                    DraftKind::Reply => format!("saved reply to {name} (marked replied)"),
                    DraftKind::ThankYou => format!("saved thank-you to {name}"),
                };
                Some(Effect::Copy { text, label })
            }
            Err(e) => {
                self.set_error(format!(
                    "{} · the draft is still here",
                    not_saved("Not saved", &e)
                ));
                None
            }
        }
    }

    fn copy_draft(&mut self, target: Option<u32>) -> Option<Effect> {
        let inv = &self.invitations[target? as usize];
        let entry = self.journal.state_for(inv, self.now).unwrap_or_default();
        let decision = entry.decision();
        match entry.draft_to_send(decision) {
            // Named: right after a step that moved on, it is the draft of
            // the person the step was on, not the one under the cursor.
            Some((kind, d)) => Some(Effect::Copy {
                text: d.text.clone(),
                label: format!("{} to {}", kind.label(), name_line(inv.counterpart())),
            }),
            None => {
                let text = match (inv.direction, decision) {
                    (Direction::Outgoing, _) => {
                        "No draft: you sent this invitation, there is nothing to answer".to_string()
                    }
                    (_, Some(Decision::Accepted)) => format!(
                        "No thank-you drafted · {} writes one",
                        self.keymap.hint(&Action::ThankYou)
                    ),
                    (_, Some(Decision::Ignored)) => {
                        "Nothing to send: you ignored this invitation".to_string()
                    }
                    _ => format!(
                        "No draft for this invitation · {} drafts a reply",
                        self.keymap.hint(&Action::Reply)
                    ),
                };
                self.set_status(text);
                None
            }
        }
    }

    /// The sent invitations still pending longer than the configured age.
    pub fn is_stale(&self, inv: &Invitation) -> bool {
        inv.direction == Direction::Outgoing
            && stats::Age::between(inv.sent_at, self.now).days >= i64::from(self.stale_after_days)
    }
}

/// "It is", "1 of them is", "3 of them are": `k` of `n` things.
fn some_of(k: usize, n: usize, one: &str, many: &str) -> String {
    match (n, k) {
        (1, _) => format!("It {one}"),
        (_, 1) => format!("1 of them {one}"),
        _ => format!("{k} of them {many}"),
    }
}

fn decision_verb(d: Decision) -> &'static str {
    match d {
        Decision::Accepted => "Accepted",
        Decision::Ignored => "Ignored",
        Decision::Replied => "Replied to",
        Decision::Withdrawn => "Withdrawn",
    }
}

/// The tab an invitation is found on besides All: its group's, or Sent.
fn home_tab(inv: &Invitation) -> usize {
    match inv.direction {
        Direction::Incoming => cat_index(inv.category),
        Direction::Outgoing => Tab::ALL.len() - 1,
    }
}

/// The index of a category in `Category::ALL` order (customised first).
pub fn cat_index(c: Category) -> usize {
    match c {
        Category::Customised => 0,
        Category::GreetingOnly => 1,
        Category::Default => 2,
    }
}

/// True for a key the composer would write with: a character (not with
/// Ctrl or Alt), Enter, Tab, Backspace or Delete.
fn writes(ev: &crossterm::event::KeyEvent) -> bool {
    use crossterm::event::{KeyCode, KeyModifiers};
    match ev.code {
        KeyCode::Char(_) => !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT),
        KeyCode::Enter | KeyCode::Tab | KeyCode::Backspace | KeyCode::Delete => true,
        _ => false,
    }
}

/// Case-insensitive substring test; `needle` is already lower-case.
fn contains_ci(hay: &str, needle: &str) -> bool {
    if needle.is_ascii() {
        // An ASCII needle is found in the bytes as they are: it cannot match
        // inside a multi-byte character, and lower-casing the others leaves
        // an ASCII run as it was.
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        let Some((&first, _)) = n.split_first() else {
            return true;
        };
        let Some(last) = h.len().checked_sub(n.len()) else {
            return false;
        };
        // Only where the first letter stands, in either case: found a
        // vector at a time rather than tried at every byte.
        let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
        if memchr::memchr2_iter(lower, upper, &h[..=last])
            .any(|i| h[i..i + n.len()].eq_ignore_ascii_case(n))
        {
            return true;
        }
        // Only these two lower-case to ASCII letters (`K` → `k`,
        // `İ` → `i̇`); without them, nothing more can match.
        if hay.is_ascii() || !hay.contains(LOWER_TO_ASCII) {
            return false;
        }
    }
    hay.to_lowercase().contains(needle)
}

/// The characters beyond ASCII whose lower case holds an ASCII one (a test
/// goes through every character to check).
const LOWER_TO_ASCII: [char; 2] = ['\u{212A}', '\u{0130}'];

#[cfg(test)]
mod tests {
    use super::{LOWER_TO_ASCII, contains_ci, fold_accents};

    #[test]
    fn names_are_found_without_their_accents() {
        for (name, typed) in [
            ("Zoë Fontaine", "zoe"),
            ("Łukasz Wiśniewski", "lukasz wisniewski"),
            ("José García", "jose garcia"),
            ("Søren Kierkegaard", "soren"),
            ("Ştefan Ţurcan", "stefan turcan"),
            ("Weiß", "weiss"),
            ("Zoë", "zoë"),
            ("Đorđe", "dorde"),
            ("Yıldız", "yildiz"),
            ("Ærø", "aero"),
            ("Œuvre", "oeuvre"),
        ] {
            assert!(
                fold_accents(name).contains(&fold_accents(typed)),
                "{typed} in {name}"
            );
        }
        assert_eq!(
            fold_accents("王伟 محمد"),
            "王伟 محمد",
            "other scripts as they are"
        );
    }

    #[test]
    fn the_two_characters_that_lower_case_to_ascii_are_found() {
        assert!(contains_ci("20 \u{212A}elvin", "kelvin"));
        assert!(contains_ci("\u{0130}stanbul", "i"));
        assert!(contains_ci("Café \u{212A}", "é k"));
        assert!(!contains_ci("Café", "k"));
    }

    #[test]
    fn only_two_characters_lower_case_to_ascii() {
        let to_ascii: Vec<char> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii()))
            .collect();
        assert_eq!(to_ascii, {
            let mut want = LOWER_TO_ASCII.to_vec();
            want.sort_unstable();
            want
        });
    }

    proptest::proptest! {
        /// The search's containment test agrees with lower-casing both.
        #[test]
        fn contains_ci_agrees_with_lowercase(hay in "[a-cA-CkK é.\u{212A}\u{0130}i]{0,30}", needle in "[a-cA-CkK é.i\u{0307}]{0,4}") {
            let needle = needle.to_lowercase();
            proptest::prop_assert_eq!(
                contains_ci(&hay, &needle),
                hay.to_lowercase().contains(&needle),
                "{:?} in {:?}", needle, hay
            );
        }
    }
}
