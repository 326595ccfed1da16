//! The triage screen's state and its one place of change, [`App::update`].
//!
//! Keys become [`Action`]s (see `keys.rs`); `update` applies one and may hand
//! back an [`Effect`] for the terminal loop to carry out (open a URL, copy,
//! run `$EDITOR`, quit). Decisions go through the [`Journal`], which makes
//! them durable before `update` shows them as made.
//!
//! This file holds the state, `update` and the dispatch of actions by mode;
//! the work is in its submodules, one per concern: `decide` (accept,
//! ignore, withdraw, bulk steps, undo), `drafts` (the composer),
//! `search`, and `start` (what the screen says on opening and on quitting).

use std::collections::HashMap;

use chrono::NaiveDateTime;

use crate::classify::{Category, Signals};
use crate::hash::FastMap;
use crate::invitation::{Direction, Invitation, InvitationId};
use crate::journal::{Decision, DraftKind, Journal, Seen};
use crate::stats::{self, Breakdown, DirectionFilter};
use crate::text::clean_draft;

use super::compose::{Composer, Question};
use super::keys::{self, Action, KeyContext, Keymap};

mod decide;
mod drafts;
mod outside;
mod search;
mod start;

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

    /// Its place in [`Tab::ALL`], for what is kept per tab.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The tab after this one, round to the first.
    fn next(self) -> Tab {
        Tab::ALL[(self.index() + 1) % Tab::ALL.len()]
    }

    /// The tab before this one, round to the last.
    fn prev(self) -> Tab {
        Tab::ALL[(self.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
    }

    /// The tab of a group.
    pub fn of(category: Category) -> Tab {
        match category {
            Category::Customised => Tab::Customised,
            Category::GreetingOnly => Tab::GreetingOnly,
            Category::Default => Tab::Default,
        }
    }

    /// The tab an invitation is found on besides All: its group's, or Sent.
    fn home(inv: &Invitation) -> Tab {
        match inv.direction {
            Direction::Incoming => Tab::of(inv.category),
            Direction::Outgoing => Tab::Sent,
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
/// "they invited you again on 26 Nov 2026" (or "you invited them again"):
/// why an invitation in an older export is superseded (see
/// [`crate::journal::Journal::later`]).
/// `name` for "they" (or "them").
pub(crate) fn invited_again(
    direction: Direction,
    name: Option<&str>,
    later: NaiveDateTime,
) -> String {
    let who = match (direction, name) {
        (Direction::Incoming, None) => "they invited you".to_string(),
        (Direction::Incoming, Some(name)) => format!("{name} invited you"),
        (Direction::Outgoing, name) => format!("you invited {}", name.unwrap_or("them")),
    };
    format!("{who} again on {}", later.format("%-d %b %Y"))
}

/// "they invited you again on 26 Nov 2026, and that invitation has a
/// decision or a draft from a newer export: this one is superseded": what
/// the detail pane says of a superseded invitation, and a refusal too.
pub(crate) fn superseded_by(
    direction: Direction,
    name: Option<&str>,
    later: NaiveDateTime,
) -> String {
    let what = match direction {
        Direction::Incoming => "a decision or a draft",
        Direction::Outgoing => "a withdraw mark",
    };
    format!(
        "{}, and that invitation has {what} from a newer export: this one is superseded",
        invited_again(direction, name, later)
    )
}

fn not_saved(what: &str, e: &crate::journal::JournalError) -> String {
    match e.remedy() {
        Some(remedy) => format!("{what}: {e} · {remedy}, then press the key again"),
        None => format!("{what}: {e}"),
    }
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
    /// Whether to undo the last step, one on more than [`UNDO_ASKS_ABOVE`]
    /// invitations: `question` ("Undo ignore of 112 invitations?") and
    /// what it does, waiting for y/n. The undo key itself is no answer: a
    /// held key would go through the question.
    ConfirmUndo {
        question: String,
        detail: String,
    },
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
    /// line ("Kenji Jankowski's profile"); `copyable`, whether the copy key
    /// copies it (a profile's URL, not the invitation manager's page opened
    /// for want of one), for the message when no browser opens.
    OpenUrl {
        url: String,
        whose: String,
        copyable: bool,
    },
    /// Copy this text; the label says what it is ("profile URL of Ana
    /// Lima", "draft").
    Copy {
        text: String,
        label: String,
    },
    /// Hand this text to `$VISUAL`/`$EDITOR` and send back
    /// `Action::EditorDone`; `keep_in`: the folder and the start of the
    /// name of the file it is edited in (a draft's, see
    /// [`Journal::editing_file`](crate::journal::Journal::editing_file), or
    /// the check pad's note's), else a temporary file anywhere.
    Editor {
        text: String,
        keep_in: Option<(std::path::PathBuf, String)>,
    },
    /// Clear the terminal and paint every cell again.
    Repaint,
    /// Give the terminal back and stop the process (Ctrl-Z); once
    /// continued, take it back and paint every cell.
    Suspend,
    /// After [`Action::Leave`]: lines for standard error about the words
    /// not saved in the journal (drafts kept, or their text when the disk
    /// would not take them).
    Farewell(Vec<String>),
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
    /// Undecided here, but superseded: a later invitation between the same
    /// two people has a step from a newer export ([`Journal::later`]).
    /// Nothing is left to decide on these here, so they are not counted
    /// as undecided, and not in [`DecisionCounts::decided`] either.
    pub superseded: usize,
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

impl<'a> std::iter::Sum<&'a DecisionCounts> for DecisionCounts {
    fn sum<I: Iterator<Item = &'a DecisionCounts>>(iter: I) -> Self {
        iter.fold(DecisionCounts::default(), |a, d| DecisionCounts {
            accepted: a.accepted + d.accepted,
            ignored: a.ignored + d.ignored,
            replied: a.replied + d.replied,
            withdrawn: a.withdrawn + d.withdrawn,
            superseded: a.superseded + d.superseded,
        })
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
    /// The terminal draws the 256-colour palette (see
    /// [`crate::tui::view::theme::palette_256`]); else the cursor's bar is
    /// drawn reversed, as without colour.
    pub palette_256: bool,
    /// Record decisions at `now` rather than the wall clock (tests, demos).
    pub frozen_clock: bool,
    /// How far the screen had seen this inbox before (`seen.json`; `None`
    /// for the sample, or before any export was opened): the received
    /// invitations newer than it are the news the start reports.
    pub seen_before: Option<Seen>,
    /// What to record in `seen.json` when the run ends (`None`: nothing):
    /// the news is seen once the screen has shown it, not at the start (a
    /// draft recovered then takes the status line first).
    pub seen_now: Option<Seen>,
    /// The `export` command for this export, in backticks, as the help
    /// and the start's warnings name it (with its FILE and the options
    /// this run was given).
    pub export_command: String,
    /// How many rows of the export could not be read: the newest may be
    /// among them, which the older-export warning then says.
    pub skipped_rows: usize,
}

/// A step on more invitations than this is undone only when the undo key
/// is pressed twice: one press asks first.
pub const UNDO_ASKS_ABOVE: usize = 10;

/// The state of the triage screen.
pub struct App {
    pub source_name: String,
    /// See [`AppInit::export_command`].
    pub export_command: String,
    /// See [`AppInit::skipped_rows`].
    pub skipped_rows: usize,
    /// When the export's newest invitation was sent, which it was made
    /// after ([`crate::export::newest_sent`]): an accept made more than a
    /// day before and still pending in it was not done on LinkedIn.
    pub newest_sent: Option<NaiveDateTime>,
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
    /// The undecided invitations that are superseded ([`App::is_superseded`]);
    /// rare (an older export opened after a newer one), so a set.
    superseded: std::collections::HashSet<u32>,
    /// Decision counts per group, in `Category::ALL` order.
    pub counts: [DecisionCounts; 3],
    /// The decisions on the invitations you sent (withdrawals).
    pub sent_counts: DecisionCounts,
    /// Each invitation's decision at start, to tell on leaving how many
    /// were decided and how many undone (a net count hid both).
    start_decisions: Vec<Option<Decision>>,
    /// The invitations with a thank-you draft at start: one undone in this
    /// run changes no decision, and the farewell counts it all the same.
    start_thanks: Vec<u32>,
    /// The thank-yous saved in this run, by invitation (for the farewell:
    /// a thank-you changes no decision); one undone since no longer
    /// matches the journal's.
    thanks_saved: Vec<(u32, String)>,
    /// The drafts marked sent in this run, by row and kind (the quit
    /// message counts those still marked).
    marked_sent: Vec<(u32, DraftKind)>,
    /// The drafts marked sent at start, by row and kind, with their text:
    /// one marked not sent in this run changes no decision, and the
    /// farewell counts it (one saved again is counted as edited).
    start_sent: Vec<(u32, DraftKind, String)>,
    /// Replies saved in this run over one replied to before it, with their
    /// text: edits, which the quit summary counts (a new reply is a
    /// decision, and counted as one).
    replies_edited: Vec<(u32, String)>,
    /// The reply drafts at start, by invitation: one undone and saved
    /// again word for word is no edit.
    start_replies: Vec<(u32, String)>,
    /// The journal's line count at start: its steps up to that line are
    /// an earlier run's.
    start_line: usize,
    /// The invitations an undo of this run took back to a step of an
    /// earlier run, perhaps more than once, or whose draft marked sent in
    /// an earlier run it marked not sent: what that step holds is older
    /// than the run, and `export --since` its start leaves it out.
    brought_back: Vec<u32>,
    /// Undone drafts discarded in this run over a saved one, by invitation,
    /// kind and text: the composer then opens on the saved draft, as the
    /// discard said ("the saved draft stays"). An undone draft of other
    /// words (a later undo) is offered again, and so is any once an undo
    /// of a draft of that row says what `r` or `t` brings back.
    set_aside: Vec<(u32, DraftKind, String)>,
    /// The question whether to undo a large step (see
    /// [`UNDO_ASKS_ABOVE`]) was answered yes: the next undo goes ahead.
    undo_confirmed: bool,
    /// The invitation on which the last key asked whether to reply instead
    /// of its accept: the reply key again opens the composer, whose reply
    /// may then be saved over the accept.
    reply_asked: Option<u32>,
    /// The last key asked whether to quit with rows marked (their marks
    /// are not kept): y quits, any other key stays.
    quit_asked: bool,
    /// The row the cursor was on when `f` was first pressed in a row of
    /// presses: cycling through the filters comes back to it, not to the
    /// neighbour a filter without it left the cursor on.
    filter_from: Option<u32>,
    /// Keyed by ids, hashes already (see [`crate::hash`]): looked up for
    /// every step, and for every entry of the journal by the statistics.
    id_index: FastMap<InvitationId, u32>,
    /// The later rows of ids that occur more than once (a re-sent invitation
    /// with a new note shares its id): rare, so kept apart from `id_index`.
    id_repeats: HashMap<InvitationId, Vec<u32>>,
    /// Members of each tab (indices into `invitations`), sorted for reading.
    tab_members: [Vec<u32>; 5],
    tab: Tab,
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
    /// The row last marked or unmarked by itself: where a range mark
    /// ([`Action::MarkRange`]) starts.
    pub mark_anchor: Option<u32>,
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
    /// Per invitation, what search must also read as the screen shows it,
    /// and notes without their accents (see `search.rs`): found once, at
    /// the first search of a run, as looking on every key took a third of
    /// its time at a million rows.
    shown: Option<search::Shown>,
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
    pub check_pad: Option<super::pad::Pad>,
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
    pub palette_256: bool,
    frozen_clock: bool,
    /// See [`AppInit::seen_before`].
    seen_before: Option<Seen>,
    /// See [`AppInit::seen_now`]; taken when the run ends, if the screen
    /// was ever large enough to show the news (`news_shown`).
    seen_now: Option<Seen>,
    /// Whether the screen was drawn whole at least once with the news on
    /// its status line (if there was news): a run spent on a screen too
    /// small, or one that ended before its first frame, or with the news
    /// still held back ([`App::news_due`]), has not told what is new, and
    /// the next start tells it.
    news_shown: bool,
    /// The note of what is new since the last export ([`App::note_arrived_since`]),
    /// in full and in short, for when it is held back.
    news: Option<(String, String)>,
    /// The news, held back while something else the start says has the
    /// status line (see [`App::tell_news_due`]).
    news_due: Option<start::NewsDue>,
    /// Sent invitations pending past `stale_after_days` (fixed at start).
    pub stale_count: usize,
    /// The badges each tab's rows carry, as a set: bit `signals | old << 4`
    /// for the signals' bits and whether a sent one is old. They are fixed
    /// once loaded, so the list sizes its badge column to the tab, not to
    /// the rows in view (which would shift it while scrolling).
    badge_kinds: [u32; 5],
}

impl App {
    pub fn new(init: AppInit) -> App {
        let AppInit {
            source_name,
            invitations,
            mut journal,
            keymap,
            now,
            my_name,
            templates,
            stale_after_days,
            note_limit,
            classifier,
            notices,
            color,
            palette_256,
            frozen_clock,
            seen_before,
            seen_now,
            export_command,
            skipped_rows,
        } = init;
        let incoming = stats::breakdown(&invitations, DirectionFilter::Incoming);
        let outgoing = stats::breakdown(&invitations, DirectionFilter::Outgoing);
        journal.note_export(&invitations);
        let mut id_index = FastMap::with_capacity_and_hasher(invitations.len(), Default::default());
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
        for tab in Tab::ALL {
            let mut m: Vec<u32> = (0..invitations.len() as u32)
                .filter(|&i| tab.contains(&invitations[i as usize]))
                .collect();
            // Newest first; in Customised, notes that do not sell come first.
            m.sort_by(|&a, &b| {
                let (a, b) = (&invitations[a as usize], &invitations[b as usize]);
                let pa = a.signals.contains(Signals::PITCH);
                let pb = b.signals.contains(Signals::PITCH);
                let pitch_order = if tab == Tab::Customised {
                    pa.cmp(&pb)
                } else {
                    std::cmp::Ordering::Equal
                };
                pitch_order.then(b.sent_at.cmp(&a.sent_at))
            });
            tab_members[tab.index()] = m;
        }
        let n = invitations.len();
        let start_line = journal.line_count();
        let newest_sent = crate::export::newest_sent(&invitations, now);
        let mut app = App {
            newest_sent,
            without_urls: !invitations.is_empty()
                && invitations
                    .iter()
                    .all(|i| i.inviter_url().is_empty() && i.invitee_url().is_empty()),
            source_name,
            export_command,
            skipped_rows,
            invitations,
            now,
            keymap,
            journal,
            incoming,
            outgoing,
            decisions: vec![None; n],
            superseded: Default::default(),
            counts: Default::default(),
            sent_counts: Default::default(),
            start_decisions: Vec::new(),
            start_thanks: Vec::new(),
            thanks_saved: Vec::new(),
            marked_sent: Vec::new(),
            start_sent: Vec::new(),
            set_aside: Vec::new(),
            undo_confirmed: false,
            reply_asked: None,
            quit_asked: false,
            filter_from: None,
            replies_edited: Vec::new(),
            start_replies: Vec::new(),
            start_line,
            brought_back: Vec::new(),
            id_index,
            id_repeats,
            tab_members,
            tab: Tab::Customised,
            tab_position: [None; 5],
            filter: Filter::Undecided,
            rows: Vec::new(),
            cursor: 0,
            offset: 0,
            marked: vec![false; n],
            marked_count: 0,
            mark_anchor: None,
            mode: Mode::List,
            query: String::new(),
            query_at: 0,
            search_missed: false,
            search_origin: 0,
            search_hits: None,
            shown: None,
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
            palette_256,
            frozen_clock,
            seen_before,
            seen_now,
            news_shown: false,
            news: None,
            news_due: None,
            stale_count: 0,
            badge_kinds: [0; 5],
        };
        // One pass in the list's own order (the tabs' orders would jump
        // about a million rows): the stale ones, and each tab's badges.
        let mut badge_kinds = [0u32; 5];
        for inv in &app.invitations {
            let stale = app.is_stale(inv);
            app.stale_count += usize::from(stale);
            // Four signal bits and the stale one index a bit of a u32.
            const _: () = assert!(Signals::all().bits() < 1 << 4);
            let kind = 1 << (u32::from(inv.signals.bits()) | u32::from(stale) << 4);
            // Its own tab, and All for a received one.
            badge_kinds[Tab::home(inv).index()] |= kind;
            if inv.direction == Direction::Incoming {
                badge_kinds[Tab::All.index()] |= kind;
            }
        }
        app.badge_kinds = badge_kinds;
        let all: Vec<u32> = (0..n as u32).collect();
        app.sync_decisions(&all);
        // Open on the first group with undecided invitations, customised
        // first; on your sent ones when nobody has invited you.
        let received = app.members(Tab::All).len();
        let sent = app.members(Tab::Sent).len();
        app.tab = Category::ALL
            .map(Tab::of)
            .into_iter()
            .find(|&t| app.members(t).iter().any(|&i| app.awaits(i)))
            .unwrap_or(if received == 0 && sent > 0 {
                Tab::Sent
            } else {
                Tab::All
            });
        app.rebuild_rows(None);
        app.note_invited_again();
        app.note_superseded();
        app.note_repeated_ids();
        app.note_unsaved_elsewhere();
        app.note_arrived_since();
        // Last, as it goes first: before the news, a step to take.
        if let Some(note) = crate::export::not_done_note(&app.invitations, &app.journal, app.now) {
            app.notices.insert(0, note);
        }
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
            // A step to take went before the news: the news waits for the
            // next key, and is not seen (nor `seen.json` moved on) till then.
            if let (Some(news), Some(status)) = (&app.news, &app.status)
                && *first != news.0
            {
                app.news_due = Some(start::NewsDue::behind(news.clone(), status.text.clone()));
            }
        }
        app.recover_unsaved();
        app.start_decisions = app.decisions.clone();
        app.note_drafts_at_start();
        app
    }

    /// The drafts at start, for the farewell: in one pass, as a journal
    /// lookup per row adds up at a million rows.
    fn note_drafts_at_start(&mut self) {
        for (i, inv) in self.invitations.iter().enumerate() {
            let Some(entry) = self.journal.state(inv.id) else {
                continue;
            };
            let i = i as u32;
            if entry.draft(DraftKind::ThankYou).is_some() {
                self.start_thanks.push(i);
            }
            if let Some(d) = entry.draft(DraftKind::Reply) {
                self.start_replies.push((i, d.text.clone()));
            }
            for kind in [DraftKind::Reply, DraftKind::ThankYou] {
                if let Some(d) = entry.draft(kind).filter(|d| d.marked_sent.is_some()) {
                    self.start_sent.push((i, kind, d.text.clone()));
                }
            }
        }
    }

    /// The invitation under the cursor.
    pub fn current(&self) -> Option<&Invitation> {
        self.rows
            .get(self.cursor)
            .map(|&i| &self.invitations[i as usize])
    }

    pub fn current_index(&self) -> Option<u32> {
        self.rows.get(self.cursor).copied()
    }

    /// A person's name for a status message that goes on after it (`· t
    /// thanks them · u to undo`): [`name_line`], cut to a third of the
    /// screen (20 columns at least), so that a 100-character name does not
    /// push the keys out of sight.
    /// Why no step is taken on row `idx` here, when it is superseded: a
    /// later invitation between the same two people has a step on it, made
    /// on a newer export ([`Journal::later`]), which one here would replace
    /// (or, for an undo, take back).
    fn superseded(&self, idx: u32) -> Option<String> {
        let inv = &self.invitations[idx as usize];
        let later = self.journal.later(inv)?;
        Some(self.superseded_text(idx, later))
    }

    /// [`App::superseded`]'s words, for the later invitation sent `later`.
    fn superseded_text(&self, idx: u32, later: NaiveDateTime) -> String {
        let inv = &self.invitations[idx as usize];
        let name = self.status_name(inv.counterpart());
        format!(
            "{} · open the newest export to act on it",
            superseded_by(inv.direction, Some(&name), later)
        )
    }

    fn status_name(&self, name: &str) -> String {
        let most = match self.size.0 {
            0 => usize::MAX,
            w => usize::from(w / 3).max(20),
        };
        crate::text::fit(&crate::text::name_line(name), most)
    }

    pub fn current_tab(&self) -> Tab {
        self.tab
    }

    /// The invitations on `tab` (indices into `invitations`), in its order.
    pub fn members(&self, tab: Tab) -> &[u32] {
        &self.tab_members[tab.index()]
    }

    /// The badges `tab`'s rows carry, as a set (see `badge_kinds`).
    pub fn badge_kinds(&self, tab: Tab) -> u32 {
        self.badge_kinds[tab.index()]
    }

    /// How many of `tab`'s invitations the filter lets through, from the
    /// decision counts (no scan: the tab bar is drawn on every key). The
    /// Sent tab has no filter.
    pub fn tab_shown(&self, tab: Tab) -> usize {
        let members = self.members(tab).len();
        let counts = match tab {
            Tab::Sent => return members,
            Tab::All => self.counts.iter().sum(),
            tab => match tab.category() {
                Some(c) => self.counts[c.index()],
                None => return members,
            },
        };
        match self.filter {
            Filter::Undecided => members.saturating_sub(counts.decided() + counts.superseded),
            Filter::Accepted => counts.accepted,
            Filter::Ignored => counts.ignored,
            Filter::Replied => counts.replied,
            Filter::All => members,
        }
    }

    /// Decided incoming invitations (the superseded ones among them: none
    /// is left to decide here), and all incoming ones.
    pub fn progress(&self) -> (usize, usize) {
        let decided = self.counts.iter().map(|c| c.decided() + c.superseded).sum();
        (decided, self.incoming.total)
    }

    /// The key context for the current mode.
    pub fn key_context(&self) -> KeyContext {
        // The question about quitting with rows marked takes y (n and Esc
        // too) as an answer, whatever the screen's size.
        if self.quit_asked {
            return KeyContext::Confirm;
        }
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
            Mode::Confirm(_) | Mode::ConfirmUndo { .. } => KeyContext::Confirm,
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
            // Most rows have nothing in the journal: one lookup says so.
            let (new, superseded) = match self.journal.state(inv.id) {
                // An unsaved draft on a later invitation supersedes it too.
                None if self.journal.has_unsaved(inv.id) => {
                    (None, self.journal.later(inv).is_some())
                }
                None => (None, false),
                Some(_) => {
                    let new = self.journal.decided(inv, self.now).map(|d| d.decision);
                    (new, new.is_none() && self.journal.later(inv).is_some())
                }
            };
            let old = std::mem::replace(&mut self.decisions[i as usize], new);
            // The set is empty but for an older export's rows: no hashing
            // of a million rows at start.
            let was_superseded = if superseded {
                !self.superseded.insert(i)
            } else {
                !self.superseded.is_empty() && self.superseded.remove(&i)
            };
            if old == new && was_superseded == superseded {
                continue;
            }
            let counts = match inv.direction {
                Direction::Incoming => &mut self.counts[inv.category.index()],
                Direction::Outgoing => &mut self.sent_counts,
            };
            if let Some(o) = old {
                *counts.slot(o) -= 1;
            }
            if let Some(n) = new {
                *counts.slot(n) += 1;
            }
            if was_superseded {
                counts.superseded -= 1;
            }
            if superseded {
                counts.superseded += 1;
            }
        }
    }

    /// Whether invitation `idx` is undecided here but superseded: a later
    /// invitation between the same two people has a decision or a draft
    /// from a newer export, and no step can be taken on this one. The
    /// undecided filter leaves it out, the progress counts it as done, and
    /// the cursor passes over it.
    pub fn is_superseded(&self, idx: u32) -> bool {
        !self.superseded.is_empty() && self.superseded.contains(&idx)
    }

    /// Sent invitations pending past `stale_after_days`, but for the
    /// superseded ones: nothing is left to do on those here.
    pub fn stale_pending(&self) -> usize {
        let superseded = self.superseded.iter();
        let stale = superseded.filter(|&&i| self.is_stale(&self.invitations[i as usize]));
        self.stale_count - stale.count()
    }

    /// Whether invitation `idx` waits for a decision here: undecided, and
    /// not superseded.
    pub(super) fn awaits(&self, idx: u32) -> bool {
        self.decisions[idx as usize].is_none() && !self.is_superseded(idx)
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
        let members = &self.tab_members[self.tab.index()];
        let admitted = |i: &u32| {
            filter.admits(self.decisions[*i as usize])
                // `is_superseded`, spelt out: a method would borrow all of
                // `self`, and `rows` is filled while this is in use.
                && !(filter == Filter::Undecided
                    && !self.superseded.is_empty()
                    && self.superseded.contains(i))
        };
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
        // The screen is gone: nothing else to answer, or ask.
        if action == Action::Leave {
            return Some(Effect::Farewell(self.leave()));
        }
        // Nor is a suspend (Ctrl-Z) a key that answers a question, ends
        // the step just done or clears the status: the screen comes back
        // as it was. On a screen too small to draw, too.
        if action == Action::Suspend {
            return Some(Effect::Suspend);
        }
        // A key on a screen large enough, or a resize to one: it has been
        // (or is about to be) drawn whole, the news with it, unless the
        // news is held back for what else the start says.
        let (w, h) = match action {
            Action::Resize(w, h) => (w, h),
            _ => self.size,
        };
        if w >= super::view::MIN_WIDTH && h >= super::view::MIN_HEIGHT && self.news_due.is_none() {
            self.news_shown = true;
        }
        // The question about quitting with rows marked is answered by the
        // next key: y quits; any other key stays and does nothing more
        // (an Esc meant as "no" would clear the very marks it keeps).
        // Ctrl-C quits, as it always does.
        let mut action = action;
        if self.quit_asked
            && !matches!(
                action,
                Action::Resize(..) | Action::Redraw | Action::Status(..)
            )
        {
            self.quit_asked = false;
            match action {
                Action::Confirm(true) => action = Action::QuitNow,
                Action::QuitNow => {}
                _ => {
                    self.set_status("Not quitting: the marks stay");
                    return None;
                }
            }
        }
        // So is the question about replying instead of an accept: the
        // reply key again opens the reply; the thank-you key, which the
        // question names too, writes a thank-you; anything else keeps the
        // accept and does nothing more.
        if self.reply_asked.is_some()
            && !matches!(
                action,
                Action::Resize(..) | Action::Redraw | Action::Status(..) | Action::EditorDone(..)
            )
        {
            if !matches!(
                action,
                Action::Reply | Action::ThankYou | Action::Quit | Action::QuitNow
            ) {
                self.reply_asked = None;
                self.set_status("Not replying: the accept stays");
                return None;
            }
            if action != Action::Reply {
                self.reply_asked = None;
            }
        }
        if !matches!(
            action,
            Action::CycleFilter | Action::Resize(..) | Action::Redraw | Action::Status(..)
        ) {
            self.filter_from = None;
        }
        // The disk may take the draft or the note now (space freed since):
        // tried again before quitting is refused for their sake.
        if matches!(action, Action::Quit | Action::QuitNow) {
            self.keep_unsaved_draft();
            self.keep_check_note();
        }
        let effect = self.apply(action);
        // After what the effect brings back (a copy's message), if any.
        if effect.is_none() {
            self.tell_written_back();
        }
        self.keep_unsaved_draft();
        self.keep_check_note();
        self.tell_news_due(effect.as_ref());
        effect
    }

    /// Says, after the step that did it, that the journal had been deleted
    /// and was written back ([`Journal::write_back_if_deleted`]).
    fn tell_written_back(&mut self) {
        if !self.journal.take_written_back() {
            return;
        }
        let note = format!(
            "the journal {} had been {} while invitriage was open: written back whole, with this step",
            crate::text::shown_path(self.journal.path()),
            if self.journal.was_cut_short() {
                "cut short by another program"
            } else {
                "deleted"
            }
        );
        let note = match self.journal.cut_short_left() {
            Some(left) => format!(
                "{note}; what it held after the cut is kept in {}",
                crate::text::shown_path(left)
            ),
            None => note,
        };
        let text = match &self.status {
            Some(s) => format!("{} · {note}", s.text),
            None => note,
        };
        self.set_error(text);
    }

    /// Whether quitting is refused: a changed draft open in the composer,
    /// or the check pad's note, is not on disk (a full one, say), and
    /// quitting would lose it.
    pub fn quitting_refused(&self) -> bool {
        self.draft_off_disk() || !self.check_note_on_disk()
    }

    /// Whether a changed draft is open in the composer and not on disk.
    fn draft_off_disk(&self) -> bool {
        // Changed: words a template replaced are in Ctrl-U's history only,
        // which no disk keeps (the draft on disk is the template's, as it
        // opened), so they do not hold up quitting.
        self.mode == Mode::Compose
            && self.composer.as_ref().is_some_and(Composer::changed)
            && !self.draft_on_disk()
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

    /// Whether the last key asked whether to quit with rows marked.
    pub fn quit_asked(&self) -> bool {
        self.quit_asked
    }

    /// Whether the status line asks a question the next key answers (a
    /// large undo, a reply over an accept, quitting with marks).
    pub fn asking(&self) -> bool {
        self.reply_asked.is_some() || self.quit_asked
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
                Action::Resize(..)
                    | Action::Status(..)
                    | Action::EditorDone(_)
                    | Action::Quit
                    | Action::QuitNow
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
                | Action::Unbound
                | Action::OpenProfile
                | Action::CopyUrl
                | Action::CopyDraft
                | Action::MarkSent
        ) {
            self.just_done
        } else {
            self.just_done.take()
        };
        let target = just_done.or(self.current_index());
        // A new key clears the last message, except the ones that report on
        // something the loop just did, and a repaint (Ctrl-L), which draws
        // the same screen again: a question it wiped would be answered by
        // the next key unseen.
        // Ctrl-L in the composer (the check pad's "clear") repaints too.
        let repaint = action == Action::Redraw
            || (action == Action::CheckClear && self.mode == Mode::Compose);
        if !repaint
            && !matches!(
                action,
                Action::Status(..) | Action::Resize(..) | Action::EditorDone(_) | Action::Unbound
            )
        {
            self.status = None;
        }
        match action {
            Action::Unbound => {}
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.scroll_to_cursor();
                // Help or statistics scrolled to the end in a smaller window:
                // not past the new end, or the first Up would not move.
                let max = super::view::max_scroll(self);
                if let Mode::Help { scroll } | Mode::Stats { scroll } = &mut self.mode {
                    *scroll = (*scroll).min(max);
                }
                if let Some(c) = &mut self.composer {
                    c.settle_view();
                }
                if let Some(p) = &mut self.check_pad {
                    p.settle_view();
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
            Action::Quit | Action::QuitNow if self.draft_off_disk() => {
                self.set_error(
                    "Not quitting: the draft is not kept on disk · Ctrl-Y copies it; Ctrl-S saves it once the disk takes it; Esc then y discards it",
                );
            }
            // The same for the check pad's note, which outlives the pad.
            Action::Quit | Action::QuitNow if !self.check_note_on_disk() => {
                let w = self
                    .keymap
                    .key_does(
                        &Action::Check,
                        "opens it: Ctrl-Y copies it, Ctrl-L clears it",
                    )
                    .unwrap_or_else(|| keys::no_key(&Action::Check));
                self.set_error(format!(
                    "Not quitting: the check pad's note is not kept on disk · {w}"
                ));
            }
            // Marks are not kept: hand-picked over many rows, they are
            // not lost to one stray key.
            Action::Quit if self.marked_count > 0 => {
                let rows = match self.marked_count {
                    1 => "The marked row is".to_string(),
                    n => format!("The {n} marked rows are"),
                };
                self.quit_asked = true;
                self.set_error(format!(
                    "Quit? {rows} not kept (decisions are) · y quits · any other key stays"
                ));
            }
            Action::Quit | Action::QuitNow => return Some(Effect::Quit),
            // Answered by `update` before anything else.
            Action::Leave | Action::Suspend => {}
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
            ref a if a.moves() && matches!(self.mode, Mode::Help { .. } | Mode::Stats { .. }) => {
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
            Action::NextTab => self.switch_tab(self.tab.next()),
            Action::PrevTab => self.switch_tab(self.tab.prev()),
            Action::Tab(t) => self.switch_tab(t),
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
                // Through a list without it, or an empty one, the row it
                // started on.
                let keep = self
                    .filter_from
                    .or(self.current_index())
                    .or(self.tab_position[self.tab.index()]);
                self.filter_from = keep;
                self.tab_position[self.tab.index()] = keep;
                self.rebuild_rows(keep);
                self.set_status(format!("Showing {} invitations", self.filter.label()));
            }
            Action::Accept => self.decide_current(Decision::Accepted),
            Action::Ignore => self.decide_current(Decision::Ignored),
            Action::Undo => self.undo(),
            Action::Mark => self.toggle_mark(),
            Action::MarkPitches => self.mark_pitches(),
            Action::MarkRange => self.mark_range(),
            Action::AcceptMarked => self.bulk(Decision::Accepted),
            Action::IgnoreMarked => self.bulk(Decision::Ignored),
            Action::Withdraw => self.decide_current(Decision::Withdrawn),
            Action::WithdrawStale => self.withdraw_stale(),
            Action::Confirm(yes) => match std::mem::replace(&mut self.mode, Mode::List) {
                Mode::Confirm(bulk) if yes => self.apply_bulk(bulk),
                Mode::Confirm(_) => self.set_status("Nothing changed"),
                Mode::ConfirmUndo { .. } if yes => {
                    self.undo_confirmed = true;
                    self.undo();
                }
                Mode::ConfirmUndo { .. } => self.set_status("Nothing undone: the step stays"),
                other => self.mode = other,
            },
            a @ (Action::Search
            | Action::SearchInput(_)
            | Action::SearchEdit(_)
            | Action::SearchSubmit) => self.apply_search(a),
            Action::NextMatch => self.next_match(true),
            Action::PrevMatch => self.next_match(false),
            // No row to act on: said, as for a decision.
            Action::OpenProfile | Action::CopyUrl | Action::CopyDraft | Action::MarkSent
                if target.is_none() =>
            {
                let verb = match action {
                    Action::OpenProfile => "open",
                    Action::MarkSent => "mark sent",
                    _ => "copy",
                };
                self.set_status(self.nothing_here(verb));
            }
            Action::OpenProfile => return self.open_profile(target),
            Action::CopyUrl => return self.copy_url(target),
            Action::Reply => self.open_composer(DraftKind::Reply),
            Action::ThankYou => {
                let accepted =
                    just_done.filter(|&i| self.decisions[i as usize] == Some(Decision::Accepted));
                self.open_thank_you(accepted)
            }
            Action::CopyDraft => return self.copy_draft(target),
            Action::MarkSent => self.mark_sent(target),
            Action::Check => self.open_check_pad(),
            Action::Paste(text) => self.paste(&text),
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

    /// `w`: the check pad, on the note left in it (by this run or an
    /// earlier one), checked as one to the row's person when it is a sent
    /// invitation.
    fn open_check_pad(&mut self) {
        if self.check_pad.is_none() {
            let note = self.journal.check_note().unwrap_or_default();
            let pad = super::pad::Pad::new(note);
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
                    // The note as graded and counted: blank lines and
                    // spaces before and after it are no part of it.
                    return Some(Effect::Copy {
                        text: p.lines().join("\n").trim().to_string(),
                        label: "note".into(),
                    });
                }
            }
            Action::ComposeEditor => {
                if let Some(p) = &self.check_pad {
                    // Beside the note on disk: a run killed while the
                    // editor is open leaves the file there, and the next
                    // start takes back what the editor saved in it.
                    return Some(Effect::Editor {
                        text: p.lines().join("\n"),
                        keep_in: Some(self.journal.check_pad_editing_file()),
                    });
                }
            }
            Action::ComposeNextTemplate | Action::ComposeTemplate(_) => {}
            Action::EditorDone(result) => match result {
                Ok(edited) => {
                    if let Some(p) = &mut self.check_pad {
                        // The file's own line end comes off, as in the composer:
                        // a blank line the note ends with stays.
                        let text = clean_draft(&edited.text);
                        p.set_text(text.strip_suffix('\n').unwrap_or(&text));
                    }
                    if let Some(notes) = edited.notes() {
                        self.set_error(notes);
                    }
                }
                Err(e) => self.set_error(format!("{e} · the note is unchanged")),
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
                    let w = self
                        .keymap
                        .key_does_or_none(&Action::Check, "opens it again");
                    self.set_status(format!("The note stays in the check pad: {w}"));
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
                    Some(c) if c.question == Some(Question::Replace) => {
                        c.question = None;
                        self.set_status("Kept your words");
                    }
                    // Esc answers the discard question too, as "no": a
                    // quick double Esc (a vim reflex) must not throw the
                    // words away; only y does.
                    Some(c) if c.question == Some(Question::Discard) => {
                        c.question = None;
                        self.set_status("Kept the draft; type on");
                    }
                    Some(c) if changed => {
                        c.question = Some(Question::Discard);
                        // Over a saved draft, Esc drops only the changes;
                        // an undone one stays in the journal, offered again.
                        let question = if c.resumed || (saved && !c.undone) {
                            "Discard your changes? The saved draft stays · y discards them · l leaves them for later, unsaved · Esc keeps writing · Ctrl-S saves them".to_string()
                        } else if c.undone {
                            let action = Action::compose(c.kind());
                            // Words added to it since are not in the
                            // journal: closing would lose them.
                            let edited = self
                                .journal
                                .undone_draft(
                                    &self.invitations[c.index as usize],
                                    c.kind(),
                                    self.now,
                                )
                                .is_none_or(|d| d.text != c.message());
                            if edited {
                                let again = self.keymap.aside(
                                    &action,
                                    &format!("offers the undone {} again", c.kind().label()),
                                );
                                format!(
                                    "Close this draft? Your changes since the undo would go{again} · y closes it · l leaves it for later with them, unsaved · Esc keeps writing · Ctrl-S saves it"
                                )
                            } else {
                                let again = self
                                    .keymap
                                    .key_does(&action, "offers it again")
                                    .map(|k| format!(" As an undone one, {k} ·"))
                                    .unwrap_or_default();
                                format!(
                                    "Close this draft?{again} y closes it · Esc keeps it · Ctrl-S saves it"
                                )
                            }
                        } else {
                            "Discard this draft? y discards it · l leaves it for later, unsaved · Esc keeps writing · Ctrl-S saves it"
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
                    // A range mark starts from the top again.
                    self.mark_anchor = None;
                    self.set_status("Marks cleared");
                }
            }
            Mode::Help { .. } => self.mode = self.leave_help(),
            _ => self.mode = Mode::List,
        }
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
    fn switch_tab(&mut self, t: Tab) {
        if t != self.tab {
            self.go_to_tab(t, self.tab_position[t.index()]);
        }
    }

    /// Goes to tab `t` with the cursor on `keep` (see
    /// [`Self::rebuild_rows`]), remembering the row this tab was left on.
    fn go_to_tab(&mut self, t: Tab, keep: Option<u32>) {
        // An empty list keeps the row it was last on.
        let here = self.tab.index();
        self.tab_position[here] = self.current_index().or(self.tab_position[here]);
        self.tab = t;
        self.rebuild_rows(keep);
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
        let home = Tab::home(&self.invitations[idx as usize]);
        if !self.tab.contains(&self.invitations[idx as usize]) {
            self.go_to_tab(home, Some(idx));
        } else {
            self.rebuild_rows(Some(idx));
        }
        if self.current_index() != Some(idx) {
            // Left out by the filter: in its place among the rows listed.
            let members = self.members(self.tab);
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
