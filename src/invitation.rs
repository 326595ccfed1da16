//! One pending invitation from the export, its direction and its stable id.
//!
//! Memory matters here: an inbox can hold a million rows and the goal is a peak
//! of no more than 1.5× the file size. So an `Invitation` keeps the three
//! per-row strings (sender, note, sender's profile URL) in one boxed buffer
//! with two offsets, and shares the strings that repeat across rows (the
//! recipient's name and URL, the same for every incoming row) through `Arc<str>`.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::classify::{Category, Signals};

/// Who sent the invitation: someone else (`Incoming`) or the user (`Outgoing`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Incoming,
    Outgoing,
}

impl Direction {
    /// The label used in machine-readable output.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Incoming => "incoming",
            Direction::Outgoing => "outgoing",
        }
    }

    /// The spelling LinkedIn uses in the `Direction` column.
    pub fn export_label(self) -> &'static str {
        match self {
            Direction::Incoming => "INCOMING",
            Direction::Outgoing => "OUTGOING",
        }
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// How [`InvitationId::by_names`] takes the names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameForm {
    /// In NFC: the id.
    Nfc,
    /// As written: the id before names were taken in NFC.
    AsWritten,
    /// Decomposed (NFD): the id, before names were taken in NFC, of a
    /// name that an export written decomposed had.
    Nfd,
}

impl NameForm {
    pub const ALL: [NameForm; 3] = [NameForm::Nfc, NameForm::AsWritten, NameForm::Nfd];
}

/// A stable identifier for an invitation: a 64-bit XXH3 hash of the inviter's
/// and invitee's profile slugs (or, when the export carries no URLs, of the
/// names and the date). XXH3 is specified and stable across releases, unlike
/// `std`'s `DefaultHasher`, so ids written to the journal today still match
/// the same invitation in a newer export next year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InvitationId(pub u64);

impl InvitationId {
    /// Derives the id from the columns that identify the same invitation
    /// across exports.
    pub fn derive(
        inviter_url: &str,
        invitee_url: &str,
        from: &str,
        to: &str,
        sent_at: NaiveDateTime,
    ) -> Self {
        Self::derive_keyed(
            &profile_key(inviter_url),
            &profile_key(invitee_url),
            from,
            to,
            sent_at,
        )
    }

    /// [`InvitationId::derive`] with the two profile keys already worked out
    /// (the importer works out the recipient's once, not once per row).
    pub fn derive_keyed(a: &str, b: &str, from: &str, to: &str, sent_at: NaiveDateTime) -> Self {
        if a.is_empty() || b.is_empty() {
            return Self::by_names(from, to, sent_at, NameForm::Nfc);
        }
        // Streamed into the hasher: this runs once per row of a million-row
        // export, so no key string is built. Hashed in one call from a
        // buffer on the stack when the key is short, as it always is for
        // LinkedIn's URLs: XXH3 streamed or in one piece gives the same
        // hash, one piece faster.
        let len = 4 + a.len() + 1 + b.len();
        let mut buf = [0u8; 192];
        if len <= buf.len() {
            buf[..4].copy_from_slice(b"url\0");
            buf[4..4 + a.len()].copy_from_slice(a.as_bytes());
            buf[4 + a.len()] = 0;
            buf[5 + a.len()..len].copy_from_slice(b.as_bytes());
            return InvitationId(xxhash_rust::xxh3::xxh3_64(&buf[..len]));
        }
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(b"url\0");
        h.update(a.as_bytes());
        h.update(b"\0");
        h.update(b.as_bytes());
        InvitationId(h.digest())
    }

