//! `mixed-address`: formal „Sie“ and informal „du“ addressing the reader in one document.

use crate::document::Document;
use crate::finding::Severity;
use std::sync::LazyLock;

use crate::lexicon::word_lists::{Matching, WordList};
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::segment::SegmentMode;
use crate::text::zones::ZoneSet;

declare_rule! {
    /// The reader is addressed both formally (Sie, Ihnen) and informally (du, dich, dein) in one
    /// text.
    ///
    /// ## What it flags
    /// Formal address (Sie, Ihnen, Ihr … capitalised inside a sentence) and informal address (du,
    /// dich, dir, dein …) in the same document; the less frequent form is flagged. In a file of
    /// one segment per line (`--segments lines`, MT output) without document separators, the 12
    /// lines before and after a line are its context, and the form is flagged only where the
    /// other one occurs at least four times and twice as often there. Quotations, where
    /// speakers may address each other either way, and the French du of names (Pont du Gard)
    /// are skipped.
    ///
    /// ## Why
    /// English you has one form; machine translation picks Sie in one sentence and du in the next,
    /// which reads as careless or rude.
    ///
    /// ## Example
    /// ```text
    /// Wenn Sie das Modell testen, wirst du überrascht sein.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Wenn Sie das Modell testen, werden Sie überrascht sein.
    /// ```
    pub struct MixedAddress;

    static META = {
        id: "mixed-address",
        category: "fluency/register",
        severity: Severity::Minor,
        positives: &[
            "Wenn Sie das Modell testen, wirst du überrascht sein. Sie sollten es versuchen.",
        ],
        negatives: &[
            "Wenn Sie das Modell testen, werden Sie überrascht sein.",
            "Er fragte: „Kommst du mit?“ Sie lehnte ab.",
            "Sehen Sie sich den Pont du Gard an, wenn Sie in der Provence sind.",
        ],
    };
}

// the pronouns of address are a closed grammatical class, not vocabulary: they stay here and
// not in data/word_lists.csv
static INFORMAL: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(Matching::Norm, INFORMAL_WORDS));
static FORMAL: LazyLock<WordList> = LazyLock::new(|| WordList::new(Matching::Exact, FORMAL_WORDS));

const INFORMAL_WORDS: &[&str] = &[
    "du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines",
];
const FORMAL_WORDS: &[&str] = &[
    "Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres",
];

impl Rule for MixedAddress {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        if !(0..doc.tokens.len()).any(|t| INFORMAL.has_token(doc, t)) {
            return;
        }
        let marks = address_marks(doc);
        if marks.is_empty() {
            return;
        }
        // A file of one segment per line is, by default, one document per line (a list of
        // strings). When its lines are the sentences of running text (MT output), an address
        // that changes from one line to the next is the same slip: there the lines within
        // WINDOW of each other are compared.
        let per_line =
            doc.mode == SegmentMode::Lines && doc.documents().len() == doc.segments.len();
        let mut flagged = Vec::new();
        if per_line {
            for (k, m) in marks.iter().enumerate() {
                let near = |j: &&Mark| j.segment.abs_diff(m.segment) <= WINDOW;
                let lo = marks[..k].iter().rev().take_while(near).count();
                let hi = marks[k..].iter().take_while(near).count();
                let window = &marks[k - lo..k + hi];
                let informal = window.iter().filter(|x| x.informal).count();
                let formal = window.len() - informal;
                // between unrelated lines (a chat, a test suite) both forms are normal: only a
                // clear majority around the line makes the other form a slip
                let (major, minor) = (informal.max(formal), informal.min(formal));
                if major >= MIN_MAJORITY
                    && major >= DOMINANCE * minor
                    && minority(m.informal, informal, formal)
                {
                    flagged.push((m.token, if m.informal { "Sie" } else { "du" }));
                }
            }
        } else {
            for unit in super::units(doc) {
                let in_unit: Vec<&Mark> =
                    marks.iter().filter(|m| unit.contains(&m.token)).collect();
                let informal = in_unit.iter().filter(|x| x.informal).count();
                let formal = in_unit.len() - informal;
                flagged.extend(
                    in_unit
                        .iter()
                        .filter(|m| minority(m.informal, informal, formal))
                        .map(|m| (m.token, if m.informal { "Sie" } else { "du" })),
                );
            }
        }
        for (t, other) in flagged {
            let tok = doc.tok(t);
            cx.report(
                &META,
                tok.start,
                tok.end,
                format!(
                    "{} mixes informal and formal address; the text mostly uses {}.",
                    q(doc.text(t)),
                    q(other)
                ),
                None,
            );
        }
    }
}

