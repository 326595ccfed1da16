//! What the triage screen says when it opens and when it closes: decisions
//! made elsewhere, invitations new since the last run, unsaved drafts to
//! recover, and the farewell summary.

use chrono::NaiveDateTime;

use crate::classify::Category;
use crate::invitation::{Direction, InvitationId};
use crate::journal::{Decision, DraftKind, JournalError, Unsaved};
use crate::text::{and_list, name_line, plural};
use crate::tui::keys::Action;

use super::{App, DecisionCounts, Effect, Mode, Status, Tab};

/// The news held back at the start, while something else has the status
/// line (see [`App::tell_news_due`]).
#[derive(Debug)]
pub(super) struct NewsDue {
    /// The note, whole and in short.
    news: (String, String),
    /// The start's status line it waits behind, until a key replaces it;
    /// `None`: the composer the start opened, until it closes.
    behind: Option<String>,
}

impl NewsDue {
    /// The news, waiting behind the start's status line `text`.
    pub(super) fn behind(news: (String, String), text: String) -> NewsDue {
        NewsDue {
            news,
            behind: Some(text),
        }
    }
}

impl App {
    /// What to say on leaving, when this run changed a decision: how many
    /// were made, and where the inbox stands.
    pub fn farewell(&self) -> Option<String> {
        // Drafts saved in this run and not undone since, each invitation
        // once.
        let still = |saved: &[(u32, String)], kind: DraftKind| {
            let mut held: Vec<u32> = saved
                .iter()
                .filter(|(i, text)| {
                    self.journal
                        .state(self.invitations[*i as usize].id)
                        .and_then(|e| e.draft(kind))
                        .is_some_and(|d| d.text == *text)
                })
                .map(|(i, _)| *i)
                .collect();
            held.sort_unstable();
            held.dedup();
            held.len()
        };
        let thanked = still(&self.thanks_saved, DraftKind::ThankYou);
        // Against the reply at start: undone and saved again word for
        // word, it is the same reply.
        let changed_replies: Vec<(u32, String)> = self
            .replies_edited
            .iter()
            .filter(|(i, text)| {
                !self
                    .start_replies
                    .iter()
                    .any(|(j, before)| j == i && before == text)
            })
            .cloned()
            .collect();
        let edited = still(&changed_replies, DraftKind::Reply);
        // An earlier run's edit of a reply undone in this one: the reply
        // is there still, with other words than at start, none saved here.
        let edits_undone = self
            .start_replies
            .iter()
            .filter(|(i, before)| {
                !self.replies_edited.iter().any(|(j, _)| j == i)
                    && self
                        .journal
                        .state(self.invitations[*i as usize].id)
                        .and_then(|e| e.draft(DraftKind::Reply))
                        .is_some_and(|d| d.text != *before)
            })
            .count();
        // An earlier run's thank-you undone in this one.
        let thanks_undone = self
            .start_thanks
            .iter()
            .filter(|&&i| {
                self.journal
                    .state(self.invitations[i as usize].id)
                    .and_then(|e| e.draft(DraftKind::ThankYou))
                    .is_none()
            })
            .count();
        // Drafts marked sent in this run, and still marked: not one marked
        // at start, marked not sent and marked again (no change).
        let mut sent: Vec<(u32, DraftKind)> = self
            .marked_sent
            .iter()
            .filter(|(i, kind)| {
                self.journal
                    .state(self.invitations[*i as usize].id)
                    .and_then(|e| e.draft(*kind))
                    .is_some_and(|d| {
                        d.marked_sent.is_some()
                            && self.sent_at_start(*i, *kind) != Some(d.text.as_str())
                    })
            })
            .copied()
            .collect();
        sent.sort_unstable_by_key(|&(i, kind)| (i, kind == DraftKind::Reply));
        sent.dedup();
        let sent = sent.len();
        // Drafts marked sent before this run and marked not sent in it, word
        // for word (a draft undone since is counted with its decision or
        // thank-you, one saved again as edited).
        let unsent = self
            .start_sent
            .iter()
            .filter(|(i, kind, text)| {
                self.journal
                    .state(self.invitations[*i as usize].id)
                    .and_then(|e| e.draft(*kind))
                    .is_some_and(|d| d.marked_sent.is_none() && d.text == *text)
            })
            .count();
        if self.decisions == self.start_decisions
            && sent == 0
            && unsent == 0
            && thanked == 0
            && edited == 0
            && edits_undone == 0
            && thanks_undone == 0
        {
            return None;
        }
        let now: DecisionCounts = self.counts.iter().sum();
        // Received and sent apart: "2 decided" for two withdrawals read as
        // two of the received ones, beside "0 of 135 decided".
        // Each received invitation against its decision at start: 7 made
        // and 213 undone is not "206 undone".
        let (mut made, mut undone, mut changed) = (0, 0, 0);
        // Sent ones the same way: one marked and another unmarked is not
        // "nothing" (nor one marked twice and unmarked once "1 marked").
        let (mut marked, mut unmarked) = (0, 0);
        for (i, (was, is)) in self.start_decisions.iter().zip(&self.decisions).enumerate() {
            if self.invitations[i].direction != Direction::Incoming {
                match (was, is) {
                    (None, Some(_)) => marked += 1,
                    (Some(_), None) => unmarked += 1,
                    _ => {}
                }
                continue;
            }
            match (was, is) {
                (None, Some(_)) => made += 1,
                (Some(_), None) => undone += 1,
                (Some(a), Some(b)) if a != b => changed += 1,
                _ => {}
            }
        }
        let mut parts = Vec::new();
        if made > 0 {
            parts.push(format!("{made} decided"));
        }
        if changed > 0 {
            parts.push(format!("{changed} changed"));
        }
        if undone > 0 {
            parts.push(format!("{undone} decision{} undone", plural(undone)));
        }
        if thanked > 0 {
            parts.push(format!("{thanked} thank-you{} saved", plural(thanked)));
        }
        if edited > 0 {
            parts.push(format!(
                "{edited} repl{} edited",
                if edited == 1 { "y" } else { "ies" }
            ));
        }
        if edits_undone > 0 {
            parts.push(format!(
                "{edits_undone} repl{} back to an earlier text",
                if edits_undone == 1 { "y" } else { "ies" }
            ));
        }
        if thanks_undone > 0 {
            parts.push(format!(
                "{thanks_undone} thank-you{} undone",
                plural(thanks_undone)
            ));
        }
        if sent > 0 {
            parts.push(format!("{sent} draft{} marked sent", plural(sent)));
        }
        if unsent > 0 {
            parts.push(format!("{unsent} draft{} marked not sent", plural(unsent)));
        }
        if marked > 0 {
            parts.push(format!(
                "{marked} sent invitation{} marked to withdraw",
                plural(marked)
            ));
        }
        if unmarked > 0 {
            parts.push(format!("{unmarked} withdrawal{} undone", plural(unmarked)));
        }
        let session = format!("{} this session", crate::text::and_list(&parts));
        let withdraw = match self.sent_counts.withdrawn {
            0 => String::new(),
            n => format!("; {n} sent invitation{} to withdraw in all", plural(n)),
        };
        // An export of sent invitations alone has no received ones to count.
        let received = match self.incoming.total {
            0 => String::new(),
            total => format!(
                "; {} of {total} received invitations decided ({} accepted, {} ignored, {} replied)",
                now.decided(),
                now.accepted,
                now.ignored,
                now.replied
            ),
        };
        // The progress counts them as done: said, or the counts disagree.
        let superseded = match now.superseded {
            0 => String::new(),
            n => {
                format!(", and {n} superseded (invited again since, and handled in a newer export)")
            }
        };
        Some(format!("{session}{received}{superseded}{withdraw}."))
    }

