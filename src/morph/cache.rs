//! Per-thread memos that make repeated look-ups cheap: German text is Zipfian (the thousand
//! most frequent forms are about half of all tokens), so a small cache of decoded readings
//! answers most look-ups without walking the automaton; and the dictionary has only about
//! 2,100 distinct tags, so each is parsed once per thread.
//!
//! The caches are direct-mapped tables in `thread_local`s: no locks, no atomics; a slot holds
//! one form and is overwritten by the next form that hashes to it. Every key includes the
//! dictionary's identity ([`super::fsa::Cfsa2::id`]), so two dictionaries never share
//! entries. A cache that is in use (a callback that looks words up again) is simply bypassed.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::rc::Rc;

use foldhash::fast::FixedState;

use super::fsa::Cfsa2;
use super::{Readings, Tag};

/// The tags below a node of the automaton, in its order, with their parsed values.
pub(super) type TagList = Rc<[(Rc<str>, Tag)]>;

/// log2 of the slots of the readings cache.
const READING_BITS: u32 = 14;
/// Slots of the readings cache.
const READING_SLOTS: usize = 1 << READING_BITS;
/// log2 of the slots of the `is_known` cache.
const KNOWN_BITS: u32 = 13;
/// Slots of the `is_known` cache.
const KNOWN_SLOTS: usize = 1 << KNOWN_BITS;
/// The longest form the `is_known` cache holds, in bytes.
const KNOWN_KEY: usize = 30;

/// What a readings slot holds for its form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// [`super::Morph::lookup_into`]: the form exactly as written.
    Exact,
    /// [`super::Morph::analyze_into`] without the lower-case readings.
    Analyze,
    /// [`super::Morph::analyze_into`] of a capitalised form at a sentence start.
    AnalyzeStart,
}

#[derive(Debug, Default)]
struct ReadingSlot {
    dict: usize,
    mode: Option<Mode>,
    form: String,
    readings: Readings,
}

#[derive(Debug, Clone, Copy)]
struct KnownSlot {
    dict: usize,
    len: u8,
    form: [u8; KNOWN_KEY],
    known: bool,
}

const EMPTY_KNOWN: KnownSlot = KnownSlot {
    dict: 0,
    len: 0,
    form: [0; KNOWN_KEY],
    known: false,
};

thread_local! {
    static READINGS: RefCell<Vec<ReadingSlot>> = const { RefCell::new(Vec::new()) };
    static KNOWN: RefCell<Vec<KnownSlot>> = const { RefCell::new(Vec::new()) };
    static TAG_LISTS: RefCell<HashMap<(usize, usize), TagList, FixedState>> =
        const { RefCell::new(HashMap::with_hasher(FixedState::with_seed(0))) };
    static TAGS: RefCell<HashMap<Box<str>, Option<Tag>, FixedState>> =
        const { RefCell::new(HashMap::with_hasher(FixedState::with_seed(0))) };
}