    /// The id of an invitation without both profile URLs: from the names
    /// (in the `form` given, then lower case) and the minute. A name
    /// written decomposed (`e` and a combining accent, as some macOS tools
    /// save text) is the same name composed, and the same invitation: the
    /// id takes names in NFC ([`NameForm::Nfc`]). Before it did, the id took
    /// them as written, and a decomposed name gave another id;
    /// [`crate::journal::Journal::adopt_ids`] still finds decisions kept
    /// under it (by the other forms). A name already in NFC (every name
    /// LinkedIn writes) gives the same id in NFC and as written.
    pub fn by_names(from: &str, to: &str, sent_at: NaiveDateTime, form: NameForm) -> Self {
        let folded = |name: &str| {
            let name = name.trim();
            match form {
                NameForm::Nfc if is_nfc_quick(name.chars()) != IsNormalized::Yes => {
                    name.nfc().collect::<String>().to_lowercase()
                }
                NameForm::Nfd => name.nfd().collect::<String>().to_lowercase(),
                _ => name.to_lowercase(),
            }
        };
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(b"name\0");
        h.update(folded(from).as_bytes());
        h.update(b"\0");
        h.update(folded(to).as_bytes());
        h.update(b"\0");
        h.update(sent_at.format("%Y-%m-%dT%H:%M").to_string().as_bytes());
        InvitationId(h.digest())
    }
}

impl fmt::Display for InvitationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// A text that is not an invitation id: 16 hex digits, as invitriage
/// writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAnId;

impl std::str::FromStr for InvitationId {
    type Err = NotAnId;
    /// Exactly 16 hex digits (either case): a shorter one, or one with a
    /// sign, is a typo in a hand-edited file, not an id to look for.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.len() != 16 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(NotAnId);
        }
        u64::from_str_radix(s, 16)
            .map(InvitationId)
            .map_err(|_| NotAnId)
    }
}

impl Serialize for InvitationId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for InvitationId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(|_| {
            // A few characters of it are enough to recognise it by.
            let mut shown: String = s.chars().take(20).collect();
            if shown.len() < s.len() {
                shown.push('…');
            }
            serde::de::Error::invalid_value(
                serde::de::Unexpected::Str(&shown),
                &"an invitation id (16 hex digits)",
            )
        })
    }
}

/// The part of a profile URL that names the person: the lower-cased slug after
/// `/in/` (`https://www.linkedin.com/in/Priya-N/?x=1` → `priya-n`). Other URLs
/// are lower-cased and trimmed of scheme, query and trailing slashes.
pub fn profile_key(url: &str) -> Cow<'_, str> {
    let url = url.trim();
    // LinkedIn's URLs are ASCII and almost always lower case already: borrow.
    // (A fold, not `all`, so that the check runs many bytes at a time.)
    let plain = url
        .bytes()
        .fold(true, |ok, b| ok & b.is_ascii() & !b.is_ascii_uppercase());
    if plain {
        // The form nearly every row has: no search needed.
        if let Some(rest) = url.strip_prefix("https://www.linkedin.com/in/") {
            let end = memchr::memchr3(b'/', b'?', b'#', rest.as_bytes()).unwrap_or(rest.len());
            return Cow::Borrowed(&rest[..end]);
        }
        return Cow::Borrowed(key_of_lowercase(url));
    }
    Cow::Owned(key_of_lowercase(&url.to_lowercase()).to_string())
}

/// [`profile_key`] of an already lower-cased URL, as a slice of it. Byte
/// searches, not `str::find`: this runs for every row of an export, and a
/// pattern search set up per call cost more than the rest of the row's id.
fn key_of_lowercase(url: &str) -> &str {
    let bytes = url.as_bytes();
    let mut from = 0;
    while let Some(slash) = memchr::memchr(b'/', &bytes[from..]).map(|p| from + p) {
        if bytes[slash..].starts_with(b"/in/") {
            let rest = &url[slash + 4..];
            let end = memchr::memchr3(b'/', b'?', b'#', rest.as_bytes()).unwrap_or(rest.len());
            return &rest[..end];
        }
        from = slash + 1;
    }
    let mut s = url;
    for p in ["https://", "http://", "www."] {
        s = s.strip_prefix(p).unwrap_or(s);
    }
    let end = memchr::memchr2(b'?', b'#', s.as_bytes()).unwrap_or(s.len());
    s[..end].trim_end_matches('/')
}

