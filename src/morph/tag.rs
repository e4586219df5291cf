//! The Morphy/LanguageTool tags of the German dictionary (`SUB:DAT:PLU:NEU`,
//! `VER:MOD:3:SIN:PRÄ`, `ADJ:AKK:PLU:MAS:GRU:DEF` …), parsed into a small `Copy` value that
//! rules can compare: part of speech, a subclass, and case, number and gender as sets.
//!
//! The dictionary spells each alternative as an entry of its own (*des* has one entry
//! `ART:DEF:GEN:SIN:MAS` and one `…:NEU`), so a parsed tag holds one value per feature; the
//! sets matter for prepositions, whose case field lists every case they govern
//! (`PRP:LOK:DAT+AKK`), and for `ALG` ("any gender").

use std::fmt;

use bitflags::bitflags;

/// The part of speech: the tag's first field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pos {
    /// `SUB`: common noun (*Haus*), also nominalised adjectives and infinitives.
    Noun,
    /// `EIG`: proper noun (*Berlin*, *Anna*, *Müller*).
    ProperNoun,
    /// `ADJ`: adjective.
    Adjective,
    /// `PA1`: present participle used as an adjective (*laufende*).
    Participle1,
    /// `PA2`: past participle used as an adjective (*gelaufene*).
    Participle2,
    /// `VER`: verb form.
    Verb,
    /// `ART`: article.
    Article,
    /// `PRO`: pronoun or determiner (*dieser*, *mein*, *ich*, *sich*, *welcher*).
    Pronoun,
    /// `ADV`: adverb.
    Adverb,
    /// `PRP`: preposition.
    Preposition,
    /// `KON`: conjunction.
    Conjunction,
    /// `ZAL`: number word (*zwei*, *hundert*).
    Numeral,
    /// `ZUS`: separated verb particle (*an* in *fängt … an*).
    Particle,
    /// `INJ`: interjection.
    Interjection,
    /// `NEG`: negation (*nicht*).
    Negation,
    /// `ABK`: abbreviation; the raw tag names what it stands for.
    Abbreviation,
}

impl Pos {
    /// The tag's spelling of this part of speech.
    pub fn code(self) -> &'static str {
        match self {
            Pos::Noun => "SUB",
            Pos::ProperNoun => "EIG",
            Pos::Adjective => "ADJ",
            Pos::Participle1 => "PA1",
            Pos::Participle2 => "PA2",
            Pos::Verb => "VER",
            Pos::Article => "ART",
            Pos::Pronoun => "PRO",
            Pos::Adverb => "ADV",
            Pos::Preposition => "PRP",
            Pos::Conjunction => "KON",
            Pos::Numeral => "ZAL",
            Pos::Particle => "ZUS",
            Pos::Interjection => "INJ",
            Pos::Negation => "NEG",
            Pos::Abbreviation => "ABK",
        }
    }

    fn parse(code: &str) -> Option<Pos> {
        Some(match code {
            "SUB" => Pos::Noun,
            // `IG` is a typo for `EIG` in one entry of the dictionary
            "EIG" | "IG" => Pos::ProperNoun,
            "ADJ" => Pos::Adjective,
            "PA1" => Pos::Participle1,
            "PA2" => Pos::Participle2,
            "VER" => Pos::Verb,
            "ART" => Pos::Article,
            "PRO" => Pos::Pronoun,
            "ADV" => Pos::Adverb,
            "PRP" => Pos::Preposition,
            "KON" => Pos::Conjunction,
            "ZAL" => Pos::Numeral,
            "ZUS" => Pos::Particle,
            "INJ" => Pos::Interjection,
            "NEG" => Pos::Negation,
            "ABK" => Pos::Abbreviation,
            _ => return None,
        })
    }

    /// Nouns, proper nouns, articles, pronouns, adjectives and participles: the words that
    /// agree in case, number and gender inside a noun phrase.
    pub fn declines(self) -> bool {
        matches!(
            self,
            Pos::Noun
                | Pos::ProperNoun
                | Pos::Adjective
                | Pos::Participle1
                | Pos::Participle2
                | Pos::Article
                | Pos::Pronoun
        )
    }
}

