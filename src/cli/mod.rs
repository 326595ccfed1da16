//! The command line's own modules: what `main.rs` runs for each command.
//! The work itself is the library's; these read the arguments for it, say
//! on standard error what the user should know, and write the results.

pub mod args;
pub mod check;
pub mod classify;
pub mod completions;
pub mod export;
pub mod lists;
pub mod load;
pub mod mark_sent;
pub mod output;
pub mod stats;
pub mod triage;