    /// The text of row `i`'s draft of `kind` if it was marked sent at
    /// start. (`start_sent` is in row order, replies first.)
    fn sent_at_start(&self, i: u32, kind: DraftKind) -> Option<&str> {
        let key = |&(j, k, _): &(u32, DraftKind, String)| (j, k == DraftKind::ThankYou);
        self.start_sent
            .binary_search_by_key(&(i, kind == DraftKind::ThankYou), key)
            .ok()
            .map(|at| self.start_sent[at].2.as_str())
    }

    /// The names of the invitations an undo of this run took back to a
    /// step made before `since` that the checklist lists (a decision or a
    /// draft of an earlier run): `export --since` leaves them out, though
    /// this run changed them.
    pub fn brought_back_before(&self, since: NaiveDateTime) -> Vec<String> {
        let mut idx = self.brought_back.clone();
        idx.sort_unstable();
        idx.dedup();
        idx.into_iter()
            .map(|i| &self.invitations[i as usize])
            .filter(|inv| {
                self.journal
                    .state_for(inv, self.now)
                    .and_then(|e| e.last_step())
                    .is_some_and(|t| t < since)
                    // An undo an hour or more after the step: `--since`
                    // lists it, as an undo since.
                    && self
                        .journal
                        .undone_decision(inv.id)
                        .is_none_or(|u| u.undone_at < since)
            })
            .map(|inv| name_line(inv.counterpart()))
            .collect()
    }

    /// Whether the checklist of this export lists anything: a decision or
    /// a draft on one of its invitations, or a thank-you still to send to
    /// someone accepted and gone from it.
    pub fn anything_listed(&self) -> bool {
        self.decisions.iter().any(Option::is_some)
            || self.invitations.iter().any(|inv| {
                self.journal
                    .state_for(inv, self.now)
                    .is_some_and(|e| e.last_step().is_some())
            })
            || crate::export::thanks_listed(&self.invitations, &self.journal, None) > 0
            // A decision undone late: listed, to check on LinkedIn.
            || self
                .invitations
                .iter()
                .any(|inv| self.journal.undone_decision(inv.id).is_some())
    }