bitflags! {
    /// A set of grammatical cases.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct Cases: u8 {
        /// `NOM`
        const NOM = 1;
        /// `GEN`
        const GEN = 2;
        /// `DAT`
        const DAT = 4;
        /// `AKK`
        const AKK = 8;
    }

    /// A set of grammatical numbers.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct Numbers: u8 {
        /// `SIN`: singular.
        const SIN = 1;
        /// `PLU`: plural.
        const PLU = 2;
    }

    /// A set of grammatical genders. `ALG` (any gender, as of *ich* or *wir*) is all three.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct Genders: u8 {
        /// `MAS`: masculine.
        const MAS = 1;
        /// `FEM`: feminine.
        const FEM = 2;
        /// `NEU`: neuter.
        const NEU = 4;
    }

    /// The tag's remaining markers.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct Flags: u32 {
        /// `NOG`: a noun without gender (plural-only nouns such as *Leute*).
        const NO_GENDER = 1;
        /// `SFT`: a separable verb (*aufstehen*); `NON` is the default.
        const SEPARABLE = 1 << 1;
        /// `NEB`: the joined form of a separable verb, used at the end of a clause
        /// (*dass er aufsteht*).
        const JOINED = 1 << 2;
        /// `PRD`: predicative or adverbial use of an adjective (*ist schnell*).
        const PREDICATIVE = 1 << 3;
        /// `ATT`: an attributive-only adjective form.
        const ATTRIBUTIVE = 1 << 4;
        /// `SUB:…:ADJ`: a nominalised adjective (*Abgeordneter*, *Deutsche*).
        const NOMINALISED_ADJ = 1 << 5;
        /// `SUB:…:INF`: a nominalised infinitive (*das Laufen*).
        const NOMINALISED_INF = 1 << 6;
        /// `EIG:…:ART`: a name used with an article (*die Schweiz*).
        const WITH_ARTICLE = 1 << 7;
        /// `EIG:…:NOA`: a name used without an article (*Deutschland*).
        const NO_ARTICLE = 1 << 8;
        /// `BEG` or `B/S`: a pronoun that can stand before a noun (*dieser Mann*).
        const DETERMINER = 1 << 9;
        /// `STV` or `B/S`: a pronoun that can stand for a noun (*dieser*).
        const STANDALONE = 1 << 10;
        /// `A`: the second-person familiar pronoun (*du*, *ihr*).
        const FAMILIAR = 1 << 11;
        /// `B`: the second-person polite pronoun (*Sie*, *Ihnen*).
        const POLITE = 1 << 12;
        /// `VER` on a participle: it is also a verb form.
        const VERBAL = 1 << 13;
        /// `LOK`: local (adverb, preposition).
        const LOCAL = 1 << 14;
        /// `TMP`: temporal.
        const TEMPORAL = 1 << 15;
        /// `MOD`: modal (adverb, preposition).
        const MODAL = 1 << 16;
        /// `CAU`: causal.
        const CAUSAL = 1 << 17;
        /// `INR`: interrogative adverb (*wo*, *warum*).
        const INTERROGATIVE = 1 << 18;
        /// `PRO`: pronominal adverb (*dafür*, *womit*).
        const PRONOMINAL = 1 << 19;
        /// A field this parser does not know (the dictionary has none, which a test checks).
        const UNKNOWN = 1 << 31;
    }
}

/// The subclass a tag's second field gives some parts of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Kind {
    /// No subclass.
    #[default]
    None,
    /// `ART:DEF`: definite article.
    Definite,
    /// `ART:IND`, `PRO:IND`: indefinite article or pronoun (*ein*, *jemand*, *kein*).
    Indefinite,
    /// `PRO:DEM`: demonstrative (*dieser*, *jener*).
    Demonstrative,
    /// `PRO:PER`: personal pronoun.
    Personal,
    /// `PRO:POS`: possessive (*mein*, *ihr*).
    Possessive,
    /// `PRO:REF`: reflexive (*sich*).
    Reflexive,
    /// `PRO:RIN`: relative or interrogative (*welcher*, *wer*).
    RelativeInterrogative,
    /// `VER:AUX`: auxiliary (*sein*, *haben*, *werden*).
    Auxiliary,
    /// `VER:MOD`: modal verb (*müssen*, *können*).
    Modal,
    /// `KON:NEB`: coordinating conjunction (*und*, *aber*).
    Coordinating,
    /// `KON:UNT`: subordinating conjunction (*dass*, *weil*).
    Subordinating,
    /// `KON:INF`: conjunction with a zu-infinitive (*um*, *ohne*).
    Infinitival,
    /// `KON:VGL`: comparison (*als*, *wie*).
    Comparison,
    /// `KON:PRI`: proportional conjunction (*je*, *desto*).
    Proportional,
    /// `EIG:…:VOR`: first name.
    FirstName,
    /// `EIG:…:NAC`: surname.
    Surname,
    /// `EIG:…:PER`: other name of a person.
    Person,
    /// `EIG:…:COU`: country.
    Country,
    /// `EIG:…:STD`: city.
    City,
    /// `EIG:…:GEB`: region.
    Region,
    /// `EIG:…:GEO`: other place.
    Place,
    /// `EIG:…:MOU`: mountain.
    Mountain,
    /// `EIG:…:WAT`: body of water.
    Water,
}

