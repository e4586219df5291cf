//! English left in the German text.

pub mod english_pronoun;
pub mod stray_english;
pub mod untranslated_english;
