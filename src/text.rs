//! Text as the screen and the reports show it, shared by the domain (a
//! draft's greeting) and every output: one safe line, a name, a width in
//! terminal columns.

use std::borrow::Cow;
use std::path::Path;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// "s" after a count that is not one: `format!("{n} row{}", plural(n))`.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `n` days, in words: `1 day`, `21 days`.
pub fn days(n: u32) -> String {
    format!("{n} day{}", plural(n as usize))
}

/// A draft as it is saved, copied and sent: each line without the spaces
/// at its end (a template leaves one where the user writes on) and without
/// blank lines at the end.
pub fn as_sent(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').map(str::trim_end).collect();
    lines.join("\n").trim_end().to_string()
}

/// Keeps only what is safe and readable on one terminal line: control
/// characters (ESC included, so no escape sequence survives) are dropped and
/// runs of white space become one space.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in Printable::new(s) {
        if ch.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(ch);
    }
    out
}

/// A name from outside the program (a path given on the command line, an
/// archive's entry) as a message shows it: as it is, but for control
/// characters, line and paragraph separators and bidirectional controls,
/// which are written out as Rust writes them (`\n`, `\t`, `\u{1b}`,
/// `\u{202e}`). A line break in a file name would otherwise split the
/// message it is in, and an escape sequence act on the terminal; anything
/// else (spaces, `é`, a backslash, quotes) is shown as it is.
pub fn shown_name(s: &str) -> Cow<'_, str> {
    with_written_out(s, written_out)
}

/// `s` with each character `out` picks written out as Rust writes it.
fn with_written_out(s: &str, out: fn(char) -> bool) -> Cow<'_, str> {
    if !s.contains(out) {
        return s.into();
    }
    let mut shown = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if out(c) {
            shown.extend(c.escape_debug());
        } else {
            shown.push(c);
        }
    }
    shown.into()
}

/// A character a doctored URL may hide and no address holds: those
/// [`shown_name`] writes out, and the ones a terminal draws as nothing
/// (zero-width space, soft hyphen, word joiner, byte-order mark).
pub fn hidden_in_url(c: char) -> bool {
    written_out(c)
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2060}'..='\u{2064}'
                | '\u{FEFF}'
        )
}

/// A profile URL as the screen and the checklist show it: its
/// [hidden characters](hidden_in_url) written out (`\u{200b}`), so that
/// what is shown is what `o` and `y` would take.
pub fn shown_url(s: &str) -> Cow<'_, str> {
    with_written_out(s, hidden_in_url)
}

/// The characters [`shown_name`] writes out.
pub fn written_out(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// A path as a message shows it: as [`Path::display`] does, with the
/// escapes of [`shown_name`].
pub fn shown_path(path: &Path) -> String {
    shown_name(&path.to_string_lossy()).into_owned()
}

/// A person's name for a line of text: [`one_line`], or `(no name)` when
/// the export's cell is empty, so that "Reply to , don't accept" cannot be.
pub fn name_line(s: &str) -> String {
    let name = one_line(s);
    if name.is_empty() {
        "(no name)".to_string()
    } else {
        name
    }
}

/// The characters of a string that are safe to draw: whole escape sequences
/// (CSI `ESC [ … final`, OSC `ESC ] … BEL` or `ESC \\`, and two-byte ones)
/// are skipped, as are other control and format characters. Line breaks
/// (every kind as `\n`) and tabs pass through for the caller to handle.
struct Printable<'a> {
    chars: std::str::Chars<'a>,
    /// The character given last, for a zero-width joiner's company.
    prev: Option<char>,
}

impl<'a> Printable<'a> {
    fn new(s: &'a str) -> Self {
        Printable {
            chars: s.chars(),
            prev: None,
        }
    }

