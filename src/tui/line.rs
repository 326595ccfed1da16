//! The search line's editing, as a shell's line edits: a cursor that moves
//! and deletes a grapheme at a time (an `é` typed as `e` and an accent, or a
//! family emoji joined with zero-width joiners, is one step, as the screen
//! draws it), and words that end at white space, as Ctrl-W takes them.
//!
//! The cursor is a byte offset into the text, always at a grapheme boundary.
//!
//! Written here rather than with `ratatui-textarea` (the composer's): this
//! line is a span of the footer, beside its prompt and match count, edited
//! through the keymap's actions, and it moves a grapheme at a time, where a
//! `TextArea` moves a character at a time (the composer's keys are made to
//! step over graphemes in `undo.rs`) and draws itself as a widget.

use unicode_segmentation::UnicodeSegmentation;

/// An edit of a line other than typing into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEdit {
    /// A grapheme back.
    Left,
    /// A grapheme on.
    Right,
    /// To the start of this word or the one before.
    WordLeft,
    /// To the end of this word or the one after.
    WordRight,
    /// To the start of the line.
    Home,
    /// To the end of the line.
    End,
    /// The grapheme before the cursor goes.
    Backspace,
    /// The grapheme after the cursor goes.
    Delete,
    /// The word before the cursor goes, with the spaces between it and the
    /// cursor.
    DeleteWordBefore,
    /// The word after the cursor goes, with the spaces before it.
    DeleteWordAfter,
    /// Everything before the cursor goes.
    DeleteToStart,
    /// Everything after the cursor goes.
    DeleteToEnd,
}

/// Puts `s` in at the cursor and moves the cursor past it.
pub fn insert(text: &mut String, at: &mut usize, s: &str) {
    let pos = snap(text, *at);
    text.insert_str(pos, s);
    // A combining accent or a joiner may join what was typed to what
    // follows: the cursor goes past the whole of it.
    *at = snap(text, pos + s.len());
}

/// Applies `edit`; whether the text changed (a move changes only `at`).
pub fn edit(text: &mut String, at: &mut usize, edit: LineEdit) -> bool {
    let pos = snap(text, *at);
    let (from, to) = match edit {
        LineEdit::Left => return moved(at, prev(text, pos)),
        LineEdit::Right => return moved(at, next(text, pos)),
        LineEdit::WordLeft => return moved(at, word_start(text, pos)),
        LineEdit::WordRight => return moved(at, word_end(text, pos)),
        LineEdit::Home => return moved(at, 0),
        LineEdit::End => return moved(at, text.len()),
        LineEdit::Backspace => (prev(text, pos), pos),
        LineEdit::Delete => (pos, next(text, pos)),
        LineEdit::DeleteWordBefore => (word_start(text, pos), pos),
        LineEdit::DeleteWordAfter => (pos, word_end(text, pos)),
        LineEdit::DeleteToStart => (0, pos),
        LineEdit::DeleteToEnd => (pos, text.len()),
    };
    *at = from;
    if from == to {
        return false;
    }
    text.replace_range(from..to, "");
    // What was either side of the cut may now be one grapheme.
    *at = snap(text, from);
    true
}

fn moved(at: &mut usize, to: usize) -> bool {
    *at = to;
    false
}

/// The grapheme boundaries of `text`, from 0 to its length.
fn boundaries(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(text.grapheme_indices(true).map(|(i, g)| i + g.len()))
}

/// The first boundary at or after `at` (the end, past it).
fn snap(text: &str, at: usize) -> usize {
    boundaries(text).find(|&b| b >= at).unwrap_or(text.len())
}

/// The boundary before `at` (0 at the start).
fn prev(text: &str, at: usize) -> usize {
    boundaries(text).take_while(|&b| b < at).last().unwrap_or(0)
}

/// The boundary after `at` (the end at the end).
fn next(text: &str, at: usize) -> usize {
    boundaries(text).find(|&b| b > at).unwrap_or(text.len())
}

fn is_space(g: &str) -> bool {
    g.starts_with(char::is_whitespace)
}

/// Where the word before `at` starts: back over spaces, then over the word.
fn word_start(text: &str, at: usize) -> usize {
    let mut start = at;
    let mut in_word = false;
    for (i, g) in text[..at].grapheme_indices(true).rev() {
        if is_space(g) && in_word {
            break;
        }
        in_word |= !is_space(g);
        start = i;
    }
    start
}

