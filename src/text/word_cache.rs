//! Per-thread memos of what the built-in lexicons say about a word, kept across documents.
//!
//! The per-document memos ([`TokenMemo`](super::token_map::TokenMemo), the `seen` maps of the
//! rules) answer a word's second occurrence in a text; but the answer for *Regierung* is the same
//! in every text, and a newsroom checks many short articles, where most distinct words of one
//! article were already looked up in the ones before it. A morphology or frequency look-up walks
//! an automaton one node per byte (100–500 ns, more for a compound); a hit here is one hash
//! probe and one comparison of at most 30 bytes.
//!
//! Only *pure* functions of the word and the built-in, static lexicons ([`Morph::global`],
//! [`WordFreq::builtin`]) may be cached here: nothing that depends on a user's dictionaries
//! or on the document. Then the answer does not depend on which thread checks a file or in which
//! order, and the output stays identical whatever the thread count.
//!
//! [`Morph::global`]: crate::morph::Morph::global
//! [`WordFreq::builtin`]: crate::lexicon::words::WordFreq::builtin

use std::cell::RefCell;
use std::thread::LocalKey;

use super::token::norm_hash;

/// log2 of the slots of one cache.
const SLOTS_LOG2: u32 = 13;
/// The slots of one cache: a word's slot is picked by its hash, and a new word takes the
/// slot over (direct-mapped, as CPU caches are). The frequent words, which are most of a
/// text, come back into their slots at once; memory stays fixed (about 400 KB per cache and
/// thread) on any stream of words, a hostile file's included.
const SLOTS: usize = 1 << SLOTS_LOG2;
/// The longest word kept, in bytes: the key is stored in the slot, so a hit allocates
/// nothing. Longer words (rare) are computed every time.
const MAX_KEY: usize = 30;

/// One remembered word and its value.
#[derive(Debug)]
struct Slot<V> {
    hash: u64,
    len: u8,
    key: [u8; MAX_KEY],
    value: V,
}

/// The words one cache knows, with their values; declare one per question with
/// [`word_cache!`](crate::word_cache) and ask it with [`cached`].
#[derive(Debug)]
pub struct WordCache<V>(Vec<Option<Slot<V>>>);

impl<V> Default for WordCache<V> {
    fn default() -> Self {
        WordCache(Vec::new())
    }
}

impl<V: Clone> WordCache<V> {
    /// The slot of a word with `hash`: the high bits of the multiplicative hash, which depend
    /// on every byte.
    fn slot(hash: u64) -> usize {
        (hash >> (64 - SLOTS_LOG2)) as usize
    }

    fn get(&self, hash: u64, word: &[u8]) -> Option<V> {
        match self.0.get(Self::slot(hash))? {
            Some(s) if s.hash == hash && &s.key[..usize::from(s.len)] == word => {
                Some(s.value.clone())
            }
            _ => None,
        }
    }

    fn put(&mut self, hash: u64, word: &[u8], value: V) {
        if self.0.is_empty() {
            self.0.resize_with(SLOTS, || None);
        }
        let mut key = [0u8; MAX_KEY];
        key[..word.len()].copy_from_slice(word);
        self.0[Self::slot(hash)] = Some(Slot {
            hash,
            len: word.len() as u8,
            key,
            value,
        });
    }
}

/// `f()`, the value for `word`, from the per-thread `cache` when some earlier call of this
/// thread computed it (and no other word took its slot since). `f` runs with the cache
/// released, so it may ask the same cache about other words.
pub fn cached<V: Clone + 'static>(
    cache: &'static LocalKey<RefCell<WordCache<V>>>,
    word: &str,
    f: impl FnOnce() -> V,
) -> V {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_KEY {
        return f();
    }
    let hash = norm_hash(bytes);
    cache.with(|cell| {
        if let Some(v) = cell.try_borrow().ok().and_then(|c| c.get(hash, bytes)) {
            return v;
        }
        let v = f();
        if let Ok(mut c) = cell.try_borrow_mut() {
            c.put(hash, bytes, v.clone());
        }
        v
    })
}

/// Declares per-thread word caches: `word_cache!(static KNOWN: bool);`, then
/// `cached(&KNOWN, word, || …)`.
#[macro_export]
macro_rules! word_cache {
    ($(#[$m:meta])* static $name:ident: $v:ty;) => {
        thread_local! {
            $(#[$m])*
            static $name: ::std::cell::RefCell<$crate::text::word_cache::WordCache<$v>> =
                ::std::cell::RefCell::default();
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    crate::word_cache!(
        static LENGTHS: usize;
    );

    #[test]
    fn computes_once_per_word_and_thread() {
        let calls = Cell::new(0);
        let len = |w: &str| {
            cached(&LENGTHS, w, || {
                calls.set(calls.get() + 1);
                w.len()
            })
        };
        assert_eq!(len("Haus"), 4);
        assert_eq!(len("Haus"), 4);
        assert_eq!(len("Häuser"), 7);
        assert_eq!(calls.get(), 2);
        // another thread starts with its own, empty cache
        std::thread::scope(|s| {
            s.spawn(|| {
                let fresh = Cell::new(0);
                cached(&LENGTHS, "Haus", || {
                    fresh.set(1);
                    4
                });
                assert_eq!(fresh.get(), 1);
            });
        });
    }

    #[test]
    fn a_nested_question_to_the_same_cache_is_answered() {
        let outer = cached(&LENGTHS, "Fahrrad", || cached(&LENGTHS, "Rad", || 3) + 4);
        assert_eq!(outer, 7);
        assert_eq!(cached(&LENGTHS, "Rad", || 0), 3);
    }

    #[test]
    fn memory_is_fixed_and_every_answer_right_on_a_stream_of_words() {
        for i in 0..4 * SLOTS {
            assert_eq!(cached(&LENGTHS, &format!("w{i}"), || i), i);
        }
        LENGTHS.with(|c| assert_eq!(c.borrow().0.len(), SLOTS));
        // a word that lost its slot is computed again, right
        assert_eq!(cached(&LENGTHS, "w3", || 3), 3);
        // a word longer than a slot holds is never kept
        let long = "Donaudampfschifffahrtsgesellschaft";
        assert_eq!(cached(&LENGTHS, long, || 34), 34);
        assert_eq!(cached(&LENGTHS, long, || 0), 0);
    }
}
