//! Targeted grammar rules for the errors machine translation makes; not a general grammar checker.

pub mod infinitive_article;
pub mod missing_reflexive;
pub mod modal_zu_infinitive;
pub mod non_word;
pub mod np_agreement;
