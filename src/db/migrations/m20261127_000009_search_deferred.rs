//! SQLite's search-index triggers can be held for the rest of a transaction: a bulk writer (a
//! partner's import) puts a row in `search_refresh_deferred`, writes, rewrites the documents of
//! the companies it wrote in one statement (`zone::index::refresh`) and removes the row before it
//! commits. The row never outlives its transaction, and SQLite has one writer at a time, so no
//! other write ever sees it. PostgreSQL already refreshes once per statement.

use sea_orm::{ConnectionTrait, DbBackend};
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

async fn run(manager: &SchemaManager<'_>, statements: Vec<String>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    if db.get_database_backend() != DbBackend::Sqlite {
        return Ok(());
    }
    for statement in statements {
        db.execute_unprepared(&statement).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut up =
            vec!["CREATE TABLE search_refresh_deferred (held INTEGER PRIMARY KEY)".to_owned()];
        up.extend(statements(true));
        run(manager, up).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut down = statements(false);
        down.push("DROP TABLE search_refresh_deferred".to_owned());
        run(manager, down).await
    }
}
