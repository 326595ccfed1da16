//! The built-in lists (`data/*.txt`, one entry a line, `#` comments) extended
//! by the config's, prepared once for matching.

pub(crate) use crate::hash::{FastMap, FastSet};

use super::body::{Histogram, split_pieces};
use super::greeting;
use super::names::NameWords;
use super::normalise::{fold_entry, fold_into, nfkc_cow, normalise, trim_to_words, words};
use super::signals::Hints;
use super::{Lists, Signals};

const GENERIC_WORDS: &str = include_str!("data/generic-words.txt");
const STOCK_TEXTS: &str = include_str!("data/stock-texts.txt");
const GENERIC_PHRASES: &str = include_str!("data/generic-phrases.txt");
const SALUTATIONS: &str = include_str!("data/salutations.txt");
const TITLES: &str = include_str!("data/titles.txt");
const NON_NAMES: &str = include_str!("data/non-names.txt");
const CLOSING_PHRASES: &str = include_str!("data/closing-phrases.txt");
const HINTS_CONTEXT: &str = include_str!("data/hints-context.txt");
const HINTS_REASON: &str = include_str!("data/hints-reason.txt");
const HINTS_OFFER: &str = include_str!("data/hints-offer.txt");
const HINTS_PITCH: &str = include_str!("data/hints-pitch.txt");

/// Each built-in list under the name of the `[classify]` key that extends
/// it, in the config file's order.
pub(crate) const BUILT_IN: [(&str, &str); 11] = [
    ("stock_texts", STOCK_TEXTS),
    ("generic_phrases", GENERIC_PHRASES),
    ("generic_words", GENERIC_WORDS),
    ("salutations", SALUTATIONS),
    ("titles", TITLES),
    ("non_names", NON_NAMES),
    ("closing_phrases", CLOSING_PHRASES),
    ("context_hints", HINTS_CONTEXT),
    ("reason_hints", HINTS_REASON),
    ("offer_hints", HINTS_OFFER),
    ("pitch_hints", HINTS_PITCH),
];

/// The entries of a built-in list file: trimmed, non-empty, not comments.
pub(crate) fn entries(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Built-in entries followed by the config's.
fn all<'a>(file: &'a str, extra: &'a [String]) -> impl Iterator<Item = &'a str> {
    entries(file).chain(extra.iter().map(String::as_str))
}

/// The titles (the built-in list and `extra`): folded, without a trailing
/// dot, as [`fold_title`] makes a word to look up.
pub(crate) fn titles(extra: &[String]) -> impl Iterator<Item = String> + '_ {
    all(TITLES, extra).map(fold_title).filter(|t| !t.is_empty())
}

/// A word as the title lists hold it: folded, without a trailing dot.
pub(crate) fn fold_title(word: &str) -> String {
    let mut f = fold_entry(word);
    while f.ends_with('.') {
        f.pop();
    }
    f
}

/// Where a stock sentence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StockKind {
    StockText,
    GenericPhrase,
}

/// One sentence of a stock text or generic phrase.
#[derive(Debug, Clone)]
pub(crate) struct StockEntry {
    /// As written in the list (one sentence of it).
    pub display: String,
    pub kind: StockKind,
    /// Normalised, as characters, for the edit distance.
    pub chars: Box<[char]>,
    /// The characters' histogram, to skip the edit distance when it is
    /// surely too large.
    pub hist: Histogram,
}

/// Phrases of one or more words (salutations, closing phrases), by their
/// first word, longest first.
#[derive(Debug, Clone, Default)]
pub(crate) struct Phrases {
    by_first: FastMap<String, Vec<Vec<String>>>,
    max_words: usize,
    /// The ASCII first words, for [`Phrases::may_start_with`].
    ascii_first: FirstWordFilter,
}

/// A Bloom filter of ASCII words by length and first and last byte (lower
/// case): says cheaply that most words of a note are no phrase's first word.
#[derive(Debug, Clone, Default)]
pub(crate) struct FirstWordFilter([u64; 16]);

impl FirstWordFilter {
    /// `w` is ASCII and not empty.
    #[inline(always)]
    fn hash(w: &[u8]) -> usize {
        let first = w[0].to_ascii_lowercase();
        let last = w[w.len() - 1].to_ascii_lowercase();
        let x = (w.len().min(31) as u32) | u32::from(first) << 8 | u32::from(last) << 16;
        (x.wrapping_mul(0x9E37_79B1) >> 22) as usize
    }

