//! `np-agreement`: a determiner, its adjectives and its noun that share no reading of case,
//! number and gender (in den Abteil, Die Batterietag, einen kleine Schaufel), read from the
//! morphology layer.

use foldhash::HashMap;

use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::words::WordFreq;
use crate::morph::{Cases, Declension, Genders, Kind, Morph, Numbers, Pos, Readings, Source, Tag};
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::word_cache::cached;
use crate::text::TokenKind;

declare_rule! {
    /// A determiner, adjective and noun that do not agree in gender or number.
    ///
    /// ## What it flags
    /// A noun phrase of a determiner (article, ein-word, dieser/jener/jeder), up to three
    /// inflected adjectives and a capitalised common noun, written without punctuation
    /// between them, where no reading of the determiner, the adjectives and the noun (a
    /// compound's head decides) shares one number and gender, in any case (a wrong case
    /// ending alone, ein grandiosen Wachstum, is left to the spelling checker: in edited text
    /// it is a slip more often than a translation error). It stays silent where
    /// the morphology does not know every word, where the noun is or may be a name, starts
    /// a name run or a hyphenated compound, and where the determiner may be a relative
    /// pronoun (after a comma, or after a comma and a preposition). It stays silent, too, where
    /// the noun opens the adverbial of an extended attribute (eine Anfang des Monats
    /// erschienene Kolumne: a participle and a noun further on agree with the determiner) and
    /// where a dative *diesem*, *jenem* or *dem* after a verb stands for a person before a
    /// plural object without article (Der Rat soll diesem Vorschläge unterbreiten).
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
            "Auf der einen Seite steht das alte Haus.",
            "Das Prager Domkapitel erwarb das Gut.",
            "Das Futter eignet sich für Hunde jeden Alters.",
            "Sie spielten ein Jahrtausende altes Stück.",
            "Danach nutzten die französischen Rothschilds die Gesellschaft.",
            "Der Titel ging an die Juniors.",
            "Sie zitierte eine Anfang des Monats erschienene Kolumne.",
            "Der Rat soll diesem Vorschläge zur Verbesserung unterbreiten.",
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

/// The (number, gender) pairs of a set of triples, whatever the case: six bits.
fn number_gender(a: Agree) -> Agree {
    (a | a >> 6 | a >> 12 | a >> 18) & 0x3f
}

/// The genitive singular masculine and neuter triples.
const GEN_SIN_MN: Agree = (1 << 6) | (1 << 8);
/// A noun this frequent in English is a loanword whose gender German usage has not
/// settled (die/das Email, der/das Comic).
const ENGLISH_LOANWORD_ZIPF: f32 = 3.5;
/// The nominative, genitive and accusative plural triples, whose strong adjective endings
/// (-e, -er) no article takes.
const STRONG_PLU: Agree = (0b111 << 3) | (0b111 << 9) | (0b111 << 21);
/// The dative plural triples.
const DAT_PLU: Agree = 0b111 << (2 * 6 + 3);
/// Every plural triple.
const ANY_PLU: Agree = (0b111 << 3) | (0b111 << 9) | (0b111 << 15) | (0b111 << 21);
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
    // the longest is unseren: most words are ruled out by their length
    if norm.len() > 7 {
        return false;
    }
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
    /// The triples of its strong (SOL) adjective readings.
    strong: Agree,
    /// The triples of its common-noun readings.
    noun: Agree,
    /// It is (also) a proper noun or an abbreviation.
    name: bool,
    /// The morphology knows it at all.
    known: bool,
}

/// Looks words up once per document (and thread).
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
            seen: HashMap::default(),
        }
    }

    /// `form` as written (a determiner is looked up lower-cased): once per document here, and
    /// once per thread across documents ([`crate::text::word_cache`]).
    fn word(&mut self, form: &'d str) -> Word {
        if let Some(&w) = self.seen.get(form) {
            return w;
        }
        let (morph, buf) = (self.morph, &mut self.buf);
        let w = cached(&WORDS, form, || analyze_word(morph, buf, form));
        self.seen.insert(form, w);
        w
    }
}

crate::word_cache! {
    /// [`Word`] of every form a thread looked up, across documents.
    static WORDS: Word;
}