/// Grammatical person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Person {
    /// `1`
    First,
    /// `2`
    Second,
    /// `3`
    Third,
}

/// Tense and mood of a finite verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    /// `PRÄ`: present indicative.
    Present,
    /// `PRT`: past indicative (Präteritum).
    Past,
    /// `KJ1`: subjunctive I.
    Subjunctive1,
    /// `KJ2`: subjunctive II.
    Subjunctive2,
}

/// What form of the verb a `VER` tag is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerbForm {
    /// A finite form with person and number.
    Finite(Tense),
    /// `INF`: the infinitive.
    Infinitive,
    /// `EIZ`: the infinitive with *zu* built in (*aufzustehen*).
    ZuInfinitive,
    /// `IMP`: imperative.
    Imperative,
    /// `PA1`: present participle.
    Participle1,
    /// `PA2`: past participle.
    Participle2,
}

impl VerbForm {
    /// A finite form (person and number agree with the subject).
    pub fn is_finite(self) -> bool {
        matches!(self, VerbForm::Finite(_) | VerbForm::Imperative)
    }
}

/// Degree of comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Degree {
    /// `GRU`: positive.
    Positive,
    /// `KOM`: comparative.
    Comparative,
    /// `SUP`: superlative.
    Superlative,
}

/// Which declension an adjective form belongs to, named after what precedes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Declension {
    /// `DEF`: weak, after a definite article (*der alte Mann*).
    Weak,
    /// `IND`: mixed, after an indefinite article (*ein alter Mann*).
    Mixed,
    /// `SOL`: strong, without an article (*alter Wein*).
    Strong,
}

/// A parsed tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tag {
    /// The part of speech.
    pub pos: Pos,
    /// The subclass (article and pronoun type, auxiliary/modal, kind of name …).
    pub kind: Kind,
    /// The case, or for a preposition every case it governs; empty when the tag has none.
    pub case: Cases,
    /// The number; empty when the tag has none.
    pub number: Numbers,
    /// The gender; empty when the tag has none.
    pub gender: Genders,
    /// The person of a verb or pronoun.
    pub person: Option<Person>,
    /// The form of a verb.
    pub verb_form: Option<VerbForm>,
    /// The degree of an adjective or participle.
    pub degree: Option<Degree>,
    /// The declension of an adjective or participle.
    pub declension: Option<Declension>,
    /// Everything else.
    pub flags: Flags,
}

impl Tag {
    /// Parses a tag; `None` when its first field is no part of speech. A trailing comment
    /// (` -- …`, in a few entries) is ignored, and so are the expansions of abbreviations
    /// (`ABK:Doktor:SUB`); fields this parser does not know set [`Flags::UNKNOWN`].
    pub fn parse(tag: &str) -> Option<Tag> {
        let tag = tag.split(" --").next().unwrap_or(tag).trim_end();
        let mut fields = tag.split(':');
        let pos = Pos::parse(fields.next()?)?;
        let mut t = Tag {
            pos,
            kind: Kind::None,
            case: Cases::empty(),
            number: Numbers::empty(),
            gender: Genders::empty(),
            person: None,
            verb_form: None,
            degree: None,
            declension: None,
            flags: Flags::empty(),
        };
        if pos == Pos::Abbreviation {
            return Some(t);
        }
        for field in fields {
            for part in field.split('+') {
                t.field(part);
            }
        }
        Some(t)
    }

