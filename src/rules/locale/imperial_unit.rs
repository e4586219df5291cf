//! `imperial-unit`: miles, feet, gallons and Fahrenheit in German text, with the metric value.

use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::{ListId, WordList};
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::TokenKind;

declare_rule! {
    /// An imperial unit after a number (500 Meilen, 6 Fuß, 90 Grad Fahrenheit), with the metric
    /// value.
    ///
    /// ## What it flags
    /// Meilen, Fuß, Yards, Gallonen, Unzen, Quadratfuß and Fahrenheit after a number. Zoll (screen
    /// sizes), Pfund (also a currency) and nautical miles (Seemeilen) are left alone, and so is
    /// a unit that is its field's norm: yards in American football and golf, feet for altitude
    /// in aviation and for the pitch of organ stops and instruments, ounces of gold and silver.
    ///
    /// ## Why
    /// German readers think in metric units; an unconverted imperial unit is an unfinished
    /// translation.
    ///
    /// ## Example
    /// ```text
    /// Der Campus erstreckt sich über 4 Millionen Quadratfuß.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Der Campus erstreckt sich über 371.600 Quadratmeter.
    /// ```
    pub struct ImperialUnit;

    static META = {
        id: "imperial-unit",
        category: "locale/measurement-format",
        severity: Severity::Minor,
        positives: &["Die Strecke ist 500 Meilen lang.", "Es hatte 90 Grad Fahrenheit."],
        negatives: &[
            "Die Strecke ist 800 Kilometer lang.",
            "Ein 55-Zoll-Fernseher kostet 500 Pfund.",
            "Das Schiff lag 12 Seemeilen vor der Küste.",
            "Die Brücke hatte eine Spannweite von 449 Fuß (137 m).",
            "Die Brücke hatte eine Spannweite von 449 Fuß (137m).",
            "Arbeiter bauten das 8,2 Meter (27 Fuß) hohe Denkmal ab.",
            "Er kam auf 10.541 Yards an Pässen und 108 Touchdowns.",
            "Die Maschine flog in 35.000 Fuß Höhe über die Alpen.",
            "Die Posaune war in Kontra-B (16 Fuß) gestimmt.",
        ],
    };
}

/// (unit, metric unit, factor); Fahrenheit is converted separately.
const UNITS: &[(&str, &str, f64)] = &[
    ("meile", "Kilometer", 1.609_344),
    ("meilen", "Kilometer", 1.609_344),
    ("fuß", "Meter", 0.3048),
    ("yard", "Meter", 0.9144),
    ("yards", "Meter", 0.9144),
    ("gallone", "Liter", 3.785_41),
    ("gallonen", "Liter", 3.785_41),
    ("unze", "Gramm", 28.3495),
    ("unzen", "Gramm", 28.3495),
    ("quadratfuß", "Quadratmeter", 0.092_903),
    ("quadratmeile", "Quadratkilometer", 2.589_99),
    ("quadratmeilen", "Quadratkilometer", 2.589_99),
];

fn parse_german(n: &str) -> Option<f64> {
    n.replace('.', "").replace(',', ".").parse().ok()
}

const SCALES: &[(&str, f64)] = &[
    ("millionen", 1e6),
    ("million", 1e6),
    ("milliarden", 1e9),
    ("milliarde", 1e9),
    ("tausend", 1e3),
];

/// Formats a metric value the German way, rounded to three significant digits.
fn german_number(x: f64) -> String {
    if x >= 1e6 {
        return format!("{} Millionen", german_number((x / 1e5).round() / 10.0));
    }
    let digits = if x >= 100.0 {
        0
    } else if x >= 10.0 {
        1
    } else {
        2
    };
    let s = format!("{x:.digits$}");
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        grouped
    } else {
        format!("{grouped},{frac}")
    }
}

/// Token `t` is a group of three digits after a space that continues the number before it
/// („10 000“).
fn spaced_group(doc: &Document, t: usize) -> bool {
    t > 0
        && doc.tok(t).kind == TokenKind::Number
        && doc.tok(t - 1).kind == TokenKind::Number
        && doc.tok(t).space_before
        && !doc.tok(t).newline_before
        && doc.text(t).len() == 3
        && doc.text(t).bytes().all(|b| b.is_ascii_digit())
        && doc.text(t - 1).len() <= 3
        && doc.text(t - 1).bytes().all(|b| b.is_ascii_digit())
}

/// Words within this many tokens of the measure count as next to it.
const NEAR: usize = 8;

/// A metric value stands within [`NEAR`] tokens of the measure `first..=last`, in its sentence:
/// a number ending in m or a word of `metric` (`imperial-unit.metric-units` in
/// data/word_lists.csv), so the text already gives the metric value („449 Fuß (137 m)“, „8,2
/// Meter (27 Fuß)“).
fn metric_nearby(metric: &WordList, doc: &Document, first: usize, last: usize) -> bool {
    let Some(sent) = doc
        .sentences
        .iter()
        .find(|s| (s.tok_start..s.tok_end).contains(&first))
    else {
        return false;
    };
    let from = first.saturating_sub(NEAR).max(sent.tok_start);
    let to = (last + NEAR + 1).min(sent.tok_end);
    (from..to).filter(|&i| i < first || i > last).any(|i| {
        metric.has_token(doc, i)
            || (doc.tok(i).kind == TokenKind::Number && doc.text(i).ends_with('m'))
            || glued_metric(metric, doc.norm(i))
    })
}

