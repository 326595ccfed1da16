//! Sorting a note into `default`, `greeting-only` or `customised`, and its
//! quality signals. The rule is `spec/classification.md`, layer by layer:
//! boilerplate, greeting, sign-off, body.
//!
//! - `boilerplate`: LinkedIn's "… has indicated you are a …" lines;
//! - `greeting`: a salutation and its name words, or a bare name;
//! - `signoff`: closing phrases, dash lines and names peeled off the end;
//! - `body`: sentences, and whether each is stock (a stock text or generic
//!   phrase within the allowed edit distance, or only generic words);
//! - `normalise`: NFKC, case, quotes, contractions, white space;
//! - `signals`: the hints of a customised note;
//! - `lists`: the built-in lists in `data/` plus the config's, prepared once;
//! - `names`: the sender's and recipient's names as words.
//!
//! Where the spec does not say how, these readings are ours:
//!
//! - a name from `To` or `From` ends at a comma, `|` or `(` (`Colleen
//!   Smith, PhD`), and its first name is the first word after any titles or
//!   initials (`Dr. Ana Ruiz`: Ana; `K. S. Ravi Kumar`: Ravi); the items
//!   after a comma that are one word as written (`PhD`, `Jr.`) go on the
//!   name as written, a sign-off (`Joe Smith, MBA`) and its words for the
//!   generic rule, while a phrase there (`Talent Acquisition`) does not;
//! - a sign-off line that the body's split cut at the dot of an initial or a
//!   title (`- J. Smith`, `Regards,` / `Dr. Jane Roe`) is tried whole, as a
//!   greeting keeps `Dr.` whole, and the sender's name after a title is
//!   their name;
//! - an emoji in a sentence is one character of it, as `👍` is, whatever
//!   it is made of: its invisible parts (variation selectors, a skin tone,
//!   a zero-width joiner and the emoji it joins on, tags) are no words and
//!   are dropped when normalising, and a keycap (`1️⃣`) parts words as a
//!   space does.
//!
//! [`Classifier::classify`] is the fast path (no allocation per note once its
//! per-thread buffers have grown); [`Classifier::analyse`] makes the same
//! decision and keeps every layer for the UI and the draft checker.

mod body;
mod boilerplate;
mod greeting;
pub(crate) mod lists;
mod names;
mod normalise;
mod signals;
mod signoff;
#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::invitation::Invitation;

pub use greeting::{GreetingForm, NameWordKind};
pub use normalise::fold_accents;

/// The three groups of the survey. Shown everywhere as `default`,
/// `greeting-only` and `customised`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Category {
    #[serde(rename = "default")]
    Default,
    #[serde(rename = "greeting-only")]
    GreetingOnly,
    #[serde(rename = "customised")]
    Customised,
}

impl Category {
    /// In the survey's order of interest: the ones worth reading first.
    pub const ALL: [Category; 3] = [
        Category::Customised,
        Category::GreetingOnly,
        Category::Default,
    ];

    /// Its place in [`Category::ALL`]: the one order of the groups, for
    /// what is kept per group.
    pub const fn index(self) -> usize {
        match self {
            Category::Customised => 0,
            Category::GreetingOnly => 1,
            Category::Default => 2,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::Default => "default",
            Category::GreetingOnly => "greeting-only",
            Category::Customised => "customised",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl FromStr for Category {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "default" => Ok(Category::Default),
            "greeting-only" => Ok(Category::GreetingOnly),
            "customised" => Ok(Category::Customised),
            other => Err(format!(
                "unknown category `{other}` (expected default, greeting-only or customised)"
            )),
        }
    }
}

bitflags::bitflags! {
    /// Quality signals of a customised note (spec: "Quality signals").
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct Signals: u8 {
        /// Says how the sender knows the recipient or what they share.
        const CONTEXT = 1;
        /// Gives a reason to connect.
        const REASON = 1 << 1;
        /// Offers help without selling.
        const OFFER = 1 << 2;
        /// Sells or recruits.
        const PITCH = 1 << 3;
    }
}

impl Signals {
    /// Each signal with its label, in display order.
    pub const NAMED: [(Signals, &'static str); 4] = [
        (Signals::CONTEXT, "context"),
        (Signals::REASON, "reason"),
        (Signals::OFFER, "offer"),
        (Signals::PITCH, "pitch"),
    ];

    /// The labels of the set signals, e.g. `["context", "offer"]`.
    pub fn labels(self) -> impl Iterator<Item = &'static str> {
        Self::NAMED
            .into_iter()
            .filter(move |(s, _)| self.contains(*s))
            .map(|(_, l)| l)
    }

