//! Normalisation of a sentence (spec layer 4, "Normalisation") and the
//! character classes every layer shares.
//!
//! The order is the spec's: Unicode NFKC; lower case; curly quotes and
//! apostrophes as straight ones; contractions expanded on whole words; runs of
//! white space as one space; leading and trailing white space, punctuation,
//! symbols and emoji removed.
//!
//! The classifier NFKC-normalises a whole note once (only when it is not
//! ASCII and not already NFKC), so the per-sentence step here starts at
//! "lower case".

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// A line break: `\n`, `\r` and Unicode's other line and paragraph separators.
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// White space that is not a line break.
pub(crate) fn is_hspace(c: char) -> bool {
    c.is_whitespace() && !is_line_break(c)
}

/// A letter, digit or combining mark: what words are made of.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// An apostrophe, straight or curly.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}'
    )
}

/// The dashes that may delimit a greeting or start a sign-off line.
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}')
}

/// Curly quotes and apostrophes as straight ones.
pub(crate) fn straighten(c: char) -> char {
    if is_apostrophe(c) {
        '\''
    } else if matches!(c, '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}') {
        '"'
    } else {
        c
    }
}

/// `src` in NFKC. Borrowed when it already is (every ASCII text is), so the
/// common case costs one scan and no allocation.
pub(crate) fn nfkc<'a>(src: &'a str, buf: &'a mut String) -> &'a str {
    if src.is_ascii() || is_nfkc_quick(src.chars()) == IsNormalized::Yes {
        src
    } else {
        buf.clear();
        buf.extend(src.nfkc());
        buf
    }
}

/// `src` in NFKC, owned only when it changes.
pub(crate) fn nfkc_cow(src: &str) -> Cow<'_, str> {
    if src.is_ascii() || is_nfkc_quick(src.chars()) == IsNormalized::Yes {
        Cow::Borrowed(src)
    } else {
        Cow::Owned(src.nfkc().collect())
    }
}

/// Appends `src` lower-cased, with straight quotes.
pub(crate) fn fold_into(src: &str, out: &mut String) {
    fold_chars(src.chars(), out);
}

/// Appends the characters lower-cased, with straight quotes.
pub(crate) fn fold_chars(chars: impl Iterator<Item = char>, out: &mut String) {
    for c in chars {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase().map(straighten));
        }
    }
}

/// Whether `raw` folds (lower case, straight quotes) to exactly `folded`,
/// without allocating.
pub(crate) fn eq_folded(raw: &str, folded: &str) -> bool {
    let mut want = folded.chars();
    for c in raw.chars() {
        if c.is_ascii() {
            if want.next() != Some(c.to_ascii_lowercase()) {
                return false;
            }
        } else {
            for l in c.to_lowercase() {
                if want.next() != Some(straighten(l)) {
                    return false;
                }
            }
        }
    }
    want.next().is_none()
}

/// The spec's contractions, expanded (whole words only).
pub(crate) fn contraction(word: &str) -> Option<&'static str> {
    Some(match word {
        "i'd" | "id" => "i would",
        "we'd" => "we would",
        "i'm" | "im" => "i am",
        "i've" | "ive" => "i have",
        "i'll" => "i will",
        "you're" | "youre" => "you are",
        "we're" => "we are",
        "let's" | "lets" => "let us",
        "it's" => "it is",
        "that's" => "that is",
        "don't" | "dont" => "do not",
        "it'd" => "it would",
        "you'd" => "you would",
        "you'll" => "you will",
        "we'll" => "we will",
        "you've" => "you have",
        "we've" => "we have",
        _ => return None,
    })
}

