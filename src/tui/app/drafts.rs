//! Replies and thank-yous: the composer opened, saved, copied and closed,
//! and its unsaved text kept on disk while it is open.

use crate::invitation::Direction;
use crate::journal::{Decision, DraftKind, JournalError, StepKind, Unsaved, Whom};
use crate::text::{clean_draft, name_line};
use crate::tui::compose::{Composer, Question};
use crate::tui::keys::{self, Action};

use super::{App, Effect, Mode, Status, not_saved, writes};

impl App {
    /// Mirrors the composer's draft on disk while it differs from what the
    /// composer opened with, so that a closed terminal, a kill or a crash
    /// does not take it; removes it once saved, discarded or unchanged.
    pub(super) fn keep_unsaved_draft(&mut self) {
        let result = match self.open_unsaved() {
            Some(draft) => {
                self.kept_unsaved = Some((draft.id, draft.kind));
                if self
                    .journal
                    .unsaved(draft.id, draft.kind)
                    .is_some_and(|u| u.text == draft.text)
                {
                    return;
                }
                self.journal.keep_unsaved(draft)
            }
            None => match self.kept_unsaved.take() {
                Some((id, kind)) => match self.journal.forget_unsaved(id, kind) {
                    // Not a draft that cannot be kept: one discarded (or
                    // back as it opened) that would come back.
                    Err(JournalError::Io { path, source, .. }) => {
                        let what = if self.composer.is_some() {
                            "The draft is back as it opened"
                        } else {
                            "Draft discarded"
                        };
                        self.set_error(format!(
                            "{what}, but its unsaved copy {} could not be removed: {source}; the next start would offer it again: remove it by hand",
                            crate::text::shown_path(&path)
                        ));
                        return;
                    }
                    other => other,
                },
                None => return,
            },
        };
        // The action's own error, if it set one, says more just now.
        if let Err(e) = result
            && !self.status.as_ref().is_some_and(|s| s.error)
        {
            // Saving needs the disk too: on a full one, copying is the
            // way to keep the words until there is room.
            self.set_error(match e.remedy() {
                Some(remedy) => format!(
                    "The draft cannot be kept on disk as you write ({e}) · {remedy}, then Ctrl-S saves it; Ctrl-Y copies it meanwhile"
                ),
                None => format!(
                    "Save with Ctrl-S: the draft cannot be kept on disk as you write ({e})"
                ),
            });
        }
    }

    /// The composer's draft as an unsaved one to keep, while it differs
    /// from what the composer opened with.
    pub(super) fn open_unsaved(&self) -> Option<Unsaved> {
        let c = self.composer.as_ref()?;
        let text = c.changed_text()?;
        let inv = &self.invitations[c.index as usize];
        let cursor = c.editor.cursor();
        Some(Unsaved {
            id: inv.id,
            kind: c.kind(),
            name: inv.counterpart().to_string(),
            at: self.now_for_journal(),
            text,
            cursor: Some([cursor.0, cursor.1].map(|n| u32::try_from(n).unwrap_or(u32::MAX))),
            sent: Some(inv.sent_at),
        })
    }

