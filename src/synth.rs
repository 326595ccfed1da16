//! Deterministic synthetic `Invitations.csv` exports, for benchmarks and
//! stress tests.
//!
//! [`write()`] streams a complete export (LinkedIn's seven-column header, then
//! one row per invitation, `\n` line ends, fields quoted only when needed) for
//! one inbox owner, [`OWNER_NAME`]; [`generate`] collects the same bytes into
//! a `String`. The mix follows the survey that motivates the tool:
//!
//! - about 90% incoming and 10% outgoing (sent by the owner);
//! - about 80% `default`: half of them with no note (a few white space only),
//!   the rest LinkedIn's stock texts in several languages and eras (some with
//!   the old `- Sender Name` sign-off or a "has indicated you are a" line),
//!   generic phrases, and greetings that name no one (`Hi,` `Hello there!`);
//! - about 8% `greeting-only`: stock or generic text behind a greeting that
//!   names the recipient, sometimes with a sign-off;
//! - about 12% `customised`: templates filled with events, cities, topics,
//!   mutual contacts and roles, a share of them sales pitches and recruiters
//!   with prices and links.
//!
//! Notes carry commas, double quotes, line breaks (`\n`, sometimes `\r\n`),
//! emoji and accented letters, so the CSV layer is exercised too. Every row's
//! counterpart has its own profile URL (the row index is part of the slug),
//! and `Sent At` runs roughly newest first from late 2026 back to 2015 in
//! LinkedIn's `M/D/YY, h:mm AM/PM` form.
//!
//! The output depends only on `(rows, seed)`: the same pair gives the same
//! bytes on every platform and release, so benchmark figures and tests can
//! rely on it.

use std::fmt::Write as _;
use std::io;

use crate::report::csv_io;

/// The inbox owner: the recipient of every incoming row, the sender of every
/// outgoing one.
pub const OWNER_NAME: &str = "Robin Castillo";
/// The owner's profile URL.
pub const OWNER_URL: &str = "https://www.linkedin.com/in/robin-castillo-3f9d21";
/// LinkedIn's header for `Invitations.csv`.
pub const HEADER: [&str; 7] = crate::import::HEADER_COLUMNS;

/// The owner's first name, as greetings use it.
const OWNER_FIRST: &str = "Robin";

/// Returns a complete synthetic export of `rows` invitations as a string.
/// Same `(rows, seed)`, same string.
pub fn generate(rows: usize, seed: u64) -> String {
    let mut buf = Vec::with_capacity(rows.saturating_mul(216).saturating_add(128));
    write(&mut buf, rows, seed).expect("writing to a Vec cannot fail");
    String::from_utf8(buf).expect("the generator writes UTF-8 only")
}

/// Streams a complete synthetic export of `rows` invitations to `w`, row by
/// row, so that a million rows never sit in memory. The CSV writer buffers
/// internally; `w` needs no `BufWriter` of its own.
pub fn write<W: io::Write>(w: W, rows: usize, seed: u64) -> io::Result<()> {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .buffer_capacity(64 * 1024)
        .from_writer(w);
    out.write_record(HEADER).map_err(csv_io)?;
    let mut g = Generator::new(rows, seed);
    for i in 0..rows {
        g.row(i);
        out.write_record([
            g.from.as_str(),
            g.to.as_str(),
            g.sent_at.as_str(),
            g.note.as_str(),
            g.direction,
            g.inviter.as_str(),
            g.invitee.as_str(),
        ])
        .map_err(csv_io)?;
    }
    out.flush()
}

/// The group a row's note was built for (the classifier decides for real).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Default,
    GreetingOnly,
    Customised,
}