    /// [`Action::Leave`]: what to say on leaving (a key, a SIGTERM or a
    /// hang-up) about words not saved in the journal, each a message for
    /// standard error:
    ///
    /// - a changed draft open (Ctrl-C, q in a shrunk composer, a signal) is
    ///   made durable (its file is not fsync'd on every key) and said to be
    ///   kept; one the disk does not take, even now, is printed instead,
    ///   under a line saying whose it is (a signal does not ask first, as
    ///   quitting does);
    /// - so is the check pad's note;
    /// - a discarded draft whose file could not be removed (tried again
    ///   now) would come back.
    pub(super) fn leave(&mut self) -> Vec<String> {
        let mut words = Vec::new();
        // Deleted since the last step: the next start would find none.
        let journal = crate::text::shown_path(self.journal.path());
        // One with nothing in it loses nothing: its folder deleted with it
        // stays deleted.
        let blank = self.journal.is_blank();
        let written_back = if blank {
            Ok(true)
        } else {
            self.journal.write_back_if_deleted()
        };
        // Cut short since the last step: the steps before the cut would
        // be gone for the next start. Put back whole; on a failure the
        // refused steps' warning below says what to compare.
        let cut_short = if blank {
            Ok(false)
        } else {
            self.journal.write_back_if_cut_short()
        };
        if let Err(e) = &cut_short {
            words.push(format!(
                "warning: the journal {journal} was cut short by another program while invitriage was open, and could not be written back whole ({e}): steps recorded before the cut may be gone; compare with {}",
                self.export_command
            ));
        }
        // A journal another file took the place of (`cp`, `mv`) is said
        // to be replaced: "deleted" sent the user looking for a missing
        // file.
        let (gone, not_back) = match written_back {
            Ok(true) => ("deleted", String::new()),
            Ok(false) => match std::fs::symlink_metadata(self.journal.path()) {
                Ok(_) => ("replaced by another file", String::new()),
                Err(e) => ("deleted", format!(" ({e})")),
            },
            Err(e) => ("deleted", format!(" ({e})")),
        };
        // Written over in place by another program since the last step
        // (no step was there to be refused): the screen's copy is kept.
        match self.journal.rescue_if_written_over() {
            Some(Ok(kept)) => words.push(format!(
                "warning: the journal {journal} was written over by another program while invitriage was open: the journal as this screen knew it, every step recorded, is kept in {}, which the next start on this data folder names beside it (or takes back into an empty journal)",
                crate::text::shown_path(&kept)
            )),
            Some(Err(e)) => words.push(format!(
                "warning: the journal {journal} was written over by another program while invitriage was open, and the journal as this screen knew it could not be kept ({e}): steps recorded before may be gone from it"
            )),
            None => {}
        }
        // Not put back: kept in the temporary folder, for the next start.
        let mut lost_copy = None;
        match self.journal.rescue_if_lost() {
            // Said again if it was put back earlier in the run.
            None if self.journal.was_written_back() => words.push(format!(
                "the journal {journal} had been {} while invitriage was open: written back whole, so the next start finds every step{}",
                if self.journal.was_cut_short() {
                    "cut short by another program"
                } else {
                    "deleted"
                },
                self.journal
                    .cut_short_left()
                    .map(|left| format!(
                        "; what the file held then is kept in {}",
                        crate::text::shown_path(left)
                    ))
                    .unwrap_or_default()
            )),
            None => {}
            Some(Ok(kept)) => {
                words.push(format!(
                    "warning: the journal {journal} was {gone} while invitriage was open and could not be put back{not_back}: its steps are kept in {} instead, which the next start on this data folder takes back (or names, if a journal with steps is there)",
                    crate::text::shown_path(&kept)
                ));
                lost_copy = Some(kept);
            }
            Some(Err(e)) => words.push(format!(
                "warning: the journal {journal} was {gone} while invitriage was open and could not be put back{not_back}, nor kept in the temporary folder ({e}): the next start will find none of its steps"
            )),
        }
        // Drafts left for later whose folder went meanwhile: written again.
        let open = self
            .composer
            .as_ref()
            .map(|c| (self.invitations[c.index as usize].id, c.kind()));
        words.extend(self.journal.keep_lost_unsaved(open));
        if let Some((n, what)) = self.journal.refused_steps() {
            let steps = if n == 1 {
                "1 step was".to_string()
            } else {
                format!("{n} steps were")
            };
            // The journal as this screen knew it, kept where the next
            // start finds it: the steps before the change are not lost
            // with what another program did to the file.
            // Kept once: a deleted one's copy above holds the same.
            let kept = match lost_copy {
                Some(kept) => Some(Ok(kept)),
                None => self.journal.rescue_if_refused(),
            };
            let before = match kept {
                Some(Ok(kept)) => format!(
                    " (the journal as this screen knew it, every step recorded before, is kept in {}: the next start on this data folder takes it back into an empty journal, or names it beside one with steps)",
                    crate::text::shown_path(&kept)
                ),
                // The temporary folder failed: said, not promised.
                Some(Err(e)) => format!(
                    " (and the journal as this screen knew it could not be kept in the temporary folder ({e}): steps recorded before may be gone from it; compare with {})",
                    self.export_command
                ),
                // No copy (a journal over 64 MB): what to do first.
                _ if !self.journal.keeps_a_copy() => format!(
                    " (steps recorded before may be gone from it: put back a copy of the journal you trust first, if you have one, and compare with {})",
                    self.export_command
                ),
                // Cut short, it may have lost steps recorded before too.
                _ if what == crate::journal::CUT_SHORT => format!(
                    " (steps recorded before it may be gone with what was cut: compare with {})",
                    self.export_command
                ),
                _ => String::new(),
            };
            words.push(format!(
                "warning: {steps} not recorded, as the journal {} {what} while invitriage was open{before}; start invitriage again, which reads the journal as it is now, and take {} again",
                crate::text::shown_path(self.journal.path()),
                if n == 1 { "it" } else { "them" }
            ));
        }
        if let Some(draft) = self.open_unsaved() {
            let (id, kind, text) = (draft.id, draft.kind, draft.text.clone());
            let name = self.name_of(id, "");
            // A reply written over an accept (after asking) does not open
            // at the next start: said, with why.
            let barred = self
                .composer
                .as_ref()
                .map(|c| c.index)
                .filter(|&idx| self.draft_barred(idx, kind).is_some())
                .map(|idx| self.why_waiting(idx, kind));
            // The disk may take it now (space freed since): a last try.
            let kept = if self.draft_on_disk() {
                Ok(())
            } else {
                self.kept_unsaved = Some((id, kind));
                self.journal.keep_unsaved(draft)
            };
            words.push(match kept.and_then(|()| self.journal.sync_unsaved(id, kind)) {
                Ok(()) => match barred {
                    Some(why) => format!(
                        "your {} to {name} is kept, not saved, but the next start will not open it: {why}",
                        kind.label()
                    ),
                    None => format!(
                        "your {} to {name} is kept, not saved: the next start opens it again",
                        kind.label()
                    ),
                },
                // Kept in the temporary folder instead, for the next start
                // to take back: after a hang-up, these words reach no one.
                Err(e) => match self
                    .open_unsaved()
                    .map(|draft| self.journal.rescue_unsaved(&draft))
                {
                    Some(Ok(path)) => format!(
                        "your {} to {name} is not saved, and the data folder cannot keep it ({e}): kept in {} instead, which the next start takes back; here it is:\n{text}",
                        kind.label(),
                        crate::text::shown_path(&path)
                    ),
                    _ => format!(
                        "your {} to {name} is not saved, and cannot be kept on disk ({e}); here it is:\n{text}",
                        kind.label()
                    ),
                },
            });
        }
        // Drafts left for later (`l` at the discard question), or by an
        // earlier run, and not opened since.
        let open = self
            .composer
            .as_ref()
            .map(|c| (self.invitations[c.index as usize].id, c.kind()));
        // One the decision since bars (a reply, then an accept) is not
        // opened by the next start: said apart, with why.
        let barred = |u: &Unsaved| {
            let idx = *self.id_index.get(&u.id)?;
            self.draft_barred(idx, u.kind)?;
            Some(self.why_waiting(idx, u.kind))
        };
        let mut later: Vec<(NaiveDateTime, DraftKind, String)> = Vec::new();
        let mut waiting = Vec::new();
        // Left for an invitation not in this export (an earlier run's, or
        // one gone since): the next start on this export does not offer
        // it; the export it was written on does.
        let mut elsewhere: Vec<String> = Vec::new();
        for u in self.journal.unsaved_drafts() {
            if open == Some((u.id, u.kind)) {
                continue;
            }
            let name = self.name_of(u.id, &u.name);
            if !self.id_index.contains_key(&u.id) {
                // Barred by the decision since, the export it was written
                // on would not open it either.
                let decision = self.journal.state(u.id).and_then(|e| e.decision());
                if u.kind.fits(decision) {
                    elsewhere.push(format!("your {} to {name}", u.kind.label()));
                } else {
                    waiting.push(format!(
                        "your {} to {name}, for an invitation not in this export, stays on disk but will not open: {}",
                        u.kind.label(),
                        match u.kind {
                            DraftKind::Reply =>
                                "a reply is instead of accepting, and they are accepted now",
                            DraftKind::ThankYou =>
                                "a thank-you follows an accept, and they are not accepted now",
                        }
                    ));
                }
                continue;
            }
            match barred(u) {
                Some(why) => waiting.push(format!(
                    "your {} to {name}, left for later, stays on disk but will not open: {why}",
                    u.kind.label()
                )),
                None => later.push((u.at, u.kind, name)),
            }
        }
        later.sort_by(|a, b| (a.0, &a.2).cmp(&(b.0, &b.2)));
        // "your replies to A and B, and your thank-you to C".
        let parts: Vec<String> = [
            (DraftKind::Reply, "reply", "replies"),
            (DraftKind::ThankYou, "thank-you", "thank-yous"),
        ]
        .into_iter()
        .filter_map(|(kind, one, many)| {
            let names: Vec<String> = later
                .iter()
                .filter(|l| l.1 == kind)
                .map(|l| l.2.clone())
                .collect();
            let what = if names.len() == 1 { one } else { many };
            (!names.is_empty()).then(|| format!("your {what} to {}", and_list(&names)))
        })
        .collect();
        if !parts.is_empty() {
            words.push(format!(
                "left for later, not saved: {}; the next start offers {} again",
                parts.join(", and "),
                if later.len() == 1 { "it" } else { "them" }
            ));
        }
        waiting.sort();
        words.extend(waiting);
        if !elsewhere.is_empty() {
            elsewhere.sort();
            words.push(format!(
                "left for later, not saved: {}, for {} not in this export: opening the export {} written on offers {} again",
                and_list(&elsewhere),
                if elsewhere.len() == 1 {
                    "an invitation"
                } else {
                    "invitations"
                },
                if elsewhere.len() == 1 { "it was" } else { "each was" },
                if elsewhere.len() == 1 { "it" } else { "them" }
            ));
        }
        if let Some(pad) = &self.check_pad {
            let text = pad.lines().join("\n");
            if !text.trim().is_empty() {
                let kept = self
                    .journal
                    .keep_check_note(&text)
                    .and_then(|()| self.journal.sync_check_note());
                if let Err(e) = kept {
                    // Kept where the next start looks, as an unsaved draft
                    // is: a closed terminal reads no words.
                    words.push(match self.journal.rescue_check_note(&text) {
                        Ok(path) => format!(
                            "the check pad's note cannot be kept in the data folder ({e}): kept in {} instead, which the next start takes back; here it is:\n{text}",
                            crate::text::shown_path(&path)
                        ),
                        Err(_) => format!(
                            "the check pad's note cannot be kept on disk ({e}); here it is:\n{text}"
                        ),
                    });
                }
            }
        }
        for (draft, e) in self.journal.remove_unremoved() {
            let name = self.name_of(draft.id, &draft.name);
            let (path, why) = match &e {
                JournalError::Io { path, source, .. } => (crate::text::shown_path(path), source),
                _ => continue,
            };
            // Saved since (a save forgets the unsaved copy too), or
            // discarded.
            let saved = self
                .journal
                .state(draft.id)
                .and_then(|e| e.draft(draft.kind))
                .is_some_and(|d| d.at >= draft.at);
            words.push(if saved {
                format!(
                    "an unsaved copy of your {} to {name}, older than the one you saved, is still in {path}, which cannot be removed: {why}; the next start offers it again (Esc, then y, keeps the saved one): remove it by hand",
                    draft.kind.label()
                )
            } else {
                format!(
                    "your discarded {} to {name} is still in {path}, which cannot be removed: {why}; the next start offers it again: remove it by hand",
                    draft.kind.label()
                )
            });
        }
        // Last, after the words at stake have had the disk: not worth a
        // word when it fails, as it only decides what the next start calls
        // new, and that falls back to the last step.
        if let Some(seen) = self.seen_now.take().filter(|_| self.news_shown) {
            let _ = self.journal.record_seen(seen);
        }
        words
    }

