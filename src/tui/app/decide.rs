//! Decisions: accept, ignore and withdraw on one row, on the marked ones or
//! on a whole tab, moving on to the next undecided row, and undo.

use chrono::{Datelike, NaiveDateTime};

use crate::classify::{Category, Signals};
use crate::invitation::{Direction, Invitation, InvitationId};
use crate::journal::{self, Decision};
use crate::stats;
use crate::text::{name_line, plural};
use crate::tui::keys::Action;

use super::{App, Bulk, Filter, Mode, Tab, UNDO_ASKS_ABOVE, decision_verb, not_saved, some_of};

impl App {
    /// Moves the cursor to the next row without a decision after `from`,
    /// or stays when there is none.
    pub(super) fn advance_to_undecided(&mut self, from: usize) {
        let next = (from + 1..self.rows.len())
            .chain(0..from)
            .find(|&r| self.awaits(self.rows[r]));
        match next {
            Some(r) => self.move_to(r),
            None if self.current_tab() != Tab::Sent => {
                // The list is done: say where the work goes on.
                let undecided = |t: Tab| self.members(t).iter().filter(|&&i| self.awaits(i));
                let hidden = undecided(self.tab).count();
                let next_tab = Category::ALL
                    .map(Tab::of)
                    .into_iter()
                    .find(|&t| undecided(t).next().is_some());
                // Without a key for the tab, the next-tab key when it gets
                // there in one press, else its name still says where the
                // work goes on.
                let go_to = |t: Tab| {
                    let next = if self.tab.next() == t {
                        self.keymap.hint(&Action::NextTab)
                    } else {
                        String::new()
                    };
                    match self.keymap.hint(&Action::Tab(t)) {
                        key if key.is_empty() && next.is_empty() => {
                            format!("{} is next", t.title())
                        }
                        key if key.is_empty() => format!("press {next} for {}", t.title()),
                        key => format!("press {key} for {}", t.title()),
                    }
                };
                let filter = self.keymap.hint(&Action::CycleFilter);
                let done = match next_tab {
                    // Under another filter, this tab's own.
                    _ if hidden > 0 => format!(
                        "all shown here decided · {hidden} undecided hidden by the filter{}",
                        self.keymap.aside(&Action::CycleFilter, "cycles it")
                    ),
                    // The filter goes along: under one that hides the
                    // undecided, that tab would look done too.
                    Some(t) if !matches!(self.filter, Filter::Undecided | Filter::All) => {
                        match filter.as_str() {
                            // Never so: only its key changes the filter.
                            "" => format!("all decided here · {}", go_to(t)),
                            f => format!(
                                "all decided here · {}, and {f} until the filter is undecided",
                                go_to(t)
                            ),
                        }
                    }
                    Some(t) => format!("all decided here · {}", go_to(t)),
                    // The command for this export and data folder is the
                    // one named on quitting.
                    None => format!(
                        "inbox done: {} quits and names the command that lists what to do on LinkedIn",
                        self.keymap.hint(&Action::Quit)
                    ),
                };
                if let Some(status) = &mut self.status {
                    status.text = format!("{} · {done}", status.text);
                } else {
                    self.set_status(done);
                }
            }
            None => {}
        }
    }

    /// `Nothing here to {verb}`, on a list with no row, and what could
    /// bring a row here: another filter, another tab.
    pub(super) fn nothing_here(&self, verb: &str) -> String {
        let tab = self.current_tab();
        if self.invitations.is_empty() {
            format!("Nothing here to {verb}: this export holds no invitation")
        } else if self.members(tab).is_empty() {
            format!(
                "Nothing here to {verb}{}",
                self.keymap.then(&Action::NextTab, "goes to the next tab")
            )
        } else {
            let (filter, next) = (
                self.keymap.hint(&Action::CycleFilter),
                self.keymap.hint(&Action::NextTab),
            );
            match (filter.is_empty(), next.is_empty()) {
                (false, false) => {
                    format!(
                        "Nothing here to {verb} · {filter} changes the filter, {next} the group"
                    )
                }
                (false, true) => format!("Nothing here to {verb} · {filter} changes the filter"),
                (true, false) => format!("Nothing here to {verb} · {next} goes to the next tab"),
                (true, true) => format!("Nothing here to {verb}"),
            }
        }
    }

