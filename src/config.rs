//! The configuration file (TOML) and where invitriage keeps its files.
//!
//! Every key is optional; an unknown key, a value of the wrong type, or a
//! `[keys]` or `[templates]` entry that cannot be used (as their users
//! check, see [`Config::parse_with`]) is an error that names the key and
//! its line, so a typo never goes unnoticed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::classify::Lists;
use crate::text::shown_path;

/// The whole configuration. See `config.example.toml` for every key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Your name as LinkedIn shows it; stands in for an empty `To` column and
    /// fills `{my_name}` and `{my_first_name}` in reply templates.
    pub name: Option<String>,
    /// Extra entries for the classifier's lists.
    pub classify: Lists,
    /// Settings for your own, outgoing invitations.
    pub sent: SentConfig,
    /// Key bindings: action name → key or list of keys.
    pub keys: BTreeMap<String, KeyBinding>,
    /// Reply templates: name → text with `{placeholders}`.
    pub templates: BTreeMap<String, String>,
}

/// `[sent]`: grading your own invitations.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SentConfig {
    /// A pending sent invitation older than this many days is flagged as worth
    /// withdrawing or following up.
    #[serde(deserialize_with = "days")]
    pub stale_after_days: u32,
    /// The longest note LinkedIn accepts: 300 characters, 200 on a free account.
    #[serde(deserialize_with = "at_least_one")]
    pub note_limit: usize,
}

/// A whole number, 0 or more, that says what it counts when it is given
/// anything else (`-3`, `"21"`, `2.5`), where serde would say `expected u32`.
struct Count(&'static str);

impl serde::de::Visitor<'_> for Count {
    type Value = u64;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<u64, E> {
        Ok(n)
    }
    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<u64, E> {
        u64::try_from(n).map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(n), &self))
    }
}

/// Up to a hundred years: a larger number is a typo, and the message
/// should name the range rather than call it "not a whole number".
fn days<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    const DAYS: &str = "a whole number of days from 0 to 36500";
    let n = d.deserialize_u64(Count(DAYS))?;
    u32::try_from(n)
        .ok()
        .filter(|&n| n <= 36_500)
        .ok_or_else(|| serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(n), &DAYS))
}

/// A limit of 0 would call every note too long; one over [`MAX_NOTE_LIMIT`]
/// is a typo (LinkedIn's longest message, an InMail, takes 1,900).
fn at_least_one<'de, D: serde::Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    const CHARACTERS: &str =
        "a whole number of characters from 1 to 10000 (LinkedIn takes 300, 200 on a free account)";
    let n = d.deserialize_u64(Count(CHARACTERS))?;
    let n = usize::try_from(n)
        .ok()
        .filter(|n| (1..=MAX_NOTE_LIMIT).contains(n))
        .ok_or_else(|| {
            serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(n), &CHARACTERS)
        })?;
    Ok(n)
}

/// The largest `note_limit` taken.
const MAX_NOTE_LIMIT: usize = 10_000;

impl Default for SentConfig {
    fn default() -> Self {
        SentConfig {
            stale_after_days: 21,
            note_limit: 300,
        }
    }
}

/// One key (`"a"`, `"ctrl-s"`) or several (`["j", "down"]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyBinding {
    One(String),
    Many(Vec<String>),
}

/// What a binding is, in the words of a config error.
const KEY_BINDING: &str = r#"a key name or a list of key names, e.g. "a" or ["a", "enter"]"#;

/// By hand rather than `#[serde(untagged)]`, whose error for anything else
/// (`accept = 5`) is "data did not match any variant of untagged enum
/// KeyBinding": this one says what is expected.
impl<'de> Deserialize<'de> for KeyBinding {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Binding;
        impl<'de> serde::de::Visitor<'de> for Binding {
            type Value = KeyBinding;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(KEY_BINDING)
            }
            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<KeyBinding, E> {
                Ok(KeyBinding::One(key.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<KeyBinding, A::Error> {
                let mut keys = Vec::new();
                while let Some(KeyName(key)) = seq.next_element()? {
                    keys.push(key);
                }
                Ok(KeyBinding::Many(keys))
            }
        }
        d.deserialize_any(Binding)
    }
}

/// One key of a list of them.
struct KeyName(String);

impl<'de> Deserialize<'de> for KeyName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Name;
        impl serde::de::Visitor<'_> for Name {
            type Value = KeyName;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(r#"a key name, e.g. "a" or "enter""#)
            }
            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<KeyName, E> {
                Ok(KeyName(key.to_string()))
            }
        }
        d.deserialize_str(Name)
    }
}

impl KeyBinding {
    pub fn keys(&self) -> Vec<&str> {
        match self {
            KeyBinding::One(k) => vec![k.as_str()],
            KeyBinding::Many(ks) => ks.iter().map(String::as_str).collect(),
        }
    }
}

/// Why the configuration could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("config file {}: {}", shown_path(.path), read_problem(.path, .source, *.given))]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
        /// Named with `--config`, not the default place.
        given: bool,
    },
    #[error("config file {}: {message}", shown_path(.path))]
    Invalid { path: PathBuf, message: String },
}

/// An entry of a table that parses but cannot be used (an unknown action
/// in `[keys]`, an unknown placeholder in `[templates]`): said by the code
/// that uses the table, which this module knows nothing of, and placed
/// here at its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unusable {
    /// `keys` or `templates`.
    pub table: &'static str,
    /// The entries at fault, by name: their lines are named.
    pub keys: Vec<String>,
    pub message: String,
}