    /// Comma-separated labels, as in the `signals` column of `classify`.
    pub fn to_csv(self) -> String {
        self.labels().collect::<Vec<_>>().join(",")
    }
}

/// The outcome of classifying one note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classification {
    pub category: Category,
    /// Empty unless the category is `Customised`.
    pub signals: Signals,
}

/// Extra list entries from the config file's `[classify]` table. Every list
/// extends the built-in one; none replaces it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Lists {
    #[serde(deserialize_with = "entries")]
    pub stock_texts: Vec<String>,
    #[serde(deserialize_with = "entries")]
    pub generic_phrases: Vec<String>,
    #[serde(deserialize_with = "words")]
    pub generic_words: Vec<String>,
    #[serde(deserialize_with = "entries")]
    pub salutations: Vec<String>,
    #[serde(deserialize_with = "titles")]
    pub titles: Vec<String>,
    #[serde(deserialize_with = "non_names")]
    pub non_names: Vec<String>,
    #[serde(deserialize_with = "entries")]
    pub closing_phrases: Vec<String>,
    #[serde(deserialize_with = "hints")]
    pub context_hints: Vec<String>,
    #[serde(deserialize_with = "hints")]
    pub reason_hints: Vec<String>,
    #[serde(deserialize_with = "hints")]
    pub offer_hints: Vec<String>,
    #[serde(deserialize_with = "hints")]
    pub pitch_hints: Vec<String>,
}

/// A config list, each entry checked by `check` as it is read: a refused
/// entry is then reported at its own line (an error raised once the whole
/// list is read would carry the line of its key), as one of the wrong type
/// is.
fn checked<'de, D: serde::Deserializer<'de>>(
    d: D,
    check: &dyn Fn(&str) -> Result<(), String>,
) -> Result<Vec<String>, D::Error> {
    /// The list, and each of its entries.
    struct Checked<'a>(&'a dyn Fn(&str) -> Result<(), String>);
    impl<'de> serde::de::Visitor<'de> for Checked<'_> {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            // serde's words, as for any list: the config's message puts
            // them in its own.
            f.write_str("a sequence")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut list = Vec::new();
            while let Some(entry) = seq.next_element_seed(Entry(self.0))? {
                list.push(entry);
            }
            Ok(list)
        }
    }
    struct Entry<'a>(&'a dyn Fn(&str) -> Result<(), String>);
    impl<'de> serde::de::DeserializeSeed<'de> for Entry<'_> {
        type Value = String;
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
            // Checked inside the entry's own deserializer, which gives the
            // error the entry's place.
            d.deserialize_str(self)
        }
    }
    impl serde::de::Visitor<'_> for Entry<'_> {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: serde::de::Error>(self, entry: &str) -> Result<String, E> {
            (self.0)(entry).map_err(E::custom)?;
            Ok(entry.to_string())
        }
    }
    d.deserialize_seq(Checked(check))
}

/// Entries of a list: none blank, which would match nothing (or, once
/// normalised, everything) and say nothing in `lists`; nor without a
/// letter or digit (`"..."`, `"€€€"`): a note is compared by its words, so
/// such an entry matches nothing.
fn entries<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    checked(d, &entry)
}

/// See [`entries`].
fn entry(e: &str) -> Result<(), String> {
    if e.trim().is_empty() {
        return Err("an entry is empty: it would match nothing; remove it".to_string());
    }
    if !e.chars().any(normalise::is_letter_or_digit) {
        return Err(format!(
            "the entry \"{e}\" has no letter or digit, and a note's text is compared by its words: it would match nothing; remove it"
        ));
    }
    Ok(())
}