    fn skip_escape(&mut self) {
        // Else a two-character sequence (ESC c, ESC 7, …): already consumed.
        if let Some(kind @ ('[' | ']' | 'P' | 'X' | '^' | '_')) = self.chars.next() {
            self.skip_sequence(kind);
        }
    }

    /// The rest of a sequence whose introducer (`kind`, as after ESC) is
    /// read: CSI (`[`) runs to its final byte `@`..`~`; OSC, DCS, SOS, PM
    /// and APC to BEL or ST (`ESC \\` or U+009C).
    fn skip_sequence(&mut self, kind: char) {
        if kind == '[' {
            for c in self.chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
            return;
        }
        while let Some(c) = self.chars.next() {
            match c {
                '\u{7}' | '\u{9c}' => break,
                '\u{1b}' => {
                    self.chars.next();
                    break;
                }
                _ => {}
            }
        }
    }
}

impl Iterator for Printable<'_> {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        let c = self.next_char();
        self.prev = c;
        c
    }
}

impl Printable<'_> {
    fn next_char(&mut self) -> Option<char> {
        loop {
            let c = self.chars.next()?;
            match c {
                '\u{1b}' => self.skip_escape(),
                // The one-character forms of CSI and OSC (and DCS, SOS, PM,
                // APC): their parameters go with them.
                '\u{9b}' => self.skip_sequence('['),
                '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => self.skip_sequence(']'),
                '\n' | '\t' => return Some(c),
                // A line break of another kind (an old Mac's lone CR,
                // CRLF, NEL, the line and paragraph separators, vertical
                // tab, form feed) is one: a terminal draws most as
                // nothing, and the words around them would run together.
                '\r' => {
                    if self.chars.clone().next() == Some('\n') {
                        self.chars.next();
                    }
                    return Some('\n');
                }
                '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' => return Some('\n'),
                // A zero-width joiner joins emoji, and letters of scripts
                // such as Devanagari; beside an ASCII character, or at an
                // end, it joins nothing, and some terminals draw it as a
                // column (a name's `Zero\u{200d}Width` shifted the line).
                '\u{200d}'
                    if self.prev.is_none_or(|p| p.is_ascii())
                        || self.chars.clone().next().is_none_or(|n| n.is_ascii()) => {}
                c if c.is_control() || is_format_control(c) => {}
                c => return Some(c),
            }
        }
    }
}

/// The most of a note a screen shows: LinkedIn's notes stop at 300
/// characters (a message at a few thousand), and a field of megabytes (a
/// broken or made-up export) must not be wrapped and drawn on every key.
pub const SHOWN_BYTES: usize = 16 * 1024;

/// The start of `s`, at most `max` bytes, cut at a character's start; and
/// how many bytes are left out (not characters: counting those would read
/// the whole of a field of megabytes on every redraw).
pub fn head(s: &str, max: usize) -> (&str, usize) {
    if s.len() <= max {
        return (s, 0);
    }
    let cut = s.floor_char_boundary(max);
    (&s[..cut], s.len() - cut)
}

/// Said under a note cut at [`SHOWN_BYTES`], `more` bytes left out.
pub fn more_not_shown(more: usize) -> String {
    let size = match more {
        0..1_000 => format!("{more} bytes"),
        1_000..999_000 => format!("{} KB", more.div_ceil(1_000)),
        _ => format!("{:.1} MB", more as f64 / 1e6),
    };
    format!("… {size} more, not shown (no LinkedIn note is this long)")
}

/// Keeps line breaks but drops every other control character (ESC, so no
/// escape sequence survives; BEL; bidirectional overrides); tabs become spaces.
pub fn clean_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in Printable::new(s) {
        match ch {
            '\t' => out.push_str("    "),
            c => out.push(c),
        }
    }
    out
}

/// Text as it goes into a draft or the check pad (pasted, taken back from
/// the editor, recovered): as [`clean_text`], but a tab stays a tab. The
/// text field draws it to the next tab stop, a template keeps it, and
/// `check` and LinkedIn count it as one character: spaces in its place
/// changed the user's words without an edit (an editor's round trip) and
/// the pad's count from `check`'s.
pub fn clean_draft(s: &str) -> String {
    Printable::new(s).collect()
}