/// SplitMix64, hand-written so the output never changes when a crate's
/// version does (benchmark figures and tests depend on these exact bytes).
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`), by multiply-shift.
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// An index into a slice of length `len` (`len > 0`).
    fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.index(items.len())]
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// Builds one row at a time into reused buffers.
struct Generator {
    rng: SplitMix64,
    rows: u64,
    /// First and last minute of the date range, in minutes since 1970-01-01.
    first_minute: u64,
    last_minute: u64,
    from: String,
    to: String,
    sent_at: String,
    note: String,
    direction: &'static str,
    inviter: String,
    invitee: String,
    /// The counterpart's full name and first name, for templates.
    other: String,
    other_first: &'static str,
    /// The counterpart's profile URL.
    url: String,
}

impl Generator {
    fn new(rows: usize, seed: u64) -> Self {
        Generator {
            rng: SplitMix64(seed),
            rows: rows.max(1) as u64,
            first_minute: days_from_civil(2015, 1, 1) * 1440 + 8 * 60,
            last_minute: days_from_civil(2026, 11, 25) * 1440 + 17 * 60 + 45,
            from: String::new(),
            to: String::new(),
            sent_at: String::new(),
            note: String::new(),
            direction: "",
            inviter: String::new(),
            invitee: String::new(),
            other: String::new(),
            other_first: "",
            url: String::new(),
        }
    }

    /// Fills the buffers with row `i` and returns the group its note was built for.
    fn row(&mut self, i: usize) -> Kind {
        let (first, first_slug) = self.rng.pick(FIRST);
        let (last, last_slug) = self.rng.pick(LAST);
        self.other.clear();
        self.other.push_str(first);
        self.other.push(' ');
        self.other.push_str(last);
        self.other_first = first;
        let salt = self.rng.below(0x1000);
        self.url.clear();
        let _ = write!(
            self.url,
            "https://www.linkedin.com/in/{first_slug}-{last_slug}-{i:x}{salt:03x}"
        );

        let outgoing = self.rng.chance(10);
        self.from.clear();
        self.to.clear();
        self.inviter.clear();
        self.invitee.clear();
        if outgoing {
            self.from.push_str(OWNER_NAME);
            self.to.push_str(&self.other);
            self.inviter.push_str(OWNER_URL);
            self.invitee.push_str(&self.url);
            self.direction = "OUTGOING";
        } else {
            self.from.push_str(&self.other);
            self.to.push_str(OWNER_NAME);
            self.inviter.push_str(&self.url);
            self.invitee.push_str(OWNER_URL);
            self.direction = "INCOMING";
        }

        self.date(i as u64);

        let roll = self.rng.below(100);
        let kind = if roll < 80 {
            Kind::Default
        } else if roll < 88 {
            Kind::GreetingOnly
        } else {
            Kind::Customised
        };
        self.note.clear();
        let ctx = Ctx {
            outgoing,
            sender: if outgoing { OWNER_NAME } else { &self.other },
            sender_first: if outgoing {
                OWNER_FIRST
            } else {
                self.other_first
            },
            recipient_first: if outgoing {
                self.other_first
            } else {
                OWNER_FIRST
            },
            recipient_last: if outgoing {
                last
            } else {
                OWNER_NAME.rsplit(' ').next().unwrap_or(OWNER_NAME)
            },
        };
        let mut note = std::mem::take(&mut self.note);
        match kind {
            Kind::Default => default_note(&mut self.rng, &ctx, &mut note),
            Kind::GreetingOnly => greeting_note(&mut self.rng, &ctx, &mut note),
            Kind::Customised => customised_note(&mut self.rng, &ctx, &mut note),
        }
        // Some senders' line breaks arrive as CRLF.
        if note.contains('\n') && self.rng.chance(20) {
            note = note.replace('\n', "\r\n");
        }
        self.note = note;
        kind
    }

    /// `Sent At` for row `i`: rows step back evenly from `last_minute` to
    /// `first_minute`, each jittered within its step, so the export reads
    /// roughly newest first over the whole range whatever the row count.
    fn date(&mut self, i: u64) {
        let span = self.last_minute - self.first_minute;
        let step = (span / self.rows).max(1);
        let base =
            self.last_minute - (u128::from(i) * u128::from(span) / u128::from(self.rows)) as u64;
        let minute = base
            .saturating_sub(self.rng.below(step))
            .max(self.first_minute);
        let (y, m, d) = civil_from_days(minute / 1440);
        let in_day = minute % 1440;
        let (hour, min) = (in_day / 60, in_day % 60);
        let h12 = if hour % 12 == 0 { 12 } else { hour % 12 };
        let ampm = if hour < 12 { "AM" } else { "PM" };
        self.sent_at.clear();
        let _ = write!(
            self.sent_at,
            "{m}/{d}/{:02}, {h12}:{min:02} {ampm}",
            y % 100
        );
    }
}

/// What a note template may refer to.
struct Ctx<'a> {
    outgoing: bool,
    sender: &'a str,
    sender_first: &'a str,
    recipient_first: &'a str,
    recipient_last: &'a str,
}

/// Appends a `default` note: nothing, or stock/generic text only.
fn default_note(rng: &mut SplitMix64, ctx: &Ctx<'_>, out: &mut String) {
    let roll = rng.below(100);
    if roll < 50 {
        // No note; a few exports carry white space instead of nothing.
        if rng.chance(2) {
            out.push_str(if rng.chance(50) { "\n" } else { " " });
        }
        return;
    }
    if roll < 58 {
        // LinkedIn's "has indicated you are a ..." line, then its stock text.
        let _ = write!(
            out,
            "{} has indicated you are a {}:\n\n{}",
            ctx.sender,
            rng.pick(RELATIONS),
            STOCK_EN[0]
        );
        if rng.chance(60) {
            let _ = write!(out, "\n\n- {}", ctx.sender);
        }
        return;
    }
    if roll < 66 {
        // A greeting that names no one.
        out.push_str(rng.pick(ANONYMOUS_GREETINGS));
    }
    match rng.below(10) {
        0..=3 => out.push_str(rng.pick(STOCK_EN)),
        4..=6 => out.push_str(rng.pick(STOCK_OTHER)),
        _ => out.push_str(rng.pick(GENERIC)),
    }
    if rng.chance(25) {
        out.push(' ');
        out.push_str(rng.pick(GENERIC));
    }
    match rng.below(10) {
        0..=2 => {
            let _ = write!(out, "\n\n- {}", ctx.sender);
        }
        3 => {
            let _ = write!(out, "\nThanks!\n{}", ctx.sender_first);
        }
        4 => out.push_str(" 🙂"),
        _ => {}
    }
}

/// Appends a `greeting-only` note: a greeting naming the recipient, then
/// stock or generic text, maybe a sign-off.
fn greeting_note(rng: &mut SplitMix64, ctx: &Ctx<'_>, out: &mut String) {
    if rng.chance(12) {
        // Nothing but the greeting.
        let _ = write!(out, "{} {}!", rng.pick(SALUTATIONS), ctx.recipient_first);
        return;
    }
    // Without a delimiter the next capitalised word would join the greeting,
    // so then the text must start with `I`.
    let mut body = StockChoice::Any;
    match rng.below(10) {
        0 => {
            // Bare name.
            out.push_str(ctx.recipient_first);
            out.push_str(",\n");
        }
        1 => {
            let _ = write!(out, "Dear {} {},\n\n", rng.pick(TITLES), ctx.recipient_last);
        }
        _ => {
            let salutation = rng.pick(SALUTATIONS);
            let delimiter = if salutation == "Dear" {
                ",\n\n"
            } else {
                rng.pick(GREETING_DELIMITERS)
            };
            if delimiter == " " {
                body = StockChoice::FirstPerson;
            }
            let _ = write!(out, "{salutation} {}{delimiter}", ctx.recipient_first);
        }
    }
    match body {
        StockChoice::Any => match rng.below(10) {
            0..=3 => out.push_str(rng.pick(STOCK_EN)),
            4..=5 => out.push_str(rng.pick(STOCK_OTHER)),
            _ => out.push_str(rng.pick(GENERIC)),
        },
        StockChoice::FirstPerson => out.push_str(rng.pick(&STOCK_EN[..6])),
    }
    signoff(rng, ctx, out);
}

/// Which texts may follow a greeting.
#[derive(Clone, Copy)]
enum StockChoice {
    /// Any stock text or generic phrase.
    Any,
    /// Only English stock texts that start with `I` (`I'd`, `I would`).
    FirstPerson,
}

