//! The quality signals of a customised note: hints found as
//! case-insensitive whole words or phrases, plus links and email addresses
//! for `pitch`.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::Signals;
use super::normalise::{is_word_char, next_non_ascii, straighten};

/// A link: `http`, `www.` or `bit.ly`, each where a word starts (not in
/// `Awww.`); `http` as a link's scheme, `http:` or `https:` (not `httpd`,
/// nor the protocol named in `HTTP/2 servers`), and `bit.ly` not followed
/// by more letters (not `bit.lyrics`). See [`is_link`].
const LINKS: [&str; 3] = ["http", "www.", "bit.ly"];

/// Whether a match of one of [`LINKS`], `link`, from `start` to `end` of
/// `hay`, is a link.
fn is_link(hay: &str, start: usize, end: usize, link: &str) -> bool {
    if hay[..start].chars().next_back().is_some_and(is_word_char) {
        return false;
    }
    let after = &hay[end..];
    match link {
        "www." => true,
        "http" => after.strip_prefix('s').unwrap_or(after).starts_with(':'),
        _ => !after.chars().next().is_some_and(is_word_char),
    }
}

/// The hints of the four signals, folded (lower case, straight quotes,
/// single spaces), searched for in one pass over a note.
#[derive(Debug, Clone, Default)]
pub(crate) struct Hints {
    all: Vec<(Signals, String)>,
    /// Contracted forms of hints that begin with an auxiliary verb, each
    /// with the index of its hint in `all` (see [`CONTRACTED`]).
    contracted: Vec<(usize, String)>,
    /// Every hint, then the contracted forms, then [`LINKS`], in one
    /// automaton, made on first use.
    automaton: OnceLock<AhoCorasick>,
}

/// A hint written out ("would love to learn") is also found in the form a
/// note is likelier to use ("I'd love to learn"). The spec's normalisation
/// expands these contractions before its lists are compared; the signals
/// are searched in the note as written, so the hint is contracted instead,
/// at no cost a note. A form that starts with `'` needs no word boundary
/// before it, so it follows any pronoun (`I'd`, `we'd`, `you'd`).
const CONTRACTED: [(&str, &[&str]); 5] = [
    ("would ", &["'d ", "id "]),
    ("will ", &["'ll "]),
    ("am ", &["'m ", "im "]),
    ("have ", &["'ve ", "ive "]),
    ("are ", &["'re ", "youre "]),
];

impl Hints {
    pub(crate) fn insert(&mut self, signal: Signals, folded: &str) {
        if folded.is_empty() || self.contains(signal, folded) {
            return;
        }
        let at = self.all.len();
        self.all.push((signal, folded.to_owned()));
        for (written, short) in CONTRACTED {
            if let Some(rest) = folded.strip_prefix(written) {
                self.contracted
                    .extend(short.iter().map(|s| (at, format!("{s}{rest}"))));
            }
        }
        self.automaton = OnceLock::new();
    }

    pub(crate) fn contains(&self, signal: Signals, folded: &str) -> bool {
        self.all.iter().any(|(s, h)| *s == signal && h == folded)
    }

    /// Pattern `i` is hint `i` while `i < all.len()`, then the contracted
    /// forms, then the links. Every occurrence of every pattern is reported
    /// (overlapping ones too).
    fn automaton(&self) -> &AhoCorasick {
        self.automaton.get_or_init(|| {
            let patterns = self
                .all
                .iter()
                .map(|(_, h)| h.as_str())
                .chain(self.contracted.iter().map(|(_, h)| h.as_str()))
                .chain(LINKS.iter().copied());
            AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .match_kind(MatchKind::Standard)
                .prefilter(false)
                .build(patterns)
                .expect("the hints make a small automaton")
        })
    }
}

