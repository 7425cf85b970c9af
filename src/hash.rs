//! The hashes dateline writes itself, in one place: FNV-1a (stable across Rust
//! versions and platforms, unlike std's SipHash, so what it feeds can reach output)
//! and the word-keyed maps and sets the tagger asks several times per token.

use std::hash::{BuildHasherDefault, Hasher};

const FNV64_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV64_PRIME: u64 = 0x0100_0000_01b3;
const FNV32_OFFSET: u32 = 0x811c_9dc5;
const FNV32_PRIME: u32 = 0x0100_0193;

/// Word-keyed maps the tagger asks several times per token. They never reach output,
/// so their order does not matter; FNV-1a hashes the short keys faster than SipHash,
/// and these keys come from our own lexicon, not from an adversary.
pub type WordMap<V> = std::collections::HashMap<String, V, BuildHasherDefault<Fnv1a>>;

/// The set counterpart of [`WordMap`]: the lexicon's word lists the tagger asks of
/// every token ("is it a date preposition?").
pub type WordSet = std::collections::HashSet<String, BuildHasherDefault<Fnv1a>>;

/// The 64-bit FNV-1a hash, as a [`Hasher`].
pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(FNV64_OFFSET)
    }
}

impl Hasher for Fnv1a {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a_64_from(self.0, bytes.iter().copied());
    }
}

/// 64-bit FNV-1a of a byte sequence.
pub fn fnv1a_64(bytes: impl IntoIterator<Item = u8>) -> u64 {
    fnv1a_64_from(FNV64_OFFSET, bytes)
}

/// Continue a 64-bit FNV-1a hash from `hash` over `bytes`.
fn fnv1a_64_from(hash: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(hash, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(FNV64_PRIME)
    })
}

/// 64-bit FNV-1a over lines written one by one (each followed by a newline):
/// stable across versions and platforms, unlike `std`'s hashers, so it may be
/// written in a file.
#[derive(Debug, Clone, Copy)]
pub struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64(FNV64_OFFSET)
    }
}

impl Fnv64 {
    pub fn write_line(&mut self, line: &str) {
        self.0 = fnv1a_64_from(self.0, line.bytes().chain(std::iter::once(b'\n')));
    }

    pub fn finish(self) -> u64 {
        self.0
    }
}

/// 32-bit FNV-1a of a byte sequence.
pub fn fnv1a_32(bytes: impl IntoIterator<Item = u8>) -> u32 {
    bytes.into_iter().fold(FNV32_OFFSET, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(FNV32_PRIME)
    })
}

/// A multiply-rotate hasher (as in rustc's FxHash) for the graph's internal
/// lookups: keys are our own numbers, so SipHash's flooding resistance buys nothing,
/// and iteration order never reaches the output.
#[derive(Default)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        assert_eq!(fnv1a_64(*b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a_64(*b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a_32(*b"a"), 0xe40c_292c);
        assert_eq!(fnv1a_32(*b"foobar"), 0xbf9c_f968);
    }
}