/// Appends a `customised` note from a template.
fn customised_note(rng: &mut SplitMix64, ctx: &Ctx<'_>, out: &mut String) {
    let template = rng.pick(if ctx.outgoing {
        CUSTOM_OUTGOING
    } else {
        CUSTOM_INCOMING
    });
    let greets = !template.starts_with('@');
    let template = template.trim_start_matches('@');
    if greets && rng.chance(70) {
        // Not the bare-space delimiter: templates start with a capital.
        let delimiter = rng.pick(&GREETING_DELIMITERS[..GREETING_DELIMITERS.len() - 1]);
        let _ = write!(
            out,
            "{} {}{delimiter}",
            rng.pick(&SALUTATIONS[..4]),
            ctx.recipient_first
        );
    }
    expand(rng, ctx, template, out);
    if rng.chance(25) {
        out.push(' ');
        out.push_str(rng.pick(GENERIC));
    }
    signoff(rng, ctx, out);
}

/// Appends a sign-off, or nothing.
fn signoff(rng: &mut SplitMix64, ctx: &Ctx<'_>, out: &mut String) {
    match rng.below(12) {
        0 => {
            let _ = write!(out, "\nBest, {}", ctx.sender_first);
        }
        1 => {
            let _ = write!(out, "\n\nKind regards,\n{}", ctx.sender);
        }
        2 => {
            let _ = write!(out, "\n\n- {}", ctx.sender);
        }
        3 => out.push_str("\nThanks!"),
        4 => {
            let _ = write!(out, "\nCheers, {}", ctx.sender_first);
        }
        5 => {
            let _ = write!(out, "\n\nMit freundlichen Grüßen\n{}", ctx.sender);
        }
        _ => {}
    }
}

