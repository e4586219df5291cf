//! The German side of the bilingual phrase dictionary: whether a stretch of tokens holds an
//! accepted rendering (every content word, by lemma or stem, separable verbs split or not) or
//! a literal one (every element of a word set, in any order).

use crate::document::Document;
use crate::morph::Morph;

/// Function words that an accepted rendering does not need to contain.
const STOP: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "und", "oder", "in", "im", "an", "am", "auf", "zu", "zum", "zur", "mit", "von", "vom", "für",
    "es", "sich", "sein", "seine", "ihr", "ihre", "etw", "jdn", "jdm", "jds", "jmd", "jmdm",
    "jmdn", "man", "nicht", "kein", "keine", "ist", "sind", "wie", "als", "so", "bei", "aus",
    "nach", "über", "um", "vor", "etwas", "jemand", "jemanden", "jemandem", "wer", "was",
];

/// Separable verb particles, longest first.
const PARTICLES: &[&str] = &[
    "zusammen", "zurück", "heraus", "herum", "herein", "hinaus", "wieder", "durch", "unter",
    "über", "nach", "fest", "hoch", "weiter", "fort", "nieder", "statt", "teil", "frei", "heim",
    "dar", "hin", "her", "los", "weg", "vor", "mit", "ein", "bei", "aus", "auf", "ab", "an", "um",
    "zu",
];

/// The stem a word is compared by: the lower-cased word without its last two letters (one for
/// words of five letters, none below).
pub fn stem(word: &str) -> String {
    let w: Vec<char> = word.to_lowercase().chars().collect();
    let cut = match w.len() {
        0..=4 => 0,
        5 => 1,
        _ => 2,
    };
    w[..w.len() - cut].iter().collect()
}

fn lemmas(form: &str) -> Vec<String> {
    let morph = Morph::global();
    let mut out: Vec<String> = morph
        .analyze(form, true)
        .iter()
        .map(|r| r.lemma.to_lowercase())
        .collect();
    let lower = form.to_lowercase();
    if lower != form {
        out.extend(morph.lookup(&lower).iter().map(|r| r.lemma.to_lowercase()));
    }
    out
}

/// A content word of an accepted rendering, prepared for comparison.
#[derive(Debug, Clone)]
struct Word {
    stem: String,
    lemmas: Vec<String>,
    /// A separable verb: its particle and the rest (`aufgeben` → `auf`, `geben`).
    split: Option<(String, String)>,
}

impl Word {
    fn new(w: &str) -> Word {
        let lower = w.to_lowercase();
        let split = PARTICLES.iter().find_map(|p| {
            let rest = lower.strip_prefix(p)?;
            (rest.chars().count() >= 4 && rest.ends_with('n'))
                .then(|| (p.to_string(), rest.to_string()))
        });
        Word {
            stem: stem(w),
            lemmas: lemmas(w),
            split,
        }
    }

    /// Token `t` of `doc` is a form of this word (or of its verb without the particle, with
    /// the particle standing alone in `range`).
    fn found(&self, doc: &Document, t: usize, range: std::ops::Range<usize>) -> bool {
        let norm = doc.norm(t);
        if norm.starts_with(&self.stem) {
            return true;
        }
        let tl = lemmas(doc.text(t));
        if tl.iter().any(|l| self.lemmas.contains(l)) {
            return true;
        }
        let Some((particle, rest)) = &self.split else {
            return false;
        };
        // aufzugeben, aufgegeben
        if let Some(after) = norm.strip_prefix(particle.as_str()) {
            let after = after.strip_prefix("zu").unwrap_or(after);
            if after.starts_with(&stem(rest)) || after.starts_with("ge") {
                return tl.iter().any(|l| l == &format!("{particle}{rest}"))
                    || after.starts_with(&stem(rest));
            }
        }
        // gibt … auf
        let base = lemmas(rest);
        (tl.iter().any(|l| base.contains(l) || l == rest) || norm.starts_with(&stem(rest)))
            && range.clone().any(|u| u != t && doc.norm(u) == particle)
    }
}

/// An accepted German rendering, ready for matching.
#[derive(Debug, Clone)]
pub struct Accepted {
    /// As written in the dictionary (the suggestion).
    pub text: String,
    words: Vec<Word>,
}

impl Accepted {
    /// Prepares `text` (`aus einer Mücke einen Elefanten machen`).
    pub fn new(text: &str) -> Accepted {
        let words = text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| w.chars().count() >= 2 && !STOP.contains(&w.to_lowercase().as_str()))
            .map(Word::new)
            .collect();
        Accepted {
            text: text.trim().to_string(),
            words,
        }
    }

    /// The tokens of `range` hold this rendering: every content word (all but one when it
    /// has five or more), at least one of them outside `inside` (a literal rendering's tokens), unless
    /// they cover all of `inside`.
    pub fn found_in(
        &self,
        doc: &Document,
        range: std::ops::Range<usize>,
        inside: &[usize],
    ) -> bool {
        if self.words.is_empty() {
            return false;
        }
        let mut hits = 0;
        let mut outside = false;
        let mut all: Vec<usize> = Vec::new();
        for w in &self.words {
            let found: Vec<usize> = range
                .clone()
                .filter(|&t| doc.is_word(t) && w.found(doc, t, range.clone()))
                .collect();
            if !found.is_empty() {
                hits += 1;
                outside |= found.iter().any(|t| !inside.contains(t));
                all.extend(found);
            }
        }
        let need = if self.words.len() >= 5 {
            self.words.len() - 1
        } else {
            self.words.len()
        };
        // the literal words are the accepted rendering itself (das Eis brechen)
        let covers = !inside.is_empty() && inside.iter().all(|t| all.contains(t));
        hits >= need && (outside || covers)
    }
}