/// A character typed into a draft or the check pad (or pasted without
/// bracketed paste, which arrives a key at a time) after `before`, as
/// [`clean_draft`] takes it in a paste: a line break of another kind
/// (U+2028, NEL) is `'\n'`, a control or format character (a right-to-left
/// override, a zero-width space) is nothing. Else the field showed one
/// line and saved the hidden character, which a paste of the same text
/// left out. A zero-width joiner after a character it may join is kept:
/// what it joins comes with the next key.
pub fn clean_typed(before: Option<char>, c: char) -> Option<char> {
    if c == '\u{200d}' {
        return before.filter(|p| !p.is_ascii()).map(|_| c);
    }
    let mut buf = [0; 4];
    let mut cleaned = Printable::new(c.encode_utf8(&mut buf));
    cleaned.prev = before;
    cleaned.next()
}

/// Options to wrap a note's lines to `width` columns with: broken at
/// spaces, which end a row (no row starts with the space it broke at), and
/// also between the characters of Chinese and Japanese, which put no
/// spaces between words: a wrapper that breaks only at spaces left `你好`
/// alone on a row and the rest of the sentence on the next, as one word.
pub fn wrap_options(width: usize) -> textwrap::Options<'static> {
    // A word wider than a row (a long link) is left whole, for the
    // paragraph to break a grapheme at a time: textwrap breaks it a
    // character at a time, a flag or a family emoji in two.
    textwrap::Options::new(width.max(1))
        .word_separator(textwrap::WordSeparator::Custom(words))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false)
}

/// One line of a note in rows of [`wrap_options`].
pub fn wrap(line: &str, width: usize) -> Vec<String> {
    textwrap::wrap(line, wrap_options(width))
        .into_iter()
        .map(Cow::into_owned)
        .collect()
}

/// The words of `line` for [`wrap_options`], each with the spaces after it:
/// as textwrap's `AsciiSpace` finds them, and each Chinese or Japanese
/// character a word of its own (with what may not start a row, `。` or
/// `）`, kept to the one before, and what may not end one, `（`, to the
/// one after). Split between graphemes, never inside one.
fn words(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    let mut starts = Vec::new();
    let mut last: Option<&str> = None;
    for (i, g) in line.grapheme_indices(true) {
        let space = g == " ";
        let breaks = last.is_some_and(|prev| {
            let after_space = prev == " ";
            (after_space && !space)
                || (!after_space
                    && !space
                    && (cjk(prev) || cjk(g))
                    && !g.starts_with(NO_ROW_STARTS)
                    && !prev.starts_with(NO_ROW_ENDS))
        });
        if breaks {
            starts.push(i);
        }
        last = Some(g);
    }
    starts.push(line.len());
    let mut from = 0;
    Box::new(starts.into_iter().map(move |to| {
        let word = textwrap::core::Word::from(&line[from..to]);
        from = to;
        word
    }))
}

/// Punctuation that closes, which a row may not start with.
const NO_ROW_STARTS: &[char] = &[
    '、', '。', '，', '．', '・', '：', '；', '！', '？', '）', '」', '』', '】', '〕', '〉', '》',
    '〟', 'ー', 'ゝ', 'ゞ', '々', ',', '.', ':', ';', '!', '?', ')', ']', '}',
];

/// Punctuation that opens, which a row may not end with.
const NO_ROW_ENDS: &[char] = &[
    '（', '「', '『', '【', '〔', '〈', '《', '〝', '(', '[', '{',
];