/// Copies `template` to `out`, replacing each `{slot}` with a pick from its list.
fn expand(rng: &mut SplitMix64, ctx: &Ctx<'_>, template: &str, out: &mut String) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').expect("templates close every slot");
        match &after[..close] {
            "event" => out.push_str(rng.pick(EVENTS)),
            "city" => out.push_str(rng.pick(CITIES)),
            "topic" => out.push_str(rng.pick(TOPICS)),
            "talk" => out.push_str(rng.pick(TALKS)),
            "role" => out.push_str(rng.pick(ROLES)),
            "company" => out.push_str(rng.pick(COMPANIES)),
            "field" => out.push_str(rng.pick(FIELDS)),
            "school" => out.push_str(rng.pick(SCHOOLS)),
            "service" => out.push_str(rng.pick(SERVICES)),
            "mutual" => {
                let (first, _) = rng.pick(FIRST);
                let (last, _) = rng.pick(LAST);
                let _ = write!(out, "{first} {last}");
            }
            "first" => out.push_str(ctx.recipient_first),
            "pct" => {
                let _ = write!(out, "{}", 10 + rng.below(31));
            }
            "mins" => out.push_str(rng.pick(&["15", "20", "30"])),
            "pay" => {
                let low = 90 + 5 * rng.below(20);
                let _ = write!(out, "${low}k–${}k", low + 20);
            }
            "rate" => {
                let _ = write!(out, "{}", 18 + rng.below(40));
            }
            "link" => {
                let host = rng.pick(LINK_HOSTS);
                let _ = write!(out, "{host}{:05x}", rng.below(0x10_0000));
            }
            other => unreachable!("unknown template slot {other}"),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: u64, m: u64, d: u64) -> u64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y / 400;
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number from [`days_from_civil`] (H. Hinnant's algorithm).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

// ---- word lists -------------------------------------------------------------

/// First names and their URL slugs.
const FIRST: &[(&str, &str)] = &[
    ("Aarav", "aarav"),
    ("Abena", "abena"),
    ("Adaeze", "adaeze"),
    ("Aiko", "aiko"),
    ("Alejandro", "alejandro"),
    ("Amara", "amara"),
    ("Ananya", "ananya"),
    ("Anders", "anders"),
    ("Astrid", "astrid"),
    ("Aylin", "aylin"),
    ("Beatriz", "beatriz"),
    ("Björn", "bjorn"),
    ("Camila", "camila"),
    ("Chidi", "chidi"),
    ("Chloé", "chloe"),
    ("Jiwoo", "jiwoo"),
    ("Dmitri", "dmitri"),
    ("Elif", "elif"),
    ("Emeka", "emeka"),
    ("Fatima", "fatima"),
    ("Florian", "florian"),
    ("François", "francois"),
    ("Giulia", "giulia"),
    ("Grace", "grace"),
    ("Hamid", "hamid"),
    ("Hana", "hana"),
    ("Hiroshi", "hiroshi"),
    ("Ibrahim", "ibrahim"),
    ("Inês", "ines"),
    ("Ingrid", "ingrid"),
    ("Jamal", "jamal"),
    ("Javier", "javier"),
    ("Jia", "jia"),
    ("Joaquín", "joaquin"),
    ("José", "jose"),
    ("Kamala", "kamala"),
    ("Kenji", "kenji"),
    ("Kofi", "kofi"),
    ("Leila", "leila"),
    ("Lorenzo", "lorenzo"),
    ("Lucía", "lucia"),
    ("Łukasz", "lukasz"),
    ("Magnus", "magnus"),
    ("Malik", "malik"),
    ("Mariana", "mariana"),
    ("Matteo", "matteo"),
    ("Mei", "mei"),
    ("Minjun", "minjun"),
    ("Nadia", "nadia"),
    ("Naledi", "naledi"),
    ("Noor", "noor"),
    ("Olumide", "olumide"),
    ("Oskar", "oskar"),
    ("Priya", "priya"),
    ("Rafael", "rafael"),
    ("Renata", "renata"),
    ("Rohan", "rohan"),
    ("Salma", "salma"),
    ("Siddharth", "siddharth"),
    ("Siobhan", "siobhan"),
    ("Søren", "soren"),
    ("Tariq", "tariq"),
    ("Thandiwe", "thandiwe"),
    ("Tomasz", "tomasz"),
    ("Valentina", "valentina"),
    ("Wei", "wei"),
    ("Yusuf", "yusuf"),
    ("Zoë", "zoe"),
];

/// Last names and their URL slugs.
const LAST: &[(&str, &str)] = &[
    ("Adeyemi", "adeyemi"),
    ("Alvarez", "alvarez"),
    ("Andersen", "andersen"),
    ("Bakker", "bakker"),
    ("Banerjee", "banerjee"),
    ("Becker", "becker"),
    ("Bianchi", "bianchi"),
    ("Brennan", "brennan"),
    ("Chen", "chen"),
    ("Costa", "costa"),
    ("Dubois", "dubois"),
    ("Eriksson", "eriksson"),
    ("Fernandes", "fernandes"),
    ("García", "garcia"),
    ("Ghosh", "ghosh"),
    ("Haddad", "haddad"),
    ("Hashemi", "hashemi"),
    ("Horvath", "horvath"),
    ("Ibarra", "ibarra"),
    ("Jankowski", "jankowski"),
    ("Kamau", "kamau"),
    ("Kapoor", "kapoor"),
    ("Kim", "kim"),
    ("Kovács", "kovacs"),
    ("Lambert", "lambert"),
    ("Lindqvist", "lindqvist"),
    ("Mahlangu", "mahlangu"),
    ("Marino", "marino"),
    ("Mensah", "mensah"),
    ("Moreau", "moreau"),
    ("Müller", "muller"),
    ("Nakamura", "nakamura"),
    ("Nguyễn", "nguyen"),
    ("Novak", "novak"),
    ("Núñez", "nunez"),
    ("O'Neill", "oneill"),
    ("Okafor", "okafor"),
    ("Oliveira", "oliveira"),
    ("Osei", "osei"),
    ("Park", "park"),
    ("Patel", "patel"),
    ("Petrov", "petrov"),
    ("Popescu", "popescu"),
    ("Quispe", "quispe"),
    ("Rahman", "rahman"),
    ("Reyes", "reyes"),
    ("Richter", "richter"),
    ("Rossi", "rossi"),
    ("Santos", "santos"),
    ("Sato", "sato"),
    ("Schmidt", "schmidt"),
    ("Singh", "singh"),
    ("Sokolov", "sokolov"),
    ("Tanaka", "tanaka"),
    ("Torres", "torres"),
    ("Tran", "tran"),
    ("Varga", "varga"),
    ("Wagner", "wagner"),
    ("Walsh", "walsh"),
    ("Wiśniewski", "wisniewski"),
    ("Yilmaz", "yilmaz"),
    ("Zhang", "zhang"),
];

/// LinkedIn's own English default notes over the years.
const STOCK_EN: &[&str] = &[
    "I'd like to add you to my professional network on LinkedIn.",
    "I'd like to add you to my professional network.",
    "I'd like to invite you to my professional network on LinkedIn.",
    "I'd like to join your LinkedIn network.",
    "I'd like to connect with you on LinkedIn.",
    "I would like to add you to my network.",
    "Since you are a person I trust, I wanted to invite you to join my network on LinkedIn.",
];

/// LinkedIn's default notes in other languages.
const STOCK_OTHER: &[&str] = &[
    "J'aimerais vous inviter à rejoindre mon réseau professionnel sur LinkedIn.",
    "Je souhaiterais vous inviter à rejoindre mon réseau professionnel sur LinkedIn.",
    "J'aimerais rejoindre votre réseau LinkedIn.",
    "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
    "Ich möchte mich gerne mit Ihnen auf LinkedIn vernetzen.",
    "Me gustaría añadirte a mi red profesional de LinkedIn.",
    "Me gustaría agregarte a mi red profesional en LinkedIn.",
    "Gostaria de adicioná-lo à minha rede profissional no LinkedIn.",
    "Gostaria de adicionar você à minha rede profissional no LinkedIn.",
    "Vorrei aggiungerti alla mia rete professionale su LinkedIn.",
    "Ik wil je graag uitnodigen voor mijn professionele netwerk op LinkedIn.",
];

/// Phrases that say nothing specific about either person.
const GENERIC: &[&str] = &[
    "Let's connect.",
    "Let's connect on LinkedIn.",
    "I would like to connect with you.",
    "I'd love to connect!",
    "Would love to connect!",
    "It would be great to connect.",
    "Please accept my invitation.",
    "Please accept my connection request.",
    "Looking forward to connecting.",
    "Looking forward to connecting with you.",
    "I'd like to expand my network.",
    "Hope you are well.",
    "Hope you're doing well.",
    "Hope all is well.",
    "I hope this message finds you well.",
    "Thanks in advance.",
    "Let's stay in touch.",
    "Have a great day.",
    "I came across your profile and would love to connect.",
    "I'm always eager to expand my professional network with like-minded individuals.",
];

/// Greetings that name no one (they keep a note `default`).
const ANONYMOUS_GREETINGS: &[&str] = &[
    "Hi, ",
    "Hello, ",
    "Hello there! ",
    "Hi there,\n",
    "Hi all!\n\n",
    "Dear Sir/Madam,\n\n",
    "Greetings,\n",
    "Bonjour Madame, ",
];

/// How LinkedIn's boilerplate line describes the relation.
const RELATIONS: &[&str] = &[
    "Friend",
    "Colleague",
    "person they've done business with at Northwind Traders",
    "person they've done business with at Larkspur Freight",
    "Classmate",
];

const SALUTATIONS: &[&str] = &[
    "Hi",
    "Hello",
    "Hey",
    "Dear",
    "Good morning",
    "Bonjour",
    "Hola",
    "Hallo",
    "Ciao",
    "Olá",
    "Hej",
];

const TITLES: &[&str] = &["Mr.", "Ms.", "Dr.", "Prof."];

/// After a greeting; the bare space must stay last (see [`customised_note`]).
const GREETING_DELIMITERS: &[&str] = &[", ", "! ", ",\n", ",\n\n", "!\n", " "];

/// Customised templates for incoming notes. `{slot}`s are filled by
/// [`expand`]; a leading `@` means the template carries its own greeting.
const CUSTOM_INCOMING: &[&str] = &[
    "Great meeting you at the {event} in {city}. I'd like to add you to my professional network.",
    "We met at the {event} in {city} - I'd like to add you to my professional network.",
    "{mutual} suggested I reach out: we're both working on {topic} and I'd love to compare notes.",
    "I really enjoyed your post on {topic}, especially the part about {topic}.",
    "I'm moving into {field} and would value your advice on {topic}.\nHappy to buy you a coffee if you're ever in {city}.",
    "I took notes at \"{talk}\" during the {event}, including the slides on {topic}. Happy to share them if useful!",
    "We help teams like yours cut {topic} costs by {pct}% with our platform. Open to a {mins}-minute demo?\n{link}",
    "I'm hiring a {role} in {city} ({pay}, hybrid). Your background looks like a strong fit, open to a quick call?",
    "Loved your talk \"{talk}\" at the {event} 👏 Let me know if I can help with {topic}!",
    "Fellow {school} alum here 🎓 I'm interested in {topic} and would love to learn how you got started.",
    "@Hola {first}, nos conocimos en el {event} en {city}. ¡Me encantaría seguir en contacto!",
    "@Bonjour {first}, merci pour votre présentation à {city} sur {topic}. Au plaisir d'échanger !",
    "Our agency offers {service} from ${rate} per hour. Book a call: {link}",
    "We sat at the same table at the {event} 😄 Still thinking about your point on {topic}, \"small batches, fast feedback\".",
    "I work at {company} and we're rolling out {topic} next quarter.\nCould I ask you two questions about how it went for you?",
];

/// Customised templates for the owner's own outgoing notes.
const CUSTOM_OUTGOING: &[&str] = &[
    "We met at the {event} in {city} and I enjoyed your question about {topic}. I'm looking for someone who has run a pilot like yours and would love to learn from it. Happy to share our results in return.",
    "{mutual} mentioned you lead {topic} at {company}. I'm interested in how you set it up; let me know if I can help with anything on {topic} in return!",
    "Your post on \"{talk}\" was excellent. We're trying the same at {company} and I'd value your advice.",
    "Thanks for the great talk at the {event} in {city}. Glad to introduce you to the {field} folks I know there.",
    "I'm mentoring two juniors moving into {field} and your path is exactly what they ask about. Would you be open to a {mins}-minute chat?",
];

const EVENTS: &[&str] = &[
    "Great Lakes Logistics Summit",
    "Cold Chain Connect meetup",
    "Data Council",
    "Women in Tech breakfast",
    "ProductCamp",
    "FinOps roundtable",
    "Rust Meetup",
    "Supply Chain Leaders mixer",
    "UX Week",
    "HR Innovation Forum",
    "Open Source Summit",
    "Climate Tech Night",
];

const CITIES: &[&str] = &[
    "Zürich",
    "São Paulo",
    "Montréal",
    "Kraków",
    "Málaga",
    "Düsseldorf",
    "Reykjavík",
    "Chicago",
    "Austin",
    "Lagos",
    "Bengaluru",
    "Osaka",
    "Nairobi",
    "Rotterdam",
];

const TOPICS: &[&str] = &[
    "cold-chain logistics",
    "pricing experiments",
    "on-call rotations",
    "carbon accounting",
    "warehouse robotics",
    "design systems",
    "remote onboarding",
    "Kubernetes cost control",
    "supplier risk reviews",
    "B2B churn",
    "demand forecasting",
    "accessibility audits",
    "SOC 2 readiness",
];

const TALKS: &[&str] = &[
    "Ship Small, Ship Often",
    "What 10,000 Returns Taught Us",
    "Forecasts Are Opinions",
    "The Boring Parts of Scale",
    "Dock to Stock in 4 Hours",
];

const ROLES: &[&str] = &[
    "Senior Data Engineer",
    "Head of Operations",
    "Product Designer",
    "Supply Chain Analyst",
    "Staff Backend Engineer",
    "Director, Customer Success",
];

const COMPANIES: &[&str] = &[
    "Northwind Traders",
    "Larkspur Freight",
    "Tessellate Labs",
    "Bluefin Analytics",
    "Quill & Anchor",
    "Harbor & Pine",
];

const FIELDS: &[&str] = &[
    "product management",
    "data science",
    "demand planning",
    "UX research",
    "engineering management",
];

const SCHOOLS: &[&str] = &[
    "Ohio State",
    "TU Delft",
    "Universidad de los Andes",
    "IIT Madras",
    "McGill",
];

const SERVICES: &[&str] = &[
    "staff augmentation",
    "outsourced QA",
    "lead generation",
    "offshore bookkeeping",
    "white-label app development",
];

const LINK_HOSTS: &[&str] = &[
    "https://bit.ly/3k",
    "https://www.tessellate.example/demo?ref=",
    "www.bluefin-analytics.example/pricing#",
    "https://calendly.example/sales-team/",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn records(data: &str) -> Vec<csv::StringRecord> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(data.as_bytes())
            .records()
            .collect::<Result<_, _>>()
            .expect("the output parses as CSV")
    }

    #[test]
    fn writes_header_and_one_record_per_row() {
        for rows in [0, 1, 7, 2_000] {
            let recs = records(&generate(rows, 42));
            assert_eq!(recs.len(), rows + 1);
            assert_eq!(recs[0].iter().collect::<Vec<_>>(), HEADER);
            assert!(recs.iter().all(|r| r.len() == 7));
        }
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        let a = generate(3_000, 7);
        assert_eq!(a, generate(3_000, 7));
        assert_ne!(a, generate(3_000, 8));
        let mut streamed = Vec::new();
        write(&mut streamed, 3_000, 7).unwrap();
        assert_eq!(streamed, a.as_bytes());
    }

    #[test]
    fn output_is_pinned() {
        // Benchmark figures and tests elsewhere rely on these exact bytes: a
        // change here must be deliberate (and noted where figures are quoted).
        let text = generate(1_000, 1);
        assert_eq!(
            xxhash_rust::xxh3::xxh3_64(text.as_bytes()),
            0x0c55_736e_8a3a_4bf4
        );
    }

    #[test]
    fn exercises_csv_quoting() {
        let text = generate(2_000, 3);
        let notes: Vec<String> = records(&text)
            .iter()
            .skip(1)
            .map(|r| r[3].to_string())
            .collect();
        assert!(notes.iter().any(|n| n.contains('\n') && !n.contains('\r')));
        assert!(notes.iter().any(|n| n.contains("\r\n")));
        assert!(notes.iter().any(|n| n.contains('"')));
        assert!(notes.iter().any(|n| n.contains(',')));
        assert!(notes.iter().any(|n| n.chars().any(|c| c as u32 > 0x1F000)));
        assert!(text.contains("\"\""), "embedded quotes are doubled");
    }

    #[test]
    fn mix_matches_the_survey_roughly() {
        let rows = 20_000;
        let mut g = Generator::new(rows, 11);
        let (mut default, mut greeting, mut custom, mut out, mut empty) = (0, 0, 0, 0, 0);
        for i in 0..rows {
            match g.row(i) {
                Kind::Default => default += 1,
                Kind::GreetingOnly => greeting += 1,
                Kind::Customised => custom += 1,
            }
            out += usize::from(g.direction == "OUTGOING");
            empty += usize::from(g.note.trim().is_empty());
        }
        let pct = |n: usize| n * 100 / rows;
        assert!((78..=82).contains(&pct(default)), "default {default}");
        assert!((7..=9).contains(&pct(greeting)), "greeting-only {greeting}");
        assert!((11..=13).contains(&pct(custom)), "customised {custom}");
        assert!((9..=11).contains(&pct(out)), "outgoing {out}");
        assert!((38..=42).contains(&pct(empty)), "empty {empty}");
    }

    #[test]
    fn rows_are_consistent_and_urls_unique() {
        let recs = records(&generate(5_000, 5));
        let mut seen = std::collections::HashSet::new();
        for r in &recs[1..] {
            let (from, to, dir, inviter, invitee) = (&r[0], &r[1], &r[4], &r[5], &r[6]);
            let other = match dir {
                "INCOMING" => {
                    assert_eq!((to, invitee), (OWNER_NAME, OWNER_URL));
                    assert_ne!(from, OWNER_NAME);
                    inviter
                }
                "OUTGOING" => {
                    assert_eq!((from, inviter), (OWNER_NAME, OWNER_URL));
                    invitee
                }
                d => panic!("direction {d}"),
            };
            assert!(other.starts_with("https://www.linkedin.com/in/"), "{other}");
            assert!(other.is_ascii());
            assert!(seen.insert(other.to_string()), "duplicate URL {other}");
        }
    }

    #[test]
    fn dates_use_linkedins_form_newest_first_from_2015_to_2026() {
        let recs = records(&generate(4_000, 9));
        let dates: Vec<chrono::NaiveDateTime> = recs[1..]
            .iter()
            .map(|r| {
                let s = &r[2];
                assert!(s.ends_with(" AM") || s.ends_with(" PM"), "{s}");
                assert!(!s.starts_with('0') && !s.contains("/0"), "{s}");
                chrono::NaiveDateTime::parse_from_str(s, "%m/%d/%y, %I:%M %p").expect(s)
            })
            .collect();
        let years: Vec<i32> = dates.iter().map(chrono::Datelike::year).collect();
        assert_eq!(years.first(), Some(&2026));
        assert_eq!(years.last(), Some(&2015));
        assert!(years.iter().all(|y| (2015..=2026).contains(y)));
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
    }

    #[test]
    fn calendar_round_trips() {
        for (y, m, d) in [
            (1970, 1, 1),
            (2015, 1, 1),
            (2016, 2, 29),
            (2026, 11, 25),
            (2026, 12, 31),
        ] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(days_from_civil(1970, 1, 2), 1);
    }
}
