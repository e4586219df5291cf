//! `np-agreement`: a determiner, its adjectives and its noun that share no reading of case,
//! number and gender (in den Abteil, Die Batterietag, einen kleine Schaufel), read from the
//! morphology layer.

use std::collections::HashMap;

use crate::document::Document;
use crate::finding::Severity;
use crate::morph::{Cases, Genders, Kind, Morph, Numbers, Pos, Readings, Tag};
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::TokenKind;

declare_rule! {
    /// A determiner, adjective and noun that do not agree in case, number and gender.
    ///
    /// ## What it flags
    /// A noun phrase of a determiner (article, ein-word, dieser/jener/jeder), up to three
    /// inflected adjectives and a capitalised common noun, written without punctuation
    /// between them, where no reading of the determiner, the adjectives and the noun (a
    /// compound's head decides) shares one case, number and gender. It stays silent where
    /// the morphology does not know every word, where the noun is or may be a name, starts
    /// a name run or a hyphenated compound, and where the determiner may be a relative
    /// pronoun (after a comma, or after a comma and a preposition).
    ///
    /// ## Why
    /// Machine translation takes gender and case from the English or from another German
    /// word (the wrong article, a plural noun after a singular article, an adjective left in
    /// another case); a phrase that does not agree marks an unedited translation.
    ///
    /// ## Example
    /// ```text
    /// Er stieg in den Abteil und nahm einen kleine Schaufel.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Er stieg in das Abteil und nahm eine kleine Schaufel.
    /// ```
    pub struct NpAgreement;

    static META = {
        id: "np-agreement",
        category: "fluency/grammar",
        severity: Severity::Minor,
        positives: &[
            "Er stieg in den Abteil.",
            "Die Batterietag ist vorbei.",
            "Sie gab ihm einen kleine Schaufel.",
            "Das Strategie des Konzerns ist klar.",
        ],
        negatives: &[
            "Er stieg in das Abteil.",
            "Der Präsident der Vereinigten Staaten sprach mit der Presse.",
            "Die Frau des Mannes nahm eine kleine Schaufel.",
            "Das Land, in dem Kinder spielen, ist groß.",
            "Die Chip-Krise trifft die Hersteller.",
            "Er las das Wall Street Journal.",
            "Sie nahm sich ein wenig Zeit.",
        ],
    };
}

/// A set of (case, number, gender) triples: bit `case * 6 + number * 3 + gender`.
type Agree = u32;

/// The triples of one tag; an empty feature stands for every value of it.
fn triples(tag: &Tag) -> Agree {
    let cases = if tag.case.is_empty() {
        Cases::all()
    } else {
        tag.case
    };
    let numbers = if tag.number.is_empty() {
        Numbers::all()
    } else {
        tag.number
    };
    let genders = if tag.gender.is_empty() {
        Genders::all()
    } else {
        tag.gender
    };
    let mut out = 0;
    for (ci, c) in [Cases::NOM, Cases::GEN, Cases::DAT, Cases::AKK]
        .into_iter()
        .enumerate()
    {
        for (ni, n) in [Numbers::SIN, Numbers::PLU].into_iter().enumerate() {
            for (gi, g) in [Genders::MAS, Genders::FEM, Genders::NEU]
                .into_iter()
                .enumerate()
            {
                if cases.contains(c) && numbers.contains(n) && genders.contains(g) {
                    out |= 1 << (ci * 6 + ni * 3 + gi);
                }
            }
        }
    }
    out
}

/// The genitive singular masculine and neuter triples.
const GEN_SIN_MN: Agree = (1 << 6) | (1 << 8);
/// The nominative singular masculine and neuter triples.
const NOM_SIN_MN: Agree = 1 | (1 << 2);

