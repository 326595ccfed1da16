//! Compaction: a journal rewritten without its undone decisions (see
//! "Compaction" in the journal's docs).

use std::collections::HashSet;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use crate::text::shown_path;

use super::{
    BEFORE_COMPACTION_FILE_NAME, COMPACTING_FILE_NAME, FORMAT_VERSION, Journal, Layout, Op, Tail,
    UndoOut, parse_line_tz, private, sync_dir,
};

impl Journal {
    /// The journal without the decisions that were undone, and their undo
    /// lines, when they are at least half of it; `None` otherwise, or when
    /// the file has anything compaction would not carry over as it is (a
    /// skipped line, a byte-order mark, an undo without its line number).
    ///
    /// A bulk step over a million invitations is a 41 MB line (each id and
    /// its invitation's `Sent At`; 19 MB in lines written before that was
    /// kept), and its undo does not take it out: without compaction, a few
    /// bulk steps tried and undone cost every later start their replay. Undone drafts stay, with
    /// their undo lines (their text is offered back); the undo lines kept
    /// are renumbered to the lines they undo in the new file.
    pub(super) fn compacted(&self, bytes: &[u8], layout: &Layout) -> Option<Vec<u8>> {
        if layout.irregular || layout.undone_decides.is_empty() {
            return None;
        }
        let dead: HashSet<usize> = layout
            .undone_decides
            .iter()
            .flat_map(|&(undo, step)| [undo, step])
            .collect();
        let span = |line: usize| layout.spans.get(line - 1).copied();
        let dead_bytes: usize = dead
            .iter()
            .filter_map(|&line| span(line))
            .map(|(start, end)| end - start + 1)
            .sum();
        if dead_bytes * 2 < bytes.len() {
            return None;
        }
        // Each kept line's number in the new file.
        let mut kept = 0;
        let renumbered: Vec<usize> = (0..=layout.spans.len())
            .map(|line| {
                if line == 0 || dead.contains(&line) {
                    0
                } else {
                    kept += 1;
                    kept
                }
            })
            .collect();
        let mut out = Vec::with_capacity(bytes.len() - dead_bytes);
        for (i, &(start, end)) in layout.spans.iter().enumerate() {
            if dead.contains(&(i + 1)) {
                continue;
            }
            let line = &bytes[start..end];
            match parse_line_tz(line) {
                Ok((
                    Op::Undo {
                        at,
                        undoes: Some(n),
                        of,
                    },
                    tz,
                )) => {
                    let undo = UndoOut {
                        v: FORMAT_VERSION,
                        at,
                        tz,
                        op: "undo",
                        undoes: *renumbered.get(n).filter(|&&m| m > 0)?,
                        // The line it undoes is copied as it is.
                        of: of.map(|h| format!("{h:016x}")),
                    };
                    serde_json::to_writer(&mut out, &undo).ok()?;
                }
                _ => out.extend_from_slice(line),
            }
            out.push(b'\n');
        }
        Some(out)
    }

    /// Puts `smaller` (from [`Journal::compacted`]) in place of the
    /// journal file, once a replay of it has been checked to give the same
    /// decisions, drafts and undo steps; the file before is kept beside it
    /// as `journal.jsonl.before-compaction` (replacing the one of an earlier
    /// compaction). Returns the journal read from the new file, or `None`
    /// (with a notice) when the check fails or the file is a symlink.
    pub(super) fn replace_with(
        &self,
        dir: &Path,
        smaller: Vec<u8>,
        dropped: usize,
        notices: &mut Vec<String>,
    ) -> io::Result<Option<Journal>> {
        // A symlinked journal would become a file of its own here.
        if fs::symlink_metadata(&self.path)?.file_type().is_symlink() {
            return Ok(None);
        }
        let mut fresh = Journal::empty(self.path.clone());
        let mut fresh_notices = Vec::new();
        let tail = fresh.replay(&smaller, &mut fresh_notices, &mut Layout::default());
        let same_steps = fresh.steps.len() == self.steps.len()
            && fresh.steps.iter().zip(&self.steps).all(|(a, b)| {
                a.kind == b.kind && a.at == b.at && a.revert.ids().eq(b.revert.ids())
            });
        if !matches!(tail, Tail::Clean)
            || !fresh_notices.is_empty()
            || fresh.entries != self.entries
            || fresh.undone_drafts != self.undone_drafts
            || fresh.undone_decisions != self.undone_decisions
            || !same_steps
        {
            notices.push(format!(
                "{}: did not compact it: the compacted journal did not read back the same (please report this); it is unchanged",
                shown_path(&self.path)
            ));
            return Ok(None);
        }
        let tmp = dir.join(COMPACTING_FILE_NAME);
        let written = private(&mut OpenOptions::new())
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)
            .and_then(|mut f| f.write_all(&smaller).and_then(|()| f.sync_all()));
        if let Err(e) = written {
            // A full disk, say: no half file left behind.
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        let before = dir.join(BEFORE_COMPACTION_FILE_NAME);
        match fs::remove_file(&before) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        // A second name for the old file, then the new one over the first:
        // at every moment `journal.jsonl` is one whole journal or the other.
        if fs::hard_link(&self.path, &before).is_err() {
            fs::copy(&self.path, &before)?;
        }
        fs::rename(&tmp, &self.path)?;
        sync_dir(dir);
        fresh.len = smaller.len() as u64;
        let mb = |n: u64| match n {
            0..1000 => format!("{n} bytes"),
            1000..1_000_000 => format!("{} KB", n.div_ceil(1000)),
            _ => format!("{:.1} MB", n as f64 / 1e6),
        };
        notices.push(format!(
            "{}: compacted from {} to {}, leaving out {dropped} step{} you undid (the file before is kept as {})",
            shown_path(&self.path),
            mb(self.len),
            mb(fresh.len),
            if dropped == 1 { "" } else { "s" },
            shown_path(&before)
        ));
        Ok(Some(fresh))
    }
}
