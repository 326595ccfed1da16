//! The check pad (`w`): a note of the user's own in a text field with the
//! composer's undo, graded as it is typed and kept beside the journal.

use crossterm::event::KeyEvent;
use ratatui_textarea::{CursorMove, TextArea};

use super::undo::{Steps, field};

/// The check pad: a note of the user's own, graded as it is typed.
#[derive(Debug)]
pub struct Pad {
    pub editor: TextArea<'static>,
    // Open to the undo module's tests, which drive steps through a pad.
    pub(super) steps: Steps<()>,
}

impl Pad {
    /// A pad holding `note` (not a step to take back).
    pub fn new(note: &str) -> Pad {
        let mut editor = field(note.split('\n').map(str::to_string).collect());
        editor.set_placeholder_text("Write the note you will send: it is graded as you type.");
        // Faint, as the theme's dim text is: textarea's dark grey is a
        // colour, sent even under NO_COLOR or to a VT100 (where `38;5`
        // blinks), and Solarized Dark's background.
        editor.set_placeholder_style(
            ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::DIM),
        );
        editor.move_cursor(CursorMove::Bottom);
        editor.move_cursor(CursorMove::End);
        Pad {
            editor,
            steps: Steps::default(),
        }
    }

    /// A key; Ctrl-U and Ctrl-R undo and redo a step.
    pub fn input(&mut self, ev: KeyEvent) {
        self.steps.input(&mut self.editor, ev, ());
    }

    /// Pasted text at the cursor, as one step.
    pub fn paste(&mut self, text: &str) {
        if !text.is_empty() {
            self.steps.begin(&self.editor, ());
            self.editor.insert_str(text);
        }
    }

    /// `text` in place of the note (the editor's, or nothing to clear the
    /// pad), as one step.
    pub fn set_text(&mut self, text: &str) {
        if text != self.text() {
            self.steps.begin(&self.editor, ());
            super::undo::select_everything(&mut self.editor);
            self.editor.insert_str(text);
        }
    }

    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    pub fn lines(&self) -> &[String] {
        self.editor.lines()
    }

    pub fn is_empty(&self) -> bool {
        self.editor.is_empty()
    }

    pub fn can_undo(&self) -> bool {
        self.steps.can_undo()
    }

    /// After the terminal is resized, the view shows as much of the note
    /// as fits with the cursor in it, as the composer's does: a pad grown
    /// after scrolling in a small one kept the start of the note out of
    /// sight above empty rows.
    pub fn settle_view(&mut self) {
        let cursor = self.editor.cursor();
        super::undo::settle(&mut self.editor, cursor);
    }
}
