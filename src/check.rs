//! Grading a note before it is sent: its group, the signals it has and lacks
//! (with a hint for each), the stock or generic sentences still in it, and its length
//! against LinkedIn's limit. "If you send an invitation, it's your
//! responsibility to provide the context and start the conversation."

use std::io::{self, Write};

use serde::Serialize;

use crate::classify::{Analysis, Category, Classifier, Signals, StockMatch};

/// Whether `limit` is one of LinkedIn's own (a paid or a free account's).
fn is_linkedins(limit: usize) -> bool {
    limit == PAID_ACCOUNT_LIMIT || limit == FREE_ACCOUNT_LIMIT
}

/// A limit as the verdict names it: LinkedIn's, or the config's own
/// (`note_limit = 20` is not a number LinkedIn set).
fn limit_name(limit: usize) -> String {
    if is_linkedins(limit) {
        format!("LinkedIn's {limit}")
    } else {
        format!("your note_limit of {limit}")
    }
}

/// LinkedIn's limit for a note on a free account.
const FREE_ACCOUNT_LIMIT: usize = 200;

/// LinkedIn's limit for a note on a paid (Premium) account.
const PAID_ACCOUNT_LIMIT: usize = 300;

/// What to add for each missing signal, after the recruiters' and
/// consultants' checklists (look at their profile, personalise, give a
/// reason, offer to serve). Each names things in words the signal's
/// built-in hints read ("met", "mutual", "your post"; "interested in",
/// "question", "advice", "would love to learn"; "happy to help", "glad to
/// introduce", "happy to share"): a writer who follows the advice should
/// see the signal found.
pub fn hint(signal: Signals) -> &'static str {
    if signal == Signals::CONTEXT {
        "say how you know them: where you met, a mutual contact, a post of theirs you read (\"your post on …\"); look at their profile first"
    } else if signal == Signals::REASON {
        "give a reason to connect: what you are interested in, a question or advice for them, what you would love to learn from them"
    } else if signal == Signals::OFFER {
        "offer to serve: say you are happy to help, happy to share your notes, or glad to introduce them to someone"
    } else {
        "it reads as a sales pitch or a recruiting message; lead with them, not with your offer"
    }
}

/// The verdict on one draft note.
#[derive(Debug, Clone)]
pub struct Grade {
    pub analysis: Analysis,
    /// Characters, as LinkedIn counts them.
    pub length: usize,
    pub limit: usize,
    /// Whom the note is for (`--to`, or the Sent tab's invitation); may be empty.
    pub to: String,
    /// Whether the note has none of the commonest English words: written
    /// in another language, which the built-in hints do not read.
    pub not_english: bool,
    /// Whether the config adds hints to the built-in ones.
    pub hints_added: bool,
}

/// Words nearly every English note of a sentence or two holds, and few
/// notes in other languages do (not `will`, `post`, `at`, `have`: German,
/// Italian and Scandinavian words too).
const ENGLISH_WORDS: [&str; 25] = [
    "the", "you", "your", "and", "to", "we", "my", "of", "for", "with", "is", "are", "i", "me",
    "it", "this", "that", "let", "would", "like", "love", "connect", "our", "can", "great",
];

impl Grade {
    pub fn new(classifier: &Classifier, note: &str, me: &str, to: &str, limit: usize) -> Grade {
        let mut words = note
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .peekable();
        let has_words = words.peek().is_some();
        let not_english =
            has_words && !words.any(|w| ENGLISH_WORDS.iter().any(|e| w.eq_ignore_ascii_case(e)));
        Grade {
            analysis: classifier.analyse(note, me, to),
            length: linkedin_length(note),
            limit,
            to: to.trim().to_string(),
            not_english,
            hints_added: classifier.good_hints_added(),
        }
    }

    /// Context, reason and offer: the signals a good note has.
    fn good_signals(&self) -> Signals {
        self.analysis.signals & (Signals::CONTEXT | Signals::REASON | Signals::OFFER)
    }

    pub fn missing(&self) -> Vec<Signals> {
        [Signals::CONTEXT, Signals::REASON, Signals::OFFER]
            .into_iter()
            .filter(|s| !self.analysis.signals.contains(*s))
            .collect()
    }

    fn is_pitch(&self) -> bool {
        self.analysis.signals.contains(Signals::PITCH)
    }

    pub fn within_limit(&self) -> bool {
        self.length <= self.limit
    }

    /// Customised, with at least one of context / reason / offer, and short
    /// enough to send.
    pub fn passes(&self) -> bool {
        self.shortcomings().is_empty()
    }