    /// The name of the person invitation `id` is with, as a line; `or`
    /// (kept with a draft) when it is not in this export.
    fn name_of(&self, id: InvitationId, or: &str) -> String {
        match self.id_index.get(&id) {
            Some(&i) => name_line(self.invitations[i as usize].counterpart()),
            None => name_line(or),
        }
    }

    /// Whether the composer's changed draft is on disk as it reads now (it
    /// may not be: the data folder full or read-only).
    pub(super) fn draft_on_disk(&self) -> bool {
        let Some(c) = &self.composer else {
            return false;
        };
        let id = self.invitations[c.index as usize].id;
        match c.changed_text() {
            Some(text) => self
                .journal
                .unsaved(id, c.kind())
                .is_some_and(|u| u.text == text),
            None => false,
        }
    }

    /// Decisions in the journal for invitations not in this export (see
    /// [`Journal::decided_elsewhere`](crate::journal::Journal::decided_elsewhere)).
    pub fn decided_elsewhere(&self) -> usize {
        self.journal
            .decided_elsewhere(|id| self.id_index.contains_key(id))
    }

    /// Of [`App::decided_elsewhere`], the sent invitations marked to
    /// withdraw (withdrawn on LinkedIn, they leave the export too).
    pub fn withdrawn_elsewhere(&self) -> usize {
        self.journal
            .iter()
            .filter(|(id, e)| {
                e.decision() == Some(Decision::Withdrawn) && !self.id_index.contains_key(id)
            })
            .count()
    }