    fn insert(&mut self, folded: &str) {
        if folded.is_ascii() && !folded.is_empty() {
            let h = Self::hash(folded.as_bytes());
            self.0[h / 64] |= 1 << (h % 64);
        }
    }

    /// Whether the raw word `w` may fold to one of the inserted words. A
    /// word that is not ASCII always may; an ASCII one folds to itself in
    /// lower case, so it can only equal an ASCII entry of its length, first
    /// and last byte.
    #[inline]
    pub(crate) fn may_hold(&self, w: &str) -> bool {
        let b = w.as_bytes();
        if b.is_empty() || !b.is_ascii() {
            return true;
        }
        let h = Self::hash(b);
        self.0[h / 64] >> (h % 64) & 1 != 0
    }
}

impl Phrases {
    fn insert(&mut self, entry: &str) {
        let folded = fold_entry(entry);
        let mut ws = folded
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_owned);
        let Some(first) = ws.next() else { return };
        let rest: Vec<String> = ws.collect();
        self.max_words = self.max_words.max(rest.len() + 1);
        self.ascii_first.insert(&first);
        let list = self.by_first.entry(first).or_default();
        if !list.contains(&rest) {
            list.push(rest);
            list.sort_by_key(|r| std::cmp::Reverse(r.len()));
        }
    }

    /// The number of words of the longest phrase.
    pub(crate) fn max_words(&self) -> usize {
        self.max_words
    }

    /// Whether the raw (unfolded) word `w` may be a phrase's first word:
    /// when not, [`Phrases::after`] of it folded is empty.
    #[inline]
    pub(crate) fn may_start_with(&self, w: &str) -> bool {
        self.ascii_first.may_hold(w)
    }

    /// The continuations (words after the first, longest first) of the
    /// phrases whose first word is `first` (folded).
    pub(crate) fn after(&self, first: &str) -> &[Vec<String>] {
        self.by_first.get(first).map_or(&[], Vec::as_slice)
    }
}

/// A few dozen strings (the stock sentences) looked up by equality: by
/// their length in bytes, then their first eight bytes, then the whole. A
/// sentence of a length no entry has (most) costs one bounds check, and
/// none is hashed.
#[derive(Debug, Clone)]
pub(crate) struct ByLength<V> {
    /// Index: length in bytes. Each entry: (first eight bytes, text, value).
    by_len: Vec<Vec<(u64, Box<str>, V)>>,
}

impl<V> Default for ByLength<V> {
    fn default() -> Self {
        ByLength { by_len: Vec::new() }
    }
}

impl<V> ByLength<V> {
    /// The first (up to) eight bytes of `s` as a number, zero-padded.
    #[inline(always)]
    fn head(s: &str) -> u64 {
        let b = s.as_bytes();
        let mut h = [0u8; 8];
        let n = b.len().min(8);
        h[..n].copy_from_slice(&b[..n]);
        u64::from_le_bytes(h)
    }

    /// Adds `key` unless it is there already.
    pub(crate) fn insert(&mut self, key: &str, value: V) {
        if self.contains_key(key) {
            return;
        }
        if self.by_len.len() <= key.len() {
            self.by_len.resize_with(key.len() + 1, Vec::new);
        }
        self.by_len[key.len()].push((Self::head(key), key.into(), value));
    }

    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<&V> {
        let same_length = self.by_len.get(key.len())?;
        if same_length.is_empty() {
            return None;
        }
        let head = Self::head(key);
        same_length
            .iter()
            .find(|(h, k, _)| *h == head && **k == *key)
            .map(|(_, _, v)| v)
    }

