//! Reply templates and placeholder filling: "reply but don't accept" drafts
//! and thank-you notes after an accept.
//!
//! A template is text with placeholders `{first_name}`, `{last_name}`,
//! `{full_name}` (the other person), `{my_first_name}` and `{my_name}` (you:
//! `name` in the config,
//! else the `To` column of the invitation; left empty when neither names
//! you, since "there" would sign the draft). `{{` and `}}` stand for braces.

use crate::classify::Category;
use crate::text::one_line;

/// The placeholders a template may use.
/// The longest message LinkedIn sends, in characters as it counts them
/// ([`crate::check::linkedin_length`]): a draft longer than this is cut or
/// refused there.
pub const MESSAGE_LIMIT: usize = 8000;

/// How far `text` is over [`MESSAGE_LIMIT`], if it is.
pub fn over_message_limit(text: &str) -> Option<usize> {
    crate::check::linkedin_length(text)
        .checked_sub(MESSAGE_LIMIT)
        .filter(|&n| n > 0)
}

pub const PLACEHOLDERS: [&str; 5] = [
    "first_name",
    "last_name",
    "full_name",
    "my_first_name",
    "my_name",
];

/// The built-in templates: (name, what it is for, text).
pub const BUILT_IN: [(&str, &str, &str); 4] = [
    (
        "stranger",
        "a stranger with a default note",
        "Hi {first_name},\n\nThanks for the invitation. Since we don't know each other, I thought I'd reach out to find out how I can help you. What made you want to connect?\n\n{my_first_name}",
    ),
    (
        "greeting",
        "a note that only says hello",
        "Hi {first_name},\n\nThanks for reaching out. Before I connect, I like to know a little about the people in my network: what are you working on, and is there something I can help you with?\n\n{my_first_name}",
    ),
    (
        "customised",
        "a note that deserves a real answer",
        "Hi {first_name},\n\nThank you for the thoughtful note. \n\nBest,\n{my_first_name}",
    ),
    (
        "thanks",
        "thank-you with a next step, after accepting",
        "Hi {first_name},\n\nThanks for connecting. I'd be glad to hear what you're working on: would a 20-minute call in the next couple of weeks suit you?\n\n{my_first_name}",
    ),
];

/// One template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub name: String,
    pub about: String,
    pub text: String,
}

impl Template {
    /// Whether it is written for a thank-you after an accept (`thank_you`)
    /// or for a reply instead of one: a built-in is for one of the two, a
    /// template of your own for either.
    pub fn fits(&self, thank_you: bool) -> bool {
        match BUILT_IN.iter().position(|b| b.0 == self.name) {
            Some(_) => (self.name == "thanks") == thank_you,
            None => true,
        }
    }
}

/// The templates in use: the built-ins (a config entry of the same name
/// replaces one's text), then the config's own, in name order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Templates {
    pub list: Vec<Template>,
    /// For `{first_name}` and `{my_first_name}`: the titles to pass over.
    pub titles: Titles,
}

/// A template that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error(
        "[templates] {template}: unknown placeholder `{{{placeholder}}}`; use {{first_name}}, {{last_name}}, {{full_name}}, {{my_first_name}} or {{my_name}} (write {{{{ for a brace)"
    )]
    UnknownPlaceholder {
        template: String,
        placeholder: String,
    },
    #[error("[templates] {template}: a `{{` is never closed; write {{{{ for a brace")]
    Unclosed { template: String },
    /// `Stranger` for `stranger`: read as a template of one's own, it
    /// would leave the built-in in place, unchanged.
    #[error(
        "[templates] `{template}`: write `{built_in}`, exactly so (names are case-sensitive), to replace the built-in template's text, or another name to add one"
    )]
    BuiltInCase { template: String, built_in: String },
    #[error("[templates]: a template needs a name, e.g. recruiter = \"Hi {{first_name}}, …\"")]
    NoName { template: String },
}

impl TemplateError {
    /// The template at fault, as `[templates]` names it.
    pub fn template(&self) -> &str {
        match self {
            TemplateError::UnknownPlaceholder { template, .. }
            | TemplateError::Unclosed { template }
            | TemplateError::BuiltInCase { template, .. }
            | TemplateError::NoName { template } => template,
        }
    }
}

impl Default for Templates {
    fn default() -> Self {
        Templates::new(&Default::default()).unwrap_or(Templates {
            list: Vec::new(),
            titles: Titles::default(),
        })
    }
}

impl Templates {
    /// The built-ins overridden and extended by the config's `[templates]`.
    pub fn new(
        config: &std::collections::BTreeMap<String, String>,
    ) -> Result<Templates, TemplateError> {
        let mut list: Vec<Template> = BUILT_IN
            .iter()
            .map(|(name, about, text)| Template {
                name: name.to_string(),
                about: about.to_string(),
                text: config
                    .get(*name)
                    .cloned()
                    .unwrap_or_else(|| text.to_string()),
            })
            .collect();
        for (name, text) in config {
            if name.trim().is_empty() {
                return Err(TemplateError::NoName {
                    template: name.clone(),
                });
            }
            if let Some(b) = BUILT_IN
                .iter()
                .find(|b| b.0 != name && b.0.eq_ignore_ascii_case(name.trim()))
            {
                return Err(TemplateError::BuiltInCase {
                    template: name.clone(),
                    built_in: b.0.to_string(),
                });
            }
            if !BUILT_IN.iter().any(|b| b.0 == name) {
                list.push(Template {
                    name: name.clone(),
                    about: "your template".into(),
                    text: text.clone(),
                });
            }
        }
        // Your own in name order as a person reads it (`alpha`, `beta`,
        // `Émile`, `Zeta`), not the config's byte order (`Zeta` before
        // `alpha`, `Émile` last).
        list[BUILT_IN.len()..].sort_by_cached_key(|t| {
            (
                crate::classify::fold_accents(&t.name.to_lowercase()),
                t.name.clone(),
            )
        });
        for t in &mut list {
            // Taken as a paste into the composer is (`clean_draft`): a
            // config saved with Windows line ends, or a `\u2028` or NEL,
            // gives plain line breaks, and a `\u202e` or `\u200b` is left
            // out. Else the composer showed the text flat and saved the
            // hidden characters, and a template it opened must read as
            // unchanged (not as "your words") until a key changes it.
            t.text = crate::text::clean_draft(&t.text);
            validate(&t.name, &t.text)?;
        }
        Ok(Templates {
            list,
            titles: Titles::default(),
        })
    }

    /// The templates with the config's `[classify] titles` passed over in
    /// names too.
    pub fn with_titles(mut self, extra: &[String]) -> Templates {
        self.titles = Titles::new(extra);
        self
    }

    /// The people of an invitation, for [`fill`].
    pub fn people<'a>(&'a self, them: &'a str, me: &'a str) -> People<'a> {
        People {
            them,
            me,
            titles: &self.titles,
        }
    }

    /// The position of the template that suits a group (or a thank-you).
    pub fn default_for(&self, category: Category, thank_you: bool) -> usize {
        let name = if thank_you {
            "thanks"
        } else {
            match category {
                Category::Default => "stranger",
                Category::GreetingOnly => "greeting",
                Category::Customised => "customised",
            }
        };
        self.list.iter().position(|t| t.name == name).unwrap_or(0)
    }
}

/// The people a template speaks of.
#[derive(Debug, Clone, Copy)]
pub struct People<'a> {
    /// The other person's full name.
    pub them: &'a str,
    /// Your full name.
    pub me: &'a str,
    /// The words before a name that are not one (`Dr.`, `Ms`).
    pub titles: &'a Titles,
}

/// The titles a name may start with: the classifier's list (`Dr`, `Ms`,
/// `Señora`, …) and the config's `[classify] titles`, folded as the
/// classifier folds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Titles(
    std::collections::HashSet<String>,
    /// [`DOTTED_TITLES`] the config does not list, folded.
    std::collections::HashSet<String>,
);

impl Default for Titles {
    fn default() -> Self {
        Titles::new(&[])
    }
}

/// Titles a name may start with that the classifier's list (the spec's)
/// does not hold: academic and professional ones of Spanish, German,
/// Austrian, Italian and Czech names, met in the From column. They matter
/// only for greeting a person, not for reading a note.
const MORE_TITLES: [&str; 12] = [
    "Dra",
    "Mag",
    "Dipl.-Ing",
    "Dipl.-Kfm",
    "Dott.ssa",
    "Ing.ª",
    "Lic",
    "Licda",
    "Arq",
    "Mgr",
    "Mx",
    "Rev",
];

/// Titles that are also given names (`Eng Hock Tan`, `Ing Lim`): titles
/// only with their dot (`Ing. Juan Pérez`), unless the config lists them.
/// With them, the German doctorate's field (`Dr. med. Hans Müller`, `Dr.
/// rer. nat. …`), which follows the title in so many German names, but
/// whose words are names too (`Phil`, `Med`) without the dot.
const DOTTED_TITLES: [&str; 10] = [
    "Ing", "Eng", "med", "rer", "nat", "phil", "jur", "dent", "vet", "habil",
];

impl Titles {
    /// The built-in titles and `extra`.
    pub fn new(extra: &[String]) -> Titles {
        let more: Vec<String> = MORE_TITLES.iter().map(|t| t.to_string()).collect();
        let all: std::collections::HashSet<String> = crate::classify::lists::titles(extra)
            .chain(crate::classify::lists::titles(&more))
            .collect();
        let dotted = DOTTED_TITLES
            .iter()
            .map(|t| crate::classify::lists::fold_title(t))
            .filter(|t| !all.contains(t))
            .collect();
        Titles(all, dotted)
    }

    /// Whether `word` is a title, with or without its dot (`Ing` and `Eng`
    /// with it only).
    pub fn contains(&self, word: &str) -> bool {
        let folded = crate::classify::lists::fold_title(word);
        self.0.contains(&folded) || (word.ends_with('.') && self.1.contains(&folded))
    }
}

/// The name a greeting uses ("Hi Jane,"), or "there" when the name is empty
/// ("Hi there,"). See `given_name`.
pub fn first_name<'a>(full: &'a str, titles: &Titles) -> &'a str {
    given_name(full, titles).unwrap_or("there")
}