    /// Reads one field (one part of a `+` list).
    fn field(&mut self, f: &str) {
        let pos = self.pos;
        let adjectival = matches!(pos, Pos::Adjective | Pos::Participle1 | Pos::Participle2);
        match f {
            "NOM" => self.case |= Cases::NOM,
            "GEN" => self.case |= Cases::GEN,
            "DAT" | "DAR" => self.case |= Cases::DAT,
            "AKK" => self.case |= Cases::AKK,
            "SIN" | "SIG" => self.number |= Numbers::SIN,
            "PLU" | "PLT" => self.number |= Numbers::PLU,
            "MAS" => self.gender |= Genders::MAS,
            "FEM" => self.gender |= Genders::FEM,
            "NEU" => self.gender |= Genders::NEU,
            "ALG" => self.gender = Genders::all(),
            "NOG" => self.flags |= Flags::NO_GENDER,
            "1" => self.person = Some(Person::First),
            "2" => self.person = Some(Person::Second),
            "3" => self.person = Some(Person::Third),
            "PRÄ" => self.verb_form = Some(VerbForm::Finite(Tense::Present)),
            "PRT" => self.verb_form = Some(VerbForm::Finite(Tense::Past)),
            "KJ1" => self.verb_form = Some(VerbForm::Finite(Tense::Subjunctive1)),
            "KJ2" => self.verb_form = Some(VerbForm::Finite(Tense::Subjunctive2)),
            "EIZ" => self.verb_form = Some(VerbForm::ZuInfinitive),
            "IMP" => self.verb_form = Some(VerbForm::Imperative),
            "PA1" => self.verb_form = Some(VerbForm::Participle1),
            "PA2" => self.verb_form = Some(VerbForm::Participle2),
            "INF" => match pos {
                Pos::Verb => self.verb_form = Some(VerbForm::Infinitive),
                Pos::Noun => self.flags |= Flags::NOMINALISED_INF,
                _ => self.kind = Kind::Infinitival,
            },
            "GRU" => self.degree = Some(Degree::Positive),
            "KOM" => self.degree = Some(Degree::Comparative),
            "SUP" => self.degree = Some(Degree::Superlative),
            "DEF" if adjectival => self.declension = Some(Declension::Weak),
            "IND" if adjectival => self.declension = Some(Declension::Mixed),
            "SOL" | "SOL<" => self.declension = Some(Declension::Strong),
            "DEF" => self.kind = Kind::Definite,
            "IND" => self.kind = Kind::Indefinite,
            "DEM" => self.kind = Kind::Demonstrative,
            "PER" if pos == Pos::Pronoun => self.kind = Kind::Personal,
            "POS" => self.kind = Kind::Possessive,
            "REF" => self.kind = Kind::Reflexive,
            "RIN" => self.kind = Kind::RelativeInterrogative,
            "AUX" => self.kind = Kind::Auxiliary,
            "MOD" if pos == Pos::Verb => self.kind = Kind::Modal,
            "NEB" if pos == Pos::Conjunction => self.kind = Kind::Coordinating,
            "NEB" => self.flags |= Flags::JOINED,
            _ => self.other_field(f),
        }
    }

    /// The rarer fields of [`Tag::field`].
    fn other_field(&mut self, f: &str) {
        match f {
            "UNT" => self.kind = Kind::Subordinating,
            "VGL" => self.kind = Kind::Comparison,
            "PRI" => self.kind = Kind::Proportional,
            "VOR" | "VOR*" | "VOR#" => self.kind = Kind::FirstName,
            "NAC" => self.kind = Kind::Surname,
            "PER" => self.kind = Kind::Person,
            "COU" => self.kind = Kind::Country,
            "STD" => self.kind = Kind::City,
            "GEB" => self.kind = Kind::Region,
            "GEO" => self.kind = Kind::Place,
            "MOU" => self.kind = Kind::Mountain,
            "WAT" => self.kind = Kind::Water,
            "NON" => {}
            "SFT" => self.flags |= Flags::SEPARABLE,
            "PRD" => self.flags |= Flags::PREDICATIVE,
            "ATT" => self.flags |= Flags::ATTRIBUTIVE,
            "ADJ" => self.flags |= Flags::NOMINALISED_ADJ,
            "ART" => self.flags |= Flags::WITH_ARTICLE,
            "NOA" => self.flags |= Flags::NO_ARTICLE,
            "BEG" => self.flags |= Flags::DETERMINER,
            "STV" => self.flags |= Flags::STANDALONE,
            "B/S" => self.flags |= Flags::DETERMINER | Flags::STANDALONE,
            "A" => self.flags |= Flags::FAMILIAR,
            "B" => self.flags |= Flags::POLITE,
            "VER" => self.flags |= Flags::VERBAL,
            "LOK" => self.flags |= Flags::LOCAL,
            "TMP" => self.flags |= Flags::TEMPORAL,
            "MOD" => self.flags |= Flags::MODAL,
            "CAU" => self.flags |= Flags::CAUSAL,
            "INR" => self.flags |= Flags::INTERROGATIVE,
            "PRO" => self.flags |= Flags::PRONOMINAL,
            _ => self.flags |= Flags::UNKNOWN,
        }
    }

