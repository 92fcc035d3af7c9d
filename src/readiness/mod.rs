//! Readiness evaluation (智能评测): a self-assessment for enterprises going abroad. Twenty
//! statements in five dimensions — governance, financial health, intellectual property,
//! internationalisation, ESG — each answered on a four-level scale, scored per dimension, drawn
//! as a chart on the server, with concrete next steps for each weak dimension. Every take is
//! kept, so that an enterprise compares a retake with the one before; operators see them all.

pub mod api;
mod assessment_page;
mod chart;
mod overview_page;
mod pages;
mod questionnaire_page;

cfg_if::cfg_if! {
    if #[cfg(feature = "ssr")] {
        pub mod entity;
        pub mod evaluate;
        mod handlers;
        mod reads;
        mod routes;
        mod take;
    }
}

pub use pages::ReadinessRoutes;
#[cfg(feature = "ssr")]
pub use routes::routes;

use crate::zone::Choice;
use serde::{Deserialize, Serialize};

/// The dimensions, in the order of the questionnaire, the chart and the stored answers
/// (`readiness-dim-*` messages).
pub const DIMENSIONS: [&str; 5] = ["governance", "finance", "ip", "international", "esg"];
/// Statements per dimension (`readiness-q-{dimension}-{1..}`, with `readiness-step-…`).
pub const STATEMENTS: usize = 4;
/// The answer scale, from nothing to fully in place (`readiness-level-*`).
pub const LEVELS: [&str; 4] = ["none", "planned", "partly", "fully"];

/// Under this score a dimension is weak, and shows its next steps.
pub const WEAK_BELOW: u32 = 60;

/// The form field of each statement, `{dimension}-{1..}`, in [`DIMENSIONS`] order.
pub const FIELDS: [&str; 20] = [
    "governance-1",
    "governance-2",
    "governance-3",
    "governance-4",
    "finance-1",
    "finance-2",
    "finance-3",
    "finance-4",
    "ip-1",
    "ip-2",
    "ip-3",
    "ip-4",
    "international-1",
    "international-2",
    "international-3",
    "international-4",
    "esg-1",
    "esg-2",
    "esg-3",
    "esg-4",
];

/// The form field of statement `n` (0-based) of dimension `d` (its index in [`DIMENSIONS`]).
pub fn field_name(d: usize, n: usize) -> &'static str {
    FIELDS[d * STATEMENTS + n]
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_field_is_named_after_its_dimension() {
        for (d, dimension) in super::DIMENSIONS.iter().enumerate() {
            for n in 0..super::STATEMENTS {
                assert_eq!(super::field_name(d, n), format!("{dimension}-{}", n + 1));
            }
        }
    }
}

/// One dimension of an assessment as a page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DimensionResult {
    pub label: String,
    pub score: u32,
    /// The same dimension in the assessment before, if any.
    pub previous: Option<u32>,
    pub weak: bool,
    /// What to do next, when weak.
    pub steps: Vec<String>,
}

/// One assessment, compared with the one its enterprise took before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentView {
    pub id: i32,
    pub account_id: i32,
    /// ISO date.
    pub taken: String,
    pub enterprise: String,
    pub overall: u32,
    pub previous_overall: Option<u32>,
    /// The date of the one it is compared with.
    pub previous_taken: Option<String>,
    pub dimensions: Vec<DimensionResult>,
    /// Taken by the viewer, who may take it again.
    pub mine: bool,
}

/// A row of an enterprise's history, or of the operators' list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentRow {
    pub id: i32,
    pub account_id: i32,
    pub enterprise: String,
    pub taken: String,
    pub overall: u32,
    pub scores: Vec<u32>,
}

/// An enterprise's page: its latest assessment and all it took, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    pub latest: Option<AssessmentView>,
    pub history: Vec<AssessmentRow>,
    pub dimensions: Vec<String>,
    pub mine: bool,
}

/// The operators' page: the latest assessment of each enterprise, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessed {
    pub rows: Vec<AssessmentRow>,
    pub dimensions: Vec<String>,
    pub page: u32,
    pub pages: u32,
    pub enterprises: u64,
}

/// A dimension of the questionnaire: its name and its statements as (field, text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DimensionForm {
    pub code: String,
    pub label: String,
    pub about: String,
    pub statements: Vec<(String, String)>,
}

/// The questionnaire, filled in with the enterprise's last answers when it retakes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Questionnaire {
    pub dimensions: Vec<DimensionForm>,
    pub levels: Vec<Choice>,
    /// The last answers by field name.
    pub last: Vec<(String, String)>,
}