    /// A newer export, a week on: the received invitations newer than any
    /// the screen had seen ([`AppInit::seen_before`]) are the news, and a
    /// note says how many. Before any export was seen (the sample, or a
    /// journal older than `seen.json`), those after the last decision or
    /// draft. An older export than one seen before has no news: a note
    /// says it is older instead, as the people it shows pending may have
    /// left the newer one.
    ///
    /// The note goes first: the status line shows the first, and the news
    /// is told once (the next start counts from this export), while the
    /// other notes come back at every start.
    ///
    /// [`AppInit::seen_before`]: super::AppInit::seen_before
    pub(super) fn note_arrived_since(&mut self) {
        if let Some(note) = self.note_older_export() {
            self.notices.insert(0, note);
            return;
        }
        let (after, since) = match self.seen_before {
            Some(seen) => {
                let opened = if seen.opened.date() == self.now.date() {
                    "earlier today".to_string()
                } else {
                    format!("on {}", seen.opened.format("%-d %b %Y"))
                };
                (
                    seen.newest,
                    format!("new since the export you opened {opened}"),
                )
            }
            None => {
                let last = self
                    .journal
                    .iter()
                    .flat_map(|(_, e)| {
                        e.decided_at()
                            .into_iter()
                            .chain(e.reply.iter().chain(&e.thank_you).map(|d| d.at))
                    })
                    .max();
                let Some(last) = last else { return };
                let when = last.format("%-d %b %Y");
                (last, format!("came after your last step ({when})"))
            }
        };
        // A date to come (a damaged row, a clock that was ahead) is no
        // news, as it is not what was seen either (see `cli::triage`).
        let soon = self.now + chrono::Duration::days(1);
        let (mut new, mut again) = (0, 0);
        // The groups they are in, as their tabs are named.
        let mut groups = [false; 3];
        for i in &self.invitations {
            if i.direction == Direction::Incoming
                && i.sent_at > after
                && i.sent_at <= soon
                // A re-invite after a decision on an earlier invitation
                // is new too: it waits at the top with the others (another
                // note names them).
                && self.journal.state_for(i, self.now).is_none()
            {
                new += 1;
                again += usize::from(self.journal.state(i.id).is_some());
                groups[i.category.index()] = true;
            }
        }
        // Where the list's order has an exception, it is said.
        let pitches = if groups[Category::Customised.index()] {
            " (on Customised, pitches come last)"
        } else {
            ""
        };
        if new > 0 {
            // Where they are: the screen may open on another group.
            let tabs: Vec<String> = Category::ALL
                .into_iter()
                .filter(|c| groups[c.index()])
                .map(|c| Tab::of(c).title().to_string())
                .collect();
            let place = match tabs.len() {
                3 => "each group's list".to_string(),
                _ => and_list(&tabs),
            };
            // Short, for a status line that also says something else.
            let short = format!("{new} new invitation{} at the top of {place}", plural(new));
            let is = match (self.seen_before, new) {
                (None, _) => "",
                (Some(_), 1) => "is ",
                (Some(_), _) => "are ",
            };
            let again = match (new, again) {
                (_, 0) => String::new(),
                (1, _) => ", from someone you decided on before".to_string(),
                (_, 1) => ", 1 of them from someone you decided on before".to_string(),
                (_, n) if n == new => ", all from people you decided on before".to_string(),
                (_, n) => format!(", {n} of them from people you decided on before"),
            };
            let note = format!(
                "{new} invitation{} {is}{since}{again}: at the top of {place}, newest first{pitches}",
                plural(new)
            );
            self.notices.insert(0, note.clone());
            self.news = Some((note, short));
        }
    }

    /// Tells the news the start held back (see [`App::recover_unsaved`])
    /// once what held it back is gone and the list is back, where the news
    /// is: the composer on the draft the start reopened closed, or the
    /// note about a draft that does not open replaced by a key. After what
    /// that key said, or after the report of the copy that saving a draft
    /// makes (the loop sends it back as the next action, which would
    /// replace it); not on quitting, which ends before another frame. Cut
    /// short, the status line says it in short, and where to read the
    /// note whole.
    pub(super) fn tell_news_due(&mut self, effect: Option<&Effect>) {
        let Some(due) = &self.news_due else { return };
        let held = match &due.behind {
            None => self.composer.is_some(),
            Some(behind) => self.status.as_ref().is_some_and(|s| s.text == *behind),
        };
        if held
            || self.mode != Mode::List
            || matches!(
                effect,
                Some(Effect::Copy { .. } | Effect::OpenUrl { .. } | Effect::Quit)
            )
        {
            return;
        }
        let Some(NewsDue {
            news: (news, short),
            ..
        }) = self.news_due.take()
        else {
            return;
        };
        let help = self.keymap.hint(&Action::Help);
        self.status = Some(match self.status.take() {
            Some(said) => Status {
                text: format!("{} · {news}", said.text),
                error: said.error,
                when_cut: Some(format!("{} · {short} ({help} shows the note)", said.text)),
            },
            None => Status {
                text: news,
                error: false,
                when_cut: Some(format!("{short} ({help} shows the note)")),
            },
        });
        // Drawn next, on a screen large enough (keys do nothing on one too
        // small, and the composer cannot close there).
        if !self.too_small() {
            self.news_shown = true;
        }
    }