    /// A noun (common or proper).
    pub fn is_noun(&self) -> bool {
        matches!(self.pos, Pos::Noun | Pos::ProperNoun)
    }
}

impl fmt::Display for Cases {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(f, self.iter_names().map(|(n, _)| n))
    }
}

impl fmt::Display for Numbers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(f, self.iter_names().map(|(n, _)| n))
    }
}

impl fmt::Display for Genders {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(f, self.iter_names().map(|(n, _)| n))
    }
}

/// Writes `parts` joined by `|`.
fn join<'a>(f: &mut fmt::Formatter<'_>, parts: impl Iterator<Item = &'a str>) -> fmt::Result {
    for (i, p) in parts.enumerate() {
        if i > 0 {
            f.write_str("|")?;
        }
        f.write_str(p)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_noun_article_verb_adjective_tags() {
        let t = Tag::parse("SUB:DAT:PLU:NEU").unwrap();
        assert_eq!(
            (t.pos, t.case, t.number, t.gender),
            (Pos::Noun, Cases::DAT, Numbers::PLU, Genders::NEU)
        );
        let t = Tag::parse("ART:DEF:GEN:SIN:MAS").unwrap();
        assert_eq!(
            (t.pos, t.kind, t.case),
            (Pos::Article, Kind::Definite, Cases::GEN)
        );
        let t = Tag::parse("VER:MOD:3:SIN:PRÄ").unwrap();
        assert_eq!(t.kind, Kind::Modal);
        assert_eq!(t.person, Some(Person::Third));
        assert_eq!(t.verb_form, Some(VerbForm::Finite(Tense::Present)));
        let t = Tag::parse("VER:INF:SFT").unwrap();
        assert_eq!(t.verb_form, Some(VerbForm::Infinitive));
        assert!(t.flags.contains(Flags::SEPARABLE));
        let t = Tag::parse("ADJ:AKK:PLU:MAS:GRU:DEF").unwrap();
        assert_eq!(t.declension, Some(Declension::Weak));
        assert_eq!(t.degree, Some(Degree::Positive));
        let t = Tag::parse("PRP:LOK+TMP:DAT+AKK").unwrap();
        assert_eq!(t.case, Cases::DAT | Cases::AKK);
        assert!(t.flags.contains(Flags::LOCAL | Flags::TEMPORAL));
        let t = Tag::parse("PRO:PER:NOM:SIN:ALG:2:B").unwrap();
        assert_eq!((t.kind, t.gender), (Kind::Personal, Genders::all()));
        assert!(t.flags.contains(Flags::POLITE));
        let t = Tag::parse("VER:1:SIN:PRÄ:NON -- sonst Fehlalarm").unwrap();
        assert!(t.flags.is_empty());
        assert_eq!(Tag::parse("XYZ:NOM"), None);
        assert!(Tag::parse("SUB:NOM:SIN:ZZZ")
            .unwrap()
            .flags
            .contains(Flags::UNKNOWN));
    }

    #[test]
    fn sets_display_with_bars() {
        assert_eq!((Cases::DAT | Cases::AKK).to_string(), "DAT|AKK");
        assert_eq!(Genders::all().to_string(), "MAS|FEM|NEU");
        assert_eq!(Numbers::empty().to_string(), "");
    }
}