/// The part of a name the greetings read: before a comma, `|`, `(`, or a
/// spaced `·` or dash (`Jane Smith, PhD`, `Jane Smith - Recruiter`).
fn name_part(full: &str) -> &str {
    let mut name = &full[..full.find([',', '|', '(']).unwrap_or(full.len())];
    // Spaced: `Col·lell` and `卡尔·马克思` hold a · of their own.
    for dash in [" - ", " – ", " — ", " · "] {
        if let Some(at) = name.find(dash) {
            name = &name[..at];
        }
    }
    name
}

/// A name as the greetings read it: the part `name_part` keeps, its words
/// that have a letter (not an emoji), and how many of them lead as titles
/// or initials (`Dr.`, `K. S.`).
///
/// So that such names are greeted as a known title with one name is
/// (`Ms. Jo`), whole:
/// - an unknown abbreviation just before the last word (`Capt. Ahab`,
///   `Wm. Smith`) leads too: a title or an abbreviated given name, either
///   way never greeted alone. Before more words (`Kapt. Pablo Ruiz`) it may
///   be the given name, and only the config's `titles` make it a title;
/// - an initial that ends the name after titles or initials (`Mr. A`,
///   `J. R.`) does not lead: it is the family name, not one more initial,
///   and without it a name of titles alone would greet `Hi Mr.,`.
fn name_words<'a>(full: &'a str, titles: &Titles) -> (&'a str, Vec<&'a str>, usize) {
    let name = name_part(full);
    let words: Vec<&str> = name.split_whitespace().filter(|w| has_letter(w)).collect();
    let mut lead = words
        .iter()
        .enumerate()
        .take_while(|&(i, w)| {
            titles.contains(w) || is_initial(w) || (i + 2 == words.len() && is_abbreviation(w))
        })
        .count();
    if lead > 0 && lead == words.len() && !titles.contains(words[lead - 1]) {
        lead -= 1;
    }
    (name, words, lead)
}

/// Words after the comma of a name written in one case that are not a
/// given name, though written like one once re-cased: degrees and
/// credentials, jobs, numerals, places and company forms with a vowel
/// (`SMITH, CTO`, `DOE, III`, `ACME, INC`). One without a vowel (`PMP`) is
/// no given name anyway.
const ONE_CASE_NOT_NAMES: [&str; 96] = [
    "pmp",
    "cpa",
    "cfa",
    "acca",
    "cissp",
    "cisa",
    "cism",
    "cima",
    "cia",
    "cfe",
    "cma",
    "capm",
    "ceo",
    "cio",
    "coo",
    "cto",
    "cmo",
    "cpo",
    "cso",
    "ma",
    "ba",
    "pe",
    "ra",
    "med",
    "ceng",
    "frsa",
    "fia",
    "fsa",
    "asa",
    "aia",
    "fca",
    "aca",
    "obe",
    "mbe",
    "cbe",
    "seo",
    "aws",
    "sap",
    "do",
    "dba",
    "emba",
    "mpa",
    "avp",
    "evp",
    "svp",
    "vp",
    "pa",
    "otr",
    "atc",
    "arnp",
    "leed",
    "itil",
    "usa",
    "uae",
    "inc",
    "corp",
    "co",
    "sa",
    "ag",
    "la",
    "ii",
    "iii",
    "iv",
    "vi",
    "vii",
    "viii",
    "ix",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "nurse",
    "chef",
    "admin",
    "editor",
    "writer",
    "artist",
    "mentor",
    "team",
    "lady",
    "lord",
    "sister",
    "cfo",
    "ops",
    "ciso",
    "cro",
    "co-founder",
    "cofounder",
    "finance",
    "legal",
    "devops",
    "qa",
    "swe",
    "ca",
    "nyc",
    "texas",
];

/// `Smith, Jane` (a directory's order, family name first) as (`Jane`,
/// `Smith`): when before the comma is one capitalised word, perhaps after
/// particles in small letters (`van Dijk, Jan`), and after it, past any
/// titles (`Müller, Dr. Hans`), one or two given names and initials
/// (`Lee, Mary Ann`, `Smith, Jane M.`), not a degree or suffix (`Smith,
/// Jr`, `Cher, PhD`) nor a word of a job (`Jane, Recruiter`, `Jane, Hiring
/// Manager`). Two capitalised words before the comma are a name in the
/// usual order and something else after it (`Jane Smith, PhD`, `Jane
/// Smith, Talent Acquisition`). A family name in one case (`NOWAK, Anna`)
/// is read as it is greeted, re-cased ([`uncapped`]); so are the given
/// names of a name all in one case (`DOE, JANE`, `doe, jane`): then only a
/// word with a vowel is a given name (not `CSCP`), nor one of
/// [`ONE_CASE_NOT_NAMES`] (`SMITH, CTO`). Particles in capitals (`VAN
/// DIJK, JAN`) are known by [`PARTICLES`]. `None` otherwise.
///
/// The given names are all of them, as written (`Mary Ann`, `Jane M.`);
/// the first of them is the one a greeting uses.
pub(crate) fn surname_first<'a>(full: &'a str, titles: &Titles) -> Option<(&'a str, &'a str)> {
    let head = name_part(full);
    let rest = full[head.len()..].strip_prefix(',')?;
    let with_letter = |w: &&str| has_letter(w);
    let family: Vec<&str> = head.split_whitespace().filter(with_letter).collect();
    let given: Vec<&str> = name_part(rest)
        .split_whitespace()
        .filter(with_letter)
        .skip_while(|w| titles.contains(w))
        .collect();
    // A suffix after either part is no part of the name a greeting uses
    // (`SMITH, JOHN JR`, `Smith Jr., John`).
    let suffix =
        |w: &&str| NAME_SUFFIXES.contains(&w.trim_end_matches('.').to_lowercase().as_str());
    let mut family = family;
    while family.len() > 1 && family.last().is_some_and(suffix) {
        family.pop();
    }
    let mut given = given;
    while given.len() > 1 && given.last().is_some_and(suffix) {
        given.pop();
    }
    let (last, particles) = family.split_last()?;
    let capitalised = |w: &str| {
        let w = as_greeted(w);
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
    };
    // The whole name in one case (`DOE, JANE`, `smith, jane`): its given
    // words are read re-cased. With a family name written as names are,
    // a word in capitals after the comma is an abbreviation (`Priya, CTO`,
    // `Smith, MA`), as before.
    let whole_one_case = {
        let letters = || family.iter().chain(&given).flat_map(|w| w.chars());
        !(letters().any(char::is_lowercase) && letters().any(char::is_uppercase))
    };
    let not_a_name = |w: &str| {
        let folded = w.trim_end_matches('.').to_lowercase();
        NAME_SUFFIXES.contains(&folded.as_str())
            || JOB_WORDS.contains(&folded.as_str())
            || (whole_one_case || one_case(w)) && ONE_CASE_NOT_NAMES.contains(&folded.as_str())
    };
    // Re-cased, a word in one case reads as a given name with a vowel.
    let one_case_given = |w: &str| is_given_word(&as_greeted(w)) && w.chars().any(is_vowel);
    let given_word = |w: &str| {
        if whole_one_case {
            one_case_given(w)
        } else {
            // `Doe, JANE`, `MacLEOD, ANNA`, `Lee, ANN`: a word in capitals
            // of three letters or more that is no abbreviation listed
            // (`Priya, CTO`, `Smith, EVP`) reads as a given name; a
            // shorter one stays one (`Smith, MA`).
            is_given_word(w)
                || (one_case(w)
                    && !w.chars().any(char::is_lowercase)
                    && w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                    && one_case_given(w))
        }
    };
    let names = given.iter().filter(|w| !is_initial(w)).count();
    let given_ok = (1..=2).contains(&names)
        && given.len() <= 3
        && given.first().is_some_and(|w| given_word(w))
        && given[1..].iter().all(|w| given_word(w) || is_initial(w))
        && !given.iter().any(|w| not_a_name(w));
    let family_ok = capitalised(last)
        && !last.ends_with('.')
        && particles.iter().all(|w| {
            !w.chars().any(char::is_uppercase)
                || one_case(w) && PARTICLES.contains(&w.to_lowercase().as_str())
        });
    if !(given_ok && family_ok) {
        return None;
    }
    let at = |w: &str| w.as_ptr() as usize - full.as_ptr() as usize;
    let span = |a: &str, b: &str| &full[at(a)..at(b) + b.len()];
    Some((
        span(given[0], given[given.len() - 1]),
        span(family[0], last),
    ))
}

/// [`surname_first`] with the built-in titles, for the classifier, which
/// reads the `To` and `From` names as a greeting and a sign-off use them:
/// `Smith, Colleen` is greeted `Colleen,` as Colleen Smith is.
pub(crate) fn family_name_first(full: &str) -> Option<(&str, &str)> {
    static TITLES: std::sync::OnceLock<Titles> = std::sync::OnceLock::new();
    surname_first(full, TITLES.get_or_init(Titles::default))
}