/// Where the word after `at` ends: on over spaces, then over the word.
fn word_end(text: &str, at: usize) -> usize {
    let mut end = at;
    let mut in_word = false;
    for (i, g) in text[at..].grapheme_indices(true) {
        if is_space(g) && in_word {
            break;
        }
        in_word |= !is_space(g);
        end = at + i + g.len();
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line with the cursor at `|`.
    fn line(s: &str) -> (String, usize) {
        let at = s.find('|').expect("a cursor");
        (s.replacen('|', "", 1), at)
    }

    /// The line after `edits`, with the cursor shown as `|`.
    fn after(s: &str, edits: &[LineEdit]) -> String {
        let (mut text, mut at) = line(s);
        for &e in edits {
            edit(&mut text, &mut at, e);
        }
        format!("{}|{}", &text[..at], &text[at..])
    }

    #[test]
    fn typing_goes_in_at_the_cursor() {
        let (mut text, mut at) = line("ke|ji");
        insert(&mut text, &mut at, "n");
        assert_eq!((text.as_str(), at), ("kenji", 3));
        let (mut text, mut at) = line("|ji");
        insert(&mut text, &mut at, "ken");
        assert_eq!((text.as_str(), at), ("kenji", 3));
        // An accent typed after its letter joins it; the cursor stays after
        // the whole grapheme, and one Backspace takes it.
        let (mut text, mut at) = line("zoe|");
        insert(&mut text, &mut at, "\u{308}");
        assert_eq!((text.as_str(), at), ("zoe\u{308}", "zoe\u{308}".len()));
        assert!(edit(&mut text, &mut at, LineEdit::Backspace));
        assert_eq!((text.as_str(), at), ("zo", 2));
        // A joiner typed between two emoji makes them one: the cursor goes
        // past both, not into the middle of a grapheme.
        let (mut text, mut at) = line("👨|👩");
        insert(&mut text, &mut at, "\u{200d}");
        assert_eq!(at, text.len());
    }

    #[test]
    fn moves_step_over_graphemes() {
        use LineEdit::*;
        assert_eq!(after("ab|c", &[Left]), "a|bc");
        assert_eq!(after("ab|c", &[Right]), "abc|");
        assert_eq!(after("abc|", &[Right]), "abc|", "no further than the end");
        assert_eq!(after("|abc", &[Left]), "|abc", "no further than the start");
        assert_eq!(after("ab|c", &[Home]), "|abc");
        assert_eq!(after("a|bc", &[End]), "abc|");
        // e and a combining acute: one grapheme, one step.
        assert_eq!(after("ae\u{301}|b", &[Left]), "a|e\u{301}b");
        assert_eq!(after("a|e\u{301}b", &[Right]), "ae\u{301}|b");
        // A family joined by zero-width joiners, a flag, a heart with its
        // selector: each one step.
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(
            after(&format!("x{family}|"), &[Left]),
            format!("x|{family}")
        );
        assert_eq!(
            after(&format!("|{family}🇫🇷❤\u{fe0f}"), &[Right, Right]),
            format!("{family}🇫🇷|❤\u{fe0f}")
        );
        assert_eq!(after("日本|語", &[Left, Left]), "|日本語");
    }

    #[test]
    fn deletes_take_a_grapheme() {
        use LineEdit::*;
        assert_eq!(after("kenx|ji", &[Backspace]), "ken|ji");
        assert_eq!(after("ken|xji", &[Delete]), "ken|ji");
        assert_eq!(after("ken|", &[Delete]), "ken|", "nothing after");
        assert_eq!(after("a👨\u{200d}👩|b", &[Backspace]), "a|b");
        assert_eq!(after("a|e\u{301}b", &[Delete]), "a|b");
        // At the start Backspace does nothing, and says it changed nothing.
        let (mut text, mut at) = line("|ken");
        assert!(!edit(&mut text, &mut at, Backspace));
        assert_eq!((text.as_str(), at), ("ken", 0));
        let (mut text, mut at) = line("ke|n");
        assert!(!edit(&mut text, &mut at, Left), "a move changes no text");
        assert!(edit(&mut text, &mut at, Delete));
        assert_eq!(text, "kn");
    }

    /// Words end at white space, as a shell's Ctrl-W and the old search
    /// line's took them.
    #[test]
    fn words_go_and_are_stepped_over_whole() {
        use LineEdit::*;
        assert_eq!(after("kenji zzqq  |", &[DeleteWordBefore]), "kenji |");
        assert_eq!(after("kenji zz|qq", &[DeleteWordBefore]), "kenji |qq");
        assert_eq!(after("kenji |zzqq", &[DeleteWordBefore]), "|zzqq");
        assert_eq!(after("|kenji", &[DeleteWordBefore]), "|kenji");
        assert_eq!(after("ana |  bo cy", &[DeleteWordAfter]), "ana | cy");
        assert_eq!(after("ana bo|", &[DeleteWordAfter]), "ana bo|");
        assert_eq!(after("ana bo cy|", &[WordLeft]), "ana bo |cy");
        assert_eq!(after("ana bo cy|", &[WordLeft, WordLeft]), "ana |bo cy");
        assert_eq!(after("ana b|o cy", &[WordLeft]), "ana |bo cy");
        assert_eq!(after("  |ana", &[WordLeft]), "|  ana");
        assert_eq!(after("|ana bo", &[WordRight]), "ana| bo");
        assert_eq!(after("ana| bo  ", &[WordRight]), "ana bo|  ");
        assert_eq!(after("ana bo|  ", &[WordRight]), "ana bo  |");
        // A word of joined emoji and accents goes whole.
        assert_eq!(
            after("zoe\u{308} 👨\u{200d}👩x|", &[DeleteWordBefore]),
            "zoe\u{308} |"
        );
        assert_eq!(after("ze\u{301}|", &[WordLeft]), "|ze\u{301}");
    }

    /// Ctrl-U takes what is before the cursor, Ctrl-K what is after it:
    /// with the cursor at the end, Ctrl-U empties the line.
    #[test]
    fn the_line_goes_before_or_after_the_cursor() {
        use LineEdit::*;
        assert_eq!(after("kenji| tanaka", &[DeleteToStart]), "| tanaka");
        assert_eq!(after("kenji tanaka|", &[DeleteToStart]), "|");
        assert_eq!(after("kenji| tanaka", &[DeleteToEnd]), "kenji|");
        assert_eq!(after("|kenji", &[DeleteToStart]), "|kenji");
        assert_eq!(after("kenji|", &[DeleteToEnd]), "kenji|");
    }

    /// A cursor left where no boundary is (the text changed under it)
    /// moves to the next one before anything is done.
    #[test]
    fn a_cursor_off_a_boundary_is_put_right() {
        let mut text = "e\u{301}x".to_string();
        let mut at = 1;
        assert!(edit(&mut text, &mut at, LineEdit::Backspace));
        assert_eq!((text.as_str(), at), ("x", 0));
        let mut text = "ab".to_string();
        let mut at = 99;
        edit(&mut text, &mut at, LineEdit::Left);
        assert_eq!(at, 1);
    }
}
