//! Hash containers for words and tokens: one design for every table a rule or the matcher
//! tests tokens against.
//!
//! Every token carries the hash of its normalised form ([`Tokens::norm_hash`], computed once by
//! the tokenizer), so a look-up by token costs no hashing and, for a word that is not there
//! (most words of a text), no string comparison either. [`TokenMap`] (and [`TokenSet`]) keep
//! words with that hash in a [`hashbrown::HashTable`] (SwissTable: one SIMD probe of 16
//! control bytes tells almost every miss); [`TokenMemo`] is the same table over the tokens of
//! one document, for values computed once per distinct form. Keys are normalised like a
//! token's `norm` (NFC, lower case: [`normalise`](super::token::normalise)).
//!
//! [`FastMap`] and [`FastSet`] are standard hash maps with [`WordHasher`], for keys that are not
//! a token's form (pairs, counts by spelling as written).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use hashbrown::HashTable;

use super::token::{norm_hash, Tokens};

/// The hash a table places a word by: [`norm_hash`] rotated so that the low bits, which pick
/// the bucket, come from the well-mixed high bits of the Fx multiplication (the low bits of an
/// Fx hash of a short word depend on little more than its first letter and its length).
#[inline]
fn spread(hash: u64) -> u64 {
    hash.rotate_left(26)
}

/// Words with a value each, looked up by the hash every token carries and one string
/// comparison: for the lists and dictionaries rules test every token against (English function
/// words, names with distinctive casing) and the whole words of the phrase tables' anchors.
///
/// Keys with the same hash are compared as strings, so a collision costs time, never a wrong
/// answer. Entries keep their insertion order.
#[derive(Debug, Clone)]
pub struct TokenMap<V> {
    /// Index into `entries`, placed by [`spread`] of the entry's hash.
    table: HashTable<u32>,
    /// (hash, word, value), in insertion order.
    entries: Vec<(u64, Box<str>, V)>,
}

impl<V> Default for TokenMap<V> {
    fn default() -> Self {
        TokenMap {
            table: HashTable::new(),
            entries: Vec::new(),
        }
    }
}

impl<V> TokenMap<V> {
    /// The index of the entry of the word with `hash`, which `word` gives (asked for only when
    /// some key has the hash: slicing out a token's form costs more than the probe).
    #[inline]
    fn find<'w>(&self, hash: u64, word: impl FnOnce() -> &'w str) -> Option<usize> {
        let mut word = Some(word);
        let mut known: &str = "";
        self.table
            .find(spread(hash), |&i| {
                let (h, w, _) = &self.entries[i as usize];
                if *h != hash {
                    return false;
                }
                if let Some(word) = word.take() {
                    known = word();
                }
                **w == *known
            })
            .map(|&i| i as usize)
    }

    /// The value of the word with hash `hash` ([`norm_hash`] of its bytes), which `word`
    /// gives when some key has that hash.
    #[inline]
    pub fn get_hashed<'w>(&self, hash: u64, word: impl FnOnce() -> &'w str) -> Option<&V> {
        self.find(hash, word).map(|i| &self.entries[i].2)
    }

    /// The value of `word`, a normalised form.
    pub fn get(&self, word: &str) -> Option<&V> {
        self.get_hashed(norm_hash(word.as_bytes()), || word)
    }

    /// The value of token `t`'s normalised form.
    #[inline]
    pub fn get_token(&self, tokens: &Tokens, t: usize) -> Option<&V> {
        self.get_hashed(tokens.norm_hash(t), || tokens.norm(t))
    }

    /// The value of `word`, inserted by `value` if it has none.
    pub fn get_or_insert_with(&mut self, word: &str, value: impl FnOnce() -> V) -> &mut V {
        let hash = norm_hash(word.as_bytes());
        let i = match self.find(hash, || word) {
            Some(i) => i,
            None => {
                let i = self.entries.len();
                self.entries.push((hash, word.into(), value()));
                let entries = &self.entries;
                self.table
                    .insert_unique(spread(hash), i as u32, |&j| spread(entries[j as usize].0));
                i
            }
        };
        &mut self.entries[i].2
    }

    /// The words and their values, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.entries.iter().map(|(_, w, v)| (&**w, v))
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The map has no words.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A set of normalised words; see [`TokenMap`].
#[derive(Debug, Clone, Default)]
pub struct TokenSet(TokenMap<()>);