    /// A key of the composer: typing (answering its questions first),
    /// saving, templates, copying, the editor.
    pub(super) fn apply_compose(&mut self, action: Action) -> Option<Effect> {
        match action {
            // Ctrl-L: a repaint, as on the list; a question asked stays.
            Action::CheckClear => return Some(Effect::Repaint),
            Action::ComposeKey(ev) => {
                if let Some(c) = &mut self.composer {
                    // A key that would write answers an open question
                    // ("n" to "Replace your words…?") and is not typed:
                    // the answer must not end up in the draft.
                    let ctrl = ev.modifiers == crossterm::event::KeyModifiers::CONTROL;
                    let nothing = match ev.code {
                        crossterm::event::KeyCode::Char('u') if ctrl && !c.can_undo() => {
                            Some("Nothing to undo in this draft")
                        }
                        crossterm::event::KeyCode::Char('r') if ctrl && !c.can_redo() => {
                            Some("Nothing to redo")
                        }
                        _ => None,
                    };
                    if let Some(nothing) = nothing {
                        c.input(ev);
                        self.set_status(nothing);
                    } else if c.question.is_some()
                        && matches!(ev.code, crossterm::event::KeyCode::Char('y' | 'Y'))
                        && !ctrl
                    {
                        // A yes to the question: as the key it names.
                        if c.question == Some(Question::Replace) {
                            self.cycle_template(self.asked_template);
                        } else {
                            self.close_composer();
                        }
                    } else if c.question == Some(Question::Discard)
                        && matches!(ev.code, crossterm::event::KeyCode::Char('l' | 'L'))
                        && !ctrl
                    {
                        self.leave_for_later();
                    } else if c.question.is_some() && writes(&ev) {
                        let kept = if c.question == Some(Question::Replace) {
                            "Kept your words"
                        } else {
                            "Kept the draft"
                        };
                        c.question = None;
                        self.set_status(format!("{kept}; type on"));
                    } else {
                        c.input(ev);
                    }
                }
            }
            Action::ComposeSave => return self.save_draft(),
            Action::ComposeEditor => {
                if let Some(c) = &self.composer {
                    let id = self.invitations[c.index as usize].id;
                    return Some(Effect::Editor {
                        text: c.text(),
                        keep_in: Some(self.journal.editing_file(id, c.kind())),
                    });
                }
            }
            Action::ComposeNextTemplate => self.cycle_template(None),
            Action::ComposeTemplate(n) => self.cycle_template(Some(n)),
            Action::ComposeCopy => {
                if let Some(c) = &self.composer {
                    // Copying is not saving: `export` lists only saved ones.
                    let label = if c.changed() {
                        "draft, not saved yet (Ctrl-S saves it)"
                    } else {
                        "draft"
                    };
                    return Some(Effect::Copy {
                        text: c.message(),
                        label: label.into(),
                    });
                }
            }
            Action::EditorDone(result) => match result {
                Ok(edited) => {
                    if let Some(c) = &mut self.composer {
                        // Left without saving (`:q!`): nothing was taken.
                        let before = c.text();
                        let cleaned = clean_draft(&edited.text);
                        // An empty file is how an editor is told to give
                        // up (git's commit message): the words stay, as
                        // when the editor fails.
                        if cleaned.trim().is_empty() && !before.trim().is_empty() {
                            self.set_error(
                                "The editor left the file empty: the draft is kept as it was (to empty it, delete its words here)",
                            );
                            return None;
                        }
                        c.set_text(&cleaned);
                        let same = c.text() == before;
                        match (&edited.warning, &edited.elsewhere) {
                            (None, None) if same => {
                                self.set_status("The editor left the draft as it was")
                            }
                            (Some(warning), _) => self.set_error(format!(
                                "{warning} · Ctrl-U puts your draft back, Ctrl-S saves this{}",
                                edited
                                    .elsewhere
                                    .as_ref()
                                    .map(|e| format!(" · {e}"))
                                    .unwrap_or_default()
                            )),
                            (None, Some(elsewhere)) => self.set_error(format!(
                                "Took the text back from the editor · Ctrl-S saves · {elsewhere}"
                            )),
                            (None, None) => {
                                self.set_status("Took the text back from the editor · Ctrl-S saves")
                            }
                        }
                    }
                }
                Err(e) => self.set_error(format!("{e} · the draft is unchanged")),
            },
            _ => {}
        }
        None
    }

    /// Closes the composer with its words kept on disk as an unsaved draft
    /// (fsync'd), not saved: `r` or `t` on the row opens them again, and so
    /// does the next start. Words the disk does not hold stay open.
    fn leave_for_later(&mut self) {
        let Some(c) = &mut self.composer else { return };
        c.question = None;
        let idx = c.index;
        let inv = &self.invitations[idx as usize];
        let (id, kind) = (inv.id, c.kind());
        let name = name_line(inv.counterpart());
        if c.changed_text().is_none() {
            // A template replaced the user's words (Ctrl-U has them): what
            // is on screen is the template, nothing to keep.
            self.set_error(
                "Only a template is on screen: Ctrl-U brings your words back, then Esc, l leaves them for later",
            );
            return;
        }
        if !self.draft_on_disk() {
            // Once more: the disk may have room by now; if not, its error
            // names the file and the cause (a full disk, a permission).
            let Some(draft) = self.open_unsaved() else {
                return;
            };
            if let Err(e) = self.journal.keep_unsaved(draft) {
                let remedy = e.remedy().map(|r| format!(" · {r}")).unwrap_or_default();
                self.set_error(format!(
                    "The draft stays open, not kept on disk: {e}{remedy} · Ctrl-S saves it, Ctrl-Y copies it"
                ));
                return;
            }
            self.kept_unsaved = Some((id, kind));
        }
        match self.journal.sync_unsaved(id, kind) {
            Ok(()) => {
                // No longer the composer's: closing it must not remove it.
                self.kept_unsaved = None;
                self.composer = None;
                self.mode = Mode::List;
                let action = Action::compose(kind);
                // A reply written over an accept (after asking) is not
                // opened by the next start, nor by one key.
                match self.draft_barred(idx, kind) {
                    // Cut short, the way back to it stays in sight.
                    Some(_) => {
                        let why = self.why_waiting(idx, kind);
                        self.status = Some(Status {
                            text: format!(
                                "Left your {} to {name} for later, not saved; the next start will not open it: {why}",
                                kind.label(),
                            ),
                            error: false,
                            when_cut: Some(format!("Left for later, not saved: {why}")),
                        });
                    }
                    // Written for their earlier invitation: the next start
                    // names it, and does not open it unasked.
                    // Without a key to open it, the start is the way back.
                    None if self.keymap.hint(&action).is_empty() => {
                        let start = if self.unsaved_for_earlier(idx, kind).is_some() {
                            "names it"
                        } else {
                            "opens it again"
                        };
                        self.set_status(format!(
                            "Left your {} to {name} for later, not saved: the next start {start}; {}",
                            kind.label(),
                            keys::no_key(&action)
                        ))
                    }
                    None if self.unsaved_for_earlier(idx, kind).is_some() => self.set_status(format!(
                        "Left your {} to {name} for later, not saved: {} on their row opens it again (the next start names it)",
                        kind.label(),
                        self.keymap.hint(&action)
                    )),
                    None => self.set_status(format!(
                        "Left your {} to {name} for later, not saved: {} on their row opens it again, and so does the next start",
                        kind.label(),
                        self.keymap.hint(&action)
                    )),
                }
            }
            Err(e) => self.set_error(format!(
                "The draft stays open: it cannot be kept on disk ({e}) · Ctrl-S saves it, Ctrl-Y copies it"
            )),
        }
    }

