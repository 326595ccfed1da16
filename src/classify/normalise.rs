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
use std::sync::atomic::{AtomicU64, Ordering};

use crate::text::is_format_control;
use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
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

/// A letter or digit: `char::is_alphanumeric` without the enclosed Latin
/// letters U+1F130–U+1F189 (`🅰` `🅿` `🅐`), which Unicode calls alphabetic
/// (Other_Alphabetic) but are symbols (general category So) used as emoji.
/// (The circled letters `Ⓐ` and the squared ones up to U+1F149 are letters
/// after NFKC.)
#[inline]
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    c.is_alphanumeric() && !matches!(c, '\u{1F130}'..='\u{1F189}')
}

/// A letter, digit or combining mark: what words are made of. Not the
/// marks that only shape an emoji ([`is_emoji_mark`]): `❤️` is a heart and
/// a variation selector, no word.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_letter_or_digit(c) || (is_combining_mark(c) && !is_emoji_mark(c))
    }
}

/// The text and emoji variation selectors (U+FE0E, U+FE0F) and the
/// combining keycap (U+20E3): combining marks that say how the character
/// before them is drawn, or make it an emoji (`1️⃣`), and never a letter's
/// accent.
fn is_emoji_mark(c: char) -> bool {
    matches!(c, '\u{FE0E}' | '\u{FE0F}' | KEYCAP)
}

/// An invisible part of an emoji, which shapes the emoji before it: a
/// variation selector, the zero-width joiner (`👩‍💻`), a skin tone
/// (`👋🏽`, U+1F3FB–U+1F3FF), the combining keycap (`1️⃣`), a tag
/// character (U+E0020–U+E007F: the flag of England is a black flag and
/// tags).
#[inline(always)]
fn is_emoji_part(c: char) -> bool {
    matches!(
        c,
        ZWJ | KEYCAP | '\u{FE0E}' | '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}'
    )
}

/// The zero-width joiner, which joins emoji into one (`👩‍💻`).
const ZWJ: char = '\u{200D}';