/// `Nguyễn Thị Hương`, `山田 太郎`: a name written family name first
/// without a comma, as Vietnamese, Chinese, Japanese and Korean write
/// theirs, as (given, family): the last word and the first, of the part
/// [`name_part`] reads; words between are middle names (`Thị`). Only
/// where the order shows in the writing, so that a name in the usual
/// order is not turned round:
/// - two words or more, the first one of [`VIETNAMESE_FAMILY_NAMES`] in
///   any case, and a letter with Vietnamese marks in the name.
///   Without the marks (`Nguyen Van An`) it cannot be told from a name in
///   the usual order (`Huong Nguyen`), as many Vietnamese write theirs;
/// - two words, every letter Han, kana or Hangul (`王 小明`, `김 지우`).
///   One word (`王小明`) is the whole name, as before.
///
/// `None` for any ASCII name, without looking further: nearly every name
/// is one, and the classifier reads a name for nearly every note.
pub(crate) fn family_name_first_spaced(full: &str) -> Option<(&str, &str)> {
    if full.is_ascii() {
        return None;
    }
    let east_asian = |w: &str| {
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(is_east_asian_letter)
    };
    static TITLES: std::sync::OnceLock<Titles> = std::sync::OnceLock::new();
    let titles = TITLES.get_or_init(Titles::default);
    // Nearly every other name fails by a look at its first words: the
    // family name is the first of the part `name_part` keeps, past titles
    // (`Dr. Nguyễn Thị Hương`, `Ms. 山田 太郎`), which are looked up only
    // when a word after them could start such a name (a title is folded
    // to be looked up).
    let starts = |w: &str| {
        vietnamese_family(w).is_some()
            || (w.chars().next().is_some_and(is_east_asian_letter) && east_asian(w))
    };
    let mut words = full
        .split_whitespace()
        .filter(|w| has_letter(w))
        .map(|w| &w[..w.find([',', '|', '(']).unwrap_or(w.len())]);
    let mut before = 0;
    let first = loop {
        let w = words.next()?;
        if starts(w) {
            break w;
        }
        // Past a word only when it may be a title: short, in plain
        // letters (`Dr.`, `Ms`, `Prof.`, `Madame`), not a first name of
        // another script (`Łukasz`).
        before += 1;
        if before > 3 || !w.is_ascii() || w.trim_end_matches('.').len() > 9 {
            return None;
        }
    };
    if before > 0
        && !full
            .split_whitespace()
            .filter(|w| has_letter(w))
            .take(before)
            .all(|w| titles.contains(w))
    {
        return None;
    }
    let vietnamese = vietnamese_family(first);
    let mut words: Vec<&str> = name_part(full)
        .split_whitespace()
        .filter(|w| has_letter(w))
        .skip_while(|w| titles.contains(w))
        .collect();
    // A credential or a suffix after the name, without a comma
    // (`Nguyễn Thị Hương MBA`, `… JR.`), is no given name.
    let not_a_name = |w: &str| {
        let folded = w.trim_end_matches('.').to_lowercase();
        NAME_SUFFIXES.contains(&folded.as_str()) || ONE_CASE_NOT_NAMES.contains(&folded.as_str())
    };
    while words.len() > 2 && words.last().is_some_and(|w| not_a_name(w)) {
        words.pop();
    }
    let family = *words.first().filter(|&&w| w == first)?;
    let given = *words.get(1..)?.last()?;
    let n = words.len();
    let ordered = match vietnamese {
        // `Hoàng Nguyễn`, `Dương Trần`: a given name, then a family name
        // that is no given name. `Hoàng Văn Lâm` is Lâm of the Hoàng family.
        Some(also_given) => {
            let at = |w: &str| w.as_ptr() as usize - full.as_ptr() as usize;
            let name = &full[at(family)..at(given) + given.len()];
            !(also_given && vietnamese_family(given) == Some(false)) && written_vietnamese(name)
        }
        None => n == 2 && east_asian(given),
    };
    ordered.then_some((given, family))
}

/// Whether `full`, read by [`surname_first`] as `family` then given names,
/// is Vietnamese (`Nguyễn, Thị Hương`): its given name is then the last of
/// them, the words before it middle names, as without the comma.
fn vietnamese_given_last(full: &str, family: &str) -> bool {
    !full.is_ascii() && vietnamese_family(family).is_some() && written_vietnamese(full)
}

/// Whether `name` has a letter with Vietnamese marks ([`VIETNAMESE_LETTERS`]).
fn written_vietnamese(name: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    name.nfc().any(|c| VIETNAMESE_LETTERS.contains(c))
}

/// Whether `w` is one of [`VIETNAMESE_FAMILY_NAMES`], in any case: then
/// whether it is a common given name too.
fn vietnamese_family(w: &str) -> Option<bool> {
    use unicode_normalization::UnicodeNormalization;
    if w.is_ascii() {
        return w.eq_ignore_ascii_case("phan").then_some(false);
    }
    // The initials of the list, and its longest name with its marks apart
    // (`trương`, 10 bytes): most other words are told by a look.
    let initial = w.chars().next()?;
    if w.len() > 12 || !"bdđhlnpqtvBDĐHLNPQTV".contains(initial) {
        return None;
    }
    // Each name of the list read against the word as it is, most often
    // unlike from the first letter on: nothing to fold ahead.
    let listed = |folded: &dyn Fn() -> std::iter::FlatMap<_, _, _>| {
        VIETNAMESE_FAMILY_NAMES
            .iter()
            .find(|(f, _)| f.chars().eq(folded()))
            .map(|&(_, also_given)| also_given)
    };
    if let Some(also_given) = listed(&|| w.chars().flat_map(char::to_lowercase)) {
        return Some(also_given);
    }
    // A name typed on a Mac may come with its marks apart (NFD).
    if !w.chars().any(|c| ('\u{300}'..='\u{36F}').contains(&c)) {
        return None;
    }
    let nfc: String = w.nfc().collect();
    listed(&|| nfc.chars().flat_map(char::to_lowercase))
}

/// The commonest family names of Vietnam, those of about nine in ten of
/// its people, as written with their marks, in small letters (NFC); each
/// with whether it is a common given name too (`Hoàng`, `Vũ`, `Dương`,
/// `Lâm`, `Thái`): such a name followed by one that is only a family name
/// reads in the usual order (`Hoàng Nguyễn` is Hoàng of the Nguyễn family).
///
/// Left out: names in plain letters (`Mai`, `Cao`), as ASCII cannot tell
/// the order, `Hà`, as often a given name (`Nguyễn Thu Hà`), and rarer
/// ones (`Tô`, `Mạc`). `Phan`, in plain letters but no given name, is
/// here: it reads family first when another word of the name has a
/// Vietnamese letter (`Phan Văn Trị`), as [`VIETNAMESE_LETTERS`] asks.
const VIETNAMESE_FAMILY_NAMES: [(&str, bool); 26] = [
    ("nguyễn", false),
    ("trần", false),
    ("lê", false),
    ("phạm", false),
    ("hoàng", true),
    ("huỳnh", false),
    ("phan", false),
    ("vũ", true),
    ("võ", false),
    ("đặng", false),
    ("bùi", false),
    ("đỗ", false),
    ("hồ", false),
    ("ngô", false),
    ("dương", true),
    ("lý", false),
    ("đinh", false),
    ("đoàn", false),
    ("trương", false),
    ("lương", false),
    ("trịnh", false),
    ("vương", false),
    ("quách", false),
    ("thái", true),
    ("lâm", true),
    ("tạ", false),
];

/// The letters of the Vietnamese alphabet outside ASCII, in both cases
/// (NFC): a name with none of them is not written the Vietnamese way.
const VIETNAMESE_LETTERS: &str = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ\
ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ";

/// A letter of Han (`々` too, as in `佐々木`), Hiragana, Katakana or Hangul:
/// scripts whose names are written family name first.
fn is_east_asian_letter(c: char) -> bool {
    matches!(c,
        '\u{3005}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF66}'..='\u{FF9F}'
        | '\u{20000}'..='\u{3134F}'
        | '\u{1100}'..='\u{11FF}'
        | '\u{3130}'..='\u{318F}'
        | '\u{AC00}'..='\u{D7AF}')
}

/// Whether `w` has a letter that names a person: not one of the enclosed
/// letters (`🅰️`, `🄰`, U+1F130 to U+1F189), which Unicode counts as
/// letters but which are emoji to the eye, as names of emoji alone are.
pub fn has_letter(w: &str) -> bool {
    w.chars()
        .any(|c| c.is_alphabetic() && !('\u{1F130}'..='\u{1F189}').contains(&c))
}

