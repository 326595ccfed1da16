//! Layer 2, the greeting at the start of a note: a salutation with the name
//! words that follow it, or a bare name.

use super::lists::Prepared;
use super::names::NameWords;
use super::normalise::{
    eq_folded, fold_into, is_hspace, is_line_break, next_word_start, read_word,
};

/// At most this many name words follow a salutation.
const MAX_NAME_WORDS: usize = 3;

/// What a greeting's name word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameWordKind {
    /// `Ms`, `Dr.`, `Madame`: names no one.
    Title,
    /// `there`, `all`, `team`: names no one.
    NonName,
    /// A capitalised word or the recipient's name: names someone.
    Name,
}

/// The two forms of a greeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GreetingForm {
    /// A salutation (`Hi`, `Dear`, `Bonjour`), then name words.
    Salutation,
    /// The recipient's first or full name alone (`Colleen,`).
    BareName,
}

/// A greeting found at the start of a note, as byte ranges into its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub form: GreetingForm,
    pub start: usize,
    /// After the delimiter, if any.
    pub end: usize,
    pub words: [(usize, usize, NameWordKind); MAX_NAME_WORDS],
    pub n_words: usize,
}

impl Found {
    pub(crate) fn name_words(&self) -> &[(usize, usize, NameWordKind)] {
        &self.words[..self.n_words]
    }

    /// Whether a name word is neither a title nor a non-name.
    pub(crate) fn names_someone(&self) -> bool {
        self.name_words().iter().any(|w| w.2 == NameWordKind::Name)
    }
}

/// The white space after a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    None,
    Space,
    /// A line break, or a run of two or more spaces (or a tab), which is
    /// how recent exports write a line break.
    LineBreak,
}

fn gap(t: &str, p: usize) -> (usize, Gap) {
    let mut spaces = 0;
    let mut line_break = false;
    let mut end = p;
    for c in t[p..].chars() {
        // A tab too: nobody types one inside a greeting, and an export
        // that writes its line breaks as tabs ends the greeting there, as
        // the sign-off layer reads it.
        if is_line_break(c) || c == '\t' {
            line_break = true;
        } else if is_hspace(c) {
            spaces += 1;
        } else {
            break;
        }
        end += c.len_utf8();
    }
    let kind = if end == p {
        Gap::None
    } else if line_break || spaces >= 2 {
        Gap::LineBreak
    } else {
        Gap::Space
    };
    (end, kind)
}

fn char_at(t: &str, p: usize) -> Option<char> {
    t[p..].chars().next()
}

/// What the greeting layer needs besides the text.
pub(crate) struct Ctx<'a> {
    pub lists: &'a Prepared,
    pub recipient: &'a NameWords,
}

/// Finds the greeting at the start of `t`: after any white space, emoji or
/// punctuation that opens the note. `buf` is scratch.
pub(crate) fn detect(t: &str, ctx: &Ctx<'_>, buf: &mut String) -> Option<Found> {
    let mut start = next_word_start(t, 0)?;
    // A keycap emoji (`1️⃣`) is an emoji too, though its digit (or the
    // marks after `#`) reads as a word.
    // So is an emoji's variation selector (`❤️`: the marks alone, with
    // no letter under them).
    // (A word that starts with an ASCII letter, as most do, is neither.)
    while !t.as_bytes()[start].is_ascii_alphabetic()
        && let Some(after) = keycap_at(t, start).or_else(|| marks_at(t, start))
    {
        start = next_word_start(t, after)?;
    }
    let first_end = read_word(t, start)?;
    buf.clear();
    fold_into(&t[start..first_end], buf);
    if ctx.lists.salutations.may_start_with(&t[start..first_end])
        && let Some(after) = salutation(t, first_end, ctx, buf)
    {
        return Some(name_words(t, start, after, ctx, buf));
    }
    bare_name(t, start, first_end, ctx, buf)
}

