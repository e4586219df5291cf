//! Finding a table's words in every token of a document: the anchors of the phrase patterns
//! and the words of exclusion cues.
//!
//! Most words are compared with whole tokens (`Taschen`) or token starts (`tief*`), so they
//! are looked up by hash per token instead of running an automaton over every byte of the
//! text: whole words by the token's normalised form, prefixes and suffixes by the token's
//! first and last three bytes. Only infixes (`*wilderung*`) are searched with Aho-Corasick.
//! The matches of a token are reported in the order an Aho-Corasick search over that token
//! would report them (by end, longer first, then word order), so which entry hits first
//! does not depend on how the words are indexed.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::ops::Range;

use aho_corasick::{AhoCorasick, Input};

use super::pattern::Affix;
use crate::text::token::{norm_hash, Tokens};
use crate::text::TokenKind;

/// The Fx hash (as in rustc): a multiply and a rotate per eight bytes. The keys are short
/// dictionary words and nothing depends on their order, so a fast hash is all that is
/// needed.
#[derive(Debug, Clone, Copy, Default)]
struct FxBuild;

struct Fx(u64);

impl Fx {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
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

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl BuildHasher for FxBuild {
    type Hasher = Fx;
    fn build_hasher(&self) -> Fx {
        Fx(0)
    }
}

/// Up to three bytes and their number, as one key.
fn key(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .fold(bytes.len() as u32, |k, &b| (k << 8) | u32::from(b))
}

/// Words bucketed by their first (prefixes) or last (suffixes) up to three bytes.
#[derive(Debug, Clone)]
struct Buckets {
    map: HashMap<u32, Vec<u32>, FxBuild>,
    /// Bit n set: some word has n + 1 key bytes (words shorter than three bytes).
    key_lens: u8,
    /// The first (prefixes) or last two bytes of some word's key, as a bit set: most
    /// tokens are rejected without a lookup.
    pairs: Vec<u64>,
    /// Words of one byte, by that byte.
    singles: [u64; 4],
}

impl Default for Buckets {
    fn default() -> Self {
        Buckets {
            map: HashMap::default(),
            key_lens: 0,
            pairs: vec![0; 1 << 10],
            singles: [0; 4],
        }
    }
}

fn has(bits: &[u64], i: usize) -> bool {
    bits[i >> 6] & (1 << (i & 63)) != 0
}

fn set(bits: &mut [u64], i: usize) {
    bits[i >> 6] |= 1 << (i & 63);
}

/// Two bytes as one index.
fn pair(a: u8, b: u8) -> usize {
    usize::from(a) << 8 | usize::from(b)
}

impl Buckets {
    /// Adds a word by its key: its first (`from_end` false) or last up to three bytes.
    fn add(&mut self, key_bytes: &[u8], from_end: bool, id: u32) {
        self.key_lens |= 1 << (key_bytes.len() - 1);
        match key_bytes.len() {
            1 => set(&mut self.singles, usize::from(key_bytes[0])),
            n if from_end => set(&mut self.pairs, pair(key_bytes[n - 2], key_bytes[n - 1])),
            _ => set(&mut self.pairs, pair(key_bytes[0], key_bytes[1])),
        }
        self.map.entry(key(key_bytes)).or_default().push(id);
    }

    /// The words whose key is the first (`from_end` false) or last bytes of `norm`.
    fn candidates<'a>(&'a self, norm: &'a [u8], from_end: bool) -> impl Iterator<Item = u32> + 'a {
        let (first, second) = match (norm.len(), from_end) {
            (0, _) => (None, None),
            (1, _) => (Some(norm[0]), None),
            (n, true) => (Some(norm[n - 1]), Some(pair(norm[n - 2], norm[n - 1]))),
            (_, false) => (Some(norm[0]), Some(pair(norm[0], norm[1]))),
        };
        let maybe = first.is_some_and(|b| has(&self.singles, usize::from(b)))
            || second.is_some_and(|p| has(&self.pairs, p));
        (1..=3usize)
            .filter(move |&n| maybe && self.key_lens & (1 << (n - 1)) != 0 && n <= norm.len())
            .filter_map(move |n| {
                let k = if from_end {
                    &norm[norm.len() - n..]
                } else {
                    &norm[..n]
                };
                self.map.get(&key(k))
            })
            .flatten()
            .copied()
    }
}

/// Whole words, found by the hash tokens carry ([`Tokens::norm_hash`]): open addressing
/// with linear probing, at most half full.
#[derive(Debug, Clone, Default)]
struct Exact {
    /// Index into `words` + 1 (0: empty), by hash.
    slots: Vec<u32>,
    /// (hash, word, ids of the word).
    words: Vec<(u64, Box<str>, Vec<u32>)>,
}

impl Exact {
    fn build(words: Vec<(&str, u32)>) -> Self {
        let mut by_word: Vec<(u64, Box<str>, Vec<u32>)> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (w, id) in words {
            let i = *index.entry(w).or_insert_with(|| {
                by_word.push((norm_hash(w.as_bytes()), w.into(), Vec::new()));
                by_word.len() - 1
            });
            by_word[i].2.push(id);
        }
        let size = (by_word.len() * 2).next_power_of_two().max(8);
        let mut slots = vec![0u32; size];
        for (i, (h, _, _)) in by_word.iter().enumerate() {
            let mut at = (*h as usize) & (size - 1);
            while slots[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            slots[at] = i as u32 + 1;
        }
        Exact {
            slots,
            words: by_word,
        }
    }

    fn get(&self, hash: u64, norm: &str) -> Option<&[u32]> {
        if self.words.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut at = (hash as usize) & mask;
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                return None;
            }
            let (h, w, ids) = &self.words[slot as usize - 1];
            if *h == hash && **w == *norm {
                return Some(ids);
            }
            at = (at + 1) & mask;
        }
    }
}

