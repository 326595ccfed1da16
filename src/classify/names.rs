//! The sender's and the recipient's names, split into lower-case words, and
//! the spec's "matches" rule for a greeting word.

use super::body::within_one;
use super::lists::Prepared;
use super::normalise::{eq_folded, fold_chars, fold_into, is_nfkc, nfkc_chars, words};

/// A person's name as lower-case words (NFKC, straight apostrophes), kept in
/// one reusable buffer.
#[derive(Debug, Default, Clone)]
pub(crate) struct NameWords {
    /// The name as given, to skip refilling with the same name (the
    /// recipient's is the same on every row).
    given: String,
    buf: String,
    words: Vec<(usize, usize)>,
    /// Whether a word has a hyphen.
    hyphen: bool,
    /// How many words at the start are titles or initials (`Dr. Ana
    /// Ruiz`, `K. S. Ravi Kumar`): the first name comes after them. Never
    /// every word, so for `J. Smith` it is `Smith`, the name a greeting
    /// would use (`Smith,` greets them).
    lead: usize,
    /// The [`Prepared::id`] of the titles `lead` was worked out with.
    titles_of: u64,
    /// The words between the first and the last that the name writes in
    /// lower case, one bit each: particles of a family name (`de` of `Emma
    /// de Jong`), not middle names (`Hope` of `Mary Hope Smith`). Worked
    /// out when first asked: only the recipient's ever are, and a sender's
    /// name is filled for nearly every note.
    particles: std::cell::OnceCell<u64>,
}

