//! The sender's and the recipient's names, split into lower-case words, and
//! the spec's "matches" rule for a greeting word.

use super::body::within_one;
use super::lists::Prepared;
use super::normalise::{
    eq_folded, fold_chars, fold_into, is_letter_or_digit, is_nfkc, nfkc_chars, words,
};

/// A person's name as lower-case words (NFKC, straight apostrophes), kept in
/// one reusable buffer.
#[derive(Debug, Default, Clone)]
pub(crate) struct NameWords {
    /// The name as given, to skip refilling with the same name (the
    /// recipient's is the same on every row).
    given: String,
    buf: String,
    words: Vec<(usize, usize)>,
    /// The words of what follows the name after a comma, each item of one
    /// word as written (`MBA`, `Ph.D.` of `Joe Smith, MBA, Ph.D.`), in
    /// `buf` too: the name as written goes on with them, though a greeting
    /// does not use them.
    credentials: Vec<(usize, usize)>,
    /// Whether a word, or a credential, has a hyphen.
    hyphen: bool,
    /// For a name written family name first (`Smith, Colleen`), how many
    /// of `words` are the given names, which `words` holds first (`colleen
    /// smith`) so that the first and last names are read as for `Colleen
    /// Smith`; 0 otherwise.
    given_first: usize,
    /// Whether `words` are the name read given name first from a name
    /// written family name first without a comma (`Nguyễn Thị Hương`):
    /// written, they are in the other order, middle names aside.
    given_last: bool,
    /// The words in the name's first bracket, round or square (`she her`
    /// of `Ana Ruiz (she/her)`), in `buf` too: no words of the name, but
    /// a sign-off may write them after it, as the `From` column does.
    bracket: Vec<(usize, usize)>,
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
            s.split(|c: char| !is_letter_or_digit(c))
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