/// The end of the keycap emoji at byte `p` of `t` (a digit, or the marks
/// after a `#` or `*`: U+FE0F, then U+20E3), if one is there.
fn keycap_at(t: &str, p: usize) -> Option<usize> {
    let rest = &t[p..];
    let after_digit = rest
        .strip_prefix(|c: char| c.is_ascii_digit())
        .unwrap_or(rest);
    let after_selector = after_digit.strip_prefix('\u{FE0F}').unwrap_or(after_digit);
    let end = after_selector.strip_prefix('\u{20E3}')?;
    Some(t.len() - end.len())
}

/// The end of the run of combining marks at byte `p` of `t`, if one is
/// there (a word does not start with one: it has no letter under it).
fn marks_at(t: &str, p: usize) -> Option<usize> {
    let rest = &t[p..];
    let after = rest.trim_start_matches(unicode_normalization::char::is_combining_mark);
    (after.len() < rest.len()).then(|| t.len() - after.len())
}

/// The end of the salutation whose first word ends at `first_end` and is
/// `first` (folded), if one does. A salutation is matched word by word, so
/// it ends at a word boundary (`Hilary` is not `hi`).
fn salutation(t: &str, first_end: usize, ctx: &Ctx<'_>, first: &str) -> Option<usize> {
    'phrases: for rest in ctx.lists.salutations.after(first) {
        let mut p = first_end;
        for want in rest {
            // Its words apart by white space on one line: a run of spaces
            // is one space, as normalising takes it (`Good  morning`),
            // though it ends a greeting's name words as a line break.
            let (q, kind) = gap(t, p);
            if kind == Gap::None || t[p..q].chars().any(is_line_break) {
                continue 'phrases;
            }
            let Some(e) = read_word(t, q) else {
                continue 'phrases;
            };
            if !eq_folded(&t[q..e], want) {
                continue 'phrases;
            }
            p = e;
        }
        return Some(p);
    }
    None
}

/// The name words after a salutation ending at `p`, then one delimiter.
fn name_words(t: &str, start: usize, mut p: usize, ctx: &Ctx<'_>, buf: &mut String) -> Found {
    let mut found = Found {
        form: GreetingForm::Salutation,
        start,
        end: p,
        words: [(0, 0, NameWordKind::Name); MAX_NAME_WORDS],
        n_words: 0,
    };
    while found.n_words < MAX_NAME_WORDS {
        let (mut q, kind) = gap(t, p);
        if kind == Gap::LineBreak && !name_after_spaces(t, p, q, ctx, buf) {
            break;
        }
        // Greeting words are split at white space and `/` (`Sir/Madam`).
        if found.n_words > 0 && char_at(t, q) == Some('/') {
            q = gap(t, q + 1).0;
        }
        let Some(e) = read_word(t, q) else { break };
        let Some(word_kind) = name_word(&t[q..e], ctx, buf) else {
            break;
        };
        found.words[found.n_words] = (q, e, word_kind);
        found.n_words += 1;
        p = e;
        // The dot of an abbreviated title belongs to it.
        if word_kind == NameWordKind::Title && char_at(t, p) == Some('.') {
            p += 1;
        }
    }
    found.end = delimiter(t, p, &[',', '!', '.', ':', '-', '\u{2013}', '\u{2014}']).unwrap_or(p);
    found
}

/// Whether the gap from `p` to `q`, two spaces or more, is a doubled space
/// typed between a greeting's words (`Hi  Colleen`), not a line break as
/// recent exports write one (`Hi there  Let's connect`): on one line, and
/// followed by a word that is the recipient's first or last name, or a
/// title. Those go on the greeting; a capitalised word may start the next
/// line's sentence, and does not.
fn name_after_spaces(t: &str, p: usize, q: usize, ctx: &Ctx<'_>, buf: &mut String) -> bool {
    if t[p..q].chars().any(is_line_break) {
        return false;
    }
    let Some(e) = read_word(t, q) else {
        return false;
    };
    buf.clear();
    fold_into(&t[q..e], buf);
    ctx.lists.titles.contains(buf.as_str())
        || ctx.recipient.matches_first(buf)
        || ctx.recipient.matches_last(buf)
}

