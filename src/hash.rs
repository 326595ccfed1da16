//! A small, fast hasher for the keys looked up on every row or word: the
//! classifier's words and sentences (from our own lists) and the journal's
//! invitation ids (already hashes of the profile URLs). Neither is chosen
//! by an adversary who would gain from colliding them, so the DoS-resistant
//! SipHash of `std` only costs time. Hand-written because it is one line
//! (rustc's `FxHasher` step) and the classifier's speed was measured with
//! it; `foldhash` (already in the tree through ratatui) is the crate to
//! take should more be needed.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The multiply-rotate step of rustc's `FxHasher`.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// [`FxHasher`] for a table's keys: its sum turned, so that the table,
/// which picks a bucket by a hash's low bits, gets well-mixed ones. A
/// multiply leaves a key's low zero bits zero: ids made by hand
/// (`…00000`) all fell in one bucket, and a journal of 100k of them took
/// 2 s to open instead of 0.1 s. (`FxHasher` itself stays as it is: the
/// journal keeps hashes made with it.)
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct TableHasher(FxHasher);

impl Hasher for TableHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }

    fn write_u8(&mut self, i: u8) {
        self.0.write_u8(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.0.write_usize(i);
    }

    fn finish(&self) -> u64 {
        self.0.finish().rotate_left(26)
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<TableHasher>>;
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<TableHasher>>;

#[cfg(test)]
mod table_tests {
    use super::*;
    use std::hash::BuildHasher;

    /// Keys whose low bits are all zero (ids made by hand) still spread
    /// over the table's buckets, picked by the low bits of the hash.
    #[test]
    fn keys_with_low_zero_bits_spread_over_the_buckets() {
        let build = BuildHasherDefault::<TableHasher>::default();
        let buckets: HashSet<u64> = (1..=1024u64)
            .map(|i| build.hash_one(i << 20) & 1023)
            .collect();
        assert!(buckets.len() > 512, "{} buckets of 1024", buckets.len());
    }
}
