//! Undo in the steps a person thinks in, for the two text fields: the
//! composer and the check pad. A step is a word typed with the spaces
//! before it (so that taking it back leaves no space to double), a run of
//! deletions, or a whole text put in (a paste, a template, the editor's
//! text); a cursor move ends one.
//!
//! Written here rather than taken from ratatui-textarea's own history,
//! which keeps every key as a step and cannot be grouped from outside:
//! taking back a sentence took a Ctrl-U a letter. The fields turn the
//! widget's history off and keep a [`Steps`].

use std::collections::VecDeque;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, DataCursor, TextArea};
use unicode_segmentation::UnicodeSegmentation;

use crate::text::clean_typed;

/// Undo steps kept at most; the oldest go first.
const MOST: usize = 500;

/// A field as Ctrl-U and Ctrl-R put it back: its text, its cursor, and
/// its owner's state `S` (the composer's template, for one).
#[derive(Debug, Clone)]
struct Snapshot<S> {
    lines: Vec<String>,
    cursor: DataCursor,
    state: S,
}

/// The steps of one field.
#[derive(Debug)]
pub struct Steps<S> {
    /// The states Ctrl-U goes back to, newest last (the oldest dropped
    /// from the front past [`MOST`]).
    undo: VecDeque<Snapshot<S>>,
    /// The states Ctrl-R goes forward to, newest last.
    redo: Vec<Snapshot<S>>,
    /// What the newest step is made of, while the next key may extend it,
    /// and where the cursor was left by it.
    run: Option<(Run, DataCursor)>,
    /// The screen column a run of Up and Down keys keeps to, while the
    /// last key was one of them.
    column: Option<usize>,
}

impl<S> Default for Steps<S> {
    fn default() -> Self {
        Steps {
            undo: VecDeque::new(),
            redo: Vec::new(),
            run: None,
            column: None,
        }
    }
}

/// Keys one step is made of, each where the one before left the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Run {
    /// Typing; `true` while the last key typed was a space.
    Typing(bool),
    Deleting,
}

impl Run {
    /// The run a key that changed the text belongs to, if any.
    fn of(ev: &KeyEvent) -> Option<Run> {
        let plain = !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match ev.code {
            KeyCode::Char(c) if plain => Some(Run::Typing(c.is_whitespace())),
            KeyCode::Backspace | KeyCode::Delete if plain => Some(Run::Deleting),
            _ => None,
        }
    }

    /// Whether a key of run `next` goes on with this one: a space after a
    /// word starts the next step.
    fn goes_on(self, next: Run) -> bool {
        match (self, next) {
            (Run::Typing(after_space), Run::Typing(space)) => after_space || !space,
            (Run::Deleting, Run::Deleting) => true,
            _ => false,
        }
    }
}

/// A key the widget would take a character at a time, or a screen row
/// at a time without a column to keep to, or as it takes another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    /// Backspace (`true`) or Delete, and their Ctrl-H and Ctrl-D.
    Delete(bool),
    /// Up or Down, and their Ctrl-P and Ctrl-N.
    Vertical,
    /// PgDn (`true`) or PgUp, and emacs's Ctrl-V and Alt-V.
    Page(bool),
    /// Ctrl-End (`true`) or Ctrl-Home: the widget takes them as End and
    /// Home, the line's.
    Edge(bool),
}

impl Key {
    /// The keys as the widget's own keymap reads them.
    fn of(ev: &KeyEvent) -> Option<Key> {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        match ev.code {
            KeyCode::PageDown => return Some(Key::Page(true)),
            KeyCode::PageUp => return Some(Key::Page(false)),
            KeyCode::Char('v') if ctrl != alt => return Some(Key::Page(ctrl)),
            KeyCode::End if ctrl => return Some(Key::Edge(true)),
            KeyCode::Home if ctrl => return Some(Key::Edge(false)),
            _ if alt => return None,
            _ => {}
        }
        match ev.code {
            KeyCode::Backspace if !ctrl => Some(Key::Delete(true)),
            KeyCode::Char('h') if ctrl => Some(Key::Delete(true)),
            KeyCode::Delete if !ctrl => Some(Key::Delete(false)),
            KeyCode::Char('d') if ctrl => Some(Key::Delete(false)),
            KeyCode::Up | KeyCode::Down if !ctrl => Some(Key::Vertical),
            KeyCode::Char('p' | 'n') if ctrl => Some(Key::Vertical),
            _ => None,
        }
    }
}

