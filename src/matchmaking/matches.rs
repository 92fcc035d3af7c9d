//! What the recommendation pages show: companies for a demand, or demands for a company, each
//! with its score and the parts it is made of, in the page language.

use crate::i18n::Localized;
use serde::{Deserialize, Serialize};

/// One part of a score: its name, its points out of its most, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    pub part: String,
    pub points: u32,
    pub max: u32,
    pub why: String,
}

/// A recommended company or demand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommended {
    pub title: Localized,
    pub href: String,
    /// Its exchange and industry, or its kind and industry.
    pub facts: String,
    /// Out of 100.
    pub score: u32,
    pub reasons: Vec<Reason>,
    /// What the viewer can do next with it, as a link and its label.
    pub act: Option<(String, String)>,
}

/// A recommendation page: what it is for, and the best matches first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendations {
    pub about: Localized,
    pub about_href: String,
    pub items: Vec<Recommended>,
    /// How many companies or demands were weighed.
    pub weighed: u64,
}
