//! Keys → [`Action`]s. One keymap (the defaults plus `[keys]` from the config)
//! is the single source for dispatch, the footer hints and the `?` overlay.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::Tab;
use super::line::LineEdit;
use crate::config::KeyBinding;
use crate::journal::DraftKind;

/// What the user asked for, independent of which key they pressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    // Moving.
    Up,
    Down,
    First,
    Last,
    PageUp,
    PageDown,
    /// Scroll the detail pane (a note longer than the pane) a line.
    DetailDown,
    DetailUp,
    /// Scroll the detail pane half its height (Ctrl-D and Ctrl-U, as in
    /// less and vim).
    DetailHalfDown,
    DetailHalfUp,
    NextTab,
    PrevTab,
    Tab(Tab),
    // Deciding.
    Accept,
    Ignore,
    Reply,
    ThankYou,
    Undo,
    Mark,
    /// Mark every pitch in the list (or unmark them, when all are marked).
    MarkPitches,
    /// Mark every row from the one last marked by itself (or the top of
    /// the list) to the cursor's.
    MarkRange,
    AcceptMarked,
    IgnoreMarked,
    /// Mark an invitation you sent to withdraw on LinkedIn (Sent tab).
    Withdraw,
    /// Mark every stale invitation the Sent tab shows to withdraw.
    WithdrawStale,
    // Finding.
    Search,
    NextMatch,
    PrevMatch,
    CycleFilter,
    // Acting outside.
    OpenProfile,
    CopyUrl,
    CopyDraft,
    /// Mark the draft to send as sent on LinkedIn, or as not sent after all.
    MarkSent,
    // Screens.
    Stats,
    Help,
    Check,
    Quit,
    /// Quit without the question the quit key asks when rows are marked
    /// (their marks go): Ctrl-C, and a y to that question.
    QuitNow,
    Cancel,
    /// Ctrl-L: paint the whole screen again (a terminal that draws some
    /// characters wider than their width leaves stray glyphs).
    Redraw,
    /// Ctrl-Z: give the terminal back to the shell and stop, as other
    /// full-screen programs do (`fg` brings the screen back).
    Suspend,
    /// A key that does nothing where it is pressed. It still answers the
    /// questions the status line asks (a reply over an accept, quitting
    /// with rows marked).
    Unbound,
    // Modal input: the confirm dialog, the search line.
    Confirm(bool),
    /// A character typed into the search line, at its cursor.
    SearchInput(char),
    /// A move of the search line's cursor, or a deletion around it.
    SearchEdit(LineEdit),
    SearchSubmit,
    // The composer gets raw keys.
    ComposeKey(KeyEvent),
    ComposeSave,
    ComposeEditor,
    ComposeNextTemplate,
    ComposeTemplate(usize),
    ComposeCopy,
    /// Empty the check pad (undone by the pad's own Ctrl-U).
    CheckClear,
    // From the terminal loop.
    Resize(u16, u16),
    /// The result of handing a draft to `$EDITOR`: the edited text or an error.
    EditorDone(Result<super::editor::Edited, String>),
    /// A message from a side effect (copy, open) for the status line.
    Status(String, bool),
    /// Text pasted into the terminal (bracketed paste), arriving whole.
    Paste(String),
    /// The screen has closed (a key, a SIGTERM, a hang-up): make the words
    /// not saved in the journal durable, and say what became of them
    /// ([`Effect::Farewell`](super::app::Effect::Farewell)).
    Leave,
}

impl Action {
    /// A move of the cursor, or of an overlay's scroll: up, down, a page,
    /// the first or the last.
    pub fn moves(&self) -> bool {
        matches!(
            self,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::First
                | Action::Last
        )
    }

    /// What opens the composer on a draft of `kind` (`r` or `t`): for the
    /// hints that name its key.
    pub fn compose(kind: DraftKind) -> Action {
        match kind {
            DraftKind::Reply => Action::Reply,
            DraftKind::ThankYou => Action::ThankYou,
        }
    }
}

/// The footer's short label of a bindable action (`accept`, `all stale`);
/// empty for one that is not bindable.
pub fn label(action: &Action) -> &'static str {
    BINDABLE
        .iter()
        .find(|(_, a, _, _)| a == action)
        .map_or("", |b| b.3)
}

/// Actions that can be bound in `[keys]`, by their config name, with the help
/// text and a short footer label ([`label`]).
pub const BINDABLE: &[(&str, Action, &str, &str)] = &[
    (
        "up",
        Action::Up,
        "move up (scrolls help and statistics)",
        "up",
    ),
    (
        "down",
        Action::Down,
        "move down (scrolls help and statistics)",
        "down",
    ),
    ("first", Action::First, "first invitation", "first"),
    ("last", Action::Last, "last invitation", "last"),
    ("page_up", Action::PageUp, "page up", "page up"),
    ("page_down", Action::PageDown, "page down", "page down"),
    (
        "detail_down",
        Action::DetailDown,
        "scroll the note down, when it is longer than its pane",
        "more",
    ),
    (
        "detail_up",
        Action::DetailUp,
        "scroll the note back up",
        "back",
    ),
    (
        "detail_half_down",
        Action::DetailHalfDown,
        "scroll the note down half a pane",
        "half more",
    ),
    (
        "detail_half_up",
        Action::DetailHalfUp,
        "scroll the note up half a pane",
        "half back",
    ),
    ("next_tab", Action::NextTab, "next tab", "tab"),
    ("prev_tab", Action::PrevTab, "previous tab", "tab"),
    (
        "tab_customised",
        Action::Tab(Tab::Customised),
        "Customised tab",
        "customised",
    ),
    (
        "tab_greeting_only",
        Action::Tab(Tab::GreetingOnly),
        "Greeting-only tab",
        "greeting",
    ),
    (
        "tab_default",
        Action::Tab(Tab::Default),
        "Default tab",
        "default",
    ),
    ("tab_all", Action::Tab(Tab::All), "All tab", "all"),
    (
        "tab_sent",
        Action::Tab(Tab::Sent),
        "Sent tab (your own invitations)",
        "sent",
    ),
    (
        "accept",
        Action::Accept,
        "accept, then go to the next undecided",
        "accept",
    ),
    (
        "ignore",
        Action::Ignore,
        "ignore, then go to the next undecided",
        "ignore",
    ),
    (
        "reply",
        Action::Reply,
        "reply but don't accept: draft a message",
        "reply",
    ),
    (
        "thank_you",
        Action::ThankYou,
        "thank-you: after accepting, or on an accepted row",
        "thank",
    ),
    (
        "undo",
        Action::Undo,
        "undo a decision or draft (also after a restart)",
        "undo",
    ),
    (
        "mark",
        Action::Mark,
        "mark or unmark for a bulk action, and go to the next row",
        "mark",
    ),
    (
        "mark_range",
        Action::MarkRange,
        "mark every row from the one last marked (or the top of the list) to here",
        "mark to here",
    ),
    (
        "mark_pitches",
        Action::MarkPitches,
        "mark every pitch in the list (sells or recruits), to ignore them together",
        "pitches",
    ),
    (
        "accept_marked",
        Action::AcceptMarked,
        "accept the marked ones, or the whole tab",
        "all",
    ),
    (
        "ignore_marked",
        Action::IgnoreMarked,
        "ignore the marked ones, or the whole tab",
        "all",
    ),
    (
        "withdraw",
        Action::Withdraw,
        "on the Sent tab: mark an invitation you sent to withdraw on LinkedIn (on a marked one: unmark)",
        "withdraw",
    ),
    (
        "withdraw_stale",
        Action::WithdrawStale,
        "on the Sent tab: mark every stale one shown to withdraw (asks first)",
        "all stale",
    ),
    ("search", Action::Search, "search names and notes", "search"),
    ("next_match", Action::NextMatch, "next search match", "next"),
    (
        "prev_match",
        Action::PrevMatch,
        "previous search match",
        "prev",
    ),
    (
        "filter",
        Action::CycleFilter,
        "filter: undecided, accepted, ignored, replied, all",
        "filter",
    ),
    (
        "open",
        Action::OpenProfile,
        "open the profile in the browser (right after a step that moved on: of the person it named)",
        "open",
    ),
    (
        "copy_url",
        Action::CopyUrl,
        "copy the profile URL (right after a step that moved on: of the person it named)",
        "copy url",
    ),
    (
        "copy_draft",
        Action::CopyDraft,
        "copy the draft to send (thank-you once accepted; right after a step that moved on: of the person it named)",
        "copy draft",
    ),
    (
        "mark_sent",
        Action::MarkSent,
        "mark the draft to send as sent on LinkedIn, so the action lists leave it out (on one marked: not sent after all)",
        "sent",
    ),
    ("stats", Action::Stats, "statistics", "stats"),
    (
        "check",
        Action::Check,
        "grade a note you are about to send",
        "check",
    ),
    ("help", Action::Help, "this help", "help"),
    ("quit", Action::Quit, "quit", "quit"),
];