/// The end of one delimiter after `p` (a line break, or one of `chars`,
/// possibly after a space), if one follows.
fn delimiter(t: &str, p: usize, chars: &[char]) -> Option<usize> {
    let (q, kind) = gap(t, p);
    if kind == Gap::LineBreak {
        return Some(q);
    }
    let c = char_at(t, q)?;
    chars.contains(&c).then(|| q + c.len_utf8())
}

/// What kind of name word `w` is, if it is one.
fn name_word(w: &str, ctx: &Ctx<'_>, buf: &mut String) -> Option<NameWordKind> {
    buf.clear();
    fold_into(w, buf);
    if ctx.lists.titles.contains(buf.as_str()) {
        return Some(NameWordKind::Title);
    }
    if ctx.lists.non_names.contains(buf.as_str()) {
        return Some(NameWordKind::NonName);
    }
    if is_i(buf) {
        return None;
    }
    let capitalised = w.chars().next().is_some_and(char::is_uppercase);
    (capitalised || ctx.recipient.matches_first(buf) || ctx.recipient.matches_last(buf))
        .then_some(NameWordKind::Name)
}

/// `I` and its contractions (folded), which are capitalised but no name.
/// `id`, `im` and `ive` count too: normalisation reads them as `I'd`, `I'm`
/// and `I've`.
fn is_i(folded: &str) -> bool {
    matches!(
        folded,
        "i" | "i'd" | "i'm" | "i've" | "i'll" | "id" | "im" | "ive"
    )
}