/// A set of words with affixes, each belonging to an entry of a table.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordSet {
    /// Every word: (normalised form, entry, affix); its index is its id.
    words: Vec<(Box<str>, usize, Affix)>,
    exact: Exact,
    prefix: Buckets,
    suffix: Buckets,
    /// The infix words, searched with Aho-Corasick; the automaton's pattern n is
    /// `infix_ids[n]`.
    infix: Option<AhoCorasick>,
    infix_ids: Vec<u32>,
    /// A set of at most [`SMALL`] words is searched with one automaton over the token
    /// stream instead: its prefilter skips text without a candidate faster than looking up
    /// every token.
    small: Option<AhoCorasick>,
}

/// The most words a set searches with one automaton; see [`WordSet::small`].
const SMALL: usize = 8;

/// A word found in a token: where it ends (byte in the norm stream), its length and id.
type Found = (usize, std::cmp::Reverse<usize>, u32);

impl WordSet {
    /// Indexes `(word, entry, affix)` triples; words are normalised (NFC, lower case).
    pub(crate) fn new(words: Vec<(&str, usize, Affix)>) -> Self {
        let mut set = WordSet::default();
        let mut infix_words = Vec::new();
        let mut exact = Vec::new();
        for (id, &(w, _, affix)) in words.iter().enumerate() {
            let id = id as u32;
            let b = w.as_bytes();
            if b.is_empty() {
                continue;
            }
            match affix {
                Affix::Exact => exact.push((w, id)),
                Affix::Prefix => set.prefix.add(&b[..b.len().min(3)], false, id),
                Affix::Suffix => set.suffix.add(&b[b.len() - b.len().min(3)..], true, id),
                Affix::Infix => {
                    infix_words.push(w);
                    set.infix_ids.push(id);
                }
            }
        }
        if words.len() <= SMALL && words.iter().all(|w| !w.0.is_empty()) {
            set.small =
                Some(AhoCorasick::new(words.iter().map(|w| w.0)).expect("automaton builds"));
        }
        set.exact = Exact::build(exact);
        if !infix_words.is_empty() {
            set.infix = Some(AhoCorasick::new(&infix_words).expect("infix automaton builds"));
        }
        set.words = words
            .into_iter()
            .map(|(w, e, a)| (w.into(), e, a))
            .collect();
        set
    }

