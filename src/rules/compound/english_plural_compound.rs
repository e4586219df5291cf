//! `english-plural-compound`: an English plural glued into a German compound (GPUsclustern).

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{capitalise, declare_rule, q, Context, Rule, RuleMeta};
use crate::text::TokenKind;

declare_rule! {
    /// An English plural glued into a German compound (GPUsclustern for GPU-Clustern).
    ///
    /// ## What it flags
    /// A word that starts with an acronym in the English plural (GPUs, CPUs, APIs) and runs on into
    /// a lower-case German word: GPUsclustern, APIsaufrufe. The suggestion drops the plural s and
    /// joins the parts with a hyphen.
    ///
    /// ## Why
    /// German compounds take the singular of an acronym and a hyphen; the glued plural is
    /// unreadable and cannot be found by search.
    ///
    /// ## Example
    /// ```text
    /// Der Zugang zu riesigen GPUsclustern ist entscheidend.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Der Zugang zu riesigen GPU-Clustern ist entscheidend.
    /// ```
    pub struct EnglishPluralCompound;

    static META = {
        id: "english-plural-compound",
        category: "fluency/spelling",
        severity: Severity::Minor,
        positives: &[
            "Der Zugang zu riesigen GPUsclustern ist entscheidend.",
            "Die APIsaufrufe stiegen.",
        ],
        negatives: &[
            "Der Zugang zu GPU-Clustern ist entscheidend.",
            "Die GPUs laufen.",
            "Das ABSsystem? Nein: das ABS-System.",
            "Keine BEstätigung erhalten.",
        ],
    };
}

/// Splits `GPUsclustern` into (`GPU`, `clustern`).
fn split(w: &str) -> Option<(&str, &str)> {
    let caps = w.chars().take_while(char::is_ascii_uppercase).count();
    if !(3..=5).contains(&caps) {
        return None;
    }
    // ABSsystem: the s belongs to the acronym's next word, not to a plural
    if w[..caps].ends_with('S') {
        return None;
    }
    let rest = &w[caps..];
    let tail = rest.strip_prefix('s')?;
    let ok = tail.chars().count() >= 4 && tail.chars().all(char::is_lowercase);
    ok.then(|| (&w[..caps], tail))
}

impl Rule for EnglishPluralCompound {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for t in 0..doc.tokens.len() {
            if doc.tok(t).kind != TokenKind::Word {
                continue;
            }
            let w = doc.text(t);
            let Some((acronym, tail)) = split(w) else {
                continue;
            };
            let fix = format!("{acronym}-{}", capitalise(tail));
            let tok = doc.tok(t);
            cx.report(
                &META,
                tok.start,
                tok.end,
                format!(
                    "{} glues the English plural {}s into a compound; write {}.",
                    q(w),
                    acronym,
                    q(&fix)
                ),
                Some(fix),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn splits_and_hyphenates() {
        assert_eq!(
            run(&EnglishPluralCompound, "zu GPUsclustern"),
            vec![("GPUsclustern".into(), Some("GPU-Clustern".into()))]
        );
    }
}
