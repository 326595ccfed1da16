//! Layer 3, the sign-off: pieces peeled off the end of a note, one at a
//! time, while the last one is a closing phrase (`Best, Joe`), a dash line
//! (`- Joe Smith`), the sender's name, or capitalised words after a closing
//! phrase alone (`Best regards,` / `Jo Smith`).

use super::lists::Prepared;
use super::names::NameWords;
use super::normalise::{
    eq_folded, fold_into, has_content, is_dash, is_hspace, is_letter_or_digit, next_word_start,
    read_word,
};

/// More words than this and a piece is no sign-off.
const MAX_TOKENS: usize = 16;
/// Capitalised words after a closing phrase, or alone after one.
const MAX_AFTER_CLOSING: usize = 3;
/// Capitalised words after a dash.
const MAX_AFTER_DASH: usize = 4;

/// The words of a piece (ignoring the punctuation, symbols and emoji
/// around them), when there are no more than `limit`.
struct Words<'a> {
    items: [&'a str; MAX_TOKENS],
    n: usize,
}

impl<'a> Words<'a> {
    fn new() -> Self {
        Words {
            items: [""; MAX_TOKENS],
            n: 0,
        }
    }

    fn of(piece: &'a str, limit: usize) -> Option<Self> {
        let mut w = Words::new();
        w.read(piece, limit).then_some(w)
    }

    /// Reads the words of `piece`, unless it has more than `limit`.
    fn read(&mut self, piece: &'a str, limit: usize) -> bool {
        self.n = 0;
        let mut p = 0;
        while let Some(s) = next_word_start(piece, p) {
            let e = read_word(piece, s).unwrap_or(piece.len());
            if self.n == limit.min(MAX_TOKENS) {
                return false;
            }
            self.items[self.n] = &piece[s..e];
            self.n += 1;
            p = e;
        }
        true
    }

    fn get(&self) -> &[&'a str] {
        &self.items[..self.n]
    }
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the words are one to three capitalised words.
fn capitalised_words(words: &[&str]) -> bool {
    (1..=MAX_AFTER_CLOSING).contains(&words.len()) && words.iter().all(|w| capitalised(w))
}

/// Whether the trimmed piece, of `words`, is a dash line: a dash and one to
/// four capitalised words (`- Joe Smith`).
fn is_dash_words(piece: &str, words: &[&str]) -> bool {
    piece.starts_with(is_dash)
        && (1..=MAX_AFTER_DASH).contains(&words.len())
        && words.iter().all(|w| capitalised(w))
}

/// Whether the trimmed piece is a dash line, a sign-off whoever the sender
/// is: as the last piece of a note, [`peel`] always peels it.
pub(crate) fn is_dash_line(piece: &str) -> bool {
    piece.starts_with(is_dash)
        && Words::of(piece, MAX_AFTER_DASH).is_some_and(|w| is_dash_words(piece, w.get()))
}

/// What the sign-off layer needs besides the text.
pub(crate) struct Ctx<'a> {
    pub lists: &'a Prepared,
    pub sender: &'a NameWords,
}

