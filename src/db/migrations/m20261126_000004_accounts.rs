//! Accounts (enterprise, partner, operator), enterprise registrations, database sessions,
//! password-reset tokens, the email outbox, the audit log, rate-limit events, and each
//! exchange's liaison desk.

use sea_orm_migration::{prelude::*, schema::*};

use super::steps::{self, cascade, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One column at a time: SQLite adds no more per statement.
const LIAISON_COLUMNS: [&str; 3] = ["liaison_name", "liaison_email", "liaison_phone"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::run_all(
            manager,
            [
                Table::create()
                    .table("accounts")
                    .col(pk_auto("id"))
                    .col(string_len("email", 254).unique_key())
                    .col(string("password_hash"))
                    .col(string_len("role", 16))
                    .col(string_len("status", 16))
                    .col(string_null("status_reason"))
                    .col(string_len("lang", 2))
                    .col(string_len_null("exchange_mic", 4))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_accounts_exchange")
                            .from("accounts", "exchange_mic")
                            .to("exchanges", "mic"),
                    )
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
                Table::create()
                    .table("sessions")
                    // The SHA-256 of the cookie's token: a leaked table cannot be replayed.
                    .col(string_len("id", 64).primary_key())
                    .col(integer("account_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("last_seen_at"))
                    .col(string_len_null("ip", 64))
                    .col(string_null("user_agent"))
                    .foreign_key(&mut cascade("sessions", "account_id", "accounts"))
                    .to_owned(),
            ],
        )
        .await?;
        manager
            .create_index(index(
                "ix_sessions_account",
                "sessions",
                &["account_id"],
                false,
            ))
            .await?;
        steps::run_all(
            manager,
            [
                Table::create()
                    .table("password_resets")
                    .col(string_len("token_hash", 64).primary_key())
                    .col(integer("account_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("used_at"))
                    .foreign_key(&mut cascade("password_resets", "account_id", "accounts"))
                    .to_owned(),
                Table::create()
                    .table("outbox")
                    .col(pk_auto("id"))
                    .col(string_len("recipient", 254))
                    .col(string_len("lang", 2))
                    .col(string_len("kind", 32))
                    .col(string("subject"))
                    .col(text("body"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("sent_at"))
                    .to_owned(),
                Table::create()
                    .table("audit_log")
                    .col(pk_auto("id"))
                    .col(timestamp_with_time_zone("at"))
                    .col(integer_null("actor_id"))
                    .col(string_len("actor", 254))
                    .col(string_len("action", 48))
                    .col(string("target"))
                    .col(string_len_null("ip", 64))
                    .col(string_null("detail"))
                    .to_owned(),
                // One row per rate-limited attempt, shared by every app instance on the database.
                Table::create()
                    .table("rate_events")
                    .col(pk_auto("id"))
                    .col(string_len("key", 320))
                    .col(timestamp_with_time_zone("at"))
                    .to_owned(),
            ],
        )
        .await?;
        manager
            .create_index(index(
                "ix_rate_events_key_at",
                "rate_events",
                &["key", "at"],
                false,
            ))
            .await?;
        steps::add_columns(manager, "exchanges", LIAISON_COLUMNS.map(string_null)).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        steps::drop_tables(
            manager,
            &[
                "rate_events",
                "audit_log",
                "outbox",
                "password_resets",
                "sessions",
                "enterprises",
                "accounts",
            ],
        )
        .await?;
        steps::drop_columns(manager, "exchanges", &LIAISON_COLUMNS).await
    }
}