/// One invitation as read from the export, plus its classification once
/// [`crate::classify::Classifier::apply`] has run over it.
#[derive(Debug, Clone)]
pub struct Invitation {
    /// `from`, `message` and `inviter_url`, back to back.
    text: Box<str>,
    from_end: u32,
    message_end: u32,
    to: Arc<str>,
    invitee_url: Arc<str>,
    /// When the invitation was sent, as written in the export (no time zone).
    pub sent_at: NaiveDateTime,
    pub direction: Direction,
    /// The physical line of the export on which the row starts (1-based).
    pub line: u32,
    pub id: InvitationId,
    /// Set by the classifier; `Category::Default` until then.
    pub category: Category,
    /// Set by the classifier; empty until then and for non-customised notes.
    pub signals: Signals,
}

/// The fields of an invitation, used to build one.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub message: &'a str,
    pub inviter_url: &'a str,
    pub invitee_url: &'a str,
    pub sent_at: NaiveDateTime,
    pub direction: Direction,
    pub line: u32,
}

impl Fields<'_> {
    /// The invitation's id, `invitee_key` being the [`profile_key`] of
    /// `invitee_url` (worked out by the caller, who may have it already).
    pub fn id(&self, invitee_key: &str) -> InvitationId {
        InvitationId::derive_keyed(
            &profile_key(self.inviter_url),
            invitee_key,
            self.from,
            self.to,
            self.sent_at,
        )
    }
}

impl Invitation {
    /// Builds an invitation with fresh (un-shared) `to` and invitee strings.
    /// The importer uses [`Invitation::with_shared`] to share repeated ones.
    pub fn new(f: Fields<'_>) -> Self {
        let key = profile_key(f.invitee_url);
        Self::with_shared(f, Arc::from(f.to), Arc::from(f.invitee_url), &key)
    }

    /// Builds an invitation whose `to` and invitee URL are the given shared
    /// strings (which must equal `f.to` and `f.invitee_url`), and
    /// `invitee_key` the [`profile_key`] of the latter.
    pub fn with_shared(
        f: Fields<'_>,
        to: Arc<str>,
        invitee_url: Arc<str>,
        invitee_key: &str,
    ) -> Self {
        debug_assert_eq!(&*to, f.to);
        debug_assert_eq!(&*invitee_url, f.invitee_url);
        let mut text = String::with_capacity(f.from.len() + f.message.len() + f.inviter_url.len());
        text.push_str(f.from);
        let from_end = text.len();
        text.push_str(f.message);
        let message_end = text.len();
        text.push_str(f.inviter_url);
        let id = f.id(invitee_key);
        Invitation {
            text: text.into_boxed_str(),
            // A single field over 4 GiB cannot come out of the importer (it
            // caps fields far lower), so these conversions cannot truncate.
            from_end: u32::try_from(from_end).unwrap_or(u32::MAX),
            message_end: u32::try_from(message_end).unwrap_or(u32::MAX),
            to,
            invitee_url,
            sent_at: f.sent_at,
            direction: f.direction,
            line: f.line,
            id,
            category: Category::Default,
            signals: Signals::empty(),
        }
    }

    /// The sender's full name (`From`).
    pub fn from(&self) -> &str {
        &self.text[..self.from_end as usize]
    }

    /// The recipient's full name (`To`).
    pub fn to(&self) -> &str {
        &self.to
    }

    /// The invitation note as written, possibly empty.
    pub fn message(&self) -> &str {
        &self.text[self.from_end as usize..self.message_end as usize]
    }

    /// The sender's profile URL, possibly empty (older exports).
    pub fn inviter_url(&self) -> &str {
        &self.text[self.message_end as usize..]
    }

    /// The recipient's profile URL, possibly empty (older exports).
    pub fn invitee_url(&self) -> &str {
        &self.invitee_url
    }

    /// The other person: the sender of an incoming invitation, the recipient
    /// of an outgoing one.
    pub fn counterpart(&self) -> &str {
        match self.direction {
            Direction::Incoming => self.from(),
            Direction::Outgoing => self.to(),
        }
    }