/// The family name of a name written family name first, re-cased as
/// [`recased`] does, and, when the given names are in capitals, with a
/// capital run after a prefix re-cased too (`MacLEOD, ANNA`: `MacLeod`;
/// `DeVITO, DANNY`: `DeVito`): the directory wrote the whole name in
/// capitals but for the prefix it cannot.
fn recased_family(family: &str, given: &str) -> String {
    // As one name (`ST PIERRE`: `St Pierre`, not initials), its suffixes
    // as written (`SMITH II`, `SMITH JR`: `Smith II`, `Smith Jr`).
    let out = recased_whole(family);
    let capitals = given.chars().any(char::is_uppercase) && !given.chars().any(char::is_lowercase);
    if !capitals {
        return out;
    }
    out.split(' ')
        .map(capitals_after_prefix)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `MacLEOD` as `MacLeod`: a capital then small letters, then capitals to
/// the end (two or more), which are re-cased by [`uncapped`]. Any other
/// word as it is.
fn capitals_after_prefix(w: &str) -> String {
    let chars: Vec<(usize, char)> = w.char_indices().collect();
    let Some(i) = (1..chars.len()).find(|&i| chars[i].1.is_uppercase()) else {
        return w.to_string();
    };
    let (head, tail) = w.split_at(chars[i].0);
    let head_ok =
        chars[0].1.is_uppercase() && chars[1..i].iter().all(|(_, c)| c.is_lowercase()) && i >= 2;
    let tail_ok = tail.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !tail.chars().any(char::is_lowercase);
    if head_ok && tail_ok {
        format!("{head}{}", uncapped(tail))
    } else {
        w.to_string()
    }
}

/// Whether the letters of `w` are all capitals or all small letters (and
/// there are two or more): it does not say how the person writes it.
fn one_case(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !(w.chars().any(char::is_lowercase) && w.chars().any(char::is_uppercase))
}

/// `w` as a greeting writes it: re-cased when it is in one case.
fn as_greeted(w: &str) -> std::borrow::Cow<'_, str> {
    if one_case(w) {
        std::borrow::Cow::Owned(uncapped(w))
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// Names of two letters that are not a consonant then a vowel, which
/// [`uncapped`] would otherwise keep in capitals as initials: the family
/// name Ng, and given names (Al, An, Ed, Em).
const TWO_LETTER_NAMES: [&str; 5] = ["NG", "AL", "AN", "ED", "EM"];

/// Particles of a family name (`van Dijk`, `de la Cruz`), for one written
/// in capitals (`VAN DIJK, JAN`); written in small letters, any is one.
const PARTICLES: [&str; 18] = [
    "van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "della", "dos", "das",
    "ter", "ten", "bin", "al",
];

/// Words written like a given name that follow a name after a comma as a
/// suffix or degree (`Smith, Jr`, `Cher, PhD`), folded to small letters,
/// without a dot. Those in capitals (`MBA`, `CPA`, `III`) need no entry:
/// a given name after the comma has a small letter.
const NAME_SUFFIXES: [&str; 16] = [
    "jr", "sr", "esq", "phd", "dphil", "mphil", "msc", "bsc", "meng", "beng", "edd", "psyd", "mba",
    "md", "ret", "hon",
];

/// Words of a job that follow a name after a comma written like a given
/// name (`Jane, Recruiter`, `Jane, Hiring Manager`), in small letters:
/// read as the name's first word then, not as a family name first.
const JOB_WORDS: [&str; 48] = [
    "account",
    "acquisition",
    "advisor",
    "adviser",
    "analyst",
    "architect",
    "assistant",
    "associate",
    "author",
    "business",
    "coach",
    "consultant",
    "consulting",
    "designer",
    "developer",
    "director",
    "engineer",
    "engineering",
    "entrepreneur",
    "executive",
    "founder",
    "freelancer",
    "head",
    "hiring",
    "intern",
    "investor",
    "lead",
    "manager",
    "marketing",
    "officer",
    "operations",
    "owner",
    "partner",
    "president",
    "principal",
    "product",
    "professor",
    "recruiter",
    "recruiting",
    "recruitment",
    "researcher",
    "sales",
    "scientist",
    "senior",
    "specialist",
    "student",
    "talent",
    "teacher",
];

/// `Jane`, `Mary-Ann`, `O'Neil`: a capital, then small letters (a capital
/// again only after `-` or `'`), with no dot. Not `PhD` or `MSc`, whose
/// inner capital marks a degree.
fn is_given_word(w: &str) -> bool {
    let mut prev = ' ';
    let mut letters = 0;
    for (i, c) in w.chars().enumerate() {
        let ok = if i == 0 {
            c.is_uppercase()
        } else if c.is_uppercase() {
            matches!(prev, '-' | '\'' | '’')
        } else {
            c.is_alphabetic() || matches!(c, '-' | '\'' | '’')
        };
        if !ok {
            return false;
        }
        letters += usize::from(c.is_alphabetic());
        prev = c;
    }
    letters >= 2
}

/// `Capt.`, `Wm.`: a capital and at least one more letter, then a dot; a
/// title or an abbreviated given name, either way not a name to greet
/// alone.
fn is_abbreviation(w: &&str) -> bool {
    let Some(stem) = w.strip_suffix('.') else {
        return false;
    };
    stem.chars().count() >= 2
        && stem.chars().all(char::is_alphabetic)
        && stem.chars().next().is_some_and(char::is_uppercase)
}

/// The first word of a name that names the person: past titles (`Dr. Jane
/// Smith`: Jane), initials (`K. S. Ravi Kumar`: Ravi) and words without a
/// letter (an emoji), in the part `name_words` reads (`Jane Smith, PhD`). A
/// title or initials and one word alone stay together (`Mr Jones`, `R.
/// Karthik`, `Mr. A`, `Capt. Ahab`), as that is how one greets them; a name
/// of titles alone gives its first word. A name written family name first
/// (`Smith, Jane`) gives the first word after the comma; one so written
/// without a comma ([`family_name_first_spaced`]: `Nguyễn Thị Hương`,
/// `山田 太郎`) its last word. `None` when no word has a letter.
fn given_name<'a>(full: &'a str, titles: &Titles) -> Option<&'a str> {
    if let Some((given, family)) = surname_first(full, titles) {
        let mut words = given.split_whitespace();
        return if vietnamese_given_last(full, family) {
            words.next_back()
        } else {
            words.next()
        };
    }
    if let Some((given, _)) = family_name_first_spaced(full) {
        return Some(given);
    }
    let (name, words, lead) = name_words(full, titles);
    let start = |w: &str| w.as_ptr() as usize - name.as_ptr() as usize;
    match words.len() - lead {
        0 => words.first().copied(),
        1 if lead > 0 => {
            let last = words[lead];
            Some(&name[start(words[0])..start(last) + last.len()])
        }
        _ => Some(words[lead]),
    }
}

/// The name a formal greeting uses ("Dear Ms Smith,"), or "there" when
/// the name is empty: the words after the given name (`Jan van Dijk`: `van
/// Dijk`; `Dr. Jane Smith, PhD`: `Smith`), without middle initials (`Jane
/// M. Smith`: `Smith`) or what follows a dash (`Jane Smith - Recruiter`),
/// or the one word after titles and initials (`Mr Jones`: `Jones`). A name
/// of one word gives that word. Like `given_name`, it reads the family
/// name last, as the `From` column mostly writes it, unless a comma puts
/// it first (`van Dijk, Jan`: `van Dijk`) or the name shows it comes first
/// ([`family_name_first_spaced`]: `Nguyễn Thị Hương`: `Nguyễn`).
pub fn last_name<'a>(full: &'a str, titles: &Titles) -> &'a str {
    family_name(full, titles).unwrap_or("there")
}

/// `last_name`, `None` when no word has a letter.
fn family_name<'a>(full: &'a str, titles: &Titles) -> Option<&'a str> {
    if let Some((_, family)) =
        surname_first(full, titles).or_else(|| family_name_first_spaced(full))
    {
        return Some(family);
    }
    let (name, words, lead) = name_words(full, titles);
    let rest = &words[lead.min(words.len().saturating_sub(1))..];
    let at = |w: &str| w.as_ptr() as usize - name.as_ptr() as usize;
    match rest {
        [] => None,
        [one] => Some(one),
        [_, family @ ..] => {
            // Past middle initials, but not the last word.
            let skip = family[..family.len() - 1]
                .iter()
                .take_while(|w| is_initial(w))
                .count();
            let (first, last) = (family[skip], family[family.len() - 1]);
            Some(&name[at(first)..at(last) + last.len()])
        }
    }
}

/// The name as one writes it to the person (`Dear Jane Doe,`), or
/// "there" when no word of it has a letter: the given names then the
/// family name, whichever comes first in the export (`DOE, JANE`: `Jane
/// Doe`; `Smith, Dr. Jane`: `Jane Smith`), re-cased as [`first_name`] and
/// [`last_name`] are (`ÉMILIE DUPONT`: `Émilie Dupont`), without titles,
/// which a formal greeting writes itself as it does before `{last_name}`
/// (`Sehr geehrte Frau {last_name}`), without what follows a comma, `|`
/// or a spaced dash (`Jane Doe, MBA`, `Jane Doe - Recruiter`) and without
/// words of no letter (an emoji). Initials stay (`K. S. Ravi Kumar`), and
/// a name of titles alone is kept, as `last_name` keeps it (`Dr.`). A name
/// written as people write theirs is left as it is (`Jan van Dijk`,
/// `Seán O'Brien`, `李小龙`). A bracket (`Ana Ruiz (she/her)`) is taken out
/// by [`fill`] before, see [`without_brackets`].
pub fn full_name(full: &str, titles: &Titles) -> String {
    written_name(full, titles).unwrap_or_else(|| "there".to_string())
}

/// The name `{full_name}` fills in, for a line that names the person
/// (the composer's title, "Thank Jane Doe for connecting"): the export's
/// name without control characters and brackets, read as [`full_name`]
/// reads it. `None` when no word of it has a letter, as "there" names
/// nobody there.
pub fn readable_name(full: &str, titles: &Titles) -> Option<String> {
    written_name(&without_brackets(&one_line(full)), titles)
}

/// [`full_name`], `None` when no word has a letter.
fn written_name(full: &str, titles: &Titles) -> Option<String> {
    let (given, family, comma) = match surname_first(full, titles) {
        Some((given, family)) => (given, family, true),
        None => {
            let (name, words, _) = name_words(full, titles);
            // Past titles, but not all of a name of titles alone.
            let kept = match words.iter().position(|w| !titles.contains(w)) {
                Some(at) => &words[at..],
                None => &words[..],
            };
            let (first, rest) = kept.split_first()?;
            let at = |w: &str| w.as_ptr() as usize - name.as_ptr() as usize;
            let family = match (rest.first(), rest.last()) {
                (Some(a), Some(b)) => &name[at(a)..at(b) + b.len()],
                _ => "",
            };
            (*first, family, false)
        }
    };
    let mut out = recased(given);
    if !family.is_empty() {
        let recased = recased_family(family, given);
        // `Nguyễn, Thị Hương` is written to as `Nguyễn Thị Hương`, the
        // order of the name without its comma.
        if comma && vietnamese_given_last(full, family) {
            return Some(format!("{recased} {out}"));
        }
        out.push(' ');
        out.push_str(&recased);
    }
    Some(out)
}

/// The words of `part` that have a letter, one space apart, each re-cased
/// by [`uncapped`] when the whole part is written in one case (`VAN DIJK`:
/// `Van Dijk`; `JJ ABRAMS`: `JJ Abrams`); as written when it mixes both,
/// as a person writes their own (`van Dijk`, `McDONALD`).
fn recased(part: &str) -> String {
    let words = part.split_whitespace().filter(|w| has_letter(w));
    let mixed = part.chars().any(char::is_lowercase) && part.chars().any(char::is_uppercase);
    let mut out = String::with_capacity(part.len());
    for w in words {
        let later = !out.is_empty();
        if later {
            out.push(' ');
        }
        if mixed {
            out.push_str(w);
        } else {
            out.push_str(&suffix_recased(w, later).unwrap_or_else(|| uncapped(w)));
        }
    }
    out
}

