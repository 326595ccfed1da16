//! The incremental search over names and notes, and `n`/`N` between its
//! matches.

use crate::classify::fold_accents;
use crate::tui::keys::{self, Action};
use crate::tui::line;

use super::{App, Mode, SearchHits, Tab};

impl App {
    /// A key of the search line: `/` opens it, letters narrow it as they
    /// are typed (at the cursor), Enter keeps it.
    pub(super) fn apply_search(&mut self, action: Action) {
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
                                "{which} for “{}”{}{}",
                                self.query,
                                self.keymap.then(&Action::NextMatch, "next"),
                                self.keymap.then(&Action::PrevMatch, "previous")
                            ))
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Whether the invitation at each index matches the query: its name or
    /// its note holds it, in any case, and also without its accents
    /// ("zoe" finds Zoë, "lukasz" Łukasz, "logistica" logística: text is
    /// typed as the keyboard has it). A note is folded once a run, and
    /// only one that folding changes ([`Shown`]): a million of them on
    /// every key cost too much. The query is lower-cased and folded once,
    /// not once a row.
    /// Both are also matched as the screen shows them ([`as_shown`]), so
    /// what is read there is found: `meetup. Would` across a line break.
    fn matcher(&self) -> impl Fn(u32) -> bool + '_ {
        let q = as_typed(&self.query.to_lowercase());
        let bare = as_searched(&q);
        // The words of a query with a space: each must be in a text as it
        // is before the text is read as shown (cheap, and most rows fail).
        let words: Vec<String> = q
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let spaced = q.contains(' ');
        // A query with a space: its words are each in the text as it is,
        // whether it matches as it is or as shown (runs of white space as
        // one space), but for a word split by an invisible character.
        let apart = |idx: u32| match &self.shown {
            Some(shown) => shown.flags[idx as usize],
            None => shown_apart(&self.invitations[idx as usize]),
        };
        // Folded only as a keyboard without accents types it: a query
        // with an accent (`è`) asks for that accent, and one that folds
        // to white space or nothing (`´` alone) for itself.
        let folds = bare == q && !bare.trim().is_empty();
        let folded_holds = |idx: u32, bare: &str| match &self.shown {
            Some(shown) => shown.folded_note(idx).is_some_and(|n| n.contains(bare)),
            None => folded_note(self.invitations[idx as usize].message())
                .is_some_and(|n| n.contains(bare)),
        };
        move |idx| {
            let inv = &self.invitations[idx as usize];
            let (name, note) = (inv.counterpart(), inv.message());
            let apart = apart(idx);
            let name_holds = || {
                contains_ci(name, &q)
                    || (folds && !name.is_ascii() && as_searched(name).contains(&bare))
                    || (apart & NAME_APART != 0
                        && if folds {
                            as_searched(&as_shown(name)).contains(&bare)
                        } else {
                            contains_ci(&as_shown(name), &q)
                        })
            };
            // A note that folds is read folded only: what its text holds,
            // as it is or as shown, its folded text holds folded.
            if folds && apart & NOTE_FOLDS != 0 {
                return name_holds() || folded_holds(idx, &bare);
            }
            let note_as_is = if spaced {
                words.iter().all(|w| contains_ci(note, w))
                    && (contains_ci(note, &q)
                        || (has_odd_space(note) && contains_ci(&as_shown(note), &q)))
            } else {
                contains_ci(note, &q)
            };
            name_holds()
                || note_as_is
                || (apart & NOTE_APART != 0 && contains_ci(&as_shown(note), &q))
        }
    }

    /// What each invitation's name and note hold that the screen shows
    /// otherwise, and its note without accents: looked for once a run.
    fn find_shown_apart(&mut self) {
        if self.shown.is_none() {
            let mut folded_notes = Vec::new();
            let mut folded_at = Vec::with_capacity(self.invitations.len());
            let flags = (self.invitations.iter())
                .map(|inv| {
                    let mut flags = shown_apart(inv);
                    match folded_note(inv.message()) {
                        Some(folded) => {
                            flags |= NOTE_FOLDS;
                            folded_at.push(u32::try_from(folded_notes.len()).unwrap_or(u32::MAX));
                            folded_notes.push(folded.into_boxed_str());
                        }
                        None => folded_at.push(u32::MAX),
                    }
                    flags
                })
                .collect();
            self.shown = Some(Shown {
                flags,
                folded_at,
                folded_notes,
            });
        }
    }

    /// The rows of the list that match the query, found again only when
    /// the query or the list changed since.
    fn hits(&mut self) -> &[u32] {
        self.find_shown_apart();
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

    /// [`Self::no_match`], saying too where the matches are that the tab
    /// and filter hide: hidden by the filter here, or on which other tab,
    /// with the key to go there (a search is kept with Enter, so one scan
    /// of every invitation is affordable here, not on every key).
    fn no_match_here(&mut self) {
        let tab = self.current_tab();
        // On another tab, a match is shown there or hidden by the filter
        // there too (the Sent tab has none).
        let (hidden, on, on_hidden) = {
            let matches = self.matcher();
            let (mut hidden, mut on, mut on_hidden) = (0usize, [0usize; 5], [0usize; 5]);
            for (i, inv) in self.invitations.iter().enumerate() {
                if !u32::try_from(i).is_ok_and(&matches) {
                    continue;
                }
                if tab.contains(inv) {
                    hidden += 1;
                } else {
                    let home = Tab::home(inv);
                    if home == Tab::Sent || self.filter.admits(self.decisions[i]) {
                        on[home.index()] += 1;
                    } else {
                        on_hidden[home.index()] += 1;
                    }
                }
            }
            (hidden, on, on_hidden)
        };
        let key = |action: &Action| match self.keymap.hint(action) {
            k if k.is_empty() => String::new(),
            k => format!(" ({k})"),
        };
        let mut places: Vec<String> = Vec::new();
        if hidden > 0 {
            places.push(format!(
                "{hidden} in this tab that the filter hides{}",
                key(&Action::CycleFilter)
            ));
        }
        for other in Tab::ALL {
            let n = on[other.index()];
            if n > 0 {
                places.push(format!(
                    "{n} on the {} tab{}",
                    other.title(),
                    key(&Action::Tab(other))
                ));
            }
            let n = on_hidden[other.index()];
            if n > 0 {
                places.push(format!(
                    "{n} on the {} tab that the filter hides there too{}",
                    other.title(),
                    key(&Action::Tab(other))
                ));
            }
        }
        if places.is_empty() {
            self.no_match();
        } else {
            self.set_error(format!(
                "No match for “{}” in this list · {}",
                self.query,
                places.join(", ")
            ));
        }
    }

    /// Moves to the first match at or after `start` (wrapping).
    pub(super) fn search_from(&mut self, start: usize) {
        let n = self.rows.len();
        // An empty list has no match either, and says so as you type.
        if self.query.is_empty() {
            return;
        }
        self.find_shown_apart();
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

    pub(super) fn next_match(&mut self, forward: bool) {
        if self.query.is_empty() {
            self.set_status(match self.keymap.hint(&Action::Search) {
                key if key.is_empty() => format!("Search first: {}", keys::no_key(&Action::Search)),
                key => format!("Search first with {key}"),
            });
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

/// Text as the screen shows it on a line: runs of white space (a line
/// break, a tab, the spaces of an export's line breaks) as one space,
/// without the invisible characters the screen drops, and an accent typed
/// apart from its letter (`e` and U+0301, as macOS pastes it) joined to
/// it, as it looks (NFC).
fn as_shown(s: &str) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars().filter(|&c| !crate::text::is_format_control(c)) {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if std::mem::take(&mut space) && !out.is_empty() {
            out.push(' ');
        }
        out.push(c);
    }
    if is_nfc_quick(out.chars()) == IsNormalized::Yes {
        out
    } else {
        out.nfc().collect()
    }
}

/// The query as [`as_shown`] reads text, but a space typed at either end
/// is kept (one): ` met` asks for a word that starts there.
fn as_typed(q: &str) -> String {
    let shown = as_shown(q);
    // At the ends as shown: past the invisible characters there.
    let seen = q.trim_matches(crate::text::is_format_control);
    let starts = seen.starts_with(char::is_whitespace) && !shown.is_empty();
    let ends = seen.ends_with(char::is_whitespace);
    format!(
        "{}{shown}{}",
        if starts { " " } else { "" },
        if ends { " " } else { "" }
    )
}

/// A name that reads otherwise on screen: with an invisible character,
/// white space other than single spaces, or an accent apart from its
/// letter.
const NAME_APART: u8 = 1;
/// A note with an invisible character, or an accent apart from its letter.
/// (Its white space is looked at only for a query with a space, and after
/// its words are found: cheap then.)
const NOTE_APART: u8 = 2;

/// A note that reads otherwise without its accents: `logística`.
const NOTE_FOLDS: u8 = 4;

/// What search knows of every invitation, found at the first search of a
/// run: the flags of [`shown_apart`] and [`NOTE_FOLDS`] by index, and the
/// notes of the latter without their accents.
pub(super) struct Shown {
    flags: Vec<u8>,
    /// By index: where its folded note is in `folded_notes`, or
    /// `u32::MAX`. (Found by a binary search, it cost a fifth of a search
    /// at a million rows: cache misses.)
    folded_at: Vec<u32>,
    folded_notes: Vec<Box<str>>,
}

impl Shown {
    fn folded_note(&self, idx: u32) -> Option<&str> {
        let at = self.folded_at[idx as usize];
        self.folded_notes.get(at as usize).map(|n| &**n)
    }
}

/// `note` as shown and without its accents, where that differs from it
/// as shown in lower case: most notes are ASCII, and most others have no
/// accent to take off (a curly quote, another script). White space at
/// either end is kept (one), as in a query: ` met` finds a note that
/// starts with a space and `met`, as the note itself is searched.
fn folded_note(note: &str) -> Option<String> {
    if note.is_ascii() {
        return None;
    }
    let shown = as_typed(note);
    let folded = as_searched(&shown);
    (folded != shown.to_lowercase()).then_some(folded)
}

/// What of [`NAME_APART`] and [`NOTE_APART`] `inv` is.
fn shown_apart(inv: &crate::invitation::Invitation) -> u8 {
    let name = inv.counterpart();
    let mut flags = 0;
    // A name with an accent apart from its letter (`José` as `e` and
    // U+0301, as macOS writes it) reads as `José` typed.
    if has_invisible(name) || has_odd_space(name) || (!name.is_ascii() && !is_composed(name)) {
        flags |= NAME_APART;
    }
    let note = inv.message();
    if has_invisible(note) || (!note.is_ascii() && !is_composed(note)) {
        flags |= NOTE_APART;
    }
    flags
}

/// Whether `s` is in its composed form (NFC): no accent apart from a
/// letter it could join.
fn is_composed(s: &str) -> bool {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => unicode_normalization::is_nfc(s),
    }
}

/// Whether `s` holds white space other than single spaces, which the
/// screen shows as one space.
fn has_odd_space(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr3(b'\n', b'\t', b'\r', b).is_some()
        || memchr::memmem::find(b, b"  ").is_some()
        || (!s.is_ascii() && s.contains(|c: char| c.is_whitespace() && c != ' '))
}

/// Whether `s` holds a character the screen does not show: none in ASCII
/// text (told at once, as this runs for each row a search passes over).
fn has_invisible(s: &str) -> bool {
    !s.is_ascii() && s.chars().any(crate::text::is_format_control)
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
            ("Ǽsa Rǿd", "aesa rod"),
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
    fn every_invisible_character_is_found() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if crate::text::is_format_control(c) {
                assert!(super::has_invisible(&format!("a{c}b")), "{c:?}");
            }
        }
        assert!(!super::has_invisible("a\u{200d}b ’"));
        assert!(!super::has_odd_space("a b c"));
        assert!(super::has_odd_space("a  b") && super::has_odd_space("a\nb"));
        assert!(super::has_odd_space("a\u{a0}b"));
        assert_eq!(super::as_shown(" a \t\n b\u{200b}c "), "a bc");
        assert_eq!(super::as_typed("  met  at "), " met at ");
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
        /// What a note holds, as it is or as shown, its folded form holds
        /// folded: so a note that folds is read folded only.
        #[test]
        fn a_folded_note_holds_what_the_note_holds(
            note in "[a-cA-CkKsS éÉ\n\t.ßẞæǽøǿŁıİ\u{212A}\u{301}\u{307}\u{200b}\u{a0}ﬁＦ]{0,30}",
            from in 0usize..30,
            len in 1usize..6,
        ) {
            let lower = note.to_lowercase();
            let chars: Vec<char> = lower.chars().collect();
            let from = from.min(chars.len());
            let q: String = chars[from..(from + len).min(chars.len())].iter().collect();
            let typed = super::as_typed(&q);
            let bare = super::as_searched(&typed);
            let holds = contains_ci(&note, &typed)
                || contains_ci(&super::as_shown(&note), &typed);
            if holds && !bare.trim().is_empty() {
                let folded = super::folded_note(&note)
                    .unwrap_or_else(|| super::as_typed(&note).to_lowercase());
                proptest::prop_assert!(folded.contains(&bare), "{:?} in {:?}: {:?} in {:?}", typed, note, bare, folded);
            }
        }

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