/// Finds the signals in `text` (NFKC already); `buf` is scratch. A hint
/// counts as whole words: no letter or digit directly before it when it
/// starts with one, nor directly after when it ends with one (so `$` matches
/// anywhere, `talk` not in `talking`).
///
/// With `hits`, every hint found is pushed once as (signal, hint): those
/// that start with a letter or digit in the order of their first occurrence
/// (list order at the same place), then the others in list order, then
/// `link` and `email address`. Without, the search stops once every signal
/// is set.
pub(crate) fn find(
    hints: &Hints,
    text: &str,
    buf: &mut String,
    hits: Option<&mut Vec<(Signals, String)>>,
) -> Signals {
    fold_spaced(text, buf);
    let hay = buf.as_str();
    let everything = hits.is_some();
    let mut found = Signals::empty();
    let mut link = false;
    // With `hits`: where each hint first occurs.
    let mut first: Vec<Option<usize>> = Vec::new();
    if everything {
        first.resize(hints.all.len(), None);
    }
    for m in hints.automaton().find_overlapping_iter(hay) {
        let p = m.pattern().as_usize();
        // `hint` is the text matched; `i` the hint reported.
        let (i, hint) = match p.checked_sub(hints.all.len()) {
            None => (p, &hints.all[p].1),
            Some(c) => match hints.contracted.get(c) {
                Some((i, short)) => (*i, short),
                None => {
                    let pattern = LINKS[c - hints.contracted.len()];
                    if is_link(hay, m.start(), m.end(), pattern) {
                        link = true;
                        found |= Signals::PITCH;
                    }
                    continue;
                }
            },
        };
        let signal = &hints.all[i].0;
        if (!everything && found.contains(*signal))
            || (starts_with_word_char(hint)
                && hay[..m.start()]
                    .chars()
                    .next_back()
                    .is_some_and(is_word_char))
            || !ends_at_boundary(hay, m.end(), hint)
        {
            continue;
        }
        found |= *signal;
        if everything {
            first[i].get_or_insert(m.start());
        } else if found.is_all() {
            return found;
        }
    }
    let email = (everything || !found.contains(Signals::PITCH)) && has_email(hay);
    if email {
        found |= Signals::PITCH;
    }
    if let Some(h) = hits {
        let mut word_led: Vec<(usize, usize)> = Vec::new();
        let mut others: Vec<usize> = Vec::new();
        for (i, at) in first.into_iter().enumerate() {
            match at {
                Some(at) if starts_with_word_char(&hints.all[i].1) => word_led.push((at, i)),
                Some(_) => others.push(i),
                None => {}
            }
        }
        word_led.sort_unstable();
        for i in word_led.into_iter().map(|(_, i)| i).chain(others) {
            h.push(hints.all[i].clone());
        }
        if link {
            h.push((Signals::PITCH, "link".to_owned()));
        }
        if email {
            h.push((Signals::PITCH, "email address".to_owned()));
        }
    }
    found
}

fn starts_with_word_char(s: &str) -> bool {
    s.chars().next().is_some_and(is_word_char)
}

/// An ASCII byte lower-cased, white space (`char::is_whitespace`) as a
/// space. Without a branch, so that a loop of it is vectorised.
#[inline(always)]
fn fold_ascii(b: u8) -> u8 {
    let space = u8::from(b == b' ') | u8::from(b.wrapping_sub(b'\t') < 5);
    let lower = b | (u8::from(b.wrapping_sub(b'A') < 26) << 5);
    lower ^ ((lower ^ b' ') & space.wrapping_neg())
}

/// Appends `bytes` (ASCII) folded by [`fold_ascii`].
fn extend_folded(v: &mut Vec<u8>, bytes: &[u8]) {
    let at = v.len();
    v.resize(at + bytes.len(), 0);
    for (o, &b) in v[at..].iter_mut().zip(bytes) {
        *o = fold_ascii(b);
    }
}

