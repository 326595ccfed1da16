//! The reply composer: a `ratatui-textarea` editor prefilled from a template.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, DataCursor, TextArea};

use super::undo::{self, Steps};

use crate::invitation::Invitation;
use crate::journal::DraftKind;
use crate::reply::{self, Templates};
use crate::text::{as_sent, clean_draft};

/// A question the composer asks before it throws words away; one at a
/// time, answered (or dropped) by the next key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Esc on a changed draft: y discards it, l leaves it for later (on
    /// disk, unsaved), another Esc keeps it open.
    Discard,
    /// A template key on the user's own words: y or the key again replaces
    /// them.
    Replace,
}

/// A draft being written for one invitation.
pub struct Composer {
    /// The invitation (index into the app's list) the draft answers.
    pub index: u32,
    /// A thank-you after an accept, or a reply instead of one.
    kind: DraftKind,
    /// The template in use (index into `Templates::list`).
    pub template: usize,
    pub editor: TextArea<'static>,
    /// The text as it was when the composer opened or a template was chosen.
    pristine: String,
    /// The question on the status line, which the next key answers.
    pub question: Option<Question>,
    /// The draft was loaded from the journal rather than a template.
    pub resumed: bool,
    /// The text is an unsaved draft left by an earlier run.
    pub recovered: bool,
    /// With `recovered`: the draft is one whose saving was undone, not one
    /// an earlier run left.
    pub undone: bool,
    /// A reply opened, after asking, on an accepted invitation: saving it
    /// turns the accept into "replied".
    pub over_accept: bool,
    /// A template replaced the user's own words: gone from the text, they
    /// are still in Ctrl-U's history.
    replaced_own: bool,
    /// The cursor stands after the space [`with_room`] left, and no key
    /// has changed the text or moved the cursor since: a space typed (or
    /// pasted) first is that one.
    room: bool,
    /// Ctrl-U and Ctrl-R: a template switch is one step, its template
    /// with it.
    steps: Steps<State>,
}

/// The composer's own part of an undo step.
#[derive(Debug, Clone)]
struct State {
    template: usize,
    pristine: String,
    resumed: bool,
    recovered: bool,
}

impl std::fmt::Debug for Composer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Composer")
            .field("index", &self.index)
            .field("kind", &self.kind)
            .field("template", &self.template)
            .field("text", &self.text())
            .finish()
    }
}

/// Your name for templates: the config's `name`, else the invitation's `To`.
fn my_name<'a>(inv: &'a Invitation, configured: Option<&'a str>) -> &'a str {
    configured
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| inv.to())
}

/// Template `i` filled in for `inv`, [with room](with_room) to write on.
fn filled(templates: &Templates, i: usize, inv: &Invitation, me: Option<&str>) -> String {
    let text = templates.list.get(i).map_or("", |t| t.text.as_str());
    let text = reply::fill(text, &templates.people(inv.counterpart(), my_name(inv, me)));
    with_room(text, reply::first_name(my_name(inv, me), &templates.titles))
}

/// `text` with a space where the cursor starts (see [`put_cursor`]) unless
/// one is there already, so that words typed on do not run into it
/// (`…suit you?Great`). [`Composer::message`] trims the space again should
/// nothing be typed.
fn with_room(mut text: String, signer: &str) -> String {
    let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let (row, _) = writing_spot(&lines, signer);
    if lines
        .get(row)
        .is_some_and(|l| l.ends_with(|c: char| !c.is_whitespace()))
    {
        let end: usize = lines[..=row].iter().map(|l| l.len() + 1).sum::<usize>() - 1;
        text.insert(end, ' ');
    }
    text
}

fn editor_with(text: &str, signer: &str) -> TextArea<'static> {
    let mut t = undo::field(text.split('\n').map(str::to_string).collect());
    put_cursor(&mut t, signer);
    t
}