/// An entry of a list of single words, matched one word of a note at a
/// time: one with a space never would. `instead` says what to do.
fn single_word(e: &str, instead: &str) -> Result<(), String> {
    entry(e)?;
    if e.trim().contains(char::is_whitespace) {
        let apart: Vec<String> = e.split_whitespace().map(|w| format!("\"{w}\"")).collect();
        return Err(format!(
            "\"{e}\" is more than one word, and this list is matched a word at a time, so it would never match; give the words one by one ({}){instead}",
            apart.join(", ")
        ));
    }
    Ok(())
}

/// Generic words: a sentence of them has a list of its own. An entry is
/// one word as a note's words are read (`acme.com` is two, and was taken
/// as two generic words), and has no digit: a word with one is never
/// generic, so `b2b` or `2024` would do nothing.
fn words<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    checked(d, &|e| {
        const INSTEAD: &str = "; a whole sentence goes in generic_phrases";
        single_word(e, INSTEAD)?;
        // Split as written: normalising expands `don't` to the words a
        // note's `don't` becomes, and that is as it should be.
        let folded = normalise::fold_entry(e);
        let parts: Vec<&str> = normalise::words(&folded).collect();
        if parts.len() > 1 {
            return Err(format!(
                "\"{e}\" is read as more than one word ({}), and this list is matched a word at a time, so it would never match; give the words one by one{INSTEAD}",
                quoted(&parts)
            ));
        }
        let norm = normalise::normalise(e);
        if normalise::words(&norm).any(|w| w.chars().any(char::is_numeric)) {
            return Err(format!(
                "\"{e}\" has a digit, and a word with a digit is never generic (a number, a year, a model), so it would never match; remove it"
            ));
        }
        Ok(())
    })
}

/// Titles, each word of a greeting's name checked alone (`Hi Prof Dr
/// Weiß`: `Prof` and `Dr` are both titles): an entry is one word as a
/// greeting reads it, its dot after it (`Dr.`). A greeting reads
/// `Dipl.-Ing.` as `Dipl` and then stops, so such a title would never
/// match.
fn titles<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    checked(d, &|e| {
        single_word(e, ", each checked alone in a greeting's name")?;
        let word = e.trim().trim_end_matches('.');
        if normalise::read_word(word, 0) == Some(word.len()) {
            return Ok(());
        }
        let parts = words_read(word);
        Err(format!(
            "\"{e}\" is not one word as a greeting reads its words ({}), and a title is matched a word at a time (a dot at its end is fine, as in \"Dr.\"), so it would never match; remove it",
            quoted(&parts)
        ))
    })
}

/// Non-names, each word of a greeting's name checked alone (`Sir/Madam`
/// is two, split at the `/`; the punctuation around a word is not part of
/// it). Each part is one word as a greeting reads it: it reads
/// `Acme.com` as `Acme` and stops, so `acme.com` would never match.
fn non_names<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    checked(d, &|e| {
        single_word(e, ", each checked alone in a greeting's name")?;
        for part in e.trim().split('/') {
            let word = normalise::trim_to_words(part);
            if word.is_empty() || normalise::read_word(word, 0) == Some(word.len()) {
                continue;
            }
            let parts = words_read(word);
            return Err(format!(
                "\"{e}\" is not one word as a greeting reads its words ({}), and a non-name is matched a word at a time, so it would never match; give the words one by one",
                quoted(&parts)
            ));
        }
        Ok(())
    })
}

/// The words of `word` as a greeting reads them (`Dipl.-Ing`: `Dipl`,
/// `Ing`), for a message.
fn words_read(word: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut p = 0;
    while let Some(start) = normalise::next_word_start(word, p) {
        p = normalise::read_word(word, start).unwrap_or(word.len());
        parts.push(&word[start..p]);
    }
    parts
}

/// `"a", "b"`, for a message.
fn quoted(words: &[&str]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
    quoted.join(", ")
}

/// A signal hint is a word, a phrase or a symbol such as `$` or `€`: one
/// of punctuation alone (`.`, `!`) would be found in nearly every note and
/// mark it.
fn hints<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    checked(d, &|h| {
        if h.chars().any(means_something) {
            Ok(())
        } else {
            Err(format!(
                "the hint \"{h}\" has no letter, digit or symbol such as $; hints are words or phrases (one of punctuation alone would be found in nearly every note)"
            ))
        }
    })
}

