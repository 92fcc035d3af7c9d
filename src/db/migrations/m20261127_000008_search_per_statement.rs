//! PostgreSQL keeps the search index in step once per statement instead of once per row: an
//! import that inserts 500 companies' texts in one statement refreshes their 500 documents in
//! one pass, not 500. SQLite has no statement-level triggers; its row triggers stay.

use super::steps;
use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The documents of the companies `targets`, written or rewritten.
const REFRESH_ALL: &str = "CREATE FUNCTION company_search_refresh_all(targets integer[]) \
    RETURNS void LANGUAGE sql AS $$ \
    INSERT INTO company_search(company_id, body) \
    SELECT c.id, lower(c.symbol || ' ' || COALESCE(string_agg(concat_ws(' ', t.name, \
    t.main_business, t.advantages, t.cooperation_note), ' '), '')) \
    FROM companies c LEFT JOIN company_texts t ON t.company_id = c.id \
    WHERE c.id = ANY(targets) GROUP BY c.id \
    ON CONFLICT (company_id) DO UPDATE SET body = EXCLUDED.body $$";

/// A trigger function refreshing the companies that `ids` selects from its transition tables.
fn on(name: &str, ids: &str) -> String {
    format!(
        "CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN PERFORM company_search_refresh_all(ARRAY({ids})); RETURN NULL; END $$"
    )
}

fn trigger(name: &str, event: &str, table: &str, tables: &str, function: &str) -> String {
    format!(
        "CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {tables} \
         FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
    )
}

fn up_statements() -> Vec<String> {
    vec![
        "DROP TRIGGER company_search_company ON companies".into(),
        "DROP TRIGGER company_search_text ON company_texts".into(),
        REFRESH_ALL.into(),
        on("company_search_on_new_companies", "SELECT id FROM changed"),
        on(
            "company_search_on_new_texts",
            "SELECT company_id FROM changed",
        ),
        on(
            "company_search_on_gone_texts",
            "SELECT company_id FROM gone",
        ),
        on(
            "company_search_on_changed_texts",
            "SELECT company_id FROM changed UNION SELECT company_id FROM gone",
        ),
        trigger(
            "company_search_companies_insert",
            "INSERT",
            "companies",
            "NEW TABLE AS changed",
            "company_search_on_new_companies",
        ),
        trigger(
            "company_search_companies_update",
            "UPDATE",
            "companies",
            "NEW TABLE AS changed",
            "company_search_on_new_companies",
        ),
        trigger(
            "company_search_texts_insert",
            "INSERT",
            "company_texts",
            "NEW TABLE AS changed",
            "company_search_on_new_texts",
        ),
        trigger(
            "company_search_texts_update",
            "UPDATE",
            "company_texts",
            "OLD TABLE AS gone NEW TABLE AS changed",
            "company_search_on_changed_texts",
        ),
        trigger(
            "company_search_texts_delete",
            "DELETE",
            "company_texts",
            "OLD TABLE AS gone",
            "company_search_on_gone_texts",
        ),
    ]
}

/// The row-level triggers of `m20261126_000003_company_search`, as they were.
fn down_statements() -> Vec<String> {
    let mut statements: Vec<String> = [
        "company_search_companies_insert ON companies",
        "company_search_companies_update ON companies",
        "company_search_texts_insert ON company_texts",
        "company_search_texts_update ON company_texts",
        "company_search_texts_delete ON company_texts",
    ]
    .iter()
    .map(|t| format!("DROP TRIGGER {t}"))
    .collect();
    statements.extend(
        [
            "company_search_on_new_companies()",
            "company_search_on_new_texts()",
            "company_search_on_gone_texts()",
            "company_search_on_changed_texts()",
            "company_search_refresh_all(integer[])",
        ]
        .iter()
        .map(|f| format!("DROP FUNCTION {f}")),
    );
    statements.extend([
        "CREATE TRIGGER company_search_company AFTER INSERT OR UPDATE OF symbol ON companies \
         FOR EACH ROW EXECUTE FUNCTION company_search_on_company()"
            .to_owned(),
        "CREATE TRIGGER company_search_text AFTER INSERT OR UPDATE OR DELETE ON company_texts \
         FOR EACH ROW EXECUTE FUNCTION company_search_on_text()"
            .to_owned(),
    ]);
    statements
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::run_sql_on(manager, DbBackend::Postgres, up_statements()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::run_sql_on(manager, DbBackend::Postgres, down_statements()).await
    }
}