    /// Replaces the name. What follows a comma, `|` or `(` is not the name
    /// a greeting uses (`Colleen Smith, PhD`, `Joe Smith | Hiring`), but
    /// the items after a comma that are one word as written (`PhD`, not
    /// `Talent Acquisition`) are its credentials: words of the name as
    /// written, for a sign-off and the generic rule. Titles and initials
    /// before the first name are words of the name, but not its first name
    /// (`lists.titles`).
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
        let name = &name[..name.find([',', '|', '(', '[']).unwrap_or(name.len())];
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
        self.credentials.clear();
        self.hyphen = false;
        self.given_first = 0;
        self.given_last = false;
        self.bracket.clear();
        let cut = name
            .bytes()
            .position(|b| matches!(b, b',' | b'|' | b'(' | b'['))
            .unwrap_or(name.len());
        // The first bracket is at or after `cut`: nearly every name has
        // none, and is not scanned again.
        if let Some(open) = name[cut..].find(['(', '[']).map(|o| cut + o) {
            let inner = &name[open + 1..];
            let inner = &inner[..inner.find([')', ']']).unwrap_or(inner.len())];
            let hyphen = self.hyphen;
            self.push_words(inner);
            self.bracket.append(&mut self.words);
            self.hyphen = hyphen;
        }
        let mut rest = &name[cut..];
        // `Smith, Colleen`, `DOE, JANE`: the family name first, as a
        // directory writes it, read as the templates read it (not `Joe
        // Smith, MBA`, `Priya, CTO` or `Smith, Jr.`, whose words after the
        // comma are credentials).
        match (rest.starts_with(','))
            .then(|| crate::reply::family_name_first(name))
            .flatten()
        {
            Some((given, family)) => {
                self.push_words(given);
                self.given_first = self.words.len();
                self.push_words(family);
                let end = given.as_ptr() as usize + given.len() - name.as_ptr() as usize;
                // What follows the given names (`Smith, Jane, PhD`).
                let after = &name[end..];
                let cut = after.find([',', '|', '(', '[']).unwrap_or(after.len());
                rest = &after[cut..];
            }
            None => self.push_name(name, cut),
        }
        let Some(rest) = rest.strip_prefix(',') else {
            return;
        };
        // The name's own words first, then its credentials after them.
        let named = self.words.len();
        let rest = &rest[..rest.find(['|', '(', '[']).unwrap_or(rest.len())];
        for item in rest.split(',') {
            let item = item.trim();
            if !item.contains(char::is_whitespace) {
                self.push_words(item);
            }
        }
        self.credentials.extend(self.words.drain(named..));
    }

    /// Adds the words of the name before `cut`, given name first: a name
    /// written family name first without a comma (`Nguyễn Thị Hương`,
    /// `山田 太郎`) is read as the templates read it, its last word first
    /// and its first word last (`hương thị nguyễn`), so that the first and
    /// last names are read as for `Hương Nguyễn`. An ASCII name, nearly
    /// every one, is none, and is scanned once as before.
    fn push_name(&mut self, name: &str, cut: usize) {
        let part = &name[..cut];
        if part.is_ascii() {
            return self.push_ascii(part);
        }
        let Some((given, family)) = crate::reply::family_name_first_spaced(part) else {
            return self.push_words(part);
        };
        let at = |w: &str| w.as_ptr() as usize - part.as_ptr() as usize;
        self.push_words(given);
        self.push_words(&part[at(family) + family.len()..at(given)]);
        self.push_words(family);
        self.given_first = 1;
        self.given_last = true;
        // What follows the name (`Nguyễn Thị Hương - Recruiter`) is no
        // part of it a greeting uses, but is written with it.
        let named = self.words.len();
        self.push_words(&part[at(given) + given.len()..]);
        self.credentials.extend(self.words.drain(named..));
    }

    /// Adds the words of `part` (folded into `buf`) to `words`.
    fn push_words(&mut self, part: &str) {
        if part.is_ascii() {
            return self.push_ascii(part);
        }
        let start = self.buf.len();
        if is_nfkc(part) {
            fold_into(part, &mut self.buf);
        } else {
            fold_chars(nfkc_chars(part), &mut self.buf);
        }
        let base = self.buf.as_ptr() as usize;
        for w in words(&self.buf[start..]) {
            let start = w.as_ptr() as usize - base;
            self.words.push((start, start + w.len()));
            self.hyphen |= w.contains('-');
        }
    }

    /// `push_words` for an ASCII part, in one pass: folding it, and
    /// splitting it into runs of letters, digits, `'` and `-`, trimmed of
    /// `'` and `-` (as `words`).
    fn push_ascii(&mut self, part: &str) {
        // Where the current run starts in `buf`.
        let mut run = None;
        for &c in part.as_bytes() {
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

    /// The words of the name as written: its own, then its credentials.
    fn as_written(&self) -> impl Iterator<Item = &str> {
        let credentials = self.credentials.iter().map(|&(a, b)| &self.buf[a..b]);
        self.iter().chain(credentials)
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

    /// Whether `w` (normalised, lower case) is a word of the name as
    /// written (credentials too), or a part of a hyphenated one.
    pub(crate) fn has(&self, w: &str) -> bool {
        self.as_written().any(|n| n == w)
            || (self.hyphen
                && self
                    .as_written()
                    .any(|n| n.contains('-') && n.split('-').any(|p| p == w)))
    }

    /// Whether the raw word `raw` is a word of the name as written,
    /// case-insensitively.
    pub(crate) fn has_raw(&self, raw: &str) -> bool {
        self.as_written().any(|n| eq_folded(raw, n))
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

    /// Where the `i`th word of the name as written is in `words`, for a
    /// name written family name first: `Doe, Jane` and `Lee, Mary Ann`
    /// hold the given names first; `Nguyễn Thị Hương`, its first and last
    /// words swapped (`hương thị nguyễn`).
    fn written_at(&self, i: usize) -> usize {
        let n = self.words.len();
        match (self.given_last, i) {
            (true, 0) => n - 1,
            (true, i) if i + 1 == n => 0,
            (true, i) => i,
            (false, i) => (i + self.given_first) % n,
        }
    }

    /// The first word of a name written family name first (`doe` of `Doe,
    /// Jane`, `nguyễn` of `Nguyễn Thị Hương`): a sign-off in the order of
    /// the name may start with it. `None` for any other name, whose first
    /// word as written is [`NameWords::first`] or a title.
    pub(crate) fn written_first(&self) -> Option<&str> {
        (self.given_first > 0).then(|| self.word(self.written_at(0)))
    }

    /// Whether `w` (lower case) matches the family name of a name of two
    /// words written family name first (`山田` of `山田 太郎`, `doe` of `Doe,
    /// Jane`): the start of the full name as written, which the given
    /// name then ends.
    pub(crate) fn matches_written_family(&self, w: &str) -> bool {
        self.given_first > 0 && self.words.len() == 2 && matches(w, self.word(1))
    }

    /// The number of words in the name's bracket (`Ana Ruiz (she/her)`: 2).
    pub(crate) fn bracket_len(&self) -> usize {
        self.bracket.len()
    }

    /// Whether the raw words end with the words of the name's bracket
    /// (`she/her` of `Ana Ruiz (she/her)`), case-insensitively, after at
    /// least one other word.
    pub(crate) fn ends_with_bracket(&self, raw: &[&str]) -> bool {
        let b = self.bracket.len();
        b > 0
            && raw.len() > b
            && raw[raw.len() - b..]
                .iter()
                .zip(&self.bracket)
                .all(|(r, &(x, y))| eq_folded(r, &self.buf[x..y]))
    }

    /// The number of words of the name as written, credentials too.
    pub(crate) fn len_as_written(&self) -> usize {
        self.words.len() + self.credentials.len()
    }

    /// Whether the raw words are the first name alone, the first and last
    /// name, every word of the name, or every word of the name as written
    /// (`Joe Smith, MBA`) (case-insensitive).
    pub(crate) fn is_first_or_full(&self, raw: &[&str]) -> bool {
        if !self.credentials.is_empty()
            && raw.len() == self.len_as_written()
            && raw
                .iter()
                .zip(self.as_written())
                .all(|(r, n)| eq_folded(r, n))
        {
            return true;
        }
        // `Doe Jane` from `Doe, Jane`, `Nguyễn Thị Hương`: the name in the
        // order it is written.
        if self.given_first > 0
            && raw.len() == self.len()
            && raw
                .iter()
                .enumerate()
                .all(|(i, r)| eq_folded(r, self.word(self.written_at(i))))
        {
            return true;
        }
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
        // The credential is a word of the name as written, not a name a
        // greeting uses.
        assert!(n.has("phd") && n.has_raw("PhD") && !n.matches_last("phd"));
        assert!(n.is_first_or_full(&["Colleen", "Smith", "PhD"]));
        assert!(!n.is_first_or_full(&["Colleen", "PhD"]));
        let one = NameWords::new("Cher");
        assert_eq!(one.last(), None);
        assert!(NameWords::new("").first().is_none());
    }

    /// Items after a comma of one word as written are credentials; a
    /// phrase, or what follows `|` or `(`, is not part of the name.
    #[test]
    fn credentials_after_a_comma() {
        let n = NameWords::new("Joe Smith, MBA, Ph.D. | Hiring (he/him)");
        assert_eq!(
            (n.first(), n.last(), n.len()),
            (Some("joe"), Some("smith"), 2)
        );
        assert_eq!(n.len_as_written(), 5);
        assert!(n.has("mba") && n.has("ph") && n.has("d") && !n.has("hiring"));
        assert!(n.is_first_or_full(&["Joe", "Smith", "MBA", "Ph", "D"]));
        let n = NameWords::new("Jane Smith, Talent Acquisition");
        assert!(!n.has("talent") && n.len_as_written() == 2);
        // As a directory writes it, family name first: the given name is
        // the first name, in either order.
        let n = NameWords::new("Doe, Jane");
        assert_eq!(
            (n.first(), n.last(), n.len()),
            (Some("jane"), Some("doe"), 2)
        );
        assert!(n.is_first_or_full(&["DOE", "JANE"]) && n.is_first_or_full(&["Jane"]));
        assert!(n.is_first_or_full(&["Jane", "Doe"]) && !n.is_first_or_full(&["Doe"]));
        let n = NameWords::new("SMITH, COLLEEN, PhD");
        assert_eq!((n.first(), n.last()), (Some("colleen"), Some("smith")));
        assert!(n.has("phd") && n.len_as_written() == 3);
        let n = NameWords::new("van Dijk, Jan");
        assert_eq!((n.first(), n.last()), (Some("jan"), Some("dijk")));
        assert!(n.matches_last("van"));
        // Not a given name: a suffix.
        let n = NameWords::new("John Doe, Jr.");
        assert_eq!((n.first(), n.last()), (Some("john"), Some("doe")));
        let n = NameWords::new("Priya, CTO");
        assert_eq!(n.first(), Some("priya"));
        assert!(n.has("cto") && n.is_first_or_full(&["Priya"]));
        let n = NameWords::new("Jürgen Groß, Dipl.-Ing., SHRM-CP");
        assert_eq!((n.first(), n.last()), (Some("jürgen"), Some("gross")));
        assert!(n.has("dipl") && n.has("ing") && n.has("shrm") && n.has("shrm-cp"));
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
        // One letter without case is a whole given name, not an initial;
        // here the family name comes first.
        let n = NameWords::new("李 伟");
        assert_eq!((n.first(), n.last()), (Some("伟"), Some("李")));
        assert_eq!(NameWords::new("李 Wei").first(), Some("李"));
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
            // A name written family name first is read in the other order.
            proptest::prop_assume!(n.given_first == 0);
            let prefix = name.split([',', '|', '(', '[']).next().unwrap_or("");
            let mut folded = String::new();
            fold_into(prefix, &mut folded);
            let want: Vec<&str> = words(&folded).collect();
            proptest::prop_assert_eq!(n.iter().collect::<Vec<_>>(), want.clone());
            let credentials: Vec<&str> = n.as_written().skip(want.len()).collect();
            proptest::prop_assert!(credentials.iter().all(|c| name.to_lowercase().contains(c)));
            let hyphen = want.iter().chain(&credentials).any(|w| w.contains('-'));
            proptest::prop_assert_eq!(n.hyphen, hyphen);
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