/// A letter, a digit, or a symbol that is not punctuation or a space
/// (`$ € £ % + # @ &`).
fn means_something(c: char) -> bool {
    if c.is_alphanumeric() {
        return true;
    }
    if c.is_ascii() {
        return "$%+#@&".contains(c);
    }
    // Quotes, dashes, ellipses, inverted marks, guillemets and the like.
    let punctuation = matches!(c, '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}')
        || "¡¿«»·¦§¶".contains(c)
        || c.is_whitespace();
    !punctuation
}

/// A list entry as the classifier compares it (NFKC, case, quotes,
/// contractions, spaces): two entries with the same key are one.
///
/// An entry that normalises to nothing (a symbol: `€`, `£`) is its own
/// key, as a hint matches it as written: not one with every other symbol.
pub fn entry_key(entry: &str) -> String {
    let mut nfkc = String::new();
    let mut out = String::new();
    let entry = normalise::nfkc(entry.trim(), &mut nfkc);
    normalise::normalise_into(entry, &mut out);
    if out.is_empty() {
        return entry.to_lowercase();
    }
    out
}

impl Lists {
    /// Each list with the name of its `[classify]` key, built-in entries
    /// first (as `invitriage lists` prints them).
    pub fn named(&self) -> [(&'static str, Vec<&str>, &[String]); 11] {
        let extra: [&[String]; 11] = [
            &self.stock_texts,
            &self.generic_phrases,
            &self.generic_words,
            &self.salutations,
            &self.titles,
            &self.non_names,
            &self.closing_phrases,
            &self.context_hints,
            &self.reason_hints,
            &self.offer_hints,
            &self.pitch_hints,
        ];
        let mut i = 0;
        lists::BUILT_IN.map(|(name, file)| {
            let mine = extra[i];
            i += 1;
            (name, lists::entries(file).collect(), mine)
        })
    }
}

/// A greeting found at the start of a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Greeting {
    pub form: GreetingForm,
    /// As written (after NFKC), with its delimiter: `Hi Colleen,`.
    pub text: String,
    /// The name words after the salutation, or the bare name's words.
    pub name_words: Vec<NameWord>,
    /// Whether a name word is neither a title nor a non-name: `Hi Colleen`
    /// and `Hi Karen` name someone, `Hi,` and `Dear Sir/Madam,` do not.
    pub names_someone: bool,
}

/// One name word of a greeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameWord {
    pub text: String,
    pub kind: NameWordKind,
}

/// Why a body sentence is stock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StockMatch {
    /// One of LinkedIn's default notes (or one added in the config), as
    /// listed, and the edit distance of the sentence from it.
    StockText { text: String, distance: usize },
    /// A generic phrase, as listed, and the edit distance from it.
    GenericPhrase { text: String, distance: usize },
    /// Every word is generic vocabulary or a word of a name.
    Generic,
}

/// One sentence of a note's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// As written (after NFKC).
    pub text: String,
    /// Normalised, as compared with the stock texts.
    pub normalised: String,
    /// `None` when the sentence says something specific.
    pub stock: Option<StockMatch>,
}

impl Sentence {
    pub fn is_stock(&self) -> bool {
        self.stock.is_some()
    }
}

/// A hint that set a signal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignalHint {
    pub signal: Signals,
    /// The hint as listed (lower case), or `link` / `email address`.
    pub hint: String,
}

/// Everything the classifier saw in a note, layer by layer: for the
/// "check my draft" feature and the detail view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub category: Category,
    /// Empty unless the category is `Customised`.
    pub signals: Signals,
    /// LinkedIn's own lines, removed (layer 1).
    pub boilerplate: Vec<String>,
    /// The greeting (layer 2), if any.
    pub greeting: Option<Greeting>,
    /// The body's sentences (layer 4), in order.
    pub sentences: Vec<Sentence>,
    /// The sign-off pieces peeled off the end (layer 3), in note order.
    pub sign_off: Vec<String>,
    /// The hints behind `signals`; empty unless customised.
    pub hints: Vec<SignalHint>,
    /// The name a salutation gives when none of its words is the
    /// recipient's (`Hi Karen,` to Colleen Ruiz): a likely slip when the
    /// note is yours. `None` when the recipient is not known. It never
    /// changes the group: the spec counts `Hi Karen` as naming someone.
    pub greets_other: Option<String>,
}