impl Config {
    /// Parses a configuration; `path` is only used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        Config::parse_with(text, path, |_| Ok(())).map(|(config, ())| config)
    }

    /// [`Config::parse`], then `check` of the tables whose entries parse
    /// but may not be usable, so that a mistake in them names its line like
    /// any other; what `check` made of them comes back beside the config.
    pub fn parse_with<T>(
        text: &str,
        path: &Path,
        check: impl Fn(&Config) -> Result<T, Unusable>,
    ) -> Result<(Config, T), ConfigError> {
        let invalid = |message| ConfigError::Invalid {
            path: path.to_path_buf(),
            message,
        };
        // A byte-order mark (Notepad's) is no column of the first line.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if let Some(message) = date_for_a_table(text) {
            return Err(invalid(message));
        }
        let config: Config =
            toml::from_str(text).map_err(|e| invalid(describe_toml_error(&e, text)))?;
        if let Some((name, message)) = config
            .templates
            .keys()
            .find_map(|name| Some((name, template_named_as_setting(name)?)))
        {
            return Err(invalid(at_keys(text, "templates", &[name], &message)));
        }
        // A name is shown in the composer's border: a line break or a bell
        // in it broke the border, a right-to-left override turned the
        // border's words around, a zero-width space is a name that looks
        // like another.
        if let Some(name) = config.templates.keys().find(|n| {
            n.chars()
                .any(|c| crate::text::written_out(c) || crate::text::is_format_control(c))
        }) {
            return Err(invalid(at_keys(
                text,
                "templates",
                &[name],
                &format!(
                    "[templates]: the name {:?} holds a control or invisible character (a line break, a tab, a right-to-left override, a zero-width space); name the template with letters, digits and spaces",
                    name
                ),
            )));
        }
        // Taken for no name at all, it would read as if it were not set.
        if config.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
            return Err(invalid(at_keys(
                text,
                "",
                &["name"],
                &"name: it is empty; write your name as LinkedIn shows it, or remove the line",
            )));
        }
        match check(&config) {
            Ok(made) => Ok((config, made)),
            Err(u) => {
                let keys: Vec<&str> = u.keys.iter().map(String::as_str).collect();
                Err(invalid(at_keys(text, u.table, &keys, &u.message)))
            }
        }
    }

    /// Reads the configuration at `path`. A missing file is an error only when
    /// `required` (the user named it with `--config`); otherwise the defaults
    /// apply.
    pub fn load<T>(
        path: &Path,
        required: bool,
        check: impl Fn(&Config) -> Result<T, Unusable>,
    ) -> Result<(Config, T), ConfigError> {
        match read_config(path) {
            Ok(text) => Config::parse_with(&text, path, check),
            // The default place, where the file may be absent. One in a
            // folder that cannot be looked into (another user's home, kept
            // in $HOME by `su`) is as absent: a config is optional. A file
            // there that cannot be read is an error.
            // A link there to a file that is gone is a config the user
            // meant to have: not passed over as absent.
            Err(e)
                if !required
                    && (e.kind() == std::io::ErrorKind::NotFound || out_of_sight(path))
                    && dangling_link(path).is_none() =>
            {
                let config = Config::default();
                match check(&config) {
                    Ok(made) => Ok((config, made)),
                    // The defaults are always usable.
                    Err(u) => Err(ConfigError::Invalid {
                        path: path.to_path_buf(),
                        message: u.message,
                    }),
                }
            }
            Err(e) => Err(ConfigError::Read {
                path: path.to_path_buf(),
                source: e,
                given: required,
            }),
        }
    }
}

/// Why a config file could not be read: for one `given` with `--config`,
/// in the words of `--config`, the one way to name a file that is not
/// there or not a file.
fn read_problem(path: &Path, e: &std::io::Error, given: bool) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound if let Some(link) = dangling_link(path) => {
            let whose = if link == path {
                "it is".to_string()
            } else {
                format!("{} is", shown_path(link))
            };
            match std::fs::read_link(link) {
                Ok(to) => format!(
                    "{whose} a link to {}, which does not exist; mend or remove the link",
                    shown_path(&to)
                ),
                Err(_) => format!("{whose} a link to nothing; mend or remove the link"),
            }
        }
        std::io::ErrorKind::NotFound => {
            "no such file (check the path given to --config; without it, the default place is read)"
                .to_string()
        }
        std::io::ErrorKind::IsADirectory if given => {
            "it is a folder, not a file (--config takes the config file itself, e.g. .../invitriage/config.toml)"
                .to_string()
        }
        std::io::ErrorKind::IsADirectory => {
            "it is a folder, not a file: the settings are read from a file of that name; move the folder away, or give --config PATH"
                .to_string()
        }
        // Ours: a file read that is not a config's text.
        std::io::ErrorKind::InvalidData => e.to_string(),
        _ => format!("cannot read: {e}"),
    }
}

/// The first of `path` and the folders on the way to it (a dotfiles link
/// to `~/.config/invitriage`) that is a symbolic link to nothing.
fn dangling_link(path: &Path) -> Option<&Path> {
    path.ancestors().find(|p| {
        p.symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
            && !p.exists()
    })
}

/// Whether `path` cannot even be looked at: a folder on the way to it is
/// closed to this user.
pub fn out_of_sight(path: &Path) -> bool {
    matches!(std::fs::metadata(path), Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied)
}

