//! Layer 1: the lines LinkedIn itself added (`Joe Smith has indicated you
//! are a Friend:`), removed whole.

use super::normalise::{is_hspace, is_line_break};

const PHRASE: &[u8] = b"has indicated you are a";

/// Where the phrase starts in `hay`, case-insensitively: Horspool's
/// search, which looks at about one byte in twenty of a note without it.
fn find(hay: &str) -> Option<usize> {
    const N: usize = PHRASE.len();
    const SKIP: [u8; 256] = {
        let mut skip = [N as u8; 256];
        let mut i = 0;
        while i < N - 1 {
            let b = PHRASE[i];
            skip[b.to_ascii_lowercase() as usize] = (N - 1 - i) as u8;
            skip[b.to_ascii_uppercase() as usize] = (N - 1 - i) as u8;
            i += 1;
        }
        skip
    };
    let hay = hay.as_bytes();
    let mut i = 0;
    while i + N <= hay.len() {
        // The window's last byte first: it decides the shift, and it rules
        // out nearly every window before the whole comparison.
        if hay[i + N - 1].eq_ignore_ascii_case(&PHRASE[N - 1])
            && hay[i..i + N].eq_ignore_ascii_case(PHRASE)
        {
            return Some(i);
        }
        i += SKIP[hay[i + N - 1] as usize] as usize;
    }
    None
}

/// The start of the first run of two or more spaces in `line` after `from`.
fn two_spaces(line: &str, from: usize) -> Option<usize> {
    let mut run_start = None;
    let mut run = 0;
    for (i, c) in line[from..].char_indices() {
        if is_hspace(c) {
            if run == 0 {
                run_start = Some(from + i);
            }
            run += 1;
            if run == 2 {
                return run_start;
            }
        } else {
            run = 0;
        }
    }
    None
}

/// The end of the last run of two or more spaces in `before`.
fn two_spaces_before(before: &str) -> Option<usize> {
    let mut chars = before.char_indices().rev().peekable();
    while let Some((i, c)) = chars.next() {
        if is_hspace(c) && chars.peek().is_some_and(|&(_, d)| is_hspace(d)) {
            return Some(i + c.len_utf8());
        }
    }
    None
}

/// `src` without its boilerplate lines: `src` itself when it has none, else
/// a copy in `out`. Each removed line is pushed to `removed`. Recent exports
/// write line breaks as two spaces, so a line runs from the last line break
/// or two spaces before the phrase to the first line break or two spaces
/// after it (as the greeting and sign-off read such runs): in `We met in
/// Oslo.  Joe Smith has indicated you are a Friend:  Hi`, only `Joe Smith
/// has indicated you are a Friend:` goes.
pub(crate) fn strip<'a>(
    src: &'a str,
    out: &'a mut String,
    mut removed: Option<&mut Vec<String>>,
) -> &'a str {
    let Some(mut k) = find(src) else {
        return src;
    };
    out.clear();
    // Copied up to `pos`; the phrase's next occurrence starts at `k`. The
    // phrase holds no line break or two spaces, so each occurrence is
    // inside one line, and the lines without one are copied as they are.
    let mut pos = 0;
    loop {
        let line_start = src[pos..k]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_line_break(c))
            .map_or(pos, |(i, c)| pos + i + c.len_utf8());
        let line_start =
            two_spaces_before(&src[line_start..k]).map_or(line_start, |i| line_start + i);
        let line_end = src[k..].find(is_line_break).map_or(src.len(), |i| k + i);
        let line = &src[line_start..line_end];
        let cut = two_spaces(line, k - line_start + PHRASE.len()).unwrap_or(line.len());
        if let Some(r) = removed.as_deref_mut() {
            r.push(line[..cut].trim().to_owned());
        }
        out.push_str(&src[pos..line_start]);
        // The rest of the line is searched again: two spaces may end the
        // boilerplate before another.
        pos = line_start + cut;
        match find(&src[pos..]) {
            Some(j) => k = pos + j,
            None => break,
        }
    }
    out.push_str(&src[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(src: &str) -> (String, Vec<String>) {
        let mut out = String::new();
        let mut removed = Vec::new();
        let kept = strip(src, &mut out, Some(&mut removed)).to_owned();
        (kept, removed)
    }

    #[test]
    fn removes_whole_lines() {
        let (out, removed) = run(
            "Joe Smith has indicated you are a person they've done business with at Acme:\r\n\r\nHi Colleen",
        );
        assert_eq!(out, "\r\n\r\nHi Colleen");
        assert_eq!(
            removed,
            ["Joe Smith has indicated you are a person they've done business with at Acme:"]
        );
        assert_eq!(run("x\nJoe HAS INDICATED YOU ARE A Friend:\ny").0, "x\n\ny");
        assert_eq!(run("Hi Colleen").0, "Hi Colleen");
        assert_eq!(run("Müller has indicated you are a Friend:").0, "");
    }

    #[test]
    fn search_is_case_insensitive_anywhere() {
        for (hay, want) in [
            ("has indicated you are a", Some(0)),
            ("xhas indicated you are a", Some(1)),
            ("has indicated you are ", None),
            ("Has Indicated You Are A", Some(0)),
            ("it has has indicated you are a", Some(7)),
            ("ü has indicated you are a!", Some(3)),
            ("", None),
        ] {
            assert_eq!(find(hay), want, "{hay}");
        }
    }

    #[test]
    fn two_space_exports() {
        assert_eq!(
            run("Joe Smith has indicated you are a Friend:    Hi Colleen,  thanks").0,
            "    Hi Colleen,  thanks"
        );
        // Two spaces before the phrase end the line before it, as a line
        // break does; single spaces do not.
        let (out, removed) = run("We met in Oslo.  Joe Smith has indicated you are a Friend:");
        assert_eq!(out, "We met in Oslo.  ");
        assert_eq!(removed, ["Joe Smith has indicated you are a Friend:"]);
        let (out, removed) = run(
            "We met.\tx  Joe Smith has indicated you are a person they've done business with at Acme:  Hi  there",
        );
        assert_eq!(out, "We met.\tx    Hi  there");
        assert_eq!(
            removed,
            ["Joe Smith has indicated you are a person they've done business with at Acme:"]
        );
        assert_eq!(
            run("We met. Joe Smith has indicated you are a Friend:  Hi").0,
            "  Hi"
        );
        assert_eq!(run("x\n  Joe has indicated you are a Friend:").0, "x\n  ");
        // Each of two on one line goes.
        let (out, removed) =
            run("A has indicated you are a Friend:  B has indicated you are a Friend:  Hi");
        assert_eq!(out, "    Hi");
        assert_eq!(
            removed,
            [
                "A has indicated you are a Friend:",
                "B has indicated you are a Friend:"
            ]
        );
    }
}