/// The default keys of each bindable action (by config name).
const DEFAULTS: &[(&str, &[&str])] = &[
    ("up", &["k", "up"]),
    ("down", &["j", "down"]),
    ("first", &["g", "home"]),
    ("last", &["G", "end"]),
    ("page_up", &["pageup", "ctrl-b"]),
    ("page_down", &["pagedown", "ctrl-f"]),
    ("detail_down", &["J"]),
    ("detail_up", &["K"]),
    ("detail_half_down", &["ctrl-d"]),
    ("detail_half_up", &["ctrl-u"]),
    ("next_tab", &["tab", "l", "right"]),
    ("prev_tab", &["shift-tab", "h", "left"]),
    ("tab_customised", &["1"]),
    ("tab_greeting_only", &["2"]),
    ("tab_default", &["3"]),
    ("tab_all", &["4"]),
    ("tab_sent", &["5"]),
    ("accept", &["a"]),
    ("ignore", &["i"]),
    ("reply", &["r"]),
    ("thank_you", &["t"]),
    ("undo", &["u"]),
    ("mark", &["space"]),
    ("mark_range", &["V"]),
    ("mark_pitches", &["p"]),
    ("accept_marked", &["A"]),
    ("ignore_marked", &["I"]),
    ("withdraw", &["x"]),
    ("withdraw_stale", &["X"]),
    ("search", &["/"]),
    ("next_match", &["n"]),
    ("prev_match", &["N"]),
    ("filter", &["f"]),
    ("open", &["o"]),
    ("copy_url", &["y"]),
    ("copy_draft", &["c"]),
    ("mark_sent", &["S"]),
    ("stats", &["s"]),
    ("check", &["w"]),
    ("help", &["?"]),
    ("quit", &["q"]),
];

/// A key with its modifiers, as written in the config: `a`, `A`, `ctrl-s`,
/// `shift-tab`, `space`, `pagedown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

/// Why a key name could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unread {
    NotAKey,
    /// A modifier written twice (`ctrl-ctrl-a`), by its prefix.
    Twice(&'static str),
}

impl Key {
    pub fn parse(s: &str) -> Option<Key> {
        Key::read(s).ok()
    }

    fn read(s: &str) -> Result<Key, Unread> {
        let mut ctrl = false;
        let mut alt = false;
        let mut shift = false;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (flag, prefix) = if rest.len() > 1 && lower.starts_with("ctrl-") {
                (&mut ctrl, "ctrl-")
            } else if rest.len() > 1 && lower.starts_with("alt-") {
                (&mut alt, "alt-")
            } else if lower.len() > 6 && lower.starts_with("shift-") && lower != "shift-tab" {
                // A terminal sends Shift with a letter as the capital:
                // `shift-y` is `Y`. With any other key it sends no Shift
                // that could be told apart.
                (&mut shift, "shift-")
            } else {
                break;
            };
            if *flag {
                return Err(Unread::Twice(prefix));
            }
            *flag = true;
            rest = &rest[prefix.len()..];
        }
        let code = Key::code(rest, ctrl, shift).ok_or(Unread::NotAKey)?;
        Ok(Key { code, ctrl, alt })
    }

    /// The key named by `rest`, what is left of a name once its modifiers
    /// are read.
    fn code(rest: &str, ctrl: bool, shift: bool) -> Option<KeyCode> {
        if shift {
            let mut chars = rest.chars();
            let c = chars.next().filter(|c| c.is_alphabetic())?;
            if chars.next().is_some() || ctrl {
                return None;
            }
            let mut upper = c.to_uppercase();
            let capital = upper.next()?;
            if upper.next().is_some() {
                return None;
            }
            return Some(KeyCode::Char(capital));
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "space" => KeyCode::Char(' '),
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "backspace" => KeyCode::Backspace,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "delete" | "del" => KeyCode::Delete,
            // F1 to F24: no keyboard has an F0 or an F99.
            f if f.len() >= 2
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=24).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().ok()?)
            }
            _ => {
                let mut chars = rest.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c })
            }
        };
        Some(code)
    }

    /// Why a key cannot be bound: it keeps its own job everywhere, or a
    /// terminal sends it as another key or not at all, so the binding would
    /// be shown but never reached. Alt makes no difference to these: the
    /// screen loop takes Ctrl-C and Ctrl-L whatever else is held, and a
    /// terminal sends Alt as an Esc before the key.
    fn reserved(&self) -> Option<String> {
        let why = |s: &str| Some(s.to_string());
        match (self.code, self.ctrl) {
            // No key types a control character; one that sends it (Tab,
            // Ctrl-A) is read as that key. An invisible one could not be
            // shown in the footer or the help.
            (KeyCode::Char(c), _) if invisible(c) => Some(format!(
                "`{}` is {}, which no key types",
                escaped(&c.to_string()),
                if c.is_control() {
                    "a control character"
                } else {
                    "an invisible character"
                },
            )),
            (KeyCode::Char('c'), true) => {
                why("Ctrl-C quits everywhere (keeping a draft being written)")
            }
            (KeyCode::Char('l'), true) => why("Ctrl-L paints the screen again"),
            (KeyCode::Char('z'), true) => why("Ctrl-Z suspends, as in other programs"),
            (KeyCode::Esc, _) => why("Esc leaves a screen or a question, and clears the marks"),
            (KeyCode::Char('i'), true) => why("a terminal sends Ctrl-I as Tab"),
            (KeyCode::Char('m'), true) => why("a terminal sends Ctrl-M as Enter"),
            (KeyCode::Char('['), true) => why("a terminal sends Ctrl-[ as Esc"),
            (KeyCode::Char('?'), true) => why("a terminal sends Ctrl-? as Backspace"),
            (KeyCode::Char(c), true) if !c.is_ascii_alphabetic() && c != ' ' => Some(format!(
                "a terminal sends Ctrl with `{c}` as another key or not at all ({CTRL_GOES_WITH})"
            )),
            (KeyCode::Backspace, true) => {
                why("a terminal sends Ctrl-Backspace as Backspace or Ctrl-H")
            }
            (KeyCode::Tab | KeyCode::BackTab | KeyCode::Enter, true) => {
                let plain = Key {
                    ctrl: false,
                    ..*self
                };
                Some(format!(
                    "a terminal sends {self} as {plain} ({CTRL_GOES_WITH})"
                ))
            }
            // Esc followed by `[` or `O` starts the code another key sends
            // (an arrow, F1): what reads the keys waits for the rest of it,
            // and takes the next key with it (Alt-[ then `A` is ↑).
            (KeyCode::Char(c @ ('[' | 'O')), false) if self.alt => Some(format!(
                "a terminal sends Alt-{c} as the start of another key's code, and it never arrives"
            )),
            // Esc, then Shift-Tab's own code after it, which is read as Esc
            // and two keys (`[`, `Z`): Esc clears the marks.
            (KeyCode::BackTab, false) if self.alt => {
                why("a terminal sends Alt-Shift-Tab as Esc and two more keys")
            }
            _ => None,
        }
    }

    /// The key of a terminal event, normalised so that `A` matches `A`
    /// whether or not the terminal reports Shift.
    fn from_event(ev: &KeyEvent) -> Key {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        let code = match ev.code {
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            c => c,
        };
        Key { code, ctrl, alt }
    }
}

/// What Ctrl can be bound with, for the messages refusing the rest.
const CTRL_GOES_WITH: &str =
    "Ctrl goes with a letter, space, an arrow, Home, End, PgUp, PgDn, Del or an F key";

/// A control character, or one a terminal draws as nothing: whitespace
/// other than the space, zero-width characters (U+200B), format characters.
fn invisible(c: char) -> bool {
    use unicode_width::UnicodeWidthChar;
    c.is_control() || (c.is_whitespace() && c != ' ') || c.width().is_none_or(|w| w == 0)
}

/// A key name as a message shows it, between the quotes of its line: an
/// invisible character as the escape a TOML string writes it with
/// (`\u200B`), so that it can be seen, and `\` and `"` escaped as there.
fn escaped(key: &str) -> String {
    key.chars()
        .map(|c| match c {
            '\\' | '"' => format!("\\{c}"),
            c if invisible(c) => format!("\\u{:04X}", u32::from(c)),
            c => c.to_string(),
        })
        .collect()
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            // `Ctrl-S`, as the composer's keys and most programs write a
            // chord (the letter's case makes no difference to it).
            KeyCode::Char(c) if self.ctrl => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::F(n) => write!(f, "F{n}"),
            _ => f.write_str("?"),
        }
    }
}

/// The key bindings of the list screen.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Key, Action)>,
}