/// The characters of the grapheme before the cursor (`back`) or after it,
/// which a Backspace or Delete takes whole: one at the line's edge, where
/// the key joins two lines.
fn grapheme_chars(editor: &TextArea<'static>, back: bool) -> usize {
    let DataCursor(row, col) = editor.cursor();
    let line = editor.lines().get(row).map_or("", String::as_str);
    let at = byte_at(line, col);
    let grapheme = if back {
        line[..at].graphemes(true).next_back()
    } else {
        line[at..].graphemes(true).next()
    };
    grapheme.map_or(1, |g| g.chars().count())
}

/// The byte offset of character `col` of `line` (its end, past it).
fn byte_at(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(i, _)| i)
}

/// Moves the cursor out of the middle of a grapheme: to its end
/// (`forward`) or its start. Where the cursor is at an edge, it stays.
fn to_grapheme_edge(editor: &mut TextArea<'static>, forward: bool) {
    let DataCursor(row, col) = editor.cursor();
    let Some(line) = editor.lines().get(row) else {
        return;
    };
    let at = byte_at(line, col);
    let Some((start, g)) = line
        .grapheme_indices(true)
        .find(|&(i, g)| i < at && at < i + g.len())
    else {
        return;
    };
    let to = if forward { start + g.len() } else { start };
    let col = line[..to].chars().count();
    let at = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    editor.move_cursor(CursorMove::Jump(at(row), at(col)));
}

/// Passes Up or Down to `editor`, keeping to `column` (the screen column
/// the run of them started from, else the cursor's): the widget puts the
/// cursor at most at the end of each row it passes, so going on through a
/// blank line or a short one left it at the start of the lines after. Gives
/// the column to keep to for the next.
fn vertical(editor: &mut TextArea<'static>, ev: KeyEvent, column: Option<usize>) -> usize {
    let from = editor.screen_cursor();
    let column = column.unwrap_or(from.col);
    editor.input(ev);
    let to = editor.screen_cursor();
    if to.row != from.row && to.col < column {
        let DataCursor(row, col) = editor.screen_to_data(to.row, column);
        let at = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        editor.move_cursor(CursorMove::Jump(at(row), at(col)));
        // Past the end of a row the text wraps on from: the end of the
        // row is as far as it goes.
        if editor.screen_cursor().row != to.row {
            editor.move_cursor(CursorMove::Back);
        }
    }
    column
}

/// `ev` as it goes into `editor`: a character typed (or a paste that
/// arrives as keys, without bracketed paste) as [`clean_typed`] takes it,
/// a line separator as Enter; `None` for one that is dropped (a
/// right-to-left override, a zero-width space). Other keys as they are.
fn typed(editor: &TextArea<'static>, ev: KeyEvent) -> Option<KeyEvent> {
    let KeyCode::Char(c) = ev.code else {
        return Some(ev);
    };
    if ev
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return Some(ev);
    }
    let DataCursor(row, col) = editor.cursor();
    let before = col
        .checked_sub(1)
        .and_then(|col| editor.lines().get(row)?.chars().nth(col));
    match clean_typed(before, c)? {
        '\n' => Some(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
        _ => Some(ev),
    }
}

/// Starts a selection for a move with Shift, as the widget's keys do, or
/// ends one for a move without it.
fn shifted(editor: &mut TextArea<'static>, ev: KeyEvent) {
    if !ev.modifiers.contains(KeyModifiers::SHIFT) {
        editor.cancel_selection();
    } else if !editor.is_selecting() {
        editor.start_selection();
    }
}

