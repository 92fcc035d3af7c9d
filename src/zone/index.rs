//! The search index for bulk writers. The index's triggers refresh a company's document at every
//! row (SQLite) or statement (PostgreSQL) written, so a new company's document is written once
//! for the company and again for its texts. A writer of thousands of companies holds the
//! triggers for its transaction (`defer`) and writes each document once, in a few statements
//! (`refresh`), before it commits. The document is the one `m20261126_000003_company_search`
//! defines; on PostgreSQL its function `company_search_refresh_all` writes it.

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement, Value};

const BODY: &str = "c.symbol || ' ' || COALESCE((SELECT group_concat(COALESCE(t.name, '') || ' ' || \
    COALESCE(t.main_business, '') || ' ' || COALESCE(t.advantages, '') || ' ' || COALESCE(t.cooperation_note, ''), ' ') \
    FROM company_texts t WHERE t.company_id = c.id), '')";

/// Ids per statement: far below SQLite's limit on bound parameters.
const CHUNK: usize = 500;

/// Holds the index's triggers until [`refresh`], within the caller's transaction. On
/// PostgreSQL a second bulk writer waits here until the first has committed.
pub async fn defer(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    db.execute_unprepared(
        "INSERT INTO search_refresh_deferred (held) VALUES (1) ON CONFLICT (held) DO NOTHING",
    )
    .await?;
    Ok(())
}

/// Rewrites the documents of companies `ids` and lets the triggers work again. Must run in the
/// same transaction as [`defer`], before it commits.
pub async fn refresh(db: &impl ConnectionTrait, ids: &[i32]) -> Result<(), DbErr> {
    if db.get_database_backend() == DbBackend::Postgres {
        for chunk in ids.chunks(CHUNK) {
            db.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT company_search_refresh_all($1)",
                [chunk.to_vec().into()],
            ))
            .await?;
        }
        db.execute_unprepared("DELETE FROM search_refresh_deferred")
            .await?;
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