    /// Why the note is not ready to send, each reason in a few words (the
    /// lines above the verdict say more); empty when it [passes](Self::passes).
    pub fn shortcomings(&self) -> Vec<String> {
        let mut out = Vec::new();
        let category = self.analysis.category;
        if category != Category::Customised {
            out.push(format!("not customised (it reads as {})", category.label()));
        } else if self.good_signals().is_empty() {
            out.push("no context, reason or offer".to_string());
        }
        if !self.within_limit() {
            let over = self.length - self.limit;
            out.push(format!(
                "{over} character{} over {}",
                crate::text::plural(over),
                limit_name(self.limit)
            ));
        }
        out
    }

    /// The body sentences that are stock or generic, with why.
    pub fn stock_sentences(&self) -> Vec<(&str, String)> {
        self.analysis
            .sentences
            .iter()
            .filter_map(|s| {
                let why = match s.stock.as_ref()? {
                    StockMatch::StockText { distance: 0, .. } => {
                        "LinkedIn's stock text".to_string()
                    }
                    StockMatch::StockText { text, .. } => {
                        format!("LinkedIn's stock text, nearly: “{text}”")
                    }
                    StockMatch::GenericPhrase { distance: 0, .. } => "a generic phrase".to_string(),
                    StockMatch::GenericPhrase { text, .. } => {
                        format!("a generic phrase, nearly: “{text}”")
                    }
                    StockMatch::Generic => {
                        "generic: says nothing specific about either of you".to_string()
                    }
                };
                Some((s.text.as_str(), why))
            })
            .collect()
    }

    /// The body sentences that are neither stock nor generic: what makes
    /// a note customised (empty unless it is).
    pub fn specific_sentences(&self) -> Vec<&str> {
        match self.analysis.category {
            Category::Customised => self
                .analysis
                .specific_sentences()
                .map(|s| s.text.as_str())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The one-line advice for a note that is not customised.
    fn personalise(&self) -> Option<&'static str> {
        match self.analysis.category {
            Category::Customised => None,
            Category::GreetingOnly => Some(
                "a greeting is a start, but nothing else here is about them: add one specific sentence",
            ),
            Category::Default => Some(
                "this is what 82% of the invitations in a surveyed inbox look like: no note or stock text; personalise it with one specific sentence",
            ),
        }
    }
}

/// `check` as text.
pub fn write_text(w: &mut impl Write, g: &Grade) -> io::Result<()> {
    let a = &g.analysis;
    let labels: Vec<&str> = a.signals.labels().collect();
    writeln!(
        w,
        "{}{}",
        a.category.label(),
        if labels.is_empty() {
            String::new()
        } else {
            format!(" · {}", labels.join(", "))
        }
    )?;
    if let Some(p) = g.personalise() {
        writeln!(w, "  ✗ {p}")?;
    }
    for s in [Signals::CONTEXT, Signals::REASON, Signals::OFFER] {
        let name = Signals::NAMED.iter().find(|n| n.0 == s).map_or("", |n| n.1);
        if a.signals.contains(s) {
            let why: Vec<&str> = a
                .hints
                .iter()
                .filter(|h| h.signal == s)
                .map(|h| h.hint.as_str())
                .collect();
            writeln!(w, "  ✓ {name:<8} found “{}”", why.join("”, “"))?;
        } else {
            writeln!(w, "  ✗ {name:<8} {}", hint(s))?;
        }
    }
    if g.is_pitch() {
        let why: Vec<&str> = a
            .hints
            .iter()
            .filter(|h| h.signal == Signals::PITCH)
            .map(|h| h.hint.as_str())
            .collect();
        writeln!(
            w,
            "  ! pitch    {} ({})",
            hint(Signals::PITCH),
            why.join(", ")
        )?;
    }
    if let Some(other) = &a.greets_other {
        writeln!(
            w,
            "  ! name     it greets “{other}”, and it goes to {}: the right name?",
            // As one would write it (`DOE, JANE`: Jane Doe).
            crate::reply::readable_name(&g.to, &crate::reply::Titles::default())
                .unwrap_or_else(|| crate::text::one_line(&g.to))
        )?;
    }
    // A ✗ on a note in German says little of the note: say why. One
    // English loan word (`meetup`) may find one signal, and the others
    // still go unread.
    if g.not_english && !g.missing().is_empty() && a.category == Category::Customised {
        if g.hints_added && !g.good_signals().is_empty() {
            writeln!(
                w,
                "  (the built-in hints are English words and phrases; they and those your config adds find no more in this note: `invitriage lists context_hints` prints them all)"
            )?;
        } else if g.hints_added {
            // Told to add what the config has added, a user would doubt
            // the config was read.
            writeln!(
                w,
                "  (the built-in hints are English words and phrases; none of them, nor of those your config adds, is in this note: `invitriage lists context_hints` prints them all)"
            )?;
        } else {
            writeln!(
                w,
                "  (the hints are English words and phrases: `invitriage lists context_hints` prints them; `[classify] context_hints`, `reason_hints` and `offer_hints` in the config add your language's)"
            )?;
        }
    }
    let stock = g.stock_sentences();
    if !stock.is_empty() {
        writeln!(w, "stock or generic sentences still in it:")?;
        for (text, why) in stock {
            writeln!(w, "  - “{}” ({why})", crate::text::one_line(text))?;
        }
    }
    // Customised with nothing a good note has: which words made it so (a
    // misspelt name, `Thx`), or the verdict reads as arbitrary.
    if a.category == Category::Customised && g.good_signals().is_empty() {
        writeln!(w, "what reads as specific, so customised:")?;
        for text in g.specific_sentences() {
            writeln!(w, "  - “{}”", crate::text::one_line(text))?;
        }
    }
    // A limit of the config's own above LinkedIn's (`note_limit = 500`)
    // still hears of LinkedIn's.
    let free = if g.length > PAID_ACCOUNT_LIMIT && g.limit > PAID_ACCOUNT_LIMIT {
        format!(
            "; over the {PAID_ACCOUNT_LIMIT} LinkedIn takes ({FREE_ACCOUNT_LIMIT} on a free account)"
        )
    } else if g.length > FREE_ACCOUNT_LIMIT && g.limit > FREE_ACCOUNT_LIMIT {
        format!("; over the {FREE_ACCOUNT_LIMIT} a free account allows")
    } else {
        String::new()
    };
    writeln!(
        w,
        "length: {} of {} character{}{}{free}",
        g.length,
        g.limit,
        crate::text::plural(g.limit),
        if g.within_limit() {
            String::new()
        } else if is_linkedins(g.limit) {
            format!(
                ": {} too many, LinkedIn will not take it",
                g.length - g.limit
            )
        } else {
            format!(": {} too many for your note_limit", g.length - g.limit)
        }
    )?;
    if g.passes() {
        // A name of someone else's is worth a look before sending, not a
        // fail: a nickname ("Bob" to Robert) is the note's to use.
        match &g.analysis.greets_other {
            Some(other) => writeln!(w, "ready to send, if “{other}” is the name you mean"),
            None => writeln!(w, "ready to send"),
        }
    } else {
        writeln!(w, "not ready: {}", g.shortcomings().join("; "))
    }
}

#[derive(Serialize)]
struct Json<'a> {
    category: &'static str,
    signals: Vec<&'static str>,
    /// The advice for a note that is not customised.
    advice: Option<&'static str>,
    missing: Vec<Missing>,
    pitch: bool,
    /// What to do about a pitch, when it is one.
    pitch_hint: Option<&'static str>,
    greeting: Option<&'a str>,
    /// The recipient (`--to`), when given.
    to: Option<&'a str>,
    /// The name the greeting gives, when it is not the recipient's.
    greets_other: Option<&'a str>,
    stock_sentences: Vec<StockJson<'a>>,
    /// What makes the note customised: the body sentences neither stock
    /// nor generic (empty unless customised).
    specific_sentences: Vec<&'a str>,
    length: usize,
    limit: usize,
    within_limit: bool,
    passes: bool,
    /// Why it does not pass, each in a few words (empty when it does).
    shortcomings: Vec<String>,
}