    /// When this export's newest received invitation is older than the
    /// newest the screen has seen ([`AppInit::seen_before`]), a note
    /// saying so, with both dates.
    ///
    /// [`AppInit::seen_before`]: super::AppInit::seen_before
    fn note_older_export(&self) -> Option<String> {
        crate::report::older_export(self.seen_before?, &self.invitations, self.now)
            .map(|older| {
                format!(
                    "{older}; people it shows pending may have left the newer one (if that one was answered since, this export may be the newest){}",
                    crate::report::unread_newest(self.skipped_rows)
                )
            })
    }

    /// Says which invitations came after a decision on an earlier one
    /// between the same two people: the decision no longer holds, and the
    /// invitation waits with the undecided ones (see
    /// [`crate::journal::Decided::predates`]).
    pub(super) fn note_invited_again(&mut self) {
        // The journal holds the user's decisions, far fewer than the rows.
        let mut again: Vec<(NaiveDateTime, u32)> = self
            .journal
            .iter()
            .filter_map(|(id, _)| {
                let i = *self.id_index.get(&id)?;
                let inv = &self.invitations[i as usize];
                self.journal.earlier(inv, self.now)?;
                Some((inv.sent_at, i))
            })
            .collect();
        if again.is_empty() {
            return;
        }
        again.sort_unstable();
        let names: Vec<String> = again
            .iter()
            .rev()
            .take(3)
            .map(|&(_, i)| name_line(self.invitations[i as usize].counterpart()))
            .collect();
        let who = names_and_more(&names, again.len());
        let first = &self.invitations[again[0].1 as usize];
        let earlier = self.journal.earlier(first, self.now).map(|d| d.decision);
        self.notices.push(match (again.len(), first.direction, earlier) {
            (1, Direction::Outgoing, _) => format!(
                "You invited {who} again after withdrawing: pending again, not to withdraw"
            ),
            (1, _, Some(d)) => {
                let to = if d == Decision::Replied { " to" } else { "" };
                format!(
                    "{who} invited you again (you {}{to} their earlier invitation): undecided again",
                    d.label()
                )
            }
            (n, _, _) => format!(
                "{n} invitations are newer than an earlier one you decided on ({who}): undecided again"
            ),
        });
    }

    /// Says which invitations are superseded ([`App::is_superseded`]), as
    /// the undecided filter leaves them out and the progress counts them
    /// as done: without a word, one would seem lost.
    pub(super) fn note_superseded(&mut self) {
        if self.superseded.is_empty() {
            return;
        }
        let mut rows: Vec<u32> = self.superseded.iter().copied().collect();
        rows.sort_unstable_by_key(|&i| (self.invitations[i as usize].sent_at, i));
        let filter = self.keymap.hint(&Action::CycleFilter);
        let key = if filter.is_empty() {
            String::new()
        } else {
            format!(" ({filter} changes the filter)")
        };
        let text = match rows.as_slice() {
            [one] => {
                let inv = &self.invitations[*one as usize];
                let later = self.journal.later(inv).unwrap_or(inv.sent_at);
                let name = name_line(inv.counterpart());
                format!(
                    "{} · nothing to decide on it here: left out of the undecided ones; the filter all lists it{key}",
                    super::superseded_by(inv.direction, Some(&name), later)
                )
            }
            many => {
                let names: Vec<String> = many
                    .iter()
                    .rev()
                    .take(3)
                    .map(|&i| name_line(self.invitations[i as usize].counterpart()))
                    .collect();
                let who = names_and_more(&names, many.len());
                format!(
                    "{} invitations here are superseded ({who}): a later invitation between the same two people has a decision or a draft from a newer export · nothing to decide on them here: left out of the undecided ones; the filter all lists them{key}",
                    many.len()
                )
            }
        };
        self.notices.push(text);
    }

    /// Says who has more than one invitation in this export (joined
    /// exports, or a re-sent invitation with a new note beside the old):
    /// they share an id, from the two profile URLs, and so a decision on
    /// one is on each, which one key doing two rows would not say.
    pub(super) fn note_repeated_ids(&mut self) {
        if self.id_repeats.is_empty() {
            return;
        }
        let mut people: Vec<(u32, Vec<u32>)> = self
            .id_repeats
            .iter()
            .map(|(id, later)| (self.id_index[id], later.clone()))
            .collect();
        people.sort_unstable();
        let lines = |first: u32, later: &[u32]| {
            let all: Vec<String> = std::iter::once(first)
                .chain(later.iter().copied())
                .map(|i| self.invitations[i as usize].line.to_string())
                .collect();
            and_list(&all)
        };
        let name = |i: u32| name_line(self.invitations[i as usize].counterpart());
        self.notices.push(match people.as_slice() {
            [(first, later)] => format!(
                "{} has {} invitations in this export (lines {}), between the same two people: a decision made here on one is on each (were two exports joined?)",
                name(*first),
                later.len() + 1,
                lines(*first, later)
            ),
            _ => {
                let names: Vec<String> = people.iter().take(3).map(|(i, _)| name(*i)).collect();
                let who = names_and_more(&names, people.len());
                format!(
                    "{} people have more than one invitation in this export ({who}): a decision made here on one is on each (were two exports joined?)",
                    people.len()
                )
            }
        });
    }