/// The config file's text, at most 1 MiB of it: `--config /dev/zero`
/// would otherwise fill the memory. A longer file is not a config.
fn read_config(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    const MOST: u64 = 1 << 20;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MOST + 1)
        .read_to_end(&mut bytes)?;
    let invalid = |why: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, why.to_string());
    // The export's archive in the config's place (the two paths swapped),
    // however large.
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(invalid(
            "it is a .zip archive (LinkedIn's export?), not a config file: give the export as FILE, and --config a .toml file",
        ));
    }
    if bytes.len() as u64 > MOST {
        return Err(invalid(
            "it is over 1 MiB, too big for a config file (the right file?)",
        ));
    }
    // An empty file Notepad saved as "Unicode": its byte order mark alone.
    if bytes == [0xFF, 0xFE] || bytes == [0xFE, 0xFF] {
        return Ok(String::new());
    }
    // Windows Notepad's "Unicode" is UTF-16, with its byte order mark;
    // without one, its ASCII letters are each followed (or led) by a NUL:
    // about every other byte of its start. Other NULs are a binary file.
    let head = &bytes[..bytes.len().min(256)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || (nuls > 0 && nuls * 3 >= head.len() && nuls * 3 <= head.len() * 2);
    if !utf16 && bytes.contains(&0) {
        return Err(invalid(
            "it is a binary file, not a config file's text (the right file?)",
        ));
    }
    if utf16 {
        return Err(invalid(
            "it is UTF-16 (Notepad's \"Unicode\"); save it as UTF-8",
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        invalid(&format!(
            "line {line}: it is not UTF-8 text (an accented letter saved as Windows-1252 or Latin-1?); save the file as UTF-8"
        ))
    })
}

/// A date or time given for a table (`templates = 2026-01-01`): toml hands
/// one over as a map of one private key, which `[templates]` and `[keys]`
/// would take as an entry, and the others name as an unknown key.
fn date_for_a_table(text: &str) -> Option<String> {
    let table: toml::Table = text.parse().ok()?;
    let key = ["classify", "sent", "keys", "templates"]
        .into_iter()
        .find(|k| matches!(table.get(*k), Some(toml::Value::Datetime(_))))?;
    let (line, snippet) = text.lines().enumerate().find_map(|(i, l)| {
        let rest = l.trim_start().strip_prefix(key)?;
        rest.trim_start()
            .starts_with('=')
            .then(|| (i + 1, l.trim()))
    })?;
    Some(format!(
        "line {line}: found a date or time, expected a table: a `[{key}]` line with its keys under it (in `{snippet}`)"
    ))
}

/// `line 3, column 1: unknown key `colour`, expected one of ...` — the toml
/// crate's message folded onto one line, with the line number first.
fn describe_toml_error(e: &toml::de::Error, text: &str) -> String {
    // serde's words for the shapes of values, in a config's.
    let mut msg = e
        .message()
        .trim()
        .replace(
            "expected a sequence",
            r#"expected a list, e.g. ["one", "two"]"#,
        )
        .replace("invalid type: ", "found ")
        // A number too large for any setting: toml says which Rust type it
        // held it in, which tells the user nothing.
        .replace("` as i128,", "`, too large,")
        .replace("` as u64,", "`, too large,")
        // A config file has keys and tables, not serde's fields and maps.
        .replace("unknown field `", "unknown key `")
        .replace(
            "expected a map",
            "expected a table: a `[table]` line with its keys under it",
        );
    if let Some(at) = msg.find("expected struct ") {
        msg.replace_range(
            at..,
            "expected a table of settings, as in config.example.toml",
        );
    }
    // A key known elsewhere (`note_limit` under [classify]): say where.
    if let Some(key) = msg
        .strip_prefix("unknown key `")
        .and_then(|rest| rest.split('`').next())
        && let Some(home) = home_of(key)
    {
        msg = format!("{msg}; `{key}` belongs {home}");
    }
    // serde's names of what was found: toml hands a date or time over as
    // a map of one key.
    if msg.starts_with("found map") {
        let found = e.span().and_then(|span| text.get(span));
        let date = found
            .is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit()) && v.contains(['-', ':']));
        let what = if date {
            "found a date or time"
        } else {
            "found a table"
        };
        msg.replace_range(.."found map".len(), what);
    }
    if msg.starts_with("found sequence") {
        msg.replace_range(.."found sequence".len(), "found a list");
    }
    match e.span() {
        Some(span) => {
            // An entry of a list written over several lines is on a line
            // of its own, without its key: name the list.
            if let Some(list) = list_of(text, span.start) {
                msg = format!("{list}: {msg}");
            }
            let (line, col) = position(text, span.start);
            let snippet = text.lines().nth(line - 1).unwrap_or("").trim();
            // `[[classify]]` makes a list of tables; serde then reads the
            // table's first key where a list was expected.
            if let Some(name) = snippet
                .strip_prefix("[[")
                .and_then(|rest| rest.strip_suffix("]]"))
            {
                return format!(
                    "line {line}: `{snippet}` makes a list of tables; write `[{}]`, with one pair of brackets",
                    name.trim()
                );
            }
            let hint = export_hint(text)
                .or_else(|| quoting_hint(text, line))
                .or_else(|| stray_setting_hint(text, line, &msg))
                .map(|h| format!("; {h}"))
                .unwrap_or_default();
            // A line of 200 KB (a list nested past any depth) is not
            // quoted whole.
            let snippet = crate::text::fit(snippet, 100);
            format!("line {line}, column {col}: {msg} (in `{snippet}`){hint}")
        }
        None => msg,
    }
}

/// The list (`classify.salutations`) that the entry at byte `offset` of
/// `text` is in, if it is in one.
fn list_of(text: &str, offset: usize) -> Option<String> {
    use toml::de::{DeTable, DeValue};
    fn find(table: &DeTable<'_>, offset: usize, path: &str) -> Option<String> {
        table.iter().find_map(|(key, value)| {
            let path = match path {
                "" => key.get_ref().to_string(),
                _ => format!("{path}.{}", key.get_ref()),
            };
            match value.get_ref() {
                DeValue::Table(t) => find(t, offset, &path),
                DeValue::Array(entries) => entries
                    .iter()
                    .any(|e| e.span().contains(&offset))
                    .then_some(path),
                _ => None,
            }
        })
    }
    find(DeTable::parse(text).ok()?.get_ref(), offset, "")
}

/// A LinkedIn export given as the config (the two paths swapped).
fn export_hint(text: &str) -> Option<String> {
    let header = text.trim_start_matches('\u{feff}').lines().next()?;
    (header.contains(',') && header.contains("Sent At")).then(|| {
        "this is a LinkedIn export, not a config file: give the export as FILE, and --config a .toml file"
            .to_string()
    })
}

/// What a quoting slip the toml crate reports only by its consequence
/// needs, for an error on `line` (1-based): a `"…"` string opened on a
/// line and not closed there (a template of several lines: the error comes
/// lines later, as "key with no value"), a `"` inside one, or typographic
/// quotes around a value.
fn quoting_hint(text: &str, line: usize) -> Option<String> {
    // Quotes in `value` that are not escaped by a backslash.
    let quotes = |value: &str| {
        let mut n = 0;
        let mut escaped = false;
        for c in value.chars() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => n += 1,
                _ => escaped = false,
            }
            if c != '\\' {
                escaped = false;
            }
        }
        n
    };
    // In a block of three quotes of either kind no line is a value; the
    // other kind inside one does not end it.
    let (mut in_double, mut in_single) = (false, false);
    for (i, l) in text.lines().take(line).enumerate() {
        let starts_in_triple = in_double || in_single;
        if !in_single && l.matches("\"\"\"").count() % 2 == 1 {
            in_double = !in_double;
        }
        if !in_double && l.matches("'''").count() % 2 == 1 {
            in_single = !in_single;
        }
        if starts_in_triple || l.trim_start().starts_with('#') {
            continue;
        }
        // A value, or an entry of a list written over several lines.
        let value = l.split_once('=').map_or(l, |(_, v)| v).trim();
        // A list on one line holds many strings: only one left open counts.
        let list = value.starts_with('[');
        let value = value.trim_start_matches(['[', ' ', '\t']);
        if value.starts_with("\"\"\"") || !value.starts_with('"') {
            if i + 1 == line && (value.starts_with(['“', '”', '„', '«']) || value.starts_with("‘"))
            {
                return Some(
                    "quote values with straight quotes, \"…\" or '…', not typographic ones"
                        .to_string(),
                );
            }
            continue;
        }
        // Up to a comment, roughly: enough for the slips this is about.
        match quotes(value) {
            1 => {
                return Some(format!(
                    "line {} opens a \"…\" string that does not end on its line: write a text of several lines between \"\"\" and \"\"\" (or each break as \\n)",
                    i + 1
                ));
            }
            n if n > 2 && i + 1 == line && !list => {
                return Some(
                    "a \" inside a \"…\" string ends it: write it as \\\", or put the text between '…' or \"\"\" and \"\"\""
                        .to_string(),
                );
            }
            _ => {}
        }
    }
    None
}