/// Moves the cursor a page down (`down`) or up, as many screen rows as
/// the pane holds, keeping to `column` as [`vertical`] does, and the view
/// by as many: PgDn then PgUp comes back to the row it left. (The widget
/// scrolls the view a page and leaves the cursor at the edge it crossed,
/// so that PgDn, PgUp, PgUp, PgDn went from line 101 to 123, 122, 100
/// and 101.) Gives the column to keep to for the next.
fn page(editor: &mut TextArea<'static>, down: bool, column: Option<usize>) -> usize {
    let from = editor.screen_cursor();
    let column = column.unwrap_or(from.col);
    let cursor = editor.cursor();
    // The pane's height, as the widget knows it from its last drawing:
    // the rows its own page down scrolls the view by.
    let (top, _) = editor.scroll_offset();
    editor.scroll(ratatui_textarea::Scrolling::PageDown);
    let height = editor.scroll_offset().0.saturating_sub(top);
    if !down {
        editor.scroll((
            -i16::try_from(height).unwrap_or(i16::MAX).saturating_mul(2),
            0,
        ));
    }
    // Scrolling took the cursor into the view, to its edge: the page
    // moves it from where it was instead.
    let at = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    editor.move_cursor(CursorMove::Jump(at(cursor.0), at(cursor.1)));
    let height = usize::from(height);
    let row = if down {
        from.row + height
    } else {
        from.row.saturating_sub(height)
    };
    let DataCursor(r, c) = editor.screen_to_data(row, column);
    editor.move_cursor(CursorMove::Jump(at(r), at(c)));
    // Past the end of a row the text wraps on from: the end of the row is
    // as far as it goes.
    if editor.screen_cursor().row > row {
        editor.move_cursor(CursorMove::Back);
    }
    column
}

/// A field for the steps: wrapped as the app wraps, with the widget's own
/// history off.
pub fn field(lines: Vec<String>) -> TextArea<'static> {
    let mut t = TextArea::new(lines);
    t.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    t.set_max_histories(0);
    t
}

impl<S> Steps<S> {
    /// Passes `ev` to `editor` as a key of the current step or the first
    /// of a new one; `now` is the owner's state at this moment. Ctrl-U and
    /// Ctrl-R take a step back or forward instead, and give the owner's
    /// state to put back.
    pub fn input(&mut self, editor: &mut TextArea<'static>, ev: KeyEvent, now: S) -> Option<S> {
        // A character typed goes in as a paste's would: the same text
        // typed, pasted or put in by the editor is the same draft.
        let ev = typed(editor, ev)?;
        // Alt-← and Alt-→ (what macOS terminals send for Option-← and →)
        // move a word, as in the search line; the widget takes only
        // Ctrl-← and Ctrl-→ for that.
        let ev = match ev.code {
            KeyCode::Left | KeyCode::Right
                if ev.modifiers & (KeyModifiers::ALT | KeyModifiers::CONTROL)
                    == KeyModifiers::ALT =>
            {
                KeyEvent::new(
                    ev.code,
                    (ev.modifiers - KeyModifiers::ALT) | KeyModifiers::CONTROL,
                )
            }
            _ => ev,
        };
        // Any key but Up or Down ends a run of them.
        let column = self.column.take();
        let ctrl = ev.modifiers == KeyModifiers::CONTROL;
        match ev.code {
            KeyCode::Char('u') if ctrl => return self.back(editor, now),
            KeyCode::Char('r') if ctrl => return self.forward(editor, now),
            _ => {}
        }
        let before = snapshot(editor, now);
        let top = editor.scroll_offset().0;
        let changed = match Key::of(&ev) {
            Some(Key::Vertical) => {
                self.column = Some(vertical(editor, ev, column));
                false
            }
            Some(Key::Page(down)) => {
                shifted(editor, ev);
                self.column = Some(page(editor, down, column));
                false
            }
            Some(Key::Edge(end)) => {
                shifted(editor, ev);
                let (row, col) = if end {
                    (CursorMove::Bottom, CursorMove::End)
                } else {
                    (CursorMove::Top, CursorMove::Head)
                };
                editor.move_cursor(row);
                editor.move_cursor(col);
                false
            }
            Some(Key::Delete(back)) => {
                // A selection goes whole, as one key takes it.
                let n = if editor.is_selecting() {
                    1
                } else {
                    grapheme_chars(editor, back)
                };
                (0..n).fold(false, |changed, _| editor.input(ev) || changed)
            }
            None => editor.input(ev),
        };
        // The widget moves a character at a time: a move that stopped
        // inside a grapheme (half a flag, a skin tone without its hand)
        // goes on to its edge, so that what is typed next goes beside it.
        if !changed && editor.cursor() != before.cursor {
            to_grapheme_edge(editor, editor.cursor() > before.cursor);
        }
        if editor.scroll_offset().0 > top {
            no_rows_past_the_end(editor, top);
        }
        let cursor = editor.cursor();
        if !changed {
            // The cursor moved: what is typed next is a step of its own.
            if cursor != before.cursor {
                self.run = None;
            }
            return None;
        }
        let run = Run::of(&ev);
        let goes_on = match (self.run, run) {
            (Some((last, at)), Some(next)) => at == before.cursor && last.goes_on(next),
            _ => false,
        };
        if !goes_on {
            self.push(before);
        }
        self.redo.clear();
        self.run = run.map(|r| (r, cursor));
        None
    }