/// `text` lower-cased, with straight quotes, its runs of white space as
/// single spaces and none at either end, into `out`.
///
/// Each white space character becomes a space, each other one is folded;
/// then runs of spaces, if any, are squeezed.
fn fold_spaced(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut v = std::mem::take(out).into_bytes();
    v.clear();
    v.reserve(bytes.len());
    if text.is_ascii() {
        extend_folded(&mut v, bytes);
    } else {
        let mut i = 0;
        while i < bytes.len() {
            let end = next_non_ascii(bytes, i).unwrap_or(bytes.len());
            extend_folded(&mut v, &bytes[i..end]);
            let Some(c) = text[end..].chars().next() else {
                break;
            };
            i = end + c.len_utf8();
            if c.is_whitespace() {
                v.push(b' ');
            } else {
                for l in c.to_lowercase() {
                    match l {
                        'ß' => v.extend_from_slice(b"ss"),
                        l => v.extend_from_slice(straighten(l).encode_utf8(&mut [0; 4]).as_bytes()),
                    }
                }
            }
        }
    }
    let doubled = v.iter().zip(v.iter().skip(1)).fold(0u8, |acc, (&a, &b)| {
        acc | (u8::from(a == b' ') & u8::from(b == b' '))
    });
    if doubled != 0 || v.first() == Some(&b' ') || v.last() == Some(&b' ') {
        v.dedup_by(|b, a| *a == b' ' && *b == b' ');
        if v.last() == Some(&b' ') {
            v.pop();
        }
        if v.first() == Some(&b' ') {
            v.remove(0);
        }
    }
    // Whole characters were copied, ASCII ones changed only in case or to a
    // space.
    *out =
        String::from_utf8(v).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
}

/// Whether a match of `needle` ending at `end` of `hay` ends at a word
/// boundary, or needs not (it ends with a symbol).
fn ends_at_boundary(hay: &str, end: usize, needle: &str) -> bool {
    !needle.chars().next_back().is_some_and(is_word_char)
        || !hay[end..].chars().next().is_some_and(is_word_char)
}

/// Whether `hay` holds `needle` as whole words: no letter or digit directly
/// before it when it starts with one, nor directly after when it ends with
/// one (so `$` matches anywhere, `talk` not in `talking`).
#[cfg(test)]
fn contains_phrase(hay: &str, needle: &str) -> bool {
    let Some(first) = needle.chars().next() else {
        return false;
    };
    if !is_word_char(first) && !needle.chars().next_back().is_some_and(is_word_char) {
        // Symbols at both ends: any occurrence will do.
        return match needle.as_bytes() {
            &[b] => hay.as_bytes().contains(&b),
            _ => hay.contains(needle),
        };
    }
    hay.match_indices(needle).any(|(i, _)| {
        let before_ok =
            !is_word_char(first) || !hay[..i].chars().next_back().is_some_and(is_word_char);
        before_ok && ends_at_boundary(hay, i + needle.len(), needle)
    })
}

/// A link (see [`LINKS`]), searched for each on its own.
#[cfg(test)]
fn has_link(hay: &str) -> bool {
    LINKS.iter().any(|link| {
        hay.match_indices(link)
            .any(|(i, _)| is_link(hay, i, i + link.len(), link))
    })
}

/// An email address, simply: `x@y.z`, letters or digits on each side of the
/// `@` and a dot inside the domain.
fn has_email(hay: &str) -> bool {
    let local = |c: char| is_word_char(c) || matches!(c, '.' | '_' | '%' | '+' | '-');
    let domain = |c: char| is_word_char(c) || matches!(c, '.' | '-');
    hay.match_indices('@').any(|(i, _)| {
        let before = hay[..i].chars().next_back().is_some_and(local);
        let rest = &hay[i + 1..];
        let d = &rest[..rest.find(|c: char| !domain(c)).unwrap_or(rest.len())];
        let d = d.trim_end_matches(['.', '-']);
        before
            && d.split_once('.')
                .is_some_and(|(a, b)| !a.is_empty() && b.chars().any(is_word_char))
    })
}

#[cfg(test)]
mod tests {
    use super::super::Lists;
    use super::super::lists::Prepared;
    use super::super::normalise::fold_into;
    use super::*;
    use proptest::prelude::*;