    /// Unsaved drafts left for invitations not in this export (another
    /// export, or the sample) are a note from loading: they stay on disk.
    pub(super) fn note_unsaved_elsewhere(&mut self) {
        let mut names: Vec<&str> = Vec::new();
        let mut barred: Vec<&str> = Vec::new();
        let mut elsewhere = 0;
        for u in self.journal.unsaved_drafts() {
            if self.id_index.contains_key(&u.id) {
                continue;
            }
            // Barred by the decision since (a reply, then an accept): the
            // export it was written on does not open it either.
            if !u
                .kind
                .fits(self.journal.state(u.id).and_then(|e| e.decision()))
            {
                if !barred.contains(&u.name.as_str()) {
                    barred.push(u.name.as_str());
                }
                continue;
            }
            elsewhere += 1;
            // A reply and a thank-you to one person name them once.
            if !names.contains(&u.name.as_str()) {
                names.push(u.name.as_str());
            }
        }
        if elsewhere > 0 {
            let (what, whose) = if elsewhere == 1 {
                ("1 unsaved draft", "belongs to an invitation")
            } else {
                (
                    &*format!("{elsewhere} unsaved drafts"),
                    "belong to invitations",
                )
            };
            // First of the notes after the news (told once): words are at
            // stake. An export made after an accept on LinkedIn no longer
            // holds the invitation, so the one it was written on is the
            // way back to it.
            self.notices.insert(
                0,
                format!(
                    "{what} from an earlier run (to {}) {whose} not in this export: open the export {} written on to finish {} (the text is kept in {})",
                    crate::text::some_names(&names),
                    if elsewhere == 1 { "it was" } else { "each was" },
                    if elsewhere == 1 { "it" } else { "them" },
                    crate::text::shown_path(&self.journal.unsaved_dir())
                ),
            );
        }
        if !barred.is_empty() {
            let n = barred.len();
            // Words at stake too: first, with the others.
            self.notices.insert(0, format!(
                "{n} unsaved draft{} from an earlier run (to {}) {} for {} not in this export, and no export opens {}: the decision on it does not fit the draft (a reply after an accept, a thank-you without one); the text is kept in {}",
                crate::text::plural(n),
                crate::text::some_names(&barred),
                if n == 1 { "is" } else { "are" },
                if n == 1 { "an invitation" } else { "invitations" },
                if n == 1 { "it" } else { "them" },
                crate::text::shown_path(&self.journal.unsaved_dir())
            ));
        }
    }

    /// Why a draft of `kind` left for later waits, unopened, when the
    /// decision since bars it ([`App::draft_barred`]), and the key that
    /// lets it open: `u` only while the accept is the step it undoes. Or
    /// that the invitation is superseded ([`App::superseded`]).
    pub(super) fn why_waiting(&self, idx: u32, kind: DraftKind) -> String {
        if let Some(why) = self.superseded(idx) {
            return why;
        }
        match kind {
            DraftKind::Reply => format!(
                "a reply is instead of accepting, and they are accepted now{}",
                self.reply_route(idx)
            ),
            DraftKind::ThankYou => format!(
                "a thank-you follows an accept, and they are not accepted now{}",
                self.keymap.aside(&Action::Accept, "accepts")
            ),
        }
    }

    /// When the unsaved draft of `kind` on row `idx` was written for the
    /// person's earlier invitation (more than a day before this one, in an
    /// older export), that invitation's `Sent At`.
    pub(super) fn unsaved_for_earlier(&self, idx: u32, kind: DraftKind) -> Option<NaiveDateTime> {
        let inv = &self.invitations[idx as usize];
        let sent = self.journal.unsaved(inv.id, kind)?.sent?;
        crate::journal::made_before(sent, inv.sent_at).then_some(sent)
    }