/// The words of `part` that have a letter, one space apart: re-cased as
/// one name by [`uncapped`] when the whole part is in one case (`VAN
/// DIJK`: `Van Dijk`; `ST PIERRE`: `St Pierre`, where a word alone would
/// read as initials), but for suffixes ([`suffix_recased`]); as written
/// when it mixes both (`van Dijk`, `McDONALD`).
fn recased_whole(part: &str) -> String {
    let words: Vec<&str> = part.split_whitespace().filter(|w| has_letter(w)).collect();
    let joined = words.join(" ");
    let mixed = part.chars().any(char::is_lowercase) && part.chars().any(char::is_uppercase);
    if mixed {
        return joined;
    }
    uncapped(&joined)
        .split(' ')
        .zip(&words)
        .enumerate()
        .map(|(i, (re, w))| suffix_recased(w, i > 0).unwrap_or_else(|| re.to_string()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A suffix after a name in one case as it is written: a Roman numeral in
/// capitals (`III`, not `Iii`), `Jr` and `Sr` with a capital (`JR` read as
/// initials), degrees in their forms (`PhD`, `MSc`), credentials in
/// capitals (`MBA`) when `later` than a part's first word (`JANE MBA` is
/// Jane Mba: Mba is a family name too). `None` for any other word.
fn suffix_recased(w: &str, later: bool) -> Option<String> {
    let bare = w.trim_end_matches('.');
    let dots = &w[bare.len()..];
    let folded = bare.to_lowercase();
    let form = match folded.as_str() {
        "ii" | "iii" | "iv" | "vi" | "vii" | "viii" => folded.to_uppercase(),
        "jr" | "sr" | "esq" => format!("{}{}", &folded[..1].to_uppercase(), &folded[1..]),
        "phd" => "PhD".to_string(),
        "dphil" => "DPhil".to_string(),
        "mphil" => "MPhil".to_string(),
        "msc" => "MSc".to_string(),
        "bsc" => "BSc".to_string(),
        "meng" => "MEng".to_string(),
        "beng" => "BEng".to_string(),
        "edd" => "EdD".to_string(),
        "psyd" => "PsyD".to_string(),
        // Credentials, written in capitals (`MBA`, not `Mba`); none of
        // them a name (`MA` and `DO` are family names too: not here).
        "mba" | "emba" | "md" | "dds" | "cpa" | "cfa" | "pmp" | "cissp" | "cisa" | "cism"
        | "cima" | "capm" | "frsa" | "fca" | "acca" | "mbe" | "obe" | "cbe" | "leed" | "rn"
            if later =>
        {
            folded.to_uppercase()
        }
        _ => return None,
    };
    Some(format!("{form}{dots}"))
}

/// `name` without what is in round or square brackets (`Ana Ruiz
/// (she/her)`, `Jane Doe [she/her]`, `Robert (Bob) Smith`): a pronoun, a
/// nickname or a former name, no part of the name one writes. A bracket
/// never closed is left, and a name ends there as at a comma.
pub fn without_brackets(name: &str) -> std::borrow::Cow<'_, str> {
    if !name.contains(['(', '[']) {
        return std::borrow::Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find(['(', '[']) {
        let close = if rest[open..].starts_with('(') {
            ')'
        } else {
            ']'
        };
        let Some(len) = rest[open..].find(close) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(one_line(&out))
}

/// `R.` or `R`: one capital letter, perhaps with its dot (not `宏`, a whole
/// given name in a script without capitals); or several with their dots
/// written together (`J.R.R.`).
fn is_initial(w: &&str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), None | Some('.'), None) if a.is_uppercase())
        || is_dotted_initials(w)
}

/// `J.R.R.`, `A.B.`: capitals each followed by a dot, written together.
fn is_dotted_initials(w: &str) -> bool {
    let mut parts = w.split('.');
    let last = parts.next_back();
    let letters: Vec<&str> = parts.collect();
    last == Some("")
        && letters.len() >= 2
        && letters.iter().all(|p| {
            let mut c = p.chars();
            matches!((c.next(), c.next()), (Some(a), None) if a.is_uppercase())
        })
}

/// A vowel of the Latin, Cyrillic or Greek alphabet, in either case:
/// `ЯНА` and `ΖΩΗ` are names too.
fn is_vowel(c: char) -> bool {
    use unicode_normalization::UnicodeNormalization;
    // By the letter under its marks: Vietnamese `Ă`, `Ơ`, `Ư`, `Ễ` too
    // (`VĂN` is a name, not initials).
    // `Й` and `Ў` are no vowels, though `И` and `У` are under their marks.
    c.to_uppercase().all(|c| {
        let base = match c {
            'Й' | 'Ў' => c,
            c => std::iter::once(c).nfd().next().unwrap_or(c),
        };
        "AEIOUYÆØАЕЁИІЇОУЫЭЮЯЄΑΕΗΙΟΥΩ".contains(base)
    })
}

/// A name in capitals (`ANNA` of "ANNA SMITH") or in small letters
/// (`anna`) as one greets a person, `Anna`; each part after a space, `-`
/// or `'` starts with a capital (`JEAN-PIERRE`: `Jean-Pierre`, `o'neil`:
/// `O'Neil`). Both are one case throughout, so neither says how the
/// person writes it, and both read alike. Initials (`AJ`, `JJ`, `JRR`)
/// stay in capitals (`aj` too), as does a name with both small and capital
/// letters: it is as the person wrote it.
fn uncapped(name: &str) -> String {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let mixed = name.chars().any(char::is_lowercase) && name.chars().any(char::is_uppercase);
    let vowel = |c: &char| is_vowel(*c);
    // Two letters are a name only as a consonant then a vowel (Bo, Li),
    // or as one of the few names of two letters another way (`TOM NG`,
    // `AL GORE`); AJ, EJ and JJ are initials, as is JRR.
    let initials = match letters.as_slice() {
        [_] => true,
        [a, b]
            if TWO_LETTER_NAMES.contains(
                &[*a, *b]
                    .iter()
                    .flat_map(|c| c.to_uppercase())
                    .collect::<String>()
                    .as_str(),
            ) =>
        {
            false
        }
        [a, b] => vowel(a) || !vowel(b),
        three @ [_, _, _] => !three.iter().any(vowel),
        _ => false,
    };
    if initials && !mixed {
        return name.to_uppercase();
    }
    if letters.is_empty() || mixed {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    // Each part whole, so that a word's end is seen (Greek final sigma).
    for part in name.split_inclusive([' ', '-', '\'', '’']) {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            let rest = chars.as_str();
            // `MCDONALD`: McDonald, as nearly every Mc name is written
            // (not `Mac`, which starts Mack and Macy as often).
            let mc = matches!(first, 'M' | 'm')
                && rest.len() > 3
                && rest.starts_with(['C', 'c'])
                && rest[1..].starts_with(char::is_alphabetic);
            if mc {
                out.push('c');
                let mut after = rest[1..].chars();
                out.extend(after.next().into_iter().flat_map(char::to_uppercase));
                out.push_str(&after.as_str().to_lowercase());
            } else {
                out.push_str(&rest.to_lowercase());
            }
        }
    }
    out
}

/// Checks a template's placeholders.
pub fn validate(name: &str, text: &str) -> Result<(), TemplateError> {
    let titles = Titles(Default::default(), Default::default());
    fill_checked(
        name,
        text,
        &People {
            them: "",
            me: "",
            titles: &titles,
        },
    )
    .map(|_| ())
}

/// Fills a template's placeholders. Templates are validated on load, so an
/// unknown placeholder cannot reach here; if it does, it is left as written.
pub fn fill(text: &str, people: &People<'_>) -> String {
    fill_checked("", text, people).unwrap_or_else(|_| text.to_string())
}

fn fill_checked(name: &str, text: &str, p: &People<'_>) -> Result<String, TemplateError> {
    // A name from the export may hold control characters: an escape
    // sequence must not ride into a draft, the clipboard and `drafts`.
    let (them, me) = (one_line(p.them), one_line(p.me));
    // Their name as one writes it: a pronoun or nickname in brackets is
    // none of it (`Ana Ruiz (she/her)`, `Robert (Bob) Smith`).
    let them = without_brackets(&them).into_owned();
    let p = &People {
        them: &them,
        me: &me,
        titles: p.titles,
    };
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(pos) = rest.find(['{', '}']) {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        if let Some(after) = tail.strip_prefix("{{") {
            out.push('{');
            rest = after;
        } else if let Some(after) = tail.strip_prefix("}}") {
            out.push('}');
            rest = after;
        } else if let Some(after) = tail.strip_prefix('}') {
            out.push('}');
            rest = after;
        } else {
            let Some(end) = tail.find('}') else {
                return Err(TemplateError::Unclosed {
                    template: name.to_string(),
                });
            };
            let key = &tail[1..end];
            let value = match key.trim() {
                // Re-cased, but not "there": it is no name.
                "first_name" => &given_name(p.them, p.titles).map_or("there".into(), uncapped),
                "last_name" => &match surname_first(p.them, p.titles) {
                    Some((given, family)) => recased_family(family, given),
                    // As `{full_name}` has it (`SMITH II`, `ST PIERRE`).
                    None => family_name(p.them, p.titles).map_or("there".into(), recased_whole),
                },
                "full_name" => &full_name(p.them, p.titles),
                // Not "there": that greets, but would sign "there".
                "my_first_name" => given_name(p.me, p.titles).unwrap_or(""),
                "my_name" => p.me.trim(),
                other => {
                    return Err(TemplateError::UnknownPlaceholder {
                        template: name.to_string(),
                        placeholder: other.to_string(),
                    });
                }
            };
            out.push_str(value);
            rest = &tail[end + 1..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// The placeholders listed are the ones a template may use, and the
    /// message for an unknown one names each.
    #[test]
    fn every_listed_placeholder_fills_and_is_named() {
        for p in PLACEHOLDERS {
            assert_eq!(validate("mine", &format!("Hi {{{p}}}")), Ok(()), "{p}");
        }
        let err = validate("mine", "Hi {nickname}").unwrap_err().to_string();
        for p in PLACEHOLDERS {
            assert!(err.contains(&format!("{{{p}}}")), "{p}: {err}");
        }
    }

    /// `config.example.toml` shows each built-in template as it is.
    #[test]
    fn the_example_config_shows_the_built_in_templates() {
        let example = include_str!("../config.example.toml");
        for (name, _, text) in BUILT_IN {
            let quoted = format!("#   \"{}\"", text.replace('\n', "\\n"));
            assert!(example.contains(&quoted), "{name}: {quoted}");
            let title = format!("# {name} ");
            assert!(example.lines().any(|l| l.starts_with(&title)), "{name}");
        }
    }

    #[test]
    fn fills_every_placeholder() {
        let t = Templates::default();
        let p = t.people("Zoë Ångström-Lévy", "Colleen Ruiz");
        assert_eq!(
            fill(
                "Hi {first_name} ({full_name}), from {my_first_name} / {my_name}",
                &p
            ),
            "Hi Zoë (Zoë Ångström-Lévy), from Colleen / Colleen Ruiz"
        );
    }

    /// A name with an escape sequence in the export (a title change, a
    /// clipboard write) fills a template without it.
    #[test]
    fn a_name_fills_without_its_control_characters() {
        let t = Templates::default();
        let p = t.people(
            "Bo\u{1b}]0;TITLE\u{7}b\u{1b}[31m Smith",
            "Colleen\u{7} Ruiz",
        );
        assert_eq!(
            fill("Hi {first_name} ({full_name}), {my_first_name}", &p),
            "Hi Bob (Bob Smith), Colleen"
        );
    }

    #[test]
    fn a_name_is_greeted_past_its_titles_and_emoji() {
        let t = Templates::default();
        for (full, first) in [
            ("Dr. Jane Smith", "Jane"),
            ("Ms. Zoë Ng", "Zoë"),
            ("Prof. Dr. Hans Müller", "Hans"),
            ("🚀 Jane Smith", "Jane"),
            ("Jane Smith, PhD", "Jane"),
            ("Joe Smith | Hiring", "Joe"),
            ("Mr Jones", "Mr Jones"),
            ("🚀 Dr. Who", "Dr. Who"),
            ("Dr.", "Dr."),
            ("DR ANA LIMA", "ANA"),
            // Initials, and titles the classifier does not list.
            ("K. S. Ravi Kumar", "Ravi"),
            ("R. Karthik", "R. Karthik"),
            ("J Robert Oppenheimer", "Robert"),
            ("Dra. Isabel Ortega", "Isabel"),
            ("Dipl.-Ing. Stefan Braun", "Stefan"),
            ("Mag. Eva Gruber, MBA", "Eva"),
            ("Ing. Pablo Ruiz", "Pablo"),
            // Without the dot, `Eng` and `Ing` are given names.
            ("Eng Hock Tan", "Eng"),
            ("Ing Lim", "Ing"),
            ("Eng. Omar Haddad", "Omar"),
            // A German doctorate's field, with its dot.
            ("Prof. Dr. med. Hans Müller", "Hans"),
            ("Dr. rer. nat. Eva Roth", "Eva"),
            ("Phil Jones", "Phil"),
            ("A Li", "A Li"),
            ("宏 Tanaka", "宏"),
            // Family name first without a comma, where the writing shows it.
            ("Nguyễn Thị Hương", "Hương"),
            ("Trần Hưng Đạo", "Đạo"),
            ("NGUYỄN THỊ HƯƠNG", "HƯƠNG"),
            ("Nguye\u{302}\u{303}n Thị Hương", "Hương"),
            ("Lê Văn An, MBA", "An"),
            ("Phan Văn Trị", "Trị"),
            ("Hoàng Văn Lâm", "Lâm"),
            ("山田 太郎", "太郎"),
            ("王 小明", "小明"),
            ("김 지우", "지우"),
            ("佐々木 ヒロ", "ヒロ"),
            // The usual order, or no telling.
            ("Hoàng Nguyễn", "Hoàng"),
            ("Nguyen Van An", "Nguyen"),
            ("Huong Nguyen", "Huong"),
            ("Phan Jones", "Phan"),
            ("Hương Nguyễn", "Hương"),
            ("王小明", "王小明"),
            ("山田 太郎 一", "山田"),
            ("🚀", "there"),
            ("", "there"),
        ] {
            assert_eq!(first_name(full, &t.titles), first, "{full}");
        }
        // The config's titles count too.
        let kapt = Templates::default().with_titles(&["Kapt.".to_string()]);
        assert_eq!(first_name("Kapt. Pablo Ruiz", &t.titles), "Kapt.");
        assert_eq!(first_name("Kapt. Pablo Ruiz", &kapt.titles), "Pablo");
        assert_eq!(
            fill("{my_first_name}", &t.people("Ana", "Dr. Colleen Ruiz")),
            "Colleen"
        );
    }

    #[test]
    fn a_last_name_is_what_follows_the_given_name() {
        let t = Templates::default();
        for (full, last) in [
            ("Jane Smith", "Smith"),
            ("Jan van Dijk", "van Dijk"),
            ("Ana Ruiz García", "Ruiz García"),
            ("Dr. Jane Smith, PhD", "Smith"),
            ("Prof. Dr. Hans Müller", "Müller"),
            ("Prof. Dr. med. Hans Müller", "Müller"),
            ("Frau Dr. Eva Gruber | Hiring", "Gruber"),
            ("K. S. Ravi Kumar", "Kumar"),
            ("Mr Jones", "Jones"),
            ("Jane Smith 🚀", "Smith"),
            ("Jane M. Smith", "Smith"),
            ("John F. Kennedy", "Kennedy"),
            ("Jane Smith - Recruiter", "Smith"),
            ("Jane Smith – Talent Acquisition", "Smith"),
            ("Ana Ruiz · Hiring", "Ruiz"),
            ("Marc Col·lell", "Col·lell"),
            ("Zoë", "Zoë"),
            ("Dr.", "Dr."),
            ("宏 Tanaka", "Tanaka"),
            ("Nguyễn Thị Hương", "Nguyễn"),
            ("Trần Hưng Đạo", "Trần"),
            ("山田 太郎", "山田"),
            ("Hoàng Nguyễn", "Nguyễn"),
            ("Nguyen Van An", "Van An"),
            ("🚀", "there"),
            ("", "there"),
        ] {
            assert_eq!(last_name(full, &t.titles), last, "{full}");
        }
        assert_eq!(
            fill(
                "Sehr geehrte Frau {last_name},",
                &t.people("Jana Weber", "")
            ),
            "Sehr geehrte Frau Weber,"
        );
    }

    #[test]
    fn a_name_in_capitals_is_greeted_as_a_name() {
        let t = Templates::default();
        let fill_for = |name| fill("{first_name} {last_name}", &t.people(name, ""));
        assert_eq!(fill_for("ANNA SMITH"), "Anna Smith");
        assert_eq!(fill_for("JEAN-PIERRE O'NEIL"), "Jean-Pierre O'Neil");
        assert_eq!(fill_for("ÉLODIE MARTIN"), "Élodie Martin");
        assert_eq!(fill_for("JJ ABRAMS"), "JJ Abrams", "initials stay");
        assert_eq!(fill_for("JRR TOLKIEN"), "JRR Tolkien");
        assert_eq!(fill_for("BO LI"), "Bo Li");
        assert_eq!(fill_for("AJ SMITH"), "AJ Smith");
        assert_eq!(fill_for("ΟΔΥΣΣΕΑΣ ΠΑΠΑΣ"), "Οδυσσεας Παπας");
        // Short names in other scripts have vowels of their own.
        assert_eq!(fill_for("ЯНА ПЕТРОВА"), "Яна Петрова");
        assert_eq!(fill_for("ЛЕВ ТОЛСТОЙ"), "Лев Толстой");
        assert_eq!(fill_for("ΖΩΗ ΠΑΠΑ"), "Ζωη Παπα");
        assert_eq!(fill_for("Anna McDONALD"), "Anna McDONALD", "as written");
    }

    /// A title and an initial alone (`Mr. A`) are greeted together, as a
    /// title and a name are (`Ms. Jo`), not as the title alone.
    #[test]
    fn a_title_and_an_initial_alone_are_greeted_together() {
        let t = Templates::default();
        let greet = |name| fill("Hi {first_name}, {last_name}", &t.people(name, ""));
        assert_eq!(greet("Mr. A"), "Hi Mr. A, A");
        assert_eq!(greet("Mrs. B"), "Hi Mrs. B, B");
        assert_eq!(greet("Mr A"), "Hi Mr A, A");
        assert_eq!(greet("MR. A"), "Hi Mr. A, A");
        assert_eq!(greet("Mr. J. R."), "Hi Mr. J. R., R.");
        // Initials alone too.
        assert_eq!(greet("J. R."), "Hi J. R., R.");
        // As before.
        assert_eq!(greet("Ms. Jo"), "Hi Ms. Jo, Jo");
        assert_eq!(greet("Dr. Lee"), "Hi Dr. Lee, Lee");
        assert_eq!(greet("Dr. A. Smith"), "Hi Dr. A. Smith, Smith");
        assert_eq!(greet("Dr."), "Hi Dr., Dr.");
        assert_eq!(greet("A"), "Hi A, A");
    }

    /// An abbreviation no list holds (`Capt.`) before one name is greeted
    /// with it, as a known title is; before more, the config decides.
    #[test]
    fn an_unknown_abbreviation_before_one_name_is_greeted_with_it() {
        let t = Templates::default();
        let greet = |name| fill("Hi {first_name}, {last_name}", &t.people(name, ""));
        assert_eq!(greet("Capt. Ahab"), "Hi Capt. Ahab, Ahab");
        assert_eq!(greet("CAPT. AHAB"), "Hi Capt. Ahab, Ahab");
        assert_eq!(greet("Dr. Capt. Ahab"), "Hi Dr. Capt. Ahab, Ahab");
        assert_eq!(greet("Wm. Smith"), "Hi Wm. Smith, Smith");
        assert_eq!(greet("Capt. A"), "Hi Capt. A, A");
        // Initials as before.
        assert_eq!(greet("J. R. Tolkien"), "Hi J. R. Tolkien, Tolkien");
        assert_eq!(greet("A. Smith"), "Hi A. Smith, Smith");
        assert_eq!(greet("Dr. A. Smith"), "Hi Dr. A. Smith, Smith");
        assert_eq!(greet("Kapt. Pablo Ruiz"), "Hi Kapt., Pablo Ruiz");
        assert_eq!(greet("Capt."), "Hi Capt., Capt.");
    }

    /// `Smith, Jane` puts the family name first; a degree or suffix after
    /// the comma (`Jane Smith, PhD`, `Smith, Jr.`) does not.
    #[test]
    fn a_name_written_family_name_first_is_read_so() {
        let t = Templates::default();
        let greet = |name| fill("Hi {first_name}, {last_name}", &t.people(name, ""));
        assert_eq!(greet("Smith, Jane"), "Hi Jane, Smith");
        assert_eq!(greet("Smith,Jane"), "Hi Jane, Smith");
        assert_eq!(greet("Lee, Mary Ann"), "Hi Mary, Lee");
        assert_eq!(greet("Smith, Jane M."), "Hi Jane, Smith");
        assert_eq!(greet("van Dijk, Jan"), "Hi Jan, van Dijk");
        assert_eq!(greet("O'Neil, Mary-Jo"), "Hi Mary-Jo, O'Neil");
        assert_eq!(greet("McDonald, Ann | Hiring"), "Hi Ann, McDonald");
        assert_eq!(greet("Smith, Jane, PhD"), "Hi Jane, Smith");
        assert_eq!(
            fill("{my_first_name}", &t.people("", "Ruiz, Colleen")),
            "Colleen"
        );
        // Without a comma, where the writing shows it: Vietnamese with its
        // marks, Chinese, Japanese and Korean in their scripts.
        assert_eq!(greet("Nguyễn Thị Hương"), "Hi Hương, Nguyễn");
        assert_eq!(greet("NGUYỄN THỊ HƯƠNG"), "Hi Hương, Nguyễn");
        assert_eq!(greet("山田 太郎"), "Hi 太郎, 山田");
        assert_eq!(greet("王 小明"), "Hi 小明, 王");
        assert_eq!(greet("김 지우"), "Hi 지우, 김");
        assert_eq!(greet("Nguyen Van An"), "Hi Nguyen, Van An");
        assert_eq!(greet("王小明"), "Hi 王小明, 王小明");
        // Past titles, and without a credential after it.
        assert_eq!(greet("Dr. Nguyễn Thị Hương"), "Hi Hương, Nguyễn");
        assert_eq!(greet("Ms. 山田 太郎"), "Hi 太郎, 山田");
        assert_eq!(greet("Anna Nguyễn"), "Hi Anna, Nguyễn");
        assert_eq!(greet("Nguyễn Thị Hương MBA"), "Hi Hương, Nguyễn");
        assert_eq!(greet("NGUYỄN VĂN AN JR."), "Hi An, Nguyễn");
        assert_eq!(greet("Nguyễn Thị Hương MBA PMP"), "Hi Hương, Nguyễn");
        // With a comma, the given name is still the last word.
        assert_eq!(greet("Nguyễn, Thị Hương"), "Hi Hương, Nguyễn");
        assert_eq!(greet("TRẦN, VĂN AN"), "Hi An, Trần");
        assert_eq!(
            fill("{full_name}", &t.people("Nguyễn, Thị Hương", "")),
            "Nguyễn Thị Hương"
        );
        assert_eq!(greet("Lee, Mary Ann"), "Hi Mary, Lee");
        assert_eq!(greet("SMITH, JOHN JR"), "Hi John, Smith");
        assert_eq!(greet("Smith Jr., John"), "Hi John, Smith");
        assert_eq!(greet("JOHN SMITH JR"), "Hi John, Smith Jr");
        assert_eq!(greet("JOHN SMITH II"), "Hi John, Smith II");
        assert_eq!(
            fill("{my_first_name}", &t.people("", "Trần Hưng Đạo")),
            "Đạo"
        );
        let stranger = fill(BUILT_IN[0].2, &t.people("Nguyễn Thị Hương", ""));
        assert!(stranger.starts_with("Hi Hương,\n"), "{stranger}");
        // A suffix or degree, or a name in the usual order before the comma.
        assert_eq!(greet("Jane Smith, PhD"), "Hi Jane, Smith");
        assert_eq!(greet("Jane Smith, Talent Acquisition"), "Hi Jane, Smith");
        assert_eq!(greet("Jan van Dijk, Jr."), "Hi Jan, van Dijk");
        assert_eq!(greet("Smith, Jr."), "Hi Smith, Smith");
        assert_eq!(greet("Smith, Jr"), "Hi Smith, Smith");
        assert_eq!(greet("Cher, PhD"), "Hi Cher, Cher");
        assert_eq!(greet("Cher, Phd"), "Hi Cher, Cher");
        assert_eq!(greet("Smith, MBA"), "Hi Smith, Smith");
        assert_eq!(greet("Smith, MSc"), "Hi Smith, Smith");
        assert_eq!(greet("Smith - Recruiter, Acme"), "Hi Smith, Smith");
        // A title before the given name; a job after a given name.
        assert_eq!(greet("Müller, Dr. Hans"), "Hi Hans, Müller");
        assert_eq!(greet("Jane, Recruiter"), "Hi Jane, Jane");
        assert_eq!(greet("Jane, Hiring Manager"), "Hi Jane, Jane");
        assert_eq!(greet("Jane, Talent Acquisition"), "Hi Jane, Jane");
        assert_eq!(greet("J.R.R. Tolkien"), "Hi J.R.R. Tolkien, Tolkien");
        // In one case, re-cased: the family name first all the same.
        assert_eq!(greet("DOE, JANE"), "Hi Jane, Doe");
        assert_eq!(greet("smith, jane"), "Hi Jane, Smith");
        assert_eq!(greet("NOWAK, Anna"), "Hi Anna, Nowak");
        // A word in capitals after a family name written as names are is
        // an abbreviation, unless it reads as a given name (three letters
        // or more, a vowel, no abbreviation listed).
        assert_eq!(greet("Nowak, ANNA"), "Hi Anna, Nowak");
        assert_eq!(greet("Doe, JANE"), "Hi Jane, Doe");
        assert_eq!(greet("MacLEOD, ANNA"), "Hi Anna, MacLeod");
        assert_eq!(greet("DeVITO, DANNY"), "Hi Danny, DeVito");
        assert_eq!(greet("McDONALD, RONALD"), "Hi Ronald, McDonald");
        assert_eq!(greet("Smith, LEED"), "Hi Smith, Smith");
        assert_eq!(greet("Smith, CISSP"), "Hi Smith, Smith");
        assert_eq!(greet("Lee, ANN"), "Hi Ann, Lee");
        assert_eq!(greet("Ng, AMY"), "Hi Amy, Ng");
        assert_eq!(greet("Smith, EVP"), "Hi Smith, Smith");
        assert_eq!(greet("Smith, MBA"), "Hi Smith, Smith");
        // An initial alone is no given name to greet.
        assert_eq!(greet("SMITH, J."), "Hi Smith, Smith");
        assert_eq!(greet("Priya, CTO"), "Hi Priya, Priya");
        assert_eq!(greet("Smith, MA"), "Hi Smith, Smith");
        assert_eq!(greet("SMITH, CTO"), "Hi Smith, Smith");
        assert_eq!(greet("SMITH, III"), "Hi Smith, Smith");
        assert_eq!(greet("ACME, INC"), "Hi Acme, Acme");
        assert_eq!(greet("smith, cto"), "Hi Smith, Smith");
        assert_eq!(greet("SMITH, CFO"), "Hi Smith, Smith");
        assert_eq!(greet("SMITH, CO-FOUNDER"), "Hi Smith, Smith");
        assert_eq!(greet("VAN DIJK, JAN"), "Hi Jan, Van Dijk");
        assert_eq!(greet("LEE, MARY ANN"), "Hi Mary, Lee");
        // A degree in capitals is none the less a degree.
        assert_eq!(greet("SMITH, CPA"), "Hi Smith, Smith");
        assert_eq!(greet("Smith, CPA"), "Hi Smith, Smith");
        assert_eq!(greet("SMITH, CSCP"), "Hi Smith, Smith");
        assert_eq!(greet("SMITH, PHD"), "Hi Smith, Smith");
        assert_eq!(greet("JANE SMITH, MBA"), "Hi Jane, Smith");
    }

    /// A name all in small letters is re-cased as one all in capitals is.
    #[test]
    fn a_name_in_small_letters_is_greeted_as_a_name() {
        let t = Templates::default();
        let fill_for = |name| fill("{first_name} {last_name}", &t.people(name, ""));
        assert_eq!(fill_for("mary ann lee"), "Mary Ann Lee");
        assert_eq!(fill_for("mary ann lee"), fill_for("MARY ANN LEE"));
        assert_eq!(fill_for("jean-pierre o'neil"), "Jean-Pierre O'Neil");
        assert_eq!(fill_for("élodie martin"), "Élodie Martin");
        assert_eq!(fill_for("οδυσσεας παπας"), "Οδυσσεας Παπας");
        assert_eq!(fill_for("jane Smith"), "Jane Smith");
        // Initials read as in capitals.
        assert_eq!(fill_for("aj smith"), fill_for("AJ SMITH"));
        assert_eq!(fill_for("bo li"), "Bo Li");
        // "there" is no name.
        assert_eq!(fill_for("🚀"), "there there");
    }

    /// `{full_name}` is the name as one writes it to the person: given
    /// names first, re-cased, without titles, credentials after a comma, a
    /// bracket or an emoji; "there" when it has no letter. It was the
    /// export's cell as it is (`Dear DOE, JANE,`, `Dear 👋,`).
    #[test]
    fn a_full_name_is_written_as_one_writes_it_to_the_person() {
        let t = Templates::default();
        let dear = |name| fill("Dear {full_name},", &t.people(name, ""));
        for (name, full) in [
            ("DOE, JANE", "Jane Doe"),
            ("doe, jane", "Jane Doe"),
            ("MCDONALD, RONALD", "Ronald McDonald"),
            ("ÉMILIE DUPONT", "Émilie Dupont"),
            ("Smith, Dr. Jane", "Jane Smith"),
            ("Jane Doe, MBA", "Jane Doe"),
            ("Ana Ruiz (she/her)", "Ana Ruiz"),
            ("Ana Ruiz (she/her), PhD", "Ana Ruiz"),
            ("Robert (Bob) Smith", "Robert Smith"),
            ("\u{1F44B}", "there"),
            ("  ", "there"),
            ("(she/her)", "there"),
            // Family name first, all given names.
            ("Lee, Mary Ann", "Mary Ann Lee"),
            ("Smith, Jane M.", "Jane M. Smith"),
            ("van Dijk, Jan", "Jan van Dijk"),
            ("VAN DIJK, JAN", "Jan Van Dijk"),
            ("NOWAK, Anna", "Anna Nowak"),
            ("Müller, Dr. Hans", "Hans Müller"),
            ("McDonald, Ann | Hiring", "Ann McDonald"),
            // Titles, as `{last_name}` has none; what follows the name.
            ("Dr. Jane Smith, PhD", "Jane Smith"),
            ("Prof. Dr. med. Hans Müller", "Hans Müller"),
            ("DR ANA LIMA", "Ana Lima"),
            ("Mr Jones", "Jones"),
            ("Frau Dr. Eva Gruber | Hiring", "Eva Gruber"),
            ("Jane Smith - Recruiter", "Jane Smith"),
            ("\u{1F680} Jane Smith \u{1F680}", "Jane Smith"),
            ("Priya, CTO", "Priya"),
            ("SMITH, CTO", "Smith"),
            ("ACME, INC", "Acme"),
            ("SMITH, III", "Smith"),
            // Given names in capitals after a family name as written.
            ("Doe, JANE", "Jane Doe"),
            ("MacLEOD, ANNA", "Anna MacLeod"),
            ("DeVITO, DANNY", "Danny DeVito"),
            ("McDONALD, RONALD", "Ronald McDonald"),
            ("Jane Doe [she/her]", "Jane Doe"),
            ("Ana Ruiz [she/her], PhD", "Ana Ruiz"),
            ("[she/her]", "there"),
            // Enclosed letters are emoji to the eye.
            ("\u{1F170}\u{FE0F}\u{1F171}\u{FE0F}", "there"),
            ("\u{1F130}\u{1F131}", "there"),
            ("\u{1F130} Jane Doe", "Jane Doe"),
            ("Dr.", "Dr."),
            // Re-cased as first and last names are.
            ("jane smith", "Jane Smith"),
            ("JEAN-PIERRE O'NEIL", "Jean-Pierre O'Neil"),
            ("JJ ABRAMS", "JJ Abrams"),
            ("jane Smith", "Jane Smith"),
            // Vietnamese vowels are vowels; a family name's short word in
            // capitals is no initials.
            ("NGUYỄN VĂN AN", "Nguyễn Văn An"),
            ("LÊ THỊ MAI", "Lê Thị Mai"),
            ("JOHN VAN AN", "John Van An"),
            ("TOM NG", "Tom Ng"),
            ("NG, TOM", "Tom Ng"),
            ("AL GORE", "Al Gore"),
            ("NGUYEN, VAN AN", "Van An Nguyen"),
            ("AJ SMITH", "AJ Smith"),
            ("JOHN SMITH II", "John Smith II"),
            ("JOHN SMITH III", "John Smith III"),
            ("JOHN SMITH JR", "John Smith Jr"),
            ("john smith jr.", "John Smith Jr."),
            ("JANE SMITH PHD", "Jane Smith PhD"),
            ("JOHN ST PIERRE", "John St Pierre"),
            ("JOHN SMITH 3RD", "John Smith 3rd"),
            ("VĂN NGUYỄN", "Văn Nguyễn"),
            ("JANE SMITH MBA", "Jane Smith MBA"),
            ("JANE MBA", "Jane Mba"),
            ("jane smith msc", "Jane Smith MSc"),
            ("JOHN MCDONALD", "John McDonald"),
            ("JOHN MACDONALD", "John Macdonald"),
            ("JOHN MA", "John Ma"),
            ("Anna SMITH", "Anna Smith"),
            // As written.
            ("Jan van Dijk", "Jan van Dijk"),
            ("Seán O'Brien", "Seán O'Brien"),
            ("\u{674E}\u{5C0F}\u{9F99}", "\u{674E}\u{5C0F}\u{9F99}"),
            ("宏 田中", "宏 田中"),
            ("Nguyễn Thị Hương", "Nguyễn Thị Hương"),
            ("山田 太郎", "山田 太郎"),
            ("Ana de la Cruz", "Ana de la Cruz"),
            ("Anna McDONALD", "Anna McDONALD"),
            ("Marc Col·lell", "Marc Col·lell"),
            ("K. S. Ravi Kumar", "K. S. Ravi Kumar"),
            ("Jane M. Smith", "Jane M. Smith"),
            ("Wm. Smith", "Wm. Smith"),
            ("Zoë Ångström-Lévy", "Zoë Ångström-Lévy"),
        ] {
            assert_eq!(dear(name), format!("Dear {full},"), "{name}");
        }
        // A bracket is no part of the first or last name either.
        let greet = |name| fill("Hi {first_name}, {last_name}", &t.people(name, ""));
        assert_eq!(greet("Robert (Bob) Smith"), "Hi Robert, Smith");
        assert_eq!(greet("Ruiz (she/her), Ana"), "Hi Ana, Ruiz");
        // For a title line: `None` where a greeting says "there".
        assert_eq!(
            readable_name("DOE, JANE (she/her)", &t.titles).as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(readable_name("\u{1F44B}", &t.titles), None);
        assert_eq!(
            readable_name("MacLEOD, ANNA", &t.titles).as_deref(),
            Some("Anna MacLeod")
        );
        assert_eq!(readable_name("\u{1F170}\u{1F171}", &t.titles), None);
        let all = |name| fill("{first_name}|{last_name}|{full_name}", &t.people(name, ""));
        assert_eq!(all("Doe, JANE"), "Jane|Doe|Jane Doe");
        assert_eq!(all("MacLEOD, ANNA"), "Anna|MacLeod|Anna MacLeod");
        assert_eq!(all("DeVITO, DANNY"), "Danny|DeVito|Danny DeVito");
        assert_eq!(all("Jane Doe [she/her]"), "Jane|Doe|Jane Doe");
        // Family name first without a comma: as written, re-cased.
        assert_eq!(all("NGUYỄN THỊ HƯƠNG"), "Hương|Nguyễn|Nguyễn Thị Hương");
        assert_eq!(all("Nguyễn Thị Hương"), "Hương|Nguyễn|Nguyễn Thị Hương");
        assert_eq!(all("山田 太郎"), "太郎|山田|山田 太郎");
        assert_eq!(
            readable_name("Nguyễn Thị Hương (she/her)", &t.titles).as_deref(),
            Some("Nguyễn Thị Hương")
        );
        assert_eq!(
            all("\u{1F170}\u{FE0F}\u{1F171}\u{FE0F}"),
            "there|there|there"
        );
    }

    #[test]
    fn missing_names_read_naturally() {
        let t = Templates::default();
        let p = t.people("  ", "");
        assert_eq!(
            fill(
                "Hi {first_name}, {full_name}. {my_first_name}|{my_name}|",
                &p
            ),
            "Hi there, there. ||"
        );
    }

    #[test]
    fn braces_escape() {
        let t = Templates::default();
        let p = t.people("Al B", "C");
        assert_eq!(
            fill("{{first_name}} {first_name}}}", &p),
            "{first_name} Al}"
        );
    }

    /// Your own templates follow the built-ins in name order as read, not
    /// in the config's byte order.
    #[test]
    fn own_templates_are_in_name_order() {
        let c: BTreeMap<String, String> = ["Zeta", "beta", "\u{c9}mile", "alpha"]
            .iter()
            .map(|n| (n.to_string(), "Hi {first_name}".to_string()))
            .collect();
        let t = Templates::new(&c).unwrap();
        let own: Vec<&str> = t.list[BUILT_IN.len()..]
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(own, ["alpha", "beta", "\u{c9}mile", "Zeta"]);
    }

    #[test]
    fn unknown_placeholder_is_named() {
        let mut c = BTreeMap::new();
        c.insert("mine".to_string(), "Hi {firstname}".to_string());
        let err = Templates::new(&c).unwrap_err().to_string();
        assert!(err.contains("mine") && err.contains("{firstname}"), "{err}");
        let mut c = BTreeMap::new();
        c.insert("stranger".to_string(), "Hi {first_name".to_string());
        assert!(matches!(
            Templates::new(&c),
            Err(TemplateError::Unclosed { .. })
        ));
    }

    /// `Stranger` would add a template beside `stranger`, unchanged; an
    /// empty name would list as nothing.
    #[test]
    fn a_built_in_name_in_other_case_or_no_name_is_refused() {
        let mut c = BTreeMap::new();
        c.insert("Stranger".to_string(), "Hallo {first_name}".to_string());
        let err = Templates::new(&c).unwrap_err();
        assert_eq!(err.template(), "Stranger");
        assert!(
            err.to_string().contains("write `stranger`, exactly so"),
            "{err}"
        );
        let mut c = BTreeMap::new();
        c.insert(" ".to_string(), "Hallo".to_string());
        assert!(matches!(
            Templates::new(&c),
            Err(TemplateError::NoName { .. })
        ));
    }

    #[test]
    fn config_overrides_and_extends() {
        let mut c = BTreeMap::new();
        c.insert("stranger".to_string(), "Yo {first_name}".to_string());
        c.insert("zz-mine".to_string(), "Mine".to_string());
        let t = Templates::new(&c).unwrap();
        assert_eq!(t.list.len(), 5);
        assert_eq!(t.list[0].text, "Yo {first_name}");
        assert_eq!(t.list[4].name, "zz-mine");
    }

    #[test]
    fn template_choice_follows_the_group() {
        let t = Templates::default();
        assert_eq!(
            t.list[t.default_for(Category::Default, false)].name,
            "stranger"
        );
        assert_eq!(
            t.list[t.default_for(Category::GreetingOnly, false)].name,
            "greeting"
        );
        assert_eq!(
            t.list[t.default_for(Category::Customised, false)].name,
            "customised"
        );
        assert_eq!(
            t.list[t.default_for(Category::Customised, true)].name,
            "thanks"
        );
    }
}
