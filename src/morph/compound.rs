//! Compound analysis for forms the dictionary lacks: German writes compounds as one word
//! (*Batterietag*) or with hyphens (*KI-Modell*), and most of them are in no dictionary. The
//! last part (the head) decides part of speech, gender and inflection, so a compound gets
//! its head's readings, with the whole compound's lemma (*Batterietag*, SUB … MAS).
//!
//! The analysis is conservative, because a rule will read "a compound of known parts" as "a
//! German word": the head has at least [`MIN_HEAD_CHARS`] characters and is a noun for a
//! capitalised form, an adjective or participle of at least [`MIN_ADJ_HEAD_CHARS`] for a
//! lower-case one; the left part, after one linking element (*-s-*, *-es-*, *-n-*, *-en-*,
//! *-e-*, *-er-*), is a known word of at least [`MIN_LEFT_CHARS`] characters (in the
//! dictionary in any capitalisation, a verb stem whose infinitive is, a word with Zipf ≥
//! [`MIN_LEFT_ZIPF`] in wordfreq and one character more, or itself such a compound). Of several splits the one
//! with the longest head wins. With hyphens the last part is the head, whatever stands
//! before it.

use super::{lower_first, upper_first, Morph, Pos, Readings, Source, Tag};

/// The shortest head of a closed compound (*Tag* in *Batterietag*).
pub const MIN_HEAD_CHARS: usize = 3;
/// The shortest adjective head of a lower-case compound (*frei* in *steuerfrei*).
pub const MIN_ADJ_HEAD_CHARS: usize = 4;
/// The shortest left part of a closed compound, without its linking element.
pub const MIN_LEFT_CHARS: usize = 3;
/// A left part known only to the frequency lexicon needs at least this Zipf value.
pub const MIN_LEFT_ZIPF: f32 = 3.0;
/// The longest closed compound analysed, in characters: the longest German words have about
/// 80. A longer "word" (a hostile file's 400 KB run of letters) is none, and trying every
/// split of it, each copying and looking up its head, took minutes.
pub const MAX_COMPOUND_CHARS: usize = 100;
/// Linking elements between the parts, longest first.
const LINKS: &[&str] = &["es", "en", "er", "s", "n", "e", ""];

/// Fills `out` with the readings of `form` as a compound, if it is one.
pub(super) fn analyze(morph: &Morph, form: &str, out: &mut Readings) {
    out.clear();
    if let Some(dash) = form.rfind('-') {
        let (left, head) = (&form[..=dash], &form[dash + 1..]);
        if !left.chars().any(char::is_alphanumeric) || head.chars().count() < 2 {
            return;
        }
        let keep = |_: &Tag| true;
        morph.push_readings(head, left, Some(&keep), out);
        if out.is_empty() {
            let capital = head.chars().next().is_some_and(char::is_uppercase);
            if let Some(split) = closed_split(morph, head, capital, 1) {
                push_head(morph, head, split, capital, left, out);
            }
        }
        if !out.is_empty() {
            out.source = Source::Compound {
                head_start: dash + 1,
            };
        }
        return;
    }
    let capital = form.chars().next().is_some_and(char::is_uppercase);
    if let Some(split) = closed_split(morph, form, capital, 1) {
        push_head(morph, form, split, capital, "", out);
        if !out.is_empty() {
            out.source = Source::Compound { head_start: split };
        }
    }
}

/// A noun head for a capitalised compound, an adjective or participle head otherwise.
fn head_fits(capital: bool) -> impl Fn(&Tag) -> bool {
    move |t: &Tag| {
        if capital {
            t.pos == Pos::Noun
        } else {
            matches!(t.pos, Pos::Adjective | Pos::Participle1 | Pos::Participle2)
        }
    }
}

/// Pushes the readings of `word`'s head (from byte `split` on), each lemma prefixed by
/// `prefix` and the left part.
fn push_head(
    morph: &Morph,
    word: &str,
    split: usize,
    capital: bool,
    prefix: &str,
    out: &mut Readings,
) {
    let head = head_form(&word[split..], capital);
    let left = format!("{prefix}{}", &word[..split]);
    let fits = head_fits(capital);
    morph.for_each_reading_uncached(&head, |r| {
        if fits(&r.tag) {
            let lemma = if capital {
                lower_first(r.lemma)
            } else {
                r.lemma.to_string()
            };
            out.push(&left, &lemma, r.tag_text, r.tag);
        }
    });
}

/// The head as the dictionary spells it: capitalised in a noun compound.
fn head_form(head: &str, capital: bool) -> String {
    let mut out = String::with_capacity(head.len() + 2);
    push_head_form(&mut out, head, capital);
    out
}

/// Appends [`head_form`] of `head` to `out`.
fn push_head_form(out: &mut String, head: &str, capital: bool) {
    let mut chars = head.chars();
    match chars.next() {
        Some(c) if capital => {
            out.extend(c.to_uppercase());
            out.push_str(chars.as_str());
        }
        _ => out.push_str(head),
    }
}

/// The byte offset of the head of the closed compound `word`, the longest head that fits;
/// `depth` more levels of compounds are allowed in the left part.
fn closed_split(morph: &Morph, word: &str, capital: bool, depth: u8) -> Option<usize> {
    let min_head = if capital {
        MIN_HEAD_CHARS
    } else {
        MIN_ADJ_HEAD_CHARS
    };
    if word.len() > 4 * MAX_COMPOUND_CHARS {
        return None;
    }
    let chars = word.chars().count();
    if chars < MIN_LEFT_CHARS + min_head
        || chars > MAX_COMPOUND_CHARS
        || !word.chars().all(char::is_alphabetic)
    {
        return None;
    }
    let fits = head_fits(capital);
    // one buffer for every head tried: most splits fail at the first bytes of the walk, and
    // a new string per split cost more than the walk
    let mut head = String::with_capacity(word.len() + 4);
    for (i, (split, _)) in word.char_indices().enumerate() {
        if i < MIN_LEFT_CHARS {
            continue;
        }
        if chars - i < min_head {
            break;
        }
        head.clear();
        push_head_form(&mut head, &word[split..], capital);
        let mut head_ok = false;
        if morph.is_known_uncached(&head) {
            morph.for_each_reading_uncached(&head, |r| head_ok |= fits(&r.tag));
        }
        if head_ok && left_ok(morph, &word[..split], depth) {
            return Some(split);
        }
    }
    None
}

/// `left` is a known word, possibly followed by a linking element.
fn left_ok(morph: &Morph, left: &str, depth: u8) -> bool {
    LINKS.iter().any(|link| {
        let Some(stem) = left.strip_suffix(link) else {
            return false;
        };
        stem.chars().count() >= MIN_LEFT_CHARS && known_part(morph, stem, link.is_empty(), depth)
    })
}

/// `stem` is a word (any capitalisation), a verb stem (when no linking element was
/// stripped), a frequent word of wordfreq, or (with `depth` left) a noun compound.
fn known_part(morph: &Morph, stem: &str, bare: bool, depth: u8) -> bool {
    let upper = upper_first(stem);
    let lower = lower_first(stem);
    morph.is_known(&upper)
        || morph.is_known(&lower)
        || (bare && morph.is_known(&format!("{lower}en")))
        || (stem.chars().count() > MIN_LEFT_CHARS
            && morph.zipf(stem).is_some_and(|z| z >= MIN_LEFT_ZIPF))
        || (depth > 0 && closed_split(morph, &upper, true, depth - 1).is_some())
}