impl TokenSet {
    /// The set of `words`, which must be normalised like a token's `norm`.
    pub fn new<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> Self {
        let mut set = TokenSet::default();
        for w in words {
            set.insert(w.as_ref());
        }
        set
    }

    /// Adds `word`, a normalised form.
    pub fn insert(&mut self, word: &str) {
        self.0.get_or_insert_with(word, || ());
    }

    /// The normalised form of token `t` is in the set.
    #[inline]
    pub fn contains_token(&self, tokens: &Tokens, t: usize) -> bool {
        self.0.get_token(tokens, t).is_some()
    }

    /// `word` is in the set.
    pub fn contains(&self, word: &str) -> bool {
        self.0.get(word).is_some()
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The set has no words.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A per-document cache of a value computed from a token's normalised form.
///
/// Rules ask the frequency lexicon about the same words again and again (a text says
/// *Zuckerberg* forty times); an fst look-up walks one node per byte (100–300 ns), while the
/// cache finds a repeated word by the hash every token already carries and one string
/// comparison. It is a [`TokenMap`] whose keys are tokens of the document instead of owned
/// strings, so a new form costs no allocation.
#[derive(Debug)]
pub struct TokenMemo<'t, V> {
    tokens: &'t Tokens,
    /// Index into `seen`, placed by [`spread`] of the hash.
    table: HashTable<u32>,
    /// (`norm_hash`, a token with that normalised form, the value for it).
    seen: Vec<(u64, usize, V)>,
}

impl<'t, V: Copy> TokenMemo<'t, V> {
    /// An empty cache for the tokens of one document.
    pub fn new(tokens: &'t Tokens) -> Self {
        TokenMemo {
            tokens,
            table: HashTable::with_capacity(64),
            seen: Vec::new(),
        }
    }

    /// `f(norm)` for token `t`'s normalised form `norm`, computed once per distinct form.
    pub fn get(&mut self, t: usize, f: impl FnOnce(&str) -> V) -> V {
        let tokens = self.tokens;
        let hash = tokens.norm_hash(t);
        let seen = &self.seen;
        let found = self.table.find(spread(hash), |&i| {
            let (h, u, _) = seen[i as usize];
            h == hash && (u == t || tokens.norm(u) == tokens.norm(t))
        });
        if let Some(&i) = found {
            return self.seen[i as usize].2;
        }
        let v = f(tokens.norm(t));
        let i = self.seen.len() as u32;
        self.seen.push((hash, t, v));
        let seen = &self.seen;
        self.table
            .insert_unique(spread(hash), i, |&j| spread(seen[j as usize].0));
        v
    }
}

/// A fast hasher for words and hashes: Fx (as in rustc, and as [`norm_hash`]) over eight bytes
/// at a time, with a final rotation so that the low bits a hash table picks its bucket by
/// depend on every byte.
///
/// The standard SipHash resists hash flooding by untrusted keys, which the rules do not need:
/// their keys are dictionary words and the words of the text being checked, and a flood
/// would only slow a check down. On the short keys of the rules, SipHash costs several times
/// more than the look-up it serves.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// A `HashMap` hashed with [`WordHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A `HashSet` hashed with [`WordHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    /// Random words of a small alphabet, so that words repeat and share buckets.
    fn words() -> impl FnMut(u64) -> String {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let letters = ["a", "b", "ä", "s", "ß"];
        move |max: u64| -> String {
            (0..1 + next(max))
                .map(|_| letters[next(letters.len() as u64) as usize])
                .collect()
        }
    }