/// A known setting on line `line` (1-based) of the wrong type, where it
/// is in another table than its own: a line added at the end of the file
/// lands in its last table (`[templates]` in config.example.toml), where
/// `stale_after_days = 5` is read as a template. An unknown key is told its
/// home already.
fn stray_setting_hint(text: &str, line: usize, msg: &str) -> Option<String> {
    if msg.contains("belongs") {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    let key = lines.get(line.checked_sub(1)?)?.split('=').next()?.trim();
    let home = home_of(key)?;
    let table = table_at(&lines, line)?;
    // In its own table, the type alone is wrong.
    if home == format!("under [{table}]") {
        return None;
    }
    Some(format!(
        "`{key}` is read in [{table}] here, and belongs {home} (a line added at the end of the file is in its last table)"
    ))
}

/// The `[table]` line `line` (1-based) is under, if any.
fn table_at<'a>(lines: &[&'a str], line: usize) -> Option<&'a str> {
    lines[..line.min(lines.len())]
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| l.starts_with('[') && !l.starts_with("[["))
        .and_then(|l| l.strip_prefix('[')?.split(']').next())
        .map(str::trim)
}

/// A template named as a setting of another table (`name`, `note_limit`):
/// the line was meant for that table, and went under `[templates]`, the
/// last table of config.example.toml, by being added at the end.
pub fn template_named_as_setting(name: &str) -> Option<String> {
    // An action's name (`reply`) is a fair name for a template of words;
    // one holding a key is caught where `[keys]` is checked.
    let home = home_of(name).filter(|h| *h != "under [keys]")?;
    Some(format!(
        "[templates]: a template named `{name}`: the setting `{name}` belongs {home} (a line added at the end of the file is in its last table, [templates]); to keep a template, name it otherwise"
    ))
}

/// Where a key of the config file is written: `name` at the top, the
/// others under their table.
pub fn home_of(key: &str) -> Option<&'static str> {
    if key == "name" {
        return Some("at the top of the file, before any [table]");
    }
    if crate::tui::keys::BINDABLE
        .iter()
        .any(|(action, ..)| *action == key)
    {
        return Some("under [keys]");
    }
    if ["stale_after_days", "note_limit"].contains(&key) {
        return Some("under [sent]");
    }
    // The list names as `Lists` spells them, so this cannot fall behind.
    let lists = toml::Table::try_from(Lists::default()).unwrap_or_default();
    lists.contains_key(key).then_some("under [classify]")
}

/// The line and column (1-based, in characters) of a byte offset in `text`.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// `line 4, column 1: {e}`, or `lines 3 and 5: {e}`: `e` with where the
/// `keys` of `[table]` are written. The text has parsed once already; a key
/// not found (none should be) leaves the message as it is.
fn at_keys(text: &str, table: &str, keys: &[&str], e: &impl std::fmt::Display) -> String {
    let found = toml::de::DeTable::parse(text).ok();
    // `""`: the keys at the top of the file.
    let table = found.as_ref().and_then(|doc| match table {
        "" => Some(doc.get_ref()),
        _ => match doc.get_ref().get(table)?.get_ref() {
            toml::de::DeValue::Table(t) => Some(t),
            _ => None,
        },
    });
    let mut at: Vec<(usize, usize)> = keys
        .iter()
        .filter_map(|key| table?.get_key_value(*key))
        .map(|(key, _)| position(text, key.span().start))
        .collect();
    at.sort_unstable();
    at.dedup_by_key(|(line, _)| *line);
    match at.as_slice() {
        [] => e.to_string(),
        [(line, col)] => format!("line {line}, column {col}: {e}"),
        many => {
            let lines: Vec<String> = many.iter().map(|(line, _)| line.to_string()).collect();
            format!("lines {}: {e}", lines.join(" and "))
        }
    }
}

/// Where invitriage reads its config and keeps its journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub config_file: PathBuf,
    /// True when the user named the config file (so it must exist).
    pub config_required: bool,
    pub data_dir: PathBuf,
    /// True when `--data-dir` or `$INVITRIAGE_DATA_DIR` chose `data_dir`
    /// (a command to run later must name it).
    pub data_dir_chosen: bool,
}

/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "INVITRIAGE_DATA_DIR";

/// The folder in the data directory that holds the decisions made on the
/// bundled sample: trying the app on its fictional people must not add
/// them to your own inbox's statistics ("decided earlier, not in this
/// export") or to its `export`.
pub const SAMPLE_DIR_NAME: &str = "sample";