#[derive(Serialize)]
struct Missing {
    signal: &'static str,
    hint: &'static str,
}

#[derive(Serialize)]
struct StockJson<'a> {
    text: &'a str,
    why: String,
}

/// [`write_text`] fitted to `width` columns (a terminal's): each line
/// wrapped at spaces, its further lines under its own text.
pub fn write_text_wrapped(w: &mut impl Write, g: &Grade, width: usize) -> io::Result<()> {
    let mut out = Vec::new();
    write_text(&mut out, g)?;
    for line in String::from_utf8_lossy(&out).lines() {
        for part in wrap_line(line, width) {
            writeln!(w, "{part}")?;
        }
    }
    Ok(())
}

/// One line of [`write_text`] wrapped to `width`, so that it goes on under
/// its own text (`✗ reason   give a reason … / from them`), not at the left
/// edge.
pub fn wrap_line(line: &str, width: usize) -> Vec<String> {
    let indent = " ".repeat(hanging_indent(line).min(width / 2));
    // `greeting-only` is one word: not split at its hyphen.
    let options = textwrap::Options::new(width)
        .subsequent_indent(&indent)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(line, options)
        .into_iter()
        .map(|part| part.into_owned())
        .collect()
}

/// Where the text of a verdict line starts, for its wrapped lines: after
/// the label and the spaces that follow it (`  ✗ reason   give …`), or after
/// the marker (`  - “…”`), or at the line's own indent.
fn hanging_indent(line: &str) -> usize {
    let lead = line.len() - line.trim_start().len();
    let rest = &line[lead..];
    let marked = rest.starts_with(['✓', '✗', '!', '-']);
    if !marked {
        return lead;
    }
    let marker = rest.chars().next().map_or(0, char::len_utf8);
    let after = &rest[marker..];
    // A label is one word followed by two spaces or more.
    let label = after.trim_start();
    let word = label.find(' ').unwrap_or(label.len());
    let gap = label[word..].len() - label[word..].trim_start().len();
    let chars = |s: &str| s.chars().count();
    if gap >= 2 {
        chars(&line[..lead]) + 1 + (after.len() - label.len()) + chars(&label[..word]) + gap
    } else {
        chars(&line[..lead]) + 1 + (after.len() - label.len())
    }
}

