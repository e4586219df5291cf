//! `entity-spelling`: a known name with the wrong casing or a known misspelling.

use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::distinctive_casing;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::zones::ZoneSet;
use crate::text::TokenKind;

declare_rule! {
    /// A known name with wrong casing (Openai, Github, XAI, GPUS: minor) or a known misspelling
    /// (Zuckerburg: major).
    ///
    /// ## What it flags
    /// Names whose casing is distinctive (OpenAI, GitHub, xAI, PlayAI, YouTube, GPUs) written with
    /// other casing, and misspellings listed in the name dictionary (Open AI, Zuckerburg). Genitive
    /// forms (Githubs) are recognised. Words in an all-caps line, and domains, addresses,
    /// handles and hashtags (whatsapp.com, @openai), which are lower case by convention, are
    /// left alone.
    ///
    /// ## Why
    /// Machine translation lower-cases or upper-cases brand names; a misspelled company name in a
    /// published article looks careless and can be taken for another company.
    ///
    /// ## Example
    /// ```text
    /// Der ehemalige Github-CEO wechselt zu Openai.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Der ehemalige GitHub-CEO wechselt zu OpenAI.
    /// ```
    pub struct EntitySpelling;

    static META = {
        id: "entity-spelling",
        category: "fluency/spelling",
        severity: Severity::Minor,
        positives: &[
            "Der ehemalige Github-CEO wechselt zu Openai.",
            "Berichten zufolge plant XAI neue Rechenzentren mit GPUS.",
            "Das Repository liegt auf Githubs Servern.",
        ],
        negatives: &[
            "Die Handelsplattform Ebay trennte sich vom Bezahldienst Paypal.",
            "Der ehemalige GitHub-CEO wechselt zu OpenAI.",
            "Die GPUs von xAI laufen.",
            "Meta und Apple investieren.",
            "Klickt man auf OK, geht es auf der Seite whatsapp.com weiter.",
        ],
    };
}

fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// The line of token `t` is written in capitals throughout (a shouted headline).
fn in_caps_context(doc: &Document, t: usize) -> bool {
    let sent = doc.sentences[doc.sentence_of(t)];
    let words: Vec<usize> = (sent.tok_start..sent.tok_end)
        .filter(|&i| doc.is_word(i) && i != t)
        .collect();
    words.len() >= 2 && words.iter().all(|&i| is_all_caps(doc.text(i)))
}

/// German newsrooms write well-established brands as German nouns, with one capital and no
/// inner ones (dpa style: Youtube, Paypal, Playstation): that is a house style, not an error.
/// „Established“ is a word as frequent in German as everyday vocabulary (Zipf 3.5 or more);
/// newer names (Openai, Github, Playai) have no such spelling in German.
fn german_house_style(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && crate::lexicon::words::WordFreq::builtin()
            .de_zipf(&text.to_lowercase())
            .is_some_and(|z| z >= 3.5)
}

/// Token `t` is part of a URL or bare domain, an e-mail address, a handle or a hashtag: a
/// zone of that kind covers it, or a full stop and a word are glued to it (whatsapp.cm).
fn in_address(doc: &Document, t: usize) -> bool {
    let tok = doc.tok(t);
    if doc.zones.touches(tok.start, tok.end, ZoneSet::OPAQUE) {
        return true;
    }
    let glued = |i: usize| i < doc.tokens.len() && !doc.tok(i).space_before;
    glued(t + 1) && doc.text(t + 1) == "." && glued(t + 2) && doc.is_word(t + 2) && {
        let tld = doc.text(t + 2);
        (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase())
    }
}

impl Rule for EntitySpelling {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let names = &cx.lex.names;
        let tokens = &doc.tokens;
        let (view, norms) = (doc.view.as_bytes(), tokens.norm_stream());
        // one pass over the tokens looks up every word's casing and whether a known wrong
        // spelling may occur; words are looked up by the hash they carry, and a form is only
        // sliced out of the text when the look-up needs it
        let mut casing = Vec::new();
        let mut variant_cue = false;
        for t in 0..tokens.len() {
            variant_cue = variant_cue || names.variant_cue(tokens, t);
            let tok = doc.tok(t);
            if tok.kind != TokenKind::Word {
                continue;
            }
            let (idx, suffix) = match names.casing.get_token(tokens, t) {
                Some(&i) => (i, ""),
                None => {
                    // the genitive: the form and the text end in s
                    let (ns, ne) = tokens.norm_range(t);
                    if ne == ns || norms.as_bytes()[ne - 1] != b's' || view[tok.end - 1] != b's' {
                        continue;
                    }
                    match names.casing.get(&norms[ns..ne - 1]) {
                        Some(&i) => (i, "s"),
                        None => continue,
                    }
                }
            };
            let text = doc.text(t);
            let canonical = &names.list[idx].name;
            let stem = &text[..text.len() - suffix.len()];
            if stem == canonical || names.accepted.contains(stem) || !distinctive_casing(canonical)
            {
                continue;
            }
            if is_all_caps(text) && in_caps_context(doc, t) {
                continue;
            }
            // a domain, address, handle or hashtag is written in lower case by convention
            // (whatsapp.com, @openai, #github): its casing is no misspelling of the name
            if german_house_style(stem) || in_address(doc, t) {
                continue;
            }
            let fix = format!("{canonical}{suffix}");
            casing.push((
                tok.start,
                tok.end,
                format!(
                    "The name is written {} with this casing, not {}.",
                    q(&fix),
                    q(text)
                ),
                fix,
                META.severity,
            ));
        }
        // known wrong spellings first: of two findings at one place, the first is kept
        let mut out = Vec::new();
        let variants = if variant_cue {
            names.variants.find(doc)
        } else {
            Vec::new()
        };
        for hit in variants {
            let name = &names.list[hit.entry.data].name;
            let (s, e) = (
                doc.tok(hit.m.mark_start).start,
                doc.tok(hit.m.mark_end - 1).end,
            );
            out.push((
                s,
                e,
                format!(
                    "{} is a misspelling of the name {name}.",
                    q(&doc.view[s..e])
                ),
                name.clone(),
                // a spelling convention (Vladimir/Wladimir, Nestle/Nestlé, IMF/IWF): German
                // writers use both, so it is worth a look, not a failed gate
                META.severity,
            ));
        }
        out.append(&mut casing);
        out.sort_by_key(|o| o.0);
        out.dedup_by_key(|o| o.0);
        for (s, e, message, fix, severity) in out {
            cx.report_as(&META, severity, s, e, message, Some(fix));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn fixes_casing_and_keeps_the_genitive() {
        let got = run(&EntitySpelling, "Openai und Githubs Chef.");
        assert_eq!(
            got,
            vec![
                ("Openai".to_string(), Some("OpenAI".to_string())),
                ("Githubs".to_string(), Some("GitHubs".to_string()))
            ]
        );
    }

    #[test]
    fn domains_and_handles_keep_their_lower_case() {
        for s in [
            "Es geht auf der Seite whatsapp.cm weiter.",
            "Mehr unter https://github.com/openai dazu.",
            "Er schrieb an @openai und #github.",
        ] {
            assert!(run(&EntitySpelling, s).is_empty(), "{s}");
        }
        assert_eq!(
            run(&EntitySpelling, "Er wechselt zu Openai. Com ist nichts."),
            vec![("Openai".to_string(), Some("OpenAI".to_string()))]
        );
    }

    #[test]
    fn shouting_headline_is_left_alone() {
        assert!(run(&EntitySpelling, "OPENAI KAUFT GITHUB").is_empty());
    }
}