    /// Whether the journal holds a saved draft of the composer's kind for
    /// its invitation.
    pub(super) fn has_saved_draft(&self, c: &Composer) -> bool {
        let kind = c.kind();
        self.journal
            .state_for(&self.invitations[c.index as usize], self.now)
            .is_some_and(|e| e.draft(kind).is_some())
    }

    /// Closes the composer, its words discarded (a saved or undone draft
    /// stays in the journal), and says so when it had changed.
    pub(super) fn close_composer(&mut self) {
        let changed = self.composer.as_ref().is_some_and(Composer::at_stake);
        let saved = self
            .composer
            .as_ref()
            .is_some_and(|c| self.has_saved_draft(c));
        let closed = self.composer.take();
        self.mode = Mode::List;
        if !changed {
            return;
        }
        let said = match closed {
            // An undone draft over a saved one: set aside, so that the
            // next open shows the saved draft the message speaks of.
            Some(c) if c.resumed && c.undone => {
                let kind = c.kind();
                if let Some(d) =
                    self.journal
                        .undone_draft(&self.invitations[c.index as usize], kind, self.now)
                {
                    self.set_aside.push((c.index, kind, d.text.clone()));
                }
                let opens = self
                    .keymap
                    .key_does(
                        &Action::compose(kind),
                        &format!("opens the saved {} again", kind.label()),
                    )
                    .map(|k| format!("; {k}"))
                    .unwrap_or_default();
                format!("Undone words set aside for this run{opens}")
            }
            Some(c) if c.resumed || (saved && !c.undone) => {
                "Changes discarded; the saved draft stays".to_string()
            }
            // The journal keeps an undone draft's text until another is
            // saved: say so, and how to start afresh.
            // Without a key to the composer, nothing to offer now.
            Some(c) if c.undone && self.keymap.hint(&Action::compose(c.kind())).is_empty() => {
                "Draft closed".to_string()
            }
            Some(c) if c.undone => {
                let (kind, key) = (
                    c.kind().label(),
                    self.keymap.hint(&Action::compose(c.kind())),
                );
                // The key of the template this invitation's draft starts
                // from (a greeting-only note's reply: F2), past F9 none.
                let template = match c.number(&self.templates) {
                    n @ 1..=9 => format!("F{n} there starts from its template"),
                    _ => "a template key there starts from a template".to_string(),
                };
                format!("Draft closed; {key} offers the undone {kind} again ({template})")
            }
            _ => "Draft discarded".to_string(),
        };
        self.set_status(said);
    }

    /// A thank-you for the row accepted by the key just before, which the
    /// cursor moved on from (to an undecided row: no thank-you there), else
    /// for the current row.
    pub(super) fn open_thank_you(&mut self, just_accepted: Option<u32>) {
        match just_accepted {
            Some(j) => self.compose(j, DraftKind::ThankYou),
            None => self.open_composer(DraftKind::ThankYou),
        }
    }

    pub(super) fn open_composer(&mut self, kind: DraftKind) {
        let thank_you = kind == DraftKind::ThankYou;
        let Some(idx) = self.current_index() else {
            self.set_status("Nothing here to reply to");
            return;
        };
        let inv = &self.invitations[idx as usize];
        if inv.direction == Direction::Outgoing {
            self.set_status(if thank_you {
                "You sent this invitation: a thank-you is for one you accepted"
            } else {
                "You sent this invitation: nothing to reply to yet"
            });
            return;
        }
        if kind == DraftKind::Reply && self.decisions[idx as usize] == Some(Decision::Accepted) {
            self.reply_over_accept(idx);
            return;
        }
        if let Some(why) = self.draft_barred(idx, kind) {
            self.set_status(why);
            return;
        }
        self.compose(idx, kind);
    }

