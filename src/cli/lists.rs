//! `invitriage lists [LIST]`.

use std::io::{self, Write};

use super::args::ListName;

/// `invitriage lists`: every list with its counts and entries, or the
/// entries of `only`, one a line (for `grep` and `wc -l`). The whole
/// lists name the config file read (`config_file`), or say there was none
/// there: one edited in the wrong place shows here.
pub fn write_lists(
    mut out: impl Write,
    extra: &invitriage::classify::Lists,
    only: Option<ListName>,
    config_file: &std::path::Path,
) -> io::Result<()> {
    let named = extra.named();
    if let Some(only) = only {
        let wanted = clap::ValueEnum::to_possible_value(&only)
            .map(|v| v.get_name().to_string())
            .unwrap_or_default();
        // Each entry as the classifier holds it: once, the first of those
        // the same after normalisation, without spaces at its ends.
        let mut seen = std::collections::HashSet::new();
        for (_, built_in, mine) in named.iter().filter(|(n, _, _)| *n == wanted) {
            for e in built_in
                .iter()
                .copied()
                .chain(mine.iter().map(String::as_str))
            {
                // One line each: a line break in a config entry written
                // out as `\n`.
                if seen.insert(invitriage::classify::entry_key(e)) {
                    writeln!(out, "{}", invitriage::text::shown_name(e.trim()))?;
                }
            }
        }
        return out.flush();
    }
    writeln!(
        out,
        "The classifier's lists. `[classify]` in the config adds to each; none is replaced.\n\
         Entries are compared after normalisation (case, quotes, contractions, spaces).\n\
         Config file: {}{}",
        invitriage::text::shown_path(config_file),
        if config_file.exists() {
            ""
        } else {
            " (not there: the built-in lists alone)"
        }
    )?;
    for (name, built_in, mine) in &named {
        let from_config = match mine.len() {
            0 => String::new(),
            n => format!(", {n} from the config"),
        };
        writeln!(out, "\n{name}: {} built in{from_config}", built_in.len())?;
        for e in built_in {
            writeln!(out, "  {e}")?;
        }
        // An entry given again (or as built in) changes nothing: said, so
        // that the list reads as the classifier holds it.
        let mut seen: std::collections::HashMap<String, &str> = built_in
            .iter()
            .map(|e| (invitriage::classify::entry_key(e), *e))
            .collect();
        for e in mine.iter() {
            let shown = invitriage::text::shown_name(e.trim());
            match seen.get(&invitriage::classify::entry_key(e)) {
                Some(first) => writeln!(out, "  {shown}  (config; the same as `{first}` above)")?,
                None => writeln!(out, "  {shown}  (config)")?,
            }
            seen.entry(invitriage::classify::entry_key(e)).or_insert(e);
        }
    }
    // A buffered writer's own flush on drop would swallow a failed write.
    out.flush()
}
