//! Partner exchanges keep their listings current: they upload the files their own systems
//! publish (or send them to the API), see what would change, commit it in one transaction, and
//! can undo it.
//!
//! `mod.rs` holds what crosses the wire; `pages.rs` the partner's pages and `api.rs` their
//! server functions. On the server only: `read/` turns bytes into sheets, `columns.rs`,
//! `values.rs`, `codes.rs` and `vocab.rs` name and check cells, `rows.rs` and `plan.rs` make a
//! plan, `snapshot.rs` reads and writes one company, `batches.rs` keeps the batches, commits and
//! undoes them, `preview.rs` and `workspace.rs` the pages' data, `tokens.rs` the API's keys, `handlers.rs` and `rest.rs` the plain HTTP routes,
//! `entity.rs` the tables.

pub mod api;
mod pages;

cfg_if::cfg_if! {
    if #[cfg(feature = "ssr")] {
        pub mod batches;
        pub mod codes;
        pub mod columns;
        pub mod entity;
        mod handlers;
        pub mod mapping;
        pub mod plan;
        mod preview;
        pub mod read;
        mod rest;
        mod routes;
        pub mod rows;
        pub mod snapshot;
        pub mod tokens;
        pub mod values;
        mod vocab;
        mod workspace;
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
    /// `preview`, `committed`, `refused` or `undone`.
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