/// What the rule knows about `form` as written (a determiner is looked up lower-cased).
fn analyze_word(morph: &Morph, buf: &mut Readings, form: &str) -> Word {
    let capital = form.chars().next().is_some_and(char::is_uppercase);
    let key = if capital && form.len() <= 7 && is_determiner_form(&form.to_lowercase()) {
        form.to_lowercase()
    } else {
        form.to_string()
    };
    morph.analyze_into(&key, false, buf);
    let mut w = Word {
        known: !buf.is_empty(),
        ..Word::default()
    };
    // a compound with a head of three letters is trusted only after a known noun
    // (Batterie|tag, not Ausbuchtun|gen)
    if let Source::Compound { head_start } = buf.source() {
        let head = key.get(head_start..).unwrap_or_default();
        let left = key.get(..head_start).unwrap_or_default();
        if head.chars().count() < 4 && !morph.is_known(left) {
            return w;
        }
    }
    for r in buf.iter() {
        let t = r.tag;
        match t.pos {
            Pos::Article => w.det |= triples(&t),
            Pos::Pronoun if t.flags.contains(crate::morph::Flags::DETERMINER) => {
                w.det |= triples(&t)
            }
            Pos::Adjective | Pos::Participle1 | Pos::Participle2 if !t.case.is_empty() => {
                w.adj |= triples(&t);
                if t.declension == Some(Declension::Strong) {
                    w.strong |= triples(&t);
                }
            }
            Pos::Noun => w.noun |= triples(&t),
            Pos::ProperNoun | Pos::Abbreviation => w.name = true,
            _ => {}
        }
        if t.kind == Kind::FirstName || t.kind == Kind::Surname {
            w.name = true;
        }
    }
    w
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
                        "{} does not agree: {} does not fit the gender or number of {}.",
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
    // after a comma: a relative pronoun; after an article: an adjective (der einen Seite)
    // after van, de, ter: a name (van der Meer)
    if prev == "," || prev == ";" || is_determiner_form(doc.norm(t - 1)) {
        return true;
    }
    if matches!(
        doc.norm(t - 1),
        "van" | "de" | "ter" | "ten" | "del" | "della" | "da"
    ) {
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
    // only the adjective next to the noun counts: one before it may be an adverb (die
    // weniger Intelligenten, die weiter steigende Nutzung)
    let mut last_adj = Agree::MAX;
    let mut last_strong = 0;
    for i in (t + 1..end).take(MAX_ADJECTIVES + 1) {
        let tok = doc.tok(i);
        if tok.kind != TokenKind::Word || !tok.space_before || tok.newline_before {
            return None;
        }
        let text = doc.text(i);
        if !text.chars().all(char::is_alphabetic) {
            return None;
        }
        if text.starts_with(char::is_uppercase) {
            // a pronoun before a plural without article (und dem ältere Quellen zur Verfügung
            // standen, mit jenen verbündeter Staaten): a strong adjective agrees with the noun
            let noun = look.word(text).noun;
            if last_strong & noun & STRONG_PLU != 0 {
                return None;
            }
            // only a conflict of gender or number, which no case explains: an ending slip
            // (ein grandiosen Wachstum) is a typo more often than a translation error
            let conflict = number_gender(det) & number_gender(last_adj) & number_gender(noun) == 0;
            return (conflict && mismatch(doc, look, t, det & last_adj, i, end)).then_some(i);
        }
        let w = look.word(text);
        if w.adj == 0 || w.noun != 0 {
            return None;
        }
        last_adj = w.adj;
        last_strong = w.strong;
    }
    None
}

/// The noun at `i` fits none of the triples `agree` left by the determiner at `d` (`det`)
/// and the adjective, and the rule is sure it is a common noun that heads the phrase.
fn mismatch<'d>(
    doc: &'d Document,
    look: &mut Lookup<'d>,
    d: usize,
    agree: Agree,
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
    let det = look.word(doc.text(d)).det;
    let det_norm = doc.norm(d);
    let plural_only = w.noun & !ANY_PLU == 0;
    // an ein-word before a plural is a pronoun (dass einem Türen geöffnet werden, wenn
    // keiner imperiale Ansprüche erhebt), and so is das (wenn das viele Menschen glauben)
    let ein_word = !matches!(det_norm, "der" | "die" | "den" | "dem" | "des")
        && !det_norm.starts_with(['d', 'j']);
    if plural_only && (ein_word || dative_pronoun(doc, d, i))
        || w.noun & ANY_PLU != 0 && det_norm == "das"
    {
        return false;
    }
    // the genitive -s that foreign and many short nouns drop (des Euro), and the weak
    // genitive of a determiner in -en (jeden Alters, diesen Jahres)
    if agree & GEN_SIN_MN != 0 && w.noun & NOM_SIN_MN & (det >> 6) != 0
        || det_norm.ends_with("en") && w.noun & GEN_SIN_MN != 0
    {
        return false;
    }
    // a plural in -s that the dictionary lists as a genitive only: the plural of a family
    // name or of a loanword (die Rothschilds, die Juniors)
    let lower = text.to_lowercase();
    if agree & ANY_PLU != 0 && lower.ends_with('s') && w.noun & GEN_SIN_MN != 0 {
        return false;
    }
    // a dative plural in -n or -s the dictionary lists in other cases only
    if DAT_PLU & agree != 0 && w.noun & ANY_PLU != 0 && lower.ends_with(['n', 's']) {
        return false;
    }
    !next_word_excuses(doc, look, d, i, end)
        && !unsure_noun(text, &lower, agree)
        && !extended_attribute(doc, look, d, i, end)
}