    /// Opens the composer on the newest unsaved draft an earlier run left
    /// for an invitation in this export, and says so. The others stay on
    /// disk, and `r` (or `t`) on their invitation opens each. One that the
    /// invitation's decision since bars (a reply left for later, then an
    /// accept) is not opened: a note says why, and it stays on disk.
    pub(super) fn recover_unsaved(&mut self) {
        // A note the start put first on the status line that is not the
        // news (a step to take, an export older than one opened before)
        // keeps it; the news gives way to a draft's, and follows it.
        let keeps_line = self
            .notices
            .first()
            .is_some_and(|first| self.news.as_ref().is_none_or(|(news, _)| first != news));
        let (found, barred): (Vec<(NaiveDateTime, u32, DraftKind)>, Vec<_>) = self
            .journal
            .unsaved_drafts()
            .filter_map(|u| Some((u.at, *self.id_index.get(&u.id)?, u.kind)))
            .partition(|&(_, idx, kind)| self.draft_barred(idx, kind).is_none());
        for &(at, idx, kind) in &barred {
            let inv = &self.invitations[idx as usize];
            // Written in a newer export, on a later invitation: it waits
            // for that one.
            let later = self
                .journal
                .unsaved(inv.id, kind)
                .and_then(|u| u.sent)
                .filter(|&sent| crate::journal::later_than(Some(sent), inv.sent_at));
            let why = match later {
                Some(sent) => format!(
                    "it answers their later invitation, of {}, in a newer export · open that export to go on with it",
                    sent.format("%-d %b %Y")
                ),
                None => self.why_waiting(idx, kind),
            };
            let name = name_line(self.invitations[idx as usize].counterpart());
            self.notices.push(format!(
                "Your unsaved {} to {name} ({}) waits on disk, not opened: {why}",
                kind.label(),
                at.format("%-d %b, %H:%M")
            ));
        }
        // Written for the person's earlier invitation, in an older export:
        // not opened on this one unasked, and said so.
        let (mut found, earlier): (Vec<_>, Vec<_>) = found
            .into_iter()
            .partition(|&(_, idx, kind)| self.unsaved_for_earlier(idx, kind).is_none());
        for &(at, idx, kind) in &earlier {
            let name = name_line(self.invitations[idx as usize].counterpart());
            let sent = self.unsaved_for_earlier(idx, kind).unwrap_or(at);
            // The only way to it: without a key, that it has none.
            let key = self.keymap.key_does_or_none(
                &Action::compose(kind),
                "on their invitation here opens it, to save it for this one or discard it",
            );
            self.notices.push(format!(
                "Your unsaved {} to {name} ({}) was written for their earlier invitation, of {}, in an older export: not opened · {key}",
                kind.label(),
                at.format("%-d %b, %H:%M"),
                sent.format("%-d %b %Y")
            ));
        }
        found.sort_unstable_by_key(|&(at, idx, _)| std::cmp::Reverse((at, idx)));
        let Some(&(at, idx, kind)) = found.first() else {
            if (!barred.is_empty() || !earlier.is_empty()) && keeps_line {
                let help = self.keymap.hint(&Action::Help);
                let (n, first) = (self.notices.len(), self.notices[0].clone());
                let text = format!("{n} notes ({help} shows them): {first}");
                // The news held behind the start's line waits behind this.
                if let Some(NewsDue {
                    behind: Some(behind),
                    ..
                }) = &mut self.news_due
                {
                    behind.clone_from(&text);
                }
                self.set_status(text);
            } else if !barred.is_empty() || !earlier.is_empty() {
                let help = self.keymap.hint(&Action::Help);
                let first = self.notices.last().cloned().unwrap_or_default();
                let text = match self.notices.len() {
                    1 => first,
                    n => format!("{first} · {n} notes: {help} shows them"),
                };
                // It takes the status line from the news, which waits for
                // the next key, and is not seen till then.
                self.news_due = self.news.clone().map(|news| NewsDue {
                    news,
                    behind: Some(text.clone()),
                });
                self.set_status(text);
            }
            return;
        };
        // The list under the composer on its invitation, for when it
        // closes (c, o, the next decision).
        self.show(idx);
        self.compose(idx, kind);
        // What the composer says takes the status line: the news waits for
        // the list to be back (it is at the top of the lists), and is not
        // seen till then.
        self.news_due = self.news.clone().map(|news| NewsDue { news, behind: None });
        let name = name_line(self.invitations[idx as usize].counterpart());
        let what = match kind {
            DraftKind::Reply => "reply to",
            DraftKind::ThankYou => "thank-you to",
        };
        // A copy a save could not remove (its folder read-only), with the
        // words of before: the saved draft is newer, and the one to keep.
        let saved = self
            .journal
            .state(self.invitations[idx as usize].id)
            .and_then(|e| {
                e.draft(kind)
                    .filter(|d| d.at > at)
                    .map(|d| d.at.format("%-d %b, %H:%M:%S").to_string())
            });
        let mut text = match saved {
            Some(saved) => format!(
                "Recovered an unsaved {what} {name} ({}), older than the one saved {saved}: Esc, then y, keeps the saved one; Ctrl-S saves this instead",
                at.format("%-d %b, %H:%M:%S")
            ),
            None => format!(
                "Recovered your unsaved {what} {name} ({}): Ctrl-S saves it{}",
                at.format("%-d %b, %H:%M"),
                // Saved over a version marked sent, it is the next message.
                self.journal
                    .state(self.invitations[idx as usize].id)
                    .and_then(|e| e.draft(kind)?.marked_sent)
                    .map_or(String::new(), |at| format!(
                        ", a new message to send: the one saved was marked sent {}",
                        at.format("%-d %b")
                    ))
            ),
        };
        let more = found.len() - 1;
        if more > 0 {
            // Whose, and the key of each kind: a thank-you opens with t.
            let rest = &found[1..];
            // A reply and a thank-you to one person name them once.
            let mut names: Vec<String> = Vec::new();
            for &(_, i, _) in rest {
                let name = name_line(self.invitations[i as usize].counterpart());
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let kinds: Vec<DraftKind> = [DraftKind::Reply, DraftKind::ThankYou]
                .into_iter()
                .filter(|&kind| rest.iter().any(|f| f.2 == kind))
                .collect();
            let keys: Vec<String> = kinds
                .iter()
                .map(|&kind| self.keymap.hint(&Action::compose(kind)))
                .collect();
            if keys.iter().all(|key| !key.is_empty()) {
                text.push_str(&format!(
                    " · {more} more unsaved draft{} (to {}: {} on their invitation opens {})",
                    plural(more),
                    crate::text::some_names(&names),
                    keys.join(" or "),
                    if more == 1 { "it" } else { "each" }
                ));
            } else {
                // A kind without a key has no way to it but a config
                // that gives it one: each kind said on its own.
                let ways: Vec<String> = kinds
                    .iter()
                    .map(|&kind| {
                        let action = Action::compose(kind);
                        self.keymap.key_does_or_none(
                            &action,
                            &format!("on their invitation opens a {}", kind.label()),
                        )
                    })
                    .collect();
                text.push_str(&format!(
                    " · {more} more unsaved draft{}, to {}: {}",
                    plural(more),
                    crate::text::some_names(&names),
                    ways.join("; ")
                ));
            }
        }
        // The notes from loading stay one key away, from the list: in
        // the composer the key is typed into the draft.
        if !self.notices.is_empty() {
            text.push_str(&format!(
                " · notes: {} on the list shows them",
                self.keymap.hint(&Action::Help)
            ));
        }
        self.set_status(text);
    }
}

/// "Ana Ruiz, Bo Chen and 3 more": `names`, the first of `total` people.
fn names_and_more(names: &[String], total: usize) -> String {
    let mut who = names.join(", ");
    if total > names.len() {
        who.push_str(&format!(" and {} more", total - names.len()));
    }
    who
}
