//! Locale rules: numbers, currencies, dates, times and units written the English way.

pub mod currency_position;
pub mod imperial_unit;
pub mod number_format;
pub mod time_format;
pub mod us_date;
pub mod year_preposition;

use crate::document::Document;
use crate::lexicon::WordList;

/// Token `t` is a word that counts or measures the number before it (`magnitudes`, the list
/// `locale.magnitudes` of data/word_lists.csv: Millionen, Prozent, Euro): a decimal point
/// there is English.
pub(crate) fn is_magnitude(magnitudes: &WordList, doc: &Document, t: usize) -> bool {
    t < doc.tokens.len() && magnitudes.has_token(doc, t)
}