    /// `r` on an accepted row: a reply is instead of accepting, so the
    /// first press asks (as a large undo does), and the second opens the
    /// composer, whose reply saved then marks them replied, as the status
    /// says. Undoing the accept is no way back once other steps follow it:
    /// `u` would undo those first.
    fn reply_over_accept(&mut self, idx: u32) {
        let inv = &self.invitations[idx as usize];
        let name = self.status_name(inv.counterpart());
        let left = self.journal.unsaved(inv.id, DraftKind::Reply).is_some();
        if std::mem::take(&mut self.reply_asked) != Some(idx) {
            self.reply_asked = Some(idx);
            let reply = self.keymap.hint(&Action::Reply);
            let what = if left {
                "opens your reply left for later"
            } else {
                "opens a reply"
            };
            self.set_error(format!(
                "Accepted already{} · reply instead of accepting? {reply} again {what}, and saving it marks them replied · any other key keeps the accept",
                self.thank_you_clause()
            ));
            return;
        }
        // What the composer says on opening (an undone draft back, one
        // saved days ago) follows.
        self.status = None;
        self.compose(idx, DraftKind::Reply);
        if let Some(c) = &mut self.composer {
            c.over_accept = true;
        }
        let mut text = format!(
            "Replying to {name} instead of accepting: Ctrl-S saves the reply and marks them replied, not accepted"
        );
        if let Some(said) = self.status.take() {
            text.push_str(&format!(" · {}", said.text));
        }
        self.set_status(text);
    }

    /// The way to a reply on accepted invitation `idx`, in brackets after a
    /// space: undoing the accept when it is the step the undo key takes
    /// back (that invitation's own accept, not a bulk one), else the reply
    /// key twice (it asks first); nothing when the reply has no key.
    pub(super) fn reply_route(&self, idx: u32) -> String {
        let id = self.invitations[idx as usize].id;
        let accept_is_next = self.journal.next_undo().is_some_and(|next| {
            next.kind == StepKind::Decide(Some(Decision::Accepted)) && next.ids == [id]
        });
        let undo = self.keymap.hint(&Action::Undo);
        if accept_is_next && !undo.is_empty() {
            format!(" ({undo} undoes the accept)")
        } else {
            self.keymap
                .aside(&Action::Reply, "on their row asks to reply instead")
        }
    }

    /// Why a draft of `kind` is not for invitation `idx` as it is decided
    /// now, or `None` when it is: a thank-you follows an accept, and a
    /// reply is instead of one (saved, it would turn the accept into
    /// "replied" without a word: `r` asks first, see
    /// [`App::reply_over_accept`]). Checked where a draft opens, where one
    /// left by an earlier run would open at the start, and where one is
    /// saved: a draft left for later may outlive the decision it was
    /// written under.
    pub(super) fn draft_barred(&self, idx: u32, kind: DraftKind) -> Option<String> {
        if let Some(why) = self.superseded(idx) {
            let what = match kind {
                DraftKind::Reply => "reply",
                DraftKind::ThankYou => "thank-you",
            };
            return Some(format!("No {what} here: {why}"));
        }
        let decision = self.decisions[idx as usize];
        if kind.fits(decision) {
            return None;
        }
        match kind {
            DraftKind::ThankYou => {
                // "Accept first" reads as advice to override what was
                // decided.
                let accept = |does| self.keymap.key_does_or_none(&Action::Accept, does);
                Some(match decision {
                    Some(d @ (Decision::Ignored | Decision::Replied)) => format!(
                        "A thank-you follows an accept, and this invitation is {}: {}",
                        d.label(),
                        accept("accepts it instead")
                    ),
                    _ => format!("A thank-you follows an accept: {}", accept("accepts first")),
                })
            }
            DraftKind::Reply => Some(format!(
                "Accepted already{} · a reply is instead of accepting{}",
                self.thank_you_clause(),
                self.reply_route(idx)
            )),
        }
    }

    /// `: t writes a thank-you`, for a message on an accepted invitation;
    /// nothing when `[keys]` leaves the thank-you without a key.
    fn thank_you_clause(&self) -> String {
        match self.keymap.hint(&Action::ThankYou) {
            t if t.is_empty() => String::new(),
            t => format!(": {t} writes a thank-you"),
        }
    }

