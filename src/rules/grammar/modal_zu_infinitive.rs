//! `modal-zu-infinitive`: a modal verb with a zu-infinitive (muss … zu beenden), where German
//! takes the bare infinitive.

use foldhash::HashMap;

use crate::document::Document;
use crate::finding::Severity;
use crate::morph::{Kind, Morph, Pos, Readings, VerbForm};
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::TokenKind;

declare_rule! {
    /// A modal verb with a zu-infinitive (muss das Problem zu lösen).
    ///
    /// ## What it flags
    /// A finite form of müssen, können, dürfen, sollen, wollen or mögen (möchte) followed in
    /// the same clause (no punctuation, no conjunction between) by *zu* and an infinitive,
    /// or by an infinitive with built-in *zu* (aufzustehen), when no other verb could govern
    /// the zu-infinitive: none stands between the modal and *zu*, and none follows the
    /// infinitive (kann nichts zu sagen haben, muss zu sehen sein). *etwas/nichts zu essen*
    /// and *bis zu* are not zu-infinitives of the modal.
    ///
    /// ## Why
    /// A modal verb takes the bare infinitive; English *have to*, *be able to* lead machine
    /// translation to keep the *zu*.
    ///
    /// ## Example
    /// ```text
    /// Wir müssen die Arbeit bis Freitag zu beenden.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Wir müssen die Arbeit bis Freitag beenden.
    /// ```
    pub struct ModalZuInfinitive;

    static META = {
        id: "modal-zu-infinitive",
        category: "fluency/grammar",
        severity: Severity::Minor,
        positives: &[
            "Wir müssen die Arbeit bis Freitag zu beenden.",
            "Die Regierung kann das Problem nicht zu lösen.",
            "Er will morgen früh aufzustehen.",
        ],
        negatives: &[
            "Wir müssen versuchen, das zu beenden.",
            "Er hat viel zu tun.",
            "Das Bild ist gut zu sehen.",
            "Das Bild muss gut zu sehen sein.",
            "Ich möchte etwas zu trinken.",
            "Die Zahl kann sich bis zu verdoppeln.",
            "Wir müssen mehr tun um die Ziele zu erreichen.",
            "Das kann zu großen Problemen führen.",
        ],
    };
}

/// Words after which *zu* + infinitive belongs to a noun phrase, not to the verb (*etwas zu
/// essen*), or *zu* is a preposition (*bis zu*).
const NOT_VERBAL_BEFORE_ZU: &[&str] = &[
    "etwas", "nichts", "was", "viel", "wenig", "mehr", "genug", "einiges", "vieles", "allerlei",
    "bis",
];

/// Words that end the modal's clause: coordinating and infinitival conjunctions, *als*,
/// *wie*.
const CLAUSE_END: &[&str] = &[
    "und", "oder", "aber", "sondern", "denn", "sowie", "bzw", "als", "wie", "um", "ohne", "statt",
    "anstatt", "außer", "dass", "weil", "wenn", "ob",
];

/// What the rule asks about a lower-case word.
#[derive(Clone, Copy, Default)]
struct Verb {
    /// A finite modal verb.
    modal: bool,
    /// A bare infinitive (and no adjective).
    infinitive: bool,
    /// An infinitive with built-in zu.
    zu_infinitive: bool,
    /// Some non-finite verb form (infinitive, participle).
    non_finite: bool,
    /// Also an article or pronoun (*einen*, *sein*).
    determiner: bool,
}

/// Looks words up once per document.
struct Lookup<'d> {
    buf: Readings,
    seen: HashMap<&'d str, Verb>,
}

impl<'d> Lookup<'d> {
    fn verb(&mut self, form: &'d str) -> Verb {
        if let Some(&v) = self.seen.get(form) {
            return v;
        }
        Morph::global().lookup_into(form, &mut self.buf);
        let mut v = Verb::default();
        let (mut adjective, mut inf, mut zu) = (false, false, false);
        for r in self.buf.iter() {
            let t = r.tag;
            match t.pos {
                Pos::Verb => match t.verb_form {
                    Some(f) if f.is_finite() => {
                        v.modal |= t.kind == Kind::Modal
                            && matches!(
                                r.lemma,
                                "müssen" | "können" | "dürfen" | "sollen" | "wollen" | "mögen"
                            );
                    }
                    Some(VerbForm::Infinitive) => inf = true,
                    Some(VerbForm::ZuInfinitive) => zu = true,
                    Some(_) => v.non_finite = true,
                    None => {}
                },
                Pos::Adjective | Pos::Participle1 | Pos::Participle2 => adjective = true,
                Pos::Article | Pos::Pronoun => v.determiner = true,
                _ => {}
            }
        }
        v.infinitive = inf && !adjective;
        // hinzukommen is an infinitive of hinzu|kommen, not hin|zu|kommen
        let particle_zu = form
            .find("zu")
            .is_some_and(|at| Morph::global().is_known(&form[..at + 2]));
        v.zu_infinitive = zu && !inf && !particle_zu;
        v.non_finite |= inf || v.zu_infinitive;
        self.seen.insert(form, v);
        v
    }
}

impl Rule for ModalZuInfinitive {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let mut look = Lookup {
            buf: Readings::default(),
            seen: HashMap::default(),
        };
        for sent in &doc.sentences {
            for t in sent.tok_start..sent.tok_end {
                if !doc.is_word(t)
                    || !may_be_modal(doc.norm(t))
                    || !look.verb(doc.norm(t)).modal
                    || clause_final(doc, &mut look, sent.tok_start, t)
                {
                    continue;
                }
                let Some((zu, inf)) = zu_infinitive(doc, &mut look, t + 1, sent.tok_end) else {
                    continue;
                };
                let (start, end) = (doc.tok(zu).start, doc.tok(inf).end);
                let bare = if zu == inf {
                    doc.text(inf).replacen("zu", "", 1)
                } else {
                    doc.text(inf).to_string()
                };
                cx.report(
                    &META,
                    start,
                    end,
                    format!(
                        "{} takes the bare infinitive, not {}.",
                        q(doc.text(t)),
                        q(&doc.view[start..end])
                    ),
                    Some(bare),
                );
            }
        }
    }
}

