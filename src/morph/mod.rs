//! Knowing German word forms: for a token, whether it is a German word form, and its readings
//! (lemma, part of speech, case, number, gender, person, tense …), from LanguageTool's German
//! part-of-speech dictionary (Morphy, extended by korrekturen.de; CC BY-SA 4.0, see
//! `data/morph/README.md`), plus compound analysis for forms the dictionary lacks
//! (*Batterietag* → head *Tag*) and the wordfreq frequency of a form.
//!
//! The dictionary is a Morfologik CFSA2 automaton (880 KB) embedded in the binary and read in
//! place ([`fsa`]): opening it costs nothing, a look-up walks the form's bytes and then lists
//! the entries below it. Each thread keeps the readings of its recently looked-up forms and
//! its parsed tags, so the frequent words of running text cost a hash and a copy.
//!
//! ```
//! use mtcheck::morph::{Genders, Morph, Numbers, Pos};
//! let morph = Morph::global();
//! let readings = morph.lookup("Häusern");
//! let r = readings.iter().next().unwrap();
//! assert_eq!((r.lemma, r.tag_text), ("Haus", "SUB:DAT:PLU:NEU"));
//! assert_eq!((r.tag.pos, r.tag.number, r.tag.gender), (Pos::Noun, Numbers::PLU, Genders::NEU));
//! let tag = morph.analyze("Batterietag", false);
//! assert!(tag.iter().all(|r| r.lemma == "Batterietag"));
//! assert!(tag.iter().any(|r| r.tag.gender == Genders::MAS));
//! ```

mod analyze;
mod cache;
mod compound;
pub mod fsa;
pub mod tag;

use std::sync::LazyLock;

pub use analyze::analyze_text;
pub use fsa::FsaError;
pub use tag::{
    Cases, Declension, Degree, Flags, Genders, Kind, Numbers, Person, Pos, Tag, Tense, VerbForm,
};

use crate::lexicon::words::WordFreq;
use fsa::Cfsa2;

/// The tagger automaton of `languagetool-org/german-pos-dict` (commit a0d7adc).
static GERMAN_DICT: &[u8] = include_bytes!("../../data/morph/german.dict");

/// The byte between a form, its encoded lemma and its tag (`fsa.dict.separator` in
/// `german.info`).
const SEPARATOR: u8 = b'_';

/// Where the dictionary comes from and under which licence; print it wherever its data is
/// shown.
pub const ATTRIBUTION: &str = "German morphology: german-pos-dict by LanguageTool \
(https://github.com/languagetool-org/german-pos-dict, commit a0d7adc), derived from Morphy \
(Wolfgang Lezius) and extended with data from korrekturen.de/flexion; licensed CC BY-SA 4.0 \
(https://creativecommons.org/licenses/by-sa/4.0/).";

static GLOBAL: LazyLock<Morph> = LazyLock::new(|| {
    Morph::new(GERMAN_DICT).expect("the embedded dictionary is a CFSA2 automaton")
});

/// The German morphological dictionary.
#[derive(Debug, Clone, Copy)]
pub struct Morph {
    fsa: Cfsa2<'static>,
}

/// One reading of a form: a lemma with a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading<'a> {
    /// The lemma (*Haus* for *Häusern*; for a compound, the whole compound's lemma).
    pub lemma: &'a str,
    /// The tag as the dictionary spells it (`SUB:DAT:PLU:NEU`).
    pub tag_text: &'a str,
    /// The parsed tag.
    pub tag: Tag,
}

/// How the readings of [`Morph::analyze`] were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Source {
    /// No reading was found.
    #[default]
    Unknown,
    /// The form as written is in the dictionary.
    Exact,
    /// Only the lower-cased form is (a capitalised word at the start of a sentence).
    LowerCase,
    /// The form is a compound whose head, from this byte offset of the form on, is in the
    /// dictionary; the lemmas are the compound's.
    Compound {
        /// Where the head starts in the form.
        head_start: usize,
    },
}

#[derive(Debug, Clone, Copy)]
struct Item {
    lemma: (u32, u32),
    tag_text: (u32, u32),
    tag: Tag,
}

/// The readings of a form, owning their text. Reuse one with [`Morph::lookup_into`] or
/// [`Morph::analyze_into`] to look words up without allocating.
#[derive(Debug, Clone, Default)]
pub struct Readings {
    text: String,
    items: Vec<Item>,
    source: Source,
}

impl Readings {
    /// The readings, in the dictionary's order.
    pub fn iter(&self) -> impl Iterator<Item = Reading<'_>> + '_ {
        self.items.iter().map(|it| Reading {
            lemma: &self.text[it.lemma.0 as usize..it.lemma.1 as usize],
            tag_text: &self.text[it.tag_text.0 as usize..it.tag_text.1 as usize],
            tag: it.tag,
        })
    }

    /// The number of readings.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// No reading.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// How they were found.
    pub fn source(&self) -> Source {
        self.source
    }

    /// Removes every reading (keeping the buffers).
    pub fn clear(&mut self) {
        self.text.clear();
        self.items.clear();
        self.source = Source::Unknown;
    }