impl NameWords {
    /// Whether `word` is a word of the name with accents aside ("Jose" for
    /// José, "Zoe" for Zoë): slower than [`NameWords::has`], for the rare
    /// greeting that seems to name someone else.
    pub(crate) fn has_without_accents(&self, word: &str) -> bool {
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(super::fold_accents)
                .collect()
        };
        let mut name = words(&self.given);
        // "Juergen" greets Jürgen, as German spells an umlaut out.
        name.extend(words(&spelt_out(&self.given)));
        // "José-Luis" greets Jose Luis Garcia: each part is a word of theirs.
        let parts = words(word);
        !parts.is_empty() && parts.iter().all(|p| name.contains(p))
    }

    /// Replaces the name. What follows a comma, `|` or `(` is dropped
    /// (`Colleen Smith, PhD`, `Joe Smith | Hiring`): it is not the name.
    /// Titles and initials before the first name are words of the name,
    /// but not its first name (`lists.titles`).
    pub(crate) fn fill(&mut self, name: &str, lists: &Prepared) {
        if self.given == name && !self.given.is_empty() && self.titles_of == lists.id {
            return;
        }
        self.fill_words(name);
        // A title or an initial is a word of one letter, lower case once
        // folded (not `李`, a whole name in a script without case).
        let titled = |w: &str| {
            let mut c = w.chars();
            matches!((c.next(), c.next()), (Some(a), None) if a.is_lowercase())
                || lists.is_folded_title(w)
        };
        self.lead = 0;
        while self.lead + 1 < self.words.len() && titled(self.word(self.lead)) {
            self.lead += 1;
        }
        self.titles_of = lists.id;
        self.particles = std::cell::OnceCell::new();
    }

    /// The bits of [`NameWords::particles`].
    fn find_particles(&self) -> u64 {
        let name = &self.given;
        let name = &name[..name.find([',', '|', '(']).unwrap_or(name.len())];
        let lower = |t: &&str| t.chars().next().is_some_and(char::is_lowercase);
        // Nearly every name: no word in lower case, nothing to fold.
        if !name.split_whitespace().any(|t| lower(&t)) {
            return 0;
        }
        let mut bits = 0;
        let mut folded = String::new();
        for t in name.split_whitespace().filter(lower) {
            folded.clear();
            fold_into(t, &mut folded);
            for i in self.lead + 1..self.words.len().saturating_sub(1).min(64) {
                if self.word(i) == folded {
                    bits |= 1 << i;
                }
            }
        }
        bits
    }

    /// `fill` without the titles: every word, and `lead` left as it was.
    fn fill_words(&mut self, name: &str) {
        self.given.clear();
        self.given.push_str(name);
        self.buf.clear();
        self.words.clear();
        self.hyphen = false;
        if self.fill_ascii(name) {
            return;
        }
        self.buf.clear();
        self.words.clear();
        let name = &name[..name
            .bytes()
            .position(|b| matches!(b, b',' | b'|' | b'('))
            .unwrap_or(name.len())];
        if is_nfkc(name) {
            fold_into(name, &mut self.buf);
        } else {
            fold_chars(nfkc_chars(name), &mut self.buf);
        }
        let base = self.buf.as_ptr() as usize;
        for w in words(&self.buf) {
            let start = w.as_ptr() as usize - base;
            self.words.push((start, start + w.len()));
        }
        let hyphen = self.iter().any(|w| w.contains('-'));
        self.hyphen = hyphen;
    }

    /// `fill` for a name that is ASCII up to its cut (`,` `|` `(`), in one
    /// pass: folding it, and splitting it into runs of letters, digits, `'`
    /// and `-`, trimmed of `'` and `-` (as `words`). Returns false, having
    /// filled nothing useful, at the first byte that is not ASCII.
    fn fill_ascii(&mut self, name: &str) -> bool {
        // Where the current run starts in `buf`.
        let mut run = None;
        for &c in name.as_bytes() {
            if matches!(c, b',' | b'|' | b'(') {
                break;
            }
            if !c.is_ascii() {
                return false;
            }
            if is_inner_ascii(c) {
                run.get_or_insert(self.buf.len());
            } else if let Some(start) = run.take() {
                self.push_ascii_word(start, self.buf.len());
            }
            self.buf.push(char::from(c.to_ascii_lowercase()));
        }
        if let Some(start) = run {
            self.push_ascii_word(start, self.buf.len());
        }
        true
    }

    /// Adds the run `buf[start..end]` as a word, trimmed of `'` and `-`.
    fn push_ascii_word(&mut self, mut start: usize, mut end: usize) {
        let b = self.buf.as_bytes();
        let edge = |c: u8| c == b'\'' || c == b'-';
        while start < end && edge(b[start]) {
            start += 1;
        }
        while end > start && edge(b[end - 1]) {
            end -= 1;
        }
        if start < end {
            self.hyphen |= b[start..end].contains(&b'-');
            self.words.push((start, end));
        }
    }

    /// The name's words, with the built-in titles.
    #[cfg(test)]
    pub(crate) fn new(name: &str) -> Self {
        let mut n = NameWords::default();
        n.fill(name, &Prepared::new(&super::Lists::default()));
        n
    }

    fn word(&self, i: usize) -> &str {
        let (a, b) = self.words[i];
        &self.buf[a..b]
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.words.len()).map(|i| self.word(i))
    }

    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    /// The first name: the first word after any titles or initials.
    pub(crate) fn first(&self) -> Option<&str> {
        (!self.words.is_empty()).then(|| self.word(self.lead))
    }

    /// The last name: the last word when there are two or more.
    pub(crate) fn last(&self) -> Option<&str> {
        (self.words.len() >= 2).then(|| self.word(self.words.len() - 1))
    }

    /// Whether `w` (normalised, lower case) is a word of the name, or a part
    /// of a hyphenated one.
    pub(crate) fn has(&self, w: &str) -> bool {
        self.iter().any(|n| n == w)
            || (self.hyphen
                && self
                    .iter()
                    .any(|n| n.contains('-') && n.split('-').any(|p| p == w)))
    }

    /// Whether the raw word `raw` is a word of the name, case-insensitively.
    pub(crate) fn has_raw(&self, raw: &str) -> bool {
        self.iter().any(|n| eq_folded(raw, n))
    }

    /// Whether `w` (lower case) matches the first name.
    pub(crate) fn matches_first(&self, w: &str) -> bool {
        self.first().is_some_and(|n| matches(w, n))
    }

    /// Whether `w` (lower case) matches the title or initial of a full name
    /// made of it and one name (`Frau` of `Frau Müller`): the start of the
    /// full name, though not the first name. Of a longer name (`Dr. Ana
    /// Ruiz`) a title and one name are neither (`Dr Ruiz`).
    pub(crate) fn matches_lead(&self, w: &str) -> bool {
        self.lead == 1 && self.words.len() == 2 && matches(w, self.word(0))
    }

    /// Whether `w` (lower case) matches the last name: its last word, or
    /// a particle before it. A family name of several words is the last
    /// name whole (`de Jong` of `Emma de Jong`, as `{last_name}` reads it),
    /// so `de` in `Hallo Emma de Jong,` is a name word though written in
    /// lower case. A middle name is not the last name: `hope` in `Hi hope
    /// you are well` to Mary Hope Smith is no name word.
    pub(crate) fn matches_last(&self, w: &str) -> bool {
        if self.last().is_some_and(|n| matches(w, n)) {
            return true;
        }
        let particles = *self.particles.get_or_init(|| self.find_particles());
        particles != 0
            && (self.lead + 1..self.words.len().saturating_sub(1))
                .filter(|&i| i < 64 && particles & (1 << i) != 0)
                .any(|i| matches(w, self.word(i)))
    }

    /// Whether the raw words are the first name alone, the first and last
    /// name, or every word of the name (case-insensitive).
    pub(crate) fn is_first_or_full(&self, raw: &[&str]) -> bool {
        match raw {
            [] => false,
            [one] => self.first().is_some_and(|n| eq_folded(one, n)),
            [a, b] if self.len() > 2 => {
                self.first().is_some_and(|n| eq_folded(a, n))
                    && self.last().is_some_and(|n| eq_folded(b, n))
            }
            _ => {
                raw.len() == self.len() && raw.iter().zip(self.iter()).all(|(r, n)| eq_folded(r, n))
            }
        }
    }
}