/// One element of a literal rendering: `Katze*`, `*hund`, `*wurm*`, `oben|hoch`; an
/// alternative with hyphens (`Deal-Brecher`) matches the hyphenated run of tokens.
#[derive(Debug, Clone)]
pub struct LitElem(Vec<Vec<(bool, String, bool)>>);

fn part(a: &str) -> (bool, String, bool) {
    let lower = a.to_lowercase();
    let pre = lower.starts_with('*');
    let suf = lower.ends_with('*') && lower.len() > 1;
    (pre, lower.trim_matches('*').to_string(), suf)
}

fn part_matches((any_before, w, any_after): &(bool, String, bool), norm: &str) -> bool {
    match (any_before, any_after) {
        (false, false) => norm == w,
        (false, true) => norm.starts_with(w.as_str()),
        (true, false) => norm.ends_with(w.as_str()),
        (true, true) => norm.contains(w.as_str()),
    }
}

impl LitElem {
    fn parse(raw: &str) -> LitElem {
        LitElem(
            raw.split('|')
                .map(|a| a.split('-').filter(|p| !p.is_empty()).map(part).collect())
                .collect(),
        )
    }

    /// The element matches at token `t` (for a hyphenated alternative: the run from `t`).
    fn matches(&self, doc: &Document, t: usize, end: usize) -> bool {
        self.0.iter().any(|parts| {
            parts.iter().enumerate().all(|(k, p)| {
                let at = t + 2 * k;
                at < end && (k == 0 || doc.norm(at - 1) == "-") && part_matches(p, doc.norm(at))
            })
        })
    }
}

/// The largest distance in tokens between the first and the last word of a literal rendering.
pub const WINDOW: usize = 8;

/// A literal rendering: words that must all occur, in any order.
#[derive(Debug, Clone)]
pub struct Literal(pub Vec<LitElem>);

impl Literal {
    /// Parses `Katze* Hund*`.
    pub fn parse(text: &str) -> Literal {
        Literal(text.split_whitespace().map(LitElem::parse).collect())
    }

    /// The tokens of `range` that make up this rendering (each element on its own token, all
    /// within [`WINDOW`] tokens); *oben* and *unten* after *nach*, *von* or *ganz* are a
    /// direction, not a particle translated word by word.
    pub fn found_in(&self, doc: &Document, range: std::ops::Range<usize>) -> Option<Vec<usize>> {
        let direction = |t: usize| {
            matches!(doc.norm(t), "oben" | "unten")
                && t > range.start
                && matches!(
                    doc.norm(t - 1),
                    "nach" | "von" | "ganz" | "weiter" | "da" | "hier" | "dort"
                )
        };
        let fits = |el: &LitElem, t: usize, used: &[usize]| {
            doc.is_word(t) && !used.contains(&t) && el.matches(doc, t, range.end) && !direction(t)
        };
        let (head, rest) = self.0.split_first()?;
        // anchored on each occurrence of the first element, the others within the window
        range.clone().find_map(|t0| {
            if !fits(head, t0, &[]) {
                return None;
            }
            let near = t0.saturating_sub(WINDOW).max(range.start)..(t0 + WINDOW + 1).min(range.end);
            let mut used = vec![t0];
            for el in rest {
                let t = near.clone().find(|&t| fits(el, t, &used))?;
                used.push(t);
            }
            used.sort_unstable();
            let (first, last) = (*used.first()?, *used.last()?);
            (last - first <= WINDOW).then_some(used)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::SegmentMode;

    fn doc(text: &str) -> Document {
        Document::plain(text.to_string(), 0, SegmentMode::Paragraphs)
    }

    #[test]
    fn accepted_by_lemma_stem_and_separable_verb() {
        let d = doc("Er machte wieder aus einer Mücke einen Elefanten.");
        let a = Accepted::new("aus einer Mücke einen Elefanten machen");
        assert!(a.found_in(&d, 0..d.tokens.len(), &[]));
        let d = doc("Sie gab den Plan schließlich auf.");
        assert!(Accepted::new("aufgeben").found_in(&d, 0..d.tokens.len(), &[]));
        let d = doc("Sie beschloss, den Plan aufzugeben.");
        assert!(Accepted::new("aufgeben").found_in(&d, 0..d.tokens.len(), &[]));
        let d = doc("Sie gab ihm das Buch.");
        assert!(!Accepted::new("aufgeben").found_in(&d, 0..d.tokens.len(), &[]));
    }

    #[test]
    fn literal_in_any_order() {
        let d = doc("Es regnet Katzen und Hunde.");
        let d2 = doc("Das ist ein Deal-Brecher.");
        let hy = Literal::parse("Deal-Brecher|Geschäftsbrecher");
        assert_eq!(hy.found_in(&d2, 0..d2.tokens.len()), Some(vec![3]));
        let l = Literal::parse("Katze* Hund*");
        assert_eq!(l.found_in(&d, 0..d.tokens.len()), Some(vec![2, 4]));
        let d = doc("Es regnet in Strömen.");
        assert_eq!(l.found_in(&d, 0..d.tokens.len()), None);
        // the words of the rendering close together, not their first occurrences
        let d = doc("Die Klänge des Weltraums, die von den Löchern ausgehen und sich am Ende des Tages vereinen.");
        let e = Literal::parse("Ende des Tages").found_in(&d, 0..d.tokens.len());
        assert_eq!(e.map(|v| v.len()), Some(3));
    }
}