    /// Opens the composer for invitation `idx`: on its unsaved draft of that
    /// kind if an earlier run left one, else on the one whose saving was
    /// undone, else on its saved one, else on a template.
    pub(super) fn compose(&mut self, idx: u32, kind: DraftKind) {
        let inv = &self.invitations[idx as usize];
        // Not a draft to an earlier invitation between the same people.
        let entry = self.journal.state_for(inv, self.now);
        let saved = entry.as_ref().and_then(|e| e.draft(kind));
        let undone = self
            .journal
            .undone_draft(inv, kind, self.now)
            .filter(|d| saved.is_none_or(|s| s.text != d.text))
            .filter(|d| {
                !self
                    .set_aside
                    .iter()
                    .any(|(i, k, text)| *i == idx && *k == kind && *text == d.text)
            });
        let (unsaved, from_undone, cursor) = match self.journal.unsaved(inv.id, kind) {
            Some(u) => (Some(u.text.clone()), false, u.cursor),
            None => (undone.map(|d| d.text.clone()), undone.is_some(), None),
        };
        // A draft saved on an earlier day may have been sent since: an edit
        // is then a new message, and the checklist says it was edited.
        let saved_before = saved
            .filter(|d| unsaved.is_none() && d.at.date() < self.now.date())
            .map(|d| d.at);
        // Sent, as marked: what is saved now is the next message, and the
        // lists quote the whole draft as the one to send.
        let marked_sent = saved.and_then(|d| d.marked_sent);
        let has_unsaved = unsaved.is_some();
        let mut composer = Composer::new(
            idx,
            inv,
            kind,
            &self.templates,
            self.my_name.as_deref(),
            saved.map(|d| d.text.clone()),
            unsaved,
        );
        composer.undone = from_undone;
        // Where the words were being written when the run ended.
        if let Some([row, col]) = cursor {
            composer.go_on_at(row as usize, col as usize);
        }
        self.composer = Some(composer);
        self.mode = Mode::Compose;
        // Words other than the version marked sent: saved, they replace
        // it as the next message to send.
        let over_sent = marked_sent.map_or(String::new(), |at| {
            format!(
                " · the one saved was marked sent {}: saved, this is a new message to send",
                at.format("%-d %b")
            )
        });
        if from_undone {
            self.set_status(format!(
                "Your undone {} is back: Ctrl-S saves it again{over_sent}",
                kind.label()
            ));
        } else if let Some(sent) = self.unsaved_for_earlier(idx, kind) {
            self.set_status(format!(
                "Your unsaved {}, written for their earlier invitation of {}: Ctrl-S saves it for this one · Esc, then y discards it",
                kind.label(),
                sent.format("%-d %b %Y")
            ));
        } else if has_unsaved && !over_sent.is_empty() {
            self.set_status(format!(
                "Your unsaved {}, not saved yet{over_sent}",
                kind.label()
            ));
        } else if let Some(at) = marked_sent {
            self.set_status(format!(
                "Your {} marked sent {}: changed and saved, it is a new message to send, all of it · keep only the new words (Ctrl-K deletes to a line's end)",
                kind.label(),
                at.format("%-d %b"),
            ));
        } else if let Some(at) = saved_before {
            self.set_status(format!(
                "Your {} saved {} ({}): if you sent it, what you add now is a new message to send",
                kind.label(),
                at.format("%-d %b"),
                crate::stats::Age::between(at, self.now).long()
            ));
        }
    }

    fn cycle_template(&mut self, which: Option<usize>) {
        let Some(c) = &mut self.composer else { return };
        // Nothing to switch to is said before anything is asked (and a
        // question asked before is off: its text is gone from the screen).
        if let Err(e) = c.pick(which, &self.templates) {
            c.question = None;
            self.set_error(e);
            return;
        }
        // A template replaces the whole text: the user's words are asked
        // about first.
        if c.own_words() && c.question != Some(Question::Replace) {
            // One question at a time: an Esc after this one asks its own.
            c.question = Some(Question::Replace);
            self.asked_template = which;
            self.set_error(
                "Replace your words with a template? y or a template key again replaces them · any other key keeps them",
            );
            return;
        }
        let inv = &self.invitations[c.index as usize];
        match c.switch_template(which, inv, &self.templates, self.my_name.as_deref()) {
            Ok(true) => {}
            // The template already on screen, as it came.
            Ok(false) => {
                let name = &self.templates.list[c.template].name;
                self.set_status(format!("Template {name} is the one on screen"));
            }
            Err(e) => self.set_error(e),
        }
    }