impl Analysis {
    pub fn classification(&self) -> Classification {
        Classification {
            category: self.category,
            signals: self.signals,
        }
    }

    /// Whether the note opens with a greeting that names someone.
    pub fn names_someone(&self) -> bool {
        self.greeting.as_ref().is_some_and(|g| g.names_someone)
    }

    /// The sentences that say something specific (what makes a note
    /// customised).
    pub fn specific_sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.sentences.iter().filter(|s| !s.is_stock())
    }
}

/// The classifier, with its lists prepared once. Cheap to clone.
#[derive(Clone)]
pub struct Classifier {
    lists: Arc<lists::Prepared>,
}

impl fmt::Debug for Classifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Classifier")
            .field("stock_sentences", &self.lists.stock.len())
            .field("generic_words", &self.lists.generic_words.len())
            .finish_non_exhaustive()
    }
}

impl Default for Classifier {
    fn default() -> Self {
        Self::new(&Lists::default())
    }
}

/// Buffers reused from note to note (one set per thread), so that
/// classifying a note allocates nothing once they have grown.
#[derive(Debug, Default)]
struct Scratch {
    /// The note in NFKC, when it is not already.
    nfkc: String,
    /// The note without boilerplate, when it has some.
    text: String,
    names: Names,
    work: Work,
}

/// The buffers of [`Scratch`] that the layers fill, apart from the text
/// they index into.
#[derive(Debug, Default)]
struct Work {
    fold: String,
    norm: String,
    word: String,
    pieces: Vec<(usize, usize)>,
    peeled: Vec<(usize, usize)>,
    distance: body::DistanceScratch,
}

/// The sender's and recipient's names as words.
#[derive(Debug, Default)]
struct Names {
    sender: names::NameWords,
    recipient: names::NameWords,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut s) => {
            let r = f(&mut s);
            // Do not keep a pathological note's buffers alive.
            let biggest = [
                s.nfkc.capacity(),
                s.text.capacity(),
                s.work.norm.capacity(),
                s.work.fold.capacity(),
            ]
            .into_iter()
            .max()
            .unwrap_or(0);
            if biggest > 1 << 16 {
                *s = Scratch::default();
            }
            r
        }
        Err(_) => f(&mut Scratch::default()),
    })
}

/// The most of a note that is read: LinkedIn takes 300 characters, so a
/// note past this is a damaged file (a field run on), and reading all of
/// it would take several copies of it in memory (a 400 MB "note" took
/// 2.5 GB).
pub const READ_AT_MOST: usize = 1 << 16;

/// `note` up to [`READ_AT_MOST`] bytes, cut after the last sentence's end
/// there (a piece of a sentence cut short reads as a sentence of its own:
/// `Let's connect.` repeated past the limit graded customised for its
/// `L`), or at a character when it has none.
fn readable_part(note: &str) -> &str {
    if note.len() <= READ_AT_MOST {
        return note;
    }
    let end = (0..=READ_AT_MOST)
        .rev()
        .find(|&i| note.is_char_boundary(i))
        .unwrap_or(0);
    let head = &note[..end];
    match head
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '.' | '!' | '?' | '…' | '\n' | '\r'))
    {
        Some((at, c)) => &note[..at + c.len_utf8()],
        None => head,
    }
}

const DEFAULT: Classification = Classification {
    category: Category::Default,
    signals: Signals::empty(),
};

impl Classifier {
    /// The built-in lists extended by `extra`.
    pub fn new(extra: &Lists) -> Self {
        Classifier {
            lists: Arc::new(lists::Prepared::new(extra)),
        }
    }

    /// Whether the config adds hints of context, a reason or an offer to
    /// the built-in (English) ones.
    pub fn good_hints_added(&self) -> bool {
        self.lists.good_hints_added
    }