/// Forms that begin a noun phrase: articles, ein-words, dieser/jener/jeder. Bare *ihr* and
/// *sein* are left out (a personal pronoun, a verb), and so are contractions (*zum*), which
/// the dictionary tags as prepositions only.
fn is_determiner_form(norm: &str) -> bool {
    const STEMS: &[&str] = &[
        "ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer", "eur", "dies", "jen", "jed",
    ];
    const ENDINGS: &[&str] = &["", "e", "en", "em", "er", "es"];
    if matches!(norm, "der" | "die" | "das" | "den" | "dem" | "des") {
        return true;
    }
    if matches!(norm, "ihr" | "sein" | "dies" | "jen" | "jed" | "eur") {
        return false;
    }
    STEMS.iter().any(|stem| {
        norm.strip_prefix(stem)
            .is_some_and(|ending| ENDINGS.contains(&ending))
    })
}

/// What the rule knows about a word, memoised per document.
#[derive(Clone, Copy, Default)]
struct Word {
    /// The triples of its determiner readings (ART, PRO with BEG).
    det: Agree,
    /// The triples of its inflected adjective and participle readings.
    adj: Agree,
    /// The triples of its common-noun readings.
    noun: Agree,
    /// It is (also) a proper noun or an abbreviation.
    name: bool,
    /// The morphology knows it at all.
    known: bool,
}

/// Looks words up once per document.
struct Lookup<'d> {
    morph: &'static Morph,
    buf: Readings,
    seen: HashMap<&'d str, Word>,
}

impl<'d> Lookup<'d> {
    fn new() -> Self {
        Lookup {
            morph: Morph::global(),
            buf: Readings::default(),
            seen: HashMap::new(),
        }
    }

    /// `form` as written (a determiner is looked up lower-cased).
    fn word(&mut self, form: &'d str) -> Word {
        if let Some(&w) = self.seen.get(form) {
            return w;
        }
        let capital = form.chars().next().is_some_and(char::is_uppercase);
        let key = if capital && form.len() <= 7 && is_determiner_form(&form.to_lowercase()) {
            form.to_lowercase()
        } else {
            form.to_string()
        };
        self.morph.analyze_into(&key, false, &mut self.buf);
        let mut w = Word {
            known: !self.buf.is_empty(),
            ..Word::default()
        };
        for r in self.buf.iter() {
            let t = r.tag;
            match t.pos {
                Pos::Article => w.det |= triples(&t),
                Pos::Pronoun if t.flags.contains(crate::morph::Flags::DETERMINER) => {
                    w.det |= triples(&t)
                }
                Pos::Adjective | Pos::Participle1 | Pos::Participle2 if !t.case.is_empty() => {
                    w.adj |= triples(&t)
                }
                Pos::Noun => w.noun |= triples(&t),
                Pos::ProperNoun | Pos::Abbreviation => w.name = true,
                _ => {}
            }
            if t.kind == Kind::FirstName || t.kind == Kind::Surname {
                w.name = true;
            }
        }
        self.seen.insert(form, w);
        w
    }
}

impl Rule for NpAgreement {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let mut look = Lookup::new();
        for sent in &doc.sentences {
            for t in sent.tok_start..sent.tok_end {
                if !doc.is_word(t)
                    || !is_determiner_form(doc.norm(t))
                    || relative(doc, sent.tok_start, t)
                {
                    continue;
                }
                let Some(noun) = phrase(doc, &mut look, t, sent.tok_end) else {
                    continue;
                };
                let (start, end) = (doc.tok(t).start, doc.tok(noun).end);
                let text = &doc.view[start..end];
                cx.report(
                    &META,
                    start,
                    end,
                    format!(
                        "{} does not agree: no reading of {} fits {} in case, number and gender.",
                        q(text),
                        q(doc.text(t)),
                        q(doc.text(noun))
                    ),
                    None,
                );
            }
        }
    }
}

/// The determiner at `t` may be a relative pronoun: a comma, or a comma and a preposition,
/// stand before it.
fn relative(doc: &Document, first: usize, t: usize) -> bool {
    if t == first {
        return false;
    }
    let prev = doc.text(t - 1);
    if prev == "," || prev == ";" {
        return true;
    }
    t >= first + 2
        && doc.text(t - 2) == ","
        && Morph::global()
            .lookup(doc.text(t - 1))
            .iter()
            .any(|r| r.tag.pos == Pos::Preposition)
}