/// `check --json`: one object, for scripts and editors.
pub fn write_json(w: &mut impl Write, g: &Grade) -> io::Result<()> {
    let out = Json {
        category: g.analysis.category.label(),
        signals: g.analysis.signals.labels().collect(),
        missing: g
            .missing()
            .into_iter()
            .map(|s| Missing {
                signal: Signals::NAMED.iter().find(|n| n.0 == s).map_or("", |n| n.1),
                hint: hint(s),
            })
            .collect(),
        advice: g.personalise(),
        pitch: g.is_pitch(),
        pitch_hint: g.is_pitch().then(|| hint(Signals::PITCH)),
        greeting: g.analysis.greeting.as_ref().map(|gr| gr.text.as_str()),
        to: Some(g.to.as_str()).filter(|t| !t.is_empty()),
        greets_other: g.analysis.greets_other.as_deref(),
        stock_sentences: g
            .stock_sentences()
            .into_iter()
            .map(|(text, why)| StockJson { text, why })
            .collect(),
        specific_sentences: g.specific_sentences(),
        length: g.length,
        limit: g.limit,
        within_limit: g.within_limit(),
        passes: g.passes(),
        shortcomings: g.shortcomings(),
    };
    serde_json::to_writer_pretty(&mut *w, &out)?;
    writeln!(w)
}

