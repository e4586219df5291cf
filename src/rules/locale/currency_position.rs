//! `currency-position`: a currency sign before the amount ($45 Millionen).

use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::ListId;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::TokenKind;

declare_rule! {
    /// A currency sign before the amount ($45 Millionen) instead of after it (45 Millionen Dollar).
    ///
    /// ## What it flags
    /// $, €, £ or ¥ directly before a number, with the magnitude word that follows (Millionen,
    /// Milliarden, Mrd.). The suggestion moves the currency behind the amount and names it;
    /// a sign with a country code (AU$500, US$100) moves whole (500 AU$). An amount that begins
    /// a hyphenated compound ($2,5-Milliarden-Programm) is flagged without a suggestion.
    ///
    /// ## Why
    /// German puts the currency after the amount; $45 Millionen is English word order and unusual
    /// in German news.
    ///
    /// ## Example
    /// ```text
    /// Meta kaufte das Start-up für $45 Millionen.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Meta kaufte das Start-up für 45 Millionen Dollar.
    /// ```
    pub struct CurrencyPosition;

    static META = {
        id: "currency-position",
        category: "locale/currency-format",
        severity: Severity::Minor,
        positives: &[
            "Meta kaufte das Start-up für $45 Millionen.",
            "Der Preis liegt bei €20.",
            "Der Versand kostete US$100.",
        ],
        negatives: &[
            "Meta kaufte das Start-up für 45 Millionen Dollar.",
            "Der Kurs: 20 € je Aktie.",
        ],
    };
}

fn currency_name(sign: &str) -> Option<&'static str> {
    match sign {
        "$" => Some("US-Dollar"),
        "€" => Some("Euro"),
        "£" => Some("Pfund"),
        "¥" => Some("Yen"),
        _ => None,
    }
}

impl Rule for CurrencyPosition {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let magnitudes = cx.lex.list(ListId::LocaleMagnitudes);
        let n = doc.tokens.len();
        for t in 0..n.saturating_sub(1) {
            let Some(name) = currency_name(doc.text(t)) else {
                continue;
            };
            if doc.tok(t + 1).kind != TokenKind::Number || doc.tok(t + 1).space_before {
                continue;
            }
            let mut end = t + 1;
            let mut amount = doc.text(t + 1).to_string();
            if end + 1 < n && doc.is_word(end + 1) && super::is_magnitude(magnitudes, doc, end + 1)
            {
                end += 1;
                amount = format!("{amount} {}", doc.text(end));
            }
            // AU$500, US$100: the country code belongs to the sign, and the whole sign
            // moves behind the amount (500 AU$); a bare $ is the US dollar
            let code = (t > 0 && !doc.tok(t).space_before && doc.is_word(t - 1))
                .then(|| doc.text(t - 1))
                .filter(|c| c.len() <= 3 && c.chars().all(|ch| ch.is_ascii_uppercase()));
            let s = code.map_or(doc.tok(t).start, |_| doc.tok(t - 1).start);
            let e = doc.tok(end).end;
            let fix = match code {
                Some(c) => format!("{amount} {c}{}", doc.text(t)),
                None => format!("{amount} {name}"),
            };
            // $2,5-Milliarden-Programm: the amount begins a hyphenated compound, which the
            // currency joins inside (2,5-Milliarden-Dollar-Programm); no plain move fits
            let compound =
                end + 1 < n && doc.text(end + 1) == "-" && !doc.tok(end + 1).space_before;
            let message = if compound {
                format!(
                    "{} puts the currency first; German names it after the amount, inside the compound.",
                    q(&doc.view[s..e])
                )
            } else {
                format!(
                    "{} puts the currency first; German writes {}.",
                    q(&doc.view[s..e]),
                    q(&fix)
                )
            };
            cx.report(&META, s, e, message, (!compound).then_some(fix));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn moves_the_sign() {
        assert_eq!(
            run(&CurrencyPosition, "für $45 Millionen"),
            vec![(
                "$45 Millionen".into(),
                Some("45 Millionen US-Dollar".into())
            )]
        );
    }

    #[test]
    fn an_amount_in_a_compound_gets_no_plain_suggestion() {
        assert_eq!(
            run(&CurrencyPosition, "ein getrenntes $2,5-Milliarden-Programm"),
            vec![("$2,5".into(), None)]
        );
    }

    #[test]
    fn a_country_code_moves_with_the_sign() {
        assert_eq!(
            run(&CurrencyPosition, "Es kostete über AU$500 mit Versand."),
            vec![("AU$500".into(), Some("500 AU$".into()))]
        );
        assert_eq!(
            run(&CurrencyPosition, "Der Versand kostete US$100."),
            vec![("US$100".into(), Some("100 US$".into()))]
        );
    }
}
