//! `omission`: a target much shorter than its source, with fewer sentences, or without the
//! URLs, e-mail addresses, handles, hashtags, quotes and brackets of the source.

use std::sync::LazyLock;

use regex::Regex;

use std::ops::Range;

use super::align::{self, letters, Alignment};
use super::{aligned, Aligned};
use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, Context, Rule, RuleMeta};

/// Below this target/source length ratio a unit is reported (minor). Measured on the
/// 5,656 segments of `mqm_ted_ende.tsv` without a major error whose source has 20 characters
/// or more: 0.5th percentile 0.674, 1st 0.766, median 1.137, 99.5th 1.622.
pub const SHORT: f64 = 0.6;
/// Below this ratio the omission is major (far below every measured human-like rendering).
pub const VERY_SHORT: f64 = 0.45;
/// At or above this target/source ratio of a whole unit, no sentence of it is reported as
/// missing (English to German runs about 1.14).
pub const UNIT_NORMAL: f64 = 1.0;
/// Units with shorter sources are not judged by length.
pub const MIN_SOURCE_CHARS: usize = 40;

declare_rule! {
    /// Part of the source is missing in the translation.
    ///
    /// ## What it flags
    /// A target shorter than 0.6 times its source in characters (major below 0.45; English to
    /// German runs about 1.14, and 99.5 % of well-rated segments stay above 0.67), a target with
    /// fewer sentences than the source, and URLs, e-mail addresses, @handles and #hashtags of the
    /// source that are not in the target exactly; a parenthesis of the source missing in the
    /// target is minor. The sentences of a unit are aligned with those of the source (by length,
    /// numbers and marks), and in a unit shorter than its source the finding names the source
    /// sentence that has no counterpart, or that a far too short German sentence leaves out, and
    /// marks the German sentence where it is missing, not the whole paragraph. Needs a source;
    /// silent without one.
    ///
    /// ## Why
    /// Machine translation drops clauses and sentences silently; the German reads fluently and
    /// nobody notices what is missing.
    ///
    /// ## Example
    /// ```text
    /// It works. We tested it on three continents. ⇒ Es funktioniert.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Es funktioniert. Wir haben es auf drei Kontinenten getestet.
    /// ```
    pub struct Omission;

    static META = {
        id: "omission",
        category: "accuracy/omission",
        severity: Severity::Major,
        positives: &[
            "It works. We tested it carefully on three continents for many years. ⇒ Es funktioniert.",
            "Write to info@example.com for details. ⇒ Schreiben Sie uns für Details.",
            "He said \"we win\" (again). ⇒ Er sagte, sie gewinnen wieder.",
        ],
        negatives: &[
            "He said \"we win\" (again). ⇒ Er sagte: „Wir gewinnen“ (wieder).",
            "It works. We tested it on three continents. ⇒ Es funktioniert. Wir haben es auf drei Kontinenten getestet.",
            "Write to info@example.com for details. ⇒ Details unter info@example.com.",
            "Es funktioniert.",
        ],
    };
}

static TOKENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"https?://[^\s<>]+[^\s<>.,;:!?)\]]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:^|\s)[@#][A-Za-z_]\w+",
    )
    .expect("valid regex")
});

fn sentences(text: &str) -> usize {
    text.split_inclusive(['.', '!', '?'])
        .filter(|s| s.chars().filter(|c| c.is_alphabetic()).count() >= 12)
        .count()
}

/// The first words of a sentence, for a message.
fn quoted(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(70) {
        Some((at, _)) => {
            let cut = text[..at].rfind(' ').unwrap_or(at);
            format!("“{} …”", &text[..cut])
        }
        None => format!("“{text}”"),
    }
}

/// The bytes of the target sentences of link `t`, or where the link has none, of the
/// sentence before it (after it at the start of the unit).
fn place(doc: &Document, a: &Alignment, links: usize, t: &Range<usize>) -> Option<(usize, usize)> {
    let toks = if !t.is_empty() {
        a.target_tokens(t)
    } else {
        let before = a.links[..links]
            .iter()
            .rev()
            .find(|(_, t)| !t.is_empty())
            .or_else(|| a.links[links..].iter().find(|(_, t)| !t.is_empty()))?;
        a.target_tokens(&before.1)
    };
    let span = align::token_span(doc, &toks);
    Some((span.start, span.end))
}