/// Whether grapheme `g` is a Chinese character, Japanese kana, or their
/// punctuation or full-width forms: written without spaces, a row may
/// break before or after it.
fn cjk(g: &str) -> bool {
    g.chars().next().is_some_and(|c| {
        matches!(
            u32::from(c),
            0x3000..=0x30FF
                | 0x31F0..=0x31FF
                | 0x3400..=0x4DBF
                | 0x4E00..=0x9FFF
                | 0xF900..=0xFAFF
                | 0xFF00..=0xFF9F
                | 0x20000..=0x3FFFF
        )
    })
}

/// A bar of `n` against `max` in at most `width` cells, drawn to an eighth
/// of a cell (`███▌`), so that 13 and 10 of 112 differ at 80 columns too;
/// any `n` above 0 shows. One character a cell.
pub fn bar(n: usize, max: usize, width: usize) -> String {
    if max == 0 || n == 0 || width == 0 {
        return String::new();
    }
    const EIGHTHS: [char; 7] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let eighths = (n.min(max) * width * 8).div_ceil(max).max(1);
    let mut out = "█".repeat(eighths / 8);
    if let Some(&part) = (eighths % 8).checked_sub(1).and_then(|i| EIGHTHS.get(i)) {
        out.push(part);
    }
    out
}

/// Up to three people by name, for a note: `Ana`, `Ana, Bo and Cy`,
/// `Ana, Bo and 3 more`.
pub fn some_names(names: &[&str]) -> String {
    match names {
        [a, b, _, _, ..] => format!(
            "{}, {} and {} more",
            name_line(a),
            name_line(b),
            names.len() - 2
        ),
        few => and_list(&few.iter().map(|n| name_line(n)).collect::<Vec<_>>()),
    }
}