impl Ctx<'_> {
    /// The most words a sign-off can have: longer pieces are not looked at
    /// word by word.
    fn limit(&self) -> usize {
        (self.lists.closings.max_words() + MAX_AFTER_CLOSING)
            .max(MAX_AFTER_DASH)
            .max(self.sender.len_as_written() + self.sender.bracket_len())
    }

    /// The numbers of leading words of `words` that are a closing phrase.
    fn closing_lengths<'w>(
        &'w self,
        words: &'w [&'w str],
        buf: &mut String,
    ) -> impl Iterator<Item = usize> + 'w {
        buf.clear();
        if let Some(first) = words.first()
            && self.lists.closings.may_start_with(first)
        {
            fold_into(first, buf);
        }
        self.lists
            .closings
            .after(buf)
            .iter()
            .filter(move |rest| {
                words.len() > rest.len()
                    && rest
                        .iter()
                        .zip(&words[1..])
                        .all(|(want, w)| eq_folded(w, want))
            })
            .map(|rest| rest.len() + 1)
    }

    /// Whether the piece alone is a sign-off: a closing phrase, alone or
    /// followed by at most three capitalised words or words of the sender's
    /// name; a dash and at most four capitalised words; or the sender's
    /// first or full name.
    fn is_sign_off(&self, piece: &str, buf: &mut String) -> bool {
        let piece = piece.trim();
        Words::of(piece, self.limit()).is_some_and(|w| self.sign_off_words(piece, w.get(), buf))
    }

    /// `is_sign_off` for a trimmed piece and its words. The sender's name
    /// may carry the bracket of their `From` (`Ana Ruiz (she/her)`, `-
    /// Ana (she/her)`, `Best, Ana Ruiz (she/her)`): it is theirs, as
    /// written, and the piece is read without it.
    fn sign_off_words(&self, piece: &str, words: &[&str], buf: &mut String) -> bool {
        self.sign_off_words_as_read(piece, words, buf)
            || (self.sender.ends_with_bracket(words)
                && self.sign_off_words_as_read(
                    piece,
                    &words[..words.len() - self.sender.bracket_len()],
                    buf,
                ))
    }

    /// `sign_off_words` without the bracket.
    fn sign_off_words_as_read(&self, piece: &str, words: &[&str], buf: &mut String) -> bool {
        if words.is_empty() {
            return false;
        }
        if is_dash_words(piece, words) {
            return true;
        }
        if self.sender.is_first_or_full(words) {
            return true;
        }
        // `Dr. Jane Roe` from Jane Roe: the name after a title is theirs.
        let titles = words
            .iter()
            .take_while(|w| self.lists.is_title(w, buf))
            .count();
        if titles > 0 && titles < words.len() && self.sender.is_first_or_full(&words[titles..]) {
            return true;
        }
        self.closing_lengths(words, buf).any(|l| {
            let rest = &words[l..];
            rest.len() <= MAX_AFTER_CLOSING
                && rest
                    .iter()
                    .all(|w| capitalised(w) || self.sender.has_raw(w))
        })
    }

    /// Whether the trimmed piece may be a sign-off by `sign_off_words`, by a
    /// look at its start alone: it starts with a dash, or its first word is
    /// the sender's first name (or the first word of their name as written,
    /// `Nguyễn` of `Nguyễn Thị Hương`), a title or the first word of a
    /// closing phrase. Also whether that first word is capitalised.
    fn may_sign_off(&self, piece: &str, buf: &mut String) -> (bool, bool) {
        let Some(s) = next_word_start(piece, 0) else {
            return (piece.starts_with(is_dash), false);
        };
        let first = &piece[s..read_word(piece, s).unwrap_or(piece.len())];
        let may = piece.starts_with(is_dash)
            || self.sender.first().is_some_and(|n| eq_folded(first, n))
            || self
                .sender
                .written_first()
                .is_some_and(|n| eq_folded(first, n))
            || (capitalised(first) && self.lists.is_title(first, buf))
            || (self.lists.closings.may_start_with(first) && {
                buf.clear();
                fold_into(first, buf);
                !self.lists.closings.after(buf).is_empty()
            });
        (may, capitalised(first))
    }

    /// Whether the piece is a closing phrase and nothing else.
    fn is_closing_alone(&self, piece: &str, buf: &mut String) -> bool {
        Words::of(piece, self.limit()).is_some_and(|w| {
            let words = w.get();
            self.closing_lengths(words, buf).any(|l| l == words.len())
        })
    }
}