/// Source sentences that the alignment of unit `u` shows missing: a source sentence without
/// a partner, one of two source sentences rendered by a target far too short for both, and a
/// sentence rendered far too short. Reported on the target sentence concerned; returns
/// whether anything was reported.
fn missing_sentences(doc: &Document, u: &Aligned<'_>, cx: &mut Context<'_>) -> bool {
    // a unit as long as German usually is has lost nothing: a short sentence in it is a
    // sentence the alignment or the sentence splitter cut differently (zum 30. Geburtstag)
    let whole = doc.view[u.start..u.end].trim().chars().count() as f64
        / u.source.trim().chars().count().max(1) as f64;
    if whole >= UNIT_NORMAL {
        return false;
    }
    let a = align::align(doc, u);
    let mut found = false;
    for (k, (s, t)) in a.links.iter().enumerate() {
        let source = a.source_text(u, s);
        if s.is_empty() || source.trim().chars().count() < MIN_SOURCE_CHARS {
            continue;
        }
        let target = align::token_text(doc, &a.target_tokens(t));
        let ratio = target.chars().count() as f64 / source.trim().chars().count() as f64;
        let message = if t.is_empty() {
            // three short English sentences joined into one German one leave one unpaired
            if a.fits_neighbour(doc, u, k, SHORT, f64::INFINITY) {
                continue;
            }
            format!(
                "The source sentence {} has no counterpart in the translation.",
                quoted(source)
            )
        } else if ratio >= SHORT {
            continue;
        } else if s.len() >= 2 {
            // the sentence that fits the target worst is the one left out
            let worst = s
                .clone()
                .map(|i| (i, align::fit(a.source_text(u, &(i..i + 1)), target)))
                .max_by(|x, y| x.1.total_cmp(&y.1))
                .map_or(s.start, |(i, _)| i);
            format!(
                "The source has {} sentences here and the translation one ({} characters for {}); {} seems to be missing.",
                s.len(),
                target.chars().count(),
                source.trim().chars().count(),
                quoted(a.source_text(u, &(worst..worst + 1)))
            )
        } else if letters(source) >= 2 * MIN_SOURCE_CHARS {
            format!(
                "The sentence has {} characters for {} in its source {} (ratio {ratio:.2}); part of it may be missing.",
                target.chars().count(),
                source.trim().chars().count(),
                quoted(source)
            )
        } else {
            continue;
        };
        if let Some((start, end)) = place(doc, &a, k, t) {
            let severity = if ratio < VERY_SHORT && !t.is_empty() {
                Severity::Major
            } else {
                Severity::Minor
            };
            cx.report_as(&META, severity, start, end, message, None);
            found = true;
        }
    }
    found
}