/// Why a `[keys]` table could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapError {
    #[error(
        "[keys]: unknown action `{0}`{home}; the actions are: {names}",
        home = crate::config::home_of(.0).map(|h| format!(" (the setting `{}` belongs {h})", .0)).unwrap_or_default(),
        names = BINDABLE.iter().map(|b| b.0).collect::<Vec<_>>().join(", ")
    )]
    UnknownAction(String),
    #[error(
        "[keys]: `{action} = \"{key}\"`: `{key}` is not a key (write e.g. `a`, `A`, `ctrl-s`, `space`, `pagedown`; a shifted symbol as itself: `!`, not `shift-1`)"
    )]
    BadKey { action: String, key: String },
    #[error("[keys]: `{action} = \"{key}\"`: `{modifier}` is written twice; write it once")]
    Twice {
        action: String,
        key: String,
        modifier: &'static str,
    },
    #[error("[keys]: `{action} = \"{key}\"`: {why}; choose another key")]
    Reserved {
        action: String,
        key: String,
        why: String,
    },
    #[error("[keys]: `{action}` would be left with no key ({why}); it needs one")]
    NoKey {
        action: String,
        /// The actions that took its keys, each with the key.
        taken_by: Vec<(String, String)>,
        why: String,
    },
    #[error("[keys]: `{key}` is bound to both `{first}` and `{second}`")]
    Conflict {
        key: String,
        first: String,
        second: String,
    },
    /// Backspace and Ctrl-H bound to two actions (or Alt-Backspace and
    /// Ctrl-Alt-H, `alt` then `"alt-"`): many terminals send one as the
    /// other.
    #[error(
        "[keys]: `{alt}backspace` is bound to `{backspace}` and `ctrl-{alt}h` to `{ctrl_h}`, but many terminals send Backspace as Ctrl-H; bind them to one action, or choose another key"
    )]
    BackspaceCtrlH {
        backspace: String,
        ctrl_h: String,
        alt: &'static str,
    },
}

impl KeymapError {
    /// The actions at fault, as `[keys]` names them.
    pub fn actions(&self) -> Vec<String> {
        match self {
            KeymapError::UnknownAction(action)
            | KeymapError::BadKey { action, .. }
            | KeymapError::Twice { action, .. }
            | KeymapError::Reserved { action, .. } => {
                vec![action.clone()]
            }
            // The lines that took its keys say where to look.
            KeymapError::NoKey {
                action, taken_by, ..
            } => std::iter::once(action.clone())
                .chain(taken_by.iter().map(|(a, _)| a.clone()))
                .collect(),
            KeymapError::Conflict { first, second, .. } => vec![first.clone(), second.clone()],
            KeymapError::BackspaceCtrlH {
                backspace, ctrl_h, ..
            } => {
                vec![backspace.clone(), ctrl_h.clone()]
            }
        }
    }
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::new(&std::collections::BTreeMap::new()).unwrap_or(Keymap {
            bindings: Vec::new(),
        })
    }
}

impl Keymap {
    /// The defaults, with each action named in `overrides` rebound to the keys
    /// given there (replacing its default keys).
    pub fn new(
        overrides: &std::collections::BTreeMap<String, KeyBinding>,
    ) -> Result<Keymap, KeymapError> {
        for name in overrides.keys() {
            if !BINDABLE.iter().any(|b| b.0 == name) {
                return Err(KeymapError::UnknownAction(name.clone()));
            }
        }
        let mut bindings: Vec<(Key, Action, &str)> = Vec::new();
        for (name, action, _, _) in BINDABLE {
            let keys: Vec<String> = match overrides.get(*name) {
                Some(b) => b.keys().into_iter().map(str::to_string).collect(),
                None => DEFAULTS
                    .iter()
                    .find(|d| d.0 == *name)
                    .map(|d| d.1.iter().map(|k| k.to_string()).collect())
                    .unwrap_or_default(),
            };
            for k in keys {
                let (action_name, shown) = (name.to_string(), escaped(&k));
                let key = Key::read(&k).map_err(|e| match e {
                    Unread::NotAKey => KeymapError::BadKey {
                        action: action_name.clone(),
                        key: shown.clone(),
                    },
                    Unread::Twice(modifier) => KeymapError::Twice {
                        action: action_name.clone(),
                        key: shown.clone(),
                        modifier,
                    },
                })?;
                if let Some(why) = key.reserved() {
                    return Err(KeymapError::Reserved {
                        action: action_name,
                        key: shown,
                        why,
                    });
                }
                // A large undo, a bulk step and quitting with marks ask y
                // or n, and their own key is no answer: held or pressed
                // twice, a `y` for one would answer yes to its question.
                let asks = match action {
                    Action::Undo => Some("a large undo"),
                    Action::AcceptMarked | Action::IgnoreMarked => Some("a bulk step"),
                    Action::WithdrawStale => Some("marking every stale one"),
                    Action::Quit => Some("quitting with rows marked"),
                    _ => None,
                };
                if let Some(asks) = asks
                    && matches!(key.code, KeyCode::Char('y' | 'Y' | 'n' | 'N'))
                {
                    return Err(KeymapError::Reserved {
                        action: action_name,
                        key: shown,
                        why: format!(
                            "y and n answer the question {asks} asks, and its own key held must not answer it"
                        ),
                    });
                }
                bindings.push((key, action.clone(), name));
            }
        }
        // A user's key wins over a default one it collides with; two user
        // bindings on one key are a conflict.
        let mut out: Vec<(Key, Action)> = Vec::new();
        let mut owner: Vec<&str> = Vec::new();
        for (key, action, name) in &bindings {
            if let Some(pos) = out.iter().position(|(k, _)| k == key) {
                let first_user = overrides.contains_key(owner[pos]);
                let this_user = overrides.contains_key(*name);
                match (first_user, this_user) {
                    // The same key listed twice for one action (`["y",
                    // "y"]`, `"Y"` and `"shift-y"`): no conflict.
                    _ if owner[pos] == *name => {}
                    (true, true) => {
                        return Err(KeymapError::Conflict {
                            key: key.to_string(),
                            first: owner[pos].to_string(),
                            second: name.to_string(),
                        });
                    }
                    (false, true) => {
                        out[pos] = (*key, action.clone());
                        owner[pos] = name;
                    }
                    _ => {}
                }
            } else {
                out.push((*key, action.clone()));
                owner.push(name);
            }
        }
        // Without these the app could not be left, its help not read, a
        // slip not taken back; other actions may go without a key.
        for essential in ["quit", "help", "undo"] {
            if owner.contains(&essential) {
                continue;
            }
            // Its keys as it would have them, and who has each now.
            let own: Vec<&Key> = bindings
                .iter()
                .filter(|b| b.2 == essential)
                .map(|b| &b.0)
                .collect();
            let taken_by: Vec<(String, String)> = own
                .iter()
                .filter_map(|&k| {
                    let pos = out.iter().position(|(o, _)| o == k)?;
                    Some((owner[pos].to_string(), k.to_string()))
                })
                .collect();
            let why = if taken_by.is_empty() {
                "bound to none".to_string()
            } else {
                taken_by
                    .iter()
                    .map(|(a, k)| format!("`{a}` took `{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            return Err(KeymapError::NoKey {
                action: essential.to_string(),
                taken_by,
                why,
            });
        }
        // A terminal that sends Backspace as Ctrl-H (^H) would run the
        // Ctrl-H binding for the Backspace key; with Alt too (ESC ^H).
        let owner_of = |code: KeyCode, ctrl: bool, alt: bool| {
            out.iter()
                .position(|(k, _)| k.code == code && k.ctrl == ctrl && k.alt == alt)
        };
        for alt in [false, true] {
            if let (Some(b), Some(h)) = (
                owner_of(KeyCode::Backspace, false, alt),
                owner_of(KeyCode::Char('h'), true, alt),
            ) && out[b].1 != out[h].1
            {
                return Err(KeymapError::BackspaceCtrlH {
                    backspace: owner[b].to_string(),
                    ctrl_h: owner[h].to_string(),
                    alt: if alt { "alt-" } else { "" },
                });
            }
        }
        let keymap = Keymap { bindings: out };
        Ok(keymap)
    }

    /// The action bound to a key on the list screen.
    pub fn action(&self, ev: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(ev);
        let find = |key: Key| {
            self.bindings
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, a)| a.clone())
        };
        find(key).or_else(|| {
            // Backspace as a terminal that sends it as ^H reports it (with
            // Alt too, ESC ^H).
            (key.code == KeyCode::Char('h') && key.ctrl)
                .then(|| {
                    find(Key {
                        code: KeyCode::Backspace,
                        ctrl: false,
                        alt: key.alt,
                    })
                })
                .flatten()
        })
    }

    /// The config names of the actions left without any key: a key of the
    /// user's took the only default one they had.
    pub fn unbound(&self) -> Vec<&'static str> {
        BINDABLE
            .iter()
            .filter(|(_, action, _, _)| self.keys_for(action).is_empty())
            .map(|(name, _, _, _)| *name)
            .collect()
    }

    /// The keys bound to an action, for hints (`a`, `j/↓`).
    pub fn keys_for(&self, action: &Action) -> Vec<Key> {
        self.bindings
            .iter()
            .filter(|(_, a)| a == action)
            .map(|(k, _)| *k)
            .collect()
    }

    /// The first key of an action as text, or an empty string when unbound.
    pub fn hint(&self, action: &Action) -> String {
        self.keys_for(action)
            .first()
            .map(|k| k.to_string())
            .unwrap_or_default()
    }

    /// `"{key} {does}"` (`t writes one`) with the action's first key, or
    /// `None` when `[keys]` left it without one: a hint to leave out, with
    /// its separator, rather than a verb that reads as the key just
    /// pressed.
    pub fn key_does(&self, action: &Action, does: &str) -> Option<String> {
        match self.hint(action) {
            key if key.is_empty() => None,
            key => Some(format!("{key} {does}")),
        }
    }

    /// [`Keymap::key_does`] after ` · `, or nothing.
    pub fn then(&self, action: &Action, does: &str) -> String {
        self.key_does(action, does)
            .map(|hint| format!(" · {hint}"))
            .unwrap_or_default()
    }

    /// [`Keymap::key_does`] in brackets after a space, ` (f cycles it)`,
    /// or nothing.
    pub fn aside(&self, action: &Action, does: &str) -> String {
        self.key_does(action, does)
            .map(|hint| format!(" ({hint})"))
            .unwrap_or_default()
    }

    /// [`Keymap::key_does`], or where the hint is the only way on, that
    /// the action has no key ([`no_key`]): left out, the user would not
    /// know what to do.
    pub fn key_does_or_none(&self, action: &Action, does: &str) -> String {
        self.key_does(action, does)
            .unwrap_or_else(|| no_key(action))
    }

    /// Two keys one after the other, `a accepts, then t opens it`; or,
    /// where either has no key, that it has none: half the way is no way.
    pub fn steps(&self, first: (&Action, &str), then: (&Action, &str)) -> Result<String, String> {
        match (
            self.key_does(first.0, first.1),
            self.key_does(then.0, then.1),
        ) {
            (Some(first), Some(then)) => Ok(format!("{first}, then {then}")),
            (None, _) => Err(no_key(first.0)),
            (_, None) => Err(no_key(then.0)),
        }
    }
}