/// Whether `piece` (NFKC) may have a run of two or more spaces, the only
/// thing that makes [`peel`] cut a piece rather than drop it whole.
pub(crate) fn may_have_space_run(piece: &str) -> bool {
    // After NFKC the only horizontal white space is a space, a tab or the
    // Ogham space mark (`\u{1680}`, the only white space with a 0xE1
    // byte): most pieces have no run at all, told by two SIMD searches.
    static DOUBLED: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
        std::sync::OnceLock::new();
    let b = piece.as_bytes();
    memchr::memchr2(b'\t', 0xE1, b).is_some()
        || DOUBLED
            .get_or_init(|| memchr::memmem::Finder::new(b"  "))
            .find(b)
            .is_some()
}

/// How many pieces at the end of `pieces`, two or more, make one line cut
/// only after initials or titles (`- J.` `Smith`; `Dr.` `Jane Roe`): each but
/// the last ends in a dot after one capital letter or a title, with no line
/// break between them. `None` when the last piece is a line of its own.
fn name_line(t: &str, pieces: &[(usize, usize)], ctx: &Ctx<'_>, buf: &mut String) -> Option<usize> {
    // What ends such a line is a short name (`Smith`, `Jane Roe`, `van
    // Dijk`): most last pieces are sentences, and are passed over at once.
    let &(a, b) = pieces.last()?;
    if b - a > 64 {
        return None;
    }
    let mut k = 1;
    while k < pieces.len() && k <= MAX_AFTER_DASH {
        let (a, b) = pieces[pieces.len() - k - 1];
        let (next, _) = pieces[pieces.len() - k];
        let Some(before) = t[a..b].strip_suffix('.') else {
            break;
        };
        if t[b..next].contains(['\n', '\r']) {
            break;
        }
        // The word the dot ends.
        let word = before
            .rsplit(|c: char| !is_letter_or_digit(c))
            .next()
            .unwrap_or_default();
        let mut chars = word.chars();
        let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
        if !(initial || capitalised(word) && ctx.lists.is_title(word, buf)) {
            break;
        }
        k += 1;
    }
    (k >= 2).then_some(k)
}

/// How many pieces at the end of a note are read split at the runs of
/// spaces a recent export writes for a line break ([`peel`]): a sign-off
/// is a line or three.
const SPLIT_LAST: usize = 3;

/// Peels sign-off pieces off the end of `pieces` (byte ranges into `t`),
/// pushing them, in note order, to `peeled`.
///
/// Recent exports write a line break as two spaces, so the last pieces are
/// read split at such runs (and at tabs), each part as a line of its own:
/// `…network  Best regards,  Jo Smith` peels as `…network.\nBest
/// regards,\nJo Smith` does. What is not peeled is joined again as it
/// was: a sentence still ends at its punctuation.
pub(crate) fn peel(
    t: &str,
    pieces: &mut Vec<(usize, usize)>,
    ctx: &Ctx<'_>,
    buf: &mut String,
    peeled: &mut Vec<(usize, usize)>,
) {
    let from = pieces.len().saturating_sub(SPLIT_LAST);
    // The end read at once (what lies between its pieces too).
    let end = match (pieces.get(from), pieces.last()) {
        (Some(&(a, _)), Some(&(_, b))) => &t[a..b],
        _ => "",
    };
    if !may_have_space_run(end) {
        return peel_pieces(t, pieces, ctx, buf, peeled);
    }
    // Each piece of the end, with where its parts start among them.
    let mut whole: Vec<(usize, usize, usize)> =
        pieces.drain(from..).map(|(a, b)| (a, b, 0)).collect();
    for w in &mut whole {
        w.2 = pieces.len() - from;
        split_at_runs(t, w.0, w.1, pieces);
    }
    let parts: Vec<(usize, usize)> = pieces[from..].to_vec();
    peel_pieces(t, pieces, ctx, buf, peeled);
    // The parts left are the first of them: each piece whole again, or
    // up to its last part left. None left, and fewer pieces than before
    // the end: the peel went on into the note before it (a sign-off line
    // repeated), and what it left stands.
    let Some(left) = pieces.len().checked_sub(from) else {
        return;
    };
    pieces.truncate(from);
    for (k, &(a, b, first)) in whole.iter().enumerate() {
        let end = whole.get(k + 1).map_or(parts.len(), |w| w.2);
        if left >= end {
            pieces.push((a, b));
        } else if left > first {
            pieces.push((a, parts[left - 1].1));
        }
    }
}