    pub(super) fn decide_current(&mut self, decision: Decision) {
        let Some(idx) = self.current_index() else {
            self.set_status(self.nothing_here("decide"));
            return;
        };
        let inv = &self.invitations[idx as usize];
        // A sent invitation can only be withdrawn, a received one only not.
        match (inv.direction, decision) {
            (Direction::Outgoing, Decision::Withdrawn) => {}
            (Direction::Outgoing, _) => {
                self.set_status(self.sent_by_you());
                return;
            }
            (Direction::Incoming, Decision::Withdrawn) => {
                let sent = self.sent_tab_key();
                self.set_status(format!(
                    "Only an invitation you sent can be withdrawn: they are on the Sent tab{sent}"
                ));
                return;
            }
            (Direction::Incoming, _) => {}
        }
        if let Some(why) = self.superseded(idx) {
            self.set_error(format!("Not saved: {why}"));
            return;
        }
        let name = self.status_name(inv.counterpart());
        let (id, sent) = (inv.id, inv.sent_at);
        // `x` again takes the mark back: a sent invitation is not
        // decided on, only marked to withdraw on LinkedIn.
        if decision == Decision::Withdrawn && self.decisions[idx as usize] == Some(decision) {
            match self
                .journal
                .record_decision_on(&[id], &[sent], None, self.now_for_journal())
            {
                Ok(_) => {
                    let rows = self.indices_of(&[id]);
                    self.sync_decisions(&rows);
                    let undo = self.keymap.hint(&Action::Undo);
                    self.set_status(format!("No longer to withdraw: {name} · {undo} to undo"));
                }
                Err(e) => self.set_error(not_saved("Not saved", &e)),
            }
            return;
        }
        if self.decisions[idx as usize] == Some(decision) {
            // Written again, it would be a step for undo that changes
            // nothing: `u` would seem not to work. Its mark goes, as below.
            // Here only, when an export made since still has it pending:
            // "accepted already" would read as done on LinkedIn.
            let not_done = self
                .journal
                .decided(inv, self.now)
                .is_some_and(|d| crate::export::not_done_yet(d.decision, d.at, self.newest_sent));
            self.unmark(idx);
            let o = self.keymap.hint(&Action::OpenProfile);
            if not_done {
                let open = if o.is_empty() {
                    String::new()
                } else {
                    format!(": {o} opens the profile")
                };
                self.set_status(format!(
                    "{name}: {} already here, not yet on LinkedIn (this export, made since, has it pending){open}",
                    decision.label()
                ));
            } else {
                self.set_status(format!("{name}: {} already", decision.label()));
            }
            return;
        }
        // A saved reply is what "replied" sends, a thank-you what "accepted"
        // does; decided otherwise, it is kept but no longer to send, which
        // the status says, with the decision it overturns.
        let before = self.decisions[idx as usize];
        // An accept an hour or more old, which an earlier list may have had
        // done: ignoring it here leaves a connection to remove there.
        let accepted_then = self
            .journal
            .decided(inv, self.now)
            .filter(|d| {
                d.decision == Decision::Accepted
                    && decision == Decision::Ignored
                    && self.an_hour_since(d.at, d.tz)
                    && !crate::export::made_since(d.at, self.newest_sent)
            })
            .map(|d| d.at);
        let unsent = self
            .journal
            .state_for(inv, self.now)
            .and_then(|e| e.draft_to_send(before).map(|(kind, _)| kind));
        match self.journal.record_decision_on(
            &[id],
            &[sent],
            Some(decision),
            self.now_for_journal(),
        ) {
            Ok(_) => {
                let rows = self.indices_of(&[id]);
                self.sync_decisions(&rows);
                // Decided on its own: no longer waiting in the marks (a
                // mark drawn over its ✓ would hide it, and a bulk decision
                // on the marks would overturn it).
                for &r in &rows {
                    self.unmark(r);
                }
                let verb = decision_verb(decision);
                let undo = self.keymap.hint(&Action::Undo);
                if decision == Decision::Withdrawn {
                    // The cursor moves on to the next stale one, so the
                    // status names no key that acts on the row under it.
                    self.set_status(format!("To withdraw on LinkedIn: {name} · {undo} to undo"));
                    self.advance_to_stale();
                    if self.current_index() != Some(idx) {
                        self.just_done = Some(idx);
                    }
                } else {
                    let head = match (before, accepted_then) {
                        (_, Some(then)) => format!(
                            "{verb} {name} (was accepted {}: if done on LinkedIn, remove the connection there)",
                            then.format("%-d %b")
                        ),
                        (Some(b), None) => format!("{verb} {name} (was {})", b.label()),
                        (None, None) => format!("{verb} {name}"),
                    };
                    self.set_status(format!("{head} · {undo} to undo"));
                    self.advance_to_undecided(self.cursor);
                    // Moved on from it, a thank-you key (and `o`, `y`, `c`)
                    // is for it still.
                    let t = self.keymap.hint(&Action::ThankYou);
                    let moved = self.current_index() != Some(idx);
                    if moved {
                        self.just_done = Some(idx);
                    }
                    // Not moved (the last one here), `t` is for it still.
                    if decision == Decision::Accepted
                        && !t.is_empty()
                        && let Some(status) = &mut self.status
                    {
                        status
                            .text
                            .insert_str(head.len(), &format!(" · {t} thanks them"));
                    }
                    if let Some(kind) = unsent
                        && let Some(status) = &mut self.status
                    {
                        status.text.insert_str(
                            head.len(),
                            &format!(" · its saved {} is kept, not to send", kind.label()),
                        );
                    }
                    // A draft left for later that this decision bars (a
                    // reply, then an accept) no longer opens by itself:
                    // said now, not first on quitting.
                    let barred = self
                        .journal
                        .unsaved_drafts()
                        .filter(|u| u.id == id)
                        .map(|u| u.kind)
                        .find(|&kind| self.draft_barred(idx, kind).is_some());
                    if let Some(kind) = barred
                        && let Some(status) = &mut self.status
                    {
                        status.text.insert_str(
                            head.len(),
                            &format!(
                                " · its {} left for later is kept, not to send",
                                kind.label()
                            ),
                        );
                    }
                }
            }
            Err(e) => self.set_error(not_saved("Not saved", &e)),
        }
    }

    /// On the Sent tab (newest first, so the stale ones are at the
    /// bottom), moves to the next stale invitation not yet withdrawn: below
    /// the cursor, else above it; says so when none is left.
    fn advance_to_stale(&mut self) {
        let open = |app: &App, r: usize| {
            let i = app.rows[r] as usize;
            app.awaits(i as u32) && app.is_stale(&app.invitations[i])
        };
        let next = (self.cursor + 1..self.rows.len())
            .chain((0..self.cursor).rev())
            .find(|&r| open(self, r));
        match next {
            // Up the list, past rows the user did not look at: said, as
            // a key pressed next (`k`, `x`) would act from another row
            // than the one they expect.
            Some(r) if r < self.cursor => {
                let name = name_line(self.invitations[self.rows[r] as usize].counterpart());
                if let Some(status) = &mut self.status {
                    status.text =
                        format!("{} · none left below: up to {name}, stale too", status.text);
                }
                self.move_to(r);
            }
            Some(r) => self.move_to(r),
            None => {
                // "Left" only when some were stale: a young one marked
                // where none is says nothing of stale ones.
                let any = self
                    .rows
                    .iter()
                    .any(|&i| self.is_stale(&self.invitations[i as usize]));
                if let Some(status) = &mut self.status
                    && any
                {
                    status.text = format!("{} · no stale invitation left", status.text);
                }
            }
        }
    }

    /// Whether a step recorded at `at` (offset `tz` from UTC, when its
    /// line keeps it) was an hour or more ago, by UTC where both are known
    /// (another time zone since, or the night summer time ends).
    pub(super) fn an_hour_since(&self, at: NaiveDateTime, tz: Option<i16>) -> bool {
        let now = self.now_for_journal();
        journal::an_hour_on((at, tz), (now, journal::local_tz(now)))
    }

    pub(super) fn now_for_journal(&self) -> NaiveDateTime {
        // The clock moves on while the app is open; `now` is fixed at start
        // so ages stay stable, but decision times are the real time.
        if self.frozen_clock {
            self.now
        } else {
            use chrono::{SubsecRound, Timelike};
            let t = chrono::Local::now().naive_local();
            t.with_nanosecond(0).unwrap_or_else(|| t.trunc_subsecs(0))
        }
    }