/// „137m“, „42km“: a number with a metric unit glued to it, read as one word.
fn glued_metric(metric: &WordList, norm: &str) -> bool {
    let unit = norm.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
    unit.len() < norm.len()
        && norm.starts_with(|c: char| c.is_ascii_digit())
        && metric.matches(unit)
}

/// Where an imperial unit is the field's own measure, the reader expects it: yards on the
/// field of American football and golf, feet for an aircraft's altitude and for the pitch of
/// an organ stop or instrument (Kontra-B, 16 Fuß), ounces in the price of gold and silver
/// (the troy ounce). Each row: the unit's start, and the starts of words that name the field
/// anywhere in the same sentence.
const FIELD_NORMS: &[(&str, &[&str])] = &[
    (
        "yard",
        &[
            "touchdown",
            "quarterback",
            "field",
            "golf",
            "pass",
            "pässe",
            "lauf",
            "nfl",
            "fairway",
        ],
    ),
    (
        "fuß",
        &[
            "flug", "flog", "flieg", "pilot", "cockpit", "orgel", "register", "pfeife", "gestimmt",
            "stimmung", "tonlage", "kontra", "oktav",
        ],
    ),
    (
        "unze",
        &[
            "gold",
            "silber",
            "platin",
            "palladium",
            "feinunze",
            "edelmetall",
        ],
    ),
];

/// The measure at `t` in `unit` is the norm of the field the sentence speaks of.
fn field_norm(doc: &Document, t: usize, unit: &str) -> bool {
    let Some(&(_, cues)) = FIELD_NORMS.iter().find(|(u, _)| unit.starts_with(u)) else {
        return false;
    };
    let sent = doc.sentences[doc.sentence_of(t)];
    (sent.tok_start..sent.tok_end).any(|i| {
        let w = doc.norm(i);
        cues.iter().any(|c| w.starts_with(c))
    })
}

impl Rule for ImperialUnit {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let metric = cx.lex.list(ListId::ImperialUnitMetricUnits);
        let n = doc.tokens.len();
        for t in 0..n {
            if doc.tok(t).kind != TokenKind::Number {
                continue;
            }
            // „10 000 Meilen“: the number is the digits before the space too
            if t + 1 < n && spaced_group(doc, t + 1) {
                continue;
            }
            let mut first = t;
            while spaced_group(doc, first) {
                first -= 1;
            }
            let digits: String = (first..=t).map(|i| doc.text(i)).collect();
            let Some(value) = parse_german(&digits) else {
                continue;
            };
            let mut u = t + 1;
            let mut scale = 1.0;
            if u < n {
                if let Some((_, s)) = SCALES.iter().find(|(w, _)| *w == doc.norm(u)) {
                    scale = *s;
                    u += 1;
                }
            }
            if u >= n || !doc.is_word(u) {
                continue;
            }
            let unit = doc.norm(u);
            let fahrenheit = unit == "fahrenheit"
                || (unit == "grad" && u + 1 < n && doc.norm(u + 1) == "fahrenheit");
            let (end, fix) = if fahrenheit {
                let end = if unit == "grad" { u + 1 } else { u };
                let c = (value * scale - 32.0) * 5.0 / 9.0;
                (end, format!("{} Grad Celsius", german_number(c.round())))
            } else if let Some((_, metric, f)) = UNITS.iter().find(|(w, _, _)| *w == unit) {
                (u, format!("{} {metric}", german_number(value * scale * f)))
            } else {
                continue;
            };
            if metric_nearby(metric, doc, first, end) || field_norm(doc, t, unit) {
                continue;
            }
            let (s, e) = (doc.tok(first).start, doc.tok(end).end);
            cx.report(
                &META,
                s,
                e,
                format!(
                    "{} is an imperial measure; German readers expect {}.",
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
    fn silent_where_the_unit_is_the_fields_norm() {
        for s in [
            "Der Quarterback warf den Ball 40 Yards weit.",
            "Die Maschine flog in 35.000 Fuß Höhe über die Alpen.",
            "Die Posaune war in Kontra-B (16 Fuß) gestimmt.",
            "Das Register der Orgel klingt in 8 Fuß Lage.",
            "Der Goldpreis stieg auf 1.900 Dollar je 1 Unze.",
        ] {
            assert!(run(&ImperialUnit, s).is_empty(), "{s}");
        }
        // the cue of one field does not excuse another unit
        assert_eq!(
            run(&ImperialUnit, "Der Pilot lief 3 Meilen zum Flugzeug."),
            vec![("3 Meilen".into(), Some("4,83 Kilometer".into()))]
        );
    }

    #[test]
    fn converts() {
        assert_eq!(
            run(&ImperialUnit, "500 Meilen lang"),
            vec![("500 Meilen".into(), Some("805 Kilometer".into()))]
        );
        assert_eq!(
            run(&ImperialUnit, "90 Grad Fahrenheit"),
            vec![("90 Grad Fahrenheit".into(), Some("32 Grad Celsius".into()))]
        );
        assert_eq!(
            run(&ImperialUnit, "Sie flogen 10 000 Meilen weit."),
            vec![("10 000 Meilen".into(), Some("16.093 Kilometer".into()))]
        );
        assert_eq!(
            run(&ImperialUnit, "Die Kevlarschnur ist 8 Fuß lang."),
            vec![("8 Fuß".into(), Some("2,44 Meter".into()))]
        );
        assert_eq!(german_number(371_612.0), "371.612");
        assert_eq!(german_number(1.5), "1,5");
    }
}