    /// The other person's profile URL.
    pub fn counterpart_url(&self) -> &str {
        match self.direction {
            Direction::Incoming => self.inviter_url(),
            Direction::Outgoing => self.invitee_url(),
        }
    }

    /// True when the note holds more than white space.
    pub fn has_note(&self) -> bool {
        has_note(self.message())
    }
}

/// Whether `message` holds a note: something shown, more than white
/// space, control characters and invisible ones (a note of zero-width
/// spaces shows as empty, and is counted with those that have none). What
/// is shown is what takes a column on a screen: not a joiner, a variation
/// selector or an accent with nothing to sit on.
pub fn has_note(message: &str) -> bool {
    use unicode_width::UnicodeWidthChar;
    let note = message.trim();
    match note.as_bytes().first() {
        None => false,
        // A note as nearly all are: no need to look at every character.
        Some(b) if b.is_ascii_graphic() => true,
        Some(_) => note.chars().any(|c| {
            !c.is_whitespace()
                && !crate::text::is_format_control(c)
                && c.width().is_some_and(|w| w > 0)
        }),
    }
}

/// Whether `url` is a web address on LinkedIn (`https://www.linkedin.com/…`,
/// `https://de.linkedin.com/…`), the only kind the triage screen hands to the browser and the
/// checklist links to.
/// Written out rather than parsed with the `url` crate: an allow-list that
/// takes only plain addresses (no user part, port, backslash, white space
/// or control character, where parsers and browsers may read a different
/// host) is simpler to trust than a parser, and needs no IDNA tables.
pub fn is_linkedin_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    let plain_host = host
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
    plain_host
        && (host == "linkedin.com" || host.ends_with(".linkedin.com"))
        && !url.chars().any(|c| {
            c.is_whitespace() || c.is_control() || c == '\\' || crate::text::hidden_in_url(c)
        })
}

