//! Sentence-structure rules: cut-off text, broken sentence starts, capitals after commas,
//! repeated phrases.

pub mod capitalized_after_comma;
pub mod lowercase_sentence_start;
pub mod repeated_phrase;
pub mod run_in_heading;
pub mod truncated_text;

/// Short German function words: articles, pronouns, conjunctions and prepositions.
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "und", "oder", "aber", "dass", "mit", "von", "vom", "zu", "zum", "zur", "für", "auf", "in",
    "im", "an", "am", "bei", "beim", "nach", "aus", "über", "unter", "vor", "wie", "als", "sowie",
    "sich", "sie", "er", "es", "wir", "ich", "ihr", "was", "wer", "nicht", "auch", "noch", "so",
    "ist", "sind", "war", "hat", "haben", "wird", "werden", "um", "durch", "gegen", "ohne", "bis",
    "seit", "ob", "weil", "wenn", "denn", "doch", "nur", "schon", "sehr", "mehr",
];

/// `w` (lower case) is a function word.
pub(crate) fn is_function_word(w: &str) -> bool {
    FUNCTION_WORDS.contains(&w)
}