    /// Classifies one note. `from` is the sender's full name, `to` the
    /// recipient's (used for greeting and sign-off detection).
    ///
    /// The same layers as [`analyse`](Self::analyse), with shortcuts that
    /// cannot change the answer (see the comments).
    pub fn classify(&self, note: &str, from: &str, to: &str) -> Classification {
        let note = readable_part(note);
        // About 40% of notes: no buffer is touched.
        if normalise::is_blank(note) {
            return DEFAULT;
        }
        with_scratch(|s| {
            let Scratch {
                nfkc,
                text,
                names,
                work,
            } = s;
            let src = normalise::nfkc(note, nfkc);
            let t = boilerplate::strip(src, text, None);
            names.recipient.fill(to, &self.lists);
            let ctx = greeting::Ctx {
                lists: &self.lists,
                recipient: &names.recipient,
            };
            let greeting = greeting::detect(t, &ctx, &mut work.word);
            let names_someone = greeting.is_some_and(|g| g.names_someone());
            body::split_pieces(t, greeting.map_or(0, |g| g.end), &mut work.pieces);
            // Taken out of `work` while `work` lends its other buffers.
            let mut pieces = std::mem::take(&mut work.pieces);

            // The common default note is stock texts exactly as listed,
            // maybe signed `- Joe Smith`: when every piece is one (the last
            // may be such a dash line, which is peeled whoever the sender
            // is) and none has a run of spaces, no other sign-off can change
            // the answer (peeling only drops whole pieces then).
            let listed = pieces
                .iter()
                .take_while(|&&(a, b)| self.lists.is_stock_as_listed(&t[a..b]))
                .count();
            let signed = |&(a, b): &(usize, usize)| signoff::is_dash_line(&t[a..b]);
            if (listed == pieces.len()
                || (listed + 1 == pieces.len() && pieces.last().is_some_and(signed)))
                && !pieces
                    .iter()
                    .any(|&(a, b)| signoff::may_have_space_run(&t[a..b]))
            {
                work.pieces = pieces;
                return Classification {
                    category: category(false, names_someone),
                    signals: Signals::empty(),
                };
            }
            names.sender.fill(from, &self.lists);
            let ctx = signoff::Ctx {
                lists: &self.lists,
                sender: &names.sender,
            };
            signoff::peel(t, &mut pieces, &ctx, &mut work.word, &mut work.peeled);
            let mut customised = false;
            let last = pieces.len().saturating_sub(1);
            for (i, &(a, b)) in pieces.iter().enumerate() {
                let piece = &t[a..b];
                // Peeling leaves all but the last piece as they were.
                if (i < listed && i < last) || self.lists.is_stock_as_listed(piece) {
                    continue;
                }
                normalise::normalise_into(piece, &mut work.norm);
                let people = body::People {
                    sender: &names.sender,
                    recipient: &names.recipient,
                };
                if !work.norm.is_empty()
                    && !body::is_stock(&self.lists, &work.norm, &people, &mut work.distance)
                {
                    customised = true;
                    break;
                }
            }
            work.pieces = pieces;
            let category = category(customised, names_someone);
            let signals = if customised {
                let body = body_text(t, &work.pieces);
                signals::find(&self.lists.hints, body, &mut work.fold, None)
            } else {
                Signals::empty()
            };
            Classification { category, signals }
        })
    }