    /// Saves the draft, and copies it: the next step is to paste it on
    /// LinkedIn. A reply then moves on, as accept and ignore do (keys
    /// pressed next are meant for the next person); a thank-you, which
    /// follows an accept the user already moved past, stays.
    fn save_draft(&mut self) -> Option<Effect> {
        let c = self.composer.as_ref()?;
        let text = c.message();
        if text.is_empty() {
            self.set_error("The draft is empty: write something, or Esc to leave");
            return None;
        }
        let (idx, kind) = (c.index, c.kind());
        // A reply opened over the accept after asking is saved over it.
        if let Some(why) = self.draft_barred(idx, kind).filter(|_| !c.over_accept) {
            self.set_error(format!(
                "Not saved: {why} · the draft stays open: Esc, then l leaves it for later"
            ));
            return None;
        }
        let inv = &self.invitations[idx as usize];
        let (id, name, url, sent) = (
            inv.id,
            inv.counterpart(),
            inv.counterpart_url().trim(),
            inv.sent_at,
        );
        // Saved again unchanged (Ctrl-S is how one copies it again): a
        // second line of the same words would read as an edit, dated
        // today, in the checklist and under `--since`, and invite sending
        // the message twice. Copied, not written.
        let entry = self.journal.state_for(inv, self.now);
        let unchanged = entry.as_ref().and_then(|e| {
            let d = e.draft(kind).filter(|d| d.text == text)?;
            (kind == DraftKind::ThankYou || e.decision() == Some(Decision::Replied))
                .then_some((d.at, d.marked_sent))
        });
        if let Some((at, marked_sent)) = unchanged {
            let name = name_line(name);
            self.composer = None;
            self.mode = Mode::List;
            // Still the message marked sent: the key that marks it would
            // now take the mark back.
            let marked = marked_sent.map_or(String::new(), |sent| {
                format!(
                    ", marked sent {}{}",
                    sent.format("%-d %b"),
                    self.keymap
                        .aside(&Action::MarkSent, "would take the mark back")
                )
            });
            self.set_status(format!("Unchanged: {name}'s draft stays as saved"));
            let day = at.format("%-d %b");
            let label = match kind {
                DraftKind::Reply => format!("reply to {name}, unchanged since {day}{marked}"),
                DraftKind::ThankYou => {
                    format!("thank-you to {name}, unchanged since {day}{marked}")
                }
            };
            return Some(Effect::Copy { text, label });
        }
        // The saved reply, unchanged, on an invitation decided otherwise
        // since (ignored, say): only the decision is new. A draft line of
        // the same words would read as an edit, dated today.
        let reply_again = kind == DraftKind::Reply
            && entry
                .as_ref()
                .and_then(|e| e.draft(kind))
                .is_some_and(|d| d.text == text);
        // The decision a reply replaces (an ignore), for the status to
        // say, as an accept over another decision does.
        let before = self.decisions[idx as usize].filter(|&d| d != Decision::Replied);
        let now = self.now_for_journal();
        let recorded = if reply_again {
            self.journal
                .record_decision_on(&[id], &[sent], Some(Decision::Replied), now)
        } else {
            self.journal.record_draft_to(
                id,
                kind,
                &text,
                now,
                Whom {
                    name,
                    url,
                    sent: Some(sent),
                },
            )
        };
        match recorded {
            Ok(_) => {
                let rows = self.indices_of(&[id]);
                self.sync_decisions(&rows);
                // A reply saved is a decision on the row, as an accept is:
                // no longer waiting in the marks, where a bulk accept or
                // ignore would overturn it without a word.
                if kind == DraftKind::Reply {
                    for &r in &rows {
                        self.unmark(r);
                    }
                }
                if kind == DraftKind::ThankYou {
                    self.thanks_saved.push((idx, text.clone()));
                } else if !reply_again
                    && self.start_decisions[idx as usize] == Some(Decision::Replied)
                {
                    self.replies_edited.push((idx, text.clone()));
                }
                self.composer = None;
                self.mode = Mode::List;
                // Fitted to the status line, whose hints come after it.
                let name = self.status_name(self.invitations[idx as usize].counterpart());
                // Shown should the copy not report back (it does, naming
                // the draft as saved).
                self.set_status(format!("Draft saved for {name}"));
                match kind {
                    DraftKind::Reply => {
                        self.show(idx);
                        self.advance_to_undecided(self.cursor);
                    }
                    // Written right after the accept, the list had moved on
                    // already: it stays on the next person.
                    DraftKind::ThankYou if self.current_index() != Some(idx) => {}
                    DraftKind::ThankYou => self.show(idx),
                }
                // Moved on from it, `o` still opens their profile to paste.
                if self.current_index() != Some(idx) {
                    self.just_done = Some(idx);
                }
                // Said as a step is: a reply marks the invitation replied,
                // and the undo key takes that back.
                let undo = self.keymap.hint(&Action::Undo);
                let was = before
                    .map(|d| format!(", was {}", d.label()))
                    .unwrap_or_default();
                let mut label = match kind {
                    DraftKind::Reply if !undo.is_empty() => {
                        format!("saved reply to {name} (marked replied{was}; {undo} undoes)")
                    }
                    DraftKind::Reply => format!("saved reply to {name} (marked replied{was})"),
                    DraftKind::ThankYou => format!("saved thank-you to {name}"),
                };
                if let Some(over) = crate::reply::over_message_limit(&text) {
                    label.push_str(&format!(
                        " · {over} character{} over LinkedIn's {} for a message: shorten it before sending",
                        crate::text::plural(over),
                        crate::reply::MESSAGE_LIMIT
                    ));
                }
                Some(Effect::Copy { text, label })
            }
            Err(e) => {
                self.set_error(format!(
                    "{} · the draft is still here",
                    not_saved("Not saved", &e)
                ));
                None
            }
        }
    }

