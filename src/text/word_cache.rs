//! Per-thread memos of what the built-in lexicons say about a word, kept across documents.
//!
//! The per-document memos ([`TokenMemo`](super::token_map::TokenMemo), the `seen` maps of the
//! rules) answer a word's second occurrence in a text; but the answer for *Regierung* is the same
//! in every text, and a newsroom checks many short articles, where most distinct words of one
//! article were already looked up in the ones before it. A morphology or frequency look-up walks
//! an automaton one node per byte (100–500 ns, more for a compound); a hit here is one hash
//! probe and one string comparison.
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

use super::token_map::TokenMap;

/// The most words one cache holds; when full it starts again empty, which bounds memory (about
/// 2 MB per cache and thread) on a stream of distinct words such as a hostile file. Exact
/// answers for this many words beat a fixed table of slots that words share: a direct-mapped
/// cache of 8,192 slots made a check of 6.9 MB of news 4% slower than this one, because
/// rarer words (the candidates of non-word and name-variant) pushed each other out.
const LIMIT: usize = 1 << 15;

/// The longest word kept, in bytes (the longest German words have about 80 letters). A longer
/// "word" is computed every time: kept, a batch of hostile files full of distinct 400 KB runs
/// of letters would hold [`LIMIT`] of them.
const MAX_KEY: usize = 128;

/// The words one cache knows, with their values; declare one per question with
/// [`word_cache!`](crate::word_cache) and ask it with [`cached`].
#[derive(Debug)]
pub struct WordCache<V>(TokenMap<V>);

impl<V> Default for WordCache<V> {
    fn default() -> Self {
        WordCache(TokenMap::default())
    }
}

/// `f()`, the value for `word`, from the per-thread `cache` when some earlier call of this
/// thread computed it. `f` runs with the cache released, so it may ask the same cache about
/// other words.
pub fn cached<V: Clone + 'static>(
    cache: &'static LocalKey<RefCell<WordCache<V>>>,
    word: &str,
    f: impl FnOnce() -> V,
) -> V {
    if word.len() > MAX_KEY {
        return f();
    }
    cache.with(|cell| {
        if let Some(v) = cell.try_borrow().ok().and_then(|c| c.0.get(word).cloned()) {
            return v;
        }
        let v = f();
        if let Ok(mut c) = cell.try_borrow_mut() {
            if c.0.len() >= LIMIT {
                c.0 = TokenMap::default();
            }
            c.0.get_or_insert_with(word, || v.clone());
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
    fn a_word_longer_than_any_german_word_is_never_kept() {
        let long = "a".repeat(MAX_KEY + 1);
        assert_eq!(cached(&LENGTHS, &long, || 1), 1);
        assert_eq!(cached(&LENGTHS, &long, || 2), 2);
        let word = "a".repeat(MAX_KEY);
        assert_eq!(cached(&LENGTHS, &word, || 1), 1);
        assert_eq!(cached(&LENGTHS, &word, || 2), 1);
    }

    #[test]
    fn a_full_cache_starts_again() {
        for i in 0..LIMIT + 10 {
            cached(&LENGTHS, &format!("w{i}"), || i);
        }
        LENGTHS.with(|c| assert!(c.borrow().0.len() <= LIMIT));
        assert_eq!(
            cached(&LENGTHS, &format!("w{}", LIMIT + 5), || 0),
            LIMIT + 5
        );
    }
}