    /// Classifies one note like [`classify`](Self::classify) and says why:
    /// the greeting, the sign-off, each body sentence and what it matched.
    pub fn analyse(&self, note: &str, from: &str, to: &str) -> Analysis {
        let note = readable_part(note);
        let Scratch {
            mut nfkc,
            mut text,
            mut names,
            work: mut s,
        } = Scratch::default();
        let mut boilerplate = Vec::new();
        let (t, found) = if normalise::is_blank(note) {
            ("", None)
        } else {
            self.layout(
                note,
                from,
                to,
                &mut names,
                &mut nfkc,
                &mut text,
                &mut s,
                Some(&mut boilerplate),
            )
        };
        let greeting = found.map(|g| Greeting {
            form: g.form,
            text: t[g.start..g.end].trim_end().to_owned(),
            name_words: g
                .name_words()
                .iter()
                .map(|&(a, b, kind)| NameWord {
                    text: t[a..b].to_owned(),
                    kind,
                })
                .collect(),
            names_someone: g.names_someone(),
        });
        // A name word straight into the sentence ("Hi Great meeting you")
        // may be an ordinary word that was capitalised.
        let delimited =
            found.is_some_and(|g| g.end > g.name_words().last().map_or(g.start, |w| w.1));
        let greets_other = greeting.as_ref().and_then(|g| {
            greets_other(
                g,
                &names.recipient,
                (!delimited).then_some(&self.lists.generic_words),
                &mut s.fold,
            )
        });
        let people = body::People {
            sender: &names.sender,
            recipient: &names.recipient,
        };
        let mut sentences = Vec::new();
        for &(a, b) in &s.pieces {
            normalise::normalise_into(&t[a..b], &mut s.norm);
            if s.norm.is_empty() {
                continue;
            }
            let stock = body::stock_match(&self.lists, &s.norm, &people, &mut s.distance).map(
                |m| match m {
                    body::Stock::Generic => StockMatch::Generic,
                    body::Stock::Entry { index, distance } => {
                        let entry = &self.lists.stock[index];
                        let text = entry.display.clone();
                        match entry.kind {
                            lists::StockKind::StockText => StockMatch::StockText { text, distance },
                            lists::StockKind::GenericPhrase => {
                                StockMatch::GenericPhrase { text, distance }
                            }
                        }
                    }
                },
            );
            sentences.push(Sentence {
                text: t[a..b].to_owned(),
                normalised: s.norm.clone(),
                stock,
            });
        }
        let customised = sentences.iter().any(|s| !s.is_stock());
        let category = category(
            customised,
            greeting.as_ref().is_some_and(|g| g.names_someone),
        );
        let mut hits = Vec::new();
        let signals = if customised {
            signals::find(
                &self.lists.hints,
                body_text(t, &s.pieces),
                &mut s.fold,
                Some(&mut hits),
            )
        } else {
            Signals::empty()
        };
        Analysis {
            category,
            signals,
            boilerplate,
            greeting,
            sentences,
            sign_off: s.peeled.iter().map(|&(a, b)| t[a..b].to_owned()).collect(),
            hints: hits
                .into_iter()
                .map(|(signal, hint)| SignalHint { signal, hint })
                .collect(),
            greets_other,
        }
    }

    /// Layers 1 to 3: returns the note in NFKC without boilerplate (`note`
    /// itself when that is what it is; else in `nfkc` or `text`), which
    /// `w.pieces` (the body's pieces) and `w.peeled` (the sign-off's) index
    /// into, and the greeting; the sender's and recipient's names made into
    /// words in `names`.
    #[allow(clippy::too_many_arguments)]
    fn layout<'a>(
        &self,
        note: &'a str,
        from: &str,
        to: &str,
        names: &mut Names,
        nfkc: &'a mut String,
        text: &'a mut String,
        w: &mut Work,
        boilerplate: Option<&mut Vec<String>>,
    ) -> (&'a str, Option<greeting::Found>) {
        let src = normalise::nfkc(note, nfkc);
        let t = boilerplate::strip(src, text, boilerplate);
        names.sender.fill(from, &self.lists);
        names.recipient.fill(to, &self.lists);
        let ctx = greeting::Ctx {
            lists: &self.lists,
            recipient: &names.recipient,
        };
        let found = greeting::detect(t, &ctx, &mut w.word);
        body::split_pieces(t, found.map_or(0, |g| g.end), &mut w.pieces);
        let ctx = signoff::Ctx {
            lists: &self.lists,
            sender: &names.sender,
        };
        signoff::peel(t, &mut w.pieces, &ctx, &mut w.word, &mut w.peeled);
        (t, found)
    }

    /// Classifies every invitation in place. `fallback_to` stands for the
    /// recipient's name where the `To` column is empty.
    ///
    /// Large inboxes are split across the available cores (each invitation
    /// is classified on its own, so the result is the same).
    pub fn apply(&self, invitations: &mut [Invitation], fallback_to: Option<&str>) {
        /// Below this many per thread, threads cost more than they save.
        const MIN_PER_THREAD: usize = 16_384;
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(invitations.len() / MIN_PER_THREAD);
        if threads <= 1 {
            return self.apply_here(invitations, fallback_to);
        }
        let chunk = invitations.len().div_ceil(threads);
        std::thread::scope(|scope| {
            for part in invitations.chunks_mut(chunk) {
                scope.spawn(move || self.apply_here(part, fallback_to));
            }
        });
    }

    fn apply_here(&self, invitations: &mut [Invitation], fallback_to: Option<&str>) {
        for inv in invitations {
            let to = match (inv.to().trim().is_empty(), fallback_to) {
                (true, Some(name)) => name,
                _ => inv.to(),
            };
            let c = self.classify(inv.message(), inv.from(), to);
            inv.category = c.category;
            inv.signals = c.signals;
        }
    }
}

