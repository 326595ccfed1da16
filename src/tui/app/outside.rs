//! What goes out of the app and comes in from outside it: a profile for
//! the browser, a URL for the clipboard, text pasted into the terminal.

use crate::invitation::{Direction, is_linkedin_address};
use crate::text::{clean_draft, name_line};

use super::{App, Effect, INVITATION_MANAGER, Mode};
use crate::tui::line;

impl App {
    /// `o`: the profile of the invitation `target` (the row under the
    /// cursor, or the one a step just moved on from), or the page that
    /// lists it when the export has no URL.
    pub(super) fn open_profile(&mut self, target: Option<u32>) -> Option<Effect> {
        if let Some(inv) = target.map(|i| &self.invitations[i as usize]) {
            let url = inv.counterpart_url().trim();
            if !url.is_empty() && !is_linkedin_address(url) {
                // A doctored or hand-made export can hold any address, a
                // `javascript:` one among them: the browser gets only
                // LinkedIn's.
                let copy = self.keymap.hint(&super::Action::CopyUrl);
                // `y` refuses one with control characters.
                let copy = if copy.is_empty() || url.contains(crate::text::hidden_in_url) {
                    String::new()
                } else {
                    format!("; {copy} copies it")
                };
                let msg = format!(
                    "Not opened: {}'s profile URL is not a LinkedIn address ({}){copy}",
                    name_line(inv.counterpart()),
                    // Written out (`\u{1b}`): dropped, the characters
                    // that made it no LinkedIn address left one that looks it.
                    crate::text::fit(&crate::text::shown_url(url), 60),
                );
                self.set_error(msg);
                return None;
            }
            let (url, whose) = if url.is_empty() {
                // Without a profile, the page that lists it: the
                // sent ones have their own.
                match inv.direction {
                    Direction::Outgoing => (
                        crate::export::SENT_INVITATIONS_URL,
                        "your sent invitations in the invitation manager".to_string(),
                    ),
                    _ => (INVITATION_MANAGER, "the invitation manager".to_string()),
                }
            } else {
                (url, format!("{}'s profile", name_line(inv.counterpart())))
            };
            return Some(Effect::OpenUrl {
                url: crate::invitation::for_browser(url).into_owned(),
                whose,
                copyable: !inv.counterpart_url().trim().is_empty(),
            });
        }
        None
    }

    /// `y`: the profile URL of the invitation `target`, for the clipboard.
    pub(super) fn copy_url(&mut self, target: Option<u32>) -> Option<Effect> {
        if let Some(inv) = target.map(|i| &self.invitations[i as usize]) {
            let url = inv.counterpart_url().trim();
            if url.is_empty() {
                self.set_error(if self.without_urls {
                    "This invitation has no profile URL (an older export)"
                } else {
                    "This invitation's profile URL is empty in the export"
                });
            } else if url.contains(crate::text::hidden_in_url) {
                // A line break runs what follows it when pasted into a
                // shell, an escape sequence acts on a terminal: no
                // LinkedIn address holds either, only a doctored export.
                self.set_error(format!(
                    "Not copied: {}'s profile URL holds hidden or control characters ({}), which no LinkedIn address has",
                    name_line(inv.counterpart()),
                    crate::text::fit(&crate::text::shown_url(url), 60),
                ));
            } else {
                // Named: right after a step that moved on, it is
                // the URL of the person the step was on, not the
                // one under the cursor.
                return Some(Effect::Copy {
                    text: url.to_string(),
                    label: format!("profile URL of {}", name_line(inv.counterpart())),
                });
            }
        }
        None
    }

    /// Text pasted into the terminal (bracketed paste): into the composer,
    /// the check pad or the search line, never taken as keys.
    pub(super) fn paste(&mut self, text: &str) {
        // Terminals send a pasted line break as CR. Other control
        // characters (an escape sequence copied from a terminal)
        // must not ride into a draft, the clipboard or `drafts`; a tab
        // stays one (see `clean_draft`).
        let text = clean_draft(&text.replace("\r\n", "\n").replace('\r', "\n"));
        match self.mode {
            Mode::Compose => {
                if let Some(c) = &mut self.composer {
                    c.paste(&text);
                }
            }
            Mode::Check => {
                if let Some(p) = &mut self.check_pad {
                    p.paste(&text);
                }
            }
            Mode::Search => {
                let pasted = text.trim_end_matches('\n').replace(char::is_control, " ");
                line::insert(&mut self.query, &mut self.query_at, &pasted);
                self.search_from(self.search_origin);
            }
            _ => self.set_status(
                "The pasted text was not taken as keys: paste into a reply, the check pad or the search line",
            ),
        }
    }
}