impl Paths {
    /// Resolves the paths: `--config`, else `<config dir>/invitriage/config.toml`;
    /// `--data-dir`, else `$INVITRIAGE_DATA_DIR`, else `<data dir>/invitriage`.
    pub fn resolve(config: Option<PathBuf>, data_dir: Option<PathBuf>) -> Paths {
        let dirs = directories::ProjectDirs::from("", "", "invitriage");
        let config_required = config.is_some();
        let config_file = config.unwrap_or_else(|| match &dirs {
            Some(d) => d.config_dir().join("config.toml"),
            None => PathBuf::from("invitriage.toml"),
        });
        let chosen = data_dir.or_else(|| {
            std::env::var_os(DATA_DIR_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        });
        let data_dir_chosen = chosen.is_some();
        let data_dir = chosen.unwrap_or_else(|| match &dirs {
            Some(d) => d.data_dir().to_path_buf(),
            None => PathBuf::from(".invitriage"),
        });
        Paths {
            config_file,
            config_required,
            data_dir,
            data_dir_chosen,
        }
    }

    /// The folder of the journal for an export: the data directory, or
    /// its [`SAMPLE_DIR_NAME`] folder for the bundled sample.
    pub fn journal_dir(&self, sample: bool) -> PathBuf {
        if sample {
            self.data_dir.join(SAMPLE_DIR_NAME)
        } else {
            self.data_dir.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example file promises every key with its default.
    #[test]
    fn the_example_file_is_the_defaults() {
        let text = include_str!("../config.example.toml");
        let c = Config::parse(text, Path::new("config.example.toml")).unwrap();
        assert_eq!(c, Config::default());
    }

    /// Each `# e.g.` line of the example file, uncommented in place of the
    /// key's default, is a config that sets something.
    #[test]
    fn every_example_line_uncomments_to_a_config() {
        let text = include_str!("../config.example.toml");
        let examples: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# e.g. "))
            .collect();
        assert!(examples.len() >= 6, "{examples:?}");
        for example in examples {
            let key = example.split(' ').next().unwrap();
            let tried: String = text
                .lines()
                .map(|l| match l {
                    _ if l == format!("# e.g. {example}") => example,
                    _ if l.starts_with(&format!("{key} = ")) => "",
                    _ => l,
                })
                .collect::<Vec<_>>()
                .join("\n");
            let c = Config::parse(&tried, Path::new("config.example.toml"));
            assert!(
                c.as_ref().is_ok_and(|c| *c != Config::default()),
                "{example}: {c:?}"
            );
        }
    }

    /// A template's name is shown in the composer's border: one holding a
    /// right-to-left override (which turned the border's words around), a
    /// zero-width space or a line separator is refused as a control
    /// character is, written out so that the user sees which.
    #[test]
    fn a_template_name_with_hidden_characters_is_refused() {
        for (name, shown) in [
            (r"\u202eevil", r"\u{202e}evil"),
            (r"a\u200bb", r"a\u{200b}b"),
            (r"a\u2028b", r"a\u{2028}b"),
            (r"a\u0085b", r"a\u{85}b"),
        ] {
            let e = Config::parse(
                &format!("[templates]\n\"{name}\" = \"x\"\n"),
                Path::new("c.toml"),
            )
            .unwrap_err()
            .to_string();
            assert!(
                e.contains(&format!(
                    "line 2, column 1: [templates]: the name \"{shown}\" holds a control or invisible character"
                )),
                "{e}"
            );
        }
        // A zero-width joiner builds an emoji: a name may hold one.
        let family = "[templates]\n\"fam 👨\\u200d👩\" = \"x\"\n";
        assert!(Config::parse(family, Path::new("c.toml")).is_ok());
    }

    /// Quoting slips the toml crate reports only by their consequence get
    /// a hint: a "…" template over several lines, a " inside one, curly
    /// quotes. A correct template of several lines parses.
    #[test]
    fn quoting_slips_are_explained() {
        let err = |text: &str| {
            Config::parse(text, Path::new("c.toml"))
                .unwrap_err()
                .to_string()
        };
        let e = err("[templates]\nformal = \"Dear {last_name},\n\nBest\n{my_name}\"\n");
        assert!(
            e.contains("line 2 opens a \"…\" string that does not end on its line: write a text of several lines between \"\"\" and \"\"\""),
            "{e}"
        );
        let e = err("[templates]\nformal = \"She said \"yes\" then\"\n");
        assert!(e.contains("a \" inside a \"…\" string ends it"), "{e}");
        let e = err("name = “Jana Weber”\n");
        assert!(e.contains("not typographic ones"), "{e}");
        // In a list too, and a string broken inside one.
        let e = err("[classify]\nsalutations = [“moin”, \"servus\"]\n");
        assert!(e.contains("not typographic ones"), "{e}");
        let e =
            err("[classify]\nstock_texts = [\n  \"Hallo, ich möchte\n  dich hinzufügen\",\n]\n");
        assert!(e.contains("line 3 opens a \"…\" string"), "{e}");
        // Strings of a one-line list are not a quote inside a string.
        let e = err("[classify]\nsalutations = [\"moin\", \"servus\", 5]\n");
        assert!(!e.contains("ends it"), "{e}");
        // Three single quotes inside a block of three double ones do not
        // end it.
        let e = err("[templates]\nmine = \"\"\"\nit's ''' here\nsay = \"hi\n\"\"\"\nother = 5\n");
        assert!(!e.contains("opens a"), "{e}");
        // A line in a block of three single quotes is not a value.
        let e = err("[templates]\nmine = '''\nsay = \"hi\n'''\nother = 5\n");
        assert!(!e.contains("opens a"), "{e}");
        // Others are left as the toml crate words them.
        let e = err("[templates]\n\"a\\u0007b\\nc\" = \"x\"\n");
        assert_eq!(
            e,
            "config file c.toml: line 2, column 1: [templates]: the name \"a\\u{7}b\\nc\" holds a control or invisible character (a line break, a tab, a right-to-left override, a zero-width space); name the template with letters, digits and spaces"
        );
        // A line nested past any depth is not quoted whole.
        let deep = format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let e = err(&deep);
        assert!(e.len() < 400 && e.contains("…`)"), "{}", e.len());
        let e = err("name = \"  \"\n");
        assert_eq!(
            e,
            "config file c.toml: line 1, column 1: name: it is empty; write your name as LinkedIn shows it, or remove the line"
        );
        let e = err("name = 5\n");
        assert!(!e.contains("; "), "{e}");
        let ok = Config::parse(
            "[templates]\nformal = \"\"\"\nDear {last_name},\n\nSaid \"yes\".\n\"\"\"\nshort = \"Hi \\\"there\\\"\"\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(ok.templates["short"], "Hi \"there\"");
    }

    /// A config at the default place that is a link to nothing is an
    /// error, not passed over as absent; a file that is not there is.
    #[cfg(unix)]
    #[test]
    fn a_dangling_link_at_the_default_place_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        assert!(Config::load(&path, false, |_| Ok(())).is_ok());
        std::os::unix::fs::symlink(dir.path().join("gone.toml"), &path).unwrap();
        let e = Config::load(&path, false, |_| Ok(()))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("gone.toml, which does not exist; mend or remove the link"),
            "{e}"
        );
        // A link to the config folder, broken.
        let folder = dir.path().join("invitriage");
        std::os::unix::fs::symlink(dir.path().join("dotfiles/invitriage"), &folder).unwrap();
        let e = Config::load(&folder.join("config.toml"), false, |_| Ok(()))
            .unwrap_err()
            .to_string();
        assert!(e.contains("invitriage is a link to "), "{e}");
        assert!(
            e.contains("dotfiles/invitriage, which does not exist"),
            "{e}"
        );
    }

    #[test]
    fn empty_config_is_the_defaults() {
        let c = Config::parse("", Path::new("c.toml")).unwrap();
        assert_eq!(c, Config::default());
        assert_eq!(c.sent.stale_after_days, 21);
    }

    #[test]
    fn reads_every_section() {
        let c = Config::parse(
            r#"
name = "Colleen Ruiz"
[classify]
stock_texts = ["Hej, jag vill gärna lägga till dig."]
[sent]
note_limit = 200
[keys]
accept = "y"
down = ["j", "down"]
[templates]
default = "Hi {first_name}"
"#,
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(c.name.as_deref(), Some("Colleen Ruiz"));
        assert_eq!(c.classify.stock_texts.len(), 1);
        assert_eq!(c.sent.note_limit, 200);
        assert_eq!(c.sent.stale_after_days, 21, "unset keys keep their default");
        assert_eq!(c.keys["down"].keys(), vec!["j", "down"]);
        assert_eq!(c.templates["default"], "Hi {first_name}");
    }

    /// A signal hint of punctuation alone would mark nearly every note.
    #[test]
    fn a_hint_without_a_letter_or_digit_is_refused() {
        for hint in [".", "!", "", " - ", "…", "«»"] {
            let text = format!("[classify]\ncontext_hints = [\"met\", \"{hint}\"]\n");
            let err = Config::parse(&text, Path::new("c.toml"))
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("line 2") && err.contains("has no letter, digit or symbol"),
                "{hint:?}: {err}"
            );
        }
        let ok = Config::parse(
            "[classify]\npitch_hints = [\"B2B\", \"24/7\", \"£\", \"¥\"]\n",
            Path::new("c.toml"),
        );
        assert_eq!(ok.unwrap().classify.pitch_hints.len(), 4);
    }

    /// A setting added at the end of config.example.toml lands in its last
    /// table, `[templates]`: said, with its home, not read as a template.
    #[test]
    fn a_setting_under_templates_is_sent_home() {
        let example = include_str!("../config.example.toml");
        let lines = example.lines().count() + 1;
        for (added, says) in [
            (
                "name = \"Zuzana Dvorak\"",
                "[templates]: a template named `name`: the setting `name` belongs at the top of the file",
            ),
            (
                "stale_after_days = 5",
                "`stale_after_days` is read in [templates] here, and belongs under [sent]",
            ),
        ] {
            let text = format!("{example}{added}\n");
            let err = Config::parse(&text, Path::new("c.toml"))
                .unwrap_err()
                .to_string();
            assert!(
                err.contains(&format!("line {lines}, column ")) && err.contains(says),
                "{added}: {err}"
            );
        }
        // A template of words is one, named like an action too.
        for name in ["thanks", "reply"] {
            let text = format!("{example}{name} = \"Thanks, {{first_name}}!\"\n");
            assert!(Config::parse(&text, Path::new("c.toml")).is_ok(), "{name}");
        }
        // An action's key outside [keys] is sent there.
        let err = Config::parse("quit = \"Q\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("`quit` belongs under [keys]"), "{err}");
    }

    /// A byte-order mark is not counted as a column, nor quoted.
    #[test]
    fn a_byte_order_mark_is_no_column() {
        let err = Config::parse("\u{feff}nme = \"Zoë\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("line 1, column 1: unknown key `nme`")
                && err.contains("(in `nme = \"Zoë\"`)"),
            "{err}"
        );
    }

    /// A known key in the wrong table says which table it belongs under.
    #[test]
    fn a_key_in_the_wrong_table_is_sent_home() {
        for (text, says) in [
            (
                "[classify]\nnote_limit = 200\n",
                "`note_limit` belongs under [sent]",
            ),
            (
                "salutations = [\"moin\"]\n",
                "`salutations` belongs under [classify]",
            ),
            (
                "[sent]\nname = \"Ana\"\n",
                "`name` belongs at the top of the file",
            ),
        ] {
            let err = Config::parse(text, Path::new("c.toml"))
                .unwrap_err()
                .to_string();
            assert!(err.contains(says), "{text}: {err}");
        }
        let err = Config::parse("colour = 1\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(!err.contains("belongs"), "{err}");
        assert!(
            err.contains("line 1, column 1: unknown key `colour`, expected one of `name`"),
            "a config's words, not serde's: {err}"
        );
        let err = Config::parse("keys = \"x\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(
                "found string \"x\", expected a table: a `[table]` line with its keys under it"
            ),
            "{err}"
        );
    }

    /// A blank entry, words in a list matched a word at a time (as a note
    /// or a greeting splits them) or a generic word with a digit would
    /// never match: each is refused at its line.
    #[test]
    fn list_entries_that_could_never_match_are_refused() {
        for (line, says) in [
            ("salutations = [\"hallo\", \"\"]", "an entry is empty"),
            ("stock_texts = [\"   \"]", "an entry is empty"),
            (
                "generic_phrases = [\"...\", \"Hallo!\"]",
                "the entry \"...\" has no letter or digit",
            ),
            ("closing_phrases = [\"!!!\"]", "would match nothing"),
            ("stock_texts = [\"€€€\"]", "would match nothing"),
            (
                "generic_words = [\"ich möchte\"]",
                "is more than one word, and this list is matched a word at a time, so it would never match; give the words one by one (\"ich\", \"möchte\"); a whole sentence goes in generic_phrases",
            ),
            (
                "titles = [\"Prof Dr\"]",
                "give the words one by one (\"Prof\", \"Dr\"), each checked alone in a greeting's name",
            ),
            (
                "non_names = [\"Frau Doktor\"]",
                "(\"Frau\", \"Doktor\"), each checked",
            ),
            // A word with a digit is never generic.
            (
                "generic_words = [\"b2b\"]",
                "\"b2b\" has a digit, and a word with a digit is never generic (a number, a year, a model), so it would never match; remove it",
            ),
            ("generic_words = [\"2024\"]", "\"2024\" has a digit"),
            // Words as a note's are read: split at the dot.
            (
                "generic_words = [\"acme.com\"]",
                "\"acme.com\" is read as more than one word (\"acme\", \"com\"), and this list is matched a word at a time, so it would never match; give the words one by one; a whole sentence goes in generic_phrases",
            ),
            // A greeting reads `Dipl` and stops at the dot.
            (
                "titles = [\"Dipl.-Ing.\"]",
                "\"Dipl.-Ing.\" is not one word as a greeting reads its words (\"Dipl\", \"Ing\"), and a title is matched a word at a time (a dot at its end is fine, as in \"Dr.\"), so it would never match; remove it",
            ),
            (
                "non_names = [\"Team/acme.com\"]",
                "\"Team/acme.com\" is not one word as a greeting reads its words (\"acme\", \"com\"), and a non-name is matched a word at a time",
            ),
        ] {
            let text = format!("[classify]\n{line}\n");
            let err = Config::parse(&text, Path::new("c.toml"))
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("line 2") && err.contains(says),
                "{line}: {err}"
            );
        }
        let ok = Config::parse(
            "[classify]\nsalutations = [\"guten abend\"]\ntitles = [\"Dipl-Ing\", \"Dr.\"]\n\
            generic_words = [\"like-minded\", \"don't\", \"Über\"]\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(ok.classify.salutations.len(), 1);
        assert_eq!(ok.classify.titles.len(), 2);
        // `don't` is one word as written, `do not` once normalised, as a
        // note's is.
        assert_eq!(ok.classify.generic_words.len(), 3);
    }

    /// An entry of a list written over several lines is on a line of its
    /// own, which does not show the list's key: the message names the list,
    /// and the entry's line (not the key's), for an entry of the wrong type
    /// and for one refused alike.
    #[test]
    fn an_entry_on_a_line_of_its_own_names_its_list_and_line() {
        let err = |list: &str, entry: &str| {
            let text = format!("[classify]\n{list} = [\n  \"yo\",\n  {entry},\n]\n");
            Config::parse(&text, Path::new("c.toml"))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err("salutations", "7"),
            "config file c.toml: line 4, column 3: classify.salutations: found integer `7`, expected a string (in `7,`)"
        );
        assert_eq!(
            err("salutations", "\"\""),
            "config file c.toml: line 4, column 3: classify.salutations: an entry is empty: it would match nothing; remove it (in `\"\",`)"
        );
        for (list, entry, says) in [
            ("titles", "\"Herr Dr\"", "\"Herr Dr\" is more than one word"),
            ("generic_words", "\"...\"", "has no letter or digit"),
            ("pitch_hints", "\"!\"", "the hint \"!\" has no letter"),
        ] {
            let e = err(list, entry);
            assert!(
                e.starts_with(&format!(
                    "config file c.toml: line 4, column 3: classify.{list}: "
                )),
                "{e}"
            );
            assert!(e.contains(says), "{e}");
        }
        // [keys] too; and a list on the key's own line.
        let e = Config::parse("[keys]\naccept = [\n  \"a\",\n  5]\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("line 4, column 3: keys.accept: found integer `5`"),
            "{e}"
        );
        let e = Config::parse("[classify]\ntitles = [\"Dr\", 5]\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("line 2, column 17: classify.titles: found integer `5`"),
            "{e}"
        );
    }

    /// A value of the wrong shape is named in a config's words, not
    /// serde's ("expected struct Lists", "expected a sequence").
    #[test]
    fn a_wrong_shape_is_named_in_plain_words() {
        let err = |text: &str| {
            Config::parse(text, Path::new("c.toml"))
                .unwrap_err()
                .to_string()
        };
        let table = err("classify = 3\n");
        assert!(
            table.ends_with(
                "found integer `3`, expected a table of settings, as in config.example.toml (in `classify = 3`)"
            ),
            "{table}"
        );
        let list = err("[classify]\nstock_texts = \"Hello\"\n");
        assert!(
            list.contains(r#"expected a list, e.g. ["one", "two"] (in `stock_texts"#),
            "{list}"
        );
        for key in ["classify", "sent", "keys", "templates"] {
            let e = err(&format!("name = \"x\"\n{key} = 2026-01-01\n"));
            assert!(
                e.ends_with(&format!("line 2: found a date or time, expected a table: a `[{key}]` line with its keys under it (in `{key} = 2026-01-01`)")),
                "{e}"
            );
        }
        for (text, found) in [
            (
                "name = 2026-01-01\n",
                "found a date or time, expected a string",
            ),
            (
                "name = 08:00:00\n",
                "found a date or time, expected a string",
            ),
            ("name = { a = 1 }\n", "found a table, expected a string"),
            ("name = [\"a\"]\n", "found a list, expected a string"),
        ] {
            let e = err(text);
            assert!(e.contains(&format!("column 8: {found} (in `")), "{e}");
        }
        let twice = err("[[classify]]\nstock_texts = [\"x\"]\n");
        assert!(
            twice.ends_with(
                "line 1: `[[classify]]` makes a list of tables; write `[classify]`, with one pair of brackets"
            ),
            "{twice}"
        );
        let large = err("[sent]\nstale_after_days = 99999999999999999999\n");
        assert!(
            large.contains("found integer `99999999999999999999`, too large, expected"),
            "{large}"
        );
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.toml");
        for bytes in [&[0xFF, 0xFE, b'n', 0, b'a', 0][..], &[b'n', 0, b'a', 0]] {
            std::fs::write(&file, bytes).unwrap();
            let e = read_config(&file).unwrap_err();
            assert_eq!(
                e.to_string(),
                "it is UTF-16 (Notepad's \"Unicode\"); save it as UTF-8"
            );
        }
        // The export's .zip, and another binary file.
        std::fs::write(&file, b"PK\x03\x04\x14\0\0\0\x08\0").unwrap();
        let e = read_config(&file).unwrap_err().to_string();
        assert!(
            e.starts_with("it is a .zip archive (LinkedIn's export?)"),
            "{e}"
        );
        std::fs::write(&file, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66 some more bytes here of the picture").unwrap();
        let e = read_config(&file).unwrap_err().to_string();
        assert!(e.starts_with("it is a binary file"), "{e}");
        // An empty file is an empty config, not UTF-16; so is one of a
        // UTF-16 byte order mark alone.
        for empty in [&b""[..], &[0xFF, 0xFE], &[0xFE, 0xFF]] {
            std::fs::write(&file, empty).unwrap();
            assert_eq!(read_config(&file).unwrap(), "");
        }
        // Latin-1 bytes: the line they are on.
        std::fs::write(&file, b"# ok\nname = \"J\xfcrgen\"\n").unwrap();
        let e = read_config(&file).unwrap_err().to_string();
        assert!(e.starts_with("line 2: it is not UTF-8 text"), "{e}");
    }

    #[test]
    fn unknown_key_names_key_and_line() {
        let err = Config::parse(
            "name = \"x\"\n\n[sent]\nstale_days = 3\n",
            Path::new("/tmp/c.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("/tmp/c.toml"), "{err}");
        assert!(err.contains("line 4"), "{err}");
        assert!(err.contains("stale_days"), "{err}");
    }

    #[test]
    fn wrong_type_names_key_and_line() {
        let err = Config::parse(
            "[sent]\nnote_limit = \"three hundred\"\n",
            Path::new("c.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("line 2, column 14: "), "{err}");
        assert!(err.contains("note_limit"), "{err}");
    }

    /// A binding that is neither a key nor a list of keys says what it
    /// should be, on its line, in words rather than serde's.
    #[test]
    fn a_binding_that_is_not_a_key_says_what_is_expected() {
        let err = |text: &str| {
            Config::parse(text, Path::new("c.toml"))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err("name = \"Sam\"\n[keys]\naccept = 5\n"),
            r#"config file c.toml: line 3, column 10: found integer `5`, expected a key name or a list of key names, e.g. "a" or ["a", "enter"] (in `accept = 5`)"#
        );
        let e = err("[keys]\naccept = { key = \"a\" }\n");
        assert!(e.contains("line 2") && e.contains(KEY_BINDING), "{e}");
        let e = err("[keys]\naccept = [\"a\", 5]\n");
        assert!(
            e.contains("line 2") && e.contains(r#"expected a key name, e.g. "a" or "enter""#),
            "{e}"
        );
        assert!(!e.contains("untagged"), "{e}");
        let c = Config::parse("[keys]\naccept = []\nquit = \"Q\"\n", Path::new("c.toml")).unwrap();
        assert_eq!(c.keys["accept"], KeyBinding::Many(vec![]));
        assert_eq!(c.keys["quit"], KeyBinding::One("Q".into()));
    }

    /// A count that is not a whole number of 0 or more says what it counts,
    /// not `expected u32`.
    #[test]
    fn a_negative_count_says_what_it_counts() {
        let err = |text: &str| {
            Config::parse(text, Path::new("c.toml"))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err("[sent]\nstale_after_days = -3\n"),
            "config file c.toml: line 2, column 20: invalid value: integer `-3`, expected a whole number of days from 0 to 36500 (in `stale_after_days = -3`)"
        );
        for bad in ["\"21\"", "2.5", "4294967296", "36501"] {
            let e = err(&format!("[sent]\nstale_after_days = {bad}\n"));
            assert!(
                e.contains("line 2")
                    && e.contains("expected a whole number of days from 0 to 36500"),
                "{e}"
            );
        }
        let e = err("[sent]\nnote_limit = -1\n");
        assert!(
            e.contains("integer `-1`, expected a whole number of characters from 1 to 10000 (LinkedIn takes 300, 200 on a free account)"),
            "{e}"
        );
        let c = Config::parse(
            "[sent]\nstale_after_days = 0\nnote_limit = 200\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!((c.sent.stale_after_days, c.sent.note_limit), (0, 200));
    }

    /// What a table's user finds unusable is placed at its line, or its
    /// lines; a key not found leaves the message as it is.
    #[test]
    fn an_unusable_entry_names_its_line() {
        let check = |keys: &'static [&'static str]| {
            move |_: &Config| -> Result<(), Unusable> {
                Err(Unusable {
                    table: "keys",
                    keys: keys.iter().map(|k| k.to_string()).collect(),
                    message: "no good".into(),
                })
            }
        };
        let text = "name = \"Sam\"\n\n[keys]\naccept = \"y\"\n  ignore = \"n\"\n";
        let err = |keys| {
            Config::parse_with(text, Path::new("c.toml"), check(keys))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err(&["ignore"]),
            "config file c.toml: line 5, column 3: no good"
        );
        assert_eq!(
            err(&["accept", "ignore"]),
            "config file c.toml: lines 4 and 5: no good"
        );
        assert_eq!(err(&["quit"]), "config file c.toml: no good");
    }

    #[test]
    fn a_note_limit_of_zero_or_too_large_is_refused_with_its_line() {
        let err = Config::parse(
            "name = \"Sam\"\n[sent]\nnote_limit = 0\n",
            Path::new("c.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("line 3"), "{err}");
        // Zero and too many are told alike.
        assert!(
            err.contains("integer `0`, expected a whole number of characters from 1 to 10000"),
            "{err}"
        );
        let ok = Config::parse("[sent]\nnote_limit = 200\n", Path::new("c.toml")).unwrap();
        assert_eq!(ok.sent.note_limit, 200);
        let ok = Config::parse("[sent]\nnote_limit = 10000\n", Path::new("c.toml")).unwrap();
        assert_eq!(ok.sent.note_limit, 10_000);
        for big in ["10001", "99999999999999999"] {
            let err = Config::parse(
                &format!("[sent]\nnote_limit = {big}\n"),
                Path::new("c.toml"),
            )
            .unwrap_err()
            .to_string();
            assert!(
                err.contains("line 2")
                    && err.contains("expected a whole number of characters from 1 to 10000"),
                "{err}"
            );
        }
    }

    #[test]
    fn missing_default_file_is_fine_but_named_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("nope.toml");
        assert_eq!(
            Config::load(&p, false, |_| Ok(())).unwrap().0,
            Config::default()
        );
        assert!(
            Config::load(&p, true, |_| Ok(()))
                .unwrap_err()
                .to_string()
                .contains("nope.toml")
        );
    }

    #[test]
    fn flags_override_the_default_paths() {
        let p = Paths::resolve(Some("/x/c.toml".into()), Some("/y".into()));
        assert_eq!(p.config_file, PathBuf::from("/x/c.toml"));
        assert!(p.config_required);
        assert_eq!(p.data_dir, PathBuf::from("/y"));
    }
}
