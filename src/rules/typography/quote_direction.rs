//! `quote-direction`: quotation marks the wrong way round (”…” or “…” in German text).

use super::{german_style, proper, scan, Role};
use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{Context, Rule, RuleMeta};
use crate::text::segment::SegmentMode;

/// See [`META`].
pub struct QuoteDirection;

static META: RuleMeta = RuleMeta {
    id: "quote-direction",
    category: "fluency/punctuation",
    severity: Severity::Minor,
    summary: "A quotation mark the wrong way round: ” opening a quote, or English marks in a text quoting „German style“.",
    flags: "A ” that opens a quotation (wrong in every style), and, in a document that quotes \
            German style with „, any English ” or an opening “. A document that consistently uses \
            English or straight quotes is its house style and is not flagged.",
    why: "Machine translation copies the English marks; mixed marks are the most visible sign of \
          an unedited translation.",
    example: "Der erste mit dem Namen ”Prometheus” soll 2026 starten.",
    instead: "Der erste mit dem Namen „Prometheus“ soll 2026 starten.",
    positives: &[
        "Der erste Cluster mit dem Namen ”Prometheus” soll starten.",
        "Er sagte: „Ja.“ Dann: ”Nein.“",
    ],
    negatives: &["Er sagte: „Ja.“", "He said “yes” and left.", "Er sagte \"Ja\"."],
};

impl Rule for QuoteDirection {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let scans: Vec<_> = doc.segments.iter().map(|seg| scan(doc, seg)).collect();
        let opens_with_rdq =
            |quotes: &[super::Quote]| quotes.iter().any(|q| q.ch == '”' && q.role == Role::Open);
        let doc_rdq =
            doc.mode == SegmentMode::Paragraphs && scans.iter().any(|s| opens_with_rdq(s));
        for (seg, quotes) in doc.segments.iter().zip(scans) {
            // „ in the text, or a ” that opens a quote: the text is not consistently English-style
            let german = german_style(doc, seg) || doc_rdq || opens_with_rdq(&quotes);
            for q in quotes {
                let wrong = match (q.ch, q.role) {
                    ('”', Role::Open) => true,
                    ('”', Role::Close) | ('“', Role::Open) => german,
                    _ => false,
                };
                if !wrong {
                    continue;
                }
                let fix = proper(q.role, german);
                let what = if q.role == Role::Open {
                    "opening"
                } else {
                    "closing"
                };
                let tok = doc.tok(q.tok);
                cx.report(
                    &META,
                    tok.start,
                    tok.end,
                    format!(
                        "The {what} quotation mark {} should be {fix} in German text.",
                        q.ch
                    ),
                    Some(fix.to_string()),
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
    fn suggests_the_german_marks() {
        let got = run(&QuoteDirection, "Er nannte ihn ”Prometheus” und ging.");
        assert_eq!(
            got,
            vec![
                ("”".to_string(), Some("„".to_string())),
                ("”".to_string(), Some("“".to_string()))
            ]
        );
    }
}