/// Normalises `raw`, which is already NFKC, into `out`; `tmp` is scratch.
/// `out` is empty when `raw` holds only white space, punctuation, symbols or
/// emoji.
pub(crate) fn normalise_into(raw: &str, tmp: &mut String, out: &mut String) {
    tmp.clear();
    fold_into(raw, tmp);
    out.clear();
    let mut space = false;
    let mut rest = tmp.as_str();
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            space = true;
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        if is_word_char(c) || c == '\'' {
            let end = rest
                .find(|c: char| !(is_word_char(c) || c == '\''))
                .unwrap_or(rest.len());
            let run = &rest[..end];
            let core = run.trim_matches('\'');
            match contraction(core) {
                Some(expanded) => {
                    let lead = run.len() - run.trim_start_matches('\'').len();
                    out.push_str(&run[..lead]);
                    out.push_str(expanded);
                    out.push_str(&run[lead + core.len()..]);
                }
                None => out.push_str(run),
            }
            rest = &rest[end..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    let end = out.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
    out.truncate(end);
    let start = out.len() - out.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    out.drain(..start);
}

/// The whole normalisation, NFKC included, as a new string.
pub(crate) fn normalise(raw: &str) -> String {
    let raw = nfkc_cow(raw);
    let mut out = String::new();
    normalise_into(&raw, &mut String::new(), &mut out);
    out
}

/// A single list entry (a word or a phrase) in NFKC, lower case, straight
/// quotes and single spaces, trimmed. For the lists of words and phrases
/// that are matched word by word (salutations, titles, closing phrases,
/// hints); not for the stock texts, which get the full normalisation.
pub(crate) fn fold_entry(raw: &str) -> String {
    let raw = nfkc_cow(raw);
    let mut folded = String::new();
    fold_into(&raw, &mut folded);
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words of a normalised sentence: runs of letters, digits, `'` and `-`,
/// with `'` and `-` trimmed from their ends.
pub(crate) fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(is_word_char(c) || c == '\'' || c == '-'))
        .map(|w| w.trim_matches(['\'', '-']))
        .filter(|w| !w.is_empty())
}

/// Whether the text has a letter or digit, i.e. whether it normalises to
/// something.
pub(crate) fn has_content(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// Reads a word starting at byte `pos` of `t`: letters, digits and combining
/// marks, with apostrophes and hyphens inside (`I'd`, `Mary-Jane`). Returns
/// its end, or `None` when no word starts at `pos`.
pub(crate) fn read_word(t: &str, pos: usize) -> Option<usize> {
    let rest = t.get(pos..)?;
    let mut chars = rest.char_indices().peekable();
    match chars.peek() {
        Some(&(_, c)) if is_word_char(c) => {}
        _ => return None,
    }
    let mut end = rest.len();
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            continue;
        }
        if is_apostrophe(c) || c == '-' {
            if let Some(&(_, next)) = chars.peek()
                && is_word_char(next)
            {
                continue;
            }
        }
        end = i;
        break;
    }
    Some(pos + end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_order() {
        assert_eq!(
            normalise("I'd like to add you to my professional network on LinkedIn."),
            "i would like to add you to my professional network on linkedin"
        );
        assert_eq!(normalise("  Hope  you’re   doing well 🙂 "), "hope you are doing well");
        assert_eq!(normalise("LET'S STAY IN TOUCH."), "let us stay in touch");
        assert_eq!(normalise("Id like it"), "i would like it");
        assert_eq!(normalise("“Hi”"), "hi");
        assert_eq!(normalise("…!!! 🤝"), "");
        assert_eq!(normalise("ＨＥＬＬＯ"), "hello");
        assert_eq!(normalise("ﬁne"), "fine");
    }

    #[test]
    fn contractions_whole_words_only() {
        assert_eq!(normalise("idle im ive"), "idle i am i have");
        assert_eq!(normalise("'lets' go"), "let us' go");
        assert_eq!(normalise("bid rim"), "bid rim");
        assert_eq!(normalise("don't-stop"), "do not-stop");
    }

    #[test]
    fn words_trim_quote_and_dash() {
        let w: Vec<_> = words("like-minded 'quoted' -dash- cold-chain a1").collect();
        assert_eq!(w, ["like-minded", "quoted", "dash", "cold-chain", "a1"]);
    }

    #[test]
    fn read_word_keeps_inner_apostrophes_and_hyphens() {
        let t = "I’d Mary-Jane, Sir/Madam -x";
        let e = read_word(t, 0).unwrap();
        assert_eq!(&t[..e], "I’d");
        let s = t.find('M').unwrap();
        assert_eq!(&t[s..read_word(t, s).unwrap()], "Mary-Jane");
        let s = t.find('S').unwrap();
        assert_eq!(&t[s..read_word(t, s).unwrap()], "Sir");
        assert_eq!(read_word(t, t.len()), None);
        assert_eq!(read_word(t, t.find('-').unwrap() + 100), None);
    }

    #[test]
    fn folded_equality() {
        assert!(eq_folded("CHÈRE", "chère"));
        assert!(eq_folded("I’D", "i'd"));
        assert!(!eq_folded("Hil", "hi"));
        assert!(!eq_folded("h", "hi"));
    }
}