/// Pushes the parts of `t[a..b]` between its runs of two or more spaces
/// (or of a tab: nobody types one in a sentence), those with content.
fn split_at_runs(t: &str, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &t[a..b];
    let mut start = 0;
    let mut run: Option<(usize, usize, bool)> = None;
    let push = |s: usize, e: usize, out: &mut Vec<(usize, usize)>| {
        let part = piece[s..e].trim();
        if has_content(part) {
            let at = s + (piece[s..e].len() - piece[s..e].trim_start().len());
            out.push((a + at, a + at + part.len()));
        }
    };
    for (i, c) in piece.char_indices() {
        if is_hspace(c) {
            let e = i + c.len_utf8();
            run = Some(match run {
                Some((s, _, tab)) => (s, e, tab || c == '\t'),
                None => (i, e, c == '\t'),
            });
        } else if let Some((s, e, tab)) = run.take()
            && (tab || piece[s..e].chars().count() >= 2)
        {
            push(start, s, out);
            start = e;
        }
    }
    push(start, piece.len(), out);
}

/// [`peel`] on pieces as they are.
fn peel_pieces(
    t: &str,
    pieces: &mut Vec<(usize, usize)>,
    ctx: &Ctx<'_>,
    buf: &mut String,
    peeled: &mut Vec<(usize, usize)>,
) {
    peeled.clear();
    let limit = ctx.limit();
    let mut words = Words::new();
    while let Some(&(a, b)) = pieces.last() {
        let piece = &t[a..b];
        let n = pieces.len();
        // `- J. Smith`, `Dr. Jane Roe`: the body's split cut a name line at
        // the dot of an initial or a title, which belongs to it as in a
        // greeting. Tried on the line as a whole first: its last piece
        // alone (`Jane Roe`) may be a sign-off too, and peeling it would
        // leave `Dr.` behind as a sentence.
        if let Some(k) = name_line(t, pieces, ctx, buf) {
            let (a0, _) = pieces[n - k];
            let line = &t[a0..b];
            let peel_line = ctx.is_sign_off(line, buf);
            let after_closing = !peel_line
                && n > k
                && Words::of(line, MAX_AFTER_CLOSING).is_some_and(|w| capitalised_words(w.get()))
                && {
                    let (c, d) = pieces[n - k - 1];
                    ctx.is_closing_alone(&t[c..d], buf)
                };
            if peel_line || after_closing {
                peeled.push((a0, b));
                pieces.truncate(n - k);
                if after_closing {
                    peeled.extend(pieces.pop());
                }
                continue;
            }
        }
        // Reading every word of a long sentence is the costly part: only a
        // piece that may be a sign-off, or may be capitalised words after a
        // closing phrase alone (at most three), needs it.
        let (may, first_capitalised) = ctx.may_sign_off(piece, buf);
        let read = if may {
            words.read(piece, limit)
        } else {
            n >= 2 && first_capitalised && words.read(piece, MAX_AFTER_CLOSING)
        };
        if read {
            if may && ctx.sign_off_words(piece, words.get(), buf) {
                peeled.push((a, b));
                pieces.pop();
                continue;
            }
            if n >= 2 && capitalised_words(words.get()) {
                let (c, d) = pieces[n - 2];
                if ctx.is_closing_alone(&t[c..d], buf) {
                    peeled.push((a, b));
                    peeled.push((c, d));
                    pieces.truncate(n - 2);
                    continue;
                }
            }
        }
        break;
    }
    peeled.reverse();
}

#[cfg(test)]
mod tests {
    use super::super::Lists;
    use super::super::body::split_pieces;
    use super::*;

