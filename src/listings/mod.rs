//! Partner exchanges keep their listings current: they upload the files their own systems
//! publish (or send them to the API), see what would change, commit it in one transaction, and
//! can undo it; and they edit, delist and relist their companies one by one.
//!
//! Both builds: `mod.rs` what crosses the wire, `api.rs` the server functions, `pages.rs` the
//! workspace and a batch's preview, `company_pages.rs` and `company_editor.rs` the company list
//! and edit form, `views.rs` what those pages share, `upload.rs` the upload's progress island.
//!
//! Server only: `read/` turns bytes into sheets; `columns.rs`, `values.rs`, `codes.rs` and
//! `vocab.rs` name and check cells; `rows.rs` and `plan.rs` make a plan, `report.rs` its problems' messages; `snapshot.rs` reads
//! and writes one company; `batches.rs` keeps batches, commits and undoes them; `mapping.rs` the
//! columns' fields; `preview.rs`, `workspace.rs` and `companies.rs` the pages' data;
//! `company_check.rs` an edit form checked into a snapshot; `tokens.rs` the API's keys;
//! `handlers.rs`, `company_handlers.rs`, `rest.rs` and `openapi.rs` the plain HTTP routes, which
//! `routes.rs` declares; `bench.rs` the import benchmark; `entity.rs` the tables.

pub mod api;
mod company_editor;
mod company_pages;
mod import_page;
mod pages;
mod upload;
mod views;

cfg_if::cfg_if! {
    if #[cfg(feature = "ssr")] {
        mod apply;
        pub mod batches;
        pub mod bench;
        mod bulk_pg;
        pub mod codes;
        pub mod columns;
        mod companies;
        mod company_check;
        mod company_handlers;
        pub mod entity;
        mod fields;
        mod handlers;
        pub mod mapping;
        mod openapi;
        pub mod plan;
        mod preview;
        mod progress;
        pub mod read;
        mod report;
        mod rest;
        mod routes;
        pub mod rows;
        pub mod snapshot;
        mod store;
        pub mod tokens;
        pub mod values;
        mod vocab;
        mod workspace;
        mod year_cells;
    }
}

pub use pages::ListingRoutes;
#[cfg(feature = "ssr")]
pub use routes::{own_rules, routes};

use serde::{Deserialize, Serialize};

/// The encodings a partner may pick instead of the detected one.
pub const ENCODINGS: [&str; 7] = [
    "UTF-8",
    "UTF-16LE",
    "UTF-16BE",
    "gb18030",
    "GBK",
    "windows-874",
    "windows-1252",
];

/// A column's choice that says: no field, leave this column out.
pub const IGNORE: &str = "ignore";

/// What an import did, or would do, to an exchange's companies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Counts {
    /// Data rows in the file.
    pub total: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub delisted: usize,
    /// Rows with at least one problem.
    pub rejected: usize,
}

/// One problem with one cell (or a whole row), its message in the page language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RowProblem {
    pub row: usize,
    /// The header as the file writes it (empty for a whole row).
    pub column: String,
    pub value: String,
    pub code: String,
    pub message: String,
}

/// One batch in the history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchSummary {
    pub id: i32,
    pub exchange_mic: String,
    /// `2026-11-27 09:30 UTC`
    pub created_at: String,
    pub actor: String,
    pub channel: String,
    pub file_name: String,
    pub file_size: i64,
    pub format: String,
    pub encoding: Option<String>,
    pub full_list: bool,
    /// `preview`, `committed`, `refused`, `checked` (an API dry run) or `undone`.
    pub status: String,
    pub counts: Counts,
}

/// A column of the file no alias knew, and what the partner chose for it so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnmappedColumn {
    pub header: String,
    pub key: String,
    pub samples: Vec<String>,
}

/// One company's changes, for the preview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyChanges {
    pub symbol: String,
    pub name: String,
    /// (field, old, new); the field as `columns::Field::key` writes it.
    pub changes: Vec<(String, String, String)>,
}