/// The recipient's first or full name alone, followed by `,` `!` `:` or a
/// line break. The first word ends at `e1` and is in `buf`, folded.
fn bare_name(t: &str, start: usize, e1: usize, ctx: &Ctx<'_>, buf: &mut String) -> Option<Found> {
    const DELIMITERS: &[char] = &[',', '!', ':'];
    // The full name may start with a title or an initial (`Frau Müller,`
    // to Frau Müller), which alone names no one.
    let lead = !ctx.recipient.matches_first(buf);
    // Or the full name as written, family name first (`山田 太郎,` to 山田
    // 太郎, `Doe Jane,` to Doe, Jane): its family name alone names no one
    // either (`山田,`).
    let family = lead && ctx.recipient.matches_written_family(buf);
    if lead && !family && !ctx.recipient.matches_lead(buf) {
        return None;
    }
    let mut found = Found {
        form: GreetingForm::BareName,
        start,
        end: e1,
        words: [(start, e1, NameWordKind::Name); MAX_NAME_WORDS],
        n_words: 1,
    };
    let (q, kind) = gap(t, e1);
    let on_one_line = match kind {
        Gap::None => false,
        Gap::Space => true,
        Gap::LineBreak => !t[e1..q].chars().any(is_line_break),
    };
    if on_one_line && let Some(e2) = read_word(t, q) {
        buf.clear();
        fold_into(&t[q..e2], buf);
        let ends = if family {
            ctx.recipient.matches_first(buf)
        } else {
            ctx.recipient.matches_last(buf)
        };
        if ends && let Some(end) = delimiter(t, e2, DELIMITERS) {
            found.words[1] = (q, e2, NameWordKind::Name);
            found.n_words = 2;
            found.end = end;
            return Some(found);
        }
    }
    if lead {
        return None;
    }
    found.end = delimiter(t, e1, DELIMITERS)?;
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::super::Lists;
    use super::*;

    struct G {
        text: String,
        words: Vec<(String, NameWordKind)>,
        names: bool,
        form: GreetingForm,
    }

    fn greet(note: &str, to: &str) -> Option<G> {
        let lists = Prepared::new(&Lists::default());
        let recipient = NameWords::new(to);
        let ctx = Ctx {
            lists: &lists,
            recipient: &recipient,
        };
        let f = detect(note, &ctx, &mut String::new())?;
        Some(G {
            text: note[f.start..f.end].trim_end().to_owned(),
            words: f
                .name_words()
                .iter()
                .map(|&(a, b, k)| (note[a..b].to_owned(), k))
                .collect(),
            names: f.names_someone(),
            form: f.form,
        })
    }

    fn text(note: &str) -> Option<String> {
        greet(note, "Colleen Smith").map(|g| g.text)
    }

    fn names(note: &str) -> bool {
        greet(note, "Colleen Smith").is_some_and(|g| g.names)
    }

    #[test]
    fn spec_greetings() {
        assert_eq!(text("Hi Colleen, I'd like").as_deref(), Some("Hi Colleen,"));
        assert_eq!(
            text("Dear Ms. Smith, hope").as_deref(),
            Some("Dear Ms. Smith,")
        );
        assert_eq!(text("hi colleen, let's").as_deref(), Some("hi colleen,"));
        assert_eq!(text("Hello there! Let's").as_deref(), Some("Hello there!"));
        assert_eq!(
            text("Hi Colleen I'd like to").as_deref(),
            Some("Hi Colleen")
        );
        assert_eq!(text("Hi, I'd like").as_deref(), Some("Hi,"));
        assert_eq!(text("Hi great talk!").as_deref(), Some("Hi"));
        assert_eq!(text("Colleen,\nI'd").as_deref(), Some("Colleen,"));
        assert_eq!(text("Colleen!").as_deref(), Some("Colleen!"));
        assert_eq!(
            text("Dear Sir/Madam, I").as_deref(),
            Some("Dear Sir/Madam,")
        );
    }

    #[test]
    fn who_is_named() {
        for yes in [
            "Hi Colleen",
            "Dear Ms. Smith,",
            "Colleen,",
            "Hi Coleen",
            "Hi Karen",
            "Colleen Smith:",
        ] {
            assert!(names(yes), "{yes}");
        }
        for no in [
            "Hi,",
            "Hello there!",
            "Dear Sir/Madam,",
            "Bonjour Madame,",
            "Hi great talk",
            "Hi team,",
            "Hello everyone",
        ] {
            assert!(!names(no), "{no}");
        }
        let g = greet("Dear Dr. Rivera,", "Sam Rivera").unwrap();
        assert_eq!(
            g.words,
            [
                ("Dr".to_owned(), NameWordKind::Title),
                ("Rivera".to_owned(), NameWordKind::Name)
            ]
        );
    }

    #[test]
    fn salutation_ends_at_word_boundary() {
        assert!(text("Hilary, nice to meet you").is_none());
        assert!(text("Heya Colleen").is_none());
        assert_eq!(text("Hi-ya").as_deref(), None);
        assert_eq!(
            text("Good morning Colleen, x").as_deref(),
            Some("Good morning Colleen,")
        );
        // A run of spaces inside a salutation is one space; a line break
        // is not.
        assert_eq!(
            text("Good  morning Colleen, x").as_deref(),
            Some("Good  morning Colleen,")
        );
        assert_eq!(text("Good\nmorning").as_deref(), None);
        assert_eq!(
            text("Buenos días Colleen:").as_deref(),
            Some("Buenos días Colleen:")
        );
        assert_eq!(text("CHÈRE Colleen,").as_deref(), Some("CHÈRE Colleen,"));
        assert_eq!(text("👋 Hi Colleen!").as_deref(), Some("Hi Colleen!"));
    }

    #[test]
    fn name_words_stop_at_i_and_at_three() {
        assert_eq!(text("Hi Colleen I’m Joe").as_deref(), Some("Hi Colleen"));
        assert_eq!(text("Hi Id like").as_deref(), Some("Hi"));
        assert_eq!(
            text("Hi Ann Bea Cid Dee, x").as_deref(),
            Some("Hi Ann Bea Cid")
        );
        assert_eq!(
            text("Hi Colleen - great talk").as_deref(),
            Some("Hi Colleen -")
        );
        assert_eq!(text("Hi Colleen — great").as_deref(), Some("Hi Colleen —"));
    }

    #[test]
    fn line_breaks_and_two_space_exports() {
        assert_eq!(text("Hi there\nLet's connect").as_deref(), Some("Hi there"));
        assert_eq!(text("Hi there  Let's connect").as_deref(), Some("Hi there"));
        // A tab, as an export that writes its line breaks so.
        assert_eq!(text("Hi there\tLet's connect").as_deref(), Some("Hi there"));
        assert_eq!(
            text("Hey Colleen\tHappy to help").as_deref(),
            Some("Hey Colleen")
        );
        assert_eq!(
            text("Hi there\r\nLet's connect").as_deref(),
            Some("Hi there")
        );
        assert_eq!(text("Colleen  I'd like").as_deref(), Some("Colleen"));
        // A doubled space typed inside the greeting: the recipient's name
        // or a title after it is still the greeting's; another capitalised
        // word starts the next line.
        assert_eq!(
            text("Hi  Colleen, let's connect").as_deref(),
            Some("Hi  Colleen,")
        );
        assert_eq!(
            text("Dear  Ms.  Smith, let's connect").as_deref(),
            Some("Dear  Ms.  Smith,")
        );
        assert_eq!(text("Hi   Coleen!").as_deref(), Some("Hi   Coleen!"));
        assert_eq!(
            text("Colleen  Smith, let's connect").as_deref(),
            Some("Colleen  Smith,")
        );
        assert!(names("Hi  Colleen, let's connect"));
        assert_eq!(text("Hi  Let's connect").as_deref(), Some("Hi"));
        // Any other word after the run starts the next line, as after a
        // line break, even one a delimiter ends: in recent exports that is
        // mostly a sentence (`Congrats!`, `Thanks,`), not another's name.
        assert_eq!(text("Hi  Karen, let's connect").as_deref(), Some("Hi"));
        assert_eq!(text("Hi  Congrats! Great talk").as_deref(), Some("Hi"));
        assert_eq!(
            text("Hi there  Thanks, I'd like to connect").as_deref(),
            Some("Hi there")
        );
        assert_eq!(
            text("Hi Colleen  Congrats! Great talk").as_deref(),
            Some("Hi Colleen")
        );
        assert_eq!(text("Hi\nColleen, let's connect").as_deref(), Some("Hi"));
        assert_eq!(text("Hi \n Colleen, let's connect").as_deref(), Some("Hi"));
        assert_eq!(text("Colleen\r\n").as_deref(), Some("Colleen"));
        assert_eq!(text("Colleen I'd like"), None);
        assert_eq!(text("Colleen"), None);
    }

    #[test]
    fn bare_names() {
        let g = greet("Sam Rivera,\r\nlooking", "Sam Rivera").unwrap();
        assert_eq!(
            (g.text.as_str(), g.form, g.names),
            ("Sam Rivera,", GreetingForm::BareName, true)
        );
        assert!(greet("Pam,\nI'd like", "Sam Rivera").is_none());
        assert!(greet("Samm,\nI'd like", "Sam Rivera").is_none());
        assert!(greet("Rivera,\nI'd like", "Sam Rivera").is_none());
        assert_eq!(text("Coleen Smith!").as_deref(), Some("Coleen Smith!"));
        assert_eq!(text("colleen:").as_deref(), Some("colleen:"));
        assert_eq!(text("Colleen. Hi").as_deref(), None);
        assert!(greet("Colleen,", "").is_none());
    }
}
