//! `number-format`: English decimal points and thousands separators in German text.

use super::is_magnitude;
use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::ListId;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::TokenKind;

declare_rule! {
    /// An English decimal point or thousands comma in a German number (4.4 Milliarden, 10,000
    /// GPUs).
    ///
    /// ## What it flags
    /// A decimal point before a magnitude or unit (4.4 Milliarden, 3.5 Prozent, 2.5 Mio.), and a
    /// comma that groups thousands the English way (10,000 GPUs, 1,250,000 Nutzer). Dates
    /// (15.7.2025), versions (Gemini 2.5) and German decimals (4,4 Milliarden) stay silent; so
    /// does a single group of three digits that is not `,000` (1,464 Euro, 3,716 Mrd.: German
    /// decimals), and amounts in Swiss francs (39.15 Franken).
    ///
    /// ## Why
    /// German swaps the two marks: 4.4 Milliarden reads as 44 billion to some readers and as a typo
    /// to all, 10,000 reads as ten (major). 1,250,000 cannot be read as a German number at all:
    /// the reader sees the convention, not another value (minor).
    ///
    /// ## Example
    /// ```text
    /// Meta erhöhte die Vergütung auf 4.4 Milliarden Dollar und kaufte 10,000 GPUs.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Meta erhöhte die Vergütung auf 4,4 Milliarden Dollar und kaufte 10.000 GPUs.
    /// ```
    pub struct NumberFormat;

    static META = {
        id: "number-format",
        category: "locale/number-format",
        severity: Severity::Major,
        positives: &[
            "Die Summe stieg auf 4.4 Milliarden Dollar.",
            "Sie kauften 10,000 GPUs.",
            "Es waren 1,250,000 Nutzer.",
        ],
        negatives: &[
            "Die Summe stieg auf 4,4 Milliarden Dollar.",
            "Am 15.7.2025 erschien Gemini 2.5 mit 10.000 Tokens.",
            "Der Wert lag bei 0,125 Millimetern.",
            "Es kostet 1,464 Euro und 3,716 Mrd. Euro.",
            "Mit 13,500 Punkten landete sie auf Rang sieben.",
            "Das kostet 39.15 Franken pro Jahr.",
        ],
    };
}

/// `n` groups thousands with commas: 1-3 digits, then one or more `,ddd`.
fn english_thousands(n: &str) -> bool {
    let mut parts = n.split(',');
    let head = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    !rest.is_empty()
        && (1..=3).contains(&head.len())
        && head != "0"
        && !head.contains('.')
        && rest
            .iter()
            .all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// `n` is `d.d` or `d.dd` (an English decimal), not a date or a grouped number.
fn english_decimal(n: &str) -> bool {
    let parts: Vec<&str> = n.split('.').collect();
    parts.len() == 2
        && !n.contains(',')
        && (1..=3).contains(&parts[0].len())
        && (1..=2).contains(&parts[1].len())
}

/// Token `t` is a scale word: 3,716 Mrd. is a German decimal, never 3716 billions.
fn is_scale(doc: &Document, t: usize) -> bool {
    t < doc.tokens.len()
        && matches!(
            doc.norm(t),
            "million"
                | "millionen"
                | "milliarde"
                | "milliarden"
                | "billion"
                | "billionen"
                | "mio"
                | "mrd"
        )
}

/// Swiss German writes amounts in francs with a decimal point (39.15 Franken).
fn swiss_currency(doc: &Document, t: usize) -> bool {
    t < doc.tokens.len() && matches!(doc.norm(t), "franken" | "chf" | "rappen" | "fr")
}

impl Rule for NumberFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let magnitudes = cx.lex.list(ListId::LocaleMagnitudes);
        for t in 0..doc.tokens.len() {
            if doc.tok(t).kind != TokenKind::Number {
                continue;
            }
            let n = doc.text(t);
            let next_is_word = t + 1 < doc.tokens.len() && doc.tok(t + 1).space_before;
            let fix = if english_decimal(n)
                && next_is_word
                && is_magnitude(magnitudes, doc, t + 1)
                && !swiss_currency(doc, t + 1)
            {
                Some(n.replace('.', ","))
            } else if english_thousands(n) {
                let groups = n.matches(',').count();
                // one group is a German decimal (3,716 Mrd. Euro, 1,464 Euro, 13,500 Punkte)
                // unless it is `,000`: nobody writes ten as 10,000
                let noun_follows = next_is_word
                    && doc.is_word(t + 1)
                    && doc
                        .text(t + 1)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                    && !is_scale(doc, t + 1);
                let round = n.ends_with(",000");
                (groups >= 2 || (round && noun_follows)).then(|| n.replace(',', "."))
            } else {
                None
            };
            if let Some(fix) = fix {
                let tok = doc.tok(t);
                // two or more groups (1,250,000) cannot be read as a German number: the reader
                // sees the convention, not another value, so it is minor; 10,000 reads as ten
                // and 4.4 Milliarden as 44, which is major
                let severity = if n.matches(',').count() >= 2 {
                    Severity::Minor
                } else {
                    META.severity
                };
                cx.report_as(
                    &META,
                    severity,
                    tok.start,
                    tok.end,
                    format!(
                        "{} uses English separators; German writes {}.",
                        q(n),
                        q(&fix)
                    ),
                    Some(fix),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn swaps_the_marks() {
        assert_eq!(
            run(&NumberFormat, "auf 4.4 Milliarden"),
            vec![("4.4".into(), Some("4,4".into()))]
        );
        assert_eq!(
            run(&NumberFormat, "mit 10,000 GPUs"),
            vec![("10,000".into(), Some("10.000".into()))]
        );
    }

    #[test]
    fn a_three_digit_decimal_is_german() {
        for text in [
            "Die Umlage steigt auf 6,354 Cent je Kilowattstunde.",
            "Es waren 3,221 Millionen Fahrgäste.",
            "Eine Probe von 29,166 Gramm wurde entnommen.",
            "Das kostet 39.15 Franken.",
        ] {
            assert_eq!(run(&NumberFormat, text), vec![], "{text}");
        }
        assert_eq!(
            run(&NumberFormat, "Es heilten 5,963,373 Personen."),
            vec![("5,963,373".into(), Some("5.963.373".into()))]
        );
    }
}