/// The slot of `form` (and `salt`) in a table of `2^bits` slots: the top bits of the hash
/// after a Fibonacci multiplication, as the low bits of a fast hash of a short string are
/// not well spread.
fn slot(form: &str, salt: u64, bits: u32) -> usize {
    let h = FixedState::with_seed(0x6d74_6368_6563_6b21).hash_one(form.as_bytes()) ^ salt;
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

fn reading_index(form: &str, mode: Mode) -> usize {
    slot(form, mode as u64, READING_BITS)
}

fn known_index(form: &str) -> usize {
    slot(form, 0, KNOWN_BITS)
}

/// Copies the cached readings of `form` in `mode` into `out`; false when they are not cached.
pub(super) fn get_readings(dict: usize, form: &str, mode: Mode, out: &mut Readings) -> bool {
    READINGS.with(|cell| {
        let Ok(slots) = cell.try_borrow() else {
            return false;
        };
        match slots.get(reading_index(form, mode)) {
            Some(s) if s.dict == dict && s.mode == Some(mode) && s.form == form => {
                out.copy_from(&s.readings);
                true
            }
            _ => false,
        }
    })
}

/// Caches `readings` as those of `form` in `mode`.
pub(super) fn put_readings(dict: usize, form: &str, mode: Mode, readings: &Readings) {
    store(dict, form, mode, |slot| slot.copy_from(readings));
}

/// Caches `readings`, moved in, as those of `form` in `mode`.
pub(super) fn give_readings(dict: usize, form: &str, mode: Mode, readings: Readings) {
    store(dict, form, mode, |slot| *slot = readings);
}

/// Fills the slot of `form` in `mode` with `fill` (skipped while the cache is in use).
fn store(dict: usize, form: &str, mode: Mode, fill: impl FnOnce(&mut Readings)) {
    READINGS.with(|cell| {
        let Ok(mut slots) = cell.try_borrow_mut() else {
            return;
        };
        if slots.is_empty() {
            slots.resize_with(READING_SLOTS, ReadingSlot::default);
        }
        let slot = &mut slots[reading_index(form, mode)];
        slot.dict = dict;
        slot.mode = Some(mode);
        slot.form.clear();
        slot.form.push_str(form);
        fill(&mut slot.readings);
    })
}

/// Moves the cached readings of `form` in `mode` out of the cache (leaving the slot empty), so
/// that a caller can hand them to a callback that may look words up itself; give them back with
/// [`give_readings`].
pub(super) fn take_readings(dict: usize, form: &str, mode: Mode) -> Option<Readings> {
    READINGS.with(|cell| {
        let mut slots = cell.try_borrow_mut().ok()?;
        let slot = slots.get_mut(reading_index(form, mode))?;
        if slot.dict == dict && slot.mode == Some(mode) && slot.form == form {
            slot.mode = None;
            Some(std::mem::take(&mut slot.readings))
        } else {
            None
        }
    })
}

/// Whether `form` is known, if cached.
pub(super) fn get_known(dict: usize, form: &str) -> Option<bool> {
    if form.len() > KNOWN_KEY {
        return None;
    }
    KNOWN.with(|cell| {
        let slots = cell.try_borrow().ok()?;
        let s = slots.get(known_index(form))?;
        (s.dict == dict
            && usize::from(s.len) == form.len()
            && &s.form[..form.len()] == form.as_bytes())
        .then_some(s.known)
    })
}

/// Caches whether `form` is known.
pub(super) fn put_known(dict: usize, form: &str, known: bool) {
    if form.len() > KNOWN_KEY {
        return;
    }
    KNOWN.with(|cell| {
        let Ok(mut slots) = cell.try_borrow_mut() else {
            return;
        };
        if slots.is_empty() {
            slots.resize(KNOWN_SLOTS, EMPTY_KNOWN);
        }
        let slot = &mut slots[known_index(form)];
        slot.dict = dict;
        slot.len = form.len() as u8;
        slot.form[..form.len()].copy_from_slice(form.as_bytes());
        slot.known = known;
    })
}

/// The parsed tag `text`, parsed once per thread.
pub(super) fn tag(text: &str) -> Option<Tag> {
    TAGS.with(|cell| {
        let Ok(mut tags) = cell.try_borrow_mut() else {
            return Tag::parse(text);
        };
        if let Some(&tag) = tags.get(text) {
            return tag;
        }
        let tag = Tag::parse(text);
        tags.insert(text.into(), tag);
        tag
    })
}

/// The tags below `node` (the node after an entry's encoded lemma and separator): every
/// sequence below it that is UTF-8 and parses as a tag, listed once per node and thread.
pub(super) fn tags_below(fsa: &Cfsa2<'_>, node: usize) -> TagList {
    let key = (fsa.id(), node);
    let cached = TAG_LISTS.with(|cell| cell.try_borrow().ok()?.get(&key).cloned());
    if let Some(list) = cached {
        return list;
    }
    let mut list = Vec::new();
    fsa.for_each_suffix(node, &mut |text: &[u8]| {
        if let Ok(text) = std::str::from_utf8(text) {
            if let Some(tag) = tag(text) {
                list.push((Rc::from(text), tag));
            }
        }
    });
    let list: TagList = list.into();
    TAG_LISTS.with(|cell| {
        if let Ok(mut lists) = cell.try_borrow_mut() {
            lists.insert(key, list.clone());
        }
    });
    list
}