    pub(super) fn copy_draft(&mut self, target: Option<u32>) -> Option<Effect> {
        let target = target?;
        // Its drafts, saved or not, are the later invitation's.
        if let Some(why) = self.superseded(target) {
            self.set_status(format!("Nothing to copy here: {why}"));
            return None;
        }
        let inv = &self.invitations[target as usize];
        let entry = self.journal.state_for(inv, self.now).unwrap_or_default();
        let decision = entry.decision();
        let name = self.status_name(inv.counterpart());
        // Words left for later (Esc, l) are on disk, not saved: `c` copies
        // only saved ones, so it says which words it did not take, and the
        // key that opens them to save. Right after a step that moved on,
        // the row is not the cursor's: `t` follows it there, `r` does not.
        let left = |kind| self.journal.unsaved(inv.id, kind).is_some();
        // `{key} {does}`, or (`Err`) that the key to them is missing: the
        // only way to save them.
        let opens = |kind, does: &str| {
            let action = Action::compose(kind);
            let t_follows = kind == DraftKind::ThankYou && decision == Some(Decision::Accepted);
            let does = if t_follows || self.current_index() == Some(target) {
                does.to_string()
            } else {
                format!("on their row {does}")
            };
            self.keymap
                .key_does(&action, &does)
                .ok_or_else(|| keys::no_key(&action))
        };
        // In brackets after a space, or after a colon when it says there
        // is no key (which has brackets of its own).
        let bracketed = |opens: Result<String, String>| match opens {
            Ok(opens) => format!(" ({opens})"),
            Err(none) => format!(": {none}"),
        };
        // A reply left for later, then an accept: the reply is not what an
        // accept sends, and opens only over it, as the way back says.
        let reply_over = (decision == Some(Decision::Accepted) && left(DraftKind::Reply))
            .then(|| self.reply_route(target));
        match entry.draft_to_send(decision) {
            // Named: right after a step that moved on, it is the draft of
            // the person the step was on, not the one under the cursor.
            Some((kind, d)) => {
                let mut label = format!("{} to {name}", kind.label());
                // Copied again, to look at or to send once more: said.
                if let Some(at) = d.marked_sent {
                    label.push_str(&format!(", marked sent {}", at.format("%-d %b")));
                }
                if left(kind) {
                    label.push_str(&format!(
                        " as saved, not your changes left for later{}",
                        bracketed(opens(kind, "opens them"))
                    ));
                }
                if let Some(route) = &reply_over {
                    label.push_str(&format!(
                        "; your reply left for later is instead of accepting{route}"
                    ));
                }
                Some(Effect::Copy {
                    text: d.text.clone(),
                    label,
                })
            }
            None => {
                let text = match (inv.direction, decision) {
                    (Direction::Outgoing, _) => {
                        "No draft: you sent this invitation, there is nothing to answer".to_string()
                    }
                    (_, Some(Decision::Accepted)) if left(DraftKind::ThankYou) => {
                        let mut text = format!(
                            "Nothing copied: your thank-you to {name} is left for later, not saved · {}",
                            opens(DraftKind::ThankYou, "opens it to save")
                                .unwrap_or_else(|none| none)
                        );
                        if let Some(route) = &reply_over {
                            text.push_str(&format!(
                                " · so is your reply, which is instead of accepting{route}"
                            ));
                        }
                        text
                    }
                    // The words the user wrote are the reply: where they
                    // are, and the way to them, first.
                    (_, Some(Decision::Accepted)) if reply_over.is_some() => format!(
                        "Nothing copied: your reply to {name} is left for later, not saved: {}{}",
                        self.why_waiting(target, DraftKind::Reply),
                        self.keymap.then(&Action::ThankYou, "writes a thank-you")
                    ),
                    (_, Some(Decision::Accepted)) => format!(
                        "No thank-you drafted · {}",
                        self.keymap
                            .key_does_or_none(&Action::ThankYou, "writes one")
                    ),
                    (_, Some(Decision::Ignored)) if left(DraftKind::Reply) => format!(
                        "Nothing to send: you ignored this invitation · your reply to {name} is left for later, not saved{}",
                        bracketed(opens(DraftKind::Reply, "opens it"))
                    ),
                    // Left for later, then the invitation ignored.
                    (_, Some(Decision::Ignored)) if left(DraftKind::ThankYou) => format!(
                        "Nothing to send: you ignored this invitation · your thank-you to {name} is left for later, not saved, and follows an accept{}",
                        match self.keymap.steps(
                            (&Action::Accept, "accepts it instead"),
                            (&Action::ThankYou, "opens it"),
                        ) {
                            Ok(steps) => format!(" ({steps})"),
                            Err(none) => format!(": {none}"),
                        }
                    ),
                    (_, Some(Decision::Ignored)) => {
                        "Nothing to send: you ignored this invitation".to_string()
                    }
                    _ if left(DraftKind::Reply) => format!(
                        "Nothing copied: your reply to {name} is left for later, not saved · {}",
                        opens(DraftKind::Reply, "opens it to save").unwrap_or_else(|none| none)
                    ),
                    // Left for later before the accept was undone.
                    _ if left(DraftKind::ThankYou) => format!(
                        "Nothing copied: your thank-you to {name} is left for later, not saved, and follows an accept · {}",
                        self.keymap
                            .steps(
                                (&Action::Accept, "accepts"),
                                (&Action::ThankYou, "opens it")
                            )
                            .unwrap_or_else(|none| none)
                    ),
                    // Named: right after a step that named another person
                    // (a thank-you left for later), "this" was read as theirs.
                    _ => format!(
                        "No draft for {name}'s invitation · {}",
                        self.keymap
                            .key_does_or_none(&Action::Reply, "drafts a reply")
                    ),
                };
                self.set_status(text);
                None
            }
        }
    }
    /// Marks the draft the row's decision sends as sent on LinkedIn (the
    /// action lists then leave it out), or, on one marked, as not sent
    /// after all: one step, undone with `u`.
    pub(super) fn mark_sent(&mut self, target: Option<u32>) {
        let Some(target) = target else {
            return;
        };
        if let Some(why) = self.superseded(target) {
            self.set_status(format!("Nothing to mark sent here: {why}"));
            return;
        }
        let inv = &self.invitations[target as usize];
        if inv.direction == Direction::Outgoing {
            self.set_status("No draft: you sent this invitation, there is nothing to answer");
            return;
        }
        let entry = self.journal.state_for(inv, self.now).unwrap_or_default();
        let decision = entry.decision();
        let name = self.status_name(inv.counterpart());
        let Some((kind, draft)) = entry.draft_to_send(decision) else {
            // Words left for later are not saved, so not sent: the key
            // that opens them to save, as `c` says.
            let left = |kind| self.journal.unsaved(inv.id, kind).is_some();
            let text = match decision {
                Some(Decision::Ignored) => {
                    "Nothing to mark sent: you ignored this invitation".to_string()
                }
                Some(Decision::Accepted) if left(DraftKind::ThankYou) => format!(
                    "Nothing marked: your thank-you to {name} is left for later, not saved · {}",
                    self.keymap
                        .key_does_or_none(&Action::ThankYou, "opens it to save")
                ),
                Some(Decision::Accepted) => format!(
                    "No thank-you to {name} saved to mark sent · {}",
                    self.keymap
                        .key_does_or_none(&Action::ThankYou, "writes one")
                ),
                _ if left(DraftKind::Reply) => format!(
                    "Nothing marked: your reply to {name} is left for later, not saved · {}",
                    self.keymap
                        .key_does_or_none(&Action::Reply, "opens it to save")
                ),
                _ => format!(
                    "No saved draft to {name} to mark sent · {}",
                    self.keymap
                        .key_does_or_none(&Action::Reply, "drafts a reply")
                ),
            };
            self.set_status(text);
            return;
        };
        let marked = draft.marked_sent.is_none();
        // A mark of an earlier run taken back: the draft is to send again,
        // and `export --since` this run's start would leave it out.
        let earlier_mark = draft.marked_sent.is_some_and(|at| at < self.now);
        // Words left for later are a version not saved, so not marked.
        let left = self.journal.unsaved(inv.id, kind).is_some();
        let id = inv.id;
        match self
            .journal
            .record_mark_sent(id, kind, marked, self.now_for_journal())
        {
            Ok(_) if marked => {
                self.marked_sent.push((target, kind));
                let mut text = format!(
                    "Marked the {} to {name} sent on LinkedIn: the action lists leave it out · {} takes it back",
                    kind.label(),
                    self.keymap.hint(&Action::Undo)
                );
                if left {
                    text.push_str(&format!(
                        " · your changes left for later are not marked: saved, they are to send{}",
                        self.keymap.aside(&Action::compose(kind), "opens them")
                    ));
                }
                self.set_status(text);
            }
            Ok(_) => {
                if earlier_mark {
                    self.brought_back.push(target);
                }
                self.set_status(format!(
                    "The {} to {name} is marked not sent: the action lists have it again{}",
                    kind.label(),
                    self.keymap.then(&Action::MarkSent, "marks it sent")
                ));
            }
            Err(e) => self.set_error(not_saved("Not marked", &e)),
        }
    }
}