/// The dative singular at `d` is a demonstrative pronoun with a plural object after it
/// (Der Rat soll diesem Vorschläge unterbreiten: jemandem etwas): a bare plural needs no
/// article, and no preposition before it makes *diesem* an article.
fn dative_pronoun(doc: &Document, d: usize, i: usize) -> bool {
    if i != d + 1 || !matches!(doc.norm(d), "diesem" | "jenem" | "dem" | "demselben") || d == 0 {
        return false;
    }
    let prev = d - 1;
    doc.is_word(prev)
        && !Morph::global().lookup(doc.text(prev)).iter().any(|r| {
            matches!(r.tag.pos, Pos::Preposition | Pos::Article)
                || r.tag.flags.contains(crate::morph::Flags::DETERMINER)
        })
}

/// The noun at `i` stands inside an extended attribute of the determiner at `d`: further on,
/// before any comma, an inflected adjective or participle and a noun agree with the
/// determiner (eine Anfang des Monats erschienene Kolumne, der letzte Woche vorgestellte
/// Plan). The noun after the determiner belongs to an adverbial of the participle.
fn extended_attribute<'d>(
    doc: &'d Document,
    look: &mut Lookup<'d>,
    d: usize,
    i: usize,
    end: usize,
) -> bool {
    /// The longest adverbial searched, in tokens.
    const MAX_SPAN: usize = 10;
    let det = look.word(doc.text(d)).det;
    let stop = end.min(i + 1 + MAX_SPAN);
    let morph = Morph::global();
    for j in i + 1..stop.saturating_sub(1) {
        if doc.tok(j).kind != TokenKind::Word {
            if matches!(doc.text(j), "," | ";" | ":" | "(" | ")") {
                return false;
            }
            continue;
        }
        let adj = doc.text(j);
        // a finite verb ends the clause: the attribute cannot reach past it
        let readings = morph.lookup(adj);
        if !readings.is_empty() && readings.iter().all(|r| r.tag.pos == Pos::Verb) {
            return false;
        }
        let noun = doc.text(j + 1);
        // an adjective after its own determiner (durch eine Sieb in eine weitere Kanne)
        // heads a phrase of its own, not the attribute
        if !adj.starts_with(char::is_lowercase)
            || !noun.starts_with(char::is_uppercase)
            || is_determiner_form(doc.norm(j - 1))
        {
            continue;
        }
        let a = look.word(adj).adj;
        if a & det == 0 {
            continue;
        }
        if look.word(noun).noun & a & det != 0 {
            return true;
        }
    }
    false
}

/// The word after the noun shows that the noun is no head of the phrase, or that *das* is
/// a pronoun.
fn next_word_excuses<'d>(
    doc: &'d Document,
    look: &mut Lookup<'d>,
    d: usize,
    i: usize,
    end: usize,
) -> bool {
    if i + 1 >= end {
        return false;
    }
    let tok = doc.tok(i + 1);
    let nt = doc.text(i + 1);
    // the first part of a hyphenated compound (die Chip-Krise, das Bronze -Standbild)
    if matches!(nt, "-" | "–" | "/" | "’") || tok.kind == TokenKind::Number {
        return true;
    }
    if tok.kind != TokenKind::Word {
        return false;
    }
    // a capitalised word after it: an indeclinable attribute (das Prager Domkapitel), a
    // title or a name run (die Unendliche Geschichte, der Daily Mail)
    if nt.starts_with(char::is_uppercase) {
        return true;
    }
    // das before a predicative noun is a pronoun (dass das Geschmackssache ist)
    let copula = matches!(
        doc.norm(i + 1),
        "ist" | "sind" | "war" | "waren" | "sei" | "wäre" | "bleibt" | "wird" | "werden"
    );
    if copula && matches!(doc.norm(d), "das" | "dies") {
        return true;
    }
    // an adjective after it: a measure before the adjective (ein Jahrtausende altes
    // Stück); a word that is no German: a foreign name (des Front national)
    let nw = look.word(nt);
    nw.adj != 0 || !nw.known
}