/// Lines compared with a line of a file of one segment per line, before and after it.
const WINDOW: usize = 12;

/// In such a window, the majority form must occur at least this often …
const MIN_MAJORITY: usize = 4;

/// … and this many times as often as the other form.
const DOMINANCE: usize = 2;

/// A pronoun of address in the author's voice.
struct Mark {
    token: usize,
    segment: usize,
    informal: bool,
}

/// Whether a mark of the given kind is the less frequent form (a tie flags the informal one:
/// formal address is the default of German prose) where both forms occur.
fn minority(informal_mark: bool, informal: usize, formal: usize) -> bool {
    informal > 0
        && formal > 0
        && if informal_mark {
            informal <= formal
        } else {
            formal < informal
        }
}

/// „Pont du Gard“, „La Quadrature du Net“: du between two capitalised words is the French
/// particle of a name.
fn french_particle(doc: &Document, t: usize, start: usize, end: usize) -> bool {
    let capital = |i: usize| doc.is_word(i) && doc.text(i).starts_with(char::is_uppercase);
    doc.text(t) == "du" && t > start && t + 1 < end && capital(t - 1) && capital(t + 1)
}

/// Every pronoun of address in the author's voice, in text order. Quotations, dialogue,
/// titles and citations speak to someone else („Er fragte: „Kommst du mit?““); a capitalised
/// Sie opening a sentence may be „they“.
fn address_marks(doc: &Document) -> Vec<Mark> {
    let mut out = Vec::new();
    for sent in &doc.sentences {
        let first_word = (sent.tok_start..sent.tok_end).find(|&t| doc.is_word(t));
        for t in sent.tok_start..sent.tok_end {
            let tok = doc.tok(t);
            if !doc.is_word(t)
                || doc
                    .zones
                    .touches(tok.start, tok.end, ZoneSet::FOREIGN_VOICE)
            {
                continue;
            }
            let w = doc.text(t);
            let informal = INFORMAL.has_token(doc, t)
                && (w.starts_with(|c: char| c.is_lowercase()) || Some(t) != first_word)
                && !french_particle(doc, t, sent.tok_start, sent.tok_end);
            let formal = !informal && Some(t) != first_word && FORMAL.has_token(doc, t);
            if informal || formal {
                out.push(Mark {
                    token: t,
                    segment: sent.segment,
                    informal,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::flagged;

    #[test]
    fn flags_the_minority_form() {
        assert_eq!(
            flagged(
                &MixedAddress,
                "Wenn Sie kommen, wirst du sehen. Bringen Sie Ihnen das?"
            ),
            ["du"]
        );
    }

    /// The findings of the rule on `text` read as one segment per line.
    fn flagged_lines(text: &str) -> Vec<String> {
        let doc = crate::input::parse(
            text.to_string(),
            crate::input::Format::Text,
            SegmentMode::Lines,
        );
        let lex = crate::Lexicons::builtin().expect("built-in dictionaries");
        let mut cx = Context::new(&lex);
        MixedAddress.check(&doc, &mut cx);
        cx.findings
            .iter()
            .map(|f| doc.view[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn lines_of_running_text_are_compared_with_their_neighbours() {
        let talk = "Stellen Sie sich ein Loch vor.\nDann sehen Sie es.\n\
                    Wenn du nahe genug stündest, würdest du es hören.\nDas hören Sie.\n\
                    Glauben Sie mir.\nWissen Sie, was ich meine?\n";
        assert_eq!(flagged_lines(talk), ["du", "du"]);
        // lines of a chat or a test suite: neither form dominates
        let chat = "Können Sie mir helfen?\nWarum sagst du das nicht?\nDanke für Ihre Hilfe.\n";
        assert!(flagged_lines(chat).is_empty());
    }
}