    #[inline]
    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

/// Every list, prepared.
#[derive(Debug, Clone, Default)]
pub(crate) struct Prepared {
    pub stock: Vec<StockEntry>,
    /// Normalised stock sentence → index in `stock`.
    pub stock_exact: ByLength<usize>,
    /// Every stock sentence as written in its list (after NFKC), whose
    /// normalisation is in `stock_exact`: a note's sentence that is
    /// byte-for-byte one of these needs no normalising to be found stock.
    pub stock_raw: ByLength<()>,
    /// Indices in `stock` by the length of the normalised sentence in chars.
    pub stock_by_len: Vec<Vec<usize>>,
    pub generic_words: FastSet<String>,
    pub salutations: Phrases,
    /// Folded, without a trailing dot.
    pub titles: FastSet<String>,
    /// The ASCII titles, for [`Prepared::is_title`].
    title_filter: FirstWordFilter,
    pub non_names: FastSet<String>,
    pub closings: Phrases,
    pub hints: Hints,
    /// Whether the config adds hints of context, a reason or an offer (in
    /// the user's language, most likely).
    pub good_hints_added: bool,
    /// Tells these lists apart from those of another configuration, for
    /// what is worked out from them and kept (a name's titles).
    pub id: u64,
}

impl Prepared {
    /// Whether `piece` (NFKC) is a stock sentence exactly as listed, which
    /// makes it stock without normalising it.
    pub(crate) fn is_stock_as_listed(&self, piece: &str) -> bool {
        self.stock_raw.contains_key(piece)
    }

    /// Whether the folded word `w` is a title.
    pub(crate) fn is_folded_title(&self, w: &str) -> bool {
        self.title_filter.may_hold(w) && self.titles.contains(w)
    }

    /// Whether the raw word `w` (without its dot) is a title, folded into
    /// `buf` to look it up. Most words are turned away before that.
    pub(crate) fn is_title(&self, w: &str, buf: &mut String) -> bool {
        self.title_filter.may_hold(w) && {
            buf.clear();
            fold_into(w, buf);
            self.titles.contains(buf.as_str())
        }
    }

    pub(crate) fn new(extra: &Lists) -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let mut p = Prepared {
            id: NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            ..Prepared::default()
        };
        for entry in all(GENERIC_WORDS, &extra.generic_words) {
            // An entry is a word; should a user write a phrase, each word counts.
            let n = normalise(entry);
            p.generic_words.extend(words(&n).map(str::to_owned));
        }
        // Composed first: an accent written as a mark of its own
        // (`cześć` pasted from a PDF) is not trimmed off as punctuation;
        // nor is a mark that ends a word (Tamil's pulli: `வணக்கம்`).
        let trimmed = |s: &str| trim_to_words(&nfkc_cow(s)).to_owned();
        for s in all(SALUTATIONS, &extra.salutations) {
            p.salutations.insert(&trimmed(s));
        }
        for s in all(CLOSING_PHRASES, &extra.closing_phrases) {
            p.closings.insert(&trimmed(s));
        }
        p.titles.extend(titles(&extra.titles));
        for t in &p.titles {
            p.title_filter.insert(t);
        }
        for n in all(NON_NAMES, &extra.non_names) {
            // Split like greeting words: at white space and `/`; and, as
            // a greeting's word is read, without the punctuation around it
            // (`ji.`), as salutations and titles are.
            for w in fold_entry(n)
                .split([' ', '/'])
                .map(trim_to_words)
                .filter(|w| !w.is_empty())
            {
                p.non_names.insert(w.to_owned());
            }
        }
        // After the greeting's lists: `add_stock` reads greetings with them.
        for text in all(STOCK_TEXTS, &extra.stock_texts) {
            p.add_stock(text, StockKind::StockText);
        }
        for text in all(GENERIC_PHRASES, &extra.generic_phrases) {
            p.add_stock(text, StockKind::GenericPhrase);
        }
        let hint_lists = [
            (Signals::CONTEXT, HINTS_CONTEXT, &extra.context_hints),
            (Signals::REASON, HINTS_REASON, &extra.reason_hints),
            (Signals::OFFER, HINTS_OFFER, &extra.offer_hints),
            (Signals::PITCH, HINTS_PITCH, &extra.pitch_hints),
        ];
        p.good_hints_added = hint_lists[..3].iter().any(|(_, _, more)| !more.is_empty());
        for (signal, file, more) in hint_lists {
            for h in all(file, more) {
                p.hints.insert(signal, &fold_entry(h));
            }
        }
        p
    }

