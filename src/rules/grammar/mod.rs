//! Targeted grammar rules for the errors machine translation makes; not a general grammar checker.

pub mod article_gender;
pub mod infinitive_article;
pub mod missing_reflexive;
