//! The quality signals of a customised note: hints found as
//! case-insensitive whole words or phrases, plus links and email addresses
//! for `pitch`.

use super::Signals;
use super::lists::FastMap;
use super::normalise::{fold_into, is_word_char, next_word_run};

/// The hints of the four signals, folded (lower case, straight quotes,
/// single spaces), indexed for one pass over a note.
#[derive(Debug, Clone, Default)]
pub(crate) struct Hints {
    all: Vec<(Signals, String)>,
    /// Hints that start with a letter or digit, by their first run of them
    /// (`let me know if` under `let`).
    by_first_word: FastMap<String, Vec<usize>>,
    /// The others (`$`, `€`), searched for as they are.
    others: Vec<usize>,
}

impl Hints {
    pub(crate) fn insert(&mut self, signal: Signals, folded: &str) {
        if folded.is_empty() || self.contains(signal, folded) {
            return;
        }
        let i = self.all.len();
        self.all.push((signal, folded.to_owned()));
        let first = &folded[..folded
            .find(|c: char| !is_word_char(c))
            .unwrap_or(folded.len())];
        if first.is_empty() {
            self.others.push(i);
        } else {
            self.by_first_word
                .entry(first.to_owned())
                .or_default()
                .push(i);
        }
    }

    pub(crate) fn contains(&self, signal: Signals, folded: &str) -> bool {
        self.all.iter().any(|(s, h)| *s == signal && h == folded)
    }
}

/// Finds the signals in `text` (NFKC already). `buf` is scratch. With
/// `hits`, every hint found is pushed once as (signal, hint); without, a
/// signal's hints are no longer looked at once it is set.
pub(crate) fn find(
    hints: &Hints,
    text: &str,
    buf: &mut String,
    mut hits: Option<&mut Vec<(Signals, String)>>,
) -> Signals {
    // Lower case, straight quotes, single spaces.
    buf.clear();
    for word in text.split_whitespace() {
        if !buf.is_empty() {
            buf.push(' ');
        }
        fold_into(word, buf);
    }
    let hay = buf.as_str();
    let mut found = Signals::empty();
    let everything = hits.is_some();
    let mut record = |i: usize, found: &mut Signals| {
        let (signal, hint) = &hints.all[i];
        *found |= *signal;
        if let Some(h) = hits.as_mut()
            && !h.iter().any(|(s, x)| s == signal && x == hint)
        {
            h.push((*signal, hint.clone()));
        }
    };
    // A word-led hint matches where a word starts, so look up each word.
    let mut p = 0;
    while let Some((s, e)) = next_word_run(hay, p) {
        if let Some(candidates) = hints.by_first_word.get(&hay[s..e]) {
            for &i in candidates {
                let (signal, hint) = &hints.all[i];
                if (everything || !found.contains(*signal))
                    && hay[s..].starts_with(hint.as_str())
                    && ends_at_boundary(hay, s + hint.len(), hint)
                {
                    record(i, &mut found);
                }
            }
        }
        p = e;
    }
    for &i in &hints.others {
        let (signal, hint) = &hints.all[i];
        if (everything || !found.contains(*signal)) && contains_phrase(hay, hint) {
            record(i, &mut found);
        }
    }
    if (everything || !found.contains(Signals::PITCH)) && has_link(hay) {
        found |= Signals::PITCH;
        if let Some(h) = hits.as_mut() {
            h.push((Signals::PITCH, "link".to_owned()));
        }
    }
    if (everything || !found.contains(Signals::PITCH)) && has_email(hay) {
        found |= Signals::PITCH;
        if let Some(h) = hits.as_mut() {
            h.push((Signals::PITCH, "email address".to_owned()));
        }
    }
    found
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
pub(crate) fn contains_phrase(hay: &str, needle: &str) -> bool {
    let Some(first) = needle.chars().next() else {
        return false;
    };
    hay.match_indices(needle).any(|(i, _)| {
        let before_ok =
            !is_word_char(first) || !hay[..i].chars().next_back().is_some_and(is_word_char);
        before_ok && ends_at_boundary(hay, i + needle.len(), needle)
    })
}

/// A link: `http`, `www.` or `bit.ly` anywhere.
fn has_link(hay: &str) -> bool {
    hay.contains("http") || hay.contains("www.") || hay.contains("bit.ly")
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
        ], 0..12)) {
            let lists = Prepared::new(&Lists::default());
            let text = parts.concat();
            prop_assert_eq!(find(&lists.hints, &text, &mut String::new(), None), naive(&lists.hints, &text));
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
    fn pitch_symbols_links_and_emails() {
        assert_eq!(signals("only US$20"), Signals::PITCH);
        assert_eq!(signals("ab 20€"), Signals::PITCH);
        assert_eq!(signals("see https://example.com"), Signals::PITCH);
        assert_eq!(signals("see WWW.example.com"), Signals::PITCH);
        assert_eq!(signals("bit.ly/xyz"), Signals::PITCH);
        assert_eq!(signals("write to joe.smith@acme.io today"), Signals::PITCH);
        assert_eq!(signals("@joe on slack, me@home"), Signals::empty());
    }
}