    pub(super) fn undo(&mut self) {
        // A step on invitations not in this export (decided on another
        // one) would change what the screen cannot show: it waits for that
        // export, as do the steps under it. Not a draft marked sent (by
        // `mark-sent`, for someone gone): undone, it is said by name, and
        // it would else hold up every undo for good.
        if let Some(next) = self.journal.next_undo()
            && self.indices_of(&next.ids).is_empty()
            && !matches!(next.kind, journal::StepKind::MarkSent(..))
        {
            let text = self.undo_waits(&next);
            self.set_error(text);
            return;
        }
        // A step made in a newer export on a later invitation between the
        // same two people than the one here: it shares the id, but undone
        // here it would take back a decision this export does not show.
        if let Some(next) = self.journal.next_undo()
            && let here = self.indices_of(&next.ids)
            && let Some((pos, later)) = self.journal.next_undo_later(
                &here
                    .iter()
                    .map(|&i| &self.invitations[i as usize])
                    .collect::<Vec<_>>(),
            )
        {
            let idx = here[pos];
            let name = self.status_name(self.invitations[idx as usize].counterpart());
            let under = if self.journal.undo_depth() > 1 {
                ", and the steps before it wait for it"
            } else {
                ""
            };
            // A bulk step names the one here among the rest.
            let on = match next.ids.len() {
                1 => format!(
                    "{name}'s later invitation, sent {}, from a newer export",
                    later.format("%-d %b %Y")
                ),
                n => format!(
                    "{n} invitations from a newer export, among them {name}'s later invitation, sent {}",
                    later.format("%-d %b %Y")
                ),
            };
            self.set_error(format!(
                "Not undone: the last step ({}, {}) is on {on}, not on the one here{under} · open the newest export to undo it",
                next.kind.verb(),
                next.at.format("%-d %b %H:%M"),
            ));
            return;
        }
        // A large step (a bulk ignore of a whole tab) is not undone by one
        // stray key: u pressed on a row to change it would reopen them all.
        if let Some(next) = self.journal.next_undo()
            && next.ids.len() > UNDO_ASKS_ABOVE
            && !std::mem::take(&mut self.undo_confirmed)
        {
            let day = if next.at.date() < self.now.date() {
                next.at.format(" from %-d %b").to_string()
            } else {
                String::new()
            };
            self.mode = Mode::ConfirmUndo {
                question: format!(
                    "Undo {} of {} invitations{day}?",
                    next.kind.verb(),
                    next.ids.len()
                ),
                detail: format!(
                    "The step made {} is undone whole, and each of them goes back to what it was before. There is no redo: to do it again, decide them again.",
                    next.at.format("%-d %b %H:%M")
                ),
            };
            return;
        }
        // A draft whose edit was undone before: the edit's words stay the
        // ones offered back (see the journal's undo), not this step's.
        let newer_undone = self.journal.next_undo().is_some_and(|next| {
            match (next.kind, &self.indices_of(&next.ids)[..]) {
                (journal::StepKind::Draft(kind), [one]) => self
                    .journal
                    .undone_draft(&self.invitations[*one as usize], kind, self.now)
                    .is_some(),
                _ => false,
            }
        });
        let earlier_run = self
            .journal
            .next_undo_line()
            .is_some_and(|line| line <= self.start_line);
        match self.journal.undo(self.now_for_journal()) {
            Ok(Some(undone)) => {
                let idx = self.indices_of(&undone.ids);
                if earlier_run {
                    self.brought_back.extend(&idx);
                }
                self.sync_decisions(&idx);
                // A bulk step undone on this tab keeps the cursor where it
                // is (the rows come back around it): taken to the first of
                // them, the user lost their place (pitches sort last, 400
                // rows down). One row undone is shown, as it is the news.
                let person = |i: &u32| {
                    let inv = &self.invitations[*i as usize];
                    (inv.counterpart_url(), inv.counterpart())
                };
                let bulk_here = idx.iter().any(|i| person(i) != person(&idx[0]))
                    && idx
                        .iter()
                        .any(|&i| self.tab.contains(&self.invitations[i as usize]));
                match (self.current_index(), idx.first()) {
                    (Some(cur), _) if bulk_here => {
                        // By a map of the rows shown: a search of the list
                        // for each row undone froze the screen for 35 s
                        // for 720,000 rows undone on a tab of as many.
                        let mut shown = vec![false; self.invitations.len()];
                        for &r in &self.rows {
                            shown[r as usize] = true;
                        }
                        if !idx.iter().all(|&i| shown[i as usize]) {
                            self.rebuild_rows(Some(cur));
                        }
                    }
                    // This tab emptied by the step: its rows come back
                    // here, not on another tab.
                    (None, Some(_)) if bulk_here => self.rebuild_rows(None),
                    (_, Some(&first)) => self.show(first),
                    (_, None) => {}
                }
                // Words set aside in this run were an older undo's: the
                // ones this undo offers back are offered, as it says.
                if let journal::StepKind::Draft(kind) = undone.kind {
                    self.set_aside
                        .retain(|&(i, k, _)| k != kind || !idx.contains(&i));
                }
                let text = self.undid(&undone, &idx, newer_undone);
                self.set_status(text);
            }
            Ok(None) => self.set_status("Nothing to undo"),
            Err(e) => self.set_error(not_saved("Undo not saved", &e)),
        }
    }

