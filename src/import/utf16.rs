//! What a UTF-16 file holds that is not UTF-16: a surrogate without its
//! other half, or an odd byte at the end. `encoding_rs` reads each as
//! U+FFFD and goes on, without saying so; this counts them, with the line of
//! the first, so that the import can (as it does for bytes that are not
//! UTF-8). Written here, a few lines over the raw bytes on their way to the
//! decoder: neither `encoding_rs` nor `encoding_rs_io` tells a U+FFFD it
//! made from one the file holds.

use std::cell::Cell;
use std::io::{self, Read};
use std::rc::Rc;

/// How many characters were not UTF-16, and the line of the first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NotUtf16 {
    pub count: u64,
    pub first_line: Option<u64>,
}

/// `inner`'s bytes, passed on as they are, checked as UTF-16 on the way;
/// what it found is in [`Utf16Check::found`] once the end was read.
pub struct Utf16Check<R> {
    inner: R,
    big_endian: bool,
    /// The last code unit was `\r`: a `\n` now ends no other line (lines
    /// are counted as the import counts them, `\r\n`, `\n` or a lone `\r`).
    after_cr: bool,
    /// The first byte of a code unit whose second is yet to come.
    carry: Option<u8>,
    /// A high surrogate waiting for its low one.
    high: bool,
    /// Line breaks so far.
    breaks: u64,
    at_end: bool,
    found: Rc<Cell<NotUtf16>>,
}

impl<R: Read> Utf16Check<R> {
    pub fn new(inner: R, big_endian: bool) -> Self {
        Utf16Check {
            inner,
            big_endian,
            after_cr: false,
            carry: None,
            high: false,
            breaks: 0,
            at_end: false,
            found: Rc::default(),
        }
    }

    /// Where the count ends up; read it once the reader is done.
    pub fn found(&self) -> Rc<Cell<NotUtf16>> {
        Rc::clone(&self.found)
    }

    fn bad(&mut self) {
        let mut found = self.found.get();
        found.count += 1;
        found.first_line.get_or_insert(self.breaks + 1);
        self.found.set(found);
    }

    fn unit(&mut self, pair: [u8; 2]) {
        let unit = if self.big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        };
        let (cr, lf) = (u16::from(b'\r'), u16::from(b'\n'));
        let after_cr = std::mem::replace(&mut self.after_cr, unit == cr);
        let is_low = (0xDC00..=0xDFFF).contains(&unit);
        if std::mem::take(&mut self.high) {
            if is_low {
                return;
            }
            self.bad();
        }
        if (0xD800..=0xDBFF).contains(&unit) {
            self.high = true;
        } else if is_low {
            self.bad();
        } else if unit == cr || (unit == lf && !after_cr) {
            self.breaks += 1;
        }
    }
}

impl<R: Read> Read for Utf16Check<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut bytes = &buf[..n];
        if let (Some(first), [second, rest @ ..]) = (self.carry, bytes) {
            self.carry = None;
            self.unit([first, *second]);
            bytes = rest;
        }
        let mut pairs = bytes.chunks_exact(2);
        for pair in &mut pairs {
            self.unit([pair[0], pair[1]]);
        }
        if let [last] = pairs.remainder() {
            self.carry = Some(*last);
        }
        if n == 0 && !buf.is_empty() && !self.at_end {
            self.at_end = true;
            if self.high {
                self.high = false;
                self.bad();
            }
            if self.carry.take().is_some() {
                self.bad();
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(units: &[u16], big_endian: bool, read_by: usize) -> NotUtf16 {
        let mut bytes: Vec<u8> = units
            .iter()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect();
        // An odd last byte.
        if units.last() == Some(&0xFFFF) {
            bytes.pop();
        }
        let mut r = Utf16Check::new(&bytes[..], big_endian);
        let found = r.found();
        let mut out = Vec::new();
        let mut buf = vec![0; read_by];
        loop {
            let n = r.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        assert_eq!(out, bytes, "passed on as it is");
        found.get()
    }

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn counts_what_is_not_utf16_with_the_first_line() {
        let with = |text: &str, tail: &[u16]| [units(text), tail.to_vec()].concat();
        let found = |count, line| NotUtf16 {
            count,
            first_line: Some(line),
        };
        // (code units, what is found); 0xFFFF stands for an odd byte at
        // the end.
        let cases = [
            // Whole pairs (emoji) are fine.
            (units("a,b\n😀 x\r\n👋"), NotUtf16::default()),
            // A lone high surrogate, then a lone low one, on line 3.
            (
                with("a,b\nc\r\n", &[0xD83D, 0x78, 0xDE00, 0x0A]),
                found(2, 3),
            ),
            // A high surrogate at the very end, in lines ending in `\r`.
            (with("a\rb\r", &[0xD800]), found(1, 3)),
            // Lines ending in `\r` beside a `\n` (in a note), and in `\r\n`.
            (with("a\rb\nc\r\nd\r", &[0xDC00]), found(1, 5)),
            (with("a\nb", &[0xFFFF]), found(1, 2)),
        ];
        for read_by in [1, 2, 3, 4096] {
            for be in [false, true] {
                for (units, expected) in &cases {
                    assert_eq!(
                        check(units, be, read_by),
                        *expected,
                        "{units:x?} by {read_by}"
                    );
                }
            }
        }
    }
}
