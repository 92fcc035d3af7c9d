//! Accounts (enterprise, partner, operator), enterprise registrations, database sessions,
//! password-reset tokens, the email outbox, the audit log, rate-limit events, and each
//! exchange's liaison desk.

use sea_orm_migration::{prelude::*, schema::*};

use super::steps::{self, cascade, created_at, index, table_with_id, to_exchange, updated_at};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One column at a time: SQLite adds no more per statement.
const LIAISON_COLUMNS: [&str; 3] = ["liaison_name", "liaison_email", "liaison_phone"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let sessions_by_account = index("sessions", "account", &["account_id"]);
        steps::create_tables(manager, accounts(), [sessions_by_account]).await?;
        let rate_events_by_key = index("rate_events", "key_at", &["key", "at"]);
        steps::create_tables(manager, mail_and_logs(), [rate_events_by_key]).await?;
        steps::add_columns(manager, "exchanges", LIAISON_COLUMNS.map(string_null)).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::drop_tables(manager, accounts().into_iter().chain(mail_and_logs())).await?;
        steps::drop_columns(manager, "exchanges", &LIAISON_COLUMNS).await
    }
}

/// Accounts, the enterprises registered as them and their sessions.
fn accounts() -> [TableCreateStatement; 3] {
    [
        table_with_id("accounts")
            .col(string_len("email", 254).unique_key())
            .col(string("password_hash"))
            .col(string_len("role", 16))
            .col(string_len("status", 16))
            .col(string_null("status_reason"))
            .col(string_len("lang", 2))
            .col(string_len_null("exchange_mic", 4))
            .col(created_at())
            .col(updated_at())
            .foreign_key(&mut to_exchange("accounts"))
            .to_owned(),
        Table::create()
            .table("enterprises")
            .col(integer("account_id").primary_key())
            .col(string("name_zh"))
            .col(string_null("name_en"))
            .col(string_len("uscc", 18).unique_key())
            .col(string_len("kind", 16))
            .col(string_len("industry", 32))
            .col(string_len("region", 2))
            .col(string("contact_name"))
            .col(string_len("phone", 32))
            .col(timestamp_with_time_zone("terms_accepted_at"))
            .foreign_key(&mut cascade("enterprises", "account_id", "accounts"))
            .to_owned(),
        // Keyed by the digest of the cookie's token.
        token_table("sessions", "id")
            .col(timestamp_with_time_zone("last_seen_at"))
            .col(string_len_null("ip", 64))
            .col(string_null("user_agent"))
            .to_owned(),
    ]
}

/// Password resets, the outbox, the audit log and rate-limit events.
fn mail_and_logs() -> [TableCreateStatement; 4] {
    [
        // Keyed by the digest of the emailed link's token.
        token_table("password_resets", "token_hash")
            .col(timestamp_with_time_zone("expires_at"))
            .col(timestamp_with_time_zone_null("used_at"))
            .to_owned(),
        table_with_id("outbox")
            .col(string_len("recipient", 254))
            .col(string_len("lang", 2))
            .col(string_len("kind", 32))
            .col(string("subject"))
            .col(text("body"))
            .col(created_at())
            .col(timestamp_with_time_zone_null("sent_at"))
            .to_owned(),
        table_with_id("audit_log")
            .col(timestamp_with_time_zone("at"))
            .col(integer_null("actor_id"))
            .col(string_len("actor", 254))
            .col(string_len("action", 48))
            .col(string("target"))
            .col(string_len_null("ip", 64))
            .col(string_null("detail"))
            .to_owned(),
        // One row per rate-limited attempt, shared by every app instance on the database.
        table_with_id("rate_events")
            .col(string_len("key", 320))
            .col(timestamp_with_time_zone("at"))
            .to_owned(),
    ]
}

/// A table of an account's tokens, keyed by `key`: the SHA-256 of the token (hex), so that a
/// leaked table cannot be replayed. Deleting the account deletes its tokens.
fn token_table(table: &'static str, key: &'static str) -> TableCreateStatement {
    Table::create()
        .table(table)
        .col(string_len(key, 64).primary_key())
        .col(integer("account_id"))
        .col(created_at())
        .foreign_key(&mut cascade(table, "account_id", "accounts"))
        .to_owned()
}
