//! `source-number`: a number of the English source that the German target lost or changed.

use std::sync::LazyLock;

use regex::Regex;

use super::{align, aligned, Aligned};
use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::{ListId, WordList};
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};

declare_rule! {
    /// A number of the source is missing or changed in the translation.
    ///
    /// ## What it flags
    /// Numbers of the English source that do not appear in the German target after locale
    /// conversion (1,234.5 = 1.234,5; 15% = 15 %; 3 p.m. = 15 Uhr; July 15 = 15. Juli), a scale
    /// word translated with the wrong magnitude (billion = Milliarde, never Billion; trillion =
    /// Billion), and numbers of 13 or more in the target that the source does not have. Needs a
    /// source; silent without one.
    ///
    /// ## Why
    /// A wrong figure misinforms: 4,4 Billionen is a thousand times 4.4 billion. Readers cannot see
    /// the error without the original.
    ///
    /// ## Example
    /// ```text
    /// 4.4 billion dollars ⇒ 4,4 Billionen Dollar
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// 4,4 Milliarden Dollar
    /// ```
    pub struct SourceNumber;

    static META = {
        id: "source-number",
        category: "accuracy/mistranslation",
        severity: Severity::Major,
        positives: &[
            "The company is worth 4.4 billion dollars. ⇒ Das Unternehmen ist 4,4 Billionen Dollar wert.",
            "Sales rose 15% to 1,234.5 tons. ⇒ Der Absatz stieg um 16 % auf 1.234,5 Tonnen.",
            "The talk was short. ⇒ Der Vortrag dauerte 45 Minuten.",
        ],
        negatives: &[
            "The company is worth 4.4 billion dollars. ⇒ Das Unternehmen ist 4,4 Milliarden Dollar wert.",
            "Sales rose 15% to 1,234.5 tons on July 15 at 3 p.m. ⇒ Der Absatz stieg am 15. Juli um 15 Uhr um 15 Prozent auf 1.234,5 Tonnen.",
            "I have 2 kids. ⇒ Ich habe zwei Kinder.",
            "Die Zahl 45 steht hier ohne Quelle.",
        ],
    };
}

/// A number with its scale (1, 1e3, 1e6, 1e9, 1e12) and its place in the text.
#[derive(Debug, Clone, PartialEq)]
struct Num {
    /// Readings of the digits (German `1.234` may be 1234 or an English 1.234).
    values: Vec<f64>,
    scale: f64,
    start: usize,
    end: usize,
}

static EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(?:%|percent|per cent))?(?:\s+(thousand|million|billion|trillion)\b|(bn)\b)?",
    )
    .expect("valid regex")
});

static DE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\d{1,3}(?:,\d{3}){2,}|\d{1,3}(?:\.\d{3})+|\d{1,3}(?:\u{a0}\d{3})+|\d+)(?:,(\d+))?(?:\.(\d+))?(?:\s*(?:%|Prozent))?(?:\s+(Tausend|Millionen|Million|Mio\.?|Milliarden|Milliarde|Mrd\.?|Billionen|Billion)\b)?",
    )
    .expect("valid regex")
});

fn en_scale(w: &str) -> f64 {
    match w.to_ascii_lowercase().as_str() {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" => 1e12,
        _ => 1.0,
    }
}

fn de_scale(w: &str) -> f64 {
    match w.trim_end_matches('.') {
        "Tausend" => 1e3,
        "Million" | "Millionen" | "Mio" => 1e6,
        "Milliarde" | "Milliarden" | "Mrd" => 1e9,
        "Billion" | "Billionen" => 1e12,
        _ => 1.0,
    }
}

/// The digit before the match is a letter or a digit (a model name such as H100, a word).
fn glued(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '.' || c == ',')
}

fn english_numbers(text: &str) -> Vec<Num> {
    EN.captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            if glued(text, m.start()) {
                return None;
            }
            let int: f64 = c.get(1)?.as_str().replace(',', "").parse().ok()?;
            let frac = c.get(2).map_or(0.0, |f| {
                format!("0.{}", f.as_str()).parse::<f64>().unwrap_or(0.0)
            });
            let scale = c
                .get(3)
                .or_else(|| c.get(4))
                .map_or(1.0, |w| en_scale(w.as_str()));
            Some(Num {
                values: vec![int + frac],
                scale,
                start: m.start(),
                end: m.end(),
            })
        })
        .collect()
}