/// The modal at `t` ends a subordinate clause, whose zu-infinitive may follow without a
/// comma: an infinitive stands before it (die sie dazu bringen sollten zu sagen), or a
/// personal pronoun that does not open the clause (so gut wir konnten zu schützen).
fn clause_final<'d>(doc: &'d Document, look: &mut Lookup<'d>, first: usize, t: usize) -> bool {
    if t == first || !doc.is_word(t - 1) {
        return false;
    }
    let prev = doc.text(t - 1);
    if !prev.starts_with(char::is_uppercase) && look.verb(prev).non_finite {
        return true;
    }
    let pronoun = matches!(
        doc.norm(t - 1),
        "ich" | "du" | "er" | "sie" | "es" | "wir" | "ihr" | "man"
    );
    pronoun && t - 1 > first && doc.is_word(t - 2)
}

/// A cheap filter before the look-up: the stems of the six modal verbs.
fn may_be_modal(norm: &str) -> bool {
    const STEMS: &[&str] = &[
        "muss", "müss", "muß", "musst", "kann", "könn", "konnt", "darf", "dürf", "durft", "soll",
        "will", "woll", "mag", "mög", "mocht", "möcht",
    ];
    STEMS.iter().any(|s| norm.starts_with(s))
}

/// The zu-infinitive (token of *zu*, token of the infinitive; one token for *aufzustehen*)
/// that follows from `from` on in the modal's clause and that only the modal can govern.
fn zu_infinitive<'d>(
    doc: &'d Document,
    look: &mut Lookup<'d>,
    from: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let mut prev = "";
    for i in from..end {
        let tok = doc.tok(i);
        if tok.kind != TokenKind::Word {
            return None;
        }
        let norm = doc.norm(i);
        let text = doc.text(i);
        if CLAUSE_END.contains(&norm) {
            return None;
        }
        let lower = !text.starts_with(char::is_uppercase);
        let hit = if norm == "zu" && i + 1 < end && doc.is_word(i + 1) {
            let next = doc.text(i + 1);
            (!next.starts_with(char::is_uppercase) && look.verb(next).infinitive)
                .then_some((i, i + 1))
        } else if lower && look.verb(text).zu_infinitive {
            Some((i, i))
        } else {
            None
        };
        if let Some((zu, inf)) = hit {
            if NOT_VERBAL_BEFORE_ZU.contains(&prev) || governed_after(doc, look, inf + 1, end) {
                return None;
            }
            return Some((zu, inf));
        }
        // another verb between the modal and zu may govern the zu-infinitive; *einen* and
        // *sein* before a noun are determiners
        if lower && verb_here(doc, look, i, end) {
            return None;
        }
        prev = norm;
    }
    None
}

/// A verb form follows the zu-infinitive (zu sehen sein, zu sagen haben, zu tun versuchen)
/// in its clause.
fn governed_after<'d>(doc: &'d Document, look: &mut Lookup<'d>, from: usize, end: usize) -> bool {
    for i in from..end {
        if doc.tok(i).kind != TokenKind::Word || CLAUSE_END.contains(&doc.norm(i)) {
            return false;
        }
        if !doc.text(i).starts_with(char::is_uppercase) && verb_here(doc, look, i, end) {
            return true;
        }
    }
    false
}

/// The lower-case word at `i` is a non-finite verb form here: it has such a reading, and
/// when it can also be a determiner, no capitalised word follows it.
fn verb_here<'d>(doc: &'d Document, look: &mut Lookup<'d>, i: usize, end: usize) -> bool {
    let v = look.verb(doc.text(i));
    v.non_finite
        && !(v.determiner
            && i + 1 < end
            && doc.is_word(i + 1)
            && doc.text(i + 1).starts_with(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn flags_modal_with_zu_and_proposes_the_bare_infinitive() {
        assert_eq!(
            run(
                &ModalZuInfinitive,
                "Wir müssen die Arbeit bis Freitag zu beenden."
            ),
            vec![("zu beenden".into(), Some("beenden".into()))]
        );
        assert_eq!(
            run(&ModalZuInfinitive, "Er will morgen früh aufzustehen."),
            vec![("aufzustehen".into(), Some("aufstehen".into()))]
        );
    }

    #[test]
    fn silent_where_another_word_governs_the_zu_infinitive() {
        for s in [
            "Er muss versuchen, das zu beenden.",
            "Sie muss versuchen das Problem zu lösen.",
            "Er wird nichts zu sagen haben.",
            "Das Problem ist nicht zu lösen.",
            "Sie müssen sparen, um Geld zu haben.",
            "Ich möchte etwas zu essen.",
            "Du brauchst nicht zu kommen.",
            "Das kann zu Verzögerungen führen.",
            "Die Kosten können zu hoch sein.",
            "Man muss bereit sein zu kämpfen.",
            "Dieser soll zu den Zweigen hinzukommen.",
            "Sie gelobte, so lange sie könne in der Politik zu bleiben.",
            "Der Hund, der nicht aufhören wollte zu bellen, schlief.",
        ] {
            assert!(run(&ModalZuInfinitive, s).is_empty(), "{s}");
        }
    }
}