/// That an action has no key, and where to give it one:
/// ``"`reply` has no key ([keys] in the config)"``.
pub fn no_key(action: &Action) -> String {
    let name = BINDABLE
        .iter()
        .find(|(_, a, _, _)| a == action)
        .map_or("?", |b| b.0);
    format!("`{name}` has no key ([keys] in the config)")
}

/// Which set of keys is active.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyContext {
    List,
    Search,
    Confirm,
    Compose,
    Overlay,
}

/// The action of a key pressed in the screen loop: [`action_for`], or
/// [`Action::Unbound`] for a key that does nothing there, which still
/// answers a pending question.
pub fn key_action(keymap: &Keymap, ctx: KeyContext, ev: &KeyEvent) -> Action {
    action_for(keymap, ctx, ev).unwrap_or(Action::Unbound)
}

/// What to say of a key that does nothing on the list because `[keys]`
/// took its default action elsewhere (`quit = "Q"`: `q`): where the
/// action is now, or that it has no key. `None` for any other key.
pub fn moved_away(keymap: &Keymap, ctx: KeyContext, ev: &KeyEvent) -> Option<String> {
    if ctx != KeyContext::List || action_for(keymap, ctx, ev).is_some() {
        return None;
    }
    let action = Keymap::default().action(ev)?;
    let name = BINDABLE.iter().find(|(_, a, _, _)| *a == action)?.0;
    let key = Key::from_event(ev);
    Some(match keymap.hint(&action) {
        now if now.is_empty() => format!("{key} does nothing: {}", no_key(&action)),
        now => format!("{key} does nothing: `{name}` is on {now} ([keys] in the config)"),
    })
}

/// What to say of a letter, digit or sign that does nothing on the list
/// (`z`): that it does nothing, and where the keys are listed, so that a
/// key pressed in vain is not taken for a frozen screen. `None` for a key
/// with an action, one the config moved ([`moved_away`] says that), and
/// any other key (a function key, a key with Ctrl or Alt).
pub fn does_nothing(keymap: &Keymap, ctx: KeyContext, ev: &KeyEvent) -> Option<String> {
    let plain = !ev
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER);
    // Ctrl and a letter too (Ctrl-R, looked for as redo), but for the
    // flow-control keys a terminal may take for itself (Ctrl-Q, Ctrl-S).
    let ctrl_letter = ev.modifiers == KeyModifiers::CONTROL
        && matches!(ev.code, KeyCode::Char(c) if c.is_ascii_lowercase() && !matches!(c, 'q' | 's'));
    if ctx != KeyContext::List
        || ev.kind == KeyEventKind::Release
        || !matches!(ev.code, KeyCode::Char(c) if !c.is_control())
        || !(plain || ctrl_letter)
        || action_for(keymap, ctx, ev).is_some()
        || Keymap::default().action(ev).is_some()
    {
        return None;
    }
    let key = Key::from_event(ev);
    Some(match keymap.hint(&Action::Help) {
        help if help.is_empty() => format!("{key} does nothing here"),
        help => format!("{key} does nothing here · {help} lists the keys"),
    })
}