/// `a`, `a and b`, `a, b and c`: a list in a sentence.
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Bidirectional marks, embeddings, overrides and isolates: they can
/// reorder what a terminal shows.
pub fn is_bidi_control(ch: char) -> bool {
    matches!(
        ch,
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// What is dropped from text drawn or written for a person besides control
/// characters: bidirectional controls, and invisible characters that would
/// ride into a draft's greeting (`Hi Ana\u{200b},`): zero-width space, word
/// joiner, the byte-order mark and the soft hyphen; and the characters a
/// note of "nothing" is typed with, drawn as blank and no white space: the
/// Hangul fillers (`\u{3164}`, which NFKC makes `\u{1160}`), the braille
/// blank, the combining grapheme joiner, the invisible operators, the
/// Mongolian vowel separator and Khmer's invisible vowels; the deprecated
/// format characters (U+206A to U+206F), the interlinear annotation marks,
/// the musical beam and slur controls and the language tag. The zero-width
/// joiner and non-joiner stay, and the tags of a flag: emoji and scripts
/// are built with them.
pub fn is_format_control(ch: char) -> bool {
    is_bidi_control(ch)
        || matches!(
            ch,
            '\u{ad}'
                | '\u{34f}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180e}'
                | '\u{200b}'
                | '\u{2060}'..='\u{2064}'
                | '\u{206a}'..='\u{206f}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{1d173}'..='\u{1d17a}'
                | '\u{e0001}'
        )
}

/// Cuts `s` to at most `width` terminal columns, with `…` when cut.
/// Measured and cut a grapheme at a time, as ratatui draws: `❤️` (a heart
/// and a selector) takes two columns, and a family emoji joined with
/// zero-width joiners is kept whole or left out.
pub fn fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out.push('…');
    out
}

/// The end of `s` in at most `width` columns, led by `…` when cut.
fn fit_end(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut kept = Vec::new();
    let mut used = 1;
    for g in s.graphemes(true).rev() {
        let w = g.width();
        if used + w > width {
            break;
        }
        used += w;
        kept.push(g);
    }
    kept.push("…");
    kept.into_iter().rev().collect()
}

/// A line being typed, as drawn with a cursor in it: [`one_line`] a
/// character at a time, so that each white space shows as a space (none is
/// trimmed or merged with the next: the cursor steps over each) and the
/// text before the cursor and after it can be drawn apart.
pub fn typed_line(s: &str) -> String {
    Printable::new(s)
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

/// The text before a cursor and after it cut to `width` columns in all,
/// the cursor kept in view: from the start while it fits there, else the
/// end of what is before it (led by `…`) and some of what follows (a
/// third of the width at most, ending in `…` when cut).
pub fn fit_around(before: &str, after: &str, width: usize) -> (String, String) {
    let (b, a) = (before.width(), after.width());
    if b + a <= width {
        return (before.to_string(), after.to_string());
    }
    let context = a.min(width / 3);
    if b + context <= width {
        return (before.to_string(), fit(after, width - b));
    }
    (fit_end(before, width - context), fit(after, context))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row never starts with the space it broke at, and Chinese or
    /// Japanese breaks between characters (not before a closing `。`), a
    /// grapheme whole.
    #[test]
    fn notes_wrap_at_spaces_and_between_ideographs() {
        assert_eq!(wrap("how I can help", 3), ["how", "I", "can", "help"]);
        assert_eq!(wrap("abc def", 3), ["abc", "def"]);
        assert_eq!(wrap("  indented", 20), ["  indented"]);
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(
            wrap("你好 我是物流经理，很高兴认识你。", 10),
            ["你好 我是", "物流经理，", "很高兴认识", "你。"]
        );
        assert_eq!(
            wrap("こんにちは、Colleen さん", 12),
            ["こんにちは、", "Colleen さん"]
        );
        // A family emoji is one grapheme, not split where it joins.
        assert_eq!(wrap("你👩‍👩‍👧好", 4), ["你", "👩‍👩‍👧", "好"]);
    }

    /// A name with a line break, a tab, an escape or a bidirectional
    /// override shows them written out, on one line; any other name is
    /// shown exactly as it is.
    #[test]
    fn a_name_shows_its_control_characters_written_out() {
        assert_eq!(shown_name("a\nb.csv"), "a\\nb.csv");
        assert_eq!(
            shown_name("\t\r\u{1b}[2J\u{7f}\u{85}\u{202e}\u{2028}.csv"),
            "\\t\\r\\u{1b}[2J\\u{7f}\\u{85}\\u{202e}\\u{2028}.csv"
        );
        for plain in [
            "Invitations.csv",
            "my export é ü 名前.csv",
            r#"C:\Users\me\it's "mine".csv"#,
            "",
        ] {
            assert!(matches!(shown_name(plain), Cow::Borrowed(s) if s == plain));
        }
        assert_eq!(shown_path(Path::new("/tmp/x/a\nb.csv")), "/tmp/x/a\\nb.csv");
        assert_eq!(
            shown_path(Path::new("/tmp/é space.csv")),
            "/tmp/é space.csv"
        );
    }

    /// A note is cut at a character's start, and what is left out is said
    /// in bytes, as a person reads a size.
    #[test]
    fn a_long_note_is_cut_at_a_character_and_its_rest_sized() {
        assert_eq!(head("Zoë", 3), ("Zo", 2));
        assert_eq!(head("Zoë", 4), ("Zoë", 0));
        assert_eq!(head(&"é".repeat(10), 5), ("éé", 16));
        let said = |n| more_not_shown(n).split(" more").next().unwrap().to_string();
        assert_eq!(said(999), "… 999 bytes");
        assert_eq!(said(1_000), "… 1 KB");
        assert_eq!(said(1_001), "… 2 KB");
        assert_eq!(said(998_999), "… 999 KB");
        assert_eq!(said(999_999), "… 1.0 MB");
        assert_eq!(said(190_000_000), "… 190.0 MB");
    }

    #[test]
    fn a_list_in_a_sentence_has_one_and() {
        let list =
            |items: &[&str]| and_list(&items.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(list(&[]), "");
        assert_eq!(list(&["1 decided"]), "1 decided");
        assert_eq!(list(&["a", "b"]), "a and b");
        assert_eq!(list(&["a", "b", "c"]), "a, b and c");
    }

    /// Spaces typed show one for one; what cannot be drawn does not.
    #[test]
    fn a_typed_line_keeps_its_spaces() {
        assert_eq!(typed_line("  a  b "), "  a  b ");
        assert_eq!(typed_line("a\tb\u{1b}[31mc\u{200b}d"), "a bcd");
        assert_eq!(typed_line("👨\u{200d}👩"), "👨\u{200d}👩");
    }

    /// The cursor (between the two halves) always shows: the start while it
    /// fits there, else the end before it and a little after.
    #[test]
    fn fit_around_keeps_the_cursor_in_view() {
        assert_eq!(fit_around("abc", "def", 6), ("abc".into(), "def".into()));
        // From the start while the cursor is in the first columns.
        assert_eq!(
            fit_around("ab", "cdefghij", 6),
            ("ab".into(), "cde…".into())
        );
        assert_eq!(fit_around("", "cdefghij", 6), ("".into(), "cdefg…".into()));
        // Past them, the end before the cursor and a third of the width after.
        assert_eq!(
            fit_around("abcdefgh", "ijklmn", 9),
            ("…defgh".into(), "ij…".into())
        );
        assert_eq!(fit_around("abcdefgh", "", 6), ("…defgh".into(), "".into()));
        assert_eq!(fit_around("abcdefgh", "i", 6), ("…efgh".into(), "i".into()));
        // Wide characters are two columns: never more than the width.
        let (b, a) = fit_around("日本語のテキスト", "日本語", 10);
        assert_eq!((b.as_str(), a.as_str()), ("…キスト", "日…"));
        for w in 0..20 {
            for cut in 0..=5 {
                let s = ["日", "a", "👨\u{200d}👩", "本", "b"];
                let (before, after) = (s[..cut].concat(), s[cut..].concat());
                let (b, a) = fit_around(&before, &after, w);
                assert!(b.width() + a.width() <= w, "{w} {cut}: {b:?} {a:?}");
            }
        }
    }

    /// The end of a search that does not fit, a grapheme at a time.
    #[test]
    fn fit_end_keeps_the_end_whole() {
        assert_eq!(fit_end("abc", 3), "abc");
        assert_eq!(fit_end("abcdef", 4), "…def");
        assert_eq!(fit_end("ab👨‍👩‍👧", 3), "…👨‍👩‍👧");
        assert_eq!(fit_end("ab👨‍👩‍👧", 2), "…");
        assert_eq!(fit_end("abc", 0), "");
    }

    #[test]
    fn one_line_strips_controls_and_escapes() {
        assert_eq!(one_line("Hi\u{1b}]0;pwned\u{7}\n  there\t!"), "Hi there !");
        assert_eq!(
            one_line("a\u{1b}[2J\u{1b}[1;31mb\u{1b}]8;;http://x\u{1b}\\c\u{1b}cd"),
            "abcd"
        );
        assert_eq!(clean_text("a\r\nb\u{1b}[Hc\td"), "a\nbc    d");
        // Text put in a draft keeps its tab, as `check` counts it.
        assert_eq!(clean_draft("a\r\nb\u{1b}[Hc\td"), "a\nbc\td");
        // A character typed, as a paste takes it: a separator is a line
        // break, an override nothing; an emoji's joiner waits for what it
        // joins.
        for (c, typed) in [
            ('\u{2028}', Some('\n')),
            ('\u{85}', Some('\n')),
            ('\u{202e}', None),
            ('\u{200b}', None),
            ('\u{1b}', None),
            ('\t', Some('\t')),
            ('é', Some('é')),
        ] {
            assert_eq!(clean_typed(Some('a'), c), typed, "{c:?}");
        }
        assert_eq!(clean_typed(Some('👨'), '\u{200d}'), Some('\u{200d}'));
        assert_eq!(clean_typed(Some('a'), '\u{200d}'), None);
        assert_eq!(clean_typed(None, '\u{200d}'), None);
        assert_eq!(one_line("a\u{202e}b"), "ab");
        // The one-character CSI and OSC take their parameters with them;
        // invisible characters go, the emoji joiner stays.
        assert_eq!(
            one_line("Eve\u{9b}31mEvil\u{9d}0;T\u{9c} Jones"),
            "EveEvil Jones"
        );
        assert_eq!(
            one_line("Ana\u{200b}\u{ad}\u{feff} 👨\u{200d}👩"),
            "Ana 👨\u{200d}👩"
        );
        // A joiner beside an ASCII character or at an end joins nothing;
        // in Devanagari and in emoji it stays.
        assert_eq!(one_line("\u{200d}Zero\u{200d}Width\u{200d}"), "ZeroWidth");
        assert_eq!(
            one_line("é\u{200d}x ❤\u{fe0f}\u{200d}🔥"),
            "éx ❤\u{fe0f}\u{200d}🔥"
        );
        assert_eq!(one_line("क्\u{200d}ष"), "क्\u{200d}ष");
    }

    #[test]
    fn bars_are_drawn_to_an_eighth_of_a_cell() {
        assert_eq!(bar(112, 112, 4), "████");
        assert_eq!(bar(13, 112, 40), "████▊");
        assert_eq!(bar(10, 112, 40), "███▋");
        assert_eq!(bar(1, 1000, 10), "▏", "any count above 0 shows");
        assert_eq!(bar(0, 10, 10), "");
        assert_eq!(bar(5, 0, 10), "");
        for n in 0..=50 {
            assert!(bar(n, 50, 7).chars().count() <= 7);
        }
    }

    /// Every kind of line break is one, so the words around it stay apart
    /// (a terminal draws U+2028 as nothing, and counted it a column).
    #[test]
    fn every_line_break_is_one() {
        assert_eq!(
            clean_text("a\rb\r\nc\u{2028}d\u{2029}e\u{85}f\u{b}g\u{c}h"),
            "a\nb\nc\nd\ne\nf\ng\nh"
        );
        assert_eq!(clean_text("a\r\r\n"), "a\n\n");
        assert_eq!(
            one_line("met at\u{2028}the summit\rtoday"),
            "met at the summit today"
        );
    }

    #[test]
    fn fit_counts_wide_characters() {
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("日本語です", 5), "日本…");
        assert_eq!(fit("abc", 0), "");
        // Graphemes, as ratatui draws them: a heart with its selector is
        // two columns, and a family joined by ZWJs is kept whole or left out.
        let hearts = "Ana ❤️☀️ Lee";
        assert_eq!(hearts.width(), 12);
        assert_eq!(fit(hearts, 12), hearts);
        assert_eq!(fit(hearts, 9), "Ana ❤️☀️…");
        assert_eq!(fit(hearts, 7), "Ana ❤️…");
        assert_eq!(fit("Bo 👨‍👩‍👧 Kim", 8), "Bo 👨‍👩‍👧 K…");
        assert_eq!(fit("Bo 👨‍👩‍👧 Kim", 5), "Bo …");
        for w in 0..14 {
            assert!(fit(hearts, w).width() <= w, "{w}");
        }
    }

    #[test]
    fn a_note_names_up_to_three_people() {
        assert_eq!(some_names(&[]), "");
        assert_eq!(some_names(&["Ana"]), "Ana");
        assert_eq!(some_names(&["Ana", ""]), "Ana and (no name)");
        assert_eq!(some_names(&["Ana", "Bo", "Cy"]), "Ana, Bo and Cy");
        assert_eq!(some_names(&["Ana", "Bo", "Cy", "Di"]), "Ana, Bo and 2 more");
    }
}