    /// Adds every sentence of `text` (split like a body) as a stock sentence.
    /// A greeting it opens with is left out, as it is of a note: a stock
    /// text pasted as received (`Hej, jag vill …`) then matches the notes
    /// that carry it, whose greeting is read before their body.
    fn add_stock(&mut self, text: &str, kind: StockKind) {
        let text = nfkc_cow(text);
        let ctx = greeting::Ctx {
            lists: self,
            recipient: &NameWords::default(),
        };
        let body = greeting::detect(&text, &ctx, &mut String::new()).map_or(0, |g| g.end);
        let mut pieces = Vec::new();
        split_pieces(&text, body, &mut pieces);
        for (a, b) in pieces {
            let display = &text[a..b];
            let norm = normalise(display);
            if norm.is_empty() {
                continue;
            }
            self.stock_raw.insert(display, ());
            if self.stock_exact.contains_key(&norm) {
                continue;
            }
            let chars: Box<[char]> = norm.chars().collect();
            let len = chars.len();
            if self.stock_by_len.len() <= len {
                self.stock_by_len.resize(len + 1, Vec::new());
            }
            self.stock_by_len[len].push(self.stock.len());
            self.stock_exact.insert(&norm, self.stock.len());
            self.stock.push(StockEntry {
                display: display.to_owned(),
                kind,
                hist: Histogram::of(chars.iter().copied()),
                chars,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_lists_load() {
        let p = Prepared::new(&Lists::default());
        assert_eq!(
            p.stock
                .iter()
                .filter(|s| s.kind == StockKind::StockText)
                .count(),
            18
        );
        assert_eq!(
            p.stock
                .iter()
                .filter(|s| s.kind == StockKind::GenericPhrase)
                .count(),
            20
        );
        assert!(
            p.stock_exact
                .contains_key("i would like to add you to my professional network on linkedin")
        );
        assert!(p.generic_words.contains("like-minded"));
        assert!(p.generic_words.contains("linkedin"));
        assert!(!p.generic_words.contains("met"));
        assert_eq!(p.salutations.after("good").len(), 3);
        for w in ["Hi", "GOOD", "hello", "Buenos", "chère", "Bom"] {
            assert!(p.salutations.may_start_with(w), "{w}");
        }
        for w in ["Thanks", "best", "KIND", "Mit", "grüße", "MVH"] {
            assert!(p.closings.may_start_with(w), "{w}");
        }
        assert_eq!(p.salutations.after("buenos"), [vec!["días".to_owned()]]);
        assert!(p.salutations.after("hi").contains(&Vec::new()));
        assert!(p.titles.contains("señora") && p.titles.contains("dr"));
        assert!(p.non_names.contains("madam"));
        assert_eq!(
            p.closings.after("mit"),
            [vec!["freundlichen".to_owned(), "grüssen".to_owned()]]
        );
        assert!(p.hints.contains(Signals::PITCH, "cv"));
        assert!(p.hints.contains(Signals::PITCH, "$"));
        assert!(p.hints.contains(Signals::OFFER, "how can i help"));
        assert!(!p.hints.contains(Signals::OFFER, "cv"));
    }

    #[test]
    fn config_entries_extend() {
        let extra = Lists {
            stock_texts: vec!["Hallo! Schön, Sie zu sehen. Ich würde mich freuen.".into()],
            titles: vec!["Ing.".into()],
            non_names: vec!["Ladies/Gentlemen".into(), "ji.".into()],
            generic_words: vec!["Awesome Stuff".into()],
            ..Lists::default()
        };
        let p = Prepared::new(&extra);
        // Its greeting is read as a greeting, not kept as a sentence.
        assert!(!p.stock_exact.contains_key("hallo"));
        assert!(!p.stock_raw.contains_key("Hallo!"));
        assert!(p.stock_exact.contains_key("schön, sie zu sehen"));
        assert!(!p.stock_exact.contains_key("schön, sie zu sehex"));
        assert!(p.stock_raw.contains_key("Schön, Sie zu sehen."));
        assert!(!p.stock_raw.contains_key("Schön, Sie zu sehen?"));
        assert!(p.stock_exact.contains_key("ich würde mich freuen"));
        assert!(p.titles.contains("ing"));
        assert!(p.non_names.contains("ladies") && p.non_names.contains("gentlemen"));
        // Without the punctuation a greeting's word is read without.
        assert!(p.non_names.contains("ji") && !p.non_names.contains("ji."));
        assert!(p.generic_words.contains("stuff"));
    }
}