/// Turns a terminal key event into an action, given the active context.
pub fn action_for(keymap: &Keymap, ctx: KeyContext, ev: &KeyEvent) -> Option<Action> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && ev.code == KeyCode::Char('c') {
        // Everywhere, the composer included: a draft being written is on
        // disk already and the next start opens it again, while a Ctrl-C
        // that asked "discard?" would make the second one throw it away.
        // Nor does it ask about the marks, as the quit key does.
        return Some(Action::QuitNow);
    }
    // Everywhere too: in the composer a Ctrl-Z types nothing (the draft is
    // on disk, and there when the screen comes back).
    if ctrl && ev.code == KeyCode::Char('z') {
        return Some(Action::Suspend);
    }
    // Ctrl-L repaints, as in other full-screen programs; in the composer
    // and the check pad it is theirs (clear the pad).
    if ctrl && ev.code == KeyCode::Char('l') && ctx != KeyContext::Compose {
        return Some(Action::Redraw);
    }
    match ctx {
        KeyContext::List => match ev.code {
            KeyCode::Esc => Some(Action::Cancel),
            _ => keymap.action(ev),
        },
        KeyContext::Overlay => {
            let scrolls = |a: &Action| a.moves() || matches!(a, Action::Help | Action::Stats);
            match (ev.code, keymap.action(ev)) {
                (KeyCode::Esc, _) => Some(Action::Cancel),
                // `q` closes an overlay, as in a pager, unless `[keys]`
                // gave it one of the overlay's own keys (`up = "q"`); so
                // does the quit key `[keys]` moved elsewhere (`quit = "Q"`),
                // as `q` does by default: not the whole screen.
                (_, Some(a)) if scrolls(&a) => Some(a),
                (KeyCode::Char('q'), _) | (_, Some(Action::Quit)) => Some(Action::Cancel),
                _ => None,
            }
        }
        KeyContext::Search => {
            // As a shell's line takes them (readline's keys); Alt-B and
            // Alt-F are what macOS's Terminal sends for Option-← and →.
            let alt = ev.modifiers.contains(KeyModifiers::ALT) && !ctrl;
            let edit = |e| Some(Action::SearchEdit(e));
            match ev.code {
                KeyCode::Esc => Some(Action::Cancel),
                KeyCode::Enter => Some(Action::SearchSubmit),
                KeyCode::Backspace if ctrl || alt => edit(LineEdit::DeleteWordBefore),
                KeyCode::Backspace => edit(LineEdit::Backspace),
                KeyCode::Delete => edit(LineEdit::Delete),
                KeyCode::Left if ctrl || alt => edit(LineEdit::WordLeft),
                KeyCode::Right if ctrl || alt => edit(LineEdit::WordRight),
                KeyCode::Left => edit(LineEdit::Left),
                KeyCode::Right => edit(LineEdit::Right),
                KeyCode::Home => edit(LineEdit::Home),
                KeyCode::End => edit(LineEdit::End),
                KeyCode::Char(c) if ctrl => match c {
                    'a' => edit(LineEdit::Home),
                    'e' => edit(LineEdit::End),
                    'b' => edit(LineEdit::Left),
                    'f' => edit(LineEdit::Right),
                    // On an empty line, nothing: it does not leave, as a
                    // shell's would.
                    'd' => edit(LineEdit::Delete),
                    // What many terminals send for Backspace (readline's
                    // Ctrl-H too).
                    'h' => edit(LineEdit::Backspace),
                    'w' => edit(LineEdit::DeleteWordBefore),
                    'u' => edit(LineEdit::DeleteToStart),
                    'k' => edit(LineEdit::DeleteToEnd),
                    _ => None,
                },
                KeyCode::Char('b') if alt => edit(LineEdit::WordLeft),
                KeyCode::Char('f') if alt => edit(LineEdit::WordRight),
                KeyCode::Char('d') if alt => edit(LineEdit::DeleteWordAfter),
                KeyCode::Char(c) => Some(Action::SearchInput(c)),
                KeyCode::Up => Some(Action::PrevMatch),
                KeyCode::Down => Some(Action::NextMatch),
                _ => None,
            }
        }
        KeyContext::Confirm => match ev.code {
            // Not Enter: a reflexive Enter must not decide hundreds at once.
            KeyCode::Char('y' | 'Y') => Some(Action::Confirm(true)),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::Confirm(false)),
            _ => None,
        },
        KeyContext::Compose => {
            let alt = ev.modifiers.contains(KeyModifiers::ALT);
            match ev.code {
                KeyCode::Esc => Some(Action::Cancel),
                KeyCode::Char('s') if ctrl => Some(Action::ComposeSave),
                KeyCode::Char('e') if ctrl => Some(Action::ComposeEditor),
                KeyCode::Char('t') if ctrl => Some(Action::ComposeNextTemplate),
                KeyCode::Char('y') if ctrl => Some(Action::ComposeCopy),
                KeyCode::Char('l') if ctrl => Some(Action::CheckClear),
                // A line feed: a line break, as a paste without bracketed
                // paste sends one (the editor widget would delete the line
                // up to the cursor).
                KeyCode::Char('j') if ctrl => Some(Action::ComposeKey(KeyEvent::new(
                    KeyCode::Enter,
                    KeyModifiers::NONE,
                ))),
                KeyCode::Char(d @ '1'..='9') if alt => {
                    Some(Action::ComposeTemplate(d as usize - '1' as usize))
                }
                KeyCode::F(n @ 1..=9) => Some(Action::ComposeTemplate(usize::from(n) - 1)),
                _ => Some(Action::ComposeKey(*ev)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    /// J and K scroll the note a line; Ctrl-D and Ctrl-U half a pane, as
    /// in less and vim, each an action of its own to bind.
    #[test]
    fn ctrl_d_and_ctrl_u_scroll_half_a_pane() {
        let km = Keymap::default();
        let ctrl = KeyModifiers::CONTROL;
        for (code, mods, action) in [
            (KeyCode::Char('J'), KeyModifiers::SHIFT, Action::DetailDown),
            (KeyCode::Char('K'), KeyModifiers::SHIFT, Action::DetailUp),
            (KeyCode::Char('d'), ctrl, Action::DetailHalfDown),
            (KeyCode::Char('u'), ctrl, Action::DetailHalfUp),
        ] {
            assert_eq!(
                action_for(&km, KeyContext::List, &ev(code, mods)),
                Some(action.clone())
            );
            assert_eq!(km.keys_for(&action).len(), 1, "{action:?}");
        }
        assert_eq!(km.hint(&Action::DetailHalfDown), "Ctrl-D");
        assert_eq!(label(&Action::DetailHalfUp), "half back");
        // Bound elsewhere in the config, Ctrl-D leaves J its line.
        let mut over = BTreeMap::new();
        over.insert(
            "detail_half_down".to_string(),
            KeyBinding::One("ctrl-n".into()),
        );
        let km = Keymap::new(&over).unwrap();
        let n = ev(KeyCode::Char('n'), ctrl);
        assert_eq!(
            action_for(&km, KeyContext::List, &n),
            Some(Action::DetailHalfDown)
        );
        assert_eq!(
            action_for(&km, KeyContext::List, &ev(KeyCode::Char('d'), ctrl)),
            None
        );
    }

    /// A letter or sign without an action says so on the list, naming the
    /// help key, as does Ctrl and a letter; bound keys, moved ones, Alt,
    /// the flow-control keys, and other screens say nothing.
    #[test]
    fn a_key_without_an_action_says_so() {
        let none = KeyModifiers::NONE;
        let km = Keymap::default();
        assert_eq!(
            does_nothing(&km, KeyContext::List, &ev(KeyCode::Char('z'), none)).as_deref(),
            Some("z does nothing here · ? lists the keys")
        );
        assert_eq!(
            does_nothing(
                &km,
                KeyContext::List,
                &ev(KeyCode::Char('Q'), KeyModifiers::SHIFT)
            )
            .as_deref(),
            Some("Q does nothing here · ? lists the keys")
        );
        // Ctrl-R, looked for as redo.
        assert_eq!(
            does_nothing(
                &km,
                KeyContext::List,
                &ev(KeyCode::Char('r'), KeyModifiers::CONTROL)
            )
            .as_deref(),
            Some("Ctrl-R does nothing here · ? lists the keys")
        );
        for (code, mods, ctx) in [
            (KeyCode::Char('a'), none, KeyContext::List),
            (KeyCode::Char('S'), KeyModifiers::SHIFT, KeyContext::List),
            (KeyCode::Char('z'), KeyModifiers::CONTROL, KeyContext::List),
            (KeyCode::Char('q'), KeyModifiers::CONTROL, KeyContext::List),
            (KeyCode::Char('r'), KeyModifiers::ALT, KeyContext::List),
            (KeyCode::F(5), none, KeyContext::List),
            (KeyCode::Char('z'), none, KeyContext::Overlay),
            (KeyCode::Char('z'), none, KeyContext::Search),
        ] {
            assert_eq!(does_nothing(&km, ctx, &ev(code, mods)), None, "{code:?}");
        }
        // Moved away by the config: `moved_away` says where, not this.
        let mut over = BTreeMap::new();
        over.insert("quit".to_string(), KeyBinding::One("Q".into()));
        let km = Keymap::new(&over).unwrap();
        assert_eq!(
            does_nothing(&km, KeyContext::List, &ev(KeyCode::Char('q'), none)),
            None
        );
    }

    /// The keys of steps that ask y/n (a large undo, a bulk step, marking
    /// every stale one, quitting with marks) cannot be y or n, with any
    /// modifier (the question reads the letter alone): held or pressed
    /// twice, the key would answer its own question (a tester's `A = "y"`
    /// accepted 135 invitations in two presses).
    #[test]
    fn a_key_that_asks_cannot_be_an_answer() {
        for (action, asks) in [
            ("undo", "a large undo"),
            ("accept_marked", "a bulk step"),
            ("ignore_marked", "a bulk step"),
            ("withdraw_stale", "marking every stale one"),
            ("quit", "quitting with rows marked"),
        ] {
            for key in ["y", "Y", "n", "ctrl-y", "alt-n"] {
                let mut over = BTreeMap::new();
                over.insert(action.to_string(), KeyBinding::One(key.into()));
                let err = Keymap::new(&over).unwrap_err().to_string();
                assert!(
                    err.contains(&format!("y and n answer the question {asks} asks")),
                    "{action} {key}: {err}"
                );
            }
            let mut over = BTreeMap::new();
            over.insert(action.to_string(), KeyBinding::One("z".into()));
            assert!(Keymap::new(&over).is_ok());
        }
        // Other keys may be y (copy_url is, by default).
        let mut over = BTreeMap::new();
        over.insert("accept".to_string(), KeyBinding::One("Y".into()));
        assert!(Keymap::new(&over).is_ok());
    }

    /// A default key `[keys]` moved elsewhere says where its action went
    /// when pressed on the list; other keys, and other screens, say nothing.
    #[test]
    fn a_key_moved_away_says_where() {
        let none = KeyModifiers::NONE;
        let mut over = BTreeMap::new();
        over.insert("quit".to_string(), KeyBinding::One("Q".into()));
        over.insert("stats".to_string(), KeyBinding::Many(vec![]));
        let km = Keymap::new(&over).unwrap();
        let q = ev(KeyCode::Char('q'), none);
        assert_eq!(
            moved_away(&km, KeyContext::List, &q).as_deref(),
            Some("q does nothing: `quit` is on Q ([keys] in the config)")
        );
        assert_eq!(
            moved_away(&km, KeyContext::List, &ev(KeyCode::Char('s'), none)).as_deref(),
            Some("s does nothing: `stats` has no key ([keys] in the config)")
        );
        assert_eq!(moved_away(&km, KeyContext::Search, &q), None);
        assert_eq!(
            moved_away(&km, KeyContext::List, &ev(KeyCode::Char('a'), none)),
            None
        );
        assert_eq!(
            moved_away(&km, KeyContext::List, &ev(KeyCode::Char('Z'), none)),
            None
        );
        let plain = Keymap::default();
        assert_eq!(moved_away(&plain, KeyContext::List, &q), None);
    }

    /// A hint of an action left without a key is left out, or, where it
    /// is the only way on, says the action has none, as `moved_away` does.
    #[test]
    fn a_hint_without_a_key_is_left_out_or_said() {
        let mut over = BTreeMap::new();
        over.insert("thank_you".to_string(), KeyBinding::Many(vec![]));
        let km = Keymap::new(&over).unwrap();
        let (t, a) = (&Action::ThankYou, &Action::Accept);
        assert_eq!(km.key_does(a, "accepts").as_deref(), Some("a accepts"));
        assert_eq!(km.key_does(t, "writes one"), None);
        assert_eq!(km.then(a, "accepts"), " · a accepts");
        assert_eq!(km.then(t, "writes one"), "");
        assert_eq!(km.aside(a, "accepts"), " (a accepts)");
        assert_eq!(km.aside(t, "writes one"), "");
        assert_eq!(
            km.key_does_or_none(t, "writes one"),
            "`thank_you` has no key ([keys] in the config)"
        );
        assert_eq!(
            km.steps((a, "accepts"), (&Action::Reply, "opens it")),
            Ok("a accepts, then r opens it".to_string())
        );
        assert_eq!(
            km.steps((a, "accepts"), (t, "opens it")),
            Err("`thank_you` has no key ([keys] in the config)".to_string())
        );
    }

    /// `config.example.toml` lists every action's default keys, in order.
    #[test]
    fn the_example_config_lists_every_default_key() {
        let example = include_str!("../../config.example.toml");
        let section = example.split("\n[keys]\n").nth(1).unwrap();
        let section = section.split("\n[").next().unwrap();
        let listed: Vec<&str> = section
            .lines()
            .filter_map(|l| l.strip_prefix("# "))
            .filter(|l| {
                l.split_once(" = ").is_some_and(|(k, _)| {
                    !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                })
            })
            .collect();
        let expected: Vec<String> = DEFAULTS
            .iter()
            .map(|(name, keys)| match keys {
                [one] => format!("{name} = \"{one}\""),
                many => {
                    let quoted: Vec<String> = many.iter().map(|k| format!("\"{k}\"")).collect();
                    format!("{name} = [{}]", quoted.join(", "))
                }
            })
            .collect();
        assert_eq!(listed, expected);
        let bindable: Vec<&str> = BINDABLE.iter().map(|b| b.0).collect();
        let defaults: Vec<&str> = DEFAULTS.iter().map(|d| d.0).collect();
        assert_eq!(bindable, defaults, "every action has default keys");
    }

    #[test]
    fn defaults_dispatch() {
        let km = Keymap::default();
        assert_eq!(
            km.action(&ev(KeyCode::Char('a'), KeyModifiers::NONE)),
            Some(Action::Accept)
        );
        assert_eq!(
            km.action(&ev(KeyCode::Char('A'), KeyModifiers::SHIFT)),
            Some(Action::AcceptMarked)
        );
        assert_eq!(
            km.action(&ev(KeyCode::Tab, KeyModifiers::SHIFT)),
            Some(Action::PrevTab)
        );
        assert_eq!(
            km.action(&ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevTab)
        );
        assert_eq!(
            km.action(&ev(KeyCode::Char(' '), KeyModifiers::NONE)),
            Some(Action::Mark)
        );
        assert_eq!(
            km.action(&ev(KeyCode::Char('3'), KeyModifiers::NONE)),
            Some(Action::Tab(Tab::Default))
        );
        assert_eq!(km.action(&ev(KeyCode::Char('z'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn overrides_replace_defaults_and_steal_keys() {
        let mut o = BTreeMap::new();
        o.insert("accept".to_string(), KeyBinding::One("y".into()));
        let km = Keymap::new(&o).unwrap();
        assert_eq!(
            km.action(&ev(KeyCode::Char('y'), KeyModifiers::NONE)),
            Some(Action::Accept)
        );
        assert_eq!(km.action(&ev(KeyCode::Char('a'), KeyModifiers::NONE)), None);
        assert!(
            km.keys_for(&Action::CopyUrl).is_empty(),
            "y moved to accept"
        );
        assert_eq!(km.hint(&Action::Accept), "y");
        // The triage screen lists what this leaves without a key.
        assert_eq!(km.unbound(), ["copy_url"]);
        assert!(Keymap::new(&BTreeMap::new()).unwrap().unbound().is_empty());
        // Quit, help and undo must keep a key: bound to none, or taken.
        for (action, binding) in [
            ("help", KeyBinding::Many(vec![])),
            ("accept", KeyBinding::One("u".into())),
            ("search", KeyBinding::One("q".into())),
        ] {
            let mut o = BTreeMap::new();
            o.insert(action.to_string(), binding);
            let err = Keymap::new(&o).unwrap_err();
            assert!(matches!(err, KeymapError::NoKey { .. }), "{action}: {err}");
            assert!(err.to_string().ends_with("; it needs one"), "{err}");
            // The line to look at is the one that took its key.
            assert!(err.actions().contains(&action.to_string()), "{err}");
        }
        // Given another key, it may lose its default one.
        let mut o = BTreeMap::new();
        o.insert("search".to_string(), KeyBinding::One("q".into()));
        o.insert("quit".to_string(), KeyBinding::One("Q".into()));
        assert!(Keymap::new(&o).is_ok());
    }

    #[test]
    fn bad_overrides_are_errors() {
        let mut o = BTreeMap::new();
        o.insert("acept".to_string(), KeyBinding::One("y".into()));
        assert!(matches!(
            Keymap::new(&o),
            Err(KeymapError::UnknownAction(_))
        ));
        let mut o = BTreeMap::new();
        o.insert("accept".to_string(), KeyBinding::One("ctrl-".into()));
        assert!(Keymap::new(&o).unwrap_err().to_string().contains("ctrl-"));
        let mut o = BTreeMap::new();
        o.insert("accept".to_string(), KeyBinding::One("x".into()));
        o.insert("ignore".to_string(), KeyBinding::Many(vec!["x".into()]));
        assert!(matches!(Keymap::new(&o), Err(KeymapError::Conflict { .. })));
        // Keys shown but never reached: kept for their own job, or sent by
        // a terminal as another key.
        for (key, why) in [
            ("ctrl-c", "Ctrl-C quits everywhere"),
            ("Ctrl-C", "Ctrl-C quits everywhere"),
            ("esc", "Esc leaves a screen"),
            ("ctrl-i", "as Tab"),
            ("ctrl-m", "as Enter"),
            ("ctrl-[", "as Esc"),
            ("ctrl-l", "Ctrl-L paints the screen again"),
            ("Ctrl-L", "Ctrl-L paints the screen again"),
            ("alt-ctrl-l", "Ctrl-L paints the screen again"),
            ("ctrl-z", "Ctrl-Z suspends"),
            ("alt-ctrl-z", "Ctrl-Z suspends"),
        ] {
            let mut o = BTreeMap::new();
            o.insert("undo".to_string(), KeyBinding::One(key.into()));
            let err = Keymap::new(&o).unwrap_err();
            assert_eq!(err.actions(), ["undo"]);
            let msg = err.to_string();
            assert!(
                msg.contains(why) && msg.ends_with("; choose another key"),
                "{msg}"
            );
        }
        for fine in ["alt-c", "ctrl-s", "c", "enter", "l", "L", "alt-l"] {
            let mut o = BTreeMap::new();
            o.insert("undo".to_string(), KeyBinding::One(fine.into()));
            assert!(Keymap::new(&o).is_ok(), "{fine}");
        }
    }

    /// The binding of `undo` to `key`, or why there is none.
    fn bind_undo(key: &str) -> Result<Keymap, String> {
        let mut o = BTreeMap::new();
        o.insert("undo".to_string(), KeyBinding::One(key.into()));
        Keymap::new(&o).map_err(|e| {
            assert_eq!(e.actions(), ["undo"], "{e}");
            e.to_string()
        })
    }

    /// Many terminals send Backspace as Ctrl-H: a Backspace binding
    /// answers Ctrl-H too, and the two bound apart are refused (a tester's
    /// Backspace ran the ignore bound to Ctrl-H).
    #[test]
    fn backspace_and_ctrl_h_are_one_key() {
        let km = bind_undo("backspace").unwrap();
        let ctrl_h = KeyEvent::new(KeyCode::Char('h'), KeyModifiers::CONTROL);
        assert_eq!(km.action(&ctrl_h), Some(Action::Undo));
        let mut o = BTreeMap::new();
        o.insert("accept".to_string(), KeyBinding::One("backspace".into()));
        o.insert("ignore".to_string(), KeyBinding::One("ctrl-h".into()));
        let e = Keymap::new(&o).unwrap_err();
        assert_eq!(e.actions(), ["accept", "ignore"]);
        assert_eq!(
            e.to_string(),
            "[keys]: `backspace` is bound to `accept` and `ctrl-h` to `ignore`, but many terminals send Backspace as Ctrl-H; bind them to one action, or choose another key"
        );
        // One action may have both.
        o.insert(
            "accept".to_string(),
            KeyBinding::Many(vec!["backspace".into(), "ctrl-h".into()]),
        );
        o.remove("ignore");
        assert!(Keymap::new(&o).is_ok());
        // With Alt as well: ESC ^H is Alt-Backspace on those terminals.
        let mut o = BTreeMap::new();
        o.insert("accept".to_string(), KeyBinding::One("ctrl-alt-h".into()));
        o.insert(
            "ignore".to_string(),
            KeyBinding::One("alt-backspace".into()),
        );
        assert_eq!(
            Keymap::new(&o).unwrap_err().to_string(),
            "[keys]: `alt-backspace` is bound to `ignore` and `ctrl-alt-h` to `accept`, but many terminals send Backspace as Ctrl-H; bind them to one action, or choose another key"
        );
        o.remove("accept");
        let km = Keymap::new(&o).unwrap();
        let esc_ctrl_h = KeyEvent::new(
            KeyCode::Char('h'),
            KeyModifiers::CONTROL | KeyModifiers::ALT,
        );
        assert_eq!(km.action(&esc_ctrl_h), Some(Action::Ignore));
    }

    /// A key a terminal cannot send, or sends as another key, would be
    /// shown in the footer and never reached: refused, naming the key.
    #[test]
    fn keys_a_terminal_cannot_send_are_refused() {
        for (key, says) in [
            // Characters no key types, shown as their escapes.
            (
                "\u{0}",
                r#"`undo = "\u0000"`: `\u0000` is a control character"#,
            ),
            ("\t", r"`\u0009` is a control character"),
            ("\u{7f}", r"`\u007F` is a control character"),
            (
                "\u{200b}",
                r#"`undo = "\u200B"`: `\u200B` is an invisible character"#,
            ),
            ("\u{feff}", "an invisible character"),
            ("\u{a0}", "an invisible character"),
            ("alt-\u{200d}", r#"`undo = "alt-\u200D"`"#),
            // Ctrl with anything but a letter reaches a program as
            // another key, or not at all.
            ("ctrl-?", "a terminal sends Ctrl-? as Backspace"),
            ("ctrl-1", "Ctrl with `1` as another key or not at all"),
            ("ctrl-2", "Ctrl with `2`"),
            ("ctrl-6", "Ctrl with `6`"),
            ("ctrl-ä", "Ctrl with `ä`"),
            ("ctrl-@", "Ctrl with `@`"),
            ("ctrl-]", "Ctrl with `]`"),
            (
                "ctrl-\\",
                r#"`undo = "ctrl-\\"`: a terminal sends Ctrl with `\` as"#,
            ),
            ("\"\"", r#"`undo = "\"\""`: `\"\"` is not a key"#),
            ("ctrl-/", "Ctrl with `/`"),
            ("ctrl-_", "Ctrl with `_`"),
            ("ctrl-[", "a terminal sends Ctrl-[ as Esc"),
            ("ctrl-tab", "a terminal sends Ctrl-Tab as Tab"),
            ("ctrl-shift-tab", "sends Ctrl-Shift-Tab as Shift-Tab"),
            ("ctrl-enter", "a terminal sends Ctrl-Enter as Enter"),
            ("ctrl-backspace", "Ctrl-Backspace as Backspace or Ctrl-H"),
            // Alt is an Esc before the key: these are no different.
            ("alt-ctrl-i", "as Tab"),
            ("alt-ctrl-1", "Ctrl with `1`"),
            ("alt-ctrl-c", "Ctrl-C quits everywhere"),
            ("alt-esc", "Esc leaves a screen"),
            ("ctrl-esc", "Esc leaves a screen"),
            // Esc with these starts another key's code.
            ("alt-[", "Alt-[ as the start of another key's code"),
            ("alt-shift-tab", "Alt-Shift-Tab as Esc and two more keys"),
            ("alt-O", "Alt-O as the start of another key's code"),
            ("alt-shift-o", "Alt-O as the start"),
            // A modifier written twice.
            ("ctrl-ctrl-a", "`ctrl-` is written twice; write it once"),
            ("alt-alt-a", "`alt-` is written twice"),
            ("shift-shift-a", "`shift-` is written twice"),
            ("Alt-ctrl-ALT-a", "`alt-` is written twice"),
        ] {
            let err = bind_undo(key)
                .err()
                .unwrap_or_else(|| panic!("{key:?} bound"));
            assert!(err.contains(says), "{key:?}: {err}");
            assert!(!err.chars().any(invisible), "{key:?}: {err:?}");
        }
        // What a terminal does send stays bindable: Alt with a character,
        // Ctrl with a letter, space or a key of its own code.
        for fine in [
            "alt-x",
            "alt-X",
            "alt-ä",
            "alt-1",
            "alt-?",
            "alt-[x",
            "alt-o",
            "alt-]",
            "alt-ctrl-k",
            "alt-enter",
            "alt-tab",
            "alt-backspace",
            "alt-up",
            "alt-f5",
            "alt-space",
            "ctrl-h",
            "ctrl-j",
            "ctrl-A",
            "ctrl-space",
            "ctrl-up",
            "ctrl-home",
            "ctrl-pagedown",
            "ctrl-delete",
            "ctrl-f5",
            "ä",
            "§",
            "!",
            "%",
            "É",
            "ß",
            " ",
            "space",
            "backspace",
        ] {
            if fine == "alt-[x" {
                assert!(bind_undo(fine).unwrap_err().contains("is not a key"));
                continue;
            }
            assert!(
                bind_undo(fine).is_ok(),
                "{fine}: {:?}",
                bind_undo(fine).err()
            );
        }
    }

    #[test]
    fn keys_parse_and_print() {
        assert_eq!(Key::parse("ctrl-s").unwrap().to_string(), "Ctrl-S");
        assert_eq!(Key::parse("space").unwrap().to_string(), "space");
        assert_eq!(Key::parse("pagedown").unwrap().to_string(), "PgDn");
        assert_eq!(Key::parse("F2").unwrap().code, KeyCode::F(2));
        assert_eq!(Key::parse("f24").unwrap().code, KeyCode::F(24));
        for not_a_key in ["f0", "F25", "f99"] {
            assert!(Key::parse(not_a_key).is_none(), "{not_a_key}");
        }
        assert!(Key::parse("nope").is_none());
        // Every name the config may use, as the help then shows it.
        for (spec, shown) in [
            ("tab", "Tab"),
            ("shift-tab", "Shift-Tab"),
            ("backtab", "Shift-Tab"),
            ("enter", "Enter"),
            ("Return", "Enter"),
            ("esc", "Esc"),
            ("escape", "Esc"),
            ("backspace", "Backspace"),
            ("up", "↑"),
            ("down", "↓"),
            ("left", "←"),
            ("right", "→"),
            ("home", "Home"),
            ("end", "End"),
            ("pgup", "PgUp"),
            ("pageup", "PgUp"),
            ("pgdn", "PgDn"),
            ("delete", "Del"),
            ("del", "Del"),
            ("f12", "F12"),
            ("alt-x", "Alt-x"),
            ("Ctrl-X", "Ctrl-X"),
            ("ctrl-x", "Ctrl-X"),
            ("alt-ctrl-k", "Ctrl-Alt-K"),
            ("X", "X"),
            ("-", "-"),
            // One character of two bytes: not an F key.
            ("é", "é"),
            // Shift with a letter is the capital the terminal sends.
            ("shift-y", "Y"),
            ("Shift-A", "A"),
            ("alt-shift-k", "Alt-K"),
            ("shift-é", "É"),
        ] {
            let key = Key::parse(spec).unwrap_or_else(|| panic!("{spec}"));
            assert_eq!(key.to_string(), shown, "{spec}");
        }
        assert!(Key::parse("ctrl-").is_none());
        // Shift with anything else reaches no program as a key of its own.
        for not_a_key in ["shift-1", "shift-up", "ctrl-shift-y", "shift-", "shift-ab"] {
            assert!(Key::parse(not_a_key).is_none(), "{not_a_key}");
        }
        assert_eq!(Key::parse("shift-y"), Key::parse("Y"));
    }

    /// What the terminal reports is matched as the config spells it: Ctrl
    /// with a capital letter is the small one; Tab is Tab unless Shift is
    /// held.
    #[test]
    fn events_become_keys() {
        let ctrl_x = Key::from_event(&ev(
            KeyCode::Char('X'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        ));
        assert_eq!(ctrl_x, Key::parse("ctrl-x").unwrap());
        let tab = Key::from_event(&ev(KeyCode::Tab, KeyModifiers::NONE));
        assert_eq!(tab.code, KeyCode::Tab);
        let back = Key::from_event(&ev(KeyCode::Tab, KeyModifiers::SHIFT));
        assert_eq!(back.code, KeyCode::BackTab);
    }

    /// Esc backs out of every context, and `q` closes an overlay.
    #[test]
    fn esc_cancels_everywhere() {
        let km = Keymap::default();
        let esc = ev(KeyCode::Esc, KeyModifiers::NONE);
        for ctx in [KeyContext::List, KeyContext::Overlay, KeyContext::Search] {
            assert_eq!(action_for(&km, ctx, &esc), Some(Action::Cancel), "{ctx:?}");
        }
        assert_eq!(
            action_for(&km, KeyContext::Confirm, &esc),
            Some(Action::Confirm(false))
        );
        let q = ev(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            action_for(&km, KeyContext::Overlay, &q),
            Some(Action::Cancel)
        );
        // Unless `[keys]` gave `q` one of the overlay's own keys.
        let keys = [
            (
                "up".to_string(),
                KeyBinding::Many(vec!["q".into(), "up".into()]),
            ),
            ("quit".to_string(), KeyBinding::One("Q".into())),
        ]
        .into();
        let moved = Keymap::new(&keys).unwrap();
        assert_eq!(
            action_for(&moved, KeyContext::Overlay, &q),
            Some(Action::Up)
        );
        // The quit key moved elsewhere closes the overlay, as `q` does by
        // default, not the whole screen.
        let shift_q = ev(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(
            action_for(&moved, KeyContext::Overlay, &shift_q),
            Some(Action::Cancel)
        );
    }

    /// An overlay (help, statistics) takes only the keys that switch or
    /// scroll it; the search line takes its editing and match keys.
    #[test]
    fn overlays_and_search_take_their_own_keys() {
        let km = Keymap::default();
        let key = |code| ev(code, KeyModifiers::NONE);
        for (code, action) in [
            (KeyCode::Char('?'), Some(Action::Help)),
            (KeyCode::Char('s'), Some(Action::Stats)),
            (KeyCode::Down, Some(Action::Down)),
            (KeyCode::Char('k'), Some(Action::Up)),
            (KeyCode::PageDown, Some(Action::PageDown)),
            (KeyCode::PageUp, Some(Action::PageUp)),
            (KeyCode::Char('a'), None),
            (KeyCode::Char('/'), None),
        ] {
            assert_eq!(
                action_for(&km, KeyContext::Overlay, &key(code)),
                action,
                "{code:?}"
            );
        }
        for (code, action) in [
            (KeyCode::Enter, Some(Action::SearchSubmit)),
            (
                KeyCode::Backspace,
                Some(Action::SearchEdit(LineEdit::Backspace)),
            ),
            (KeyCode::Up, Some(Action::PrevMatch)),
            (KeyCode::Down, Some(Action::NextMatch)),
            (KeyCode::Char('a'), Some(Action::SearchInput('a'))),
            (KeyCode::Tab, None),
        ] {
            assert_eq!(
                action_for(&km, KeyContext::Search, &key(code)),
                action,
                "{code:?}"
            );
        }
        let ctrl = |c| ev(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(action_for(&km, KeyContext::Search, &ctrl('x')), None);
        assert_eq!(
            action_for(&km, KeyContext::Search, &ctrl('w')),
            Some(Action::SearchEdit(LineEdit::DeleteWordBefore))
        );
    }

    /// The search line's cursor keys are a shell's: arrows, Home and End,
    /// readline's Ctrl and Alt chords, a word at a time with Alt or Ctrl.
    #[test]
    fn the_search_line_edits_as_a_shell_line() {
        let km = Keymap::default();
        let (none, ctrl, alt) = (KeyModifiers::NONE, KeyModifiers::CONTROL, KeyModifiers::ALT);
        for (code, mods, edit) in [
            (KeyCode::Left, none, LineEdit::Left),
            (KeyCode::Right, none, LineEdit::Right),
            (KeyCode::Char('b'), ctrl, LineEdit::Left),
            (KeyCode::Char('f'), ctrl, LineEdit::Right),
            (KeyCode::Left, alt, LineEdit::WordLeft),
            (KeyCode::Right, alt, LineEdit::WordRight),
            (KeyCode::Left, ctrl, LineEdit::WordLeft),
            (KeyCode::Right, ctrl, LineEdit::WordRight),
            (KeyCode::Char('b'), alt, LineEdit::WordLeft),
            (KeyCode::Char('f'), alt, LineEdit::WordRight),
            (KeyCode::Home, none, LineEdit::Home),
            (KeyCode::End, none, LineEdit::End),
            (KeyCode::Char('a'), ctrl, LineEdit::Home),
            (KeyCode::Char('e'), ctrl, LineEdit::End),
            (KeyCode::Backspace, none, LineEdit::Backspace),
            (KeyCode::Char('h'), ctrl, LineEdit::Backspace),
            (KeyCode::Delete, none, LineEdit::Delete),
            (KeyCode::Char('d'), ctrl, LineEdit::Delete),
            (KeyCode::Char('w'), ctrl, LineEdit::DeleteWordBefore),
            (KeyCode::Backspace, alt, LineEdit::DeleteWordBefore),
            (KeyCode::Char('d'), alt, LineEdit::DeleteWordAfter),
            (KeyCode::Char('u'), ctrl, LineEdit::DeleteToStart),
            (KeyCode::Char('k'), ctrl, LineEdit::DeleteToEnd),
        ] {
            assert_eq!(
                action_for(&km, KeyContext::Search, &ev(code, mods)),
                Some(Action::SearchEdit(edit)),
                "{code:?} {mods:?}"
            );
        }
        // Other letters with Alt are typed, as before; a capital B or F is
        // a letter, not a word move.
        for (c, mods) in [('x', alt), ('B', KeyModifiers::SHIFT), ('F', none)] {
            assert_eq!(
                action_for(&km, KeyContext::Search, &ev(KeyCode::Char(c), mods)),
                Some(Action::SearchInput(c))
            );
        }
        // On the list the same keys keep their own jobs.
        assert_eq!(
            action_for(&km, KeyContext::List, &ev(KeyCode::Char('u'), ctrl)),
            Some(Action::DetailHalfUp)
        );
        assert_eq!(
            action_for(&km, KeyContext::List, &ev(KeyCode::Home, none)),
            Some(Action::First)
        );
    }

    /// The composer's own keys are chords; the same letters plain, and
    /// digits without Alt, are typed into the draft.
    #[test]
    fn the_composer_takes_chords_and_types_the_rest() {
        let km = Keymap::default();
        let ctrl = KeyModifiers::CONTROL;
        for (key, action) in [
            (ev(KeyCode::Esc, KeyModifiers::NONE), Action::Cancel),
            (ev(KeyCode::Char('s'), ctrl), Action::ComposeSave),
            (ev(KeyCode::Char('e'), ctrl), Action::ComposeEditor),
            (ev(KeyCode::Char('t'), ctrl), Action::ComposeNextTemplate),
            (ev(KeyCode::Char('y'), ctrl), Action::ComposeCopy),
            (ev(KeyCode::Char('l'), ctrl), Action::CheckClear),
            (
                ev(KeyCode::Char('3'), KeyModifiers::ALT),
                Action::ComposeTemplate(2),
            ),
            (
                ev(KeyCode::F(2), KeyModifiers::NONE),
                Action::ComposeTemplate(1),
            ),
        ] {
            assert_eq!(
                action_for(&km, KeyContext::Compose, &key),
                Some(action),
                "{key:?}"
            );
        }
        for c in ['s', 'e', 't', 'y', '3'] {
            let key = ev(KeyCode::Char(c), KeyModifiers::NONE);
            assert_eq!(
                action_for(&km, KeyContext::Compose, &key),
                Some(Action::ComposeKey(key))
            );
        }
    }

    #[test]
    fn contexts_route_keys() {
        let km = Keymap::default();
        let q = ev(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            action_for(&km, KeyContext::Search, &q),
            Some(Action::SearchInput('q'))
        );
        assert_eq!(action_for(&km, KeyContext::List, &q), Some(Action::Quit));
        let y = ev(KeyCode::Char('y'), KeyModifiers::NONE);
        assert_eq!(
            action_for(&km, KeyContext::Confirm, &y),
            Some(Action::Confirm(true))
        );
        let s = ev(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(
            action_for(&km, KeyContext::Compose, &s),
            Some(Action::ComposeSave)
        );
        let ctrl_c = ev(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            action_for(&km, KeyContext::List, &ctrl_c),
            Some(Action::QuitNow)
        );
        assert_eq!(
            action_for(&km, KeyContext::Compose, &ctrl_c),
            Some(Action::QuitNow),
            "Ctrl-C quits from the composer too, keeping the draft"
        );
        // Ctrl-Z suspends from everywhere; in the composer it types nothing.
        let ctrl_z = ev(KeyCode::Char('z'), KeyModifiers::CONTROL);
        for ctx in [
            KeyContext::List,
            KeyContext::Overlay,
            KeyContext::Search,
            KeyContext::Confirm,
            KeyContext::Compose,
        ] {
            assert_eq!(
                action_for(&km, ctx, &ctrl_z),
                Some(Action::Suspend),
                "{ctx:?}"
            );
        }
        // Ctrl-L repaints, except in the composer and pad, where it clears.
        let ctrl_l = ev(KeyCode::Char('l'), KeyModifiers::CONTROL);
        for ctx in [
            KeyContext::List,
            KeyContext::Overlay,
            KeyContext::Search,
            KeyContext::Confirm,
        ] {
            assert_eq!(
                action_for(&km, ctx, &ctrl_l),
                Some(Action::Redraw),
                "{ctx:?}"
            );
        }
        assert_eq!(
            action_for(&km, KeyContext::Compose, &ctrl_l),
            Some(Action::CheckClear)
        );
        let enter = ev(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            action_for(
                &km,
                KeyContext::Compose,
                &ev(KeyCode::Char('j'), KeyModifiers::CONTROL)
            ),
            Some(Action::ComposeKey(enter)),
            "a line feed breaks the line; it does not delete it"
        );
        assert_eq!(
            action_for(&km, KeyContext::Confirm, &enter),
            None,
            "only y confirms a bulk decision"
        );
    }
}