fn german_numbers(text: &str) -> Vec<Num> {
    DE.captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            if glued(text, m.start()) {
                return None;
            }
            let digits = c.get(1)?.as_str();
            let mut values = Vec::new();
            let plain: f64 = digits.replace(['.', ',', '\u{a0}'], "").parse().ok()?;
            let frac = c
                .get(2)
                .and_then(|f| format!("0.{}", f.as_str()).parse::<f64>().ok())
                .unwrap_or(0.0);
            values.push(plain + frac);
            // „10,000“: an English thousands separator left in the German text
            if let Some(f) = c
                .get(2)
                .filter(|f| f.as_str().len() == 3 && digits.len() <= 3)
            {
                if let Ok(v) = format!("{digits}{}", f.as_str()).parse::<f64>() {
                    values.push(v);
                }
            }
            // an English decimal point or separator left in the German text
            if let Some(f) = c.get(3) {
                values.push(format!("{digits}.{}", f.as_str()).parse().ok()?);
            }
            if digits.contains('.') {
                if let Ok(v) = digits.parse::<f64>() {
                    values.push(v);
                }
            }
            let scale = c.get(4).map_or(1.0, |w| de_scale(w.as_str()));
            Some(Num {
                values,
                scale,
                start: m.start(),
                end: m.end(),
            })
        })
        .collect()
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

const WORDS: &[(&str, f64)] = &[
    ("null", 0.0),
    ("ein", 1.0),
    ("eins", 1.0),
    ("eine", 1.0),
    ("einer", 1.0),
    ("einem", 1.0),
    ("einen", 1.0),
    ("zwei", 2.0),
    ("drei", 3.0),
    ("vier", 4.0),
    ("fünf", 5.0),
    ("sechs", 6.0),
    ("sieben", 7.0),
    ("acht", 8.0),
    ("neun", 9.0),
    ("zehn", 10.0),
    ("elf", 11.0),
    ("zwölf", 12.0),
    ("zwanzig", 20.0),
    ("dreißig", 30.0),
    ("hundert", 100.0),
    ("tausend", 1000.0),
];

const EN_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "dozen",
    "half",
    "quarter",
    "first",
    "second",
    "third",
    "decade",
    "decades",
    "century",
    "centuries",
    "year",
    "years",
    "o'clock",
    "noon",
    "midnight",
    "twice",
    "double",
    "triple",
    "percent",
    "minus",
];

// The English units whose figures change when converted to metric are data
// (`source-number.imperial-units` in data/word_lists.csv); the English number words above are
// a closed class and stay here.

/// The German words of the target, lower-cased.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

impl Rule for SourceNumber {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let imperial = cx.lex.list(ListId::SourceNumberImperialUnits);
        for u in aligned(doc) {
            let target = &doc.view[u.start..u.end];
            let unit = Unit {
                u,
                target,
                tgt: german_numbers(target),
                pairs: align::pairs(doc, &u),
                pm: {
                    let s = u.source.to_ascii_lowercase();
                    s.contains("p.m.") || s.contains(" pm") || s.contains("pm ")
                },
                words: words(target),
                imperial,
            };
            let src = english_numbers(u.source);
            let mut used = vec![false; unit.tgt.len()];
            for n in &src {
                unit.check_source_number(doc, cx, n, &mut used);
            }
            unit.report_invented(doc, cx, &src, &used);
        }
    }
}

/// A unit being checked: its target, the target's numbers and words, and the sentence pairs.
struct Unit<'a> {
    u: Aligned<'a>,
    target: &'a str,
    tgt: Vec<Num>,
    pairs: Vec<align::Pair>,
    /// The source gives a time in the afternoon.
    pm: bool,
    words: Vec<String>,
    /// Units whose figures change when converted to metric (`source-number.imperial-units`).
    imperial: &'a WordList,
}

