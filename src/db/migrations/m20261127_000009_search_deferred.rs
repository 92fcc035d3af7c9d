//! The search-index triggers can be held for the rest of a transaction: a bulk writer (a
//! partner's import) puts a row in `search_refresh_deferred`, writes, rewrites the documents of
//! the companies it wrote in a few statements (`zone::index::refresh`) and removes the row before
//! it commits. The row never outlives its transaction: SQLite has one writer at a time, and on
//! PostgreSQL no other transaction sees an uncommitted row, so no other write is ever held.

use super::steps;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The document of company `c`, as `m20261126_000003_company_search` writes it.
const BODY: &str = "c.symbol || ' ' || COALESCE((SELECT group_concat(COALESCE(t.name, '') || ' ' || \
    COALESCE(t.main_business, '') || ' ' || COALESCE(t.advantages, '') || ' ' || COALESCE(t.cooperation_note, ''), ' ') \
    FROM company_texts t WHERE t.company_id = c.id), '')";

const NOT_DEFERRED: &str = "NOT EXISTS (SELECT 1 FROM search_refresh_deferred)";

fn refresh(id: &str) -> String {
    format!(
        "DELETE FROM company_search WHERE rowid = {id}; \
         INSERT INTO company_search(rowid, body) SELECT c.id, {BODY} FROM companies c WHERE c.id = {id};"
    )
}

/// (name, event, body) of each trigger that refreshes a document.
fn triggers() -> Vec<(&'static str, &'static str, String)> {
    vec![
        (
            "company_search_company_insert",
            "AFTER INSERT ON companies",
            refresh("NEW.id"),
        ),
        (
            "company_search_company_update",
            "AFTER UPDATE OF symbol ON companies",
            refresh("NEW.id"),
        ),
        (
            "company_search_text_insert",
            "AFTER INSERT ON company_texts",
            refresh("NEW.company_id"),
        ),
        (
            "company_search_text_update",
            "AFTER UPDATE ON company_texts",
            format!(
                "{} {}",
                refresh("OLD.company_id"),
                refresh("NEW.company_id")
            ),
        ),
        (
            "company_search_text_delete",
            "AFTER DELETE ON company_texts",
            refresh("OLD.company_id"),
        ),
    ]
}

/// PostgreSQL's statement-level trigger functions (`m20261127_000008_search_per_statement`),
/// each returning early while a bulk writer holds the index when `deferrable`.
fn postgres(deferrable: bool) -> Vec<String> {
    let hold = if deferrable {
        "IF EXISTS (SELECT 1 FROM search_refresh_deferred) THEN RETURN NULL; END IF; "
    } else {
        ""
    };
    [
        ("company_search_on_new_companies", "SELECT id FROM changed"),
        (
            "company_search_on_new_texts",
            "SELECT company_id FROM changed",
        ),
        (
            "company_search_on_gone_texts",
            "SELECT company_id FROM gone",
        ),
        (
            "company_search_on_changed_texts",
            "SELECT company_id FROM changed UNION SELECT company_id FROM gone",
        ),
    ]
    .iter()
    .map(|(name, ids)| {
        format!(
            "CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN {hold}PERFORM company_search_refresh_all(ARRAY({ids})); RETURN NULL; END $$"
        )
    })
    .collect()
}

/// SQLite's row triggers, each held while a bulk writer holds the index when `deferrable`.
fn statements(deferrable: bool) -> Vec<String> {
    let mut statements = Vec::new();
    for (name, event, body) in triggers() {
        statements.push(format!("DROP TRIGGER {name}"));
        let when = if deferrable {
            format!(" WHEN {NOT_DEFERRED}")
        } else {
            String::new()
        };
        statements.push(format!(
            "CREATE TRIGGER {name} {event}{when} BEGIN {body} END"
        ));
    }
    statements
}

const CREATE_TABLE: &str = "CREATE TABLE search_refresh_deferred (held integer PRIMARY KEY)";

const DROP_TABLE: &str = "DROP TABLE search_refresh_deferred";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let sqlite = [vec![CREATE_TABLE.to_owned()], statements(true)].concat();
        let pg = [vec![CREATE_TABLE.to_owned()], postgres(true)].concat();
        steps::run_sql_by_backend(manager, sqlite, pg).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let sqlite = [statements(false), vec![DROP_TABLE.to_owned()]].concat();
        let pg = [postgres(false), vec![DROP_TABLE.to_owned()]].concat();
        steps::run_sql_by_backend(manager, sqlite, pg).await
    }
}