/// The preview of a batch: what committing it would do, or why it cannot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub batch: BatchSummary,
    /// The files as uploaded, by part (the companies, then perhaps their years), to download.
    pub files: Vec<(i16, String)>,
    /// Why the file could not be read at all, localized; then everything below is empty.
    pub unreadable: Option<String>,
    pub problems: Vec<RowProblem>,
    /// All problems, of which `problems` shows the first.
    pub problem_count: usize,
    pub warnings: Vec<String>,
    pub unmapped: Vec<UnmappedColumn>,
    /// The fields a column can be mapped to: (key, label in the page language).
    pub fields: Vec<(String, String)>,
    pub created: Vec<CompanyChanges>,
    pub updated: Vec<CompanyChanges>,
    pub delisted: Vec<CompanyChanges>,
    /// The encodings the partner may choose instead of the detected one.
    pub encodings: Vec<String>,
    /// The batch can still be committed: a preview with no problem.
    pub can_commit: bool,
    /// The batch can be undone: committed, and not yet undone.
    pub can_undo: bool,
}

/// A partner's workspace: its exchange and its history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    pub exchange_mic: String,
    pub exchange_name: String,
    pub listed: u64,
    pub delisted: u64,
    pub history: Vec<BatchSummary>,
    pub tokens: Vec<TokenSummary>,
    /// The upload limits, for the form's hint.
    pub max_mb: usize,
    pub max_rows: usize,
}

/// An API token as its owner sees it: never the token itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenSummary {
    pub id: i32,
    pub name: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked: bool,
}

/// The texts of a company, as its edit form names them: `{field}.{lang}`, e.g. `name.th`.
pub const COMPANY_TEXT_FIELDS: [&str; 4] =
    ["name", "main_business", "advantages", "cooperation_note"];

/// One company in the partner's list of its exchange's companies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyRow {
    pub symbol: String,
    /// In the page language, or the nearest one that has a name; the symbol when none has.
    pub name: crate::i18n::Localized,
    /// A `market-*` code; empty when not known.
    pub market: String,
    /// An `industry-*` code; empty when not known.
    pub industry: String,
    pub delisted: bool,
}

/// One page of an exchange's companies, searched and filtered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyList {
    pub exchange_mic: String,
    pub exchange_name: String,
    /// The exchange's markets, for the filter: (code, label in the page language).
    pub markets: Vec<(String, String)>,
    pub rows: Vec<CompanyRow>,
    /// Companies that match, on every page.
    pub total: usize,
    pub page: u32,
    pub pages: u32,
}

/// A company's texts in one language, as its edit form shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyFormTexts {
    /// `zh`, `en`, `ms` or `th`.
    pub lang: String,
    /// In the order of [`COMPANY_TEXT_FIELDS`]; empty where the company has none.
    pub values: Vec<String>,
}

/// One fiscal year as the edit form shows it: amounts as plain digits, in `unit`s.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyFormYear {
    pub fiscal_year: i32,
    pub currency: String,
    pub unit: String,
    pub revenue: String,
    pub net_profit: String,
    pub total_assets: String,
    pub total_equity: String,
    /// Empty when not reported.
    pub eps: String,
    pub audited: bool,
}

/// Everything the edit form shows of one company, as stored (plain text where the server's
/// snapshot has dates and numbers, so that both builds share it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyForm {
    pub exchange_mic: String,
    pub symbol: String,
    pub name: crate::i18n::Localized,
    pub delisted: bool,
    pub market: String,
    pub industry: String,
    pub sector: String,
    pub country: String,
    pub website: String,
    pub contact_email: String,
    /// `2026-03-15`, or empty.
    pub listing_date: String,
    pub green: bool,
    /// In the order of `Lang::ALL`.
    pub texts: Vec<CompanyFormTexts>,
    /// The intention codes the company declares.
    pub intents: Vec<String>,
    /// Oldest first.
    pub years: Vec<CompanyFormYear>,
    /// The exchange's markets and the industries: (code, label in the page language).
    pub markets: Vec<(String, String)>,
    pub industries: Vec<(String, String)>,
    /// The company as the form shows it, digested: a save refuses to overwrite another change
    /// made since.
    pub seen: String,
}
