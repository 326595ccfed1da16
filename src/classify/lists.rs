//! The built-in lists (`data/*.txt`, one entry a line, `#` comments) extended
//! by the config's, prepared once for matching.

use std::collections::{HashMap, HashSet};

use super::Lists;
use super::body::split_pieces;
use super::normalise::{fold_entry, nfkc_cow, normalise, words};

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
}

/// Phrases of one or more words (salutations, closing phrases), by their
/// first word, longest first.
#[derive(Debug, Clone, Default)]
pub(crate) struct Phrases {
    by_first: HashMap<String, Vec<Vec<String>>>,
}

impl Phrases {
    fn insert(&mut self, entry: &str) {
        let folded = fold_entry(entry);
        let mut ws = folded.split(' ').filter(|w| !w.is_empty()).map(str::to_owned);
        let Some(first) = ws.next() else { return };
        let rest: Vec<String> = ws.collect();
        let list = self.by_first.entry(first).or_default();
        if !list.contains(&rest) {
            list.push(rest);
            list.sort_by_key(|r| std::cmp::Reverse(r.len()));
        }
    }

    /// The continuations (words after the first, longest first) of the
    /// phrases whose first word is `first` (folded).
    pub(crate) fn after(&self, first: &str) -> &[Vec<String>] {
        self.by_first.get(first).map_or(&[], Vec::as_slice)
    }
}

/// Every list, prepared.
#[derive(Debug, Clone, Default)]
pub(crate) struct Prepared {
    pub stock: Vec<StockEntry>,
    /// Normalised stock sentence → index in `stock`.
    pub stock_exact: HashMap<String, usize>,
    /// Indices in `stock` by the length of the normalised sentence in chars.
    pub stock_by_len: Vec<Vec<usize>>,
    pub generic_words: HashSet<String>,
    pub salutations: Phrases,
    /// Folded, without a trailing dot.
    pub titles: HashSet<String>,
    pub non_names: HashSet<String>,
    pub closings: Phrases,
    /// Folded hints for context, reason, offer and pitch, in that order.
    pub hints: [Vec<String>; 4],
}

impl Prepared {
    pub(crate) fn new(extra: &Lists) -> Self {
        let mut p = Prepared::default();
        for text in all(STOCK_TEXTS, &extra.stock_texts) {
            p.add_stock(text, StockKind::StockText);
        }
        for text in all(GENERIC_PHRASES, &extra.generic_phrases) {
            p.add_stock(text, StockKind::GenericPhrase);
        }
        for entry in all(GENERIC_WORDS, &extra.generic_words) {
            // An entry is a word; should a user write a phrase, each word counts.
            let n = normalise(entry);
            p.generic_words.extend(words(&n).map(str::to_owned));
        }
        for s in all(SALUTATIONS, &extra.salutations) {
            p.salutations.insert(s.trim_matches(|c: char| !c.is_alphanumeric()));
        }
        for s in all(CLOSING_PHRASES, &extra.closing_phrases) {
            p.closings.insert(s.trim_matches(|c: char| !c.is_alphanumeric()));
        }
        for t in all(TITLES, &extra.titles) {
            let f = fold_entry(t);
            let f = f.trim_end_matches('.');
            if !f.is_empty() {
                p.titles.insert(f.to_owned());
            }
        }
        for n in all(NON_NAMES, &extra.non_names) {
            // Split like greeting words: at white space and `/`.
            for w in fold_entry(n).split([' ', '/']).filter(|w| !w.is_empty()) {
                p.non_names.insert(w.to_owned());
            }
        }
        let hint_lists = [
            (HINTS_CONTEXT, &extra.context_hints),
            (HINTS_REASON, &extra.reason_hints),
            (HINTS_OFFER, &extra.offer_hints),
            (HINTS_PITCH, &extra.pitch_hints),
        ];
        for (slot, (file, more)) in p.hints.iter_mut().zip(hint_lists) {
            for h in all(file, more) {
                let f = fold_entry(h);
                if !f.is_empty() && !slot.contains(&f) {
                    slot.push(f);
                }
            }
        }
        p
    }

    /// Adds every sentence of `text` (split like a body) as a stock sentence.
    fn add_stock(&mut self, text: &str, kind: StockKind) {
        let text = nfkc_cow(text);
        let mut pieces = Vec::new();
        split_pieces(&text, 0, &mut pieces);
        for (a, b) in pieces {
            let display = &text[a..b];
            let norm = normalise(display);
            if norm.is_empty() || self.stock_exact.contains_key(&norm) {
                continue;
            }
            let chars: Box<[char]> = norm.chars().collect();
            let len = chars.len();
            if self.stock_by_len.len() <= len {
                self.stock_by_len.resize(len + 1, Vec::new());
            }
            self.stock_by_len[len].push(self.stock.len());
            self.stock_exact.insert(norm, self.stock.len());
            self.stock.push(StockEntry {
                display: display.to_owned(),
                kind,
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
            p.stock.iter().filter(|s| s.kind == StockKind::StockText).count(),
            18
        );
        assert_eq!(
            p.stock.iter().filter(|s| s.kind == StockKind::GenericPhrase).count(),
            20
        );
        assert!(p.stock_exact.contains_key("i would like to add you to my professional network on linkedin"));
        assert!(p.generic_words.contains("like-minded"));
        assert!(p.generic_words.contains("linkedin"));
        assert!(!p.generic_words.contains("met"));
        assert_eq!(p.salutations.after("good").len(), 3);
        assert_eq!(p.salutations.after("buenos"), [vec!["días".to_owned()]]);
        assert!(p.salutations.after("hi").contains(&Vec::new()));
        assert!(p.titles.contains("señora") && p.titles.contains("dr"));
        assert!(p.non_names.contains("madam"));
        assert_eq!(
            p.closings.after("mit"),
            [vec!["freundlichen".to_owned(), "grüßen".to_owned()]]
        );
        assert!(p.hints[3].contains(&"cv".to_owned()));
        assert!(p.hints[3].contains(&"$".to_owned()));
        assert!(p.hints[2].contains(&"how can i help".to_owned()));
    }

    #[test]
    fn config_entries_extend() {
        let extra = Lists {
            stock_texts: vec!["Hallo! Ich würde mich freuen.".into()],
            titles: vec!["Ing.".into()],
            non_names: vec!["Ladies/Gentlemen".into()],
            generic_words: vec!["Awesome Stuff".into()],
            ..Lists::default()
        };
        let p = Prepared::new(&extra);
        assert!(p.stock_exact.contains_key("hallo"));
        assert!(p.stock_exact.contains_key("ich würde mich freuen"));
        assert!(p.titles.contains("ing"));
        assert!(p.non_names.contains("ladies") && p.non_names.contains("gentlemen"));
        assert!(p.generic_words.contains("stuff"));
    }
}
