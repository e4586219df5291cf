//! Locale rules: numbers, currencies, dates, times and units written the English way.

pub mod currency_position;
pub mod imperial_unit;
pub mod number_format;
pub mod time_format;
pub mod us_date;
pub mod year_preposition;

use crate::document::Document;

/// Words that count or measure the number before them: a decimal point there is English.
pub(crate) const MAGNITUDES: &[&str] = &[
    "milliarde",
    "milliarden",
    "million",
    "millionen",
    "billion",
    "billionen",
    "mrd",
    "mio",
    "prozent",
    "%",
    "euro",
    "dollar",
    "us-dollar",
    "pfund",
    "franken",
    "yen",
    "yuan",
    "prozentpunkte",
    "tausend",
];

/// Token `t` is a word of `MAGNITUDES`.
pub(crate) fn is_magnitude(doc: &Document, t: usize) -> bool {
    t < doc.tokens.len() && MAGNITUDES.contains(&doc.norm(t))
}