/// The readings of the noun may be incomplete: a number (die ersten Vier), a nominalised
/// adjective (das Zwölffache), an English word whose German gender varies (die Email, das
/// Comic), or a compound whose head another split would find (Austragungs|orte, not
/// Austragung|sorte) or that is written with ss for ß.
fn unsure_noun(text: &str, lower: &str, agree: Agree) -> bool {
    let morph = Morph::global();
    let mut buf = Readings::default();
    morph.analyze_into(lower, false, &mut buf);
    if buf.iter().any(|r| {
        matches!(
            r.tag.pos,
            Pos::Numeral | Pos::Adjective | Pos::Participle1 | Pos::Participle2
        )
    }) {
        return true;
    }
    // a fraction, whose gender varies (der Drittel in Switzerland, eine Zehntel(sekunde))
    if lower
        .strip_suffix("tel")
        .is_some_and(|p| morph.is_known(&format!("{p}te")))
    {
        return true;
    }
    if WordFreq::builtin()
        .en_zipf(text)
        .is_some_and(|z| z >= ENGLISH_LOANWORD_ZIPF)
    {
        return true;
    }
    morph.lookup_into(text, &mut buf);
    if buf.is_empty() || text.contains("ss") {
        let variants = [text.to_string(), text.replace("ss", "ß")];
        for v in &variants {
            for (at, _) in v.char_indices() {
                let head = crate::rules::capitalise(&v[at..]);
                if head.chars().count() < 3 {
                    break;
                }
                let mut fits = false;
                morph.for_each_reading(&head, |r| {
                    fits |= r.tag.pos == Pos::Noun && triples(&r.tag) & agree != 0;
                });
                if fits {
                    return true;
                }
            }
        }
    }
    false
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
            "Die Red Devils kamen unter die ersten Vier.",
            "Er las die Unendliche Geschichte.",
            "Die Westküste der Highlands ist rau.",
            "Die weniger Intelligenten meiden das.",
            "Es nützt nichts, auch wenn das viele Menschen glauben.",
            "Ich gebe zu, dass das Geschmackssache ist.",
            "Die Wahrheit ist, dass einem Türen geöffnet werden.",
            "Der Preis der Ölsorten lag bei 45 Dollar.",
            "Die therapeutischen Massnahmen schlugen nicht an.",
            "Im Mai diesen Jahres kam er.",
            "Der ihn nennt und dem ältere Quellen zur Verfügung standen.",
            "Sie deckten sich mit jenen verbündeter Staaten.",
            "Die Grünen verlieren einen Drittel ihrer Sitze.",
            "Die Ausbuchtungen an den Seiten sind klein.",
            "Bekannt wurde Pater Hohenbaum van der Meer.",
        ] {
            assert!(flagged(&NpAgreement, s).is_empty(), "{s}");
        }
    }

    #[test]
    fn extended_attributes_and_dative_pronouns_agree() {
        for s in [
            "Die Zeitung griff eine Anfang des Monats erschienene Kolumne auf.",
            "Er lobte den Ende Mai vorgestellten Plan der Regierung.",
            "Der Ausschuss soll diesem Vorschläge zur Reform unterbreiten.",
            "Man kann jenem Fragen stellen, der es weiß.",
        ] {
            assert!(flagged(&NpAgreement, s).is_empty(), "{s}");
        }
        // a preposition makes dem an article; nothing further on agrees with einen
        assert_eq!(
            flagged(&NpAgreement, "Wohin mit dem Pflegeüberbleibseln?"),
            vec!["dem Pflegeüberbleibseln"]
        );
        assert_eq!(
            flagged(&NpAgreement, "Sie fanden einen Zahl von neunzehn Stimmen."),
            vec!["einen Zahl"]
        );
        assert_eq!(
            flagged(
                &NpAgreement,
                "Er arbeitet an einen Projekt mit großen Plänen."
            ),
            vec!["einen Projekt"]
        );
        // an adjective with its own article, or one past a finite verb, is no attribute
        assert_eq!(
            flagged(
                &NpAgreement,
                "Man gießt den Tee durch eine Sieb in eine weitere Kanne."
            ),
            vec!["eine Sieb"]
        );
        assert_eq!(
            flagged(&NpAgreement, "Die Bulli hat vielleicht beste Chancen."),
            vec!["Die Bulli"]
        );
    }
}