/// `url` as it is handed to the browser: each ASCII character that is
/// not a plain one of a URL (`A-Z a-z 0-9 - . _ ~ : / ? # = % + , @`)
/// percent-encoded, as a browser reads it the same. So no character a
/// shell reads (`| & ; $ ( ) ' "` …) reaches a `$BROWSER` written as a
/// shell command (`sh -c "firefox %s"`), whatever a doctored export holds.
///
/// A profile's address (`/in/…`) goes without its query and fragment
/// (`?trk=…&originalSubdomain=uk`): the profile is the path, and an `&`
/// encoded would join the query's parts into one.
pub fn for_browser(url: &str) -> std::borrow::Cow<'_, str> {
    let url = match url.find("/in/") {
        Some(at) => url[..at + url[at..].find(['?', '#']).unwrap_or(url.len() - at)].trim_end(),
        None => url,
    };
    let plain = |c: char| !c.is_ascii() || c.is_ascii_alphanumeric() || "-._~:/?#=%+,@".contains(c);
    if url.chars().all(plain) {
        return url.into();
    }
    let mut out = String::with_capacity(url.len() + 8);
    for c in url.chars() {
        if plain(c) {
            out.push(c);
        } else {
            out.push_str(&format!("%{:02X}", c as u32));
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_for_the_browser_holds_nothing_a_shell_reads() {
        let plain = "https://www.linkedin.com/in/jos\u{e9}-ruiz-12ab/";
        assert_eq!(for_browser(plain), plain);
        assert_eq!(
            for_browser(
                "https://www.linkedin.com/in/jane-doe?trk=public_profile&originalSubdomain=uk"
            ),
            "https://www.linkedin.com/in/jane-doe"
        );
        let query = "https://www.linkedin.com/profile/view?id=123&authType=name";
        assert_eq!(
            for_browser(query),
            "https://www.linkedin.com/profile/view?id=123%26authType=name"
        );
        assert_eq!(
            for_browser("https://www.linkedin.com/in/x|tee>/tmp/p;$(id)&`id`'\"!*"),
            "https://www.linkedin.com/in/x%7Ctee%3E/tmp/p%3B%24%28id%29%26%60id%60%27%22%21%2A"
        );
    }

    fn at() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 7, 8)
            .unwrap()
            .and_hms_opt(15, 43, 0)
            .unwrap()
    }

    fn fields<'a>(from: &'a str, msg: &'a str, url: &'a str) -> Fields<'a> {
        Fields {
            from,
            to: "Colleen Ruiz",
            message: msg,
            inviter_url: url,
            invitee_url: "https://www.linkedin.com/in/colleen-ruiz",
            sent_at: at(),
            direction: Direction::Incoming,
            line: 2,
        }
    }

    #[test]
    fn accessors_return_each_field() {
        let inv = Invitation::new(fields("Joe Smith", "Hi, Colleen", "https://x/in/joe"));
        assert_eq!(inv.from(), "Joe Smith");
        assert_eq!(inv.message(), "Hi, Colleen");
        assert_eq!(inv.inviter_url(), "https://x/in/joe");
        assert_eq!(inv.to(), "Colleen Ruiz");
        assert_eq!(inv.counterpart(), "Joe Smith");
        assert!(inv.has_note());
    }

    /// The profile key as first written (with `str` searches), to check
    /// the faster one against.
    fn profile_key_before(url: &str) -> Cow<'_, str> {
        let url = url.trim();
        // LinkedIn's URLs are ASCII and almost always lower case already: borrow.
        if url.is_ascii() && !url.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Borrowed(key_of_lowercase_before(url));
        }
        Cow::Owned(key_of_lowercase_before(&url.to_lowercase()).to_string())
    }

    /// [`profile_key`] of an already lower-cased URL, as a slice of it.
    fn key_of_lowercase_before(url: &str) -> &str {
        let cut = |s: &str| -> usize {
            let end = s.find(['?', '#']).unwrap_or(s.len());
            s[..end].trim_end_matches('/').len()
        };
        if let Some(pos) = url.find("/in/") {
            let rest = &url[pos + 4..];
            let slug = &rest[..cut(rest)];
            return slug.split('/').next().unwrap_or("");
        }
        let mut s = url;
        for p in ["https://", "http://", "www."] {
            s = s.strip_prefix(p).unwrap_or(s);
        }
        &s[..cut(s)]
    }

    proptest::proptest! {
        #[test]
        fn profile_key_is_unchanged(url in "[ a-zA-Z/:?#.É-]{0,30}", slug in "[a-zé/?#-]{0,12}") {
            for url in [
                url.clone(),
                format!("https://www.linkedin.com/in/{slug}"),
                format!("https://www.linkedin.com/in/{url}"),
                format!(" {url}/in/{slug}/ "),
            ] {
                proptest::prop_assert_eq!(profile_key(&url), profile_key_before(&url), "{:?}", url);
            }
        }
    }

    #[test]
    fn id_ignores_url_case_query_and_trailing_slash() {
        let a = Invitation::new(fields("Joe", "", "https://www.linkedin.com/in/Joe-S/"));
        let b = Invitation::new(fields("Joseph", "x", "http://linkedin.com/in/joe-s?trk=1"));
        assert_eq!(a.id, b.id);
        let c = Invitation::new(fields("Joe", "", "https://www.linkedin.com/in/joe-t"));
        assert_ne!(a.id, c.id);
    }

    #[test]
    fn id_falls_back_to_names_and_date_without_urls() {
        let mut f = fields("Joe Smith", "", "");
        let a = Invitation::new(f);
        f.from = "joe smith ";
        assert_eq!(a.id, Invitation::new(f).id);
        f.from = "Jane Smith";
        assert_ne!(a.id, Invitation::new(f).id);
    }

    #[test]
    fn id_round_trips_through_text() {
        let id = InvitationId(0x00ab_cdef_0123_4567);
        assert_eq!(id.to_string(), "00abcdef01234567");
        assert_eq!("00abcdef01234567".parse::<InvitationId>().unwrap(), id);
        assert_eq!("00ABCDEF01234567".parse::<InvitationId>().unwrap(), id);
        // A typo in a hand-edited journal is not an id.
        for typo in [
            "abcdef01234567",
            "+0abcdef01234567",
            "00abcdef012345678",
            "",
        ] {
            assert_eq!(typo.parse::<InvitationId>(), Err(NotAnId), "{typo}");
        }
    }

    #[test]
    fn id_is_stable_across_releases() {
        // Pinned: the journal on users' disks depends on this value.
        let id = InvitationId::derive(
            "https://www.linkedin.com/in/a",
            "https://www.linkedin.com/in/b",
            "",
            "",
            at(),
        );
        assert_eq!(
            id.to_string(),
            format!("{:016x}", xxhash_rust::xxh3::xxh3_64(b"url\0a\0b"))
        );
        // Keys too long for the buffer on the stack are streamed, to the
        // same hash.
        let long = "x".repeat(200);
        let id = InvitationId::derive_keyed(&long, "b", "", "", at());
        let whole = format!("url\0{long}\0b");
        assert_eq!(id.0, xxhash_rust::xxh3::xxh3_64(whole.as_bytes()));
        // With either URL missing, the names and the minute count instead.
        let by_name =
            xxhash_rust::xxh3::xxh3_64(b"name\0joe smith\0colleen ruiz\x002026-07-08T15:43");
        for (a, b) in [("", "b"), ("a", ""), ("", "")] {
            let id = InvitationId::derive_keyed(a, b, " Joe Smith", "Colleen Ruiz", at());
            assert_eq!(id.0, by_name, "{a:?} {b:?}");
            let id = InvitationId::derive_keyed(&long, b, "Joe Smith", "Colleen Ruiz", at());
            assert_eq!(id.0 == by_name, b.is_empty(), "long {b:?}");
        }
    }

    /// A note of only invisible characters shows as empty: no note.
    #[test]
    fn a_note_of_invisible_characters_is_no_note() {
        for blank in [
            "",
            "  \n\t",
            "\u{200b}\u{200b}",
            " \u{feff}\u{2060} ",
            "\u{200e}\u{ad}",
            "\u{200d}",
            "\u{200c}\u{61c}",
            "\u{fe0f}\u{fe00}\u{180b}",
            "\u{e0020}",
            "\u{301}",
        ] {
            assert!(!has_note(blank), "{blank:?}");
        }
        for note in [
            "Hi",
            "\u{200b}Hi",
            "é",
            "👋",
            " \u{200b}x ",
            "\u{c548}",
            "\u{fffc}",
            "e\u{301}",
        ] {
            assert!(has_note(note), "{note:?}");
        }
    }

    #[test]
    fn direction_is_shown_in_lower_case() {
        assert_eq!(Direction::Incoming.to_string(), "incoming");
        assert_eq!(Direction::Outgoing.to_string(), "outgoing");
    }

    #[test]
    fn only_plain_linkedin_addresses_go_to_the_browser() {
        for url in [
            "https://www.linkedin.com/in/ann-lee",
            "https://linkedin.com/in/ann",
            "HTTPS://DE.LinkedIn.com/in/ann?x=1#y",
            "http://www.linkedin.com",
            "https://www.linkedin.com/in/jos%C3%A9",
        ] {
            assert!(is_linkedin_address(url), "{url}");
        }
        for url in [
            "javascript:alert(1)",
            "http://example.com/evil?x=1&y=2",
            "https://www.linkedin.com.evil.com/in/x",
            "https://evillinkedin.com/in/x",
            "https://www.linkedin.com@evil.com/",
            "https://evil.com\\@www.linkedin.com/",
            "https://www.linkedin.com:8443/in/x",
            "https://www.linkedin.com/in/x y",
            "https://www.linkedin.com/in/x\u{1b}[2J",
            "file:///etc/passwd",
            "www.linkedin.com/in/x",
        ] {
            assert!(!is_linkedin_address(url), "{url}");
        }
    }
}