impl Unit<'_> {
    /// Target number `t` renders source number `n`.
    fn renders(&self, n: &Num, t: &Num) -> bool {
        let v = n.values[0];
        t.values.iter().any(|&x| {
            same(x * t.scale, v * n.scale)
                || (self.pm && v < 12.0 && same(x, v + 12.0))
                || (n.scale > 1.0 && same(x, v) && t.scale == 1.0 && {
                    // "4.4 billion" written "4,4 Mrd" is caught above; a bare
                    // mantissa next to a spelled-out scale ("4,4 Milliarden
                    // Dollar" parsed without the word) counts as present
                    let rest = self.target[t.end..].trim_start().to_lowercase();
                    rest.starts_with("mill") || rest.starts_with("tausend")
                })
        })
    }

    /// Looks for source number `n` in the target; reports a wrong scale on the figure and a
    /// missing number on the aligned sentence.
    fn check_source_number(
        &self,
        doc: &Document,
        cx: &mut Context<'_>,
        n: &Num,
        used: &mut [bool],
    ) {
        let (u, v) = (&self.u, n.values[0]);
        if let Some(i) = self.tgt.iter().position(|t| self.renders(n, t)) {
            used[i] = true;
            return;
        }
        let wrong_scale = self
            .tgt
            .iter()
            .position(|t| n.scale > 1.0 && t.scale > 1.0 && t.values.iter().any(|&x| same(x, v)));
        if let Some(i) = wrong_scale {
            used[i] = true;
            report_scale(doc, cx, u, n, &self.tgt[i]);
            return;
        }
        let spelled = n.scale == 1.0
            && v <= 1000.0
            && v.fract() == 0.0
            && WORDS
                .iter()
                .any(|(w, x)| same(*x, v) && self.words.iter().any(|t| t == w));
        let unit = u.source[n.end..].trim_start().to_ascii_lowercase();
        // converted to metric, the figure changes; small numbers are often written out or
        // dropped with good reason
        if spelled
            || self.imperial.matches(&unit)
            || (n.scale == 1.0 && v < 13.0 && v.fract() == 0.0)
        {
            return;
        }
        let toks = align::target_of(&self.pairs, u, n.start);
        let (s, e) = if toks.is_empty() {
            (u.start, u.end)
        } else {
            (doc.tok(toks.start).start, doc.tok(toks.end - 1).end)
        };
        if doc.view[s..e].trim().is_empty() {
            return;
        }
        cx.report_as(
            &META,
            Severity::Minor,
            s,
            e,
            format!(
                "The source number {} is not in the translation.",
                q(&u.source[n.start..n.end])
            ),
            None,
        );
    }

    /// Reports numbers of 13 or more in the target that the source does not have.
    fn report_invented(&self, doc: &Document, cx: &mut Context<'_>, src: &[Num], used: &[bool]) {
        let u = &self.u;
        if words(u.source)
            .iter()
            .any(|w| EN_WORDS.contains(&w.as_str()))
        {
            return;
        }
        for (i, t) in self.tgt.iter().enumerate() {
            if used[i] || t.values.iter().all(|&x| x < 13.0) {
                continue;
            }
            let matches_any = src.iter().any(|n| {
                t.values
                    .iter()
                    .any(|&x| same(x, n.values[0]) || same(x * t.scale, n.values[0] * n.scale))
            });
            if matches_any {
                continue;
            }
            let (s, e) = (u.start + t.start, u.start + t.end);
            cx.report_as(
                &META,
                Severity::Minor,
                s,
                e,
                format!(
                    "{} is not in the source: check the figure.",
                    q(&doc.view[s..e])
                ),
                None,
            );
        }
    }
}

/// Reports target number `t` that renders source number `n` with the wrong scale word.
fn report_scale(doc: &Document, cx: &mut Context<'_>, u: &Aligned<'_>, n: &Num, t: &Num) {
    let (s, e) = (u.start + t.start, u.start + t.end);
    let english = &u.source[n.start..n.end];
    let right = if n.scale < 1e6 {
        "Tausend"
    } else if n.scale < 1e9 {
        "Millionen"
    } else if n.scale < 1e12 {
        "Milliarden"
    } else {
        "Billionen"
    };
    cx.report(
        &META,
        s,
        e,
        format!(
            "{} is not {}: the scale is wrong by a factor of {} (English billion = Milliarde).",
            q(&doc.view[s..e]),
            q(english),
            if t.scale > n.scale {
                t.scale / n.scale
            } else {
                n.scale / t.scale
            }
        ),
        Some(right.to_string()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::flagged;

    #[test]
    fn billion_as_billion_is_flagged_on_the_figure() {
        let got = flagged(
            &SourceNumber,
            "It raised 4.4 billion. ⇒ Es sammelte 4,4 Billionen ein.",
        );
        assert_eq!(got, vec!["4,4 Billionen"]);
    }

    #[test]
    fn conversions_are_accepted() {
        for ok in [
            "It cost $1,234.5. ⇒ Es kostete 1.234,5 $.",
            "Up 15% ⇒ Plus 15 %",
            "At 3 p.m. ⇒ Um 15 Uhr",
            "On July 15 ⇒ Am 15. Juli",
            "4.4 billion ⇒ 4,4 Mrd.",
            "The GPT-4 model ⇒ Das Modell GPT-4",
            "In the 1990s ⇒ In den 1990er Jahren",
        ] {
            assert!(flagged(&SourceNumber, ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn an_english_separator_copied_into_the_target_is_the_same_number() {
        for ok in [
            "It sold 10,000 units. ⇒ Es verkaufte 10,000 Einheiten.",
            "It sold 1,000,000 units. ⇒ Es verkaufte 1,000,000 Einheiten.",
        ] {
            assert!(flagged(&SourceNumber, ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn a_missing_number_is_located_on_its_sentence() {
        let got = flagged(
            &SourceNumber,
            "It rained all day. The firm sold 10,000 units. ⇒ Es regnete den ganzen Tag. Die Firma verkaufte viele Einheiten.",
        );
        assert_eq!(got, vec!["Die Firma verkaufte viele Einheiten."]);
    }

    #[test]
    fn a_missing_and_an_invented_number() {
        let got = flagged(&SourceNumber, "He was 45. ⇒ Er war alt.");
        assert_eq!(got, vec!["Er war alt."]);
        let got = flagged(&SourceNumber, "He was old. ⇒ Er war 45.");
        assert_eq!(got, vec!["45"]);
    }
}
