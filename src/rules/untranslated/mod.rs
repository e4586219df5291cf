//! English left in the German text.

pub mod untranslated_english;