    /// Calls `f(token, entry)` for every word that matches a token of `range` as its affix
    /// says (opaque tokens never match), token by token, within a token in the order of an
    /// Aho-Corasick search over the token: by end, longer words first, then word order.
    pub(crate) fn each_match(
        &self,
        tokens: &Tokens,
        range: Range<usize>,
        mut f: impl FnMut(usize, usize),
    ) {
        if self.words.is_empty() || range.is_empty() {
            return;
        }
        let stream = tokens.norm_stream();
        if let Some(ac) = &self.small {
            let from = tokens.norm_range(range.start).0;
            let to = tokens.norm_range(range.end - 1).1;
            let mut t = range.start;
            for m in ac.find_overlapping_iter(Input::new(stream).range(from..to)) {
                while tokens.norm_range(t).1 < m.end() {
                    t += 1;
                }
                if tokens.list[t].kind == TokenKind::Opaque {
                    continue;
                }
                let (ns, ne) = tokens.norm_range(t);
                let (_, entry, affix) = self.words[m.pattern().as_usize()];
                let ok = match affix {
                    Affix::Exact => m.start() == ns && m.end() == ne,
                    Affix::Prefix => m.start() == ns,
                    Affix::Suffix => m.end() == ne,
                    Affix::Infix => true,
                };
                if ok {
                    f(t, entry);
                }
            }
            return;
        }
        // infix hits of the whole range, in token order (one search; the forms are
        // separated by a character no word holds, so no match crosses tokens)
        let mut infix_hits: Vec<(usize, Found)> = Vec::new();
        if let Some(ac) = &self.infix {
            let from = tokens.norm_range(range.start).0;
            let to = tokens.norm_range(range.end - 1).1;
            let mut t = range.start;
            for m in ac.find_overlapping_iter(Input::new(stream).range(from..to)) {
                while tokens.norm_range(t).1 < m.end() {
                    t += 1;
                }
                let id = self.infix_ids[m.pattern().as_usize()];
                infix_hits.push((t, (m.end(), std::cmp::Reverse(m.len()), id)));
            }
        }
        let mut infix_hits = infix_hits.into_iter().peekable();
        let mut found: Vec<Found> = Vec::new();
        for t in range {
            found.clear();
            while let Some((_, hit)) = infix_hits.next_if(|h| h.0 == t) {
                found.push(hit);
            }
            if tokens.list[t].kind == TokenKind::Opaque {
                continue;
            }
            let (ns, ne) = tokens.norm_range(t);
            let norm = &stream[ns..ne];
            let nb = norm.as_bytes();
            if let Some(ids) = self.exact.get(tokens.norm_hash(t), norm) {
                found.extend(ids.iter().map(|&id| (ne, std::cmp::Reverse(ne - ns), id)));
            }
            for id in self.prefix.candidates(nb, false) {
                let w = &self.words[id as usize].0;
                if nb.starts_with(w.as_bytes()) {
                    found.push((ns + w.len(), std::cmp::Reverse(w.len()), id));
                }
            }
            for id in self.suffix.candidates(nb, true) {
                let w = &self.words[id as usize].0;
                if nb.ends_with(w.as_bytes()) {
                    found.push((ne, std::cmp::Reverse(w.len()), id));
                }
            }
            if found.is_empty() {
                continue;
            }
            found.sort_unstable();
            for &(_, _, id) in &found {
                f(t, self.words[id as usize].1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    /// What the table did before: one overlapping Aho-Corasick search over every word,
    /// keeping the matches that fit their affix.
    fn by_automaton(words: &[(&str, usize, Affix)], tokens: &Tokens) -> Vec<(usize, usize)> {
        let ac = AhoCorasick::new(words.iter().map(|w| w.0)).unwrap();
        let mut out = Vec::new();
        for t in 0..tokens.len() {
            if tokens.list[t].kind == TokenKind::Opaque {
                continue;
            }
            let norm = tokens.norm(t);
            for m in ac.find_overlapping_iter(norm) {
                let (_, entry, affix) = words[m.pattern().as_usize()];
                let ok = match affix {
                    Affix::Exact => m.start() == 0 && m.end() == norm.len(),
                    Affix::Prefix => m.start() == 0,
                    Affix::Suffix => m.end() == norm.len(),
                    Affix::Infix => true,
                };
                if ok {
                    out.push((t, entry));
                }
            }
        }
        out
    }

    /// A tiny deterministic generator (xorshift).
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }

        /// A word from a small alphabet, so words collide and overlap often.
        fn word(&mut self, max: u64) -> String {
            const LETTERS: [&str; 7] = ["a", "b", "ä", "ab", "ba", "ß", "e\u{301}"];
            (0..1 + self.below(max))
                .map(|_| LETTERS[self.below(LETTERS.len() as u64) as usize])
                .collect()
        }
    }

    #[test]
    fn reports_what_an_automaton_reports_in_the_same_order() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..500 {
            let owned: Vec<(String, usize, Affix)> = (0..1 + rng.below(2 * SMALL as u64 + 4))
                .map(|_| {
                    let affix = [Affix::Exact, Affix::Prefix, Affix::Suffix, Affix::Infix]
                        [rng.below(4) as usize];
                    let w = crate::text::token::normalise(&rng.word(3));
                    (w, rng.below(5) as usize, affix)
                })
                .collect();
            let words: Vec<(&str, usize, Affix)> =
                owned.iter().map(|(w, e, a)| (w.as_str(), *e, *a)).collect();
            let sep = if rng.below(2) == 0 { " " } else { " x.de " };
            let text: Vec<String> = (0..40).map(|_| rng.word(5)).collect();
            let text = text.join(sep);
            let tokens = tokenize(&text);
            let set = WordSet::new(words.clone());
            let mut got = Vec::new();
            set.each_match(&tokens, 0..tokens.len(), |t, e| got.push((t, e)));
            assert_eq!(got, by_automaton(&words, &tokens), "{words:?} in {text}");
        }
    }
}
