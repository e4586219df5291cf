//! `us-date`: dates in American order (7/15/2025, Juli 15) or with English month names.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::abbrev::is_month;
use crate::text::TokenKind;

declare_rule! {
    /// A date in American order (7/15/2025, Juli 15) or with an English month name (July 15).
    ///
    /// ## What it flags
    /// Slash dates whose first number can only be a month (7/15/2025), a German or English month
    /// name followed by a day (Juli 15, July 15), and English month names before a day or year.
    ///
    /// ## Why
    /// 7/5/2025 means 7 May to a German reader and 5 July to an American one (major); English month
    /// names and the day after the month are understood but untranslated (minor).
    ///
    /// ## Example
    /// ```text
    /// Im jüngsten Schritt vom July 15 warb Meta zwei Forscher ab.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Im jüngsten Schritt vom 15. Juli warb Meta zwei Forscher ab.
    /// ```
    pub struct UsDate;

    static META = {
        id: "us-date",
        category: "locale/date-format",
        severity: Severity::Major,
        positives: &[
            "Die Frist endet am 7/15/2025.",
            "Das Interview fand am July 15 statt.",
            "Das Treffen ist am Juli 15, 2025.",
        ],
        negatives: &[
            "Das Interview fand am 15. Juli statt.",
            "Das Verhältnis war 3/4.",
            "Im Juli 2025 kam es.",
        ],
    };
}

/// A date with slashes. The boundaries are ASCII ones: the regex engine's fast DFA does not
/// support Unicode word boundaries, and German text (every umlaut) sent this rule down the
/// slow path; a digit next to a non-ASCII letter is checked by hand in [`UsDate::check`].
static SLASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?-u:\b)").expect("valid regex")
});

fn english_month(w: &str) -> Option<&'static str> {
    Some(match w {
        "January" => "Januar",
        "February" => "Februar",
        "March" => "März",
        "May" => "Mai",
        "June" => "Juni",
        "July" => "Juli",
        "October" => "Oktober",
        "December" => "Dezember",
        _ => return None,
    })
}

/// The word before the month takes a month alone in German (seit März, ab September, im Mai,
/// Ende Juli): a number after the month belongs to what follows.
fn bare_month_before(doc: &Document, t: usize) -> bool {
    t > 0
        && doc.is_word(t - 1)
        && matches!(
            doc.norm(t - 1),
            "seit" | "ab" | "bis" | "im" | "anfang" | "mitte" | "ende" | "für" | "zum"
        )
}

/// Token `t` is a capitalised word after a space: the number before it counts a noun.
fn noun_after(doc: &Document, t: usize) -> bool {
    t < doc.tokens.len()
        && doc.tok(t).space_before
        && doc.is_word(t)
        && doc.text(t).starts_with(|c: char| c.is_uppercase())
}

fn day(doc: &Document, t: usize) -> Option<u32> {
    if t >= doc.tokens.len() || doc.tok(t).kind != TokenKind::Number {
        return None;
    }
    doc.text(t)
        .parse::<u32>()
        .ok()
        .filter(|d| (1..=31).contains(d))
}

impl Rule for UsDate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        for c in SLASH.captures_iter(&doc.view) {
            let all = c.get(0).map_or(0..0, |g| g.range());
            // what a Unicode boundary would refuse: a letter such as ä glued to the date
            if letter(doc.view[..all.start].chars().next_back())
                || letter(doc.view[all.end..].chars().next())
            {
                continue;
            }
            let (m, d, y) = (&c[1], &c[2], &c[3]);
            let (Ok(mn), Ok(dn)) = (m.parse::<u32>(), d.parse::<u32>()) else {
                continue;
            };
            if (1..=12).contains(&mn) && dn > 12 && dn <= 31 {
                let all = c.get(0).map_or((0, 0), |g| (g.start(), g.end()));
                let fix = format!("{dn}.{mn}.{y}");
                cx.report(
                    &META,
                    all.0,
                    all.1,
                    format!("{} is in American order (month/day/year).", q(&c[0])),
                    Some(fix),
                );
            }
        }
        for t in 0..doc.tokens.len() {
            let w = doc.text(t);
            // every month name, German or English, starts with one of these letters
            if !matches!(
                w.as_bytes().first(),
                Some(b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D')
            ) {
                continue;
            }
            let german = english_month(w).or_else(|| is_month(w).then_some(""));
            let Some(german) = german else { continue };
            let Some(d) = day(doc, t + 1) else {
                if !german.is_empty()
                    && t + 1 < doc.tokens.len()
                    && doc.tok(t + 1).kind == TokenKind::Number
                {
                    let tok = doc.tok(t);
                    cx.report_as(
                        &META,
                        Severity::Minor,
                        tok.start,
                        tok.end,
                        format!("{} is an English month name.", q(w)),
                        Some(german.to_string()),
                    );
                }
                continue;
            };
            // „Juli 15“ — but not „Juli 2025“ (a year) or „15. Juli“ (already German)
            if t + 2 < doc.tokens.len() && doc.text(t + 2) == "." && !doc.tok(t + 2).space_before {
                continue;
            }
            // „seit März 21 Menschen“, „ab September 16 Euro“: a month, then a count of a noun
            if bare_month_before(doc, t) || noun_after(doc, t + 2) {
                continue;
            }
            let month = if german.is_empty() { w } else { german };
            let (s, e) = (doc.tok(t).start, doc.tok(t + 1).end);
            let fix = format!("{d}. {month}");
            // the date is understood, only written the English way: minor; a slash date is
            // read as another day, which is major
            cx.report_as(
                &META,
                Severity::Minor,
                s,
                e,
                format!(
                    "{} puts the day after the month; German writes {}.",
                    q(&doc.view[s..e]),
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
    fn a_month_then_a_count_is_not_a_date() {
        for text in [
            "Seit März 21 Menschen getötet.",
            "Am 24. Juli 16 Konten gesperrt.",
            "Karten gibt es ab September 16 Euro teurer.",
        ] {
            assert_eq!(run(&UsDate, text), vec![], "{text}");
        }
    }

    #[test]
    fn a_slash_date_needs_boundaries_on_both_sides() {
        assert_eq!(run(&UsDate, "Code ä7/15/2025 und 7/15/2025ä"), vec![]);
        assert_eq!(
            run(&UsDate, "Frist: 7/15/2025."),
            vec![("7/15/2025".into(), Some("15.7.2025".into()))]
        );
    }

    #[test]
    fn reorders() {
        assert_eq!(
            run(&UsDate, "am July 15 statt"),
            vec![("July 15".into(), Some("15. Juli".into()))]
        );
        assert_eq!(
            run(&UsDate, "am 7/15/2025"),
            vec![("7/15/2025".into(), Some("15.7.2025".into()))]
        );
    }
}