    /// Why the next undo must wait: its step is on invitations not in this
    /// export (decided on another one), and so, under it, are the rest.
    fn undo_waits(&self, next: &journal::Undone) -> String {
        // A step on an invitation here under the id it had in an export
        // with profile URLs, read in this run by the id of an older export
        // (see `Journal::adopt_ids`): the next start, which picks the id
        // of the newest step, undoes it.
        let here: Vec<u32> = next
            .ids
            .iter()
            .filter_map(|&id| self.journal.shadowed_by(id))
            .flat_map(|id| self.indices_of(&[id]))
            .collect();
        if !here.is_empty() && here.len() == next.ids.len() {
            let who = match &here[..] {
                [one] => format!(
                    "{}'s",
                    name_line(self.invitations[*one as usize].counterpart())
                ),
                many => format!("{} invitations'", many.len()),
            };
            let keys: Vec<String> = [Action::Accept, Action::Ignore]
                .iter()
                .map(|a| self.keymap.hint(a))
                .filter(|k| !k.is_empty())
                .collect();
            let change = match keys.as_slice() {
                [] => String::new(),
                keys => format!(" · to change it now, {} on its row", keys.join(" or ")),
            };
            return format!(
                "Not undone: the last step ({}, {}) was made on {who} invitation in an export with profile URLs, and this run reads it by the id an older export gave it: quit and open this export again to undo it{change}",
                next.kind.verb(),
                next.at.format("%-d %b %H:%M"),
            );
        }
        // Whose, where a draft kept the name; a decision alone keeps
        // only the id.
        let name = match &next.ids[..] {
            [id] => self.journal.state(*id).and_then(|e| {
                [&e.reply, &e.thank_you]
                    .into_iter()
                    .flatten()
                    .map(|d| d.name.as_str())
                    .find(|n| !n.trim().is_empty())
                    .map(name_line)
            }),
            _ => None,
        };
        // The steps under it, if any, wait too: say how to change a
        // decision without them (on the Sent tab, a withdraw mark).
        let keys: Vec<String> = if self.current_tab() == Tab::Sent {
            vec![self.keymap.hint(&Action::Withdraw)]
        } else {
            vec![
                self.keymap.hint(&Action::Accept),
                self.keymap.hint(&Action::Ignore),
            ]
        };
        let change = match (self.journal.undo_depth() > 1, &keys[..]) {
            (false, _) => String::new(),
            // No row to press them on.
            (true, keys) if keys.iter().any(String::is_empty) || self.invitations.is_empty() => {
                ", and the steps before it wait for it".to_string()
            }
            (true, [x]) => format!(
                ", and the steps before it wait for it · to change a mark here, {x} on its row"
            ),
            (true, keys) => format!(
                ", and the steps before it wait for it · to change a decision here, {} on its row",
                keys.join(" or ")
            ),
        };
        format!(
            "Not undone: the last step ({}{}, {}) is on {} not in this export{change}",
            next.kind.verb(),
            name.map(|n| format!(", {n}")).unwrap_or_default(),
            next.at.format("%-d %b %H:%M"),
            match next.ids.len() {
                1 => "an invitation".to_string(),
                n => format!("{n} invitations"),
            },
        )
    }

