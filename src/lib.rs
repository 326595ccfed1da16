//! invitriage: triage a backlog of pending LinkedIn invitations.
//!
//! The domain (import, classify, stats, journal, reply) knows nothing of the
//! terminal; `tui` draws it.

pub mod check;
pub mod classify;
pub mod config;
pub mod export;
mod hash;
pub mod import;
pub mod invitation;
pub mod journal;
pub mod reply;
pub mod report;
pub mod stats;
pub mod synth;
pub mod text;
pub mod tui;