/// Whether the character before the cursor is a space.
fn after_space(t: &TextArea<'static>) -> bool {
    let DataCursor(row, col) = t.cursor();
    col > 0
        && t.lines()
            .get(row)
            .and_then(|l| l.chars().nth(col - 1))
            .is_some_and(|c| c == ' ')
}

/// Where the words of a recovered draft stop differing from `before` (the
/// text the composer would have opened with): the end of the last edit,
/// where the user was most likely writing when the run ended. `None` when
/// nothing differs.
fn end_of_edit(text: &str, before: &str) -> Option<DataCursor> {
    if text == before {
        return None;
    }
    let prefix = text
        .char_indices()
        .zip(before.chars())
        .find(|((_, a), b)| a != b)
        .map_or(text.len().min(before.len()), |((i, _), _)| i);
    let suffix = text
        .chars()
        .rev()
        .zip(before.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    // The suffix may not reach into the common prefix.
    let end = (text.len() - suffix).max(prefix);
    let upto = &text[..end];
    let row = upto.matches('\n').count();
    let col = upto.rsplit('\n').next().map_or(0, |l| l.chars().count());
    Some(DataCursor(row, col))
}

/// Puts the cursor where the user is most likely to write: at the end of
/// the paragraph before the signature (a last paragraph, after another,
/// whose last line holds `signer`, the user's first name), else at the end of the
/// first paragraph after the greeting, else at the end of a text of one
/// paragraph.
fn put_cursor(t: &mut TextArea<'static>, signer: &str) {
    let (row, col) = writing_spot(t.lines(), signer);
    t.move_cursor(ratatui_textarea::CursorMove::Jump(
        u16::try_from(row).unwrap_or(u16::MAX),
        u16::try_from(col).unwrap_or(u16::MAX),
    ));
}

/// The row and column (in characters) where [`put_cursor`] puts the cursor.
fn writing_spot(lines: &[String], signer: &str) -> (usize, usize) {
    let blank = |r: usize| lines.get(r).is_none_or(|l| l.trim().is_empty());
    let last = (0..lines.len()).rev().find(|&r| !blank(r));
    let signed =
        !signer.trim().is_empty() && last.is_some_and(|r| lines[r].contains(signer.trim()));
    // The first line of the last paragraph, when another is before it.
    let signature = last
        .filter(|_| signed)
        .and_then(|end| (1..=end).rev().find(|&r| blank(r - 1)))
        .filter(|&start| (0..start).any(|r| !blank(r)));
    let row = match signature {
        Some(start) => (0..start).rev().find(|&r| !blank(r)).unwrap_or(0),
        None => match lines.iter().position(|l| l.trim().is_empty()) {
            Some(first_blank) => (first_blank + 1..lines.len())
                .find(|&r| blank(r + 1))
                .unwrap_or(lines.len().saturating_sub(1)),
            None => lines.len().saturating_sub(1),
        },
    };
    let col = lines.get(row).map_or(0, |l| l.chars().count());
    (row, col)
}

impl Composer {
    /// Opens on `unsaved` (a draft an earlier run did not save), else on
    /// `saved` (the draft in the journal), else on the group's template. An
    /// unsaved draft counts as changed from the other two, so that Esc asks
    /// before it is discarded.
    pub fn new(
        index: u32,
        inv: &Invitation,
        kind: DraftKind,
        templates: &Templates,
        me: Option<&str>,
        saved: Option<String>,
        unsaved: Option<String>,
    ) -> Composer {
        let template = templates.default_for(inv.category, kind == DraftKind::ThankYou);
        let resumed = saved.is_some();
        let recovered = unsaved.is_some();
        // A saved draft, like a template, opens with room to write on.
        let signer = reply::first_name(my_name(inv, me), &templates.titles);
        let pristine = match saved {
            Some(saved) => with_room(saved, signer),
            None => filled(templates, template, inv, me),
        };
        // Kept by an earlier run, perhaps from the editor's file: taken as
        // any text put in is.
        let text = unsaved.map_or_else(|| pristine.clone(), |u| clean_draft(&u));
        let mut editor = editor_with(&text, signer);
        // A recovered draft goes on where its words were being written.
        if let Some(DataCursor(row, col)) =
            recovered.then(|| end_of_edit(&text, &pristine)).flatten()
        {
            let at = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
            editor.move_cursor(CursorMove::Jump(at(row), at(col)));
        }
        let room = !recovered && after_space(&editor);
        Composer {
            index,
            kind,
            template,
            editor,
            pristine,
            question: None,
            resumed,
            recovered,
            undone: false,
            over_accept: false,
            replaced_own: false,
            room,
            steps: Steps::default(),
        }
    }

    /// A thank-you or a reply, as the journal names them.
    pub fn kind(&self) -> DraftKind {
        self.kind
    }

    /// Whether it is a thank-you, as the templates ask.
    fn thank_you(&self) -> bool {
        self.kind == DraftKind::ThankYou
    }

    /// The draft's text.
    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    /// The draft as it is saved, copied and sent ([`as_sent`]).
    pub fn message(&self) -> String {
        as_sent(&self.text())
    }

    /// Characters in the message (Unicode scalar values, as LinkedIn
    /// counts).
    /// The draft's length as LinkedIn counts it (`👍🏽` is 4), as `check`
    /// counts a note.
    pub fn char_count(&self) -> usize {
        crate::check::linkedin_length(&self.message())
    }

    /// True when the text differs from what the composer opened with.
    pub fn changed(&self) -> bool {
        self.changed_text().is_some()
    }

    /// Whether leaving would lose words: the text changed, or a template
    /// replaced the user's words, which Ctrl-U could still bring back.
    pub fn at_stake(&self) -> bool {
        self.changed() || (self.replaced_own && self.can_undo())
    }

    /// True when the text is the user's own rather than a template's: it
    /// was changed, or the composer opened on a draft written before.
    pub fn own_words(&self) -> bool {
        self.resumed || self.recovered || self.changed()
    }

    /// The text, when it differs from what the composer opened with.
    pub fn changed_text(&self) -> Option<String> {
        Some(self.text()).filter(|t| *t != self.pristine)
    }

    /// Passes a key to the editor; Ctrl-U and Ctrl-R undo and redo a step.
    pub fn input(&mut self, ev: KeyEvent) {
        self.question = None;
        // The template left a space to write on: a space typed first (as
        // many type one by habit) would make two.
        let room = std::mem::take(&mut self.room);
        if room
            && ev.code == KeyCode::Char(' ')
            && !ev
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            && after_space(&self.editor)
        {
            return;
        }
        let (cursor, lines) = (self.editor.cursor(), self.editor.lines().len());
        let now = self.state();
        if let Some(back) = self.steps.input(&mut self.editor, ev, now) {
            self.set_state(back);
        }
        // A key that moved nothing (End at the end) leaves the room as it
        // was: a space typed next is still that one.
        // (An undo back to the template has set it again already.)
        self.room |= room
            && self.editor.cursor() == cursor
            && self.editor.lines().len() == lines
            && self.text() == self.pristine;
    }

    /// The template and what it opened with, as an undo step keeps them.
    fn state(&self) -> State {
        State {
            template: self.template,
            pristine: self.pristine.clone(),
            resumed: self.resumed,
            recovered: self.recovered,
        }
    }

    fn set_state(&mut self, to: State) {
        let State {
            template,
            pristine,
            resumed,
            recovered,
        } = to;
        self.template = template;
        self.pristine = pristine;
        self.resumed = resumed;
        self.recovered = recovered;
        // Back to the text as it opened: its space to write on is there
        // again.
        self.room = self.text() == self.pristine && after_space(&self.editor);
    }

    /// Puts the cursor at `row`, `col` (in characters; kept inside the
    /// text), where a recovered draft was being written.
    pub fn go_on_at(&mut self, row: usize, col: usize) {
        undo::settle(&mut self.editor, DataCursor(row, col));
        self.room = false;
    }

    /// Whether Ctrl-U has a step to take back.
    pub fn can_undo(&self) -> bool {
        self.steps.can_undo()
    }

    /// Whether Ctrl-R has a step to put back.
    pub fn can_redo(&self) -> bool {
        self.steps.can_redo()
    }

    /// After a step taken back, or the terminal resized, the view shows as
    /// much of the text as fits with the cursor in it: an undone long paste
    /// (or a window grown after scrolling in a small one) left it scrolled
    /// down, the start of the draft out of sight above empty rows.
    pub fn settle_view(&mut self) {
        let cursor = self.editor.cursor();
        undo::settle(&mut self.editor, cursor);
    }

    /// Inserts pasted text at the cursor, as one step.
    pub fn paste(&mut self, text: &str) {
        self.question = None;
        // As for a typed space: a paste that starts with one, where the
        // template left room, would make two.
        let text = match text.strip_prefix(' ') {
            Some(rest) if std::mem::take(&mut self.room) && after_space(&self.editor) => rest,
            _ => text,
        };
        self.room = false;
        if !text.is_empty() {
            self.steps.begin(&self.editor, self.state());
            self.editor.insert_str(text);
        }
    }

    /// Replaces the text with the editor's, as one step Ctrl-U takes back
    /// (the editor's words may be unwanted: it failed, or wrote garbage).
    pub fn set_text(&mut self, text: &str) {
        let text = text.strip_suffix('\n').unwrap_or(text);
        if text != self.text() {
            self.put_text(text);
        }
        self.question = None;
    }

    /// Puts `text` in place of the whole text, as one step Ctrl-U takes
    /// back (the old text also goes to the editor's yank buffer).
    fn put_text(&mut self, text: &str) {
        self.room = false;
        self.steps.begin(&self.editor, self.state());
        super::undo::select_everything(&mut self.editor);
        self.editor.cut();
        self.editor.insert_str(text);
    }

    /// The template `which` names (or the next one written for this kind
    /// of draft), or why there is none to switch to.
    pub fn pick(&self, which: Option<usize>, templates: &Templates) -> Result<usize, String> {
        let n = templates.list.len();
        if n == 0 {
            return Err("No templates".into());
        }
        match which {
            Some(k) => {
                let fitting = self.fitting(templates);
                fitting.get(k).copied().ok_or_else(|| {
                    format!(
                        "There is no {} template {} (there {})",
                        self.kind().label(),
                        k + 1,
                        match fitting.len() {
                            1 => "is 1".to_string(),
                            m => format!("are {m}"),
                        }
                    )
                })
            }
            None => (1..n)
                .map(|k| (self.template + k) % n)
                .find(|&i| templates.list[i].fits(self.thank_you()))
                .ok_or_else(|| {
                    format!(
                        "The only {} template · [templates] in the config adds your own",
                        self.kind.label()
                    )
                }),
        }
    }

    /// The templates for this kind of draft (a reply's, or a thank-you's),
    /// as positions in `templates`: F1 picks the first of them.
    pub fn fitting(&self, templates: &Templates) -> Vec<usize> {
        (0..templates.list.len())
            .filter(|&i| templates.list[i].fits(self.thank_you()))
            .collect()
    }

    /// The number of the current template among [`Self::fitting`] (1 for
    /// the first), as the F key that picks it.
    pub fn number(&self, templates: &Templates) -> usize {
        self.fitting(templates)
            .iter()
            .position(|&i| i == self.template)
            .map_or(0, |p| p + 1)
    }

    /// Switches to template `which` (or the next one, see [`Self::pick`]),
    /// refilling the text. `Ok(false)` when that template is on screen as
    /// it came already: nothing changes, and Ctrl-U gets no empty step.
    pub fn switch_template(
        &mut self,
        which: Option<usize>,
        inv: &Invitation,
        templates: &Templates,
        me: Option<&str>,
    ) -> Result<bool, String> {
        let next = self.pick(which, templates)?;
        let text = filled(templates, next, inv, me);
        self.question = None;
        if next == self.template && self.text() == text {
            return Ok(false);
        }
        self.replaced_own |= self.own_words();
        // Replaced as one step Ctrl-U takes back, template and all, with
        // the cursor where the user writes (as on opening), not after the
        // signature.
        self.put_text(&text);
        self.template = next;
        self.pristine = text;
        self.resumed = false;
        self.recovered = false;
        put_cursor(
            &mut self.editor,
            reply::first_name(my_name(inv, me), &templates.titles),
        );
        self.room = after_space(&self.editor);
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyModifiers};

    use super::*;
    use crate::invitation::{Direction, Fields};

    fn inv() -> Invitation {
        Invitation::new(Fields {
            from: "Abena Reyes",
            to: "Colleen Ruiz",
            message: "",
            inviter_url: "https://www.linkedin.com/in/abena-reyes",
            invitee_url: "https://www.linkedin.com/in/colleen-ruiz",
            sent_at: chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
            direction: Direction::Incoming,
            line: 2,
        })
    }

    /// A reply composer on [`inv`] with the built-in templates.
    fn plain() -> Composer {
        Composer::new(
            0,
            &inv(),
            DraftKind::Reply,
            &Templates::default(),
            None,
            None,
            None,
        )
    }

    #[test]
    fn signs_with_the_configured_name_unless_it_is_blank() {
        let i = inv();
        assert_eq!(my_name(&i, Some("Coco Ruiz")), "Coco Ruiz");
        assert_eq!(my_name(&i, Some("  ")), "Colleen Ruiz");
        assert_eq!(my_name(&i, None), "Colleen Ruiz");
        let c = Composer::new(
            0,
            &i,
            DraftKind::Reply,
            &Templates::default(),
            Some("Coco Ruiz"),
            None,
            None,
        );
        assert!(c.text().ends_with("\nCoco"), "{}", c.text());
    }

    /// The cursor starts at the end of the paragraph after the greeting.
    #[test]
    fn the_cursor_starts_where_the_user_writes() {
        for (text, cursor) in [
            (
                "Hi Abena,\n\nThanks for the note.\nHow can I help?\n\nColleen",
                (3, 15),
            ),
            ("Hi Abena,\n\nOne line.", (2, 9)),
            ("Hi Abena,\n\n\nAfter two blank lines", (3, 21)),
            ("Just one line", (0, 13)),
            ("Two lines\nno blank", (1, 8)),
            // Templates of one's own: before the signature, however the
            // greeting is laid out.
            ("Thanks for the note!\n\nCheers,\nColleen", (0, 20)),
            ("Hi Abena,\nBody on the next line.\n\nColleen", (1, 22)),
            ("Hi Abena,\n\nOne.\n\nTwo.\n\nBest,\nColleen Ruiz", (4, 4)),
            ("Colleen", (0, 7)),
        ] {
            assert_eq!(editor_with(text, "Colleen").cursor(), cursor, "{text:?}");
        }
    }

    #[test]
    fn switching_to_a_template_past_the_last_is_refused() {
        let (i, templates) = (inv(), Templates::default());
        let n = templates.list.len();
        let mut c = Composer::new(0, &i, DraftKind::Reply, &templates, None, None, None);
        let before = c.text();
        // Three of the four built-ins are for a reply.
        assert_eq!(n, 4);
        assert_eq!(
            c.switch_template(Some(3), &i, &templates, None),
            Err("There is no reply template 4 (there are 3)".to_string())
        );
        assert_eq!(c.text(), before);
        assert_eq!(
            c.switch_template(Some(n - 2), &i, &templates, None),
            Ok(true)
        );
        assert_eq!(c.template, n - 2);
        assert_eq!(c.switch_template(None, &i, &templates, None), Ok(true));
        assert_eq!(
            c.template, 0,
            "the next reply template after the last is the first: the thank-you is passed over"
        );
    }

    #[test]
    fn a_reply_and_a_thank_you_each_keep_to_their_templates() {
        let (i, templates) = (inv(), Templates::default());
        let mut reply = Composer::new(0, &i, DraftKind::Reply, &templates, None, None, None);
        let mut seen = Vec::new();
        for _ in 0..6 {
            reply.switch_template(None, &i, &templates, None).unwrap();
            seen.push(templates.list[reply.template].name.as_str());
        }
        assert_eq!(
            seen,
            [
                "greeting",
                "customised",
                "stranger",
                "greeting",
                "customised",
                "stranger"
            ]
        );
        assert_eq!(
            reply.switch_template(Some(3), &i, &templates, None),
            Err("There is no reply template 4 (there are 3)".into())
        );
        let mut thanks = Composer::new(0, &i, DraftKind::ThankYou, &templates, None, None, None);
        assert_eq!(templates.list[thanks.template].name, "thanks");
        assert_eq!(
            thanks.switch_template(None, &i, &templates, None),
            Err("The only thank-you template · [templates] in the config adds your own".into())
        );
        assert_eq!(templates.list[thanks.template].name, "thanks");
        // A thank-you's F1 is its first template, `thanks`; a reply's
        // templates are not counted.
        assert_eq!(
            thanks.switch_template(Some(0), &i, &templates, None),
            Ok(false)
        );
        assert_eq!(templates.list[thanks.template].name, "thanks");
        assert_eq!(
            thanks.switch_template(Some(1), &i, &templates, None),
            Err("There is no thank-you template 2 (there is 1)".into())
        );
        // A template of your own is for either, after the built-ins of
        // each kind: F2 of a thank-you, F4 of a reply.
        let mine: std::collections::BTreeMap<String, String> =
            [("mine".to_string(), "Hi {first_name}".to_string())].into();
        let templates = Templates::new(&mine).unwrap();
        let mut thanks = Composer::new(0, &i, DraftKind::ThankYou, &templates, None, None, None);
        thanks.switch_template(None, &i, &templates, None).unwrap();
        assert_eq!(templates.list[thanks.template].name, "mine");
        assert_eq!(thanks.number(&templates), 2);
        let mut thanks = Composer::new(0, &i, DraftKind::ThankYou, &templates, None, None, None);
        assert_eq!(
            thanks.switch_template(Some(1), &i, &templates, None),
            Ok(true)
        );
        assert_eq!(templates.list[thanks.template].name, "mine");
        let mut reply = Composer::new(0, &i, DraftKind::Reply, &templates, None, None, None);
        assert_eq!(
            reply.switch_template(Some(3), &i, &templates, None),
            Ok(true)
        );
        assert_eq!(templates.list[reply.template].name, "mine");
        assert_eq!(reply.number(&templates), 4);
    }

    #[test]
    fn a_template_chosen_puts_the_cursor_where_the_user_writes() {
        let (i, templates) = (inv(), Templates::default());
        let mut c = Composer::new(0, &i, DraftKind::Reply, &templates, None, None, None);
        c.switch_template(Some(1), &i, &templates, None).unwrap();
        let ratatui_textarea::DataCursor(row, col) = c.editor.cursor();
        let lines = c.editor.lines();
        assert_eq!(row, 2, "the paragraph after the greeting: {lines:?}");
        assert_eq!(col, lines[2].chars().count());
    }

    /// A template's text replaces the words as one step Ctrl-U takes back.
    #[test]
    fn words_replaced_by_a_template_come_back_with_undo() {
        let (i, templates) = (inv(), Templates::default());
        let mut c = Composer::new(0, &i, DraftKind::Reply, &templates, None, None, None);
        c.input(KeyEvent::new(KeyCode::Char('!'), KeyModifiers::NONE));
        let mine = c.text();
        c.switch_template(Some(1), &i, &templates, None).unwrap();
        assert_ne!(c.text(), mine);
        let undo = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
        let (theirs, picked) = (c.text(), c.template);
        assert_eq!(picked, 1);
        c.input(undo);
        assert_eq!(c.text(), mine, "one step takes the whole template back");
        assert_eq!(c.template, 0, "and the title's template");
        assert!(c.changed());
        let redo = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
        c.input(redo);
        assert_eq!(c.text(), theirs, "one step puts it back");
        assert_eq!(c.template, picked);
        assert!(!c.changed(), "the template's own text");
        c.input(undo);
        assert_eq!(c.text(), mine, "and is one step again");
    }

    /// Ctrl-U takes words back a word at a time (see `undo.rs`), down to
    /// the template as it opened, which is not "changed".
    #[test]
    fn undo_goes_back_to_the_template_a_word_at_a_time() {
        let mut c = plain();
        let opened = c.text();
        c.paste("x");
        for ch in "Glad to help.".chars() {
            c.input(KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE));
        }
        let undo = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
        c.input(undo);
        assert!(c.text().contains("? xGlad to\n"), "{:?}", c.text());
        for _ in 0..3 {
            c.input(undo);
        }
        assert_eq!(c.text(), opened);
        assert!(!c.changed() && !c.can_undo());
        assert!(c.can_redo());
        // Typed on from there, a space first is the template's again.
        for ch in " Hi".chars() {
            c.input(KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE));
        }
        assert!(c.message().contains("connect? Hi\n"), "{:?}", c.message());
    }

    /// A space typed first at the template's slot is the one already
    /// there; a second one, or a space typed later, is typed.
    #[test]
    fn a_space_typed_first_is_the_one_the_template_left() {
        let (i, templates) = (inv(), Templates::default());
        let typed = |c: &mut Composer, s: &str| {
            for ch in s.chars() {
                c.input(KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE));
            }
            c.message()
        };
        let fresh = || Composer::new(0, &i, DraftKind::Reply, &templates, None, None, None);
        let once = typed(&mut fresh(), " Hello");
        assert!(once.contains("connect? Hello\n"), "{once:?}");
        let mut c = fresh();
        let twice = typed(&mut c, "  Hello");
        assert!(twice.contains("connect?  Hello\n"), "{twice:?}");
        // After a template switch, the same.
        c.switch_template(Some(1), &i, &templates, None).unwrap();
        let switched = typed(&mut c, " Hi");
        assert!(switched.contains("with? Hi\n"), "{switched:?}");
        // A key that moves nothing (End at the line's end) keeps the room;
        // one that moves the cursor away gives it up.
        let mut c = fresh();
        c.input(KeyEvent::new(KeyCode::End, KeyModifiers::NONE));
        let after_end = typed(&mut c, " Hello");
        assert!(after_end.contains("connect? Hello\n"), "{after_end:?}");
        let mut c = fresh();
        c.input(KeyEvent::new(KeyCode::Left, KeyModifiers::NONE));
        c.input(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE));
        let moved = typed(&mut c, " Hello");
        assert!(moved.contains("connect?  Hello\n"), "{moved:?}");
        // A paste starting with a space, the same as typing it.
        let mut c = fresh();
        c.paste(" P.S. Hello");
        assert!(
            c.message().contains("connect? P.S. Hello\n"),
            "{:?}",
            c.message()
        );
        let mut c = fresh();
        c.paste("P.S.");
        assert!(c.message().contains("connect? P.S.\n"), "{:?}", c.message());
    }

    /// A recovered draft opens with the cursor where its words end, not at
    /// the template's slot.
    #[test]
    fn a_recovered_draft_goes_on_where_its_words_end() {
        let (i, templates) = (inv(), Templates::default());
        let opened = Composer::new(0, &i, DraftKind::Reply, &templates, None, None, None).text();
        let left_at = |recovered: &str| {
            let c = Composer::new(
                0,
                &i,
                DraftKind::Reply,
                &templates,
                None,
                None,
                Some(recovered.into()),
            );
            let DataCursor(row, col) = c.editor.cursor();
            c.editor.lines()[row].chars().take(col).collect::<String>()
        };
        let typed_on = opened.replacen("connect? ", "connect? Happy to help, and", 1);
        assert!(left_at(&typed_on).ends_with("connect? Happy to help, and"));
        let typed_in = opened.replacen("invitation.", "invitation, Abena", 1);
        assert_eq!(left_at(&typed_in), "Thanks for the invitation, Abena");
        assert_eq!(end_of_edit("abc", "abc"), None);
        // Text only added at the end, or only taken away.
        assert_eq!(end_of_edit("ab\ncd", "ab\n"), Some(DataCursor(1, 2)));
        assert_eq!(end_of_edit("ab", "abcd"), Some(DataCursor(0, 2)));
        // A repeated letter: the suffix does not reach into the prefix.
        assert_eq!(end_of_edit("aaa", "aa"), Some(DataCursor(0, 2)));
    }

    /// The space a template leaves where the user writes on, and blank
    /// lines typed after the signature, are not sent.
    #[test]
    fn words_typed_on_a_template_do_not_run_into_it() {
        let (i, templates) = (inv(), Templates::default());
        let mut c = Composer::new(0, &i, DraftKind::Reply, &templates, None, None, None);
        assert!(!c.changed(), "the space is part of the template as opened");
        let untouched = c.message();
        assert!(untouched.contains("connect?\n"), "{untouched:?}");
        for ch in "Great".chars() {
            c.input(KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE));
        }
        assert!(
            c.message().contains("connect? Great\n"),
            "{:?}",
            c.message()
        );
        // The same after switching templates, and for a thank-you.
        c.switch_template(Some(1), &i, &templates, None).unwrap();
        c.paste("Great");
        assert!(
            c.message().contains("you with? Great\n"),
            "{:?}",
            c.message()
        );
        let mut t = Composer::new(0, &i, DraftKind::ThankYou, &templates, None, None, None);
        t.paste("Great");
        assert!(t.message().contains("? Great\n"), "{:?}", t.message());
        // A saved draft opened again: the same, and it is not "changed".
        let saved = "Hi Abena,\n\nSee you at the forum.\n\nColleen".to_string();
        let mut d = Composer::new(
            0,
            &i,
            DraftKind::Reply,
            &templates,
            None,
            Some(saved.clone()),
            None,
        );
        assert!(!d.changed());
        assert_eq!(d.message(), saved);
        d.paste("Bring slides.");
        assert!(
            d.message().contains("forum. Bring slides.\n"),
            "{:?}",
            d.message()
        );
    }

    #[test]
    fn the_message_has_no_spaces_at_line_ends() {
        let mut c = plain();
        c.paste("Glad to help. ");
        c.input(KeyEvent::new(KeyCode::End, KeyModifiers::CONTROL));
        c.input(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        assert!(c.text().contains("Glad to help. \n"), "{:?}", c.text());
        let message = c.message();
        assert!(!message.lines().any(|l| l.ends_with(' ')), "{message:?}");
        assert!(!message.ends_with('\n'), "{message:?}");
        assert_eq!(c.char_count(), message.chars().count());
        assert!(c.char_count() < c.text().chars().count());
    }

    #[test]
    fn a_draft_is_changed_while_its_text_differs() {
        let mut c = plain();
        assert!(!c.changed());
        c.input(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE));
        assert!(c.changed());
        c.input(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
        assert!(!c.changed(), "the same text again");
    }
}
