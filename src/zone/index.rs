//! The search index for bulk writers. On SQLite the index's triggers refresh a company's
//! document at every row written; a writer of thousands of companies holds them for its
//! transaction (`defer`) and rewrites the documents of what it wrote in a few statements
//! (`refresh`) before it commits. PostgreSQL's triggers already run once per statement, so both
//! are no-ops there. The document is the one `m20261126_000003_company_search` defines.

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement, Value};

const BODY: &str = "c.symbol || ' ' || COALESCE((SELECT group_concat(COALESCE(t.name, '') || ' ' || \
    COALESCE(t.main_business, '') || ' ' || COALESCE(t.advantages, '') || ' ' || COALESCE(t.cooperation_note, ''), ' ') \
    FROM company_texts t WHERE t.company_id = c.id), '')";

/// Ids per statement: far below SQLite's limit on bound parameters.
const CHUNK: usize = 500;

fn sqlite(db: &impl ConnectionTrait) -> bool {
    db.get_database_backend() == DbBackend::Sqlite
}

/// Holds the index's row triggers until [`refresh`], within the caller's transaction.
pub async fn defer(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    if sqlite(db) {
        db.execute_unprepared("INSERT OR IGNORE INTO search_refresh_deferred (held) VALUES (1)")
            .await?;
    }
    Ok(())
}

/// Rewrites the documents of companies `ids` and lets the triggers work again. Must run in the
/// same transaction as [`defer`], before it commits.
pub async fn refresh(db: &impl ConnectionTrait, ids: &[i32]) -> Result<(), DbErr> {
    if !sqlite(db) {
        return Ok(());
    }
    for chunk in ids.chunks(CHUNK) {
        let marks = vec!["?"; chunk.len()].join(", ");
        let values: Vec<Value> = chunk.iter().map(|id| (*id).into()).collect();
        let statement =
            |sql: String| Statement::from_sql_and_values(DbBackend::Sqlite, sql, values.clone());
        db.execute_raw(statement(format!(
            "DELETE FROM company_search WHERE rowid IN ({marks})"
        )))
        .await?;
        db.execute_raw(statement(format!(
            "INSERT INTO company_search(rowid, body) SELECT c.id, {BODY} FROM companies c WHERE c.id IN ({marks})"
        )))
        .await?;
    }
    db.execute_unprepared("DELETE FROM search_refresh_deferred")
        .await?;
    Ok(())
}
