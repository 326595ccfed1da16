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
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
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
    } else if matches!(
        c,
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}'
    ) {
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
    if src.is_ascii() {
        let start = out.len();
        out.push_str(src);
        out[start..].make_ascii_lowercase();
    } else {
        fold_chars(src.chars(), out);
    }
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
    if raw.is_ascii() {
        return normalise_ascii(raw, out);
    }
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
                .bytes()
                .position(|b| !(b.is_ascii_alphanumeric() || b == b'\''))
                .filter(|&i| rest.as_bytes()[i].is_ascii())
                .unwrap_or_else(|| {
                    rest.find(|c: char| !(is_word_char(c) || c == '\''))
                        .unwrap_or(rest.len())
                });
            push_expanded(&rest[..end], out);
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

/// `normalise_into` for ASCII text, in one pass: lower-cases each run of
/// letters, digits and apostrophes as it copies it, then expands it in place
/// when it is a contraction.
fn normalise_ascii(raw: &str, out: &mut String) {
    out.clear();
    let b = raw.as_bytes();
    let mut space = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() || c == 0x0B {
            space = true;
            i += 1;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        if c.is_ascii_alphanumeric() || c == b'\'' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'\'') {
                i += 1;
            }
            let at = out.len();
            out.push_str(&raw[start..i]);
            out[at..].make_ascii_lowercase();
            let run = &out[at..];
            let core = run.trim_matches('\'');
            if core.len() <= 6
                && let Some(expanded) = contraction(core)
            {
                let lead = run.len() - run.trim_start_matches('\'').len();
                let trail = run.len() - lead - core.len();
                out.replace_range(at + lead..out.len() - trail, expanded);
            }
        } else {
            out.push(char::from(c));
            i += 1;
        }
    }
    let end = out
        .trim_end_matches(|c: char| !c.is_ascii_alphanumeric())
        .len();
    out.truncate(end);
    let start = out.len()
        - out
            .trim_start_matches(|c: char| !c.is_ascii_alphanumeric())
            .len();
    out.drain(..start);
}

/// Appends a run of word characters and apostrophes, its contraction
/// expanded when it is one (apostrophes around it are kept).
fn push_expanded(run: &str, out: &mut String) {
    let core = run.trim_matches('\'');
    // The longest contraction has six bytes (`you're`).
    match (core.len() <= 6).then(|| contraction(core)).flatten() {
        Some(expanded) => {
            let lead = run.len() - run.trim_start_matches('\'').len();
            out.push_str(&run[..lead]);
            out.push_str(expanded);
            out.push_str(&run[lead + core.len()..]);
        }
        None => out.push_str(run),
    }
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

/// Whether a word character starts at byte `i` of `t` (and its length).
#[inline]
fn word_char_at(t: &str, i: usize) -> (bool, usize) {
    match t.as_bytes().get(i) {
        None => (false, 0),
        Some(b) if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
        Some(_) => t[i..]
            .chars()
            .next()
            .map_or((false, 1), |c| (is_word_char(c), c.len_utf8())),
    }
}

/// The start of the next word character at or after byte `p`.
pub(crate) fn next_word_start(t: &str, mut p: usize) -> Option<usize> {
    while p < t.len() {
        match word_char_at(t, p) {
            (true, _) => return Some(p),
            (false, len) => p += len,
        }
    }
    None
}

/// The next maximal run of word characters (letters, digits, combining
/// marks) at or after byte `p`: (start, end).
pub(crate) fn next_word_run(t: &str, p: usize) -> Option<(usize, usize)> {
    let s = next_word_start(t, p)?;
    let mut e = s;
    loop {
        match word_char_at(t, e) {
            (true, len) => e += len,
            _ => return Some((s, e)),
        }
    }
}

/// Reads a word starting at byte `pos` of `t`: letters, digits and combining
/// marks, with apostrophes and hyphens inside (`I'd`, `Mary-Jane`). Returns
/// its end, or `None` when no word starts at `pos`.
pub(crate) fn read_word(t: &str, pos: usize) -> Option<usize> {
    if !t.is_char_boundary(pos) {
        return None;
    }
    let (true, len) = word_char_at(t, pos) else {
        return None;
    };
    let mut i = pos + len;
    while i < t.len() {
        let (word, len) = word_char_at(t, i);
        if word {
            i += len;
            continue;
        }
        let inner = match t.as_bytes()[i] {
            b'\'' | b'-' => true,
            b if b.is_ascii() => false,
            _ => t[i..].chars().next().is_some_and(is_apostrophe),
        };
        if inner && word_char_at(t, i + len).0 {
            i += len;
            continue;
        }
        break;
    }
    Some(i)
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
        assert_eq!(
            normalise("  Hope  you’re   doing well 🙂 "),
            "hope you are doing well"
        );
        assert_eq!(normalise("LET'S STAY IN TOUCH."), "let us stay in touch");
        assert_eq!(normalise("Id like it"), "i would like it");
        assert_eq!(normalise("“Hi”"), "hi");
        assert_eq!(normalise("…!!! 🤝"), "");
        assert_eq!(normalise("ＨＥＬＬＯ"), "hello");
        assert_eq!(normalise("ﬁne"), "fine");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        #[test]
        fn ascii_path_agrees_with_general(s in "[ a-zA-Z0-9'.,!\t\n\x0b\x0c\r-]{0,40}|(I'?[dm]|[Ll]et'?s|[Dd]on'?t|'|you're|  )*") {
            let mut general = String::new();
            let mut tmp = String::new();
            // The general path, forced by a non-ASCII character that
            // normalisation removes (a trailing emoji).
            normalise_into(&format!("{s}🙂"), &mut tmp, &mut general);
            let mut ascii = String::new();
            normalise_ascii(&s, &mut ascii);
            proptest::prop_assert_eq!(ascii, general);
        }
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
    fn word_runs() {
        let t = "¡Hé-llo, wörld'x 42!";
        let mut p = 0;
        let mut runs = Vec::new();
        while let Some((s, e)) = next_word_run(t, p) {
            runs.push(&t[s..e]);
            p = e;
        }
        assert_eq!(runs, ["Hé", "llo", "wörld", "x", "42"]);
        assert_eq!(next_word_run("", 0), None);
        assert_eq!(next_word_run(" !", 0), None);
    }

    #[test]
    fn folded_equality() {
        assert!(eq_folded("CHÈRE", "chère"));
        assert!(eq_folded("I’D", "i'd"));
        assert!(!eq_folded("Hil", "hi"));
        assert!(!eq_folded("h", "hi"));
    }
}
