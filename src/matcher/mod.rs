//! The phrase-matching engine: patterns with inflection wildcards and context cues
//! ([`pattern`]), compiled into tables anchored by their rarest word ([`table`], `anchor`),
//! searched over a [`Document`](crate::document::Document)'s token stream. It knows nothing
//! about the CSV files the patterns come from (that is [`crate::lexicon`]); what a match
//! reports is the table's type parameter.

mod anchor;
pub mod pattern;
pub mod table;

pub use pattern::{parse_cues, CaseRule, Cue, Cues, Pattern};
pub use table::{Entry, Hit, PhraseTable};