    /// Every hint searched for on its own.
    fn naive(hints: &Hints, text: &str) -> Signals {
        let mut hay = String::new();
        fold_into(text, &mut hay);
        let hay = hay.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut found = Signals::empty();
        for (signal, hint) in &hints.all {
            if contains_phrase(&hay, hint) {
                found |= *signal;
            }
        }
        for (i, short) in &hints.contracted {
            if contains_phrase(&hay, short) {
                found |= hints.all[*i].0;
            }
        }
        if has_link(&hay) || has_email(&hay) {
            found |= Signals::PITCH;
        }
        found
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn indexed_search_agrees_with_naive(parts in prop::collection::vec(prop_oneof![
            Just("met"), Just("Meet you at"), Just("your post"), Just("how can I help"), Just("CV"),
            Just("cvs"), Just("$"), Just("€"), Just("talking"), Just("we  both"), Just("hiring"),
            Just(" "), Just("\n"), Just("-"), Just("x"), Just("é"), Just("@"), Just("a@b.co"), Just("www."),
            Just("http"), Just("s"), Just("bit.ly"), Just("://"),
            Just("I’d love to learn"), Just("id love to learn"), Just("would love to learn"), Just("'d"),
        ], 0..12)) {
            let lists = Prepared::new(&Lists::default());
            let text = parts.concat();
            prop_assert_eq!(find(&lists.hints, &text, &mut String::new(), None), naive(&lists.hints, &text));
        }
    }

    /// The folding of the first version: word by word.
    fn fold_words(text: &str) -> String {
        let mut out = String::new();
        for word in text.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            fold_into(word, &mut out);
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn folding(text in "[ \t\n\r\x0b\x0caZ09'’“.-]{0,20}|\\PC{0,70}|(\\PC|[ \t\n\r\x0b\x0cA-Za-z0-9.])*") {
            let mut hay = String::new();
            fold_spaced(&text, &mut hay);
            prop_assert_eq!(&hay, &fold_words(&text));
        }
    }

    #[test]
    fn ascii_folding() {
        for b in 0..0x80u8 {
            let c = char::from(b);
            let want = if c.is_whitespace() {
                b' '
            } else {
                b.to_ascii_lowercase()
            };
            assert_eq!(fold_ascii(b), want, "{b:#x}");
        }
    }

    fn signals(text: &str) -> Signals {
        let lists = Prepared::new(&Lists::default());
        let fast = find(&lists.hints, text, &mut String::new(), None);
        let mut hits = Vec::new();
        let full = find(&lists.hints, text, &mut String::new(), Some(&mut hits));
        assert_eq!(full, naive(&lists.hints, text), "{text}");
        assert_eq!(fast, full, "{text}");
        assert_eq!(hits.is_empty(), full.is_empty());
        fast
    }

    #[test]
    fn one_per_signal() {
        assert_eq!(
            signals("We met at the SEBA mixer last week"),
            Signals::CONTEXT
        );
        assert_eq!(
            signals("Looking for advice on product management"),
            Signals::REASON
        );
        assert_eq!(
            signals("Let me know if you need a reviewer"),
            Signals::OFFER
        );
        assert_eq!(
            signals("We help logistics firms cut freight spend"),
            Signals::PITCH
        );
        assert_eq!(signals("Nothing to see"), Signals::empty());
    }

    #[test]
    fn hints_are_whole_words_case_insensitive() {
        assert_eq!(signals("Loved your TALK."), Signals::CONTEXT);
        assert_eq!(signals("Loved talking to you"), Signals::empty());
        assert_eq!(signals("I'm Hiring!"), Signals::PITCH);
        assert_eq!(signals("Send me your CV"), Signals::PITCH);
        assert_eq!(signals("cvs and resumes"), Signals::empty());
        assert_eq!(signals("How  can I\nhelp?"), Signals::OFFER);
        assert_eq!(
            signals("We both volunteer; happy to help"),
            Signals::CONTEXT | Signals::OFFER
        );
    }