    /// (body pieces, peeled pieces) of `note` from sender `from`.
    fn run(note: &str, from: &str) -> (Vec<String>, Vec<String>) {
        let lists = Prepared::new(&Lists::default());
        let sender = NameWords::new(from);
        let ctx = Ctx {
            lists: &lists,
            sender: &sender,
        };
        let mut pieces = Vec::new();
        split_pieces(note, 0, &mut pieces);
        let mut peeled = Vec::new();
        peel(note, &mut pieces, &ctx, &mut String::new(), &mut peeled);
        let s =
            |v: Vec<(usize, usize)>| v.into_iter().map(|(a, b)| note[a..b].to_owned()).collect();
        (s(pieces), s(peeled))
    }

    fn peeled(note: &str) -> Vec<String> {
        run(note, "Joe Smith").1
    }

    #[test]
    fn four_forms() {
        assert_eq!(peeled("Body.\nThanks!"), ["Thanks!"]);
        assert_eq!(peeled("Body. Best, Joe"), ["Best, Joe"]);
        assert_eq!(
            peeled("Body.\nKind regards Joe Smith"),
            ["Kind regards Joe Smith"]
        );
        assert_eq!(peeled("Body.\ncheers joe"), ["cheers joe"]);
        assert_eq!(peeled("Body.\n\n- Joe"), ["- Joe"]);
        assert_eq!(peeled("Body.\n— Joe Smith"), ["— Joe Smith"]);
        assert_eq!(peeled("Body.\nJoe"), ["Joe"]);
        assert_eq!(peeled("Body.\nJoe Smith"), ["Joe Smith"]);
        assert_eq!(
            peeled("Body.\nBest regards,\nJo Smith"),
            ["Best regards,", "Jo Smith"]
        );
        assert_eq!(
            peeled("Body.\nBest regards,\nJoe Smith"),
            ["Best regards,", "Joe Smith"]
        );
        assert_eq!(peeled("Body.\nMerci !\n\n— Joe"), ["Merci !", "— Joe"]);
        assert_eq!(
            run("One. Two. Three.\nBest regards,\nJo Smith", "Joe Smith"),
            (
                vec!["One.".to_owned(), "Two.".to_owned(), "Three.".to_owned()],
                vec!["Best regards,".to_owned(), "Jo Smith".to_owned()]
            )
        );
        // The longest: a closing phrase of three words and a name of two.
        assert_eq!(
            peeled("Body.\nAll the best, Jo Smith"),
            ["All the best, Jo Smith"]
        );
    }

    #[test]
    fn initials_and_titles_keep_a_name_line_whole() {
        assert_eq!(peeled("Body.\n- J. Roe"), ["- J. Roe"]);
        assert_eq!(peeled("Body.\n— Dr. Jane Roe"), ["— Dr. Jane Roe"]);
        assert_eq!(peeled("Body.\nBest,\nJ. Smith"), ["Best,", "J. Smith"]);
        assert_eq!(
            peeled("Body.\nRegards,\nDr. Jane Roe"),
            ["Regards,", "Dr. Jane Roe"]
        );
        assert_eq!(
            peeled("Body.\nBest regards,\nJoseph A. Smith"),
            ["Best regards,", "Joseph A. Smith"]
        );
        assert_eq!(peeled("Body.\nThanks, Dr. Smith"), ["Thanks, Dr. Smith"]);
        // The sender's own name after a title, and a name line whose last
        // piece is not capitalised.
        assert_eq!(peeled("Body.\nDr. Joe Smith"), ["Dr. Joe Smith"]);
        assert_eq!(peeled("Body.\nDr Joe Smith"), ["Dr Joe Smith"]);
        assert_eq!(
            run("Body.\nBest, J. van Dijk", "Jan van Dijk").1,
            ["Best, J. van Dijk"]
        );
        assert_eq!(
            run("Body.\nRegards, Dr. von Braun", "Wernher von Braun").1,
            ["Regards, Dr. von Braun"]
        );
        // Not across a line break, nor after a word that is neither.
        assert!(peeled("Body.\nJ.\nRoe").is_empty());
        assert!(peeled("We met at Acme Inc. Jane Roe").is_empty());
        assert!(peeled("I work with Dr. Smith").is_empty());
    }

