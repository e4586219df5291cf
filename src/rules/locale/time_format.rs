//! `time-format`: 12-hour times with a.m./p.m.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{q, Context, Rule, RuleMeta};

/// See [`META`].
pub struct TimeFormat;

static META: RuleMeta = RuleMeta {
    id: "time-format",
    category: "locale/time-format",
    severity: Severity::Major,
    summary: "A 12-hour time with a.m. or p.m. (3 p.m.) instead of the 24-hour clock (15 Uhr).",
    flags: "A time of 1 to 12 o'clock, optionally with minutes, followed by a.m., p.m., AM or PM. \
            The suggestion converts it to the 24-hour clock.",
    why: "German uses the 24-hour clock; a.m. and p.m. are untranslated and easily misread.",
    example: "Die Konferenz beginnt um 3 p.m. Ortszeit.",
    instead: "Die Konferenz beginnt um 15 Uhr Ortszeit.",
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

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(1[0-2]|0?[1-9])(?::([0-5]\d))?\s?(?:([aApP])\.\s?[mM]\.|([aApP])[mM]\b)")
        .expect("valid regex")
});

impl Rule for TimeFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for c in TIME.captures_iter(&doc.view) {
            let (Some(all), Ok(h)) = (c.get(0), c[1].parse::<u32>()) else {
                continue;
            };
            let end = all.end();
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
