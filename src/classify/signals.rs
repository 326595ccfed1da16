//! The quality signals of a customised note: hints found as
//! case-insensitive whole words or phrases, plus links and email addresses
//! for `pitch`.

use super::Signals;
use super::lists::Prepared;
use super::normalise::{fold_chars, is_word_char};

/// The signals in the order of `Prepared::hints`.
const ORDER: [Signals; 4] = [Signals::CONTEXT, Signals::REASON, Signals::OFFER, Signals::PITCH];

/// Finds the signals in `text` (NFKC already). `buf` is scratch. With
/// `hits`, every hint found is pushed as (signal, hint); without, the search
/// for a signal stops at its first hint.
pub(crate) fn find(
    lists: &Prepared,
    text: &str,
    buf: &mut String,
    mut hits: Option<&mut Vec<(Signals, String)>>,
) -> Signals {
    // Lower case, straight quotes, single spaces.
    buf.clear();
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            buf.push(' ');
            space = false;
        }
        fold_chars(std::iter::once(c), buf);
    }
    let hay = buf.as_str();
    let mut found = Signals::empty();
    for (signal, hints) in ORDER.into_iter().zip(&lists.hints) {
        for hint in hints {
            if contains_phrase(hay, hint) {
                found |= signal;
                match hits.as_deref_mut() {
                    Some(h) => h.push((signal, hint.clone())),
                    None => break,
                }
            }
        }
    }
    if (hits.is_some() || !found.contains(Signals::PITCH)) && has_link(hay) {
        found |= Signals::PITCH;
        if let Some(h) = hits.as_deref_mut() {
            h.push((Signals::PITCH, "link".to_owned()));
        }
    }
    if (hits.is_some() || !found.contains(Signals::PITCH)) && has_email(hay) {
        found |= Signals::PITCH;
        if let Some(h) = hits.as_deref_mut() {
            h.push((Signals::PITCH, "email address".to_owned()));
        }
    }
    found
}

/// Whether `hay` holds `needle` as whole words: no letter or digit directly
/// before it when it starts with one, nor directly after when it ends with
/// one (so `$` matches anywhere, `talk` not in `talking`).
pub(crate) fn contains_phrase(hay: &str, needle: &str) -> bool {
    let (Some(first), Some(last)) = (needle.chars().next(), needle.chars().next_back()) else {
        return false;
    };
    hay.match_indices(needle).any(|(i, _)| {
        let before_ok = !is_word_char(first) || !hay[..i].chars().next_back().is_some_and(is_word_char);
        let after_ok =
            !is_word_char(last) || !hay[i + needle.len()..].chars().next().is_some_and(is_word_char);
        before_ok && after_ok
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
    use super::*;

    fn signals(text: &str) -> Signals {
        let lists = Prepared::new(&Lists::default());
        let fast = find(&lists, text, &mut String::new(), None);
        let mut hits = Vec::new();
        let full = find(&lists, text, &mut String::new(), Some(&mut hits));
        assert_eq!(fast, full, "{text}");
        assert_eq!(hits.is_empty(), full.is_empty());
        fast
    }

    #[test]
    fn one_per_signal() {
        assert_eq!(signals("We met at the SEBA mixer last week"), Signals::CONTEXT);
        assert_eq!(signals("Looking for advice on product management"), Signals::REASON);
        assert_eq!(signals("Let me know if you need a reviewer"), Signals::OFFER);
        assert_eq!(signals("We help logistics firms cut freight spend"), Signals::PITCH);
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
        assert_eq!(signals("We both volunteer; happy to help"), Signals::CONTEXT | Signals::OFFER);
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