/// `s` without what opens and ends it that is no part of a word: white
/// space, punctuation, symbols and emoji with their variation selectors
/// (`ahoj ❤️`: `ahoj`), but a mark on the letter before it kept (Tamil's
/// pulli, an accent written apart).
pub(crate) fn trim_to_words(s: &str) -> &str {
    let start = s.find(is_letter_or_digit).unwrap_or(s.len());
    let s = &s[start..];
    let mut end = s.len();
    while let Some(c) = s[..end].chars().next_back() {
        if is_letter_or_digit(c) {
            break;
        }
        if is_combining_mark(c) {
            // The marks' base: kept with them when it is a letter.
            let base = s[..end].trim_end_matches(is_combining_mark);
            if base.chars().next_back().is_some_and(is_letter_or_digit) {
                break;
            }
            end = base.len();
        } else {
            end -= c.len_utf8();
        }
    }
    &s[..end]
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

/// The code points below this are looked up in [`STABLE_BITS`].
const STABLE_END: usize = 0x2_0000;

/// One bit per code point below [`STABLE_END`]: set when the character is a
/// starter (canonical combining class 0) whose NFKC quick check answers
/// "yes", and not an invisible format character ([`is_format_control`]). A text made only of such characters is in NFKC, and
/// `is_nfkc_quick` says so too. Filled 64 code points at a time, the first
/// time one of them is looked up, from `unicode-normalization`'s own tables,
/// so the two can never disagree.
static STABLE_BITS: [AtomicU64; STABLE_END / 64] = [const { AtomicU64::new(0) }; STABLE_END / 64];
/// One bit per word of [`STABLE_BITS`]: set once that word is filled.
static STABLE_DONE: [AtomicU64; STABLE_END / 64 / 64] =
    [const { AtomicU64::new(0) }; STABLE_END / 64 / 64];

/// Whether `c` is a starter whose NFKC quick check answers "yes".
fn is_stable(c: char) -> bool {
    let cp = c as usize;
    if cp >= STABLE_END {
        return is_stable_uncached(c);
    }
    let block = cp / 64;
    let flag = 1u64 << (block % 64);
    let bits = if STABLE_DONE[block / 64].load(Ordering::Acquire) & flag != 0 {
        STABLE_BITS[block].load(Ordering::Relaxed)
    } else {
        let mut bits = 0;
        for k in 0..64 {
            if char::from_u32((block * 64 + k) as u32).is_some_and(is_stable_uncached) {
                bits |= 1 << k;
            }
        }
        // Another thread may fill the same word: with the same bits.
        STABLE_BITS[block].store(bits, Ordering::Relaxed);
        STABLE_DONE[block / 64].fetch_or(flag, Ordering::Release);
        bits
    };
    bits & (1 << (cp % 64)) != 0
}

fn is_stable_uncached(c: char) -> bool {
    !is_format_control(c)
        && canonical_combining_class(c) == 0
        && is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Whether `src` is certainly in NFKC: every character is a stable starter.
/// When this is false, `is_nfkc_quick` decides.
fn surely_nfkc(src: &str) -> bool {
    let mut i = 0;
    while let Some(j) = next_non_ascii(src.as_bytes(), i) {
        let Some(c) = src[j..].chars().next() else {
            break;
        };
        if !is_stable(c) {
            return false;
        }
        i = j + c.len_utf8();
    }
    true
}

/// The first byte at or after `i` that is not ASCII, eight bytes at a time.
#[inline]
pub(crate) fn next_non_ascii(b: &[u8], mut i: usize) -> Option<usize> {
    while let Some(eight) = b.get(i..i + 8) {
        let high = u64::from_le_bytes(eight.try_into().unwrap_or_default()) & HIGH;
        if high != 0 {
            return Some(i + high.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    b.get(i..)?.iter().position(|&c| c >= 0x80).map(|p| i + p)
}

/// Whether `src` is in NFKC (quick check "yes") and holds no invisible
/// format character ([`is_format_control`]: a zero-width space, a soft
/// hyphen, a bidirectional mark).
pub(crate) fn is_nfkc(src: &str) -> bool {
    surely_nfkc(src)
        || (is_nfkc_quick(src.chars()) == IsNormalized::Yes && !src.chars().any(is_format_control))
}

/// `src` in NFKC, without the invisible format characters. NFKC keeps
/// them, and a reader does not see them: `Hi Col\u{200b}leen` greets
/// Colleen, and `Hi \u{200b}Colleen` names someone. Hand-written, as no
/// crate drops exactly these (the zero-width joiner stays: emoji and some
/// scripts are built with it).
pub(crate) fn nfkc_chars(src: &str) -> impl Iterator<Item = char> + '_ {
    src.nfkc().filter(|&c| !is_format_control(c))
}

/// `src` as [`nfkc_chars`] gives it. Borrowed when it already is (every
/// ASCII text is), so the common case costs one scan and no allocation.
pub(crate) fn nfkc<'a>(src: &'a str, buf: &'a mut String) -> &'a str {
    if is_nfkc(src) {
        src
    } else {
        buf.clear();
        buf.extend(nfkc_chars(src));
        buf
    }
}

/// `src` as [`nfkc_chars`] gives it, owned only when it changes.
pub(crate) fn nfkc_cow(src: &str) -> Cow<'_, str> {
    if is_nfkc(src) {
        Cow::Borrowed(src)
    } else {
        Cow::Owned(nfkc_chars(src).collect())
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

/// Appends the characters lower-cased, with straight quotes, and `ß` as
/// `ss`: compared case-insensitively, `GRÜSSE` is `grüße` (Unicode's full
/// case folding), and Swiss German writes `Grüsse` always.
pub(crate) fn fold_chars(chars: impl Iterator<Item = char>, out: &mut String) {
    for c in chars {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                match l {
                    'ß' => out.push_str("ss"),
                    l => out.push(straighten(l)),
                }
            }
        }
    }
}

/// Whether `raw` folds (as [`fold_chars`] does) to exactly `folded`,
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
                let same = match l {
                    'ß' => want.next() == Some('s') && want.next() == Some('s'),
                    l => want.next() == Some(straighten(l)),
                };
                if !same {
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

/// Normalises `raw`, which is already NFKC, into `out`. `out` is empty when
/// `raw` holds only white space, punctuation, symbols or emoji.
///
/// One pass: each character is folded (lower case, straight quotes) and
/// copied; each run of word characters and apostrophes is expanded in place
/// when it is a contraction, as soon as it ends.
pub(crate) fn normalise_into(raw: &str, out: &mut String) {
    let mut st = Stream {
        out: std::mem::take(out).into_bytes(),
        space: false,
        run: None,
    };
    st.out.clear();
    st.out.reserve(raw.len() + 8);
    let bytes = raw.as_bytes();
    let ascii = raw.is_ascii();
    if ascii {
        st.ascii(bytes);
    } else {
        let mut i = 0;
        while i < bytes.len() {
            let end = next_non_ascii(bytes, i).unwrap_or(bytes.len());
            st.ascii(&bytes[i..end]);
            let Some(c) = raw[end..].chars().next() else {
                break;
            };
            i = end + c.len_utf8();
            if is_emoji_part(c) {
                i = st.emoji_part(c, raw, end, i);
                continue;
            }
            for l in c.to_lowercase() {
                st.push(straighten(l));
            }
        }
    }
    st.end_run();
    // Whole characters were copied, ASCII ones changed only in case.
    *out = String::from_utf8(st.out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    let (start, end) = if ascii {
        let b = out.as_bytes();
        match b.iter().position(u8::is_ascii_alphanumeric) {
            Some(s) => (
                s,
                b.iter()
                    .rposition(u8::is_ascii_alphanumeric)
                    .map_or(0, |e| e + 1),
            ),
            None => (0, 0),
        }
    } else {
        let end = out.trim_end_matches(|c: char| !is_letter_or_digit(c)).len();
        let start = end
            - out[..end]
                .trim_start_matches(|c: char| !is_letter_or_digit(c))
                .len();
        (start, end)
    };
    out.truncate(end);
    out.drain(..start);
}

/// The state of [`normalise_into`]'s single pass over the folded characters:
/// UTF-8 in `out`, whole characters at a time.
struct Stream {
    out: Vec<u8>,
    /// White space since the last character copied.
    space: bool,
    /// Where the current run of word characters and apostrophes starts.
    run: Option<usize>,
}

impl Stream {
    /// Copies ASCII text, a run of letters, digits and apostrophes at a time
    /// (lower-cased), white space and other characters one by one. A run
    /// that reaches the end stays open: a word character may follow.
    fn ascii(&mut self, b: &[u8]) {
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            if c.is_ascii_alphanumeric() || c == b'\'' {
                if self.run.is_none() {
                    self.space_before();
                    self.run = Some(self.out.len());
                }
                let e = skip_run(b, i);
                match b.get(i..i + 8) {
                    // Eight bytes at once, the extra ones cut off.
                    Some(eight) if e - i <= 8 => {
                        let at = self.out.len();
                        let v = u64::from_le_bytes(eight.try_into().unwrap_or_default());
                        self.out.extend_from_slice(&lower8(v).to_le_bytes());
                        self.out.truncate(at + e - i);
                    }
                    _ => self.out.extend(b[i..e].iter().map(u8::to_ascii_lowercase)),
                }
                i = e;
            } else if c.is_ascii_whitespace() || c == 0x0B {
                self.end_run();
                self.space = true;
                i += 1;
            } else {
                self.end_run();
                self.space_before();
                self.out.push(c);
                i += 1;
            }
        }
    }

    /// Copies a character (folded already).
    #[inline]
    fn push(&mut self, c: char) {
        if c.is_ascii() {
            return self.ascii(&[c as u8]);
        }
        if c.is_whitespace() {
            self.end_run();
            self.space = true;
            return;
        }
        if is_word_char(c) {
            if self.run.is_none() {
                self.space_before();
                self.run = Some(self.out.len());
            }
        } else {
            self.end_run();
            self.space_before();
        }
        self.out
            .extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    }

    /// An invisible part of an emoji ([`is_emoji_part`]) at `raw[at..next]`;
    /// returns where to go on. An emoji is one character of the normalised
    /// sentence, as `👍` is, whatever it is made of: these parts would be
    /// words of marks (`❤️` is a heart and U+FE0F), or characters that only
    /// the edit distance sees. So a selector, a tag, and a skin tone or a
    /// joiner after an emoji are dropped, and so is the emoji joined on;
    /// a keycap is as [`keycap`](Self::keycap) says. A skin tone alone is
    /// an emoji of its own, and a joiner not after one (in some scripts,
    /// between letters) is copied as before.
    #[cold]
    #[inline(never)]
    fn emoji_part(&mut self, c: char, raw: &str, at: usize, next: usize) -> usize {
        match c {
            KEYCAP => self.keycap(raw[..at].ends_with('\u{FE0F}')),
            ZWJ | '\u{1F3FB}'..='\u{1F3FF}' if !self.after_symbol() => self.push(c),
            ZWJ => {
                if let Some(joined) = raw[next..].chars().next()
                    && !joined.is_ascii()
                    && !joined.is_whitespace()
                    && !is_word_char(joined)
                    && !is_emoji_part(joined)
                {
                    return next + joined.len_utf8();
                }
            }
            _ => {}
        }
        next
    }

    /// Whether the last character copied is a symbol, emoji or punctuation
    /// with no white space after it.
    fn after_symbol(&self) -> bool {
        if self.space {
            return false;
        }
        let Some(&last) = self.out.last() else {
            return false;
        };
        if last < 0x80 {
            return !last.is_ascii_alphanumeric();
        }
        // The start of the last character: at most three bytes back.
        let from = (self.out.len().saturating_sub(4)..self.out.len())
            .rfind(|&i| self.out[i] & 0xC0 != 0x80)
            .unwrap_or(self.out.len() - 1);
        std::str::from_utf8(&self.out[from..])
            .ok()
            .and_then(|s| s.chars().next())
            .is_some_and(|c| !c.is_whitespace() && !is_word_char(c))
    }

    /// The end of a keycap emoji (`1️⃣`: `1`, U+FE0F, U+20E3; `selector`
    /// when U+FE0F was there): an emoji, so not the digit it shows, nor a
    /// word of marks. Its base (a digit, `#` or `*` right before it, not
    /// ending a word unless the selector makes the three an emoji for
    /// sure: `let's1️⃣connect`) is taken back out, and it parts words as
    /// white space does, one space with any around it. Alone, the mark is
    /// dropped.
    fn keycap(&mut self, selector: bool) {
        let mut cut = self.out.len();
        let base = cut.checked_sub(1).filter(|&b| {
            !self.space
                && matches!(self.out[b], b'0'..=b'9' | b'#' | b'*')
                && (selector || b == 0 || !self.out[b - 1].is_ascii_alphanumeric())
        });
        if let Some(b) = base {
            cut = b;
        }
        if self.run.is_some_and(|r| r >= cut) {
            self.run = None;
        }
        self.out.truncate(cut);
        self.end_run();
        // The space copied before the base, if any, is the one it parts
        // words with: `a 1️⃣ b` is `a b`, with one space.
        if self.out.last() == Some(&b' ') {
            self.out.pop();
        }
        self.space = true;
    }

    /// One space for the white space before a character, if any.
    #[inline(always)]
    fn space_before(&mut self) {
        if self.space && !self.out.is_empty() {
            self.out.push(b' ');
        }
        self.space = false;
    }

    #[inline(always)]
    fn end_run(&mut self) {
        if let Some(at) = self.run.take() {
            let run = &self.out[at..];
            // Most runs are words without apostrophes around them, and most
            // words are no contraction: the filter says so cheaply.
            if let (Some(&first), Some(&last)) = (run.first(), run.last())
                && (first == b'\'' || last == b'\'' || CONTRACTIONS.may_hold(run))
            {
                expand_in_place(&mut self.out, at);
            }
        }
    }
}

/// The combining enclosing keycap, which ends a keycap emoji.
const KEYCAP: char = '\u{20E3}';

/// The end of the run of ASCII letters, digits and apostrophes from `i`,
/// eight bytes at a time.
#[inline]
fn skip_run(b: &[u8], mut i: usize) -> usize {
    const QUOTES: u64 = 0x2727_2727_2727_2727;
    while let Some(eight) = b.get(i..i + 8) {
        let v = u64::from_le_bytes(eight.try_into().unwrap_or_default());
        let run = (!(alnum8(v) | gather(zero_bytes(v ^ QUOTES)))).trailing_zeros() as usize;
        i += run;
        if run < 8 {
            return i;
        }
    }
    while b
        .get(i)
        .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'\'')
    {
        i += 1;
    }
    i
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each zero byte of `v`.
#[inline(always)]
fn zero_bytes(v: u64) -> u64 {
    !(((v & !HIGH) + !HIGH) | v | !HIGH)
}

/// Gathers the high bits of the bytes of `v`: byte `k`'s to bit `k`.
#[inline(always)]
fn gather(high: u64) -> u64 {
    ((high >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// The ASCII bytes of `v` lower-cased.
#[inline(always)]
fn lower8(v: u64) -> u64 {
    let x = v & !HIGH;
    let upper = (x + (0x80 - 0x41) * ONES) & !(x + (0x7f - 0x5a) * ONES) & !v & HIGH;
    v | (upper >> 2)
}

/// Expands the run `out[at..]` of word characters and apostrophes when it
/// is a contraction (apostrophes around it are kept).
#[inline(never)]
fn expand_in_place(out: &mut Vec<u8>, at: usize) {
    let run = &out[at..];
    let lead = run.iter().take_while(|&&b| b == b'\'').count();
    let trail = run[lead..]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\'')
        .count();
    let (a, b) = (at + lead, out.len() - trail);
    // The longest contraction has six bytes (`you're`).
    if (1..=6).contains(&(b - a))
        && let Ok(core) = std::str::from_utf8(&out[a..b])
        && let Some(expanded) = contraction(core)
    {
        out.splice(a..b, expanded.bytes());
    }
}

/// The words `contraction` expands.
const CONTRACTION_WORDS: [&str; 23] = [
    "i'd", "id", "we'd", "i'm", "im", "i've", "ive", "i'll", "you're", "youre", "we're", "let's",
    "lets", "it's", "that's", "don't", "dont", "it'd", "you'd", "you'll", "we'll", "you've",
    "we've",
];

/// A Bloom filter of [`CONTRACTION_WORDS`] by length and first and last
/// byte.
struct ContractionFilter([u64; 16]);

static CONTRACTIONS: ContractionFilter = ContractionFilter::new();

impl ContractionFilter {
    const fn new() -> Self {
        let mut bits = [0u64; 16];
        let mut i = 0;
        while i < CONTRACTION_WORDS.len() {
            let w = CONTRACTION_WORDS[i].as_bytes();
            let h = Self::hash(w.len(), w[0], w[w.len() - 1]);
            bits[h / 64] |= 1 << (h % 64);
            i += 1;
        }
        ContractionFilter(bits)
    }

    #[inline(always)]
    const fn hash(len: usize, first: u8, last: u8) -> usize {
        let x = (len as u32) | (first as u32) << 8 | (last as u32) << 16;
        (x.wrapping_mul(0x9E37_79B1) >> 22) as usize
    }

    /// Whether `w` (not empty) may be one of the words.
    #[inline(always)]
    fn may_hold(&self, w: &[u8]) -> bool {
        let h = Self::hash(w.len().min(7), w[0], w[w.len() - 1]);
        (w.len() <= 6) & (self.0[h / 64] >> (h % 64) & 1 != 0)
    }
}

/// The whole normalisation, NFKC included, as a new string.
pub(crate) fn normalise(raw: &str) -> String {
    let raw = nfkc_cow(raw);
    let mut out = String::new();
    normalise_into(&raw, &mut out);
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
pub(crate) fn words(s: &str) -> Words<'_> {
    Words { s, pos: 0 }
}

/// The iterator of [`words`].
pub(crate) struct Words<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let s = self.s;
        let b = s.as_bytes();
        loop {
            // Skip what separates words.
            let mut i = self.pos;
            while i < b.len() {
                let (inside, len) = word_or_inner_at(s, i);
                if inside {
                    break;
                }
                i += len;
            }
            if i >= b.len() {
                self.pos = i;
                return None;
            }
            let start = i;
            while i < b.len() {
                let (inside, len) = word_or_inner_at(s, i);
                if !inside {
                    break;
                }
                i += len;
            }
            self.pos = i;
            // `'` and `-` are ASCII: trimming them keeps char boundaries.
            let w = &b[start..i];
            let lead = w.iter().take_while(|&&c| c == b'\'' || c == b'-').count();
            let trail = w[lead..]
                .iter()
                .rev()
                .take_while(|&&c| c == b'\'' || c == b'-')
                .count();
            if lead + trail < w.len() {
                return Some(&s[start + lead..i - trail]);
            }
        }
    }
}

/// Whether the character at byte `i` of `s` belongs to a word of [`words`]
/// (a word character, `'` or `-`), and its length.
#[inline(always)]
fn word_or_inner_at(s: &str, i: usize) -> (bool, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        (b.is_ascii_alphanumeric() || b == b'\'' || b == b'-', 1)
    } else {
        let c = s[i..].chars().next().unwrap_or_default();
        (is_word_char(c), c.len_utf8())
    }
}

/// Whether the text is empty or only white space (`str::trim` leaves
/// nothing).
pub(crate) fn is_blank(s: &str) -> bool {
    for &b in s.as_bytes() {
        if b >= 0x80 {
            return s.trim().is_empty();
        }
        if !char::from(b).is_whitespace() {
            return false;
        }
    }
    true
}

/// Whether the text has a letter or digit, i.e. whether it normalises to
/// something.
pub(crate) fn has_content(s: &str) -> bool {
    let b = s.as_bytes();
    if b.iter().any(u8::is_ascii_alphanumeric) {
        return true;
    }
    !b.is_ascii() && s.chars().any(is_letter_or_digit)
}

/// Whether a word character starts at byte `i` of `t` (and its length).
#[inline(always)]
fn word_char_at(t: &str, i: usize) -> (bool, usize) {
    match t.as_bytes().get(i) {
        None => (false, 0),
        Some(&b) if b < 0x80 => (b.is_ascii_alphanumeric(), 1),
        Some(_) => word_char_at_slow(t, i),
    }
}

#[inline(never)]
fn word_char_at_slow(t: &str, i: usize) -> (bool, usize) {
    t[i..]
        .chars()
        .next()
        .map_or((false, 1), |c| (is_word_char(c), c.len_utf8()))
}

/// The start of the next word character at or after byte `p`.
#[inline]
pub(crate) fn next_word_start(t: &str, mut p: usize) -> Option<usize> {
    let b = t.as_bytes();
    while p < b.len() {
        if b[p] < 0x80 {
            if b[p].is_ascii_alphanumeric() {
                return Some(p);
            }
            p += 1;
        } else {
            match word_char_at_slow(t, p) {
                (true, _) => return Some(p),
                (false, len) => p += len,
            }
        }
    }
    None
}

/// Reads a word starting at byte `pos` of `t`: letters, digits and combining
/// marks, with apostrophes and hyphens inside (`I'd`, `Mary-Jane`). Returns
/// its end, or `None` when no word starts at `pos`.
pub(crate) fn read_word(t: &str, pos: usize) -> Option<usize> {
    let b = t.as_bytes();
    let &first = b.get(pos)?;
    let mut i = if first < 0x80 {
        if !first.is_ascii_alphanumeric() {
            return None;
        }
        pos + 1
    } else {
        if !t.is_char_boundary(pos) {
            return None;
        }
        let (true, len) = word_char_at_slow(t, pos) else {
            return None;
        };
        pos + len
    };
    loop {
        i = skip_alnum(b, i);
        let Some(&c) = b.get(i) else {
            break;
        };
        // An apostrophe or hyphen is inside the word when a word character
        // follows it.
        let len = if c < 0x80 {
            if c != b'\'' && c != b'-' {
                break;
            }
            1
        } else {
            let ch = t[i..].chars().next().unwrap_or_default();
            if is_word_char(ch) {
                i += ch.len_utf8();
                continue;
            }
            if !is_apostrophe(ch) {
                break;
            }
            ch.len_utf8()
        };
        if !word_char_at(t, i + len).0 {
            break;
        }
        i += len;
    }
    Some(i)
}

/// The first byte at or after `i` that is not an ASCII letter or digit (or
/// the end), eight bytes at a time.
#[inline]
fn skip_alnum(b: &[u8], mut i: usize) -> usize {
    while let Some(eight) = b.get(i..i + 8) {
        let run = (!alnum8(u64::from_le_bytes(eight.try_into().unwrap_or_default())))
            .trailing_zeros() as usize;
        i += run;
        if run < 8 {
            return i;
        }
    }
    while b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    i
}

/// One bit per byte of `v` (bit `k` for byte `k`, little-endian), set when
/// the byte is an ASCII letter or digit.
#[inline(always)]
pub(crate) fn alnum8(v: u64) -> u64 {
    // For bytes below 0x80, `x + (0x80 - lo)` has its high bit set when
    // `x >= lo`, and `x + (0x7f - hi)` when `x > hi`; nothing carries.
    let x = v & !HIGH;
    let lower = x | (0x20 * ONES);
    let letter = (lower + (0x80 - 0x61) * ONES) & !(lower + (0x7f - 0x7a) * ONES);
    let digit = (x + (0x80 - 0x30) * ONES) & !(x + (0x7f - 0x39) * ONES);
    gather((letter | digit) & !v & HIGH)
}

/// `s` in lower case without its accents: each letter's canonical
/// decomposition without its combining marks, and the Latin letters that
/// do not decompose (ł, ø, đ, ß, æ, œ, ı) as their plain spellings.
/// (Those are also plain after an accent of their own is taken off: `ǽ`
/// is `ae`, as `æ` is.)
pub fn fold_accents(s: &str) -> String {
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if !push_plain(&mut out, c) {
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) && !push_plain(&mut out, d) {
                    out.extend(d.to_lowercase());
                }
            });
        }
    }
    out
}