/// Whether `word` is a short form of the name `name` (both lower case):
/// its start, three letters or more (`col` of Colleen, `alex` of
/// Alexandra), accents aside (`stef` of Stéphane). A nickname of another
/// shape (Bob of Robert) is not told.
fn is_short_form(word: &str, name: &str) -> bool {
    let (word, name) = (fold_accents(word), fold_accents(name));
    word.len() < name.len() && name.starts_with(&word) && word.chars().count() >= 3
}

/// Words that address a role or a group, not a person (lower case): a
/// greeting of these alone ("Dear Hiring Manager", "Hello Team") names
/// nobody else. Not in the spec, whose name check is this app's hint; a
/// short list of its own, as no crate holds one.
const ROLE_WORDS: [&str; 22] = [
    "all",
    "colleague",
    "colleagues",
    "connection",
    "connections",
    "everyone",
    "folks",
    "friend",
    "friends",
    "hiring",
    "manager",
    "madam",
    "madame",
    "network",
    "recruiter",
    "sir",
    "sirs",
    "team",
    "there",
    "lead",
    "director",
    "partner",
];

/// The name words of a salutation that names someone, when the recipient
/// is known and none of them is a word of the recipient's name or
/// matches their first or last name (the spec's "matches"). Words in
/// `ordinary` (the generic words, given when no delimiter ends the
/// greeting) are not taken for a name here: "Hi Great meeting you" and
/// "Hi Hope you are well" greet nobody else, while "Hi Will," still does;
/// nor is a greeting of [`ROLE_WORDS`] alone ("Dear Hiring Manager").
/// The group is not changed by this; it is a hint for the reader.
fn greets_other(
    g: &Greeting,
    recipient: &names::NameWords,
    ordinary: Option<&lists::FastSet<String>>,
    buf: &mut String,
) -> Option<String> {
    if g.form != GreetingForm::Salutation || !g.names_someone || recipient.len() == 0 {
        return None;
    }
    // The name words, by their place among all the words.
    let mut named: Vec<usize> = Vec::new();
    let mut theirs = false;
    for (i, w) in g.name_words.iter().enumerate() {
        if w.kind != NameWordKind::Name {
            continue;
        }
        buf.clear();
        normalise::fold_into(&w.text, buf);
        theirs |= recipient.has(buf)
            || recipient.matches_first(buf)
            || recipient.matches_last(buf)
            || recipient.first().is_some_and(|f| is_short_form(buf, f));
        if !ordinary.is_some_and(|o| o.contains(buf.as_str())) {
            named.push(i);
        }
    }
    if !named.is_empty()
        && named.iter().all(|&i| {
            let w = g.name_words[i].text.to_lowercase();
            ROLE_WORDS.contains(&w.as_str())
        })
    {
        return None;
    }
    // Accents aside, "Hi Jose" greets José García.
    theirs = theirs
        || named
            .iter()
            .any(|&i| recipient.has_without_accents(&g.name_words[i].text));
    let (&first, &last) = (named.first()?, named.last()?);
    // The name as written, from its first name word to its last: a
    // particle between them (`van`, a `non_names` word) stays, "Jan van
    // Dijk" not "Jan Dijk"; a title before it goes.
    (!theirs).then(|| {
        g.name_words[first..=last]
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// The rule's conclusion: any specific sentence makes a note customised;
/// otherwise a greeting that names someone makes it greeting-only.
fn category(customised: bool, names_someone: bool) -> Category {
    match (customised, names_someone) {
        (true, _) => Category::Customised,
        (false, true) => Category::GreetingOnly,
        (false, false) => Category::Default,
    }
}

/// The body: from the first body piece to the last.
fn body_text<'a>(t: &'a str, pieces: &[(usize, usize)]) -> &'a str {
    match (pieces.first(), pieces.last()) {
        (Some(&(a, _)), Some(&(_, b))) => &t[a..b],
        _ => "",
    }
}