impl Rule for Omission {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for u in aligned(doc) {
            let target = doc.view[u.start..u.end].trim_end();
            if target.is_empty() {
                continue;
            }
            let end = u.start + target.len();
            let pairs = align::pairs(doc, &u);
            // the target sentence aligned with source byte `at`
            let sentence = |at: usize| {
                let span = align::token_span(doc, &align::target_of(&pairs, &u, at));
                (span.start, span.end)
            };
            for m in TOKENS.find_iter(u.source) {
                let t = m.as_str().trim();
                if !target.contains(t) {
                    let (s, e) = sentence(m.start());
                    cx.report(
                        &META,
                        s,
                        e,
                        format!("The source has „{t}“; the translation does not."),
                        None,
                    );
                }
            }
            // quotations and parentheses: a quote in the source must stay a quote
            let quotes = |s: &str| {
                s.chars()
                    .filter(|c| matches!(c, '"' | '“' | '”' | '„' | '»' | '«'))
                    .count()
            };
            let opens = |s: &str| s.matches('(').count();
            if quotes(u.source) >= 2 && quotes(target) == 0 {
                let msg = "The source quotes someone; the translation has no quotation marks."
                    .to_string();
                let at = u.source.find(['"', '“', '”', '„', '»', '«']).unwrap_or(0);
                let (s, e) = sentence(at);
                cx.report(&META, s, e, msg, None);
            }
            if opens(u.source) > opens(target) {
                let msg = format!(
                    "The source has {} parenthes{}, the translation {}.",
                    opens(u.source),
                    if opens(u.source) == 1 { "is" } else { "es" },
                    opens(target)
                );
                // often an English abbreviation spelt out in German (ICU): minor
                let at = u.source.find('(').unwrap_or(0);
                let (s, e) = sentence(at);
                cx.report_as(&META, Severity::Minor, s, e, msg, None);
            }
            let sl = u.source.trim().chars().count();
            let tl = target.chars().count();
            if sl < MIN_SOURCE_CHARS || missing_sentences(doc, &u, cx) {
                continue;
            }
            let ratio = tl as f64 / sl as f64;
            let (ss, ts) = (sentences(u.source), sentences(target));
            if ratio < SHORT {
                let sev = if ratio < VERY_SHORT {
                    Severity::Major
                } else {
                    Severity::Minor
                };
                cx.report_as(
                    &META,
                    sev,
                    u.start,
                    end,
                    format!(
                        "The translation has {tl} characters for {sl} in the source (ratio {ratio:.2}); part of it may be missing."
                    ),
                    None,
                );
            } else if ts + 1 < ss && ratio < 0.8 {
                cx.report_as(
                    &META,
                    Severity::Minor,
                    u.start,
                    end,
                    format!("The source has {ss} sentences, the translation {ts}."),
                    None,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::findings;

    /// (span, flagged text, severity, message, suggestion) of every finding.
    fn found(text: &str) -> Vec<(usize, usize, String, Severity, String, Option<String>)> {
        let (view, found) = findings(&Omission, text);
        found
            .into_iter()
            .map(|f| {
                let flagged = view[f.start..f.end].to_string();
                (f.start, f.end, flagged, f.severity, f.message, f.suggestion)
            })
            .collect()
    }

    #[test]
    fn a_far_shorter_target_is_major() {
        let text = "We tested the new chips on three continents over many years. \
                    ⇒ Wir testeten die Chips.";
        assert_eq!(
            found(text),
            [(
                0,
                23,
                "Wir testeten die Chips.".to_string(),
                Severity::Major,
                "The translation has 23 characters for 60 in the source (ratio 0.38); part of \
                 it may be missing."
                    .to_string(),
                None
            )]
        );
    }

    #[test]
    fn a_shorter_target_is_minor() {
        let text = "The company tested its new chips on three continents last year. \
                    ⇒ Die Firma testete ihre neuen Chips.";
        let got = found(text);
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].0, got[0].1, got[0].3), (0, 35, Severity::Minor));
        assert!(got[0]
            .4
            .contains("35 characters for 63 in the source (ratio 0.56)"));
    }

    #[test]
    fn lost_sentences_are_minor() {
        let text = "The chips work really well. We tested them on three continents. The results \
                    were good. ⇒ Die Chips funktionieren auf drei Kontinenten sehr gut.";
        let got = found(text);
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].0, got[0].1, got[0].3), (0, 54, Severity::Minor));
        assert_eq!(got[0].4, "The source has 3 sentences, the translation 1.");
        assert_eq!(got[0].5, None);
    }

    #[test]
    fn a_dropped_sentence_is_named_on_its_neighbour() {
        let text = "The company deployed new chips last year. It also hired two hundred engineers \
                    in Berlin and Munich. Revenue rose by 12 percent. ⇒ Das Unternehmen setzte \
                    letztes Jahr neue Chips ein. Der Umsatz stieg um 12 Prozent.";
        let got = found(text);
        assert_eq!(got.len(), 1, "{got:?}");
        // one sentence of the target, not the whole paragraph
        assert_eq!(
            got[0].2,
            "Das Unternehmen setzte letztes Jahr neue Chips ein."
        );
        assert!(
            got[0].4.contains(
                "“It also hired two hundred engineers in Berlin and Munich.” seems to be missing"
            ),
            "{}",
            got[0].4
        );
    }

    #[test]
    fn a_dropped_handle_is_named() {
        let got = found("Follow @mtcheck for news. ⇒ Folgen Sie uns für Neuigkeiten.");
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].0, got[0].1), (0, 32));
        assert_eq!(got[0].2, "Folgen Sie uns für Neuigkeiten.");
        assert_eq!(
            got[0].4,
            "The source has „@mtcheck“; the translation does not."
        );
    }

    #[test]
    fn a_faithful_target_and_a_text_without_source_are_silent() {
        assert_eq!(
            found("Follow @mtcheck for news. ⇒ Folgen Sie @mtcheck für Neuigkeiten."),
            []
        );
        assert_eq!(found("Wir testeten die Chips."), []);
    }
}