/// Pushes the plain spelling of a Latin letter that does not decompose
/// (see [`fold_accents`]); `false` for any other.
fn push_plain(out: &mut String, c: char) -> bool {
    let plain = match c {
        'ł' | 'Ł' => "l",
        'ø' | 'Ø' => "o",
        'đ' | 'Đ' => "d",
        'ı' => "i",
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        _ => return false,
    };
    out.push_str(plain);
    true
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
            // The general path, forced by a non-ASCII character that
            // normalisation removes (a trailing emoji).
            normalise_into(&format!("{s}🙂"), &mut general);
            let mut ascii = String::new();
            normalise_into(&s, &mut ascii);
            proptest::prop_assert_eq!(ascii, general);
        }
    }

    #[test]
    fn contraction_filter_holds_every_contraction() {
        for w in CONTRACTION_WORDS {
            assert!(
                contraction(w).is_some() && CONTRACTIONS.may_hold(w.as_bytes()),
                "{w}"
            );
        }
        let listed = (1..=6)
            .flat_map(|n| ["i'd", "we'd", "youre", "dont", "x", "like"].map(move |w| (n, w)))
            .filter(|&(_, w)| contraction(w).is_some())
            .count();
        assert!(listed > 0);
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
    fn eight_bytes_at_a_time() {
        for b in 0..=255u8 {
            let v = u64::from_le_bytes([b, b'\'', 0, b, b'A', b, 0x80, b]);
            let lowered: Vec<u8> = v.to_le_bytes().iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!(
                lower8(v).to_le_bytes().as_slice(),
                lowered.as_slice(),
                "{b:#x}"
            );
            let zeros = u64::from(b == 0);
            assert_eq!(
                gather(zero_bytes(v)),
                1 << 2 | zeros | zeros << 3 | zeros << 5 | zeros << 7
            );
        }
        let t = "ab'c9 d'ZZZZZZZZZZZ'x.";
        assert_eq!(skip_run(t.as_bytes(), 0), 5);
        assert_eq!(skip_run(t.as_bytes(), 6), t.len() - 1);
    }

    #[test]
    fn ascii_letters_and_digits_eight_at_a_time() {
        for b in 0..=255u8 {
            let v = u64::from_le_bytes([b'x', b, 0, b'!', b, 0xff, b'7', b]);
            let want = |x: u8| u64::from(x.is_ascii_alphanumeric());
            assert_eq!(
                alnum8(v),
                1 | want(b) << 1 | want(b) << 4 | 1 << 6 | want(b) << 7,
                "{b:#x}"
            );
        }
    }

    #[test]
    fn non_ascii_bytes() {
        let t = "abcdefghij é klmnopqrstuvwxyz…";
        let b = t.as_bytes();
        assert_eq!(next_non_ascii(b, 0), t.find('é'));
        assert_eq!(next_non_ascii(b, 13), t.find('…'));
        assert_eq!(next_non_ascii(b"abc", 0), None);
        assert_eq!(next_non_ascii(b"abcdefghijk", 11), None);
        assert_eq!(next_non_ascii(b"", 0), None);
    }

    #[test]
    fn word_starts() {
        let t = "¡Hé-llo, wörld'x 42!";
        assert_eq!(next_word_start(t, 0), Some(2));
        assert_eq!(next_word_start(t, 5), Some(6));
        assert_eq!(
            next_word_start(t, t.find('\'').unwrap()),
            Some(t.find('x').unwrap())
        );
        assert_eq!(next_word_start("", 0), None);
        assert_eq!(next_word_start(" !", 0), None);
    }

    #[test]
    fn folded_equality() {
        assert!(eq_folded("CHÈRE", "chère"));
        assert!(eq_folded("GRÜSSE", "grüsse") && eq_folded("Grüße", "grüsse"));
        assert!(eq_folded("GRÜẞE", "grüsse") && !eq_folded("Grüße", "grüße"));
        assert!(eq_folded("I’D", "i'd"));
        assert!(!eq_folded("Hil", "hi"));
        assert!(!eq_folded("h", "hi"));
    }
}