    /// Makes this a copy of `other`, reusing the buffers.
    fn copy_from(&mut self, other: &Readings) {
        self.text.clear();
        self.text.push_str(&other.text);
        self.items.clear();
        self.items.extend_from_slice(&other.items);
        self.source = other.source;
    }

    /// Adds a reading whose lemma is `prefix` followed by `lemma`. Consecutive readings of one
    /// lemma share its text.
    fn push(&mut self, prefix: &str, lemma: &str, tag_text: &str, tag: Tag) {
        let same = self.items.last().is_some_and(|last| {
            let prev = &self.text[last.lemma.0 as usize..last.lemma.1 as usize];
            prev.len() == prefix.len() + lemma.len()
                && prev.starts_with(prefix)
                && prev.ends_with(lemma)
        });
        let lemma_range = match self.items.last() {
            Some(last) if same => last.lemma,
            _ => {
                let start = self.text.len() as u32;
                self.text.push_str(prefix);
                self.text.push_str(lemma);
                (start, self.text.len() as u32)
            }
        };
        let start = self.text.len() as u32;
        self.text.push_str(tag_text);
        self.items.push(Item {
            lemma: lemma_range,
            tag_text: (start, self.text.len() as u32),
            tag,
        });
    }
}

impl Morph {
    /// The embedded dictionary, opened once per process (it only reads a 40-byte header).
    pub fn global() -> &'static Morph {
        &GLOBAL
    }

    /// Opens a Morfologik CFSA2 tagger dictionary whose entries are
    /// `form_lemma_tag` with suffix-encoded lemmas, like `german.dict`.
    pub fn new(bytes: &'static [u8]) -> Result<Morph, FsaError> {
        Ok(Morph {
            fsa: Cfsa2::new(bytes)?,
        })
    }

    /// The automaton, for walking every entry.
    pub fn automaton(&self) -> &Cfsa2<'static> {
        &self.fsa
    }

    /// Calls `f` with every reading of `form` exactly as written (case matters: *Haus* is
    /// found, *haus* is not). Returns the number of readings. The readings of recent forms
    /// are cached per thread.
    pub fn for_each_reading(&self, form: &str, mut f: impl FnMut(Reading<'_>)) -> usize {
        let dict = self.fsa.id();
        let readings = match cache::take_readings(dict, form, cache::Mode::Exact) {
            Some(r) => r,
            None => {
                let mut r = Readings::default();
                self.lookup_uncached(form, &mut r);
                r
            }
        };
        readings.iter().for_each(&mut f);
        let n = readings.len();
        cache::give_readings(dict, form, cache::Mode::Exact, readings);
        n
    }

    /// [`Morph::for_each_reading`] without the cache: walks the automaton and decodes every
    /// entry. Allocates nothing.
    fn for_each_reading_uncached(&self, form: &str, mut f: impl FnMut(Reading<'_>)) -> usize {
        let bytes = form.as_bytes();
        if bytes.is_empty() || bytes.contains(&SEPARATOR) {
            return 0;
        }
        let Some(end) = self.fsa.walk(self.fsa.root(), bytes) else {
            return 0;
        };
        let Some(sep) = self.fsa.walk(end.node, &[SEPARATOR]) else {
            return 0;
        };
        let mut count = 0;
        let mut lemma = [0u8; 2 * fsa::MAX_SEQUENCE];
        // each `K suffix _` (the encoded lemma) once, then the tags below it, which many
        // forms share and which are decoded once per thread
        let mut visit = |code: &[u8], tag_node: usize| {
            let Some(len) = decode_lemma(bytes, code, &mut lemma) else {
                return;
            };
            let Ok(lemma) = std::str::from_utf8(&lemma[..len]) else {
                return;
            };
            for (tag_text, tag) in cache::tags_below(&self.fsa, tag_node).iter() {
                count += 1;
                f(Reading {
                    lemma,
                    tag_text,
                    tag: *tag,
                });
            }
        };
        self.fsa.for_each_split(sep.node, SEPARATOR, 1, &mut visit);
        count
    }

    /// `form`, exactly as written, is a word form of the dictionary. Recent answers are cached
    /// per thread.
    pub fn is_known(&self, form: &str) -> bool {
        let dict = self.fsa.id();
        if let Some(known) = cache::get_known(dict, form) {
            return known;
        }
        let known = self.is_known_uncached(form);
        cache::put_known(dict, form, known);
        known
    }

    /// [`Morph::is_known`] without the cache.
    fn is_known_uncached(&self, form: &str) -> bool {
        let bytes = form.as_bytes();
        !bytes.is_empty()
            && !bytes.contains(&SEPARATOR)
            && self
                .fsa
                .walk(self.fsa.root(), bytes)
                .and_then(|end| self.fsa.walk(end.node, &[SEPARATOR]))
                .is_some()
    }

    /// The readings of `form` exactly as written.
    pub fn lookup(&self, form: &str) -> Readings {
        let mut out = Readings::default();
        self.lookup_into(form, &mut out);
        out
    }

    /// [`Morph::lookup`] into a buffer that is cleared first. The readings of recent forms are
    /// cached per thread.
    pub fn lookup_into(&self, form: &str, out: &mut Readings) {
        let dict = self.fsa.id();
        if cache::get_readings(dict, form, cache::Mode::Exact, out) {
            return;
        }
        self.lookup_uncached(form, out);
        cache::put_readings(dict, form, cache::Mode::Exact, out);
    }

    /// [`Morph::lookup_into`] without the cache.
    fn lookup_uncached(&self, form: &str, out: &mut Readings) {
        out.clear();
        self.push_readings(form, "", None, out);
        if !out.is_empty() {
            out.source = Source::Exact;
        }
    }

    /// Appends the readings of `form` (those `keep` accepts), with `prefix` before each lemma.
    fn push_readings(
        &self,
        form: &str,
        prefix: &str,
        keep: Option<&dyn Fn(&Tag) -> bool>,
        out: &mut Readings,
    ) {
        self.for_each_reading_uncached(form, |r| {
            if keep.is_none_or(|k| k(&r.tag)) {
                out.push(prefix, r.lemma, r.tag_text, r.tag);
            }
        });
    }

    /// Everything the layer knows about a token: the readings of the form as written; for a
    /// capitalised word at the start of a sentence (`sentence_start`) also those of its
    /// lower-cased form; and when neither is known, those of the compound's head
    /// ([`Source::Compound`]). Empty when the form is unknown.
    pub fn analyze(&self, form: &str, sentence_start: bool) -> Readings {
        let mut out = Readings::default();
        self.analyze_into(form, sentence_start, &mut out);
        out
    }

    /// [`Morph::analyze`] into a buffer that is cleared first. The analyses of recent forms
    /// are cached per thread.
    pub fn analyze_into(&self, form: &str, sentence_start: bool, out: &mut Readings) {
        let dict = self.fsa.id();
        let start = sentence_start && form.chars().next().is_some_and(char::is_uppercase);
        let mode = if start {
            cache::Mode::AnalyzeStart
        } else {
            cache::Mode::Analyze
        };
        if cache::get_readings(dict, form, mode, out) {
            return;
        }
        self.analyze_uncached(form, start, out);
        cache::put_readings(dict, form, mode, out);
    }

    /// [`Morph::analyze_into`] without the cache; `start`: a capitalised form at a sentence
    /// start.
    fn analyze_uncached(&self, form: &str, start: bool, out: &mut Readings) {
        self.lookup_uncached(form, out);
        if start {
            let lower = lower_first(form);
            let before = out.len();
            self.push_readings(&lower, "", None, out);
            if before == 0 && !out.is_empty() {
                out.source = Source::LowerCase;
            }
        }
        if out.is_empty() {
            compound::analyze(self, form, out);
        }
    }

    /// `form` is a German word form: in the dictionary (as written or, at a sentence start,
    /// lower-cased) or a compound of known parts.
    pub fn is_german(&self, form: &str, sentence_start: bool) -> bool {
        if self.is_known(form) {
            return true;
        }
        if sentence_start
            && form.chars().next().is_some_and(char::is_uppercase)
            && self.is_known(&lower_first(form))
        {
            return true;
        }
        let mut out = Readings::default();
        compound::analyze(self, form, &mut out);
        !out.is_empty()
    }

    /// How frequent `form` is in German, on the Zipf scale (wordfreq; any case), or `None`
    /// when it is rarer than the lexicon's floor.
    pub fn zipf(&self, form: &str) -> Option<f32> {
        WordFreq::builtin().de_zipf(form)
    }
}

/// `s` with its first character lower-cased.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `s` with its first character upper-cased.
fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Decodes the encoded lemma `K suffix` of an entry below `form_` into `lemma` and returns
/// its length: `form` without its last `K - 'A'` bytes (all of them for 255) followed by
/// `suffix` (Morfologik's `TrimSuffixEncoder`).
fn decode_lemma(form: &[u8], code: &[u8], lemma: &mut [u8]) -> Option<usize> {
    let (&k, suffix) = code.split_first()?;
    let cut = usize::from(k.wrapping_sub(b'A'));
    let keep = if cut == 255 {
        0
    } else {
        form.len().checked_sub(cut)?
    };
    let len = keep + suffix.len();
    if len > lemma.len() {
        return None;
    }
    lemma[..keep].copy_from_slice(&form[..keep]);
    lemma[keep..len].copy_from_slice(suffix);
    Some(len)
}

/// Decodes one entry below `form_` (`K suffix _ tag`): writes the lemma into `lemma` and
/// returns its length and the tag (for the tests, which walk every entry).
#[cfg(test)]
fn decode_entry<'e>(
    form: &[u8],
    entry: &'e [u8],
    lemma: &mut [u8],
) -> Option<(usize, Option<&'e str>)> {
    let sep = 1 + entry.get(1..)?.iter().position(|&b| b == SEPARATOR)?;
    let len = decode_lemma(form, &entry[..sep], lemma)?;
    Some((len, std::str::from_utf8(&entry[sep + 1..]).ok()))
}

#[cfg(test)]
mod tests;