/// A note's length as LinkedIn counts it: of the trimmed text, a Windows
/// line end (`\r\n`, from a note saved in Notepad) being one line break,
/// as it is once pasted. Counted in UTF-16 units, as a web page's text box
/// (JavaScript's `length`, HTML's `maxlength`) and a Java server count: a
/// character beyond the Basic Multilingual Plane (most emoji: `😀`) is 2,
/// and `👍🏽` 4. Counted in characters, a note of emoji read as fitting
/// where LinkedIn would refuse it.
pub fn linkedin_length(note: &str) -> usize {
    let note = note.trim();
    note.encode_utf16().count() - note.matches("\r\n").count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A note with Windows line ends is as long as the same note with
    /// plain ones: the same verdict either way.
    #[test]
    fn a_windows_line_end_is_one_character() {
        let unix = format!("{}\nWe met at PyCon. {}", "x".repeat(149), "y".repeat(133));
        let windows = unix.replace('\n', "\r\n");
        let (u, w) = (grade(&unix), grade(&windows));
        assert_eq!(u.length, 300);
        assert_eq!(w.length, 300);
        assert_eq!(u.passes(), w.passes());
        assert_eq!(linkedin_length("a\r\n\r\nb\rc"), 6);
    }

    #[test]
    fn wrapped_verdict_lines_hang_under_their_text() {
        assert_eq!(hanging_indent("  ✗ reason   give a reason"), 13);
        assert_eq!(hanging_indent("  ✓ context  found “met”"), 13);
        assert_eq!(hanging_indent("  - “I'd like to add you”"), 4);
        assert_eq!(hanging_indent("  - x"), 4);
        assert_eq!(hanging_indent("  ✗   ab  c"), 10);
        assert_eq!(hanging_indent("length: 71 of 300 characters"), 0);
        assert_eq!(hanging_indent("   plain"), 3);
    }

    /// A group's label is one word in a wrapped line: `greeting-only` is
    /// not cut at its hyphen.
    #[test]
    fn a_wrapped_line_keeps_greeting_only_whole() {
        let line = "a note that only greets (it reads as greeting-only)";
        let parts = wrap_line(line, 48);
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert_eq!(parts[1], "greeting-only)", "{parts:?}");
    }

    /// `invitriage check` in a 60-column terminal: no line longer, and each
    /// hint goes on under its own text.
    #[test]
    fn text_wrapped_to_a_terminal_hangs_under_each_hint() {
        let g = grade("Hello");
        let mut out = Vec::new();
        write_text_wrapped(&mut out, &g, 60).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().all(|l| l.chars().count() <= 60), "{text}");
        let lines: Vec<&str> = text.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with("  ✗ context  say how"))
            .expect(&text);
        assert!(lines[at + 1].starts_with(&" ".repeat(13)), "{text}");
        assert!(!lines[at + 1].starts_with(&" ".repeat(14)), "{text}");
    }

    fn grade(note: &str) -> Grade {
        Grade::new(
            &Classifier::default(),
            note,
            "Colleen Ruiz",
            "Sam Rivera",
            300,
        )
    }

    /// Each missing signal's advice is worded so that a note that follows
    /// any one of its suggestions has the signal: a writer who does as
    /// `check` says sees a ✓.
    #[test]
    fn following_the_advice_finds_the_signal() {
        for signal in [Signals::CONTEXT, Signals::REASON, Signals::OFFER] {
            let (_, wording) = hint(signal).split_once(": ").unwrap();
            for suggestion in wording.split(", ") {
                let note = format!("Hi Sam, {suggestion}.");
                let found = grade(&note).analysis.signals;
                assert!(found.contains(signal), "{note}: {found:?}");
            }
        }
    }

    /// A note that greets someone other than its recipient: a slip worth a
    /// second look, not a verdict (a nickname is fine).
    #[test]
    fn a_greeting_to_another_name_is_flagged() {
        let other = |note: &str| grade(note).analysis.greets_other;
        assert_eq!(other("Hi Jo, we met at the summit."), Some("Jo".into()));
        // It passes, and the verdict asks about the name.
        let out = text(&grade("Hi Jo, we met at the summit."));
        assert!(
            out.ends_with("\nready to send, if “Jo” is the name you mean\n"),
            "{out}"
        );
        assert!(text(&grade("Hi Sam, we met at the summit.")).ends_with("\nready to send\n"));
        // A role or a group is nobody else's name.
        for note in [
            "Dear Hiring Manager, we met at the summit.",
            "Hello Team, we met at the summit.",
            "Dear Sir or Madam, we met at the summit.",
        ] {
            assert_eq!(other(note), None, "{note}");
        }
        assert_eq!(other("Dear Manager Jo, we met."), Some("Manager Jo".into()));
        assert_eq!(
            other("Dear Dr. Jo Smith, we met at the summit."),
            Some("Jo Smith".into()),
            "the title is not part of the name"
        );
        assert_eq!(
            other("Hi Samm, we met."),
            Some("Samm".into()),
            "Sam is short: exact only"
        );
        assert_eq!(
            other("Hi Will, we met at the summit."),
            Some("Will".into()),
            "a name that is also a word, set off by a comma"
        );
        for theirs in [
            "Hi Great meeting you at the summit.",
            "Hi Hope you are well, we met at the summit.",
            "Hi Sam, we met at the summit.",
            "hi sam, we met.",
            "Dear Ms. Rivera, we met.",
            "Hi Rivere, we met.",
            "Hi Sam Rivera, we met.",
            "Sam, we met at the summit.",
            "Hi there, we met at the summit.",
            "Hi, we met at the summit.",
            "We met at the summit.",
            "",
        ] {
            assert_eq!(other(theirs), None, "{theirs}");
        }
        let hyphen = Grade::new(
            &Classifier::default(),
            "Hi Anne, we met.",
            "",
            "Anne-Marie Dubois",
            300,
        );
        assert_eq!(hyphen.analysis.greets_other, None);
        // Accents aside, it is their name.
        let to = |note: &str, name: &str| {
            Grade::new(&Classifier::default(), note, "", name, 300)
                .analysis
                .greets_other
        };
        assert_eq!(to("Hi José, we met.", "Jose Garcia"), None);
        assert_eq!(to("Hi Zoe, we met.", "Zoë Müller"), None);
        assert_eq!(to("Hi José-Luis, we met.", "Jose Luis Garcia"), None);
        assert_eq!(to("Hi Jose Luis, we met.", "José-Luis García"), None);
        // An umlaut spelt out, as German writes it without the letter.
        assert_eq!(to("Hallo Juergen, we met.", "Jürgen Weiß"), None);
        assert_eq!(to("Hi Soeren, we met.", "Søren Kierkegaard"), None);
        assert_eq!(
            to("Hallo Jurgen, we met.", "Jürgen Weiß"),
            None,
            "the umlaut dropped"
        );
        assert_eq!(
            to("Hi Zoe, we met.", "Chloë Müller").as_deref(),
            Some("Zoe")
        );
        // A short form of the first name is theirs: its first three
        // letters or more.
        assert_eq!(to("Hey Col, we met.", "Colleen Baker"), None);
        assert_eq!(to("Hi Alex, we met.", "Alexandra Ruiz"), None);
        assert_eq!(to("Hey Steph, we met.", "Stéphane Roux"), None);
        assert_eq!(to("Hi Co, we met.", "Colleen Baker").as_deref(), Some("Co"));
        assert_eq!(
            to("Hi Bak, we met.", "Colleen Baker").as_deref(),
            Some("Bak"),
            "of the first name only"
        );
        // A particle taught as a non-name stays in the name shown.
        let particles = Classifier::new(&crate::classify::Lists {
            non_names: vec!["van".into()],
            ..Default::default()
        });
        let dijk = Grade::new(
            &particles,
            "Hallo Jan van Dijk, we met.",
            "",
            "Colleen Ruiz",
            300,
        );
        assert_eq!(dijk.analysis.greets_other.as_deref(), Some("Jan van Dijk"));
        let unknown = Grade::new(&Classifier::default(), "Hi Jo, we met.", "", " ", 300);
        assert_eq!(
            unknown.analysis.greets_other, None,
            "no recipient, no check"
        );

        let g = grade("Hi Jo, we met at the ASCM summit and I'd value your advice.");
        assert_eq!(
            g.analysis.category,
            Category::Customised,
            "the group is unchanged"
        );
        assert!(g.passes(), "a warning, not a verdict");
        let mut out = Vec::new();
        write_text(&mut out, &g).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains(
                "\n  ! name     it greets “Jo”, and it goes to Sam Rivera: the right name?\n"
            ),
            "{text}"
        );
        let mut out = Vec::new();
        write_json(&mut out, &g).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(json["greets_other"], "Jo");
        let mut out = Vec::new();
        write_json(&mut out, &grade("Hi Sam, we met.")).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert!(json["greets_other"].is_null());
    }

    #[test]
    fn a_good_note_passes() {
        let g = grade(
            "Hi Sam, we met at the ASCM forum in Lisbon. I'm moving into supply planning and would love your advice; happy to share our carrier scorecard in return.",
        );
        assert_eq!(g.analysis.category, Category::Customised);
        assert!(g.good_signals().contains(Signals::CONTEXT));
        assert!(g.good_signals().contains(Signals::REASON));
        assert!(g.passes());
    }

    #[test]
    fn a_lazy_note_fails_with_advice() {
        let g = grade("I'd like to add you to my professional network on LinkedIn.");
        assert_eq!(g.analysis.category, Category::Default);
        assert!(!g.passes());
        assert_eq!(g.missing().len(), 3);
        let mut out = Vec::new();
        write_text(&mut out, &g).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("personalise"), "{out}");
        assert!(out.contains("LinkedIn's stock text"), "{out}");
        assert!(out.contains("not ready"), "{out}");
    }

    /// A customised note with nothing a good note has names the words
    /// that made it customised; a note with a signal, or not customised,
    /// does not.
    #[test]
    fn a_customised_note_without_signals_names_what_is_specific() {
        let text = |g: &Grade| {
            let mut out = Vec::new();
            write_text(&mut out, g).unwrap();
            String::from_utf8(out).unwrap()
        };
        let g = grade("Hi Sam, I'd like to add you to my professional network on LinkedIn. Thx");
        assert_eq!(g.specific_sentences(), ["Thx"]);
        assert!(
            text(&g).contains("\nwhat reads as specific, so customised:\n  - “Thx”\n"),
            "{}",
            text(&g)
        );
        let mut out = Vec::new();
        write_json(&mut out, &g).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(json["specific_sentences"], serde_json::json!(["Thx"]));
        let good = grade("Hi Sam, we met at the ASCM forum in Lisbon.");
        assert!(!text(&good).contains("what reads as specific"));
        let stock = grade("Hi Sam, I'd like to add you to my professional network on LinkedIn.");
        assert!(stock.specific_sentences().is_empty());
        assert!(!text(&stock).contains("what reads as specific"));
    }

    /// The name slip comes before the paragraph on English hints (a short
    /// pad shows the first lines), and names the person as one writes it;
    /// a family-name-first recipient of three capitals (`Lee, ANN`) is
    /// greeted by the given name.
    #[test]
    fn the_name_slip_comes_first_and_reads_as_written() {
        let text = |g: &Grade| {
            let mut out = Vec::new();
            write_text(&mut out, g).unwrap();
            String::from_utf8(out).unwrap()
        };
        let c = Classifier::default();
        let g = Grade::new(
            &c,
            "Hallo Karl, ich möchte mich vernetzen.",
            "",
            "DOE, JANE",
            300,
        );
        let out = text(&g);
        let name = out.find("! name     it greets “Karl”, and it goes to Jane Doe:");
        let hints = out.find("(the hints are English words");
        assert!(name.is_some() && hints.is_some() && name < hints, "{out}");
        let ann = Grade::new(&c, "Hi Ann, we met at the ASCM forum.", "", "Lee, ANN", 300);
        assert_eq!(ann.analysis.greets_other, None, "{}", text(&ann));
    }

    #[test]
    fn stock_text_with_a_typo_is_still_named() {
        let g = grade("Hi Sam, I'd like to add you to my profesional network on LinkedIn.");
        assert_eq!(g.analysis.category, Category::GreetingOnly);
        let stock = g.stock_sentences();
        assert_eq!(stock.len(), 1);
        assert!(stock[0].1.contains("nearly"), "{:?}", stock);
    }

    #[test]
    fn too_long_fails_even_when_good() {
        let mut note = String::from(
            "We met at the ASCM forum in Lisbon and I would love your advice on carrier scorecards. ",
        );
        while note.chars().count() <= 300 {
            note.push_str("More detail about the scorecard project. ");
        }
        let g = grade(&note);
        assert_eq!(g.analysis.category, Category::Customised);
        assert!(!g.within_limit());
        assert!(!g.passes());
        let mut out = Vec::new();
        write_text(&mut out, &g).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("too many"), "{out}");
        let over = g.length - 300;
        assert!(
            out.ends_with(&format!(
                "\nnot ready: {over} characters over LinkedIn's 300\n"
            )),
            "the verdict names the length, not the ✗ lines: {out}"
        );
    }

    /// Three ✗ on a note in another language say why: the hints are
    /// English. An English note without signals is not told so.
    #[test]
    fn a_note_in_another_language_is_told_the_hints_are_english() {
        let german = grade(
            "Hallo Lukas, wir haben uns auf der DMEXCO in Köln getroffen. Ich will gern mehr über Ihre Post erfahren.",
        );
        assert!(german.not_english);
        assert!(text(&german).contains("(the hints are English words and phrases"));
        let english = grade("Great post on warehouse robotics. Let's connect.");
        assert!(!english.not_english);
        let english = grade("Loved the photos from Lisbon!");
        assert!(!english.not_english);
        assert!(!text(&english).contains("hints are English"));
        assert!(!grade("").not_english, "no words, no language");
        // With German hints in the config, it is not told to add them.
        let lists = crate::classify::Lists {
            context_hints: vec!["getroffen".into()],
            ..Default::default()
        };
        let with_hints = Grade::new(
            &Classifier::new(&lists),
            "Hallo Lukas, ich habe Ihren Beitrag über Logistik gelesen.",
            "Colleen Ruiz",
            "Sam Rivera",
            300,
        );
        let out = text(&with_hints);
        assert!(
            out.contains("none of them, nor of those your config adds, is in this note"),
            "{out}"
        );
        assert!(!out.contains("add your language's"), "{out}");
        // One English loan word finds one signal; the others still go
        // unread, and it says why.
        let meetup = grade(
            "Hallo Lukas, wir haben uns beim Rust-Meetup in Berlin getroffen. Ich würde gern von Ihnen lernen.",
        );
        assert!(!meetup.good_signals().is_empty());
        assert!(
            text(&meetup).contains("(the hints are English words and phrases"),
            "{}",
            text(&meetup)
        );
        let out = text(&Grade::new(
            &Classifier::new(&lists),
            "Hallo Lukas, wir haben uns beim Rust-Meetup in Berlin getroffen.",
            "Colleen Ruiz",
            "Sam Rivera",
            300,
        ));
        assert!(
            out.contains("they and those your config adds find no more in this note"),
            "{out}"
        );
    }

    /// The verdict names what keeps a note from passing, every reason of
    /// it, and nothing that does not.
    #[test]
    fn the_verdict_names_each_reason() {
        let verdict = |g: &Grade| text(g).lines().last().unwrap().to_string();
        let long = |note: &str| {
            let mut note = note.to_string();
            while note.chars().count() <= 300 {
                note.push_str(" Loved the photos from Lisbon!");
            }
            note
        };
        let signals = long("We met at the ASCM forum in Lisbon.");
        let g = grade(&signals);
        assert_eq!(g.analysis.category, Category::Customised);
        assert!(!g.good_signals().is_empty());
        assert_eq!(
            verdict(&g),
            format!(
                "not ready: {} characters over LinkedIn's 300",
                g.length - 300
            )
        );
        let g = Grade::new(&Classifier::default(), &signals, "", "Sam Rivera", 200);
        assert_eq!(
            verdict(&g),
            format!(
                "not ready: {} characters over LinkedIn's 200",
                g.length - 200
            ),
            "the configured limit"
        );

        let none = long("Loved the photos from Lisbon!");
        let g = grade(&none);
        assert_eq!(g.analysis.category, Category::Customised);
        assert!(g.good_signals().is_empty());
        assert_eq!(
            verdict(&g),
            format!(
                "not ready: no context, reason or offer; {} characters over LinkedIn's 300",
                g.length - 300
            )
        );
        assert_eq!(
            verdict(&grade("Loved the photos from Lisbon!")),
            "not ready: no context, reason or offer"
        );
        // One over: one character.
        let one_over = format!("We met at the ASCM forum in Lisbon.{}", " x".repeat(133));
        assert_eq!(one_over.chars().count(), 301);
        assert_eq!(
            verdict(&grade(&one_over)),
            "not ready: 1 character over LinkedIn's 300"
        );
        assert_eq!(
            verdict(&grade(
                "Hi Sam, I'd like to add you to my professional network."
            )),
            "not ready: not customised (it reads as greeting-only)"
        );
        assert_eq!(
            verdict(&grade("We met at the ASCM forum in Lisbon.")),
            "ready to send"
        );
        // Emoji count as a web page counts them: 299 characters, one of
        // them beyond the Basic Multilingual Plane, are 300; two are 301.
        let base = format!("We met at the ASCM forum in Lisbon.{}", " x".repeat(131));
        assert_eq!(base.chars().count(), 297);
        let fits = format!("{base} 😀");
        assert_eq!(grade(&fits).length, 300);
        assert_eq!(verdict(&grade(&fits)), "ready to send");
        assert_eq!(
            verdict(&grade(&format!("{base}😀😀"))),
            "not ready: 1 character over LinkedIn's 300"
        );
        assert_eq!(grade("Hi 👍🏽").length, 7, "a toned emoji is 4");
    }

    #[test]
    fn customised_without_signals_fails() {
        let g = grade("Loved the photos from Lisbon!");
        assert_eq!(g.analysis.category, Category::Customised);
        assert!(g.good_signals().is_empty());
        assert!(!g.passes());
    }

    #[test]
    fn pitch_is_flagged_in_json() {
        let g = grade(
            "Hi Sam, we help logistics firms cut freight spend 20%. Book a call: https://example.com",
        );
        let mut out = Vec::new();
        write_json(&mut out, &g).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["pitch"], true);
        assert_eq!(v["category"], "customised");
        assert_eq!(v["passes"], false);
        assert_eq!(v["limit"], 300);
        let missing: Vec<&str> = v["missing"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["signal"].as_str().unwrap())
            .collect();
        assert_eq!(missing, ["context", "reason", "offer"]);
    }

    fn text(g: &Grade) -> String {
        let mut out = Vec::new();
        write_text(&mut out, g).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The pitch line names the pitch hints found, and only those.
    #[test]
    fn pitch_line_names_its_hints() {
        let out = text(&grade("We met at the expo. We're hiring: send me your CV!"));
        let line = out
            .lines()
            .find(|l| l.starts_with("  ! pitch"))
            .expect(&out);
        assert!(line.ends_with("(hiring, cv)"), "{line}");
    }

    /// Over 200 characters a note fits a paid account's 300 but not a free
    /// one's, and says so; with the limit set to 200 the limit says it.
    #[test]
    fn the_free_account_limit_is_named_between_200_and_300() {
        let mut note = String::from("We met at the ASCM forum in Lisbon. ");
        while note.chars().count() <= 200 {
            note.push_str("More about scorecards. ");
        }
        let free = "over the 200 a free account allows";
        assert!(text(&grade(&note)).contains(free));
        assert!(!text(&grade("We met at the ASCM forum in Lisbon.")).contains(free));
        let exactly: String = note.chars().take(200).collect();
        assert!(!text(&grade(&exactly)).contains(free), "200 fits");
        let g = Grade::new(&Classifier::default(), &note, "", "Sam Rivera", 200);
        assert!(!text(&g).contains(free));
        // Over 300 with a limit of the config's own above it: LinkedIn's
        // limit is named too.
        while note.chars().count() <= 300 {
            note.push_str("More about scorecards. ");
        }
        let g = Grade::new(&Classifier::default(), &note, "", "Sam Rivera", 500);
        let out = text(&g);
        assert!(
            out.contains("over the 300 LinkedIn takes (200 on a free account)"),
            "{out}"
        );
    }

    /// The hanging indent is at most half the width, so a narrow terminal
    /// still has room for the words.
    #[test]
    fn the_hanging_indent_stops_at_half_the_width() {
        let lines = wrap_line("  ✗ context  say how you know them or what you share", 20);
        assert!(lines.len() > 2, "{lines:?}");
        for line in &lines[1..] {
            assert!(line.starts_with(&" ".repeat(10)), "{lines:?}");
            assert!(!line.starts_with(&" ".repeat(11)), "{lines:?}");
        }
    }
}