    /// What an undo of `undone` (on the rows `idx`) says it did: whose
    /// step, of which day, what each row went back to, and how to get a
    /// draft's words back (`newer_undone`: the words of an edit of it,
    /// undone before, are the ones offered).
    fn undid(&self, undone: &journal::Undone, idx: &[u32], newer_undone: bool) -> String {
        // Fitted to the status line, whose hints come after it.
        let who = match (idx, &undone.ids[..], undone.kind) {
            ([one], ..) => self.status_name(self.invitations[*one as usize].counterpart()),
            // A draft marked sent for someone gone: named as the draft
            // keeps them.
            ([], [id], journal::StepKind::MarkSent(kind, _)) => {
                let name = self
                    .journal
                    .state(*id)
                    .and_then(|e| e.draft(kind))
                    .map(|d| name_line(&d.name))
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or_else(|| id.to_string());
                format!("{}, not in this export", self.status_name(&name))
            }
            (many, ..) => format!("{} invitations", many.len()),
        };
        // A bulk step made on another export is undone whole: the
        // ones this export lacks are counted, not passed over.
        let absent = undone
            .ids
            .iter()
            .filter(|id| !self.id_index.contains_key(id))
            .count();
        let who = match absent {
            _ if idx.is_empty() => who,
            0 => who,
            n => format!("{who}, and {n} not in this export"),
        };
        // A step from before the invitation now in the export was
        // on an earlier one: undone, it changes nothing on screen.
        let earlier = !idx.is_empty()
            && idx.iter().all(|&i| {
                let inv = &self.invitations[i as usize];
                undone.predates(journal::sent_by(inv, self.now))
            });
        let whose = if earlier {
            " (on an earlier invitation: this one stays undecided)"
        } else {
            ""
        };
        // An edit undone leaves the draft saved before it, which the
        // invitation keeps (a reply, its "replied"): not a draft gone.
        let edit = match (undone.kind, idx) {
            (journal::StepKind::Draft(kind), [one]) if !earlier => self
                .journal
                .state_for(&self.invitations[*one as usize], self.now)
                .is_some_and(|e| e.draft(kind).is_some())
                .then_some(kind),
            _ => None,
        };
        // The text is not lost: the composer opens on it again, or on the
        // newer words of an edit of it undone before.
        let back = match undone.kind {
            journal::StepKind::Draft(kind) if idx.len() == 1 && !earlier => {
                let mut key = self.keymap.hint(&Action::compose(kind));
                // Without a key to the composer, no way to the words is
                // named (the help's Keys table says how to give it one).
                let keyless = key.is_empty();
                // A reply saved over an accept, undone: accepted again, a
                // reply asks first.
                if kind == journal::DraftKind::Reply && !kind.fits(self.decisions[idx[0] as usize])
                {
                    key.push_str(" twice");
                }
                if keyless {
                    String::new()
                } else if newer_undone {
                    format!(" · {key} brings back the newest edited words")
                } else if edit.is_some() {
                    format!(" · {key} brings the edited words back")
                } else {
                    format!(" · {key} brings its text back")
                }
            }
            // An accept undone on someone with a reply left for later,
            // which the accept kept closed: the way to it is open again.
            journal::StepKind::Decide(Some(Decision::Accepted)) if idx.len() == 1 && !earlier => {
                let inv = &self.invitations[idx[0] as usize];
                let reply = journal::DraftKind::Reply;
                let key = self.keymap.hint(&Action::compose(reply));
                if self.journal.unsaved(inv.id, reply).is_some()
                    && reply.fits(self.decisions[idx[0] as usize])
                    && !key.is_empty()
                {
                    format!(" · {key} opens your reply left for later")
                } else {
                    String::new()
                }
            }
            _ => String::new(),
        };
        // Undo reaches back across restarts: a step of an earlier
        // day says which day, as the user may not remember it.
        let day = if undone.at.date() < self.now.date() {
            let fmt = if undone.at.year() == self.now.year() {
                " of %-d %b"
            } else {
                " of %-d %b %Y"
            };
            undone.at.format(fmt).to_string()
        } else {
            String::new()
        };
        // A step back to undecided, undone, decides again: say to
        // what (`x` twice then `u` marks to withdraw again).
        let again = match (undone.kind, idx) {
            (journal::StepKind::Decide(None), [one]) if !earlier => {
                match self.decisions[*one as usize] {
                    Some(Decision::Withdrawn) => " is marked to withdraw again".to_string(),
                    Some(d) => format!(" is {} again", d.label()),
                    None => String::new(),
                }
            }
            (journal::StepKind::Decide(None), many) if !earlier && many.len() > 1 => {
                " are decided again as before".to_string()
            }
            // A reply saved on an ignored invitation replaced the ignore,
            // which the undo brings back.
            (journal::StepKind::Draft(journal::DraftKind::Reply), [one]) if !earlier => {
                match self.decisions[*one as usize] {
                    Some(d) if d != Decision::Replied => format!(" ({} again)", d.label()),
                    _ => String::new(),
                }
            }
            // A decision made over another: what it went back to.
            (journal::StepKind::Decide(Some(_)), [one]) if !earlier => {
                match self.decisions[*one as usize] {
                    Some(Decision::Withdrawn) => " (marked to withdraw again)".to_string(),
                    Some(d) => format!(" ({} again)", d.label()),
                    None => String::new(),
                }
            }
            // A bulk step over earlier decisions: what they went
            // back to, when some had one ("416 undecided, 2
            // accepted again").
            (journal::StepKind::Decide(Some(_)), many) if !earlier && many.len() > 1 => {
                let mut counts: Vec<(Option<Decision>, usize)> = Vec::new();
                for &i in many {
                    let d = self.decisions[i as usize];
                    match counts.iter_mut().find(|(k, _)| *k == d) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((d, 1)),
                    }
                }
                if counts.iter().all(|(d, _)| d.is_none()) {
                    String::new()
                } else {
                    counts.sort_by_key(|&(d, n)| (std::cmp::Reverse(n), d.is_some()));
                    let parts: Vec<String> = counts
                        .iter()
                        .map(|&(d, n)| match d {
                            None => format!("{n} undecided"),
                            Some(Decision::Withdrawn) => {
                                format!("{n} marked to withdraw again")
                            }
                            Some(d) => format!("{n} {} again", d.label()),
                        })
                        .collect();
                    format!(" ({})", parts.join(", "))
                }
            }
            _ => String::new(),
        };
        if let Some(kind) = edit {
            return format!(
                "Undid the edit{day} of the {} to {who}: back to the text saved before{again}{back}",
                kind.label()
            );
        }
        let what = match undone.kind {
            // A sent invitation is not decided on, only marked.
            journal::StepKind::Decide(None)
                if idx
                    .iter()
                    .all(|&i| self.invitations[i as usize].direction == Direction::Outgoing)
                    && !idx.is_empty() =>
            {
                "the mark taken back".to_string()
            }
            journal::StepKind::Decide(None) => "the step back to undecided".to_string(),
            // The draft is to send again (or sent, as it was marked).
            journal::StepKind::MarkSent(kind, true) => format!("marking the {} sent", kind.label()),
            journal::StepKind::MarkSent(kind, false) => {
                format!("marking the {} not sent", kind.label())
            }
            kind => kind.verb().to_string(),
        };
        // Taken back an hour or more after it was made: an earlier list
        // may have had it done (the checklist lists it, to check).
        let late = if self.an_hour_since(undone.at, undone.tz) {
            match undone.kind {
                journal::StepKind::Decide(Some(Decision::Accepted)) => {
                    " · if accepted on LinkedIn already, remove the connection there"
                }
                journal::StepKind::Decide(Some(Decision::Withdrawn)) => {
                    " · if withdrawn on LinkedIn already, invite them again there"
                }
                _ => "",
            }
        } else {
            ""
        };
        format!("Undid {what}{day}: {who}{again}{whose}{back}{late}")
    }

    pub(super) fn toggle_mark(&mut self) {
        let Some(idx) = self.current_index() else {
            self.set_status(self.nothing_here("mark"));
            return;
        };
        if self.invitations[idx as usize].direction == Direction::Outgoing {
            self.set_status(self.sent_by_you());
            return;
        }
        // A mark is for a bulk step, and none is taken on it here.
        if !self.marked[idx as usize]
            && let Some(why) = self.superseded(idx)
        {
            self.set_status(format!("Not marked: {why}"));
            return;
        }
        self.mark_anchor = Some(idx);
        let m = &mut self.marked[idx as usize];
        *m = !*m;
        if *m {
            self.marked_count += 1;
            // Said, as unmarking is: the mark alone (a `•` and the
            // header's count) is easily missed, read as text.
            let who = name_line(self.invitations[idx as usize].counterpart());
            let them = self.bulk_keys_hint();
            self.set_status(format!("Marked {who} · {} marked{them}", self.marked_count));
        } else {
            self.marked_count -= 1;
            // Space on a row marked earlier (back on another tab, say)
            // takes a mark away: said, since A or I then does otherwise.
            let who = name_line(self.invitations[idx as usize].counterpart());
            let left = match self.marked_count {
                0 => "nothing is marked now".to_owned(),
                n => format!("{n} still marked"),
            };
            self.set_status(format!("Unmarked {who} · {left}"));
        }
        self.move_to(self.cursor + 1);
    }

    /// `: A accepts, I ignores them`, by the keys bound to the bulk steps;
    /// empty when neither has a key.
    fn bulk_keys_hint(&self) -> String {
        let keys: Vec<String> = [
            (Action::AcceptMarked, "accepts"),
            (Action::IgnoreMarked, "ignores"),
        ]
        .into_iter()
        .filter_map(|(a, verb)| {
            let key = self.keymap.hint(&a);
            (!key.is_empty()).then(|| format!("{key} {verb}"))
        })
        .collect();
        match keys.as_slice() {
            [] => String::new(),
            keys => format!(": {} them", keys.join(", ")),
        }
    }

    /// Marks every row of the list from the one last marked or unmarked by
    /// itself (the top of the list, when that one is not in it) to the
    /// cursor's, both in: "the newest 70" or "these twenty" in one key
    /// where `space` took one each, as a click with Shift does in a mail
    /// list. Marks made before stay; a superseded row is left out, as
    /// every bulk step leaves it.
    pub(super) fn mark_range(&mut self) {
        if self.refuse_on_sent_tab() {
            return;
        }
        if self.current_index().is_none() {
            self.set_status(self.nothing_here("mark"));
            return;
        }
        let from = self
            .mark_anchor
            .and_then(|a| self.rows.iter().position(|&i| i == a))
            .unwrap_or(0);
        let (lo, hi) = (from.min(self.cursor), from.max(self.cursor));
        let span = self.rows[lo..=hi].to_vec();
        let name = |i: u32| name_line(self.invitations[i as usize].counterpart());
        let (first, last) = (name(span[0]), name(span[span.len() - 1]));
        let targets: Vec<u32> = span
            .iter()
            .copied()
            .filter(|&i| !self.marked[i as usize] && !self.is_superseded(i))
            .collect();
        // The start stays the row marked with space (or the top): a range
        // marked from it is marked again from it, not from its end.
        let whom = if span.len() == 1 {
            first.clone()
        } else {
            format!("from {first} to {last}")
        };
        if targets.is_empty() {
            self.set_status(format!(
                "Nothing more to mark{}{whom}: every row there is marked already{}",
                if span.len() == 1 { " on " } else { " " },
                if span.iter().any(|&i| self.is_superseded(i)) {
                    " or superseded"
                } else {
                    ""
                }
            ));
            return;
        }
        for &i in &targets {
            self.marked[i as usize] = true;
        }
        self.marked_count = self.marked.iter().filter(|&&m| m).count();
        let n = targets.len();
        let what = match (n, span.len()) {
            (1, 1) => first,
            (1, _) => format!("1 row {whom}"),
            _ => format!("{n} rows {whom}"),
        };
        let hidden = match self.marked_out_of_view() {
            0 => String::new(),
            h => format!(" ({h} out of view)"),
        };
        self.set_status(format!(
            "Marked {what} · {} marked{hidden}{}",
            self.marked_count,
            self.bulk_keys_hint()
        ));
    }

    /// On the Sent tab, says that your own invitations cannot be decided
    /// on, and returns true.
    fn refuse_on_sent_tab(&mut self) -> bool {
        let sent = self.current_tab() == Tab::Sent;
        if sent {
            // About the tab, not the row: a bulk key or `p` takes in all
            // of it, and it may list nobody.
            let x = self.keymap.hint(&Action::Withdraw);
            let text = if self.members(Tab::Sent).is_empty() {
                "No invitation you sent is in this export: nothing to accept or ignore here"
                    .to_string()
            } else if x.is_empty() {
                "This tab lists the invitations you sent: nothing to accept or ignore".to_string()
            } else {
                format!(
                    "This tab lists the invitations you sent: nothing to accept or ignore · {x} marks one to withdraw"
                )
            };
            self.set_status(text);
        }
        sent
    }

    /// The invitations the list shows (in its order) for which `keep` holds.
    fn rows_where(&self, keep: impl Fn(u32) -> bool) -> Vec<u32> {
        self.rows.iter().copied().filter(|&i| keep(i)).collect()
    }

    /// How many marked rows of the list are scrolled out of view: a mark
    /// below the screen is easily missed before `A` or `I`.
    fn marked_out_of_view(&self) -> usize {
        let shown = self.offset..self.offset + self.list_height().max(1);
        self.rows
            .iter()
            .enumerate()
            .filter(|&(r, &i)| self.marked[i as usize] && !shown.contains(&r))
            .count()
    }

    /// Asks to mark every stale invitation the Sent tab shows, not yet
    /// marked, to withdraw: one `x` each was slow where all of them are.
    pub(super) fn withdraw_stale(&mut self) {
        if self.current_tab() != Tab::Sent {
            let sent = self.sent_tab_key();
            self.set_status(format!(
                "Stale invitations are ones you sent: on the Sent tab{sent}"
            ));
            return;
        }
        // A superseded one is withdrawn, or not, on the newer export.
        let targets =
            self.rows_where(|i| self.awaits(i) && self.is_stale(&self.invitations[i as usize]));
        let days = self.stale_after_days;
        let n = targets.len();
        if n == 0 {
            // "Left" only when there were some: all marked already.
            let any = self
                .rows
                .iter()
                .any(|&i| self.is_stale(&self.invitations[i as usize]));
            self.set_status(format!(
                "No stale invitation here{} to mark (stale: sent {} ago or more)",
                if any { " left" } else { "" },
                crate::text::days(days)
            ));
            return;
        }
        // The count the question states is of those it marks: beside the
        // ones marked already, "the 8 stale" of 10 reads as a miscount.
        let marked = self
            .rows_where(|i| {
                self.decisions[i as usize] == Some(Decision::Withdrawn)
                    && self.is_stale(&self.invitations[i as usize])
            })
            .len();
        let question = match (marked, n) {
            (0, n) => format!("Withdraw the {n} stale invitation{} you sent?", plural(n)),
            (_, 1) => "Withdraw the other stale invitation you sent?".to_string(),
            (_, n) => format!("Withdraw the other {n} stale invitations you sent?"),
        };
        // In the text under it: a longer question is cut in its box.
        let already = match marked {
            0 => String::new(),
            m => format!("{m} {} marked already. ", if m == 1 { "is" } else { "are" }),
        };
        let undo = self.keymap.hint(&Action::Undo);
        self.mode = Mode::Confirm(Bulk {
            decision: Decision::Withdrawn,
            targets,
            question,
            detail: format!(
                "{already}Sent {days} days ago or more and not answered. This marks them; withdraw each on LinkedIn (export lists them). This can be undone with {undo}."
            ),
        });
    }

    /// ` (5)`, the Sent tab's key after its name, or nothing when it has
    /// none.
    fn sent_tab_key(&self) -> String {
        match self.keymap.hint(&Action::Tab(Tab::Sent)) {
            key if key.is_empty() => String::new(),
            key => format!(" ({key})"),
        }
    }

    /// Why a sent invitation takes no accept, ignore, reply or mark, and
    /// what it does take.
    fn sent_by_you(&self) -> String {
        let x = self.keymap.hint(&Action::Withdraw);
        if x.is_empty() {
            "You sent this invitation: there is nothing to accept or ignore".into()
        } else {
            format!(
                "You sent this invitation: nothing to accept or ignore · {x} marks it to withdraw"
            )
        }
    }

    /// Marks every pitch in the list, so that one key ignores them all (the
    /// classification spec's "let the user bulk-ignore pitches"); unmarks
    /// them when every one is marked already.
    pub(super) fn mark_pitches(&mut self) {
        if self.refuse_on_sent_tab() {
            return;
        }
        // Not a superseded one, which no bulk step takes.
        let pitches = self.rows_where(|i| {
            self.invitations[i as usize]
                .signals
                .contains(Signals::PITCH)
                && !self.is_superseded(i)
        });
        if pitches.is_empty() {
            let superseded = self.rows_where(|i| {
                self.invitations[i as usize]
                    .signals
                    .contains(Signals::PITCH)
            });
            // Decided ones the filter hides are pitches of this tab too.
            let hidden = self
                .members(self.current_tab())
                .iter()
                .filter(|&&i| {
                    self.invitations[i as usize]
                        .signals
                        .contains(Signals::PITCH)
                })
                .count();
            self.set_status(match superseded.len() {
                0 if hidden > 0 => format!(
                    "No pitch in this list: the {hidden} of this tab {} hidden by the filter{}",
                    if hidden == 1 { "is" } else { "are" },
                    self.keymap.aside(&Action::CycleFilter, "cycles it")
                ),
                0 => "No pitch in this list (a customised note that sells or recruits)".to_string(),
                1 => "No pitch to mark in this list: the one here is superseded (invited again since, and handled in a newer export)".to_string(),
                n => format!("No pitch to mark in this list: the {n} here are superseded (invited again since, and handled in a newer export)"),
            });
            return;
        }
        let mark = !pitches.iter().all(|&i| self.marked[i as usize]);
        for &i in &pitches {
            self.marked[i as usize] = mark;
        }
        self.marked_count = self.marked.iter().filter(|&&m| m).count();
        let n = pitches.len();
        let s = if n == 1 { "" } else { "es" };
        if mark {
            // Marks made before stay: an ignore of "the marked ones" takes
            // them too, so the count says so.
            let others = self.marked_count - n;
            let also = match others {
                0 => String::new(),
                1 => ", and 1 marked before".to_string(),
                _ => format!(", and {others} marked before"),
            };
            let hidden = self.marked_out_of_view();
            let also = match hidden {
                0 => also,
                h => format!("{also} ({h} out of view)"),
            };
            // Ignoring them together is what they were marked for: its
            // key, or that it has none.
            let keys: Vec<String> = std::iter::once(
                self.keymap
                    .key_does_or_none(&Action::IgnoreMarked, "ignores the marked ones"),
            )
            .chain(self.keymap.key_does(&Action::Mark, "unmarks one"))
            .collect();
            let keys = match keys.as_slice() {
                [] => String::new(),
                keys => format!(" · {}", keys.join(", ")),
            };
            self.set_status(format!("Marked {n} pitch{s}{also}{keys}"));
        } else {
            self.set_status(format!("Unmarked {n} pitch{s}"));
        }
    }

    pub(super) fn bulk(&mut self, decision: Decision) {
        let verb = if decision == Decision::Accepted {
            "Accept"
        } else {
            "Ignore"
        };
        let undo = self.keymap.hint(&Action::Undo);
        if self.marked_count > 0 {
            // Those with this decision already are left as they are (a
            // step for undo that changed nothing would seem broken), and
            // unmarked once the step is taken: not before, as an answer of
            // n to the question must leave every mark as it was.
            let target =
                |i: u32| self.marked[i as usize] && self.decisions[i as usize] != Some(decision);
            let targets: Vec<u32> = (0..self.marked.len() as u32)
                .filter(|&i| target(i))
                .collect();
            if targets.is_empty() {
                self.unmark_decided(decision);
                self.set_status(format!(
                    "Nothing to change: the marked ones are {} already",
                    decision.label()
                ));
                return;
            }
            // Marks stay on when the tab changes; a decision on a row the
            // user cannot see is asked about first.
            let here = self.rows.iter().filter(|&&i| target(i)).count();
            let away = targets.len() - here;
            // Marks below the screen (`p` marks every pitch, a guess from
            // words such as "pricing") are asked about too: a reviewer
            // ignored warm notes he never saw.
            let shown = self.offset..self.offset + self.list_height().max(1);
            let hidden = self
                .rows
                .iter()
                .enumerate()
                .filter(|&(r, &i)| target(i) && !shown.contains(&r))
                .count();
            let n = targets.len();
            let look = if n == 1 { "it" } else { "them" };
            let detail = match (away, hidden) {
                (0, 0) => {
                    self.apply_bulk(Bulk {
                        decision,
                        targets,
                        question: String::new(),
                        detail: String::new(),
                    });
                    return;
                }
                (0, _) => format!(
                    "{} out of view in this list (to look at {look} first, answer n and scroll). This can be undone with {undo}.",
                    some_of(hidden, n, "is", "are")
                ),
                (_, 0) => format!(
                    "{} not in this list: marked on another tab or under another filter. This can be undone with {undo}.",
                    some_of(away, n, "is", "are")
                ),
                _ => format!(
                    "{} not in this list (marked on another tab or under another filter), and {hidden} out of view in it. This can be undone with {undo}.",
                    some_of(away, n, "is", "are")
                ),
            };
            self.mode = Mode::Confirm(Bulk {
                decision,
                targets,
                question: format!("{verb} the {n} marked invitation{}?", plural(n)),
                detail,
            });
            return;
        }
        if self.refuse_on_sent_tab() {
            return;
        }
        let tab = self.current_tab();
        // What the filter admits now: a row decided a moment ago stays in
        // view under "undecided", but a bulk decision must not overturn it.
        let filter = self.filter;
        let targets: Vec<u32> = self
            .rows
            .iter()
            .copied()
            .filter(|&i| {
                let d = self.decisions[i as usize];
                filter.admits(d) && d != Some(decision) && !self.is_superseded(i)
            })
            .collect();
        if targets.is_empty() {
            self.set_status("Nothing to change in this list");
            return;
        }
        let n = targets.len();
        // The superseded ones have nothing to decide here: they are not
        // counted among the tab's, and a sentence says they are left out.
        let superseded = match tab.category() {
            Some(c) => self.counts[c.index()].superseded,
            None => self.counts.iter().map(|c| c.superseded).sum(),
        };
        let total = self.members(tab).len() - superseded;
        let group = match tab.category() {
            Some(c) => format!("{} ", c.label()),
            None => String::new(),
        };
        let question = match (n == total, n) {
            (true, 1) => format!("{verb} the only {group}invitation?"),
            (true, _) => format!("{verb} all {n} {group}invitations?"),
            (false, _) => format!("{verb} {n} of the {total} {group}invitations?"),
        };
        let why = match (tab, n) {
            (Tab::Default, 1) => {
                "It says no more than LinkedIn's stock text or a generic line, if anything."
            }
            (Tab::Default, _) => {
                "None of them says more than LinkedIn's stock text or a generic line, if anything."
            }
            (Tab::GreetingOnly, 1) => "It greets you by name but says nothing more.",
            (Tab::GreetingOnly, _) => "They greet you by name but say nothing more.",
            (Tab::Customised, 1) => "This note was written for you: consider reading it first.",
            (Tab::Customised, _) => {
                "These notes were written for you: consider reading them first."
            }
            _ => "This covers every group in the list.",
        };
        // Which ones, when not all: the filter says.
        let redecided = targets
            .iter()
            .filter(|&&i| self.decisions[i as usize].is_some())
            .count();
        let which = match filter {
            Filter::Undecided if n < total => format!(
                " Only the undecided {}; {}.",
                if n == 1 { "one" } else { "ones" },
                match total - n {
                    1 => "the 1 decided keeps its decision".to_string(),
                    k => format!("the {k} decided keep theirs"),
                }
            ),
            Filter::Undecided => String::new(),
            Filter::All => {
                let mut t = String::new();
                if redecided > 0 {
                    t = format!(
                        " {} a decision already, which this replaces.",
                        some_of(redecided, n, "has", "have")
                    );
                }
                // The rest have this very decision.
                match total.saturating_sub(n) {
                    0 => {}
                    1 => t.push_str(&format!(" The 1 {} already stays so.", decision.label())),
                    k => t.push_str(&format!(" The {k} {} already stay so.", decision.label())),
                }
                t
            }
            _ if redecided == 0 => String::new(),
            f if n == 1 => format!(" Only the {} one: this replaces its decision.", f.label()),
            f => format!(
                " Only the {} ones: this replaces their decision.",
                f.label()
            ),
        };
        let left_out = match superseded {
            0 => String::new(),
            1 => " The 1 superseded (invited again since, and handled in a newer export) is left out.".to_string(),
            k => format!(" The {k} superseded (invited again since, and handled in a newer export) are left out."),
        };
        self.mode = Mode::Confirm(Bulk {
            decision,
            targets,
            question,
            detail: format!("{why}{which}{left_out} This can be undone with {undo}."),
        });
    }

    pub(super) fn apply_bulk(&mut self, bulk: Bulk) {
        // A superseded invitation (a later one between the same two people
        // is decided in a newer export) is left out, and said so: the
        // journal refuses a step on it, and so would the whole bulk.
        let (left_out, targets): (Vec<u32>, Vec<u32>) = bulk
            .targets
            .iter()
            .partition(|&&i| self.journal.later(&self.invitations[i as usize]).is_some());
        let why = match &left_out[..] {
            [] => String::new(),
            [one] => self.superseded(*one).unwrap_or_default(),
            many => format!(
                "{} are superseded: a later invitation between you and each of them has a step from a newer export · open the newest export to act on them",
                many.len()
            ),
        };
        if targets.is_empty() {
            for &i in &left_out {
                self.unmark(i);
            }
            self.set_error(format!("Not saved: {why}"));
            return;
        }
        let left_out_text = if left_out.is_empty() {
            String::new()
        } else {
            format!(" · left out: {why}")
        };
        let bulk = Bulk { targets, ..bulk };
        let (ids, sent): (Vec<InvitationId>, Vec<_>) = bulk
            .targets
            .iter()
            .map(|&i| {
                let inv = &self.invitations[i as usize];
                (inv.id, inv.sent_at)
            })
            .unzip();
        match self.journal.record_decision_on(
            &ids,
            &sent,
            Some(bulk.decision),
            self.now_for_journal(),
        ) {
            Ok(_) => {
                let rows = self.indices_of(&ids);
                self.sync_decisions(&rows);
                for &i in bulk.targets.iter().chain(&left_out) {
                    self.marked[i as usize] = false;
                }
                self.unmark_decided(bulk.decision);
                let n = ids.len();
                let done = match bulk.decision {
                    // Marked here; withdrawn only once done on LinkedIn.
                    Decision::Withdrawn => {
                        format!("Marked {n} invitation{} to withdraw on LinkedIn", plural(n))
                    }
                    d => format!("{} {n} invitation{}", decision_verb(d), plural(n)),
                };
                self.set_status(format!(
                    "{done} · {} undoes {}{left_out_text}",
                    self.keymap.hint(&Action::Undo),
                    if n == 1 { "it" } else { "all of them" }
                ));
                // The row under the cursor may have been left out (marks
                // elsewhere): then it is where the work goes on.
                let here_open = self
                    .current_index()
                    .is_some_and(|i| self.decisions[i as usize].is_none());
                if !here_open {
                    // After `X`, the next stale one, as after `x`: an
                    // unmarked young one is no work left.
                    if bulk.decision == Decision::Withdrawn {
                        self.advance_to_stale();
                    } else {
                        self.advance_to_undecided(self.cursor);
                    }
                }
            }
            Err(e) => self.set_error(not_saved("Not saved", &e)),
        }
    }

    /// Takes the mark off invitation `idx`, if it has one.
    pub(super) fn unmark(&mut self, idx: u32) {
        if std::mem::take(&mut self.marked[idx as usize]) {
            self.marked_count -= 1;
        }
    }

    /// Unmarks the marked rows that have `decision` already, and counts
    /// the marks left.
    fn unmark_decided(&mut self, decision: Decision) {
        for (m, d) in self.marked.iter_mut().zip(&self.decisions) {
            if *m && *d == Some(decision) {
                *m = false;
            }
        }
        self.marked_count = self.marked.iter().filter(|&&m| m).count();
    }

    /// The sent invitations still pending longer than the configured age.
    pub fn is_stale(&self, inv: &Invitation) -> bool {
        stats::is_stale(inv, self.now, self.stale_after_days)
    }
}