    #[test]
    fn not_sign_offs() {
        assert!(peeled("Thanks for the great talk at the breakfast!").is_empty());
        assert!(peeled("Body.\nJo Smith").is_empty());
        assert!(peeled("Body.\n- Joe Smith Of Acme Ltd").is_empty());
        assert!(peeled("Body.\nThanks, Noah I'd love to connect.").is_empty());
        assert!(peeled("Body.\nBest wishes from the whole team").is_empty());
        assert!(peeled("Best regards,\nWe met at the summit.").is_empty());
        assert!(peeled("Body - I'd like to connect.").is_empty());
        // After a closing phrase alone: only capitalised words are a name.
        assert!(peeled("Body.\nBest regards,\nJo from Acme").is_empty());
        // A closing phrase then words: capitalised ones, or the sender's.
        assert!(peeled("Body.\nThanks, see you").is_empty());
        // A closing phrase with more after it is not one alone.
        assert!(peeled("Body.\nThanks for the talk\nJo Smith").is_empty());
    }

    #[test]
    fn two_space_exports() {
        assert_eq!(
            run(
                "Me gustaría añadirte a mi red profesional de LinkedIn  Beatriz",
                "Beatriz Jones"
            ),
            (
                vec!["Me gustaría añadirte a mi red profesional de LinkedIn".to_owned()],
                vec!["Beatriz".to_owned()]
            )
        );
        // Read as on lines of their own.
        assert_eq!(
            peeled("Body.    Best regards,  Joe"),
            ["Best regards,", "Joe"]
        );
        assert!(peeled("Hope  you're  doing well.").is_empty());
        // A run of tabs is such a break too, beside a run of spaces or not.
        assert_eq!(peeled("Body, on LinkedIn\t\tJoe"), ["Joe"]);
        assert_eq!(peeled("We met  at the expo\t\tJoe"), ["Joe"]);
        assert!(peeled("Would  love  to connect!").is_empty());
        // A closing phrase alone, then a name, each after two spaces, as
        // on lines of their own.
        let lines = |note: &str| run(note, "Maria Lopez");
        assert_eq!(
            lines("Let's connect  Best regards,  Jo Smith"),
            (
                vec!["Let's connect".to_owned()],
                vec!["Best regards,".to_owned(), "Jo Smith".to_owned()]
            )
        );
        assert_eq!(
            lines("Let's connect  Thanks  Anna").1,
            ["Thanks".to_owned(), "Anna".to_owned()]
        );
        assert_eq!(lines("Thanks  Anna").1, ["Thanks", "Anna"]);
        // After punctuation, with a title, after a tab (a re-tester's).
        assert_eq!(
            lines("I'd like to join your LinkedIn network  Thanks!  Jo Smith"),
            (
                vec!["I'd like to join your LinkedIn network".to_owned()],
                vec!["Thanks!".to_owned(), "Jo Smith".to_owned()]
            )
        );
        assert_eq!(
            lines("Let's connect  Best regards,  Dr. Jo Smith").1,
            ["Best regards,", "Dr. Jo Smith"]
        );
        assert_eq!(
            lines("Let's connect\tBest regards,\tJo Smith").1,
            ["Best regards,", "Jo Smith"]
        );
        // What is not peeled is whole again, its spaces and all.
        assert_eq!(
            lines("We met  at the expo  in Berlin").0,
            ["We met  at the expo  in Berlin"]
        );
        assert_eq!(
            lines("One.  We met  at the expo  Thanks  Anna").0,
            ["One.", "We met  at the expo"]
        );
        // Not after more than a closing phrase, nor a name in small letters.
        assert!(
            lines("Let's connect  Thanks for the talk  Anna")
                .1
                .is_empty()
        );
        assert!(lines("Let's connect  Thanks  see you").1.is_empty());
    }
}