/// An ASCII letter or digit, `'` or `-`: what the words of a name are made of.
fn is_inner_ascii(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'\'' || b == b'-'
}

/// The spec's rule: a word matches a name when it equals it, or, for names
/// of five letters or more (letters: not a hyphen or an apostrophe), is
/// within edit distance 1 of it. Both lower case.
pub(crate) fn matches(word: &str, name: &str) -> bool {
    word == name
        || (name.chars().filter(|c| c.is_alphabetic()).count() >= 5 && within_one(word, name))
}

/// A name with its letters spelt out as German and the Nordic languages
/// write them without the letter: `ä` `ae`, `ö` `oe`, `ü` `ue`, `ß` `ss`,
/// `æ` `ae`, `ø` `oe`, `å` `aa`.
fn spelt_out(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        match c {
            'ä' | 'æ' => out.push_str("ae"),
            'Ä' | 'Æ' => out.push_str("Ae"),
            'ö' | 'ø' => out.push_str("oe"),
            'Ö' | 'Ø' => out.push_str("Oe"),
            'ü' => out.push_str("ue"),
            'Ü' => out.push_str("Ue"),
            'ß' => out.push_str("ss"),
            'å' => out.push_str("aa"),
            'Å' => out.push_str("Aa"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_last_and_credentials() {
        let n = NameWords::new("Colleen Smith, PhD");
        assert_eq!(n.first(), Some("colleen"));
        assert_eq!(n.last(), Some("smith"));
        assert_eq!(n.len(), 2);
        let one = NameWords::new("Cher");
        assert_eq!(one.last(), None);
        assert!(NameWords::new("").first().is_none());
    }

    #[test]
    fn the_first_name_comes_after_titles_and_initials() {
        let n = NameWords::new("Dr. Ana Ruiz");
        assert_eq!(
            (n.first(), n.last(), n.len()),
            (Some("ana"), Some("ruiz"), 3)
        );
        assert!(n.is_first_or_full(&["Ana"]) && n.is_first_or_full(&["Ana", "Ruiz"]));
        assert!(n.is_first_or_full(&["Dr", "Ana", "Ruiz"]));
        assert_eq!(NameWords::new("Prof Dr Ana Ruiz").first(), Some("ana"));
        assert_eq!(NameWords::new("K. S. Ravi Kumar").first(), Some("ravi"));
        // A title or an initial alone is still the name.
        assert_eq!(NameWords::new("Dr. Who").first(), Some("who"));
        assert_eq!(NameWords::new("Dr.").first(), Some("dr"));
        // One letter without case is a whole given name.
        assert_eq!(NameWords::new("李 伟").first(), Some("李"));
        // The config's titles count, and the name is worked out again for
        // lists of another configuration.
        let lists = Prepared::new(&super::super::Lists {
            titles: vec!["Ing.".into()],
            ..Default::default()
        });
        let mut n = NameWords::new("Ing. Hans Muster");
        assert_eq!(n.first(), Some("ing"));
        n.fill("Ing. Hans Muster", &lists);
        assert_eq!(n.first(), Some("hans"));
    }

    #[test]
    fn matching_uses_edit_distance_for_long_names() {
        assert!(matches("coleen", "colleen"));
        assert!(matches("colleen", "colleen"));
        assert!(!matches("pam", "sam"));
        assert!(!matches("samm", "sam"));
        assert!(!matches("colin", "colleen"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        #[test]
        fn ascii_names_split_like_words(name in "[ a-zA-Z0-9'.,|(-]{0,24}") {
            let n = NameWords::new(&name);
            let prefix = name.split([',', '|', '(']).next().unwrap_or("");
            let mut folded = String::new();
            fold_into(prefix, &mut folded);
            let want: Vec<&str> = words(&folded).collect();
            proptest::prop_assert_eq!(n.iter().collect::<Vec<_>>(), want.clone());
            proptest::prop_assert_eq!(n.hyphen, want.iter().any(|w| w.contains('-')));
        }
    }

    #[test]
    fn hyphenated_and_full_names() {
        let n = NameWords::new("Jean-Luc Picard");
        assert!(n.has("jean-luc") && n.has("luc") && n.has("picard"));
        assert!(!n.has("jean-luc-picard"));
        assert!(n.is_first_or_full(&["JEAN-LUC"]));
        assert!(n.is_first_or_full(&["Jean-Luc", "Picard"]));
        assert!(!n.is_first_or_full(&["Picard"]));
        let m = NameWords::new("Mary Jane Watson");
        assert!(m.is_first_or_full(&["Mary", "Watson"]));
        assert!(m.is_first_or_full(&["Mary", "Jane", "Watson"]));
        assert!(!m.is_first_or_full(&["Mary", "Jane"]));
    }
}