    #[test]
    fn token_map_finds_what_a_hash_map_finds() {
        let mut word = words();
        let mut map = TokenMap::default();
        let mut reference: HashMap<String, usize> = HashMap::new();
        for i in 0..2000 {
            let w = word(5);
            assert_eq!(
                *map.get_or_insert_with(&w, || i),
                *reference.entry(w.clone()).or_insert(i),
                "{w}"
            );
            let probe = word(6);
            assert_eq!(map.get(&probe), reference.get(&probe), "{probe}");
        }
        assert_eq!(map.len(), reference.len());
        let tokens = tokenize("AB ab aß ÄÄ x");
        for t in 0..tokens.len() {
            assert_eq!(map.get_token(&tokens, t), reference.get(tokens.norm(t)));
        }
        // insertion order
        let mut order: Vec<(&String, &usize)> = reference.iter().collect();
        order.sort_by_key(|(_, i)| **i);
        let got: Vec<(&str, &usize)> = map.iter().collect();
        let want: Vec<(&str, &usize)> = order.iter().map(|(w, i)| (w.as_str(), *i)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn token_map_tells_keys_with_one_hash_apart() {
        let mut map = TokenMap::default();
        map.get_or_insert_with("openai", || 1);
        // forge a collision: another key with the hash of "openai"
        let hash = norm_hash(b"openai");
        map.entries.push((hash, "github".into(), 7));
        let entries = &map.entries;
        map.table
            .insert_unique(spread(hash), 1, |&j| spread(entries[j as usize].0));
        assert_eq!(map.get("openai"), Some(&1));
        assert_eq!(map.get_hashed(hash, || "github"), Some(&7));
        assert_eq!(map.get_hashed(hash, || "gitlab"), None);
        assert_eq!(map.get("github"), None, "looked up under its own hash");
    }

    #[test]
    fn token_set_finds_exactly_its_words() {
        let set = TokenSet::new(["the", "of", "sich"]);
        let tokens = tokenize("The off sich ofen OF");
        let found: Vec<bool> = (0..tokens.len())
            .map(|t| set.contains_token(&tokens, t))
            .collect();
        assert_eq!(found, [true, false, true, false, true]);
        assert!(set.contains("of") && !set.contains("o") && !set.contains("Of"));
        assert_eq!(set.len(), 3);
        assert!(TokenSet::default().is_empty());
    }

    #[test]
    fn token_memo_computes_once_per_form_and_survives_collisions() {
        let tokens = tokenize("Haus haus HAUS Baum Haus");
        let mut memo = TokenMemo::new(&tokens);
        let mut calls = Vec::new();
        let got: Vec<usize> = (0..tokens.len())
            .map(|t| {
                memo.get(t, |n| {
                    calls.push(n.to_string());
                    n.len()
                })
            })
            .collect();
        assert_eq!(got, [4, 4, 4, 4, 4]);
        assert_eq!(calls, ["haus", "baum"]);
        // a form with another form's hash gets its own value
        let mut forged = TokenMemo::new(&tokens);
        let hash = tokens.norm_hash(3);
        forged.seen.push((hash, 0, 99));
        forged
            .table
            .insert_unique(spread(hash), 0, |_| spread(hash));
        assert_eq!(forged.get(3, |n| n.len()), 4);
        assert_eq!(forged.get(3, |_| 0), 4);
        assert_eq!(forged.get(0, |n| n.len()), 4);
        // growing keeps every value
        let text: Vec<String> = (0..500).map(|i| format!("w{i}")).collect();
        let tokens = tokenize(&text.join(" "));
        let mut memo = TokenMemo::new(&tokens);
        for t in 0..tokens.len() {
            assert_eq!(memo.get(t, |_| t), t);
        }
        for t in 0..tokens.len() {
            assert_eq!(memo.get(t, |_| usize::MAX), t);
        }
    }

    #[test]
    fn word_hasher_spreads_similar_words() {
        use std::hash::BuildHasher;
        let build = BuildHasherDefault::<WordHasher>::default();
        let buckets: HashSet<u64> = ["Zuckerberg", "Zuckerburg", "Zuckerbergs", "Zuckerberh"]
            .iter()
            .map(|w| build.hash_one(w) & 0xff)
            .collect();
        assert_eq!(buckets.len(), 4);
    }
}
