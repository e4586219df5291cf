//! `time-format`: 12-hour times with a.m./p.m.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};

declare_rule! {
    /// A 12-hour time with a.m. or p.m. (3 p.m.) instead of the 24-hour clock (15 Uhr).
    ///
    /// ## What it flags
    /// A time of 1 to 12 o'clock, optionally with minutes, followed by a.m., p.m., AM or PM. The
    /// suggestion converts it to the 24-hour clock.
    ///
    /// ## Why
    /// German uses the 24-hour clock; a.m. and p.m. are untranslated and easily misread. The
    /// time itself is still understood, so the finding is minor (MQM: a locale convention
    /// that does not change the meaning).
    ///
    /// ## Example
    /// ```text
    /// Die Konferenz beginnt um 3 p.m. Ortszeit.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Die Konferenz beginnt um 15 Uhr Ortszeit.
    /// ```
    pub struct TimeFormat;

    static META = {
        id: "time-format",
        category: "locale/time-format",
        severity: Severity::Minor,
        positives: &[
            "Die Konferenz beginnt um 3 p.m. Ortszeit.",
            "Start ist um 10:30 AM.",
        ],
        negatives: &[
            "Die Konferenz beginnt um 15 Uhr.",
            "Er kam um 3 Uhr nachts.",
            "Das PM-Team tagt um 9 Uhr.",
        ],
    };
}

/// The pattern, with Unicode word boundaries: the definition of what is flagged.
const PATTERN: &str = r"\b(1[0-2]|0?[1-9])(?::([0-5]\d))?\s?(?:([aApP])\.\s?[mM]\.|([aApP])[mM]\b)";

static TIME: LazyLock<Regex> = LazyLock::new(|| Regex::new(PATTERN).expect("valid regex"));

/// [`PATTERN`] with ASCII word boundaries. Unicode `\b` keeps the regex off its fast DFA on
/// German text (every umlaut), which made this rule fifteen times slower; an ASCII
/// boundary is found wherever a Unicode one is, so this finds every match and a few more.
static TIME_ASCII: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&PATTERN.replace("\\b", "(?-u:\\b)")).expect("valid regex"));

/// The matches of [`TIME`], found with [`TIME_ASCII`]: a candidate whose boundaries hold
/// under Unicode rules too is the match `TIME` finds there; otherwise `TIME` itself
/// searches on from the candidate (no Unicode match starts before it).
fn times(text: &str) -> Vec<regex::Captures<'_>> {
    let word = |c: Option<char>| c.is_some_and(regex_syntax::is_word_character);
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(c) = TIME_ASCII.captures_at(text, pos) {
        let all = c.get(0).expect("group 0 is the match");
        let before = text[..all.start()].chars().next_back();
        let after = text[all.end()..].chars().next();
        let c = if !word(before) && (c.get(4).is_none() || !word(after)) {
            c
        } else {
            match TIME.captures_at(text, all.start()) {
                Some(c) => c,
                None => break,
            }
        };
        pos = c.get(0).expect("group 0 is the match").end();
        out.push(c);
    }
    out
}

/// The match is the German preposition „am“ after a number („Gleis 3 am Bahnsteig“, „Staffel 2
/// am Haus“), not a 12-hour time: a separate „am“ (or one across a line break) followed by a
/// word. A time ends there („um 7 am.“, „um 7 am, …“).
fn german_am(view: &str, c: &regex::Captures<'_>) -> bool {
    let (Some(all), Some(marker)) = (c.get(0), c.get(4)) else {
        return false;
    };
    if !marker.as_str().eq_ignore_ascii_case("a") {
        return false;
    }
    let gap = &view[c
        .get(2)
        .map_or(c.get(1).map_or(all.start(), |m| m.end()), |m| m.end())
        ..marker.start()];
    if gap.is_empty() {
        return false;
    }
    if gap.contains('\n') {
        return true;
    }
    let rest = view[all.end()..].trim_start_matches([' ', '\u{a0}']);
    rest.starts_with(|ch: char| ch.is_alphanumeric())
}

impl Rule for TimeFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for c in times(&doc.view) {
            let (Some(all), Ok(h)) = (c.get(0), c[1].parse::<u32>()) else {
                continue;
            };
            let end = all.end();
            if german_am(&doc.view, &c) {
                continue;
            }
            let marker = c.get(3).or_else(|| c.get(4)).map_or("", |m| m.as_str());
            let pm = marker.eq_ignore_ascii_case("p");
            let h24 = match (h, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            };
            let fix = match c.get(2) {
                Some(m) => format!("{h24}:{} Uhr", m.as_str()),
                None => format!("{h24} Uhr"),
            };
            let shown = &doc.view[all.start()..end];
            cx.report(
                &META,
                all.start(),
                end,
                format!("{} is a 12-hour time; German writes {}.", q(shown), q(&fix)),
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
    fn finds_what_the_unicode_pattern_finds() {
        for text in [
            "um 3 pm und 4 am",
            "ä3 pm, 3 pmä, 3 p.m.ä, ä1:05 pm, x3 pm, 3 pm²",
            "é3 am 10:30AM 12 p. m. 13 pm 1 pmé 2 pm",
            "3 AMé 4 AM",
        ] {
            let want: Vec<_> = TIME.find_iter(text).map(|m| (m.start(), m.end())).collect();
            let got: Vec<_> = times(text)
                .iter()
                .map(|c| (c.get(0).unwrap().start(), c.get(0).unwrap().end()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn the_german_preposition_am_is_not_a_time() {
        for text in [
            "Gleis 3 am Hausbahnsteig führte nach Angerburg.",
            "Katzie 1 und Katzie 2 am Fraser River.",
            "verschüttet 5\nAm Samstag fegte eine Lawine",
        ] {
            assert_eq!(run(&TimeFormat, text), vec![], "{text}");
        }
        assert_eq!(
            run(&TimeFormat, "Er kam um 7 am."),
            vec![("7 am".into(), Some("7 Uhr".into()))]
        );
        assert_eq!(
            run(&TimeFormat, "Er kam um 7am an."),
            vec![("7am".into(), Some("7 Uhr".into()))]
        );
    }

    #[test]
    fn converts_to_24_hours() {
        assert_eq!(
            run(&TimeFormat, "um 3 p.m. Ortszeit"),
            vec![("3 p.m.".into(), Some("15 Uhr".into()))]
        );
        assert_eq!(
            run(&TimeFormat, "um 10:30 AM."),
            vec![("10:30 AM".into(), Some("10:30 Uhr".into()))]
        );
    }
}