/// The noun of the phrase that starts with the determiner at `t` when the phrase does not
/// agree; `None` when it agrees or the rule cannot tell.
fn phrase<'d>(doc: &'d Document, look: &mut Lookup<'d>, t: usize, end: usize) -> Option<usize> {
    const MAX_ADJECTIVES: usize = 3;
    let det = look.word(doc.text(t)).det;
    if det == 0 {
        return None;
    }
    let mut agree = det;
    let mut i = t + 1;
    for _ in 0..=MAX_ADJECTIVES {
        if i >= end {
            return None;
        }
        let tok = doc.tok(i);
        if tok.kind != TokenKind::Word || !tok.space_before || tok.newline_before {
            return None;
        }
        let text = doc.text(i);
        if !text.chars().all(char::is_alphabetic) {
            return None;
        }
        if text.starts_with(char::is_uppercase) {
            return mismatch(doc, look, agree, det, i, end).then_some(i);
        }
        let w = look.word(text);
        if w.adj == 0 || w.noun != 0 {
            return None;
        }
        agree &= w.adj;
        i += 1;
    }
    None
}

/// The noun at `i` fits none of the triples `agree` left by the determiner (`det`) and the
/// adjectives, and the rule is sure it is a common noun that heads the phrase.
fn mismatch<'d>(
    doc: &'d Document,
    look: &mut Lookup<'d>,
    agree: Agree,
    det: Agree,
    i: usize,
    end: usize,
) -> bool {
    let text = doc.text(i);
    if text.chars().count() < 3 || text.chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    let w = look.word(text);
    if w.noun == 0 || w.name || agree & w.noun != 0 {
        return false;
    }
    // the genitive -s that foreign and many short nouns drop (des Euro, des Islam)
    if agree & GEN_SIN_MN != 0 && w.noun & NOM_SIN_MN & (det >> 6) != 0 {
        return false;
    }
    if let Some(next) = (i + 1 < end).then_some(i + 1) {
        let tok = doc.tok(next);
        let attached = !tok.space_before;
        // the first part of a hyphenated compound (die Chip-Krise) or an abbreviation
        if attached && matches!(doc.text(next), "-" | "–" | "/" | "’") {
            return false;
        }
        // a name run: a capitalised word the dictionary does not know or knows as a name
        let nt = doc.text(next);
        if tok.kind == TokenKind::Word && nt.starts_with(char::is_uppercase) {
            let nw = look.word(nt);
            if !nw.known || nw.name {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::flagged;

    #[test]
    fn flags_real_mt_errors() {
        assert_eq!(
            flagged(&NpAgreement, "Er stieg in den Abteil."),
            vec!["den Abteil"]
        );
        assert_eq!(
            flagged(&NpAgreement, "Die Batterietag ist vorbei."),
            vec!["Die Batterietag"]
        );
        assert_eq!(
            flagged(&NpAgreement, "Er gab ihr einen kleine Schaufel."),
            vec!["einen kleine Schaufel"]
        );
        assert_eq!(
            flagged(&NpAgreement, "Das ist das Strategie."),
            vec!["das Strategie"]
        );
    }

    #[test]
    fn silent_on_correct_and_uncertain_phrases() {
        for s in [
            "Der Präsident der Vereinigten Staaten sprach.",
            "Die Sprecher der Unternehmen schwiegen.",
            "Das Kind, das Angst hat, weint.",
            "Das Land, in dem Kinder spielen, ist groß.",
            "Er hat ein paar Tage Zeit.",
            "Sie las die New York Times.",
            "Er half ihr Kinder zu finden.",
            "Der Wert des Euro fiel.",
            "Die Zahl der Konflikte steigt.",
            "Und das Preis-Leistungs-Verhältnis stimmt.",
            "Die von ihm verfassten Bücher.",
            "Den Menschen geht es gut.",
            "Die meisten Leute kamen.",
            "Sie sprach mit dem Abgeordneten.",
        ] {
            assert!(flagged(&NpAgreement, s).is_empty(), "{s}");
        }
    }
}
