//! The search index of the zone: one document per company (symbol, names and every text in
//! every language), kept in step with `companies` and `company_texts` by triggers. SQLite uses
//! an FTS5 table with the trigram tokenizer, PostgreSQL a trigram GIN index (pg_trgm): both
//! match inside words, which Chinese and Thai need since they do not separate words by spaces.

use sea_orm_migration::prelude::*;

use super::steps;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The document of company `c`, in SQLite.
const SQLITE_BODY: &str = "c.symbol || ' ' || COALESCE((SELECT group_concat(COALESCE(t.name, '') || ' ' || \
    COALESCE(t.main_business, '') || ' ' || COALESCE(t.advantages, '') || ' ' || COALESCE(t.cooperation_note, ''), ' ') \
    FROM company_texts t WHERE t.company_id = c.id), '')";

fn sqlite_refresh(id: &str) -> String {
    format!(
        "DELETE FROM company_search WHERE rowid = {id}; \
         INSERT INTO company_search(rowid, body) SELECT c.id, {SQLITE_BODY} FROM companies c WHERE c.id = {id};"
    )
}

fn sqlite() -> Vec<String> {
    vec![
        "CREATE VIRTUAL TABLE company_search USING fts5(body, tokenize = 'trigram')".into(),
        format!(
            "INSERT INTO company_search(rowid, body) SELECT c.id, {SQLITE_BODY} FROM companies c"
        ),
        format!(
            "CREATE TRIGGER company_search_company_insert AFTER INSERT ON companies BEGIN {} END",
            sqlite_refresh("NEW.id")
        ),
        format!(
            "CREATE TRIGGER company_search_company_update AFTER UPDATE OF symbol ON companies BEGIN {} END",
            sqlite_refresh("NEW.id")
        ),
        "CREATE TRIGGER company_search_company_delete AFTER DELETE ON companies \
         BEGIN DELETE FROM company_search WHERE rowid = OLD.id; END"
            .into(),
        format!(
            "CREATE TRIGGER company_search_text_insert AFTER INSERT ON company_texts BEGIN {} END",
            sqlite_refresh("NEW.company_id")
        ),
        format!(
            "CREATE TRIGGER company_search_text_update AFTER UPDATE ON company_texts BEGIN {} {} END",
            sqlite_refresh("OLD.company_id"),
            sqlite_refresh("NEW.company_id")
        ),
        format!(
            "CREATE TRIGGER company_search_text_delete AFTER DELETE ON company_texts BEGIN {} END",
            sqlite_refresh("OLD.company_id")
        ),
    ]
}

fn postgres() -> Vec<String> {
    vec![
        // Installed once per database, in `public`, whatever schema this migration runs in.
        "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public".into(),
        "CREATE TABLE company_search (company_id integer PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE, \
         body text NOT NULL)"
            .into(),
        "CREATE INDEX ix_company_search_body ON company_search USING gin (body public.gin_trgm_ops)".into(),
        "CREATE FUNCTION company_search_refresh(target integer) RETURNS void LANGUAGE sql AS $$ \
         INSERT INTO company_search(company_id, body) \
         SELECT c.id, lower(c.symbol || ' ' || COALESCE(string_agg(concat_ws(' ', t.name, t.main_business, \
         t.advantages, t.cooperation_note), ' '), '')) \
         FROM companies c LEFT JOIN company_texts t ON t.company_id = c.id WHERE c.id = target GROUP BY c.id \
         ON CONFLICT (company_id) DO UPDATE SET body = EXCLUDED.body $$"
            .into(),
        "CREATE FUNCTION company_search_on_company() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN PERFORM company_search_refresh(NEW.id); RETURN NULL; END $$"
            .into(),
        "CREATE TRIGGER company_search_company AFTER INSERT OR UPDATE OF symbol ON companies \
         FOR EACH ROW EXECUTE FUNCTION company_search_on_company()"
            .into(),
        "CREATE FUNCTION company_search_on_text() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
         IF TG_OP <> 'INSERT' THEN PERFORM company_search_refresh(OLD.company_id); END IF; \
         IF TG_OP <> 'DELETE' THEN PERFORM company_search_refresh(NEW.company_id); END IF; \
         RETURN NULL; END $$"
            .into(),
        "CREATE TRIGGER company_search_text AFTER INSERT OR UPDATE OR DELETE ON company_texts \
         FOR EACH ROW EXECUTE FUNCTION company_search_on_text()"
            .into(),
        "SELECT company_search_refresh(id) FROM companies".into(),
    ]
}

const SQLITE_DOWN: [&str; 7] = [
    "DROP TRIGGER IF EXISTS company_search_company_insert",
    "DROP TRIGGER IF EXISTS company_search_company_update",
    "DROP TRIGGER IF EXISTS company_search_company_delete",
    "DROP TRIGGER IF EXISTS company_search_text_insert",
    "DROP TRIGGER IF EXISTS company_search_text_update",
    "DROP TRIGGER IF EXISTS company_search_text_delete",
    "DROP TABLE IF EXISTS company_search",
];

const POSTGRES_DOWN: [&str; 4] = [
    "DROP TABLE IF EXISTS company_search",
    "DROP FUNCTION IF EXISTS company_search_on_text() CASCADE",
    "DROP FUNCTION IF EXISTS company_search_on_company() CASCADE",
    "DROP FUNCTION IF EXISTS company_search_refresh(integer)",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::run_sql_by_backend(manager, sqlite(), postgres()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::run_sql_by_backend(manager, SQLITE_DOWN, POSTGRES_DOWN).await
    }
}
