//! Table-driven rules over the phrase dictionaries: literal idioms, false friends, anglicisms.

pub mod anglicism;
pub mod false_friend;
pub mod literal_idiom;

use crate::document::Document;
use crate::lexicon::{PhraseInfo, PhraseTable};
use crate::rules::{Context, RuleMeta};

/// Reports every match of `table`, with the message `message(flagged, info)`.
pub(crate) fn report_table(
    doc: &Document,
    cx: &mut Context<'_>,
    meta: &'static RuleMeta,
    table: impl Fn(&crate::lexicon::Lexicons) -> &PhraseTable<PhraseInfo>,
    message: impl Fn(&str, &PhraseInfo) -> String,
) {
    let lex = cx.lex;
    for hit in table(lex).find(doc) {
        let info = &hit.entry.data;
        let (s, e) = (
            doc.tok(hit.m.mark_start).start,
            doc.tok(hit.m.mark_end - 1).end,
        );
        let msg = message(&doc.view[s..e], info);
        let severity = info.severity.unwrap_or(meta.severity);
        cx.report_as(meta, severity, s, e, msg, info.suggestions.first().cloned());
    }
}