    #[test]
    fn a_contraction_in_the_note_matches_the_hint_written_out() {
        for note in [
            "I would love to learn how you set up the micro-hubs",
            "I'd love to learn how you set up the micro-hubs",
            "We’d love to learn how you set up the micro-hubs",
            "Id love to learn how",
        ] {
            assert_eq!(signals(note), Signals::REASON, "{note}");
        }
        assert_eq!(
            signals("Kid love to learn"),
            Signals::empty(),
            "whole words"
        );
        let lists = Prepared::new(&Lists::default());
        let mut hits = Vec::new();
        find(
            &lists.hints,
            "I'd love to learn",
            &mut String::new(),
            Some(&mut hits),
        );
        assert_eq!(
            hits,
            [(Signals::REASON, "would love to learn".to_string())],
            "the hint is named as written"
        );
    }

    /// Every contracted form, with hints of one's own.
    #[test]
    fn each_auxiliary_is_found_contracted() {
        let extra = Lists {
            reason_hints: [
                "will be in town",
                "am moving into",
                "have a plan",
                "are both in",
            ]
            .map(String::from)
            .to_vec(),
            ..Lists::default()
        };
        let lists = Prepared::new(&extra);
        let found = |note: &str| find(&lists.hints, note, &mut String::new(), None);
        for note in [
            "I'll be in town",
            "We’ll be in town",
            "I'm moving into planning",
            "Im moving into planning",
            "I've a plan",
            "Ive a plan",
            "We're both in Ohio",
            "youre both in Ohio",
            "I will be in town",
        ] {
            assert!(found(note).contains(Signals::REASON), "{note}");
        }
        for note in ["Bill be in town", "Kim moving into", "Olive a plan"] {
            assert!(
                !found(note).contains(Signals::REASON),
                "whole words: {note}"
            );
        }
    }

    #[test]
    fn pitch_symbols_links_and_emails() {
        assert_eq!(signals("only US$20"), Signals::PITCH);
        assert_eq!(signals("ab 20€"), Signals::PITCH);
        assert_eq!(signals("see https://example.com"), Signals::PITCH);
        assert_eq!(signals("see WWW.example.com"), Signals::PITCH);
        assert_eq!(signals("bit.ly/xyz"), Signals::PITCH);
        assert_eq!(signals("(http://x.io)"), Signals::PITCH);
        // A link starts a word, and `http` and `bit.ly` end one.
        for note in [
            "Awww. Thank you",
            "I maintain httpd",
            "on rabbit.lyrics",
            "bit.lyrics",
            "xhttps://a",
            "I build HTTP/2 servers",
            "HTTP APIs",
        ] {
            assert_eq!(signals(note), Signals::empty(), "{note}");
        }
        assert_eq!(signals("write to joe.smith@acme.io today"), Signals::PITCH);
        assert_eq!(signals("@joe on slack, me@home"), Signals::empty());
        assert_eq!(signals("me@.io, me@io."), Signals::empty());
    }

    /// The hints found, as `check` and the detail pane list them: those led
    /// by a letter or digit where they first occur, then the others in list
    /// order, then a link and an email address; each once.
    #[test]
    fn hits_in_reading_order() {
        let lists = Prepared::new(&Lists::default());
        let mut hits = Vec::new();
        let text = "Only $20! Loved your talk; we met there twice. See www.x.io or a@b.co";
        find(&lists.hints, text, &mut String::new(), Some(&mut hits));
        let hints: Vec<&str> = hits.iter().map(|(_, h)| h.as_str()).collect();
        assert_eq!(hints, ["talk", "met", "$", "link", "email address"]);
    }

    #[test]
    fn a_hint_is_kept_once() {
        let mut hints = Hints::default();
        hints.insert(Signals::CONTEXT, "met");
        hints.insert(Signals::CONTEXT, "met");
        hints.insert(Signals::CONTEXT, "");
        hints.insert(Signals::OFFER, "met");
        assert_eq!(hints.all.len(), 2);
    }
}