    /// Starts a step made outside [`input`](Self::input) (text put in
    /// whole): Ctrl-U goes back to `editor` as it is now, with `now`.
    pub fn begin(&mut self, editor: &TextArea<'static>, now: S) {
        self.push(snapshot(editor, now));
        self.redo.clear();
        self.run = None;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn push(&mut self, before: Snapshot<S>) {
        if self.undo.len() == MOST {
            self.undo.pop_front();
        }
        self.undo.push_back(before);
    }

    fn back(&mut self, editor: &mut TextArea<'static>, now: S) -> Option<S> {
        let to = self.undo.pop_back()?;
        self.redo.push(snapshot(editor, now));
        self.run = None;
        Some(restore(editor, to))
    }

    fn forward(&mut self, editor: &mut TextArea<'static>, now: S) -> Option<S> {
        let to = self.redo.pop()?;
        self.undo.push_back(snapshot(editor, now));
        self.run = None;
        Some(restore(editor, to))
    }
}

fn snapshot<S>(editor: &TextArea<'static>, state: S) -> Snapshot<S> {
    Snapshot {
        lines: editor.lines().to_vec(),
        cursor: editor.cursor(),
        state,
    }
}

/// Puts `editor` back as `to` was, showing as much of the text as fits
/// with the cursor in it (an undone long paste would leave it scrolled
/// down, the start out of sight above empty rows); gives `to`'s state.
fn restore<S>(editor: &mut TextArea<'static>, to: Snapshot<S>) -> S {
    // The text after the cursor first, then the text before it at the
    // start: the cursor ends where it was, on a line of any length (a
    // move to it goes to column 65,535 at most, and a character at a time
    // past that costs a pass over the line each).
    let DataCursor(row, col) = to.cursor;
    let row = row.min(to.lines.len().saturating_sub(1));
    let line = to.lines.get(row).map_or("", String::as_str);
    let at = line.char_indices().nth(col).map_or(line.len(), |(i, _)| i);
    let mut before = to.lines[..row].join("\n");
    let mut after = line[at..].to_string();
    if row > 0 {
        before.push('\n');
    }
    before.push_str(&line[..at]);
    for l in to.lines.iter().skip(row + 1) {
        after.push('\n');
        after.push_str(l);
    }
    select_everything(editor);
    editor.insert_str(after);
    editor.move_cursor(CursorMove::Top);
    editor.move_cursor(CursorMove::Head);
    editor.insert_str(before);
    // From the top, the cursor in sight. Past column 65,535 a jump (and
    // a scroll, which takes the cursor along) would move it: there the
    // widget brings it into view as it draws.
    if col <= usize::from(u16::MAX) {
        settle(editor, editor.cursor());
    }
    to.state
}

/// Selects the whole text of `editor`, as its `select_all` means to. That
/// one jumps to row and column 65,535 at most, so the tail of a longer line
/// (a long paste without line breaks) stayed out of the selection, and a
/// text put in its place was added before it: each undo of the check pad
/// about doubled it, to megabytes (the panic-hunt tester).
pub fn select_everything(editor: &mut TextArea<'static>) {
    editor.cancel_selection();
    editor.move_cursor(CursorMove::Top);
    editor.move_cursor(CursorMove::Head);
    editor.start_selection();
    editor.move_cursor(CursorMove::Bottom);
    editor.move_cursor(CursorMove::End);
}

/// After a key that scrolled `editor` down a page from `from` (PgDn,
/// Ctrl-V): scrolled back up so that the text's last row is at most at the
/// foot of the pane. The widget scrolls a whole page whatever is left
/// below, and put the cursor on the last line: a short draft showed only
/// that line above empty rows, the rest hidden above, as if gone.
fn no_rows_past_the_end(editor: &mut TextArea<'static>, from: u16) {
    let top = usize::from(editor.scroll_offset().0);
    let page = top - usize::from(from);
    // A screen row past the text's last is drawn as that last one: the
    // last row is the first that maps where every row after it does.
    let end = editor.screen_to_data(usize::MAX, 0);
    let is_last = |row: usize| editor.screen_to_data(row, 0) == end;
    let foot = top + page - 1;
    if !is_last(foot) {
        return;
    }
    let (mut lo, mut hi) = (0, foot);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if is_last(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    let most = (lo + 1).saturating_sub(page);
    if top > most {
        // The cursor stays: it is on a row from `top` to the last, all
        // still in the pane.
        editor.scroll((-i16::try_from(top - most).unwrap_or(i16::MAX), 0));
    }
}

/// Scrolls `editor` to the top and puts the cursor at `at`, which scrolls
/// it as little as that needs.
pub fn settle(editor: &mut TextArea<'static>, DataCursor(row, col): DataCursor) {
    let at = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    editor.scroll((-i16::MAX, 0));
    editor.move_cursor(CursorMove::Jump(at(row), at(col)));
    // A jump goes to column 65,535 at most: on a longer line (a long paste
    // without line breaks) its end is reached all the same. (An undo puts
    // the cursor in place by itself, see `restore`.)
    let DataCursor(r, c) = editor.cursor();
    if r == row && c < col && col == editor.lines()[row].chars().count() {
        editor.move_cursor(CursorMove::End);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::pad::Pad;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    fn typed(pad: &mut Pad, s: &str) {
        for ch in s.chars() {
            pad.input(key(KeyCode::Char(ch)));
        }
    }

    /// Ctrl-U takes back a word (with its spaces) at a time, a run of
    /// deletions at once, and a word typed elsewhere on its own; Ctrl-R
    /// puts each back.
    #[test]
    fn undo_takes_back_a_word_at_a_time() {
        let mut p = Pad::new("");
        typed(&mut p, "CPIM first, then decide.");
        let all = p.text();
        p.input(ctrl('u'));
        assert_eq!(p.text(), "CPIM first, then");
        p.input(ctrl('u'));
        assert_eq!(p.text(), "CPIM first,");
        p.input(ctrl('r'));
        p.input(ctrl('r'));
        assert_eq!(p.text(), all);
        for _ in 0..3 {
            p.input(key(KeyCode::Backspace));
        }
        assert_eq!(p.text(), "CPIM first, then deci");
        p.input(ctrl('u'));
        assert_eq!(p.text(), all);
        // A move in between: "x" typed elsewhere is a step of its own.
        p.input(key(KeyCode::Left));
        typed(&mut p, "x");
        p.input(key(KeyCode::End));
        typed(&mut p, "y");
        p.input(ctrl('u'));
        assert_eq!(p.text(), "CPIM first, then decidex.");
        p.input(ctrl('u'));
        assert_eq!(p.text(), all);
        assert_eq!(p.editor.cursor(), DataCursor(0, 23), "where the x went in");
        for _ in 0..4 {
            p.input(ctrl('u'));
        }
        assert_eq!(p.text(), "");
        assert!(!p.steps.can_undo());
        // A new edit ends what redo could put back.
        typed(&mut p, "New");
        assert!(!p.steps.can_redo());
        // Typed on after an undo: one space, not the undone word's too.
        typed(&mut p, " words here");
        p.input(ctrl('u'));
        assert_eq!(p.text(), "New words");
        typed(&mut p, " there");
        assert_eq!(p.text(), "New words there");
    }

    /// A word deleted with Ctrl-W or Alt-Backspace is a step of its own,
    /// not part of the typing or the deleting before it; and a move away
    /// and back ends a run, as any move does.
    #[test]
    fn a_word_deleted_at_once_is_its_own_step() {
        let alt = |code| KeyEvent::new(code, KeyModifiers::ALT);
        let mut p = Pad::new("");
        typed(&mut p, "one two");
        p.input(ctrl('w'));
        assert_eq!(p.text(), "one ");
        p.input(ctrl('u'));
        assert_eq!(p.text(), "one two", "Ctrl-W alone undone");
        p.input(key(KeyCode::Backspace));
        p.input(alt(KeyCode::Backspace));
        assert_eq!(p.text(), "one ");
        p.input(ctrl('u'));
        assert_eq!(p.text(), "one tw", "Alt-Backspace alone undone");
        let mut p = Pad::new("");
        typed(&mut p, "ab");
        p.input(key(KeyCode::Left));
        p.input(key(KeyCode::Right));
        typed(&mut p, "c");
        p.input(ctrl('u'));
        assert_eq!(p.text(), "ab", "typed after a move: its own step");
    }

    /// Clearing the pad, or the editor's text, is one step back.
    #[test]
    fn a_text_put_in_whole_is_one_step() {
        let mut p = Pad::new("Hi Sam\nWe met at the forum.");
        assert_eq!(p.editor.cursor(), DataCursor(1, 20), "at the end");
        p.set_text("");
        assert!(p.is_empty());
        p.input(ctrl('u'));
        assert_eq!(p.text(), "Hi Sam\nWe met at the forum.");
        p.paste(" Bring slides.");
        assert_eq!(p.text(), "Hi Sam\nWe met at the forum. Bring slides.");
        p.input(ctrl('u'));
        assert_eq!(p.text(), "Hi Sam\nWe met at the forum.");
        p.input(ctrl('u'));
        assert_eq!(
            p.text(),
            "Hi Sam\nWe met at the forum.",
            "the start is no step"
        );
    }

    /// A line longer than 65,535 characters is put back whole, not added
    /// to: the widget's own select-all stopped at that column.
    #[test]
    fn a_very_long_line_is_undone_in_place() {
        let long = "word ".repeat(20_000);
        let mut p = Pad::new("Hi Sam");
        p.paste(&long);
        assert_eq!(p.text().len(), 6 + long.len());
        // Lengths first: a failure prints no megabyte.
        p.input(ctrl('u'));
        assert_eq!(p.text().len(), 6);
        assert_eq!(p.text(), "Hi Sam");
        p.input(ctrl('r'));
        assert!(p.text() == format!("Hi Sam{long}"), "{}", p.text().len());
        // The cursor where the paste ended, past column 65,535.
        assert_eq!(p.editor.cursor(), DataCursor(0, 6 + long.len()));
        // And where a word typed inside it was, short of its end.
        for _ in 0..10 {
            p.input(key(KeyCode::Left));
        }
        typed(&mut p, "Z");
        p.input(ctrl('u'));
        assert_eq!(p.editor.cursor(), DataCursor(0, 6 + long.len() - 10));
        p.set_text("short");
        assert_eq!(p.text().len(), 5);
        let mut p = Pad::new(&format!("{}\nend", "x\n".repeat(70_000)));
        p.set_text("one");
        assert_eq!(p.text().len(), 3);
    }

    /// The oldest steps go once there are more than can be kept.
    #[test]
    fn steps_are_kept_up_to_a_limit() {
        let mut p = Pad::new("");
        for _ in 0..MOST + 20 {
            typed(&mut p, " a");
        }
        assert_eq!(p.steps.undo.len(), MOST);
    }
}
